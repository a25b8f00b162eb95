/* libFuzzer harness: stance over valid UTF-8 text with a fixed target. */
#include "data.h"
#include "rec.h"
#include "stance.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static nf_stancer *st;
	static nf_stances out;
	const char *text = (const char *)data;
	if (rec_utf8_check(text, size) != size)
		return 0;
	if (!st) {
		st = nf_stancer_new();
		nf_stancer_add_target(st, "Ukraine joining NATO");
		nf_stancer_add_target(st, "Riverton building a tram line");
	}
	nf_stance_run(st, text, size, &out);
	return 0;
}
