# golden.bash - run one golden case: golden_run COMMAND prints its stdout,
# then its stderr and exit status under marker lines, in the form of the
# tests/golden/*.out files (scripts/golden.sh writes them).
golden_run() {
	local out err rc
	out=$(mktemp) err=$(mktemp)
	rc=0
	(eval "$1") >"$out" 2>"$err" </dev/null || rc=$?
	cat "$out"
	printf -- '--- stderr\n'
	cat "$err"
	printf -- '--- exit %d\n' "$rc"
	rm -f "$out" "$err"
}
