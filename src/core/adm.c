/*
 * adm.c - ADM-MIN-3.
 */
#include "base/arena.h"
#include "core/adm.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/window.h"
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

void
adm_extend_input(const struct adm_tally *t, size_t n, int extensions,
    struct extend_in *in)
{
	in->applicants = -1;
	in->qualified = -1;
	in->done = extensions;
	for (size_t k = 0; k < n; k++) {
		if (in->applicants < 0 || t[k].registered < in->applicants)
			in->applicants = t[k].registered;
		if (t[k].decided == t[k].registered && t[k].registered > 0 &&
		    (in->qualified < 0 || t[k].passed < in->qualified))
			in->qualified = t[k].passed;
	}
}

bool
adm_invite_open(const struct profile *p, bool all_decided, bool has_min,
    const struct rule_result *min)
{
	return profile_rule_any(p, R_ADM_INVITE) != NULL && all_decided &&
	    has_min && min->status != RS_PASS;
}
