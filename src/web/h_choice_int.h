/*
 * h_choice_int.h - the forms of the pages after the ranking (h_choice.c:
 * the PPK's choice and the consultations; h_report.c: the report): a
 * refused form comes back with what was typed and the error beside its
 * field, each field named by act and vacancy.
 */
#ifndef SELTER_WEB_H_CHOICE_INT_H
#define SELTER_WEB_H_CHOICE_INT_H

#include "app/choice.h"
#include "web/web.h"

struct cctx {
	struct req		*r;
	struct resp		*rs;
	struct page		*p;
	struct choice_view	*cv;
	int64_t			 bad_vac;	/* the refused form's vacancy */
	const char		*bad_act;	/* "wawancara", "pilih", ... */
	const char		*field;		/* its field at fault */
	const char		*msg;
	void			*view;		/* the page's whole view */
};

/* A page after the ranking: how to read its view and show it. */
struct hc_page {
	/* reads the view for this visitor (c->cv, c->view) */
	enum sel_err	(*load)(struct cctx *, struct app_msg *);
	void		(*show)(struct cctx *, bool ok);
	const char	*path;		/* "pilihan": /kelola/N/pilihan */
	const char	*done;		/* said after a successful act */
};

/* GET: the page, or its refusal (a visitor: the login page). */
void		hc_get(struct cctx *, const struct hc_page *);
/*
 * After a POST's act returned rc (with m, its field at fault, and act:
 * the refilled form's key): back to the page on success; the page again
 * with the refusal beside the field otherwise (an error page when the
 * visitor may not read it at all).
 */
void		hc_post_done(struct cctx *, const struct hc_page *,
		    enum sel_err rc, const struct app_msg *m,
		    const char *field, const char *act);

/* Is this the refused form (vacancy v, act)? */
bool		hc_refill(const struct cctx *, int64_t v, const char *act);
/* A field's id: "ACT-V-NAME". */
struct str	hc_fid(const struct cctx *, int64_t v, const char *act,
		    const char *name);
/* aria-invalid and aria-describedby when name is the field at fault. */
void		hc_bad(const struct cctx *, int64_t v, const char *act,
		    const char *name);
/* The error beside the field at fault. */
void		hc_bad_text(const struct cctx *, int64_t v, const char *act,
		    const char *name);
/* What was typed in the refused form ("" otherwise). */
struct str	hc_typed(const struct cctx *, int64_t v, const char *act,
		    const char *name);
/* A form to /kelola/SEL/PAGE#jabatan-V with its token and "vacancy". */
void		hc_form_open(const struct cctx *, int64_t v, const char *page);
void		hc_date_field(const struct cctx *, int64_t v, const char *act,
		    const char *name, const char *label);
void		hc_text_field(const struct cctx *, int64_t v, const char *act,
		    const char *name, const char *label);
void		hc_line_field(const struct cctx *, int64_t v, const char *act,
		    const char *name, const char *label);
/* The ticked statement "confirm" of a form, with its error. */
void		hc_confirm(const struct cctx *, int64_t v, const char *act,
		    const char *text);
/* A required choice among values (labels beside), in a fieldset. */
void		hc_radios(const struct cctx *, int64_t v, const char *act,
		    const char *name, const char *legend,
		    const char *const *values, const char *const *labels,
		    size_t n);
/* False (and a redirect to the login) for a visitor. */
bool		hc_logged_in(struct req *, struct resp *);

/* ---- letters ---- (h_letters.c) */
struct s_letter;
struct report_view;
/* hc_form_open for a form that carries a letter's PDF (multipart). */
void		hc_file_form_open(const struct cctx *, int64_t v,
		    const char *page);
/* The letter's file input ("letter"), with its error. */
void		hc_letter_field(const struct cctx *, int64_t v,
		    const char *act, const char *label);
/* A link to letter l (NULL: nothing) with its size and SHA-256. */
void		hc_letter_link(const struct cctx *, const struct s_letter *l,
		    const char *label);
/* The report page's documents, copies and follow-up. */
void		hc_report_letters(const struct cctx *,
		    const struct report_view *);
/* ---- end letters ---- */

#endif
