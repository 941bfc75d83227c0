/*
 * json.h - JSON documents: a parsed tree in an arena, typed access with
 * precise errors, and a writer into a struct buf.
 *
 * The parser is yajl (streaming, validating, fast); this module builds the
 * tree from its callbacks so that every node knows its line, its parent and
 * its key or index.  That is what lets an error name the file's line and the
 * JSON path (`posts[2].start`) of the value at fault, which jansson's tree
 * cannot.  Numbers keep their source text, so fixed-point values are read
 * exactly, never through a double.
 *
 * Ownership: every node lives in the arena given to json_parse; strings
 * point into the parsed text where they need no unescaping (so the text
 * must outlive the tree) and into the arena otherwise.  Strings are not
 * NUL-terminated.  Nothing here needs freeing.  Objects keep members in document order; a
 * lookup returns the first member with the key.
 */
#ifndef SELTER_BASE_JSON_H
#define SELTER_BASE_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/str.h"

struct arena;

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json {
	enum json_type	 type;
	uint32_t	 line;		/* 1-based: a scalar's line, or the line
					   of a container's opening bracket */
	uint32_t	 index;		/* position in the parent */
	bool		 b;		/* JSON_BOOL */
	struct str	 s;		/* JSON_STRING: text; JSON_NUMBER: digits */
	struct str	 key;		/* member key when the parent is an object */
	struct json	*parent;
	struct json	*head;		/* first child (array element, member) */
	struct json	*tail;
	struct json	*next;		/* next sibling */
	uint32_t	 count;		/* number of children */
};

#define JSON_MAX_DEPTH	64

/*
 * Parses text[0..len) as one JSON document.  first_line is the line number
 * of text[0] (a batch line passes its own number).  With track_lines false
 * every node gets first_line, which is cheaper.  On error returns SEL_EINVAL
 * with err filled ("invalid JSON: ...") and *out untouched.
 */
enum sel_err	json_parse(struct arena *, const char *text, size_t len,
		    uint32_t first_line, bool track_lines, struct json **out,
		    struct diag *err);

/* The member named key, or NULL.  NULL obj or a non-object gives NULL. */
struct json	*json_getn(const struct json *obj, const char *key, size_t n);

/* Inline so that the length of a literal key is a constant. */
static inline struct json *
json_get(const struct json *obj, const char *key)
{
	return json_getn(obj, key, strlen(key));
}
/* True for a missing member or a JSON null. */
bool		 json_absent(const struct json *);
const char	*json_type_name(enum json_type);

/* Writes the JSON path of n ("posts[2].start"; "(root)" for the root). */
void		 json_path(struct buf *, const struct json *n);

/*
 * Error helpers: fill err with "PATH: reason" (printf-style reason) and the
 * node's line, and return SEL_EINVAL so callers can `return json_fail(...)`.
 * json_fail_key names a member of obj that is missing or wrong.
 */
enum sel_err	json_fail(struct diag *, const struct json *n,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
enum sel_err	json_fail_key(struct diag *, const struct json *obj,
		    const char *key, const char *fmt, ...)
		    __attribute__((format(printf, 4, 5)));

/*
 * Typed readers of obj's member key.  `req` makes an absent member (or
 * null) an error; otherwise *present says whether it was there and the
 * output is untouched when it was not.
 */
enum sel_err	json_str_member(struct diag *, const struct json *obj,
		    const char *key, bool req, struct str *out, bool *present);
enum sel_err	json_bool_member(struct diag *, const struct json *obj,
		    const char *key, bool req, bool *out, bool *present);
enum sel_err	json_int_member(struct diag *, const struct json *obj,
		    const char *key, bool req, int64_t min, int64_t max,
		    int64_t *out, bool *present);
/* A number with at most 2 decimals, in hundredths, within [min, max]. */
enum sel_err	json_fixed2(struct diag *, const struct json *n,
		    int64_t min, int64_t max, int64_t *out);
/* The member must be an array (or absent when !req); *arr NULL if absent. */
enum sel_err	json_arr_member(struct diag *, const struct json *obj,
		    const char *key, bool req, const struct json **arr);
enum sel_err	json_obj_member(struct diag *, const struct json *obj,
		    const char *key, bool req, const struct json **o);
/* Index of n's string value in a NULL-terminated word list. */
enum sel_err	json_enum(struct diag *, const struct json *n,
		    const char *const *words, int *out);

/* Writer: commas and nesting are tracked; strings are escaped. */
struct json_w {
	struct buf	*b;
	uint64_t	 first;		/* bit d: nothing written yet at depth d */
	int		 depth;
	bool		 after_key;
};

void	jw_init(struct json_w *, struct buf *);
void	jw_obj(struct json_w *);
void	jw_obj_end(struct json_w *);
void	jw_arr(struct json_w *);
void	jw_arr_end(struct json_w *);
/* A key: the program's own identifier, written without escaping. */
void	jw_keyn(struct json_w *, const char *key, size_t n);

static inline void
jw_key(struct json_w *w, const char *key)
{
	jw_keyn(w, key, strlen(key));
}
void	jw_str(struct json_w *, struct str);
void	jw_strc(struct json_w *, const char *);
void	jw_int(struct json_w *, int64_t);
void	jw_fixed2(struct json_w *, int64_t hundredths);
void	jw_bool(struct json_w *, bool);
void	jw_null(struct json_w *);
/* Appends s escaped as a JSON string body (no quotes) to b. */
void	json_escape(struct buf *, struct str s);
/* The most bytes json_escape can make of n: every byte as \u00XX. */
#define JSON_ESCAPED_MAX(n)	((n) * 6)
/* The same escaping written at dst (room for JSON_ESCAPED_MAX(s.len)
 * bytes, see buf_reserve); returns the end. */
char	*json_escape_raw(char *dst, struct str s);
/* The running yajl's version, "2.1.0", written into buf. */
void	json_lib_version(char *buf, size_t n);

#endif
