/* Unit tests for rec: TSV escapes, CSV quoting, ragged rows, UTF-8 checks, read and write
 * errors. */
#define _GNU_SOURCE                      /* fopencookie: an input that fails after some bytes */
#include "rec.h"
#include "tap.h"
#include <errno.h>
#include <float.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

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

/* A stream that gives its bytes, then fails with EIO. */
typedef struct { const char *p; size_t n, pos; } failing;

static ssize_t failing_read(void *c, char *buf, size_t size)
{
	failing *x = c;
	if (x->pos == x->n) {
		errno = EIO;
		return -1;
	}
	size_t k = x->n - x->pos < size ? x->n - x->pos : size;
	memcpy(buf, x->p + x->pos, k);
	x->pos += k;
	return (ssize_t)k;
}

static FILE *open_failing(failing *x, const char *bytes)
{
	*x = (failing){ bytes, strlen(bytes), 0 };
	return fopencookie(x, "r", (cookie_io_functions_t){ failing_read, NULL, NULL, NULL });
}

static void test_read_error(void)
{
	failing x;
	FILE *f = open_failing(&x, "id\ttext\n1\tall of it\n2\tcut sh");
	rec_reader *r = rec_open(f, "t", 0);
	nf_str *fl;
	size_t n;
	ok(rec_next(r, &fl, &n) == REC_OK && rec_next(r, &fl, &n) == REC_OK && streq(fl[1], "all of it") &&
	   !rec_io_error(r), "read error: the whole lines before it are records");
	ok(rec_next(r, &fl, &n) == REC_BAD && rec_io_error(r) == EIO && rec_line(r) == 3 &&
	   strstr(rec_error(r), "read error") && raw_is(r, "2\tcut sh"),
	   "read error: the line it cut short is no record (its bytes kept for --rejects)");
	ok(rec_next(r, &fl, &n) == REC_EOF, "read error: then the end");
	rec_close(r);
	fclose(f);

	f = open_failing(&x, "id\ttext\n1\tall of it\n");
	r = rec_open(f, "t", 0);
	ok(rec_next(r, &fl, &n) == REC_OK && rec_next(r, &fl, &n) == REC_OK && rec_next(r, &fl, &n) == REC_EOF &&
	   rec_io_error(r) == EIO, "read error after a whole line: the end, with the error");
	rec_close(r);
	fclose(f);

	f = open_failing(&x, "id,text\n1,plain\n2,cut");
	r = rec_open(f, "t", REC_CSV);
	ok(rec_next(r, &fl, &n) == REC_OK && rec_next(r, &fl, &n) == REC_OK && streq(fl[1], "plain"),
	   "csv read error: the records before it");
	ok(rec_next(r, &fl, &n) == REC_BAD && rec_io_error(r) == EIO && strstr(rec_error(r), "read error") &&
	   raw_is(r, "2,cut"), "csv read error: the record it cut short is bad, said to be a read error");
	ok(rec_next(r, &fl, &n) == REC_EOF, "csv read error: then the end");
	rec_close(r);
	fclose(f);

	f = open_failing(&x, "id,text\n1,\"open\nquote\n");
	r = rec_open(f, "t", REC_CSV);
	ok(rec_next(r, &fl, &n) == REC_OK && rec_next(r, &fl, &n) == REC_BAD && rec_io_error(r) == EIO &&
	   strstr(rec_error(r), "read error") && rec_line(r) == 2,
	   "csv read error inside a quoted field: a read error, not bad quoting");
	rec_close(r);
	fclose(f);
}

static void test_writer_numbers(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rec_writer *w = rec_writer_new(f, 0);
	rec_put_double(w, 0.25);
	rec_put_double(w, 1e30);
	rec_put_double(w, -DBL_MAX);
	rec_end(w);
	rec_writer_free(w);
	fclose(f);
	char want[1024];
	int k = snprintf(want, sizeof want, "0.250\t%.3f\t%.3f\n", 1e30, -DBL_MAX);
	ok(k > 0 && strcmp(buf, want) == 0, "writer: doubles of any size written whole");
	free(buf);
}

static void test_write_error(void)
{
	FILE *f = fopen("/dev/full", "w");
	if (!f) {
		ok(1, "write error: (no /dev/full here)");
		return;
	}
	setvbuf(f, NULL, _IONBF, 0);
	rec_writer *w = rec_writer_new(f, 0);
	char row[100];
	memset(row, 'x', sizeof row);
	for (int i = 0; i < 2000; i++) {
		rec_put(w, row, sizeof row);
		rec_end(w);
	}
	ok(rec_writer_error(w) == ENOSPC, "write error: seen once a block is written");
	errno = 0;
	ok(rec_writer_flush(w) == ENOSPC, "write error: its errno kept, not a later one");
	rec_writer_free(w);
	fclose(f);
}

int main(void)
{
	test_tsv();
	test_csv();
	test_csv_raw();
	test_utf8();
	test_writer();
	test_writer_numbers();
	test_read_error();
	test_write_error();
	return tap_done();
}
