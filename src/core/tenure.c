/*
 * tenure.c - the dates of a term (tenure.h).
 */
#include <string.h>

#include "core/profile.h"
#include "core/reuse.h"
#include "core/tenure.h"
#include "base/banned.h"

static void
mark(const struct profile *p, enum rule_id id, sel_date on, const char *what,
    struct ten_mark *out, size_t *n)
{
	const struct prof_rule *r = profile_rule_any(p, id);

	if (r == NULL)
		return;
	out[*n].rule = id;
	out[*n].citation = r->citation;
	out[*n].on = on;
	out[*n].what = what;
	(*n)++;
}

size_t
ten_marks(const struct profile *p, sel_date tmt, sel_date inaugurated,
    struct ten_mark out[TEN_MAX_MARKS])
{
	sel_date end = reuse_add_months(tmt, 60) - 1;
	size_t n = 0;

	mark(p, R_TEN_2Y_LOCK, reuse_add_months(inaugurated, 24) - 1,
	    "Hari terakhir pejabat tidak dapat diganti (kecuali melanggar "
	    "hukum dan tidak lagi memenuhi syarat jabatan)", out, &n);
	mark(p, R_TEN_MONITOR, reuse_add_months(tmt, 24) - 1, "Hari terakhir "
	    "pemantauan dan evaluasi pejabat terpilih", out, &n);
	mark(p, R_TEN_MUTATION, reuse_add_months(tmt, 24), "Mulai dapat "
	    "dimutasi ke JPT lain melalui uji kompetensi (2 tahun menjabat)",
	    out, &n);
	mark(p, R_TEN_EVAL, reuse_add_months(end, -3), "Evaluasi "
	    "perpanjangan oleh tim (1 orang eksternal, 2 orang internal): "
	    "3 bulan sebelum masa jabatan berakhir", out, &n);
	mark(p, R_TEN_5Y, end, "Hari terakhir masa jabatan 5 tahun", out, &n);
	/* date order: the marks are few */
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && out[k].on < out[k - 1].on; k--) {
			struct ten_mark t = out[k];

			out[k] = out[k - 1];
			out[k - 1] = t;
		}
	return n;
}
