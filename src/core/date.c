/*
 * date.c - day numbers from civil dates and back (the algorithm of Howard
 * Hinnant's "chrono-Compatible Low-Level Date Algorithms", written anew).
 */
#include "core/date.h"
#include "base/banned.h"

static const char *const month_id[12] = {
	"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember",
};

bool
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && date_is_leap(y))
		return 29;
	return dm[m - 1];
}

static sel_date
from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_ymd(sel_date z, int *py, int *pm, int *pd)
{
	int era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	*py = y + (m <= 2);
	*pm = m;
	*pd = d;
}

int
date_year(sel_date z)
{
	int y, m, d;

	date_ymd(z, &y, &m, &d);
	return y;
}

enum sel_err
date_make(int y, int m, int d, sel_date *out)
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 1 || m > 12 ||
	    d < 1 || d > date_days_in_month(y, m))
		return SEL_EINVAL;
	*out = from_civil(y, m, d);
	return SEL_OK;
}

enum sel_err
date_parse(struct str s, sel_date *out)
{
	int v[3] = { 0, 0, 0 };
	static const int width[3] = { 4, 2, 2 };
	size_t i = 0;

	if (s.len != 10)
		return SEL_EINVAL;
	for (int k = 0; k < 3; k++) {
		for (int j = 0; j < width[k]; j++, i++) {
			if (s.p[i] < '0' || s.p[i] > '9')
				return SEL_EINVAL;
			v[k] = v[k] * 10 + (s.p[i] - '0');
		}
		if (k < 2 && s.p[i++] != '-')
			return SEL_EINVAL;
	}
	return date_make(v[0], v[1], v[2], out);
}

int
date_weekday(sel_date z)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (z + 3) % 7;

	return w < 0 ? w + 7 : w;
}

sel_date
date_minus_years(sel_date z, int n)
{
	int y, m, d;

	date_ymd(z, &y, &m, &d);
	y -= n;
	if (m == 2 && d == 29 && !date_is_leap(y))
		d = 28;
	return from_civil(y, m, d);
}

int
date_age(sel_date birth, sel_date z)
{
	int by, bm, bd, y, m, d, age;

	date_ymd(birth, &by, &bm, &bd);
	date_ymd(z, &y, &m, &d);
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

void
date_iso(struct buf *b, sel_date z)
{
	int y, m, d;

	date_ymd(z, &y, &m, &d);
	buf_printf(b, "%04d-%02d-%02d", y, m, d);
}

void
date_id(struct buf *b, sel_date z)
{
	int y, m, d;

	date_ymd(z, &y, &m, &d);
	buf_printf(b, "%d %s %d", d, month_id[m - 1], y);
}

enum sel_err
date_zone_hours(struct str zone, int *hours)
{
	static const struct {
		const char	*name;
		int		 hours;
	} zones[] = { { "WIB", 7 }, { "WITA", 8 }, { "WIT", 9 } };

	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (str_eqc(zone, zones[i].name)) {
			*hours = zones[i].hours;
			return SEL_OK;
		}
	return SEL_EINVAL;
}

/* Two digits at s within [0, max]. */
static bool
two_digits(const char *s, int max, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	return *out <= max;
}

enum sel_err
date_instant_parse(struct str v, int64_t *out)
{
	sel_date d;
	int hh, mm, ss;

	if (v.len != 20 || v.p[10] != 'T' || v.p[13] != ':' ||
	    v.p[16] != ':' || v.p[19] != 'Z' ||
	    date_parse((struct str){ v.p, 10 }, &d) != SEL_OK ||
	    !two_digits(v.p + 11, 23, &hh) || !two_digits(v.p + 14, 59, &mm) ||
	    !two_digits(v.p + 17, 59, &ss))
		return SEL_EINVAL;
	*out = (int64_t)d * 86400 + hh * 3600 + mm * 60 + ss;
	return SEL_OK;
}

/* Floor division of seconds into days, for instants before 1970 too. */
static sel_date
day_of(int64_t t)
{
	int64_t d = t / 86400;

	if (t % 86400 < 0)
		d--;
	return (sel_date)d;
}

sel_date
date_local_day(int64_t t, int hours)
{
	return day_of(t + (int64_t)hours * 3600);
}

/* The zone's name as written, WIB for an unknown one, and its offset. */
static struct str
zone_of(struct str zone, int *hours)
{
	if (date_zone_hours(zone, hours) != SEL_OK) {
		*hours = 7;
		return STR("WIB");
	}
	return zone;
}

void
date_instant_id(struct buf *b, int64_t t, struct str zone)
{
	int hours;
	struct str z = zone_of(zone, &hours);
	int64_t local = t + (int64_t)hours * 3600;
	int64_t secs = local - (int64_t)day_of(local) * 86400;

	date_id(b, day_of(local));
	buf_printf(b, " pukul %02d.%02d %.*s", (int)(secs / 3600),
	    (int)(secs / 60 % 60), (int)z.len, z.p);
}

void
date_instant_day_id(struct buf *b, int64_t t, struct str zone)
{
	int hours;

	(void)zone_of(zone, &hours);
	date_id(b, date_local_day(t, hours));
}
