/*
 * stage_int.h - private to app/stage.c and app/stage_track.c: the write
 * path of a stage's use cases.
 */
#ifndef SELTER_APP_STAGE_INT_H
#define SELTER_APP_STAGE_INT_H

#include "app/stage.h"

/*
 * Opens the write transaction, loads the stage as w sees it and checks
 * the action; on a refusal m says why and nothing is left open.
 */
enum sel_err	stage_begin(struct app *, struct arena *, const struct who *,
		    int64_t sel, enum flow_state, enum act, struct stx **,
		    struct stage_view *, struct app_msg *);
/* Commits on SEL_OK, else rolls back; returns rc or the commit's. */
enum sel_err	stage_finish(struct app *, struct stx *, enum sel_err rc);
/* The track record's and the interview's rows, as v may read them. */
enum sel_err	stage_extras(struct stx *, struct arena *, struct stage_view *);

#endif
