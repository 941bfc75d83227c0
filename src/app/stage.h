/*
 * stage.h - running a stage after the administrative result (issue 12
 * item 1; app/stage.c, app/stage_track.c): its page, the invitations to
 * its candidates (the outbox), absences (withdrawn from the stage), the
 * track record's integrity instrument and inquiry notes (confidential),
 * the interview's standardised material per post; the pages of the
 * assessor and the resource person; the applicant's own invitations.
 * Scoring is another part's (/kelola/N/tahap/SLUG/nilai).
 *
 * Every write checks the role (perm.c) and the state in its transaction,
 * writes its audit event with the stage's rule and citation, and changes
 * nothing when refused.
 */
#ifndef SELTER_APP_STAGE_H
#define SELTER_APP_STAGE_H

#include "app/app.h"
#include "core/stage.h"
#include "store/store_stage.h"

/* A candidate of the stage, as the page shows them. */
struct stage_cand {
	struct s_application a;
	bool		 absent;
	struct str	 absence_note, absence_at;	/* full view only */
	struct str	 invited_at;	/* "": not invited; full view only */
};

struct stage_view {
	struct sel_view	 sel;
	enum flow_state	 stage;
	struct str	 id;		/* "paper" */
	struct str	 label;		/* the profile's name of the stage */
	struct str	 rule_citation;	/* the STG-* entry's */
	const struct stage_params *params;	/* NULL: no specifics */
	bool		 planned;	/* a row in the plan's schedule */
	struct s_stage_plan plan;
	struct str	 provider;	/* the assessment's, PRAC's or plan's */
	struct str	 provider_note;	/* its accreditation and decree */
	bool		 current;	/* the selection is in this stage */
	bool		 closed;	/* stage_close (the score part's) */
	bool		 open;		/* current and not closed */
	struct stage_cand *c;
	size_t		 nc;
	size_t		 uninvited;	/* candidates not absent, not invited */
	/* What this visitor may see and do. */
	bool		 full;		/* staff who may view the selection */
	bool		 may_run;	/* invitations, absences */
	bool		 may_committee;	/* instrument, notes, material */
	bool		 may_track;	/* reads the confidential track record */
	struct s_track_criterion *crit;	/* may_track only */
	size_t		 ncrit;
	struct s_track_inquiry *notes;	/* may_track only */
	size_t		 nnotes;
	struct s_stage_material *mat;	/* the interview's, per vacancy */
	size_t		 nmat;
};

/*
 * The stage's page: staff who may view the selection see it whole; an
 * assessor of the selection the assessment, a resource person the
 * interview where the profile lets them attend (STG-INTERVIEW's
 * resource_persons), each with the least data (no invitations, notes or
 * the track record).  SEL_ENOENT: not a stage of this selection;
 * SEL_EPERM: none of these.
 */
enum sel_err	app_stage_view(struct app *, struct arena *, const struct who *,
		    int64_t sel, enum flow_state, struct stage_view *);

/*
 * Invitations: one mail per candidate not invited yet and not absent,
 * each recorded (stage_invite); *sent how many.  Only while the stage is
 * the selection's current one and not closed, once the plan gives its
 * date and its place or link.  A candidate invited once is never mailed
 * again by this (the plan cannot change after the announcement).
 */
enum sel_err	app_stage_invite(struct app *, struct arena *,
		    const struct who *, int64_t sel, enum flow_state,
		    int *sent, struct app_msg *);
/*
 * A candidate absent from the stage: withdrawn from it (FA_STAGE_ABSENT),
 * with a note (5 to 1000 characters).  Same state as the invitations.
 */
enum sel_err	app_stage_absent(struct app *, struct arena *,
		    const struct who *, int64_t sel, enum flow_state,
		    int64_t application_id, struct str note,
		    struct app_msg *);

/*
 * STG-TRACK's integrity instrument (the profile's integrity_instrument):
 * the committee's criteria c_name_1..c_name_10 and c_weight_1..10, the
 * weights adding up to 100, replacing the earlier ones, until the stage
 * is closed.  *field names the field at fault.
 */
enum sel_err	app_track_instrument(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);
/*
 * An inquiry note on a candidate of the track record (the profile's
 * inquiry): who was asked (atasan, rekan, bawahan, lainnya) and the note.
 * From the administrative result until the stage is closed.
 */
enum sel_err	app_track_inquiry(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t application_id,
		    struct str source, struct str note, struct app_msg *,
		    const char **field);
/* The interview's standardised material for one post (vacancy). */
enum sel_err	app_stage_material(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t vacancy_id,
		    struct str body, struct app_msg *);

/*
 * OP_STAGE_PUT's part (prep_ops.c): the plan's pass criterion, place or
 * link, time and provider of stage word st, checked (core/stage.h) into
 * out; SEL_EINVAL with the message at its field otherwise.  kv: the
 * audit's pairs of them.
 */
enum sel_err	stage_plan_fields(struct arena *, const struct sel_view *,
		    struct str st, const struct form *, struct s_stage_plan *,
		    struct app_msg *);
struct str	stage_plan_kv(struct arena *, const struct s_stage_plan *);
/* The plan's rows with their 009_merit columns (the plan page). */
enum sel_err	app_stage_plans(struct app *, struct arena *, int64_t sel,
		    struct s_stage_plan **, size_t *n);

/* The applicant's own invitations and absences. */
enum sel_err	app_my_stages(struct app *, struct arena *, const struct who *,
		    struct s_my_stage **, size_t *n);
/* One application's, for whoever may see it (app_application). */
enum sel_err	app_application_stages(struct app *, struct arena *,
		    const struct who *, int64_t application_id,
		    struct s_my_stage **, size_t *n);

/* The selections where a role has stage work, for the dashboard. */
struct stage_work {
	int64_t		 sel;
	struct str	 title;
	struct str	 state;		/* the selection's state, for people */
};
/*
 * ROLE_ASSESSOR: the selections whose assessment the visitor may see;
 * ROLE_NARASUMBER: those whose interview they may attend.
 */
enum sel_err	app_stage_work(struct app *, struct arena *, const struct who *,
		    enum role, struct stage_work **, size_t *n);

#endif
