/*
 * profile.h - a region's rules as data: which rule applies to which post,
 * with which parameters, under which citation (docs/profiles.md).
 *
 * The loader is strict: an unknown key, a wrong type, a value outside its
 * vocabulary or a rule id outside the catalogue is an error naming the
 * line and the JSON path.  Nothing in C knows a region's name.
 *
 * Ownership: the profile and everything it points to live in the arena
 * given to profile_parse, and its strings point into the text passed in:
 * the text must live as long as the profile (app/load.c keeps both in one
 * arena).
 */
#ifndef SELTER_CORE_PROFILE_H
#define SELTER_CORE_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"
#include "core/vocab.h"

struct arena;
struct prac_params;
struct stage_params;
struct reuse_params;
struct result_params;
struct json;

/* Which posts an entry applies to; a zero mask means "any". */
struct prof_when {
	unsigned	 levels;	/* bit per enum post_level */
	unsigned	 kinds;		/* bit per enum vpost_kind */
	unsigned	 kinds_not;
	unsigned	 echelons;	/* bit per enum echelon */
};

/* One way to meet ELIG-PRIOR-POST. */
struct prior_alt {
	enum cpost_kind	 kind;		/* structural or functional */
	int		 min_echelon;	/* structural: enum echelon */
	int		 min_jf;	/* functional: enum jf_level */
	int		 years;
	bool		 current;	/* must hold such a post on as_of */
	struct str	 citation;	/* this way's own huruf, if it has one */
};

/* A document of the checklist or an item of the announcement (later). */
struct prof_item {
	struct str	 id;
	struct str	 label;		/* Indonesian */
	struct str	 citation;
	struct prof_when when;
	int		 within_days;	/* dated no earlier than N days back */
	bool		 stamped;	/* bermeterai */
	bool		 other_region;	/* only for PNS of other regions */
	unsigned	 line;
};

enum ref_date { REF_AS_OF, REF_APPOINTMENT };
enum reading { READ_INCLUSIVE, READ_STRICT };
enum trigger { TRIG_APPLICANTS_AT_MOST, TRIG_QUALIFIED_BELOW };

#define PROF_MAX_ALTS	4

struct prof_rule {
	enum rule_id	 id;
	struct prof_when when;
	struct str	 citation;	/* full: "Perbup Demak 47/2022 Pasal ..." */
	struct str	 note;		/* an interpretation, stated */
	struct str	 detail;	/* checklist/workflow text (Indonesian) */
	struct str	 item;		/* checklist: which item of the rule
					   ("": the rule's own); one entry
					   per item applies to a post */
	unsigned	 line;		/* in the profile file */

	/* ELIG-EMPLOYMENT */
	unsigned	 employment;	/* bit per enum employment */
	/* ELIG-REGION */
	struct str	 province;
	unsigned	 agency_kinds;	/* bit per enum agency_kind */
	unsigned	 invited_kinds;	/* allowed only when invited */
	/* ELIG-EDUCATION */
	unsigned	 edu_levels;	/* bit per enum edu_level */
	struct str	 major_contains;/* "" = any major */
	struct str	 or_certificate;/* "" = none */
	/* ELIG-GRADE */
	int		 min_grade;
	/* ELIG-PRIOR-POST */
	struct prior_alt alts[PROF_MAX_ALTS];
	int		 nalts;
	/* ELIG-EXPERIENCE, -CRIMINAL, -DISCIPLINE (0 = ever), -PERFORMANCE */
	int		 years;
	/* ELIG-AGE */
	int		 max_age;
	enum ref_date	 at;
	/* ELIG-AGE "with_declaration": a higher limit for a candidate who
	 * declares decl (enum cand_decl); decl_max_age 0: none */
	int		 decl_max_age;
	int		 decl;
	struct str	 decl_citation;
	/* ELIG-DISCIPLINE */
	unsigned	 pen_levels;	/* bit per enum pen_level */
	/* ELIG-PERFORMANCE: -1 = the appraisals exist, any rating */
	int		 min_rating;
	/* ELIG-RECOMMENDATION: 0 = not required */
	unsigned	 own_by;	/* bit per enum rec_by */
	bool		 own_ppk_approval;
	unsigned	 other_by;
	unsigned	 invited_by;	/* 0: as any other applicant */
	struct str	 invited_citation;
	/* ELIG-TRAINING */
	int		 training;
	bool		 not_for_functional;
	/* "force": "mandatory" makes an advisory rule decide the verdict */
	bool		 mandatory;
	/* COM-SIZE */
	int		 min, max;
	bool		 odd;
	/* COM-INTERNAL-MAX */
	int		 max_percent;
	/* COM-ELEMENTS: echelon officials of (a) and (b) need, -1 = any */
	int		 official_min_echelon;
	/* COM-MEMBER */
	unsigned	 declarations;	/* bit per enum decl */
	/* SCORE-WEIGHTS: hundredths of a percent */
	int64_t		 lo[ST__N], hi[ST__N];
	bool		 has_ranges;
	bool		 adjustable;
	/* SCORE-TOP3, ADM-MIN-3 */
	int		 count;
	int		 min_to_proceed;
	/* ANN-DURATION, ANN-EXTEND */
	int		 days;		/* 0 with EXTEND: length not set */
	enum day_kind	 day_kind;
	enum reading	 reading;
	enum trigger	 trigger;
	int		 threshold;
	int		 max_times;	/* 0 = no limit */
	/* VAC-PLAN: the oversight body's approval before the announcement */
	bool		 gate;
	/* PRAC-*: their own parameters (core/prac.h); PRAC-MINIMUM keeps
	   count, min_to_proceed, days, day_kind, max_times above, and
	   PRAC-NO-REPLACE-2Y years */
	const struct prac_params *prac;
	/* STG-*: the stage's specifics (core/stage.h), NULL: none */
	struct stage_params *stage;
	/* STG-REUSE: its validity (core/reuse.h), NULL on other rules */
	struct reuse_params *reuse;
	/* result: SCORE-PUBLISH "scores", SCORE-TOP3 "send" (core/result.h) */
	const struct result_params *res;
	/* APPT-SEKDA, -SEKWAN, -DUKCAPIL, -INSPEKTUR: whom, the answer, the
	   Minister's choice and its deadline (core/appt.h), NULL: none */
	const struct appt_params *appt;
	/* STG-ASSESS: who rates it, PROF_RATE_* bits; 0: the assessors */
	unsigned	 raters;
};

#define PROF_RATE_COMMITTEE	1u
#define PROF_RATE_ASSESSOR	2u

/*
 * What the loader found odd but legal (profile_check.c): an entry that
 * can never apply.  msg is "PATH: reason" and line the entry's line.
 */
struct prof_warning {
	unsigned	 line;
	struct str	 msg;
};

struct profile {
	struct str	 id;
	struct str	 title;
	struct str	 regulation;	/* "Peraturan Bupati Demak Nomor 47 ..." */
	struct str	 cite;		/* "Perbup Demak 47/2022" */
	struct str	 region_name;
	struct str	 province;
	struct str	 timezone;	/* WIB, WITA, WIT */
	struct str	 oversight;	/* the body's name as the regulation has it */
	unsigned	 levels;	/* post levels covered */
	bool		 emergency;	/* a Covid-19 emergency procedure */
	sel_date	 emergency_end;
	struct str	 emergency_citation;
	enum ref_date	 periods_at;	/* REGULATIONS.md §6 reference dates */
	struct prof_rule *rules;
	size_t		 nrules;
	struct prof_item *documents;
	size_t		 ndocuments;
	struct prof_item *content;	/* ANN-CONTENT items */
	size_t		 ncontent;
	const char	*file;		/* where it was loaded from */
	struct prof_warning *warnings;
	size_t		 nwarnings;
};

/* A profile id: 1 to 64 of a-z, 0-9 and '-' (also a file name). */
bool		profile_id_valid(struct str);

/*
 * Parses a profile file's text.  file names it in errors.  On error d has
 * the line and "PATH: reason" and *out is untouched.
 */
enum sel_err	profile_parse(struct arena *, const char *file,
		    const char *text, size_t len, struct profile **out,
		    struct diag *d);

/*
 * The entry for rule id that applies to the post (first match in file
 * order), or NULL when the profile has no such rule for it.
 */
struct vacancy;
const struct prof_rule *profile_rule(const struct profile *, enum rule_id,
		    const struct vacancy *);
/*
 * An emergency procedure used for a date after the emergency ended
 * (REGULATIONS.md §14): the warning sentence naming the end date and what
 * falls after it ("pengumuman", "batas akhir pendaftaran"), with
 * p->emergency_citation as its basis; an empty str otherwise.
 */
struct str	profile_emergency_warning(struct arena *, const struct profile *,
		    sel_date when, const char *what);

/* Does a when clause cover the post?  (Checklist items, rules alike.) */
bool		profile_when(const struct prof_when *, const struct vacancy *);

/*
 * Whether entry r is an advisory ("diutamakan": met / not met, never the
 * verdict): its rule's class, unless the entry's "force" says otherwise.
 */
bool		profile_advisory(const struct prof_rule *r);

/* The first entry with this id whatever the post (profile-wide rules). */
const struct prof_rule *profile_rule_any(const struct profile *,
		    enum rule_id);

/*
 * The loader's second look (profile_check.c): appends to p->warnings
 * every entry of rules (the "rules" array of the file, p->rules parsed
 * from it) and of the items that can never apply.
 */
void		profile_check(struct arena *, struct profile *p,
		    const struct json *rules, const struct json *documents,
		    const struct json *content);

#endif
