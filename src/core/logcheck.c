/*
 * logcheck.c - the trail against published checkpoints (logcheck.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/logcheck.h"
#include "base/banned.h"

#define DASH	"\xe2\x80\x94 "

/* The line at p (up to "\n" or end), and where the next one starts. */
static struct str
line_at(const char *p, const char *end, const char **next)
{
	const char *e = memchr(p, '\n', (size_t)(end - p));

	*next = e != NULL ? e + 1 : end;
	return (struct str){ p, (size_t)((e != NULL ? e : end) - p) };
}

int
lc_notes(struct str text, struct str *notes, int max)
{
	const char *p = text.p, *end = text.p + text.len, *nx;
	int n = 0;

	while (p < end) {
		const char *start;
		bool sigs = false;

		/* Empty lines between notes. */
		while (p < end && *p == '\n')
			p++;
		if (p >= end)
			break;
		start = p;
		/* The text: up to the empty line. */
		while (p < end && line_at(p, end, &nx).len > 0)
			p = nx;
		if (p >= end)
			return -1;
		p++;
		/* The signatures: lines opening with "— ". */
		while (p < end && str_starts(line_at(p, end, &nx), DASH)) {
			sigs = true;
			p = nx;
		}
		if (!sigs || p[-1] != '\n' || n >= max)
			return -1;
		notes[n++] = (struct str){ start, (size_t)(p - start) };
	}
	return n;
}

static int
by_size(const void *a, const void *b)
{
	const struct lc_cp *x = a, *y = b;

	if (x->size != y->size)
		return x->size < y->size ? -1 : 1;
	return x->num - y->num;
}

static bool
cp_bad(struct logcheck *lc, int num, uint64_t size, const char *what)
{
	lc->bad_cp = num;
	if (size == UINT64_MAX)
		snprintf(lc->why, sizeof lc->why, "checkpoint %d: %s", num,
		    what);
	else
		snprintf(lc->why, sizeof lc->why, "checkpoint %d (size %" PRIu64
		    "): %s", num, size, what);
	return false;
}

bool
lc_checkpoints(struct logcheck *lc, const struct note_key *key,
    const struct note_key *witnesses, int nw, bool require_cosig,
    const struct str *notes, int n, struct lc_cp *cps)
{
	char what[300];

	memset(lc, 0, sizeof *lc);
	for (int i = 0; i < n; i++) {
		struct str text, sigs, origin;
		struct lc_cp *c = &cps[i];
		int v;

		memset(c, 0, sizeof *c);
		c->num = i + 1;
		if (!note_split(notes[i], &text, &sigs))
			return cp_bad(lc, i + 1, UINT64_MAX, "not a signed "
			    "note");
		if (!ckpt_parse(text, &origin, &c->size, c->root))
			return cp_bad(lc, i + 1, UINT64_MAX, "not a "
			    "checkpoint (origin, size, base64 root hash)");
		if (!str_eqc(origin, key->name)) {
			snprintf(what, sizeof what, "of another log (origin "
			    "is not %s)", key->name);
			return cp_bad(lc, i + 1, c->size, what);
		}
		if ((v = note_verify(key, text, sigs)) != 1) {
			snprintf(what, sizeof what, v < 0 ? "its signature by "
			    "%s does not verify" : "it has no signature by %s",
			    key->name);
			return cp_bad(lc, i + 1, c->size, what);
		}
		for (int w = 0; w < nw; w++) {
			uint64_t t;

			v = note_cosig_verify(&witnesses[w], text, sigs, &t);
			if (v < 0 || (v == 0 && require_cosig)) {
				snprintf(what, sizeof what, v < 0 ? "its "
				    "cosignature by %s does not verify" :
				    "it has no cosignature by %s",
				    witnesses[w].name);
				return cp_bad(lc, i + 1, c->size, what);
			}
			c->cosigned += v;
		}
	}
	qsort(cps, (size_t)n, sizeof *cps, by_size);
	for (int i = 1; i < n; i++)
		if (cps[i].size == cps[i - 1].size &&
		    memcmp(cps[i].root, cps[i - 1].root, 32) != 0) {
			snprintf(what, sizeof what, "its root differs from "
			    "that of checkpoint %d of the same size: the log "
			    "was forked", cps[i - 1].num);
			return cp_bad(lc, cps[i].num, cps[i].size, what);
		}
	return true;
}

/* Compares the checkpoints of the size the tree has reached. */
static bool
reached(struct logcheck *lc)
{
	mhash root;

	while (lc->next < lc->ncp && lc->cps[lc->next].size == lc->acc.n) {
		const struct lc_cp *c = &lc->cps[lc->next++];

		merkle_acc_root(&lc->acc, root);
		if (memcmp(root, c->root, 32) == 0) {
			lc->ok = c;
			continue;
		}
		lc->bad_cp = c->num;
		lc->bad_event = lc->ok != NULL ? (int64_t)lc->ok->size + 1 : 1;
		snprintf(lc->why, sizeof lc->why, "checkpoint %d (size %"
		    PRIu64 "): the first %" PRIu64 " events do not have its "
		    "root: one of events %" PRId64 " to %" PRIu64 " was "
		    "changed, removed or moved%s", c->num, c->size, c->size,
		    lc->bad_event, c->size, lc->ok != NULL ?
		    " (the events before match an earlier checkpoint)" : "");
		return false;
	}
	return true;
}

void
lc_start(struct logcheck *lc, struct lc_cp *cps, size_t n)
{
	merkle_acc_init(&lc->acc);
	memset(lc->prev, 0, sizeof lc->prev);
	lc->expect_id = 1;
	lc->cps = cps;
	lc->ncp = n;
	lc->next = 0;
	lc->ok = NULL;
	lc->events = 0;
	lc->bad_event = 0;
	lc->bad_cp = 0;
	lc->why[0] = '\0';
	(void)reached(lc);	/* size 0 */
}

static bool
ev_bad(struct logcheck *lc, int64_t id, const char *why)
{
	lc->bad_event = id;
	snprintf(lc->why, sizeof lc->why, "event %" PRId64 ": %s", id, why);
	return false;
}

/* The id written in the bytes: after the tag (16) and prev (32), an
   8-byte length and decimal digits. */
static bool
id_of(const unsigned char *b, size_t len, int64_t *id)
{
	uint64_t n = 0;
	int64_t v = 0;

	if (len < 56 || memcmp(b, "selter-event-v1", 16) != 0)
		return false;
	for (int i = 0; i < 8; i++)
		n = n << 8 | b[48 + i];
	if (n == 0 || n > 19 || 56 + n > len)
		return false;
	for (uint64_t i = 0; i < n; i++) {
		if (b[56 + i] < '0' || b[56 + i] > '9')
			return false;
		v = v * 10 + (b[56 + i] - '0');
	}
	*id = v;
	return true;
}

bool
lc_event(struct logcheck *lc, int64_t id, const unsigned char hash[32],
    const unsigned char *bytes, size_t len)
{
	unsigned char want[32];
	int64_t inner;
	mhash leaf;

	if (lc->why[0] != '\0')
		return false;
	lc->events++;
	if (!id_of(bytes, len, &inner) || inner != id)
		return ev_bad(lc, id, "its bytes are not those of an event "
		    "with its id");
	if (id != lc->expect_id)
		return ev_bad(lc, id, id > lc->expect_id ? "an event is "
		    "missing before it" : "it is out of order");
	if (memcmp(bytes + 16, lc->prev, 32) != 0)
		return ev_bad(lc, id, "its link to the previous event does "
		    "not match");
	merkle_acc_sha256(&lc->acc, bytes, len, want);
	if (memcmp(want, hash, 32) != 0)
		return ev_bad(lc, id, "its content does not match its hash");
	memcpy(lc->prev, hash, 32);
	lc->expect_id = id + 1;
	merkle_acc_leaf(&lc->acc, bytes, len, leaf);
	merkle_acc_add(&lc->acc, leaf);
	return reached(lc);
}

void
lc_free(struct logcheck *lc)
{
	merkle_acc_free(&lc->acc);
}

bool
lc_end(struct logcheck *lc)
{
	if (lc->why[0] != '\0')
		return false;
	if (lc->next < lc->ncp) {
		const struct lc_cp *c = &lc->cps[lc->ncp - 1];

		lc->bad_cp = c->num;
		lc->bad_event = (int64_t)lc->acc.n + 1;
		snprintf(lc->why, sizeof lc->why, "the trail ends at event %"
		    PRIu64 " but checkpoint %d covers %" PRIu64 " events: "
		    "events %" PRId64 " to %" PRIu64 " were removed", lc->acc.n,
		    c->num, c->size, lc->bad_event, c->size);
		return false;
	}
	return true;
}
