/*
 * load.h - reading the inputs of the core from files: profiles (by id or
 * path), holiday data, JSON documents.  Shared by the CLI and (later) the
 * web application.
 *
 * Errors come back as one line "FILE:LINE: PATH: reason" (or
 * "FILE: reason") in struct app_err, for the caller to print.  Everything
 * loaded lives in the arena passed in.
 */
#ifndef SELTER_APP_LOAD_H
#define SELTER_APP_LOAD_H

#include <stddef.h>

#include "base/err.h"
#include "base/json.h"
#include "base/str.h"

struct arena;
struct cal;
struct profile;

struct app_err {
	char	msg[1024];
};

#define APP_MAX_DOC	(64u << 20)	/* largest JSON document read whole */

/* The data directory: $SELTER_DATA, else the build's source tree. */
const char	*app_data_dir(void);

enum sel_err	app_read_file(struct arena *, const char *path, size_t max,
		    char **text, size_t *len, struct app_err *);
/* Reads and parses a JSON document (line numbers tracked). */
enum sel_err	app_read_json(struct arena *, const char *path,
		    struct json **root, struct app_err *);
/*
 * The profile directory: dir when it is not NULL or empty (--profiles,
 * the server's "profiles" setting), else $SELTER_PROFILES, else
 * $SELTER_DATA/profiles.  The holidays stay in the data directory.
 */
const char	*app_profiles_dir(const char *dir, char *buf, size_t size);
/* An id ("demak-2022") from the profile directory (dir as for
 * app_profiles_dir), or a path to a file. */
enum sel_err	app_profile(struct arena *, const char *dir,
		    const char *id_or_path, struct profile **,
		    struct app_err *);
/* Every profile of the profile directory, sorted by id. */
enum sel_err	app_profiles(struct arena *, const char *dir,
		    struct profile ***list, size_t *n, struct app_err *);
/* The project's holiday data (every data/holidays/YYYY.txt). */
enum sel_err	app_holidays(struct arena *, struct cal **, struct app_err *);
/* A user's holiday file in the lenient format. */
enum sel_err	app_holidays_file(struct arena *, const char *path,
		    struct cal **, struct app_err *);
/* Formats "FILE:LINE: msg" (LINE omitted when 0) into e. */
void		app_err_diag(struct app_err *, const char *file,
		    const struct diag *);

#endif
