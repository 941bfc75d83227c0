/*
 * pdf_int.h - private to src/pdf: the drawing context the page layout
 * (pdf.c) and the letter's parts (pdf_letter.c) share.
 */
#ifndef SELTER_PDF_INT_H
#define SELTER_PDF_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pdf/pdf.h"

#define PDF_W		595.2756	/* A4, points */
#define PDF_H		841.8898
#define PDF_LEFT	70.87		/* 2.5 cm */
#define PDF_RIGHT	56.69		/* 2 cm */
#define PDF_TOP		42.52		/* 1.5 cm */
#define PDF_BOTTOM	70.87		/* the footer below */
#define PDF_FONT	"DejaVu Sans"
#define PDF_BODY	10.0		/* body size, points */

struct pctx {
	cairo_t		*cr;
	const struct pdf_letter *l;
	bool		 draw;		/* false: measuring the pages */
	double		 y;		/* where the next line goes */
	int		 page, npages;
};

/* A layout of text (never markup) at size, bold spans, width (0: none). */
PangoLayout	*pdf_layout(struct pctx *, struct str text, double size,
		    bool bold, const struct pdf_span *, size_t nspans,
		    double width);
/* Its height in points. */
double		 pdf_layout_h(PangoLayout *);
/* Draws layout line by line at x from c->y, breaking pages between
 * lines; c->y ends below it. */
void		 pdf_flow(struct pctx *, PangoLayout *, double x);
/* A new page (its decorations when drawing); c->y at its top. */
void		 pdf_page(struct pctx *);
/* The room left on this page, in points. */
double		 pdf_room(const struct pctx *);

/* pdf_letter.c */
void		 pdf_kop(struct pctx *);	/* the letterhead */
void		 pdf_heading(struct pctx *);	/* kind, number, subject */
void		 pdf_signature(struct pctx *);	/* place, date, QR */
void		 pdf_decorate(struct pctx *);	/* RAHASIA, footer */

#endif
