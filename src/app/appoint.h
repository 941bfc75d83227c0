/*
 * appoint.h - appointment and inauguration (issue 14 item 4: APPT-AGE,
 * FT_APPOINT): per chosen post, the decree appointing the chosen
 * candidate and the inauguration (in person or by video conference),
 * recorded by the PPK once the oversight body's recommendation is in.
 * The age limit is read on the decree's day (core/appt.c); where the
 * region needs the Minister of Home Affairs' written approval
 * (PRAC-HOME-MINISTER: an acting head, or a window of UU 10/2016 holding
 * that day), the approval on record must be dated no later.
 */
#ifndef SELTER_APP_APPOINT_H
#define SELTER_APP_APPOINT_H

#include "app/choice.h"
#include "core/tenure.h"

struct appoint_vac {
	const struct choice_vac *x;
	bool		 appointed;
	struct s_appoint ap;
	struct ten_mark	 marks[TEN_MAX_MARKS];	/* the term's dates */
	size_t		 nmarks;
	const struct s_letter *decree_file;	/* ---- letters ---- */
};

struct appoint_view {
	struct choice_view cv;
	struct appoint_vac *vac;	/* the chosen posts */
	size_t		 nvac;
	bool		 may_appoint;	/* the PPK, at the appointment */
	struct str	 rec_on;	/* the recommendation's letter day */
};

/* The page (from the appointment on): those who read the ranking and
   the secretariat. */
enum sel_err	app_appoint_view(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct appoint_view *,
		    struct app_msg *);
/*
 * The PPK records a post's appointment: "vacancy", "decree_no",
 * "decree_on", "tmt", "inaugurated_on" (YYYY-MM-DD), "mode" (in_person,
 * video), "place" (3-200 characters: the place or the conference) and
 * "confirm" = "1", and the decree itself as a PDF ("letter", letters.h).
 * *field names the field at fault.
 */
enum sel_err	app_appoint(struct app *, struct arena *, const struct who *,
		    int64_t sel, const struct form *, struct app_msg *,
		    const char **field);

#endif
