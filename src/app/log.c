/*
 * log.c - the verifiable log in the application (log.h, docs/log.md):
 * keys, publications signed in their transaction, checkpoints signed
 * after the commit that published (and on demand, and at start), proofs
 * for the public pages, cosignatures stored.
 *
 * Checkpoints and cosignatures are statements about the trail, not
 * changes of the selection: they write no audit event (an event would
 * grow the trail they describe).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "app/app_int.h"
#include "app/log_int.h"
#include "base/arena.h"
#include "core/merkle.h"
#include "store/store_log.h"
#include "base/banned.h"

#define DEMO_ORIGIN	"demo.selter.local/log"

static enum sel_err
write_new(const char *path, mode_t mode, struct str text, char *err,
    size_t errsz)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	bool ok;

	if (fd < 0) {
		snprintf(err, errsz, "%s: %s", path, errno == EEXIST ?
		    "exists already (a key is never overwritten)" :
		    strerror(errno));
		return SEL_EINVAL;
	}
	ok = write(fd, text.p, text.len) == (ssize_t)text.len &&
	    fsync(fd) == 0;
	if (close(fd) != 0 || !ok) {
		snprintf(err, errsz, "%s: cannot be written", path);
		return SEL_EINTERNAL;
	}
	return SEL_OK;
}

enum sel_err
app_key_make(const char *path, struct str name, unsigned char type,
    struct note_key *k, char *err, size_t errsz)
{
	unsigned char seed[32];
	char pub[1024];
	struct buf b;
	enum sel_err rc;

	if (!note_name_ok(name)) {
		snprintf(err, errsz, "name: \"%.*s\" is not a key name (1 to "
		    "127 printable characters, no space, no '+')",
		    (int)(name.len > 130 ? 130 : name.len), name.p);
		return SEL_EINVAL;
	}
	if (snprintf(pub, sizeof pub, "%s.pub", path) >= (int)sizeof pub) {
		snprintf(err, errsz, "%s: too long", path);
		return SEL_EINVAL;
	}
	randombytes_buf(seed, sizeof seed);
	(void)note_key_from_seed(k, name, type, seed);
	sodium_memzero(seed, sizeof seed);
	buf_init(&b, 4096);
	note_skey_text(k, &b);
	buf_puts(&b, "\n");
	rc = write_new(path, 0600, buf_str(&b), err, errsz);
	sodium_memzero(b.p, b.len);
	buf_reset(&b);
	note_vkey_text(k, &b);
	buf_puts(&b, "\n");
	if (rc == SEL_OK)
		rc = write_new(pub, 0644, buf_str(&b), err, errsz);
	buf_release(&b);
	return rc;
}

/* Reads at most 4 KiB of a key file into t. */
static enum sel_err
read_key(const char *path, bool secret, char *t, size_t tsz, char *err,
    size_t errsz)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	ssize_t n;

	if (fd < 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return SEL_EINVAL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(err, errsz, "%s: not a file", path);
		return SEL_EINVAL;
	}
	if (secret && (st.st_mode & 077) != 0) {
		close(fd);
		snprintf(err, errsz, "%s: the secret key may be read by group "
		    "or others (mode %04o); it must be 0600: chmod 600 %s",
		    path, (unsigned)(st.st_mode & 07777), path);
		return SEL_EINVAL;
	}
	n = read(fd, t, tsz - 1);
	close(fd);
	if (n < 0) {
		snprintf(err, errsz, "%s: cannot be read", path);
		return SEL_EINVAL;
	}
	t[n] = '\0';
	return SEL_OK;
}

enum sel_err
app_key_secret(const char *path, struct note_key *k, char *err, size_t errsz)
{
	char t[4096];
	enum sel_err rc = read_key(path, true, t, sizeof t, err, errsz);

	if (rc == SEL_OK && !note_skey_parse(str_c(t), k)) {
		snprintf(err, errsz, "%s: not a secret key of `selter keys` "
		    "(PRIVATE+KEY+NAME+ID+KEY)", path);
		rc = SEL_EINVAL;
	}
	sodium_memzero(t, sizeof t);
	return rc;
}

enum sel_err
app_key_public(const char *s, struct note_key *k, char *err, size_t errsz)
{
	char t[4096];
	enum sel_err rc;

	if (note_vkey_parse(str_c(s), k))
		return SEL_OK;
	if ((rc = read_key(s, false, t, sizeof t, err, errsz)) != SEL_OK)
		return rc;
	if (!note_vkey_parse(str_c(t), k)) {
		snprintf(err, errsz, "%s: not a public key of `selter keys` "
		    "(NAME+ID+KEY)", s);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

enum sel_err
app_log_open(struct app *a, const struct app_config *cf, char *err,
    size_t errsz)
{
	struct app_log *l = xmalloc(sizeof *l);
	char path[1024];
	enum sel_err rc = SEL_OK;

	memset(l, 0, sizeof *l);
	atomic_init(&l->due, false);
	a->log = l;
	if (cf->signing_key != NULL && cf->signing_key[0] != '\0') {
		rc = app_key_secret(cf->signing_key, &l->key, err, errsz);
	} else if (cf->demo) {
		/* The demo signs with a key of its own beside its store
		   (a PostgreSQL store's: beside its files). */
		snprintf(path, sizeof path, "%s.key",
		    store_location_pg(cf->db_path) ? a->files_dir :
		    cf->db_path);
		if (access(path, F_OK) != 0)
			rc = app_key_make(path, STR(DEMO_ORIGIN), NOTE_ED25519,
			    &l->key, err, errsz);
		if (rc == SEL_OK)
			rc = app_key_secret(path, &l->key, err, errsz);
	}
	if (rc != SEL_OK)
		return rc;
	l->signing = l->key.secret;
	if (l->signing && l->key.type != NOTE_ED25519) {
		snprintf(err, errsz, "signing_key: a witness's key (made with "
		    "`selter keys --witness`), not a log's");
		return SEL_EINVAL;
	}
	if (cf->witness_key != NULL && cf->witness_key[0] != '\0') {
		if ((rc = app_key_public(cf->witness_key, &l->witness, err,
		    errsz)) != SEL_OK)
			return rc;
		if (l->witness.type != NOTE_COSIG) {
			snprintf(err, errsz, "witness_key: not a witness's key "
			    "(made with `selter keys --witness`)");
			return SEL_EINVAL;
		}
		l->has_witness = true;
	}
	return SEL_OK;
}

void
app_log_close(struct app *a)
{
	if (a->log == NULL)
		return;
	sodium_memzero(a->log, sizeof *a->log);
	free(a->log);
	a->log = NULL;
}

bool
app_log_key(const struct app *a, struct note_key *k)
{
	if (a->log == NULL || !a->log->signing)
		return false;
	*k = a->log->key;
	sodium_memzero(k->sk, sizeof k->sk);
	k->secret = false;
	return true;
}

bool
app_log_witness(const struct app *a, struct note_key *k)
{
	if (a->log == NULL || !a->log->has_witness)
		return false;
	*k = a->log->witness;
	return true;
}

enum sel_err
app_pub_sign(struct app *a, struct stx *tx, struct arena *ar,
    const struct s_publication *p, int64_t id)
{
	unsigned char h[32];
	char hex[65];
	struct buf b;
	struct str text;
	enum sel_err rc;

	if (a->log == NULL || !a->log->signing)
		return SEL_OK;
	crypto_hash_sha256(h, (const unsigned char *)p->body.p, p->body.len);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	buf_init(&b, 1 << 16);
	buf_printf(&b, "%s\npublication %" PRId64 "\nselection %" PRId64
	    "\nkind %s\npublished %.*s\nsha256 %s\n", a->log->key.name, id,
	    p->selection_id, pub_kind_name(p->kind), (int)p->published_at.len,
	    p->published_at.p, hex);
	text = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_puts(&b, "\n");
	note_sign(&a->log->key, text, &b);
	rc = b.err != SEL_OK ? SEL_ENOMEM : store_pub_sig_add(tx, id,
	    buf_str(&b));
	buf_release(&b);
	if (rc == SEL_OK)
		atomic_store(&a->log->due, true);
	return rc;
}

struct leaves {
	struct merkle_acc acc;
	mhash		 root;		/* of the n leaves read */
	mhash		*v;		/* NULL: only the root */
	uint64_t	 n, cap;
	struct buf	 b;
};

static bool
leaf_cb(void *arg, const struct s_event *e)
{
	struct leaves *l = arg;
	mhash leaf;

	buf_reset(&l->b);
	store_event_bytes(e, &l->b);
	if (l->b.err != SEL_OK)
		return false;
	merkle_acc_leaf(&l->acc, l->b.p, l->b.len, leaf);
	merkle_acc_add(&l->acc, leaf);
	if (l->v != NULL) {
		if (l->n == l->cap) {
			l->cap *= 2;
			l->v = xrealloc(l->v, l->cap * sizeof *l->v);
		}
		memcpy(l->v[l->n], leaf, sizeof leaf);
	}
	l->n++;
	return true;
}

/* The first max leaves of the trail (all of them: INT64_MAX), their
   root; keep: each leaf hash too (l->v, the caller frees it). */
static enum sel_err
leaves_read(struct stx *tx, int64_t max, bool keep, struct leaves *l)
{
	enum sel_err rc;

	memset(l, 0, sizeof *l);
	merkle_acc_init(&l->acc);
	buf_init(&l->b, 64 << 20);
	if (keep) {
		l->cap = 1024;
		l->v = xmalloc(l->cap * sizeof *l->v);
	}
	rc = store_event_each(tx, max, leaf_cb, l);
	buf_release(&l->b);
	if (rc == SEL_OK && l->n != l->acc.n)
		rc = SEL_ESTORE;
	merkle_acc_root(&l->acc, l->root);
	merkle_acc_free(&l->acc);
	return rc;
}

/* The checkpoint of the trail as tx sees it, unless the last one has
   its size already: *note the newest either way. */
static enum sel_err
checkpoint_tx(struct app *a, struct stx *tx, struct arena *ar,
    struct str *note, bool *made)
{
	struct s_checkpoint last, c;
	struct leaves l;
	struct buf b;
	struct str text;
	enum sel_err rc;
	int64_t id;

	*made = false;
	if ((rc = leaves_read(tx, INT64_MAX, false, &l)) != SEL_OK)
		return rc;
	rc = store_checkpoint_last(tx, ar, &last);
	if (rc == SEL_OK && (uint64_t)last.size == l.n) {
		*note = last.note;
		return SEL_OK;
	}
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	memset(&c, 0, sizeof c);
	c.size = (int64_t)l.n;
	memcpy(c.root, l.root, 32);
	c.at = app_iso(ar, app_now(a));
	buf_init(&b, 1 << 16);
	ckpt_text(&b, str_c(a->log->key.name), l.n, c.root, c.at);
	text = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_puts(&b, "\n");
	note_sign(&a->log->key, text, &b);
	c.note = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	if ((rc = store_checkpoint_add(tx, &c, &id)) == SEL_OK) {
		*note = c.note;
		*made = true;
	}
	return rc;
}

enum sel_err
app_log_checkpoint(struct app *a, struct arena *ar, struct str *note,
    bool *made)
{
	struct stx *tx;
	enum sel_err rc;

	*made = false;
	if (a->log == NULL || !a->log->signing)
		return SEL_EPERM;
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	if ((rc = checkpoint_tx(a, tx, ar, note, made)) != SEL_OK ||
	    !*made) {
		store_abort(a->st, tx);
		return rc;
	}
	if ((rc = store_commit(a->st, tx)) == SEL_OK)
		atomic_fetch_add(&a->gen, 1);
	else
		*made = false;
	return rc;
}

enum sel_err
app_log_before_commit(struct app *a, struct stx *tx)
{
	struct arena *ar;
	struct str note;
	enum sel_err rc;
	bool made;

	if (a->log == NULL || !a->log->signing ||
	    !atomic_exchange(&a->log->due, false))
		return SEL_OK;
	ar = arena_new(1 << 14);
	rc = checkpoint_tx(a, tx, ar, &note, &made);
	arena_destroy(ar);
	if (rc != SEL_OK)
		atomic_store(&a->log->due, true);
	return rc;
}

void
app_log_cp_text(struct stx *tx, struct arena *ar, const struct s_checkpoint *c,
    struct buf *b)
{
	struct s_cosig *v;
	size_t n = 0;

	buf_putstr(b, c->note);
	if (store_cosigs(tx, ar, c->id, &v, &n) != SEL_OK)
		n = 0;
	for (size_t i = 0; i < n; i++) {
		buf_putstr(b, v[i].line);
		buf_puts(b, "\n");
	}
}

enum sel_err
app_log_checkpoints(struct app *a, struct arena *ar, bool all,
    struct str *text)
{
	struct s_checkpoint *v = NULL, last;
	size_t n = 0;
	struct stx *tx;
	struct buf b;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	if (all)
		rc = store_checkpoints(tx, ar, &v, &n);
	else if ((rc = store_checkpoint_last(tx, ar, &last)) == SEL_OK) {
		v = &last;
		n = 1;
	}
	if (rc == SEL_OK && n == 0)
		rc = SEL_ENOENT;
	buf_init(&b, 256 << 20);
	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		if (i > 0)
			buf_puts(&b, "\n");
		app_log_cp_text(tx, ar, &v[i], &b);
	}
	store_abort(a->st, tx);
	if (rc == SEL_OK && b.err != SEL_OK)
		rc = SEL_ENOMEM;
	if (rc == SEL_OK)
		*text = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return rc;
}

static void
b64_line(struct buf *b, const mhash h)
{
	char s[64];

	sodium_bin2base64(s, sizeof s, h, MERKLE_HASH,
	    sodium_base64_VARIANT_ORIGINAL);
	buf_printf(b, "%s\n", s);
}

/* The first size leaves, size checked against the trail. */
static enum sel_err
leaves_upto(struct app *a, int64_t size, struct leaves *l, char *err,
    size_t errsz)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = leaves_read(tx, size, true, l);
	store_abort(a->st, tx);
	if (rc == SEL_OK && l->n != (uint64_t)size) {
		snprintf(err, errsz, "the trail holds %" PRIu64 " events, not "
		    "%" PRId64, l->n, size);
		rc = SEL_EINVAL;
	}
	if (rc != SEL_OK) {
		free(l->v);
		l->v = NULL;
	}
	return rc;
}

enum sel_err
app_log_proof(struct app *a, struct arena *ar, int64_t old, int64_t size,
    struct str *text, char *err, size_t errsz)
{
	mhash proof[MERKLE_MAXPROOF];
	struct leaves l;
	struct buf b;
	size_t len;
	enum sel_err rc;

	if (old < 1 || size < old) {
		snprintf(err, errsz, "the sizes must be 0 < old <= new");
		return SEL_EINVAL;
	}
	if ((rc = leaves_upto(a, size, &l, err, errsz)) != SEL_OK)
		return rc;
	(void)merkle_consistency(l.v, (uint64_t)size, (uint64_t)old, proof,
	    &len);
	free(l.v);
	buf_init(&b, 1 << 16);
	for (size_t i = 0; i < len; i++)
		b64_line(&b, proof[i]);
	*text = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return SEL_OK;
}

enum sel_err
app_log_inclusion(struct app *a, struct arena *ar, int64_t id, int64_t size,
    struct str *text, char *err, size_t errsz)
{
	mhash proof[MERKLE_MAXPROOF];
	struct leaves l;
	struct buf b;
	size_t len;
	enum sel_err rc;

	if (id < 1 || size < id) {
		snprintf(err, errsz, "the event must be one of the tree: 0 < "
		    "event <= size");
		return SEL_EINVAL;
	}
	if ((rc = leaves_upto(a, size, &l, err, errsz)) != SEL_OK)
		return rc;
	(void)merkle_inclusion(l.v, (uint64_t)size, (uint64_t)(id - 1), proof,
	    &len);
	buf_init(&b, 1 << 16);
	b64_line(&b, l.v[id - 1]);
	free(l.v);
	for (size_t i = 0; i < len; i++)
		b64_line(&b, proof[i]);
	*text = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return SEL_OK;
}

enum sel_err
app_log_pub_note(struct app *a, struct arena *ar, int64_t pub,
    struct str *note)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_pub_sig(tx, ar, pub, note);
	store_abort(a->st, tx);
	return rc;
}

/* The line of sigs that is w's valid cosignature over text. */
static bool
cosig_line(const struct note_key *w, struct str text, struct str sigs,
    struct str *line)
{
	for (const char *p = sigs.p, *end = sigs.p + sigs.len; p < end;) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		struct str l = { p, (size_t)((e != NULL ? e : end) - p) };
		uint64_t t;

		p = e != NULL ? e + 1 : end;
		if (note_cosig_verify(w, text, l, &t) == 1) {
			*line = l;
			return true;
		}
	}
	return false;
}

enum sel_err
app_log_cosign(struct app *a, struct arena *ar, struct str cosigned,
    const struct note_key *w, char *err, size_t errsz)
{
	struct s_checkpoint *v;
	struct s_cosig c;
	struct str text, sigs, t2, s2, origin;
	uint64_t size;
	mhash root;
	size_t n;
	struct stx *tx;
	enum sel_err rc;

	if (w == NULL && (a->log == NULL || !a->log->has_witness)) {
		snprintf(err, errsz, "no witness key: set witness_key (the "
		    "oversight body's public key)");
		return SEL_EINVAL;
	}
	if (w == NULL)
		w = &a->log->witness;
	if (!note_split(cosigned, &text, &sigs) || !ckpt_parse(text, &origin,
	    &size, root)) {
		snprintf(err, errsz, "not a cosigned checkpoint (a signed "
		    "note)");
		return SEL_EINVAL;
	}
	memset(&c, 0, sizeof c);
	if (!cosig_line(w, text, sigs, &c.line)) {
		snprintf(err, errsz, "the checkpoint of size %" PRIu64 " has no "
		    "valid cosignature by %s (key %08" PRIx32 ")", size,
		    w->name, w->id);
		return SEL_EINVAL;
	}
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	if ((rc = store_checkpoints(tx, ar, &v, &n)) != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	for (size_t i = 0; i < n && c.checkpoint_id == 0; i++)
		if (note_split(v[i].note, &t2, &s2) && str_eq(t2, text))
			c.checkpoint_id = v[i].id;
	if (c.checkpoint_id == 0) {
		store_abort(a->st, tx);
		snprintf(err, errsz, "the checkpoint of size %" PRIu64 " is not "
		    "one this log signed", size);
		return SEL_EINVAL;
	}
	c.witness = str_c(w->name);
	c.at = app_iso(ar, app_now(a));
	if ((rc = store_cosig_add(tx, &c)) == SEL_EINVAL)
		snprintf(err, errsz, "%s has cosigned the checkpoint of size %"
		    PRIu64 " already", w->name, size);
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	if ((rc = store_commit(a->st, tx)) == SEL_OK)
		atomic_fetch_add(&a->gen, 1);
	return rc;
}

static size_t
http_cb(char *p, size_t size, size_t n, void *arg)
{
	struct buf *b = arg;

	buf_put(b, p, size * n);
	return b->err == SEL_OK ? size * n : 0;
}

enum sel_err
app_http_get(const char *url, struct buf *b, char *err, size_t errsz)
{
	CURL *c = curl_easy_init();
	CURLcode r;
	long code = 0;

	if (c == NULL) {
		snprintf(err, errsz, "libcurl failed to start");
		return SEL_EINTERNAL;
	}
	r = curl_easy_setopt(c, CURLOPT_URL, url);
	if (r == CURLE_OK)
		r = curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	if (r == CURLE_OK)
		r = curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, http_cb);
	if (r == CURLE_OK)
		r = curl_easy_setopt(c, CURLOPT_WRITEDATA, b);
	if (r == CURLE_OK)
		r = curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	if (r == CURLE_OK)
		r = curl_easy_perform(c);
	if (r == CURLE_OK)
		r = curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(c);
	if (r != CURLE_OK || code != 200) {
		snprintf(err, errsz, "%s: %s", url, r != CURLE_OK ?
		    curl_easy_strerror(r) : code == 404 ? "not found (404)" :
		    "the server answered with an error");
		return SEL_EINVAL;
	}
	return b->err == SEL_OK ? SEL_OK : SEL_ENOMEM;
}
