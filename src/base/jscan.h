/*
 * jscan.h - a pull scanner over the strict core of JSON, for bulk input.
 *
 * The batch path reads a candidate straight from its text with this
 * scanner instead of building a tree (json.h): no allocation, no
 * callbacks, one pass.  It reads only a strict subset of what yajl (and so
 * json_parse) accepts: RFC 8259 JSON whose strings hold no escape and are
 * well-formed UTF-8 (no overlong form, no surrogate), white space among
 * space, tab, CR and LF, at most JSCAN_MAX_DEPTH levels, nothing after the
 * value.  On anything else - invalid JSON, or valid JSON outside the
 * subset - the scanner stops: s->bad is set, and from then on every call
 * fails at once.  It never explains why: the caller parses the same text
 * with json_parse, which accepts it or words the error with its line.
 * That is what keeps every error message the tree path's own.
 *
 * Strings and numbers come back as slices of the text (numbers as their
 * digits), so the text must outlive them.  The struct is the caller's and
 * needs no release.
 */
#ifndef SELTER_BASE_JSCAN_H
#define SELTER_BASE_JSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/str.h"

#define JSCAN_MAX_DEPTH	63	/* below json.h's JSON_MAX_DEPTH */

enum jscan_type {
	JT_BAD,			/* not in the subset (s->bad set) */
	JT_NULL,
	JT_BOOL,
	JT_NUMBER,
	JT_STRING,
	JT_ARRAY,
	JT_OBJECT,
};

struct jscan {
	const char	*p;		/* next byte to read */
	const char	*end;
	uint64_t	 first;		/* bit d: nothing read yet in
					   the container at depth d */
	int		 depth;		/* open containers */
	bool		 bad;		/* sticky: stopped */
};

void		jscan_init(struct jscan *, const char *text, size_t len);
/* Stops the scanner (a reader that refuses a value it was given). */
void		jscan_fail(struct jscan *);
/* The type of the next value, not consumed. */
enum jscan_type	jscan_peek(struct jscan *);

/* False once the scanner has stopped. */
static inline bool
jscan_ok(const struct jscan *s)
{
	return !s->bad;
}

/*
 * Readers of the next value: true when it has the type asked for (it is
 * consumed), else false and the scanner stops.  jscan_null is the
 * exception: false leaves a value that is not null in place (a reader
 * of it then decides).
 */
static inline bool	jscan_null(struct jscan *);
bool		jscan_bool(struct jscan *, bool *out);
bool		jscan_num(struct jscan *, struct str *digits);
static inline bool	jscan_str(struct jscan *, struct str *out);
/* Any value, checked and passed over. */
bool		jscan_skip(struct jscan *);

/*
 * Containers.  jscan_obj enters an object; then each jscan_key gives the
 * next member's key (its value is next) and returns true, or returns
 * false at the closing brace (consumed) or when stopped.  jscan_arr and
 * jscan_item are the same for arrays: true while an element follows.
 */
bool		jscan_obj(struct jscan *);
static inline bool	jscan_key(struct jscan *, struct str *key);
bool		jscan_arr(struct jscan *);
static inline bool	jscan_item(struct jscan *);

/* After the document's value: true when every container was closed,
 * nothing but white space follows and the scanner never stopped. */
bool		jscan_done(struct jscan *);

/*
 * The rest is the readers' common case, inline: the batch decoder calls
 * them some 300 times a record.  What is rare (UTF-8, faults) is out of
 * line, in jscan.c.
 */
bool		jscan_stop_(struct jscan *);
bool		jscan_str_slow_(struct jscan *, struct str *out);

static inline void
jscan_ws_(struct jscan *s)
{
	while (s->p < s->end && (unsigned char)*s->p <= ' ' &&
	    (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* The next byte after white space (not consumed), or -1 at the end.  One
 * test when there is no white space, as in a compact export. */
static inline int
jscan_byte_(struct jscan *s)
{
	if (s->p < s->end && (unsigned char)*s->p > ' ')
		return (unsigned char)*s->p;
	jscan_ws_(s);
	return s->p < s->end ? (unsigned char)*s->p : -1;
}

static inline bool
jscan_null(struct jscan *s)
{
	if (jscan_byte_(s) != 'n' || s->end - s->p < 4 ||
	    memcmp(s->p, "null", 4) != 0)
		return false;
	s->p += 4;
	return true;
}

static inline bool
jscan_str(struct jscan *s, struct str *out)
{
	const char *p;
	size_t n, left;

	if (jscan_byte_(s) != '"')
		return jscan_stop_(s);
	p = s->p + 1;
	left = (size_t)(s->end - p);
	n = str_json_plain(p, left, true);
	if (n == left || p[n] != '"')
		return jscan_str_slow_(s, out);
	out->p = p;
	out->len = n;
	s->p = p + n + 1;
	return true;
}

/*
 * Before the next member or element: true when one follows (its comma
 * consumed), false at the closing bracket (consumed) or on a fault.  A
 * comma before the bracket ("[1,]") is a fault the element's reader
 * finds: a bracket starts no value.
 */
static inline bool
jscan_next_(struct jscan *s, char close)
{
	uint64_t bit = (uint64_t)1 << s->depth;
	int c = jscan_byte_(s);

	if (c < 0 || s->depth == 0)
		return jscan_stop_(s);
	if (c == close) {
		s->p++;
		s->depth--;
		return false;
	}
	if (s->first & bit) {
		s->first &= ~bit;
		return true;
	}
	if (c != ',')
		return jscan_stop_(s);
	s->p++;
	return true;
}

static inline bool
jscan_key(struct jscan *s, struct str *key)
{
	if (!jscan_next_(s, '}') || !jscan_str(s, key))
		return false;
	if (jscan_byte_(s) != ':')
		return jscan_stop_(s);
	s->p++;
	return true;
}

static inline bool
jscan_item(struct jscan *s)
{
	return jscan_next_(s, ']');
}

#endif
