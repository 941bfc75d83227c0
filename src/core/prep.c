/*
 * prep.c - the steps before the announcement and what each needs.
 */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "core/prac.h"
#include "core/prep.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

/* "15 Maret 2023" into b. */
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

static struct prep_step *
step(struct prep_out *o, enum prep_key key, const char *label,
    enum prep_state st)
{
	struct prep_step *s = &o->s[o->n++];

	memset(s, 0, sizeof *s);
	s->key = key;
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

/* The oversight body's name: the region's (BKN today), else the
   regulation's (KASN). */
static struct str
oversight(const struct profile *p, const struct prep_in *in)
{
	return in->oversight.len > 0 ? in->oversight : p->oversight;
}

static void
vacancies(struct arena *a, const struct profile *p, const struct prep_in *in,
    struct prep_out *o)
{
	enum prep_state st = in->nvac > 0 && in->nvac_reasonless == 0 ?
	    PS_DONE : PS_PENDING;
	struct prep_step *s = step(o, PK_VACANCIES, "Lowongan dan alasannya", st);
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

/*
 * PRAC-ASSESSOR: a plan otherwise complete stays pending, under the PRAC
 * citation, until it names a provider accredited at least at the
 * profile's grade and valid until the assessment stage ends.
 */
static void
assessor(struct arena *a, const struct profile *p, const struct prep_in *in,
    struct prep_out *o, struct prep_step *s)
{
	const struct prof_rule *r = profile_rule_any(p, R_PRAC_ASSESSOR);
	const char *min;
	char d1[40], d2[40];
	struct str d;

	if (r == NULL || r->prac == NULL)
		return;
	min = prac_grade_words[r->prac->min_grade];
	if (!in->assessor_set)
		d = arena_printf(a, "Rencana belum mencantumkan lembaga "
		    "penyelenggara assessment dan akreditasinya (paling rendah "
		    "%s).", min);
	else if (in->assessor_grade > (int)r->prac->min_grade)
		d = arena_printf(a, "Akreditasi lembaga assessment %s di bawah "
		    "yang disyaratkan (paling rendah %s).",
		    prac_grade_words[in->assessor_grade], min);
	else if (in->assess_ends != 0 &&
	    in->assessor_valid_until < in->assess_ends)
		d = arena_printf(a, "Akreditasi lembaga assessment berlaku "
		    "sampai %s, sebelum tahapan assessment selesai (%s).",
		    day(d1, sizeof d1, in->assessor_valid_until),
		    day(d2, sizeof d2, in->assess_ends));
	else
		return;
	s->state = PS_PENDING;
	o->ready = false;
	cite(s, p, R_PRAC_ASSESSOR, RS_MISSING, d);
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
	s = step(o, PK_PLAN, "Rencana pelaksanaan seleksi", st);
	d = st == PS_DONE ? STR("Rencana lengkap: tugas jabatan, standar "
	    "kompetensi, jadwal tahapan, metode, sistem, dan bobot nilai.") :
	    !in->plan_complete ? STR("Rencana belum lengkap: isi tugas "
	    "jabatan, standar kompetensi, metode, sistem, dan jadwal "
	    "tahapan.") : STR("Bobot nilai tahapan belum memenuhi "
	    "ketentuan (SCORE-WEIGHTS).");
	cite(s, p, R_VAC_PLAN, status(st), d);
	if (st == PS_DONE)
		assessor(a, p, in, o, s);

	st = in->plan_sent ? PS_DONE : PS_PENDING;
	s = step(o, PK_PLAN_SENT, "Rencana dikirim ke instansi pengawas",
	    st);
	d = in->plan_sent ? arena_printf(a, "Rencana telah dikirim ke %.*s.",
	    (int)oversight(p, in).len, oversight(p, in).p) :
	    arena_printf(a, "Pengiriman rencana ke %.*s belum dicatat.",
	    (int)oversight(p, in).len, oversight(p, in).p);
	cite(s, p, R_VAC_PLAN, status(st), d);

	if (in->recommended)
		st = PS_DONE;
	else
		st = gate ? PS_PENDING : PS_WARN;
	s = step(o, PK_RECOMMENDATION, "Rekomendasi instansi pengawas", st);
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
	s = step(o, PK_CONSULT, "Konsultasi lowongan Inspektur", st);
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

/* PRAC-OVERSIGHT-APPROVAL: N letters of the oversight body first. */
static void
oversight_approval(struct arena *a, const struct profile *p,
    const struct prep_in *in, struct prep_out *o)
{
	const struct prof_rule *r = profile_rule_any(p,
	    R_PRAC_OVERSIGHT_APPROVAL);
	enum prep_state st;
	struct prep_step *s;
	int need;

	if (r == NULL || r->prac == NULL)
		return;
	need = r->prac->letters;
	st = in->oversight_letters >= (size_t)need ? PS_DONE : PS_PENDING;
	s = step(o, PK_OVERSIGHT_APPROVAL, "Persetujuan instansi pengawas "
	    "sebelum pengumuman", st);
	cite(s, p, R_PRAC_OVERSIGHT_APPROVAL, status(st), arena_printf(a,
	    "%zu dari %d surat persetujuan %.*s telah dicatat%s.",
	    in->oversight_letters, need, (int)p->oversight.len,
	    p->oversight.p, st == PS_DONE ? "" : "; pengumuman baru dapat "
	    "diterbitkan sesudah seluruhnya dicatat"));
}

/*
 * PRAC-HOME-MINISTER: led by a Pj, or announcing within a window of UU
 * 10/2016, needs the Minister of Home Affairs' written approval, dated
 * no later than the announcement.
 */
static void
home_minister(struct arena *a, const struct profile *p,
    const struct prep_in *in, struct prep_out *o)
{
	const struct prof_rule *r = profile_rule_any(p, R_PRAC_HOME_MINISTER);
	const struct prac_window *w;
	enum prep_state st = PS_PENDING;
	struct prep_step *s;
	struct str d, why, c;
	char d1[40], d2[40], d3[40];

	if (r == NULL || r->prac == NULL)
		return;
	c = r->citation;
	w = prac_window_at(p, in->windows, in->nwindows, in->announce_on);
	if (in->acting_head) {
		why = STR("daerah dipimpin Penjabat (Pj) kepala daerah");
		if (r->prac->acting_citation.len > 0)
			c = r->prac->acting_citation;
	} else if (w != NULL) {
		why = arena_printf(a, "tanggal pengumuman %s berada dalam masa "
		    "%.*s (%s s.d. %s)", day(d1, sizeof d1, in->announce_on),
		    (int)w->label.len, w->label.p, day(d2, sizeof d2, w->from),
		    day(d3, sizeof d3, w->to));
		if (w->citation.len > 0)
			c = w->citation;
	} else if (in->announce_on == 0) {
		why = STR("");
	} else {
		st = PS_DONE;
		why = STR("");
	}
	if (st == PS_DONE)
		d = arena_printf(a, "Tidak diperlukan: daerah tidak dipimpin "
		    "Penjabat dan tanggal pengumuman %s di luar masa yang "
		    "memerlukan persetujuan.", day(d1, sizeof d1,
		    in->announce_on));
	else if (why.len == 0)
		d = STR("Tanggal pengumuman belum diisi: belum dapat ditentukan "
		    "apakah diperlukan persetujuan tertulis Menteri Dalam "
		    "Negeri.");
	else if (in->minister_on == 0)
		d = arena_printf(a, "Persetujuan tertulis Menteri Dalam Negeri "
		    "belum dicatat; diperlukan karena %.*s.", (int)why.len,
		    why.p);
	else if (in->announce_on != 0 && in->minister_on > in->announce_on)
		d = arena_printf(a, "Persetujuan Menteri Dalam Negeri bertanggal "
		    "%s, sesudah tanggal pengumuman %s.", day(d1, sizeof d1,
		    in->minister_on), day(d2, sizeof d2, in->announce_on));
	else {
		st = PS_DONE;
		d = arena_printf(a, "Persetujuan tertulis Menteri Dalam Negeri "
		    "tanggal %s telah dicatat (diperlukan karena %.*s).",
		    day(d1, sizeof d1, in->minister_on), (int)why.len, why.p);
	}
	s = step(o, PK_HOME_MINISTER, "Persetujuan tertulis Menteri Dalam "
	    "Negeri", st);
	cite(s, p, R_PRAC_HOME_MINISTER, status(st), d);
	s->r.citation = c;
}

const struct prep_step *
prep_find(const struct prep_out *o, enum prep_key k)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->s[i].key == k)
			return &o->s[i];
	return NULL;
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
	s = step(o, PK_COMMITTEE, "Panitia seleksi ditetapkan", st);
	(void)s;

	st = in->content_missing == 0 ? PS_DONE : PS_PENDING;
	s = step(o, PK_CONTENT, "Isi pengumuman lengkap", st);
	cite(s, p, R_ANN_CONTENT, status(st), st == PS_DONE ?
	    STR("Setiap butir isi pengumuman yang diwajibkan telah ada.") :
	    arena_printf(a, "%zu butir isi pengumuman belum dipenuhi.",
	    in->content_missing));

	oversight_approval(a, p, in, o);
	home_minister(a, p, in, o);

	st = in->has_window && in->window_ok ? PS_DONE : PS_PENDING;
	s = step(o, PK_WINDOW, "Jangka waktu pendaftaran", st);
	cite(s, p, R_ANN_DURATION, status(st), !in->has_window ?
	    STR("Tanggal pengumuman dan batas akhir pendaftaran belum "
	    "diisi.") : in->window_ok ? STR("Jangka waktu pendaftaran "
	    "memenuhi ketentuan.") : STR("Jangka waktu pendaftaran terlalu "
	    "pendek."));
}
