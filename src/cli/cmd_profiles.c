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
    "usage: selter profiles [--format json|table]\n"
    "\n"
    "Lists every profile in $SELTER_DATA/profiles, each checked by the "
    "strict\nloader (a malformed file is exit 2 with its file, line and "
    "reason).\n"
    "\n"
    "Example:\n"
    "  selter profiles\n"
    "  -> [{\"id\": \"demak-2022\", \"title\": \"...\", \"regulation\": "
    "\"Peraturan Bupati Demak Nomor 47 Tahun 2022\"}, ...]\n";

int
cmd_profiles(int argc, char **argv)
{
	struct opt o[] = { { "format", true, NULL } };
	struct arena *a;
	struct profile **list;
	struct app_err e;
	struct json_w w;
	struct buf b;
	size_t n;
	int fmt, st, rc;

	if ((st = cmd_start("profiles", help, argc, argv, o, 1, &fmt)) >= 0)
		return st;
	a = arena_new(1 << 16);
	if (app_profiles(a, &list, &n, &e) != SEL_OK) {
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
