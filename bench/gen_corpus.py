#!/usr/bin/env python3
"""Writes a news-like document-level TSV (id, text) of at least MB megabytes to stdout.

usage: gen_corpus.py MB [SHARED_TSV...]
       gen_corpus.py --html MB     HTML pages (id, html) of the own documents, with navigation,
                                   scripts, share buttons, related links and a footer around them

A third of it (all of it when no SHARED_TSV is given) is generated from this file's own
sentence templates (headlines, titles, initials, money, quotes with attributions, lists,
URLs, ellipses); the rest cycles the text column of the given TSV files (doc_id<TAB>text,
already escaped), each document renumbered. Deterministic (fixed seed)."""
import random
import sys

FIRST = ["Ana", "Tomas", "Greta", "Jonas", "Elena", "Priya", "Kwame", "Mei", "Oskar", "Lucia",
         "Farid", "Ingrid", "Mateo", "Yusuf", "Hana", "Pavel", "Chloe", "Dmitri", "Amara", "Leif"]
LAST = ["Brandt", "Reyes", "Olsen", "Lindqvist", "Okafor", "Ruiz", "Marsh", "Kowalski", "Tan",
        "Haddad", "Novak", "Fischer", "Moreau", "Silva", "Ahmed", "Berg", "Costa", "Ivanova"]
TITLE = ["Sen.", "Rep.", "Gov.", "Gen.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Lt. Col.", "Adm."]
ROLE = ["Transport Minister", "Mayor", "Councillor", "Defence Secretary", "Finance Minister",
        "chief executive", "spokeswoman", "union leader", "Foreign Minister"]
ORG = ["Halden Co.", "Ferro Corp.", "Wexford Univ.", "Acme Inc.", "Norrland Ltd.", "the U.N.",
       "the U.S. Treasury", "the E.U. Commission", "Riverton Transit Authority"]
PLACE = ["Riverton", "Kell Harbour", "St. Louis", "Ft. Worth", "Mt. Vernon", "Brussels", "Kyiv",
         "Wash.", "Calif.", "the U.K.", "the U.S."]
MONTH = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "March", "April", "June"]
VERB = ["said", "told reporters", "added", "insisted", "warned", "stated", "wrote", "argued"]
TOPIC = ["the tram line", "the budget", "the ceasefire", "the new bridge", "the tax plan",
         "the harbour expansion", "the rail strike", "the water supply", "the election law"]


def name(r):
    n = r.choice(FIRST) + " "
    if r.random() < 0.25:
        n += r.choice("ABCDEFGHJKLMNPRSTW") + ". "
    return n + r.choice(LAST)


def money(r):
    return r.choice(["$", "€", "£"]) + f"{r.randint(1, 999)}.{r.randint(1, 9)} " + r.choice(["million", "billion"])


def sentence(r):
    k = r.randrange(16)
    if k == 0:
        return f"{r.choice(TITLE)} {name(r)} met {r.choice(ROLE)} {name(r)} in {r.choice(PLACE)} on {r.choice(MONTH)} {r.randint(1, 28)}."
    if k == 1:
        return f"“We will not give up on {r.choice(TOPIC)},” {name(r)} {r.choice(VERB)}."
    if k == 2:
        return f"“{r.choice(TOPIC).capitalize()} will cost {money(r)}.” {r.choice(ROLE).title()} {name(r)} said on {r.choice(['Monday', 'Friday', 'Sunday'])}."
    if k == 3:
        return f"{r.choice(ORG)} said revenue rose {r.randint(1, 40)}.{r.randint(0, 9)}% to {money(r)} in the quarter."
    if k == 4:
        return f"The vote at {r.randint(1, 11)} p.m. ended {r.randint(20, 60)}-{r.randint(1, 19)}, according to {r.choice(ORG)}"
    if k == 5:
        return f"Read the full report at www.{r.choice(LAST).lower()}-news.org/{r.randint(100, 999)}.html or write to desk@example.org."
    if k == 6:
        return f"Critics (including {name(r)}) called {r.choice(TOPIC)} “a mistake.” Others were less sure . . . for now."
    if k == 7:
        return f"Asked whether {r.choice(TOPIC)} would survive, {name(r)} paused... Then {r.choice(['she', 'he'])} laughed."
    if k == 8:
        return f"At {r.randint(5, 11)} a.m. {r.choice(TITLE)} {r.choice(LAST)} arrived with No. {r.randint(2, 9)} on the list."
    if k == 9:
        return f"Is {r.choice(TOPIC)} worth it? Many residents in {r.choice(PLACE)} think so!"
    if k == 10:
        return f"1. Fund {r.choice(TOPIC)} 2. Hire {r.randint(10, 500)} staff 3. Report back by {r.choice(MONTH)} {r.randint(1, 28)}"
    if k == 11:
        return f"The {r.choice(['council', 'committee', 'board'])} approved {r.choice(TOPIC)} after a {r.randint(2, 9)}-hour debate in {r.choice(PLACE)}."
    if k == 12:
        return f"{name(r)}, {r.randint(25, 80)}, a former {r.choice(ROLE)}, has lived in {r.choice(PLACE)} since {r.randint(1960, 2020)}."
    if k == 13:
        return f"“Are we ready?” {r.choice(['she', 'he'])} asked. “Not yet.”"
    if k == 14:
        return f"Shares of {r.choice(ORG)} fell {r.randint(1, 9)}.{r.randint(10, 99)} percent, to {money(r)}, in early trading."
    return f"{r.choice(ROLE).capitalize()} {name(r)} {r.choice(VERB)} that {r.choice(TOPIC)} was “the right choice for {r.choice(PLACE)}.”"


def document(r):
    paras = [f"{r.choice(TOPIC).capitalize()} divides {r.choice(PLACE)}"]
    if r.random() < 0.5:
        paras.append(f"By {name(r)}")
    for _ in range(r.randint(4, 14)):
        paras.append(" ".join(sentence(r) for _ in range(r.randint(1, 5))))
    return "\\n".join(paras)


def page(r, doc_id, doc):
    paras = doc.split("\\n")
    title = paras[0]
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in
                  ["World", "Politics", "Business", "Tech", "Sport", "Opinion", "Weather"])
    related = "".join(f'<li><a href="/story/{r.randint(1000, 9999)}">{TOPIC[r.randrange(len(TOPIC))].capitalize()}'
                      f' divides {r.choice(PLACE)}</a></li>' for _ in range(6))
    body = "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in paras[1:])
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Riverton Ledger</title>'
            f'<meta name="description" content="{title}."><meta property="og:title" content="{title}">'
            f'<meta name="author" content="{name(r)}"><link rel="stylesheet" href="/s.css">'
            '<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>'
            f'</head><body><header><a class="logo" href="/">The Riverton Ledger</a><nav><ul>{nav}</ul></nav>'
            '<form action="/search"><input name="q" placeholder="Search"></form></header>'
            f'<main><article><h1>{title}</h1><time datetime="2026-0{r.randint(1, 9)}-1{r.randint(0, 9)}">'
            f'{r.choice(MONTH)} {r.randint(1, 28)}, 2026</time>{body}'
            '<div class="share">Share on Facebook Share on X Email</div></article>'
            f'<aside><h2>Most read</h2><ul>{related}</ul></aside></main>'
            '<div class="newsletter">Sign up for our morning newsletter. Subscribe now</div>'
            '<footer><p>© 2026 The Riverton Ledger. All rights reserved.</p><a href="/privacy">Privacy</a>'
            ' <a href="/terms">Terms</a></footer><script src="/app.js"></script></body></html>')


def main_html(mb):
    target = int(mb * 1e6)
    r = random.Random(20261202)
    out = sys.stdout
    out.write("id\thtml\n")
    size, n = 0, 0
    while size < target:
        n += 1
        row = f"h{n}\t{page(r, n, document(r))}\n"
        out.write(row)
        size += len(row.encode())


def main():
    if sys.argv[1:2] == ["--html"]:
        return main_html(float(sys.argv[2]))
    target = int(float(sys.argv[1]) * 1e6)
    files = sys.argv[2:]
    r = random.Random(20261201)
    out = sys.stdout
    out.write("id\ttext\n")
    size, n = 0, 0
    own = target if not files else target // 3
    while size < own:
        n += 1
        row = f"g{n}\t{document(r)}\n"
        out.write(row)
        size += len(row.encode())
    texts = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            next(fh, None)
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and len(cols[1]) > 200:
                    texts.append(cols[1])
    rnd = 0
    while texts and size < target:
        rnd += 1
        for i, t in enumerate(texts):
            row = f"s{rnd}_{i}\t{t}\n"
            out.write(row)
            size += len(row.encode())
            if size >= target:
                break


if __name__ == "__main__":
    main()
