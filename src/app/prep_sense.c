/*
 * prep_sense.c - the preparation's dates checked for sense before they are
 * kept (core/sanity.h): a stage of the schedule against today, the window
 * and the other stages; the recommendation against the plan's sending;
 * the window at the chair's signature.  Called by the operations of
 * prep_ops.c; each refusal names the field and the rule.
 *
 * The plan's span, as read from the data a plan has (prep_ops.c, the
 * selection_stage table): from today (a stage set now is not in the past)
 * and, once the announcement's window is saved, from the day after its
 * closing date (every stage of the schedule, the administrative selection
 * first, follows registration; a window saved after the schedule is held
 * to it too), to two years after today (a later year is a typing error).  Within it the administrative selection comes first and
 * the final result last; the stages between may come in any order or
 * overlap, as the regions order them differently.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "base/arena.h"
#include "core/sanity.h"
#include "base/banned.h"

/* The administrative selection first, the final result last. */
static int
stage_order(int k)
{
	int last = 0;

	while (prep_stage_ids[last + 1] != NULL)
		last++;
	return k == 0 ? 0 : k == last ? 2 : 1;
}

enum sel_err
prep_stage_sense(struct app *a, struct arena *ar, const struct sel_view *v,
    int k, sel_date from, sel_date to, struct app_msg *m)
{
	struct sanity_stage s = { prep_stage_labels[k], stage_order(k), from,
	    to };
	struct sanity_stage *o = arena_alloc(ar, (v->nstages + 1) *
	    sizeof *o);
	struct sanity_plan p;
	struct str why;
	size_t n = 0;

	memset(&p, 0, sizeof p);
	p.today = app_today(a, v->profile);
	p.closing = v->has_window ? v->close : 0;
	for (size_t i = 0; i < v->nstages; i++) {
		int j = prep_word(prep_stage_ids, v->stages[i].stage);

		if (j < 0 || j == k ||
		    date_parse(v->stages[i].starts_on, &o[n].from) != SEL_OK ||
		    date_parse(v->stages[i].ends_on, &o[n].to) != SEL_OK)
			continue;
		o[n].label = prep_stage_labels[j];
		o[n++].order = stage_order(j);
	}
	p.stages = o;
	p.nstages = n;
	if (sanity_stage(ar, &p, &s, &why))
		return SEL_OK;
	return app_say(m, SEL_EINVAL, "%.*s", (int)why.len, why.p);
}

enum sel_err
prep_letter_sense(struct app *a, struct arena *ar, const struct sel_view *v,
    enum prep_op op, sel_date d, struct app_msg *m)
{
	sel_date sent = 0, rec = 0;
	struct str why;

	(void)date_parse(v->s.f[SF_PLAN_SENT_ON], &sent);
	(void)date_parse(v->s.f[SF_REC_ON], &rec);
	if (op == OP_RECOMMENDATION && !sanity_recommendation(ar, d, sent,
	    app_today(a, v->profile), &why))
		return app_say(m, SEL_EINVAL, "%.*s", (int)why.len, why.p);
	/* The plan re-dated after the recommendation it received. */
	if (op == OP_PLAN_SENT && rec != 0 && !sanity_recommendation(ar, rec,
	    d, rec, &why))
		return app_say(m, SEL_EINVAL, "Tanggal pengiriman rencana "
		    "tidak boleh sesudah tanggal rekomendasi yang sudah dicatat "
		    "(VAC-PLAN).");
	return SEL_OK;
}

enum sel_err
prep_window_saved(struct app *a, struct arena *ar, const struct sel_view *v,
    sel_date close, struct app_msg *m)
{
	struct sanity_stage *o = arena_alloc(ar, (v->nstages + 1) *
	    sizeof *o);
	struct str why;
	size_t n = 0;

	for (size_t i = 0; i < v->nstages; i++) {
		int j = prep_word(prep_stage_ids, v->stages[i].stage);

		if (j >= 0 && date_parse(v->stages[i].starts_on,
		    &o[n].from) == SEL_OK) {
			o[n].label = prep_stage_labels[j];
			o[n].to = o[n].from;
			n++;
		}
	}
	if (sanity_window_saved(ar, close, app_today(a, v->profile), &why) &&
	    sanity_window_stages(ar, close, o, n, &why))
		return SEL_OK;
	return app_say(m, SEL_EINVAL, "%.*s", (int)why.len, why.p);
}

enum sel_err
prep_window_sense(struct app *a, struct arena *ar, const struct sel_view *v,
    struct app_msg *m)
{
	sel_date open = 0, close = 0;
	struct str why;

	if (date_parse(v->s.f[SF_ANN_OPEN], &open) != SEL_OK ||
	    date_parse(v->s.f[SF_ANN_CLOSE], &close) != SEL_OK)
		return app_say(m, SEL_ESTATE, "Jangka waktu pendaftaran belum "
		    "diisi (ANN-DURATION).");
	if (sanity_window_at_signing(ar, open, close, app_today(a,
	    v->profile), &why))
		return SEL_OK;
	return app_say(m, SEL_ESTATE, "%.*s", (int)why.len, why.p);
}
