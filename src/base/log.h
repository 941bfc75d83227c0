/*
 * log.h - the error log: one JSON object per line on standard error,
 * {"t": UTC time, "level": "error"|"warning"|"info", "in": component,
 * "msg": text},
 * so that a log collector reads it without patterns.  Thread-safe (one
 * write(2) per line).  The access log is the web layer's own (server.c).
 */
#ifndef SELTER_BASE_LOG_H
#define SELTER_BASE_LOG_H

#include <stdarg.h>

void	log_msg(const char *level, const char *in, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	log_vmsg(const char *level, const char *in, const char *fmt,
	    va_list);

#endif
