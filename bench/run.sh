#!/bin/sh
# make bench: throughput (MB/s of input) and peak RSS of each newsfilter tool in $BIN, the
# pipeline, and the sentence-splitting peers (npm sbd, NLTK Punkt) on the same input.
# Not a test: it prints a table. Environment:
#   BIN (default bin), BUILD (default build: for the splitter-only timer), SHARED (../shared),
#   BENCH_MB  size of the main input (default 100), used for sentences;
#   SLICE_MB  size of the input for the peers, the other tools and the pipeline (default 20);
#   BENCH_NO_INSTALL=1  do not install anything (peers missing are reported as unavailable).
# The inputs are built once into bench/work/ (git-ignored); peers go into bench/peers/.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
case ${BUILD:-build} in /*) build=$BUILD;; *) build=$top/${BUILD:-build};; esac
SHARED=${SHARED:-$top/../shared}
MB=${BENCH_MB:-100}
SLICE=${SLICE_MB:-20}
work=$top/bench/work
peers=$top/bench/peers
NEWSFILTER_DATA=${NEWSFILTER_DATA:-$top/data}
export NEWSFILTER_DATA
mkdir -p "$work" "$peers"
say() { echo "bench: $*" >&2; }

can_install() { [ -z "${BENCH_NO_INSTALL:-}" ] && [ "$(id -u)" = 0 ]; }
apt_once=""
apt_install() {   # debian-package
	can_install || return 1
	[ -n "$apt_once" ] || { apt-get update -qq >/dev/null 2>&1; apt_once=1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1
}

# GNU time gives the peak RSS (%M, KB)
if [ ! -x /usr/bin/time ]; then
	say "installing the Debian package time"
	apt_install time || { say "/usr/bin/time missing: run apt-get install -y time"; exit 1; }
fi

# --- inputs -----------------------------------------------------------------------------
shared_texts=""
if [ -d "$SHARED/eval" ]; then
	for f in quotes/docs.tsv entities/conll2003_dev_detok_text.tsv stance/fnc1/docs.tsv \
		 stance/docs.tsv clean/pages_text.tsv; do
		[ -f "$SHARED/eval/$f" ] && shared_texts="$shared_texts $SHARED/eval/$f"
	done
fi
tag=own; [ -n "$shared_texts" ] && tag=mixed
corpus() {   # MB -> path (built when missing or older than the generator)
	p=$work/news-$tag-$1mb.tsv
	if [ ! -s "$p" ] || [ "$top/bench/gen_corpus.py" -nt "$p" ]; then
		say "building $p"
		# shellcheck disable=SC2086
		python3 "$top/bench/gen_corpus.py" "$1" $shared_texts >"$p.tmp" && mv "$p.tmp" "$p"
	fi
	echo "$p"
}
big=$(corpus "$MB")
slice=$(corpus "$SLICE")
small=$(corpus 10)
say "inputs: $big, $slice${shared_texts:+ (own texts plus ../shared/eval texts)}"

# --- measuring --------------------------------------------------------------------------
# Each row: name, input MB, wall seconds, CPU seconds (user + system, all processes of the
# command), MB/s of CPU time (what one core does; wall time suffers when the machine is
# shared), MB/s of wall time, peak RSS MB. The best of RUNS runs (by CPU time) is kept.
results=$work/results.tsv
: >"$results"
printf '%-44s %8s %8s %8s %9s %9s %8s\n' "what" "input_MB" "wall_s" "cpu_s" "MB/s_cpu" "MB/s_wall" "RSS_MB"
measure() {   # runs name input command...
	runs=$1 name=$2 in=$3; shift 3
	: >"$work/times.out"
	r=0
	while [ "$r" -lt "$runs" ]; do
		r=$((r + 1))
		if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time.out" sh -c "$*" <"$in" >"$work/out.tsv" 2>"$work/err.txt"; then
			printf '%-44s %s\n' "$name" "FAILED: $(grep -v '^Command exited' "$work/err.txt" | tail -n 1)"
			return 1
		fi
		tail -n 1 "$work/time.out" >>"$work/times.out"
	done
	sort -k2,2g "$work/times.out" | awk -v name="$name" -v bytes="$(wc -c <"$in")" -v res="$results" '
		{ c = $2 + $3; t[NR] = $0; cpu[NR] = c }
		END { best = 1; for (i = 2; i <= NR; i++) if (cpu[i] < cpu[best]) best = i
		  split(t[best], f, " "); c = cpu[best] < 0.01 ? 0.01 : cpu[best]; w = f[1] < 0.01 ? 0.01 : f[1]
		  mb = bytes / 1e6
		  printf "%-44s %8.1f %8.2f %8.2f %9.1f %9.1f %8.1f\n", name, mb, f[1], cpu[best], mb / c, mb / w, f[4] / 1024
		  printf "%s\t%.3f\t%.1f\n", name, mb / c, f[4] / 1024 >> res }'
}
rate() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$results"; }

if [ ! -x "$bin/sentences" ]; then
	say "$bin/sentences not found: run make first"
	exit 1
fi
RUNS=${BENCH_RUNS:-3}
measure "$RUNS" "sentences (${MB} MB)" "$big" "'$bin/sentences'"
measure "$RUNS" "sentences (10 MB, memory flatness)" "$small" "'$bin/sentences'"
measure "$RUNS" "sentences --join-lines (${MB} MB)" "$big" "'$bin/sentences' --join-lines"
measure "$RUNS" "sentences (${SLICE} MB)" "$slice" "'$bin/sentences'"
if [ -f "$build/libnewsfilter.a" ]; then
	cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Icommon -o "$work/split_speed" bench/split_speed.c \
		"$build/libnewsfilter.a" -lcsv -lpcre2-8 -lutf8proc -lxml2 -lm 2>"$work/err.txt" &&
		for r in 1 2 3; do "$work/split_speed" "$big"; done | sort -t "$(printf '\t')" -k2,2g | head -n 1 |
		awk -F'\t' '{ printf "%-44s %8.1f %8s %8.2f %9.1f %9s %8s\n",
			"nf_split alone, in memory (no record I/O)", $1, "-", $2, $1 / $2, "-", "-" }'
fi
for t in clean entities quotes; do
	[ -x "$bin/$t" ] && measure 1 "$t (${SLICE} MB)" "$slice" "'$bin/$t'"
done
[ -x "$bin/stance" ] && measure 1 "stance -t 'the tram line' (${SLICE} MB)" "$slice" "'$bin/stance' -t 'the tram line'"
if [ -x "$bin/clean" ] && [ -x "$bin/quotes" ] && [ -x "$bin/entities" ]; then
	measure 1 "clean|sentences|quotes|entities (${SLICE} MB)" "$slice" \
		"'$bin/clean' | '$bin/sentences' | '$bin/quotes' | '$bin/entities'"
fi

# --- peers ------------------------------------------------------------------------------
if [ ! -d "$peers/node_modules/sbd" ] && command -v npm >/dev/null && [ -z "${BENCH_NO_INSTALL:-}" ]; then
	say "installing npm sbd into $peers"
	npm install --prefix "$peers" --no-audit --no-fund --silent sbd >/dev/null 2>&1
fi
if [ -d "$peers/node_modules/sbd" ] && command -v node >/dev/null; then
	ver=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$peers/node_modules/sbd/package.json" | head -n 1)
	NODE_PATH=$peers/node_modules; export NODE_PATH
	measure 1 "peer: npm sbd $ver (${SLICE} MB)" "$slice" "node '$top/bench/peer_sbd.js'"
else
	printf '%-44s %s\n' "peer: npm sbd" "unavailable (npm install sbd failed or no node)"
fi
py=/usr/bin/python3
if ! $py -c 'import nltk' 2>/dev/null; then
	say "installing the Debian package python3-nltk"
	apt_install python3-nltk
fi
if $py -c 'import nltk' 2>/dev/null; then
	nver=$($py -c 'import nltk; print(nltk.__version__)')
	# the English model is not in the Debian package; without it Punkt is trained on the
	# 10 MB input (training time not counted in the row below, it is shown separately)
	if $py "$top/bench/peer_punkt.py" </dev/null 2>/dev/null; then
		measure 1 "peer: NLTK $nver Punkt, English model (${SLICE} MB)" "$slice" "$py '$top/bench/peer_punkt.py'"
	else
		# the English model is not in the Debian package and may not be downloadable here:
		# train Punkt on the 10 MB input (training time is not in the row, it is shown)
		pk=$work/punkt-$tag.pickle
		if [ ! -s "$pk" ] || [ "$small" -nt "$pk" ]; then
			say "no Punkt English model installed: training Punkt on $small"
			$py "$top/bench/peer_punkt.py" --train "$small" "$pk" 2>&1 | sed 's/^/bench: /' >&2
		fi
		measure 1 "peer: NLTK $nver Punkt, trained here (${SLICE} MB)" "$slice" "$py '$top/bench/peer_punkt.py' --model '$pk'"
	fi
else
	printf '%-44s %s\n' "peer: NLTK Punkt" "unavailable (python3-nltk not installed)"
fi

# --- ratios -----------------------------------------------------------------------------
ours=$(rate "sentences (${SLICE} MB)")
awk -F'\t' -v ours="$ours" 'index($1, "peer:") == 1 && $2 > 0 {
	printf "ratio (CPU time): sentences %.1f MB/s vs %s %.2f MB/s = %.0fx faster; peer RSS %s MB\n", ours, substr($1, 7), $2, ours / $2, $3 }' "$results"
