#!/bin/sh
# Scores quotes on the seeds (../shared/seeds/gold_quotes.tsv) and on PolNeAR
# (../shared/eval/quotes, with its own score.py): prints "quotes<TAB>dataset<TAB>metric<TAB>value"
# rows; prints nothing when ../shared is absent.
# BIN: the binaries directory (default bin); SHARED: the shared directory; SPLIT: PolNeAR split
# to score (default dev; "all" for train + dev).
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$top/../shared}
[ -f "$SHARED/seeds/gold_quotes.tsv" ] || exit 0
case ${BIN:-bin} in /*) bin=$BIN;; *) bin=$top/${BIN:-bin};; esac
NEWSFILTER_DATA=${NEWSFILTER_DATA:-$top/data}
export NEWSFILTER_DATA
[ -x "$bin/quotes" ] || { echo "quotes: $bin/quotes not built" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# -- seeds: clean | sentences | quotes when clean works, else the raw text as one record
for f in "$SHARED"/seeds/seed-*.txt; do
	id=$(basename "$f" .txt)
	if [ -x "$bin/clean" ] && "$bin/clean" "$f" >"$tmp/c.tsv" 2>/dev/null && [ "$(wc -l <"$tmp/c.tsv")" -gt 1 ]; then
		"$bin/sentences" "$tmp/c.tsv" | "$bin/quotes" | awk -F'\t' -v OFS='\t' -v id="$id" 'NR > 1 { $1 = id } { print }'
	else
		{ printf 'id\ttext\n%s\t' "$id"; sed 's/\\/\\\\/g; s/\t/\\t/g' "$f" | awk '{ printf "%s%s", (NR > 1 ? "\\n" : ""), $0 }'; echo; } |
			"$bin/quotes"
	fi | { [ "$id" = seed-000 ] && cat || tail -n +2; }
done >"$tmp/seeds.tsv"

python3 - "$SHARED/seeds/gold_quotes.tsv" "$tmp/seeds.tsv" <<'EOF'
import sys, re
def rows(p):
    L = [l.rstrip('\n').split('\t') for l in open(p, encoding='utf-8') if l.strip()]
    un = lambda s: re.sub(r'\\(.)', lambda m: {'t': '\t', 'n': '\n', 'r': '\r'}.get(m.group(1), m.group(1)), s)
    return [dict(zip(L[0], map(un, r))) for r in L[1:]]
def norm(s):
    s = s.replace('\u2019', "'").lower()
    return re.sub(r'\s+', ' ', s).strip(' ,.;:!?\'"\u201c\u201d')
def toks(s):
    return set(re.findall(r"[a-z0-9']+", norm(s)))
gold, pred = rows(sys.argv[1]), rows(sys.argv[2])
dq = dqs = ind = inds = ng = ni = 0
for g in gold:
    P = [p for p in pred if p['id'] == g['doc_id']]
    if g['type'] in ('direct', 'partial'):
        ng += 1
        hit = [p for p in P if p['type'] in ('direct', 'partial') and norm(g['quote']) in norm(p['text'])]
        dq += bool(hit)
        dqs += any(p['speaker'] == g['speaker'] for p in hit)
    else:
        ni += 1
        gt = toks(g['quote'])
        hit = [p for p in P if p['type'] == 'indirect' and len(gt & toks(p['text'])) >= 0.5 * max(len(gt), len(toks(p['text'])))]
        ind += bool(hit)
        inds += any(p['speaker'] == g['speaker'] for p in hit)
extra = sum(1 for p in pred if p['type'] in ('direct', 'partial') and not any(
    g['doc_id'] == p['id'] and g['type'] != 'indirect' and norm(g['quote']) in norm(p['text']) for g in gold))
print(f"quotes\tseeds\tquoted_found\t{dq}/{ng}")
print(f"quotes\tseeds\tquoted_speaker_right\t{dqs}/{ng}")
print(f"quotes\tseeds\tquoted_extra\t{extra}")
print(f"quotes\tseeds\tindirect_found\t{ind}/{ni}")
print(f"quotes\tseeds\tindirect_speaker_right\t{inds}/{ni}")
EOF

# -- PolNeAR
d=$SHARED/eval/quotes
[ -f "$d/docs.tsv" ] || exit 0
split=${SPLIT:-dev}
sopt="--split $split"; [ "$split" = all ] && sopt=
# the whole tool (sentence splitting and entities included), in CPU seconds of one core, so
# a loaded machine does not change the figure
python3 - "$bin/quotes" "$d/docs.tsv" "$tmp/pn.tsv" <<'EOF2' || exit 1
import os, resource, subprocess, sys
with open(sys.argv[3], 'wb') as out:
    r = subprocess.run([sys.argv[1], '--id', 'doc_id', sys.argv[2]], stdout=out)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"quotes\tpolnear_docs\tMB_per_cpu_s\t{os.path.getsize(sys.argv[2]) / 1e6 / (u.ru_utime + u.ru_stime):.1f}")
sys.exit(r.returncode)
EOF2
# the scorer compares speakers with the mention in the text (its gold has no canonical names)
# PolNeAR's content of a partial quote is the reported clause around it (content_start/end);
# several partial quotes of one clause are one attribution. Predictions are put with the quotes
# or with indirect speech as the gold is (by the quote marks in the text): a direct row with no
# mark before it and none inside (a transcript turn "HOLM: We ...") is scored as indirect.
python3 - "$d/docs.tsv" "$tmp/pn.tsv" "$tmp/q.tsv" "$tmp/i.tsv" <<'EOF3'
import re, sys
un = lambda s: re.sub(r'\\(.)', lambda m: {'t': '\t', 'n': '\n', 'r': '\r'}.get(m.group(1), m.group(1)), s)
docs = {}
for l in open(sys.argv[1], encoding='utf-8'):
    f = l.rstrip('\n').split('\t')
    docs[f[0]] = un(f[1]).encode()
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[2], encoding='utf-8')]
col = {n: k for k, n in enumerate(rows[0])}
marks = '"\'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u2039\u203a'
out = {k: open(p, 'w', encoding='utf-8') for k, p in (('q', sys.argv[3]), ('i', sys.argv[4]))}
for o in out.values():
    o.write('doc_id\tquote\tspeaker\tquote_spans\n')
seen = set()
for r in rows[1:]:
    get = lambda n: r[col[n]]
    d, typ, spk = get('id'), get('type'), get('mention') or get('speaker')
    spans, to = get('spans'), 'i'
    if typ == 'direct':
        s = int(get('start'))
        marked = any(m in docs[d][max(0, s - 4):s].decode('utf-8', 'ignore') for m in marks)
        to = 'q' if marked or any(m in un(get('text')) for m in '"\u201c\u201d\u201e\u00ab\u00bb') else 'i'
    elif typ == 'partial':
        key = (d, get('content_start'), get('content_end'))
        if key in seen:
            continue
        seen.add(key)
        to, spans = 'q', get('content_start') + '-' + get('content_end')
    elif typ != 'indirect':
        continue
    out[to].write('\t'.join((d, get('text'), spk, spans)) + '\n')
EOF3
# gold "indirect" rows holding NYT '' marks are direct quotes (the README derives the type from
# double-quote characters only); they are scored with the quotes, not as indirect speech
awk -F'\t' 'NR == 1 || ($5 == "indirect" && index($2, "'"''"'") == 0)' "$d/gold.tsv" >"$tmp/gold_ind.tsv"
cp "$d/meta.tsv" "$tmp/meta.tsv"
python3 "$d/score.py" "$d/docs.tsv" "$d/gold.tsv" "$tmp/q.tsv" $sopt >"$tmp/sq" 2>&1
python3 "$d/score.py" "$d/docs.tsv" "$tmp/gold_ind.tsv" "$tmp/i.tsv" $sopt >"$tmp/si" 2>&1
python3 - "$tmp/sq" "$tmp/si" "$split" <<'EOF'
import sys, re
def get(path, line, key):
    for l in open(path):
        if l.startswith(line):
            m = re.search(r'\b' + re.escape(key) + r'=([0-9.]+)', l)
            if m:
                return m.group(1)
    return 'error'
q, i, s = sys.argv[1], sys.argv[2], 'polnear_' + sys.argv[3]
print(f"quotes\t{s}\tquoted_P\t{get(q, 'overlap', 'P')}")
print(f"quotes\t{s}\tquoted_R\t{get(q, 'overlap', 'R_quoted')}")
print(f"quotes\t{s}\tdirect_R\t{get(q, 'overlap', 'R_direct')}")
print(f"quotes\t{s}\tspeaker_loose\t{get(q, 'speaker', 'loose')}")
print(f"quotes\t{s}\tindirect_P\t{get(i, 'overlap', 'P')}")
print(f"quotes\t{s}\tindirect_R\t{get(i, 'overlap', 'R_all')}")
print(f"quotes\t{s}\tindirect_speaker_loose\t{get(i, 'speaker', 'loose')}")
EOF
