#!/bin/sh
# GNU parallel over a document-level stream gives the same bytes as one process, for every tool.
top=$(cd "$(dirname "$0")/.." && pwd)
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
NEWSFILTER_DATA="$top/data"; export NEWSFILTER_DATA
LC_ALL=C; export LC_ALL
if ! command -v parallel >/dev/null; then echo "1..0 # SKIP GNU parallel not installed"; exit 0; fi
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
# 3000 documents of varied text, so that parallel cuts the stream into many chunks
awk 'BEGIN {
	print "id\ttext";
	n[0] = "Anna Berg"; n[1] = "Minister Paul Okafor"; n[2] = "Councillor Li Wei"; n[3] = "Dr. Sara Holm";
	for (i = 1; i <= 3000; i++)
		printf "d%d\t%s said on Monday that the plan is \342\200\234not realistic.\342\200\235 The U.S. team left at 5 p.m. \342\200\234We support building the bridge,\342\200\235 %s added.\\nA second paragraph with %d words.\n", i, n[i % 4], (i % 2 ? "she" : "he"), i
}' >"$t/docs"
n=0; fail=0
for tool in clean sentences entities quotes stance; do
	[ -x "$bin/$tool" ] || continue
	# $t/tool runs the tool (stance with a target) with the options given
	if [ "$tool" = stance ]; then tgt=' -t "building the bridge"'; else tgt=""; fi
	printf '#!/bin/sh\nexec "%s"%s "$@"\n' "$bin/$tool" "$tgt" >"$t/tool"; chmod +x "$t/tool"
	"$t/tool" <"$t/docs" >"$t/one"
	{ "$t/tool" </dev/null; parallel --pipe --block 20k --header : -k -j 2 "$t/tool" --no-header <"$t/docs"; } >"$t/many"
	n=$((n + 1))
	if cmp -s "$t/one" "$t/many" && [ "$(wc -l <"$t/one")" -gt 1 ]; then echo "ok $n - $tool: parallel --pipe output is byte-identical"
	else echo "not ok $n - $tool: parallel --pipe output differs"; fail=1; fi
done
echo "1..$n"
exit $fail
