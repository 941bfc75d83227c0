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
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

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
