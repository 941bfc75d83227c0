/*
 * prac.c - the pure decisions of the PRAC-* rules (REGULATIONS.md §15).
 */
#include "core/prac.h"
#include "core/profile.h"
#include "base/banned.h"

const char *const prac_grade_words[] = { "A", "B", "C", NULL };

int
prac_grade(struct str s)
{
	char ch;

	s = str_trim(s);
	if (s.len != 1)
		return -1;
	ch = s.p[0] >= 'a' && s.p[0] <= 'z' ? (char)(s.p[0] - 'a' + 'A') :
	    s.p[0];
	for (int i = 0; prac_grade_words[i] != NULL; i++)
		if (ch == prac_grade_words[i][0])
			return i;
	return -1;
}

bool
prac_adm_min(const struct profile *p, struct prof_rule *out)
{
	const struct prof_rule *m = profile_rule_any(p, R_PRAC_MINIMUM);
	const struct prof_rule *r = profile_rule_any(p, R_ADM_MIN_3);

	if (m == NULL)
		return false;
	*out = r != NULL ? *r : *m;
	out->id = R_PRAC_MINIMUM;
	out->citation = m->citation;
	out->count = m->count;
	out->min_to_proceed = m->min_to_proceed;
	if (r == NULL)
		out->detail = m->detail;
	return true;
}

bool
prac_extend(const struct profile *p, struct prof_rule *out)
{
	const struct prof_rule *m = profile_rule_any(p, R_PRAC_MINIMUM);
	const struct prof_rule *r = profile_rule_any(p, R_ANN_EXTEND);

	if (m == NULL)
		return false;
	*out = r != NULL ? *r : *m;
	out->id = R_PRAC_MINIMUM;
	out->citation = m->citation;
	if (r == NULL)
		out->trigger = TRIG_APPLICANTS_AT_MOST;
	/* "at least N": extend while fewer than N (applicants, or the
	   qualified where the profile's ANN-EXTEND counts those) */
	out->threshold = out->trigger == TRIG_QUALIFIED_BELOW ? m->count :
	    m->count - 1;
	out->days = m->days;
	out->day_kind = m->day_kind;
	out->max_times = m->max_times;
	return true;
}

static const struct prac_window *
in_list(const struct prac_window *w, size_t n, sel_date d)
{
	for (size_t i = 0; i < n; i++)
		if (d >= w[i].from && d <= w[i].to)
			return &w[i];
	return NULL;
}

const struct prac_window *
prac_window_at(const struct profile *p, const struct prac_window *sel,
    size_t n, sel_date d)
{
	const struct prof_rule *r = profile_rule_any(p, R_PRAC_HOME_MINISTER);
	const struct prac_window *w;

	if (r == NULL || d == 0)
		return NULL;
	if (r->prac != NULL &&
	    (w = in_list(r->prac->windows, r->prac->nwindows, d)) != NULL)
		return w;
	return in_list(sel, n, d);
}

const char *
prac_letter_refusal(enum rule_id id, sel_date d, sel_date plan_sent,
    sel_date today)
{
	if (d > today)
		return "Tanggal surat tidak boleh sesudah hari ini.";
	if (id != R_PRAC_OVERSIGHT_APPROVAL)
		return NULL;
	if (plan_sent == 0)
		return "Catat dahulu pengiriman rencana ke instansi pengawas: "
		    "persetujuan diberikan atas rencana itu.";
	if (d < plan_sent)
		return "Surat persetujuan tidak boleh bertanggal sebelum "
		    "rencana dikirim ke instansi pengawas.";
	return NULL;
}
