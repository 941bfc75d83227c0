/*
 * migrations.h - the schema's forward migrations, generated from
 * src/store/sql/<driver>/NNN_*.sql.  Migration i moves the database from
 * version i to version i + 1 (PRAGMA user_version in SQLite).
 */
#ifndef SELTER_STORE_MIGRATIONS_H
#define SELTER_STORE_MIGRATIONS_H

extern const char *const db_migrations[];
extern const int db_nmigrations;
/* The same migrations for PostgreSQL (src/store/sql/postgresql/): one file
   per SQLite file, the same numbers, so the same versions. */
extern const char *const db_pg_migrations[];
extern const int db_pg_nmigrations;

#endif
