/*
 * letters.h - the letters after the ranking as uploaded PDF files (issue
 * 14 items 2-4): a special consultation's letter and its answer, the
 * oversight body's recommendation, the appointment decree (SK) and a
 * binding recommendation's follow-up.  A letter is checked as the
 * applicants' documents are (its size, and its content: a PDF by its
 * first bytes, whatever its name says), never opened or run, kept under
 * its SHA-256 outside the database (store_blob_*) and named in the act's
 * audit event ("letter_sha256").  It is sent back only as an attachment.
 *
 * Who reads them: those who read the ranking (the committee, PyB, PPK,
 * the oversight body) and the secretariat, who records them.
 */
#ifndef SELTER_APP_LETTERS_H
#define SELTER_APP_LETTERS_H

#include "app/app.h"
#include "store/store_letters.h"

#define LETTER_MAX	DOC_MAX_OTHER	/* bytes of a letter's file */
#define LETTER_FIELD	"letter"	/* the form's file field */

/* The refs a letter is kept under. */
struct str	letter_ref_consult(struct arena *, int64_t vacancy,
		    enum rule_id, bool sent);
struct str	letter_ref_decree(struct arena *, int64_t vacancy);
#define LETTER_REF_RECOMMENDATION	"recommendation"
#define LETTER_REF_FOLLOWUP		"followup"

/* The letter under ref among l[0..n), NULL: none. */
const struct s_letter *letter_find(const struct s_letter *l, size_t n,
		    struct str ref);

/*
 * The form's letter: present, at most LETTER_MAX bytes, a PDF by its
 * content; otherwise a refusal naming the field "letter" (*field).
 */
enum sel_err	letter_check(const struct form *, struct app_msg *,
		    const char **field, struct str *bytes);
/*
 * Keeps bytes (letter_check's) as selection sel's letter under ref: the
 * file under its SHA-256, then its row in tx; stem names the file for
 * its download ("surat-rekomendasi" gives "surat-rekomendasi.pdf").
 */
enum sel_err	letter_keep(struct app *, struct stx *, struct arena *,
		    const struct who *, int64_t sel, struct str ref,
		    struct str bytes, const char *stem, struct s_letter *out);

/*
 * Opens letter id of selection sel for w (the caller closes fd):
 * SEL_ENOENT when there is none, SEL_EPERM for one who may not read it.
 */
enum sel_err	app_letter_open(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t id,
		    struct s_letter *, int *fd, int64_t *size);

/* Keeps bytes under their SHA-256 in the files' directory (hex, size). */
enum sel_err	letters_blob_put(struct app *, struct arena *, struct str bytes,
		    char hex[65], int64_t *size);

/* Does w read a selection's letters and the report pack's documents? */
bool		letters_may_read(const struct who *, const struct sel_view *);

#endif
