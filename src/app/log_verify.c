/*
 * log_verify.c - the offline bundle and the trail checked against
 * published checkpoints (log.h, docs/log.md).  The checks themselves are
 * core's (core/logcheck.c); this file reads the store or the bundle.
 *
 * Bundle: text lines, "selter-log-bundle 1" first, then
 *   event ID HASHHEX BASE64(bytes)          every event, in order
 *   publication ID SHA256HEX BASE64(note)|-  every publication
 *   checkpoint BASE64(note)                 every checkpoint, cosigned
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "app/app_int.h"
#include "app/docverify.h"	/* ---- verify ---- */
#include "app/log_int.h"
#include "base/arena.h"
#include "core/logcheck.h"
#include "store/store_log.h"
#include "base/banned.h"

#define B64	sodium_base64_VARIANT_ORIGINAL
#define MAXCP	100000

/* The checkpoints under check and where each came from. */
struct cps {
	struct str	*notes;
	char		**from;
	int		 n, cap;
};

static void
cps_add(struct cps *c, struct str note, const char *from)
{
	if (c->n == c->cap) {
		c->cap = c->cap > 0 ? c->cap * 2 : 16;
		c->notes = xrealloc(c->notes, (size_t)c->cap * sizeof
		    *c->notes);
		c->from = xrealloc(c->from, (size_t)c->cap * sizeof *c->from);
	}
	c->notes[c->n] = note;
	c->from[c->n++] = (char *)from;
}

/* Appends to v->why which checkpoint number n is. */
static void
name_cp(struct log_verify *v, const struct cps *c, int n)
{
	size_t len = strlen(v->why);

	if (n >= 1 && n <= c->n)
		snprintf(v->why + len, sizeof v->why - len, " [checkpoint %d: "
		    "%s]", n, c->from[n - 1]);
}

struct run {
	struct log_verify *v;
	struct logcheck	 lc;
	struct buf	 b;
	bool		 head_seen;
	bool		 docs;		/* ---- verify ---- the bundle has */
	struct doc_seen	 seen;		/* document records: its events */
};

/* One event, from either source. */
static bool
run_event(struct run *r, int64_t id, const unsigned char hash[32],
    const unsigned char *bytes, size_t len)
{
	const struct audit_head *h = r->v->head;

	if (!lc_event(&r->lc, id, hash, bytes, len))
		return false;
	if (h != NULL && id == h->id) {
		r->head_seen = true;
		if (memcmp(hash, h->hash, 32) != 0) {
			r->lc.bad_event = id;
			snprintf(r->lc.why, sizeof r->lc.why, "event %" PRId64
			    ": its hash differs from the expected head: the "
			    "trail was rewritten up to it", id);
			return false;
		}
	}
	return true;
}

static bool
store_ev(void *arg, const struct s_event *e)
{
	struct run *r = arg;

	buf_reset(&r->b);
	store_event_bytes(e, &r->b);
	return r->b.err == SEL_OK && run_event(r, e->id, e->hash,
	    (const unsigned char *)r->b.p, r->b.len);
}

/* Whether text holds the NUL-terminated s (bytewise). */
static bool
holds(struct str text, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= text.len; i++)
		if (memcmp(text.p + i, s, n) == 0)
			return true;
	return false;
}

/* A publication's statement: signed by key, of this id and hash. */
static const char *
pub_check(const struct note_key *key, int64_t id, struct str sha,
    struct str note)
{
	struct str text, sigs;
	char want[128];

	if (!note_split(note, &text, &sigs))
		return "its statement is not a signed note";
	if (key != NULL && note_verify(key, text, sigs) != 1)
		return "the signature of its statement does not verify";
	snprintf(want, sizeof want, "\npublication %" PRId64 "\n", id);
	if (!holds(text, want))
		return "its statement is of another publication";
	snprintf(want, sizeof want, "\nsha256 %.*s\n", (int)sha.len, sha.p);
	if (sha.len != 64 || !holds(text, want))
		return "its statement signs another document hash";
	return NULL;
}

/* Every publication in order; signed ones after the first signed. */
struct pubs {
	struct log_verify *v;
	bool		 seen_signed;
};

static bool
pub_one(struct pubs *p, int64_t id, struct str sha, struct str note,
    const char *body_bad)
{
	struct log_verify *v = p->v;
	const char *why = body_bad;

	v->pubs++;
	if (why == NULL && note.len == 0 && p->seen_signed)
		why = "it is unsigned though a publication before it is "
		    "signed: its signature was removed";
	if (why == NULL && note.len > 0) {
		why = pub_check(v->key, id, sha, note);
		v->pubs_signed++;
		p->seen_signed = true;
	}
	if (why != NULL) {
		v->bad_pub = id;
		snprintf(v->why, sizeof v->why, "publication %" PRId64 ": %s",
		    id, why);
		return false;
	}
	return true;
}

/* The checkpoints, then the events; v->why the first mismatch. */
static bool
run_start(struct run *r, struct cps *c, struct lc_cp *out)
{
	struct log_verify *v = r->v;

	memset(&r->lc, 0, sizeof r->lc);
	if (v->key != NULL && !lc_checkpoints(&r->lc, v->key, v->wit, v->nw,
	    false, c->notes, c->n, out)) {
		snprintf(v->why, sizeof v->why, "%s", r->lc.why);
		v->bad_cp = r->lc.bad_cp;
		name_cp(v, c, v->bad_cp);
		return false;
	}
	lc_start(&r->lc, out, v->key != NULL ? (size_t)c->n : 0);
	buf_init(&r->b, 64 << 20);
	return true;
}

static void
run_end(struct run *r, struct cps *c)
{
	struct log_verify *v = r->v;

	buf_release(&r->b);
	v->events = r->lc.events;
	if (r->lc.why[0] == '\0')
		(void)lc_end(&r->lc);
	if (r->lc.why[0] == '\0' && v->head != NULL && !r->head_seen) {
		r->lc.bad_event = (int64_t)r->lc.acc.n + 1;
		snprintf(r->lc.why, sizeof r->lc.why, "event %" PRId64 ": the "
		    "trail ends before the expected head %" PRId64 ": its newest "
		    "events were removed", r->lc.bad_event, v->head->id);
	}
	if (r->lc.why[0] != '\0' && v->why[0] == '\0') {
		snprintf(v->why, sizeof v->why, "%s", r->lc.why);
		v->bad_event = r->lc.bad_event;
		v->bad_cp = r->lc.bad_cp;
		name_cp(v, c, v->bad_cp);
	}
	if (r->lc.ok != NULL)
		v->largest = (int64_t)r->lc.ok->size;
	lc_free(&r->lc);
	for (int i = 0; v->key != NULL && i < c->n; i++)
		v->cosigned += v->nw > 0 && r->lc.cps[i].cosigned == v->nw;
}

static void
out_reset(struct log_verify *v)
{
	v->events = v->pubs = v->pubs_signed = v->largest = 0;
	v->cosigned = v->bad_cp = 0;
	v->bad_event = v->bad_pub = 0;
	v->why[0] = '\0';
}

static void
cps_given(struct log_verify *v, struct cps *c)
{
	for (int i = 0; i < v->ncp; i++)
		cps_add(c, v->cps[i], "published");
}

static enum sel_err
verify_store(struct log_verify *v, struct stx *tx, struct arena *ar)
{
	struct s_checkpoint *sc;
	struct s_pub_sig *ps;
	struct cps c = { 0 };
	struct lc_cp *out;
	struct pubs p = { v, false };
	struct run r = { .v = v };
	size_t n;
	enum sel_err rc;

	cps_given(v, &c);
	if ((rc = store_checkpoints(tx, ar, &sc, &n)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct buf b;

		buf_init(&b, 1 << 20);
		app_log_cp_text(tx, ar, &sc[i], &b);
		cps_add(&c, (struct str){ arena_strndup(ar, b.p, b.len),
		    b.len },
		    arena_printf(ar, "the store's, id %" PRId64, sc[i].id).p);
		buf_release(&b);
	}
	out = arena_array(ar, (size_t)c.n + 1, sizeof *out);
	if (run_start(&r, &c, out)) {
		rc = store_event_each(tx, INT64_MAX, store_ev, &r);
		run_end(&r, &c);
	}
	if (rc == SEL_OK && v->why[0] == '\0' &&
	    (rc = store_pub_sigs(tx, ar, &ps, &n)) == SEL_OK)
		for (size_t i = 0; i < n; i++) {
			unsigned char h[32];
			char hex[65];
			const char *bad = NULL;

			crypto_hash_sha256(h, (const unsigned char *)
			    ps[i].body.p, ps[i].body.len);
			sodium_bin2hex(hex, sizeof hex, h, sizeof h);
			if (!str_eqc(ps[i].sha256, hex))
				bad = "its body does not match its hash";
			if (!pub_one(&p, ps[i].id, ps[i].sha256, ps[i].note,
			    bad))
				break;
		}
	free(c.notes);
	free(c.from);
	return rc;
}

enum sel_err
app_log_verify(struct log_verify *v, char *err, size_t errsz)
{
	struct store *st;
	struct stx *tx;
	struct arena *ar;
	enum sel_err rc;

	out_reset(v);
	if (v->bundle != NULL) {
		int fd = open(v->bundle, O_RDONLY | O_CLOEXEC);
		struct stat sb;
		void *m;

		if (fd < 0 || fstat(fd, &sb) != 0 || sb.st_size == 0) {
			snprintf(err, errsz, "%s: %s", v->bundle, fd < 0 ?
			    strerror(errno) : "empty");
			if (fd >= 0)
				close(fd);
			return SEL_EINVAL;
		}
		m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd,
		    0);
		close(fd);
		if (m == MAP_FAILED) {
			snprintf(err, errsz, "%s: cannot be read", v->bundle);
			return SEL_EINVAL;
		}
		rc = app_log_verify_text(v, (struct str){ m,
		    (size_t)sb.st_size }, err, errsz);
		munmap(m, (size_t)sb.st_size);
		return rc;
	}
	if (store_open(v->db, 1, &st, err, errsz) != SEL_OK)
		return SEL_EINVAL;
	ar = arena_new(1 << 16);
	if ((rc = store_begin(st, false, &tx)) == SEL_OK) {
		rc = verify_store(v, tx, ar);
		store_abort(st, tx);
	}
	arena_destroy(ar);
	store_close(st);
	if (rc != SEL_OK)
		snprintf(err, errsz, "%s: the trail cannot be read", v->db);
	return rc == SEL_OK ? SEL_OK : SEL_EINVAL;
}

/* The next line of *s, without "\n". */
static bool
next_line(struct str *s, struct str *line)
{
	const char *e;

	if (s->len == 0)
		return false;
	e = memchr(s->p, '\n', s->len);
	*line = (struct str){ s->p, e != NULL ? (size_t)(e - s->p) : s->len };
	s->len -= line->len + (e != NULL);
	s->p += line->len + (e != NULL);
	return true;
}

/* The next space-separated word of *s. */
static struct str
word(struct str *s)
{
	const char *sp = memchr(s->p, ' ', s->len);
	struct str w = { s->p, sp != NULL ? (size_t)(sp - s->p) : s->len };

	s->len -= w.len + (sp != NULL);
	s->p += w.len + (sp != NULL);
	return w;
}

static bool
b64(struct arena *ar, struct str s, unsigned char **out, size_t *n)
{
	*out = arena_alloc_raw(ar, s.len * 3 / 4 + 4);
	return note_b64_ok(s) && sodium_base642bin(*out, s.len * 3 / 4 + 4,
	    s.p, s.len, NULL, n,
	    NULL, B64) == 0;
}

/* Lowercase hex only: the bundle's one spelling of a hash. */
static bool
lower_hex(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if (!((s.p[i] >= '0' && s.p[i] <= '9') || (s.p[i] >= 'a' &&
		    s.p[i] <= 'f')))
			return false;
	return true;
}

static bool
bundle_bad(struct log_verify *v, int64_t line, const char *what)
{
	snprintf(v->why, sizeof v->why, "bundle line %" PRId64 ": %s", line,
	    what);
	return false;
}

/* The bundle's events and publications, once its checkpoints are in. */
static bool
bundle_body(struct log_verify *v, struct run *r, struct str text,
    struct arena *ar)
{
	struct pubs p = { v, false };
	struct str line;
	int64_t ln = 1;

	(void)next_line(&text, &line);
	while (next_line(&text, &line)) {
		struct str kind = word(&line), a1, a2;
		unsigned char *raw, hash[32];
		size_t n = 0, got = 0;
		int64_t id;

		ln++;
		if (str_eqc(kind, "checkpoint"))
			continue;
		/* ---- verify ---- a document's record (docverify.h) */
		if (str_eqc(kind, "document")) {
			struct doc_rec *dr = arena_alloc(ar, sizeof *dr);
			char why[400];

			if (!doc_rec_parse(ar, line, dr))
				return bundle_bad(v, ln, "not a document");
			if (doc_seen_check(&r->seen, dr, v->key, r->lc.cps,
			    r->lc.ncp, why, sizeof why) != NULL) {
				snprintf(v->why, sizeof v->why, "%s", why);
				return false;
			}
			continue;
		}
		/* ---- end verify ---- */
		a1 = word(&line);
		a2 = word(&line);
		if (parse_i64(a1, 1, INT64_MAX, &id) != SEL_OK)
			return bundle_bad(v, ln, "not an id");
		if (str_eqc(kind, "event")) {
			if (!lower_hex(a2) || sodium_hex2bin(hash, 32, a2.p,
			    a2.len, NULL, &got,
			    NULL) != 0 || got != 32 || a2.len != 64 ||
			    !b64(ar, line, &raw, &n))
				return bundle_bad(v, ln, "not an event");
			if (!run_event(r, id, hash, raw, n))
				return false;
			if (r->docs)	/* ---- verify ---- */
				doc_seen_event(&r->seen, raw, n);
			if (r->lc.events % 4096 == 0)
				arena_reset(ar);
		} else if (str_eqc(kind, "publication")) {
			struct str note = STR("");

			if (a2.len != 64 || !lower_hex(a2) || line.len == 0)
				return bundle_bad(v, ln, "not a publication");
			if (!str_eqc(line, "-")) {
				if (!b64(ar, line, &raw, &n))
					return bundle_bad(v, ln, "not a "
					    "publication");
				note = (struct str){ (char *)raw, n };
			}
			if (!pub_one(&p, id, a2, note, NULL))
				return false;
		} else
			return bundle_bad(v, ln, "neither an event, a "
			    "publication nor a checkpoint");
	}
	return true;
}

/* ---- verify ---- whether the bundle holds a document's record */
static bool
has_docs(struct str t)
{
	const char *p = t.p, *e = t.p + t.len;

	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		if ((size_t)(e - p) > 10 && memcmp(p, "\ndocument ", 10) == 0)
			return true;
		p++;
	}
	return false;
}
/* ---- end verify ---- */

enum sel_err
app_log_verify_text(struct log_verify *v, struct str text, char *err,
    size_t errsz)
{
	struct arena *ar = arena_new(1 << 16), *ev = arena_new(1 << 20);
	struct str t = text, line;
	struct cps c = { 0 };
	struct lc_cp *out;
	struct run r = { .v = v };
	int64_t ln = 0;

	out_reset(v);
	if (!next_line(&t, &line) || !str_eqc(line, "selter-log-bundle 1")) {
		snprintf(err, errsz, "not a bundle of `selter audit export`");
		arena_destroy(ar);
		arena_destroy(ev);
		return SEL_EINVAL;
	}
	cps_given(v, &c);
	/* Its checkpoints first: the events are checked against them. */
	for (ln = 2; next_line(&t, &line); ln++)
		if (str_starts(line, "checkpoint ")) {
			unsigned char *raw;
			size_t n = 0;

			line.p += 11;
			line.len -= 11;
			if (!b64(ar, line, &raw, &n)) {
				(void)bundle_bad(v, ln, "not a checkpoint");
				break;
			}
			cps_add(&c, (struct str){ (char *)raw, n },
			    arena_printf(ar, "the bundle's, line %" PRId64,
			    ln).p);
		}
	out = arena_array(ar, (size_t)c.n + 1, sizeof *out);
	r.docs = has_docs(text);
	if (v->why[0] == '\0' && run_start(&r, &c, out)) {
		if (!bundle_body(v, &r, text, ev) && v->why[0] != '\0')
			r.lc.why[0] = '\0';
		run_end(&r, &c);
	}
	doc_seen_free(&r.seen);	/* ---- verify ---- */
	free(c.notes);
	free(c.from);
	arena_destroy(ar);
	arena_destroy(ev);
	return SEL_OK;
}

struct exp {
	FILE		*f;
	struct buf	 b;
	char		*enc;
	size_t		 encsz;
};

static void
put_b64(struct exp *x, const void *p, size_t n)
{
	size_t need = sodium_base64_ENCODED_LEN(n, B64);

	if (need > x->encsz) {
		x->encsz = need * 2;
		x->enc = xrealloc(x->enc, x->encsz);
	}
	sodium_bin2base64(x->enc, x->encsz, p, n, B64);
	fputs(x->enc, x->f);
}

static bool
exp_ev(void *arg, const struct s_event *e)
{
	struct exp *x = arg;
	char hex[65];

	buf_reset(&x->b);
	store_event_bytes(e, &x->b);
	sodium_bin2hex(hex, sizeof hex, e->hash, 32);
	fprintf(x->f, "event %" PRId64 " %s ", e->id, hex);
	put_b64(x, x->b.p, x->b.len);
	fputc('\n', x->f);
	return x->b.err == SEL_OK;
}

static enum sel_err
export_tx(struct stx *tx, struct arena *ar, struct exp *x)
{
	struct s_checkpoint *sc;
	struct s_pub_sig *ps;
	size_t n;
	enum sel_err rc;

	fputs("selter-log-bundle 1\n", x->f);
	if ((rc = store_event_each(tx, INT64_MAX, exp_ev, x)) != SEL_OK ||
	    (rc = store_pub_sigs(tx, ar, &ps, &n)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		fprintf(x->f, "publication %" PRId64 " %.*s ", ps[i].id,
		    (int)ps[i].sha256.len, ps[i].sha256.p);
		if (ps[i].note.len > 0)
			put_b64(x, ps[i].note.p, ps[i].note.len);
		else
			fputc('-', x->f);
		fputc('\n', x->f);
	}
	/* ---- verify ---- the documents' records */
	if ((rc = app_doc_export(tx, ar, x->f)) != SEL_OK)
		return rc;
	/* ---- end verify ---- */
	if ((rc = store_checkpoints(tx, ar, &sc, &n)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct buf b;

		buf_init(&b, 1 << 20);
		app_log_cp_text(tx, ar, &sc[i], &b);
		fputs("checkpoint ", x->f);
		put_b64(x, b.p, b.len);
		fputc('\n', x->f);
		buf_release(&b);
	}
	return SEL_OK;
}

enum sel_err
app_log_export(const char *db, const char *out, char *err, size_t errsz)
{
	struct exp x = { 0 };
	struct store *st;
	struct stx *tx;
	struct arena *ar;
	enum sel_err rc;
	int fd;

	if (store_open(db, 1, &st, err, errsz) != SEL_OK)
		return SEL_EINVAL;
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || (x.f = fdopen(fd, "w")) == NULL) {
		snprintf(err, errsz, "%s: %s", out, strerror(errno));
		if (fd >= 0)
			close(fd);
		store_close(st);
		return SEL_EINVAL;
	}
	ar = arena_new(1 << 16);
	buf_init(&x.b, 64 << 20);
	if ((rc = store_begin(st, false, &tx)) == SEL_OK) {
		rc = export_tx(tx, ar, &x);
		store_abort(st, tx);
	}
	buf_release(&x.b);
	free(x.enc);
	if (fclose(x.f) != 0 && rc == SEL_OK)
		rc = SEL_EINTERNAL;
	arena_destroy(ar);
	store_close(st);
	if (rc != SEL_OK)
		snprintf(err, errsz, "%s: the bundle could not be written", out);
	return rc;
}
