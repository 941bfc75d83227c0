/*
 * elig_conduct.c - the ELIG-* rules on a candidate's conduct and papers
 * (REGULATIONS.md §6): disciplinary penalties, criminal sentences, a
 * pending examination, performance appraisals, the recommendation; the
 * "diutamakan" training advisory and the committee's checklist.  The
 * other rules and the evaluation itself are in elig.c.
 */
#include "base/arena.h"
#include "base/sbuf.h"
#include "core/elig_int.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

/* The window of a penalty rule: "dalam 2 tahun terakhir (setelah ...)". */
static void
sb_window(const struct ectx *e, struct sbuf *win, int years)
{
	sb_init(win, 95);
	if (years > 0) {
		sb_lit(win, "dalam ");
		sb_int(win, years);
		sb_lit(win, " tahun terakhir (setelah ");
		elig_back_text(e, win, years);
		sb_lit(win, ")");
	} else {
		sb_lit(win, "kapan pun (syarat: tidak pernah)");
	}
}

/* "Terdapat hukuman disiplin tingkat berat tanggal ..., WINDOW." */
static void
sb_hit(const struct ectx *e, struct sbuf *b, const struct penalty *hit,
    const struct sbuf *win)
{
	if (hit->kind == PEN_DISCIPLINE) {
		sb_lit(b, "Terdapat hukuman disiplin tingkat ");
		sb_cstr(b, label_pen_level[hit->level]);
	} else {
		sb_lit(b, "Terdapat hukuman pidana");
	}
	if (hit->has_decided) {
		sb_lit(b, " tanggal ");
		elig_text(e, b, hit->decided);
	}
	sb_lit(b, ", ");
	sb_put(b, win->p, win->len);
	sb_lit(b, ".");
}

/* Penalties of a kind and level set within the window (years 0: ever). */
static void
penalty_rule(struct ectx *e, const struct prof_rule *r, enum pen_kind kind,
    unsigned levels, const char *what)
{
	const struct candidate *c = e->c;
	sel_date from = elig_back(e, r->years);
	const struct penalty *hit = NULL;
	enum rule_status st = RS_PASS;
	bool undated = false;
	struct sbuf win, b;

	sb_window(e, &win, r->years);
	sb_init(&b, SBUF_MAX);
	if (!c->has_pens) {
		sb_lit(&b, "Data hukuman tidak tercantum, sehingga ");
		sb_cstr(&b, what);
		sb_lit(&b, " ");
		sb_put(&b, win.p, win.len);
		sb_lit(&b, " tidak dapat diperiksa.");
		elig_put(e, r, RS_MISSING, sb_keep(&b, e->a));
		return;
	}
	for (size_t i = 0; i < c->npens; i++) {
		const struct penalty *p = &c->pens[i];

		if (p->kind != kind || (kind == PEN_DISCIPLINE &&
		    !(levels >> p->level & 1)))
			continue;
		if (r->years == 0 || (p->has_decided && p->decided > from)) {
			hit = p;
			break;
		}
		if (!p->has_decided)
			undated = true;
	}
	if (hit != NULL) {
		st = RS_FAIL;
		sb_hit(e, &b, hit, &win);
	} else if (undated) {
		st = RS_MISSING;
		sb_lit(&b, "Tanggal ");
		sb_cstr(&b, what);
		sb_lit(&b, " tidak tercantum, sehingga tidak dapat diperiksa "
		    "apakah berada ");
		sb_put(&b, win.p, win.len);
		sb_lit(&b, ".");
	} else if (r->years == 0) {
		sb_lit(&b, "Tidak pernah dijatuhi ");
		sb_cstr(&b, what);
		sb_lit(&b, ".");
	} else {
		sb_lit(&b, "Tidak ada ");
		sb_cstr(&b, what);
		sb_lit(&b, " ");
		sb_put(&b, win.p, win.len);
		sb_lit(&b, ".");
	}
	elig_put(e, r, st, sb_keep(&b, e->a));
}

void
elig_discipline(struct ectx *e, const struct prof_rule *r)
{
	const char *what = "hukuman disiplin";

	if (r->pen_levels == ((1u << PL_MODERATE) | (1u << PL_HEAVY)))
		what = "hukuman disiplin tingkat sedang/berat";
	else if (r->pen_levels == (1u << PL_HEAVY))
		what = "hukuman disiplin tingkat berat";
	penalty_rule(e, r, PEN_DISCIPLINE, r->pen_levels, what);
}

void
elig_criminal(struct ectx *e, const struct prof_rule *r)
{
	penalty_rule(e, r, PEN_CRIMINAL, 0, "hukuman pidana");
}

void
elig_examination(struct ectx *e, const struct prof_rule *r)
{
	enum tri t = e->c->under_exam;

	/* Constant sentences: no copy needed. */
	if (t == TRI_NO)
		elig_put(e, r, RS_PASS, STR("Tidak sedang dalam proses "
		    "pemeriksaan disiplin."));
	else if (t == TRI_YES)
		elig_put(e, r, RS_FAIL, STR("Sedang dalam proses pemeriksaan "
		    "disiplin."));
	else
		elig_put(e, r, RS_MISSING, STR("Data pemeriksaan disiplin "
		    "tidak tercantum."));
}

void
elig_performance(struct ectx *e, const struct prof_rule *r)
{
	int ry = e->dt != NULL ? e->dt->ref.y : date_year(e->ref);
	int y0 = ry - r->years, y1 = ry - 1;
	enum rule_status st = RS_PASS;
	bool missing = false, low = false;
	struct sbuf got, b;

	sb_init(&got, 599);
	for (int y = y0; y <= y1; y++) {
		const struct perf *hit = NULL;

		for (size_t i = 0; i < e->c->nperf; i++)
			if (e->c->perf[i].year == y)
				hit = &e->c->perf[i];
		if (hit == NULL)
			missing = true;
		else if (r->min_rating >= 0 &&
		    (int)hit->rating < r->min_rating)
			low = true;
		if (y > y0)
			sb_lit(&got, ", ");
		sb_int(&got, y);
		sb_lit(&got, ": ");
		sb_cstr(&got, hit ? label_rating[hit->rating] : "tidak ada");
	}
	sb_init(&b, SBUF_MAX);
	sb_lit(&b, "Penilaian prestasi kerja ");
	if (low || (!missing && r->min_rating >= 0)) {
		st = low ? RS_FAIL : RS_PASS;
		sb_lit(&b, "(");
		sb_put(&b, got.p, got.len);
		sb_cstr(&b, low ? ") ada yang di bawah " :
		    ") sekurang-kurangnya ");
		sb_cstr(&b, label_rating[r->min_rating]);
		sb_lit(&b, ".");
	} else {
		st = missing ? RS_MISSING : RS_PASS;
		sb_int(&b, r->years);
		sb_cstr(&b, missing ? " tahun terakhir tidak lengkap (" :
		    " tahun terakhir tersedia (");
		sb_put(&b, got.p, got.len);
		sb_lit(&b, ").");
	}
	elig_put(e, r, st, sb_keep(&b, e->a));
}

static const char *
by_label(unsigned set)
{
	if (set == ((1u << REC_PYB) | (1u << REC_PPK)))
		return "PyB atau PPK";
	return set == (1u << REC_PYB) ? "PyB" : "PPK";
}

void
elig_recommendation(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	bool own = agency_same(&c->agency, &e->v->agency);
	bool inv = c->invited == TRI_YES && r->invited_by != 0;
	unsigned need = inv ? r->invited_by : own ? r->own_by : r->other_by;
	bool approval = !inv && own && r->own_ppk_approval;
	const char *who = inv ? "PNS yang diundang panitia" : own ?
	    "pelamar dari instansi sendiri" : "pelamar dari instansi lain";
	const char *by = c->rec_by == REC_PYB ? "PyB" : "PPK";
	enum rule_status st = RS_PASS;
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	if (need == 0) {
		sb_lit(&b, "Rekomendasi tidak disyaratkan bagi ");
		sb_cstr(&b, who);
		sb_lit(&b, ".");
	} else if (!c->has_rec) {
		st = RS_MISSING;
		sb_lit(&b, "Rekomendasi ");
		sb_cstr(&b, by_label(need));
		sb_lit(&b, " bagi ");
		sb_cstr(&b, who);
		sb_lit(&b, " tidak tercantum.");
	} else if (!(need >> c->rec_by & 1)) {
		st = RS_FAIL;
		sb_lit(&b, "Rekomendasi dari ");
		sb_cstr(&b, by);
		sb_lit(&b, ", padahal ");
		sb_cstr(&b, who);
		sb_lit(&b, " memerlukan rekomendasi ");
		sb_cstr(&b, by_label(need));
		sb_lit(&b, ".");
	} else if (approval && c->rec_by == REC_PYB &&
	    c->rec_ppk_approved != TRI_YES) {
		st = c->rec_ppk_approved == TRI_NO ? RS_FAIL : RS_MISSING;
		sb_cstr(&b, c->rec_ppk_approved == TRI_NO ?
		    "Rekomendasi PyB tanpa persetujuan PPK." :
		    "Rekomendasi PyB tanpa keterangan persetujuan PPK.");
	} else {
		sb_lit(&b, "Rekomendasi ");
		sb_cstr(&b, by);
		if (approval && c->rec_by == REC_PYB)
			sb_lit(&b, " atas persetujuan PPK");
		sb_lit(&b, " tersedia bagi ");
		sb_cstr(&b, who);
		sb_lit(&b, ".");
	}
	elig_put(e, r, st, sb_keep(&b, e->a));
	if (inv && r->invited_citation.len > 0)
		e->out->rules[e->out->nrules - 1].citation =
		    r->invited_citation;
}

/* The post held on d (not acting), for "kecuali pejabat fungsional". */
static const struct cpost *
current_post(const struct candidate *c, sel_date d)
{
	const struct cpost *cur = NULL;

	for (size_t i = 0; i < c->nposts; i++) {
		const struct cpost *p = &c->posts[i];

		if (!p->acting && p->start <= d && (p->open || p->end > d) &&
		    (cur == NULL || p->start > cur->start))
			cur = p;
	}
	return cur;
}

/*
 * A profile that makes the training a requirement ("force": "mandatory"):
 * pass with this training or a higher one, fail without, missing when
 * the record has no training list.
 */
static void
training_required(struct ectx *e, const struct prof_rule *r)
{
	unsigned higher = ~0u << r->training;
	bool met = (e->c->training & higher) != 0;
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	if (!e->c->has_training) {
		sb_lit(&b, "Data diklat tidak tercantum, sehingga syarat lulus ");
		sb_cstr(&b, label_training[r->training]);
		sb_lit(&b, " tidak dapat diperiksa.");
	} else {
		sb_cstr(&b, met ? "Telah lulus " : "Belum tercantum lulus ");
		sb_cstr(&b, label_training[r->training]);
		sb_cstr(&b, met ? " atau yang lebih tinggi, memenuhi syarat." :
		    " atau yang lebih tinggi, yang disyaratkan.");
	}
	elig_put(e, r, !e->c->has_training ? RS_MISSING : met ? RS_PASS :
	    RS_FAIL, sb_keep(&b, e->a));
}

void
elig_training(struct ectx *e, const struct prof_rule *r)
{
	const struct cpost *cur = current_post(e->c, e->as_of);
	struct advisory *x;
	bool met = (e->c->training >> r->training & 1) != 0;
	struct sbuf b;

	if (r->not_for_functional && cur != NULL &&
	    cur->kind == CP_FUNCTIONAL)
		return;
	if (r->mandatory) {
		training_required(e, r);
		return;
	}
	x = &e->out->advisories[e->out->nadvisories++];
	x->id = r->id;
	x->met = met;
	x->citation = r->citation;
	sb_init(&b, SBUF_MAX);
	sb_lit(&b, "Diutamakan yang telah lulus ");
	sb_cstr(&b, label_training[r->training]);
	sb_lit(&b, "; ");
	sb_cstr(&b, !e->c->has_training ? "data diklat tidak tercantum" :
	    met ? "telah lulus" : "belum tercantum lulus");
	sb_lit(&b, ". Tidak memengaruhi keputusan memenuhi syarat.");
	x->detail = sb_keep(&b, e->a);
}

void
elig_checklist(struct ectx *e, const struct prof_rule *r)
{
	struct check_item *x = &e->out->checklist[e->out->nchecklist++];

	x->id = r->id;
	x->citation = r->citation;
	x->detail = r->detail;
	/* The note goes on the first track-record item only. */
	if (r->id == R_ELIG_TRACK_RECORD && r == e->plan->rule[r->id] &&
	    e->plan->rule[R_ELIG_CRIMINAL] == NULL) {
		/* No ELIG-CRIMINAL here: a sentence goes to the committee. */
		for (size_t i = 0; i < e->c->npens; i++) {
			const struct penalty *p = &e->c->pens[i];
			struct sbuf b;

			if (p->kind != PEN_CRIMINAL)
				continue;
			sb_init(&b, SBUF_MAX);
			sb_str(&b, r->detail);
			sb_lit(&b, " Catatan: data memuat hukuman pidana");
			if (p->has_decided) {
				sb_lit(&b, " tanggal ");
				elig_date(&b, p->decided);
			}
			sb_lit(&b, " untuk dinilai panitia.");
			x->detail = sb_keep(&b, e->a);
			break;
		}
	}
}
