/*
 * util.c - option parsing, errors, output helpers shared by the commands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "app/load.h"
#include "cli/cli.h"
#include "core/profile.h"
#include "base/banned.h"

int
die(int code, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One line, always: a newline inside a message would split it. */
	for (char *p = line; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	fprintf(stderr, "selter: %s\n", line);
	return code;
}

bool
want_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

int
cmd_start(const char *cmd, const char *help, int argc, char **argv,
    struct opt *opts, size_t n, int *fmt)
{
	if (want_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_RESULT;
	}
	if (opts_parse(cmd, argc, argv, opts, n) != 0 ||
	    (*fmt = opt_format(cmd, opts, n)) < 0)
		return EXIT_BADINPUT;
	return -1;
}

int
opts_parse(const char *cmd, int argc, char **argv, struct opt *opts,
    size_t n)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *eq;
		size_t len;
		struct opt *o = NULL;

		if (strncmp(a, "--", 2) != 0)
			return die(EXIT_BADINPUT, "%s: unexpected argument "
			    "\"%.80s\" (see selter %s --help)", cmd, a, cmd);
		a += 2;
		eq = strchr(a, '=');
		len = eq != NULL ? (size_t)(eq - a) : strlen(a);
		for (size_t k = 0; k < n; k++)
			if (strlen(opts[k].name) == len &&
			    strncmp(opts[k].name, a, len) == 0)
				o = &opts[k];
		if (o == NULL)
			return die(EXIT_BADINPUT, "%s: unknown option "
			    "\"--%.*s\" (see selter %s --help)", cmd, (int)len,
			    a, cmd);
		if (o->value != NULL)
			return die(EXIT_BADINPUT, "%s: --%s given twice", cmd,
			    o->name);
		if (!o->has_arg) {
			if (eq != NULL)
				return die(EXIT_BADINPUT, "%s: --%s takes no "
				    "value", cmd, o->name);
			o->value = "";
		} else if (eq != NULL) {
			o->value = eq + 1;
		} else if (i + 1 < argc) {
			o->value = argv[++i];
		} else {
			return die(EXIT_BADINPUT, "%s: --%s needs a value", cmd,
			    o->name);
		}
	}
	return 0;
}

const char *
opt_get(const struct opt *opts, size_t n, const char *name)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(opts[k].name, name) == 0)
			return opts[k].value;
	return NULL;
}

const char *
opt_need(const char *cmd, const struct opt *opts, size_t n, const char *name)
{
	const char *v = opt_get(opts, n, name);

	if (v == NULL)
		die(EXIT_BADINPUT, "%s: --%s is required (see selter %s --help)",
		    cmd, name, cmd);
	return v;
}

int
opt_format(const char *cmd, const struct opt *opts, size_t n)
{
	const char *f = opt_get(opts, n, "format");

	if (f == NULL || strcmp(f, "json") == 0)
		return FMT_JSON;
	if (strcmp(f, "table") == 0)
		return FMT_TABLE;
	die(EXIT_BADINPUT, "%s: --format: \"%.40s\" is not json or table", cmd,
	    f);
	return -1;
}

int
opt_date(const char *name, const char *value, sel_date *out)
{
	if (date_parse(str_c(value), out) != SEL_OK) {
		die(EXIT_BADINPUT, "--%s: \"%.40s\" is not a real date "
		    "YYYY-MM-DD", name, value);
		return -1;
	}
	return 0;
}

sel_date
today_in(const struct profile *p)
{
	time_t now = time(NULL);
	struct tm tm;
	sel_date d;
	long off = 7;

	if (str_eqc(p->timezone, "WITA"))
		off = 8;
	else if (str_eqc(p->timezone, "WIT"))
		off = 9;
	now += (time_t)(off * 3600);
	gmtime_r(&now, &tm);
	if (date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d))
		d = 0;
	return d;
}

int
emit(struct buf *b)
{
	size_t off = 0;

	if (b->err != SEL_OK)
		return die(EXIT_INTERNAL, "output too large");
	while (off < b->len) {
		ssize_t w = write(STDOUT_FILENO, b->p + off, b->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return die(EXIT_INTERNAL, "cannot write the output: %s",
			    strerror(errno));
		off += (size_t)w;
	}
	return EXIT_RESULT;
}

void
jw_rules(struct json_w *w, const struct rule_result *r, size_t n)
{
	jw_arr(w);
	for (size_t i = 0; i < n; i++) {
		jw_obj(w);
		jw_key(w, "id");
		jw_strc(w, rule_name(r[i].id));
		jw_key(w, "status");
		jw_strc(w, rule_status_name(r[i].status));
		jw_key(w, "detail");
		jw_str(w, r[i].detail);
		jw_key(w, "citation");
		jw_str(w, r[i].citation);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

const char *
status_id(enum rule_status s)
{
	static const char *const names[] = { "LULUS", "GAGAL", "KURANG DATA" };

	return names[s];
}

void
tb_wrap(struct buf *b, struct str s, int indent, int width)
{
	int col = indent;
	size_t i = 0;

	while (i < s.len) {
		size_t j = i;
		int wl;

		while (j < s.len && s.p[j] != ' ')
			j++;
		wl = (int)(j - i);
		if (col > indent && col + 1 + wl > width) {
			buf_printf(b, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			buf_putc(b, ' ');
			col++;
		}
		buf_put(b, s.p + i, j - i);
		col += wl;
		i = j;
		while (i < s.len && s.p[i] == ' ')
			i++;
	}
}

void
tb_rules(struct buf *b, const struct rule_result *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "  %-21s %-11s ", rule_name(r[i].id),
		    status_id(r[i].status));
		tb_wrap(b, r[i].detail, 36, 100);
		buf_printf(b, "\n%36s", "");
		buf_puts(b, "Dasar: ");
		tb_wrap(b, r[i].citation, 43, 100);
		buf_putc(b, '\n');
	}
}

void
jw_date(struct json_w *w, sel_date d)
{
	struct buf t;

	buf_init(&t, 16);
	date_iso(&t, d);
	jw_str(w, buf_str(&t));
	buf_release(&t);
}

void
jw_warning(struct json_w *w, const struct profile *p, struct str warning)
{
	if (warning.len == 0)
		return;
	jw_key(w, "warnings");
	jw_arr(w);
	jw_obj(w);
	jw_key(w, "detail");
	jw_str(w, warning);
	jw_key(w, "citation");
	jw_str(w, p->emergency_citation);
	jw_obj_end(w);
	jw_arr_end(w);
}

void
prof_warnings(const struct profile *p)
{
	for (size_t i = 0; i < p->nwarnings; i++)
		fprintf(stderr, "selter: warning: %s:%u: %.*s\n", p->file,
		    p->warnings[i].line, (int)p->warnings[i].msg.len,
		    p->warnings[i].msg.p);
}

int
load_inputs(struct arena *a, const char *prof, const char *dir,
    struct profile **p, const char *path, struct json **root)
{
	struct app_err e;

	if ((prof != NULL && app_profile(a, dir, prof, p, &e) != SEL_OK) ||
	    (path != NULL && app_read_json(a, path, root, &e) != SEL_OK)) {
		die(EXIT_BADINPUT, "%s", e.msg);
		return -1;
	}
	if (prof != NULL)
		prof_warnings(*p);
	return 0;
}

int
bad_doc(const char *path, const struct diag *d)
{
	struct app_err e;

	app_err_diag(&e, path, d);
	return die(EXIT_BADINPUT, "%s", e.msg);
}

void
jw_verdict(struct json_w *w, bool valid, const struct rule_result *r,
    size_t n)
{
	jw_obj(w);
	jw_key(w, "valid");
	jw_bool(w, valid);
	jw_key(w, "rules");
	jw_rules(w, r, n);
	jw_obj_end(w);
}
