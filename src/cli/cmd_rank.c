/*
 * cmd_rank.c - `selter rank`: SCORE-FINAL, SCORE-TIES, SCORE-TOP3.
 */
#include <stdio.h>

#include "app/load.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "core/profile.h"
#include "core/score.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter rank --profile ID|FILE --scores SCORES.json\n"
    "           [--format json|table] [--profiles DIR]\n"
    "\n"
    "SCORES.json: {\"weights\": {...}, \"candidates\": [{\"id\": \"A\",\n"
    "\"scores\": {\"paper\": 80, \"interview\": [{\"member\": \"m1\", \"score\": 80},\n"
    "...]}}]}.  A stage score is a number or members' scores whose mean\n"
    "(recused members left out) stays exact until the one rounding: final =\n"
    "sum of weight x stage score / 100, half up to 2 decimals.  Equal final\n"
    "scores are a tie that shares the rank (1, 2, 2, 4); a tie across the\n"
    "third place leaves the shortlist incomplete and lists tied_at_cutoff:\n"
    "the committee decides, the software does not.\n"
    "\n"
    "  --profiles DIR      look profile ids up in DIR (default:\n"
    "                      $SELTER_PROFILES, else $SELTER_DATA/profiles);\n"
    "                      the holidays stay in the data directory\n"
    "\n"
    "Example:\n"
    "  selter rank --profile demak-2022 --scores scores.json\n"
    "  -> {\"ranking\": [{\"rank\": 1, \"id\": \"A\", \"final\": 78.45, ...}], "
    "\"shortlist\": [\"A\", \"C\", \"B\"], \"shortlist_complete\": true}\n";

static void
rank_json(struct json_w *w, const struct rank_out *r)
{
	jw_obj(w);
	jw_key(w, "ranking");
	jw_arr(w);
	for (size_t i = 0; i < r->n; i++) {
		const struct ranked *c = &r->r[i];

		jw_obj(w);
		jw_key(w, "rank");
		jw_int(w, c->rank);
		jw_key(w, "id");
		jw_str(w, c->id);
		jw_key(w, "final");
		jw_fixed2(w, c->final);
		jw_key(w, "stages");
		jw_obj(w);
		for (int k = 0; k < ST__N; k++) {
			if (!c->s[k].present)
				continue;
			jw_key(w, vocab_stage[k]);
			jw_fixed2(w, stage_display(&c->s[k]));
		}
		jw_obj_end(w);
		jw_key(w, "tie");
		jw_bool(w, c->tie);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "shortlist");
	jw_arr(w);
	for (size_t i = 0; i < r->nshort; i++)
		jw_str(w, r->r[i].id);
	jw_arr_end(w);
	jw_key(w, "shortlist_complete");
	jw_bool(w, r->complete);
	if (r->ntied > 0) {
		jw_key(w, "tied_at_cutoff");
		jw_arr(w);
		for (size_t i = r->nshort; i < r->nshort + r->ntied; i++)
			jw_str(w, r->r[i].id);
		jw_arr_end(w);
	}
	if (!r->complete) {
		jw_key(w, "reason");
		jw_str(w, r->reason);
	}
	jw_key(w, "rules");
	jw_rules(w, r->rules, r->nrules);
	jw_obj_end(w);
}

static void
rank_table(struct buf *b, const struct rank_out *r)
{
	buf_printf(b, "%-5s %-20s %8s  %s\n", "PERINGKAT", "PESERTA",
	    "NILAI", "");
	for (size_t i = 0; i < r->n; i++) {
		buf_printf(b, "%-9d %-20.*s ", r->r[i].rank,
		    (int)r->r[i].id.len, r->r[i].id.p);
		buf_fixed2(b, r->r[i].final);
		buf_printf(b, "%s%s\n", r->r[i].tie ? "  (seri)" : "",
		    i < r->nshort ? "  * 3 terbaik" : i < r->nshort + r->ntied ?
		    "  ? seri pada batas" : "");
	}
	buf_printf(b, "\n3 terbaik %s.\n", r->complete ? "lengkap" :
	    "belum lengkap");
	if (!r->complete) {
		tb_wrap(b, r->reason, 0, 100);
		buf_putc(b, '\n');
	}
	buf_putc(b, '\n');
	tb_rules(b, r->rules, r->nrules);
}

int
cmd_rank(int argc, char **argv)
{
	struct opt o[] = { { "profile", true, NULL },
	    { "profiles", true, NULL }, { "scores", true, NULL },
	    { "format", true, NULL } };
	const size_t no = sizeof(o) / sizeof(o[0]);
	const char *prof, *sf;
	struct profile *p;
	struct rank_out out;
	struct json *root;
	struct diag d;
	struct arena *a;
	struct json_w w;
	struct buf b;
	int fmt, st, rc = EXIT_BADINPUT;

	if ((st = cmd_start("rank", help, argc, argv, o, no, &fmt)) >= 0)
		return st;
	if ((prof = opt_need("rank", o, no, "profile")) == NULL ||
	    (sf = opt_need("rank", o, no, "scores")) == NULL)
		return EXIT_BADINPUT;
	a = arena_new(1 << 16);
	if (load_inputs(a, prof, opt_get(o, no, "profiles"), &p, sf, &root) != 0)
		goto out;
	if (rank_decode_eval(a, p, root, &out, &d) != SEL_OK) {
		bad_doc(sf, &d);
		goto out;
	}
	buf_init(&b, OUT_MAX);
	if (fmt == FMT_TABLE) {
		rank_table(&b, &out);
	} else {
		jw_init(&w, &b);
		rank_json(&w, &out);
		buf_putc(&b, '\n');
	}
	rc = emit(&b);
	buf_release(&b);
out:
	arena_destroy(a);
	return rc;
}
