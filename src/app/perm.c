/*
 * perm.c - which role may do what (REGULATIONS.md §1-2).
 *
 * Separation of duties is in this table: the administrator holds no role
 * in a selection (only ACT_ADMIN), the secretariat prepares and publishes
 * nothing it has not been given to sign, only the committee decides a
 * stage and scores, only the chair signs the announcement, only the PPK
 * confirms the committee and chooses.  The oversight body reads the trail
 * and records its own recommendations.
 */
#include "app/app_int.h"
#include "base/banned.h"

#define R(x)	(1u << (x))

static const struct {
	const char	*name;
	unsigned	 roles;
} acts[ACT__N] = {
	[ACT_ADMIN] = { "admin", 0 },
	[ACT_SEL_CREATE] = { "sel_create", R(ROLE_SECRETARIAT) },
	[ACT_SEL_VIEW] = { "sel_view", R(ROLE_SECRETARIAT) | R(ROLE_CHAIR) |
	    R(ROLE_MEMBER) | R(ROLE_PYB) | R(ROLE_PPK) | R(ROLE_OVERSIGHT) },
	[ACT_VACANCY_EDIT] = { "vacancy_edit", R(ROLE_SECRETARIAT) },
	[ACT_PLAN_EDIT] = { "plan_edit", R(ROLE_SECRETARIAT) },
	[ACT_PLAN_SEND] = { "plan_send", R(ROLE_SECRETARIAT) },
	[ACT_RECOMMEND] = { "recommend", R(ROLE_OVERSIGHT) |
	    R(ROLE_SECRETARIAT) },
	[ACT_CONSULT] = { "consult", R(ROLE_SECRETARIAT) },
	[ACT_COMMITTEE_EDIT] = { "committee_edit", R(ROLE_SECRETARIAT) },
	[ACT_COMMITTEE_CONFIRM] = { "committee_confirm", R(ROLE_PPK) },
	[ACT_ANN_EDIT] = { "ann_edit", R(ROLE_SECRETARIAT) },
	[ACT_ANN_PUBLISH] = { "ann_publish", R(ROLE_CHAIR) },
	[ACT_AUDIT_VIEW] = { "audit_view", R(ROLE_OVERSIGHT) | R(ROLE_CHAIR) |
	    R(ROLE_MEMBER) },
	[ACT_STAGE_DECIDE] = { "stage_decide", R(ROLE_CHAIR) |
	    R(ROLE_MEMBER) },
	[ACT_SCORE_ENTER] = { "score_enter", R(ROLE_CHAIR) | R(ROLE_MEMBER) |
	    R(ROLE_ASSESSOR) },
	[ACT_APPOINT_CHOOSE] = { "appoint_choose", R(ROLE_PPK) },
	/* Demak Pasal 12 (3): the committee checks, the secretariat helps. */
	[ACT_ADM_CHECK] = { "adm_check", R(ROLE_SECRETARIAT) | R(ROLE_CHAIR) |
	    R(ROLE_MEMBER) },
	[ACT_CLARIFY] = { "clarify", R(ROLE_SECRETARIAT) | R(ROLE_CHAIR) |
	    R(ROLE_MEMBER) },
	[ACT_RESULT_PUBLISH] = { "result_publish", R(ROLE_CHAIR) },
	[ACT_EXTEND] = { "extend", R(ROLE_CHAIR) },
	[ACT_COMPLAINT_VIEW] = { "complaint_view", R(ROLE_OVERSIGHT) |
	    R(ROLE_CHAIR) },
	[ACT_COMPLAINT_ANSWER] = { "complaint_answer", R(ROLE_OVERSIGHT) |
	    R(ROLE_CHAIR) },
	[ACT_INVITE] = { "invite", R(ROLE_PPK) },
	/* FT_CLOSE: the secretariat closes registration (core/flow.c). */
	[ACT_REG_CLOSE] = { "reg_close", R(ROLE_SECRETARIAT) },
	/* REGULATIONS.md §15: the oversight body records its own approvals,
	   or the secretariat records the letters it received. */
	[ACT_PRAC_APPROVAL] = { "prac_approval", R(ROLE_OVERSIGHT) |
	    R(ROLE_SECRETARIAT) },
	[ACT_PRAC_MINISTER] = { "prac_minister", R(ROLE_SECRETARIAT) },
	/* stage part (issue 12 item 1).  FAT_ABSENT (core/flow.c): the
	   secretariat or the chair; the committee runs the track record
	   (Demak Pasal 15 (1)) and composes the interview's material (Pasal
	   14 (2)); the track record is confidential: the committee and the
	   oversight body; an assessor reads the assessment stage, a resource
	   person the interview (never a score: ACT_SCORE_ENTER). */
	[ACT_STAGE_RUN] = { "stage_run", R(ROLE_SECRETARIAT) | R(ROLE_CHAIR) },
	[ACT_STAGE_COMMITTEE] = { "stage_committee", R(ROLE_CHAIR) |
	    R(ROLE_MEMBER) },
	[ACT_TRACK_READ] = { "track_read", R(ROLE_CHAIR) | R(ROLE_MEMBER) |
	    R(ROLE_OVERSIGHT) },
	[ACT_STAGE_ASSESSOR] = { "stage_assessor", R(ROLE_ASSESSOR) },
	[ACT_STAGE_NARASUMBER] = { "stage_narasumber", R(ROLE_NARASUMBER) },
	/* reuse (issue 12 item 4): the secretariat keeps the region's
	   assessment results and applies one, as does the chair. */
	[ACT_REUSE_RECORD] = { "reuse_record", R(ROLE_SECRETARIAT) },
	[ACT_REUSE_APPLY] = { "reuse_apply", R(ROLE_SECRETARIAT) |
	    R(ROLE_CHAIR) },
	/* export (issue 12 item 5): the committee and the oversight body;
	   the final ranking also the PyB and the PPK it is sent to. */
	[ACT_EXPORT] = { "export", R(ROLE_CHAIR) | R(ROLE_MEMBER) |
	    R(ROLE_OVERSIGHT) },
	[ACT_EXPORT_RANKING] = { "export_ranking", R(ROLE_CHAIR) |
	    R(ROLE_MEMBER) | R(ROLE_PYB) | R(ROLE_PPK) | R(ROLE_OVERSIGHT) },
	/* result: the ranking is confidential (Demak 17(5), Pekalongan
	   II.B.4.i.4, Pontianak 12(6)c): its recipients on the path (PyB,
	   PPK), the committee that made it and the oversight body; not the
	   secretariat, which only supports the committee administratively
	   (Demak 8(4)) and receives nothing under those articles. */
	[ACT_RANKING_VIEW] = { "ranking_view", R(ROLE_CHAIR) | R(ROLE_MEMBER) |
	    R(ROLE_PYB) | R(ROLE_PPK) | R(ROLE_OVERSIGHT) },
	/* ---- dashboard ---- (issue 14 item 6): a region's figures, for its
	   staff (the role in any of its selections); the oversight body
	   sees every region (app/dash.c). */
	[ACT_DASHBOARD] = { "dashboard", R(ROLE_SECRETARIAT) | R(ROLE_PPK) |
	    R(ROLE_PYB) | R(ROLE_OVERSIGHT) },
	/* ---- end dashboard ---- */
	/* ---- tenure ---- (issue 14 item 5): BKPSDM (the secretariat)
	   records, the PPK decides the extension (Demak 22(2), Pontianak
	   14(2)), the oversight body reads. */
	[ACT_TENURE_VIEW] = { "tenure_view", R(ROLE_SECRETARIAT) |
	    R(ROLE_PPK) | R(ROLE_OVERSIGHT) },
	[ACT_TENURE_RECORD] = { "tenure_record", R(ROLE_SECRETARIAT) },
	[ACT_TENURE_DECIDE] = { "tenure_decide", R(ROLE_PPK) },
	/* ---- end tenure ---- */
	/* ---- archive ---- (issue 13 item 5): the oversight body and the
	   secretariat that keeps the selection's files */
	[ACT_ARCHIVE_EXPORT] = { "archive_export", R(ROLE_SECRETARIAT) |
	    R(ROLE_OVERSIGHT) },
	/* ---- end archive ---- */
};

const char *
act_name(enum act a)
{
	return (unsigned)a < ACT__N ? acts[a].name : "?";
}

bool
perm_role_may(enum role r, enum act a)
{
	if ((unsigned)a >= ACT__N || (unsigned)r >= ROLE__N)
		return false;
	return (acts[a].roles & R(r)) != 0;
}

static bool
grant_covers(const struct s_grant *g, int64_t region_id, int64_t sel_id)
{
	return g->region_id == region_id &&
	    (g->selection_id == 0 || g->selection_id == sel_id);
}

bool
app_has_role(const struct who *w, enum role r, int64_t region_id,
    int64_t sel_id)
{
	for (size_t i = 0; w != NULL && i < w->ngrants; i++)
		if (w->grants[i].role == r &&
		    grant_covers(&w->grants[i], region_id, sel_id))
			return true;
	return false;
}

bool
app_may(const struct who *w, enum act a, int64_t region_id, int64_t sel_id)
{
	if (w == NULL || w->account_id == 0 || (unsigned)a >= ACT__N)
		return false;
	if (a == ACT_ADMIN)
		return w->admin;
	for (size_t i = 0; i < w->ngrants; i++) {
		const struct s_grant *g = &w->grants[i];

		if (perm_role_may(g->role, a) &&
		    grant_covers(g, region_id, sel_id))
			return true;
	}
	return false;
}
