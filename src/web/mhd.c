/*
 * mhd.c - libmicrohttpd facts outside the access handler: a request's
 * framing, checked when its headers are first seen, and the library's
 * version (for `selter version`), and its error messages into the log.
 *
 * libmicrohttpd 0.9.75 reads a request carrying both Content-Length and
 * Transfer-Encoding: chunked as chunked, so the bytes after its last
 * chunk become a second request: behind a proxy that frames by
 * Content-Length, a smuggled one.  A coding other than plain "chunked"
 * ("gzip, chunked") makes it read until the client closes.  Both are
 * refused before any body is read (RFC 9112, 6.1 and 6.3).
 *
 * It also queues a response only before a request's body or after all of
 * it: a chunked body (no Content-Length to refuse at the headers) that
 * passes the route's limit would be read to its end before its 413.
 * web_send_now writes that answer itself, at once, and the access handler
 * then ends the connection (MHD logs "Application reported internal
 * error, closing connection.": that is this, not a fault).
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "base/buf.h"
#include "base/log.h"
#include "web/web.h"
#include "base/banned.h"

struct framing {
	int		 te, cl;	/* how many of each header */
	const char	*te_value;
};

static enum MHD_Result
count_header(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct framing *f = cls;

	(void)kind;
	if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
		f->te++;
		f->te_value = value;
	} else if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
		f->cl++;
	}
	return MHD_YES;
}

/* value is "chunked", any case, with optional blanks around it. */
static bool
only_chunked(const char *value)
{
	size_t n;

	if (value == NULL)
		return false;
	while (*value == ' ' || *value == '\t')
		value++;
	n = strlen(value);
	while (n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t'))
		n--;
	return n == 7 && strncasecmp(value, "chunked", 7) == 0;
}

unsigned
web_framing(void *conn, const char **msg)
{
	struct framing f = { 0, 0, NULL };

	MHD_get_connection_values(conn, MHD_HEADER_KIND, count_header, &f);
	if (f.te > 0 && f.cl > 0) {
		*msg = "Permintaan memuat Content-Length dan Transfer-Encoding "
		    "sekaligus: panjang isinya tidak jelas.";
		return MHD_HTTP_BAD_REQUEST;
	}
	if (f.cl > 1) {
		*msg = "Permintaan memuat lebih dari satu Content-Length.";
		return MHD_HTTP_BAD_REQUEST;
	}
	if (f.te > 1 || (f.te == 1 && !only_chunked(f.te_value))) {
		*msg = "Transfer-Encoding ini tidak didukung: kirim isian "
		    "tanpa pengodean, atau hanya \"chunked\".";
		return MHD_HTTP_NOT_IMPLEMENTED;
	}
	return 0;
}

static enum MHD_Result
put_header(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct buf *b = cls;

	(void)kind;
	buf_printf(b, "%s: %s\r\n", key, value);
	return MHD_YES;
}

/* Writes all of p to the non-blocking socket fd, waiting 1 s at most. */
static bool
send_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = send(fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
		struct pollfd pf = { fd, POLLOUT, 0 };

		if (k > 0) {
			p += k;
			n -= (size_t)k;
		} else if (k < 0 && errno == EINTR) {
			continue;
		} else if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (poll(&pf, 1, 1000) <= 0)
				return false;
		} else {
			return false;
		}
	}
	return true;
}

bool
web_send_now(void *conn, unsigned status, void *response, const char *body,
    size_t len)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn,
	    MHD_CONNECTION_INFO_CONNECTION_FD);
	const char *reason = MHD_get_reason_phrase_for(status);
	struct buf b;
	bool ok;

	if (ci == NULL)
		return false;
	buf_init(&b, 64 << 10);
	buf_printf(&b, "HTTP/1.1 %u %s\r\n", status, reason != NULL ?
	    reason : "");
	MHD_get_response_headers(response, put_header, &b);
	buf_printf(&b, "Content-Length: %zu\r\n\r\n", len);
	ok = !b.err && send_all(ci->connect_fd, b.p, b.len) &&
	    send_all(ci->connect_fd, body, len);
	buf_release(&b);
	if (ok)		/* the answer, then the end: nothing more to read */
		(void)shutdown(ci->connect_fd, SHUT_WR);
	return ok;
}

const char *
web_lib_version(void)
{
	return MHD_get_version();
}

void
web_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[1024];
	int n;

	(void)cls;
	n = vsnprintf(msg, sizeof msg, fmt, ap);
	while (n > 0 && (size_t)n < sizeof msg && msg[n - 1] == '\n')
		msg[--n] = '\0';	/* libmicrohttpd ends lines itself */
	log_msg("error", "http", "%s", msg);
}
