/*
 * store_dash.c - the dashboard's rows (store_dash.h).
 */
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_dash.h"
#include "base/banned.h"

static void
pub_row(struct arena *ar, struct sq *q, struct str *out)
{
	*out = sq_col_str(ar, q, 0);
}

static enum sel_err
stage_pubs(struct stx *tx, struct arena *ar, int64_t sel, struct str **out,
    size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT published_at FROM publication "
	    "WHERE selection_id = ?1 AND kind = 'stage_result' ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct str, out, n, pub_row);
}

static void
apps_row(struct arena *ar, struct sq *q, struct s_dash_apps *out)
{
	(void)ar;
	out->vacancy_id = sq_col_i64(q, 0);
	out->applicants = sq_col_i64(q, 1);
}

static enum sel_err
apps(struct stx *tx, struct arena *ar, int64_t sel, struct s_dash_apps **out,
    size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT vacancy_id, count(*) FROM "
	    "application WHERE selection_id = ?1 AND state <> 'withdrawn' "
	    "GROUP BY vacancy_id ORDER BY vacancy_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_dash_apps, out, n, apps_row);
}

enum sel_err
store_dash_sel(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_dash_sel *d)
{
	struct sq *q;
	enum sel_err rc;
	int r;

	memset(d, 0, sizeof *d);
	if ((rc = stage_pubs(tx, ar, sel, &d->stage_pub, &d->nstage_pub)) !=
	    SEL_OK || (rc = apps(tx, ar, sel, &d->apps, &d->napps)) != SEL_OK)
		return rc;
	q = db_sq(DB(tx), "SELECT "
	    "coalesce((SELECT max(sent_at) FROM ranking_sent "
	    "WHERE selection_id = ?1), ''), "
	    "coalesce((SELECT max(recorded_at) FROM ppk_choice "
	    "WHERE selection_id = ?1), ''), "
	    "coalesce((SELECT max(recorded_at) FROM consultation "
	    "WHERE selection_id = ?1), ''), "
	    "coalesce((SELECT max(recorded_at) FROM recommendation "
	    "WHERE selection_id = ?1), ''), "
	    "coalesce((SELECT max(recorded_at) FROM appointment "
	    "WHERE selection_id = ?1), '')");
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	if ((r = sq_step(q)) == SQ_ROW) {
		d->ranking_sent = sq_col_str(ar, q, 0);
		d->chosen = sq_col_str(ar, q, 1);
		d->consulted = sq_col_str(ar, q, 2);
		d->recommended = sq_col_str(ar, q, 3);
		d->appointed = sq_col_str(ar, q, 4);
	}
	sq_done(q);
	return r == SQ_ROW ? SEL_OK : SEL_ESTORE;
}
