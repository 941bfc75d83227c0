/*
 * logcheck.h - the audit trail checked against published checkpoints
 * (`selter audit verify --checkpoints`, docs/log.md).  Pure and
 * streaming: the checkpoints first (each signature, each cosignature,
 * no two of one size with different roots), then every event in order
 * (its id, its link to the one before, its bytes against its hash, then
 * as a leaf of the tree), each checkpoint's root compared as the tree
 * reaches its size, and at the end what the checkpoints cover beyond the
 * trail.  The first thing that does not match is named: an event by its
 * id, a checkpoint by its number in the input (1: the first) and size.
 */
#ifndef SELTER_CORE_LOGCHECK_H
#define SELTER_CORE_LOGCHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "base/str.h"
#include "core/merkle.h"
#include "core/note.h"

struct lc_cp {
	uint64_t	 size;
	mhash		 root;
	int		 num;		/* its place in the input, from 1 */
	int		 cosigned;	/* by how many of the witnesses */
};

struct logcheck {
	struct merkle_acc acc;
	unsigned char	 prev[32];	/* the last event's stored hash */
	int64_t		 expect_id;
	struct lc_cp	*cps;		/* sorted by size (the caller's) */
	size_t		 ncp, next;
	const struct lc_cp *ok;		/* the largest that matched */
	int64_t		 events;	/* checked */
	int64_t		 bad_event;	/* 0: none */
	int		 bad_cp;	/* 0: none */
	char		 why[512];
};

/*
 * Splits text into its signed notes (each: lines, an empty line, lines
 * of signatures; notes separated by empty lines): up to max into notes;
 * returns how many, or -1 when text is not a list of signed notes.
 */
int	lc_notes(struct str text, struct str *notes, int max);

/*
 * Checks notes[0..n) as checkpoints of key's log (origin: key's name),
 * each cosigned by every one of witnesses[0..nw) when require_cosig, and
 * fills cps[0..n) sorted by size.  False and lc->why (lc->bad_cp) at the
 * first that does not hold.
 */
bool	lc_checkpoints(struct logcheck *, const struct note_key *key,
	    const struct note_key *witnesses, int nw, bool require_cosig,
	    const struct str *notes, int n, struct lc_cp *cps);
/* Ready for the events, against cps[0..n) (sorted by lc_checkpoints). */
void	lc_start(struct logcheck *, struct lc_cp *cps, size_t n);
/*
 * The next event: its id, its hash as stored, the bytes its hash is the
 * SHA-256 of (the tag, prev, then its fields: store/store_log.h).  False
 * once something did not match (lc->bad_event or lc->bad_cp, lc->why).
 */
bool	lc_event(struct logcheck *, int64_t id, const unsigned char hash[32],
	    const unsigned char *bytes, size_t len);
/* After the last event: false when a checkpoint covers more events. */
bool	lc_end(struct logcheck *);
/* What lc_start took (its hashing context). */
void	lc_free(struct logcheck *);

#endif
