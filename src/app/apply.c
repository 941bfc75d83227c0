/*
 * apply.c - applicants: self-registration with the NIP checked, e-mail
 * confirmation, password reset, the record imported from a SIASN/SIMPEG
 * style JSON export, the core's live verdict, submission with a
 * registration number and receipt, withdrawal, and the public list of
 * registrants after closing (REGULATIONS.md §7; issue 5).
 *
 * Every e-mail is queued in the outbox in the transaction of what it
 * reports; the mailer delivers it later.  The NIP's 15th digit (gender)
 * is never read: only digits 1-8 (birth date) and 9-14 (TMT CPNS).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "app/record_form.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/sanity.h"
#include "base/banned.h"

#define CONFIRM_TTL	(48 * 3600)
#define RESET_TTL	3600
#define RESET_MAX	3	/* reset mails to one account per hour */
#define NOTICE_MAX	3	/* "registered again" mails per day */
#define MAX_RECORD	(60u << 10)

static enum sel_err
check_nip(struct arena *ar, const struct reg_in *in, struct app_msg *m)
{
	struct str why;
	sel_date birth;
	int64_t ty = 0, tm = 0;
	enum nip_fault f = nip_fault(in->nip, 0, 0, 0);

	if (f == NIP_LENGTH)
		return app_say(m, SEL_EINVAL, "NIP terdiri dari 18 angka.");
	if (f == NIP_DIGITS)
		return app_say(m, SEL_EINVAL, "NIP hanya berisi angka.");
	if (date_parse(in->birth_date, &birth) != SEL_OK)
		return app_say(m, SEL_EINVAL, "Tanggal lahir bukan tanggal yang "
		    "sah (TTTT-BB-HH).");
	/* The TMT as written; nip_fault compares it with digits 9-14. */
	if (in->tmt.len != 7 || in->tmt.p[4] != '-' ||
	    parse_i64((struct str){ in->tmt.p, 4 }, 0, 9999, &ty) ||
	    parse_i64((struct str){ in->tmt.p + 5, 2 }, 0, 99, &tm))
		ty = -1;
	switch (ty < 0 ? NIP_TMT : nip_fault(in->nip, birth, (int)ty,
	    (int)tm)) {
	case NIP_BIRTH:
		return app_say(m, SEL_EINVAL, "Delapan angka pertama NIP (%.8s) "
		    "tidak sesuai dengan tanggal lahir.", in->nip.p);
	case NIP_TMT:
		return app_say(m, SEL_EINVAL, "Angka ke-9 sampai ke-14 NIP "
		    "tidak sesuai dengan TMT CPNS (TTTT-BB).");
	case NIP_TMT_MONTH:
		return app_say(m, SEL_EINVAL, "Bulan TMT CPNS tidak sah.");
	default:
		break;
	}
	if (!sanity_tmt(ar, birth, (int)ty, (int)tm, &why))
		return app_say(m, SEL_EINVAL, "%.*s", (int)why.len, why.p);
	return SEL_OK;
}

static enum sel_err
mail(struct app *a, struct stx *tx, struct str to, const char *subject,
    struct str body)
{
	return store_mail_add(tx, to, str_c(subject), body, app_now(a)) ==
	    SEL_OK ? SEL_OK : SEL_ESTORE;
}

/* A one-time token for account id, its link in an e-mail body. */
static struct str
onetime(struct app *a, struct stx *tx, struct arena *ar, int64_t id,
    const char *purpose, int64_t ttl, const char *path, enum sel_err *rc)
{
	struct str tok = app_new_token(ar);
	unsigned char h[32];

	app_token_hash(tok, h);
	*rc = store_onetime_add(tx, h, id, purpose, app_now(a) + ttl);
	return app_printf(ar, "%s%s?t=%.*s", a->base_url, path,
	    (int)tok.len, tok.p);
}

/*
 * What an NIP already registered means for a new registration of it:
 * HELD (confirmed, or unconfirmed with its link still live: the new one
 * is dropped with the same answer as a success), FREE (none, or an
 * unconfirmed one whose link expired: released here, audited).  A
 * confirmed owner is told by e-mail (at most NOTICE_MAX a day) that
 * someone registered the NIP again; the holder of an unconfirmed one is
 * not mailed again.
 */
static enum sel_err
nip_claim(struct app *a, struct stx *tx, struct arena *ar, struct str nip,
    bool *held)
{
	struct s_applicant p;
	struct s_account acc;
	struct str as, why = STR("unconfirmed, expired");
	int64_t live = 0;
	enum sel_err rc;

	*held = false;
	rc = store_applicant_by_nip(tx, ar, nip, &p);
	if (rc == SEL_ENOENT) {	/* a staff login equal to it: held */
		rc = store_account_by_login(tx, ar, nip, &acc);
		*held = rc == SEL_OK;
		return rc == SEL_ENOENT ? SEL_OK : rc;
	}
	if (rc != SEL_OK)
		return rc;
	*held = true;
	if (p.confirmed_at.len > 0) {
		rc = app_rate(a, tx, arena_printf(ar, "dup:acct:%" PRId64,
		    p.account_id), 86400, NOTICE_MAX);
		if (rc != SEL_OK)	/* too many: no mail; else the error */
			return rc == SEL_EBUSY ? SEL_OK : rc;
		return mail(a, tx, p.email, "NIP Anda didaftarkan lagi",
		    app_printf(ar, "Yth. %.*s,\n\nSeseorang mendaftarkan lagi "
		    "NIP %.*s di selter.  Akun Anda tidak berubah.  Bila itu "
		    "Anda, masuk dengan NIP Anda atau gunakan \"Lupa kata "
		    "sandi\".  Bila bukan, abaikan surel ini.\n",
		    (int)p.name.len, p.name.p, (int)nip.len, nip.p));
	}
	if ((rc = store_onetime_live(tx, p.account_id, "confirm", app_now(a),
	    &live)) != SEL_OK || live > 0)
		return rc;
	*held = false;
	as = arena_printf(ar, "lepas-%" PRId64 "-%.*s", p.account_id,
	    (int)nip.len, nip.p);
	if ((rc = store_account_release(tx, p.account_id, as)) != SEL_OK)
		return rc;
	return app_audit(a, tx, ar, NULL, 0, "nip_release", app_kv(ar, "nip",
	    &nip, NULL), app_kv(ar, "login", &as, "reason",
	    &why, NULL), STR(""));
}

enum sel_err
app_register(struct app *a, struct arena *ar, const struct reg_in *in,
    int64_t *account_id, struct app_msg *m)
{
	struct s_account acc = { 0, in->nip, str_trim(in->name),
	    str_trim(in->email), STR(""), false };
	struct s_applicant p;
	struct stx *tx;
	struct str link = STR("");
	char hash[128];
	bool held = false;
	enum sel_err rc;

	*account_id = 0;
	if ((rc = check_nip(ar, in, m)) != SEL_OK)
		return rc;
	if (!app_text_ok(acc.name, 200))
		return app_say(m, SEL_EINVAL, "Nama lengkap wajib diisi "
		    "(paling banyak 200 karakter, satu baris, tanpa karakter "
		    "kendali).");
	if (!app_text_ok(acc.email, 254) ||
	    memchr(acc.email.p, '@', acc.email.len) == NULL)
		return app_say(m, SEL_EINVAL, "Alamat surel tidak sah.");
	if (!str_eq(in->pw1, in->pw2) || in->pw1.len < 10 ||
	    in->pw1.len > 128)	/* refused below, before any count */
		return app_new_password(a, in->pw1, in->pw2, hash, m);
	/* Counted before the costly hash, in its own transaction. */
	if (in->ip.len > 0) {
		if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
			return rc;
		rc = app_rate(a, tx, arena_printf(ar, "reg:ip:%.*s",
		    (int)in->ip.len, in->ip.p), 3600, a->register_per_ip);
		if (rc != SEL_OK) {
			store_abort(a->st, tx);
			return rc == SEL_EBUSY ? app_say(m, rc, "Terlalu banyak "
			    "pendaftaran dari alamat ini. Coba lagi dalam satu "
			    "jam.") : rc;
		}
		if ((rc = store_commit(a->st, tx)) != SEL_OK)
			return rc;
	}
	if ((rc = app_new_password(a, in->pw1, in->pw2, hash, m)) != SEL_OK)
		return rc;
	acc.pwhash = str_c(hash);
	memset(&p, 0, sizeof p);
	p.nip = in->nip;
	p.birth_date = in->birth_date;
	p.tmt_cpns = in->tmt;
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = nip_claim(a, tx, ar, in->nip, &held);
	if (rc == SEL_OK && !held)
		rc = store_account_add(tx, &acc, app_iso(ar, app_now(a)),
		    account_id);
	p.account_id = *account_id;
	if (rc == SEL_OK && !held)
		rc = store_applicant_add(tx, &p);
	if (rc == SEL_OK && !held)
		link = onetime(a, tx, ar, p.account_id, "confirm", CONFIRM_TTL,
		    "/konfirmasi", &rc);
	if (rc == SEL_OK && !held)
		rc = mail(a, tx, acc.email, "Konfirmasi pendaftaran akun "
		    "selter", app_printf(ar, "Yth. %.*s,\n\nAkun pelamar "
		    "dengan NIP %.*s telah dibuat. Buka tautan berikut untuk "
		    "mengonfirmasi alamat surel Anda (berlaku 48 jam; tanpa "
		    "konfirmasi, pendaftaran ini gugur):\n\n"
		    "%.*s\n\nBila Anda tidak mendaftar, abaikan surel ini.\n",
		    (int)acc.name.len, acc.name.p, (int)p.nip.len, p.nip.p,
		    (int)link.len, link.p));
	if (rc == SEL_OK && !held)
		rc = app_audit(a, tx, ar, &(struct who){ .account_id =
		    *account_id, .login = acc.login, .name = acc.name }, 0,
		    "applicant_register", STR(""), app_kv(ar, "nip", &p.nip,
		    "name", &acc.name, "email", &acc.email, NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		*account_id = 0;
		return rc;
	}
	if (held)
		*account_id = 0;
	app_say(m, SEL_OK, "%s", APP_REGISTER_SENT);
	return store_commit(a->st, tx);
}

enum sel_err
app_confirm(struct app *a, struct arena *ar, struct str token,
    struct app_msg *m)
{
	unsigned char h[32];
	struct stx *tx;
	int64_t id;
	enum sel_err rc;

	app_token_hash(token, h);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_onetime_take(tx, h, "confirm", app_now(a), &id);
	if (rc == SEL_ENOENT)
		app_say(m, SEL_EINVAL, "Tautan konfirmasi tidak berlaku atau "
		    "sudah dipakai.");
	if (rc == SEL_OK)
		rc = store_applicant_confirm(tx, id, app_iso(ar, app_now(a)));
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, &(struct who){ .account_id = id,
		    .login = STR("?"), .name = STR("pelamar") }, 0,
		    "email_confirm", STR(""), STR(""), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc == SEL_ENOENT ? SEL_EINVAL : rc;
	}
	return store_commit(a->st, tx);
}

enum sel_err
app_reset_request(struct app *a, struct arena *ar, struct str key,
    struct str ip, struct app_msg *m)
{
	struct s_account acc;
	struct stx *tx;
	struct str link = STR("");
	enum sel_err rc;

	app_say(m, SEL_OK, "Bila akun itu ada, tautan untuk mengatur kata "
	    "sandi baru telah dikirim ke alamat surelnya.");
	key = str_trim(key);
	if (key.len == 0 || key.len > 254)
		return app_say(m, SEL_EINVAL, "Isi NIP atau alamat surel.");
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	if (ip.len > 0 && (rc = app_rate(a, tx, arena_printf(ar,
	    "rst:ip:%.*s", (int)ip.len, ip.p), 3600, a->reset_per_ip)) !=
	    SEL_OK) {
		store_abort(a->st, tx);
		return rc == SEL_EBUSY ? app_say(m, rc, "Terlalu banyak "
		    "permintaan dari alamat ini. Coba lagi dalam satu jam.") :
		    rc;
	}
	rc = store_account_by_login(tx, ar, key, &acc);
	if (rc == SEL_ENOENT)
		rc = store_account_by_email(tx, ar, key, &acc);
	/* RESET_MAX mails an hour to one account; past it, the same answer
	 * and no mail. */
	if (rc == SEL_OK && acc.email.len > 0) {
		enum sel_err busy = app_rate(a, tx, arena_printf(ar,
		    "rst:acct:%" PRId64, acc.id), 3600, RESET_MAX);

		if (busy == SEL_EBUSY)
			acc.email = STR("");
		else
			rc = busy;	/* a store error is not "too many" */
	}
	if (rc == SEL_OK && acc.email.len > 0) {
		link = onetime(a, tx, ar, acc.id, "reset", RESET_TTL,
		    "/atur-sandi", &rc);
		if (rc == SEL_OK)
			rc = mail(a, tx, acc.email, "Atur ulang kata sandi "
			    "selter", app_printf(ar, "Yth. %.*s,\n\nBuka "
			    "tautan berikut untuk mengatur kata sandi baru "
			    "(berlaku 1 jam):\n\n%.*s\n\nBila Anda tidak "
			    "memintanya, abaikan surel ini.\n",
			    (int)acc.name.len, acc.name.p, (int)link.len,
			    link.p));
	} else if (rc == SEL_ENOENT || rc == SEL_OK) {
		rc = SEL_OK;	/* the same answer: no account enumeration */
	}
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return store_commit(a->st, tx);
}

enum sel_err
app_reset(struct app *a, struct arena *ar, struct str token, struct str pw1,
    struct str pw2, struct app_msg *m)
{
	struct s_account acc;
	unsigned char h[32];
	char hash[128];
	struct stx *tx;
	int64_t id;
	enum sel_err rc;

	if ((rc = app_new_password(a, pw1, pw2, hash, m)) != SEL_OK)
		return rc;
	app_token_hash(token, h);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_onetime_take(tx, h, "reset", app_now(a), &id);
	if (rc == SEL_ENOENT)
		app_say(m, SEL_EINVAL, "Tautan tidak berlaku atau sudah "
		    "dipakai. Minta tautan baru.");
	/* One link used voids the others; the login's slowing lifts. */
	if (rc == SEL_OK && (rc = store_onetime_drop(tx, id, "reset")) ==
	    SEL_OK && (rc = store_account_get(tx, ar, id, &acc)) == SEL_OK)
		rc = app_login_unthrottle(tx, ar, acc.login);
	if (rc == SEL_OK && (rc = store_account_set_pw(tx, id, str_c(hash))) ==
	    SEL_OK && (rc = store_session_del_account(tx, id)) == SEL_OK)
		rc = app_audit(a, tx, ar, &(struct who){ .account_id = id,
		    .login = STR("?"), .name = STR("pemilik akun") }, 0,
		    "password_reset", STR(""), STR(""), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc == SEL_ENOENT ? SEL_EINVAL : rc;
	}
	return store_commit(a->st, tx);
}

bool
app_is_applicant(struct app *a, struct str login)
{
	struct arena *ar = arena_new(1024);
	struct s_applicant p;
	struct stx *tx;
	bool yes = false;

	if (store_begin(a->st, false, &tx) == SEL_OK) {
		yes = store_applicant_by_nip(tx, ar, login, &p) == SEL_OK;
		store_abort(a->st, tx);
	}
	arena_destroy(ar);
	return yes;
}

enum sel_err
app_applicant(struct app *a, struct arena *ar, const struct who *w,
    struct s_applicant *p)
{
	struct stx *tx;
	enum sel_err rc;

	if (w->account_id <= 0)
		return SEL_ENOENT;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_applicant_get(tx, ar, w->account_id, p);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_record_set(struct app *a, struct arena *ar, const struct who *w,
    struct str text, struct app_msg *m)
{
	struct s_applicant p;
	struct candidate c;
	struct str why, size;
	struct stx *tx;
	int y, mo, d;
	char birth[16];
	enum sel_err rc;

	text = str_trim(text);
	if (text.len == 0 || text.len > MAX_RECORD)
		return app_say(m, SEL_EINVAL, "Data riwayat kosong atau lebih "
		    "dari 60 KB.");
	if (app_record_decode(ar, text, &c, &why) != SEL_OK)
		return app_say(m, SEL_EINVAL, "Data riwayat tidak dapat dibaca "
		    "(%.*s).", (int)why.len, why.p);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_applicant_get(tx, ar, w->account_id, &p);
	if (rc == SEL_ENOENT)
		app_say(m, SEL_EPERM, "Hanya pelamar yang mempunyai data "
		    "riwayat.");
	date_ymd(c.birth, &y, &mo, &d);
	snprintf(birth, sizeof birth, "%04d-%02d-%02d", y, mo, d);
	if (rc == SEL_OK && (!str_eq(c.nip, p.nip) ||
	    !str_eqc(p.birth_date, birth)))
		rc = app_say(m, SEL_EINVAL, "NIP atau tanggal lahir dalam data "
		    "riwayat berbeda dengan akun Anda.");
	size = arena_printf(ar, "%zu", text.len);
	if (rc == SEL_OK)
		rc = store_applicant_record(tx, w->account_id, text,
		    app_iso(ar, app_now(a)));
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, 0, "record_set", STR(""),
		    app_kv(ar, "bytes", &size, NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc == SEL_ENOENT ? SEL_EPERM : rc;
	}
	return store_commit(a->st, tx);
}
