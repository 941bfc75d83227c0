/*
 * store_doc.c - the documents' signed statements (store_doc.h).
 */
#include <string.h>

#include "base/arena.h"
#include "store/store_doc.h"
#include "store/store_int.h"
#include "base/banned.h"

enum sel_err
store_doc_sig_has(struct stx *tx, struct str sha256, bool *has)
{
	struct sq *q = db_sq(DB(tx), "SELECT 1 FROM doc_sig WHERE "
	    "sha256 = ?1");
	int rc;

	*has = false;
	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, sha256);
	rc = sq_step(q);
	sq_done(q);
	*has = rc == SQ_ROW;
	return rc == SQ_ROW || rc == SQ_DONE ? SEL_OK : SEL_ESTORE;
}

enum sel_err
store_doc_sig_add(struct stx *tx, const struct s_doc_sig *d)
{
	struct sq *q;
	bool has;
	enum sel_err rc;

	if ((rc = store_doc_sig_has(tx, d->sha256, &has)) != SEL_OK)
		return rc;
	if (has)
		return SEL_EINVAL;
	if ((q = db_sq(DB(tx), "INSERT INTO doc_sig (selection_id, kind, "
	    "sha256, note) VALUES (?1, ?2, ?3, ?4)")) == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, d->selection_id);
	sq_text(q, 2, d->kind);
	sq_text(q, 3, d->sha256);
	sq_text(q, 4, d->note);
	return sq_run(q);
}

static void
doc_row(struct arena *a, struct sq *q, struct s_doc_sig *d)
{
	d->id = sq_col_i64(q, 0);
	d->selection_id = sq_col_i64(q, 1);
	d->kind = sq_col_str(a, q, 2);
	d->sha256 = sq_col_str(a, q, 3);
	d->note = sq_col_str(a, q, 4);
}

enum sel_err
store_doc_sigs(struct stx *tx, struct arena *a, struct s_doc_sig **out,
    size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, kind, sha256, "
	    "note FROM doc_sig ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	COLLECT(a, q, struct s_doc_sig, out, n, doc_row);
}
