/*
 * elig.c - the ELIG-* rules (REGULATIONS.md §6).
 *
 * Each rule reads its parameters from the profile entry that applies to
 * the vacancy and yields pass, fail or missing with a sentence naming the
 * values compared.  Missing data never passes: where an unknown value
 * (a post without its echelon, a penalty without its date) could change
 * the outcome, the rule is `missing`.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/ckd.h"
#include "core/elig.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

struct ectx {
	struct arena		*a;
	const struct elig_plan	*plan;
	const struct profile	*p;
	const struct vacancy	*v;
	const struct candidate	*c;
	sel_date		 as_of;
	sel_date		 appt;
	sel_date		 ref;		/* periods measured at */
	struct elig_out		*out;
};


/* A date as "15 Maret 2023" in a small static-free buffer of the caller. */
struct dtxt {
	char	s[32];
};

/* Writes v in decimal at p; returns the end.  v >= 0. */
static char *
put_uint(char *p, int v)
{
	char tmp[12];
	int k = 0;

	do {
		tmp[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (k > 0)
		*p++ = tmp[--k];
	return p;
}

static const char *
did(struct dtxt *t, sel_date d)
{
	/* Hand-made: it runs several times for every candidate of a batch. */
	static const char *const mon[12] = { "Januari", "Februari", "Maret",
	    "April", "Mei", "Juni", "Juli", "Agustus", "September",
	    "Oktober", "November", "Desember" };
	int y, m, dd;
	char *p = t->s;
	size_t ml;

	date_ymd(d, &y, &m, &dd);
	p = put_uint(p, dd);
	*p++ = ' ';
	ml = strlen(mon[m - 1]);
	memcpy(p, mon[m - 1], ml);
	p += ml;
	*p++ = ' ';
	p = put_uint(p, y);
	*p = '\0';
	return t->s;
}

static void
put(struct ectx *e, const struct prof_rule *r, enum rule_status st,
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

/* Days needed for "N years as of d". */
static long
years_days(sel_date d, int n)
{
	return (long)d - (long)date_minus_years(d, n);
}

static void
r_employment(struct ectx *e, const struct prof_rule *r)
{
	enum employment em = e->c->employment;
	bool ok = (r->employment >> em) & 1;

	put(e, r, ok ? RS_PASS : RS_FAIL, arena_printf(e->a, "Status kepegawaian %s "
	    "%s syarat (%s).", em == EMP_PNS ? "PNS" : em == EMP_CPNS ?
	    "CPNS" : "PPPK", ok ? "memenuhi" : "tidak memenuhi",
	    r->employment == (1u << EMP_PNS) ? "harus PNS" :
	    "status yang diizinkan profil"));
}

static void
r_region(struct ectx *e, const struct prof_rule *r)
{
	const struct agency *ag = &e->c->agency;
	static const char *const kind_id[] = { "pemerintah provinsi",
	    "pemerintah kabupaten", "pemerintah kota", "instansi pusat" };
	const char *kd = kind_id[ag->kind];
	int nl = (int)ag->name.len, pl = (int)r->province.len;

	if (!((r->agency_kinds | r->invited_kinds) >> ag->kind & 1)) {
		put(e, r, RS_FAIL, arena_printf(e->a, "Instansi asal %.*s (%s) tidak "
		    "termasuk instansi yang dapat melamar di wilayah Provinsi "
		    "%.*s.", nl, ag->name.p, kd, pl, r->province.p));
		return;
	}
	if (ag->province.len == 0) {
		put(e, r, RS_MISSING, arena_printf(e->a, "Provinsi instansi asal %.*s "
		    "tidak tercantum, sehingga wilayah Provinsi %.*s tidak "
		    "dapat diperiksa.", nl, ag->name.p, pl, r->province.p));
		return;
	}
	if (!str_caseeq(str_trim(ag->province), str_trim(r->province))) {
		put(e, r, RS_FAIL, arena_printf(e->a, "Instansi asal %.*s berada di "
		    "Provinsi %.*s, bukan di wilayah Provinsi %.*s.", nl,
		    ag->name.p, (int)ag->province.len, ag->province.p, pl,
		    r->province.p));
		return;
	}
	if (!(r->agency_kinds >> ag->kind & 1)) {
		/* Allowed only when invited (e.g. provincial PNS). */
		enum rule_status st = e->c->invited == TRI_YES ? RS_PASS :
		    e->c->invited == TRI_NO ? RS_FAIL : RS_MISSING;

		put(e, r, st, arena_printf(e->a, "PNS %s (%.*s) di wilayah Provinsi "
		    "%.*s hanya dapat mengikuti seleksi bila diundang; data "
		    "undangan: %s.", kd, nl, ag->name.p,
		    pl, r->province.p, e->c->invited == TRI_YES ? "diundang" :
		    e->c->invited == TRI_NO ? "tidak diundang" :
		    "tidak tercantum"));
		return;
	}
	put(e, r, RS_PASS, arena_printf(e->a, "Instansi asal %.*s (%s) berada di "
	    "wilayah Provinsi %.*s.", nl, ag->name.p, kd, pl, r->province.p));
}

/* "S1/D-IV", "S1", "D-III": how the profile's level set reads. */
static const char *
edu_req_label(unsigned set, char *buf, size_t n)
{
	int lo = 0;

	while (lo < EDU__N && !(set >> lo & 1))
		lo++;
	if (lo == EDU_D4 && (set >> EDU_S1 & 1))
		snprintf(buf, n, "S1/D-IV");
	else
		snprintf(buf, n, "%s", label_edu[lo < EDU__N ? lo : 0]);
	return buf;
}

static void
r_education(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	const struct education *best = NULL, *hit = NULL;
	bool cert = false;
	char req[32];

	edu_req_label(r->edu_levels, req, sizeof(req));
	if (c->nedu == 0) {
		put(e, r, RS_MISSING, arena_printf(e->a, "Riwayat pendidikan kosong; "
		    "syarat minimal %s tidak dapat diperiksa.", req));
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
		put(e, r, RS_PASS, arena_printf(e->a, "Pendidikan %s%s%.*s%s memenuhi "
		    "syarat minimal %s%s%.*s.", label_edu[hit->level],
		    hit->major.len ? " (" : "", (int)hit->major.len,
		    hit->major.p, hit->major.len ? ")" : "", req,
		    r->major_contains.len ? " bidang " : "",
		    (int)r->major_contains.len, r->major_contains.p));
	} else if (cert) {
		put(e, r, RS_PASS, arena_printf(e->a, "Memiliki sertifikat %.*s, yang "
		    "dapat menggantikan ijazah %s %.*s.",
		    (int)r->or_certificate.len, r->or_certificate.p, req,
		    (int)r->major_contains.len, r->major_contains.p));
	} else {
		put(e, r, RS_FAIL, arena_printf(e->a, "Pendidikan tertinggi %s%s%.*s%s "
		    "tidak memenuhi syarat minimal %s%s%.*s%s%.*s.",
		    label_edu[best->level], best->major.len ? " (" : "",
		    (int)best->major.len, best->major.p,
		    best->major.len ? ")" : "", req,
		    r->major_contains.len ? " bidang " : "",
		    (int)r->major_contains.len, r->major_contains.p,
		    r->or_certificate.len ? " atau sertifikat " : "",
		    (int)r->or_certificate.len, r->or_certificate.p));
	}
}

static void
r_grade(struct ectx *e, const struct prof_rule *r)
{
	bool ok = e->c->grade >= r->min_grade;

	put(e, r, ok ? RS_PASS : RS_FAIL, arena_printf(e->a, "Pangkat %s %s syarat "
	    "minimal %s.", vocab_grade[e->c->grade], ok ? "memenuhi" :
	    "di bawah", vocab_grade[r->min_grade]));
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

static const char *
alt_label(const struct prior_alt *alt, char *buf, size_t n)
{
	if (alt->kind == CP_STRUCTURAL)
		snprintf(buf, n, "jabatan eselon %s atau lebih tinggi",
		    vocab_echelon[alt->min_echelon]);
	else
		snprintf(buf, n, "JF jenjang %s atau lebih tinggi",
		    label_jf[alt->min_jf]);
	return buf;
}

static void
r_prior_post(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	struct span *known = arena_array(e->a, c->nposts + 1, sizeof(*known));
	struct span *maybe = arena_array(e->a, c->nposts + 1, sizeof(*maybe));
	char parts[600], lbl[80];
	size_t off = 0;
	bool unknown = false;
	struct dtxt dt;

	parts[0] = '\0';
	for (int k = 0; k < r->nalts; k++) {
		const struct prior_alt *alt = &r->alts[k];
		size_t nk = 0, nm = 0;
		bool current = false, cur_maybe = false;
		long need = years_days(e->ref, alt->years), got, up;

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
		alt_label(alt, lbl, sizeof(lbl));
		if (got >= need && (!alt->current || current)) {
			struct str cite = alt->citation.len ? alt->citation :
			    r->citation;
			struct rule_result *x;

			put(e, r, RS_PASS, arena_printf(e->a, "%s %s%s selama %ld hari "
			    "sampai %s, memenuhi syarat paling singkat %d "
			    "tahun (%ld hari).", alt->current ?
			    "Sedang menduduki" : "Menduduki", lbl,
			    alt->current ? "" : " (sedang atau pernah)", got,
			    did(&dt, e->ref), alt->years, need));
			x = &e->out->rules[e->out->nrules - 1];
			x->citation = cite;
			return;
		}
		if (up >= need && (!alt->current || cur_maybe))
			unknown = true;
		str_appendf(parts, sizeof(parts), &off, "%s%s %ld dari %ld "
		    "hari%s", k ? "; " : "", lbl, got, need, alt->current &&
		    !current ? " dan tidak sedang menduduki" : "");
	}
	if (unknown)
		put(e, r, RS_MISSING, arena_printf(e->a, "Eselon atau jenjang sebagian "
		    "jabatan tidak tercantum, sehingga syarat jabatan tidak "
		    "dapat dipastikan (%s, sampai %s).", parts,
		    did(&dt, e->ref)));
	else
		put(e, r, RS_FAIL, arena_printf(e->a, "Tidak memenuhi syarat jabatan "
		    "sampai %s: %s.", did(&dt, e->ref), parts));
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

static void
r_experience(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	struct span *known = arena_array(e->a, c->nposts + 1, sizeof(*known));
	struct span *maybe = arena_array(e->a, c->nposts + 1, sizeof(*maybe));
	long need = years_days(e->ref, r->years), got, up;
	size_t nk = 0, nm = 0;
	struct dtxt dt;

	if (e->v->nfields == 0) {
		put(e, r, RS_MISSING, arena_printf(e->a, "Bidang tugas jabatan yang "
		    "dilamar tidak tercantum, sehingga pengalaman %d tahun di "
		    "bidang terkait tidak dapat diperiksa.", r->years));
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
	if (got >= need)
		put(e, r, RS_PASS, arena_printf(e->a, "Pengalaman jabatan di bidang "
		    "terkait %ld hari secara kumulatif sampai %s, memenuhi "
		    "syarat paling kurang %d tahun (%ld hari).", got,
		    did(&dt, e->ref), r->years, need));
	else if (up >= need)
		put(e, r, RS_MISSING, arena_printf(e->a, "Bidang tugas sebagian jabatan "
		    "tidak tercantum; pengalaman terkait yang pasti %ld dari "
		    "%ld hari (%d tahun) sampai %s.", got, need, r->years,
		    did(&dt, e->ref)));
	else
		put(e, r, RS_FAIL, arena_printf(e->a, "Pengalaman jabatan di bidang "
		    "terkait hanya %ld hari sampai %s, kurang dari %d tahun "
		    "(%ld hari).", got, did(&dt, e->ref), r->years, need));
}

static void
r_age(struct ectx *e, const struct prof_rule *r)
{
	sel_date at = r->at == REF_APPOINTMENT ? e->appt : e->as_of;
	int age = date_age(e->c->birth, at);
	bool ok = age <= r->max_age;
	struct dtxt dt;

	put(e, r, ok ? RS_PASS : RS_FAIL, arena_printf(e->a, "Usia %d tahun pada %s "
	    "(%s) %s batas paling tinggi %d tahun.", age, did(&dt, at),
	    r->at == REF_APPOINTMENT ? "tanggal pengangkatan" :
	    "batas akhir pendaftaran", ok ? "memenuhi" : "melewati",
	    r->max_age));
}

/* Penalties of a kind and level set within the window (years 0: ever). */
static void
penalty_rule(struct ectx *e, const struct prof_rule *r, enum pen_kind kind,
    unsigned levels, const char *what)
{
	const struct candidate *c = e->c;
	sel_date from = date_minus_years(e->ref, r->years);
	const struct penalty *hit = NULL;
	bool undated = false;
	char win[96];
	struct dtxt dt, dt2;

	if (r->years > 0)
		snprintf(win, sizeof(win), "dalam %d tahun terakhir (setelah "
		    "%s)", r->years, did(&dt, from));
	else
		snprintf(win, sizeof(win), "kapan pun (syarat: tidak pernah)");
	if (!c->has_pens) {
		put(e, r, RS_MISSING, arena_printf(e->a, "Data hukuman tidak tercantum, "
		    "sehingga %s %s tidak dapat diperiksa.", what, win));
		return;
	}
	for (size_t i = 0; i < c->npens; i++) {
		const struct penalty *p = &c->pens[i];

		if (p->kind != kind || (kind == PEN_DISCIPLINE &&
		    !(levels >> p->level & 1)))
			continue;
		if (r->years == 0 || (p->has_decided && p->decided > from)) {
			hit = p;
			break;
		}
		if (!p->has_decided)
			undated = true;
	}
	if (hit != NULL)
		put(e, r, RS_FAIL, arena_printf(e->a, "Terdapat %s%s%s%s%s, %s.",
		    kind == PEN_DISCIPLINE ? "hukuman disiplin" :
		    "hukuman pidana", kind == PEN_DISCIPLINE ? " tingkat " : "",
		    kind == PEN_DISCIPLINE ? label_pen_level[hit->level] : "",
		    hit->has_decided ? " tanggal " : "",
		    hit->has_decided ? did(&dt2, hit->decided) : "", win));
	else if (undated)
		put(e, r, RS_MISSING, arena_printf(e->a, "Tanggal %s tidak tercantum, "
		    "sehingga tidak dapat diperiksa apakah berada %s.", what,
		    win));
	else if (r->years == 0)
		put(e, r, RS_PASS, arena_printf(e->a, "Tidak pernah dijatuhi %s.", what));
	else
		put(e, r, RS_PASS, arena_printf(e->a, "Tidak ada %s %s.", what, win));
}

static void
r_discipline(struct ectx *e, const struct prof_rule *r)
{
	char what[96];

	snprintf(what, sizeof(what), "hukuman disiplin%s",
	    r->pen_levels == ((1u << PL_MODERATE) | (1u << PL_HEAVY)) ?
	    " tingkat sedang/berat" : r->pen_levels == (1u << PL_HEAVY) ?
	    " tingkat berat" : "");
	penalty_rule(e, r, PEN_DISCIPLINE, r->pen_levels, what);
}

static void
r_examination(struct ectx *e, const struct prof_rule *r)
{
	enum tri t = e->c->under_exam;

	put(e, r, t == TRI_NO ? RS_PASS : t == TRI_YES ? RS_FAIL : RS_MISSING,
	    arena_printf(e->a, "%s", t == TRI_NO ? "Tidak sedang dalam proses "
	    "pemeriksaan disiplin." : t == TRI_YES ? "Sedang dalam proses "
	    "pemeriksaan disiplin." : "Data pemeriksaan disiplin tidak "
	    "tercantum."));
}

static void
r_performance(struct ectx *e, const struct prof_rule *r)
{
	int y0 = date_year(e->ref) - r->years, y1 = date_year(e->ref) - 1;
	char got[600];
	size_t off = 0;
	bool missing = false, low = false;

	got[0] = '\0';
	for (int y = y0; y <= y1; y++) {
		const struct perf *hit = NULL;

		for (size_t i = 0; i < e->c->nperf; i++)
			if (e->c->perf[i].year == y)
				hit = &e->c->perf[i];
		if (hit == NULL)
			missing = true;
		else if (r->min_rating >= 0 && (int)hit->rating < r->min_rating)
			low = true;
		str_appendf(got, sizeof(got), &off, "%s%d: %s", y > y0 ? ", " :
		    "", y, hit ? label_rating[hit->rating] : "tidak ada");
	}
	if (low)
		put(e, r, RS_FAIL, arena_printf(e->a, "Penilaian prestasi kerja (%s) ada "
		    "yang di bawah %s.", got, label_rating[r->min_rating]));
	else if (missing)
		put(e, r, RS_MISSING, arena_printf(e->a, "Penilaian prestasi kerja %d "
		    "tahun terakhir tidak lengkap (%s).", r->years, got));
	else if (r->min_rating >= 0)
		put(e, r, RS_PASS, arena_printf(e->a, "Penilaian prestasi kerja (%s) "
		    "sekurang-kurangnya %s.", got, label_rating[r->min_rating]));
	else
		put(e, r, RS_PASS, arena_printf(e->a, "Penilaian prestasi kerja %d "
		    "tahun terakhir tersedia (%s).", r->years, got));
}

static const char *
by_label(unsigned set)
{
	if (set == ((1u << REC_PYB) | (1u << REC_PPK)))
		return "PyB atau PPK";
	return set == (1u << REC_PYB) ? "PyB" : "PPK";
}

static void
r_recommendation(struct ectx *e, const struct prof_rule *r)
{
	const struct candidate *c = e->c;
	bool own = agency_same(&c->agency, &e->v->agency);
	bool inv = c->invited == TRI_YES && r->invited_by != 0;
	unsigned need = inv ? r->invited_by : own ? r->own_by : r->other_by;
	bool approval = !inv && own && r->own_ppk_approval;
	const char *who = inv ? "PNS yang diundang panitia" : own ?
	    "pelamar dari instansi sendiri" : "pelamar dari instansi lain";

	if (need == 0) {
		put(e, r, RS_PASS, arena_printf(e->a, "Rekomendasi tidak "
		    "disyaratkan bagi %s.", who));
	} else if (!c->has_rec) {
		put(e, r, RS_MISSING, arena_printf(e->a, "Rekomendasi %s bagi "
		    "%s tidak tercantum.", by_label(need), who));
	} else if (!(need >> c->rec_by & 1)) {
		put(e, r, RS_FAIL, arena_printf(e->a, "Rekomendasi dari %s, "
		    "padahal %s memerlukan rekomendasi %s.", c->rec_by ==
		    REC_PYB ? "PyB" : "PPK", who, by_label(need)));
	} else if (approval && c->rec_by == REC_PYB &&
	    c->rec_ppk_approved != TRI_YES) {
		put(e, r, c->rec_ppk_approved == TRI_NO ? RS_FAIL : RS_MISSING,
		    arena_printf(e->a, "Rekomendasi PyB %s persetujuan PPK.",
		    c->rec_ppk_approved == TRI_NO ? "tanpa" :
		    "tanpa keterangan"));
	} else {
		put(e, r, RS_PASS, arena_printf(e->a, "Rekomendasi %s%s "
		    "tersedia bagi %s.", c->rec_by == REC_PYB ? "PyB" : "PPK",
		    approval && c->rec_by == REC_PYB ?
		    " atas persetujuan PPK" : "", who));
	}
	if (inv && r->invited_citation.len > 0)
		e->out->rules[e->out->nrules - 1].citation =
		    r->invited_citation;
}

/* The post held on d (not acting), for "kecuali pejabat fungsional". */
static const struct cpost *
current_post(const struct candidate *c, sel_date d)
{
	const struct cpost *cur = NULL;

	for (size_t i = 0; i < c->nposts; i++) {
		const struct cpost *p = &c->posts[i];

		if (!p->acting && p->start <= d && (p->open || p->end > d) &&
		    (cur == NULL || p->start > cur->start))
			cur = p;
	}
	return cur;
}

static void
a_training(struct ectx *e, const struct prof_rule *r)
{
	const struct cpost *cur = current_post(e->c, e->as_of);
	struct advisory *x;
	bool met = (e->c->training >> r->training & 1) != 0;

	if (r->not_for_functional && cur != NULL &&
	    cur->kind == CP_FUNCTIONAL)
		return;
	x = &e->out->advisories[e->out->nadvisories++];
	x->id = r->id;
	x->met = met;
	x->citation = r->citation;
	x->detail = arena_printf(e->a, "Diutamakan yang telah lulus %s; %s. Tidak "
	    "memengaruhi keputusan memenuhi syarat.",
	    label_training[r->training], !e->c->has_training ?
	    "data diklat tidak tercantum" : met ? "telah lulus" :
	    "belum tercantum lulus");
}

static void
checklist(struct ectx *e, const struct prof_rule *r)
{
	struct check_item *x = &e->out->checklist[e->out->nchecklist++];

	x->id = r->id;
	x->citation = r->citation;
	x->detail = r->detail;
	if (r->id == R_ELIG_TRACK_RECORD &&
	    e->plan->rule[R_ELIG_CRIMINAL] == NULL) {
		/* No ELIG-CRIMINAL here: a sentence goes to the committee. */
		for (size_t i = 0; i < e->c->npens; i++) {
			const struct penalty *p = &e->c->pens[i];
			struct dtxt dt;

			if (p->kind != PEN_CRIMINAL)
				continue;
			x->detail = arena_printf(e->a, "%.*s Catatan: data memuat "
			    "hukuman pidana%s%s untuk dinilai panitia.",
			    (int)r->detail.len, r->detail.p,
			    p->has_decided ? " tanggal " : "",
			    p->has_decided ? did(&dt, p->decided) : "");
			break;
		}
	}
}

void
elig_plan_init(struct elig_plan *plan, const struct profile *p,
    const struct vacancy *v)
{
	plan->p = p;
	plan->v = v;
	for (int id = 0; id < R__N; id++)
		plan->rule[id] = profile_rule(p, (enum rule_id)id, v);
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
	    p->periods_at == REF_APPOINTMENT ? appointment : as_of, out };
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
		case R_ELIG_DISCIPLINE:	r_discipline(&e, r); break;
		case R_ELIG_CRIMINAL:
			penalty_rule(&e, r, PEN_CRIMINAL, 0, "hukuman pidana");
			break;
		case R_ELIG_EXAMINATION: r_examination(&e, r); break;
		case R_ELIG_PERFORMANCE: r_performance(&e, r); break;
		case R_ELIG_RECOMMENDATION: r_recommendation(&e, r); break;
		case R_ELIG_TRAINING:	a_training(&e, r); break;
		case R_ELIG_COMPETENCY:
		case R_ELIG_TRACK_RECORD:
		case R_ELIG_HEALTH:
		case R_ELIG_OTHER:	checklist(&e, r); break;
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
