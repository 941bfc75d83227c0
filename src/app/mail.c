/*
 * mail.c - the outbox's sender: the retry schedule, the message (RFC
 * 5322, RFC 2047), one SMTP exchange through libcurl, one pass over the
 * due mails, and the mailer thread.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "app/app_int.h"
#include "app/mail.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/log.h"
#include "core/date.h"
#include "store/store.h"
#include "base/banned.h"

#define SUBJECT_CHUNK	39	/* bytes per encoded-word: 52 base64
				   characters, a 73-column first line */
#define LINE_MAX_8BIT	998	/* RFC 5322 section 2.1.1 */
#define B64_CHUNK	57	/* bytes per base64 body line: 76 columns */
#define MSG_MAX		(4 * MAIL_BODY_MAX)	/* CRLF, then base64 */

/* ---- the retry schedule ---- */

int64_t
mail_next_at(int64_t now, int64_t attempts)
{
	int64_t wait = MAIL_RETRY_MAX;

	if (attempts < 0)
		attempts = 0;
	if (attempts + 1 >= MAIL_MAX_ATTEMPTS)
		return MAIL_NEVER;
	/* 30 << 7 is past the hour already: no shift can overflow. */
	if (attempts < 7)
		wait = (int64_t)MAIL_RETRY_FIRST << attempts;
	if (wait > MAIL_RETRY_MAX)
		wait = MAIL_RETRY_MAX;
	if (now > MAIL_NEVER - wait)
		return MAIL_NEVER;
	return now + wait;
}

/* ---- the message ---- */

bool
mail_addr_ok(struct str a)
{
	size_t at = SIZE_MAX;

	if (a.len == 0 || a.len > 254)
		return false;
	for (size_t i = 0; i < a.len; i++) {
		unsigned char c = (unsigned char)a.p[i];

		/* c > ' ', so strchr never matches the terminator. */
		if (c <= ' ' || c >= 0x7f || strchr("<>()[],;:\"\\", c))
			return false;
		if (c == '@') {
			if (at != SIZE_MAX)
				return false;
			at = i;
		}
	}
	return at != SIZE_MAX && at > 0 && at + 1 < a.len;
}

/* Why s may not go into a header line, or NULL. */
static const char *
header_bad(struct str s)
{
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (c == '\r' || c == '\n')
			return "holds a line break (header injection)";
		if ((c < ' ' && c != '\t') || c == 0x7f)
			return "holds a control character";
	}
	return NULL;
}

/*
 * Refuses what must not be sent: why (English) names the field.  Returns
 * SEL_OK when every header field is safe.
 */
static enum sel_err
msg_check(const struct mail_msg *m, char *why, size_t whysz)
{
	const char *bad;

	if ((bad = header_bad(m->to)) != NULL) {
		snprintf(why, whysz, "refused: the recipient %s", bad);
		return SEL_EINVAL;
	}
	if (!mail_addr_ok(m->to)) {
		snprintf(why, whysz, "refused: the recipient is not an "
		    "e-mail address");
		return SEL_EINVAL;
	}
	if ((bad = header_bad(m->subject)) != NULL) {
		snprintf(why, whysz, "refused: the subject %s", bad);
		return SEL_EINVAL;
	}
	if (!mail_addr_ok(m->from) || header_bad(m->msgid) != NULL) {
		snprintf(why, whysz, "refused: the sender is not an e-mail "
		    "address");
		return SEL_EINVAL;
	}
	if (m->body.len > MAIL_BODY_MAX) {
		snprintf(why, whysz, "refused: the body is larger than %u "
		    "bytes", MAIL_BODY_MAX);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

/* Plain ASCII a reader shows as it is (no "=?" that looks encoded). */
static bool
subject_plain(struct str s)
{
	if (s.len > LINE_MAX_8BIT - 10)
		return false;
	for (size_t i = 0; i < s.len; i++)
		if ((unsigned char)s.p[i] >= 0x80 ||
		    (s.p[i] == '=' && i + 1 < s.len && s.p[i + 1] == '?'))
			return false;
	return true;
}

/*
 * RFC 2047 base64 encoded-words, folded one to a line.  A word holds
 * whole UTF-8 characters only (RFC 2047 section 5): a chunk ends before
 * a continuation byte.
 */
static void
put_subject(struct buf *b, struct str s)
{
	char enc[80];
	size_t i = 0;

	buf_puts(b, "Subject: ");
	if (subject_plain(s)) {
		buf_putstr(b, s);
		buf_puts(b, "\r\n");
		return;
	}
	while (i < s.len) {
		size_t n = s.len - i < SUBJECT_CHUNK ? s.len - i :
		    SUBJECT_CHUNK;

		for (int k = 0; k < 3 && n > 1 && i + n < s.len &&
		    ((unsigned char)s.p[i + n] & 0xc0) == 0x80; k++)
			n--;
		sodium_bin2base64(enc, sizeof enc,
		    (const unsigned char *)s.p + i, n,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s=?UTF-8?B?%s?=", i > 0 ? "\r\n " : "", enc);
		i += n;
	}
	buf_puts(b, "\r\n");
}

/* "Date: Mon, 23 Nov 2026 03:00:00 +0000" (RFC 5322 section 3.3). */
static void
put_date(struct buf *b, int64_t t)
{
	static const char wday[7][4] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int64_t days = t / 86400, secs = t % 86400;
	int y, m, d;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	date_ymd((sel_date)days, &y, &m, &d);
	buf_printf(b, "Date: %s, %d %s %04d %02d:%02d:%02d +0000\r\n",
	    wday[date_weekday((sel_date)days)], d, mon[m - 1], y,
	    (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

/*
 * The body with every line ending (LF, CR, CRLF) made CRLF, ending with
 * one; *longest is the longest line, without its CRLF.
 */
static void
body_crlf(struct buf *out, struct str s, size_t *longest)
{
	size_t line = 0;

	*longest = 0;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] != '\r' && s.p[i] != '\n') {
			buf_putc(out, s.p[i]);
			line++;
			continue;
		}
		if (s.p[i] == '\r' && i + 1 < s.len && s.p[i + 1] == '\n')
			i++;
		buf_puts(out, "\r\n");
		if (line > *longest)
			*longest = line;
		line = 0;
	}
	if (line > *longest)
		*longest = line;
	if (line > 0)
		buf_puts(out, "\r\n");
}

static void
put_body(struct buf *b, struct str body)
{
	struct buf c;
	char enc[80];
	size_t longest;

	buf_init(&c, 2 * MAIL_BODY_MAX + 2);
	body_crlf(&c, body, &longest);
	if (c.err != SEL_OK)
		b->err = c.err;
	else if (longest <= LINE_MAX_8BIT) {
		buf_puts(b, "Content-Transfer-Encoding: 8bit\r\n\r\n");
		if (c.len > 0)
			buf_put(b, c.p, c.len);
	} else {
		buf_puts(b, "Content-Transfer-Encoding: base64\r\n\r\n");
		for (size_t i = 0; i < c.len; i += B64_CHUNK) {
			size_t n = c.len - i < B64_CHUNK ? c.len - i :
			    B64_CHUNK;

			sodium_bin2base64(enc, sizeof enc,
			    (const unsigned char *)c.p + i, n,
			    sodium_base64_VARIANT_ORIGINAL);
			buf_printf(b, "%s\r\n", enc);
		}
	}
	buf_release(&c);
}

enum sel_err
mail_format(struct buf *b, const struct mail_msg *m, char *why,
    size_t whysz)
{
	if (msg_check(m, why, whysz) != SEL_OK)
		return SEL_EINVAL;
	put_date(b, m->date);
	buf_puts(b, "From: ");
	buf_putstr(b, m->from);
	buf_puts(b, "\r\nTo: ");
	buf_putstr(b, m->to);
	buf_puts(b, "\r\n");
	put_subject(b, m->subject);
	buf_puts(b, "Message-ID: ");
	buf_putstr(b, m->msgid);
	buf_puts(b, "\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Auto-Submitted: auto-generated\r\n");
	put_body(b, m->body);
	if (b->err != SEL_OK) {
		snprintf(why, whysz, "refused: the message is too large");
		return SEL_EINVAL;
	}
	return SEL_OK;
}

/* ---- one SMTP exchange ---- */

struct sender {
	const char	*url, *from, *user, *password;
	long		 timeout;
	atomic_bool	*stop;		/* NULL: never asked to stop */
};

struct upload {
	const char	*p;
	size_t		 len, off;
};

static size_t
up_read(char *dst, size_t size, size_t nmemb, void *cls)
{
	struct upload *u = cls;
	size_t n = size * nmemb, left = u->len - u->off;

	if (n > left)
		n = left;
	memcpy(dst, u->p + u->off, n);
	u->off += n;
	return n;
}

/* libcurl calls it about once a second: nonzero aborts the exchange. */
static int
up_progress(void *cls, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	atomic_bool *stop = cls;

	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	return stop != NULL && atomic_load(stop);
}

static CURLcode
smtp_setup(CURL *c, const struct sender *s, struct curl_slist *rcpt,
    const char *from, struct upload *u, char *ebuf)
{
	bool auth = s->user != NULL && s->user[0] != '\0';
	CURLcode result;

	/* Never send a password in the clear: STARTTLS is then required. */
	result = curl_easy_setopt(c, CURLOPT_URL, s->url) ||
	    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps") ||
	    curl_easy_setopt(c, CURLOPT_USE_SSL, auth ? (long)CURLUSESSL_ALL :
	    (long)CURLUSESSL_TRY) ||
	    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from) ||
	    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt) ||
	    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L) ||
	    curl_easy_setopt(c, CURLOPT_READFUNCTION, up_read) ||
	    curl_easy_setopt(c, CURLOPT_READDATA, u) ||
	    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) ||
	    curl_easy_setopt(c, CURLOPT_TIMEOUT, s->timeout) ||
	    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L) ||
	    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf) ||
	    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L) ||
	    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, up_progress) ||
	    curl_easy_setopt(c, CURLOPT_XFERINFODATA, s->stop) ?
	    CURLE_FAILED_INIT : CURLE_OK;
	if (result == CURLE_OK && auth)
		result = curl_easy_setopt(c, CURLOPT_USERNAME, s->user) ||
		    curl_easy_setopt(c, CURLOPT_PASSWORD, s->password != NULL ?
		    s->password : "") ? CURLE_FAILED_INIT : CURLE_OK;
	return result;
}

/*
 * Sends the formatted message msg to one recipient.  SEL_EBUSY: stopped
 * by the mailer (the mail stays due); SEL_EIO: failed, why says how.
 */
static enum sel_err
smtp_send(const struct sender *s, struct str to, const struct buf *msg,
    char *why, size_t whysz)
{
	char ebuf[CURL_ERROR_SIZE] = "", from[300], rcpt_s[300];
	struct upload u = { msg->p, msg->len, 0 };
	struct curl_slist *rcpt;
	CURL *c = curl_easy_init();
	CURLcode result = CURLE_FAILED_INIT;
	long code = 0;
	size_t off;

	snprintf(from, sizeof from, "<%s>", s->from);
	snprintf(rcpt_s, sizeof rcpt_s, "<%.*s>", (int)to.len, to.p);
	rcpt = curl_slist_append(NULL, rcpt_s);
	if (c != NULL && rcpt != NULL &&
	    smtp_setup(c, s, rcpt, from, &u, ebuf) == CURLE_OK)
		result = curl_easy_perform(c);
	if (result != CURLE_OK && c != NULL)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	if (result == CURLE_OK)
		return SEL_OK;
	if (result == CURLE_ABORTED_BY_CALLBACK)
		return SEL_EBUSY;
	off = 0;
	str_appendf(why, whysz, &off, "%s", curl_easy_strerror(result));
	if (code != 0)
		str_appendf(why, whysz, &off, " (smtp %ld)", code);
	if (ebuf[0] != '\0')
		str_appendf(why, whysz, &off, ": %s", ebuf);
	return SEL_EIO;
}

/* ---- one pass ---- */

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_ready = CURLE_FAILED_INIT;

static void
curl_start(void)
{
	curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static enum sel_err
sender_init(struct sender *s, const struct mail_config *cf,
    atomic_bool *stop)
{
	s->url = cf->url;
	s->from = cf->from != NULL && cf->from[0] != '\0' ? cf->from :
	    MAIL_FROM_DEFAULT;
	s->user = cf->user;
	s->password = cf->password;
	s->timeout = cf->timeout > 0 ? cf->timeout : 60;
	s->stop = stop;
	if (s->url == NULL || s->url[0] == '\0' ||
	    !mail_addr_ok(str_c(s->from)))
		return SEL_EINVAL;
	pthread_once(&curl_once, curl_start);
	return curl_ready == CURLE_OK ? SEL_OK : SEL_EINTERNAL;
}

/* "<selter.ID.RANDOM@DOMAIN>", the domain the sender's. */
static struct str
msgid_new(struct arena *ar, int64_t id, const char *from)
{
	unsigned char r[8];
	char hex[sizeof r * 2 + 1];
	const char *at = strchr(from, '@');

	randombytes_buf(r, sizeof r);
	sodium_bin2hex(hex, sizeof hex, r, sizeof r);
	return arena_printf(ar, "<selter.%" PRId64 ".%s@%s>", id, hex,
	    at != NULL ? at + 1 : "localhost");
}

/* Records the outcome in a write transaction of its own. */
static enum sel_err
record(struct app *a, const struct s_mail *m, int64_t next_at,
    const char *why)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	if (why == NULL)
		rc = store_mail_sent(tx, m->id, app_now(a));
	else
		rc = store_mail_failed(tx, m->id, next_at, str_c(why));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return store_commit(a->st, tx);
}

static enum sel_err
failed(struct app *a, struct arena *ar, const struct s_mail *m,
    int64_t next_at, const char *why)
{
	struct str when = app_iso(ar, next_at);

	log_msg("error", "mail", "outbox %" PRId64 ", attempt %" PRId64
	    ": %s; %s%.*s", m->id, m->attempts + 1, why,
	    next_at == MAIL_NEVER ? "given up" : "next attempt at ",
	    next_at == MAIL_NEVER ? 0 : (int)when.len, when.p);
	return record(a, m, next_at, why);
}

/* One mail: formatted, sent outside any transaction, recorded. */
static enum sel_err
deliver(struct app *a, const struct sender *s, struct arena *ar,
    const struct s_mail *m, struct mail_tally *t)
{
	struct mail_msg msg = { str_c(s->from), m->to, m->subject, m->body,
	    app_now(a), msgid_new(ar, m->id, s->from) };
	char why[CURL_ERROR_SIZE + 128] = "";
	struct buf b;
	enum sel_err rc, sent;

	buf_init(&b, MSG_MAX);
	if (mail_format(&b, &msg, why, sizeof why) != SEL_OK) {
		t->failed++;
		rc = failed(a, ar, m, MAIL_NEVER, why);
	} else if ((sent = smtp_send(s, m->to, &b, why, sizeof why)) ==
	    SEL_OK) {
		t->sent++;
		rc = record(a, m, 0, NULL);
	} else if (sent == SEL_EBUSY) {
		rc = SEL_OK;		/* stopping: it stays due */
	} else {
		t->failed++;
		rc = failed(a, ar, m, mail_next_at(app_now(a), m->attempts),
		    why);
	}
	buf_release(&b);
	return rc;
}

static enum sel_err
due(struct app *a, struct arena *ar, struct s_mail **m, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_mail_due(tx, ar, app_now(a), MAIL_BATCH, m, n);
	store_abort(a->st, tx);
	return rc;
}

static enum sel_err
waiting(struct app *a, int64_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_mail_waiting(tx, MAIL_NEVER, n);
	store_abort(a->st, tx);
	return rc;
}

static enum sel_err
pass_run(struct app *a, const struct mail_config *cf, atomic_bool *stop,
    struct mail_tally *out)
{
	struct mail_tally t = { 0, 0, 0 };
	struct sender s;
	struct arena *ar;
	struct s_mail *m = NULL;
	size_t n = 0;
	enum sel_err rc;

	if ((rc = sender_init(&s, cf, stop)) != SEL_OK)
		return rc;
	ar = arena_new(1 << 16);
	rc = due(a, ar, &m, &n);
	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		if (stop != NULL && atomic_load(stop))
			break;
		rc = deliver(a, &s, ar, &m[i], &t);
	}
	if (rc == SEL_OK)
		rc = waiting(a, &t.waiting);
	arena_destroy(ar);
	if (out != NULL)
		*out = t;
	return rc;
}

enum sel_err
mail_pass(struct app *a, const struct mail_config *cf,
    struct mail_tally *t)
{
	return pass_run(a, cf, NULL, t);
}

/* ---- the mailer thread ---- */

struct mailer {
	struct app		*app;
	struct arena		*ar;	/* the configuration's strings */
	struct mail_config	 cf;
	char			*password;	/* cf's, wiped at the end */
	pthread_t		 th;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;	/* mailer_stop signals it */
	atomic_bool		 stop;	/* set under mu */
};

static void *
mailer_run(void *cls)
{
	struct mailer *ml = cls;
	struct timespec until;
	enum sel_err rc;

	pthread_mutex_lock(&ml->mu);
	while (!atomic_load(&ml->stop)) {
		pthread_mutex_unlock(&ml->mu);
		rc = pass_run(ml->app, &ml->cf, &ml->stop, NULL);
		if (rc != SEL_OK)
			log_msg("error", "mail", "a pass failed: %s",
			    sel_strerror(rc));
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += ml->cf.interval;
		pthread_mutex_lock(&ml->mu);
		while (!atomic_load(&ml->stop) && pthread_cond_timedwait(
		    &ml->cv, &ml->mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&ml->mu);
	return NULL;
}

static const char *
dup_or_null(struct arena *ar, const char *s)
{
	return s != NULL ? arena_strndup(ar, s, strlen(s)) : NULL;
}

static void
mailer_free(struct mailer *ml)
{
	if (ml->password != NULL)
		sodium_memzero(ml->password, strlen(ml->password));
	pthread_cond_destroy(&ml->cv);
	pthread_mutex_destroy(&ml->mu);
	arena_destroy(ml->ar);
}

static struct mailer *
mailer_new(struct app *a, const struct mail_config *cf)
{
	struct arena *ar = arena_new(4096);
	struct mailer *ml = arena_alloc(ar, sizeof *ml);
	pthread_condattr_t ca;

	ml->app = a;
	ml->ar = ar;
	if (cf->password != NULL)
		ml->password = arena_strndup(ar, cf->password,
		    strlen(cf->password));
	ml->cf = (struct mail_config){ dup_or_null(ar, cf->url),
	    dup_or_null(ar, cf->from), dup_or_null(ar, cf->user),
	    ml->password, cf->interval > 0 ? cf->interval :
	    MAIL_INTERVAL_DEFAULT, cf->timeout };
	atomic_init(&ml->stop, false);
	pthread_mutex_init(&ml->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&ml->cv, &ca);
	pthread_condattr_destroy(&ca);
	return ml;
}

enum sel_err
mailer_start(struct app *a, const struct mail_config *cf,
    struct mailer **out, char *err, size_t errsz)
{
	struct mailer *ml = mailer_new(a, cf);
	struct sender s;
	enum sel_err rc;
	int e;

	if ((rc = sender_init(&s, &ml->cf, NULL)) != SEL_OK) {
		if (s.url == NULL || s.url[0] == '\0')
			snprintf(err, errsz, "smtp_url: empty");
		else if (rc == SEL_EINVAL)
			snprintf(err, errsz, "smtp_from: \"%s\" is not an "
			    "e-mail address", s.from);
		else
			snprintf(err, errsz, "libcurl failed to start");
		mailer_free(ml);
		return rc;
	}
	if ((e = pthread_create(&ml->th, NULL, mailer_run, ml)) != 0) {
		snprintf(err, errsz, "mailer: no thread: %s", strerror(e));
		mailer_free(ml);
		return SEL_EIO;
	}
	*out = ml;
	return SEL_OK;
}

void
mailer_stop(struct mailer *ml)
{
	if (ml == NULL)
		return;
	pthread_mutex_lock(&ml->mu);
	atomic_store(&ml->stop, true);
	pthread_cond_signal(&ml->cv);
	pthread_mutex_unlock(&ml->mu);
	pthread_join(ml->th, NULL);
	mailer_free(ml);
}
