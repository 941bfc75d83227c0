/*
 * cmd_keys.c - `selter keys`: the region's Ed25519 key pair (or a
 * witness's) into files, in the C2SP signed-note formats (docs/log.md).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app/log.h"
#include "cli/cli.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter keys --name NAME --out FILE [--witness]\n"
    "\n"
    "Makes an Ed25519 key pair (libsodium): the secret key in FILE (mode\n"
    "0600; an existing file is never overwritten) and the public key in\n"
    "FILE.pub, in the text forms of C2SP signed notes (docs/log.md).\n"
    "Prints the public key and its id (8 hex digits).\n"
    "\n"
    "  --name NAME  the log's origin, as its checkpoints start (the\n"
    "               region's portal and path, e.g.\n"
    "               bkpsdm.demakkab.go.id/selter); for --witness, the\n"
    "               oversight body's name.  No space, no '+'.\n"
    "  --witness    a witness's key (cosignature/v1), kept by the\n"
    "               oversight body on its own machine for `selter witness`.\n"
    "\n"
    "The server signs publications and checkpoints with the key named by\n"
    "its setting signing_key, and refuses to start when group or others\n"
    "may read that file.\n"
    "\n"
    "Example:\n"
    "  selter keys --name bkpsdm.demakkab.go.id/selter --out /etc/selter/log.key\n"
    "  -> public key: bkpsdm.demakkab.go.id/selter+5f2c81d0+ASmM...\n"
    "     key id: 5f2c81d0\n"
    "     secret key: /etc/selter/log.key (mode 0600)\n";

int
cmd_keys(int argc, char **argv)
{
	struct opt o[] = { { "name", true, NULL }, { "out", true, NULL },
	    { "witness", false, NULL } };
	size_t n = sizeof o / sizeof *o;
	struct note_key k;
	struct buf b;
	const char *name, *out;
	char err[1024];
	int fmt, rc;

	if ((rc = cmd_start("keys", help, argc, argv, o, n, &fmt)) >= 0)
		return rc;
	if ((name = opt_need("keys", o, n, "name")) == NULL ||
	    (out = opt_need("keys", o, n, "out")) == NULL)
		return EXIT_BADINPUT;
	if (sodium_init() < 0)
		return die(EXIT_INTERNAL, "libsodium failed to start");
	if (app_key_make(out, str_c(name), opt_get(o, n, "witness") != NULL ?
	    NOTE_COSIG : NOTE_ED25519, &k, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "keys: %s", err);
	buf_init(&b, 4096);
	note_vkey_text(&k, &b);
	printf("public key: %s\nkey id: %08" PRIx32 "\nsecret key: %s (mode "
	    "0600)\npublic key file: %s.pub\n", b.p, k.id, out, out);
	buf_release(&b);
	sodium_memzero(&k, sizeof k);
	return EXIT_RESULT;
}
