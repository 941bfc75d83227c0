/*
 * web.h - the HTTP layer: libmicrohttpd, routing, request and response,
 * security headers, the public page cache.  Handlers (h_*.c) read the
 * request, call app, and fill the response through the page builder.
 *
 * A request owns one arena, made on the first call of the access handler
 * and destroyed when libmicrohttpd reports the request complete; the
 * request struct lives inside it.
 */
#ifndef SELTER_WEB_WEB_H
#define SELTER_WEB_WEB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "web/html.h"

struct web;
struct doc_req;

/*
 * The workers that answer uploads (sync the file, commit the row) while
 * the event threads go on: files sync side by side, rows commit one at a
 * time.  The store wants WEB_WORKERS / 2 connections more than threads.
 */
#define WEB_WORKERS	16

struct web_config {
	const char	*listen;	/* IPv4 address, "127.0.0.1" */
	int		 port;		/* 0: any free port (tests) */
	int		 threads;
	int		 max_conns;
	int		 max_per_ip;
	int		 timeout_s;
	bool		 secure_cookies;	/* behind TLS */
	const char	*access_log;	/* path, "-" = stdout, "" = none */
	int		 page_cache_mb;	/* public pages' bodies kept; 0: 256 */
};

enum sel_err	web_start(struct app *, const struct web_config *,
		    struct web **, char *err, size_t errsz);
int		web_port(const struct web *);
bool		web_secure(const struct web *);	/* cookies get Secure */
/* Stops accepting, finishes the requests in flight, frees. */
void		web_stop(struct web *);
/* libmicrohttpd's version, "0.9.75". */
const char	*web_lib_version(void);
/* libmicrohttpd's error messages, one log line each. */
void		web_mhd_log(void *cls, const char *fmt, va_list ap);

#define MAX_FORM	(64u << 10)	/* bytes of a posted form */
#define MAX_FIELDS	400	/* the record form's rows: h_record.c */
#define MAX_IDS		3

struct req {
	struct arena	*ar;
	struct app	*app;
	struct web	*web;
	void		*conn;		/* struct MHD_Connection */
	const char	*method, *url;
	bool		 post;
	struct form	 form;
	size_t		 cap;		/* of form.f */
	size_t		 body;
	bool		 too_big, bad_form;
	bool		 urlenc;	/* application/x-www-form-urlencoded */
	int		 hex;		/* hex digits due after a '%' */
	void		*pp;		/* struct MHD_PostProcessor */
	bool		 parsed;	/* the body's end reached the parser */
	int64_t		 ids[MAX_IDS];	/* the numbers in the path */
	struct str	 word;		/* the word of a "*" segment */
	struct who	 who;
	struct str	 ip;
	int64_t		 t0;		/* microseconds, for the log */
	bool		 upload;	/* files streamed to h_docs.c */
	int64_t		 limit;		/* of the body: MAX_FORM or upload's */
	size_t		 form_bytes;	/* an upload's fields but the file */
	const char	*too_big_msg;	/* the 413 page's, if not the form's */
	struct doc_req	*doc;		/* h_docs.c: the file posted */
	bool		 letter_refused;	/* ---- letters ---- form.c:
					   a letter's file dropped (no
					   valid token) ---- end letters */
	void		*job;		/* server.c: answered on a worker */
	bool		 close;		/* answered early: Connection: close */
	bool		 midbody;	/* answered inside the body: sent by
					   web_send_now, then the end */
};

struct resp {
	unsigned	 status;
	struct page	 pg;
	const char	*ctype;
	const char	*location;
	const char	*cache;		/* Cache-Control */
	const char	*allow;		/* Allow, on a 405 */
	struct str	 cookie[2];
	int		 ncookie;
	bool		 cacheable;	/* public: served from memory */
	int		 fd;		/* -1, or a file to send (owned) */
	int64_t		 fd_size;
	const char	*disposition;	/* Content-Disposition */
};

/* The page frame: head, header with navigation, main; and its end. */
void	page_begin(struct req *, struct resp *, const char *title);
void	page_end(struct req *, struct resp *);
/* An error page with an Indonesian message. */
void	page_error(struct req *, struct resp *, unsigned status,
	    const char *msg);
/* Redirect after a successful POST. */
void	resp_redirect(struct resp *, const char *location);
/* The CSRF field of a form, for the current visitor. */
void	form_csrf(struct req *, struct resp *);
/* A form posting one "answer" (a textarea) to action; id makes its ids. */
void	form_answer(struct req *, struct resp *, struct str action,
	    int64_t id);
/* A message box: ok (green) or an error (red, role=alert). */
void	h_msg(struct page *, bool ok, const char *text);
/* One rule result, with its id, status, detail and citation. */
void	h_rule(struct page *, const struct rule_result *);
/* Rule results saved as JSON (an application's, at submission). */
void	h_frozen_rules(struct req *, struct page *, struct str json);
/* The time zone a selection's times are read in (its profile's). */
struct str sel_zone(const struct sel_view *);
/* The dashboard, with a refused form's error (h_auth.c). */
void	dashboard_page(struct req *, struct resp *, const char *err);
/* An app error as an HTTP status. */
unsigned web_status(enum sel_err);
/* A query parameter, "" when absent. */
struct str req_query(struct req *, const char *name);
const char *req_cookie(struct req *, const char *name);

/* The visitor of the session cookie (app_session), and the CSRF check. */
void	req_identify(struct req *);
bool	req_csrf_ok(struct req *);
/*
 * A request's framing, from its headers (conn: struct MHD_Connection):
 * 0 when sound, else the status to refuse it with and msg the reason.
 */
unsigned	web_framing(void *conn, const char **msg);
/*
 * Sends status, the headers of response (a struct MHD_Response) and body
 * on the connection's socket at once, in the middle of a request's body,
 * where libmicrohttpd cannot queue an answer (mhd.c); the caller then
 * ends the connection.  False when it could not be written.
 */
bool		web_send_now(void *conn, unsigned status, void *response,
		    const char *body, size_t len);

/*
 * A file part of an upload route's multipart form, piece by piece (off:
 * its offset), as the form parser meets it: h_docs.c streams it to the
 * document store.  False stops the parser (a malformed form).
 */
bool	doc_field(struct req *, const char *key, const char *filename,
	    const char *data, uint64_t off, size_t size);
/* Removes what an unfinished upload wrote: at the end of every request. */
void	doc_release(struct req *);
/*
 * Before n more bytes of an upload's body: true when its file's other
 * buffer is still with a worker; the connection is then suspended (the
 * worker resumes it) and the bytes must be left for the next call.
 */
bool	doc_wait(struct req *, size_t n);
struct pool_job;
/* Runs a job on the upload workers (here if they are stopping). */
void	web_run(struct req *, struct pool_job *);

/* The stored record (CANDIDATE.json) in short: a table, h_record_sum.c. */
void	h_record_summary(struct req *, struct page *, struct str record);

/*
 * The renderer of published documents (app_config.render): the
 * announcement and its addenda, from the page builder (h_doc.c).
 */
enum sel_err	web_render_doc(struct arena *, const struct pub_src *,
		    struct str *html);

/*
 * The audit trail's head now, as "N:HASH" for `selter audit verify
 * --head`: a public page that shows it lets a reader who kept a copy
 * prove what the trail held (h_public.c).
 */
void	h_audit_head(struct req *, struct page *);
/* A publication's place in the trail: its event and the head before. */
void	h_pub_trail(struct req *, struct page *, const struct s_publication *);

/*
 * The selection of the path's first number for a staff page: a visitor
 * not logged in is sent to /masuk; an unknown selection is 404, one the
 * visitor may not view 403 (layout.c).  False when the page is answered.
 */
bool	web_sel_load(struct req *, struct resp *, struct sel_view *);

/* A role's Indonesian name ("Ketua panitia seleksi"), h_auth.c. */
const char	*web_role_label(enum role);

/* Handlers. */
typedef void handler(struct req *, struct resp *);
handler h_home, h_announcement, h_css, h_health, h_login_get,
    h_login_post, h_logout, h_password_get, h_password_post, h_dashboard,
    h_admin, h_admin_region, h_admin_account, h_admin_grant,
    h_admin_grant_del, h_sel_new, h_sel, h_sel_post, h_audit,
    h_register_get, h_register_post, h_confirm, h_forgot_get, h_forgot_post,
    h_reset_get, h_reset_post, h_applicant_home, h_record_get, h_record_post,
    h_vacancy_preview, h_apply, h_receipt, h_withdraw, h_registrants,
    h_adm_queue, h_adm_publish, h_adm_application, h_adm_act, h_adm_result,
    h_complaint_get, h_complaint_post, h_complaint_status, h_complaints,
    h_complaint_answer, h_clar_answer,
    h_docs_get, h_docs_post, h_doc_get, h_doc_limits_get, h_doc_limits_post,
    h_rform_get, h_rform_post, h_flow, h_flow_post, h_invite_get, h_invite_post, h_sel_step, h_prac, h_prac_post,
    h_nip_get, h_nip_post;
/* stage part (issue 12 item 1): h_stage.c */
handler h_stage, h_stage_invite, h_stage_absent, h_stage_instrument,
    h_stage_inquiry, h_stage_material;
/* The assessor's and the resource person's work (the dashboard), and the
   applicant's invitations and absences (/pelamar): h_stage_list.c. */
void	h_stage_work(struct req *, struct page *);
void	h_my_stages(struct req *, struct page *);
/* An application's stages on its staff page (h_adm.c). */
void	h_app_stages(struct req *, struct page *, int64_t application_id,
	    struct str zone);
/* reuse (issue 12 item 4): STG-REUSE */
handler h_reuse, h_reuse_post, h_reuse_rec_get, h_reuse_rec_post;
/* the PPK's choice (issue 14 item 1) */
handler h_choice, h_choice_post, h_consult, h_consult_post, h_report,
    h_report_json, h_report_post, h_appoint, h_appoint_post;
/* ---- tenure ---- (issue 14 item 5): h_tenure.c */
handler h_tenure_list, h_tenure, h_tenure_post;
/* ---- end tenure ---- */
/* export (issue 12 item 5): h_export.c */
handler h_export_stage, h_export_ranking, h_export_adm;
/*
 * Links to an export as XLSX and CSV, for the page that shows the same
 * data (the caller checks the role: ACT_EXPORT, or ACT_EXPORT_RANKING for
 * "peringkat").  what: "administrasi", "peringkat", or a stage's slug
 * (web_stage_slug: "wawancara") for that closed stage's scores.
 */
void	h_export_links(struct page *, int64_t sel, const char *what);
/* result: stage results, their sheets, the confidential ranking */
handler h_stage_result, h_stage_sheet, h_stage_sheet_vac, h_results,
    h_results_post, h_ranking, h_ranking_post, h_ranking_sheet;
struct result_view;
struct ranking_view;
/* The documents of the results (h_result_doc.c), for web_render_doc. */
void	web_doc_stage(struct arena *, struct page *,
	    const struct result_view *);
void	web_doc_ranking(struct arena *, struct page *,
	    const struct ranking_view *);
/* The links to a selection's published stage results (h_result.c). */
void	h_result_links(struct req *, struct page *, const struct sel_view *,
	    const struct s_publication *, size_t n);
/* The rankings sent to this visitor, for the dashboard (h_result.c). */
void	h_ranking_inbox(struct req *, struct page *);
/* score part (issue 12): a stage's scoring, h_score.c */
handler h_score_get, h_score_all, h_score_post;
/* The dashboard's links to the sheets of the stages being scored. */
void	h_score_links(struct req *, struct page *);

/* ---- pdf ---- */
/* The documents as PDF letters and their verify page (h_pdf.c,
 * h_verify.c); web_render_pdf is app_config.pdf. */
struct app_doc;
enum sel_err	web_render_pdf(struct arena *, const struct app_doc *,
		    struct str *pdf);
handler h_pdf_announcement, h_pdf_publication, h_pdf_adm, h_pdf_stage,
	h_pdf_ranking, h_pdf_receipt, h_verify, h_verify_form, h_pdf_minutes;
/* The minutes of a stage's closing: its letter's parts (h_minutes.c). */
void	web_minutes_letter(struct arena *, const struct app_doc *,
	    struct str *kind, struct str *subject, struct str *html,
	    struct str *signer, struct str *at);
/* "Unduh PDF" beside a document on a page, to href. */
void	h_pdf_link(struct req *, struct page *, const char *href);
/* ---- end pdf ---- */

/*
 * The route table (routes.c).  M_UPLOAD: a POST whose file streams to
 * h_docs.c, answered on a worker.  Pattern: '%' a number, '*' a word.
 */
enum { M_GET = 1, M_POST = 2, M_UPLOAD = 4 };
struct web_route {
	int		 methods;
	const char	*pattern;
	handler		*fn;
	bool		 cache;		/* public, the same for everyone */
};
extern const struct web_route web_routes[];
extern const size_t web_nroutes;

/* ---- log ---- (issue 13, h_log.c) */
void	h_log_key(struct req *, struct resp *);
void	h_log_checkpoint(struct req *, struct resp *);
void	h_log_checkpoints(struct req *, struct resp *);
void	h_log_proof(struct req *, struct resp *);
void	h_log_inclusion(struct req *, struct resp *);
void	h_log_pub(struct req *, struct resp *);
/* ---- end log ---- */

/* ---- dashboard ---- (issue 14 item 6, h_dash.c) */
void	h_dash(struct req *, struct resp *);
void	h_dash_json(struct req *, struct resp *);
void	h_dash_region(struct req *, struct resp *);
void	h_dash_region_json(struct req *, struct resp *);
/* The link to it on /dasbor, for those who may open it. */
void	h_dash_link(struct req *, struct page *);
/* ---- end dashboard ---- */
/* ---- letters ---- (issue 14 items 2-4, h_letters.c) */
void	h_letter(struct req *, struct resp *);
void	h_report_doc(struct req *, struct resp *);
/* ---- end letters ---- */
/* ---- archive ---- (issue 13 item 5): h_archive.c */
handler h_archive;
/* An imported archive (read-only): a POST is refused before its body is
   read, *msg the Indonesian page's text. */
bool	web_archive_refused(struct app *, const char *method,
	    const char **msg);
/* ---- end archive ---- */

#endif
