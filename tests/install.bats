#!/usr/bin/env bats
# make install / make uninstall: PREFIX and DESTDIR, where each file goes,
# and an installed jwtool that works (its OpenSSL backend found under the
# installed LIBDIR) with man pages man(1) can show.

load helpers/common

# One build for the file, in a private build directory, for the prefix
# the tests install into (the backend's directory is compiled in).  The
# tests share that prefix, so they run one after another.
setup_file() {
	export BATS_NO_PARALLELIZE_WITHIN_FILE=true
	export PFX=$BATS_FILE_TMPDIR/prefix
	export IB=$BATS_FILE_TMPDIR/build
	make -s -C "$TOP" B="$IB" PREFIX="$PFX" all >"$BATS_FILE_TMPDIR/make.log" 2>&1
}

mk() {
	make -s -C "$TOP" B="$IB" PREFIX="$PFX" "$@"
}

# The files an install puts under ROOT, sorted, relative to ROOT.
installed() {
	(cd "$1" && find . -type f | sed 's|^\./||' | sort)
}

expected() {
	local p=${PFX#/} m
	{
		echo "$p/bin/jwtool"
		echo "$p/lib/jwtool/jwtool-openssl.so"
		echo "$p/share/bash-completion/completions/jwtool"
		echo "$p/share/zsh/site-functions/_jwtool"
		echo "$p/share/fish/vendor_completions.d/jwtool.fish"
		for m in "$TOP"/man/*.1; do
			echo "$p/share/man/man1/${m##*/}"
		done
	} | sort
}

@test "make install DESTDIR= puts every file where distributions look" {
	local d=$BATS_TEST_TMPDIR/dest
	run -0 mk install DESTDIR="$d"
	run -0 installed "$d"
	assert_equal "$output" "$(expected)"
	assert [ -x "$d$PFX/bin/jwtool" ]
	run -0 stat -c %a "$d$PFX/share/man/man1/jwtool.1" \
	    "$d$PFX/lib/jwtool/jwtool-openssl.so" "$d$PFX/bin/jwtool"
	assert_output $'644\n644\n755'
	cmp "$d$PFX/share/zsh/site-functions/_jwtool" "$TOP/completions/_jwtool"
	# nothing is written outside DESTDIR
	assert [ ! -e "$PFX" ]
}

@test "make uninstall DESTDIR= removes every installed file" {
	local d=$BATS_TEST_TMPDIR/dest
	run -0 mk install DESTDIR="$d"
	run -0 mk uninstall DESTDIR="$d"
	run -0 installed "$d"
	assert_output ""
	assert [ ! -e "$d$PFX/lib/jwtool" ]
}

@test "an installed jwtool finds its backend in LIBDIR and signs HS384" {
	run -0 mk install
	assert [ ! -e "$PFX/bin/jwtool-openssl.so" ]
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr "$PFX/bin/jwtool" sign -k "$KEYS/hs512.b64" \
	    --key-format base64 --alg HS384 --sub alice --now "$NOW"
	local token=$output
	run -0 "$PFX/bin/jwtool" verify -k "$KEYS/hs512.b64" \
	    --key-format base64 --alg HS384 --now "$NOW" --compact "$token"
	assert_output "{\"sub\":\"alice\",\"iat\":$NOW}"
	run -0 mk uninstall
	run -0 installed "$PFX"
	assert_output ""
}

@test "without its backend an installed jwtool says so for HS384 only" {
	run -0 mk install
	rm "$PFX/lib/jwtool/jwtool-openssl.so"
	run -7 "$PFX/bin/jwtool" sign -k "$KEYS/hs512.b64" --key-format base64 \
	    --alg HS384
	assert_output --partial "the OpenSSL backend (jwtool-openssl.so) could not be loaded"
	run -0 "$PFX/bin/jwtool" sign -k "$KEYS/hs512.b64" --key-format base64 \
	    --alg HS512
	run -0 mk uninstall
}

@test "man renders each installed page, by name under the prefix" {
	local d=$BATS_TEST_TMPDIR/dest p c
	run -0 mk install DESTDIR="$d"
	for p in "$d$PFX"/share/man/man1/*.1; do
		run -0 --separate-stderr env MANWIDTH=80 man -l "$p"
		assert_equal "$stderr" ""
		assert_line --regexp '^NAME$'
	done
	for c in $(jwtool --list-commands | cut -f1); do
		run -0 --separate-stderr env MANWIDTH=80 \
		    man -M "$d$PFX/share/man" "jwtool-$c"
		assert_line --partial "jwtool-$c"
		assert_line --regexp '^SYNOPSIS$'
	done
}

@test "the installed completions load in their shells" {
	local d=$BATS_TEST_TMPDIR/dest
	run -0 mk install DESTDIR="$d"
	run -0 bash --norc -c "source '$d$PFX/share/bash-completion/completions/jwtool'; complete -p jwtool"
	assert_output "complete -F _jwtool jwtool"
	run -0 zsh -f -c "fpath=('$d$PFX/share/zsh/site-functions' \$fpath);
	    autoload -U compinit; compinit -u -D; print -r -- \$_comps[jwtool]"
	assert_output _jwtool
	run -0 fish --no-config -c "source '$d$PFX/share/fish/vendor_completions.d/jwtool.fish'; complete -C'jwtool verify --al'"
	assert_line --partial --alg
}

@test "changing PREFIX after a build rebuilds with the new backend path" {
	run -0 grep -c -a -F "$PFX/lib/jwtool" "$IB/jwtool"
	run -1 grep -c -a -F "$PFX.2/lib/jwtool" "$IB/jwtool"
	run -0 make -s -C "$TOP" B="$IB" PREFIX="$PFX.2" all
	run -0 grep -c -a -F "$PFX.2/lib/jwtool" "$IB/jwtool"
	run -0 mk all
	run -1 grep -c -a -F "$PFX.2/lib/jwtool" "$IB/jwtool"
}
