/*
 * prep_view.c - a selection as the preparation pages show it: the stored
 * data and, computed by the core, every rule's result with its citation.
 */
#include <string.h>

#include "app/prac.h"
#include "app/letters.h"	/* ---- letters ---- */
#include "app/prep.h"
#include "app/result.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "core/profile.h"
#include "core/record.h"
#include "app/app_int.h"
#include "app/choice.h"
#include "app/report.h"
#include "store/store_choice.h"
#include "base/banned.h"

const char *const prep_reason_ids[] = {
	"pensiun", "meninggal", "mengundurkan_diri", "hukuman_disiplin_berat",
	"diangkat_jabatan_lain", "diberhentikan_sementara",
	"tidak_memenuhi_kinerja", "tugas_penuh_luar_jpt", "cltn",
	"penataan_organisasi", "mutasi", "diberhentikan", NULL
};
const char *const prep_reason_labels[] = {
	"Pensiun", "Meninggal dunia", "Mengundurkan diri",
	"Dijatuhi hukuman disiplin tingkat berat",
	"Diangkat dalam jabatan lain",
	"Diberhentikan sementara sebagai PNS",
	"Diberhentikan karena tidak memenuhi target kinerja",
	"Ditugaskan secara penuh di luar JPT",
	"Menjalani cuti di luar tanggungan negara",
	"Tidak lagi menduduki jabatan karena penataan organisasi",
	"Mutasi (pindah tugas)", "Diberhentikan dari jabatan", NULL
};
const char *const prep_stage_ids[] = {
	"administrative", "paper", "track_record", "assessment", "interview",
	"health", "result", NULL
};
const char *const prep_stage_labels[] = {
	"Seleksi administrasi", "Penulisan makalah", "Penelusuran rekam jejak",
	"Seleksi kompetensi (assessment center)", "Wawancara akhir",
	"Tes kesehatan", "Pengumuman hasil akhir", NULL
};

/* The schedule must hold every stage the profile has (STG-*). */
static const struct {
	enum rule_id	 rule;
	const char	*stage;
} stage_rules[] = {
	{ R_STG_PAPER, "paper" }, { R_STG_TRACK, "track_record" },
	{ R_STG_ASSESS, "assessment" }, { R_STG_INTERVIEW, "interview" },
	{ R_STG_HEALTH, "health" },
};

struct str
form_get(const struct form *f, const char *name)
{
	for (size_t i = 0; f != NULL && i < f->n; i++)
		if (str_eqc(f->f[i].name, name))
			return f->f[i].value;
	return STR("");
}

const struct field *
form_bad_text(const struct form *f)
{
	for (size_t i = 0; f != NULL && i < f->n; i++) {
		/* ---- letters ---- a letter's PDF is a file, not text: the
		   app checks it as one (app/letters.h) and never stores it
		   as text */
		if (str_eqc(f->f[i].name, LETTER_FIELD))
			continue;
		if (!app_text_valid(f->f[i].value, f->f[i].value.len, true) ||
		    !app_text_valid(f->f[i].name, f->f[i].name.len, false))
			return &f->f[i];
	}
	return NULL;
}

bool
form_has(const struct form *f, const char *name, struct str v)
{
	for (size_t i = 0; f != NULL && i < f->n; i++)
		if (str_eqc(f->f[i].name, name) && str_eq(f->f[i].value, v))
			return true;
	return false;
}

struct str
prep_weights_str(struct arena *ar, const struct weights *w)
{
	struct buf b;
	struct json_w jw;
	struct str s;

	buf_init(&b, 8192);
	jw_init(&jw, &b);
	jw_obj(&jw);
	for (int i = 0; i < ST__N; i++) {
		jw_key(&jw, vocab_stage[i]);
		jw_fixed2(&jw, w->w[i]);
	}
	jw_key(&jw, "adjustment_reason");
	jw_str(&jw, w->reason);
	jw_obj_end(&jw);
	s = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return s;
}

int
prep_word(const char *const *words, struct str s)
{
	for (int i = 0; words[i] != NULL; i++)
		if (str_eqc(s, words[i]))
			return i;
	return -1;
}

const char *
prep_label(const char *const *words, const char *const *labels,
    struct str s)
{
	int i = prep_word(words, s);

	return i >= 0 ? labels[i] : "";
}

bool
prep_needs_consult(const struct sel_view *v)
{
	struct vacancy cv[64];
	size_t n = 0;

	/* The core decides (VAC-INSPEKTUR); the kinds are all it reads. */
	for (size_t i = 0; i < v->nvac && n < sizeof cv / sizeof *cv; i++) {
		memset(&cv[n], 0, sizeof cv[n]);
		cv[n++].kind = (enum vpost_kind)prep_word(vocab_vpost_kind,
		    v->vac[i].kind);
	}
	return prep_consult_needed(v->profile, cv, n);
}

/* One vacancy as the core sees it. */
void
prep_core_vacancy(struct arena *ar, const struct sel_view *v,
    const struct s_vacancy *s, struct vacancy *out)
{
	memset(out, 0, sizeof *out);
	out->title = s->title;
	out->echelon = prep_word(vocab_echelon, s->echelon);
	out->level = (enum post_level)prep_word(vocab_level, s->level);
	out->kind = (enum vpost_kind)prep_word(vocab_vpost_kind, s->kind);
	if (s->field.len > 0) {
		out->fields = arena_array(ar, 1, sizeof *out->fields);
		out->fields[0] = s->field;
		out->nfields = 1;
	}
	out->agency.name = v->region.name;
	out->agency.kind = str_starts(v->profile->region_name, "Kota") ?
	    AG_CITY : AG_REGENCY;
	out->agency.province = v->profile->province;
}

/* The most demanding vacancy: the highest echelon. */
static void
core_vacancy(struct arena *ar, const struct sel_view *v, struct vacancy *out)
{
	size_t best = 0;

	for (size_t i = 1; i < v->nvac; i++)
		if (prep_word(vocab_echelon, v->vac[i].echelon) >
		    prep_word(vocab_echelon, v->vac[best].echelon))
			best = i;
	if (v->nvac > 0) {
		prep_core_vacancy(ar, v, &v->vac[best], out);
		return;
	}
	memset(out, 0, sizeof *out);
	out->echelon = -1;
}

static void
committee(struct arena *ar, struct sel_view *v)
{
	struct committee c;
	struct vacancy vac;

	c.n = v->nmembers;
	c.m = arena_array(ar, c.n + 1, sizeof *c.m);
	for (size_t i = 0; i < c.n; i++) {
		const struct s_member *s = &v->members[i];
		struct member *m = &c.m[i];
		int o = prep_word(vocab_origin, s->origin);

		memset(m, 0, sizeof *m);
		m->name = s->name;
		m->origin = o >= 0 ? (enum origin)o : OR_PROFESSIONAL;
		m->echelon = prep_word(vocab_echelon, s->echelon);
		m->chair = s->chair;
		m->assessor = s->assessor;
		for (int k = 0; k < DE__N; k++) {
			struct str d = s->decl, item;

			m->decl[k] = DS_ABSENT;
			while (d.len > 0) {
				const char *semi = memchr(d.p, ';', d.len);
				size_t n = semi ? (size_t)(semi - d.p) : d.len;

				item = (struct str){ d.p, n };
				if (str_eqc(item, vocab_decl[k]))
					m->decl[k] = DS_TRUE;
				d.p += n + (semi ? 1 : 0);
				d.len -= n + (semi ? 1 : 0);
			}
		}
	}
	core_vacancy(ar, v, &vac);
	committee_eval(ar, v->profile, &vac, &c, &v->com);
	if (v->nvac == 0)
		v->com.valid = false;	/* nothing to measure it against */
}

static bool
plan_complete(const struct sel_view *v)
{
	const struct s_selection *s = &v->s;

	if (s->f[SF_PLAN_DUTIES].len == 0 || s->f[SF_PLAN_STANDARD].len == 0 ||
	    s->f[SF_PLAN_METHODS].len == 0 || s->f[SF_PLAN_SYSTEM].len == 0)
		return false;
	for (size_t k = 0; k < sizeof stage_rules / sizeof *stage_rules; k++) {
		bool found = false;

		if (profile_rule_any(v->profile, stage_rules[k].rule) == NULL)
			continue;
		for (size_t i = 0; i < v->nstages; i++)
			if (str_eqc(v->stages[i].stage, stage_rules[k].stage))
				found = true;
		if (!found)
			return false;
	}
	return v->nstages > 0;
}

static size_t
content_missing(const struct sel_view *v)
{
	size_t missing = 0;

	for (size_t i = 0; i < v->profile->ncontent; i++) {
		struct str id = v->profile->content[i].id, d =
		    v->s.f[SF_ANN_ITEMS];
		bool found = false;

		while (d.len > 0 && !found) {
			const char *semi = memchr(d.p, ';', d.len);
			size_t n = semi ? (size_t)(semi - d.p) : d.len;

			found = str_eq((struct str){ d.p, n }, id);
			d.p += n + (semi ? 1 : 0);
			d.len -= n + (semi ? 1 : 0);
		}
		missing += !found;
	}
	return missing;
}

static void
weights(struct arena *ar, struct sel_view *v)
{
	struct str ws = v->s.f[SF_WEIGHTS];
	struct json *root;
	struct diag d;

	if (ws.len == 0 || json_parse(ar, ws.p, ws.len, 1, false, &root,
	    &d) != SEL_OK || weights_decode(root, &v->weights, &d) != SEL_OK)
		return;
	v->has_weights = true;
	weights_eval(ar, v->profile, &v->weights, &v->wout);
}

static void
window(struct app *a, struct arena *ar, struct sel_view *v)
{
	if (date_parse(v->s.f[SF_ANN_OPEN], &v->open) != SEL_OK ||
	    date_parse(v->s.f[SF_ANN_CLOSE], &v->close) != SEL_OK)
		return;
	v->has_window = true;
	v->win_err = window_eval(ar, v->profile, a->cal, v->open, v->close,
	    &v->win) != SEL_OK;
}

/* The facts the workflow reads, and the state they put the selection in. */
static void
flow(struct app *a, struct sel_view *v, size_t npub, bool sent)
{
	struct flow_plan_stage plan[FL_NSTAGES];
	struct flow_facts *f = &v->flow;
	size_t np = 0;

	memset(f, 0, sizeof *f);
	v->today = app_today(a, v->profile);
	f->today = v->today;
	f->published = v->s.f[SF_PUBLISHED_AT].len > 0;
	f->has_window = v->has_window;
	f->open = v->open;
	f->close = v->close;
	f->closed = v->s.f[SF_CLOSED_AT].len > 0;
	f->adm_published = v->s.f[SF_ADM_PUBLISHED_AT].len > 0;
	for (size_t i = 0; i < v->nstages && np < FL_NSTAGES; i++) {
		struct flow_plan_stage *ps = &plan[np];

		if (!flow_stage_parse(v->stages[i].stage, &ps->stage))
			continue;
		if (date_parse(v->stages[i].starts_on, &ps->starts) != SEL_OK)
			ps->starts = 0;
		if (date_parse(v->stages[i].ends_on, &ps->ends) != SEL_OK)
			ps->ends = ps->starts;
		np++;
	}
	f->nstages = flow_stages(v->profile, plan, np, f->stages);
	f->stages_published = npub;		/* result */
	f->ranking_sent = sent;
	v->published = f->published;
	v->state = flow_state_of(f);
}

enum sel_err
prep_view_load(struct app *a, struct stx *tx, struct arena *ar, int64_t sel,
    struct sel_view *v)
{
	struct prep_in in;
	size_t npub = 0;
	bool sent = false;
	enum sel_err rc;

	memset(v, 0, sizeof *v);
	if ((rc = store_selection_get(tx, ar, sel, &v->s)) != SEL_OK ||
	    (rc = store_region_get(tx, ar, v->s.region_id, &v->region)) ||
	    (rc = store_vacancies(tx, ar, sel, &v->vac, &v->nvac)) ||
	    (rc = store_stages(tx, ar, sel, &v->stages, &v->nstages)) ||
	    (rc = store_members(tx, ar, sel, &v->members, &v->nmembers)) ||
	    (rc = store_selection_num(tx, sel, SN_MAX_APPS,
	    &v->max_apps)) ||
	    (rc = result_facts(tx, sel, &npub, &sent)))	/* result */
		return rc;
	v->profile = app_profile_get(a, v->region.profile_id);
	if (v->profile == NULL)
		return SEL_EINTERNAL;
	committee(ar, v);
	weights(ar, v);
	window(a, ar, v);
	flow(a, v, npub, sent);
	/* APPT-CHOOSE: the PPK has chosen for every vacancy left */
	if (v->flow.ranking_sent) {
		if ((rc = store_choice_fact(tx, sel, v->flow.nstages,
		    &v->flow.chosen)) != SEL_OK)
			return rc;
		/* the special consultations of every chosen post */
		if (v->flow.chosen && (rc = consult_fact(a, tx, ar, v,
		    &v->flow.consulted)) != SEL_OK)
			return rc;
		if (v->flow.consulted && (rc = report_fact(tx, ar, sel,
		    &v->flow.recommended)) != SEL_OK)
			return rc;
		if (v->flow.recommended && (rc = store_appoint_fact(tx, sel,
		    &v->flow.appointed)) != SEL_OK)
			return rc;
		v->state = flow_state_of(&v->flow);
	}

	memset(&in, 0, sizeof in);
	in.oversight = v->region.oversight;
	in.nvac = v->nvac;
	for (size_t i = 0; i < v->nvac; i++)
		in.nvac_reasonless += v->vac[i].reason.len == 0;
	in.inspektur = prep_needs_consult(v);
	in.plan_complete = plan_complete(v);
	in.weights_ok = v->has_weights && v->wout.valid;
	in.plan_sent = v->s.f[SF_PLAN_SENT_ON].len > 0;
	in.recommended = v->s.f[SF_REC_ON].len > 0;
	in.consulted = date_parse(v->s.f[SF_CONSULT_ON], &in.consult_on) ==
	    SEL_OK;
	in.committee_valid = v->com.valid;
	in.committee_confirmed = date_parse(v->s.f[SF_COMMITTEE_OK_ON],
	    &in.committee_on) == SEL_OK;
	in.content_missing = content_missing(v);
	in.has_window = v->has_window && !v->win_err;
	in.window_ok = in.has_window && v->win.valid;
	if ((rc = prac_view_load(a, tx, ar, v, &in)) != SEL_OK)
		return rc;
	prep_eval(ar, v->profile, &in, &v->prep);
	return SEL_OK;
}

enum sel_err
app_sel_view(struct app *a, struct arena *ar, int64_t sel,
    struct sel_view *v)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, v);
	store_abort(a->st, tx);
	return rc;
}
