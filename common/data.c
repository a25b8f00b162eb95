/* data.c - locating and reading data files. */
#define _DEFAULT_SOURCE                  /* MAP_ANONYMOUS */
#include "data.h"
#include "util.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/* Data files are our own and small enough to read whole: they are split here in one pass
 * (tabs and newlines found 16 bytes at a time), not by rec_next, whose per-record work
 * (buffer refills, field count and UTF-8 checks line by line) cost twice as much at start-up.
 * The whole file is checked for bad UTF-8 and backslashes once; only a line holding the one
 * and a field holding the other get more work. Rows, line numbers and messages are those
 * rec_next gave: each physical line a record, a CR before its newline and a BOM at the start
 * dropped, escapes decoded by rec_unescape. */
enum { PAD = NF_DATA_PAD };

/* A buffer for a whole file: mapped, not malloc'd, where the system can, because freeing a
 * big malloc'd block raises the C library's mmap threshold, and the tables the loaders grow
 * afterwards are then realloc'd by copying instead of remapped (~1M instructions more). */
#if defined(MAP_ANONYMOUS) && !defined(__SANITIZE_ADDRESS__)
#define NF_MAP_BUF 1                     /* (under AddressSanitizer, malloc'd: its bounds checked) */
#endif

static char *buf_new(size_t cap)
{
#ifdef NF_MAP_BUF
	void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		nf_die("out of memory");
	return p;
#else
	return nf_xmalloc(cap);
#endif
}

static void buf_free(char *b, size_t cap)
{
#ifdef NF_MAP_BUF
	munmap(b, cap);
#else
	(void)cap;
	free(b);
#endif
}

/* The file's bytes, then a newline (which ends a last line that has none, so a scan for
 * the next delimiter needs no bound) and PAD zero bytes (the last 16-byte load), after head
 * bytes of the caller's (the buffer starts head bytes before the bytes returned); *cap is
 * the buffer's size, for buf_free. */
static char *read_whole(const char *path, size_t head, size_t *len, size_t *capp)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		nf_die("%s: %s (set --data DIR or NEWSFILTER_DATA)", path, strerror(errno));
	struct stat st;
	size_t cap = (fstat(fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0) + 2 + PAD + head;
	char *base = buf_new(cap), *b = base + head;
	size_t n = 0;
	for (;;) {
		if (cap - head - n < 2 + PAD) {  /* the file grew since fstat */
			char *g = buf_new(2 * cap);
			memcpy(g, base, head + n);
			buf_free(base, cap);
			base = g;
			b = base + head;
			cap *= 2;
		}
		ssize_t k = read(fd, b + n, cap - head - n - 1 - PAD);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			nf_die("%s: read error: %s", path, strerror(errno));
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	b[n] = '\n';
	memset(b + n + 1, 0, PAD);
	*len = n;
	*capp = cap;
	return b;
}

/* The file being read and its fields: reachable from statics while a message about the file
 * exits, so a leak checker does not count them (locals in registers are not roots). */
static char *volatile data_reading;
static nf_str *volatile data_fields;

/* The first tab or newline at or after i (i <= len: the newline after the file stops it). */
static inline size_t next_delim(const char *b, size_t i)
{
#if defined(__SSE2__)
	const __m128i tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n');
	for (;; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, nl)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#else
	while (b[i] != '\t' && b[i] != '\n')
		i++;
	return i;
#endif
}

/* The offset of the first backslash at or after i, or len. */
static size_t backslash(const char *b, size_t i, size_t len)
{
	const char *p = memchr(b + i, '\\', len - i);
	return p ? (size_t)(p - b) : len;
}

/* rec_next's message for a line with a bad byte: the first such field, its offset decoded. */
static void die_bytes(const char *path, long line, const nf_str *fld, size_t nf)
{
	for (size_t i = 0; i < nf; i++) {
		size_t bad = rec_utf8_check(fld[i].p, fld[i].n);
		if (bad < fld[i].n)
			nf_die("%s:%ld: %s in field %zu at byte %zu", path, line,
			       fld[i].p[bad] ? "invalid UTF-8" : "NUL byte", i + 1, bad);
	}
	nf_die("%s:%ld: invalid UTF-8", path, line);   /* not reached: the line had a bad byte */
}

/* The header of a kept buffer (nf_data_load_kept), at its start. */
struct nf_data_kept {
	struct nf_data_kept *next;
	size_t cap;
};

static void load(const char *name, const char *columns, nf_data_row_fn fn, void *arg, nf_data_kept **keep)
{
	char path[PATH_MAX + 256];
	snprintf(path, sizeof path, "%s/%s", nf_data_dir(), name);
	size_t len, bcap, head = keep ? sizeof(nf_data_kept) : 0;
	char *b = read_whole(path, head, &len, &bcap);
	size_t want = 1;
	for (const char *c = columns; *c; c++)
		want += *c == '\t';
	size_t cap = want + 8, ncols = 0;
	nf_str *fld = nf_xmalloc(cap * sizeof *fld);
	data_reading = b;
	data_fields = fld;
	/* the next backslash and the next bad byte: past them, no line needs looking at again */
	size_t bs = backslash(b, 0, len), bad = rec_utf8_check(b, len);
	int seen_version = 0, seen_header = 0;
	long line = 0;
	size_t pos = len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (pos < len || (pos == len && line == 0 && len)) {   /* a file of a BOM alone: one line */
		line++;
		size_t nf = 0, a = pos, e;
		for (;;) {
			e = next_delim(b, a);
			size_t fe = e;
			int last = b[e] == '\n';
			if (last && fe > a && b[fe - 1] == '\r')
				fe--;                    /* the CR of a CRLF line end */
			if (nf == cap) {
				cap *= 2;
				data_fields = fld = nf_xrealloc(fld, cap * sizeof *fld);
			}
			fld[nf].p = b + a;
			fld[nf].n = fe - a;
			if (bs < fe) {
				fld[nf].n = rec_unescape(b + a, b + a, fe - a);
				bs = backslash(b, fe, len);
			}
			nf++;
			if (last)
				break;
			a = e + 1;
		}
		int isbad = bad < e;
		pos = e + 1;
		if (isbad)
			bad = pos < len ? pos + rec_utf8_check(b + pos, len - pos) : len;
		if (!seen_header) {              /* (one test on the rows' path) */
			if (!seen_version) {
				check_version(path, isbad ? REC_BAD : REC_OK, fld, nf);
				seen_version = 1;
				continue;
			}
			if (fld[0].n && fld[0].p[0] == '#')
				continue;                /* leading comments: source and licence */
			if (isbad)
				die_bytes(path, line, fld, nf);
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
			ncols = nf;
			seen_header = 1;
			continue;
		}
		/* a row may carry more fields than the header names, never fewer, never bad bytes */
		if (nf != ncols && (nf < want || isbad))
			nf_die("%s:%ld: %zu field%s, header has %zu", path, line, nf, nf == 1 ? "" : "s", ncols);
		if (isbad)
			die_bytes(path, line, fld, nf);
		if (keep)                        /* (the delimiter, a CR, or an escape's leftover) */
			for (size_t i = 0; i < nf; i++)
				((char *)(uintptr_t)fld[i].p)[fld[i].n] = 0;
		fn(fld, nf, line, arg);
	}
	if (!seen_version)
		nf_die("%s: empty data file", path);
	if (!seen_header)
		nf_die("%s: no header row", path);
	free(fld);
	if (keep) {
		nf_data_kept *k = (nf_data_kept *)(void *)(b - head);
		k->next = *keep;
		k->cap = bcap;
		*keep = k;
	} else
		buf_free(b, bcap);
	data_reading = NULL;
	data_fields = NULL;
}

void nf_data_load(const char *name, const char *columns, nf_data_row_fn fn, void *arg)
{
	load(name, columns, fn, arg, NULL);
}

void nf_data_load_kept(const char *name, const char *columns, nf_data_row_fn fn, void *arg, nf_data_kept **keep)
{
	load(name, columns, fn, arg, keep);
}

void nf_data_kept_free(nf_data_kept *k)
{
	while (k) {
		nf_data_kept *next = k->next;
		buf_free((char *)k, k->cap);
		k = next;
	}
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
