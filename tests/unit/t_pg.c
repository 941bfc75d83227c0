/*
 * t_pg.c - the tests' store on PostgreSQL (t_pg.h): one schema per test,
 * named after the process and a counter, in SELTER_TEST_STORE's
 * database; the store's URL selects it with search_path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "t_pg.h"
#include "base/banned.h"

static const char *
base(void)
{
	const char *s = getenv("SELTER_TEST_STORE");

	return s != NULL && s[0] != '\0' ? s : NULL;
}

bool
t_store_pg(void)
{
	return base() != NULL;
}

static void
quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static int
exec1(const char *sql)
{
	PGconn *c = PQconnectdb(base());
	PGresult *r;
	int rc = -1;

	if (PQstatus(c) == CONNECTION_OK) {
		PQsetNoticeProcessor(c, quiet, NULL);
		r = PQexec(c, sql);
		if (PQresultStatus(r) == PGRES_COMMAND_OK)
			rc = 0;
		else
			fprintf(stderr, "t_pg: %s", PQresultErrorMessage(r));
		PQclear(r);
	} else {
		fprintf(stderr, "t_pg: %s", PQerrorMessage(c));
	}
	PQfinish(c);
	return rc;
}

/*
 * The schemas of this process: migrating a new one costs about half a
 * second, so one given back is kept, migrated, and emptied for the next
 * test (its rows deleted with the triggers off: the same as new).
 */
#define NSCHEMA	8
static struct {
	char	name[32];
	bool	used;
} schemas[NSCHEMA];
static int nschemas;

static int
wipe(const char *name)
{
	char sql[900];

	snprintf(sql, sizeof sql, "DO $$ DECLARE t TEXT; BEGIN "
	    "SET LOCAL session_replication_role = replica; "
	    "FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = "
	    "'%s' AND tablename <> 'selter_schema' LOOP "
	    "EXECUTE format('DELETE FROM %%I.%%I', '%s', t); "
	    "END LOOP; END $$", name, name);
	return exec1(sql);
}

int
t_store_make(char *loc, size_t n, const char *path)
{
	char sql[160];
	int k, i;

	if (base() == NULL) {
		k = snprintf(loc, n, "%s", path);
		return k > 0 && (size_t)k < n ? 0 : -1;
	}
	for (i = 0; i < nschemas && schemas[i].used; i++)
		continue;
	if (i < nschemas) {
		if (wipe(schemas[i].name) != 0)
			return -1;
	} else {
		if (nschemas == NSCHEMA)
			return -1;
		i = nschemas++;
		snprintf(schemas[i].name, sizeof schemas[i].name, "t%ld_%d",
		    (long)getpid(), i);
		snprintf(sql, sizeof sql, "SET client_min_messages = "
		    "warning; DROP SCHEMA IF EXISTS %s CASCADE; "
		    "CREATE SCHEMA %s", schemas[i].name, schemas[i].name);
		if (exec1(sql) != 0)
			return -1;
	}
	schemas[i].used = true;
	k = snprintf(loc, n, "%s%coptions=-csearch_path%%3D%s", base(),
	    strchr(base(), '?') != NULL ? '&' : '?', schemas[i].name);
	return k > 0 && (size_t)k < n ? 0 : -1;
}

void
t_store_drop(const char *loc)
{
	const char *s = strstr(loc, "search_path%3D");

	if (base() == NULL || s == NULL)
		return;
	s += strlen("search_path%3D");
	for (int i = 0; i < nschemas && i < NSCHEMA; i++)
		if (strncmp(schemas[i].name, s, sizeof schemas[i].name) == 0)
			schemas[i].used = false;
}
