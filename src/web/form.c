/*
 * form.c - a posted form as libmicrohttpd's form parser delivers it:
 * small fields kept in the request's form (a long value arrives in
 * pieces and is joined), an upload route's file handed to h_docs.c piece
 * by piece, and the escapes of a urlencoded body checked.
 */
#include <stdint.h>
#include <string.h>

#include "app/letters.h"	/* ---- letters ---- */
#include "base/arena.h"
#include "web/form.h"
#include "base/banned.h"

/* ---- letters ---- */
/*
 * The file part of a letter (app/letters.h) on an upload route, kept in
 * the request's arena as the field LETTER_FIELD: at most LETTER_MAX + 1
 * bytes (the application refuses more, naming the field), one file, and
 * only when the form's token before it is valid.
 */
static bool
letter_part(struct req *r, const char *data, uint64_t off, size_t size)
{
	struct field *f = NULL;
	size_t room, k;

	for (size_t i = 0; i < r->form.n; i++)
		if (str_eqc(r->form.f[i].name, LETTER_FIELD))
			f = &r->form.f[i];
	if (f != NULL && off == 0)
		return false;		/* a second file */
	if (f == NULL && r->letter_refused)
		return true;		/* dropped: the handler refuses */
	if (f == NULL) {
		/* Held only for one logged in with a valid form token (it
		   comes before the file): no one else makes the server hold
		   2 MB. */
		req_identify(r);
		if (r->who.account_id == 0 || !req_csrf_ok(r)) {
			r->letter_refused = true;
			return true;
		}
		if (r->form.n == MAX_FIELDS) {
			r->bad_form = true;
			return false;
		}
		if (r->form.n == r->cap) {
			size_t ncap = r->cap ? r->cap * 2 : 16;

			r->form.f = arena_grow(r->ar, r->form.f, r->cap, ncap,
			    sizeof *r->form.f);
			r->cap = ncap;
		}
		f = &r->form.f[r->form.n++];
		f->name = str_c(LETTER_FIELD);
		f->value = (struct str){ arena_alloc(r->ar, LETTER_MAX + 1),
		    0 };
	}
	room = LETTER_MAX + 1 - f->value.len;
	k = size < room ? size : room;
	memcpy((char *)(uintptr_t)f->value.p + f->value.len, data, k);
	f->value.len += k;
	return true;
}
/* ---- end letters ---- */

enum MHD_Result
form_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *ctype, const char *enc,
    const char *data, uint64_t off, size_t size)
{
	struct req *r = cls;
	struct field *f;

	(void)kind, (void)ctype, (void)enc;
	/* ---- letters ---- a letter's PDF: held, up to its limit */
	if (r->upload && filename != NULL && strcmp(key, LETTER_FIELD) == 0)
		return letter_part(r, data, off, size) ? MHD_YES : MHD_NO;
	/* ---- end letters ---- */
	if (r->upload && filename != NULL)	/* never held in memory */
		return doc_field(r, key, filename, data, off, size) ?
		    MHD_YES : MHD_NO;
	if (r->upload && (r->form_bytes += size) > MAX_FORM) {
		r->too_big = true;	/* the other fields stay small */
		return MHD_NO;
	}
	if (off > 0 && r->form.n > 0 &&
	    str_eqc(r->form.f[r->form.n - 1].name, key)) {
		/* A long value arrives in pieces: append. */
		f = &r->form.f[r->form.n - 1];
		char *p = arena_alloc(r->ar, f->value.len + size + 1);

		memcpy(p, f->value.p, f->value.len);
		memcpy(p + f->value.len, data, size);
		f->value = (struct str){ p, f->value.len + size };
		return MHD_YES;
	}
	if (r->form.n == MAX_FIELDS) {
		r->bad_form = true;
		return MHD_NO;
	}
	if (r->form.n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 16;

		r->form.f = arena_grow(r->ar, r->form.f, r->cap, ncap,
		    sizeof *r->form.f);
		r->cap = ncap;
	}
	f = &r->form.f[r->form.n++];
	f->name = (struct str){ arena_strndup(r->ar, key, strlen(key)),
	    strlen(key) };
	f->value = (struct str){ arena_strndup(r->ar, data, size), size };
	return MHD_YES;
}

/*
 * A browser escapes every '%' of a form it sends; a '%' without two hex
 * digits after it is a forged or broken body, which libmicrohttpd would
 * pass on silently altered ("%zz" kept, a final "%4" dropped).  The state
 * carries over from one piece of the body to the next.
 */
bool
form_escapes_ok(struct req *r, const char *data, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = data[i];

		if (r->hex == 0) {
			if (c == '%')
				r->hex = 2;
			continue;
		}
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F')))
			return false;
		r->hex--;
	}
	return true;
}
