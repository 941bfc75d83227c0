/*
 * reg_commits: registration commits/s with synchronous=FULL, through
 * selter's store next to raw SQLite (bench/deadline).  Three loops of N
 * transactions each, every transaction committed on its own:
 *   store1  store_account_add: one account row (store.h)
 *   store2  store_account_add + store_applicant_add: a registration's rows
 *   raw     sqlite3: BEGIN IMMEDIATE; one INSERT of the same columns;
 *           COMMIT, with the store's pragmas (WAL, synchronous=FULL)
 * Each on a fresh database under DIR.  Prints commits/s of each.
 *
 * usage: reg_commits DIR [N]   (N: 2000)
 */
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"

#include "base/banned.h"

#define HASH	"$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2E" \
		"$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
via_store(const char *path, long n, bool applicant)
{
	struct store *st;
	char err[256], login[32], mail[64];
	double t0;

	if (store_open(path, 2, &st, err, sizeof err) != SEL_OK) {
		fprintf(stderr, "reg_commits: %s\n", err);
		exit(2);
	}
	t0 = now();
	for (long i = 0; i < n; i++) {
		struct stx *tx;
		struct s_account a;
		int64_t id;

		snprintf(login, sizeof login, "%018ld", 197001012000011000 + i);
		snprintf(mail, sizeof mail, "p%ld@example.org", i);
		memset(&a, 0, sizeof a);
		a.login = str_c(login);
		a.name = STR("Pelamar Uji");
		a.email = str_c(mail);
		a.pwhash = STR(HASH);
		if (store_begin(st, true, &tx) != SEL_OK ||
		    store_account_add(tx, &a, STR("2026-11-23T00:00:00Z"),
		    &id) != SEL_OK)
			goto fail;
		if (applicant) {
			struct s_applicant p;

			memset(&p, 0, sizeof p);
			p.account_id = id;
			p.nip = str_c(login);
			p.birth_date = STR("1970-01-01");
			p.tmt_cpns = STR("2000-01");
			if (store_applicant_add(tx, &p) != SEL_OK)
				goto fail;
		}
		if (store_commit(st, tx) != SEL_OK)
			goto fail;
	}
	t0 = now() - t0;
	store_close(st);
	return (double)n / t0;
fail:
	fprintf(stderr, "reg_commits: the store failed\n");
	exit(2);
}

static double
raw(const char *path, long n)
{
	sqlite3 *h;
	sqlite3_stmt *ins;
	char login[32], mail[64];
	double t0;

	if (sqlite3_open(path, &h) != SQLITE_OK ||
	    sqlite3_exec(h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	    "PRAGMA foreign_keys=ON; CREATE TABLE account (id INTEGER "
	    "PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
	    "email TEXT NOT NULL DEFAULT '', pwhash TEXT NOT NULL, is_admin "
	    "INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)", NULL,
	    NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "INSERT INTO account (login, name, email, "
	    "pwhash, is_admin, created_at) VALUES (?1, 'Pelamar Uji', ?2, "
	    "'" HASH "', 0, '2026-11-23T00:00:00Z')", -1, &ins, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "reg_commits: %s\n", sqlite3_errmsg(h));
		exit(2);
	}
	t0 = now();
	for (long i = 0; i < n; i++) {
		snprintf(login, sizeof login, "%018ld", 197001012000011000 + i);
		snprintf(mail, sizeof mail, "p%ld@example.org", i);
		sqlite3_bind_text(ins, 1, login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, mail, -1, SQLITE_TRANSIENT);
		if (sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
		    SQLITE_OK || sqlite3_step(ins) != SQLITE_DONE ||
		    sqlite3_reset(ins) != SQLITE_OK ||
		    sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "reg_commits: %s\n", sqlite3_errmsg(h));
			exit(2);
		}
	}
	t0 = now() - t0;
	sqlite3_finalize(ins);
	sqlite3_close(h);
	return (double)n / t0;
}

int
main(int argc, char *argv[])
{
	char p1[4096], p2[4096], p3[4096];
	long n = 2000;

	if (argc < 2) {
		fprintf(stderr, "usage: reg_commits DIR [N]\n");
		return 2;
	}
	if (argc > 2)
		n = strtol(argv[2], NULL, 10);
	if (n < 1)
		return 2;
	snprintf(p1, sizeof p1, "%s/store1.db", argv[1]);
	snprintf(p2, sizeof p2, "%s/store2.db", argv[1]);
	snprintf(p3, sizeof p3, "%s/raw.db", argv[1]);
	printf("commits %ld\n", n);
	printf("raw_commits_per_s %.1f\n", raw(p3, n));
	printf("store1_commits_per_s %.1f\n", via_store(p1, n, false));
	printf("store2_commits_per_s %.1f\n", via_store(p2, n, true));
	return 0;
}
