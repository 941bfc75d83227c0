/*
 * profile_query.c - what the rest of the core asks of a loaded profile:
 * which entry of a rule applies to a post, and whether an emergency
 * procedure has lapsed.
 */
#include "base/arena.h"
#include "base/buf.h"
#include "core/date.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

static bool
when_matches(const struct prof_when *w, const struct vacancy *v)
{
	if (w->levels != 0 && !(w->levels & (1u << v->level)))
		return false;
	if (w->kinds != 0 && !(w->kinds & (1u << v->kind)))
		return false;
	if (w->kinds_not & (1u << v->kind))
		return false;
	if (w->echelons != 0 && (v->echelon < 0 ||
	    !(w->echelons & (1u << v->echelon))))
		return false;
	return true;
}

bool
profile_when(const struct prof_when *w, const struct vacancy *v)
{
	return when_matches(w, v);
}

const struct prof_rule *
profile_rule(const struct profile *p, enum rule_id id,
    const struct vacancy *v)
{
	for (size_t i = 0; i < p->nrules; i++)
		if (p->rules[i].id == id && when_matches(&p->rules[i].when, v))
			return &p->rules[i];
	return NULL;
}

const struct prof_rule *
profile_rule_any(const struct profile *p, enum rule_id id)
{
	for (size_t i = 0; i < p->nrules; i++)
		if (p->rules[i].id == id)
			return &p->rules[i];
	return NULL;
}

/* REGULATIONS.md §14: the Covid procedures apply only during the emergency. */
struct str
profile_emergency_warning(struct arena *a, const struct profile *p,
    sel_date when, const char *what)
{
	struct buf b;
	struct str s;

	if (!p->emergency || when <= p->emergency_end)
		return STR_NULL;
	buf_init(&b, 1024);
	buf_printf(&b, "Profil %.*s adalah prosedur kedaruratan Covid-19 yang "
	    "berlaku sampai ", (int)p->id.len, p->id.p);
	date_id(&b, p->emergency_end);
	buf_printf(&b, "; %s ", what);
	date_id(&b, when);
	buf_puts(&b, " sesudahnya, sehingga prosedur normal yang berlaku.");
	s.p = arena_strndup(a, b.p, b.len);
	s.len = b.len;
	buf_release(&b);
	return s;
}
