/*
 * h_reuse_rec.c - /kelola/asesmen: the secretariat's record of an
 * assessment held outside selter (STG-REUSE), for a region whose
 * regulation lets a passed assessment be used again, and the region's
 * records (from closed assessment stages and by hand).  A refused form
 * comes back with what was typed and the error beside its field.
 */
#include <inttypes.h>
#include <string.h>

#include <microhttpd.h>

#include "app/reuse.h"
#include "base/arena.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/score.h"
#include "core/vocab.h"
#include "web/web.h"
#include "base/banned.h"

struct rctx {
	struct req	*r;
	struct resp	*rs;
	struct page	*p;
	bool		 refill;	/* show what was posted */
	const char	*field;		/* at fault */
	const char	*msg;
};

static struct str
shown(struct rctx *c, const char *name)
{
	return c->refill ? form_get(&c->r->form, name) : STR("");
}

static bool
is_bad(struct rctx *c, const char *name)
{
	return c->field != NULL && strcmp(c->field, name) == 0;
}

static void
bad_attrs(struct rctx *c, const char *name)
{
	if (!is_bad(c, name))
		return;
	H(c->p, " aria-invalid=\"true\"");
	HA(c->p, "aria-describedby", arena_printf(c->r->ar, "rec-%s-err",
	    name));
}

static void
bad_text(struct rctx *c, const char *name)
{
	if (!is_bad(c, name))
		return;
	H(c->p, "<p class=\"field-err\"");
	HA(c->p, "id", arena_printf(c->r->ar, "rec-%s-err", name));
	H(c->p, ">");
	h_textc(c->p, c->msg);
	H(c->p, "</p>");
}

static void
label(struct rctx *c, const char *name, const char *text)
{
	H(c->p, "<label");
	HA(c->p, "for", arena_printf(c->r->ar, "rec-%s", name));
	H(c->p, ">");
	h_textc(c->p, text);
	H(c->p, "</label>");
}

static void
input(struct rctx *c, const char *name, const char *text, const char *type,
    bool required)
{
	label(c, name, text);
	H(c->p, "<input");
	HA(c->p, "type", str_c(type));
	HA(c->p, "id", arena_printf(c->r->ar, "rec-%s", name));
	HA(c->p, "name", str_c(name));
	HA(c->p, "value", shown(c, name));
	if (required)
		H(c->p, " required");
	bad_attrs(c, name);
	H(c->p, ">");
	bad_text(c, name);
}

/* A list: values and their labels, "" allowed as a value. */
static void
choice(struct rctx *c, const char *name, const char *text,
    const char *const *values, const char *const *labels, size_t n)
{
	struct str cur = shown(c, name);

	label(c, name, text);
	H(c->p, "<select");
	HA(c->p, "id", arena_printf(c->r->ar, "rec-%s", name));
	HA(c->p, "name", str_c(name));
	bad_attrs(c, name);
	H(c->p, ">");
	for (size_t i = 0; i < n; i++) {
		H(c->p, "<option");
		HA(c->p, "value", str_c(values[i]));
		if (str_eqc(cur, values[i]))
			H(c->p, " selected");
		H(c->p, ">");
		h_textc(c->p, labels[i]);
		H(c->p, "</option>");
	}
	H(c->p, "</select>");
	bad_text(c, name);
}

static void
record_form(struct rctx *c, const struct reuse_region *rg, size_t n)
{
	static const char *const acc[] = { "", "A", "B", "C" };
	static const char *const acc_l[] = { "Tidak diketahui", "A", "B",
	    "C" };
	static const char *const pass[] = { "1", "0" };
	static const char *const pass_l[] = { "Lulus", "Tidak lulus" };
	const char *codes[16], *names[16], *lv[LV__N], *lv_l[LV__N];
	size_t k = 0, nl = 0;
	unsigned levels = 0;

	for (size_t i = 0; i < n && k < 16; i++) {
		if (rg[i].rule == NULL)
			continue;
		codes[k] = arena_printf(c->r->ar, "%.*s",
		    (int)rg[i].region.code.len, rg[i].region.code.p).p;
		names[k++] = arena_printf(c->r->ar, "%.*s",
		    (int)rg[i].region.name.len, rg[i].region.name.p).p;
		levels |= rg[i].profile->levels;
	}
	if (k == 0)
		return;
	for (int i = 0; i < LV__N; i++)
		if (levels & (1u << i)) {
			lv[nl] = vocab_level[i];
			lv_l[nl++] = label_level[i];
		}
	H(c->p, "<h2 id=\"catat\">Catat hasil assessment di luar selter</h2>"
	    "<form method=\"post\" action=\"/kelola/asesmen\">");
	form_csrf(c->r, c->rs);
	H(c->p, "<fieldset><legend>Pelamar dan jabatan</legend>");
	choice(c, "region", "Wilayah", codes, names, k);
	input(c, "nip", "NIP (18 angka)", "text", true);
	input(c, "name", "Nama", "text", true);
	choice(c, "level", "Tingkat jabatan yang dilamar", lv, lv_l, nl);
	input(c, "post_title", "Jabatan yang dilamar (bila ada)", "text",
	    false);
	input(c, "source", "Seleksi asal (nama dan nomor pengumuman)", "text",
	    true);
	H(c->p, "</fieldset><fieldset><legend>Hasil assessment</legend>");
	input(c, "provider", "Lembaga penyelenggara assessment", "text", true);
	choice(c, "accreditation", "Akreditasi lembaga", acc, acc_l, 4);
	input(c, "held_on", "Tanggal pelaksanaan (hari terakhir)", "date",
	    true);
	input(c, "result_on", "Tanggal laporan hasil", "date", true);
	choice(c, "passed", "Hasil", pass, pass_l, 2);
	input(c, "score", "Nilai (0-100)", "text", true);
	input(c, "managerial", "Nilai kompetensi manajerial (bila ada)",
	    "text", false);
	input(c, "social", "Nilai kompetensi sosial kultural (bila ada)",
	    "text", false);
	input(c, "field", "Nilai kompetensi bidang (bila ada)", "text", false);
	input(c, "report_ref", "Nomor laporan hasil assessment", "text", true);
	label(c, "stop_reason", "Alasan tidak dapat mengikuti tes "
	    "selanjutnya pada seleksi asal");
	H(c->p, "<textarea id=\"rec-stop_reason\" name=\"stop_reason\" "
	    "rows=\"3\" required");
	bad_attrs(c, "stop_reason");
	H(c->p, ">");
	h_text(c->p, shown(c, "stop_reason"));
	H(c->p, "</textarea>");
	bad_text(c, "stop_reason");
	H(c->p, "</fieldset><button type=\"submit\">Catat hasil</button>"
	    "</form>");
}

static void
records(struct rctx *c, const struct reuse_region *rg)
{
	H(c->p, "<h2>");
	h_text(c->p, rg->region.name);
	H(c->p, "</h2>");
	if (rg->rule == NULL) {
		H(c->p, "<p>Peraturan wilayah ini (profil ");
		h_text(c->p, rg->region.profile_id);
		H(c->p, ") tidak mengatur penggunaan kembali hasil assessment "
		    "(STG-REUSE).</p>");
		return;
	}
	if (rg->nrec == 0) {
		H(c->p, "<p>Belum ada hasil assessment yang tercatat.</p>");
		return;
	}
	H(c->p, SCROLL("Hasil assessment tercatat") "<table><thead><tr><th "
	    "scope=\"col\">NIP</th><th scope=\"col\">Nama</th><th scope=\"col\">"
	    "Penyelenggara</th><th scope=\"col\">Tanggal</th><th scope=\"col\">"
	    "Hasil</th><th scope=\"col\">Asal</th></tr></thead><tbody>");
	for (size_t i = 0; i < rg->nrec; i++) {
		const struct s_assess_rec *r = &rg->rec[i];
		struct stage_score s = { r->score_sum, r->score_count, true };
		int64_t v = stage_display(&s);

		H(c->p, "<tr><td>");
		h_text(c->p, r->nip);
		H(c->p, "</td><td>");
		h_text(c->p, r->name);
		H(c->p, "</td><td>");
		h_text(c->p, r->provider);
		if (r->accreditation.len > 0) {
			H(c->p, " (");
			h_text(c->p, r->accreditation);
			H(c->p, ")");
		}
		H(c->p, "</td><td>");
		h_date_str(c->p, r->held_on);
		H(c->p, "</td><td>");
		h_textc(c->p, r->passed ? "lulus, " : "tidak lulus, ");
		h_textf(c->p, "%" PRId64 ",%02" PRId64, v / 100, v % 100);
		H(c->p, "</td><td>");
		h_textc(c->p, str_eqc(r->origin, "hand") ? "dicatat sekretariat: " :
		    "tahap asesmen: ");
		h_text(c->p, r->source_title.len > 0 ? r->source_title :
		    r->source);
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div>");
}

static void
rec_page(struct rctx *c, bool ok)
{
	struct reuse_region *rg = NULL;
	size_t n = 0;

	if (app_reuse_regions(c->r->app, c->r->ar, &c->r->who, &rg, &n) !=
	    SEL_OK) {
		page_error(c->r, c->rs, MHD_HTTP_INTERNAL_SERVER_ERROR,
		    "Data tidak dapat dibaca.");
		return;
	}
	if (n == 0) {
		page_error(c->r, c->rs, MHD_HTTP_FORBIDDEN, "Peran Anda tidak "
		    "mengizinkan membuka halaman ini.");
		return;
	}
	page_begin(c->r, c->rs, "Hasil assessment tercatat");
	if (c->msg != NULL)
		h_msg(c->p, ok, c->msg);
	H(c->p, "<p>Hasil assessment yang dinyatakan lulus dari pelamar yang "
	    "tidak dapat mengikuti tes selanjutnya dapat digunakan pada seleksi "
	    "berikutnya di wilayah yang sama, dalam masa berlaku menurut "
	    "peraturan wilayah (STG-REUSE). Hasil dari tahap asesmen seleksi di "
	    "selter tercatat saat tahap itu ditutup; hasil assessment di luar "
	    "selter dicatat di sini bersama laporannya, dan setiap catatan "
	    "masuk jejak audit.</p>");
	record_form(c, rg, n);
	for (size_t i = 0; i < n; i++)
		records(c, &rg[i]);
	page_end(c->r, c->rs);
}

void
h_reuse_rec_get(struct req *r, struct resp *rs)
{
	struct rctx c = { r, rs, &rs->pg, false, NULL, NULL };

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	if (req_query(r, "ok").len > 0)
		c.msg = "Hasil assessment tercatat dan dicatat dalam jejak "
		    "audit.";
	rec_page(&c, true);
}

void
h_reuse_rec_post(struct req *r, struct resp *rs)
{
	struct rctx c = { r, rs, &rs->pg, true, NULL, NULL };
	struct app_msg m = { "" };
	int64_t id = 0;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	rc = app_reuse_record(r->app, r->ar, &r->who, &r->form, &id, &m,
	    &c.field);
	if (rc == SEL_OK) {
		resp_redirect(rs, "/kelola/asesmen?ok=1");
		return;
	}
	if (rc == SEL_EPERM) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, m.text);
		return;
	}
	c.msg = m.text[0] ? m.text : "Gagal.";
	rs->status = web_status(rc);
	rec_page(&c, false);
}
