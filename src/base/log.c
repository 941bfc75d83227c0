/*
 * log.c - JSON lines on standard error.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/banned.h"

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void
civil(int64_t z, int *y, unsigned *m, unsigned *d)
{
	int64_t era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void
log_vmsg(const char *level, const char *in, const char *fmt, va_list ap)
{
	char msg[1024];
	int64_t t = (int64_t)time(NULL), s = t % 86400;
	struct buf b;
	unsigned m, d;
	int y, n;
	ssize_t w;

	n = vsnprintf(msg, sizeof msg, fmt, ap);
	if (n < 0)
		return;
	civil(t / 86400, &y, &m, &d);
	buf_init(&b, 8192);
	buf_printf(&b, "{\"t\":\"%04d-%02u-%02uT%02d:%02d:%02dZ\",\"level\":\"",
	    y, m, d, (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
	json_escape(&b, str_c(level));
	buf_puts(&b, "\",\"in\":\"");
	json_escape(&b, str_c(in));
	buf_puts(&b, "\",\"msg\":\"");
	json_escape(&b, (struct str){ msg, (size_t)n < sizeof msg ?
	    (size_t)n : sizeof msg - 1 });
	buf_puts(&b, "\"}\n");
	if (b.err == SEL_OK)
		w = write(STDERR_FILENO, b.p, b.len);
	(void)w;
	buf_release(&b);
}

void
log_msg(const char *level, const char *in, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vmsg(level, in, fmt, ap);
	va_end(ap);
}
