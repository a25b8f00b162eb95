#!/bin/sh
# eval/clean.sh: scores clean on ../shared (or $SHARED) and prints rows
# "tool<TAB>dataset<TAB>metric<TAB>value"; prints nothing when the data is absent.
# Binaries come from $BIN (default bin). Metric: 4-word shingle F1 (eval/clean/README.md).
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$top/../shared}
BIN=${BIN:-bin}
case $BIN in /*) ;; *) BIN=$top/$BIN ;; esac
[ -d "$SHARED/eval/clean" ] || exit 0
NEWSFILTER_DATA=${NEWSFILTER_DATA:-$top/data}; export NEWSFILTER_DATA
ev=$SHARED/eval/clean
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# clean's output -> doc_id<TAB>text (the text column is the sixth)
pred() { awk -F'\t' 'NR == 1 { print "doc_id\ttext"; next } { print $1 "\t" $6 }'; }
score() {   # name gold pred
	python3 "$ev/score.py" "$2" "$3" --name "$1" 2>/dev/null |
	awk -F'\t' -v n="$1" '{ printf "clean\t%s\tF1\t%s\nclean\t%s\tprecision\t%s\nclean\t%s\trecall\t%s\n", n, $3, n, $4, n, $5 }'
}
if [ -f "$ev/pages.tsv" ]; then
	"$BIN/clean" --id doc_id -f html --html <"$ev/pages.tsv" 2>/dev/null | pred >"$tmp/html.tsv"
	score pages_html "$ev/gold.tsv" "$tmp/html.tsv"
fi
if [ -f "$ev/pages_text.tsv" ]; then
	"$BIN/clean" --id doc_id -f text --plain <"$ev/pages_text.tsv" 2>/dev/null | pred >"$tmp/text.tsv"
	score pages_text "$ev/gold.tsv" "$tmp/text.tsv"
fi
seeds=$SHARED/seeds
if [ -f "$seeds/gold_clean.tsv" ]; then
	for s in seed-000 seed-001; do
		[ -f "$seeds/$s.txt" ] || continue
		"$BIN/clean" "$seeds/$s.txt" 2>/dev/null |
			awk -F'\t' -v id="$s" 'NR == 1 { print "doc_id\ttext"; next } { print id "\t" $6 }' >"$tmp/$s.tsv"
		awk -F'\t' -v id="$s" 'NR == 1 { print "doc_id\ttext"; next } $1 == id { print $1 "\t" $6 }' \
			"$seeds/gold_clean.tsv" >"$tmp/gold-$s.tsv"
		score "$s" "$tmp/gold-$s.tsv" "$tmp/$s.tsv" | grep "	F1	"
		# metadata exactly as in the gold row
		"$BIN/clean" "$seeds/$s.txt" 2>/dev/null | awk -F'\t' 'NR == 2 { print $2 "\t" $3 "\t" $4 }' >"$tmp/m1"
		awk -F'\t' -v id="$s" '$1 == id { print $2 "\t" $3 "\t" $4 }' "$seeds/gold_clean.tsv" >"$tmp/m2"
		if cmp -s "$tmp/m1" "$tmp/m2"; then v=1; else v=0; fi
		printf 'clean\t%s\ttitle_date_author_exact\t%s\n' "$s" "$v"
	done
fi
