/* stance.h - who is for and who is against a target: targets expanded into match patterns,
 * holders (speakers of quotes, subjects of reporting and position verbs), polarity from cue
 * words with negation, modality, hedges and contrast, one verdict per actor and target.
 * An nf_stancer owns its targets, lexicons and the scratch state of nf_stance_run (so stancers
 * never share state: one per thread runs in parallel); an nf_stances result owns its strings
 * and is cleared and refilled by each nf_stance_run. */
#ifndef NF_STANCE_H
#define NF_STANCE_H
#include <stddef.h>

enum { NF_FAVOR, NF_AGAINST, NF_NEUTRAL };
extern const char *const nf_stance_name[3];   /* "FAVOR", "AGAINST", "NEUTRAL" */

typedef struct {
	int target;                /* index of the target (nf_stancer_target) */
	char *actor;               /* canonical actor name */
	char *affiliation;         /* country or organisation spoken for, or "" */
	int stance;                /* NF_FAVOR ... */
	double score;              /* in [-1, 1]: sign is the side, size the strength */
	size_t start, end;         /* the evidence sentence, bytes of the document's text */
	char *cues;                /* the cues of the evidence, comma-separated */
	char *explain;             /* every unit behind the verdict (for --explain) */
	int nunits;                /* how many statements were combined */
} nf_stance;

typedef struct {
	nf_stance *r; size_t n, cap;
	const char *error;         /* set when a user pattern hit a PCRE2 limit (results may be partial) */
} nf_stances;

typedef struct nf_stancer nf_stancer;

/* Loads the cue lexicons (data/stance_*.tsv) from the data directory. */
nf_stancer *nf_stancer_new(void);
void nf_stancer_free(nf_stancer *s);
/* Adds a target given as words ("Ukraine joining NATO"); returns its index. */
int nf_stancer_add_target(nf_stancer *s, const char *text);
/* Reads targets from a file of rows "target<TAB>kind<TAB>value" (kinds: expand, pattern,
 * synonym, opposite; see stance(1)). Returns 0, or -1 with a message "FILE:LINE: problem"
 * in err. */
int nf_stancer_load_targets(nf_stancer *s, const char *file, char *err, size_t errn);
size_t nf_stancer_ntargets(const nf_stancer *s);
const char *nf_stancer_target(const nf_stancer *s, size_t i);
/* author: the article's own voice counts as the actor "author". by_affil: roll actors up
 * into the countries and organisations they speak for. */
void nf_stancer_options(nf_stancer *s, int author, int by_affil);

/* Finds the stances in one document's text. Uses s's scratch state: never call it on one
 * stancer from two threads at once. */
void nf_stance_run(const nf_stancer *s, const char *text, size_t len, nf_stances *out);
void nf_stances_clear(nf_stances *r);
void nf_stances_free(nf_stances *r);

/* The light stemmer used for cue and target matching (exposed for tests): folds ASCII case
 * and strips plural -s, -ed, -ing and a final -e. Writes at most n bytes to out. */
size_t nf_stance_stem(const char *w, size_t n, char *out);

#endif
