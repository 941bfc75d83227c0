/*
 * dash.c - a region's dashboard figures (dash.h).
 */
#include <string.h>

#include "base/arena.h"
#include "core/dash.h"
#include "core/reuse.h"
#include "core/tenure.h"
#include "base/banned.h"

bool
dash_term_end(const struct profile *p, sel_date tmt, sel_date inaugurated,
    sel_date *end)
{
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(p, tmt, inaugurated, m);

	for (size_t i = 0; i < n; i++)
		if (m[i].rule == R_TEN_5Y) {
			*end = m[i].on;
			return true;
		}
	return false;
}

void
dash_sel_days(const struct dash_sel *s, int64_t days[FL__N])
{
	for (int k = 0; k < FL__N; k++) {
		sel_date from = s->entered[k], to = 0;
		bool found = false;

		days[k] = -1;
		if (from == 0)
			continue;
		/* the next state entered: the earliest later day, or the
		   same day for a state after this one in the table */
		for (int j = 0; j < FL__N; j++) {
			sel_date e = s->entered[j];

			if (j == k || e == 0 || e < from || (e == from && j < k))
				continue;
			if (!found || e < to) {
				to = e;
				found = true;
			}
		}
		if (!found) {
			if (k != (int)s->state)
				continue;	/* left, but not known when */
			to = s->today;
		}
		if (to >= from)
			days[k] = to - from;
	}
}

int64_t
dash_days_avg(const struct dash_days *d)
{
	if (d->n == 0)
		return 0;
	return (d->total * 2 + (int64_t)d->n) / (2 * (int64_t)d->n);
}

int64_t
dash_apps_avg10(const struct dash_fig *f)
{
	if (f->nvac == 0)
		return 0;
	return (f->applicants * 20 + (int64_t)f->nvac) /
	    (2 * (int64_t)f->nvac);
}

static void
term(const struct dash_sel *s, const struct dash_vac *v, struct dash_fig *f)
{
	sel_date end, lim = reuse_add_months(s->today, DASH_MONTHS);
	struct dash_term *t;

	if (!v->filled || v->tmt == 0 || !dash_term_end(s->profile, v->tmt,
	    v->inaugurated != 0 ? v->inaugurated : v->tmt, &end) ||
	    end < s->today || end >= lim)
		return;
	t = &f->terms[f->nterms++];
	t->sel = s;
	t->vac = v;
	t->ends = end;
	t->days_left = end - s->today;
	t->month = 0;
	while (t->month + 1 < DASH_MONTHS && end >= reuse_add_months(s->today,
	    (int)t->month + 1))
		t->month++;
	f->term_month[t->month]++;
}

void
dash_figures(struct arena *ar, const struct dash_sel *s, size_t n,
    struct dash_fig *f)
{
	size_t nvac = 0;

	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < n; i++)
		nvac += s[i].nvac;
	f->vac = arena_array(ar, nvac + 1, sizeof *f->vac);
	f->terms = arena_array(ar, nvac + 1, sizeof *f->terms);
	f->ext = arena_array(ar, n + 1, sizeof *f->ext);
	f->nsel = n;
	for (size_t i = 0; i < n; i++) {
		int64_t days[FL__N];

		if ((unsigned)s[i].state < FL__N)
			f->by_state[s[i].state]++;
		dash_sel_days(&s[i], days);
		for (int k = 0; k < FL__N; k++) {
			struct dash_days *d = &f->days[k];

			if (days[k] < 0)
				continue;
			d->n++;
			d->total += days[k];
			if (days[k] > d->max)
				d->max = days[k];
			d->open += k == (int)s[i].state;
		}
		if (s[i].extensions > 0) {
			f->ext[f->extended++] = &s[i];
			f->extensions += s[i].extensions;
		}
		for (size_t k = 0; k < s[i].nvac; k++) {
			const struct dash_vac *v = &s[i].vac[k];

			f->vac[f->nvac].sel = &s[i];
			f->vac[f->nvac++].vac = v;
			f->applicants += v->applicants;
			if (v->filled)
				f->filled++;
			else
				f->vacant++;
			term(&s[i], v, f);
		}
	}
	/* the terms soonest first */
	for (size_t i = 1; i < f->nterms; i++)
		for (size_t k = i; k > 0 && f->terms[k].ends <
		    f->terms[k - 1].ends; k--) {
			struct dash_term t = f->terms[k];

			f->terms[k] = f->terms[k - 1];
			f->terms[k - 1] = t;
		}
}
