/* Unit tests for ent: the nf_ner API on texts written for these tests. */
#include "data.h"
#include "ent.h"
#include "sent.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

static nf_splitter *sp;
static nf_span *spans;
static size_t cap;

static void run(const nf_ner *ner, const char *text, nf_entities *e)
{
	size_t n = nf_split(sp, text, strlen(text), &spans, &cap);
	nf_ner_run(ner, text, strlen(text), spans, n, e);
}

/* The mention whose text is w (the k-th such, from 0), or NULL. */
static const nf_mention *find(const char *text, const nf_entities *e, const char *w, int k)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->m[i].end - e->m[i].start == strlen(w) && memcmp(text + e->m[i].start, w, strlen(w)) == 0 && k-- == 0)
			return &e->m[i];
	return NULL;
}

static const char *canon(const nf_entities *e, const nf_mention *m)
{
	return m ? e->c[m->cluster].canonical : "";
}

static int streq(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

int main(void)
{
	nf_data_dir_set(NULL);
	sp = nf_splitter_new(NULL, 0);
	nf_ner *ner = nf_ner_new();
	nf_entities e = { 0 };

	ok(strcmp(nf_type_name[NF_PER], "PER") == 0 && strcmp(nf_type_name[NF_NORP], "NORP") == 0, "type names");
	ok(streq(nf_ner_country(ner, "Danish", 6), "Denmark"), "demonym -> country");
	ok(streq(nf_ner_country(ner, "Britain", 7), "United Kingdom"), "alias -> country");
	ok(streq(nf_ner_country(ner, "US", 2), "United States"), "acronym -> country");
	ok(streq(nf_ner_country(ner, "Kyiv", 4), "Ukraine"), "capital -> country");
	ok(streq(nf_ner_country(ner, "Britain's", 9), "United Kingdom"), "possessive country");
	ok(nf_ner_country(ner, "Tuesday", 7) == NULL, "not a country");

	const char *t1 = "Finnish Foreign Minister Aino Virtanen met Polish officials in Warsaw. "
			 "Virtanen later said the talks went well.";
	run(ner, t1, &e);
	const nf_mention *m = find(t1, &e, "Aino Virtanen", 0);
	ok(m && m->type == NF_PER && m->sent == 1, "titled person found in sentence 1");
	ok(m && streq(e.c[m->cluster].role, "Foreign Minister"), "role split from the name");
	ok(m && streq(e.c[m->cluster].affiliation, "Finland"), "affiliation from the demonym");
	ok(m && e.c[m->cluster].gender == 'f', "gender from the first name");
	const nf_mention *m2 = find(t1, &e, "Virtanen", 0);
	ok(m2 && m && m2->cluster == m->cluster && m2->sent == 2, "surname resolves to the full name");
	ok(streq(canon(&e, m2), "Aino Virtanen"), "canonical is the fullest form");
	const nf_mention *w = find(t1, &e, "Warsaw", 0);
	ok(w && w->type == NF_GPE && streq(e.c[w->cluster].refers, "Poland"), "capital refers to its country");
	const nf_mention *pl = find(t1, &e, "Polish", 0);
	ok(pl && pl->type == NF_NORP && streq(e.c[pl->cluster].refers, "Poland"), "demonym is NORP");
	int offsets = 1;
	for (size_t i = 0; i < e.n; i++)
		offsets &= e.m[i].start < e.m[i].end && e.m[i].end <= strlen(t1) && (i == 0 || e.m[i - 1].end <= e.m[i].start);
	ok(offsets, "mentions are in order and inside the text");

	const char *t2 = "Spain's Defence Minister Lucia Ferrer arrived. Ferrer and Luis Ferrer spoke. "
			 "Ferrar agreed.";
	run(ner, t2, &e);
	m = find(t2, &e, "Lucia Ferrer", 0);
	ok(m && streq(e.c[m->cluster].affiliation, "Spain"), "possessive country gives the affiliation");
	const nf_mention *lf = find(t2, &e, "Luis Ferrer", 0);
	ok(m && lf && m->cluster != lf->cluster, "two different full names stay apart");

	const char *t3 = "The Kremlin said Moscow would respond. Reporters in Berlin waited.";
	run(ner, t3, &e);
	m = find(t3, &e, "Kremlin", 0);
	ok(m && streq(e.c[m->cluster].refers, "Russia"), "the Kremlin refers to Russia");
	m = find(t3, &e, "Moscow", 0);
	ok(m && streq(canon(&e, m), "Russia"), "a capital acting for its government is the country");
	m = find(t3, &e, "Berlin", 0);
	ok(m && streq(canon(&e, m), "Berlin"), "a capital as a place stays the city");

	/* the same result object is reused: nothing of the previous document remains */
	run(ner, "", &e);
	ok(e.n == 0 && e.nc == 0, "empty text, no mentions");
	run(ner, "no names here at all.", &e);
	ok(e.n == 0, "lower-case text, no mentions");

	/* the tokenizer's fast paths: abbreviations and initials keep their period, a dotted
	 * acronym is one word, non-ASCII punctuation is no part of a name */
	const char *t5 = "Shares of Acme Corp. rose on Tuesday, said Jonas P. Lindqvist of the U.S. Treasury.";
	run(ner, t5, &e);
	m = find(t5, &e, "Acme Corp.", 0);
	ok(m && m->type == NF_ORG, "an abbreviation keeps its period inside the name");
	m = find(t5, &e, "Jonas P. Lindqvist", 0);
	ok(m && m->type == NF_PER, "an initial inside a full name");
	m = find(t5, &e, "U.S. Treasury", 0);
	ok(m && m->type == NF_ORG, "a dotted acronym starts a name");
	const char *t6 = "The mayor, \xe2\x80\x9c" "Elena Brandt\xe2\x80\x9d, paid \xc2\xa3" "300 and \xe2\x82\xac" "20 \xe2\x80\x94 Brandt said so.";
	run(ner, t6, &e);
	m = find(t6, &e, "Elena Brandt", 0);
	m2 = find(t6, &e, "Brandt", 0);
	ok(m && m->type == NF_PER && m->start == 14 && e.n == 2, "curly quotes, currencies and a dash are not in names");
	ok(m && m2 && m2->cluster == m->cluster, "the surname after the dash resolves");
	/* a text that ends inside a longer buffer: its last word ends at its end */
	const char *t7 = "Yesterday the talks were led by Marta Olsenberg";
	size_t n7 = strlen(t7) - 4;
	size_t ns7 = nf_split(sp, t7, n7, &spans, &cap);
	nf_ner_run(ner, t7, n7, spans, ns7, &e);
	ok(e.n == 1 && e.m[0].start == 32 && e.m[0].end == n7 && e.m[0].type == NF_PER,
	   "the last word stops at the text's end");

	nf_entities_free(&e);
	nf_ner_free(ner);
	nf_splitter_free(sp);
	free(spans);
	return tap_done();
}
