/*
 * after.c - what the acts after the ranking share (after_int.h).
 */
#include <string.h>

#include "app/after_int.h"
#include "core/appt.h"
#include "base/banned.h"

void
after_init(struct after *c, struct app *a, struct arena *ar,
    const struct who *w, struct choice_view *cv, void *view,
    const struct form *f, struct app_msg *m, const char **field)
{
	memset(c, 0, sizeof *c);
	c->a = a;
	c->ar = ar;
	c->w = w;
	c->cv = cv;
	c->view = view;
	c->f = f;
	c->m = m;
	c->field = field != NULL ? field : &c->none;
	*c->field = NULL;
}

enum sel_err
after_begin(struct after *c, int64_t sel)
{
	enum sel_err rc;

	if ((rc = store_begin(c->a->st, true, &c->tx)) != SEL_OK)
		return rc;
	rc = choice_load(c->a, c->tx, c->ar, c->w, sel, c->cv);
	if (rc == SEL_ENOENT)
		app_say(c->m, rc, "Seleksi tidak ditemukan.");
	if (rc != SEL_OK)
		store_abort(c->a->st, c->tx);
	return rc;
}

enum sel_err
after_finish(struct after *c, enum sel_err rc)
{
	if (rc != SEL_OK) {
		store_abort(c->a->st, c->tx);
		return rc;
	}
	return app_commit(c->a, c->tx);
}

enum sel_err
after_bad(struct after *c, const char *field, enum sel_err rc,
    const char *msg)
{
	*c->field = field;
	return app_say(c->m, rc, "%s", msg);
}

enum sel_err
after_day(struct after *c, const char *name, const char *what, sel_date *d)
{
	struct appt_days days = { c->cv->sent_on, c->cv->today };
	struct rule_result why;

	if (date_parse(str_trim(form_get(c->f, name)), d) != SEL_OK)
		return after_bad(c, name, SEL_EINVAL, "Isi tanggal dengan "
		    "format TTTT-BB-HH, misalnya 2026-12-07.");
	if (!appt_day_ok(c->ar, &days, *d, what, &why)) {
		*c->field = name;
		return app_say(c->m, SEL_EINVAL, "%.*s", (int)why.detail.len,
		    why.detail.p);
	}
	return SEL_OK;
}

enum sel_err
after_text(struct after *c, const char *name, const char *label,
    size_t min, size_t max, bool multi, struct str *out)
{
	*out = str_trim(form_get(c->f, name));
	if (!app_text_valid(*out, max, multi) || out->len < min) {
		*c->field = name;
		return app_say(c->m, SEL_EINVAL, "%s wajib diisi (%zu sampai "
		    "%zu karakter).", label, min, max);
	}
	return SEL_OK;
}
