/*
 * cmd_admin.c - `selter admin create`: the first administrator of a new
 * store (and any later one), from the command line.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app/app.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter admin create --db FILE --login LOGIN --name NAME\n"
    "\n"
    "Creates an administrator account in the store (applying its\n"
    "migrations first).  The password is read from the first line of\n"
    "standard input (10 to 128 characters).  The administrator manages\n"
    "regions, accounts and roles; it holds no role in a selection.\n"
    "\n"
    "Example:\n"
    "  printf '%s\\n' \"$PASSWORD\" | selter admin create --db selter.db \\\n"
    "      --login admin --name \"Admin BKPSDM\"\n"
    "  -> administrator \"admin\" created\n";

int
cmd_admin(int argc, char **argv)
{
	struct opt o[] = { { "db", true, NULL }, { "login", true, NULL },
	    { "name", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	struct app_config cf = { 0 };
	struct app_msg m = { "" };
	struct app *app;
	struct arena *ar;
	char pw[256], err[1024];
	const char *db, *login, *name;
	size_t len;
	int fmt, rc;

	if (argc < 2 || strcmp(argv[1], "create") != 0) {
		if (want_help(argc, argv)) {
			fputs(help, stdout);
			return EXIT_RESULT;
		}
		return die(EXIT_BADINPUT, "admin: usage: selter admin create "
		    "--db FILE --login LOGIN --name NAME");
	}
	if ((rc = cmd_start("admin create", help, argc - 1, argv + 1, o, n,
	    &fmt)) >= 0)
		return rc;
	if ((db = opt_need("admin create", o, n, "db")) == NULL ||
	    (login = opt_need("admin create", o, n, "login")) == NULL ||
	    (name = opt_need("admin create", o, n, "name")) == NULL)
		return EXIT_BADINPUT;
	if (fgets(pw, sizeof pw, stdin) == NULL)
		return die(EXIT_BADINPUT, "admin create: no password on "
		    "standard input");
	len = strcspn(pw, "\r\n");
	pw[len] = '\0';
	cf.db_path = db;
	cf.db_conns = 1;
	if (app_open(&cf, &app, err, sizeof err) != SEL_OK) {
		sodium_memzero(pw, sizeof pw);
		return die(EXIT_BADINPUT, "%s", err);
	}
	ar = arena_new(4096);
	if (app_admin_create(app, ar, str_c(login), str_c(name),
	    (struct str){ pw, len }, &m) != SEL_OK)
		rc = die(EXIT_BADINPUT, "admin create: %s", m.text[0] ?
		    m.text : "the store failed");
	else {
		printf("administrator \"%s\" created\n", login);
		rc = EXIT_RESULT;
	}
	sodium_memzero(pw, sizeof pw);
	arena_destroy(ar);
	app_close(app);
	return rc;
}
