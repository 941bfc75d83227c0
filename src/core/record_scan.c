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
#include "base/ckd.h"
#include "base/jscan.h"
#include "core/record.h"
#include "base/banned.h"

/* k is the literal key (memcmp of a constant size: no call). */
#define IS(k, lit)	((k).len == sizeof(lit) - 1 &&			\
			    memcmp((k).p, (lit), sizeof(lit) - 1) == 0)

/*
 * The vocabularies, hashed once for a run (cand_words_new): a value is
 * found with one probe and one comparison instead of a walk over the list
 * (the grades alone are 17 words that all begin with "I").  json_enum's
 * rule holds: the first equal word of the list.  A list too long to hash
 * or holding an empty word, and an empty value, take the walk.
 */
enum { V_EMPLOYMENT, V_AGENCY_KIND, V_GRADE, V_EDU, V_CPOST_KIND, V_ECHELON,
	V_JF, V_PEN_KIND, V_PEN_LEVEL, V_RATING, V_TRAINING, V_REC_BY, V__N };

#define VSLOTS	64

struct vindex {
	const char *const *words;
	bool		 hashed;
	size_t		 len[VSLOTS / 2];	/* of word i */
	signed char	 slot[VSLOTS];		/* word index + 1; 0: empty */
};

struct cand_words {
	struct vindex	 v[V__N];
};

static unsigned
vhash(struct str v)
{
	return (unsigned)(v.len * 7 + (unsigned char)v.p[0] * 3 +
	    (unsigned char)v.p[v.len - 1]) % VSLOTS;
}

/* The walk: the first word of the list equal to v, or -1. */
static int
word_walk(struct str v, const char *const *words)
{
	for (int i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == v.len && (v.len == 0 ||
		    memcmp(words[i], v.p, v.len) == 0))
			return i;
	return -1;
}

static void
vindex_init(struct vindex *x, const char *const *words)
{
	int n = 0;

	x->words = words;
	while (words[n] != NULL)
		n++;
	x->hashed = n <= VSLOTS / 2;
	for (int i = 0; x->hashed && i < n; i++) {
		struct str w = str_c(words[i]);
		unsigned h;

		if (w.len == 0) {
			x->hashed = false;
			break;
		}
		x->len[i] = w.len;
		for (h = vhash(w); x->slot[h] != 0; h = (h + 1) % VSLOTS)
			;
		x->slot[h] = (signed char)(i + 1);
	}
}

const struct cand_words *
cand_words_new(struct arena *a)
{
	static const char *const *const lists[V__N] = {
		[V_EMPLOYMENT] = vocab_employment,
		[V_AGENCY_KIND] = vocab_agency_kind,
		[V_GRADE] = vocab_grade,
		[V_EDU] = vocab_edu,
		[V_CPOST_KIND] = vocab_cpost_kind,
		[V_ECHELON] = vocab_echelon,
		[V_JF] = vocab_jf,
		[V_PEN_KIND] = vocab_pen_kind,
		[V_PEN_LEVEL] = vocab_pen_level,
		[V_RATING] = vocab_rating,
		[V_TRAINING] = vocab_training,
		[V_REC_BY] = vocab_rec_by,
	};
	struct cand_words *w = arena_alloc(a, sizeof(*w));

	for (int i = 0; i < V__N; i++)
		vindex_init(&w->v[i], lists[i]);
	return w;
}

static int
word_index(const struct vindex *x, struct str v)
{
	if (!x->hashed || v.len == 0)
		return word_walk(v, x->words);
	for (unsigned h = vhash(v);; h = (h + 1) % VSLOTS) {
		int e = x->slot[h];

		if (e == 0)
			return -1;
		if (x->len[e - 1] == v.len &&
		    memcmp(x->words[e - 1], v.p, v.len) == 0)
			return e - 1;
	}
}

/* The decoder's state: the scanner, the arena, the vocabularies, and the
 * last date read (a post's end is often the next one's start). */
struct dec {
	struct jscan		 s;
	struct arena		*a;
	const struct cand_words	*w;
	char			 last[10];	/* "YYYY-MM-DD" */
	sel_date		 last_d;
	bool			 has_last;
};

/* The next value is a word of vocabulary k: its index in *out. */
static bool
word(struct dec *d, int k, int *out)
{
	struct str v;
	int i;

	if (!jscan_str(&d->s, &v))
		return false;
	if ((i = word_index(&d->w->v[k], v)) < 0) {
		jscan_fail(&d->s);
		return false;
	}
	*out = i;
	return true;
}

/* date_parse's rule (exactly "YYYY-MM-DD", a real date), read in place. */
static bool
date_text(struct str v, sel_date *out)
{
	static const unsigned char at[8] = { 0, 1, 2, 3, 5, 6, 8, 9 };
	const unsigned char *p = (const unsigned char *)v.p;
	unsigned dg[8];

	if (v.len != 10 || p[4] != '-' || p[7] != '-')
		return false;
	for (int k = 0; k < 8; k++)
		if ((dg[k] = (unsigned)p[at[k]] - '0') > 9)
			return false;
	return date_make((int)(dg[0] * 1000 + dg[1] * 100 + dg[2] * 10 +
	    dg[3]), (int)(dg[4] * 10 + dg[5]), (int)(dg[6] * 10 + dg[7]),
	    out) == SEL_OK;
}

static bool
date(struct dec *d, sel_date *out)
{
	struct str v;

	if (!jscan_str(&d->s, &v))
		return false;
	if (d->has_last && v.len == 10 && memcmp(v.p, d->last, 10) == 0) {
		*out = d->last_d;
		return true;
	}
	if (!date_text(v, out)) {
		jscan_fail(&d->s);
		return false;
	}
	memcpy(d->last, v.p, 10);
	d->last_d = *out;
	d->has_last = true;
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

/*
 * The next member of the open object that the decoder reads: its index
 * (key_of gives it, -1 for a key it does not read), with the value (not
 * null) next.  Unknown members, duplicates and nulls are passed over;
 * *seen gets a bit per key met, *present a bit per key with a value.  -1
 * at the end of the object (or on a fault).
 */
static int
member(struct jscan *s, int (*key_of)(struct str), unsigned *seen,
    unsigned *present)
{
	struct str k;

	while (jscan_key(s, &k)) {
		int i = key_of(k);

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

/* Room for element n of a growing arena array (not zeroed: the
 * decoders write every element whole). */
static void *
room(struct arena *a, void *v, size_t n, size_t *cap, size_t size)
{
	size_t want = *cap > 0 ? *cap * 2 : 4, bytes;
	void *nv;

	if (n < *cap)
		return v;
	if (ckd_mul(&bytes, want, size))
		sel_oom(SIZE_MAX);
	nv = arena_alloc_raw(a, bytes);
	if (n > 0)
		memcpy(nv, v, n * size);
	*cap = want;
	return nv;
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

/*
 * The keys of each object, by length first: the key lookups are most of
 * the decoder's branches, and a switch with one comparison each is the
 * cheapest to predict.
 */
enum { AK_NAME, AK_KIND, AK_PROVINCE };

static int
agency_key(struct str k)
{
	return IS(k, "name") ? AK_NAME : IS(k, "kind") ? AK_KIND :
	    IS(k, "province") ? AK_PROVINCE : -1;
}

static bool
agency(struct dec *d, struct agency *ag)
{
	struct jscan *s = &d->s;
	unsigned seen = 0, present = 0;
	int i, x;

	if (!jscan_obj(s))
		return false;
	while ((i = member(s, agency_key, &seen, &present)) >= 0) {
		switch (i) {
		case AK_NAME:
			jscan_str(s, &ag->name);
			break;
		case AK_KIND:
			if (word(d, V_AGENCY_KIND, &x))
				ag->kind = (enum agency_kind)x;
			break;
		default:
			jscan_str(s, &ag->province);
			break;
		}
	}
	return jscan_ok(s) && (present & 3u) == 3u;
}

enum { ED_LEVEL, ED_MAJOR };

static int
edu_key(struct str k)
{
	return IS(k, "level") ? ED_LEVEL : IS(k, "major") ? ED_MAJOR : -1;
}

static bool
education(struct dec *d, struct candidate *c)
{
	struct jscan *s = &d->s;
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		struct education *ed;
		unsigned seen = 0, present = 0;
		int i, x;

		c->edu = room(d->a, c->edu, c->nedu, &cap, sizeof(*c->edu));
		ed = &c->edu[c->nedu++];
		*ed = (struct education){ 0 };
		if (!jscan_obj(s))
			return false;
		while ((i = member(s, edu_key, &seen, &present)) >= 0) {
			if (i == ED_MAJOR)
				jscan_str(s, &ed->major);
			else if (word(d, V_EDU, &x))
				ed->level = (enum edu_level)x;
		}
		if (!(present & 1u))
			jscan_fail(s);
	}
	return jscan_ok(s);
}

enum { PO_TITLE, PO_KIND, PO_ECHELON, PO_JF, PO_FIELDS, PO_START, PO_END,
	PO_ACTING };

static int
post_key(struct str k)
{
	switch (k.len) {
	case 3:	return IS(k, "end") ? PO_END : -1;
	case 4:	return IS(k, "kind") ? PO_KIND : -1;
	case 5:	return IS(k, "title") ? PO_TITLE : IS(k, "start") ? PO_START :
		    -1;
	case 6:	return IS(k, "fields") ? PO_FIELDS : IS(k, "acting") ?
		    PO_ACTING : -1;
	case 7:	return IS(k, "echelon") ? PO_ECHELON : -1;
	case 8:	return IS(k, "jf_level") ? PO_JF : -1;
	default: return -1;
	}
}

static bool
post(struct dec *d, struct cpost *p)
{
	struct jscan *s = &d->s;
	unsigned seen = 0, present = 0;
	int i, x;

	*p = (struct cpost){ .echelon = -1, .jf_level = -1 };
	if (!jscan_obj(s))
		return false;
	while ((i = member(s, post_key, &seen, &present)) >= 0) {
		switch (i) {
		case PO_TITLE:
			jscan_str(s, &p->title);
			break;
		case PO_KIND:
			if (word(d, V_CPOST_KIND, &x))
				p->kind = (enum cpost_kind)x;
			break;
		case PO_ECHELON:
			word(d, V_ECHELON, &p->echelon);
			break;
		case PO_JF:
			word(d, V_JF, &p->jf_level);
			break;
		case PO_FIELDS:
			p->has_fields = strings(d->a, s, &p->fields, &p->nfields);
			break;
		case PO_START:
			date(d, &p->start);
			break;
		case PO_END:
			date(d, &p->end);
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
posts(struct dec *d, struct candidate *c)
{
	struct jscan *s = &d->s;
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		c->posts = room(d->a, c->posts, c->nposts, &cap,
		    sizeof(*c->posts));
		if (!post(d, &c->posts[c->nposts++]))
			return false;
	}
	return jscan_ok(s);
}

enum { PE_KIND, PE_LEVEL, PE_DECIDED };

static int
pen_key(struct str k)
{
	return IS(k, "kind") ? PE_KIND : IS(k, "level") ? PE_LEVEL :
	    IS(k, "decided") ? PE_DECIDED : -1;
}

static bool
penalty(struct dec *d, struct penalty *p)
{
	struct jscan *s = &d->s;
	unsigned seen = 0, present = 0;
	bool has_level;
	int i, x;

	*p = (struct penalty){ .level = -1 };
	if (!jscan_obj(s))
		return false;
	while ((i = member(s, pen_key, &seen, &present)) >= 0) {
		if (i == PE_KIND && word(d, V_PEN_KIND, &x))
			p->kind = (enum pen_kind)x;
		else if (i == PE_LEVEL)
			word(d, V_PEN_LEVEL, &p->level);
		else if (i == PE_DECIDED)
			date(d, &p->decided);
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
penalties(struct dec *d, struct candidate *c)
{
	struct jscan *s = &d->s;
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		c->pens = room(d->a, c->pens, c->npens, &cap, sizeof(*c->pens));
		if (!penalty(d, &c->pens[c->npens++]))
			return false;
	}
	return jscan_ok(s);
}

enum { PF_YEAR, PF_RATING };

static int
perf_key(struct str k)
{
	return IS(k, "year") ? PF_YEAR : IS(k, "rating") ? PF_RATING : -1;
}

/* json_int_member's rule for a year: a whole number from DATE_MIN_YEAR
 * to DATE_MAX_YEAR.  Four plain digits, the usual case, without a call. */
static bool
year_of(struct str digits, int64_t *y)
{
	const unsigned char *p = (const unsigned char *)digits.p;

	if (digits.len == 4 && (unsigned)(p[0] - '0') <= 9 &&
	    (unsigned)(p[1] - '0') <= 9 && (unsigned)(p[2] - '0') <= 9 &&
	    (unsigned)(p[3] - '0') <= 9) {
		*y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 +
		    (p[2] - '0') * 10 + (p[3] - '0');
		return *y >= DATE_MIN_YEAR && *y <= DATE_MAX_YEAR;
	}
	return parse_i64(digits, DATE_MIN_YEAR, DATE_MAX_YEAR, y) == SEL_OK;
}

static bool
performance(struct dec *d, struct candidate *c)
{
	struct jscan *s = &d->s;
	size_t cap = 0;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s)) {
		struct perf *p;
		unsigned seen = 0, present = 0;
		struct str digits;
		int64_t y = 0;
		int i, x;

		c->perf = room(d->a, c->perf, c->nperf, &cap, sizeof(*c->perf));
		p = &c->perf[c->nperf];
		if (!jscan_obj(s))
			return false;
		while ((i = member(s, perf_key, &seen, &present)) >= 0) {
			if (i == PF_RATING && word(d, V_RATING, &x))
				p->rating = vocab_rating_value(x);
			else if (i == PF_YEAR && jscan_num(s, &digits) &&
			    !year_of(digits, &y))
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
training(struct dec *d, struct candidate *c)
{
	struct jscan *s = &d->s;
	int x;

	if (!jscan_arr(s))
		return false;
	while (jscan_item(s))
		if (word(d, V_TRAINING, &x))
			c->training |= 1u << vocab_training_value(x);
	return jscan_ok(s);
}

enum { RE_BY, RE_PPK };

static int
rec_key(struct str k)
{
	return IS(k, "by") ? RE_BY : IS(k, "ppk_approved") ? RE_PPK : -1;
}

static bool
recommendation(struct dec *d, struct candidate *c)
{
	struct jscan *s = &d->s;
	unsigned seen = 0, present = 0;
	int i, x;

	if (!jscan_obj(s))
		return false;
	while ((i = member(s, rec_key, &seen, &present)) >= 0) {
		if (i == RE_PPK)
			tri(s, &c->rec_ppk_approved);
		else if (word(d, V_REC_BY, &x))
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

/* "declarations": a member per word of vocab_cand_decl, each a boolean. */
static int
decl_key(struct str k)
{
	return word_walk(k, vocab_cand_decl);
}

static bool
declarations(struct dec *d, struct candidate *c)
{
	struct jscan *s = &d->s;
	unsigned seen = 0, present = 0;
	int i;

	if (!jscan_obj(s))
		return false;
	while ((i = member(s, decl_key, &seen, &present)) >= 0)
		tri(s, &c->decl[i]);
	return jscan_ok(s);
}

enum { K_NIP, K_NAME, K_BIRTH, K_EMPLOYMENT, K_AGENCY, K_GRADE,
	K_EDUCATION, K_POSTS, K_CERTIFICATES, K_TRAINING, K_PENALTIES,
	K_UNDER_EXAM, K_PERFORMANCE, K_RECOMMENDATION, K_INVITED,
	K_DECLARATIONS };

static int
top_key(struct str k)
{
	switch (k.len) {
	case 3:	return IS(k, "nip") ? K_NIP : -1;
	case 4:	return IS(k, "name") ? K_NAME : -1;
	case 5:	return IS(k, "grade") ? K_GRADE : IS(k, "posts") ? K_POSTS :
		    -1;
	case 6:	return IS(k, "agency") ? K_AGENCY : -1;
	case 7:	return IS(k, "invited") ? K_INVITED : -1;
	case 8:	return IS(k, "training") ? K_TRAINING : -1;
	case 9:	return IS(k, "education") ? K_EDUCATION : IS(k, "penalties") ?
		    K_PENALTIES : -1;
	case 10: return IS(k, "birth_date") ? K_BIRTH : IS(k, "employment") ?
		    K_EMPLOYMENT : -1;
	case 11: return IS(k, "performance") ? K_PERFORMANCE : -1;
	case 12: return IS(k, "certificates") ? K_CERTIFICATES :
		    IS(k, "declarations") ? K_DECLARATIONS : -1;
	case 14: return IS(k, "recommendation") ? K_RECOMMENDATION : -1;
	case 17: return IS(k, "under_examination") ? K_UNDER_EXAM : -1;
	default: return -1;
	}
}
/* nip ... posts: the members CONTRACT.md requires. */
#define K_REQUIRED	((1u << K_CERTIFICATES) - 1)

static void
top_member(struct dec *d, int i, struct candidate *c)
{
	struct jscan *s = &d->s;
	int x;

	switch (i) {
	case K_NIP:		jscan_str(s, &c->nip); break;
	case K_NAME:		jscan_str(s, &c->name); break;
	case K_BIRTH:		date(d, &c->birth); break;
	case K_EMPLOYMENT:
		if (word(d, V_EMPLOYMENT, &x))
			c->employment = (enum employment)x;
		break;
	case K_AGENCY:
		if (!agency(d, &c->agency))
			jscan_fail(s);
		break;
	case K_GRADE:		word(d, V_GRADE, &c->grade); break;
	case K_EDUCATION:	education(d, c); break;
	case K_POSTS:		posts(d, c); break;
	case K_CERTIFICATES:
		c->has_certs = strings(d->a, s, &c->certs, &c->ncerts);
		break;
	case K_TRAINING:	c->has_training = training(d, c); break;
	case K_PENALTIES:	c->has_pens = penalties(d, c); break;
	case K_UNDER_EXAM:	tri(s, &c->under_exam); break;
	case K_PERFORMANCE:	c->has_perf = performance(d, c); break;
	case K_RECOMMENDATION:
		if (!(c->has_rec = recommendation(d, c)))
			jscan_fail(s);
		break;
	case K_DECLARATIONS:
		if (!declarations(d, c))
			jscan_fail(s);
		break;
	default:		tri(s, &c->invited); break;
	}
}

enum sel_err
candidate_scan(struct arena *a, const struct cand_words *w,
    const char *text, size_t len, struct candidate *c)
{
	struct dec d = { .a = a, .w = w };
	unsigned seen = 0, present = 0;
	int i;

	memset(c, 0, sizeof(*c));
	jscan_init(&d.s, text, len);
	if (!jscan_obj(&d.s))
		return SEL_EINVAL;
	while ((i = member(&d.s, top_key, &seen, &present)) >= 0)
		top_member(&d, i, c);
	if (!jscan_done(&d.s) || (present & K_REQUIRED) != K_REQUIRED ||
	    !nip_ok(c->nip, c->birth) || str_trim(c->name).len == 0)
		return SEL_EINVAL;
	return SEL_OK;
}
