/*
 * cmd_log.c - the verifiable log's `selter audit` subcommands
 * (docs/log.md): checkpoint, export, cosign, and verify against
 * published checkpoints or on an exported bundle.
 */
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/load.h"
#include "app/log.h"
#include "base/arena.h"
#include "core/logcheck.h"
#include "cli/cli.h"
#include "base/banned.h"

#define MAXCP	100000

/* Opens the app on db with the log's keys. */
static int
open_app(const char *db, const char *signing, const char *witness,
    struct app **app)
{
	struct app_config cf = { 0 };
	char err[1024];

	cf.db_path = db;
	cf.db_conns = 2;
	cf.signing_key = signing;
	cf.witness_key = witness;
	if (app_open(&cf, app, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", err);
	return 0;
}

int
cmd_audit_checkpoint(int argc, char **argv, const char *help)
{
	struct opt o[] = { { "db", true, NULL }, { "signing-key", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	const char *db, *key;
	struct app *app;
	struct arena *ar;
	struct str note;
	bool made;
	int fmt, rc;

	if ((rc = cmd_start("audit checkpoint", help, argc, argv, o, n,
	    &fmt)) >= 0)
		return rc;
	if ((db = opt_need("audit checkpoint", o, n, "db")) == NULL ||
	    (key = opt_need("audit checkpoint", o, n, "signing-key")) == NULL)
		return EXIT_BADINPUT;
	if ((rc = open_app(db, key, NULL, &app)) != 0)
		return rc;
	ar = arena_new(1 << 16);
	if (app_log_checkpoint(app, ar, &note, &made) != SEL_OK)
		rc = die(EXIT_INTERNAL, "%s: the checkpoint could not be made",
		    db);
	else
		fwrite(note.p, 1, note.len, stdout);
	arena_destroy(ar);
	app_close(app);
	return rc;
}

int
cmd_audit_export(int argc, char **argv, const char *help)
{
	struct opt o[] = { { "db", true, NULL }, { "out", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	const char *db, *out;
	char err[1024];
	int fmt, rc;

	if ((rc = cmd_start("audit export", help, argc, argv, o, n, &fmt)) >=
	    0)
		return rc;
	if ((db = opt_need("audit export", o, n, "db")) == NULL ||
	    (out = opt_need("audit export", o, n, "out")) == NULL)
		return EXIT_BADINPUT;
	if (app_log_export(db, out, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", err);
	printf("bundle: %s\n", out);
	return EXIT_RESULT;
}

int
cmd_audit_cosign(int argc, char **argv, const char *help)
{
	struct opt o[] = { { "db", true, NULL }, { "witness-key", true, NULL },
	    { "in", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	const char *db, *wk, *in;
	struct app *app;
	struct arena *ar;
	struct app_err e;
	char *text, err[1024];
	size_t len;
	int fmt, rc;

	if ((rc = cmd_start("audit cosign", help, argc, argv, o, n, &fmt)) >= 0)
		return rc;
	if ((db = opt_need("audit cosign", o, n, "db")) == NULL ||
	    (wk = opt_need("audit cosign", o, n, "witness-key")) == NULL ||
	    (in = opt_need("audit cosign", o, n, "in")) == NULL)
		return EXIT_BADINPUT;
	ar = arena_new(1 << 16);
	if (app_read_file(ar, in, 1 << 20, &text, &len, &e) != SEL_OK) {
		arena_destroy(ar);
		return die(EXIT_BADINPUT, "%s", e.msg);
	}
	if ((rc = open_app(db, NULL, wk, &app)) != 0) {
		arena_destroy(ar);
		return rc;
	}
	if (app_log_cosign(app, ar, (struct str){ text, len }, NULL, err,
	    sizeof err) != SEL_OK)
		rc = die(EXIT_BADINPUT, "audit cosign: %s", err[0] != '\0' ?
		    err : "the store failed");
	else
		printf("cosignature stored\n");
	app_close(app);
	arena_destroy(ar);
	return rc;
}

/* The checkpoints of a file (signed notes separated by empty lines), or
   of every file of a directory. */
int
read_cps(struct arena *ar, const char *path, struct str *cps, int *n)
{
	struct app_err e;
	DIR *d = opendir(path);
	struct dirent *de;
	char *text;
	size_t len;
	int k;

	if (d != NULL) {
		int rc = 0;

		while (rc == 0 && (de = readdir(d)) != NULL) {
			struct str p;

			if (de->d_name[0] == '.')
				continue;
			p = arena_printf(ar, "%s/%s", path, de->d_name);
			rc = read_cps(ar, p.p, cps, n);
		}
		closedir(d);
		return rc;
	}
	if (app_read_file(ar, path, 256 << 20, &text, &len, &e) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", e.msg);
	if ((k = lc_notes((struct str){ text, len }, cps + *n, MAXCP - *n)) <
	    0)
		return die(EXIT_BADINPUT, "%s: not a list of signed notes "
		    "(checkpoints separated by empty lines)", path);
	*n += k;
	return 0;
}

int
cmd_audit_verify_log(const struct opt *o, size_t n,
    const struct audit_head *head)
{
	struct log_verify v;
	struct note_key key, wit;
	struct arena *ar;
	char err[1024];
	const char *s;
	int rc = 0, ncp = 0;
	struct str *cps;

	memset(&v, 0, sizeof v);
	v.db = opt_get(o, n, "db");
	v.bundle = opt_get(o, n, "bundle");
	if ((v.db == NULL) == (v.bundle == NULL))
		return die(EXIT_BADINPUT, "audit verify: --db FILE or --bundle "
		    "FILE (one of them)");
	if ((s = opt_get(o, n, "key")) == NULL)
		return die(EXIT_BADINPUT, "audit verify: --key: required with "
		    "--checkpoints, --bundle or --witness (the log's public "
		    "key, as the portal shows it)");
	if (app_key_public(s, &key, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "--key: %s", err);
	if (key.type != NOTE_ED25519)
		return die(EXIT_BADINPUT, "--key: a witness's key, not the "
		    "log's");
	v.key = &key;
	if ((s = opt_get(o, n, "witness")) != NULL) {
		if (app_key_public(s, &wit, err, sizeof err) != SEL_OK)
			return die(EXIT_BADINPUT, "--witness: %s", err);
		if (wit.type != NOTE_COSIG)
			return die(EXIT_BADINPUT, "--witness: not a witness's "
			    "key (selter keys --witness)");
		v.wit = &wit;
		v.nw = 1;
	}
	ar = arena_new(1 << 16);
	cps = arena_array(ar, MAXCP, sizeof *cps);
	if ((s = opt_get(o, n, "checkpoints")) != NULL &&
	    (rc = read_cps(ar, s, cps, &ncp)) != 0) {
		arena_destroy(ar);
		return rc;
	}
	v.cps = cps;
	v.ncp = ncp;
	v.head = head;
	if (app_log_verify(&v, err, sizeof err) != SEL_OK)
		rc = die(EXIT_BADINPUT, "%s", err);
	else if (v.why[0] != '\0')
		rc = die(EXIT_INTERNAL, "broken: %s (%" PRId64 " events "
		    "checked)", v.why, v.events);
	else {
		printf("ok: %" PRId64 " events, chain intact; %d published "
		    "checkpoint(s) given", v.events, ncp);
		if (v.largest > 0)
			printf(", the largest of size %" PRId64 " matches",
			    v.largest);
		if (v.nw > 0)
			printf(", %d cosigned by %s", v.cosigned, wit.name);
		printf("; %" PRId64 " of %" PRId64 " publications signed\n",
		    v.pubs_signed, v.pubs);
	}
	arena_destroy(ar);
	return rc;
}
