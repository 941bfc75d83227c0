/*
 * cmd_weights.c - `selter weights`: SCORE-WEIGHTS and SCORE-WEIGHTS-SUM.
 */
#include <stdio.h>

#include "app/load.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "core/profile.h"
#include "core/score.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter weights --profile ID|FILE --weights WEIGHTS.json\n"
    "           [--format json|table] [--profiles DIR]\n"
    "\n"
    "WEIGHTS.json: {\"paper\": 20, \"assessment\": 25, \"interview\": 35,\n"
    "\"track_record\": 20, \"adjustment_reason\": null} (percent, at most 2\n"
    "decimals).  SCORE-WEIGHTS checks each weight against its range where\n"
    "the profile has ranges; a profile that allows adjustment (the Covid\n"
    "procedures) accepts weights outside them only with a non-empty\n"
    "adjustment_reason.  SCORE-WEIGHTS-SUM checks they add up to 100.\n"
    "\n"
    "  --profiles DIR      look profile ids up in DIR (default:\n"
    "                      $SELTER_PROFILES, else $SELTER_DATA/profiles);\n"
    "                      the holidays stay in the data directory\n"
    "\n"
    "Example:\n"
    "  selter weights --profile pekalongan-2022 --weights plan.json\n"
    "  -> {\"valid\": true, \"rules\": [{\"id\": \"SCORE-WEIGHTS\", ...}, "
    "{\"id\": \"SCORE-WEIGHTS-SUM\", ...}]}\n";

int
cmd_weights(int argc, char **argv)
{
	struct opt o[] = { { "profile", true, NULL },
	    { "profiles", true, NULL }, { "weights", true, NULL },
	    { "format", true, NULL } };
	const size_t no = sizeof(o) / sizeof(o[0]);
	const char *prof, *wf;
	struct profile *p;
	struct weights wt;
	struct weights_out out;
	struct json *root;
	struct diag d;
	struct arena *a;
	struct json_w w;
	struct buf b;
	int fmt, st, rc = EXIT_BADINPUT;

	if ((st = cmd_start("weights", help, argc, argv, o, no, &fmt)) >= 0)
		return st;
	if ((prof = opt_need("weights", o, no, "profile")) == NULL ||
	    (wf = opt_need("weights", o, no, "weights")) == NULL)
		return EXIT_BADINPUT;
	a = arena_new(1 << 16);
	if (load_inputs(a, prof, opt_get(o, no, "profiles"), &p, wf, &root) != 0)
		goto out;
	if (weights_decode(root, &wt, &d) != SEL_OK) {
		bad_doc(wf, &d);
		goto out;
	}
	weights_eval(a, p, &wt, &out);
	buf_init(&b, OUT_MAX);
	if (fmt == FMT_TABLE) {
		buf_printf(&b, "Bobot penilaian (%.*s): %s\n\n", (int)p->id.len,
		    p->id.p, out.valid ? "SAH" : "TIDAK SAH");
		for (int i = 0; i < ST__N; i++) {
			buf_printf(&b, "  %-20s ", label_stage[i]);
			buf_fixed2(&b, wt.w[i]);
			buf_puts(&b, "%\n");
		}
		buf_putc(&b, '\n');
		tb_rules(&b, out.rules, out.nrules);
	} else {
		jw_init(&w, &b);
		jw_verdict(&w, out.valid, out.rules, out.nrules);
		buf_putc(&b, '\n');
	}
	rc = emit(&b);
	buf_release(&b);
out:
	arena_destroy(a);
	return rc;
}
