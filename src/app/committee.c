/*
 * committee.c - the committee is people (issue 10 item 4).  A member is
 * an account: linked by the secretariat when the person has one, or
 * invited by e-mail when the PPK confirms the committee, and joining by
 * that invitation.  The chair's and members' grants for the selection
 * follow from the confirmed committee (grant_role.member_id), never from
 * a hand-made grant; the name under the chair's signature is the
 * confirmed chair's; a member the PPK replaces keeps the row (left_at),
 * so every earlier act stays theirs in the trail.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

#define INVITE_TTL	(14 * 24 * 3600)

enum sel_err
committee_member_who(struct stx *tx, struct arena *ar,
    const struct sel_view *v, struct str login, struct str email,
    struct s_member *mb, struct app_msg *m)
{
	struct s_account acc;
	struct s_applicant p;
	bool applicant = false;
	enum sel_err rc;

	login = str_trim(login);
	email = str_trim(email);
	if ((login.len > 0) == (email.len > 0))
		return app_say(m, SEL_EINVAL, "Akun anggota: isi nama pengguna "
		    "bila anggota sudah mempunyai akun, atau alamat surel "
		    "untuk undangan bila belum (salah satu saja).");
	if (email.len > 0) {
		if (!app_text_ok(email, 254) ||
		    memchr(email.p, '@', email.len) == NULL)
			return app_say(m, SEL_EINVAL, "Alamat surel undangan "
			    "tidak sah.");
		mb->email = email;
		return SEL_OK;
	}
	rc = store_account_by_login(tx, ar, login, &acc);
	/* An applicant's account (its login is its NIP) is no staff's:
	   asked in this transaction, where a store error is an error and
	   never a "no". */
	if (rc == SEL_OK && !acc.admin) {
		rc = store_applicant_by_nip(tx, ar, login, &p);
		applicant = rc == SEL_OK;
		if (rc == SEL_OK || rc == SEL_ENOENT)
			rc = SEL_OK;
		else
			return rc;
	}
	if (rc == SEL_ENOENT || (rc == SEL_OK && (acc.admin || applicant)))
		return app_say(m, SEL_EINVAL, "Akun anggota: nama pengguna "
		    "\"%.*s\" tidak ditemukan di antara akun petugas.",
		    (int)(login.len > 64 ? 64 : login.len), login.p);
	if (rc != SEL_OK)
		return rc;
	for (size_t i = 0; i < v->nmembers; i++)
		if (v->members[i].account_id == acc.id)
			return app_say(m, SEL_EINVAL, "Akun anggota: %.*s sudah "
			    "menjadi anggota panitia ini.",
			    (int)acc.login.len, acc.login.p);
	mb->account_id = acc.id;
	mb->login = acc.login;
	return SEL_OK;
}

/* The grant a confirmed member's place gives, with its audit event. */
static enum sel_err
grant(struct app *a, struct stx *tx, struct arena *ar, const struct who *w,
    const struct sel_view *v, const struct s_member *mb, int64_t account_id)
{
	struct s_grant g;
	struct str role;
	int64_t id;
	enum sel_err rc;

	memset(&g, 0, sizeof g);
	g.account_id = account_id;
	g.region_id = v->s.region_id;
	g.selection_id = v->s.id;
	g.role = mb->chair ? ROLE_CHAIR : ROLE_MEMBER;
	rc = store_grant_add_member(tx, &g, mb->id, &id);
	if (rc == SEL_EINVAL)		/* held already: the same place */
		return SEL_OK;
	if (rc != SEL_OK)
		return rc;
	role = str_c(role_name(g.role));
	return app_audit(a, tx, ar, w, v->s.id, "committee_grant", STR(""),
	    app_kv(ar, "member", &mb->name, "role", &role, NULL),
	    app_rule_json(ar, v->profile, R_COM_MEMBER));
}

/* An invitation to a member without an account: the outbox's e-mail. */
static enum sel_err
invite(struct app *a, struct stx *tx, struct arena *ar, const struct who *w,
    const struct sel_view *v, const struct s_member *mb)
{
	struct str tok = app_new_token(ar), link;
	unsigned char h[32];
	enum sel_err rc;

	app_token_hash(tok, h);
	if ((rc = store_member_invite_add(tx, h, mb->id, app_now(a) +
	    INVITE_TTL)) != SEL_OK)
		return rc;
	link = app_printf(ar, "%s/undangan?t=%.*s", a->base_url,
	    (int)tok.len, tok.p);
	if ((rc = store_mail_add(tx, mb->email, STR("Undangan anggota panitia "
	    "seleksi"), app_printf(ar, "Yth. %.*s,\n\nAnda ditetapkan sebagai "
	    "%s panitia seleksi \"%.*s\" (%.*s). Buka tautan berikut untuk "
	    "membuat akun selter Anda (berlaku 14 hari):\n\n%.*s\n\nBila "
	    "Anda merasa tidak ditetapkan, abaikan surel ini dan hubungi "
	    "sekretariat panitia.\n", (int)mb->name.len, mb->name.p,
	    mb->chair ? "ketua" : "anggota", (int)v->s.f[SF_TITLE].len,
	    v->s.f[SF_TITLE].p, (int)v->region.name.len, v->region.name.p,
	    (int)link.len, link.p), app_now(a))) != SEL_OK)
		return rc;
	return app_audit(a, tx, ar, w, v->s.id, "committee_invite", STR(""),
	    app_kv(ar, "member", &mb->name, "email", &mb->email, NULL),
	    app_rule_json(ar, v->profile, R_COM_MEMBER));
}

enum sel_err
committee_seat(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct sel_view *v, const struct s_member *mb)
{
	if (mb->account_id > 0)
		return grant(a, tx, ar, w, v, mb, mb->account_id);
	return invite(a, tx, ar, w, v, mb);
}

enum sel_err
committee_seat_all(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct sel_view *v)
{
	enum sel_err rc = SEL_OK;

	for (size_t i = 0; rc == SEL_OK && i < v->nmembers; i++)
		rc = committee_seat(a, tx, ar, w, v, &v->members[i]);
	return rc;
}

enum sel_err
committee_signer(const struct sel_view *v, const struct who *w,
    struct str *name, struct app_msg *m)
{
	for (size_t i = 0; i < v->nmembers; i++) {
		const struct s_member *mb = &v->members[i];

		if (!mb->chair)
			continue;
		if (mb->account_id != w->account_id)
			return app_say(m, SEL_EPERM, "Hanya ketua panitia yang "
			    "ditetapkan PPK, %.*s, yang dapat menandatangani.",
			    (int)mb->name.len, mb->name.p);
		*name = mb->name;
		return SEL_OK;
	}
	return app_say(m, SEL_ESTATE, "Panitia seleksi belum mempunyai "
	    "ketua.");
}

/* ---- joining by invitation ---- */

enum sel_err
app_member_invitation(struct app *a, struct arena *ar, struct str token,
    struct s_member *mb, struct s_selection *s)
{
	unsigned char h[32];
	struct stx *tx;
	int64_t id;
	enum sel_err rc;

	app_token_hash(token, h);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	/* Read, never taken here: the form takes it. */
	rc = store_member_invite_take(tx, h, app_now(a), &id);
	if (rc == SEL_OK)
		rc = store_member_get(tx, ar, id, mb);
	if (rc == SEL_OK)
		rc = store_selection_get(tx, ar, mb->selection_id, s);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_member_join(struct app *a, struct arena *ar, struct str token,
    struct str login, struct str pw1, struct str pw2, struct app_msg *m)
{
	struct s_account acc;
	struct s_member mb;
	struct sel_view v;
	struct who w;
	unsigned char h[32];
	char hash[128];
	struct stx *tx;
	int64_t mid = 0, aid = 0;
	enum sel_err rc;

	memset(&acc, 0, sizeof acc);
	login = str_trim(login);
	if (!app_login_word_ok(login))
		return app_say(m, SEL_EINVAL, "Nama pengguna: 3 sampai 64 huruf "
		    "kecil, angka, titik, garis bawah atau tanda hubung.");
	if ((rc = app_new_password(a, pw1, pw2, hash, m)) != SEL_OK)
		return rc;
	app_token_hash(token, h);
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_member_invite_take(tx, h, app_now(a), &mid);
	if (rc == SEL_ENOENT)
		app_say(m, SEL_ENOENT, "Tautan undangan tidak berlaku atau sudah "
		    "dipakai. Hubungi sekretariat panitia.");
	if (rc == SEL_OK)
		rc = store_member_get(tx, ar, mid, &mb);
	if (rc == SEL_OK && mb.left_at.len > 0)
		rc = app_say(m, SEL_ENOENT, "Anda tidak lagi menjadi anggota "
		    "panitia ini.");
	if (rc == SEL_OK)
		rc = prep_view_load(a, tx, ar, mb.selection_id, &v);
	if (rc == SEL_OK) {
		acc.login = login;
		acc.name = mb.name;
		acc.email = mb.email;
		acc.pwhash = str_c(hash);
		rc = store_account_add(tx, &acc, app_iso(ar, app_now(a)), &aid);
		if (rc == SEL_EINVAL)
			app_say(m, rc, "Nama pengguna sudah dipakai; pilih yang "
			    "lain.");
	}
	if (rc == SEL_OK)
		rc = store_member_set_account(tx, mid, aid);
	memset(&w, 0, sizeof w);
	w.account_id = aid;
	w.login = login;
	w.name = mb.name;
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, &w, mb.selection_id, "committee_join",
		    STR(""), app_kv(ar, "member", &mb.name, "login", &login,
		    NULL), app_rule_json(ar, v.profile, R_COM_MEMBER));
	if (rc == SEL_OK) {
		mb.account_id = aid;
		rc = grant(a, tx, ar, &w, &v, &mb, aid);
	}
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
