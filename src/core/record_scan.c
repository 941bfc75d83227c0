/*
 * record_scan.c - the batch fast path: CANDIDATE.json read straight from
 * its text into struct candidate by the strict scanner (base/jscan.h),
 * with no tree.
 *
 * It decides only what it is sure of.  A record it returns SEL_OK for is
 * one that candidate_decode (record.c) accepts, decoded to the same
 * values.  Anything else - a text outside the scanner's subset, a value
 * record.c refuses - gives SEL_EINVAL with no message, and the caller
 * decodes the same text through json_parse and candidate_decode, which
 * accept it or word the error with its line and JSON path.  So every
 * check here mirrors one of record.c, member for member:
 *   - a member is looked up by its exact key, the first one wins (later
 *     duplicates are passed over, as json_get never sees them);
 *   - null is an absent member;
 *   - unknown members are passed over (checked as JSON only).
 * tests/unit/test_record_scan.c holds both decoders to that on generated
 * and damaged records.
 */
#include <string.h>

#include "base/arena.h"
#include "base/jscan.h"
#include "core/record.h"
#include "base/banned.h"

/* A key as a constant initializer. */
#define KEY(lit)	{ (lit), sizeof(lit) - 1 }

/*
 * Index of v in a NULL-terminated word list (json_enum's rule: the first
 * equal word), or -1.  v holds no NUL (the scanner takes no escapes), so
 * a word that matches all of v is at least as long, and w[k] is there.
 */
static int
word_index(struct str v, const char *const *words)
{
	for (int i = 0; words[i] != NULL; i++) {
		const char *w = words[i];
		size_t k = 0;

		while (k < v.len && w[k] == v.p[k])
			k++;
		if (k == v.len && w[k] == '\0')
			return i;
	}
	return -1;
}

/* The next value is a word of the list: its index in *out. */
static bool
word(struct jscan *s, const char *const *words, int *out)
{
	struct str v;
	int i;

	if (!jscan_str(s, &v))
		return false;
	if ((i = word_index(v, words)) < 0) {
		jscan_fail(s);
		return false;
	}
	*out = i;
	return true;
}

static bool
date(struct jscan *s, sel_date *out)
{
	struct str v;

	if (!jscan_str(s, &v))
		return false;
	if (date_parse(v, out) != SEL_OK) {
		jscan_fail(s);
		return false;
	}
	return true;
}

static bool
tri(struct jscan *s, enum tri *out)
{
	bool v;

	if (!jscan_bool(s, &v))
		return false;
	*out = v ? TRI_YES : TRI_NO;
	return true;
}

/* Index of key k in keys[0..n), or -1.  Length and first byte rule out
 * most keys without a call. */
static int
key_index(struct str k, const struct str *keys, int n)
{
	for (int i = 0; i < n; i++)
		if (keys[i].len == k.len && keys[i].p[0] == k.p[0] &&
		    memcmp(keys[i].p, k.p, k.len) == 0)
			return i;
	return -1;
}

/*
 * The next member of the open object that the decoder reads: its index in
 * keys, with the value (not null) next.  Unknown members, duplicates and
 * nulls are passed over; *seen gets a bit per key met, *present a bit per
 * key with a value.  -1 at the end of the object (or on a fault).
 */
static int
member(struct jscan *s, const struct str *keys, int n, unsigned *seen,
    unsigned *present)
{
	struct str k;

	while (jscan_key(s, &k)) {
		int i = key_index(k, keys, n);

		if (i < 0 || (*seen >> i & 1)) {
			jscan_skip(s);
			continue;
		}
		*seen |= 1u << i;
		if (jscan_null(s))
			continue;
		*present |= 1u << i;
		return i;
	}
	return -1;
}

/* Room for element n of a growing arena array. */
static void *
room(struct arena *a, void *v, size_t n, size_t *cap, size_t size)
{
	size_t want;

	if (n < *cap)
		return v;
	want = *cap > 0 ? *cap * 2 : 4;
	v = arena_grow(a, v, n, want, size);
	*cap = want;
	return v;
}

/* An array of strings (certificates, a post's fields). */
static bool
strings(struct arena *a, struct jscan *s, struct str **out, size_t *n)
{
	struct str *v = NULL;
	size_t cap = 0;

	*n = 0;
	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		v = room(a, v, *n, &cap, sizeof(*v));
		if (!jscan_str(s, &v[*n]))
			return false;
		(*n)++;
	}
	*out = v;
	return jscan_ok(s);
}

enum { AK_NAME, AK_KIND, AK_PROVINCE, AK_KEYS };
static const struct str agency_keys[AK_KEYS] = {
	KEY("name"), KEY("kind"), KEY("province"),
};

static bool
agency(struct jscan *s, struct agency *ag)
{
	unsigned seen = 0, present = 0;
	int i, x;

	if (!jscan_obj(s))
		return false;
	while ((i = member(s, agency_keys, AK_KEYS, &seen, &present)) >= 0) {
		switch (i) {
		case AK_NAME:
			jscan_str(s, &ag->name);
			break;
		case AK_KIND:
			if (word(s, vocab_agency_kind, &x))
				ag->kind = (enum agency_kind)x;
			break;
		default:
			jscan_str(s, &ag->province);
			break;
		}
	}
	return jscan_ok(s) && (present & 3u) == 3u;
}

enum { ED_LEVEL, ED_MAJOR, ED_KEYS };
static const struct str edu_keys[ED_KEYS] = { KEY("level"), KEY("major") };

static bool
education(struct arena *a, struct jscan *s, struct candidate *c)
{
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		struct education *ed;
		unsigned seen = 0, present = 0;
		int i, x;

		c->edu = room(a, c->edu, c->nedu, &cap, sizeof(*c->edu));
		ed = &c->edu[c->nedu++];
		*ed = (struct education){ 0 };
		if (!jscan_obj(s))
			return false;
		while ((i = member(s, edu_keys, ED_KEYS, &seen, &present)) >=
		    0) {
			if (i == ED_MAJOR)
				jscan_str(s, &ed->major);
			else if (word(s, vocab_edu, &x))
				ed->level = (enum edu_level)x;
		}
		if (!(present & 1u))
			jscan_fail(s);
	}
	return jscan_ok(s);
}

enum { PO_TITLE, PO_KIND, PO_ECHELON, PO_JF, PO_FIELDS, PO_START, PO_END,
	PO_ACTING, PO_KEYS };
static const struct str post_keys[PO_KEYS] = {
	KEY("title"), KEY("kind"), KEY("echelon"), KEY("jf_level"),
	KEY("fields"), KEY("start"), KEY("end"), KEY("acting"),
};

static bool
post(struct arena *a, struct jscan *s, struct cpost *p)
{
	unsigned seen = 0, present = 0;
	int i, x;

	*p = (struct cpost){ .echelon = -1, .jf_level = -1 };
	if (!jscan_obj(s))
		return false;
	while ((i = member(s, post_keys, PO_KEYS, &seen, &present)) >= 0) {
		switch (i) {
		case PO_TITLE:
			jscan_str(s, &p->title);
			break;
		case PO_KIND:
			if (word(s, vocab_cpost_kind, &x))
				p->kind = (enum cpost_kind)x;
			break;
		case PO_ECHELON:
			word(s, vocab_echelon, &p->echelon);
			break;
		case PO_JF:
			word(s, vocab_jf, &p->jf_level);
			break;
		case PO_FIELDS:
			p->has_fields = strings(a, s, &p->fields, &p->nfields);
			break;
		case PO_START:
			date(s, &p->start);
			break;
		case PO_END:
			date(s, &p->end);
			break;
		default:
			jscan_bool(s, &p->acting);
			break;
		}
	}
	p->open = !(present >> PO_END & 1);
	/* kind and start are required; a post cannot end before it starts. */
	if (!(present >> PO_KIND & 1) || !(present >> PO_START & 1) ||
	    (!p->open && p->end < p->start))
		jscan_fail(s);
	return jscan_ok(s);
}

static bool
posts(struct arena *a, struct jscan *s, struct candidate *c)
{
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		c->posts = room(a, c->posts, c->nposts, &cap,
		    sizeof(*c->posts));
		if (!post(a, s, &c->posts[c->nposts++]))
			return false;
	}
	return jscan_ok(s);
}

enum { PE_KIND, PE_LEVEL, PE_DECIDED, PE_KEYS };
static const struct str pen_keys[PE_KEYS] = {
	KEY("kind"), KEY("level"), KEY("decided"),
};

static bool
penalty(struct jscan *s, struct penalty *p)
{
	unsigned seen = 0, present = 0;
	bool has_level;
	int i, x;

	*p = (struct penalty){ .level = -1 };
	if (!jscan_obj(s))
		return false;
	while ((i = member(s, pen_keys, PE_KEYS, &seen, &present)) >= 0) {
		if (i == PE_KIND && word(s, vocab_pen_kind, &x))
			p->kind = (enum pen_kind)x;
		else if (i == PE_LEVEL)
			word(s, vocab_pen_level, &p->level);
		else if (i == PE_DECIDED)
			date(s, &p->decided);
	}
	p->has_decided = present >> PE_DECIDED & 1;
	has_level = present >> PE_LEVEL & 1;
	/* kind is required; a disciplinary penalty has a level, a criminal
	 * sentence none. */
	if (!(present & 1u) || (p->kind == PEN_DISCIPLINE) != has_level)
		jscan_fail(s);
	return jscan_ok(s);
}

static bool
penalties(struct arena *a, struct jscan *s, struct candidate *c)
{
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		c->pens = room(a, c->pens, c->npens, &cap, sizeof(*c->pens));
		if (!penalty(s, &c->pens[c->npens++]))
			return false;
	}
	return jscan_ok(s);
}

enum { PF_YEAR, PF_RATING, PF_KEYS };
static const struct str perf_keys[PF_KEYS] = { KEY("year"),
	KEY("rating") };

static bool
performance(struct arena *a, struct jscan *s, struct candidate *c)
{
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		struct perf *p;
		unsigned seen = 0, present = 0;
		struct str digits;
		int64_t y = 0;
		int i, x;

		c->perf = room(a, c->perf, c->nperf, &cap, sizeof(*c->perf));
		p = &c->perf[c->nperf];
		if (!jscan_obj(s))
			return false;
		while ((i = member(s, perf_keys, PF_KEYS, &seen, &present)) >=
		    0) {
			if (i == PF_RATING && word(s, vocab_rating, &x))
				p->rating = vocab_rating_value(x);
			else if (i == PF_YEAR && jscan_num(s, &digits) &&
			    parse_i64(digits, DATE_MIN_YEAR, DATE_MAX_YEAR,
			    &y) != SEL_OK)
				jscan_fail(s);
		}
		if (present != 3u)
			jscan_fail(s);
		p->year = (int)y;
		for (size_t k = 0; k < c->nperf; k++)
			if (c->perf[k].year == p->year)
				jscan_fail(s);	/* a year twice */
		c->nperf++;
	}
	return jscan_ok(s);
}

static bool
training(struct jscan *s, struct candidate *c)
{
	int x;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s))
		if (word(s, vocab_training, &x))
			c->training |= 1u << vocab_training_value(x);
	return jscan_ok(s);
}

enum { RE_BY, RE_PPK, RE_KEYS };
static const struct str rec_keys[RE_KEYS] = { KEY("by"),
	KEY("ppk_approved") };

static bool
recommendation(struct jscan *s, struct candidate *c)
{
	unsigned seen = 0, present = 0;
	int i, x;

	if (!jscan_obj(s))
		return false;
	while ((i = member(s, rec_keys, RE_KEYS, &seen, &present)) >= 0) {
		if (i == RE_PPK)
			tri(s, &c->rec_ppk_approved);
		else if (word(s, vocab_rec_by, &x))
			c->rec_by = (enum rec_by)x;
	}
	return jscan_ok(s) && (present & 1u);
}

/* record.c's nip_check: 18 digits, the first 8 the birth date, digits
 * 13-14 a month. */
static bool
nip_ok(struct str nip, sel_date birth)
{
	int y, m, d, month;
	char want[8];

	if (nip.len != 18)
		return false;
	for (size_t i = 0; i < nip.len; i++)
		if (nip.p[i] < '0' || nip.p[i] > '9')
			return false;
	date_ymd(birth, &y, &m, &d);
	want[0] = (char)('0' + y / 1000);
	want[1] = (char)('0' + y / 100 % 10);
	want[2] = (char)('0' + y / 10 % 10);
	want[3] = (char)('0' + y % 10);
	want[4] = (char)('0' + m / 10);
	want[5] = (char)('0' + m % 10);
	want[6] = (char)('0' + d / 10);
	want[7] = (char)('0' + d % 10);
	month = (nip.p[12] - '0') * 10 + (nip.p[13] - '0');
	return memcmp(nip.p, want, 8) == 0 && month >= 1 && month <= 12;
}

enum { K_NIP, K_NAME, K_BIRTH, K_EMPLOYMENT, K_AGENCY, K_GRADE,
	K_EDUCATION, K_POSTS, K_CERTIFICATES, K_TRAINING, K_PENALTIES,
	K_UNDER_EXAM, K_PERFORMANCE, K_RECOMMENDATION, K_INVITED, K_KEYS };
static const struct str top_keys[K_KEYS] = {
	KEY("nip"), KEY("name"), KEY("birth_date"), KEY("employment"),
	KEY("agency"), KEY("grade"), KEY("education"), KEY("posts"),
	KEY("certificates"), KEY("training"), KEY("penalties"),
	KEY("under_examination"), KEY("performance"), KEY("recommendation"),
	KEY("invited"),
};
/* nip ... posts: the members CONTRACT.md requires. */
#define K_REQUIRED	((1u << K_CERTIFICATES) - 1)

static void
top_member(struct arena *a, struct jscan *s, int i, struct candidate *c)
{
	int x;

	switch (i) {
	case K_NIP:		jscan_str(s, &c->nip); break;
	case K_NAME:		jscan_str(s, &c->name); break;
	case K_BIRTH:		date(s, &c->birth); break;
	case K_EMPLOYMENT:
		if (word(s, vocab_employment, &x))
			c->employment = (enum employment)x;
		break;
	case K_AGENCY:
		if (!agency(s, &c->agency))
			jscan_fail(s);
		break;
	case K_GRADE:		word(s, vocab_grade, &c->grade); break;
	case K_EDUCATION:	education(a, s, c); break;
	case K_POSTS:		posts(a, s, c); break;
	case K_CERTIFICATES:
		c->has_certs = strings(a, s, &c->certs, &c->ncerts);
		break;
	case K_TRAINING:	c->has_training = training(s, c); break;
	case K_PENALTIES:	c->has_pens = penalties(a, s, c); break;
	case K_UNDER_EXAM:	tri(s, &c->under_exam); break;
	case K_PERFORMANCE:	c->has_perf = performance(a, s, c); break;
	case K_RECOMMENDATION:
		if (!(c->has_rec = recommendation(s, c)))
			jscan_fail(s);
		break;
	default:		tri(s, &c->invited); break;
	}
}

enum sel_err
candidate_scan(struct arena *a, const char *text, size_t len,
    struct candidate *c)
{
	struct jscan s;
	unsigned seen = 0, present = 0;
	int i;

	memset(c, 0, sizeof(*c));
	jscan_init(&s, text, len);
	if (!jscan_obj(&s))
		return SEL_EINVAL;
	while ((i = member(&s, top_keys, K_KEYS, &seen, &present)) >= 0)
		top_member(a, &s, i, c);
	if (!jscan_done(&s) || (present & K_REQUIRED) != K_REQUIRED ||
	    !nip_ok(c->nip, c->birth) || str_trim(c->name).len == 0)
		return SEL_EINVAL;
	return SEL_OK;
}
