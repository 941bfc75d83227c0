/*
 * app.c - the application object: store, profiles, holidays, clock; and
 * the write path's helpers (audit event, commit).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/app_int.h"
#include "app/log_int.h"	/* ---- log ---- */
#include "store/store_archive.h"	/* ---- archive ---- */
#include "app/load.h"
#include "base/arena.h"
#include "base/json.h"
#include "base/log.h"
#include "core/profile.h"
#include "base/banned.h"

static enum sel_err
parse_now(const char *s, int64_t *out)
{
	struct str v = str_c(s);
	sel_date d;
	int64_t hh, mm, ss;

	/* YYYY-MM-DDTHH:MM:SSZ */
	if (v.len != 20 || v.p[10] != 'T' || v.p[19] != 'Z' ||
	    date_parse((struct str){ v.p, 10 }, &d) != SEL_OK ||
	    parse_i64((struct str){ v.p + 11, 2 }, 0, 23, &hh) != SEL_OK ||
	    parse_i64((struct str){ v.p + 14, 2 }, 0, 59, &mm) != SEL_OK ||
	    parse_i64((struct str){ v.p + 17, 2 }, 0, 59, &ss) != SEL_OK ||
	    v.p[13] != ':' || v.p[16] != ':')
		return SEL_EINVAL;
	*out = (int64_t)d * 86400 + hh * 3600 + mm * 60 + ss;
	return SEL_OK;
}

/* The documents' files: the setting, or beside the database. */
static enum sel_err
files_dir(struct app *a, const struct app_config *cf, char *err,
    size_t errsz)
{
	int n;

	if (cf->files_dir != NULL && cf->files_dir[0] != '\0')
		n = snprintf(a->files_dir, sizeof a->files_dir, "%s",
		    cf->files_dir);
	/* ---- pg ---- a PostgreSQL store has no path to put them beside */
	else if (store_location_pg(cf->db_path)) {
		snprintf(err, errsz, "files_dir: required with a PostgreSQL "
		    "store (a directory every instance shares)");
		return SEL_EINVAL;
	}
	/* ---- end pg ---- */
	else
		n = snprintf(a->files_dir, sizeof a->files_dir, "%s.files",
		    cf->db_path != NULL ? cf->db_path : "selter.db");
	if (n <= 0 || (size_t)n >= sizeof a->files_dir) {
		snprintf(err, errsz, "files_dir: too long");
		return SEL_EINVAL;
	}
	return SEL_OK;
}

enum sel_err
app_open(const struct app_config *cf, struct app **out, char *err,
    size_t errsz)
{
	struct app *a;
	struct app_err e;
	enum sel_err rc;

	if (sodium_init() < 0) {
		snprintf(err, errsz, "libsodium failed to start");
		return SEL_EINTERNAL;
	}
	a = xmalloc(sizeof *a);
	memset(a, 0, sizeof *a);
	a->perm = arena_new(1 << 20);
	atomic_init(&a->gen, 1);
	a->session_hours = cf->session_hours > 0 ? cf->session_hours : 8;
	a->register_per_ip = cf->register_per_ip;
	a->reset_per_ip = cf->reset_per_ip;
	a->complaint_per_ip = cf->complaint_per_ip;
	a->argon_ops = cf->argon_ops > 0 ? (unsigned long long)cf->argon_ops :
	    crypto_pwhash_OPSLIMIT_INTERACTIVE;
	a->argon_mem = cf->argon_mem_kib > 0 ?
	    (size_t)cf->argon_mem_kib * 1024 :
	    crypto_pwhash_MEMLIMIT_INTERACTIVE;
	randombytes_buf(a->secret, sizeof a->secret);
	snprintf(a->base_url, sizeof a->base_url, "%s",
	    cf->base_url != NULL && cf->base_url[0] != '\0' ? cf->base_url :
	    "http://127.0.0.1:8080");
	a->render = cf->render;
	a->pdf = cf->pdf;	/* pdf */
	/* "https://host/" and "https://host" make the same links */
	for (size_t n = strlen(a->base_url); n > 0 &&
	    a->base_url[n - 1] == '/'; n--)
		a->base_url[n - 1] = '\0';
	if ((rc = files_dir(a, cf, err, errsz)) != SEL_OK)
		goto fail;
	if (app_hash_password(a, STR("selter-dummy"), a->dummy_hash) !=
	    SEL_OK) {
		snprintf(err, errsz, "argon2id: out of memory");
		rc = SEL_ENOMEM;
		goto fail;
	}
	if (cf->now != NULL && cf->now[0] != '\0' &&
	    parse_now(cf->now, &a->fixed_now) != SEL_OK) {
		snprintf(err, errsz, "now: \"%s\" is not YYYY-MM-DDTHH:MM:SSZ",
		    cf->now);
		rc = SEL_EINVAL;
		goto fail;
	}
	if ((rc = app_profiles(a->perm, cf->profiles_dir, &a->profiles,
	    &a->nprofiles, &e)) != SEL_OK ||
	    (rc = app_holidays(a->perm, &a->cal, &e)) != SEL_OK) {
		snprintf(err, errsz, "%s", e.msg);
		goto fail;
	}
	/* The loader's warnings (entries that can never apply), once. */
	for (size_t i = 0; i < a->nprofiles; i++)
		for (size_t k = 0; k < a->profiles[i]->nwarnings; k++)
			log_msg("warning", "profiles", "%s:%u: %.*s",
			    a->profiles[i]->file,
			    a->profiles[i]->warnings[k].line,
			    (int)a->profiles[i]->warnings[k].msg.len,
			    a->profiles[i]->warnings[k].msg.p);
	rc = store_open(cf->db_path, cf->db_conns > 0 ? cf->db_conns : 4,
	    &a->st, err, errsz);
	if (rc != SEL_OK)
		goto fail;
	/* ---- log ---- the keys before the demo publishes; a checkpoint
	   of the trail as the start finds it */
	if ((rc = app_log_open(a, cf, err, errsz)) != SEL_OK)
		goto fail;
	/* ---- end log ---- */
	/* ---- archive ---- an imported archive: read-only, nothing
	   seeded, no checkpoint made */
	if (store_is_archive(a->st)) {
		struct stx *tx;

		a->archive = arena_alloc(a->perm, sizeof *a->archive);
		if ((rc = store_begin(a->st, false, &tx)) == SEL_OK) {
			rc = store_archive_get(tx, a->perm, a->archive);
			store_abort(a->st, tx);
		}
		if (rc != SEL_OK) {
			snprintf(err, errsz, "%s: the archive's row cannot be "
			    "read", cf->db_path);
			goto fail;
		}
		*out = a;
		return SEL_OK;
	}
	/* ---- end archive ---- */
	if (cf->demo && (rc = app_demo_seed(a, cf->demo_history, err,
	    errsz)) != SEL_OK)
		goto fail;
	/* ---- log ---- */
	if (a->log->signing) {
		struct arena *lar = arena_new(1 << 14);
		struct str note;
		bool made;

		rc = app_log_checkpoint(a, lar, &note, &made);
		arena_destroy(lar);
		if (rc != SEL_OK) {
			snprintf(err, errsz, "the log's checkpoint could not be "
			    "made");
			goto fail;
		}
	}
	/* ---- end log ---- */
	*out = a;
	return SEL_OK;
fail:
	app_close(a);
	return rc;
}

void
app_close(struct app *a)
{
	if (a == NULL)
		return;
	store_close(a->st);
	app_log_close(a);	/* ---- log ---- ---- end log ---- */
	arena_destroy(a->perm);
	sodium_memzero(a->secret, sizeof a->secret);
	free(a);
}

int64_t
app_now(const struct app *a)
{
	return a->fixed_now != 0 ? a->fixed_now : (int64_t)time(NULL);
}

struct str
app_iso(struct arena *ar, int64_t t)
{
	int64_t days = t / 86400, secs = t % 86400;
	int y, m, d;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	date_ymd((sel_date)days, &y, &m, &d);
	return arena_printf(ar, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
	    (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

struct str
app_when(struct arena *ar, int64_t t, const struct profile *p)
{
	struct buf b;
	struct str s;

	buf_init(&b, 64);
	date_instant_id(&b, t, p != NULL ? p->timezone : STR("WIB"));
	s = arena_printf(ar, "%s", b.p != NULL ? b.p : "");
	buf_release(&b);
	return s;
}

int
app_tz_hours(const struct profile *p)
{
	int hours = 7;

	if (p != NULL)
		(void)date_zone_hours(p->timezone, &hours);
	return hours;
}

unsigned long
app_gen(const struct app *a)
{
	return atomic_load(&a->gen);
}

int
app_session_hours(const struct app *a)
{
	return a->session_hours;
}

const char *
app_files_dir(const struct app *a)
{
	return a->files_dir;
}

const struct profile *const *
app_profile_list(const struct app *a, size_t *n)
{
	*n = a->nprofiles;
	return (const struct profile *const *)a->profiles;
}

sel_date
app_today(const struct app *a, const struct profile *p)
{
	return (sel_date)((app_now(a) + app_tz_hours(p) * 3600) / 86400);
}

int64_t
app_day_end(const struct profile *p, sel_date d)
{
	return ((int64_t)d + 1) * 86400 - app_tz_hours(p) * 3600;
}

const struct profile *
app_profile_get(const struct app *a, struct str id)
{
	for (size_t i = 0; i < a->nprofiles; i++)
		if (str_eq(a->profiles[i]->id, id))
			return a->profiles[i];
	return NULL;
}

enum sel_err
app_say(struct app_msg *m, enum sel_err rc, const char *fmt, ...)
{
	va_list ap;

	if (m != NULL) {
		va_start(ap, fmt);
		vsnprintf(m->text, sizeof m->text, fmt, ap);
		va_end(ap);
		app_msg_at(m, "");
	}
	return rc;
}

void
app_msg_at(struct app_msg *m, const char *field)
{
	size_t n = strnlen(m->text, sizeof m->text);

	if (n + 1 < sizeof m->text)
		snprintf(m->text + n + 1, sizeof m->text - n - 1, "%s", field);
}

const char *
app_msg_field(const struct app_msg *m)
{
	size_t n = strnlen(m->text, sizeof m->text);

	return n + 1 < sizeof m->text ? m->text + n + 1 : "";
}

struct str
app_rule_json(struct arena *ar, const struct profile *p, enum rule_id id)
{
	const struct prof_rule *r = p != NULL ? profile_rule_any(p, id) : NULL;

	return app_rule_cited(ar, id, r != NULL ? r->citation : STR(""));
}

struct str
app_rule_cited(struct arena *ar, enum rule_id id, struct str citation)
{
	struct buf b;
	struct json_w w;
	struct str s;

	buf_init(&b, 1 << 16);
	jw_init(&w, &b);
	jw_arr(&w);
	jw_obj(&w);
	jw_key(&w, "id");
	jw_strc(&w, rule_name(id));
	jw_key(&w, "citation");
	jw_str(&w, citation);
	jw_obj_end(&w);
	jw_arr_end(&w);
	s = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return s;
}

struct str
app_printf(struct arena *ar, const char *fmt, ...)
{
	struct buf b;
	struct str s;
	va_list ap;

	buf_init(&b, 1 << 20);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	s.len = b.len;
	s.p = arena_strndup(ar, b.p != NULL ? b.p : "", b.len);
	buf_release(&b);
	return s;
}

/*
 * The code point of the UTF-8 sequence at p (n bytes left) and its
 * length, 0 when it is not valid UTF-8: a stray continuation byte, a
 * sequence cut short, an overlong form, a surrogate, past U+10FFFF.
 */
static size_t
utf8_next(const unsigned char *p, size_t n, uint32_t *cp)
{
	static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len;
	uint32_t c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, c = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Bidirectional controls: a name that reads backwards (U+202E). */
static bool
bidi_control(uint32_t c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

bool
app_text_valid(struct str s, size_t max, bool multiline)
{
	const unsigned char *p = (const unsigned char *)s.p;
	uint32_t c;
	size_t k;

	if (s.len > max)
		return false;
	for (size_t i = 0; i < s.len; i += k) {
		if ((k = utf8_next(p + i, s.len - i, &c)) == 0)
			return false;
		if (multiline && (c == '\n' || c == '\r' || c == '\t'))
			continue;
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || bidi_control(c))
			return false;
	}
	return true;
}

bool
app_text_ok(struct str s, size_t max)
{
	return s.len > 0 && app_text_valid(s, max, false);
}

struct str
app_rules_json(struct arena *ar, const struct rule_result *r, size_t n)
{
	struct buf b;
	struct json_w w;
	struct str s;

	buf_init(&b, 1 << 20);
	jw_init(&w, &b);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		jw_key(&w, "id");
		jw_strc(&w, rule_name(r[i].id));
		jw_key(&w, "status");
		jw_strc(&w, rule_status_name(r[i].status));
		jw_key(&w, "detail");
		jw_str(&w, r[i].detail);
		jw_key(&w, "citation");
		jw_str(&w, r[i].citation);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	s = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return s;
}

struct str
app_kv(struct arena *ar, ...)
{
	struct buf b;
	struct json_w w;
	struct str out;
	const char *k;
	va_list ap;

	buf_init(&b, 1 << 20);
	jw_init(&w, &b);
	jw_obj(&w);
	va_start(ap, ar);
	while ((k = va_arg(ap, const char *)) != NULL) {
		const struct str *v = va_arg(ap, const struct str *);

		jw_key(&w, k);
		jw_str(&w, *v);
	}
	va_end(ap);
	jw_obj_end(&w);
	out = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return out;
}

enum sel_err
app_audit(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, const char *action, struct str before,
    struct str after, struct str rules)
{
	struct s_event e;

	memset(&e, 0, sizeof e);
	e.at = app_iso(ar, app_now(a));
	e.actor_id = w != NULL ? w->account_id : 0;
	e.actor = w != NULL ? arena_printf(ar, "%.*s (%.*s)", (int)w->name.len,
	    w->name.p, (int)w->login.len, w->login.p) : STR("sistem");
	e.selection_id = sel;
	e.action = str_c(action);
	e.before = before.len > 0 ? before : STR("null");
	e.after = after.len > 0 ? after : STR("null");
	e.rules = rules.len > 0 ? rules : STR("[]");
	return store_event_add(tx, &e);
}

enum sel_err
app_commit(struct app *a, struct stx *tx)
{
	enum sel_err rc;

	/* ---- log ---- a publication's checkpoint, in its transaction */
	if ((rc = app_log_before_commit(a, tx)) != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	/* ---- end log ---- */
	rc = store_commit(a->st, tx);
	atomic_fetch_add(&a->gen, 1);
	return rc;
}

enum sel_err
app_events(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct s_event **out, size_t *n)
{
	struct s_selection s;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_selection_get(tx, ar, sel, &s);
	if (rc == SEL_OK && !app_may(w, ACT_AUDIT_VIEW, s.region_id, sel))
		rc = SEL_EPERM;
	if (rc == SEL_OK)
		rc = store_events(tx, ar, sel, 0, SIZE_MAX, out, n);
	if (rc == SEL_OK)	/* score part: sealed scores stay sealed */
		rc = score_events_seal(a, tx, ar, w, sel, *out, *n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_audit_verify_file(const char *db, struct arena *ar,
    const struct audit_head *head, int64_t *checked, int64_t *bad,
    struct str *why, char *err, size_t errsz)
{
	struct store *st;
	struct stx *tx;
	enum sel_err rc;

	if (store_open(db, 1, &st, err, errsz) != SEL_OK)
		return SEL_EINVAL;
	if ((rc = store_begin(st, false, &tx)) == SEL_OK) {
		rc = store_audit_verify(tx, ar, head, checked, bad, why);
		store_abort(st, tx);
	}
	store_close(st);
	return rc;
}

enum sel_err
app_selections(struct app *a, struct arena *ar, bool published_only,
    struct s_selection **out, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	*n = 0;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_selections(tx, ar, 0, published_only, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_audit_head(struct app *a, struct audit_head *h)
{
	struct stx *tx;
	enum sel_err rc;

	/* ---- archive ---- the source trail's head at the export */
	if (a->archive != NULL) {
		h->id = a->archive->head_id;
		memcpy(h->hash, a->archive->head_hash, 32);
		return SEL_OK;
	}
	/* ---- end archive ---- */
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_audit_head(tx, h);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_region_by_code(struct app *a, struct arena *ar, struct str code,
    struct s_region *out)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_region_by_code(tx, ar, code, out);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_admin_lists(struct app *a, struct arena *ar, const struct who *w,
    struct s_region **reg, size_t *nreg, struct s_account **acc,
    size_t *nacc, struct s_grant **gr, size_t *ngr)
{
	struct stx *tx;
	enum sel_err rc;

	*nreg = *nacc = *ngr = 0;
	if (!app_may(w, ACT_ADMIN, 0, 0))
		return SEL_EPERM;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	if ((rc = store_regions(tx, ar, reg, nreg)) == SEL_OK &&
	    (rc = store_accounts(tx, ar, acc, nacc)) == SEL_OK)
		rc = store_grants(tx, ar, 0, gr, ngr);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		*nreg = *nacc = *ngr = 0;
	return rc;
}

enum sel_err
app_audit_verify(struct app *a, struct arena *ar,
    const struct audit_head *head, int64_t *checked, int64_t *bad,
    struct str *why)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_audit_verify(tx, ar, head, checked, bad, why);
	store_abort(a->st, tx);
	return rc;
}
