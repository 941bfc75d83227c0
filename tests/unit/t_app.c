/*
 * t_app.c - the application tests' fixture (t_app.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t_app.h"
#include "t_pg.h"
#include <libpq-fe.h>
#include <sqlite3.h>
#include "base/banned.h"

/*
 * The unit tests' renderer of published documents: plain enough to
 * assert on, from the same view the web's renderer reads.
 */
static enum sel_err
fx_render(struct arena *a, const struct pub_src *src, struct str *html)
{
	const struct sel_view *v = src->sel;

	*html = arena_printf(a, "<p>%s: %.*s; %.*s; %.*s</p>",
	    pub_kind_name(src->kind), (int)v->s.f[SF_TITLE].len,
	    v->s.f[SF_TITLE].p, (int)v->s.f[SF_ANN_CLOSE].len,
	    v->s.f[SF_ANN_CLOSE].p, (int)src->text.len, src->text.p);
	return SEL_OK;
}

static int
setup(void **state, bool history)
{
	struct fx *f = calloc(1, sizeof *f);
	struct app_config cf = { 0 };
	char err[512];
	int fd;

	snprintf(f->path, sizeof f->path, "/tmp/selter-test-XXXXXX");
	fd = mkstemp(f->path);
	if (fd < 0)
		return -1;
	close(fd);
	f->ar = arena_new(1 << 16);
	cf.db_path = f->path;
	/* ---- pg ---- on PostgreSQL: a schema, the files beside path */
	if (t_store_make(f->store, sizeof f->store, f->path) != 0)
		return -1;
	cf.db_path = f->store;
	if (t_store_pg()) {
		snprintf(f->files, sizeof f->files, "%s.files", f->path);
		cf.files_dir = f->files;
	}
	/* ---- end pg ---- */
	cf.db_conns = 2;
	cf.demo = true;
	cf.demo_history = history;
	cf.now = "2026-11-23T03:00:00Z";	/* 10:00 WIB */
	cf.argon_mem_kib = 8192;
	cf.argon_ops = 1;
	cf.render = fx_render;
	if (app_open(&cf, &f->app, err, sizeof err) != SEL_OK) {
		fprintf(stderr, "app_open: %s\n", err);
		return -1;
	}
	*state = f;
	return 0;
}

int
fx_setup(void **state)
{
	return setup(state, false);
}

int
fx_setup_history(void **state)
{
	return setup(state, true);
}

int
fx_teardown(void **state)
{
	struct fx *f = *state;
	char side[80];

	app_close(f->app);
	t_store_drop(f->store);	/* ---- pg ---- ---- end pg ---- */
	arena_destroy(f->ar);
	unlink(f->path);
	snprintf(side, sizeof side, "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	/* ---- log ---- the demo's signing key */
	snprintf(side, sizeof side, "%s.key", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s.key.pub", f->path);
	unlink(side);
	/* ---- end log ---- */
	/* ---- pg ---- the demo's key beside the files (app/log.c) */
	snprintf(side, sizeof side, "%s.files.key", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s.files.key.pub", f->path);
	unlink(side);
	/* ---- end pg ---- */
	free(f);
	return 0;
}

void
fx_as(struct fx *f, const char *login, struct who *w)
{
	struct app_msg m;
	struct str tok;

	assert_int_equal(app_login(f->app, f->ar, str_c(login),
	    STR("demo-selter"), STR("127.0.0.1"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, w), SEL_OK);
}

struct form
fx_form(struct arena *ar, const char *const *kv)
{
	struct form fm = { arena_array(ar, 64, sizeof(struct field)), 0 };

	for (; kv[0] != NULL && fm.n < 64; kv += 2, fm.n++) {
		fm.f[fm.n].name = str_c(kv[0]);
		fm.f[fm.n].value = str_c(kv[1]);
	}
	return fm;
}

int64_t
fx_events(struct fx *f)
{
	struct arena *ar = arena_new(4096);
	int64_t n = 0, bad = 0;
	struct str why;

	assert_int_equal(app_audit_verify(f->app, ar, NULL, &n, &bad, &why),
	    SEL_OK);
	assert_int_equal(bad, 0);
	arena_destroy(ar);
	return n;
}

struct str
fx_mailed_token(struct fx *f, const char *to)
{
	struct s_mail *m;
	struct stx *tx;
	size_t n;
	const char *t;

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_mails_to(tx, f->ar, str_c(to), &m, &n), SEL_OK);
	store_abort(f->app->st, tx);
	assert_true(n > 0);
	t = strstr(t_cstr(f->ar, m[0].body), "?t=");
	assert_non_null(t);
	return (struct str){ t + 3, APP_TOKEN_LEN };
}

void
fx_ratna(struct fx *f, struct who *w)
{
	struct reg_in in = { STR(FX_RATNA_NIP), STR("Ratna Sari, S.KM."),
	    STR("1974-07-07"), STR("2000-03"), STR("ratna@example.org"),
	    STR("rahasia-ratna"), STR("rahasia-ratna"),
	    STR("") };
	struct app_msg m;
	struct str tok;
	int64_t id;

	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(app_confirm(f->app, f->ar, fx_mailed_token(f,
	    "ratna@example.org"), &m), SEL_OK);
	assert_int_equal(app_login(f->app, f->ar, STR(FX_RATNA_NIP),
	    STR("rahasia-ratna"), STR("10.1.1.1"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, w), SEL_OK);
}

/* ---- pg ---- */
static PGconn *
pg_conn(struct fx *f)
{
	PGconn *c = PQconnectdb(f->store);

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("%s", PQerrorMessage(c));
	PQclear(PQexec(c, "SET client_min_messages = warning"));
	return c;
}

/* Runs sql; its rows (one at most is read) into *res when asked. */
static int
run_sql(struct fx *f, const char *sql, bool quiet, int64_t *num,
    const char **text)
{
	int rc = -1;

	if (t_store_pg()) {
		PGconn *c = pg_conn(f);
		PGresult *r = PQexec(c, sql);
		ExecStatusType st = PQresultStatus(r);

		if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
			rc = 0;
			if (st == PGRES_TUPLES_OK && PQntuples(r) > 0 &&
			    !PQgetisnull(r, 0, 0)) {
				const char *v = PQgetvalue(r, 0, 0);

				if (num != NULL)
					*num = strcmp(v, "t") == 0 ? 1 :
					    strtoll(v, NULL, 10);
				if (text != NULL)
					*text = t_cstr(f->ar, str_c(v));
			}
		} else if (!quiet) {
			fprintf(stderr, "%s: %s\n", sql,
			    PQresultErrorMessage(r));
		}
		PQclear(r);
		PQfinish(c);
		return rc;
	}
	{
		sqlite3 *db;
		sqlite3_stmt *st = NULL;
		const char *tail = sql;

		if (sqlite3_open(f->path, &db) != SQLITE_OK)
			fail_msg("%s", sqlite3_errmsg(db));
		sqlite3_busy_timeout(db, 5000);
		rc = 0;
		while (rc == 0 && tail != NULL && *tail != '\0') {
			int k;

			if (sqlite3_prepare_v2(db, tail, -1, &st, &tail) !=
			    SQLITE_OK) {
				rc = -1;
				break;
			}
			if (st == NULL)
				break;
			while ((k = sqlite3_step(st)) == SQLITE_ROW) {
				if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
					if (num != NULL)
						*num = sqlite3_column_int64(st,
						    0);
					if (text != NULL)
						*text = t_cstr(f->ar, str_c(
						    (const char *)
						    sqlite3_column_text(st,
						    0)));
				}
				num = NULL;
				text = NULL;
			}
			if (k != SQLITE_DONE)
				rc = -1;
			sqlite3_finalize(st);
			st = NULL;
		}
		if (rc != 0 && !quiet)
			fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
		sqlite3_close(db);
	}
	return rc;
}

void
fx_sql(struct fx *f, const char *sql)
{
	if (run_sql(f, sql, false, NULL, NULL) != 0)
		fail_msg("%s", sql);
}

int
fx_sql_try(struct fx *f, const char *sql)
{
	return run_sql(f, sql, true, NULL, NULL);
}

int64_t
fx_sql_i64(struct fx *f, const char *sql)
{
	int64_t v = -1;

	if (run_sql(f, sql, false, &v, NULL) != 0)
		fail_msg("%s", sql);
	return v;
}

const char *
fx_sql_text(struct fx *f, const char *sql)
{
	const char *v = NULL;

	if (run_sql(f, sql, false, NULL, &v) != 0)
		fail_msg("%s", sql);
	return v;
}
/* ---- end pg ---- */
