/* The sentence splitter's portable code (what a machine without SSE2 runs) against the one
 * built into the library, on random text rich in stops, quotes and UTF-8: same spans. */
#define nf_splitter_new p_nf_splitter_new
#define nf_splitter_free p_nf_splitter_free
#define nf_split p_nf_split
#define nf_sent_join p_nf_sent_join
#undef __SSE2__
#include "sent.c"
#undef nf_splitter_new
#undef nf_splitter_free
#undef nf_split
#undef nf_sent_join
#include "tap.h"

nf_splitter *nf_splitter_new(const char *extra_abbrev, int join_lines);
void nf_splitter_free(nf_splitter *s);
size_t nf_split(const nf_splitter *s, const char *text, size_t len, nf_span **spans, size_t *cap);

int main(void)
{
	static const char *const words[] = { "The", "mayor", "said", "Dr.", "U.S.", "3.5", "p.m.", "Mr.", "it", "I.",
					     "\xE2\x80\x9CNo.\xE2\x80\x9D", "(see", "below)", "\xE2\x80\xA6", "...", "!", "?",
					     "\n", "\n\n", "1.", "a)", "caf\xC3\xA9", "\xE3\x80\x82", "\xEF\xBC\x81", "\xC2\xA0",
					     "\xE2\x80\xA2", "x", ". . .", "\"", "'", "Co.", "At", "5", "a.m.", "He" };
	int bad = 0, rounds = 4000;
	for (int k = 0; k < 2; k++) {
		nf_splitter *a = nf_splitter_new(NULL, k), *b = p_nf_splitter_new(NULL, k);
		nf_span *sa = NULL, *sb = NULL;
		size_t ca = 0, cb = 0;
		for (int round = 0; round < rounds; round++) {
			size_t want = tap_rand() % 400, n = 0;
			char *t = nf_xmalloc(want + 64);
			while (n < want) {
				const char *w = words[tap_rand() % (sizeof words / sizeof *words)];
				size_t wl = strlen(w);
				if (n + wl + 1 > want + 63)
					break;
				memcpy(t + n, w, wl);
				n += wl;
				if (tap_rand() % 3)
					t[n++] = ' ';
			}
			size_t na = nf_split(a, t, n, &sa, &ca), nb = p_nf_split(b, t, n, &sb, &cb);
			int same = na == nb;
			for (size_t i = 0; same && i < na; i++)
				same = sa[i].start == sb[i].start && sa[i].end == sb[i].end && sa[i].para == sb[i].para;
			bad += !same;
			free(t);
		}
		free(sa);
		free(sb);
		nf_splitter_free(a);
		p_nf_splitter_free(b);
	}
	ok(!bad, "sentences: the portable code splits as the built one (%d of %d texts differ)", bad, 2 * rounds);
	return tap_done();
}
