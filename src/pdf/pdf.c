/*
 * pdf.c - the layout of a letter's pages: text in pango layouts (always
 * set as text, never as markup), paragraphs broken between lines across
 * pages, tables with columns shared out by their contents, and the PDF
 * surface written into a buffer with its dates fixed by the letter.
 * Two passes: the first counts the pages ("Halaman 1 dari N"), the
 * second draws.
 */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include "base/arena.h"
#include "pdf/pdf_int.h"
#include "base/banned.h"

#define PAD	3.0		/* a table cell's padding */

PangoLayout *
pdf_layout(struct pctx *c, struct str text, double size, bool bold,
    const struct pdf_span *sp, size_t nsp, double width)
{
	PangoLayout *lo = pango_cairo_create_layout(c->cr);
	PangoFontDescription *fd = pango_font_description_new();
	PangoAttrList *al = pango_attr_list_new();

	pango_font_description_set_family(fd, PDF_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(lo, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(lo, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(lo, PANGO_WRAP_WORD_CHAR);
	}
	/* User text: set as text, so "<b>x</b>" prints as typed. */
	pango_layout_set_text(lo, text.p != NULL ? text.p : "",
	    (int)text.len);
	for (size_t i = 0; i < nsp; i++) {
		PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);

		a->start_index = (guint)sp[i].from;
		a->end_index = (guint)sp[i].to;
		pango_attr_list_insert(al, a);
	}
	pango_layout_set_attributes(lo, al);
	pango_attr_list_unref(al);
	return lo;
}

double
pdf_layout_h(PangoLayout *lo)
{
	int w, h;

	pango_layout_get_size(lo, &w, &h);
	return (double)h / PANGO_SCALE;
}

double
pdf_room(const struct pctx *c)
{
	return PDF_H - PDF_BOTTOM - c->y;
}

void
pdf_page(struct pctx *c)
{
	if (c->page > 0 && c->draw)
		cairo_show_page(c->cr);
	c->page++;
	c->y = PDF_TOP + (c->l->secret_to.len > 0 ? 12 : 0);
	if (c->draw)
		pdf_decorate(c);
}

void
pdf_flow(struct pctx *c, PangoLayout *lo, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(lo);
	double top = c->y;	/* where the layout's y 0 lands */
	double shift = 0;	/* lines moved down by page breaks */

	do {
		PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
		PangoRectangle lr;
		int y0, y1, base;

		pango_layout_iter_get_line_extents(it, NULL, &lr);
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		base = pango_layout_iter_get_baseline(it);
		double ly = top + shift + (double)y0 / PANGO_SCALE;
		double lh = (double)(y1 - y0) / PANGO_SCALE;

		if (ly + lh > PDF_H - PDF_BOTTOM) {
			pdf_page(c);
			shift += c->y - ly;
			ly = c->y;
		}
		if (c->draw) {
			cairo_move_to(c->cr, x + (double)lr.x / PANGO_SCALE,
			    top + shift + (double)base / PANGO_SCALE);
			pango_cairo_show_layout_line(c->cr, ln);
		}
		c->y = ly + lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* ---- tables ---- */

struct table {
	size_t		 ncol;
	double		 w[16];
	double		 size;		/* its text's size */
};

/* The width of text set on one line. */
static double
natural(struct pctx *c, struct str text, double size, bool bold)
{
	PangoLayout *lo = pdf_layout(c, text, size, bold, NULL, 0, 0);
	int w, h;

	pango_layout_get_size(lo, &w, &h);
	g_object_unref(lo);
	return (double)w / PANGO_SCALE;
}

/* The width of its longest word (no line breaks inside one). */
static double
longest_word(struct pctx *c, struct str text, double size, bool bold)
{
	double most = 0;
	size_t i = 0;

	while (i < text.len) {
		size_t k = i;

		while (k < text.len && text.p[k] != ' ' && text.p[k] != '\n')
			k++;
		if (k > i) {
			double w = natural(c, (struct str){ text.p + i, k - i },
			    size, bold);

			if (w > most)
				most = w;
		}
		i = k + 1;
	}
	return most;
}

/*
 * The columns of table t as a browser lays out an automatic table: each
 * at least its longest word, the room left shared out by how much more
 * each would take on one line; the whole width of the text.
 */
static void
table_widths(struct pctx *c, const struct pdf_block *b, size_t nb, int t,
    struct table *tb)
{
	double avail = PDF_W - PDF_LEFT - PDF_RIGHT, mn[16], nat[16];
	double smin = 0, snat = 0;

	memset(tb, 0, sizeof *tb);
	memset(mn, 0, sizeof mn);
	memset(nat, 0, sizeof nat);
	for (size_t i = 0; i < nb; i++)
		if (b[i].kind == PB_ROW && b[i].table == t && b[i].nc > tb->ncol)
			tb->ncol = b[i].nc < 16 ? b[i].nc : 16;
	tb->size = tb->ncol >= 7 ? PDF_BODY - 2 : PDF_BODY - 1;
	for (size_t i = 0; i < nb; i++) {
		if (b[i].kind != PB_ROW || b[i].table != t)
			continue;
		for (size_t k = 0; k < b[i].nc && k < 16; k++) {
			const struct pdf_cell *x = &b[i].c[k];
			double w = natural(c, x->text, tb->size, x->head);
			/* one word: its longest is itself (the same layout) */
			double m = x->text.len == 0 ? 0 :
			    memchr(x->text.p, ' ', x->text.len) == NULL &&
			    memchr(x->text.p, '\n', x->text.len) == NULL ? w :
			    longest_word(c, x->text, tb->size, x->head);

			nat[k] = fmax(nat[k], w + 2 * PAD + 1);
			mn[k] = fmax(mn[k], m + 2 * PAD + 1);
		}
	}
	for (size_t k = 0; k < tb->ncol; k++) {
		smin += mn[k];
		snat += nat[k];
	}
	for (size_t k = 0; k < tb->ncol; k++) {
		if (smin >= avail)		/* words must break */
			tb->w[k] = mn[k] * avail / smin;
		else if (snat <= avail)		/* all on one line: spread */
			tb->w[k] = nat[k] + (avail - snat) * nat[k] / snat;
		else
			tb->w[k] = mn[k] + (avail - smin) * (nat[k] - mn[k]) /
			    (snat - smin);
	}
}

/* slot: the row's layouts, made when measuring and kept for drawing
   (the same layouts: the same bytes, half the shaping). */
static void
table_row(struct pctx *c, const struct pdf_block *b, const struct table *tb,
    PangoLayout **lo)
{
	double h = 0, x = PDF_LEFT;
	size_t n = b->nc < tb->ncol ? b->nc : tb->ncol;
	bool head = n > 0 && b->c[0].head && (n < 2 || b->c[1].head);

	for (size_t k = 0; k < n; k++) {
		if (lo[k] == NULL)
			lo[k] = pdf_layout(c, b->c[k].text, tb->size,
			    b->c[k].head, b->c[k].bold, b->c[k].nbold,
			    tb->w[k] - 2 * PAD);
		h = fmax(h, pdf_layout_h(lo[k]) + 2 * PAD);
	}
	if (h > pdf_room(c))
		pdf_page(c);
	for (size_t k = 0; k < n; k++) {
		if (c->draw) {
			cairo_rectangle(c->cr, x, c->y, tb->w[k], h);
			if (head) {
				cairo_set_source_rgb(c->cr, 0.9, 0.9, 0.9);
				cairo_fill_preserve(c->cr);
			}
			cairo_set_source_rgb(c->cr, 0, 0, 0);
			cairo_set_line_width(c->cr, 0.5);
			cairo_stroke(c->cr);
			cairo_move_to(c->cr, x + PAD, c->y + PAD);
			pango_cairo_show_layout(c->cr, lo[k]);
		}
		x += tb->w[k];
		if (c->draw) {
			g_object_unref(lo[k]);
			lo[k] = NULL;
		}
	}
	c->y += h;
}

/* ---- the body ---- */

static void
block(struct pctx *c, const struct pdf_block *b, const struct pdf_block *prev)
{
	double width = PDF_W - PDF_LEFT - PDF_RIGHT, x = PDF_LEFT;
	double size = PDF_BODY, before = 5;
	bool bold = false;
	PangoLayout *lo;

	switch (b->kind) {
	case PB_HEAD:
		size = PDF_BODY + 1;
		bold = true;
		before = 10;
		break;
	case PB_CAPTION:
		size = PDF_BODY - 1;
		bold = true;
		before = 6;
		break;
	case PB_ITEM:
		x += 14;
		width -= 14;
		before = prev != NULL && prev->kind == PB_ITEM ? 2 : 5;
		break;
	case PB_SMALL:
		size = PDF_BODY - 2;
		break;
	default:
		break;
	}
	c->y += before;
	lo = pdf_layout(c, b->c[0].text, size, bold, b->c[0].bold,
	    b->c[0].nbold, width);
	/* A heading stays with the first lines after it. */
	if (b->kind == PB_HEAD && pdf_room(c) < pdf_layout_h(lo) + 40)
		pdf_page(c);
	if (b->kind == PB_ITEM) {
		PangoLayout *dot = pdf_layout(c, STR("\xe2\x80\xa2"), size,
		    false, NULL, 0, 0);

		if (pdf_room(c) < 14)
			pdf_page(c);
		if (c->draw) {
			cairo_move_to(c->cr, x - 10, c->y);
			pango_cairo_show_layout(c->cr, dot);
		}
		g_object_unref(dot);
	}
	pdf_flow(c, lo, x);
	g_object_unref(lo);
}

/* The tables' column widths, computed once for both passes. */
struct widths {
	struct table	*tb;
	bool		*known;
	int		 n;
	PangoLayout	**lo;		/* 16 a block: a row's cells' */
};

static void
pages(struct pctx *c, const struct pdf_block *b, size_t nb,
    struct widths *tw)
{
	struct table tb;
	int t = -1;

	c->page = 0;
	pdf_page(c);
	pdf_kop(c);
	pdf_heading(c);
	for (size_t i = 0; i < nb; i++) {
		if (b[i].sign)		/* drawn by pdf_signature */
			continue;
		if (b[i].kind != PB_ROW) {
			block(c, &b[i], i > 0 ? &b[i - 1] : NULL);
			t = -1;
			continue;
		}
		if (b[i].table != t) {
			t = b[i].table;
			if (t >= 0 && t < tw->n && tw->known[t])
				tb = tw->tb[t];
			else
				table_widths(c, b, nb, t, &tb);
			if (t >= 0 && t < tw->n) {
				tw->tb[t] = tb;
				tw->known[t] = true;
			}
			c->y += 4;
		}
		table_row(c, &b[i], &tb, tw->lo + 16 * i);
	}
	pdf_signature(c);
}

static cairo_status_t
put(void *closure, const unsigned char *data, unsigned int n)
{
	struct buf *out = closure;

	buf_put(out, (const char *)data, n);
	return out->err == SEL_OK ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/* "2026-08-15T03:00:00Z" as cairo reads it (ISO 8601); "" stays "". */
static void
meta_date(cairo_surface_t *s, cairo_pdf_metadata_t m, struct str iso)
{
	char d[32];

	if (iso.len == 0 || iso.len >= sizeof d)
		return;
	memcpy(d, iso.p, iso.len);
	d[iso.len] = '\0';
	cairo_pdf_surface_set_metadata(s, m, d);
}

static void
meta(cairo_surface_t *s, cairo_pdf_metadata_t m, struct str v)
{
	char *z = g_strndup(v.p != NULL ? v.p : "", v.len);

	cairo_pdf_surface_set_metadata(s, m, z);
	g_free(z);
}

enum sel_err
pdf_render(const struct pdf_letter *l, struct buf *out)
{
	struct arena *ar = arena_new(64 * 1024);
	struct pdf_block *b = NULL;
	size_t nb = 0;
	cairo_surface_t *s;
	struct pctx c;
	struct widths tw = { NULL, NULL, 0, NULL };
	enum sel_err rc = SEL_OK;

	if (l->plain) {
		struct pdf_cell *cell = arena_alloc(ar, sizeof *cell);

		cell->text = l->html;
		b = arena_alloc(ar, sizeof *b);
		*b = (struct pdf_block){ PB_PARA, cell, 1, 0, false };
		nb = 1;
	} else
		pdf_html_blocks(ar, l->html, &b, &nb);
	s = cairo_pdf_surface_create_for_stream(put, out, PDF_W, PDF_H);
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	meta(s, CAIRO_PDF_METADATA_TITLE, l->title);
	meta(s, CAIRO_PDF_METADATA_AUTHOR, l->agency);
	meta(s, CAIRO_PDF_METADATA_CREATOR, STR("selter"));
	meta_date(s, CAIRO_PDF_METADATA_CREATE_DATE, l->created);
	meta_date(s, CAIRO_PDF_METADATA_MOD_DATE, l->created);
	memset(&c, 0, sizeof c);
	c.l = l;
	c.cr = cairo_create(s);
	for (size_t i = 0; i < nb; i++)
		if (b[i].kind == PB_ROW && b[i].table >= tw.n)
			tw.n = b[i].table + 1;
	tw.tb = arena_array(ar, (size_t)tw.n + 1, sizeof *tw.tb);
	tw.known = arena_array(ar, (size_t)tw.n + 1, sizeof *tw.known);
	tw.lo = arena_array(ar, 16 * nb + 1, sizeof *tw.lo);
	c.draw = false;
	pages(&c, b, nb, &tw);
	c.npages = c.page;
	c.draw = true;
	pages(&c, b, nb, &tw);
	cairo_show_page(c.cr);
	for (size_t i = 0; i < 16 * nb; i++)
		if (tw.lo[i] != NULL)
			g_object_unref(tw.lo[i]);
	if (cairo_status(c.cr) != CAIRO_STATUS_SUCCESS)
		rc = SEL_EINTERNAL;
	cairo_destroy(c.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		rc = SEL_EINTERNAL;
	cairo_surface_destroy(s);
	arena_destroy(ar);
	if (out->err != SEL_OK)
		rc = SEL_EINTERNAL;
	return rc;
}

void
pdf_init(void)
{
	(void)FcInit();
}

void
pdf_shutdown(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}

/*
 * For the ThreadSanitizer build only: pango (1.50) matches
 * fonts and loads fontconfig on threads of its own ("[pango] FcInit",
 * "[pango] FcFontSetMatch") and waits for them with GLib's mutexes and
 * conditions, which are futexes ThreadSanitizer does not see.  It would
 * report those libraries' own memory as raced and GLib's locks as
 * misused (and cairo's font cache locks, taken and released inside each
 * call, in a cycle with whatever the caller holds); these suppressions
 * name only those libraries (never a frame
 * of selter's), and the reports of selter's own code stay on.
 */
#if defined(__SANITIZE_THREAD__)
const char	*__tsan_default_suppressions(void);

const char *
__tsan_default_suppressions(void)
{
	return "called_from_lib:libfontconfig.so.1\n"
	    "called_from_lib:libpangoft2-1.0.so.0\n"
	    "called_from_lib:libpango-1.0.so.0\n"
	    "called_from_lib:libpangocairo-1.0.so.0\n"
	    "called_from_lib:libharfbuzz.so.0\n"
	    "called_from_lib:libfreetype.so.6\n"
	    "race:libfontconfig.so.1\n"
	    "race:libpangoft2-1.0.so.0\n"
	    "race:libpango-1.0.so.0\n"
	    "race:libharfbuzz.so.0\n"
	    "race:libfreetype.so.6\n"
	    "called_from_lib:libglib-2.0.so.0\n"
	    "called_from_lib:libgobject-2.0.so.0\n"
	    "race:libglib-2.0.so.0\n"
	    "race:libgobject-2.0.so.0\n"
	    "mutex:libglib-2.0.so.0\n"
	    "deadlock:libglib-2.0.so.0\n"
	    "called_from_lib:libcairo.so.2\n"
	    "race:libcairo.so.2\n"
	    "deadlock:libcairo.so.2\n";
}
#endif
