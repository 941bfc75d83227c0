/*
 * report_int.h - private to the report's acts (report.c, report_pack.c,
 * report_more.c).
 */
#ifndef SELTER_APP_REPORT_INT_H
#define SELTER_APP_REPORT_INT_H

#include "app/after_int.h"
#include "app/report.h"

/*
 * The pack's PDF documents for rv's selection, made, kept and signed in
 * tx as w sends it with letter no of day on at time at (none when the
 * application runs without a PDF renderer).
 */
enum sel_err	report_pack_make(struct app *, struct stx *, struct arena *,
		    const struct who *, const struct report_view *,
		    struct str no, struct str on, struct str at,
		    struct s_report_doc **, size_t *n);
/* The write transaction with the report's view (aborted on an error). */
enum sel_err	report_begin(struct after *, struct report_view *,
		    int64_t sel);
/* The letters' part of the report's view (docs, copies, follow-up). */
enum sel_err	report_more_load(struct stx *, struct arena *,
		    const struct who *, struct report_view *);

#endif
