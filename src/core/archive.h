/*
 * archive.h - the auditor's archive's container and manifest (issue 13
 * item 5, docs/archive.md).  Pure: bytes in, bytes out.
 *
 * The container is one file: the line "selter-archive 1", then each
 * member as a line "NAME SIZE" (SIZE in decimal bytes), its SIZE bytes
 * and a newline.  The first member is "manifest", a signed note (C2SP)
 * whose text lists the archive (region, selection, time, key) and every
 * other member with its size and SHA-256; nothing may follow the last
 * member.  A name is 1..200 bytes of [a-z0-9._/-], no "..", no leading
 * '/'.
 */
#ifndef SELTER_CORE_ARCHIVE_H
#define SELTER_CORE_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/str.h"

#define ARCH_MAGIC	"selter-archive 1\n"
#define ARCH_MAXFILES	100000

struct arch_file {
	struct str	 name;
	struct str	 data;
	char		 sha[65];	/* manifest: hex SHA-256 */
	uint64_t	 size;		/* manifest: its size */
};

bool	arch_name_ok(struct str);
/* Appends a member (the magic first: arch_write_start). */
void	arch_write_start(struct buf *);
void	arch_write_file(struct buf *, struct str name, struct str data);
/*
 * Splits text into its members (pointing into text), in order: false
 * and why (the first thing wrong: "byte N: ...") otherwise.
 */
bool	arch_parse(struct str text, struct arch_file *v, size_t max,
	    size_t *n, char *why, size_t whysz);

/* The manifest's text (a signed note's, before the empty line). */
struct arch_manifest {
	struct str	 region_code, region_name, exported, key;
	int64_t		 selection;
	struct arch_file *files;	/* name, size, sha: no data */
	size_t		 nfiles;
};
void	arch_manifest_text(struct buf *, const struct arch_manifest *);
/* files has room for max; false and why when it is not a manifest. */
bool	arch_manifest_parse(struct str text, struct arch_manifest *,
	    struct arch_file *files, size_t max, char *why, size_t whysz);

#endif
