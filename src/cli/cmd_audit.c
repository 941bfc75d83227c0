/*
 * cmd_audit.c - `selter audit verify`: recompute the audit trail's
 * SHA-256 chain and name the first broken event; with the log's key,
 * against published checkpoints too (cmd_log.c has the verifiable log's
 * subcommands: checkpoint, export, cosign).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter audit verify --db FILE [--head N:HASH]\n"
    "       selter audit verify (--db FILE | --bundle FILE) --key PUB\n"
    "           [--checkpoints FILE|DIR] [--witness PUB] [--head N:HASH]\n"
    "       selter audit checkpoint --db FILE --signing-key FILE\n"
    "       selter audit export --db FILE --out FILE\n"
    "       selter audit cosign --db FILE --witness-key PUB --in FILE\n"
    "\n"
    "Recomputes the hash of every audit event and its link to the one\n"
    "before.  Exit 0 and \"ok: N events\" when the chain is intact; exit 1\n"
    "and the first broken event (its id and what does not match)\n"
    "otherwise; exit 2 when the store cannot be opened.\n"
    "\n"
    "--head N:HASH: a head of the trail seen elsewhere (event N and its\n"
    "SHA-256 in hex, as the public pages show it).  The chain alone cannot\n"
    "show that its newest events were deleted, or that it was recomputed\n"
    "after an edit: with a head, the trail must still hold event N with\n"
    "that hash.\n"
    "\n"
    "With --key (the log's public key, as the portal's page /kunci shows\n"
    "it), the trail is also checked as the RFC 6962 Merkle tree of its\n"
    "events against every checkpoint: those of --checkpoints (a file as\n"
    "/log/checkpoints serves it, or a directory of such files), and the\n"
    "store's own.  Each checkpoint's signature, each cosignature by\n"
    "--witness, no two of one size with different roots, each root\n"
    "against the events, no checkpoint beyond the trail's end, and every\n"
    "publication's signed statement.  The first checkpoint, event or\n"
    "publication that does not match is named.  --bundle checks the file\n"
    "of `selter audit export` instead of a store: offline, no database.\n"
    "\n"
    "checkpoint: signs a checkpoint of the trail now (when it grew since\n"
    "the last one) with the secret key file and prints it.\n"
    "export: writes the bundle for offline verification (docs/log.md).\n"
    "cosign: stores the oversight body's cosignature of a checkpoint (the\n"
    "output of `selter witness`), checked with its public key.\n"
    "\n"
    "Example:\n"
    "  selter audit verify --db selter.db\n"
    "  -> ok: 57 events, chain intact\n"
    "  selter audit verify --db selter.db --head 57:3f2a...e1\n"
    "  curl -s https://portal/log/checkpoints > cps.txt\n"
    "  selter audit export --db selter.db --out trail.bundle\n"
    "  selter audit verify --bundle trail.bundle --checkpoints cps.txt \\\n"
    "      --key log.key.pub --witness pengawas.key.pub\n"
    "  -> ok: 57 events, chain intact; 3 published checkpoint(s) given, ...\n";

/* "N:64 hex digits" into h; false when it is not that. */
static bool
parse_head(const char *s, struct audit_head *h)
{
	const char *colon = strchr(s, ':');
	int64_t id;

	if (colon == NULL || parse_i64((struct str){ s, (size_t)(colon - s) },
	    1, INT64_MAX, &id) != 0 || strlen(colon + 1) != 64)
		return false;
	h->id = id;
	for (int i = 0; i < 32; i++) {
		unsigned v = 0;

		for (int k = 0; k < 2; k++) {
			char c = colon[1 + 2 * i + k];

			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= (unsigned)(c - '0');
			else if (c >= 'a' && c <= 'f')
				v |= (unsigned)(c - 'a' + 10);
			else if (c >= 'A' && c <= 'F')
				v |= (unsigned)(c - 'A' + 10);
			else
				return false;
		}
		h->hash[i] = (unsigned char)v;
	}
	return true;
}

int
cmd_audit(int argc, char **argv)
{
	struct opt o[] = { { "db", true, NULL }, { "head", true, NULL },
	    { "bundle", true, NULL }, { "checkpoints", true, NULL },
	    { "key", true, NULL }, { "witness", true, NULL } };
	const size_t no = sizeof o / sizeof *o;
	struct audit_head head;
	const char *hs;
	struct arena *ar;
	int64_t checked = 0, bad = 0;
	struct str why;
	char err[1024];
	int fmt, rc;
	const char *db;

	if (argc >= 2 && strcmp(argv[1], "checkpoint") == 0)
		return cmd_audit_checkpoint(argc - 1, argv + 1, help);
	if (argc >= 2 && strcmp(argv[1], "export") == 0)
		return cmd_audit_export(argc - 1, argv + 1, help);
	if (argc >= 2 && strcmp(argv[1], "cosign") == 0)
		return cmd_audit_cosign(argc - 1, argv + 1, help);
	if (argc < 2 || strcmp(argv[1], "verify") != 0) {
		if (want_help(argc, argv)) {
			fputs(help, stdout);
			return EXIT_RESULT;
		}
		return die(EXIT_BADINPUT, "audit: usage: selter audit verify "
		    "--db FILE");
	}
	if ((rc = cmd_start("audit verify", help, argc - 1, argv + 1, o, no,
	    &fmt)) >= 0)
		return rc;
	hs = opt_get(o, no, "head");
	if (hs != NULL && !parse_head(hs, &head))
		return die(EXIT_BADINPUT, "--head: \"%.80s\" is not N:HASH (an "
		    "event number and 64 hex digits)", hs);
	if (opt_get(o, no, "bundle") != NULL || opt_get(o, no, "key") != NULL ||
	    opt_get(o, no, "checkpoints") != NULL ||
	    opt_get(o, no, "witness") != NULL)
		return cmd_audit_verify_log(o, no, hs != NULL ? &head : NULL);
	if ((db = opt_need("audit verify", o, no, "db")) == NULL)
		return EXIT_BADINPUT;
	ar = arena_new(1 << 16);
	rc = app_audit_verify_file(db, ar, hs != NULL ? &head : NULL, &checked,
	    &bad, &why, err, sizeof err);
	if (rc == SEL_EINVAL) {
		arena_destroy(ar);
		return die(EXIT_BADINPUT, "%s", err);
	}
	if (rc != SEL_OK)
		rc = die(EXIT_INTERNAL, "%s: the audit trail cannot be read",
		    db);
	else if (bad != 0)
		rc = die(EXIT_INTERNAL, "broken at event %" PRId64 ": %.*s "
		    "(%" PRId64 " events checked)", bad, (int)why.len, why.p,
		    checked);
	else
		printf("ok: %" PRId64 " events, chain intact\n", checked);
	arena_destroy(ar);
	return rc;
}
