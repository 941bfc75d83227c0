/*
 * html.h - the page builder: the only way the web layer writes HTML.
 *
 * Markup comes only from string literals (H() refuses anything else at
 * compile time: `"" lit ""` does not compile with a variable), and every
 * other text goes through h_text/h_attr, which escape it.  So a value from
 * a form, the store or a profile cannot reach the page unescaped by
 * accident.  The buffer has a maximum size and a sticky error, checked
 * once before sending.
 */
#ifndef SELTER_WEB_HTML_H
#define SELTER_WEB_HTML_H

#include <stdint.h>

#include "base/buf.h"
#include "base/str.h"
#include "core/date.h"

struct page {
	struct buf	 b;
};

void	page_init(struct page *, size_t max);
void	page_release(struct page *);

void	h_lit_(struct page *, const char *lit, size_t n);
#define H(p, lit)	h_lit_((p), "" lit "", sizeof("" lit "") - 1)

/*
 * The box of a wide table: it scrolls on its own, so the page never does,
 * and the keyboard reaches it (a named region with tabindex).  A literal,
 * for inside H(): H(p, SCROLL("Jadwal") "<table>...</table></div>").
 */
#define SCROLL(label)	"<div class=\"scroll\" tabindex=\"0\" " \
	"role=\"region\" aria-label=\"" label "\">"

/* Escaped text (& < > " ' become entities). */
void	h_text(struct page *, struct str);
void	h_textc(struct page *, const char *);
void	h_textf(struct page *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	h_int(struct page *, int64_t);
/* ` name="value"`, the value escaped. */
void	h_attr_(struct page *, const char *name, size_t n, struct str value);
#define HA(p, name, v)	h_attr_((p), "" name "", sizeof(name) - 1, (v))
void	h_attr_int_(struct page *, const char *name, size_t n, int64_t v);
#define HAI(p, name, v)	h_attr_int_((p), "" name "", sizeof(name) - 1, (v))
/*
 * HTML this page builder made earlier and the store kept as published
 * (store_publication_add): appended as it is.  Nothing else may pass
 * here: a published body is the builder's own escaped output.
 */
void	h_stored(struct page *, struct str html);
/* A date the Indonesian way: "14 November 2022". */
void	h_date(struct page *, sel_date);
/* An ISO date text ("2022-11-14") written the Indonesian way, or as is. */
void	h_date_str(struct page *, struct str iso);
/*
 * An instant as the store keeps it ("2026-12-07T12:02:04Z") in the local
 * time of a region's zone (its profile's "WIB", "WITA" or "WIT"): "7
 * Desember 2026 pukul 19.02 WIB".  Other text is written as is.  UTC is
 * for machines (exports, logs), never for a page.
 */
void	h_when(struct page *, struct str iso, struct str zone);
/* The same instant's local day: "7 Desember 2026". */
void	h_when_day(struct page *, struct str iso, struct str zone);
void	h_instant(struct page *, int64_t t, struct str zone);

#endif
