/*
 * test_security.c - the findings of issue 11 on the application layer: a
 * login throttle that an attacker cannot turn against the account's owner
 * and that parallel guesses cannot overtake, the limits on password
 * resets, registrations and complaints, a NIP registered by someone else,
 * and text that is refused rather than stored.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "t.h"
#include "app/app.h"
#include "t_app.h"
#include "base/banned.h"

static enum sel_err
login(struct fx *f, const char *name, const char *pw, const char *ip)
{
	struct app_msg m;
	struct str tok;

	return app_login(f->app, f->ar, str_c(name), str_c(pw), str_c(ip),
	    &tok, &m);
}

/*
 * Five wrong passwords for the chair from one address lock that address
 * out of that name, not the chair: the right password from another
 * address still opens a session.  (Before issue 11 it answered 429.)
 */
static void
login_lock_is_per_name_and_address(void **state)
{
	struct fx *f = *state;

	for (int i = 0; i < APP_FAIL_MAX; i++)
		assert_int_equal(login(f, "ketua", "bukan-sandi", "10.6.6.6"),
		    SEL_EINVAL);
	assert_int_equal(login(f, "ketua", "demo-selter", "10.6.6.6"),
	    SEL_EBUSY);			/* the guessing address: locked */
	assert_int_equal(login(f, "ketua", "demo-selter", "10.1.1.1"),
	    SEL_OK);			/* the owner elsewhere: in */
	/* The pair's lock lasts the window, then lifts. */
	f->app->fixed_now += 15 * 60 - 1;
	assert_int_equal(login(f, "ketua", "demo-selter", "10.6.6.6"),
	    SEL_EBUSY);
	f->app->fixed_now += 2;
	assert_int_equal(login(f, "ketua", "demo-selter", "10.6.6.6"),
	    SEL_OK);
}

/*
 * Failures of one name from many addresses (each under the pair's limit)
 * past APP_FAIL_SLOW only slow the name: one check per APP_FAIL_GAP
 * seconds, never a lock; the owner's successful login lifts it.
 */
static void
login_name_ceiling_slows_never_locks(void **state)
{
	struct fx *f = *state;
	char ip[32];

	for (int i = 0; i < APP_FAIL_SLOW; i++) {
		snprintf(ip, sizeof ip, "10.7.%d.%d", i / 4, i % 4);
		assert_int_equal(login(f, "ketua", "bukan-sandi", ip),
		    SEL_EINVAL);
	}
	assert_int_equal(login(f, "ketua", "bukan-sandi", "10.8.0.1"),
	    SEL_EINVAL);		/* past the ceiling: a checked guess */
	assert_int_equal(login(f, "ketua", "demo-selter", "10.1.1.1"),
	    SEL_EBUSY);			/* within its gap: slowed */
	f->app->fixed_now += APP_FAIL_GAP - 1;
	assert_int_equal(login(f, "ketua", "demo-selter", "10.1.1.1"),
	    SEL_EBUSY);
	f->app->fixed_now += 1;		/* the gap over: the owner is in */
	assert_int_equal(login(f, "ketua", "demo-selter", "10.1.1.1"),
	    SEL_OK);
	/* The success lifted the slowing: two checks in the same second. */
	assert_int_equal(login(f, "ketua", "bukan-sandi", "10.8.0.2"),
	    SEL_EINVAL);
	assert_int_equal(login(f, "ketua", "bukan-sandi", "10.8.0.3"),
	    SEL_EINVAL);
	/* Other names are not slowed by it. */
	assert_int_equal(login(f, "anggota", "demo-selter", "10.8.0.3"),
	    SEL_OK);
}

struct guess {
	struct fx	*f;
	enum sel_err	 rc;
};

static void *
guess(void *arg)
{
	struct guess *g = arg;
	struct arena *ar = arena_new(4096);
	struct app_msg m;
	struct str tok;

	g->rc = app_login(g->f->app, ar, STR("ketua"), STR("bukan-sandi"),
	    STR("10.9.9.9"), &tok, &m);
	arena_destroy(ar);
	return NULL;
}

/*
 * 40 wrong guesses from one address at once: the count is taken before
 * each password check, in one write transaction, so exactly APP_FAIL_MAX
 * passwords are checked (the rest answer 429).  Before the fix the counts
 * were read first and written after the slow check: more got through.
 */
static void
login_parallel_guesses_counted_atomically(void **state)
{
	struct fx *f = *state;
	struct guess g[40];
	pthread_t th[40];
	int checked = 0, busy = 0;

	for (int i = 0; i < 40; i++) {
		g[i] = (struct guess){ f, SEL_OK };
		assert_int_equal(pthread_create(&th[i], NULL, guess, &g[i]),
		    0);
	}
	for (int i = 0; i < 40; i++) {
		pthread_join(th[i], NULL);
		checked += g[i].rc == SEL_EINVAL;
		busy += g[i].rc == SEL_EBUSY;
	}
	assert_int_equal(checked, APP_FAIL_MAX);
	assert_int_equal(busy, 40 - APP_FAIL_MAX);
}

/* Rows a query counts, read straight from the store's file. */
static int64_t
rows(struct fx *f, const char *sql)
{
	return fx_sql_i64(f, sql);
}

static int64_t
mails_to(struct fx *f, const char *to)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM outbox WHERE "
	    "to_addr = '%s'", to);
	return rows(f, sql);
}

static struct reg_in
reg(const char *nip, const char *email, const char *ip)
{
	return (struct reg_in){ str_c(nip), STR("Budi Santoso"),
	    STR("1980-01-01"), STR("2005-01"), str_c(email),
	    STR("rahasia-budi"), STR("rahasia-budi"), str_c(ip) };
}

/*
 * 40 reset requests for one account put RESET_MAX (3) mails in the
 * outbox, each with the same answer; an address is limited to
 * reset_per_ip requests an hour, another address is not.
 */
static void
reset_requests_limited_per_account_and_address(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w;
	char ip[32];

	fx_ratna(f, &w);
	for (int i = 0; i < 40; i++) {
		snprintf(ip, sizeof ip, "10.4.0.%d", i);
		assert_int_equal(app_reset_request(f->app, f->ar,
		    STR("ratna@example.org"), str_c(ip), &m), SEL_OK);
		assert_non_null(strstr(m.text, "Bila akun itu ada"));
	}
	assert_int_equal(mails_to(f, "ratna@example.org"), 1 + 3);
	f->app->fixed_now += 3600;	/* the next hour: one more */
	assert_int_equal(app_reset_request(f->app, f->ar, STR(FX_RATNA_NIP),
	    STR(""), &m), SEL_OK);
	assert_int_equal(mails_to(f, "ratna@example.org"), 1 + 4);

	f->app->reset_per_ip = 5;
	for (int i = 0; i < 5; i++)
		assert_int_equal(app_reset_request(f->app, f->ar,
		    STR("tidak-ada"), STR("10.4.1.1"), &m), SEL_OK);
	assert_int_equal(app_reset_request(f->app, f->ar, STR("tidak-ada"),
	    STR("10.4.1.1"), &m), SEL_EBUSY);
	assert_int_equal(app_reset_request(f->app, f->ar, STR("tidak-ada"),
	    STR("10.4.1.2"), &m), SEL_OK);
}

/* Using one reset link voids every other outstanding one. */
static void
reset_link_voids_the_others(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct str t1, t2;
	struct who w;

	fx_ratna(f, &w);
	assert_int_equal(app_reset_request(f->app, f->ar, STR(FX_RATNA_NIP),
	    STR(""), &m), SEL_OK);
	t1 = fx_mailed_token(f, "ratna@example.org");
	assert_int_equal(app_reset_request(f->app, f->ar, STR(FX_RATNA_NIP),
	    STR(""), &m), SEL_OK);
	t2 = fx_mailed_token(f, "ratna@example.org");
	assert_false(str_eq(t1, t2));
	assert_int_equal(app_reset(f->app, f->ar, t2, STR("baru-sekali-1"),
	    STR("baru-sekali-1"), &m), SEL_OK);
	assert_int_equal(app_reset(f->app, f->ar, t1, STR("baru-sekali-2"),
	    STR("baru-sekali-2"), &m), SEL_EINVAL);
	assert_int_equal(login(f, FX_RATNA_NIP, "baru-sekali-1", "10.4.2.1"),
	    SEL_OK);
}

/* A reset lifts the name's slowing (the pair's lock stays). */
static void
reset_lifts_the_name_slowing(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w;
	char ip[32];

	fx_ratna(f, &w);
	for (int i = 0; i <= APP_FAIL_SLOW; i++) {
		snprintf(ip, sizeof ip, "10.5.%d.%d", i / 4, i % 4);
		assert_int_equal(login(f, FX_RATNA_NIP, "bukan-sandi", ip),
		    SEL_EINVAL);
	}
	assert_int_equal(login(f, FX_RATNA_NIP, "rahasia-ratna", "10.1.1.1"),
	    SEL_EBUSY);
	assert_int_equal(app_reset_request(f->app, f->ar, STR(FX_RATNA_NIP),
	    STR(""), &m), SEL_OK);
	assert_int_equal(app_reset(f->app, f->ar, fx_mailed_token(f,
	    "ratna@example.org"), STR("baru-sekali-1"), STR("baru-sekali-1"),
	    &m), SEL_OK);
	assert_int_equal(login(f, FX_RATNA_NIP, "baru-sekali-1", "10.1.1.1"),
	    SEL_OK);
}

/*
 * register_per_ip registrations an hour from one address, counted
 * before the password is hashed; the next is refused with nothing made,
 * another address still registers, and the hour after it opens again.
 */
static void
register_limited_per_address(void **state)
{
	struct fx *f = *state;
	static const char *const nip[] = { "198001012005011001",
	    "198001012005011002", "198001012005011003", "198001012005011004",
	    "198001012005011005" };
	struct reg_in in;
	struct app_msg m;
	int64_t id, before;

	f->app->register_per_ip = 3;
	for (int i = 0; i < 3; i++) {
		in = reg(nip[i], "budi@example.org", "10.3.3.3");
		assert_int_equal(app_register(f->app, f->ar, &in, &id, &m),
		    SEL_OK);
		assert_true(id > 0);
	}
	before = rows(f, "SELECT count(*) FROM account");
	in = reg(nip[3], "budi@example.org", "10.3.3.3");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m),
	    SEL_EBUSY);
	assert_non_null(strstr(m.text, "Terlalu banyak pendaftaran"));
	assert_int_equal(rows(f, "SELECT count(*) FROM account"), before);
	in = reg(nip[3], "budi@example.org", "10.3.3.4");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	f->app->fixed_now += 3600;
	in = reg(nip[4], "budi@example.org", "10.3.3.3");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
}

/*
 * Someone registers another's NIP first.  While its link lives (48 h),
 * a second registration gets the same answer as a new one, nothing is
 * made and nobody is mailed; once it expired unconfirmed, the next
 * registration releases it (audited) and takes the NIP.  A confirmed
 * NIP answers the same; its owner, not the newcomer, is told.
 */
static void
register_taken_nip_neutral_expiry_and_owner_told(void **state)
{
	struct fx *f = *state;
	struct reg_in in = reg("198001012005011001", "squat@example.org",
	    "");
	struct app_msg m;
	struct app_msg first;
	int64_t id, squat;

	assert_int_equal(app_register(f->app, f->ar, &in, &squat, &first),
	    SEL_OK);
	in.email = STR("budi@example.org");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(id, 0);
	assert_string_equal(m.text, first.text);	/* nothing told */
	assert_int_equal(mails_to(f, "squat@example.org"), 1);
	assert_int_equal(mails_to(f, "budi@example.org"), 0);
	f->app->fixed_now += 48 * 3600 - 1;	/* the link's last second */
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(id, 0);
	f->app->fixed_now += 1;			/* expired: released */
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_true(id > squat);
	assert_int_equal(mails_to(f, "budi@example.org"), 1);
	assert_int_equal(rows(f, "SELECT count(*) FROM event WHERE "
	    "action = 'nip_release'"), 1);
	assert_int_equal(rows(f, "SELECT count(*) FROM account WHERE login "
	    "LIKE 'lepas-%' AND pwhash = '!'"), 1);
	assert_int_equal(app_confirm(f->app, f->ar, fx_mailed_token(f,
	    "budi@example.org"), &m), SEL_OK);
	/* Confirmed: the same answer again; the owner is told, at most
	 * three times a day. */
	in.email = STR("lain@example.org");
	for (int i = 0; i < 5; i++) {
		assert_int_equal(app_register(f->app, f->ar, &in, &id, &m),
		    SEL_OK);
		assert_int_equal(id, 0);
		assert_string_equal(m.text, first.text);
	}
	assert_int_equal(mails_to(f, "lain@example.org"), 0);
	assert_int_equal(mails_to(f, "budi@example.org"), 1 + 3);
	assert_int_equal(login(f, "198001012005011001", "rahasia-budi",
	    "10.1.1.1"), SEL_OK);
}

/*
 * A squatter confirms someone else's NIP with their own address.  The
 * owner's registration gets the neutral answer; the secretariat, after
 * checking identity, releases the NIP with a reason (audited; nobody
 * else may); the squatter's account can no longer log in and the owner
 * registers.
 */
static void
nip_release_by_the_secretariat(void **state)
{
	struct fx *f = *state;
	struct reg_in in = reg("198001012005011001", "squat@example.org",
	    "");
	struct app_msg m;
	struct who sec, pel;
	int64_t id, before;
	const char *why = "KTP dan SK CPNS pemilik diperiksa di kantor BKD.";

	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(app_confirm(f->app, f->ar, fx_mailed_token(f,
	    "squat@example.org"), &m), SEL_OK);
	in.email = STR("budi@example.org");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(id, 0);

	fx_as(f, "pelamar", &pel);
	fx_as(f, "sekretariat", &sec);
	before = fx_events(f);
	assert_int_equal(app_nip_release(f->app, f->ar, &pel, in.nip,
	    str_c(why), &m), SEL_EPERM);
	assert_int_equal(app_nip_release(f->app, f->ar, &sec, in.nip,
	    STR("dicek"), &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "reason");
	assert_int_equal(app_nip_release(f->app, f->ar, &sec,
	    STR("198001012005011009"), str_c(why), &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "nip");
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_nip_release(f->app, f->ar, &sec, in.nip,
	    str_c(why), &m), SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
	assert_int_equal(rows(f, "SELECT count(*) FROM event WHERE action = "
	    "'nip_release' AND after LIKE '%\"reason\":\"KTP dan SK%'"), 1);
	assert_int_equal(login(f, "198001012005011001", "rahasia-budi",
	    "10.1.1.1"), SEL_EINVAL);	/* the squatter's password: none */
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_true(id > 0);
	assert_int_equal(mails_to(f, "budi@example.org"), 1);
}

/* Text a field may hold: valid UTF-8, no controls, no bidi overrides. */
static void
text_valid_utf8_controls_bidi(void **state)
{
	static const struct { const char *s; size_t n; bool one, multi; } t[] = {
		{ "Ratna Sari", 10, true, true },
		{ "Sri \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 15, true, true },
		{ "\xf4\x8f\xbf\xbf", 4, true, true },	/* U+10FFFF */
		{ "a\r\nb", 4, false, true },
		{ "a\tb", 3, false, true },
		{ "abc\0def", 7, false, false },	/* NUL */
		{ "a\x1b" "b", 3, false, false },	/* ESC */
		{ "a\x7f", 2, false, false },		/* DEL */
		{ "a\xc2\x85", 3, false, false },	/* U+0085, C1 */
		{ "a\xe2\x80\xae" "b", 5, false, false },	/* U+202E */
		{ "a\xe2\x81\xa6" "b", 5, false, false },	/* U+2066 */
		{ "\xff", 1, false, false },
		{ "\xc0\xaf", 2, false, false },	/* overlong '/' */
		{ "\xe0\x80\xaf", 3, false, false },	/* overlong, 3 bytes */
		{ "\xed\xa0\x80", 3, false, false },	/* a surrogate */
		{ "\xf4\x90\x80\x80", 4, false, false },	/* past U+10FFFF */
		{ "\xe2\x82", 2, false, false },	/* cut short */
		{ "\x80", 1, false, false },		/* stray continuation */
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct str s = { t[i].s, t[i].n };

		if (app_text_valid(s, 100, false) != t[i].one ||
		    app_text_valid(s, 100, true) != t[i].multi)
			fail_msg("case %zu", i);
	}
	assert_false(app_text_valid(STR("abcdef"), 5, true));	/* max */
	assert_true(app_text_valid(STR("abcde"), 5, true));
}

/*
 * A complaint's name and contact are one line, its body text: CR/LF,
 * invalid UTF-8, an overlong form, U+202E or a NUL anywhere is refused
 * with its field named and nothing stored; at most complaint_per_ip an
 * hour from one address.
 */
static void
complaint_text_refused_field_named_and_limited(void **state)
{
	struct fx *f = *state;
	static const struct { const char *s; size_t n; } bad[] = {
		{ "Warga\r\nBcc: x", 13 }, { "Warga \xff", 7 },
		{ "Warga \xc0\xaf", 8 }, { "\xe2\x80\xae" "agraW", 8 },
		{ "abc\0def", 7 },
	};
	static const char body_ok[] = "Pengumuman tidak memuat\r\nalamat.";
	struct str body = STR(body_ok), tr;
	struct app_msg m;
	int64_t before = rows(f, "SELECT count(*) FROM complaint");

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct str s = { bad[i].s, bad[i].n };

		assert_int_equal(app_complaint_add(f->app, f->ar, 1, s,
		    STR(""), body, STR(""), &tr, &m), SEL_EINVAL);
		assert_string_equal(app_msg_field(&m), "name");
		assert_int_equal(app_complaint_add(f->app, f->ar, 1,
		    STR("Warga"), s, body, STR(""), &tr, &m), SEL_EINVAL);
		assert_string_equal(app_msg_field(&m), "contact");
	}
	assert_int_equal(app_complaint_add(f->app, f->ar, 1, STR("Warga"),
	    STR(""), ((struct str){ "Isi pengaduan\0yang terpotong", 28 }),
	    STR(""), &tr, &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "body");
	assert_int_equal(rows(f, "SELECT count(*) FROM complaint"), before);

	f->app->complaint_per_ip = 2;
	for (int i = 0; i < 2; i++)
		assert_int_equal(app_complaint_add(f->app, f->ar, 1,
		    STR("Warga"), STR(""), body, STR("10.2.2.2"), &tr, &m),
		    SEL_OK);
	assert_int_equal(app_complaint_add(f->app, f->ar, 1, STR("Warga"),
	    STR(""), body, STR("10.2.2.2"), &tr, &m), SEL_EBUSY);
	assert_int_equal(rows(f, "SELECT count(*) FROM complaint"),
	    before + 2);
	assert_int_equal(app_complaint_add(f->app, f->ar, 1, STR("Warga"),
	    STR(""), body, STR("10.2.2.3"), &tr, &m), SEL_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(login_lock_is_per_name_and_address),
		FX_TEST(login_name_ceiling_slows_never_locks),
		FX_TEST(login_parallel_guesses_counted_atomically),
		FX_TEST(reset_requests_limited_per_account_and_address),
		FX_TEST(reset_link_voids_the_others),
		FX_TEST(reset_lifts_the_name_slowing),
		FX_TEST(register_limited_per_address),
		FX_TEST(register_taken_nip_neutral_expiry_and_owner_told),
		FX_TEST(nip_release_by_the_secretariat),
		FX_TEST(text_valid_utf8_controls_bidi),
		FX_TEST(complaint_text_refused_field_named_and_limited),
	};

	return cmocka_run_group_tests_name("security", tests, NULL, NULL);
}
