/*
 * store_archive.h - the rows of the auditor's archive (issue 13 item 5,
 * docs/archive.md): one selection's record read table by table for
 * data.json, loaded as it was into a new store, the archive's own row
 * (023_archive.sql) that makes a store read-only, and events and
 * checkpoints put back with their ids and hashes.
 *
 * What is read is the selection's record and the least of the rest it
 * needs: its region, the accounts it names (no password hash, no e-mail
 * address, no administrator flag), its applicants' NIPs (not their
 * current records: each application keeps the one it was sent with), the
 * documents of its applicants, the scores of closed stages only (a stage
 * still open is sealed, MERIT.md).  No session, one-time token, outbox,
 * login counter or other selection's applicant is ever read.
 */
#ifndef SELTER_STORE_STORE_ARCHIVE_H
#define SELTER_STORE_STORE_ARCHIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "base/json.h"
#include "base/str.h"
#include "store/store.h"

struct arena;
struct stx;

/* The selection's tables as members of the JSON object w is in: each
   table's name and an array of rows, {column: value}. */
enum sel_err	store_archive_rows(struct stx *, struct arena *, int64_t sel,
		    struct json_w *w);
/* The number of rows of the selection's tables (for a progress line). */
enum sel_err	store_archive_count(struct stx *, int64_t sel, int64_t *n);
/*
 * Inserts the rows of tables (an object as store_archive_rows writes it)
 * into a new store, table by table in the order of the schema's
 * references.  SEL_EINVAL (d): a table or column this version does not
 * know, a value of the wrong type, a row the schema refuses.
 */
enum sel_err	store_archive_load(struct stx *, struct arena *,
		    const struct json *tables, struct diag *d);

struct s_archive {
	struct str	 region_code, region_name, exported_at, origin,
			 key_text, sha256, imported_at;
	int64_t		 selection_id;
	int64_t		 head_id;	/* the source trail's head at export */
	unsigned char	 head_hash[32];
};
enum sel_err	store_archive_set(struct stx *, const struct s_archive *);
/* SEL_ENOENT: the store is not an archive. */
enum sel_err	store_archive_get(struct stx *, struct arena *,
		    struct s_archive *);

/* The SHA-256 (hex) of every document file of the selection's
   applicants, each once. */
enum sel_err	store_archive_docs(struct stx *, struct arena *, int64_t sel,
		    struct str **sha, size_t *n);

/* An event as it was (its id, prev and hash kept: no chain computed). */
enum sel_err	store_event_put(struct stx *, const struct s_event *);

#endif
