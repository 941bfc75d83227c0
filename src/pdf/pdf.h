/*
 * pdf.h - the official letters as PDF (issue 13 item 1): cairo's PDF
 * surface and pango, A4, the fonts of Debian's fonts-dejavu-core
 * embedded, in the layout of Permendagri 1/2023 on Tata Naskah Dinas:
 * the region's letterhead (kop surat) with its logo or a placeholder,
 * the kind of document, its number and subject, the body, the place and
 * date, the signature block with the signer's post and name, and a QR
 * code with a short code leading to the portal's verify page.
 *
 * A face like web: it takes plain structs the application gives it and
 * reads no store.  The body is the page builder's HTML of the document
 * (the frozen publication's own bytes, web/html.c's small vocabulary of
 * tags): pdf_html.c reads it into blocks of plain text, and every text
 * reaches pango as text (pango_layout_set_text), never as markup.
 *
 * Deterministic: the same letter gives the same bytes; the PDF's dates
 * are the letter's `created`, never the clock.
 */
#ifndef SELTER_PDF_PDF_H
#define SELTER_PDF_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/str.h"

struct arena;

struct pdf_letter {
	/* letterhead */
	struct str	 region;	/* "Pemerintah Kabupaten Demak" */
	struct str	 province;	/* "Jawa Tengah" */
	struct str	 agency;	/* "Panitia Seleksi Terbuka ..." */
	struct str	 address;	/* one line under the agency, or "" */
	const char	*logo;		/* a PNG file; NULL or missing: the
					   placeholder */
	/* heading */
	struct str	 kind;		/* "PENGUMUMAN", "TANDA TERIMA" */
	struct str	 number;	/* "" when the document has none */
	struct str	 subject;	/* "tentang" line */
	/* body: the page builder's HTML, or text when plain is set */
	struct str	 html;
	bool		 plain;
	/* signature */
	struct str	 place, date;	/* "Demak", "15 Agustus 2026" */
	struct str	 signer_post;	/* "Ketua Panitia Seleksi" */
	struct str	 signer_name;	/* "" : no signature block */
	/* confidential: "RAHASIA" and this name across every page */
	struct str	 secret_to;
	/* verification */
	struct str	 verify_url;	/* in the QR code */
	struct str	 code;		/* "ABCDE-FGHIJ" under it */
	/* metadata */
	struct str	 title;		/* the PDF's Title */
	struct str	 created;	/* "2026-08-15T03:00:00Z" */
};

/* Renders l into out (appended); SEL_EINTERNAL when cairo fails. */
enum sel_err	pdf_render(const struct pdf_letter *l, struct buf *out);

/*
 * Loads fontconfig's configuration now, in the calling thread: once at
 * start, before any other thread renders (pango would otherwise start
 * its own thread to do it, a race ThreadSanitizer cannot see through).
 */
void		pdf_init(void);

/*
 * Frees the fonts' caches (fontconfig, cairo, pango) of the calling
 * thread and the process, at exit, once no other thread renders: leak
 * checkers then see nothing left.
 */
void		pdf_shutdown(void);

/* ---- pdf_html.c: the page builder's HTML as blocks of text ---- */

enum pdf_bk {
	PB_HEAD,	/* h1-h6: bold */
	PB_CAPTION,	/* a table's caption: small bold */
	PB_PARA,	/* p, dd, dt, stray text */
	PB_ITEM,	/* li: bulleted */
	PB_SMALL,	/* p class="small ..." */
	PB_ROW,		/* tr: cells */
};

struct pdf_span { size_t from, to; };	/* bold, byte offsets */

struct pdf_cell {
	struct str	 text;		/* plain UTF-8, entities decoded */
	struct pdf_span *bold;
	size_t		 nbold;
	bool		 head;		/* th */
};

struct pdf_block {
	enum pdf_bk	 kind;
	struct pdf_cell	*c;		/* 1, or a row's cells */
	size_t		 nc;
	int		 table;		/* PB_ROW: which table, from 0 */
	bool		 sign;		/* p class="sign": the signature,
					   drawn by the letter instead */
};

/* The blocks of html, in the arena. */
void		pdf_html_blocks(struct arena *, struct str html,
		    struct pdf_block **out, size_t *n);

#endif
