/*
 * docpdf.h - the documents as PDF letters (issue 13 items 1 and 4): what
 * the face's PDF renderer (app_config.pdf, web/h_pdf.c) gets, the short
 * verify code of each document, and the reads behind the download links
 * and the public verify page.
 *
 * A published document's PDF is rendered from the frozen publication
 * (its stored HTML, title, signer and time) and the selection, so the
 * same publication always gives the same bytes; the SHA-256 of those
 * bytes is recorded in the audit event of the act that publishes it
 * ("pdf_sha256"), and the verify page renders the PDF again and compares.
 * The verify code is derived from the document's content hash (the
 * frozen body's SHA-256), not from the PDF, which carries the code in
 * its QR code.
 */
#ifndef SELTER_APP_DOCPDF_H
#define SELTER_APP_DOCPDF_H

#include "app/app.h"
#include "store/store_result.h"

enum doc_kind { DOC_PUB, DOC_RANKING, DOC_RECEIPT, DOC_MINUTES,
	DOC_REPORT	/* ---- letters ---- a document of the report pack */ };

struct xp_stage;

struct app_doc {
	enum doc_kind	 kind;
	const struct sel_view *sel;
	const struct s_publication *pub;	/* DOC_PUB */
	const struct s_ranking_sent *ranking;	/* DOC_RANKING */
	const struct s_application *appl;	/* DOC_RECEIPT */
	const struct xp_stage *minutes;		/* DOC_MINUTES */
	struct str	 code;		/* "abcde-fghjk" */
	struct str	 verify_url;	/* base URL + "/verifikasi/" + code */
	struct str	 secret_to;	/* DOC_RANKING: its reader */
	struct str	 zone;		/* WIB, WITA, WIT */
	/* ---- letters ---- DOC_REPORT: the letter as the app made it */
	struct str	 r_kind, r_number, r_subject, r_html, r_signer, r_at,
			 r_title, r_post;
	/* ---- end letters ---- */
};

/* The verify code of what ("pub:announcement", "ranking", "receipt")
 * with the content hash hex: 10 letters of their SHA-256, "abcde-fghjk"
 * (letters only, without i, l and o). */
struct str	app_doc_code(struct arena *, const char *what, struct str hex);

/* The SHA-256 of bytes, hex, in the arena. */
struct str	app_sha256_hex(struct arena *, struct str bytes);

/*
 * At publication, inside the publishing act: the SHA-256 of the PDF of p
 * (its sha256 may be unset: the body's is computed), "" when the
 * application runs without a PDF renderer.
 */
enum sel_err	app_pub_pdf_sha(struct app *, struct arena *,
		    const struct sel_view *, const struct s_publication *,
		    struct str *sha);

/* The PDF of a publication of v (public). */
enum sel_err	app_pub_pdf(struct app *, struct arena *,
		    const struct sel_view *, const struct s_publication *,
		    struct str *pdf);

/*
 * The confidential ranking as it was sent, RAHASIA and watermarked with
 * w's name: those who may read the ranking (app_ranking_view) only,
 * SEL_EPERM for anyone else, SEL_ENOENT while it is not sent.
 */
enum sel_err	app_ranking_pdf(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str *pdf);

/* An application's receipt: its applicant or staff who may see it
 * (app_application), SEL_ENOENT otherwise or before it is submitted. */
enum sel_err	app_receipt_pdf(struct app *, struct arena *,
		    const struct who *, int64_t id, struct str *pdf);

/*
 * The minutes (berita acara) of the committee's decision closing a stage:
 * its scores per rater, the stage scores and outcomes, ties and their
 * reasons, the decision; for those who may export the stage's scores
 * (app/export.h: the committee and the oversight body), once it closed.
 */
enum sel_err	app_minutes_pdf(struct app *, struct arena *,
		    const struct who *, int64_t sel, enum flow_state stage,
		    struct str *pdf);

/* ---- letters ---- (report_pack.c) */
/* The minutes of x (export_stage_tx's), without a role check. */
enum sel_err	app_minutes_pdf_of(struct app *, struct arena *,
		    int64_t sel, const struct xp_stage *x, struct str *pdf);
/* A document of the report pack: d (DOC_REPORT, its sel and r_* set),
   without a verify code: it is signed and its hash is in the trail. */
enum sel_err	app_report_pdf(struct app *, struct arena *,
		    struct app_doc *d, struct str *pdf);
/* ---- end letters ---- */

/* What the public verify page shows of a code. */
struct doc_check {
	enum doc_kind	 kind;
	struct sel_view	 sel;
	struct s_publication pub;	/* DOC_PUB */
	struct s_ranking_sent ranking;	/* DOC_RANKING: when, to whom */
	struct s_application appl;	/* DOC_RECEIPT: number, when */
	struct s_stage_close close;	/* DOC_MINUTES: stage, when, who */
	struct str	 code;
	struct str	 content_sha;	/* the frozen body's, hex */
	struct str	 pdf_sha;	/* rendered now; "" for the ranking,
					   whose PDF is each reader's own */
	struct str	 recorded;	/* the PDF's SHA-256 in the trail */
	int64_t		 event_id;	/* the event that holds it or the
					   content's hash; 0 none */
	struct str	 action;	/* that event's action */
};

/* The document of a verify code (public); SEL_ENOENT: none. */
enum sel_err	app_doc_check(struct app *, struct arena *, struct str code,
		    struct doc_check *);

#endif
