#include <stdarg.h>
#include <stdio.h>

#include "base/err.h"
#include "base/banned.h"

const char *
sel_strerror(enum sel_err rc)
{
	switch (rc) {
	case SEL_OK:		return "success";
	case SEL_EINVAL:	return "invalid input";
	case SEL_ERANGE:	return "value out of range";
	case SEL_ENOENT:	return "not found";
	case SEL_EIO:		return "input/output error";
	case SEL_ENOMEM:	return "buffer limit reached";
	case SEL_ESTORE:	return "store failure";
	case SEL_EINTERNAL:	return "internal error";
	case SEL_EPERM:		return "not permitted";
	case SEL_ESTATE:	return "not allowed in this state";
	case SEL_EBUSY:		return "too many attempts";
	}
	return "unknown error";
}

enum sel_err
diag_set(struct diag *d, unsigned line, const char *fmt, ...)
{
	va_list ap;

	d->line = line;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	return SEL_EINVAL;
}
