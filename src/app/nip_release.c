/*
 * nip_release.c - the way back for the owner of an NIP someone else
 * registered first (issue 11): after checking the owner's identity, the
 * secretariat (or the administrator) releases the account holding it.
 * The account stays (the trail and any application name it) under the
 * login "lepas-<id>-<nip>" with an unusable password, its sessions and
 * links gone; the NIP is free to register again.  The release is an
 * audit event with the secretariat's reason.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "base/arena.h"
#include "base/banned.h"

static bool
may_release(const struct who *w)
{
	if (w->account_id == 0)
		return false;
	if (w->admin)
		return true;
	for (size_t i = 0; i < w->ngrants; i++)
		if (w->grants[i].role == ROLE_SECRETARIAT)
			return true;
	return false;
}

enum sel_err
app_nip_release(struct app *a, struct arena *ar, const struct who *w,
    struct str nip, struct str reason, struct app_msg *m)
{
	struct s_applicant p;
	struct stx *tx;
	struct str as, id;
	enum sel_err rc;

	nip = str_trim(nip);
	reason = str_trim(reason);
	if (!may_release(w))
		return app_say(m, SEL_EPERM, "Hanya sekretariat panitia dan "
		    "administrator yang melepas NIP.");
	if (nip.len != 18) {
		app_say(m, SEL_EINVAL, "NIP terdiri dari 18 angka.");
		app_msg_at(m, "nip");
		return SEL_EINVAL;
	}
	if (reason.len < 10 || !app_text_valid(reason, 1000, true)) {
		app_say(m, SEL_EINVAL, "Alasan wajib diisi (10 sampai 1000 "
		    "karakter): bagaimana identitas pemilik NIP diperiksa.");
		app_msg_at(m, "reason");
		return SEL_EINVAL;
	}
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_applicant_by_nip(tx, ar, nip, &p);
	if (rc == SEL_ENOENT) {
		app_say(m, SEL_EINVAL, "Tidak ada akun pelamar dengan NIP itu.");
		app_msg_at(m, "nip");
		rc = SEL_EINVAL;
	}
	as = arena_printf(ar, "lepas-%" PRId64 "-%.*s", p.account_id,
	    (int)nip.len, nip.p);
	id = arena_printf(ar, "%" PRId64, p.account_id);
	if (rc == SEL_OK)
		rc = store_account_release(tx, p.account_id, as);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, 0, "nip_release", app_kv(ar,
		    "nip", &nip, "account", &id, "email", &p.email, NULL),
		    app_kv(ar, "login", &as, "reason", &reason, NULL),
		    STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	app_say(m, SEL_OK, "NIP %.*s dilepas; pemiliknya dapat mendaftar "
	    "lagi.", (int)nip.len, nip.p);
	return app_commit(a, tx);
}
