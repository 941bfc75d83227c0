/*
 * h_flow.c - a selection's progress (GET /kelola/N/alur): every step of
 * the workflow, done, current, waiting or not in this profile, with its
 * dates; and the transitions open now, exactly those the core's table
 * offers from the current state, each with its guards and citations.
 * A transition this visitor may take gets its form here (closing
 * registration) or a link to the page that holds its form; one whose use
 * case comes later is named as such, never offered as a button.
 */
#include <string.h>

#include <microhttpd.h>

#include "base/arena.h"
#include "core/profile.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

static const char *const mark_label[] = {
	[FM_DONE] = "Selesai", [FM_CURRENT] = "Sedang berjalan",
	[FM_WAITING] = "Menunggu", [FM_ABSENT] = "Tidak ada dalam profil ini",
};
static const char *const mark_class[] = {
	[FM_DONE] = "done", [FM_CURRENT] = "current",
	[FM_WAITING] = "waiting", [FM_ABSENT] = "absent",
};

/* Where the form of a transition is, for those with a page of their own. */
static const char *
form_page(enum flow_tr t)
{
	switch (t) {
	case FT_PUBLISH:
		return "#pengumuman";
	case FT_EXTEND:
	case FT_ADM_PUBLISH:
		return "/administrasi";
	case FT_STAGE_PUBLISH:		/* result */
		return "/hasil";
	case FT_RANKING_SEND:
		return "/peringkat";
	case FT_CHOOSE:
		return "/pilihan";
	case FT_CONSULTED:
		return "/konsultasi";
	case FT_RECOMMENDED:
		return "/laporan";
	case FT_APPOINT:
		return "/pengangkatan";
	default:
		return NULL;
	}
}

static void
dates(struct page *p, const struct flow_step *s)
{
	if (s->from == 0 && s->to == 0) {
		H(p, "—");
		return;
	}
	if (s->from != 0)
		h_date(p, s->from);
	if (s->to != 0 && s->to != s->from) {
		if (s->from != 0)
			H(p, " ");
		H(p, "sampai ");
		h_date(p, s->to);
	}
}

static void
progress(struct req *r, struct page *p, const struct flow_view *fv)
{
	H(p, "<h2>Tahapan seleksi</h2>" SCROLL("Tahapan seleksi")
	    "<table class=\"flow\"><caption>Tahapan menurut profil ");
	h_text(p, fv->sel->profile->id);
	H(p, " dan rencana seleksi</caption><thead><tr><th scope=\"col\">"
	    "Tahapan</th><th scope=\"col\">Keadaan</th><th scope=\"col\">"
	    "Tanggal (dilaksanakan atau menurut jadwal)</th></tr></thead>"
	    "<tbody>");
	for (size_t i = 0; i < fv->nsteps; i++) {
		const struct flow_step *s = &fv->steps[i];
		enum rule_id rule = flow_stage_rule(s->state);
		const struct prof_rule *pr = rule != R__N ?
		    profile_rule_any(fv->sel->profile, rule) : NULL;

		H(p, "<tr class=\"");
		h_textc(p, mark_class[s->mark]);
		H(p, "\"");
		if (s->mark == FM_CURRENT)
			H(p, " aria-current=\"step\"");
		H(p, "><th scope=\"row\">");
		if (flow_is_stage(s->state) && s->mark != FM_ABSENT) {
			/* stage part: each stage's own page */
			H(p, "<a");
			HA(p, "href", arena_printf(r->ar, "/kelola/%lld/tahap/%s",
			    (long long)fv->sel->s.id,
			    web_stage_slug(s->state)));
			H(p, ">");
			h_textc(p, flow_state_label(s->state));
			H(p, "</a>");
		} else
			h_textc(p, flow_state_label(s->state));
		if (pr != NULL) {
			H(p, " <cite>");
			h_text(p, pr->citation);
			H(p, "</cite>");
		}
		H(p, "</th><td>");
		h_textc(p, mark_label[s->mark]);
		H(p, "</td><td>");
		if (s->mark != FM_ABSENT)
			dates(p, s);
		else
			H(p, "—");
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
}

static void
offer(struct req *r, struct resp *rs, const struct flow_view *fv, size_t i)
{
	const struct flow_offer *o = &fv->offers[i];
	struct page *p = &rs->pg;
	long long sel = (long long)fv->sel->s.id;
	const char *where = form_page(o->def->id);

	H(p, "<li class=\"offer\"><h3>");
	h_textc(p, o->def->label);
	H(p, "</h3><p>Menuju: ");
	h_textc(p, flow_state_label(o->to));
	H(p, ". ");
	if (o->def->by_clock) {
		H(p, "Terjadi menurut jadwal, tanpa tindakan siapa pun");
		if (fv->sel->has_window) {
			H(p, ", pada ");
			h_date(p, o->def->id == FT_OPEN ? fv->sel->open :
			    fv->sel->close + 1);
		}
		H(p, ".");
	}
	else {
		H(p, "Dilakukan oleh: ");
		for (int k = 0, n = 0; k < ROLE__N; k++)
			if (flow_role_may(o->def->id, (enum role)k)) {
				if (n++ > 0)
					H(p, ", ");
				h_textc(p, web_role_label((enum role)k));
			}
		H(p, ".");
	}
	H(p, "</p>");
	if (o->nguard > 0) {
		H(p, "<ul class=\"rules\">");
		for (size_t k = 0; k < o->nguard; k++)
			if (o->guard[k].detail.len > 0 ||
			    o->guard[k].status != RS_PASS)
				h_rule(p, &o->guard[k]);
			else {
				H(p, "<li class=\"rule\"><code>");
				h_textc(p, rule_name(o->guard[k].id));
				H(p, "</code> <cite>");
				h_text(p, o->guard[k].citation);
				H(p, "</cite></li>");
			}
		H(p, "</ul>");
	}
	if (!o->ready && !o->def->by_clock) {
		H(p, "<p class=\"wait\"><strong>Belum dapat dilakukan:</strong> ");
		h_text(p, o->why);
		H(p, "</p>");
	}
	if (!app_flow_has_use_case(o->def->id) && !o->def->by_clock) {
		H(p, "<p>Langkah ini belum tersedia di selter; dicatat di luar "
		    "aplikasi sampai fitur tahap berikutnya selesai.</p>");
	} else if (fv->mine[i] && o->ready && o->def->id == FT_CLOSE) {
		H(p, "<form method=\"post\"");
		HA(p, "action", arena_printf(r->ar, "/kelola/%lld/alur/tutup",
		    sel));
		H(p, ">");
		form_csrf(r, rs);
		H(p, "<label class=\"check\"><input type=\"checkbox\" "
		    "name=\"confirm\" value=\"1\" required> Saya menutup "
		    "pendaftaran seleksi ini; lamaran baru tidak diterima "
		    "lagi.</label><button type=\"submit\">Tutup pendaftaran"
		    "</button></form>");
	} else if (fv->mine[i] && where != NULL) {
		H(p, "<p><a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld%s", sel, where));
		H(p, ">Buka halaman langkah ini</a></p>");
	}
	H(p, "</li>");
}

static void
flow_page(struct req *r, struct resp *rs, const struct flow_view *fv,
    bool ok, const char *msg)
{
	struct page *p = &rs->pg;
	const struct sel_view *v = fv->sel;

	page_begin(r, rs, arena_printf(r->ar, "Alur seleksi: %.*s",
	    (int)v->s.f[SF_TITLE].len, v->s.f[SF_TITLE].p).p);
	if (msg != NULL)
		h_msg(p, ok, msg);
	H(p, "<p><a");
	HA(p, "href", arena_printf(r->ar, "/kelola/%lld", (long long)v->s.id));
	H(p, ">Kembali ke halaman seleksi</a> · ");
	h_text(p, v->region.name);
	H(p, "</p><p class=\"state\">Tahap sekarang: <strong>");
	h_textc(p, flow_state_label(v->state));
	H(p, "</strong></p>");
	progress(r, p, fv);
	H(p, "<h2>Langkah berikutnya</h2>");
	if (fv->noffers == 0)
		H(p, "<p>Tidak ada langkah berikutnya.</p>");
	else {
		H(p, "<ul class=\"offers\">");
		for (size_t i = 0; i < fv->noffers; i++)
			offer(r, rs, fv, i);
		H(p, "</ul>");
	}
	page_end(r, rs);
}

static bool
load(struct req *r, struct resp *rs, struct flow_view *fv)
{
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	rc = app_flow_view(r->app, r->ar, &r->who, r->ids[0], fv);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ?
		    "Peran Anda tidak mencakup seleksi ini." : rc == SEL_ENOENT ?
		    "Seleksi tidak ditemukan." : "Seleksi tidak dapat dibaca.");
		return false;
	}
	return true;
}

void
h_flow(struct req *r, struct resp *rs)
{
	struct flow_view *fv = arena_alloc(r->ar, sizeof *fv);

	if (load(r, rs, fv))
		flow_page(r, rs, fv, true, req_query(r, "ok").len > 0 ?
		    "Tersimpan dan dicatat dalam jejak audit." : NULL);
}

void
h_flow_post(struct req *r, struct resp *rs)
{
	struct flow_view *fv = arena_alloc(r->ar, sizeof *fv);
	struct app_msg m = { "" };
	const char *msg;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk.");
		return;
	}
	if (!str_eqc(r->word, "tutup")) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
		return;
	}
	rc = app_reg_close(r->app, r->ar, &r->who, r->ids[0],
	    form_has(&r->form, "confirm", STR("1")), &m);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/alur?ok=1",
		    (long long)r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT) {
		page_error(r, rs, web_status(rc), m.text);
		return;
	}
	if (!load(r, rs, fv))
		return;
	rs->status = web_status(rc);
	msg = m.text;
	flow_page(r, rs, fv, false, msg);
}
