/*
 * h_archive.c - the auditor's archive of a selection, downloaded by the
 * oversight body and the secretariat (issue 13 item 5, docs/archive.md):
 * GET only, the same file as `selter archive export`.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "app/archive.h"
#include "base/arena.h"
#include "web/web.h"
#include "base/banned.h"

bool
web_archive_refused(struct app *app, const char *method, const char **msg)
{
	struct s_archive a;

	if (strcmp(method, "POST") != 0 || app_archive_info(app, &a) != SEL_OK)
		return false;
	*msg = "Ini arsip hanya-baca dari satu seleksi: tidak ada yang dapat "
	    "dikirim, diubah atau disimpan di sini, termasuk masuk dan "
	    "keluar. Catatan seleksi dapat dibaca di halaman-halamannya dan "
	    "di berkas arsipnya.";
	return true;
}

void
h_archive(struct req *r, struct resp *rs)
{
	char path[64], err[512];
	struct buf b;
	enum sel_err rc;
	int fd, k;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Arsip seleksi hanya "
		    "untuk instansi pengawas dan sekretariat: masuk dahulu.");
		return;
	}
	buf_init(&b, (size_t)2 << 30);
	rc = app_archive_export(r->app, r->ar, &r->who, r->ids[0], &b, NULL,
	    NULL, err, sizeof err);
	if (rc != SEL_OK) {
		buf_release(&b);
		page_error(r, rs, rc == SEL_ENOENT ? MHD_HTTP_NOT_FOUND :
		    rc == SEL_EPERM && err[0] == '\0' ? MHD_HTTP_FORBIDDEN :
		    MHD_HTTP_INTERNAL_SERVER_ERROR, rc == SEL_ENOENT ?
		    "Seleksi tidak ditemukan." : rc == SEL_EPERM &&
		    err[0] == '\0' ? "Arsip seleksi hanya untuk instansi "
		    "pengawas dan sekretariat seleksi ini." : "Arsip tidak "
		    "dapat dibuat (tanpa kunci penandatangan wilayah, atau "
		    "penyimpanan gagal).");
		return;
	}
	/* mkstemp's template: the prefix, then the six 'X' it replaces. */
	k = snprintf(path, sizeof path, "/tmp/selter-arsip-");
	memset(path + k, 'X', 6);
	path[k + 6] = '\0';
	fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);	/* the descriptor keeps it until sent */
	if (fd < 0 || write(fd, b.p, b.len) != (ssize_t)b.len ||
	    lseek(fd, 0, SEEK_SET) != 0) {
		if (fd >= 0)
			close(fd);
		buf_release(&b);
		page_error(r, rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Arsip tidak "
		    "dapat ditulis.");
		return;
	}
	rs->ctype = "application/octet-stream";
	rs->cache = "private, no-store";
	rs->disposition = arena_printf(r->ar, "attachment; filename=\"selter-"
	    "seleksi-%" PRId64 ".arsip\"", r->ids[0]).p;
	rs->fd = fd;
	rs->fd_size = (int64_t)b.len;
	buf_release(&b);
}
