/*
 * reuse.h - STG-REUSE: a passed assessment of a candidate who could not
 * take the following tests is used again in a later selection of the same
 * region, within the validity the profile gives it.
 *
 * The article (Perwal Pekalongan 47/2022 Lampiran I Ketentuan Lain-lain
 * huruf A): "Bagi Aparatur Sipil Negara yang telah mengikuti seleksi
 * terbuka dan kompetitif dan dinyatakan lulus assessment, namun tidak
 * dapat mengikuti tes selanjutnya, maka hasil assessment tersebut dapat
 * digunakan untuk seleksi berikutnya paling lama 3 (tiga) tahun."  It
 * names neither the date the 3 years count from nor whether the last day
 * counts: the profile's entry says both (docs/profiles.md).  Today's
 * practice (PRAC-ASSESSOR "result_valid_years", BKN's 2 years) is a second
 * limit, measured the same way; the earlier end binds.  A profile without
 * STG-REUSE allows no reuse at all.
 *
 * Pure: no I/O, no clock.  The caller reads the record, the selection and
 * the plan, and gives the day numbers.
 */
#ifndef SELTER_CORE_REUSE_H
#define SELTER_CORE_REUSE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "core/date.h"
#include "core/profile.h"

struct arena;
struct diag;
struct json;
struct vacancy;

/* The day the validity counts from. */
enum reuse_from {
	RF_HELD,		/* the (last) day the assessment was held */
	RF_RESULT,		/* the day its result was set (the report) */
};

/* An STG-REUSE entry's parameters (struct prof_rule.reuse). */
struct reuse_params {
	int		 valid_years;	/* exactly one of these two is set */
	int		 valid_months;
	enum reuse_from	 from;
	enum reading	 reading;	/* inclusive: the anniversary itself
					   is the last valid day; strict: the
					   day before it */
};

/* ---- the loader's part (profile.c calls these for STG-REUSE) ---- */

/* Is key one of STG-REUSE's own parameters? */
bool		profile_reuse_key(struct str key);
/* Parses one of them (m, a member of the entry) into r->reuse. */
enum sel_err	profile_reuse_param(struct arena *, struct diag *,
		    const struct json *m, struct prof_rule *r);
/* After the entry's members: the required ones are there. */
enum sel_err	profile_reuse_done(struct diag *, const struct json *o,
		    const struct prof_rule *r);

/* ---- the decision ---- */

/* What became of the candidate in the selection the result is from. */
enum reuse_after {
	RA_STOPPED,		/* could not take the following tests:
				   withdrew, or was absent from the next */
	RA_CONTINUED,		/* took a following test */
	RA_PENDING,		/* still a candidate there, nothing after
				   the assessment recorded yet */
};

/* The result on record. */
struct reuse_prior {
	int64_t		 region;
	int64_t		 selection;	/* 0: held outside selter */
	sel_date	 held_on;	/* the assessment's (last) day */
	sel_date	 result_on;	/* its result set (report dated) */
	bool		 passed;	/* "dinyatakan lulus assessment" */
	enum reuse_after after;
	int		 level;		/* enum post_level it was for, -1 */
	int		 grade;		/* enum accr_grade, -1: not known */
	struct str	 provider;
};

/* Where it would be used. */
struct reuse_target {
	int64_t		 region;
	int64_t		 selection;
	sel_date	 stage_on;	/* the plan's assessment stage, its
					   last day; 0: not scheduled */
	const struct vacancy *post;	/* the candidate's vacancy */
};

struct reuse_verdict {
	bool		 ok;
	enum rule_id	 rule;		/* STG-REUSE, or PRAC-ASSESSOR when
					   that limit decided */
	struct str	 citation;	/* the entry's; without STG-REUSE the
					   regulation's short name */
	struct str	 reason;	/* one Indonesian sentence */
	sel_date	 until;		/* the last valid day, 0: none */
};

/* d plus n months, the day kept or cut to the month's end (29 February
 * plus 12 months is 28 February); n may be negative. */
sel_date	reuse_add_months(sel_date d, int n);

/*
 * The last day the result may be used under the profile's entry for the
 * post, and in *rule the rule whose limit that is (STG-REUSE, or
 * PRAC-ASSESSOR when its validity ends first); 0 without STG-REUSE.
 */
sel_date	reuse_until(const struct profile *, const struct vacancy *post,
		    const struct reuse_prior *, enum rule_id *rule);

/* Decides; every field of *out is set, strings in the arena. */
void		reuse_eval(struct arena *, const struct profile *,
		    const struct reuse_prior *, const struct reuse_target *,
		    struct reuse_verdict *out);

#endif
