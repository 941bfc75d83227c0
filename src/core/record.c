/*
 * record.c - decoding POST.json and CANDIDATE.json into core structs.
 */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

static enum sel_err
date_member(struct diag *d, const struct json *obj, const char *key,
    bool req, sel_date *out, bool *present)
{
	const struct json *v = json_get(obj, key);

	if (present != NULL)
		*present = false;
	if (json_absent(v)) {
		if (req)
			return json_fail_key(d, obj, key, "required field is "
			    "%s", v == NULL ? "missing" : "null");
		return SEL_OK;
	}
	if (v->type != JSON_STRING)
		return json_fail(d, v, "expected a date YYYY-MM-DD, got %s",
		    json_type_name(v->type));
	if (date_parse(v->s, out) != SEL_OK)
		return json_fail(d, v, "\"%.*s\" is not a real date "
		    "YYYY-MM-DD", (int)(v->s.len > 20 ? 20 : v->s.len), v->s.p);
	if (present != NULL)
		*present = true;
	return SEL_OK;
}

static enum sel_err
enum_member(struct diag *d, const struct json *obj, const char *key,
    bool req, const char *const *words, int *out, bool *present)
{
	const struct json *v = json_get(obj, key);

	if (present != NULL)
		*present = false;
	if (json_absent(v)) {
		if (req)
			return json_fail_key(d, obj, key, "required field is "
			    "%s", v == NULL ? "missing" : "null");
		return SEL_OK;
	}
	if (json_enum(d, v, words, out) != SEL_OK)
		return SEL_EINVAL;
	if (present != NULL)
		*present = true;
	return SEL_OK;
}

/* An optional array of strings; *has false when absent. */
static enum sel_err
strings(struct arena *a, struct diag *d, const struct json *obj,
    const char *key, struct str **out, size_t *n, bool *has)
{
	const struct json *arr;
	struct str *v;

	if (json_arr_member(d, obj, key, false, &arr) != SEL_OK)
		return SEL_EINVAL;
	*has = arr != NULL;
	*n = 0;
	if (arr == NULL)
		return SEL_OK;
	v = arena_array(a, arr->count, sizeof(*v));
	for (const struct json *e = arr->head; e != NULL; e = e->next) {
		if (e->type != JSON_STRING)
			return json_fail(d, e, "expected a string, got %s",
			    json_type_name(e->type));
		v[(*n)++] = e->s;
	}
	*out = v;
	return SEL_OK;
}

static enum sel_err
agency_decode(struct diag *d, const struct json *obj, struct agency *ag)
{
	const struct json *o;
	int k;

	if (json_obj_member(d, obj, "agency", true, &o) != SEL_OK ||
	    json_str_member(d, o, "name", true, &ag->name, NULL) != SEL_OK ||
	    enum_member(d, o, "kind", true, vocab_agency_kind, &k, NULL) ||
	    json_str_member(d, o, "province", false, &ag->province, NULL))
		return SEL_EINVAL;
	ag->kind = (enum agency_kind)k;
	return SEL_OK;
}

bool
agency_same(const struct agency *x, const struct agency *y)
{
	return x->kind == y->kind && str_caseeq(str_trim(x->name),
	    str_trim(y->name));
}

/*
 * Whether a profile chooses between rules for this level by echelon: the
 * requirements and the process, not a workflow step after the result
 * (Pontianak's APPT-SEKDA for II.a posts asks nothing of applicants).
 */
static bool
selects_by_echelon(const struct profile *p, enum post_level lv)
{
	for (size_t i = 0; i < p->nrules; i++) {
		const struct prof_when *w = &p->rules[i].when;

		if (rule_class(p->rules[i].id) == RC_WORKFLOW)
			continue;
		if (w->echelons != 0 && (w->levels == 0 ||
		    (w->levels & (1u << lv))))
			return true;
	}
	return false;
}

enum sel_err
vacancy_decode(struct arena *a, const struct json *o, const struct profile *p,
    struct vacancy *v, struct diag *d)
{
	const struct json *lv;
	bool has_fields, has_ech;
	int x;

	memset(v, 0, sizeof(*v));
	if (o->type != JSON_OBJECT)
		return json_fail(d, o, "a post is a JSON object");
	if (json_str_member(d, o, "title", true, &v->title, NULL) != SEL_OK ||
	    enum_member(d, o, "level", true, vocab_level, &x, NULL))
		return SEL_EINVAL;
	v->level = (enum post_level)x;
	lv = json_get(o, "level");
	if (!(p->levels & (1u << v->level)))
		return json_fail(d, lv, "profile \"%.*s\" does not cover %s "
		    "posts", (int)p->id.len, p->id.p, vocab_level[v->level]);
	x = -1;
	if (enum_member(d, o, "echelon", false, vocab_echelon, &x, &has_ech))
		return SEL_EINVAL;
	v->echelon = x;
	if (!has_ech && selects_by_echelon(p, v->level))
		return json_fail_key(d, o, "echelon", "required: profile "
		    "\"%.*s\" sets different requirements by echelon",
		    (int)p->id.len, p->id.p);
	x = VK_OTHER;
	if (enum_member(d, o, "kind", false, vocab_vpost_kind, &x, NULL))
		return SEL_EINVAL;
	v->kind = (enum vpost_kind)x;
	if (strings(a, d, o, "fields", &v->fields, &v->nfields, &has_fields))
		return SEL_EINVAL;
	return agency_decode(d, o, &v->agency);
}

enum nip_fault
nip_fault(struct str nip, sel_date birth, int tmt_year, int tmt_month)
{
	char want[16];
	int y, m, dd;
	int64_t month;

	if (nip.len != 18)
		return NIP_LENGTH;
	for (size_t i = 0; i < nip.len; i++)
		if (nip.p[i] < '0' || nip.p[i] > '9')
			return NIP_DIGITS;
	date_ymd(birth, &y, &m, &dd);
	snprintf(want, sizeof(want), "%04d%02d%02d", y, m, dd);
	if (memcmp(nip.p, want, 8) != 0)
		return NIP_BIRTH;
	if (tmt_year != 0) {
		snprintf(want, sizeof(want), "%04d%02d", tmt_year, tmt_month);
		if (memcmp(nip.p + 8, want, 6) != 0)
			return NIP_TMT;
	}
	if (parse_i64((struct str){ nip.p + 12, 2 }, 1, 12, &month))
		return NIP_TMT_MONTH;
	return NIP_OK;
}

static enum sel_err
nip_check(struct diag *d, const struct json *o, struct str nip,
    sel_date birth)
{
	const struct json *n = json_get(o, "nip");
	int y, m, dd;

	date_ymd(birth, &y, &m, &dd);
	switch (nip_fault(nip, birth, 0, 0)) {
	case NIP_LENGTH:
		return json_fail(d, n, "a NIP has 18 digits, this one has %zu "
		    "characters", nip.len);
	case NIP_DIGITS:
		return json_fail(d, n, "a NIP has only digits");
	case NIP_BIRTH:
		return json_fail(d, n, "its first 8 digits %.8s disagree with "
		    "birth_date (%04d%02d%02d)", nip.p, y, m, dd);
	case NIP_TMT_MONTH:
	case NIP_TMT:
		return json_fail(d, n, "digits 13-14 (the TMT month) are not "
		    "a month");
	case NIP_OK:
		break;
	}
	return SEL_OK;
}

static enum sel_err
posts_decode(struct arena *a, struct diag *d, const struct json *arr,
    struct candidate *c)
{
	c->posts = arena_array(a, arr->count, sizeof(*c->posts));
	for (const struct json *e = arr->head; e != NULL; e = e->next) {
		struct cpost *p = &c->posts[c->nposts++];
		bool has_end;
		int x;

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "a post is a JSON object");
		p->echelon = p->jf_level = -1;
		if (json_str_member(d, e, "title", false, &p->title, NULL) ||
		    enum_member(d, e, "kind", true, vocab_cpost_kind, &x, NULL))
			return SEL_EINVAL;
		p->kind = (enum cpost_kind)x;
		if (enum_member(d, e, "echelon", false, vocab_echelon,
		    &p->echelon, NULL) ||
		    enum_member(d, e, "jf_level", false, vocab_jf, &p->jf_level,
		    NULL) ||
		    strings(a, d, e, "fields", &p->fields, &p->nfields,
		    &p->has_fields) ||
		    date_member(d, e, "start", true, &p->start, NULL) ||
		    date_member(d, e, "end", false, &p->end, &has_end) ||
		    json_bool_member(d, e, "acting", false, &p->acting, NULL))
			return SEL_EINVAL;
		p->open = !has_end;
		if (has_end && p->end < p->start)
			return json_fail(d, json_get(e, "end"), "the post ends "
			    "before it starts");
	}
	return SEL_OK;
}

static enum sel_err
edu_decode(struct arena *a, struct diag *d, const struct json *arr,
    struct candidate *c)
{
	c->edu = arena_array(a, arr->count, sizeof(*c->edu));
	for (const struct json *e = arr->head; e != NULL; e = e->next) {
		struct education *ed = &c->edu[c->nedu++];
		int x;

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "an education entry is a JSON "
			    "object");
		if (enum_member(d, e, "level", true, vocab_edu, &x, NULL) ||
		    json_str_member(d, e, "major", false, &ed->major, NULL))
			return SEL_EINVAL;
		ed->level = (enum edu_level)x;
	}
	return SEL_OK;
}

static enum sel_err
pens_decode(struct arena *a, struct diag *d, const struct json *arr,
    struct candidate *c)
{
	c->pens = arena_array(a, arr->count, sizeof(*c->pens));
	for (const struct json *e = arr->head; e != NULL; e = e->next) {
		struct penalty *p = &c->pens[c->npens++];
		bool has_level;
		int x;

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "a penalty is a JSON object");
		p->level = -1;
		if (enum_member(d, e, "kind", true, vocab_pen_kind, &x, NULL))
			return SEL_EINVAL;
		p->kind = (enum pen_kind)x;
		if (enum_member(d, e, "level", false, vocab_pen_level,
		    &p->level, &has_level) ||
		    date_member(d, e, "decided", false, &p->decided,
		    &p->has_decided))
			return SEL_EINVAL;
		if (p->kind == PEN_DISCIPLINE && !has_level)
			return json_fail_key(d, e, "level", "required for a "
			    "disciplinary penalty (light, moderate, heavy)");
		if (p->kind == PEN_CRIMINAL && has_level)
			return json_fail(d, json_get(e, "level"), "a criminal "
			    "sentence has no disciplinary level");
	}
	return SEL_OK;
}

static enum sel_err
perf_decode(struct arena *a, struct diag *d, const struct json *arr,
    struct candidate *c)
{
	c->perf = arena_array(a, arr->count, sizeof(*c->perf));
	for (const struct json *e = arr->head; e != NULL; e = e->next) {
		struct perf *p = &c->perf[c->nperf];
		int64_t y;
		int x;

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "a performance entry is a JSON "
			    "object");
		if (json_int_member(d, e, "year", true, DATE_MIN_YEAR,
		    DATE_MAX_YEAR, &y, NULL) ||
		    enum_member(d, e, "rating", true, vocab_rating, &x, NULL))
			return SEL_EINVAL;
		for (size_t i = 0; i < c->nperf; i++)
			if (c->perf[i].year == (int)y)
				return json_fail(d, json_get(e, "year"), "year "
				    "%d appears twice", (int)y);
		p->year = (int)y;
		p->rating = vocab_rating_value(x);
		c->nperf++;
	}
	return SEL_OK;
}

static enum sel_err
tri_member(struct diag *d, const struct json *o, const char *key,
    enum tri *out)
{
	bool v, present;

	if (json_bool_member(d, o, key, false, &v, &present) != SEL_OK)
		return SEL_EINVAL;
	*out = !present ? TRI_ABSENT : v ? TRI_YES : TRI_NO;
	return SEL_OK;
}

static enum sel_err
optional_decode(struct arena *a, struct diag *d, const struct json *o,
    struct candidate *c)
{
	const struct json *arr, *rec;
	int x;

	if (strings(a, d, o, "certificates", &c->certs, &c->ncerts,
	    &c->has_certs) != SEL_OK ||
	    json_arr_member(d, o, "training", false, &arr) != SEL_OK)
		return SEL_EINVAL;
	c->has_training = arr != NULL;
	for (const struct json *e = arr != NULL ? arr->head : NULL; e != NULL;
	    e = e->next) {
		if (json_enum(d, e, vocab_training, &x) != SEL_OK)
			return SEL_EINVAL;
		c->training |= 1u << vocab_training_value(x);
	}
	if (json_arr_member(d, o, "penalties", false, &arr) != SEL_OK)
		return SEL_EINVAL;
	c->has_pens = arr != NULL;
	if (arr != NULL && pens_decode(a, d, arr, c) != SEL_OK)
		return SEL_EINVAL;
	if (tri_member(d, o, "under_examination", &c->under_exam) ||
	    json_arr_member(d, o, "performance", false, &arr) != SEL_OK)
		return SEL_EINVAL;
	c->has_perf = arr != NULL;
	if (arr != NULL && perf_decode(a, d, arr, c) != SEL_OK)
		return SEL_EINVAL;
	if (json_obj_member(d, o, "recommendation", false, &rec) != SEL_OK)
		return SEL_EINVAL;
	c->has_rec = rec != NULL;
	if (rec != NULL) {
		if (enum_member(d, rec, "by", true, vocab_rec_by, &x, NULL) ||
		    tri_member(d, rec, "ppk_approved", &c->rec_ppk_approved))
			return SEL_EINVAL;
		c->rec_by = (enum rec_by)x;
	}
	if (tri_member(d, o, "invited", &c->invited) ||
	    json_obj_member(d, o, "declarations", false, &rec) != SEL_OK)
		return SEL_EINVAL;
	for (int i = 0; rec != NULL && i < CD__N; i++)
		if (tri_member(d, rec, vocab_cand_decl[i], &c->decl[i]))
			return SEL_EINVAL;
	return SEL_OK;
}

enum sel_err
candidate_decode(struct arena *a, const struct json *o, struct candidate *c,
    struct diag *d)
{
	const struct json *arr;
	int x;

	memset(c, 0, sizeof(*c));
	if (o->type != JSON_OBJECT)
		return json_fail(d, o, "a candidate is a JSON object");
	if (json_str_member(d, o, "nip", true, &c->nip, NULL) ||
	    json_str_member(d, o, "name", true, &c->name, NULL) ||
	    date_member(d, o, "birth_date", true, &c->birth, NULL) ||
	    nip_check(d, o, c->nip, c->birth) ||
	    enum_member(d, o, "employment", true, vocab_employment, &x, NULL))
		return SEL_EINVAL;
	c->employment = (enum employment)x;
	if (str_trim(c->name).len == 0)
		return json_fail(d, json_get(o, "name"), "the name is empty");
	if (agency_decode(d, o, &c->agency) ||
	    enum_member(d, o, "grade", true, vocab_grade, &c->grade, NULL) ||
	    json_arr_member(d, o, "education", true, &arr) ||
	    edu_decode(a, d, arr, c) ||
	    json_arr_member(d, o, "posts", true, &arr) ||
	    posts_decode(a, d, arr, c))
		return SEL_EINVAL;
	return optional_decode(a, d, o, c);
}
