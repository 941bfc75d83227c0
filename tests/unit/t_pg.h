/*
 * t_pg.h - the store a test opens (issue 15): a fresh temporary SQLite
 * file, or, when the environment's SELTER_TEST_STORE names a PostgreSQL
 * database (tools/test.sh starts one), a schema of it, empty (made for
 * the test, or one of the process's earlier tests' emptied).  The same
 * tests run on both.
 */
#ifndef SELTER_TESTS_UNIT_T_PG_H
#define SELTER_TESTS_UNIT_T_PG_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the tests run on PostgreSQL (SELTER_TEST_STORE is set). */
bool	t_store_pg(void);
/*
 * The store's location into loc: path itself on SQLite; on PostgreSQL
 * the URL of a new, empty schema.  0, or -1 when it cannot be made.
 */
int	t_store_make(char *loc, size_t n, const char *path);
/* Gives back the schema of loc, to be emptied for the next test. */
void	t_store_drop(const char *loc);

#endif
