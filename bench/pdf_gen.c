/*
 * pdf_gen: bench/pdf's renders and trail (bench/README.md "bench/pdf").
 *
 * usage: pdf_gen docs DB OUTDIR ROUNDS [PROFILES_DIR]
 *   makes the demo with its past selection (3) in DB through the
 *   application (as `selter serve --demo`), then renders, ROUNDS times
 *   each, one core: the announcement of selection 3 (app_pub_pdf, as
 *   GET /seleksi/3/pengumuman.pdf does) and a 500-candidate ranking
 *   (the demo's ranking as sent, its first table's body rows repeated to
 *   500 rows, rendered RAHASIA as GET /kelola/3/peringkat/rahasia.pdf
 *   does); writes OUTDIR/ann.pdf and OUTDIR/rank500.pdf and one line a
 *   document: "NAME ROUNDS BEST_MS MEDIAN_MS BYTES CPU_BEST_MS
 *   CPU_MEDIAN_MS" (wall time, then the process's CPU time).
 *
 * usage: pdf_gen trail N OUT.bundle KEY
 *   writes a bundle of `selter audit export` holding N synthetic events
 *   (~340 bytes each, as tools/log-perf.c's) chained, one checkpoint of
 *   all of them signed with a fresh key (KEY.pub its public key).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/app.h"
#include "app/docpdf.h"
#include "app/result.h"
#include "base/arena.h"
#include "base/buf.h"
#include "core/merkle.h"
#include "core/note.h"
#include "pdf/pdf.h"
#include "store/store.h"
#include "store/store_result.h"
#include "web/web.h"
#include "base/banned.h"

#define NRANK	500

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double
cpu_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
save(const char *dir, const char *name, struct str pdf)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(pdf.p, 1, pdf.len, f) != pdf.len || fclose(f) != 0) {
		fprintf(stderr, "pdf_gen: %s: cannot be written\n", path);
		exit(2);
	}
}

/* html with its first <tbody>'s rows repeated to n rows. */
static struct str
widen(struct arena *ar, struct str html, int n)
{
	const char *tb = NULL, *te = NULL;
	struct buf b;
	struct str rows, out;
	int have = 0;

	for (size_t i = 0; i + 8 < html.len && tb == NULL; i++)
		if (memcmp(html.p + i, "<tbody>", 7) == 0)
			tb = html.p + i + 7;
	for (const char *p = tb; p != NULL && p + 8 <= html.p + html.len &&
	    te == NULL; p++)
		if (memcmp(p, "</tbody>", 8) == 0)
			te = p;
	if (tb == NULL || te == NULL)
		return html;
	rows = (struct str){ tb, (size_t)(te - tb) };
	for (size_t i = 0; i + 4 <= rows.len; i++)
		have += memcmp(rows.p + i, "<tr", 3) == 0;
	buf_init(&b, 64 << 20);
	buf_put(&b, html.p, (size_t)(tb - html.p));
	for (int k = 0; have > 0 && k < n; k += have)
		buf_put(&b, rows.p, rows.len);
	buf_put(&b, te, (size_t)(html.p + html.len - te));
	out = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return out;
}

typedef enum sel_err (*render_fn)(struct app *, struct arena *, void *,
    struct str *);

struct ann { struct sel_view v; struct s_publication p; };
struct rank { struct app_doc d; };

static enum sel_err
r_ann(struct app *a, struct arena *ar, void *arg, struct str *pdf)
{
	struct ann *x = arg;

	return app_pub_pdf(a, ar, &x->v, &x->p, pdf);
}

static enum sel_err
r_rank(struct app *a, struct arena *ar, void *arg, struct str *pdf)
{
	struct rank *x = arg;

	(void)a;
	return web_render_pdf(ar, &x->d, pdf);
}

static void
timed(struct app *a, const char *name, int rounds, render_fn fn, void *arg,
    const char *dir)
{
	double *t = calloc((size_t)rounds, sizeof *t);
	double *c = calloc((size_t)rounds, sizeof *c);
	struct str pdf = STR("");
	size_t bytes = 0;

	for (int i = 0; i < rounds; i++) {
		struct arena *ar = arena_new(1 << 20);
		double t0 = now_ms(), c0 = cpu_ms();

		if (fn(a, ar, arg, &pdf) != SEL_OK) {
			fprintf(stderr, "pdf_gen: %s: not rendered\n", name);
			exit(1);
		}
		t[i] = now_ms() - t0;
		c[i] = cpu_ms() - c0;
		bytes = pdf.len;
		if (i == rounds - 1)
			save(dir, arena_printf(ar, "%s.pdf", name).p, pdf);
		arena_destroy(ar);
	}
	qsort(t, (size_t)rounds, sizeof *t, cmp_d);
	qsort(c, (size_t)rounds, sizeof *c, cmp_d);
	printf("%s %d %.2f %.2f %zu %.2f %.2f\n", name, rounds, t[0],
	    t[rounds / 2], bytes, c[0], c[rounds / 2]);
	free(t);
	free(c);
}

/* The ranking of selection 3 as sent, read from the store. */
static bool
ranking_sent(const char *db, struct arena *ar, struct s_ranking_sent *rs)
{
	struct store *st;
	struct stx *tx;
	char err[512];
	bool ok = false;

	if (store_open(db, 1, &st, err, sizeof err) != SEL_OK)
		return false;
	if (store_begin(st, false, &tx) == SEL_OK) {
		ok = store_ranking_sent_get(tx, ar, 3, rs) == SEL_OK;
		store_abort(st, tx);
	}
	store_close(st);
	return ok;
}

static int
docs(int argc, char **argv)
{
	struct app_config cf;
	struct app *a;
	struct arena *ar = arena_new(1 << 20);
	struct ann *an = arena_alloc(ar, sizeof *an);
	struct rank *rk = arena_alloc(ar, sizeof *rk);
	struct s_publication *pubs;
	struct s_ranking_sent *rs = arena_alloc(ar, sizeof *rs);
	char err[1024];
	size_t n = 0;
	int rounds = (int)strtol(argv[4], NULL, 10);
	bool found = false;

	memset(&cf, 0, sizeof cf);
	cf.db_path = argv[2];
	cf.db_conns = 2;
	cf.demo = true;
	cf.demo_history = true;
	cf.now = "2026-11-23T03:00:00Z";
	cf.argon_ops = 1;
	cf.argon_mem_kib = 8;
	cf.base_url = "https://seleksi.demakkab.go.id";
	cf.render = web_render_doc;
	cf.pdf = web_render_pdf;
	cf.profiles_dir = argc > 5 ? argv[5] : NULL;
	cf.signing_key = "";
	pdf_init();
	if (app_open(&cf, &a, err, sizeof err) != SEL_OK) {
		fprintf(stderr, "pdf_gen: %s\n", err);
		return 2;
	}
	if (app_sel_view(a, ar, 3, &an->v) != SEL_OK ||
	    app_publications(a, ar, 3, &pubs, &n) != SEL_OK) {
		fprintf(stderr, "pdf_gen: the demo has no selection 3\n");
		return 2;
	}
	for (size_t i = 0; i < n; i++)
		if (pubs[i].kind == PUB_ANNOUNCEMENT) {
			an->p = pubs[i];
			found = true;
		}
	if (!found || !ranking_sent(argv[2], ar, rs)) {
		fprintf(stderr, "pdf_gen: no announcement or ranking sent\n");
		return 2;
	}
	rs->body = widen(ar, rs->body, NRANK);
	memset(&rk->d, 0, sizeof rk->d);
	rk->d.kind = DOC_RANKING;
	rk->d.sel = &an->v;
	rk->d.ranking = rs;
	rk->d.secret_to = STR("Bupati Demak (ppk)");
	rk->d.code = STR("abcde-fghjk");
	rk->d.verify_url = STR("https://seleksi.demakkab.go.id/verifikasi/"
	    "abcde-fghjk");
	rk->d.zone = STR("WIB");
	timed(a, "ann", rounds, r_ann, an, argv[3]);
	timed(a, "rank500", rounds, r_rank, rk, argv[3]);
	app_close(a);
	pdf_shutdown();
	arena_destroy(ar);
	return 0;
}

/* An event's bytes (store_event_bytes' layout), as tools/log-perf.c. */
static size_t
event(unsigned char *b, int64_t id, const unsigned char prev[32])
{
	char f[9][200];
	size_t n;

	snprintf(f[0], sizeof f[0], "%" PRId64, id);
	snprintf(f[1], sizeof f[1], "2026-11-23T03:00:00Z");
	snprintf(f[2], sizeof f[2], "3");
	snprintf(f[3], sizeof f[3], "Dr. Siti Aminah, M.Si. (ketua)");
	snprintf(f[4], sizeof f[4], "1");
	snprintf(f[5], sizeof f[5], "application_check");
	snprintf(f[6], sizeof f[6], "{\"state\":\"submitted\"}");
	snprintf(f[7], sizeof f[7], "{\"state\":\"complete\",\"note\":\"%"
	    PRId64 "\"}", id * 7);
	snprintf(f[8], sizeof f[8], "[{\"id\":\"ADM-COMPLETE\",\"citation\":"
	    "\"Perbup Demak 47/2022 Pasal 12\"}]");
	memcpy(b, "selter-event-v1", 16);
	memcpy(b + 16, prev, 32);
	n = 48;
	for (int i = 0; i < 9; i++) {
		uint64_t len = strlen(f[i]);

		for (int k = 7; k >= 0; k--)
			b[n++] = (unsigned char)(len >> (8 * k));
		memcpy(b + n, f[i], len);
		n += len;
	}
	return n;
}

static void
b64(FILE *f, const void *p, size_t n)
{
	char enc[2048];

	sodium_bin2base64(enc, sizeof enc, p, n,
	    sodium_base64_VARIANT_ORIGINAL);
	fputs(enc, f);
}

static int
trail(char **argv)
{
	int64_t n = strtoll(argv[2], NULL, 10);
	unsigned char ev[512], prev[32] = { 0 }, h[32], seed[32];
	struct merkle_acc acc;
	struct note_key k;
	struct buf b;
	mhash leaf, root;
	char hex[65], path[1024];
	FILE *f = fopen(argv[3], "w"), *kf;
	struct str text;

	if (f == NULL || sodium_init() < 0)
		return 2;
	randombytes_buf(seed, sizeof seed);
	if (!note_key_from_seed(&k, STR("bench.selter.local/log"),
	    NOTE_ED25519, seed))
		return 2;
	fputs("selter-log-bundle 1\n", f);
	merkle_acc_init(&acc);
	for (int64_t i = 1; i <= n; i++) {
		size_t len = event(ev, i, prev);

		crypto_hash_sha256(h, ev, len);
		sodium_bin2hex(hex, sizeof hex, h, 32);
		fprintf(f, "event %" PRId64 " %s ", i, hex);
		b64(f, ev, len);
		fputc('\n', f);
		merkle_acc_leaf(&acc, ev, len, leaf);
		merkle_acc_add(&acc, leaf);
		memcpy(prev, h, 32);
	}
	merkle_acc_root(&acc, root);
	merkle_acc_free(&acc);
	buf_init(&b, 1 << 16);
	ckpt_text(&b, STR("bench.selter.local/log"), (uint64_t)n, root,
	    STR("2026-11-23T03:00:00Z"));
	text = (struct str){ strndup(b.p, b.len), b.len };
	buf_puts(&b, "\n");
	note_sign(&k, text, &b);
	fputs("checkpoint ", f);
	b64(f, b.p, b.len);
	fputc('\n', f);
	buf_release(&b);
	free((void *)text.p);
	if (fclose(f) != 0)
		return 2;
	buf_init(&b, 1 << 12);
	note_vkey_text(&k, &b);
	snprintf(path, sizeof path, "%s.pub", argv[4]);
	if ((kf = fopen(path, "w")) == NULL)
		return 2;
	fwrite(b.p, 1, b.len, kf);
	fputc('\n', kf);
	fclose(kf);
	buf_release(&b);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 5 && strcmp(argv[1], "docs") == 0)
		return docs(argc, argv);
	if (argc == 5 && strcmp(argv[1], "trail") == 0)
		return trail(argv);
	fprintf(stderr, "usage: pdf_gen docs DB OUTDIR ROUNDS [PROFILES_DIR]\n"
	    "       pdf_gen trail N OUT.bundle KEY\n");
	return 2;
}
