/*
 * audit.c - the append-only audit trail, chained by SHA-256.
 *
 * An event's hash is SHA-256 over, in order: the tag "selter-event-v1"
 * and a NUL; the previous event's hash (32 zero bytes for the first); then
 * each field as an 8-byte big-endian length and its bytes: id, at,
 * actor_id, actor, selection_id, action, before, after, rules (the numbers
 * in decimal).  Changing, removing or inserting an event breaks the chain
 * at that point or at the next event; docs/architecture.md says what the
 * chain cannot see (the removal of the newest events, unless their head
 * hash was published elsewhere).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "base/banned.h"

static const char tag[] = "selter-event-v1";

static void
put_field(crypto_hash_sha256_state *h, const void *p, size_t n)
{
	unsigned char len[8];
	uint64_t v = n;

	for (int i = 7; i >= 0; i--, v >>= 8)
		len[i] = (unsigned char)(v & 0xff);
	crypto_hash_sha256_update(h, len, sizeof len);
	crypto_hash_sha256_update(h, p, n);
}

static void
put_num(crypto_hash_sha256_state *h, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof num, "%" PRId64, v);

	put_field(h, num, (size_t)n);
}

static void
put_str(crypto_hash_sha256_state *h, struct str s)
{
	put_field(h, s.p != NULL ? s.p : "", s.len);
}

void
store_event_hash(const struct s_event *e, unsigned char out[32])
{
	crypto_hash_sha256_state h;

	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)tag, sizeof tag);
	crypto_hash_sha256_update(&h, e->prev, 32);
	put_num(&h, e->id);
	put_str(&h, e->at);
	put_num(&h, e->actor_id);
	put_str(&h, e->actor);
	put_num(&h, e->selection_id);
	put_str(&h, e->action);
	put_str(&h, e->before);
	put_str(&h, e->after);
	put_str(&h, e->rules);
	crypto_hash_sha256_final(&h, out);
}

enum sel_err
store_event_add(struct stx *tx, struct s_event *e)
{
	struct sq *head = db_sq(DB(tx), "SELECT id, hash FROM event "
	    "ORDER BY id DESC LIMIT 1");
	struct sq *q = db_sq(DB(tx), "INSERT INTO event (id, at, actor_id, "
	    "actor, selection_id, action, before, after, rules, prev, hash) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
	int rc;

	if (head == NULL || q == NULL || !db_in_write_tx(DB(tx)))
		return SEL_ESTORE;
	memset(e->prev, 0, sizeof e->prev);
	e->id = 1;
	rc = sq_step(head);
	if (rc == SQ_ROW) {
		e->id = sq_col_i64(head, 0) + 1;
		if (sq_col_blob(head, 1, e->prev, 32) != 32)
			rc = SQ_ERR;
	}
	sq_done(head);
	if (rc == SQ_ERR)
		return SEL_ESTORE;
	store_event_hash(e, e->hash);
	sq_i64(q, 1, e->id);
	sq_text(q, 2, e->at);
	sq_i64(q, 3, e->actor_id);
	sq_text(q, 4, e->actor);
	sq_i64(q, 5, e->selection_id);
	sq_text(q, 6, e->action);
	sq_text(q, 7, e->before);
	sq_text(q, 8, e->after);
	sq_text(q, 9, e->rules);
	sq_blob(q, 10, e->prev, 32);
	sq_blob(q, 11, e->hash, 32);
	return sq_run(q) == SEL_OK ? SEL_OK : SEL_ESTORE;
}

static void
event_row(struct arena *a, struct sq *q, struct s_event *e)
{
	e->id = sq_col_i64(q, 0);
	e->at = sq_col_str(a, q, 1);
	e->actor_id = sq_col_i64(q, 2);
	e->actor = sq_col_str(a, q, 3);
	e->selection_id = sq_col_i64(q, 4);
	e->action = sq_col_str(a, q, 5);
	e->before = sq_col_str(a, q, 6);
	e->after = sq_col_str(a, q, 7);
	e->rules = sq_col_str(a, q, 8);
	/* A blob of the wrong size reads as zeros: verify then fails. */
	if (sq_col_blob(q, 9, e->prev, 32) != 32)
		memset(e->prev, 0xff, 32);
	if (sq_col_blob(q, 10, e->hash, 32) != 32)
		memset(e->hash, 0xff, 32);
}

#define EVENT_COLS "id, at, actor_id, actor, selection_id, action, before, " \
	"after, rules, prev, hash"

static enum sel_err
events_limited(struct arena *a, struct sq *q, size_t max,
    struct s_event **out, size_t *n)
{
	size_t cap = 16, k = 0;
	struct s_event *v = arena_array(a, cap, sizeof *v);
	int rc;

	while (k < max && (rc = sq_step(q)) == SQ_ROW) {
		if (k == cap) {
			v = arena_grow(a, v, cap, cap * 2, sizeof *v);
			cap *= 2;
		}
		event_row(a, q, &v[k++]);
	}
	if (k < max && rc != SQ_DONE) {
		sq_done(q);
		return SEL_ESTORE;
	}
	sq_done(q);
	*out = v;
	*n = k;
	return SEL_OK;
}

enum sel_err
store_events(struct stx *tx, struct arena *a, int64_t sel, int64_t after_id,
    size_t max, struct s_event **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " EVENT_COLS " FROM event "
	    "WHERE (?1 = 0 OR selection_id = ?1) AND id > ?2 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, after_id);
	return events_limited(a, q, max, out, n);
}

enum sel_err
store_audit_verify(struct stx *tx, struct arena *a,
    const struct audit_head *head, int64_t *checked, int64_t *bad,
    struct str *why)
{
	unsigned char prev[32] = { 0 }, want[32], at_head[32];
	int64_t after = 0, count = 0, expect_id = 1;
	bool seen_head = false;
	struct s_event *v;
	size_t n;
	enum sel_err rc;

	*bad = 0;
	*why = STR("");
	for (;;) {
		struct arena *page = arena_new(64 << 10);

		rc = store_events(tx, page, 0, after, 512, &v, &n);
		for (size_t i = 0; rc == SEL_OK && i < n && *bad == 0; i++) {
			count++;
			store_event_hash(&v[i], want);
			if (v[i].id != expect_id)
				*why = STR("an event is missing before it");
			else if (sodium_memcmp(v[i].prev, prev, 32) != 0)
				*why = STR("its link to the previous event "
				    "does not match");
			else if (sodium_memcmp(v[i].hash, want, 32) != 0)
				*why = STR("its content does not match its "
				    "hash");
			if (why->len > 0)
				*bad = v[i].id;
			if (head != NULL && v[i].id == head->id) {
				seen_head = true;
				memcpy(at_head, v[i].hash, 32);
			}
			memcpy(prev, v[i].hash, 32);
			expect_id = v[i].id + 1;
			after = v[i].id;
		}
		arena_destroy(page);
		if (rc != SEL_OK || n < 512 || *bad != 0)
			break;
	}
	if (rc == SEL_OK && *bad == 0 && head != NULL) {
		if (!seen_head) {
			*bad = after + 1;
			*why = STR("the trail ends before the expected head: its "
			    "newest events were removed");
		} else if (sodium_memcmp(at_head, head->hash, 32) != 0) {
			*bad = head->id;
			*why = STR("its hash differs from the expected head: the "
			    "trail was rewritten up to it");
		}
	}
	if (why->len > 0)
		*why = arena_printf(a, "%.*s", (int)why->len, why->p);
	*checked = count;
	return rc;
}
