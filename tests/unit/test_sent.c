/* Unit tests for sent: the offset invariant over a mixed text. */
#include "data.h"
#include "sent.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

int main(void)
{
	const char *text = "  Mr. Lee arrived at 3 p.m. on Friday.  He said: “We are ready.” The U.S. team\n"
			   "\nwas not. Why? Nobody knows... Prices rose 2.5% in Jan. last year.\n  ";
	nf_splitter *s = nf_splitter_new(NULL, 0);
	nf_span *sp = NULL;
	size_t cap = 0, n = nf_split(s, text, strlen(text), &sp, &cap);
	int inv = n > 0, prev = 0;
	for (size_t i = 0; i < n; i++) {
		const char *a = text + sp[i].start, *b = text + sp[i].end;
		inv &= sp[i].start < sp[i].end && (int)sp[i].start >= prev;
		inv &= *a != ' ' && *a != '\n' && b[-1] != ' ' && b[-1] != '\n';
		prev = (int)sp[i].end;
	}
	ok(inv, "sentences are in order, non-empty, trimmed and do not overlap");
	ok(n == 7, "seven sentences (got %zu)", n);
	ok(n > 2 && sp[2].para == 1 && strncmp(text + sp[2].start, "The U.S. team", 13) == 0, "line break ends a sentence");
	ok(n > 3 && sp[3].para == 2, "a blank line starts paragraph 2");
	free(sp);
	nf_splitter_free(s);
	return tap_done();
}
