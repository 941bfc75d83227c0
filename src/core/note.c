/*
 * note.c - C2SP signed notes, keys, checkpoints and cosignatures
 * (note.h).  Ed25519 and base64 are libsodium's; the key id's SHA-256
 * too (short inputs).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/note.h"
#include "base/banned.h"

#define DASH	"\xe2\x80\x94 "		/* "— " opens a signature line */
#define B64	sodium_base64_VARIANT_ORIGINAL

bool
note_name_ok(struct str n)
{
	if (n.len == 0 || n.len >= 128)
		return false;
	for (size_t i = 0; i < n.len; i++)
		if ((unsigned char)n.p[i] <= ' ' || (unsigned char)n.p[i] >=
		    0x7f || n.p[i] == '+')
			return false;
	return true;
}

uint32_t
note_key_id(struct str name, unsigned char type, const unsigned char pub[32])
{
	crypto_hash_sha256_state h;
	unsigned char d[32];

	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)name.p, name.len);
	crypto_hash_sha256_update(&h, (const unsigned char *)"\n", 1);
	crypto_hash_sha256_update(&h, &type, 1);
	crypto_hash_sha256_update(&h, pub, 32);
	crypto_hash_sha256_final(&h, d);
	return (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 |
	    (uint32_t)d[2] << 8 | d[3];
}

bool
note_key_from_seed(struct note_key *k, struct str name, unsigned char type,
    const unsigned char seed[32])
{
	memset(k, 0, sizeof *k);
	if (!note_name_ok(name) || (type != NOTE_ED25519 && type != NOTE_COSIG))
		return false;
	memcpy(k->name, name.p, name.len);
	k->type = type;
	crypto_sign_seed_keypair(k->pub, k->sk, seed);
	k->secret = true;
	k->id = note_key_id(name, type, k->pub);
	return true;
}

static void
put_b64(struct buf *b, const unsigned char *p, size_t n)
{
	char out[256];

	sodium_bin2base64(out, sizeof out, p, n, B64);
	buf_puts(b, out);
}

static void
key_text(const struct note_key *k, bool secret, struct buf *b)
{
	unsigned char raw[33];

	raw[0] = k->type;
	/* libsodium's secret key is the seed, then the public key. */
	memcpy(raw + 1, secret ? k->sk : k->pub, 32);
	buf_printf(b, "%s%s+%08" PRIx32 "+", secret ? "PRIVATE+KEY+" : "",
	    k->name, k->id);
	put_b64(b, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

void
note_vkey_text(const struct note_key *k, struct buf *b)
{
	key_text(k, false, b);
}

void
note_skey_text(const struct note_key *k, struct buf *b)
{
	key_text(k, true, b);
}

bool
note_b64_ok(struct str s)
{
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '='))
			return false;
	}
	return true;
}

/* base64 of exactly n bytes into out; false otherwise.  Only the
   alphabet: libsodium reads a byte above 0x7f as it reads another. */
static bool
b64_exact(struct str s, unsigned char *out, size_t n)
{
	size_t got = 0;

	return s.len < 512 && note_b64_ok(s) && sodium_base642bin(out, n, s.p,
	    s.len, NULL, &got, NULL, B64) == 0 && got == n;
}

/* NAME+ID+KEY: the three parts of a key's text. */
static bool
key_parse(struct str s, struct note_key *k, unsigned char raw[33])
{
	const char *p1, *p2;
	char hex[9];
	uint32_t id = 0;
	struct str name;

	s = str_trim(s);
	memset(k, 0, sizeof *k);
	p2 = s.len > 0 ? memchr(s.p, '+', s.len) : NULL;
	if (p2 == NULL)
		return false;
	name = (struct str){ s.p, (size_t)(p2 - s.p) };
	p1 = p2 + 1;
	p2 = memchr(p1, '+', (size_t)(s.p + s.len - p1));
	if (!note_name_ok(name) || p2 == NULL || p2 - p1 != 8)
		return false;
	memcpy(hex, p1, 8);
	hex[8] = '\0';
	for (int i = 0; i < 8; i++) {
		char c = hex[i];
		unsigned v = c >= '0' && c <= '9' ? (unsigned)(c - '0') :
		    c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 99;

		if (v == 99)
			return false;
		id = id << 4 | v;
	}
	if (!b64_exact((struct str){ p2 + 1, (size_t)(s.p + s.len - p2 - 1) },
	    raw, 33) || (raw[0] != NOTE_ED25519 && raw[0] != NOTE_COSIG))
		return false;
	memcpy(k->name, name.p, name.len);
	k->type = raw[0];
	k->id = id;
	return true;
}

bool
note_vkey_parse(struct str s, struct note_key *k)
{
	unsigned char raw[33];

	if (!key_parse(s, k, raw))
		return false;
	memcpy(k->pub, raw + 1, 32);
	return note_key_id(str_c(k->name), k->type, k->pub) == k->id;
}

bool
note_skey_parse(struct str s, struct note_key *k)
{
	unsigned char raw[33];
	char name[128];
	bool ok;

	s = str_trim(s);
	if (!str_starts(s, "PRIVATE+KEY+"))
		return false;
	s.p += 12;
	s.len -= 12;
	ok = key_parse(s, k, raw);
	if (ok) {
		uint32_t id = k->id;

		memcpy(name, k->name, sizeof name);
		ok = note_key_from_seed(k, str_c(name), raw[0], raw + 1) &&
		    k->id == id;
	}
	sodium_memzero(raw, sizeof raw);
	if (!ok)
		sodium_memzero(k, sizeof *k);
	return ok;
}

bool
note_split(struct str note, struct str *text, struct str *sigs)
{
	const char *p = note.p;

	/* The text is every line up to the first empty one. */
	for (size_t i = 0; i + 1 < note.len; i++)
		if (p[i] == '\n' && p[i + 1] == '\n') {
			*text = (struct str){ p, i + 1 };
			*sigs = (struct str){ p + i + 2, note.len - i - 2 };
			return i > 0 && sigs->len > 0 &&
			    str_starts(*sigs, DASH) &&
			    p[note.len - 1] == '\n';
		}
	return false;
}

bool
note_signer(struct str sigs, char name[128], uint32_t *id)
{
	const char *e = memchr(sigs.p, '\n', sigs.len), *sp;
	struct str line = { sigs.p, e != NULL ? (size_t)(e - sigs.p) :
	    sigs.len };
	unsigned char raw[4 + 64 + 8];
	size_t got = 0;
	struct str b64;

	if (!str_starts(line, DASH) || (sp = memchr(line.p + 4, ' ',
	    line.len - 4)) == NULL || sp - (line.p + 4) >= 128)
		return false;
	b64 = (struct str){ sp + 1, (size_t)(line.p + line.len - sp - 1) };
	if (b64.len >= 512 || !note_b64_ok(b64) || sodium_base642bin(raw,
	    sizeof raw, b64.p, b64.len, NULL, &got, NULL, B64) != 0 || got < 4)
		return false;
	memcpy(name, line.p + 4, (size_t)(sp - line.p - 4));
	name[sp - line.p - 4] = '\0';
	*id = (uint32_t)raw[0] << 24 | (uint32_t)raw[1] << 16 |
	    (uint32_t)raw[2] << 8 | raw[3];
	return true;
}

void
note_sign(const struct note_key *k, struct str text, struct buf *b)
{
	unsigned char sig[4 + 64];

	sig[0] = (unsigned char)(k->id >> 24);
	sig[1] = (unsigned char)(k->id >> 16);
	sig[2] = (unsigned char)(k->id >> 8);
	sig[3] = (unsigned char)k->id;
	crypto_sign_detached(sig + 4, NULL, (const unsigned char *)text.p,
	    text.len, k->sk);
	buf_printf(b, DASH "%s ", k->name);
	put_b64(b, sig, sizeof sig);
	buf_puts(b, "\n");
}

/*
 * Each signature line of sigs whose name is k's and whose id is k's,
 * decoded into raw (n bytes after the id): calls check on it.  Returns
 * as note_verify.
 */
static int
each_sig(const struct note_key *k, struct str sigs, unsigned char *raw,
    size_t n, int (*check)(const struct note_key *, const unsigned char *,
    void *), void *arg)
{
	size_t nl = strlen(k->name);
	int found = 0;

	for (const char *p = sigs.p, *end = sigs.p + sigs.len; p < end;) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		struct str line = { p, (size_t)((e != NULL ? e : end) - p) };
		struct str b64;
		unsigned char id[4];

		p = e != NULL ? e + 1 : end;
		if (!str_starts(line, DASH) || line.len < 4 + nl + 1 ||
		    memcmp(line.p + 4, k->name, nl) != 0 ||
		    line.p[4 + nl] != ' ')
			continue;
		b64 = (struct str){ line.p + 5 + nl, line.len - 5 - nl };
		/* Not base64 of the right length: another kind of
		   signature, or none (a caller wanting k's finds none). */
		if (!b64_exact(b64, raw, 4 + n))
			continue;
		id[0] = (unsigned char)(k->id >> 24);
		id[1] = (unsigned char)(k->id >> 16);
		id[2] = (unsigned char)(k->id >> 8);
		id[3] = (unsigned char)k->id;
		if (memcmp(raw, id, 4) != 0)
			continue;
		if (check(k, raw + 4, arg))
			return 1;
		found = -1;
	}
	return found;
}

struct sig_arg {
	struct str	 text;
	uint64_t	 t;
};

static int
ed_check(const struct note_key *k, const unsigned char *sig, void *arg)
{
	const struct sig_arg *a = arg;

	return crypto_sign_verify_detached(sig, (const unsigned char *)
	    a->text.p, a->text.len, k->pub) == 0;
}

int
note_verify(const struct note_key *k, struct str text, struct str sigs)
{
	unsigned char raw[4 + 64];
	struct sig_arg a = { text, 0 };

	if (k->type != NOTE_ED25519)
		return 0;
	return each_sig(k, sigs, raw, 64, ed_check, &a);
}

/* "cosignature/v1\ntime T\n" + the checkpoint's text. */
static void
cosig_msg(struct buf *m, struct str text, uint64_t t)
{
	buf_printf(m, "cosignature/v1\ntime %" PRIu64 "\n", t);
	buf_putstr(m, text);
}

void
note_cosign(const struct note_key *w, struct str text, uint64_t t,
    struct buf *b)
{
	unsigned char sig[4 + 8 + 64];
	struct buf m;

	buf_init(&m, 1 << 20);
	cosig_msg(&m, text, t);
	for (int i = 0; i < 4; i++)
		sig[i] = (unsigned char)(w->id >> (24 - 8 * i));
	for (int i = 0; i < 8; i++)
		sig[4 + i] = (unsigned char)(t >> (56 - 8 * i));
	crypto_sign_detached(sig + 12, NULL, (const unsigned char *)m.p,
	    m.len, w->sk);
	buf_release(&m);
	buf_printf(b, DASH "%s ", w->name);
	put_b64(b, sig, sizeof sig);
	buf_puts(b, "\n");
}

static int
cosig_check(const struct note_key *w, const unsigned char *raw, void *arg)
{
	struct sig_arg *a = arg;
	struct buf m;
	uint64_t t = 0;
	int ok;

	for (int i = 0; i < 8; i++)
		t = t << 8 | raw[i];
	buf_init(&m, 1 << 20);
	cosig_msg(&m, a->text, t);
	ok = m.err == SEL_OK && crypto_sign_verify_detached(raw + 8,
	    (const unsigned char *)m.p, m.len, w->pub) == 0;
	buf_release(&m);
	if (ok)
		a->t = t;
	return ok;
}

int
note_cosig_verify(const struct note_key *w, struct str text, struct str sigs,
    uint64_t *t)
{
	unsigned char raw[4 + 8 + 64];
	struct sig_arg a = { text, 0 };
	int rc;

	if (w->type != NOTE_COSIG)
		return 0;
	rc = each_sig(w, sigs, raw, 8 + 64, cosig_check, &a);
	*t = a.t;
	return rc;
}

void
ckpt_text(struct buf *b, struct str origin, uint64_t size, const mhash root,
    struct str time)
{
	buf_putstr(b, origin);
	buf_printf(b, "\n%" PRIu64 "\n", size);
	put_b64(b, root, MERKLE_HASH);
	buf_puts(b, "\n");
	if (time.len > 0) {
		buf_puts(b, "time ");
		buf_putstr(b, time);
		buf_puts(b, "\n");
	}
}

/* The next line of *s (without its "\n"); false at the end. */
static bool
next_line(struct str *s, struct str *line)
{
	const char *e;

	if (s->len == 0)
		return false;
	e = memchr(s->p, '\n', s->len);
	if (e == NULL)
		return false;
	*line = (struct str){ s->p, (size_t)(e - s->p) };
	s->len -= (size_t)(e - s->p) + 1;
	s->p = e + 1;
	return true;
}

bool
ckpt_parse(struct str text, struct str *origin, uint64_t *size, mhash root)
{
	struct str l1, l2, l3;
	int64_t v;

	if (!next_line(&text, &l1) || !next_line(&text, &l2) ||
	    !next_line(&text, &l3) || l1.len == 0)
		return false;
	/* A size is decimal without a sign or leading zeros. */
	if (l2.len == 0 || l2.p[0] < '0' || l2.p[0] > '9' || (l2.len > 1 &&
	    l2.p[0] == '0') || parse_i64(l2, 0, INT64_MAX, &v) != SEL_OK)
		return false;
	if (!b64_exact(l3, root, MERKLE_HASH))
		return false;
	*origin = l1;
	*size = (uint64_t)v;
	return true;
}
