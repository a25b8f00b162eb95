/* Two stancers in one process: interleaved runs, runs in two threads at once, and freeing
 * one, all give each stancer the verdicts it gives alone (no shared per-document state). */
#include "stance.h"
#include "tap.h"
#include "util.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const doc_tram =
	"The city council of Oakfield approved the new tram line on Tuesday.\n"
	"Mayor Ilse Vandermeer said the tram line will cut traffic and she strongly supports it.\n"
	"Councillor Pavel Horak said building the tram line is a waste of money and he opposes it.\n"
	"The weather stayed dry all week.";
static const char *const doc_nato =
	"Kyiv's envoy Olena Marchuk said Ukraine will become a NATO country.\n"
	"The Slovak Foreign Minister Juraj Kral said Ukrainian accession to the Alliance is premature.\n"
	"The harbour was quiet.";

/* The verdicts as one string, "actor|affiliation|stance|score|start|end|cues;" per row. */
static char *verdicts(const nf_stances *r)
{
	nf_buf b = { 0 };
	for (size_t i = 0; i < r->n; i++)
		nf_buf_addf(&b, "%s|%s|%s|%.2f|%zu|%zu|%s;", r->r[i].actor, r->r[i].affiliation,
			    nf_stance_name[r->r[i].stance], r->r[i].score, r->r[i].start, r->r[i].end, r->r[i].cues);
	return b.p ? b.p : nf_xstrndup("", 0);
}

static char *run(nf_stancer *s, const char *doc, nf_stances *r)
{
	nf_stance_run(s, doc, strlen(doc), r);
	return verdicts(r);
}

typedef struct { nf_stancer *s; const char *doc; const char *want; int same; } job;

static void *worker(void *arg)
{
	job *j = arg;
	nf_stances r = { 0 };
	j->same = 1;
	for (int i = 0; i < 3000; i++) {
		char *v = run(j->s, i % 3 ? j->doc : "", &r);
		if (i % 3 && strcmp(v, j->want) != 0)
			j->same = 0;
		free(v);
	}
	nf_stances_free(&r);
	return NULL;
}

int main(void)
{
	nf_progname = "test_stance_two";
	nf_stances r1 = { 0 }, r2 = { 0 };
	nf_stancer *a = nf_stancer_new(), *b = nf_stancer_new();
	nf_stancer_add_target(a, "Oakfield building a tram line");
	nf_stancer_add_target(b, "Ukraine joining NATO");
	nf_stancer_add_target(b, "Oakfield building a tram line");
	nf_stancer_options(b, 1, 1);   /* author voice and affiliations: a different engine set-up */
	char *wa = run(a, doc_tram, &r1), *wb = run(b, doc_nato, &r2), *wbt = run(b, doc_tram, &r2);
	ok(strstr(wa, "Ilse Vandermeer||FAVOR") && strstr(wa, "Pavel Horak||AGAINST"), "stancer a alone: %s", wa);
	ok(strstr(wb, "Ukraine|Ukraine|FAVOR") && strstr(wb, "Slovakia|Slovakia|AGAINST"), "stancer b alone: %s", wb);

	/* interleaved, with the result objects swapped between stancers */
	int same = 1;
	for (int i = 0; i < 20; i++) {
		char *x = run(a, doc_tram, i % 2 ? &r2 : &r1), *y = run(b, doc_nato, i % 2 ? &r1 : &r2);
		char *z = run(b, doc_tram, &r2), *e = run(a, "", &r1);
		same &= strcmp(x, wa) == 0 && strcmp(y, wb) == 0 && strcmp(z, wbt) == 0 && !*e;
		free(x); free(y); free(z); free(e);
	}
	ok(same, "interleaved runs of two stancers: each gives its verdicts alone");

	/* at once, in two threads */
	job ja = { a, doc_tram, wa, 0 }, jb = { b, doc_nato, wb, 0 };
	pthread_t ta, tb;
	pthread_create(&ta, NULL, worker, &ja);
	pthread_create(&tb, NULL, worker, &jb);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	ok(ja.same && jb.same, "two stancers in two threads at once: the same verdicts");

	/* freeing one leaves the other whole */
	nf_stancer_free(a);
	char *y = run(b, doc_nato, &r2), *z = run(b, doc_tram, &r2);
	ok(strcmp(y, wb) == 0 && strcmp(z, wbt) == 0, "the other stancer after one is freed: the same verdicts");
	free(y); free(z);
	nf_stancer_free(b);
	free(wa); free(wb); free(wbt);
	nf_stances_free(&r1);
	nf_stances_free(&r2);
	return tap_done();
}
