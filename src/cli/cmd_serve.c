/*
 * cmd_serve.c - `selter serve`: the web application.
 *
 * Settings come from, in rising order: the defaults, the --config file
 * (lines "key = value", '#' comments), SELTER_<KEY> environment variables,
 * then the command line.  SIGTERM or SIGINT stop it gracefully: no new
 * connections, the requests in flight finish, the mailer stops, the store
 * closes cleanly.  With smtp_url set, the mailer (app/mail.h) delivers
 * the outbox in a thread of its own.  Before listening it removes the
 * temporary files of uploads a killed server left in files_dir.
 */
#include <errno.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/app.h"
#include "app/load.h"
#include "app/log.h"	/* ---- log ---- */
#include "app/mail.h"
#include "base/arena.h"
#include "base/log.h"
#include "cli/cli.h"
#include "pdf/pdf.h"	/* pdf */
#include "web/web.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter serve [--config FILE] [--listen ADDR] [--port N]\n"
    "           [--db FILE] [--demo] [--threads N] [--access-log FILE]\n"
    "           [--port-file FILE] [--profiles DIR]\n"
    "\n"
    "Starts the web application (libmicrohttpd) on the SQLite store,\n"
    "applying the schema's migrations first.  Stops gracefully on SIGTERM\n"
    "or SIGINT.  Settings (docs/operations.md): defaults < --config file <\n"
    "SELTER_<KEY> environment < command line.  Keys: listen, port, db,\n"
    "demo, demo_history (with demo: also a selection that has run its\n"
    "course; default true), threads, max_connections, max_per_ip, timeout, access_log,\n"
    "secure_cookies, session_hours, argon_ops, argon_mem_kib, now,\n"
    "register_per_ip, reset_per_ip, complaint_per_ip (per hour from one\n"
    "address; 0: no limit),\n"
    "smtp_url, smtp_from, smtp_user, smtp_password, mail_interval,\n"
    "page_cache_mb (the public page cache, MiB; default 256),\n"
    "base_url (the public address of the links in e-mails; required\n"
    "with smtp_url), files_dir (applicants' documents; default: the db\n"
    "path + .files), profiles (the profile directory; default:\n"
    "$SELTER_DATA/profiles; holidays stay in $SELTER_DATA),\n"
    "signing_key (the region's secret key file of `selter keys`, mode\n"
    "0600: publications and checkpoints are signed with it; the server\n"
    "refuses to start when group or others may read it; with demo and\n"
    "no signing_key, the db path + \".key\", made when missing),\n"
    "witness_key (the oversight body's public key: its cosignatures).\n"
    "\n"
    "  --demo           fill an empty store with the demo data\n"
    "  --port 0         any free port; --port-file writes the one chosen\n"
    "\n"
    "Example:\n"
    "  selter serve --db selter.db --demo\n"
    "  -> {\"t\": ..., \"level\": \"info\", \"in\": \"serve\", \"msg\": \"listening on ...\"}\n";

struct settings {
	char	listen[64], db[512], access_log[512], now[32], port_file[512];
	char	base_url[256];
	char	files_dir[512];
	char	profiles[512];	/* the profile directory; "": the default */
	long	port, threads, max_conns, max_per_ip, timeout, session_hours;
	long	argon_ops, argon_mem_kib;
	long	register_per_ip, reset_per_ip, complaint_per_ip;
	bool	demo, demo_history, secure;
	char	smtp_url[512], smtp_from[256], smtp_user[256];
	char	smtp_password[256];
	long	mail_interval;	/* seconds between the mailer's passes */
	long	page_cache_mb;	/* the public page cache's bodies */
	/* ---- log ---- the region's secret key file, the witness's public
	   key (docs/log.md) */
	char	signing_key[512], witness_key[512];
	/* ---- end log ---- */
};

static const struct key {
	const char	*name;
	char		 kind;		/* s: string, n: number, b: boolean */
	size_t		 off;
	size_t		 size;
	long		 min, max;
} keys[] = {
#define S(n, f)	{ n, 's', offsetof(struct settings, f), \
	sizeof(((struct settings *)0)->f), 0, 0 }
#define N(n, f, lo, hi)	{ n, 'n', offsetof(struct settings, f), 0, lo, hi }
#define B(n, f)	{ n, 'b', offsetof(struct settings, f), 0, 0, 0 }
	S("listen", listen), S("db", db), S("access_log", access_log),
	S("now", now), S("port_file", port_file), S("base_url", base_url),
	S("files_dir", files_dir), S("profiles", profiles),
	N("port", port, 0, 65535), N("threads", threads, 1, 256),
	N("max_connections", max_conns, 1, 100000),
	N("max_per_ip", max_per_ip, 0, 100000),
	N("timeout", timeout, 1, 3600),
	N("session_hours", session_hours, 1, 720),
	N("argon_ops", argon_ops, 1, 100),
	N("argon_mem_kib", argon_mem_kib, 8, 4 << 20),
	N("register_per_ip", register_per_ip, 0, 1000000),
	N("reset_per_ip", reset_per_ip, 0, 1000000),
	N("complaint_per_ip", complaint_per_ip, 0, 1000000),
	B("demo", demo), B("demo_history", demo_history),
	B("secure_cookies", secure),
	S("smtp_url", smtp_url), S("smtp_from", smtp_from),
	S("smtp_user", smtp_user), S("smtp_password", smtp_password),
	N("mail_interval", mail_interval, 1, 3600),
	N("page_cache_mb", page_cache_mb, 1, 65536),
	S("signing_key", signing_key), S("witness_key", witness_key), /* log */
	/* ---- pg ---- the store's location, "db"'s other name: a SQLite
	   file or "postgresql://..." (SELTER_STORE; docs/postgresql.md) */
	S("store", db),
	/* ---- end pg ---- */
#undef S
#undef N
#undef B
};

static int
set_key(struct settings *s, const char *where, const char *name,
    const char *val)
{
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const struct key *k = &keys[i];
		char *dst = (char *)s + k->off;
		int64_t v;

		if (strcmp(k->name, name) != 0)
			continue;
		if (k->kind == 's') {
			if (strlen(val) >= k->size)
				return die(EXIT_BADINPUT, "%s: %s: too long",
				    where, name);
			memcpy(dst, val, strlen(val) + 1);
		} else if (k->kind == 'n') {
			if (parse_i64(str_c(val), k->min, k->max, &v) !=
			    SEL_OK)
				return die(EXIT_BADINPUT, "%s: %s: \"%s\" is "
				    "not a number from %ld to %ld", where,
				    name, val, k->min, k->max);
			*(long *)(void *)dst = (long)v;
		} else {
			if (strcmp(val, "true") && strcmp(val, "false") &&
			    strcmp(val, "1") && strcmp(val, "0"))
				return die(EXIT_BADINPUT, "%s: %s: \"%s\" is "
				    "not true or false", where, name, val);
			*(bool *)(void *)dst = strcmp(val, "true") == 0 ||
			    strcmp(val, "1") == 0;
		}
		return 0;
	}
	return die(EXIT_BADINPUT, "%s: unknown setting \"%s\"", where, name);
}

static int
read_config(struct settings *s, const char *path)
{
	struct arena *ar = arena_new(1 << 16);
	struct app_err e;
	char *text, where[600];
	size_t len, line = 0;
	int rc = 0;

	if (app_read_file(ar, path, 1 << 20, &text, &len, &e) != SEL_OK) {
		arena_destroy(ar);
		return die(EXIT_BADINPUT, "%s", e.msg);
	}
	for (char *p = text; rc == 0 && p < text + len;) {
		char *nl = memchr(p, '\n', (size_t)(text + len - p));
		char *end = nl != NULL ? nl : text + len, *eq;
		struct str k, v;

		line++;
		*end = '\0';
		eq = strchr(p, '=');
		k = str_trim((struct str){ p, eq ? (size_t)(eq - p) :
		    strlen(p) });
		if (k.len > 0 && k.p[0] != '#') {
			snprintf(where, sizeof where, "%s:%zu", path, line);
			if (eq == NULL) {
				rc = die(EXIT_BADINPUT, "%s: expected "
				    "\"key = value\"", where);
				break;
			}
			v = str_trim(str_c(eq + 1));
			((char *)k.p)[k.len] = '\0';
			((char *)v.p)[v.len] = '\0';
			rc = set_key(s, where, k.p, v.p);
		}
		p = end + 1;
	}
	arena_destroy(ar);
	return rc;
}

static int
read_env(struct settings *s)
{
	char name[64];

	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const char *v;
		size_t j = 0;

		snprintf(name, sizeof name, "SELTER_%s", keys[i].name);
		for (j = 7; name[j] != '\0'; j++)
			if (name[j] >= 'a' && name[j] <= 'z')
				name[j] = (char)(name[j] - 'a' + 'A');
		if ((v = getenv(name)) != NULL && set_key(s, name,
		    keys[i].name, v) != 0)
			return EXIT_BADINPUT;
	}
	return 0;
}

/*
 * base_url: the public address of the links in e-mails, "http://" or
 * "https://" and a host, no space, quote or angle bracket, no query.
 */
static bool
base_url_ok(const char *u)
{
	size_t skip = strncmp(u, "https://", 8) == 0 ? 8 :
	    strncmp(u, "http://", 7) == 0 ? 7 : 0;

	if (skip == 0 || u[skip] == '\0' || u[skip] == '/')
		return false;
	for (const char *p = u; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '?' || *p == '#' || *p == 0x7f)
			return false;
	return true;
}

/*
 * The settings, in rising order: defaults, --config, environment, flags.
 * Returns -1 to go on, else the exit status (the error printed).
 */
static int
settings_get(int argc, char **argv, struct settings *s)
{
	struct opt o[] = {
		{ "config", true, NULL }, { "listen", true, NULL },
		{ "port", true, NULL }, { "db", true, NULL },
		{ "demo", false, NULL }, { "threads", true, NULL },
		{ "access-log", true, NULL }, { "port-file", true, NULL },
		{ "now", true, NULL }, { "profiles", true, NULL },
	};
	size_t n = sizeof o / sizeof *o;
	int fmt, rc;
	const char *v;

	if ((rc = cmd_start("serve", help, argc, argv, o, n, &fmt)) >= 0)
		return rc;
	if ((v = opt_get(o, n, "config")) != NULL && read_config(s, v))
		return EXIT_BADINPUT;
	if (read_env(s))
		return EXIT_BADINPUT;
	static const char *const flags[][2] = { { "listen", "listen" },
	    { "port", "port" }, { "db", "db" }, { "threads", "threads" },
	    { "access-log", "access_log" }, { "port-file", "port_file" },
	    { "now", "now" }, { "profiles", "profiles" } };
	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
		if ((v = opt_get(o, n, flags[i][0])) != NULL &&
		    set_key(s, "command line", flags[i][1], v))
			return EXIT_BADINPUT;
	if (opt_get(o, n, "demo") != NULL)
		s->demo = true;
	if (s->smtp_url[0] != '\0' && !mail_addr_ok(str_c(s->smtp_from)))
		return die(EXIT_BADINPUT, "smtp_from: \"%s\" is not an "
		    "e-mail address", s->smtp_from);
	if (s->base_url[0] != '\0' && !base_url_ok(s->base_url))
		return die(EXIT_BADINPUT, "base_url: \"%s\" is not an "
		    "http:// or https:// address", s->base_url);
	if (s->smtp_url[0] != '\0' && s->base_url[0] == '\0')
		return die(EXIT_BADINPUT, "base_url: required with smtp_url "
		    "(the public address of selter, for the links in "
		    "e-mails)");
	return -1;
}

static void
port_file(const struct settings *s, struct web *web)
{
	FILE *f;

	if (s->port_file[0] == '\0' || (f = fopen(s->port_file, "w")) == NULL)
		return;
	fprintf(f, "%d\n", web_port(web));
	fclose(f);
}

/* The mailer, when smtp_url is set; else the outbox waits. */
static int
mail_start(struct app *app, const struct settings *s, struct mailer **ml)
{
	struct mail_config mc = { s->smtp_url, s->smtp_from, s->smtp_user,
	    s->smtp_password, (int)s->mail_interval, 0 };
	char err[1024];

	*ml = NULL;
	if (s->smtp_url[0] == '\0') {
		log_msg("info", "mail", "no smtp_url: mails stay in the "
		    "outbox");
		return 0;
	}
	if (mailer_start(app, &mc, ml, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", err);
	log_msg("info", "mail", "sending the outbox every %ld s",
	    s->mail_interval);
	return 0;
}

/* What a server killed in the middle of uploads left in files_dir. */
static void
upload_sweep(struct app *app)
{
	int n = 0;

	if (app_upload_sweep(app, &n) != SEL_OK)
		log_msg("error", "serve", "%s: a temporary upload file could "
		    "not be removed", app_files_dir(app));
	else if (n > 0)
		log_msg("info", "serve", "%s: removed %d temporary upload "
		    "file(s) of uploads cut short", app_files_dir(app), n);
}

int
cmd_serve(int argc, char **argv)
{
	struct settings s = { .listen = "127.0.0.1", .db = "selter.db",
	    .access_log = "-", .port = 8080, .threads = 4, .max_conns = 4096,
	    .max_per_ip = 64, .timeout = 30, .session_hours = 8,
	    .register_per_ip = 100, .reset_per_ip = 30, .complaint_per_ip = 20,
	    .demo_history = true,
	    .smtp_from = MAIL_FROM_DEFAULT,
	    .mail_interval = MAIL_INTERVAL_DEFAULT, .page_cache_mb = 256 };
	struct app_config acf;
	struct web_config wcf;
	struct app *app = NULL;
	struct web *web = NULL;
	struct mailer *ml = NULL;
	char err[1024];
	sigset_t sigs;
	int rc, sig;

	rc = settings_get(argc, argv, &s);
	memset(&acf, 0, sizeof acf);
	acf.db_path = s.db;
	acf.db_conns = (int)s.threads + 2 + WEB_WORKERS / 2;
	acf.demo = s.demo;
	acf.demo_history = s.demo_history;
	acf.now = s.now;
	acf.session_hours = (int)s.session_hours;
	acf.register_per_ip = (int)s.register_per_ip;
	acf.reset_per_ip = (int)s.reset_per_ip;
	acf.complaint_per_ip = (int)s.complaint_per_ip;
	acf.argon_ops = (int)s.argon_ops;
	acf.argon_mem_kib = (int)s.argon_mem_kib;
	acf.base_url = s.base_url;
	acf.files_dir = s.files_dir;
	acf.render = web_render_doc;
	acf.pdf = web_render_pdf;	/* pdf */
	pdf_init();			/* pdf: fonts, before any thread */
	acf.profiles_dir = s.profiles;
	acf.signing_key = s.signing_key;	/* ---- log ---- */
	acf.witness_key = s.witness_key;	/* ---- end log ---- */
	if (rc < 0 && app_open(&acf, &app, err, sizeof err) != SEL_OK)
		rc = die(EXIT_BADINPUT, "%s", err);
	if (rc >= 0)
		goto out;
	upload_sweep(app);
	/* ---- log ---- */
	if (!app_log_key(app, &(struct note_key){ 0 }))
		log_msg("warning", "log", "no signing_key: publications and "
		    "checkpoints are not signed (docs/log.md)");
	/* ---- end log ---- */

	/* Only this thread takes the stop signals: block them first. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	wcf = (struct web_config){ s.listen, (int)s.port, (int)s.threads,
	    (int)s.max_conns, (int)s.max_per_ip, (int)s.timeout, s.secure,
	    s.access_log, (int)s.page_cache_mb };
	if (web_start(app, &wcf, &web, err, sizeof err) != SEL_OK) {
		rc = die(EXIT_BADINPUT, "%s", err);
		goto out;
	}
	port_file(&s, web);
	log_msg("info", "serve", "listening on http://%s:%d/ (store %s)",
	    s.listen, web_port(web), s.db);
	if ((rc = mail_start(app, &s, &ml)) == 0) {
		while (sigwait(&sigs, &sig) != 0)
			;
		log_msg("info", "serve", "stopping (signal %d)", sig);
	}
	mailer_stop(ml);
	web_stop(web);
	app_close(app);
	app = NULL;
	log_msg("info", "serve", "stopped");
out:
	app_close(app);
	pdf_shutdown();		/* pdf: the fonts' caches, for leak checkers */
	sodium_memzero(s.smtp_password, sizeof s.smtp_password);
	return rc;
}
