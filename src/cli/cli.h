/*
 * cli.h - the `selter` command: one file per subcommand (cmd_*.c), entry
 * cmd_<name>(argc, argv) returning the exit status of CONTRACT.md:
 * 0 a result was produced (whatever the verdict), 2 bad input or usage
 * (one line on standard error, nothing on standard output), 1 internal.
 */
#ifndef SELTER_CLI_CLI_H
#define SELTER_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/json.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct profile;

enum { EXIT_RESULT = 0, EXIT_INTERNAL = 1, EXIT_BADINPUT = 2 };

#define OUT_MAX	(256u << 20)	/* largest single output document */

/* Options: "--name VALUE", "--name=VALUE", or a flag. */
struct opt {
	const char	*name;		/* without the dashes */
	bool		 has_arg;
	const char	*value;		/* set by opts_parse; "" for a flag */
};

/* Returns 0, or prints the error and returns EXIT_BADINPUT. */
int		opts_parse(const char *cmd, int argc, char **argv,
		    struct opt *opts, size_t n);
const char	*opt_get(const struct opt *opts, size_t n, const char *name);
/* A required option: prints the usage error when absent. */
const char	*opt_need(const char *cmd, const struct opt *opts, size_t n,
		    const char *name);
bool		want_help(int argc, char **argv);
/*
 * The start of every command: --help prints help and returns EXIT_RESULT;
 * otherwise parses the options and --format into *fmt and returns -1 to go
 * on, or EXIT_BADINPUT after printing the error.
 */
int		cmd_start(const char *cmd, const char *help, int argc,
		    char **argv, struct opt *opts, size_t n, int *fmt);

/* "selter: " + message on standard error; returns code. */
int		die(int code, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/* --format: json (default) or table.  -1 after printing an error. */
int		opt_format(const char *cmd, const struct opt *opts, size_t n);
enum { FMT_JSON, FMT_TABLE };

/* A date option; prints the error itself. */
int		opt_date(const char *name, const char *value, sel_date *out);
/* Today in the region's time zone (WIB, WITA, WIT). */
sel_date	today_in(const struct profile *);

/* Writes b to standard output; EXIT_INTERNAL if that fails. */
int		emit(struct buf *b);

/*
 * Loads the profile (id or file) and, when path is not NULL, the JSON
 * document at path.  On failure prints the one-line error and returns -1.
 */
int		load_inputs(struct arena *, const char *profile,
		    const char *profiles_dir, struct profile **,
		    const char *path, struct json **root);
/* The loader's warnings about p, on standard error ("selter: warning:
 * FILE:LINE: PATH: reason"); the command goes on. */
void		prof_warnings(const struct profile *p);
/* Prints "FILE:LINE: PATH: reason" for a document that did not decode. */
int		bad_doc(const char *path, const struct diag *);
/* {"valid": v, "rules": [...]}, the shape of committee and weights. */
void		jw_verdict(struct json_w *, bool valid,
		    const struct rule_result *, size_t n);

/*
 * An eligibility result as JSON (elig_out.c): through the general writer,
 * with "nip" first when nip is not NULL; or, for a batch, the same object
 * and its newline appended to a buffer from pieces made once per run.
 */
struct elig_out;
struct elig_plan;
struct elig_lines;
void		elig_json(struct json_w *, const struct profile *,
		    struct str warning, const struct elig_out *,
		    const struct str *nip);
struct elig_lines *elig_lines_new(struct arena *, const struct elig_plan *,
		    struct str warning);
void		elig_lines_put(struct buf *, const struct elig_lines *,
		    const struct elig_out *, struct str nip);

/* JSON of rule results: [{"id","status","detail","citation"}, ...]. */
void		jw_rules(struct json_w *, const struct rule_result *, size_t n);
/* "warnings": [{"detail", "citation"}] when w is not empty. */
void		jw_warning(struct json_w *, const struct profile *,
		    struct str warning);
/* A date as a JSON string "YYYY-MM-DD". */
void		jw_date(struct json_w *, sel_date);
/* A table block of rule results, wrapped for a terminal. */
void		tb_rules(struct buf *, const struct rule_result *, size_t n);
/* Word-wraps s at width with an indent for continuation lines. */
void		tb_wrap(struct buf *, struct str s, int indent, int width);
const char	*status_id(enum rule_status);	/* "lulus", "gagal", ... */

int	cmd_profiles(int argc, char **argv);
int	cmd_eligibility(int argc, char **argv);
int	cmd_committee(int argc, char **argv);
int	cmd_weights(int argc, char **argv);
int	cmd_window(int argc, char **argv);
int	cmd_rank(int argc, char **argv);
int	cmd_serve(int argc, char **argv);
int	cmd_audit(int argc, char **argv);
int	cmd_admin(int argc, char **argv);
int	cmd_mail(int argc, char **argv);
int	cmd_tenure(int argc, char **argv);	/* ---- tenure ---- */
int	cmd_workflow(int argc, char **argv);
int	cmd_version(int argc, char **argv);
/* ---- log ---- (issue 13: cmd_keys.c, cmd_log.c, cmd_witness.c) */
int	cmd_keys(int argc, char **argv);
int	cmd_witness(int argc, char **argv);
struct audit_head;
int	cmd_audit_checkpoint(int argc, char **argv, const char *help);
int	cmd_audit_export(int argc, char **argv, const char *help);
int	cmd_audit_cosign(int argc, char **argv, const char *help);
int	cmd_audit_verify_log(const struct opt *o, size_t n,
	    const struct audit_head *head);
/* ---- end log ---- */
/* ---- verify ---- (issue 13 item 4: cmd_verify.c) */
int	cmd_verify(int argc, char **argv);
struct arena;
/* The checkpoints of a file or of every file of a directory, added at
   cps + *n (up to 100000 in all); 0 or the exit status after the error. */
int	read_cps(struct arena *, const char *path, struct str *cps, int *n);
/* ---- end verify ---- */
/* ---- archive ---- (issue 13 item 5: cmd_archive.c) */
int	cmd_archive(int argc, char **argv);
/* ---- end archive ---- */

#endif
