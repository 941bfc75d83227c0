/*
 * profile_prac.c - the loader's part for the PRAC-* entries
 * (REGULATIONS.md §15, docs/profiles.md "Praktik 2023-2026").
 *
 * A PRAC entry applies to the whole selection (no "when"), and its
 * citation is kept as written: it names a national instrument or the
 * region's own (an SE, a letter of BKN, an announcement), not the seed
 * regulation whose short name profile.c puts in front of other citations.
 */
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/vocab.h"
#include "base/banned.h"

/* The parameters each PRAC rule takes; "rule", "citation", "note" and
   "detail" are every entry's.  need: the ones it must have. */
static const struct {
	const char	*keys[6];
	unsigned	 need;		/* bit per index in keys */
} shape[] = {
	[R_PRAC_OVERSIGHT_APPROVAL - R_PRAC_OVERSIGHT_APPROVAL] = {
	    { "letters" }, 1 },
	[R_PRAC_HOME_MINISTER - R_PRAC_OVERSIGHT_APPROVAL] = {
	    { "windows", "acting_citation" }, 0 },
	[R_PRAC_ASSESSOR - R_PRAC_OVERSIGHT_APPROVAL] = {
	    { "min_accreditation", "result_valid_years" }, 1 },
	[R_PRAC_MINIMUM - R_PRAC_OVERSIGHT_APPROVAL] = {
	    { "count", "days", "day_kind", "max_times", "min_to_proceed" },
	    15 },
	[R_PRAC_ROUTE - R_PRAC_OVERSIGHT_APPROVAL] = { { NULL }, 0 },
	[R_PRAC_NO_REPLACE_2Y - R_PRAC_OVERSIGHT_APPROVAL] = {
	    { "years" }, 1 },
};

static enum sel_err
text(struct diag *d, const struct json *v, struct str *out)
{
	if (v->type != JSON_STRING || str_trim(v->s).len == 0)
		return json_fail(d, v, "expected a non-empty string");
	*out = v->s;
	return SEL_OK;
}

static enum sel_err
int_in(struct diag *d, const struct json *v, int64_t lo, int64_t hi,
    int *out)
{
	int64_t x;

	if (v->type != JSON_NUMBER || parse_i64(v->s, lo, hi, &x) != SEL_OK)
		return json_fail(d, v, "expected a whole number from %lld to "
		    "%lld", (long long)lo, (long long)hi);
	*out = (int)x;
	return SEL_OK;
}

static enum sel_err
date_of(struct diag *d, const struct json *v, sel_date *out)
{
	if (v->type != JSON_STRING || date_parse(v->s, out) != SEL_OK)
		return json_fail(d, v, "expected a date YYYY-MM-DD");
	return SEL_OK;
}

/* {"from": DATE, "to": DATE, "label": TEXT, "citation": TEXT} */
static enum sel_err
window(struct diag *d, const struct json *o, struct prac_window *w)
{
	const struct json *f = json_get(o, "from"), *t = json_get(o, "to"),
	    *l = json_get(o, "label");

	if (o->type != JSON_OBJECT)
		return json_fail(d, o, "expected an object");
	for (const struct json *m = o->head; m != NULL; m = m->next)
		if (!str_eqc(m->key, "from") && !str_eqc(m->key, "to") &&
		    !str_eqc(m->key, "label") && !str_eqc(m->key, "citation"))
			return json_fail(d, m, "unknown key (expected from, "
			    "to, label, citation)");
	if (f == NULL || t == NULL || l == NULL)
		return json_fail_key(d, o, f == NULL ? "from" : t == NULL ?
		    "to" : "label", "required field is missing");
	if (date_of(d, f, &w->from) || date_of(d, t, &w->to) ||
	    text(d, l, &w->label))
		return SEL_EINVAL;
	if (w->to < w->from)
		return json_fail(d, t, "is before \"from\"");
	if (json_get(o, "citation") != NULL &&
	    text(d, json_get(o, "citation"), &w->citation))
		return SEL_EINVAL;
	return SEL_OK;
}

static enum sel_err
windows(struct diag *d, const struct json *v, struct prac_params *pp)
{
	if (v->type != JSON_ARRAY || v->count > PRAC_MAX_WINDOWS)
		return json_fail(d, v, "expected an array of at most %d "
		    "windows", PRAC_MAX_WINDOWS);
	for (const struct json *e = v->head; e != NULL; e = e->next)
		if (window(d, e, &pp->windows[pp->nwindows++]) != SEL_OK)
			return SEL_EINVAL;
	return SEL_OK;
}

static enum sel_err
param(struct diag *d, const struct json *m, struct prof_rule *r,
    struct prac_params *pp)
{
	int x;

	if (str_eqc(m->key, "letters"))
		return int_in(d, m, 1, 9, &pp->letters);
	if (str_eqc(m->key, "windows"))
		return windows(d, m, pp);
	if (str_eqc(m->key, "acting_citation"))
		return text(d, m, &pp->acting_citation);
	if (str_eqc(m->key, "min_accreditation")) {
		if (json_enum(d, m, prac_grade_words, &x) != SEL_OK)
			return SEL_EINVAL;
		pp->min_grade = (enum accr_grade)x;
		return SEL_OK;
	}
	if (str_eqc(m->key, "result_valid_years"))
		return int_in(d, m, 1, 10, &pp->valid_years);
	if (str_eqc(m->key, "count"))
		return int_in(d, m, 1, 99, &r->count);
	if (str_eqc(m->key, "min_to_proceed"))
		return int_in(d, m, 1, 99, &r->min_to_proceed);
	if (str_eqc(m->key, "days"))
		return int_in(d, m, 1, 365, &r->days);
	if (str_eqc(m->key, "max_times"))
		return int_in(d, m, 1, 99, &r->max_times);
	if (str_eqc(m->key, "years"))
		return int_in(d, m, 1, 10, &r->years);
	if (str_eqc(m->key, "day_kind")) {
		if (json_enum(d, m, vocab_day_kind, &x) != SEL_OK)
			return SEL_EINVAL;
		r->day_kind = (enum day_kind)x;
		return SEL_OK;
	}
	return SEL_EINTERNAL;
}

enum sel_err
profile_prac_rule(struct arena *a, struct diag *d, const struct json *o,
    struct prof_rule *r)
{
	int k = (int)r->id - (int)R_PRAC_OVERSIGHT_APPROVAL;
	struct prac_params *pp = arena_alloc(a, sizeof *pp);
	unsigned seen = 0;

	r->min_rating = -1;
	r->official_min_echelon = -1;
	for (const struct json *m = o->head; m != NULL; m = m->next) {
		enum sel_err rc = SEL_OK;
		int p = -1;

		if (str_eqc(m->key, "rule"))
			continue;
		if (str_eqc(m->key, "citation")) {
			rc = text(d, m, &r->citation);
		} else if (str_eqc(m->key, "note")) {
			rc = text(d, m, &r->note);
		} else if (str_eqc(m->key, "detail")) {
			rc = text(d, m, &r->detail);
		} else {
			for (int i = 0; i < 6 && shape[k].keys[i] != NULL; i++)
				if (str_eqc(m->key, shape[k].keys[i]))
					p = i;
			if (p < 0 && str_eqc(m->key, "when"))
				return json_fail(d, m, "a PRAC rule applies to "
				    "the whole selection: no \"when\"");
			if (p < 0)
				return json_fail(d, m, "not a parameter of %s",
				    rule_name(r->id));
			seen |= 1u << p;
			rc = param(d, m, r, pp);
		}
		if (rc != SEL_OK)
			return rc;
	}
	if (r->citation.len == 0)
		return json_fail_key(d, o, "citation", "required: every rule "
		    "names its instrument");
	for (int i = 0; i < 6 && shape[k].keys[i] != NULL; i++)
		if ((shape[k].need & (1u << i)) && !(seen & (1u << i)))
			return json_fail_key(d, o, shape[k].keys[i], "required "
			    "field is missing");
	if (r->id == R_PRAC_MINIMUM && r->min_to_proceed > r->count)
		return json_fail_key(d, o, "min_to_proceed", "is above "
		    "count");
	r->prac = pp;
	return SEL_OK;
}
