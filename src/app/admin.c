/*
 * admin.c - the administrator's use cases: regions (with their profile
 * and the oversight body's name), accounts, and role grants.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

static bool	word_ok(struct str, size_t, size_t, const char *);

bool
app_login_word_ok(struct str s)
{
	return word_ok(s, 3, 64, "._-");
}

static bool
word_ok(struct str s, size_t min, size_t max, const char *extra)
{
	if (s.len < min || s.len > max)
		return false;
	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c != '\0' && strchr(extra, c) != NULL)))
			return false;
	}
	return true;
}


enum sel_err
app_region_add(struct app *a, struct arena *ar, const struct who *w,
    const struct s_region *r, int64_t *id, struct app_msg *m)
{
	struct stx *tx;
	enum sel_err rc;

	if (!app_may(w, ACT_ADMIN, 0, 0))
		return app_say(m, SEL_EPERM, "Hanya administrator yang dapat "
		    "menambah wilayah.");
	if (!word_ok(r->code, 2, 32, "-"))
		return app_say(m, SEL_EINVAL, "Kode wilayah: 2 sampai 32 huruf "
		    "kecil, angka atau tanda hubung.");
	if (!app_text_ok(r->name, 200))
		return app_say(m, SEL_EINVAL, "Nama wilayah wajib diisi "
		    "(paling banyak 200 karakter).");
	if (app_profile_get(a, r->profile_id) == NULL)
		return app_say(m, SEL_EINVAL, "Profil peraturan \"%.*s\" tidak "
		    "dikenal.", (int)(r->profile_id.len > 64 ? 64 :
		    r->profile_id.len), r->profile_id.p);
	if (!app_text_ok(r->oversight, 100))
		return app_say(m, SEL_EINVAL, "Nama instansi pengawas wajib "
		    "diisi (misalnya BKN atau KASN).");
	if (r->secretariat.len > 500)
		return app_say(m, SEL_EINVAL, "Alamat sekretariat terlalu "
		    "panjang (paling banyak 500 karakter).");
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_region_add(tx, r, id);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, 0, "region_add", STR(""),
		    app_kv(ar, "code", &r->code, "name", &r->name,
		    "profile", &r->profile_id, "oversight", &r->oversight,
		    "secretariat", &r->secretariat, NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc == SEL_EINVAL ? app_say(m, rc, "Kode wilayah sudah "
		    "dipakai.") : rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_account_add(struct app *a, struct arena *ar, const struct who *w,
    const struct s_account *acc, struct str password, int64_t *id,
    struct app_msg *m)
{
	struct s_account row = *acc;
	struct stx *tx;
	char hash[128];
	enum sel_err rc;

	if (!app_may(w, ACT_ADMIN, 0, 0))
		return app_say(m, SEL_EPERM, "Hanya administrator yang dapat "
		    "membuat akun.");
	if (!word_ok(acc->login, 3, 64, "._-"))
		return app_say(m, SEL_EINVAL, "Nama pengguna: 3 sampai 64 huruf "
		    "kecil, angka, titik, garis bawah atau tanda hubung.");
	if (!app_text_ok(acc->name, 200))
		return app_say(m, SEL_EINVAL, "Nama lengkap wajib diisi "
		    "(paling banyak 200 karakter).");
	if (acc->email.len > 0 && (!app_text_ok(acc->email, 254) ||
	    memchr(acc->email.p, '@', acc->email.len) == NULL))
		return app_say(m, SEL_EINVAL, "Alamat surel tidak sah.");
	if (password.len < 10 || password.len > 128)
		return app_say(m, SEL_EINVAL, "Kata sandi harus 10 sampai 128 "
		    "karakter.");
	if ((rc = app_hash_password(a, password, hash)) != SEL_OK)
		return rc;
	row.pwhash = str_c(hash);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_account_add(tx, &row, app_iso(ar, app_now(a)), id);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, 0, "account_add", STR(""),
		    app_kv(ar, "login", &row.login, "name", &row.name,
		    "email", &row.email, NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc == SEL_EINVAL ? app_say(m, rc, "Nama pengguna sudah "
		    "dipakai.") : rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_grant_add(struct app *a, struct arena *ar, const struct who *w,
    struct str login, struct str region, int64_t sel_id, struct str role,
    struct app_msg *m)
{
	struct s_account acc;
	struct s_region reg;
	struct s_selection s;
	struct s_grant g;
	struct stx *tx;
	int64_t id;
	enum sel_err rc;

	memset(&g, 0, sizeof g);
	if (!app_may(w, ACT_ADMIN, 0, 0))
		return app_say(m, SEL_EPERM, "Hanya administrator yang dapat "
		    "memberi peran.");
	if (!role_parse(role, &g.role))
		return app_say(m, SEL_EINVAL, "Peran tidak dikenal.");
	if (g.role == ROLE_CHAIR || g.role == ROLE_MEMBER)
		return app_say(m, SEL_EINVAL, "Ketua dan anggota panitia "
		    "seleksi mendapat perannya dari susunan panitia yang "
		    "ditetapkan PPK (halaman seleksi), bukan dari sini.");
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_account_by_login(tx, ar, login, &acc);
	if (rc == SEL_ENOENT) {
		app_say(m, SEL_EINVAL, "Akun tidak ditemukan.");
		rc = SEL_EINVAL;
	}
	if (rc == SEL_OK && (rc = store_region_by_code(tx, ar, region,
	    &reg)) == SEL_ENOENT) {
		app_say(m, SEL_EINVAL, "Wilayah tidak ditemukan.");
		rc = SEL_EINVAL;
	}
	if (rc == SEL_OK && sel_id != 0 && ((rc = store_selection_get(tx, ar,
	    sel_id, &s)) != SEL_OK || s.region_id != reg.id)) {
		app_say(m, SEL_EINVAL, "Seleksi tidak ditemukan di wilayah "
		    "ini.");
		rc = SEL_EINVAL;
	}
	if (rc == SEL_OK) {
		struct str sid = arena_printf(ar, "%" PRId64, sel_id);
		struct str rn = str_c(role_name(g.role));

		g.account_id = acc.id;
		g.region_id = reg.id;
		g.selection_id = sel_id;
		rc = store_grant_add(tx, &g, &id);
		if (rc == SEL_EINVAL)
			app_say(m, rc, "Peran itu sudah diberikan.");
		if (rc == SEL_OK)
			rc = app_audit(a, tx, ar, w, sel_id, "grant_add",
			    STR(""), app_kv(ar, "login", &acc.login,
			    "region", &reg.code, "selection", &sid,
			    "role", &rn, NULL), STR(""));
	}
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_grant_del(struct app *a, struct arena *ar, const struct who *w,
    int64_t grant_id, struct app_msg *m)
{
	struct s_grant old;
	struct stx *tx;
	enum sel_err rc;

	if (!app_may(w, ACT_ADMIN, 0, 0))
		return app_say(m, SEL_EPERM, "Hanya administrator yang dapat "
		    "mencabut peran.");
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_grant_del(tx, grant_id, &old);
	if (rc == SEL_OK) {
		struct str acc = arena_printf(ar, "%" PRId64, old.account_id);
		struct str rn = str_c(role_name(old.role));

		rc = app_audit(a, tx, ar, w, old.selection_id, "grant_del",
		    app_kv(ar, "account", &acc, "role", &rn, NULL), STR(""),
		    STR(""));
	}
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc == SEL_ENOENT ? app_say(m, SEL_EINVAL, "Peran tidak "
		    "ditemukan.") : rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_admin_create(struct app *a, struct arena *ar, struct str login,
    struct str name, struct str password, struct app_msg *m)
{
	/* The command line is trusted: whoever runs it owns the store. */
	struct who sys = { 0 };
	struct s_account acc = { 0, login, name, STR(""), STR(""), true };
	int64_t id;

	sys.account_id = -1;
	sys.admin = true;
	sys.login = STR("selter admin");
	sys.name = STR("baris perintah");
	return app_account_add(a, ar, &sys, &acc, password, &id, m);
}
