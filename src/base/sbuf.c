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

	/* Days, years, ages: mostly one to four digits. */
	if (u < 10 && v >= 0 && b->len < b->cap) {
		b->p[b->len++] = (char)('0' + u);
		return;
	}
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
	char *p = arena_alloc_raw(a, b->len + 1);

	memcpy(p, b->p, b->len);
	p[b->len] = '\0';
	return (struct str){ p, b->len };
}
