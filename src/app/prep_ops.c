/*
 * prep_ops.c - the forms of a selection's preparation, from the vacancy to
 * the published announcement (REGULATIONS.md §3 stages 1-4).
 *
 * Each operation: check the role (app_may) and the state, validate every
 * field (an Indonesian message naming it), write, append the audit event
 * with the rule it rests on, commit.  Anything refused changes nothing.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

struct op_ctx {
	struct app		*a;
	struct arena		*ar;
	const struct who	*w;
	struct stx		*tx;
	struct sel_view		*v;
	const struct form	*f;
	struct app_msg		*m;
};

static const struct {
	enum act	 act;
	const char	*action;	/* the audit event's name */
	bool		 after_publish;	/* still allowed once published */
	bool		 after_confirm;	/* committee changes once confirmed */
} ops[OP__N] = {
	[OP_VACANCY_ADD] = { ACT_VACANCY_EDIT, "vacancy_add", false, true },
	[OP_VACANCY_DEL] = { ACT_VACANCY_EDIT, "vacancy_del", false, true },
	[OP_PLAN] = { ACT_PLAN_EDIT, "plan_set", false, true },
	[OP_STAGE_PUT] = { ACT_PLAN_EDIT, "stage_put", false, true },
	[OP_STAGE_DEL] = { ACT_PLAN_EDIT, "stage_del", false, true },
	[OP_PLAN_SENT] = { ACT_PLAN_SEND, "plan_sent", false, true },
	[OP_RECOMMENDATION] = { ACT_RECOMMEND, "recommendation", true,
	    true },
	[OP_CONSULT] = { ACT_CONSULT, "consultation", false, true },
	[OP_MEMBER_ADD] = { ACT_COMMITTEE_EDIT, "member_add", false, false },
	[OP_MEMBER_DEL] = { ACT_COMMITTEE_EDIT, "member_del", false, false },
	[OP_MEMBER_REPLACE] = { ACT_COMMITTEE_CONFIRM, "member_replace", true,
	    true },
	[OP_COMMITTEE_CONFIRM] = { ACT_COMMITTEE_CONFIRM,
	    "committee_confirm", false, false },
	[OP_ANNOUNCEMENT] = { ACT_ANN_EDIT, "announcement_set", false, true },
	[OP_PUBLISH] = { ACT_ANN_PUBLISH, "announcement_publish", false,
	    true },
};

/* ---- field checks: each sets the message and returns SEL_EINVAL ---- */

/* The refusal rc names the posted field name (for the page). */
static enum sel_err
at(struct op_ctx *c, enum sel_err rc, const char *name)
{
	if (rc != SEL_OK)
		app_msg_at(c->m, name);
	return rc;
}

static enum sel_err
f_text(struct op_ctx *c, const char *name, const char *label, size_t max,
    bool required, struct str *out)
{
	struct str v = str_trim(form_get(c->f, name));

	if (required && v.len == 0)
		return at(c, app_say(c->m, SEL_EINVAL, "%s wajib diisi.",
		    label), name);
	if (v.len > max)
		return at(c, app_say(c->m, SEL_EINVAL, "%s terlalu panjang "
		    "(paling banyak %zu karakter).", label, max), name);
	for (size_t i = 0; i < v.len; i++) {
		unsigned char ch = (unsigned char)v.p[i];

		if ((ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') ||
		    ch == 0x7f)
			return at(c, app_say(c->m, SEL_EINVAL, "%s memuat "
			    "karakter kendali yang tidak diizinkan.", label),
			    name);
	}
	*out = v;
	return SEL_OK;
}

static enum sel_err
f_date(struct op_ctx *c, const char *name, const char *label,
    sel_date *out)
{
	struct str v = str_trim(form_get(c->f, name));

	if (v.len == 0)
		return at(c, app_say(c->m, SEL_EINVAL, "%s wajib diisi.",
		    label), name);
	if (date_parse(v, out) != SEL_OK)
		return at(c, app_say(c->m, SEL_EINVAL, "%s bukan tanggal yang "
		    "sah (TTTT-BB-HH).", label), name);
	return SEL_OK;
}

static enum sel_err
f_word(struct op_ctx *c, const char *name, const char *label,
    const char *const *vocab, int *out)
{
	struct str v = form_get(c->f, name);

	for (int i = 0; vocab[i] != NULL; i++)
		if (str_eqc(v, vocab[i])) {
			*out = i;
			return SEL_OK;
		}
	return at(c, app_say(c->m, SEL_EINVAL, "%s: pilihan tidak dikenal.",
	    label), name);
}

static enum sel_err
f_id(struct op_ctx *c, int64_t *out)
{
	if (parse_i64(form_get(c->f, "id"), 1, INT64_MAX, out) != SEL_OK)
		return app_say(c->m, SEL_EINVAL, "Nomor data tidak sah.");
	return SEL_OK;
}

static enum sel_err
set(struct op_ctx *c, enum sfield f, struct str v)
{
	return store_selection_set(c->tx, c->v->s.id, f, v);
}

static enum sel_err
audit(struct op_ctx *c, enum prep_op op, struct str before, struct str after,
    enum rule_id rule)
{
	return app_audit(c->a, c->tx, c->ar, c->w, c->v->s.id,
	    ops[op].action, before, after, (int)rule >= 0 ?
	    app_rule_json(c->ar, c->v->profile, rule) : STR(""));
}

/* ---- the operations ---- */

static enum sel_err
op_vacancy_add(struct op_ctx *c)
{
	struct s_vacancy v;
	int lv = 0, ech = 0, kind = 0, why = 0;
	int64_t id;
	enum sel_err rc;

	memset(&v, 0, sizeof v);
	if ((rc = f_text(c, "title", "Nama jabatan", 200, true, &v.title)) ||
	    (rc = f_word(c, "level", "Jenis jabatan", vocab_level, &lv)) ||
	    (rc = f_word(c, "echelon", "Eselon", vocab_echelon, &ech)) ||
	    (rc = f_word(c, "kind", "Kelompok jabatan", vocab_vpost_kind,
	    &kind)) ||
	    (rc = f_text(c, "field", "Bidang", 100, false, &v.field)) ||
	    (rc = f_word(c, "reason", "Alasan kekosongan", prep_reason_ids,
	    &why)) ||
	    (rc = f_text(c, "reason_note", "Keterangan alasan", 500, false,
	    &v.reason_note)))
		return rc;
	if ((c->v->profile->levels & (1u << lv)) == 0)
		return app_say(c->m, SEL_EINVAL, "Jenis jabatan %s tidak diatur "
		    "oleh peraturan wilayah ini.", label_level[lv]);
	v.selection_id = c->v->s.id;
	v.agency = c->v->region.name;
	v.level = str_c(vocab_level[lv]);
	v.echelon = str_c(vocab_echelon[ech]);
	v.kind = str_c(vocab_vpost_kind[kind]);
	v.reason = str_c(prep_reason_ids[why]);
	if ((rc = store_vacancy_add(c->tx, &v, &id)) != SEL_OK)
		return rc;
	return audit(c, OP_VACANCY_ADD, STR(""), app_kv(c->ar, "title",
	    &v.title, "level", &v.level, "echelon", &v.echelon, "kind",
	    &v.kind, "field", &v.field, "reason", &v.reason, "reason_note",
	    &v.reason_note, NULL), R_VAC_REASON);
}

static enum sel_err
op_vacancy_del(struct op_ctx *c)
{
	int64_t id = 0;
	enum sel_err rc;

	if ((rc = f_id(c, &id)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < c->v->nvac; i++)
		if (c->v->vac[i].id == id) {
			if ((rc = store_vacancy_del(c->tx, c->v->s.id, id)))
				return rc;
			return audit(c, OP_VACANCY_DEL, app_kv(c->ar, "title",
			    &c->v->vac[i].title, NULL), STR(""),
			    R_VAC_REASON);
		}
	return app_say(c->m, SEL_EINVAL, "Lowongan tidak ditemukan.");
}

static enum sel_err
op_plan(struct op_ctx *c)
{
	static const char *const wkey[ST__N] = { "w_paper", "w_assessment",
	    "w_interview", "w_track_record" };
	struct str duties, standard, methods, system, reason, ws;
	struct weights wt;
	struct weights_out wo;
	int64_t max_apps = c->v->max_apps;
	enum sel_err rc;

	memset(&wt, 0, sizeof wt);
	if ((rc = f_text(c, "duties", "Tugas jabatan", 4000, true,
	    &duties)) ||
	    (rc = f_text(c, "standard", "Standar kompetensi", 4000, true,
	    &standard)) ||
	    (rc = f_text(c, "methods", "Metode dan materi seleksi", 4000,
	    true, &methods)) ||
	    (rc = f_text(c, "system", "Sistem yang digunakan", 2000, true,
	    &system)) ||
	    (rc = f_text(c, "adjustment_reason", "Alasan penyesuaian bobot",
	    1000, false, &reason)))
		return rc;
	for (int i = 0; i < ST__N; i++) {
		struct str v = str_trim(form_get(c->f, wkey[i]));

		if (v.len == 0)
			return at(c, app_say(c->m, SEL_EINVAL, "Bobot %s wajib "
			    "diisi (0 bila tahapan tidak dinilai).",
			    label_stage[i]), wkey[i]);
		if (parse_fixed(v, 2, &wt.w[i]) != SEL_OK || wt.w[i] < 0 ||
		    wt.w[i] > 10000)
			return at(c, app_say(c->m, SEL_EINVAL, "Bobot %s harus "
			    "angka 0 sampai 100.", label_stage[i]), wkey[i]);
	}
	wt.reason = reason;
	weights_eval(c->ar, c->v->profile, &wt, &wo);
	if (!wo.valid) {
		for (size_t i = 0; i < wo.nrules; i++)
			if (wo.rules[i].status != RS_PASS)
				return app_say(c->m, SEL_EINVAL, "Bobot ditolak "
				    "(%s, %.*s): %.*s",
				    rule_name(wo.rules[i].id),
				    (int)wo.rules[i].citation.len,
				    wo.rules[i].citation.p,
				    (int)wo.rules[i].detail.len,
				    wo.rules[i].detail.p);
		return app_say(c->m, SEL_EINVAL, "Bobot ditolak.");
	}
	ws = prep_weights_str(c->ar, &wt);
	if (form_get(c->f, "max_apps").len > 0 &&
	    parse_i64(str_trim(form_get(c->f, "max_apps")), 1, 20,
	    &max_apps) != SEL_OK)
		return at(c, app_say(c->m, SEL_EINVAL, "Batas lamaran per "
		    "pelamar harus angka 1 sampai 20."), "max_apps");
	if ((rc = store_selection_set_num(c->tx, c->v->s.id,
	    SN_MAX_APPS, max_apps)))
		return rc;
	if ((rc = set(c, SF_PLAN_DUTIES, duties)) ||
	    (rc = set(c, SF_PLAN_STANDARD, standard)) ||
	    (rc = set(c, SF_PLAN_METHODS, methods)) ||
	    (rc = set(c, SF_PLAN_SYSTEM, system)) ||
	    (rc = set(c, SF_WEIGHTS, ws)))
		return rc;
	return audit(c, OP_PLAN, app_kv(c->ar, "weights",
	    &c->v->s.f[SF_WEIGHTS], NULL), app_kv(c->ar, "duties", &duties,
	    "standard", &standard, "methods", &methods, "system", &system,
	    "weights", &ws, NULL), R_VAC_PLAN);
}

static enum sel_err
op_stage_put(struct op_ctx *c)
{
	struct s_stage s;
	struct s_stage_plan sp;		/* stage part: app/stage.h */
	sel_date from = 0, to = 0;
	int k = 0;
	enum sel_err rc;

	if ((rc = f_word(c, "stage", "Tahapan", prep_stage_ids, &k)) ||
	    (rc = f_date(c, "starts_on", "Tanggal mulai", &from)) ||
	    (rc = f_date(c, "ends_on", "Tanggal selesai", &to)) ||
	    (rc = f_text(c, "method", "Metode", 500, false, &s.method)))
		return rc;
	if (to < from)
		return app_say(c->m, SEL_EINVAL, "Tanggal selesai tidak boleh "
		    "sebelum tanggal mulai.");
	if ((rc = prep_stage_sense(c->a, c->ar, c->v, k, from, to, c->m)) ||
	    (rc = stage_plan_fields(c->ar, c->v, str_c(prep_stage_ids[k]),
	    c->f, &sp, c->m)))
		return rc;
	s.stage = str_c(prep_stage_ids[k]);
	s.starts_on = app_date_iso(c->ar, from);
	s.ends_on = app_date_iso(c->ar, to);
	if ((rc = store_stage_put(c->tx, c->v->s.id, &s)) != SEL_OK ||
	    (rc = store_stage_plan_set(c->tx, c->v->s.id, &sp)) != SEL_OK)
		return rc;
	sp.starts_on = s.starts_on;
	sp.ends_on = s.ends_on;
	sp.method = s.method;
	return audit(c, OP_STAGE_PUT, STR(""), stage_plan_kv(c->ar, &sp),
	    R_VAC_PLAN);
}

static enum sel_err
op_stage_del(struct op_ctx *c)
{
	int k = 0;
	enum sel_err rc;
	struct str st;

	if ((rc = f_word(c, "stage", "Tahapan", prep_stage_ids, &k)))
		return rc;
	st = str_c(prep_stage_ids[k]);
	if ((rc = store_stage_del(c->tx, c->v->s.id, st)) != SEL_OK)
		return rc;
	return audit(c, OP_STAGE_DEL, app_kv(c->ar, "stage", &st, NULL),
	    STR(""), R_VAC_PLAN);
}

/* A dated letter: plan sent, recommendation, consultation. */
static enum sel_err
op_letter(struct op_ctx *c, enum prep_op op, enum sfield fdate,
    enum sfield fref, enum rule_id rule)
{
	struct str ref, text = STR(""), ds;
	sel_date d = 0;
	enum sel_err rc;

	if ((rc = f_date(c, "date", "Tanggal", &d)) ||
	    (rc = f_text(c, "ref", "Nomor surat", 200, true, &ref)))
		return rc;
	if (d > app_today(c->a, c->v->profile))
		return app_say(c->m, SEL_EINVAL, "Tanggal tidak boleh sesudah "
		    "hari ini.");
	if (op == OP_RECOMMENDATION &&
	    (rc = f_text(c, "text", "Isi rekomendasi", 4000, true, &text)))
		return rc;
	if (op == OP_RECOMMENDATION && c->v->s.f[SF_PLAN_SENT_ON].len == 0)
		return app_say(c->m, SEL_ESTATE, "Catat dahulu pengiriman "
		    "rencana ke instansi pengawas.");
	/* Published with this recommendation: it stays as published. */
	if (op == OP_RECOMMENDATION && c->v->published &&
	    c->v->s.f[SF_REC_ON].len > 0)
		return app_say(c->m, SEL_ESTATE, "Pengumuman sudah terbit "
		    "dengan rekomendasi nomor %.*s; rekomendasi yang tercatat "
		    "tidak dapat diubah lagi.", (int)c->v->s.f[SF_REC_REF].len,
		    c->v->s.f[SF_REC_REF].p);
	if ((rc = prep_letter_sense(c->a, c->ar, c->v, op, d, c->m)))
		return rc;
	ds = app_date_iso(c->ar, d);
	if ((rc = set(c, fdate, ds)) || (rc = set(c, fref, ref)))
		return rc;
	if (op == OP_RECOMMENDATION && (rc = set(c, SF_REC_TEXT, text)))
		return rc;
	return audit(c, op, app_kv(c->ar, "date", &c->v->s.f[fdate], "ref",
	    &c->v->s.f[fref], NULL), app_kv(c->ar, "date", &ds, "ref", &ref,
	    "text", &text, NULL), rule);
}

static enum sel_err
member_parse(struct op_ctx *c, struct s_member *out, bool chair_free)
{
	struct s_member mb;
	struct buf b;
	int org = 0, ech = -1;
	enum sel_err rc;

	memset(&mb, 0, sizeof mb);
	if ((rc = f_text(c, "name", "Nama anggota", 200, true, &mb.name)) ||
	    (rc = f_word(c, "origin", "Unsur", vocab_origin, &org)) ||
	    (rc = f_text(c, "conflict", "Catatan konflik kepentingan", 1000,
	    false, &mb.conflict)))
		return rc;
	if (form_get(c->f, "echelon").len > 0 &&
	    (rc = f_word(c, "echelon", "Eselon", vocab_echelon, &ech)))
		return rc;
	mb.chair = form_has(c->f, "chair", STR("1"));
	mb.assessor = form_has(c->f, "assessor", STR("1"));
	if (mb.chair && !chair_free)
		for (size_t i = 0; i < c->v->nmembers; i++)
			if (c->v->members[i].chair)
				return app_say(c->m, SEL_EINVAL, "Panitia sudah "
				    "mempunyai ketua.");
	if (c->v->nmembers >= 15)
		return app_say(c->m, SEL_EINVAL, "Terlalu banyak anggota.");
	/* The committee is people: an account, or an invitation. */
	if ((rc = committee_member_who(c->tx, c->ar, c->v,
	    form_get(c->f, "login"), form_get(c->f, "email"), &mb, c->m)))
		return rc;
	buf_init(&b, 1024);
	for (int i = 0; i < DE__N; i++)
		if (form_has(c->f, "decl", str_c(vocab_decl[i]))) {
			if (b.len > 0)
				buf_putc(&b, ';');
			buf_puts(&b, vocab_decl[i]);
		}
	mb.decl = arena_printf(c->ar, "%.*s", (int)b.len, b.p ? b.p : "");
	buf_release(&b);
	mb.selection_id = c->v->s.id;
	mb.origin = str_c(vocab_origin[org]);
	mb.echelon = ech >= 0 ? str_c(vocab_echelon[ech]) : STR("");
	*out = mb;
	return SEL_OK;
}

static enum sel_err
op_member_add(struct op_ctx *c)
{
	struct s_member mb;
	int64_t id;
	enum sel_err rc;

	if ((rc = member_parse(c, &mb, false)) != SEL_OK ||
	    (rc = store_member_add(c->tx, &mb, &id)) != SEL_OK)
		return rc;
	return audit(c, OP_MEMBER_ADD, STR(""), app_kv(c->ar, "name",
	    &mb.name, "origin", &mb.origin, "echelon", &mb.echelon,
	    "declarations", &mb.decl, "conflict", &mb.conflict, "login",
	    &mb.login, "email", &mb.email, NULL), R_COM_MEMBER);
}

/*
 * The PPK replaces a member of the confirmed committee by a new decree:
 * the member leaves (the row stays, so their acts stay theirs), loses the
 * place's grant, and the new member takes the place (the chair's, if it
 * was the chair) with a grant or an invitation; the committee must still
 * pass every COM-* rule.
 */
static enum sel_err
op_member_replace(struct op_ctx *c)
{
	const struct s_member *old = NULL;
	struct s_member mb;
	struct sel_view nv;
	struct str ref, at = app_iso(c->ar, app_now(c->a));
	int64_t id = 0, n = 0;
	enum sel_err rc;

	if (c->v->s.f[SF_COMMITTEE_OK_ON].len == 0)
		return app_say(c->m, SEL_ESTATE, "Panitia belum ditetapkan: "
		    "sebelum penetapan, hapus dan tambah anggota.");
	if ((rc = f_id(c, &id)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < c->v->nmembers; i++)
		if (c->v->members[i].id == id)
			old = &c->v->members[i];
	if (old == NULL)
		return app_say(c->m, SEL_EINVAL, "Anggota yang diganti tidak "
		    "ditemukan.");
	if ((rc = f_text(c, "ref", "Nomor keputusan penggantian", 200, true,
	    &ref)) || (rc = member_parse(c, &mb, true)))
		return rc;
	mb.chair = old->chair;
	if ((rc = store_member_leave(c->tx, old->id, at)) != SEL_OK ||
	    (rc = store_grant_del_member(c->tx, old->id, &n)) != SEL_OK ||
	    (rc = store_member_add(c->tx, &mb, &mb.id)) != SEL_OK ||
	    (rc = prep_view_load(c->a, c->tx, c->ar, c->v->s.id, &nv)))
		return rc;
	if (!nv.com.valid)
		return app_say(c->m, SEL_ESTATE, "Susunan panitia dengan "
		    "pengganti ini tidak memenuhi ketentuan (COM-*).");
	if ((rc = committee_seat(c->a, c->tx, c->ar, c->w, &nv, &mb)))
		return rc;
	return audit(c, OP_MEMBER_REPLACE, app_kv(c->ar, "name", &old->name,
	    "login", &old->login, NULL), app_kv(c->ar, "name", &mb.name,
	    "login", &mb.login, "email", &mb.email, "ref", &ref, NULL),
	    R_COM_MEMBER);
}

static enum sel_err
op_member_del(struct op_ctx *c)
{
	int64_t id = 0;
	enum sel_err rc;

	if ((rc = f_id(c, &id)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < c->v->nmembers; i++)
		if (c->v->members[i].id == id) {
			if ((rc = store_member_del(c->tx, c->v->s.id, id)))
				return rc;
			return audit(c, OP_MEMBER_DEL, app_kv(c->ar, "name",
			    &c->v->members[i].name, NULL), STR(""),
			    R_COM_MEMBER);
		}
	return app_say(c->m, SEL_EINVAL, "Anggota tidak ditemukan.");
}

static enum sel_err
op_committee_confirm(struct op_ctx *c)
{
	struct str ref, ds;
	sel_date d = 0;
	enum sel_err rc;

	if ((rc = f_date(c, "date", "Tanggal keputusan", &d)) ||
	    (rc = f_text(c, "ref", "Nomor keputusan", 200, true, &ref)))
		return rc;
	if (d > app_today(c->a, c->v->profile))
		return app_say(c->m, SEL_EINVAL, "Tanggal tidak boleh sesudah "
		    "hari ini.");
	if (!c->v->com.valid)
		return app_say(c->m, SEL_ESTATE, "Susunan panitia belum "
		    "memenuhi ketentuan: lihat hasil pemeriksaan COM-*.");
	if (prep_needs_consult(c->v) && c->v->s.f[SF_CONSULT_ON].len == 0)
		return app_say(c->m, SEL_ESTATE, "Lowongan Inspektur: catat "
		    "dahulu konsultasi kepada Menteri Dalam Negeri melalui "
		    "Gubernur, sebelum panitia dibentuk (VAC-INSPEKTUR).");
	ds = app_date_iso(c->ar, d);
	if ((rc = set(c, SF_COMMITTEE_OK_ON, ds)) ||
	    (rc = set(c, SF_COMMITTEE_REF, ref)))
		return rc;
	/* The grants follow from the committee confirmed: each member's
	   account, or an invitation by e-mail. */
	if ((rc = committee_seat_all(c->a, c->tx, c->ar, c->w, c->v)))
		return rc;
	return audit(c, OP_COMMITTEE_CONFIRM, STR(""), app_kv(c->ar, "date",
	    &ds, "ref", &ref, NULL), R_COM_SIZE);
}

static enum sel_err
op_announcement(struct op_ctx *c)
{
	struct str number, text, items, os, cs;
	sel_date open = 0, close = 0;
	struct window_out wo;
	struct buf b;
	enum sel_err rc;

	if ((rc = f_text(c, "number", "Nomor pengumuman", 200, true,
	    &number)) ||
	    (rc = f_text(c, "text", "Ketentuan lain", 8000, false, &text)) ||
	    (rc = f_date(c, "open", "Tanggal pengumuman", &open)) ||
	    (rc = f_date(c, "close", "Batas akhir pendaftaran", &close)))
		return rc;
	if (close < open)
		return app_say(c->m, SEL_EINVAL, "Batas akhir pendaftaran tidak "
		    "boleh sebelum tanggal pengumuman.");
	if ((rc = prep_window_saved(c->a, c->ar, c->v, close, c->m)))
		return rc;
	rc = window_eval(c->ar, c->v->profile, c->a->cal, open, close, &wo);
	if (rc == SEL_ENOENT && wo.missing_year != 0)
		return app_say(c->m, SEL_EINVAL, "Data hari libur tahun %d "
		    "belum tersedia; hari kerja tidak dapat dihitung.",
		    wo.missing_year);
	if (rc != SEL_OK)
		return app_say(c->m, SEL_EINVAL, "Jangka waktu tidak dapat "
		    "diperiksa.");
	if (!wo.valid)
		return app_say(c->m, SEL_EINVAL, "Jangka waktu ditolak "
		    "(ANN-DURATION, %.*s): %.*s", (int)wo.rule.citation.len,
		    wo.rule.citation.p, (int)wo.rule.detail.len,
		    wo.rule.detail.p);
	buf_init(&b, 4096);
	for (size_t i = 0; i < c->v->profile->ncontent; i++) {
		struct str id = c->v->profile->content[i].id;

		if (form_has(c->f, "item", id)) {
			if (b.len > 0)
				buf_putc(&b, ';');
			buf_putstr(&b, id);
		}
	}
	items = arena_printf(c->ar, "%.*s", (int)b.len, b.p ? b.p : "");
	buf_release(&b);
	os = app_date_iso(c->ar, open);
	cs = app_date_iso(c->ar, close);
	if ((rc = set(c, SF_ANN_NUMBER, number)) ||
	    (rc = set(c, SF_ANN_TEXT, text)) ||
	    (rc = set(c, SF_ANN_ITEMS, items)) ||
	    (rc = set(c, SF_ANN_OPEN, os)) || (rc = set(c, SF_ANN_CLOSE, cs)))
		return rc;
	return audit(c, OP_ANNOUNCEMENT, app_kv(c->ar, "open",
	    &c->v->s.f[SF_ANN_OPEN], "close", &c->v->s.f[SF_ANN_CLOSE],
	    "items", &c->v->s.f[SF_ANN_ITEMS], NULL), app_kv(c->ar, "number",
	    &number, "open", &os, "close", &cs, "items", &items, "text",
	    &text, NULL), R_ANN_DURATION);
}

static enum sel_err
op_publish(struct op_ctx *c)
{
	struct str pdf = STR("");	/* pdf */
	struct str at, signer;
	enum sel_err rc;

	if (!c->v->prep.ready) {
		for (size_t i = 0; i < c->v->prep.n; i++)
			if (c->v->prep.s[i].state == PS_PENDING)
				return app_say(c->m, SEL_ESTATE, "Pengumuman "
				    "belum dapat diterbitkan: %s belum "
				    "selesai.", c->v->prep.s[i].label);
		return app_say(c->m, SEL_ESTATE, "Pengumuman belum siap.");
	}
	if ((rc = prep_window_sense(c->a, c->ar, c->v, c->m)))
		return rc;
	if ((rc = committee_signer(c->v, c->w, &signer, c->m)))
		return rc;
	if (!form_has(c->f, "confirm", STR("1")))
		return app_say(c->m, SEL_EINVAL, "Centang pernyataan bahwa "
		    "Anda menandatangani pengumuman ini sebagai ketua panitia.");
	at = app_iso(c->ar, app_now(c->a));
	if ((rc = set(c, SF_STATE, STR("published"))) ||
	    (rc = set(c, SF_PUBLISHED_AT, at)) ||
	    (rc = set(c, SF_SIGNED_BY, signer)))
		return rc;
	/* The document as the public will read it, fixed now. */
	c->v->s.f[SF_PUBLISHED_AT] = at;
	c->v->s.f[SF_SIGNED_BY] = signer;
	/* pdf: with its PDF's SHA-256 for the event */
	if ((rc = app_publish_doc_pdf(c->a, c->tx, c->ar, &(struct pub_src){
	    PUB_ANNOUNCEMENT, c->v, NULL, STR("") }, c->v->s.f[SF_TITLE],
	    signer, at, &pdf, c->m)) != SEL_OK)
		return rc;
	return audit(c, OP_PUBLISH, app_kv(c->ar, "state", &c->v->s.f[SF_STATE],
	    NULL), app_kv(c->ar, "state", &STR("published"), "published_at",
	    &at, "signed_by", &signer, pdf.len > 0 ? "pdf_sha256" : NULL, &pdf,
	    NULL), R_ANN_SIGNED);
}

static enum sel_err
run(struct op_ctx *c, enum prep_op op)
{
	switch (op) {
	case OP_VACANCY_ADD:	return op_vacancy_add(c);
	case OP_VACANCY_DEL:	return op_vacancy_del(c);
	case OP_PLAN:		return op_plan(c);
	case OP_STAGE_PUT:	return op_stage_put(c);
	case OP_STAGE_DEL:	return op_stage_del(c);
	case OP_PLAN_SENT:
		return op_letter(c, op, SF_PLAN_SENT_ON, SF_PLAN_SENT_REF,
		    R_VAC_PLAN);
	case OP_RECOMMENDATION:
		return op_letter(c, op, SF_REC_ON, SF_REC_REF, R_VAC_PLAN);
	case OP_CONSULT:
		return op_letter(c, op, SF_CONSULT_ON, SF_CONSULT_REF,
		    R_VAC_INSPEKTUR);
	case OP_MEMBER_ADD:	return op_member_add(c);
	case OP_MEMBER_DEL:	return op_member_del(c);
	case OP_MEMBER_REPLACE:	return op_member_replace(c);
	case OP_COMMITTEE_CONFIRM: return op_committee_confirm(c);
	case OP_ANNOUNCEMENT:	return op_announcement(c);
	case OP_PUBLISH:	return op_publish(c);
	case OP__N:		break;
	}
	return SEL_EINTERNAL;
}

enum sel_err
app_prep(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    enum prep_op op, const struct form *f, struct app_msg *m)
{
	struct sel_view v;
	struct op_ctx c = { a, ar, w, NULL, &v, f, m };
	enum sel_err rc;

	if ((unsigned)op >= OP__N)
		return SEL_EINTERNAL;
	if ((rc = store_begin(a->st, true, &c.tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, c.tx, ar, sel, &v);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, ops[op].act, v.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	else if (rc == SEL_OK && v.published && !ops[op].after_publish)
		rc = app_say(m, SEL_ESTATE, "Pengumuman sudah diterbitkan; "
		    "data persiapan tidak dapat diubah lagi.");
	else if (rc == SEL_OK && !ops[op].after_confirm &&
	    v.s.f[SF_COMMITTEE_OK_ON].len > 0)
		rc = app_say(m, SEL_ESTATE, "Panitia seleksi sudah ditetapkan "
		    "oleh PPK; susunannya tidak dapat diubah lagi.");
	if (rc == SEL_OK)
		rc = run(&c, op);
	if (rc != SEL_OK) {
		store_abort(a->st, c.tx);
		return rc;
	}
	return app_commit(a, c.tx);
}

enum sel_err
app_sel_create(struct app *a, struct arena *ar, const struct who *w,
    struct str region, struct str title, int64_t *id, struct app_msg *m)
{
	struct s_region reg;
	struct stx *tx;
	bool role = false;
	enum sel_err rc;

	/* The role first: a forged form is refused, whatever it holds. */
	for (size_t i = 0; w != NULL && i < w->ngrants; i++)
		if (perm_role_may(w->grants[i].role, ACT_SEL_CREATE))
			role = true;
	if (!role || w->account_id == 0)
		return app_say(m, SEL_EPERM, "Hanya sekretariat yang dapat "
		    "membuka seleksi.");
	title = str_trim(title);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_region_by_code(tx, ar, region, &reg);
	if (rc == SEL_ENOENT)
		rc = app_say(m, SEL_EINVAL, "Wilayah tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, ACT_SEL_CREATE, reg.id, 0))
		rc = app_say(m, SEL_EPERM, "Hanya sekretariat wilayah ini yang "
		    "dapat membuka seleksi.");
	else if (rc == SEL_OK && (title.len == 0 || title.len > 200))
		rc = app_say(m, SEL_EINVAL, "Judul seleksi wajib diisi "
		    "(paling banyak 200 karakter).");
	if (rc == SEL_OK)
		rc = store_selection_add(tx, reg.id, title,
		    app_iso(ar, app_now(a)), id);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, *id, "selection_add", STR(""),
		    app_kv(ar, "region", &reg.code, "title", &title, NULL),
		    STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
