/*
 * docsig.h - every PDF document whose SHA-256 reaches the audit trail is
 * signed with the region's key (issue 13 items 4 and 6, docs/log.md
 * "Documents"): a publication's PDF in the transaction that publishes
 * it, and the documents made for one reader or one act (the registration
 * receipt, a stage's minutes, a copy of the confidential ranking) when
 * they are issued, by an event "doc_issue" of their own.
 *
 * The signed statement (a signed note by the region's key):
 *
 *   ORIGIN
 *   document
 *   selection ID
 *   kind KIND
 *   sha256 HEX
 *
 * Without a signing key the row is kept with an empty note (unsigned).
 */
#ifndef SELTER_APP_DOCSIG_H
#define SELTER_APP_DOCSIG_H

#include "app/app.h"

struct stx;

/* In tx: the statement of the document of hash sha (hex) of selection
   sel; nothing when that hash is kept already. */
enum sel_err	app_doc_sign(struct app *, struct stx *, struct arena *,
		    int64_t sel, const char *kind, struct str sha);

/*
 * A document issued to w (its PDF bytes): when its hash is not in the
 * trail yet, one transaction writes the event "doc_issue" (kind, the
 * PDF's SHA-256, what it is of) and its signed statement.
 */
enum sel_err	app_doc_issue(struct app *, struct arena *,
		    const struct who *w, int64_t sel, const char *kind,
		    struct str of, struct str pdf);

#endif
