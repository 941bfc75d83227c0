/*
 * json.c - yajl callbacks that build a tree in an arena, typed readers,
 * and a writer.
 */
#include <stdio.h>
#include <string.h>

#include <yajl/yajl_parse.h>
#include <yajl/yajl_version.h>

#include "base/arena.h"
#include "base/ckd.h"
#include "base/json.h"
#include "base/banned.h"

struct jctx {
	struct arena	*a;
	yajl_handle	 h;
	const char	*text;
	size_t		 len;
	size_t		 scanned;	/* bytes of text already counted */
	uint32_t	 line;		/* line at text[scanned] */
	bool		 track;
	struct json	*root;
	struct json	*cur;		/* the open array or object */
	struct str	 key;		/* pending member key */
	int		 depth;
	bool		 too_deep;
};

static uint32_t
ctx_line(struct jctx *c)
{
	size_t upto;

	if (!c->track)
		return c->line;
	upto = yajl_get_bytes_consumed(c->h);
	for (; c->scanned < upto; c->scanned++)
		if (c->text[c->scanned] == '\n')
			c->line++;
	return c->line;
}

/*
 * A string yajl hands over: when it points into the text (no escapes, the
 * common case) the text outlives the tree and is used in place; decoded
 * strings live in yajl's scratch buffer and are copied.
 */
static struct str
keep(struct jctx *c, const unsigned char *s, size_t len)
{
	const char *p = (const char *)s;

	if (p >= c->text && p + len <= c->text + c->len)
		return (struct str){ p, len };
	return (struct str){ arena_strndup(c->a, p, len), len };
}

static struct json *
add(struct jctx *c, enum json_type t)
{
	struct json *n = arena_alloc_raw(c->a, sizeof(*n));
	struct json *p = c->cur;

	*n = (struct json){ .type = t, .line = ctx_line(c) };
	if (p == NULL) {
		c->root = n;
		return n;
	}
	n->parent = p;
	n->index = p->count++;
	if (p->type == JSON_OBJECT) {
		n->key = c->key;
		c->key = STR_NULL;
	}
	if (p->tail != NULL)
		p->tail->next = n;
	else
		p->head = n;
	p->tail = n;
	return n;
}

static int
cb_null(void *ctx)
{
	add(ctx, JSON_NULL);
	return 1;
}

static int
cb_bool(void *ctx, int v)
{
	add(ctx, JSON_BOOL)->b = v != 0;
	return 1;
}

static int
cb_number(void *ctx, const char *s, size_t len)
{
	struct jctx *c = ctx;

	add(c, JSON_NUMBER)->s = keep(c, (const unsigned char *)s, len);
	return 1;
}

static int
cb_string(void *ctx, const unsigned char *s, size_t len)
{
	struct jctx *c = ctx;

	add(c, JSON_STRING)->s = keep(c, s, len);
	return 1;
}

static int
open_container(struct jctx *c, enum json_type t)
{
	if (++c->depth > JSON_MAX_DEPTH) {
		c->too_deep = true;
		return 0;
	}
	c->cur = add(c, t);
	return 1;
}

static int
cb_start_map(void *ctx)
{
	return open_container(ctx, JSON_OBJECT);
}

static int
cb_map_key(void *ctx, const unsigned char *s, size_t len)
{
	struct jctx *c = ctx;

	c->key = keep(c, s, len);
	return 1;
}

static int
cb_end(void *ctx)
{
	struct jctx *c = ctx;

	c->depth--;
	c->cur = c->cur->parent;
	return 1;
}

static int
cb_start_array(void *ctx)
{
	return open_container(ctx, JSON_ARRAY);
}

static const yajl_callbacks callbacks = {
	cb_null, cb_bool, NULL, NULL, cb_number, cb_string,
	cb_start_map, cb_map_key, cb_end, cb_start_array, cb_end,
};

/* yajl's message without its newline and the "parse error: " noise. */
static void
yajl_message(yajl_handle h, struct diag *err, const char *text,
    size_t len)
{
	unsigned char *m = yajl_get_error(h, 0, (const unsigned char *)text,
	    len);
	const char *s = (const char *)m;
	size_t n;

	if (strncmp(s, "parse error: ", 13) == 0)
		s += 13;
	else if (strncmp(s, "lexical error: ", 15) == 0)
		s += 15;
	n = strcspn(s, "\n");
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	snprintf(err->msg, sizeof(err->msg), "invalid JSON: %.*s", (int)n, s);
	yajl_free_error(h, m);
}

enum sel_err
json_parse(struct arena *a, const char *text, size_t len, uint32_t first_line,
    bool track_lines, struct json **out, struct diag *err)
{
	struct jctx c = { .a = a, .text = text, .len = len,
	    .line = first_line, .track = track_lines };
	yajl_status st;
	bool at_end = false;
	size_t i;

	/* A UTF-8 byte-order mark, as some exports write, is not content. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
		c.text = text;
		c.len = len;
	}
	for (i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
		    text[i] != '\r')
			break;
	if (i == len) {
		err->line = first_line;
		snprintf(err->msg, sizeof(err->msg), "%s",
		    len == 0 ? "empty input" : "no JSON value, only white space");
		return SEL_EINVAL;
	}
	c.h = yajl_alloc(&callbacks, NULL, &c);
	if (c.h == NULL)
		sel_oom(0);
	st = yajl_parse(c.h, (const unsigned char *)text, len);
	if (st == yajl_status_ok) {
		st = yajl_complete_parse(c.h);
		/* Cut short: the fault is at the end of the text. */
		at_end = st != yajl_status_ok;
	}
	if (st != yajl_status_ok || c.root == NULL) {
		size_t at = at_end ? len : yajl_get_bytes_consumed(c.h);

		c.track = true;
		if (at > len)
			at = len;
		for (; c.scanned < at; c.scanned++)
			if (text[c.scanned] == '\n')
				c.line++;
		err->line = c.line;
		if (c.too_deep)
			snprintf(err->msg, sizeof(err->msg),
			    "invalid JSON: nested deeper than %d levels",
			    JSON_MAX_DEPTH);
		else
			yajl_message(c.h, err, text, len);
		yajl_free(c.h);
		return SEL_EINVAL;
	}
	yajl_free(c.h);
	*out = c.root;
	return SEL_OK;
}

struct json *
json_getn(const struct json *obj, const char *key, size_t n)
{
	if (obj == NULL || obj->type != JSON_OBJECT)
		return NULL;
	/* Length and first byte rule out most members without a call. */
	for (struct json *m = obj->head; m != NULL; m = m->next)
		if (m->key.len == n && (n == 0 || (m->key.p[0] == key[0] &&
		    memcmp(m->key.p, key, n) == 0)))
			return m;
	return NULL;
}

bool
json_absent(const struct json *n)
{
	return n == NULL || n->type == JSON_NULL;
}

const char *
json_type_name(enum json_type t)
{
	switch (t) {
	case JSON_NULL:		return "null";
	case JSON_BOOL:		return "a boolean";
	case JSON_NUMBER:	return "a number";
	case JSON_STRING:	return "a string";
	case JSON_ARRAY:	return "an array";
	case JSON_OBJECT:	return "an object";
	}
	return "?";
}

void
json_path(struct buf *b, const struct json *n)
{
	const struct json *chain[JSON_MAX_DEPTH + 2];
	int k = 0;

	for (; n != NULL && n->parent != NULL && k < (int)ARRAY_LEN(chain);
	    n = n->parent)
		chain[k++] = n;
	if (k == 0) {
		buf_puts(b, "(root)");
		return;
	}
	while (k-- > 0) {
		const struct json *c = chain[k];

		if (c->parent->type == JSON_ARRAY) {
			buf_printf(b, "[%u]", c->index);
		} else {
			if (c->parent->parent != NULL)
				buf_putc(b, '.');
			buf_putstr(b, c->key);
		}
	}
}

static enum sel_err
fail_v(struct diag *err, const struct json *n, const char *key,
    const char *fmt, va_list ap)
{
	struct buf b;

	buf_init(&b, sizeof(err->msg) - 1);
	if (n == NULL) {
		buf_puts(&b, key != NULL ? key : "(root)");
	} else if (key != NULL) {
		if (n->parent != NULL) {
			json_path(&b, n);
			buf_putc(&b, '.');
		}
		buf_puts(&b, key);
	} else {
		json_path(&b, n);
	}
	buf_puts(&b, ": ");
	buf_vprintf(&b, fmt, ap);
	snprintf(err->msg, sizeof(err->msg), "%s", b.p != NULL ? b.p : "");
	err->line = n != NULL ? n->line : 0;
	buf_release(&b);
	return SEL_EINVAL;
}

enum sel_err
json_fail(struct diag *err, const struct json *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fail_v(err, n, NULL, fmt, ap);
	va_end(ap);
	return SEL_EINVAL;
}

enum sel_err
json_fail_key(struct diag *err, const struct json *obj, const char *key,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fail_v(err, obj, key, fmt, ap);
	va_end(ap);
	return SEL_EINVAL;
}

/* The member, or an error when it is required and absent. */
static enum sel_err
member(struct diag *err, const struct json *obj, const char *key,
    bool req, enum json_type want, const struct json **m, bool *present)
{
	const struct json *v = json_get(obj, key);

	if (present != NULL)
		*present = false;
	*m = NULL;
	if (json_absent(v)) {
		if (req)
			return json_fail_key(err, obj, key, "required field "
			    "is %s", v == NULL ? "missing" : "null");
		return SEL_OK;
	}
	if (v->type != want)
		return json_fail(err, v, "expected %s, got %s",
		    json_type_name(want), json_type_name(v->type));
	if (present != NULL)
		*present = true;
	*m = v;
	return SEL_OK;
}

enum sel_err
json_str_member(struct diag *err, const struct json *obj,
    const char *key, bool req, struct str *out, bool *present)
{
	const struct json *m;
	enum sel_err rc;

	rc = member(err, obj, key, req, JSON_STRING, &m, present);
	if (rc == SEL_OK && m != NULL)
		*out = m->s;
	return rc;
}

enum sel_err
json_bool_member(struct diag *err, const struct json *obj,
    const char *key, bool req, bool *out, bool *present)
{
	const struct json *m;
	enum sel_err rc;

	rc = member(err, obj, key, req, JSON_BOOL, &m, present);
	if (rc == SEL_OK && m != NULL)
		*out = m->b;
	return rc;
}

enum sel_err
json_int_member(struct diag *err, const struct json *obj,
    const char *key, bool req, int64_t min, int64_t max, int64_t *out,
    bool *present)
{
	const struct json *m;
	enum sel_err rc;
	int64_t v;

	rc = member(err, obj, key, req, JSON_NUMBER, &m, present);
	if (rc != SEL_OK || m == NULL)
		return rc;
	rc = parse_i64(m->s, min, max, &v);
	if (rc != SEL_OK)
		return json_fail(err, m, "expected a whole number from %lld "
		    "to %lld, got %.*s", (long long)min, (long long)max,
		    (int)m->s.len, m->s.p);
	*out = v;
	return SEL_OK;
}

enum sel_err
json_fixed2(struct diag *err, const struct json *n, int64_t min,
    int64_t max, int64_t *out)
{
	int64_t v;

	if (n->type != JSON_NUMBER)
		return json_fail(err, n, "expected a number, got %s",
		    json_type_name(n->type));
	if (parse_fixed(n->s, 2, &v) != SEL_OK)
		return json_fail(err, n, "expected a number with at most 2 "
		    "decimals, got %.*s", (int)n->s.len, n->s.p);
	if (v < min || v > max) {
		struct buf lo, hi;
		enum sel_err rc;

		buf_init(&lo, 32);
		buf_init(&hi, 32);
		buf_fixed2(&lo, min);
		buf_fixed2(&hi, max);
		rc = json_fail(err, n, "%.*s is outside %s..%s",
		    (int)n->s.len, n->s.p, lo.p, hi.p);
		buf_release(&lo);
		buf_release(&hi);
		return rc;
	}
	*out = v;
	return SEL_OK;
}

enum sel_err
json_arr_member(struct diag *err, const struct json *obj,
    const char *key, bool req, const struct json **arr)
{
	return member(err, obj, key, req, JSON_ARRAY, arr, NULL);
}

enum sel_err
json_obj_member(struct diag *err, const struct json *obj,
    const char *key, bool req, const struct json **o)
{
	return member(err, obj, key, req, JSON_OBJECT, o, NULL);
}

enum sel_err
json_enum(struct diag *err, const struct json *n,
    const char *const *words, int *out)
{
	struct buf b;

	if (n->type != JSON_STRING)
		return json_fail(err, n, "expected a string, got %s",
		    json_type_name(n->type));
	for (int i = 0; words[i] != NULL; i++)
		if (str_eqc(n->s, words[i])) {
			*out = i;
			return SEL_OK;
		}
	buf_init(&b, 300);
	for (int i = 0; words[i] != NULL; i++) {
		if (words[i][0] == '\0')
			continue;
		buf_puts(&b, b.len > 0 ? ", " : "");
		buf_puts(&b, words[i]);
	}
	json_fail(err, n, "unknown value \"%.*s\" (expected one of: %s%s)",
	    (int)(n->s.len > 60 ? 60 : n->s.len), n->s.p, b.p,
	    b.err != SEL_OK ? ", ..." : "");
	buf_release(&b);
	return SEL_EINVAL;
}

/* Writer. */

void
jw_init(struct json_w *w, struct buf *b)
{
	w->b = b;
	w->first = 1;
	w->depth = 0;
	w->after_key = false;
}

static void
sep(struct json_w *w)
{
	uint64_t bit = (uint64_t)1 << (w->depth & 63);

	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->first & bit)
		w->first &= ~bit;
	else
		buf_putc(w->b, ',');
}

static void
open_(struct json_w *w, char c)
{
	sep(w);
	buf_putc(w->b, c);
	w->depth++;
	w->first |= (uint64_t)1 << (w->depth & 63);
}

static void
close_(struct json_w *w, char c)
{
	buf_putc(w->b, c);
	w->depth--;
}

void jw_obj(struct json_w *w) { open_(w, '{'); }
void jw_obj_end(struct json_w *w) { close_(w, '}'); }
void jw_arr(struct json_w *w) { open_(w, '['); }
void jw_arr_end(struct json_w *w) { close_(w, ']'); }

/* The escape of a byte str_json_plain stops at, into e[0..6); its length. */
static size_t
escape_byte(char *e, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	e[0] = '\\';
	switch (c) {
	case '"':	e[1] = '"'; return 2;
	case '\\':	e[1] = '\\'; return 2;
	case '\n':	e[1] = 'n'; return 2;
	case '\r':	e[1] = 'r'; return 2;
	case '\t':	e[1] = 't'; return 2;
	default:
		e[1] = 'u'; e[2] = '0'; e[3] = '0';
		e[4] = hex[c >> 4]; e[5] = hex[c & 15];
		return 6;
	}
}

void
json_escape(struct buf *b, struct str s)
{
	size_t run = 0, i = 0;

	if (s.len == 0)
		return;		/* s.p may be NULL */
	for (;;) {
		char e[6];

		i += str_json_plain(s.p + i, s.len - i, false);
		buf_put(b, s.p + run, i - run);
		if (i == s.len)
			return;
		buf_put(b, e, escape_byte(e, (unsigned char)s.p[i]));
		run = ++i;
	}
}

char *
json_escape_raw(char *dst, struct str s)
{
	size_t i = 0;

	if (s.len == 0)
		return dst;
	for (;;) {
		size_t n = str_json_plain(s.p + i, s.len - i, false);

		if (n > 0)
			memcpy(dst, s.p + i, n);
		dst += n;
		i += n;
		if (i == s.len)
			return dst;
		dst += escape_byte(dst, (unsigned char)s.p[i++]);
	}
}

void
jw_keyn(struct json_w *w, const char *key, size_t n)
{
	/* Keys are the program's own identifiers: nothing to escape. */
	sep(w);
	buf_putc(w->b, '"');
	buf_put(w->b, key, n);
	buf_put(w->b, "\":", 2);
	w->after_key = true;
}

void
jw_str(struct json_w *w, struct str s)
{
	sep(w);
	buf_putc(w->b, '"');
	json_escape(w->b, s);
	buf_putc(w->b, '"');
}

void
jw_strc(struct json_w *w, const char *s)
{
	jw_str(w, str_c(s));
}

void
jw_int(struct json_w *w, int64_t v)
{
	sep(w);
	buf_printf(w->b, "%lld", (long long)v);
}

void
jw_fixed2(struct json_w *w, int64_t v)
{
	sep(w);
	buf_fixed2(w->b, v);
}

void
jw_bool(struct json_w *w, bool v)
{
	sep(w);
	buf_puts(w->b, v ? "true" : "false");
}

void
jw_null(struct json_w *w)
{
	sep(w);
	buf_puts(w->b, "null");
}

void
json_lib_version(char *buf, size_t n)
{
	int v = yajl_version();		/* major * 10000 + minor * 100 + micro */

	snprintf(buf, n, "%d.%d.%d", v / 10000, v / 100 % 100, v % 100);
}
