/* test_quote.c - quote-mark pairing and fragments, without entities (nf_quotes_run with none). */
#include "quote.h"
#include "sent.h"
#include "util.h"
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static nf_quoter *qt;
static nf_splitter *sp;
static nf_quotes out;

/* Runs the quoter on s; returns the number of quotation-mark quotes. */
static size_t run(const char *s)
{
	static nf_span *spans;
	static size_t cap;
	size_t n = nf_split(sp, s, strlen(s), &spans, &cap);
	nf_quotes_run(qt, s, strlen(s), spans, n, NULL, &out);
	size_t k = 0;
	for (size_t i = 0; i < out.n; i++)
		if (out.q[i].type != NF_Q_INDIRECT)
			out.q[k++] = out.q[i];
	out.n = k;   /* (the others' strings are the result's: freed by nf_quotes_free) */
	return k;
}

/* Appends fmt (one %d) for k = from .. to-1: the long documents of the tests below. */
static void add_numbered(nf_buf *b, const char *fmt, int from, int to)
{
	for (int k = from; k < to; k++) {
		char line[40];
		int n = snprintf(line, sizeof line, fmt, k);
		nf_buf_add(b, line, (size_t)n);
	}
}

static int text_is(const char *s, size_t i, const char *want)
{
	return i < out.n && out.q[i].end - out.q[i].start == strlen(want) &&
	       memcmp(s + out.q[i].start, want, strlen(want)) == 0;
}

int main(void)
{
	nf_progname = "test_quote";
	qt = nf_quoter_new();
	sp = nf_splitter_new(NULL, 0);
	const char *s;

	s = "\xE2\x80\x9CWe will build it,\xE2\x80\x9D the mayor said.";
	ok(run(s) == 1 && text_is(s, 0, "We will build it,"), "curly double marks");
	s = "\"We will build it,\" the mayor said.";
	ok(run(s) == 1 && text_is(s, 0, "We will build it,"), "straight double marks");
	s = "``We will build it,'' the mayor said.";
	ok(run(s) == 1 && text_is(s, 0, "We will build it,"), "typewriter `` '' marks");
	s = "''We will build it,'' the mayor said.";
	ok(run(s) == 1 && text_is(s, 0, "We will build it,"), "two apostrophes as double marks");
	s = "\xC2\xAB" "Nous construirons,\xC2\xBB dit le maire.";
	ok(run(s) == 1 && text_is(s, 0, "Nous construirons,"), "guillemets");
	s = "\xE2\x80\x9E" "Wir bauen\xE2\x80\x9C, sagte der B\xC3\xBCrgermeister.";
	ok(run(s) == 1 && text_is(s, 0, "Wir bauen"), "low opening mark closed by a high one");
	s = "The mayor\xE2\x80\x99s plan didn\xE2\x80\x99t survive the \xE2\x80\x99" "90s, and the Joneses' shop closed.";
	ok(run(s) == 0, "apostrophes are not quote marks");
	s = "She said: \xE2\x80\x9CThe word \xE2\x80\x98tram\xE2\x80\x99 scares nobody.\xE2\x80\x9D";
	ok(run(s) == 1 && text_is(s, 0, "The word \xE2\x80\x98tram\xE2\x80\x99 scares nobody."), "nested single marks stay inside");
	s = "He said \xE2\x80\x9Cthe plan is dead.\n\nThe council met. \xE2\x80\x9CWe vote today,\xE2\x80\x9D she said.";
	ok(run(s) == 1 && text_is(s, 0, "We vote today,"), "an unclosed mark is dropped at the paragraph end");
	s = "The mayor spoke.\n\xE2\x80\x9C" "First part.\n\xE2\x80\x9CSecond part,\xE2\x80\x9D she said.";
	ok(run(s) == 1 && out.q[0].nfrag == 2, "a quote over two paragraphs is one quote with two fragments");
	s = "\"Stray opener.\n\xE2\x80\x9C" "A real quote,\xE2\x80\x9D she said.";
	ok(run(s) == 1 && out.q[0].nfrag == 1 && text_is(s, 0, "A real quote,"),
	   "a quote is reopened in the next paragraph only with the same kind of mark");
	s = "A 6'2\" man and '90s music. \"The end,\" she said.";
	ok(run(s) == 1 && text_is(s, 0, "The end,"), "inch marks and leading apostrophes do not pair");
	s = "\xE2\x80\x9C\xE2\x80\x9D and \"\" are empty.";
	ok(run(s) == 0, "empty quotes are dropped");
	{
		/* the text of a split quote: the tag's comma becomes a period before a new sentence */
		nf_buf b = { 0 };
		s = "The council met. \"This will cost us,\" he said. \"We should wait.\"";
		ok(run(s) == 1 && out.q[0].nfrag == 2, "a split quote is one quote");
		nf_quote_text(qt, s, &out.q[0], &b);
		ok(b.n == strlen("This will cost us. We should wait.") && memcmp(b.p, "This will cost us. We should wait.", b.n) == 0,
		   "split quote text reads as two sentences");
		s = "The council met. \"If we wait,\" he said, \"Riverton will pay.\"";
		nf_buf_clear(&b);
		ok(run(s) == 1, "a split quote before a name");
		nf_quote_text(qt, s, &out.q[0], &b);
		ok(b.n == strlen("If we wait, Riverton will pay.") && memcmp(b.p, "If we wait, Riverton will pay.", b.n) == 0,
		   "the comma stays before a name");
		nf_buf_free(&b);
	}
	{
		/* a long run of quotes side by side, merged one by one into one quote: each merge
		 * adds the next one's fragment (copying all the fragments at each merge made this
		 * 30,000-quote document take gigabytes) */
		enum { N = 30000 };
		nf_buf b = { 0 };
		add_numbered(&b, "\"Line %d is sad.\" ", 0, N);
		nf_buf_addc(&b, 0);
		size_t nq = run(b.p);
		ok(nq == 1 && out.q[0].nfrag == N && out.q[0].frag[N - 1].end == b.n - 3,
		   "30,000 quotes side by side make one quote of 30,000 fragments");
		nf_buf_free(&b);
	}
	{
		/* one endless "sentence" of scare quotes: each quote's clause is looked for a bounded
		 * way back, not over all the quotes before it (quadratic: minutes for 2 MB) */
		enum { N = 20000 };
		nf_buf b = { 0 };
		add_numbered(&b, "the 'word %d' and ", 0, N);
		nf_buf_add(&b, "\"the end,\" she said.", 20);
		nf_buf_addc(&b, 0);
		size_t nq = run(b.p);
		ok(nq == 1 && text_is(b.p, 0, "the end,") && out.q[0].cue && strcmp(out.q[0].cue, "said") == 0,
		   "20,000 scare quotes in one sentence, then a quote with its tag");
		nf_buf_free(&b);
	}
	{
		/* one clause of 20,000 partial quotes: each row reports the whole clause (its end
		 * is written to the rows before once, not again at each quote) */
		enum { N = 20000 };
		nf_buf b = { 0 };
		nf_buf_add(&b, "Anna Berg said the plan was ", 28);
		nf_buf_add(&b, "\"bad 0\"", 7);
		add_numbered(&b, " and \"bad %d\"", 1, N);
		nf_buf_add(&b, ".", 1);
		nf_buf_addc(&b, 0);
		size_t nq = run(b.p), same = 0;
		for (size_t k = 0; k < nq; k++)
			same += out.q[k].type == NF_Q_PARTIAL && out.q[k].content_start == out.q[0].content_start &&
				out.q[k].content_end == out.q[nq - 1].end;
		ok(nq == N && same == N, "20,000 partial quotes in one clause share its content");
		nf_buf_free(&b);
	}
	nf_quotes_free(&out);
	nf_splitter_free(sp);
	nf_quoter_free(qt);
	return tap_done();
}
