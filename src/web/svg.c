/*
 * svg.c - bar charts as SVG (svg.h).
 */
#include <string.h>

#include "web/svg.h"
#include "base/banned.h"

#define W	320	/* the view box's width */
#define ROW	40	/* one bar: label, bar and value */
#define BAR	220	/* the longest bar */

/* The label, cut after SVG_LABEL_MAX - 1 characters with an ellipsis. */
static void
label(struct page *p, struct str s)
{
	size_t chars = 0, cut = s.len;

	for (size_t i = 0; i < s.len; i++) {
		if (((unsigned char)s.p[i] & 0xC0) == 0x80)
			continue;	/* inside a character */
		if (chars == SVG_LABEL_MAX - 1 && cut == s.len)
			cut = i;
		chars++;
	}
	if (chars <= SVG_LABEL_MAX) {
		h_text(p, s);
		return;
	}
	h_text(p, (struct str){ s.p, cut });
	H(p, "\xE2\x80\xA6");
}

void
svg_bars(struct page *p, const struct svg_chart *c)
{
	int64_t max = 0;
	size_t h = 8 + (c->n > 0 ? c->n : 1) * ROW;

	for (size_t i = 0; i < c->n; i++)
		if (c->bars[i].value > max)
			max = c->bars[i].value;
	H(p, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "role=\"img\" viewBox=\"0 0 ");
	h_int(p, W);
	H(p, " ");
	h_int(p, (int64_t)h);
	H(p, "\"");
	H(p, " aria-labelledby=\"");
	h_text(p, c->id);
	H(p, "-t ");
	h_text(p, c->id);
	H(p, "-d\"><title id=\"");
	h_text(p, c->id);
	H(p, "-t\">");
	h_text(p, c->title);
	H(p, "</title><desc id=\"");
	h_text(p, c->id);
	H(p, "-d\">");
	h_text(p, c->desc);
	H(p, "</desc>");
	if (c->n == 0)
		H(p, "<text x=\"0\" y=\"26\" font-size=\"14\" fill=\"#1a1a1a\">"
		    "Tidak ada data</text>");
	for (size_t i = 0; i < c->n; i++) {
		int64_t v = c->bars[i].value > 0 ? c->bars[i].value : 0;
		int64_t w = max > 0 ? v * BAR / max : 0;
		int64_t y = 4 + (int64_t)i * ROW;

		if (v > 0 && w < 2)
			w = 2;
		H(p, "<text x=\"0\" y=\"");
		h_int(p, y + 14);
		H(p, "\" font-size=\"13\" fill=\"#1a1a1a\">");
		label(p, c->bars[i].label);
		H(p, "</text><rect x=\"0\" y=\"");
		h_int(p, y + 19);
		H(p, "\" height=\"14\" width=\"");
		h_int(p, w);
		H(p, "\" fill=\"#0b4f99\"/><text x=\"");
		h_int(p, w + 6);
		H(p, "\" y=\"");
		h_int(p, y + 31);
		H(p, "\" font-size=\"13\" fill=\"#1a1a1a\">");
		h_int(p, v);
		if (c->unit != NULL && c->unit[0] != '\0') {
			H(p, " ");
			h_textc(p, c->unit);
		}
		H(p, "</text>");
	}
	H(p, "</svg>");
}
