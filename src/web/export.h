/*
 * export.h - a table written as CSV or XLSX (issue 12 item 5).
 *
 * Formatting is the face's, so the writers live in web; they depend on
 * base alone (and libxlsxwriter), so another face (the CLI) can link them
 * too.  The data comes through app (app/export.h); h_export.c turns it
 * into a table and answers with one of these.
 *
 * A table has a title, provenance lines (label, value: the selection, the
 * stage, the time of export in the region's zone, the audit trail's head),
 * a header row and typed cells: text, or a number (hundredths shown with
 * 2 decimals, or a whole number).  Types are kept as they are:
 *
 * CSV (RFC 4180): UTF-8 with a byte-order mark (without it Excel reads
 * UTF-8 as the local code page), CRLF after every record, a field quoted
 * when it holds a comma, a double quote, CR or LF, its quotes doubled.
 * The provenance comes first, one "label,value" record each padded to the
 * table's width, then one empty record, then the header and the rows.
 * Numbers are written by the writer from integers ("-12.50", "7"), never
 * from text, so they stay numbers.  Text that a spreadsheet would read as
 * a formula (a first character '=', '+', '-', '@', tab or CR: OWASP's
 * CSV injection list) gets a leading apostrophe ("'=1+2", "'-5"): the
 * spreadsheet shows it as text and the reader sees what was typed after
 * the apostrophe.  A date or a registration number starts with a letter
 * or a digit and is left alone; so is an NIP (18 digits, as text: a
 * spreadsheet may still show it as a number when it opens a CSV, which is
 * why the XLSX exists).
 *
 * XLSX (libxlsxwriter): sheet 1 is the table, named by the title, with a
 * bold header row frozen and filtered, column widths from the contents,
 * text as strings (never formulas: a text beginning with '=' is a
 * string), numbers as numbers (format "0.00" for hundredths); sheet 2,
 * "Keterangan", holds the title and the provenance, which are also the
 * document's properties (title, subject, comments).
 */
#ifndef SELTER_WEB_EXPORT_H
#define SELTER_WEB_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/str.h"

struct arena;

enum xk { XK_EMPTY, XK_TEXT, XK_FIX2, XK_INT };

struct xcell {
	enum xk		 k;
	struct str	 s;		/* XK_TEXT */
	int64_t		 v;		/* XK_FIX2: hundredths; XK_INT */
};

struct xsheet {
	struct arena	*ar;
	struct str	 title;		/* the document's */
	struct str	 name;		/* the sheet's (cut to 31 bytes); ""
					   for the title */
	struct str	*meta;		/* label, value, label, value ... */
	size_t		 nmeta, capmeta;	/* pairs */
	struct str	*head;
	size_t		 ncol;
	struct xcell	*cell;		/* row-major, nrow * ncol */
	size_t		 nrow, caprow;
};

/* A table of ncol columns; every string is the caller's (or arena's). */
void		xs_init(struct xsheet *, struct arena *, struct str title,
		    size_t ncol);
void		xs_meta(struct xsheet *, const char *label, struct str value);
void		xs_head(struct xsheet *, size_t col, struct str);
/* A new row of empty cells; its cells are xs_cell(x, row, col), NULL
 * outside the table (the setters then do nothing). */
size_t		xs_row(struct xsheet *);
struct xcell	*xs_cell(struct xsheet *, size_t row, size_t col);
void		xs_text(struct xsheet *, size_t row, size_t col, struct str);
void		xs_fix2(struct xsheet *, size_t row, size_t col, int64_t);
void		xs_int(struct xsheet *, size_t row, size_t col, int64_t);

/* Appends the CSV to b (b's sticky error on overflow). */
void		xs_csv(const struct xsheet *, struct buf *b);
/* One CSV field as xs_csv writes a text cell (for tests). */
void		xs_csv_text(struct buf *, struct str);
/* Writes the XLSX file at path (made or replaced); SEL_EINTERNAL with
 * libxlsxwriter's reason in err. */
enum sel_err	xs_xlsx(const struct xsheet *, const char *path, char *err,
		    size_t errsz);
/* libxlsxwriter's version, "1.1.4". */
const char	*xs_lib_version(void);

#endif
