/* libFuzzer harness: the TSV and CSV record readers on arbitrary bytes. The first byte picks
 * the format; every record must come back with the header's field count or as REC_BAD. */
#include "rec.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int flags = (data[0] & 1) ? REC_CSV : 0;
	FILE *f = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "r");
	if (!f)
		return 0;
	if (size == 1)
		fgetc(f);                     /* fmemopen cannot open an empty buffer: read it empty */
	rec_reader *r = rec_open(f, "fuzz", flags);
	nf_str *fl;
	size_t n, header = 0;
	int st, first = 1;
	while ((st = rec_next(r, &fl, &n)) != REC_EOF) {
		if (first && st != REC_OK)
			break;                        /* a tool stops at a malformed header */
		if (first)
			header = n;
		if (st == REC_OK && n != header)
			abort();
		first = 0;
		for (size_t i = 0; st == REC_OK && i < n; i++)
			if (rec_utf8_check(fl[i].p, fl[i].n) != fl[i].n)
				abort();              /* invalid bytes must have been reported */
	}
	rec_close(r);
	fclose(f);
	return 0;
}
