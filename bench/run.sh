#!/usr/bin/env bash
# run.sh - jwtool against the floor programs, the primitive ceilings and the
# peers installable from Debian (golang-jwt's jwt, latchset jose, PyJWT, the
# openssl CLI).  Every ratio compares commands timed in the same hyperfine
# run (medians).  Writes bench/out/results.md and prints it.
# Environment: RUNS (hyperfine runs per command, default 100), BULK_RUNS
# (runs of each bulk job and primitive, the best kept, default 3), BATCH
# (tokens for the bulk rows, default 100000).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/bench/out
J=$top/build/jwtool
PY=/usr/bin/python3
RUNS=${RUNS:-100}
BATCH=${BATCH:-100000}
mkdir -p "$out"
cd "$out" || exit 1

cc -O2 -o empty "$top/bench/empty.c"
# shellcheck disable=SC2046
cc -O2 -o floor "$top/bench/floor.c" $(pkg-config --cflags --libs libsodium libcjson)
# shellcheck disable=SC2046
cc -O2 -o floor-ossl "$top/bench/floor-ossl.c" $(pkg-config --cflags --libs libsodium libcjson) -ldl
# shellcheck disable=SC2046
cc -O2 -o prim "$top/bench/prim.c" $(pkg-config --cflags --libs libsodium libcrypto)

# Keys: the same key material for every tool where formats allow.
head -c 32 /dev/urandom > hs.key
head -c 64 /dev/urandom > hs512.key
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.pem 2>/dev/null
openssl pkey -in rsa.pem -pubout -out rsa.pub.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pem 2>/dev/null
openssl pkey -in ec.pem -pubout -out ec.pub.pem
openssl genpkey -algorithm ed25519 -out ed.pem
openssl pkey -in ed.pem -pubout -out ed.pub.pem
$PY - <<'PY'
import base64, json
from cryptography.hazmat.primitives import serialization as s
def b(n, l=None):
    l = l or (n.bit_length() + 7) // 8
    return base64.urlsafe_b64encode(n.to_bytes(l, 'big')).rstrip(b'=').decode()
k = open('hs.key', 'rb').read()
json.dump({"kty": "oct", "k": base64.urlsafe_b64encode(k).rstrip(b'=').decode(), "alg": "HS256"}, open('hs.jwk', 'w'))
r = s.load_pem_private_key(open('rsa.pem', 'rb').read(), None).private_numbers()
json.dump({"kty": "RSA", "alg": "RS256", "n": b(r.public_numbers.n), "e": b(r.public_numbers.e), "d": b(r.d),
           "p": b(r.p), "q": b(r.q), "dp": b(r.dmp1), "dq": b(r.dmq1), "qi": b(r.iqmp)}, open('rsa.jwk', 'w'))
e = s.load_pem_private_key(open('ec.pem', 'rb').read(), None).private_numbers()
json.dump({"kty": "EC", "crv": "P-256", "alg": "ES256", "x": b(e.public_numbers.x, 32), "y": b(e.public_numbers.y, 32),
           "d": b(e.private_value, 32)}, open('ec.jwk', 'w'))
PY
echo '{"sub":"bench","iss":"bench","exp":4102444800}' > claims.json

# can CMD: 1 when a command works here (features that have not landed yet
# show as n/a rather than as a failure).
can() { "$@" >/dev/null 2>&1; }

declare -A tok
for a in HS256 HS512 RS256 PS256 ES256 EdDSA; do
	case $a in HS256) k=hs.key ;; HS512) k=hs512.key ;; RS*|PS*) k=rsa.pem ;;
	ES*) k=ec.pem ;; *) k=ed.pem ;; esac
	tok[$a]=$("$J" sign -k $k --alg $a claims.json) ||
	    { echo "bench: jwtool cannot sign $a" >&2; exit 1; }
done
"$J" jwk --public rsa.pem > rsa.pub.jwk
"$J" jwk --public ec.pem > ec.pub.jwk

# cell NAME CMD...: one hyperfine run of the given commands (name=cmd
# pairs), medians in ms into $out/NAME.json.
cell() {
	local name=$1
	shift
	local args=()
	while [ $# -gt 0 ]; do
		local label=${1%%=*} cmd=${1#*=}
		shift
		if eval "can $cmd"; then
			args+=(-n "$label" "$cmd")
		fi
	done
	hyperfine -N -w 10 -r "$RUNS" --export-json "$name.json" "${args[@]}" >/dev/null 2>&1
}

pyjwt_sign() { echo "$PY -c \"import jwt; print(jwt.encode({'sub':'bench'}, open('$2','rb').read(), algorithm='$1'))\""; }
jose_sign() { echo "sh -c 'echo {} | jose jws sig -I - -k $1 -c -o -'"; }

echo "measuring one token per process ($RUNS runs each)..." >&2
cell sign-HS256 "empty=./empty" "floor=./floor" \
    "jwtool=$J sign -k hs.key claims.json" \
    "jwtool-jwk=$J sign -k hs.jwk claims.json" \
    "golang-jwt=jwt -sign claims.json -key hs.key -alg HS256" \
    "jose=$(jose_sign hs.jwk)" "pyjwt=$(pyjwt_sign HS256 hs.key)" \
    "openssl-mac=openssl dgst -sha256 -hmac secret claims.json"
cell sign-HS512 "floor=./floor" "jwtool=$J sign -k hs512.key --alg HS512 claims.json" \
    "golang-jwt=jwt -sign claims.json -key hs512.key -alg HS512"
cell sign-EdDSA "floor=./floor" "jwtool=$J sign -k ed.pem claims.json" \
    "golang-jwt=jwt -sign claims.json -key ed.pem -alg EdDSA" \
    "pyjwt=$(pyjwt_sign EdDSA ed.pem)"
cell sign-RS256 "floor=./floor" "floor-ossl=./floor-ossl" "jwtool=$J sign -k rsa.pem claims.json" \
    "jwtool-jwk=$J sign -k rsa.jwk claims.json" \
    "golang-jwt=jwt -sign claims.json -key rsa.pem -alg RS256" \
    "jose=$(jose_sign rsa.jwk)" "pyjwt=$(pyjwt_sign RS256 rsa.pem)"
cell sign-PS256 "floor=./floor" "floor-ossl=./floor-ossl" "jwtool=$J sign -k rsa.pem --alg PS256 claims.json" \
    "jwtool-jwk=$J sign -k rsa.jwk --alg PS256 claims.json" \
    "golang-jwt=jwt -sign claims.json -key rsa.pem -alg PS256"
cell sign-ES256 "floor=./floor" "floor-ossl=./floor-ossl" "jwtool=$J sign -k ec.pem claims.json" \
    "jwtool-jwk=$J sign -k ec.jwk claims.json" \
    "golang-jwt=jwt -sign claims.json -key ec.pem -alg ES256" \
    "jose=$(jose_sign ec.jwk)" "pyjwt=$(pyjwt_sign ES256 ec.pem)"
for a in HS256 HS512 EdDSA RS256 PS256 ES256; do
	case $a in HS256) k=hs.key ;; HS512) k=hs512.key ;;
	RS*|PS*) k=rsa.pub.pem ;; ES*) k=ec.pub.pem ;; *) k=ed.pub.pem ;; esac
	case $a in RS*|PS*) jwk=rsa.pub.jwk ;; ES*) jwk=ec.pub.jwk ;; *) jwk= ;; esac
	printf '%s\n' "${tok[$a]}" > "$a.jwt"
	# golang-jwt's -verify needs -alg: it checks the token's against it
	case $a in RS*|PS*|ES*) fo=./floor-ossl ;; *) fo= ;; esac
	cell "verify-$a" "floor=./floor" ${fo:+"floor-ossl=$fo"} \
	    "jwtool=$J verify -q -k $k --alg $a $a.jwt" \
	    ${jwk:+"jwtool-jwk=$J verify -q -k $jwk $a.jwt"} \
	    "golang-jwt=jwt -alg $a -verify $a.jwt -key $k"
done
cell decode "floor=./floor" "jwtool-decode=$J decode HS256.jwt" \
    "jwtool-inspect=$J inspect HS256.jwt" "golang-jwt=jwt -show HS256.jwt"

echo "measuring peak memory..." >&2
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }

echo "measuring primitives and bulk..." >&2
# the best of BULK_RUNS runs of each primitive, as for the bulk rows
for k in $(seq "${BULK_RUNS:-3}"); do ./prim "$(wc -c < HS256.jwt)"; done |
    awk '$2 > best[$1] { best[$1] = $2 } !($1 in seen) { seen[$1] = 1; order[++n] = $1 }
	END { for (i = 1; i <= n; i++) print order[i], best[order[i]] }' > prim.txt

{
	echo "## jwtool benchmark"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
	echo
	$PY "$top/bench/report.py" "$out"
	echo
	echo "### Peak memory (max RSS, KiB)"
	echo
	echo "| job | jwtool | golang-jwt | jose | PyJWT | floor | floor-ossl |"
	echo "|---|---|---|---|---|---|---|"
	echo "| sign HS256 | $(rss $J sign -k hs.key claims.json) | $(rss jwt -sign claims.json -key hs.key -alg HS256) | $(rss sh -c 'echo {} | jose jws sig -I - -k hs.jwk -c -o -') | $(rss $PY -c "import jwt; jwt.encode({'a':1}, b'x'*32, algorithm='HS256')") | $(rss ./floor) | n/a |"
	echo "| sign RS256 | $(rss $J sign -k rsa.pem claims.json) | $(rss jwt -sign claims.json -key rsa.pem -alg RS256) | $(rss sh -c 'echo {} | jose jws sig -I - -k rsa.jwk -c -o -') | $(rss $PY -c "import jwt; jwt.encode({'a':1}, open('rsa.pem','rb').read(), algorithm='RS256')") | n/a | $(rss ./floor-ossl) |"
	echo
	echo "### Primitive ceilings (one core, operations/s)"
	echo
	echo "| primitive | rate |"
	echo "|---|---|"
	awk '{ printf "| %s | %d |\n", $1, $2 }' prim.txt
	if can "$J" sign --batch --help; then
		"$top/bench/bulk.sh" "$J" "$BATCH" prim.txt
	else
		echo
		echo "Bulk rows: sign --batch / verify --batch are not in this build."
	fi
} > results.md
cat results.md
