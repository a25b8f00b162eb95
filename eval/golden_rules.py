#!/usr/bin/env python3
"""Scores bin/sentences on the Golden Rules TSV given as argv[1] (format in its README).
Prints failures on stderr and 'passed N/M' on stdout. Extra args are passed to sentences."""
import os, subprocess, sys

def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s) and s[i+1] in 'tnr\\':
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}[s[i+1]]); i += 2
        else:
            out.append(s[i]); i += 1
    return ''.join(out)

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')][1:]
inp = 'id\ttext\n' + ''.join(f'{r[0]}\t{r[1]}\n' for r in rows)
out = subprocess.run([os.environ.get('SENTENCES', 'bin/sentences')] + sys.argv[2:], input=inp, capture_output=True, text=True).stdout
got = {}
lines = out.split('\n')
hdr = lines[0].split('\t')
for l in lines[1:]:
    if not l: continue
    f = l.split('\t')
    got.setdefault(f[hdr.index('id')], []).append(unesc(f[hdr.index('text')]).strip())
ok = 0
for r in rows:
    exp = [s.strip() for s in unesc(r[2]).split('\n')]
    if got.get(r[0], []) == exp:
        ok += 1
    else:
        print(f'rule {r[0]} FAILED\n  want {exp}\n  got  {got.get(r[0])}', file=sys.stderr)
print(f'passed {ok}/{len(rows)}')
