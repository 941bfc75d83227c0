/*
 * t_fault.h - the fault-injection loop of test_fault.c, on the store's
 * test hook (store_fault_arm, db.h), as SQLite's own fault tests do: a
 * use case runs with its n-th fault point (a statement step, a BEGIN or a
 * COMMIT) failing as an I/O error would, for n = 1, 2, ... until a run
 * passes every point without reaching n.  Each faulted run must return an
 * error, leave every row of every table of the store as it was (a dump of
 * the file compared before and after) and the audit chain whole; the run
 * that passes every point must return what the use case returns without
 * the hook, and change the store (so the loop proved it reached real
 * writes).  Leaks show at the program's exit (LeakSanitizer): each run
 * gets an arena of its own, freed after it.
 */
#ifndef SELTER_TESTS_UNIT_T_FAULT_H
#define SELTER_TESTS_UNIT_T_FAULT_H

#include "t_app.h"

typedef enum sel_err (*t_fault_fn)(struct fx *, void *ctx);

enum {
	/*
	 * The use case counts its attempt (a throttle: table login_fail) in
	 * a transaction of its own before its work, on purpose (a
	 * registration before its costly hash): that count may stay.
	 */
	T_FAULT_COUNTS = 1,
};

struct t_fault {
	const char	*name;
	t_fault_fn	 run;
	void		*ctx;
	enum sel_err	 want;		/* without the hook: SEL_OK, or the
					   refusal that writes (a wrong
					   password is counted) */
	unsigned	 flags;		/* T_FAULT_* */
	const struct app_msg *m;	/* the run's message, or NULL: shown
					   when the loop fails */
};

/*
 * Runs the loop (above) and returns the number of fault points of the
 * run that passed them all.  The run's results (ctx) stay valid until
 * t_fault_release: the arena of the last run is kept.
 */
long	t_fault(struct fx *, const struct t_fault *);
/*
 * Every row of every table of the store file (and the schema, and its
 * version), one line each, in a fixed order: tables by name, rows by
 * rowid (with it).  Freed by the caller.
 */
char	*t_fault_dump(struct fx *, unsigned flags);
/* Frees the kept arenas and the dump's connection (at teardown). */
void	t_fault_release(void);
/* The total of faulted runs so far (for the summary). */
long	t_fault_runs(void);

#endif
