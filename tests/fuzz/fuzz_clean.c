/* libFuzzer harness: clean's whole processing (sniffing, HTML or text blocks, metadata). */
#include "clean.h"
#include "data.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static nf_cleaner *c;
	static nf_clean_result r;
	if (!c) {
		c = nf_cleaner_new();
		nf_clean_result_init(&r);
	}
	nf_clean_opts o = { NF_CLEAN_AUTO, 0, NF_DATE_AUTO, size & 1 };
	nf_clean(c, (const char *)data, size, &o, &r);
	return 0;
}
