/*
 * record.h - a vacancy (POST.json) and a candidate's civil-service record
 * (CANDIDATE.json, CONTRACT.md), decoded and validated.
 *
 * Decoding checks form, not eligibility: a grade "V/a", a date 2023-02-30,
 * a NIP whose first 8 digits disagree with birth_date, a post ending before
 * it starts are bad input (SEL_EINVAL with the JSON path); an old grade or
 * a missing optional field is data for the rules.
 *
 * Not read, ever: religion, ethnicity, marital status, disability, and the
 * gender digit of the NIP (position 15).  Unknown fields are ignored, so a
 * SIASN export that carries them is accepted and they go no further.
 *
 * Ownership: all strings point into the JSON tree's arena.
 */
#ifndef SELTER_CORE_RECORD_H
#define SELTER_CORE_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "base/json.h"
#include "base/str.h"
#include "core/date.h"
#include "core/vocab.h"

struct arena;
struct profile;

struct agency {
	struct str	 name;
	enum agency_kind kind;
	struct str	 province;	/* may be empty: ELIG-REGION missing */
};

struct vacancy {
	struct str	 title;
	enum post_level	 level;
	int		 echelon;	/* enum echelon, -1 if not given */
	enum vpost_kind	 kind;
	struct str	*fields;
	size_t		 nfields;
	struct agency	 agency;
};

struct cpost {
	struct str	 title;
	enum cpost_kind	 kind;
	int		 echelon;	/* structural: enum echelon, -1 unknown */
	int		 jf_level;	/* functional: enum jf_level, -1 unknown */
	struct str	*fields;
	size_t		 nfields;
	bool		 has_fields;	/* false: fields unknown */
	sel_date	 start;
	sel_date	 end;		/* exclusive */
	bool		 open;		/* no end: held now */
	bool		 acting;	/* Plt */
};

struct education {
	enum edu_level	 level;
	struct str	 major;
};

struct penalty {
	enum pen_kind	 kind;
	int		 level;		/* enum pen_level; -1 for criminal */
	sel_date	 decided;
	bool		 has_decided;
};

struct perf {
	int		 year;
	enum rating	 rating;
};

/* An optional yes/no field. */
enum tri { TRI_ABSENT, TRI_NO, TRI_YES };

struct candidate {
	struct str	 nip;
	struct str	 name;
	sel_date	 birth;
	enum employment	 employment;
	struct agency	 agency;
	int		 grade;
	struct education *edu;
	size_t		 nedu;
	struct str	*certs;
	size_t		 ncerts;
	bool		 has_certs;
	struct cpost	*posts;
	size_t		 nposts;
	unsigned	 training;	/* bit per enum training */
	bool		 has_training;
	struct penalty	*pens;
	size_t		 npens;
	bool		 has_pens;
	enum tri	 under_exam;
	struct perf	*perf;
	size_t		 nperf;
	bool		 has_perf;
	bool		 has_rec;
	enum rec_by	 rec_by;
	enum tri	 rec_ppk_approved;
	enum tri	 invited;
	/* "declarations": {"no_mpp": true, ...}, by enum cand_decl */
	enum tri	 decl[CD__N];
};

/*
 * What a NIP says (REGULATIONS.md §14): 18 digits; digits 1-8 are the
 * birth date (YYYYMMDD), 9-14 the TMT CPNS (YYYYMM).  Digit 15 (gender)
 * is never read.  tmt_year 0: the TMT is not given, only its month is
 * checked to be a month.
 */
enum nip_fault { NIP_OK, NIP_LENGTH, NIP_DIGITS, NIP_BIRTH, NIP_TMT_MONTH,
	NIP_TMT };
enum nip_fault	nip_fault(struct str nip, sel_date birth, int tmt_year,
		    int tmt_month);

/*
 * Decodes a vacancy; the profile must cover its level (a post level the
 * profile does not cover is bad input).
 */
enum sel_err	vacancy_decode(struct arena *, const struct json *,
		    const struct profile *, struct vacancy *, struct diag *);
enum sel_err	candidate_decode(struct arena *, const struct json *,
		    struct candidate *, struct diag *);

/*
 * The batch fast path (record_scan.c): decodes text[0..len) as
 * CANDIDATE.json without a tree, strings pointing into text.  SEL_OK only
 * for a record candidate_decode accepts, with the same result; SEL_EINVAL
 * (no message) for anything else, which the caller then decodes with
 * json_parse and candidate_decode for the verdict and the error.  The
 * vocabularies come hashed from cand_words_new, made once for a run
 * (read-only: threads share them).
 */
struct cand_words;
const struct cand_words *cand_words_new(struct arena *);
enum sel_err	candidate_scan(struct arena *, const struct cand_words *,
		    const char *text, size_t len, struct candidate *);

/* True when the two agencies are the same government (name, any case). */
bool		agency_same(const struct agency *, const struct agency *);

#endif
