/*
 * t_fault.c - the fault-injection loop and the store's dump (t_fault.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "t_fault.h"
#include "base/buf.h"
#include "base/banned.h"

#define KEEP_MAX	512	/* arenas of the runs whose results stay */
#define STMT_MAX	128	/* tables the dump reads */

static sqlite3	*dump_db;	/* the dump's own read-only connection */
static char	 dump_path[64];
static struct arena *kept[KEEP_MAX];
static size_t	 nkept;
static long	 nruns;
static struct {
	char		 table[64];
	sqlite3_stmt	*q;
} stmts[STMT_MAX];		/* the dump's statements, on dump_db */
static size_t	 nstmts;

static void
dump_close(void)
{
	for (size_t i = 0; i < nstmts; i++)
		sqlite3_finalize(stmts[i].q);
	nstmts = 0;
	sqlite3_close(dump_db);
	dump_db = NULL;
	dump_path[0] = '\0';
}

static sqlite3 *
dump_conn(struct fx *f)
{
	if (dump_db != NULL && strcmp(dump_path, f->path) == 0)
		return dump_db;
	dump_close();
	if (sqlite3_open_v2(f->path, &dump_db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		t_fail(sqlite3_errmsg(dump_db));
	snprintf(dump_path, sizeof dump_path, "%s", f->path);
	return dump_db;
}

static void
dump_value(struct buf *b, sqlite3_stmt *q, int i)
{
	static const char hex[] = "0123456789abcdef";
	const char *t, *nl;
	const unsigned char *p;
	char x[128];
	int n, k;

	switch (sqlite3_column_type(q, i)) {
	case SQLITE_NULL:
		buf_puts(b, "NULL");
		break;
	case SQLITE_INTEGER:
		buf_printf(b, "%" PRId64, (int64_t)sqlite3_column_int64(q, i));
		break;
	case SQLITE_FLOAT:
		buf_printf(b, "%.17g", sqlite3_column_double(q, i));
		break;
	case SQLITE_BLOB:
		p = sqlite3_column_blob(q, i);
		n = sqlite3_column_bytes(q, i);
		buf_puts(b, "x'");
		for (k = 0; k < n; k += 64) {
			int m = n - k < 64 ? n - k : 64;

			for (int j = 0; j < m; j++) {
				x[2 * j] = hex[p[k + j] >> 4];
				x[2 * j + 1] = hex[p[k + j] & 15];
			}
			buf_put(b, x, (size_t)(2 * m));
		}
		buf_putc(b, '\'');
		break;
	default:	/* text, one line: its newlines written \n */
		t = (const char *)sqlite3_column_text(q, i);
		n = sqlite3_column_bytes(q, i);
		buf_putc(b, '\'');
		while (n > 0 && (nl = memchr(t, '\n', (size_t)n)) != NULL) {
			buf_put(b, t, (size_t)(nl - t));
			buf_puts(b, "\\n");
			n -= (int)(nl - t) + 1;
			t = nl + 1;
		}
		buf_put(b, t, (size_t)n);
		buf_putc(b, '\'');
		break;
	}
}

/*
 * The statement that reads every row of table t, prepared once a
 * connection: rowid tables with their rowid, in its order (a row deleted
 * and made again shows); a table without one in its key's order.
 */
static sqlite3_stmt *
dump_stmt(sqlite3 *db, const char *t)
{
	sqlite3_stmt *q = NULL;
	char sql[256];

	for (size_t i = 0; i < nstmts; i++)
		if (strcmp(stmts[i].table, t) == 0)
			return stmts[i].q;
	if (nstmts == STMT_MAX || strlen(t) >= sizeof stmts[0].table)
		t_fail("too many tables to dump");
	snprintf(sql, sizeof sql, "SELECT rowid, * FROM \"%s\" ORDER BY "
	    "rowid", t);
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", t);
		if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
			t_fail(sqlite3_errmsg(db));
	}
	snprintf(stmts[nstmts].table, sizeof stmts[0].table, "%s", t);
	stmts[nstmts++].q = q;
	return q;
}

/* Every row of table t, one line each. */
static void
dump_table(sqlite3 *db, struct buf *b, const char *t)
{
	sqlite3_stmt *q = dump_stmt(db, t);
	int ncol = sqlite3_column_count(q), rc;

	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		buf_puts(b, t);
		for (int i = 0; i < ncol; i++) {
			buf_putc(b, '|');
			dump_value(b, q, i);
		}
		buf_putc(b, '\n');
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		t_fail(sqlite3_errmsg(db));
}

char *
t_fault_dump(struct fx *f, unsigned flags)
{
	sqlite3 *db = dump_conn(f);
	sqlite3_stmt *q = NULL;
	struct buf b;
	char *out;

	buf_init(&b, (size_t)1 << 28);
	/* The schema itself and its version. */
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) !=
	    SQLITE_OK || sqlite3_step(q) != SQLITE_ROW)
		t_fail(sqlite3_errmsg(db));
	buf_printf(&b, "user_version|%d\n", sqlite3_column_int(q, 0));
	sqlite3_finalize(q);
	dump_table(db, &b, "sqlite_master");
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table' ORDER BY name", -1, &q, NULL) != SQLITE_OK)
		t_fail(sqlite3_errmsg(db));
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(q, 0);

		if ((flags & T_FAULT_COUNTS) && strcmp(t, "login_fail") == 0)
			continue;
		dump_table(db, &b, t);
	}
	sqlite3_finalize(q);
	if (b.err)
		t_fail("dump too large");
	out = xmalloc(b.len + 1);
	memcpy(out, b.p, b.len);
	out[b.len] = '\0';
	buf_release(&b);
	return out;
}

/* Prints the first line where two dumps differ. */
static void
dump_diff(const char *a, const char *b)
{
	size_t i = 0, line = 0;

	while (a[i] != '\0' && a[i] == b[i])
		i++;
	while (i > 0 && a[i - 1] != '\n')
		i--;
	for (size_t k = 0; k < i; k++)
		line += a[k] == '\n';
	print_message("# dump line %zu before: %.*s\n", line + 1,
	    (int)strcspn(a + i, "\n"), a + i);
	print_message("# dump line %zu after:  %.*s\n", line + 1,
	    (int)strcspn(b + i, "\n"), b + i);
}

long
t_fault(struct fx *f, const struct t_fault *c)
{
	struct arena *keep = f->ar;
	char *before = t_fault_dump(f, c->flags), *after;
	char what[1024];
	long n, points = 0;
	enum sel_err rc;

	for (n = 1;; n++) {
		f->ar = arena_new(1 << 14);
		store_fault_arm(f->app->st, n);
		rc = c->run(f, c->ctx);
		points = store_fault_points(f->app->st);
		store_fault_arm(f->app->st, -1);
		after = t_fault_dump(f, c->flags);
		if (points < n) {	/* every point passed: the real run */
			if (nkept == KEEP_MAX)
				t_fail("too many kept arenas");
			kept[nkept++] = f->ar;
			f->ar = keep;
			break;
		}
		nruns++;
		arena_destroy(f->ar);
		f->ar = keep;
		if (rc == SEL_OK || strcmp(before, after) != 0) {
			if (strcmp(before, after) != 0)
				dump_diff(before, after);
			snprintf(what, sizeof what, "%s: a fault at point %ld: "
			    "%s and the store %s: %.*s", c->name, n,
			    sel_strerror(rc), strcmp(before, after) == 0 ?
			    "unchanged" : "changed", c->m != NULL ?
			    400 : 0, c->m != NULL ? c->m->text : "");
			free(before);
			free(after);
			t_fail(what);
		}
		free(after);
		(void)fx_events(f);	/* the chain verifies */
	}
	if (rc != c->want || strcmp(before, after) == 0) {
		snprintf(what, sizeof what, "%s: without a fault: %s (want "
		    "%s), the store %s: %.*s", c->name, sel_strerror(rc),
		    sel_strerror(c->want), strcmp(before, after) == 0 ?
		    "unchanged" : "changed", c->m != NULL ? 400 : 0,
		    c->m != NULL ? c->m->text : "");
		free(before);
		free(after);
		t_fail(what);
	}
	free(before);
	free(after);
	(void)fx_events(f);
	print_message("# %s: %ld fault points\n", c->name, points);
	return points;
}

void
t_fault_release(void)
{
	for (size_t i = 0; i < nkept; i++)
		arena_destroy(kept[i]);
	nkept = 0;
	dump_close();
}

long
t_fault_runs(void)
{
	return nruns;
}
