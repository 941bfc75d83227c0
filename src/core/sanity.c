/*
 * sanity.c - dates checked for sense (see sanity.h).
 */
#include <stdio.h>

#include "base/arena.h"
#include "base/buf.h"
#include "core/sanity.h"
#include "base/banned.h"

/* "15 Maret 2023" in b. */
static const char *
day(char *b, size_t n, sel_date d)
{
	struct buf t;

	buf_init(&t, 40);
	date_id(&t, d);
	snprintf(b, n, "%s", t.p != NULL ? t.p : "");
	buf_release(&t);
	return b;
}

static bool
refuse(struct str *why, struct str s)
{
	*why = s;
	return false;
}

bool
sanity_stage(struct arena *a, const struct sanity_plan *p,
    const struct sanity_stage *s, struct str *why)
{
	char d1[40], d2[40];

	if (s->from < p->today)
		return refuse(why, arena_printf(a, "Tanggal mulai tahapan %s "
		    "(%s) sudah lewat; hari ini %s (VAC-PLAN).", s->label,
		    day(d1, sizeof d1, s->from), day(d2, sizeof d2,
		    p->today)));
	if (s->to > p->today + SANITY_AHEAD_DAYS)
		return refuse(why, arena_printf(a, "Tanggal selesai tahapan "
		    "%s (%s) lebih dari 2 tahun sesudah hari ini; periksa "
		    "tahunnya (VAC-PLAN).", s->label, day(d1, sizeof d1,
		    s->to)));
	if (p->closing != 0 && s->from <= p->closing)
		return refuse(why, arena_printf(a, "Tanggal mulai tahapan %s "
		    "(%s) harus sesudah batas akhir pendaftaran (%s): setiap "
		    "tahapan seleksi menyusul pendaftaran (VAC-PLAN).",
		    s->label, day(d1, sizeof d1, s->from), day(d2, sizeof d2,
		    p->closing)));
	for (size_t i = 0; i < p->nstages; i++) {
		const struct sanity_stage *o = &p->stages[i];

		if (o->order < s->order && s->from < o->to)
			return refuse(why, arena_printf(a, "Tanggal mulai "
			    "tahapan %s (%s) harus pada atau sesudah tahapan "
			    "%s selesai (%s) (VAC-PLAN).", s->label,
			    day(d1, sizeof d1, s->from), o->label,
			    day(d2, sizeof d2, o->to)));
		if (o->order > s->order && s->to > o->from)
			return refuse(why, arena_printf(a, "Tanggal selesai "
			    "tahapan %s (%s) harus pada atau sebelum tahapan "
			    "%s dimulai (%s) (VAC-PLAN).", s->label,
			    day(d1, sizeof d1, s->to), o->label,
			    day(d2, sizeof d2, o->from)));
	}
	return true;
}

bool
sanity_recommendation(struct arena *a, sel_date rec, sel_date sent,
    sel_date today, struct str *why)
{
	char d1[40], d2[40];

	if (rec > today)
		return refuse(why, arena_printf(a, "Tanggal rekomendasi (%s) "
		    "sesudah hari ini (%s) (VAC-PLAN).", day(d1, sizeof d1,
		    rec), day(d2, sizeof d2, today)));
	if (sent != 0 && rec < sent)
		return refuse(why, arena_printf(a, "Tanggal rekomendasi (%s) "
		    "sebelum rencana dikirim kepada instansi pengawas (%s): "
		    "rekomendasi menjawab rencana yang dikirim (VAC-PLAN).",
		    day(d1, sizeof d1, rec), day(d2, sizeof d2, sent)));
	return true;
}

bool
sanity_window_at_signing(struct arena *a, sel_date open, sel_date close,
    sel_date today, struct str *why)
{
	char d1[40], d2[40];

	if (close < today)
		return refuse(why, arena_printf(a, "Batas akhir pendaftaran "
		    "(%s) sudah lewat; hari ini %s: ubah dahulu jangka waktu "
		    "pendaftaran (ANN-DURATION).", day(d1, sizeof d1, close),
		    day(d2, sizeof d2, today)));
	if (open < today)
		return refuse(why, arena_printf(a, "Tanggal pengumuman (%s) "
		    "sudah lewat; hari ini %s: jangka waktu pendaftaran "
		    "dihitung sejak pengumuman, maka pengumuman diterbitkan "
		    "paling lambat pada tanggal itu; ubah dahulu tanggal "
		    "pengumuman dan batas akhir pendaftaran (ANN-DURATION).",
		    day(d1, sizeof d1, open), day(d2, sizeof d2, today)));
	return true;
}

bool
sanity_window_saved(struct arena *a, sel_date close, sel_date today,
    struct str *why)
{
	char d1[40], d2[40];

	if (close >= today)
		return true;
	return refuse(why, arena_printf(a, "Batas akhir pendaftaran (%s) "
	    "sudah lewat; hari ini %s: jangka waktu yang seluruhnya lampau "
	    "tidak dapat diumumkan (ANN-DURATION).", day(d1, sizeof d1,
	    close), day(d2, sizeof d2, today)));
}

bool
sanity_window_stages(struct arena *a, sel_date close,
    const struct sanity_stage *stages, size_t n, struct str *why)
{
	char d1[40], d2[40];

	for (size_t i = 0; i < n; i++)
		if (stages[i].from <= close)
			return refuse(why, arena_printf(a, "Batas akhir "
			    "pendaftaran (%s) harus sebelum tahapan %s dimulai "
			    "(%s): ubah dahulu jadwal tahapan (VAC-PLAN).",
			    day(d1, sizeof d1, close), stages[i].label,
			    day(d2, sizeof d2, stages[i].from)));
	return true;
}

bool
sanity_tmt(struct arena *a, sel_date birth, int tmt_year, int tmt_month,
    struct str *why)
{
	static const char *const month[] = { "Januari", "Februari", "Maret",
	    "April", "Mei", "Juni", "Juli", "Agustus", "September",
	    "Oktober", "November", "Desember" };
	sel_date tmt;
	char d1[40];

	if (date_make(tmt_year, tmt_month, 1, &tmt) != SEL_OK)
		return refuse(why, arena_printf(a, "TMT CPNS bukan bulan yang "
		    "sah (TTTT-BB)."));
	if (date_age(birth, tmt) >= SANITY_CPNS_MIN_AGE)
		return true;
	return refuse(why, arena_printf(a, "TMT CPNS (%s %d) kurang dari %d "
	    "tahun sesudah tanggal lahir (%s): pelamar CPNS paling rendah "
	    "berusia %d tahun (PP 11/2017 Pasal 23 ayat (1) huruf a).",
	    month[tmt_month - 1], tmt_year, SANITY_CPNS_MIN_AGE,
	    day(d1, sizeof d1, birth), SANITY_CPNS_MIN_AGE));
}
