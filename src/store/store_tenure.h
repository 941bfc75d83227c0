/*
 * store_tenure.h - the rows of an official's term (021_tenure.sql): the
 * term is its appointment (by vacancy); the evaluation team, the
 * extension's outcome, performance results, a move, the end, and the
 * reminders queued.  All kept as recorded.
 */
#ifndef SELTER_STORE_STORE_TENURE_H
#define SELTER_STORE_STORE_TENURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"

struct arena;
struct stx;

/* A term as listed: its appointment, post, official and region. */
struct s_term {
	int64_t		 vacancy_id, selection_id, region_id;
	struct str	 profile_id, region, post, agency, reg_no, name;
	struct str	 decree_no, decree_on, tmt, inaugurated_on;
	struct str	 ended_on;	/* "" : running */
};

/* Terms of region (0: every region), or the one of vacancy (0: all). */
enum sel_err	store_terms(struct stx *, struct arena *, int64_t region,
		    int64_t vacancy, struct s_term **, size_t *n);

/* Who recorded a row. */
struct s_by {
	int64_t		 account_id;
	struct str	 at, name;
};

struct s_term_team {
	struct str	 formed_on, letter_no, members;
	struct s_by	 by;
};
struct s_term_outcome {
	bool		 extended;
	struct str	 letter_no, letter_on, note;
	struct s_by	 by;
};
struct s_term_perf {
	struct str	 kind;		/* "year" or "improve" */
	int64_t		 year;
	bool		 met;
	struct str	 assessed_on, note;
	struct s_by	 by;
};
struct s_term_move {
	struct str	 moved_on, to_post, decree_no, coordination;
	struct s_by	 by;
};
struct s_term_end {
	struct str	 ended_on, reason, note;
	bool		 exception;
	struct s_by	 by;
};

/* Adds: SEL_EINVAL when the term has one already. */
enum sel_err	store_term_team_add(struct stx *, int64_t vac,
		    const struct s_term_team *);
enum sel_err	store_term_outcome_add(struct stx *, int64_t vac,
		    const struct s_term_outcome *);
enum sel_err	store_term_perf_add(struct stx *, int64_t vac,
		    const struct s_term_perf *);
enum sel_err	store_term_move_add(struct stx *, int64_t vac,
		    const struct s_term_move *);
enum sel_err	store_term_end_add(struct stx *, int64_t vac,
		    const struct s_term_end *);
/* Reads: SEL_ENOENT when there is none. */
enum sel_err	store_term_team(struct stx *, struct arena *, int64_t vac,
		    struct s_term_team *);
enum sel_err	store_term_outcome(struct stx *, struct arena *, int64_t vac,
		    struct s_term_outcome *);
enum sel_err	store_term_move(struct stx *, struct arena *, int64_t vac,
		    struct s_term_move *);
enum sel_err	store_term_end(struct stx *, struct arena *, int64_t vac,
		    struct s_term_end *);
/* In the order recorded. */
enum sel_err	store_term_perfs(struct stx *, struct arena *, int64_t vac,
		    struct s_term_perf **, size_t *n);

/* Marks reminder (vac, mark, days) queued; *added false: it was. */
enum sel_err	store_term_reminder_add(struct stx *, int64_t vac,
		    struct str mark, int days, struct str at, bool *added);
/* The e-mail addresses of region's accounts granted role (a word of the
   store: "secretariat"), region-wide or for selection sel. */
enum sel_err	store_role_emails(struct stx *, struct arena *, int64_t region,
		    int64_t sel, const char *role, struct str **, size_t *n);

#endif
