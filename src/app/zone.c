/*
 * zone.c - the time zone people read a time in: a selection's region's
 * (its profile's "WIB", "WITA" or "WIT"), or for a page of no one
 * selection the zone every region of the store shares.
 */
#include "app/app_int.h"
#include "core/profile.h"
#include "base/banned.h"

static struct str
region_zone(struct app *a, const struct s_region *rg)
{
	const struct profile *p = app_profile_get(a, rg->profile_id);

	return p != NULL ? p->timezone : STR("");
}

struct str
app_zone(struct app *a, struct arena *ar, int64_t sel)
{
	struct str zone = STR("");
	struct s_selection s;
	struct s_region rg, *rgs;
	struct stx *tx;
	size_t n = 0;

	if (store_begin(a->st, false, &tx) != SEL_OK)
		return STR("WIB");
	if (sel > 0) {
		if (store_selection_get(tx, ar, sel, &s) == SEL_OK &&
		    store_region_get(tx, ar, s.region_id, &rg) == SEL_OK)
			zone = region_zone(a, &rg);
	} else if (store_regions(tx, ar, &rgs, &n) == SEL_OK) {
		for (size_t i = 0; i < n; i++) {
			struct str z = region_zone(a, &rgs[i]);

			if (i == 0)
				zone = z;
			else if (!str_eq(z, zone))
				zone = STR("");
		}
	}
	store_abort(a->st, tx);
	return zone.len > 0 ? zone : STR("WIB");
}
