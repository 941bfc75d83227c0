/*
 * store_dash.h - the rows a region's dashboard reads beyond the
 * selection's own (issue 14 item 6): the days its later steps were taken
 * and its applications per vacancy.  No table of its own.
 */
#ifndef SELTER_STORE_STORE_DASH_H
#define SELTER_STORE_STORE_DASH_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"

struct arena;
struct stx;

struct s_dash_apps {
	int64_t		 vacancy_id, applicants;	/* not withdrawn */
};

struct s_dash_sel {
	/* UTC instants, "" when none: each the latest of its rows */
	struct str	*stage_pub;	/* stage results published, oldest
					   first */
	size_t		 nstage_pub;
	struct str	 ranking_sent, chosen, consulted, recommended,
			 appointed;
	struct s_dash_apps *apps;
	size_t		 napps;
};

enum sel_err	store_dash_sel(struct stx *, struct arena *, int64_t sel,
		    struct s_dash_sel *);

#endif
