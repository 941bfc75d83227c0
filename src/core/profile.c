/*
 * profile.c - the strict loader of profile files (docs/profiles.md).
 *
 * Each rule entry is {"rule": ID, "citation": ..., "when": {...}, params}.
 * Which params a rule takes, and which it needs, is the table `shape`
 * below; any other key is an error, so a typo never silently drops a rule.
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/ckd.h"
#include "base/json.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/profile_ext.h"
#include "base/banned.h"

#define FORMAT_VERSION	1

enum param {
	P_EMPLOYMENT, P_PROVINCE, P_AGENCY_KINDS, P_INVITED_KINDS,
	P_EDU_LEVELS, P_MAJOR, P_CERT, P_MIN_GRADE, P_ANY_OF, P_YEARS,
	P_MAX_AGE, P_AT, P_PEN_LEVELS, P_MIN_RATING, P_OWN, P_OTHER,
	P_INVITED, P_TRAINING, P_NOT_FUNC, P_MIN, P_MAX, P_ODD, P_MAX_PERCENT,
	P_OFFICIAL_ECH, P_DECLS, P_RANGES, P_ADJUSTABLE, P_COUNT,
	P_MIN_PROCEED, P_DAYS, P_DAY_KIND, P_READING, P_TRIGGER,
	P_THRESHOLD, P_MAX_TIMES, P_DETAIL, P_GATE, P_FORCE, P_WITH_DECL,
	P__N
};

static const char *const param_name[P__N] = {
	"employment", "province", "agency_kinds", "invited_agency_kinds",
	"education_levels", "major_contains", "or_certificate", "min_grade",
	"any_of", "years", "max_age", "at", "penalty_levels", "min_rating",
	"own_region", "other_region", "invited", "training",
	"not_for_functional",
	"min", "max", "odd", "max_percent", "official_min_echelon",
	"declarations", "ranges", "adjustable", "count", "min_to_proceed",
	"days", "day_kind", "reading", "trigger", "threshold", "max_times",
	"detail", "approval_before_announcement", "force", "with_declaration",
};

#define B(p)	(1ull << (p))

/* Allowed and required params per rule id. */
static const struct {
	unsigned long long	 allow;
	unsigned long long	 need;
} shape[R__N] = {
	[R_ELIG_EMPLOYMENT] = { B(P_EMPLOYMENT), B(P_EMPLOYMENT) },
	[R_ELIG_REGION] = { B(P_PROVINCE) | B(P_AGENCY_KINDS) |
	    B(P_INVITED_KINDS), B(P_PROVINCE) | B(P_AGENCY_KINDS) },
	[R_ELIG_EDUCATION] = { B(P_EDU_LEVELS) | B(P_MAJOR) | B(P_CERT),
	    B(P_EDU_LEVELS) },
	[R_ELIG_GRADE] = { B(P_MIN_GRADE), B(P_MIN_GRADE) },
	[R_ELIG_PRIOR_POST] = { B(P_ANY_OF), B(P_ANY_OF) },
	[R_ELIG_EXPERIENCE] = { B(P_YEARS), B(P_YEARS) },
	[R_ELIG_AGE] = { B(P_MAX_AGE) | B(P_AT) | B(P_WITH_DECL),
	    B(P_MAX_AGE) | B(P_AT) },
	[R_ELIG_DISCIPLINE] = { B(P_PEN_LEVELS) | B(P_YEARS),
	    B(P_PEN_LEVELS) | B(P_YEARS) },
	[R_ELIG_CRIMINAL] = { B(P_YEARS), B(P_YEARS) },
	[R_ELIG_EXAMINATION] = { 0, 0 },
	[R_ELIG_PERFORMANCE] = { B(P_YEARS) | B(P_MIN_RATING),
	    B(P_YEARS) | B(P_MIN_RATING) },
	[R_ELIG_RECOMMENDATION] = { B(P_OWN) | B(P_OTHER) | B(P_INVITED),
	    B(P_OWN) | B(P_OTHER) },
	[R_ELIG_TRAINING] = { B(P_TRAINING) | B(P_NOT_FUNC) | B(P_FORCE),
	    B(P_TRAINING) },
	[R_ELIG_COMPETENCY] = { B(P_DETAIL), B(P_DETAIL) },
	[R_ELIG_TRACK_RECORD] = { B(P_DETAIL), B(P_DETAIL) },
	[R_ELIG_HEALTH] = { B(P_DETAIL), B(P_DETAIL) },
	[R_ELIG_OTHER] = { B(P_DETAIL), B(P_DETAIL) },
	[R_COM_SIZE] = { B(P_MIN) | B(P_MAX) | B(P_ODD),
	    B(P_MIN) | B(P_MAX) | B(P_ODD) },
	[R_COM_INTERNAL_MAX] = { B(P_MAX_PERCENT), B(P_MAX_PERCENT) },
	[R_COM_ELEMENTS] = { B(P_OFFICIAL_ECH), 0 },
	[R_COM_INTERNAL_RANK] = { 0, 0 },
	[R_COM_ASSESSOR] = { B(P_MIN), B(P_MIN) },
	[R_COM_MEMBER] = { B(P_DECLS), B(P_DECLS) },
	[R_SCORE_WEIGHTS] = { B(P_RANGES) | B(P_ADJUSTABLE), B(P_RANGES) },
	[R_SCORE_WEIGHTS_SUM] = { B(P_ADJUSTABLE), 0 },
	[R_SCORE_TOP3] = { B(P_COUNT) | B(P_MIN_PROCEED),
	    B(P_COUNT) | B(P_MIN_PROCEED) },
	[R_ANN_DURATION] = { B(P_DAYS) | B(P_DAY_KIND) | B(P_READING),
	    B(P_DAYS) | B(P_DAY_KIND) | B(P_READING) },
	[R_ANN_EXTEND] = { B(P_DAYS) | B(P_DAY_KIND) | B(P_TRIGGER) |
	    B(P_THRESHOLD) | B(P_MAX_TIMES), B(P_TRIGGER) | B(P_THRESHOLD) |
	    B(P_MAX_TIMES) },
	[R_ANN_AFTER_EXTENSIONS] = { B(P_DETAIL) | B(P_MIN_PROCEED),
	    B(P_DETAIL) },
	[R_ADM_MIN_3] = { B(P_COUNT) | B(P_MIN_PROCEED) | B(P_DETAIL),
	    B(P_COUNT) },
	[R_VAC_PLAN] = { B(P_DETAIL) | B(P_GATE), 0 },
	[R_TEN_MUTATION] = { B(P_MIN) | B(P_MAX), 0 },	/* years in the post */
};

struct pctx {
	struct arena	*a;
	struct diag	*d;
	struct profile	*p;
};

static enum sel_err
fail_at(struct pctx *c, const struct json *n, const char *key,
    const char *msg)
{
	if (key != NULL)
		json_fail_key(c->d, n, key, "%s", msg);
	else
		json_fail(c->d, n, "%s", msg);
	return SEL_EINVAL;
}

/* An array of vocabulary words as a bit set. */
static enum sel_err
word_set(struct pctx *c, const struct json *v, const char *const *words,
    unsigned *out)
{
	unsigned set = 0;

	if (v->type != JSON_ARRAY)
		return fail_at(c, v, NULL, "expected an array of words");
	if (v->count == 0)
		return fail_at(c, v, NULL, "the list is empty");
	for (const struct json *e = v->head; e != NULL; e = e->next) {
		int i;

		if (json_enum(c->d, e, words, &i) != SEL_OK)
			return SEL_EINVAL;
		set |= 1u << i;
	}
	*out = set;
	return SEL_OK;
}

static enum sel_err
one_word(struct pctx *c, const struct json *v, const char *const *words,
    int *out)
{
	return json_enum(c->d, v, words, out);
}

static enum sel_err
int_in(struct pctx *c, const struct json *v, int64_t lo, int64_t hi, int *out)
{
	int64_t x;

	if (v->type != JSON_NUMBER || parse_i64(v->s, lo, hi, &x) != SEL_OK) {
		json_fail(c->d, v, "expected a whole number from %lld to %lld",
		    (long long)lo, (long long)hi);
		return SEL_EINVAL;
	}
	*out = (int)x;
	return SEL_OK;
}

static enum sel_err
text(struct pctx *c, const struct json *v, struct str *out)
{
	if (v->type != JSON_STRING || str_trim(v->s).len == 0)
		return fail_at(c, v, NULL, "expected a non-empty string");
	*out = v->s;
	return SEL_OK;
}

static enum sel_err
boolean(struct pctx *c, const struct json *v, bool *out)
{
	if (v->type != JSON_BOOL)
		return fail_at(c, v, NULL, "expected true or false");
	*out = v->b;
	return SEL_OK;
}

static struct str
full_citation(struct pctx *c, struct str local)
{
	struct buf b;
	struct str s;

	buf_init(&b, 1024);
	buf_putstr(&b, c->p->cite);
	buf_putc(&b, ' ');
	buf_putstr(&b, local);
	s.p = arena_strndup(c->a, b.p, b.len);
	s.len = b.len;
	buf_release(&b);
	return s;
}

static enum sel_err
parse_when(struct pctx *c, const struct json *w, struct prof_when *out)
{
	if (w->type != JSON_OBJECT)
		return fail_at(c, w, NULL, "expected an object");
	for (const struct json *m = w->head; m != NULL; m = m->next) {
		enum sel_err rc;

		if (str_eqc(m->key, "levels"))
			rc = word_set(c, m, vocab_level, &out->levels);
		else if (str_eqc(m->key, "kinds"))
			rc = word_set(c, m, vocab_vpost_kind, &out->kinds);
		else if (str_eqc(m->key, "kinds_not"))
			rc = word_set(c, m, vocab_vpost_kind, &out->kinds_not);
		else if (str_eqc(m->key, "echelons"))
			rc = word_set(c, m, vocab_echelon, &out->echelons);
		else
			rc = fail_at(c, m, NULL, "unknown key (expected levels, "
			    "kinds, kinds_not or echelons)");
		if (rc != SEL_OK)
			return rc;
	}
	if ((out->levels & c->p->levels) != out->levels)
		return fail_at(c, w, "levels", "names a level the profile's "
		    "\"levels\" does not cover");
	return SEL_OK;
}

static enum sel_err
parse_alt(struct pctx *c, const struct json *o, struct prior_alt *alt)
{
	const struct json *k = json_get(o, "kind");
	int kind;

	if (o->type != JSON_OBJECT)
		return fail_at(c, o, NULL, "expected an object");
	if (k == NULL)
		return fail_at(c, o, "kind", "required field is missing");
	if (one_word(c, k, vocab_cpost_kind, &kind) != SEL_OK)
		return SEL_EINVAL;
	if (kind == CP_EXECUTOR)
		return fail_at(c, k, NULL, "only structural or functional "
		    "posts count as a prior post");
	alt->kind = (enum cpost_kind)kind;
	alt->min_echelon = alt->min_jf = -1;
	alt->years = -1;
	for (const struct json *m = o->head; m != NULL; m = m->next) {
		enum sel_err rc = SEL_OK;

		if (str_eqc(m->key, "kind"))
			continue;
		if (str_eqc(m->key, "min_echelon") && kind == CP_STRUCTURAL)
			rc = one_word(c, m, vocab_echelon, &alt->min_echelon);
		else if (str_eqc(m->key, "min_jf_level") &&
		    kind == CP_FUNCTIONAL)
			rc = one_word(c, m, vocab_jf, &alt->min_jf);
		else if (str_eqc(m->key, "years"))
			rc = int_in(c, m, 1, 40, &alt->years);
		else if (str_eqc(m->key, "current"))
			rc = boolean(c, m, &alt->current);
		else if (str_eqc(m->key, "citation"))
			rc = text(c, m, &alt->citation);
		else
			rc = fail_at(c, m, NULL, "unknown key for this kind of "
			    "post");
		if (rc != SEL_OK)
			return rc;
	}
	if (alt->years < 0 || (alt->min_echelon < 0 && alt->min_jf < 0))
		return fail_at(c, o, NULL, "needs \"years\" and a "
		    "\"min_echelon\" (structural) or \"min_jf_level\" "
		    "(functional)");
	if (alt->citation.len > 0)
		alt->citation = full_citation(c, alt->citation);
	return SEL_OK;
}

static enum sel_err
parse_rec(struct pctx *c, const struct json *v, unsigned *by, bool *approval)
{
	if (v->type == JSON_NULL) {
		*by = 0;
		return SEL_OK;
	}
	if (v->type != JSON_OBJECT)
		return fail_at(c, v, NULL, "expected an object or null");
	for (const struct json *m = v->head; m != NULL; m = m->next) {
		enum sel_err rc;

		if (str_eqc(m->key, "by"))
			rc = word_set(c, m, vocab_rec_by, by);
		else if (str_eqc(m->key, "ppk_approval") && approval != NULL)
			rc = boolean(c, m, approval);
		else
			rc = fail_at(c, m, NULL, "unknown key");
		if (rc != SEL_OK)
			return rc;
	}
	if (*by == 0)
		return fail_at(c, v, "by", "required field is missing");
	return SEL_OK;
}

/* {"by": [...], "citation": TEXT}: who recommends an invited PNS. */
static enum sel_err
parse_invited(struct pctx *c, const struct json *v, struct prof_rule *r)
{
	if (v->type != JSON_OBJECT)
		return fail_at(c, v, NULL, "expected an object");
	for (const struct json *m = v->head; m != NULL; m = m->next) {
		enum sel_err rc;

		if (str_eqc(m->key, "by"))
			rc = word_set(c, m, vocab_rec_by, &r->invited_by);
		else if (str_eqc(m->key, "citation"))
			rc = text(c, m, &r->invited_citation);
		else
			rc = fail_at(c, m, NULL, "unknown key (expected by, "
			    "citation)");
		if (rc != SEL_OK)
			return rc;
	}
	if (r->invited_by == 0)
		return fail_at(c, v, "by", "required field is missing");
	if (r->invited_citation.len > 0)
		r->invited_citation = full_citation(c, r->invited_citation);
	return SEL_OK;
}

static enum sel_err
parse_ranges(struct pctx *c, const struct json *v, struct prof_rule *r)
{
	if (v->type != JSON_OBJECT)
		return fail_at(c, v, NULL, "expected an object");
	for (const struct json *m = v->head; m != NULL; m = m->next) {
		int st = -1;

		for (int i = 0; i < ST__N; i++)
			if (str_eqc(m->key, vocab_stage[i]))
				st = i;
		if (st < 0)
			return fail_at(c, m, NULL, "unknown stage (expected "
			    "paper, assessment, interview, track_record)");
		if (m->type != JSON_ARRAY || m->count != 2)
			return fail_at(c, m, NULL, "expected [low, high]");
		if (json_fixed2(c->d, m->head, 0, 10000, &r->lo[st]) ||
		    json_fixed2(c->d, m->tail, 0, 10000, &r->hi[st]))
			return SEL_EINVAL;
		if (r->lo[st] > r->hi[st])
			return fail_at(c, m, NULL, "low is above high");
	}
	for (int i = 0; i < ST__N; i++)
		if (json_get(v, vocab_stage[i]) == NULL)
			return fail_at(c, v, vocab_stage[i], "required field is "
			    "missing");
	r->has_ranges = true;
	return SEL_OK;
}

static enum sel_err
parse_param(struct pctx *c, enum param p, const struct json *v,
    struct prof_rule *r)
{
	int x;

	switch (p) {
	case P_EMPLOYMENT:
		return word_set(c, v, vocab_employment, &r->employment);
	case P_PROVINCE:
		return text(c, v, &r->province);
	case P_AGENCY_KINDS:
		return word_set(c, v, vocab_agency_kind, &r->agency_kinds);
	case P_INVITED_KINDS:
		return word_set(c, v, vocab_agency_kind, &r->invited_kinds);
	case P_EDU_LEVELS:
		return word_set(c, v, vocab_edu, &r->edu_levels);
	case P_MAJOR:
		return text(c, v, &r->major_contains);
	case P_CERT:
		return text(c, v, &r->or_certificate);
	case P_MIN_GRADE:
		return one_word(c, v, vocab_grade, &r->min_grade);
	case P_ANY_OF:
		if (v->type != JSON_ARRAY || v->count == 0 ||
		    v->count > PROF_MAX_ALTS)
			return fail_at(c, v, NULL, "expected 1 to 4 ways to "
			    "meet the rule");
		for (const struct json *e = v->head; e != NULL; e = e->next)
			if (parse_alt(c, e, &r->alts[r->nalts++]) != SEL_OK)
				return SEL_EINVAL;
		return SEL_OK;
	case P_YEARS:
		if (v->type == JSON_NULL && r->id == R_ELIG_DISCIPLINE) {
			r->years = 0;	/* "tidak pernah": ever */
			return SEL_OK;
		}
		return int_in(c, v, 1, 40, &r->years);
	case P_MAX_AGE:
		return int_in(c, v, 18, 70, &r->max_age);
	case P_AT:
		if (one_word(c, v, (const char *const[]){ "as_of",
		    "appointment", NULL }, &x) != SEL_OK)
			return SEL_EINVAL;
		r->at = (enum ref_date)x;
		return SEL_OK;
	case P_PEN_LEVELS:
		return word_set(c, v, vocab_pen_level, &r->pen_levels);
	case P_MIN_RATING:
		if (v->type == JSON_NULL) {
			r->min_rating = -1;
			return SEL_OK;
		}
		if (one_word(c, v, vocab_rating, &x) != SEL_OK)
			return SEL_EINVAL;
		r->min_rating = (int)vocab_rating_value(x);
		return SEL_OK;
	case P_OWN:
		return parse_rec(c, v, &r->own_by, &r->own_ppk_approval);
	case P_OTHER:
		return parse_rec(c, v, &r->other_by, NULL);
	case P_INVITED:
		return parse_invited(c, v, r);
	case P_TRAINING:
		if (one_word(c, v, vocab_training, &x) != SEL_OK)
			return SEL_EINVAL;
		r->training = (int)vocab_training_value(x);
		return SEL_OK;
	case P_NOT_FUNC:
		return boolean(c, v, &r->not_for_functional);
	case P_MIN:
		return int_in(c, v, 0, 99, &r->min);
	case P_MAX:
		return int_in(c, v, 1, 99, &r->max);
	case P_ODD:
		return boolean(c, v, &r->odd);
	case P_MAX_PERCENT:
		return int_in(c, v, 1, 100, &r->max_percent);
	case P_OFFICIAL_ECH:
		return one_word(c, v, vocab_echelon, &r->official_min_echelon);
	case P_DECLS:
		return word_set(c, v, vocab_decl, &r->declarations);
	case P_RANGES:
		return parse_ranges(c, v, r);
	case P_ADJUSTABLE:
		return boolean(c, v, &r->adjustable);
	case P_GATE:
		return boolean(c, v, &r->gate);
	case P_COUNT:
		return int_in(c, v, 1, 99, &r->count);
	case P_MIN_PROCEED:
		return int_in(c, v, 1, 99, &r->min_to_proceed);
	case P_DAYS:
		if (v->type == JSON_NULL && r->id == R_ANN_EXTEND) {
			r->days = 0;	/* length not set by the article */
			return SEL_OK;
		}
		return int_in(c, v, 1, 365, &r->days);
	case P_DAY_KIND:
		if (one_word(c, v, vocab_day_kind, &x) != SEL_OK)
			return SEL_EINVAL;
		r->day_kind = (enum day_kind)x;
		return SEL_OK;
	case P_READING:
		if (one_word(c, v, (const char *const[]){ "inclusive",
		    "strict", NULL }, &x) != SEL_OK)
			return SEL_EINVAL;
		r->reading = (enum reading)x;
		return SEL_OK;
	case P_TRIGGER:
		if (one_word(c, v, (const char *const[]){ "applicants_at_most",
		    "qualified_below", NULL }, &x) != SEL_OK)
			return SEL_EINVAL;
		r->trigger = (enum trigger)x;
		return SEL_OK;
	case P_THRESHOLD:
		return int_in(c, v, 1, 99, &r->threshold);
	case P_MAX_TIMES:
		if (v->type == JSON_NULL) {
			r->max_times = 0;
			return SEL_OK;
		}
		return int_in(c, v, 1, 99, &r->max_times);
	case P_DETAIL:
		return text(c, v, &r->detail);
	case P_FORCE:
		if (one_word(c, v, (const char *const[]){ "advisory",
		    "mandatory", NULL }, &x) != SEL_OK)
			return SEL_EINVAL;
		r->mandatory = x == 1;
		return SEL_OK;
	case P_WITH_DECL:
		return profile_with_decl(c->a, c->d, v, c->p->cite, r);
	case P__N:
		break;
	}
	return SEL_EINTERNAL;
}

static enum sel_err
parse_rule(struct pctx *c, const struct json *o, struct prof_rule *r)
{
	const struct json *id = json_get(o, "rule"), *jo = NULL;
	unsigned long long seen = 0;
	enum rule_id rid;

	if (o->type != JSON_OBJECT)
		return fail_at(c, o, NULL, "expected an object");
	if (id == NULL || id->type != JSON_STRING)
		return fail_at(c, o, "rule", "required: a rule id of "
		    "REGULATIONS.md");
	if (!rule_lookup(id->s, &rid)) {
		json_fail(c->d, id, "unknown rule id \"%.*s\"",
		    (int)(id->s.len > 40 ? 40 : id->s.len), id->s.p);
		return SEL_EINVAL;
	}
	r->id = rid;
	r->line = o->line;
	if (profile_too_many(c->p, o, rid, c->d))
		return SEL_EINVAL;
	if (rule_class(rid) == RC_PRAC)		/* their own parser */
		return profile_prac_rule(c->a, c->d, o, r);
	r->min_rating = -1;
	r->official_min_echelon = -1;
	for (const struct json *m = o->head; m != NULL; m = m->next) {
		enum sel_err rc = SEL_OK;
		int p = -1;

		if (str_eqc(m->key, "rule"))
			continue;
		if (str_eqc(m->key, "citation")) {
			rc = text(c, m, &r->citation);
		} else if (str_eqc(m->key, "note")) {
			rc = text(c, m, &r->note);
		} else if (str_eqc(m->key, "when")) {
			rc = parse_when(c, m, &r->when);
		} else if (str_eqc(m->key, "jo")) {
			jo = m;
		} else if (profile_stage_key(m->key, rid)) {
			rc = profile_stage_param(c->a, c->d, c->p->cite, m, r);
		} else if (str_eqc(m->key, "item") &&
		    rule_class(rid) == RC_CHECKLIST) {
			rc = text(c, m, &r->item);
		} else if (profile_more_key(rid, m->key)) {
			rc = profile_more_param(c->a, c->d, c->p->cite, m, r);
		} else {
			for (int i = 0; i < P__N; i++)
				if (str_eqc(m->key, param_name[i]))
					p = i;
			/* Workflow rules carry their text, few more. */
			bool allowed = p >= 0 && ((rule_class(rid) ==
			    RC_WORKFLOW && p == P_DETAIL) ||
			    (shape[rid].allow & B(p)) != 0);

			if (!allowed) {
				json_fail(c->d, m, "not a parameter of %s",
				    rule_name(rid));
				return SEL_EINVAL;
			}
			seen |= B(p);
			rc = parse_param(c, (enum param)p, m, r);
		}
		if (rc != SEL_OK)
			return rc;
	}
	if (rid == R_STG_REUSE && profile_reuse_done(c->d, o, r) != SEL_OK)
		return SEL_EINVAL;
	if (r->citation.len == 0)
		return fail_at(c, o, "citation", "required: every rule names "
		    "its article");
	r->citation = full_citation(c, r->citation);
	if (jo != NULL && profile_jo(c->a, c->d, jo, &r->citation) != SEL_OK)
		return SEL_EINVAL;
	for (int i = 0; i < P__N; i++)
		if ((shape[rid].need & B(i)) && !(seen & B(i)))
			return fail_at(c, o, param_name[i], "required field "
			    "is missing");
	if (rid == R_COM_SIZE && r->min > r->max)
		return fail_at(c, o, "min", "is above max");
	if (r->decl_max_age != 0 && r->decl_max_age <= r->max_age)
		return fail_at(c, o, "with_declaration", "its max_age must be "
		    "above the entry's max_age");
	return SEL_OK;
}

static enum sel_err
parse_items(struct pctx *c, const struct json *v, struct prof_item **out,
    size_t *n)
{
	const struct json *jo;
	struct prof_item *it;

	if (v->type != JSON_ARRAY)
		return fail_at(c, v, NULL, "expected an array");
	it = arena_array(c->a, v->count, sizeof(*it));
	for (const struct json *e = v->head; e != NULL; e = e->next) {
		struct prof_item *x = &it[e->index];

		if (e->type != JSON_OBJECT)
			return fail_at(c, e, NULL, "expected an object");
		x->line = e->line;
		jo = NULL;
		for (const struct json *m = e->head; m != NULL; m = m->next) {
			enum sel_err rc = SEL_OK;

			if (str_eqc(m->key, "id"))
				rc = text(c, m, &x->id);
			else if (str_eqc(m->key, "label"))
				rc = text(c, m, &x->label);
			else if (str_eqc(m->key, "citation"))
				rc = text(c, m, &x->citation);
			else if (str_eqc(m->key, "when"))
				rc = parse_when(c, m, &x->when);
			else if (str_eqc(m->key, "within_days"))
				rc = int_in(c, m, 1, 3650, &x->within_days);
			else if (str_eqc(m->key, "stamped"))
				rc = boolean(c, m, &x->stamped);
			else if (str_eqc(m->key, "other_region_only"))
				rc = boolean(c, m, &x->other_region);
			else if (str_eqc(m->key, "jo"))
				jo = m;
			else
				rc = fail_at(c, m, NULL, "unknown key");
			if (rc != SEL_OK)
				return rc;
		}
		if (x->id.len == 0 || x->label.len == 0 || x->citation.len == 0)
			return fail_at(c, e, NULL, "needs \"id\", \"label\" "
			    "and \"citation\"");
		x->citation = full_citation(c, x->citation);
		if (jo != NULL && profile_jo(c->a, c->d, jo, &x->citation))
			return SEL_EINVAL;
	}
	*out = it;
	*n = v->count;
	return SEL_OK;
}

bool
profile_id_valid(struct str s)
{
	if (s.len == 0 || s.len > 64)
		return false;
	for (size_t i = 0; i < s.len; i++) {
		char ch = s.p[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch == '-'))
			return false;
	}
	return true;
}

static enum sel_err
parse_emergency(struct pctx *c, const struct json *v)
{
	const struct json *u = json_get(v, "until"), *ci = json_get(v,
	    "citation");

	if (v->type != JSON_OBJECT || u == NULL || ci == NULL ||
	    v->count != 2)
		return fail_at(c, v, NULL, "expected {\"until\": DATE, "
		    "\"citation\": TEXT}");
	if (u->type != JSON_STRING || date_parse(u->s, &c->p->emergency_end))
		return fail_at(c, u, NULL, "expected a date YYYY-MM-DD");
	c->p->emergency = true;
	if (text(c, ci, &c->p->emergency_citation) != SEL_OK)
		return SEL_EINVAL;
	c->p->emergency_citation = full_citation(c, c->p->emergency_citation);
	return SEL_OK;
}

static enum sel_err
parse_region(struct pctx *c, const struct json *v)
{
	static const char *const keys[] = { "name", "province", "timezone",
	    NULL };
	struct str *dst[] = { &c->p->region_name, &c->p->province,
	    &c->p->timezone };

	if (v->type != JSON_OBJECT)
		return fail_at(c, v, NULL, "expected an object");
	for (const struct json *m = v->head; m != NULL; m = m->next) {
		int k = -1;

		for (int i = 0; keys[i] != NULL; i++)
			if (str_eqc(m->key, keys[i]))
				k = i;
		if (k < 0)
			return fail_at(c, m, NULL, "unknown key (expected "
			    "name, province, timezone)");
		if (text(c, m, dst[k]) != SEL_OK)
			return SEL_EINVAL;
	}
	for (int i = 0; keys[i] != NULL; i++)
		if (dst[i]->len == 0)
			return fail_at(c, v, keys[i], "required field is "
			    "missing");
	if (!str_eqc(c->p->timezone, "WIB") &&
	    !str_eqc(c->p->timezone, "WITA") && !str_eqc(c->p->timezone, "WIT"))
		return fail_at(c, json_get(v, "timezone"), NULL, "expected "
		    "WIB, WITA or WIT");
	return SEL_OK;
}

/* Top-level keys, in the order they must be handled. */
static const char *const top_keys[] = { "selter_profile", "id", "title",
	"regulation", "cite", "region", "oversight", "levels", "emergency",
	"periods_at", "rules", "documents", "announcement_content", NULL };

static enum sel_err
parse_top(struct pctx *c, const struct json *root)
{
	struct profile *p = c->p;
	const struct json *v;
	int x;

	for (const struct json *m = root->head; m != NULL; m = m->next) {
		bool known = false;

		for (int i = 0; top_keys[i] != NULL; i++)
			known |= str_eqc(m->key, top_keys[i]);
		if (!known)
			return fail_at(c, m, NULL, "unknown key");
	}
	v = json_get(root, "selter_profile");
	if (v == NULL)
		return fail_at(c, root, "selter_profile", "required: the "
		    "format version, 1");
	if (int_in(c, v, FORMAT_VERSION, FORMAT_VERSION, &x) != SEL_OK)
		return SEL_EINVAL;
	for (int i = 1; i <= 4; i++) {
		struct str *dst[] = { NULL, &p->id, &p->title, &p->regulation,
		    &p->cite };

		v = json_get(root, top_keys[i]);
		if (v == NULL)
			return fail_at(c, root, top_keys[i], "required field "
			    "is missing");
		if (text(c, v, dst[i]) != SEL_OK)
			return SEL_EINVAL;
	}
	if (!profile_id_valid(p->id))
		return fail_at(c, json_get(root, "id"), NULL, "an id is 1 to "
		    "64 of a-z, 0-9 and -");
	if ((v = json_get(root, "region")) == NULL)
		return fail_at(c, root, "region", "required field is "
		    "missing");
	if (parse_region(c, v) != SEL_OK)
		return SEL_EINVAL;
	if ((v = json_get(root, "oversight")) == NULL)
		return fail_at(c, root, "oversight", "required field is "
		    "missing");
	if (text(c, v, &p->oversight) != SEL_OK)
		return SEL_EINVAL;
	if ((v = json_get(root, "levels")) == NULL)
		return fail_at(c, root, "levels", "required field is "
		    "missing");
	if (word_set(c, v, vocab_level, &p->levels) != SEL_OK)
		return SEL_EINVAL;
	if ((v = json_get(root, "emergency")) != NULL &&
	    parse_emergency(c, v) != SEL_OK)
		return SEL_EINVAL;
	if ((v = json_get(root, "periods_at")) != NULL) {
		if (one_word(c, v, (const char *const[]){ "as_of",
		    "appointment", NULL }, &x) != SEL_OK)
			return SEL_EINVAL;
		p->periods_at = (enum ref_date)x;
	}
	if ((v = json_get(root, "documents")) != NULL &&
	    parse_items(c, v, &p->documents, &p->ndocuments) != SEL_OK)
		return SEL_EINVAL;
	if ((v = json_get(root, "announcement_content")) != NULL &&
	    parse_items(c, v, &p->content, &p->ncontent) != SEL_OK)
		return SEL_EINVAL;
	if ((v = json_get(root, "rules")) == NULL || v->type != JSON_ARRAY)
		return fail_at(c, root, "rules", "required: an array of rule "
		    "entries");
	p->rules = arena_array(c->a, v->count, sizeof(*p->rules));
	for (const struct json *e = v->head; e != NULL; e = e->next)
		if (parse_rule(c, e, &p->rules[p->nrules++]) != SEL_OK)
			return SEL_EINVAL;
	profile_check(c->a, p, v, json_get(root, "documents"),
	    json_get(root, "announcement_content"));
	return SEL_OK;
}

enum sel_err
profile_parse(struct arena *a, const char *file, const char *txt, size_t len,
    struct profile **out, struct diag *d)
{
	struct pctx c = { .a = a, .d = d };
	struct json *root;

	if (json_parse(a, txt, len, 1, true, &root, d) != SEL_OK)
		return SEL_EINVAL;
	if (root->type != JSON_OBJECT) {
		json_fail(d, root, "a profile is a JSON object");
		return SEL_EINVAL;
	}
	c.p = arena_alloc(a, sizeof(*c.p));
	c.p->file = arena_strndup(a, file, strlen(file));
	if (parse_top(&c, root) != SEL_OK)
		return SEL_EINVAL;
	*out = c.p;
	return SEL_OK;
}
