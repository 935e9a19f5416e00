#!/usr/bin/env bash
# run.sh BUILD_DIR - run every test runner against BUILD_DIR: the C unit
# tests (TAP) and the Bats suites (TAP).  Ends with the real totals:
#   tests: N passed, N failed[, N skipped]
# and exits non-zero when anything failed.  A unit test binary that exits
# non-zero without reporting a failure (a crash) counts as one failure.
set -u
b=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
case $b in /*) ;; *) b=$top/$b ;; esac
pass=0 fail=0 skip=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# count LABEL: read TAP on stdin, echo it, add its results to the totals;
# planned tests that never reported count as failures.
count() {
	local label=$1 plan=0 seen=0 failed=0 code=0 line
	while IFS= read -r line; do
		printf '%s\n' "$line"
		case $line in
		1..*) plan=${line#1..} ;;
		"ok "*"# skip"*|"ok "*"# SKIP"*) skip=$((skip + 1)); seen=$((seen + 1)) ;;
		"ok "*) pass=$((pass + 1)); seen=$((seen + 1)) ;;
		"not ok "*) fail=$((fail + 1)); failed=$((failed + 1)); seen=$((seen + 1)) ;;
		"# exit "*) code=${line#\# exit } ;;
		esac
	done
	if [ "$plan" -gt "$seen" ]; then
		echo "# $label: $((plan - seen)) planned tests did not run"
		fail=$((fail + plan - seen))
	elif [ "$code" != 0 ] && [ "$failed" -eq 0 ]; then
		# a crash (a sanitizer report, an abort) before the plan
		echo "# $label: exited with status $code"
		fail=$((fail + 1))
	fi
}

for t in "$b"/test_*; do
	[ -x "$t" ] || continue
	echo "# unit: ${t##*/}"
	count "${t##*/}" < <(cd "$top" && "$t" 2>&1 </dev/null; echo "# exit $?")
done

export JWTOOL_BUILD="$b"
echo "# bats: tests/*.bats"
# stdin is /dev/null: whatever stdin make had is not the tests' input.
count bats < <(cd "$top" && bats --tap tests/*.bats 2>&1 </dev/null)

line="tests: $pass passed, $fail failed"
[ "$skip" -gt 0 ] && line="$line, $skip skipped"
echo "$line"
[ "$fail" -eq 0 ]
