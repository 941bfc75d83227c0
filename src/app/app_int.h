/*
 * app_int.h - private to src/app: the write path every use case follows,
 * and the audit event it appends.
 */
#ifndef SELTER_APP_INT_H
#define SELTER_APP_INT_H

#include <stdio.h>

#include "app/app.h"
#include "base/buf.h"

struct app {
	struct store	*st;
	struct arena	*perm;
	struct profile	**profiles;
	size_t		 nprofiles;
	struct cal	*cal;
	int64_t		 fixed_now;	/* 0: the real clock */
	int		 session_hours;
	int		 register_per_ip;	/* per hour; 0: no limit */
	int		 reset_per_ip;
	int		 complaint_per_ip;
	unsigned long long argon_ops;
	size_t		 argon_mem;
	unsigned char	 secret[32];	/* signs anonymous form tokens */
	char		 dummy_hash[128];	/* verified for unknown logins */
	atomic_ulong	 gen;		/* bumped by every commit: caches */
	char		 base_url[256];
	char		 files_dir[512];	/* outside the web root */
	app_render_fn	 render;
	/* ---- pdf ---- */
	enum sel_err	(*pdf)(struct arena *, const struct app_doc *,
			    struct str *pdf);
	/* ---- end pdf ---- */
	struct app_log	*log;	/* ---- log ---- log_int.h ---- end log ---- */
	/* ---- archive ---- the imported archive shown (read-only), or
	   NULL (app/archive.h, store/store_archive.h) */
	struct s_archive *archive;
	/* ---- end archive ---- */
};

/* Appends the audit event of a change inside tx. */
enum sel_err	app_audit(struct app *, struct stx *, struct arena *,
		    const struct who *, int64_t sel, const char *action,
		    struct str before, struct str after, struct str rules);

/* Sets m's text; returns rc for chaining. */
enum sel_err	app_say(struct app_msg *, enum sel_err rc, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));

/* {"id": ..., "citation": ...} list of one rule, for an event. */
struct str	app_rule_json(struct arena *, const struct profile *,
		    enum rule_id);
/* The same with the citation given (a rule applied under another's). */
struct str	app_rule_cited(struct arena *, enum rule_id, struct str citation);

/*
 * A JSON object from pairs of (const char *key, struct str *value),
 * ended by a NULL key: the before/after of an event.
 */
struct str	app_kv(struct arena *, ...);

/*
 * One more request under key (e.g. "reg:ip:10.1.2.3") within window
 * seconds, counted in tx: SEL_EBUSY (nothing counted) when max are there
 * already; max 0 is no limit.  The count commits with the request.
 */
enum sel_err	app_rate(struct app *, struct stx *, struct str key,
		    int64_t window, int max);
/* Lifts a name's login slowing inside tx (auth.c; a password reset). */
enum sel_err	app_login_unthrottle(struct stx *, struct arena *,
		    struct str login);

/* app_text_valid (app.h), single-line, at least one byte. */
bool		app_text_ok(struct str, size_t max);
/* The SHA-256 a token is stored as. */
void		app_token_hash(struct str token, unsigned char out[32]);
/* {"id","status","detail","citation"} of each rule, as JSON. */
struct str	app_rules_json(struct arena *, const struct rule_result *,
		    size_t n);

/*
 * printf of any length into the arena (arena_printf keeps 1023 bytes): for
 * texts that carry the user's input, such as e-mail bodies.
 */
struct str	app_printf(struct arena *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * Renders a document with the face's renderer (app_config.render) from
 * v as it stands in tx and keeps it as published (store_publication_add):
 * never changed afterwards.  SEL_EINTERNAL without a renderer.
 */
enum sel_err	app_publish_doc(struct app *, struct stx *, struct arena *,
		    const struct pub_src *, struct str title,
		    struct str signer, struct str at, struct app_msg *);
/* ---- pdf ---- */
/* As app_publish_doc, with the SHA-256 of the document's PDF in *pdf
 * ("" without a PDF renderer), for the act's audit event. */
enum sel_err	app_publish_doc_pdf(struct app *, struct stx *,
		    struct arena *, const struct pub_src *, struct str title,
		    struct str signer, struct str at, struct str *pdf,
		    struct app_msg *);
/* ---- end pdf ---- */

/*
 * A new password typed twice: the same, 10 to 128 bytes; its argon2id
 * hash in hash (the Indonesian refusal in m otherwise).
 */
enum sel_err	app_new_password(const struct app *, struct str pw1,
		    struct str pw2, char hash[128], struct app_msg *);

/* ---- the committee is people (committee.c) ---- */

/* A login as accounts have them: 3-64 of a-z, 0-9, '.', '_', '-'. */
bool		app_login_word_ok(struct str);
/*
 * Who a member being added is: the account of login (a staff account,
 * not yet in this committee) or the e-mail address to invite; exactly one
 * of them.  Fills mb->account_id or mb->email.
 */
enum sel_err	committee_member_who(struct stx *, struct arena *,
		    const struct sel_view *, struct str login, struct str email,
		    struct s_member *, struct app_msg *);
/* At confirmation: each member's grant, or an invitation by e-mail. */
enum sel_err	committee_seat_all(struct app *, struct stx *, struct arena *,
		    const struct who *, const struct sel_view *);
enum sel_err	committee_seat(struct app *, struct stx *, struct arena *,
		    const struct who *, const struct sel_view *,
		    const struct s_member *);
/*
 * The name under the chair's signature: the confirmed chair's, and only
 * the chair's own account may sign (SEL_EPERM otherwise).
 */
enum sel_err	committee_signer(const struct sel_view *, const struct who *,
		    struct str *name, struct app_msg *);

/* "2023-03-15" in the arena. */
struct str	app_date_iso(struct arena *, sel_date);
/* "15 Maret 2023" in the arena. */
struct str	app_date_text(struct arena *, sel_date);

/*
 * The core's evaluation of an application's frozen record against its
 * vacancy in v, as at the closing date (app_application_review without
 * the role check or a transaction of its own).
 */
struct elig_out;
enum sel_err	app_review_eval(struct arena *, const struct sel_view *,
		    const struct s_application *, struct elig_out **);

/*
 * score part (issue 12): the values of score events of a stage still
 * sealed to w (not its own) shown as "disegel" (score_view.c).
 */
enum sel_err	score_events_seal(struct app *, struct stx *, struct arena *,
		    const struct who *, int64_t sel, struct s_event *,
		    size_t n);

/* Commits tx and bumps the cache generation. */
enum sel_err	app_commit(struct app *, struct stx *);

#endif
