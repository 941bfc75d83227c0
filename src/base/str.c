#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/ckd.h"
#include "base/str.h"
#include "base/banned.h"

struct str
str_c(const char *s)
{
	if (s == NULL)
		return STR_NULL;
	return (struct str){ s, strlen(s) };
}

bool
str_eq(struct str a, struct str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

int
str_cmp(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = n > 0 ? memcmp(a.p, b.p, n) : 0;

	if (c != 0)
		return c;
	return (a.len > b.len) - (a.len < b.len);
}

bool
str_eqc(struct str a, const char *c)
{
	return str_eq(a, str_c(c));
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}


bool
str_casecontains(struct str hay, struct str needle)
{
	size_t n = needle.len;

	if (n == 0)
		return true;
	for (size_t i = 0; i + n <= hay.len; i++) {
		size_t j = 0;

		while (j < n && lower((unsigned char)hay.p[i + j]) ==
		    lower((unsigned char)needle.p[j]))
			j++;
		if (j == n)
			return true;
	}
	return false;
}

bool
str_starts(struct str s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s.len >= n && memcmp(s.p, prefix, n) == 0;
}

enum sel_err
parse_i64(struct str s, int64_t min, int64_t max, int64_t *out)
{
	int64_t v = 0;
	size_t i = 0;
	bool neg = false;

	if (s.len > 0 && s.p[0] == '-') {
		neg = true;
		i = 1;
	}
	if (i == s.len)
		return SEL_EINVAL;
	for (; i < s.len; i++) {
		int d = s.p[i] - '0';

		if (d < 0 || d > 9)
			return SEL_EINVAL;
		if (ckd_mul(&v, v, 10) || ckd_add(&v, v, neg ? -d : d))
			return SEL_ERANGE;
	}
	if (v < min || v > max)
		return SEL_ERANGE;
	*out = v;
	return SEL_OK;
}

enum sel_err
parse_fixed(struct str s, int decimals, int64_t *out)
{
	int64_t v = 0;
	size_t i = 0;
	int frac = -1;		/* digits after '.', -1 before the point */
	bool neg = false, digits = false;

	if (s.len > 0 && s.p[0] == '-') {
		neg = true;
		i = 1;
	}
	for (; i < s.len; i++) {
		char c = s.p[i];

		if (c == '.' && frac < 0 && digits) {
			frac = 0;
			continue;
		}
		if (c < '0' || c > '9')
			return SEL_EINVAL;
		if (frac >= 0 && ++frac > decimals)
			return SEL_EINVAL;
		digits = true;
		if (ckd_mul(&v, v, 10) || ckd_add(&v, v, c - '0'))
			return SEL_ERANGE;
	}
	if (!digits || frac == 0)
		return SEL_EINVAL;
	for (int k = frac < 0 ? 0 : frac; k < decimals; k++)
		if (ckd_mul(&v, v, 10))
			return SEL_ERANGE;
	*out = neg ? -v : v;
	return SEL_OK;
}

void
str_appendf(char *dst, size_t size, size_t *off, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (size == 0 || *off >= size - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(dst + *off, size - *off, fmt, ap);
	va_end(ap);
	if (n < 0)
		dst[*off] = '\0';
	else if ((size_t)n >= size - *off)
		*off = size - 1;
	else
		*off += (size_t)n;
}
