#!/usr/bin/env bats
# The third-party vectors of tests/vectors: each file is the upstream copy
# its SHA-256 says, SHA256SUMS and README.md account for every file, a
# changed byte is caught, and nothing reads vectors from outside the tree.

load helpers/common

V=$TOP/tests/vectors

# listed: the files SHA256SUMS names, sorted.
listed() {
	sed 's/^[0-9a-f]\{64\}  //' "$V/SHA256SUMS" | sort
}

@test "every vector file has the SHA-256 that SHA256SUMS gives" {
	cd "$V"
	run -0 sha256sum --strict --quiet -c SHA256SUMS
	assert_output ""
}

@test "SHA256SUMS lists every file of tests/vectors and README.md names each" {
	local f
	run -0 bash -c "cd '$V' && find . -type f ! -name README.md \
	    ! -name SHA256SUMS | sed 's|^\./||' | sort"
	assert_output "$(listed)"
	for f in $(listed); do
		run -0 grep -cF "\`${f##*/}\`" "$V/README.md"
	done
}

@test "a vector file changed by one byte fails the check" {
	cp -R "$V" v
	chmod -R u+w v
	printf ' ' >> v/wycheproof/ed25519_test.json
	cd v
	run -1 sha256sum --strict --quiet -c SHA256SUMS
	assert_output --partial "wycheproof/ed25519_test.json: FAILED"
	assert_output --partial "1 computed checksum did NOT match"
}

@test "the build and the tests read no vectors from outside the tree" {
	cd "$TOP"
	run -1 grep -rnE '\.\./shared|\$TOP/\.\.' Makefile .ci scripts bench \
	    tests
	assert_output ""
	run -0 grep '^VECTORS=' tests/helpers/common.bash
	assert_output 'VECTORS=${VECTORS:-$TOP/tests/vectors}'
}
