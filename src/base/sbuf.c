/*
 * sbuf.c - the out-of-line part of sbuf.h.
 */
#include "base/arena.h"
#include "base/sbuf.h"
#include "base/banned.h"

void
sb_int(struct sbuf *b, long long v)
{
	char tmp[24];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;
	size_t k = sizeof(tmp);

	do {
		tmp[--k] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		tmp[--k] = '-';
	sb_put(b, tmp + k, sizeof(tmp) - k);
}

struct str
sb_keep(const struct sbuf *b, struct arena *a)
{
	return (struct str){ arena_strndup(a, b->p, b->len), b->len };
}
