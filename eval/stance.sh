#!/bin/sh
# eval/stance.sh - scores stance on ../shared/seeds (gold_stance.tsv) and the actor-level dev set
# (../shared/eval/stance/). Prints rows "tool<TAB>dataset<TAB>metric<TAB>value"; prints nothing
# when the shared data is absent. Env: SHARED (default ../shared), BIN (default bin).
# Matching follows shared/eval/stance/README.md: names lower-cased, possessive 's dropped,
# punctuation folded to spaces; equal, or one contains the other as whole words when the
# shorter has at least 4 characters; each gold row takes at most one prediction; predictions
# matched to UNCLEAR rows are ignored. STANCE_VERBOSE=1 prints the seed table on stderr.
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$top/../shared}
BIN=${BIN:-bin}
case $BIN in /*) ;; *) BIN=$top/$BIN ;; esac
[ -d "$SHARED/seeds" ] && [ -d "$SHARED/eval/stance" ] || exit 0
[ -x "$BIN/stance" ] || { echo "eval/stance.sh: $BIN/stance not built" >&2; exit 1; }
NEWSFILTER_DATA=${NEWSFILTER_DATA:-$top/data}; export NEWSFILTER_DATA
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# seeds: through clean when it exists, else each file as one escaped text field
for f in "$SHARED"/seeds/seed-*.txt; do
	id=$(basename "$f" .txt)
	if [ -x "$BIN/clean" ]; then
		"$BIN/clean" "$f" 2>/dev/null | awk -F'\t' -v id="$id" 'NR==1 { for (i = 1; i <= NF; i++) if ($i == "text") c = i; next }
			c { print id "\t" $c }'
	else
		printf '%s\t' "$id"; sed 's/\\/\\\\/g; s/\t/\\t/g' "$f" | awk '{ printf "%s\\n", $0 }'; echo
	fi
done | { printf 'id\ttext\n'; cat; } >"$tmp/seeds.tsv"
tail -n +2 "$SHARED/seeds/gold_stance.tsv" | cut -f2 | sort -u | awk '{ print $0 "\texpand\t" $0 }' >"$tmp/seed_targets"
"$BIN/stance" -T "$tmp/seed_targets" "$tmp/seeds.tsv" >"$tmp/seed_out" || echo "eval/stance.sh: stance failed on seeds" >&2

# dev: documents with a header row, and every document's own target
{ printf 'id\ttext\n'; cat "$SHARED/eval/stance/docs.tsv"; } >"$tmp/dev.tsv"
cut -f2 "$SHARED/eval/stance/targets.tsv" | sort -u | awk '{ print $0 "\texpand\t" $0 }' >"$tmp/dev_targets"
"$BIN/stance" -T "$tmp/dev_targets" "$tmp/dev.tsv" >"$tmp/dev_out" || echo "eval/stance.sh: stance failed on dev" >&2
# speed: the dev documents 40 times over (about 2.3 MB), each with its own target
{ printf 'id\ttext\n'; for i in $(seq 40); do cat "$SHARED/eval/stance/docs.tsv"; done; } >"$tmp/speed.tsv"
t0=$(date +%s.%N)
"$BIN/stance" -T "$tmp/dev_targets" "$tmp/speed.tsv" >/dev/null
t1=$(date +%s.%N)

python3 - "$SHARED" "$tmp" "$t0" "$t1" <<'PY'
import sys, re, os, random
shared, tmp, t0, t1 = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])

def unesc(s):
    return re.sub(r'\\(.)', lambda m: {'t': '\t', 'n': '\n', '\\': '\\', 'r': '\r'}.get(m.group(1), m.group(0)), s)

def norm(s):
    s = s.lower().replace('\u2019', "'")
    s = re.sub(r"'s\b", '', s)
    s = re.sub(r'[^\w\s]', ' ', s)
    return ' '.join(s.split())

def match(pred, aliases):
    p = norm(pred)
    best = 0
    for a in aliases:
        a = norm(a)
        if not a or not p:
            continue
        if a == p:
            return 2
        short, long_ = (a, p) if len(a) <= len(p) else (p, a)
        if len(short) >= 4 and re.search(r'(^| )' + re.escape(short) + r'( |$)', long_):
            best = 1
    return best

def read_out(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            v = [unesc(x) for x in line.rstrip('\n').split('\t')]
            rows.append(dict(zip(head, v)))
    return rows

def pair(preds, golds):
    """preds: list of dicts(actor); golds: list of dicts(aliases). Returns {gold index: pred index}."""
    m = {}
    used = set()
    for level in (2, 1):
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            for gi, g in enumerate(golds):
                if gi in m:
                    continue
                if match(p['actor'], g['aliases']) >= level:
                    m[gi] = pi
                    used.add(pi)
                    break
    return m

def emit(ds, metric, value):
    print('stance\t%s\t%s\t%s' % (ds, metric, value))

# ---- seeds ----
gold = []
with open(os.path.join(shared, 'seeds', 'gold_stance.tsv'), encoding='utf-8') as f:
    f.readline()
    for line in f:
        d, t, a, af, st, ev = line.rstrip('\n').split('\t')[:6]
        gold.append(dict(doc=d, target=t, aliases=[a], affil=af, stance=st))
out = read_out(os.path.join(tmp, 'seed_out'))
found = right = aff = 0
table = []
for key in sorted(set((g['doc'], g['target']) for g in gold)):
    gs = [g for g in gold if (g['doc'], g['target']) == key]
    ps = [p for p in out if (p['id'], p['target']) == key]
    m = pair(ps, gs)
    for gi, g in enumerate(gs):
        p = ps[m[gi]] if gi in m else None
        found += p is not None
        ok = p is not None and p['stance'] == g['stance']
        right += ok
        aok = p is not None and norm(p['affiliation']) == norm(g['affil'])
        aff += aok
        table.append('%s\t%s\t%s\t%s/%s\t%s/%s' % (g['doc'], g['target'], g['aliases'][0],
                     p['stance'] if p else '-', g['stance'], p['affiliation'] if p else '-', g['affil']))
if os.environ.get('STANCE_VERBOSE'):
    sys.stderr.write('\n'.join(table) + '\n')
n = len(gold)
emit('seeds', 'actors_found', '%d/%d' % (found, n))
emit('seeds', 'stance_right', '%d/%d' % (right, n))
emit('seeds', 'affiliation_right', '%d/%d' % (aff, n))

# ---- dev (actor level) ----
edir = os.path.join(shared, 'eval', 'stance')
gold = []
with open(os.path.join(edir, 'gold.tsv'), encoding='utf-8') as f:
    for line in f:
        v = [unesc(x) for x in line.rstrip('\n').split('\t')]
        if len(v) >= 4:
            gold.append(dict(doc=v[0], aliases=v[1].split('|'), target=v[2], stance=v[3]))
targets = {}
with open(os.path.join(edir, 'targets.tsv'), encoding='utf-8') as f:
    for line in f:
        v = [unesc(x) for x in line.rstrip('\n').split('\t')]
        targets.setdefault(v[0], set()).add(v[1])
out = [p for p in read_out(os.path.join(tmp, 'dev_out')) if p['target'] in targets.get(p['id'], ())]
docs = sorted(set(g['doc'] for g in gold))

def score(docs):
    tp = npred = ngold = right = matched = 0
    conf = {}
    pred_lab = {}
    for d in docs:
        for t in targets.get(d, ()):
            gs = [g for g in gold if g['doc'] == d and g['target'] == t]
            ps = [p for p in out if p['id'] == d and p['target'] == t]
            m = pair(ps, gs)
            unclear_preds = set(pi for gi, pi in m.items() if gs[gi]['stance'] == 'UNCLEAR')
            npred += len(ps) - len(unclear_preds)
            for gi, g in enumerate(gs):
                if g['stance'] == 'UNCLEAR':
                    continue
                ngold += 1
                lab = ps[m[gi]]['stance'] if gi in m else 'NONE'
                pred_lab[(d, t, gi)] = (g['stance'], lab)
                if gi in m:
                    matched += 1
                    right += lab == g['stance']
                conf[(g['stance'], lab)] = conf.get((g['stance'], lab), 0) + 1
    f1s = []
    for c in ('FAVOR', 'AGAINST'):
        tp_c = sum(v for (g, p), v in conf.items() if g == c and p == c)
        pp = sum(v for (g, p), v in conf.items() if p == c)
        gg = sum(v for (g, p), v in conf.items() if g == c)
        pr = tp_c / pp if pp else 0
        rc = tp_c / gg if gg else 0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0)
    return dict(P=matched / npred if npred else 0, R=matched / ngold if ngold else 0,
                acc=right / matched if matched else 0, favg=sum(f1s) / 2, conf=conf,
                matched=matched, ngold=ngold, npred=npred, right=right)

s = score(docs)
emit('dev', 'actor_precision', '%.3f' % s['P'])
emit('dev', 'actor_recall', '%.3f (%d/%d)' % (s['R'], s['matched'], s['ngold']))
emit('dev', 'stance_accuracy', '%.3f (%d/%d)' % (s['acc'], s['right'], s['matched']))
emit('dev', 'F_avg', '%.3f' % s['favg'])
random.seed(1)
accs, recs = [], []
for _ in range(500):
    b = [random.choice(docs) for _ in docs]
    r = score(b)
    accs.append(r['acc']); recs.append(r['R'])
accs.sort(); recs.sort()
emit('dev', 'stance_accuracy_ci95', '%.2f-%.2f' % (accs[12], accs[487]))
emit('dev', 'actor_recall_ci95', '%.2f-%.2f' % (recs[12], recs[487]))
labs = ['FAVOR', 'AGAINST', 'NEUTRAL', 'NONE']
for g in labs[:3]:
    emit('dev', 'confusion_' + g, ' '.join('%s=%d' % (p, s['conf'].get((g, p), 0)) for p in labs))
size = os.path.getsize(os.path.join(tmp, 'speed.tsv'))
emit('dev', 'MB_per_s_all_20_targets', '%.1f' % (size / 1e6 / max(t1 - t0, 1e-6)))
PY
