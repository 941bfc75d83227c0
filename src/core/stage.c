/*
 * stage.c - the stages' specifics as profile data, and the checks of a
 * stage's plan and of the track record's integrity instrument (stage.h).
 */
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "core/profile.h"
#include "core/stage.h"
#include "core/merit.h"
#include "base/banned.h"

static const struct {
	const char	*word;
	enum flow_state	 stage;
} steps[SS__N] = {
	[SS_THEME_BY_COMMITTEE] = { "theme_by_committee", FL_PAPER },
	[SS_ONLINE_SUBMISSION] = { "online_submission", FL_PAPER },
	[SS_HANDWRITTEN] = { "handwritten", FL_PAPER },
	[SS_PROFILE_REVIEW] = { "profile_review", FL_TRACK },
	[SS_INTEGRITY_INSTRUMENT] = { "integrity_instrument", FL_TRACK },
	[SS_AGENCY_CLARIFICATION] = { "agency_clarification", FL_TRACK },
	[SS_INQUIRY] = { "inquiry", FL_TRACK },
	[SS_CLOSED_INQUIRY] = { "closed_inquiry", FL_TRACK },
	[SS_PUBLIC_TEST] = { "public_test", FL_TRACK },
	[SS_CANDIDATE_DATA] = { "candidate_data", FL_TRACK },
	[SS_ASSESSOR_TEAM] = { "assessor_team", FL_ASSESS },
	[SS_ASSESSMENT_CENTER] = { "assessment_center", FL_ASSESS },
	[SS_FALLBACK_METHODS] = { "fallback_methods", FL_ASSESS },
	[SS_FIELD_COMPETENCY] = { "field_competency", FL_ASSESS },
	[SS_RANKED_RESULTS] = { "ranked_results", FL_ASSESS },
	[SS_REMOTE_TEST] = { "remote_test", FL_ASSESS },
	[SS_STANDARD_MATERIAL] = { "standard_material", FL_INTERVIEW },
	[SS_USERS_OF_POST] = { "users_of_post", FL_INTERVIEW },
	[SS_RESOURCE_PERSONS] = { "resource_persons", FL_INTERVIEW },
	[SS_REMOTE_INTERVIEW] = { "remote_interview", FL_INTERVIEW },
	[SS_GOVERNMENT_UNIT] = { "government_unit", FL_HEALTH },
	[SS_PSYCHOLOGY] = { "psychology", FL_HEALTH },
	[SS_MENTAL_HEALTH] = { "mental_health", FL_HEALTH },
	[SS_AS_NEEDED] = { "as_needed", FL_HEALTH },
	[SS_AFTER_ALL_OTHERS] = { "after_all_others", FL_HEALTH },
	[SS_RESULTS_HANDED_IN] = { "results_handed_in", FL_HEALTH },
};

const char *
stage_step_word(enum stage_step_id id)
{
	return (unsigned)id < SS__N ? steps[id].word : "?";
}

enum flow_state
stage_step_stage(enum stage_step_id id)
{
	return (unsigned)id < SS__N ? steps[id].stage : FL__N;
}

/* The stage of an STG-* rule (not STG-REUSE), FL__N for others. */
static enum flow_state
rule_stage(enum rule_id r)
{
	for (int s = FL_STAGE_FIRST; s <= FL_STAGE_LAST; s++)
		if (flow_stage_rule((enum flow_state)s) == r)
			return (enum flow_state)s;
	return FL__N;
}

bool
profile_stage_key(struct str key, enum rule_id r)
{
	return rule_stage(r) != FL__N && (str_eqc(key, "label") ||
	    str_eqc(key, "video_conference") || str_eqc(key, "steps") ||
	    (r == R_STG_ASSESS && str_eqc(key, "raters")));	/* score */
}

static enum sel_err
nonempty(struct diag *d, const struct json *v, struct str *out)
{
	if (v == NULL || v->type != JSON_STRING || str_trim(v->s).len == 0)
		return json_fail(d, v, "expected a non-empty string");
	*out = str_trim(v->s);
	return SEL_OK;
}

static struct str
cited(struct arena *a, struct str cite, struct str local)
{
	return arena_printf(a, "%.*s %.*s", (int)cite.len, cite.p,
	    (int)local.len, local.p);
}

static enum sel_err
parse_vc(struct arena *a, struct diag *d, struct str cite,
    const struct json *v, struct stage_params *sp)
{
	const struct json *mode, *c;
	struct str cs;
	int w;

	if (v->type != JSON_OBJECT)
		return json_fail(d, v, "expected {\"mode\": \"allowed\" | "
		    "\"required\", \"citation\": TEXT}");
	for (const struct json *m = v->head; m != NULL; m = m->next)
		if (!str_eqc(m->key, "mode") && !str_eqc(m->key, "citation"))
			return json_fail(d, m, "unknown key (expected mode, "
			    "citation)");
	if ((mode = json_get(v, "mode")) == NULL)
		return json_fail_key(d, v, "mode", "required field is missing");
	if (json_enum(d, mode, (const char *const[]){ "allowed", "required",
	    NULL }, &w) != SEL_OK)
		return SEL_EINVAL;
	if ((c = json_get(v, "citation")) == NULL)
		return json_fail_key(d, v, "citation", "required: the article "
		    "that provides for the video conference");
	if (nonempty(d, c, &cs) != SEL_OK)
		return SEL_EINVAL;
	sp->vc = w == 0 ? SVC_ALLOWED : SVC_REQUIRED;
	sp->vc_citation = cited(a, cite, cs);
	return SEL_OK;
}

static enum sel_err
parse_step(struct arena *a, struct diag *d, struct str cite,
    enum flow_state st, const struct json *e, struct stage_params *sp)
{
	const struct json *id = json_get(e, "id");
	struct stage_step *s = &sp->steps[sp->nsteps];
	struct str v;
	int k = -1;

	if (e->type != JSON_OBJECT)
		return json_fail(d, e, "expected {\"id\", \"label\", "
		    "\"citation\"}");
	for (const struct json *m = e->head; m != NULL; m = m->next)
		if (!str_eqc(m->key, "id") && !str_eqc(m->key, "label") &&
		    !str_eqc(m->key, "citation"))
			return json_fail(d, m, "unknown key (expected id, "
			    "label, citation)");
	if (id == NULL)
		return json_fail_key(d, e, "id", "required field is missing");
	if (nonempty(d, id, &v) != SEL_OK)
		return SEL_EINVAL;
	for (int i = 0; i < SS__N; i++)
		if (steps[i].stage == st && str_eqc(v, steps[i].word))
			k = i;
	if (k < 0)
		return json_fail(d, id, "not a step of %s",
		    rule_name(flow_stage_rule(st)));
	for (size_t i = 0; i < sp->nsteps; i++)
		if (sp->steps[i].id == (enum stage_step_id)k)
			return json_fail(d, id, "step \"%s\" given twice",
			    steps[k].word);
	s->id = (enum stage_step_id)k;
	if (json_get(e, "label") == NULL)
		return json_fail_key(d, e, "label", "required field is "
		    "missing");
	if (nonempty(d, json_get(e, "label"), &s->label) != SEL_OK)
		return SEL_EINVAL;
	if (json_get(e, "citation") == NULL)
		return json_fail_key(d, e, "citation", "required: every step "
		    "names its article");
	if (nonempty(d, json_get(e, "citation"), &v) != SEL_OK)
		return SEL_EINVAL;
	s->citation = cited(a, cite, v);
	sp->nsteps++;
	return SEL_OK;
}

enum sel_err
profile_stage_param(struct arena *a, struct diag *d, struct str cite,
    const struct json *m, struct prof_rule *r)
{
	enum flow_state st = rule_stage(r->id);
	struct stage_params *sp = r->stage;
	bool online = false, hand = false;

	if (sp == NULL) {
		sp = arena_alloc(a, sizeof *sp);
		memset(sp, 0, sizeof *sp);
		r->stage = sp;
	}
	if (str_eqc(m->key, "raters"))		/* score part: merit.h */
		return merit_raters_parse(d, m, &r->raters);
	if (str_eqc(m->key, "label"))
		return nonempty(d, m, &sp->label);
	if (str_eqc(m->key, "video_conference"))
		return parse_vc(a, d, cite, m, sp);
	if (m->type != JSON_ARRAY || m->count == 0 ||
	    m->count > STAGE_MAX_STEPS)
		return json_fail(d, m, "expected an array of 1 to %d steps",
		    STAGE_MAX_STEPS);
	for (const struct json *e = m->head; e != NULL; e = e->next) {
		if (parse_step(a, d, cite, st, e, sp) != SEL_OK)
			return SEL_EINVAL;
		online = online || sp->steps[sp->nsteps - 1].id ==
		    SS_ONLINE_SUBMISSION;
		hand = hand || sp->steps[sp->nsteps - 1].id == SS_HANDWRITTEN;
		if (online && hand)
			return json_fail(d, e, "a paper is either submitted "
			    "online or handwritten at the test, not both");
	}
	return SEL_OK;
}

const struct stage_params *
stage_params_of(const struct profile *p, enum flow_state st)
{
	enum rule_id r = flow_stage_rule(st);
	const struct prof_rule *e = r != R__N ? profile_rule_any(p, r) : NULL;

	return e != NULL ? e->stage : NULL;
}

const struct stage_step *
stage_step(const struct profile *p, enum flow_state st, enum stage_step_id id)
{
	const struct stage_params *sp = stage_params_of(p, st);

	for (size_t i = 0; sp != NULL && i < sp->nsteps; i++)
		if (sp->steps[i].id == id)
			return &sp->steps[i];
	return NULL;
}

struct str
stage_label(const struct profile *p, enum flow_state st)
{
	const struct stage_params *sp = stage_params_of(p, st);

	return sp != NULL && sp->label.len > 0 ? sp->label :
	    str_c(flow_state_label(st));
}

enum stage_vc
stage_vc(const struct profile *p, enum flow_state st)
{
	const struct stage_params *sp = stage_params_of(p, st);

	return sp != NULL ? sp->vc : SVC_NONE;
}

/* ---- the plan ---- */

/* "72", "72,5", "72.55" to hundredths; -1 when it is not one. */
static int
score_parse(struct str s)
{
	int whole = 0, frac = 0, nd = 0, nf = 0;
	size_t i = 0;

	for (; i < s.len && s.p[i] >= '0' && s.p[i] <= '9'; i++, nd++)
		if (nd < 4)
			whole = whole * 10 + (s.p[i] - '0');
	if (nd == 0 || nd > 3)
		return -1;
	if (i < s.len && (s.p[i] == ',' || s.p[i] == '.')) {
		for (i++; i < s.len && s.p[i] >= '0' && s.p[i] <= '9'; i++)
			if (++nf <= 2)
				frac = frac * 10 + (s.p[i] - '0');
		if (nf == 0 || nf > 2)
			return -1;
		if (nf == 1)
			frac *= 10;
	}
	if (i != s.len || whole * 100 + frac > 10000)
		return -1;
	return whole * 100 + frac;
}

struct str
stage_score_text(struct arena *a, int v)
{
	if (v % 100 == 0)
		return arena_printf(a, "%d", v / 100);
	if (v % 10 == 0)
		return arena_printf(a, "%d,%d", v / 100, v % 100 / 10);
	return arena_printf(a, "%d,%02d", v / 100, v % 100);
}

static bool
one_line(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if ((unsigned char)s.p[i] < 0x20 || s.p[i] == 0x7f)
			return false;
	return true;
}

bool
stage_link_ok(struct str s)
{
	size_t h = 8;

	if (!str_starts(s, "https://") || s.len > 500)
		return false;
	/* The host: letters, digits, '.', '-' and a port; no user part. */
	for (; h < s.len && s.p[h] != '/' && s.p[h] != '?' && s.p[h] != '#';
	    h++) {
		char c = s.p[h];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' ||
		    c == ':'))
			return false;
	}
	if (h == 8 || s.p[8] == '.' || s.p[8] == '-' || s.p[8] == ':')
		return false;
	for (size_t i = h; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' ||
		    c == '<' || c == '>' || c == '\\' || c == '`')
			return false;
	}
	return true;
}

static const char *
say(struct arena *a, const char **field, const char *name, const char *msg)
{
	*field = name;
	return arena_printf(a, "%s", msg).p;
}

const char *
stage_plan_check(struct arena *a, const struct profile *p, enum flow_state st,
    const struct stage_plan_in *in, struct stage_plan *out,
    const char **field)
{
	struct str pm = str_trim(in->pass_min), pb = str_trim(in->pass_best);
	enum stage_vc vc = stage_vc(p, st);
	const struct stage_params *sp = stage_params_of(p, st);
	int64_t best;

	memset(out, 0, sizeof *out);
	*field = NULL;
	out->pass_min = -1;
	if (pm.len > 0 && (out->pass_min = score_parse(pm)) < 0)
		return say(a, field, "pass_min", "Nilai minimum kelulusan harus "
		    "angka 0 sampai 100, paling banyak 2 angka di belakang "
		    "koma (misalnya 70 atau 72,5).");
	if (pb.len > 0) {
		if (parse_i64(pb, 1, 99, &best) != SEL_OK)
			return say(a, field, "pass_best", "Jumlah peringkat "
			    "terbaik per lowongan harus bilangan bulat 1 sampai "
			    "99.");
		out->pass_best = (int)best;
	}
	out->place = str_trim(in->place);
	out->link = str_trim(in->link);
	out->time_text = str_trim(in->time_text);
	out->provider = str_trim(in->provider);
	if (out->place.len > 200 || !one_line(out->place))
		return say(a, field, "place", "Tempat pelaksanaan: satu baris, "
		    "paling banyak 200 karakter.");
	if (out->link.len > 0 && !stage_link_ok(out->link))
		return say(a, field, "link", "Tautan konferensi video harus "
		    "alamat https:// yang sah (tanpa spasi), paling banyak 500 "
		    "karakter.");
	if (out->link.len > 0 && vc == SVC_NONE)
		return say(a, field, "link", "Profil wilayah ini tidak mengatur "
		    "tahapan ini melalui konferensi video: isi tempat "
		    "pelaksanaan, bukan tautan.");
	if (vc == SVC_REQUIRED && out->link.len == 0 && out->place.len > 0)
		return say(a, field, "link", arena_printf(a, "Tahapan ini "
		    "dilaksanakan melalui konferensi video (%.*s): isi tautan "
		    "konferensi videonya.", (int)sp->vc_citation.len,
		    sp->vc_citation.p).p);
	if (out->time_text.len > 60 || !one_line(out->time_text))
		return say(a, field, "time_text", "Waktu pelaksanaan: satu "
		    "baris, paling banyak 60 karakter (misalnya 08.00-12.00 "
		    "WIB).");
	if (out->provider.len > 0 && st != FL_ASSESS)
		return say(a, field, "provider", "Penyelenggara hanya diisi "
		    "untuk seleksi kompetensi (assessment).");
	if (out->provider.len > 0 && in->provider_elsewhere)
		return say(a, field, "provider", "Penyelenggara assessment "
		    "dicatat pada halaman Praktik 2023-2026 (PRAC-ASSESSOR), "
		    "bukan di sini.");
	if (out->provider.len > 200 || !one_line(out->provider))
		return say(a, field, "provider", "Penyelenggara: satu baris, "
		    "paling banyak 200 karakter.");
	return NULL;
}

/* ---- the integrity instrument ---- */

const char *
stage_instrument_check(struct arena *a, const struct str *names,
    const struct str *weights, size_t n,
    struct track_criterion out[TRACK_MAX_CRITERIA], size_t *nout, int *row)
{
	int sum = 0;

	*nout = 0;
	*row = -1;
	for (size_t i = 0; i < n; i++) {
		struct str nm = str_trim(names[i]), w = str_trim(weights[i]);
		int64_t x;

		if (nm.len == 0 && w.len == 0)
			continue;
		*row = (int)i;
		if (*nout == TRACK_MAX_CRITERIA)
			return arena_printf(a, "Paling banyak %d kriteria.",
			    TRACK_MAX_CRITERIA).p;
		if (nm.len == 0 || nm.len > 200 || !one_line(nm))
			return arena_printf(a, "Kriteria baris %zu: nama wajib "
			    "diisi, satu baris, paling banyak 200 karakter.",
			    i + 1).p;
		if (parse_i64(w, 1, 100, &x) != SEL_OK)
			return arena_printf(a, "Kriteria baris %zu: bobot harus "
			    "bilangan bulat 1 sampai 100.", i + 1).p;
		out[*nout].name = nm;
		out[(*nout)++].weight = (int)x;
		sum += (int)x;
	}
	*row = -1;
	if (*nout == 0)
		return arena_printf(a, "Isi paling sedikit satu kriteria "
		    "penilaian integritas dengan bobotnya.").p;
	if (sum != 100)
		return arena_printf(a, "Jumlah bobot kriteria harus 100 "
		    "(sekarang %d).", sum).p;
	return NULL;
}
