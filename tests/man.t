#!/bin/sh
# Every man page passes mandoc -Tlint, and every option a tool's --help lists is in its page.
top=$(cd "$(dirname "$0")/.." && pwd)
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
n=0; fail=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
for m in "$top"/man/*.[15]; do
	out=$(mandoc -Tlint -W warning "$m" 2>&1); [ -z "$out" ]; ok $? "mandoc -Tlint $(basename "$m")"
	[ -n "$out" ] && echo "$out" | sed 's/^/# /'
done
for t in $(cd "$top/cmd" && ls *.c | sed "s/\\.c$//"); do
	[ -f "$top/man/$t.1" ]; ok $? "man/$t.1 exists"
	"$bin/$t" --help >/dev/null 2>&1; ok $? "$t --help exits 0"
	page=$(mandoc -Tascii "$top/man/$t.1" 2>/dev/null | col -b)
	missing=""
	for o in $("$bin/$t" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
		printf '%s' "$page" | grep -q -- "$o" || missing="$missing $o"
	done
	[ -z "$missing" ]; ok $? "$t: every --help option is in man/$t.1${missing:+ (missing:$missing)}"
done
echo "1..$n"
exit $fail
