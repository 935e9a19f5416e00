#!/usr/bin/env bats
# inspect: the report for a person, its findings, options and exit statuses.

load helpers/common

# 32 zero bytes: a signature of the right length for HS256
SIG32=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
EXAMPLE=$FIXTURES/tokens/example.jwt

# tok HEADER PAYLOAD: a token with a 32-byte junk signature
tok() {
	printf '%s.%s.%s\n' "$(b64url "$1")" "$(b64url "$2")" "$SIG32"
}

# claims JSON-MEMBERS: a payload with sub, iat now and exp in an hour, then more
claims() {
	printf '{"sub":"a","iat":%d,"exp":%d%s}' $NOW $((NOW + 3600)) "${1:+,$1}"
}

# findings TOKEN [OPTION...]: the lines under "Findings" in the report
findings() {
	set -o pipefail
	local t=$1
	shift
	jwtool inspect --now $NOW "$@" "$t" | sed -n '/^Findings$/,$p' |
	    tail -n +2
}

# --- input forms ------------------------------------------------------------

@test "inspect reads the token from an argument, a file, - and stdin" {
	run -0 jwtool inspect --now $NOW "$(cat "$EXAMPLE")"
	local want=$output
	assert_line --index 0 'Header'
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	assert_output "$want"
	run -0 jwtool inspect --now $NOW - < "$EXAMPLE"
	assert_output "$want"
	run -0 jwtool inspect --now $NOW < "$EXAMPLE"
	assert_output "$want"
}

@test "inspect trims whitespace and a pasted Bearer or Authorization prefix" {
	local t
	t=$(cat "$EXAMPLE")
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	local want=$output
	run -0 jwtool inspect --now $NOW "Bearer $t"
	assert_output "$want"
	run -0 jwtool inspect --now $NOW <<<"  Authorization: Bearer $t  "
	assert_output "$want"
	printf '\n\n%s\n' "$t" > t.jwt
	run -0 jwtool inspect --now $NOW t.jwt
	assert_output "$want"
}

@test "inspect of something that is not a token exits 3 and prints no report" {
	run -3 --separate-stderr jwtool inspect a.b
	assert_output ''
	assert_equal "$stderr" "jwtool: inspect: malformed token: expected 3 segments separated by '.', found 2"
	run -3 jwtool inspect "$(b64url '{"alg":"HS256"').e30.$SIG32"
	assert_output --partial "jwtool: inspect: header: invalid JSON"
	run -3 jwtool inspect "$(b64url '{"typ":"JWT"}').e30.$SIG32"
	assert_output "jwtool: inspect: malformed token: the header has no 'alg'"
	run -3 jwtool inspect eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d
	assert_output "jwtool: inspect: encrypted tokens (JWE, five segments) are not supported"
}

@test "inspect of a missing file is an I/O error (exit 8)" {
	run -8 jwtool inspect nofile
	assert_output "jwtool: inspect: cannot open token file 'nofile': no such file, and it is not a token"
}

@test "inspect with no token and a terminal on stdin is a usage error" {
	run -2 script -qec "jwtool inspect" /dev/null
	assert_output --partial "jwtool: inspect: no token: give it as an argument, a file, or on stdin"
}

@test "inspect takes one token" {
	run -2 jwtool inspect a b
	assert_output "jwtool: inspect: expected one token, got 2 arguments"
}

@test "inspect honours --max-input" {
	run -8 jwtool inspect --max-input 100 "$EXAMPLE"
	assert_output --partial "larger than the input limit of 100 bytes"
}

# --- the report -------------------------------------------------------------

@test "the report shows the algorithm, header and registered claims with their meanings" {
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	assert_line '  alg  algorithm  "HS256": HMAC using SHA-256; shared secret'
	assert_line '  typ  type       "JWT"'
	assert_line '  kid  key ID     "2026-11"'
	assert_line '  iss  issuer           "https://auth.example.com"'
	assert_line '  sub  subject          "alice"'
	assert_line '  jti  JWT ID           "f3a1c0de"'
}

@test "the report lists the audience" {
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	assert_line '  aud  audience         "api", "billing"'
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' '{"aud":"one"}')"
	assert_line '  aud  audience  "one"'
}

@test "each time claim is an ISO date in UTC and relative to now" {
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	assert_line '  exp  expiration time  1795875180 (2026-11-28T14:13:00Z, expires in 2h 13m)'
	assert_line '  iat  issued at        1795608000 (2026-11-25T12:00:00Z, issued 3 days ago)'
}

@test "relative times read naturally in both directions" {
	t=$(tok '{"alg":"HS256"}' "{\"exp\":$((NOW - 259200)),\"nbf\":$((NOW - 7200)),\"iat\":$NOW,\"auth_time\":$((NOW + 45))}")
	run -0 jwtool inspect --now $NOW "$t"
	assert_line --partial '(2026-11-25T12:00:00Z, expired 3 days ago)'
	assert_line --partial '(2026-11-28T10:00:00Z, valid since 2h ago)'
	assert_line --partial '(2026-11-28T12:00:00Z, issued just now)'
	assert_line '  auth_time  time of authentication  1795867245 (2026-11-28T12:00:45Z, in 45s)'
	t=$(tok '{"alg":"HS256"}' "{\"exp\":$NOW,\"nbf\":$((NOW + 90)),\"iat\":$((NOW + 300))}")
	run -0 jwtool inspect --now $NOW "$t"
	assert_line --partial '(2026-11-28T12:00:00Z, expired just now)'
	assert_line --partial '(2026-11-28T12:01:30Z, valid in 1m 30s)'
	assert_line --partial '(2026-11-28T12:05:00Z, issued 5m in the future)'
	t=$(tok '{"alg":"HS256"}' '{"exp":4102444800,"iat":0}')
	run -0 jwtool inspect --now $NOW "$t"
	assert_line --partial '(2100-01-01T00:00:00Z, expires in 73 years)'
	assert_line --partial '(1970-01-01T00:00:00Z, issued 56 years ago)'
}

@test "--date local shows dates in the local time zone with their offset" {
	TZ=XYZ-2 run -0 jwtool inspect --date local --now $NOW "$EXAMPLE"
	assert_line '  exp  expiration time  1795875180 (2026-11-28T16:13:00+02:00, expires in 2h 13m)'
	assert_line '  now       2026-11-28T14:00:00+02:00'
	TZ=XYZ+3:30 run -0 jwtool inspect --date local --now $NOW "$EXAMPLE"
	assert_line --partial '(2026-11-28T10:43:00-03:30, expires in 2h 13m)'
	TZ=XYZ-2 run -0 jwtool inspect --date utc --now $NOW "$EXAMPLE"
	assert_line --partial '(2026-11-28T14:13:00Z, expires in 2h 13m)'
}

@test "--date with a bad value is a usage error" {
	run -2 jwtool inspect --date mars "$EXAMPLE"
	assert_output "jwtool: inspect: invalid value 'mars' for --date (expected utc or local)"
}

@test "the report shows lifetime, validity state and the clock used" {
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	assert_line '  now       2026-11-28T12:00:00Z'
	assert_line '  state     valid for another 2h 13m'
	assert_line '  lifetime  3 days 2h (exp - iat)'
}

@test "lifetime is exp - nbf when there is no iat" {
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' "{\"nbf\":$NOW,\"exp\":$((NOW + 600))}")"
	assert_line '  lifetime  10m (exp - nbf)'
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' "{\"exp\":$((NOW + 600))}")"
	refute_line --partial 'lifetime'
}

@test "the validity state says expired, not yet valid, or never expires" {
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' "{\"exp\":$((NOW - 60))}")"
	assert_line '  state  expired 1m ago'
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' "{\"nbf\":$((NOW + 3600)),\"exp\":$((NOW + 7200))}")"
	assert_line '  state     not valid for another 1h'
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' '{"sub":"a"}')"
	assert_line '  state  valid, never expires'
}

@test "custom claims are listed with a meaning when one is known" {
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	assert_line '  email  email address  "alice@example.com"'
	assert_line '  role                  "admin"'
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' '{"scope":"read write","n":12345678901234567890,"o":{"a":[1,2.50]}}')"
	assert_line '  scope  scopes  "read write"'
	assert_line '  n              12345678901234567890'
	assert_line '  o              {"a":[1,2.50]}'
}

@test "the report gives the sizes of the token and its decoded parts" {
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	assert_line "  token      $(wc -c < "$EXAMPLE" | awk '{print $1 - 1}') bytes"
	assert_line '  header     43 bytes decoded'
	assert_line '  payload    166 bytes decoded'
	assert_line '  signature  32 bytes decoded, not verified'
}

@test "a payload that is not JSON is shown as content, with an info finding" {
	t="$(b64url '{"alg":"EdDSA"}').$(b64url 'Example of Ed25519 signing').$SIG32$SIG32"
	run -0 jwtool inspect --now $NOW "$t"
	assert_line 'Payload'
	assert_line '  content  "Example of Ed25519 signing"'
	refute_line 'Claims'
	refute_line 'Validity'
	assert_line '  info     the payload is not a JSON object of claims (payload: invalid JSON: expected a value at byte 0)'
}

@test "the algorithm is described from the algorithm table" {
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"EdDSA"}' "$(claims)")"
	assert_line --partial '"EdDSA": Edwards-curve signature (Ed25519, Ed448); key pair'
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS512"}' "$(claims)")"
	assert_line --partial '"HS512": HMAC using SHA-512; shared secret'
}

@test "RSA, RSA-PSS and ECDSA algorithms are described" {
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"ES256"}' "$(claims)")"
	assert_line --partial '"ES256": ECDSA using P-256 and SHA-256; key pair'
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"PS256"}' "$(claims)")"
	assert_line --partial '"PS256": RSASSA-PSS'
}

@test "an unknown algorithm is said to be unknown" {
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"XS999"}' "$(claims)")"
	assert_line '  alg  algorithm  "XS999": unknown algorithm'
	assert_line "  warning  alg 'XS999' is not a registered JWS algorithm"
}

# --- findings ---------------------------------------------------------------

@test "a clean token has no findings" {
	run -0 findings "$(tok '{"alg":"HS256","typ":"JWT","kid":"k-1"}' "$(claims '"iss":"i","aud":["a"],"jti":"x","email_verified":true,"token_use":"id"')")"
	assert_output '  none'
}

@test "finding: alg none is an error" {
	run -0 findings "$(b64url '{"alg":"none"}').$(b64url "$(claims)")."
	assert_output "  error    alg 'none': the token is unsecured, anyone can make one (jwtool verify never accepts it)"
	run -0 jwtool inspect --now $NOW "$(b64url '{"alg":"none"}').$(b64url "$(claims)")."
	assert_line '  alg  algorithm  "none": no signature, an unsecured token'
}

@test "finding: a case variant of none is an error" {
	run -0 findings "$(tok '{"alg":"nOnE"}' "$(claims)")"
	assert_output "  error    alg 'nOnE' is a case variant of 'none': a library that ignores case treats the token as unsecured"
}

@test "finding: a case variant of a real algorithm is a warning" {
	run -0 findings "$(tok '{"alg":"hs256"}' "$(claims)")"
	assert_output "  warning  alg 'hs256' differs from 'HS256' only in case: algorithm names are case-sensitive, so verifiers reject it"
}

@test "finding: a signature of the wrong length or none at all" {
	run -0 findings "$(tok '{"alg":"HS512"}' "$(claims)")"
	assert_output "  warning  the signature is 32 bytes; HS512 signatures are 64"
	run -0 findings "$(b64url '{"alg":"HS256"}').$(b64url "$(claims)")."
	assert_output "  warning  the signature is empty although alg is 'HS256'"
	run -0 findings "$(b64url '{"alg":"ES256"}').$(b64url "$(claims)").$SIG32"
	assert_output "  warning  the signature is 32 bytes; ES256 signatures are 64"
}

@test "EdDSA signatures may be Ed25519's 64 bytes or Ed448's 114" {
	for n in 64 114; do
		s=$(head -c $n /dev/zero | base64 -w0 | tr -d =)
		run -0 findings "$(b64url '{"alg":"EdDSA"}').$(b64url "$(claims)").$s"
		assert_output '  none'
	done
	s=$(head -c 100 /dev/zero | base64 -w0 | tr -d =)
	run -0 findings "$(b64url '{"alg":"EdDSA"}').$(b64url "$(claims)").$s"
	assert_output "  warning  the signature is 100 bytes; EdDSA signatures are 64 or 114"
	run -0 findings "$(b64url '{"alg":"Ed448"}').$(b64url "$(claims)").$s"
	assert_output "  warning  the signature is 100 bytes; Ed448 signatures are 114"
}

@test "finding: an RSA signature shorter than 2048 bits" {
	s=$(head -c 128 /dev/zero | base64 -w0 | tr -d =)
	run -0 findings "$(b64url '{"alg":"RS256"}').$(b64url "$(claims)").$s"
	assert_output "  warning  the signature is 128 bytes, so the RSA key has 1024 bits: RFC 7518 requires 2048 or more"
	s=$(head -c 256 /dev/zero | base64 -w0 | tr -d =)
	run -0 findings "$(b64url '{"alg":"RS256"}').$(b64url "$(claims)").$s"
	assert_output '  none'
}

@test "finding: a missing exp" {
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"sub\":\"a\",\"iat\":$NOW}")"
	assert_output "  warning  no 'exp' claim: the token never expires"
}

@test "finding: a lifetime longer than a day, or than --max-lifetime" {
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$NOW,\"exp\":$((NOW + 86401))}")"
	assert_output "  warning  the token lives 1 day (exp - iat), longer than 1 day (see --max-lifetime)"
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$NOW,\"exp\":$((NOW + 86400))}")"
	assert_output '  none'
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$NOW,\"exp\":$((NOW + 7200))}")" --max-lifetime 1h
	assert_output "  warning  the token lives 2h (exp - iat), longer than 1h (see --max-lifetime)"
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"nbf\":$NOW,\"exp\":$((NOW + 864000))}")" --max-lifetime 30d
	assert_output '  none'
}

@test "--max-lifetime with a bad duration is a usage error" {
	run -2 jwtool inspect --max-lifetime forever "$EXAMPLE"
	assert_output "jwtool: inspect: invalid duration 'forever' for --max-lifetime (expected seconds, or units like 90s, 5m, 1h30m, 2d)"
}

@test "finding: iat in the future" {
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$((NOW + 120)),\"exp\":$((NOW + 3600))}")"
	assert_output "  warning  iat is 2m in the future: the issuer's clock is ahead, or the token was not made when it says (jwtool verify rejects it)"
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$((NOW + 120)),\"exp\":$((NOW + 3600))}")" --now $((NOW + 120))
	assert_output '  none'
}

@test "finding: nbf after exp, and exp before iat" {
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"nbf\":$((NOW + 7200)),\"exp\":$((NOW + 3600))}")"
	assert_output "  error    nbf is 1h after exp: the token is never valid
  warning  the token is not valid for another 2h (nbf)"
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$((NOW - 60)),\"exp\":$((NOW - 120))}")"
	assert_output "  error    exp is 1m before iat: the token expired before it was issued
  warning  the token expired 2m ago"
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"nbf\":$NOW,\"exp\":$NOW}")"
	assert_output "  warning  the token expired 0s ago"
}

@test "finding: expired and not yet valid" {
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$((NOW - 7200)),\"exp\":$((NOW - 3600))}")"
	assert_output "  warning  the token expired 1h ago"
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"iat\":$NOW,\"nbf\":$((NOW + 60)),\"exp\":$((NOW + 3600))}")"
	assert_output "  warning  the token is not valid for another 1m (nbf)"
}

@test "finding: time claims that are not NumericDates are errors" {
	run -0 findings "$(tok '{"alg":"HS256"}' '{"exp":"2026-12-01","iat":-5,"nbf":1e300}')"
	assert_output "  error    claim 'exp' must be a NumericDate (seconds since 1970), not a string
  error    claim 'iat' is not a NumericDate from 0 to 253402300799
  error    claim 'nbf' is not a NumericDate from 0 to 253402300799"
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' '{"exp":"2026-12-01","iat":-5,"nbf":1e300}')"
	assert_line '  exp  expiration time  "2026-12-01"'
	assert_line '  state  unknown: exp is not a NumericDate'
}

@test "finding: jku and x5u headers that name where to fetch a key" {
	run -0 findings "$(tok '{"alg":"HS256","jku":"https://evil.example/jwks"}' "$(claims)")"
	assert_output "  warning  header 'jku' names a URL to fetch keys from: a verifier that follows it lets the token choose its own key"
	run -0 findings "$(tok '{"alg":"HS256","x5u":"https://evil.example/cert"}' "$(claims)")"
	assert_output "  warning  header 'x5u' names a URL to fetch a certificate from: a verifier that follows it lets the token choose its own key"
}

@test "finding: jwk and x5c headers that embed a key" {
	run -0 findings "$(tok '{"alg":"HS256","jwk":{"kty":"oct","k":"AAAA"}}' "$(claims)")"
	assert_output "  warning  header 'jwk' embeds a key: a verifier that uses it accepts a token signed by anyone"
	run -0 findings "$(tok '{"alg":"HS256","x5c":["MIIB"]}' "$(claims)")"
	assert_output "  warning  header 'x5c' embeds a certificate chain: a verifier that uses it without validating the chain accepts a token signed by anyone"
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256","x5c":["MIIB"],"x5t#S256":"abc"}' "$(claims)")"
	assert_line '  x5c       X.509 certificate chain   ["MIIB"]'
	assert_line '  x5t#S256  X.509 SHA-256 thumbprint  "abc"'
}

@test "finding: a kid with path or quote characters" {
	for kid in '../../dev/null' 'keys/a' 'a\\b' "x' OR '1'='1" 'a\"b' 'a`id`' 'a\tb' 'a\u007fb'; do
		run -0 jwtool inspect --json --now $NOW "$(tok "{\"alg\":\"HS256\",\"kid\":\"$kid\"}" "$(claims)")"
		run -0 jq -r '[.findings[].code] | join(",")' <<<"$output"
		assert_output 'kid_unsafe'
	done
	run -0 findings "$(tok '{"alg":"HS256","kid":"../../dev/null"}' "$(claims)")"
	assert_output "  warning  header 'kid' holds '..': a verifier that puts kid in a file path, SQL or a command can be attacked"
	run -0 findings "$(tok '{"alg":"HS256","kid":"a\"b"}' "$(claims)")"
	assert_output "  warning  header 'kid' holds a double quote: a verifier that puts kid in a file path, SQL or a command can be attacked"
	run -0 findings "$(tok '{"alg":"HS256","kid":"a\tb"}' "$(claims)")"
	assert_output "  warning  header 'kid' holds a control character: a verifier that puts kid in a file path, SQL or a command can be attacked"
	run -0 findings "$(tok '{"alg":"HS256","kid":"2026-11.rsa_key+1@x:y"}' "$(claims)")"
	assert_output '  none'
}

@test "finding: a kid that is not a string" {
	run -0 findings "$(tok '{"alg":"HS256","kid":7}' "$(claims)")"
	assert_output "  warning  header 'kid' is a number, not a string"
}

@test "finding: crit and b64 headers" {
	run -0 findings "$(tok '{"alg":"HS256","crit":["exp"],"exp":1}' "$(claims)")"
	assert_output "  warning  header 'crit' lists extensions a verifier must understand or else reject the token (jwtool verify rejects it)"
	run -0 findings "$(tok '{"alg":"HS256","b64":false,"crit":["b64"]}' "$(claims)")"
	assert_output "  warning  header 'crit' lists extensions a verifier must understand or else reject the token (jwtool verify rejects it)
  warning  header 'b64' (RFC 7797) is false, so the payload is signed unencoded: most libraries do not support it and jwtool verify rejects it"
	run -0 findings "$(tok '{"alg":"HS256","b64":true}' "$(claims)")"
	assert_output "  warning  header 'b64' (RFC 7797) is present: most libraries do not support it and jwtool verify rejects it"
}

@test "finding: claim names that look like secrets" {
	run -0 findings "$(tok '{"alg":"HS256"}' "$(claims '"password":"x","db_passwd":"x","pwd":"x","client_secret":"x","apiKey":"x","private-key":"x","refresh_token":"x","Passphrase":"x"')")"
	assert_output "  warning  claim 'password' looks like a password: the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'db_passwd' looks like a password: the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'pwd' looks like a password: the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'client_secret' looks like a secret: the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'apiKey' looks like an API key: the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'private-key' looks like a private key: the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'refresh_token' looks like a token: the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'Passphrase' looks like a passphrase: the payload is only encoded, not encrypted, so anyone holding the token can read it"
}

@test "finding: secrets nested in objects and arrays are found by path" {
	run -0 findings "$(tok '{"alg":"HS256"}' "$(claims '"user":{"name":"a","credentials":[{"api_key":"k"}]}')")"
	assert_output "  warning  claim 'user.credentials[].api_key' looks like an API key: the payload is only encoded, not encrypted, so anyone holding the token can read it"
}

@test "finding: claim names that look like personal data" {
	run -0 findings "$(tok '{"alg":"HS256"}' "$(claims '"ssn":"078-05-1120","email":"a@b.c","phone_number":"+1","birthdate":"1990-01-01","address":{"country":"NL"}')")"
	assert_output "  warning  claim 'ssn' looks like a social security number: the payload is only encoded, not encrypted, so anyone holding the token can read it
  info     claim 'email' holds personal data (an email address): anyone holding the token can read it
  info     claim 'phone_number' holds personal data (a phone number): anyone holding the token can read it
  info     claim 'birthdate' holds personal data (a date of birth): anyone holding the token can read it
  info     claim 'address' holds personal data (an address): anyone holding the token can read it"
}

@test "ordinary claim names are not taken for secrets" {
	run -0 findings "$(tok '{"alg":"HS256"}' "$(claims '"token_use":"id","token_type":"Bearer","email_verified":true,"classname":"x","session_state":"s","at_hash":"h","scope":"a b","tokens":3')")"
	assert_output '  none'
}

@test "finding: a payment card number in a value, by the Luhn check" {
	run -0 findings "$(tok '{"alg":"HS256"}' "$(claims '"note":"4111 1111 1111 1111","n":5555555555554444,"o":{"amex":"3782-822463-10005"}')")"
	assert_output "  warning  claim 'note' looks like a payment card number (it passes the Luhn check): the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'n' looks like a payment card number (it passes the Luhn check): the payload is only encoded, not encrypted, so anyone holding the token can read it
  warning  claim 'o.amex' looks like a payment card number (it passes the Luhn check): the payload is only encoded, not encrypted, so anyone holding the token can read it"
}

@test "numbers that fail the Luhn check or do not look like cards are left alone" {
	# 4111111111111112 fails Luhn; 1795867200000 (ms) and 12345678901234567890 are not card-like
	run -0 findings "$(tok '{"alg":"HS256"}' "$(claims '"a":"4111111111111112","ms":1795867200000,"id":12345678901234567890,"short":"4242","x":"4111 1111 1111 111a"')")"
	assert_output '  none'
}

@test "at most ten secret findings, then a count of the rest" {
	p=$(claims "$(for i in $(seq 1 13); do printf '"secret%d":1,' "$i"; done | sed 's/,$//')")
	run -0 findings "$(tok '{"alg":"HS256"}' "$p")"
	assert_equal "${#lines[@]}" 11
	assert_line --index 10 "  warning  3 more claims look like secrets or personal data"
}

@test "finding: a token larger than 8 KB" {
	# pad makes the token exactly 8192 bytes, then one more
	pad=x
	while t=$(tok '{"alg":"HS256"}' "$(claims "\"pad\":\"$pad\"")") && [ ${#t} -lt 8192 ]; do
		pad=$pad$(printf 'x%.0s' $(seq 1 $(((8192 - ${#t}) * 3 / 4 + 1))))
		t=$(tok '{"alg":"HS256"}' "$(claims "\"pad\":\"$pad\"")")
		[ ${#t} -le 8192 ] || pad=${pad%x*}
	done
	while [ ${#t} -gt 8192 ]; do
		pad=${pad%x}
		t=$(tok '{"alg":"HS256"}' "$(claims "\"pad\":\"$pad\"")")
	done
	while [ ${#t} -lt 8192 ]; do
		pad=${pad}x
		t=$(tok '{"alg":"HS256"}' "$(claims "\"pad\":\"$pad\"")")
	done
	assert_equal ${#t} 8192
	run -0 findings "$t"
	assert_output '  none'
	t=$(tok '{"alg":"HS256"}' "$(claims "\"pad\":\"${pad}xxx\"")")
	run -0 findings "$t"
	assert_output "  warning  the token is ${#t} bytes, more than the 8192 many servers accept in an HTTP header"
}

@test "finding: aud, iss and sub of the wrong type" {
	run -0 findings "$(tok '{"alg":"HS256"}' "$(claims '"aud":["a",1],"iss":{"x":1}')")"
	assert_output "  warning  claim 'aud' must be a string or an array of strings, not an array holding other values
  warning  claim 'iss' must be a string, not an object"
	run -0 findings "$(tok '{"alg":"HS256"}' "{\"sub\":42,\"aud\":true,\"iat\":$NOW,\"exp\":$((NOW + 60))}")"
	assert_output "  warning  claim 'aud' must be a string or an array of strings, not a boolean
  warning  claim 'sub' must be a string, not a number"
}

@test "findings come errors first, then warnings, then info" {
	run -0 findings "$(tok '{"alg":"HS256"}' '{"email":"a@b.c","nbf":10,"exp":5}')"
	assert_output "  error    nbf is 5s after exp: the token is never valid
  warning  the token expired 56 years ago
  info     claim 'email' holds personal data (an email address): anyone holding the token can read it"
}

# --- tokens the strict parser rejects ---------------------------------------

@test "duplicate header members are shown as error findings, and exit 3" {
	t="$(b64url '{"alg":"HS256","alg":"none"}').$(b64url "$(claims)").$SIG32"
	run -3 --separate-stderr jwtool inspect --now $NOW "$t"
	assert_line '  alg  algorithm  "HS256": HMAC using SHA-256; shared secret'
	assert_line '  alg  algorithm  "none": no signature, an unsecured token'
	assert_line "  error    the header has member 'alg' more than once: libraries disagree on which one counts (some read the first, others the last)"
	assert_equal "$stderr" "jwtool: inspect: header: duplicate member 'alg'"
}

@test "duplicate claims, even nested, are shown as error findings, and exit 3" {
	t=$(tok '{"alg":"HS256"}' "{\"exp\":$((NOW + 60)),\"exp\":9999999999,\"o\":{\"a\":[{\"b\":1,\"b\":2}]}}")
	run -3 --separate-stderr jwtool inspect --now $NOW "$t"
	assert_line '  exp  expiration time  1795867260 (2026-11-28T12:01:00Z, expires in 1m)'
	assert_line '  exp  expiration time  9999999999 (2286-11-20T17:46:39Z, expires in 260 years)'
	run -0 sed -n '/^Findings$/,$p' <<<"$output"
	assert_output "Findings
  error    the payload has member 'exp' more than once: libraries disagree on which one counts (some read the first, others the last)
  error    the payload has member 'b' more than once inside 'o.a[]': libraries disagree on which one counts"
	assert_equal "$stderr" "jwtool: inspect: malformed token: the payload has member 'exp' more than once: libraries disagree on which one counts (some read the first, others the last)"
}

@test "base64 padding, '+' and '/', and non-canonical bits are error findings, and exit 3" {
	h=$(b64url '{"alg":"HS256"}')
	p=$(printf '%s' "$(claims '"x":"??>"')" | base64 -w0 | tr -d =)
	run -3 --separate-stderr jwtool inspect --now $NOW "$h==.$p.${SIG32%A}B"
	run -0 sed -n '/^Findings$/,$p' <<<"$output"
	assert_output "Findings
  error    the header segment ends in base64 padding ('='), which base64url in JWS does not allow
  error    the payload segment uses '+' or '/' (base64) instead of '-' and '_' (base64url)
  error    the signature segment has non-zero unused bits in its last character (non-canonical base64url): the same token can be written more than one way"
	assert_equal "$stderr" "jwtool: inspect: malformed token: header segment: byte ${#h} is '=' (padding is not allowed in base64url) (token byte ${#h})"
}

@test "a token the lenient reading cannot show either exits 3 with the strict message" {
	run -3 --separate-stderr jwtool inspect "$(b64url '{"alg":"HS256"}')=x.e30.$SIG32"
	assert_output ''
	assert_equal "$stderr" "jwtool: inspect: malformed token: header segment: byte 20 is '=' (padding is not allowed in base64url) (token byte 20)"
	run -3 jwtool inspect "$(b64url '{"alg":"HS256"}').abcde.$SIG32"
	assert_output "jwtool: inspect: malformed token: payload segment: its length is not possible for base64url"
	run -3 jwtool inspect "$(b64url '{"alg":"HS256","x":01}').e30.$SIG32"
	assert_output --partial "jwtool: inspect: header: invalid JSON: invalid number"
}

# --- --json -----------------------------------------------------------------

@test "--json gives the same report as JSON" {
	run -0 --separate-stderr jwtool inspect --json --now $NOW "$EXAMPLE"
	assert_equal "${#lines[@]}" 1
	run -0 jq -c '[.header.kid, .payload.sub, (.header_parameters[0] | .name, .meaning, .value, .algorithm.description, .algorithm.keys)]' <<<"$output"
	assert_output '["2026-11","alice","alg","algorithm","HS256","HMAC using SHA-256","shared secret"]'
	run -0 jwtool inspect --json --now $NOW "$EXAMPLE"
	run -0 jq -c '.claims[] | select(.name == "exp")' <<<"$output"
	assert_output '{"name":"exp","meaning":"expiration time","value":1795875180,"date":"2026-11-28T14:13:00Z","relative":"expires in 2h 13m","from_now":7980}'
	run -0 jwtool inspect --json --now $NOW "$EXAMPLE"
	run -0 jq -c '[.audience, .other_claims, .validity, .sizes]' <<<"$output"
	assert_output '[["api","billing"],[{"name":"email","meaning":"email address","value":"alice@example.com"},{"name":"role","value":"admin"}],{"now":"2026-11-28T12:00:00Z","state":"valid for another 2h 13m","lifetime":{"seconds":267180,"from":"iat","text":"3 days 2h"}},{"token":325,"header":43,"payload":166,"signature":32}]'
	run -0 jwtool inspect --json --now $NOW "$EXAMPLE"
	run -0 jq -c '.findings' <<<"$output"
	assert_output '[{"severity":"warning","code":"long_lifetime","message":"the token lives 3 days 2h (exp - iat), longer than 1 day (see --max-lifetime)"},{"severity":"info","code":"personal_data","message":"claim '"'email'"' holds personal data (an email address): anyone holding the token can read it"}]'
}

@test "--json keeps numbers digit for digit" {
	run -0 jwtool inspect --json --now $NOW "$(tok '{"alg":"HS256"}' '{"id":12345678901234567890,"exp":1795867200.50}')"
	assert_output --partial '"payload":{"id":12345678901234567890,"exp":1795867200.50}'
	assert_output --partial '{"name":"id","value":12345678901234567890}'
}

@test "--json is pretty on a terminal unless --compact" {
	NO_COLOR=1 run -0 script -qec "jwtool inspect --json --now $NOW $EXAMPLE" /dev/null
	assert_output --partial '  "header_parameters": ['
	NO_COLOR=1 run -0 script -qec "jwtool inspect --json --compact --now $NOW $EXAMPLE" /dev/null
	assert_output --partial '{"header":{"alg":"HS256","typ":"JWT","kid":"2026-11"},'
}

# --- --fail-on --------------------------------------------------------------

@test "--fail-on warning exits 6 when a warning or an error is found" {
	run -6 --separate-stderr jwtool inspect --fail-on warning --now $NOW "$EXAMPLE"
	assert_line 'Findings'
	assert_equal "$stderr" "jwtool: inspect: 1 finding of severity warning or worse (--fail-on)"
	run -6 --separate-stderr jwtool inspect --fail-on warning --now $NOW "$(b64url '{"alg":"none"}').$(b64url "$(claims)")."
	assert_equal "$stderr" "jwtool: inspect: 1 finding of severity warning or worse (--fail-on)"
	run -0 jwtool inspect --fail-on warning --now $NOW "$(tok '{"alg":"HS256"}' "$(claims '"email":"a@b.c"')")"
}

@test "--fail-on error exits 6 only for errors" {
	run -0 jwtool inspect --fail-on error --now $NOW "$EXAMPLE"
	run -6 --separate-stderr jwtool inspect --fail-on error --now $NOW "$(tok '{"alg":"HS256"}' '{"nbf":10,"exp":5}')"
	assert_equal "$stderr" "jwtool: inspect: 1 finding of severity error or worse (--fail-on)"
}

@test "--fail-on info exits 6 on any finding" {
	run -6 --separate-stderr jwtool inspect --fail-on info --now $NOW "$EXAMPLE"
	assert_equal "$stderr" "jwtool: inspect: 2 findings of severity info or worse (--fail-on)"
	run -0 jwtool inspect --fail-on info --now $NOW "$(tok '{"alg":"HS256"}' "$(claims)")"
}

@test "--fail-on with a bad severity is a usage error" {
	run -2 jwtool inspect --fail-on fatal "$EXAMPLE"
	assert_output "jwtool: inspect: invalid severity 'fatal' for --fail-on (expected info, warning or error)"
}

@test "--fail-on works with --json" {
	run -6 --separate-stderr jwtool inspect --json --fail-on warning --now $NOW "$EXAMPLE"
	run -0 jq -r '.findings[0].code' <<<"$output"
	assert_output 'long_lifetime'
}

# --- --expires-within -------------------------------------------------------

@test "--expires-within exits 4 when the token expires within the time" {
	run -4 --separate-stderr jwtool inspect --expires-within 3h --now $NOW "$EXAMPLE"
	assert_line 'Findings'
	assert_equal "$stderr" "jwtool: inspect: the token expires in 2h 13m, within 3h (--expires-within)"
	run -4 jwtool inspect --expires-within 2h13m --now $NOW "$EXAMPLE"
	run -0 jwtool inspect --expires-within 2h12m59s --now $NOW "$EXAMPLE"
	run -0 jwtool inspect --expires-within 0 --now $NOW "$EXAMPLE"
}

@test "--expires-within exits 4 for an expired token" {
	run -4 --separate-stderr jwtool inspect --expires-within 5m --now 2026-12-01T00:00:00Z "$EXAMPLE"
	assert_equal "$stderr" "jwtool: inspect: the token expired 2 days 9h ago"
	run -4 jwtool inspect --expires-within 0 --now 1795875180 "$EXAMPLE"
	assert_output --partial "jwtool: inspect: the token expired 0s ago"
}

@test "--expires-within is satisfied by a token without exp" {
	run -0 jwtool inspect --expires-within 1h --now $NOW "$(tok '{"alg":"HS256"}' '{"sub":"a"}')"
	run -0 jwtool inspect --expires-within 1h --now $NOW "$(tok '{"alg":"HS256"}' '"text"')"
}

@test "--expires-within with a bad duration is a usage error" {
	run -2 jwtool inspect --expires-within soon "$EXAMPLE"
	assert_output "jwtool: inspect: invalid duration 'soon' for --expires-within (expected seconds, or units like 90s, 5m, 1h30m, 2d)"
}

@test "exit statuses combine in the documented order: 3, then 4, then 6" {
	t=$(tok '{"alg":"HS256","alg":"none"}' "$(claims)")
	run -3 --separate-stderr jwtool inspect --fail-on warning --expires-within 2h --now $NOW "$t"
	assert_equal "$stderr" "jwtool: inspect: header: duplicate member 'alg'"
	run -4 --separate-stderr jwtool inspect --fail-on warning --expires-within 3h --now $NOW "$EXAMPLE"
	assert_equal "$stderr" "jwtool: inspect: the token expires in 2h 13m, within 3h (--expires-within)"
}

# --- --now ------------------------------------------------------------------

@test "--now applies to the report, the findings and --expires-within" {
	run -0 jwtool inspect --now 2026-11-28T14:00:00Z --expires-within 12m "$EXAMPLE"
	assert_line --partial '(2026-11-28T14:13:00Z, expires in 13m)'
	assert_line '  now       2026-11-28T14:00:00Z'
	run -0 jwtool inspect --now +0s "$(tok '{"alg":"HS256"}' '{"exp":4102444800}')"
	assert_line '  state  valid for another 73 years'
}

@test "--now with a bad time is a usage error" {
	run -2 jwtool inspect --now yesterday "$EXAMPLE"
	assert_output --partial "jwtool: inspect: invalid time 'yesterday' for --now"
}

@test "without --now the report uses the clock" {
	run -0 jwtool inspect "$(tok '{"alg":"HS256"}' "{\"iat\":$(date +%s)}")"
	assert_line --regexp '^  iat  issued at  [0-9]+ \(.*Z, issued (just now|[0-9]s ago)\)$'
}

# --- colour and terminal safety ---------------------------------------------

@test "--color always colours titles, names, values and severities" {
	e=$'\e'
	run -0 jwtool inspect --color always --now $NOW "$EXAMPLE"
	assert_line --index 0 "${e}[1mHeader${e}[0m"
	assert_line "  ${e}[1;34malg${e}[0m  algorithm  ${e}[32m\"HS256\"${e}[0m: HMAC using SHA-256; shared secret"
	assert_line "  ${e}[1;34mexp${e}[0m  expiration time  ${e}[36m1795875180${e}[0m (2026-11-28T14:13:00Z, expires in 2h 13m)"
	assert_line --partial "  ${e}[33mwarning${e}[0m  the token lives"
	assert_line --partial "  ${e}[36minfo${e}[0m     claim 'email'"
	run -0 jwtool inspect --color always --now $NOW "$(tok '{"alg":"none"}' "$(claims)")"
	assert_line --partial "  ${e}[1;31merror${e}[0m    alg 'none'"
}

@test "inspect colours on a terminal only, unless NO_COLOR or --color never" {
	run -0 jwtool inspect --now $NOW "$EXAMPLE"
	refute_output --partial $'\e['
	run -0 script -qec "jwtool inspect --now $NOW $EXAMPLE" /dev/null
	assert_output --partial $'\e[1mHeader'
	NO_COLOR=1 run -0 script -qec "jwtool inspect --now $NOW $EXAMPLE" /dev/null
	refute_output --partial $'\e['
	run -0 script -qec "jwtool inspect --color never --now $NOW $EXAMPLE" /dev/null
	refute_output --partial $'\e['
	run -0 jwtool inspect --json --color always --now $NOW "$EXAMPLE"
	assert_output --partial $'\e[1;34m"header"\e[0m'
}

@test "--color with a bad value is a usage error" {
	run -2 jwtool inspect --color yes "$EXAMPLE"
	assert_output "jwtool: inspect: invalid value 'yes' for --color (expected auto, always or never)"
}

@test "values and names cannot drive the terminal" {
	# ESC, DEL, C1 CSI (U+009B), right-to-left override (U+202E), line separator (U+2028)
	t=$(tok '{"alg":"HS256"}' '{"a":"x\u001b[31my","b":"\u007f\u009b\u202e\u2028","c\u001bd":1,"e f":2}')
	run -0 jwtool inspect --now $NOW "$t"
	assert_line '  a           "x\u001b[31my"'
	assert_line '  b           "\u007f\u009b\u202e\u2028"'
	assert_line '  "c\u001bd"  1'
	assert_line '  "e f"       2'
	refute_output --partial $'\e'
	refute_output --partial $'\x7f'
	refute_output --partial $'\xc2\x9b'
	refute_output --partial $'\xe2\x80\xae'
}

@test "non-ASCII names and values are shown as they are" {
	run -0 jwtool inspect --now $NOW "$(tok '{"alg":"HS256"}' '{"prénom":"Zoë","名":"日本"}')"
	assert_line '  prénom  "Zoë"'
	assert_line '  名      "日本"'
}

# --- --find -----------------------------------------------------------------

@test "--find inspects every token of a log, in order, with where it was found" {
	run -0 --separate-stderr jwtool inspect --find --now $NOW "$FIXTURES/logs/app.log"
	run -0 grep '^Token at' <<<"$output"
	assert_output 'Token at line 2, column 82
Token at line 7, column 25
Token at line 10, column 77
Token at line 10, column 341
Token at line 11, column 73'
	run -0 jwtool inspect --find --now $NOW "$FIXTURES/logs/app.log"
	run -0 grep -c '^Findings$' <<<"$output"
	assert_output 5
	run -0 jwtool inspect --find --now $NOW "$FIXTURES/logs/app.log"
	run -0 grep "claim 'password'" <<<"$output"
	assert_output "  warning  claim 'password' looks like a password: the payload is only encoded, not encrypted, so anyone holding the token can read it"
}

@test "--find separates the reports with a blank line" {
	run -0 jwtool inspect --find --now $NOW "$FIXTURES/logs/app.log"
	assert_line --index 0 'Token at line 2, column 82'
	assert_line --index 1 'Header'
	assert_output --partial $'Findings\n  none\n\nToken at line 7, column 25\n\nHeader\n'
	refute_output --partial $'\n\n\n'
}

@test "--find --json prints one report per token, one line each when piped" {
	run -0 jwtool inspect --find --json --now $NOW "$FIXTURES/logs/app.log"
	assert_equal "${#lines[@]}" 5
	run -0 jq -c '[.found.line, .found.column, .payload.sub, ([.findings[].code] | join(","))]' <<<"$output"
	assert_output '[2,82,"alice",""]
[7,25,"bob",""]
[10,77,"carol","long_lifetime,secret_claim"]
[10,341,"alice",""]
[11,73,"bob",""]'
}

@test "--find without any token exits 3 with a message" {
	run -3 --separate-stderr jwtool inspect --find - <<<"no tokens here, eyJ or not"
	assert_output ''
	assert_equal "$stderr" "jwtool: inspect: no token found in stdin"
}

@test "--find with --fail-on notes each failing token and exits 6" {
	run -6 --separate-stderr jwtool inspect --find --fail-on warning --now $NOW "$FIXTURES/logs/app.log"
	run -0 grep -c '^Findings$' <<<"$output"
	assert_output 5
	assert_equal "$stderr" "jwtool: inspect: line 10, column 77: 2 findings of severity warning or worse (--fail-on)
jwtool: inspect: 1 of 5 tokens found did not pass"
}

@test "--find with --expires-within names each token that expires soon (exit 4)" {
	run -4 --separate-stderr jwtool inspect --find --expires-within 30m --now $NOW "$FIXTURES/logs/app.log"
	assert_equal "$stderr" "jwtool: inspect: line 7, column 25: the token expires in 15m, within 30m (--expires-within)
jwtool: inspect: line 11, column 73: the token expires in 15m, within 30m (--expires-within)
jwtool: inspect: 2 of 5 tokens found did not pass"
}

@test "--find shows a malformed token it can read, notes one it cannot, and exits 3" {
	dup="$(b64url '{"alg":"HS256","alg":"none"}').$(b64url "$(claims)").$SIG32"
	bad="$(b64url '{"alg":"HS256"}').abcde.$SIG32"
	good=$(tok '{"alg":"HS256"}' "$(claims)")
	run -3 --separate-stderr jwtool inspect --find --now $NOW - <<<"$dup
$bad
$good"
	run -0 grep '^Token at' <<<"$output"
	assert_output 'Token at line 1, column 1
Token at line 3, column 1'
	assert_equal "$stderr" "jwtool: inspect: line 1, column 1: header: duplicate member 'alg'
jwtool: inspect: line 2, column 1: malformed token: payload segment: its length is not possible for base64url
jwtool: inspect: 2 of 3 tokens found did not pass"
}

@test "--find does not take the argument as text: a missing file is exit 8" {
	run -8 jwtool inspect --find nofile.log
	assert_output "jwtool: inspect: cannot open text 'nofile.log': No such file or directory"
	run -2 jwtool inspect --find a.log b.log
	assert_output "jwtool: inspect: expected one input, got 2 arguments"
}

# --- the documented example -------------------------------------------------

# check_example TEXT: TEXT is a "$ command" line and its output; run the
# command with TOKEN set to the example token and compare.
check_example() {
	local cmd want
	cmd=$(head -n 1 <<<"$1")
	want=$(tail -n +2 <<<"$1")
	assert_equal "$cmd" '$ jwtool inspect --now 2026-11-28T12:00:00Z "$TOKEN"'
	TOKEN=$(cat "$EXAMPLE") run -0 bash -c "${cmd#\$ }"
	assert_output "$want"
	assert_line --index 0 'Header'
}

@test "the inspect example in README.md is real output" {
	run -0 sed -n '/^<!-- inspect-example/,/^```$/p' "$TOP/README.md"
	assert_line --index 1 '```console'
	check_example "$(sed '1,2d;$d' <<<"$output")"
}

@test "a NUL byte inside the token is malformed, even for the lenient reading" {
	printf '%s\0.%s.%s' "$(b64url '{"alg":"HS256"}')" "$(b64url '{}')" "$SIG32" > nul.jwt
	run -3 jwtool inspect nul.jwt
	assert_output "jwtool: inspect: malformed token: byte 20 is \\x00, not a base64url character or '.'"
}
