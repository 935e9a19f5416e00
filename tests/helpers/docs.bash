# docs.bash - helpers for tests of the man pages: option sets and examples.

# page_options PAGE: the long options an mdoc page documents, one a line,
# sorted: every "Fl -name" on an .It line of its tag lists.
page_options() {
	awk '/^\.It / && /Fl -/' "$1" |
	    grep -o 'Fl -[A-Za-z0-9][A-Za-z0-9-]*' | sed 's/^Fl /-/' | sort -u
}

# page_short_options PAGE: the short options documented, as "-k".
page_short_options() {
	awk '/^\.It / && /Fl [A-Za-z0-9]( |$)/' "$1" |
	    grep -o 'Fl [A-Za-z0-9]\( \|$\)' | sed 's/^Fl /-/; s/ $//' |
	    sort -u
}

# synopsis_options PAGE: the options named in the SYNOPSIS section.
synopsis_options() {
	awk '/^\.Sh /{ s = ($0 == ".Sh SYNOPSIS"); next } s' "$1" |
	    grep -o 'Fl -\{0,1\}[A-Za-z0-9][A-Za-z0-9-]*' | sed 's/^Fl /-/' |
	    sort -u
}

# cmd_options CMD: the long options of a command, from its table.
cmd_options() {
	jwtool --list-options "$1" | cut -f1 | grep '^--' | sort -u
}

# cmd_short_options CMD: its short options.
cmd_short_options() {
	jwtool --list-options "$1" | cut -f1 | grep '^-[^-]' | sort -u
}

# example_dir DIR: a fresh directory holding the files the examples use:
# secret.key (an HMAC secret), ed25519.pem and ed25519.pub.pem.
example_dir() {
	mkdir -p "$1"
	cp "$KEYS/hs256.key" "$1/secret.key"
	cp "$KEYS/ed25519.pem" "$1/ed25519.pem"
	cp "$KEYS/ed25519.pub.pem" "$1/ed25519.pub.pem"
	chmod 600 "$1/secret.key" "$1/ed25519.pem"
}

# run_examples PAGE: run each EXAMPLES block of PAGE in its own fresh
# directory with bash -e -o pipefail, and compare what it prints (stdout
# and stderr) with the output the page shows.  Prints the number of blocks
# run; on the first failure prints the block, the difference, and returns 1.
run_examples() {
	local page=$1 base n i
	base=$(mktemp -d "$BATS_TEST_TMPDIR/ex.XXXXXX")
	n=$(awk -v dir="$base" -f "$TOP/tests/helpers/man-examples.awk" "$page")
	for ((i = 1; i <= n; i++)); do
		example_dir "$base/run$i"
		(cd "$base/run$i" && bash -e -o pipefail "$base/$i.sh") \
		    > "$base/$i.got" 2>&1
		local rc=$?
		if [ "$rc" -ne 0 ] || ! cmp -s "$base/$i.out" "$base/$i.got"; then
			echo "${page##*/}: example $i failed (exit $rc):"
			sed 's/^/    $ /' "$base/$i.sh"
			diff -u --label shown --label printed "$base/$i.out" \
			    "$base/$i.got"
			return 1
		fi
	done
	echo "$n"
}
