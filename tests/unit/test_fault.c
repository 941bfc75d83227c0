/*
 * test_fault.c - every write use case of app through the store's fault
 * hook (store_fault_arm): for n = 1, 2, ... the n-th statement step,
 * BEGIN or COMMIT fails as an I/O error would, until a run passes every
 * point.  Each faulted run must be refused (never SEL_OK), leave every
 * table as it was and the audit chain whole; the run past the last point
 * must do what the use case does (t_fault.h).  LeakSanitizer checks at
 * exit that no error path leaks.
 *
 * The use cases run in chains on one fixture each, every one setting up
 * the state the next needs: the people (logins, accounts, grants), an
 * applicant (registration to withdrawal, documents, complaints, joining a
 * committee), the administrative selection (closing to the published
 * result) and a selection's preparation on a region with every PRAC rule
 * (tests/fixtures/profiles/praktik-2026.json).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "t_fault.h"
#include "app/prac.h"
#include "app/record_form.h"
#include "store/store.h"
#include "base/banned.h"

#define NIP	"197407072000032005"
#define RECORD	"{\"nip\": \"197407072000032005\", \"name\": \"Ratna Sari\", " \
	"\"birth_date\": \"1974-07-07\", \"employment\": \"pns\", " \
	"\"agency\": {\"name\": \"Pemerintah Kabupaten Demak\", \"kind\": " \
	"\"regency\", \"province\": \"Jawa Tengah\"}, \"grade\": \"IV/a\", " \
	"\"education\": [{\"level\": \"S2\", \"major\": \"Kesehatan\"}], " \
	"\"posts\": [{\"title\": \"Sekretaris Dinas\", \"kind\": " \
	"\"structural\", \"echelon\": \"III.a\", \"fields\": [\"kesehatan\"], " \
	"\"start\": \"2015-01-02\", \"end\": null}]}"
#define CLOSED	((int64_t)t_date("2026-12-12") * 86400 + 17 * 3600)

/* ---- the data directory: every profile and the PRAC fixture's ---- */

static char datadir[64];
static struct timespec t0;

static int
group_setup(void **state)
{
	char cmd[1024];

	(void)state;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	snprintf(datadir, sizeof datadir, "/tmp/selter-fault-XXXXXX");
	if (mkdtemp(datadir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "mkdir -p %s/profiles && cp %s/profiles/*.json "
	    "%s/tests/fixtures/profiles/praktik-2026.json %s/profiles/ && "
	    "ln -s %s/data %s/data", datadir, t_data_dir(), t_data_dir(),
	    datadir, t_data_dir(), datadir);
	if (system(cmd) != 0)
		return -1;
	return setenv("SELTER_DATA", datadir, 1);
}

static int
group_teardown(void **state)
{
	struct timespec t1;
	char cmd[256];

	(void)state;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	print_message("# %ld faulted runs in %.1f s\n", t_fault_runs(),
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	snprintf(cmd, sizeof cmd, "rm -rf %s", datadir);
	return system(cmd) == 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[256];

	t_fault_release();
	snprintf(cmd, sizeof cmd, "rm -rf %s.files", f->path);
	if (system(cmd) != 0)
		return -1;
	return fx_teardown(state);
}

#define FAULT_TEST(fn)	{ #fn, fn, fx_setup, teardown, NULL }

/* ---- the use cases: one context, one small function each ---- */

struct uc {
	struct who	*w;
	int64_t		 sel, id;
	int		 op;		/* enum prep_op, enum prac_op */
	const char *const *kv;		/* a form's fields */
	struct str	 s1, s2, s3;	/* text arguments */
	bool		 yes;
	struct reg_in	 reg;
	struct s_region	 region;
	struct s_account acc;
	/* results */
	int64_t		 out;
	struct str	 token;
	struct app_msg	 m;
};

static enum sel_err
uc_prep(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);

	return app_prep(f->app, f->ar, u->w, u->sel, (enum prep_op)u->op,
	    &fm, &u->m);
}

static enum sel_err
uc_prac(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_prac(f->app, f->ar, u->w, u->sel, (enum prac_op)u->op,
	    &fm, &u->m, &field);
}

/* Runs one use case through the loop: c names it, the rest is u. */
static long
fault(struct fx *f, const char *name, t_fault_fn fn, struct uc *u,
    enum sel_err want, unsigned flags)
{
	struct t_fault c = { name, fn, u, want, flags, 1, &u->m };

	return t_fault(f, &c);
}

/* A preparation form through the loop. */
__attribute__((unused)) static void
prep(struct fx *f, const char *name, struct who *w, int64_t sel,
    enum prep_op op, const char *const *kv)
{
	struct uc u = { .w = w, .sel = sel, .op = (int)op, .kv = kv };

	fault(f, name, uc_prep, &u, SEL_OK, 0);
}

/* The same without the loop (setting up). */
__attribute__((unused)) static void
prep_plain(struct fx *f, struct who *w, int64_t sel, enum prep_op op,
    const char *const *kv)
{
	struct uc u = { .w = w, .sel = sel, .op = (int)op, .kv = kv };
	enum sel_err rc = uc_prep(f, &u);

	if (rc != SEL_OK)
		print_message("# %s\n", u.m.text);
	assert_int_equal(rc, SEL_OK);
}

__attribute__((unused)) static void
prac(struct fx *f, const char *name, struct who *w, int64_t sel,
    enum prac_op op, const char *const *kv)
{
	struct uc u = { .w = w, .sel = sel, .op = (int)op, .kv = kv };

	fault(f, name, uc_prac, &u, SEL_OK, 0);
}

/* ---- the people ---- */

static enum sel_err
uc_login(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_login(f->app, f->ar, u->s1, u->s2, u->s3, &u->token,
	    &u->m);
}

static enum sel_err
uc_logout(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	(void)f;
	return app_logout(f->app, u->w);
}

static enum sel_err
uc_password_change(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_password_change(f->app, f->ar, u->w, u->s1, u->s2, u->s2,
	    &u->m);
}

static enum sel_err
uc_admin_create(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_admin_create(f->app, f->ar, u->s1, u->s2, u->s3, &u->m);
}

static enum sel_err
uc_region_add(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_region_add(f->app, f->ar, u->w, &u->region, &u->out,
	    &u->m);
}

static enum sel_err
uc_account_add(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_account_add(f->app, f->ar, u->w, &u->acc, u->s1, &u->out,
	    &u->m);
}

static enum sel_err
uc_grant_add(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_grant_add(f->app, f->ar, u->w, u->s1, u->s2, u->sel, u->s3,
	    &u->m);
}

static enum sel_err
uc_grant_del(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_grant_del(f->app, f->ar, u->w, u->id, &u->m);
}

static enum sel_err
uc_nip_release(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_nip_release(f->app, f->ar, u->w, u->s1, u->s2, &u->m);
}

/* The id of the newest grant. */
static int64_t
newest_grant(struct fx *f, struct who *admin)
{
	struct s_region *r;
	struct s_account *a;
	struct s_grant *g;
	size_t nr, na, ng;
	int64_t id = 0;

	assert_int_equal(app_admin_lists(f->app, f->ar, admin, &r, &nr, &a,
	    &na, &g, &ng), SEL_OK);
	for (size_t i = 0; i < ng; i++)
		if (g[i].id > id)
			id = g[i].id;
	return id;
}

static void
fault_people(void **state)
{
	struct fx *f = *state;
	struct who admin, sec;
	struct uc u;

	u = (struct uc){ .s1 = STR("sekretariat"), .s2 = STR("demo-selter"),
	    .s3 = STR("10.0.0.1") };
	fault(f, "login", uc_login, &u, SEL_OK, 0);
	u = (struct uc){ .s1 = STR("sekretariat"), .s2 = STR("salah-sandi"),
	    .s3 = STR("10.0.0.2") };
	fault(f, "login, a wrong password", uc_login, &u, SEL_EINVAL, 0);
	fx_as(f, "sekretariat", &sec);
	u = (struct uc){ .w = &sec };
	fault(f, "logout", uc_logout, &u, SEL_OK, 0);
	fx_as(f, "sekretariat", &sec);
	u = (struct uc){ .w = &sec, .s1 = STR("demo-selter"),
	    .s2 = STR("sandi-baru-123") };
	fault(f, "password change", uc_password_change, &u, SEL_OK, 0);
	u = (struct uc){ .s1 = STR("admin2"), .s2 = STR("Admin Dua"),
	    .s3 = STR("sandi-admin-2") };
	fault(f, "administrator account (command line)", uc_admin_create, &u,
	    SEL_OK, 0);
	fx_as(f, "admin", &admin);
	u = (struct uc){ .w = &admin, .region = { 0, STR("kendal"),
	    STR("Pemerintah Kabupaten Kendal"), STR("demak-2022"), STR("BKN"),
	    STR("Sekretariat") } };
	fault(f, "region", uc_region_add, &u, SEL_OK, 0);
	u = (struct uc){ .w = &admin, .acc = { 0, STR("staf2"),
	    STR("Staf Dua"), STR("staf2@example.org"), STR(""), false },
	    .s1 = STR("sandi-staf-22") };
	fault(f, "account", uc_account_add, &u, SEL_OK, 0);
	u = (struct uc){ .w = &admin, .s1 = STR("staf2"), .s2 = STR("kendal"),
	    .s3 = STR("secretariat") };
	fault(f, "grant", uc_grant_add, &u, SEL_OK, 0);
	u = (struct uc){ .w = &admin, .id = newest_grant(f, &admin) };
	fault(f, "grant removed", uc_grant_del, &u, SEL_OK, 0);
	u = (struct uc){ .w = &admin, .s1 = STR("197804212003031002"),
	    .s2 = STR("Identitas pemilik diperiksa dengan KTP dan SK CPNS.") };
	fault(f, "NIP released", uc_nip_release, &u, SEL_OK, 0);
}

/* ---- an applicant ---- */

static enum sel_err
uc_register(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_register(f->app, f->ar, &u->reg, &u->out, &u->m);
}

static enum sel_err
uc_confirm(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_confirm(f->app, f->ar, u->s1, &u->m);
}

static enum sel_err
uc_reset_request(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_reset_request(f->app, f->ar, u->s1, u->s3, &u->m);
}

static enum sel_err
uc_reset(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_reset(f->app, f->ar, u->s1, u->s2, u->s2, &u->m);
}

static enum sel_err
uc_record_set(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_record_set(f->app, f->ar, u->w, u->s1, &u->m);
}

static enum sel_err
uc_rform_save(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct rform rf;
	struct rform_errs e;
	bool had, unreadable;
	enum sel_err rc;

	/* The load reads only; the save is the write. */
	rc = app_rform_load(f->app, f->ar, u->w, &rf, &had, &unreadable);
	if (rc != SEL_OK)
		return rc;
	rform_pad(&rf);
	return app_rform_save(f->app, f->ar, u->w, &rf, &e, &u->m);
}

static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

static enum sel_err
uc_upload(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct app_upload *up = NULL;
	enum sel_err rc;

	rc = app_upload_begin(f->app, f->ar, u->w, u->s1, &up, &u->m);
	if (rc == SEL_OK)
		rc = app_upload_write(up, pdf, sizeof pdf - 1, &u->m);
	if (rc == SEL_OK)
		rc = app_upload_commit(f->app, f->ar, u->w, up,
		    STR("pakta.pdf"), STR(""), false, &u->out, &u->m);
	app_upload_abort(up);
	return rc;
}

static enum sel_err
uc_apply(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_apply(f->app, f->ar, u->w, u->id, &u->out, &u->m);
}

static enum sel_err
uc_withdraw(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_withdraw(f->app, f->ar, u->w, u->id, &u->m);
}

static enum sel_err
uc_complaint_add(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_complaint_add(f->app, f->ar, u->sel, u->s1, u->s2,
	    STR("Pengumuman tidak memuat alamat sekretariat."), u->s3,
	    &u->token, &u->m);
}

static enum sel_err
uc_complaint_answer(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_complaint_answer(f->app, f->ar, u->w, u->sel, u->id, u->s1,
	    &u->m);
}

static enum sel_err
uc_member_join(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_member_join(f->app, f->ar, u->s1, u->s2, u->s3, u->s3,
	    &u->m);
}

static enum sel_err
uc_doc_limit_set(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_doc_limit_set(f->app, f->ar, u->w, u->sel, u->s1, u->s2,
	    DOC_PDF | DOC_PNG, &u->m);
}

/* Files whose name says they are an upload's temporary one. */
static int
temp_files(struct fx *f)
{
	char cmd[1024];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "find %s -name '.upload-*' | wc -l",
	    f->app->files_dir);
	p = popen(cmd, "r");
	if (p == NULL || fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p != NULL)
		pclose(p);
	return n;
}

static void
fault_applicant(void **state)
{
	struct fx *f = *state;
	struct who w, over, sec;
	struct s_complaint c;
	struct uc u;
	struct str tok;
	int64_t app_id;

	u = (struct uc){ .reg = { STR(NIP), STR("Ratna Sari, S.KM."),
	    STR("1974-07-07"), STR("2000-03"), STR("ratna@example.org"),
	    STR("rahasia-ratna"), STR("rahasia-ratna"), STR("10.3.3.3") } };
	fault(f, "registration", uc_register, &u, SEL_OK, T_FAULT_COUNTS);
	u = (struct uc){ .s1 = fx_mailed_token(f, "ratna@example.org") };
	fault(f, "e-mail confirmed", uc_confirm, &u, SEL_OK, 0);
	/* Registered again: the owner is told (a mail and its count). */
	u = (struct uc){ .reg = { STR(NIP), STR("Ratna Sari, S.KM."),
	    STR("1974-07-07"), STR("2000-03"), STR("lain@example.org"),
	    STR("rahasia-lain"), STR("rahasia-lain"), STR("10.3.3.5") } };
	fault(f, "registration of a confirmed NIP", uc_register, &u, SEL_OK,
	    T_FAULT_COUNTS);
	u = (struct uc){ .s1 = STR(NIP), .s3 = STR("10.3.3.4") };
	fault(f, "password reset requested", uc_reset_request, &u, SEL_OK, 0);
	u = (struct uc){ .s1 = fx_mailed_token(f, "ratna@example.org"),
	    .s2 = STR("rahasia-ratna") };
	fault(f, "password reset", uc_reset, &u, SEL_OK, 0);
	assert_int_equal(app_login(f->app, f->ar, STR(NIP),
	    STR("rahasia-ratna"), STR("10.1.1.1"), &tok, &u.m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, &w), SEL_OK);
	u = (struct uc){ .w = &w, .s1 = STR(RECORD) };
	fault(f, "record imported", uc_record_set, &u, SEL_OK, 0);
	u = (struct uc){ .w = &w };
	fault(f, "record saved from the form", uc_rform_save, &u, SEL_OK, 0);
	u = (struct uc){ .w = &w, .s1 = STR("integrity_pact") };
	fault(f, "document uploaded", uc_upload, &u, SEL_OK, 0);
	assert_int_equal(temp_files(f), 0);
	u = (struct uc){ .w = &w, .id = 1 };
	fault(f, "application submitted", uc_apply, &u, SEL_OK, 0);
	app_id = u.out;
	u = (struct uc){ .w = &w, .id = app_id };
	fault(f, "application withdrawn", uc_withdraw, &u, SEL_OK, 0);
	u = (struct uc){ .sel = 1, .s1 = STR("Warga"),
	    .s2 = STR("warga@example.org"), .s3 = STR("10.4.4.4") };
	fault(f, "complaint", uc_complaint_add, &u, SEL_OK, 0);
	assert_int_equal(app_complaint_get(f->app, f->ar, u.token, &c),
	    SEL_OK);
	fx_as(f, "pengawas", &over);
	u = (struct uc){ .w = &over, .sel = 1, .id = c.id,
	    .s1 = STR("Alamat sekretariat tercantum pada bagian akhir.") };
	fault(f, "complaint answered", uc_complaint_answer, &u, SEL_OK, 0);
	u = (struct uc){ .s1 = fx_mailed_token(f, "hadi.purnomo@example.org"),
	    .s2 = STR("hadi"), .s3 = STR("sandi-hadi-123") };
	fault(f, "committee member joins by invitation", uc_member_join, &u,
	    SEL_OK, 0);
	fx_as(f, "sekretariat", &sec);
	u = (struct uc){ .w = &sec, .sel = 2, .s1 = STR("integrity_pact"),
	    .s2 = STR("500") };
	fault(f, "document limit", uc_doc_limit_set, &u, SEL_OK, 0);
}

/* ---- the administrative selection ---- */

static enum sel_err
uc_reg_close(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_reg_close(f->app, f->ar, u->w, u->sel, true, &u->m);
}

static enum sel_err
uc_extend(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_extend(f->app, f->ar, u->w, u->sel, u->s1, u->s2, &u->m);
}

static enum sel_err
uc_adm_check(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_adm_check(f->app, f->ar, u->w, u->sel, u->id, u->yes,
	    u->s1, &u->m);
}

static enum sel_err
uc_adm_decide(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_adm_decide(f->app, f->ar, u->w, u->sel, u->id, u->yes,
	    u->s1, &u->m);
}

static enum sel_err
uc_adm_decide_ov(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_adm_decide_ov(f->app, f->ar, u->w, u->sel, u->id, u->yes,
	    u->s1, true, u->s2, &u->m);
}

static enum sel_err
uc_clarify(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_clarify(f->app, f->ar, u->w, u->sel, u->id, u->s1, &u->m);
}

static enum sel_err
uc_clar_answer(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_clar_answer(f->app, f->ar, u->w, u->id, u->out, u->s1,
	    &u->m);
}

static enum sel_err
uc_invite(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_invite(f->app, f->ar, u->w, u->sel, u->id, u->s1, u->s2,
	    &u->m);
}

static enum sel_err
uc_adm_publish(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_adm_publish(f->app, f->ar, u->w, u->sel, true, &u->m);
}

static void
fault_administrative(void **state)
{
	struct fx *f = *state;
	struct who w, sec, member, chair, ppk;
	struct app_msg m;
	struct s_clar *cl;
	struct uc u;
	sqlite3 *db;
	size_t n;
	int64_t id;

	fx_ratna(f, &w);
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR(RECORD), &m),
	    SEL_OK);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "anggota", &member);
	fx_as(f, "ketua", &chair);
	fx_as(f, "ppk", &ppk);
	f->app->fixed_now = CLOSED;
	u = (struct uc){ .w = &sec, .sel = 1 };
	fault(f, "registration closed", uc_reg_close, &u, SEL_OK, 0);
	u = (struct uc){ .w = &chair, .sel = 1, .s1 = STR("B-1/2026"),
	    .s2 = STR("") };
	fault(f, "window extended (ANN-EXTEND)", uc_extend, &u, SEL_OK, 0);
	f->app->fixed_now += 7 * 86400;
	u = (struct uc){ .w = &sec, .sel = 1 };
	assert_int_equal(uc_reg_close(f, &u), SEL_OK);
	/* Demak's emergency procedure, for the clarification. */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE region SET profile_id = "
	    "'demak-2022-covid'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	u = (struct uc){ .w = &sec, .sel = 1, .id = id, .yes = true,
	    .s1 = STR("Semua dokumen ada.") };
	fault(f, "file checked (ADM-COMPLETE)", uc_adm_check, &u, SEL_OK, 0);
	u = (struct uc){ .w = &sec, .sel = 1, .id = id,
	    .s1 = STR("Mohon unggah ulang SK pangkat.") };
	fault(f, "clarification asked", uc_clarify, &u, SEL_OK, 0);
	assert_int_equal(app_clars(f->app, f->ar, &w, id, &cl, &n), SEL_OK);
	assert_int_equal(n, 1);
	u = (struct uc){ .w = &w, .id = id, .out = cl[0].id,
	    .s1 = STR("Sudah diunggah ulang.") };
	fault(f, "clarification answered", uc_clar_answer, &u, SEL_OK, 0);
	u = (struct uc){ .w = &member, .sel = 1, .id = id, .yes = false,
	    .s1 = STR("Tidak memenuhi syarat.") };
	fault(f, "decision", uc_adm_decide, &u, SEL_OK, 0);
	u = (struct uc){ .w = &member, .sel = 1, .id = id, .yes = true,
	    .s1 = STR("Memenuhi syarat."), .s2 = STR("Dinilai dari dokumen.") };
	fault(f, "decision with an override", uc_adm_decide_ov, &u, SEL_OK,
	    0);
	u = (struct uc){ .w = &ppk, .sel = 1, .id = 1,
	    .s1 = STR("198001012005011001"), .s2 = STR("Agus") };
	fault(f, "invitation (ADM-INVITE)", uc_invite, &u, SEL_OK, 0);
	u = (struct uc){ .w = &chair, .sel = 1 };
	fault(f, "result published", uc_adm_publish, &u, SEL_OK, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FAULT_TEST(fault_people),
		FAULT_TEST(fault_applicant),
		FAULT_TEST(fault_administrative),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
