/*
 * appt.c - the PPK's interview and choice (appt.h).
 */
#include <string.h>

#include "base/arena.h"
#include "core/appt.h"
#include "core/profile.h"
#include "base/banned.h"

static void
rule(struct rule_result *why, const struct profile *p, enum rule_id id)
{
	const struct prof_rule *r = profile_rule_any(p, id);

	memset(why, 0, sizeof *why);
	why->id = id;
	why->status = r != NULL ? RS_PASS : RS_MISSING;
	why->citation = r != NULL ? r->citation : STR("");
}

bool
appt_interview_allowed(struct arena *a, const struct profile *p,
    struct rule_result *why)
{
	rule(why, p, R_SCORE_PPK_INTERVIEW);
	if (why->status == RS_PASS) {
		why->detail = arena_printf(a, "Sebelum memilih, PPK dapat "
		    "melakukan wawancara dengan tiga calon terbaik.");
		return true;
	}
	why->status = RS_FAIL;
	why->detail = arena_printf(a, "Peraturan daerah ini tidak mengatur "
	    "wawancara oleh PPK sebelum memilih; PPK memilih dari tiga "
	    "calon yang disampaikan panitia.");
	return false;
}

bool
appt_day_ok(struct arena *a, const struct appt_days *d, sel_date day,
    const char *what, struct rule_result *why)
{
	memset(why, 0, sizeof *why);
	why->id = R_APPT_CHOOSE;
	why->status = RS_PASS;
	if (d->sent != 0 && day < d->sent) {
		why->status = RS_FAIL;
		why->detail = arena_printf(a, "Tanggal %s tidak boleh sebelum "
		    "peringkat disampaikan kepada PPK.", what);
	} else if (day > d->today) {
		why->status = RS_FAIL;
		why->detail = arena_printf(a, "Tanggal %s tidak boleh setelah "
		    "hari ini.", what);
	}
	return why->status == RS_PASS;
}

void
appt_choose_rule(struct arena *a, const struct profile *p,
    struct rule_result *why)
{
	rule(why, p, R_APPT_CHOOSE);
	why->detail = arena_printf(a, "PPK memilih satu dari tiga calon "
	    "terbaik yang disampaikan panitia untuk setiap jabatan, sesuai "
	    "dengan jabatan itu dan rekomendasi panitia.");
}

bool
appt_choose_ok(struct arena *a, const struct profile *p,
    const struct str *ids, size_t n, struct str id, struct rule_result *why)
{
	rule(why, p, R_APPT_CHOOSE);
	if (why->status == RS_MISSING) {
		why->status = RS_FAIL;
		why->detail = arena_printf(a, "Profil daerah ini tidak memuat "
		    "ketentuan pemilihan calon oleh PPK (APPT-CHOOSE).");
		return false;
	}
	if (n == 0) {
		why->status = RS_FAIL;
		why->detail = arena_printf(a, "Lowongan ini tidak mempunyai "
		    "calon yang disampaikan panitia: tidak ada yang dapat "
		    "dipilih.");
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (str_eq(ids[i], id)) {
			why->detail = arena_printf(a, "PPK memilih satu dari "
			    "%zu calon terbaik yang disampaikan panitia "
			    "untuk jabatan ini.", n);
			return true;
		}
	why->status = RS_FAIL;
	why->detail = arena_printf(a, "PPK hanya dapat memilih satu dari %zu "
	    "calon terbaik yang disampaikan panitia untuk jabatan ini; "
	    "%.*s tidak termasuk di antaranya.", n, (int)id.len, id.p);
	return false;
}
