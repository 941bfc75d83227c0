#!/usr/bin/env bash
# Installs the Debian packages a step needs, only those missing.
# usage: tools/deps.sh run|test|bench
set -euo pipefail

build=(meson ninja-build gcc pkg-config libyajl-dev libmicrohttpd-dev
	libsqlite3-dev libsodium-dev libssl-dev libcurl4-openssl-dev
	libxlsxwriter-dev)
# ---- pdf ---- (issue 13 item 1: PDF letters, their fonts, the QR code;
# the tests read them with poppler's pdftotext/pdftoppm and zbarimg)
build+=(libcairo2-dev libpango1.0-dev libqrencode-dev fonts-dejavu-core)
pdf_test=(poppler-utils zbar-tools)
# ---- end pdf ----
# ---- pg ---- (issue 15 item 1): the PostgreSQL driver (libpq) builds
# always; the test command runs the app's suites on a throw-away cluster
build+=(libpq-dev)
pg_test=(postgresql)
# ---- end pg ----
case "${1:-run}" in
run)	want=("${build[@]}") ;;
test)	want=("${build[@]}" libcmocka-dev jq curl sqlite3 chromium
		python3-aiosmtpd "${pdf_test[@]}" "${pg_test[@]}") ;;
bench)	want=("${build[@]}" jq time) ;;
*)	echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
if [ "${1:-run}" = test ]; then
	command -v npm >/dev/null 2>&1 || missing+=(npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing: ${missing[*]}" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq >&2
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# The browser test's npm packages, exactly as tests/browser/package-lock.json
# pins them.  A failure here fails that test only, not the whole command.
br="$(dirname "$0")/../tests/browser"
if [ "${1:-run}" = test ] && [ ! -d "$br/node_modules" ]; then
	echo "Installing: tests/browser/node_modules (npm ci)" >&2
	(cd "$br" && npm ci --no-audit --no-fund) >&2 ||
		echo "deps: npm ci failed in tests/browser" >&2
fi
