#!/usr/bin/env bash
# bulk.sh JWTOOL BATCH PRIM: the bulk rows of the benchmark, as markdown.
# Run from bench/out (run.sh made the keys there).  For each algorithm:
# sign --batch and verify --batch of BATCH tokens in one process, tokens/s,
# the percentage of the single-core primitive rate (PRIM, from prim), and
# the speed-up of --jobs 2; then how cost grows with input (a 2 MB token,
# a 1 MB JWKS) next to cat(1) of the same bytes.
set -u
J=$1
BATCH=$2
PRIM=$3

# secs CMD...: wall seconds of CMD (stdout to /dev/null), the best of
# BULK_RUNS runs (default 3): a shared machine only ever adds time.
secs() {
	local t0 t1 k best=
	for k in $(seq "${BULK_RUNS:-3}"); do
		t0=$(date +%s%N)
		"$@" > /dev/null 2>&1
		t1=$(date +%s%N)
		if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then
			best=$((t1 - t0))
		fi
	done
	awk -v t="$best" 'BEGIN { printf "%.6f\n", t / 1e9 }'
}
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%d\n", n / t }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%d\n", 100 * a / b; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
prim() { awk -v k="$1" '$1 == k { print $2 }' "$PRIM"; }
# prim2 NAME: what two cores give for primitive NAME: two prim processes
# at once, their rates summed, over the single-core rate of PRIM.
prim2() {
	local len a b k best=0
	len=$(wc -c < HS256.jwt)
	for k in $(seq "${BULK_RUNS:-3}"); do
		./prim "$len" "$1" > prim2-a.txt & ./prim "$len" "$1" > prim2-b.txt
		wait
		a=$(awk '{ print $2 }' prim2-a.txt)
		b=$(awk '{ print $2 }' prim2-b.txt)
		best=$(awk -v a="$a" -v b="$b" -v m="$best" \
		    'BEGIN { print (a + b > m ? a + b : m) }')
	done
	awk -v t="$best" -v s="$(prim "$1")" 'BEGIN { printf "%.2f\n", t / s }'
}

awk -v n="$BATCH" 'BEGIN { for (i = 1; i <= n; i++)
    printf "{\"sub\":\"user-%d\",\"iss\":\"bench\",\"exp\":4102444800}\n", i }' > bulk.ndjson

echo
echo "### Bulk: $BATCH tokens in one process (tokens/s)"
echo
echo "| job | jwtool | primitive (one core) | % of primitive | --jobs 2 | speed-up | primitive, two processes |"
echo "|---|---|---|---|---|---|---|"
for a in HS256 EdDSA ES256 RS256; do
	case $a in
	HS256) k=hs.key; p=hs.key; ps=hmac-sha256; pv=hmac-sha256 ;;
	EdDSA) k=ed.pem; p=ed.pub.pem; ps=ed25519-sign; pv=ed25519-verify ;;
	ES256) k=ec.pem; p=ec.pub.pem; ps=p256-sign; pv=p256-verify ;;
	RS256) k=rsa.pem; p=rsa.pub.pem; ps=rsa2048-sign; pv=rsa2048-verify ;;
	esac
	"$J" sign --batch -k $k --alg $a bulk.ndjson > "bulk-$a.jwt"
	s1=$(secs "$J" sign --batch -k $k --alg $a bulk.ndjson)
	s2=$(secs "$J" sign --batch --jobs 2 -k $k --alg $a bulk.ndjson)
	v1=$(secs "$J" verify --batch -k $p --alg $a "bulk-$a.jwt")
	v2=$(secs "$J" verify --batch --jobs 2 -k $p --alg $a "bulk-$a.jwt")
	for op in sign verify; do
		if [ $op = sign ]; then t1=$s1 t2=$s2 pr=$(prim $ps); else t1=$v1 t2=$v2 pr=$(prim $pv); fi
		r1=$(rate "$BATCH" "$t1")
		r2=$(rate "$BATCH" "$t2")
		if [ $op = sign ]; then pn=$ps; else pn=$pv; fi
		printf '| %s %s | %s | %s | %s %% | %s | %s× | %s× |\n' "$op" "$a" "$r1" "$pr" \
		    "$(pct "$r1" "$pr")" "$r2" "$(ratio "$t1" "$t2")" "$(prim2 "$pn")"
	done
done
echo
echo "(HS256's primitive is one-shot HMAC-SHA256 over inputs of the token's size;"
echo "the others are the signature primitives alone, with no JSON or base64."
echo "The last column is what this machine's two cores give the primitive"
echo "alone: two processes at once, over one.)"

# Growth with input: a 2 MB token, a 1 MB JWKS.
python3 - <<'PY'
import base64, json
pad = "x" * (1536 * 1024)
json.dump({"sub": "big", "pad": pad}, open("big-claims.json", "w"))
k = json.load(open("rsa.jwk"))
pub = {m: k[m] for m in ("kty", "n", "e")}
keys = []
size = 0
i = 0
while size < 1024 * 1024:
    e = dict(pub, kid="k%d" % i, alg="RS256")
    keys.append(e)
    size += len(json.dumps(e))
    i += 1
keys.append(dict(pub, kid="signer", alg="RS256"))
json.dump({"keys": keys}, open("big.jwks", "w"))
PY
"$J" sign -k hs.key --max-input 8M big-claims.json > big.jwt
"$J" sign -k rsa.pem --kid signer claims.json > kid.jwt
hyperfine -N -w 3 -r "${RUNS:-20}" --export-json growth-token.json \
    -n cat "cat big.jwt" -n decode "$J decode --max-input 8M big.jwt" >/dev/null 2>&1
hyperfine -N -w 3 -r "${RUNS:-20}" --export-json growth-jwks.json \
    -n cat "cat big.jwks" -n verify "$J verify -q -k big.jwks kid.jwt" >/dev/null 2>&1
echo
echo "### Growth with input (hyperfine median, ms)"
echo
echo "| job | size | jwtool | cat | ratio |"
echo "|---|---|---|---|---|"
python3 - "$(wc -c < big.jwt)" "$(wc -c < big.jwks)" <<'PY'
import json, sys
for f, job, size in (("growth-token.json", "decode a large token", sys.argv[1]),
                     ("growth-jwks.json", "verify with a large JWKS", sys.argv[2])):
    r = {x["command"]: x["median"] * 1000 for x in json.load(open(f))["results"]}
    j = r.get("decode", r.get("verify"))
    print("| %s | %d KiB | %.2f | %.2f | %.1f |" % (job, int(size) // 1024, j, r["cat"], j / r["cat"]))
PY
