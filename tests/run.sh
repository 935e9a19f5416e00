#!/usr/bin/env bash
# run.sh BUILD_DIR - run every test runner against BUILD_DIR: the C unit
# tests (TAP) and the Bats suites (TAP).  Ends with the real totals:
#   tests: N passed, N failed[, N skipped]
# and exits non-zero when anything failed.  A unit test program that exits
# non-zero counts as one more failure.
# With JWTOOL_VALGRIND=1 every unit test program and every jwtool a Bats
# test runs is under valgrind memcheck (tests/helpers/memcheck); each
# valgrind report is printed at the end and counts as a failure.
# JWTOOL_BATS_FILES (space separated) limits the Bats files run.
# JWTOOL_JOBS (default: the number of cores) Bats files run at once, through
# GNU parallel; 1 runs them one by one.
set -u
b=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
case $b in /*) ;; *) b=$top/$b ;; esac
pass=0 fail=0 skip=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# count LABEL: read TAP on stdin, echo it, add its results to the totals;
# planned tests that never reported count as failures, and so does a
# "# exit N" line with N non-zero when no test of the runner failed.
count() {
	local label=$1 plan=0 seen=0 bad=0 line
	while IFS= read -r line; do
		printf '%s\n' "$line"
		case $line in
		"# exit 0") ;;
		"# exit "*)
			echo "# $label: exited with status ${line#\# exit }"
			[ "$bad" -gt 0 ] || fail=$((fail + 1)) ;;
		1..*) plan=${line#1..} ;;
		"ok "*"# skip"*|"ok "*"# SKIP"*) skip=$((skip + 1)); seen=$((seen + 1)) ;;
		"ok "*) pass=$((pass + 1)); seen=$((seen + 1)) ;;
		"not ok "*) fail=$((fail + 1)); bad=$((bad + 1))
			seen=$((seen + 1)) ;;
		esac
	done
	if [ "$plan" -gt "$seen" ]; then
		echo "# $label: $((plan - seen)) planned tests did not run"
		fail=$((fail + plan - seen))
	elif [ "$plan" -eq 0 ] && [ "$seen" -eq 0 ]; then
		echo "# $label: no test plan (the runner did not start)"
		fail=$((fail + 1))
	fi
}

wrap=
if [ "${JWTOOL_VALGRIND:-0}" = 1 ]; then
	wrap=$top/tests/helpers/memcheck
	JWTOOL_VALGRIND_LOGS=$b/valgrind-logs
	rm -rf "$JWTOOL_VALGRIND_LOGS"
	mkdir -p "$JWTOOL_VALGRIND_LOGS"
	export JWTOOL_VALGRIND JWTOOL_VALGRIND_LOGS
fi

for t in "$b"/test_*; do
	[ -x "$t" ] || continue
	echo "# unit: ${t##*/}"
	count "${t##*/}" < <(cd "$top" && $wrap "$t" 2>&1 </dev/null
	    echo "# exit $?")
done

export JWTOOL_BUILD="$b"
files=${JWTOOL_BATS_FILES:-tests/*.bats}
jobs=${JWTOOL_JOBS:-$(nproc 2>/dev/null || echo 1)}
command -v parallel >/dev/null 2>&1 || jobs=1
echo "# bats: $files ($jobs at once)"
par=
[ "$jobs" -gt 1 ] && par="--jobs $jobs --no-parallelize-within-files"
# stdin is /dev/null: whatever stdin make had is not the tests' input.
# shellcheck disable=SC2086
count bats < <(cd "$top" && bats --tap $par $files 2>&1 </dev/null)

if [ -n "$wrap" ]; then
	reports=0
	for f in "$JWTOOL_VALGRIND_LOGS"/*.log; do
		[ -s "$f" ] || { rm -f "$f"; continue; }
		reports=$((reports + 1))
		echo "# valgrind report ${f##*/}:"
		sed 's/^/#   /' "$f"
	done
	echo "# valgrind: $reports reports"
	fail=$((fail + reports))
fi

line="tests: $pass passed, $fail failed"
[ "$skip" -gt 0 ] && line="$line, $skip skipped"
echo "$line"
[ "$fail" -eq 0 ]
