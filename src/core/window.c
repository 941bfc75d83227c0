/*
 * window.c - ANN-DURATION, ANN-EXTEND, ANN-AFTER-EXTENSIONS.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "core/holiday.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/window.h"
#include "base/banned.h"


static const char *
dstr(char *b, size_t n, sel_date d)
{
	struct buf t;

	buf_init(&t, 40);
	date_id(&t, d);
	snprintf(b, n, "%s", t.p != NULL ? t.p : "");
	buf_release(&t);
	return b;
}

/* The earliest closing date whose inclusive window holds `days` days. */
static enum sel_err
min_closing(const struct cal *cal, sel_date pub, int days, enum day_kind k,
    sel_date *out, int *year)
{
	if (k == DK_CALENDAR) {
		*out = pub + days - 1;
		return SEL_OK;
	}
	/* The first working day on or after pub is the first counted. */
	return cal_add_working(cal, pub - 1, days, out, year);
}

enum sel_err
window_eval(struct arena *a, const struct profile *p, const struct cal *cal,
    sel_date pub, sel_date close, struct window_out *o)
{
	const struct prof_rule *r = profile_rule_any(p, R_ANN_DURATION);
	const char *unit;
	char d1[40], d2[40], d3[40];
	int count;
	enum sel_err rc;

	memset(o, 0, sizeof(*o));
	if (close < pub)
		return SEL_EINVAL;
	if (r == NULL)
		return SEL_ENOENT;
	o->calendar_days = close - pub + 1;
	rc = cal_count_working(cal, pub, close, &o->working_days,
	    &o->missing_year);
	if (rc != SEL_OK) {
		o->working_days = -1;
		if (r->day_kind == DK_WORKING)
			return rc;
	}
	unit = r->day_kind == DK_WORKING ? "hari kerja" : "hari kalender";
	count = r->day_kind == DK_WORKING ? o->working_days : o->calendar_days;
	/*
	 * Strict: `days` days before the closing date, so the closing date
	 * is the first day (a working day, when working days count) after
	 * the inclusive minimum.
	 */
	rc = min_closing(cal, pub, r->days, r->day_kind, &o->min_closing,
	    &o->missing_year);
	if (rc != SEL_OK)
		return rc;
	if (r->reading == READ_STRICT) {
		o->min_closing++;
		if (r->day_kind == DK_WORKING)
			rc = cal_add_working(cal, o->min_closing, 0,
			    &o->min_closing, &o->missing_year);
	}
	if (rc != SEL_OK)
		return rc;
	o->rule.id = R_ANN_DURATION;
	o->rule.citation = r->citation;
	o->valid = close >= o->min_closing;
	if (!o->valid) {
		o->rule.status = RS_FAIL;
		o->rule.detail = arena_printf(a, "Pengumuman %s s.d. %s memuat "
		    "%d %s; syarat paling singkat %d %s%s, sehingga batas akhir "
		    "paling cepat %s.", dstr(d1, sizeof(d1), pub),
		    dstr(d2, sizeof(d2), close), count, unit, r->days, unit,
		    r->reading == READ_STRICT ? " sebelum batas akhir" : "",
		    dstr(d3, sizeof(d3), o->min_closing));
		return SEL_OK;
	}
	o->rule.status = RS_PASS;
	if (r->reading == READ_INCLUSIVE) {
		sel_date strict = o->min_closing + 1;

		if (r->day_kind == DK_WORKING &&
		    cal_add_working(cal, strict, 0, &strict, NULL) != SEL_OK)
			strict = o->min_closing + 1;
		if (close < strict) {
			o->inclusive_only = true;
			o->strict_closing = strict;
		}
	}
	if (o->inclusive_only)
		o->rule.detail = arena_printf(a, "Pengumuman %s s.d. %s memuat %d %s "
		    "(tanggal pengumuman dan batas akhir dihitung), memenuhi "
		    "paling singkat %d %s hanya menurut hitungan inklusif; "
		    "menurut bacaan ketat (\"%d %s sebelum batas akhir\") batas "
		    "akhir harus %s.", dstr(d1, sizeof(d1), pub),
		    dstr(d2, sizeof(d2), close), count, unit, r->days, unit,
		    r->days, unit, dstr(d3, sizeof(d3), o->strict_closing));
	else
		o->rule.detail = arena_printf(a, "Pengumuman %s s.d. %s memuat %d %s, "
		    "memenuhi paling singkat %d %s%s.",
		    dstr(d1, sizeof(d1), pub), dstr(d2, sizeof(d2), close),
		    count, unit, r->days, unit, r->reading == READ_STRICT ?
		    " sebelum batas akhir" : "");
	return SEL_OK;
}

enum sel_err
window_extend(struct arena *a, const struct profile *p, const struct cal *cal,
    sel_date close, const struct extend_in *in, struct extend_out *o,
    int *missing_year)
{
	struct prof_rule today;		/* PRAC-MINIMUM's numbers */
	const struct prof_rule *r = prac_extend(p, &today) ? &today :
	    profile_rule_any(p, R_ANN_EXTEND);
	const struct prof_rule *after = profile_rule_any(p,
	    R_ANN_AFTER_EXTENSIONS);
	bool qualified = r != NULL && r->trigger == TRIG_QUALIFIED_BELOW;
	int n = qualified ? in->qualified : in->applicants;
	const char *who = qualified ? "pelamar yang memenuhi syarat" :
	    "pelamar";
	bool triggered, room;
	char d1[40], lim[40];

	memset(o, 0, sizeof(*o));
	if (r == NULL)
		return SEL_ENOENT;
	o->rule.id = r->id;
	o->rule.citation = r->citation;
	if (n < 0) {
		o->rule.status = RS_MISSING;
		o->rule.detail = arena_printf(a, "Jumlah %s tidak diberikan (%s).", who,
		    qualified ? "--qualified" : "--applicants");
		return SEL_OK;
	}
	triggered = qualified ? n < r->threshold : n <= r->threshold;
	room = r->max_times == 0 || in->done < r->max_times;
	if (!triggered) {
		o->rule.status = RS_FAIL;
		o->rule.detail = arena_printf(a, "Jumlah %s %d; perpanjangan hanya bila "
		    "%s %d.", who, n, qualified ? "kurang dari" :
		    "tidak lebih dari", r->threshold);
		return SEL_OK;
	}
	if (!room) {
		o->rule.status = RS_FAIL;
		o->rule.detail = arena_printf(a, "Pengumuman sudah diperpanjang %d kali; "
		    "paling banyak %d kali.", in->done, r->max_times);
		if (after != NULL) {
			o->has_after = true;
			o->after.id = R_ANN_AFTER_EXTENSIONS;
			o->after.status = RS_MISSING;
			o->after.detail = after->detail;
			o->after.citation = after->citation;
		}
		return SEL_OK;
	}
	o->rule.status = RS_PASS;
	if (r->days == 0) {
		o->rule.detail = arena_printf(a, "Jumlah %s %d: pengumuman dapat "
		    "diperpanjang (perpanjangan ke-%d%s); lamanya tidak "
		    "ditetapkan peraturan dan diputuskan panitia.", who, n,
		    in->done + 1, r->max_times ? "" : ", tanpa batas jumlah");
		return SEL_OK;
	}
	if (r->day_kind == DK_CALENDAR) {
		o->new_closing = close + r->days;
	} else if (cal_add_working(cal, close, r->days, &o->new_closing,
	    missing_year) != SEL_OK) {
		return SEL_ENOENT;
	}
	o->has_closing = true;
	if (r->max_times > 0)
		snprintf(lim, sizeof(lim), "dari paling banyak %d",
		    r->max_times);
	else
		snprintf(lim, sizeof(lim), "tanpa batas jumlah");
	o->rule.detail = arena_printf(a, "Jumlah %s %d: pengumuman dapat "
	    "diperpanjang %d %s (perpanjangan ke-%d %s) sampai %s.", who, n,
	    r->days, r->day_kind == DK_WORKING ? "hari kerja" :
	    "hari kalender", in->done + 1, lim,
	    dstr(d1, sizeof(d1), o->new_closing));
	return SEL_OK;
}

bool
doc_dated_ok(sel_date dated, sel_date close, int days, sel_date today)
{
	return dated <= today && dated <= close && close - dated <= days;
}
