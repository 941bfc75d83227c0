/*
 * record_form.c - the applicant's record entered in a form: the names and
 * labels of its fields, the posted values read, a decoded record turned
 * back into values, the rows the form shows, and the applicant's use
 * cases (load, save through app_record_set).  Checking and writing the
 * JSON is record_form_json.c.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/record_form.h"
#include "base/arena.h"
#include "base/json.h"
#include "base/banned.h"

#define MAX_JOIN	(16u << 10)	/* a list joined for the form */

const char *const rform_field_name[RFF__N] = { "name", "employment",
	"agency_name", "agency_kind", "agency_province", "grade",
	"certificates", "under_examination", "rec_by", "rec_ppk_approved",
	"no_mpp" };
const char *const rform_sec_name[RFS__N] = { "edu", "post", "pen",
	"perf" };
const char *const rform_col_name[RFS__N][RFORM_MAX_COLS] = {
	[RFS_EDU] = { "level", "major" },
	[RFS_POST] = { "title", "kind", "echelon", "jf_level", "fields",
	    "start", "end", "acting" },
	[RFS_PEN] = { "kind", "level", "decided" },
	[RFS_PERF] = { "year", "rating" },
};
const size_t rform_ncols[RFS__N] = { 2, 8, 3, 2 };
const size_t rform_cap[RFS__N] = { RFORM_MAX_EDU, RFORM_MAX_POSTS,
	RFORM_MAX_PENS, RFORM_MAX_PERF };
const char *const rform_list_name[RFL__N] = { "certs_state",
	"training_state", "pens_state", "perf_state" };
const char *const rform_state_name[RST__N] = { "absent", "none", "list" };

const char *const rform_field_label[RFF__N] = { "Nama lengkap",
	"Status kepegawaian", "Nama instansi", "Jenis instansi",
	"Provinsi instansi", "Pangkat/golongan", "Sertifikat",
	"Sedang menjalani pemeriksaan", "Rekomendasi dari",
	"Persetujuan PPK", "Pernyataan tidak mengajukan MPP" };
const char *const rform_sec_label[RFS__N] = { "Pendidikan",
	"Riwayat jabatan", "Hukuman", "Penilaian kinerja" };
const char *const rform_row_label[RFS__N] = { "Pendidikan", "Jabatan",
	"Hukuman", "Penilaian kinerja" };
const char *const rform_col_label[RFS__N][RFORM_MAX_COLS] = {
	[RFS_EDU] = { "Jenjang", "Jurusan" },
	[RFS_POST] = { "Nama jabatan", "Jenis jabatan", "Eselon",
	    "Jenjang jabatan fungsional", "Bidang", "Tanggal mulai",
	    "Tanggal selesai", "Pelaksana tugas (Plt)" },
	[RFS_PEN] = { "Jenis hukuman", "Tingkat hukuman disiplin",
	    "Tanggal keputusan" },
	[RFS_PERF] = { "Tahun", "Predikat" },
};
const char *const rform_list_label[RFL__N] = { "Sertifikat",
	"Diklat kepemimpinan", "Hukuman", "Penilaian kinerja" };
const char *const rform_state_label[RFL__N][RST__N] = {
	[RFL_CERTS] = { "Tidak diisi", "Tidak mempunyai sertifikat",
	    "Mempunyai sertifikat (tulis di bawah)" },
	[RFL_TRAINING] = { "Tidak diisi", "Belum pernah mengikuti",
	    "Sudah mengikuti (centang di bawah)" },
	[RFL_PENS] = { "Tidak diisi", "Tidak pernah dijatuhi hukuman",
	    "Pernah dijatuhi hukuman (isi rinciannya di bawah)" },
	[RFL_PERF] = { "Tidak diisi", "Tidak ada penilaian kinerja",
	    "Ada penilaian kinerja (isi rinciannya di bawah)" },
};

static const struct str EMPTY = { "", 0 };

/* ---- the rows ---- */

void
rform_init(struct arena *ar, struct rform *f)
{
	memset(f, 0, sizeof *f);
	f->nip = f->birth_date = EMPTY;
	for (int i = 0; i < RFF__N; i++)
		f->f[i] = EMPTY;
	for (int i = 0; i < RFL__N; i++)
		f->state[i] = EMPTY;
	for (int s = 0; s < RFS__N; s++) {
		f->rows[s].row = arena_array(ar, rform_cap[s],
		    sizeof *f->rows[s].row);
		for (size_t r = 0; r < rform_cap[s]; r++)
			for (int c = 0; c < RFORM_MAX_COLS; c++)
				f->rows[s].row[r].v[c] = EMPTY;
	}
}

bool
rform_row_empty(enum rform_sec s, const struct rform_row *row)
{
	for (size_t c = 0; c < rform_ncols[s]; c++)
		if (str_trim(row->v[c]).len > 0)
			return false;
	return true;
}

bool
rform_row_used(enum rform_sec s, const struct rform_row *row)
{
	return !row->del && !rform_row_empty(s, row);
}

static void
row_clear(struct rform_row *row)
{
	row->del = false;
	for (int c = 0; c < RFORM_MAX_COLS; c++)
		row->v[c] = EMPTY;
}

void
rform_drop_deleted(struct rform *f)
{
	for (int s = 0; s < RFS__N; s++) {
		struct rform_rows *g = &f->rows[s];
		size_t k = 0;

		for (size_t r = 0; r < g->n; r++)
			if (!g->row[r].del)
				g->row[k++] = g->row[r];
		for (size_t r = k; r < g->n; r++)
			row_clear(&g->row[r]);
		g->n = k;
	}
}

bool
rform_add_row(struct rform *f, enum rform_sec s)
{
	if (f->rows[s].n >= rform_cap[s])
		return false;
	row_clear(&f->rows[s].row[f->rows[s].n++]);
	return true;
}

void
rform_pad(struct rform *f)
{
	for (int s = 0; s < RFS__N; s++) {
		struct rform_rows *g = &f->rows[s];

		if (g->n == 0 || !rform_row_empty(s, &g->row[g->n - 1]))
			(void)rform_add_row(f, s);
	}
}

int
rform_sec_of(struct str name)
{
	for (int s = 0; s < RFS__N; s++)
		if (str_eqc(name, rform_sec_name[s]))
			return s;
	return -1;
}

bool
rform_list_has(const struct rform *f, enum rform_list l)
{
	static const int sec[RFL__N] = { -1, -1, RFS_PEN, RFS_PERF };

	if (l == RFL_CERTS)
		return str_trim(f->f[RFF_CERTS]).len > 0;
	if (l == RFL_TRAINING) {
		for (int t = 0; t < TR__N; t++)
			if (f->training[t])
				return true;
		return false;
	}
	for (size_t r = 0; r < f->rows[sec[l]].n; r++)
		if (rform_row_used(sec[l], &f->rows[sec[l]].row[r]))
			return true;
	return false;
}

enum rform_state
rform_state_of(const struct rform *f, enum rform_list l)
{
	enum rform_state st = RST_ABSENT;

	for (int i = 0; i < RST__N; i++)
		if (str_eqc(f->state[l], rform_state_name[i]))
			st = (enum rform_state)i;
	if (st == RST_ABSENT && rform_list_has(f, l))
		st = RST_LIST;	/* rows typed in say it */
	return st;
}

/* ---- reading the posted form ---- */

/* "post-12-start": the group, the row and the column (-1: "del"). */
static bool
row_name(struct str k, int *sec, int64_t *row, int *col)
{
	for (int s = 0; s < RFS__N; s++) {
		size_t pl = strlen(rform_sec_name[s]);
		const char *p, *dash;
		struct str rest;

		if (k.len <= pl + 1 || k.p[pl] != '-' ||
		    memcmp(k.p, rform_sec_name[s], pl) != 0)
			continue;
		p = k.p + pl + 1;
		dash = memchr(p, '-', k.len - pl - 1);
		if (dash == NULL || parse_i64((struct str){ p,
		    (size_t)(dash - p) }, 0, 999, row) != SEL_OK)
			return false;
		rest = (struct str){ dash + 1, (size_t)(k.p + k.len - dash -
		    1) };
		*sec = s;
		*col = -1;
		if (str_eqc(rest, "del"))
			return true;
		for (size_t c = 0; c < rform_ncols[s]; c++)
			if (str_eqc(rest, rform_col_name[s][c]))
				*col = (int)c;
		return *col >= 0;
	}
	return false;
}

static void
read_one(struct rform *f, struct str k, struct str v)
{
	int s, c;
	int64_t r;

	for (int i = 0; i < RFF__N; i++)
		if (str_eqc(k, rform_field_name[i])) {
			f->f[i] = v;
			return;
		}
	for (int i = 0; i < RFL__N; i++)
		if (str_eqc(k, rform_list_name[i])) {
			f->state[i] = v;
			return;
		}
	if (str_eqc(k, "training")) {
		for (int t = 0; t < TR__N; t++)
			if (str_eqc(v, vocab_training[t])) {
				f->training[t] = true;
				return;
			}
		f->bad_training = true;
		return;
	}
	if (!row_name(k, &s, &r, &c))
		return;
	if ((size_t)r >= rform_cap[s]) {
		f->rows[s].too_many = true;
		return;
	}
	if ((size_t)r >= f->rows[s].n)
		f->rows[s].n = (size_t)r + 1;
	if (c < 0)
		f->rows[s].row[r].del = true;
	else
		f->rows[s].row[r].v[c] = v;
}

void
rform_read(struct arena *ar, const struct form *fm, struct rform *f)
{
	rform_init(ar, f);
	for (size_t i = 0; fm != NULL && i < fm->n; i++)
		read_one(f, fm->f[i].name, fm->f[i].value);
}

/* ---- a decoded record to the form ---- */

static struct str
iso(struct arena *ar, sel_date d)
{
	int y, m, dd;

	date_ymd(d, &y, &m, &dd);
	return arena_printf(ar, "%04d-%02d-%02d", y, m, dd);
}

static struct str
nz(struct str s)
{
	return s.p != NULL ? s : EMPTY;
}

static struct str
word(const char *const *words, int i)
{
	return i >= 0 ? str_c(words[i]) : EMPTY;
}

/* Joins list[0..n) with sep, in the arena. */
static struct str
join(struct arena *ar, const struct str *list, size_t n, const char *sep)
{
	struct buf b;
	struct str s;

	buf_init(&b, MAX_JOIN);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, sep);
		buf_putstr(&b, list[i]);
	}
	s = (struct str){ arena_strndup(ar, b.p != NULL ? b.p : "", b.len),
	    b.len };
	buf_release(&b);
	return s;
}

/* n rows of group s, at most its cap; the state of list l from has. */
static size_t
rows_from(struct rform *f, enum rform_sec s, size_t n)
{
	if (n > rform_cap[s]) {
		f->truncated = true;
		n = rform_cap[s];
	}
	f->rows[s].n = n;
	return n;
}

static void
state_from(struct rform *f, enum rform_list l, bool has, bool any)
{
	f->state[l] = str_c(rform_state_name[!has ? RST_ABSENT : any ?
	    RST_LIST : RST_NONE]);
}

static void
posts_from(struct arena *ar, const struct candidate *c, struct rform *f)
{
	size_t n = rows_from(f, RFS_POST, c->nposts);

	for (size_t i = 0; i < n; i++) {
		const struct cpost *p = &c->posts[i];
		struct str *v = f->rows[RFS_POST].row[i].v;

		v[RFC_POST_TITLE] = nz(p->title);
		v[RFC_POST_KIND] = word(vocab_cpost_kind, (int)p->kind);
		v[RFC_POST_ECHELON] = word(vocab_echelon, p->echelon);
		v[RFC_POST_JF] = word(vocab_jf, p->jf_level);
		if (p->has_fields)
			v[RFC_POST_FIELDS] = p->nfields > 0 ? join(ar,
			    p->fields, p->nfields, ", ") : STR("-");
		v[RFC_POST_START] = iso(ar, p->start);
		if (!p->open)
			v[RFC_POST_END] = iso(ar, p->end);
		if (p->acting)
			v[RFC_POST_ACTING] = STR("1");
	}
}

static void
optional_from(struct arena *ar, const struct candidate *c, struct rform *f)
{
	static const char *const tri[] = { "", "no", "yes" };
	size_t n = rows_from(f, RFS_PEN, c->npens);

	for (size_t i = 0; i < n; i++) {
		struct str *v = f->rows[RFS_PEN].row[i].v;

		v[RFC_PEN_KIND] = word(vocab_pen_kind, (int)c->pens[i].kind);
		v[RFC_PEN_LEVEL] = word(vocab_pen_level, c->pens[i].level);
		if (c->pens[i].has_decided)
			v[RFC_PEN_DECIDED] = iso(ar, c->pens[i].decided);
	}
	state_from(f, RFL_PENS, c->has_pens, c->npens > 0);
	n = rows_from(f, RFS_PERF, c->nperf);
	for (size_t i = 0; i < n; i++) {
		struct str *v = f->rows[RFS_PERF].row[i].v;

		v[RFC_PERF_YEAR] = arena_printf(ar, "%d", c->perf[i].year);
		v[RFC_PERF_RATING] = word(vocab_rating,
		    (int)c->perf[i].rating);
	}
	state_from(f, RFL_PERF, c->has_perf, c->nperf > 0);
	for (int t = 0; t < TR__N; t++)
		f->training[t] = (c->training >> t) & 1u;
	state_from(f, RFL_TRAINING, c->has_training, c->training != 0);
	f->f[RFF_UNDER_EXAM] = str_c(tri[c->under_exam]);
	if (c->has_rec) {
		f->f[RFF_REC_BY] = word(vocab_rec_by, (int)c->rec_by);
		f->f[RFF_REC_PPK] = str_c(tri[c->rec_ppk_approved]);
	}
	f->f[RFF_NO_MPP] = str_c(tri[c->decl[CD_NO_MPP]]);
}

void
rform_from_candidate(struct arena *ar, const struct candidate *c,
    struct rform *f)
{
	size_t n;

	rform_init(ar, f);
	f->nip = nz(c->nip);
	f->birth_date = iso(ar, c->birth);
	f->f[RFF_NAME] = nz(c->name);
	f->f[RFF_EMPLOYMENT] = word(vocab_employment, (int)c->employment);
	f->f[RFF_AG_NAME] = nz(c->agency.name);
	f->f[RFF_AG_KIND] = word(vocab_agency_kind, (int)c->agency.kind);
	f->f[RFF_AG_PROVINCE] = nz(c->agency.province);
	f->f[RFF_GRADE] = word(vocab_grade, c->grade);
	n = rows_from(f, RFS_EDU, c->nedu);
	for (size_t i = 0; i < n; i++) {
		f->rows[RFS_EDU].row[i].v[RFC_EDU_LEVEL] = word(vocab_edu,
		    (int)c->edu[i].level);
		f->rows[RFS_EDU].row[i].v[RFC_EDU_MAJOR] = nz(c->edu[i].major);
	}
	if (c->ncerts > RFORM_MAX_CERTS)
		f->truncated = true;
	f->f[RFF_CERTS] = join(ar, c->certs, c->ncerts > RFORM_MAX_CERTS ?
	    RFORM_MAX_CERTS : c->ncerts, "\n");
	state_from(f, RFL_CERTS, c->has_certs, c->ncerts > 0);
	posts_from(ar, c, f);
	optional_from(ar, c, f);
}

/* ---- the applicant's form ---- */

enum sel_err
app_record_decode(struct arena *ar, struct str text, struct candidate *c,
    struct str *why)
{
	struct json *root;
	struct diag d;

	memset(&d, 0, sizeof d);
	if (json_parse(ar, text.p, text.len, 1, true, &root, &d) != SEL_OK ||
	    candidate_decode(ar, root, c, &d) != SEL_OK) {
		*why = arena_printf(ar, "baris %u: %s", d.line, d.msg);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

enum sel_err
app_rform_load(struct app *a, struct arena *ar, const struct who *w,
    struct rform *f, bool *had_record, bool *unreadable)
{
	struct s_applicant p;
	struct candidate c;
	struct str why;
	enum sel_err rc = app_applicant(a, ar, w, &p);

	if (rc != SEL_OK)
		return rc == SEL_ENOENT ? SEL_EPERM : rc;
	*had_record = p.record.len > 0;
	*unreadable = false;
	if (*had_record && app_record_decode(ar, p.record, &c, &why) ==
	    SEL_OK) {
		rform_from_candidate(ar, &c, f);
	} else {
		rform_init(ar, f);
		f->f[RFF_NAME] = p.name;
		*unreadable = *had_record;
	}
	f->nip = p.nip;
	f->birth_date = p.birth_date;
	return SEL_OK;
}

enum sel_err
app_rform_save(struct app *a, struct arena *ar, const struct who *w,
    struct rform *f, struct rform_errs *e, struct app_msg *m)
{
	struct s_applicant p;
	struct str json;
	enum sel_err rc = app_applicant(a, ar, w, &p);

	e->n = 0;
	if (rc == SEL_ENOENT)
		return app_say(m, SEL_EPERM, "Hanya pelamar yang mempunyai "
		    "data riwayat.");
	if (rc != SEL_OK)
		return rc;
	f->nip = p.nip;
	f->birth_date = p.birth_date;
	if (rform_to_json(ar, f, &json, e) != SEL_OK)
		return app_say(m, SEL_EINVAL, "Periksa %zu isian yang "
		    "ditandai di bawah.", e->n);
	return app_record_set(a, ar, w, json, m);
}
