/*
 * record_form_json.c - the record's form checked and written as
 * CANDIDATE.json (record_form.h: rform_to_json).
 *
 * Checking and writing are one pass over the form: every value is checked
 * and, when good, written; the text is kept only when no mistake was
 * found.  The checks are those of candidate_decode (record.c) said in
 * Indonesian for a person, naming the field and the row, so what passes
 * here decodes there.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/record_form.h"
#include "base/arena.h"
#include "base/json.h"
#include "app/app_int.h"
#include "base/banned.h"

#define MAX_JSON	(64u << 10)	/* app_record_set keeps 60 KiB */

static const struct str EMPTY = { "", 0 };

struct ctx {
	struct arena		*ar;
	const struct rform	*f;
	struct rform_errs	*e;
	struct json_w		 w;
};

static void
fail(struct ctx *x, struct str key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(struct ctx *x, struct str key, const char *fmt, ...)
{
	va_list ap;

	if (x->e->n == RFORM_MAX_ERRS)
		return;
	va_start(ap, fmt);
	x->e->e[x->e->n].msg = arena_vprintf(x->ar, fmt, ap);
	va_end(ap);
	x->e->e[x->e->n++].field = key;
}

/*
 * Characters of well-formed UTF-8 (RFC 3629) without a control
 * character; SIZE_MAX for anything else.
 */
static size_t
text_chars(struct str s)
{
	size_t n = 0;

	for (size_t i = 0; i < s.len; n++) {
		unsigned char ch = (unsigned char)s.p[i];
		size_t k;
		uint32_t cp;

		if (ch < 0x80) {
			if (ch < 0x20 || ch == 0x7f)
				return SIZE_MAX;
			i++;
			continue;
		}
		if (ch < 0xc2 || ch > 0xf4)
			return SIZE_MAX;
		k = ch <= 0xdf ? 1 : ch <= 0xef ? 2 : 3;
		cp = ch & (0x7fu >> (k + 1));
		if (k >= s.len - i)
			return SIZE_MAX;
		for (size_t j = 1; j <= k; j++) {
			unsigned char d = (unsigned char)s.p[i + j];

			if ((d & 0xc0) != 0x80)
				return SIZE_MAX;
			cp = cp << 6 | (d & 0x3fu);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 ||
		    cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
			return SIZE_MAX;
		i += k + 1;
	}
	return n;
}

/* A text of at most RFORM_MAX_TEXT characters, trimmed into *out. */
static bool
text_ok(struct ctx *x, struct str key, const char *label, struct str v,
    bool required, struct str *out)
{
	size_t n;

	v = str_trim(v);
	*out = v;
	if (v.len == 0 && required) {
		fail(x, key, "%s wajib diisi.", label);
		return false;
	}
	n = text_chars(v);
	if (n == SIZE_MAX) {
		fail(x, key, "%s memuat karakter yang tidak diizinkan.",
		    label);
		return false;
	}
	if (n > RFORM_MAX_TEXT) {
		fail(x, key, "%s terlalu panjang (%zu karakter, paling banyak "
		    "%d).", label, n, RFORM_MAX_TEXT);
		return false;
	}
	return true;
}

/* One of words[0..n); *out -1 when empty and not required. */
static bool
pick(struct ctx *x, struct str key, const char *label, struct str v,
    const char *const *words, int n, bool required, int *out)
{
	v = str_trim(v);
	*out = -1;
	if (v.len == 0) {
		if (required)
			fail(x, key, "%s wajib dipilih.", label);
		return !required;
	}
	for (int i = 0; i < n; i++)
		if (str_eqc(v, words[i])) {
			*out = i;
			return true;
		}
	fail(x, key, "%s: pilihan \"%.*s\" tidak dikenal.", label,
	    (int)(v.len > 24 ? 24 : v.len), v.p);
	return false;
}

/* A date YYYY-MM-DD; *has false when empty and not required. */
static bool
date_ok(struct ctx *x, struct str key, const char *label, struct str v,
    bool required, sel_date *out, bool *has)
{
	v = str_trim(v);
	*has = false;
	if (v.len == 0) {
		if (required)
			fail(x, key, "%s wajib diisi (TTTT-BB-HH).", label);
		return !required;
	}
	if (date_parse(v, out) != SEL_OK) {
		fail(x, key, "%s: \"%.*s\" bukan tanggal yang sah "
		    "(TTTT-BB-HH, tahun %d sampai %d).", label,
		    (int)(v.len > 24 ? 24 : v.len), v.p, DATE_MIN_YEAR,
		    DATE_MAX_YEAR);
		return false;
	}
	*has = true;
	return true;
}

static struct str
fkey(enum rform_field i)
{
	return str_c(rform_field_name[i]);
}

/* The input id and the label of a cell: "post-2-start", "Jabatan 3, ..." */
static struct str
ckey(struct ctx *x, enum rform_sec s, size_t r, int c)
{
	return arena_printf(x->ar, "%s-%zu-%s", rform_sec_name[s], r,
	    rform_col_name[s][c]);
}

/* "Jabatan 3, tanggal mulai": the column's label in lower case. */
static const char *
clabel(struct ctx *x, enum rform_sec s, size_t r, int c)
{
	char col[64];

	snprintf(col, sizeof col, "%s", rform_col_label[s][c]);
	if (col[0] >= 'A' && col[0] <= 'Z')
		col[0] = (char)(col[0] - 'A' + 'a');
	return arena_printf(x->ar, "%s %zu, %s", rform_row_label[s], r + 1,
	    col).p;
}

/* A picked word written under key; nothing for an empty optional one. */
static void
w_pick(struct ctx *x, const char *jkey, struct str key, const char *label,
    struct str v, const char *const *words, int n, bool required)
{
	int i;

	if (pick(x, key, label, v, words, n, required, &i) && i >= 0) {
		jw_key(&x->w, jkey);
		jw_strc(&x->w, words[i]);
	}
}

static void
w_text(struct ctx *x, const char *jkey, struct str key, const char *label,
    struct str v, bool required)
{
	struct str t;

	if (text_ok(x, key, label, v, required, &t) && t.len > 0) {
		jw_key(&x->w, jkey);
		jw_str(&x->w, t);
	}
}

static void
w_date(struct ctx *x, const char *jkey, sel_date d)
{
	char s[16];
	int y, m, dd;

	date_ymd(d, &y, &m, &dd);
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, dd);
	jw_key(&x->w, jkey);
	jw_strc(&x->w, s);
}

static void
too_many(struct ctx *x, enum rform_sec s)
{
	if (x->f->rows[s].too_many)
		fail(x, str_c(rform_sec_name[s]), "%s: paling banyak %zu "
		    "baris.", rform_sec_label[s], rform_cap[s]);
}

static void
w_head(struct ctx *x)
{
	const struct str *v = x->f->f;
	const char *const *l = rform_field_label;

	jw_key(&x->w, "nip");
	jw_str(&x->w, x->f->nip);
	w_text(x, "name", fkey(RFF_NAME), l[RFF_NAME], v[RFF_NAME], true);
	jw_key(&x->w, "birth_date");
	jw_str(&x->w, x->f->birth_date);
	w_pick(x, "employment", fkey(RFF_EMPLOYMENT), l[RFF_EMPLOYMENT],
	    v[RFF_EMPLOYMENT], vocab_employment, EMP__N, true);
	jw_key(&x->w, "agency");
	jw_obj(&x->w);
	w_text(x, "name", fkey(RFF_AG_NAME), l[RFF_AG_NAME], v[RFF_AG_NAME],
	    true);
	w_pick(x, "kind", fkey(RFF_AG_KIND), l[RFF_AG_KIND], v[RFF_AG_KIND],
	    vocab_agency_kind, AG__N, true);
	w_text(x, "province", fkey(RFF_AG_PROVINCE), l[RFF_AG_PROVINCE],
	    v[RFF_AG_PROVINCE], false);
	jw_obj_end(&x->w);
	w_pick(x, "grade", fkey(RFF_GRADE), l[RFF_GRADE], v[RFF_GRADE],
	    vocab_grade, GRADE__N, true);
}

static void
w_edu(struct ctx *x)
{
	const struct rform_rows *g = &x->f->rows[RFS_EDU];

	too_many(x, RFS_EDU);
	jw_key(&x->w, "education");
	jw_arr(&x->w);
	for (size_t r = 0; r < g->n; r++) {
		const struct str *v = g->row[r].v;

		if (!rform_row_used(RFS_EDU, &g->row[r]))
			continue;
		jw_obj(&x->w);
		w_pick(x, "level", ckey(x, RFS_EDU, r, RFC_EDU_LEVEL),
		    clabel(x, RFS_EDU, r, RFC_EDU_LEVEL), v[RFC_EDU_LEVEL],
		    vocab_edu, EDU__N, true);
		w_text(x, "major", ckey(x, RFS_EDU, r, RFC_EDU_MAJOR),
		    clabel(x, RFS_EDU, r, RFC_EDU_MAJOR), v[RFC_EDU_MAJOR],
		    false);
		jw_obj_end(&x->w);
	}
	jw_arr_end(&x->w);
}

/*
 * The state of an optional list, checked against what the form lists for
 * it: -1 after a mistake.
 */
static int
list_state(struct ctx *x, enum rform_list l)
{
	struct str raw = str_trim(x->f->state[l]);
	struct str key = str_c(rform_list_name[l]);
	const char *label = rform_list_label[l];
	bool known = raw.len == 0, has = rform_list_has(x->f, l);
	enum rform_state st;

	for (int i = 0; i < RST__N; i++)
		known = known || str_eqc(raw, rform_state_name[i]);
	if (!known) {
		fail(x, key, "%s: pilihan \"%.*s\" tidak dikenal.", label,
		    (int)(raw.len > 24 ? 24 : raw.len), raw.p);
		return -1;
	}
	st = rform_state_of(x->f, l);
	if (st == RST_NONE && has) {
		fail(x, key, "%s: Anda memilih \"%s\" tetapi mengisi "
		    "rinciannya. Hapus rinciannya atau pilih \"%s\".", label,
		    rform_state_label[l][RST_NONE],
		    rform_state_label[l][RST_LIST]);
		return -1;
	}
	if (st == RST_LIST && !has) {
		fail(x, key, "%s: Anda memilih \"%s\" tetapi belum mengisi "
		    "rinciannya.", label, rform_state_label[l][RST_LIST]);
		return -1;
	}
	return (int)st;
}

/* The next line of *s (without its end) into *line; false at the end. */
static bool
next_line(struct str *s, struct str *line)
{
	const char *nl;

	if (s->len == 0)
		return false;
	nl = memchr(s->p, '\n', s->len);
	*line = (struct str){ s->p, nl != NULL ? (size_t)(nl - s->p) :
	    s->len };
	s->p += line->len + (nl != NULL);
	s->len -= line->len + (nl != NULL);
	return true;
}

static void
w_certs(struct ctx *x)
{
	int st = list_state(x, RFL_CERTS);
	struct str all = x->f->f[RFF_CERTS], line, t;
	size_t ln = 0, n = 0;

	if (st <= RST_ABSENT)
		return;
	jw_key(&x->w, "certificates");
	jw_arr(&x->w);
	while (st == RST_LIST && next_line(&all, &line)) {
		ln++;
		if (str_trim(line).len == 0)
			continue;
		if (++n > RFORM_MAX_CERTS) {
			fail(x, fkey(RFF_CERTS), "Sertifikat: paling banyak "
			    "%d baris.", RFORM_MAX_CERTS);
			break;
		}
		if (text_ok(x, fkey(RFF_CERTS), arena_printf(x->ar,
		    "Sertifikat baris %zu", ln).p, line, true, &t))
			jw_str(&x->w, t);
	}
	jw_arr_end(&x->w);
}

/*
 * "kesehatan, pelayanan publik": the post's fields, when any; "-" says
 * there are none (an empty list), and nothing that they are not known.
 */
static void
w_fields(struct ctx *x, size_t r, struct str v)
{
	struct str t, rest, item;
	bool any = false;

	if (!text_ok(x, ckey(x, RFS_POST, r, RFC_POST_FIELDS), clabel(x,
	    RFS_POST, r, RFC_POST_FIELDS), v, false, &t))
		return;
	if (str_eqc(t, "-")) {
		jw_key(&x->w, "fields");
		jw_arr(&x->w);
		jw_arr_end(&x->w);
		return;
	}
	for (rest = t; rest.len > 0; ) {
		const char *c = memchr(rest.p, ',', rest.len);

		item = (struct str){ rest.p, c != NULL ? (size_t)(c - rest.p) :
		    rest.len };
		rest.p += item.len + (c != NULL);
		rest.len -= item.len + (c != NULL);
		if ((item = str_trim(item)).len == 0)
			continue;
		if (!any) {
			jw_key(&x->w, "fields");
			jw_arr(&x->w);
		}
		any = true;
		jw_str(&x->w, item);
	}
	if (any)
		jw_arr_end(&x->w);
}

static void
w_post(struct ctx *x, size_t r)
{
	const struct str *v = x->f->rows[RFS_POST].row[r].v;
	struct str kend = ckey(x, RFS_POST, r, RFC_POST_END);
	sel_date start, end;
	bool has_start, has_end;

	jw_obj(&x->w);
	w_text(x, "title", ckey(x, RFS_POST, r, RFC_POST_TITLE), clabel(x,
	    RFS_POST, r, RFC_POST_TITLE), v[RFC_POST_TITLE], false);
	w_pick(x, "kind", ckey(x, RFS_POST, r, RFC_POST_KIND), clabel(x,
	    RFS_POST, r, RFC_POST_KIND), v[RFC_POST_KIND], vocab_cpost_kind,
	    CP__N, true);
	w_pick(x, "echelon", ckey(x, RFS_POST, r, RFC_POST_ECHELON),
	    clabel(x, RFS_POST, r, RFC_POST_ECHELON), v[RFC_POST_ECHELON],
	    vocab_echelon, ECH__N, false);
	w_pick(x, "jf_level", ckey(x, RFS_POST, r, RFC_POST_JF), clabel(x,
	    RFS_POST, r, RFC_POST_JF), v[RFC_POST_JF], vocab_jf, JF__N, false);
	w_fields(x, r, v[RFC_POST_FIELDS]);
	if (date_ok(x, ckey(x, RFS_POST, r, RFC_POST_START), clabel(x,
	    RFS_POST, r, RFC_POST_START), v[RFC_POST_START], true, &start,
	    &has_start))
		w_date(x, "start", start);
	if (date_ok(x, kend, clabel(x, RFS_POST, r, RFC_POST_END),
	    v[RFC_POST_END], false, &end, &has_end)) {
		if (has_end) {
			w_date(x, "end", end);
		} else {
			jw_key(&x->w, "end");	/* held now */
			jw_null(&x->w);
		}
	}
	if (has_start && has_end && end < start)
		fail(x, kend, "Jabatan %zu: tanggal selesai (%.*s) sebelum "
		    "tanggal mulai (%.*s).", r + 1, (int)str_trim(
		    v[RFC_POST_END]).len, str_trim(v[RFC_POST_END]).p,
		    (int)str_trim(v[RFC_POST_START]).len,
		    str_trim(v[RFC_POST_START]).p);
	if (str_trim(v[RFC_POST_ACTING]).len > 0) {
		jw_key(&x->w, "acting");
		jw_bool(&x->w, true);
	}
	jw_obj_end(&x->w);
}

static void
w_posts(struct ctx *x)
{
	const struct rform_rows *g = &x->f->rows[RFS_POST];

	too_many(x, RFS_POST);
	jw_key(&x->w, "posts");
	jw_arr(&x->w);
	for (size_t r = 0; r < g->n; r++)
		if (rform_row_used(RFS_POST, &g->row[r]))
			w_post(x, r);
	jw_arr_end(&x->w);
}

static void
w_training(struct ctx *x)
{
	int st = list_state(x, RFL_TRAINING);

	if (x->f->bad_training)
		fail(x, str_c(rform_list_name[RFL_TRAINING]), "%s: pilihan "
		    "tidak dikenal.", rform_list_label[RFL_TRAINING]);
	if (st <= RST_ABSENT)
		return;
	jw_key(&x->w, "training");
	jw_arr(&x->w);
	for (int t = 0; t < TR__N && st == RST_LIST; t++)
		if (x->f->training[t])
			jw_strc(&x->w, vocab_training[t]);
	jw_arr_end(&x->w);
}

static void
w_pen(struct ctx *x, size_t r)
{
	const struct str *v = x->f->rows[RFS_PEN].row[r].v;
	struct str klevel = ckey(x, RFS_PEN, r, RFC_PEN_LEVEL);
	int kind, level;
	bool ok_kind, ok_level, has;
	sel_date d;

	jw_obj(&x->w);
	ok_kind = pick(x, ckey(x, RFS_PEN, r, RFC_PEN_KIND), clabel(x, RFS_PEN,
	    r, RFC_PEN_KIND), v[RFC_PEN_KIND], vocab_pen_kind, PEN__N, true,
	    &kind);
	ok_level = pick(x, klevel, clabel(x, RFS_PEN, r, RFC_PEN_LEVEL),
	    v[RFC_PEN_LEVEL], vocab_pen_level, PL__N, false, &level);
	if (ok_kind) {
		jw_key(&x->w, "kind");
		jw_strc(&x->w, vocab_pen_kind[kind]);
	}
	if (ok_level && level >= 0) {
		jw_key(&x->w, "level");
		jw_strc(&x->w, vocab_pen_level[level]);
	}
	if (ok_kind && ok_level && kind == PEN_DISCIPLINE && level < 0)
		fail(x, klevel, "Hukuman %zu: tingkat hukuman disiplin wajib "
		    "dipilih.", r + 1);
	if (ok_kind && kind == PEN_CRIMINAL && level >= 0)
		fail(x, klevel, "Hukuman %zu: hukuman pidana tidak mempunyai "
		    "tingkat hukuman disiplin; kosongkan tingkatnya.", r + 1);
	if (date_ok(x, ckey(x, RFS_PEN, r, RFC_PEN_DECIDED), clabel(x,
	    RFS_PEN, r, RFC_PEN_DECIDED), v[RFC_PEN_DECIDED], false, &d,
	    &has) && has)
		w_date(x, "decided", d);
	jw_obj_end(&x->w);
}

static void
w_pens(struct ctx *x)
{
	const struct rform_rows *g = &x->f->rows[RFS_PEN];
	int st = list_state(x, RFL_PENS);

	too_many(x, RFS_PEN);
	if (st <= RST_ABSENT)
		return;
	jw_key(&x->w, "penalties");
	jw_arr(&x->w);
	for (size_t r = 0; r < g->n && st == RST_LIST; r++)
		if (rform_row_used(RFS_PEN, &g->row[r]))
			w_pen(x, r);
	jw_arr_end(&x->w);
}

/* "yes", "no" or empty (absent), as a JSON boolean. */
static bool
yes_no(struct ctx *x, enum rform_field i, int *out)
{
	static const char *const yn[] = { "no", "yes" };

	return pick(x, fkey(i), rform_field_label[i], x->f->f[i], yn, 2,
	    false, out);
}

static void
w_perf_year(struct ctx *x, size_t r, int64_t *years, size_t *rows,
    size_t *ny)
{
	struct str v = str_trim(x->f->rows[RFS_PERF].row[r].v[RFC_PERF_YEAR]);
	struct str key = ckey(x, RFS_PERF, r, RFC_PERF_YEAR);
	int64_t y;

	if (v.len == 0) {
		fail(x, key, "Penilaian kinerja %zu, tahun wajib diisi.",
		    r + 1);
		return;
	}
	if (parse_i64(v, DATE_MIN_YEAR, DATE_MAX_YEAR, &y) != SEL_OK) {
		fail(x, key, "Penilaian kinerja %zu, tahun: \"%.*s\" bukan "
		    "tahun antara %d dan %d.", r + 1, (int)(v.len > 24 ? 24 :
		    v.len), v.p, DATE_MIN_YEAR, DATE_MAX_YEAR);
		return;
	}
	for (size_t k = 0; k < *ny; k++)
		if (years[k] == y) {
			fail(x, key, "Penilaian kinerja %zu, tahun: %d sudah "
			    "diisi pada penilaian kinerja %zu.", r + 1, (int)y,
			    rows[k] + 1);
			return;
		}
	years[*ny] = y;
	rows[(*ny)++] = r;
	jw_key(&x->w, "year");
	jw_int(&x->w, y);
}

static void
w_perf(struct ctx *x)
{
	const struct rform_rows *g = &x->f->rows[RFS_PERF];
	int64_t years[RFORM_MAX_PERF];
	size_t rows[RFORM_MAX_PERF], ny = 0;
	int st = list_state(x, RFL_PERF);

	too_many(x, RFS_PERF);
	if (st <= RST_ABSENT)
		return;
	jw_key(&x->w, "performance");
	jw_arr(&x->w);
	for (size_t r = 0; r < g->n && st == RST_LIST; r++) {
		if (!rform_row_used(RFS_PERF, &g->row[r]))
			continue;
		jw_obj(&x->w);
		w_perf_year(x, r, years, rows, &ny);
		w_pick(x, "rating", ckey(x, RFS_PERF, r, RFC_PERF_RATING),
		    clabel(x, RFS_PERF, r, RFC_PERF_RATING),
		    g->row[r].v[RFC_PERF_RATING], vocab_rating, RT__N, true);
		jw_obj_end(&x->w);
	}
	jw_arr_end(&x->w);
}

/* "declarations": {"no_mpp": BOOL} when the applicant answered. */
static void
w_declarations(struct ctx *x)
{
	int v;

	if (!yes_no(x, RFF_NO_MPP, &v) || v < 0)
		return;
	jw_key(&x->w, "declarations");
	jw_obj(&x->w);
	jw_key(&x->w, vocab_cand_decl[CD_NO_MPP]);
	jw_bool(&x->w, v == 1);
	jw_obj_end(&x->w);
}

static void
w_conduct(struct ctx *x)
{
	int ex, by, ppk;
	bool ok_by, ok_ppk;

	if (yes_no(x, RFF_UNDER_EXAM, &ex) && ex >= 0) {
		jw_key(&x->w, "under_examination");
		jw_bool(&x->w, ex == 1);
	}
	w_perf(x);
	ok_by = pick(x, fkey(RFF_REC_BY), rform_field_label[RFF_REC_BY],
	    x->f->f[RFF_REC_BY], vocab_rec_by, REC__N, false, &by);
	ok_ppk = yes_no(x, RFF_REC_PPK, &ppk);
	if (ok_by && by < 0 && ok_ppk && ppk >= 0)
		fail(x, fkey(RFF_REC_PPK), "Persetujuan PPK diisi hanya "
		    "bersama rekomendasi: pilih pemberi rekomendasi atau "
		    "kosongkan persetujuan PPK.");
	w_declarations(x);
	if (!ok_by || by < 0)
		return;
	jw_key(&x->w, "recommendation");
	jw_obj(&x->w);
	jw_key(&x->w, "by");
	jw_strc(&x->w, vocab_rec_by[by]);
	if (ok_ppk && ppk >= 0) {
		jw_key(&x->w, "ppk_approved");
		jw_bool(&x->w, ppk == 1);
	}
	jw_obj_end(&x->w);
}

enum sel_err
rform_to_json(struct arena *ar, const struct rform *f, struct str *json,
    struct rform_errs *e)
{
	struct ctx x = { ar, f, e, { 0 } };
	struct buf b;
	enum sel_err rc = SEL_EINVAL;

	e->n = 0;
	buf_init(&b, MAX_JSON);
	jw_init(&x.w, &b);
	jw_obj(&x.w);
	w_head(&x);
	w_edu(&x);
	w_certs(&x);
	w_posts(&x);
	w_training(&x);
	w_pens(&x);
	w_conduct(&x);
	jw_obj_end(&x.w);
	if (b.err != SEL_OK)
		fail(&x, EMPTY, "Data riwayat terlalu besar.");
	if (e->n == 0) {
		*json = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
		rc = SEL_OK;
	}
	buf_release(&b);
	return rc;
}

