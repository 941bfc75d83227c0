/*
 * h_stage_plan.c - the plan page's part of each stage (h_sel.h): the
 * row's pass criterion, place or video-conference link, time and provider,
 * and the fields of the stage form (app/stage.h, core/stage.h).
 */
#include <string.h>

#include "base/arena.h"
#include "core/profile.h"
#include "web/h_sel.h"
#include "base/banned.h"

void
sf_stage_plan_cell(struct ctx *c, struct str stage)
{
	struct s_stage_plan *pl;
	size_t n = 0;
	bool any = false;

	if (app_stage_plans(c->r->app, c->r->ar, c->v->s.id, &pl, &n) != SEL_OK)
		n = 0;
	for (size_t i = 0; i < n; i++) {
		const struct s_stage_plan *s = &pl[i];

		if (!str_eq(s->stage, stage))
			continue;
		if (s->pass_min >= 0) {
			H(c->p, "Nilai minimum ");
			h_text(c->p, stage_score_text(c->r->ar,
			    (int)s->pass_min));
			H(c->p, ". ");
			any = true;
		}
		if (s->pass_best > 0) {
			h_int(c->p, s->pass_best);
			H(c->p, " terbaik per lowongan. ");
			any = true;
		}
		if (s->time_text.len > 0) {
			h_text(c->p, s->time_text);
			H(c->p, ". ");
			any = true;
		}
		if (s->place.len > 0) {
			h_text(c->p, s->place);
			H(c->p, ". ");
			any = true;
		}
		if (s->link.len > 0) {
			H(c->p, "Konferensi video: ");
			h_text(c->p, s->link);
			H(c->p, " ");
			any = true;
		}
		if (s->provider.len > 0) {
			H(c->p, "Penyelenggara: ");
			h_text(c->p, s->provider);
			any = true;
		}
	}
	if (!any)
		H(c->p, "—");
}

void
sf_stage_plan_inputs(struct ctx *c)
{
	const struct profile *p = c->v->profile;
	bool vc = false;

	sf_input(c, "pass_min", "Nilai minimum kelulusan (0 sampai 100; "
	    "kosong: tidak ada)", "text", STR(""), false);
	sf_input(c, "pass_best", "Jumlah peringkat terbaik per lowongan yang "
	    "lulus (kosong: tidak ada)", "number", STR(""), false);
	sf_input(c, "time_text", "Waktu (misalnya 08.00-12.00 WIB)", "text",
	    STR(""), false);
	sf_input(c, "place", "Tempat pelaksanaan", "text", STR(""), false);
	H(c->p, "<p class=\"hint\">Konferensi video menurut profil: ");
	for (int s = FL_STAGE_FIRST; s <= FL_STAGE_LAST; s++) {
		const struct stage_params *sp = stage_params_of(p,
		    (enum flow_state)s);

		if (sp == NULL || sp->vc == SVC_NONE)
			continue;
		if (vc)
			H(c->p, "; ");
		h_text(c->p, stage_label(p, (enum flow_state)s));
		h_textc(c->p, sp->vc == SVC_REQUIRED ? " (wajib, " :
		    " (boleh, ");
		h_text(c->p, sp->vc_citation);
		H(c->p, ")");
		vc = true;
	}
	if (!vc)
		H(c->p, "tidak diatur; setiap tahapan di suatu tempat");
	H(c->p, ".</p>");
	sf_input(c, "link", "Tautan konferensi video (https://)", "url",
	    STR(""), false);
	if (profile_rule_any(p, R_PRAC_ASSESSOR) != NULL)
		H(c->p, "<p class=\"hint\">Penyelenggara assessment dicatat "
		    "pada halaman Praktik 2023-2026 (PRAC-ASSESSOR).</p>");
	else
		sf_input(c, "provider", "Penyelenggara assessment dan "
		    "akreditasinya (hanya seleksi kompetensi)", "text", STR(""),
		    false);
}
