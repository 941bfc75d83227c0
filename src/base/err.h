/*
 * err.h - the one result code of selter.
 *
 * Every fallible function returns enum sel_err in a variable named rc;
 * SEL_OK is zero so steps chain with ||.  An ineligible applicant is a
 * verdict, never an error.
 */
#ifndef SELTER_BASE_ERR_H
#define SELTER_BASE_ERR_H

enum sel_err {
	SEL_OK = 0,
	SEL_EINVAL,		/* bad input: syntax or value */
	SEL_ERANGE,		/* a number or size out of its range */
	SEL_ENOENT,		/* a named thing does not exist */
	SEL_EIO,		/* the operating system failed us */
	SEL_ENOMEM,		/* a bounded buffer is full */
	SEL_ESTORE,		/* the store failed */
	SEL_EINTERNAL,		/* a bug: an invariant broke */
	SEL_EPERM,		/* the actor's role does not allow it */
	SEL_ESTATE,		/* not allowed in the current state */
	SEL_EBUSY,		/* throttled: try again later */
};

const char	*sel_strerror(enum sel_err);

/*
 * A diagnostic for bad input: the line it was found on (0: unknown) and a
 * one-line message naming the field and what is wrong.  The caller adds the
 * file name.
 */
struct diag {
	unsigned	 line;
	char		 msg[480];
};

enum sel_err	diag_set(struct diag *, unsigned line, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

#endif
