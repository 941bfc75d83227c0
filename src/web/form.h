/*
 * form.h - reading a posted form, private to src/web (form.c): the form
 * parser's callback and the check of a urlencoded body's escapes.
 */
#ifndef SELTER_WEB_FORM_H
#define SELTER_WEB_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <microhttpd.h>

#include "web/web.h"

/*
 * libmicrohttpd's MHD_PostDataIterator; cls is the struct req.  Fields
 * go to req.form (at most MAX_FIELDS); on an upload route a part with a
 * file name goes to doc_field, and the other fields may not pass
 * MAX_FORM together.
 */
enum MHD_Result	form_field(void *cls, enum MHD_ValueKind,
		    const char *key, const char *filename, const char *ctype,
		    const char *enc, const char *data, uint64_t off,
		    size_t size);
/* False once a piece of the body breaks a '%' escape (state in req.hex). */
bool		form_escapes_ok(struct req *, const char *data, size_t n);

#endif
