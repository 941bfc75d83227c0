/*
 * docverify.c - documents in the offline bundle and `selter verify
 * FILE.pdf` (docverify.h, docs/log.md "Verifying a document").
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "app/docverify.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "store/store_doc.h"
#include "store/store_log.h"
#include "base/banned.h"

#define B64	sodium_base64_VARIANT_ORIGINAL

static const char tag[] = "selter-event-v1";

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
lower_hex(struct str s, size_t n)
{
	if (s.len != n)
		return false;
	for (size_t i = 0; i < s.len; i++)
		if (!((s.p[i] >= '0' && s.p[i] <= '9') || (s.p[i] >= 'a' &&
		    s.p[i] <= 'f')))
			return false;
	return true;
}

static bool
b64(struct arena *ar, struct str s, unsigned char **out, size_t *n)
{
	*out = arena_alloc_raw(ar, s.len * 3 / 4 + 4);
	return s.len > 0 && note_b64_ok(s) && sodium_base642bin(*out,
	    s.len * 3 / 4 + 4, s.p, s.len, NULL, n, NULL, B64) == 0;
}

static void
put_b64(FILE *f, const void *p, size_t n)
{
	size_t need = sodium_base64_ENCODED_LEN(n, B64);
	char *enc = xmalloc(need);

	sodium_bin2base64(enc, need, p, n, B64);
	fputs(enc, f);
	free(enc);
}

bool
doc_rec_parse(struct arena *ar, struct str line, struct doc_rec *r)
{
	struct str sha = word(&line), ev = word(&line), sz = word(&line);
	struct str pf = word(&line), note = line;
	unsigned char *raw;
	size_t n = 0;
	int64_t size;

	memset(r, 0, sizeof *r);
	if (!lower_hex(sha, 64) || parse_i64(ev, 0, INT64_MAX, &r->event) !=
	    SEL_OK || parse_i64(sz, 0, INT64_MAX, &size) != SEL_OK ||
	    memchr(note.p, ' ', note.len) != NULL)
		return false;
	r->sha = sha;
	r->size = (uint64_t)size;
	if (!str_eqc(pf, "-")) {
		if (!b64(ar, pf, &raw, &n) || n % MERKLE_HASH != 0 ||
		    n / MERKLE_HASH > MERKLE_MAXPROOF)
			return false;
		r->plen = n / MERKLE_HASH;
		memcpy(r->proof, raw, n);
	}
	if (!str_eqc(note, "-")) {
		if (!b64(ar, note, &raw, &n))
			return false;
		r->note = (struct str){ (char *)raw, n };
	}
	return true;
}

/* The value after "\nKEY " up to the line's end in text. */
static struct str
line_value(struct str text, const char *key)
{
	size_t k = strlen(key);

	for (size_t i = 0; i + k + 2 <= text.len; i++)
		if (text.p[i] == '\n' && memcmp(text.p + i + 1, key, k) == 0 &&
		    text.p[i + 1 + k] == ' ') {
			const char *b = text.p + i + 2 + k;
			const char *e = memchr(b, '\n', (size_t)(text.p +
			    text.len - b));

			return e == NULL ? STR("") : (struct str){ b,
			    (size_t)(e - b) };
		}
	return STR("");
}

const char *
doc_statement_check(const struct note_key *key, const struct doc_rec *r,
    char kind[32], int64_t *sel)
{
	struct str text, sigs, k;
	size_t nl;

	kind[0] = '\0';
	*sel = 0;
	if (r->note.len == 0)
		return "it was issued unsigned (the server had no signing key)";
	if (!note_split(r->note, &text, &sigs))
		return "its statement is not a signed note";
	if (key != NULL && note_verify(key, text, sigs) != 1)
		return "the signature of its statement by the region's key does "
		    "not verify";
	nl = key != NULL ? strlen(key->name) : 0;
	if (key != NULL && (text.len < nl + 10 || memcmp(text.p, key->name,
	    nl) != 0 || memcmp(text.p + nl, "\ndocument\n", 10) != 0))
		return "its statement is not a document's of this log";
	if (!str_eq(line_value(text, "sha256"), r->sha))
		return "its statement signs another document's hash";
	k = line_value(text, "kind");
	snprintf(kind, 32, "%.*s", (int)(k.len < 31 ? k.len : 31), k.p);
	if (parse_i64(line_value(text, "selection"), 1, INT64_MAX, sel) !=
	    SEL_OK)
		*sel = 0;
	return NULL;
}

static bool
field(const unsigned char **p, const unsigned char *end, struct str *out)
{
	uint64_t n = 0;

	if (end - *p < 8)
		return false;
	for (int i = 0; i < 8; i++)
		n = n << 8 | (*p)[i];
	*p += 8;
	if ((uint64_t)(end - *p) < n)
		return false;
	*out = (struct str){ (const char *)*p, (size_t)n };
	*p += n;
	return true;
}

bool
doc_event_parse(const unsigned char *bytes, size_t len, struct doc_event *e)
{
	const unsigned char *p = bytes, *end = bytes + len;
	struct str f[9];

	memset(e, 0, sizeof *e);
	if (len < sizeof tag + 32 || memcmp(p, tag, sizeof tag) != 0)
		return false;
	p += sizeof tag + 32;
	for (int i = 0; i < 9; i++)
		if (!field(&p, end, &f[i]))
			return false;
	if (p != end || parse_i64(f[0], 1, INT64_MAX, &e->id) != SEL_OK)
		return false;
	e->at = f[1];
	e->action = f[5];
	e->after = f[7];
	return true;
}

bool
doc_after_holds(struct str after, struct str sha)
{
	static const char *keys[] = { "\"pdf_sha256\":\"", "\"sha256\":\"" };

	if (sha.len != 64)
		return false;
	for (size_t k = 0; k < 2; k++) {
		size_t kl = strlen(keys[k]);

		for (size_t i = 0; i + kl + 65 <= after.len; i++)
			if (memcmp(after.p + i, keys[k], kl) == 0 &&
			    memcmp(after.p + i + kl, sha.p, 64) == 0 &&
			    after.p[i + kl + 64] == '"')
				return true;
	}
	return false;
}

void
doc_seen_event(struct doc_seen *s, const unsigned char *bytes, size_t len)
{
	static const char key[] = "sha256\":\"";
	struct doc_event e;

	if (s->n == s->cap) {
		s->cap = s->cap > 0 ? s->cap * 2 : 1024;
		s->leaves = xrealloc(s->leaves, s->cap * sizeof *s->leaves);
	}
	merkle_leaf(bytes, len, s->leaves[s->n]);
	if (doc_event_parse(bytes, len, &e))
		for (size_t i = 0; i + sizeof key - 1 + 65 <= e.after.len;
		    i++) {
			struct str h = { e.after.p + i + sizeof key - 1, 64 };

			if (memcmp(e.after.p + i, key, sizeof key - 1) != 0 ||
			    !lower_hex(h, 64) || !doc_after_holds(e.after, h))
				continue;
			if (s->nshas == s->capshas) {
				s->capshas = s->capshas > 0 ? s->capshas * 2 :
				    16;
				s->shas = xrealloc(s->shas, s->capshas *
				    sizeof *s->shas);
			}
			s->shas[s->nshas].event = e.id;
			s->shas[s->nshas].index = s->n;
			memcpy(s->shas[s->nshas].sha, h.p, 64);
			s->shas[s->nshas++].sha[64] = '\0';
		}
	s->n++;
}

void
doc_seen_free(struct doc_seen *s)
{
	free(s->leaves);
	free(s->shas);
	memset(s, 0, sizeof *s);
}

/* The leaf index of event id recording sha; false when it does not. */
static bool
seen_find(const struct doc_seen *s, int64_t id, struct str sha,
    uint64_t *index)
{
	for (size_t i = 0; i < s->nshas; i++)
		if ((id == 0 || s->shas[i].event == id) &&
		    str_eqc(sha, s->shas[i].sha)) {
			*index = s->shas[i].index;
			return true;
		}
	return false;
}

const char *
doc_seen_check(const struct doc_seen *s, const struct doc_rec *r,
    const struct note_key *key, const struct lc_cp *cps, size_t ncp,
    char *why, size_t whysz)
{
	const char *bad;
	char kind[32];
	int64_t sel;
	uint64_t index = 0;
	bool sized = false;

	if ((bad = doc_statement_check(key, r, kind, &sel)) != NULL &&
	    r->note.len > 0) {
		snprintf(why, whysz, "document %.*s: %s", (int)r->sha.len,
		    r->sha.p, bad);
		return why;
	}
	if (r->event == 0 || !seen_find(s, r->event, r->sha, &index)) {
		snprintf(why, whysz, "document %.*s: event %" PRId64 " does not "
		    "record its hash", (int)r->sha.len, r->sha.p, r->event);
		return why;
	}
	if (key == NULL || (r->size == 0 && r->plen == 0))
		return NULL;
	for (size_t i = 0; i < ncp; i++) {
		if (cps[i].size != r->size)
			continue;
		sized = true;
		if (index >= r->size || !merkle_inclusion_check(index, r->size,
		    s->leaves[index], (mhash *)r->proof, r->plen,
		    cps[i].root)) {
			snprintf(why, whysz, "document %.*s: the inclusion proof "
			    "of event %" PRId64 " does not lead to the root of "
			    "checkpoint %d (size %" PRIu64 ")", (int)r->sha.len,
			    r->sha.p, r->event, cps[i].num, r->size);
			return why;
		}
	}
	if (!sized) {
		snprintf(why, whysz, "document %.*s: its proof is against a "
		    "tree of %" PRIu64 " events, and no checkpoint has that "
		    "size", (int)r->sha.len, r->sha.p, r->size);
		return why;
	}
	return NULL;
}

struct exp_ev {
	struct doc_seen	 seen;
	struct buf	 b;
};

static bool
exp_ev(void *arg, const struct s_event *e)
{
	struct exp_ev *x = arg;

	buf_reset(&x->b);
	store_event_bytes(e, &x->b);
	if (x->b.err != SEL_OK)
		return false;
	doc_seen_event(&x->seen, (const unsigned char *)x->b.p, x->b.len);
	return true;
}

/* The checkpoint a proof of leaf index is against: the smallest
   cosigned one covering it, else the largest covering it; NULL none. */
static const struct s_checkpoint *
proof_cp(const struct s_checkpoint *c, const bool *cosigned, size_t n,
    uint64_t index, uint64_t leaves)
{
	const struct s_checkpoint *best = NULL;

	for (size_t i = 0; i < n; i++)
		if ((uint64_t)c[i].size > index && (uint64_t)c[i].size <= leaves &&
		    cosigned[i] &&
		    (best == NULL || c[i].size < best->size))
			best = &c[i];
	if (best != NULL)
		return best;
	for (size_t i = 0; i < n; i++)
		if ((uint64_t)c[i].size > index && (uint64_t)c[i].size <= leaves &&
		    (best == NULL ||
		    c[i].size > best->size))
			best = &c[i];
	return best;
}

enum sel_err
app_doc_export(struct stx *tx, struct arena *ar, FILE *f)
{
	struct s_doc_sig *d;
	struct s_checkpoint *c;
	struct exp_ev x;
	bool *cosigned;
	size_t n = 0, nc = 0;
	enum sel_err rc;

	if ((rc = store_doc_sigs(tx, ar, &d, &n)) != SEL_OK || n == 0)
		return rc;
	if ((rc = store_checkpoints(tx, ar, &c, &nc)) != SEL_OK)
		return rc;
	cosigned = arena_array(ar, nc + 1, sizeof *cosigned);
	for (size_t i = 0; i < nc; i++) {
		struct s_cosig *cs;
		size_t ncs = 0;

		if ((rc = store_cosigs(tx, ar, c[i].id, &cs, &ncs)) != SEL_OK)
			return rc;
		cosigned[i] = ncs > 0;
	}
	memset(&x, 0, sizeof x);
	buf_init(&x.b, 64 << 20);
	rc = store_event_each(tx, INT64_MAX, exp_ev, &x);
	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		const struct s_checkpoint *cp = NULL;
		mhash proof[MERKLE_MAXPROOF];
		size_t plen = 0;
		uint64_t index = 0;
		int64_t ev = 0;

		if (seen_find(&x.seen, 0, d[i].sha256, &index)) {
			for (size_t k = 0; k < x.seen.nshas; k++)
				if (x.seen.shas[k].index == index)
					ev = x.seen.shas[k].event;
			cp = proof_cp(c, cosigned, nc, index, x.seen.n);
		}
		if (cp != NULL && !merkle_inclusion(x.seen.leaves,
		    (uint64_t)cp->size, index, proof, &plen))
			cp = NULL;
		fprintf(f, "document %.*s %" PRId64 " %" PRId64 " ",
		    (int)d[i].sha256.len, d[i].sha256.p, ev,
		    cp != NULL ? cp->size : 0);
		if (cp != NULL && plen > 0)
			put_b64(f, proof, plen * sizeof *proof);
		else
			fputc('-', f);
		fputc(' ', f);
		if (d[i].note.len > 0)
			put_b64(f, d[i].note.p, d[i].note.len);
		else
			fputc('-', f);
		fputc('\n', f);
	}
	buf_release(&x.b);
	doc_seen_free(&x.seen);
	return rc;
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

static bool
fail(struct doc_verify *v, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool
fail(struct doc_verify *v, const char *what, const char *fmt, ...)
{
	va_list ap;

	v->failed = what;
	va_start(ap, fmt);
	vsnprintf(v->why, sizeof v->why, fmt, ap);
	va_end(ap);
	return false;
}

/* A checkpoint given or in the bundle, and where it came from. */
struct cand {
	struct str	 note, text, sigs;
	const char	*from;
	mhash		 root;
};

/* The event of the record: its bytes against its hash, its fields, the
   hash it records; *index its leaf's place. */
static bool
find_event(struct doc_verify *v, struct arena *ar, struct str t,
    const struct doc_rec *r, mhash leaf, uint64_t *index)
{
	struct str line;
	uint64_t k = 0;

	(void)next_line(&t, &line);
	while (next_line(&t, &line)) {
		struct str w, hex;
		unsigned char *raw, h[32], want[32];
		struct doc_event e;
		size_t n = 0, got = 0;
		int64_t id;

		if (!str_starts(line, "event "))
			continue;
		line.p += 6;
		line.len -= 6;
		w = word(&line);
		hex = word(&line);
		if (parse_i64(w, 1, INT64_MAX, &id) != SEL_OK || id !=
		    r->event) {
			k++;
			continue;
		}
		if (!lower_hex(hex, 64) || sodium_hex2bin(want, 32, hex.p,
		    hex.len, NULL, &got, NULL) != 0 || got != 32 ||
		    !b64(ar, line, &raw, &n))
			return fail(v, "the event", "event %" PRId64 " is not "
			    "an event line of the bundle", r->event);
		crypto_hash_sha256(h, raw, n);
		if (memcmp(h, want, 32) != 0)
			return fail(v, "the event", "event %" PRId64 ": its "
			    "bytes do not match its hash", r->event);
		if (!doc_event_parse(raw, n, &e) || e.id != r->event)
			return fail(v, "the event", "event %" PRId64 ": its "
			    "bytes are not those of event %" PRId64, r->event,
			    r->event);
		if (!doc_after_holds(e.after, r->sha))
			return fail(v, "the event", "event %" PRId64 " (%.*s) "
			    "does not record the document's hash", r->event,
			    (int)e.action.len, e.action.p);
		snprintf(v->action, sizeof v->action, "%.*s",
		    (int)e.action.len, e.action.p);
		snprintf(v->at, sizeof v->at, "%.*s", (int)e.at.len, e.at.p);
		merkle_leaf(raw, n, leaf);
		*index = k;
		return true;
	}
	return fail(v, "the event", "event %" PRId64 " is not in the bundle",
	    r->event);
}

/* The proof against every checkpoint of its size, each signed by the
   log's key; one of them cosigned by the witness. */
static bool
check_proof(struct doc_verify *v, struct cand *c, int nc,
    const struct doc_rec *r, const mhash leaf, uint64_t index)
{
	int sized = 0, cosigned = 0;

	if (r->size == 0)
		return fail(v, "the proof", "no checkpoint covered event %"
		    PRId64 " when the bundle was exported: make one (selter "
		    "audit checkpoint), have it cosigned, export again",
		    r->event);
	for (int i = 0; i < nc; i++) {
		struct str origin;
		uint64_t size;

		if (!ckpt_parse(c[i].text, &origin, &size, c[i].root) ||
		    !str_eqc(origin, v->key->name) || size != r->size)
			continue;
		sized++;
		if (note_verify(v->key, c[i].text, c[i].sigs) != 1)
			return fail(v, "the checkpoint", "the checkpoint of size "
			    "%" PRIu64 " (%s): its signature by %s does not "
			    "verify", size, c[i].from, v->key->name);
		if (index >= size || !merkle_inclusion_check(index, size, leaf,
		    (mhash *)r->proof, r->plen, c[i].root))
			return fail(v, "the proof", "the inclusion proof of "
			    "event %" PRId64 " does not lead to the root of the "
			    "checkpoint of size %" PRIu64 " (%s)", r->event,
			    size, c[i].from);
		if (v->wit != NULL) {
			uint64_t t;

			cosigned += note_cosig_verify(v->wit, c[i].text,
			    c[i].sigs, &t) == 1;
		}
	}
	if (sized == 0)
		return fail(v, "the checkpoint", "the proof is against a tree "
		    "of %" PRIu64 " events, and no checkpoint of %s has that "
		    "size", r->size, v->key->name);
	if (v->wit != NULL && cosigned == 0)
		return fail(v, "the checkpoint", "the checkpoint of size %"
		    PRIu64 " is not cosigned by %s", r->size, v->wit->name);
	return true;
}

static bool
verify_text(struct doc_verify *v, struct arena *ar, struct str bundle)
{
	struct str t = bundle, line;
	struct doc_rec *r = arena_alloc(ar, sizeof *r), *x;
	struct cand *c;
	mhash leaf;
	uint64_t index = 0;
	int nc = 0, cap = v->ncp + 64;
	int64_t ln = 1;
	bool found = false;

	c = xmalloc((size_t)cap * sizeof *c);
	for (int i = 0; i < v->ncp; i++)
		c[nc++] = (struct cand){ .note = v->cps[i], .from =
		    "published" };
	x = arena_alloc(ar, sizeof *x);
	(void)next_line(&t, &line);
	while (next_line(&t, &line)) {
		unsigned char *raw;
		size_t n = 0;

		ln++;
		if (str_starts(line, "checkpoint ")) {
			line.p += 11;
			line.len -= 11;
			if (!b64(ar, line, &raw, &n))
				continue;
			if (nc == cap) {
				cap *= 2;
				c = xrealloc(c, (size_t)cap * sizeof *c);
			}
			c[nc++] = (struct cand){ .note = { (char *)raw, n },
			    .from = arena_printf(ar, "the bundle's, line %"
			    PRId64, ln).p };
		} else if (!found && str_starts(line, "document ") &&
		    line.len > 9 + 64 && memcmp(line.p + 9, v->sha, 64) == 0) {
			line.p += 9;
			line.len -= 9;
			if (!doc_rec_parse(ar, line, x)) {
				free(c);
				return fail(v, "the document", "the bundle's "
				    "record of it (line %" PRId64 ") cannot be "
				    "read", ln);
			}
			*r = *x;
			found = true;
		}
	}
	for (int i = 0; i < nc; i++)
		if (!note_split(c[i].note, &c[i].text, &c[i].sigs))
			c[i].text = c[i].sigs = STR("");
	if (!found) {
		free(c);
		return fail(v, "the document", "its SHA-256 %s is that of no "
		    "document in the bundle: a byte of the file changed, or "
		    "the bundle does not hold this document", v->sha);
	}
	{
		const char *bad = doc_statement_check(v->key, r, v->kind,
		    &v->sel);

		if (bad != NULL) {
			free(c);
			return fail(v, "the signature", "%s", bad);
		}
	}
	v->event = r->event;
	v->size = r->size;
	if (r->event == 0) {
		free(c);
		return fail(v, "the event", "no event of the trail records "
		    "its hash");
	}
	if (!find_event(v, ar, bundle, r, leaf, &index) ||
	    !check_proof(v, c, nc, r, leaf, index)) {
		free(c);
		return false;
	}
	free(c);
	return true;
}

enum sel_err
app_doc_verify_text(struct doc_verify *v, struct str bundle, struct str pdf,
    char *err, size_t errsz)
{
	unsigned char h[32];
	struct arena *ar;
	struct str first = bundle;
	const char *e = memchr(bundle.p, '\n', bundle.len);

	v->failed = NULL;
	v->why[0] = v->kind[0] = v->action[0] = v->at[0] = '\0';
	v->sel = v->event = 0;
	v->size = 0;
	first.len = e != NULL ? (size_t)(e - bundle.p) : bundle.len;
	if (!str_eqc(first, "selter-log-bundle 1")) {
		snprintf(err, errsz, "not a bundle of `selter audit export`");
		return SEL_EINVAL;
	}
	if (v->key == NULL) {
		snprintf(err, errsz, "the log's public key is needed");
		return SEL_EINVAL;
	}
	crypto_hash_sha256(h, (const unsigned char *)pdf.p, pdf.len);
	sodium_bin2hex(v->sha, sizeof v->sha, h, sizeof h);
	ar = arena_new(1 << 16);
	(void)verify_text(v, ar, bundle);
	arena_destroy(ar);
	return SEL_OK;
}

/* The file at path, mapped; *len its size. */
static void *
map(const char *path, size_t *len, char *err, size_t errsz)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	void *m;

	if (fd < 0 || fstat(fd, &sb) != 0 || sb.st_size == 0) {
		snprintf(err, errsz, "%s: %s", path, fd < 0 ?
		    strerror(errno) : "empty");
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED) {
		snprintf(err, errsz, "%s: cannot be read", path);
		return NULL;
	}
	*len = (size_t)sb.st_size;
	return m;
}

enum sel_err
app_doc_verify(struct doc_verify *v, char *err, size_t errsz)
{
	size_t nb = 0, np = 0;
	void *b, *p;
	enum sel_err rc;

	if ((b = map(v->bundle, &nb, err, errsz)) == NULL)
		return SEL_EINVAL;
	if ((p = map(v->pdf, &np, err, errsz)) == NULL) {
		munmap(b, nb);
		return SEL_EINVAL;
	}
	rc = app_doc_verify_text(v, (struct str){ b, nb }, (struct str){ p,
	    np }, err, errsz);
	munmap(b, nb);
	munmap(p, np);
	return rc;
}
