/*
 * note.h - keys, signed notes and checkpoints in the C2SP formats
 * (signed-note, tlog-checkpoint, tlog-cosignature; docs/log.md).
 *
 * A key is named (the log's origin, or the witness's name) and known by
 * its id, the first 4 bytes of SHA-256(name || "\n" || type || public
 * key), type 0x01 for an Ed25519 note signature and 0x04 for a
 * cosignature/v1.  Text forms, as Go's golang.org/x/mod/sumdb/note:
 *   public  NAME+ID8HEX+base64(type || public key)
 *   secret  PRIVATE+KEY+NAME+ID8HEX+base64(type || 32-byte seed)
 * A signed note is its text (lines ending in "\n"), an empty line, then
 * signature lines "— NAME base64(id4 || signature)".  Pure: the caller
 * brings the random seed.
 */
#ifndef SELTER_CORE_NOTE_H
#define SELTER_CORE_NOTE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/str.h"
#include "core/merkle.h"

enum { NOTE_ED25519 = 0x01, NOTE_COSIG = 0x04 };

struct note_key {
	char		 name[128];
	unsigned char	 type;		/* NOTE_ED25519 or NOTE_COSIG */
	uint32_t	 id;
	unsigned char	 pub[32];
	unsigned char	 sk[64];	/* libsodium's secret key */
	bool		 secret;	/* sk is set */
};

/* Only characters of the base64 alphabet (and '='): checked before
   libsodium decodes, which reads a byte above 0x7f as another. */
bool	note_b64_ok(struct str);
/* A name: 1..127 bytes, printable ASCII, no space and no '+'. */
bool	note_name_ok(struct str);
/* The key pair of seed; false when the name is not one. */
bool	note_key_from_seed(struct note_key *, struct str name,
	    unsigned char type, const unsigned char seed[32]);
uint32_t note_key_id(struct str name, unsigned char type,
	    const unsigned char pub[32]);
void	note_vkey_text(const struct note_key *, struct buf *);
void	note_skey_text(const struct note_key *, struct buf *);
/* Parse either text form (trailing space and newlines ignored). */
bool	note_vkey_parse(struct str, struct note_key *);
bool	note_skey_parse(struct str, struct note_key *);

/* The note's text (up to and without the empty line) and its signature
   lines; false when it is not a signed note. */
bool	note_split(struct str note, struct str *text, struct str *sigs);
/* The name and key id of the first signature line of sigs; false when
   it is not one. */
bool	note_signer(struct str sigs, char name[128], uint32_t *id);
/* "— NAME base64(id || sig)\n" for text, signed with k (type 0x01). */
void	note_sign(const struct note_key *k, struct str text, struct buf *);
/*
 * Looks in sigs for the lines of key k: 1 one verifies; 0 there is none
 * with k's name and id; -1 one has k's name and id and does not verify
 * (or is not base64 of the right length).
 */
int	note_verify(const struct note_key *k, struct str text,
	    struct str sigs);

/* tlog-cosignature/v1: the line over a checkpoint's text at time t
   (seconds since 1970). */
void	note_cosign(const struct note_key *w, struct str text, uint64_t t,
	    struct buf *);
/* As note_verify for a witness key w (type 0x04); *t its time. */
int	note_cosig_verify(const struct note_key *w, struct str text,
	    struct str sigs, uint64_t *t);

/* A checkpoint's text: origin, size, base64 root, "time ISO" line. */
void	ckpt_text(struct buf *, struct str origin, uint64_t size,
	    const mhash root, struct str time);
/* Its first three lines; extension lines are allowed after them. */
bool	ckpt_parse(struct str text, struct str *origin, uint64_t *size,
	    mhash root);

#endif
