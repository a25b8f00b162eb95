#!/bin/sh
# Bad input, for every tool in BIN: no crash, a "TOOL: FILE:LINE: problem" message, every good
# record processed, every skipped one in --rejects as it was read, the documented exit status
# (0 clean input, 1 a record skipped or a write failed).
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
{ printf 'id\ttext\n'; cat "$t/junk"; echo; } >"$t/junkrows"   # junk past a good header: the record reader
# four bad records in a row (too many fields, bad byte, NUL, too few) between two good ones
bad4='b1\ttoo\tmany\nb2\tbad \377 byte\nb3\tnul \000 byte\nb4\n'
mkin "$bad4" >"$t/mixed"
printf "id\ttext\n$bad4" >"$t/mixed.rej"
printf 'id\ttext\nb1\ttoo\tmany\nb4\n' >"$t/mixed.rej.clean"   # clean repairs b2 and b3
printf "id\ttext\ng1\t$good" >"$t/nofinal"                      # no newline after the last record
printf "id,text\ng1,\"$good\"\nb1,too,many\nb2,\"bad\"x\ng2,\"$good\"\n" >"$t/csv"
printf 'id,text\nb1,too,many\nb2,"bad"x\n' >"$t/csv.rej"
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
	reported() { for l in "$@"; do grep -q "^$tool: -:$l: " "$t/err" || return 1; done; }
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
	# junk rows: every message is "TOOL: -:LINE: problem" or the count, and every skipped record is in --rejects
	"$t/tool" --rejects "$t/rej" <"$t/junkrows" >"$t/out" 2>"$t/err"; echo $? >"$t/st"
	skipped=$(sed -n "s/^$tool: \([0-9]*\) records* skipped\$/\1/p" "$t/err")
	! crashed && [ "$(cat "$t/st")" = 1 ] && ! grep -qvE "^$tool: (-:[0-9]+: |[0-9]+ records? skipped\$)" "$t/err" &&
		[ -n "$skipped" ] && [ $(($(wc -l <"$t/rej") - 1)) = "$skipped" ] &&
		{ [ "$tool" != clean ] || [ $(($(wc -l <"$t/out") - 1 + skipped)) = $(($(wc -l <"$t/junkrows") - 1)) ]; }
	ok $? "$tool: binary junk rows: TOOL: -:LINE: messages, every skipped record in --rejects"
	run nested; ! crashed && [ "$(cat "$t/st")" = 0 ]; ok $? "$tool: 100000 nested tags: no crash"
	if [ "$tool" = clean ] || [ "$tool" = sentences ]; then
		has_ids n1 && grep -q "deep text" "$t/out"; ok $? "$tool: 100000 nested tags: the text inside is kept"
	fi
	"$t/tool" <"$t" >"$t/out" 2>"$t/err"; echo $? >"$t/st"
	! crashed && [ "$(cat "$t/st")" = 1 ] && grep -q "^$tool: -: read error: " "$t/err"
	ok $? "$tool: a directory on standard input: read error reported, exit 1"
	run nofinal; ! crashed && [ "$(cat "$t/st")" = 0 ] && has_ids g1; ok $? "$tool: no newline after the last record: processed"
	# several bad records in a row: each reported at its line, the good ones around them processed
	"$t/tool" --rejects "$t/rej" <"$t/mixed" >"$t/out" 2>"$t/err"; echo $? >"$t/st"
	if [ "$tool" = clean ]; then
		! crashed && [ "$(cat "$t/st")" = 1 ] && reported 3 4 6 && has_ids g1 b2 b3 g2 && cmp -s "$t/rej" "$t/mixed.rej.clean"
		ok $? "clean: four bad records: ragged ones skipped into --rejects byte for byte, bad bytes repaired"
		reported 5; ok $? "clean: a NUL byte repaired with a message at its line"
	else
		! crashed && [ "$(cat "$t/st")" = 1 ] && reported 3 4 5 6 && has_ids g1 g2 && cmp -s "$t/rej" "$t/mixed.rej"
		ok $? "$tool: four bad records in a row: each reported at its line, in --rejects byte for byte, the good ones processed"
	fi
	# CSV: a ragged record and malformed quoting
	"$t/tool" --csv --rejects "$t/rej" <"$t/csv" >"$t/out" 2>"$t/err"; echo $? >"$t/st"
	! crashed && [ "$(cat "$t/st")" = 1 ] && reported 3 4 && has_ids g1 g2
	ok $? "$tool: --csv: ragged record and bad quoting reported at their lines, the good ones processed"
	cmp -s "$t/rej" "$t/csv.rej"; ok $? "$tool: --csv --rejects: the skipped CSV records as read"
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
	"$t/tool" <"$t/bom" >/dev/full 2>"$t/err"; st=$?
	[ "$st" = 1 ] && grep -q "write error" "$t/err"; ok $? "$tool: full disk: write error reported, exit 1"
	"$t/tool" <"$t/tiny" >/dev/full 2>"$t/err"; st=$?
	[ "$st" = 1 ] && grep -q "write error" "$t/err" && [ "$(wc -l <"$t/err")" -le 2 ]
	ok $? "$tool: full disk with much to write: one write error, exit 1"
	"$t/tool" <"$t/tiny" 2>"$t/err" | head -1 >/dev/null; [ ! -s "$t/err" ]; ok $? "$tool: | head -1 ends quietly"
	"$t/tool" --rejects "$t/rej" <"$t/ragged" >/dev/null 2>&1
	[ "$(sed -n 2p "$t/rej")" = "$(printf 'b1\ttoo\tmany')" ]; ok $? "$tool: --rejects keeps the skipped record verbatim"
	"$t/tool" --strict <"$t/mixed" >"$t/out" 2>"$t/err"; st=$?
	[ "$st" = 1 ] && ! grep -q "^g2	" "$t/out" && reported 3 && ! grep -q "^$tool: -:[4-9]: " "$t/err"
	ok $? "$tool: --strict stops at the first problem, reported at its line"
	if [ "$tool" != stance ]; then
		has_ids g1; ok $? "$tool: --strict: the documents before the problem are written"
	fi
done
echo "1..$n"
exit $fail
