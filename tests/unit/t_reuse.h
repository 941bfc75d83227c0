/*
 * t_reuse.h - the rows the merit half's other parts would write, for the
 * STG-REUSE tests (test_reuse_app.c, test_reuse_fault.c): until the
 * stages, scoring and closing are merged, seed_region and
 * seed_closed_assessment write them straight into the fixture's store
 * file, so that the lead can replace them by the real flow.
 */
#ifndef SELTER_TESTS_UNIT_T_REUSE_H
#define SELTER_TESTS_UNIT_T_REUSE_H

#include "t_app.h"

#define OLD	500		/* the 2024 selection: the source */
#define NEW	501		/* the 2026 one, assessment 21-22 Dec */
#define DEMAK	502		/* a region whose regulation has none */
#define BUDI_OLD 700		/* applications */
#define SARI_OLD 701
#define BUDI_NEW 710
#define SARI_NEW 711
#define BUDI_NIP "199001012015031001"
#define SARI_NIP "198502022010012002"

/* Runs SQL text on the fixture's store file; fails the test on error. */
void	sql(struct fx *, const char *text);
/* The first column of the first row of a query, -1 without a row. */
int64_t	count(struct fx *, const char *query);
/*
 * Region 50 on pekalongan-2022 (STG-REUSE, 3 years), region 52 on its
 * Covid profile, region 51 on demak-2022 (none), the demo secretariat
 * granted in each, the chair and a member of the new selection, the
 * oversight body in region 50; two applicants, both candidates of the
 * old selection's and the new selection's assessment stage.
 */
void	seed_region(struct fx *);
/*
 * The old selection's assessment closed on 6 March 2024 (14.00 WIB):
 * both passed, two raters each with the parts; Budi was then absent from
 * the interview (could not go on), Sari took it (its stage closed later).
 */
void	seed_closed_assessment(struct fx *);

#endif
