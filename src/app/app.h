/*
 * app.h - the use cases of the web application: who is asking, what they
 * may do, and each step of a selection's preparation, applied to the
 * store in one transaction with its audit event.
 *
 * Every write checks the actor's role here, not only in the page that
 * offers it (app_may; the table is in perm.c), takes the store's write
 * transaction, validates with the core, writes, appends the audit event
 * and commits: a refused or failed action changes nothing.  Messages for
 * people (struct app_msg) are in Bahasa Indonesia.
 *
 * Ownership: struct app lives for the process (profiles and holidays are
 * read-only after app_open, shared by every thread); everything a call
 * returns lives in the arena passed in.
 */
#ifndef SELTER_APP_APP_H
#define SELTER_APP_APP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "core/adm.h"
#include "core/date.h"
#include "core/prep.h"
#include "core/committee.h"
#include "core/score.h"
#include "core/window.h"
#include "core/elig.h"
#include "core/flow.h"
#include "store/store.h"

struct arena;
struct cal;
struct prac_view;
struct profile;

struct app_msg {
	char	text[512];	/* Indonesian, for the person who acted */
};

struct sel_view;
struct adm_view;
struct app_doc;	/* pdf */

/* What a document to publish is made from. */
struct pub_src {
	enum pub_kind	 kind;
	const struct sel_view *sel;	/* always */
	const struct adm_view *adm;	/* PUB_ADM_RESULT */
	struct str	 text;		/* PUB_ADDENDUM: its sentence */
};

/*
 * Renders a document about to be published from the selection as it
 * stands inside the publishing transaction: the face supplies it (the web
 * application's page builder, web/h_doc.c), the store keeps its bytes,
 * and what the public reads afterwards is those bytes.
 */
typedef enum sel_err (*app_render_fn)(struct arena *, const struct pub_src *,
		    struct str *html);

/*
 * The posted field a refusal names (its form name, "w_paper"), "" when
 * it names none or several: the page shows the message beside it.  It is
 * kept in text after the message's NUL (so that every `{ "" }` stays a
 * complete initializer); app_say clears it, app_msg_at sets it.
 */
const char	*app_msg_field(const struct app_msg *);
void		 app_msg_at(struct app_msg *, const char *field);

struct app_config {
	const char	*db_path;
	int		 db_conns;
	bool		 demo;		/* seed the demo data when empty */
	bool		 demo_history;	/* and a selection that ran its
					   course (demo_past.c) */
	const char	*now;		/* fixed clock "YYYY-MM-DDTHH:MM:SSZ":
					   tests and demos only */
	int		 session_hours;
	int		 register_per_ip;	/* registrations, password reset
					   requests and complaints from one
					   address per hour; 0: no limit */
	int		 reset_per_ip;
	int		 complaint_per_ip;
	int		 argon_ops;	/* argon2id opslimit, memlimit (KiB) */
	int		 argon_mem_kib;
	const char	*base_url;	/* "https://selter.example.go.id": links
					   in e-mails (default the listener) */
	const char	*files_dir;	/* documents; "": db path + ".files" */
	app_render_fn	 render;	/* documents to publish; required to
					   publish anything */
	const char	*profiles_dir;	/* NULL or "": app_profiles_dir's */
	/* ---- pdf ---- PDF letters (app/docpdf.h); NULL: none */
	enum sel_err	(*pdf)(struct arena *, const struct app_doc *,
			    struct str *pdf);
	/* ---- end pdf ---- */
	/* ---- log ---- (issue 13, docs/log.md) */
	const char	*signing_key;	/* the region's secret key file (mode
					   0600); "": with demo, db + ".key" */
	const char	*witness_key;	/* the oversight body's public key */
	/* ---- end log ---- */
};

/*
 * The application: opaque to its faces (app_int.h has it); they reach it
 * only through the functions below.
 */
struct app;

enum sel_err	app_open(const struct app_config *, struct app **,
		    char *err, size_t errsz);
void		app_close(struct app *);

int64_t		app_now(const struct app *);	/* Unix seconds */
/* Bumped by every commit that can change a page: caches compare it. */
unsigned long	app_gen(const struct app *);
int		app_session_hours(const struct app *);
const char	*app_files_dir(const struct app *);
/* The region profiles loaded at start, read-only. */
const struct profile *const *app_profile_list(const struct app *, size_t *n);
/* "2026-11-23T10:15:00Z" */
struct str	app_iso(struct arena *, int64_t t);
/* For people (mails): "7 Desember 2026 pukul 19.02 WIB", in the zone of
 * the profile (WIB without one). */
struct str	app_when(struct arena *, int64_t t, const struct profile *);
/* Today in the region's time zone (WIB +7, WITA +8, WIT +9). */
sel_date	app_today(const struct app *, const struct profile *);
/* The region's offset from UTC in hours (WIB 7, WITA 8, WIT 9). */
int		app_tz_hours(const struct profile *);
/*
 * The zone ("WIB", "WITA", "WIT") people read a selection's times in: its
 * region's; sel 0: the zone every region of the store shares (WIB when
 * they differ or there is none).  For pages; zone.c.
 */
struct str	app_zone(struct app *, struct arena *, int64_t sel);
/* The instant (UTC seconds) the region's day d ends: 00:00 of d + 1. */
int64_t		app_day_end(const struct profile *, sel_date d);
const struct profile *app_profile_get(const struct app *, struct str id);

/* ---- who is asking ---- */

struct who {
	int64_t		 account_id;	/* 0: a member of the public */
	struct str	 login, name;
	bool		 admin;
	struct s_grant	*grants;
	size_t		 ngrants;
	struct str	 csrf;		/* the session's form token */
	unsigned char	 th[32];	/* the session token's hash */
};

/* The actions a role may be granted (perm.c has the table). */
enum act {
	ACT_ADMIN,		/* regions, accounts, grants */
	ACT_SEL_CREATE,
	ACT_SEL_VIEW,		/* the preparation pages */
	ACT_VACANCY_EDIT,
	ACT_PLAN_EDIT,
	ACT_PLAN_SEND,		/* record the sending to the oversight body */
	ACT_RECOMMEND,		/* record its recommendation */
	ACT_CONSULT,		/* VAC-INSPEKTUR */
	ACT_COMMITTEE_EDIT,
	ACT_COMMITTEE_CONFIRM,	/* the PPK's decree */
	ACT_ANN_EDIT,
	ACT_ANN_PUBLISH,	/* the chair signs (ANN-SIGNED) */
	ACT_AUDIT_VIEW,
	ACT_STAGE_DECIDE,	/* later: the committee decides a stage */
	ACT_SCORE_ENTER,	/* later: scores */
	ACT_APPOINT_CHOOSE,	/* later: the PPK chooses 1 of 3 */
	ACT_ADM_CHECK,		/* ADM-COMPLETE: note a file complete */
	ACT_CLARIFY,		/* ask the applicant (Covid procedures) */
	ACT_RESULT_PUBLISH,	/* the chair signs a stage's result */
	ACT_EXTEND,		/* ANN-EXTEND: extend the window */
	ACT_COMPLAINT_VIEW,
	ACT_COMPLAINT_ANSWER,
	ACT_INVITE,		/* ADM-INVITE: the PPK appoints candidates */
	ACT_REG_CLOSE,		/* FT_CLOSE: close registration */
	ACT_PRAC_APPROVAL,	/* PRAC-OVERSIGHT-APPROVAL: record a letter */
	ACT_PRAC_MINISTER,	/* PRAC-HOME-MINISTER: Pj flag, windows,
				   the Minister's approval */
	/* stage part (issue 12 item 1): app/stage.h */
	ACT_STAGE_RUN,		/* invitations, absences */
	ACT_STAGE_COMMITTEE,	/* instrument, inquiry notes, material */
	ACT_TRACK_READ,		/* the confidential track record */
	ACT_STAGE_ASSESSOR,	/* the assessment stage's page */
	ACT_STAGE_NARASUMBER,	/* the interview stage's page */
	ACT_REUSE_RECORD,	/* STG-REUSE: a result entered by hand */
	ACT_REUSE_APPLY,	/* use a result on record in a selection */
	/* export (issue 12 item 5): app/export.h */
	ACT_EXPORT,		/* closed stages' scores, the adm. result */
	ACT_EXPORT_RANKING,	/* the final ranking (PyB/PPK once sent) */
	ACT_RANKING_VIEW,	/* result: the confidential ranking */
	ACT_DASHBOARD,	/* ---- dashboard ---- end dashboard ---- */
	/* ---- tenure ---- app/tenure.h */ ACT_TENURE_VIEW, ACT_TENURE_RECORD,
	ACT_TENURE_DECIDE,	/* ---- end tenure ---- */
	ACT_ARCHIVE_EXPORT,	/* ---- archive ---- ---- end archive ---- */
	ACT__N
};
const char	*act_name(enum act);

/* Does a role allow the action?  The table itself, for tests and docs. */
bool		perm_role_may(enum role, enum act);
/* May this person do it in this region/selection (sel 0: region-wide)? */
bool		app_may(const struct who *, enum act, int64_t region_id,
		    int64_t sel_id);
bool		app_has_role(const struct who *, enum role, int64_t region_id,
		    int64_t sel_id);

/* ---- accounts and sessions (auth.c) ---- */

#define APP_TOKEN_LEN	43	/* base64url of 32 random bytes */
#define APP_FAIL_MAX	5	/* failed logins of a name from one address
				   per 15 minutes: that pair is locked */
#define APP_FAIL_MAX_IP	30	/* ... of any names from one address (offices
				   share one): the address is locked */
#define APP_FAIL_SLOW	50	/* ... of a name from anywhere: never locks,
				   only slows the name to one check ... */
#define APP_FAIL_GAP	2	/* ... per this many seconds */

/*
 * Checks the password; on success a new session: *token (for the cookie)
 * in the arena.  SEL_EINVAL: wrong login or password (one message for
 * both); SEL_EBUSY: too many failures for this login or address;
 * SEL_ESTATE: the right password of an applicant whose e-mail address is
 * not confirmed yet (APP_LOGIN_UNCONFIRMED, said to no one else).
 */
#define APP_LOGIN_UNCONFIRMED "Alamat surel pendaftaran ini belum " \
	"dikonfirmasi, jadi akun ini belum dapat dipakai. Buka tautan " \
	"konfirmasi dalam surel yang kami kirim ke alamat yang Anda isi saat " \
	"mendaftar (berlaku 48 jam; periksa juga folder spam), lalu masuk " \
	"lagi. Bila surel itu tidak ada atau tautannya sudah tidak berlaku, " \
	"daftarkan lagi NIP Anda setelah 48 jam sejak pendaftaran: " \
	"pendaftaran yang tidak dikonfirmasi gugur dengan sendirinya. Bila " \
	"tetap tidak berhasil, hubungi sekretariat panitia."
enum sel_err	app_login(struct app *, struct arena *, struct str login,
		    struct str password, struct str ip, struct str *token,
		    struct app_msg *);
/* The session of a cookie's token: SEL_ENOENT when none or expired. */
enum sel_err	app_session(struct app *, struct arena *, struct str token,
		    struct who *);
enum sel_err	app_logout(struct app *, const struct who *);
enum sel_err	app_password_change(struct app *, struct arena *,
		    const struct who *, struct str old, struct str new1,
		    struct str new2, struct app_msg *);
/* Anonymous forms: a token tied to a random cookie value. */
struct str	app_anon_token(struct app *, struct arena *, struct str nonce);
bool		app_anon_check(struct app *, struct str nonce,
		    struct str token);
/* 32 random bytes, base64url: a cookie nonce. */
struct str	app_new_token(struct arena *);
/* Constant-time comparison of two tokens. */
bool		app_token_eq(struct str a, struct str b);
enum sel_err	app_hash_password(const struct app *, struct str pw,
		    char out[128]);

/* ---- administration (admin.c) ---- */

enum sel_err	app_region_add(struct app *, struct arena *,
		    const struct who *, const struct s_region *,
		    int64_t *id, struct app_msg *);
enum sel_err	app_account_add(struct app *, struct arena *,
		    const struct who *, const struct s_account *,
		    struct str password, int64_t *id, struct app_msg *);
enum sel_err	app_grant_add(struct app *, struct arena *,
		    const struct who *, struct str login, struct str region,
		    int64_t sel_id, struct str role, struct app_msg *);
/* An administrator account, from the command line (no session). */
enum sel_err	app_admin_create(struct app *, struct arena *, struct str login,
		    struct str name, struct str password, struct app_msg *);
enum sel_err	app_grant_del(struct app *, struct arena *,
		    const struct who *, int64_t grant_id, struct app_msg *);

/* ---- a selection's preparation (prep.c, prep_view.c) ---- */

struct sel_view {
	struct s_selection s;
	struct s_region	 region;
	const struct profile *profile;
	struct s_vacancy *vac;
	size_t		 nvac;
	struct s_stage	*stages;
	size_t		 nstages;
	struct s_member	*members;
	size_t		 nmembers;
	struct com_out	 com;		/* COM-* on the members */
	bool		 has_weights;
	struct weights	 weights;
	struct weights_out wout;
	bool		 has_window;
	sel_date	 open, close;
	struct window_out win;
	bool		 win_err;	/* a year without holiday data */
	struct prep_out	 prep;
	bool		 published;
	int64_t		 max_apps;	/* applications per applicant */
	struct flow_facts flow;		/* what the workflow reads */
	enum flow_state	 state;		/* flow_state_of(&flow) */
	sel_date	 today;		/* in the region's time zone */
	struct prac_view *prac;		/* PRAC-* records (app/prac.h) */
};

enum sel_err	app_sel_view(struct app *, struct arena *, int64_t sel,
		    struct sel_view *);
enum sel_err	app_sel_create(struct app *, struct arena *,
		    const struct who *, struct str region, struct str title,
		    int64_t *id, struct app_msg *);

/*
 * One form of the preparation: fields by name, as posted.  Each op
 * validates its fields (Indonesian message naming the field), checks the
 * role and the state (nothing changes once published), writes and audits.
 */
enum prep_op {
	OP_VACANCY_ADD, OP_VACANCY_DEL, OP_PLAN, OP_STAGE_PUT, OP_STAGE_DEL,
	OP_PLAN_SENT, OP_RECOMMENDATION, OP_CONSULT, OP_MEMBER_ADD,
	OP_MEMBER_DEL, OP_COMMITTEE_CONFIRM, OP_ANNOUNCEMENT, OP_PUBLISH,
	OP_MEMBER_REPLACE,
	OP__N
};

struct field {
	struct str	 name, value;
};

struct form {
	struct field	*f;
	size_t		 n;
};

struct str	form_get(const struct form *, const char *name);
/*
 * The first field whose value is not text (app_text_valid, multi-line:
 * a NUL, invalid UTF-8, a control other than CR, LF and tab, a bidi
 * override), NULL when every one is: the web refuses such a form whole.
 */
const struct field *form_bad_text(const struct form *);
/*
 * Text to store: valid UTF-8 (no overlong form, no surrogate), no control
 * character (C0, DEL, C1; a multi-line field keeps CR, LF and tab), no
 * bidirectional control (U+202E and the like), at most max bytes.
 */
bool		app_text_valid(struct str, size_t max, bool multiline);
bool		form_has(const struct form *, const char *name, struct str v);

enum sel_err	app_prep(struct app *, struct arena *, const struct who *,
		    int64_t sel, enum prep_op, const struct form *,
		    struct app_msg *);

/* ---- the audit trail ---- */

enum sel_err	app_events(struct app *, struct arena *, const struct who *,
		    int64_t sel, struct s_event **, size_t *n);
/* head: an expected head of the trail, or NULL (store_audit_verify). */
enum sel_err	app_audit_verify(struct app *, struct arena *,
		    const struct audit_head *head, int64_t *checked,
		    int64_t *bad, struct str *why);
/*
 * The same on a store file, without starting the application (`selter
 * audit verify`): SEL_EINVAL with err when the file cannot be opened.
 */
enum sel_err	app_audit_verify_file(const char *db, struct arena *,
		    const struct audit_head *head, int64_t *checked,
		    int64_t *bad, struct str *why, char *err, size_t errsz);

/* ---- lists for pages ---- */

/* Selections, oldest first: published_only for the public. */
enum sel_err	app_selections(struct app *, struct arena *,
		    bool published_only, struct s_selection **, size_t *n);
/* The audit trail's head now: its newest event and that hash. */
enum sel_err	app_audit_head(struct app *, struct audit_head *);
/* A region by its code (its name for pages); SEL_ENOENT when none. */
enum sel_err	app_region_by_code(struct app *, struct arena *,
		    struct str code, struct s_region *);
/* Regions, accounts and grants: the administrator only (SEL_EPERM). */
enum sel_err	app_admin_lists(struct app *, struct arena *,
		    const struct who *, struct s_region **, size_t *nreg,
		    struct s_account **, size_t *nacc, struct s_grant **,
		    size_t *ngr);

/* ---- applicants and applications (apply.c) ---- */

struct reg_in {
	struct str	 nip, name, birth_date, tmt, email, pw1, pw2;
	struct str	 ip;	/* the request's address: register_per_ip an
				   hour; "" (the CLI, tests): no limit */
};

/* The one answer to a registration that passed its checks. */
#define APP_REGISTER_SENT "Periksa surel Anda. Bila pendaftaran ini " \
	"diterima, kami mengirim tautan konfirmasi (berlaku 48 jam) ke " \
	"alamat surel yang Anda isi; buka tautan itu sebelum melamar. Bila " \
	"NIP Anda sudah didaftarkan orang lain, hubungi sekretariat panitia."

/*
 * Self-registration: the NIP (18 digits) must agree with the birth date
 * (digits 1-8) and the TMT CPNS (digits 9-14, "YYYY-MM"); its 15th digit
 * (gender) is never read.  Queues the confirmation e-mail.  An NIP held
 * already (confirmed, or unconfirmed within its 48 hours) gets the same
 * answer (APP_REGISTER_SENT) with nothing made: *account_id 0.  An
 * unconfirmed registration whose link expired is released and replaced.
 */
enum sel_err	app_register(struct app *, struct arena *, const struct reg_in *,
		    int64_t *account_id, struct app_msg *);
enum sel_err	app_confirm(struct app *, struct arena *, struct str token,
		    struct app_msg *);
/*
 * Always the same answer, whether the account exists or not; at most
 * reset_per_ip requests an hour from address ip ("": no limit), and at
 * most 3 mails an hour to one account (past it: the answer, no mail).
 * Using one link voids the account's other reset links.
 */
enum sel_err	app_reset_request(struct app *, struct arena *,
		    struct str login_or_email, struct str ip,
		    struct app_msg *);
enum sel_err	app_reset(struct app *, struct arena *, struct str token,
		    struct str pw1, struct str pw2, struct app_msg *);

/*
 * The secretariat (any region's) or the administrator releases a disputed
 * NIP after checking its owner's identity: the account holding it keeps
 * its rows under another login, cannot log in, and the NIP registers
 * anew (nip_release.c).  The reason is required and audited.
 */
enum sel_err	app_nip_release(struct app *, struct arena *,
		    const struct who *, struct str nip, struct str reason,
		    struct app_msg *);

/* Is this login an applicant's (their NIP)? */
bool		app_is_applicant(struct app *, struct str login);
/* The applicant's own record (SEL_ENOENT: not an applicant). */
enum sel_err	app_applicant(struct app *, struct arena *, const struct who *,
		    struct s_applicant *);
/* Imports a CONTRACT.md CANDIDATE.json as the applicant's record. */
enum sel_err	app_record_set(struct app *, struct arena *, const struct who *,
		    struct str json, struct app_msg *);

struct preview {
	struct s_vacancy vac;
	struct sel_view	 sel;
	bool		 has_record;
	struct elig_out	*elig;		/* NULL without a usable record */
	struct str	 record_error;
	sel_date	 today;
	bool		 open;		/* registration open today */
	bool		 applied;	/* already applied to this vacancy */
	int64_t		 active, max_apps;
	bool		 confirmed;
	bool		 invited;	/* ADM-INVITE: by the PPK */
};

/* The core's live verdict on the applicant's record for a vacancy. */
enum sel_err	app_preview(struct app *, struct arena *, const struct who *,
		    int64_t vacancy_id, struct preview *);
enum sel_err	app_apply(struct app *, struct arena *, const struct who *,
		    int64_t vacancy_id, int64_t *application_id,
		    struct app_msg *);
enum sel_err	app_withdraw(struct app *, struct arena *, const struct who *,
		    int64_t application_id, struct app_msg *);
/* Own applications, or any when the role may view the selection. */
enum sel_err	app_application(struct app *, struct arena *,
		    const struct who *, int64_t id, struct s_application *);
/*
 * The core's evaluation of an application's frozen record: for the
 * committee's checklist (competency, track record, health) and the
 * advisories; staff who may view the selection only.
 */
enum sel_err	app_application_review(struct app *, struct arena *,
		    const struct who *, int64_t id, struct elig_out **);
/* The current documents of an application's applicant (owner or staff). */
enum sel_err	app_application_docs(struct app *, struct arena *,
		    const struct who *, int64_t id, struct s_document **,
		    size_t *n);
enum sel_err	app_my_applications(struct app *, struct arena *,
		    const struct who *, struct s_application **, size_t *n);
/*
 * The public list of registrants (registration number and name) once
 * registration has closed; SEL_ESTATE before.
 */
enum sel_err	app_registrants(struct app *, struct arena *, int64_t sel,
		    struct sel_view *, struct s_application **, size_t *n);

/* ---- the administrative selection (adm.c) ---- */

#define ADM_MAX_VAC	32

struct adm_vac {
	int64_t		 vacancy_id;
	struct str	 title;
	int		 registered, decided, passed;
	bool		 has_min;
	struct rule_result min;		/* ADM-MIN-3 */
	int		 invitations;	/* ADM-INVITE, for this vacancy */
	struct adm_publish_out pub;	/* may the result be published */
};

struct adm_view {
	struct sel_view	 sel;
	struct s_adm	*rows;
	size_t		 nrows;
	struct adm_vac	 vac[ADM_MAX_VAC];
	size_t		 nvac;
	bool		 closed;	/* registration has closed */
	bool		 published;	/* the result is signed and public */
	bool		 all_decided;
	int64_t		 extensions;
	struct str	 complete_citation;	/* ADM-COMPLETE's */
	bool		 has_ext;	/* ANN-EXTEND evaluated */
	struct extend_out ext;
	struct s_invitation *inv;	/* ADM-INVITE */
	size_t		 ninv;
	bool		 may_invite;	/* the profile has ADM-INVITE */
};

/* The queue; staff who may view the selection only. */
enum sel_err	app_adm_view(struct app *, struct arena *, const struct who *,
		    int64_t sel, struct adm_view *);
/* ADM-COMPLETE: the file complete (or not), with a note. */
enum sel_err	app_adm_check(struct app *, struct arena *, const struct who *,
		    int64_t sel, int64_t application_id, bool complete,
		    struct str note, struct app_msg *);
/* The committee's decision, always with a reason. */
enum sel_err	app_adm_decide(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t application_id,
		    bool passed, struct str reason, struct app_msg *);
/*
 * The same, with an override: a pass of an applicant the core does not
 * find eligible (an ELIG-* rule fails or is missing on the frozen record)
 * or whose file is not complete (ADM-COMPLETE) is refused unless override
 * is ticked and ov_reason given; the override is kept with the rules it
 * overrides, shown on the queue and the application's page, and in the
 * trail.
 */
enum sel_err	app_adm_decide_ov(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t application_id,
		    bool passed, struct str reason, bool override,
		    struct str ov_reason, struct app_msg *);
/*
 * The chair signs and publishes the result (registration numbers, names);
 * refused while a vacancy's ADM-MIN-3 fails and none of the profile's
 * paths was taken (adm_publish_eval).
 */
enum sel_err	app_adm_publish(struct app *, struct arena *,
		    const struct who *, int64_t sel, bool confirm,
		    struct app_msg *);
/*
 * ANN-EXTEND: the chair extends the registration window when the profile
 * allows it now (too few applicants or qualified, extensions left).  Where
 * the profile sets no length (Pontianak: "if needed"), close is the new
 * closing date the committee chose (after the current one).
 */
enum sel_err	app_extend(struct app *, struct arena *, const struct who *,
		    int64_t sel, struct str reference, struct str close,
		    struct app_msg *);
/*
 * Clarification with the applicant (the Covid procedures: Pekalongan
 * Lampiran II 3.a.1, Demak Pasal 23 (2)): offered only by a profile with
 * an emergency procedure.  Questions and answers are in the trail.
 */
enum sel_err	app_clarify(struct app *, struct arena *, const struct who *,
		    int64_t sel, int64_t application_id, struct str question,
		    struct app_msg *);
enum sel_err	app_clar_answer(struct app *, struct arena *,
		    const struct who *, int64_t application_id, int64_t id,
		    struct str answer, struct app_msg *);
enum sel_err	app_clars(struct app *, struct arena *, const struct who *,
		    int64_t application_id, struct s_clar **, size_t *n);
/*
 * ADM-INVITE: the PPK appoints or invites a civil servant (by NIP) to a
 * vacancy whose selection has too few qualified candidates (ADM-MIN-3
 * fails); the invited one may apply after the closing date, until the
 * result is published, and is screened as invited.
 */
enum sel_err	app_invite(struct app *, struct arena *, const struct who *,
		    int64_t sel, int64_t vacancy_id, struct str nip,
		    struct str name, struct app_msg *);
/* The public result: who goes on, per vacancy; SEL_ESTATE before. */
enum sel_err	app_adm_result(struct app *, struct arena *, int64_t sel,
		    struct adm_view *);
/* The applicant's own decision on an application (passed -1: none yet). */
enum sel_err	app_adm_mine(struct app *, struct arena *, const struct who *,
		    int64_t application_id, int *passed, struct str *reason);

/* ---- the workflow (flow.c; the table is core/flow.c) ---- */

struct flow_view {
	struct adm_view	 adm;		/* with the selection (adm.sel) */
	struct sel_view	*sel;		/* &adm.sel */
	struct flow_offer offers[FT__N];	/* open from the state now */
	bool		 mine[FT__N];	/* this visitor may take offers[i] */
	size_t		 noffers;
	struct flow_step steps[FL__N];	/* the progress, in order */
	size_t		 nsteps;
};

/* Staff who may view the selection: its progress and open transitions. */
enum sel_err	app_flow_view(struct app *, struct arena *, const struct who *,
		    int64_t sel, struct flow_view *);
/* Does the application have the use case of transition t yet? */
bool		app_flow_has_use_case(enum flow_tr);
/* The action (perm.c) that takes transition t; ACT__N for the clock's. */
enum act	app_flow_act(enum flow_tr);
/*
 * FT_CLOSE: the secretariat closes registration once the window has
 * ended (the calendar guard of the table); in the trail with the count.
 */
enum sel_err	app_reg_close(struct app *, struct arena *, const struct who *,
		    int64_t sel, bool confirm, struct app_msg *);
/*
 * What the public reads of a selection, as it was published (oldest
 * first): the announcement, its addenda, the results.  Public.
 */
enum sel_err	app_publications(struct app *, struct arena *, int64_t sel,
		    struct s_publication **, size_t *n);
/* An application's state as the workflow names it (core/flow.h). */
enum flow_app_state app_state(const struct s_application *);
/* The region's calendar day of a UTC instant "YYYY-MM-DDTHH:..." */
bool		app_local_day(const struct profile *, struct str iso,
		    sel_date *);

/* ---- joining a committee by invitation (committee.c) ---- */

/*
 * The member and selection an invitation link is for, without using it;
 * SEL_ENOENT when it is unknown, used or expired.
 */
enum sel_err	app_member_invitation(struct app *, struct arena *,
		    struct str token, struct s_member *, struct s_selection *);
/*
 * The invited member makes an account (login, password twice) and takes
 * the place: the account is linked, the grant made, the link used up.
 */
enum sel_err	app_member_join(struct app *, struct arena *, struct str token,
		    struct str login, struct str pw1, struct str pw2,
		    struct app_msg *);

/* ---- complaints (complaint.c) ---- */

/*
 * A complaint from address ip (at most complaint_per_ip an hour); name
 * and contact are single-line text, body multi-line (app_text_valid):
 * otherwise refused, the field named.
 */
enum sel_err	app_complaint_add(struct app *, struct arena *, int64_t sel,
		    struct str name, struct str contact, struct str body,
		    struct str ip, struct str *tracking, struct app_msg *);
enum sel_err	app_complaint_get(struct app *, struct arena *,
		    struct str tracking, struct s_complaint *);
enum sel_err	app_complaints(struct app *, struct arena *, const struct who *,
		    int64_t sel, struct s_complaint **, size_t *n);
enum sel_err	app_complaint_answer(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t id,
		    struct str answer, struct app_msg *);

/* ---- applicants' documents (docs.c) ---- */

/*
 * The types a document may have, known from its first bytes and nothing
 * else (a name or a declared type is never trusted); bits of a limit.
 */
enum doc_type { DOC_NONE = 0, DOC_PDF = 1, DOC_JPEG = 2, DOC_PNG = 4 };
#define DOC_TYPES	7
#define DOC_SNIFF_LEN	8		/* bytes doc_sniff needs at most */
#define DOC_MAX_PHOTO	(200 * 1024)	/* default: "photo", JPEG */
#define DOC_MAX_OTHER	(2 * 1024 * 1024)	/* default: any other, PDF */
#define DOC_MAX_LIMIT	(20 * 1024 * 1024)	/* the most a limit may be */

enum doc_type	doc_sniff(const unsigned char *, size_t n);
/* The limit of an item without a selection's own: size and types. */
void		doc_default_limit(struct str item, int64_t *max_bytes,
		    unsigned *types);
const char	*doc_mime(enum doc_type);	/* "application/pdf" */
/* "PDF", "JPEG", "PNG" joined by ", " for the bits set. */
struct str	doc_types_text(struct arena *, unsigned types);
/*
 * A name to show and to offer in Content-Disposition: the last path
 * component of the client's name, letters, digits, '-', '_' and inner
 * dots kept and anything else '_', at most 80 bytes, ending with the
 * sniffed type's extension.  Never used in a path.
 */
struct str	doc_safe_name(struct arena *, struct str name, enum doc_type);

/* One item of an applicant's checklist, merged over their selections. */
struct doc_item {
	struct str	 id, label, citation;
	struct str	 selections;	/* titles of those needing it */
	bool		 stamped;	/* must be declared bermeterai */
	bool		 other_region;	/* only for PNS of another region */
	int		 within_days;	/* 0: any date */
	sel_date	 dated_from;	/* the earliest date it may bear */
	sel_date	 close;		/* the latest closing date for it */
	int64_t		 until;		/* the instant (UTC s) it closes */
	int64_t		 max_bytes;	/* the strictest limit */
	unsigned	 types;		/* enum doc_type bits all allow */
	const struct s_document *cur;	/* NULL: not uploaded */
};

struct doc_list {
	struct doc_item	*items;		/* open selections only */
	size_t		 n;
	struct s_document *docs;	/* every upload, newest first */
	size_t		 ndocs;
	struct str	*late;		/* items of selections now closed */
	size_t		 nlate;
	bool		 region_known;	/* the record tells own or other */
	sel_date	 today;
};

/*
 * The applicant's checklist: the profile's documents whose when covers
 * a post of each published selection not yet closed (the posts applied
 * to, else every post), other_region items only for PNS of another
 * region (or when the record does not tell), with the current upload of
 * each.  SEL_EPERM: not an applicant.
 */
enum sel_err	app_docs(struct app *, struct arena *, const struct who *,
		    struct doc_list *);

/*
 * An upload, streamed: begin checks that the item is on the checklist
 * and still open (SEL_EPERM not an applicant, SEL_EINVAL unknown item,
 * SEL_ESTATE closed) and fixes the limits; write takes the file as it
 * arrives (SEL_ERANGE over the size limit, SEL_EINVAL a type not allowed:
 * the temporary file is removed at once and every later call fails
 * alike); commit checks everything again in the write transaction,
 * keeps the file and records it as the item's current document, with
 * its audit event.  abort removes what an unfinished upload wrote.
 */
struct app_upload;
enum sel_err	app_upload_begin(struct app *, struct arena *,
		    const struct who *, struct str item, struct app_upload **,
		    struct app_msg *);
enum sel_err	app_upload_write(struct app_upload *, const void *, size_t n,
		    struct app_msg *);
enum sel_err	app_upload_commit(struct app *, struct arena *,
		    const struct who *, struct app_upload *, struct str name,
		    struct str dated, bool stamped, int64_t *id,
		    struct app_msg *);
void		app_upload_abort(struct app_upload *);
/*
 * The two-thread write of store.h (store_blob_must_wait, _handed,
 * _drain), for the web layer: false for an upload refused or done.
 */
bool		app_upload_must_wait(struct app_upload *, size_t n,
		    bool commit);
bool		app_upload_handed(struct app_upload *);
bool		app_upload_drain(struct app_upload *);
/* Was the file refused for its type (HTTP 415)? */
bool		app_upload_bad_type(const struct app_upload *);
/* The largest upload body: the largest limit, plus the form around it. */
int64_t		app_upload_body_max(struct app *);
/*
 * At start: removes the temporary files that uploads cut short by a
 * killed process left in files_dir, never one an upload in flight holds
 * (store_blob_sweep); *removed: how many.
 */
enum sel_err	app_upload_sweep(struct app *, int *removed);

/*
 * A document's file, for its owner or a role that may view the selection
 * of an application that uses it; SEL_ENOENT for anyone else, as for a
 * document that does not exist.  The caller closes *fd.
 */
enum sel_err	app_doc_open(struct app *, struct arena *, const struct who *,
		    int64_t id, struct s_document *, int *fd, int64_t *size);

/* A selection's limits, one per item of its profile's checklist. */
struct doc_limit {
	struct str	 id, label;
	int64_t		 max_bytes;
	unsigned	 types;
	bool		 own;		/* set by the selection, not default */
};
enum sel_err	app_doc_limits(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct sel_view *,
		    struct doc_limit **, size_t *n);
/* The secretariat sets an item's limit (KB) and types before publication. */
enum sel_err	app_doc_limit_set(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str item,
		    struct str kb, unsigned types, struct app_msg *);

/* The demo: a region, a selection in progress, one account per role. */
enum sel_err	app_demo_seed(struct app *, bool history, char *err,
		    size_t errsz);
extern const char *const app_demo_logins[][3];	/* login, password, role */

/* The running versions of the libraries below app (`selter version`). */
struct app_lib_versions {
	const char	*sqlite, *openssl, *sodium, *curl;
};
void		app_lib_versions(struct app_lib_versions *);

/* stage part (issue 12 item 1) */
#include "app/stage.h"

#endif
