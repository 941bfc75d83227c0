/*
 * cmd_verify.c - `selter verify FILE.pdf` (issue 13 item 4, docs/log.md
 * "Verifying a document"): a document checked offline against a bundle
 * of `selter audit export`, naming the first thing that does not match.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/docverify.h"
#include "app/log.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "base/banned.h"

#define MAXCP	100000

static const char help[] =
    "usage: selter verify --bundle FILE --key PUB --witness PUB\n"
    "           [--checkpoints FILE|DIR] FILE.pdf\n"
    "\n"
    "Checks a document offline, from a bundle of `selter audit export`:\n"
    "  1. the document: its SHA-256 is that of a document in the bundle;\n"
    "  2. the signature: the bundle's statement of that hash is signed by\n"
    "     --key (the region's public key, as /kunci shows it);\n"
    "  3. the event: the audit event that issued or published it records\n"
    "     that hash, and its bytes match its hash;\n"
    "  4. the proof: the event's inclusion proof leads to the root of the\n"
    "     checkpoint it is against;\n"
    "  5. the checkpoint: signed by --key and cosigned by --witness (the\n"
    "     oversight body's public key).\n"
    "Checkpoints of --checkpoints (a file as /log/checkpoints serves it,\n"
    "or a directory of such files) are used beside the bundle's: each of\n"
    "the proof's size must hold.\n"
    "\n"
    "Exit 0 and \"ok: ...\" when all hold; exit 1 and the first that does\n"
    "not (\"FILE: the signature: ...\"); exit 2 on bad input.\n"
    "\n"
    "Example:\n"
    "  selter audit export --db selter.db --out trail.bundle\n"
    "  selter verify --bundle trail.bundle --key log.key.pub \\\n"
    "      --witness pengawas.key.pub pengumuman.pdf\n";

/* The one argument that is not an option (every option takes a value):
   moved out of argv; NULL when there is none or more than one. */
static const char *
positional(int *argc, char **argv, int *count)
{
	const char *file = NULL;
	int k = 1;

	*count = 0;
	for (int i = 1; i < *argc; i++) {
		if (strncmp(argv[i], "--", 2) == 0) {
			argv[k++] = argv[i];
			if (strchr(argv[i], '=') == NULL && strcmp(argv[i],
			    "--help") != 0 && i + 1 < *argc)
				argv[k++] = argv[++i];
			continue;
		}
		file = argv[i];
		(*count)++;
	}
	*argc = k;
	return *count == 1 ? file : NULL;
}

static int
key_of(const char *opt, const char *s, unsigned char type, struct note_key *k)
{
	char err[1024];

	if (app_key_public(s, k, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "verify: --%s: %s", opt, err);
	if (k->type != type)
		return die(EXIT_BADINPUT, "verify: --%s: %s", opt, type ==
		    NOTE_ED25519 ? "a witness's key, not the log's" :
		    "not a witness's key (selter keys --witness)");
	return 0;
}

int
cmd_verify(int argc, char **argv)
{
	struct opt o[] = { { "bundle", true, NULL }, { "key", true, NULL },
	    { "witness", true, NULL }, { "checkpoints", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	struct doc_verify v;
	struct note_key key, wit;
	struct arena *ar;
	struct str *cps;
	const char *bundle, *k, *w, *pdf, *s;
	char err[1024];
	int fmt, rc, ncp = 0, npos;

	if (want_help(argc, argv))
		return cmd_start("verify", help, argc, argv, o, n, &fmt);
	pdf = positional(&argc, argv, &npos);
	if ((rc = cmd_start("verify", help, argc, argv, o, n, &fmt)) >= 0)
		return rc;
	if (pdf == NULL)
		return die(EXIT_BADINPUT, "verify: %s (see selter verify "
		    "--help)", npos == 0 ? "the PDF file to check is missing" :
		    "one PDF file at a time");
	if ((bundle = opt_need("verify", o, n, "bundle")) == NULL ||
	    (k = opt_need("verify", o, n, "key")) == NULL ||
	    (w = opt_need("verify", o, n, "witness")) == NULL)
		return EXIT_BADINPUT;
	if ((rc = key_of("key", k, NOTE_ED25519, &key)) != 0 ||
	    (rc = key_of("witness", w, NOTE_COSIG, &wit)) != 0)
		return rc;
	ar = arena_new(1 << 16);
	cps = arena_array(ar, MAXCP, sizeof *cps);
	if ((s = opt_get(o, n, "checkpoints")) != NULL &&
	    (rc = read_cps(ar, s, cps, &ncp)) != 0) {
		arena_destroy(ar);
		return rc;
	}
	memset(&v, 0, sizeof v);
	v.bundle = bundle;
	v.pdf = pdf;
	v.key = &key;
	v.wit = &wit;
	v.cps = cps;
	v.ncp = ncp;
	if (app_doc_verify(&v, err, sizeof err) != SEL_OK)
		rc = die(EXIT_BADINPUT, "verify: %s", err);
	else if (v.failed != NULL)
		rc = die(EXIT_INTERNAL, "%s: %s: %s", pdf, v.failed, v.why);
	else
		printf("ok: %s\n"
		    "  the document: sha256 %s\n"
		    "  the signature: by %s (a %s of selection %" PRId64 ")\n"
		    "  the event: %" PRId64 " (%s, %s)\n"
		    "  the proof: included in the tree of %" PRIu64 " events\n"
		    "  the checkpoint: of that size, signed by %s and cosigned "
		    "by %s\n", pdf, v.sha, key.name, v.kind, v.sel, v.event,
		    v.action, v.at, v.size, key.name, wit.name);
	arena_destroy(ar);
	return rc;
}
