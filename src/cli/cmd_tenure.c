/*
 * cmd_tenure.c - `selter tenure remind`: the reminders of the officials'
 * terms (app/tenure.h) queued in the outbox, once per date and window.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/tenure.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter tenure remind --db FILE [--now YYYY-MM-DDTHH:MM:SSZ]\n"
    "    [--profiles DIR]\n"
    "\n"
    "Queues in the e-mail outbox, for every running term of an appointed\n"
    "official, one reminder to the region's secretariat (BKPSDM) per date\n"
    "of the term (TEN-5Y, TEN-EVAL, TEN-2Y-LOCK, TEN-PERF, TEN-MUTATION,\n"
    "TEN-MONITOR, PRAC-NO-REPLACE-2Y) entering the 90, 30 or 7-day window,\n"
    "each exactly once: a second run the same day queues nothing.  Run it\n"
    "daily (cron); `selter mail send` or the server delivers the mails.\n"
    "Prints \"queued N\".  --now fixes the clock (tests).\n"
    "\n"
    "Example:\n"
    "  selter tenure remind --db selter.db\n"
    "  -> queued 2\n";

int
cmd_tenure(int argc, char **argv)
{
	struct opt o[] = { { "db", true, NULL }, { "now", true, NULL },
	    { "profiles", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	struct app_config cf = { 0 };
	struct arena *ar;
	struct app *app;
	int64_t queued = 0;
	char err[1024];
	enum sel_err rc;
	int fmt, ret;

	if (argc < 2 || strcmp(argv[1], "remind") != 0) {
		if (want_help(argc, argv)) {
			fputs(help, stdout);
			return EXIT_RESULT;
		}
		return die(EXIT_BADINPUT, "tenure: usage: selter tenure remind "
		    "--db FILE");
	}
	if ((ret = cmd_start("tenure remind", help, argc - 1, argv + 1, o, n,
	    &fmt)) >= 0)
		return ret;
	if ((cf.db_path = opt_need("tenure remind", o, n, "db")) == NULL)
		return EXIT_BADINPUT;
	cf.now = opt_get(o, n, "now");
	cf.profiles_dir = opt_get(o, n, "profiles");
	cf.db_conns = 1;
	cf.argon_ops = 1;
	cf.argon_mem_kib = 8;
	if (app_open(&cf, &app, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", err);
	ar = arena_new(1 << 20);
	if ((rc = app_tenure_remind(app, ar, &queued)) != SEL_OK)
		ret = die(EXIT_INTERNAL, "tenure remind: %s", sel_strerror(rc));
	else {
		printf("queued %" PRId64 "\n", queued);
		ret = EXIT_RESULT;
	}
	arena_destroy(ar);
	app_close(app);
	return ret;
}
