/*
 * committee.h - the COM-* rules on a proposed selection committee
 * (REGULATIONS.md §5).
 *
 * Pure.  "Internal" means from the region's own government.  Declarations
 * not made are `missing`, and a committee with anything missing cannot be
 * confirmed (valid is false).
 */
#ifndef SELTER_CORE_COMMITTEE_H
#define SELTER_CORE_COMMITTEE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "base/json.h"
#include "core/rule.h"
#include "core/vocab.h"

struct arena;
struct profile;
struct vacancy;

enum decl_state { DS_ABSENT, DS_FALSE, DS_TRUE };

struct member {
	struct str	 name;
	enum origin	 origin;
	int		 echelon;	/* enum echelon, -1 if not given */
	bool		 chair;
	bool		 assessor;
	enum decl_state	 decl[DE__N];
};

struct committee {
	struct member	*m;
	size_t		 n;
};

#define COM_MAX_RULES	8

struct com_out {
	bool		 valid;
	struct rule_result rules[COM_MAX_RULES];
	size_t		 nrules;
};

enum sel_err	committee_decode(struct arena *, const struct json *,
		    struct committee *, struct diag *);
void		committee_eval(struct arena *, const struct profile *,
		    const struct vacancy *, const struct committee *,
		    struct com_out *);

#endif
