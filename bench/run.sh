#!/bin/sh
# make bench: throughput (MB/s of input on one core, by user CPU time and by wall time) and peak
# RSS of every newsfilter tool in $BIN and of the pipeline clean|sentences|quotes|entities, the
# same for the peers (npm sbd, compromise, wink-nlp, @mozilla/readability + jsdom, NLTK Punkt) on
# the same input, and each tool's peak RSS on 10 MB and on 1 GB of input. Not a test: it prints a
# table (markdown) and writes it to bench/results.md too. Environment:
#   BIN (default bin), SHARED (default ../shared)
#   BENCH_MB        size of the main input, doc-level TSV (default 100)
#   BENCH_HUGE_MB   size of the memory-flatness input (default 1000)
#   BENCH_HTML_MB   size of the HTML page input for clean (default 50)
#   BENCH_PAGETEXT_MB size of the copied page text input for clean (default 18; needs ../shared)
#   BENCH_RUNS      runs per newsfilter row, the best by user CPU time is kept (default 5: on a shared VM one run can be 30% slow)
#   PEER_SBD_MB PEER_PUNKT_MB PEER_WINK_MB PEER_COMPROMISE_MB PEER_READABILITY_PAGES
#                   sample sizes for the peers (defaults 20, 10, 5, 1, 20 pages)
#   BENCH_ROWS      run only these rows (keys, shell patterns allowed), e.g.
#                   BENCH_ROWS='clean clean_ptext *@10 *@huge'; keys: sentences clean clean_ptext
#                   clean_html entities quotes stance pipeline TOOL@10 TOOL@huge p_sbd p_punkt
#                   p_wink_sent p_wink_ent p_comp_sent p_comp_ent p_comp_quote p_read. The table
#                   then goes to bench/work/results.md only (bench/results.md is left as it is)
#   BENCH_INPUTS_ONLY=1 build the inputs and stop
#   BENCH_NO_INSTALL=1  install nothing (missing peers are reported as unavailable)
# Inputs are built once into bench/work/ (git-ignored); peers are installed into bench/peers/.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
SHARED=${SHARED:-$top/../shared}
MB=${BENCH_MB:-100}
HUGE=${BENCH_HUGE_MB:-1000}
HTML_MB=${BENCH_HTML_MB:-50}
PT_MB=${BENCH_PAGETEXT_MB:-18}
ROWS=${BENCH_ROWS:-}
RUNS=${BENCH_RUNS:-5}
TARGET=${BENCH_TARGET:-the tram line}
work=$top/bench/work
peers=$top/bench/peers
NEWSFILTER_DATA=${NEWSFILTER_DATA:-$top/data}
export NEWSFILTER_DATA
LC_ALL=C
export LC_ALL
mkdir -p "$work" "$peers"
say() { echo "bench: $*" >&2; }
t_start=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
date_start=$(date -u '+%Y-%m-%d %H:%M UTC')

can_install() { [ -z "${BENCH_NO_INSTALL:-}" ]; }
want() {   # KEY: the row is to be run (BENCH_ROWS empty, or a word of it matches KEY)
	[ -z "$ROWS" ] && return 0
	set -f
	for w in $ROWS; do
		# shellcheck disable=SC2254
		case $1 in $w) set +f; return 0;; esac
	done
	set +f
	return 1
}
want_any() {   # PATTERN...: some row of BENCH_ROWS matches one of them (or one of them matches it)
	[ -z "$ROWS" ] && return 0
	set -f
	for w in $ROWS; do
		for p in "$@"; do
			# shellcheck disable=SC2254
			case $w in $p) set +f; return 0;; esac
			# shellcheck disable=SC2254
			case $p in $w) set +f; return 0;; esac
		done
	done
	set +f
	return 1
}
apt_once=""
apt_install() {   # debian-package
	can_install && [ "$(id -u)" = 0 ] || return 1
	[ -n "$apt_once" ] || { apt-get update -qq >/dev/null 2>&1; apt_once=1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1
}
if [ ! -x /usr/bin/time ]; then
	say "installing the Debian package time (GNU time gives the peak RSS)"
	apt_install time || { say "/usr/bin/time missing: run apt-get install -y time"; exit 1; }
fi
for t in sentences clean entities quotes stance; do
	[ -x "$bin/$t" ] || { say "$bin/$t not found: run make first"; exit 1; }
done

# --- inputs -----------------------------------------------------------------------------
shared_texts=""
if [ -d "$SHARED/eval" ]; then
	for f in quotes/docs.tsv entities/conll2003_dev_detok_text.tsv stance/fnc1/docs.tsv \
		 stance/docs.tsv clean/pages_text.tsv; do
		[ -f "$SHARED/eval/$f" ] && shared_texts="$shared_texts $SHARED/eval/$f"
	done
fi
tag=own; [ -n "$shared_texts" ] && tag=mixed
corpus() {   # MB -> path
	p=$work/news-$tag-$1mb.tsv
	if [ ! -s "$p" ] || [ "$top/bench/gen_corpus.py" -nt "$p" ]; then
		say "building $p"
		# shellcheck disable=SC2086
		python3 "$top/bench/gen_corpus.py" "$1" $shared_texts >"$p.tmp" && mv "$p.tmp" "$p"
	fi
	echo "$p"
}
# repeat the data rows of $1 with ids prefixed r<round>_ until the file has $2 MB
repeat_to() {
	awk -F'\t' -v OFS='\t' -v target="$(($2 * 1000000))" '
		NR == FNR { if (FNR == 1) { print; size = length($0) + 1 } else rows[n++] = $0; next }
		END { for (r = 1; size < target; r++)
			for (i = 0; i < n && size < target; i++) {
				line = "r" r "_" rows[i]; print line; size += length(line) + 1 } }' "$1" "$1"
}
# a systematic sample of about $2 MB of the data rows of $1 (every k-th row), header kept
sample() {
	awk -v k="$(( $(wc -c <"$1") / ($2 * 1000000) ))" 'NR == 1 || k <= 1 || NR % k == 0' "$1"
}
# the memory-flatness input of about $2 MB: one copy of each of the $3 largest distinct documents
# of $1 (memory is bounded by one document) and a systematic sample (every k-th document) of the
# others; the 1 GB input is this one repeated with new ids, so both hold the same documents in
# the same mix and the comparison measures growth with the input, not which documents were drawn
sample_mem() {
	thr=$(awk -F'\t' 'NR > 1 { print length($2) }' "$1" | sort -rn | uniq | sed -n "$3p")
	awk -F'\t' -v thr="${thr:-0}" -v target="$(($2 * 1000000))" -v total="$(wc -c <"$1")" '
		NR == FNR { if (FNR > 1 && length($2) >= thr && !($2 in big)) { big[$2] = 1; bigb += length($0) + 1 }; next }
		FNR == 1 { k = int((total - bigb) / (target > bigb ? target - bigb : 1)); if (k < 1) k = 1; print; next }
		length($2) >= thr { if ($2 in big) { print; delete big[$2] }; next }
		FNR % k == 0' "$1" "$1"
}
big=$(corpus "$MB")
small=$(corpus 10)
mem10=$work/mem-$tag-10mb-of-${MB}mb-v2.tsv
huge=$work/mem-$tag-${HUGE}mb-of-${MB}mb-v2.tsv
if want_any '*@10' '*@huge'; then
	[ -s "$mem10" ] && [ ! "$big" -nt "$mem10" ] || sample_mem "$big" 10 200 >"$mem10"
fi
if want_any '*@huge' && { [ ! -s "$huge" ] || [ "$mem10" -nt "$huge" ]; }; then
	say "building $huge (the 10 MB memory input repeated with new ids)"
	repeat_to "$mem10" "$HUGE" >"$huge.tmp" && mv "$huge.tmp" "$huge"
fi
# copied page text: the page-text variant of the clean eval pages (real pages as a user would
# copy them), repeated with new ids
ptext=""
if [ -f "$SHARED/eval/clean/pages_text.tsv" ]; then
	ptext=$work/pagetext-shared-${PT_MB}mb.tsv
	[ -s "$ptext" ] && [ ! "$SHARED/eval/clean/pages_text.tsv" -nt "$ptext" ] ||
		{ repeat_to "$SHARED/eval/clean/pages_text.tsv" "$PT_MB" >"$ptext.tmp" && mv "$ptext.tmp" "$ptext"; }
fi
if [ -f "$SHARED/eval/clean/pages.tsv" ]; then
	pages_src="../shared/eval/clean/pages.tsv (real scraped pages), repeated with new ids"
	html=$work/pages-shared-${HTML_MB}mb.tsv
	[ -s "$html" ] && [ ! "$SHARED/eval/clean/pages.tsv" -nt "$html" ] ||
		{ repeat_to "$SHARED/eval/clean/pages.tsv" "$HTML_MB" >"$html.tmp" && mv "$html.tmp" "$html"; }
else
	pages_src="pages generated by bench/gen_corpus.py --html"
	html=$work/pages-own-${HTML_MB}mb.tsv
	[ -s "$html" ] && [ ! "$top/bench/gen_corpus.py" -nt "$html" ] ||
		{ python3 "$top/bench/gen_corpus.py" --html "$HTML_MB" >"$html.tmp" && mv "$html.tmp" "$html"; }
fi
hcol=$(head -n 1 "$html" | cut -f 2)
say "inputs: $big, $small, $mem10, $huge, $html${ptext:+, $ptext}"
[ -n "${BENCH_INPUTS_ONLY:-}" ] && exit 0

# --- measuring --------------------------------------------------------------------------
# measure KEY RUNS INPUT COMMAND: appends to results.tsv the key, input MB, rows, user s, sys s,
# wall s and peak RSS (KB; for a pipeline the largest process) of the run with the least user
# CPU time; COMMAND is run by sh with INPUT on stdin.
results=$work/results.tsv
: >"$results"
measure() {
	key=$1 runs=$2 in=$3; shift 3
	want "$key" || return 0
	say "running $key"
	: >"$work/times.out"
	r=0
	while [ "$r" -lt "$runs" ]; do
		r=$((r + 1))
		if ! /usr/bin/time -f '%U %S %e %M' -o "$work/time.out" sh -c "$*" <"$in" >"$work/out.tsv" 2>"$work/err.txt"; then
			say "$key FAILED: $(grep -v '^Command exited' "$work/err.txt" | tail -n 1)"
			printf '%s\tFAILED\n' "$key" >>"$results"
			return 1
		fi
		tail -n 1 "$work/time.out" >>"$work/times.out"
	done
	rows=$(($(wc -l <"$in") - 1))
	sort -k1,1g "$work/times.out" | head -n 1 |
		awk -v k="$key" -v b="$(wc -c <"$in")" -v rows="$rows" -v OFS='\t' \
			'{ print k, b / 1e6, rows, $1, $2, $3, $4 }' >>"$results"
}
get() { awk -F'\t' -v k="$1" -v c="$2" '$1 == k { print $c; exit }' "$results"; }

machine="$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo)"
say "machine: $machine; load average at start: $load_start"

# --- newsfilter -------------------------------------------------------------------------
T="'$bin/stance' -t '$TARGET'"
measure sentences "$RUNS" "$big" "'$bin/sentences'"
measure clean "$RUNS" "$big" "'$bin/clean'"
[ -n "$ptext" ] && measure clean_ptext "$RUNS" "$ptext" "'$bin/clean'"
measure clean_html "$RUNS" "$html" "'$bin/clean' -f $hcol"
measure entities "$RUNS" "$big" "'$bin/entities'"
measure quotes "$RUNS" "$big" "'$bin/quotes'"
measure stance "$RUNS" "$big" "$T"
measure pipeline "$RUNS" "$big" "'$bin/clean' | '$bin/sentences' | '$bin/quotes' | '$bin/entities'"
for s in 10 huge; do
	in=$mem10; [ "$s" = huge ] && in=$huge
	measure "sentences@$s" 1 "$in" "'$bin/sentences'"
	measure "clean@$s" 1 "$in" "'$bin/clean'"
	measure "entities@$s" 1 "$in" "'$bin/entities'"
	measure "quotes@$s" 1 "$in" "'$bin/quotes'"
	measure "stance@$s" 1 "$in" "$T"
done

# --- peers ------------------------------------------------------------------------------
npmver() { sed -n 's/^ *"version": *"\([0-9][^"]*\)".*/\1/p' "$peers/node_modules/$1/package.json" 2>/dev/null | head -n 1; }
peer_keys="p_sbd p_punkt p_wink_sent p_wink_ent p_comp_sent p_comp_ent p_comp_quote p_read"
# shellcheck disable=SC2086
if want_any $peer_keys; then
have_node=""
command -v node >/dev/null && command -v npm >/dev/null && have_node=1
npm_pkgs="sbd compromise wink-nlp wink-eng-lite-web-model @mozilla/readability jsdom"
if [ -n "$have_node" ]; then
	missing=""
	for p in $npm_pkgs; do [ -f "$peers/node_modules/$p/package.json" ] || missing="$missing $p"; done
	if [ -n "$missing" ] && can_install; then
		say "installing npm packages into $peers:$missing"
		# shellcheck disable=SC2086
		(cd "$peers" && npm install --no-audit --no-fund --silent $missing >/dev/null 2>&1) ||
			say "npm install failed for some of:$missing"
	fi
fi
NODE_PATH=$peers/node_modules
export NODE_PATH
js_peer() {   # key package sample-input mode
	want "$1" || return 0
	if [ -n "$have_node" ] && [ -f "$peers/node_modules/$2/package.json" ]; then
		measure "$1" 1 "$3" "timeout 900 node '$top/bench/peer_js.js' $4"
	else
		printf '%s\tUNAVAILABLE\n' "$1" >>"$results"
	fi
}
s_sbd=$work/sample-${PEER_SBD_MB:-20}mb.tsv;         sample "$big" "${PEER_SBD_MB:-20}" >"$s_sbd"
s_punkt=$work/sample-${PEER_PUNKT_MB:-10}mb.tsv;     sample "$big" "${PEER_PUNKT_MB:-10}" >"$s_punkt"
s_wink=$work/sample-${PEER_WINK_MB:-5}mb.tsv;        sample "$big" "${PEER_WINK_MB:-5}" >"$s_wink"
s_comp=$work/sample-${PEER_COMPROMISE_MB:-1}mb.tsv;  sample "$big" "${PEER_COMPROMISE_MB:-1}" >"$s_comp"
s_read=$work/sample-pages.tsv
head -n "$((${PEER_READABILITY_PAGES:-20} + 1))" "$html" >"$s_read"
js_peer p_sbd sbd "$s_sbd" sbd
js_peer p_comp_sent compromise "$s_comp" compromise-sentences
js_peer p_comp_ent compromise "$s_comp" compromise-entities
js_peer p_comp_quote compromise "$s_comp" compromise-quotes
js_peer p_wink_sent wink-eng-lite-web-model "$s_wink" wink-sentences
js_peer p_wink_ent wink-eng-lite-web-model "$s_wink" wink-entities
js_peer p_read jsdom "$s_read" readability

py=/usr/bin/python3
if ! $py -c 'import nltk' 2>/dev/null; then
	say "installing the Debian package python3-nltk"
	apt_install python3-nltk
fi
punkt_note=""
if $py -c 'import nltk' 2>/dev/null; then
	nltkver=$($py -c 'import nltk; print(nltk.__version__)')
	if $py "$top/bench/peer_punkt.py" </dev/null 2>/dev/null; then
		measure p_punkt 1 "$s_punkt" "$py '$top/bench/peer_punkt.py'"
		punkt_note="NLTK's English model"
	else
		# the English model is not in the Debian package and cannot be downloaded here:
		# Punkt is trained (unsupervised, as Punkt is meant to be) on the 10 MB input
		pk=$work/punkt-$tag.pickle
		if want p_punkt && { [ ! -s "$pk" ] || [ "$small" -nt "$pk" ]; }; then
			say "no Punkt English model installed: training Punkt on $small"
			$py "$top/bench/peer_punkt.py" --train "$small" "$pk" 2>"$work/punkt-train.txt"
		fi
		measure p_punkt 1 "$s_punkt" "$py '$top/bench/peer_punkt.py' --model '$pk'"
		punkt_note="no English model can be downloaded here: trained on the 10 MB corpus ($(sed -n 's/punkt: //p' "$work/punkt-train.txt" 2>/dev/null | head -n 1), not counted)"
	fi
else
	nltkver=""
	want p_punkt && printf 'p_punkt\tUNAVAILABLE\n' >>"$results"
fi
else
	nltkver=""
fi   # peers

# --- the table --------------------------------------------------------------------------
secs=$(($(date +%s) - t_start))
{
printf '# newsfilter benchmark\n\n'
dirty=$(git -C "$top" status --porcelain -- cmd common data 2>/dev/null | head -n 1)
printf -- '- date: %s; commit %s%s\n' "$date_start" "$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?')" \
	"${dirty:+ (the tools were built from the working tree, with changes not yet committed)}"
printf -- '- machine: %s; load average at start %s (the cores are shared: wall times are noisy, user CPU time is what one core does)\n' "$machine" "$load_start"
if [ -n "$shared_texts" ]; then
	made="a third generated by bench/gen_corpus.py from its own templates, the rest the texts of ../shared/eval: PolNeAR docs, CoNLL-2003 dev text, FNC-1 bodies, stance docs, page text of the clean eval"
else
	made="generated by bench/gen_corpus.py from its own templates (no ../shared/eval here)"
fi
printf -- '- main input: %s (%s MB, doc-level TSV: %s)\n' "$(basename "$big")" "$(get sentences 2)" "$made"
printf -- '- HTML input: %s (%s MB, %s pages): %s\n' "$(basename "$html")" "$(get clean_html 2)" "$(get clean_html 3)" "$pages_src"
[ -n "$ptext" ] && printf -- '- copied page text input: %s (%s MB, %s pages): ../shared/eval/clean/pages_text.tsv (the same real pages as a user would copy them from the browser: menus, teasers and footers included), repeated with new ids\n' "$(basename "$ptext")" "$(get clean_ptext 2)" "$(get clean_ptext 3)"
printf -- '- MB/s = input MB / seconds; user = user CPU seconds (all processes of the row), wall = elapsed; RSS = peak resident set (largest process); best of %s runs by user time\n' "$RUNS"
printf -- '- whole bench: %d s\n\n' "$secs"
printf '## newsfilter, one core\n\n'
printf '| tool | input MB | user s | sys s | wall s | MB/s (user) | MB/s (wall) | peak RSS MB | target (issue 8) |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---|\n'
awk -F'\t' -v tgt="$TARGET" '
	BEGIN { n = split("sentences clean clean_ptext clean_html entities quotes stance pipeline", keys, " ")
		name["sentences"] = "sentences"; name["clean"] = "clean (page text)"; name["clean_html"] = "clean (HTML pages)"
		name["clean_ptext"] = "clean (copied page text, real)"; want["clean_ptext"] = 50
		name["entities"] = "entities"; name["quotes"] = "quotes"; name["stance"] = "stance -t \x27" tgt "\x27"
		name["pipeline"] = "clean \\| sentences \\| quotes \\| entities"
		want["sentences"] = 100; want["clean"] = 50; want["entities"] = 30; want["quotes"] = 30; want["stance"] = 20 }
	{ row[$1] = $0 }
	END { for (i = 1; i <= n; i++) { k = keys[i]; if (!(k in row)) continue
		split(row[k], f, "\t")
		if (f[2] == "FAILED") { printf "| %s | FAILED |||||||\n", name[k]; continue }
		u = f[4] < 0.01 ? 0.01 : f[4]; w = f[6] < 0.01 ? 0.01 : f[6]
		t = ""
		if (k in want) t = sprintf("≥ %d MB/s: %s", want[k], f[2] / u >= want[k] ? "met" : "NOT met")
		if (k == "clean_html") t = sprintf("%.0f pages/s (user) ≥ 1000: %s", f[3] / u, f[3] / u >= 1000 ? "met" : "NOT met")
		if (k == "pipeline") t = "user = the 4 processes together; wall uses both cores"
		printf "| %s | %.1f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f | %s |\n", name[k], f[2], f[4], f[5], f[6], f[2] / u, f[2] / w, f[7] / 1024, t } }' "$results"
# shellcheck disable=SC2086
if want_any $peer_keys; then
printf '\n## peers, on the same input (samples of it: every k-th document; MB/s of a sample scaled to the whole input)\n\n'
printf '| task | peer | sample MB | user s | wall s | MB/s (user) | MB/s (wall) | peak RSS MB | %s MB would take (user) | newsfilter MB/s (user) | newsfilter ÷ peer (user) | (wall) |\n' "$MB"
printf '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
awk -F'\t' -v mb="$MB" -v v_sbd="$(npmver sbd)" -v v_comp="$(npmver compromise)" -v v_wink="$(npmver wink-nlp)" \
    -v v_read="$(npmver @mozilla/readability)" -v v_jsdom="$(npmver jsdom)" -v v_nltk="$nltkver" '
	BEGIN { n = split("p_sbd:sentences p_punkt:sentences p_wink_sent:sentences p_comp_sent:sentences p_wink_ent:entities p_comp_ent:entities p_comp_quote:quotes p_read:clean_html", keys, " ")
		peer["p_sbd"] = "npm sbd " v_sbd; peer["p_punkt"] = "NLTK " v_nltk " Punkt (trained here, see below)"
		peer["p_wink_sent"] = "wink-nlp " v_wink " + wink-eng-lite-web-model"; peer["p_wink_ent"] = peer["p_wink_sent"]
		peer["p_comp_sent"] = "compromise " v_comp " sentences()"; peer["p_comp_ent"] = "compromise " v_comp " people/places/organizations()"
		peer["p_comp_quote"] = "compromise " v_comp " quotations()"; peer["p_read"] = "@mozilla/readability " v_read " + jsdom " v_jsdom
		task["sentences"] = "sentences"; task["entities"] = "entities"; task["quotes"] = "quotes"; task["clean_html"] = "clean (HTML pages)" }
	{ row[$1] = $0 }
	END { for (i = 1; i <= n; i++) { split(keys[i], kk, ":"); k = kk[1]; o = kk[2]
		if (!(k in row)) continue
		split(row[k], f, "\t")
		if (f[2] == "FAILED" || f[2] == "UNAVAILABLE") { printf "| %s | %s | %s |||||||||\n", task[o], peer[k], f[2]; continue }
		split(row[o], g, "\t")
		u = f[4] < 0.01 ? 0.01 : f[4]; w = f[6] < 0.01 ? 0.01 : f[6]
		gu = g[4] < 0.01 ? 0.01 : g[4]; gw = g[6] < 0.01 ? 0.01 : g[6]
		extra = k == "p_read" ? sprintf(" (%d pages: %.1f pages/s)", f[3], f[3] / u) : ""
		nf = k == "p_read" ? sprintf("%.1f (%.0f pages/s)", g[2] / gu, g[3] / gu) : sprintf("%.1f", g[2] / gu)
		printf "| %s | %s | %.2f%s | %.2f | %.2f | %.3f | %.3f | %.0f | %.0f s | %s | %.0f× | %.0f× |\n", task[o], peer[k], f[2], extra, f[4], f[6],
			f[2] / u, f[2] / w, f[7] / 1024, mb / (f[2] / u), nf, (g[2] / gu) / (f[2] / u), (g[2] / gw) / (f[2] / w) } }' "$results"
printf '\nThe readability sample is the first %s pages of the HTML input. ' "$(get p_read 3)"
printf 'Peer times include their start-up (user CPU, measured on an empty input: sbd 0.16 s, compromise 0.4 s, wink-nlp 0.3 s, jsdom + readability 0.9 s, Punkt 0.1 s).\n'
printf 'No peer runs quotes of attributed speech the way quotes does (compromise finds quoted spans only) or stance.\n'
printf 'Node peers: user CPU includes V8 helper threads, so user s can exceed wall s. '
printf 'Punkt: %s.\n' "${punkt_note:-unavailable}"
fi
if want_any '*@10' '*@huge'; then
printf '\n## memory: peak RSS on 10 MB and on %s MB of input\n\n' "$HUGE"
printf '10 MB: one copy of each of the about 200 largest distinct documents of the %s MB input (memory is bounded by the largest document) and every k-th of its other documents; %s MB: that 10 MB input repeated with new ids, so both hold the same documents in the same mix.\n\n' "$MB" "$HUGE"
printf '| tool | RSS MB, 10 MB input | RSS MB, %s MB input (the runs above) | RSS MB, %s MB input | difference 10 MB -> %s MB | within 10%% |\n|---|---:|---:|---:|---:|---|\n' "$MB" "$HUGE" "$HUGE"
for t in sentences clean entities quotes stance; do
	a=$(get "$t@10" 7); m=$(get "$t" 7); b=$(get "$t@huge" 7)
	[ -z "$a$m$b" ] && continue
	awk -v t="$t" -v a="$a" -v m="$m" -v b="$b" 'BEGIN { ms = m ~ /^[0-9]/ ? sprintf("%.1f", m / 1024) : m
		if (a !~ /^[0-9]/ || b !~ /^[0-9]/) { printf "| %s | %s | %s | %s | | |\n", t, a, ms, b; exit }
		d = (b - a) / a * 100; printf "| %s | %.1f | %s | %.1f | %+.1f%% | %s |\n", t, a / 1024, ms, b / 1024, d, (d < 10 && d > -10) ? "yes" : "NO" }'
done
fi
} >"$work/results.md"
if [ -z "$ROWS" ]; then
	cp "$work/results.md" "$top/bench/results.md"
else
	say "BENCH_ROWS is set: the table is in $work/results.md only"
fi
cat "$work/results.md"
