/*
 * profile_check.c - the loader's second look at a profile it accepted:
 * entries that can never apply, each a warning with its line and JSON
 * path (docs/profiles.md, "Warnings").  Loading still succeeds; `selter
 * profiles` shows them.
 *
 * An entry can never apply when its `when` excludes every post (kinds
 * all named in kinds_not; echelons that no post of its levels has), when
 * an earlier entry of the same rule (and checklist item) is chosen for
 * every post it is for (the first matching entry wins), and when it
 * repeats a rule the commands take for the whole selection (only the
 * first entry of those is read).
 */
#include <stdio.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/reuse.h"
#include "base/banned.h"

#define ALL_KINDS	((1u << VK__N) - 1)

/* The echelons of each post level's posts (PP 100/2000 as amended). */
static unsigned
echelons_of(unsigned levels)
{
	unsigned e = 0;

	if (levels & (1u << LV_JPT_PRATAMA))
		e |= 1u << ECH_II_A | 1u << ECH_II_B;
	if (levels & (1u << LV_ADMINISTRATOR))
		e |= 1u << ECH_III_A | 1u << ECH_III_B;
	if (levels & (1u << LV_PENGAWAS))
		e |= 1u << ECH_IV_A | 1u << ECH_IV_B;
	return e;
}

static unsigned
levels_of(const struct profile *p, const struct prof_when *w)
{
	return w->levels != 0 ? w->levels : p->levels;
}

static unsigned
kinds_of(const struct prof_when *w)
{
	return (w->kinds != 0 ? w->kinds : ALL_KINDS) & ~w->kinds_not;
}

static void
warn(struct arena *a, struct profile *p, const struct json *n,
    const char *key, const char *msg)
{
	struct prof_warning *x = &p->warnings[p->nwarnings++];
	struct buf b;

	buf_init(&b, 4096);
	json_path(&b, n);
	if (key != NULL)
		buf_printf(&b, ".%s", key);
	buf_printf(&b, ": %s", msg);
	x->line = n->line;
	x->msg.p = arena_strndup(a, b.p, b.len);
	x->msg.len = b.len;
	buf_release(&b);
}

/* A when that no post meets; true after warning of it. */
static bool
empty_when(struct arena *a, struct profile *p, const struct json *e,
    const struct prof_when *w)
{
	const struct json *wn = json_get(e, "when");

	if (wn == NULL)
		return false;
	if (kinds_of(w) == 0) {
		warn(a, p, wn, NULL, "never applies: \"kinds_not\" excludes "
		    "every kind the entry is for");
		return true;
	}
	if (w->echelons != 0 && (w->echelons &
	    echelons_of(levels_of(p, w))) == 0) {
		warn(a, p, wn, "echelons", "never applies: no post of the "
		    "entry's levels has these echelons (JPT Pratama II.a/II.b, "
		    "Administrator III.a/III.b, Pengawas IV.a/IV.b)");
		return true;
	}
	return false;
}

/* Whether every post f is for is one e is for. */
static bool
covers(const struct profile *p, const struct prof_when *e,
    const struct prof_when *f)
{
	unsigned lf = levels_of(p, f), kf = kinds_of(f);

	if ((lf & ~levels_of(p, e)) != 0 || (kf & ~kinds_of(e)) != 0)
		return false;
	return e->echelons == 0 || (f->echelons != 0 &&
	    (f->echelons & ~e->echelons) == 0);
}

/*
 * The rules the commands take once for the whole selection; and a stage's
 * (STG-*): its specifics are read from the first entry (core/stage.h).
 */
static bool
whole_selection(enum rule_id id)
{
	return rule_class(id) == RC_SCORE || id == R_ANN_DURATION ||
	    id == R_ANN_EXTEND || id == R_ANN_AFTER_EXTENSIONS ||
	    (id >= R_STG_PAPER && id <= R_STG_HEALTH);
}

static void
check_rule(struct arena *a, struct profile *p, size_t i, const struct json *e)
{
	const struct prof_rule *r = &p->rules[i];

	if (empty_when(a, p, e, &r->when))
		return;
	for (size_t j = 0; j < i; j++) {
		const struct prof_rule *q = &p->rules[j];
		char msg[200];

		if (q->id != r->id)
			continue;
		if (whole_selection(r->id)) {
			snprintf(msg, sizeof(msg), "never applies: %s concerns "
			    "the whole selection and only its first entry "
			    "(line %u) is read", rule_name(r->id), q->line);
			warn(a, p, e, NULL, msg);
			return;
		}
		if (str_eq(q->item, r->item) && covers(p, &q->when,
		    &r->when)) {
			snprintf(msg, sizeof(msg), "never applies: the entry "
			    "of %s at line %u comes first and is for every "
			    "post this one is for", rule_name(r->id), q->line);
			warn(a, p, e, NULL, msg);
			return;
		}
	}
}

/*
 * STG-REUSE beside PRAC-ASSESSOR's shorter validity of a result: the
 * earlier end binds (core/reuse.c), so the entry's longer one is never
 * reached.  Legal (the seed says 3 years, today's practice 2), but said.
 */
static void
check_reuse(struct arena *a, struct profile *p, size_t i, const struct json *e)
{
	const struct prof_rule *r = &p->rules[i];
	const struct prof_rule *pa = profile_rule_any(p, R_PRAC_ASSESSOR);
	int months;
	char msg[200];

	if (r->id != R_STG_REUSE || r->reuse == NULL || pa == NULL ||
	    pa->prac == NULL || pa->prac->valid_years == 0)
		return;
	months = r->reuse->valid_years != 0 ? r->reuse->valid_years * 12 :
	    r->reuse->valid_months;
	if (months <= pa->prac->valid_years * 12)
		return;
	snprintf(msg, sizeof(msg), "reaches no further than PRAC-ASSESSOR's "
	    "result_valid_years (%d, line %u): the earlier end applies",
	    pa->prac->valid_years, pa->line);
	warn(a, p, e, NULL, msg);
}

void
profile_check(struct arena *a, struct profile *p, const struct json *rules,
    const struct json *documents, const struct json *content)
{
	const struct json *lists[2] = { documents, content };
	const struct prof_item *items[2] = { p->documents, p->content };
	size_t n = 2 * p->nrules + p->ndocuments + p->ncontent;

	p->nwarnings = 0;
	p->warnings = arena_array(a, n > 0 ? n : 1, sizeof(*p->warnings));
	for (const struct json *e = rules->head; e != NULL; e = e->next) {
		check_rule(a, p, e->index, e);
		check_reuse(a, p, e->index, e);
	}
	for (int k = 0; k < 2; k++)
		for (const struct json *e = lists[k] != NULL ? lists[k]->head :
		    NULL; e != NULL; e = e->next)
			empty_when(a, p, e, &items[k][e->index].when);
}
