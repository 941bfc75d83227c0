/*
 * docs_sub.c - who may read an applicant's document, and each selection's
 * limits on the documents of its checklist.
 *
 * A document is the applicant's own; the committee and the others who may
 * view a selection read it once an application to that selection uses it
 * (the item is on the selection's checklist).  Anyone else is told it
 * does not exist, as for an id that does not: its existence is not
 * confirmed.
 *
 * A closed selection's committee lists each item as it stood at the
 * closing (app_application_docs); any version it is asked for by id stays
 * readable, the history being kept.
 */
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "base/arena.h"
#include "base/log.h"
#include "core/profile.h"
#include "base/banned.h"

static bool
on_checklist(const struct profile *p, struct str item)
{
	for (size_t i = 0; p != NULL && i < p->ndocuments; i++)
		if (str_eq(p->documents[i].id, item))
			return true;
	return false;
}

/* Does an application w may view (ACT_SEL_VIEW) use document d? */
static bool
used_for(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct s_document *d)
{
	struct s_application *x;
	size_t n;

	if (w->account_id <= 0 ||
	    store_applications(tx, ar, 0, d->account_id, &x, &n) != SEL_OK)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct s_selection s;
		struct s_region r;

		if (store_selection_get(tx, ar, x[i].selection_id, &s) !=
		    SEL_OK || store_region_get(tx, ar, s.region_id, &r) !=
		    SEL_OK)
			continue;
		if (app_may(w, ACT_SEL_VIEW, s.region_id, s.id) &&
		    on_checklist(app_profile_get(a, r.profile_id), d->item_id))
			return true;
	}
	return false;
}

enum sel_err
app_doc_open(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, struct s_document *d, int *fd, int64_t *size)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_doc_get(tx, ar, id, d);
	if (rc == SEL_OK && (w->account_id <= 0 || d->account_id !=
	    w->account_id) && !used_for(a, tx, ar, w, d))
		rc = SEL_ENOENT;
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	if (store_blob_read(a->files_dir, d->sha256, fd, size) != SEL_OK) {
		log_msg("error", "docs", "document %" PRId64 ": file %.*s "
		    "missing from %s", id, (int)d->sha256.len, d->sha256.p,
		    a->files_dir);
		return SEL_EIO;
	}
	if (*size != d->size) {
		close(*fd);
		log_msg("error", "docs", "document %" PRId64 ": file %.*s has "
		    "%" PRId64 " bytes, not %" PRId64, id, (int)d->sha256.len,
		    d->sha256.p, *size, d->size);
		return SEL_EIO;
	}
	return SEL_OK;
}

/* ---- limits ---- */

static enum sel_err
limits_load(struct stx *tx, struct arena *ar, const struct sel_view *v,
    struct doc_limit **out, size_t *n)
{
	const struct profile *p = v->profile;
	struct doc_limit *l = arena_array(ar, p->ndocuments + 1, sizeof *l);
	size_t k = 0;
	enum sel_err rc;

	for (size_t i = 0; i < p->ndocuments; i++) {
		const struct prof_item *it = &p->documents[i];
		bool seen = false;

		for (size_t j = 0; j < k; j++)
			seen |= str_eq(l[j].id, it->id);
		if (seen)
			continue;
		l[k].id = it->id;
		l[k].label = it->label;
		rc = store_doc_limit_get(tx, v->s.id, it->id, &l[k].max_bytes,
		    &l[k].types);
		l[k].own = rc == SEL_OK;
		if (rc == SEL_ENOENT)
			doc_default_limit(it->id, &l[k].max_bytes,
			    &l[k].types);
		else if (rc != SEL_OK)
			return rc;
		k++;
	}
	*out = l;
	*n = k;
	return SEL_OK;
}

enum sel_err
app_doc_limits(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct sel_view *v, struct doc_limit **out, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, v);
	if (rc == SEL_OK && !app_may(w, ACT_SEL_VIEW, v->region.id, sel))
		rc = SEL_EPERM;
	if (rc == SEL_OK)
		rc = limits_load(tx, ar, v, out, n);
	store_abort(a->st, tx);
	return rc;
}

static enum sel_err
limit_check(const struct who *w, const struct sel_view *v, struct str item,
    struct str kb, unsigned types, int64_t *bytes, struct app_msg *m)
{
	int64_t k;

	if (!app_may(w, ACT_ANN_EDIT, v->region.id, v->s.id))
		return app_say(m, SEL_EPERM, "Hanya sekretariat panitia yang "
		    "menetapkan batas berkas.");
	if (v->published)
		return app_say(m, SEL_ESTATE, "Pengumuman sudah diterbitkan; "
		    "batas berkas tidak dapat diubah lagi.");
	if (!on_checklist(v->profile, item))
		return app_say(m, SEL_EINVAL, "Dokumen tidak ada dalam daftar "
		    "dokumen profil wilayah ini.");
	if (parse_i64(str_trim(kb), 1, DOC_MAX_LIMIT / 1024, &k) != SEL_OK)
		return app_say(m, SEL_EINVAL, "Batas ukuran harus angka 1 "
		    "sampai %d (KB).", DOC_MAX_LIMIT / 1024);
	if (types == 0 || types > DOC_TYPES)
		return app_say(m, SEL_EINVAL, "Pilih paling sedikit satu "
		    "jenis berkas: PDF, JPEG atau PNG.");
	*bytes = k * 1024;
	return SEL_OK;
}

enum sel_err
app_doc_limit_set(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str item, struct str kb, unsigned types,
    struct app_msg *m)
{
	struct sel_view v;
	struct str size, kinds;
	struct stx *tx;
	int64_t bytes = 0;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &v);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	if (rc == SEL_OK)
		rc = limit_check(w, &v, item, kb, types, &bytes, m);
	if (rc == SEL_OK)
		rc = store_doc_limit_set(tx, sel, item, bytes, types);
	size = arena_printf(ar, "%" PRId64, bytes);
	kinds = doc_types_text(ar, types);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "doc_limit_set", STR(""),
		    app_kv(ar, "item", &item, "max_bytes", &size, "types",
		    &kinds, NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
