/* util.h - allocation that cannot fail quietly, messages in the newsfilter form, small buffers.
 * nf_x* functions never return NULL: they end the program with a message when memory runs out. */
#ifndef NF_UTIL_H
#define NF_UTIL_H
#include <stddef.h>
#include <stdarg.h>

extern const char *nf_progname;   /* set by each tool's main; prefixes every message */

void *nf_xmalloc(size_t n);
void *nf_xcalloc(size_t n, size_t size);
void *nf_xrealloc(void *p, size_t n);
char *nf_xstrndup(const char *s, size_t n);
/* Makes *buf hold at least need elements of size bytes, growing *cap geometrically. */
void nf_grow(void **buf, size_t *cap, size_t need, size_t size);

/* "tool: message" on stderr; nf_die then exits with status 1. */
void nf_warn(const char *fmt, ...);
_Noreturn void nf_die(const char *fmt, ...);

/* A growable byte buffer, always NUL-terminated. */
typedef struct { char *p; size_t n, cap; } nf_buf;
void nf_buf_add(nf_buf *b, const char *p, size_t n);
void nf_buf_addc(nf_buf *b, char c);
void nf_buf_addf(nf_buf *b, const char *fmt, ...);
void nf_buf_clear(nf_buf *b);
void nf_buf_free(nf_buf *b);

#endif
