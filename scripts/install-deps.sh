#!/bin/sh
# install-deps.sh [build|test|bench] - install the packages jwtool needs that
# this machine lacks.  Debian and Ubuntu: apt-get (through sudo when not
# root).  Elsewhere it names the packages to install:
#   Fedora:  dnf install gcc make pkgconf libsodium-devel cjson-devel openssl-devel
#            (tests: bats mandoc openssl python3-jwt python3-cryptography jq
#            time strace)
#   Alpine:  apk add build-base pkgconf libsodium-dev cjson-dev openssl-dev
#            (tests: bats mandoc openssl py3-jwt py3-cryptography jq strace)
#   macOS:   brew install pkg-config libsodium cjson openssl@3 bats-core mandoc
set -eu

what=${1:-build}
build="gcc make pkg-config libsodium-dev libcjson-dev libssl-dev"
test="$build bats bats-support bats-assert mandoc openssl python3 python3-jwt"
test="$test python3-cryptography jq"
test="$test bash-completion zsh fish man-db clang valgrind time parallel strace"
bench="$build hyperfine jwt jose python3-jwt openssl valgrind"
case $what in
build) want=$build ;;
test) want=$test ;;
bench) want=$bench ;;
*) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	for mod in libsodium libcjson libcrypto; do
		if ! pkg-config --exists "$mod" 2>/dev/null; then
			echo "install-deps: '$mod' is missing; see the package" \
			    "names at the top of $0" >&2
			exit 1
		fi
	done
	exit 0
fi

missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || {
		echo "install-deps: need root (or sudo) to install:$missing" >&2
		exit 1
	}
	sudo=sudo
fi
echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
