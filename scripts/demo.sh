#!/bin/sh
# demo.sh JWTOOL - the main job on the bundled example keys: sign a token,
# verify it, decode it; then the same with Ed25519.
set -eu
jwtool=${1:-build/jwtool}
dir=$(dirname "$0")/../examples

echo "== HS256 with examples/example-hs256.key"
token=$("$jwtool" sign --key "$dir/example-hs256.key" --iss demo \
    --sub alice --exp +1h)
echo "$token"
"$jwtool" verify --key "$dir/example-hs256.key" --alg HS256 --compact "$token"
"$jwtool" decode --compact "$token"

echo "== EdDSA with examples/example-ed25519.pem"
token=$("$jwtool" sign --key "$dir/example-ed25519.pem" --sub alice \
    --exp +1h)
echo "$token"
"$jwtool" verify --key "$dir/example-ed25519.pub.pem" --compact "$token"
echo "== all good: signed, verified and decoded"
