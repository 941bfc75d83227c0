/*
 * h_score.c - a stage's scoring pages (app/score.h): the rater's sheet
 * (one block per candidate, a decimal input each, usable at 375 px
 * without JavaScript), submission, correction with its reason, the
 * conflict of interest; for the secretariat and the chair the opening of
 * the stage and the seal (X of Y submitted), for the chair the tie
 * decision and the closing; the full table (each rater and the mean) to
 * those who may read it.  /kelola/N/tahap/SLUG/nilai.
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/reuse.h"
#include "app/score.h"
#include "base/arena.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

/* What a refused form brings back to the page. */
struct sctx {
	struct req	*r;
	struct resp	*rs;
	struct page	*p;
	struct score_view *v;
	struct str	 base;		/* /kelola/N/tahap/SLUG/nilai */
	const char	*msg;		/* the refusal */
	bool		 ok;
	struct str	 act;		/* the refused form's aksi */
	int64_t		 app;		/* ... and its candidate */
	const char	*field;		/* ... and its field */
};

/*
 * How the page names a candidate in its forms: his blind code while the
 * stage is blind (an application number could be matched to the list of
 * registrants), else his application's number.
 */
static struct str
key_of(struct arena *ar, const struct score_view *v, int64_t app)
{
	for (size_t i = 0; v->blind && i < v->nrows; i++)
		if (v->rows[i].application_id == app)
			return v->rows[i].code;
	return arena_printf(ar, "%lld", (long long)app);
}

/* The candidate a posted key names; 0 when none. */
static int64_t
key_app(const struct score_view *v, struct str key)
{
	int64_t id = 0;

	for (size_t i = 0; i < v->nrows; i++)
		if (v->blind ? str_eq(v->rows[i].code, key) : parse_i64(key, 1,
		    INT64_MAX, &id) == SEL_OK && id == v->rows[i].application_id)
			return v->rows[i].application_id;
	return 0;
}

static bool
failed(const struct sctx *c, const char *act, int64_t app)
{
	return c->msg != NULL && !c->ok && str_eqc(c->act, act) &&
	    c->app == app;
}

/* The posted value of a refused form, else dflt. */
static struct str
kept(const struct sctx *c, const char *act, int64_t app, const char *name,
    struct str dflt)
{
	return failed(c, act, app) ? form_get(&c->r->form, name) : dflt;
}

/* The refusal names this field. */
static bool
is_err(const struct sctx *c, const char *act, int64_t app, const char *name)
{
	return failed(c, act, app) && c->field != NULL &&
	    strcmp(c->field, name) == 0;
}

/* A refused field is marked invalid and described by its error. */
static void
invalid(const struct sctx *c, const char *act, int64_t app, const char *name,
    struct str id)
{
	if (!is_err(c, act, app, name))
		return;
	H(c->p, " aria-invalid=\"true\"");
	HA(c->p, "aria-describedby", arena_printf(c->r->ar, "%.*s-err",
	    (int)id.len, id.p));
}

/* The error beside its field (id: the field's, "" for a group). */
static void
field_err(const struct sctx *c, const char *act, int64_t app,
    const char *name, struct str id)
{
	if (!is_err(c, act, app, name))
		return;
	H(c->p, "<p class=\"field-err\" role=\"alert\"");
	if (id.len > 0)
		HA(c->p, "id", arena_printf(c->r->ar, "%.*s-err", (int)id.len,
		    id.p));
	H(c->p, ">");
	h_textc(c->p, c->msg);
	H(c->p, "</p>");
}

/* A form's opening with its token and action word. */
static void
form_open(struct sctx *c, const char *act, int64_t app)
{
	H(c->p, "<form method=\"post\"");
	HA(c->p, "action", c->base);
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	H(c->p, "<input type=\"hidden\" name=\"aksi\"");
	HA(c->p, "value", str_c(act));
	H(c->p, ">");
	if (app != 0 && strcmp(act, "seri") == 0) {
		H(c->p, "<input type=\"hidden\" name=\"lowongan\"");
		HAI(c->p, "value", app);
		H(c->p, ">");
	} else if (app != 0) {
		H(c->p, "<input type=\"hidden\" name=\"calon\"");
		HA(c->p, "value", key_of(c->r->ar, c->v, app));
		H(c->p, ">");
	}
}

static void
value_text(struct page *p, int64_t v)
{
	char buf[16];

	h_textc(p, merit_fmt(v, buf, sizeof buf));
}

/* The candidate as this visitor may see him: a code while blind. */
static void
who_text(struct page *p, const struct score_row *x)
{
	if (x->code.len > 0 && x->reg_no.len == 0) {
		H(p, "Kode ");
		h_text(p, x->code);
		return;
	}
	h_text(p, x->reg_no);
	H(p, " ");
	h_text(p, x->name);
	if (x->code.len > 0) {
		H(p, " (kode ");
		h_text(p, x->code);
		H(p, ")");
	}
}

static void
input(struct sctx *c, int64_t app, const char *name, const char *label,
    struct str dflt)
{
	struct str k = key_of(c->r->ar, c->v, app);
	struct str id = arena_printf(c->r->ar, "%s-%.*s", name, (int)k.len,
	    k.p);

	H(c->p, "<label");
	HA(c->p, "for", id);
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label><input type=\"text\" inputmode=\"decimal\" "
	    "autocomplete=\"off\" maxlength=\"6\" pattern=\"[0-9]{1,3}([.,][0-9]"
	    "{1,2})?\"");
	HA(c->p, "id", id);
	HA(c->p, "name", str_c(name));
	HA(c->p, "value", kept(c, "nilai", app, name, dflt));
	invalid(c, "nilai", app, name, id);
	H(c->p, ">");
	field_err(c, "nilai", app, name, id);
}

static struct str
shown(struct arena *ar, int64_t v)
{
	char buf[16];

	if (v < 0)
		return STR("");
	merit_fmt(v, buf, sizeof buf);
	return str_c(arena_strndup(ar, buf, strlen(buf)));
}

/* The health unit's result: two choices, no number. */
static void
health_input(struct sctx *c, const struct score_row *x)
{
	struct str cur = kept(c, "nilai", x->application_id, "value",
	    x->mine != NULL ? (x->mine->value > 0 ? STR("100") : STR("0")) :
	    STR(""));

	H(c->p, "<fieldset><legend>Hasil pemeriksaan unit kesehatan</legend>"
	    "<label class=\"check\"><input type=\"radio\" name=\"value\" "
	    "value=\"100\"");
	if (str_eqc(cur, "100"))
		H(c->p, " checked");
	H(c->p, "> Memenuhi syarat</label><label class=\"check\"><input "
	    "type=\"radio\" name=\"value\" value=\"0\"");
	if (str_eqc(cur, "0"))
		H(c->p, " checked");
	H(c->p, "> Tidak memenuhi syarat</label></fieldset>");
	field_err(c, "nilai", x->application_id, "value", STR(""));
}

/* STG-REUSE: the result on record the candidate takes here. */
static void
reused_text(struct page *p, const struct s_reuse *u)
{
	H(p, "<p>Memakai hasil asesmen yang tercatat (STG-REUSE): nilai ");
	if (u->score_count > 0) {
		struct stage_score s = { .sum = u->score_sum,
		    .count = u->score_count, .present = true };

		value_text(p, stage_display(&s));
	}
	H(p, ", penyelenggara ");
	h_text(p, u->provider.len > 0 ? u->provider : STR("(tidak dicatat)"));
	H(p, ", ");
	h_date_str(p, u->held_on);
	H(p, ". Penilai tidak menilai calon ini pada tahap ini.</p>");
}

/* One candidate of the rater's sheet. */
static void
sheet_row(struct sctx *c, const struct score_row *x)
{
	struct score_view *v = c->v;
	struct page *p = c->p;
	struct arena *ar = c->r->ar;
	int64_t id = x->application_id;

	H(p, "<section><h3>");
	who_text(p, x);
	H(p, "</h3>");
	if (x->absent) {
		H(p, "<p>Tidak hadir pada tahap ini.</p></section>");
		return;
	}
	if (x->reused != NULL) {
		reused_text(p, x->reused);
		H(p, "</section>");
		return;
	}
	if (x->recused) {
		H(p, "<p><strong>Benturan kepentingan</strong>: Anda tidak "
		    "menilai calon ini.");
		if (x->mine != NULL) {
			H(p, " Nilai yang sudah Anda berikan (");
			value_text(p, x->mine->value);
			H(p, ") tetap tercatat tetapi tidak dihitung.");
		}
		H(p, "</p></section>");
		return;
	}
	H(p, "<p>Nilai Anda: <strong>");
	if (x->mine != NULL)
		value_text(p, x->mine->value);
	else
		H(p, "belum diisi");
	H(p, "</strong>");
	if (x->mine != NULL && x->mine->corrected_at.len > 0) {
		H(p, " (dikoreksi: ");
		h_text(p, x->mine->correct_reason);
		H(p, ")");
	}
	H(p, "</p>");
	if (!v->open || v->closed) {
		H(p, "</section>");
		return;
	}
	form_open(c, "nilai", id);
	if (v->stage == FL_HEALTH)
		health_input(c, x);
	else
		input(c, id, "value", "Nilai (0-100, contoh 78,5)",
		    x->mine != NULL ? shown(ar, x->mine->value) : STR(""));
	if (v->stage == FL_ASSESS) {
		input(c, id, "managerial", "Kompetensi manajerial",
		    x->mine != NULL ? shown(ar, x->mine->part[0]) : STR(""));
		input(c, id, "social", "Kompetensi sosial kultural",
		    x->mine != NULL ? shown(ar, x->mine->part[1]) : STR(""));
		input(c, id, "field", "Kompetensi bidang",
		    x->mine != NULL ? shown(ar, x->mine->part[2]) : STR(""));
	}
	if (v->submitted) {
		struct str k = key_of(ar, v, id);
		struct str rid = arena_printf(ar, "reason-%.*s", (int)k.len,
		    k.p);

		H(p, "<label");
		HA(p, "for", rid);
		H(p, ">Alasan koreksi (wajib: lembar nilai sudah dikirim)"
		    "</label><input type=\"text\" name=\"reason\" "
		    "maxlength=\"2000\"");
		HA(p, "id", rid);
		HA(p, "value", kept(c, "nilai", id, "reason", STR("")));
		invalid(c, "nilai", id, "reason", rid);
		H(p, ">");
		field_err(c, "nilai", id, "reason", rid);
	}
	if (v->submitted)
		H(p, "<button type=\"submit\">Simpan koreksi</button></form>");
	else
		H(p, "<button type=\"submit\">Simpan nilai</button></form>");
	/* a conflict of interest, folded away (no script needed) */
	H(p, "<details");
	if (failed(c, "benturan", id))
		H(p, " open");
	H(p, "><summary>Nyatakan benturan kepentingan</summary>");
	form_open(c, "benturan", id);
	{
		struct str k = key_of(ar, v, id);
		struct str rid = arena_printf(ar, "conflict-%.*s",
		    (int)k.len, k.p);

		H(p, "<label");
		HA(p, "for", rid);
		H(p, ">Alasan</label><textarea name=\"reason\" rows=\"2\" "
		    "maxlength=\"2000\"");
		HA(p, "id", rid);
		invalid(c, "benturan", id, "reason", rid);
		H(p, ">");
		h_text(p, kept(c, "benturan", id, "reason", STR("")));
		H(p, "</textarea>");
		field_err(c, "benturan", id, "reason", rid);
	}
	H(p, "<button type=\"submit\">Nyatakan dan mundur dari penilaian "
	    "calon ini</button></form></details></section>");
}

/* Every rater's scores and the mean, with each outcome. */
static void
full_table(struct sctx *c)
{
	struct score_view *v = c->v;
	struct page *p = c->p;

	H(p, "<h2>Nilai semua penilai</h2>" SCROLL("Nilai semua penilai")
	    "<table><caption>Nilai per penilai dan rata-rata</caption><thead>"
	    "<tr><th scope=\"col\">Calon</th>");
	for (size_t k = 0; k < v->nraters; k++) {
		H(p, "<th scope=\"col\">");
		h_text(p, v->raters[k].name);
		H(p, "</th>");
	}
	H(p, "<th scope=\"col\">Rata-rata</th><th scope=\"col\">Hasil</th>"
	    "</tr></thead><tbody>");
	for (size_t i = 0; i < v->nrows; i++) {
		const struct score_row *x = &v->rows[i];

		H(p, "<tr><th scope=\"row\">");
		who_text(p, x);
		H(p, "</th>");
		for (size_t k = 0; k < v->nraters; k++) {
			const struct s_score *s = NULL;
			bool rec = false;

			for (size_t j = 0; j < v->nscores; j++)
				if (v->scores[j].application_id ==
				    x->application_id && v->scores[j].rater_id ==
				    v->raters[k].account_id)
					s = &v->scores[j];
			for (size_t j = 0; j < v->nrec; j++)
				rec |= v->rec[j].application_id ==
				    x->application_id && v->rec[j].rater_id ==
				    v->raters[k].account_id;
			H(p, "<td>");
			if (s != NULL)
				value_text(p, s->value);
			else
				H(p, "-");
			if (rec)
				H(p, " (benturan kepentingan, tidak dihitung)");
			H(p, "</td>");
		}
		H(p, "<td>");
		if (x->s.count > 0)
			value_text(p, stage_display(&x->s));
		else
			H(p, "-");
		if (x->reused != NULL)
			H(p, " (hasil asesmen yang tercatat, STG-REUSE)");
		H(p, "</td><td>");
		h_textc(p, merit_outcome_label(x->outcome));
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
}

/* SCORE-TIES: the chair puts the tied candidates in order. */
static void
tie_forms(struct sctx *c)
{
	struct score_view *v = c->v;
	struct page *p = c->p;

	for (size_t i = 0; i < v->po.nties; i++) {
		const struct merit_tie_at *t = &v->po.ties[i];

		if (t->decided)
			continue;
		H(p, "<h2>Nilai sama pada batas kelulusan</h2><p>");
		h_int(p, (int64_t)t->n);
		H(p, " calon bernilai ");
		value_text(p, t->value);
		H(p, " untuk ");
		h_int(p, (int64_t)t->places);
		H(p, " tempat. Peraturan tidak menetapkan cara memutus nilai "
		    "yang sama (SCORE-TIES): ketua mencatat keputusan panitia "
		    "dan alasannya.</p>");
		form_open(c, "seri", t->vacancy);
		H(p, "<fieldset><legend>Urutan yang diputuskan (1 = "
		    "teratas)</legend>");
		for (size_t k = 0; k < t->n; k++) {
			struct str kk = key_of(c->r->ar, v, t->ids[k]);
			struct str id = arena_printf(c->r->ar, "pos-%.*s",
			    (int)kk.len, kk.p);

			for (size_t j = 0; j < v->nrows; j++) {
				if (v->rows[j].application_id != t->ids[k])
					continue;
				H(p, "<label");
				HA(p, "for", id);
				H(p, ">");
				who_text(p, &v->rows[j]);
				H(p, "</label>");
			}
			H(p, "<input type=\"text\" inputmode=\"numeric\" "
			    "maxlength=\"3\"");
			HA(p, "id", id);
			HA(p, "name", id);
			HA(p, "value", kept(c, "seri", t->vacancy, id.p,
			    arena_printf(c->r->ar, "%zu", k + 1)));
			H(p, ">");
		}
		field_err(c, "seri", t->vacancy, "order", STR(""));
		struct str tid = arena_printf(c->r->ar, "tie-%lld",
		    (long long)t->vacancy);

		H(p, "</fieldset><label");
		HA(p, "for", tid);
		H(p, ">Alasan keputusan</label><textarea name=\"reason\" "
		    "rows=\"3\" maxlength=\"2000\"");
		HA(p, "id", tid);
		invalid(c, "seri", t->vacancy, "reason", tid);
		H(p, ">");
		h_text(p, kept(c, "seri", t->vacancy, "reason", STR("")));
		H(p, "</textarea>");
		field_err(c, "seri", t->vacancy, "reason", tid);
		H(p, "<button type=\"submit\">Catat keputusan</button></form>");
	}
}

static void
status(struct sctx *c)
{
	struct score_view *v = c->v;
	struct page *p = c->p;
	struct str zone = sel_zone(&v->sel);

	H(p, "<p>");
	h_text(p, v->by.detail);
	if (v->by.citation.len > 0) {
		H(p, " <cite>");
		h_textc(p, rule_name(v->by.id));
		H(p, ", ");
		h_text(p, v->by.citation);
		H(p, "</cite>");
	}
	H(p, "</p>");
	if (v->closed) {
		H(p, "<p class=\"msg ok\">Tahap ditutup ");
		h_when(p, v->cl.closed_at, zone);
		H(p, " oleh ");
		h_text(p, v->cl.closed_by);
		H(p, ". Keputusan panitia: ");
		h_text(p, v->cl.decision);
		H(p, "</p>");
	} else if (!v->open) {
		H(p, "<p>Penilaian tahap ini belum dibuka.</p>");
	} else {
		H(p, "<p>Dibuka ");
		h_when(p, v->op.opened_at, zone);
		H(p, ". <strong>");
		if (v->sealed)
			h_textf(p, "Disegel: %zu dari %zu penilai telah "
			    "mengirim.", v->done, v->nraters);
		else
			h_textf(p, "Semua %zu penilai telah mengirim; segel "
			    "terbuka.", v->nraters);
		H(p, "</strong></p>");
	}
	if (v->narasumber && !v->rater)
		H(p, "<p class=\"msg err\">Narasumber dapat hadir tetapi tidak "
		    "memberi nilai (STG-INTERVIEW).</p>");
	if (v->blind)
		H(p, "<p>Makalah dinilai tanpa nama: penilai hanya melihat kode "
		    "sampai tahap ditutup.</p>");
}

static void
score_page(struct sctx *c)
{
	struct score_view *v = c->v;
	struct page *p = c->p;

	page_begin(c->r, c->rs, arena_printf(c->r->ar, "Penilaian: %s",
	    flow_state_label(v->stage)).p);
	/* a refusal naming no field: at the top; else beside its field */
	if (c->msg != NULL && (c->ok || c->field == NULL ||
	    c->field[0] == '\0' || c->act.len == 0))
		h_msg(p, c->ok, c->msg);
	H(p, "<p>");
	h_text(p, v->sel.s.f[SF_TITLE]);
	H(p, "</p>");
	status(c);
	if (v->may_open && !v->open && v->current) {
		form_open(c, "buka", 0);
		H(p, "<button type=\"submit\">Buka penilaian tahap ini</button>"
		    "</form>");
	}
	if (v->rater) {
		H(p, "<h2>Lembar nilai Anda</h2>");
		for (size_t i = 0; i < v->nrows; i++)
			sheet_row(c, &v->rows[i]);
		if (v->open && !v->closed && !v->submitted) {
			form_open(c, "kirim", 0);
			H(p, "<button type=\"submit\">Kirim lembar nilai</button>"
			    "</form>");
		} else if (v->submitted) {
			H(p, "<p>Lembar nilai Anda sudah dikirim.</p>");
		}
	}
	if (v->read_all)
		full_table(c);
	if (v->may_chair && v->open && !v->closed && !v->sealed) {
		tie_forms(c);
		form_open(c, "tutup", 0);
		H(p, "<label for=\"decision\">Keputusan panitia</label><textarea "
		    "id=\"decision\" name=\"decision\" rows=\"3\" "
		    "maxlength=\"4000\" required");
		invalid(c, "tutup", 0, "decision", STR("decision"));
		H(p, ">");
		h_text(p, kept(c, "tutup", 0, "decision", STR("")));
		H(p, "</textarea>");
		field_err(c, "tutup", 0, "decision", STR("decision"));
		H(p, "<button type=\"submit\">Tutup tahap</button></form>");
	}
	page_end(c->r, c->rs);
}

static bool
load(struct req *r, struct resp *rs, struct score_view *v, bool all,
    struct sctx *c)
{
	struct app_msg m = { "" };
	enum flow_state st;
	enum sel_err rc;

	memset(c, 0, sizeof *c);
	c->r = r;
	c->rs = rs;
	c->p = &rs->pg;
	c->v = v;
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	if (!web_stage_parse(r->word, &st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahap tidak ditemukan.");
		return false;
	}
	c->base = arena_printf(r->ar, "/kelola/%lld/tahap/%s/nilai",
	    (long long)r->ids[0], web_stage_slug(st));
	rc = app_score_view(r->app, r->ar, &r->who, r->ids[0],
	    str_c(flow_stage_id(st)), all, v, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] != '\0' ? m.text :
		    "Tahap tidak dapat dibaca.");
		return false;
	}
	return true;
}

void
h_score_get(struct req *r, struct resp *rs)
{
	struct score_view v;
	struct sctx c;

	if (!load(r, rs, &v, false, &c))
		return;
	if (req_query(r, "ok").len > 0) {
		c.msg = "Tersimpan dan dicatat dalam jejak audit.";
		c.ok = true;
	}
	rs->cache = "no-store";
	score_page(&c);
}

/* The full table only: refused while sealed ("Disegel: ..."). */
void
h_score_all(struct req *r, struct resp *rs)
{
	struct score_view v;
	struct sctx c;

	if (!load(r, rs, &v, true, &c))
		return;
	rs->cache = "no-store";
	score_page(&c);
}

/* The tied candidates in the order of their posted positions. */
static size_t
tie_order(struct req *r, struct score_view *v, int64_t vac, int64_t **out)
{
	const struct merit_tie_at *t = NULL;
	int64_t *pos;
	size_t n;

	for (size_t i = 0; i < v->po.nties; i++)
		if (v->po.ties[i].vacancy == vac)
			t = &v->po.ties[i];
	if (t == NULL)
		return 0;
	n = t->n;
	*out = arena_array(r->ar, n + 1, sizeof **out);
	pos = arena_array(r->ar, n + 1, sizeof *pos);
	for (size_t k = 0; k < n; k++) {
		struct str kk = key_of(r->ar, v, t->ids[k]);
		struct str name = arena_printf(r->ar, "pos-%.*s",
		    (int)kk.len, kk.p);

		if (parse_i64(str_trim(form_get(&r->form, name.p)), 1,
		    (int64_t)n, &pos[k]) != SEL_OK)
			return 0;
	}
	for (size_t k = 0; k < n; k++) {
		size_t at = (size_t)pos[k] - 1;

		for (size_t j = 0; j < k; j++)
			if (pos[j] == pos[k])
				return 0;
		(*out)[at] = t->ids[k];
	}
	return n;
}

void
h_score_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct score_view v;
	struct sctx c;
	struct str act = form_get(&r->form, "aksi"), stage;
	int64_t app = 0;
	enum flow_state st;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk.");
		return;
	}
	if (!web_stage_parse(r->word, &st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahap tidak ditemukan.");
		return;
	}
	stage = str_c(flow_stage_id(st));
	/*
	 * The candidate by his key on the page: a blind code only on the
	 * paper (key_of), else his application's number, taken as it is
	 * (app_score_* refuse one that is not a candidate of the stage), so
	 * that a score does not load the whole sheet twice (bench/ranking).
	 */
	if (form_get(&r->form, "calon").len > 0 && st != FL_PAPER)
		(void)parse_i64(form_get(&r->form, "calon"), 1, INT64_MAX,
		    &app);
	else if (form_get(&r->form, "calon").len > 0 && app_score_view(r->app,
	    r->ar, &r->who, r->ids[0], stage, false, &v, &m) == SEL_OK)
		app = key_app(&v, form_get(&r->form, "calon"));
	if (str_eqc(act, "seri"))
		(void)parse_i64(form_get(&r->form, "lowongan"), 1, INT64_MAX,
		    &app);
	if (str_eqc(act, "buka")) {
		rc = app_stage_open(r->app, r->ar, &r->who, r->ids[0], stage,
		    &m);
	} else if (str_eqc(act, "nilai")) {
		struct str parts[3] = { form_get(&r->form, "managerial"),
		    form_get(&r->form, "social"), form_get(&r->form,
		    "field") };

		rc = app_score_enter(r->app, r->ar, &r->who, r->ids[0], stage,
		    app, form_get(&r->form, "value"), parts,
		    form_get(&r->form, "reason"), &m);
	} else if (str_eqc(act, "kirim")) {
		rc = app_score_submit(r->app, r->ar, &r->who, r->ids[0], stage,
		    &m);
	} else if (str_eqc(act, "benturan")) {
		rc = app_score_recuse(r->app, r->ar, &r->who, r->ids[0], stage,
		    app, form_get(&r->form, "reason"), &m);
	} else if (str_eqc(act, "seri")) {
		int64_t *order = NULL;
		size_t n = 0;

		rc = app_score_view(r->app, r->ar, &r->who, r->ids[0], stage,
		    false, &v, &m);
		if (rc == SEL_OK && (n = tie_order(r, &v, app, &order)) == 0) {
			rc = SEL_EINVAL;
			str_appendf(m.text, sizeof m.text, &(size_t){ 0 }, "%s",
			    "Urutan: isi 1 sampai jumlah calon, "
			    "masing-masing sekali.");
			app_msg_at(&m, "order");
		}
		if (rc == SEL_OK)
			rc = app_stage_tie(r->app, r->ar, &r->who, r->ids[0],
			    stage, app, order, n, form_get(&r->form,
			    "reason"), &m);
	} else if (str_eqc(act, "tutup")) {
		rc = app_stage_close(r->app, r->ar, &r->who, r->ids[0], stage,
		    form_get(&r->form, "decision"), &m);
	} else {
		page_error(r, rs, MHD_HTTP_BAD_REQUEST, "Tindakan tidak "
		    "dikenal.");
		return;
	}
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/tahap/%s/"
		    "nilai?ok=1", (long long)r->ids[0],
		    web_stage_slug(st)).p);
		return;
	}
	if (!load(r, rs, &v, false, &c))
		return;
	rs->status = web_status(rc);
	c.msg = m.text;
	c.act = act;
	c.app = app;
	c.field = app_msg_field(&m);
	/* a refusal no form of the page holds: at the top */
	if (!v.rater && !v.may_chair)
		c.field = NULL;
	score_page(&c);
}

void
h_score_links(struct req *r, struct page *p)
{
	static const enum role rater_roles[] = { ROLE_CHAIR, ROLE_MEMBER,
	    ROLE_ASSESSOR, ROLE_SECRETARIAT };
	struct s_selection *list;
	struct sel_view v;
	size_t n = 0;
	bool any = false;

	if (app_selections(r->app, r->ar, false, &list, &n) != SEL_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		bool mine = false;

		for (size_t k = 0; k < sizeof rater_roles / sizeof *rater_roles;
		    k++)
			mine |= app_has_role(&r->who, rater_roles[k],
			    list[i].region_id, list[i].id);
		if (!mine || app_sel_view(r->app, r->ar, list[i].id, &v) !=
		    SEL_OK || !flow_is_stage(v.state))
			continue;
		if (!any)
			H(p, "<h2>Penilaian</h2><ul>");
		any = true;
		H(p, "<li><a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/tahap/%s/nilai",
		    (long long)list[i].id, web_stage_slug(v.state)));
		H(p, ">Lembar nilai ");
		h_textc(p, flow_state_label(v.state));
		H(p, "</a>: ");
		h_text(p, list[i].f[SF_TITLE]);
		H(p, "</li>");
	}
	if (any)
		H(p, "</ul>");
}
