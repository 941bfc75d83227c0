/*
 * appt.c - the PPK's interview and choice (appt.h).
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "core/appt.h"
#include "core/holiday.h"
#include "core/profile.h"
#include "core/record.h"
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

/* ---- appointment ---- */

bool
appt_age_ok(struct arena *a, const struct profile *p, const struct vacancy *v,
    const struct candidate *c, sel_date on, struct rule_result *why)
{
	const struct prof_rule *age = profile_rule(p, R_ELIG_AGE, v);
	const struct prof_rule *appt = profile_rule_any(p, R_APPT_AGE);
	struct buf b;
	const char *day;
	int years = date_age(c->birth, on);
	bool ok, declared;

	memset(why, 0, sizeof *why);
	why->id = R_APPT_AGE;
	why->status = RS_PASS;
	why->citation = appt != NULL ? appt->citation : age != NULL ?
	    age->citation : STR("");
	buf_init(&b, 64);
	date_id(&b, on);
	day = arena_printf(a, "%.*s", (int)b.len, b.p != NULL ? b.p : "").p;
	buf_release(&b);
	if (age == NULL || age->max_age <= 0) {
		why->detail = arena_printf(a, "Peraturan daerah ini tidak "
		    "menetapkan batas usia untuk jabatan ini.");
		return true;
	}
	ok = years <= age->max_age;
	declared = !ok && age->decl_max_age > 0 &&
	    years <= age->decl_max_age && c->decl[age->decl] == TRI_YES;
	if (ok || declared) {
		why->detail = arena_printf(a, "Usia %d tahun pada tanggal "
		    "pengangkatan %s, dalam batas paling tinggi %d tahun%s.",
		    years, day, declared ? age->decl_max_age : age->max_age,
		    declared ? " bagi yang menyatakan pernyataan itu" : "");
		return true;
	}
	why->status = RS_FAIL;
	why->detail = arena_printf(a, "Usia %d tahun pada tanggal pengangkatan "
	    "%s melewati batas paling tinggi %d tahun.", years, day,
	    age->max_age);
	return false;
}

/* ---- the special consultations ---- */

static const char *const consult_keys[] = { "with", "answer", "chooser",
	"names", "within_days", "days", NULL };
static const char *const chooser_words[] = { "ppk", "minister", NULL };
static const char *const days_words[] = { "calendar", "working", NULL };

static bool
consult_rule(enum rule_id id)
{
	return id == R_APPT_SEKDA || id == R_APPT_SEKWAN ||
	    id == R_APPT_DUKCAPIL || id == R_APPT_INSPEKTUR;
}

bool
appt_profile_key(enum rule_id id, struct str key)
{
	if (appt_report_key(id, key))	/* ---- letters ---- */
		return true;
	if (!consult_rule(id))
		return false;
	for (int i = 0; consult_keys[i] != NULL; i++)
		if (str_eqc(key, consult_keys[i]))
			return true;
	return false;
}

static enum sel_err
int_in(struct diag *d, const struct json *v, int64_t lo, int64_t hi,
    int *out)
{
	int64_t x;

	if (v->type != JSON_NUMBER || parse_i64(v->s, lo, hi, &x) != SEL_OK)
		return json_fail(d, v, "expected a whole number from %lld to "
		    "%lld", (long long)lo, (long long)hi);
	*out = (int)x;
	return SEL_OK;
}

enum sel_err
appt_profile_param(struct arena *a, struct diag *d, const struct json *m,
    struct prof_rule *r)
{
	struct appt_params *x = (struct appt_params *)(uintptr_t)r->appt;
	int w = 0;

	if (x == NULL) {
		x = arena_alloc(a, sizeof *x);
		memset(x, 0, sizeof *x);
		r->appt = x;
	}
	if (r->id == R_APPT_REPORT)	/* ---- letters ---- */
		return appt_report_param(a, d, m, x);
	if (str_eqc(m->key, "with")) {
		if (m->type != JSON_STRING || str_trim(m->s).len == 0 ||
		    m->s.len > 200)
			return json_fail(d, m, "expected whom the post is "
			    "consulted with, 1 to 200 characters");
		x->with = m->s;
		return SEL_OK;
	}
	if (str_eqc(m->key, "answer")) {
		if (m->type != JSON_BOOL)
			return json_fail(d, m, "expected true (an answer is "
			    "awaited) or false (a notification letter)");
		x->has_answer = true;
		x->answer = m->b;
		return SEL_OK;
	}
	if (str_eqc(m->key, "chooser")) {
		if (r->id != R_APPT_DUKCAPIL)
			return json_fail(d, m, "\"chooser\" is a parameter of "
			    "APPT-DUKCAPIL only");
		if (json_enum(d, m, chooser_words, &w) != SEL_OK)
			return SEL_EINVAL;
		x->minister_chooses = w == 1;
		return SEL_OK;
	}
	if (str_eqc(m->key, "names"))
		return int_in(d, m, 1, 10, &x->names);
	if (str_eqc(m->key, "within_days"))
		return int_in(d, m, 1, 90, &x->within_days);
	if (json_enum(d, m, days_words, &w) != SEL_OK)
		return SEL_EINVAL;
	x->working_days = w == 1;
	return SEL_OK;
}

/* The post each rule is named after, and what it asks, by default. */
static const struct {
	enum rule_id	 id;
	enum vpost_kind	 kind;
	const char	*with, *what;
} consult_def[APPT_MAX_CONSULTS] = {
	{ R_APPT_SEKDA, VK_SEKDA, "Gubernur", "Koordinasi dengan" },
	{ R_APPT_SEKWAN, VK_SEKWAN, "Pimpinan DPRD", "Konsultasi dengan" },
	{ R_APPT_DUKCAPIL, VK_DUKCAPIL, "Menteri Dalam Negeri melalui "
	    "Gubernur", "Konsultasi dengan" },
	{ R_APPT_INSPEKTUR, VK_INSPEKTUR, "Gubernur",
	    "Konsultasi tertulis kepada" },
};

static bool
when_given(const struct prof_when *w)
{
	return w->levels != 0 || w->kinds != 0 || w->kinds_not != 0 ||
	    w->echelons != 0;
}

enum sel_err
appt_consults(struct arena *a, const struct profile *p,
    const struct vacancy *v, const struct cal *cal, sel_date received,
    struct appt_consult out[APPT_MAX_CONSULTS], size_t *n)
{
	*n = 0;
	for (size_t k = 0; k < APPT_MAX_CONSULTS; k++) {
		const struct prof_rule *r = profile_rule(p, consult_def[k].id,
		    v);
		const struct appt_params *x;
		struct appt_consult *c;
		struct str due = STR("");

		if (r == NULL || (!when_given(&r->when) &&
		    v->kind != consult_def[k].kind))
			continue;
		x = r->appt;
		c = &out[(*n)++];
		memset(c, 0, sizeof *c);
		c->rule = r->id;
		c->citation = r->citation;
		c->with = x != NULL && x->with.len > 0 ? x->with :
		    str_c(consult_def[k].with);
		c->answer = x == NULL || !x->has_answer || x->answer;
		c->minister_chooses = x != NULL && x->minister_chooses;
		c->names = x != NULL ? x->names : 0;
		c->what = str_c(c->minister_chooses ? "Usul nama calon kepada" :
		    !c->answer ? "Surat pemberitahuan kepada" :
		    consult_def[k].what);
		if (x != NULL && x->within_days > 0 && received != 0) {
			if (!x->working_days)
				c->due = received + x->within_days;
			else {
				enum sel_err rc = cal_add_working(cal, received,
				    x->within_days, &c->due, NULL);

				if (rc != SEL_OK)
					return rc == SEL_ENOENT ? SEL_ERANGE :
					    rc;
			}
			due = arena_printf(a, " paling lama %d hari%s setelah "
			    "hasil seleksi diterima dari panitia",
			    x->within_days, x->working_days ? " kerja" : "");
		}
		c->detail = arena_printf(a, "%.*s %.*s sebelum jabatan "
		    "ditetapkan%s%.*s%s.", (int)c->what.len, c->what.p,
		    (int)c->with.len, c->with.p, c->names > 0 ?
		    arena_printf(a, ": %d nama calon dengan nilai tertinggi "
		    "diusulkan", c->names).p : "", (int)due.len, due.p,
		    c->minister_chooses ? "; pilihan ditetapkan oleh Menteri "
		    "Dalam Negeri, bukan PPK" : "");
	}
	return SEL_OK;
}
