/*
 * jscan.c - the strict JSON pull scanner of the batch path.
 *
 * Every check leans to refusal: a byte the subset does not have stops the
 * scanner, and the tree parser decides.  So the one property that matters
 * is that whatever passes here is JSON that yajl accepts with the same
 * values, which holds because the subset is RFC 8259 minus escapes,
 * minus the UTF-8 that yajl accepts and RFC 3629 does not.
 */
#include <string.h>

#include "base/jscan.h"
#include "base/banned.h"

bool
jscan_stop_(struct jscan *s)
{
	s->bad = true;
	s->p = s->end;
	return false;
}

void
jscan_init(struct jscan *s, const char *text, size_t len)
{
	s->p = text;
	s->end = text + len;
	s->first = 0;
	s->depth = 0;
	s->bad = false;
}

void
jscan_fail(struct jscan *s)
{
	jscan_stop_(s);
}

static bool
cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* Length of the well-formed UTF-8 sequence at p (RFC 3629), or 0. */
static size_t
utf8_seq(const unsigned char *p, const unsigned char *e)
{
	size_t avail = (size_t)(e - p);
	unsigned char c = p[0];

	if (c >= 0xc2 && c <= 0xdf)
		return avail >= 2 && cont(p[1]) ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (avail < 3 || !cont(p[1]) || !cont(p[2]) ||
		    (c == 0xe0 && p[1] < 0xa0) ||	/* overlong */
		    (c == 0xed && p[1] > 0x9f))		/* surrogate */
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (avail < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3]) ||
		    (c == 0xf0 && p[1] < 0x90) ||	/* overlong */
		    (c == 0xf4 && p[1] > 0x8f))		/* > U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

/* At the opening quote: the string's bytes, without escapes; the UTF-8
 * that jscan_str leaves here is checked on the way. */
static bool
scan_string(struct jscan *s, struct str *out)
{
	const unsigned char *p = (const unsigned char *)s->p + 1;
	const unsigned char *e = (const unsigned char *)s->end;
	const unsigned char *start = p;

	for (;;) {
		size_t n;

		p += str_json_plain((const char *)p, (size_t)(e - p), true);
		if (p == e)
			return jscan_stop_(s);
		if (*p == '"')
			break;
		/* An escape, a control byte, or bad UTF-8. */
		if (*p < 0x80 || (n = utf8_seq(p, e)) == 0)
			return jscan_stop_(s);
		p += n;
	}
	out->p = (const char *)start;
	out->len = (size_t)(p - start);
	s->p = (const char *)p + 1;
	return true;
}

static bool
digit(const char *p, const char *e)
{
	return p < e && *p >= '0' && *p <= '9';
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool
scan_number(struct jscan *s, struct str *out)
{
	const char *p = s->p, *e = s->end;

	if (p < e && *p == '-')
		p++;
	if (!digit(p, e))
		return jscan_stop_(s);
	if (*p++ != '0')
		while (digit(p, e))
			p++;
	if (p < e && *p == '.') {
		if (!digit(++p, e))
			return jscan_stop_(s);
		while (digit(p, e))
			p++;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if (!digit(p, e))
			return jscan_stop_(s);
		while (digit(p, e))
			p++;
	}
	out->p = s->p;
	out->len = (size_t)(p - s->p);
	s->p = p;
	return true;
}

static bool
literal(struct jscan *s, const char *word, size_t n)
{
	if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
		return jscan_stop_(s);
	s->p += n;
	return true;
}

enum jscan_type
jscan_peek(struct jscan *s)
{
	jscan_ws_(s);
	if (s->p == s->end) {
		jscan_stop_(s);
		return JT_BAD;
	}
	switch (*s->p) {
	case '"':
		return JT_STRING;
	case '{':
		return JT_OBJECT;
	case '[':
		return JT_ARRAY;
	case 't':
	case 'f':
		return JT_BOOL;
	case 'n':
		return JT_NULL;
	case '-': case '0': case '1': case '2': case '3': case '4': case '5':
	case '6': case '7': case '8': case '9':
		return JT_NUMBER;
	default:
		jscan_stop_(s);
		return JT_BAD;
	}
}

bool
jscan_bool(struct jscan *s, bool *out)
{
	if (jscan_peek(s) != JT_BOOL)
		return jscan_stop_(s);
	*out = *s->p == 't';
	return *out ? literal(s, "true", 4) : literal(s, "false", 5);
}

bool
jscan_num(struct jscan *s, struct str *digits)
{
	if (jscan_peek(s) != JT_NUMBER)
		return jscan_stop_(s);
	return scan_number(s, digits);
}

bool
jscan_str_slow_(struct jscan *s, struct str *out)
{
	return scan_string(s, out);
}

static bool
open_(struct jscan *s, char c)
{
	jscan_ws_(s);
	if (s->p == s->end || *s->p != c || s->depth >= JSCAN_MAX_DEPTH)
		return jscan_stop_(s);
	s->p++;
	s->depth++;
	s->first |= (uint64_t)1 << s->depth;
	return true;
}

bool
jscan_obj(struct jscan *s)
{
	return open_(s, '{');
}

bool
jscan_arr(struct jscan *s)
{
	return open_(s, '[');
}

bool
jscan_skip(struct jscan *s)
{
	struct str t;
	bool b;

	switch (jscan_peek(s)) {
	case JT_NULL:
		return literal(s, "null", 4);
	case JT_BOOL:
		return jscan_bool(s, &b);
	case JT_NUMBER:
		return scan_number(s, &t);
	case JT_STRING:
		return scan_string(s, &t);
	case JT_ARRAY:
		jscan_arr(s);
		while (jscan_item(s))
			jscan_skip(s);
		return !s->bad;
	case JT_OBJECT:
		jscan_obj(s);
		while (jscan_key(s, &t))
			jscan_skip(s);
		return !s->bad;
	case JT_BAD:
		break;
	}
	return false;
}

bool
jscan_done(struct jscan *s)
{
	jscan_ws_(s);
	return !s->bad && s->depth == 0 && s->p == s->end;
}
