/*
 * test_docs.c - applicants' documents on a real store: the type found by
 * content (never by name), the display name made safe, the date of a
 * "within N days" document at, before and after its bound, the checklist
 * from the profile per post (stamped items, other-region items), the
 * upload streamed with its SHA-256 and size limit, replacement keeping
 * the history, the closing date in the region's time zone, who may read
 * a document, and a selection's limits.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "t_app.h"
#include "store/store.h"
#include "base/banned.h"

#define NIP	"197407072000032005"
#define NIP2	"198001012005011001"
#define RECORD(agency, kind, prov) "{\"nip\": \"" NIP "\", \"name\": " \
	"\"Ratna Sari\", \"birth_date\": \"1974-07-07\", \"employment\": " \
	"\"pns\", \"agency\": {\"name\": \"" agency "\", \"kind\": \"" kind \
	"\", \"province\": \"" prov "\"}, \"grade\": \"IV/a\", " \
	"\"education\": [{\"level\": \"S2\", \"major\": \"Kesehatan\"}], " \
	"\"posts\": [{\"title\": \"Sekretaris Dinas\", \"kind\": " \
	"\"structural\", \"echelon\": \"III.a\", \"fields\": [\"kesehatan\"], " \
	"\"start\": \"2015-01-02\", \"end\": null}]}"
#define DEMAK	RECORD("Pemerintah Kabupaten Demak", "regency", "Jawa Tengah")
#define PONTI	RECORD("Pemerintah Kota Pontianak", "city", "Kalimantan Barat")

static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

/* ---- the fixture: the store's files removed with it ---- */

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static int
docs_teardown(void **state)
{
	struct fx *f = *state;

	nftw(f->app->files_dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return fx_teardown(state);
}

#define DOC_TEST(fn)	{ #fn, fn, fx_setup, docs_teardown, NULL }
#define DOC_RULE_TEST(id, fn) { id ": " #fn, fn, fx_setup, docs_teardown, \
	NULL }

static int nfiles, ntemp;

static int
count_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)ftw;
	if (flag == FTW_F) {
		nfiles++;
		ntemp += strstr(path, "/.upload-") != NULL;
	}
	return 0;
}

/* Files under the files directory (temporary ones in ntemp). */
static int
files(struct fx *f)
{
	nfiles = ntemp = 0;
	nftw(f->app->files_dir, count_one, 16, FTW_PHYS);
	return nfiles;
}

/* ---- applicants ---- */

/* Registers, confirms and logs in; record "" for none. */
static void
applicant(struct fx *f, const char *nip, const char *birth, const char *tmt,
    const char *record, struct who *w)
{
	const char *mail = t_cstr(f->ar, arena_printf(f->ar, "%s@example.org",
	    nip));
	struct reg_in in = { str_c(nip), STR("Ratna Sari, S.KM."),
	    str_c(birth), str_c(tmt), str_c(mail), STR("rahasia-ratna"),
	    STR("rahasia-ratna"), STR("") };
	struct app_msg m;
	struct str tok;
	int64_t id;

	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(app_confirm(f->app, f->ar, fx_mailed_token(f, mail),
	    &m), SEL_OK);
	assert_int_equal(app_login(f->app, f->ar, str_c(nip),
	    STR("rahasia-ratna"), STR("10.1.1.1"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, w), SEL_OK);
	if (record[0] != '\0')
		assert_int_equal(app_record_set(f->app, f->ar, w,
		    str_c(record), &m), SEL_OK);
}

static void
ratna(struct fx *f, struct who *w)
{
	applicant(f, NIP, "1974-07-07", "2000-03", DEMAK, w);
}

/* An upload in pieces of 1000 bytes, as the form parser gives them. */
struct up {
	const char	*item, *name, *dated;
	bool		 stamped;
	struct app_upload *u;
	struct app_msg	 m;
	int64_t		 id;
};

static enum sel_err
upload(struct fx *f, const struct who *w, struct up *x, const void *p,
    size_t n)
{
	enum sel_err rc;

	x->u = NULL;
	x->m.text[0] = '\0';
	rc = app_upload_begin(f->app, f->ar, w, str_c(x->item), &x->u, &x->m);
	for (size_t off = 0; rc == SEL_OK && off < n; off += 1000) {
		/* As h_docs.c: a full buffer is drained (here at once). */
		assert_false(app_upload_must_wait(x->u, 1000, false));
		rc = app_upload_write(x->u, (const char *)p + off, n - off <
		    1000 ? n - off : 1000, &x->m);
		if (app_upload_handed(x->u))
			assert_false(app_upload_drain(x->u));
	}
	if (rc == SEL_OK)
		rc = app_upload_commit(f->app, f->ar, w, x->u,
		    str_c(x->name ? x->name : "berkas.pdf"),
		    str_c(x->dated ? x->dated : ""), x->stamped, &x->id, &x->m);
	app_upload_abort(x->u);
	return rc;
}

/* The list's item id, or NULL. */
static const struct doc_item *
item_or_null(const struct doc_list *l, const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (str_eqc(l->items[i].id, id))
			return &l->items[i];
	return NULL;
}

/* The list's item id; the test fails when there is none. */
static const struct doc_item *
item(const struct doc_list *l, const char *id)
{
	const struct doc_item *it = item_or_null(l, id);

	if (it == NULL) {
		print_error("no document item %s\n", id);
		t_fail("the item is missing");
	}
	return it;
}

/*
 * A published selection in region rid with the one vacancy v, its window
 * 2026-11-20 to close, written to the store directly.
 */
static int64_t
published(struct fx *f, int64_t rid, const char *title, struct s_vacancy *v,
    const char *close)
{
	struct stx *tx;
	int64_t sel, vid;

	assert_int_equal(store_begin(f->app->st, true, &tx), SEL_OK);
	assert_int_equal(store_selection_add(tx, rid, str_c(title),
	    STR("2026-11-01T00:00:00Z"), &sel), SEL_OK);
	v->selection_id = sel;
	assert_int_equal(store_vacancy_add(tx, v, &vid), SEL_OK);
	assert_int_equal(store_selection_set(tx, sel, SF_STATE,
	    STR("published")), SEL_OK);
	assert_int_equal(store_selection_set(tx, sel, SF_PUBLISHED_AT,
	    STR("2026-11-19T02:00:00Z")), SEL_OK);
	assert_int_equal(store_selection_set(tx, sel, SF_ANN_OPEN,
	    STR("2026-11-20")), SEL_OK);
	assert_int_equal(store_selection_set(tx, sel, SF_ANN_CLOSE,
	    str_c(close)), SEL_OK);
	assert_int_equal(store_commit(f->app->st, tx), SEL_OK);
	return sel;
}

/* A published Pontianak selection with one JPT Pratama post. */
static int64_t
pontianak(struct fx *f, const char *close)
{
	struct s_region reg = { 0, STR("pontianak"), STR("Pemerintah Kota "
	    "Pontianak"), STR("pontianak-2015"), STR("BKN"), STR("") };
	struct s_vacancy v;
	struct stx *tx;
	int64_t rid;

	memset(&v, 0, sizeof v);
	v.title = STR("Kepala Dinas Kesehatan");
	v.agency = STR("Dinas Kesehatan");
	v.level = STR("jpt_pratama");
	v.echelon = STR("II.b");
	v.kind = STR("agency_head");
	v.field = STR("kesehatan");
	v.reason = STR("pensiun");
	assert_int_equal(store_begin(f->app->st, true, &tx), SEL_OK);
	assert_int_equal(store_region_add(tx, &reg, &rid), SEL_OK);
	assert_int_equal(store_commit(f->app->st, tx), SEL_OK);
	return published(f, rid, "Seleksi Terbuka Kota Pontianak", &v, close);
}

/* ---- pure ---- */

static void
sniff_by_content_only(void **state)
{
	static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10,
	    'J', 'F' };
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n' };
	static const unsigned char notjpeg[] = { 0xff, 0xd8, 0xfe, 0xe0 };
	const unsigned char *u = (const unsigned char *)"";

	(void)state;
	assert_int_equal(doc_sniff((const unsigned char *)pdf, 8), DOC_PDF);
	assert_int_equal(doc_sniff((const unsigned char *)"%PDF-", 5),
	    DOC_PDF);
	assert_int_equal(doc_sniff((const unsigned char *)"%PDF", 4),
	    DOC_NONE);
	assert_int_equal(doc_sniff((const unsigned char *)" %PDF-1.4", 9),
	    DOC_NONE);			/* magic only at the start */
	assert_int_equal(doc_sniff(jpeg, sizeof jpeg), DOC_JPEG);
	assert_int_equal(doc_sniff(jpeg, 3), DOC_JPEG);
	assert_int_equal(doc_sniff(jpeg, 2), DOC_NONE);
	assert_int_equal(doc_sniff(notjpeg, sizeof notjpeg), DOC_NONE);
	assert_int_equal(doc_sniff(png, 8), DOC_PNG);
	assert_int_equal(doc_sniff(png, 7), DOC_NONE);
	assert_int_equal(doc_sniff((const unsigned char *)"<?php echo 1;",
	    13), DOC_NONE);
	assert_int_equal(doc_sniff((const unsigned char *)"<html><script>",
	    14), DOC_NONE);
	assert_int_equal(doc_sniff((const unsigned char *)"PK\3\4zip", 7),
	    DOC_NONE);
	assert_int_equal(doc_sniff(u, 0), DOC_NONE);
	assert_string_equal(doc_mime(DOC_PDF), "application/pdf");
	assert_string_equal(doc_mime(DOC_JPEG), "image/jpeg");
	assert_string_equal(doc_mime(DOC_PNG), "image/png");
}

static void
safe_name_never_a_path(void **state)
{
	struct arena *ar = arena_new(4096);
	static const char *const cases[][3] = {
		{ "../../etc/passwd.pdf", "p", "passwd.pdf" },
		{ "C:\\Users\\ratna\\Pakta Integritas.PDF", "p",
		    "Pakta_Integritas.pdf" },
		{ "shell.php", "p", "shell.pdf" },
		{ "foto.png", "j", "foto.jpg" },
		{ "a\"b;c\r\nd.pdf", "p", "a_b_c_d.pdf" },
		{ "", "p", "dokumen.pdf" },
		{ "....pdf", "p", "dokumen.pdf" },
		{ ".htaccess", "n", "dokumen.png" },
		{ "laporan.v2.final.pdf", "p", "laporan.v2.final.pdf" },
		{ "ijazah-\xc3\xb1o.pdf", "p", "ijazah-_o.pdf" },
		{ "/", "p", "dokumen.pdf" },
	};
	char longname[300];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		enum doc_type t = cases[i][1][0] == 'p' ? DOC_PDF :
		    cases[i][1][0] == 'j' ? DOC_JPEG : DOC_PNG;
		struct str s = doc_safe_name(ar, str_c(cases[i][0]), t);

		assert_string_equal(t_cstr(ar, s), cases[i][2]);
	}
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_int_equal(doc_safe_name(ar, str_c(longname), DOC_PDF).len,
	    80 + 4);
	arena_destroy(ar);
}

/* Pontianak Pasal 8 (2) huruf i: a drug test "1 bulan terakhir" (30). */
static void
dated_within_days_at_the_bound(void **state)
{
	sel_date close = t_date("2026-12-12"), today = t_date("2026-11-23");

	(void)state;
	assert_false(doc_dated_ok(close - 31, close, 30, today));
	assert_true(doc_dated_ok(close - 30, close, 30, today));
	assert_true(doc_dated_ok(close - 29, close, 30, today));
	assert_true(doc_dated_ok(today, close, 30, today));
	assert_false(doc_dated_ok(today + 1, close, 30, today));
	/* On the closing day itself: dated that day is fine. */
	assert_true(doc_dated_ok(close, close, 30, close));
}

/* ---- the checklist and the upload ---- */

static void
checklist_from_profile(void **state)
{
	struct fx *f = *state;
	struct doc_list l;
	struct who w, staff;

	ratna(f, &w);
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	assert_int_equal(l.n, 3);		/* demak-2022 */
	assert_non_null(item(&l, "recommendation"));
	assert_non_null(item(&l, "integrity_pact"));
	assert_non_null(item(&l, "admin_file"));
	assert_int_equal(item(&l, "integrity_pact")->types, DOC_PDF);
	assert_int_equal(item(&l, "integrity_pact")->max_bytes, DOC_MAX_OTHER);
	assert_int_equal(item(&l, "integrity_pact")->close,
	    t_date("2026-12-12"));
	assert_null(item(&l, "integrity_pact")->cur);
	fx_as(f, "sekretariat", &staff);
	assert_int_equal(app_docs(f->app, f->ar, &staff, &l), SEL_EPERM);
}

static void
upload_hash_replace_and_history(void **state)
{
	struct fx *f = *state;
	struct up x = { .item = "integrity_pact", .name = "../../pakta.pdf" };
	unsigned char h[32];
	char hex[65], path[600];
	struct doc_list l;
	struct s_event *ev;
	struct stx *tx;
	struct stat st;
	struct who w;
	int64_t before, first;
	size_t n;

	ratna(f, &w);
	before = fx_events(f);
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
	first = x.id;
	crypto_hash_sha256(h, (const unsigned char *)pdf, sizeof pdf - 1);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	snprintf(path, sizeof path, "%s/%.2s/%s", f->app->files_dir, hex,
	    hex + 2);
	assert_int_equal(stat(path, &st), 0);	/* named by its SHA-256 */
	assert_int_equal(st.st_size, (off_t)(sizeof pdf - 1));
	assert_int_equal(files(f), 1);
	assert_int_equal(ntemp, 0);
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	assert_non_null(item(&l, "integrity_pact")->cur);
	assert_true(str_eqc(item(&l, "integrity_pact")->cur->sha256, hex));
	assert_true(str_eqc(item(&l, "integrity_pact")->cur->name,
	    "pakta.pdf"));
	/* Again with other content: replaced, the first one kept. */
	assert_int_equal(upload(f, &w, &x, "%PDF-1.7\nlain\n", 14), SEL_OK);
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	assert_int_equal(l.ndocs, 2);
	assert_true(l.docs[0].current && !l.docs[1].current);
	assert_int_equal(l.docs[0].replaces, first);
	assert_int_equal(files(f), 2);
	/* The same content once more: one file, a third row. */
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
	assert_int_equal(files(f), 2);
	assert_int_equal(fx_events(f), before + 3);
	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_events(tx, f->ar, 0, before, 10, &ev, &n),
	    SEL_OK);
	store_abort(f->app->st, tx);
	assert_int_equal(n, 3);
	assert_true(str_eqc(ev[0].action, "document_upload"));
	assert_true(str_eqc(ev[1].action, "document_replace"));
	assert_non_null(strstr(t_cstr(f->ar, ev[0].after), hex));
	assert_non_null(strstr(t_cstr(f->ar, ev[2].before),
	    "\"document\""));
}

/* A refused upload leaves no row, no event, no file, no temporary file. */
static void
refused(struct fx *f, const struct who *w, struct up *x, const void *p,
    size_t n, enum sel_err want, const char *msg)
{
	int64_t ev = fx_events(f);
	int nf = files(f);
	struct doc_list l;
	size_t ndocs;

	assert_int_equal(app_docs(f->app, f->ar, w, &l), SEL_OK);
	ndocs = l.ndocs;
	assert_int_equal(upload(f, w, x, p, n), want);
	if (msg != NULL && strstr(x->m.text, msg) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", x->m.text, msg);
	assert_int_equal(fx_events(f), ev);
	assert_int_equal(files(f), nf);
	assert_int_equal(ntemp, 0);
	assert_int_equal(app_docs(f->app, f->ar, w, &l), SEL_OK);
	assert_int_equal(l.ndocs, ndocs);
}

static void
type_by_content_and_size_limit(void **state)
{
	struct fx *f = *state;
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	struct up x = { .item = "integrity_pact", .name = "pakta.pdf" };
	char *big = arena_alloc(f->ar, DOC_MAX_OTHER + 1);
	struct who w;

	ratna(f, &w);
	refused(f, &w, &x, "<?php system($_GET['c']); ?>", 28, SEL_EINVAL,
	    "bukan PDF");
	assert_true(app_upload_bad_type(x.u));
	refused(f, &w, &x, "<html><script>alert(1)</script></html>", 38,
	    SEL_EINVAL, "bukan PDF");
	refused(f, &w, &x, png, sizeof png, SEL_EINVAL, "PNG, padahal");
	assert_true(app_upload_bad_type(x.u));
	refused(f, &w, &x, "%PDF", 4, SEL_EINVAL, "bukan PDF");
	refused(f, &w, &x, "", 0, SEL_EINVAL, "kosong");
	memcpy(big, "%PDF-1.4\n", 9);	/* then zeros: a bomb's shape */
	refused(f, &w, &x, big, DOC_MAX_OTHER + 1, SEL_ERANGE, "2048 KB");
	assert_false(app_upload_bad_type(x.u));
	assert_int_equal(upload(f, &w, &x, big, DOC_MAX_OTHER), SEL_OK);
	x.item = "no_such_item";
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "tidak ada");
	/* A polyglot starts as a PDF: kept, and served only as one. */
	x.item = "admin_file";
	assert_int_equal(upload(f, &w, &x, "%PDF-1.4\n<html><script>alert(1)"
	    "</script>", 38), SEL_OK);
}

/*
 * The demo selection closes on 2026-12-12 (WIB): 23:59:59 WIB that day
 * still takes a document, 00:00 WIB the next day does not.
 */
static void
ann_duration_upload_until_closing_day(void **state)
{
	struct fx *f = *state;
	struct up x = { .item = "integrity_pact" };
	struct doc_list l;
	struct who w;

	ratna(f, &w);
	/* Open until 00:00 WIB after the closing day: 17:00 UTC. */
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	assert_int_equal(item(&l, "integrity_pact")->until,
	    (int64_t)t_date("2026-12-12") * 86400 + 17 * 3600);
	f->app->fixed_now = (int64_t)t_date("2026-12-12") * 86400 + 17 * 3600;
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_ESTATE, "sudah lewat");
	f->app->fixed_now -= 1;
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
	f->app->fixed_now += 1;
	refused(f, &w, &x, "%PDF-1.5\n", 9, SEL_ESTATE, "sudah lewat");
}

/* A stream begun before the close and committed after it is refused. */
static void
closing_checked_again_at_commit(void **state)
{
	struct fx *f = *state;
	struct app_upload *u;
	struct app_msg m;
	struct who w;
	int64_t id, ev;

	ratna(f, &w);
	ev = fx_events(f);
	f->app->fixed_now = (int64_t)t_date("2026-12-12") * 86400 + 17 * 3600
	    - 1;
	assert_int_equal(app_upload_begin(f->app, f->ar, &w,
	    STR("integrity_pact"), &u, &m), SEL_OK);
	assert_int_equal(app_upload_write(u, pdf, sizeof pdf - 1, &m), SEL_OK);
	f->app->fixed_now += 1;
	assert_int_equal(app_upload_commit(f->app, f->ar, &w, u,
	    STR("a.pdf"), STR(""), false, &id, &m), SEL_ESTATE);
	app_upload_abort(u);
	assert_int_equal(fx_events(f), ev);
	assert_int_equal(files(f), 0);
}

static void
stamped_and_other_region(void **state)
{
	struct fx *f = *state;
	struct up x = { .item = "application_letter" };
	struct doc_list l;
	struct who w, own;

	pontianak(f, "2026-12-10");
	ratna(f, &w);			/* a PNS of Kabupaten Demak */
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	assert_true(item(&l, "application_letter")->stamped);
	assert_false(item(&l, "cv")->stamped);
	assert_non_null(item(&l, "home_approval"));	/* from elsewhere */
	assert_true(str_eqc(item(&l, "diploma")->label, "Fotokopi ijazah "
	    "minimal S-1"));		/* the JPT Pratama entry */
	assert_int_equal(item(&l, "drug_test")->within_days, 30);
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "bermeterai");
	x.stamped = true;
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	assert_true(item(&l, "application_letter")->cur->stamped);
	/* Without a record it is not known where one serves: shown. */
	applicant(f, NIP2, "1980-01-01", "2005-01", "", &own);
	assert_int_equal(app_docs(f->app, f->ar, &own, &l), SEL_OK);
	assert_non_null(item(&l, "home_approval"));
	assert_false(l.region_known);
}

static void
own_region_hides_other_region_items(void **state)
{
	struct fx *f = *state;
	struct doc_list l;
	struct who w;

	pontianak(f, "2026-12-10");
	applicant(f, NIP, "1974-07-07", "2000-03", PONTI, &w);
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	assert_true(l.region_known);
	assert_null(item_or_null(&l, "home_approval"));
	assert_non_null(item(&l, "drug_test"));
}

/* The drug test's date: 30 days before 2026-12-10 is 2026-11-10. */
static void
within_days_date_on_upload(void **state)
{
	struct fx *f = *state;
	struct up x = { .item = "drug_test" };
	struct who w;

	pontianak(f, "2026-12-10");
	ratna(f, &w);
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "TTTT-BB-HH");
	x.dated = "2026-11-09";		/* the day before the bound */
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "30 hari");
	x.dated = "2026-11-24";		/* tomorrow (today 2026-11-23) */
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "hari ini");
	x.dated = "2026-02-30";
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "sah");
	x.dated = "2026-11-10";		/* the bound itself */
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
	x.dated = "2026-11-11";		/* the day after it */
	assert_int_equal(upload(f, &w, &x, "%PDF-1.6\n", 9), SEL_OK);
}

static void
selection_limit_applies(void **state)
{
	struct fx *f = *state;
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n', 0, 0 };
	struct up x = { .item = "cv", .name = "cv.png" };
	char *big = arena_alloc(f->ar, 10 * 1024 + 1);
	struct stx *tx;
	struct who w;
	int64_t sel = pontianak(f, "2026-12-10");

	assert_int_equal(app_upload_body_max(f->app),
	    DOC_MAX_OTHER + (64 << 10));
	assert_int_equal(store_begin(f->app->st, true, &tx), SEL_OK);
	assert_int_equal(store_doc_limit_set(tx, sel, STR("cv"), 10 * 1024,
	    DOC_PNG | DOC_JPEG), SEL_OK);
	assert_int_equal(store_doc_limit_set(tx, sel, STR("tax_report"),
	    5 << 20, DOC_PDF), SEL_OK);
	assert_int_equal(store_commit(f->app->st, tx), SEL_OK);
	assert_int_equal(app_upload_body_max(f->app), (5 << 20) + (64 << 10));
	ratna(f, &w);
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "PNG");
	memcpy(big, png, sizeof png);
	refused(f, &w, &x, big, 10 * 1024 + 1, SEL_ERANGE, "10 KB");
	assert_int_equal(upload(f, &w, &x, big, 10 * 1024), SEL_OK);
}

/* A second Pontianak selection, closing later, for an administrator. */
static int64_t
pontianak_again(struct fx *f, int64_t first, const char *close)
{
	struct s_selection s;
	struct s_vacancy v;
	struct stx *tx;
	int64_t sel;

	memset(&v, 0, sizeof v);
	v.title = STR("Sekretaris Dinas Kesehatan");
	v.level = STR("administrator");
	v.echelon = STR("III.a");
	v.kind = STR("other");
	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_selection_get(tx, f->ar, first, &s), SEL_OK);
	store_abort(f->app->st, tx);
	sel = published(f, s.region_id, "Seleksi Terbuka Administrator Kota "
	    "Pontianak", &v, close);
	assert_int_equal(store_begin(f->app->st, true, &tx), SEL_OK);
	assert_int_equal(store_doc_limit_set(tx, first, STR("cv"), 100 * 1024,
	    DOC_PDF), SEL_OK);
	assert_int_equal(store_doc_limit_set(tx, sel, STR("cv"), 50 * 1024,
	    DOC_PDF | DOC_PNG), SEL_OK);
	assert_int_equal(store_commit(f->app->st, tx), SEL_OK);
	return sel;
}

/* One document serves both: the strictest of the two applies. */
static void
two_selections_merge_strictest(void **state)
{
	struct fx *f = *state;
	struct up x = { .item = "drug_test" };
	const struct doc_item *it;
	struct doc_list l;
	struct who w;

	pontianak_again(f, pontianak(f, "2026-12-10"), "2026-12-20");
	ratna(f, &w);
	assert_int_equal(app_docs(f->app, f->ar, &w, &l), SEL_OK);
	it = item(&l, "cv");
	assert_int_equal(it->max_bytes, 50 * 1024);
	assert_int_equal(it->types, DOC_PDF);
	assert_int_equal(it->close, t_date("2026-12-20"));
	if (!str_eqc(it->selections, "Seleksi Terbuka Kota Pontianak; "
	    "Seleksi Terbuka Administrator Kota Pontianak") &&
	    !str_eqc(it->selections, "Seleksi Terbuka Administrator Kota "
	    "Pontianak; Seleksi Terbuka Kota Pontianak"))
		fail_msg("selections: %s", t_cstr(f->ar, it->selections));
	assert_int_equal(item(&l, "drug_test")->dated_from,
	    t_date("2026-11-20"));
	x.dated = "2026-11-15";		/* in time for the first only */
	refused(f, &w, &x, pdf, sizeof pdf - 1, SEL_EINVAL, "30 hari");
	x.dated = "2026-11-20";
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
}

static void
who_may_read_a_document(void **state)
{
	struct fx *f = *state;
	struct up x = { .item = "integrity_pact" };
	struct s_document d;
	struct app_msg m;
	struct who w, other, staff, chair, demo, nobody;
	int64_t size, app_id, first;
	int fd;

	ratna(f, &w);
	applicant(f, NIP2, "1980-01-01", "2005-01", "", &other);
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
	first = x.id;
	assert_int_equal(app_doc_open(f->app, f->ar, &w, x.id, &d, &fd,
	    &size), SEL_OK);
	close(fd);
	assert_int_equal(size, (int64_t)(sizeof pdf - 1));
	assert_true(str_eqc(d.mime, "application/pdf"));
	memset(&nobody, 0, sizeof nobody);
	fx_as(f, "sekretariat", &staff);
	fx_as(f, "ketua", &chair);
	fx_as(f, "pelamar", &demo);
	assert_int_equal(app_doc_open(f->app, f->ar, &other, x.id, &d, &fd,
	    &size), SEL_ENOENT);
	assert_int_equal(app_doc_open(f->app, f->ar, &nobody, x.id, &d, &fd,
	    &size), SEL_ENOENT);
	assert_int_equal(app_doc_open(f->app, f->ar, &demo, x.id, &d, &fd,
	    &size), SEL_ENOENT);
	/* No application uses it yet: the committee does not see it. */
	assert_int_equal(app_doc_open(f->app, f->ar, &staff, x.id, &d, &fd,
	    &size), SEL_ENOENT);
	assert_int_equal(app_doc_open(f->app, f->ar, &w, 9999, &d, &fd,
	    &size), SEL_ENOENT);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &app_id, &m), SEL_OK);
	assert_int_equal(app_doc_open(f->app, f->ar, &staff, x.id, &d, &fd,
	    &size), SEL_OK);
	close(fd);
	assert_int_equal(app_doc_open(f->app, f->ar, &chair, x.id, &d, &fd,
	    &size), SEL_OK);
	close(fd);
	assert_int_equal(app_doc_open(f->app, f->ar, &other, x.id, &d, &fd,
	    &size), SEL_ENOENT);
	/* A replaced document stays readable: the history is kept. */
	assert_int_equal(upload(f, &w, &x, "%PDF-1.5\n", 9), SEL_OK);
	assert_int_equal(app_doc_open(f->app, f->ar, &w, first, &d, &fd,
	    &size), SEL_OK);
	close(fd);
	assert_false(d.current);
	/* The committee's list of the application's documents: current. */
	{
		struct s_document *list;
		size_t n;

		assert_int_equal(app_application_docs(f->app, f->ar, &staff,
		    app_id, &list, &n), SEL_OK);
		assert_int_equal(n, 1);
		assert_int_equal(list[0].id, x.id);
		assert_int_equal(app_application_docs(f->app, f->ar, &other,
		    app_id, &list, &n), SEL_ENOENT);
	}
}

/*
 * A second demo selection (region demak) that needs the same items and
 * closes later: a shared document can still be replaced for it after the
 * first has closed.
 */
static void
demak_later(struct fx *f, const char *close)
{
	struct s_selection s;
	struct s_vacancy v;
	struct stx *tx;

	memset(&v, 0, sizeof v);
	v.title = STR("Kepala Dinas Pendidikan");
	v.agency = STR("Dinas Pendidikan");
	v.level = STR("jpt_pratama");
	v.echelon = STR("II.b");
	v.kind = STR("agency_head");
	v.field = STR("pendidikan");
	v.reason = STR("pensiun");
	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_selection_get(tx, f->ar, 1, &s), SEL_OK);
	store_abort(f->app->st, tx);
	(void)published(f, s.region_id, "Seleksi Terbuka Kedua Kabupaten "
	    "Demak", &v, close);
}

/*
 * ANN-DURATION: once a selection has closed, its committee sees each item
 * as it stood at the closing, not a replacement made afterwards for
 * another selection still open; before, the current one.
 */
static void
ann_duration_documents_as_at_closing(void **state)
{
	struct fx *f = *state;
	struct up x = { .item = "integrity_pact" };
	struct s_document *list;
	struct app_msg m;
	struct who w, staff;
	int64_t app_id, v1, v2, v3;
	size_t n;

	demak_later(f, "2026-12-20");
	ratna(f, &w);
	fx_as(f, "sekretariat", &staff);
	assert_int_equal(upload(f, &w, &x, pdf, sizeof pdf - 1), SEL_OK);
	v1 = x.id;
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &app_id, &m), SEL_OK);
	/* 23:59:59 WIB of the closing day: still open, a replacement counts. */
	f->app->fixed_now = (int64_t)t_date("2026-12-12") * 86400 + 17 * 3600
	    - 1;
	assert_int_equal(upload(f, &w, &x, "%PDF-1.5\n", 9), SEL_OK);
	v2 = x.id;
	assert_int_equal(app_application_docs(f->app, f->ar, &staff, app_id,
	    &list, &n), SEL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, v2);
	/* The day after: replaced again, for the second selection only. */
	f->app->fixed_now = (int64_t)t_date("2026-12-13") * 86400 + 3600;
	assert_int_equal(upload(f, &w, &x, "%PDF-1.6\n", 9), SEL_OK);
	v3 = x.id;
	assert_true(v3 != v2 && v2 != v1);
	assert_int_equal(app_application_docs(f->app, f->ar, &staff, app_id,
	    &list, &n), SEL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, v2);	/* as at the closing */
	assert_false(list[0].current);
}

static void
limits_set_by_the_secretariat(void **state)
{
	struct fx *f = *state;
	struct doc_limit *l;
	struct sel_view v;
	struct app_msg m;
	struct who staff, chair, w;
	size_t n;
	int64_t ev;

	fx_as(f, "sekretariat", &staff);
	fx_as(f, "ketua", &chair);
	ratna(f, &w);
	ev = fx_events(f);
	assert_int_equal(app_doc_limit_set(f->app, f->ar, &staff, 2,
	    STR("integrity_pact"), STR("500"), DOC_PDF | DOC_PNG, &m), SEL_OK);
	assert_int_equal(fx_events(f), ev + 1);
	assert_int_equal(app_doc_limits(f->app, f->ar, &chair, 2, &v, &l, &n),
	    SEL_OK);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		if (str_eqc(l[i].id, "integrity_pact")) {
			assert_true(l[i].own);
			assert_int_equal(l[i].max_bytes, 500 * 1024);
			assert_int_equal(l[i].types, DOC_PDF | DOC_PNG);
		} else {
			assert_false(l[i].own);
		}
	assert_int_equal(app_doc_limit_set(f->app, f->ar, &staff, 1,
	    STR("integrity_pact"), STR("500"), DOC_PDF, &m), SEL_ESTATE);
	assert_int_equal(app_doc_limit_set(f->app, f->ar, &chair, 2,
	    STR("integrity_pact"), STR("500"), DOC_PDF, &m), SEL_EPERM);
	assert_int_equal(app_doc_limit_set(f->app, f->ar, &staff, 2,
	    STR("integrity_pact"), STR("0"), DOC_PDF, &m), SEL_EINVAL);
	assert_int_equal(app_doc_limit_set(f->app, f->ar, &staff, 2,
	    STR("integrity_pact"), STR("20481"), DOC_PDF, &m), SEL_EINVAL);
	assert_int_equal(app_doc_limit_set(f->app, f->ar, &staff, 2,
	    STR("integrity_pact"), STR("20480"), 0, &m), SEL_EINVAL);
	assert_int_equal(app_doc_limit_set(f->app, f->ar, &staff, 2,
	    STR("photo"), STR("100"), DOC_JPEG, &m), SEL_EINVAL);
	assert_int_equal(app_doc_limits(f->app, f->ar, &w, 2, &v, &l, &n),
	    SEL_EPERM);
	assert_int_equal(fx_events(f), ev + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniff_by_content_only),
		cmocka_unit_test(safe_name_never_a_path),
		cmocka_unit_test(dated_within_days_at_the_bound),
		DOC_TEST(checklist_from_profile),
		DOC_TEST(upload_hash_replace_and_history),
		DOC_TEST(type_by_content_and_size_limit),
		DOC_TEST(ann_duration_upload_until_closing_day),
		DOC_TEST(closing_checked_again_at_commit),
		DOC_TEST(stamped_and_other_region),
		DOC_TEST(own_region_hides_other_region_items),
		DOC_TEST(within_days_date_on_upload),
		DOC_TEST(selection_limit_applies),
		DOC_TEST(two_selections_merge_strictest),
		DOC_TEST(who_may_read_a_document),
		DOC_TEST(limits_set_by_the_secretariat),
		DOC_RULE_TEST("ANN-DURATION",
		    ann_duration_documents_as_at_closing),
	};

	return cmocka_run_group_tests_name("docs", tests, NULL, NULL);
}
