/*
 * label.c - Indonesian words for stored codes (label.h).
 */
#include <string.h>

#include "core/elig.h"
#include "core/vocab.h"
#include "core/flow.h"
#include "web/label.h"
#include "base/banned.h"

struct str
lbl_word(const char *const *words, const char *const *labels,
    struct str code)
{
	for (int i = 0; words[i] != NULL; i++)
		if (str_eqc(code, words[i]))
			return str_c(labels[i]);
	return code;
}

struct str
lbl_verdict(struct str code)
{
	static const char *const words[] = { "eligible", "incomplete",
	    "ineligible", NULL };
	static const char *const labels[] = { "Memenuhi persyaratan",
	    "Belum lengkap", "Tidak memenuhi persyaratan" };

	return lbl_word(words, labels, code);
}

struct str
lbl_state(struct str code)
{
	/* The stored selection column's two words (before the workflow
	   derived the state from the acts), then the workflow's names. */
	static const char *const words[] = { "preparing", "published",
	    NULL };
	static const char *const labels[] = { "persiapan", "diumumkan" };
	enum flow_app_state as;

	if (flow_app_state_parse(code, &as))
		return str_c(flow_app_state_label(as));
	for (int s = 0; s < FL__N; s++)
		if (str_eqc(code, flow_state_name((enum flow_state)s)))
			return str_c(flow_state_label((enum flow_state)s));
	return lbl_word(words, labels, code);
}

void
h_decls(struct page *p, struct str decls)
{
	size_t n = 0, k = 0;
	struct str rest = decls;

	for (size_t i = 0; i < decls.len; i++)
		n += decls.p[i] == ';';
	n += decls.len > 0;
	if (n == 0) {
		H(p, "Belum ada pernyataan.");
		return;
	}
	H(p, "Menyatakan ");
	while (rest.len > 0) {
		const char *semi = memchr(rest.p, ';', rest.len);
		size_t len = semi != NULL ? (size_t)(semi - rest.p) : rest.len;
		struct str one = { rest.p, len };

		if (k > 0)
			H(p, "; ");
		if (k > 0 && k == n - 1)
			H(p, "dan ");
		h_text(p, lbl_word(vocab_decl, label_decl, one));
		k++;
		rest.p += len + (semi != NULL);
		rest.len -= len + (semi != NULL);
	}
	H(p, ".");
}

static const char *const stage_slugs[FL__N] = {
	[FL_PAPER] = "makalah", [FL_TRACK] = "rekam-jejak",
	[FL_ASSESS] = "asesmen", [FL_INTERVIEW] = "wawancara",
	[FL_HEALTH] = "kesehatan",
};

const char *
web_stage_slug(enum flow_state s)
{
	return (unsigned)s < FL__N ? stage_slugs[s] : NULL;
}

bool
web_stage_parse(struct str slug, enum flow_state *out)
{
	for (int s = 0; s < FL__N; s++)
		if (stage_slugs[s] != NULL && str_eq(slug, str_c(stage_slugs[s]))) {
			*out = (enum flow_state)s;
			return true;
		}
	return false;
}
