/*
 * store_version.c - the versions of the libraries the store links
 * (SQLite, OpenSSL's libcrypto), as they run, not as compiled against.
 */
#include <openssl/crypto.h>
#include <sqlite3.h>

#include "store/store.h"
#include "base/banned.h"

void
store_lib_versions(const char **sqlite, const char **openssl)
{
	*sqlite = sqlite3_libversion();
	*openssl = OpenSSL_version(OPENSSL_VERSION);
}
