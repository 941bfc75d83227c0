/*
 * store_letters.c - the letters, the report pack's documents, the
 * copies' dispatch and the follow-up (store_letters.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_letters.h"
#include "base/banned.h"

enum sel_err
store_letter_add(struct stx *tx, struct s_letter *l)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO letter_file (selection_id, "
	    "ref, sha256, size, name, uploaded_at, uploaded_by, account_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, l->selection_id);
	sq_text(q, 2, l->ref);
	sq_text(q, 3, l->sha256);
	sq_i64(q, 4, l->size);
	sq_text(q, 5, l->name);
	sq_text(q, 6, l->uploaded_at);
	sq_text(q, 7, l->uploaded_by);
	sq_i64(q, 8, l->account_id);
	return sq_run_id(q, &l->id);
}

static void
letter_row(struct arena *ar, struct sq *q, struct s_letter *l)
{
	l->id = sq_col_i64(q, 0);
	l->selection_id = sq_col_i64(q, 1);
	l->ref = sq_col_str(ar, q, 2);
	l->sha256 = sq_col_str(ar, q, 3);
	l->size = sq_col_i64(q, 4);
	l->name = sq_col_str(ar, q, 5);
	l->uploaded_at = sq_col_str(ar, q, 6);
	l->uploaded_by = sq_col_str(ar, q, 7);
	l->account_id = sq_col_i64(q, 8);
}

enum sel_err
store_letters(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_letter **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, ref, sha256, "
	    "size, name, uploaded_at, uploaded_by, account_id FROM letter_file "
	    "WHERE selection_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_letter, out, n, letter_row);
}

enum sel_err
store_report_doc_add(struct stx *tx, const struct s_report_doc *d)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO report_doc (selection_id, "
	    "seq, name, title, sha256, size, signature) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, d->selection_id);
	sq_i64(q, 2, d->seq);
	sq_text(q, 3, d->name);
	sq_text(q, 4, d->title);
	sq_text(q, 5, d->sha256);
	sq_i64(q, 6, d->size);
	sq_text(q, 7, d->signature);
	return sq_run(q);
}

static void
doc_row(struct arena *ar, struct sq *q, struct s_report_doc *d)
{
	d->selection_id = sq_col_i64(q, 0);
	d->seq = sq_col_i64(q, 1);
	d->name = sq_col_str(ar, q, 2);
	d->title = sq_col_str(ar, q, 3);
	d->sha256 = sq_col_str(ar, q, 4);
	d->size = sq_col_i64(q, 5);
	d->signature = sq_col_str(ar, q, 6);
}

enum sel_err
store_report_docs(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_report_doc **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT selection_id, seq, name, title, "
	    "sha256, size, signature FROM report_doc WHERE selection_id = ?1 "
	    "ORDER BY seq");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_report_doc, out, n, doc_row);
}

enum sel_err
store_report_copy_add(struct stx *tx, const struct s_report_copy *c)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO report_copy (selection_id, "
	    "recipient, dispatched_on, means, number, recorded_at, "
	    "recorded_by, account_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, c->selection_id);
	sq_text(q, 2, c->recipient);
	sq_text(q, 3, c->dispatched_on);
	sq_text(q, 4, c->means);
	sq_text(q, 5, c->number);
	sq_text(q, 6, c->recorded_at);
	sq_text(q, 7, c->recorded_by);
	sq_i64(q, 8, c->account_id);
	return sq_run(q);
}

static void
copy_row(struct arena *ar, struct sq *q, struct s_report_copy *c)
{
	c->selection_id = sq_col_i64(q, 0);
	c->recipient = sq_col_str(ar, q, 1);
	c->dispatched_on = sq_col_str(ar, q, 2);
	c->means = sq_col_str(ar, q, 3);
	c->number = sq_col_str(ar, q, 4);
	c->recorded_at = sq_col_str(ar, q, 5);
	c->recorded_by = sq_col_str(ar, q, 6);
	c->account_id = sq_col_i64(q, 7);
}

enum sel_err
store_report_copies(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_report_copy **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT selection_id, recipient, "
	    "dispatched_on, means, number, recorded_at, recorded_by, "
	    "account_id FROM report_copy WHERE selection_id = ?1 ORDER BY "
	    "recorded_at, recipient");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_report_copy, out, n, copy_row);
}

enum sel_err
store_followup_add(struct stx *tx, const struct s_followup *f)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO rec_followup (selection_id, "
	    "action, done_on, letter_no, recorded_at, recorded_by, account_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, f->selection_id);
	sq_text(q, 2, f->action);
	sq_text(q, 3, f->done_on);
	sq_text(q, 4, f->letter_no);
	sq_text(q, 5, f->recorded_at);
	sq_text(q, 6, f->recorded_by);
	sq_i64(q, 7, f->account_id);
	return sq_run(q);
}

static void
followup_row(struct arena *ar, struct sq *q, struct s_followup *f)
{
	f->selection_id = sq_col_i64(q, 0);
	f->action = sq_col_str(ar, q, 1);
	f->done_on = sq_col_str(ar, q, 2);
	f->letter_no = sq_col_str(ar, q, 3);
	f->recorded_at = sq_col_str(ar, q, 4);
	f->recorded_by = sq_col_str(ar, q, 5);
	f->account_id = sq_col_i64(q, 6);
}

enum sel_err
store_followup_get(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_followup *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT selection_id, action, done_on, "
	    "letter_no, recorded_at, recorded_by, account_id FROM rec_followup "
	    "WHERE selection_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	ONE(ar, q, followup_row, out);
}
