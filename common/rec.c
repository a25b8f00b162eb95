/* rec.c - newsfilter TSV and CSV records (libcsv for CSV input). */
#include "rec.h"
#include "util.h"
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One parsed record: its bytes and field boundaries. */
typedef struct {
	char *buf; size_t len, cap;           /* field bytes, back to back */
	size_t *off; size_t nf, capf;         /* nf+1 offsets into buf */
	char *raw; size_t raw_len;            /* the record's bytes as read (for --rejects) */
	long line;
} record;

struct rec_reader {
	FILE *f;
	const char *name;
	int flags;
	long line, rec_start;                 /* current line, line of last record */
	long parse_start;                     /* CSV: line where the record being parsed began */
	size_t ncols;                         /* from the header; 0 before it */
	char *raw; size_t raw_len, raw_cap;   /* TSV: the physical line read last */
	char *esc; size_t esc_cap;            /* unescaped fields, at their offsets in raw */
	nf_str *fields; size_t fields_cap;
	char err[256];
	int io_err, bom_checked;
	/* CSV */
	struct csv_parser csv;
	record *queue; size_t qlen, qcap, qpos; /* records parsed from the last line */
	record cur;                             /* record being built by the callbacks */
	char *line_buf; size_t line_cap;        /* the physical line being parsed */
	char *acc; size_t acc_len, acc_cap;     /* bytes of the record being parsed, as read */
	nf_str csv_raw;                         /* the last record's bytes: in its record or acc */
	int csv_eof, csv_bad;
};

static void rec_field_add(record *r, const char *p, size_t n)
{
	if (r->nf + 2 > r->capf) {
		r->capf = r->capf ? 2 * r->capf : 16;
		r->off = nf_xrealloc(r->off, r->capf * sizeof *r->off);
	}
	if (r->nf == 0)
		r->off[0] = 0;
	nf_grow((void **)&r->buf, &r->cap, r->len + n + 1, 1);
	memcpy(r->buf + r->len, p, n);
	r->len += n;
	r->off[++r->nf] = r->len;
}

static void csv_cb_field(void *s, size_t n, void *data)
{
	rec_reader *r = data;
	rec_field_add(&r->cur, s ? s : "", s ? n : 0);
}

static void csv_cb_record(int c, void *data)
{
	rec_reader *r = data;
	if (r->qlen == r->qcap) {
		r->qcap = r->qcap ? 2 * r->qcap : 16;
		r->queue = nf_xrealloc(r->queue, r->qcap * sizeof *r->queue);
	}
	(void)c;
	r->cur.line = r->parse_start;
	/* the lines fed since the last record are its bytes (a later record ended on the same
	 * line by a bare CR gets none) */
	r->cur.raw = r->acc;
	r->cur.raw_len = r->acc_len;
	r->acc = NULL;
	r->acc_len = r->acc_cap = 0;
	r->queue[r->qlen++] = r->cur;
	memset(&r->cur, 0, sizeof r->cur);
}

/* libcsv trims blanks around unquoted fields unless told nothing is a space. */
static int csv_no_space(unsigned char c) { (void)c; return 0; }

rec_reader *rec_open(FILE *f, const char *name, int flags)
{
	rec_reader *r = nf_xcalloc(1, sizeof *r);
	r->f = f;
	r->name = name;
	r->flags = flags;
	r->line = r->rec_start = r->parse_start = 1;
	if (flags & REC_CSV) {
		if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
			nf_die("out of memory");
		csv_set_space_func(&r->csv, csv_no_space);
	}
	return r;
}

static void record_free(record *x) { free(x->buf); free(x->off); free(x->raw); }

void rec_close(rec_reader *r)
{
	if (!r)
		return;
	if (r->flags & REC_CSV) {
		for (size_t i = 0; i < r->qlen; i++)   /* handed-out ones are already zeroed */
			record_free(&r->queue[i]);
		record_free(&r->cur);
		csv_free(&r->csv);
		free(r->line_buf);
		free(r->acc);
	}
	free(r->queue);
	free(r->raw);
	free(r->esc);
	free(r->fields);
	free(r);
}

long rec_line(const rec_reader *r) { return r->rec_start; }
const char *rec_name(const rec_reader *r) { return r->name; }
const char *rec_error(const rec_reader *r) { return r->err; }
nf_str rec_raw(const rec_reader *r)
{
	return (r->flags & REC_CSV) ? r->csv_raw : (nf_str){ r->raw, r->raw_len };
}
int rec_io_error(const rec_reader *r) { return r->io_err; }
void rec_reset_header(rec_reader *r) { r->ncols = 0; }

/* Eight bytes at a time (SWAR): the masks below are exact for "is there such a byte". */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
static inline uint64_t load8(const void *p) { uint64_t x; memcpy(&x, p, 8); return x; }
static inline int has_zero8(uint64_t x) { return ((x - ONES) & ~x & HIGHS) != 0; }

size_t rec_unescape(char *dst, const char *src, size_t n)
{
	size_t i = 0, j = 0;
	while (i < n) {
		const char *b = memchr(src + i, '\\', n - i);
		size_t run = b ? (size_t)(b - (src + i)) : n - i;
		if (dst + j != src + i)
			memmove(dst + j, src + i, run);
		i += run;
		j += run;
		if (!b)
			break;
		char e = i + 1 < n ? src[i + 1] : 0;
		char d = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : 0;
		dst[j++] = d ? d : '\\';
		i += d ? 2 : 1;
	}
	return j;
}

size_t rec_utf8_check(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		/* most news text is ASCII: skip 8 bytes without NUL or high bit at once */
		while (i + 8 <= n) {
			uint64_t x = load8(u + i);
			if ((x & HIGHS) || has_zero8(x))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = u[i];
		if (c >= 0x01 && c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned min;
		if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
		else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
		else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
		else return i;                       /* NUL, continuation byte, or invalid lead */
		if (i + len > n)
			return i;
		unsigned cp = c & (0x7F >> len);
		for (size_t k = 1; k < len; k++) {
			if ((u[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (u[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

/* Reads one physical line into r->raw; returns 0 at end of input. */
static int read_line(rec_reader *r)
{
	errno = 0;
	ssize_t n = getline(&r->raw, &r->raw_cap, r->f);
	r->raw_len = n > 0 ? (size_t)n : 0;
	if (n < 0 && ferror(r->f)) {
		r->io_err = errno ? errno : EIO;
		snprintf(r->err, sizeof r->err, "read error: %s", strerror(r->io_err));
		return 0;
	}
	return r->raw_len > 0;
}

static int fields_fit(rec_reader *r, size_t n)
{
	if (n > r->fields_cap) {
		r->fields_cap = n + 16;
		r->fields = nf_xrealloc(r->fields, r->fields_cap * sizeof *r->fields);
	}
	return 1;
}

/* Checks the field count and encoding shared by both formats. */
static int check_record(rec_reader *r, size_t nf)
{
	if (r->ncols == 0)
		r->ncols = nf;
	else if (nf != r->ncols) {
		snprintf(r->err, sizeof r->err, "%zu field%s, header has %zu", nf, nf == 1 ? "" : "s", r->ncols);
		return REC_BAD;
	}
	if (!(r->flags & REC_ANY_BYTES))
		for (size_t i = 0; i < nf; i++) {
			size_t bad = rec_utf8_check(r->fields[i].p, r->fields[i].n);
			if (bad < r->fields[i].n) {
				snprintf(r->err, sizeof r->err, "%s in field %zu at byte %zu",
					 r->fields[i].p[bad] ? "invalid UTF-8" : "NUL byte", i + 1, bad);
				return REC_BAD;
			}
		}
	return REC_OK;
}

static int next_tsv(rec_reader *r, nf_str **fields, size_t *nfields)
{
	r->rec_start = r->line;
	if (!read_line(r))
		return REC_EOF;
	r->line++;
	char *s = r->raw;
	size_t n = r->raw_len;
	if (n && s[n - 1] == '\n')
		n--;
	if (n && s[n - 1] == '\r')
		n--;
	if (!r->bom_checked) {
		r->bom_checked = 1;
		if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
		}
	}
	/* Fields with escapes are decoded into r->esc at the same offsets (decoding only
	 * shrinks), so rec_raw stays intact and no field moves when another is decoded. */
	int esc = memchr(s, '\\', n) != NULL;
	if (esc)
		nf_grow((void **)&r->esc, &r->esc_cap, n + 1, 1);
	size_t k = 0;
	const char *p = s, *end = s + n;
	for (;;) {
		const char *t = memchr(p, '\t', (size_t)(end - p));
		const char *fe = t ? t : end;
		if (k == r->fields_cap)
			fields_fit(r, k + 1);
		size_t len = (size_t)(fe - p);
		if (esc && memchr(p, '\\', len)) {
			char *d = r->esc + (p - s);
			r->fields[k++] = (nf_str){ d, rec_unescape(d, p, len) };
		} else {
			r->fields[k++] = (nf_str){ p, len };
		}
		if (!t)
			break;
		p = t + 1;
	}
	*fields = r->fields;
	*nfields = k;
	return check_record(r, k);
}

static void csv_restart(rec_reader *r)
{
	csv_free(&r->csv);
	if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		nf_die("out of memory");
	csv_set_space_func(&r->csv, csv_no_space);
	record_free(&r->cur);
	memset(&r->cur, 0, sizeof r->cur);
}

/* Parses input a physical line at a time, so that the lines fed since the last record are
 * that record's bytes as read, until a record is queued, the input ends, or a CSV error is
 * found (the bad record's lines are then left in r->acc). */
static void csv_fill(rec_reader *r)
{
	while (r->qpos == r->qlen && !r->csv_eof && !r->csv_bad) {
		r->qpos = r->qlen = 0;
		errno = 0;
		ssize_t n = getline(&r->line_buf, &r->line_cap, r->f);
		if (n <= 0) {
			if (ferror(r->f)) {
				r->io_err = errno ? errno : EIO;
				snprintf(r->err, sizeof r->err, "read error: %s", strerror(r->io_err));
			}
			r->csv_eof = 1;
			if (csv_fini(&r->csv, csv_cb_field, csv_cb_record, r) != 0)
				r->csv_bad = 1;          /* an open quote at the end of input */
			return;
		}
		const char *p = r->line_buf;
		size_t len = (size_t)n;
		if (!r->bom_checked) {
			r->bom_checked = 1;
			if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
				p += 3, len -= 3;
		}
		if (r->acc_len == 0) {
			/* blank lines between records are no records (libcsv skips them too) */
			size_t k = 0;
			while (k < len && (p[k] == '\n' || p[k] == '\r'))
				k++;
			if (k == len) {
				r->line++;
				continue;
			}
			r->parse_start = r->line;
		}
		nf_grow((void **)&r->acc, &r->acc_cap, r->acc_len + len, 1);
		memcpy(r->acc + r->acc_len, p, len);
		r->acc_len += len;
		size_t used = csv_parse(&r->csv, p, len, csv_cb_field, csv_cb_record, r);
		r->line++;
		if (used < len)
			r->csv_bad = 1;                  /* reported after the records before it */
	}
}

static int next_csv(rec_reader *r, nf_str **fields, size_t *nfields)
{
	r->csv_raw = (nf_str){ "", 0 };
	if (r->qpos > 0) {                   /* the record handed out last time */
		record_free(&r->queue[r->qpos - 1]);
		memset(&r->queue[r->qpos - 1], 0, sizeof(record));
	}
	csv_fill(r);
	if (r->qpos == r->qlen) {
		if (r->csv_bad) {
			snprintf(r->err, sizeof r->err, "%s", r->csv_eof ? "CSV: quoted field not closed at end of input"
				 : "CSV: malformed quoting (a quote inside an unquoted field, or text after a closing one)");
			r->rec_start = r->parse_start;
			r->csv_raw = (nf_str){ r->acc, r->acc_len };   /* acc is refilled on the next call only */
			r->acc_len = 0;
			r->csv_bad = 0;
			*fields = r->fields;
			*nfields = 0;
			csv_restart(r);              /* at the line after the bad one */
			return REC_BAD;
		}
		return REC_EOF;
	}
	record *x = &r->queue[r->qpos++];
	r->rec_start = x->line;
	fields_fit(r, x->nf ? x->nf : 1);
	for (size_t i = 0; i < x->nf; i++)
		r->fields[i] = (nf_str){ x->buf + x->off[i], x->off[i + 1] - x->off[i] };
	if (x->nf == 0) {
		r->fields[0] = (nf_str){ "", 0 };
		x->nf = 1;
	}
	r->csv_raw = (nf_str){ x->raw, x->raw_len };   /* x is freed on the next call only */
	*fields = r->fields;
	*nfields = x->nf;
	return check_record(r, x->nf);
}

int rec_next(rec_reader *r, nf_str **fields, size_t *nfields)
{
	r->err[0] = 0;
	return (r->flags & REC_CSV) ? next_csv(r, fields, nfields) : next_tsv(r, fields, nfields);
}

/* ---- writer ---- */

/* The writer keeps its own buffer (flushed at a row's end once it is half full, and by
 * rec_writer_free): one fwrite per 32 KB instead of one per run of unescaped bytes. */
struct rec_writer {
	FILE *f;
	int csv;
	int col;                             /* fields written on this row */
	char *buf; size_t n, cap;
};

enum { WBUF = 1 << 16 };

rec_writer *rec_writer_new(FILE *f, int csv)
{
	rec_writer *w = nf_xcalloc(1, sizeof *w);
	w->f = f;
	w->csv = csv;
	w->cap = WBUF;
	w->buf = nf_xmalloc(w->cap);
	return w;
}

static void wflush(rec_writer *w)
{
	if (w->n)
		fwrite(w->buf, 1, w->n, w->f);
	w->n = 0;
}

void rec_writer_free(rec_writer *w)
{
	if (!w)
		return;
	wflush(w);
	free(w->buf);
	free(w);
}

/* Room for need more bytes (a field bigger than the buffer grows it: one document's worth). */
static void wmake_room(rec_writer *w, size_t need)
{
	wflush(w);
	nf_grow((void **)&w->buf, &w->cap, need, 1);
}

static inline char *wroom(rec_writer *w, size_t need)
{
	if (w->n + need > w->cap)
		wmake_room(w, need);
	return w->buf + w->n;
}

static void put_csv(rec_writer *w, const char *p, size_t n)
{
	int quote = 0;
	for (size_t i = 0; i < n && !quote; i++)
		quote = p[i] == ',' || p[i] == '"' || p[i] == '\n' || p[i] == '\r';
	char *o = wroom(w, 2 * n + 2), *o0 = o;
	if (!quote) {
		memcpy(o, p, n);
		w->n += n;
		return;
	}
	*o++ = '"';
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"')
			*o++ = '"';
		*o++ = p[i];
	}
	*o++ = '"';
	w->n += (size_t)(o - o0);
}

/* A byte below 0x0E (tab, newline, return and other controls) or a backslash among 8. */
static inline int maybe_esc8(uint64_t x)
{
	uint64_t y = x ^ (ONES * '\\');
	return (((x - ONES * 0x0E) & ~x & HIGHS) | ((y - ONES) & ~y & HIGHS)) != 0;
}

void rec_put(rec_writer *w, const char *p, size_t n)
{
	if (w->col++) {
		wroom(w, 1);
		w->buf[w->n++] = w->csv ? ',' : '\t';
	}
	if (w->csv) {
		put_csv(w, p, n);
		return;
	}
	char *o = wroom(w, 2 * n), *o0 = o;
	size_t i = 0, run = 0;
	while (i < n) {
		if (i + 8 <= n && !maybe_esc8(load8(p + i))) {
			i += 8;
			continue;
		}
		char e;
		switch (p[i]) {
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		case '\\': e = '\\'; break;
		default: i++; continue;
		}
		memcpy(o, p + run, i - run);
		o += i - run;
		*o++ = '\\';
		*o++ = e;
		run = ++i;
	}
	memcpy(o, p + run, n - run);
	o += n - run;
	w->n += (size_t)(o - o0);
}

void rec_put_str(rec_writer *w, const char *s) { rec_put(w, s ? s : "", s ? strlen(s) : 0); }

void rec_put_long(rec_writer *w, long v)
{
	/* digits from the right, two at a time: no snprintf on the hot path */
	static const char two[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
				  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
				  "8081828384858687888990919293949596979899";
	char b[24], *p = b + sizeof b;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	while (u >= 100) {
		unsigned d = (unsigned)(u % 100);
		u /= 100;
		*--p = two[2 * d + 1];
		*--p = two[2 * d];
	}
	if (u >= 10) {
		*--p = two[2 * u + 1];
		*--p = two[2 * u];
	} else {
		*--p = (char)('0' + u);
	}
	if (v < 0)
		*--p = '-';
	size_t len = (size_t)(b + sizeof b - p);
	char *o = wroom(w, len + 1);         /* digits need no escaping or quoting */
	if (w->col++)
		*o++ = w->csv ? ',' : '\t';
	memcpy(o, p, len);
	w->n = (size_t)(o + len - w->buf);
}

void rec_put_double(rec_writer *w, double v)
{
	char b[32];
	int n = snprintf(b, sizeof b, "%.3f", v);
	rec_put(w, b, (size_t)n);
}

void rec_end(rec_writer *w)
{
	char *o = wroom(w, 2);
	if (w->csv)
		*o++ = '\r';
	*o++ = '\n';
	w->n = (size_t)(o - w->buf);
	w->col = 0;
	if (w->n >= WBUF / 2)
		wflush(w);
}
