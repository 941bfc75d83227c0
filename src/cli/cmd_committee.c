/*
 * cmd_committee.c - `selter committee`: the COM-* rules on a committee.
 */
#include <stdio.h>

#include "app/load.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "core/committee.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter committee --profile ID|FILE --post POST.json\n"
    "           --committee COMMITTEE.json [--format json|table]\n"
    "           [--profiles DIR]\n"
    "\n"
    "Checks every committee rule the profile has (COM-SIZE,\n"
    "COM-INTERNAL-MAX, COM-ELEMENTS, COM-INTERNAL-RANK, COM-ASSESSOR,\n"
    "COM-MEMBER).  valid is true only when every rule passes: a condition\n"
    "not declared is missing, and such a committee cannot be confirmed.\n"
    "\n"
    "  --profiles DIR      look profile ids up in DIR (default:\n"
    "                      $SELTER_PROFILES, else $SELTER_DATA/profiles);\n"
    "                      the holidays stay in the data directory\n"
    "\n"
    "Example:\n"
    "  selter committee --profile demak-2022 --post post.json "
    "--committee pansel.json\n"
    "  -> {\"valid\": false, \"rules\": [{\"id\": \"COM-SIZE\", \"status\": "
    "\"fail\", ...}]}\n";

int
cmd_committee(int argc, char **argv)
{
	struct opt o[] = { { "profile", true, NULL },
	    { "profiles", true, NULL }, { "post", true, NULL },
	    { "committee", true, NULL }, { "format", true, NULL } };
	const size_t no = sizeof(o) / sizeof(o[0]);
	const char *prof, *post, *com;
	struct profile *p;
	struct vacancy v;
	struct committee c;
	struct com_out out;
	struct json *root;
	struct diag d;
	struct arena *a;
	struct json_w w;
	struct buf b;
	int fmt, st, rc = EXIT_BADINPUT;

	if ((st = cmd_start("committee", help, argc, argv, o, no, &fmt)) >= 0)
		return st;
	if ((prof = opt_need("committee", o, no, "profile")) == NULL ||
	    (post = opt_need("committee", o, no, "post")) == NULL ||
	    (com = opt_need("committee", o, no, "committee")) == NULL)
		return EXIT_BADINPUT;
	a = arena_new(1 << 16);
	if (load_inputs(a, prof, opt_get(o, no, "profiles"), &p, post, &root) != 0)
		goto out;
	if (vacancy_decode(a, root, p, &v, &d) != SEL_OK) {
		bad_doc(post, &d);
		goto out;
	}
	if (load_inputs(a, NULL, NULL, &p, com, &root) != 0)
		goto out;
	if (committee_decode(a, root, &c, &d) != SEL_OK) {
		bad_doc(com, &d);
		goto out;
	}
	committee_eval(a, p, &v, &c, &out);
	buf_init(&b, OUT_MAX);
	if (fmt == FMT_TABLE) {
		buf_printf(&b, "Panitia seleksi untuk %.*s (%.*s): %s\n\n",
		    (int)v.title.len, v.title.p, (int)p->id.len, p->id.p,
		    out.valid ? "SAH, dapat ditetapkan" :
		    "BELUM SAH, tidak dapat ditetapkan");
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
