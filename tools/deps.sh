#!/usr/bin/env bash
# Installs the Debian packages a step needs, only those missing.
# usage: tools/deps.sh run|test|bench
set -euo pipefail

build=(meson ninja-build gcc pkg-config libyajl-dev)
case "${1:-run}" in
run)	want=("${build[@]}") ;;
test)	want=("${build[@]}" libcmocka-dev jq curl sqlite3) ;;
bench)	want=("${build[@]}" jq time) ;;
*)	echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
