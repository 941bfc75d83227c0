/*
 * str.h - string slices (pointer, length) and number parsing.
 *
 * A struct str never owns its bytes: the arena or buffer it points into
 * does.  It need not be NUL-terminated.  parse_* functions read the whole
 * slice or fail; they never touch *out on failure.
 */
#ifndef SELTER_BASE_STR_H
#define SELTER_BASE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/err.h"

struct str {
	const char	*p;
	size_t		 len;
};

#define STR(lit)	((struct str){ (lit), sizeof(lit) - 1 })
#define STR_NULL	((struct str){ NULL, 0 })

struct str	str_c(const char *);		/* NULL gives STR_NULL */
bool		str_eq(struct str, struct str);
bool		str_eqc(struct str, const char *);
int		str_cmp(struct str, struct str);	/* bytewise, as memcmp */
static inline bool str_caseeq(struct str, struct str);	/* ASCII case */
/* True when needle occurs in hay, ignoring ASCII case. */
bool		str_casecontains(struct str hay, struct str needle);
bool		str_starts(struct str, const char *prefix);
/* Without leading and trailing space, tab, CR and LF. */
static inline struct str str_trim(struct str);

/*
 * Appends printf-style text to dst[0..size) at *off, never past the end
 * (the text is cut there) and keeps dst NUL-terminated; *off stays below
 * size.  For short messages built from several parts.
 */
void		str_appendf(char *dst, size_t size, size_t *off,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Length of the longest prefix of p[0..n) that a JSON string holds as it
 * is: no '"', no '\\', no control byte below 0x20, and when ascii is true
 * no byte from 0x80 either.  The JSON reader (jscan.c) and writer
 * (json_escape) spend most of their time here, so it tests eight bytes at
 * a time with the "has a zero byte" trick.  Every byte it looks for is
 * below 0x80, so "& ~w" serves the three tests at once, and a borrow that
 * flags a byte wrongly starts at a true hit below it: the lowest flag is
 * exact.
 */
static inline size_t
str_json_plain(const char *p, size_t n, bool ascii)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = UINT64_C(0x8080808080808080);
	size_t i = 0;

#if defined(__SSE2__)
	/*
	 * Sixteen at a time where the machine has it (every x86-64): most
	 * strings end within the first sixteen bytes, so the loop's exit is
	 * predictable.  A signed "below 0x20" also takes the bytes from 0x80,
	 * which the non-ASCII reading lets through again.
	 */
	for (; i + 16 <= n; i += 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)
		    (p + i));
		__m128i hit = _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(w, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))),
		    _mm_cmplt_epi8(w, _mm_set1_epi8(0x20)));
		unsigned m = (unsigned)_mm_movemask_epi8(hit);

		if (!ascii)
			m &= ~(unsigned)_mm_movemask_epi8(w);
		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; i + 8 <= n; i += 8) {
		uint64_t w, q, b, hit;

		memcpy(&w, p + i, 8);
		q = w ^ (ones * '"');
		b = w ^ (ones * '\\');
		hit = ((w - ones * 0x20) | (q - ones) | (b - ones)) & ~w;
		hit = (hit & high) | (ascii ? w & high : 0);
		if (hit != 0)
			return i + (size_t)__builtin_ctzll(hit) / 8;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x20 || c == '"' || c == '\\' || (ascii && c >= 0x80))
			break;
	}
	return i;
}

/* Inline: the rules compare fields and provinces for every candidate. */
static inline bool
str_caseeq(struct str a, struct str b)
{
	if (a.len != b.len)
		return false;
	for (size_t i = 0; i < a.len; i++) {
		unsigned char x = (unsigned char)a.p[i];
		unsigned char y = (unsigned char)b.p[i];

		/* Equal, or the same letter in two cases. */
		if (x != y && ((x | 0x20) != (y | 0x20) ||
		    (unsigned)((x | 0x20) - 'a') > 25))
			return false;
	}
	return true;
}

static inline bool
str_space_(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static inline struct str
str_trim(struct str s)
{
	while (s.len > 0 && str_space_(s.p[0])) {
		s.p++;
		s.len--;
	}
	while (s.len > 0 && str_space_(s.p[s.len - 1]))
		s.len--;
	return s;
}

/* Decimal integer in [min, max], optional leading '-'. */
enum sel_err	parse_i64(struct str, int64_t min, int64_t max,
		    int64_t *out);
/*
 * A decimal number with at most `decimals` fractional digits, scaled by
 * 10^decimals: "78.5" with 2 gives 7850.  No exponent, no leading '+'.
 */
enum sel_err	parse_fixed(struct str, int decimals, int64_t *out);

#endif
