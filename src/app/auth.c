/*
 * auth.c - passwords (argon2id), server-side sessions, form tokens and
 * login throttling.
 *
 * The session cookie carries 32 random bytes (base64url); the store keeps
 * only their SHA-256.  A session's CSRF token is another 32 random bytes,
 * stored with it and compared in constant time.  Anonymous forms (login)
 * carry HMAC(secret, nonce) where the nonce is a random cookie: a forged
 * form from another site has neither.
 *
 * Failed logins are counted over 15 minutes per (name, address), per
 * address and per name.  APP_FAIL_MAX failures of one name from one
 * address lock that pair, APP_FAIL_MAX_IP failures from one address lock
 * the address (higher: many applicants share an office's address), until
 * the window passes.  The name's own count never locks it, or anyone could
 * lock out the chair: past APP_FAIL_SLOW it only slows the name to one
 * password check per APP_FAIL_GAP seconds, and a successful login or a
 * password reset lifts it.  Each attempt is counted before its password is
 * checked, in one write transaction, so parallel guesses cannot overtake
 * the count; a successful check gives its counts back.
 */
#include <string.h>

#include <sodium.h>

#include "app/app_int.h"
#include "base/arena.h"
#include "base/banned.h"

#define FAIL_WINDOW	(15 * 60)
#define PW_MIN		10
#define PW_MAX		128

static struct str
random_token(struct arena *ar)
{
	unsigned char raw[32];
	char *out = arena_alloc(ar, APP_TOKEN_LEN + 1);

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, APP_TOKEN_LEN + 1, raw, sizeof raw,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return (struct str){ out, APP_TOKEN_LEN };
}

static void
token_hash(struct str token, unsigned char th[32])
{
	crypto_hash_sha256(th, (const unsigned char *)token.p, token.len);
}

void
app_token_hash(struct str token, unsigned char out[32])
{
	token_hash(token, out);
}

bool
app_token_eq(struct str a, struct str b)
{
	return a.len == b.len && a.len > 0 &&
	    sodium_memcmp(a.p, b.p, a.len) == 0;
}

enum sel_err
app_new_password(const struct app *a, struct str pw1, struct str pw2,
    char hash[128], struct app_msg *m)
{
	if (!str_eq(pw1, pw2))
		return app_say(m, SEL_EINVAL, "Kata sandi dan ulangannya tidak "
		    "sama.");
	if (pw1.len < 10 || pw1.len > 128)
		return app_say(m, SEL_EINVAL, "Kata sandi harus 10 sampai 128 "
		    "karakter.");
	return app_hash_password(a, pw1, hash);
}

enum sel_err
app_hash_password(const struct app *a, struct str pw, char out[128])
{
	if (crypto_pwhash_str(out, pw.p, pw.len, a->argon_ops,
	    a->argon_mem) != 0)
		return SEL_ENOMEM;
	return SEL_OK;
}

static bool
password_ok(const char *hash, struct str pw)
{
	return crypto_pwhash_str_verify(hash, pw.p, pw.len) == 0;
}

static enum sel_err
load_grants(struct stx *tx, struct arena *ar, struct who *w)
{
	return store_grants(tx, ar, w->account_id, &w->grants, &w->ngrants);
}

/* The throttle's keys of one attempt (see the comment at the top). */
struct fail_keys {
	struct str	pair, ip, name, gap;
};

static struct fail_keys
fail_keys(struct arena *ar, struct str login, struct str ip)
{
	return (struct fail_keys){
		arena_printf(ar, "np:%.*s|%.*s", (int)ip.len, ip.p,
		    (int)login.len, login.p),
		arena_printf(ar, "ip:%.*s", (int)ip.len, ip.p),
		arena_printf(ar, "login:%.*s", (int)login.len, login.p),
		arena_printf(ar, "gap:%.*s", (int)login.len, login.p),
	};
}

/*
 * Reserves one password check in a write transaction (SQLite's one
 * writer): the counts are read and bumped together, so that parallel
 * attempts cannot all pass the check before any is counted.  A check
 * that then succeeds gives its counts back (login_success).
 */
static enum sel_err
login_reserve(struct app *a, struct arena *ar, const struct fail_keys *k,
    struct str login, struct s_account *acc, bool *found, struct app_msg *m)
{
	int64_t now = app_now(a), np = 0, ni = 0, nl = 0, ng = 0;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	if ((rc = store_fail_get(tx, k->pair, now - FAIL_WINDOW, &np)) ==
	    SEL_OK && (rc = store_fail_get(tx, k->ip, now - FAIL_WINDOW,
	    &ni)) == SEL_OK && (rc = store_fail_get(tx, k->name,
	    now - FAIL_WINDOW, &nl)) == SEL_OK)
		rc = store_fail_get(tx, k->gap, now - APP_FAIL_GAP, &ng);
	if (rc == SEL_OK && (np >= APP_FAIL_MAX || ni >= APP_FAIL_MAX_IP))
		rc = app_say(m, SEL_EBUSY, "Terlalu banyak percobaan masuk "
		    "yang gagal dari alamat ini. Coba lagi dalam 15 menit.");
	else if (rc == SEL_OK && nl >= APP_FAIL_SLOW && ng > 0)
		rc = app_say(m, SEL_EBUSY, "Terlalu banyak percobaan masuk "
		    "untuk nama pengguna ini. Coba lagi beberapa detik lagi.");
	if (rc == SEL_OK && nl >= APP_FAIL_SLOW)
		rc = store_fail_bump(tx, k->gap, now, now - APP_FAIL_GAP);
	if (rc == SEL_OK && (rc = store_fail_bump(tx, k->pair, now,
	    now - FAIL_WINDOW)) == SEL_OK && (rc = store_fail_bump(tx, k->ip,
	    now, now - FAIL_WINDOW)) == SEL_OK)
		rc = store_fail_bump(tx, k->name, now, now - FAIL_WINDOW);
	if (rc == SEL_OK) {
		rc = store_account_by_login(tx, ar, login, acc);
		*found = rc == SEL_OK;
		if (rc == SEL_ENOENT)
			rc = SEL_OK;
	}
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return store_commit(a->st, tx);	/* counts only: no public change */
}

/* The right password: this attempt's counts go back, the name's slowing
 * ends. */
static enum sel_err
login_success(struct stx *tx, const struct fail_keys *k)
{
	enum sel_err rc;

	if ((rc = store_fail_clear(tx, k->pair)) == SEL_OK &&
	    (rc = store_fail_clear(tx, k->name)) == SEL_OK &&
	    (rc = store_fail_clear(tx, k->gap)) == SEL_OK)
		rc = store_fail_undo(tx, k->ip);
	return rc;
}

/*
 * An applicant's registration stays inert until its e-mail address is
 * confirmed: the right password then gets this answer (SEL_ESTATE), and
 * a wrong one the usual "wrong", so that nobody learns more of a
 * registration than of any name.  There is no resending on purpose: a
 * new link would hold the NIP for another 48 hours, over and over.
 */
static enum sel_err
login_confirmed(struct stx *tx, struct arena *ar, int64_t account_id,
    struct app_msg *m)
{
	struct s_applicant p;
	enum sel_err rc = store_applicant_get(tx, ar, account_id, &p);

	if (rc == SEL_ENOENT || (rc == SEL_OK && p.confirmed_at.len > 0))
		return SEL_OK;		/* staff, or a confirmed applicant */
	if (rc != SEL_OK)
		return rc;
	return app_say(m, SEL_ESTATE, "%s", APP_LOGIN_UNCONFIRMED);
}

/*
 * The right password whose session the store failed to keep: the
 * attempt was not a wrong guess, so its counts go back all the same, in a
 * transaction of their own (if that fails too, the count only slows).
 */
static void
login_giveback(struct app *a, const struct fail_keys *k)
{
	struct stx *tx;

	if (store_begin(a->st, true, &tx) != SEL_OK)
		return;
	if (login_success(tx, k) != SEL_OK)
		store_abort(a->st, tx);
	else
		(void)store_commit(a->st, tx);
}

enum sel_err
app_login(struct app *a, struct arena *ar, struct str login,
    struct str password, struct str ip, struct str *token,
    struct app_msg *m)
{
	struct fail_keys k = fail_keys(ar, login, ip);
	struct str tok;
	int64_t now = app_now(a);
	struct s_account acc;
	struct who w;
	struct stx *tx;
	unsigned char th[32];
	char hash[128];
	bool found = false, ok;
	enum sel_err rc;

	if (login.len == 0 || login.len > 64 || password.len > PW_MAX)
		return app_say(m, SEL_EINVAL, "Nama pengguna atau kata sandi "
		    "salah.");
	if ((rc = login_reserve(a, ar, &k, login, &acc, &found, m)) !=
	    SEL_OK)
		return rc;
	if (found && acc.pwhash.len < sizeof hash) {
		memcpy(hash, acc.pwhash.p, acc.pwhash.len);
		hash[acc.pwhash.len] = '\0';
		ok = password_ok(hash, password);
	} else {
		(void)password_ok(a->dummy_hash, password);
		ok = false;
	}
	if (!ok)	/* counted already */
		return app_say(m, SEL_EINVAL, "Nama pengguna atau kata sandi "
		    "salah.");

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK) {
		login_giveback(a, &k);
		return rc;
	}
	tok = random_token(ar);
	token_hash(tok, th);
	memset(&w, 0, sizeof w);
	w.account_id = acc.id;
	w.login = acc.login;
	w.name = acc.name;
	if ((rc = login_success(tx, &k)) != SEL_OK ||
	    (rc = login_confirmed(tx, ar, acc.id, m)) != SEL_OK) {
		if (rc == SEL_ESTATE) {	/* the counts go back all the same */
			if ((rc = store_commit(a->st, tx)) == SEL_OK)
				return SEL_ESTATE;
		} else {
			store_abort(a->st, tx);
		}
		login_giveback(a, &k);
		return rc;
	}
	if ((rc = store_session_add(tx, th, acc.id, random_token(ar), now,
	    now + (int64_t)a->session_hours * 3600)) != SEL_OK ||
	    (rc = app_audit(a, tx, ar, &w, 0, "login", STR(""), STR(""),
	    STR(""))) != SEL_OK) {
		store_abort(a->st, tx);
		login_giveback(a, &k);
		return rc;
	}
	if ((rc = store_commit(a->st, tx)) != SEL_OK) {
		login_giveback(a, &k);
		return rc;
	}
	*token = tok;		/* out-params untouched on error */
	return SEL_OK;
}

enum sel_err
app_rate(struct app *a, struct stx *tx, struct str key, int64_t window,
    int max)
{
	int64_t now = app_now(a), n = 0;
	enum sel_err rc;

	if (max <= 0)
		return SEL_OK;
	if ((rc = store_fail_get(tx, key, now - window, &n)) != SEL_OK)
		return rc;
	if (n >= max)
		return SEL_EBUSY;
	return store_fail_bump(tx, key, now, now - window);
}

/* A reset lifts the name's slowing (app_reset, in its transaction). */
enum sel_err
app_login_unthrottle(struct stx *tx, struct arena *ar, struct str login)
{
	struct fail_keys k = fail_keys(ar, login, STR(""));
	enum sel_err rc = store_fail_clear(tx, k.name);

	return rc == SEL_OK ? store_fail_clear(tx, k.gap) : rc;
}

enum sel_err
app_session(struct app *a, struct arena *ar, struct str token,
    struct who *w)
{
	struct s_session s;
	struct s_account acc;
	struct stx *tx;
	enum sel_err rc;

	memset(w, 0, sizeof *w);
	if (token.len != APP_TOKEN_LEN)
		return SEL_ENOENT;
	token_hash(token, w->th);
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_session_get(tx, ar, w->th, app_now(a), &s);
	if (rc == SEL_OK)
		rc = store_account_get(tx, ar, s.account_id, &acc);
	if (rc == SEL_OK) {
		w->account_id = acc.id;
		w->login = acc.login;
		w->name = acc.name;
		w->admin = acc.admin;
		w->csrf = s.csrf;
		rc = load_grants(tx, ar, w);
	}
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		w->account_id = 0;
	return rc;
}

enum sel_err
app_logout(struct app *a, const struct who *w)
{
	struct arena *ar = arena_new(4096);
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		goto out;
	if ((rc = store_session_del(tx, w->th)) != SEL_OK ||
	    (rc = app_audit(a, tx, ar, w, 0, "logout", STR(""), STR(""),
	    STR(""))) != SEL_OK) {
		store_abort(a->st, tx);
		goto out;
	}
	rc = app_commit(a, tx);
out:
	arena_destroy(ar);
	return rc;
}

enum sel_err
app_password_change(struct app *a, struct arena *ar, const struct who *w,
    struct str old, struct str new1, struct str new2, struct app_msg *m)
{
	struct s_account acc;
	struct stx *tx;
	char hash[128];
	enum sel_err rc;

	if (w->account_id == 0)
		return SEL_EPERM;
	if (!str_eq(new1, new2))
		return app_say(m, SEL_EINVAL, "Kata sandi baru dan "
		    "ulangannya tidak sama.");
	if (new1.len < PW_MIN || new1.len > PW_MAX)
		return app_say(m, SEL_EINVAL, "Kata sandi baru harus %d sampai "
		    "%d karakter.", PW_MIN, PW_MAX);
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_account_get(tx, ar, w->account_id, &acc);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	if (acc.pwhash.len >= sizeof hash)
		return SEL_EINTERNAL;
	memcpy(hash, acc.pwhash.p, acc.pwhash.len);
	hash[acc.pwhash.len] = '\0';
	if (!password_ok(hash, old))
		return app_say(m, SEL_EINVAL, "Kata sandi lama salah.");
	if ((rc = app_hash_password(a, new1, hash)) != SEL_OK)
		return rc;
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	/* Every other session of the account ends with the old password. */
	if ((rc = store_account_set_pw(tx, w->account_id, str_c(hash))) !=
	    SEL_OK ||
	    (rc = store_session_del_account(tx, w->account_id)) != SEL_OK ||
	    (rc = app_audit(a, tx, ar, w, 0, "password_change", STR(""),
	    STR(""), STR(""))) != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

struct str
app_anon_token(struct app *a, struct arena *ar, struct str nonce)
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char *out = arena_alloc(ar, APP_TOKEN_LEN + 1);

	crypto_auth_hmacsha256(mac, (const unsigned char *)nonce.p, nonce.len,
	    a->secret);
	sodium_bin2base64(out, APP_TOKEN_LEN + 1, mac, sizeof mac,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return (struct str){ out, APP_TOKEN_LEN };
}

bool
app_anon_check(struct app *a, struct str nonce, struct str token)
{
	struct arena *ar;
	bool ok;

	if (nonce.len != APP_TOKEN_LEN || token.len != APP_TOKEN_LEN)
		return false;
	ar = arena_new(256);
	ok = app_token_eq(app_anon_token(a, ar, nonce), token);
	arena_destroy(ar);
	return ok;
}

struct str
app_new_token(struct arena *ar)
{
	return random_token(ar);
}
