/*
 * t_app.c - the application tests' fixture (t_app.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t_app.h"
#include "base/banned.h"

/*
 * The unit tests' renderer of published documents: plain enough to
 * assert on, from the same view the web's renderer reads.
 */
static enum sel_err
fx_render(struct arena *a, const struct pub_src *src, struct str *html)
{
	const struct sel_view *v = src->sel;

	*html = arena_printf(a, "<p>%s: %.*s; %.*s; %.*s</p>",
	    pub_kind_name(src->kind), (int)v->s.f[SF_TITLE].len,
	    v->s.f[SF_TITLE].p, (int)v->s.f[SF_ANN_CLOSE].len,
	    v->s.f[SF_ANN_CLOSE].p, (int)src->text.len, src->text.p);
	return SEL_OK;
}

static int
setup(void **state, bool history)
{
	struct fx *f = calloc(1, sizeof *f);
	struct app_config cf = { 0 };
	char err[512];
	int fd;

	snprintf(f->path, sizeof f->path, "/tmp/selter-test-XXXXXX");
	fd = mkstemp(f->path);
	if (fd < 0)
		return -1;
	close(fd);
	f->ar = arena_new(1 << 16);
	cf.db_path = f->path;
	cf.db_conns = 2;
	cf.demo = true;
	cf.demo_history = history;
	cf.now = "2026-11-23T03:00:00Z";	/* 10:00 WIB */
	cf.argon_mem_kib = 8192;
	cf.argon_ops = 1;
	cf.render = fx_render;
	if (app_open(&cf, &f->app, err, sizeof err) != SEL_OK) {
		fprintf(stderr, "app_open: %s\n", err);
		return -1;
	}
	*state = f;
	return 0;
}

int
fx_setup(void **state)
{
	return setup(state, false);
}

int
fx_setup_history(void **state)
{
	return setup(state, true);
}

int
fx_teardown(void **state)
{
	struct fx *f = *state;
	char side[80];

	app_close(f->app);
	arena_destroy(f->ar);
	unlink(f->path);
	snprintf(side, sizeof side, "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	/* ---- log ---- the demo's signing key */
	snprintf(side, sizeof side, "%s.key", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s.key.pub", f->path);
	unlink(side);
	/* ---- end log ---- */
	free(f);
	return 0;
}

void
fx_as(struct fx *f, const char *login, struct who *w)
{
	struct app_msg m;
	struct str tok;

	assert_int_equal(app_login(f->app, f->ar, str_c(login),
	    STR("demo-selter"), STR("127.0.0.1"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, w), SEL_OK);
}

struct form
fx_form(struct arena *ar, const char *const *kv)
{
	struct form fm = { arena_array(ar, 64, sizeof(struct field)), 0 };

	for (; kv[0] != NULL && fm.n < 64; kv += 2, fm.n++) {
		fm.f[fm.n].name = str_c(kv[0]);
		fm.f[fm.n].value = str_c(kv[1]);
	}
	return fm;
}

int64_t
fx_events(struct fx *f)
{
	struct arena *ar = arena_new(4096);
	int64_t n = 0, bad = 0;
	struct str why;

	assert_int_equal(app_audit_verify(f->app, ar, NULL, &n, &bad, &why),
	    SEL_OK);
	assert_int_equal(bad, 0);
	arena_destroy(ar);
	return n;
}

struct str
fx_mailed_token(struct fx *f, const char *to)
{
	struct s_mail *m;
	struct stx *tx;
	size_t n;
	const char *t;

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_mails_to(tx, f->ar, str_c(to), &m, &n), SEL_OK);
	store_abort(f->app->st, tx);
	assert_true(n > 0);
	t = strstr(t_cstr(f->ar, m[0].body), "?t=");
	assert_non_null(t);
	return (struct str){ t + 3, APP_TOKEN_LEN };
}

void
fx_ratna(struct fx *f, struct who *w)
{
	struct reg_in in = { STR(FX_RATNA_NIP), STR("Ratna Sari, S.KM."),
	    STR("1974-07-07"), STR("2000-03"), STR("ratna@example.org"),
	    STR("rahasia-ratna"), STR("rahasia-ratna"),
	    STR("") };
	struct app_msg m;
	struct str tok;
	int64_t id;

	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_int_equal(app_confirm(f->app, f->ar, fx_mailed_token(f,
	    "ratna@example.org"), &m), SEL_OK);
	assert_int_equal(app_login(f->app, f->ar, STR(FX_RATNA_NIP),
	    STR("rahasia-ratna"), STR("10.1.1.1"), &tok, &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, w), SEL_OK);
}
