/*
 * prep.c - the steps before the announcement and what each needs.
 */
#include <string.h>

#include "base/arena.h"
#include "core/prep.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

static struct prep_step *
step(struct prep_out *o, const char *label, enum prep_state st)
{
	struct prep_step *s = &o->s[o->n++];

	memset(s, 0, sizeof *s);
	s->label = label;
	s->state = st;
	if (st == PS_PENDING)
		o->ready = false;
	return s;
}

static void
cite(struct prep_step *s, const struct profile *p, enum rule_id id,
    enum rule_status st, struct str detail)
{
	const struct prof_rule *r = profile_rule_any(p, id);

	s->has_rule = true;
	s->r.id = id;
	s->r.status = st;
	s->r.detail = detail;
	s->r.citation = r != NULL ? r->citation : STR("");
}

static enum rule_status
status(enum prep_state st)
{
	return st == PS_PENDING ? RS_MISSING : RS_PASS;
}

static void
vacancies(struct arena *a, const struct profile *p, const struct prep_in *in,
    struct prep_out *o)
{
	enum prep_state st = in->nvac > 0 && in->nvac_reasonless == 0 ?
	    PS_DONE : PS_PENDING;
	struct prep_step *s = step(o, "Lowongan dan alasannya", st);
	struct str d;

	if (in->nvac == 0)
		d = STR("Belum ada lowongan jabatan.");
	else if (in->nvac_reasonless > 0)
		d = arena_printf(a, "%zu lowongan belum mencantumkan alasan "
		    "kekosongan.", in->nvac_reasonless);
	else
		d = arena_printf(a, "%zu lowongan, masing-masing dengan alasan "
		    "kekosongan.", in->nvac);
	cite(s, p, R_VAC_REASON, status(st), d);
}

static void
plan(struct arena *a, const struct profile *p, const struct prep_in *in,
    struct prep_out *o)
{
	const struct prof_rule *r = profile_rule_any(p, R_VAC_PLAN);
	bool gate = r != NULL && r->gate;
	enum prep_state st;
	struct prep_step *s;
	struct str d;

	st = in->plan_complete && in->weights_ok ? PS_DONE : PS_PENDING;
	s = step(o, "Rencana pelaksanaan seleksi", st);
	d = st == PS_DONE ? STR("Rencana lengkap: tugas jabatan, standar "
	    "kompetensi, jadwal tahapan, metode, sistem, dan bobot nilai.") :
	    !in->plan_complete ? STR("Rencana belum lengkap: isi tugas "
	    "jabatan, standar kompetensi, metode, sistem, dan jadwal "
	    "tahapan.") : STR("Bobot nilai tahapan belum memenuhi "
	    "ketentuan (SCORE-WEIGHTS).");
	cite(s, p, R_VAC_PLAN, status(st), d);

	st = in->plan_sent ? PS_DONE : PS_PENDING;
	s = step(o, "Rencana dikirim ke instansi pengawas", st);
	d = in->plan_sent ? arena_printf(a, "Rencana telah dikirim ke %.*s.",
	    (int)p->oversight.len, p->oversight.p) :
	    arena_printf(a, "Pengiriman rencana ke %.*s belum dicatat.",
	    (int)p->oversight.len, p->oversight.p);
	cite(s, p, R_VAC_PLAN, status(st), d);

	if (in->recommended)
		st = PS_DONE;
	else
		st = gate ? PS_PENDING : PS_WARN;
	s = step(o, "Rekomendasi instansi pengawas", st);
	if (in->recommended)
		d = STR("Rekomendasi telah dicatat.");
	else if (gate)
		d = STR("Rekomendasi belum dicatat; menurut peraturan ini "
		    "seleksi baru dapat dilaksanakan setelah ada persetujuan, "
		    "jadi pengumuman belum dapat diterbitkan.");
	else
		d = STR("Peringatan: rekomendasi belum dicatat. Peraturan ini "
		    "tidak melarang pengumuman sebelum rekomendasi, tetapi "
		    "rekomendasi wajib ditindaklanjuti.");
	cite(s, p, R_VAC_PLAN, status(st), d);
}

static void
consult(const struct profile *p, const struct prep_in *in,
    struct prep_out *o)
{
	enum prep_state st;
	struct prep_step *s;
	struct str d;

	if (!in->inspektur || profile_rule_any(p, R_VAC_INSPEKTUR) == NULL)
		return;
	if (!in->consulted) {
		st = PS_PENDING;
		d = STR("Lowongan Inspektur: konsultasi kepada Menteri Dalam "
		    "Negeri melalui Gubernur belum dicatat.");
	} else if (in->committee_confirmed &&
	    in->consult_on > in->committee_on) {
		st = PS_PENDING;
		d = STR("Konsultasi dicatat sesudah panitia seleksi dibentuk; "
		    "peraturan mewajibkannya sebelum pembentukan panitia.");
	} else {
		st = PS_DONE;
		d = STR("Konsultasi untuk lowongan Inspektur dicatat sebelum "
		    "panitia seleksi dibentuk.");
	}
	s = step(o, "Konsultasi lowongan Inspektur", st);
	cite(s, p, R_VAC_INSPEKTUR, status(st), d);
}

bool
prep_consult_needed(const struct profile *p, const struct vacancy *v,
    size_t n)
{
	if (profile_rule_any(p, R_VAC_INSPEKTUR) == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == VK_INSPEKTUR)
			return true;
	return false;
}

void
prep_eval(struct arena *a, const struct profile *p, const struct prep_in *in,
    struct prep_out *o)
{
	enum prep_state st;
	struct prep_step *s;

	memset(o, 0, sizeof *o);
	o->ready = true;
	vacancies(a, p, in, o);
	plan(a, p, in, o);
	consult(p, in, o);

	st = in->committee_valid && in->committee_confirmed ? PS_DONE :
	    PS_PENDING;
	s = step(o, "Panitia seleksi ditetapkan", st);
	(void)s;

	st = in->content_missing == 0 ? PS_DONE : PS_PENDING;
	s = step(o, "Isi pengumuman lengkap", st);
	cite(s, p, R_ANN_CONTENT, status(st), st == PS_DONE ?
	    STR("Setiap butir isi pengumuman yang diwajibkan telah ada.") :
	    arena_printf(a, "%zu butir isi pengumuman belum dipenuhi.",
	    in->content_missing));

	st = in->has_window && in->window_ok ? PS_DONE : PS_PENDING;
	s = step(o, "Jangka waktu pendaftaran", st);
	cite(s, p, R_ANN_DURATION, status(st), !in->has_window ?
	    STR("Tanggal pengumuman dan batas akhir pendaftaran belum "
	    "diisi.") : in->window_ok ? STR("Jangka waktu pendaftaran "
	    "memenuhi ketentuan.") : STR("Jangka waktu pendaftaran terlalu "
	    "pendek."));
}
