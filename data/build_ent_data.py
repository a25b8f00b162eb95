#!/usr/bin/env python3
"""Builds the entities gazetteers in data/ from the public lists in ../shared/data.

Usage: python3 data/build_ent_data.py [SHARED_DIR]   (default ../shared, run from the repo top)

Writes data/ent_places.tsv, ent_orgs.tsv, ent_persnames.tsv, ent_words.tsv. The hand-written
files (ent_facts.tsv, ent_titles.tsv) are edited by hand and not touched here. Nothing is built
from the CoNLL evaluation text.
"""
import csv, os, sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
gz = os.path.join(shared, "data", "gazetteers")
lex = os.path.join(shared, "data", "lexicons")
out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)))
HDR = "name\ttype\tcanonical\trefers\tkind\n"


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    if lines and lines[0].startswith("#alias"):
        lines[0] = lines[0][1:]        # actor_country_aliases.tsv: its header is '#alias ...'
    lines = [l for l in lines if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def ok_name(s):
    # Latin-script names of at least two characters, with a capital or digit first
    if len(s) < 2 or len(s) > 80:
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


def write(name, header, entries):
    with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
        f.write("# newsfilter-data 1\n")    # the format stamp common/data.c checks
        f.write(header)
        f.write(HDR)
        for e in entries:
            f.write("\t".join(e) + "\n")


# ---- places ----
places = {}   # name -> (type, canonical, refers, kind); first writer wins (priority order)


def addp(name, typ, canon, refers, kind):
    name = clean(name)
    if ok_name(name) and name not in places:
        places[name] = (typ, canon, refers, kind)


countries = rows(os.path.join(gz, "countries.tsv"))
cc2name = {}
for c in countries:
    cc2name[c["cca2"]] = c["name"]
# the short common names news uses, where the list's name is not it
short = {"GB": "United Kingdom", "US": "United States", "RU": "Russia", "KR": "South Korea",
         "KP": "North Korea", "CZ": "Czech Republic", "CD": "Democratic Republic of the Congo",
         "CG": "Republic of the Congo", "VA": "Vatican City", "MK": "North Macedonia",
         "PS": "Palestine", "SY": "Syria", "IR": "Iran", "LA": "Laos", "VN": "Vietnam",
         "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "TW": "Taiwan"}
for c in countries:
    if c["cca2"] in short:
        cc2name[c["cca2"]] = short[c["cca2"]]
for c in countries:
    canon = cc2name[c["cca2"]]
    addp(canon, "GPE", canon, canon, "country")
    addp(c["name"], "GPE", canon, canon, "country")
for al in rows(os.path.join(lex, "actor_country_aliases.tsv")):
    k = al["kind"]
    if k == "name":
        addp(al["alias"], "GPE", al["canonical"], al["canonical"], "country")
for c in countries:
    canon = cc2name[c["cca2"]]
    addp(c["official_name"], "GPE", canon, canon, "country")
    for a in c["alt_names"].split("|"):
        if a and a.upper() != a:
            addp(a, "GPE", canon, canon, "country")
    for d in {c["demonym_m"], c["demonym_f"]}:
        if d:
            addp(d, "NORP", d, canon, "demonym")
            if not d.endswith(("ese", "ish", "ch", "s", "i")):
                addp(d + "s", "NORP", d, canon, "demonym")
for al in rows(os.path.join(lex, "actor_country_aliases.tsv")):
    if al["kind"] == "demonym":
        addp(al["alias"], "NORP", al["alias"], al["canonical"], "demonym")
for c in countries:
    canon = cc2name[c["cca2"]]
    for cap in c["capitals"].split("|"):
        if cap:
            addp(cap, "GPE", cap, canon, "capital")
cities = rows(os.path.join(gz, "cities15000.tsv"))
for c in cities:
    pop = int(c["population"] or 0)
    ctry = cc2name.get(c["country_code"], "")
    if pop < 100000 and not c["feature_code"].startswith("PPLA"):
        continue
    if pop < 30000:
        continue
    kind = "capital" if c["feature_code"] == "PPLC" else "city"
    canon = c["name"]
    if c["name"] == "Kiev":
        canon = "Kyiv"
    addp(canon, "GPE", canon, ctry if kind == "capital" else "", kind)
    addp(c["name"], "GPE", canon, ctry if kind == "capital" else "", kind)
    addp(c["asciiname"], "GPE", canon, ctry if kind == "capital" else "", kind)
    if pop >= 1000000:
        for a in c["alt_names_latin"].split("|"):
            if " " not in a or pop >= 3000000:
                addp(a, "GPE", canon, ctry if kind == "capital" else "", kind)
write("ent_places.tsv",
      "# Places for entities: countries (names, official and alternative names, demonyms -> NORP,\n"
      "# capitals) and cities of 30,000+ people (regional seats) or 100,000+, built by\n"
      "# data/build_ent_data.py from ../shared/data/gazetteers/countries.tsv (mledoze/countries,\n"
      "# ODbL 1.0: this file is a derived database under ODbL, attribution: mledoze/countries),\n"
      "# cities15000.tsv (GeoNames, CC BY 4.0, attribution: GeoNames.org) and\n"
      "# ../shared/data/lexicons/actor_country_aliases.tsv (CC0). kind: country capital city demonym.\n",
      [(k,) + v for k, v in places.items()])

# ---- organisations ----
orgs = {}


def addo(name, canon, refers, kind):
    name = clean(name)
    if ok_name(name) and name not in orgs and name not in places:
        orgs[name] = ("ORG", clean(canon), refers, kind)


for al in rows(os.path.join(lex, "actor_country_aliases.tsv")):
    if al["kind"] == "institution_metonym":
        addo(al["alias"], al["alias"], al["canonical"], "metonym")
    elif al["kind"] == "organisation" and not al["alias"].startswith(("the ", "Atlantic", "Brussels")):
        addo(al["alias"], al["canonical"], "", "intl")
for o in rows(os.path.join(gz, "intl_orgs.tsv")):
    n = o["name"]
    addo(n, n, "", "intl")
    for f in ("abbreviations", "other_names"):
        for a in o[f].split("|"):
            if a:
                addo(a, n, "", "intl")
for o in rows(os.path.join(gz, "intl_orgs_factbook.tsv")):
    addo(o["name"], o["name"], "", "intl")
    if o["abbreviation"]:
        addo(o["abbreviation"], o["name"], "", "intl")
for o in rows(os.path.join(gz, "news_orgs_fundus.tsv")):
    addo(o["name"], o["name"], cc2name.get(o["country"], ""), "news")
personal = set()
for r in rows(os.path.join(gz, "first_names_us_census1990.tsv")):
    personal.add(r["name"].capitalize())
for r in rows(os.path.join(gz, "surnames_us_census2010.tsv")):
    if int(r["count"]) >= 2000:
        personal.add(r["name"].capitalize())
for o in rows(os.path.join(gz, "companies_us_listed.tsv")):
    # short names cut before "& Company" or "and Company" ("Wells Fargo &"): the name without it
    sn = o["short_name"]
    for tail in (" &", " and"):
        if sn.endswith(tail):
            sn = sn[: -len(tail)].rstrip(" ,")
    if " " not in sn and sn in personal:
        if sn != o["short_name"] and (o["sp500"] == "1" or o["exchange"] == "N"):
            addo(o["name"], o["name"], "", "company")   # "Crawford & Company" still is one
        continue        # "Graham", "Lindsay": a person far more often than the company
    o["short_name"] = sn
    if o["sp500"] == "1" or o["exchange"] == "N":
        addo(o["short_name"], o["short_name"], "", "company")
        addo(o["name"], o["short_name"], "", "company")
write("ent_orgs.tsv",
      "# Organisations for entities, built by data/build_ent_data.py from ../shared/data:\n"
      "# lexicons/actor_country_aliases.tsv (CC0; institution metonyms carry their country),\n"
      "# gazetteers/intl_orgs.tsv (confirmordeny/supraverden, CC BY-SA 4.0: this list is\n"
      "# share-alike), intl_orgs_factbook.tsv (CIA World Factbook, public domain),\n"
      "# news_orgs_fundus.tsv (flairNLP/fundus publisher names, MIT) and companies_us_listed.tsv\n"
      "# (S&P 500 and NYSE listings, ODC PDDL). kind: metonym intl news company.\n",
      [(k,) + v for k, v in orgs.items()])

# ---- person names ----
pn = {}
# a name's gender is the sex that has it at least twice as often (the census gives each sex's
# share in percent, so the two are comparable); a name common in both has none. (The first row
# a name has is not enough: "Maria" is M 0.005 before F 0.828.) A stricter ratio leaves more
# names without gender, and quotes takes a person without gender for "he" and "she" alike.
# (Rows of one name and sex are summed: the list has "Samantha F" twice.)
share = {}
for r in rows(os.path.join(gz, "first_names_us_census1990.tsv")):
    n = r["name"].capitalize()
    if float(r["freq_pct"]) >= 0.002:
        d = share.setdefault(n, {})
        d[r["sex"].lower()] = d.get(r["sex"].lower(), 0.0) + float(r["freq_pct"])
for n, d in share.items():
    m, f = d.get("m", 0.0), d.get("f", 0.0)
    pn[n] = ("first", "m" if m >= 2 * f else "f" if f >= 2 * m else "")
for r in rows(os.path.join(gz, "forenames_by_country.tsv")):
    n = r["name"]
    if ok_name(n) and n not in pn:
        pn[n] = ("first", r["gender"].lower()[:1])
sur = {}
for r in rows(os.path.join(gz, "surnames_us_census2010.tsv")):
    if int(r["count"]) >= 2000:
        sur[r["name"].capitalize()] = 1
for r in rows(os.path.join(gz, "surnames_by_country.tsv")):
    if ok_name(r["name"]):
        sur[r["name"]] = 1
with open(os.path.join(out_dir, "ent_persnames.tsv"), "w", encoding="utf-8") as f:
    f.write("# newsfilter-data 1\n")
    f.write("# Given names with gender and surnames for entities, built by data/build_ent_data.py\n"
            "# from ../shared/data/gazetteers: first_names_us_census1990.tsv and\n"
            "# surnames_us_census2010.tsv (US Census Bureau, public domain), forenames_by_country.tsv\n"
            "# and surnames_by_country.tsv (sigpwned/popular-names-by-country-dataset, CC0, from\n"
            "# Wikipedia's lists of popular names, CC BY-SA). kind: first or last; gender m, f or empty.\n")
    f.write("name\tkind\tgender\n")
    for n, (k, g) in pn.items():
        f.write(f"{n}\t{k}\t{g}\n")
    for n in sur:
        if n not in pn:
            f.write(f"{n}\tlast\t\n")

# ---- common words ----
with open(os.path.join(out_dir, "ent_words.tsv"), "w", encoding="utf-8") as f:
    f.write("# newsfilter-data 1\n")
    f.write("# Common lower-case English words (a capitalised word that is one of these at the start\n"
            "# of a sentence or in a headline is not taken for a name without other evidence).\n"
            "# From SCOWL american-english (Debian wamerican 2020.12.07-2) via\n"
            "# ../shared/data/gazetteers/english_words_scowl.tsv. Copyright 2000-2014 Kevin Atkinson\n"
            "# and others; permission to use, copy, modify, distribute and sell is granted provided\n"
            "# the copyright notice appears in all copies. Possessives are dropped.\n")
    f.write("word\n")
    for r in rows(os.path.join(gz, "english_words_scowl.tsv")):
        w = r["word"]
        if r["kind"] == "common" and not w.endswith("'s"):
            f.write(w + "\n")
