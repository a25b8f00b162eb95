/* quote.h - quotations and their speakers: direct and partial quotes in quotation marks, and
 * indirect (reported) speech, each attributed to a canonical speaker.
 * An nf_quotes result owns its strings and fragments (never free them one by one: they last
 * until the next nf_quotes_run or nf_quotes_free on it); nf_quotes_run clears and refills it. */
#ifndef NF_QUOTE_H
#define NF_QUOTE_H
#include "ent.h"
#include "sent.h"
#include "util.h"

/* NF_Q_SCARE: scare quotes and titles ("so-called", "dubbed"); only returned when asked for. */
enum { NF_Q_DIRECT, NF_Q_PARTIAL, NF_Q_INDIRECT, NF_Q_SCARE };
extern const char *const nf_quote_type_name[4];   /* "direct", "partial", "indirect", "scare" */

typedef struct { size_t start, end; } nf_qfrag;   /* one fragment of a quote */

typedef struct {
	int type;                 /* NF_Q_DIRECT ... */
	size_t start, end;        /* the quoted words, without the marks */
	int sent;                 /* sentence (from 1) where the quote starts */
	int cluster;              /* the speaker's entity in nf_entities.c, or -1 */
	char *speaker;            /* canonical speaker name, or NULL when unattributed */
	char *mention;            /* the words naming the speaker in the text, or NULL */
	char *cue;                /* the cue word ("said", "told", "according to"), or NULL */
	size_t mention_start, mention_end;   /* where those words are (0, 0 when none) */
	nf_qfrag *frag;           /* the fragments (split and multi-paragraph quotes), in order */
	size_t nfrag;             /* at least 1; start/end cover the first to the last */
	char *role;               /* the speaker's role ("Defense Minister"), or NULL */
	char *affiliation;        /* the country or organisation the speaker speaks for, or NULL */
	size_t content_start, content_end;   /* what is reported: a partial quote's clause
					      * ("X said the plan was "a disaster""), else start, end */
} nf_quote;

typedef struct {
	nf_quote *q; size_t n, cap;
	void *priv;               /* working memory kept from one document to the next; start it NULL */
} nf_quotes;

typedef struct nf_quoter nf_quoter;
nf_quoter *nf_quoter_new(void);       /* loads the cue lists from the data directory */
void nf_quoter_free(nf_quoter *qt);
/* Optional: the recogniser whose country names resolve "the Danish minister" (borrowed). */
void nf_quoter_set_ner(nf_quoter *qt, const nf_ner *ner);
/* keep != 0: also return scare quotes and titles, as NF_Q_SCARE (default: left out). */
void nf_quoter_set_scare(nf_quoter *qt, int keep);
/* Finds the quotes of one document, given its sentences and entities. */
void nf_quotes_run(const nf_quoter *qt, const char *text, size_t len, const nf_span *sents, size_t nsents,
		   const nf_entities *ents, nf_quotes *out);
void nf_quotes_clear(nf_quotes *q);   /* no quotes, the memory kept for the next document */
void nf_quotes_free(nf_quotes *q);
/* The words of q as one text (appended to b): its fragments joined by a space. A fragment that
 * ends in the comma a writer puts before a tag ("A," he said. "We ...") ends in a period when
 * the next fragment starts a sentence with a common word ("We", "The", "It"), not a name. */
void nf_quote_text(const nf_quoter *qt, const char *text, const nf_quote *q, nf_buf *b);

#endif
