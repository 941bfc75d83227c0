/*
 * flow.c - the workflow's transition table and what follows from it.
 */
#include <string.h>

#include "base/arena.h"
#include "core/flow.h"
#include "core/profile.h"
#include "base/banned.h"

#define R(s)		ROLE_BIT(ROLE_##s)
#define STAGES		(FL_BIT(FL_PAPER) | FL_BIT(FL_TRACK) | \
			    FL_BIT(FL_ASSESS) | FL_BIT(FL_INTERVIEW) | \
			    FL_BIT(FL_HEALTH))

static const struct {
	const char	*name, *label, *stage;
	enum rule_id	 rule;
} states[FL__N] = {
	[FL_PREPARING] = { "preparing", "Persiapan seleksi", NULL, R__N },
	[FL_ANNOUNCED] = { "announced", "Diumumkan, pendaftaran belum "
	    "dibuka", NULL, R__N },
	[FL_REGISTRATION] = { "registration", "Pendaftaran dibuka", NULL,
	    R__N },
	[FL_REG_ENDED] = { "registration_ended", "Masa pendaftaran berakhir, "
	    "menunggu penutupan", NULL, R__N },
	[FL_ADMINISTRATIVE] = { "administrative", "Pendaftaran ditutup; "
	    "seleksi administrasi", NULL, R__N },
	[FL_PAPER] = { "paper", "Penulisan makalah", "paper", R_STG_PAPER },
	[FL_TRACK] = { "track_record", "Penelusuran rekam jejak",
	    "track_record", R_STG_TRACK },
	[FL_ASSESS] = { "assessment", "Seleksi kompetensi (asesmen)",
	    "assessment", R_STG_ASSESS },
	[FL_INTERVIEW] = { "interview", "Wawancara akhir", "interview",
	    R_STG_INTERVIEW },
	[FL_HEALTH] = { "health", "Tes kesehatan (dan psikologi)", "health",
	    R_STG_HEALTH },
	[FL_RANKING] = { "ranking", "Pemeringkatan dan tiga nilai terbaik",
	    NULL, R__N },
	[FL_CHOICE] = { "choice", "Pilihan PPK atas tiga calon", NULL, R__N },
	[FL_CONSULT] = { "consultation", "Konsultasi khusus sebelum "
	    "pengangkatan", NULL, R__N },
	[FL_REPORT] = { "report", "Laporan hasil seleksi dan rekomendasi "
	    "instansi pengawas", NULL, R__N },
	[FL_APPOINTMENT] = { "appointment", "Pengangkatan dan pelantikan",
	    NULL, R__N },
	[FL_TENURE] = { "tenure", "Masa jabatan dan pemantauan", NULL, R__N },
};

/*
 * The table.  Guards are rule ids; the profile gives their citations.
 * The committee's rules guard the announcement because the committee
 * that signs it must be the valid, confirmed one (COM-*).
 */
const struct flow_tr_def flow_table[FT__N] = {
	[FT_PUBLISH] = { FT_PUBLISH, "publish", "Tanda tangani dan terbitkan "
	    "pengumuman", FL_BIT(FL_PREPARING), FL_ANNOUNCED, R(CHAIR), false,
	    { R_VAC_REASON, R_VAC_PLAN, R_PRAC_ASSESSOR,
	    R_PRAC_OVERSIGHT_APPROVAL, R_VAC_INSPEKTUR, R_PRAC_HOME_MINISTER,
	    R_COM_SIZE, R_ANN_CONTENT, R_ANN_DURATION, R_ANN_SIGNED }, 10 },
	[FT_OPEN] = { FT_OPEN, "open", "Pendaftaran dibuka (menurut "
	    "jadwal)", FL_BIT(FL_ANNOUNCED), FL_REGISTRATION, 0, true,
	    { R_ANN_DURATION }, 1 },
	[FT_END] = { FT_END, "end", "Masa pendaftaran berakhir (menurut "
	    "jadwal)", FL_BIT(FL_REGISTRATION), FL_REG_ENDED, 0, true,
	    { R_ANN_DURATION }, 1 },
	[FT_CLOSE] = { FT_CLOSE, "close", "Tutup pendaftaran",
	    FL_BIT(FL_REG_ENDED), FL_ADMINISTRATIVE, R(SECRETARIAT), false,
	    { R_ANN_DURATION }, 1 },
	[FT_EXTEND] = { FT_EXTEND, "extend", "Perpanjang pendaftaran",
	    FL_BIT(FL_REG_ENDED) | FL_BIT(FL_ADMINISTRATIVE),
	    FL_REGISTRATION, R(CHAIR), false,
	    { R_ANN_EXTEND, R_ANN_AFTER_EXTENSIONS }, 2 },
	[FT_ADM_PUBLISH] = { FT_ADM_PUBLISH, "adm_publish", "Tanda tangani "
	    "dan umumkan hasil seleksi administrasi",
	    FL_BIT(FL_ADMINISTRATIVE), FL__N, R(CHAIR), false,
	    { R_ADM_COMPLETE, R_ADM_MIN_3, R_SCORE_PUBLISH }, 3 },
	[FT_STAGE_PUBLISH] = { FT_STAGE_PUBLISH, "stage_publish", "Tanda "
	    "tangani dan umumkan hasil tahapan", STAGES, FL__N, R(CHAIR),
	    false, { R_STG_PAPER, R_STG_TRACK, R_STG_ASSESS,
	    R_STG_INTERVIEW, R_STG_HEALTH, R_SCORE_PUBLISH }, 6 },
	[FT_RANKING_SEND] = { FT_RANKING_SEND, "ranking_send", "Sampaikan "
	    "peringkat dan tiga calon terbaik", FL_BIT(FL_RANKING),
	    FL_CHOICE, R(CHAIR), false,
	    { R_SCORE_FINAL, R_SCORE_TIES, R_SCORE_TOP3 }, 3 },
	[FT_CHOOSE] = { FT_CHOOSE, "choose", "Pilih satu dari tiga calon",
	    FL_BIT(FL_CHOICE), FL_CONSULT, R(PPK), false,
	    { R_SCORE_PPK_INTERVIEW, R_APPT_CHOOSE }, 2 },
	[FT_CONSULTED] = { FT_CONSULTED, "consulted", "Catat konsultasi "
	    "khusus", FL_BIT(FL_CONSULT), FL_REPORT, R(SECRETARIAT), false,
	    { R_APPT_SEKDA, R_APPT_SEKWAN, R_APPT_DUKCAPIL,
	    R_APPT_INSPEKTUR }, 4 },
	[FT_RECOMMENDED] = { FT_RECOMMENDED, "recommended", "Catat "
	    "rekomendasi instansi pengawas atas hasil seleksi",
	    FL_BIT(FL_REPORT), FL_APPOINTMENT, R(OVERSIGHT) | R(SECRETARIAT),
	    false, { R_APPT_KASN_REPORT }, 1 },
	[FT_APPOINT] = { FT_APPOINT, "appoint", "Catat pengangkatan dan "
	    "pelantikan", FL_BIT(FL_APPOINTMENT), FL_TENURE, R(PPK), false,
	    { R_APPT_AGE, R_APPT_REPORT }, 2 },
};

const char *
flow_state_name(enum flow_state s)
{
	return (unsigned)s < FL__N ? states[s].name : "?";
}

const char *
flow_state_label(enum flow_state s)
{
	return (unsigned)s < FL__N ? states[s].label : "?";
}

const char *
flow_stage_id(enum flow_state s)
{
	return (unsigned)s < FL__N ? states[s].stage : NULL;
}

bool
flow_stage_parse(struct str id, enum flow_state *out)
{
	for (int s = FL_STAGE_FIRST; s <= FL_STAGE_LAST; s++)
		if (str_eqc(id, states[s].stage)) {
			*out = (enum flow_state)s;
			return true;
		}
	return false;
}

bool
flow_is_stage(enum flow_state s)
{
	return s >= FL_STAGE_FIRST && s <= FL_STAGE_LAST;
}

enum rule_id
flow_stage_rule(enum flow_state s)
{
	return (unsigned)s < FL__N ? states[s].rule : R__N;
}

size_t
flow_stages(const struct profile *p, const struct flow_plan_stage *plan,
    size_t nplan, enum flow_state out[FL_NSTAGES])
{
	sel_date starts[FL_NSTAGES];
	size_t n = 0;

	/* The profile's stages in its file order, then the plan's others. */
	for (size_t i = 0; i < p->nrules; i++)
		for (int s = FL_STAGE_FIRST; s <= FL_STAGE_LAST; s++) {
			bool seen = false;

			if (p->rules[i].id != states[s].rule)
				continue;
			for (size_t k = 0; k < n; k++)
				seen = seen || out[k] == (enum flow_state)s;
			if (!seen)
				out[n++] = (enum flow_state)s;
		}
	for (size_t i = 0; i < nplan; i++) {
		bool seen = false;

		if (!flow_is_stage(plan[i].stage))
			continue;
		for (size_t k = 0; k < n; k++)
			seen = seen || out[k] == plan[i].stage;
		if (!seen && n < FL_NSTAGES)
			out[n++] = plan[i].stage;
	}
	for (size_t k = 0; k < n; k++) {
		starts[k] = 0;
		for (size_t i = 0; i < nplan; i++)
			if (plan[i].stage == out[k])
				starts[k] = plan[i].starts;
	}
	/* Stable insertion sort by date; undated ones keep their place
	   after every dated one. */
	for (size_t i = 1; i < n; i++) {
		enum flow_state s = out[i];
		sel_date d = starts[i];
		size_t j = i;

		while (j > 0 && d != 0 && (starts[j - 1] == 0 ||
		    starts[j - 1] > d)) {
			out[j] = out[j - 1];
			starts[j] = starts[j - 1];
			j--;
		}
		out[j] = s;
		starts[j] = d;
	}
	return n;
}

enum flow_state
flow_state_of(const struct flow_facts *f)
{
	if (!f->published)
		return FL_PREPARING;
	if (!f->adm_published) {
		if (f->closed)
			return FL_ADMINISTRATIVE;
		if (!f->has_window || f->today < f->open)
			return FL_ANNOUNCED;
		return f->today <= f->close ? FL_REGISTRATION : FL_REG_ENDED;
	}
	if (f->stages_published < f->nstages)
		return f->stages[f->stages_published];
	if (!f->ranking_sent)
		return FL_RANKING;
	if (!f->chosen)
		return FL_CHOICE;
	if (!f->consulted)
		return FL_CONSULT;
	if (!f->recommended)
		return FL_REPORT;
	return f->appointed ? FL_TENURE : FL_APPOINTMENT;
}

enum flow_state
flow_target(const struct flow_facts *f, enum flow_tr t, enum flow_state st)
{
	size_t k;

	if ((unsigned)t >= FT__N)
		return FL__N;
	if (flow_table[t].to != FL__N)
		return flow_table[t].to;
	if (t == FT_ADM_PUBLISH)
		return f->nstages > 0 ? f->stages[0] : FL_RANKING;
	for (k = 0; k < f->nstages; k++)
		if (f->stages[k] == st)
			break;
	return k + 1 < f->nstages ? f->stages[k + 1] : FL_RANKING;
}

void
flow_guard(struct flow_guards *g, enum rule_id id, enum rule_status st,
    struct str detail)
{
	if ((unsigned)id >= R__N)
		return;
	g->set[id] = true;
	g->status[id] = st;
	g->detail[id] = detail;
}

/* A stage's result is guarded by its own STG-* rule only. */
static bool
guard_applies(enum flow_tr t, enum rule_id id, enum flow_state st)
{
	if (t != FT_STAGE_PUBLISH || id == R_SCORE_PUBLISH)
		return true;
	return id == flow_stage_rule(st);
}

static void
offer(struct arena *a, const struct profile *p, const struct flow_facts *f,
    enum flow_state st, const struct flow_guards *g,
    const struct flow_tr_def *d, struct flow_offer *o)
{
	memset(o, 0, sizeof *o);
	o->def = d;
	o->to = flow_target(f, d->id, st);
	o->ready = true;
	for (size_t i = 0; i < d->nguards; i++) {
		enum rule_id id = d->guards[i];
		const struct prof_rule *pr = profile_rule_any(p, id);
		struct rule_result *r;

		if (pr == NULL || !guard_applies(d->id, id, st))
			continue;
		r = &o->guard[o->nguard++];
		r->id = id;
		r->citation = pr->citation;
		if (g != NULL && g->set[id]) {
			r->status = g->status[id];
			r->detail = g->detail[id];
		} else {
			/* Not decided by the caller: nothing to check yet,
			   the article is cited. */
			r->status = RS_PASS;
			r->detail = STR("");
		}
		if (r->status != RS_PASS && o->ready) {
			o->ready = false;
			o->why = r->detail.len > 0 ? r->detail :
			    arena_printf(a, "%s belum terpenuhi.",
			    rule_name(id));
		}
	}
	/* The calendar is a guard of closing: the window must have ended. */
	if ((d->id == FT_CLOSE || d->id == FT_END) && f->has_window &&
	    f->today <= f->close && o->ready) {
		o->ready = false;
		o->why = STR("Masa pendaftaran belum berakhir: pendaftaran "
		    "baru dapat ditutup sesudah hari terakhir pendaftaran.");
	}
}

size_t
flow_offers(struct arena *a, const struct profile *p,
    const struct flow_facts *f, enum flow_state st,
    const struct flow_guards *g, struct flow_offer out[FT__N])
{
	size_t n = 0;

	for (int t = 0; t < FT__N; t++) {
		const struct flow_tr_def *d = &flow_table[t];

		if ((d->from & FL_BIT(st)) == 0)
			continue;
		offer(a, p, f, st, g, d, &out[n++]);
	}
	return n;
}

bool
flow_role_may(enum flow_tr t, enum role r)
{
	if ((unsigned)t >= FT__N || (unsigned)r >= ROLE__N)
		return false;
	return !flow_table[t].by_clock &&
	    (flow_table[t].roles & ROLE_BIT(r)) != 0;
}

size_t
flow_progress(const struct flow_facts *f, enum flow_state cur,
    const struct flow_dates *dates, struct flow_step out[FL__N])
{
	size_t rank[FL__N], curk;
	size_t k = 0;

	/* Each state's place in this selection's order. */
	for (int s = 0; s < FL__N; s++)
		rank[s] = (size_t)-1;
	for (int s = FL_PREPARING; s < FL_STAGE_FIRST; s++)
		rank[s] = k++;
	for (size_t i = 0; i < f->nstages; i++)
		rank[f->stages[i]] = k++;
	for (int s = FL_STAGE_LAST + 1; s < FL__N; s++)
		rank[s] = k++;
	curk = rank[cur];
	for (int s = 0; s < FL__N; s++) {
		struct flow_step *o = &out[s];

		o->state = (enum flow_state)s;
		o->from = dates != NULL ? dates->d[s][0] : 0;
		o->to = dates != NULL ? dates->d[s][1] : 0;
		if (rank[s] == (size_t)-1)
			o->mark = FM_ABSENT;
		else if (rank[s] < curk)
			o->mark = FM_DONE;
		else
			o->mark = rank[s] == curk ? FM_CURRENT : FM_WAITING;
		/* Registration ended by the clock and closed by the act
		   are one step once the act is done. */
		if (s == FL_REG_ENDED && cur == FL_ANNOUNCED)
			o->mark = FM_WAITING;
	}
	/* In this selection's order: the stages as the plan has them. */
	{
		struct flow_step tmp[FL__N];
		size_t n = 0;

		memcpy(tmp, out, sizeof tmp);
		for (size_t r = 0; r < k; r++)
			for (int s = 0; s < FL__N; s++)
				if (rank[s] == r)
					out[n++] = tmp[s];
		for (int s = 0; s < FL__N; s++)
			if (rank[s] == (size_t)-1)
				out[n++] = tmp[s];
	}
	return FL__N;
}

/* ---- an application ---- */

static const struct {
	const char	*name, *label;
} app_states[FA__N] = {
	[FA_SUBMITTED] = { "submitted", "Terdaftar" },
	[FA_WITHDRAWN] = { "withdrawn", "Mengundurkan diri" },
	[FA_ADM_PASSED] = { "adm_passed", "Lulus seleksi administrasi" },
	[FA_ADM_FAILED] = { "adm_failed", "Tidak lulus seleksi "
	    "administrasi" },
	[FA_STAGE_ABSENT] = { "stage_absent", "Tidak hadir pada tahapan "
	    "(dianggap mengundurkan diri)" },
	[FA_STAGE_FAILED] = { "stage_failed", "Tidak lulus tahapan" },
	[FA_TOP3] = { "top3", "Tiga calon terbaik" },
	[FA_CHOSEN] = { "chosen", "Dipilih PPK" },
	[FA_APPOINTED] = { "appointed", "Diangkat dan dilantik" },
};

#define A(s)		FL_BIT(FL_##s)
#define AS(s)		(1u << (unsigned)(FA_##s))

const struct flow_app_tr_def flow_app_table[FAT__N] = {
	[FAT_SUBMIT] = { FAT_SUBMIT, "submit", "Melamar", 0, FA_SUBMITTED,
	    R(APPLICANT), A(REGISTRATION) | A(REG_ENDED) | A(ADMINISTRATIVE),
	    { R_ANN_DURATION, R_ELIG_EMPLOYMENT, R_ELIG_RECOMMENDATION,
	    R_ADM_INVITE }, 4 },
	[FAT_WITHDRAW] = { FAT_WITHDRAW, "withdraw", "Mengundurkan diri",
	    AS(SUBMITTED) | AS(ADM_PASSED), FA_WITHDRAWN, R(APPLICANT),
	    A(REGISTRATION) | A(REG_ENDED) | A(ADMINISTRATIVE) | STAGES |
	    A(RANKING), { R_ANN_DURATION }, 1 },
	[FAT_ADM_PASS] = { FAT_ADM_PASS, "adm_pass", "Lulus administrasi",
	    AS(SUBMITTED), FA_ADM_PASSED, R(CHAIR) | R(MEMBER),
	    A(REG_ENDED) | A(ADMINISTRATIVE), { R_ADM_COMPLETE }, 1 },
	[FAT_ADM_FAIL] = { FAT_ADM_FAIL, "adm_fail", "Tidak lulus "
	    "administrasi", AS(SUBMITTED), FA_ADM_FAILED,
	    R(CHAIR) | R(MEMBER), A(REG_ENDED) | A(ADMINISTRATIVE),
	    { R_ADM_COMPLETE }, 1 },
	[FAT_ABSENT] = { FAT_ABSENT, "absent", "Tidak hadir pada tahapan",
	    AS(ADM_PASSED), FA_STAGE_ABSENT, R(SECRETARIAT) | R(CHAIR),
	    STAGES, { R_STG_PAPER, R_STG_TRACK, R_STG_ASSESS,
	    R_STG_INTERVIEW, R_STG_HEALTH }, 5 },
	[FAT_STAGE_FAIL] = { FAT_STAGE_FAIL, "stage_fail", "Tidak lulus "
	    "tahapan", AS(ADM_PASSED), FA_STAGE_FAILED, R(CHAIR), STAGES,
	    { R_SCORE_PUBLISH }, 1 },
	[FAT_TOP3] = { FAT_TOP3, "top3", "Masuk tiga terbaik",
	    AS(ADM_PASSED), FA_TOP3, R(CHAIR), A(RANKING),
	    { R_SCORE_FINAL, R_SCORE_TIES, R_SCORE_TOP3 }, 3 },
	[FAT_CHOOSE] = { FAT_CHOOSE, "choose", "Dipilih PPK", AS(TOP3),
	    FA_CHOSEN, R(PPK), A(CHOICE), { R_APPT_CHOOSE }, 1 },
	[FAT_APPOINT] = { FAT_APPOINT, "appoint", "Diangkat", AS(CHOSEN),
	    FA_APPOINTED, R(PPK), A(APPOINTMENT), { R_APPT_AGE }, 1 },
};

const char *
flow_app_state_name(enum flow_app_state s)
{
	return (unsigned)s < FA__N ? app_states[s].name : "?";
}

const char *
flow_app_state_label(enum flow_app_state s)
{
	return (unsigned)s < FA__N ? app_states[s].label : "?";
}

bool
flow_app_state_parse(struct str s, enum flow_app_state *out)
{
	for (int i = 0; i < FA__N; i++)
		if (str_eqc(s, app_states[i].name)) {
			*out = (enum flow_app_state)i;
			return true;
		}
	return false;
}

bool
flow_app_may(enum flow_app_tr t, enum flow_app_state as, enum flow_state sel,
    enum role r)
{
	const struct flow_app_tr_def *d;

	if ((unsigned)t >= FAT__N || (unsigned)r >= ROLE__N ||
	    (unsigned)sel >= FL__N)
		return false;
	d = &flow_app_table[t];
	if (d->from != 0 && (d->from & (1u << (unsigned)as)) == 0)
		return false;
	return (d->roles & ROLE_BIT(r)) != 0 &&
	    (d->during & FL_BIT(sel)) != 0;
}
