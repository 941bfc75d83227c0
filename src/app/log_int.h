/*
 * log_int.h - the verifiable log inside app (log.c): opened with the app,
 * publications signed in their transaction, and a checkpoint in it at
 * its commit.
 */
#ifndef SELTER_APP_LOG_INT_H
#define SELTER_APP_LOG_INT_H

#include <stdatomic.h>

#include "app/app.h"
#include "app/log.h"
#include "store/store.h"

struct app_log {
	struct note_key	 key;		/* the region's, with its secret */
	bool		 signing;
	struct note_key	 witness;	/* the oversight body's public key */
	bool		 has_witness;
	atomic_bool	 due;		/* a publication awaits its checkpoint */
};

/* Loads the keys of cf (signing_key, witness_key; with demo and no
   signing_key, db + ".key" made when missing). */
enum sel_err	app_log_open(struct app *, const struct app_config *,
		    char *err, size_t errsz);
void		app_log_close(struct app *);
/* Signs publication id (p as stored) in tx; a checkpoint is due. */
enum sel_err	app_pub_sign(struct app *, struct stx *, struct arena *,
		    const struct s_publication *p, int64_t id);
/* A checkpoint's note with its cosignature lines, onto b. */
struct s_checkpoint;
void		app_log_cp_text(struct stx *, struct arena *,
		    const struct s_checkpoint *, struct buf *);
/* Before tx commits: the checkpoint a publication made due, in tx (the
   publication's event included); an error fails the commit. */
enum sel_err	app_log_before_commit(struct app *, struct stx *);

#endif
