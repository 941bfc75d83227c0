/*
 * profile_reuse.c - the loader's part for STG-REUSE's parameters
 * (core/reuse.h, docs/profiles.md): how long a passed assessment stays
 * usable, from which day, and whether the last day counts.  The entry's
 * other keys (citation, note, when, jo, detail) are profile.c's as for
 * every rule.
 */
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "core/reuse.h"
#include "base/banned.h"

static const char *const keys[] = { "valid_years", "valid_months", "from",
	"reading", NULL };
static const char *const from_words[] = { "held", "result", NULL };
static const char *const reading_words[] = { "inclusive", "strict", NULL };

bool
profile_reuse_key(struct str key)
{
	for (int i = 0; keys[i] != NULL; i++)
		if (str_eqc(key, keys[i]))
			return true;
	return false;
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

enum sel_err
profile_reuse_param(struct arena *a, struct diag *d, const struct json *m,
    struct prof_rule *r)
{
	struct reuse_params *rp = r->reuse;
	int x = 0;

	if (rp == NULL) {
		rp = arena_alloc(a, sizeof *rp);
		memset(rp, 0, sizeof *rp);
		r->reuse = rp;
	}
	if (str_eqc(m->key, "valid_years"))
		return int_in(d, m, 1, 10, &rp->valid_years);
	if (str_eqc(m->key, "valid_months"))
		return int_in(d, m, 1, 120, &rp->valid_months);
	if (str_eqc(m->key, "from")) {
		if (json_enum(d, m, from_words, &x) != SEL_OK)
			return SEL_EINVAL;
		rp->from = (enum reuse_from)x;
		return SEL_OK;
	}
	if (str_eqc(m->key, "reading")) {
		if (json_enum(d, m, reading_words, &x) != SEL_OK)
			return SEL_EINVAL;
		rp->reading = (enum reading)x;
		return SEL_OK;
	}
	return SEL_EINTERNAL;
}

enum sel_err
profile_reuse_done(struct diag *d, const struct json *o,
    const struct prof_rule *r)
{
	const struct reuse_params *rp = r->reuse;

	if (rp == NULL || (rp->valid_years == 0 && rp->valid_months == 0))
		return json_fail_key(d, o, "valid_years", "required field is "
		    "missing: STG-REUSE needs \"valid_years\" or "
		    "\"valid_months\"");
	if (rp->valid_years != 0 && rp->valid_months != 0)
		return json_fail_key(d, o, "valid_months", "give "
		    "\"valid_years\" or \"valid_months\", not both");
	if (json_get(o, "from") == NULL)
		return json_fail_key(d, o, "from", "required field is missing");
	if (json_get(o, "reading") == NULL)
		return json_fail_key(d, o, "reading", "required field is "
		    "missing");
	return SEL_OK;
}
