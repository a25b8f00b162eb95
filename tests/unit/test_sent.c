/* Unit tests for sent: the offset invariant over a small and a large generated mixed text,
 * re-splitting sentence rows placed at their offsets, NUL bytes, and a 20 MB paragraph. */
#include "data.h"
#include "sent.h"
#include "tap.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int is_ws(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* Rows in order, non-empty, trimmed, not overlapping, and every other byte white space
 * (nothing lost). */
static int invariant(const char *t, size_t len, const nf_span *sp, size_t n, const char **why)
{
	size_t prev = 0;
	for (size_t i = 0; i < n; i++) {
		if (sp[i].start >= sp[i].end || sp[i].end > len) { *why = "empty or out of range"; return 0; }
		if (sp[i].start < prev) { *why = "overlap or out of order"; return 0; }
		if (is_ws((unsigned char)t[sp[i].start]) || is_ws((unsigned char)t[sp[i].end - 1])) { *why = "not trimmed"; return 0; }
		for (size_t k = prev; k < sp[i].start; k++)
			if (!is_ws((unsigned char)t[k]) && !((unsigned char)t[k] == 0xC2 && (unsigned char)t[k + 1] == 0xA0) &&
			    !((unsigned char)t[k] == 0xA0 && k > 0 && (unsigned char)t[k - 1] == 0xC2)) { *why = "bytes lost between rows"; return 0; }
		prev = sp[i].end;
	}
	for (size_t k = prev; k < len; k++)
		if (!is_ws((unsigned char)t[k])) { *why = "bytes lost at the end"; return 0; }
	return 1;
}

/* The document as the sentence rows rebuild it: each row's text at its start offset, the gap
 * before it spaces, with a line break first when the paragraph changes. */
static char *rebuild(const char *t, const nf_span *sp, size_t n, size_t *outlen)
{
	size_t len = n ? sp[n - 1].end : 0;
	char *r = nf_xmalloc(len + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t g = o; g < sp[i].start; g++)
			r[g] = (g == o && i > 0 && sp[i].para != sp[i - 1].para) ? '\n' : ' ';
		memcpy(r + sp[i].start, t + sp[i].start, sp[i].end - sp[i].start);
		o = sp[i].end;
	}
	r[len] = 0;
	*outlen = len;
	return r;
}

static const char *const pieces[] = {
	"Dr. Ana Ruiz met Sen. Paul Okafor at 10 a.m. on Tuesday.", "The U.S. Senate voted 52-48.",
	"Lawmakers in the U.S. They were split.", "“It will take time,” he said.",
	"“We are not there yet.” The vote is on Monday.", "“Are you sure?” she asked.",
	"The budget is $3.75 billion, up 4.5% from 2023.", "Send tips to desk@example.org.",
	"Read more at www.example.org/tram.", "W. H. Ashby died.", "Plan B. It failed.",
	"1. Buy bread 2. Feed the cat 3. Call Ana", "• Tram approved • Budget cut",
	"We waited… and waited.", "It ended there. . . . A new chapter began.",
	"He paused . . . then spoke.", "The report [...] was clear.", "Council backs tram line",
	"At 6 a.m. Mayor Brandt arrived.", "She left at 9 p.m. The staff stayed.",
	"(The board met later.)", "Sales rose (see Table 2).", "Why? Nobody knows...",
	"“The plan works.” Minister Ivo Sand said on Monday.", "No. 5 won.", "a) Costs. b) Delays.",
	"Prices rose 2.5% in Jan. last year.", "Ferro Corp. said it would cut jobs.",
	"Lena.Moss@mail.example.com wrote.", "Ça va. Élodie left. Œuvre.", "Wait....",
};
static const char *const seps[] = { " ", "  ", "\n", "\n\n", " \n ", "\t", "\xC2\xA0", " ", " ", " " };

int main(void)
{
	const char *text = "  Mr. Lee arrived at 3 p.m. on Friday.  He said: “We are ready.” The U.S. team\n"
			   "\nwas not. Why? Nobody knows... Prices rose 2.5% in Jan. last year.\n  ";
	nf_splitter *s = nf_splitter_new(NULL, 0);
	nf_span *sp = NULL, *sp2 = NULL;
	size_t cap = 0, cap2 = 0, n = nf_split(s, text, strlen(text), &sp, &cap);
	const char *why = "";
	ok(invariant(text, strlen(text), sp, n, &why), "small text: the offset invariant holds (%s)", why);
	ok(n == 7, "seven sentences (got %zu)", n);
	ok(n > 2 && sp[2].para == 1 && strncmp(text + sp[2].start, "The U.S. team", 13) == 0, "line break ends a sentence");
	ok(n > 3 && sp[3].para == 2, "a blank line starts paragraph 2");

	/* a large mixed text from the pieces, joined by random separators */
	nf_buf b = { 0 };
	unsigned long r = 12345;
	while (b.n < (4u << 20)) {
		r = r * 6364136223846793005UL + 1442695040888963407UL;
		const char *p = pieces[(r >> 33) % (sizeof pieces / sizeof *pieces)];
		nf_buf_add(&b, p, strlen(p));
		const char *q = seps[(r >> 20) % (sizeof seps / sizeof *seps)];
		nf_buf_add(&b, q, strlen(q));
	}
	n = nf_split(s, b.p, b.n, &sp, &cap);
	ok(invariant(b.p, b.n, sp, n, &why), "4 MB mixed text: the offset invariant holds (%s), %zu rows", why, n);
	size_t rlen;
	char *rb = rebuild(b.p, sp, n, &rlen);
	size_t n2 = nf_split(s, rb, rlen, &sp2, &cap2);
	int same = n2 == n;
	for (size_t i = 0; same && i < n; i++)
		same = sp[i].start == sp2[i].start && sp[i].end == sp2[i].end && sp[i].para == sp2[i].para;
	ok(same, "sentence rows placed at their offsets split into the same rows (%zu vs %zu)", n, n2);
	free(rb);

	/* the same with join_lines */
	nf_splitter *sj = nf_splitter_new(NULL, 1);
	n = nf_split(sj, b.p, b.n, &sp, &cap);
	ok(invariant(b.p, b.n, sp, n, &why), "join_lines: the offset invariant holds (%s)", why);
	nf_splitter_free(sj);

	/* NUL bytes and invalid UTF-8 are ordinary bytes to the splitter */
	static const char nul[] = "One a\0b. Two \xff\xfe here. Three.\xE2\x80";
	n = nf_split(s, nul, sizeof nul - 1, &sp, &cap);
	ok(n == 3 && invariant(nul, sizeof nul - 1, sp, n, &why), "NUL and bad UTF-8: three rows, invariant holds (got %zu)", n);
	/* a truncated E2 80 sequence before a period: the period still ends the sentence */
	static const char cut[] = "The tram left\xE2\x80. Then it rained.";
	n = nf_split(s, cut, sizeof cut - 1, &sp, &cap);
	ok(n == 2, "a cut E2 80 before a period: two rows (got %zu)", n);

	/* one 20 MB paragraph: no break at all, then one made of short sentences */
	nf_buf_clear(&b);
	while (b.n < (20u << 20))
		nf_buf_add(&b, "and the tram went on x.y.z ", 27);
	n = nf_split(s, b.p, b.n, &sp, &cap);
	ok(n == 1 && sp[0].start == 0 && sp[0].end == b.n - 1, "20 MB without a stop: one row covering it");
	nf_buf_clear(&b);
	while (b.n < (20u << 20))
		nf_buf_add(&b, "The tram went on. ", 18);
	n = nf_split(s, b.p, b.n, &sp, &cap);
	ok(n == b.n / 18 && invariant(b.p, b.n, sp, n, &why), "20 MB paragraph of sentences: %zu rows", n);

	/* inputs that would be quadratic with unbounded look-back: each must stay linear */
	static const char *const patho[][2] = {
		{ "", "ab.Cd" },                  /* glued periods without a space */
		{ "- ", "1) x " },                /* a long lead of dashes, then list markers */
		{ "At ", "5 a.m. X " },           /* a long run of time words */
		{ "", ". " },                     /* spaced dots */
		{ "", ".\xE2\x80\x9D A " },        /* full-stop quotations and capitals */
		{ "", "x " },                     /* one sentence of words, no stop */
	};
	for (size_t k = 0; k < sizeof patho / sizeof *patho; k++) {
		nf_buf_clear(&b);
		while (*patho[k][0] && b.n < (4u << 20))
			nf_buf_add(&b, patho[k][0], strlen(patho[k][0]));
		while (b.n < (8u << 20))
			nf_buf_add(&b, patho[k][1], strlen(patho[k][1]));
		clock_t c0 = clock();
		n = nf_split(s, b.p, b.n, &sp, &cap);
		double sec = (double)(clock() - c0) / CLOCKS_PER_SEC;
		ok(sec < 5 && invariant(b.p, b.n, sp, n, &why), "8 MB of \"%s\": %zu rows in %.2f s", patho[k][1], n, sec);
	}

	nf_buf_free(&b);
	free(sp);
	free(sp2);
	nf_splitter_free(s);
	return tap_done();
}
