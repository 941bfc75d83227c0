/*
 * archive.c - the auditor's archive's export, and what an instance made
 * from one says of itself (archive.h; the import is archive_import.c).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/app.h"
#include "app/app_int.h"
#include "app/archive.h"
#include "app/docpdf.h"
#include "app/load.h"
#include "app/log_int.h"
#include "base/arena.h"
#include "base/log.h"
#include "core/archive.h"
#include "core/merkle.h"
#include "store/store_archive.h"
#include "store/store_log.h"
#include "base/banned.h"

#define MAXDOC	(64u << 20)	/* a document file read back */

struct sel_event {
	int64_t		 id;
	struct str	 line;		/* "event ID HASH BYTES " */
};

struct collect {
	int64_t		 sel;
	struct arena	*ar;
	mhash		*leaves;
	uint64_t	 n, cap;
	struct sel_event *ev;
	size_t		 nev, capev;
	struct buf	 b;
	unsigned char	 head[32];	/* the last event's hash */
};

static bool
collect_cb(void *arg, const struct s_event *e)
{
	struct collect *c = arg;
	char hex[65];
	struct buf l;

	buf_reset(&c->b);
	store_event_bytes(e, &c->b);
	if (c->b.err != SEL_OK)
		return false;
	if (c->n == c->cap) {
		c->cap *= 2;
		c->leaves = xrealloc(c->leaves, c->cap * sizeof *c->leaves);
	}
	merkle_leaf(c->b.p, c->b.len, c->leaves[c->n++]);
	memcpy(c->head, e->hash, 32);
	if (e->selection_id != c->sel)
		return true;
	if (c->nev == c->capev) {
		c->capev = c->capev == 0 ? 64 : c->capev * 2;
		c->ev = xrealloc(c->ev, c->capev * sizeof *c->ev);
	}
	sodium_bin2hex(hex, sizeof hex, e->hash, 32);
	buf_init(&l, 1u << 30);
	buf_printf(&l, "event %" PRId64 " %s ", e->id, hex);
	{
		size_t m = sodium_base64_ENCODED_LEN(c->b.len,
		    sodium_base64_VARIANT_ORIGINAL);
		char *p = buf_reserve(&l, m);

		if (p != NULL) {
			sodium_bin2base64(p, m, (const unsigned char *)c->b.p,
			    c->b.len, sodium_base64_VARIANT_ORIGINAL);
			buf_commit(&l, m - 1);
		}
		buf_puts(&l, " ");
	}
	if (l.err != SEL_OK) {
		buf_release(&l);
		return false;
	}
	c->ev[c->nev].id = e->id;
	c->ev[c->nev].line = (struct str){ arena_strndup(c->ar, l.p, l.len),
	    l.len };
	c->nev++;
	buf_release(&l);
	return true;
}

static void
b64(struct buf *b, const unsigned char *h, size_t n)
{
	char s[128];

	sodium_bin2base64(s, sizeof s, h, n, sodium_base64_VARIANT_ORIGINAL);
	buf_puts(b, s);
}

/* The events file: the checkpoint, then each event of sel with its
   inclusion proof against it. */
static enum sel_err
events_file(struct stx *tx, struct arena *ar, int64_t sel,
    const struct s_checkpoint *cp, struct buf *out, archive_progress_fn pf,
    void *arg)
{
	struct collect c = { .sel = sel, .ar = ar, .cap = 1024 };
	enum sel_err rc;
	size_t m;
	char *p;

	c.leaves = xmalloc(c.cap * sizeof *c.leaves);
	buf_init(&c.b, 64u << 20);
	rc = store_event_each(tx, cp->size, collect_cb, &c);
	buf_release(&c.b);
	if (rc == SEL_OK && c.n != (uint64_t)cp->size)
		rc = SEL_ESTORE;
	buf_puts(out, "selter-archive-events 1\ncheckpoint ");
	m = sodium_base64_ENCODED_LEN(cp->note.len,
	    sodium_base64_VARIANT_ORIGINAL);
	if ((p = buf_reserve(out, m)) != NULL) {
		sodium_bin2base64(p, m, (const unsigned char *)cp->note.p,
		    cp->note.len, sodium_base64_VARIANT_ORIGINAL);
		buf_commit(out, m - 1);
	}
	buf_puts(out, "\nhead ");
	{
		char hex[65];

		sodium_bin2hex(hex, sizeof hex, c.head, 32);
		buf_printf(out, "%" PRIu64 " %s\n", c.n, hex);
	}
	for (size_t i = 0; rc == SEL_OK && i < c.nev; i++) {
		mhash proof[MERKLE_MAXPROOF];
		size_t len = 0;

		(void)merkle_inclusion(c.leaves, c.n, (uint64_t)(c.ev[i].id -
		    1), proof, &len);
		buf_putstr(out, c.ev[i].line);
		for (size_t k = 0; k < len; k++) {
			if (k > 0)
				buf_puts(out, ",");
			b64(out, proof[k], MERKLE_HASH);
		}
		buf_puts(out, len == 0 ? "-\n" : "\n");
		if (pf != NULL && (i + 1 == c.nev || i % 64 == 0))
			pf(arg, "peristiwa jejak audit", (int64_t)i + 1,
			    (int64_t)c.nev);
	}
	free(c.leaves);
	free(c.ev);
	return rc;
}

struct members {
	struct arch_file *v;
	size_t		 n, cap;
};

static void
member_add(struct arena *ar, struct members *m, struct str name,
    struct str data)
{
	if (m->n == m->cap) {
		m->cap = m->cap == 0 ? 16 : m->cap * 2;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	memset(&m->v[m->n], 0, sizeof m->v[m->n]);
	m->v[m->n].name = name;
	m->v[m->n].data = data;
	m->v[m->n].size = data.len;
	memcpy(m->v[m->n].sha, app_sha256_hex(ar, data).p, 64);
	m->n++;
}

static struct str
keep(struct arena *ar, const struct buf *b)
{
	return (struct str){ arena_strndup(ar, b->p, b->len), b->len };
}

/* data.json, the events and the document files, in one read. */
static enum sel_err
read_record(struct app *a, struct arena *ar, int64_t sel,
    struct members *m, archive_progress_fn pf, void *arg)
{
	struct s_checkpoint cp;
	struct json_w w;
	struct str *shas = NULL;
	size_t nsha = 0;
	struct stx *tx;
	struct buf b;
	int64_t rows = 0;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_checkpoint_last(tx, ar, &cp);
	if (rc == SEL_OK)
		rc = store_archive_count(tx, sel, &rows);
	buf_init(&b, 1u << 30);
	if (rc == SEL_OK) {
		jw_init(&w, &b);
		jw_obj(&w);
		jw_key(&w, "format");
		jw_strc(&w, "selter-archive-data 1");
		jw_key(&w, "selection");
		jw_int(&w, sel);
		jw_key(&w, "tables");
		jw_obj(&w);
		rc = store_archive_rows(tx, ar, sel, &w);
		jw_obj_end(&w);
		jw_obj_end(&w);
		buf_puts(&b, "\n");
		if (rc == SEL_OK && b.err != SEL_OK)
			rc = SEL_ENOMEM;
		if (rc == SEL_OK)
			member_add(ar, m, STR("data.json"), keep(ar, &b));
		if (pf != NULL)
			pf(arg, "baris data", rows, rows);
	}
	buf_reset(&b);
	if (rc == SEL_OK)
		rc = events_file(tx, ar, sel, &cp, &b, pf, arg);
	if (rc == SEL_OK && b.err != SEL_OK)
		rc = SEL_ENOMEM;
	if (rc == SEL_OK)
		member_add(ar, m, STR("events"), keep(ar, &b));
	buf_release(&b);
	if (rc == SEL_OK)
		rc = store_archive_docs(tx, ar, sel, &shas, &nsha);
	store_abort(a->st, tx);
	for (size_t i = 0; rc == SEL_OK && i < nsha; i++) {
		struct app_err e;
		char path[1024], *text;
		size_t len;

		if (shas[i].len != 64)
			continue;
		snprintf(path, sizeof path, "%s/%.2s/%.62s", a->files_dir,
		    shas[i].p, shas[i].p + 2);
		if (app_read_file(ar, path, MAXDOC, &text, &len, &e) !=
		    SEL_OK) {
			log_msg("error", "archive", "%s", e.msg);
			rc = SEL_EIO;
			break;
		}
		member_add(ar, m, arena_printf(ar, "files/%.64s", shas[i].p),
		    (struct str){ text, len });
		if (pf != NULL)
			pf(arg, "berkas dokumen", (int64_t)i + 1,
			    (int64_t)nsha);
	}
	return rc;
}

/* The published documents as PDF letters (none without a renderer). */
static enum sel_err
read_pdfs(struct app *a, struct arena *ar, const struct sel_view *v,
    struct members *m, archive_progress_fn pf, void *arg)
{
	struct s_publication *pubs = NULL;
	size_t n = 0;
	enum sel_err rc;

	if (a->pdf == NULL)
		return SEL_OK;
	if ((rc = app_publications(a, ar, v->s.id, &pubs, &n)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct str pdf;

		if ((rc = app_pub_pdf(a, ar, v, &pubs[i], &pdf)) != SEL_OK)
			return rc;
		member_add(ar, m, arena_printf(ar, "pdf/publikasi-%" PRId64
		    ".pdf", pubs[i].id), pdf);
		if (pf != NULL)
			pf(arg, "dokumen PDF terbit", (int64_t)i + 1,
			    (int64_t)n);
	}
	return SEL_OK;
}

enum sel_err
app_archive_export(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct buf *out, archive_progress_fn pf, void *arg,
    char *err, size_t errsz)
{
	struct members m = { 0 };
	struct arch_manifest man;
	struct sel_view v;
	struct str note, cps, text;
	struct buf b;
	bool made;
	enum sel_err rc;

	err[0] = '\0';
	if ((rc = app_sel_view(a, ar, sel, &v)) != SEL_OK) {
		snprintf(err, errsz, "selection %" PRId64 " does not exist",
		    sel);
		return rc;
	}
	if (w != NULL && !app_may(w, ACT_ARCHIVE_EXPORT, v.s.region_id, sel))
		return SEL_EPERM;
	if (a->log == NULL || !a->log->signing) {
		snprintf(err, errsz, "no signing key: an archive is signed "
		    "with the region's key (signing_key, docs/log.md)");
		return SEL_EPERM;
	}
	if ((rc = app_log_checkpoint(a, ar, &note, &made)) != SEL_OK) {
		snprintf(err, errsz, "the log's checkpoint could not be made");
		return rc;
	}
	if ((rc = read_record(a, ar, sel, &m, pf, arg)) != SEL_OK ||
	    (rc = app_log_checkpoints(a, ar, true, &cps)) != SEL_OK ||
	    (rc = read_pdfs(a, ar, &v, &m, pf, arg)) != SEL_OK) {
		free(m.v);
		snprintf(err, errsz, "the selection's record could not be "
		    "read");
		return rc;
	}
	member_add(ar, &m, STR("checkpoints"), cps);
	memset(&man, 0, sizeof man);
	man.region_code = v.region.code;
	man.region_name = v.region.name;
	man.selection = sel;
	man.exported = app_iso(ar, app_now(a));
	buf_init(&b, 1 << 20);
	note_vkey_text(&a->log->key, &b);
	man.key = keep(ar, &b);
	buf_reset(&b);
	man.files = m.v;
	man.nfiles = m.n;
	arch_manifest_text(&b, &man);
	text = keep(ar, &b);
	buf_puts(&b, "\n");
	note_sign(&a->log->key, text, &b);
	arch_write_start(out);
	arch_write_file(out, STR("manifest"), buf_str(&b));
	buf_release(&b);
	for (size_t i = 0; i < m.n; i++)
		arch_write_file(out, m.v[i].name, m.v[i].data);
	free(m.v);
	return out->err;
}

enum sel_err
app_archive_info(const struct app *a, struct s_archive *out)
{
	if (a->archive == NULL)
		return SEL_ENOENT;
	*out = *a->archive;
	return SEL_OK;
}
