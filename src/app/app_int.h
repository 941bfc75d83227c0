/*
 * app_int.h - private to src/app: the write path every use case follows,
 * and the audit event it appends.
 */
#ifndef SELTER_APP_INT_H
#define SELTER_APP_INT_H

#include <stdio.h>

#include "app/app.h"
#include "base/buf.h"

/* Appends the audit event of a change inside tx. */
enum sel_err	app_audit(struct app *, struct stx *, struct arena *,
		    const struct who *, int64_t sel, const char *action,
		    struct str before, struct str after, struct str rules);

/* Sets m's text; returns rc for chaining. */
enum sel_err	app_say(struct app_msg *, enum sel_err rc, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));

/* {"id": ..., "citation": ...} list of one rule, for an event. */
struct str	app_rule_json(struct arena *, const struct profile *,
		    enum rule_id);

/*
 * A JSON object from pairs of (const char *key, struct str *value),
 * ended by a NULL key: the before/after of an event.
 */
struct str	app_kv(struct arena *, ...);

/* Printable text without control characters, 1..max bytes. */
bool		app_text_ok(struct str, size_t max);
/* The SHA-256 a token is stored as. */
void		app_token_hash(struct str token, unsigned char out[32]);
/* {"id","status","detail","citation"} of each rule, as JSON. */
struct str	app_rules_json(struct arena *, const struct rule_result *,
		    size_t n);

/*
 * printf of any length into the arena (arena_printf keeps 1023 bytes): for
 * texts that carry the user's input, such as e-mail bodies.
 */
struct str	app_printf(struct arena *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * The core's evaluation of an application's frozen record against its
 * vacancy in v, as at the closing date (app_application_review without
 * the role check or a transaction of its own).
 */
struct elig_out;
enum sel_err	app_review_eval(struct arena *, const struct sel_view *,
		    const struct s_application *, struct elig_out **);

/* Commits tx and bumps the cache generation. */
enum sel_err	app_commit(struct app *, struct stx *);

#endif
