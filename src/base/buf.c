#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/ckd.h"
#include "base/banned.h"

void
buf_init(struct buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->err = SEL_OK;
}

void
buf_release(struct buf *b)
{
	free(b->p);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->err = SEL_OK;
	if (b->p != NULL)
		b->p[0] = '\0';
}

/* Makes room for n more bytes plus the NUL; false (and err set) if not. */
static int
buf_room(struct buf *b, size_t n)
{
	size_t need, cap;

	if (b->err != SEL_OK)
		return 0;
	if (ckd_add(&need, b->len, n) || ckd_add(&need, need, (size_t)1) ||
	    need > b->max + 1) {
		b->err = SEL_ENOMEM;
		return 0;
	}
	if (need <= b->cap)
		return 1;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (cap > b->max + 1)
		cap = b->max + 1;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
	return 1;
}

void
buf_put_slow(struct buf *b, const char *p, size_t n)
{
	if (!buf_room(b, n))
		return;
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putstr(struct buf *b, struct str s)
{
	buf_put(b, s.p, s.len);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	if (b->err != SEL_OK)
		return;
	va_copy(cp, ap);
	if (!buf_room(b, 0)) {
		va_end(cp);
		return;
	}
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	if (n < 0) {
		b->err = SEL_EINTERNAL;
	} else if ((size_t)n >= b->cap - b->len) {
		if (buf_room(b, (size_t)n)) {
			n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, cp);
			b->len += (size_t)n;
		} else if (b->p != NULL) {
			b->p[b->len] = '\0';
		}
	} else {
		b->len += (size_t)n;
	}
	va_end(cp);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_fixed2(struct buf *b, int64_t v)
{
	char tmp[32];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t ip = u / 100, fp = u % 100;
	int n;

	if (fp == 0)
		n = snprintf(tmp, sizeof(tmp), "%s%llu", v < 0 ? "-" : "",
		    (unsigned long long)ip);
	else if (fp % 10 == 0)
		n = snprintf(tmp, sizeof(tmp), "%s%llu.%llu", v < 0 ? "-" : "",
		    (unsigned long long)ip, (unsigned long long)(fp / 10));
	else
		n = snprintf(tmp, sizeof(tmp), "%s%llu.%02llu",
		    v < 0 ? "-" : "", (unsigned long long)ip,
		    (unsigned long long)fp);
	buf_put(b, tmp, (size_t)n);
}

char *
buf_reserve(struct buf *b, size_t n)
{
	if (!buf_room(b, n))
		return NULL;
	return b->p + b->len;
}

void
buf_commit(struct buf *b, size_t n)
{
	b->len += n;
	b->p[b->len] = '\0';
}

struct str
buf_str(const struct buf *b)
{
	return (struct str){ b->p != NULL ? b->p : "", b->len };
}
