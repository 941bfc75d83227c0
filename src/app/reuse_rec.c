/*
 * reuse_rec.c - the secretariat's record of an assessment held outside
 * selter (app/reuse.h): who, for which level of post, by which provider
 * and when, passed or not with its score, the report it rests on, the
 * selection it was held in and why the candidate could not take the
 * following tests.  Region-wide: the secretariat's grant of the region.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "app/reuse.h"
#include "base/arena.h"
#include "core/prac.h"
#include "core/profile.h"
#include "base/banned.h"

enum sel_err
app_reuse_regions(struct app *a, struct arena *ar, const struct who *w,
    struct reuse_region **out, size_t *n)
{
	struct reuse_region *r = arena_array(ar, w->ngrants + 1, sizeof *r);
	struct stx *tx;
	enum sel_err rc = SEL_OK;

	*n = 0;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < w->ngrants && rc == SEL_OK; i++) {
		const struct s_grant *g = &w->grants[i];
		struct reuse_region *x = &r[*n];

		if (g->selection_id != 0 ||
		    !app_may(w, ACT_REUSE_RECORD, g->region_id, 0))
			continue;
		memset(x, 0, sizeof *x);
		if ((rc = store_region_get(tx, ar, g->region_id, &x->region)) ||
		    (rc = store_assess_recs(tx, ar, g->region_id, STR(""),
		    &x->rec, &x->nrec)))
			break;
		x->profile = app_profile_get(a, x->region.profile_id);
		x->rule = x->profile != NULL ? profile_rule_any(x->profile,
		    R_STG_REUSE) : NULL;
		(*n)++;
	}
	store_abort(a->st, tx);
	*out = r;
	return rc;
}

struct rctx {
	struct app		*a;
	struct arena		*ar;
	const struct form	*f;
	struct app_msg		*m;
	const char		**field;
	sel_date		 today;
};

static enum sel_err
bad(struct rctx *c, const char *field, const char *msg)
{
	*c->field = field;
	return app_say(c->m, SEL_EINVAL, "%s", msg);
}

static enum sel_err
f_text(struct rctx *c, const char *name, const char *label, size_t max,
    bool required, struct str *out)
{
	struct str v = str_trim(form_get(c->f, name));

	*c->field = name;
	if (required && v.len == 0)
		return app_say(c->m, SEL_EINVAL, "%s wajib diisi.", label);
	if (v.len > 0 && !app_text_ok(v, max))
		return app_say(c->m, SEL_EINVAL, "%s terlalu panjang (paling "
		    "banyak %zu karakter) atau memuat karakter kendali.",
		    label, max);
	*c->field = NULL;
	*out = v;
	return SEL_OK;
}

static enum sel_err
f_date(struct rctx *c, const char *name, const char *label, sel_date *out)
{
	struct str v = str_trim(form_get(c->f, name));

	*c->field = name;
	if (v.len == 0)
		return app_say(c->m, SEL_EINVAL, "%s wajib diisi.", label);
	if (date_parse(v, out) != SEL_OK)
		return app_say(c->m, SEL_EINVAL, "%s bukan tanggal yang sah "
		    "(TTTT-BB-HH).", label);
	if (*out > c->today)
		return app_say(c->m, SEL_EINVAL, "%s tidak boleh sesudah hari "
		    "ini.", label);
	*c->field = NULL;
	return SEL_OK;
}

/* A score 0-100 with at most 2 decimals ("78,5" or "78.50"), hundredths;
 * an optional one left empty is -1. */
static enum sel_err
f_score(struct rctx *c, const char *name, const char *label, bool required,
    int64_t *out)
{
	struct str v = str_trim(form_get(c->f, name));
	char buf[16];

	*out = -1;
	if (v.len == 0 && !required)
		return SEL_OK;
	*c->field = name;
	if (v.len == 0)
		return app_say(c->m, SEL_EINVAL, "%s wajib diisi.", label);
	if (v.len >= sizeof buf)
		return app_say(c->m, SEL_EINVAL, "%s: tulis angka 0 sampai 100, "
		    "paling banyak 2 angka di belakang koma.", label);
	memcpy(buf, v.p, v.len);
	for (size_t i = 0; i < v.len; i++)
		if (buf[i] == ',')
			buf[i] = '.';
	if (parse_fixed((struct str){ buf, v.len }, 2, out) != SEL_OK ||
	    *out < 0 || *out > 10000) {
		*out = -1;
		return app_say(c->m, SEL_EINVAL, "%s: tulis angka 0 sampai 100, "
		    "paling banyak 2 angka di belakang koma.", label);
	}
	*c->field = NULL;
	return SEL_OK;
}

/* 18 digits whose first 8 are a birth date (REGULATIONS.md §14). */
static bool
nip_ok(struct str nip)
{
	sel_date d;
	char b[11];

	if (nip.len != 18)
		return false;
	for (size_t i = 0; i < 18; i++)
		if (nip.p[i] < '0' || nip.p[i] > '9')
			return false;
	memcpy(b, nip.p, 4);
	b[4] = '-';
	memcpy(b + 5, nip.p + 4, 2);
	b[7] = '-';
	memcpy(b + 8, nip.p + 6, 2);
	return date_parse((struct str){ b, 10 }, &d) == SEL_OK;
}

static enum sel_err
read_person(struct rctx *c, const struct profile *p, struct s_assess_rec *r)
{
	enum sel_err rc;
	int lv;

	if ((rc = f_text(c, "nip", "NIP", 18, true, &r->nip)) != SEL_OK)
		return rc;
	if (!nip_ok(r->nip))
		return bad(c, "nip", "NIP harus 18 angka, delapan yang pertama "
		    "tanggal lahir yang sah.");
	if ((rc = f_text(c, "name", "Nama", 200, true, &r->name)))
		return rc;
	lv = prep_word(vocab_level, form_get(c->f, "level"));
	if (lv < 0 || (p->levels & (1u << lv)) == 0)
		return bad(c, "level", "Pilih tingkat jabatan yang diatur "
		    "peraturan wilayah ini.");
	r->level = str_c(vocab_level[lv]);
	return f_text(c, "post_title", "Jabatan yang dilamar", 200, false,
	    &r->post_title);
}

static enum sel_err
read_result(struct rctx *c, struct s_assess_rec *r)
{
	struct str pass = form_get(c->f, "passed");
	sel_date held = 0, result = 0;
	int g;
	enum sel_err rc;

	if ((rc = f_text(c, "source", "Seleksi asal", 300, true,
	    &r->source)) ||
	    (rc = f_text(c, "provider", "Lembaga penyelenggara assessment", 200,
	    true, &r->provider)))
		return rc;
	g = prac_grade(form_get(c->f, "accreditation"));
	if (g < 0 && form_get(c->f, "accreditation").len > 0)
		return bad(c, "accreditation", "Akreditasi: pilih A, B, C atau "
		    "tidak diketahui.");
	r->accreditation = g >= 0 ? str_c(prac_grade_words[g]) : STR("");
	if ((rc = f_date(c, "held_on", "Tanggal pelaksanaan assessment",
	    &held)) ||
	    (rc = f_date(c, "result_on", "Tanggal laporan hasil", &result)))
		return rc;
	if (result < held)
		return bad(c, "result_on", "Tanggal laporan hasil tidak boleh "
		    "sebelum tanggal pelaksanaan assessment.");
	r->held_on = app_date_iso(c->ar, held);
	r->result_on = app_date_iso(c->ar, result);
	if (!str_eqc(pass, "1") && !str_eqc(pass, "0"))
		return bad(c, "passed", "Pilih hasilnya: lulus atau tidak "
		    "lulus.");
	r->passed = str_eqc(pass, "1");
	if ((rc = f_score(c, "score", "Nilai assessment", true,
	    &r->score_sum)) ||
	    (rc = f_score(c, "managerial", "Nilai kompetensi manajerial", false,
	    &r->part[0])) ||
	    (rc = f_score(c, "social", "Nilai kompetensi sosial kultural",
	    false, &r->part[1])) ||
	    (rc = f_score(c, "field", "Nilai kompetensi bidang", false,
	    &r->part[2])))
		return rc;
	r->score_count = 1;
	if ((rc = f_text(c, "report_ref", "Nomor laporan hasil assessment",
	    200, true, &r->report_ref)))
		return rc;
	return f_text(c, "stop_reason", "Alasan tidak dapat mengikuti tes "
	    "selanjutnya", 500, true, &r->stop_reason);
}

enum sel_err
app_reuse_record(struct app *a, struct arena *ar, const struct who *w,
    const struct form *f, int64_t *id, struct app_msg *m,
    const char **field)
{
	const char *none = NULL;
	struct rctx c = { a, ar, f, m, field != NULL ? field : &none, 0 };
	struct s_assess_rec r;
	struct s_region reg;
	const struct profile *p = NULL;
	struct stx *tx;
	enum sel_err rc;

	*c.field = NULL;
	memset(&r, 0, sizeof r);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_region_by_code(tx, ar, form_get(f, "region"), &reg);
	if (rc == SEL_ENOENT)
		rc = bad(&c, "region", "Pilih wilayah.");
	else if (rc == SEL_OK && !app_may(w, ACT_REUSE_RECORD, reg.id, 0))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	if (rc == SEL_OK && ((p = app_profile_get(a, reg.profile_id)) ==
	    NULL || profile_rule_any(p, R_STG_REUSE) == NULL))
		rc = app_say(m, SEL_ESTATE, "Peraturan wilayah ini tidak "
		    "mengatur penggunaan kembali hasil assessment (STG-REUSE): "
		    "tidak ada yang perlu dicatat.");
	if (rc == SEL_OK) {
		c.today = app_today(a, p);
		r.region_id = reg.id;
		r.origin = STR("hand");
		rc = read_person(&c, p, &r);
	}
	if (rc == SEL_OK)
		rc = read_result(&c, &r);
	if (rc == SEL_OK)
		rc = reuse_record_add(a, tx, ar, w, p, &r, id);
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
