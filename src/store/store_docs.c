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
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
#define BLOB_BUF	(128u << 10)	/* written to the file in these */

#define BLOB_TMP	".upload-"	/* then mkstemp's six characters */

struct store_blob {
	char		 dir[BLOB_PATH];
	char		 tmp[BLOB_PATH];	/* "" once removed or kept */
	int		 fd;		/* holds the lock until keep or drop */
	bool		 synced;	/* finished: no more writes */
	EVP_MD_CTX	*h;		/* OpenSSL: SHA-NI where the CPU has it */
	unsigned char	*buf;		/* BLOB_BUF, in the arena */
	size_t		 nbuf;
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

enum sel_err
store_blob_open(struct arena *ar, const char *dir, struct store_blob **out)
{
	static const char six_x[] = { 'X', 'X', 'X', 'X', 'X', 'X', '\0' };
	struct store_blob *b = arena_alloc(ar, sizeof *b);
	bool made;
	int n;

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
	b->buf = arena_alloc(ar, BLOB_BUF);
	*out = b;
	return SEL_OK;
}

/* Writes the buffered bytes to the temporary file. */
static enum sel_err
blob_flush(struct store_blob *b)
{
	const unsigned char *s = b->buf;
	size_t left = b->nbuf;

	while (left > 0) {
		ssize_t w = write(b->fd, s, left);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return SEL_EIO;
		s += w;
		left -= (size_t)w;
	}
	b->nbuf = 0;
	return SEL_OK;
}

enum sel_err
store_blob_write(struct store_blob *b, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t left = n;

	if (b->fd < 0 || b->synced)
		return SEL_EINTERNAL;
	if (ckd_add(&b->size, b->size, (int64_t)n))
		return SEL_ERANGE;
	if (EVP_DigestUpdate(b->h, s, n) != 1)
		return SEL_EIO;
	while (left > 0) {
		size_t k = BLOB_BUF - b->nbuf < left ? BLOB_BUF - b->nbuf :
		    left;

		memcpy(b->buf + b->nbuf, s, k);
		b->nbuf += k;
		s += k;
		left -= k;
		if (b->nbuf == BLOB_BUF && blob_flush(b) != SEL_OK)
			return SEL_EIO;
	}
	return SEL_OK;
}

enum sel_err
store_blob_finish(struct store_blob *b, char hex[65], int64_t *size)
{
	unsigned char h[EVP_MAX_MD_SIZE];
	unsigned hn = 0;
	enum sel_err rc = SEL_OK;

	if (b->fd < 0 || b->synced)
		return SEL_EINTERNAL;
	if (EVP_DigestFinal_ex(b->h, h, &hn) != 1 || hn != 32)
		rc = SEL_EIO;
	EVP_MD_CTX_free(b->h);
	b->h = NULL;
	sodium_bin2hex(b->hex, sizeof b->hex, h, 32);
	if (blob_flush(b) != SEL_OK)
		rc = SEL_EIO;
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
