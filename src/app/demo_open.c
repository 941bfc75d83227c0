/*
 * demo_open.c - a selection of the demo in the middle of its scoring, so
 * that the README's first command lets a committee member score at once
 * (and the browser test has a real open stage): published five weeks ago,
 * five candidates, the administrative result signed, the paper, the track
 * record and the assessment closed and published, and the interview
 * opened yesterday, where anggota2, anggota3 and anggota4 have sent their
 * sheets and the chair (ketua) and anggota have still to score, so the
 * stage stays sealed.  Seeded like demo_past.c: the same use cases, each
 * act at 10:00 of its day, the clock set back (the caller restores it).
 */
#include <inttypes.h>
#include <string.h>

#include "app/demo_int.h"
#include "base/banned.h"

/* The candidates: NIPs consistent with a birth date and a TMT. */
static const struct demo_cand cands[] = {
	{ "calon6", "dr. Slamet Riyadi, Sp.PD.", "197605142003121002" },
	{ "calon7", "drg. Fitri Handayani, M.Kes.", "198007092005012003" },
	{ "calon8", "dr. Yusuf Hidayat, M.M.R.S.", "197911232006041004" },
	{ "calon9", "Ns. Sri Rahayu, S.Kep., M.Kep.", "198203172006042005" },
	{ "calon10", "dr. Agung Nugroho, M.Kes.", "197808082004121006" },
};
#define NCANDS	(sizeof cands / sizeof *cands)

/* Each stage's scores of the candidates, in hundredths, before spread. */
static const int base[][NCANDS] = {
	{ 7840, 8215, 7460, 7990, 8530 },	/* paper */
	{ 8010, 7720, 7580, 8340, 8150 },	/* track record */
	{ 7650, 8280, 7310, 8060, 8470 },	/* assessment */
	{ 8120, 7870, 7540, 8390, 8660 },	/* interview */
};

/* The stages in the plan's order and their days after the closing. */
static const struct {
	const char	*id;
	int		 day;
	bool		 assessor;
} stages[] = {
	{ "paper", 7, false }, { "track_record", 9, false },
	{ "assessment", 12, true }, { "interview", 16, false },
};
#define NSTAGES	(sizeof stages / sizeof *stages)

/* Rater r's sheet of stage k. */
static void
sheet(struct seed *s, int64_t sel, size_t k, size_t r, const int64_t *apps)
{
	const char *vals[NCANDS];

	for (size_t i = 0; i < NCANDS; i++)
		vals[i] = demo_value(s, base[k][i], r);
	demo_rate(s, sel, stages[k].id, r, apps, vals, NCANDS);
}

void
demo_open(struct seed *s, int64_t sel, sel_date today)
{
	int64_t apps[NCANDS] = { 0 };
	/* The interview (close + 16) opened yesterday. */
	sel_date close = today - 17, t0 = close - 19;

	if (s->rc != SEL_OK)
		return;
	demo_clock(s, t0);
	demo_prepare(s, sel, t0, t0, close, true, true);
	demo_clock(s, t0 + 3);
	demo_candidates(s, sel, cands, NCANDS, apps);
	demo_clock(s, close + 1);
	demo_adm_result(s, sel, apps, NCANDS);
	for (size_t k = 0; k < NSTAGES; k++) {
		bool last = k + 1 == NSTAGES;

		demo_clock(s, close + stages[k].day);
		demo_stage_open(s, sel, stages[k].id);
		/* The open stage: the chair and anggota (0, 1) to come. */
		for (size_t r = last ? 2 : 0; r < DEMO_RATERS +
		    (stages[k].assessor ? 1 : 0); r++)
			sheet(s, sel, k, r, apps);
		if (!last)
			demo_stage_close(s, sel, stages[k].id);
	}
}
