/*
 * holiday.c - holidays kept sorted by day; covered years in a bit set.
 */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/ckd.h"
#include "core/holiday.h"
#include "base/banned.h"

#define NYEARS	(DATE_MAX_YEAR - DATE_MIN_YEAR + 1)

struct cal {
	struct arena	*a;
	struct holiday	*h;		/* sorted by day, unique days */
	size_t		 n;
	size_t		 cap;
	unsigned char	 years[(NYEARS + 7) / 8];
};

struct cal *
cal_new(struct arena *a)
{
	struct cal *c = arena_alloc(a, sizeof(*c));

	c->a = a;
	return c;
}

static void
year_set(unsigned char *set, int y)
{
	int i = y - DATE_MIN_YEAR;

	set[i / 8] |= (unsigned char)(1u << (i % 8));
}

bool
cal_covers(const struct cal *c, int y)
{
	int i = y - DATE_MIN_YEAR;

	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return false;
	return (c->years[i / 8] >> (i % 8)) & 1;
}

bool
cal_range(const struct cal *c, int *lo, int *hi)
{
	int first = 0, last = 0;

	for (int y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++)
		if (cal_covers(c, y)) {
			if (first == 0)
				first = y;
			last = y;
		}
	if (first == 0)
		return false;
	*lo = first;
	*hi = last;
	return true;
}

static int
cmp_day(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	/* A day listed twice: libur sorts before cuti and is kept. */
	return (int)x->kind - (int)y->kind;
}

/* One parsed file, before it is merged. */
struct pending {
	struct holiday	*h;
	size_t		 n, cap;
	unsigned char	 years[(NYEARS + 7) / 8];
	int		 year;		/* the `year:` line, 0 if none */
	struct str	 source;
};

static void
pending_add(struct arena *a, struct pending *p, const struct holiday *h)
{
	if (p->n == p->cap) {
		size_t ncap = p->cap == 0 ? 32 : p->cap * 2;

		p->h = arena_grow(a, p->h, p->n, ncap, sizeof(*p->h));
		p->cap = ncap;
	}
	p->h[p->n++] = *h;
}

static struct str
next_line(const char *text, size_t len, size_t *pos)
{
	size_t s = *pos, e = s;

	while (e < len && text[e] != '\n')
		e++;
	*pos = e < len ? e + 1 : e;
	return (struct str){ text + s, e - s };
}

static enum sel_err
parse_year_line(struct str v, unsigned line, struct pending *p,
    struct diag *d)
{
	int64_t y;

	if (parse_i64(str_trim(v), DATE_MIN_YEAR, DATE_MAX_YEAR, &y) != SEL_OK)
		return diag_set(d, line, "year: expected a year from %d to %d",
		    DATE_MIN_YEAR, DATE_MAX_YEAR);
	if (p->year != 0 && p->year != (int)y)
		return diag_set(d, line, "year: a second, different year");
	p->year = (int)y;
	year_set(p->years, (int)y);
	return SEL_OK;
}

/* "YYYY-MM-DD [libur|cuti] name [tag]" */
static enum sel_err
parse_day_line(struct str l, unsigned line, enum cal_mode mode,
    struct pending *p, struct holiday *h, struct diag *d)
{
	struct str rest;

	memset(h, 0, sizeof(*h));
	if (l.len < 10 || date_parse((struct str){ l.p, 10 }, &h->day) !=
	    SEL_OK)
		return diag_set(d, line, "expected a date YYYY-MM-DD that "
		    "exists at the start of the line");
	if (l.len > 10 && l.p[10] != ' ' && l.p[10] != '\t')
		return diag_set(d, line, "expected a space after the date");
	rest = str_trim((struct str){ l.p + 10, l.len - 10 });
	h->kind = HOL_LIBUR;
	if (str_starts(rest, "libur ") || str_eqc(rest, "libur")) {
		rest = str_trim((struct str){ rest.p + 5, rest.len - 5 });
	} else if (str_starts(rest, "cuti ") || str_eqc(rest, "cuti")) {
		h->kind = HOL_CUTI;
		rest = str_trim((struct str){ rest.p + 4, rest.len - 4 });
	} else if (mode == CAL_STRICT) {
		return diag_set(d, line, "expected \"libur\" or \"cuti\" "
		    "after the date");
	}
	/* A trailing "[...]" is the line's own legal basis or caveat. */
	h->source = p->source;
	if (rest.len > 0 && rest.p[rest.len - 1] == ']') {
		size_t i = rest.len - 1;

		while (i > 0 && rest.p[i] != '[')
			i--;
		if (rest.p[i] != '[')
			return diag_set(d, line, "a \"]\" without its \"[\"");
		h->source = (struct str){ rest.p + i + 1, rest.len - i - 2 };
		h->unverified = str_casecontains(h->source, STR("UNVERIFIED"));
		rest = str_trim((struct str){ rest.p, i });
	}
	h->name = rest;
	if (mode == CAL_STRICT && rest.len == 0)
		return diag_set(d, line, "the holiday has no name");
	if (mode == CAL_STRICT) {
		if (p->year == 0 || p->source.len == 0)
			return diag_set(d, line, "a date before the file's "
			    "\"year:\" and \"source:\" lines");
		if (date_year(h->day) != p->year)
			return diag_set(d, line, "the date is not in the "
			    "file's year %d", p->year);
	}
	year_set(p->years, date_year(h->day));
	return SEL_OK;
}

enum sel_err
cal_load(struct cal *c, const char *text, size_t len, enum cal_mode mode,
    struct diag *d)
{
	struct pending p;
	size_t pos = 0, total;
	unsigned line = 0;

	memset(&p, 0, sizeof(p));
	while (pos < len) {
		struct str l = next_line(text, len, &pos), t;
		struct holiday h;
		enum sel_err rc;

		line++;
		t = str_trim(l);
		if (t.len == 0 || t.p[0] == '#')
			continue;
		if (memchr(t.p, '\0', t.len) != NULL)
			return diag_set(d, line, "a NUL byte in the text");
		if (str_starts(t, "year:")) {
			rc = parse_year_line((struct str){ t.p + 5,
			    t.len - 5 }, line, &p, d);
		} else if (str_starts(t, "source:")) {
			p.source = str_trim((struct str){ t.p + 7,
			    t.len - 7 });
			rc = p.source.len == 0 ? diag_set(d, line,
			    "source: the legal source is empty") : SEL_OK;
		} else if (str_starts(t, "notes:")) {
			rc = SEL_OK;
		} else {
			rc = parse_day_line(t, line, mode, &p, &h, d);
			if (rc == SEL_OK)
				pending_add(c->a, &p, &h);
		}
		if (rc != SEL_OK)
			return rc;
	}
	if (mode == CAL_STRICT && (p.year == 0 || p.source.len == 0))
		return diag_set(d, line, "the file lacks its \"year:\" or "
		    "\"source:\" line");
	for (int y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++) {
		int i = y - DATE_MIN_YEAR;

		if (((p.years[i / 8] >> (i % 8)) & 1) && cal_covers(c, y))
			return diag_set(d, 0, "year %d is already loaded "
			    "from another file", y);
	}
	/* Merge: append, sort, drop repeated days (libur kept). */
	if (ckd_add(&total, c->n, p.n))
		return SEL_ERANGE;
	if (total > c->cap) {
		c->h = arena_grow(c->a, c->h, c->n, total, sizeof(*c->h));
		c->cap = total;
	}
	if (p.n > 0)
		memcpy(c->h + c->n, p.h, p.n * sizeof(*p.h));
	c->n = total;
	qsort(c->h, c->n, sizeof(*c->h), cmp_day);
	if (c->n > 1) {
		size_t w = 1;

		for (size_t r = 1; r < c->n; r++)
			if (c->h[r].day != c->h[w - 1].day)
				c->h[w++] = c->h[r];
		c->n = w;
	}
	for (size_t i = 0; i < sizeof(c->years); i++)
		c->years[i] |= p.years[i];
	return SEL_OK;
}

const struct holiday *
cal_find(const struct cal *c, sel_date day)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->h[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n && c->h[lo].day == day ? &c->h[lo] : NULL;
}

enum sel_err
cal_is_working(const struct cal *c, sel_date day, bool *out, int *year_out)
{
	int y = date_year(day);

	if (!cal_covers(c, y)) {
		if (year_out != NULL)
			*year_out = y;
		return SEL_ENOENT;
	}
	*out = date_weekday(day) < 5 && cal_find(c, day) == NULL;
	return SEL_OK;
}

enum sel_err
cal_count_working(const struct cal *c, sel_date from, sel_date to, int *out,
    int *year_out)
{
	int n = 0;

	for (sel_date z = from; z <= to; z++) {
		bool w;
		enum sel_err rc = cal_is_working(c, z, &w, year_out);

		if (rc != SEL_OK)
			return rc;
		n += w;
	}
	*out = n;
	return SEL_OK;
}

enum sel_err
cal_add_working(const struct cal *c, sel_date from, int k, sel_date *out,
    int *year_out)
{
	sel_date z = from;
	bool w;
	enum sel_err rc;

	if (k == 0) {
		for (;; z++) {
			rc = cal_is_working(c, z, &w, year_out);
			if (rc != SEL_OK)
				return rc;
			if (w)
				break;
		}
		*out = z;
		return SEL_OK;
	}
	while (k > 0) {
		z++;
		rc = cal_is_working(c, z, &w, year_out);
		if (rc != SEL_OK)
			return rc;
		k -= w;
	}
	*out = z;
	return SEL_OK;
}
