/*
 * letters.c - the letters uploaded after the ranking (letters.h).
 */
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "app/app_int.h"
#include "app/letters.h"
#include "app/prep.h"
#include "app/result.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/banned.h"

struct str
letter_ref_consult(struct arena *ar, int64_t vacancy, enum rule_id rule,
    bool sent)
{
	return arena_printf(ar, "consult:%" PRId64 ":%s:%s", vacancy,
	    rule_name(rule), sent ? "sent" : "answered");
}

struct str
letter_ref_decree(struct arena *ar, int64_t vacancy)
{
	return arena_printf(ar, "decree:%" PRId64, vacancy);
}

const struct s_letter *
letter_find(const struct s_letter *l, size_t n, struct str ref)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(l[i].ref, ref))
			return &l[i];
	return NULL;
}

enum sel_err
letter_check(const struct form *f, struct app_msg *m, const char **field,
    struct str *bytes)
{
	*bytes = form_get(f, LETTER_FIELD);
	*field = LETTER_FIELD;
	if (bytes->len == 0)
		return app_say(m, SEL_EINVAL, "Unggah berkas surat (PDF).");
	if (bytes->len > LETTER_MAX)
		return app_say(m, SEL_EINVAL, "Berkas surat terlalu besar: "
		    "paling besar %d KB.", LETTER_MAX / 1024);
	if (doc_sniff((const unsigned char *)bytes->p, bytes->len) != DOC_PDF)
		return app_say(m, SEL_EINVAL, "Berkas surat harus PDF (isinya "
		    "diperiksa, bukan namanya).");
	*field = NULL;
	return SEL_OK;
}

/* bytes to dir under their SHA-256: hex and size. */
enum sel_err
letters_blob_put(struct app *a, struct arena *ar, struct str bytes, char hex[65],
    int64_t *size)
{
	struct store_blob *b;
	enum sel_err rc;
	size_t off = 0;

	if ((rc = store_blob_open(ar, a->files_dir, &b)) != SEL_OK)
		return rc;
	while (rc == SEL_OK && off < bytes.len) {
		size_t k = bytes.len - off < 4096 ? bytes.len - off : 4096;

		rc = store_blob_write(b, bytes.p + off, k);
		off += k;
		if (rc == SEL_OK && store_blob_handed(b))
			(void)store_blob_drain(b);	/* here: no worker */
	}
	if (rc == SEL_OK)
		rc = store_blob_finish(b, hex, size);
	if (rc == SEL_OK)
		rc = store_blob_keep(b);
	store_blob_drop(b);
	return rc;
}

enum sel_err
letter_keep(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, struct str ref, struct str bytes,
    const char *stem, struct s_letter *out)
{
	char hex[65];
	enum sel_err rc;

	memset(out, 0, sizeof *out);
	if ((rc = letters_blob_put(a, ar, bytes, hex, &out->size)) != SEL_OK) {
		log_msg("error", "letters", "a letter's file could not be "
		    "kept in %s", a->files_dir);
		return rc;
	}
	out->selection_id = sel;
	out->ref = ref;
	out->sha256 = (struct str){ arena_strndup(ar, hex, 64), 64 };
	out->name = arena_printf(ar, "%s.pdf", stem);
	out->uploaded_at = app_iso(ar, app_now(a));
	out->uploaded_by = w->name;
	out->account_id = w->account_id;
	return store_letter_add(tx, out);
}

bool
letters_may_read(const struct who *w, const struct sel_view *v)
{
	return w != NULL && w->account_id > 0 && (app_ranking_may(w, v) ||
	    app_has_role(w, ROLE_SECRETARIAT, v->s.region_id, v->s.id));
}

enum sel_err
app_letter_open(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t id, struct s_letter *out, int *fd, int64_t *size)
{
	struct sel_view *v = arena_alloc(ar, sizeof *v);
	struct s_letter *l;
	struct stx *tx;
	size_t n = 0;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, v);
	if (rc == SEL_OK && !letters_may_read(w, v))
		rc = SEL_EPERM;
	if (rc == SEL_OK)
		rc = store_letters(tx, ar, sel, &l, &n);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	rc = SEL_ENOENT;
	for (size_t i = 0; i < n; i++)
		if (l[i].id == id) {
			*out = l[i];
			rc = SEL_OK;
		}
	if (rc != SEL_OK)
		return rc;
	if (store_blob_read(a->files_dir, out->sha256, fd, size) != SEL_OK) {
		log_msg("error", "letters", "letter %" PRId64 ": file %.*s "
		    "missing from %s", id, (int)out->sha256.len,
		    out->sha256.p, a->files_dir);
		return SEL_EIO;
	}
	if (*size != out->size) {
		close(*fd);
		return SEL_EIO;
	}
	return SEL_OK;
}
