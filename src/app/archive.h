/*
 * archive.h - the auditor's archive (issue 13 item 5, docs/archive.md):
 * one selection's complete record as one signed file, and its import into
 * a new store that then stays read-only.
 */
#ifndef SELTER_APP_ARCHIVE_H
#define SELTER_APP_ARCHIVE_H

#include <stdint.h>

#include "base/buf.h"
#include "base/str.h"
#include "store/store_archive.h"

struct app;
struct arena;
struct who;

/* Told of each step of an export or import: what, and how far. */
typedef void	(*archive_progress_fn)(void *arg, const char *step,
		    int64_t done, int64_t total);

/*
 * The archive of selection sel into out, signed with the server's key
 * (SEL_EPERM and err without one).  w: the person asking (the oversight
 * body or the secretariat of the selection: ACT_ARCHIVE_EXPORT; SEL_EPERM
 * otherwise), NULL for the operator's command.  A checkpoint of the trail
 * is made first when it grew (the inclusion proofs are against it).
 */
enum sel_err	app_archive_export(struct app *, struct arena *,
		    const struct who *w, int64_t sel, struct buf *out,
		    archive_progress_fn, void *arg, char *err, size_t errsz);

struct archive_import {
	const char	*file;		/* the archive */
	const char	*db;		/* the new store: must not exist */
	const char	*files_dir;	/* NULL or "": db + ".files" */
	const char	*key;		/* the region's public key (text or
					   file); NULL: the manifest's own */
	archive_progress_fn progress;
	void		*arg;
	/* out */
	int64_t		 selection, events, files;
	char		 region[160];
	char		 exported[40];
};
/*
 * Checks the archive (container, the manifest's signature, every
 * member's size and SHA-256, the checkpoint's signature, every event's
 * hash and inclusion proof, the data) and only then makes the store.
 * SEL_EINVAL and err naming the first thing that does not hold; nothing
 * is made then.
 */
enum sel_err	app_archive_import(struct archive_import *, char *err,
		    size_t errsz);

/* The archive this instance shows (SEL_ENOENT: it is not one). */
enum sel_err	app_archive_info(const struct app *, struct s_archive *);

#endif
