/*
 * cmd_profiles.c - `selter profiles`: the region profiles on this system.
 */
#include <stdio.h>

#include "app/load.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "core/profile.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter profiles [--format json|table] [--profiles DIR]\n"
    "\n"
    "Lists every profile in $SELTER_DATA/profiles, each checked by the "
    "strict\nloader (a malformed file is exit 2 with its file, line and "
    "reason).\nA profile with an entry that can never apply has "
    "\"warnings\": [\"FILE:LINE:\nPATH: reason\", ...] (the table "
    "prints them under it); it still loads.\n"
    "\n"
    "  --profiles DIR   list DIR instead (default: $SELTER_PROFILES, else\n"
    "                   $SELTER_DATA/profiles)\n"
    "\n"
    "Example:\n"
    "  selter profiles\n"
    "  -> [{\"id\": \"demak-2022\", \"title\": \"...\", \"regulation\": "
    "\"Peraturan Bupati Demak Nomor 47 Tahun 2022\"}, ...]\n";

/* "warnings": ["FILE:LINE: PATH: reason", ...], only when there are. */
static void
warnings_json(struct json_w *w, const struct profile *p)
{
	if (p->nwarnings == 0)
		return;
	jw_key(w, "warnings");
	jw_arr(w);
	for (size_t k = 0; k < p->nwarnings; k++) {
		struct buf t;

		buf_init(&t, 8192);
		buf_printf(&t, "%s:%u: %.*s", p->file, p->warnings[k].line,
		    (int)p->warnings[k].msg.len, p->warnings[k].msg.p);
		jw_str(w, buf_str(&t));
		buf_release(&t);
	}
	jw_arr_end(w);
}

int
cmd_profiles(int argc, char **argv)
{
	struct opt o[] = { { "format", true, NULL },
	    { "profiles", true, NULL } };
	struct arena *a;
	struct profile **list;
	struct app_err e;
	struct json_w w;
	struct buf b;
	size_t n;
	int fmt, st, rc;

	if ((st = cmd_start("profiles", help, argc, argv, o, 2, &fmt)) >= 0)
		return st;
	a = arena_new(1 << 16);
	if (app_profiles(a, opt_get(o, 2, "profiles"), &list, &n, &e) !=
	    SEL_OK) {
		arena_destroy(a);
		return die(EXIT_BADINPUT, "%s", e.msg);
	}
	buf_init(&b, OUT_MAX);
	if (fmt == FMT_TABLE) {
		buf_printf(&b, "%-24s %-9s %s\n", "PROFIL", "JENJANG",
		    "PERATURAN / JUDUL");
		for (size_t i = 0; i < n; i++) {
			const struct profile *p = list[i];
			int lv = 0;

			for (int k = 0; k < LV__N; k++)
				lv += (int)((p->levels >> (unsigned)k) & 1u);
			buf_printf(&b, "%-24.*s %-9d %.*s\n%35s%.*s\n",
			    (int)p->id.len, p->id.p, lv, (int)p->regulation.len,
			    p->regulation.p, "", (int)p->title.len,
			    p->title.p);
			for (size_t k = 0; k < p->nwarnings; k++)
				buf_printf(&b, "%35sPERINGATAN %s:%u: %.*s\n", "",
				    p->file, p->warnings[k].line,
				    (int)p->warnings[k].msg.len,
				    p->warnings[k].msg.p);
		}
	} else {
		jw_init(&w, &b);
		jw_arr(&w);
		for (size_t i = 0; i < n; i++) {
			jw_obj(&w);
			jw_key(&w, "id");
			jw_str(&w, list[i]->id);
			jw_key(&w, "title");
			jw_str(&w, list[i]->title);
			jw_key(&w, "regulation");
			jw_str(&w, list[i]->regulation);
			warnings_json(&w, list[i]);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		buf_putc(&b, '\n');
	}
	rc = emit(&b);
	buf_release(&b);
	arena_destroy(a);
	return rc;
}
