/* libFuzzer harness: sentences, entities and quotes over valid UTF-8 text (the tools reject
 * anything else before it gets here); every mention and quote must lie inside the text. */
#include "data.h"
#include "ent.h"
#include "quote.h"
#include "rec.h"
#include "sent.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static nf_splitter *sp;
	static nf_ner *ner;
	static nf_quoter *qt;
	static nf_span *spans;
	static size_t cap;
	static nf_entities ents;
	static nf_quotes quotes;
	const char *text = (const char *)data;
	if (rec_utf8_check(text, size) != size)
		return 0;
	if (!sp) {
		sp = nf_splitter_new(NULL, 0);
		ner = nf_ner_new();
		qt = nf_quoter_new();
	}
	size_t ns = nf_split(sp, text, size, &spans, &cap);
	nf_ner_run(ner, text, size, spans, ns, &ents);
	for (size_t i = 0; i < ents.n; i++)
		if (ents.m[i].end > size || ents.m[i].start >= ents.m[i].end || ents.m[i].cluster < 0 ||
		    (size_t)ents.m[i].cluster >= ents.nc)
			abort();
	nf_quotes_run(qt, text, size, spans, ns, &ents, &quotes);
	for (size_t i = 0; i < quotes.n; i++)
		if (quotes.q[i].end > size || quotes.q[i].start > quotes.q[i].end)
			abort();
	return 0;
}
