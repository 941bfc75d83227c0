/*
 * profile_ext.c - what a sixth region needed the loader to read (see
 * profile_ext.h): citations naming several instruments, ELIG-AGE's
 * limit with a declaration, several checklist entries of one rule; and
 * an entry's force (profile_advisory).
 */
#include "base/arena.h"
#include "base/buf.h"
#include "core/appt.h"
#include "core/profile_ext.h"
#include "core/result.h"
#include "core/reuse.h"
#include "base/banned.h"

#define JO_MAX	4

static enum sel_err
nonempty(struct diag *d, const struct json *v)
{
	if (v->type != JSON_STRING || str_trim(v->s).len == 0)
		return json_fail(d, v, "expected a non-empty string");
	return SEL_OK;
}

enum sel_err
profile_jo(struct arena *a, struct diag *d, const struct json *jo,
    struct str *citation)
{
	struct buf b;

	if (jo->type != JSON_ARRAY || jo->count == 0 || jo->count > JO_MAX)
		return json_fail(d, jo, "expected an array of 1 to %d "
		    "citations of other instruments", JO_MAX);
	for (const struct json *e = jo->head; e != NULL; e = e->next)
		if (nonempty(d, e) != SEL_OK)
			return SEL_EINVAL;
	buf_init(&b, 4096);
	buf_putstr(&b, *citation);
	for (const struct json *e = jo->head; e != NULL; e = e->next) {
		buf_puts(&b, " jo. ");
		buf_putstr(&b, str_trim(e->s));
	}
	citation->p = arena_strndup(a, b.p, b.len);
	citation->len = b.len;
	buf_release(&b);
	return SEL_OK;
}

enum sel_err
profile_with_decl(struct arena *a, struct diag *d, const struct json *v,
    struct str cite, struct prof_rule *r)
{
	const struct json *dv, *mv, *cv;
	int64_t x;
	int w;

	if (v->type != JSON_OBJECT)
		return json_fail(d, v, "expected {\"declaration\": WORD, "
		    "\"max_age\": N, \"citation\": TEXT}");
	for (const struct json *m = v->head; m != NULL; m = m->next)
		if (!str_eqc(m->key, "declaration") &&
		    !str_eqc(m->key, "max_age") && !str_eqc(m->key, "citation"))
			return json_fail(d, m, "unknown key (expected "
			    "declaration, max_age, citation)");
	if ((dv = json_get(v, "declaration")) == NULL)
		return json_fail_key(d, v, "declaration", "required field is "
		    "missing");
	if (json_enum(d, dv, vocab_cand_decl, &w) != SEL_OK)
		return SEL_EINVAL;
	if ((mv = json_get(v, "max_age")) == NULL)
		return json_fail_key(d, v, "max_age", "required field is "
		    "missing");
	if (mv->type != JSON_NUMBER || parse_i64(mv->s, 18, 70, &x))
		return json_fail(d, mv, "expected a whole number from 18 to "
		    "70");
	if ((cv = json_get(v, "citation")) == NULL)
		return json_fail_key(d, v, "citation", "required: the article "
		    "that allows the higher limit");
	if (nonempty(d, cv) != SEL_OK)
		return SEL_EINVAL;
	r->decl = w;
	r->decl_max_age = (int)x;
	r->decl_citation = arena_printf(a, "%.*s %.*s", (int)cite.len,
	    cite.p, (int)cv->s.len, cv->s.p);
	return SEL_OK;
}

bool
profile_too_many(const struct profile *p, const struct json *o,
    enum rule_id id, struct diag *d)
{
	size_t n = 0;

	if (rule_class(id) != RC_CHECKLIST)
		return false;
	for (size_t i = 0; i < p->nrules; i++)
		n += p->rules[i].id == id;
	if (n <= PROF_MAX_CHECKS)
		return false;
	json_fail(d, o, "more than %d entries of %s", PROF_MAX_CHECKS,
	    rule_name(id));
	return true;
}

bool
profile_advisory(const struct prof_rule *r)
{
	return rule_class(r->id) == RC_ADVISORY && !r->mandatory;
}

bool
profile_more_key(enum rule_id rid, struct str key)
{
	return (rid == R_STG_REUSE && profile_reuse_key(key)) ||
	    result_profile_key(rid, key) || appt_profile_key(rid, key);
}

enum sel_err
profile_more_param(struct arena *a, struct diag *d, struct str cite,
    const struct json *m, struct prof_rule *r)
{
	if (r->id == R_STG_REUSE && profile_reuse_key(m->key))
		return profile_reuse_param(a, d, m, r);
	if (result_profile_key(r->id, m->key))
		return result_profile_param(a, d, cite, m, r);
	return appt_profile_param(a, d, m, r);
}
