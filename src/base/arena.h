/*
 * arena.h - bump allocator; everything it hands out dies with it.
 *
 * Each CLI command, each batch line and (later) each HTTP request owns one
 * arena.  Allocation failure aborts here and nowhere else, so callers never
 * test for NULL.  arena_reset() keeps the first block for reuse, so a loop
 * that resets per item does not grow.
 */
#ifndef SELTER_BASE_ARENA_H
#define SELTER_BASE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena	*arena_new(size_t block_size);
void		 arena_destroy(struct arena *);
void		 arena_reset(struct arena *);

/* Zeroed, aligned for any object.  n == 0 returns a valid unique pointer. */
void		*arena_alloc(struct arena *, size_t n);
/* As arena_alloc, not zeroed: the caller writes every byte. */
void		*arena_alloc_raw(struct arena *, size_t n);
/* count * size with overflow check (aborts on overflow, like OOM). */
void		*arena_array(struct arena *, size_t count, size_t size);
/* A NUL-terminated copy of p[0..n). */
char		*arena_strndup(struct arena *, const char *p, size_t n);
/* Grows an arena array: copies the old contents into a new one. */
void		*arena_grow(struct arena *, void *old, size_t old_count,
		    size_t new_count, size_t size);

/* printf into the arena: a NUL-terminated string of at most 1023 bytes
 * (longer text is cut), returned as a slice. */
struct str;
struct str	 arena_printf(struct arena *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
struct str	 arena_vprintf(struct arena *, const char *fmt, va_list)
		    __attribute__((format(printf, 2, 0)));

/* Bytes handed out since creation or the last reset (for tests). */
size_t		 arena_used(const struct arena *);

/* The one out-of-memory policy: print and abort. */
_Noreturn void	 sel_oom(size_t n);
void		*xmalloc(size_t n);
void		*xrealloc(void *p, size_t n);

#endif
