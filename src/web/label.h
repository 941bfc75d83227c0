/*
 * label.h - the Indonesian words for the codes the store keeps (verdicts,
 * states, declarations, audit actions and fields), so that no page shows
 * an internal code to a person.  A code without a label is shown as is
 * (a value added later is still readable, never hidden).
 */
#ifndef SELTER_WEB_LABEL_H
#define SELTER_WEB_LABEL_H

#include "base/str.h"
#include "web/html.h"

struct profile;

#include "core/flow.h"

/*
 * A stage's word in a URL (/kelola/N/tahap/makalah, /seleksi/N/hasil/
 * wawancara): "makalah", "rekam-jejak", "asesmen", "wawancara",
 * "kesehatan"; NULL for a state that is not a stage.  web_stage_parse
 * reads one back (false: no such stage).
 */
const char	*web_stage_slug(enum flow_state);
bool		 web_stage_parse(struct str slug, enum flow_state *);

/* "Memenuhi persyaratan", "Belum lengkap", "Tidak memenuhi persyaratan". */
struct str	lbl_verdict(struct str code);
/* An application's state: "terkirim", "ditarik". */
/* A state's label: an application's or a selection's (core/flow.h). */
struct str	lbl_state(struct str code);
/* The label of code in a NULL-ended word list (labels parallel), or
 * the code itself. */
struct str	lbl_word(const char *const *words, const char *const *labels,
		    struct str code);
/*
 * A committee member's declarations ("no_party;integrity_pact") as one
 * sentence: "Menyatakan bukan anggota/pengurus partai politik; dan
 * menandatangani pakta integritas."
 */
void		h_decls(struct page *, struct str decls);

#endif
