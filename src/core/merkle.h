/*
 * merkle.h - the RFC 6962 (RFC 9162 section 2.1) Merkle tree over the
 * audit trail's events: a leaf's hash is SHA-256(0x00 || its bytes), an
 * interior node's SHA-256(0x01 || left || right); the tree of n leaves
 * splits at the largest power of two below n.  Inclusion and consistency
 * proofs are made and checked by the RFC's own algorithms (9162 sections
 * 2.1.3 and 2.1.4).  Pure: hashes in, hashes out (docs/log.md).
 */
#ifndef SELTER_CORE_MERKLE_H
#define SELTER_CORE_MERKLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MERKLE_HASH	32
#define MERKLE_MAXPROOF	64	/* hashes in a proof of a tree < 2^63 */

typedef unsigned char mhash[MERKLE_HASH];

void	merkle_leaf(const void *data, size_t n, mhash out);
void	merkle_node(const mhash left, const mhash right, mhash out);
/* The root of leaves[0..n) (leaf hashes); SHA-256 of nothing when n = 0. */
void	merkle_root(mhash *leaves, uint64_t n, mhash out);

/*
 * The tree grown one leaf at a time: the roots of its complete subtrees,
 * largest first (O(log n)).  merkle_acc_root gives the root of the n
 * leaves added so far, as merkle_root would.  It holds a SHA-256 context
 * of its own (OpenSSL's, fetched once: the one-shot SHA256() costs three
 * times as much per node), freed by merkle_acc_free; merkle_acc_leaf and
 * merkle_acc_sha256 hash with it.
 */
struct merkle_acc {
	mhash		 stack[MERKLE_MAXPROOF];
	size_t		 top;
	uint64_t	 n;
	void		*ctx, *md;	/* EVP_MD_CTX, EVP_MD */
};
void	merkle_acc_init(struct merkle_acc *);
void	merkle_acc_free(struct merkle_acc *);
void	merkle_acc_add(struct merkle_acc *, const mhash leaf);
void	merkle_acc_root(const struct merkle_acc *, mhash out);
void	merkle_acc_leaf(const struct merkle_acc *, const void *data, size_t n,
	    mhash out);
void	merkle_acc_sha256(const struct merkle_acc *, const void *data,
	    size_t n, mhash out);

/* The audit path of leaf index in the tree of the first size leaves;
   false when index >= size. */
bool	merkle_inclusion(mhash *leaves, uint64_t size, uint64_t index,
	    mhash proof[MERKLE_MAXPROOF], size_t *len);
bool	merkle_inclusion_check(uint64_t index, uint64_t size,
	    const mhash leaf, mhash *proof, size_t len,
	    const mhash root);

/* The consistency proof from the tree of old leaves to the tree of size
   leaves; false unless 0 < old <= size. */
bool	merkle_consistency(mhash *leaves, uint64_t size, uint64_t old,
	    mhash proof[MERKLE_MAXPROOF], size_t *len);
bool	merkle_consistency_check(uint64_t old, uint64_t size,
	    const mhash old_root, const mhash root, mhash *proof,
	    size_t len);

#endif
