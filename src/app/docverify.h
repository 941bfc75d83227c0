/*
 * docverify.h - a document checked offline (`selter verify FILE.pdf`,
 * issue 13 item 4, docs/log.md "Verifying a document"): its SHA-256, its
 * signed statement by the region's key, the audit event that records its
 * hash, that event's inclusion proof against a checkpoint the log signed
 * and the oversight body cosigned, all from an exported bundle.
 *
 * The bundle's record of a document (app_doc_export, after the
 * publications):
 *
 *   document SHA256 EVENT SIZE PROOF NOTE
 *
 * SHA256 the document's (hex), EVENT the first event whose "after" holds
 * it ("pdf_sha256" or "sha256"; 0: none), SIZE the checkpoint the proof
 * is against (the smallest cosigned one covering the event, else the
 * largest covering it; 0: none), PROOF base64 of the proof's hashes
 * ("-": none), NOTE base64 of the signed statement ("-": unsigned).
 */
#ifndef SELTER_APP_DOCVERIFY_H
#define SELTER_APP_DOCVERIFY_H

#include <stdint.h>
#include <stdio.h>

#include "base/str.h"
#include "core/logcheck.h"
#include "core/merkle.h"
#include "core/note.h"

struct arena;
struct stx;

struct doc_rec {
	struct str	 sha;		/* hex */
	int64_t		 event;
	uint64_t	 size;
	mhash		 proof[MERKLE_MAXPROOF];
	size_t		 plen;
	struct str	 note;		/* "" when unsigned */
};
/* line: what follows "document "; false when it is not a record. */
bool		doc_rec_parse(struct arena *, struct str line, struct doc_rec *);
/* The record's statement: NULL when it is a note signed by key (NULL:
   not checked) of its hash; else why not.  kind, sel: what it says. */
const char	*doc_statement_check(const struct note_key *key,
		    const struct doc_rec *, char kind[32], int64_t *sel);

/* An event's fields from its bytes (store_event_bytes); false when they
   are not an event's. */
struct doc_event {
	int64_t		 id;
	struct str	 at, action, after;
};
bool		doc_event_parse(const unsigned char *bytes, size_t len,
		    struct doc_event *);
/* Whether after holds sha as "pdf_sha256" or "sha256". */
bool		doc_after_holds(struct str after, struct str sha);

/* The bundle's document records, after its publications (log_verify.c). */
enum sel_err	app_doc_export(struct stx *, struct arena *, FILE *);

/*
 * `selter audit verify --bundle`: every document record against the
 * events (keep: their leaf hashes; ev: the hashes each event records)
 * and the checked checkpoints cps[0..ncp); NULL, or why not.
 */
struct doc_seen {
	mhash		*leaves;
	uint64_t	 n, cap;
	struct doc_sha {
		int64_t	 event;
		uint64_t index;		/* its leaf's */
		char	 sha[65];
	}		*shas;
	size_t		 nshas, capshas;
};
void		doc_seen_event(struct doc_seen *, const unsigned char *bytes,
		    size_t len);
const char	*doc_seen_check(const struct doc_seen *, const struct doc_rec *,
		    const struct note_key *key, const struct lc_cp *cps,
		    size_t ncp, char *why, size_t whysz);
void		doc_seen_free(struct doc_seen *);

struct doc_verify {
	const char		*bundle;
	const char		*pdf;
	const struct note_key	*key;		/* the log's */
	const struct note_key	*wit;		/* the witness's */
	const struct str	*cps;		/* published checkpoints */
	int			 ncp;
	/* out */
	char			 sha[65];
	char			 kind[32];
	int64_t			 sel, event;
	char			 action[64], at[40];
	uint64_t		 size;
	const char		*failed;	/* NULL, or "the document", ... */
	char			 why[600];
};
/* SEL_EINVAL (err): a file cannot be read, or is not a bundle. */
enum sel_err	app_doc_verify(struct doc_verify *, char *err, size_t errsz);
enum sel_err	app_doc_verify_text(struct doc_verify *, struct str bundle,
		    struct str pdf, char *err, size_t errsz);

#endif
