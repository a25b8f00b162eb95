/* text.c - UTF-8 repair and normalisation (see text.h). */
#include "text.h"
#include <string.h>
#include <stdlib.h>
#include <utf8proc.h>

/* Windows-1252 0x80-0x9F; 0 where the code page leaves the byte undefined. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
	0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
	0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

int32_t nf_cp1252(unsigned char b)
{
	if (b < 0x80)
		return b;
	if (b >= 0xA0)
		return b;
	return cp1252_hi[b - 0x80] ? cp1252_hi[b - 0x80] : 0xFFFD;
}

/* The byte a code point came from when UTF-8 was misread as Windows-1252 or Latin-1; -1 if none. */
static int cp_to_byte(int32_t cp)
{
	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (int i = 0; i < 32; i++)
		if (cp1252_hi[i] == cp)
			return 0x80 + i;
	return -1;
}

size_t nf_utf8_dec(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	size_t len;
	int32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
	else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
	else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
	else return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

size_t nf_utf8_enc(int32_t cp, char *o)
{
	unsigned char *u = (unsigned char *)o;
	if (cp < 0x80) { u[0] = (unsigned char)cp; return 1; }
	if (cp < 0x800) { u[0] = (unsigned char)(0xC0 | (cp >> 6)); u[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12)); u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18)); u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Next character of the input: valid UTF-8, or one invalid byte read as Windows-1252. */
static size_t next_cp(const unsigned char *s, size_t n, int32_t *cp, int *bad)
{
	size_t k = nf_utf8_dec(s, n, cp);
	*bad = 0;
	if (k)
		return k;
	*cp = nf_cp1252(s[0]);
	*bad = 1;
	return 1;
}

/* Tries to read the characters at s as the Windows-1252 image of one UTF-8 sequence;
 * returns the input bytes consumed (0 if they are not) and the character in *out. */
static size_t mojibake_at(const unsigned char *s, size_t n, int32_t first, size_t firstlen, int32_t *out)
{
	if (first < 0xC2 || first > 0xF4)
		return 0;       /* the only characters that stand for a lead byte (Â to ô) */
	int b0 = (int)first;   /* U+00C2..U+00F4 stand for the bytes of the same value */
	size_t need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
	unsigned char buf[4];
	buf[0] = (unsigned char)b0;
	size_t pos = firstlen;
	for (size_t i = 1; i < need; i++) {
		if (pos >= n)
			return 0;
		int32_t cp;
		int bad;
		size_t k = next_cp(s + pos, n - pos, &cp, &bad);
		int b = cp_to_byte(cp);
		if (b < 0x80 || b > 0xBF)
			return 0;
		buf[i] = (unsigned char)b;
		pos += k;
	}
	int32_t cp;
	if (nf_utf8_dec(buf, need, &cp) != need)
		return 0;
	*out = cp;
	return pos;
}

static int is_space_cp(int32_t c)
{
	return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
	       c == 0x205F || c == 0x3000 || c == 0x85;
}

static int is_invisible(int32_t c)
{
	/* ZWJ and ZWNJ are kept: they change how Persian, Indic and emoji text is spelled */
	return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0xAD || c == 0x180E;
}

/* Whether NFC can change a word with cp in it: marks, jamo, composition exclusions and
 * characters that decompose to one other (U+212B ANGSTROM SIGN). A word with none of these
 * is left as it is by NFC. */
static int nfc_sensitive(int32_t cp)
{
	if (cp >= 0x2010 && cp <= 0x2027)
		return 0;       /* dashes, curly quotes, bullets, ellipsis: common, and none of these */
	const utf8proc_property_t *pr = utf8proc_get_property(cp);
	if (pr->combining_class || pr->category == UTF8PROC_CATEGORY_MN ||
	    pr->category == UTF8PROC_CATEGORY_MC || pr->comp_exclusion || (cp >= 0x1160 && cp <= 0x11FF))
		return 1;
	if (pr->decomp_seqindex == UINT16_MAX || pr->decomp_type)
		return 0;
	/* a canonical decomposition: NFC changes the character if composing it again does not
	 * give it back (a singleton) */
	utf8proc_int32_t buf[8];
	utf8proc_ssize_t m = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE, NULL);
	if (m <= 0 || m > 8)
		return 1;
	m = utf8proc_normalize_utf32(buf, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	return !(m == 1 && buf[0] == cp);
}

/* NFC of out[from..to), in place (the bytes after it move up or down). NFC works word by
 * word: a space or line break never composes or reorders with what is around it. */
static void nfc_range(nf_buf *out, size_t from, size_t to)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)out->p + from, (utf8proc_ssize_t)(to - from),
					  &r, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (m >= 0 && ((size_t)m != to - from || memcmp(r, out->p + from, to - from))) {
		size_t tail = out->n - to;
		nf_grow((void **)&out->p, &out->cap, from + (size_t)m + tail + 1, 1);
		memmove(out->p + from + m, out->p + to, tail);
		memcpy(out->p + from, r, (size_t)m);
		out->n = from + (size_t)m + tail;
	}
	free(r);
}

/* printable ASCII: 0x21-0x7E */
static const unsigned char printable[256] = {
#define P1(i) (unsigned char)((i) >= 0x21 && (i) < 0x7F)
#define P4(i) P1(i), P1(i + 1), P1(i + 2), P1(i + 3)
#define P16(i) P4(i), P4(i + 4), P4(i + 8), P4(i + 12)
#define P64(i) P16(i), P16(i + 16), P16(i + 32), P16(i + 48)
	P64(0), P64(64)
#undef P64
#undef P16
#undef P4
#undef P1
};

/* s[0..8) as a little-endian number (compilers make this one load where they can) */
static uint64_t load_le64(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24 |
	       (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
}

/* How many of the eight bytes v (byte k in bits 8k..8k+7) the fast path takes as they are:
 * the bytes before the first one that is no printable ASCII, or a space with no printable
 * byte after it among the eight (the byte before them is printable); *sm gets bit 8k+7 set
 * for each space among those. After a miss the byte at a time test starts at the byte that
 * stopped the eight, so the bytes before it are not tested again. */
static unsigned run8(uint64_t v, uint64_t *sm)
{
	const uint64_t lo7 = 0x7F7F7F7F7F7F7F7Full, hi = 0x8080808080808080ull;
	uint64_t lo = v & lo7;
	uint64_t bad = (~((lo + 0x6060606060606060ull) | v) |     /* a byte < 0x20 */
			((lo + 0x0101010101010101ull) | v)) & hi;   /* a byte >= 0x7F */
	uint64_t x = v ^ 0x2020202020202020ull;
	uint64_t s = ~(((x & lo7) + lo7) | x) & hi;              /* bytes that are ' ' */
	uint64_t stop = bad | (s & ((s | bad) >> 8 | 0x8000000000000000ull));
	if (!stop) {
		*sm = s;
		return 8;
	}
	unsigned k = (unsigned)__builtin_ctzll(stop) / 8;
	*sm = s & ((1ull << (8 * k)) - 1);
	return k;
}

/* Ends the word before a space or line break (composing it to NFC when it needs it) and
 * writes the break; returns where the next word starts. */
static size_t word_break(nf_buf *out, int nl, size_t word, int *dirty)
{
	if (*dirty) {
		nfc_range(out, word, out->n);
		*dirty = 0;
	}
	if (nl)
		nf_buf_add(out, nl > 1 ? "\n\n" : "\n", nl > 1 ? 2 : 1);
	else
		nf_buf_addc(out, ' ');
	return out->n;
}

void nf_text_norm(nf_buf *out, const char *str, size_t n, int flags, nf_text_stats *st)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t start = out->n, i = 0;
	int space = 0, nl = 0, nfc = 0, lines = flags & NF_TEXT_LINES;
	/* NFC: from the first word whose characters NFC can change (nfc set), every word with a
	 * character >= U+0300 in it is composed when it ends (it starts at word, dirty set) */
	size_t word = start;
	int dirty = 0;
	int at_start = 1;
	/* code points nfc_sensitive said no to, by their low bits (0: none yet): text that is NFC
	 * already (Cyrillic, Greek, CJK) would ask it of every letter */
	int32_t plain[128];
	int plain_init = 0;
	nf_grow((void **)&out->p, &out->cap, out->n + n + 8, 1);
	while (i < n) {
		unsigned c = s[i];
		int32_t cp;
		if (c >= 0x21 && c < 0x7F) {
			/* fast path: printable ASCII */
			if ((nl || space) && !at_start)
				word = word_break(out, nl, word, &dirty);
			nl = space = 0;
			at_start = 0;
			size_t j = i + 1;
			/* the run goes on over single spaces between printable characters, as the
			 * slow path would write them */
			size_t sp1 = 0, sp = 0;  /* the first and the last space in the run, 0 if none */
			for (; j < n; j++) {
				while (j + 8 <= n) {
					/* eight bytes at a time: printable ASCII and single spaces, not
					 * ending in a space (the byte before them is printable) */
					uint64_t sm;
					unsigned k = run8(load_le64(s + j), &sm);
					if (sm) {
						if (!sp1)
							sp1 = j + (size_t)__builtin_ctzll(sm) / 8;
						sp = j + (size_t)(63 - __builtin_clzll(sm)) / 8;
					}
					j += k;
					if (k < 8)
						break;  /* s[j] is for the byte at a time test below */
				}
				if (j >= n)
					break;
				if (printable[s[j]])
					continue;
				if (s[j] != ' ' || j + 1 >= n || !printable[s[j + 1]])
					break;
				if (!sp1)
					sp1 = j;
				sp = j;
			}
			if (sp) {
				/* a word ends in the run */
				if (dirty) {
					nf_buf_add(out, str + i, sp1 - i);
					nfc_range(out, word, out->n);
					dirty = 0;
					i = sp1;
				}
				nf_buf_add(out, str + i, sp + 1 - i);
				word = out->n;
				i = sp + 1;
			}
			nf_buf_add(out, str + i, j - i);
			i = j;
			continue;
		}
		int bad;
		size_t k = next_cp(s + i, n - i, &cp, &bad);
		if (cp >= 0x80 && !(flags & NF_TEXT_NO_MOJIBAKE)) {
			int32_t fixed;
			size_t m = mojibake_at(s + i, n - i, cp, k, &fixed);
			if (m) {
				if (st)
					st->mojibake++;
				k = m;
				cp = fixed;
				bad = 0;
			}
		}
		if (bad && st)
			st->invalid++;
		i += k;
		if (cp >= 0x80 && cp <= 0x9F && cp != 0x85)
			cp = nf_cp1252((unsigned char)cp);   /* C1 controls: Latin-1 misreading of 1252 */
		if (cp == '\r') {
			if (i < n && s[i] == '\n')
				i++;
			cp = '\n';
		}
		if (cp == 0x2028 || cp == 0x2029)
			cp = '\n';
		if (cp == '\n') {
			if (lines) {
				if (nl < 2)
					nl++;
				space = 0;
			} else {
				space = 1;
			}
			continue;
		}
		if (cp < 0x20 || cp == ' ' || cp == 0x7F || is_space_cp(cp)) {
			space = 1;
			continue;
		}
		if (is_invisible(cp))
			continue;
		if ((nl || space) && !at_start)
			word = word_break(out, nl, word, &dirty);
		nl = space = 0;
		at_start = 0;
		/* one character: encoded in place (a call to memcpy per character costs more) */
		if (out->n + 5 > out->cap)
			nf_grow((void **)&out->p, &out->cap, out->n + 5, 1);
		out->n += nf_utf8_enc(cp, out->p + out->n);
		if (cp >= 0x300 && !dirty) {
			if (!nfc) {
				if (!plain_init) {
					memset(plain, 0, sizeof plain);
					plain_init = 1;
				}
				if (plain[cp & 127] != cp && !(nfc = nfc_sensitive(cp)))
					plain[cp & 127] = cp;
			}
			if (nfc)
				dirty = 1;
		}
	}
	if (dirty)
		nfc_range(out, word, out->n);
	if (out->p)
		out->p[out->n] = '\0';
}

size_t nf_text_repair(nf_buf *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, bad = 0, run = 0;
	while (i < n) {
		int32_t cp;
		while (i + 8 <= n) {    /* fast path: eight ASCII bytes, none NUL */
			uint64_t v;
			memcpy(&v, s + i, 8);
			if ((v & 0x8080808080808080ull) || ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		size_t k = s[i] < 0x80 ? 1 : nf_utf8_dec(s + i, n - i, &cp);
		if (k && s[i]) {
			i += k;
			continue;
		}
		nf_buf_add(out, str + run, i - run);
		char e[4];
		cp = s[i] ? nf_cp1252(s[i]) : ' ';
		nf_buf_add(out, e, nf_utf8_enc(cp, e));
		bad++;
		run = ++i;
	}
	nf_buf_add(out, str + run, n - run);
	return bad;
}
