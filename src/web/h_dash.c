/*
 * h_dash.c - a region's dashboard (issue 14 item 6): /dasbor/wilayah (the
 * regions this person may see; the oversight body's national summary
 * first), /dasbor/wilayah/N (one region) and the same figures as JSON
 * (/dasbor/wilayah.json, /dasbor/wilayah/N.json).  Each figure is a chart
 * (web/svg.h) with a table of the same numbers beside it.
 */
#include <string.h>

#include <microhttpd.h>

#include "app/dash.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/reuse.h"
#include "web/svg.h"
#include "web/web.h"
#include "base/banned.h"

static struct str
dtext(struct arena *ar, sel_date d)
{
	struct buf b;
	struct str s;

	buf_init(&b, 64);
	date_id(&b, d);
	s = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return s;
}

/* A chart's id in the page: "r<region>-<what>". */
static struct str
cid(struct arena *ar, int64_t region, const char *what)
{
	return arena_printf(ar, "r%lld-%s", (long long)region, what);
}

static void
pair_begin(struct page *p)
{
	H(p, "<div class=\"dash-pair\">");
}

/* The table beside the chart, in its own scrolling box. */
#define TABLE_BEGIN(p, label)	H(p, SCROLL("Tabel " label) "<table>")

static void
table_end(struct page *p)
{
	H(p, "</tbody></table></div></div>");
}

/* Selections by the workflow's state (its Indonesian label). */
static void
by_state(struct req *r, struct page *p, const struct dash_region *g)
{
	struct svg_bar *b = arena_array(r->ar, FL__N, sizeof *b);
	size_t n = 0;

	for (int s = 0; s < FL__N; s++)
		if (g->fig.by_state[s] > 0) {
			b[n].label = str_c(flow_state_label((enum flow_state)s));
			b[n++].value = (int64_t)g->fig.by_state[s];
		}
	H(p, "<h3>Seleksi per tahap</h3>");
	pair_begin(p);
	svg_bars(p, &(struct svg_chart){ cid(r->ar, g->region.id, "tahap"),
	    STR("Seleksi per tahap"), arena_printf(r->ar, "Jumlah seleksi "
	    "menurut tahap alur kerja saat ini; %zu seleksi seluruhnya.",
	    g->fig.nsel), b, n, "seleksi" });
	TABLE_BEGIN(p, "seleksi per tahap");
	H(p, "<caption>Seleksi per tahap</caption><thead><tr><th scope=\"col\">"
	    "Tahap</th><th scope=\"col\">Seleksi</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		H(p, "<tr><td data-label=\"Tahap\">");
		h_text(p, b[i].label);
		H(p, "</td><td data-label=\"Seleksi\">");
		h_int(p, b[i].value);
		H(p, "</td></tr>");
	}
	if (n == 0)
		H(p, "<tr><td colspan=\"2\">Belum ada seleksi.</td></tr>");
	table_end(p);
	if (g->nsel == 0)
		return;
	H(p, "<p>Seleksinya:</p><ul>");
	for (size_t i = 0; i < g->nsel; i++) {
		H(p, "<li>");
		h_text(p, g->sel[i].title);
		H(p, " (nomor ");
		h_int(p, g->sel[i].id);
		H(p, "): ");
		h_textc(p, flow_state_label(g->sel[i].state));
		H(p, "</li>");
	}
	H(p, "</ul>");
}

/* Days per state: the average over the selections measured. */
static void
days(struct req *r, struct page *p, const struct dash_region *g)
{
	struct svg_bar *b = arena_array(r->ar, FL__N, sizeof *b);
	int st[FL__N];
	size_t n = 0;

	for (int s = 0; s < FL__N; s++)
		if (g->fig.days[s].n > 0) {
			st[n] = s;
			b[n].label = str_c(flow_state_label((enum flow_state)s));
			b[n++].value = dash_days_avg(&g->fig.days[s]);
		}
	H(p, "<h3>Lama tiap tahap</h3><p class=\"small\">Hari dari tanggal "
	    "seleksi memasuki tahap sampai tanggal memasuki tahap berikutnya "
	    "(tahap yang sedang berjalan: sampai hari ini), dari tanggal yang "
	    "tercatat pada alur kerja.</p>");
	pair_begin(p);
	svg_bars(p, &(struct svg_chart){ cid(r->ar, g->region.id, "hari"),
	    STR("Rata-rata lama tiap tahap"), STR("Rata-rata hari per tahap "
	    "atas seleksi yang telah atau sedang melewatinya."), b, n,
	    "hari" });
	TABLE_BEGIN(p, "lama tiap tahap (hari)");
	H(p, "<caption>Lama tiap tahap (hari)</caption><thead><tr>"
	    "<th scope=\"col\">Tahap</th><th scope=\"col\">Seleksi</th>"
	    "<th scope=\"col\">Rata-rata</th><th scope=\"col\">Terlama</th>"
	    "<th scope=\"col\">Masih berjalan</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct dash_days *d = &g->fig.days[st[i]];

		H(p, "<tr><td data-label=\"Tahap\">");
		h_text(p, b[i].label);
		H(p, "</td><td data-label=\"Seleksi\">");
		h_int(p, (int64_t)d->n);
		H(p, "</td><td data-label=\"Rata-rata\">");
		h_int(p, b[i].value);
		H(p, " hari</td><td data-label=\"Terlama\">");
		h_int(p, d->max);
		H(p, " hari</td><td data-label=\"Masih berjalan\">");
		h_int(p, (int64_t)d->open);
		H(p, "</td></tr>");
	}
	if (n == 0)
		H(p, "<tr><td colspan=\"5\">Belum ada tanggal tercatat.</td>"
		    "</tr>");
	table_end(p);
}

static void
applicants(struct req *r, struct page *p, const struct dash_region *g)
{
	const struct dash_fig *f = &g->fig;
	struct svg_bar *b = arena_array(r->ar, f->nvac + 1, sizeof *b);
	int64_t avg = dash_apps_avg10(f);

	for (size_t i = 0; i < f->nvac; i++) {
		b[i].label = arena_printf(r->ar, "Seleksi %lld · %.*s",
		    (long long)f->vac[i].sel->id, (int)f->vac[i].vac->title.len,
		    f->vac[i].vac->title.p);
		b[i].value = f->vac[i].vac->applicants;
	}
	H(p, "<h3>Pelamar per lowongan</h3><p>");
	h_int(p, f->applicants);
	H(p, " pelamar untuk ");
	h_int(p, (int64_t)f->nvac);
	H(p, " lowongan, rata-rata ");
	h_textf(p, "%lld,%lld", (long long)(avg / 10), (long long)(avg % 10));
	H(p, " per lowongan (lamaran yang tidak ditarik).</p>");
	pair_begin(p);
	svg_bars(p, &(struct svg_chart){ cid(r->ar, g->region.id, "pelamar"),
	    STR("Pelamar per lowongan"), STR("Jumlah lamaran yang tidak "
	    "ditarik untuk setiap lowongan."), b, f->nvac, "pelamar" });
	TABLE_BEGIN(p, "pelamar per lowongan");
	H(p, "<caption>Pelamar per lowongan</caption><thead><tr>"
	    "<th scope=\"col\">Lowongan</th><th scope=\"col\">Seleksi</th>"
	    "<th scope=\"col\">Pelamar</th></tr></thead><tbody>");
	for (size_t i = 0; i < f->nvac; i++) {
		H(p, "<tr><td data-label=\"Lowongan\">");
		h_text(p, b[i].label);
		H(p, "</td><td data-label=\"Seleksi\">");
		h_text(p, f->vac[i].sel->title);
		H(p, "</td><td data-label=\"Pelamar\">");
		h_int(p, f->vac[i].vac->applicants);
		H(p, "</td></tr>");
	}
	if (f->nvac == 0)
		H(p, "<tr><td colspan=\"3\">Belum ada lowongan.</td></tr>");
	table_end(p);
}

static void
extensions(struct req *r, struct page *p, const struct dash_region *g)
{
	const struct dash_fig *f = &g->fig;
	struct svg_bar b[2] = {
		{ STR("Diperpanjang"), (int64_t)f->extended },
		{ STR("Tanpa perpanjangan"), (int64_t)(f->nsel - f->extended) },
	};

	H(p, "<h3>Seleksi yang diperpanjang</h3><p>");
	h_int(p, (int64_t)f->extended);
	H(p, " dari ");
	h_int(p, (int64_t)f->nsel);
	H(p, " seleksi memerlukan perpanjangan masa pendaftaran "
	    "(ANN-EXTEND), seluruhnya ");
	h_int(p, f->extensions);
	H(p, " kali.</p>");
	pair_begin(p);
	svg_bars(p, &(struct svg_chart){ cid(r->ar, g->region.id, "perpanjang"),
	    STR("Seleksi yang diperpanjang"), STR("Jumlah seleksi yang masa "
	    "pendaftarannya diperpanjang dan yang tidak."), b, 2, "seleksi" });
	TABLE_BEGIN(p, "seleksi yang diperpanjang");
	H(p, "<caption>Seleksi yang diperpanjang</caption><thead><tr>"
	    "<th scope=\"col\">Pendaftaran</th><th scope=\"col\">Seleksi"
	    "</th></tr></thead><tbody>");
	for (size_t i = 0; i < 2; i++) {
		H(p, "<tr><td data-label=\"Pendaftaran\">");
		h_text(p, b[i].label);
		H(p, "</td><td data-label=\"Seleksi\">");
		h_int(p, b[i].value);
		H(p, "</td></tr>");
	}
	table_end(p);
	if (f->extended == 0)
		return;
	H(p, "<p>Yang diperpanjang:</p><ul>");
	for (size_t i = 0; i < f->extended; i++) {
		H(p, "<li>");
		h_text(p, f->ext[i]->title);
		H(p, " (nomor ");
		h_int(p, f->ext[i]->id);
		H(p, "): ");
		h_int(p, f->ext[i]->extensions);
		H(p, " kali</li>");
	}
	H(p, "</ul>");
}

static void
posts(struct req *r, struct page *p, const struct dash_region *g)
{
	const struct dash_fig *f = &g->fig;
	struct svg_bar b[2] = {
		{ STR("Terisi"), (int64_t)f->filled },
		{ STR("Kosong"), (int64_t)f->vacant },
	};

	H(p, "<h3>Jabatan terisi dan kosong</h3><p class=\"small\">Terisi: "
	    "pengangkatannya telah dicatat; kosong: belum.</p>");
	pair_begin(p);
	svg_bars(p, &(struct svg_chart){ cid(r->ar, g->region.id, "jabatan"),
	    STR("Jabatan terisi dan kosong"), STR("Jumlah jabatan yang "
	    "dilelang menurut tercatat atau belumnya pengangkatan."), b, 2,
	    "jabatan" });
	TABLE_BEGIN(p, "jabatan terisi dan kosong");
	H(p, "<caption>Jabatan terisi dan kosong</caption><thead><tr>"
	    "<th scope=\"col\">Keadaan</th><th scope=\"col\">Jabatan</th>"
	    "</tr></thead><tbody>");
	for (size_t i = 0; i < 2; i++) {
		H(p, "<tr><td data-label=\"Keadaan\">");
		h_text(p, b[i].label);
		H(p, "</td><td data-label=\"Jabatan\">");
		h_int(p, b[i].value);
		H(p, "</td></tr>");
	}
	table_end(p);
}

static void
terms(struct req *r, struct page *p, const struct dash_region *g)
{
	const struct dash_fig *f = &g->fig;
	struct svg_bar b[DASH_MONTHS];
	sel_date today = g->nsel > 0 ? g->sel[0].today : 0;

	H(p, "<h3>Masa jabatan yang berakhir dalam 12 bulan</h3>"
	    "<p class=\"small\">Hari terakhir masa jabatan 5 tahun (TEN-5Y) "
	    "pejabat yang diangkat melalui seleksi, dari hari ini sampai 12 "
	    "bulan ke depan.</p>");
	if (today == 0) {
		H(p, "<p>Belum ada seleksi.</p>");
		return;
	}
	for (size_t k = 0; k < DASH_MONTHS; k++) {
		sel_date a = reuse_add_months(today, (int)k),
		    z = reuse_add_months(today, (int)k + 1) - 1;

		b[k].label = arena_printf(r->ar, "%s – %s", dtext(r->ar, a).p,
		    dtext(r->ar, z).p);
		b[k].value = (int64_t)f->term_month[k];
	}
	pair_begin(p);
	svg_bars(p, &(struct svg_chart){ cid(r->ar, g->region.id, "masa"),
	    STR("Masa jabatan berakhir per bulan"), arena_printf(r->ar,
	    "Jumlah masa jabatan yang berakhir pada tiap bulan dari hari ini; "
	    "%zu seluruhnya.", f->nterms), b, DASH_MONTHS, "pejabat" });
	TABLE_BEGIN(p, "masa jabatan berakhir per bulan");
	H(p, "<caption>Masa jabatan berakhir per bulan</caption><thead><tr>"
	    "<th scope=\"col\">Bulan</th><th scope=\"col\">Pejabat</th>"
	    "</tr></thead><tbody>");
	for (size_t k = 0; k < DASH_MONTHS; k++) {
		H(p, "<tr><td data-label=\"Bulan\">");
		h_text(p, b[k].label);
		H(p, "</td><td data-label=\"Pejabat\">");
		h_int(p, b[k].value);
		H(p, "</td></tr>");
	}
	table_end(p);
	H(p, SCROLL("Tabel masa jabatan yang berakhir") "<table><caption>"
	    "Masa jabatan yang berakhir</caption><thead><tr>"
	    "<th scope=\"col\">Jabatan</th><th scope=\"col\">Seleksi</th>"
	    "<th scope=\"col\">Berakhir</th><th scope=\"col\">Sisa</th></tr>"
	    "</thead><tbody>");
	for (size_t i = 0; i < f->nterms; i++) {
		H(p, "<tr><td data-label=\"Jabatan\">");
		h_text(p, f->terms[i].vac->title);
		H(p, "</td><td data-label=\"Seleksi\">");
		h_text(p, f->terms[i].sel->title);
		H(p, "</td><td data-label=\"Berakhir\">");
		h_date(p, f->terms[i].ends);
		H(p, "</td><td data-label=\"Sisa\">");
		h_int(p, f->terms[i].days_left);
		H(p, " hari</td></tr>");
	}
	if (f->nterms == 0)
		H(p, "<tr><td colspan=\"4\">Tidak ada masa jabatan yang "
		    "berakhir dalam 12 bulan.</td></tr>");
	H(p, "</tbody></table></div>");
}

static void
region_section(struct req *r, struct page *p, const struct dash_region *g)
{
	H(p, "<section");
	HA(p, "aria-labelledby", cid(r->ar, g->region.id, "judul"));
	H(p, "><h2");
	HA(p, "id", cid(r->ar, g->region.id, "judul"));
	H(p, ">");
	h_text(p, g->region.name);
	H(p, "</h2><p class=\"small\">");
	h_int(p, (int64_t)g->nsel);
	H(p, " seleksi. <a");
	HA(p, "href", arena_printf(r->ar, "/dasbor/wilayah/%lld",
	    (long long)g->region.id));
	H(p, ">Dasbor wilayah ini saja</a> · <a");
	HA(p, "href", arena_printf(r->ar, "/dasbor/wilayah/%lld.json",
	    (long long)g->region.id));
	H(p, ">JSON</a></p>");
	by_state(r, p, g);
	days(r, p, g);
	applicants(r, p, g);
	extensions(r, p, g);
	posts(r, p, g);
	terms(r, p, g);
	H(p, "</section>");
}

static void
summary_row(struct page *p, const char *head, struct str name,
    const struct dash_fig *f)
{
	H(p, "<tr><th scope=\"row\">");
	if (head != NULL)
		h_textc(p, head);
	else
		h_text(p, name);
	H(p, "</th><td data-label=\"Seleksi\">");
	h_int(p, (int64_t)f->nsel);
	H(p, "</td><td data-label=\"Lowongan\">");
	h_int(p, (int64_t)f->nvac);
	H(p, "</td><td data-label=\"Pelamar\">");
	h_int(p, f->applicants);
	H(p, "</td><td data-label=\"Diperpanjang\">");
	h_int(p, (int64_t)f->extended);
	H(p, "</td><td data-label=\"Terisi\">");
	h_int(p, (int64_t)f->filled);
	H(p, "</td><td data-label=\"Kosong\">");
	h_int(p, (int64_t)f->vacant);
	H(p, "</td><td data-label=\"Berakhir dalam 12 bulan\">");
	h_int(p, (int64_t)f->nterms);
	H(p, "</td></tr>");
}

/* The oversight body's national summary: a row per region and the sum. */
static void
national(struct req *r, struct page *p, const struct dash_view *dv)
{
	struct svg_bar *b = arena_array(r->ar, dv->nreg + 1, sizeof *b);

	for (size_t i = 0; i < dv->nreg; i++) {
		b[i].label = dv->reg[i].region.name;
		b[i].value = (int64_t)dv->reg[i].fig.nsel;
	}
	H(p, "<h2>Ringkasan nasional</h2>");
	pair_begin(p);
	svg_bars(p, &(struct svg_chart){ STR("nasional"),
	    STR("Seleksi per wilayah"), arena_printf(r->ar, "Jumlah seleksi "
	    "setiap wilayah; %zu seleksi di %zu wilayah.", dv->total.nsel,
	    dv->nreg), b, dv->nreg, "seleksi" });
	H(p, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
	    "aria-label=\"Ringkasan nasional\"><table><caption>Ringkasan "
	    "nasional</caption><thead><tr><th scope=\"col\">Wilayah</th>"
	    "<th scope=\"col\">Seleksi</th><th scope=\"col\">Lowongan</th>"
	    "<th scope=\"col\">Pelamar</th><th scope=\"col\">Diperpanjang</th>"
	    "<th scope=\"col\">Terisi</th><th scope=\"col\">Kosong</th>"
	    "<th scope=\"col\">Berakhir dalam 12 bulan</th></tr></thead>"
	    "<tbody>");
	for (size_t i = 0; i < dv->nreg; i++)
		summary_row(p, NULL, dv->reg[i].region.name, &dv->reg[i].fig);
	H(p, "</tbody><tfoot>");
	summary_row(p, "Seluruh wilayah", STR(""), &dv->total);
	H(p, "</tfoot></table></div></div>");
}

static bool
load(struct req *r, struct resp *rs, int64_t region, struct dash_view *dv)
{
	struct app_msg m = { "" };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	rc = app_dash(r->app, r->ar, &r->who, region, dv, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Dasbor tidak dapat dibuka.");
		return false;
	}
	return true;
}

static void
page(struct req *r, struct resp *rs, int64_t region)
{
	struct page *p = &rs->pg;
	struct dash_view dv;

	if (!load(r, rs, region, &dv))
		return;
	page_begin(r, rs, dv.national && region == 0 ? "Dasbor nasional" :
	    "Dasbor wilayah");
	H(p, "<p>Angka setiap wilayah dari data seleksinya hari ini: grafik "
	    "dan tabel yang memuat angka yang sama. <a");
	HA(p, "href", region == 0 ? STR("/dasbor/wilayah.json") :
	    arena_printf(r->ar, "/dasbor/wilayah/%lld.json",
	    (long long)region));
	H(p, ">Angka yang sama dalam JSON</a>.");
	if (region != 0)
		H(p, " <a href=\"/dasbor/wilayah\">Semua wilayah Anda</a>.");
	H(p, "</p>");
	if (dv.national && region == 0)
		national(r, p, &dv);
	for (size_t i = 0; i < dv.nreg; i++)
		region_section(r, p, &dv.reg[i]);
	page_end(r, rs);
}

void
h_dash_link(struct req *r, struct page *p)
{
	for (size_t i = 0; i < r->who.ngrants; i++) {
		const struct s_grant *g = &r->who.grants[i];

		if (!perm_role_may(g->role, ACT_DASHBOARD))
			continue;
		H(p, "<p><a href=\"/dasbor/wilayah\">Dasbor wilayah</a>: "
		    "seleksi per tahap, lama tiap tahap, pelamar per lowongan, "
		    "perpanjangan, jabatan terisi dan kosong, masa jabatan yang "
		    "berakhir.</p>");
		return;
	}
}

void
h_dash(struct req *r, struct resp *rs)
{
	page(r, rs, 0);
}

void
h_dash_region(struct req *r, struct resp *rs)
{
	page(r, rs, r->ids[0]);
}

/* ---- JSON ---- */

static void
jw_date(struct json_w *w, struct arena *ar, sel_date d)
{
	int y, mo, dd;

	date_ymd(d, &y, &mo, &dd);
	jw_str(w, arena_printf(ar, "%04d-%02d-%02d", y, mo, dd));
}

static void
json_fig(struct json_w *w, struct arena *ar, const struct dash_fig *f)
{
	jw_key(w, "selections");
	jw_int(w, (int64_t)f->nsel);
	jw_key(w, "by_state");
	jw_arr(w);
	for (int s = 0; s < FL__N; s++) {
		if (f->by_state[s] == 0)
			continue;
		jw_obj(w);
		jw_key(w, "state");
		jw_strc(w, flow_state_name((enum flow_state)s));
		jw_key(w, "label");
		jw_strc(w, flow_state_label((enum flow_state)s));
		jw_key(w, "selections");
		jw_int(w, (int64_t)f->by_state[s]);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "days");
	jw_arr(w);
	for (int s = 0; s < FL__N; s++) {
		if (f->days[s].n == 0)
			continue;
		jw_obj(w);
		jw_key(w, "state");
		jw_strc(w, flow_state_name((enum flow_state)s));
		jw_key(w, "measured");
		jw_int(w, (int64_t)f->days[s].n);
		jw_key(w, "average");
		jw_int(w, dash_days_avg(&f->days[s]));
		jw_key(w, "max");
		jw_int(w, f->days[s].max);
		jw_key(w, "open");
		jw_int(w, (int64_t)f->days[s].open);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "vacancies");
	jw_arr(w);
	for (size_t i = 0; i < f->nvac; i++) {
		jw_obj(w);
		jw_key(w, "selection");
		jw_int(w, f->vac[i].sel->id);
		jw_key(w, "vacancy");
		jw_int(w, f->vac[i].vac->id);
		jw_key(w, "title");
		jw_str(w, f->vac[i].vac->title);
		jw_key(w, "applicants");
		jw_int(w, f->vac[i].vac->applicants);
		jw_key(w, "filled");
		jw_bool(w, f->vac[i].vac->filled);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "applicants");
	jw_int(w, f->applicants);
	jw_key(w, "extended");
	jw_arr(w);
	for (size_t i = 0; i < f->extended; i++) {
		jw_obj(w);
		jw_key(w, "selection");
		jw_int(w, f->ext[i]->id);
		jw_key(w, "extensions");
		jw_int(w, f->ext[i]->extensions);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "filled");
	jw_int(w, (int64_t)f->filled);
	jw_key(w, "vacant");
	jw_int(w, (int64_t)f->vacant);
	jw_key(w, "terms_ending");
	jw_arr(w);
	for (size_t i = 0; i < f->nterms; i++) {
		jw_obj(w);
		jw_key(w, "selection");
		jw_int(w, f->terms[i].sel->id);
		jw_key(w, "vacancy");
		jw_int(w, f->terms[i].vac->id);
		jw_key(w, "ends");
		jw_date(w, ar, f->terms[i].ends);
		jw_key(w, "days_left");
		jw_int(w, f->terms[i].days_left);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void
json(struct req *r, struct resp *rs, int64_t region)
{
	struct dash_view dv;
	struct json_w w;

	if (!load(r, rs, region, &dv))
		return;
	jw_init(&w, &rs->pg.b);
	jw_obj(&w);
	jw_key(&w, "national");
	jw_bool(&w, dv.national);
	if (dv.national && region == 0) {
		jw_key(&w, "total");
		jw_obj(&w);
		json_fig(&w, r->ar, &dv.total);
		jw_obj_end(&w);
	}
	jw_key(&w, "regions");
	jw_arr(&w);
	for (size_t i = 0; i < dv.nreg; i++) {
		jw_obj(&w);
		jw_key(&w, "id");
		jw_int(&w, dv.reg[i].region.id);
		jw_key(&w, "code");
		jw_str(&w, dv.reg[i].region.code);
		jw_key(&w, "name");
		jw_str(&w, dv.reg[i].region.name);
		json_fig(&w, r->ar, &dv.reg[i].fig);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	buf_putc(&rs->pg.b, '\n');
	rs->ctype = "application/json; charset=utf-8";
}

void
h_dash_json(struct req *r, struct resp *rs)
{
	json(r, rs, 0);
}

void
h_dash_region_json(struct req *r, struct resp *rs)
{
	json(r, rs, r->ids[0]);
}
