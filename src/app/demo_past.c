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
#include "base/banned.h"

/* The candidates: NIPs consistent with a birth date and a TMT. */
static const char *const cands[][3] = {
	{ "calon1", "dr. Ahmad Fauzi, M.Kes.", "197903152005011003" },
	{ "calon2", "Rina Marlina, S.KM., M.PH.", "198001202006042001" },
	{ "calon3", "Ir. Teguh Santoso, M.M.", "197706112002121004" },
	{ "calon4", "Dewi Kartika, S.Si., Apt., M.Si.", "198102282005012002" },
	{ "calon5", "Bambang Wijaya, S.KM., M.Kes.", "197812302003121005" },
};
#define NCANDS	(sizeof cands / sizeof *cands)

/* The clock at 10:00 of day d in the region. */
static void
clock_at(struct seed *s, const struct profile *p, sel_date d)
{
	s->a->fixed_now = app_day_end(p, d - 1) + 10 * 3600;
}

static void
as_role(struct seed *s, const char *login, enum role r)
{
	demo_as(s, login, r, 1);
}

/* The candidates' accounts, records and applications. */
static void
candidates(struct seed *s, int64_t sel, int64_t *apps)
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
	for (size_t i = 0; i < NCANDS && s->rc == SEL_OK; i++) {
		struct s_account acc = { 0, str_c(cands[i][0]),
		    str_c(cands[i][1]), arena_printf(s->ar, "%s@example.org",
		    cands[i][0]), STR(""), false };
		struct who w;
		int64_t id = 0;

		demo_as(s, "admin", ROLE__N, 0);
		demo_check(s, app_account_add(s->a, s->ar, &s->w, &acc,
		    STR("demo-selter"), &id, &s->m), "candidate");
		demo_applicant(s, id, cands[i][2], cands[i][1]);
		memset(&w, 0, sizeof w);
		w.account_id = id;
		w.login = str_c(cands[i][0]);
		w.name = str_c(cands[i][1]);
		if (s->rc == SEL_OK)
			demo_check(s, app_apply(s->a, s->ar, &w, v[0].id,
			    &apps[i], &s->m), "application");
	}
}

/* Registration closed, every file checked and passed, the result signed. */
static void
administrative(struct seed *s, int64_t sel, const int64_t *apps)
{
	as_role(s, "sekretariat", ROLE_SECRETARIAT);
	if (s->rc == SEL_OK)
		demo_check(s, app_reg_close(s->a, s->ar, &s->w, sel, true,
		    &s->m), "close");
	for (size_t i = 0; i < NCANDS && s->rc == SEL_OK; i++)
		demo_check(s, app_adm_check(s->a, s->ar, &s->w, sel, apps[i],
		    true, STR("Berkas lengkap."), &s->m), "check");
	as_role(s, "ketua", ROLE_CHAIR);
	for (size_t i = 0; i < NCANDS && s->rc == SEL_OK; i++)
		demo_check(s, app_adm_decide(s->a, s->ar, &s->w, sel, apps[i],
		    true, STR("Memenuhi seluruh persyaratan administrasi."),
		    &s->m), "decision");
	if (s->rc == SEL_OK)
		demo_check(s, app_adm_publish(s->a, s->ar, &s->w, sel, true,
		    &s->m), "administrative result");
}

void
demo_past(struct seed *s, int64_t sel, sel_date today)
{
	const struct profile *p = app_profile_get(s->a, STR("demak-2022"));
	int64_t apps[NCANDS] = { 0 };
	sel_date t0;

	if (s->rc != SEL_OK || p == NULL)
		return;
	/* Created on the region's first day of the demo (demo.c). */
	t0 = today - 100;
	clock_at(s, p, t0);
	demo_prepare(s, sel, t0, t0, t0 + 19, true, true);
	clock_at(s, p, t0 + 3);
	candidates(s, sel, apps);
	clock_at(s, p, t0 + 20);
	administrative(s, sel, apps);
}
