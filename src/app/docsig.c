/*
 * docsig.c - documents signed and issued into the trail (docsig.h).
 */
#include <inttypes.h>
#include <stdatomic.h>
#include <string.h>

#include "app/app_int.h"
#include "app/docpdf.h"
#include "app/docsig.h"
#include "app/log_int.h"
#include "base/arena.h"
#include "store/store_doc.h"
#include "base/banned.h"

enum sel_err
app_doc_sign(struct app *a, struct stx *tx, struct arena *ar, int64_t sel,
    const char *kind, struct str sha)
{
	struct s_doc_sig d;
	struct buf b;
	bool has = false;
	enum sel_err rc;

	if (sha.len != 64)
		return SEL_OK;
	if ((rc = store_doc_sig_has(tx, sha, &has)) != SEL_OK || has)
		return rc;
	memset(&d, 0, sizeof d);
	d.selection_id = sel;
	d.kind = str_c(kind);
	d.sha256 = sha;
	d.note = STR("");
	if (a->log != NULL && a->log->signing) {
		struct str text;

		buf_init(&b, 1 << 16);
		buf_printf(&b, "%s\ndocument\nselection %" PRId64 "\nkind %s\n"
		    "sha256 %.*s\n", a->log->key.name, sel, kind,
		    (int)sha.len, sha.p);
		text = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
		buf_puts(&b, "\n");
		note_sign(&a->log->key, text, &b);
		if (b.err != SEL_OK) {
			buf_release(&b);
			return SEL_ENOMEM;
		}
		d.note = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
		buf_release(&b);
		atomic_store(&a->log->due, true);
	}
	return store_doc_sig_add(tx, &d);
}

enum sel_err
app_doc_issue(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const char *kind, struct str of, struct str pdf)
{
	struct str sha = app_sha256_hex(ar, pdf), k = str_c(kind);
	struct stx *tx;
	bool has = false;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	if ((rc = store_doc_sig_has(tx, sha, &has)) == SEL_OK && !has)
		rc = app_audit(a, tx, ar, w, sel, "doc_issue", STR(""),
		    app_kv(ar, "kind", &k, "of", &of, "pdf_sha256", &sha,
		    NULL), STR("[]"));
	if (rc == SEL_OK && !has)
		rc = app_doc_sign(a, tx, ar, sel, kind, sha);
	if (rc != SEL_OK || has) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
