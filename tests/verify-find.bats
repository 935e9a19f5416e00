#!/usr/bin/env bats
# verify --find: every token found in free text, one NDJSON verdict each.

load helpers/common

LOG=$FIXTURES/logs/app.log

@test "verify --find gives a verdict for each token of a log, in order, with where it was found" {
	run -1 --separate-stderr jwtool verify --find -k "$KEYS/ed25519.pub.pem" --now $NOW "$LOG"
	assert_equal "$stderr" "jwtool: verify: 5 tokens found: 2 valid, 3 invalid"
	run -0 jq -c '[.file, .line, .column, .valid, [.errors[].code], .payload.sub]' <<<"$output"
	assert_output "[\"$LOG\",2,82,false,[\"alg_not_allowed\"],null]
[\"$LOG\",7,25,true,[],\"bob\"]
[\"$LOG\",10,77,false,[\"alg_not_allowed\"],null]
[\"$LOG\",10,341,false,[\"alg_not_allowed\"],null]
[\"$LOG\",11,73,true,[],\"bob\"]"
}

@test "verify --find reads stdin and applies every check of verify" {
	run -6 --separate-stderr jwtool verify --find -k "$KEYS/hs256.key" --alg HS256 --now $NOW - < "$LOG"
	run -0 jq -c '[.line, .column, .valid, [.errors[].code]]' <<<"$output"
	assert_output '[2,82,false,["audience_unchecked"]]
[7,25,false,["alg_not_allowed"]]
[10,77,true,[]]
[10,341,false,["audience_unchecked"]]
[11,73,false,["alg_not_allowed"]]'
	run -1 --separate-stderr jwtool verify --find -k "$KEYS/hs256.key" --alg HS256 --aud api --now $NOW < "$LOG"
	assert_equal "$stderr" "jwtool: verify: 5 tokens found: 2 valid, 3 invalid"
	run -0 jq -c '[.file, .line, .valid, [.errors[].code]]' <<<"$output"
	assert_output '[null,2,true,[]]
[null,7,false,["alg_not_allowed"]]
[null,10,false,["missing_claim"]]
[null,10,true,[]]
[null,11,false,["alg_not_allowed"]]'
}

@test "verify --find: the exit status is that of the first invalid token" {
	run -4 jwtool verify --find -k "$KEYS/hs256.key" --alg HS256 --aud api --now 2026-12-01T00:00:00Z "$LOG"
	run -0 jwtool verify --find -q -k "$KEYS/hs256.key" --alg HS256 --aud api --now $NOW - <<<"x $(sed -n 2p "$LOG")"
	assert_output "jwtool: verify: 1 token found: 1 valid, 0 invalid"
}

@test "verify --find shows a malformed token found as a malformed verdict" {
	dup="$(b64url '{"alg":"HS256","alg":"none"}').$(b64url '{}').c2ln"
	run -3 --separate-stderr jwtool verify --find -k "$KEYS/hs256.key" --alg HS256 - <<<"token: $dup"
	assert_output '{"line":1,"column":8,"valid":false,"alg":null,"kid":null,"errors":[{"code":"malformed","status":3,"claim":null,"message":"header: duplicate member '"'alg'"'"}]}'
}

@test "verify --find without any token exits 3" {
	run -3 --separate-stderr jwtool verify --find -k "$KEYS/hs256.key" --alg HS256 - <<<"nothing here"
	assert_output ''
	assert_equal "$stderr" "jwtool: verify: no token found in stdin"
	echo "nothing here" > plain.log
	run -3 --separate-stderr jwtool verify --find -k "$KEYS/hs256.key" --alg HS256 plain.log
	assert_output ''
	assert_equal "$stderr" "jwtool: verify: no token found in plain.log"
}

@test "verify --find: a missing file is exit 8; --batch and --find together exit 2" {
	run -8 jwtool verify --find -k "$KEYS/hs256.key" --alg HS256 nofile.log
	assert_output "jwtool: verify: cannot open text 'nofile.log': No such file or directory"
	run -2 jwtool verify --find --batch -k "$KEYS/hs256.key" "$LOG"
	assert_output "jwtool: verify: give --batch or --find, not both"
	run -2 jwtool verify --find -k - - < "$LOG"
	assert_output "jwtool: verify: the key and the token cannot both come from stdin"
}
