/*
 * complaint.c - complaints (pengaduan) about a selection to the oversight
 * body: anyone may send one and follow it with its tracking number; the
 * oversight body and the committee chair read and answer them.  A
 * complaint is recorded and answered; it does not reverse a decision (the
 * committee's decisions are final).
 */
#include <string.h>

#include <sodium.h>

#include "app/app_int.h"
#include "base/arena.h"
#include "base/banned.h"

enum sel_err
app_complaint_add(struct app *a, struct arena *ar, int64_t sel,
    struct str name, struct str contact, struct str body, struct str ip,
    struct str *tracking, struct app_msg *m)
{
	struct s_complaint c;
	struct s_selection s;
	unsigned char raw[6];
	char code[20];
	struct stx *tx;
	enum sel_err rc;

	name = str_trim(name);
	contact = str_trim(contact);
	body = str_trim(body);
	if (!app_text_valid(name, 200, false)) {
		app_say(m, SEL_EINVAL, "Nama: paling banyak 200 karakter, satu "
		    "baris, tanpa karakter kendali atau pembalik arah teks.");
		app_msg_at(m, "name");
		return SEL_EINVAL;
	}
	if (!app_text_valid(contact, 200, false)) {
		app_say(m, SEL_EINVAL, "Kontak: paling banyak 200 karakter, "
		    "satu baris, tanpa karakter kendali atau pembalik arah "
		    "teks.");
		app_msg_at(m, "contact");
		return SEL_EINVAL;
	}
	if (body.len < 10 || !app_text_valid(body, 8000, true)) {
		app_say(m, SEL_EINVAL, "Isi pengaduan wajib diisi (10 sampai "
		    "8000 karakter, teks tanpa karakter kendali atau pembalik "
		    "arah teks).");
		app_msg_at(m, "body");
		return SEL_EINVAL;
	}
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(code, sizeof code, raw, sizeof raw);
	memset(&c, 0, sizeof c);
	c.tracking = arena_printf(ar, "ADU-%.4s-%.4s-%.4s", code, code + 4,
	    code + 8);
	c.selection_id = sel;
	c.name = name.len > 0 ? name : STR("(tanpa nama)");
	c.contact = contact;
	c.body = body;
	c.created_at = app_iso(ar, app_now(a));
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_selection_get(tx, ar, sel, &s);
	/* Complaints are about a published selection. */
	if (rc == SEL_OK && s.f[SF_PUBLISHED_AT].len == 0)
		rc = SEL_ENOENT;
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	if (rc == SEL_OK && ip.len > 0 && (rc = app_rate(a, tx,
	    arena_printf(ar, "cmp:ip:%.*s", (int)ip.len, ip.p), 3600,
	    a->complaint_per_ip)) == SEL_EBUSY)
		app_say(m, rc, "Terlalu banyak pengaduan dari alamat ini. Coba "
		    "lagi dalam satu jam.");
	if (rc == SEL_OK)
		rc = store_complaint_add(tx, &c);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, NULL, sel, "complaint_add", STR(""),
		    app_kv(ar, "tracking", &c.tracking, NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	*tracking = c.tracking;
	return store_commit(a->st, tx);
}

enum sel_err
app_complaint_get(struct app *a, struct arena *ar, struct str tracking,
    struct s_complaint *c)
{
	struct stx *tx;
	enum sel_err rc;

	if (tracking.len == 0 || tracking.len > 40)
		return SEL_ENOENT;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_complaint_by_tracking(tx, ar, tracking, c);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_complaints(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct s_complaint **out, size_t *n)
{
	struct s_selection s;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_selection_get(tx, ar, sel, &s);
	if (rc == SEL_OK && !app_may(w, ACT_COMPLAINT_VIEW, s.region_id, sel))
		rc = SEL_EPERM;
	if (rc == SEL_OK)
		rc = store_complaints(tx, ar, sel, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_complaint_answer(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t id, struct str answer, struct app_msg *m)
{
	struct s_selection s;
	struct stx *tx;
	struct str at = app_iso(ar, app_now(a)), ids;
	enum sel_err rc;

	answer = str_trim(answer);
	if (answer.len < 5 || !app_text_valid(answer, 8000, true))
		return app_say(m, SEL_EINVAL, "Jawaban wajib diisi (5 sampai "
		    "8000 karakter).");
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_selection_get(tx, ar, sel, &s);
	if (rc == SEL_OK && !app_may(w, ACT_COMPLAINT_ANSWER, s.region_id,
	    sel))
		rc = app_say(m, SEL_EPERM, "Hanya instansi pengawas dan ketua "
		    "panitia yang menjawab pengaduan.");
	if (rc == SEL_OK && (rc = store_complaint_answer(tx, id, sel, answer,
	    w->name, at)) == SEL_ENOENT)
		app_say(m, rc, "Pengaduan tidak ditemukan.");
	ids = arena_printf(ar, "%lld", (long long)id);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "complaint_answer", STR(""),
		    app_kv(ar, "complaint", &ids, "answer", &answer, NULL),
		    STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
