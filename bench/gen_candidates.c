/*
 * gen_candidates.c - synthetic candidate records for bench/eligibility.
 *
 * usage: gen_candidates N SEED > FILE.jsonl
 *
 * Writes N candidate records (CONTRACT.md, CANDIDATE.json), one compact
 * JSON object per line, about 1.5-2 KB each: 1-3 education entries, 3-8
 * consecutive posts (the last one open), penalties, 3-4 years of
 * performance, recommendation.  Every record is valid input; the verdicts
 * under demak-2022 are mixed.  Record i depends only on (SEED, i), through
 * splitmix64, so the output is the same on every machine and a smaller
 * file is a prefix of a larger one made with the same seed.
 *
 * Reads no clock and no environment; writes only to standard output.
 * Exit 0, or 2 on bad usage, or 1 when standard output fails.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MAX_N		INT64_C(100000000)	/* 100M records, ~180 GB */
#define REC_MAX		8192			/* one record, generous */
#define CAREER_END	day_num(2023, 2, 1)	/* last post starts before */

/* ---- random numbers ---------------------------------------------------- */

struct rng {
	uint64_t	s;		/* splitmix64 state */
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z;

	r->s += UINT64_C(0x9e3779b97f4a7c15);
	z = r->s;
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0; the modulo bias is below 2^-40 here. */
static int
rng_below(struct rng *r, int n)
{
	return (int)(rng_next(r) % (uint64_t)n);
}

static int
rng_range(struct rng *r, int lo, int hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

/* True with probability pct percent. */
static bool
rng_pct(struct rng *r, int pct)
{
	return rng_below(r, 1000) < pct * 10;
}

/* An index into weights[0..n), drawn by weight. */
static int
rng_pick(struct rng *r, const int *weights, int n)
{
	int total = 0, x;

	for (int i = 0; i < n; i++)
		total += weights[i];
	x = rng_below(r, total);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

#define PICK(r, arr)	((arr)[rng_below((r), (int)NELEM(arr))])

/* ---- output ------------------------------------------------------------ */

/* One record, built in place; overflow is sticky and fatal at the end. */
struct out {
	char	p[REC_MAX];
	size_t	len;
	bool	err;
};

static void
out_printf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
out_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->err)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->p + o->len, sizeof(o->p) - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(o->p) - o->len) {
		o->err = true;
		return;
	}
	o->len += (size_t)n;
}

static void
out_puts(struct out *o, const char *s)
{
	out_printf(o, "%s", s);
}

/* ---- dates ------------------------------------------------------------- */

/* Days since 0000-03-01 (proleptic Gregorian; H. Hinnant's algorithm). */
static int
day_num(int y, int m, int d)
{
	int era, yoe, doy;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

static void
day_ymd(int n, int *y, int *m, int *d)
{
	int era = n / 146097, doe = n - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static void
out_date(struct out *o, int n)
{
	int y, m, d;

	day_ymd(n, &y, &m, &d);
	out_printf(o, "\"%04d-%02d-%02d\"", y, m, d);
}

/* ---- vocabularies ------------------------------------------------------ */

struct agency {
	const char	*name;
	const char	*kind;
	const char	*province;
	const char	*region;	/* for unit names: "Kabupaten Demak" */
};

static const struct agency agencies[] = {
	{ "Pemerintah Kabupaten Demak", "regency", "Jawa Tengah",
	    "Kabupaten Demak" },
	{ "Pemerintah Kabupaten Kudus", "regency", "Jawa Tengah",
	    "Kabupaten Kudus" },
	{ "Pemerintah Kabupaten Jepara", "regency", "Jawa Tengah",
	    "Kabupaten Jepara" },
	{ "Pemerintah Kabupaten Grobogan", "regency", "Jawa Tengah",
	    "Kabupaten Grobogan" },
	{ "Pemerintah Kabupaten Semarang", "regency", "Jawa Tengah",
	    "Kabupaten Semarang" },
	{ "Pemerintah Kabupaten Pati", "regency", "Jawa Tengah",
	    "Kabupaten Pati" },
	{ "Pemerintah Kabupaten Kendal", "regency", "Jawa Tengah",
	    "Kabupaten Kendal" },
	{ "Pemerintah Kabupaten Banyumas", "regency", "Jawa Tengah",
	    "Kabupaten Banyumas" },
	{ "Pemerintah Kota Semarang", "city", "Jawa Tengah", "Kota Semarang" },
	{ "Pemerintah Kota Salatiga", "city", "Jawa Tengah", "Kota Salatiga" },
	{ "Pemerintah Kota Surakarta", "city", "Jawa Tengah",
	    "Kota Surakarta" },
	{ "Pemerintah Provinsi Jawa Tengah", "province", "Jawa Tengah",
	    "Provinsi Jawa Tengah" },
	{ "Pemerintah Kabupaten Sleman", "regency", "DI Yogyakarta",
	    "Kabupaten Sleman" },
	{ "Pemerintah Kota Surabaya", "city", "Jawa Timur", "Kota Surabaya" },
	{ "Pemerintah Kabupaten Bandung", "regency", "Jawa Barat",
	    "Kabupaten Bandung" },
	{ "Kementerian Kesehatan", "central", "DKI Jakarta",
	    "Kementerian Kesehatan" },
};
/* Demak 30%, other Jawa Tengah 55%, elsewhere 15%. */
static const int agency_w[NELEM(agencies)] = {
	30, 7, 6, 6, 6, 5, 5, 4, 5, 3, 3, 5, 4, 4, 3, 4,
};

struct field {
	const char	*name;		/* posts[].fields value */
	const char	*office;	/* unit of the field's head */
	const char	*division[3];	/* Bidang, echelon III.b */
	const char	*section[3];	/* Seksi, echelon IV */
	const char	*jf[2];		/* functional post names */
	const char	*major[3];	/* education majors */
	const char	*degree[2];	/* S1, S2 */
};

static const struct field fields[] = {
	{ "kesehatan", "Dinas Kesehatan",
	    { "Pelayanan Kesehatan", "Kesehatan Masyarakat",
	    "Pencegahan dan Pengendalian Penyakit" },
	    { "Pelayanan Kesehatan Primer", "Kesehatan Keluarga dan Gizi",
	    "Surveilans dan Imunisasi" },
	    { "Administrator Kesehatan", "Epidemiolog Kesehatan" },
	    { "Kesehatan Masyarakat", "Pendidikan Dokter",
	    "Administrasi Rumah Sakit" }, { "S.KM.", "M.Kes." } },
	{ "keuangan", "Badan Pengelolaan Keuangan dan Aset Daerah",
	    { "Anggaran", "Perbendaharaan", "Akuntansi dan Pelaporan" },
	    { "Penyusunan Anggaran", "Belanja Langsung",
	    "Verifikasi dan Pelaporan" },
	    { "Analis Keuangan Pusat dan Daerah", "Auditor" },
	    { "Akuntansi", "Manajemen Keuangan", "Ekonomi Pembangunan" },
	    { "S.E.", "M.Si." } },
	{ "pendidikan", "Dinas Pendidikan dan Kebudayaan",
	    { "Pembinaan Sekolah Dasar", "Pembinaan Sekolah Menengah Pertama",
	    "Guru dan Tenaga Kependidikan" },
	    { "Kurikulum dan Penilaian", "Peserta Didik",
	    "Sarana dan Prasarana" },
	    { "Pengawas Sekolah", "Pengembang Teknologi Pembelajaran" },
	    { "Pendidikan Matematika", "Manajemen Pendidikan",
	    "Pendidikan Bahasa Indonesia" }, { "S.Pd.", "M.Pd." } },
	{ "pekerjaan_umum", "Dinas Pekerjaan Umum dan Penataan Ruang",
	    { "Bina Marga", "Sumber Daya Air", "Penataan Ruang" },
	    { "Pembangunan Jalan dan Jembatan", "Irigasi",
	    "Pemanfaatan Ruang" },
	    { "Teknik Jalan dan Jembatan", "Penata Ruang" },
	    { "Teknik Sipil", "Perencanaan Wilayah dan Kota",
	    "Teknik Lingkungan" }, { "S.T.", "M.T." } },
	{ "pertanian", "Dinas Pertanian dan Pangan",
	    { "Tanaman Pangan", "Hortikultura", "Ketahanan Pangan" },
	    { "Produksi Tanaman", "Perlindungan Tanaman",
	    "Distribusi Pangan" },
	    { "Penyuluh Pertanian", "Pengawas Mutu Hasil Pertanian" },
	    { "Agronomi", "Agribisnis", "Ilmu Tanah" }, { "S.P.", "M.P." } },
	{ "pemerintahan", "Sekretariat Daerah",
	    { "Tata Pemerintahan", "Hukum", "Organisasi" },
	    { "Otonomi Daerah", "Perundang-undangan",
	    "Kelembagaan dan Analisis Jabatan" },
	    { "Analis Kebijakan", "Perancang Peraturan Perundang-undangan" },
	    { "Ilmu Pemerintahan", "Administrasi Negara", "Ilmu Hukum" },
	    { "S.IP.", "M.Si." } },
	{ "kepegawaian", "Badan Kepegawaian dan Pengembangan SDM",
	    { "Mutasi dan Promosi", "Pengembangan Kompetensi",
	    "Informasi dan Kinerja" },
	    { "Mutasi", "Diklat Struktural", "Data dan Informasi" },
	    { "Analis Sumber Daya Manusia Aparatur", "Widyaiswara" },
	    { "Manajemen Sumber Daya Manusia", "Psikologi",
	    "Administrasi Negara" }, { "S.Sos.", "M.M." } },
	{ "perencanaan", "Badan Perencanaan Pembangunan Daerah",
	    { "Perencanaan Ekonomi", "Perencanaan Sosial Budaya",
	    "Perencanaan Infrastruktur" },
	    { "Perencanaan Ekonomi Makro", "Perencanaan Kesehatan",
	    "Perencanaan Prasarana Wilayah" },
	    { "Perencana", "Statistisi" },
	    { "Ekonomi Pembangunan", "Perencanaan Wilayah dan Kota",
	    "Statistika" }, { "S.E.", "M.Ec.Dev." } },
};
/* The vacancy is in kesehatan: its staff apply more often. */
static const int field_w[NELEM(fields)] = { 60, 6, 6, 5, 5, 6, 6, 6 };

static const char *const male[] = {
	"Budi", "Agus", "Slamet", "Joko", "Heru", "Bambang", "Eko", "Teguh",
	"Wahyu", "Sugeng", "Hendra", "Rudi", "Arif", "Muhammad", "Ahmad",
	"Yusuf", "Imam", "Bagus", "Hadi", "Ma'ruf", "Sutrisno", "Didik",
};
static const char *const female[] = {
	"Siti", "Sri", "Dewi", "Endang", "Rina", "Wahyuni", "Ani", "Nurul",
	"Retno", "Ratna", "Fitri", "Yuli", "Kartika", "Indah", "Eni", "Puji",
	"Rahayu", "Tri", "Anik", "Lilik",
};
static const char *const middle[] = {
	"Dwi", "Tri", "Nur", "Sri", "Adi", "Eka", "Hari", "Puspita",
};
static const char *const family[] = {
	"Santoso", "Wibowo", "Setiawan", "Prasetyo", "Nugroho", "Susanto",
	"Hidayat", "Kurniawan", "Purnomo", "Saputra", "Rahmawati",
	"Handayani", "Wulandari", "Lestari", "Astuti", "Suryani", "Pratiwi",
	"Hartono", "Gunawan", "Widodo", "Sutanto", "Mulyani", "Haryanto",
};

static const char *const grades[] = { "III/c", "III/d", "IV/a", "IV/b",
	"IV/c" };
static const int grade_w[] = { 8, 22, 35, 25, 10 };

/* Structural ladder, lowest first; the vacancy is II.b. */
static const char *const echelons[] = { "IV.b", "IV.a", "III.b", "III.a",
	"II.b" };
static const int top_ech_w[] = { 3, 12, 30, 45, 10 };
static const char *const jf_levels[] = { "ahli_pertama", "ahli_muda",
	"ahli_madya", "ahli_utama" };
static const char *const jf_names[] = { "Ahli Pertama", "Ahli Muda",
	"Ahli Madya", "Ahli Utama" };
static const int top_jf_w[] = { 0, 40, 50, 10 };

static const char *const executor_titles[] = {
	"Pengadministrasi Umum", "Pengelola Data", "Bendahara Pengeluaran",
	"Analis Perencanaan", "Pengelola Kepegawaian", "Verifikator Keuangan",
};
static const char *const certs[] = {
	"Sertifikat Pengadaan Barang/Jasa Tingkat Dasar",
	"Manajemen Risiko Sektor Publik", "TOEFL ITP 510",
	"Sertifikat Kompetensi Manajerial", "Auditor Ahli",
};
static const char *const new_ratings[] = { "sangat_baik", "baik",
	"butuh_perbaikan", "kurang" };
static const int new_rating_w[] = { 30, 64, 5, 1 };
static const char *const old_ratings[] = { "amat_baik", "baik", "cukup",
	"sedang" };
static const int old_rating_w[] = { 20, 74, 5, 1 };

/* ---- one candidate ----------------------------------------------------- */

struct cand {
	struct rng	 r;
	int		 birth;		/* day_num */
	int		 tmt;		/* TMT CPNS (day_num), 1st of month */
	bool		 female;
	const struct agency *ag;
	const struct field *fd;
	int		 top_edu;	/* 0 D3, 1 D4, 2 S1, 3 S2, 4 S3 */
	bool		 functional;	/* career track */
	int		 top;		/* top rung of echelons or jf_levels */
	int		 max_ech;	/* top structural rung held, or -1 */
};

static void
put_nip(struct out *o, struct cand *c)
{
	int by, bm, bd, ty, tm, td;

	day_ymd(c->birth, &by, &bm, &bd);
	day_ymd(c->tmt, &ty, &tm, &td);
	out_printf(o, "{\"nip\":\"%04d%02d%02d%04d%02d%d%03d\"", by, bm, bd,
	    ty, tm, c->female ? 2 : 1, rng_range(&c->r, 1, 999));
}

static void
put_name(struct out *o, struct cand *c)
{
	const char *given = c->female ? PICK(&c->r, female) :
	    PICK(&c->r, male);

	out_puts(o, ",\"name\":\"");
	if (c->top_edu == 4)
		out_puts(o, "Dr. ");
	else if (c->fd == &fields[0] && rng_pct(&c->r, 30))
		out_puts(o, "dr. ");
	out_puts(o, given);
	if (rng_pct(&c->r, 40))
		out_printf(o, " %s", PICK(&c->r, middle));
	out_printf(o, " %s", PICK(&c->r, family));
	if (c->top_edu >= 2)
		out_printf(o, ", %s", c->fd->degree[c->top_edu >= 3]);
	out_puts(o, "\"");
}

static void
put_identity(struct out *o, struct cand *c)
{
	static const char *const emp[] = { "pns", "pppk", "cpns" };
	static const int emp_w[] = { 97, 2, 1 };
	int y, m, d;

	put_nip(o, c);
	put_name(o, c);
	day_ymd(c->birth, &y, &m, &d);
	out_printf(o, ",\"birth_date\":\"%04d-%02d-%02d\"", y, m, d);
	out_printf(o, ",\"employment\":\"%s\"", emp[rng_pick(&c->r, emp_w,
	    (int)NELEM(emp_w))]);
	out_printf(o, ",\"agency\":{\"name\":\"%s\",\"kind\":\"%s\","
	    "\"province\":\"%s\"}", c->ag->name, c->ag->kind, c->ag->province);
	out_printf(o, ",\"grade\":\"%s\"", grades[rng_pick(&c->r, grade_w,
	    (int)NELEM(grade_w))]);
}

/*
 * 1-3 entries, lowest first, ending at the highest level: a school
 * certificate or a diploma may come before the first degree.
 */
static void
put_education(struct out *o, struct cand *c)
{
	static const char *const lv[] = { "D3", "D4", "S1", "S2", "S3" };
	const char *chain[5];
	int len = 0, n;

	chain[len++] = "SMA";
	if (c->top_edu >= 2 && rng_pct(&c->r, 20))
		chain[len++] = "D3";
	if (c->top_edu < 2)
		chain[len++] = lv[c->top_edu];
	for (int i = 2; i <= c->top_edu; i++)
		chain[len++] = lv[i];
	n = rng_range(&c->r, 1, c->top_edu >= 3 ? 3 : 2);
	out_puts(o, ",\"education\":[");
	for (int i = len - n; i < len; i++) {
		const char *major = strcmp(chain[i], "SMA") == 0 ?
		    (rng_pct(&c->r, 60) ? "IPA" : "IPS") :
		    PICK(&c->r, c->fd->major);

		out_printf(o, "%s{\"level\":\"%s\",\"major\":\"%s\"}",
		    i == len - n ? "" : ",", chain[i], major);
	}
	out_puts(o, "]");
}

static void
put_certificates(struct out *o, struct cand *c)
{
	int n = rng_range(&c->r, 0, 2), first = rng_below(&c->r, 5);

	out_puts(o, ",\"certificates\":[");
	for (int i = 0; i < n; i++)
		out_printf(o, "%s\"%s\"", i ? "," : "",
		    certs[(first + i) % (int)NELEM(certs)]);
	if (rng_pct(&c->r, 2))
		out_printf(o, "%s\"kepamongprajaan\"", n ? "," : "");
	out_puts(o, "]");
}

/* The title and rank fields of post k of n; k == 0 is the first job. */
static void
put_post_rank(struct out *o, struct cand *c, const struct field *fd, int k,
    int n, bool acting)
{
	int rung = c->top - (n - 1 - k);

	if (k == 0) {
		out_printf(o, "\"title\":\"%s\",\"kind\":\"executor\"",
		    PICK(&c->r, executor_titles));
	} else if (c->functional) {
		rung = rung < 0 ? 0 : rung;
		out_printf(o, "\"title\":\"%s %s\",\"kind\":\"functional\","
		    "\"jf_level\":\"%s\"", PICK(&c->r, fd->jf), jf_names[rung],
		    jf_levels[rung]);
	} else {
		rung = rung < 0 ? 0 : rung;
		if (rung > c->max_ech && !acting)
			c->max_ech = rung;
		out_printf(o, "\"title\":\"%s", acting ? "Plt. " : "");
		if (rung <= 1)
			out_printf(o, "Kepala Seksi %s",
			    PICK(&c->r, fd->section));
		else if (rung == 2)
			out_printf(o, "Kepala Bidang %s",
			    PICK(&c->r, fd->division));
		else
			out_printf(o, "%s %s", rung == 3 ? "Sekretaris" :
			    "Kepala", fd->office);
		out_printf(o, "\",\"kind\":\"structural\",\"echelon\":\"%s\"",
		    echelons[rung]);
	}
}

static void
put_post(struct out *o, struct cand *c, int k, int n, int start, int end)
{
	const struct field *fd = c->fd;
	bool acting = !c->functional && k > 0 && rng_pct(&c->r, 6);

	if (k > 0 && rng_pct(&c->r, 15))
		fd = &PICK(&c->r, fields);
	out_puts(o, k ? ",{" : "{");
	put_post_rank(o, c, fd, k, n, acting);
	out_printf(o, ",\"unit\":\"%s %s\",\"fields\":[\"%s\"", fd->office,
	    c->ag->region, fd->name);
	if (rng_pct(&c->r, 10)) {
		const struct field *also = &PICK(&c->r, fields);

		if (also != fd)
			out_printf(o, ",\"%s\"", also->name);
	}
	out_puts(o, "],\"start\":");
	out_date(o, start);
	out_puts(o, ",\"end\":");
	if (end < 0)
		out_puts(o, "null");
	else
		out_date(o, end);
	if (acting)
		out_puts(o, ",\"acting\":true");
	out_puts(o, "}");
}

/* 3-8 consecutive posts from the first job to now, the last one open. */
static void
put_posts(struct out *o, struct cand *c)
{
	int n = rng_range(&c->r, 3, 8), w[8], wsum = 0;
	int start = c->tmt + rng_range(&c->r, 0, 365);
	int span = CAREER_END - start, at = start;

	for (int k = 0; k < n; k++) {
		w[k] = rng_range(&c->r, 40, 100);
		wsum += w[k];
	}
	out_puts(o, ",\"posts\":[");
	for (int k = 0; k < n; k++) {
		int len = (int)((int64_t)span * w[k] / wsum);

		put_post(o, c, k, n, at, k == n - 1 ? -1 : at + len);
		at += len;
	}
	out_puts(o, "]");
}

static void
put_training(struct out *o, struct cand *c)
{
	static const char *const old[] = { "pim_iv", "pim_iii", "pim_ii" };
	static const char *const newer[] = { "pkp", "pka", "pkn_ii" };
	int upto = c->max_ech < 0 ? -1 : c->max_ech <= 1 ? 0 :
	    c->max_ech <= 3 ? 1 : 2;

	out_puts(o, ",\"training\":[");
	for (int i = 0; i <= upto; i++) {
		/* a course may be missing from the record */
		bool modern = rng_pct(&c->r, 25);

		if (i == upto && rng_pct(&c->r, 12))
			break;
		out_printf(o, "%s\"%s\"", i ? "," : "",
		    modern ? newer[i] : old[i]);
	}
	out_puts(o, "]");
}

static void
put_penalty(struct out *o, struct cand *c, bool first)
{
	static const char *const lv[] = { "light", "moderate", "heavy" };
	static const int lv_w[] = { 60, 30, 10 };
	int decided = rng_range(&c->r, c->tmt + 400, CAREER_END);

	out_puts(o, first ? "{" : ",{");
	if (rng_pct(&c->r, 3)) {
		out_puts(o, "\"kind\":\"criminal\",\"decided\":");
		out_date(o, decided);
	} else {
		out_printf(o, "\"kind\":\"discipline\",\"level\":\"%s\"",
		    lv[rng_pick(&c->r, lv_w, (int)NELEM(lv_w))]);
		if (!rng_pct(&c->r, 5)) {
			out_puts(o, ",\"decided\":");
			out_date(o, decided);
		}
	}
	out_puts(o, "}");
}

static void
put_conduct(struct out *o, struct cand *c)
{
	static const int npen_w[] = { 82, 14, 4 };
	int npen = rng_pick(&c->r, npen_w, (int)NELEM(npen_w));
	int r = rng_below(&c->r, 100);

	out_puts(o, ",\"penalties\":[");
	for (int i = 0; i < npen; i++)
		put_penalty(o, c, i == 0);
	out_puts(o, "]");
	if (r < 97)
		out_puts(o, ",\"under_examination\":false");
	else if (r < 98)
		out_puts(o, ",\"under_examination\":true");
}

/* The last 3 or 4 years; SKP ratings from 2021, DP-3 words before. */
static void
put_performance(struct out *o, struct cand *c)
{
	int from = rng_pct(&c->r, 40) ? 2019 : 2020;

	if (rng_pct(&c->r, 2))
		return;
	out_puts(o, ",\"performance\":[");
	for (int y = from; y <= 2022; y++) {
		const char *rating = y >= 2021 ?
		    new_ratings[rng_pick(&c->r, new_rating_w, 4)] :
		    old_ratings[rng_pick(&c->r, old_rating_w, 4)];

		out_printf(o, "%s{\"year\":%d,\"rating\":\"%s\"}",
		    y == from ? "" : ",", y, rating);
	}
	out_puts(o, "]");
}

static void
put_tail(struct out *o, struct cand *c)
{
	bool home = c->ag == &agencies[0];	/* Demak: its PyB recommends */
	int r = rng_below(&c->r, 100);

	if (!rng_pct(&c->r, 5)) {
		out_printf(o, ",\"recommendation\":{\"by\":\"%s\"",
		    home == rng_pct(&c->r, 92) ? "pyb" : "ppk");
		if (r < 90)
			out_puts(o, ",\"ppk_approved\":true");
		else if (r < 95)
			out_puts(o, ",\"ppk_approved\":false");
		out_puts(o, "}");
	}
	out_printf(o, ",\"invited\":%s}\n", rng_pct(&c->r, 5) ? "true" :
	    "false");
}

static void
cand_init(struct cand *c, uint64_t seed, int64_t i)
{
	static const int edu_w[] = { 3, 3, 35, 55, 4 };
	int by = 0, bm = 0, bd = 0;

	memset(c, 0, sizeof(*c));
	c->r.s = seed ^ ((uint64_t)i * UINT64_C(0xd1b54a32d192ed03));
	(void)rng_next(&c->r);
	c->birth = rng_range(&c->r, day_num(1964, 1, 1), day_num(1984, 12,
	    31));
	day_ymd(c->birth, &by, &bm, &bd);
	c->tmt = day_num(by + rng_range(&c->r, 23, 29),
	    rng_range(&c->r, 1, 12), 1);
	if (c->tmt > day_num(2012, 12, 1))
		c->tmt = day_num(2012, 12, 1);
	c->female = rng_pct(&c->r, 45);
	c->ag = &agencies[rng_pick(&c->r, agency_w, (int)NELEM(agency_w))];
	c->fd = &fields[rng_pick(&c->r, field_w, (int)NELEM(field_w))];
	c->top_edu = rng_pick(&c->r, edu_w, (int)NELEM(edu_w));
	c->functional = rng_pct(&c->r, 30);
	c->top = c->functional ? rng_pick(&c->r, top_jf_w, 4) :
	    rng_pick(&c->r, top_ech_w, (int)NELEM(top_ech_w));
	c->max_ech = -1;
}

static void
cand_write(struct out *o, uint64_t seed, int64_t i)
{
	struct cand c;

	cand_init(&c, seed, i);
	o->len = 0;
	put_identity(o, &c);
	put_education(o, &c);
	put_certificates(o, &c);
	put_posts(o, &c);
	put_training(o, &c);
	put_conduct(o, &c);
	put_performance(o, &c);
	put_tail(o, &c);
}

/* ---- main -------------------------------------------------------------- */

static int
usage(void)
{
	fputs("usage: gen_candidates N SEED > FILE.jsonl\n", stderr);
	return 2;
}

static bool
parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	uintmax_t v;

	if (s[0] < '0' || s[0] > '9')
		return false;
	errno = 0;
	v = strtoumax(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return false;
	*out = (uint64_t)v;
	return true;
}

int
main(int argc, char **argv)
{
	static char obuf[1 << 20];
	static struct out o;
	uint64_t n, seed;

	if (argc != 3 || !parse_u64(argv[1], (uint64_t)MAX_N, &n) ||
	    !parse_u64(argv[2], UINT64_MAX, &seed))
		return usage();
	if (setvbuf(stdout, obuf, _IOFBF, sizeof(obuf)) != 0)
		return 1;
	for (uint64_t i = 0; i < n; i++) {
		cand_write(&o, seed, (int64_t)i);
		if (o.err) {
			fprintf(stderr, "gen_candidates: record %" PRIu64
			    " exceeds %d bytes\n", i, REC_MAX);
			return 1;
		}
		if (fwrite(o.p, 1, o.len, stdout) != o.len)
			break;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen_candidates: stdout");
		return 1;
	}
	return 0;
}
