#!/bin/sh
# eval/entities.sh - scores entities on CoNLL-2003 dev (detokenised; exact span and type,
# PER/ORG/LOC with GPE scored as LOC, NORP not scored) with the benchmark's own scorer, and
# checks the seed articles' gold entities (every mention found with its canonical name).
# Prints rows "tool<TAB>dataset<TAB>metric<TAB>value"; nothing when ../shared is absent.
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$top/../shared}
[ -d "$SHARED/eval/entities" ] || exit 0
BIN=${BIN:-bin}
case $BIN in /*) ;; *) BIN=$top/$BIN ;; esac
NEWSFILTER_DATA=${NEWSFILTER_DATA:-$top/data}; export NEWSFILTER_DATA
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ev=$SHARED/eval/entities

# CoNLL-2003 dev
"$BIN/entities" --id doc_id <"$ev/conll2003_dev_detok_text.tsv" >"$tmp/out.tsv" || exit 1
awk -F'\t' 'BEGIN { OFS = "\t"; print "doc_id", "start", "end", "type", "text" }
	NR > 1 && $5 != "NORP" { t = $5 == "GPE" ? "LOC" : $5; print $1, $3, $4, t, $6 }' \
	"$tmp/out.tsv" >"$tmp/pred.tsv"
python3 "$ev/score_entities.py" "$ev/conll2003_dev_detok_gold.tsv" "$tmp/pred.tsv" >"$tmp/score" || exit 1
awk -F'\t' 'NR > 1 { n = $1 == "micro" ? "" : $1 "_";
	printf "entities\tconll2003_dev\t%sP\t%s\nentities\tconll2003_dev\t%sR\t%s\nentities\tconll2003_dev\t%sF1\t%s\n",
	       n, $5, n, $6, n, $7 }' "$tmp/score"

# seeds: each gold entity is found when every one of its mentions is output with the gold
# type and canonical name (surface forms compared with curly apostrophes folded)
seeds=$SHARED/seeds
if [ -f "$seeds/gold_entities.tsv" ]; then
	for f in "$seeds"/seed-*.txt; do
		id=$(basename "$f" .txt)
		printf 'id\ttext\n%s\t' "$id"
		sed 's/\\/\\\\/g; s/\t/\\t/g' "$f" | awk '{ printf "%s%s", (NR > 1 ? "\\n" : ""), $0 } END { print "" }'
	done >"$tmp/seeds.tsv"
	# one document per seed file: the header is repeated, so keep only the first
	awk 'NR == 1 || !/^id\ttext$/' "$tmp/seeds.tsv" >"$tmp/seeds1.tsv"
	"$BIN/entities" <"$tmp/seeds1.tsv" >"$tmp/seeds.out" || exit 1
	awk -F'\t' '
		function norm(s) { gsub(/\342\200\231/, "\047", s); return s }
		FNR == NR { if (FNR > 1) have[$1 SUBSEP $5 SUBSEP norm($6) SUBSEP $7] = 1; next }
		FNR == 1 { next }
		{ total++; n = split($4, m, / \| /); ok = 1
		  for (i = 1; i <= n; i++) {
			  # a title the gold mention includes ("President Zelenskyy") is the role column
			  s = norm(m[i]); hit = 0
			  while (s != "") {
				  if (($1 SUBSEP $3 SUBSEP s SUBSEP $2) in have) { hit = 1; break }
				  if (!sub(/^[^ ]+ /, "", s)) break
			  }
			  if (!hit) { ok = 0; miss = miss " " $1 ":" m[i] "->" $2 }
		  }
		  found += ok }
		END { printf "entities\tseeds\tfound\t%d/%d\n", found, total
		      if (miss != "") print "entities: seeds missed:" miss > "/dev/stderr" }' \
		"$tmp/seeds.out" "$seeds/gold_entities.tsv"
fi
