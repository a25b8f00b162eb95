/* libFuzzer harness: the libxml2-based HTML block reader on arbitrary bytes. */
#include "html.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nf_page pg;
	nf_page_init(&pg);
	nf_html_parse(&pg, (const char *)data, size);
	nf_page_free(&pg);
	return 0;
}
