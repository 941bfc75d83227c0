/*
 * archive_import.c - an auditor's archive checked and imported into a new
 * store, which then stays read-only (archive.h, docs/archive.md).
 *
 * Everything is checked before anything is made: the container, the
 * manifest's signature (by the key given, or the manifest's own), each
 * member against the manifest (no member missing or added, each size and
 * SHA-256), the checkpoint's signature, each event's hash and inclusion
 * proof, each document file against its name, the data.  The first thing
 * that does not hold is named and nothing is written.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app/app.h"
#include "app/archive.h"
#include "app/docpdf.h"
#include "app/load.h"
#include "app/log.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/archive.h"
#include "core/merkle.h"
#include "core/note.h"
#include "store/store_archive.h"
#include "store/store_log.h"
#include "base/banned.h"

#define MAXARCHIVE	((size_t)4 << 30)

#define FAIL(...) do { snprintf(err, errsz, __VA_ARGS__); \
	return SEL_EINVAL; } while (0)

/* A line of text from *p (without its newline); false at the end. */
static bool
next_line(struct str *rest, struct str *line)
{
	const char *nl;

	if (rest->len == 0)
		return false;
	nl = memchr(rest->p, '\n', rest->len);
	line->p = rest->p;
	line->len = nl != NULL ? (size_t)(nl - rest->p) : rest->len;
	rest->p += line->len + (nl != NULL);
	rest->len -= line->len + (nl != NULL);
	return true;
}

/* The next space-separated word of *s. */
static struct str
word(struct str *s)
{
	const char *sp = memchr(s->p, ' ', s->len);
	struct str w = { s->p, sp != NULL ? (size_t)(sp - s->p) : s->len };

	s->p += w.len + (sp != NULL);
	s->len -= w.len + (sp != NULL);
	return w;
}

static bool
unb64(struct arena *ar, struct str s, struct str *out)
{
	size_t max = s.len, len;
	unsigned char *p;

	if (!note_b64_ok(s))
		return false;
	p = arena_alloc(ar, max + 1);
	if (sodium_base642bin(p, max, s.p, s.len, NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0)
		return false;
	*out = (struct str){ (const char *)p, len };
	return true;
}

/* The fields of an event's bytes (store_event_bytes) back. */
static bool
event_parse(struct arena *ar, struct str b, struct s_event *e)
{
	static const char tag[] = "selter-event-v1";
	struct str f[9];
	size_t off = sizeof tag + 32;

	if (b.len < off || memcmp(b.p, tag, sizeof tag) != 0)
		return false;
	memcpy(e->prev, b.p + sizeof tag, 32);
	for (int i = 0; i < 9; i++) {
		uint64_t n = 0;

		if (b.len - off < 8)
			return false;
		for (int k = 0; k < 8; k++)
			n = n << 8 | (unsigned char)b.p[off + (size_t)k];
		off += 8;
		if (n > b.len - off)
			return false;
		f[i] = (struct str){ arena_strndup(ar, b.p + off, (size_t)n),
		    (size_t)n };
		off += (size_t)n;
	}
	if (off != b.len || parse_i64(f[0], 1, INT64_MAX, &e->id) != SEL_OK ||
	    parse_i64(f[2], INT64_MIN, INT64_MAX, &e->actor_id) != SEL_OK ||
	    parse_i64(f[4], 0, INT64_MAX, &e->selection_id) != SEL_OK)
		return false;
	e->at = f[1];
	e->actor = f[3];
	e->action = f[5];
	e->before = f[6];
	e->after = f[7];
	e->rules = f[8];
	return true;
}

struct checked {
	struct arch_manifest man;
	struct note_key	 key;
	struct s_event	*ev;
	size_t		 nev;
	struct s_checkpoint *cps;
	struct s_cosig	*cos;		/* checkpoint_id: index in cps */
	size_t		 ncp, nco;
	struct json	*tables;
	int64_t		 head_id;
	unsigned char	 head[32];
};

/* The events member: the checkpoint, each event's hash and proof. */
static enum sel_err
check_events(struct arena *ar, struct str text, struct checked *c,
    char *err, size_t errsz)
{
	struct str line, rest = text, cpnote, ctext, csigs, origin, r;
	uint64_t size;
	mhash root;
	size_t cap = 256, ln = 1;
	int64_t last = 0;

	if (!next_line(&rest, &line) || !str_eqc(line,
	    "selter-archive-events 1"))
		FAIL("events: its first line is not \"selter-archive-events "
		    "1\"");
	if (!next_line(&rest, &line) || !str_eqc(word(&line), "checkpoint") ||
	    !unb64(ar, line, &cpnote) || !note_split(cpnote, &ctext, &csigs) ||
	    !ckpt_parse(ctext, &origin, &size, root))
		FAIL("events: line 2 is not the checkpoint of the proofs");
	if (note_verify(&c->key, ctext, csigs) != 1)
		FAIL("events: the checkpoint (size %" PRIu64 ") is not signed "
		    "by %s", size, c->key.name);
	if (!next_line(&rest, &line) || !str_eqc(word(&line), "head") ||
	    parse_i64(word(&line), 0, INT64_MAX, &c->head_id) != SEL_OK ||
	    (uint64_t)c->head_id != size || line.len != 64 ||
	    sodium_hex2bin(c->head, 32, line.p, 64, NULL, NULL, NULL) != 0)
		FAIL("events: line 3 is not the trail's head at the checkpoint "
		    "(head %" PRIu64 " HASH)", size);
	ln++;
	c->ev = arena_array(ar, cap, sizeof *c->ev);
	while (next_line(&rest, &line)) {
		struct str id, hash, bytes, proof;
		mhash ph[MERKLE_MAXPROOF], leaf;
		unsigned char h[32], got[32];
		struct s_event *e;
		size_t np = 0;

		ln++;
		r = line;
		if (!str_eqc(word(&r), "event"))
			FAIL("events: line %zu is not an event", ln + 1);
		id = word(&r);
		hash = word(&r);
		bytes = word(&r);
		proof = r;
		if (c->nev == cap) {
			c->ev = arena_grow(ar, c->ev, cap, cap * 2,
			    sizeof *c->ev);
			cap *= 2;
		}
		e = &c->ev[c->nev];
		memset(e, 0, sizeof *e);
		if (hash.len != 64 || sodium_hex2bin(h, 32, hash.p, 64, NULL,
		    NULL, NULL) != 0 || !unb64(ar, bytes, &bytes) ||
		    !event_parse(ar, bytes, e) || !str_eqc(id,
		    arena_printf(ar, "%" PRId64, e->id).p))
			FAIL("events: line %zu is not \"event ID HASH BYTES "
			    "PROOF\" of an event", ln + 1);
		crypto_hash_sha256(got, (const unsigned char *)bytes.p,
		    bytes.len);
		if (memcmp(got, h, 32) != 0)
			FAIL("event %" PRId64 ": its bytes do not have its hash",
			    e->id);
		memcpy(e->hash, h, 32);
		if (e->selection_id != c->man.selection)
			FAIL("event %" PRId64 ": of selection %" PRId64 ", not "
			    "%" PRId64, e->id, e->selection_id,
			    c->man.selection);
		if (e->id <= last)
			FAIL("event %" PRId64 ": not after event %" PRId64,
			    e->id, last);
		last = e->id;
		if (!str_eqc(proof, "-"))
			for (struct str pr = proof; pr.len > 0; np++) {
				const char *cm = memchr(pr.p, ',', pr.len);
				struct str one = { pr.p, cm != NULL ?
				    (size_t)(cm - pr.p) : pr.len }, hb;

				pr.p += one.len + (cm != NULL);
				pr.len -= one.len + (cm != NULL);
				if (np == MERKLE_MAXPROOF || !unb64(ar, one,
				    &hb) || hb.len != MERKLE_HASH)
					FAIL("event %" PRId64 ": its inclusion "
					    "proof is not base64 hashes",
					    e->id);
				memcpy(ph[np], hb.p, MERKLE_HASH);
			}
		merkle_leaf(bytes.p, bytes.len, leaf);
		if ((uint64_t)e->id > size || !merkle_inclusion_check(
		    (uint64_t)e->id - 1, size, leaf, ph, np, root))
			FAIL("event %" PRId64 ": its inclusion proof does not "
			    "lead to the root of the checkpoint of size %" PRIu64,
			    e->id, size);
		c->nev++;
	}
	return SEL_OK;
}

/* The checkpoints member: each signed by the key; its witness lines
   kept as cosignatures. */
static enum sel_err
check_cps(struct arena *ar, struct str text, struct checked *c, char *err,
    size_t errsz)
{
	struct str rest = text, line;
	size_t cap = 64, capc = 64;

	c->cps = arena_array(ar, cap, sizeof *c->cps);
	c->cos = arena_array(ar, capc, sizeof *c->cos);
	while (rest.len > 0) {
		const char *start = rest.p;
		struct str ctext, sigs, origin;
		struct s_checkpoint *cp;
		int k = 0;

		while (next_line(&rest, &line) && line.len > 0)
			k++;
		while (rest.len >= 3 && memcmp(rest.p, "\xe2\x80\x94", 3) == 0)
			(void)next_line(&rest, &line);
		if (c->ncp == cap) {
			c->cps = arena_grow(ar, c->cps, cap, cap * 2,
			    sizeof *c->cps);
			cap *= 2;
		}
		cp = &c->cps[c->ncp];
		memset(cp, 0, sizeof *cp);
		{
			struct str chunk = { start, (size_t)(rest.p - start) };
			struct str r2, sr, tl;
			uint64_t sz;
			bool first = true;

			if (k < 3 || !note_split(chunk, &ctext, &sigs) ||
			    !ckpt_parse(ctext, &origin, &sz, cp->root))
				FAIL("checkpoints: checkpoint %zu is not one",
				    c->ncp + 1);
			cp->size = (int64_t)sz;
			if (note_verify(&c->key, ctext, sigs) != 1)
				FAIL("checkpoints: checkpoint %zu (size %"
				    PRId64 ") is not signed by %s", c->ncp + 1,
				    cp->size, c->key.name);
			r2 = ctext;
			cp->at = STR("");
			for (int i = 0; next_line(&r2, &tl); i++)
				if (i == 3 && tl.len > 5 &&
				    memcmp(tl.p, "time ", 5) == 0)
					cp->at = (struct str){ tl.p + 5,
					    tl.len - 5 };
			/* the log's line, then the witnesses' */
			sr = sigs;
			while (next_line(&sr, &line)) {
				struct str w = line;

				if (line.len == 0)
					continue;
				if (first) {
					first = false;
					cp->note = (struct str){ start,
					    (size_t)(line.p + line.len + 1 -
					    start) };
					continue;
				}
				(void)word(&w);
				if (c->nco == capc) {
					c->cos = arena_grow(ar, c->cos, capc,
					    capc * 2, sizeof *c->cos);
					capc *= 2;
				}
				memset(&c->cos[c->nco], 0, sizeof *c->cos);
				c->cos[c->nco].checkpoint_id = (int64_t)c->ncp;
				c->cos[c->nco].witness = word(&w);
				c->cos[c->nco].line = line;
				c->cos[c->nco].at = cp->at;
				c->nco++;
			}
		}
		c->ncp++;
		while (rest.len > 0 && rest.p[0] == '\n') {
			rest.p++;
			rest.len--;
		}
	}
	return SEL_OK;
}

/* The container, the manifest and its signature, every member. */
static enum sel_err
check_members(struct arena *ar, struct archive_import *im, struct str text,
    struct checked *c, struct arch_file *v, size_t nv, char *err,
    size_t errsz)
{
	struct str mtext, msigs;
	struct arch_file *mf;
	char why[512], signer[128];
	uint32_t sid;

	if (!note_split(v[0].data, &mtext, &msigs))
		FAIL("the manifest is not a signed note");
	if (!note_signer(msigs, signer, &sid))
		FAIL("the manifest has no signature line");
	/* the signature first: by --key, else by the key the manifest
	   names (its line "key ..."), before anything else is read */
	if (im->key != NULL && im->key[0] != '\0') {
		if (app_key_public(im->key, &c->key, why, sizeof why) !=
		    SEL_OK)
			FAIL("--key: %s", why);
	} else {
		struct str r = mtext, line, k = STR_NULL;

		while (next_line(&r, &line))
			if (line.len > 4 && memcmp(line.p, "key ", 4) == 0) {
				k = (struct str){ line.p + 4, line.len - 4 };
				break;
			}
		if (k.p == NULL || !note_vkey_parse(k, &c->key))
			FAIL("the manifest names no public key");
	}
	if (note_verify(&c->key, mtext, msigs) != 1)
		FAIL("the manifest's signature by %s does not verify with the "
		    "key %s: the manifest was changed or signed by another "
		    "key", signer, c->key.name);
	mf = arena_array(ar, nv + 1, sizeof *mf);
	if (!arch_manifest_parse(mtext, &c->man, mf, nv + 1, why, sizeof why))
		FAIL("%s", why);
	{
		struct note_key own;

		if (!note_vkey_parse(c->man.key, &own) || own.id != c->key.id ||
		    memcmp(own.pub, c->key.pub, 32) != 0)
			FAIL("the manifest names the key %.*s, not --key's "
			    "(%s)", (int)c->man.key.len, c->man.key.p,
			    c->key.name);
	}
	(void)text;
	for (size_t i = 0; i < c->man.nfiles; i++) {
		size_t k = 1;

		while (k < nv && !str_eq(v[k].name, mf[i].name))
			k++;
		if (k == nv)
			FAIL("%.*s: in the manifest, missing from the archive",
			    (int)mf[i].name.len, mf[i].name.p);
		if (v[k].data.len != mf[i].size)
			FAIL("%.*s: %zu bytes, the manifest says %" PRIu64,
			    (int)mf[i].name.len, mf[i].name.p, v[k].data.len,
			    mf[i].size);
		if (memcmp(app_sha256_hex(ar, v[k].data).p, mf[i].sha, 64) != 0)
			FAIL("%.*s: its SHA-256 is not the manifest's: the file "
			    "was changed", (int)mf[i].name.len, mf[i].name.p);
		mf[i].data = v[k].data;
		if (mf[i].name.len == 70 && memcmp(mf[i].name.p, "files/", 6) ==
		    0 && memcmp(mf[i].name.p + 6, mf[i].sha, 64) != 0)
			FAIL("%.*s: a document file not named by its SHA-256",
			    (int)mf[i].name.len, mf[i].name.p);
	}
	if (nv - 1 != c->man.nfiles) {
		for (size_t k = 1; k < nv; k++) {
			size_t i = 0;

			while (i < c->man.nfiles && !str_eq(v[k].name,
			    mf[i].name))
				i++;
			if (i == c->man.nfiles)
				FAIL("%.*s: in the archive, not in the manifest",
				    (int)v[k].name.len, v[k].name.p);
		}
	}
	return SEL_OK;
}

static struct str
member(const struct checked *c, const char *name)
{
	for (size_t i = 0; i < c->man.nfiles; i++)
		if (str_eqc(c->man.files[i].name, name))
			return c->man.files[i].data;
	return STR_NULL;
}

/* Writes the document files under dir (dir/xx/rest, as store_blob). */
static enum sel_err
write_files(const struct checked *c, const char *dir, int64_t *n, char *err,
    size_t errsz)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		FAIL("%s: cannot make the directory: %s", dir,
		    strerror(errno));
	for (size_t i = 0; i < c->man.nfiles; i++) {
		const struct arch_file *f = &c->man.files[i];
		char sub[1024], path[1100];
		FILE *fp;

		if (f->name.len != 70 || memcmp(f->name.p, "files/", 6) != 0)
			continue;
		if ((size_t)snprintf(sub, sizeof sub, "%s/%.2s", dir,
		    f->sha) >= sizeof sub ||
		    (size_t)snprintf(path, sizeof path, "%s/%.62s", sub,
		    f->sha + 2) >= sizeof path)
			FAIL("%s: the directory's name is too long", dir);
		if ((mkdir(sub, 0700) != 0 && errno != EEXIST) ||
		    (fp = fopen(path, "wb")) == NULL)
			FAIL("%s: cannot be written: %s", path,
			    strerror(errno));
		if (fwrite(f->data.p, 1, f->data.len, fp) != f->data.len ||
		    fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
			fclose(fp);
			FAIL("%s: cannot be written", path);
		}
		fclose(fp);
		(*n)++;
	}
	return SEL_OK;
}

static enum sel_err
store_all(struct store *st, struct arena *ar, struct archive_import *im,
    const struct checked *c, struct str sha, char *err, size_t errsz)
{
	struct s_archive a;
	struct stx *tx;
	struct diag d = { 0 };
	struct buf kb;
	int64_t *ids;
	enum sel_err rc;

	if ((rc = store_begin(st, true, &tx)) != SEL_OK)
		FAIL("%s: the store cannot be written", im->db);
	rc = store_archive_load(tx, ar, c->tables, &d);
	if (rc == SEL_EINVAL) {
		store_abort(st, tx);
		FAIL("data.json:%u: %s", d.line, d.msg);
	}
	for (size_t i = 0; rc == SEL_OK && i < c->nev; i++)
		rc = store_event_put(tx, &c->ev[i]);
	ids = arena_array(ar, c->ncp + 1, sizeof *ids);
	for (size_t i = 0; rc == SEL_OK && i < c->ncp; i++)
		rc = store_checkpoint_add(tx, &c->cps[i], &ids[i]);
	for (size_t i = 0; rc == SEL_OK && i < c->nco; i++) {
		struct s_cosig co = c->cos[i];

		co.checkpoint_id = ids[c->cos[i].checkpoint_id];
		rc = store_cosig_add(tx, &co);
	}
	memset(&a, 0, sizeof a);
	a.region_code = c->man.region_code;
	a.region_name = c->man.region_name;
	a.selection_id = c->man.selection;
	a.exported_at = c->man.exported;
	a.origin = str_c(c->key.name);
	buf_init(&kb, 4096);
	note_vkey_text(&c->key, &kb);
	a.key_text = (struct str){ arena_strndup(ar, kb.p, kb.len), kb.len };
	buf_release(&kb);
	a.sha256 = sha;
	a.head_id = c->head_id;
	memcpy(a.head_hash, c->head, 32);
	a.imported_at = app_iso(ar, time(NULL));
	if (rc == SEL_OK)
		rc = store_archive_set(tx, &a);
	if (rc != SEL_OK) {
		store_abort(st, tx);
		FAIL("%s: the archive's rows could not be stored", im->db);
	}
	if (store_commit(st, tx) != SEL_OK)
		FAIL("%s: the store could not commit", im->db);
	return SEL_OK;
}

enum sel_err
app_archive_import(struct archive_import *im, char *err, size_t errsz)
{
	struct arena *ar = arena_new(1 << 20);
	struct arch_file *v;
	struct checked c;
	struct app_err e;
	struct store *st = NULL;
	struct diag d = { 0 };
	struct json *root, *sel;
	char why[512], dir[1024], *text;
	size_t len, nv;
	enum sel_err rc = SEL_EINVAL;

	memset(&c, 0, sizeof c);
	err[0] = '\0';
	if (access(im->db, F_OK) == 0) {
		snprintf(err, errsz, "%s: exists already: an archive is "
		    "imported into a new store only", im->db);
		goto out;
	}
	if (app_read_file(ar, im->file, MAXARCHIVE, &text, &len, &e) !=
	    SEL_OK) {
		snprintf(err, errsz, "%s", e.msg);
		goto out;
	}
	v = arena_array(ar, ARCH_MAXFILES, sizeof *v);
	if (!arch_parse((struct str){ text, len }, v, ARCH_MAXFILES, &nv, why,
	    sizeof why)) {
		snprintf(err, errsz, "%s", why);
		goto out;
	}
	if (im->progress != NULL)
		im->progress(im->arg, "isi arsip", (int64_t)nv, (int64_t)nv);
	if ((rc = check_members(ar, im, (struct str){ text, len }, &c, v, nv,
	    err, errsz)) != SEL_OK ||
	    (rc = check_cps(ar, member(&c, "checkpoints"), &c, err, errsz)) !=
	    SEL_OK ||
	    (rc = check_events(ar, member(&c, "events"), &c, err, errsz)) !=
	    SEL_OK)
		goto out;
	if (im->progress != NULL)
		im->progress(im->arg, "bukti inklusi", (int64_t)c.nev,
		    (int64_t)c.nev);
	{
		struct str dj = member(&c, "data.json");

		rc = SEL_EINVAL;
		if (dj.p == NULL) {
			snprintf(err, errsz, "data.json: missing");
			goto out;
		}
		if (json_parse(ar, dj.p, dj.len, 1, true, &root, &d) !=
		    SEL_OK) {
			snprintf(err, errsz, "data.json:%u: %s", d.line, d.msg);
			goto out;
		}
	}
	sel = json_get(root, "selection");
	c.tables = json_get(root, "tables");
	if (json_get(root, "format") == NULL || !str_eqc(json_get(root,
	    "format")->s, "selter-archive-data 1")) {
		snprintf(err, errsz, "data.json: its format is not "
		    "\"selter-archive-data 1\"");
		goto out;
	}
	if (sel == NULL || sel->type != JSON_NUMBER || !str_eqc(sel->s,
	    arena_printf(ar, "%" PRId64, c.man.selection).p) ||
	    c.tables == NULL) {
		snprintf(err, errsz, "data.json: not the data of selection %"
		    PRId64, c.man.selection);
		goto out;
	}
	if (member(&c, "events").p == NULL ||
	    member(&c, "checkpoints").p == NULL) {
		snprintf(err, errsz, "the archive has no events or checkpoints");
		goto out;
	}
	/* checked: now made */
	snprintf(dir, sizeof dir, "%s", im->files_dir != NULL &&
	    im->files_dir[0] != '\0' ? im->files_dir : "");
	if (dir[0] == '\0')
		snprintf(dir, sizeof dir, "%s.files", im->db);
	if ((rc = write_files(&c, dir, &im->files, err, errsz)) != SEL_OK)
		goto out;
	if ((rc = store_open(im->db, 1, &st, err, errsz)) != SEL_OK)
		goto out;
	rc = store_all(st, ar, im, &c, app_sha256_hex(ar, (struct str){ text,
	    len }), err, errsz);
	store_close(st);
	if (rc != SEL_OK) {
		(void)unlink(im->db);
		goto out;
	}
	im->selection = c.man.selection;
	im->events = (int64_t)c.nev;
	snprintf(im->region, sizeof im->region, "%.*s",
	    (int)c.man.region_name.len, c.man.region_name.p);
	snprintf(im->exported, sizeof im->exported, "%.*s",
	    (int)c.man.exported.len, c.man.exported.p);
out:
	arena_destroy(ar);
	return rc;
}
