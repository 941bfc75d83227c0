/*
 * main.c - `selter COMMAND ...`: dispatch to cmd_<name>() (CONTRACT.md).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "base/banned.h"

static const struct {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*what;
} commands[] = {
	{ "profiles", cmd_profiles, "list the region profiles" },
	{ "eligibility", cmd_eligibility,
	    "screen a candidate (or a JSON-lines export) for a post" },
	{ "committee", cmd_committee, "check a selection committee" },
	{ "weights", cmd_weights, "check the stage weights of a plan" },
	{ "window", cmd_window, "check a registration window (and extensions)" },
	{ "rank", cmd_rank, "final scores, ranking, ties and the top 3" },
	{ "workflow", cmd_workflow,
	    "the workflow's states and transitions, with citations" },
	{ "serve", cmd_serve, "run the web application" },
	{ "audit", cmd_audit, "verify the audit trail's hash chain" },
	{ "admin", cmd_admin, "create an administrator account" },
	{ "mail", cmd_mail, "send the e-mail outbox once (SMTP relay)" },
	{ "version", cmd_version, "the version, and the linked libraries'" },
	/* ---- log ---- (issue 13) */
	{ "keys", cmd_keys, "make the region's (or a witness's) key pair" },
	{ "witness", cmd_witness,
	    "cosign the log's newest checkpoint (the oversight body)" },
	/* ---- end log ---- */
	/* ---- tenure ---- (issue 14 item 5) */
	{ "tenure", cmd_tenure,
	    "queue the reminders of officials' terms in the outbox" },
	/* ---- end tenure ---- */
	/* ---- verify ---- (issue 13 item 4) */
	{ "verify", cmd_verify,
	    "check a PDF document offline against an exported bundle" },
	/* ---- end verify ---- */
	/* ---- archive ---- (issue 13 item 5) */
	{ "archive", cmd_archive,
	    "a selection's signed archive: export, import (read-only)" },
	/* ---- end archive ---- */
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: selter COMMAND [OPTIONS]\n"
	    "\n"
	    "The rules engine of seleksi terbuka: every result names the rule "
	    "id of\nREGULATIONS.md and the article it rests on.\n\n"
	    "Commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].what);
	fprintf(f,
	    "\nExamples:\n"
	    "  selter profiles --format table\n"
	    "  selter eligibility --profile demak-2022 --post post.json "
	    "--candidate budi.json \\\n"
	    "      --as-of 2023-03-15 --appointment 2023-06-01\n"
	    "  selter window --profile pontianak-2015 --published 2023-03-01 "
	    "--closing 2023-03-21\n"
	    "\n"
	    "Exit status: 0 a result (whatever the verdict), 2 bad input or "
	    "usage,\n1 internal failure.  `selter COMMAND --help` tells more.\n"
	    "Data: profiles and holidays are read from $SELTER_DATA (default: "
	    "the\nnearest directory above the program holding profiles/ and "
	    "data/holidays/,\nas the source tree it was built in; else the "
	    "current directory).\n");
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_BADINPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return EXIT_RESULT;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("selter %s\n", SELTER_VERSION);
		return EXIT_RESULT;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	return die(EXIT_BADINPUT, "unknown command \"%.40s\" (see selter "
	    "--help)", argv[1]);
}
