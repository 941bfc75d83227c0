/*
 * date.h - civil dates as day numbers, and the date arithmetic the
 * regulations need (REGULATIONS.md §6 "Interpretations").
 *
 * Pure: no clock, no time zone.  A date is an int32_t count of days since
 * 1970-01-01 (proleptic Gregorian), so differences and comparisons are
 * plain integer operations.  Valid years are 1900..2199.
 */
#ifndef SELTER_CORE_DATE_H
#define SELTER_CORE_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/str.h"

typedef int32_t	sel_date;	/* days since 1970-01-01 */

#define DATE_MIN_YEAR	1900
#define DATE_MAX_YEAR	2199

/* SEL_EINVAL unless y-m-d is a real date in the valid years. */
enum sel_err	date_make(int y, int m, int d, sel_date *out);
/* Exactly "YYYY-MM-DD", a real date ("2023-02-30" fails). */
enum sel_err	date_parse(struct str, sel_date *out);
void		date_ymd(sel_date, int *y, int *m, int *d);
int		date_year(sel_date);
bool		date_is_leap(int y);
int		date_days_in_month(int y, int m);
/* 0 = Monday ... 6 = Sunday. */
int		date_weekday(sel_date);

/*
 * The same month and day n years earlier (n may be negative: later).  29
 * February becomes 28 February in a year that has none.  This is the
 * "D - N years" of the rules.
 */
sel_date	date_minus_years(sel_date, int n);

/*
 * Completed years of age on d of someone born on birth: the largest N with
 * birth <= d - N years.  Someone born on 29 February turns N on 1 March in
 * a common year (28 February - N years is still 28 February < 29 February).
 */
int		date_age(sel_date birth, sel_date d);

/* "2023-03-15". */
void		date_iso(struct buf *, sel_date);
/* "15 Maret 2023", the Indonesian way. */
void		date_id(struct buf *, sel_date);

/*
 * Instants: Unix seconds (UTC).  A region's local time is UTC plus the
 * offset of its zone: WIB +7, WITA +8, WIT +9 (Indonesia keeps no summer
 * time).  Nothing here reads a clock; the caller passes the instant.
 */

/* The zone's offset in hours: 7, 8 or 9; SEL_EINVAL for any other name. */
enum sel_err	date_zone_hours(struct str zone, int *hours);
/* Exactly "YYYY-MM-DDTHH:MM:SSZ" (the store's and the exports' form). */
enum sel_err	date_instant_parse(struct str, int64_t *out);
/* The civil day of instant t in a zone hours east of UTC. */
sel_date	date_local_day(int64_t t, int hours);
/*
 * For people: "7 Desember 2026 pukul 19.02 WIB", the instant in the
 * zone's local time (24-hour clock, a dot between hours and minutes).
 * An unknown zone name is written in WIB.
 */
void		date_instant_id(struct buf *, int64_t t, struct str zone);
/* The local day alone: "7 Desember 2026". */
void		date_instant_day_id(struct buf *, int64_t t, struct str zone);

#endif
