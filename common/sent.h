/* sent.h - sentence boundaries in English news text.
 * A splitter holds the abbreviation lists (loaded once); spans index the caller's text. */
#ifndef NF_SENT_H
#define NF_SENT_H
#include <stddef.h>

/* A sentence: bytes [start, end) of the text, outer white space trimmed; para counts
 * paragraphs (runs of text between line breaks) from 1. */
typedef struct { size_t start, end; int para; } nf_span;

typedef struct nf_splitter nf_splitter;

/* Loads data/abbreviations.tsv, sentence_starters.tsv and the sent_*.tsv lists, plus
 * extra_abbrev (a file of one abbreviation per line, final period optional, optionally a TAB
 * and a class) when not NULL. join_lines: a single line break inside a sentence is a space
 * when the sentence goes on to a final stop (text copied from PDFs); default: it ends one.
 * The splitter is read-only afterwards: one may serve several threads. */
nf_splitter *nf_splitter_new(const char *extra_abbrev, int join_lines);
void nf_splitter_free(nf_splitter *s);
/* Splits text[0, len) into sentences in order; *spans grows (realloc) as needed.
 * Returns the number of sentences. */
size_t nf_split(const nf_splitter *s, const char *text, size_t len, nf_span **spans, size_t *cap);

/* Copies p[0, n) to out (n bytes at least), each run of white space that holds a line break
 * made one space (none after a hyphen inside a word: "well-\nknown" is "well-known"): the text
 * of a sentence whose lines join_lines joined. Returns the length. */
size_t nf_sent_join(const char *p, size_t n, char *out);

#endif
