/*
 * t_score.c - the fixture of the scoring tests (t_score.h).
 */
#include <stdio.h>
#include <string.h>


#include "t_score.h"
#include "base/banned.h"

void
sql(struct fx *f, const char *q)
{
	fx_sql(f, q);
}

int64_t
sql_int(struct fx *f, const char *q)
{
	return fx_sql_i64(f, q);
}

/* The paper's blind code of application 901, in a static buffer. */
static char code901[16];

const char *
sql_text_code(struct fx *f)
{
	const char *c = fx_sql_text(f, "SELECT code FROM blind_code "
	    "WHERE application_id = 901");

	snprintf(code901, sizeof code901, "%s", c != NULL ? c : "");
	return code901;
}

/*
 * Until the stage part is merged: the administrative result published
 * with three candidates (accounts c1, c2, c3; applications 901-903), a
 * third committee member with an account (penilai3), an account on
 * selection 2's committee only (lain), the clock after the closing date.
 */
void
seed_stage(struct fx *f)
{
	sql(f, "INSERT INTO account (id, login, name, pwhash, created_at) "
	    "SELECT 901 + k.n, 'c' || (k.n + 1), 'Calon ' || (k.n + 1), "
	    "a.pwhash, '2026-11-01T00:00:00Z' FROM account a, (SELECT 0 AS n "
	    "UNION SELECT 1 UNION SELECT 2) k WHERE a.login = 'anggota';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role) SELECT id, 1, 1, 'applicant' FROM account WHERE id > 900;"
	    "INSERT INTO application (id, selection_id, vacancy_id, "
	    "account_id, state, reg_no, submitted_at, record, verdict, rules) "
	    "SELECT 901 + k.n, 1, v.id, 901 + k.n, 'submitted', 'REG-00' || "
	    "(k.n + 1), '2026-12-01T00:00:00Z', '{}', 'eligible', '[]' FROM "
	    "(SELECT min(id) AS id FROM vacancy WHERE selection_id = 1) v, "
	    "(SELECT 0 AS n UNION SELECT 1 UNION SELECT 2) k;"
	    "INSERT INTO adm_decision SELECT id, 1, 'Memenuhi syarat.', "
	    "'Panitia', '2026-12-13T00:00:00Z' FROM application WHERE id > "
	    "900;"
	    "INSERT INTO account (id, login, name, pwhash, created_at) "
	    "SELECT 911, 'penilai3', 'Anggota Tiga', pwhash, created_at FROM "
	    "account WHERE login = 'anggota';"
	    "UPDATE member SET account_id = 911 WHERE id = (SELECT min(id) "
	    "FROM member WHERE selection_id = 1 AND account_id IS NULL);"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role, member_id) SELECT 911, 1, 1, 'member', id FROM member "
	    "WHERE account_id = 911;"
	    "INSERT INTO account (id, login, name, pwhash, created_at) "
	    "SELECT 912, 'lain', 'Anggota Seleksi Lain', pwhash, created_at "
	    "FROM account WHERE login = 'anggota';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role) VALUES (912, 1, 2, 'member');"
	    "UPDATE selection SET closed_at = '2026-12-12T17:00:00Z', "
	    "closed_by = 'Sekretariat', adm_published_at = "
	    "'2026-12-13T02:00:00Z', adm_signed_by = 'Ketua' WHERE id = 1;");
	f->app->fixed_now = CLOSED + 86400;
}

void
everyone(struct fx *f, struct people *p)
{
	fx_as(f, "sekretariat", &p->sec);
	fx_as(f, "ketua", &p->chair);
	fx_as(f, "anggota", &p->mem);
	fx_as(f, "penilai3", &p->mem3);
	fx_as(f, "narasumber", &p->nara);
	fx_as(f, "lain", &p->other);
	fx_as(f, "admin", &p->admin);
	fx_as(f, "c1", &p->cand);
	fx_as(f, "ppk", &p->ppk);
	fx_as(f, "pengawas", &p->oversight);
}

enum sel_err
enter(struct fx *f, const struct who *w, int64_t app, const char *v,
    const char *reason, struct app_msg *m)
{
	return app_score_enter(f->app, f->ar, w, 1, PAPER, app, str_c(v), NULL,
	    str_c(reason), m);
}

/* The three raters score 901-903 with these values and submit. */
void
score_all(struct fx *f, struct people *p, const char *const v[3][3])
{
	const struct who *r[3] = { &p->chair, &p->mem, &p->mem3 };
	struct app_msg m;

	for (int i = 0; i < 3; i++) {
		for (int k = 0; k < 3; k++)
			if (v[i][k] != NULL)
				assert_int_equal(enter(f, r[i], 901 + k,
				    v[i][k], "", &m), SEL_OK);
		assert_int_equal(app_score_submit(f->app, f->ar, r[i], 1,
		    PAPER, &m), SEL_OK);
	}
}
