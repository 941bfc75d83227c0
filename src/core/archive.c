/*
 * archive.c - the auditor's archive's container and manifest (archive.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/archive.h"
#include "base/banned.h"

bool
arch_name_ok(struct str s)
{
	if (s.len == 0 || s.len > 200 || s.p[0] == '/' || s.p[0] == '.')
		return false;
	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '/' || c == '-'))
			return false;
		if (c == '.' && i + 1 < s.len && s.p[i + 1] == '.')
			return false;
	}
	return true;
}

void
arch_write_start(struct buf *b)
{
	buf_puts(b, ARCH_MAGIC);
}

void
arch_write_file(struct buf *b, struct str name, struct str data)
{
	buf_putstr(b, name);
	buf_printf(b, " %zu\n", data.len);
	buf_putstr(b, data);
	buf_puts(b, "\n");
}

/* A decimal number of at most 19 digits, no sign, no leading zero. */
static bool
dec(struct str s, uint64_t *out)
{
	uint64_t v = 0;

	if (s.len == 0 || s.len > 19 || (s.len > 1 && s.p[0] == '0'))
		return false;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
		v = v * 10 + (uint64_t)(s.p[i] - '0');
	}
	*out = v;
	return true;
}

bool
arch_parse(struct str text, struct arch_file *v, size_t max, size_t *n,
    char *why, size_t whysz)
{
	size_t off = sizeof ARCH_MAGIC - 1;

	*n = 0;
	if (text.len < off || memcmp(text.p, ARCH_MAGIC, off) != 0) {
		snprintf(why, whysz, "it does not begin with \"selter-archive "
		    "1\": not an archive of this format");
		return false;
	}
	while (off < text.len) {
		const char *nl = memchr(text.p + off, '\n', text.len - off);
		const char *sp;
		struct str line, name;
		uint64_t size;

		if (nl == NULL || nl - (text.p + off) > 240) {
			snprintf(why, whysz, "byte %zu: a member's header line "
			    "does not end", off);
			return false;
		}
		line = (struct str){ text.p + off,
		    (size_t)(nl - text.p) - off };
		sp = memchr(line.p, ' ', line.len);
		name = (struct str){ line.p, sp != NULL ?
		    (size_t)(sp - line.p) : 0 };
		if (sp == NULL || !arch_name_ok(name) || !dec((struct str){
		    sp + 1, line.len - name.len - 1 }, &size)) {
			snprintf(why, whysz, "byte %zu: \"%.*s\" is not a "
			    "member's header (NAME SIZE)", off,
			    (int)(line.len > 60 ? 60 : line.len), line.p);
			return false;
		}
		off += line.len + 1;
		if (size > text.len - off || text.len - off - size < 1 ||
		    text.p[off + size] != '\n') {
			snprintf(why, whysz, "member %.*s: the file ends inside "
			    "it or its %" PRIu64 " bytes are not followed by a "
			    "newline", (int)name.len, name.p, size);
			return false;
		}
		for (size_t i = 0; i < *n; i++)
			if (str_eq(v[i].name, name)) {
				snprintf(why, whysz, "member %.*s comes twice",
				    (int)name.len, name.p);
				return false;
			}
		if (*n == max) {
			snprintf(why, whysz, "more than %zu members", max);
			return false;
		}
		memset(&v[*n], 0, sizeof v[*n]);
		v[*n].name = name;
		v[*n].data = (struct str){ text.p + off, (size_t)size };
		v[*n].size = size;
		(*n)++;
		off += (size_t)size + 1;
	}
	if (*n == 0 || !str_eqc(v[0].name, "manifest")) {
		snprintf(why, whysz, "its first member is not the manifest");
		return false;
	}
	return true;
}

void
arch_manifest_text(struct buf *b, const struct arch_manifest *m)
{
	buf_puts(b, "selter-archive 1\nregion ");
	buf_putstr(b, m->region_code);
	buf_puts(b, "\nregion-name ");
	buf_putstr(b, m->region_name);
	buf_printf(b, "\nselection %" PRId64 "\nexported ", m->selection);
	buf_putstr(b, m->exported);
	buf_puts(b, "\nkey ");
	buf_putstr(b, m->key);
	buf_puts(b, "\n");
	for (size_t i = 0; i < m->nfiles; i++) {
		buf_puts(b, "file ");
		buf_putstr(b, m->files[i].name);
		buf_printf(b, " %" PRIu64 " %s\n", m->files[i].size,
		    m->files[i].sha);
	}
}

/* The rest of line after "word ", or false. */
static bool
field(struct str line, const char *word, struct str *rest)
{
	size_t k = strlen(word);

	if (line.len <= k + 1 || memcmp(line.p, word, k) != 0 ||
	    line.p[k] != ' ')
		return false;
	*rest = (struct str){ line.p + k + 1, line.len - k - 1 };
	return true;
}

static bool
hex64(const char *p)
{
	for (int i = 0; i < 64; i++)
		if (!((p[i] >= '0' && p[i] <= '9') ||
		    (p[i] >= 'a' && p[i] <= 'f')))
			return false;
	return true;
}

bool
arch_manifest_parse(struct str text, struct arch_manifest *m,
    struct arch_file *files, size_t max, char *why, size_t whysz)
{
	static const char *const head[] = { "selter-archive", "region",
	    "region-name", "selection", "exported", "key" };
	size_t ln = 0;

	memset(m, 0, sizeof *m);
	m->files = files;
	for (const char *p = text.p, *end = text.p + text.len; p < end; ln++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		struct str line = { p, nl != NULL ? (size_t)(nl - p) :
		    (size_t)(end - p) }, r;
		uint64_t u;

		p += line.len + 1;
		if (ln < 6 && !field(line, head[ln], &r)) {
			snprintf(why, whysz, "the manifest's line %zu is not "
			    "\"%s ...\"", ln + 1, head[ln]);
			return false;
		}
		switch (ln) {
		case 0:
			if (!str_eqc(r, "1")) {
				snprintf(why, whysz, "the manifest is of "
				    "version %.*s, not 1", (int)r.len, r.p);
				return false;
			}
			continue;
		case 1: m->region_code = r; continue;
		case 2: m->region_name = r; continue;
		case 3:
			if (!dec(r, &u) || u == 0 || u > INT64_MAX) {
				snprintf(why, whysz, "the manifest's selection "
				    "is not a number");
				return false;
			}
			m->selection = (int64_t)u;
			continue;
		case 4: m->exported = r; continue;
		case 5: m->key = r; continue;
		default: break;
		}
		{
			const char *s1, *s2;
			struct arch_file *f = &files[m->nfiles];

			if (m->nfiles == max || !field(line, "file", &r) ||
			    (s1 = memchr(r.p, ' ', r.len)) == NULL ||
			    (s2 = memchr(s1 + 1, ' ', (size_t)(r.p + r.len -
			    s1 - 1))) == NULL || r.p + r.len - s2 - 1 != 64 ||
			    !hex64(s2 + 1)) {
				snprintf(why, whysz, "the manifest's line %zu is "
				    "not \"file NAME SIZE SHA256\"", ln + 1);
				return false;
			}
			memset(f, 0, sizeof *f);
			f->name = (struct str){ r.p, (size_t)(s1 - r.p) };
			if (!arch_name_ok(f->name) || !dec((struct str){ s1 + 1,
			    (size_t)(s2 - s1 - 1) }, &f->size)) {
				snprintf(why, whysz, "the manifest's line %zu is "
				    "not \"file NAME SIZE SHA256\"", ln + 1);
				return false;
			}
			memcpy(f->sha, s2 + 1, 64);
			f->sha[64] = '\0';
			m->nfiles++;
		}
	}
	if (ln < 6) {
		snprintf(why, whysz, "the manifest ends before its key");
		return false;
	}
	return true;
}
