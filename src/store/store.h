/*
 * store.h - everything selter keeps: regions, accounts and their roles,
 * sessions, selections and their preparation, and the audit trail.
 *
 * The interface is the same whatever the database; the embedded one is
 * SQLite (db_sqlite.c), and a PostgreSQL driver can implement db.h later
 * without touching a caller.  Every function runs inside a transaction the
 * caller opened with store_begin: a request's writes commit together or
 * not at all.  Strings returned are copied into the caller's arena.
 *
 * The audit trail is append-only: the schema refuses UPDATE and DELETE on
 * events, and each event carries the SHA-256 of its content chained to the
 * previous event's hash (store_event_add, store_audit_verify).
 */
#ifndef SELTER_STORE_STORE_H
#define SELTER_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "core/role.h"

struct arena;
struct store;
struct stx;

enum sel_err	store_open(const char *path, int nconn, struct store **,
		    char *err, size_t errsz);
void		store_close(struct store *);
/* ---- pg ---- (issue 15): whether a location ("postgresql://..." or
   "postgres://...") names a PostgreSQL store rather than a SQLite file. */
bool		store_location_pg(const char *location);
/* ---- end pg ---- */
/* Copies the live database to path with the online backup API. */
enum sel_err	store_backup(struct store *, const char *path, char *err,
		    size_t errsz);

/*
 * The test hook of db.h (db_fault_arm): n > 0 fails the n-th statement
 * step, BEGIN or COMMIT from now, once, as an I/O error; 0 counts only;
 * < 0 off.  Tests only (tools/lint keeps it out of src/).
 */
void		store_fault_arm(struct store *, long n);
long		store_fault_points(struct store *);

/* ---- archive ---- (023_archive.sql): the store of an imported archive
   refuses every write transaction (store_begin: SEL_EPERM). */
bool		store_is_archive(const struct store *);
/* ---- end archive ---- */

/* Takes a connection and opens a transaction (write: takes the lock). */
enum sel_err	store_begin(struct store *, bool write, struct stx **);
/* Commits (durably) or rolls back, and gives the connection back. */
enum sel_err	store_commit(struct store *, struct stx *);
void		store_abort(struct store *, struct stx *);

/* Roles, per selection or per region: core/role.h; their stored names. */
const char	*role_name(enum role);		/* "secretariat" */
bool		 role_parse(struct str, enum role *);

struct s_region {
	int64_t		 id;
	struct str	 code, name, profile_id, oversight, secretariat;
};

struct s_account {
	int64_t		 id;
	struct str	 login, name, email, pwhash;
	bool		 admin;
};

struct s_grant {
	int64_t		 id, account_id, region_id, selection_id;
	enum role	 role;
	struct str	 login, region_code;	/* for listing */
};

struct s_session {
	int64_t		 account_id;
	struct str	 csrf;
	int64_t		 expires_at;
};

/* A selection's fields, by name; see sql/sqlite/001_init.sql. */
enum sfield {
	SF_TITLE, SF_STATE, SF_CREATED_AT,
	SF_PLAN_DUTIES, SF_PLAN_STANDARD, SF_PLAN_METHODS, SF_PLAN_SYSTEM,
	SF_WEIGHTS, SF_PLAN_SENT_ON, SF_PLAN_SENT_REF, SF_REC_ON, SF_REC_REF,
	SF_REC_TEXT, SF_CONSULT_ON, SF_CONSULT_REF, SF_COMMITTEE_OK_ON,
	SF_COMMITTEE_REF, SF_ANN_NUMBER, SF_ANN_ITEMS, SF_ANN_TEXT,
	SF_ANN_OPEN, SF_ANN_CLOSE, SF_PUBLISHED_AT, SF_SIGNED_BY,
	SF_ADM_PUBLISHED_AT, SF_ADM_SIGNED_BY,
	SF_CLOSED_AT, SF_CLOSED_BY,
	SF__N
};
const char	*sfield_name(enum sfield);

struct s_selection {
	int64_t		 id, region_id;
	struct str	 f[SF__N];
};

struct s_stage {
	struct str	 stage, starts_on, ends_on, method;
};

struct s_vacancy {
	int64_t		 id, selection_id;
	struct str	 title, agency, level, echelon, kind, field, reason,
			 reason_note;
};

struct s_member {
	int64_t		 id, selection_id;
	struct str	 name, origin, echelon, decl, conflict;
	bool		 chair, assessor;
	int64_t		 account_id;	/* 0: invited by e-mail, not yet in */
	struct str	 email;		/* the invitation's address */
	struct str	 login;		/* the account's, for listing */
	struct str	 left_at;	/* replaced: "" while a member */
};

struct s_event {
	int64_t		 id, actor_id, selection_id;
	struct str	 at, actor, action, before, after, rules;
	unsigned char	 prev[32], hash[32];
};

/* Regions.  SEL_EINVAL: the code exists already. */
enum sel_err	store_region_add(struct stx *, const struct s_region *,
		    int64_t *id);
enum sel_err	store_region_get(struct stx *, struct arena *, int64_t id,
		    struct s_region *);
enum sel_err	store_region_by_code(struct stx *, struct arena *,
		    struct str code, struct s_region *);
enum sel_err	store_regions(struct stx *, struct arena *,
		    struct s_region **, size_t *n);

/* Accounts.  SEL_EINVAL: the login exists already. */
enum sel_err	store_account_add(struct stx *, const struct s_account *,
		    struct str created_at, int64_t *id);
enum sel_err	store_account_get(struct stx *, struct arena *, int64_t id,
		    struct s_account *);
enum sel_err	store_account_by_login(struct stx *, struct arena *,
		    struct str login, struct s_account *);
enum sel_err	store_account_set_pw(struct stx *, int64_t id,
		    struct str pwhash);
enum sel_err	store_accounts(struct stx *, struct arena *,
		    struct s_account **, size_t *n);
enum sel_err	store_account_count(struct stx *, int64_t *n);

/* Grants.  SEL_EINVAL: granted already. */
enum sel_err	store_grant_add(struct stx *, const struct s_grant *,
		    int64_t *id);
enum sel_err	store_grant_del(struct stx *, int64_t id,
		    struct s_grant *old);
/* account_id 0: every grant. */
enum sel_err	store_grants(struct stx *, struct arena *, int64_t account_id,
		    struct s_grant **, size_t *n);

/* Sessions, by the SHA-256 of their token. */
enum sel_err	store_session_add(struct stx *, const unsigned char th[32],
		    int64_t account_id, struct str csrf, int64_t now,
		    int64_t expires_at);
enum sel_err	store_session_get(struct stx *, struct arena *,
		    const unsigned char th[32], int64_t now,
		    struct s_session *);
enum sel_err	store_session_del(struct stx *, const unsigned char th[32]);
enum sel_err	store_session_del_account(struct stx *, int64_t account_id);

/* Login throttling: failures counted per key within a window. */
enum sel_err	store_fail_get(struct stx *, struct str key, int64_t since,
		    int64_t *count);
enum sel_err	store_fail_bump(struct stx *, struct str key, int64_t now,
		    int64_t since);
enum sel_err	store_fail_clear(struct stx *, struct str key);
/* One failure fewer (a reserved attempt that succeeded); at 0 the row goes. */
enum sel_err	store_fail_undo(struct stx *, struct str key);

/* Selections. */
enum sel_err	store_selection_add(struct stx *, int64_t region_id,
		    struct str title, struct str created_at, int64_t *id);
enum sel_err	store_selection_get(struct stx *, struct arena *, int64_t id,
		    struct s_selection *);
/* region_id 0: every region; published_only for the public. */
enum sel_err	store_selections(struct stx *, struct arena *,
		    int64_t region_id, bool published_only,
		    struct s_selection **, size_t *n);
enum sel_err	store_selection_set(struct stx *, int64_t id, enum sfield,
		    struct str value);

enum sel_err	store_stages(struct stx *, struct arena *, int64_t sel,
		    struct s_stage **, size_t *n);
enum sel_err	store_stage_put(struct stx *, int64_t sel,
		    const struct s_stage *);
enum sel_err	store_stage_del(struct stx *, int64_t sel, struct str stage);

enum sel_err	store_vacancy_add(struct stx *, const struct s_vacancy *,
		    int64_t *id);
enum sel_err	store_vacancy_del(struct stx *, int64_t sel, int64_t id);
enum sel_err	store_vacancies(struct stx *, struct arena *, int64_t sel,
		    struct s_vacancy **, size_t *n);

enum sel_err	store_member_add(struct stx *, const struct s_member *,
		    int64_t *id);
enum sel_err	store_member_del(struct stx *, int64_t sel, int64_t id);
/* The current members (not replaced), the chair first. */
enum sel_err	store_members(struct stx *, struct arena *, int64_t sel,
		    struct s_member **, size_t *n);
/* Members replaced after confirmation, in order. */
enum sel_err	store_members_left(struct stx *, struct arena *, int64_t sel,
		    struct s_member **, size_t *n);
enum sel_err	store_member_get(struct stx *, struct arena *, int64_t id,
		    struct s_member *);
enum sel_err	store_member_set_account(struct stx *, int64_t id,
		    int64_t account_id);
enum sel_err	store_member_leave(struct stx *, int64_t id, struct str at);
/* A grant that follows from a confirmed member (grant_role.member_id). */
enum sel_err	store_grant_add_member(struct stx *, const struct s_grant *,
		    int64_t member_id, int64_t *id);
/* Removes the grants a member's place gave; *n how many. */
enum sel_err	store_grant_del_member(struct stx *, int64_t member_id,
		    int64_t *n);
/* An invitation to join a committee: the token's SHA-256, once. */
enum sel_err	store_member_invite_add(struct stx *, const unsigned char h[32],
		    int64_t member_id, int64_t expires_at);
/* Takes (deletes) a live invitation: SEL_ENOENT when none or expired. */
enum sel_err	store_member_invite_take(struct stx *, const unsigned char h[32],
		    int64_t now, int64_t *member_id);

/*
 * Appends an event: fills e->id, e->prev and e->hash.  The chain head is
 * read inside the caller's write transaction, so two writers cannot fork
 * it.
 */
enum sel_err	store_event_add(struct stx *, struct s_event *e);
/* sel 0: the whole trail.  Newest last; at most max events after after_id. */
enum sel_err	store_events(struct stx *, struct arena *, int64_t sel,
		    int64_t after_id, size_t max, struct s_event **, size_t *n);
/* The hash an event must carry, from its content and prev. */
void		store_event_hash(const struct s_event *, unsigned char out[32]);

/*
 * A head of the trail seen elsewhere (printed, published, kept by an
 * auditor): the chain alone cannot show that its newest events were
 * removed or that it was recomputed after an edit; a head can.
 */
struct audit_head {
	int64_t		 id;
	unsigned char	 hash[32];
};

/*
 * Recomputes the whole chain.  *bad = 0 when intact, else the id of the
 * first event whose prev or hash does not match; *checked counts events.
 * With head: the trail must still hold event head->id with that hash
 * (*bad: the first event missing from the head, or the head's own id).
 */
enum sel_err	store_audit_verify(struct stx *, struct arena *,
		    const struct audit_head *head, int64_t *checked,
		    int64_t *bad, struct str *why);


/* ---- applicants, applications, one-time tokens, the outbox ---- */

struct s_applicant {
	int64_t		 account_id;
	struct str	 nip, birth_date, tmt_cpns, confirmed_at, record,
			 record_at;
	struct str	 name, email;	/* from the account */
};

struct s_application {
	int64_t		 id, selection_id, vacancy_id, account_id;
	struct str	 state, reg_no, submitted_at, withdrawn_at, record,
			 verdict, rules;
	struct str	 name;		/* the applicant's, for lists */
	struct str	 vacancy_title;
};

struct s_mail {
	int64_t		 id;
	struct str	 to, subject, body;
	int64_t		 attempts;
};

/* SEL_EINVAL: the NIP is registered already. */
enum sel_err	store_applicant_add(struct stx *, const struct s_applicant *);
enum sel_err	store_applicant_get(struct stx *, struct arena *,
		    int64_t account_id, struct s_applicant *);
enum sel_err	store_applicant_by_nip(struct stx *, struct arena *,
		    struct str nip, struct s_applicant *);
enum sel_err	store_applicant_confirm(struct stx *, int64_t account_id,
		    struct str at);
enum sel_err	store_applicant_record(struct stx *, int64_t account_id,
		    struct str record, struct str at);
enum sel_err	store_account_by_email(struct stx *, struct arena *,
		    struct str email, struct s_account *);

enum sel_err	store_onetime_add(struct stx *, const unsigned char h[32],
		    int64_t account_id, const char *purpose,
		    int64_t expires_at);
/* Takes (deletes) a live token of that purpose: its account, or ENOENT. */
enum sel_err	store_onetime_take(struct stx *, const unsigned char h[32],
		    const char *purpose, int64_t now, int64_t *account_id);
/* Deletes every token of that purpose of an account. */
enum sel_err	store_onetime_drop(struct stx *, int64_t account_id,
		    const char *purpose);
/* The account's live tokens of that purpose. */
enum sel_err	store_onetime_live(struct stx *, int64_t account_id,
		    const char *purpose, int64_t now, int64_t *n);
/*
 * Frees an applicant's NIP: the account's login and the applicant's NIP
 * become `as` (never an NIP), its password unusable, its sessions and
 * tokens gone.  The rows stay: the trail and any application name them.
 */
enum sel_err	store_account_release(struct stx *, int64_t account_id,
		    struct str as);

/* A selection's numbers: the plan's limit of applications per applicant,
 * the extensions of the window made so far. */
enum snum { SN_MAX_APPS, SN_EXTENSIONS, SN__N };
enum sel_err	store_selection_num(struct stx *, int64_t sel, enum snum,
		    int64_t *n);
enum sel_err	store_selection_set_num(struct stx *, int64_t sel, enum snum,
		    int64_t n);

/*
 * What was published (008_flow.sql): the body as the public saw it, never
 * changed afterwards; a change is a new row of kind PUB_ADDENDUM.
 */
enum pub_kind { PUB_ANNOUNCEMENT, PUB_ADDENDUM, PUB_ADM_RESULT,
	PUB_STAGE_RESULT,	/* result: a stage's result, with its sheet */
	PUB__N };
const char	*pub_kind_name(enum pub_kind);	/* "announcement" */

struct s_publication {
	int64_t		 id, selection_id;
	enum pub_kind	 kind;		/* PUB__N: unknown in the store */
	struct str	 title, published_at, signed_by;
	struct str	 body;		/* HTML from the page builder */
	struct str	 sha256;	/* of body, hex (set by the store) */
	int64_t		 head_id;	/* the trail's head when published */
	struct str	 head_hash;	/* (set by the store), hex */
	/* result: PUB_STAGE_RESULT's stage ("interview") and recomputation
	   sheet (the `selter rank` input per vacancy, JSON lines) */
	struct str	 stage, sheet;
};

/* The trail's newest event and its hash (id 0 when it is empty). */
enum sel_err	store_audit_head(struct stx *, struct audit_head *);

enum sel_err	store_publication_add(struct stx *,
		    const struct s_publication *, int64_t *id);
/* A selection's publications, oldest first. */
enum sel_err	store_publications(struct stx *, struct arena *, int64_t sel,
		    struct s_publication **, size_t *n);

/* The next registration number's sequence within a selection. */
enum sel_err	store_application_count(struct stx *, int64_t sel,
		    int64_t *n);
/* Submitted (not withdrawn) applications of an account in a selection. */
enum sel_err	store_application_active(struct stx *, int64_t sel,
		    int64_t account_id, int64_t *n);
/* SEL_EINVAL: already applied to that vacancy. */
enum sel_err	store_application_add(struct stx *, struct s_application *);
enum sel_err	store_application_get(struct stx *, struct arena *,
		    int64_t id, struct s_application *);
enum sel_err	store_application_withdraw(struct stx *, int64_t id,
		    struct str at);
/* account_id 0: every application of selection sel (0: of every one). */
enum sel_err	store_applications(struct stx *, struct arena *, int64_t sel,
		    int64_t account_id, struct s_application **, size_t *n);

enum sel_err	store_mail_add(struct stx *, struct str to, struct str subject,
		    struct str body, int64_t now);
/* Up to max mails due at now, oldest first. */
enum sel_err	store_mail_due(struct stx *, struct arena *, int64_t now,
		    size_t max, struct s_mail **, size_t *n);
enum sel_err	store_mail_sent(struct stx *, int64_t id, int64_t now);
enum sel_err	store_mail_failed(struct stx *, int64_t id, int64_t next_at,
		    struct str error);
/* Mails not yet sent whose next attempt is before until (a count). */
enum sel_err	store_mail_waiting(struct stx *, int64_t until, int64_t *n);
/* Mails to an address (tests, the outbox page), newest first. */
enum sel_err	store_mails_to(struct stx *, struct arena *, struct str to,
		    struct s_mail **, size_t *n);

/* ---- the administrative selection, extensions, complaints ---- */

/* An application with its completeness check and decision, if any. */
struct s_adm {
	struct s_application a;
	int		 complete;	/* -1: not checked, 0, 1 */
	struct str	 check_note, checked_by;
	int		 passed;	/* -1: not decided, 0, 1 */
	struct str	 reason, decided_by;
	/* A pass the core did not find ready; rules "" when none. */
	struct str	 ov_rules, ov_reason, ov_by, ov_at;
};

struct s_clar {
	int64_t		 id, application_id;
	struct str	 question, asked_by, asked_at, answer, answered_at;
};

struct s_complaint {
	int64_t		 id, selection_id;
	struct str	 tracking, name, contact, body, created_at, answer,
			 answered_by, answered_at;
};

enum sel_err	store_adm_check(struct stx *, int64_t application_id,
		    bool complete, struct str note, struct str by,
		    struct str at);
enum sel_err	store_adm_decide(struct stx *, int64_t application_id,
		    bool passed, struct str reason, struct str by,
		    struct str at);
/* The override of a pass (rules, reason), or none (store_adm_override_del). */
enum sel_err	store_adm_override_set(struct stx *, int64_t application_id,
		    struct str rules, struct str reason, struct str by,
		    struct str at);
enum sel_err	store_adm_override_del(struct stx *, int64_t application_id);
/* Every application of a selection with its check and decision. */
enum sel_err	store_adm_rows(struct stx *, struct arena *, int64_t sel,
		    struct s_adm **, size_t *n);

enum sel_err	store_clar_add(struct stx *, int64_t application_id,
		    struct str question, struct str by, struct str at);
enum sel_err	store_clar_answer(struct stx *, int64_t id,
		    int64_t application_id, struct str answer, struct str at);
enum sel_err	store_clars(struct stx *, struct arena *, int64_t application_id,
		    struct s_clar **, size_t *n);


enum sel_err	store_complaint_add(struct stx *, struct s_complaint *);
enum sel_err	store_complaint_by_tracking(struct stx *, struct arena *,
		    struct str tracking, struct s_complaint *);
enum sel_err	store_complaints(struct stx *, struct arena *, int64_t sel,
		    struct s_complaint **, size_t *n);
enum sel_err	store_complaint_answer(struct stx *, int64_t id,
		    int64_t sel, struct str answer, struct str by,
		    struct str at);

/* ---- invitations (ADM-INVITE) ---- */

struct s_invitation {
	int64_t		 id, selection_id, vacancy_id;
	struct str	 nip, name, invited_by, invited_at;
};

/* SEL_EINVAL: that NIP is invited to that vacancy already. */
enum sel_err	store_invitation_add(struct stx *, const struct s_invitation *);
/* sel 0 with a vacancy: that vacancy's; nip "" : every one. */
enum sel_err	store_invitations(struct stx *, struct arena *, int64_t sel,
		    struct s_invitation **, size_t *n);
enum sel_err	store_invited(struct stx *, int64_t vacancy_id, struct str nip,
		    bool *yes);

/* ---- applicants' documents (store_docs.c) ---- */

struct s_document {
	int64_t		 id, account_id, replaces;	/* replaces 0: none */
	struct str	 item_id, sha256, mime, name, dated, uploaded_at;
	int64_t		 size;
	bool		 stamped, current;
};

/*
 * Adds a document as the current one of its item; the previous current
 * one, if any, stops being current and is named in d->replaces.  Fills
 * d->id.
 */
enum sel_err	store_doc_add(struct stx *, struct s_document *d);
enum sel_err	store_doc_get(struct stx *, struct arena *, int64_t id,
		    struct s_document *);
/* Every document of an account, current or replaced, newest first. */
enum sel_err	store_docs(struct stx *, struct arena *, int64_t account_id,
		    struct s_document **, size_t *n);

/* A selection's own limit for an item (SEL_ENOENT: the defaults). */
enum sel_err	store_doc_limit_get(struct stx *, int64_t sel, struct str item,
		    int64_t *max_bytes, unsigned *types);
enum sel_err	store_doc_limit_set(struct stx *, int64_t sel, struct str item,
		    int64_t max_bytes, unsigned types);
/* The largest limit any selection sets (0: none set). */
enum sel_err	store_doc_limit_max(struct stx *, int64_t *max_bytes);

/*
 * The files of documents, outside the database: dir/ab/cdef... where
 * abcdef... is the SHA-256 of the content in hex, so a name never comes
 * from a client and the same content is kept once.  A file is written to
 * a temporary file in dir (made on first use, mode 0700), its hash
 * computed as it arrives; store_blob_finish syncs it to disk and
 * store_blob_keep renames it into place and syncs the directories.  A
 * blob lives in the arena given to store_blob_open; store_blob_drop
 * removes a temporary file not kept (safe to call twice, and after keep).
 * From open until keep or drop the blob holds an exclusive flock(2) on
 * its temporary file, which store_blob_sweep respects.
 */
struct store_blob;

enum sel_err	store_blob_open(struct arena *, const char *dir,
		    struct store_blob **);
/*
 * Writing is split between two threads.  The event thread's
 * store_blob_write copies into the current one of two STORE_BLOB_BUF
 * buffers; a full one is handed over (store_blob_handed says so once) and
 * a worker's store_blob_drain hashes it and writes it with O_DIRECT (no
 * copy into the page cache; buffered where the file system has none),
 * meanwhile the other fills.  Before giving store_blob_write up to n
 * bytes, the event thread asks store_blob_must_wait(b, n, false): true
 * means the other buffer is not back and this one would fill, so wait:
 * suspend, then ask again with commit (true: drain's answer will say to
 * resume; false: it came back meanwhile, resume at once).  At most one
 * buffer is with a worker, so the hash sees the bytes in order.
 */
#define STORE_BLOB_BUF	(128u << 10)
enum sel_err	store_blob_write(struct store_blob *, const void *,
		    size_t n);
bool		store_blob_must_wait(struct store_blob *, size_t n,
		    bool commit);
bool		store_blob_handed(struct store_blob *);
/* A worker: writes the buffer handed over; true: resume the waiter. */
bool		store_blob_drain(struct store_blob *);
/*
 * Syncs the temporary file (left open and locked until keep or drop);
 * the SHA-256 in hex and the size.
 */
enum sel_err	store_blob_finish(struct store_blob *, char hex[65],
		    int64_t *size);
enum sel_err	store_blob_keep(struct store_blob *);
void		store_blob_drop(struct store_blob *);
/*
 * Removes from dir the temporary files no blob holds: what a process
 * killed in the middle of an upload left (kill -9, a crash, a power
 * loss).  The uploads in flight of any process keep theirs.  *removed:
 * how many went.  A dir not made yet has none.
 */
enum sel_err	store_blob_sweep(const char *dir, int *removed);
/* Opens a kept file for reading (the caller closes fd); SEL_ENOENT. */
enum sel_err	store_blob_read(const char *dir, struct str sha256, int *fd,
		    int64_t *size);
/* The running versions of SQLite and OpenSSL ("OpenSSL 3.0.x ..."). */
void		store_lib_versions(const char **sqlite, const char **openssl);

#endif
