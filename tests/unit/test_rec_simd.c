/* Unit tests for rec's fast paths (SSE2 where the compiler has it; test_rec_portable.c runs
 * the same checks on the portable code): each helper against a byte-at-a-time model, on
 * random bytes rich in tabs, backslashes, controls and UTF-8, each input in a heap block of
 * its exact size so that the sanitizer build catches any load past its end. */
#include "rec.c"
#include "tap.h"
#include <limits.h>

/* n random bytes, mostly plain letters with the bytes that matter mixed in */
static char *random_bytes(size_t n)
{
	static const char some[] = "\t\\\\nrt\n\r\x01\x0D\x0E\x7F\x80\xC3\xA9\xE2\x80\x9D\xF0\x9F\x98\x80\xED\xA0\xC0\xFF,\"";
	char *p = nf_xmalloc(n ? n : 1);
	int dense = tap_rand() % 4 == 0;
	for (size_t i = 0; i < n; i++)
		p[i] = tap_rand() % (dense ? 2 : 24) == 0 ? some[tap_rand() % (sizeof some - 1)] : (char)('a' + tap_rand() % 26);
	if (n && tap_rand() % 8 == 0)
		p[tap_rand() % n] = 0;
	return p;
}

static size_t model_utf8(const unsigned char *u, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = u[i], len, cp;
		if (c >= 0x01 && c < 0x80) { i++; continue; }
		if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
		else return i;
		if (i + len > n)
			return i;
		for (unsigned k = 1; k < len; k++) {
			if ((u[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (u[i + k] & 0x3F);
		}
		if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += len;
	}
	return n;
}

static size_t model_unescape(char *d, const char *s, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		char e = i + 1 < n && s[i] == '\\' ? s[i + 1] : 0;
		char x = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : 0;
		d[j++] = x ? x : s[i];
		i += x != 0;
	}
	return j;
}

static size_t model_escape(char *d, const char *s, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		char e = tsv_esc[(unsigned char)s[i]];
		if (e)
			d[j++] = '\\';
		d[j++] = e ? e : s[i];
	}
	return j;
}

static void test_helpers(void)
{
	int bad_utf8 = 0, bad_ascii = 0, bad_unesc = 0, bad_inplace = 0, bad_special = 0, bad_short = 0;
	for (int round = 0; round < 20000; round++) {
		size_t n = round < 1200 ? (size_t)round % 600 : tap_rand() % (tap_rand() % 8 ? 40 : 1100);
		char *p = random_bytes(n);
		const unsigned char *u = (const unsigned char *)p;
		bad_utf8 += rec_utf8_check(p, n) != model_utf8(u, n);
		size_t from = n ? tap_rand() % n : 0, a = from;
		while (a < n && u[a] >= 1 && u[a] < 0x80)
			a++;
		bad_ascii += ascii_end(u, from, n) != a;
		char *d = nf_xmalloc(n ? n : 1), *m = nf_xmalloc(n ? n : 1);
		size_t dn = rec_unescape(d, p, n), mn = model_unescape(m, p, n);
		bad_unesc += dn != mn || memcmp(d, m, mn) != 0;
		char *q = nf_xmalloc(n ? n : 1);
		memcpy(q, p, n);
		size_t qn = rec_unescape(q, q, n);
		bad_inplace += qn != mn || memcmp(q, m, mn) != 0;
		/* next_special: no byte to escape is passed over, and it stops at a control or backslash */
		size_t s = next_special(p, from, n);
		int pass = s <= n && (s == n || u[s] < 0x0E || u[s] == '\\');
		for (size_t i = from; i < s && i < n && pass; i++)
			pass = !tsv_esc[u[i]];
		bad_special += !pass;
		if (n < 16) {
			int plain = 1;
			for (size_t i = 0; i < n; i++)
				plain &= u[i] >= 0x0E && u[i] != '\\';
			bad_short += short_plain(p, n) != plain;
		}
		free(p);
		free(d);
		free(m);
		free(q);
	}
	ok(!bad_utf8, "fast utf8 check agrees with the model (%d differ)", bad_utf8);
	ok(!bad_ascii, "ascii_end agrees with the model (%d differ)", bad_ascii);
	ok(!bad_unesc, "unescape into another buffer agrees with the model (%d differ)", bad_unesc);
	ok(!bad_inplace, "unescape in place agrees with the model (%d differ)", bad_inplace);
	ok(!bad_special, "next_special stops where put_tsv needs (%d wrong)", bad_special);
	ok(!bad_short, "short_plain agrees with the model (%d differ)", bad_short);
}

/* Whole records: random lines read back field by field, as the model splits them. */
static void test_records(void)
{
	int bad = 0, rounds = 3000;
	for (int round = 0; round < rounds; round++) {
		size_t n = round < 700 ? (size_t)round : tap_rand() % 1100;
		char *p = random_bytes(n);
		for (size_t i = 0; i < n; i++)
			if (p[i] == '\n' || p[i] == '\r')
				p[i] = 'x';                  /* one line, no CR before its newline */
		if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
			p[0] = 'x';
		char *line = nf_xmalloc(n + 1);
		memcpy(line, p, n);
		line[n] = '\n';
		size_t nf = 1;
		for (size_t i = 0; i < n; i++)
			nf += p[i] == '\t';
		FILE *f = fmemopen(line, n + 1, "r");
		rec_reader *r = rec_open(f, "t", 0);
		nf_str *fl;
		size_t k;
		int st = rec_next(r, &fl, &k);
		int valid = model_utf8((const unsigned char *)p, n) == n;
		int good = k == nf && st == (valid ? REC_OK : REC_BAD);
		char *m = nf_xmalloc(n + 1);
		for (size_t i = 0, a = 0, fi = 0; good && i <= n; i++) {
			if (i < n && p[i] != '\t')
				continue;
			size_t mn = model_unescape(m, p + a, i - a);
			good = fl[fi].n == mn && memcmp(fl[fi].p, m, mn) == 0;
			fi++;
			a = i + 1;
		}
		bad += !good;
		rec_close(r);
		fclose(f);
		free(m);
		free(line);
		free(p);
	}
	ok(!bad, "TSV lines of every length split and decoded as the model does (%d of %d differ)", bad, rounds);
}

static void test_writer_model(void)
{
	int bad = 0;
	for (int round = 0; round < 3000; round++) {
		size_t n = round < 600 ? (size_t)round % 300 : tap_rand() % 700;
		char *p = random_bytes(n);
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		rec_writer *w = rec_writer_new(f, 0);
		rec_put(w, "id", 2);
		rec_put(w, p, n);
		rec_end(w);
		rec_writer_free(w);
		fclose(f);
		char *m = nf_xmalloc(2 * n + 8);
		memcpy(m, "id\t", 3);
		size_t mn = 3 + model_escape(m + 3, p, n);
		m[mn++] = '\n';
		bad += len != mn || memcmp(buf, m, mn) != 0;
		free(buf);
		free(m);
		free(p);
	}
	ok(!bad, "writer escapes as the model does (%d differ)", bad);

	static const long v[] = { 0, 1, 9, 10, 99, 100, 4294967295L, 4294967296L, 9999999999L, 10000000000L,
				  -1, -10, LONG_MAX, LONG_MIN, LONG_MAX / 10, 123456789012345678L };
	char *buf = NULL, want[1024];
	size_t len = 0, wn = 0;
	FILE *f = open_memstream(&buf, &len);
	rec_writer *w = rec_writer_new(f, 0);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		rec_put_long(w, v[i]);
		wn += (size_t)snprintf(want + wn, sizeof want - wn, "%s%ld", i ? "\t" : "", v[i]);
	}
	rec_end(w);
	rec_writer_free(w);
	fclose(f);
	want[wn++] = '\n';
	ok(len == wn && memcmp(buf, want, wn) == 0, "writer: numbers as printf writes them");
	free(buf);
}

/* rec_put_row writes what the per-field calls write, in TSV and CSV, over rows that cross
 * the writer's buffer (it grows and flushes inside a row). */
static void test_row_model(void)
{
	int bad = 0;
	for (int csv = 0; csv < 2; csv++) {
		char *b1 = NULL, *b2 = NULL;
		size_t l1 = 0, l2 = 0;
		FILE *f1 = open_memstream(&b1, &l1), *f2 = open_memstream(&b2, &l2);
		rec_writer *w1 = rec_writer_new(f1, csv), *w2 = rec_writer_new(f2, csv);
		for (int round = 0; round < 4000; round++) {
			rec_field row[8];
			char *own[8], str[8][24];
			size_t nf = 1 + tap_rand() % 8;
			for (size_t i = 0; i < nf; i++) {
				own[i] = NULL;
				int kind = (int)(tap_rand() % 3);
				if (kind == 0) {
					long v = (long)(tap_rand() % 100000) * (tap_rand() % 2 ? 1 : 100003) - (tap_rand() % 9 == 0 ? 5000 : 0);
					row[i] = (rec_field)REC_LONG(v);
					rec_put_long(w1, v);
				} else if (kind == 1) {
					size_t n = round % 50 == 0 ? 70000 + tap_rand() % 90000 : tap_rand() % (tap_rand() % 4 ? 20 : 300);
					own[i] = random_bytes(n);
					row[i] = (rec_field)REC_BYTES(own[i], n);
					rec_put(w1, own[i], n);
				} else {
					size_t n = tap_rand() % 23;
					for (size_t k = 0; k < n; k++)
						str[i][k] = (char)(tap_rand() % 6 == 0 ? '\t' : 'a' + tap_rand() % 26);
					str[i][n] = 0;
					row[i] = (rec_field)REC_STR(str[i]);
					rec_put_str(w1, str[i]);
				}
			}
			size_t split = tap_rand() % (nf + 1);   /* a row begun field by field */
			for (size_t i = 0; i < split; i++) {
				if (!row[i].p)
					rec_put_long(w2, row[i].v);
				else
					rec_put(w2, row[i].p, row[i].n == REC_CSTR ? strlen(row[i].p) : row[i].n);
			}
			rec_put_row(w2, row + split, nf - split);
			rec_end(w1);
			rec_end(w2);
			for (size_t i = 0; i < nf; i++)
				free(own[i]);
		}
		rec_writer_free(w1);
		rec_writer_free(w2);
		fclose(f1);
		fclose(f2);
		bad += l1 != l2 || memcmp(b1, b2, l1) != 0;
		free(b1);
		free(b2);
	}
	ok(!bad, "rec_put_row writes what rec_put, rec_put_str and rec_put_long write (TSV and CSV)");
	char d[32], *e = rec_long_at(d, -1234567);
	ok(e - d == 8 && memcmp(d, "-1234567", 8) == 0, "rec_long_at: the digits in place");
	/* the edges: the 8-digit fast path's last number and the first past it, the extremes */
	static const long edge[] = { 99999999L, 100000000L, -99999999L, -100000000L, LONG_MAX, LONG_MIN, 0 };
	int edge_bad = 0;
	for (size_t i = 0; i < sizeof edge / sizeof *edge; i++) {
		char want[32];
		int wn = snprintf(want, sizeof want, "%ld", edge[i]);
		e = rec_long_at(d, edge[i]);
		edge_bad += e - d != wn || memcmp(d, want, (size_t)wn) != 0;
	}
	ok(!edge_bad, "rec_long_at: 10^8 - 1, 10^8, their negatives, LONG_MAX, LONG_MIN and 0 as printf writes them");
	char *rb = NULL;
	size_t rl = 0;
	FILE *rf = open_memstream(&rb, &rl);
	rec_writer *rw = rec_writer_new(rf, 0);
	const rec_field row[] = { REC_STR(NULL), REC_LONG(100000000L), REC_BYTES(NULL, 0), REC_LONG(LONG_MIN) };
	rec_put_row(rw, row, sizeof row / sizeof *row);
	rec_end(rw);
	rec_writer_free(rw);
	fclose(rf);
	char rwant[64];
	int rn = snprintf(rwant, sizeof rwant, "\t100000000\t\t%ld\n", LONG_MIN);
	ok(rl == (size_t)rn && memcmp(rb, rwant, rl) == 0, "rec_put_row: REC_STR(NULL) and REC_BYTES(NULL, 0) are empty fields");
	free(rb);
}

int main(void)
{
#if defined(__SSE2__)
	printf("# the SSE2 code\n");
#else
	printf("# the portable code\n");
#endif
	test_helpers();
	test_records();
	test_writer_model();
	test_row_model();
	return tap_done();
}
