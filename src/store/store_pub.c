/*
 * store_pub.c - what was published, as it was published.  Rows are only
 * ever added (the schema refuses UPDATE and DELETE); each keeps the
 * SHA-256 of its body, computed here as it is stored.
 */
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "base/banned.h"

static const char *const kinds[PUB__N] = { "announcement", "addendum",
	"adm_result", "stage_result" };

const char *
pub_kind_name(enum pub_kind k)
{
	return (unsigned)k < PUB__N ? kinds[k] : "?";
}

static void
pub_row(struct arena *ar, struct sq *q, struct s_publication *p)
{
	struct str k;

	p->id = sq_col_i64(q, 0);
	p->selection_id = sq_col_i64(q, 1);
	k = sq_col_str(ar, q, 2);
	p->kind = PUB__N;
	for (int i = 0; i < PUB__N; i++)
		if (str_eqc(k, kinds[i]))
			p->kind = (enum pub_kind)i;
	p->title = sq_col_str(ar, q, 3);
	p->published_at = sq_col_str(ar, q, 4);
	p->signed_by = sq_col_str(ar, q, 5);
	p->body = sq_col_str(ar, q, 6);
	p->sha256 = sq_col_str(ar, q, 7);
	p->head_id = sq_col_i64(q, 8);
	p->head_hash = sq_col_str(ar, q, 9);
	p->stage = sq_col_str(ar, q, 10);
	p->sheet = sq_col_str(ar, q, 11);
}

enum sel_err
store_publication_add(struct stx *tx, const struct s_publication *p,
    int64_t *id)
{
	struct sq *q;
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1], hhex[65];
	struct audit_head head;
	enum sel_err rc;

	if ((unsigned)p->kind >= PUB__N)
		return SEL_EINVAL;
	/* The head as the publication finds it, inside the same write
	   transaction: its own event comes next. */
	if ((rc = store_audit_head(tx, &head)) != SEL_OK)
		return rc;
	sodium_bin2hex(hhex, sizeof hhex, head.hash, sizeof head.hash);
	q = db_sq(DB(tx), "INSERT INTO publication (selection_id, kind, title, "
	    "published_at, signed_by, body, sha256, head_id, head_hash, stage, "
	    "sheet) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
	    "RETURNING id");
	if (q == NULL)
		return SEL_ESTORE;
	crypto_hash_sha256(h, (const unsigned char *)p->body.p, p->body.len);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	sq_i64(q, 1, p->selection_id);
	sq_text(q, 2, str_c(kinds[p->kind]));
	sq_text(q, 3, p->title);
	sq_text(q, 4, p->published_at);
	sq_text(q, 5, p->signed_by);
	sq_text(q, 6, p->body);
	sq_text(q, 7, str_c(hex));
	sq_i64(q, 8, head.id);
	sq_text(q, 9, str_c(hhex));
	sq_text(q, 10, p->stage);
	sq_text(q, 11, p->sheet);
	return sq_run_id(q, id);
}

enum sel_err
store_publications(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_publication **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, kind, title, "
	    "published_at, signed_by, body, sha256, head_id, head_hash, stage, "
	    "sheet FROM publication WHERE "
	    "selection_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_publication, out, n, pub_row);
}

enum sel_err
store_audit_head(struct stx *tx, struct audit_head *h)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, hash FROM event ORDER BY id "
	    "DESC LIMIT 1");
	int rc;

	memset(h, 0, sizeof *h);
	if (q == NULL)
		return SEL_ESTORE;
	if ((rc = sq_step(q)) == SQ_ROW) {
		h->id = sq_col_i64(q, 0);
		(void)sq_col_blob(q, 1, h->hash, sizeof h->hash);
	}
	sq_done(q);
	return rc == SQ_ROW || rc == SQ_DONE ? SEL_OK : SEL_ESTORE;
}
