/*
 * store_doc.h - the documents' signed statements (016_doc_sig.sql,
 * docs/log.md "Documents"): one row for every PDF (or ranking content)
 * whose SHA-256 reached the audit trail, signed with the region's key.
 */
#ifndef SELTER_STORE_DOC_H
#define SELTER_STORE_DOC_H

#include "store/store.h"

struct s_doc_sig {
	int64_t		 id, selection_id;
	struct str	 kind, sha256, note;
};

/* SEL_EINVAL: that hash is signed already. */
enum sel_err	store_doc_sig_add(struct stx *, const struct s_doc_sig *);
/* Whether a statement of that hash is kept. */
enum sel_err	store_doc_sig_has(struct stx *, struct str sha256, bool *has);
/* All of them, oldest first. */
enum sel_err	store_doc_sigs(struct stx *, struct arena *,
		    struct s_doc_sig **, size_t *n);

#endif
