# common.bash - loaded by every Bats file: the built binary on PATH,
# FIXTURES, bats-support and bats-assert, and a private working directory.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIXTURES=$TOP/tests/fixtures
KEYS=$FIXTURES/keys
VECTORS=${VECTORS:-$TOP/tests/vectors}
PATH=${JWTOOL_BUILD:-$TOP/build}:$PATH
# JWTOOL_VALGRIND=1 (make check-valgrind): every jwtool runs under valgrind
# memcheck through a wrapper of the same name; JWTOOL_REAL is the binary.
# JWTOOL_NATIVE is the binary itself, for the few checks valgrind would
# defeat (each says why).
JWTOOL_NATIVE=${JWTOOL_BUILD:-$TOP/build}/jwtool
if [ "${JWTOOL_VALGRIND:-0}" = 1 ]; then
	JWTOOL_REAL=$JWTOOL_NATIVE
	PATH=$TOP/tests/helpers/valgrind:$PATH
	export JWTOOL_REAL
fi
export FIXTURES KEYS VECTORS PATH JWTOOL_NATIVE
# Debian's python3, which has python3-jwt (PyJWT), whatever else is on PATH.
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3
# A fixed clock: 2026-11-28T12:00:00Z.
NOW=1795867200

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
}

# b64url STRING: base64url without padding of STRING.
b64url() {
	printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='
}

# hs256 HEADER PAYLOAD KEYFILE: a token signed by openssl, not by jwtool.
hs256() {
	local si
	si="$(b64url "$1").$(b64url "$2")"
	printf '%s.%s\n' "$si" "$(printf '%s' "$si" |
	    openssl dgst -sha256 -mac HMAC -macopt "key:$(cat "$3")" -binary |
	    base64 -w0 | tr '+/' '-_' | tr -d '=')"
}

# unsigned HEADER PAYLOAD: a token with a junk signature, for parse tests.
unsigned_token() {
	printf '%s.%s.%s\n' "$(b64url "$1")" "$(b64url "$2")" "c2ln"
}
