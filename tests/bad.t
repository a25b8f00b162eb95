#!/bin/sh
# Bad input, for every tool in BIN: no crash, a "TOOL: FILE:LINE: problem" message, every good
# record processed, the documented exit status (0 clean input, 1 a record skipped).
# BIG_MB (default 50) and TINY (default 1000000) size the large-input cases.
top=$(cd "$(dirname "$0")/.." && pwd)
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
bin=$(cd "$bin" && pwd) || exit 1
NEWSFILTER_DATA="$top/data"; export NEWSFILTER_DATA
LC_ALL=C; export LC_ALL
BIG_MB=${BIG_MB:-50}; TINY=${TINY:-1000000}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
n=0; fail=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }

good='Mayor Anna Berg said on Monday: \342\200\234We will build the bridge.\342\200\235 Critics disagree.'
mkin() { printf 'id\ttext\n'; printf "g1\t$good\n"; printf '%b' "$1"; printf "g2\t$good\n"; }
mkin 'b1\tbad \377 byte\n' >"$t/utf8"
mkin 'b1\tnul \000 byte\n' >"$t/nul"
mkin 'b1\ttoo\tmany\n' >"$t/ragged"
mkin 'b1\tunknown \\q \\x escapes\n' >"$t/escapes"
mkin 'b1\t<div><p>unclosed <b>tags <i>and \342\200\234quote marks\n' >"$t/unclosed"
mkin '' | sed 's/$/\r/' >"$t/crlf"
{ printf '\357\273\277'; mkin ''; } >"$t/bom"
: >"$t/empty"
printf 'id\ttext\n' >"$t/header"
printf "g1\t$good\n" >"$t/noheader"
awk 'BEGIN { srand(7); for (i = 0; i < 200000; i++) printf "%c", int(rand() * 256) }' >"$t/junk"
awk -v n=100000 'BEGIN { printf "id\ttext\nn1\t"; for (i = 0; i < n; i++) printf "<div>"; printf "deep text"; printf "\n" }' >"$t/nested"
awk -v mb="$BIG_MB" 'BEGIN { printf "id\ttext\nbig\t"; s = "The council met on Monday. \342\200\234It will take time,\342\200\235 Mayor Anna Berg said. ";
	for (i = 0; i * length(s) < mb * 1000000; i++) printf "%s", s; printf "\n" }' >"$t/big"
awk -v n="$TINY" 'BEGIN { print "id\ttext"; for (i = 1; i <= n; i++) print "d" i "\tHi." }' >"$t/tiny"

for tool in clean sentences entities quotes stance; do
	[ -x "$bin/$tool" ] || continue
	# $t/tool runs the tool (stance with a target) with the options given
	if [ "$tool" = stance ]; then tgt=' -t "building the bridge"'; else tgt=""; fi
	printf '#!/bin/sh\nexec "%s"%s "$@"\n' "$bin/$tool" "$tgt" >"$t/tool"; chmod +x "$t/tool"
	run() { "$t/tool" <"$t/$1" >"$t/out" 2>"$t/err"; echo $? >"$t/st"; }
	crashed() { grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$t/err" || [ "$(cat "$t/st")" -ge 128 ]; }
	has_ids() { [ "$tool" = stance ] && return 0; for i in "$@"; do grep -q "^$i	" "$t/out" || return 1; done; }
	for c in utf8 nul ragged; do
		[ "$tool" = clean ] && [ "$c" != ragged ] && continue   # clean repairs bytes instead
		run $c
		! crashed && [ "$(cat "$t/st")" = 1 ] && grep -qE "^$tool: -:3: " "$t/err" && has_ids g1 g2
		ok $? "$tool: $c: record 3 reported as -:3, the others processed, exit 1"
	done
	if [ "$tool" = clean ]; then
		for c in utf8 nul; do run $c; ! crashed && has_ids g1 b1 g2; ok $? "clean: $c: repaired, every record kept"; done
	fi
	for c in escapes unclosed bom; do
		run $c; ! crashed && [ "$(cat "$t/st")" = 0 ] && has_ids g1 g2; ok $? "$tool: $c: processed, exit 0"
	done
	run crlf; ! crashed && [ "$(cat "$t/st")" = 0 ] && has_ids g1 g2 && ! grep -q "$(printf '\r')" "$t/out"
	ok $? "$tool: CRLF input: processed, no CR written"
	run bom; ! head -c 3 "$t/out" | grep -q "$(printf '\357\273\277')"; ok $? "$tool: BOM never written"
	run empty; ! crashed && [ "$(cat "$t/st")" = 0 ] && [ "$(wc -l <"$t/out")" = 1 ]; ok $? "$tool: empty input: header only, exit 0"
	run header; ! crashed && [ "$(cat "$t/st")" = 0 ] && [ "$(wc -l <"$t/out")" = 1 ]; ok $? "$tool: header only: header only, exit 0"
	run noheader; ! crashed && [ "$(cat "$t/st")" = 1 ] && grep -qE "^$tool: -:1: no column" "$t/err"; ok $? "$tool: no header: reported, exit 1"
	run junk; ! crashed && [ "$(cat "$t/st")" -le 1 ]; ok $? "$tool: binary junk: no crash"
	run nested; ! crashed && [ "$(cat "$t/st")" = 0 ]; ok $? "$tool: 100000 nested tags: no crash"
	run big; ! crashed && [ "$(cat "$t/st")" = 0 ] && has_ids big; ok $? "$tool: one ${BIG_MB} MB field: processed"
	run tiny; ! crashed && [ "$(cat "$t/st")" = 0 ] && { [ "$tool" != sentences ] || [ "$(wc -l <"$t/out")" = $((TINY + 1)) ]; }
	ok $? "$tool: $TINY tiny documents: processed"
	# (ASan's quarantine holds freed memory, so RSS says nothing under SANITIZE=1)
	if [ -x /usr/bin/time ] && [ -z "$NF_SANITIZED" ]; then
		head -n 10001 "$t/tiny" >"$t/few"
		/usr/bin/time -f %M -o "$t/rss1" "$t/tool" <"$t/few" >/dev/null 2>&1
		/usr/bin/time -f %M -o "$t/rss2" "$t/tool" <"$t/tiny" >/dev/null 2>&1
		r1=$(tail -1 "$t/rss1"); r2=$(tail -1 "$t/rss2")
		[ "$r2" -le $((r1 * 2 + 8192)) ]; ok $? "$tool: memory flat: $r1 KB for 10000 documents, $r2 KB for $TINY"
	fi
	"$t/tool" <"$t/utf8" >/dev/full 2>"$t/err"; st=$?
	[ "$st" = 1 ] && grep -q "write error" "$t/err"; ok $? "$tool: full disk: write error reported, exit 1"
	"$t/tool" <"$t/tiny" 2>"$t/err" | head -1 >/dev/null; [ ! -s "$t/err" ]; ok $? "$tool: | head -1 ends quietly"
	"$t/tool" --rejects "$t/rej" <"$t/ragged" >/dev/null 2>&1
	[ "$(sed -n 2p "$t/rej")" = "$(printf 'b1\ttoo\tmany')" ]; ok $? "$tool: --rejects keeps the skipped record verbatim"
	"$t/tool" --strict <"$t/ragged" >"$t/out" 2>/dev/null; st=$?
	[ "$st" = 1 ] && ! grep -q "^g2	" "$t/out"; ok $? "$tool: --strict stops at the first problem"
done
echo "1..$n"
exit $fail
