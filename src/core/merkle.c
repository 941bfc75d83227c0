/*
 * merkle.c - RFC 6962 Merkle tree hashes, inclusion and consistency
 * proofs (merkle.h).  The root is computed in one pass with a stack of
 * the complete subtrees' roots (O(log n) memory); proofs recurse as the
 * RFC's PATH and SUBPROOF do.  SHA-256 is OpenSSL's (SHA-NI where the CPU
 * has it).
 */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include "core/merkle.h"
#include "base/banned.h"

void
merkle_leaf(const void *data, size_t n, mhash out)
{
	unsigned char small[1024];
	unsigned char z = 0;
	EVP_MD_CTX *h;

	if (n < sizeof small) {
		small[0] = 0;
		if (n > 0)
			memcpy(small + 1, data, n);
		SHA256(small, n + 1, out);
		return;
	}
	h = EVP_MD_CTX_new();
	if (h == NULL || !EVP_DigestInit_ex(h, EVP_sha256(), NULL) ||
	    !EVP_DigestUpdate(h, &z, 1) || !EVP_DigestUpdate(h, data, n) ||
	    !EVP_DigestFinal_ex(h, out, NULL))
		memset(out, 0, MERKLE_HASH);	/* never matches a real root */
	EVP_MD_CTX_free(h);
}

void
merkle_node(const mhash left, const mhash right, mhash out)
{
	unsigned char in[1 + 2 * MERKLE_HASH];

	in[0] = 1;
	memcpy(in + 1, left, MERKLE_HASH);
	memcpy(in + 1 + MERKLE_HASH, right, MERKLE_HASH);
	SHA256(in, sizeof in, out);
}

void
merkle_acc_init(struct merkle_acc *m)
{
	m->top = 0;
	m->n = 0;
	m->md = EVP_MD_fetch(NULL, "SHA256", NULL);
	m->ctx = EVP_MD_CTX_new();
}

void
merkle_acc_free(struct merkle_acc *m)
{
	EVP_MD_CTX_free(m->ctx);
	EVP_MD_free(m->md);
	m->ctx = NULL;
	m->md = NULL;
}

/* SHA-256(pre || a || b), pre < 0: none; zeros if OpenSSL fails (they
   never match a real hash). */
static void
hash3(const struct merkle_acc *m, int pre, const void *a, size_t an,
    const void *b, size_t bn, mhash out)
{
	unsigned char p = (unsigned char)pre;
	EVP_MD_CTX *h = m->ctx;

	if (h == NULL || m->md == NULL || !EVP_DigestInit_ex(h, m->md, NULL) ||
	    (pre >= 0 && !EVP_DigestUpdate(h, &p, 1)) ||
	    !EVP_DigestUpdate(h, a, an) || (bn > 0 &&
	    !EVP_DigestUpdate(h, b, bn)) || !EVP_DigestFinal_ex(h, out, NULL))
		memset(out, 0, MERKLE_HASH);
}

void
merkle_acc_leaf(const struct merkle_acc *m, const void *data, size_t n,
    mhash out)
{
	hash3(m, 0, data, n, NULL, 0, out);
}

void
merkle_acc_sha256(const struct merkle_acc *m, const void *data, size_t n,
    mhash out)
{
	hash3(m, -1, data, n, NULL, 0, out);
}

/* Leaf n joins the stack; each trailing one bit of n + 1 merges two
   complete subtrees of equal size. */
void
merkle_acc_add(struct merkle_acc *m, const mhash leaf)
{
	memcpy(m->stack[m->top++], leaf, MERKLE_HASH);
	for (uint64_t k = ++m->n; (k & 1) == 0; k >>= 1) {
		hash3(m, 1, m->stack[m->top - 2], MERKLE_HASH,
		    m->stack[m->top - 1], MERKLE_HASH, m->stack[m->top - 2]);
		m->top--;
	}
}

/* The complete subtrees, largest first, folded from the right as the
   split at the largest power of two does. */
void
merkle_acc_root(const struct merkle_acc *m, mhash out)
{
	mhash r, t;

	if (m->top == 0) {
		SHA256((const unsigned char *)"", 0, out);
		return;
	}
	memcpy(r, m->stack[m->top - 1], MERKLE_HASH);
	for (size_t i = m->top - 1; i > 0; i--) {
		hash3(m, 1, m->stack[i - 1], MERKLE_HASH, r, MERKLE_HASH, t);
		memcpy(r, t, MERKLE_HASH);
	}
	memcpy(out, r, MERKLE_HASH);
}

void
merkle_root(mhash *leaves, uint64_t n, mhash out)
{
	struct merkle_acc m;

	merkle_acc_init(&m);
	for (uint64_t i = 0; i < n; i++)
		merkle_acc_add(&m, leaves[i]);
	merkle_acc_root(&m, out);
	merkle_acc_free(&m);
}

/* The largest power of two below n (n >= 2). */
static uint64_t
split(uint64_t n)
{
	uint64_t k = 1;

	while (k << 1 < n)
		k <<= 1;
	return k;
}

/* PATH(m, D[n]) of RFC 6962 2.1.1, appended to proof (leaf side first). */
static void
path(mhash *d, uint64_t n, uint64_t m, mhash *proof, size_t *len)
{
	uint64_t k;

	if (n <= 1)
		return;
	k = split(n);
	if (m < k) {
		path(d, k, m, proof, len);
		merkle_root(d + k, n - k, proof[(*len)++]);
	} else {
		path(d + k, n - k, m - k, proof, len);
		merkle_root(d, k, proof[(*len)++]);
	}
}

bool
merkle_inclusion(mhash *leaves, uint64_t size, uint64_t index,
    mhash proof[MERKLE_MAXPROOF], size_t *len)
{
	*len = 0;
	if (index >= size)
		return false;
	path(leaves, size, index, proof, len);
	return true;
}

/* RFC 9162 2.1.3.2. */
bool
merkle_inclusion_check(uint64_t index, uint64_t size, const mhash leaf,
    mhash *proof, size_t len, const mhash root)
{
	uint64_t fn = index, sn = size - 1;
	mhash r;

	if (index >= size)
		return false;
	memcpy(r, leaf, MERKLE_HASH);
	for (size_t i = 0; i < len; i++) {
		if (sn == 0)
			return false;
		if ((fn & 1) == 1 || fn == sn) {
			merkle_node(proof[i], r, r);
			if ((fn & 1) == 0)
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
		} else
			merkle_node(r, proof[i], r);
		fn >>= 1;
		sn >>= 1;
	}
	return sn == 0 && memcmp(r, root, MERKLE_HASH) == 0;
}

/* SUBPROOF(m, D[n], b) of RFC 6962 2.1.2. */
static void
subproof(mhash *d, uint64_t n, uint64_t m, bool b, mhash *proof,
    size_t *len)
{
	uint64_t k;

	if (m == n) {
		if (!b)
			merkle_root(d, n, proof[(*len)++]);
		return;
	}
	k = split(n);
	if (m <= k) {
		subproof(d, k, m, b, proof, len);
		merkle_root(d + k, n - k, proof[(*len)++]);
	} else {
		subproof(d + k, n - k, m - k, false, proof, len);
		merkle_root(d, k, proof[(*len)++]);
	}
}

bool
merkle_consistency(mhash *leaves, uint64_t size, uint64_t old,
    mhash proof[MERKLE_MAXPROOF], size_t *len)
{
	*len = 0;
	if (old == 0 || old > size)
		return false;
	if (old < size)
		subproof(leaves, size, old, true, proof, len);
	return true;
}

/* RFC 9162 2.1.4.2. */
bool
merkle_consistency_check(uint64_t old, uint64_t size, const mhash old_root,
    const mhash root, mhash *proof, size_t len)
{
	uint64_t fn, sn;
	mhash fr, sr;
	size_t i = 0;

	if (old == 0 || old > size)
		return false;
	if (old == size)
		return len == 0 && memcmp(old_root, root, MERKLE_HASH) == 0;
	if (len == 0)
		return false;
	/* When old is a power of two, the old root is the proof's first. */
	fn = old - 1;
	sn = size - 1;
	while ((fn & 1) == 1) {
		fn >>= 1;
		sn >>= 1;
	}
	if ((old & (old - 1)) == 0) {
		memcpy(fr, old_root, MERKLE_HASH);
	} else {
		memcpy(fr, proof[0], MERKLE_HASH);
		i = 1;
	}
	memcpy(sr, fr, MERKLE_HASH);
	for (; i < len; i++) {
		if (sn == 0)
			return false;
		if ((fn & 1) == 1 || fn == sn) {
			merkle_node(proof[i], fr, fr);
			merkle_node(proof[i], sr, sr);
			if ((fn & 1) == 0)
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
		} else
			merkle_node(sr, proof[i], sr);
		fn >>= 1;
		sn >>= 1;
	}
	return sn == 0 && memcmp(fr, old_root, MERKLE_HASH) == 0 &&
	    memcmp(sr, root, MERKLE_HASH) == 0;
}
