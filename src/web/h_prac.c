/*
 * h_prac.c - the page of today's practice beyond the seeds
 * (REGULATIONS.md §15, PRAC-*): /kelola/N/praktik shows each PRAC gate of
 * the selection's profile with its state and citation, and offers the
 * forms that record what the gates wait for: the oversight body's
 * approval letters, the acting-head flag and the windows of UU 10/2016,
 * the Minister of Home Affairs' approval, the plan's assessment provider.
 *
 * A form is shown only to a role that may use it, and only before the
 * announcement is published; app refuses anything else anyway.  A refused
 * form comes back with what was typed and the error beside its field.
 */
#include <inttypes.h>
#include <string.h>

#include <microhttpd.h>

#include "app/prac.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"

struct pctx {
	struct req		*r;
	struct resp		*rs;
	struct page		*p;
	struct sel_view		*v;
	const char		*form;	/* the open form's word */
	const char		*failed;	/* the refused form's word */
	const char		*field;	/* its field at fault */
	const char		*msg;	/* and why */
};

static bool
may(struct pctx *c, enum act a)
{
	return app_may(&c->r->who, a, c->v->s.region_id, c->v->s.id) &&
	    !c->v->published;
}

static struct str
fid(struct pctx *c, const char *name)
{
	return arena_printf(c->r->ar, "%s-%s", c->form, name);
}

static void
form_open(struct pctx *c, const char *word, const char *legend)
{
	H(c->p, "<form method=\"post\"");
	HA(c->p, "action", arena_printf(c->r->ar, "/kelola/%" PRId64
	    "/praktik/%s", c->v->s.id, word));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	c->form = word;
	H(c->p, "<fieldset><legend>");
	h_textc(c->p, legend);
	H(c->p, "</legend>");
}

static void
submit(struct pctx *c, const char *label)
{
	H(c->p, "</fieldset><button type=\"submit\">");
	h_textc(c->p, label);
	H(c->p, "</button></form>");
}

/* Was this field of the open form refused? */
static bool
bad(struct pctx *c, const char *name)
{
	return c->failed != NULL && c->field != NULL &&
	    strcmp(c->failed, c->form) == 0 && strcmp(c->field, name) == 0;
}

/* The value to show: as typed when this form was refused, else dflt. */
static struct str
value(struct pctx *c, const char *name, struct str dflt)
{
	if (c->failed != NULL && strcmp(c->failed, c->form) == 0)
		return form_get(&c->r->form, name);
	return dflt;
}

static void
field_err(struct pctx *c, const char *name)
{
	if (!bad(c, name))
		return;
	H(c->p, "<p class=\"field-err\"");
	HA(c->p, "id", arena_printf(c->r->ar, "%s-err", fid(c, name).p));
	H(c->p, ">");
	h_textc(c->p, c->msg);
	H(c->p, "</p>");
}

static void
input(struct pctx *c, const char *name, const char *label, const char *type,
    struct str dflt, bool required)
{
	H(c->p, "<label");
	HA(c->p, "for", fid(c, name));
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label><input");
	HA(c->p, "type", str_c(type));
	HA(c->p, "id", fid(c, name));
	HA(c->p, "name", str_c(name));
	HA(c->p, "value", value(c, name, dflt));
	if (required)
		H(c->p, " required");
	if (bad(c, name)) {
		H(c->p, " aria-invalid=\"true\"");
		HA(c->p, "aria-describedby", arena_printf(c->r->ar, "%s-err",
		    fid(c, name).p));
	}
	H(c->p, ">");
	field_err(c, name);
}

static void
del_button(struct pctx *c, const char *word, int64_t id)
{
	H(c->p, "<form class=\"inline\" method=\"post\"");
	HA(c->p, "action", arena_printf(c->r->ar, "/kelola/%" PRId64
	    "/praktik/%s", c->v->s.id, word));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	H(c->p, "<input type=\"hidden\" name=\"id\"");
	HA(c->p, "value", arena_printf(c->r->ar, "%" PRId64, id));
	H(c->p, "><button type=\"submit\">Hapus</button></form>");
}

/* A gate: the preparation step with its state, detail and citation. */
static void
gate(struct pctx *c, enum prep_key k)
{
	static const char *const word[] = { "Selesai", "Peringatan",
	    "Belum" };
	static const char *const cls[] = { "done", "warn", "todo" };
	const struct prep_step *s = prep_find(&c->v->prep, k);

	if (s == NULL)
		return;
	H(c->p, "<p><span");
	HA(c->p, "class", str_c(cls[s->state]));
	H(c->p, ">");
	h_textc(c->p, word[s->state]);
	H(c->p, "</span>: ");
	h_textc(c->p, s->label);
	H(c->p, "</p>");
	if (s->has_rule) {
		H(c->p, "<ul class=\"rules\">");
		h_rule(c->p, &s->r);
		H(c->p, "</ul>");
	}
}

static void
letters(struct pctx *c, const char *kind, bool del)
{
	const struct prac_view *pv = c->v->prac;
	bool any = false;

	for (size_t i = 0; i < pv->nletters; i++)
		any |= str_eqc(pv->letters[i].kind, kind);
	if (!any) {
		H(c->p, "<p>Belum ada surat yang dicatat.</p>");
		return;
	}
	H(c->p, "<div class=\"scroll\"><table><caption>Surat yang dicatat"
	    "</caption><thead><tr><th scope=\"col\">Nomor</th><th scope=\"col\">"
	    "Tanggal</th><th scope=\"col\">Perihal</th><th scope=\"col\">"
	    "Dicatat oleh</th><th scope=\"col\">Tindakan</th></tr></thead>"
	    "<tbody>");
	for (size_t i = 0; i < pv->nletters; i++) {
		const struct s_prac_letter *l = &pv->letters[i];

		if (!str_eqc(l->kind, kind))
			continue;
		H(c->p, "<tr><td>");
		h_text(c->p, l->ref);
		H(c->p, "</td><td>");
		h_date_str(c->p, l->dated);
		H(c->p, "</td><td>");
		h_text(c->p, l->subject);
		H(c->p, "</td><td>");
		h_text(c->p, l->recorded_by);
		H(c->p, "</td><td>");
		if (del)
			del_button(c, "hapussurat", l->id);
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div>");
}

static void
letter_form(struct pctx *c, const char *word, const char *legend,
    bool subject_required)
{
	form_open(c, word, legend);
	input(c, "date", "Tanggal surat", "date", STR(""), true);
	input(c, "ref", "Nomor surat", "text", STR(""), true);
	input(c, "subject", subject_required ? "Perihal" :
	    "Perihal (bila ada)", "text", STR(""), subject_required);
	submit(c, "Catat surat");
}

static void
approval(struct pctx *c)
{
	const struct prof_rule *r = profile_rule_any(c->v->profile,
	    R_PRAC_OVERSIGHT_APPROVAL);

	if (r == NULL)
		return;
	H(c->p, "<h2 id=\"persetujuan\">Persetujuan ");
	h_text(c->p, c->v->region.oversight);
	H(c->p, " sebelum pengumuman (PRAC-OVERSIGHT-APPROVAL)</h2>");
	gate(c, PK_OVERSIGHT_APPROVAL);
	letters(c, "oversight_approval", may(c, ACT_PRAC_APPROVAL));
	if (may(c, ACT_PRAC_APPROVAL))
		letter_form(c, "persetujuan", "Catat surat persetujuan "
		    "(tidak boleh bertanggal sebelum rencana dikirim)", true);
}

static void
windows_table(struct pctx *c, const struct prof_rule *r)
{
	const struct prac_view *pv = c->v->prac;
	bool del = may(c, ACT_PRAC_MINISTER);

	if (r->prac->nwindows + pv->nwindows == 0) {
		H(c->p, "<p>Belum ada masa yang dicatat.</p>");
		return;
	}
	H(c->p, "<div class=\"scroll\"><table><caption>Masa yang memerlukan "
	    "persetujuan Menteri Dalam Negeri</caption><thead><tr><th "
	    "scope=\"col\">Masa</th><th scope=\"col\">Dari</th><th "
	    "scope=\"col\">Sampai</th><th scope=\"col\">Dasar</th><th "
	    "scope=\"col\">Sumber</th></tr></thead><tbody>");
	for (size_t i = 0; i < r->prac->nwindows; i++) {
		const struct prac_window *w = &r->prac->windows[i];

		H(c->p, "<tr><td>");
		h_text(c->p, w->label);
		H(c->p, "</td><td>");
		h_date(c->p, w->from);
		H(c->p, "</td><td>");
		h_date(c->p, w->to);
		H(c->p, "</td><td>");
		h_text(c->p, w->citation.len > 0 ? w->citation : r->citation);
		H(c->p, "</td><td>profil wilayah</td></tr>");
	}
	for (size_t i = 0; i < pv->nwindows; i++) {
		const struct s_prac_window *w = &pv->windows[i];

		H(c->p, "<tr><td>");
		h_text(c->p, w->label);
		H(c->p, "</td><td>");
		h_date_str(c->p, w->from_on);
		H(c->p, "</td><td>");
		h_date_str(c->p, w->to_on);
		H(c->p, "</td><td>");
		h_text(c->p, w->citation.len > 0 ? w->citation : r->citation);
		H(c->p, "</td><td>dicatat sekretariat ");
		if (del)
			del_button(c, "hapusmasa", w->id);
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div>");
}

static void
minister(struct pctx *c)
{
	const struct prof_rule *r = profile_rule_any(c->v->profile,
	    R_PRAC_HOME_MINISTER);
	const struct prac_view *pv = c->v->prac;
	bool edit = may(c, ACT_PRAC_MINISTER);
	bool on;

	if (r == NULL || r->prac == NULL)
		return;
	H(c->p, "<h2 id=\"mendagri\">Persetujuan tertulis Menteri Dalam "
	    "Negeri (PRAC-HOME-MINISTER)</h2>");
	gate(c, PK_HOME_MINISTER);
	H(c->p, "<p>Kepala daerah: ");
	H(c->p, "<strong>");
	if (pv->sel.acting_head)
		H(c->p, "Penjabat (Pj)");
	else
		H(c->p, "definitif");
	H(c->p, "</strong>.</p>");
	if (edit) {
		form_open(c, "pj", "Kepala daerah");
		on = c->failed != NULL && strcmp(c->failed, "pj") == 0 ?
		    form_has(&c->r->form, "acting", STR("1")) :
		    pv->sel.acting_head;
		H(c->p, "<label class=\"check\"><input type=\"checkbox\" "
		    "name=\"acting\" value=\"1\" id=\"pj-acting\"");
		if (on)
			H(c->p, " checked");
		H(c->p, "> Daerah dipimpin Penjabat (Pj) kepala daerah</label>");
		submit(c, "Simpan");
	}
	windows_table(c, r);
	if (edit) {
		form_open(c, "masa", "Catat masa (misalnya 6 bulan sebelum "
		    "penetapan pasangan calon sampai akhir masa jabatan)");
		input(c, "from", "Dari tanggal", "date", STR(""), true);
		input(c, "to", "Sampai tanggal", "date", STR(""), true);
		input(c, "label", "Keterangan masa", "text", STR(""), true);
		input(c, "citation", "Dasar hukum (bila berbeda)", "text",
		    STR(""), false);
		submit(c, "Catat masa");
	}
	H(c->p, "<h3>Persetujuan Menteri</h3>");
	letters(c, "home_minister", edit);
	if (edit)
		letter_form(c, "mendagri", "Catat persetujuan tertulis Menteri "
		    "Dalam Negeri", false);
}

/* The accreditation grade, g selected. */
static void
grade_select(struct pctx *c, struct str g)
{
	H(c->p, "<label for=\"asesmen-grade\">Peringkat akreditasi</label>"
	    "<select id=\"asesmen-grade\" name=\"grade\"");
	if (bad(c, "grade"))
		H(c->p, " aria-invalid=\"true\" aria-describedby="
		    "\"asesmen-grade-err\"");
	H(c->p, ">");
	for (int i = 0; i < ACCR__N; i++) {
		H(c->p, "<option");
		HA(c->p, "value", str_c(prac_grade_words[i]));
		if (prac_grade(g) == i)
			H(c->p, " selected");
		H(c->p, ">");
		h_textc(c->p, prac_grade_words[i]);
		H(c->p, "</option>");
	}
	H(c->p, "</select>");
	field_err(c, "grade");
}

static void
assessor(struct pctx *c)
{
	const struct prof_rule *r = profile_rule_any(c->v->profile,
	    R_PRAC_ASSESSOR);
	const struct s_prac *s = &c->v->prac->sel;

	if (r == NULL || r->prac == NULL)
		return;
	H(c->p, "<h2 id=\"asesmen\">Lembaga assessment dalam rencana "
	    "(PRAC-ASSESSOR)</h2>");
	gate(c, PK_PLAN);
	H(c->p, "<p>Akreditasi paling rendah: <strong>");
	h_textc(c->p, prac_grade_words[r->prac->min_grade]);
	H(c->p, "</strong>");
	if (r->prac->valid_years > 0) {
		H(c->p, "; hasil assessment berlaku ");
		h_int(c->p, r->prac->valid_years);
		H(c->p, " tahun");
	}
	H(c->p, " (");
	h_text(c->p, r->citation);
	H(c->p, ").</p><p>Tercatat: ");
	if (s->assessor_name.len > 0) {
		h_text(c->p, s->assessor_name);
		H(c->p, ", akreditasi ");
		h_text(c->p, s->assessor_grade);
		H(c->p, " (");
		h_text(c->p, s->assessor_decree);
		H(c->p, "), berlaku sampai ");
		h_date_str(c->p, s->assessor_valid_until);
	} else {
		H(c->p, "belum ada");
	}
	H(c->p, ".</p>");
	if (!may(c, ACT_PLAN_EDIT))
		return;
	form_open(c, "asesmen", "Lembaga penyelenggara assessment");
	input(c, "name", "Nama lembaga", "text", s->assessor_name, true);
	grade_select(c, value(c, "grade", s->assessor_grade));
	input(c, "decree", "Nomor keputusan akreditasi", "text",
	    s->assessor_decree, true);
	input(c, "valid_until", "Akreditasi berlaku sampai", "date",
	    s->assessor_valid_until, true);
	submit(c, "Simpan lembaga assessment");
}

/* The numbers and carried rules: what the profile says, with citations. */
static void
carried(struct pctx *c)
{
	const struct profile *pf = c->v->profile;
	const struct prof_rule *r;

	H(c->p, "<h2 id=\"ketentuan\">Ketentuan lain profil ini</h2><ul "
	    "class=\"rules\">");
	if ((r = profile_rule_any(pf, R_PRAC_MINIMUM)) != NULL) {
		H(c->p, "<li><strong>PRAC-MINIMUM</strong>: paling sedikit ");
		h_int(c->p, r->count);
		H(c->p, " pelamar per jabatan; perpanjangan ");
		h_int(c->p, r->days);
		h_textc(c->p, r->day_kind == DK_WORKING ? " hari kerja" :
		    " hari kalender");
		H(c->p, ", paling banyak ");
		h_int(c->p, r->max_times);
		H(c->p, " kali (");
		h_text(c->p, r->citation);
		H(c->p, ").</li>");
	}
	if ((r = profile_rule_any(pf, R_PRAC_NO_REPLACE_2Y)) != NULL) {
		H(c->p, "<li><strong>PRAC-NO-REPLACE-2Y</strong>: pejabat "
		    "pimpinan tinggi tidak diganti dalam ");
		h_int(c->p, r->years);
		H(c->p, " tahun sejak pelantikan (");
		h_text(c->p, r->citation);
		H(c->p, ").</li>");
	}
	if ((r = profile_rule_any(pf, R_PRAC_ROUTE)) != NULL) {
		H(c->p, "<li><strong>PRAC-ROUTE</strong>: jabatan dapat juga "
		    "diisi melalui rotasi dengan uji kompetensi atau dari "
		    "kelompok rencana suksesi (");
		h_text(c->p, r->citation);
		H(c->p, ").</li>");
	}
	H(c->p, "</ul>");
}

static void
prac_page(struct req *r, struct resp *rs, struct sel_view *v,
    const char *failed, const char *field, const char *msg)
{
	struct pctx c = { r, rs, &rs->pg, v, NULL, failed, field, msg };

	page_begin(r, rs, "Praktik 2023-2026");
	if (msg != NULL && failed == NULL)
		h_msg(c.p, true, msg);
	else if (msg != NULL)
		h_msg(c.p, false, msg);
	H(c.p, "<p><a");
	HA(c.p, "href", arena_printf(r->ar, "/kelola/%" PRId64, v->s.id));
	H(c.p, ">");
	h_text(c.p, v->s.f[SF_TITLE]);
	H(c.p, "</a> · profil ");
	h_text(c.p, v->profile->id);
	H(c.p, "</p><p>Ketentuan yang berlaku kini di luar peraturan daerah "
	    "(REGULATIONS.md §15), sebagaimana diaktifkan profil wilayah ini. "
	    "Setiap ketentuan yang belum dipenuhi menahan penerbitan "
	    "pengumuman.</p>");
	if (!v->prac->any) {
		H(c.p, "<p>Profil wilayah ini tidak mengaktifkan ketentuan "
		    "PRAC-* apa pun.</p>");
		page_end(r, rs);
		return;
	}
	if (v->published)
		H(c.p, "<p>Pengumuman sudah diterbitkan; catatan ini tidak "
		    "dapat diubah lagi.</p>");
	approval(&c);
	minister(&c);
	assessor(&c);
	carried(&c);
	page_end(r, rs);
}

void
h_prac(struct req *r, struct resp *rs)
{
	struct sel_view v;

	if (web_sel_load(r, rs, &v))
		prac_page(r, rs, &v, NULL, NULL, req_query(r, "ok").len > 0 ?
		    "Tersimpan dan dicatat dalam jejak audit." : NULL);
}

static const struct {
	const char	*word;
	enum prac_op	 op;
	const char	*anchor;
} words[] = {
	{ "persetujuan", PO_APPROVAL_ADD, "persetujuan" },
	{ "mendagri", PO_MINISTER_ADD, "mendagri" },
	{ "hapussurat", PO_LETTER_DEL, "persetujuan" },
	{ "pj", PO_ACTING, "mendagri" },
	{ "masa", PO_WINDOW_ADD, "mendagri" },
	{ "hapusmasa", PO_WINDOW_DEL, "mendagri" },
	{ "asesmen", PO_ASSESSOR, "asesmen" },
};

void
h_prac_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	struct sel_view v;
	enum sel_err rc;

	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		if (!str_eqc(r->word, words[i].word))
			continue;
		if (r->who.account_id == 0) {
			page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan "
			    "masuk terlebih dahulu.");
			return;
		}
		rc = app_prac(r->app, r->ar, &r->who, r->ids[0], words[i].op,
		    &r->form, &m, &field);
		if (rc == SEL_OK) {
			resp_redirect(rs, arena_printf(r->ar, "/kelola/%"
			    PRId64 "/praktik?ok=1#%s", r->ids[0],
			    words[i].anchor).p);
			return;
		}
		if (rc == SEL_EPERM || rc == SEL_ENOENT) {
			page_error(r, rs, web_status(rc), m.text[0] ?
			    m.text : "Tidak diizinkan.");
			return;
		}
		if (!web_sel_load(r, rs, &v))
			return;
		rs->status = web_status(rc);
		prac_page(r, rs, &v, words[i].word, field, m.text[0] ?
		    m.text : "Gagal menyimpan.");
		return;
	}
	page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak ditemukan.");
}
