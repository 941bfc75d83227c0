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
	"adm_result" };

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
}

enum sel_err
store_publication_add(struct stx *tx, const struct s_publication *p,
    int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO publication (selection_id, "
	    "kind, title, published_at, signed_by, body, sha256) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];

	if ((unsigned)p->kind >= PUB__N)
		return SEL_EINVAL;
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
	return sq_run_id(q, id);
}

enum sel_err
store_publications(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_publication **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, kind, title, "
	    "published_at, signed_by, body, sha256 FROM publication WHERE "
	    "selection_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_publication, out, n, pub_row);
}
