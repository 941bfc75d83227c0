/*
 * store_docs.c - the applicants' documents: their rows (history kept,
 * one current per item), each selection's limits, and the files named by
 * their SHA-256 outside the database.
 *
 * A file reaches its name only complete and on disk: written to a
 * temporary file in the same directory, synced, then renamed, and the
 * directories synced, so a crash leaves either no file or the whole one.
 * The row that names it is written after, in the caller's transaction.
 * A temporary file is locked (flock) while its upload lives, so what a
 * killed process left is told from an upload in flight and swept.
 */
#define _GNU_SOURCE	/* O_DIRECT */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <sodium.h>

#include "base/arena.h"
#include "base/ckd.h"
#include "store/store.h"
#include "store/store_int.h"
#include "base/banned.h"

#define DOC_COLS "id, account_id, item_id, sha256, size, mime, name, " \
	"dated, stamped, uploaded_at, replaces, current"

static void
doc_row(struct arena *ar, struct sq *q, struct s_document *d)
{
	d->id = sq_col_i64(q, 0);
	d->account_id = sq_col_i64(q, 1);
	d->item_id = sq_col_str(ar, q, 2);
	d->sha256 = sq_col_str(ar, q, 3);
	d->size = sq_col_i64(q, 4);
	d->mime = sq_col_str(ar, q, 5);
	d->name = sq_col_str(ar, q, 6);
	d->dated = sq_col_str(ar, q, 7);
	d->stamped = sq_col_i64(q, 8) != 0;
	d->uploaded_at = sq_col_str(ar, q, 9);
	d->replaces = sq_col_null(q, 10) ? 0 : sq_col_i64(q, 10);
	d->current = sq_col_i64(q, 11) != 0;
}

enum sel_err
store_doc_add(struct stx *tx, struct s_document *d)
{
	struct sq *q = db_sq(DB(tx), "UPDATE document SET current = 0 "
	    "WHERE account_id = ?1 AND item_id = ?2 AND current = 1 "
	    "RETURNING id");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, d->account_id);
	sq_text(q, 2, d->item_id);
	d->replaces = 0;
	rc = sq_step(q);
	if (rc == SQ_ROW)
		d->replaces = sq_col_i64(q, 0);
	sq_done(q);
	if (rc != SQ_ROW && rc != SQ_DONE)
		return SEL_ESTORE;
	q = db_sq(DB(tx), "INSERT INTO document (account_id, item_id, sha256, "
	    "size, mime, name, dated, stamped, uploaded_at, replaces) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id");
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, d->account_id);
	sq_text(q, 2, d->item_id);
	sq_text(q, 3, d->sha256);
	sq_i64(q, 4, d->size);
	sq_text(q, 5, d->mime);
	sq_text(q, 6, d->name);
	sq_text(q, 7, d->dated);
	sq_i64(q, 8, d->stamped);
	sq_text(q, 9, d->uploaded_at);
	if (d->replaces != 0)
		sq_i64(q, 10, d->replaces);
	else
		sq_null(q, 10);
	d->current = true;
	return sq_run_id(q, &d->id);
}

enum sel_err
store_doc_get(struct stx *tx, struct arena *ar, int64_t id,
    struct s_document *d)
{
	struct sq *q = db_sq(DB(tx), "SELECT " DOC_COLS " FROM document "
	    "WHERE id = ?1");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	rc = sq_step(q);
	if (rc == SQ_ROW)
		doc_row(ar, q, d);
	sq_done(q);
	if (rc == SQ_ROW)
		return SEL_OK;
	return rc == SQ_DONE ? SEL_ENOENT : SEL_ESTORE;
}

enum sel_err
store_docs(struct stx *tx, struct arena *ar, int64_t account_id,
    struct s_document **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " DOC_COLS " FROM document "
	    "WHERE account_id = ?1 ORDER BY id DESC");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	COLLECT(ar, q, struct s_document, out, n, doc_row);
}

/* ---- limits ---- */

enum sel_err
store_doc_limit_get(struct stx *tx, int64_t sel, struct str item,
    int64_t *max_bytes, unsigned *types)
{
	struct sq *q = db_sq(DB(tx), "SELECT max_bytes, types FROM doc_limit "
	    "WHERE selection_id = ?1 AND item_id = ?2");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, item);
	rc = sq_step(q);
	if (rc == SQ_ROW) {
		*max_bytes = sq_col_i64(q, 0);
		*types = (unsigned)sq_col_i64(q, 1);
	}
	sq_done(q);
	if (rc == SQ_ROW)
		return SEL_OK;
	return rc == SQ_DONE ? SEL_ENOENT : SEL_ESTORE;
}

enum sel_err
store_doc_limit_set(struct stx *tx, int64_t sel, struct str item,
    int64_t max_bytes, unsigned types)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO doc_limit (selection_id, "
	    "item_id, max_bytes, types) VALUES (?1, ?2, ?3, ?4) "
	    "ON CONFLICT (selection_id, item_id) DO UPDATE SET "
	    "max_bytes = excluded.max_bytes, types = excluded.types");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, item);
	sq_i64(q, 3, max_bytes);
	sq_i64(q, 4, (int64_t)types);
	return sq_run(q);
}

enum sel_err
store_doc_limit_max(struct stx *tx, int64_t *max_bytes)
{
	struct sq *q = db_sq(DB(tx), "SELECT coalesce(max(max_bytes), 0) "
	    "FROM doc_limit");

	if (q == NULL)
		return SEL_ESTORE;
	return sq_run_id(q, max_bytes);
}

/* ---- the files ---- */

#define BLOB_PATH	1024
#define BLOB_ALIGN	4096		/* O_DIRECT: address, length, offset */

#define BLOB_TMP	".upload-"	/* then mkstemp's six characters */

/*
 * Two buffers: the event thread fills buf[cur] while a worker writes
 * (and hashes) the other, handed over full; busy says it is not back yet.
 * mu and cv guard busy, waiting and werr.
 */
struct store_blob {
	char		 dir[BLOB_PATH];
	char		 tmp[BLOB_PATH];	/* "" once removed or kept */
	int		 fd;		/* holds the lock until keep or drop */
	bool		 synced;	/* finished: no more writes */
	bool		 direct;	/* O_DIRECT: no copy into the page cache */
	EVP_MD_CTX	*h;		/* OpenSSL: SHA-NI where the CPU has it */
	unsigned char	*buf[2];	/* STORE_BLOB_BUF each, aligned */
	int		 cur;
	size_t		 fill;		/* of buf[cur] */
	unsigned char	*pending;	/* the full one handed over */
	int64_t		 off;		/* the file's length written */
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	bool		 busy, waiting, handed;
	bool		 live;		/* mu and cv made, not yet destroyed */
	enum sel_err	 werr;		/* sticky: a worker's write failed */
	char		 hex[65];
	int64_t		 size;
};

/* Makes dir if missing; *made tells whether it was made now. */
static enum sel_err
dir_make(const char *dir, bool *made)
{
	*made = mkdir(dir, 0700) == 0;
	if (*made || errno == EEXIST)
		return SEL_OK;
	return SEL_EIO;
}

/* Makes a directory entry durable: syncs the directory itself. */
static enum sel_err
dir_sync(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	enum sel_err rc = SEL_OK;

	if (fd < 0)
		return SEL_EIO;
	if (fsync(fd) != 0)
		rc = SEL_EIO;
	close(fd);
	return rc;
}

static unsigned char *
aligned(struct arena *ar)
{
	unsigned char *p = arena_alloc(ar, STORE_BLOB_BUF + BLOB_ALIGN);

	return p + (BLOB_ALIGN - (uintptr_t)p % BLOB_ALIGN) % BLOB_ALIGN;
}

enum sel_err
store_blob_open(struct arena *ar, const char *dir, struct store_blob **out)
{
	static const char six_x[] = { 'X', 'X', 'X', 'X', 'X', 'X', '\0' };
	struct store_blob *b = arena_alloc(ar, sizeof *b);
	bool made;
	int n, fl;

	memset(b, 0, sizeof *b);
	b->fd = -1;
	n = snprintf(b->dir, sizeof b->dir, "%s", dir);
	if (n <= 0 || (size_t)n >= sizeof b->dir)
		return SEL_ERANGE;
	/* mkstemp's template: six capital X, filled in by mkstemp. */
	n = snprintf(b->tmp, sizeof b->tmp, "%s/" BLOB_TMP "%.6s", dir,
	    six_x);
	if (n <= 0 || (size_t)n >= sizeof b->tmp)
		return SEL_ERANGE;
	if (dir_make(dir, &made) != SEL_OK)
		return SEL_EIO;
	b->h = EVP_MD_CTX_new();
	if (b->h == NULL || EVP_DigestInit_ex(b->h, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(b->h);
		b->h = NULL;
		b->tmp[0] = '\0';
		return SEL_EIO;
	}
	b->fd = mkstemp(b->tmp);	/* mode 0600, a fresh name */
	if (b->fd < 0) {
		EVP_MD_CTX_free(b->h);
		b->h = NULL;
		b->tmp[0] = '\0';
		return SEL_EIO;
	}
	/* Fresh, so never held; without flock support the sweep skips it. */
	(void)flock(b->fd, LOCK_EX | LOCK_NB);
	/* Where the file system has no O_DIRECT (tmpfs), through the cache. */
	fl = fcntl(b->fd, F_GETFL);
	b->direct = fl >= 0 && fcntl(b->fd, F_SETFL, fl | O_DIRECT) == 0;
	b->buf[0] = aligned(ar);
	b->buf[1] = aligned(ar);
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->cv, NULL);
	b->live = true;
	*out = b;
	return SEL_OK;
}

/* Writes len bytes of p at the file's end. */
static enum sel_err
blob_write_at(struct store_blob *b, const unsigned char *p, size_t len)
{
	while (len > 0) {
		ssize_t w = pwrite(b->fd, p, len, (off_t)b->off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return SEL_EIO;
		p += w;
		len -= (size_t)w;
		b->off += w;
	}
	return SEL_OK;
}

/* Hashes and writes len bytes of p at the file's end. */
static enum sel_err
blob_put(struct store_blob *b, const unsigned char *p, size_t len)
{
	if (EVP_DigestUpdate(b->h, p, len) != 1)
		return SEL_EIO;
	if (b->direct && len % BLOB_ALIGN != 0) {	/* the tail */
		size_t head = len - len % BLOB_ALIGN;
		int fl;

		if (head > 0 && blob_write_at(b, p, head) != SEL_OK)
			return SEL_EIO;
		p += head;
		len -= head;
		fl = fcntl(b->fd, F_GETFL);
		b->direct = false;
		if (fl < 0 || fcntl(b->fd, F_SETFL, fl & ~O_DIRECT) != 0)
			return SEL_EIO;
		return blob_write_at(b, p, len);
	}
	return blob_write_at(b, p, len);
}

/* Waits until no buffer is with a worker. */
static void
blob_idle(struct store_blob *b)
{
	pthread_mutex_lock(&b->mu);
	while (b->busy)
		pthread_cond_wait(&b->cv, &b->mu);
	pthread_mutex_unlock(&b->mu);
}

enum sel_err
store_blob_write(struct store_blob *b, const void *p, size_t n)
{
	const unsigned char *s = p;

	enum sel_err rc;

	if (b->fd < 0 || b->synced)
		return SEL_EINTERNAL;
	pthread_mutex_lock(&b->mu);
	rc = b->werr;		/* a worker's write failed: stop here */
	pthread_mutex_unlock(&b->mu);
	if (rc != SEL_OK)
		return rc;
	if (ckd_add(&b->size, b->size, (int64_t)n))
		return SEL_ERANGE;
	while (n > 0) {
		size_t k = STORE_BLOB_BUF - b->fill < n ? STORE_BLOB_BUF -
		    b->fill : n;
		bool hand;

		memcpy(b->buf[b->cur] + b->fill, s, k);
		b->fill += k;
		s += k;
		n -= k;
		if (b->fill < STORE_BLOB_BUF)
			break;
		pthread_mutex_lock(&b->mu);
		if ((hand = !b->busy)) {  /* else the caller broke the rule */
			b->busy = b->handed = true;
			b->pending = b->buf[b->cur];
		}
		pthread_mutex_unlock(&b->mu);
		if (!hand)
			return SEL_EINTERNAL;
		b->cur ^= 1;
		b->fill = 0;
	}
	return SEL_OK;
}

bool
store_blob_must_wait(struct store_blob *b, size_t n, bool commit)
{
	bool wait;

	if (!b->live)
		return false;
	pthread_mutex_lock(&b->mu);
	/* n of the form's bytes, and what the parser may hold back. */
	wait = b->busy && b->fill + n + 8192 >= STORE_BLOB_BUF;
	if (wait && commit)
		b->waiting = true;
	pthread_mutex_unlock(&b->mu);
	return wait;
}

bool
store_blob_handed(struct store_blob *b)
{
	bool h;

	if (!b->live)
		return false;
	pthread_mutex_lock(&b->mu);
	h = b->handed;
	b->handed = false;
	pthread_mutex_unlock(&b->mu);
	return h;
}

bool
store_blob_drain(struct store_blob *b)
{
	enum sel_err rc;
	unsigned char *p;
	bool wake;

	pthread_mutex_lock(&b->mu);
	p = b->pending;
	pthread_mutex_unlock(&b->mu);
	rc = blob_put(b, p, STORE_BLOB_BUF);

	pthread_mutex_lock(&b->mu);
	if (rc != SEL_OK)
		b->werr = rc;
	b->busy = false;
	wake = b->waiting;
	b->waiting = false;
	pthread_cond_broadcast(&b->cv);
	pthread_mutex_unlock(&b->mu);
	return wake;
}

enum sel_err
store_blob_finish(struct store_blob *b, char hex[65], int64_t *size)
{
	unsigned char h[EVP_MAX_MD_SIZE];
	unsigned hn = 0;
	enum sel_err rc;

	if (b->fd < 0 || b->synced)
		return SEL_EINTERNAL;
	blob_idle(b);
	rc = b->werr;
	if (rc == SEL_OK && b->fill > 0)
		rc = blob_put(b, b->buf[b->cur], b->fill);
	b->fill = 0;
	if (EVP_DigestFinal_ex(b->h, h, &hn) != 1 || hn != 32)
		rc = SEL_EIO;
	EVP_MD_CTX_free(b->h);
	b->h = NULL;
	sodium_bin2hex(b->hex, sizeof b->hex, h, 32);
	if (fsync(b->fd) != 0)
		rc = SEL_EIO;
	b->synced = true;	/* open still: the lock stays until keep */
	memcpy(hex, b->hex, sizeof b->hex);
	*size = b->size;
	return rc;
}

static void
blob_close(struct store_blob *b)
{
	if (b->live) {		/* no worker has it now: finish waited */
		blob_idle(b);
		pthread_cond_destroy(&b->cv);
		pthread_mutex_destroy(&b->mu);
		b->live = false;
	}
	if (b->fd >= 0)
		close(b->fd);	/* synced or removed: nothing to lose */
	b->fd = -1;
}

enum sel_err
store_blob_keep(struct store_blob *b)
{
	char sub[BLOB_PATH], dst[BLOB_PATH];
	struct stat st;
	bool made;
	int n;

	if (!b->synced || b->hex[0] == '\0' || b->tmp[0] == '\0')
		return SEL_EINTERNAL;
	n = snprintf(sub, sizeof sub, "%s/%.2s", b->dir, b->hex);
	if (n <= 0 || (size_t)n >= sizeof sub)
		return SEL_ERANGE;
	n = snprintf(dst, sizeof dst, "%s/%s", sub, b->hex + 2);
	if (n <= 0 || (size_t)n >= sizeof dst)
		return SEL_ERANGE;
	if (dir_make(sub, &made) != SEL_OK)
		return SEL_EIO;
	if (made && dir_sync(b->dir) != SEL_OK)	/* the new entry "ab" */
		return SEL_EIO;
	if (lstat(dst, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size == b->size) {
		unlink(b->tmp);		/* the same content is kept once */
		b->tmp[0] = '\0';
		blob_close(b);
		return dir_sync(sub);	/* its keeper may not have synced */
	}
	if (rename(b->tmp, dst) != 0)
		return SEL_EIO;
	b->tmp[0] = '\0';
	blob_close(b);		/* no temporary file now: the lock may go */
	return dir_sync(sub);
}

void
store_blob_drop(struct store_blob *b)
{
	if (b == NULL)
		return;
	if (b->live)
		blob_idle(b);	/* a worker may be writing a buffer */
	EVP_MD_CTX_free(b->h);
	b->h = NULL;
	if (b->tmp[0] != '\0')
		unlink(b->tmp);	/* before the lock goes with the close */
	b->tmp[0] = '\0';
	blob_close(b);
}

/* One temporary file: removed unless an upload holds its lock. */
static enum sel_err
sweep_one(const char *dir, const char *name, int *n)
{
	char path[BLOB_PATH];
	struct stat st;
	enum sel_err rc = SEL_OK;
	int k, fd;

	k = snprintf(path, sizeof path, "%s/%s", dir, name);
	if (k <= 0 || (size_t)k >= sizeof path)
		return SEL_ERANGE;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? SEL_OK : SEL_EIO;
	if (fstat(fd, &st) != 0) {
		rc = SEL_EIO;
	} else if (S_ISREG(st.st_mode)) {	/* else not ours: left alone */
		if (flock(fd, LOCK_EX | LOCK_NB) != 0)	/* held: in flight */
			rc = errno == EWOULDBLOCK ? SEL_OK : SEL_EIO;
		else if (unlink(path) == 0)
			(*n)++;
		else if (errno != ENOENT)
			rc = SEL_EIO;
	}
	close(fd);
	return rc;
}

enum sel_err
store_blob_sweep(const char *dir, int *removed)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	enum sel_err rc = SEL_OK;
	int n = 0;

	if (d == NULL && errno == ENOENT) {
		*removed = 0;		/* no upload yet */
		return SEL_OK;
	}
	if (d == NULL)
		return SEL_EIO;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, BLOB_TMP, strlen(BLOB_TMP)) == 0 &&
		    strlen(de->d_name) == strlen(BLOB_TMP) + 6 &&
		    sweep_one(dir, de->d_name, &n) != SEL_OK)
			rc = SEL_EIO;
	closedir(d);
	if (n > 0 && dir_sync(dir) != SEL_OK)
		rc = SEL_EIO;
	if (rc == SEL_OK)
		*removed = n;
	return rc;
}

static bool
hex64(struct str s)
{
	if (s.len != 64)
		return false;
	for (size_t i = 0; i < s.len; i++)
		if (!((s.p[i] >= '0' && s.p[i] <= '9') ||
		    (s.p[i] >= 'a' && s.p[i] <= 'f')))
			return false;
	return true;
}

enum sel_err
store_blob_read(const char *dir, struct str sha, int *fd, int64_t *size)
{
	char path[BLOB_PATH];
	struct stat st;
	int n, f;

	if (!hex64(sha))
		return SEL_ENOENT;
	n = snprintf(path, sizeof path, "%s/%.2s/%.62s", dir, sha.p,
	    sha.p + 2);
	if (n <= 0 || (size_t)n >= sizeof path)
		return SEL_ERANGE;
	f = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (f < 0)
		return SEL_ENOENT;
	if (fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(f);
		return SEL_ENOENT;
	}
	*fd = f;
	*size = (int64_t)st.st_size;
	return SEL_OK;
}
