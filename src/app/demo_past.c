/*
 * demo_past.c - a selection of the demo that has run its course: published
 * three months ago, five candidates registered, registration closed and
 * the administrative result signed, then every stage to the ranking
 * (issue 12).  Seeded through the same use cases as the web pages, with
 * the application's clock set back to each act's day (10:00 in the
 * region), so the audit trail and every date read as they would have.
 * The seeding runs before the server starts, on one thread.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/demo_int.h"
#include "base/arena.h"
#include "core/profile.h"
#include "app/score.h"
#include "app/stage.h"
#include "base/banned.h"

/* The candidates: NIPs consistent with a birth date and a TMT. */
static const struct demo_cand cands[] = {
	{ "calon1", "dr. Ahmad Fauzi, M.Kes.", "197903152005011003" },
	{ "calon2", "Rina Marlina, S.KM., M.PH.", "198001202006042001" },
	{ "calon3", "Ir. Teguh Santoso, M.M.", "197706112002121004" },
	{ "calon4", "Dewi Kartika, S.Si., Apt., M.Si.", "198102282005012002" },
	{ "calon5", "Bambang Wijaya, S.KM., M.Kes.", "197812302003121005" },
};
#define NCANDS	(sizeof cands / sizeof *cands)

void
demo_clock(struct seed *s, sel_date d)
{
	const struct profile *p = app_profile_get(s->a, STR("demak-2022"));

	if (p != NULL)
		s->a->fixed_now = app_day_end(p, d - 1) + 10 * 3600;
}

static void
as_role(struct seed *s, const char *login, enum role r)
{
	demo_as(s, login, r, 1);
}

void
demo_candidates(struct seed *s, int64_t sel, const struct demo_cand *c,
    size_t n, int64_t *apps)
{
	struct s_vacancy *v = NULL;
	size_t nv = 0;
	struct stx *tx;

	if (s->rc != SEL_OK)
		return;
	if (store_begin(s->a->st, false, &tx) != SEL_OK) {
		demo_check(s, SEL_ESTORE, "vacancies");
		return;
	}
	demo_check(s, store_vacancies(tx, s->ar, sel, &v, &nv), "vacancies");
	store_abort(s->a->st, tx);
	if (s->rc == SEL_OK && nv == 0)
		demo_check(s, SEL_ENOENT, "vacancies");
	for (size_t i = 0; i < n && s->rc == SEL_OK; i++) {
		struct s_account acc = { 0, str_c(c[i].login),
		    str_c(c[i].name), arena_printf(s->ar, "%s@example.org",
		    c[i].login), STR(""), false };
		struct who w;
		int64_t id = 0;

		demo_as(s, "admin", ROLE__N, 0);
		demo_check(s, app_account_add(s->a, s->ar, &s->w, &acc,
		    STR("demo-selter"), &id, &s->m), "candidate");
		demo_applicant(s, id, c[i].nip, c[i].name);
		memset(&w, 0, sizeof w);
		w.account_id = id;
		w.login = str_c(c[i].login);
		w.name = str_c(c[i].name);
		if (s->rc == SEL_OK)
			demo_check(s, app_apply(s->a, s->ar, &w, v[0].id,
			    &apps[i], &s->m), "application");
	}
}

void
demo_adm_result(struct seed *s, int64_t sel, const int64_t *apps, size_t n)
{
	as_role(s, "sekretariat", ROLE_SECRETARIAT);
	if (s->rc == SEL_OK)
		demo_check(s, app_reg_close(s->a, s->ar, &s->w, sel, true,
		    &s->m), "close");
	for (size_t i = 0; i < n && s->rc == SEL_OK; i++)
		demo_check(s, app_adm_check(s->a, s->ar, &s->w, sel, apps[i],
		    true, STR("Berkas lengkap."), &s->m), "check");
	as_role(s, "ketua", ROLE_CHAIR);
	for (size_t i = 0; i < n && s->rc == SEL_OK; i++)
		demo_check(s, app_adm_decide(s->a, s->ar, &s->w, sel, apps[i],
		    true, STR("Memenuhi seluruh persyaratan administrasi."),
		    &s->m), "decision");
	if (s->rc == SEL_OK)
		demo_check(s, app_adm_publish(s->a, s->ar, &s->w, sel, true,
		    &s->m), "administrative result");
}

/* The committee's raters (demo.c's logins), the chair first. */
static const char *const raters[DEMO_RATERS] = { "ketua", "anggota",
	"anggota2", "anggota3", "anggota4" };

/*
 * A rater's score of candidate i in a stage: distinct per candidate so
 * the demo's ranking has no tie at its cut-off (a tie is the committee's,
 * shown in the tests), spread between raters as real panels are.
 */
static const char *
value(struct seed *s, size_t stage, size_t i, size_t r)
{
	static const int base[][NCANDS] = {
		{ 8150, 7725, 8400, 7010, 7580 },	/* paper */
		{ 7900, 8120, 8275, 7450, 7300 },	/* track record */
		{ 8010, 7640, 8550, 7225, 7810 },	/* assessment */
		{ 8300, 7950, 8630, 7100, 7720 },	/* interview */
	};

	return demo_value(s, base[stage][i], r);
}

const char *
demo_value(struct seed *s, int base, size_t r)
{
	int v = base + (int)(r * 37 % 150) - 75;

	return arena_printf(s->ar, "%d,%02d", v / 100, v % 100).p;
}

void
demo_stage_open(struct seed *s, int64_t sel, const char *stage)
{
	struct str st = str_c(stage);
	enum flow_state fs = FL__N;
	int sent = 0;

	as_role(s, "sekretariat", ROLE_SECRETARIAT);
	if (s->rc == SEL_OK)
		demo_check(s, flow_stage_parse(st, &fs) ? app_stage_invite(s->a,
		    s->ar, &s->w, sel, fs, &sent, &s->m) : SEL_EINVAL,
		    "invitations");
	if (s->rc == SEL_OK)
		demo_check(s, app_stage_open(s->a, s->ar, &s->w, sel, st,
		    &s->m), "stage open");
}

void
demo_rate(struct seed *s, int64_t sel, const char *stage, size_t r,
    const int64_t *apps, const char *const *vals, size_t n)
{
	static const char *const parts[3] = { "78,00", "80,50", "76,25" };
	bool assessment = strcmp(stage, "assessment") == 0;
	struct str pv[3];

	for (int j = 0; j < 3; j++)
		pv[j] = str_c(parts[j]);
	as_role(s, r < DEMO_RATERS ? raters[r] : "asesor", r < DEMO_RATERS ?
	    (r == 0 ? ROLE_CHAIR : ROLE_MEMBER) : ROLE_ASSESSOR);
	for (size_t i = 0; i < n && s->rc == SEL_OK; i++)
		demo_check(s, app_score_enter(s->a, s->ar, &s->w, sel,
		    str_c(stage), apps[i], str_c(vals[i]), assessment ? pv :
		    NULL, STR(""), &s->m), "score");
	if (s->rc == SEL_OK)
		demo_check(s, app_score_submit(s->a, s->ar, &s->w, sel,
		    str_c(stage), &s->m), "submit");
}

void
demo_stage_close(struct seed *s, int64_t sel, const char *stage)
{
	as_role(s, "ketua", ROLE_CHAIR);
	if (s->rc == SEL_OK)
		demo_check(s, app_stage_close(s->a, s->ar, &s->w, sel,
		    str_c(stage), STR("Rapat panitia seleksi menetapkan nilai "
		    "tahap ini sesuai rekapitulasi penilaian."), &s->m),
		    "stage close");
	if (s->rc == SEL_OK)
		demo_publish(s, sel, str_c(stage));
}

static void
score_stage(struct seed *s, int64_t sel, const char *stage, size_t k,
    const int64_t *apps, bool assessor)
{
	demo_stage_open(s, sel, stage);
	if (strcmp(stage, "health") == 0) {
		struct str st = str_c(stage);

		for (size_t i = 0; i < NCANDS && s->rc == SEL_OK; i++)
			demo_check(s, app_score_enter(s->a, s->ar, &s->w, sel,
			    st, apps[i], STR("100"), NULL, STR(""), &s->m),
			    "health");
		if (s->rc == SEL_OK)
			demo_check(s, app_score_submit(s->a, s->ar, &s->w, sel,
			    st, &s->m), "submit");
	} else {
		for (size_t r = 0; r < DEMO_RATERS + (assessor ? 1 : 0); r++) {
			const char *vals[NCANDS];

			for (size_t i = 0; i < NCANDS; i++)
				vals[i] = value(s, k, i, r);
			demo_rate(s, sel, stage, r, apps, vals, NCANDS);
		}
	}
	demo_stage_close(s, sel, stage);
}

void
demo_past(struct seed *s, int64_t sel, sel_date today)
{
	int64_t apps[NCANDS] = { 0 };
	sel_date t0;

	if (s->rc != SEL_OK)
		return;
	/* Created on the region's first day of the demo (demo.c). */
	t0 = today - 100;
	demo_clock(s, t0);
	demo_prepare(s, sel, t0, t0, t0 + 19, true, true);
	demo_clock(s, t0 + 3);
	demo_candidates(s, sel, cands, NCANDS, apps);
	demo_clock(s, t0 + 20);
	demo_adm_result(s, sel, apps, NCANDS);
	/* The stages on their planned days (demo.c: close + 7 ... + 18). */
	{
		static const struct { const char *id; int day; size_t k;
		    bool assessor; } st[] = {
			{ "paper", 7, 0, false }, { "track_record", 9, 1, false },
			{ "assessment", 12, 2, true }, { "interview", 16, 3,
			false }, { "health", 18, 0, false },
		};

		for (size_t i = 0; i < sizeof st / sizeof *st; i++) {
			demo_clock(s, t0 + 19 + st[i].day);
			score_stage(s, sel, st[i].id, st[i].k, apps,
			    st[i].assessor);
		}
	}
	demo_clock(s, t0 + 19 + 21);
	as_role(s, "ketua", ROLE_CHAIR);
	if (s->rc == SEL_OK)
		demo_send(s, sel);
}
