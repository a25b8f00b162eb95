/* ent.h - named entities: persons, organisations and places, with the canonical name each
 * mention resolves to, and the role and affiliation titles give persons.
 * An nf_entities result owns its strings; nf_ner_run clears and refills it. */
#ifndef NF_ENT_H
#define NF_ENT_H
#include "sent.h"
#include <stddef.h>

enum { NF_PER, NF_ORG, NF_GPE, NF_LOC, NF_NORP, NF_NTYPES };
extern const char *const nf_type_name[NF_NTYPES];   /* "PER", "ORG", "GPE", "LOC", "NORP" */

typedef struct {
	size_t start, end;        /* bytes of the name in the document's text */
	int sent;                 /* sentence number, from 1 */
	int type;                 /* NF_PER ... */
	int cluster;              /* index in nf_entities.c: mentions of one entity share it */
} nf_mention;

/* One entity of the document (all mentions that resolve to the same canonical name). */
typedef struct {
	int type;
	char *canonical;          /* fullest form in the document: "Rustem Umerov", "NATO" */
	char *role;               /* PER: "Defense Secretary", or NULL */
	char *affiliation;        /* PER: canonical country or organisation spoken for, or NULL */
	char *refers;             /* metonyms and GPE/NORP: the country meant ("Kyiv" -> "Ukraine") */
	char gender;              /* PER: 'm', 'f' or 0 when unknown (from first names) */
} nf_cluster;

typedef struct {
	nf_mention *m; size_t n, cap;     /* in text order */
	nf_cluster *c; size_t nc, ccap;
	void *priv;                       /* working memory and string storage; start it NULL */
} nf_entities;

typedef struct nf_ner nf_ner;
nf_ner *nf_ner_new(void);             /* loads the gazetteers from the data directory */
void nf_ner_free(nf_ner *ner);
/* Adds a user list of known names (TSV: canonical, type[, aliases separated by '|'[,
 * affiliation[, role]]]; '#' comment lines first); they win over the built-in gazetteers and
 * persons also match misspelt. Returns 0, or -1 with errno set when the file cannot be read;
 * a malformed file ends the program with "FILE:LINE: problem". */
int nf_ner_load_names(nf_ner *ner, const char *path);
/* Finds the entities of one document, given its sentences (from nf_split). */
void nf_ner_run(const nf_ner *ner, const char *text, size_t len, const nf_span *sents, size_t nsents,
		nf_entities *out);
void nf_entities_free(nf_entities *e);
/* Canonical country for a country name, alias, demonym or capital ("Danish", "Britain",
 * "US", "Kyiv"), or NULL. */
const char *nf_ner_country(const nf_ner *ner, const char *word, size_t n);

#endif
