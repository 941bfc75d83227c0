/*
 * h_choice.c - the PPK's choice (app/choice.h): /kelola/N/pilihan.
 *
 * Per vacancy: the best 3 the committee sent (rank, registration number,
 * name, final score), the PPK's interviews with them (where the region's
 * regulation provides one: SCORE-PPK-INTERVIEW) and the choice
 * (APPT-CHOOSE) once made.  The PPK gets the two forms while choosing is
 * open; a refused form comes back with what was typed and the error
 * beside its field.  Everyone else who may read the ranking reads the
 * same page without forms; app refuses anyone else.
 */
#include <inttypes.h>
#include <string.h>

#include <microhttpd.h>

#include "app/choice.h"
#include "web/h_choice_int.h"
#include "base/arena.h"
#include "web/web.h"
#include "base/banned.h"

/* Is this the refused form (vacancy v, act)? */
bool
hc_refill(const struct cctx *c, int64_t v, const char *act)
{
	return c->bad_act != NULL && c->bad_vac == v &&
	    strcmp(c->bad_act, act) == 0;
}

struct str
hc_fid(const struct cctx *c, int64_t v, const char *act, const char *name)
{
	return arena_printf(c->r->ar, "%s-%" PRId64 "-%s", act, v, name);
}

void
hc_bad(const struct cctx *c, int64_t v, const char *act, const char *name)
{
	if (!hc_refill(c, v, act) || c->field == NULL ||
	    strcmp(c->field, name) != 0)
		return;
	H(c->p, " aria-invalid=\"true\"");
	HA(c->p, "aria-describedby", hc_fid(c, v, act, arena_printf(c->r->ar,
	    "%s-err", name).p));
}

void
hc_bad_text(const struct cctx *c, int64_t v, const char *act, const char *name)
{
	if (!hc_refill(c, v, act) || c->field == NULL ||
	    strcmp(c->field, name) != 0)
		return;
	H(c->p, "<p class=\"field-err\"");
	HA(c->p, "id", hc_fid(c, v, act, arena_printf(c->r->ar, "%s-err",
	    name).p));
	H(c->p, ">");
	h_textc(c->p, c->msg);
	H(c->p, "</p>");
}

struct str
hc_typed(const struct cctx *c, int64_t v, const char *act, const char *name)
{
	return hc_refill(c, v, act) ? form_get(&c->r->form, name) : STR("");
}

/* A form to page (pilihan/pilih, konsultasi) on vacancy v. */
void
hc_form_open(const struct cctx *c, int64_t v, const char *page)
{
	H(c->p, "<form method=\"post\"");
	HA(c->p, "action", arena_printf(c->r->ar, "/kelola/%" PRId64
	    "/%s#jabatan-%" PRId64, c->cv->rk.sel.s.id, page, v));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	H(c->p, "<input type=\"hidden\" name=\"vacancy\"");
	HAI(c->p, "value", v);
	H(c->p, ">");
}

void
hc_date_field(const struct cctx *c, int64_t v, const char *act,
    const char *name, const char *label)
{
	struct str val = hc_typed(c, v, act, name);

	H(c->p, "<label");
	HA(c->p, "for", hc_fid(c, v, act, name));
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label><input type=\"date\" required");
	HA(c->p, "id", hc_fid(c, v, act, name));
	HA(c->p, "name", str_c(name));
	HA(c->p, "value", val.len > 0 ? val : c->cv->today_iso);
	hc_bad(c, v, act, name);
	H(c->p, ">");
	hc_bad_text(c, v, act, name);
}

void
hc_text_field(const struct cctx *c, int64_t v, const char *act,
    const char *name, const char *label)
{
	H(c->p, "<label");
	HA(c->p, "for", hc_fid(c, v, act, name));
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label><textarea required minlength=\"10\" "
	    "maxlength=\"4000\" rows=\"4\"");
	HA(c->p, "id", hc_fid(c, v, act, name));
	HA(c->p, "name", str_c(name));
	hc_bad(c, v, act, name);
	H(c->p, ">");
	h_text(c->p, hc_typed(c, v, act, name));
	H(c->p, "</textarea>");
	hc_bad_text(c, v, act, name);
}

void
hc_line_field(const struct cctx *c, int64_t v, const char *act,
    const char *name, const char *label)
{
	H(c->p, "<label");
	HA(c->p, "for", hc_fid(c, v, act, name));
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label><input type=\"text\" required maxlength=\"200\"");
	HA(c->p, "id", hc_fid(c, v, act, name));
	HA(c->p, "name", str_c(name));
	HA(c->p, "value", hc_typed(c, v, act, name));
	hc_bad(c, v, act, name);
	H(c->p, ">");
	hc_bad_text(c, v, act, name);
}

void
hc_confirm(const struct cctx *c, int64_t v, const char *act,
    const char *text)
{
	H(c->p, "<label class=\"check\"><input type=\"checkbox\" "
	    "name=\"confirm\" value=\"1\"");
	HA(c->p, "id", hc_fid(c, v, act, "confirm"));
	if (hc_refill(c, v, act) && form_has(&c->r->form, "confirm",
	    STR("1")))
		H(c->p, " checked");
	hc_bad(c, v, act, "confirm");
	H(c->p, "> ");
	h_textc(c->p, text);
	H(c->p, "</label>");
	hc_bad_text(c, v, act, "confirm");
}

void
hc_radios(const struct cctx *c, int64_t v, const char *act, const char *name,
    const char *legend, const char *const *values, const char *const *labels,
    size_t n)
{
	struct str cur = hc_typed(c, v, act, name);

	H(c->p, "<fieldset");
	hc_bad(c, v, act, name);
	H(c->p, "><legend>");
	h_textc(c->p, legend);
	H(c->p, "</legend>");
	for (size_t i = 0; i < n; i++) {
		H(c->p, "<label class=\"check\"><input type=\"radio\" "
		    "required");
		HA(c->p, "name", str_c(name));
		HA(c->p, "value", str_c(values[i]));
		if (str_eqc(cur, values[i]))
			H(c->p, " checked");
		H(c->p, "> ");
		h_textc(c->p, labels[i]);
		H(c->p, "</label>");
	}
	H(c->p, "</fieldset>");
	hc_bad_text(c, v, act, name);
}

static void
interview_form(const struct cctx *c, const struct choice_vac *x)
{
	int64_t v = x->rv->vacancy_id;

	H(c->p, "<h4>Catat wawancara PPK</h4>");
	hc_form_open(c, v, "pilihan/wawancara");
	hc_date_field(c, v, "wawancara", "held_on", "Tanggal wawancara");
	hc_text_field(c, v, "wawancara", "notes", "Catatan wawancara (siapa "
	    "yang diwawancarai, pokok-pokoknya)");
	hc_bad_text(c, v, "wawancara", "vacancy");
	H(c->p, "<button type=\"submit\">Catat wawancara</button></form>");
}

static void
choose_form(const struct cctx *c, const struct choice_vac *x)
{
	int64_t v = x->rv->vacancy_id;
	struct str cur = hc_typed(c, v, "pilih", "application");

	H(c->p, "<h4>Pilih calon</h4>");
	hc_form_open(c, v, "pilihan/pilih");
	H(c->p, "<fieldset");
	hc_bad(c, v, "pilih", "application");
	H(c->p, "><legend>Calon yang dipilih PPK (satu dari yang disampaikan "
	    "panitia)</legend>");
	for (size_t i = 0; i < x->n; i++) {
		const struct choice_cand *k = &x->c[i];
		struct str id = hc_fid(c, v, "pilih", arena_printf(c->r->ar,
		    "app-%" PRId64, k->application_id).p);

		H(c->p, "<label class=\"check\"><input type=\"radio\" "
		    "name=\"application\" required");
		HA(c->p, "id", id);
		HAI(c->p, "value", k->application_id);
		if (parse_i64(cur, 1, INT64_MAX, &(int64_t){ 0 }) == SEL_OK &&
		    str_eq(cur, arena_printf(c->r->ar, "%" PRId64,
		    k->application_id)))
			H(c->p, " checked");
		H(c->p, "> ");
		h_text(c->p, k->reg_no);
		H(c->p, " · ");
		h_text(c->p, k->name);
		H(c->p, "</label>");
	}
	H(c->p, "</fieldset>");
	hc_bad_text(c, v, "pilih", "application");
	hc_date_field(c, v, "pilih", "chosen_on", "Tanggal keputusan PPK");
	hc_text_field(c, v, "pilih", "reason", "Pertimbangan PPK (kesesuaian "
	    "dengan jabatan dan rekomendasi panitia)");
	hc_confirm(c, v, "pilih", "Pilihan ini adalah keputusan saya sebagai "
	    "PPK; setelah dicatat tidak dapat diubah.");
	hc_bad_text(c, v, "pilih", "vacancy");
	H(c->p, "<button type=\"submit\">Catat pilihan</button></form>");
}

static void
shortlist_table(const struct cctx *c, const struct choice_vac *x)
{
	H(c->p, SCROLL("Calon yang disampaikan") "<table><caption>Calon yang "
	    "disampaikan panitia</caption><thead><tr><th scope=\"col\">"
	    "Peringkat</th><th scope=\"col\">Nomor pendaftaran</th><th "
	    "scope=\"col\">Nama</th><th scope=\"col\">Nilai akhir</th>"
	    "</tr></thead><tbody>");
	for (size_t i = 0; i < x->n; i++) {
		const struct choice_cand *k = &x->c[i];
		int64_t f = k->row->r->final;

		H(c->p, "<tr><td data-label=\"Peringkat\">");
		h_int(c->p, k->row->r->rank);
		H(c->p, "</td><td data-label=\"Nomor pendaftaran\">");
		h_text(c->p, k->reg_no);
		H(c->p, "</td><td data-label=\"Nama\">");
		h_text(c->p, k->name);
		if (x->chosen && x->choice.application_id == k->application_id)
			H(c->p, " <strong>(dipilih PPK)</strong>");
		H(c->p, "</td><td data-label=\"Nilai akhir\">");
		h_textf(c->p, "%" PRId64 ",%02" PRId64, f / 100, f % 100);
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div>");
}

static void
vacancy(const struct cctx *c, const struct choice_vac *x)
{
	struct str zone = sel_zone(&c->cv->rk.sel);

	H(c->p, "<section");
	HA(c->p, "id", arena_printf(c->r->ar, "jabatan-%" PRId64,
	    x->rv->vacancy_id));
	H(c->p, "><h2>");
	h_text(c->p, x->rv->title);
	H(c->p, "</h2>");
	if (x->n == 0) {
		H(c->p, "<p>Tidak ada calon yang disampaikan panitia untuk "
		    "jabatan ini.</p></section>");
		return;
	}
	shortlist_table(c, x);
	if (x->chosen) {
		H(c->p, "<p class=\"done\">Dipilih PPK: <strong>");
		h_text(c->p, x->choice.reg_no);
		H(c->p, " · ");
		h_text(c->p, x->choice.name);
		H(c->p, "</strong>, keputusan tanggal ");
		h_date_str(c->p, x->choice.chosen_on);
		H(c->p, ". Pertimbangan: ");
		h_text(c->p, x->choice.reason);
		H(c->p, " Dicatat oleh ");
		h_text(c->p, x->choice.recorded_by);
		H(c->p, " pada ");
		h_when(c->p, x->choice.recorded_at, zone);
		H(c->p, ".</p>");
	}
	if (x->niv > 0) {
		H(c->p, "<h3>Wawancara PPK</h3><ul>");
		for (size_t i = 0; i < x->niv; i++) {
			H(c->p, "<li>");
			h_date_str(c->p, x->iv[i].held_on);
			H(c->p, ": ");
			h_text(c->p, x->iv[i].notes);
			H(c->p, " <span class=\"small\">(dicatat oleh ");
			h_text(c->p, x->iv[i].recorded_by);
			H(c->p, ")</span></li>");
		}
		H(c->p, "</ul>");
	}
	if (c->cv->may_act && !x->chosen) {
		if (c->cv->interview_allowed)
			interview_form(c, x);
		choose_form(c, x);
	}
	H(c->p, "</section>");
}

static void
rule_item(const struct cctx *c, const struct rule_result *r)
{
	H(c->p, "<li><strong>");
	h_textc(c->p, rule_name(r->id));
	H(c->p, "</strong>: ");
	h_text(c->p, r->detail);
	if (r->citation.len > 0) {
		H(c->p, " <span class=\"small\">");
		h_text(c->p, r->citation);
		H(c->p, "</span>");
	}
	H(c->p, "</li>");
}

static void
choice_page(struct cctx *c, bool ok)
{
	struct choice_view *cv = c->cv;

	page_begin(c->r, c->rs, "Pilihan PPK");
	if (c->msg != NULL)
		h_msg(c->p, ok, c->msg);
	H(c->p, "<p><a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64,
	    cv->rk.sel.s.id));
	H(c->p, ">");
	h_text(c->p, cv->rk.sel.s.f[SF_TITLE]);
	H(c->p, "</a> · <a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64
	    "/peringkat", cv->rk.sel.s.id));
	H(c->p, ">peringkat akhir (rahasia)</a></p><p>Peringkat diterima "
	    "PPK ");
	if (cv->sent_on != 0)
		h_date(c->p, cv->sent_on);
	H(c->p, ".</p><ul class=\"rules\">");
	rule_item(c, &cv->choose);
	rule_item(c, &cv->interview);
	H(c->p, "</ul>");
	if (!cv->may_act && cv->rk.sel.state == FL_CHOICE)
		H(c->p, "<p>PPK memilih satu calon untuk setiap jabatan di "
		    "halaman ini.</p>");
	for (size_t i = 0; i < cv->nvac; i++)
		vacancy(c, &cv->vac[i]);
	page_end(c->r, c->rs);
}

bool
hc_logged_in(struct req *r, struct resp *rs)
{
	if (r->who.account_id != 0)
		return true;
	resp_redirect(rs, "/masuk");
	return false;
}

void
hc_get(struct cctx *c, const struct hc_page *pg)
{
	struct app_msg m = { "" };
	enum sel_err rc;

	if (!hc_logged_in(c->r, c->rs))
		return;
	if ((rc = pg->load(c, &m)) != SEL_OK) {
		page_error(c->r, c->rs, web_status(rc), m.text[0] ? m.text :
		    "Halaman tidak dapat dibuka.");
		return;
	}
	if (req_query(c->r, "ok").len > 0)
		c->msg = pg->done;
	pg->show(c, true);
}

void
hc_post_done(struct cctx *c, const struct hc_page *pg, enum sel_err rc,
    const struct app_msg *m, const char *field, const char *act)
{
	struct req *r = c->r;

	if (rc == SEL_OK) {
		resp_redirect(c->rs, arena_printf(r->ar, "/kelola/%" PRId64
		    "/%s?ok=1", r->ids[0], pg->path).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT ||
	    pg->load(c, &(struct app_msg){ "" }) != SEL_OK) {
		page_error(r, c->rs, web_status(rc), m->text[0] ? m->text :
		    "Gagal.");
		return;
	}
	(void)parse_i64(form_get(&r->form, "vacancy"), 1, INT64_MAX,
	    &c->bad_vac);
	c->bad_act = act;
	c->field = field;
	c->msg = m->text[0] ? m->text : "Gagal.";
	c->rs->status = web_status(rc);
	pg->show(c, false);
}

static enum sel_err
choice_load_v(struct cctx *c, struct app_msg *m)
{
	return app_choice_view(c->r->app, c->r->ar, &c->r->who, c->r->ids[0],
	    c->cv, m);
}

static void
choice_show(struct cctx *c, bool ok)
{
	choice_page(c, ok);
}

static const struct hc_page choice_pg = { choice_load_v, choice_show,
	"pilihan", "Dicatat dalam jejak audit." };

void
h_choice(struct req *r, struct resp *rs)
{
	struct choice_view cv;
	struct cctx c = { r, rs, &rs->pg, &cv, 0, NULL, NULL, NULL, &cv };

	hc_get(&c, &choice_pg);
}

void
h_choice_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	struct choice_view cv;
	struct cctx c = { r, rs, &rs->pg, &cv, 0, NULL, NULL, NULL, &cv };
	bool choose = str_eqc(r->word, "pilih");
	enum sel_err rc;

	if (!hc_logged_in(r, rs))
		return;
	if (!choose && !str_eqc(r->word, "wawancara")) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak ada.");
		return;
	}
	rc = choose ? app_ppk_choose(r->app, r->ar, &r->who, r->ids[0],
	    &r->form, &m, &field) : app_ppk_interview(r->app, r->ar, &r->who,
	    r->ids[0], &r->form, &m, &field);
	hc_post_done(&c, &choice_pg, rc, &m, field, choose ? "pilih" :
	    "wawancara");
}

/* ---- /kelola/N/konsultasi: the special consultations ---- */

/* "kirim-APPT-DUKCAPIL": the refill key of a consultation's form. */
static const char *
consult_act(const struct cctx *c, bool sent, enum rule_id rule)
{
	return arena_printf(c->r->ar, "%s-%s", sent ? "kirim" : "jawab",
	    rule_name(rule)).p;
}

static void
consult_form(const struct cctx *c, const struct choice_vac *x,
    const struct consult_item *it, bool sent)
{
	int64_t v = x->rv->vacancy_id;
	const char *act = consult_act(c, sent, it->c.rule);

	H(c->p, "<h4>");
	h_textc(c->p, sent ? "Catat surat keluar" : "Catat jawaban");
	H(c->p, "</h4>");
	hc_file_form_open(c, v, "konsultasi/catat");	/* ---- letters */
	H(c->p, "<input type=\"hidden\" name=\"rule\"");
	HA(c->p, "value", str_c(rule_name(it->c.rule)));
	H(c->p, "><input type=\"hidden\" name=\"act\"");
	HA(c->p, "value", str_c(sent ? "sent" : "answered"));
	H(c->p, ">");
	if (!sent && it->c.minister_chooses) {
		struct str cur = hc_typed(c, v, act, "application");

		H(c->p, "<fieldset");
		hc_bad(c, v, act, "application");
		H(c->p, "><legend>Calon yang ditetapkan Menteri Dalam Negeri"
		    "</legend>");
		for (size_t i = 0; i < x->n; i++) {
			struct str val = arena_printf(c->r->ar, "%" PRId64,
			    x->c[i].application_id);

			H(c->p, "<label class=\"check\"><input type=\"radio\" "
			    "name=\"application\" required");
			HA(c->p, "value", val);
			if (str_eq(cur, val))
				H(c->p, " checked");
			H(c->p, "> ");
			h_text(c->p, x->c[i].reg_no);
			H(c->p, " · ");
			h_text(c->p, x->c[i].name);
			H(c->p, "</label>");
		}
		H(c->p, "</fieldset>");
		hc_bad_text(c, v, act, "application");
	}
	hc_line_field(c, v, act, "letter_no", "Nomor surat");
	hc_date_field(c, v, act, "letter_on", "Tanggal surat");
	hc_text_field(c, v, act, "summary", sent ? "Isi ringkas surat" :
	    "Isi ringkas jawaban");
	hc_letter_field(c, v, act, sent ? "Surat (dipindai)" : "Surat "
	    "jawaban (dipindai)");	/* ---- letters ---- */
	hc_bad_text(c, v, act, "act");
	hc_bad_text(c, v, act, "rule");
	H(c->p, "<button type=\"submit\">Catat</button></form>");
}

static void
consult_act_text(const struct cctx *c, const char *what,
    const struct s_consult *k, const struct s_letter *file)
{
	H(c->p, "<p class=\"done\">");
	h_textc(c->p, what);
	H(c->p, ": surat nomor ");
	h_text(c->p, k->letter_no);
	H(c->p, " tanggal ");
	h_date_str(c->p, k->letter_on);
	H(c->p, ". ");
	h_text(c->p, k->summary);
	hc_letter_link(c, file, "Surat");	/* ---- letters ---- */
	if (file == NULL)
		H(c->p, " <strong>Berkas surat belum diunggah.</strong>");
	H(c->p, " <span class=\"small\">(dicatat oleh ");
	h_text(c->p, k->recorded_by);
	H(c->p, " pada ");
	h_when(c->p, k->recorded_at, sel_zone(&c->cv->rk.sel));
	H(c->p, ")</span></p>");
}

static void
consult_item_show(const struct cctx *c, const struct choice_vac *x,
    const struct consult_item *it)
{
	H(c->p, "<li><h3>");
	h_text(c->p, it->c.what);
	H(c->p, " ");
	h_text(c->p, it->c.with);
	H(c->p, "</h3><p><strong>");
	h_textc(c->p, rule_name(it->c.rule));
	H(c->p, "</strong>: ");
	h_text(c->p, it->c.detail);
	H(c->p, " <span class=\"small\">");
	h_text(c->p, it->c.citation);
	H(c->p, "</span></p>");
	if (it->c.due != 0) {
		H(c->p, "<p>Batas akhir pengiriman: <strong>");
		h_date(c->p, it->c.due);
		H(c->p, "</strong> (");
		h_textc(c->p, it->late ? "surat dikirim setelah batas akhir" :
		    "dihitung sejak peringkat diterima PPK");
		H(c->p, ")</p>");
	}
	if (it->sent != NULL)
		consult_act_text(c, "Surat keluar", it->sent, it->sent_file);
	if (it->answer != NULL)
		consult_act_text(c, "Jawaban", it->answer, it->answer_file);
	else if (it->sent != NULL && !it->c.answer)
		H(c->p, "<p>Surat pemberitahuan: tidak menunggu jawaban.</p>");
	if (c->cv->may_consult && it->sent == NULL && x->n > 0)
		consult_form(c, x, it, true);
	else if (c->cv->may_consult && it->sent != NULL && it->c.answer &&
	    it->answer == NULL)
		consult_form(c, x, it, false);
	H(c->p, "</li>");
}

static void
consult_page(struct cctx *c, bool ok)
{
	struct choice_view *cv = c->cv;

	page_begin(c->r, c->rs, "Konsultasi khusus");
	if (c->msg != NULL)
		h_msg(c->p, ok, c->msg);
	H(c->p, "<p><a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64,
	    cv->rk.sel.s.id));
	H(c->p, ">");
	h_text(c->p, cv->rk.sel.s.f[SF_TITLE]);
	H(c->p, "</a></p><p>Jabatan tertentu dikoordinasikan atau "
	    "dikonsultasikan sebelum ditetapkan, sebagaimana peraturan "
	    "daerah ini mengatur; pengangkatan menunggu sampai semuanya "
	    "dicatat.</p>");
	for (size_t i = 0; i < cv->nvac; i++) {
		const struct choice_vac *x = &cv->vac[i];

		H(c->p, "<section");
		HA(c->p, "id", arena_printf(c->r->ar, "jabatan-%" PRId64,
		    x->rv->vacancy_id));
		H(c->p, "><h2>");
		h_text(c->p, x->rv->title);
		H(c->p, "</h2>");
		if (x->nit == 0) {
			H(c->p, "<p>Jabatan ini tidak memerlukan konsultasi "
			    "khusus.</p></section>");
			continue;
		}
		H(c->p, "<p>Calon yang disampaikan panitia:</p><ul>");
		for (size_t k = 0; k < x->n; k++) {
			H(c->p, "<li>");
			h_text(c->p, x->c[k].reg_no);
			H(c->p, " · ");
			h_text(c->p, x->c[k].name);
			if (x->chosen && x->choice.application_id ==
			    x->c[k].application_id)
				H(c->p, " <strong>(dipilih)</strong>");
			H(c->p, "</li>");
		}
		H(c->p, "</ul><ul class=\"cards\">");
		for (size_t k = 0; k < x->nit; k++)
			consult_item_show(c, x, &x->it[k]);
		H(c->p, "</ul></section>");
	}
	page_end(c->r, c->rs);
}

static enum sel_err
consult_load_v(struct cctx *c, struct app_msg *m)
{
	return app_consult_view(c->r->app, c->r->ar, &c->r->who, c->r->ids[0],
	    c->cv, m);
}

static void
consult_show(struct cctx *c, bool ok)
{
	consult_page(c, ok);
}

static const struct hc_page consult_pg = { consult_load_v, consult_show,
	"konsultasi", "Surat konsultasi dicatat dalam jejak audit." };

void
h_consult(struct req *r, struct resp *rs)
{
	struct choice_view cv;
	struct cctx c = { r, rs, &rs->pg, &cv, 0, NULL, NULL, NULL, &cv };

	hc_get(&c, &consult_pg);
}

void
h_consult_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	struct choice_view cv;
	struct cctx c = { r, rs, &rs->pg, &cv, 0, NULL, NULL, NULL, &cv };
	enum rule_id rule = R__N;
	enum sel_err rc;

	if (!hc_logged_in(r, rs))
		return;
	rc = app_consult_record(r->app, r->ar, &r->who, r->ids[0], &r->form,
	    &m, &field);
	(void)rule_lookup(form_get(&r->form, "rule"), &rule);
	hc_post_done(&c, &consult_pg, rc, &m, field, consult_act(&c,
	    str_eqc(form_get(&r->form, "act"), "sent"), rule));
}
