/*
 * store_letters.h - the rows of the letters uploaded after the ranking,
 * the report pack's documents, the copies' dispatch and a binding
 * recommendation's follow-up (022_letters.sql; issue 14 items 2-4).
 * Each is kept as recorded: added once, never changed.
 */
#ifndef SELTER_STORE_STORE_LETTERS_H
#define SELTER_STORE_STORE_LETTERS_H

#include "store/store.h"

/* A letter's file: its content under its SHA-256 (store_blob_*). */
struct s_letter {
	int64_t		 id, selection_id, size, account_id;
	struct str	 ref;		/* "consult:V:RULE:ACT", "decree:V",
					   "recommendation", "followup" */
	struct str	 sha256, name, uploaded_at, uploaded_by;
};

/* SEL_EINVAL: the selection has a letter under ref already. */
enum sel_err	store_letter_add(struct stx *, struct s_letter *);
/* A selection's letters, oldest first. */
enum sel_err	store_letters(struct stx *, struct arena *, int64_t sel,
		    struct s_letter **, size_t *n);

/* A document of the report pack, as sent. */
struct s_report_doc {
	int64_t		 selection_id, seq, size;
	struct str	 name, title, sha256, signature;
};

enum sel_err	store_report_doc_add(struct stx *, const struct s_report_doc *);
/* In the pack's order. */
enum sel_err	store_report_docs(struct stx *, struct arena *, int64_t sel,
		    struct s_report_doc **, size_t *n);

/* A copy of the report (tembusan) dispatched. */
struct s_report_copy {
	int64_t		 selection_id, account_id;
	struct str	 recipient, dispatched_on, means, number;
	struct str	 recorded_at, recorded_by;
};

enum sel_err	store_report_copy_add(struct stx *,
		    const struct s_report_copy *);
enum sel_err	store_report_copies(struct stx *, struct arena *, int64_t sel,
		    struct s_report_copy **, size_t *n);

/* The follow-up of a binding recommendation. */
struct s_followup {
	int64_t		 selection_id, account_id;
	struct str	 action, done_on, letter_no, recorded_at, recorded_by;
};

enum sel_err	store_followup_add(struct stx *, const struct s_followup *);
/* SEL_ENOENT: none. */
enum sel_err	store_followup_get(struct stx *, struct arena *, int64_t sel,
		    struct s_followup *);

#endif
