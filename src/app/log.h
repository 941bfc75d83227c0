/*
 * log.h - the verifiable log's use cases (issue 13, docs/log.md): the
 * region's key, publications signed, checkpoints of the RFC 6962 tree
 * over the audit events signed at every publication and on demand, the
 * oversight body's cosignatures, proofs, the offline bundle and its
 * verification.
 */
#ifndef SELTER_APP_LOG_H
#define SELTER_APP_LOG_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/str.h"
#include "core/note.h"

struct app;
struct arena;
struct audit_head;

/*
 * Makes a key pair: the secret key at path (mode 0600, never over an
 * existing file) and the public key at path + ".pub"; type NOTE_ED25519
 * (a log's, the region's) or NOTE_COSIG (a witness's).  *k the key.
 */
enum sel_err	app_key_make(const char *path, struct str name,
		    unsigned char type, struct note_key *k, char *err,
		    size_t errsz);
/* A secret key file; refused when group or others may read it. */
enum sel_err	app_key_secret(const char *path, struct note_key *,
		    char *err, size_t errsz);
/* A public key: its text, or a file holding it. */
enum sel_err	app_key_public(const char *path_or_text, struct note_key *,
		    char *err, size_t errsz);

/* The region's public key and the witness's, when the server has them
   (false: publications are not signed). */
bool		app_log_key(const struct app *, struct note_key *);
bool		app_log_witness(const struct app *, struct note_key *);

/*
 * A checkpoint of the trail as it is now, signed, when the trail grew
 * since the last one (else the last one stays); *note the newest.
 * SEL_EPERM: the server has no signing key.
 */
enum sel_err	app_log_checkpoint(struct app *, struct arena *,
		    struct str *note, bool *made);
/* The newest checkpoint (all of them: each separated by an empty line),
   each with its cosignature lines; SEL_ENOENT when there is none. */
enum sel_err	app_log_checkpoints(struct app *, struct arena *, bool all,
		    struct str *text);
/* The consistency proof between two sizes, one base64 hash a line;
   SEL_EINVAL (err) when the sizes are not 0 < old <= size <= events. */
enum sel_err	app_log_proof(struct app *, struct arena *, int64_t old,
		    int64_t size, struct str *text, char *err, size_t errsz);
/* Event id's leaf hash then its inclusion proof in the tree of size. */
enum sel_err	app_log_inclusion(struct app *, struct arena *, int64_t id,
		    int64_t size, struct str *text, char *err, size_t errsz);
/* A publication's signed statement; SEL_ENOENT when it has none. */
enum sel_err	app_log_pub_note(struct app *, struct arena *, int64_t pub,
		    struct str *note);
/*
 * Stores the cosignature of a stored checkpoint: cosigned is the
 * checkpoint's note with the witness's line, w the witness's key (NULL:
 * the server's witness_key).  SEL_EINVAL (err): not a stored checkpoint,
 * or no valid cosignature by w on it.
 */
enum sel_err	app_log_cosign(struct app *, struct arena *, struct str cosigned,
		    const struct note_key *w, char *err, size_t errsz);

/*
 * The offline bundle of `selter audit export` (docs/log.md): the events'
 * bytes and hashes, the publications' signed statements, the checkpoints
 * with their cosignatures, the keys.
 */
enum sel_err	app_log_export(const char *db, const char *out, char *err,
		    size_t errsz);

struct log_verify {
	const char		*db;		/* the store; or */
	const char		*bundle;	/* the exported bundle */
	const struct str	*cps;		/* published checkpoints */
	int			 ncp;
	const struct note_key	*key;		/* the log's (needed with cps) */
	const struct note_key	*wit;		/* witnesses: NULL, or nw */
	int			 nw;
	const struct audit_head	*head;		/* NULL, or --head */
	/* out */
	int64_t			 events, pubs, pubs_signed, largest;
	int			 cosigned;	/* checkpoints with all wit's */
	int64_t			 bad_event, bad_pub;
	int			 bad_cp;
	char			 why[600];	/* "" when all holds */
};
/* SEL_EINVAL (err): the store or bundle cannot be read. */
enum sel_err	app_log_verify(struct log_verify *, char *err, size_t errsz);
/* The same on a bundle's text in memory (tests). */
enum sel_err	app_log_verify_text(struct log_verify *, struct str bundle,
		    char *err, size_t errsz);

/* GET url into b (the witness fetching checkpoints and proofs). */
enum sel_err	app_http_get(const char *url, struct buf *b, char *err,
		    size_t errsz);

#endif
