/*
 * export.c - a table written as CSV (RFC 4180) or XLSX (libxlsxwriter);
 * export.h says how each keeps types and neutralises formulas.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "base/arena.h"
#include "web/export.h"
#include "base/banned.h"

void
xs_init(struct xsheet *x, struct arena *ar, struct str title, size_t ncol)
{
	memset(x, 0, sizeof *x);
	x->ar = ar;
	x->title = title;
	x->ncol = ncol;
	x->head = arena_array(ar, ncol + 1, sizeof *x->head);
	x->capmeta = 8;
	x->meta = arena_array(ar, 2 * x->capmeta, sizeof *x->meta);
	x->caprow = 16;
	x->cell = arena_array(ar, x->caprow * (ncol + 1), sizeof *x->cell);
}

void
xs_meta(struct xsheet *x, const char *label, struct str value)
{
	if (x->nmeta == x->capmeta) {
		x->meta = arena_grow(x->ar, x->meta, 2 * x->capmeta,
		    4 * x->capmeta, sizeof *x->meta);
		x->capmeta *= 2;
	}
	x->meta[2 * x->nmeta] = str_c(label);
	x->meta[2 * x->nmeta + 1] = value;
	x->nmeta++;
}

void
xs_head(struct xsheet *x, size_t col, struct str s)
{
	if (col < x->ncol)
		x->head[col] = s;
}

size_t
xs_row(struct xsheet *x)
{
	if (x->nrow == x->caprow) {
		x->cell = arena_grow(x->ar, x->cell, x->caprow * (x->ncol + 1),
		    2 * x->caprow * (x->ncol + 1), sizeof *x->cell);
		x->caprow *= 2;
	}
	memset(&x->cell[x->nrow * x->ncol], 0, x->ncol * sizeof *x->cell);
	return x->nrow++;
}

struct xcell *
xs_cell(struct xsheet *x, size_t row, size_t col)
{
	return row < x->nrow && col < x->ncol ? &x->cell[row * x->ncol + col] :
	    NULL;
}

static void
set(struct xsheet *x, size_t row, size_t col, enum xk k, struct str s,
    int64_t v)
{
	struct xcell *c = xs_cell(x, row, col);

	if (c == NULL)
		return;		/* outside the table: nothing */
	c->k = k;
	c->s = s;
	c->v = v;
}

void
xs_text(struct xsheet *x, size_t row, size_t col, struct str s)
{
	set(x, row, col, XK_TEXT, s, 0);
}

void
xs_fix2(struct xsheet *x, size_t row, size_t col, int64_t v)
{
	set(x, row, col, XK_FIX2, STR(""), v);
}

void
xs_int(struct xsheet *x, size_t row, size_t col, int64_t v)
{
	set(x, row, col, XK_INT, STR(""), v);
}

/* ---- CSV ---- */

/* OWASP: a cell a spreadsheet would read as a formula. */
static bool
formula_like(struct str s)
{
	return s.len > 0 && (s.p[0] == '=' || s.p[0] == '+' ||
	    s.p[0] == '-' || s.p[0] == '@' || s.p[0] == '\t' ||
	    s.p[0] == '\r');
}

void
xs_csv_text(struct buf *b, struct str s)
{
	bool quote = memchr(s.p != NULL ? s.p : "", ',', s.len) != NULL;

	for (size_t i = 0; i < s.len && !quote; i++)
		quote = s.p[i] == '"' || s.p[i] == '\r' || s.p[i] == '\n';
	if (quote)
		buf_putc(b, '"');
	if (formula_like(s))
		buf_putc(b, '\'');
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s.p[i]);
	}
	if (quote)
		buf_putc(b, '"');
}

static void
csv_fix2(struct buf *b, int64_t v)
{
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	buf_printf(b, "%s%" PRIu64 ".%02" PRIu64, v < 0 ? "-" : "", u / 100,
	    u % 100);
}

static void
csv_cell(struct buf *b, const struct xcell *c)
{
	switch (c->k) {
	case XK_TEXT:
		xs_csv_text(b, c->s);
		break;
	case XK_FIX2:
		csv_fix2(b, c->v);
		break;
	case XK_INT:
		buf_printf(b, "%" PRId64, c->v);
		break;
	case XK_EMPTY:
		break;
	}
}

static void
csv_pad(struct buf *b, size_t from, size_t ncol)
{
	for (size_t i = from; i < ncol; i++)
		buf_putc(b, ',');
	buf_put(b, "\r\n", 2);
}

void
xs_csv(const struct xsheet *x, struct buf *b)
{
	size_t w = x->ncol > 2 ? x->ncol : 2;

	buf_put(b, "\xEF\xBB\xBF", 3);
	xs_csv_text(b, x->title);
	csv_pad(b, 1, w);
	for (size_t i = 0; i < x->nmeta; i++) {
		xs_csv_text(b, x->meta[2 * i]);
		buf_putc(b, ',');
		xs_csv_text(b, x->meta[2 * i + 1]);
		csv_pad(b, 2, w);
	}
	csv_pad(b, 1, w);
	for (size_t c = 0; c < x->ncol; c++) {
		if (c > 0)
			buf_putc(b, ',');
		xs_csv_text(b, x->head[c]);
	}
	csv_pad(b, x->ncol, x->ncol);
	for (size_t r = 0; r < x->nrow; r++) {
		for (size_t c = 0; c < x->ncol; c++) {
			if (c > 0)
				buf_putc(b, ',');
			csv_cell(b, &x->cell[r * x->ncol + c]);
		}
		csv_pad(b, x->ncol, x->ncol);
	}
}

/* ---- XLSX ---- */

const char *
xs_lib_version(void)
{
	return lxw_version();
}

/* Characters (not bytes) of UTF-8 text: for column widths. */
static size_t
chars(struct str s)
{
	size_t n = 0;

	for (size_t i = 0; i < s.len; i++)
		n += ((unsigned char)s.p[i] & 0xC0) != 0x80;
	return n;
}

static const char *
cz(struct arena *ar, struct str s)
{
	return arena_strndup(ar, s.p != NULL ? s.p : "", s.len);
}

/* A sheet's name: at most 31 bytes, none of []:*?/\, not empty. */
static const char *
sheet_name(struct arena *ar, struct str t)
{
	char *n = arena_strndup(ar, t.p != NULL ? t.p : "", t.len < 31 ?
	    t.len : 31);
	size_t len = strlen(n);

	while (len > 0 && ((unsigned char)n[len] & 0xC0) == 0x80)
		n[--len] = '\0';	/* a cut inside a character */
	if (len > 0 && ((unsigned char)n[len - 1] & 0xC0) == 0xC0)
		n[--len] = '\0';
	for (size_t i = 0; i < len; i++)
		if (strchr("[]:*?/\\'", n[i]) != NULL)
			n[i] = '-';
	return len > 0 ? n : "Data";
}

static double
width_of(const struct xcell *c)
{
	char t[32];

	switch (c->k) {
	case XK_TEXT:
		return (double)chars(c->s);
	case XK_FIX2:
		snprintf(t, sizeof t, "%" PRId64, c->v / 100);
		return (double)strlen(t) + 3;
	case XK_INT:
		snprintf(t, sizeof t, "%" PRId64, c->v);
		return (double)strlen(t);
	case XK_EMPTY:
		break;
	}
	return 0;
}

static void
table(lxw_workbook *wb, lxw_worksheet *ws, const struct xsheet *x)
{
	lxw_format *bold = workbook_add_format(wb);
	lxw_format *num2 = workbook_add_format(wb);
	lxw_format *wrap = workbook_add_format(wb);

	format_set_bold(bold);
	format_set_text_wrap(bold);
	format_set_num_format(num2, "0.00");
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	for (size_t c = 0; c < x->ncol; c++) {
		double w = (double)chars(x->head[c]) * 0.8;

		worksheet_write_string(ws, 0, (lxw_col_t)c, cz(x->ar,
		    x->head[c]), bold);
		for (size_t r = 0; r < x->nrow; r++) {
			const struct xcell *e = &x->cell[r * x->ncol + c];
			lxw_row_t row = (lxw_row_t)(r + 1);
			double cw = width_of(e);

			w = cw > w ? cw : w;
			if (e->k == XK_TEXT)
				worksheet_write_string(ws, row, (lxw_col_t)c,
				    cz(x->ar, e->s), memchr(e->s.p != NULL ?
				    e->s.p : "", '\n', e->s.len) != NULL ? wrap
				    : NULL);
			else if (e->k == XK_FIX2)
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    (double)e->v / 100.0, num2);
			else if (e->k == XK_INT)
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    (double)e->v, NULL);
		}
		w = w < 8 ? 8 : w > 60 ? 60 : w;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w + 2,
		    NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (x->ncol > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)x->nrow,
		    (lxw_col_t)(x->ncol - 1));
}

static void
about(lxw_workbook *wb, lxw_worksheet *ws, const struct xsheet *x)
{
	lxw_format *bold = workbook_add_format(wb);
	lxw_format *wrap = workbook_add_format(wb);
	double w = 12;

	format_set_bold(bold);
	format_set_text_wrap(wrap);
	worksheet_write_string(ws, 0, 0, cz(x->ar, x->title), bold);
	for (size_t i = 0; i < x->nmeta; i++) {
		double cw = (double)chars(x->meta[2 * i]);

		w = cw > w ? cw : w;
		worksheet_write_string(ws, (lxw_row_t)(i + 2), 0, cz(x->ar,
		    x->meta[2 * i]), bold);
		worksheet_write_string(ws, (lxw_row_t)(i + 2), 1, cz(x->ar,
		    x->meta[2 * i + 1]), wrap);
	}
	worksheet_set_column(ws, 0, 0, w + 2, NULL);
	worksheet_set_column(ws, 1, 1, 90, NULL);
}

enum sel_err
xs_xlsx(const struct xsheet *x, const char *path, char *err, size_t errsz)
{
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE,
	    .tmpdir = NULL, .use_zip64 = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_doc_properties props;
	lxw_worksheet *ws, *ks;
	struct buf c;
	lxw_error e;

	if (wb == NULL) {
		snprintf(err, errsz, "xlsx: cannot create the workbook");
		return SEL_EINTERNAL;
	}
	buf_init(&c, 1u << 16);
	for (size_t i = 0; i < x->nmeta; i++) {
		buf_putstr(&c, x->meta[2 * i]);
		buf_puts(&c, ": ");
		buf_putstr(&c, x->meta[2 * i + 1]);
		buf_puts(&c, "\n");
	}
	memset(&props, 0, sizeof props);
	props.title = (char *)(uintptr_t)cz(x->ar, x->title);
	props.subject = props.title;
	props.author = (char *)(uintptr_t)"selter";
	props.comments = (char *)(uintptr_t)(c.p != NULL ? c.p : "");
	workbook_set_properties(wb, &props);
	ws = workbook_add_worksheet(wb, sheet_name(x->ar, x->name.len > 0 ?
	    x->name : x->title));
	ks = workbook_add_worksheet(wb, "Keterangan");
	if (ws != NULL && ks != NULL) {
		table(wb, ws, x);
		about(wb, ks, x);
	}
	e = workbook_close(wb);
	buf_release(&c);
	if (ws == NULL || ks == NULL || e != LXW_NO_ERROR) {
		snprintf(err, errsz, "xlsx: %s", ws == NULL || ks == NULL ?
		    "a sheet's name was refused" : lxw_strerror(e));
		return SEL_EINTERNAL;
	}
	return SEL_OK;
}
