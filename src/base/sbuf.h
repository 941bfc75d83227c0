/*
 * sbuf.h - a short text built on the stack, then kept in an arena: what
 * arena_printf does, without a format string.
 *
 * The rules write a detail sentence for every candidate of a batch, and
 * vsnprintf was most of their time.  A struct sbuf keeps arena_printf's
 * results byte for byte, so callers can move from one to the other
 * without a change in the output: the text is cut at cap bytes (at most
 * SBUF_MAX, arena_printf's own limit), and a slice stops at its first NUL
 * byte, as "%.*s" does.
 *
 * The struct is the caller's (about 1 KB: a local); sb_keep copies the
 * text into the arena.  Nothing to release.
 */
#ifndef SELTER_BASE_SBUF_H
#define SELTER_BASE_SBUF_H

#include <stddef.h>
#include <string.h>

#include "base/str.h"

struct arena;

#define SBUF_MAX	1023

struct sbuf {
	size_t	 len;
	size_t	 cap;			/* <= SBUF_MAX */
	char	 p[SBUF_MAX + 1];	/* no NUL until sb_keep */
};

static inline void
sb_init(struct sbuf *b, size_t cap)
{
	b->len = 0;
	b->cap = cap < SBUF_MAX ? cap : SBUF_MAX;
}

/* p[0..n), or as much of it as fits. */
static inline void
sb_put(struct sbuf *b, const char *p, size_t n)
{
	if (n > b->cap - b->len)
		n = b->cap - b->len;
	if (n > 0) {
		memcpy(b->p + b->len, p, n);
		b->len += n;
	}
}

/* A string literal. */
#define sb_lit(b, lit)	sb_put((b), "" lit, sizeof(lit) - 1)

/* A C string ("%s"). */
static inline void
sb_cstr(struct sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

/* A slice up to its first NUL ("%.*s"). */
static inline void
sb_str(struct sbuf *b, struct str s)
{
	const char *z;

	if (s.len == 0)
		return;
	z = memchr(s.p, '\0', s.len);
	sb_put(b, s.p, z != NULL ? (size_t)(z - s.p) : s.len);
}

/* A decimal integer ("%d", "%ld"). */
void		sb_int(struct sbuf *, long long);
/* The text so far, NUL-terminated, copied into the arena. */
struct str	sb_keep(const struct sbuf *, struct arena *);

#endif
