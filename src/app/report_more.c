/*
 * report_more.c - after the report is sent (report.h, issue 14 item 3):
 * the copies (tembusan) the profile names, each marked dispatched by the
 * secretariat; the follow-up of a binding recommendation, which the
 * appointment waits for (core/appt.h appt_rec_opens); and the pack's
 * documents as sent.  Each write is one transaction with its audit
 * event; a refusal changes nothing.
 */
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "app/letters.h"
#include "app/prep.h"
#include "app/report_int.h"
#include "base/arena.h"
#include "base/log.h"
#include "core/profile.h"
#include "base/banned.h"

#define TEXT_MIN	10
#define TEXT_MAX	4000

static bool
dispatched(const struct report_view *rv, struct str to)
{
	for (size_t i = 0; i < rv->nsent_copies; i++)
		if (str_eq(rv->sent_copies[i].recipient, to))
			return true;
	return false;
}

enum sel_err
report_more_load(struct stx *tx, struct arena *ar, const struct who *w,
    struct report_view *rv)
{
	const struct sel_view *v = &rv->cv.rk.sel;
	int64_t sel = v->s.id;
	bool open = false;
	enum sel_err rc;

	rv->ncopies = appt_copies(v->profile, &rv->copies);
	if ((rc = store_report_docs(tx, ar, sel, &rv->docs, &rv->ndocs)) ||
	    (rc = store_report_copies(tx, ar, sel, &rv->sent_copies,
	    &rv->nsent_copies)))
		return rc;
	rc = store_followup_get(tx, ar, sel, &rv->followup);
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	rv->has_followup = rc == SEL_OK;
	rv->rec_file = letter_find(rv->cv.letters, rv->cv.nletters,
	    STR(LETTER_REF_RECOMMENDATION));
	rv->followup_file = letter_find(rv->cv.letters, rv->cv.nletters,
	    STR(LETTER_REF_FOLLOWUP));
	rv->awaits_followup = rv->has_rec && appt_rec_awaits_followup(
	    rv->rec.binding, rv->has_followup);
	for (size_t i = 0; i < rv->ncopies; i++)
		open |= !dispatched(rv, rv->copies[i].to);
	rv->may_dispatch = w != NULL && rv->sent && open && app_has_role(w,
	    ROLE_SECRETARIAT, v->s.region_id, sel);
	rv->may_followup = w != NULL && rv->awaits_followup &&
	    v->state == FL_REPORT && (app_has_role(w, ROLE_PPK,
	    v->s.region_id, sel) || app_has_role(w, ROLE_SECRETARIAT,
	    v->s.region_id, sel));
	return SEL_OK;
}

/* A day in name: from the report's letter to today. */
static enum sel_err
day_after_report(struct after *c, const struct report_view *rv,
    const char *name, struct str *iso)
{
	sel_date d, lo = 0;
	enum sel_err rc;

	if ((rc = after_day(c, name, "surat", &d)) != SEL_OK)
		return rc;
	(void)date_parse(rv->rs.letter_on, &lo);
	if (lo != 0 && d < lo)
		return after_bad(c, name, SEL_EINVAL, "Tanggal ini tidak boleh "
		    "sebelum tanggal surat laporan.");
	*iso = app_date_iso(c->ar, d);
	return SEL_OK;
}

enum sel_err
app_report_dispatch(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct report_view *rv = arena_alloc(ar, sizeof *rv);
	const struct appt_copy *cp = NULL;
	struct s_report_copy r;
	struct after c;
	struct str to = str_trim(form_get(f, "to")), cite;
	enum sel_err rc;

	after_init(&c, a, ar, w, &rv->cv, rv, f, m, field);
	if ((rc = report_begin(&c, rv, sel)) != SEL_OK)
		return rc;
	memset(&r, 0, sizeof r);
	if (!app_has_role(w, ROLE_SECRETARIAT, rv->cv.rk.sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Pengiriman tembusan dicatat oleh "
		    "sekretariat.");
	else if (!rv->sent)
		rc = app_say(m, SEL_ESTATE, "Tembusan dicatat setelah laporan "
		    "dikirim.");
	for (size_t i = 0; rc == SEL_OK && i < rv->ncopies; i++)
		if (str_eq(rv->copies[i].to, to))
			cp = &rv->copies[i];
	if (rc == SEL_OK && cp == NULL)
		rc = after_bad(&c, "to", SEL_EINVAL, "Pilih penerima tembusan "
		    "dari daftar peraturan daerah ini (APPT-REPORT).");
	if (rc == SEL_OK && dispatched(rv, to))
		rc = after_bad(&c, "to", SEL_ESTATE, "Pengiriman tembusan ini "
		    "sudah dicatat.");
	if (rc == SEL_OK)
		rc = day_after_report(&c, rv, "dispatched_on",
		    &r.dispatched_on);
	if (rc == SEL_OK)
		rc = after_text(&c, "means", "Cara pengiriman", 3, 200, false,
		    &r.means);
	if (rc == SEL_OK)
		rc = after_text(&c, "number", "Nomor surat atau tanda kirim",
		    1, 200, false, &r.number);
	if (rc == SEL_OK) {
		r.selection_id = sel;
		r.recipient = cp->to;
		r.recorded_at = app_iso(ar, app_now(a));
		r.recorded_by = w->name;
		r.account_id = w->account_id;
		rc = store_report_copy_add(c.tx, &r);
	}
	if (rc == SEL_OK) {
		cite = arena_printf(ar, "%.*s %.*s",
		    (int)rv->cv.rk.sel.profile->cite.len,
		    rv->cv.rk.sel.profile->cite.p, (int)cp->citation.len,
		    cp->citation.p);
		rc = app_audit(a, c.tx, ar, w, sel, "report_copy", STR(""),
		    app_kv(ar, "to", &r.recipient, "dispatched_on",
		    &r.dispatched_on, "means", &r.means, "number", &r.number,
		    NULL), app_rule_cited(ar, R_APPT_REPORT, cite));
	}
	return after_finish(&c, rc);
}

enum sel_err
app_report_followup(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct report_view *rv = arena_alloc(ar, sizeof *rv);
	const struct sel_view *v;
	struct s_followup r;
	struct s_letter file;
	struct after c;
	struct str bytes;
	enum sel_err rc;

	after_init(&c, a, ar, w, &rv->cv, rv, f, m, field);
	if ((rc = report_begin(&c, rv, sel)) != SEL_OK)
		return rc;
	v = &rv->cv.rk.sel;
	memset(&r, 0, sizeof r);
	if (!app_has_role(w, ROLE_PPK, v->s.region_id, sel) &&
	    !app_has_role(w, ROLE_SECRETARIAT, v->s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Tindak lanjut rekomendasi dicatat "
		    "oleh PPK atau sekretariat.");
	else if (!rv->may_followup)
		rc = app_say(m, SEL_ESTATE, "%s", !rv->has_rec ? "Belum ada "
		    "rekomendasi." : !rv->rec.binding ? "Rekomendasi ini tidak "
		    "mengikat: tidak ada tindak lanjut yang ditunggu." :
		    "Tindak lanjut rekomendasi sudah dicatat.");
	if (rc == SEL_OK)
		rc = after_text(&c, "action", "Tindak lanjut yang dilakukan",
		    TEXT_MIN, TEXT_MAX, true, &r.action);
	if (rc == SEL_OK)
		rc = day_after_report(&c, rv, "done_on", &r.done_on);
	if (rc == SEL_OK)
		rc = after_text(&c, "letter_no", "Nomor surat", 1, 200, false,
		    &r.letter_no);
	if (rc == SEL_OK)
		rc = letter_check(f, m, c.field, &bytes);
	if (rc == SEL_OK) {
		r.selection_id = sel;
		r.recorded_at = app_iso(ar, app_now(a));
		r.recorded_by = w->name;
		r.account_id = w->account_id;
		rc = store_followup_add(c.tx, &r);
	}
	if (rc == SEL_OK)
		rc = letter_keep(a, c.tx, ar, w, sel, STR(LETTER_REF_FOLLOWUP),
		    bytes, "surat-tindak-lanjut", &file);
	if (rc == SEL_OK)
		rc = app_audit(a, c.tx, ar, w, sel, "recommend_followup",
		    STR(""), app_kv(ar, "action", &r.action, "done_on",
		    &r.done_on, "letter_no", &r.letter_no, "letter_sha256",
		    &file.sha256, NULL), app_rule_json(ar, v->profile,
		    profile_rule_any(v->profile, R_APPT_KASN_REPORT) != NULL ?
		    R_APPT_KASN_REPORT : R_APPT_REPORT));
	return after_finish(&c, rc);
}

enum sel_err
app_report_doc_open(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t seq, struct s_report_doc *out, int *fd,
    int64_t *size)
{
	struct sel_view *v = arena_alloc(ar, sizeof *v);
	struct s_report_doc *d;
	struct stx *tx;
	size_t n = 0;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, v);
	if (rc == SEL_OK && !letters_may_read(w, v))
		rc = SEL_EPERM;
	if (rc == SEL_OK)
		rc = store_report_docs(tx, ar, sel, &d, &n);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	rc = SEL_ENOENT;
	for (size_t i = 0; i < n; i++)
		if (d[i].seq == seq) {
			*out = d[i];
			rc = SEL_OK;
		}
	if (rc != SEL_OK)
		return rc;
	if (store_blob_read(a->files_dir, out->sha256, fd, size) != SEL_OK) {
		log_msg("error", "report", "document %" PRId64 ": file "
		    "missing from %s", seq, a->files_dir);
		return SEL_EIO;
	}
	if (*size != out->size) {
		close(*fd);
		return SEL_EIO;
	}
	return SEL_OK;
}
