/* libFuzzer harness: the TSV and CSV record readers on arbitrary bytes. The first byte picks
 * the format; every record must come back with the header's field count or as REC_BAD, and
 * (CSV) the records' raw bytes, good and bad, must be the input itself but for blank lines
 * and a BOM: --rejects loses nothing. */
#include "rec.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does raw come next in the input, after blank lines (CR and LF only) at most? */
static int next_in(const uint8_t *in, size_t n, size_t *pos, nf_str raw)
{
	for (size_t i = *pos; i <= n; i++) {
		if (raw.n <= n - i && memcmp(in + i, raw.p, raw.n) == 0) {
			*pos = i + raw.n;
			return 1;
		}
		if (i == n || (in[i] != '\n' && in[i] != '\r'))
			return 0;
	}
	return 0;
}

static int only_blank(const uint8_t *in, size_t n, size_t pos)
{
	while (pos < n && (in[pos] == '\n' || in[pos] == '\r'))
		pos++;
	return pos == n;
}

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
	const uint8_t *in = data + 1;
	size_t in_n = size - 1, pos = in_n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while ((st = rec_next(r, &fl, &n)) != REC_EOF) {
		if (flags & REC_CSV) {
			nf_str raw = rec_raw(r);
			if (raw.n && !next_in(in, in_n, &pos, raw))
				abort();              /* a record's bytes are not the input's next bytes */
		}
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
	if ((flags & REC_CSV) && st == REC_EOF && !only_blank(in, in_n, pos))
		abort();                              /* bytes that no record holds */
	rec_close(r);
	fclose(f);
	return 0;
}
