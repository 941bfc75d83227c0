/*
 * store_stage.h - the rows of running a stage (issue 12 item 1): each
 * stage's plan beyond its dates (pass criterion, place or link, time,
 * provider: 009_merit's columns of selection_stage), the invitations and
 * absences (009_merit), and 010_stage's integrity instrument, inquiry
 * notes and standardised material.  Stages are core/flow.c's ids.
 */
#ifndef SELTER_STORE_STAGE_H
#define SELTER_STORE_STAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "store/store.h"

struct arena;
struct stx;

/* A stage's plan: the schedule's row with its 009_merit columns. */
struct s_stage_plan {
	struct str	 stage, starts_on, ends_on, method;
	int64_t		 pass_min;	/* hundredths; -1: none */
	int64_t		 pass_best;	/* 0: none */
	struct str	 place, link, time_text, provider;
};

/* Every stage of the selection's schedule, by start date. */
enum sel_err	store_stage_plans(struct stx *, struct arena *, int64_t sel,
		    struct s_stage_plan **, size_t *n);
/* The 009_merit columns of a row that store_stage_put made. */
enum sel_err	store_stage_plan_set(struct stx *, int64_t sel,
		    const struct s_stage_plan *);

struct s_stage_invite {
	int64_t		 application_id;
	struct str	 sent_at;
};
enum sel_err	store_stage_invites(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_stage_invite **, size_t *n);
/* SEL_EINVAL: invited already. */
enum sel_err	store_stage_invite_add(struct stx *, int64_t sel,
		    int64_t application_id, struct str stage,
		    struct str sent_at);

struct s_stage_absence {
	int64_t		 application_id;
	struct str	 recorded_at, recorded_by, note;
};
enum sel_err	store_stage_absences(struct stx *, struct arena *,
		    int64_t sel, struct str stage, struct s_stage_absence **,
		    size_t *n);
/* SEL_EINVAL: recorded already. */
enum sel_err	store_stage_absence_add(struct stx *, int64_t sel,
		    int64_t application_id, struct str stage,
		    const struct s_stage_absence *);
/* Has the stage been closed (009_merit stage_close, the score part's)? */
enum sel_err	store_stage_is_closed(struct stx *, int64_t sel,
		    struct str stage, bool *closed);

/* STG-TRACK: the integrity instrument, in the order entered. */
struct s_track_criterion {
	struct str	 name;
	int64_t		 weight;
};
enum sel_err	store_track_criteria(struct stx *, struct arena *, int64_t sel,
		    struct s_track_criterion **, size_t *n);
/* Replaces the whole instrument. */
enum sel_err	store_track_criteria_set(struct stx *, int64_t sel,
		    const struct s_track_criterion *, size_t n);

struct s_track_inquiry {
	int64_t		 id, application_id;
	struct str	 source, note, recorded_at, recorded_by;
};
enum sel_err	store_track_inquiries(struct stx *, struct arena *,
		    int64_t sel, struct s_track_inquiry **, size_t *n);
enum sel_err	store_track_inquiry_add(struct stx *, int64_t sel,
		    const struct s_track_inquiry *, int64_t *id);

/* STG-INTERVIEW: the standardised material per post (vacancy). */
struct s_stage_material {
	int64_t		 vacancy_id;
	struct str	 body, set_at, set_by;
};
enum sel_err	store_stage_materials(struct stx *, struct arena *,
		    int64_t sel, struct str stage, struct s_stage_material **,
		    size_t *n);
enum sel_err	store_stage_material_set(struct stx *, int64_t sel,
		    struct str stage, const struct s_stage_material *);

/* An applicant's invitations and absences, with their stage's plan. */
struct s_my_stage {
	int64_t		 selection_id, application_id;
	struct str	 reg_no, stage, sent_at;	/* "": not invited */
	struct str	 starts_on, ends_on, place, link, time_text;
	bool		 absent;
	struct str	 absence_note;
};
enum sel_err	store_my_stages(struct stx *, struct arena *,
		    int64_t account_id, struct s_my_stage **, size_t *n);
/* The same rows of one application. */
enum sel_err	store_application_stages(struct stx *, struct arena *,
		    int64_t application_id, struct s_my_stage **, size_t *n);

#endif
