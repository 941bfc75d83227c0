/*
 * h_stage_list.c - the stages as other pages list them: the work of an
 * assessor and of a resource person on the dashboard, and an applicant's
 * invitations and absences on /pelamar (web.h, "stage part").
 */
#include <string.h>

#include "base/arena.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

void
h_stage_work(struct req *r, struct page *p)
{
	static const struct {
		enum role	 role;
		const char	*head, *what, *slug, *extra;
	} roles[] = {
		{ ROLE_ASSESSOR, "Asesmen yang Anda nilai",
		    "Tahapan seleksi kompetensi (asesmen)", "asesmen",
		    "Penilaian asesmen" },
		{ ROLE_NARASUMBER, "Wawancara akhir yang Anda hadiri sebagai "
		    "narasumber", "Tahapan wawancara akhir", "wawancara", NULL },
	};

	for (size_t k = 0; k < sizeof roles / sizeof *roles; k++) {
		struct stage_work *w;
		size_t n = 0;

		if (app_stage_work(r->app, r->ar, &r->who, roles[k].role, &w,
		    &n) != SEL_OK || n == 0)
			continue;
		H(p, "<h2>");
		h_textc(p, roles[k].head);
		H(p, "</h2><ul>");
		for (size_t i = 0; i < n; i++) {
			H(p, "<li>");
			h_text(p, w[i].title);
			H(p, " (");
			h_text(p, w[i].state);
			H(p, "): <a");
			HA(p, "href", arena_printf(r->ar, "/kelola/%lld/tahap/%s",
			    (long long)w[i].sel, roles[k].slug));
			H(p, ">");
			h_textc(p, roles[k].what);
			H(p, "</a>");
			if (roles[k].extra != NULL) {
				H(p, " · <a");
				HA(p, "href", arena_printf(r->ar,
				    "/kelola/%lld/tahap/%s/nilai",
				    (long long)w[i].sel, roles[k].slug));
				H(p, ">");
				h_textc(p, roles[k].extra);
				H(p, "</a>");
			}
			H(p, "</li>");
		}
		H(p, "</ul>");
		if (roles[k].role == ROLE_NARASUMBER)
			H(p, "<p>Narasumber membantu menggali potensi pelamar "
			    "dalam wawancara akhir dan tidak memberikan "
			    "penilaian.</p>");
	}
}

void
h_app_stages(struct req *r, struct page *p, int64_t id, struct str zone)
{
	struct s_my_stage *s;
	size_t n = 0;

	if (app_application_stages(r->app, r->ar, &r->who, id, &s, &n) !=
	    SEL_OK || n == 0)
		return;
	H(p, "<h2>Tahapan sesudah seleksi administrasi</h2><ul>");
	for (size_t i = 0; i < n; i++) {
		enum flow_state st;

		H(p, "<li>");
		if (flow_stage_parse(s[i].stage, &st))
			h_textc(p, flow_state_label(st));
		H(p, ": ");
		if (s[i].sent_at.len > 0) {
			H(p, "diundang ");
			h_when(p, s[i].sent_at, zone);
		}
		if (s[i].absent) {
			if (s[i].sent_at.len > 0)
				H(p, "; ");
			h_text(p, lbl_state(STR("stage_absent")));
			H(p, ", dicatat mengundurkan diri dari tahapan ini (");
			h_text(p, s[i].absence_note);
			H(p, ")");
		}
		H(p, "</li>");
	}
	H(p, "</ul>");
}

void
h_my_stages(struct req *r, struct page *p)
{
	struct s_my_stage *s;
	size_t n = 0;

	if (app_my_stages(r->app, r->ar, &r->who, &s, &n) != SEL_OK || n == 0)
		return;
	H(p, "<h2>Undangan tahapan seleksi</h2>" SCROLL("Undangan tahapan")
	    "<table><caption>Undangan tahapan seleksi</caption><thead><tr>"
	    "<th scope=\"col\">Nomor pendaftaran</th><th scope=\"col\">"
	    "Tahapan</th><th scope=\"col\">Tanggal dan waktu</th><th "
	    "scope=\"col\">Tempat atau tautan</th><th scope=\"col\">Keadaan"
	    "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		struct sel_view v;
		enum flow_state st;
		struct str zone = STR("WIB");

		if (app_sel_view(r->app, r->ar, s[i].selection_id, &v) ==
		    SEL_OK)
			zone = sel_zone(&v);
		H(p, "<tr><td>");
		h_text(p, s[i].reg_no);
		H(p, "</td><td>");
		if (flow_stage_parse(s[i].stage, &st))
			h_text(p, v.profile != NULL ? stage_label(v.profile,
			    st) : str_c(flow_state_label(st)));
		H(p, "</td><td>");
		h_date_str(p, s[i].starts_on);
		if (!str_eq(s[i].starts_on, s[i].ends_on)) {
			H(p, " sampai ");
			h_date_str(p, s[i].ends_on);
		}
		if (s[i].time_text.len > 0) {
			H(p, ", ");
			h_text(p, s[i].time_text);
		}
		H(p, "</td><td>");
		h_text(p, s[i].place);
		if (s[i].link.len > 0) {
			if (s[i].place.len > 0)
				H(p, "; ");
			H(p, "<a rel=\"noopener noreferrer\"");
			HA(p, "href", s[i].link);
			H(p, ">");
			h_text(p, s[i].link);
			H(p, "</a>");
		}
		H(p, "</td><td>");
		if (s[i].absent) {
			h_text(p, lbl_state(STR("stage_absent")));
			H(p, ": dicatat mengundurkan diri dari tahapan ini");
		} else if (s[i].sent_at.len > 0) {
			H(p, "Diundang ");
			h_when(p, s[i].sent_at, zone);
		}
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
}
