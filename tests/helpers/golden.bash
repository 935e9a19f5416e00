# golden.bash - run one golden case: golden_run COMMAND prints its stdout,
# then its stderr and exit status under marker lines, in the form of the
# tests/golden/*.out files (scripts/golden.sh writes them).  COMMAND runs
# in the current directory, where "fixtures" is made a link to the
# fixtures, and sees FIXTURES=fixtures and KEYS=fixtures/keys: the paths
# in its output are the same in every checkout.
golden_run() {
	local out err rc=0
	out=$(mktemp) err=$(mktemp)
	[ -e fixtures ] || ln -s "$TOP/tests/fixtures" fixtures
	(FIXTURES=fixtures KEYS=fixtures/keys; eval "$1") \
	    >"$out" 2>"$err" </dev/null || rc=$?
	cat "$out"
	printf -- '--- stderr\n'
	cat "$err"
	printf -- '--- exit %d\n' "$rc"
	rm -f "$out" "$err"
}
