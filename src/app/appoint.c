/*
 * appoint.c - appointment and inauguration (appoint.h).
 */
#include <string.h>

#include "app/app_int.h"
#include "app/appoint.h"
#include "app/letters.h"	/* ---- letters ---- */
#include "app/prac.h"
#include "app/prep.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

static enum sel_err
load(struct app *a, struct stx *tx, struct arena *ar, const struct who *w,
    int64_t sel, struct appoint_view *av)
{
	struct s_appoint *ap;
	struct s_recommend rec;
	size_t nap;
	enum sel_err rc;

	memset(av, 0, sizeof *av);
	if ((rc = choice_load(a, tx, ar, w, sel, &av->cv)) != SEL_OK ||
	    (rc = store_appoints(tx, ar, sel, &ap, &nap)) != SEL_OK)
		return rc;
	rc = store_recommend_get(tx, ar, sel, &rec);
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	av->rec_on = rc == SEL_OK ? rec.letter_on : STR("");
	av->vac = arena_array(ar, av->cv.nvac + 1, sizeof *av->vac);
	for (size_t i = 0; i < av->cv.nvac; i++) {
		struct appoint_vac *v;

		if (!av->cv.vac[i].chosen)
			continue;
		v = &av->vac[av->nvac++];
		v->x = &av->cv.vac[i];
		for (size_t k = 0; k < nap; k++)
			if (ap[k].vacancy_id == v->x->rv->vacancy_id) {
				sel_date tmt, inaug;

				v->ap = ap[k];
				v->appointed = true;
				v->decree_file = letter_find(av->cv.letters,
				    av->cv.nletters, letter_ref_decree(ar,
				    ap[k].vacancy_id));
				if (date_parse(ap[k].tmt, &tmt) == SEL_OK &&
				    date_parse(ap[k].inaugurated_on, &inaug) ==
				    SEL_OK)
					v->nmarks = ten_marks(
					    av->cv.rk.sel.profile, tmt, inaug,
					    v->marks);
			}
	}
	av->may_appoint = w != NULL &&
	    av->cv.rk.sel.state == FL_APPOINTMENT && app_may(w,
	    ACT_APPOINT_CHOOSE, av->cv.rk.sel.s.region_id, sel);
	return SEL_OK;
}

enum sel_err
app_appoint_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct appoint_view *av, struct app_msg *m)
{
	const struct sel_view *v = &av->cv.rk.sel;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &av->cv.rk.sel);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_ranking_may(w, v) &&
	    !app_has_role(w, ROLE_SECRETARIAT, v->s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Pengangkatan dicatat PPK; halaman "
		    "ini untuk panitia, sekretariat, PyB, PPK dan instansi "
		    "pengawas.");
	else if (rc == SEL_OK && v->state < FL_APPOINTMENT)
		rc = app_say(m, SEL_ESTATE, "Pengangkatan dicatat setelah "
		    "rekomendasi instansi pengawas (tahap sekarang: %s).",
		    flow_state_label(v->state));
	if (rc == SEL_OK)
		rc = load(a, tx, ar, w, sel, av);
	store_abort(a->st, tx);
	return rc;
}

/* ---- the act ---- */

struct actx {
	struct app	*a;
	struct arena	*ar;
	const struct who *w;
	struct stx	*tx;
	struct appoint_view *av;
	const struct form *f;
	struct app_msg	*m;
	const char	**field;
	struct rule_result age;		/* APPT-AGE as decided */
};

static enum sel_err
bad(struct actx *c, const char *field, enum sel_err rc, const char *msg)
{
	*c->field = field;
	return app_say(c->m, rc, "%s", msg);
}

/* A day in field name, within [lo, today] (lo 0: none). */
static enum sel_err
day(struct actx *c, const char *name, sel_date lo, const char *lo_what,
    sel_date hi, sel_date *d)
{
	if (date_parse(str_trim(form_get(c->f, name)), d) != SEL_OK)
		return bad(c, name, SEL_EINVAL, "Isi tanggal dengan format "
		    "TTTT-BB-HH, misalnya 2026-12-07.");
	if (lo != 0 && *d < lo) {
		*c->field = name;
		return app_say(c->m, SEL_EINVAL, "Tanggal ini tidak boleh "
		    "sebelum %s.", lo_what);
	}
	if (hi != 0 && *d > hi)
		return bad(c, name, SEL_EINVAL, "Tanggal ini tidak boleh "
		    "setelah hari ini.");
	return SEL_OK;
}

/* APPT-AGE on the decree's day, from the application's record. */
static enum sel_err
age(struct actx *c, const struct appoint_vac *v, sel_date on)
{
	const struct sel_view *sv = &c->av->cv.rk.sel;
	struct str birth, record;
	struct candidate cand;
	struct vacancy post;
	struct rule_result *why = &c->age;
	struct json *root = NULL;
	struct diag d;
	enum sel_err rc;

	if ((rc = store_app_person(c->tx, c->ar, v->x->choice.application_id,
	    &birth, &record)) != SEL_OK)
		return rc;
	memset(&cand, 0, sizeof cand);
	memset(&d, 0, sizeof d);
	if (json_parse(c->ar, arena_strndup(c->ar, record.p, record.len),
	    record.len, 1, false, &root, &d) != SEL_OK ||
	    candidate_decode(c->ar, root, &cand, &d) != SEL_OK) {
		memset(&cand, 0, sizeof cand);
		if (date_parse(birth, &cand.birth) != SEL_OK)
			return app_say(c->m, SEL_ESTATE, "Tanggal lahir calon "
			    "terpilih tidak tercatat; usia pada pengangkatan "
			    "(APPT-AGE) tidak dapat diperiksa.");
	}
	for (size_t k = 0; k < sv->nvac; k++)
		if (sv->vac[k].id == v->x->rv->vacancy_id)
			prep_core_vacancy(c->ar, sv, &sv->vac[k], &post);
	if (appt_age_ok(c->ar, sv->profile, &post, &cand, on, why))
		return SEL_OK;
	*c->field = "decree_on";
	return app_say(c->m, SEL_EINVAL, "Ditolak (%s, %.*s): %.*s",
	    rule_name(why->id), (int)why->citation.len, why->citation.p,
	    (int)why->detail.len, why->detail.p);
}

/* PRAC-HOME-MINISTER on the decree's day. */
static enum sel_err
minister(struct actx *c, sel_date on)
{
	const struct sel_view *sv = &c->av->cv.rk.sel;
	const struct prof_rule *r = profile_rule_any(sv->profile,
	    R_PRAC_HOME_MINISTER);
	const struct prac_view *pv = sv->prac;
	sel_date dated = 0;
	bool needed;

	if (r == NULL || pv == NULL)
		return SEL_OK;
	needed = pv->sel.acting_head || prac_window_at(sv->profile, pv->cwin,
	    pv->nwindows, on) != NULL;
	if (!needed)
		return SEL_OK;
	if (pv->minister != NULL && date_parse(pv->minister->dated, &dated) ==
	    SEL_OK && dated <= on)
		return SEL_OK;
	*c->field = "decree_on";
	return app_say(c->m, SEL_ESTATE, "Ditolak (%s, %.*s): pengangkatan "
	    "pada tanggal ini memerlukan persetujuan tertulis Menteri Dalam "
	    "Negeri yang bertanggal paling lambat hari itu; catat suratnya "
	    "lebih dahulu.", rule_name(R_PRAC_HOME_MINISTER),
	    (int)r->citation.len, r->citation.p);
}

static enum sel_err
record(struct actx *c)
{
	struct appoint_view *av = c->av;
	struct appoint_vac *v = NULL;
	struct s_appoint ap;
	struct s_letter file;
	struct str no, place, mode = form_get(c->f, "mode"), bytes;
	sel_date decree = 0, tmt = 0, inaug = 0, rec = 0;
	int64_t vid = 0;
	enum sel_err rc;

	if (parse_i64(form_get(c->f, "vacancy"), 1, INT64_MAX, &vid) ==
	    SEL_OK)
		for (size_t i = 0; i < av->nvac; i++)
			if (av->vac[i].x->rv->vacancy_id == vid)
				v = &av->vac[i];
	if (v == NULL)
		return bad(c, "vacancy", SEL_EINVAL, "Pilih jabatan yang sudah "
		    "mempunyai pilihan.");
	if (v->appointed)
		return bad(c, "vacancy", SEL_ESTATE, "Pengangkatan untuk jabatan "
		    "ini sudah dicatat.");
	no = str_trim(form_get(c->f, "decree_no"));
	if (!app_text_valid(no, 200, false) || no.len == 0)
		return bad(c, "decree_no", SEL_EINVAL, "Nomor keputusan wajib "
		    "diisi (1 sampai 200 karakter).");
	(void)date_parse(av->rec_on, &rec);
	if ((rc = day(c, "decree_on", av->cv.sent_on, "peringkat "
	    "disampaikan kepada PPK", av->cv.today, &decree)) ||
	    (rc = day(c, "tmt", decree, "tanggal keputusan", 0, &tmt)) ||
	    (rc = day(c, "inaugurated_on", rec > decree ? rec : decree,
	    rec > decree ? "tanggal surat rekomendasi" : "tanggal keputusan",
	    av->cv.today, &inaug)))
		return rc;
	if (!str_eqc(mode, "in_person") && !str_eqc(mode, "video"))
		return bad(c, "mode", SEL_EINVAL, "Pilih cara pelantikan.");
	place = str_trim(form_get(c->f, "place"));
	if (!app_text_valid(place, 200, false) || place.len < 3)
		return bad(c, "place", SEL_EINVAL, "Tempat pelantikan (atau "
		    "tautan konferensi video) wajib diisi (3 sampai 200 "
		    "karakter).");
	if ((rc = age(c, v, decree)) != SEL_OK ||
	    (rc = minister(c, decree)) != SEL_OK)
		return rc;
	/* ---- letters ---- the decree (SK) itself, a PDF */
	if ((rc = letter_check(c->f, c->m, c->field, &bytes)) != SEL_OK)
		return rc;
	if (!form_has(c->f, "confirm", STR("1")))
		return bad(c, "confirm", SEL_EINVAL, "Centang pernyataan bahwa "
		    "data keputusan sudah diperiksa.");
	memset(&ap, 0, sizeof ap);
	ap.selection_id = av->cv.rk.sel.s.id;
	ap.vacancy_id = v->x->rv->vacancy_id;
	ap.application_id = v->x->choice.application_id;
	ap.decree_no = no;
	ap.decree_on = app_date_iso(c->ar, decree);
	ap.tmt = app_date_iso(c->ar, tmt);
	ap.inaugurated_on = app_date_iso(c->ar, inaug);
	ap.mode = mode;
	ap.place = place;
	ap.recorded_at = app_iso(c->ar, app_now(c->a));
	ap.recorded_by = c->w->name;
	ap.account_id = c->w->account_id;
	if ((rc = store_appoint_add(c->tx, &ap)) != SEL_OK ||
	    (rc = letter_keep(c->a, c->tx, c->ar, c->w, ap.selection_id,
	    letter_ref_decree(c->ar, ap.vacancy_id), bytes,
	    "keputusan-pengangkatan", &file)) != SEL_OK)
		return rc;
	return app_audit(c->a, c->tx, c->ar, c->w, ap.selection_id, "appoint",
	    STR(""), app_kv(c->ar, "vacancy", &v->x->rv->title, "reg_no",
	    &v->x->choice.reg_no, "name", &v->x->choice.name, "decree_no",
	    &no, "decree_on", &ap.decree_on, "tmt", &ap.tmt,
	    "inaugurated_on", &ap.inaugurated_on, "mode", &mode, "place",
	    &place, "age", &c->age.detail, "letter_sha256", &file.sha256,
	    NULL), app_rule_cited(c->ar,
	    R_APPT_AGE, c->age.citation));
}

enum sel_err
app_appoint(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct appoint_view *av = arena_alloc(ar, sizeof *av);
	const char *none = NULL;
	struct actx c = { a, ar, w, NULL, av, f, m, field != NULL ? field :
	    &none, { R_APPT_AGE, RS_PASS, STR(""), STR("") } };
	enum sel_err rc;

	*c.field = NULL;
	if ((rc = store_begin(a->st, true, &c.tx)) != SEL_OK)
		return rc;
	rc = load(a, c.tx, ar, w, sel, av);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, ACT_APPOINT_CHOOSE,
	    av->cv.rk.sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Pengangkatan dicatat oleh PPK.");
	else if (rc == SEL_OK && !av->may_appoint)
		rc = app_say(m, SEL_ESTATE, "Pengangkatan dicatat setelah "
		    "rekomendasi instansi pengawas (tahap sekarang: %s).",
		    flow_state_label(av->cv.rk.sel.state));
	if (rc == SEL_OK)
		rc = record(&c);
	if (rc != SEL_OK) {
		store_abort(a->st, c.tx);
		return rc;
	}
	return app_commit(a, c.tx);
}
