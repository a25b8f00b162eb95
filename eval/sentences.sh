#!/bin/sh
# Scores sentences on the Golden Rules (../shared/eval/sentences, scored as its README says):
# prints "sentences<TAB>dataset<TAB>passed<TAB>N/M" rows; prints nothing when ../shared is absent.
# BIN: the binaries directory (default bin); SHARED: the shared directory.
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$top/../shared}
d=$SHARED/eval/sentences
[ -f "$d/golden_rules_en.tsv" ] || exit 0
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
SENTENCES=$bin/sentences
NEWSFILTER_DATA=${NEWSFILTER_DATA:-$top/data}
export SENTENCES NEWSFILTER_DATA
score() {   # dataset file [options]
	name=$1 file=$2; shift 2
	[ -f "$file" ] || return 0
	v=$(python3 "$top/eval/golden_rules.py" "$file" "$@" 2>/dev/null | sed -n 's/^passed //p')
	printf 'sentences\t%s\tpassed\t%s\n' "$name" "${v:-error}"
}
score golden_rules_en "$d/golden_rules_en.tsv"
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
# all 52 rules with --join-lines (the extra rules repair PDF line breaks)
{ cat "$d/golden_rules_en.tsv"; [ -f "$d/golden_rules_en_extra.tsv" ] && tail -n +2 "$d/golden_rules_en_extra.tsv"; } >"$tmp"
score golden_rules_en_extra "$d/golden_rules_en_extra.tsv" --join-lines
score golden_rules_52_join "$tmp" --join-lines
