/* Unit tests for rec: TSV escapes, CSV quoting, ragged rows, UTF-8 checks. */
#include "rec.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

static int streq(nf_str s, const char *c) { return s.n == strlen(c) && memcmp(s.p, c, s.n) == 0; }

static void test_tsv(void)
{
	const char in[] = "\xEF\xBB\xBFid\ttext\r\na\tx\\ty\\nz\\\\w\\q\nb\tonly\textra\nc\t\n";
	FILE *f = fmemopen((void *)in, sizeof in - 1, "r");
	rec_reader *r = rec_open(f, "t", 0);
	nf_str *fl;
	size_t n;
	ok(rec_next(r, &fl, &n) == REC_OK && n == 2 && streq(fl[0], "id") && streq(fl[1], "text"),
	   "tsv: BOM and CR dropped from the header");
	ok(rec_next(r, &fl, &n) == REC_OK && streq(fl[1], "x\ty\nz\\w\\q"), "tsv: escapes decoded, unknown one kept");
	ok(rec_next(r, &fl, &n) == REC_BAD && rec_line(r) == 3 && strstr(rec_error(r), "3 fields"),
	   "tsv: ragged row reported at its line");
	ok(rec_raw(r).n == 13 && memcmp(rec_raw(r).p, "b\tonly\textra\n", 13) == 0, "tsv: raw bytes of a bad row kept");
	ok(rec_next(r, &fl, &n) == REC_OK && n == 2 && fl[1].n == 0, "tsv: empty last field");
	ok(rec_next(r, &fl, &n) == REC_EOF, "tsv: end of input");
	rec_close(r);
	fclose(f);
}

static void test_csv(void)
{
	const char in[] = "id,text\n1,\"a \"\"b\"\",\nc\"\n2, spaced \n";
	FILE *f = fmemopen((void *)in, sizeof in - 1, "r");
	rec_reader *r = rec_open(f, "t", REC_CSV);
	nf_str *fl;
	size_t n;
	ok(rec_next(r, &fl, &n) == REC_OK && n == 2 && streq(fl[1], "text"), "csv: header");
	ok(rec_next(r, &fl, &n) == REC_OK && streq(fl[1], "a \"b\",\nc"), "csv: quotes and embedded newline");
	ok(rec_next(r, &fl, &n) == REC_OK && streq(fl[1], " spaced ") && rec_line(r) == 4,
	   "csv: blanks kept, line counted across the embedded newline");
	ok(rec_next(r, &fl, &n) == REC_EOF, "csv: end of input");
	rec_close(r);
	fclose(f);
}

static int raw_is(const rec_reader *r, const char *c) { return streq(rec_raw(r), c); }

/* --rejects writes rec_raw: for CSV it must be the record's lines as read, not re-quoted. */
static void test_csv_raw(void)
{
	const char in[] = "id,text\r\n1,\"two\nlines\",extra\r\n\n\r\n2,\"bad\"x\n3,plain\n4,\"open\n";
	FILE *f = fmemopen((void *)in, sizeof in - 1, "r");
	rec_reader *r = rec_open(f, "t", REC_CSV);
	nf_str *fl;
	size_t n;
	ok(rec_next(r, &fl, &n) == REC_OK && raw_is(r, "id,text\r\n"), "csv raw: the header as read");
	ok(rec_next(r, &fl, &n) == REC_BAD && rec_line(r) == 2 && raw_is(r, "1,\"two\nlines\",extra\r\n"),
	   "csv raw: a ragged record over two lines, both lines, at its first line");
	ok(rec_next(r, &fl, &n) == REC_BAD && rec_line(r) == 6 && raw_is(r, "2,\"bad\"x\n"),
	   "csv raw: bad quoting kept whole, line counted past the blank lines");
	ok(rec_next(r, &fl, &n) == REC_OK && streq(fl[1], "plain") && raw_is(r, "3,plain\n") && rec_line(r) == 7,
	   "csv raw: the parser goes on after the bad line");
	ok(rec_next(r, &fl, &n) == REC_BAD && rec_line(r) == 8 && raw_is(r, "4,\"open\n"),
	   "csv raw: a quote still open at the end of input");
	ok(rec_next(r, &fl, &n) == REC_EOF, "csv raw: end of input");
	rec_close(r);
	fclose(f);
}

static void test_utf8(void)
{
	ok(rec_utf8_check("caf\xC3\xA9", 5) == 5, "utf8: valid two-byte");
	ok(rec_utf8_check("a\xC0\x80", 3) == 1, "utf8: overlong rejected");
	ok(rec_utf8_check("ab\xED\xA0\x80", 5) == 2, "utf8: surrogate rejected");
	ok(rec_utf8_check("a\0b", 3) == 1, "utf8: NUL rejected");
	ok(rec_utf8_check("\xF0\x9F\x98\x80", 4) == 4, "utf8: four-byte");
}

static void test_writer(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rec_writer *w = rec_writer_new(f, 0);
	rec_put_str(w, "a\tb\\c\nd");
	rec_put_long(w, 42);
	rec_end(w);
	rec_writer_free(w);
	w = rec_writer_new(f, 1);
	rec_put_str(w, "plain");
	rec_put_str(w, "say \"hi\", ok");
	rec_end(w);
	rec_writer_free(w);
	fclose(f);
	ok(strcmp(buf, "a\\tb\\\\c\\nd\t42\nplain,\"say \"\"hi\"\", ok\"\r\n") == 0, "writer: TSV escapes and CSV quoting");
	free(buf);
}

int main(void)
{
	test_tsv();
	test_csv();
	test_csv_raw();
	test_utf8();
	test_writer();
	return tap_done();
}
