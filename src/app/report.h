/*
 * report.h - the report to the oversight body (issue 14 item 3:
 * APPT-KASN-REPORT, APPT-REPORT, FT_RECOMMENDED): the report pack built
 * from the data as JSON (docs/report-format.md), kept with its SHA-256
 * when sent, and the oversight body's recommendation, recorded by its
 * own role or by the secretariat from the letter received (who recorded
 * it is kept).  Appointment waits for a recommendation that is not a
 * refusal.
 */
#ifndef SELTER_APP_REPORT_H
#define SELTER_APP_REPORT_H

#include "app/choice.h"
#include "store/store_letters.h"	/* ---- letters ---- */

struct report_view {
	struct choice_view cv;
	struct str	 to;		/* the region's oversight body */
	struct rule_result kasn;	/* APPT-KASN-REPORT (or none) */
	struct rule_result report;	/* APPT-REPORT (or none) */
	bool		 sent;
	struct s_report_sent rs;
	bool		 has_rec;
	struct s_recommend rec;
	bool		 may_send;	/* the chair, the PPK or the
					   secretariat, at the report */
	bool		 may_recommend;	/* the oversight body or the
					   secretariat, once sent */
	/* ---- letters ---- (report_pack.c, report_more.c) */
	struct s_report_doc *docs;	/* the pack's PDFs, as sent */
	size_t		 ndocs;
	const struct appt_copy *copies;	/* the profile's (tembusan) */
	size_t		 ncopies;
	struct s_report_copy *sent_copies;	/* their dispatch */
	size_t		 nsent_copies;
	const struct s_letter *rec_file;	/* the recommendation's */
	bool		 has_followup;
	struct s_followup followup;
	const struct s_letter *followup_file;
	bool		 awaits_followup;	/* binding, none yet */
	bool		 may_dispatch;	/* the secretariat, once sent */
	bool		 may_followup;	/* the PPK or the secretariat */
	/* ---- end letters ---- */
};

/*
 * The page: for those who read the ranking, the secretariat and the
 * oversight body; SEL_ESTATE before the special consultations are done.
 */
enum sel_err	app_report_view(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct report_view *,
		    struct app_msg *);
/*
 * The pack as it stands (before sending) or as sent: JSON text.  For
 * those who read the ranking (it holds the final scores).
 */
enum sel_err	app_report_json(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str *json,
		    struct app_msg *);
/* Sends the report: fields "letter_no", "letter_on", "confirm" = "1". */
enum sel_err	app_report_send(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);
/*
 * Records the recommendation: "verdict" (recommended, with_notes,
 * not_recommended), "letter_no", "letter_on", "text" (10-4000),
 * "binding" = "1" when the body says it binds.
 */
enum sel_err	app_recommend(struct app *, struct arena *, const struct who *,
		    int64_t sel, const struct form *, struct app_msg *,
		    const char **field);
/* The workflow's fact (FT_RECOMMENDED), inside tx: a recommendation
   that is not a refusal, and when binding, followed up. */
enum sel_err	report_fact(struct stx *, struct arena *, int64_t sel,
		    bool *recommended);

/* ---- letters ---- */
/*
 * The secretariat records a copy's dispatch, once the report is sent:
 * "to" (a recipient of the profile's copies), "dispatched_on"
 * (YYYY-MM-DD), "means" (3-200 characters: "surat tercatat", "e-mail
 * ...") and "number" (the letter's number, 1-200).  Once per recipient.
 */
enum sel_err	app_report_dispatch(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);
/*
 * The follow-up of a binding recommendation, by the PPK or the
 * secretariat: "action" (10-4000: what was done), "done_on", "letter_no"
 * and the letter's PDF ("letter").  Once; until then the appointment
 * stays blocked (core/appt.h appt_rec_opens).
 */
enum sel_err	app_report_followup(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);
/*
 * Document seq (1, 2, ...) of the pack as sent, for those who read the
 * letters (letters.h): the file (the caller closes fd).
 */
enum sel_err	app_report_doc_open(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t seq,
		    struct s_report_doc *, int *fd, int64_t *size);
/* ---- end letters ---- */

#endif
