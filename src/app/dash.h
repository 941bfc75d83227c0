/*
 * dash.h - a region's dashboard (issue 14 item 6, docs/dashboard.md): the
 * figures of core/dash.h over the rows of the region's selections, read
 * in one read transaction.
 *
 * Who sees what (ACT_DASHBOARD, perm.c): the secretariat, the PPK and the
 * PyB see the regions where they hold the role (for every selection or
 * for one: they are the region's officials, and the figures are the
 * region's, never an applicant's); the
 * oversight body (a grant of ROLE_OVERSIGHT anywhere: it is national, BKN
 * today) sees every region, with the national summary.  Anyone else:
 * SEL_EPERM.
 */
#ifndef SELTER_APP_DASH_H
#define SELTER_APP_DASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/dash.h"

struct dash_region {
	struct s_region	 region;
	const struct dash_sel *sel;	/* a slice of dash_view.all */
	size_t		 nsel;
	struct dash_fig	 fig;
};

struct dash_view {
	bool		 national;	/* the oversight body's view */
	struct dash_sel	*all;		/* every selection shown */
	size_t		 nall;
	struct dash_fig	 total;		/* over every region shown */
	struct dash_region *reg;
	size_t		 nreg;
};

/*
 * The regions this person may see (region 0: all of them; else only that
 * one): SEL_EPERM when none (or not that one), SEL_ENOENT for a region
 * that does not exist (said to the oversight body only).
 */
enum sel_err	app_dash(struct app *, struct arena *, const struct who *,
		    int64_t region, struct dash_view *, struct app_msg *);

#endif
