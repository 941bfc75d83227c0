/*
 * buf.h - growable output buffer with a maximum size and a sticky error.
 *
 * Every buffer has a cap set at init (after curl's dynbuf): appending past
 * it sets b->err and drops the data, and every later append is a no-op, so
 * a writer checks b->err once at the end.  The contents are always
 * NUL-terminated.  buf_release frees the storage; the struct is the
 * caller's.
 */
#ifndef SELTER_BASE_BUF_H
#define SELTER_BASE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "base/err.h"
#include "base/str.h"

struct buf {
	char		*p;		/* contents, NUL-terminated; NULL before use */
	size_t		 len;
	size_t		 cap;		/* allocated bytes */
	size_t		 max;		/* most bytes it may ever hold */
	enum sel_err	 err;		/* sticky: SEL_OK until a write fails */
};

void	buf_init(struct buf *, size_t max);
void	buf_release(struct buf *);
void	buf_reset(struct buf *);	/* empties it and clears err */

void	buf_put_slow(struct buf *, const char *p, size_t n);
void	buf_puts(struct buf *, const char *s);
void	buf_putstr(struct buf *, struct str);
void	buf_printf(struct buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	buf_vprintf(struct buf *, const char *fmt, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Fixed-point value with 2 decimals, trailing zeros trimmed: 7850 -> 78.5 */
void	buf_fixed2(struct buf *, int64_t hundredths);

struct str	buf_str(const struct buf *);

/*
 * For a writer that knows a bound on what it will append: room for n more
 * bytes, written straight at the pointer returned, then buf_commit(b, k)
 * with the k <= n bytes written.  NULL (and err set, as any append past
 * the maximum) when n more bytes do not fit.
 */
char		*buf_reserve(struct buf *, size_t n);
void		 buf_commit(struct buf *, size_t n);

/* Appends p[0..n); inline for the common case of room already there. */
static inline void
buf_put(struct buf *b, const char *p, size_t n)
{
	if (b->err == SEL_OK && n < b->cap - b->len && b->len + n <= b->max) {
		memcpy(b->p + b->len, p, n);
		b->len += n;
		b->p[b->len] = '\0';
		return;
	}
	buf_put_slow(b, p, n);
}

static inline void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

#endif
