/*
 * cmd_workflow.c - `selter workflow`: the workflow's transition table
 * (core/flow.c) for one profile: every state with its stage rule, every
 * transition with the states it leaves, where it leads, who takes it and
 * its guards with the profile's citations; and the application's table.
 * A compatible extension of CONTRACT.md, for auditors and scripts.
 */
#include <stdio.h>

#include "app/load.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "core/flow.h"
#include "core/profile.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter workflow --profile ID|FILE [--profiles DIR]\n"
    "           [--format json|table]\n"
    "\n"
    "The selection's workflow as one transition table (core/flow.c): its\n"
    "states in the profile's order (the assessment stages from the\n"
    "profile's STG-* rules; a plan may reorder them by date), each\n"
    "transition with the states it leaves (\"from\"), the state it\n"
    "reaches (\"to\"; \"next_stage\" for a stage's result), the roles that\n"
    "take it (\"clock\" for the calendar's own) and its guards: rule ids\n"
    "with the profile's citations (a guard the profile does not have is\n"
    "left out).  \"application\" is the table of an application's states.\n"
    "\n"
    "Example:\n"
    "  selter workflow --profile demak-2022 --format table\n";

static const char *const role_ids[ROLE__N] = { "secretariat", "chair",
	"member", "assessor", "narasumber", "pyb", "ppk", "oversight",
	"applicant" };

static const char *const role_labels[ROLE__N] = { "sekretariat",
	"ketua panitia", "anggota panitia", "asesor", "narasumber", "PyB",
	"PPK", "instansi pengawas", "pelamar" };

static void
states_json(struct json_w *w, unsigned bits)
{
	jw_arr(w);
	for (int s = 0; s < FL__N; s++)
		if (bits & FL_BIT(s))
			jw_strc(w, flow_state_name((enum flow_state)s));
	jw_arr_end(w);
}

static void
roles_json(struct json_w *w, unsigned roles, bool clock)
{
	jw_arr(w);
	if (clock)
		jw_strc(w, "clock");
	for (int r = 0; r < ROLE__N; r++)
		if (roles & ROLE_BIT(r))
			jw_strc(w, role_ids[r]);
	jw_arr_end(w);
}

static void
guards_json(struct json_w *w, const struct profile *p,
    const enum rule_id *g, size_t n)
{
	jw_arr(w);
	for (size_t i = 0; i < n; i++) {
		const struct prof_rule *r = profile_rule_any(p, g[i]);

		if (r == NULL)
			continue;
		jw_obj(w);
		jw_key(w, "id");
		jw_strc(w, rule_name(g[i]));
		jw_key(w, "citation");
		jw_str(w, r->citation);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void
as_json(struct buf *b, const struct profile *p, const enum flow_state *order,
    size_t n)
{
	struct json_w w;

	jw_init(&w, b);
	jw_obj(&w);
	jw_key(&w, "profile");
	jw_str(&w, p->id);
	jw_key(&w, "states");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		enum rule_id r = flow_stage_rule(order[i]);

		jw_obj(&w);
		jw_key(&w, "id");
		jw_strc(&w, flow_state_name(order[i]));
		jw_key(&w, "label");
		jw_strc(&w, flow_state_label(order[i]));
		if (r != R__N) {
			jw_key(&w, "rule");
			guards_json(&w, p, &r, 1);
		}
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "transitions");
	jw_arr(&w);
	for (int t = 0; t < FT__N; t++) {
		const struct flow_tr_def *d = &flow_table[t];

		jw_obj(&w);
		jw_key(&w, "id");
		jw_strc(&w, d->name);
		jw_key(&w, "label");
		jw_strc(&w, d->label);
		jw_key(&w, "from");
		states_json(&w, d->from);
		jw_key(&w, "to");
		jw_strc(&w, d->to == FL__N ? "next_stage" :
		    flow_state_name(d->to));
		jw_key(&w, "by");
		roles_json(&w, d->roles, d->by_clock);
		jw_key(&w, "guards");
		guards_json(&w, p, d->guards, d->nguards);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "application");
	jw_arr(&w);
	for (int t = 0; t < FAT__N; t++) {
		const struct flow_app_tr_def *d = &flow_app_table[t];

		jw_obj(&w);
		jw_key(&w, "id");
		jw_strc(&w, d->name);
		jw_key(&w, "label");
		jw_strc(&w, d->label);
		jw_key(&w, "from");
		jw_arr(&w);
		for (int s = 0; s < FA__N; s++)
			if (d->from & (1u << s))
				jw_strc(&w, flow_app_state_name(
				    (enum flow_app_state)s));
		jw_arr_end(&w);
		jw_key(&w, "to");
		jw_strc(&w, flow_app_state_name(d->to));
		jw_key(&w, "by");
		roles_json(&w, d->roles, false);
		jw_key(&w, "during");
		states_json(&w, d->during);
		jw_key(&w, "guards");
		guards_json(&w, p, d->guards, d->nguards);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	buf_putc(b, '\n');
}

static void
as_table(struct buf *b, const struct profile *p, const enum flow_state *order,
    size_t n)
{
	buf_printf(b, "Alur seleksi (%.*s)\n\nTahapan:\n", (int)p->id.len,
	    p->id.p);
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "  %2zu. %s\n", i + 1,
		    flow_state_label(order[i]));
	buf_puts(b, "\nLangkah:\n");
	for (int t = 0; t < FT__N; t++) {
		const struct flow_tr_def *d = &flow_table[t];

		buf_printf(b, "  %s -> %s\n    oleh:", d->label,
		    d->to == FL__N ? "tahap berikutnya" :
		    flow_state_label(d->to));
		if (d->by_clock)
			buf_puts(b, " jadwal");
		for (int r = 0, k = 0; r < ROLE__N; r++)
			if (d->roles & ROLE_BIT(r))
				buf_printf(b, "%s %s", k++ > 0 ? "," : "",
				    role_labels[r]);
		buf_puts(b, "\n");
		for (size_t k = 0; k < d->nguards; k++) {
			const struct prof_rule *r = profile_rule_any(p,
			    d->guards[k]);

			if (r != NULL)
				buf_printf(b, "    %s: %.*s\n",
				    rule_name(d->guards[k]),
				    (int)r->citation.len, r->citation.p);
		}
	}
}

int
cmd_workflow(int argc, char **argv)
{
	struct opt o[] = { { "profile", true, NULL },
	    { "profiles", true, NULL }, { "format", true, NULL } };
	const size_t no = sizeof(o) / sizeof(o[0]);
	enum flow_state order[FL__N], stages[FL_NSTAGES];
	const char *prof;
	struct profile *p;
	struct arena *a;
	struct buf b;
	size_t n = 0, ns;
	int fmt, st, rc = EXIT_BADINPUT;

	if ((st = cmd_start("workflow", help, argc, argv, o, no, &fmt)) >= 0)
		return st;
	if ((prof = opt_need("workflow", o, no, "profile")) == NULL)
		return EXIT_BADINPUT;
	a = arena_new(1 << 16);
	if (load_inputs(a, prof, opt_get(o, no, "profiles"), &p, NULL,
	    NULL) != 0)
		goto out;
	ns = flow_stages(p, NULL, 0, stages);
	for (int s = 0; s < FL_STAGE_FIRST; s++)
		order[n++] = (enum flow_state)s;
	for (size_t i = 0; i < ns; i++)
		order[n++] = stages[i];
	for (int s = FL_STAGE_LAST + 1; s < FL__N; s++)
		order[n++] = (enum flow_state)s;
	buf_init(&b, OUT_MAX);
	if (fmt == FMT_TABLE)
		as_table(&b, p, order, n);
	else
		as_json(&b, p, order, n);
	rc = emit(&b);
	buf_release(&b);
out:
	arena_destroy(a);
	return rc;
}
