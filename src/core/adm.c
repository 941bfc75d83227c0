/*
 * adm.c - ADM-MIN-3.
 */
#include "base/arena.h"
#include "core/adm.h"
#include "core/prac.h"
#include "core/profile.h"
#include "base/banned.h"

bool
adm_min_eval(struct arena *a, const struct profile *p, int qualified,
    bool extended, struct rule_result *r)
{
	const struct prof_rule *pr = profile_rule_any(p, R_ADM_MIN_3);
	struct prof_rule today;		/* PRAC-MINIMUM's numbers */
	int need;

	if (prac_adm_min(p, &today))
		pr = &today;
	if (pr == NULL)
		return false;
	need = pr->count;
	if (extended && pr->min_to_proceed > 0 && pr->min_to_proceed < need)
		need = pr->min_to_proceed;
	r->id = pr->id;
	r->citation = pr->citation;
	if (qualified >= need) {
		r->status = RS_PASS;
		r->detail = arena_printf(a, "%d calon memenuhi syarat "
		    "administrasi; paling sedikit %d diperlukan%s.", qualified,
		    need, need < pr->count ? " karena pengumuman sudah "
		    "diperpanjang" : "");
		return true;
	}
	r->status = RS_FAIL;
	r->detail = arena_printf(a, "Hanya %d calon memenuhi syarat "
	    "administrasi; paling sedikit %d diperlukan. %.*s", qualified,
	    need, (int)pr->detail.len, pr->detail.p);
	return true;
}
