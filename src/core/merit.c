/*
 * merit.c - the scoring of a stage (merit.h).
 */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "core/merit.h"
#include "core/profile.h"
#include "base/banned.h"

static struct str
citation(const struct profile *p, enum rule_id id)
{
	const struct prof_rule *r = profile_rule_any(p, id);

	return r != NULL ? r->citation : STR("");
}

unsigned
merit_by(const struct profile *p, enum flow_state stage,
    struct rule_result *why)
{
	enum rule_id id = flow_stage_rule(stage);
	const struct prof_rule *r;
	unsigned by = 0;

	memset(why, 0, sizeof *why);
	why->id = id;
	if (id == R__N)
		return 0;
	/* A stage the plan schedules though the profile has no rule for
	   it: rated as the catalogue says, without a citation. */
	r = profile_rule_any(p, id);
	why->status = r != NULL ? RS_PASS : RS_MISSING;
	why->citation = r != NULL ? r->citation : STR("");
	switch (stage) {
	case FL_ASSESS:
		by = r != NULL && r->raters != 0 ? r->raters :
		    PROF_RATE_ASSESSOR;
		by = ((by & PROF_RATE_COMMITTEE) ? MB_COMMITTEE : 0) |
		    ((by & PROF_RATE_ASSESSOR) ? MB_ASSESSOR : 0);
		why->detail = by & MB_COMMITTEE ? STR("Dinilai panitia "
		    "seleksi dibantu asesor.") : STR("Dinilai tim asesor "
		    "independen.");
		break;
	case FL_HEALTH:
		by = MB_SECRETARIAT;
		why->detail = STR("Sekretariat mencatat hasil pemeriksaan "
		    "unit kesehatan pemerintah (memenuhi syarat atau tidak).");
		break;
	default:
		by = MB_COMMITTEE;
		why->detail = STR("Dinilai setiap anggota panitia seleksi.");
		break;
	}
	return by;
}

enum sel_err
merit_raters_parse(struct diag *d, const struct json *v, unsigned *out)
{
	static const char *const words[] = { "committee", "assessor", NULL };
	unsigned set = 0;
	int i;

	if (v->type != JSON_ARRAY || v->count == 0)
		return json_fail(d, v, "expected a non-empty array of "
		    "\"committee\", \"assessor\"");
	for (const struct json *e = v->head; e != NULL; e = e->next) {
		if (json_enum(d, e, words, &i) != SEL_OK)
			return SEL_EINVAL;
		set |= 1u << i;
	}
	*out = (set & 1u ? PROF_RATE_COMMITTEE : 0) |
	    (set & 2u ? PROF_RATE_ASSESSOR : 0);
	return SEL_OK;
}

size_t
merit_entitled(const struct profile *p, enum flow_state stage,
    const struct merit_person *people, size_t n, int64_t opener,
    size_t *out)
{
	struct rule_result why;
	unsigned by = merit_by(p, stage, &why);
	size_t k = 0, first = n;

	for (size_t i = 0; i < n; i++) {
		const struct merit_person *x = &people[i];
		bool seat = x->member_id != 0 && (x->chair || x->member) &&
		    !x->left && x->account_id != 0;

		if (x->narasumber || x->account_id == 0)
			continue;
		if (by & MB_SECRETARIAT) {
			if (!x->secretariat)
				continue;
			if (x->account_id == opener) {
				out[0] = i;
				return 1;
			}
			if (first == n)
				first = i;
			continue;
		}
		if (((by & MB_COMMITTEE) && seat) ||
		    ((by & MB_ASSESSOR) && x->assessor))
			out[k++] = i;
	}
	if (by & MB_SECRETARIAT) {
		if (first == n)
			return 0;
		out[0] = first;
		return 1;
	}
	return k;
}

enum merit_may
merit_may_rate(struct arena *ar, const struct profile *p,
    enum flow_state stage, bool narasumber, bool entitled, bool recused,
    struct rule_result *why)
{
	memset(why, 0, sizeof *why);
	why->status = RS_FAIL;
	if (narasumber) {
		/* STG-INTERVIEW: resource persons attend, never score. */
		why->id = R_STG_INTERVIEW;
		why->citation = citation(p, R_STG_INTERVIEW);
		why->detail = arena_printf(ar, "Narasumber dapat hadir tetapi "
		    "tidak memberi nilai (STG-INTERVIEW, %.*s).",
		    (int)why->citation.len, why->citation.p);
		return MM_NARASUMBER;
	}
	why->id = flow_stage_rule(stage);
	why->citation = why->id != R__N ? citation(p, why->id) : STR("");
	if (!entitled) {
		why->detail = arena_printf(ar, "Anda bukan penilai tahap ini "
		    "(%s, %.*s).", why->id != R__N ? rule_name(why->id) : "",
		    (int)why->citation.len, why->citation.p);
		return MM_NOT_ENTITLED;
	}
	if (recused) {
		why->detail = STR("Anda telah menyatakan benturan kepentingan "
		    "dengan calon ini dan tidak menilainya.");
		return MM_RECUSED;
	}
	why->status = RS_PASS;
	return MM_OK;
}

bool
merit_parse(struct str s, int64_t *out)
{
	char buf[16];
	int64_t v;

	s = str_trim(s);
	if (s.len == 0 || s.len >= sizeof buf)
		return false;
	memcpy(buf, s.p, s.len);
	for (size_t i = 0; i < s.len; i++)
		if (buf[i] == ',')
			buf[i] = '.';
	if (buf[0] == '-' || parse_fixed((struct str){ buf, s.len }, 2, &v) !=
	    SEL_OK || v < 0 || v > 100 * SCORE_ONE)
		return false;
	*out = v;
	return true;
}

const char *
merit_fmt(int64_t v, char *buf, size_t n)
{
	if (v < 0)
		v = 0;
	snprintf(buf, n, "%lld,%02lld", (long long)(v / SCORE_ONE),
	    (long long)(v % SCORE_ONE));
	return buf;
}

struct stage_score
merit_stage_score(const struct merit_score *s, size_t n)
{
	struct stage_score r = { 0, 0, false };

	for (size_t i = 0; i < n; i++) {
		if (s[i].recused)
			continue;
		r.sum += s[i].value;
		r.count++;
	}
	r.present = r.count > 0;
	return r;
}

bool
merit_sealed(const struct merit_rater *r, size_t n, size_t *done)
{
	size_t d = 0;

	for (size_t i = 0; i < n; i++)
		d += r[i].submitted || r[i].recused_all;
	if (done != NULL)
		*done = d;
	return n == 0 || d < n;
}

static const char *const outcome_names[] = {
	"passed", "failed", "absent", "tied"
};
static const char *const outcome_labels[] = {
	"Lulus", "Tidak lulus", "Tidak hadir", "Nilai sama pada batas"
};

const char *
merit_outcome_name(enum merit_outcome o)
{
	return (unsigned)o <= MO_TIED ? outcome_names[o] : "?";
}

const char *
merit_outcome_label(enum merit_outcome o)
{
	return (unsigned)o <= MO_TIED ? outcome_labels[o] : "?";
}

static int64_t
shown(const struct merit_cand *c)
{
	return c->s.count > 0 ? stage_display(&c->s) : -1;
}

/* Does decision t hold exactly the ids of tie a? */
static bool
covers(const struct merit_tie *t, const struct merit_tie_at *a)
{
	if (t->vacancy != a->vacancy || t->n != a->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		bool found = false;

		for (size_t k = 0; k < t->n && !found; k++)
			found = t->order[k] == a->ids[i];
		if (!found)
			return false;
	}
	for (size_t i = 0; i < t->n; i++)
		for (size_t k = i + 1; k < t->n; k++)
			if (t->order[i] == t->order[k])
				return false;
	return true;
}

/* The best-N cut of one vacancy among the candidates still passing. */
static void
cut(struct arena *ar, const struct merit_pass *ps, const struct merit_cand *c,
    size_t n, int64_t vac, const struct merit_tie *ties, size_t nties,
    struct merit_pass_out *o)
{
	size_t above, at, cnt = 0;
	int64_t *vals = arena_array(ar, n + 1, sizeof *vals), v;
	struct merit_tie_at *t;

	for (size_t i = 0; i < n; i++)
		if (c[i].vacancy == vac && o->outcome[i] == MO_PASSED)
			vals[cnt++] = shown(&c[i]);
	if (cnt <= (size_t)ps->best)
		return;
	/* The N-th best displayed value. */
	for (size_t i = 1; i < cnt; i++)
		for (size_t k = i; k > 0 && vals[k - 1] < vals[k]; k--) {
			v = vals[k];
			vals[k] = vals[k - 1];
			vals[k - 1] = v;
		}
	v = vals[ps->best - 1];
	above = at = 0;
	for (size_t i = 0; i < cnt; i++) {
		above += vals[i] > v;
		at += vals[i] == v;
	}
	for (size_t i = 0; i < n; i++)
		if (c[i].vacancy == vac && o->outcome[i] == MO_PASSED &&
		    shown(&c[i]) < v)
			o->outcome[i] = MO_FAILED;
	if (above + at <= (size_t)ps->best)
		return;
	/* SCORE-TIES: they share the N-th value and do not all fit. */
	t = &o->ties[o->nties++];
	t->vacancy = vac;
	t->value = v;
	t->places = (size_t)ps->best - above;
	t->ids = arena_array(ar, at, sizeof *t->ids);
	t->n = 0;
	for (size_t i = 0; i < n; i++)
		if (c[i].vacancy == vac && o->outcome[i] == MO_PASSED &&
		    shown(&c[i]) == v)
			t->ids[t->n++] = c[i].id;
	for (size_t k = 0; k < nties && !t->decided; k++) {
		if (!covers(&ties[k], t))
			continue;
		t->decided = true;
		for (size_t i = 0; i < n; i++) {
			if (c[i].vacancy != vac || o->outcome[i] != MO_PASSED ||
			    shown(&c[i]) != v)
				continue;
			for (size_t j = 0; j < ties[k].n; j++)
				if (ties[k].order[j] == c[i].id)
					o->outcome[i] = j < t->places ?
					    MO_PASSED : MO_FAILED;
		}
	}
	if (t->decided)
		return;
	o->undecided = true;
	for (size_t i = 0; i < n; i++)
		if (c[i].vacancy == vac && o->outcome[i] == MO_PASSED &&
		    shown(&c[i]) == v)
			o->outcome[i] = MO_TIED;
}

void
merit_pass_eval(struct arena *ar, const struct merit_pass *ps,
    const struct merit_cand *c, size_t n, const struct merit_tie *ties,
    size_t nties, struct merit_pass_out *o)
{
	memset(o, 0, sizeof *o);
	o->outcome = arena_array(ar, n + 1, sizeof *o->outcome);
	o->ties = arena_array(ar, n + 1, sizeof *o->ties);
	for (size_t i = 0; i < n; i++) {
		if (c[i].absent)
			o->outcome[i] = MO_ABSENT;
		else if (c[i].s.count <= 0)
			o->outcome[i] = MO_FAILED;
		else if (ps->min >= 0 && shown(&c[i]) < ps->min)
			o->outcome[i] = MO_FAILED;
		else
			o->outcome[i] = MO_PASSED;
	}
	if (ps->best <= 0)
		return;
	for (size_t i = 0; i < n; i++) {
		bool seen = false;

		for (size_t k = 0; k < i && !seen; k++)
			seen = c[k].vacancy == c[i].vacancy;
		if (!seen)
			cut(ar, ps, c, n, c[i].vacancy, ties, nties, o);
	}
}
