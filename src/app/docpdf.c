/*
 * docpdf.c - the documents as PDF letters (docpdf.h): the verify code,
 * the PDF's hash at publication, the reads behind the download links
 * (with their role checks: the confidential ranking only for those who
 * may read it, a receipt for its applicant) and the public verify page's
 * search of a code.
 */
#include <string.h>

#include <sodium.h>

#include "app/app_int.h"
#include "app/docpdf.h"
#include "app/docsig.h"
#include "app/log_int.h"
#include "app/export.h"
#include "app/prep.h"
#include "app/result.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

/* Letters only (the router's words), none read as another: no i l o. */
static const char code_abc[] = "abcdefghjkmnpqrstuvwxyz";

struct str
app_doc_code(struct arena *ar, const char *what, struct str hex)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	char *c = arena_alloc(ar, 12);
	uint64_t v = 0;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)what,
	    strlen(what));
	crypto_hash_sha256_update(&st, (const unsigned char *)":", 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)hex.p, hex.len);
	crypto_hash_sha256_final(&st, h);
	for (int i = 0; i < 8; i++)
		v = v << 8 | h[i];
	for (int i = 0, k = 0; i < 10; i++) {
		if (i == 5)
			c[k++] = '-';
		c[k++] = code_abc[v % (sizeof code_abc - 1)];
		v /= sizeof code_abc - 1;
	}
	return (struct str){ c, 11 };
}

struct str
app_sha256_hex(struct arena *ar, struct str b)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char *hex = arena_alloc(ar, 2 * sizeof h + 1);

	crypto_hash_sha256(h, (const unsigned char *)b.p, b.len);
	sodium_bin2hex(hex, 2 * sizeof h + 1, h, sizeof h);
	return (struct str){ hex, 2 * sizeof h };
}

static struct str
pub_what(struct arena *ar, enum pub_kind k)
{
	return arena_printf(ar, "pub:%s", pub_kind_name(k));
}

static void
doc_urls(struct app *a, struct arena *ar, struct app_doc *d, const char *what,
    struct str hex)
{
	d->code = app_doc_code(ar, what, hex);
	d->verify_url = arena_printf(ar, "%s/verifikasi/%.*s", a->base_url,
	    (int)d->code.len, d->code.p);
	d->zone = d->sel != NULL && d->sel->profile != NULL ?
	    d->sel->profile->timezone : STR("WIB");
}

static enum sel_err
render(struct app *a, struct arena *ar, const struct app_doc *d,
    struct str *pdf)
{
	if (a->pdf == NULL)
		return SEL_EINTERNAL;
	return a->pdf(ar, d, pdf);
}

static enum sel_err
pub_render(struct app *a, struct arena *ar, const struct sel_view *v,
    const struct s_publication *p, struct str *pdf)
{
	struct app_doc d;
	struct str body_sha = p->sha256.len > 0 ? p->sha256 :
	    app_sha256_hex(ar, p->body);

	memset(&d, 0, sizeof d);
	d.kind = DOC_PUB;
	d.sel = v;
	d.pub = p;
	doc_urls(a, ar, &d, pub_what(ar, p->kind).p, body_sha);
	return render(a, ar, &d, pdf);
}

enum sel_err
app_pub_pdf_sha(struct app *a, struct arena *ar, const struct sel_view *v,
    const struct s_publication *p, struct str *sha)
{
	struct str pdf;
	enum sel_err rc;

	*sha = STR("");
	if (a->pdf == NULL)
		return SEL_OK;
	if ((rc = pub_render(a, ar, v, p, &pdf)) != SEL_OK)
		return rc;
	*sha = app_sha256_hex(ar, pdf);
	return SEL_OK;
}

enum sel_err
app_pub_pdf(struct app *a, struct arena *ar, const struct sel_view *v,
    const struct s_publication *p, struct str *pdf)
{
	return pub_render(a, ar, v, p, pdf);
}

enum sel_err
app_ranking_pdf(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str *pdf)
{
	struct ranking_view *rv = arena_alloc(ar, sizeof *rv);
	struct app_doc d;
	enum sel_err rc;

	if ((rc = app_ranking_view(a, ar, w, sel, rv)) != SEL_OK)
		return rc;
	if (!rv->sent)
		return SEL_ENOENT;
	memset(&d, 0, sizeof d);
	d.kind = DOC_RANKING;
	d.sel = &rv->sel;
	d.ranking = &rv->s;
	d.secret_to = arena_printf(ar, "%.*s (%.*s)", (int)w->name.len,
	    w->name.p, (int)w->login.len, w->login.p);
	doc_urls(a, ar, &d, "ranking", rv->s.sha256);
	if ((rc = render(a, ar, &d, pdf)) == SEL_OK)	/* ---- verify ---- */
		(void)app_doc_issue(a, ar, w, sel, "ranking", d.secret_to, *pdf);
	return rc;
}

/* The content a receipt stands on: its number, vacancy and time. */
static struct str
receipt_hex(struct arena *ar, const struct s_application *x)
{
	return app_sha256_hex(ar, arena_printf(ar, "%lld\n%.*s\n%.*s\n%.*s",
	    (long long)x->selection_id, (int)x->reg_no.len, x->reg_no.p,
	    (int)x->vacancy_title.len, x->vacancy_title.p,
	    (int)x->submitted_at.len, x->submitted_at.p));
}

enum sel_err
app_receipt_pdf(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, struct str *pdf)
{
	struct s_application *x = arena_alloc(ar, sizeof *x);
	struct sel_view *v = arena_alloc(ar, sizeof *v);
	struct app_doc d;
	enum sel_err rc;

	if ((rc = app_application(a, ar, w, id, x)) != SEL_OK)
		return rc;
	if (x->reg_no.len == 0 || x->submitted_at.len == 0)
		return SEL_ENOENT;
	if ((rc = app_sel_view(a, ar, x->selection_id, v)) != SEL_OK)
		return rc;
	memset(&d, 0, sizeof d);
	d.kind = DOC_RECEIPT;
	d.sel = v;
	d.appl = x;
	doc_urls(a, ar, &d, "receipt", receipt_hex(ar, x));
	if ((rc = render(a, ar, &d, pdf)) == SEL_OK)	/* ---- verify ---- */
		(void)app_doc_issue(a, ar, w, x->selection_id, "receipt",
		    x->reg_no, *pdf);
	return rc;
}

/* The content minutes stand on: the stage's closing as recorded. */
static struct str
minutes_hex(struct arena *ar, int64_t sel, const struct s_stage_close *c)
{
	return app_sha256_hex(ar, arena_printf(ar, "%lld\n%.*s\n%.*s\n%.*s\n"
	    "%.*s", (long long)sel, (int)c->stage.len, c->stage.p,
	    (int)c->closed_at.len, c->closed_at.p, (int)c->closed_by.len,
	    c->closed_by.p, (int)c->decision.len, c->decision.p));
}

enum sel_err
app_minutes_pdf(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, enum flow_state stage, struct str *pdf)
{
	struct xp_stage *x = arena_alloc(ar, sizeof *x);
	struct app_msg m;
	enum sel_err rc;

	if ((rc = app_export_stage(a, ar, w, sel, stage, x, &m)) != SEL_OK)
		return rc;
	if ((rc = app_minutes_pdf_of(a, ar, sel, x, pdf)) == SEL_OK)
		/* ---- verify ---- issued to its reader, into the trail */
		(void)app_doc_issue(a, ar, w, sel, "minutes",
		    str_c(flow_stage_id(stage)), *pdf);
	return rc;
}

/* ---- letters ---- */
enum sel_err
app_minutes_pdf_of(struct app *a, struct arena *ar, int64_t sel,
    const struct xp_stage *x, struct str *pdf)
{
	struct s_stage_close c;
	struct app_doc d;

	memset(&c, 0, sizeof c);
	c.stage = str_c(flow_stage_id(x->stage));
	c.closed_at = x->closed_at;
	c.closed_by = x->closed_by;
	c.decision = x->decision;
	memset(&d, 0, sizeof d);
	d.kind = DOC_MINUTES;
	d.sel = &x->sel;
	d.minutes = x;
	doc_urls(a, ar, &d, "minutes", minutes_hex(ar, sel, &c));
	return render(a, ar, &d, pdf);
}

enum sel_err
app_report_pdf(struct app *a, struct arena *ar, struct app_doc *d,
    struct str *pdf)
{
	d->kind = DOC_REPORT;
	d->zone = d->sel != NULL && d->sel->profile != NULL ?
	    d->sel->profile->timezone : STR("WIB");
	return render(a, ar, d, pdf);
}
/* ---- end letters ---- */

/* "pdf_sha256":"HEX" in an event's after, "" when it holds none. */
static struct str
recorded_sha(struct str after)
{
	static const char key[] = "\"pdf_sha256\":\"";
	size_t k = sizeof key - 1;

	for (size_t i = 0; i + k + 64 <= after.len; i++)
		if (memcmp(after.p + i, key, k) == 0)
			return (struct str){ after.p + i + k, 64 };
	return STR("");
}

/* The event right after the head a publication found: its act's. */
static void
pub_event(struct stx *tx, struct arena *ar, struct doc_check *c)
{
	struct s_event *e;
	size_t n = 0;

	if (store_events(tx, ar, c->pub.selection_id, c->pub.head_id, 1, &e,
	    &n) != SEL_OK || n == 0 || e[0].id != c->pub.head_id + 1)
		return;
	c->event_id = e[0].id;
	c->action = e[0].action;
	c->recorded = recorded_sha(e[0].after);
}

/* The ranking's sending event: the one whose after holds its hash. */
static void
ranking_event(struct stx *tx, struct arena *ar, struct doc_check *c)
{
	struct s_event *e;
	size_t n = 0;

	if (store_events(tx, ar, c->sel.s.id, 0, SIZE_MAX, &e, &n) != SEL_OK)
		return;
	for (size_t i = 0; i < n; i++)
		if (str_eqc(e[i].action, "ranking_send") &&
		    str_casecontains(e[i].after, c->ranking.sha256)) {
			c->event_id = e[i].id;
			c->action = e[i].action;
		}
}

/* Searches one selection's documents for code; true when found. */
static bool
find_in(struct stx *tx, struct arena *ar, const struct s_selection *s,
    struct str code, struct doc_check *c)
{
	struct s_publication *p;
	struct s_application *x;
	struct s_ranking_sent r;
	size_t n = 0;

	if (store_publications(tx, ar, s->id, &p, &n) == SEL_OK)
		for (size_t i = 0; i < n; i++)
			if (str_eq(app_doc_code(ar, pub_what(ar,
			    p[i].kind).p, p[i].sha256), code)) {
				c->kind = DOC_PUB;
				c->pub = p[i];
				c->content_sha = p[i].sha256;
				pub_event(tx, ar, c);
				return true;
			}
	if (store_ranking_sent_get(tx, ar, s->id, &r) == SEL_OK &&
	    str_eq(app_doc_code(ar, "ranking", r.sha256), code)) {
		c->kind = DOC_RANKING;
		c->ranking = r;
		c->content_sha = r.sha256;
		return true;
	}
	{
		struct s_stage_close *cl;
		size_t nc = 0;

		if (store_stage_closes(tx, ar, s->id, &cl, &nc) != SEL_OK)
			nc = 0;
		for (size_t i = 0; i < nc; i++) {
			struct str h = minutes_hex(ar, s->id, &cl[i]);

			if (str_eq(app_doc_code(ar, "minutes", h), code)) {
				c->kind = DOC_MINUTES;
				c->close = cl[i];
				c->content_sha = h;
				c->sel.s.id = s->id;
				return true;
			}
		}
	}
	if (store_applications(tx, ar, s->id, 0, &x, &n) == SEL_OK)
		for (size_t i = 0; i < n; i++) {
			struct str h;

			if (x[i].reg_no.len == 0 || x[i].submitted_at.len == 0)
				continue;
			h = receipt_hex(ar, &x[i]);
			if (str_eq(app_doc_code(ar, "receipt", h), code)) {
				c->kind = DOC_RECEIPT;
				c->appl = x[i];
				c->content_sha = h;
				return true;
			}
		}
	return false;
}

enum sel_err
app_doc_check(struct app *a, struct arena *ar, struct str code,
    struct doc_check *c)
{
	struct s_selection *s;
	struct stx *tx;
	size_t n = 0;
	bool found = false;
	enum sel_err rc;

	memset(c, 0, sizeof *c);
	if (code.len != 11)
		return SEL_ENOENT;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_selections(tx, ar, 0, true, &s, &n);
	for (size_t i = 0; rc == SEL_OK && !found && i < n; i++)
		found = find_in(tx, ar, &s[i], code, c);
	if (found && c->kind == DOC_RANKING) {
		c->sel.s.id = c->ranking.selection_id;
		ranking_event(tx, ar, c);
	}
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	if (!found)
		return SEL_ENOENT;
	c->code = code;
	{
		int64_t sel = c->kind == DOC_PUB ? c->pub.selection_id :
		    c->kind == DOC_RANKING ? c->ranking.selection_id :
		    c->kind == DOC_MINUTES ? c->sel.s.id :
		    c->appl.selection_id;

		if ((rc = app_sel_view(a, ar, sel, &c->sel)) != SEL_OK)
			return rc;
	}
	if (c->kind == DOC_PUB) {
		struct str pdf;

		if (pub_render(a, ar, &c->sel, &c->pub, &pdf) == SEL_OK)
			c->pdf_sha = app_sha256_hex(ar, pdf);
	} else if (c->kind == DOC_RECEIPT) {
		struct app_doc d;
		struct str pdf;

		memset(&d, 0, sizeof d);
		d.kind = DOC_RECEIPT;
		d.sel = &c->sel;
		d.appl = &c->appl;
		doc_urls(a, ar, &d, "receipt", c->content_sha);
		if (render(a, ar, &d, &pdf) == SEL_OK)
			c->pdf_sha = app_sha256_hex(ar, pdf);
	}
	return SEL_OK;
}

enum sel_err
app_publish_doc_pdf(struct app *a, struct stx *tx, struct arena *ar,
    const struct pub_src *src, struct str title, struct str signer,
    struct str at, struct str *pdf, struct app_msg *m)
{
	struct s_publication p;
	enum sel_err rc;
	int64_t id;

	*pdf = STR("");
	memset(&p, 0, sizeof p);
	if (a->render == NULL)
		return app_say(m, SEL_EINTERNAL, "Dokumen tidak dapat "
		    "disusun: aplikasi berjalan tanpa penyusun dokumen.");
	if ((rc = a->render(ar, src, &p.body)) != SEL_OK)
		return app_say(m, rc, "Dokumen tidak dapat disusun.");
	p.selection_id = src->sel->s.id;
	p.kind = src->kind;
	p.title = title;
	p.published_at = at;
	p.signed_by = signer;
	/* The PDF of what is kept, as the links will serve it. */
	if ((rc = app_pub_pdf_sha(a, ar, src->sel, &p, pdf)) != SEL_OK)
		return app_say(m, rc, "Dokumen PDF tidak dapat disusun.");
	if ((rc = store_publication_add(tx, &p, &id)) != SEL_OK)
		return rc;
	if ((rc = app_pub_sign(a, tx, ar, &p, id)) != SEL_OK)	/* log */
		return rc;
	/* ---- verify ---- its PDF's statement */
	return app_doc_sign(a, tx, ar, p.selection_id, pub_kind_name(p.kind),
	    *pdf);
}
