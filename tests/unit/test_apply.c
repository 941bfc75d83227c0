/*
 * test_apply.c - applicants on a real store: the NIP checked against the
 * birth date and the TMT (never its gender digit), e-mail confirmation and
 * password reset through the outbox, the record, the closing date in the
 * region's time zone (the day of, the day after), the plan's limit of
 * applications, withdrawal, who may see an application, and the public
 * list of registrants after closing.
 */
#include <stdio.h>
#include <string.h>


#include "t_app.h"
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
/* RECORD without its closing brace, for more fields. */
#define RECORD_OPEN "{\"nip\": \"197407072000032005\", \"name\": " \
	"\"Ratna Sari\", \"birth_date\": \"1974-07-07\", \"employment\": " \
	"\"pns\", \"agency\": {\"name\": \"Pemerintah Kabupaten Demak\", " \
	"\"kind\": \"regency\", \"province\": \"Jawa Tengah\"}, \"grade\": " \
	"\"IV/a\", \"education\": [{\"level\": \"S2\", \"major\": " \
	"\"Kesehatan\"}], \"posts\": [{\"title\": \"Sekretaris Dinas\", " \
	"\"kind\": \"structural\", \"echelon\": \"III.a\", \"fields\": " \
	"[\"kesehatan\"], \"start\": \"2015-01-02\", \"end\": null}]"

static struct reg_in
reg(const char *nip, const char *birth, const char *tmt)
{
	struct reg_in in = { str_c(nip), STR("Ratna Sari, S.KM."),
	    str_c(birth), str_c(tmt), STR("ratna@example.org"),
	    STR("rahasia-ratna"), STR("rahasia-ratna"),
	    STR("") };

	return in;
}

/* How many mails an address has. */
static size_t
mails_to(struct fx *f, const char *to)
{
	struct s_mail *m;
	struct stx *tx;
	size_t n;

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_mails_to(tx, f->ar, str_c(to), &m, &n), SEL_OK);
	store_abort(f->app->st, tx);
	return n;
}

/* Registers, confirms, logs in and imports the record. */
static void
applicant(struct fx *f, struct who *w)
{
	struct app_msg m;

	fx_ratna(f, w);
	assert_int_equal(app_record_set(f->app, f->ar, w, STR(RECORD), &m),
	    SEL_OK);
}

static void
nip_agrees_with_birth_and_tmt(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	int64_t id;
	struct reg_in in;
	static const char *const bad[][3] = {
		{ "19740707200003200", "1974-07-07", "2000-03" },  /* 17 */
		{ "19740707200003200X", "1974-07-07", "2000-03" },
		{ NIP, "1974-07-08", "2000-03" },	/* birth a day off */
		{ NIP, "1974-07-07", "2000-04" },	/* TMT a month off */
		{ "197407072000132005", "1974-07-07", "2000-13" },
		{ "197407072000002005", "1974-07-07", "2000-00" },
		{ NIP, "1974-02-30", "2000-03" },
	};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		in = reg(bad[i][0], bad[i][1], bad[i][2]);
		assert_int_equal(app_register(f->app, f->ar, &in, &id, &m),
		    SEL_EINVAL);
	}
	assert_int_equal(mails_to(f, "ratna@example.org"), 0);
	in = reg(NIP, "1974-07-07", "2000-03");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_true(id > 0);
	/* The NIP once; the answer does not tell that it is taken. */
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(id, 0);
	assert_string_equal(m.text, APP_REGISTER_SENT);
	/* Digit 15 is not read: any value registers alike. */
	in = reg("197407072000031005", "1974-07-07", "2000-03");
	in.email = STR("lain@example.org");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
}

static void
confirm_once_and_expiry(void **state)
{
	struct fx *f = *state;
	struct reg_in in = reg(NIP, "1974-07-07", "2000-03");
	struct app_msg m;
	struct str tok;
	int64_t id;

	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	tok = fx_mailed_token(f, "ratna@example.org");
	f->app->fixed_now += 48 * 3600;		/* the last second dead */
	assert_int_equal(app_confirm(f->app, f->ar, tok, &m), SEL_EINVAL);
	f->app->fixed_now -= 1;			/* the second before */
	assert_int_equal(app_confirm(f->app, f->ar, tok, &m), SEL_OK);
	assert_int_equal(app_confirm(f->app, f->ar, tok, &m), SEL_EINVAL);
}

static void
reset_by_mail(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct str tok, stok;
	struct who w;

	applicant(f, &w);
	assert_int_equal(app_reset_request(f->app, f->ar, STR("tidak-ada"),
	    STR(""), &m), SEL_OK);
	assert_non_null(strstr(m.text, "Bila akun itu ada"));
	assert_int_equal(app_reset_request(f->app, f->ar,
	    STR("ratna@example.org"), STR(""), &m), SEL_OK);
	tok = fx_mailed_token(f, "ratna@example.org");
	assert_int_equal(app_reset(f->app, f->ar, tok, STR("baru-sekali-1"),
	    STR("baru-sekali-2"), &m), SEL_EINVAL);
	assert_int_equal(app_reset(f->app, f->ar, tok, STR("baru-sekali-1"),
	    STR("baru-sekali-1"), &m), SEL_OK);
	assert_int_equal(app_reset(f->app, f->ar, tok, STR("baru-sekali-1"),
	    STR("baru-sekali-1"), &m), SEL_EINVAL);	/* used */
	assert_int_equal(app_session(f->app, f->ar, STR("x"), &w), SEL_ENOENT);
	assert_int_equal(app_login(f->app, f->ar, STR(NIP),
	    STR("baru-sekali-1"), STR("10.1.1.2"), &stok, &m), SEL_OK);
}

static void
record_is_checked(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w, staff;

	applicant(f, &w);
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR("{\"nip\": "),
	    &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "baris 1"));
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR("{\"nip\": "
	    "\"197407072000032006\", \"name\": \"X\", \"birth_date\": "
	    "\"1974-07-07\", \"employment\": \"pns\", \"agency\": {\"name\": "
	    "\"A\", \"kind\": \"regency\", \"province\": \"Jawa Tengah\"}, "
	    "\"grade\": \"IV/a\", \"education\": [], \"posts\": []}"), &m),
	    SEL_EINVAL);
	assert_non_null(strstr(m.text, "berbeda"));
	fx_as(f, "sekretariat", &staff);
	assert_int_equal(app_record_set(f->app, f->ar, &staff, STR(RECORD),
	    &m), SEL_EPERM);
}

/*
 * ANN-DURATION's window, enforced on submission: selection 1 (demo) closes
 * 19 days after 2026-11-23, i.e. on 2026-12-12 (WIB, UTC+7).
 */
static void
ann_duration_closing_day_in_wib(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct preview pv;
	struct who w;
	int64_t id, before;

	applicant(f, &w);
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &pv), SEL_OK);
	assert_true(pv.open);
	assert_non_null(pv.elig);
	assert_int_equal(pv.sel.close, t_date("2026-12-12"));
	/* 2026-12-13 00:00 WIB is 2026-12-12 17:00 UTC: closed. */
	f->app->fixed_now = (int64_t)t_date("2026-12-12") * 86400 + 17 * 3600;
	before = fx_events(f);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "sudah ditutup"));
	assert_int_equal(fx_events(f), before);
	/* 23:59:59 WIB on the closing day: still open. */
	f->app->fixed_now -= 1;
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_ESTATE);
}

/*
 * An unconfirmed registration is inert: its right password is told to
 * confirm the e-mail address first (and gets no session), a wrong one
 * gets the answer any name gets, and it cannot apply.
 */
static void
unconfirmed_cannot_log_in_or_apply(void **state)
{
	struct fx *f = *state;
	struct reg_in in = reg(NIP, "1974-07-07", "2000-03");
	struct app_msg m, m2;
	struct str tok = STR("");
	struct who w;
	int64_t id, acc, before;

	assert_int_equal(app_register(f->app, f->ar, &in, &acc, &m), SEL_OK);
	before = fx_events(f);
	assert_int_equal(app_login(f->app, f->ar, STR(NIP),
	    STR("rahasia-ratna"), STR("10.1.1.3"), &tok, &m), SEL_ESTATE);
	assert_string_equal(m.text, APP_LOGIN_UNCONFIRMED);
	assert_non_null(strstr(m.text, "belum dikonfirmasi"));
	assert_int_equal(tok.len, 0);
	assert_int_equal(fx_events(f), before);	/* no login event */
	/* A wrong password: word for word what an unknown name gets. */
	assert_int_equal(app_login(f->app, f->ar, STR(NIP), STR("salah-sandi"),
	    STR("10.1.1.3"), &tok, &m), SEL_EINVAL);
	assert_int_equal(app_login(f->app, f->ar, STR("197001012000011001"),
	    STR("salah-sandi"), STR("10.1.1.3"), &tok, &m2), SEL_EINVAL);
	assert_string_equal(m.text, m2.text);
	assert_null(strstr(m.text, "konfirm"));
	/* The right password gives its count back: five of them lock
	   nothing (APP_FAIL_MAX is 5). */
	for (int i = 0; i < APP_FAIL_MAX; i++)
		assert_int_equal(app_login(f->app, f->ar, STR(NIP),
		    STR("rahasia-ratna"), STR("10.1.1.4"), &tok, &m),
		    SEL_ESTATE);
	/* Applying checks it too (a session made by hand). */
	memset(&w, 0, sizeof w);
	w.account_id = acc;
	w.login = STR(NIP);
	w.name = STR("Ratna Sari, S.KM.");
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR(RECORD), &m),
	    SEL_OK);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "Konfirmasi"));
	/* Confirmed: in. */
	assert_int_equal(app_confirm(f->app, f->ar, fx_mailed_token(f,
	    "ratna@example.org"), &m), SEL_OK);
	assert_int_equal(app_login(f->app, f->ar, STR(NIP),
	    STR("rahasia-ratna"), STR("10.1.1.3"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, &w), SEL_OK);
}

static void
receipt_withdraw_and_privacy(void **state)
{
	struct fx *f = *state;
	struct s_application x;
	struct app_msg m;
	struct who w, other, staff;
	int64_t id;

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	assert_int_equal(app_application(f->app, f->ar, &w, id, &x), SEL_OK);
	assert_true(str_eqc(x.reg_no, "DEMAK-2026-1-0001"));
	assert_true(str_eqc(x.verdict, "incomplete"));
	assert_non_null(strstr(t_cstr(f->ar, x.rules), "ELIG-GRADE"));
	assert_int_equal(mails_to(f, "ratna@example.org"), 2);	/* +receipt */
	fx_as(f, "pelamar", &other);	/* a staff-made account */
	assert_int_equal(app_application(f->app, f->ar, &other, id, &x),
	    SEL_ENOENT);
	assert_int_equal(app_withdraw(f->app, f->ar, &other, id, &m),
	    SEL_ENOENT);
	fx_as(f, "ketua", &staff);	/* the committee sees applications */
	assert_int_equal(app_application(f->app, f->ar, &staff, id, &x),
	    SEL_OK);
	assert_int_equal(app_withdraw(f->app, f->ar, &w, id, &m), SEL_OK);
	assert_int_equal(app_withdraw(f->app, f->ar, &w, id, &m), SEL_ESTATE);
}

static void
registrants_public_after_closing(void **state)
{
	struct fx *f = *state;
	struct s_application *x;
	struct sel_view v;
	struct app_msg m;
	struct who w;
	size_t n;
	int64_t id;

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	assert_int_equal(app_registrants(f->app, f->ar, 1, &v, &x, &n),
	    SEL_ESTATE);
	f->app->fixed_now = (int64_t)t_date("2026-12-12") * 86400 + 17 * 3600;
	assert_int_equal(app_registrants(f->app, f->ar, 1, &v, &x, &n),
	    SEL_OK);
	assert_int_equal(n, 1);
	assert_true(str_eqc(x[0].name, "Ratna Sari, S.KM."));
	/* Selection 2 is not published: no list at all. */
	assert_int_equal(app_registrants(f->app, f->ar, 2, &v, &x, &n),
	    SEL_ENOENT);
}

#define CLOSED	((int64_t)t_date("2026-12-12") * 86400 + 17 * 3600)

/* ADM-COMPLETE, the committee's decision, the chair's result. */
static void
adm_complete_decide_publish(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct adm_view v;
	struct who w, sec, chair, member, ppk;
	struct str reason;
	int64_t id, before;
	int passed;

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	fx_as(f, "sekretariat", &sec);
	assert_int_equal(app_adm_check(f->app, f->ar, &sec, 1, id, true,
	    STR(""), &m), SEL_ESTATE);		/* still open */
	/* FT_CLOSE: not on the last day of the window (ANN-DURATION). */
	f->app->fixed_now = CLOSED - 1;
	assert_int_equal(app_reg_close(f->app, f->ar, &sec, 1, true, &m),
	    SEL_ESTATE);
	f->app->fixed_now = CLOSED;
	before = fx_events(f);
	assert_int_equal(app_adm_check(f->app, f->ar, &sec, 1, id, false,
	    STR(""), &m), SEL_EINVAL);		/* incomplete: say what */
	fx_as(f, "anggota", &member);
	before = fx_events(f);
	assert_int_equal(app_adm_decide(f->app, f->ar, &member, 1, id, true,
	    STR("Memenuhi semua syarat."), &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "ADM-COMPLETE"));
	assert_non_null(strstr(m.text, "Saya meluluskan pelamar ini"));
	assert_int_equal(app_adm_decide(f->app, f->ar, &sec, 1, id, false,
	    STR("Tidak memenuhi."), &m), SEL_EPERM);	/* not the secretariat */
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_adm_check(f->app, f->ar, &sec, 1, id, true,
	    STR("Semua dokumen ada."), &m), SEL_OK);
	assert_int_equal(app_adm_decide(f->app, f->ar, &member, 1, id, true,
	    STR("ok"), &m), SEL_EINVAL);	/* a reason of 5 or more */
	/* Her record lacks data the core needs (ELIG-* missing): a pass is
	 * an override, with its reason (test_guards.c has the rest). */
	assert_int_equal(app_adm_decide(f->app, f->ar, &member, 1, id, true,
	    STR("Memenuhi persyaratan administrasi."), &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "ELIG-"));
	assert_null(strstr(m.text, "ADM-COMPLETE"));
	assert_int_equal(app_adm_decide_ov(f->app, f->ar, &member, 1, id,
	    true, STR("Memenuhi persyaratan administrasi."), true,
	    STR("Data disiplin dan kinerja diperiksa dari dokumen."), &m),
	    SEL_OK);
	assert_int_equal(app_adm_view(f->app, f->ar, &member, 1, &v), SEL_OK);
	assert_int_equal(v.vac[0].passed, 1);
	assert_true(v.vac[0].has_min);
	assert_int_equal(v.vac[0].min.status, RS_FAIL);	/* ADM-MIN-3: 1 < 3 */
	/* The applicant sees nothing before the chair signs. */
	assert_int_equal(app_adm_mine(f->app, f->ar, &w, id, &passed,
	    &reason), SEL_OK);
	assert_int_equal(passed, -1);
	assert_int_equal(app_adm_result(f->app, f->ar, 1, &v), SEL_ESTATE);
	fx_as(f, "ketua", &chair);
	assert_int_equal(app_adm_publish(f->app, f->ar, &member, 1, true, &m),
	    SEL_EPERM);
	assert_int_equal(app_adm_publish(f->app, f->ar, &chair, 1, false, &m),
	    SEL_EINVAL);
	/* FT_CLOSE first: the result waits for the secretariat's act. */
	before = fx_events(f);
	assert_int_equal(app_adm_publish(f->app, f->ar, &chair, 1, true, &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "belum ditutup"));
	assert_int_equal(app_reg_close(f->app, f->ar, &chair, 1, true, &m),
	    SEL_EPERM);
	assert_int_equal(app_reg_close(f->app, f->ar, &sec, 1, false, &m),
	    SEL_EINVAL);			/* the statement ticked */
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_reg_close(f->app, f->ar, &sec, 1, true, &m), SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
	assert_int_equal(app_reg_close(f->app, f->ar, &sec, 1, true, &m),
	    SEL_ESTATE);			/* once */
	/* ADM-MIN-3 fails (1 < 3) and no path of demak-2022 was taken. */
	before = fx_events(f);
	assert_int_equal(app_adm_publish(f->app, f->ar, &chair, 1, true, &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "ADM-MIN-3"));
	assert_non_null(strstr(m.text, "ADM-INVITE"));
	assert_int_equal(fx_events(f), before);
	fx_as(f, "ppk", &ppk);
	assert_int_equal(app_invite(f->app, f->ar, &ppk, 1, 1,
	    STR("198001012005011001"), STR("Agus"), &m), SEL_OK);
	assert_int_equal(app_adm_publish(f->app, f->ar, &chair, 1, true, &m),
	    SEL_OK);
	assert_int_equal(app_adm_result(f->app, f->ar, 1, &v), SEL_OK);
	assert_true(str_eqc(v.sel.s.f[SF_ADM_SIGNED_BY],
	    "Dr. Siti Aminah, M.Si."));
	assert_int_equal(app_adm_mine(f->app, f->ar, &w, id, &passed,
	    &reason), SEL_OK);
	assert_int_equal(passed, 1);
	assert_true(str_eqc(reason, "Memenuhi persyaratan administrasi."));
	/* Final: no more changes. */
	assert_int_equal(app_adm_decide(f->app, f->ar, &member, 1, id, false,
	    STR("Berubah pikiran."), &m), SEL_ESTATE);
}

static void
adm_publish_needs_every_decision(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w, chair, sec;
	int64_t id;

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	f->app->fixed_now = CLOSED;
	fx_as(f, "ketua", &chair);
	fx_as(f, "sekretariat", &sec);
	assert_int_equal(app_reg_close(f->app, f->ar, &sec, 1, true, &m), SEL_OK);
	assert_int_equal(app_adm_publish(f->app, f->ar, &chair, 1, true, &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "belum diputuskan"));
}

static void
complaints_recorded_and_answered(void **state)
{
	struct fx *f = *state;
	struct s_complaint c, *list;
	struct app_msg m;
	struct str tracking;
	struct who sec, over, pel;
	size_t n;

	assert_int_equal(app_complaint_add(f->app, f->ar, 1, STR("Warga"),
	    STR(""), STR("pendek"), STR(""), &tracking, &m), SEL_EINVAL);
	assert_int_equal(app_complaint_add(f->app, f->ar, 2, STR("Warga"),
	    STR(""), STR("Seleksi ini belum diumumkan."), STR(""), &tracking,
	    &m), SEL_ENOENT);			/* not published */
	assert_int_equal(app_complaint_add(f->app, f->ar, 1, STR(""),
	    STR("warga@example.org"), STR("Pengumuman tidak memuat "
	    "alamat sekretariat."), STR(""), &tracking, &m), SEL_OK);
	assert_true(str_starts(tracking, "ADU-"));
	assert_int_equal(app_complaint_get(f->app, f->ar, tracking, &c),
	    SEL_OK);
	assert_true(str_eqc(c.name, "(tanpa nama)"));
	fx_as(f, "pelamar", &pel);
	assert_int_equal(app_complaints(f->app, f->ar, &pel, 1, &list, &n),
	    SEL_EPERM);
	fx_as(f, "sekretariat", &sec);
	assert_int_equal(app_complaint_answer(f->app, f->ar, &sec, 1, c.id,
	    STR("Sudah diperbaiki."), &m), SEL_EPERM);
	fx_as(f, "pengawas", &over);
	assert_int_equal(app_complaints(f->app, f->ar, &over, 1, &list, &n),
	    SEL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(app_complaint_answer(f->app, f->ar, &over, 1, c.id,
	    STR("Alamat sekretariat tercantum pada bagian akhir."), &m),
	    SEL_OK);
	assert_int_equal(app_complaint_get(f->app, f->ar, tracking, &c),
	    SEL_OK);
	assert_true(str_starts(c.answer, "Alamat"));
	assert_int_equal(app_complaint_get(f->app, f->ar, STR("ADU-0000"), &c),
	    SEL_ENOENT);
}

/* demak-2022 Pasal 9 (3): at most 3 applicants: 2 extensions of 7 days. */
static void
ann_extend_twice_then_next_step(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct adm_view v;
	struct preview pv;
	struct who w, chair, sec;
	int64_t id;

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	fx_as(f, "ketua", &chair);
	fx_as(f, "sekretariat", &sec);
	assert_int_equal(app_extend(f->app, f->ar, &chair, 1, STR(""), STR(""), &m),
	    SEL_ESTATE);			/* not closed yet */
	f->app->fixed_now = CLOSED;
	assert_int_equal(app_extend(f->app, f->ar, &sec, 1, STR(""), STR(""), &m),
	    SEL_EPERM);
	/* Closed by the act, then extended: open again, closed no more. */
	assert_int_equal(app_reg_close(f->app, f->ar, &sec, 1, true, &m), SEL_OK);
	assert_int_equal(app_extend(f->app, f->ar, &chair, 1, STR("B-1/2026"),
	    STR(""), &m), SEL_OK);
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &pv), SEL_OK);
	assert_int_equal(pv.sel.close, t_date("2026-12-19"));
	assert_true(pv.open);			/* registration open again */
	assert_int_equal(pv.sel.state, FL_REGISTRATION);
	assert_int_equal(pv.sel.s.f[SF_CLOSED_AT].len, 0);
	/* The announcement stays as published; the change is an addendum
	   beside it, dated and signed. */
	{
		struct s_publication *pub;
		size_t np;

		assert_int_equal(app_publications(f->app, f->ar, 1, &pub,
		    &np), SEL_OK);
		assert_int_equal(np, 2);
		assert_int_equal(pub[0].kind, PUB_ANNOUNCEMENT);
		assert_non_null(strstr(t_cstr(f->ar, pub[0].body),
		    "2026-12-12"));
		assert_null(strstr(t_cstr(f->ar, pub[0].body), "2026-12-19"));
		assert_int_equal(pub[1].kind, PUB_ADDENDUM);
		assert_non_null(strstr(t_cstr(f->ar, pub[1].body),
		    "12 Desember 2026 menjadi 19 Desember 2026"));
		assert_non_null(strstr(t_cstr(f->ar, pub[1].body),
		    "nomor surat B-1/2026"));
		assert_true(str_eqc(pub[1].signed_by,
		    "Dr. Siti Aminah, M.Si."));
		assert_int_equal(pub[1].sha256.len, 64);
	}
	f->app->fixed_now += 7 * 86400;		/* past the new closing */
	assert_int_equal(app_extend(f->app, f->ar, &chair, 1, STR(""), STR(""), &m),
	    SEL_OK);
	f->app->fixed_now += 7 * 86400;
	assert_int_equal(app_extend(f->app, f->ar, &chair, 1, STR(""), STR(""), &m),
	    SEL_ESTATE);			/* two are the most */
	assert_int_equal(app_adm_view(f->app, f->ar, &chair, 1, &v), SEL_OK);
	assert_int_equal(v.extensions, 2);
	assert_true(v.has_ext);
	assert_true(v.ext.has_after);
	assert_int_equal(v.ext.after.id, R_ANN_AFTER_EXTENSIONS);
}

/* Only a profile with an emergency procedure offers clarification. */
static void
adm_complete_clarification_covid_only(void **state)
{
	struct fx *f = *state;
	struct s_clar *c;
	struct app_msg m;
	struct who w, sec, other;
	size_t n;
	int64_t id;

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	f->app->fixed_now = CLOSED;
	fx_as(f, "sekretariat", &sec);
	assert_int_equal(app_clarify(f->app, f->ar, &sec, 1, id,
	    STR("Mohon unggah ulang SK pangkat."), &m), SEL_ESTATE);
	fx_sql(f, "UPDATE region SET profile_id = 'demak-2022-covid'");
	assert_int_equal(app_clarify(f->app, f->ar, &sec, 1, id,
	    STR("Mohon unggah ulang SK pangkat."), &m), SEL_OK);
	assert_int_equal(app_clars(f->app, f->ar, &w, id, &c, &n), SEL_OK);
	assert_int_equal(n, 1);
	fx_as(f, "pelamar", &other);
	assert_int_equal(app_clar_answer(f->app, f->ar, &other, id, c[0].id,
	    STR("Bukan saya."), &m), SEL_ENOENT);
	assert_int_equal(app_clar_answer(f->app, f->ar, &w, id, c[0].id,
	    STR("Sudah diunggah ulang."), &m), SEL_OK);
	assert_int_equal(app_clar_answer(f->app, f->ar, &w, id, c[0].id,
	    STR("Lagi."), &m), SEL_ENOENT);	/* answered once */
	assert_int_equal(app_clars(f->app, f->ar, &w, id, &c, &n), SEL_OK);
	assert_true(str_eqc(c[0].answer, "Sudah diunggah ulang."));
}

/* ADM-MIN-3 fails: the PPK invites; the invited one applies late. */
static void
adm_invite_after_too_few(void **state)
{
	struct fx *f = *state;
	struct reg_in in = reg("198001012005011001", "1980-01-01", "2005-01");
	struct app_msg m;
	struct who w, sec, member, ppk, inv;
	struct str tok;
	int64_t id, id2, acc;
	static const char record2[] = "{\"nip\": \"198001012005011001\", "
	    "\"name\": \"Agus\", \"birth_date\": \"1980-01-01\", "
	    "\"employment\": \"pns\", \"agency\": {\"name\": \"Pemerintah "
	    "Kabupaten Demak\", \"kind\": \"regency\", \"province\": "
	    "\"Jawa Tengah\"}, \"grade\": \"IV/a\", \"education\": [], "
	    "\"posts\": []}";

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	f->app->fixed_now = CLOSED;
	fx_as(f, "ppk", &ppk);
	assert_int_equal(app_invite(f->app, f->ar, &ppk, 1, 1,
	    STR("198001012005011001"), STR("Agus"), &m), SEL_ESTATE);
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "anggota", &member);
	assert_int_equal(app_adm_check(f->app, f->ar, &sec, 1, id, true,
	    STR(""), &m), SEL_OK);
	assert_int_equal(app_adm_decide_ov(f->app, f->ar, &member, 1, id,
	    true, STR("Memenuhi syarat."), true, STR("Dinilai dari dokumen."),
	    &m), SEL_OK);
	assert_int_equal(app_invite(f->app, f->ar, &sec, 1, 1,
	    STR("198001012005011001"), STR("Agus"), &m), SEL_EPERM);
	assert_int_equal(app_invite(f->app, f->ar, &ppk, 1, 1,
	    STR("19800101200501100"), STR("Agus"), &m), SEL_EINVAL);
	assert_int_equal(app_invite(f->app, f->ar, &ppk, 1, 1,
	    STR("198001012005011001"), STR("Agus"), &m), SEL_OK);
	assert_int_equal(app_invite(f->app, f->ar, &ppk, 1, 1,
	    STR("198001012005011001"), STR("Agus"), &m), SEL_EINVAL);
	/* The invited civil servant registers and applies after closing. */
	in.email = STR("agus@example.org");
	assert_int_equal(app_register(f->app, f->ar, &in, &acc, &m), SEL_OK);
	assert_int_equal(app_confirm(f->app, f->ar, fx_mailed_token(f,
	    "agus@example.org"), &m), SEL_OK);
	assert_int_equal(app_login(f->app, f->ar, in.nip, in.pw1,
	    STR("10.2.2.2"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, &inv), SEL_OK);
	assert_int_equal(app_record_set(f->app, f->ar, &inv, str_c(record2),
	    &m), SEL_OK);
	assert_int_equal(app_apply(f->app, f->ar, &inv, 1, &id2, &m), SEL_OK);
	/* Not so an applicant nobody invited: the window refuses first. */
	assert_int_equal(app_withdraw(f->app, f->ar, &w, id, &m), SEL_OK);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "sudah ditutup"));
}

/*
 * ADM-INVITE: being invited is what the PPK recorded, never what the
 * applicant's record says: a self-declared "invited" is ignored, so the
 * invited path of ELIG-RECOMMENDATION (Demak Pasal 10 ayat (4), the PPK's
 * recommendation alone) does not open for it.
 */
static void
adm_invite_not_self_declared(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct preview pv;
	struct who w;
	const struct rule_result *r = NULL;
	static const char rec[] = RECORD_OPEN ", \"recommendation\": "
	    "{\"by\": \"ppk\"}, \"invited\": true}";

	applicant(f, &w);
	assert_int_equal(app_record_set(f->app, f->ar, &w, str_c(rec), &m),
	    SEL_OK);
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &pv), SEL_OK);
	for (size_t i = 0; i < pv.elig->nrules; i++)
		if (pv.elig->rules[i].id == R_ELIG_RECOMMENDATION)
			r = &pv.elig->rules[i];
	if (r == NULL)
		t_fail("no ELIG-RECOMMENDATION result");
	assert_int_equal(r->status, RS_FAIL);	/* own region: the PyB's */
	assert_null(strstr(r->citation.p, "Pasal 10 ayat (4)"));
}

/* Pontianak Pasal 12 (1) b: "if needed", no length: the committee's date. */
static void
ann_extend_pontianak_committee_date(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct preview pv;
	struct who w, sec, member, chair;
	int64_t id;

	applicant(f, &w);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	fx_sql(f, "UPDATE region SET profile_id = 'pontianak-2015'");
	f->app->fixed_now = CLOSED;
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "anggota", &member);
	fx_as(f, "ketua", &chair);
	assert_int_equal(app_adm_check(f->app, f->ar, &sec, 1, id, true,
	    STR(""), &m), SEL_OK);
	assert_int_equal(app_adm_decide_ov(f->app, f->ar, &member, 1, id,
	    true, STR("Memenuhi syarat."), true, STR("Dinilai dari dokumen."),
	    &m), SEL_OK);
	assert_int_equal(app_extend(f->app, f->ar, &chair, 1, STR(""),
	    STR(""), &m), SEL_EINVAL);		/* the date is the committee's */
	assert_int_equal(app_extend(f->app, f->ar, &chair, 1, STR(""),
	    STR("2026-12-12"), &m), SEL_EINVAL);	/* not after the closing */
	assert_int_equal(app_extend(f->app, f->ar, &chair, 1, STR(""),
	    STR("2026-12-13"), &m), SEL_OK);	/* the day after */
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &pv), SEL_OK);
	assert_int_equal(pv.sel.close, t_date("2026-12-13"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(nip_agrees_with_birth_and_tmt),
		FX_TEST(confirm_once_and_expiry),
		FX_TEST(reset_by_mail),
		FX_TEST(record_is_checked),
		RULE_TEST("ANN-DURATION", ann_duration_closing_day_in_wib),
		FX_TEST(unconfirmed_cannot_log_in_or_apply),
		FX_TEST(receipt_withdraw_and_privacy),
		FX_TEST(registrants_public_after_closing),
		RULE_TEST("ADM-COMPLETE", adm_complete_decide_publish),
		FX_TEST(adm_publish_needs_every_decision),
		FX_TEST(complaints_recorded_and_answered),
		RULE_TEST("ANN-EXTEND", ann_extend_twice_then_next_step),
		RULE_TEST("ADM-COMPLETE", adm_complete_clarification_covid_only),
		RULE_TEST("ADM-INVITE", adm_invite_after_too_few),
		RULE_TEST("ADM-INVITE", adm_invite_not_self_declared),
		RULE_TEST("ANN-EXTEND", ann_extend_pontianak_committee_date),
	};

	return cmocka_run_group_tests_name("apply", tests, NULL, NULL);
}
