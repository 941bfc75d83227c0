/*
 * record_form.h - the applicant's civil-service record entered in a form
 * (issue 5): the form's values to CONTRACT.md's CANDIDATE.json and back.
 *
 * The form is what a person types, not a second record format: saving
 * turns it into the CANDIDATE.json text and hands that to app_record_set,
 * the import's own path, so the decoding, the NIP check, the storage and
 * the audit event are the import's.  What this file adds is a message in
 * Indonesian naming the field and the row of each mistake, before that.
 *
 * The NIP and the birth date are never the form's: app_rform_save takes
 * them from the account.  No field asks for religion, ethnicity, marital
 * status or disability, and the NIP's gender digit is never read.  What
 * the form does not show (a record's "invited", fields a SIASN export adds)
 * is not written back: saving through the form drops it.
 *
 * A post's fields are one text, separated by commas ("-": none, empty:
 * not known), and the certificates one line each.
 *
 * Rows: each repeated group (education, posts, penalties, performance) is
 * a list of rows of text values, as posted ("post-2-start"); an empty row
 * is ignored, a row marked "del" is dropped.  An optional list (the
 * certificates, training, penalties, performance) has a state: "absent"
 * (not stated: the rules that need it are missing), "none" (stated: there
 * are none) or "list" (the rows); rows under "absent" count as "list".
 *
 * Ownership: every string points into the form, the decoded record or
 * the arena passed in.  Nothing needs freeing.
 */
#ifndef SELTER_APP_RECORD_FORM_H
#define SELTER_APP_RECORD_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"
#include "core/record.h"

/* The single fields, by their name in the form. */
enum rform_field { RFF_NAME, RFF_EMPLOYMENT, RFF_AG_NAME, RFF_AG_KIND,
	RFF_AG_PROVINCE, RFF_GRADE, RFF_CERTS, RFF_UNDER_EXAM, RFF_REC_BY,
	RFF_REC_PPK, RFF_NO_MPP, RFF__N };

/* The repeated groups and their columns. */
enum rform_sec { RFS_EDU, RFS_POST, RFS_PEN, RFS_PERF, RFS__N };
enum { RFC_EDU_LEVEL, RFC_EDU_MAJOR };
enum { RFC_POST_TITLE, RFC_POST_KIND, RFC_POST_ECHELON, RFC_POST_JF,
	RFC_POST_FIELDS, RFC_POST_START, RFC_POST_END, RFC_POST_ACTING };
enum { RFC_PEN_KIND, RFC_PEN_LEVEL, RFC_PEN_DECIDED };
enum { RFC_PERF_YEAR, RFC_PERF_RATING };
#define RFORM_MAX_COLS	8

/* The optional lists, whose state says absent, none or listed. */
enum rform_list { RFL_CERTS, RFL_TRAINING, RFL_PENS, RFL_PERF, RFL__N };
enum rform_state { RST_ABSENT, RST_NONE, RST_LIST, RST__N };

/* Limits: rows of each group, certificate lines, length of a text. */
#define RFORM_MAX_EDU	10
#define RFORM_MAX_POSTS	25
#define RFORM_MAX_PENS	10
#define RFORM_MAX_PERF	10
#define RFORM_MAX_CERTS	20
#define RFORM_MAX_TEXT	200
#define RFORM_MAX_ERRS	40

/* Names in the form: "name", ...; "edu", ...; "level", ...; "absent", ... */
extern const char *const rform_field_name[RFF__N];
extern const char *const rform_sec_name[RFS__N];
extern const char *const rform_col_name[RFS__N][RFORM_MAX_COLS];
extern const size_t rform_ncols[RFS__N];
extern const size_t rform_cap[RFS__N];
extern const char *const rform_list_name[RFL__N];	/* "certs", ... */
extern const char *const rform_state_name[RST__N];
/* Their Indonesian labels: the page's and the messages' words. */
extern const char *const rform_field_label[RFF__N];
extern const char *const rform_sec_label[RFS__N];	/* "Riwayat jabatan" */
extern const char *const rform_row_label[RFS__N];	/* "Jabatan" (3) */
extern const char *const rform_col_label[RFS__N][RFORM_MAX_COLS];
extern const char *const rform_list_label[RFL__N];
extern const char *const rform_state_label[RFL__N][RST__N];

/*
 * The most fields a browser can post for the form: every row of every
 * group with all its columns and its "del" box, the single fields, the
 * list states, the training boxes, the token and the button.
 */
#define RFORM_MAX_POSTED	(RFORM_MAX_EDU * 3 + RFORM_MAX_POSTS * 9 + \
	RFORM_MAX_PENS * 4 + RFORM_MAX_PERF * 3 + RFF__N + RFL__N + TR__N + 2)

struct rform_row {
	struct str	 v[RFORM_MAX_COLS];	/* by column; "1": ticked */
	bool		 del;			/* "hapus" ticked */
};

struct rform_rows {
	struct rform_row *row;		/* rform_cap[sec] of them */
	size_t		 n;
	bool		 too_many;	/* a row past the cap was posted */
};

struct rform {
	struct str	 nip, birth_date;	/* the account's, not posted */
	struct str	 f[RFF__N];
	struct str	 state[RFL__N];		/* a rform_state_name, or "" */
	bool		 training[TR__N];
	bool		 bad_training;		/* a value never offered */
	struct rform_rows rows[RFS__N];
	bool		 truncated;	/* more rows than the form holds */
};

/* One mistake: the id of its input ("post-2-start") and the message. */
struct rform_err {
	struct str	 field;
	struct str	 msg;
};

struct rform_errs {
	struct rform_err e[RFORM_MAX_ERRS];
	size_t		 n;
};

/* An empty form: every group without rows. */
void		rform_init(struct arena *, struct rform *);
/* The posted form's values (unknown names are ignored). */
void		rform_read(struct arena *, const struct form *,
		    struct rform *);
/* A decoded record's values, to show it for editing. */
void		rform_from_candidate(struct arena *, const struct candidate *,
		    struct rform *);
/*
 * Checks every value and writes CANDIDATE.json into *json.  SEL_EINVAL
 * with every mistake in errs (at most RFORM_MAX_ERRS) and *json untouched.
 */
enum sel_err	rform_to_json(struct arena *, const struct rform *,
		    struct str *json, struct rform_errs *);

bool		rform_row_empty(enum rform_sec, const struct rform_row *);
/* Neither empty nor marked "del": a row that is saved. */
bool		rform_row_used(enum rform_sec, const struct rform_row *);
/* Whether the form lists anything for an optional list. */
bool		rform_list_has(const struct rform *, enum rform_list);
/* Drops the rows marked "del". */
void		rform_drop_deleted(struct rform *);
/* One empty row more; false when the group is full. */
bool		rform_add_row(struct rform *, enum rform_sec);
/* An empty row at the end of each group that has room for one. */
void		rform_pad(struct rform *);
/* The state of an optional list as the form means it. */
enum rform_state rform_state_of(const struct rform *, enum rform_list);
/* The group a "more" button names ("edu", ...), or -1. */
int		rform_sec_of(struct str name);

/*
 * The applicant's form: the stored record's values (or, without one, the
 * account's name), the NIP and birth date of the account.  *had_record
 * says a record was stored; *unreadable that it could not be decoded, and
 * the form is empty then.  SEL_EPERM: not an applicant.
 */
enum sel_err	app_rform_load(struct app *, struct arena *,
		    const struct who *, struct rform *, bool *had_record,
		    bool *unreadable);
/*
 * Saves the form as the applicant's record through app_record_set.  The
 * NIP and birth date are set from the account.  SEL_EINVAL with errs
 * filled (or, for what app_record_set refuses, m): nothing is stored.
 */
enum sel_err	app_rform_save(struct app *, struct arena *,
		    const struct who *, struct rform *, struct rform_errs *,
		    struct app_msg *);

/* Decodes a stored record; *why names line, path and reason. */
enum sel_err	app_record_decode(struct arena *, struct str text,
		    struct candidate *, struct str *why);

#endif
