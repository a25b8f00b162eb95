#!/bin/sh
# Runs the C unit tests (each prints "ok - what" or "not ok - what" lines) as one TAP stream.
top=$(cd "$(dirname "$0")/.." && pwd)
NEWSFILTER_DATA="$top/data"; export NEWSFILTER_DATA
n=0; st=0
case ${BUILD:-build} in /*) ub=$BUILD;; *) ub=$top/${BUILD:-build};; esac
for u in "$ub"/unit/*; do
	[ -x "$u" ] || continue
	out=$("$u" 2>&1) || st=1
	while IFS= read -r line; do
		case $line in
		"ok - "*|"not ok - "*) n=$((n + 1)); echo "${line%% - *} $n - ${line#* - }";;
		*) echo "# $line";;
		esac
	done <<EOT
$out
EOT
done
echo "1..$n"
exit $st
