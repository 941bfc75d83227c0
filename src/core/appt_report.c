/*
 * appt_report.c - the report to the oversight body (core/appt.h,
 * issue 14 item 3): the copies (tembusan) a profile's APPT-REPORT names
 * with their articles, and when a recommendation opens the appointment.
 *
 * Pure: no I/O.
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "core/appt.h"
#include "core/profile.h"
#include "base/banned.h"

bool
appt_report_key(enum rule_id id, struct str key)
{
	return id == R_APPT_REPORT && str_eqc(key, "copies");
}

static enum sel_err
words(struct diag *d, const struct json *o, const char *k, struct str *out)
{
	for (const struct json *m = o->head; m != NULL; m = m->next)
		if (str_eqc(m->key, k)) {
			if (m->type != JSON_STRING || str_trim(m->s).len == 0 ||
			    m->s.len > 200)
				return json_fail(d, m, "expected 1 to 200 "
				    "characters");
			*out = m->s;
			return SEL_OK;
		}
	return json_fail_key(d, o, k, "required");
}

enum sel_err
appt_report_param(struct arena *a, struct diag *d, const struct json *m,
    struct appt_params *x)
{
	size_t n = 0;

	if (m->type != JSON_ARRAY || m->count == 0 || m->count >
	    APPT_MAX_COPIES)
		return json_fail(d, m, "expected an array of 1 to %d copies "
		    "({\"to\": ..., \"citation\": ...})", APPT_MAX_COPIES);
	x->copies = arena_array(a, m->count, sizeof *x->copies);
	for (const struct json *e = m->head; e != NULL; e = e->next) {
		struct appt_copy *c = &x->copies[n];

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "expected {\"to\": ..., "
			    "\"citation\": ...}");
		for (const struct json *k = e->head; k != NULL; k = k->next)
			if (!str_eqc(k->key, "to") &&
			    !str_eqc(k->key, "citation"))
				return json_fail(d, k, "not a member of a "
				    "copy (\"to\", \"citation\")");
		if (words(d, e, "to", &c->to) != SEL_OK ||
		    words(d, e, "citation", &c->citation) != SEL_OK)
			return SEL_EINVAL;
		for (size_t i = 0; i < n; i++)
			if (str_eq(x->copies[i].to, c->to))
				return json_fail(d, e, "a copy to the same "
				    "recipient twice");
		n++;
	}
	x->ncopies = n;
	return SEL_OK;
}

size_t
appt_copies(const struct profile *p, const struct appt_copy **out)
{
	const struct prof_rule *r = p != NULL ? profile_rule_any(p,
	    R_APPT_REPORT) : NULL;

	*out = NULL;
	if (r == NULL || r->appt == NULL)
		return 0;
	*out = r->appt->copies;
	return r->appt->ncopies;
}

bool
appt_rec_opens(bool refused, bool binding, bool followed_up)
{
	return !refused && (!binding || followed_up);
}

bool
appt_rec_awaits_followup(bool binding, bool followed_up)
{
	return binding && !followed_up;
}
