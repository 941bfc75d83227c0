/*
 * cmd_archive.c - `selter archive export|import`: the auditor's archive
 * of one selection (issue 13 item 5, docs/archive.md).
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/archive.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "pdf/pdf.h"
#include "web/web.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter archive export --db FILE --selection N --out FILE\n"
    "           --signing-key FILE [--files DIR]\n"
    "       selter archive import FILE --db NEW.db [--key PUB]\n"
    "           [--files DIR]\n"
    "\n"
    "export writes one selection's complete record as one file: its data\n"
    "as JSON (data.json), its applicants' document files and the published\n"
    "documents as PDF, the trail's events of that selection with their\n"
    "inclusion proofs, and the log's checkpoints, with a manifest of their\n"
    "SHA-256 hashes signed with the region's key (docs/archive.md).\n"
    "--files: the store's document directory (default: the db + .files).\n"
    "\n"
    "import checks the archive (the manifest's signature, by --key when\n"
    "given, else by the key the manifest names; every file's size and\n"
    "SHA-256; the checkpoint's signature; every event's hash and inclusion\n"
    "proof) and only then makes NEW.db (which must not exist) holding that\n"
    "selection.  `selter serve --db NEW.db` then shows it read-only.  The\n"
    "first thing that does not hold is named; exit 2, nothing made.\n"
    "\n"
    "Example:\n"
    "  selter archive export --db selter.db --selection 3 \\\n"
    "      --signing-key log.key --out seleksi-3.arsip\n"
    "  selter archive import seleksi-3.arsip --db arsip.db --key log.key.pub\n"
    "  selter serve --db arsip.db\n";

static void
progress(void *arg, const char *step, int64_t done, int64_t total)
{
	(void)arg;
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r\033[K%s: %" PRId64 "/%" PRId64, step, done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

static int
write_out(const char *path, const struct buf *b)
{
	char tmp[1100];
	int fd;

	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return die(EXIT_BADINPUT, "%s: cannot be written", tmp);
	for (size_t off = 0; off < b->len;) {
		ssize_t w = write(fd, b->p + off, b->len - off);

		if (w <= 0) {
			close(fd);
			unlink(tmp);
			return die(EXIT_INTERNAL, "%s: cannot be written", tmp);
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return die(EXIT_INTERNAL, "%s: cannot be written", path);
	}
	return EXIT_RESULT;
}

static int
archive_export(int argc, char **argv)
{
	struct opt o[] = { { "db", true, NULL }, { "selection", true, NULL },
	    { "out", true, NULL }, { "signing-key", true, NULL },
	    { "files", true, NULL } };
	size_t no = sizeof o / sizeof *o;
	struct app_config cf = { 0 };
	const char *db, *out, *sk, *ss;
	struct app *app;
	struct arena *ar;
	struct buf b;
	int64_t sel;
	char err[1024];
	int fmt, rc;

	if ((rc = cmd_start("archive export", help, argc, argv, o, no,
	    &fmt)) >= 0)
		return rc;
	if ((db = opt_need("archive export", o, no, "db")) == NULL ||
	    (ss = opt_need("archive export", o, no, "selection")) == NULL ||
	    (out = opt_need("archive export", o, no, "out")) == NULL ||
	    (sk = opt_need("archive export", o, no, "signing-key")) == NULL)
		return EXIT_BADINPUT;
	if (parse_i64(str_c(ss), 1, INT64_MAX, &sel) != SEL_OK)
		return die(EXIT_BADINPUT, "--selection: \"%.40s\" is not a "
		    "selection's number", ss);
	if (access(db, F_OK) != 0)
		return die(EXIT_BADINPUT, "%s: no such store", db);
	cf.db_path = db;
	cf.db_conns = 2;
	cf.signing_key = sk;
	cf.files_dir = opt_get(o, no, "files");
	cf.render = web_render_doc;
	cf.pdf = web_render_pdf;
	pdf_init();
	if (app_open(&cf, &app, err, sizeof err) != SEL_OK) {
		pdf_shutdown();
		return die(EXIT_BADINPUT, "%s", err);
	}
	ar = arena_new(1 << 20);
	buf_init(&b, (size_t)4 << 30);
	if (app_archive_export(app, ar, NULL, sel, &b, progress, NULL, err,
	    sizeof err) != SEL_OK)
		rc = die(EXIT_BADINPUT, "archive export: %s", err[0] != '\0' ?
		    err : "the archive could not be made");
	else if ((rc = write_out(out, &b)) == EXIT_RESULT)
		printf("archive: %s (%zu bytes)\n", out, b.len);
	buf_release(&b);
	arena_destroy(ar);
	app_close(app);
	pdf_shutdown();
	return rc;
}

static int
archive_import(int argc, char **argv)
{
	struct opt o[] = { { "db", true, NULL }, { "key", true, NULL },
	    { "files", true, NULL } };
	size_t no = sizeof o / sizeof *o;
	struct archive_import im;
	char err[1024];
	int fmt, rc;

	if (argc < 2 || argv[1][0] == '-') {
		if (want_help(argc, argv)) {
			fputs(help, stdout);
			return EXIT_RESULT;
		}
		return die(EXIT_BADINPUT, "archive import: usage: selter "
		    "archive import FILE --db NEW.db");
	}
	memset(&im, 0, sizeof im);
	im.file = argv[1];
	if ((rc = cmd_start("archive import", help, argc - 1, argv + 1, o, no,
	    &fmt)) >= 0)
		return rc;
	if ((im.db = opt_need("archive import", o, no, "db")) == NULL)
		return EXIT_BADINPUT;
	im.key = opt_get(o, no, "key");
	im.files_dir = opt_get(o, no, "files");
	im.progress = progress;
	if (app_archive_import(&im, err, sizeof err) != SEL_OK)
		return die(EXIT_BADINPUT, "archive import: %s: refused: %s",
		    im.file, err);
	printf("imported: %s, selection %" PRId64 ", exported %s: %" PRId64
	    " events, %" PRId64 " document files; %s is read-only\n",
	    im.region, im.selection, im.exported, im.events, im.files, im.db);
	if (im.key == NULL)
		printf("note: checked with the key the archive names; compare "
		    "it with the region's published key (/kunci) or give "
		    "--key\n");
	return EXIT_RESULT;
}

int
cmd_archive(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "export") == 0)
		return archive_export(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return archive_import(argc - 1, argv + 1);
	if (want_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_RESULT;
	}
	return die(EXIT_BADINPUT, "archive: usage: selter archive "
	    "export|import (see selter archive --help)");
}
