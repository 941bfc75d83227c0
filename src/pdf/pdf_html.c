/*
 * pdf_html.c - the page builder's HTML of a document read as blocks of
 * plain text for the PDF.  Only the builder's own vocabulary is read
 * (p, h1-h6, ul/ol/li, dl/dt/dd, table/caption/tr/th/td, strong/b, br;
 * every other tag is transparent); text has its entities decoded and
 * stays text: nothing of it is ever read as markup downstream.
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "pdf/pdf.h"
#include "base/banned.h"

struct rd {
	struct arena	*ar;
	struct pdf_block *b;
	size_t		 nb, capb;
	/* the text being gathered */
	struct buf	 t;
	struct pdf_span	*sp;
	size_t		 nsp, capsp;
	size_t		 bold_from;
	int		 bold;
	bool		 pre, space, open, th;
	enum pdf_bk	 kind;
	bool		 sign;
	/* the row being gathered */
	struct pdf_cell	*cells;
	size_t		 ncells, capcells;
	bool		 in_row, in_cell;
	int		 table;
};

static bool
tag_is(struct str name, const char *s)
{
	return str_eqc(name, s);
}

static struct pdf_cell
take(struct rd *r)
{
	struct pdf_cell c;
	size_t len = r->t.len;

	if (r->bold > 0 && r->bold_from < len) {
		r->sp = arena_grow(r->ar, r->sp, r->nsp, r->nsp + 1,
		    sizeof *r->sp);
		r->sp[r->nsp++] = (struct pdf_span){ r->bold_from, len };
	}
	while (len > 0 && r->t.p[len - 1] == ' ')
		len--;
	memset(&c, 0, sizeof c);
	c.text = (struct str){ arena_strndup(r->ar, r->t.p != NULL ? r->t.p :
	    "", len), len };
	c.bold = r->sp;
	c.nbold = r->nsp;
	for (size_t i = 0; i < c.nbold; i++)
		if (c.bold[i].to > len)
			c.bold[i].to = len;
	c.head = r->th;
	r->sp = NULL;
	r->nsp = 0;
	r->bold_from = 0;
	buf_reset(&r->t);
	r->space = false;
	return c;
}

static void
push(struct rd *r, enum pdf_bk kind, struct pdf_cell *c, size_t nc)
{
	if (r->nb == r->capb) {
		size_t cap = r->capb == 0 ? 32 : r->capb * 2;

		r->b = arena_grow(r->ar, r->b, r->nb, cap, sizeof *r->b);
		r->capb = cap;
	}
	r->b[r->nb++] = (struct pdf_block){ kind, c, nc, r->table, r->sign };
}

/* Ends the text block being gathered (outside a table's cell). */
static void
flush(struct rd *r)
{
	if (r->in_cell)
		return;
	if (r->t.len > 0) {
		struct pdf_cell *c = arena_alloc(r->ar, sizeof *c);

		*c = take(r);
		if (c->text.len > 0)
			push(r, r->kind, c, 1);
	}
	r->kind = PB_PARA;
	r->sign = false;
	r->pre = false;
	r->open = false;
}

static void
text(struct rd *r, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = p[i];

		if (!r->pre && (ch == ' ' || ch == '\n' || ch == '\t' ||
		    ch == '\r')) {
			if (r->t.len > 0 && !r->space)
				buf_put(&r->t, " ", 1);
			r->space = true;
			continue;
		}
		buf_put(&r->t, &ch, 1);
		r->space = ch == '\n';
	}
}

static void
utf8(struct rd *r, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	text(r, u, n);
}

/* An entity at p (after '&'); returns the bytes it took, 0: not one. */
static size_t
entity(struct rd *r, const char *p, size_t n)
{
	static const struct { const char *name; char ch; } named[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' }, { "nbsp;", ' ' },
	};
	uint32_t cp = 0;
	size_t i = 1;
	bool hex;

	for (size_t k = 0; k < sizeof named / sizeof *named; k++) {
		size_t l = strlen(named[k].name);

		if (n >= l && memcmp(p, named[k].name, l) == 0) {
			text(r, &named[k].ch, 1);
			return l;
		}
	}
	if (n < 3 || p[0] != '#')
		return 0;
	hex = p[1] == 'x' || p[1] == 'X';
	i = hex ? 2 : 1;
	for (; i < n && i < 10 && p[i] != ';'; i++) {
		char c = p[i];
		uint32_t d;

		if (c >= '0' && c <= '9')
			d = (uint32_t)(c - '0');
		else if (hex && c >= 'a' && c <= 'f')
			d = (uint32_t)(c - 'a' + 10);
		else if (hex && c >= 'A' && c <= 'F')
			d = (uint32_t)(c - 'A' + 10);
		else
			return 0;
		cp = cp * (hex ? 16 : 10) + d;
	}
	if (i >= n || p[i] != ';')
		return 0;
	utf8(r, cp);
	return i + 1;
}

static void
row_end(struct rd *r)
{
	if (r->in_row && r->ncells > 0)
		push(r, PB_ROW, r->cells, r->ncells);
	r->cells = NULL;
	r->ncells = r->capcells = 0;
	r->in_row = false;
}

static void
cell_end(struct rd *r)
{
	if (!r->in_cell)
		return;
	r->in_cell = false;
	if (r->ncells == r->capcells) {
		size_t cap = r->capcells == 0 ? 8 : r->capcells * 2;

		r->cells = arena_grow(r->ar, r->cells, r->ncells, cap,
		    sizeof *r->cells);
		r->capcells = cap;
	}
	r->cells[r->ncells++] = take(r);
	r->th = false;
}

static void
bold(struct rd *r, bool on)
{
	if (on) {
		if (r->bold++ == 0)
			r->bold_from = r->t.len;
		return;
	}
	if (r->bold == 0 || --r->bold > 0)
		return;
	if (r->t.len > r->bold_from) {
		r->sp = arena_grow(r->ar, r->sp, r->nsp, r->nsp + 1,
		    sizeof *r->sp);
		r->sp[r->nsp++] = (struct pdf_span){ r->bold_from, r->t.len };
	}
}

static void
tag(struct rd *r, struct str name, struct str attrs, bool close)
{
	bool block = name.len == 2 && name.p[0] == 'h' && name.p[1] >= '1' &&
	    name.p[1] <= '6';

	if (tag_is(name, "br")) {
		buf_put(&r->t, "\n", 1);
		r->space = true;
		return;
	}
	if (tag_is(name, "strong") || tag_is(name, "b")) {
		bold(r, !close);
		return;
	}
	if (tag_is(name, "tr")) {
		cell_end(r);
		if (!close) {
			flush(r);
			r->in_row = true;
		} else
			row_end(r);
		return;
	}
	if (tag_is(name, "td") || tag_is(name, "th")) {
		cell_end(r);
		if (!close && r->in_row) {
			r->in_cell = true;
			r->th = tag_is(name, "th");
			buf_reset(&r->t);
			r->space = false;
		}
		return;
	}
	if (tag_is(name, "table")) {
		flush(r);
		if (close)
			r->table++;
		return;
	}
	if (!(block || tag_is(name, "p") || tag_is(name, "li") ||
	    tag_is(name, "dt") || tag_is(name, "dd") ||
	    tag_is(name, "caption") || tag_is(name, "ul") ||
	    tag_is(name, "ol") || tag_is(name, "dl") || tag_is(name, "div")))
		return;
	flush(r);
	if (close)
		return;
	r->open = true;
	if (block)
		r->kind = PB_HEAD;
	else if (tag_is(name, "caption"))
		r->kind = PB_CAPTION;
	else if (tag_is(name, "li"))
		r->kind = PB_ITEM;
	if (tag_is(name, "p")) {
		if (str_casecontains(attrs, STR("class=\"small")))
			r->kind = PB_SMALL;
		r->pre = str_casecontains(attrs, STR("\"pre\""));
		r->sign = str_casecontains(attrs, STR("\"sign\""));
	}
}

void
pdf_html_blocks(struct arena *ar, struct str h, struct pdf_block **out,
    size_t *n)
{
	struct rd r;
	size_t i = 0;

	memset(&r, 0, sizeof r);
	r.ar = ar;
	r.kind = PB_PARA;
	buf_init(&r.t, 1 << 20);
	while (i < h.len) {
		const char *p = h.p + i;
		size_t rest = h.len - i;

		if (*p == '&') {
			size_t k = entity(&r, p + 1, rest - 1);

			if (k == 0)
				text(&r, p, 1);
			i += 1 + k;
			continue;
		}
		if (*p != '<') {
			size_t k = 0;

			while (k < rest && p[k] != '<' && p[k] != '&')
				k++;
			text(&r, p, k);
			i += k;
			continue;
		}
		/* a tag: <name attrs> or </name> */
		const char *e = memchr(p, '>', rest);
		bool close = rest > 1 && p[1] == '/';
		size_t s = close ? 2 : 1, k = s;

		if (e == NULL)
			break;
		while (p + k < e && ((p[k] >= 'a' && p[k] <= 'z') ||
		    (p[k] >= '0' && p[k] <= '9')))
			k++;
		tag(&r, (struct str){ p + s, k - s }, (struct str){ p + k,
		    (size_t)(e - (p + k)) }, close);
		i = (size_t)(e - h.p) + 1;
	}
	cell_end(&r);
	row_end(&r);
	r.in_cell = false;
	flush(&r);
	buf_release(&r.t);
	*out = r.b;
	*n = r.nb;
}
