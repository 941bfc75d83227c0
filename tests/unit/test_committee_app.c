/*
 * test_committee_app.c - the committee is people (issue 10 item 4), on
 * the demo store: the chair's and members' grants follow from the
 * confirmed committee, never from a hand-made grant; a member without an
 * account joins by the e-mailed invitation; the name under the chair's
 * signature is the confirmed chair's and only that account signs; a
 * member the PPK replaces loses the place, and their acts stay theirs.
 */
#include <string.h>

#include "t_app.h"
#include "base/banned.h"

/* Selection 2 of the demo: confirmed, not yet published. */
#define SEL2	2

static bool
grant_of(struct fx *f, const char *login, enum role r, int64_t sel)
{
	struct s_account acc;
	struct s_grant *g;
	struct stx *tx;
	size_t n;
	bool found = false;

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_account_by_login(tx, f->ar, str_c(login),
	    &acc), SEL_OK);
	assert_int_equal(store_grants(tx, f->ar, acc.id, &g, &n), SEL_OK);
	store_abort(f->app->st, tx);
	for (size_t i = 0; i < n; i++)
		found = found || (g[i].role == r && g[i].selection_id == sel);
	return found;
}

static int64_t
count(struct fx *f, const char *sql_action)
{
	struct s_event *e;
	struct stx *tx;
	size_t n;
	int64_t k = 0;

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_events(tx, f->ar, 0, 0, 100000, &e, &n),
	    SEL_OK);
	store_abort(f->app->st, tx);
	for (size_t i = 0; i < n; i++)
		k += str_eqc(e[i].action, sql_action);
	return k;
}

/* Confirmation gave ketua the chair and anggota a member's place, and
   sent an invitation to each member without an account. */
static void
com_member_grants_follow_the_confirmed_committee(void **state)
{
	struct fx *f = *state;
	struct sel_view v;

	assert_true(grant_of(f, "ketua", ROLE_CHAIR, SEL2));
	assert_true(grant_of(f, "anggota", ROLE_MEMBER, SEL2));
	assert_false(grant_of(f, "anggota", ROLE_CHAIR, SEL2));
	/* Two selections: two grants, three invitations each. */
	assert_int_equal(count(f, "committee_grant"), 4);
	assert_int_equal(count(f, "committee_invite"), 6);
	assert_int_equal(app_sel_view(f->app, f->ar, SEL2, &v), SEL_OK);
	assert_int_equal(v.nmembers, 5);
	assert_true(v.members[0].chair);
	assert_true(str_eqc(v.members[0].login, "ketua"));
	assert_true(str_eqc(v.members[2].email, "hadi.purnomo@example.org") ||
	    str_eqc(v.members[3].email, "hadi.purnomo@example.org") ||
	    str_eqc(v.members[4].email, "hadi.purnomo@example.org"));
	(void)fx_mailed_token(f, "hadi.purnomo@example.org");
}

/* The administrator cannot hand out the chair's or a member's place. */
static void
com_member_no_hand_made_grant(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w;
	int64_t before;

	fx_as(f, "admin", &w);
	before = fx_events(f);
	assert_int_equal(app_grant_add(f->app, f->ar, &w, STR("pyb"),
	    STR("demak"), SEL2, STR("chair"), &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "susunan panitia"));
	assert_int_equal(app_grant_add(f->app, f->ar, &w, STR("pyb"),
	    STR("demak"), 0, STR("member"), &m), SEL_EINVAL);
	assert_int_equal(fx_events(f), before);
	assert_false(grant_of(f, "pyb", ROLE_CHAIR, SEL2));
}

/* A member added needs an account or an address, exactly one. */
static void
com_member_is_an_account_or_an_invitation(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w;
	int64_t sel, before;
	struct form fm;
	static const char *const bad[][4] = {
		{ "", "" },			/* neither */
		{ "ketua", "x@example.org" },	/* both */
		{ "tidakada", "" },		/* no such account */
		{ "admin", "" },		/* the administrator */
		{ "197804212003031002", "" },	/* an applicant */
		{ "", "bukan-alamat" },
	};

	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_sel_create(f->app, f->ar, &w, STR("demak"),
	    STR("Seleksi uji panitia"), &sel, &m), SEL_OK);
	before = fx_events(f);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		fm = fx_form(f->ar, (const char *[]){ "name", "Anggota Uji",
		    "origin", "academic", "login", bad[i][0], "email",
		    bad[i][1], NULL });
		assert_int_equal(app_prep(f->app, f->ar, &w, sel,
		    OP_MEMBER_ADD, &fm, &m), SEL_EINVAL);
		assert_non_null(strstr(m.text, "Akun anggota") != NULL ?
		    m.text : strstr(m.text, "surel"));
	}
	assert_int_equal(fx_events(f), before);
	fm = fx_form(f->ar, (const char *[]){ "name", "Dr. Siti Aminah, M.Si.",
	    "origin", "academic", "chair", "1", "login", "ketua", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, sel, OP_MEMBER_ADD, &fm,
	    &m), SEL_OK);
	/* The same person twice: refused. */
	fm = fx_form(f->ar, (const char *[]){ "name", "Siti lagi", "origin",
	    "academic", "login", "ketua", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, sel, OP_MEMBER_ADD, &fm,
	    &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "sudah menjadi anggota"));
}

/* The invited member makes an account with the link, once. */
static void
com_member_joins_by_invitation(void **state)
{
	struct fx *f = *state;
	struct str tok = fx_mailed_token(f, "hadi.purnomo@example.org");
	struct s_member mb;
	struct s_selection s;
	struct app_msg m;
	struct who w;
	int64_t before;

	assert_int_equal(app_member_invitation(f->app, f->ar, tok, &mb, &s),
	    SEL_OK);
	assert_true(str_eqc(mb.name, "Drs. Hadi Purnomo, M.Si."));
	assert_int_equal(s.id, SEL2);
	before = fx_events(f);
	assert_int_equal(app_member_join(f->app, f->ar, tok, STR("Hadi"),
	    STR("rahasia-hadi-1"), STR("rahasia-hadi-1"), &m), SEL_EINVAL);
	assert_int_equal(app_member_join(f->app, f->ar, tok, STR("hadi"),
	    STR("rahasia-hadi-1"), STR("lain-sekali-1"), &m), SEL_EINVAL);
	assert_int_equal(app_member_join(f->app, f->ar, tok, STR("ketua"),
	    STR("rahasia-hadi-1"), STR("rahasia-hadi-1"), &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "sudah dipakai"));
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_member_join(f->app, f->ar, tok, STR("hadi"),
	    STR("rahasia-hadi-1"), STR("rahasia-hadi-1"), &m), SEL_OK);
	assert_true(grant_of(f, "hadi", ROLE_MEMBER, SEL2));
	assert_false(grant_of(f, "hadi", ROLE_MEMBER, 1));
	assert_int_equal(count(f, "committee_join"), 1);
	/* Used: neither readable nor usable again. */
	assert_int_equal(app_member_invitation(f->app, f->ar, tok, &mb, &s),
	    SEL_ENOENT);
	assert_int_equal(app_member_join(f->app, f->ar, tok, STR("hadi2"),
	    STR("rahasia-hadi-1"), STR("rahasia-hadi-1"), &m), SEL_ENOENT);
	assert_int_equal(app_login(f->app, f->ar, STR("hadi"),
	    STR("rahasia-hadi-1"), STR("127.0.0.1"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, &w), SEL_OK);
	assert_true(app_may(&w, ACT_STAGE_DECIDE, 1, SEL2));
}

/* ANN-SIGNED: only the confirmed chair signs, under the chair's name. */
static void
ann_signed_by_the_confirmed_chair(void **state)
{
	struct fx *f = *state;
	struct s_account acc;
	struct s_grant g;
	struct app_msg m;
	struct who w;
	struct sel_view v;
	struct stx *tx;
	struct form fm = fx_form(f->ar, (const char *[]){ "confirm", "1",
	    NULL });
	int64_t id, before;

	/* A chair's grant made by hand before this rule (a store row): it
	   gives the role, never the signature. */
	assert_int_equal(store_begin(f->app->st, true, &tx), SEL_OK);
	assert_int_equal(store_account_by_login(tx, f->ar, STR("pyb"), &acc),
	    SEL_OK);
	memset(&g, 0, sizeof g);
	g.account_id = acc.id;
	g.region_id = 1;
	g.selection_id = SEL2;
	g.role = ROLE_CHAIR;
	assert_int_equal(store_grant_add(tx, &g, &id), SEL_OK);
	assert_int_equal(store_commit(f->app->st, tx), SEL_OK);
	fx_as(f, "pyb", &w);
	before = fx_events(f);
	assert_int_equal(app_prep(f->app, f->ar, &w, SEL2, OP_PUBLISH, &fm,
	    &m), SEL_EPERM);
	assert_non_null(strstr(m.text, "Dr. Siti Aminah, M.Si."));
	assert_int_equal(fx_events(f), before);
	fx_as(f, "ketua", &w);
	assert_int_equal(app_prep(f->app, f->ar, &w, SEL2, OP_PUBLISH, &fm,
	    &m), SEL_OK);
	assert_int_equal(app_sel_view(f->app, f->ar, SEL2, &v), SEL_OK);
	assert_true(str_eqc(v.s.f[SF_SIGNED_BY], "Dr. Siti Aminah, M.Si."));
}

/* The PPK replaces a member: the place moves, the earlier acts stay. */
static void
com_member_replaced_keeps_earlier_acts(void **state)
{
	struct fx *f = *state;
	struct str tok = fx_mailed_token(f, "hadi.purnomo@example.org");
	struct s_member *left;
	struct s_event *e;
	struct sel_view v;
	struct app_msg m;
	struct who w;
	struct stx *tx;
	struct form fm;
	size_t n, nleft;
	int64_t hadi = 0, before;
	bool found = false;

	assert_int_equal(app_member_join(f->app, f->ar, tok, STR("hadi"),
	    STR("rahasia-hadi-1"), STR("rahasia-hadi-1"), &m), SEL_OK);
	assert_int_equal(app_sel_view(f->app, f->ar, SEL2, &v), SEL_OK);
	for (size_t i = 0; i < v.nmembers; i++)
		if (str_eqc(v.members[i].login, "hadi"))
			hadi = v.members[i].id;
	assert_true(hadi > 0);
	fm = fx_form(f->ar, (const char *[]){ "id", arena_printf(f->ar,
	    "%lld", (long long)hadi).p, "ref", "800/99/2026", "name",
	    "Drs. Bambang Irawan, M.M.", "origin", "internal", "echelon", "II.b",
	    "email", "bambang.irawan@example.org", "decl", "knowledge_field",
	    "decl", "knowledge_assessment", "decl", "no_party_stamped", "decl",
	    "no_conflict", "decl", "integrity_pact", "decl", "code_of_ethics",
	    "decl", "no_party", NULL });
	/* Only the PPK replaces, by a decree. */
	fx_as(f, "sekretariat", &w);
	before = fx_events(f);
	assert_int_equal(app_prep(f->app, f->ar, &w, SEL2, OP_MEMBER_REPLACE,
	    &fm, &m), SEL_EPERM);
	assert_int_equal(fx_events(f), before);
	fx_as(f, "ppk", &w);
	assert_int_equal(app_prep(f->app, f->ar, &w, SEL2, OP_MEMBER_REPLACE,
	    &fm, &m), SEL_OK);
	assert_false(grant_of(f, "hadi", ROLE_MEMBER, SEL2));
	assert_int_equal(app_sel_view(f->app, f->ar, SEL2, &v), SEL_OK);
	assert_int_equal(v.nmembers, 5);
	assert_true(v.com.valid);
	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_members_left(tx, f->ar, SEL2, &left, &nleft),
	    SEL_OK);
	assert_int_equal(store_events(tx, f->ar, SEL2, 0, 100000, &e, &n),
	    SEL_OK);
	store_abort(f->app->st, tx);
	assert_int_equal(nleft, 1);
	assert_true(str_eqc(left[0].name, "Drs. Hadi Purnomo, M.Si."));
	assert_true(left[0].left_at.len > 0);
	for (size_t i = 0; i < n; i++)
		found = found || (str_eqc(e[i].action, "committee_join") &&
		    str_eqc(e[i].actor, "Drs. Hadi Purnomo, M.Si. (hadi)"));
	assert_true(found);
	assert_int_equal(count(f, "member_replace"), 1);
	(void)fx_mailed_token(f, "bambang.irawan@example.org");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("COM-MEMBER",
		    com_member_grants_follow_the_confirmed_committee),
		RULE_TEST("COM-MEMBER", com_member_no_hand_made_grant),
		RULE_TEST("COM-MEMBER",
		    com_member_is_an_account_or_an_invitation),
		RULE_TEST("COM-MEMBER", com_member_joins_by_invitation),
		RULE_TEST("ANN-SIGNED", ann_signed_by_the_confirmed_chair),
		RULE_TEST("COM-MEMBER",
		    com_member_replaced_keeps_earlier_acts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
