/*
 * cmd_witness.c - `selter witness`: the oversight body cosigns the log's
 * newest checkpoint with its own key, on its own machine, after checking
 * it is consistent with the last one it cosigned (docs/log.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app/app.h"
#include "app/load.h"
#include "app/log.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter witness --key FILE --log-key PUB --state FILE\n"
    "           (--url URL | --checkpoint FILE [--proof FILE]) [--out FILE]\n"
    "\n"
    "Run by the oversight body (the witness) on its own machine, with its\n"
    "own key (selter keys --witness): fetches the log's newest checkpoint\n"
    "(URL/log/checkpoint) and checks the log's signature (--log-key, the\n"
    "key the portal shows on /kunci).  When --state holds the last\n"
    "checkpoint it cosigned, the new one must be of that size or larger,\n"
    "with a consistency proof (URL/log/proof?old=M&new=N, RFC 6962) from\n"
    "the old tree to the new: otherwise it refuses (exit 1) and names the\n"
    "two sizes.  Then it writes the checkpoint with its cosignature line\n"
    "(C2SP tlog-cosignature) to --out (default: standard output) and the\n"
    "new state.  The first run (no state file) trusts the checkpoint it\n"
    "is given.  The portal stores the cosignature with `selter audit\n"
    "cosign --in FILE`.\n"
    "\n"
    "Without --url: --checkpoint FILE and --proof FILE (one base64 hash a\n"
    "line), fetched by other means.\n"
    "\n"
    "Example:\n"
    "  selter witness --key pengawas.key --log-key log.key.pub \\\n"
    "      --state pengawas.state --url https://portal --out cosigned.txt\n"
    "  -> cosigned: size 120 (the last cosigned: size 97, consistent)\n";

static int
fetch(struct arena *ar, const char *url, const char *file, struct str *out)
{
	struct app_err e;
	char err[1024], *t;
	size_t n;
	struct buf b;

	if (file != NULL) {
		if (app_read_file(ar, file, 16 << 20, &t, &n, &e) != SEL_OK)
			return die(EXIT_BADINPUT, "%s", e.msg);
		*out = (struct str){ t, n };
		return 0;
	}
	buf_init(&b, 16 << 20);
	if (app_http_get(url, &b, err, sizeof err) != SEL_OK) {
		buf_release(&b);
		return die(EXIT_BADINPUT, "%s", err);
	}
	*out = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return 0;
}

/* The proof's lines of base64 hashes. */
static bool
proof_parse(struct str s, mhash *v, size_t *n)
{
	*n = 0;
	for (const char *p = s.p, *end = s.p + s.len; p < end;) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((e != NULL ? e : end) - p), got = 0;

		if (len > 0) {
			if (*n == MERKLE_MAXPROOF || !note_b64_ok((struct str){
			    p, len }) || sodium_base642bin(v[*n],
			    32, p, len, NULL, &got, NULL,
			    sodium_base64_VARIANT_ORIGINAL) != 0 || got != 32)
				return false;
			(*n)++;
		}
		p = e != NULL ? e + 1 : end;
	}
	return true;
}

static int
write_file(const char *path, struct str a, struct str b)
{
	char tmp[1100];
	int fd;
	bool ok;

	snprintf(tmp, sizeof tmp, "%s.new", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return die(EXIT_BADINPUT, "%s: %s", tmp, strerror(errno));
	ok = write(fd, a.p, a.len) == (ssize_t)a.len && write(fd, b.p, b.len)
	    == (ssize_t)b.len && fsync(fd) == 0;
	if (close(fd) != 0 || !ok || rename(tmp, path) != 0)
		return die(EXIT_INTERNAL, "%s: cannot be written", path);
	return 0;
}

struct wit {
	struct note_key	 w, log;
	struct str	 note, text, sigs, origin;
	uint64_t	 size;
	mhash		 root;
	uint64_t	 old;
	mhash		 old_root;
	bool		 has_old;
};

/* The old state: the text of the last checkpoint cosigned. */
static int
state_read(struct arena *ar, const char *path, struct wit *x)
{
	struct app_err e;
	struct str origin;
	char *t;
	size_t n;

	if (access(path, F_OK) != 0)
		return 0;
	if (app_read_file(ar, path, 1 << 16, &t, &n, &e) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", e.msg);
	if (!ckpt_parse((struct str){ t, n }, &origin, &x->old, x->old_root) ||
	    !str_eqc(origin, x->log.name))
		return die(EXIT_BADINPUT, "%s: not the state of this log's "
		    "witness (its last cosigned checkpoint)", path);
	x->has_old = true;
	return 0;
}

static int
check_new(struct arena *ar, const char *url, const char *proof_file,
    struct wit *x)
{
	mhash proof[MERKLE_MAXPROOF];
	struct str ptext;
	size_t np;
	int rc;

	if (!note_split(x->note, &x->text, &x->sigs) || !ckpt_parse(x->text,
	    &x->origin, &x->size, x->root))
		return die(EXIT_BADINPUT, "the checkpoint is not a signed "
		    "checkpoint");
	if (!str_eqc(x->origin, x->log.name))
		return die(EXIT_INTERNAL, "refused: the checkpoint is of "
		    "another log (origin %.*s, not %s)", (int)x->origin.len,
		    x->origin.p, x->log.name);
	if (note_verify(&x->log, x->text, x->sigs) != 1)
		return die(EXIT_INTERNAL, "refused: the checkpoint of size %"
		    PRIu64 " is not signed by the log's key %s+%08" PRIx32,
		    x->size, x->log.name, x->log.id);
	if (!x->has_old)
		return 0;
	if (x->size < x->old)
		return die(EXIT_INTERNAL, "refused: the checkpoint's size %"
		    PRIu64 " is smaller than that of the last one cosigned (%"
		    PRIu64 "): the log was cut short", x->size, x->old);
	if (x->size == x->old) {
		if (memcmp(x->root, x->old_root, 32) != 0)
			return die(EXIT_INTERNAL, "refused: the checkpoint of "
			    "size %" PRIu64 " has another root than the one "
			    "cosigned of the same size: the log was forked",
			    x->size);
		return 0;
	}
	if (url != NULL) {
		struct str u = arena_printf(ar, "%s/log/proof?old=%" PRIu64
		    "&new=%" PRIu64, url, x->old, x->size);

		rc = fetch(ar, u.p, NULL, &ptext);
	} else if (proof_file != NULL)
		rc = fetch(ar, NULL, proof_file, &ptext);
	else
		rc = die(EXIT_BADINPUT, "--proof: required (the consistency "
		    "proof from size %" PRIu64 " to %" PRIu64 ")", x->old,
		    x->size);
	if (rc != 0)
		return rc;
	if (!proof_parse(ptext, proof, &np) || !merkle_consistency_check(
	    x->old, x->size, x->old_root, x->root, proof, np))
		return die(EXIT_INTERNAL, "refused: the checkpoint of size %"
		    PRIu64 " is not consistent with the last one cosigned "
		    "(size %" PRIu64 "): the log was rewritten", x->size,
		    x->old);
	return 0;
}

int
cmd_witness(int argc, char **argv)
{
	struct opt o[] = { { "key", true, NULL }, { "log-key", true, NULL },
	    { "state", true, NULL }, { "url", true, NULL },
	    { "checkpoint", true, NULL }, { "proof", true, NULL },
	    { "out", true, NULL } };
	size_t n = sizeof o / sizeof *o;
	const char *kf, *lk, *state, *url, *cpf, *out;
	struct arena *ar;
	struct wit x;
	struct buf b;
	char err[1024];
	int fmt, rc;

	if ((rc = cmd_start("witness", help, argc, argv, o, n, &fmt)) >= 0)
		return rc;
	if ((kf = opt_need("witness", o, n, "key")) == NULL ||
	    (lk = opt_need("witness", o, n, "log-key")) == NULL ||
	    (state = opt_need("witness", o, n, "state")) == NULL)
		return EXIT_BADINPUT;
	url = opt_get(o, n, "url");
	cpf = opt_get(o, n, "checkpoint");
	out = opt_get(o, n, "out");
	if ((url == NULL) == (cpf == NULL))
		return die(EXIT_BADINPUT, "witness: --url URL or --checkpoint "
		    "FILE (one of them)");
	if (sodium_init() < 0)
		return die(EXIT_INTERNAL, "libsodium failed to start");
	memset(&x, 0, sizeof x);
	if (app_key_secret(kf, &x.w, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "--key: %s", err);
	if (x.w.type != NOTE_COSIG) {
		sodium_memzero(&x, sizeof x);
		return die(EXIT_BADINPUT, "--key: not a witness's key (selter "
		    "keys --witness)");
	}
	if (app_key_public(lk, &x.log, err, sizeof err) != SEL_OK) {
		sodium_memzero(&x, sizeof x);
		return die(EXIT_BADINPUT, "--log-key: %s", err);
	}
	ar = arena_new(1 << 16);
	if ((rc = state_read(ar, state, &x)) == 0)
		rc = fetch(ar, url != NULL ? arena_printf(ar, "%s/log/checkpoint",
		    url).p : NULL, cpf, &x.note);
	if (rc == 0)
		rc = check_new(ar, url, opt_get(o, n, "proof"), &x);
	if (rc == 0) {
		buf_init(&b, 1 << 20);
		note_cosign(&x.w, x.text, (uint64_t)time(NULL), &b);
		if (out != NULL)
			rc = write_file(out, x.note, buf_str(&b));
		else {
			fwrite(x.note.p, 1, x.note.len, stdout);
			fwrite(b.p, 1, b.len, stdout);
		}
		if (rc == 0)
			rc = write_file(state, x.text, STR(""));
		if (rc == 0)
			fprintf(out != NULL ? stdout : stderr, "cosigned: size %"
			    PRIu64 " (%s)\n", x.size, !x.has_old ? "the first: "
			    "no earlier state" : x.size == x.old ? "the same as "
			    "the last cosigned" : "consistent with the last "
			    "cosigned");
		buf_release(&b);
	}
	sodium_memzero(&x.w, sizeof x.w);
	arena_destroy(ar);
	return rc;
}
