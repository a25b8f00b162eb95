/* rec.c - newsfilter TSV and CSV records (libcsv for CSV input). */
#include "rec.h"
#include "util.h"
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
	const char *raw; size_t raw_len;      /* TSV: the physical line read last (in r->in) */
	/* input read in blocks; lines are handed out where they are (no copy, no getline) */
	char *in; size_t in_pos, in_len, in_cap;
	size_t in_scan;                       /* bytes after in_pos already known to hold no newline */
	int in_eof, in_errno;                 /* end of input seen; the read error to report then */
	char *esc; size_t esc_cap;            /* unescaped fields, at their offsets in raw */
	nf_str *fields; size_t fields_cap;
	char err[256];
	int io_err, bom_checked;
	/* CSV */
	struct csv_parser csv;
	record *queue; size_t qlen, qcap, qpos; /* records parsed from the last line */
	record cur;                             /* record being built by the callbacks */
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
		free(r->acc);
	}
	free(r->queue);
	free(r->in);
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

/* Eight bytes at a time (SWAR): the masks below are exact for "is there such a byte", and
 * their lowest set bit marks the first such byte (a borrow only runs up from a flagged byte). */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
static inline uint64_t load8(const void *p) { uint64_t x; memcpy(&x, p, 8); return x; }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
#define FIRST8(m) ((size_t)__builtin_ctzll(m) / 8)   /* byte index of the lowest flag */
#endif
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))   /* keeps the callers' fast paths free of saved registers */
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define NOINLINE
#define ALWAYS_INLINE inline
#endif

/* Decodes the escape at src[*i] (a backslash) into dst[*j]. */
static inline void unescape_at(char *dst, size_t *j, const char *src, size_t *i, size_t n)
{
	char e = *i + 1 < n ? src[*i + 1] : 0;
	char d = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : 0;
	dst[(*j)++] = d ? d : '\\';
	*i += d ? 2 : 1;
}

size_t rec_unescape(char *dst, const char *src, size_t n)
{
	size_t i = 0, j = 0;
#if defined(__SSE2__)
	/* into another buffer (the reader's case; a copy that writes ahead of the source would
	 * spoil it in place): 16 bytes copied at a time while each holds a backslash, and memchr
	 * with one memcpy for a run past them (the AVX2 library calls pay for themselves from
	 * 16 bytes on: HTML escapes every line, prose every paragraph) */
	if ((uintptr_t)dst + n <= (uintptr_t)src || (uintptr_t)src + n <= (uintptr_t)dst) {
		const __m128i bs = _mm_set1_epi8('\\');
		for (;;) {
			while (i + 16 <= n) {
				__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
				_mm_storeu_si128((__m128i *)(void *)(dst + j), v);
				unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, bs));
				if (!bits) {
					i += 16;
					j += 16;
					break;
				}
				unsigned k = (unsigned)__builtin_ctz(bits);
				i += k;
				j += k;
				unescape_at(dst, &j, src, &i, n);
			}
			if (i + 16 > n)
				break;                   /* the last bytes below */
			const char *b = memchr(src + i, '\\', n - i);
			size_t run = b ? (size_t)(b - (src + i)) : n - i;
			memcpy(dst + j, src + i, run);
			i += run;
			j += run;
			if (!b)
				return j;
			unescape_at(dst, &j, src, &i, n);
		}
	}
#endif
	while (i < n) {
		const char *b = memchr(src + i, '\\', n - i);
		size_t run = b ? (size_t)(b - (src + i)) : n - i;
		if (dst + j != src + i)
			memmove(dst + j, src + i, run);
		i += run;
		j += run;
		if (!b)
			break;
		unescape_at(dst, &j, src, &i, n);
	}
	return j;
}

/* The first offset from i of a NUL or non-ASCII byte, or n. */
static inline size_t ascii_end(const unsigned char *u, size_t i, size_t n)
{
#if defined(__SSE2__)
	const __m128i zero = _mm_setzero_si128();
	/* 64 bytes a step while none is flagged, then 16: the bytes 1 to 0x7F are the ones
	 * above zero as signed bytes */
	while (i + 64 <= n) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(u + i)),
			b = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 16)),
			c = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 32)),
			d = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 48));
		__m128i ok = _mm_and_si128(_mm_and_si128(_mm_cmpgt_epi8(a, zero), _mm_cmpgt_epi8(b, zero)),
					   _mm_and_si128(_mm_cmpgt_epi8(c, zero), _mm_cmpgt_epi8(d, zero)));
		if (_mm_movemask_epi8(ok) != 0xFFFF)
			break;
		i += 64;
	}
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		unsigned bits = ~(unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, zero)) & 0xFFFFu;
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
		i += 16;
	}
	if (i < n && n >= 16) {              /* the last 16 bytes again, the checked ones masked off */
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + n - 16));
		unsigned bits = ~(unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, zero)) & 0xFFFFu;
		bits &= 0xFFFFu << (16 - (n - i));
		return bits ? n - 16 + (size_t)__builtin_ctz(bits) : n;
	}
#endif
	while (i + 8 <= n) {
		uint64_t x = load8(u + i);
		uint64_t m = (x & HIGHS) | ((x - ONES) & ~x & HIGHS);
		if (m) {
#ifdef FIRST8
			return i + FIRST8(m);
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < n && u[i] >= 0x01 && u[i] < 0x80)
		i++;
	return i;
}

size_t rec_utf8_check(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	for (;;) {
		/* most news text is ASCII: skip it 16 (or 8) bytes at a time */
		i = ascii_end(u, i, n);
		if (i >= n)
			return n;
		unsigned c = u[i];
		if (c < 0xC2)                        /* NUL, continuation byte, or overlong lead */
			return i;
		if (c < 0xE0) {
			if (i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
				i += 2;
				continue;
			}
			return i;
		}
		if (c < 0xF0) {
			if (i + 2 < n && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
				if (c != 0xE0 && c != 0xED) {   /* (quote marks, dashes): neither overlong nor a surrogate */
					i += 3;
					continue;
				}
				unsigned cp = (c & 0x0F) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
				if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
					i += 3;
					continue;
				}
			}
			return i;
		}
		if (c < 0xF5 && i + 3 < n && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80 &&
		    (u[i + 3] & 0xC0) == 0x80) {
			unsigned cp = (c & 0x07) << 18 | (u[i + 1] & 0x3Fu) << 12 | (u[i + 2] & 0x3Fu) << 6 |
				      (u[i + 3] & 0x3Fu);
			if (cp >= 0x10000 && cp <= 0x10FFFF) {
				i += 4;
				continue;
			}
		}
		return i;
	}
}

enum { RBLOCK = 1 << 16 };

/* Takes the read error seen by the last fread (once the lines before it are handed out). */
static void take_read_error(rec_reader *r)
{
	r->io_err = r->in_errno;
	r->in_errno = 0;
	snprintf(r->err, sizeof r->err, "read error: %s", strerror(r->io_err));
}

/* The next physical line (with its newline, if it has one), valid until the next call;
 * returns 1, or 2 for a last line that a read error cut short (r->io_err and r->err say
 * which), or 0 at the end of input or after a read error at a line's end (likewise). */
static int next_line(rec_reader *r, const char **line, size_t *len)
{
	for (;;) {
		size_t avail = r->in_len - r->in_pos;
		if (r->in_scan < avail) {
			const char *s = r->in + r->in_pos;
			const char *nl = memchr(s + r->in_scan, '\n', avail - r->in_scan);
			if (nl) {
				*line = s;
				*len = (size_t)(nl + 1 - s);
				r->in_pos += *len;
				r->in_scan = 0;
				return 1;
			}
			r->in_scan = avail;
		}
		if (r->in_eof) {
			if (avail) {                 /* the last line has no newline */
				*line = r->in + r->in_pos;
				*len = avail;
				r->in_pos = r->in_len;
				r->in_scan = 0;
				if (!r->in_errno)
					return 1;
				take_read_error(r);
				return 2;
			}
			if (r->in_errno)
				take_read_error(r);
			*len = 0;
			return 0;
		}
		/* the unfinished line moves to the front (the buffer grows only for a longer line) */
		if (r->in_pos) {
			memmove(r->in, r->in + r->in_pos, avail);
			r->in_len = avail;
			r->in_pos = 0;
		}
		if (r->in_cap - r->in_len < RBLOCK / 2)
			nf_grow((void **)&r->in, &r->in_cap, r->in_len + RBLOCK + 1, 1);
		size_t want = r->in_cap - r->in_len - 1;
		errno = 0;
		size_t got = fread(r->in + r->in_len, 1, want, r->f);
		r->in_len += got;
		r->in[r->in_len] = 0;                /* a NUL after the last line, as getline left */
		if (got < want) {                    /* end of input or a read error */
			if (ferror(r->f))
				r->in_errno = errno ? errno : EIO;
			r->in_eof = 1;
		}
	}
}

/* Reads one physical line into r->raw; returns as next_line does. */
static int read_line(rec_reader *r)
{
	return next_line(r, &r->raw, &r->raw_len);
}

static int fields_fit(rec_reader *r, size_t n)
{
	if (n > r->fields_cap) {
		r->fields_cap = n + 16;
		r->fields = nf_xrealloc(r->fields, r->fields_cap * sizeof *r->fields);
	}
	return 1;
}

/* Checks the field count and encoding shared by both formats. line, when not NULL, is the
 * record's bytes as read (TSV): valid as a whole exactly when every field is, since escapes and
 * tabs are ASCII and no multibyte sequence holds an ASCII byte; so the fields are only checked
 * one by one (for the message) when it is not. plain: the line is known to be ASCII without NUL. */
static int check_record(rec_reader *r, size_t nf, const char *line, size_t len, int plain)
{
	if (r->ncols == 0)
		r->ncols = nf;
	else if (nf != r->ncols) {
		snprintf(r->err, sizeof r->err, "%zu field%s, header has %zu", nf, nf == 1 ? "" : "s", r->ncols);
		return REC_BAD;
	}
	if (plain || (line && rec_utf8_check(line, len) == len))
		return REC_OK;
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

/* Adds field k, bytes a to b of the line s (n bytes), decoded into r->esc when it holds a
 * backslash; returns k + 1. */
static inline size_t tsv_field(rec_reader *r, size_t k, const char *s, size_t n, size_t a, size_t b, int esc)
{
	if (k == r->fields_cap)
		fields_fit(r, k + 1);
	if (esc) {
		if (r->esc_cap < n + 1)          /* before any field points into it */
			nf_grow((void **)&r->esc, &r->esc_cap, n + 1, 1);
		char *d = r->esc + a;
		r->fields[k] = (nf_str){ d, rec_unescape(d, s + a, b - a) };
	} else {
		r->fields[k] = (nf_str){ s + a, b - a };
	}
	return k + 1;
}

#if defined(__SSE2__)
/* Splits a short line (data files, sentence rows) in one pass that finds the tabs and
 * backslashes and notes any byte needing the UTF-8 check (*plain: none); returns the count. */
static size_t split_short(rec_reader *r, const char *s, size_t n, int *plain)
{
	const __m128i tab = _mm_set1_epi8('\t'), bs = _mm_set1_epi8('\\'), zero = _mm_setzero_si128();
	size_t k = 0, start = 0, i = 0;
	int fesc = 0;                        /* the field being read holds a backslash */
	unsigned odd = 0;
	while (i < n) {
		__m128i v;
		unsigned mask = 0xFFFFu;         /* the bytes of this block not seen yet */
		if (i + 16 <= n) {
			v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		} else if (n >= 16) {            /* the last 16 bytes again */
			mask = 0xFFFFu << (16 - (n - i)) & 0xFFFFu;
			i = n - 16;
			v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		} else {                         /* a line under 16 bytes: copied into a block */
			char b[16] = { 0 };
			memcpy(b, s, n);
			mask = (1u << n) - 1;
			v = _mm_loadu_si128((const __m128i *)(const void *)b);
		}
		odd |= ~(unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, zero)) & mask;   /* a byte not in 1 to 0x7F */
		unsigned ev = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, bs))) & mask;
		for (; ev; ev &= ev - 1) {
			size_t at = i + (size_t)__builtin_ctz(ev);
			if (s[at] == '\\') {
				fesc = 1;
				continue;
			}
			k = tsv_field(r, k, s, n, start, at, fesc);
			start = at + 1;
			fesc = 0;
		}
		i += 16;
	}
	*plain = odd == 0;
	return tsv_field(r, k, s, n, start, n, fesc);
}
#endif

static int next_tsv(rec_reader *r, nf_str **fields, size_t *nfields)
{
	r->rec_start = r->line;
	int got = read_line(r);
	if (!got)
		return REC_EOF;
	r->line++;
	if (got == 2) {                      /* a line cut short: not a record to process */
		*fields = r->fields;
		*nfields = 0;
		return REC_BAD;
	}
	const char *s = r->raw;
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
	size_t k = 0;
	int plain = 0;                       /* only ASCII bytes and no NUL: valid UTF-8 */
#if defined(__SSE2__)
	if (n < 512)                         /* a long line goes to memchr, which is faster */
		k = split_short(r, s, n, &plain);
	else
#endif
	{
		int esc = memchr(s, '\\', n) != NULL;
		const char *p = s, *end = s + n;
		for (;;) {
			const char *t = memchr(p, '\t', (size_t)(end - p));
			const char *fe = t ? t : end;
			size_t len = (size_t)(fe - p);
			k = tsv_field(r, k, s, n, (size_t)(p - s), (size_t)(fe - s), esc && memchr(p, '\\', len));
			if (!t)
				break;
			p = t + 1;
		}
	}
	*fields = r->fields;
	*nfields = k;
	return check_record(r, k, (r->flags & REC_ANY_BYTES) ? NULL : s, n, plain);
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
		const char *p;
		size_t len;
		int got = next_line(r, &p, &len);
		if (!got) {
			r->csv_eof = 1;
			if (csv_fini(&r->csv, csv_cb_field, csv_cb_record, r) != 0)
				r->csv_bad = 1;          /* an open quote at the end of input */
			return;
		}
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
		if (got == 2) {                      /* a line cut short by a read error: the record is bad */
			r->line++;
			r->csv_bad = 1;
			return;
		}
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
			if (r->io_err)               /* the input was cut short: say why */
				snprintf(r->err, sizeof r->err, "read error: %s", strerror(r->io_err));
			else
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
	return check_record(r, x->nf, NULL, 0, 0);
}

int rec_next(rec_reader *r, nf_str **fields, size_t *nfields)
{
	r->err[0] = 0;
	return (r->flags & REC_CSV) ? next_csv(r, fields, nfields) : next_tsv(r, fields, nfields);
}

/* ---- writer ---- */

/* The writer keeps its own buffer (flushed at a row's end once it is half full, and by
 * rec_writer_flush and rec_writer_free): one fwrite per 64 KB instead of one per run of
 * unescaped bytes. */
struct rec_writer {
	FILE *f;
	int csv;
	char sep;                            /* ',' or tab */
	int col;                             /* fields written on this row */
	int err;                             /* errno of the first failed write: nothing is written after it */
	char *buf; size_t n, cap;
};

enum { WBUF = 1 << 17 };

rec_writer *rec_writer_new(FILE *f, int csv)
{
	rec_writer *w = nf_xcalloc(1, sizeof *w);
	w->f = f;
	w->csv = csv;
	w->sep = csv ? ',' : '\t';
	w->cap = WBUF;
	w->buf = nf_xmalloc(w->cap);
	return w;
}

/* (On an unbuffered stream, stdout in the tools, the C library's fwrite goes on after a
 * partial write; a short count means an error.) */
static void wflush(rec_writer *w)
{
	if (w->n && !w->err) {
		errno = 0;
		if (fwrite(w->buf, 1, w->n, w->f) != w->n)
			w->err = errno ? errno : EIO;
	}
	w->n = 0;
}

int rec_writer_flush(rec_writer *w)
{
	wflush(w);
	if (!w->err) {
		errno = 0;
		if (fflush(w->f) != 0 || ferror(w->f))
			w->err = errno ? errno : EIO;
	}
	return w->err;
}

int rec_writer_error(const rec_writer *w) { return w->err; }

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

/* Copies n bytes: short ones with fixed-size moves, not a memcpy call (ids, names, numbers). */
static inline void copy_bytes(char *o, const char *p, size_t n)
{
	if (n >= 16) {
		memcpy(o, p, n);
	} else if (n >= 8) {
		memcpy(o, p, 8);
		memcpy(o + n - 8, p + n - 8, 8);
	} else if (n >= 4) {
		memcpy(o, p, 4);
		memcpy(o + n - 4, p + n - 4, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			o[i] = p[i];
	}
}

/* TSV escapes by byte (0: written as it is). */
static const unsigned char tsv_esc[256] = { ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\' };
/* Bytes that make a CSV field quoted. */
static const unsigned char csv_special[256] = { [','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1 };

/* The first offset from i of a byte that may need escaping, or n: a byte below 0x0E (tab,
 * newline, return and other controls, which the caller passes over) or a backslash. */
static inline size_t next_special(const char *p, size_t i, size_t n)
{
#if defined(__SSE2__)
	const __m128i lim = _mm_set1_epi8(0x0D), bs = _mm_set1_epi8('\\');
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, lim), v), _mm_cmpeq_epi8(v, bs));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
		i += 16;
	}
	if (i < n && n >= 16) {              /* the last 16 bytes again, the checked ones masked off */
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + n - 16));
		__m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, lim), v), _mm_cmpeq_epi8(v, bs));
		unsigned bits = (unsigned)_mm_movemask_epi8(m) & (0xFFFFu << (16 - (n - i)));
		return bits ? n - 16 + (size_t)__builtin_ctz(bits) : n;
	}
#else
	while (i + 8 <= n) {
		uint64_t x = load8(p + i), y = x ^ (ONES * '\\');
		uint64_t m = ((x - ONES * 0x0E) & ~x & HIGHS) | ((y - ONES) & ~y & HIGHS);
		if (m) {
#ifdef FIRST8
			return i + FIRST8(m);
#else
			break;
#endif
		}
		i += 8;
	}
#endif
	while (i < n && !tsv_esc[(unsigned char)p[i]])
		i++;
	return i;
}

static NOINLINE void put_csv(rec_writer *w, const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && !csv_special[(unsigned char)p[i]])
		i++;
	char *o = wroom(w, 2 * n + 3), *o0 = o;
	if (w->col++)
		*o++ = ',';
	if (i == n) {
		copy_bytes(o, p, n);
		w->n = (size_t)(o + n - w->buf);
		return;
	}
	*o++ = '"';
	size_t run = 0;
	for (const char *q; (q = memchr(p + run, '"', n - run)) != NULL; ) {
		size_t k = (size_t)(q - p) + 1;      /* through the quote, which is then doubled */
		memcpy(o, p + run, k - run);
		o += k - run;
		*o++ = '"';
		run = k;
	}
	memcpy(o, p + run, n - run);
	o += n - run;
	*o++ = '"';
	w->n += (size_t)(o - o0);
}

/* Whether a field of fewer than 16 bytes has no byte below 0x0E and no backslash (most ids,
 * names and labels): two overlapping word loads instead of a loop. */
static inline int short_plain(const char *p, size_t n)
{
	uint64_t x, y;
#if defined(__SSE2__)
	if (n >= 8) {   /* (both words in one register: two compares, not eight word operations) */
		__m128i v = _mm_set_epi64x((long long)load8(p + n - 8), (long long)load8(p));
		__m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x0D)), v),
					 _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
		return _mm_movemask_epi8(m) == 0;
	}
#endif
	if (n >= 8) {
		uint64_t a = load8(p), b = load8(p + n - 8), ya = a ^ (ONES * '\\'), yb = b ^ (ONES * '\\');
		x = ((a - ONES * 0x0E) & ~a) | ((b - ONES * 0x0E) & ~b) | ((ya - ONES) & ~ya) | ((yb - ONES) & ~yb);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		x = (uint64_t)a << 32 | b;
		y = x ^ (ONES * '\\');
		x = ((x - ONES * 0x0E) & ~x) | ((y - ONES) & ~y);
	} else {
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)p[i] < 0x0E || p[i] == '\\')
				return 0;
		return 1;
	}
	return (x & HIGHS) == 0;
}

/* The bytes of any TSV field at o (room for 2 * n): runs between escapes copied at once;
 * returns their end. */
static NOINLINE char *tsv_bytes(char *o, const char *p, size_t n)
{
	size_t i = 0, run = 0;
	while ((i = next_special(p, i, n)) < n) {
		unsigned char e = tsv_esc[(unsigned char)p[i]];
		if (!e) {                            /* another control byte: written as it is */
			i++;
			continue;
		}
		copy_bytes(o, p + run, i - run);
		o += i - run;
		*o++ = '\\';
		*o++ = (char)e;
		run = ++i;
	}
	copy_bytes(o, p + run, n - run);
	return o + (n - run);
}

/* Any TSV field. */
static NOINLINE void put_tsv(rec_writer *w, const char *p, size_t n)
{
	char *o = wroom(w, 2 * n + 1);
	if (w->col++)
		*o++ = '\t';
	w->n = (size_t)(tsv_bytes(o, p, n) - w->buf);
}

void rec_put(rec_writer *w, const char *p, size_t n)
{
	if (w->csv) {
		put_csv(w, p, n);
		return;
	}
	/* the common short field with nothing to escape, with no call */
	if (n < 16 && w->n + 17 <= w->cap && short_plain(p, n)) {
		char *o = w->buf + w->n;
		if (w->col++)
			*o++ = '\t';
		if (n >= 8) {
			memcpy(o, p, 8);
			memcpy(o + n - 8, p + n - 8, 8);
		} else if (n >= 4) {
			memcpy(o, p, 4);
			memcpy(o + n - 4, p + n - 4, 4);
		} else {
			for (size_t i = 0; i < n; i++)
				o[i] = p[i];
		}
		w->n = (size_t)(o + n - w->buf);
		return;
	}
	put_tsv(w, p, n);
}

void rec_put_str(rec_writer *w, const char *s) { rec_put(w, s ? s : "", s ? strlen(s) : 0); }

/* Number of decimal digits of x. */
static inline size_t digits32(uint32_t x)
{
	static const uint32_t p10[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000 };
#if defined(__GNUC__)
	unsigned t = (unsigned)(32 - __builtin_clz(x | 1)) * 1233 >> 12;   /* about log10 from log2 */
	return t + ((x | 1) >= p10[t]);   /* x | 1: 0 has one digit too */
#else
	size_t n = 1;
	while (n < 10 && x >= p10[n])
		n++;
	return n;
#endif
}

static const char two_digits[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
				 "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
				 "8081828384858687888990919293949596979899";

/* x < 100 at o without a leading zero; returns the end. */
static inline char *one_or_two_digits(char *o, uint32_t x)
{
	if (x < 10) {
		*o = (char)('0' + x);
		return o + 1;
	}
	memcpy(o, two_digits + 2 * x, 2);
	return o + 2;
}

/* The sign and digits of v at o (21 bytes at most), written in place from the right, two at
 * a time: no snprintf, no copy; returns their end. */
static ALWAYS_INLINE char *long_at(char *o, long v)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	if (v < 0)
		*o++ = '-';
	if (u < 100000000) {                 /* most numbers of a row: counts, offsets */
		uint32_t x = (uint32_t)u, lo = 0;
		int four = x >= 10000;               /* then x / 10000 first, x % 10000 in 4 digits */
		if (four) {
			lo = x % 10000;
			x /= 10000;
		}
		if (x < 100) {
			o = one_or_two_digits(o, x);
		} else {
			o = one_or_two_digits(o, x / 100);
			memcpy(o, two_digits + 2 * (x % 100), 2);
			o += 2;
		}
		if (four) {
			memcpy(o, two_digits + 2 * (lo / 100), 2);
			memcpy(o + 2, two_digits + 2 * (lo % 100), 2);
			o += 4;
		}
		return o;
	}
	size_t len;
	if (u > 0xFFFFFFFFULL) {
		len = 10;
		for (unsigned long long t = 10000000000ULL; len < 20 && u >= t; t *= 10)
			len++;
	} else {
		len = digits32((uint32_t)u);
	}
	char *p = o + len, *end = p;
	while (u > 0xFFFFFFFFULL) {
		unsigned d = (unsigned)(u % 100);
		u /= 100;
		p -= 2;
		memcpy(p, two_digits + 2 * d, 2);
	}
	uint32_t x = (uint32_t)u;            /* 32-bit division is cheaper */
	while (x >= 100) {
		uint32_t d = x % 100;
		x /= 100;
		p -= 2;
		memcpy(p, two_digits + 2 * d, 2);
	}
	if (x >= 10)
		memcpy(p - 2, two_digits + 2 * x, 2);
	else
		p[-1] = (char)('0' + x);
	return end;
}

char *rec_long_at(char *o, long v) { return long_at(o, v); }

static NOINLINE void put_long_slow(rec_writer *w, long v)
{
	wmake_room(w, 22);
	rec_put_long(w, v);
}

void rec_put_long(rec_writer *w, long v)
{
	if (w->n + 22 > w->cap) {            /* the call stays off the common path */
		put_long_slow(w, v);
		return;
	}
	char *o = w->buf + w->n;             /* separator, sign, 20 digits: no escaping or quoting */
	if (w->col++)
		*o++ = w->sep;
	w->n = (size_t)(long_at(o, v) - w->buf);
}

/* Room for need more bytes after o, the end of the row so far. */
static NOINLINE char *row_room(rec_writer *w, char *o, size_t need)
{
	w->n = (size_t)(o - w->buf);
	wmake_room(w, need);
	return w->buf + w->n;
}

void rec_put_row(rec_writer *w, const rec_field *f, size_t nf)
{
	if (w->csv) {
		for (size_t i = 0; i < nf; i++)
			if (!f[i].p)
				rec_put_long(w, f[i].v);
			else
				rec_put(w, f[i].p, f[i].n == REC_CSTR ? strlen(f[i].p) : f[i].n);
		return;
	}
	/* TSV: the row's end kept in o, a tab stored before every field and kept after the first */
	char *o = w->buf + w->n, *end = w->buf + w->cap;
	size_t sep = w->col != 0;
	for (size_t i = 0; i < nf; i++, sep = 1) {
		const char *p = f[i].p;
		if (!p) {
			if ((size_t)(end - o) < 22) {
				o = row_room(w, o, 22);
				end = w->buf + w->cap;
			}
			*o = '\t';
			o = long_at(o + sep, f[i].v);
			continue;
		}
		size_t n = f[i].n;
		if (n == REC_CSTR) {
			if (!*p) {                   /* an empty string (most roles and affiliations) */
				if (o == end) {
					o = row_room(w, o, 1);
					end = w->buf + w->cap;
				}
				*o = '\t';
				o += sep;
				continue;
			}
			n = strlen(p);
		}
		if ((size_t)(end - o) < 2 * n + 1) {
			o = row_room(w, o, 2 * n + 1);
			end = w->buf + w->cap;
		}
		*o = '\t';
		o += sep;
		if (n < 16 && short_plain(p, n)) {
			copy_bytes(o, p, n);
			o += n;
		} else {
			o = tsv_bytes(o, p, n);
		}
	}
	w->n = (size_t)(o - w->buf);
	w->col += (int)nf;
}

void rec_put_double(rec_writer *w, double v)
{
	char b[320];                         /* "%.3f" of -DBL_MAX is 314 bytes */
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
