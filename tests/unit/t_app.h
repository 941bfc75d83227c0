/*
 * t_app.h - the fixture of the application tests: a fresh temporary
 * SQLite store with the demo data, a fixed clock (2026-11-23 10:00 WIB)
 * and cheap password hashing.  Rule tests run on it through RULE_TEST, so
 * tools/rule-tests.sh finds them as it finds the core's.
 */
#ifndef SELTER_TESTS_UNIT_T_APP_H
#define SELTER_TESTS_UNIT_T_APP_H

#include "t.h"
#include "app/app_int.h"

struct fx {
	struct arena	*ar;
	struct app	*app;
	char		 path[64];
	/* ---- pg ---- the store's location: path, or a PostgreSQL
	   schema's URL (t_pg.h) */
	char		 store[512];
	char		 files[96];
	/* ---- end pg ---- */
};

int	fx_setup(void **state);
/* The same with the demo's past selection (3: run to the ranking sent to
   the PPK, demo_past.c). */
int	fx_setup_history(void **state);
int	fx_teardown(void **state);

#define FX_TEST(fn)		{ #fn, fn, fx_setup, fx_teardown, NULL }
#undef RULE_TEST
#define RULE_TEST(id, fn)	{ id ": " #fn, fn, fx_setup, fx_teardown, NULL }

/* Logs in (password demo-selter) and loads the session. */
void	fx_as(struct fx *, const char *login, struct who *);
/* A form from "name", "value", ... NULL. */
struct form fx_form(struct arena *, const char *const *kv);
/* Events in the trail; fails the test if the chain is broken. */
int64_t	fx_events(struct fx *);
/* The one-time token in the newest mail to `to` (confirmation, reset). */
struct str fx_mailed_token(struct fx *, const char *to);
/*
 * Ratna Sari, FX_RATNA_NIP (born 1974-07-07, TMT 2000-03), mail
 * ratna@example.org, password rahasia-ratna: registered, confirmed and
 * logged in, with no record yet.
 */
/* ---- pg ---- SQL straight on the fixture's store, SQLite or PostgreSQL
   (t_pg.h), on a connection of its own: a test's seed or peek. */
/* Runs sql (one or more statements); the test fails on an error. */
void	fx_sql(struct fx *, const char *sql);
/* The same, saying whether it ran (0) or was refused (-1). */
int	fx_sql_try(struct fx *, const char *sql);
/* The first column of the first row: a number (-1 without a row), a
   text in f->ar (NULL without a row). */
int64_t	fx_sql_i64(struct fx *, const char *sql);
const char *fx_sql_text(struct fx *, const char *sql);
/* ---- end pg ---- */

#define FX_RATNA_NIP	"197407072000032005"
void	fx_ratna(struct fx *, struct who *);

#endif
