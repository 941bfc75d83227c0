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
#include "core/profile.h"
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
	snprintf(cmd, sizeof cmd, "mkdir -p %s/profiles && "
	    "cp %s/profiles/*.json "
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
	struct t_fault c = { name, fn, u, want, flags, &u->m };

	return t_fault(f, &c);
}

/* A preparation form through the loop. */
static void
prep(struct fx *f, const char *name, struct who *w, int64_t sel,
    enum prep_op op, const char *const *kv)
{
	struct uc u = { .w = w, .sel = sel, .op = (int)op, .kv = kv };

	fault(f, name, uc_prep, &u, SEL_OK, 0);
}

/* The same without the loop (setting up). */
static void
prep_plain(struct fx *f, struct who *w, int64_t sel, enum prep_op op,
    const char *const *kv)
{
	struct uc u = { .w = w, .sel = sel, .op = (int)op, .kv = kv };
	enum sel_err rc = uc_prep(f, &u);

	if (rc != SEL_OK)
		print_message("# %s\n", u.m.text);
	assert_int_equal(rc, SEL_OK);
}

static void
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
	/* An unconfirmed registration whose link expired is released by
	 * the next registration of its NIP (audited), in its transaction. */
	u = (struct uc){ .reg = { STR("198001012005011001"), STR("Agus"),
	    STR("1980-01-01"), STR("2005-01"), STR("agus@example.org"),
	    STR("rahasia-agus"), STR("rahasia-agus"), STR("") } };
	assert_int_equal(uc_register(f, &u), SEL_OK);
	f->app->fixed_now += 49 * 3600;
	u.reg.email = STR("agus.asli@example.org");
	fault(f, "registration of an NIP whose link expired", uc_register, &u,
	    SEL_OK, 0);
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

/* ---- a selection's preparation, on a region with the PRAC rules ---- */

static enum sel_err
uc_sel_create(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_sel_create(f->app, f->ar, u->w, u->s1, u->s2, &u->out,
	    &u->m);
}

static struct sel_view *
view(struct fx *f, int64_t sel)
{
	struct sel_view *v = arena_alloc(f->ar, sizeof *v);

	assert_int_equal(app_sel_view(f->app, f->ar, sel, v), SEL_OK);
	return v;
}

/* "id", the decimal id, NULL: a form naming a row. */
static const char *const *
id_form(struct fx *f, int64_t id)
{
	const char **kv = arena_alloc(f->ar, 3 * sizeof *kv);

	kv[0] = "id";
	kv[1] = t_cstr(f->ar, arena_printf(f->ar, "%lld", (long long)id));
	kv[2] = NULL;
	return kv;
}

static const char *const member_kv[][7] = {
	{ "Dr. Siti Aminah, M.Si.", "academic", "", "1", "0", "login",
	    "ketua" },
	{ "Ir. Joko Prasetyo, M.T.", "internal", "II.a", "0", "0", "login",
	    "anggota" },
	{ "Drs. Hadi Purnomo, M.Si.", "internal", "II.b", "0", "0", "email",
	    "hadi@example.org" },
	{ "Dr. Retno Wulandari, M.Kes.", "other_agency", "II.a", "0", "0",
	    "email", "retno@example.org" },
	{ "Dra. Endang Lestari, Psikolog", "professional", "", "0", "1",
	    "email", "endang@example.org" },
	{ "Dr. Wahyu Hidayat, M.Si.", "academic", "", "0", "0", "email",
	    "wahyu@example.org" },
	{ "Dr. Budi Rahardjo, M.Kes.", "other_agency", "II.a", "0", "0",
	    "email", "budi@example.org" },
};

/* Member i's form; id > 0: replacing member id, by a decree. */
static const char *const *
member_form(struct fx *f, size_t i, int64_t id)
{
	const char *const *m = member_kv[i];
	const char **kv = arena_alloc(f->ar, 32 * sizeof *kv);
	static const char *const decl[] = { "knowledge_field",
	    "knowledge_assessment", "no_party_stamped", "no_conflict",
	    "integrity_pact", "code_of_ethics", "no_party" };
	size_t n = 0;

	kv[n++] = "name", kv[n++] = m[0];
	kv[n++] = "origin", kv[n++] = m[1];
	kv[n++] = "echelon", kv[n++] = m[2];
	kv[n++] = "chair", kv[n++] = m[3];
	kv[n++] = "assessor", kv[n++] = m[4];
	kv[n++] = m[5], kv[n++] = m[6];
	for (size_t k = 0; k < sizeof decl / sizeof *decl; k++)
		kv[n++] = "decl", kv[n++] = decl[k];
	if (id > 0) {
		kv[n++] = "id";
		kv[n++] = t_cstr(f->ar, arena_printf(f->ar, "%lld",
		    (long long)id));
		kv[n++] = "ref", kv[n++] = "800/78/2026";
	}
	kv[n] = NULL;
	return kv;
}

/* The praktik-2026 region and its staff, through the loop. */
static void
prac_region(struct fx *f)
{
	struct who admin;
	struct uc u;
	static const char *const roles[][2] = { { "ppk", "ppk" },
	    { "pengawas", "oversight" } };

	fx_as(f, "admin", &admin);
	u = (struct uc){ .w = &admin, .region = { 0, STR("praktik"),
	    STR("Pemerintah Kabupaten Praktik"), STR("praktik-2026"),
	    STR("BKN"), STR("Sekretariat Pansel") } };
	fault(f, "region (praktik-2026)", uc_region_add, &u, SEL_OK, 0);
	u = (struct uc){ .w = &admin, .s1 = STR("sekretariat"),
	    .s2 = STR("praktik"), .s3 = STR("secretariat") };
	fault(f, "grant (secretariat)", uc_grant_add, &u, SEL_OK, 0);
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
		u = (struct uc){ .w = &admin, .s1 = str_c(roles[i][0]),
		    .s2 = STR("praktik"), .s3 = str_c(roles[i][1]) };
		assert_int_equal(uc_grant_add(f, &u), SEL_OK);
	}
}

static void
fault_preparation(void **state)
{
	struct fx *f = *state;
	struct who sec, ppk, over, chair;
	struct sel_view *v;
	struct uc u;
	const char *kv[64];
	const struct profile *p;
	size_t n = 0;
	int64_t sel;
	static const char *const stages[][3] = {
		{ "administrative", "2026-12-14", "2026-12-15" },
		{ "paper", "2026-12-16", "2026-12-17" },
		{ "track_record", "2026-12-18", "2026-12-19" },
		{ "assessment", "2026-12-21", "2026-12-22" },
		{ "interview", "2026-12-23", "2026-12-23" },
		{ "health", "2026-12-28", "2026-12-29" },
		{ "result", "2026-12-30", "2026-12-30" } };

	prac_region(f);
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "ppk", &ppk);
	fx_as(f, "pengawas", &over);
	u = (struct uc){ .w = &sec, .s1 = STR("praktik"),
	    .s2 = STR("Seleksi uji praktik 2026") };
	fault(f, "selection opened", uc_sel_create, &u, SEL_OK, 0);
	sel = u.out;
	prep(f, "vacancy", &sec, sel, OP_VACANCY_ADD, (const char *[]){
	    "title", "Kepala Dinas Kesehatan", "level", "jpt_pratama",
	    "echelon", "II.b", "kind", "agency_head", "field", "kesehatan",
	    "reason", "pensiun", NULL });
	prep_plain(f, &sec, sel, OP_VACANCY_ADD, (const char *[]){ "title",
	    "Inspektur", "level", "jpt_pratama", "echelon", "II.b", "kind",
	    "inspektur", "reason", "pensiun", NULL });
	v = view(f, sel);
	assert_int_equal(v->nvac, 2);
	prep(f, "consultation (VAC-INSPEKTUR)", &sec, sel, OP_CONSULT,
	    (const char *[]){ "date", "2026-10-20", "ref", "100/1/OTDA",
	    NULL });
	prep(f, "vacancy removed", &sec, sel, OP_VACANCY_DEL,
	    id_form(f, v->vac[1].id));
	prep(f, "plan", &sec, sel, OP_PLAN, (const char *[]){ "duties",
	    "Tugas.", "standard", "Standar.", "methods", "Metode.", "system",
	    "Sistem.", "w_paper", "20", "w_assessment", "25", "w_interview",
	    "35", "w_track_record", "20", NULL });
	for (size_t i = 0; i < sizeof stages / sizeof *stages; i++) {
		const char *const st[] = { "stage", stages[i][0], "starts_on",
		    stages[i][1], "ends_on", stages[i][2], NULL };

		if (i == 0)
			prep(f, "stage", &sec, sel, OP_STAGE_PUT, st);
		else
			prep_plain(f, &sec, sel, OP_STAGE_PUT, st);
	}
	prep(f, "stage removed", &sec, sel, OP_STAGE_DEL, (const char *[]){
	    "stage", "health", NULL });
	prep_plain(f, &sec, sel, OP_STAGE_PUT, (const char *[]){ "stage",
	    "health", "starts_on", "2026-12-28", "ends_on", "2026-12-29",
	    NULL });
	prep(f, "plan sent", &sec, sel, OP_PLAN_SENT, (const char *[]){
	    "date", "2026-10-24", "ref", "800/1/BKPSDM", NULL });
	prep(f, "recommendation", &over, sel, OP_RECOMMENDATION,
	    (const char *[]){ "date", "2026-11-02", "ref", "B-9/BKN", "text",
	    "Dapat dilanjutkan.", NULL });
	for (size_t i = 0; i < 6; i++)
		if (i == 0)
			prep(f, "committee member", &sec, sel, OP_MEMBER_ADD,
			    member_form(f, i, 0));
		else
			prep_plain(f, &sec, sel, OP_MEMBER_ADD,
			    member_form(f, i, 0));
	v = view(f, sel);
	assert_int_equal(v->nmembers, 6);
	for (size_t i = 0; i < v->nmembers; i++)
		if (str_eqc(v->members[i].email, "wahyu@example.org"))
			prep(f, "committee member removed", &sec, sel,
			    OP_MEMBER_DEL, id_form(f, v->members[i].id));
	p = app_profile_get(f->app, STR("praktik-2026"));
	assert_non_null(p);
	kv[n++] = "number";
	kv[n++] = "1/PANSEL/2026";
	kv[n++] = "open";
	kv[n++] = "2026-11-24";
	kv[n++] = "close";
	kv[n++] = "2026-12-12";
	for (size_t i = 0; i < p->ncontent && n < 60; i++) {
		kv[n++] = "item";
		kv[n++] = t_cstr(f->ar, p->content[i].id);
	}
	kv[n] = NULL;
	prep(f, "announcement", &sec, sel, OP_ANNOUNCEMENT, kv);
	prep(f, "committee confirmed (COM-*)", &ppk, sel,
	    OP_COMMITTEE_CONFIRM, (const char *[]){ "date", "2026-11-13",
	    "ref", "800/77/2026", NULL });
	v = view(f, sel);
	for (size_t i = 0; i < v->nmembers; i++)
		if (str_eqc(v->members[i].email, "retno@example.org"))
			prep(f, "committee member replaced", &ppk, sel,
			    OP_MEMBER_REPLACE, member_form(f, 6,
			    v->members[i].id));
	/* PRAC-*: the provider, the oversight body's letters, the Pj. */
	prac(f, "assessment provider (PRAC-ASSESSOR)", &sec, sel, PO_ASSESSOR,
	    (const char *[]){ "name", "UPT Penilaian Kompetensi BKN", "grade",
	    "A", "decree", "12/KEP/2025", "valid_until", "2027-06-30", NULL });
	prac(f, "approval letter (PRAC-OVERSIGHT-APPROVAL)", &over, sel,
	    PO_APPROVAL_ADD, (const char *[]){ "date", "2026-11-01", "ref",
	    "B-1/BKN", "subject", "Persetujuan", NULL });
	prac(f, "acting head (PRAC-HOME-MINISTER)", &sec, sel, PO_ACTING,
	    (const char *[]){ "acting", "1", NULL });
	prac(f, "acting head cleared", &sec, sel, PO_ACTING,
	    (const char *[]){ NULL });
	prac(f, "window (PRAC-HOME-MINISTER)", &sec, sel, PO_WINDOW_ADD,
	    (const char *[]){ "from", "2026-11-24", "to", "2026-11-24",
	    "label", "Satu hari", NULL });
	prac(f, "Minister's letter", &sec, sel, PO_MINISTER_ADD,
	    (const char *[]){ "date", "2026-11-20", "ref",
	    "100.2.2.6/5000/OTDA", "subject", "Persetujuan", NULL });
	v = view(f, sel);
	assert_int_equal(v->prac->nwindows, 1);
	prac(f, "window removed", &sec, sel, PO_WINDOW_DEL,
	    id_form(f, v->prac->windows[0].id));
	for (size_t i = 0; i < v->prac->nletters; i++)
		if (str_eqc(v->prac->letters[i].kind, "home_minister"))
			prac(f, "letter removed", &sec, sel, PO_LETTER_DEL,
			    id_form(f, v->prac->letters[i].id));
	assert_int_equal(app_prac(f->app, f->ar, &over, sel, PO_APPROVAL_ADD,
	    &(struct form){ 0 }, &u.m, NULL), SEL_EINVAL);
	{
		struct form fm = fx_form(f->ar, (const char *[]){ "date",
		    "2026-11-02", "ref", "B-2/BKN", "subject", "Persetujuan "
		    "jadwal", NULL });
		const char *field;

		assert_int_equal(app_prac(f->app, f->ar, &over, sel,
		    PO_APPROVAL_ADD, &fm, &u.m, &field), SEL_OK);
	}
	u = (struct uc){ .w = &sec, .sel = sel, .s1 = STR("integrity_pact"),
	    .s2 = STR("500") };
	fault(f, "document limit (before publication)", uc_doc_limit_set, &u,
	    SEL_OK, 0);
	fx_as(f, "ketua", &chair);
	prep(f, "announcement published (ANN-SIGNED)", &chair, sel,
	    OP_PUBLISH, (const char *[]){ "confirm", "1", NULL });
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FAULT_TEST(fault_people),
		FAULT_TEST(fault_applicant),
		FAULT_TEST(fault_administrative),
		FAULT_TEST(fault_preparation),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
