/*
 * reuse.c - STG-REUSE decided (core/reuse.h): may a passed assessment on
 * record stand for the assessment stage of a later selection?
 *
 * The conditions, in the order a refusal names the first that fails:
 * the profile has STG-REUSE for the post; the same region; a later
 * selection ("seleksi berikutnya": not the one it was held in, and its
 * assessment stage after the one on record); "dinyatakan lulus
 * assessment"; "tidak dapat mengikuti tes selanjutnya" (withdrew, or was
 * absent from the next stage: a candidate who went on to the next test,
 * or who is still in that selection, is not covered); an assessment for
 * a post of the same level (selter's reading: an assessment measures
 * against the competency standard of a level); its provider on record
 * (and, where the profile has PRAC-ASSESSOR, accredited at least as it
 * requires); and still valid on the last day of the new assessment stage.
 */
#include <stdarg.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "core/prac.h"
#include "core/record.h"
#include "core/reuse.h"
#include "base/banned.h"

sel_date
reuse_add_months(sel_date d, int n)
{
	int y, m, day, k;
	sel_date out;

	date_ymd(d, &y, &m, &day);
	k = (y * 12 + (m - 1)) + n;
	y = k / 12;
	m = k % 12 + 1;
	if (day > date_days_in_month(y, m))
		day = date_days_in_month(y, m);
	if (date_make(y, m, day, &out) != SEL_OK)
		return d;		/* outside 1900..2199: never reached */
	return out;
}

/* The last valid day of a period of months counted from start. */
static sel_date
last_day(sel_date start, int months, enum reading reading)
{
	sel_date anniversary = reuse_add_months(start, months);

	return reading == READ_INCLUSIVE ? anniversary : anniversary - 1;
}

sel_date
reuse_until(const struct profile *p, const struct vacancy *post,
    const struct reuse_prior *pr, enum rule_id *rule)
{
	const struct prof_rule *r = post != NULL ?
	    profile_rule(p, R_STG_REUSE, post) :
	    profile_rule_any(p, R_STG_REUSE);
	const struct prof_rule *pa = profile_rule_any(p, R_PRAC_ASSESSOR);
	const struct reuse_params *rp;
	sel_date start, until, prac;

	*rule = R_STG_REUSE;
	if (r == NULL || r->reuse == NULL)
		return 0;
	rp = r->reuse;
	start = rp->from == RF_RESULT ? pr->result_on : pr->held_on;
	until = last_day(start, rp->valid_years != 0 ? rp->valid_years * 12 :
	    rp->valid_months, rp->reading);
	if (pa != NULL && pa->prac != NULL && pa->prac->valid_years > 0) {
		prac = last_day(start, pa->prac->valid_years * 12,
		    rp->reading);
		if (prac < until) {
			*rule = R_PRAC_ASSESSOR;
			until = prac;
		}
	}
	return until;
}

struct ectx {
	struct arena		*a;
	const struct profile	*p;
	const struct reuse_prior *pr;
	const struct reuse_target *t;
	struct reuse_verdict	*out;
	const struct prof_rule	*r;	/* STG-REUSE's entry */
};

static struct str
day(struct arena *a, sel_date d)
{
	struct buf b;
	struct str s;

	buf_init(&b, 64);
	date_id(&b, d);
	s = arena_printf(a, "%.*s", (int)b.len, b.p);
	buf_release(&b);
	return s;
}

/* Refuses under rule (its entry's citation), reason a printf format. */
static void
refuse(struct ectx *c, enum rule_id rule, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
refuse(struct ectx *c, enum rule_id rule, const char *fmt, ...)
{
	const struct prof_rule *e = rule == R_STG_REUSE ? c->r :
	    profile_rule_any(c->p, rule);
	va_list ap;

	va_start(ap, fmt);
	c->out->reason = arena_vprintf(c->a, fmt, ap);
	va_end(ap);
	c->out->ok = false;
	c->out->rule = rule;
	c->out->citation = e != NULL ? e->citation : c->p->cite;
}

/* The conditions on the result itself, whatever the date. */
static bool
result_refused(struct ectx *c)
{
	const struct reuse_prior *pr = c->pr;
	const struct prof_rule *pa = profile_rule_any(c->p, R_PRAC_ASSESSOR);

	if (!pr->passed) {
		refuse(c, R_STG_REUSE, "Hasil assessment ini tidak dinyatakan "
		    "lulus: hanya hasil assessment yang lulus yang dapat "
		    "digunakan kembali.");
		return true;
	}
	if (pr->after == RA_CONTINUED) {
		refuse(c, R_STG_REUSE, "Pelamar mengikuti tes selanjutnya pada "
		    "seleksi asal: hanya hasil assessment pelamar yang tidak "
		    "dapat mengikuti tes selanjutnya yang dapat digunakan "
		    "kembali.");
		return true;
	}
	if (pr->after == RA_PENDING) {
		refuse(c, R_STG_REUSE, "Pelamar masih mengikuti seleksi asal "
		    "dan belum tercatat tidak dapat mengikuti tes "
		    "selanjutnya.");
		return true;
	}
	if (pr->level >= 0 && c->t->post != NULL &&
	    pr->level != (int)c->t->post->level) {
		refuse(c, R_STG_REUSE, "Hasil assessment ini untuk %s, "
		    "sedangkan jabatan yang dilamar %s: hanya hasil untuk "
		    "tingkat jabatan yang sama yang dapat digunakan.",
		    label_level[pr->level], label_level[c->t->post->level]);
		return true;
	}
	if (str_trim(pr->provider).len == 0) {
		refuse(c, R_STG_REUSE, "Lembaga penyelenggara assessment tidak "
		    "tercatat: hasil tanpa penyelenggara tidak dapat "
		    "digunakan.");
		return true;
	}
	if (pa != NULL && pa->prac != NULL && (pr->grade < 0 ||
	    pr->grade > (int)pa->prac->min_grade)) {
		refuse(c, R_PRAC_ASSESSOR, pr->grade < 0 ? "Akreditasi "
		    "lembaga penyelenggara tidak tercatat; disyaratkan paling "
		    "rendah %s." : "Lembaga penyelenggara terakreditasi di bawah "
		    "yang disyaratkan: paling rendah %s.",
		    prac_grade_words[pa->prac->min_grade]);
		return true;
	}
	return false;
}

/* The dates: a later assessment stage, within the validity. */
static void
dates(struct ectx *c)
{
	const struct reuse_prior *pr = c->pr;
	const struct reuse_target *t = c->t;
	enum rule_id binding;
	sel_date until = reuse_until(c->p, t->post, pr, &binding);

	if (t->stage_on == 0) {
		refuse(c, R_STG_REUSE, "Tahap asesmen belum dijadwalkan dalam "
		    "rencana seleksi ini, sehingga masa berlaku hasil tidak "
		    "dapat diperiksa.");
		return;
	}
	if (t->stage_on <= pr->held_on) {
		refuse(c, R_STG_REUSE, "Tahap asesmen seleksi ini (%s) tidak "
		    "sesudah assessment yang tercatat (%s): hasil hanya dapat "
		    "digunakan untuk seleksi berikutnya.",
		    day(c->a, t->stage_on).p, day(c->a, pr->held_on).p);
		return;
	}
	if (t->stage_on > until) {
		refuse(c, binding, "Hasil assessment tanggal %s berlaku sampai "
		    "dengan %s, sedangkan tahap asesmen seleksi ini berakhir "
		    "%s: masa berlakunya sudah lewat.",
		    day(c->a, pr->held_on).p, day(c->a, until).p,
		    day(c->a, t->stage_on).p);
		return;
	}
	c->out->ok = true;
	c->out->rule = R_STG_REUSE;
	c->out->citation = c->r->citation;
	c->out->reason = arena_printf(c->a, "Hasil assessment tanggal %s oleh "
	    "%.*s dapat digunakan: berlaku sampai dengan %s, tahap asesmen "
	    "seleksi ini berakhir %s.", day(c->a, pr->held_on).p,
	    (int)pr->provider.len, pr->provider.p, day(c->a, until).p,
	    day(c->a, t->stage_on).p);
}

void
reuse_eval(struct arena *a, const struct profile *p,
    const struct reuse_prior *pr, const struct reuse_target *t,
    struct reuse_verdict *out)
{
	struct ectx c = { a, p, pr, t, out, NULL };

	memset(out, 0, sizeof *out);
	c.r = t->post != NULL ? profile_rule(p, R_STG_REUSE, t->post) :
	    profile_rule_any(p, R_STG_REUSE);
	if (c.r == NULL || c.r->reuse == NULL) {
		refuse(&c, R_STG_REUSE, "Peraturan wilayah ini (profil %.*s) "
		    "tidak mengatur penggunaan kembali hasil assessment: hasil "
		    "seleksi lain tidak dapat digunakan.", (int)p->id.len,
		    p->id.p);
		return;
	}
	out->until = reuse_until(p, t->post, pr, &out->rule);
	if (pr->region != t->region) {
		refuse(&c, R_STG_REUSE, "Hasil assessment ini tercatat di "
		    "wilayah lain: hanya hasil seleksi di wilayah yang sama "
		    "yang dapat digunakan.");
		return;
	}
	if (pr->selection != 0 && pr->selection == t->selection) {
		refuse(&c, R_STG_REUSE, "Hasil assessment ini berasal dari "
		    "seleksi ini sendiri: hanya dapat digunakan untuk seleksi "
		    "berikutnya.");
		return;
	}
	if (result_refused(&c))
		return;
	dates(&c);
}
