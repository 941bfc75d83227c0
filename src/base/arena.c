/*
 * arena.c - a list of blocks; allocation bumps an offset in the newest one.
 * A request larger than a quarter block gets a block of its own, so big
 * objects do not waste the tail of the current block.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/ckd.h"
#include "base/str.h"
#include "base/banned.h"

#define ALIGN	16

struct block {
	struct block	*next;		/* older block */
	size_t		 size;		/* usable bytes in data[] */
	size_t		 used;
	_Alignas(ALIGN) unsigned char data[];
};

struct arena {
	struct block	*head;		/* newest block */
	size_t		 block_size;
	size_t		 total;		/* bytes handed out */
};

_Noreturn void
sel_oom(size_t n)
{
	fprintf(stderr, "selter: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n == 0 ? 1 : n);

	if (p == NULL)
		sel_oom(n);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n == 0 ? 1 : n);

	if (q == NULL)
		sel_oom(n);
	return q;
}

static struct block *
block_new(size_t size)
{
	struct block *b;
	size_t n;

	if (ckd_add(&n, sizeof(*b), size))
		sel_oom(size);
	b = xmalloc(n);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *
arena_new(size_t block_size)
{
	struct arena *a = xmalloc(sizeof(*a));

	if (block_size < 1024)
		block_size = 1024;
	a->block_size = block_size;
	a->head = block_new(block_size);
	a->total = 0;
	return a;
}

void
arena_destroy(struct arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void
arena_reset(struct arena *a)
{
	struct block *b = a->head, *next;

	/* Keep only the oldest block: it has the standard size. */
	while (b->next != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	a->head = b;
	b->used = 0;
	a->total = 0;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void *p = arena_alloc_raw(a, n);

	memset(p, 0, n);
	return p;
}

void *
arena_alloc_raw(struct arena *a, size_t n)
{
	struct block *b = a->head;
	size_t need, off;
	void *p;

	if (ckd_add(&need, n, (size_t)ALIGN - 1))
		sel_oom(n);
	need &= ~((size_t)ALIGN - 1);
	if (need == 0)
		need = ALIGN;
	off = b->used;
	if (need > b->size - off) {
		if (need > a->block_size / 4) {
			/* A large object: its own block, behind the head. */
			struct block *big = block_new(need);

			big->used = need;
			big->next = b->next;
			b->next = big;
			a->total += need;
			return big->data;
		}
		b = block_new(a->block_size);
		b->next = a->head;
		a->head = b;
		off = 0;
	}
	p = b->data + off;
	b->used = off + need;
	a->total += need;
	return p;
}

void *
arena_array(struct arena *a, size_t count, size_t size)
{
	size_t n;

	if (ckd_mul(&n, count, size))
		sel_oom(SIZE_MAX);
	return arena_alloc(a, n);
}

char *
arena_strndup(struct arena *a, const char *p, size_t n)
{
	char *s = arena_alloc(a, n + 1);

	if (n > 0)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void *
arena_grow(struct arena *a, void *old, size_t old_count, size_t new_count,
    size_t size)
{
	void *p = arena_array(a, new_count, size);

	if (old != NULL && old_count > 0)
		memcpy(p, old, old_count * size);
	return p;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}

struct str
arena_printf(struct arena *a, const char *fmt, ...)
{
	struct str s;
	va_list ap;

	va_start(ap, fmt);
	s = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return s;
}

struct str
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	char tmp[1024];
	int n;

	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(tmp))
		n = (int)sizeof(tmp) - 1;
	return (struct str){ arena_strndup(a, tmp, (size_t)n), (size_t)n };
}
