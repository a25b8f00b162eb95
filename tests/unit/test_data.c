/* Unit tests for data: the format stamp, the header check, missing and corrupt files (each
 * failing load runs in a child process, since loading problems exit), and kept buffers. */
#include "data.h"
#include "util.h"
#include "tap.h"
#include "child.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void put(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f) { perror(path); exit(2); }
	fputs(text, f);
	fclose(f);
}

static void count_row(const nf_str *f, size_t n, long line, void *arg)
{
	(void)f; (void)n; (void)line;
	++*(int *)arg;
}

/* The child's load: exit 0 when the two rows of each good test file were read. */
static int load_two(const char *name, const char *columns)
{
	int rows = 0;
	nf_data_load(name, columns, count_row, &rows);
	return rows == 2 ? 0 : 3;
}

static int load_child(const char *name, const char *columns, char *err, size_t errn)
{
	return run_child(load_two, name, columns, err, errn);
}

static int has(const char *err, const char *want) { return strstr(err, want) != NULL; }

static void test_stamp(void)
{
	char err[1024], want[256];
	put("right.tsv", "# newsfilter-data 1\n# a comment\nword\tkind\nalpha\tx\nbeta\ty\n");
	ok(load_child("right.tsv", "word\tkind", err, sizeof err) == 0 && !err[0],
	   "version 1: loaded, both rows read, nothing on stderr");
	put("crlf.tsv", "\xEF\xBB\xBF# newsfilter-data 1\r\nword\r\nalpha\r\nbeta\r\n");
	ok(load_child("crlf.tsv", "word", err, sizeof err) == 0 && !err[0], "version 1 after a BOM, CRLF lines: loaded");

	put("none.tsv", "# a comment but no stamp\nword\tkind\nalpha\tx\nbeta\ty\n");
	snprintf(want, sizeof want, ": %s/none.tsv: no version line (the first line must be '# newsfilter-data 1')", dir);
	ok(load_child("none.tsv", "word\tkind", err, sizeof err) == 1 && has(err, want),
	   "no stamp: exit 1, 'FILE: no version line' (%s)", err);
	put("late.tsv", "# a comment\n# newsfilter-data 1\nword\nalpha\nbeta\n");
	ok(load_child("late.tsv", "word", err, sizeof err) == 1 && has(err, "late.tsv: no version line"),
	   "stamp after another comment: no version line");
	put("header.tsv", "word\tkind\nalpha\tx\nbeta\ty\n");
	ok(load_child("header.tsv", "word\tkind", err, sizeof err) == 1 && has(err, "header.tsv: no version line"),
	   "header first, no comments: no version line");

	put("newer.tsv", "# newsfilter-data 2\nword\tkind\nalpha\tx\nbeta\ty\n");
	snprintf(want, sizeof want, ": %s/newer.tsv: data format version 2, this build reads 1", dir);
	ok(load_child("newer.tsv", "word\tkind", err, sizeof err) == 1 && has(err, want),
	   "newer version: exit 1, 'FILE: data format version 2, this build reads 1' (%s)", err);
	put("older.tsv", "# newsfilter-data 0\nword\nalpha\nbeta\n");
	ok(load_child("older.tsv", "word", err, sizeof err) == 1 && has(err, "older.tsv: data format version 0, this build reads 1"),
	   "version 0: refused the same way");
	put("huge.tsv", "# newsfilter-data 99999999999999999999\nword\nalpha\nbeta\n");
	ok(load_child("huge.tsv", "word", err, sizeof err) == 1 && has(err, "huge.tsv:1: bad version line"),
	   "a version number too long: bad version line, no overflow");
	put("junk.tsv", "# newsfilter-data 1x\nword\nalpha\nbeta\n");
	ok(load_child("junk.tsv", "word", err, sizeof err) == 1 &&
	   has(err, "junk.tsv:1: bad version line (want '# newsfilter-data 1')"), "'1x': bad version line");
	put("blank.tsv", "# newsfilter-data \nword\nalpha\nbeta\n");
	ok(load_child("blank.tsv", "word", err, sizeof err) == 1 && has(err, "blank.tsv:1: bad version line"),
	   "no number after the stamp: bad version line");
	put("tab.tsv", "# newsfilter-data 1\tx\nword\nalpha\nbeta\n");
	ok(load_child("tab.tsv", "word", err, sizeof err) == 1 && has(err, "tab.tsv:1: bad version line"),
	   "a tab after the number: bad version line");
}

static void test_corrupt(void)
{
	char err[1024], want[256];
	snprintf(want, sizeof want, ": %s/absent.tsv: No such file or directory (set --data DIR or NEWSFILTER_DATA)", dir);
	ok(load_child("absent.tsv", "word", err, sizeof err) == 1 && has(err, want), "missing file: exit 1, named (%s)", err);
	put("empty.tsv", "");
	ok(load_child("empty.tsv", "word", err, sizeof err) == 1 && has(err, "empty.tsv: empty data file"),
	   "empty file: exit 1, named");
	put("stamp-only.tsv", "# newsfilter-data 1\n# only comments\n");
	ok(load_child("stamp-only.tsv", "word", err, sizeof err) == 1 && has(err, "stamp-only.tsv: no header row"),
	   "stamp and comments only: no header row");
	put("columns.tsv", "# newsfilter-data 1\nword\tclass\nalpha\tx\nbeta\ty\n");
	snprintf(want, sizeof want, ": %s/columns.tsv:2: header must begin with the columns 'word\tkind'", dir);
	ok(load_child("columns.tsv", "word\tkind", err, sizeof err) == 1 && has(err, want),
	   "wrong header: exit 1, FILE:LINE (%s)", err);
	put("short.tsv", "# newsfilter-data 1\nword\tkind\nalpha\nbeta\ty\n");
	ok(load_child("short.tsv", "word\tkind", err, sizeof err) == 1 && has(err, "short.tsv:3: "),
	   "row with too few fields: exit 1 at its line (%s)", err);
	put("extra.tsv", "# newsfilter-data 1\nword\tkind\nalpha\tx\tmore\nbeta\ty\n");
	ok(load_child("extra.tsv", "word\tkind", err, sizeof err) == 0, "row with an extra field: read (later columns are optional)");
	put("utf8.tsv", "# newsfilter-data 1\nword\tkind\nal\xFFpha\tx\nbeta\ty\n");
	ok(load_child("utf8.tsv", "word\tkind", err, sizeof err) == 1 && has(err, "utf8.tsv:3: "),
	   "invalid UTF-8 in a row: exit 1 at its line (%s)", err);
}

/* Every bundled data file carries this build's stamp (a generator that drops it fails here). */
static void test_bundled(const char *data)
{
	DIR *d = opendir(data);
	int files = 0, stamped = 0;
	char bad[512] = "";
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 4, ".tsv") != 0)
			continue;
		char path[4096], line[64] = "";
		snprintf(path, sizeof path, "%s/%s", data, e->d_name);
		FILE *f = fopen(path, "rb");
		files++;
		if (f && fgets(line, sizeof line, f) && strcmp(line, "# newsfilter-data 1\n") == 0)
			stamped++;
		else if (strlen(bad) + n + 2 < sizeof bad)
			strcat(strcat(bad, " "), e->d_name);
		if (f)
			fclose(f);
	}
	if (d)
		closedir(d);
	ok(files > 0 && stamped == files, "data/: %d of %d files begin with '# newsfilter-data 1'%s%s", stamped, files,
	   bad[0] ? "; not:" : "", bad);
}

/* nf_data_load_kept: rows' fields are strings in the kept buffer, valid after the load */
static const char *kept_fields[8];
static size_t kept_n;

static void keep_row(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	(void)arg;
	for (size_t i = 0; i < n && kept_n < 8; i++)
		kept_fields[kept_n++] = f[i].p;
}

static void test_kept(void)
{
	put("kept.tsv", "# newsfilter-data 1\nname\tcanon\nRiver Town\tRiverton\r\nTab\\tby\t\\\\x\nlast\tnone\n");
	nf_data_kept *k = NULL;
	nf_data_load_kept("kept.tsv", "name\tcanon", keep_row, NULL, &k);
	ok(kept_n == 6 && k != NULL, "kept: six fields of three rows, a buffer kept (%zu)", kept_n);
	ok(kept_n == 6 && strcmp(kept_fields[0], "River Town") == 0 && strcmp(kept_fields[1], "Riverton") == 0,
	   "kept: fields NUL-terminated in place, the CR of a CRLF line dropped");
	ok(kept_n == 6 && strcmp(kept_fields[2], "Tab\tby") == 0 && strcmp(kept_fields[3], "\\x") == 0,
	   "kept: escaped fields decoded and terminated");
	ok(kept_n == 6 && strcmp(kept_fields[4], "last") == 0 && strcmp(kept_fields[5], "none") == 0,
	   "kept: the last row's fields");
	nf_data_kept *k2 = k;
	nf_data_load_kept("kept.tsv", "name\tcanon", keep_row, NULL, &k2);
	ok(k2 != k && kept_n == 8 && strcmp(kept_fields[0], "River Town") == 0, "kept: a second file joins the list; the first stays valid");
	nf_data_kept_free(k2);
}

int main(void)
{
	const char *data = getenv("NEWSFILTER_DATA");
	snprintf(dir, sizeof dir, "/tmp/nf-test-data.XXXXXX");
	if (!mkdtemp(dir)) { perror("mkdtemp"); return 2; }
	nf_data_dir_set(dir);
	test_stamp();
	test_corrupt();
	test_kept();
	if (data && *data)
		test_bundled(data);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return tap_done();
}
