#!/bin/sh
# Golden cases: tests/cases/TOOL/CASE/ holds cmd (a shell command run in that folder with the
# tools on PATH), optional in (its stdin), expout, and optional experr and status (default 0).
# Prints TAP. UPDATE=1 rewrites expout/experr/status from what the tools print now.
# CASES=DIR limits the run to one tool's cases (e.g. CASES=tests/cases/quotes).
top=$(cd "$(dirname "$0")/.." && pwd)
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
bin=$(cd "$bin" && pwd) || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ -n "$VALGRIND" ]; then
	# each tool runs under valgrind; a leak or invalid access exits 99 and fails the case
	mkdir "$tmp/vg"
	for b in "$bin"/*; do
		printf '#!/bin/sh\nexec valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 "%s" "$@"\n' "$b" >"$tmp/vg/${b##*/}"
		chmod +x "$tmp/vg/${b##*/}"
	done
	bin=$tmp/vg
	NEWSFILTER_NO_JIT=1; export NEWSFILTER_NO_JIT   # valgrind reports false errors in JIT code
fi
PATH="$bin:$PATH"; export PATH
NEWSFILTER_DATA="$top/data"; export NEWSFILTER_DATA
LC_ALL=C; export LC_ALL
n=0; fail=0
cases=$(cd "${CASES:-$top/tests/cases}" && pwd) || exit 1
list=$(find "$cases" -name cmd -type f | sort)
for c in $list; do
	d=$(dirname "$c"); name=${d#$top/tests/cases/}
	n=$((n + 1))
	in=/dev/null; [ -f "$d/in" ] && in="$d/in"
	(cd "$d" && sh ./cmd <"$in" >"$tmp/out" 2>"$tmp/err"); st=$?
	want_st=0; [ -f "$d/status" ] && want_st=$(cat "$d/status")
	if [ -n "$UPDATE" ]; then
		cp "$tmp/out" "$d/expout"
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$d/experr"; else rm -f "$d/experr"; fi
		if [ "$st" != 0 ]; then echo "$st" >"$d/status"; else rm -f "$d/status"; fi
		echo "ok $n - $name # updated"; continue
	fi
	why=""
	[ "$st" = "$want_st" ] || why="exit status $st, expected $want_st"
	cmp -s "$tmp/out" "$d/expout" || why="${why:+$why; }stdout differs"
	# under valgrind, argv[0] in messages is the full path: stderr is not compared
	if [ -f "$d/experr" ] && [ -z "$VALGRIND" ]; then cmp -s "$tmp/err" "$d/experr" || why="${why:+$why; }stderr differs"; fi
	if [ -z "$why" ]; then echo "ok $n - $name"; else
		echo "not ok $n - $name: $why"; fail=$((fail + 1))
		diff "$d/expout" "$tmp/out" | head -20 | sed 's/^/# /'
		[ -f "$d/experr" ] && diff "$d/experr" "$tmp/err" | head -5 | sed 's/^/# /'
	fi
done
echo "1..$n"
[ "$fail" = 0 ]
