/* text.h - text normalisation: repairs invalid UTF-8 and mojibake, maps odd spaces, drops
 * invisible characters, collapses white space and composes to NFC.
 * Output is appended to a caller-owned nf_buf; nothing is kept between calls. */
#ifndef NF_TEXT_H
#define NF_TEXT_H
#include "util.h"
#include <stddef.h>
#include <stdint.h>

enum {
	NF_TEXT_LINES = 1,      /* keep line breaks (at most one empty line in a row) */
	NF_TEXT_NO_MOJIBAKE = 2 /* do not undo UTF-8 that was read as Windows-1252 */
};

typedef struct {
	size_t invalid;         /* invalid UTF-8 bytes, decoded as Windows-1252 (or U+FFFD) */
	size_t mojibake;        /* characters restored from a Windows-1252 misreading */
	size_t nul;             /* NUL bytes in the input, read as spaces (counted by nf_clean) */
} nf_text_stats;

/* Decodes one UTF-8 character at s (n > 0 bytes available): returns its length and sets *cp,
 * or returns 0 when the bytes there are not valid UTF-8 (overlong, surrogate, truncated). */
size_t nf_utf8_dec(const unsigned char *s, size_t n, int32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t nf_utf8_enc(int32_t cp, char *out);
/* The code point a byte 0x80-0xFF stands for in Windows-1252 (U+FFFD where undefined). */
int32_t nf_cp1252(unsigned char b);

/* Appends the normalised s[0..n) to out: invalid bytes read as Windows-1252, mojibake undone,
 * NBSP and other spaces -> ' ', zero-width characters and soft hyphens removed, C0 controls
 * and tabs -> ' ', runs of spaces collapsed, ends trimmed, NFC. st may be NULL (counts add up). */
void nf_text_norm(nf_buf *out, const char *s, size_t n, int flags, nf_text_stats *st);

/* Appends s[0..n) to out with only the invalid bytes replaced (read as Windows-1252), so the
 * result is valid UTF-8 and otherwise unchanged; returns the number of bytes replaced. */
size_t nf_text_repair(nf_buf *out, const char *s, size_t n);

#endif
