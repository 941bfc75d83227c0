/*
 * pdf_letter.c - the parts of an official letter around its body
 * (Permendagri 1/2023, Tata Naskah Dinas): the letterhead with the
 * region's logo (or a placeholder) and a double rule under it; the kind
 * of document, its number and subject, centred; the place and date and
 * the signature block on the right with the QR code on the left; on
 * every page the footer with the verification code and the page number
 * and, for a confidential document, RAHASIA and the recipient's name
 * across the page.
 */
#include <math.h>
#include <string.h>

#include <qrencode.h>

#include "pdf/pdf_int.h"
#include "base/banned.h"

#define QR_SIZE		82.0	/* points: 29 mm, ~340 pixels at 300 dpi */

/* s in capitals (UTF-8), for glib to free. */
static char *
upper(struct str s)
{
	return g_utf8_strup(s.p != NULL ? s.p : "", (gssize)s.len);
}

/* One line (or more, wrapped) of text centred between x0 and x1. */
static void
centred(struct pctx *c, const char *text, double size, bool bold, double x0,
    double x1)
{
	PangoLayout *lo = pdf_layout(c, str_c(text), size, bold, NULL, 0,
	    x1 - x0);

	pango_layout_set_alignment(lo, PANGO_ALIGN_CENTER);
	if (c->draw) {
		cairo_set_source_rgb(c->cr, 0, 0, 0);
		cairo_move_to(c->cr, x0, c->y);
		pango_cairo_show_layout(c->cr, lo);
	}
	c->y += pdf_layout_h(lo);
	g_object_unref(lo);
}

static void
logo(struct pctx *c, double x, double y, double size)
{
	cairo_surface_t *img = NULL;

	if (c->l->logo != NULL && c->l->logo[0] != '\0')
		img = cairo_image_surface_create_from_png(c->l->logo);
	if (img != NULL && cairo_surface_status(img) == CAIRO_STATUS_SUCCESS &&
	    cairo_image_surface_get_width(img) > 0 &&
	    cairo_image_surface_get_height(img) > 0) {
		double sx = size / cairo_image_surface_get_width(img);
		double sy = size / cairo_image_surface_get_height(img);
		double k = fmin(sx, sy);

		cairo_save(c->cr);
		cairo_translate(c->cr, x, y);
		cairo_scale(c->cr, k, k);
		cairo_set_source_surface(c->cr, img, 0, 0);
		cairo_paint(c->cr);
		cairo_restore(c->cr);
	} else {
		/* The placeholder: a shield outline with "LOGO" in it. */
		PangoLayout *lo = pdf_layout(c, STR("LOGO"), 7, true, NULL, 0,
		    size);

		cairo_set_source_rgb(c->cr, 0.35, 0.35, 0.35);
		cairo_set_line_width(c->cr, 1.2);
		cairo_move_to(c->cr, x + 4, y + 2);
		cairo_line_to(c->cr, x + size - 4, y + 2);
		cairo_line_to(c->cr, x + size - 4, y + size * 0.55);
		cairo_curve_to(c->cr, x + size - 4, y + size * 0.8,
		    x + size * 0.6, y + size - 6, x + size / 2, y + size - 2);
		cairo_curve_to(c->cr, x + size * 0.4, y + size - 6, x + 4,
		    y + size * 0.8, x + 4, y + size * 0.55);
		cairo_close_path(c->cr);
		cairo_stroke(c->cr);
		pango_layout_set_alignment(lo, PANGO_ALIGN_CENTER);
		cairo_move_to(c->cr, x, y + size * 0.4);
		pango_cairo_show_layout(c->cr, lo);
		g_object_unref(lo);
	}
	if (img != NULL)
		cairo_surface_destroy(img);
}

void
pdf_kop(struct pctx *c)
{
	const struct pdf_letter *l = c->l;
	double x0 = PDF_LEFT + 70, x1 = PDF_W - PDF_RIGHT - 10;
	double top = c->y, size = 64;
	char *t;

	if (c->draw)
		logo(c, PDF_LEFT, top, size);
	t = upper(l->region);
	centred(c, t, 14, true, x0, x1);
	g_free(t);
	if (l->province.len > 0) {
		char *p = upper(l->province);
		char *line = g_strconcat("PROVINSI ", p, NULL);

		centred(c, line, 9.5, false, x0, x1);
		g_free(line);
		g_free(p);
	}
	c->y += 2;
	t = upper(l->agency);
	centred(c, t, 12, true, x0, x1);
	g_free(t);
	if (l->address.len > 0) {
		t = g_strndup(l->address.p, l->address.len);
		centred(c, t, 8.5, false, x0, x1);
		g_free(t);
	}
	c->y = fmax(c->y, top + size) + 5;
	if (c->draw) {
		cairo_set_source_rgb(c->cr, 0, 0, 0);
		cairo_set_line_width(c->cr, 2.2);
		cairo_move_to(c->cr, PDF_LEFT, c->y);
		cairo_line_to(c->cr, PDF_W - PDF_RIGHT, c->y);
		cairo_stroke(c->cr);
		cairo_set_line_width(c->cr, 0.7);
		cairo_move_to(c->cr, PDF_LEFT, c->y + 3);
		cairo_line_to(c->cr, PDF_W - PDF_RIGHT, c->y + 3);
		cairo_stroke(c->cr);
	}
	c->y += 16;
}

void
pdf_heading(struct pctx *c)
{
	const struct pdf_letter *l = c->l;
	double x0 = PDF_LEFT, x1 = PDF_W - PDF_RIGHT;
	char *t = upper(l->kind);

	centred(c, t, 12, true, x0, x1);
	g_free(t);
	if (l->number.len > 0) {
		char *n = g_strndup(l->number.p, l->number.len);
		char *line = g_strconcat("NOMOR ", n, NULL);

		centred(c, line, 10, false, x0, x1);
		g_free(line);
		g_free(n);
	}
	if (l->subject.len > 0) {
		c->y += 4;
		centred(c, "TENTANG", 10, false, x0, x1);
		t = upper(l->subject);
		centred(c, t, 10.5, true, x0 + 30, x1 - 30);
		g_free(t);
	}
	c->y += 10;
}

/* The QR code of the verify URL at (x, y), QR_SIZE wide, quiet zone
 * included; false when it cannot be made. */
static bool
qr(struct pctx *c, double x, double y)
{
	char *url = g_strndup(c->l->verify_url.p, c->l->verify_url.len);
	QRcode *q = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	double m;

	g_free(url);
	if (q == NULL)
		return false;
	m = QR_SIZE / (q->width + 8);
	cairo_set_source_rgb(c->cr, 1, 1, 1);
	cairo_rectangle(c->cr, x, y, QR_SIZE, QR_SIZE);
	cairo_fill(c->cr);
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	for (int r = 0; r < q->width; r++)
		for (int k = 0; k < q->width; k++) {
			int run = 0;

			while (k + run < q->width &&
			    (q->data[r * q->width + k + run] & 1))
				run++;
			if (run == 0)
				continue;
			cairo_rectangle(c->cr, x + (4 + k) * m, y + (4 + r) * m,
			    run * m, m);
			k += run - 1;
		}
	cairo_fill(c->cr);
	QRcode_free(q);
	return true;
}

static void
right_line(struct pctx *c, struct str s, bool bold, double x, double w)
{
	PangoLayout *lo = pdf_layout(c, s, PDF_BODY, bold, NULL, 0, w);

	if (c->draw) {
		cairo_set_source_rgb(c->cr, 0, 0, 0);
		cairo_move_to(c->cr, x, c->y);
		pango_cairo_show_layout(c->cr, lo);
	}
	c->y += pdf_layout_h(lo);
	g_object_unref(lo);
}

void
pdf_signature(struct pctx *c)
{
	const struct pdf_letter *l = c->l;
	double x = PDF_LEFT + (PDF_W - PDF_LEFT - PDF_RIGHT) * 0.52;
	double w = PDF_W - PDF_RIGHT - x, top;
	struct str code = l->code;

	if (pdf_room(c) < 150)
		pdf_page(c);
	c->y += 18;
	top = c->y;
	if (l->signer_name.len > 0) {
		char *post = upper(l->signer_post);
		char *line = g_strconcat(post, ",", NULL);
		char *place = g_strndup(l->place.p, l->place.len);
		char *date = g_strndup(l->date.p, l->date.len);
		char *at = g_strconcat("Ditetapkan di ", place, NULL);
		char *on = g_strconcat("pada tanggal ", date, NULL);

		right_line(c, str_c(at), false, x, w);
		right_line(c, str_c(on), false, x, w);
		g_free(on);
		g_free(at);
		g_free(date);
		g_free(place);
		c->y += 6;
		right_line(c, str_c(line), true, x, w);
		c->y += 48;
		right_line(c, l->signer_name, true, x, w);
		g_free(line);
		g_free(post);
	} else {
		char *place = g_strndup(l->place.p, l->place.len);
		char *date = g_strndup(l->date.p, l->date.len);
		char *line = g_strconcat(place, ", ", date, NULL);

		right_line(c, str_c(line), false, x, w);
		g_free(line);
		g_free(date);
		g_free(place);
	}
	if (l->verify_url.len > 0) {
		double qy = top;

		if (c->draw && qr(c, PDF_LEFT, qy)) {
			PangoLayout *lo = pdf_layout(c, code, 8, true, NULL, 0,
			    QR_SIZE);

			pango_layout_set_alignment(lo, PANGO_ALIGN_CENTER);
			cairo_move_to(c->cr, PDF_LEFT, qy + QR_SIZE);
			pango_cairo_show_layout(c->cr, lo);
			g_object_unref(lo);
		}
		c->y = fmax(c->y, qy + QR_SIZE + 12);
	}
}

void
pdf_decorate(struct pctx *c)
{
	const struct pdf_letter *l = c->l;
	char foot[160];
	PangoLayout *lo;

	cairo_set_source_rgb(c->cr, 0.35, 0.35, 0.35);
	g_snprintf(foot, sizeof foot, "Halaman %d dari %d", c->page,
	    c->npages);
	lo = pdf_layout(c, str_c(foot), 7.5, false, NULL, 0,
	    PDF_W - PDF_LEFT - PDF_RIGHT);
	pango_layout_set_alignment(lo, PANGO_ALIGN_RIGHT);
	cairo_move_to(c->cr, PDF_LEFT, PDF_H - PDF_BOTTOM + 24);
	pango_cairo_show_layout(c->cr, lo);
	g_object_unref(lo);
	if (l->code.len > 0) {
		char *code = g_strndup(l->code.p, l->code.len);
		char *url = g_strndup(l->verify_url.p, l->verify_url.len);
		char *line = g_strconcat("Kode verifikasi ", code, " \xc2\xb7 ",
		    url, NULL);

		lo = pdf_layout(c, str_c(line), 7.5, false, NULL, 0,
		    (PDF_W - PDF_LEFT - PDF_RIGHT) * 0.8);
		cairo_move_to(c->cr, PDF_LEFT, PDF_H - PDF_BOTTOM + 24);
		pango_cairo_show_layout(c->cr, lo);
		g_object_unref(lo);
		g_free(line);
		g_free(url);
		g_free(code);
	}
	if (l->secret_to.len == 0)
		return;
	/* RAHASIA above and below, the recipient's name across the page. */
	cairo_set_source_rgb(c->cr, 0.75, 0, 0);
	lo = pdf_layout(c, STR("RAHASIA"), 13, true, NULL, 0,
	    PDF_W - PDF_LEFT - PDF_RIGHT);
	pango_layout_set_alignment(lo, PANGO_ALIGN_CENTER);
	cairo_move_to(c->cr, PDF_LEFT, PDF_TOP - 26);
	pango_cairo_show_layout(c->cr, lo);
	cairo_move_to(c->cr, PDF_LEFT, PDF_H - PDF_BOTTOM + 36);
	pango_cairo_show_layout(c->cr, lo);
	g_object_unref(lo);
	{
		char *who = g_strndup(l->secret_to.p, l->secret_to.len);
		char *line = g_strconcat("Salinan untuk ", who, "; tidak untuk "
		    "disebarluaskan", NULL);

		lo = pdf_layout(c, str_c(line), 7.5, false, NULL, 0,
		    PDF_W - PDF_LEFT - PDF_RIGHT);
		pango_layout_set_alignment(lo, PANGO_ALIGN_CENTER);
		cairo_move_to(c->cr, PDF_LEFT, PDF_TOP - 9);
		pango_cairo_show_layout(c->cr, lo);
		g_object_unref(lo);
		g_free(line);
		g_free(who);
	}
	{
		char *who = g_strndup(l->secret_to.p, l->secret_to.len);
		char *line = g_strconcat("RAHASIA \xe2\x80\x94 untuk ", who,
		    NULL);
		int w, h;

		lo = pdf_layout(c, str_c(line), 26, true, NULL, 0, 0);
		pango_layout_get_size(lo, &w, &h);
		cairo_save(c->cr);
		cairo_translate(c->cr, PDF_W / 2, PDF_H / 2);
		cairo_rotate(c->cr, -atan2(PDF_H, PDF_W));
		cairo_set_source_rgba(c->cr, 0.8, 0, 0, 0.13);
		cairo_move_to(c->cr, -(double)w / PANGO_SCALE / 2,
		    -(double)h / PANGO_SCALE / 2);
		pango_cairo_show_layout(c->cr, lo);
		cairo_restore(c->cr);
		g_object_unref(lo);
		g_free(line);
		g_free(who);
	}
}
