#!/usr/bin/env bats
# The frozen surface: help texts, option lists and representative outputs
# (tests/golden/cases) must stay byte for byte as recorded in
# tests/golden/*.out.  A change that means to alter one runs
# scripts/golden.sh and commits the diff with the change.

load helpers/common
load helpers/golden

@test "every golden case prints what its file records" {
	local name cmd bad=0
	while IFS=$'\t' read -r name cmd; do
		case $name in '#'*|'') continue ;; esac
		if ! diff -u "$TOP/tests/golden/$name.out" \
		    <(golden_run "$cmd") >"$name.diff"; then
			echo "golden case '$name' differs:"
			cat "$name.diff"
			bad=$((bad + 1))
		fi
	done <"$TOP/tests/golden/cases"
	[ "$bad" -eq 0 ]
}

@test "every golden file has its case, and every case its file" {
	local f names
	names=$(grep -v '^#' "$TOP/tests/golden/cases" | cut -f1 | sort)
	run -0 bash -c 'cd "$1" && ls *.out | sed "s/\.out\$//" | sort' _ \
	    "$TOP/tests/golden"
	assert_equal "$output" "$names"
	for f in "$TOP"/tests/golden/*.out; do
		grep -q -- '^--- exit [0-9]*$' "$f"
	done
}
