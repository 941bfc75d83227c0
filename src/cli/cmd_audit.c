/*
 * cmd_audit.c - `selter audit verify`: recompute the audit trail's
 * SHA-256 chain and name the first broken event.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter audit verify --db FILE\n"
    "\n"
    "Recomputes the hash of every audit event and its link to the one\n"
    "before.  Exit 0 and \"ok: N events\" when the chain is intact; exit 1\n"
    "and the first broken event (its id and what does not match)\n"
    "otherwise; exit 2 when the store cannot be opened.\n"
    "\n"
    "Example:\n"
    "  selter audit verify --db selter.db\n"
    "  -> ok: 57 events, chain intact\n";

int
cmd_audit(int argc, char **argv)
{
	struct opt o[] = { { "db", true, NULL } };
	struct arena *ar;
	int64_t checked = 0, bad = 0;
	struct str why;
	char err[1024];
	int fmt, rc;
	const char *db;

	if (argc < 2 || strcmp(argv[1], "verify") != 0) {
		if (want_help(argc, argv)) {
			fputs(help, stdout);
			return EXIT_RESULT;
		}
		return die(EXIT_BADINPUT, "audit: usage: selter audit verify "
		    "--db FILE");
	}
	if ((rc = cmd_start("audit verify", help, argc - 1, argv + 1, o, 1,
	    &fmt)) >= 0)
		return rc;
	if ((db = opt_need("audit verify", o, 1, "db")) == NULL)
		return EXIT_BADINPUT;
	ar = arena_new(1 << 16);
	rc = app_audit_verify_file(db, ar, &checked, &bad, &why, err,
	    sizeof err);
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
