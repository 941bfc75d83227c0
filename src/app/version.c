/*
 * version.c - the versions of the libraries linked into selter, for
 * `selter version`: the store's (SQLite, OpenSSL) through the store,
 * app's own (libsodium, libcurl) here.
 */
#include <curl/curl.h>
#include <sodium.h>

#include "app/app.h"
#include "store/store.h"
#include "base/banned.h"

void
app_lib_versions(struct app_lib_versions *v)
{
	store_lib_versions(&v->sqlite, &v->openssl);
	v->sodium = sodium_version_string();
	v->curl = curl_version();
}
