/*
 * elig.c - the ELIG-* rules (REGULATIONS.md §6).
 *
 * Each rule reads its parameters from the profile entry that applies to
 * the vacancy and yields pass, fail or missing with a sentence naming the
 * values compared.  Missing data never passes: where an unknown value
 * (a post without its echelon, a penalty without its date) could change
 * the outcome, the rule is `missing`.  The rules on conduct and papers
 * (penalties, appraisals, recommendation, training, checklist) are in
 * elig_conduct.c.
 */
#include <string.h>

#include "base/arena.h"
#include "base/ckd.h"
#include "base/sbuf.h"
#include "core/elig.h"
#include "core/elig_int.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

/*
 * Details are built with sbuf.h, not arena_printf: the same text (cut at
 * the same length), without a format string to interpret for every
 * candidate of a batch.
 */

void
elig_date(struct sbuf *b, sel_date d)
{
	static const char *const mon[12] = { "Januari", "Februari", "Maret",
	    "April", "Mei", "Juni", "Juli", "Agustus", "September",
	    "Oktober", "November", "Desember" };
	int y, m, dd;

	date_ymd(d, &y, &m, &dd);
	sb_int(b, dd);
	sb_lit(b, " ");
	sb_cstr(b, mon[m - 1]);
	sb_lit(b, " ");
	sb_int(b, y);
}

static const struct elig_day *
shared_day(const struct ectx *e, sel_date d)
{
	const struct elig_dates *t = e->dt;

	if (t == NULL)
		return NULL;
	if (d == t->ref.d)
		return &t->ref;
	if (d == t->at_as_of.d)
		return &t->at_as_of;
	return d == t->at_appt.d ? &t->at_appt : NULL;
}

void
elig_text(const struct ectx *e, struct sbuf *b, sel_date d)
{
	const struct elig_day *x = shared_day(e, d);

	if (x != NULL)
		sb_put(b, x->text, x->len);
	else
		elig_date(b, d);
}

sel_date
elig_back(const struct ectx *e, int n)
{
	if (e->dt != NULL && n >= 0 && n < ELIG_YEARS_BACK)
		return e->dt->back[n].d;
	return date_minus_years(e->ref, n);
}

void
elig_back_text(const struct ectx *e, struct sbuf *b, int n)
{
	if (e->dt != NULL && n >= 0 && n < ELIG_YEARS_BACK)
		sb_put(b, e->dt->back[n].text, e->dt->back[n].len);
	else
		elig_date(b, date_minus_years(e->ref, n));
}

static void
day_init(struct elig_day *x, sel_date d)
{
	struct sbuf b;

	x->d = d;
	date_ymd(d, &x->y, &x->m, &x->dd);
	sb_init(&b, sizeof(x->text) - 1);
	elig_date(&b, d);
	memcpy(x->text, b.p, b.len);
	x->len = b.len;
}

void
elig_plan_dates(struct elig_plan *plan, sel_date as_of, sel_date appt)
{
	struct elig_dates *t = &plan->dates;
	sel_date ref = plan->p->periods_at == REF_APPOINTMENT ? appt : as_of;

	t->as_of = as_of;
	t->appt = appt;
	day_init(&t->at_as_of, as_of);
	day_init(&t->at_appt, appt);
	day_init(&t->ref, ref);
	for (int n = 0; n < ELIG_YEARS_BACK; n++)
		day_init(&t->back[n], date_minus_years(ref, n));
	plan->has_dates = true;
}

void
elig_put(struct ectx *e, const struct prof_rule *r, enum rule_status st,
    struct str detail)
{
	struct rule_result *x = &e->out->rules[e->out->nrules++];

	x->id = r->id;
	x->status = st;
	x->detail = detail;
	x->citation = r->citation;
}

long
span_union_days(struct span *s, size_t n, sel_date d)
{
	long total = 0;
	sel_date cur_s = 0, cur_e = 0;
	bool open = false;

	/* Insertion sort: a record has a handful of posts. */
	for (size_t i = 1; i < n; i++) {
		struct span t = s[i];
		size_t j = i;

		while (j > 0 && s[j - 1].start > t.start) {
			s[j] = s[j - 1];
			j--;
		}
		s[j] = t;
	}
	for (size_t i = 0; i < n; i++) {
		sel_date a = s[i].start, b = s[i].end < d ? s[i].end : d;

		if (b <= a)
			continue;
		if (open && a <= cur_e) {
			if (b > cur_e)
				cur_e = b;
			continue;
		}
		if (open)
			total += cur_e - cur_s;
		cur_s = a;
		cur_e = b;
		open = true;
	}
	if (open)
		total += cur_e - cur_s;
	return total;
}

static sel_date
post_end(const struct cpost *p, sel_date d)
{
	return p->open ? d : p->end;
}

/* Days needed for "N years as of ref". */
static long
years_days(const struct ectx *e, int n)
{
	return (long)e->ref - (long)elig_back(e, n);
}

static void
r_employment(struct ectx *e, const struct prof_rule *r)
{
	enum employment em = e->c->employment;
	bool ok = (r->employment >> em) & 1;

	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	sb_lit(&b, "Status kepegawaian ");
	sb_cstr(&b, em == EMP_PNS ? "PNS" : em == EMP_CPNS ? "CPNS" : "PPPK");
	sb_cstr(&b, ok ? " memenuhi syarat (" : " tidak memenuhi syarat (");
	sb_cstr(&b, r->employment == (1u << EMP_PNS) ? "harus PNS" :
	    "status yang diizinkan profil");
	sb_lit(&b, ").");
	elig_put(e, r, ok ? RS_PASS : RS_FAIL, sb_keep(&b, e->a));
}

/* "Instansi asal NAME (pemerintah kabupaten)" */
static void
sb_agency(struct sbuf *b, const struct agency *ag, const char *kind)
{
	sb_lit(b, "Instansi asal ");
	sb_str(b, ag->name);
	sb_lit(b, " (");
	sb_cstr(b, kind);
	sb_lit(b, ")");
}

static void
r_region(struct ectx *e, const struct prof_rule *r)
{
	const struct agency *ag = &e->c->agency;
	static const char *const kind_id[] = { "pemerintah provinsi",
	    "pemerintah kabupaten", "pemerintah kota", "instansi pusat" };
	const char *kd = kind_id[ag->kind];
	enum tri inv = e->c->invited;
	enum rule_status st = RS_PASS;
	const char *tail = ".";		/* after the profile's province */
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	if (!((r->agency_kinds | r->invited_kinds) >> ag->kind & 1)) {
		st = RS_FAIL;
		sb_agency(&b, ag, kd);
		sb_lit(&b, " tidak termasuk instansi yang dapat melamar di "
		    "wilayah Provinsi ");
	} else if (ag->province.len == 0) {
		st = RS_MISSING;
		sb_lit(&b, "Provinsi instansi asal ");
		sb_str(&b, ag->name);
		sb_lit(&b, " tidak tercantum, sehingga wilayah Provinsi ");
		tail = " tidak dapat diperiksa.";
	} else if (!str_caseeq(str_trim(ag->province),
	    str_trim(r->province))) {
		st = RS_FAIL;
		sb_lit(&b, "Instansi asal ");
		sb_str(&b, ag->name);
		sb_lit(&b, " berada di Provinsi ");
		sb_str(&b, ag->province);
		sb_lit(&b, ", bukan di wilayah Provinsi ");
	} else if (!(r->agency_kinds >> ag->kind & 1)) {
		/* Allowed only when invited (e.g. provincial PNS). */
		st = inv == TRI_YES ? RS_PASS : inv == TRI_NO ? RS_FAIL :
		    RS_MISSING;
		sb_lit(&b, "PNS ");
		sb_cstr(&b, kd);
		sb_lit(&b, " (");
		sb_str(&b, ag->name);
		sb_lit(&b, ") di wilayah Provinsi ");
		tail = inv == TRI_YES ? " hanya dapat mengikuti seleksi bila "
		    "diundang; data undangan: diundang." : inv == TRI_NO ?
		    " hanya dapat mengikuti seleksi bila diundang; data "
		    "undangan: tidak diundang." : " hanya dapat mengikuti "
		    "seleksi bila diundang; data undangan: tidak tercantum.";
	} else {
		sb_agency(&b, ag, kd);
		sb_lit(&b, " berada di wilayah Provinsi ");
	}
	sb_str(&b, r->province);
	sb_cstr(&b, tail);
	elig_put(e, r, st, sb_keep(&b, e->a));
}

/* "S1/D-IV", "S1", "D-III": how the profile's level set reads. */
static const char *
edu_req_label(unsigned set)
{
	int lo = 0;

	while (lo < EDU__N && !(set >> lo & 1))
		lo++;
	if (lo == EDU_D4 && (set >> EDU_S1 & 1))
		return "S1/D-IV";
	return label_edu[lo < EDU__N ? lo : 0];
}

/* "S2 (Administrasi Negara)", or "S2" without a major. */
static void
sb_edu(struct sbuf *b, const struct education *ed)
{
	sb_cstr(b, label_edu[ed->level]);
	if (ed->major.len > 0) {
		sb_lit(b, " (");
		sb_str(b, ed->major);
		sb_lit(b, ")");
	}
}

/* "minimal S1/D-IV", with " bidang X" when the profile names a major. */
static void
sb_edu_req(struct sbuf *b, const struct prof_rule *r, const char *req)
{
	sb_lit(b, "minimal ");
	sb_cstr(b, req);
	if (r->major_contains.len > 0) {
		sb_lit(b, " bidang ");
		sb_str(b, r->major_contains);
	}
}

static void
r_education(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	const struct education *best = NULL, *hit = NULL;
	const char *req = edu_req_label(r->edu_levels);
	bool cert = false;
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	if (c->nedu == 0) {
		sb_lit(&b, "Riwayat pendidikan kosong; syarat minimal ");
		sb_cstr(&b, req);
		sb_lit(&b, " tidak dapat diperiksa.");
		elig_put(e, r, RS_MISSING, sb_keep(&b, e->a));
		return;
	}
	for (size_t i = 0; i < c->nedu; i++) {
		const struct education *ed = &c->edu[i];

		if (best == NULL || ed->level > best->level)
			best = ed;
		if ((r->edu_levels >> ed->level & 1) &&
		    (r->major_contains.len == 0 || str_casecontains(ed->major,
		    r->major_contains)) &&
		    (hit == NULL || ed->level > hit->level))
			hit = ed;
	}
	for (size_t i = 0; i < c->ncerts && r->or_certificate.len > 0; i++)
		cert |= str_caseeq(str_trim(c->certs[i]), r->or_certificate);
	if (hit != NULL) {
		sb_lit(&b, "Pendidikan ");
		sb_edu(&b, hit);
		sb_lit(&b, " memenuhi syarat ");
		sb_edu_req(&b, r, req);
		sb_lit(&b, ".");
		elig_put(e, r, RS_PASS, sb_keep(&b, e->a));
	} else if (cert) {
		sb_lit(&b, "Memiliki sertifikat ");
		sb_str(&b, r->or_certificate);
		sb_lit(&b, ", yang dapat menggantikan ijazah ");
		sb_cstr(&b, req);
		sb_lit(&b, " ");
		sb_str(&b, r->major_contains);
		sb_lit(&b, ".");
		elig_put(e, r, RS_PASS, sb_keep(&b, e->a));
	} else {
		sb_lit(&b, "Pendidikan tertinggi ");
		sb_edu(&b, best);
		sb_lit(&b, " tidak memenuhi syarat ");
		sb_edu_req(&b, r, req);
		if (r->or_certificate.len > 0) {
			sb_lit(&b, " atau sertifikat ");
			sb_str(&b, r->or_certificate);
		}
		sb_lit(&b, ".");
		elig_put(e, r, RS_FAIL, sb_keep(&b, e->a));
	}
}

static void
r_grade(struct ectx *e, const struct prof_rule *r)
{
	bool ok = e->c->grade >= r->min_grade;
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	sb_lit(&b, "Pangkat ");
	sb_cstr(&b, vocab_grade[e->c->grade]);
	sb_cstr(&b, ok ? " memenuhi syarat minimal " :
	    " di bawah syarat minimal ");
	sb_cstr(&b, vocab_grade[r->min_grade]);
	sb_lit(&b, ".");
	elig_put(e, r, ok ? RS_PASS : RS_FAIL, sb_keep(&b, e->a));
}

/* Whether post p counts for alternative alt: 1 yes, 0 no, -1 unknown. */
static int
alt_counts(const struct prior_alt *alt, const struct cpost *p)
{
	if (p->acting || p->kind != alt->kind)
		return 0;
	if (alt->kind == CP_STRUCTURAL)
		return p->echelon < 0 ? -1 : p->echelon >= alt->min_echelon;
	return p->jf_level < 0 ? -1 : p->jf_level >= alt->min_jf;
}

/* "jabatan eselon III.a atau lebih tinggi", "JF jenjang ahli madya ...". */
static void
sb_alt(struct sbuf *b, const struct prior_alt *alt)
{
	if (alt->kind == CP_STRUCTURAL) {
		sb_lit(b, "jabatan eselon ");
		sb_cstr(b, vocab_echelon[alt->min_echelon]);
	} else {
		sb_lit(b, "JF jenjang ");
		sb_cstr(b, label_jf[alt->min_jf]);
	}
	sb_lit(b, " atau lebih tinggi");
}

/* "Menduduki ... selama N hari sampai D, memenuhi ...": a way met. */
static void
prior_pass(struct ectx *e, const struct prof_rule *r,
    const struct prior_alt *alt, long got, long need)
{
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	sb_cstr(&b, alt->current ? "Sedang menduduki " : "Menduduki ");
	sb_alt(&b, alt);
	sb_cstr(&b, alt->current ? " selama " :
	    " (sedang atau pernah) selama ");
	sb_int(&b, got);
	sb_lit(&b, " hari sampai ");
	elig_text(e, &b, e->ref);
	sb_lit(&b, ", memenuhi syarat paling singkat ");
	sb_int(&b, alt->years);
	sb_lit(&b, " tahun (");
	sb_int(&b, need);
	sb_lit(&b, " hari).");
	elig_put(e, r, RS_PASS, sb_keep(&b, e->a));
	if (alt->citation.len > 0)
		e->out->rules[e->out->nrules - 1].citation = alt->citation;
}

/* No way met: missing when unknown echelons could meet one, else fail;
 * parts names each way with the days it has. */
static void
prior_not_met(struct ectx *e, const struct prof_rule *r,
    const struct sbuf *parts, bool unknown)
{
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	if (unknown) {
		sb_lit(&b, "Eselon atau jenjang sebagian jabatan tidak "
		    "tercantum, sehingga syarat jabatan tidak dapat "
		    "dipastikan (");
		sb_put(&b, parts->p, parts->len);
		sb_lit(&b, ", sampai ");
		elig_text(e, &b, e->ref);
		sb_lit(&b, ").");
	} else {
		sb_lit(&b, "Tidak memenuhi syarat jabatan sampai ");
		elig_text(e, &b, e->ref);
		sb_lit(&b, ": ");
		sb_put(&b, parts->p, parts->len);
		sb_lit(&b, ".");
	}
	elig_put(e, r, unknown ? RS_MISSING : RS_FAIL, sb_keep(&b, e->a));
}

static void
r_prior_post(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	struct span *known = arena_array(e->a, c->nposts + 1, sizeof(*known));
	struct span *maybe = arena_array(e->a, c->nposts + 1, sizeof(*maybe));
	struct sbuf parts;
	bool unknown = false;

	sb_init(&parts, 599);
	for (int k = 0; k < r->nalts; k++) {
		const struct prior_alt *alt = &r->alts[k];
		size_t nk = 0, nm = 0;
		bool current = false, cur_maybe = false;
		long need = years_days(e, alt->years), got, up;

		for (size_t i = 0; i < c->nposts; i++) {
			const struct cpost *p = &c->posts[i];
			int ct = alt_counts(alt, p);
			struct span s = { p->start, post_end(p, e->ref) };
			bool held = p->start <= e->ref && (p->open ||
			    p->end > e->ref);

			if (ct != 0)
				maybe[nm++] = s;
			if (ct == 1)
				known[nk++] = s;
			current |= ct == 1 && held;
			cur_maybe |= ct != 0 && held;
		}
		got = span_union_days(known, nk, e->ref);
		up = span_union_days(maybe, nm, e->ref);
		if (got >= need && (!alt->current || current)) {
			prior_pass(e, r, alt, got, need);
			return;
		}
		if (up >= need && (!alt->current || cur_maybe))
			unknown = true;
		if (k > 0)
			sb_lit(&parts, "; ");
		sb_alt(&parts, alt);
		sb_lit(&parts, " ");
		sb_int(&parts, got);
		sb_lit(&parts, " dari ");
		sb_int(&parts, need);
		sb_lit(&parts, " hari");
		if (alt->current && !current)
			sb_lit(&parts, " dan tidak sedang menduduki");
	}
	prior_not_met(e, r, &parts, unknown);
}

/* Whether a post's fields meet the vacancy's: 1, 0, or -1 unknown. */
static int
field_match(const struct vacancy *v, const struct cpost *p)
{
	if (!p->has_fields)
		return -1;
	for (size_t i = 0; i < p->nfields; i++)
		for (size_t j = 0; j < v->nfields; j++)
			if (str_caseeq(str_trim(p->fields[i]),
			    str_trim(v->fields[j])))
				return 1;
	return 0;
}

/* The days known in the field (got), possibly (up), and needed. */
static void
experience_text(struct ectx *e, const struct prof_rule *r, long got,
    long up, long need)
{
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	if (got >= need) {
		sb_lit(&b, "Pengalaman jabatan di bidang terkait ");
		sb_int(&b, got);
		sb_lit(&b, " hari secara kumulatif sampai ");
		elig_text(e, &b, e->ref);
		sb_lit(&b, ", memenuhi syarat paling kurang ");
		sb_int(&b, r->years);
		sb_lit(&b, " tahun (");
		sb_int(&b, need);
		sb_lit(&b, " hari).");
		elig_put(e, r, RS_PASS, sb_keep(&b, e->a));
	} else if (up >= need) {
		sb_lit(&b, "Bidang tugas sebagian jabatan tidak tercantum; "
		    "pengalaman terkait yang pasti ");
		sb_int(&b, got);
		sb_lit(&b, " dari ");
		sb_int(&b, need);
		sb_lit(&b, " hari (");
		sb_int(&b, r->years);
		sb_lit(&b, " tahun) sampai ");
		elig_text(e, &b, e->ref);
		sb_lit(&b, ".");
		elig_put(e, r, RS_MISSING, sb_keep(&b, e->a));
	} else {
		sb_lit(&b, "Pengalaman jabatan di bidang terkait hanya ");
		sb_int(&b, got);
		sb_lit(&b, " hari sampai ");
		elig_text(e, &b, e->ref);
		sb_lit(&b, ", kurang dari ");
		sb_int(&b, r->years);
		sb_lit(&b, " tahun (");
		sb_int(&b, need);
		sb_lit(&b, " hari).");
		elig_put(e, r, RS_FAIL, sb_keep(&b, e->a));
	}
}

static void
r_experience(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	struct span *known = arena_array(e->a, c->nposts + 1, sizeof(*known));
	struct span *maybe = arena_array(e->a, c->nposts + 1, sizeof(*maybe));
	long need = years_days(e, r->years), got, up;
	size_t nk = 0, nm = 0;
	struct sbuf b;

	if (e->v->nfields == 0) {
		sb_init(&b, SBUF_MAX);
		sb_lit(&b, "Bidang tugas jabatan yang dilamar tidak "
		    "tercantum, sehingga pengalaman ");
		sb_int(&b, r->years);
		sb_lit(&b, " tahun di bidang terkait tidak dapat diperiksa.");
		elig_put(e, r, RS_MISSING, sb_keep(&b, e->a));
		return;
	}
	for (size_t i = 0; i < c->nposts; i++) {
		const struct cpost *p = &c->posts[i];
		int m = field_match(e->v, p);
		struct span s = { p->start, post_end(p, e->ref) };

		if (m != 0)
			maybe[nm++] = s;
		if (m == 1)
			known[nk++] = s;
	}
	got = span_union_days(known, nk, e->ref);
	up = span_union_days(maybe, nm, e->ref);
	experience_text(e, r, got, up, need);
}

/* date_age, with the shared date's parts worked out once. */
static int
age_at(const struct ectx *e, sel_date at)
{
	const struct elig_day *x = shared_day(e, at);
	int by, bm, bd, age;

	if (x == NULL)
		return date_age(e->c->birth, at);
	date_ymd(e->c->birth, &by, &bm, &bd);
	age = x->y - by;
	if (x->m < bm || (x->m == bm && x->dd < bd))
		age--;
	return age;
}

/*
 * Above max_age, within the limit with a declaration: the declaration
 * decides (declared: pass; declared not: fail; not given: missing), under
 * the article that allows the higher limit.
 */
static void
age_declared(struct ectx *e, const struct prof_rule *r, struct sbuf *b)
{
	enum tri t = e->c->decl[r->decl];

	sb_lit(b, " batas ");
	sb_int(b, r->max_age);
	sb_lit(b, " tahun; batas ");
	sb_int(b, r->decl_max_age);
	sb_lit(b, " tahun berlaku bagi pelamar yang menyatakan ");
	sb_cstr(b, label_cand_decl[r->decl]);
	sb_cstr(b, t == TRI_YES ? ", dan pelamar telah menyatakannya, "
	    "sehingga memenuhi syarat." : t == TRI_NO ? ", dan pelamar tidak "
	    "menyatakannya." : ", dan pernyataan tersebut tidak tercantum.");
	elig_put(e, r, t == TRI_YES ? RS_PASS : t == TRI_NO ? RS_FAIL :
	    RS_MISSING, sb_keep(b, e->a));
	e->out->rules[e->out->nrules - 1].citation = r->decl_citation;
}

static void
r_age(struct ectx *e, const struct prof_rule *r)
{
	sel_date at = r->at == REF_APPOINTMENT ? e->appt : e->as_of;
	int age = age_at(e, at);
	bool ok = age <= r->max_age;
	struct sbuf b;

	sb_init(&b, SBUF_MAX);
	sb_lit(&b, "Usia ");
	sb_int(&b, age);
	sb_lit(&b, " tahun pada ");
	elig_text(e, &b, at);
	sb_cstr(&b, r->at == REF_APPOINTMENT ? " (tanggal pengangkatan) " :
	    " (batas akhir pendaftaran) ");
	sb_cstr(&b, ok ? "memenuhi" : "melewati");
	if (!ok && r->decl_max_age > 0 && age <= r->decl_max_age) {
		age_declared(e, r, &b);
		return;
	}
	sb_lit(&b, " batas paling tinggi ");
	sb_int(&b, r->max_age);
	sb_lit(&b, " tahun");
	if (!ok && r->decl_max_age > 0) {
		sb_lit(&b, ", juga batas ");
		sb_int(&b, r->decl_max_age);
		sb_lit(&b, " tahun bagi pelamar yang menyatakan ");
		sb_cstr(&b, label_cand_decl[r->decl]);
	}
	sb_lit(&b, ".");
	elig_put(e, r, ok ? RS_PASS : RS_FAIL, sb_keep(&b, e->a));
}

/* Whether the plan has an entry for r's checklist item already: per
 * item, as per rule, the first matching entry wins. */
static bool
item_taken(const struct elig_plan *plan, const struct prof_rule *r)
{
	for (size_t i = 0; i < plan->nchecks; i++)
		if (plan->checks[i]->id == r->id &&
		    str_eq(plan->checks[i]->item, r->item))
			return true;
	return false;
}

void
elig_plan_init(struct elig_plan *plan, const struct profile *p,
    const struct vacancy *v)
{
	plan->p = p;
	plan->v = v;
	plan->has_dates = false;
	plan->nchecks = 0;
	for (int id = 0; id < R__N; id++) {
		plan->rule[id] = profile_rule(p, (enum rule_id)id, v);
		if (rule_class((enum rule_id)id) != RC_CHECKLIST)
			continue;
		/* The loader allows no more than fit (PROF_MAX_CHECKS). */
		for (size_t i = 0; i < p->nrules; i++)
			if (p->rules[i].id == (enum rule_id)id &&
			    profile_when(&p->rules[i].when, v) &&
			    !item_taken(plan, &p->rules[i]) &&
			    plan->nchecks < ELIG_MAX_CHECKS)
				plan->checks[plan->nchecks++] = &p->rules[i];
	}
}

void
elig_eval(struct arena *a, const struct profile *p, const struct vacancy *v,
    const struct candidate *c, sel_date as_of, sel_date appointment,
    struct elig_out *out)
{
	struct elig_plan plan;

	elig_plan_init(&plan, p, v);
	elig_eval_plan(a, &plan, c, as_of, appointment, out);
}

void
elig_eval_plan(struct arena *a, const struct elig_plan *plan,
    const struct candidate *c, sel_date as_of, sel_date appointment,
    struct elig_out *out)
{
	const struct profile *p = plan->p;
	struct ectx e = { a, plan, p, plan->v, c, as_of, appointment,
	    p->periods_at == REF_APPOINTMENT ? appointment : as_of, out,
	    plan->has_dates && plan->dates.as_of == as_of &&
	    plan->dates.appt == appointment ? &plan->dates : NULL };
	bool fail = false, missing = false;

	/* Only the counts need zeroing; entries are written before use. */
	out->nrules = out->nchecklist = out->nadvisories = 0;
	for (int id = 0; id < R__N; id++) {
		const struct prof_rule *r = plan->rule[id];

		if (r == NULL)
			continue;
		switch ((enum rule_id)id) {
		case R_ELIG_EMPLOYMENT:	r_employment(&e, r); break;
		case R_ELIG_REGION:	r_region(&e, r); break;
		case R_ELIG_EDUCATION:	r_education(&e, r); break;
		case R_ELIG_GRADE:	r_grade(&e, r); break;
		case R_ELIG_PRIOR_POST:	r_prior_post(&e, r); break;
		case R_ELIG_EXPERIENCE:	r_experience(&e, r); break;
		case R_ELIG_AGE:	r_age(&e, r); break;
		case R_ELIG_DISCIPLINE:	elig_discipline(&e, r); break;
		case R_ELIG_CRIMINAL:	elig_criminal(&e, r); break;
		case R_ELIG_EXAMINATION: elig_examination(&e, r); break;
		case R_ELIG_PERFORMANCE: elig_performance(&e, r); break;
		case R_ELIG_RECOMMENDATION: elig_recommendation(&e, r); break;
		case R_ELIG_TRAINING:	elig_training(&e, r); break;
		case R_ELIG_COMPETENCY:
		case R_ELIG_TRACK_RECORD:
		case R_ELIG_HEALTH:
		case R_ELIG_OTHER:
			for (size_t i = 0; i < plan->nchecks; i++)
				if (plan->checks[i]->id == (enum rule_id)id)
					elig_checklist(&e, plan->checks[i]);
			break;
		default:		break;
		}
	}
	for (size_t i = 0; i < out->nrules; i++) {
		fail |= out->rules[i].status == RS_FAIL;
		missing |= out->rules[i].status == RS_MISSING;
	}
	out->verdict = fail ? V_INELIGIBLE : missing ? V_INCOMPLETE :
	    V_ELIGIBLE;
}

const char *
verdict_name(enum verdict v)
{
	static const char *const names[] = { "eligible", "incomplete",
	    "ineligible" };

	return names[v];
}
