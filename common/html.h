/* html.h - an HTML page as text blocks, through libxml2's HTML parser (SAX interface): one
 * block per block-level element, with the features the block model needs, and the page's
 * metadata (<title>, <meta>, Open Graph, JSON-LD, <time>).
 * An nf_page owns all it holds; nf_html_parse clears it first, so one page can be reused.
 * The parser keeps process-wide memo tables (class words, tag names, what libxml2 closes):
 * call it from one thread at a time. */
#ifndef NF_HTML_H
#define NF_HTML_H
#include "util.h"
#include <stddef.h>

enum nf_tag {
	NF_TAG_OTHER, NF_TAG_P, NF_TAG_H1, NF_TAG_H2, NF_TAG_H3, NF_TAG_H4, NF_TAG_LI, NF_TAG_TD,
	NF_TAG_PRE, NF_TAG_QUOTE, NF_TAG_CAPTION, NF_TAG_DIV, NF_TAG_DD
};

enum {                          /* nf_hblock.flags: where the block stands */
	NF_HB_BOILER = 1,       /* an ancestor's class or id names boilerplate (nav, share, related...) */
	NF_HB_CONTENT = 2,      /* an ancestor's class or id names the article body */
	NF_HB_ARTICLE = 4,      /* inside <article>, <main> or an articleBody itemprop */
	NF_HB_FIGURE = 8,       /* inside <figure> or a caption */
	NF_HB_HEADER = 16,      /* inside <header> */
	NF_HB_BR = 32,          /* ended by <br> inside its element (a line of a longer block) */
	NF_HB_COMMENT = 64      /* inside a comment section */
};

typedef struct {
	size_t off, len;        /* raw text (entities decoded, spaces not collapsed) in page text */
	size_t link;            /* bytes of that text inside <a href> */
	size_t lead;            /* bytes of link text before any other text (a headline link) */
	int tag;                /* enum nf_tag of the innermost block element */
	unsigned flags;
	int elem;               /* innermost enclosing element (index into nf_page.el) */
} nf_hblock;

typedef struct {
	int parent;             /* -1 for the root */
	int depth;
	unsigned flags;         /* this element's own NF_HB_* flags (blocks have them inherited) */
	int tag;                /* enum nf_tag (NF_TAG_OTHER for containers other than div) */
} nf_helem;

enum { NF_META_TITLE, NF_META_DATE, NF_META_AUTHOR, NF_META_DESC, NF_META_H1, NF_META_N };

typedef struct {
	nf_buf text;
	nf_hblock *blk;
	size_t nblk, blk_cap;
	nf_helem *el;
	size_t nel, el_cap;
	nf_buf meta[NF_META_N]; /* best value found for each field (raw, not normalised) */
	int meta_prio[NF_META_N];
	nf_buf scratch;         /* <title>, JSON-LD and <time> text being collected */
	nf_buf lean;            /* the page without script, style and comment bodies */
	void *priv;
} nf_page;

void nf_page_init(nf_page *pg);
void nf_page_free(nf_page *pg);
/* Parses html[0..n) (UTF-8; invalid bytes must have been repaired) into pg. Never fails:
 * broken markup gives whatever blocks the parser recovers. */
void nf_html_parse(nf_page *pg, const char *html, size_t n);
/* When s[0..n) is not valid UTF-8 and its <meta> declares another charset that libxml2 can
 * read (windows-1251, iso-8859-2, koi8-r, shift_jis...), appends it converted to UTF-8 to
 * out and returns 1; otherwise returns 0 and leaves out alone. */
int nf_html_decode(nf_buf *out, const char *s, size_t n);
/* Nonzero when s[0..n) looks like HTML (a doctype, <html>, <head>, <body>, <p>, <div>...
 * near the start, or many tags). */
int nf_html_sniff(const char *s, size_t n);

#endif
