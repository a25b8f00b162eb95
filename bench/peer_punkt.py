#!/usr/bin/python3
"""Peer: NLTK Punkt over a newsfilter TSV (id, text) on stdin; one output line per sentence.
Each paragraph (line of the text) is tokenized on its own, as newsfilter's sentences does.

  peer_punkt.py                     use NLTK's English Punkt model (exit 3 when not installed)
  peer_punkt.py --model PICKLE      use a tokenizer trained by --train
  peer_punkt.py --train TSV PICKLE  train Punkt on the texts of TSV, save it, exit"""
import pickle, sys, time

def unesc(s):
    return s.replace('\\\\', '\0').replace('\\t', '\t').replace('\\n', '\n').replace('\\r', '\r').replace('\0', '\\')

def english():
    import nltk
    try:
        return nltk.data.load('tokenizers/punkt/english.pickle')
    except Exception:
        from nltk.tokenize import PunktTokenizer   # NLTK >= 3.8.2 (punkt_tab)
        return PunktTokenizer('english')

def main():
    a = sys.argv[1:]
    if a[:1] == ['--train']:
        from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer
        t0 = time.time()
        with open(a[1], encoding='utf-8') as f:
            next(f, None)
            text = '\n'.join(unesc(l.rstrip('\n').split('\t', 1)[-1]) for l in f)
        tr = PunktTrainer()
        tr.INCLUDE_ALL_COLLOCS = True
        tr.train(text, finalize=True)
        with open(a[2], 'wb') as f:
            pickle.dump(PunktSentenceTokenizer(tr.get_params()), f)
        print('punkt: trained on %.1f MB in %.1f s' % (len(text) / 1e6, time.time() - t0), file=sys.stderr)
        return
    if a[:1] == ['--model']:
        with open(a[1], 'rb') as f:
            tok = pickle.load(f)
    else:
        try:
            tok = english()
        except Exception as e:
            print('punkt: no English model: %s' % e, file=sys.stderr)
            sys.exit(3)
    out, inp = sys.stdout, sys.stdin
    hdr = inp.readline().rstrip('\n').split('\t')
    col = hdr.index('text') if 'text' in hdr else 1
    n = 0
    for line in inp:
        f = line.rstrip('\n').split('\t')
        if len(f) <= col:
            continue
        for para in unesc(f[col]).split('\n'):
            for s in tok.tokenize(para):
                out.write(f[0] + '\t' + s + '\n')
                n += 1
    print('punkt: %d sentences' % n, file=sys.stderr)

main()
