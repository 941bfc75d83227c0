/*
 * store_log.h - the verifiable log's rows (015_log.sql, docs/log.md):
 * publications' signatures, checkpoints, cosignatures, and the events'
 * bytes as the Merkle tree's leaves take them.
 */
#ifndef SELTER_STORE_LOG_H
#define SELTER_STORE_LOG_H

#include "base/buf.h"
#include "store/store.h"

/*
 * The bytes of an event whose SHA-256 is its chain hash (audit.c): the tag
 * "selter-event-v1" and a NUL, prev, then each field as an 8-byte length
 * and its bytes.  They are the Merkle tree's leaf data.
 */
void		store_event_bytes(const struct s_event *, struct buf *);
/* Calls fn on every event of the trail in order, the first max at most;
   fn returning false stops. */
enum sel_err	store_event_each(struct stx *, int64_t max,
		    bool (*fn)(void *, const struct s_event *), void *arg);
int64_t		store_event_count(struct stx *);	/* -1: error */

enum sel_err	store_pub_sig_add(struct stx *, int64_t pub, struct str note);
/* SEL_ENOENT: the publication was not signed. */
enum sel_err	store_pub_sig(struct stx *, struct arena *, int64_t pub,
		    struct str *note);

/* Every publication, its body's hash and signed statement ("" when it
   was published unsigned), oldest first. */
struct s_pub_sig {
	int64_t		 id;
	struct str	 sha256, note, body;
};
enum sel_err	store_pub_sigs(struct stx *, struct arena *,
		    struct s_pub_sig **, size_t *n);

struct s_checkpoint {
	int64_t		 id, size;
	unsigned char	 root[32];
	struct str	 at, note;
};
enum sel_err	store_checkpoint_add(struct stx *, const struct s_checkpoint *,
		    int64_t *id);
/* The newest; SEL_ENOENT when there is none. */
enum sel_err	store_checkpoint_last(struct stx *, struct arena *,
		    struct s_checkpoint *);
/* All of them, oldest first. */
enum sel_err	store_checkpoints(struct stx *, struct arena *,
		    struct s_checkpoint **, size_t *n);

struct s_cosig {
	int64_t		 id, checkpoint_id;
	struct str	 witness, line, at;
};
/* SEL_EINVAL: that witness has cosigned that checkpoint already. */
enum sel_err	store_cosig_add(struct stx *, const struct s_cosig *);
/* Of one checkpoint (0: all), oldest first. */
enum sel_err	store_cosigs(struct stx *, struct arena *, int64_t cp,
		    struct s_cosig **, size_t *n);

#endif
