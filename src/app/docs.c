/*
 * docs.c - the applicants' documents (REGULATIONS.md §8; issue 5): the
 * checklist each applicant owes from the profile of every selection still
 * open to them, and the upload of a document, streamed to a file named by
 * its SHA-256, until the closing date.
 *
 * A document belongs to the applicant and to a checklist item (the
 * profile's document id), not to one application: the same integrity
 * pact serves every selection that asks for it.  So an upload is allowed
 * while at least one published selection needing that item has not
 * closed (server clock, the region's time zone), and the strictest limit
 * and the narrowest set of types among them apply.  Every upload and
 * replacement is in the audit trail; nothing is deleted.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

#define MAX_ITEMS	64

struct app_upload {
	struct arena	*ar;		/* the request's */
	struct store_blob *blob;
	struct str	 item;
	const struct doc_item *it;	/* as the upload began (the arena's) */
	sel_date	 today;
	int64_t		 max_bytes;
	unsigned	 types;
	unsigned char	 head[DOC_SNIFF_LEN];
	size_t		 nhead;
	enum doc_type	 type;
	int64_t		 size;
	enum sel_err	 failed;	/* sticky */
	bool		 bad_type;
	bool		 done;		/* kept or removed */
};

enum doc_type
doc_sniff(const unsigned char *p, size_t n)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1a, '\n' };

	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return DOC_PDF;
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return DOC_JPEG;
	if (n >= 8 && memcmp(p, png, 8) == 0)
		return DOC_PNG;
	return DOC_NONE;
}

const char *
doc_mime(enum doc_type t)
{
	return t == DOC_PDF ? "application/pdf" : t == DOC_JPEG ?
	    "image/jpeg" : t == DOC_PNG ? "image/png" :
	    "application/octet-stream";
}

static const char *
doc_ext(enum doc_type t)
{
	return t == DOC_PDF ? "pdf" : t == DOC_JPEG ? "jpg" : t == DOC_PNG ?
	    "png" : "bin";
}

struct str
doc_types_text(struct arena *ar, unsigned types)
{
	return arena_printf(ar, "%s%s%s%s%s",
	    types & DOC_PDF ? "PDF" : "",
	    (types & DOC_PDF) && (types & (DOC_JPEG | DOC_PNG)) ? ", " : "",
	    types & DOC_JPEG ? "JPEG" : "",
	    (types & DOC_JPEG) && (types & DOC_PNG) ? ", " : "",
	    types & DOC_PNG ? "PNG" : "");
}

struct str
doc_safe_name(struct arena *ar, struct str name, enum doc_type t)
{
	char out[96];
	size_t n = 0, start = 0, end = name.len;

	for (size_t i = 0; i < name.len; i++)
		if (name.p[i] == '/' || name.p[i] == '\\')
			start = i + 1;
	for (size_t i = end; i > start; i--)
		if (name.p[i - 1] == '.') {
			end = i - 1;	/* the client's extension goes */
			break;
		}
	for (size_t i = start; i < end && n < 80; i++) {
		char c = name.p[i];
		bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    (c == '.' && n > 0);

		if (!keep)
			c = '_';
		if (c == '_' && n > 0 && out[n - 1] == '_')
			continue;
		out[n++] = c;
	}
	while (n > 0 && (out[n - 1] == '.' || out[n - 1] == '_'))
		n--;
	if (n == 0 || (n == 1 && out[0] == '_'))
		return arena_printf(ar, "dokumen.%s", doc_ext(t));
	return arena_printf(ar, "%.*s.%s", (int)n, out, doc_ext(t));
}

/* ---- the checklist ---- */

struct load {
	struct app		*a;
	struct stx		*tx;
	struct arena		*ar;
	struct doc_list		*l;
	struct candidate	*c;		/* NULL: no usable record */
	struct s_application	*apps;
	size_t			 napps;
	int64_t			 sel[MAX_ITEMS];	/* last added to item */
};

void
doc_default_limit(struct str item, int64_t *max, unsigned *types)
{
	if (str_eqc(item, "photo")) {
		*max = DOC_MAX_PHOTO;
		*types = DOC_JPEG;
	} else {
		*max = DOC_MAX_OTHER;
		*types = DOC_PDF;
	}
}

static enum sel_err
item_limit(struct stx *tx, int64_t sel, struct str item, int64_t *max,
    unsigned *types)
{
	enum sel_err rc = store_doc_limit_get(tx, sel, item, max, types);

	if (rc == SEL_ENOENT) {
		doc_default_limit(item, max, types);
		rc = SEL_OK;
	}
	return rc;
}

static struct doc_item *
item_slot(struct load *ld, const struct prof_item *it, int64_t **sel)
{
	struct doc_list *l = ld->l;
	struct doc_item *d;

	for (size_t i = 0; i < l->n; i++)
		if (str_eq(l->items[i].id, it->id)) {
			*sel = &ld->sel[i];
			return &l->items[i];
		}
	if (l->n == MAX_ITEMS)
		return NULL;
	*sel = &ld->sel[l->n];
	**sel = 0;
	d = &l->items[l->n++];
	memset(d, 0, sizeof *d);
	d->id = it->id;
	d->label = it->label;
	d->citation = it->citation;
	d->other_region = it->other_region;
	d->max_bytes = INT64_MAX;
	d->types = DOC_TYPES;
	d->dated_from = INT32_MIN;
	d->close = INT32_MIN;
	d->until = INT64_MIN;
	return d;
}

/* Merges one profile item needed by one open selection. */
static enum sel_err
item_add(struct load *ld, const struct sel_view *v, const struct prof_item *it)
{
	int64_t *last, max;
	struct doc_item *d = item_slot(ld, it, &last);
	unsigned types;
	enum sel_err rc;

	if (d == NULL)
		return SEL_ENOMEM;
	if ((rc = item_limit(ld->tx, v->s.id, it->id, &max, &types)))
		return rc;
	if (max < d->max_bytes)
		d->max_bytes = max;
	d->types &= types;
	d->stamped |= it->stamped;
	d->other_region &= it->other_region;
	if (it->within_days > 0) {
		if (it->within_days > d->within_days)
			d->within_days = it->within_days;
		if (v->close - it->within_days > d->dated_from)
			d->dated_from = v->close - it->within_days;
	}
	if (d->close < v->close)
		d->close = v->close;
	/* The end of the closing day in each selection's region's zone. */
	if (d->until < app_day_end(v->profile, v->close))
		d->until = app_day_end(v->profile, v->close);
	if (*last == v->s.id)
		return SEL_OK;		/* another post of the same selection */
	*last = v->s.id;
	d->selections = d->selections.len == 0 ? v->s.f[SF_TITLE] :
	    arena_printf(ld->ar, "%.*s; %.*s", (int)d->selections.len,
	    d->selections.p, (int)v->s.f[SF_TITLE].len, v->s.f[SF_TITLE].p);
	return SEL_OK;
}

/* The posts of v the applicant's checklist follows. */
static bool
post_counts(const struct load *ld, const struct sel_view *v,
    const struct s_vacancy *vac)
{
	bool applied = false;

	for (size_t i = 0; i < ld->napps; i++)
		if (ld->apps[i].selection_id == v->s.id &&
		    app_state(&ld->apps[i]) == FA_SUBMITTED) {
			applied = true;
			if (ld->apps[i].vacancy_id == vac->id)
				return true;
		}
	return !applied;	/* not applied yet: any post may be */
}

static enum sel_err
sel_items(struct load *ld, const struct sel_view *v)
{
	const struct profile *p = v->profile;
	enum sel_err rc;

	for (size_t k = 0; k < v->nvac; k++) {
		struct vacancy cv;
		bool other = true;

		if (!post_counts(ld, v, &v->vac[k]))
			continue;
		prep_core_vacancy(ld->ar, v, &v->vac[k], &cv);
		if (ld->c != NULL)
			other = !agency_same(&ld->c->agency, &cv.agency);
		for (size_t i = 0; i < p->ndocuments; i++) {
			const struct prof_item *it = &p->documents[i];

			if (!profile_when(&it->when, &cv) ||
			    (it->other_region && !other))
				continue;
			if ((rc = item_add(ld, v, it)) != SEL_OK)
				return rc;
		}
	}
	return SEL_OK;
}

static void
late_add(struct load *ld, const struct profile *p)
{
	struct doc_list *l = ld->l;

	for (size_t i = 0; i < p->ndocuments; i++) {
		if (l->nlate == MAX_ITEMS)
			return;
		l->late[l->nlate++] = p->documents[i].id;
	}
}

static enum sel_err
load_selections(struct load *ld)
{
	struct s_selection *sels;
	size_t n;
	enum sel_err rc;

	if ((rc = store_selections(ld->tx, ld->ar, 0, true, &sels, &n)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct sel_view v;
		sel_date today;

		if ((rc = prep_view_load(ld->a, ld->tx, ld->ar, sels[i].id,
		    &v)) != SEL_OK)
			return rc;
		if (!v.published || !v.has_window)
			continue;
		today = app_today(ld->a, v.profile);
		if (today > v.close) {
			late_add(ld, v.profile);
			continue;
		}
		ld->l->today = today;
		if ((rc = sel_items(ld, &v)) != SEL_OK)
			return rc;
	}
	return SEL_OK;
}

static void
decode_record(struct load *ld, struct str text)
{
	struct json *root;
	struct diag d;
	struct candidate *c = arena_alloc(ld->ar, sizeof *c);

	memset(&d, 0, sizeof d);
	if (text.len == 0 || json_parse(ld->ar, text.p, text.len, 1, true,
	    &root, &d) != SEL_OK || candidate_decode(ld->ar, root, c, &d) !=
	    SEL_OK)
		return;
	ld->c = c;
}

static enum sel_err
docs_load(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, struct doc_list *l)
{
	struct load ld = { .a = a, .tx = tx, .ar = ar, .l = l };
	struct s_applicant p;
	enum sel_err rc;

	memset(l, 0, sizeof *l);
	l->items = arena_array(ar, MAX_ITEMS, sizeof *l->items);
	l->late = arena_array(ar, MAX_ITEMS, sizeof *l->late);
	l->today = app_today(a, NULL);
	if (w->account_id <= 0)
		return SEL_EPERM;
	rc = store_applicant_get(tx, ar, w->account_id, &p);
	if (rc != SEL_OK)
		return rc == SEL_ENOENT ? SEL_EPERM : rc;
	decode_record(&ld, p.record);
	l->region_known = ld.c != NULL;
	if ((rc = store_applications(tx, ar, 0, w->account_id, &ld.apps,
	    &ld.napps)) != SEL_OK || (rc = load_selections(&ld)) != SEL_OK ||
	    (rc = store_docs(tx, ar, w->account_id, &l->docs, &l->ndocs)))
		return rc;
	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < l->ndocs; k++)
			if (l->docs[k].current &&
			    str_eq(l->docs[k].item_id, l->items[i].id))
				l->items[i].cur = &l->docs[k];
	return SEL_OK;
}

enum sel_err
app_docs(struct app *a, struct arena *ar, const struct who *w,
    struct doc_list *l)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = docs_load(a, tx, ar, w, l);
	store_abort(a->st, tx);
	return rc;
}

static enum sel_err
too_late(struct app_msg *m)
{
	return app_say(m, SEL_ESTATE, "Batas akhir pendaftaran seleksi yang "
	    "memerlukan dokumen ini sudah lewat; dokumen tidak dapat "
	    "diunggah atau diganti lagi.");
}

/* The open item, or why there is none. */
static enum sel_err
find_item(const struct doc_list *l, struct str id,
    const struct doc_item **out, struct app_msg *m)
{
	for (size_t i = 0; i < l->n; i++)
		if (str_eq(l->items[i].id, id)) {
			*out = &l->items[i];
			return SEL_OK;
		}
	for (size_t i = 0; i < l->nlate; i++)
		if (str_eq(l->late[i], id))
			return too_late(m);
	if (l->n == 0)
		return app_say(m, SEL_ESTATE, "Tidak ada seleksi yang sedang "
		    "dibuka untuk Anda; dokumen tidak dapat diunggah.");
	return app_say(m, SEL_EINVAL, "Dokumen ini tidak ada dalam daftar "
	    "dokumen Anda.");
}

/* ---- the upload ---- */

int64_t
app_upload_body_max(struct app *a)
{
	int64_t max = 0;
	struct stx *tx;

	if (store_begin(a->st, false, &tx) == SEL_OK) {
		if (store_doc_limit_max(tx, &max) != SEL_OK)
			max = 0;
		store_abort(a->st, tx);
	}
	if (max < DOC_MAX_OTHER)
		max = DOC_MAX_OTHER;
	return max + (64 << 10);	/* the other fields, the framing */
}

enum sel_err
app_upload_sweep(struct app *a, int *removed)
{
	return store_blob_sweep(a->files_dir, removed);
}

enum sel_err
app_upload_begin(struct app *a, struct arena *ar, const struct who *w,
    struct str item, struct app_upload **out, struct app_msg *m)
{
	struct app_upload *up;
	const struct doc_item *it;
	struct doc_list l;
	enum sel_err rc;

	if ((rc = app_docs(a, ar, w, &l)) != SEL_OK)
		return rc == SEL_EPERM ? app_say(m, rc, "Hanya pelamar yang "
		    "mengunggah dokumen.") : rc;
	if ((rc = find_item(&l, item, &it, m)) != SEL_OK)
		return rc;
	if (it->types == 0)
		return app_say(m, SEL_ESTATE, "Seleksi yang memerlukan "
		    "dokumen ini menetapkan jenis berkas yang saling "
		    "bertentangan; hubungi sekretariat panitia.");
	up = arena_alloc(ar, sizeof *up);
	up->ar = ar;
	up->item = it->id;
	up->it = it;
	up->today = l.today;
	up->max_bytes = it->max_bytes;
	up->types = it->types;
	if ((rc = store_blob_open(ar, a->files_dir, &up->blob)) != SEL_OK) {
		up->blob = NULL;
		return app_say(m, SEL_EIO, "Berkas tidak dapat disimpan "
		    "sementara. Coba lagi nanti.");
	}
	*out = up;
	return SEL_OK;
}

static enum sel_err
upload_fail(struct app_upload *up, enum sel_err rc)
{
	up->failed = rc;
	app_upload_abort(up);
	return rc;
}

static enum sel_err
type_check(struct app_upload *up, struct app_msg *m)
{
	struct arena *ar = up->ar;

	up->type = doc_sniff(up->head, up->nhead);
	if (up->type != DOC_NONE && (up->types & up->type))
		return SEL_OK;
	up->bad_type = true;
	upload_fail(up, SEL_EINVAL);
	if (up->type == DOC_NONE)
		return app_say(m, SEL_EINVAL, "Isi berkas bukan PDF, JPEG "
		    "atau PNG (jenis berkas diperiksa dari isinya, bukan dari "
		    "namanya). Dokumen ini harus %s.",
		    doc_types_text(ar, up->types).p);
	return app_say(m, SEL_EINVAL, "Berkas ini %s, padahal dokumen ini "
	    "harus %s.", doc_types_text(ar, (unsigned)up->type).p,
	    doc_types_text(ar, up->types).p);
}

enum sel_err
app_upload_write(struct app_upload *up, const void *p, size_t n,
    struct app_msg *m)
{
	const unsigned char *s = p;
	enum sel_err rc;

	if (up->failed != SEL_OK)
		return up->failed;
	if (up->nhead < DOC_SNIFF_LEN) {
		size_t k = DOC_SNIFF_LEN - up->nhead < n ?
		    DOC_SNIFF_LEN - up->nhead : n;

		memcpy(up->head + up->nhead, s, k);
		up->nhead += k;
		if (up->nhead == DOC_SNIFF_LEN &&
		    (rc = type_check(up, m)) != SEL_OK)
			return rc;
	}
	if ((int64_t)n > up->max_bytes - up->size) {
		return upload_fail(up, app_say(m, SEL_ERANGE, "Berkas lebih "
		    "besar dari batasnya untuk dokumen ini (%" PRId64 " KB).",
		    up->max_bytes / 1024));
	}
	up->size += (int64_t)n;
	if (store_blob_write(up->blob, s, n) != SEL_OK)
		return upload_fail(up, app_say(m, SEL_EIO, "Berkas tidak "
		    "dapat disimpan. Coba lagi nanti."));
	return SEL_OK;
}

void
app_upload_abort(struct app_upload *up)
{
	if (up == NULL || up->done)
		return;
	store_blob_drop(up->blob);
	up->done = true;
}

bool
app_upload_must_wait(struct app_upload *up, size_t n, bool commit)
{
	return up != NULL && up->failed == SEL_OK && !up->done &&
	    store_blob_must_wait(up->blob, n, commit);
}

bool
app_upload_handed(struct app_upload *up)
{
	return up != NULL && up->blob != NULL && store_blob_handed(up->blob);
}

bool
app_upload_drain(struct app_upload *up)
{
	return store_blob_drain(up->blob);
}

bool
app_upload_bad_type(const struct app_upload *up)
{
	return up != NULL && up->bad_type;
}

static const char *
day_text(struct arena *ar, sel_date d)
{
	struct buf b;
	const char *s;

	buf_init(&b, 64);
	date_id(&b, d);
	s = arena_printf(ar, "%.*s", (int)b.len, b.p).p;
	buf_release(&b);
	return s;
}

/* The date written on the document, where the item needs one. */
static enum sel_err
dated_check(struct arena *ar, const struct doc_item *it, sel_date today,
    struct str dated, sel_date *on, struct app_msg *m)
{
	dated = str_trim(dated);
	if (dated.len == 0 && it->within_days == 0)
		return SEL_OK;
	if (date_parse(dated, on) != SEL_OK)
		return app_say(m, SEL_EINVAL, "Tanggal pada dokumen bukan "
		    "tanggal yang sah (TTTT-BB-HH).");
	if (it->within_days == 0)
		return SEL_OK;
	/* The bound of every selection needing it: dated_from. */
	if (!doc_dated_ok(*on, it->dated_from + it->within_days,
	    it->within_days, today))
		return app_say(m, SEL_EINVAL, "Dokumen bertanggal %s, padahal "
		    "harus dibuat paling lama %d hari sebelum batas akhir "
		    "pendaftaran %s: tidak sebelum %s dan tidak sesudah hari "
		    "ini.", day_text(ar, *on), it->within_days,
		    day_text(ar, it->dated_from + it->within_days),
		    day_text(ar, it->dated_from));
	return SEL_OK;
}

static enum sel_err
commit_check(struct app_upload *up, const struct doc_item *it,
    sel_date today, struct str dated, bool stamped, sel_date *on,
    struct app_msg *m)
{
	if (up->size > it->max_bytes)
		return app_say(m, SEL_ERANGE, "Berkas lebih besar dari "
		    "batasnya untuk dokumen ini (%" PRId64 " KB).",
		    it->max_bytes / 1024);
	if (!(it->types & (unsigned)up->type)) {
		up->bad_type = true;
		return app_say(m, SEL_EINVAL, "Berkas ini %s, padahal dokumen "
		    "ini harus %s.", doc_types_text(up->ar,
		    (unsigned)up->type).p,
		    doc_types_text(up->ar, it->types).p);
	}
	if (it->stamped && !stamped)
		return app_say(m, SEL_EINVAL, "Dokumen ini harus bermeterai: "
		    "nyatakan bahwa dokumen yang diunggah bermeterai.");
	return dated_check(up->ar, it, today, dated, on, m);
}

/* The row, its audit event. */
static enum sel_err
record(struct app *a, struct stx *tx, const struct who *w,
    struct app_upload *up, const char *hex, struct str name, sel_date on,
    bool dated, bool stamped, struct s_document *d)
{
	struct arena *ar = up->ar;
	struct str size, old, yes = STR("ya"), no = STR("tidak");
	enum sel_err rc;

	memset(d, 0, sizeof *d);
	d->account_id = w->account_id;
	d->item_id = up->item;
	d->sha256 = arena_printf(ar, "%s", hex);
	d->size = up->size;
	d->mime = str_c(doc_mime(up->type));
	d->name = doc_safe_name(ar, name, up->type);
	d->dated = STR("");
	if (dated) {
		int y, mo, dd;

		date_ymd(on, &y, &mo, &dd);
		d->dated = arena_printf(ar, "%04d-%02d-%02d", y, mo, dd);
	}
	d->stamped = stamped;
	d->uploaded_at = app_iso(ar, app_now(a));
	if ((rc = store_doc_add(tx, d)) != SEL_OK)
		return rc;
	size = arena_printf(ar, "%" PRId64, d->size);
	old = arena_printf(ar, "%" PRId64, d->replaces);
	return app_audit(a, tx, ar, w, 0, d->replaces != 0 ?
	    "document_replace" : "document_upload", d->replaces != 0 ?
	    app_kv(ar, "document", &old, NULL) : STR(""), app_kv(ar,
	    "item", &d->item_id, "sha256", &d->sha256, "size", &size,
	    "type", &d->mime, "name", &d->name, "dated", &d->dated,
	    "stamped", stamped ? &yes : &no, NULL), STR(""));
}

static enum sel_err
commit_tx(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, struct app_upload *up, const char *hex,
    struct str name, struct str dated, bool stamped, struct s_document *d,
    struct app_msg *m)
{
	const struct doc_item *it;
	struct doc_list l;
	sel_date on = 0;
	enum sel_err rc;

	if ((rc = docs_load(a, tx, ar, w, &l)) != SEL_OK ||
	    (rc = find_item(&l, up->item, &it, m)) != SEL_OK ||
	    (rc = commit_check(up, it, l.today, dated, stamped, &on, m)))
		return rc;
	return record(a, tx, w, up, hex, name, on, str_trim(dated).len > 0,
	    stamped, d);
}

enum sel_err
app_upload_commit(struct app *a, struct arena *ar, const struct who *w,
    struct app_upload *up, struct str name, struct str dated, bool stamped,
    int64_t *id, struct app_msg *m)
{
	struct s_document d;
	struct stx *tx;
	char hex[65];
	int64_t size;
	enum sel_err rc;

	if (up->failed != SEL_OK)
		return up->failed;
	if (up->size == 0)
		return upload_fail(up, app_say(m, SEL_EINVAL, "Pilih berkas "
		    "yang akan diunggah; berkas kosong tidak diterima."));
	if (up->nhead < DOC_SNIFF_LEN && (rc = type_check(up, m)) != SEL_OK)
		return rc;
	/*
	 * The slow part, outside the write transaction so that uploads
	 * sync their files side by side: the checks as the upload began
	 * (no file is kept for a refused form), the file synced and put
	 * in place.  The transaction checks again; a file kept for an
	 * upload refused there (the window closed meanwhile) is named by
	 * no row and never served.
	 */
	{
		sel_date on;

		if (app_now(a) >= up->it->until)
			return upload_fail(up, too_late(m));
		if ((rc = commit_check(up, up->it, up->today, dated, stamped,
		    &on, m)) != SEL_OK)
			return upload_fail(up, rc);
	}
	if (store_blob_finish(up->blob, hex, &size) != SEL_OK ||
	    size != up->size || store_blob_keep(up->blob) != SEL_OK)
		return upload_fail(up, app_say(m, SEL_EIO, "Berkas tidak "
		    "dapat disimpan. Coba lagi nanti."));
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return upload_fail(up, rc);
	rc = commit_tx(a, tx, ar, w, up, hex, name, dated, stamped, &d, m);
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		if (rc == SEL_ENOENT || rc == SEL_EPERM)
			rc = app_say(m, SEL_EPERM, "Hanya pelamar yang "
			    "mengunggah dokumen.");
		return upload_fail(up, rc);
	}
	up->done = true;		/* kept: never removed now */
	*id = d.id;
	return app_commit(a, tx);
}
