#!/usr/bin/env bash
# golden.sh [BUILD_DIR] - write tests/golden/NAME.out for every case in
# tests/golden/cases with the jwtool in BUILD_DIR (default build).  Run it
# only when an output is meant to change, and read the diff it makes.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
b=${1:-build}
case $b in /*) ;; *) b=$top/$b ;; esac
export PATH=$b:$PATH TOP=$top
export NOW=1795867200
. "$top/tests/helpers/golden.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
rm -f "$top"/tests/golden/*.out
while IFS=$'\t' read -r name cmd; do
	case $name in '#'*|'') continue ;; esac
	golden_run "$cmd" >"$top/tests/golden/$name.out"
done <"$top/tests/golden/cases"
