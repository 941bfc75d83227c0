/*
 * test_dash.c - a region's dashboard (issue 14 item 6): the figures of
 * core/dash.c at their boundaries (days per state, the terms' 12 months
 * from today, extensions, posts filled and vacant, applicants per
 * vacancy), and the SVG builder of web/svg.c escaping every text.
 */
#include <string.h>

#include "t.h"
#include "core/dash.h"
#include "core/reuse.h"
#include "web/svg.h"
#include "base/banned.h"

static struct dash_sel
sel(struct arena *a, const char *today, enum flow_state st)
{
	struct dash_sel s;

	memset(&s, 0, sizeof s);
	s.id = 1;
	s.title = STR("Seleksi uji");
	s.profile = t_profile(a, "demak-2022");
	s.today = t_date(today);
	s.state = st;
	return s;
}

/* The days from the day a state was entered to the next state's. */
static void
days_run_to_the_next_state_or_today(void **state)
{
	struct arena *a = T_ARENA(state);
	struct dash_sel s = sel(a, "2026-12-07", FL_ADMINISTRATIVE);
	int64_t d[FL__N];

	s.entered[FL_PREPARING] = t_date("2026-10-01");
	s.entered[FL_ANNOUNCED] = t_date("2026-10-11");
	/* the window opened on the day of publication: 0 days announced */
	s.entered[FL_REGISTRATION] = t_date("2026-10-11");
	s.entered[FL_REG_ENDED] = t_date("2026-11-25");
	s.entered[FL_ADMINISTRATIVE] = t_date("2026-11-26");
	dash_sel_days(&s, d);
	assert_int_equal(d[FL_PREPARING], 10);
	assert_int_equal(d[FL_ANNOUNCED], 0);
	assert_int_equal(d[FL_REGISTRATION], 45);
	assert_int_equal(d[FL_REG_ENDED], 1);
	/* the state it is in: to today */
	assert_int_equal(d[FL_ADMINISTRATIVE], 11);
	/* not reached: not measured */
	assert_int_equal(d[FL_PAPER], -1);
	assert_int_equal(d[FL_TENURE], -1);
}

/* A state whose first day is unknown: the one before runs on to the
   next known one; a state left on an unknown day is not measured. */
static void
days_skip_an_unknown_day(void **state)
{
	struct arena *a = T_ARENA(state);
	struct dash_sel s = sel(a, "2026-12-07", FL_ANNOUNCED);
	int64_t d[FL__N];

	s.entered[FL_PREPARING] = t_date("2026-10-01");
	dash_sel_days(&s, d);
	assert_int_equal(d[FL_PREPARING], -1);	/* left, day unknown */
	assert_int_equal(d[FL_ANNOUNCED], -1);	/* entered, day unknown */
	s.state = FL_PREPARING;
	dash_sel_days(&s, d);
	assert_int_equal(d[FL_PREPARING], 67);	/* to today */
}

/* The selection's state, its days, averages rounded half up. */
static void
figures_by_state_and_days(void **state)
{
	struct arena *a = T_ARENA(state);
	struct dash_sel s[3];
	struct dash_fig f;

	s[0] = sel(a, "2026-12-07", FL_PREPARING);
	s[0].entered[FL_PREPARING] = t_date("2026-12-06");	/* 1 day */
	s[1] = sel(a, "2026-12-07", FL_PREPARING);
	s[1].entered[FL_PREPARING] = t_date("2026-12-05");	/* 2 days */
	s[2] = sel(a, "2026-12-07", FL_ANNOUNCED);
	s[2].entered[FL_PREPARING] = t_date("2026-12-01");	/* 6 days */
	s[2].entered[FL_ANNOUNCED] = t_date("2026-12-07");	/* 0 days */
	dash_figures(a, s, 3, &f);
	assert_int_equal(f.nsel, 3);
	assert_int_equal(f.by_state[FL_PREPARING], 2);
	assert_int_equal(f.by_state[FL_ANNOUNCED], 1);
	assert_int_equal(f.by_state[FL_REGISTRATION], 0);
	assert_int_equal(f.days[FL_PREPARING].n, 3);
	assert_int_equal(f.days[FL_PREPARING].total, 9);
	assert_int_equal(f.days[FL_PREPARING].max, 6);
	assert_int_equal(f.days[FL_PREPARING].open, 2);
	assert_int_equal(dash_days_avg(&f.days[FL_PREPARING]), 3);
	assert_int_equal(f.days[FL_ANNOUNCED].n, 1);
	assert_int_equal(dash_days_avg(&f.days[FL_ANNOUNCED]), 0);
	/* 1 and 2 days: 1.5 rounds up to 2 */
	dash_figures(a, s, 2, &f);
	assert_int_equal(dash_days_avg(&f.days[FL_PREPARING]), 2);
	dash_figures(a, s, 0, &f);
	assert_int_equal(dash_days_avg(&f.days[FL_PREPARING]), 0);
	assert_int_equal(dash_apps_avg10(&f), 0);
}

/* ANN-EXTEND: a selection extended once or more; posts filled/vacant;
   applicants per vacancy (withdrawn ones are not given). */
static void
figures_extensions_posts_applicants(void **state)
{
	struct arena *a = T_ARENA(state);
	struct dash_vac v[3];
	struct dash_sel s[3];
	struct dash_fig f;

	memset(v, 0, sizeof v);
	v[0].title = STR("Kepala Dinas A");
	v[0].applicants = 5;
	v[0].filled = true;
	v[0].tmt = t_date("2026-11-01");
	v[0].inaugurated = t_date("2026-11-01");
	v[1].title = STR("Kepala Dinas B");
	v[1].applicants = 2;
	v[2].title = STR("Kepala Badan C");
	v[2].applicants = 0;
	s[0] = sel(a, "2026-12-07", FL_TENURE);
	s[0].vac = &v[0];
	s[0].nvac = 1;
	s[1] = sel(a, "2026-12-07", FL_ADMINISTRATIVE);
	s[1].extensions = 2;
	s[1].vac = &v[1];
	s[1].nvac = 2;
	s[2] = sel(a, "2026-12-07", FL_REGISTRATION);
	s[2].extensions = 1;
	dash_figures(a, s, 3, &f);
	assert_int_equal(f.extended, 2);
	assert_int_equal(f.extensions, 3);
	assert_ptr_equal(f.ext[0], &s[1]);
	assert_ptr_equal(f.ext[1], &s[2]);
	assert_int_equal(f.nvac, 3);
	assert_int_equal(f.filled, 1);
	assert_int_equal(f.vacant, 2);
	assert_int_equal(f.applicants, 7);
	assert_ptr_equal(f.vac[1].vac, &v[1]);
	assert_ptr_equal(f.vac[1].sel, &s[1]);
	/* 7 / 3 = 2.33: 23 tenths */
	assert_int_equal(dash_apps_avg10(&f), 23);
	/* a term that started last month ends in five years: not listed */
	assert_int_equal(f.nterms, 0);
	s[1].extensions = 0;
	s[2].extensions = 0;
	dash_figures(a, s, 3, &f);
	assert_int_equal(f.extended, 0);
}

/* TEN-5Y's day (ten_marks: the day before the fifth anniversary of the
   TMT) counted when today <= end < today + 12 months. */
static void
ten_5y_terms_ending_within_12_months(void **state)
{
	struct arena *a = T_ARENA(state);
	struct dash_vac v[5];
	struct dash_sel s;
	struct dash_fig f;
	sel_date today = t_date("2026-12-07"), end;

	memset(v, 0, sizeof v);
	/* ends yesterday: 2021-12-07 + 5 years - 1 day = 2026-12-06 */
	v[0].tmt = t_date("2021-12-07");
	/* ends today */
	v[1].tmt = t_date("2021-12-08");
	/* ends on 2027-12-06, the last day of the 12 months */
	v[2].tmt = t_date("2022-12-07");
	/* ends on 2027-12-07: the 13th month, not listed */
	v[3].tmt = t_date("2022-12-08");
	/* ends on 2027-01-06: the first month's last day */
	v[4].tmt = t_date("2022-01-07");
	for (size_t i = 0; i < 5; i++) {
		v[i].filled = true;
		v[i].inaugurated = v[i].tmt;
		v[i].title = STR("Jabatan");
	}
	assert_true(dash_term_end(t_profile(a, "demak-2022"), v[1].tmt,
	    v[1].tmt, &end));
	assert_int_equal(end, today);
	s = sel(a, "2026-12-07", FL_TENURE);
	s.vac = v;
	s.nvac = 5;
	dash_figures(a, &s, 1, &f);
	assert_int_equal(f.filled, 5);
	assert_int_equal(f.nterms, 3);
	/* soonest first */
	assert_ptr_equal(f.terms[0].vac, &v[1]);
	assert_int_equal(f.terms[0].days_left, 0);
	assert_int_equal(f.terms[0].month, 0);
	assert_ptr_equal(f.terms[1].vac, &v[4]);
	assert_int_equal(f.terms[1].ends, t_date("2027-01-06"));
	assert_int_equal(f.terms[1].month, 0);
	assert_ptr_equal(f.terms[2].vac, &v[2]);
	assert_int_equal(f.terms[2].ends, t_date("2027-12-06"));
	assert_int_equal(f.terms[2].days_left, 364);
	assert_int_equal(f.terms[2].month, 11);
	assert_int_equal(f.term_month[0], 2);
	assert_int_equal(f.term_month[11], 1);
	/* the next month begins on 2027-01-07 */
	v[4].tmt = v[4].inaugurated = t_date("2022-01-08");
	dash_figures(a, &s, 1, &f);
	assert_int_equal(f.term_month[0], 1);
	assert_int_equal(f.term_month[1], 1);
	/* a vacant post has no term */
	v[1].filled = false;
	dash_figures(a, &s, 1, &f);
	assert_int_equal(f.nterms, 2);
	assert_int_equal(f.vacant, 1);
}

static struct str
page_str(struct page *p)
{
	return (struct str){ p->b.p, p->b.len };
}

/* Every text of a chart is escaped; the chart names its title and
   description for assistive technology. */
static void
svg_escapes_every_text(void **state)
{
	struct svg_bar bars[2] = {
		{ STR("<script>alert(1)</script> & \"x\" 'y'"), 3 },
		{ STR("Kepala Dinas"), 0 },
	};
	struct svg_chart c = { STR("c\"1"), STR("Judul <b>"),
	    STR("Uraian & lain"), bars, 2, "hari" };
	struct page p;
	struct str s;

	(void)state;
	page_init(&p, 1 << 16);
	svg_bars(&p, &c);
	assert_false(p.b.err);
	s = page_str(&p);
	t_not_contains(s, "<script");
	t_not_contains(s, "<b>");
	t_contains(s, "&lt;script&gt;");
	t_contains(s, "&amp; &quot;x&quot; &#39;y&#39;");
	t_contains(s, "Judul &lt;b&gt;");
	t_contains(s, "Uraian &amp; lain");
	t_contains(s, "id=\"c&quot;1-t\"");
	t_contains(s, "role=\"img\"");
	t_contains(s, "aria-labelledby=\"c&quot;1-t c&quot;1-d\"");
	t_contains(s, "<title id=");
	t_contains(s, "<desc id=");
	/* the values as text, the largest bar the widest */
	t_contains(s, ">3 hari</text>");
	t_contains(s, ">0 hari</text>");
	page_release(&p);
}

/* A long label is cut on a character, never inside one. */
static void
svg_cuts_labels_on_a_character(void **state)
{
	char lbl[200];
	struct svg_bar b;
	struct svg_chart c;
	struct page p;
	struct str s;

	(void)state;
	memset(lbl, 0, sizeof lbl);
	for (size_t i = 0; i + 2 < 180; i += 2) {
		lbl[i] = (char)0xC3;	/* é */
		lbl[i + 1] = (char)0xA9;
	}
	b = (struct svg_bar){ str_c(lbl), 1 };
	c = (struct svg_chart){ STR("x"), STR("t"), STR("d"), &b, 1, "" };
	page_init(&p, 1 << 16);
	svg_bars(&p, &c);
	s = page_str(&p);
	/* the cut ends with an ellipsis after a whole é */
	t_contains(s, "\xC3\xA9\xE2\x80\xA6</text>");
	page_release(&p);
	/* no bars: a chart that says so */
	c.n = 0;
	page_init(&p, 1 << 16);
	svg_bars(&p, &c);
	t_contains(page_str(&p), "Tidak ada data");
	page_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(days_run_to_the_next_state_or_today),
		T_TEST(days_skip_an_unknown_day),
		T_TEST(figures_by_state_and_days),
		T_TEST(figures_extensions_posts_applicants),
		RULE_TEST("TEN-5Y", ten_5y_terms_ending_within_12_months),
		T_TEST(svg_escapes_every_text),
		T_TEST(svg_cuts_labels_on_a_character),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
