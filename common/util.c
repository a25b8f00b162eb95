/* util.c - allocation, messages, byte buffers. */
#include "util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *nf_progname = "newsfilter";

static void oom(void) { nf_die("out of memory"); }

void *nf_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *nf_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *nf_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *nf_xstrndup(const char *s, size_t n)
{
	char *d = nf_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

void nf_grow(void **buf, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 16;
	while (c < need)
		c *= 2;
	*buf = nf_xrealloc(*buf, c * size);
	*cap = c;
}

static void vwarn(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", nf_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void nf_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void nf_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(1);
}

void nf_buf_add(nf_buf *b, const char *p, size_t n)
{
	if (b->n + n + 1 > b->cap)
		nf_grow((void **)&b->p, &b->cap, b->n + n + 1, 1);
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = 0;
}

/* One byte at a time is common (text built while scanning): no memcpy, no call when there is room. */
void nf_buf_addc(nf_buf *b, char c)
{
	if (b->n + 2 > b->cap)
		nf_grow((void **)&b->p, &b->cap, b->n + 2, 1);
	b->p[b->n++] = c;
	b->p[b->n] = 0;
}

void nf_buf_addf(nf_buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		nf_buf_add(b, tmp, (size_t)n);
		return;
	}
	nf_grow((void **)&b->p, &b->cap, b->n + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void nf_buf_clear(nf_buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = 0;
}

void nf_buf_free(nf_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}
