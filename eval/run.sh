#!/bin/sh
# make eval: runs every eval/<tool>.sh (each prints rows "tool<TAB>dataset<TAB>metric<TAB>value"
# when ../shared is present) and prints them as one table.
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$top/../shared}
BIN=${BIN:-$top/bin}
export SHARED BIN
if [ ! -d "$SHARED/eval" ]; then
	echo "eval: $SHARED not found; nothing to score (set SHARED=DIR)" >&2
	exit 0
fi
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
for s in "$top"/eval/*.sh; do
	[ "$(basename "$s")" = run.sh ] && continue
	sh "$s" >>"$tmp" || echo "eval: $(basename "$s") failed" >&2
done
awk -F'\t' 'BEGIN { printf "%-10s %-24s %-22s %s\n", "tool", "dataset", "metric", "value";
		    printf "%-10s %-24s %-22s %s\n", "----", "-------", "------", "-----" }
	    NF == 4 { printf "%-10s %-24s %-22s %s\n", $1, $2, $3, $4 }' "$tmp"
