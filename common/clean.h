/* clean.h - the block model that turns a scraped page (HTML or copied page text) into the
 * article's paragraphs and its title, date, author and description.
 * An nf_cleaner holds the loaded data files and compiles its patterns when they are first
 * needed (so one nf_cleaner serves one thread at a time); an
 * nf_clean_result owns its buffers, is reused from document to document, and what nf_clean
 * puts in it is valid until the next nf_clean on it. */
#ifndef NF_CLEAN_H
#define NF_CLEAN_H
#include "text.h"
#include "util.h"
#include <stddef.h>

typedef struct nf_cleaner nf_cleaner;

enum { NF_CLEAN_AUTO, NF_CLEAN_HTML, NF_CLEAN_PLAIN };          /* nf_clean_opts.mode */
enum { NF_DATE_AUTO = -1, NF_DATE_MONTH_FIRST = 0, NF_DATE_DAY_FIRST = 1 };

typedef struct {
	int mode;               /* NF_CLEAN_AUTO: HTML when nf_html_sniff says so */
	int keep_all;           /* only normalise: keep every block */
	int day_first;          /* how to read 03/04/2025 (NF_DATE_*) */
	int blocks;             /* fill nf_clean_result.blk with every block's class and reason */
} nf_clean_opts;

/* Block classes, from the block's own features and then from its neighbours'. */
enum { NF_BAD, NF_SHORT, NF_NEARGOOD, NF_GOOD };

typedef struct {
	size_t off, len;        /* the block's normalised text in nf_clean_result.norm */
	int cls;                /* class after context smoothing */
	int keep;               /* in the output */
	const char *reason;     /* why it was classed or dropped (static string) */
} nf_clean_block;

typedef struct {
	nf_buf title, date, author, description, text;
	nf_buf norm;            /* normalised text of every block, back to back */
	nf_clean_block *blk;    /* with opts.blocks: every block in page order */
	size_t nblk, blk_cap;
	int html;               /* the page was read as HTML */
	const char *lang;       /* stop-word language chosen ("en", ...), or "" */
	nf_text_stats stats;    /* repairs made in this document */
	void *priv;             /* working storage */
} nf_clean_result;

/* Loads data/boilerplate.tsv and data/stopwords_*.tsv (fatal when missing or malformed). */
nf_cleaner *nf_cleaner_new(void);
void nf_cleaner_free(nf_cleaner *c);

void nf_clean_result_init(nf_clean_result *r);
void nf_clean_result_free(nf_clean_result *r);

/* Cleans doc[0..n) (any bytes) into r. Never fails. */
void nf_clean(nf_cleaner *c, const char *doc, size_t n, const nf_clean_opts *o,
	      nf_clean_result *r);

/* Reads a date in s[0..n) ("2025-02-12T10:00Z", "12/02/2025", "Feb. 12, 2025",
 * "12 February 2025", "Wed, 12 Feb 2025 ...") into out as YYYY-MM-DD; returns 1 if found.
 * day_first decides 03/04/2025 (NF_DATE_AUTO reads it day-first). */
int nf_clean_date(const char *s, size_t n, int day_first, char out[11]);

#endif
