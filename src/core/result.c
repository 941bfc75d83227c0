/*
 * result.c - what a stage's result shows, where the ranking goes, the
 * shortlist after the committee's tie decision (result.h).
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "core/profile.h"
#include "core/result.h"
#include "base/banned.h"

static const char *const role_words[] = { "pyb", "ppk", NULL };
static const char *const direct_words[] = { "pyb_on_committee", "sekda",
	NULL };

bool
result_profile_key(enum rule_id id, struct str key)
{
	if (id == R_SCORE_PUBLISH)
		return str_eqc(key, "scores");
	if (id == R_SCORE_TOP3)
		return str_eqc(key, "send");
	return false;
}

static struct result_params *
params(struct arena *a, struct prof_rule *r)
{
	struct result_params *x;

	if (r->res != NULL)
		return (struct result_params *)(uintptr_t)r->res;
	x = arena_alloc(a, sizeof *x);
	memset(x, 0, sizeof *x);
	x->copy_to = ROLE__N;
	r->res = x;
	return x;
}

static enum sel_err
citation(struct arena *a, struct diag *d, const struct json *o,
    struct str cite, struct str *out)
{
	const struct json *c = json_get(o, "citation");

	if (c == NULL || c->type != JSON_STRING || str_trim(c->s).len == 0)
		return json_fail_key(d, o, "citation", "required: the article "
		    "that says so");
	*out = arena_printf(a, "%.*s %.*s", (int)cite.len, cite.p,
	    (int)c->s.len, c->s.p);
	return SEL_OK;
}

/* "scores": {"publish": "required" | "optional", "citation": TEXT} */
static enum sel_err
scores(struct arena *a, struct diag *d, struct str cite, const struct json *v,
    struct result_params *x)
{
	static const char *const words[] = { "required", "optional", NULL };
	const struct json *p;
	int w;

	if (v->type != JSON_OBJECT)
		return json_fail(d, v, "expected {\"publish\": \"required\" or "
		    "\"optional\", \"citation\": TEXT}");
	for (const struct json *m = v->head; m != NULL; m = m->next)
		if (!str_eqc(m->key, "publish") && !str_eqc(m->key, "citation"))
			return json_fail(d, m, "unknown key (expected publish, "
			    "citation)");
	if ((p = json_get(v, "publish")) == NULL)
		return json_fail_key(d, v, "publish", "required field is "
		    "missing");
	if (json_enum(d, p, words, &w) != SEL_OK)
		return SEL_EINVAL;
	x->has_scores = true;
	x->scores_required = w == 0;
	return citation(a, d, v, cite, &x->scores_citation);
}

/* "send": {"to": "pyb" | "ppk", "copy": "pyb" | "ppk", "direct_when":
   ["pyb_on_committee", "sekda"], "citation": TEXT} */
static enum sel_err
send(struct arena *a, struct diag *d, struct str cite, const struct json *v,
    struct result_params *x)
{
	const struct json *t, *c, *dw;
	int w;

	if (v->type != JSON_OBJECT)
		return json_fail(d, v, "expected {\"to\": \"pyb\" or \"ppk\", "
		    "\"citation\": TEXT, ...}");
	for (const struct json *m = v->head; m != NULL; m = m->next)
		if (!str_eqc(m->key, "to") && !str_eqc(m->key, "copy") &&
		    !str_eqc(m->key, "direct_when") &&
		    !str_eqc(m->key, "citation"))
			return json_fail(d, m, "unknown key (expected to, copy, "
			    "direct_when, citation)");
	if ((t = json_get(v, "to")) == NULL)
		return json_fail_key(d, v, "to", "required field is missing");
	if (json_enum(d, t, role_words, &w) != SEL_OK)
		return SEL_EINVAL;
	x->send_to = w == 0 ? ROLE_PYB : ROLE_PPK;
	if ((c = json_get(v, "copy")) != NULL) {
		if (json_enum(d, c, role_words, &w) != SEL_OK)
			return SEL_EINVAL;
		x->copy_to = w == 0 ? ROLE_PYB : ROLE_PPK;
		if (x->copy_to == x->send_to)
			return json_fail(d, c, "the copy goes to the addressee");
	}
	if ((dw = json_get(v, "direct_when")) != NULL) {
		if (dw->type != JSON_ARRAY || dw->count == 0)
			return json_fail(d, dw, "expected a non-empty array of "
			    "pyb_on_committee, sekda");
		if (x->send_to != ROLE_PYB)
			return json_fail(d, dw, "only a ranking sent to the PyB "
			    "can go straight to the PPK");
		for (const struct json *e = dw->head; e != NULL; e = e->next) {
			if (json_enum(d, e, direct_words, &w) != SEL_OK)
				return SEL_EINVAL;
			x->direct_when |= 1u << w;
		}
	}
	x->has_send = true;
	return citation(a, d, v, cite, &x->send_citation);
}

enum sel_err
result_profile_param(struct arena *a, struct diag *d, struct str cite,
    const struct json *m, struct prof_rule *r)
{
	struct result_params *x = params(a, r);

	if (str_eqc(m->key, "scores"))
		return scores(a, d, cite, m, x);
	return send(a, d, cite, m, x);
}

bool
result_scores_required(struct arena *a, const struct profile *p,
    struct rule_result *why)
{
	const struct prof_rule *r = profile_rule_any(p, R_SCORE_PUBLISH);
	const struct result_params *x = r != NULL ? r->res : NULL;
	bool req = x != NULL && x->has_scores && x->scores_required;

	memset(why, 0, sizeof *why);
	why->id = R_SCORE_PUBLISH;
	why->status = RS_PASS;
	why->citation = x != NULL && x->has_scores ? x->scores_citation :
	    r != NULL ? r->citation : STR("");
	why->detail = req ? arena_printf(a, "Nilai yang diperoleh peserta "
	    "berdasarkan peringkat dan peserta yang berhak mengikuti tahap "
	    "berikutnya wajib diumumkan secara terbuka.") :
	    arena_printf(a, "Hasil setiap tahap diumumkan kepada peserta; "
	    "mengumumkan nilai adalah pilihan panitia (selter: diumumkan, "
	    "kecuali panitia memutuskan lain).");
	return req;
}

void
result_route(struct arena *a, const struct profile *p, bool pyb_on_committee,
    bool sekda, struct result_route *out)
{
	const struct prof_rule *r = profile_rule_any(p, R_SCORE_TOP3);
	const struct result_params *x = r != NULL ? r->res : NULL;
	bool has = x != NULL && x->has_send;
	unsigned dw = has ? x->direct_when : 0;

	memset(out, 0, sizeof *out);
	out->to = has ? x->send_to : ROLE_PYB;
	out->copy = has ? x->copy_to : ROLE__N;
	out->why.id = R_SCORE_TOP3;
	out->why.status = RS_PASS;
	out->why.citation = has ? x->send_citation : r != NULL ?
	    r->citation : STR("");
	if (out->to == ROLE_PYB && (((dw & (1u << 0)) && pyb_on_committee) ||
	    ((dw & (1u << 1)) && sekda))) {
		out->to = ROLE_PPK;
		out->direct = true;
		out->why.detail = arena_printf(a, "Peringkat nilai disampaikan "
		    "langsung kepada PPK: %s.", (dw & (1u << 1)) && sekda ?
		    "seleksi terbuka Sekretaris Daerah" : "PyB termasuk "
		    "anggota panitia seleksi");
		return;
	}
	out->why.detail = out->to == ROLE_PYB ? arena_printf(a, "Peringkat "
	    "nilai dan tiga calon terbaik disampaikan kepada PPK melalui "
	    "PyB, bersifat rahasia.") : arena_printf(a, "Peringkat nilai "
	    "disampaikan kepada PPK, bersifat rahasia%s.",
	    out->copy == ROLE_PYB ? "; tiga calon terbaik juga "
	    "disampaikan melalui PyB" : "");
}

bool
result_tie_matches(const struct rank_out *r, const struct str *ids,
    size_t n)
{
	if (r->ntied == 0 || n != r->ntied)
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t hits = 0;

		for (size_t k = 0; k < n; k++)
			hits += str_eq(ids[k], r->r[r->nshort + i].id);
		if (hits != 1)
			return false;
	}
	return true;
}

void
result_shortlist(struct arena *a, const struct profile *p,
    const struct rank_out *r, const struct str *decided, size_t ndecided,
    struct result_short *out)
{
	const struct prof_rule *t = profile_rule_any(p, R_SCORE_TOP3);
	size_t want = t != NULL ? (size_t)t->count : 3;
	size_t proceed = t != NULL && t->min_to_proceed > 0 ?
	    (size_t)t->min_to_proceed : want;

	memset(out, 0, sizeof *out);
	out->rule.id = R_SCORE_TOP3;
	out->rule.citation = t != NULL ? t->citation : STR("");
	out->ids = arena_array(a, r->n + 1, sizeof *out->ids);
	if (r->n < want) {
		for (size_t i = 0; i < r->n; i++)
			out->ids[out->n++] = r->r[i].id;
		if (r->n > 0 && r->n >= proceed) {
			out->status = SL_FEWER_OK;
			out->rule.status = RS_PASS;
			out->rule.detail = arena_printf(a, "Hanya %zu calon; "
			    "profil ini mengizinkan seleksi dilanjutkan dengan "
			    "paling sedikit %zu calon.", r->n, proceed);
		} else {
			out->status = SL_FEWER_REFUSED;
			out->rule.status = RS_FAIL;
			out->rule.detail = arena_printf(a, "Hanya %zu calon; "
			    "diperlukan %zu calon terbaik dan profil ini tidak "
			    "mengizinkan kurang dari %zu.", r->n, want, proceed);
		}
		return;
	}
	for (size_t i = 0; i < r->nshort; i++)
		out->ids[out->n++] = r->r[i].id;
	if (r->complete) {
		out->status = SL_COMPLETE;
		out->rule.status = RS_PASS;
		out->rule.detail = arena_printf(a, "%zu calon terbaik tanpa "
		    "nilai sama pada batas.", want);
		return;
	}
	if (decided != NULL && result_tie_matches(r, decided, ndecided)) {
		for (size_t i = 0; out->n < want && i < ndecided; i++)
			out->ids[out->n++] = decided[i];
		out->status = SL_TIE_DECIDED;
		out->rule.status = RS_PASS;
		out->rule.detail = arena_printf(a, "Nilai sama pada batas %zu "
		    "terbaik diputuskan panitia dengan alasan tercatat "
		    "(SCORE-TIES).", want);
		return;
	}
	out->status = SL_TIE_OPEN;
	out->rule.status = RS_MISSING;
	out->rule.detail = arena_printf(a, "%zu peserta dengan nilai akhir sama "
	    "melintasi batas %zu terbaik: panitia memutuskan urutannya "
	    "dengan alasan (SCORE-TIES) sebelum peringkat disampaikan.",
	    r->ntied, want);
}

void
result_id_fixed2(struct buf *b, int64_t v)
{
	if (v < 0) {
		buf_putc(b, '-');
		v = -v;
	}
	buf_printf(b, "%lld,%02lld", (long long)(v / 100),
	    (long long)(v % 100));
}
