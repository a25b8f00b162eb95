/* Unit tests for stance: the stemmer, target expansion with relation variants and aliases,
 * verdicts through the API, the same verdicts when documents are run again (scratch reuse),
 * and PCRE2 target files with limits and errors. */
#include "data.h"
#include "stance.h"
#include "tap.h"
#include "util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int stem_is(const char *w, const char *want)
{
	char out[64];
	size_t n = nf_stance_stem(w, strlen(w), out);
	return n == strlen(want) && memcmp(out, want, n) == 0;
}

static const nf_stance *find(const nf_stances *r, const char *actor)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->r[i].actor, actor) == 0)
			return &r->r[i];
	return NULL;
}

int main(void)
{
	nf_progname = "test_stance";
	ok(stem_is("denies", "deny") && stem_is("denied", "deny"), "stem: denies, denied -> deny");
	ok(stem_is("agreed", "agre") && stem_is("agrees", "agre") && stem_is("agree", "agre"), "stem: agree forms agree");
	ok(stem_is("stopped", "stop") && stem_is("joining", "join") && stem_is("Members", "member"), "stem: undoubling, -ing, case");
	ok(stem_is("stress", "stress") && stem_is("US", "us"), "stem: -ss and short words kept");

	nf_stancer *s = nf_stancer_new();
	int t = nf_stancer_add_target(s, "Ukraine joining NATO");
	ok(t == 0 && nf_stancer_ntargets(s) == 1 && strcmp(nf_stancer_target(s, 0), "Ukraine joining NATO") == 0,
	   "add a target");
	nf_stances r = { 0 };
	const char *doc =
		"Kyiv's envoy Olena Marchuk said Ukraine will become a NATO country.\n"
		"The Slovak Foreign Minister Juraj Kral said Ukrainian accession to the Alliance is premature.\n"
		"Croatia, for its part, rejected every alternative to Ukraine's NATO membership.\n"
		"The weather was fine in Kyiv.";
	nf_stance_run(s, doc, strlen(doc), &r);
	const nf_stance *a = find(&r, "Olena Marchuk"), *b = find(&r, "Juraj Kral"), *c = find(&r, "Croatia");
	ok(a && a->stance == NF_FAVOR, "aliases and '{Y} country': Marchuk FAVOR");
	ok(a && a->affiliation && strcmp(a->affiliation, "Ukraine") == 0, "affiliation from a capital's possessive");
	ok(b && b->stance == NF_AGAINST && strcmp(b->affiliation, "Slovakia") == 0, "demonym and 'premature': Kral AGAINST, Slovakia");
	ok(c && c->stance == NF_FAVOR, "rejected an alternative: Croatia FAVOR");
	ok(r.n == 3, "no verdict for the author's weather sentence (%zu rows)", r.n);
	ok(a && a->start == 0 && doc[a->end - 1] == '.', "evidence offsets cover the sentence");
	size_t n1 = r.n;
	nf_stance_run(s, doc, strlen(doc), &r);
	ok(r.n == n1 && find(&r, "Juraj Kral") && find(&r, "Juraj Kral")->stance == NF_AGAINST, "same verdicts on a second run");
	nf_stance_run(s, "", 0, &r);
	ok(r.n == 0, "empty document");
	nf_stancer_free(s);

	/* a target file with a pattern that backtracks badly: the match limit stops it */
	char path[] = "/tmp/test_stance_XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	ok(f != NULL, "temporary target file");
	if (f) {
		fprintf(f, "# comment\nSlow\tpattern\t(a+)+$\nSlow\tnoexpand\t\n");
		fclose(f);
		s = nf_stancer_new();
		char err[200];
		ok(nf_stancer_load_targets(s, path, err, sizeof err) == 0, "load a pattern target");
		char *text = nf_xmalloc(5000);
		memset(text, 'a', 4999);
		text[4998] = '!';
		text[4999] = 0;
		nf_stance_run(s, text, 4999, &r);
		ok(r.n == 0, "a catastrophic pattern ends at the match limit");
		free(text);
		nf_stancer_free(s);
		f = fopen(path, "w");
		fprintf(f, "Bad\tpattern\t[unclosed\n");
		fclose(f);
		s = nf_stancer_new();
		ok(nf_stancer_load_targets(s, path, err, sizeof err) == -1 && strstr(err, ":1: bad pattern"), "bad pattern: %s", err);
		nf_stancer_free(s);
		remove(path);
	}
	nf_stances_free(&r);
	return tap_done();
}
