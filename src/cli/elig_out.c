/*
 * elig_out.c - the JSON of an eligibility result, two ways.
 *
 * elig_json writes it through the general writer (json.h): one document,
 * `selter eligibility --candidate`.  A batch writes one such object per
 * candidate, about 3 KB, and most of it is the same from one candidate to
 * the next: keys, rule ids, statuses, citations, the checklist.
 * elig_lines_put writes the same bytes from pieces the general writer
 * made once per run (struct elig_lines), with one bound check a line
 * instead of one a byte: only the details and the NIP are escaped for
 * each candidate.  tests/unit/test_elig_out.c holds the two to the same
 * output.
 */
#include <string.h>

#include "base/arena.h"
#include "cli/cli.h"
#include "core/elig.h"
#include "core/profile.h"
#include "base/banned.h"

void
elig_json(struct json_w *w, const struct profile *p, struct str warning,
    const struct elig_out *o, const struct str *nip)
{
	jw_obj(w);
	if (nip != NULL) {
		jw_key(w, "nip");
		jw_str(w, *nip);
	}
	jw_key(w, "verdict");
	jw_strc(w, verdict_name(o->verdict));
	jw_key(w, "rules");
	jw_rules(w, o->rules, o->nrules);
	jw_key(w, "checklist");
	jw_arr(w);
	for (size_t i = 0; i < o->nchecklist; i++) {
		jw_obj(w);
		jw_key(w, "id");
		jw_strc(w, rule_name(o->checklist[i].id));
		jw_key(w, "detail");
		jw_str(w, o->checklist[i].detail);
		jw_key(w, "citation");
		jw_str(w, o->checklist[i].citation);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "advisories");
	jw_arr(w);
	for (size_t i = 0; i < o->nadvisories; i++) {
		jw_obj(w);
		jw_key(w, "id");
		jw_strc(w, rule_name(o->advisories[i].id));
		jw_key(w, "status");
		jw_strc(w, o->advisories[i].met ? "met" : "not_met");
		jw_key(w, "detail");
		jw_str(w, o->advisories[i].detail);
		jw_key(w, "citation");
		jw_str(w, o->advisories[i].citation);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_warning(w, p, warning);
	jw_obj_end(w);
}

/*
 * The pieces, for each rule id of the plan.  An item is written as
 *   head  "DETAIL"  cite
 * where head is everything up to the detail's value and cite the rest:
 *   rule:      {"id":"ID","status":"ST","detail":  "..."  ,"citation":"C"}
 *   checklist: {"id":"ID","detail":                "..."  ,"citation":"C"}
 *   advisory:  {"id":"ID","status":"met","detail": "..."  ,"citation":"C"}
 * cite holds the citation of the plan's entry for the id; a result that
 * carries another one (a way of ELIG-PRIOR-POST with its own huruf) has
 * it escaped on the spot.  item is a whole checklist item with the
 * profile's own detail, which is what nearly every candidate gets.
 * Every result comes from a rule of the plan (elig_eval_plan), so every
 * id written has its pieces.
 */
struct elig_lines {
	const struct elig_plan	*plan;
	struct str	 head[R__N][3];	/* by rule_status; advisory: met */
	struct str	 check_head[R__N];
	struct str	 cite[R__N];
	struct str	 item[R__N];
	struct str	 tail;		/* warnings, "}" and the newline */
	size_t		 most;		/* longest head, cite or item */
};

/* What the general writer makes of a few calls, kept in the arena. */
static struct str
keep(struct arena *a, struct buf *b, size_t *most)
{
	struct str s = { arena_strndup(a, b->p != NULL ? b->p : "", b->len),
	    b->len };

	if (s.len > *most)
		*most = s.len;
	buf_reset(b);
	return s;
}

/* {"id":"ID","status":"ST","detail": (st NULL: no status) */
static void
head_of(struct buf *b, enum rule_id id, const char *st)
{
	struct json_w w;

	jw_init(&w, b);
	jw_obj(&w);
	jw_key(&w, "id");
	jw_strc(&w, rule_name(id));
	if (st != NULL) {
		jw_key(&w, "status");
		jw_strc(&w, st);
	}
	jw_key(&w, "detail");
}

/* ,"citation":"C"} */
static void
cite_of(struct buf *b, struct str citation)
{
	buf_puts(b, ",\"citation\":\"");
	json_escape(b, citation);
	buf_puts(b, "\"}");
}

struct elig_lines *
elig_lines_new(struct arena *a, const struct elig_plan *plan,
    struct str warning)
{
	struct elig_lines *l = arena_alloc(a, sizeof(*l));
	struct json_w w;
	struct buf b;

	l->plan = plan;
	buf_init(&b, 1u << 20);
	for (int id = 0; id < R__N; id++) {
		const struct prof_rule *r = plan->rule[id];

		if (r == NULL)
			continue;
		for (int st = 0; st < 3; st++) {
			head_of(&b, (enum rule_id)id, profile_advisory(r) ?
			    (st ? "met" : "not_met") :
			    rule_status_name((enum rule_status)st));
			l->head[id][st] = keep(a, &b, &l->most);
		}
		head_of(&b, (enum rule_id)id, NULL);
		l->check_head[id] = keep(a, &b, &l->most);
		cite_of(&b, r->citation);
		l->cite[id] = keep(a, &b, &l->most);
		buf_putstr(&b, l->check_head[id]);
		buf_putc(&b, '"');
		json_escape(&b, r->detail);
		buf_putc(&b, '"');
		cite_of(&b, r->citation);
		l->item[id] = keep(a, &b, &l->most);
	}
	/* The warning as jw_warning writes it after "advisories". */
	jw_init(&w, &b);
	jw_obj(&w);
	jw_key(&w, "advisories");
	jw_null(&w);
	buf_reset(&b);
	jw_warning(&w, plan->p, warning);
	jw_obj_end(&w);
	buf_putc(&b, '\n');
	l->tail = keep(a, &b, &l->most);
	buf_release(&b);
	return l;
}

static char *
put(char *p, struct str s)
{
	if (s.len > 0)
		memcpy(p, s.p, s.len);
	return p + s.len;
}

#define PUT_LIT(p, lit)	put((p), STR(lit))

/* "DETAIL" */
static char *
put_value(char *p, struct str s)
{
	*p++ = '"';
	p = json_escape_raw(p, s);
	*p++ = '"';
	return p;
}

/* The citation part: the plan's own, or c escaped here. */
static char *
put_cite(char *p, const struct elig_lines *l, enum rule_id id,
    struct str c)
{
	const struct prof_rule *r = l->plan->rule[id];

	if (r != NULL && c.p == r->citation.p && c.len == r->citation.len)
		return put(p, l->cite[id]);
	p = PUT_LIT(p, ",\"citation\":");
	p = put_value(p, c);
	*p++ = '}';
	return p;
}

/*
 * Bytes an item with this detail and citation can take at most, comma
 * included: a head, the quoted detail, and a citation part (the plan's,
 * no longer than escaping c here would make it).
 */
static size_t
bound(const struct elig_lines *l, struct str detail, struct str citation)
{
	return 1 + l->most + 2 + JSON_ESCAPED_MAX(detail.len) + 15 +
	    JSON_ESCAPED_MAX(citation.len);
}

/* Bytes the whole line can take at most (128: the keys and brackets). */
static size_t
line_bound(const struct elig_lines *l, const struct elig_out *o,
    struct str nip)
{
	size_t need = 128 + JSON_ESCAPED_MAX(nip.len) + l->tail.len;

	for (size_t i = 0; i < o->nrules; i++)
		need += bound(l, o->rules[i].detail, o->rules[i].citation);
	for (size_t i = 0; i < o->nchecklist; i++)
		need += bound(l, o->checklist[i].detail,
		    o->checklist[i].citation);
	for (size_t i = 0; i < o->nadvisories; i++)
		need += bound(l, o->advisories[i].detail,
		    o->advisories[i].citation);
	return need;
}

void
elig_lines_put(struct buf *out, const struct elig_lines *l,
    const struct elig_out *o, struct str nip)
{
	char *p, *start;

	if ((start = p = buf_reserve(out, line_bound(l, o, nip))) == NULL)
		return;
	p = PUT_LIT(p, "{\"nip\":");
	p = put_value(p, nip);
	p = PUT_LIT(p, ",\"verdict\":\"");
	p = put(p, str_c(verdict_name(o->verdict)));
	p = PUT_LIT(p, "\",\"rules\":[");
	for (size_t i = 0; i < o->nrules; i++) {
		const struct rule_result *r = &o->rules[i];

		if (i > 0)
			*p++ = ',';
		p = put(p, l->head[r->id][r->status]);
		p = put_value(p, r->detail);
		p = put_cite(p, l, r->id, r->citation);
	}
	p = PUT_LIT(p, "],\"checklist\":[");
	for (size_t i = 0; i < o->nchecklist; i++) {
		const struct check_item *c = &o->checklist[i];
		const struct prof_rule *r = l->plan->rule[c->id];

		if (i > 0)
			*p++ = ',';
		if (r != NULL && c->detail.p == r->detail.p &&
		    c->detail.len == r->detail.len &&
		    c->citation.p == r->citation.p &&
		    c->citation.len == r->citation.len) {
			p = put(p, l->item[c->id]);
			continue;
		}
		p = put(p, l->check_head[c->id]);
		p = put_value(p, c->detail);
		p = put_cite(p, l, c->id, c->citation);
	}
	p = PUT_LIT(p, "],\"advisories\":[");
	for (size_t i = 0; i < o->nadvisories; i++) {
		const struct advisory *v = &o->advisories[i];

		if (i > 0)
			*p++ = ',';
		p = put(p, l->head[v->id][v->met]);
		p = put_value(p, v->detail);
		p = put_cite(p, l, v->id, v->citation);
	}
	*p++ = ']';
	p = put(p, l->tail);
	buf_commit(out, (size_t)(p - start));
}
