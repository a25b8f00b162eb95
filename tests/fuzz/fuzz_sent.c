/* libFuzzer harness: the sentence splitter on arbitrary bytes; spans must be in order, inside
 * the text, non-empty and non-overlapping. */
#include "data.h"
#include "sent.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static nf_splitter *sp, *join;
	if (!sp) {
		sp = nf_splitter_new(NULL, 0);
		join = nf_splitter_new(NULL, 1);
	}
	static nf_span *spans;
	static size_t cap;
	for (int k = 0; k < 2; k++) {
		size_t n = nf_split(k ? join : sp, (const char *)data, size, &spans, &cap);
		size_t prev = 0;
		for (size_t i = 0; i < n; i++) {
			if (spans[i].start < prev || spans[i].end <= spans[i].start || spans[i].end > size)
				abort();
			prev = spans[i].end;
		}
	}
	return 0;
}
