/* Unit tests for the data file reader of nf_data_load: the rows and line numbers handed to
 * the callback (escapes, comments, CRLF, a last line without a newline, a BOM) and the
 * messages for bad files (each failing load runs in a child process, since they exit).
 * Every expectation here held for the general record reader it replaced. */
#include "data.h"
#include "util.h"
#include "tap.h"
#include "child.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];
static char got[4096];

static void put(const char *name, const char *text, size_t n)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f) { perror(path); exit(2); }
	fwrite(text, 1, n, f);
	fclose(f);
}
#define PUT(name, lit) put(name, lit, sizeof lit - 1)

/* Each row as "LINE:field|field|...;" with tabs, newlines and CRs shown as <T> <N> <R>. */
static void note_row(const nf_str *f, size_t n, long line, void *arg)
{
	(void)arg;
	size_t k = strlen(got);
	k += (size_t)snprintf(got + k, sizeof got - k, "%ld:", line);
	for (size_t i = 0; i < n && k + 16 < sizeof got; i++) {
		if (i)
			got[k++] = '|';
		for (size_t j = 0; j < f[i].n && k + 8 < sizeof got; j++) {
			char c = f[i].p[j];
			const char *s = c == '\t' ? "<T>" : c == '\n' ? "<N>" : c == '\r' ? "<R>" : NULL;
			if (s) {
				memcpy(got + k, s, 3);
				k += 3;
			} else {
				got[k++] = c;
			}
		}
	}
	if (k + 2 < sizeof got)
		got[k++] = ';';
	got[k] = 0;
}

static const char *rows(const char *name, const char *columns)
{
	got[0] = 0;
	nf_data_load(name, columns, note_row, NULL);
	return got;
}

static int load_rows(const char *name, const char *columns)
{
	got[0] = 0;
	nf_data_load(name, columns, note_row, NULL);
	return 0;
}

static int load_child(const char *name, const char *columns, char *err, size_t errn)
{
	return run_child(load_rows, name, columns, err, errn);
}

/* Whether err ends with "DIR/name" followed by tail. */
static int says(const char *err, const char *name, const char *tail)
{
	char want[512];
	snprintf(want, sizeof want, "%s/%s%s", dir, name, tail);
	size_t a = strlen(err), b = strlen(want);
	return a >= b && strcmp(err + a - b, want) == 0;
}

static void test_rows(void)
{
	const char *r;
	PUT("esc.tsv", "# newsfilter-data 1\nword\tkind\n"
	    "tab\\there\tback\\\\slash\\n\nodd\\q\tend\\\nplain\tx\n");
	r = rows("esc.tsv", "word\tkind");
	ok(strcmp(r, "3:tab<T>here|back\\slash<N>;4:odd\\q|end\\;5:plain|x;") == 0,
	   "escapes: \\t \\\\ \\n decoded, an unknown escape and a final backslash kept (%s)", r);

	PUT("comments.tsv", "# newsfilter-data 1\n# source: made up\n#\n# licence: none\nword\tkind\n"
	    "alpha\tx\n#hash\ty\nbeta\tz\n");
	r = rows("comments.tsv", "word\tkind");
	ok(strcmp(r, "6:alpha|x;7:#hash|y;8:beta|z;") == 0,
	   "comments before the header skipped, line numbers counted; a '#' row after it is a row (%s)", r);

	PUT("nonl.tsv", "# newsfilter-data 1\nword\nalpha\nbeta");
	r = rows("nonl.tsv", "word");
	ok(strcmp(r, "3:alpha;4:beta;") == 0, "a last line without a newline is read (%s)", r);

	PUT("crlf.tsv", "# newsfilter-data 1\r\n# note\r\nword\tkind\r\nal\rpha\tx\r\nbeta\t\r\ngamma\tz\r");
	r = rows("crlf.tsv", "word\tkind");
	ok(strcmp(r, "4:al<R>pha|x;5:beta|;6:gamma|z;") == 0,
	   "CRLF: the CR before each newline (and at the end) dropped, one inside a field kept (%s)", r);

	PUT("bom.tsv", "\xEF\xBB\xBF# newsfilter-data 1\nword\n\xEF\xBB\xBF" "alpha\n");
	r = rows("bom.tsv", "word");
	ok(strcmp(r, "3:\xEF\xBB\xBF" "alpha;") == 0, "a BOM dropped at the start of the file only (%s)", r);

	PUT("wide.tsv", "# newsfilter-data 1\nword\tkind\textra\nalpha\tx\nbeta\ty\tz\tw\n\xC3\xA9t\xC3\xA9\tq\tr\n");
	r = rows("wide.tsv", "word\tkind");
	ok(strcmp(r, "3:alpha|x;4:beta|y|z|w;5:\xC3\xA9t\xC3\xA9|q|r;") == 0,
	   "rows with fewer fields than the header (but all the asked columns) or more; UTF-8 kept (%s)", r);

	PUT("blank.tsv", "# newsfilter-data 1\nword\n\nalpha\n\n");
	r = rows("blank.tsv", "word");
	ok(strcmp(r, "3:;4:alpha;5:;") == 0, "blank lines after the header are empty rows (%s)", r);

	PUT("badcomment.tsv", "# newsfilter-data 1\n# bad \xFF byte in a comment\nword\nalpha\n");
	r = rows("badcomment.tsv", "word");
	ok(strcmp(r, "4:alpha;") == 0, "a bad byte in a leading comment is no error (%s)", r);

	char longrow[600] = "# newsfilter-data 1\na\tb\n";
	size_t k = strlen(longrow);
	for (int i = 0; i < 40; i++)
		k += (size_t)snprintf(longrow + k, sizeof longrow - k, "%sfield%02d", i ? "\t" : "", i);
	longrow[k++] = '\n';
	put("long.tsv", longrow, k);
	got[0] = 0;
	nf_data_load("long.tsv", "a\tb", note_row, NULL);
	ok(strncmp(got, "3:field00|field01|", 18) == 0 && strstr(got, "|field39;") && !strstr(got, "<"),
	   "a row of 40 fields longer than 16 bytes each way");
}

static void test_errors(void)
{
	char err[1024];
	PUT("missing.tsv", "# newsfilter-data 1\n# c\nword\nalpha\tx\n");
	ok(load_child("missing.tsv", "word\tkind", err, sizeof err) == 1 &&
	   says(err, "missing.tsv", ":3: header must begin with the columns 'word\tkind'"),
	   "a missing header column: FILE:LINE of the header (%s)", err);
	PUT("order.tsv", "# newsfilter-data 1\nkind\tword\nx\talpha\n");
	ok(load_child("order.tsv", "word\tkind", err, sizeof err) == 1 &&
	   says(err, "order.tsv", ":2: header must begin with the columns 'word\tkind'"), "columns in another order: refused");
	PUT("escheader.tsv", "# newsfilter-data 1\nword\\tkind\nalpha\tx\n");
	ok(load_child("escheader.tsv", "word\tkind", err, sizeof err) == 1 &&
	   says(err, "escheader.tsv", ":2: header must begin with the columns 'word\tkind'"),
	   "an escaped tab in the header is no column break");
	PUT("few.tsv", "# newsfilter-data 1\nword\tkind\textra\nalpha\tx\nbeta\n");
	ok(load_child("few.tsv", "word\tkind", err, sizeof err) == 1 && says(err, "few.tsv", ":4: 1 field, header has 3"),
	   "too few fields: FILE:LINE: 1 field, header has 3 (%s)", err);
	PUT("badrow.tsv", "# newsfilter-data 1\nword\tkind\nalpha\tx\nbeta\tq\xC3(\n");
	ok(load_child("badrow.tsv", "word\tkind", err, sizeof err) == 1 &&
	   says(err, "badrow.tsv", ":4: invalid UTF-8 in field 2 at byte 1"), "invalid UTF-8: field and byte named (%s)", err);
	PUT("nul.tsv", "# newsfilter-data 1\nword\tkind\nal\\\\p\0a\tx\n");
	ok(load_child("nul.tsv", "word\tkind", err, sizeof err) == 1 &&
	   says(err, "nul.tsv", ":3: NUL byte in field 1 at byte 4"), "a NUL byte: its offset in the decoded field (%s)", err);
	PUT("badwide.tsv", "# newsfilter-data 1\nword\tkind\nalpha\tx\tmore\xFF\n");
	ok(load_child("badwide.tsv", "word\tkind", err, sizeof err) == 1 &&
	   says(err, "badwide.tsv", ":3: 3 fields, header has 2"), "a bad byte in a row of extra fields: the count is named (%s)", err);
	PUT("badheader.tsv", "# newsfilter-data 1\nwo\xFFrd\nalpha\n");
	ok(load_child("badheader.tsv", "word", err, sizeof err) == 1 &&
	   says(err, "badheader.tsv", ":2: invalid UTF-8 in field 1 at byte 2"), "a bad byte in the header (%s)", err);
	PUT("bom-only.tsv", "\xEF\xBB\xBF");
	ok(load_child("bom-only.tsv", "word", err, sizeof err) == 1 &&
	   says(err, "bom-only.tsv", ": no version line (the first line must be '# newsfilter-data 1')"),
	   "a file of a BOM alone: no version line (%s)", err);
	PUT("nonl-header.tsv", "# newsfilter-data 1\nword");
	ok(load_child("nonl-header.tsv", "word", err, sizeof err) == 0 && !err[0], "a header alone without a newline: no rows, no error");
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/nf-test-data-read.XXXXXX");
	if (!mkdtemp(dir)) { perror("mkdtemp"); return 2; }
	nf_data_dir_set(dir);
	test_rows();
	test_errors();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return tap_done();
}
