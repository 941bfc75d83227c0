/*
 * h_tenure.c - an appointed official's term (app/tenure.h):
 * /kelola/masa-jabatan (BKPSDM's list: every term it reads and what falls
 * due in the next 90 days) and /kelola/masa-jabatan/V (one term: its
 * dates under their rules and citations, what was recorded, and the forms
 * of whoever may act).  A refused form comes back with what was typed and
 * the error beside its field; dates are the region's calendar days.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/tenure.h"
#include "base/arena.h"
#include "web/web.h"
#include "base/banned.h"

#define BASE	"/kelola/masa-jabatan"

struct tctx {
	struct req	*r;
	struct resp	*rs;
	struct page	*p;
	struct tenure_term *o;
	const char	*act;		/* the refused form's, or NULL */
	const char	*field;
	const char	*msg;
};

static bool
refill(const struct tctx *c, const char *act)
{
	return c->act != NULL && strcmp(c->act, act) == 0;
}

static struct str
typed(const struct tctx *c, const char *act, const char *name)
{
	return refill(c, act) ? form_get(&c->r->form, name) : STR("");
}

static struct str
fid(const struct tctx *c, const char *act, const char *name)
{
	return arena_printf(c->r->ar, "%s-%s", act, name);
}

static bool
is_bad(const struct tctx *c, const char *act, const char *name)
{
	return refill(c, act) && c->field != NULL &&
	    strcmp(c->field, name) == 0;
}

static void
bad_attr(const struct tctx *c, const char *act, const char *name)
{
	if (!is_bad(c, act, name))
		return;
	H(c->p, " aria-invalid=\"true\"");
	HA(c->p, "aria-describedby", arena_printf(c->r->ar, "%s-%s-err", act,
	    name));
}

static void
bad_text(const struct tctx *c, const char *act, const char *name)
{
	if (!is_bad(c, act, name))
		return;
	H(c->p, "<p class=\"field-err\"");
	HA(c->p, "id", arena_printf(c->r->ar, "%s-%s-err", act, name));
	H(c->p, ">");
	h_textc(c->p, c->msg);
	H(c->p, "</p>");
}

static void
label(const struct tctx *c, const char *act, const char *name,
    const char *text)
{
	H(c->p, "<label");
	HA(c->p, "for", fid(c, act, name));
	H(c->p, ">");
	h_textc(c->p, text);
	H(c->p, "</label>");
}

static void
input(const struct tctx *c, const char *act, const char *name,
    const char *type, const char *text, bool required)
{
	struct str v = typed(c, act, name);

	label(c, act, name, text);
	H(c->p, "<input");
	HA(c->p, "type", str_c(type));
	if (required)
		H(c->p, " required");
	if (strcmp(type, "text") == 0)
		H(c->p, " maxlength=\"200\"");
	HA(c->p, "id", fid(c, act, name));
	HA(c->p, "name", str_c(name));
	HA(c->p, "value", v.len > 0 || strcmp(type, "date") != 0 ? v :
	    c->o->today_iso);
	bad_attr(c, act, name);
	H(c->p, ">");
	bad_text(c, act, name);
}

static void
note(const struct tctx *c, const char *act)
{
	label(c, act, "note", "Catatan (tidak wajib)");
	H(c->p, "<textarea maxlength=\"2000\" rows=\"3\"");
	HA(c->p, "id", fid(c, act, "note"));
	H(c->p, " name=\"note\"");
	bad_attr(c, act, "note");
	H(c->p, ">");
	h_text(c->p, typed(c, act, "note"));
	H(c->p, "</textarea>");
	bad_text(c, act, "note");
}

static void
radios(const struct tctx *c, const char *act, const char *name,
    const char *legend, const char *const *values,
    const char *const *labels)
{
	struct str cur = typed(c, act, name);

	H(c->p, "<fieldset");
	bad_attr(c, act, name);
	H(c->p, "><legend>");
	h_textc(c->p, legend);
	H(c->p, "</legend>");
	for (size_t i = 0; values[i] != NULL; i++) {
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
	bad_text(c, act, name);
}

static void
check(const struct tctx *c, const char *act, const char *name,
    const char *text)
{
	H(c->p, "<label class=\"check\"><input type=\"checkbox\" value=\"1\"");
	HA(c->p, "name", str_c(name));
	HA(c->p, "id", fid(c, act, name));
	if (refill(c, act) && form_has(&c->r->form, name, STR("1")))
		H(c->p, " checked");
	bad_attr(c, act, name);
	H(c->p, "> ");
	h_textc(c->p, text);
	H(c->p, "</label>");
	bad_text(c, act, name);
}

static void
form_open(const struct tctx *c, const char *act, const char *title)
{
	H(c->p, "<section");
	HA(c->p, "id", str_c(act));
	H(c->p, "><h2>");
	h_textc(c->p, title);
	H(c->p, "</h2><form method=\"post\"");
	HA(c->p, "action", arena_printf(c->r->ar, BASE "/%" PRId64 "/%s#%s",
	    c->o->t.vacancy_id, act, act));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
}

static void
form_close(const struct tctx *c, const char *button)
{
	H(c->p, "<button type=\"submit\">");
	h_textc(c->p, button);
	H(c->p, "</button></form></section>");
}

static const char *const yn[] = { "yes", "no", NULL };

static void
forms(const struct tctx *c)
{
	static const char *const kinds[] = { "external", "internal", NULL };
	static const char *const kind_l[] = { "Eksternal", "Internal", NULL };
	static const char *const pk[] = { "year", "improve", NULL };
	static const char *const pk_l[] = { "Kinerja tahunan",
	    "Hasil masa perbaikan 6 bulan", NULL };
	static const char *const met_l[] = { "Memenuhi perjanjian kinerja",
	    "Tidak memenuhi", NULL };
	static const char *const ext_l[] = { "Diperpanjang",
	    "Tidak diperpanjang", NULL };
	static const char *const rs[] = { "completed", "replaced",
	    "dismissed", "retired", "resigned", "deceased", NULL };
	static const char *const rs_l[] = { "Masa jabatan selesai",
	    "Diganti oleh PPK", "Diberhentikan", "Pensiun",
	    "Mengundurkan diri", "Meninggal dunia", NULL };
	const struct tenure_term *o = c->o;

	if (o->may_record && !o->has_team) {
		form_open(c, "tim", "Catat tim evaluasi perpanjangan (TEN-EVAL)");
		input(c, "tim", "formed_on", "date", "Tanggal pembentukan",
		    true);
		input(c, "tim", "letter_no", "text", "Nomor keputusan "
		    "pembentukan tim", true);
		for (int i = 1; i <= 3; i++) {
			char n[16], k[16], l[32];

			(void)snprintf(n, sizeof n, "member_%d", i);
			(void)snprintf(k, sizeof k, "kind_%d", i);
			(void)snprintf(l, sizeof l, "Unsur anggota %d", i);
			input(c, "tim", n, "text", i == 1 ? "Nama anggota 1" :
			    i == 2 ? "Nama anggota 2" : "Nama anggota 3",
			    true);
			radios(c, "tim", k, l, kinds, kind_l);
		}
		form_close(c, "Catat tim");
	}
	if (o->may_decide) {
		form_open(c, "hasil", "Keputusan perpanjangan (PPK)");
		radios(c, "hasil", "extended", "Keputusan", yn, ext_l);
		input(c, "hasil", "letter_no", "text", "Nomor keputusan",
		    true);
		input(c, "hasil", "letter_on", "date", "Tanggal keputusan",
		    true);
		note(c, "hasil");
		form_close(c, "Catat keputusan");
	}
	if (!o->may_record)
		return;
	form_open(c, "kinerja", "Catat hasil penilaian kinerja (TEN-PERF)");
	radios(c, "kinerja", "kind", "Jenis penilaian", pk, pk_l);
	input(c, "kinerja", "year", "number", "Tahun ke- dalam jabatan "
	    "(untuk kinerja tahunan)", false);
	radios(c, "kinerja", "met", "Hasil", yn, met_l);
	input(c, "kinerja", "assessed_on", "date", "Tanggal penilaian", true);
	note(c, "kinerja");
	form_close(c, "Catat hasil kinerja");
	form_open(c, "mutasi", "Catat mutasi ke JPT lain (TEN-MUTATION)");
	input(c, "mutasi", "moved_on", "date", "Tanggal mutasi (TMT jabatan "
	    "baru)", true);
	input(c, "mutasi", "to_post", "text", "Jabatan tujuan", true);
	input(c, "mutasi", "decree_no", "text", "Nomor keputusan mutasi",
	    true);
	input(c, "mutasi", "coordination", "text", "Nomor surat koordinasi "
	    "dengan instansi pengawas", true);
	check(c, "mutasi", "tested", "Pejabat lulus uji kompetensi untuk "
	    "jabatan tujuan.");
	form_close(c, "Catat mutasi");
	form_open(c, "akhir", "Catat berakhirnya masa jabatan");
	radios(c, "akhir", "reason", "Sebab", rs, rs_l);
	input(c, "akhir", "ended_on", "date", "Hari terakhir dalam jabatan",
	    true);
	check(c, "akhir", "exception", "Pejabat melanggar ketentuan "
	    "peraturan perundang-undangan dan tidak lagi memenuhi syarat "
	    "jabatan (pengecualian larangan 2 tahun).");
	note(c, "akhir");
	form_close(c, "Catat akhir masa jabatan");
}

static void
by(const struct tctx *c, const struct s_by *b)
{
	H(c->p, " <span class=\"small\">(dicatat ");
	h_text(c->p, b->name);
	H(c->p, ", ");
	h_when(c->p, b->at, app_zone(c->r->app, c->r->ar,
	    c->o->t.selection_id));
	H(c->p, ")</span>");
}

static void
records(const struct tctx *c)
{
	const struct tenure_term *o = c->o;

	H(c->p, "<h2>Yang dicatat</h2><ul>");
	H(c->p, "<li>");
	h_text(c->p, o->monitor.detail);
	H(c->p, "</li>");
	if (o->has_team) {
		H(c->p, "<li>Tim evaluasi dibentuk ");
		h_date_str(c->p, o->team.formed_on);
		H(c->p, " (keputusan ");
		h_text(c->p, o->team.letter_no);
		H(c->p, "): ");
		for (size_t i = 0, s = 0; i <= o->team.members.len; i++)
			if (i == o->team.members.len ||
			    o->team.members.p[i] == '\n') {
				struct str m = { o->team.members.p + s, i - s };

				if (m.len > 2) {
					h_text(c->p, (struct str){ m.p + 2,
					    m.len - 2 });
					h_textc(c->p, m.p[0] == 'e' ?
					    " (eksternal)" : " (internal)");
					h_textc(c->p, i < o->team.members.len ?
					    "; " : "");
				}
				s = i + 1;
			}
		by(c, &o->team.by);
		H(c->p, "</li>");
	}
	if (o->has_outcome) {
		H(c->p, "<li>Keputusan PPK: <strong>");
		h_textc(c->p, o->outcome.extended ? "diperpanjang" :
		    "tidak diperpanjang");
		H(c->p, "</strong>, nomor ");
		h_text(c->p, o->outcome.letter_no);
		H(c->p, " tanggal ");
		h_date_str(c->p, o->outcome.letter_on);
		by(c, &o->outcome.by);
		H(c->p, "</li>");
	}
	for (size_t i = 0; i < o->nperf; i++) {
		const struct s_term_perf *p = &o->perf[i];

		H(c->p, "<li>");
		if (str_eqc(p->kind, "year")) {
			H(c->p, "Kinerja tahun ke-");
			h_int(c->p, p->year);
		} else
			H(c->p, "Hasil masa perbaikan 6 bulan");
		H(c->p, " (dinilai ");
		h_date_str(c->p, p->assessed_on);
		H(c->p, "): <strong>");
		h_textc(c->p, p->met ? "memenuhi" : "tidak memenuhi");
		H(c->p, "</strong>");
		by(c, &p->by);
		H(c->p, "</li>");
	}
	if (o->has_move) {
		H(c->p, "<li>Dimutasi ke ");
		h_text(c->p, o->move.to_post);
		H(c->p, " mulai ");
		h_date_str(c->p, o->move.moved_on);
		H(c->p, " (keputusan ");
		h_text(c->p, o->move.decree_no);
		H(c->p, ")");
		by(c, &o->move.by);
		H(c->p, "</li>");
	}
	if (o->has_end) {
		H(c->p, "<li class=\"done\">Masa jabatan berakhir; hari "
		    "terakhir ");
		h_date_str(c->p, o->ended.ended_on);
		by(c, &o->ended.by);
		H(c->p, "</li>");
	}
	H(c->p, "</ul>");
}

static void
marks(const struct tctx *c)
{
	const struct tenure_term *o = c->o;

	H(c->p, "<h2>Tanggal masa jabatan</h2><table><thead><tr><th "
	    "scope=\"col\">Tanggal</th><th scope=\"col\">Ketentuan</th><th "
	    "scope=\"col\">Dasar</th></tr></thead><tbody>");
	for (size_t i = 0; i < o->nmarks; i++) {
		H(c->p, "<tr><td>");
		h_date(c->p, o->marks[i].on);
		H(c->p, "</td><td>");
		h_textc(c->p, o->marks[i].what);
		H(c->p, "</td><td><strong>");
		h_textc(c->p, rule_name(o->marks[i].rule));
		H(c->p, "</strong>, ");
		h_text(c->p, o->marks[i].citation);
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table>");
}

static void
term_page(struct tctx *c, bool ok)
{
	const struct tenure_term *o = c->o;

	page_begin(c->r, c->rs, "Masa jabatan");
	if (c->msg != NULL)
		h_msg(c->p, ok, c->msg);
	H(c->p, "<p><a href=\"" BASE "\">Semua masa jabatan</a></p><h2>");
	h_text(c->p, o->t.name);
	H(c->p, "</h2><p>");
	h_text(c->p, o->t.post);
	H(c->p, " · ");
	h_text(c->p, o->t.agency);
	H(c->p, "<br>Keputusan ");
	h_text(c->p, o->t.decree_no);
	H(c->p, " tanggal ");
	h_date_str(c->p, o->t.decree_on);
	H(c->p, "; TMT ");
	h_date(c->p, o->tmt);
	H(c->p, "; dilantik ");
	h_date(c->p, o->inaugurated);
	H(c->p, "<br>Hari ini di wilayah ini: ");
	h_date(c->p, o->today);
	H(c->p, "</p>");
	marks(c);
	records(c);
	forms(c);
	page_end(c->r, c->rs);
}

void
h_tenure(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct tenure_term o;
	struct tctx c = { r, rs, &rs->pg, &o, NULL, NULL, NULL };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	rc = app_tenure_view(r->app, r->ar, &r->who, r->ids[0], &o, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Halaman tidak dapat dibuka.");
		return;
	}
	if (req_query(r, "ok").len > 0)
		c.msg = "Tercatat dalam jejak audit.";
	term_page(&c, true);
}

void
h_tenure_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" }, m2 = { "" };
	const char *field = NULL;
	enum tenure_act act = tenure_act_word(r->word);
	struct tenure_term o;
	struct tctx c = { r, rs, &rs->pg, &o, NULL, NULL, NULL };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	rc = app_tenure_act(r->app, r->ar, &r->who, r->ids[0], act, &r->form,
	    &m, &field);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, BASE "/%" PRId64
		    "?ok=1", r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT || app_tenure_view(r->app,
	    r->ar, &r->who, r->ids[0], &o, &m2) != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Gagal.");
		return;
	}
	c.act = arena_printf(r->ar, "%.*s", (int)r->word.len, r->word.p).p;
	c.field = field;
	c.msg = m.text[0] ? m.text : "Gagal.";
	rs->status = web_status(rc);
	term_page(&c, false);
}

void
h_tenure_list(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct tenure_list l;
	struct page *p = &rs->pg;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	if ((rc = app_tenure_list(r->app, r->ar, &r->who, &l, &m)) !=
	    SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Halaman tidak dapat dibuka.");
		return;
	}
	page_begin(r, rs, "Masa jabatan");
	H(p, "<h2>Jatuh tempo dalam 90 hari</h2>");
	if (l.ndue == 0)
		H(p, "<p>Tidak ada yang jatuh tempo dalam 90 hari ke depan."
		    "</p>");
	else {
		H(p, "<table><thead><tr><th scope=\"col\">Tanggal</th><th "
		    "scope=\"col\">Sisa hari</th><th scope=\"col\">Pejabat"
		    "</th><th scope=\"col\">Ketentuan</th></tr></thead>"
		    "<tbody>");
		for (size_t i = 0; i < l.ndue; i++) {
			const struct tenure_due *d = &l.due[i];

			H(p, "<tr><td>");
			h_date(p, d->mark->on);
			H(p, "</td><td>");
			h_int(p, d->days_left);
			H(p, "</td><td><a");
			HA(p, "href", arena_printf(r->ar, BASE "/%" PRId64,
			    d->term->t.vacancy_id));
			H(p, ">");
			h_text(p, d->term->t.name);
			H(p, "</a><br>");
			h_text(p, d->term->t.post);
			H(p, "</td><td>");
			h_textc(p, d->mark->what);
			H(p, " <span class=\"small\">(");
			h_textc(p, rule_name(d->mark->rule));
			H(p, ", ");
			h_text(p, d->mark->citation);
			H(p, ")</span></td></tr>");
		}
		H(p, "</tbody></table>");
	}
	H(p, "<h2>Semua masa jabatan</h2>");
	if (l.n == 0)
		H(p, "<p>Belum ada pejabat yang diangkat.</p>");
	else {
		H(p, "<table><thead><tr><th scope=\"col\">Pejabat</th><th "
		    "scope=\"col\">Jabatan</th><th scope=\"col\">TMT</th><th "
		    "scope=\"col\">Berakhir</th></tr></thead><tbody>");
		for (size_t i = 0; i < l.n; i++) {
			const struct tenure_term *o = &l.terms[i];

			H(p, "<tr><td><a");
			HA(p, "href", arena_printf(r->ar, BASE "/%" PRId64,
			    o->t.vacancy_id));
			H(p, ">");
			h_text(p, o->t.name);
			H(p, "</a></td><td>");
			h_text(p, o->t.post);
			H(p, "</td><td>");
			h_date(p, o->tmt);
			H(p, "</td><td>");
			if (o->has_end)
				h_date_str(p, o->ended.ended_on);
			else {
				h_date(p, o->end);
				H(p, " (5 tahun)");
			}
			H(p, "</td></tr>");
		}
		H(p, "</tbody></table>");
	}
	page_end(r, rs);
}
