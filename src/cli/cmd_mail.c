/*
 * cmd_mail.c - `selter mail send`: one pass of the outbox's sender, for
 * cron, an operator or a test.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/mail.h"
#include "cli/cli.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter mail send --db FILE --smtp-url URL [--from ADDR]\n"
    "\n"
    "Delivers the outbox's mails that are due, once, through the SMTP\n"
    "relay at URL (smtp://HOST:PORT, or smtps://), and prints\n"
    "\"sent N, failed M, waiting K\" (waiting: still to send later).  A\n"
    "failed mail is tried again 30 s later, then after 1, 2, 4 ... minutes,\n"
    "at most 1 h apart; after 20 attempts it stays failed.  A mail with a\n"
    "line break in its recipient or subject is refused, never sent.\n"
    "Failures are logged on standard error (JSON lines).  SMTP AUTH comes\n"
    "from SELTER_SMTP_USER and SELTER_SMTP_PASSWORD (then STARTTLS is\n"
    "required).  --from defaults to selter@localhost.  `selter serve`\n"
    "sends by itself when smtp_url is set: do not run both on one store.\n"
    "\n"
    "Example:\n"
    "  selter mail send --db selter.db --smtp-url smtp://127.0.0.1:25\n"
    "  -> sent 3, failed 0, waiting 0\n";

int
cmd_mail(int argc, char **argv)
{
	struct opt o[] = { { "db", true, NULL }, { "smtp-url", true, NULL },
	    { "from", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	struct app_config cf = { 0 };
	struct mail_config mc = { 0 };
	struct mail_tally t;
	struct app *app;
	char err[1024];
	enum sel_err rc;
	int fmt, ret;

	if (argc < 2 || strcmp(argv[1], "send") != 0) {
		if (want_help(argc, argv)) {
			fputs(help, stdout);
			return EXIT_RESULT;
		}
		return die(EXIT_BADINPUT, "mail: usage: selter mail send "
		    "--db FILE --smtp-url URL [--from ADDR]");
	}
	if ((ret = cmd_start("mail send", help, argc - 1, argv + 1, o, n,
	    &fmt)) >= 0)
		return ret;
	if ((cf.db_path = opt_need("mail send", o, n, "db")) == NULL ||
	    (mc.url = opt_need("mail send", o, n, "smtp-url")) == NULL)
		return EXIT_BADINPUT;
	mc.from = opt_get(o, n, "from");
	if (mc.from != NULL && !mail_addr_ok(str_c(mc.from)))
		return die(EXIT_BADINPUT, "mail send: --from: \"%s\" is not "
		    "an e-mail address", mc.from);
	if (mc.url[0] == '\0')
		return die(EXIT_BADINPUT, "mail send: --smtp-url is empty");
	mc.user = getenv("SELTER_SMTP_USER");
	mc.password = getenv("SELTER_SMTP_PASSWORD");
	/* This command hashes no password: argon2id's smallest cost. */
	cf.db_conns = 1;
	cf.argon_ops = 1;
	cf.argon_mem_kib = 8;
	if (app_open(&cf, &app, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", err);
	if ((rc = mail_pass(app, &mc, &t)) != SEL_OK)
		ret = die(EXIT_INTERNAL, "mail send: %s", sel_strerror(rc));
	else {
		printf("sent %" PRId64 ", failed %" PRId64 ", waiting %"
		    PRId64 "\n", t.sent, t.failed, t.waiting);
		ret = EXIT_RESULT;
	}
	app_close(app);
	return ret;
}
