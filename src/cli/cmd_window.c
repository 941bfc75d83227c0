/*
 * cmd_window.c - `selter window`: ANN-DURATION over the inclusive window,
 * and optionally ANN-EXTEND / ANN-AFTER-EXTENSIONS.
 */
#include <stdio.h>

#include "app/load.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "core/holiday.h"
#include "core/profile.h"
#include "core/window.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter window --profile ID|FILE --published DATE --closing DATE\n"
    "           [--holidays FILE] [--applicants N] [--qualified N]\n"
    "           [--extensions K] [--format json|table] [--profiles DIR]\n"
    "\n"
    "Counts the registration window from the publication date to the\n"
    "closing date, both inclusive, in calendar and working days, and checks\n"
    "ANN-DURATION (durations are minima).  When the window passes only\n"
    "under the inclusive reading, detail names the closing date the strict\n"
    "reading (\"N days before the closing date\") would need.\n"
    "\n"
    "  --holidays FILE   one \"YYYY-MM-DD description\" per line (# starts a\n"
    "                    comment) instead of the project's holiday data\n"
    "  --profiles DIR    look profile ids up in DIR (default:\n"
    "                    $SELTER_PROFILES, else $SELTER_DATA/profiles);\n"
    "                    the holidays stay in the data directory\n"
    "  --applicants N, --qualified N, --extensions K\n"
    "                    with the number of applicants (or of qualified\n"
    "                    ones, as the profile's trigger needs) and the\n"
    "                    extensions already made, adds ANN-EXTEND: whether\n"
    "                    the window may be extended and to which date, and\n"
    "                    ANN-AFTER-EXTENSIONS when none is left\n"
    "\n"
    "Working days need holiday data for every year of the window: a year\n"
    "without it is an error, never a guess.\n"
    "\n"
    "Example:\n"
    "  selter window --profile demak-2022 --published 2023-03-01 "
    "--closing 2023-03-15\n"
    "  -> {\"valid\": true, \"calendar_days\": 15, \"working_days\": 11, "
    "\"rules\": [...]}\n";

static int
count_opt(const struct opt *o, size_t no, const char *name, int *out)
{
	const char *s = opt_get(o, no, name);
	int64_t v;

	*out = -1;
	if (s == NULL)
		return 0;
	if (parse_i64(str_c(s), 0, 100000, &v) != SEL_OK) {
		die(EXIT_BADINPUT, "--%s: expected a whole number from 0",
		    name);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static void
table(struct buf *b, const struct window_out *wo, const struct extend_out *x,
    bool ext, sel_date pub, sel_date close)
{
	buf_puts(b, "Pendaftaran ");
	date_id(b, pub);
	buf_puts(b, " s.d. ");
	date_id(b, close);
	buf_printf(b, ": %d hari kalender, ", wo->calendar_days);
	if (wo->working_days >= 0)
		buf_printf(b, "%d hari kerja", wo->working_days);
	else
		buf_printf(b, "hari kerja tidak dihitung (tidak ada data libur "
		    "%d)", wo->missing_year);
	buf_printf(b, ": %s\n\n", wo->valid ? "SAH" : "TIDAK SAH");
	tb_rules(b, &wo->rule, 1);
	if (ext) {
		tb_rules(b, &x->rule, 1);
		if (x->has_after)
			tb_rules(b, &x->after, 1);
	}
}

int
cmd_window(int argc, char **argv)
{
	struct opt o[] = { { "profile", true, NULL },
	    { "profiles", true, NULL },
	    { "published", true, NULL }, { "closing", true, NULL },
	    { "holidays", true, NULL }, { "applicants", true, NULL },
	    { "qualified", true, NULL }, { "extensions", true, NULL },
	    { "format", true, NULL } };
	const size_t no = sizeof(o) / sizeof(o[0]);
	const char *prof, *pubs, *closes, *hf;
	struct extend_in in;
	struct extend_out x;
	struct window_out wo;
	struct profile *p;
	struct cal *cal;
	struct app_err e;
	struct arena *a;
	struct json_w w;
	struct buf b;
	sel_date pub, close;
	struct str warn;
	bool ext;
	int fmt, st, year = 0, rc = EXIT_BADINPUT;
	enum sel_err r;

	if ((st = cmd_start("window", help, argc, argv, o, no, &fmt)) >= 0)
		return st;
	if ((prof = opt_need("window", o, no, "profile")) == NULL ||
	    (pubs = opt_need("window", o, no, "published")) == NULL ||
	    (closes = opt_need("window", o, no, "closing")) == NULL ||
	    opt_date("published", pubs, &pub) != 0 ||
	    opt_date("closing", closes, &close) != 0 ||
	    count_opt(o, no, "applicants", &in.applicants) != 0 ||
	    count_opt(o, no, "qualified", &in.qualified) != 0 ||
	    count_opt(o, no, "extensions", &in.done) != 0)
		return EXIT_BADINPUT;
	if (close < pub)
		return die(EXIT_BADINPUT, "--closing: %s is before --published "
		    "%s", closes, pubs);
	ext = in.applicants >= 0 || in.qualified >= 0 || in.done >= 0;
	if (in.done < 0)
		in.done = 0;
	a = arena_new(1 << 16);
	hf = opt_get(o, no, "holidays");
	if (load_inputs(a, prof, opt_get(o, no, "profiles"), &p, NULL,
	    NULL) != 0)
		goto out;
	if ((hf != NULL ? app_holidays_file(a, hf, &cal, &e) :
	    app_holidays(a, &cal, &e)) != SEL_OK) {
		die(EXIT_BADINPUT, "%s", e.msg);
		goto out;
	}
	r = window_eval(a, p, cal, pub, close, &wo);
	if (r == SEL_ENOENT && wo.missing_year == 0) {
		die(EXIT_BADINPUT, "window: profile \"%.*s\" has no "
		    "ANN-DURATION rule", (int)p->id.len, p->id.p);
		goto out;
	}
	if (r != SEL_OK) {
		die(EXIT_BADINPUT, "window: no holiday data for %d, so working "
		    "days cannot be counted (add data/holidays/%d.txt to the "
		    "data directory, or give --holidays)", wo.missing_year,
		    wo.missing_year);
		goto out;
	}
	if (ext) {
		r = window_extend(a, p, cal, close, &in, &x, &year);
		if (r != SEL_OK && year == 0) {
			die(EXIT_BADINPUT, "window: profile \"%.*s\" has no "
			    "ANN-EXTEND rule", (int)p->id.len, p->id.p);
			goto out;
		}
		if (r != SEL_OK) {
			die(EXIT_BADINPUT, "window: no holiday data for %d, so "
			    "the extension cannot be counted", year);
			goto out;
		}
	}
	warn = profile_emergency_warning(a, p, pub, "pengumuman");
	buf_init(&b, OUT_MAX);
	if (fmt == FMT_TABLE) {
		table(&b, &wo, &x, ext, pub, close);
		if (warn.len > 0) {
			buf_puts(&b, "\nPERINGATAN: ");
			tb_wrap(&b, warn, 12, 100);
			buf_putc(&b, '\n');
		}
	} else {
		jw_init(&w, &b);
		jw_obj(&w);
		jw_key(&w, "valid");
		jw_bool(&w, wo.valid);
		jw_key(&w, "calendar_days");
		jw_int(&w, wo.calendar_days);
		jw_key(&w, "working_days");
		if (wo.working_days >= 0)
			jw_int(&w, wo.working_days);
		else
			jw_null(&w);
		jw_key(&w, "rules");
		{
			struct rule_result rr[3];
			size_t n = 0;

			rr[n++] = wo.rule;
			if (ext) {
				rr[n++] = x.rule;
				if (x.has_after)
					rr[n++] = x.after;
			}
			jw_rules(&w, rr, n);
		}
		if (wo.inclusive_only) {
			jw_key(&w, "strict_closing");
			jw_date(&w, wo.strict_closing);
		}
		if (ext) {
			jw_key(&w, "extended_closing");
			if (x.has_closing)
				jw_date(&w, x.new_closing);
			else
				jw_null(&w);
		}
		jw_warning(&w, p, warn);
		jw_obj_end(&w);
		buf_putc(&b, '\n');
	}
	rc = emit(&b);
	buf_release(&b);
out:
	arena_destroy(a);
	return rc;
}
