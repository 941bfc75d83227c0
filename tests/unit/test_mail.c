/*
 * test_mail.c - the outbox's sender: the retry schedule (at, below and
 * above each bound), addresses, the message (RFC 5322 headers, RFC 2047
 * subjects, CRLF bodies, base64 for long lines), the refusal of header
 * injection, and a pass and the mailer on a real store with a relay that
 * refuses connections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <sodium.h>
#include <sqlite3.h>

#include "t.h"
#include "app/app_int.h"
#include "app/mail.h"
#include "base/buf.h"
#include "base/banned.h"

#define NOW	INT64_C(1795402800)	/* Mon, 23 Nov 2026 03:00:00 UTC */
/* A loopback port nobody listens on: the connection is refused. */
#define DEAD_RELAY	"smtp://127.0.0.1:1"

/* ---- the retry schedule ---- */

static void
test_next_at_doubles_from_30s(void **state)
{
	static const struct { int64_t attempts, wait; } c[] = {
		{ -1, 30 }, { 0, 30 }, { 1, 60 }, { 2, 120 }, { 3, 240 },
		{ 4, 480 }, { 5, 960 }, { 6, 1920 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		assert_int_equal(mail_next_at(NOW, c[i].attempts),
		    NOW + c[i].wait);
}

static void
test_next_at_at_most_an_hour(void **state)
{
	(void)state;
	/* 30 x 2^7 = 3840 s: past the hour, so the hour. */
	assert_int_equal(mail_next_at(NOW, 7), NOW + 3600);
	assert_int_equal(mail_next_at(NOW, 8), NOW + 3600);
	assert_int_equal(mail_next_at(NOW, 18), NOW + 3600);
}

static void
test_next_at_gives_up_after_20(void **state)
{
	(void)state;
	/* attempts made before this failure: the 19th failed, then 20th. */
	assert_int_equal(MAIL_MAX_ATTEMPTS, 20);
	assert_int_equal(mail_next_at(NOW, 18), NOW + 3600);
	assert_int_equal(mail_next_at(NOW, 19), MAIL_NEVER);
	assert_int_equal(mail_next_at(NOW, 20), MAIL_NEVER);
	assert_int_equal(mail_next_at(NOW, INT64_MAX), MAIL_NEVER);
	assert_int_equal(mail_next_at(MAIL_NEVER - 10, 0), MAIL_NEVER);
}

/* ---- addresses ---- */

static void
test_addr_ok(void **state)
{
	static const struct { const char *a; bool ok; } c[] = {
		{ "budi@example.go.id", true }, { "a@b", true },
		{ "budi.s+seleksi@demak.go.id", true },
		{ "", false }, { "budi", false }, { "@demak.go.id", false },
		{ "budi@", false }, { "a@b@c", false },
		{ "budi @demak.go.id", false }, { "<budi@demak.go.id>", false },
		{ "budi@demak.go.id,x@y", false },
		{ "budi@demak.go.id\r\n", false }, { "b\"x\"@y", false },
		{ "budi@d\xc3\xa9mak.id", false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		if (mail_addr_ok(str_c(c[i].a)) != c[i].ok)
			fail_msg("mail_addr_ok(\"%s\") != %d", c[i].a,
			    c[i].ok);
}

static void
test_addr_at_most_254(void **state)
{
	char a[300];

	(void)state;
	memset(a, 'x', sizeof a);
	a[0] = 'b';
	a[1] = '@';
	assert_true(mail_addr_ok((struct str){ a, 254 }));
	assert_false(mail_addr_ok((struct str){ a, 255 }));
}

/* ---- the message ---- */

static struct mail_msg
msg(const char *to, const char *subject, const char *body)
{
	return (struct mail_msg){ STR("selter@demak.go.id"), str_c(to),
	    str_c(subject), str_c(body), NOW,
	    STR("<selter.1.00@demak.go.id>") };
}

/* mail_format into the arena (the buffer freed before any assertion). */
static char *
fmt(struct arena *ar, const struct mail_msg *m, enum sel_err *rc,
    char *why, size_t whysz)
{
	struct buf b;
	char *out;

	buf_init(&b, 8u << 20);
	why[0] = '\0';
	*rc = mail_format(&b, m, why, whysz);
	out = arena_strndup(ar, b.p != NULL ? b.p : "", b.len);
	buf_release(&b);
	return out;
}

static char *
fmt_ok(struct arena *ar, const struct mail_msg *m)
{
	char why[256];
	enum sel_err rc;
	char *out = fmt(ar, m, &rc, why, sizeof why);

	if (rc != SEL_OK)
		fail_msg("mail_format: %s", why);
	return out;
}

/* The head and the body, split at the first empty line. */
static char *
body_of(char *m)
{
	char *p = strstr(m, "\r\n\r\n");

	assert_non_null(p);
	*p = '\0';
	return p + 4;
}

static void
test_format_headers(void **state)
{
	struct mail_msg m = msg("budi@example.go.id", "Pendaftaran diterima",
	    "Yth. Budi,\n\nterima kasih.\n");
	char *out = fmt_ok(T_ARENA(state), &m), *body;

	body = body_of(out);
	assert_string_equal(out,
	    "Date: Mon, 23 Nov 2026 03:00:00 +0000\r\n"
	    "From: selter@demak.go.id\r\n"
	    "To: budi@example.go.id\r\n"
	    "Subject: Pendaftaran diterima\r\n"
	    "Message-ID: <selter.1.00@demak.go.id>\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "Content-Transfer-Encoding: 8bit");
	assert_string_equal(body, "Yth. Budi,\r\n\r\nterima kasih.\r\n");
}

static void
test_format_date(void **state)
{
	static const struct { int64_t t; const char *want; } c[] = {
		{ 0, "Date: Thu, 1 Jan 1970 00:00:00 +0000\r\n" },
		{ 1709251199, "Date: Thu, 29 Feb 2024 23:59:59 +0000\r\n" },
		{ NOW + 86400 * 6 + 3599,
		    "Date: Sun, 29 Nov 2026 03:59:59 +0000\r\n" },
	};

	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct mail_msg m = msg("a@b", "x", "y");
		char *out;

		m.date = c[i].t;
		out = fmt_ok(T_ARENA(state), &m);
		assert_memory_equal(out, c[i].want, strlen(c[i].want));
	}
}

/* Every encoded-word of the Subject header decoded and joined. */
static char *
subject_decoded(struct arena *ar, const char *m, size_t *maxline)
{
	const char *p = strstr(m, "Subject: "), *end = strstr(p, "\r\nMess");
	char *out = arena_alloc(ar, 1024);
	size_t n = 0, line = 0;

	*maxline = 0;
	for (const char *q = p; q < end; q++) {
		line = q[0] == '\r' ? 0 : line + 1;
		if (line > *maxline)
			*maxline = line;
	}
	while ((p = strstr(p, "=?UTF-8?B?")) != NULL && p < end) {
		const char *e = strstr(p + 10, "?=");
		size_t got;

		assert_true(e - p + 2 <= 75);		/* RFC 2047 2. */
		assert_int_equal(sodium_base642bin((unsigned char *)out + n,
		    1023 - n, p + 10, (size_t)(e - p - 10), NULL, &got,
		    NULL, sodium_base64_VARIANT_ORIGINAL), 0);
		/* Whole characters only: no word starts inside one. */
		assert_true(((unsigned char)out[n] & 0xc0) != 0x80);
		n += got;
		p = e + 2;
	}
	out[n] = '\0';
	return out;
}

static void
test_format_subject_rfc2047(void **state)
{
	static const char *const c[] = {
		"Pendaftaran diterima \xe2\x80\x94 Kabupaten Demak",
		/* em dashes across every chunk boundary */
		"\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94"
		"\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94"
		"\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94"
		"\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94",
		"x\xf0\x9f\x93\xa7\xf0\x9f\x93\xa7\xf0\x9f\x93\xa7\xf0\x9f\x93"
		"\xa7\xf0\x9f\x93\xa7\xf0\x9f\x93\xa7\xf0\x9f\x93\xa7\xf0\x9f"
		"\x93\xa7\xf0\x9f\x93\xa7\xf0\x9f\x93\xa7\xf0\x9f\x93\xa7",
		"Looks =?encoded?= but is not",
	};

	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct mail_msg m = msg("a@b", c[i], "y");
		char *out = fmt_ok(T_ARENA(state), &m);
		size_t maxline;

		t_contains(str_c(out), "Subject: =?UTF-8?B?");
		assert_string_equal(subject_decoded(T_ARENA(state), out,
		    &maxline), c[i]);
		assert_true(maxline <= 78);
	}
}

static void
test_format_body_crlf(void **state)
{
	static const struct { const char *in, *want; } c[] = {
		{ "a\nb\r\nc\rd", "a\r\nb\r\nc\r\nd\r\n" },
		{ "", "" },
		{ "\n\n", "\r\n\r\n" },
		{ "satu\r\n", "satu\r\n" },
		{ ".titik di awal\n", ".titik di awal\r\n" },
	};

	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct mail_msg m = msg("a@b", "x", c[i].in);
		char *out = fmt_ok(T_ARENA(state), &m), *body;

		/* No bare LF nor bare CR anywhere. */
		for (char *p = out; *p != '\0'; p++)
			if ((p[0] == '\n' && (p == out || p[-1] != '\r')) ||
			    (p[0] == '\r' && p[1] != '\n'))
				fail_msg("case %zu: bare CR or LF", i);
		body = body_of(out);
		assert_string_equal(body, c[i].want);
	}
}

static void
test_format_long_line_base64(void **state)
{
	struct arena *ar = T_ARENA(state);
	char *text = arena_alloc(ar, 2100), *out, *body;
	unsigned char *dec = arena_alloc(ar, 2200);
	size_t got;
	struct mail_msg m;

	/* 998 bytes on a line is 8bit still; 999 is not. */
	memset(text, 'a', 998);
	m = msg("a@b", "x", text);
	out = fmt_ok(ar, &m);
	t_contains(str_c(out), "Content-Transfer-Encoding: 8bit");
	memset(text, 'a', 2000);
	text[999] = '\n';
	m = msg("a@b", "x", text);
	out = fmt_ok(ar, &m);
	body = body_of(out);
	t_contains(str_c(out), "Content-Transfer-Encoding: base64");
	for (char *p = body, *e; (e = strstr(p, "\r\n")) != NULL; p = e + 2)
		assert_true(e - p <= 76);
	assert_int_equal(sodium_base642bin(dec, 2200, body, strlen(body),
	    "\r\n", &got, NULL, sodium_base64_VARIANT_ORIGINAL), 0);
	assert_int_equal(got, 2003);
	assert_memory_equal(dec + 999, "\r\n", 2);
	assert_memory_equal(dec + 2001, "\r\n", 2);
}

static void
refused(struct arena *ar, const char *to, const char *subject,
    const char *body, const char *want)
{
	struct mail_msg m = msg(to, subject, body);
	char why[256];
	enum sel_err rc;
	char *out = fmt(ar, &m, &rc, why, sizeof why);

	assert_int_equal(rc, SEL_EINVAL);
	assert_string_equal(out, "");		/* nothing written */
	t_contains(str_c(why), want);
}

static void
test_format_refuses_header_injection(void **state)
{
	struct arena *ar = T_ARENA(state);

	refused(ar, "budi@example.go.id\r\nBcc: all@example.go.id", "x", "y",
	    "refused: the recipient holds a line break (header injection)");
	refused(ar, "budi@example.go.id\nBcc: x@y", "x", "y",
	    "recipient holds a line break");
	refused(ar, "budi@example.go.id\r", "x", "y",
	    "recipient holds a line break");
	refused(ar, "a@b", "Halo\r\nBcc: all@example.go.id", "y",
	    "refused: the subject holds a line break (header injection)");
	refused(ar, "a@b", "Halo\nX: y", "y", "subject holds a line break");
	refused(ar, "a@b", "Halo\rX: y", "y", "subject holds a line break");
	refused(ar, "a@b", "Ha\x01lo", "y",
	    "subject holds a control character");
	refused(ar, "budi", "x", "y", "recipient is not an e-mail address");
	refused(ar, "", "x", "y", "recipient is not an e-mail address");
}

static void
test_format_refuses_large_body(void **state)
{
	struct arena *ar = T_ARENA(state);
	char *big = arena_alloc(ar, MAIL_BODY_MAX + 2);

	memset(big, 'a', MAIL_BODY_MAX + 1);
	refused(ar, "a@b", "x", big, "body is larger than");
	big[MAIL_BODY_MAX] = '\0';
	{
		struct mail_msg m = msg("a@b", "x", big);

		fmt_ok(ar, &m);
	}
}

/* ---- a pass on a real store ---- */

struct fx {
	struct app	*app;
	char		 path[64];
};

static int
fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct app_config cf = { 0 };
	char err[512];
	int fd;

	snprintf(f->path, sizeof f->path, "/tmp/selter-mail-XXXXXX");
	if ((fd = mkstemp(f->path)) < 0)
		return -1;
	close(fd);
	cf.db_path = f->path;
	cf.db_conns = 2;
	cf.now = "2026-11-23T03:00:00Z";	/* NOW */
	cf.argon_mem_kib = 8;
	cf.argon_ops = 1;
	if (app_open(&cf, &f->app, err, sizeof err) != SEL_OK) {
		fprintf(stderr, "app_open: %s\n", err);
		return -1;
	}
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx *f = *state;
	char side[80];

	app_close(f->app);
	unlink(f->path);
	snprintf(side, sizeof side, "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	free(f);
	return 0;
}

#define FX_TEST(fn)	{ #fn, fn, fx_setup, fx_teardown, NULL }

static void
queue(struct fx *f, const char *to, const char *subject)
{
	struct stx *tx;

	assert_int_equal(store_begin(f->app->st, true, &tx), SEL_OK);
	assert_int_equal(store_mail_add(tx, str_c(to), str_c(subject),
	    STR("isi"), NOW), SEL_OK);
	assert_int_equal(store_commit(f->app->st, tx), SEL_OK);
}

/* The row's attempts, next_at and last_error, read beside the store. */
static void
row(struct fx *f, int64_t id, int64_t *attempts, int64_t *next_at,
    char *err, size_t errsz)
{
	sqlite3 *db;
	sqlite3_stmt *q;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT attempts, next_at, "
	    "last_error, sent_at FROM outbox WHERE id = ?1", -1, &q, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(q, 1, id);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	*attempts = sqlite3_column_int64(q, 0);
	*next_at = sqlite3_column_int64(q, 1);
	snprintf(err, errsz, "%s", (const char *)sqlite3_column_text(q, 2));
	assert_int_equal(sqlite3_column_int64(q, 3), 0);	/* not sent */
	sqlite3_finalize(q);
	sqlite3_close(db);
}

static void
test_pass_dead_relay_retries_later(void **state)
{
	struct fx *f = *state;
	struct mail_config mc = { DEAD_RELAY, NULL, NULL, NULL, 0, 5 };
	struct mail_tally t;
	int64_t attempts, next_at;
	char err[512];

	queue(f, "budi@example.go.id", "Pendaftaran diterima");
	queue(f, "budi@example.go.id", "Halo\r\nBcc: all@example.go.id");
	assert_int_equal(mail_pass(f->app, &mc, &t), SEL_OK);
	assert_int_equal(t.sent, 0);
	assert_int_equal(t.failed, 2);
	assert_int_equal(t.waiting, 1);		/* the refused one: never */
	row(f, 1, &attempts, &next_at, err, sizeof err);
	assert_int_equal(attempts, 1);
	assert_int_equal(next_at, NOW + 30);
	t_contains(str_c(err), "onnect");
	row(f, 2, &attempts, &next_at, err, sizeof err);
	assert_int_equal(attempts, 1);
	assert_int_equal(next_at, MAIL_NEVER);
	t_contains(str_c(err), "header injection");
	/* The clock has not moved: nothing is due, nothing is tried. */
	assert_int_equal(mail_pass(f->app, &mc, &t), SEL_OK);
	assert_int_equal(t.failed + t.sent, 0);
	assert_int_equal(t.waiting, 1);
	row(f, 1, &attempts, &next_at, err, sizeof err);
	assert_int_equal(attempts, 1);
}

static void
test_pass_needs_url_and_from(void **state)
{
	struct fx *f = *state;
	struct mail_config mc = { "", NULL, NULL, NULL, 0, 0 };

	assert_int_equal(mail_pass(f->app, &mc, NULL), SEL_EINVAL);
	mc.url = DEAD_RELAY;
	mc.from = "not an address";
	assert_int_equal(mail_pass(f->app, &mc, NULL), SEL_EINVAL);
}

static void
test_mailer_stops_promptly(void **state)
{
	struct fx *f = *state;
	struct mail_config mc = { DEAD_RELAY, NULL, NULL, NULL, 3600, 5 };
	struct mailer *ml = NULL;
	struct timespec t0, t1;
	int64_t attempts = 0, next_at;
	char err[512];

	queue(f, "budi@example.go.id", "Pendaftaran diterima");
	assert_int_equal(mailer_start(f->app, &mc, &ml, err, sizeof err),
	    SEL_OK);
	/* The first pass runs at once; then it waits an hour. */
	for (int i = 0; i < 100 && attempts == 0; i++) {
		usleep(50000);
		row(f, 1, &attempts, &next_at, err, sizeof err);
	}
	assert_int_equal(attempts, 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	mailer_stop(ml);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(t1.tv_sec - t0.tv_sec < 2);
}

/* A relay that takes the connection and never says a word. */
static int
mute_relay(char *url, size_t urlsz)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	int s = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(s >= 0);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(listen(s, 4), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sa, &len), 0);
	snprintf(url, urlsz, "smtp://127.0.0.1:%d", ntohs(sa.sin_port));
	return s;
}

static void
test_mailer_stop_aborts_exchange(void **state)
{
	struct fx *f = *state;
	char url[64], err[512];
	int s = mute_relay(url, sizeof url);
	struct mail_config mc = { url, NULL, NULL, NULL, 3600, 30 };
	struct mailer *ml = NULL;
	struct timespec t0, t1;
	int64_t attempts, next_at;

	queue(f, "budi@example.go.id", "Pendaftaran diterima");
	assert_int_equal(mailer_start(f->app, &mc, &ml, err, sizeof err),
	    SEL_OK);
	usleep(300000);		/* waiting for the relay's greeting */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	mailer_stop(ml);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	close(s);
	assert_true(t1.tv_sec - t0.tv_sec < 3);
	/* Not an attempt: the mail stays due, untouched. */
	row(f, 1, &attempts, &next_at, err, sizeof err);
	assert_int_equal(attempts, 0);
	assert_int_equal(next_at, NOW);
	assert_string_equal(err, "");
}

static void
test_mailer_refuses_bad_from(void **state)
{
	struct fx *f = *state;
	struct mail_config mc = { DEAD_RELAY, "x", NULL, NULL, 1, 5 };
	struct mailer *ml = NULL;
	char err[512];

	assert_int_equal(mailer_start(f->app, &mc, &ml, err, sizeof err),
	    SEL_EINVAL);
	assert_null(ml);
	t_contains(str_c(err), "smtp_from: \"x\" is not an e-mail address");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_next_at_doubles_from_30s),
		T_TEST(test_next_at_at_most_an_hour),
		T_TEST(test_next_at_gives_up_after_20),
		T_TEST(test_addr_ok),
		T_TEST(test_addr_at_most_254),
		T_TEST(test_format_headers),
		T_TEST(test_format_date),
		T_TEST(test_format_subject_rfc2047),
		T_TEST(test_format_body_crlf),
		T_TEST(test_format_long_line_base64),
		T_TEST(test_format_refuses_header_injection),
		T_TEST(test_format_refuses_large_body),
		FX_TEST(test_pass_dead_relay_retries_later),
		FX_TEST(test_pass_needs_url_and_from),
		FX_TEST(test_mailer_stops_promptly),
		FX_TEST(test_mailer_stop_aborts_exchange),
		FX_TEST(test_mailer_refuses_bad_from),
	};

	return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}
