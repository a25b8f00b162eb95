/* data.c - locating and reading data files. */
#include "data.h"
#include "util.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef NF_DATADIR
#define NF_DATADIR "/usr/local/share/newsfilter"
#endif

static char data_dir[PATH_MAX];

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

void nf_data_dir_set(const char *dir)
{
	const char *env = getenv("NEWSFILTER_DATA");
	if (dir || (env && *env)) {
		snprintf(data_dir, sizeof data_dir, "%s", dir ? dir : env);
		return;
	}
	/* run from the build tree: bin/tool next to data/ */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			/* the build tree (bin/ beside data/), then an install under any prefix */
			static const char *const rel[] = { "../data", "../share/newsfilter" };
			for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
				char cand[PATH_MAX + 32];
				snprintf(cand, sizeof cand, "%s/%s", exe, rel[i]);
				if (is_dir(cand) && strlen(cand) < sizeof data_dir) {
					memcpy(data_dir, cand, strlen(cand) + 1);
					return;
				}
			}
		}
	}
	snprintf(data_dir, sizeof data_dir, "%s", NF_DATADIR);
}

const char *nf_data_dir(void)
{
	if (!data_dir[0])
		nf_data_dir_set(NULL);
	return data_dir;
}

static int fields_ok(const nf_str *fld, size_t nf)
{
	for (size_t i = 0; i < nf; i++)
		if (rec_utf8_check(fld[i].p, fld[i].n) != fld[i].n)
			return 0;
	return 1;
}

/* The first line is the format stamp "# newsfilter-data N": a file written for a newer
 * format is refused by name rather than misread (see newsfilter-tsv(5)). */
static void check_version(const char *path, int st, const nf_str *fld, size_t nf)
{
	static const char stamp[] = NF_DATA_STAMP " ";
	size_t sl = sizeof stamp - 1;
	if (st == REC_BAD || nf == 0 || fld[0].n < sl || memcmp(fld[0].p, stamp, sl) != 0)
		nf_die("%s: no version line (the first line must be '" NF_DATA_STAMP " %d')", path,
		       NF_DATA_VERSION);
	const char *p = fld[0].p + sl, *e = fld[0].p + fld[0].n;
	long v = 0;
	while (p < e && *p >= '0' && *p <= '9' && v < 1000000)
		v = v * 10 + (*p++ - '0');
	if (p == fld[0].p + sl || p != e || nf != 1)
		nf_die("%s:1: bad version line (want '" NF_DATA_STAMP " %d')", path, NF_DATA_VERSION);
	if (v != NF_DATA_VERSION)
		nf_die("%s: data format version %ld, this build reads %d", path, v, NF_DATA_VERSION);
}

void nf_data_load(const char *name, const char *columns, nf_data_row_fn fn, void *arg)
{
	char path[PATH_MAX + 256];
	snprintf(path, sizeof path, "%s/%s", nf_data_dir(), name);
	FILE *f = fopen(path, "rb");
	if (!f)
		nf_die("%s: %s (set --data DIR or NEWSFILTER_DATA)", path, strerror(errno));
	rec_reader *r = rec_open(f, path, 0);
	nf_str *fld;
	size_t nf;
	int st, seen_version = 0, seen_header = 0;
	size_t want = 1;
	for (const char *c = columns; *c; c++)
		want += *c == '\t';
	while ((st = rec_next(r, &fld, &nf)) != REC_EOF) {
		long line = rec_line(r);
		if (!seen_version) {
			check_version(path, st, fld, nf);
			seen_version = 1;
			rec_reset_header(r);
			continue;
		}
		if (!seen_header && fld[0].n && fld[0].p[0] == '#') {
			rec_reset_header(r);         /* leading comments: source and licence */
			continue;
		}
		/* a row may carry more fields than the header names, never bad bytes */
		if (st == REC_BAD && !(seen_header && nf >= want && fields_ok(fld, nf)))
			nf_die("%s:%ld: %s", path, line, rec_error(r));
		if (!seen_header) {
			nf_buf h = { 0 };
			for (size_t i = 0; i < nf && i < want; i++) {
				if (i)
					nf_buf_addc(&h, '\t');
				nf_buf_add(&h, fld[i].p, fld[i].n);
			}
			int ok = nf >= want && h.p && strcmp(h.p, columns) == 0;
			nf_buf_free(&h);
			if (!ok)
				nf_die("%s:%ld: header must begin with the columns '%s'", path, line, columns);
			seen_header = 1;
			continue;
		}
		fn(fld, nf, line, arg);
	}
	if (rec_io_error(r))
		nf_die("%s: %s", path, rec_error(r));
	if (!seen_version)
		nf_die("%s: empty data file", path);
	if (!seen_header)
		nf_die("%s: no header row", path);
	rec_close(r);
	fclose(f);
}

static void add_first(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	void **a = arg;
	nf_map *m = a[0];
	int lower = *(int *)a[1];
	if (n == 0 || f[0].n == 0)
		return;
	if (!lower) {
		nf_map_slot(m, f[0].p, f[0].n, 1);
		return;
	}
	char *t = nf_xstrndup(f[0].p, f[0].n);
	for (size_t i = 0; i < f[0].n; i++)
		if (t[i] >= 'A' && t[i] <= 'Z')
			t[i] = (char)(t[i] + 32);
	nf_map_slot(m, t, f[0].n, 1);
	free(t);
}

nf_map *nf_data_set(const char *name, const char *columns, int lower)
{
	nf_map *m = nf_xcalloc(1, sizeof *m);
	void *a[2] = { m, &lower };
	nf_data_load(name, columns, add_first, a);
	return m;
}
