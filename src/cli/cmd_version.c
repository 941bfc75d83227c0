/*
 * cmd_version.c - `selter version`: selter's version and the running
 * versions of the libraries linked into it, one "name version" a line,
 * each asked of the layer that links it (base: yajl; app: SQLite and
 * OpenSSL through the store, libsodium, libcurl; web: libmicrohttpd,
 * libxlsxwriter).
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "base/json.h"
#include "cli/cli.h"
#include "web/export.h"
#include "web/web.h"
#include "base/banned.h"

int
cmd_version(int argc, char **argv)
{
	struct app_lib_versions v;
	char yajl[32];

	(void)argv;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		printf("usage: selter version\n\nPrints selter's version, "
		    "then the running version of each library it\nlinks: "
		    "sqlite, openssl, libsodium, libcurl, libmicrohttpd, yajl,\n"
		    "libxlsxwriter.\n");
		return EXIT_RESULT;
	}
	if (argc > 1)
		return die(EXIT_BADINPUT, "version: takes no argument (see "
		    "selter version --help)");
	app_lib_versions(&v);
	json_lib_version(yajl, sizeof yajl);
	printf("selter %s\n", SELTER_VERSION);
	printf("sqlite %s\n", v.sqlite);
	printf("openssl %s\n", v.openssl);
	printf("libsodium %s\n", v.sodium);
	printf("libcurl %s\n", v.curl);
	printf("libmicrohttpd %s\n", web_lib_version());
	printf("yajl %s\n", yajl);
	printf("libxlsxwriter %s\n", xs_lib_version());
	return EXIT_RESULT;
}
