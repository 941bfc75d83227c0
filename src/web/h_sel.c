/*
 * h_sel.c - a selection's preparation page: every step with its rule
 * results and citations, and the forms each role may use.  A form the
 * visitor's role does not allow is not shown; posting it anyway is
 * refused by app (403) and changes nothing.
 */
#include <string.h>

#include <microhttpd.h>

#include "app/prac.h"
#include "app/prep.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/label.h"
#include "web/h_sel.h"
#include "web/web.h"
#include "base/banned.h"

/*
 * The preparation's pages: an overview, and one page per step of the
 * workflow's preparing state, each with its forms (GET /kelola/N/WORD).
 */
enum section { SEC_OVERVIEW, SEC_VACANCY, SEC_PLAN, SEC_OVERSIGHT,
	SEC_COMMITTEE, SEC_ANNOUNCEMENT, SEC__N };

static const char *const sec_word[SEC__N] = { "", "lowongan", "rencana",
	"pengawas", "panitia", "pengumuman" };
static const char *const sec_label[SEC__N] = { "Ringkasan",
	"1. Lowongan jabatan", "2. Rencana pelaksanaan",
	"3. Instansi pengawas", "4. Panitia seleksi", "5. Pengumuman" };

/* The page of each step of the preparation's checklist (prep_eval). */
static enum section
key_section(enum prep_key k)
{
	switch (k) {
	case PK_VACANCIES:	return SEC_VACANCY;
	case PK_PLAN:		return SEC_PLAN;
	case PK_PLAN_SENT:
	case PK_RECOMMENDATION:
	case PK_CONSULT:	return SEC_OVERSIGHT;
	case PK_COMMITTEE:	return SEC_COMMITTEE;
	case PK_CONTENT:
	case PK_WINDOW:		return SEC_ANNOUNCEMENT;
	default:		return SEC_OVERVIEW;
	}
}

static void
steps(struct ctx *c)
{
	static const char *const word[] = { "Selesai", "Peringatan",
	    "Belum" };
	static const char *const cls[] = { "done", "warn", "todo" };

	H(c->p, "<h2 id=\"langkah\">Langkah persiapan</h2><ol class=\"steps\">");
	for (size_t i = 0; i < c->v->prep.n; i++) {
		const struct prep_step *s = &c->v->prep.s[i];

		H(c->p, "<li><span");
		HA(c->p, "class", str_c(cls[s->state]));
		H(c->p, ">");
		h_textc(c->p, word[s->state]);
		H(c->p, "</span>: ");
		if (key_section(s->key) != SEC_OVERVIEW) {
			H(c->p, "<a");
			HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%lld/%s",
			    (long long)c->v->s.id,
			    sec_word[key_section(s->key)]));
			H(c->p, ">");
			h_textc(c->p, s->label);
			H(c->p, "</a>");
		} else if (s->key == PK_OVERSIGHT_APPROVAL ||
		    s->key == PK_HOME_MINISTER) {
			H(c->p, "<a");
			HA(c->p, "href", arena_printf(c->r->ar,
			    "/kelola/%lld/praktik", (long long)c->v->s.id));
			H(c->p, ">");
			h_textc(c->p, s->label);
			H(c->p, "</a>");
		} else
			h_textc(c->p, s->label);
		if (s->has_rule) {
			H(c->p, "<ul class=\"rules\">");
			h_rule(c->p, &s->r);
			H(c->p, "</ul>");
		}
		H(c->p, "</li>");
	}
	H(c->p, "</ol>");
	if (c->v->prep.ready && !c->v->published)
		H(c->p, "<p>Semua langkah selesai: ketua panitia dapat "
		    "menandatangani dan menerbitkan pengumuman.</p>");
}

static void
vacancies(struct ctx *c)
{
	struct sel_view *v = c->v;
	bool edit = sf_editable(c) && sf_may(c, ACT_VACANCY_EDIT);

	H(c->p, "<h2 id=\"lowongan\">1. Lowongan jabatan</h2>"
	    SCROLL("Lowongan") "<table><caption>"
	    "Lowongan</caption><thead><tr><th scope=\"col\">Jabatan</th>"
	    "<th scope=\"col\">Eselon</th><th scope=\"col\">Alasan kekosongan"
	    "</th><th scope=\"col\">Tindakan</th></tr></thead><tbody>");
	for (size_t i = 0; i < v->nvac; i++) {
		const char *why = prep_label(prep_reason_ids,
		    prep_reason_labels, v->vac[i].reason);

		H(c->p, "<tr><td>");
		h_text(c->p, v->vac[i].title);
		H(c->p, "</td><td>");
		h_text(c->p, v->vac[i].echelon);
		H(c->p, "</td><td>");
		h_textc(c->p, why);
		H(c->p, " ");
		h_text(c->p, v->vac[i].reason_note);
		H(c->p, "</td><td>");
		if (edit)
			sf_del_button(c, "hapuslowongan", "id", arena_printf(
			    c->r->ar, "%lld", (long long)v->vac[i].id),
			    "Hapus");
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div>");
	if (!edit)
		return;
	sf_form_open(c, "lowongan");
	H(c->p, "<fieldset><legend>Tambah lowongan</legend>");
	sf_input(c, "title", "Nama jabatan", "text", STR(""), true);
	sf_select(c, "level", "Jenis jabatan", vocab_level, label_level);
	sf_select(c, "echelon", "Eselon", vocab_echelon, NULL);
	sf_select(c, "kind", "Kelompok jabatan", vocab_vpost_kind,
	    label_vpost_kind);
	sf_input(c, "field", "Bidang (misalnya kesehatan)", "text", STR(""),
	    false);
	sf_select(c, "reason", "Alasan kekosongan (VAC-REASON)",
	    prep_reason_ids, prep_reason_labels);
	sf_input(c, "reason_note", "Keterangan alasan", "text", STR(""), false);
	H(c->p, "</fieldset>");
	sf_submit(c, "Tambah lowongan");
}

static void
plan(struct ctx *c)
{
	static const char *const wkey[ST__N] = { "w_paper", "w_assessment",
	    "w_interview", "w_track_record" };
	static const char *const wlabel[ST__N] = { "Bobot makalah (%)",
	    "Bobot assessment (%)", "Bobot wawancara (%)",
	    "Bobot rekam jejak (%)" };
	struct sel_view *v = c->v;
	bool edit = sf_editable(c) && sf_may(c, ACT_PLAN_EDIT);

	H(c->p, "<h2 id=\"rencana\">2. Rencana pelaksanaan (VAC-PLAN)</h2>");
	if (v->has_weights) {
		H(c->p, "<ul class=\"rules\">");
		for (size_t i = 0; i < v->wout.nrules; i++)
			h_rule(c->p, &v->wout.rules[i]);
		H(c->p, "</ul>");
	}
	H(c->p, SCROLL("Jadwal tahapan")
	    "<table><caption>Jadwal tahapan</caption><thead><tr><th "
	    "scope=\"col\">Tahapan</th><th scope=\"col\">Tanggal</th><th "
	    "scope=\"col\">Rincian</th><th "
	    "scope=\"col\">Tindakan</th></tr></thead><tbody>");
	for (size_t i = 0; i < v->nstages; i++) {
		const char *label = prep_label(prep_stage_ids,
		    prep_stage_labels, v->stages[i].stage);

		H(c->p, "<tr><td>");
		h_textc(c->p, label);
		H(c->p, "</td><td>");
		h_date_str(c->p, v->stages[i].starts_on);
		H(c->p, " sampai ");
		h_date_str(c->p, v->stages[i].ends_on);
		H(c->p, "</td><td>");
		sf_stage_plan_cell(c, v->stages[i].stage);
		H(c->p, "</td><td>");
		if (edit)
			sf_del_button(c, "hapustahapan", "stage",
			    v->stages[i].stage, "Hapus");
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div>");
	if (!edit) {
		H(c->p, "<p class=\"pre\">");
		h_text(c->p, v->s.f[SF_PLAN_DUTIES]);
		H(c->p, "</p>");
		return;
	}
	sf_form_open(c, "tahapan");
	H(c->p, "<fieldset><legend>Jadwal tahapan</legend>");
	sf_select(c, "stage", "Tahapan", prep_stage_ids, prep_stage_labels);
	sf_input(c, "starts_on", "Tanggal mulai", "date", STR(""), true);
	sf_input(c, "ends_on", "Tanggal selesai", "date", STR(""), true);
	sf_input(c, "method", "Metode", "text", STR(""), false);
	sf_stage_plan_inputs(c);
	H(c->p, "</fieldset>");
	sf_submit(c, "Simpan tahapan");
	sf_form_open(c, "rencana");
	H(c->p, "<fieldset><legend>Isi rencana dan bobot nilai</legend>");
	sf_area(c, "duties", "Nama dan tugas jabatan", v->s.f[SF_PLAN_DUTIES]);
	sf_area(c, "standard", "Kualifikasi dan standar kompetensi",
	    v->s.f[SF_PLAN_STANDARD]);
	sf_area(c, "methods", "Metode dan materi seleksi",
	    v->s.f[SF_PLAN_METHODS]);
	sf_area(c, "system", "Sistem yang digunakan pada setiap tahapan",
	    v->s.f[SF_PLAN_SYSTEM]);
	for (int i = 0; i < ST__N; i++) {
		struct buf b;
		struct str val = STR("");

		if (v->has_weights) {
			buf_init(&b, 64);
			buf_fixed2(&b, v->weights.w[i]);
			val = arena_printf(c->r->ar, "%s", b.p ? b.p : "");
			buf_release(&b);
		}
		sf_input(c, wkey[i], wlabel[i], "text", val, true);
	}
	sf_input(c, "adjustment_reason", "Alasan penyesuaian bobot (bila ada)",
	    "text", v->has_weights ? v->weights.reason : STR(""), false);
	sf_input(c, "max_apps", "Batas lamaran per pelamar dalam seleksi ini",
	    "text", arena_printf(c->r->ar, "%lld", (long long)v->max_apps),
	    false);
	H(c->p, "</fieldset>");
	sf_submit(c, "Simpan rencana");
}

static void
letter(struct ctx *c, const char *word, const char *legend,
    struct str date, struct str ref, bool with_text)
{
	H(c->p, "<p>");
	if (date.len > 0) {
		H(c->p, "Tercatat: ");
		h_date_str(c->p, date);
		H(c->p, ", nomor ");
		h_text(c->p, ref);
	} else {
		H(c->p, "Belum dicatat.");
	}
	H(c->p, "</p>");
	sf_form_open(c, word);
	H(c->p, "<fieldset><legend>");
	h_textc(c->p, legend);
	H(c->p, "</legend>");
	sf_input(c, "date", "Tanggal surat", "date", STR(""), true);
	sf_input(c, "ref", "Nomor surat", "text", STR(""), true);
	if (with_text)
		sf_area(c, "text", "Isi rekomendasi", STR(""));
	H(c->p, "</fieldset>");
	sf_submit(c, "Catat");
}

static void
oversight(struct ctx *c)
{
	struct sel_view *v = c->v;

	H(c->p, "<h2 id=\"pengawas\">3. Instansi pengawas (");
	h_text(c->p, v->region.oversight);
	H(c->p, ")</h2><h3>Pengiriman rencana</h3>");
	if (sf_editable(c) && sf_may(c, ACT_PLAN_SEND))
		letter(c, "kirim", "Catat pengiriman rencana",
		    v->s.f[SF_PLAN_SENT_ON], v->s.f[SF_PLAN_SENT_REF], false);
	else {
		H(c->p, "<p>");
		h_date_str(c->p, v->s.f[SF_PLAN_SENT_ON]);
		H(c->p, " ");
		h_text(c->p, v->s.f[SF_PLAN_SENT_REF]);
		H(c->p, "</p>");
	}
	H(c->p, "<h3>Rekomendasi</h3>");
	if (sf_may(c, ACT_RECOMMEND))
		letter(c, "rekomendasi", "Catat rekomendasi",
		    v->s.f[SF_REC_ON], v->s.f[SF_REC_REF], true);
	if (v->s.f[SF_REC_TEXT].len > 0) {
		H(c->p, "<p class=\"pre\">");
		h_text(c->p, v->s.f[SF_REC_TEXT]);
		H(c->p, "</p>");
	}
	if (prep_needs_consult(v)) {
		H(c->p, "<h3>Konsultasi lowongan Inspektur (VAC-INSPEKTUR)"
		    "</h3>");
		if (sf_editable(c) && sf_may(c, ACT_CONSULT))
			letter(c, "konsultasi", "Catat konsultasi kepada "
			    "Menteri Dalam Negeri melalui Gubernur",
			    v->s.f[SF_CONSULT_ON], v->s.f[SF_CONSULT_REF],
			    false);
	}
}

/* Who the member is: an account's login, or the address to invite. */
static void
member_who(struct ctx *c)
{
	H(c->p, "<p class=\"hint\">Anggota panitia adalah orang dengan akun "
	    "selter: isi nama pengguna bila ia sudah mempunyai akun, atau "
	    "alamat surelnya; undangan membuat akun dikirim saat PPK "
	    "menetapkan panitia.</p>");
	sf_input(c, "login", "Nama pengguna akun selter", "text", STR(""),
	    false);
	sf_input(c, "email", "atau alamat surel untuk undangan", "email",
	    STR(""), false);
}

/* The PPK replaces a member by a new decree (OP_MEMBER_REPLACE). */
static void
member_replace(struct ctx *c)
{
	struct sel_view *v = c->v;

	sf_form_open(c, "ganti");
	H(c->p, "<fieldset><legend>Penggantian anggota oleh PPK</legend>"
	    "<label");
	HA(c->p, "for", sf_field_id(c, "id"));
	H(c->p, ">Anggota yang diganti</label><select");
	HA(c->p, "id", sf_field_id(c, "id"));
	H(c->p, " name=\"id\">");
	for (size_t i = 0; i < v->nmembers; i++) {
		H(c->p, "<option");
		HA(c->p, "value", arena_printf(c->r->ar, "%lld",
		    (long long)v->members[i].id));
		H(c->p, ">");
		h_text(c->p, v->members[i].name);
		H(c->p, "</option>");
	}
	H(c->p, "</select>");
	sf_input(c, "ref", "Nomor keputusan penggantian", "text", STR(""), true);
	sf_input(c, "name", "Nama pengganti", "text", STR(""), true);
	sf_select(c, "origin", "Unsur", vocab_origin, label_origin);
	sf_input(c, "echelon", "Eselon (kosong bila bukan pejabat struktural)",
	    "text", STR(""), false);
	member_who(c);
	sf_check(c, "assessor", "ganti-assessor", STR("1"), "Asesor kompetensi",
	    false);
	H(c->p, "<fieldset><legend>Pernyataan yang telah dibuat</legend>");
	for (int i = 0; i < DE__N; i++)
		sf_check(c, "decl", arena_printf(c->r->ar, "ganti-decl-%d", i).p,
		    str_c(vocab_decl[i]), label_decl[i], false);
	H(c->p, "</fieldset></fieldset>");
	sf_submit(c, "Ganti anggota");
}

static void
committee(struct ctx *c)
{
	struct sel_view *v = c->v;
	bool confirmed = v->s.f[SF_COMMITTEE_OK_ON].len > 0;
	bool edit = sf_editable(c) && !confirmed && sf_may(c, ACT_COMMITTEE_EDIT);

	H(c->p, "<h2 id=\"panitia\">4. Panitia seleksi</h2>");
	if (confirmed) {
		H(c->p, "<p>Ditetapkan oleh PPK: ");
		h_text(c->p, v->s.f[SF_COMMITTEE_REF]);
		H(c->p, ", ");
		h_date_str(c->p, v->s.f[SF_COMMITTEE_OK_ON]);
		H(c->p, ".</p>");
	}
	H(c->p, SCROLL("Susunan panitia")
	    "<table><caption>Susunan panitia</caption><thead><tr><th "
	    "scope=\"col\">Nama</th><th scope=\"col\">Unsur</th><th "
	    "scope=\"col\">Eselon</th><th scope=\"col\">Pernyataan</th><th "
	    "scope=\"col\">Akun</th><th scope=\"col\">Tindakan</th></tr>"
	    "</thead><tbody>");
	for (size_t i = 0; i < v->nmembers; i++) {
		const struct s_member *m = &v->members[i];

		H(c->p, "<tr><td>");
		h_text(c->p, m->name);
		if (m->chair)
			H(c->p, " (ketua)");
		if (m->assessor)
			H(c->p, " (asesor)");
		H(c->p, "</td><td>");
		h_textc(c->p, prep_label(vocab_origin, label_origin,
		    m->origin));
		H(c->p, "</td><td>");
		h_text(c->p, m->echelon);
		H(c->p, "</td><td>");
		h_decls(c->p, m->decl);
		H(c->p, "</td><td>");
		/* The committee is people: an account, or an invitation. */
		if (m->account_id > 0) {
			H(c->p, "akun ");
			h_text(c->p, m->login);
		} else {
			H(c->p, "diundang melalui surel ");
			h_text(c->p, m->email);
			if (confirmed)
				H(c->p, " (belum bergabung)");
			else
				H(c->p, " (undangan dikirim saat penetapan)");
		}
		H(c->p, "</td><td>");
		if (edit)
			sf_del_button(c, "hapusanggota", "id", arena_printf(
			    c->r->ar, "%lld", (long long)m->id), "Hapus");
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div><ul class=\"rules\">");
	for (size_t i = 0; i < v->com.nrules; i++)
		h_rule(c->p, &v->com.rules[i]);
	H(c->p, "</ul>");
	if (v->nvac == 0)
		H(c->p, "<p>Susunan panitia diperiksa terhadap lowongan: tambah "
		    "lowongan dahulu.</p>");
	if (edit) {
		sf_form_open(c, "anggota");
		H(c->p, "<fieldset><legend>Tambah anggota</legend>");
		sf_input(c, "name", "Nama", "text", STR(""), true);
		sf_select(c, "origin", "Unsur", vocab_origin, label_origin);
		H(c->p, "<label");
		HA(c->p, "for", sf_field_id(c, "echelon"));
		H(c->p, ">Eselon (pejabat)</label><select");
		HA(c->p, "id", sf_field_id(c, "echelon"));
		H(c->p, " name=\"echelon\"><option value=\"\">bukan pejabat "
		    "struktural</option>");
		for (int i = ECH__N - 1; i >= 0; i--) {
			H(c->p, "<option");
			HA(c->p, "value", str_c(vocab_echelon[i]));
			if (sf_refilling(c) && str_eqc(form_get(c->posted,
			    "echelon"), vocab_echelon[i]))
				H(c->p, " selected");
			H(c->p, ">");
			h_textc(c->p, vocab_echelon[i]);
			H(c->p, "</option>");
		}
		H(c->p, "</select>");
		member_who(c);
		sf_check(c, "chair", "chair", STR("1"), "Ketua panitia", false);
		sf_check(c, "assessor", "assessor", STR("1"), "Asesor kompetensi",
		    false);
		H(c->p, "<fieldset><legend>Pernyataan yang telah dibuat"
		    "</legend>");
		for (int i = 0; i < DE__N; i++)
			sf_check(c, "decl", arena_printf(c->r->ar, "decl-%d",
			    i).p, str_c(vocab_decl[i]), label_decl[i], false);
		H(c->p, "</fieldset>");
		sf_area(c, "conflict", "Catatan konflik kepentingan", STR(""));
		H(c->p, "</fieldset>");
		sf_submit(c, "Tambah anggota");
	}
	if (confirmed && v->nmembers > 0 && sf_may(c, ACT_COMMITTEE_CONFIRM))
		member_replace(c);
	if (sf_editable(c) && !confirmed && sf_may(c, ACT_COMMITTEE_CONFIRM)) {
		sf_form_open(c, "tetapkan");
		H(c->p, "<fieldset><legend>Penetapan panitia oleh PPK</legend>");
		sf_input(c, "date", "Tanggal keputusan", "date", STR(""), true);
		sf_input(c, "ref", "Nomor keputusan", "text", STR(""), true);
		H(c->p, "</fieldset>");
		sf_submit(c, "Tetapkan panitia");
	}
}

static bool
has_item(struct str items, struct str id)
{
	while (items.len > 0) {
		const char *semi = memchr(items.p, ';', items.len);
		size_t n = semi ? (size_t)(semi - items.p) : items.len;

		if (str_eq((struct str){ items.p, n }, id))
			return true;
		items.p += n + (semi ? 1 : 0);
		items.len -= n + (semi ? 1 : 0);
	}
	return false;
}

static void
announcement(struct ctx *c)
{
	struct sel_view *v = c->v;
	const struct profile *pf = v->profile;

	H(c->p, "<h2 id=\"pengumuman\">5. Pengumuman</h2>");
	if (v->has_window && !v->win_err) {
		H(c->p, "<ul class=\"rules\">");
		h_rule(c->p, &v->win.rule);
		H(c->p, "</ul>");
	}
	if (v->published) {
		H(c->p, "<p>Diterbitkan ");
		h_when(c->p, v->s.f[SF_PUBLISHED_AT], sel_zone(v));
		H(c->p, ", ditandatangani ");
		h_text(c->p, v->s.f[SF_SIGNED_BY]);
		H(c->p, ". <a");
		HA(c->p, "href", arena_printf(c->r->ar, "/seleksi/%lld",
		    (long long)v->s.id));
		H(c->p, ">Lihat pengumuman</a></p>");
		return;
	}
	if (sf_may(c, ACT_ANN_EDIT)) {
		sf_form_open(c, "pengumuman");
		H(c->p, "<fieldset><legend>Naskah pengumuman</legend>");
		sf_input(c, "number", "Nomor pengumuman", "text",
		    v->s.f[SF_ANN_NUMBER], true);
		sf_input(c, "open", "Tanggal pengumuman (pendaftaran dibuka)",
		    "date", v->s.f[SF_ANN_OPEN], true);
		sf_input(c, "close", "Batas akhir pendaftaran", "date",
		    v->s.f[SF_ANN_CLOSE], true);
		H(c->p, "<fieldset><legend>Isi pengumuman (ANN-CONTENT)"
		    "</legend>");
		for (size_t i = 0; i < pf->ncontent; i++) {
			const struct prof_item *it = &pf->content[i];

			sf_check(c, "item", arena_printf(c->r->ar, "item-%zu",
			    i).p, it->id, arena_printf(c->r->ar, "%.*s (%.*s)",
			    (int)it->label.len, it->label.p,
			    (int)it->citation.len, it->citation.p).p,
			    has_item(v->s.f[SF_ANN_ITEMS], it->id));
		}
		H(c->p, "</fieldset>");
		sf_area(c, "text", "Ketentuan lain", v->s.f[SF_ANN_TEXT]);
		H(c->p, "</fieldset>");
		sf_submit(c, "Simpan pengumuman");
	}
	if (sf_may(c, ACT_ANN_PUBLISH)) {
		sf_form_open(c, "terbitkan");
		H(c->p, "<fieldset><legend>Tanda tangan ketua dan penerbitan "
		    "(ANN-SIGNED)</legend>");
		sf_check(c, "confirm", "confirm", STR("1"), "Saya, ketua panitia "
		    "seleksi, menandatangani pengumuman ini.", false);
		H(c->p, "</fieldset>");
		sf_submit(c, "Tandatangani dan terbitkan");
	}
}

static void
sel_page(struct req *r, struct resp *rs, struct sel_view *v, bool ok,
    const char *msg, const char *word, const char *field, enum section sec)
{
	struct ctx c = { r, rs, &rs->pg, v, NULL, word != NULL ? &r->form :
	    NULL, word, field, msg };

	page_begin(r, rs, sec == SEC_OVERVIEW ? arena_printf(r->ar, "%.*s",
	    (int)v->s.f[SF_TITLE].len, v->s.f[SF_TITLE].p).p :
	    arena_printf(r->ar, "%s: %.*s", sec_label[sec] + 3,
	    (int)v->s.f[SF_TITLE].len, v->s.f[SF_TITLE].p).p);
	if (msg != NULL)
		h_msg(c.p, ok, msg);
	H(c.p, "<p>");
	h_text(c.p, v->region.name);
	H(c.p, " · ");
	h_text(c.p, v->profile->title);
	H(c.p, " (");
	h_text(c.p, v->profile->regulation);
	H(c.p, ")");
	H(c.p, "</p><p class=\"state\">Tahap sekarang: <strong>");
	h_textc(c.p, flow_state_label(v->state));
	H(c.p, "</strong> · <a");
	HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/alur",
	    (long long)v->s.id));
	H(c.p, ">Alur seleksi dan langkah berikutnya</a>");
	if (sf_may(&c, ACT_AUDIT_VIEW)) {
		H(c.p, " · <a");
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/jejak",
		    (long long)v->s.id));
		H(c.p, ">Jejak audit</a>");
	}
	/* ---- archive ---- the auditor's archive (docs/archive.md) */
	if (sf_may(&c, ACT_ARCHIVE_EXPORT)) {
		H(c.p, " · <a");
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/arsip",
		    (long long)v->s.id));
		H(c.p, ">Unduh arsip seleksi (bertanda tangan)</a>");
	}
	/* ---- end archive ---- */
	if (v->published) {
		H(c.p, " · <a");
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/administrasi",
		    (long long)v->s.id));
		H(c.p, ">Seleksi administrasi</a>");
	}
	if (v->flow.adm_published) {		/* result */
		H(c.p, " · <a");
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/hasil",
		    (long long)v->s.id));
		H(c.p, ">Hasil tahapan</a>");
	}
	if (v->state >= FL_RANKING && sf_may(&c, ACT_RANKING_VIEW)) {
		H(c.p, " · <a");
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/peringkat",
		    (long long)v->s.id));
		H(c.p, ">Peringkat (rahasia)</a>");
	}
	if (v->state >= FL_CHOICE && sf_may(&c, ACT_RANKING_VIEW)) {
		H(c.p, " · <a");	/* the PPK's choice (issue 14 item 1) */
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/pilihan",
		    (long long)v->s.id));
		H(c.p, ">Pilihan PPK</a>");
	}
	if (v->state >= FL_CHOICE && (sf_may(&c, ACT_RANKING_VIEW) ||
	    sf_may(&c, ACT_CONSULT))) {
		H(c.p, " · <a");	/* consultations (issue 14 item 2) */
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/konsultasi",
		    (long long)v->s.id));
		H(c.p, ">Konsultasi khusus</a>");
	}
	if (v->state >= FL_REPORT && (sf_may(&c, ACT_RANKING_VIEW) ||
	    sf_may(&c, ACT_RECOMMEND))) {
		H(c.p, " · <a");	/* the report (issue 14 item 3) */
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/laporan",
		    (long long)v->s.id));
		H(c.p, ">Laporan hasil seleksi</a>");
	}
	if (v->state >= FL_APPOINTMENT && (sf_may(&c, ACT_RANKING_VIEW) ||
	    sf_may(&c, ACT_RECOMMEND))) {
		H(c.p, " · <a");	/* appointment (issue 14 item 4) */
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/pengangkatan",
		    (long long)v->s.id));
		H(c.p, ">Pengangkatan</a>");
	}
	if (v->published && sf_may(&c, ACT_COMPLAINT_VIEW)) {
		H(c.p, " · <a");
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/pengaduan",
		    (long long)v->s.id));
		H(c.p, ">Pengaduan</a>");
	}
	H(c.p, " · <a");
	HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/dokumen",
	    (long long)v->s.id));
	H(c.p, ">Batas berkas dokumen pelamar</a>");
	if (v->prac != NULL && v->prac->any) {	/* h_prac.c */
		H(c.p, " · <a");
		HA(c.p, "href", arena_printf(r->ar, "/kelola/%lld/praktik",
		    (long long)v->s.id));
		H(c.p, ">Praktik 2023-2026 (PRAC)</a>");
	}
	H(c.p, "</p><nav aria-label=\"Langkah persiapan\"><ul class=\"secnav\">");
	for (int i = 0; i < SEC__N; i++) {
		H(c.p, "<li><a");
		HA(c.p, "href", arena_printf(r->ar, i == SEC_OVERVIEW ?
		    "/kelola/%lld%s" : "/kelola/%lld/%s", (long long)v->s.id,
		    sec_word[i]));
		if ((int)sec == i)
			H(c.p, " aria-current=\"page\"");
		H(c.p, ">");
		h_textc(c.p, sec_label[i]);
		H(c.p, "</a></li>");
	}
	H(c.p, "</ul></nav>");
	steps(&c);
	switch (sec) {
	case SEC_VACANCY:	vacancies(&c); break;
	case SEC_PLAN:		plan(&c); break;
	case SEC_OVERSIGHT:	oversight(&c); break;
	case SEC_COMMITTEE:	committee(&c); break;
	case SEC_ANNOUNCEMENT:	announcement(&c); break;
	default:		break;
	}
	page_end(r, rs);
}

void
h_sel(struct req *r, struct resp *rs)
{
	struct sel_view v;

	if (web_sel_load(r, rs, &v))
		sel_page(r, rs, &v, true, req_query(r, "ok").len > 0 ?
		    "Tersimpan dan dicatat dalam jejak audit." : NULL, NULL,
		    NULL, SEC_OVERVIEW);
}

static enum section
section_of(struct str w)
{
	for (int i = 1; i < SEC__N; i++)
		if (str_eqc(w, sec_word[i]))
			return (enum section)i;
	return SEC_OVERVIEW;
}

/* GET /kelola/N/WORD: one step of the preparation, with its forms. */
void
h_sel_step(struct req *r, struct resp *rs)
{
	const char *slash = strrchr(r->url, '/');
	struct sel_view v;

	if (web_sel_load(r, rs, &v))
		sel_page(r, rs, &v, true, req_query(r, "ok").len > 0 ?
		    "Tersimpan dan dicatat dalam jejak audit." : NULL, NULL,
		    NULL, section_of(str_c(slash != NULL ? slash + 1 : "")));
}

static const struct {
	const char	*word;
	enum prep_op	 op;
	const char	*anchor;
} words[] = {
	{ "lowongan", OP_VACANCY_ADD, "lowongan" },
	{ "hapuslowongan", OP_VACANCY_DEL, "lowongan" },
	{ "rencana", OP_PLAN, "rencana" },
	{ "tahapan", OP_STAGE_PUT, "rencana" },
	{ "hapustahapan", OP_STAGE_DEL, "rencana" },
	{ "kirim", OP_PLAN_SENT, "pengawas" },
	{ "rekomendasi", OP_RECOMMENDATION, "pengawas" },
	{ "konsultasi", OP_CONSULT, "pengawas" },
	{ "anggota", OP_MEMBER_ADD, "panitia" },
	{ "hapusanggota", OP_MEMBER_DEL, "panitia" },
	{ "ganti", OP_MEMBER_REPLACE, "panitia" },
	{ "tetapkan", OP_COMMITTEE_CONFIRM, "panitia" },
	{ "pengumuman", OP_ANNOUNCEMENT, "pengumuman" },
	{ "terbitkan", OP_PUBLISH, "pengumuman" },
};

void
h_sel_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
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
		rc = app_prep(r->app, r->ar, &r->who, r->ids[0], words[i].op,
		    &r->form, &m);
		if (rc == SEL_OK) {
			resp_redirect(rs, arena_printf(r->ar,
			    "/kelola/%lld/%s?ok=1", (long long)r->ids[0],
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
		sel_page(r, rs, &v, false, m.text[0] ? m.text :
		    "Gagal menyimpan.", words[i].word, app_msg_field(&m),
		    section_of(str_c(words[i].anchor)));
		return;
	}
	page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak ditemukan.");
}

void
h_sel_new(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	int64_t id;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk "
		    "terlebih dahulu.");
		return;
	}
	rc = app_sel_create(r->app, r->ar, &r->who,
	    form_get(&r->form, "region"), form_get(&r->form, "title"), &id,
	    &m);
	if (rc == SEL_EINVAL) {		/* back with the title typed */
		rs->status = web_status(rc);
		dashboard_page(r, rs, m.text[0] ? m.text :
		    "Seleksi tidak dapat dibuka.");
		return;
	}
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Seleksi tidak dapat dibuka.");
		return;
	}
	resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld",
	    (long long)id).p);
}
