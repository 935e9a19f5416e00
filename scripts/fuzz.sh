#!/usr/bin/env bash
# fuzz.sh BUILD_DIR SECONDS - run every libFuzzer harness in BUILD_DIR for
# SECONDS each, from its committed seed corpus (tests/fuzz/corpus/NAME)
# and with its dictionary (tests/fuzz/NAME.dict) when there is one.
# New inputs go to a scratch corpus, crashes to BUILD_DIR/artifacts.
# Prints the executions and crashes of each harness and the totals; exits
# non-zero on any crash, leak or sanitizer report.
set -u
b=${1:-build-fuzz}
secs=${2:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$b/artifacts"
total=0 crashes=0 status=0
for f in "$b"/fuzz_*; do
	[ -x "$f" ] || continue
	name=${f##*/}
	seeds=$top/tests/fuzz/corpus/${name#fuzz_}
	dict=$top/tests/fuzz/${name#fuzz_}.dict
	[ -f "$dict" ] && dict=-dict=$dict || dict=
	scratch=$(mktemp -d)
	log=$b/$name.log
	# shellcheck disable=SC2086
	"$f" -max_total_time="$secs" -print_final_stats=1 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix="$b/artifacts/$name-" $dict \
	    "$scratch" "$seeds" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	execs=${execs:-0}
	total=$((total + execs))
	if [ "$rc" -ne 0 ]; then
		crashes=$((crashes + 1))
		status=1
		echo "fuzz: $name: FAILED after $execs executions (exit $rc):"
		grep -E 'ERROR|SUMMARY|runtime error|deadly signal' "$log" | head -n 5
	else
		echo "fuzz: $name: $execs executions, no crash"
	fi
	rm -rf "$scratch"
done
echo "fuzz: total $total executions, $crashes crashing harnesses"
exit "$status"
