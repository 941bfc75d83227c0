/*
 * adm_guard.c - the administrative selection's guards (issue 10 item 5):
 * the override a pass needs, and whether the result may be published
 * while ADM-MIN-3 fails (adm.h).
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "core/adm.h"
#include "core/elig.h"
#include "core/profile.h"
#include "base/banned.h"

void
adm_override_need(const struct elig_out *o, int complete,
    struct adm_override *ov)
{
	memset(ov, 0, sizeof *ov);
	ov->unknown = o == NULL;
	for (size_t i = 0; o != NULL && i < o->nrules; i++)
		if (rule_class(o->rules[i].id) == RC_ELIG &&
		    o->rules[i].status != RS_PASS &&
		    ov->n < ADM_OVERRIDE_MAX - 1)
			ov->ids[ov->n++] = o->rules[i].id;
	if (complete != 1)
		ov->ids[ov->n++] = R_ADM_COMPLETE;
}

bool
adm_override_needed(const struct adm_override *ov)
{
	return ov->n > 0 || ov->unknown;
}

struct str
adm_override_list(struct arena *a, const struct adm_override *ov)
{
	struct buf b;
	struct str s;

	buf_init(&b, 1024);
	for (size_t i = 0; i < ov->n; i++) {
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, rule_name(ov->ids[i]));
	}
	s.len = b.len;
	s.p = arena_strndup(a, b.p != NULL ? b.p : "", b.len);
	buf_release(&b);
	return s;
}

void
adm_publish_eval(struct arena *a, const struct profile *p,
    const struct rule_result *min, const struct adm_publish_in *in,
    struct adm_publish_out *o)
{
	const struct prof_rule *ext = profile_rule_any(p, R_ANN_EXTEND);
	const struct prof_rule *inv = profile_rule_any(p, R_ADM_INVITE);
	const struct prof_rule *mr = profile_rule_any(p, R_ADM_MIN_3);
	struct buf b;

	memset(o, 0, sizeof *o);
	o->paths = STR("");
	if (ext != NULL) {
		if (in->extensions >= (ext->max_times > 0 ? ext->max_times : 1))
			o->taken |= ADM_PATH_EXTEND;
		else if (in->extend_open)
			o->open |= ADM_PATH_EXTEND;
	}
	if (inv != NULL) {
		if (in->invitations > 0)
			o->taken |= ADM_PATH_INVITE;
		else
			o->open |= ADM_PATH_INVITE;
	}
	if (min == NULL || min->status == RS_PASS || o->taken != 0 ||
	    o->open == 0)
		return;
	o->blocked = true;
	buf_init(&b, 2048);
	if (o->open & ADM_PATH_EXTEND) {
		buf_printf(&b, "perpanjangan pengumuman (ANN-EXTEND, %.*s)",
		    (int)ext->citation.len, ext->citation.p);
		if (mr != NULL && mr->min_to_proceed > 0 &&
		    in->extensions == 0 && in->qualified >= mr->min_to_proceed)
			buf_printf(&b, ", sesudah itu %d calon cukup",
			    mr->min_to_proceed);
		if (ext->max_times > 0)
			buf_printf(&b, "; sudah %d dari paling banyak %d kali",
			    in->extensions, ext->max_times);
	}
	if (o->open & ADM_PATH_INVITE)
		buf_printf(&b, "%spenunjukan calon oleh PPK (ADM-INVITE, %.*s)",
		    b.len > 0 ? "; atau " : "", (int)inv->citation.len,
		    inv->citation.p);
	o->paths.len = b.len;
	o->paths.p = arena_strndup(a, b.p != NULL ? b.p : "", b.len);
	buf_release(&b);
}
