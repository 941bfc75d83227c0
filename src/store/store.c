/*
 * store.c - opening the store, transactions, and the tables of people:
 * regions, accounts, grants, sessions, login failures.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/db_driver.h"
#include "base/banned.h"

struct store {
	struct db_pool	*pool;
	bool		 archive;	/* ---- archive ---- read-only: 023
					   ---- end archive ---- */
};

static const char *const role_names[ROLE__N] = {
	[ROLE_SECRETARIAT] = "secretariat", [ROLE_CHAIR] = "chair",
	[ROLE_MEMBER] = "member", [ROLE_ASSESSOR] = "assessor",
	[ROLE_NARASUMBER] = "narasumber", [ROLE_PYB] = "pyb",
	[ROLE_PPK] = "ppk", [ROLE_OVERSIGHT] = "oversight",
	[ROLE_APPLICANT] = "applicant",
};

const char *
role_name(enum role r)
{
	return (unsigned)r < ROLE__N ? role_names[r] : "?";
}

bool
role_parse(struct str s, enum role *out)
{
	for (int i = 0; i < ROLE__N; i++)
		if (str_eqc(s, role_names[i])) {
			*out = (enum role)i;
			return true;
		}
	return false;
}

enum sel_err
store_open(const char *path, int nconn, struct store **out, char *err,
    size_t errsz)
{
	struct store *st;
	struct db *d;
	enum sel_err rc;

	st = xmalloc(sizeof *st);
	rc = db_pool_open(path, nconn, &st->pool, err, errsz);
	if (rc != SEL_OK) {
		free(st);
		return rc;
	}
	d = db_get(st->pool);
	rc = db_migrate(d, err, errsz);
	/* ---- archive ---- an imported archive's store is read-only */
	if (rc == SEL_OK) {
		struct sq *q = db_sq(d, "SELECT 1 FROM archive_instance");
		int k = q != NULL ? sq_step(q) : SQ_ERR;

		if (q != NULL)
			sq_done(q);
		st->archive = k == SQ_ROW;
		if (k == SQ_ERR) {
			snprintf(err, errsz, "%s: the store cannot be read",
			    path);
			rc = SEL_ESTORE;
		}
	}
	/* ---- end archive ---- */
	db_put(st->pool, d);
	if (rc != SEL_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return SEL_OK;
}

bool
store_location_pg(const char *location)
{
	return db_is_pg(location);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	db_pool_close(st->pool);
	free(st);
}

enum sel_err
store_backup(struct store *st, const char *path, char *err, size_t errsz)
{
	struct db *d = db_get(st->pool);
	enum sel_err rc = db_backup(d, path, err, errsz);

	db_put(st->pool, d);
	return rc;
}

/* ---- archive ---- */
bool
store_is_archive(const struct store *st)
{
	return st->archive;
}
/* ---- end archive ---- */

void
store_fault_arm(struct store *st, long n)
{
	db_fault_arm(st->pool, n);
}

long
store_fault_points(struct store *st)
{
	return db_fault_points(st->pool);
}

enum sel_err
store_begin(struct store *st, bool write, struct stx **out)
{
	struct db *d;
	enum sel_err rc;

	/* ---- archive ---- no write reaches an archive's store */
	if (write && st->archive)
		return SEL_EPERM;
	/* ---- end archive ---- */
	d = write ? db_get_writer(st->pool) : db_get(st->pool);
	rc = db_begin(d, write);

	if (rc != SEL_OK) {
		db_put(st->pool, d);
		return rc;
	}
	*out = (struct stx *)(void *)d;
	return SEL_OK;
}

enum sel_err
store_commit(struct store *st, struct stx *tx)
{
	enum sel_err rc = db_commit(DB(tx));

	db_put(st->pool, DB(tx));
	return rc;
}

void
store_abort(struct store *st, struct stx *tx)
{
	db_rollback(DB(tx));
	db_put(st->pool, DB(tx));
}

enum sel_err
sq_run(struct sq *q)
{
	int rc = sq_step(q);

	sq_done(q);
	if (rc == SQ_CONSTRAINT)
		return SEL_EINVAL;
	return rc == SQ_ERR ? SEL_ESTORE : SEL_OK;
}

enum sel_err
sq_run_id(struct sq *q, int64_t *id)
{
	int rc = sq_step(q);

	if (rc == SQ_ROW)
		*id = sq_col_i64(q, 0);
	sq_done(q);
	if (rc == SQ_CONSTRAINT)
		return SEL_EINVAL;
	return rc == SQ_ROW ? SEL_OK : SEL_ESTORE;
}

enum sel_err
sq_run_one(struct sq *q, int64_t *id)
{
	int rc = sq_step(q);

	if (rc == SQ_ROW)
		*id = sq_col_i64(q, 0);
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : rc == SQ_DONE ? SEL_ENOENT :
	    SEL_ESTORE;
}

enum sel_err
store_del_row(struct stx *tx, const char *sql, int64_t sel, int64_t id)
{
	struct sq *q = db_sq(DB(tx), sql);
	int64_t got;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, id);
	return sq_run_id(q, &got) == SEL_OK ? SEL_OK : SEL_ENOENT;
}

/* ---- regions ---- */

#define REGION_COLS "id, code, name, profile_id, oversight, secretariat"

static void
region_row(struct arena *a, struct sq *q, struct s_region *r)
{
	r->id = sq_col_i64(q, 0);
	r->code = sq_col_str(a, q, 1);
	r->name = sq_col_str(a, q, 2);
	r->profile_id = sq_col_str(a, q, 3);
	r->oversight = sq_col_str(a, q, 4);
	r->secretariat = sq_col_str(a, q, 5);
}

enum sel_err
store_region_add(struct stx *tx, const struct s_region *r, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO region (code, name, "
	    "profile_id, oversight, secretariat) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, r->code);
	sq_text(q, 2, r->name);
	sq_text(q, 3, r->profile_id);
	sq_text(q, 4, r->oversight);
	sq_text(q, 5, r->secretariat);
	return sq_run_id(q, id);
}

static enum sel_err
region_one(struct arena *a, struct sq *q, struct s_region *r)
{
	ONE(a, q, region_row, r);
}

enum sel_err
store_region_get(struct stx *tx, struct arena *a, int64_t id,
    struct s_region *r)
{
	struct sq *q = db_sq(DB(tx), "SELECT " REGION_COLS " FROM region "
	    "WHERE id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	return region_one(a, q, r);
}

enum sel_err
store_region_by_code(struct stx *tx, struct arena *a, struct str code,
    struct s_region *r)
{
	struct sq *q = db_sq(DB(tx), "SELECT " REGION_COLS " FROM region "
	    "WHERE code = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, code);
	return region_one(a, q, r);
}

enum sel_err
store_regions(struct stx *tx, struct arena *a, struct s_region **out,
    size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " REGION_COLS " FROM region "
	    "ORDER BY name");

	if (q == NULL)
		return SEL_ESTORE;
	COLLECT(a, q, struct s_region, out, n, region_row);
}

/* ---- accounts ---- */

#define ACCOUNT_COLS "id, login, name, email, pwhash, is_admin"

static void
account_row(struct arena *a, struct sq *q, struct s_account *r)
{
	r->id = sq_col_i64(q, 0);
	r->login = sq_col_str(a, q, 1);
	r->name = sq_col_str(a, q, 2);
	r->email = sq_col_str(a, q, 3);
	r->pwhash = sq_col_str(a, q, 4);
	r->admin = sq_col_i64(q, 5) != 0;
}

static enum sel_err
account_one(struct arena *a, struct sq *q, struct s_account *r)
{
	ONE(a, q, account_row, r);
}

enum sel_err
store_account_add(struct stx *tx, const struct s_account *r,
    struct str created_at, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO account (login, name, "
	    "email, pwhash, is_admin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, r->login);
	sq_text(q, 2, r->name);
	sq_text(q, 3, r->email);
	sq_text(q, 4, r->pwhash);
	sq_i64(q, 5, r->admin);
	sq_text(q, 6, created_at);
	return sq_run_id(q, id);
}

enum sel_err
store_account_get(struct stx *tx, struct arena *a, int64_t id,
    struct s_account *r)
{
	struct sq *q = db_sq(DB(tx), "SELECT " ACCOUNT_COLS " FROM account "
	    "WHERE id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	return account_one(a, q, r);
}

enum sel_err
store_account_by_login(struct stx *tx, struct arena *a, struct str login,
    struct s_account *r)
{
	struct sq *q = db_sq(DB(tx), "SELECT " ACCOUNT_COLS " FROM account "
	    "WHERE login = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, login);
	return account_one(a, q, r);
}

enum sel_err
store_account_set_pw(struct stx *tx, int64_t id, struct str pwhash)
{
	struct sq *q = db_sq(DB(tx), "UPDATE account SET pwhash = ?2 "
	    "WHERE id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_text(q, 2, pwhash);
	return sq_run(q);
}

enum sel_err
store_accounts(struct stx *tx, struct arena *a, struct s_account **out,
    size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " ACCOUNT_COLS " FROM account "
	    "ORDER BY login");

	if (q == NULL)
		return SEL_ESTORE;
	COLLECT(a, q, struct s_account, out, n, account_row);
}

enum sel_err
store_account_count(struct stx *tx, int64_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM account");

	if (q == NULL)
		return SEL_ESTORE;
	return sq_run_id(q, n);
}

/* ---- grants ---- */

static void
grant_row(struct arena *a, struct sq *q, struct s_grant *r)
{
	r->id = sq_col_i64(q, 0);
	r->account_id = sq_col_i64(q, 1);
	r->region_id = sq_col_i64(q, 2);
	r->selection_id = sq_col_i64(q, 3);
	if (!role_parse(sq_col_str(a, q, 4), &r->role))
		r->role = ROLE__N;
	r->login = sq_col_str(a, q, 5);
	r->region_code = sq_col_str(a, q, 6);
}

enum sel_err
store_grant_add(struct stx *tx, const struct s_grant *g, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO grant_role (account_id, "
	    "region_id, selection_id, role) VALUES (?1, ?2, ?3, ?4) "
	    "RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, g->account_id);
	sq_i64(q, 2, g->region_id);
	sq_i64(q, 3, g->selection_id);
	sq_text(q, 4, str_c(role_name(g->role)));
	return sq_run_id(q, id);
}

enum sel_err
store_grant_del(struct stx *tx, int64_t id, struct s_grant *old)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM grant_role WHERE id = ?1 "
	    "RETURNING account_id, region_id, selection_id, role");
	struct arena *a;
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	rc = sq_step(q);
	if (rc == SQ_ROW) {
		a = arena_new(256);
		old->id = id;
		old->account_id = sq_col_i64(q, 0);
		old->region_id = sq_col_i64(q, 1);
		old->selection_id = sq_col_i64(q, 2);
		if (!role_parse(sq_col_str(a, q, 3), &old->role))
			old->role = ROLE__N;
		arena_destroy(a);
	}
	sq_done(q);
	if (rc == SQ_ROW)
		return SEL_OK;
	return rc == SQ_DONE ? SEL_ENOENT : SEL_ESTORE;
}

enum sel_err
store_grants(struct stx *tx, struct arena *a, int64_t account_id,
    struct s_grant **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT g.id, g.account_id, "
	    "g.region_id, g.selection_id, g.role, a.login, r.code "
	    "FROM grant_role g JOIN account a ON a.id = g.account_id "
	    "JOIN region r ON r.id = g.region_id "
	    "WHERE ?1 = 0 OR g.account_id = ?1 "
	    "ORDER BY a.login, r.code, g.selection_id, g.role");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	COLLECT(a, q, struct s_grant, out, n, grant_row);
}

/* ---- sessions ---- */

enum sel_err
store_session_add(struct stx *tx, const unsigned char th[32],
    int64_t account_id, struct str csrf, int64_t now, int64_t expires_at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO session (token_hash, "
	    "account_id, csrf, created_at, expires_at) VALUES (?1, ?2, ?3, "
	    "?4, ?5)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_blob(q, 1, th, 32);
	sq_i64(q, 2, account_id);
	sq_text(q, 3, csrf);
	sq_i64(q, 4, now);
	sq_i64(q, 5, expires_at);
	return sq_run(q);
}

enum sel_err
store_session_get(struct stx *tx, struct arena *a, const unsigned char th[32],
    int64_t now, struct s_session *s)
{
	struct sq *q = db_sq(DB(tx), "SELECT account_id, csrf, expires_at "
	    "FROM session WHERE token_hash = ?1 AND expires_at > ?2");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_blob(q, 1, th, 32);
	sq_i64(q, 2, now);
	rc = sq_step(q);
	if (rc == SQ_ROW) {
		s->account_id = sq_col_i64(q, 0);
		s->csrf = sq_col_str(a, q, 1);
		s->expires_at = sq_col_i64(q, 2);
	}
	sq_done(q);
	if (rc == SQ_ROW)
		return SEL_OK;
	return rc == SQ_DONE ? SEL_ENOENT : SEL_ESTORE;
}

enum sel_err
store_session_del(struct stx *tx, const unsigned char th[32])
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM session WHERE "
	    "token_hash = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_blob(q, 1, th, 32);
	return sq_run(q);
}

enum sel_err
store_session_del_account(struct stx *tx, int64_t account_id)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM session WHERE "
	    "account_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	return sq_run(q);
}

/* ---- login failures ---- */

enum sel_err
store_fail_get(struct stx *tx, struct str key, int64_t since, int64_t *count)
{
	struct sq *q = db_sq(DB(tx), "SELECT count FROM login_fail "
	    "WHERE key = ?1 AND first_at > ?2");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, key);
	sq_i64(q, 2, since);
	rc = sq_step(q);
	*count = rc == SQ_ROW ? sq_col_i64(q, 0) : 0;
	sq_done(q);
	return rc == SQ_ERR ? SEL_ESTORE : SEL_OK;
}

enum sel_err
store_fail_bump(struct stx *tx, struct str key, int64_t now, int64_t since)
{
	/* A count older than the window starts again from 1. */
	struct sq *q = db_sq(DB(tx), "INSERT INTO login_fail (key, count, "
	    "first_at) VALUES (?1, 1, ?2) ON CONFLICT (key) DO UPDATE SET "
	    "count = CASE WHEN login_fail.first_at > ?3 "
	    "THEN login_fail.count + 1 ELSE 1 END, "
	    "first_at = CASE WHEN login_fail.first_at > ?3 "
	    "THEN login_fail.first_at ELSE ?2 END");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, key);
	sq_i64(q, 2, now);
	sq_i64(q, 3, since);
	return sq_run(q);
}

enum sel_err
store_fail_undo(struct stx *tx, struct str key)
{
	struct sq *q = db_sq(DB(tx), "UPDATE login_fail SET count = count - 1 "
	    "WHERE key = ?1 AND count > 0");
	struct sq *z = db_sq(DB(tx), "DELETE FROM login_fail WHERE key = ?1 "
	    "AND count <= 0");
	enum sel_err rc;

	if (q == NULL || z == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, key);
	if ((rc = sq_run(q)) != SEL_OK)
		return rc;
	/* Nothing left: no row, as before the count (a count given back
	 * leaves the table as it found it). */
	sq_text(z, 1, key);
	return sq_run(z);
}

enum sel_err
store_fail_clear(struct stx *tx, struct str key)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM login_fail WHERE key = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, key);
	return sq_run(q);
}
