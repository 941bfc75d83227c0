/*
 * store_log.c - the verifiable log's rows (store_log.h): signatures,
 * checkpoints, cosignatures, the events' leaf bytes, the export copy.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "store/store_log.h"
#include "store/store_int.h"
#include "base/banned.h"

static const char tag[] = "selter-event-v1";

static void
put_field(struct buf *b, const void *p, size_t n)
{
	char len[8];
	uint64_t v = n;

	for (int i = 7; i >= 0; i--, v >>= 8)
		len[i] = (char)(v & 0xff);
	buf_put(b, len, sizeof len);
	buf_put(b, p, n);
}

static void
put_num(struct buf *b, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof num, "%" PRId64, v);

	put_field(b, num, (size_t)n);
}

static void
put_str(struct buf *b, struct str s)
{
	put_field(b, s.p != NULL ? s.p : "", s.len);
}

void
store_event_bytes(const struct s_event *e, struct buf *b)
{
	buf_put(b, tag, sizeof tag);
	buf_put(b, (const char *)e->prev, 32);
	put_num(b, e->id);
	put_str(b, e->at);
	put_num(b, e->actor_id);
	put_str(b, e->actor);
	put_num(b, e->selection_id);
	put_str(b, e->action);
	put_str(b, e->before);
	put_str(b, e->after);
	put_str(b, e->rules);
}

enum sel_err
store_event_each(struct stx *tx, int64_t max,
    bool (*fn)(void *, const struct s_event *), void *arg)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, at, actor_id, actor, "
	    "selection_id, action, before, after, rules, prev, hash FROM event "
	    "ORDER BY id LIMIT ?1");
	struct arena *a;
	struct s_event e;
	int rc, k = 0;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, max);
	a = arena_new(64 << 10);
	while ((rc = sq_step(q)) == SQ_ROW) {
		if (++k % 256 == 0)
			arena_reset(a);
		e.id = sq_col_i64(q, 0);
		e.at = sq_col_str(a, q, 1);
		e.actor_id = sq_col_i64(q, 2);
		e.actor = sq_col_str(a, q, 3);
		e.selection_id = sq_col_i64(q, 4);
		e.action = sq_col_str(a, q, 5);
		e.before = sq_col_str(a, q, 6);
		e.after = sq_col_str(a, q, 7);
		e.rules = sq_col_str(a, q, 8);
		if (sq_col_blob(q, 9, e.prev, 32) != 32)
			memset(e.prev, 0xff, 32);
		if (sq_col_blob(q, 10, e.hash, 32) != 32)
			memset(e.hash, 0xff, 32);
		if (!fn(arg, &e)) {
			rc = SQ_DONE;
			break;
		}
	}
	sq_done(q);
	arena_destroy(a);
	return rc == SQ_DONE ? SEL_OK : SEL_ESTORE;
}

int64_t
store_event_count(struct stx *tx)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM event");
	int64_t n = -1;

	if (q == NULL)
		return -1;
	if (sq_step(q) == SQ_ROW)
		n = sq_col_i64(q, 0);
	sq_done(q);
	return n;
}

enum sel_err
store_pub_sig_add(struct stx *tx, int64_t pub, struct str note)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO publication_sig "
	    "(publication_id, note) VALUES (?1, ?2)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, pub);
	sq_text(q, 2, note);
	return sq_run(q);
}

static void
sig_row(struct arena *a, struct sq *q, struct s_pub_sig *s)
{
	s->id = sq_col_i64(q, 0);
	s->sha256 = sq_col_str(a, q, 1);
	s->note = sq_col_str(a, q, 2);
	s->body = sq_col_str(a, q, 3);
}

enum sel_err
store_pub_sigs(struct stx *tx, struct arena *a, struct s_pub_sig **out,
    size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT p.id, p.sha256, s.note, p.body "
	    "FROM "
	    "publication p LEFT JOIN publication_sig s ON s.publication_id = "
	    "p.id ORDER BY p.id");

	if (q == NULL)
		return SEL_ESTORE;
	COLLECT(a, q, struct s_pub_sig, out, n, sig_row);
}

enum sel_err
store_pub_sig(struct stx *tx, struct arena *a, int64_t pub, struct str *note)
{
	struct sq *q = db_sq(DB(tx), "SELECT note FROM publication_sig WHERE "
	    "publication_id = ?1");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, pub);
	if ((rc = sq_step(q)) == SQ_ROW)
		*note = sq_col_str(a, q, 0);
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : rc == SQ_DONE ? SEL_ENOENT : SEL_ESTORE;
}

enum sel_err
store_checkpoint_add(struct stx *tx, const struct s_checkpoint *c,
    int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO checkpoint (size, root, at, "
	    "note) VALUES (?1, ?2, ?3, ?4) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, c->size);
	sq_blob(q, 2, c->root, 32);
	sq_text(q, 3, c->at);
	sq_text(q, 4, c->note);
	return sq_run_id(q, id);
}

static void
cp_row(struct arena *a, struct sq *q, struct s_checkpoint *c)
{
	c->id = sq_col_i64(q, 0);
	c->size = sq_col_i64(q, 1);
	if (sq_col_blob(q, 2, c->root, 32) != 32)
		memset(c->root, 0, 32);
	c->at = sq_col_str(a, q, 3);
	c->note = sq_col_str(a, q, 4);
}

enum sel_err
store_checkpoint_last(struct stx *tx, struct arena *a, struct s_checkpoint *c)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, size, root, at, note FROM "
	    "checkpoint ORDER BY id DESC LIMIT 1");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	if ((rc = sq_step(q)) == SQ_ROW)
		cp_row(a, q, c);
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : rc == SQ_DONE ? SEL_ENOENT : SEL_ESTORE;
}

enum sel_err
store_checkpoints(struct stx *tx, struct arena *a, struct s_checkpoint **out,
    size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, size, root, at, note FROM "
	    "checkpoint ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	COLLECT(a, q, struct s_checkpoint, out, n, cp_row);
}

enum sel_err
store_cosig_add(struct stx *tx, const struct s_cosig *c)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO cosignature (checkpoint_id, "
	    "witness, line, at) VALUES (?1, ?2, ?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, c->checkpoint_id);
	sq_text(q, 2, c->witness);
	sq_text(q, 3, c->line);
	sq_text(q, 4, c->at);
	return sq_run(q);
}

static void
cosig_row(struct arena *a, struct sq *q, struct s_cosig *c)
{
	c->id = sq_col_i64(q, 0);
	c->checkpoint_id = sq_col_i64(q, 1);
	c->witness = sq_col_str(a, q, 2);
	c->line = sq_col_str(a, q, 3);
	c->at = sq_col_str(a, q, 4);
}

enum sel_err
store_cosigs(struct stx *tx, struct arena *a, int64_t cp,
    struct s_cosig **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, checkpoint_id, witness, line, "
	    "at FROM cosignature WHERE ?1 = 0 OR checkpoint_id = ?1 "
	    "ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, cp);
	COLLECT(a, q, struct s_cosig, out, n, cosig_row);
}
