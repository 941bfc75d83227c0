/*
 * html.c - escaping into the page's bounded buffer.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "web/html.h"
#include "base/banned.h"

static const char *const entity[256] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
	['"'] = "&quot;", ['\''] = "&#39;",
};

void
page_init(struct page *p, size_t max)
{
	buf_init(&p->b, max);
}

void
page_release(struct page *p)
{
	buf_release(&p->b);
}

void
h_lit_(struct page *p, const char *lit, size_t n)
{
	buf_put(&p->b, lit, n);
}

void
h_text(struct page *p, struct str s)
{
	size_t run = 0;

	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];
		const char *e = entity[c];

		/* Control characters other than tab and newlines are dropped. */
		if (e == NULL && (c >= 0x20 || c == '\t' || c == '\n' ||
		    c == '\r') && c != 0x7f)
			continue;
		buf_put(&p->b, s.p + run, i - run);
		if (e != NULL)
			buf_puts(&p->b, e);
		run = i + 1;
	}
	buf_put(&p->b, s.p + run, s.len - run);
}

void
h_textc(struct page *p, const char *s)
{
	h_text(p, str_c(s));
}

void
h_textf(struct page *p, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	h_text(p, (struct str){ tmp, (size_t)n < sizeof tmp ? (size_t)n :
	    sizeof tmp - 1 });
}

void
h_int(struct page *p, int64_t v)
{
	buf_printf(&p->b, "%" PRId64, v);
}

void
h_attr_(struct page *p, const char *name, size_t n, struct str v)
{
	buf_putc(&p->b, ' ');
	buf_put(&p->b, name, n);
	buf_put(&p->b, "=\"", 2);
	h_text(p, v);
	buf_putc(&p->b, '"');
}

void
h_attr_int_(struct page *p, const char *name, size_t n, int64_t v)
{
	buf_putc(&p->b, ' ');
	buf_put(&p->b, name, n);
	buf_printf(&p->b, "=\"%" PRId64 "\"", v);
}

void
h_stored(struct page *p, struct str html)
{
	buf_put(&p->b, html.p, html.len);
}

void
h_date(struct page *p, sel_date d)
{
	date_id(&p->b, d);
}

void
h_date_str(struct page *p, struct str iso)
{
	sel_date d;

	if (iso.len >= 10 && date_parse((struct str){ iso.p, 10 }, &d) ==
	    SEL_OK)
		h_date(p, d);
	else
		h_text(p, iso);
}

void
h_instant(struct page *p, int64_t t, struct str zone)
{
	date_instant_id(&p->b, t, zone);
}

void
h_when(struct page *p, struct str iso, struct str zone)
{
	int64_t t;

	if (date_instant_parse(iso, &t) == SEL_OK)
		date_instant_id(&p->b, t, zone);
	else
		h_date_str(p, iso);
}

void
h_when_day(struct page *p, struct str iso, struct str zone)
{
	int64_t t;

	if (date_instant_parse(iso, &t) == SEL_OK)
		date_instant_day_id(&p->b, t, zone);
	else
		h_date_str(p, iso);
}
