/*
 * svg.h - charts drawn on the server as SVG inside the page (issue 14
 * item 6): no script, each an image for assistive technology (role="img"
 * named by its <title> and <desc>), its figures also in a table beside it
 * (the caller's).  Built through the page builder (html.h): the markup
 * from literals, every text (labels, title, description, ids) escaped.
 *
 * A horizontal bar chart: each bar's label above it, its value after it,
 * so that it reads at 375 px.  Colours with at least 4.5:1 against white
 * (text #1a1a1a, bars #0b4f99).
 */
#ifndef SELTER_WEB_SVG_H
#define SELTER_WEB_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "web/html.h"

#define SVG_LABEL_MAX	44	/* characters of a label; longer: cut, … */

struct svg_bar {
	struct str	 label;
	int64_t		 value;		/* >= 0 */
};

struct svg_chart {
	struct str	 id;		/* unique in the page: id-t, id-d */
	struct str	 title, desc;
	const struct svg_bar *bars;
	size_t		 n;
	const char	*unit;		/* after each value ("hari"); "" */
};

void	svg_bars(struct page *, const struct svg_chart *);

#endif
