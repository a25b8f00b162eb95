/* rec.h - reading and writing records: newsfilter TSV (see newsfilter-tsv(5)) or RFC 4180 CSV.
 * Fields handed out by rec_next are borrowed: valid until the next rec_next or rec_close. */
#ifndef NF_REC_H
#define NF_REC_H
#include <stdio.h>
#include <stddef.h>

/* A byte string that is not NUL-terminated by contract (it may contain NUL). */
typedef struct { const char *p; size_t n; } nf_str;

enum { REC_OK = 0, REC_EOF = 1, REC_BAD = 2 };
enum { REC_CSV = 1, REC_ANY_BYTES = 2 };   /* rec_open flags */

typedef struct rec_reader rec_reader;

/* Opens a reader on f; name is used in messages. The first record returned is the header,
 * and every later record must have as many fields. */
rec_reader *rec_open(FILE *f, const char *name, int flags);
void rec_close(rec_reader *r);
/* REC_OK with the fields, REC_EOF, or REC_BAD: the record was malformed, or cut short by a
 * read error (then rec_io_error is set and no record follows), and is skipped; rec_error
 * says why and rec_raw gives its bytes (for --rejects). A read error between lines ends the
 * input with REC_EOF and rec_io_error set. */
int rec_next(rec_reader *r, nf_str **fields, size_t *nfields);
long rec_line(const rec_reader *r);          /* line where the last record started */
const char *rec_name(const rec_reader *r);
const char *rec_error(const rec_reader *r);
nf_str rec_raw(const rec_reader *r);          /* raw bytes of the last record, with its newline */
int rec_io_error(const rec_reader *r);        /* nonzero when reading failed (not a format error) */
/* Makes the next record the header again (after comment lines before a header). */
void rec_reset_header(rec_reader *r);

/* Writer: fields are written one by one and a row is ended with rec_end. */
typedef struct rec_writer rec_writer;
rec_writer *rec_writer_new(FILE *f, int csv);
void rec_writer_free(rec_writer *w);     /* writes out what is buffered */
/* Writes out what is buffered; returns 0, or the errno of the first failed write (after
 * which nothing more is written). */
int rec_writer_flush(rec_writer *w);
int rec_writer_error(const rec_writer *w);
void rec_put(rec_writer *w, const char *p, size_t n);
void rec_put_str(rec_writer *w, const char *s);
void rec_put_long(rec_writer *w, long v);
void rec_put_double(rec_writer *w, double v);
void rec_end(rec_writer *w);

/* A field for rec_put_row: bytes p[0, n); a NUL-terminated string p (n REC_CSTR); or, with p
 * NULL, the number v. The REC_* macros make one: REC_STR takes NULL as "", REC_BYTES too when
 * N is 0; both evaluate their first argument twice. */
typedef struct { const char *p; union { size_t n; long v; }; } rec_field;
#define REC_CSTR ((size_t)-1)
#define REC_BYTES(P, N) { (P) ? (P) : "", { .n = (N) } }
#define REC_STR(S) { (S) ? (S) : "", { .n = REC_CSTR } }
#define REC_LONG(V) { NULL, { .v = (V) } }
/* Writes the fields f[0, nf) as rec_put and rec_put_long would, one after another (a row's
 * fields with one call: its bytes are placed without a call or a room check per field). */
void rec_put_row(rec_writer *w, const rec_field *f, size_t nf);
/* Writes the sign and digits of v at o (21 bytes at most), as rec_put_long does; returns
 * their end. */
char *rec_long_at(char *o, long v);

/* Decodes the TSV escapes of src into dst (which may be src); returns the new length. */
size_t rec_unescape(char *dst, const char *src, size_t n);
/* Offset of the first invalid UTF-8 sequence or NUL byte in s, or n when there is none. */
size_t rec_utf8_check(const char *s, size_t n);

#endif
