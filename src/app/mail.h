/*
 * mail.h - the sender of the e-mail outbox: every notification is written
 * into the store's outbox in the transaction of what it reports
 * (store_mail_add); this delivers it later through an SMTP relay
 * (libcurl), and retries with a growing wait when the relay fails.
 *
 * A pass reads the due mails in a short read transaction, sends each one
 * outside any transaction (a slow relay never holds the store's lock),
 * then records the outcome in a short write transaction of its own.
 * Delivery is at least once: a crash between the relay's "250" and that
 * write sends the mail again at the next pass.  Only one sender should
 * run against a store at a time (the web application's mailer, or
 * `selter mail send`): two would both send a mail due for both.
 *
 * A mail refused here (a line break in the recipient or the subject: a
 * header injection; a recipient that is not an address) is never sent and
 * never retried: it is marked failed with next_at MAIL_NEVER and the
 * reason in last_error.
 *
 * Ownership: the mailer copies the configuration's strings; everything a
 * pass reads lives in its own arena and dies with it.
 */
#ifndef SELTER_APP_MAIL_H
#define SELTER_APP_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"

struct app;
struct buf;
struct mailer;

#define MAIL_FROM_DEFAULT	"selter@localhost"
#define MAIL_INTERVAL_DEFAULT	5	/* seconds between passes */
#define MAIL_BATCH		50	/* mails a pass takes at most */
#define MAIL_MAX_ATTEMPTS	20	/* then the mail stays failed */
#define MAIL_RETRY_FIRST	30	/* seconds after the first failure */
#define MAIL_RETRY_MAX		3600	/* the wait never grows past 1 h */
#define MAIL_NEVER	INT64_C(253402300799)	/* 9999-12-31T23:59:59Z */
#define MAIL_BODY_MAX	(1u << 20)	/* a larger body is refused */

struct mail_config {
	const char	*url;		/* "smtp://127.0.0.1:2525" or
					   smtps://; NULL or "": no sending */
	const char	*from;		/* NULL or "": MAIL_FROM_DEFAULT */
	const char	*user;		/* NULL or "": no SMTP AUTH */
	const char	*password;
	int		 interval;	/* mailer: seconds; <= 0: default */
	int		 timeout;	/* one SMTP exchange; <= 0: 60 s */
};

/* What a pass did. */
struct mail_tally {
	int64_t		 sent, failed;
	int64_t		 waiting;	/* still to send after the pass (not
					   counting mails given up) */
};

/* One message, as the outbox holds it plus what the sender adds. */
struct mail_msg {
	struct str	 from, to, subject, body;
	int64_t		 date;		/* Unix seconds, the Date header */
	struct str	 msgid;		/* "<...@...>" */
};

/*
 * When to try again after a failed attempt, attempts being the number
 * made before it (the outbox row's count, 0 at first): now + 30 s x
 * 2^attempts, at most now + 1 h; MAIL_NEVER once this failure is the
 * MAIL_MAX_ATTEMPTS-th.  Pure.
 */
int64_t		mail_next_at(int64_t now, int64_t attempts);

/*
 * A bare address "local@domain" we can put in RCPT TO and a header:
 * printable ASCII, no space, no <>(),;:"\ nor '[' ']', one '@' with text
 * on both sides, at most 254 bytes.  (Internationalized addresses are
 * refused: SMTPUTF8 is not negotiated.)
 */
bool		mail_addr_ok(struct str);

/*
 * The RFC 5322 message into b: Date, From, To, Subject (RFC 2047 base64
 * encoded-words when not plain ASCII), Message-ID, MIME-Version,
 * Content-Type text/plain UTF-8, Auto-Submitted; the body with CRLF line
 * endings, 8bit, or base64 when a line is longer than RFC 5322's 998
 * bytes.  SEL_EINVAL with why (English, for last_error) when the mail must
 * not be sent: a CR or LF in to or subject (header injection), another
 * control byte, a bad address, a body over MAIL_BODY_MAX.  Pure.
 */
enum sel_err	mail_format(struct buf *b, const struct mail_msg *,
		    char *why, size_t whysz);

/*
 * One pass: up to MAIL_BATCH mails due at app_now, each sent and its
 * outcome recorded; each failure logged (log_msg "error", "mail").
 * SEL_EINVAL: cf has no url or a bad from address; SEL_ESTORE: the store
 * failed (what was recorded before stays).  t may be NULL.
 */
enum sel_err	mail_pass(struct app *, const struct mail_config *,
		    struct mail_tally *t);

/*
 * A thread that runs a pass every cf->interval seconds until
 * mailer_stop, which wakes it at once, aborts an SMTP exchange in flight
 * (that mail stays due) and joins it.  Call mailer_stop before app_close.
 */
enum sel_err	mailer_start(struct app *, const struct mail_config *,
		    struct mailer **, char *err, size_t errsz);
void		mailer_stop(struct mailer *);

#endif
