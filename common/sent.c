/* sent.c - a rule-based sentence splitter. One pass over the text stops only at bytes that can
 * matter (. ! ? ) line breaks and the first byte of UTF-8 punctuation); at a candidate end the
 * word before and the word after decide (abbreviations, initials, numbers, lower-case
 * continuations, introductory time phrases, list markers, ellipsis forms). Line breaks end
 * sentences unless join_lines is set. The splitter is read-only after nf_splitter_new, so one
 * splitter may serve several threads. */
#include "sent.h"
#include "data.h"
#include "util.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* A read-only word set built from an nf_map for the lookups of the hot path: the caller
 * hashes the key while it lower-cases it (one pass over the text, no second hash), and a
 * key longer than every entry is rejected before any lookup. */
typedef struct {
	uint64_t h;
	const char *k;      /* the nf_map's copy of the key; NULL: an empty slot */
	size_t n;
	long v;
} fslot;

typedef struct {
	fslot *slot;
	size_t mask, maxlen;
	uint32_t pair[32];  /* bit b of pair[a]: a key starts with bytes x, y, x % 32 == a and
			     * y % 32 == b (b 0: a one-byte key); most words fail this test */
} fset;

/* Can a key of f start with x (then y, or 0 for the end of the key)? */
static int fs_pair(const fset *f, unsigned char x, unsigned char y)
{
	return (f->pair[x & 31] >> (y & 31)) & 1;
}

#define FS_SEED 1469598103934665603ULL
#define FS_STEP(h, c) (((h) ^ (unsigned char)(c)) * 1099511628211ULL)

static uint64_t fs_hash(const char *p, size_t n)
{
	uint64_t h = FS_SEED;
	for (size_t i = 0; i < n; i++)
		h = FS_STEP(h, p[i]);
	return h;
}

static size_t fs_index(uint64_t h, size_t mask) { return (size_t)(h ^ (h >> 31)) & mask; }

static void fset_build(fset *f, const nf_map *m)
{
	size_t cap = 16;
	while (cap < 4 * m->n)
		cap *= 2;                                /* at most a quarter full: short probes */
	f->slot = nf_xcalloc(cap, sizeof *f->slot);
	f->mask = cap - 1;
	f->maxlen = 0;
	memset(f->pair, 0, sizeof f->pair);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		uint64_t h = fs_hash(m->keys[i], m->lens[i]);
		size_t j = fs_index(h, f->mask);
		while (f->slot[j].k)
			j = (j + 1) & f->mask;
		f->slot[j] = (fslot){ h, m->keys[i], m->lens[i], (long)(intptr_t)m->vals[i] };
		if (m->lens[i] > 0)
			f->pair[(unsigned char)m->keys[i][0] & 31] |= 1u << (m->lens[i] > 1 ? (unsigned char)m->keys[i][1] & 31 : 0);
		if (m->lens[i] > f->maxlen)
			f->maxlen = m->lens[i];
	}
}

/* The entry for key[0, n) (hashed to h), or NULL. */
static inline const fslot *fset_find(const fset *f, uint64_t h, const char *key, size_t n)
{
	for (size_t j = fs_index(h, f->mask);; j = (j + 1) & f->mask) {
		const fslot *e = &f->slot[j];
		if (!e->k)
			return NULL;
		if (e->h == h && e->n == n) {
			size_t k = 0;
			while (k < n && e->k[k] == key[k])
				k++;
			if (k == n)
				return e;
		}
	}
}

/* Byte classes of the hot loops (one table look-up instead of a chain of compares):
 * CC_BRK the ASCII bytes word_before stops at, CC_WORD word_end's ASCII bytes, CC_SP
 * is_space's ASCII bytes, CC_Q the first bytes of closer_at's and opener_at's marks. */
enum { CC_UP = 1, CC_LO = 2, CC_DIG = 4, CC_BRK = 8, CC_WORD = 16, CC_SP = 32, CC_NL = 64, CC_Q = 128 };
#define CC_IN(ch, a, b) ((ch) >= (a) && (ch) <= (b))
#define CCV(ch) ((CC_IN(ch, 'A', 'Z') ? CC_UP | CC_WORD : 0) | (CC_IN(ch, 'a', 'z') ? CC_LO | CC_WORD : 0) | \
		 (CC_IN(ch, '0', '9') ? CC_DIG | CC_WORD : 0) | ((ch) == '\'' || (ch) == '-' ? CC_WORD : 0) | \
		 ((ch) == ' ' || (ch) == '\n' || (ch) == '\t' || (ch) == '\r' || (ch) == '(' || (ch) == '"' || \
		  (ch) == '[' || (ch) == '/' ? CC_BRK : 0) | \
		 ((ch) == ' ' || (ch) == '\t' || (ch) == '\r' || (ch) == '\f' || (ch) == '\v' ? CC_SP : 0) | \
		 ((ch) == '\n' ? CC_NL : 0) | \
		 ((ch) == '"' || (ch) == '\'' || (ch) == '(' || (ch) == ')' || (ch) == '[' || (ch) == ']' || \
		  (ch) == 0xC2 || (ch) == 0xE2 ? CC_Q : 0))
/* ASCII letters and the apostrophe lower-cased (word_in's bytes), 0 for the rest */
#define LCV(ch) (CC_IN(ch, 'A', 'Z') ? (ch) | 0x20 : CC_IN(ch, 'a', 'z') || (ch) == '\'' ? (ch) : 0)
#define T4(f, n) f(n), f((n) + 1), f((n) + 2), f((n) + 3)
#define T16(f, n) T4(f, n), T4(f, (n) + 4), T4(f, (n) + 8), T4(f, (n) + 12)
#define T64(f, n) T16(f, n), T16(f, (n) + 16), T16(f, (n) + 32), T16(f, (n) + 48)
static const unsigned char cc[256] = { T64(CCV, 0), T64(CCV, 64), T64(CCV, 128), T64(CCV, 192) };
static const unsigned char lc[256] = { T64(LCV, 0), T64(LCV, 64), T64(LCV, 128), T64(LCV, 192) };

struct nf_splitter {
	fset f_abbrev, f_starters, f_timewords, f_timefollow, f_attr_verbs, f_attr_follow;
	nf_map *abbrev;     /* lower-case abbreviation -> class */
	nf_map *starters;   /* lower-case words that often begin a sentence */
	nf_map *timewords;  /* words of an introductory time phrase ("at", "shortly", "after") */
	nf_map *timefollow; /* capitalised words that go on after "p.m." ("Friday", "ET") */
	nf_map *attr_verbs; /* reporting verbs of a quote's attribution ("said", "told") */
	nf_map *attr_follow;/* words that may follow them ("earlier", "on") */
	int join_lines;
};

enum { AB_OTHER = 1, AB_TITLE = 2, AB_TIME = 3, AB_NUMBER = 4, AB_CAPITAL = 16 };

static void add_abbrev(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_map *m = arg;
	if (n < 1 || f[0].n == 0 || f[0].n > 60)
		return;
	long cls = AB_OTHER;
	if (n > 1 && f[1].n == 5 && memcmp(f[1].p, "title", 5) == 0)
		cls = AB_TITLE;
	else if (n > 1 && f[1].n == 4 && memcmp(f[1].p, "time", 4) == 0)
		cls = AB_TIME;
	else if (n > 1 && f[1].n == 6 && memcmp(f[1].p, "number", 6) == 0)
		cls = AB_NUMBER;
	char t[64];
	size_t k = 0;
	for (size_t i = 0; i < f[0].n; i++) {
		char ch = f[0].p[i];
		if (ch == '.')
			continue;                 /* "a.m" and "am" are one key, as in the text */
		t[k++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
	}
	if (k == 0)
		return;
	if (f[0].p[0] >= 'A' && f[0].p[0] <= 'Z')
		cls |= AB_CAPITAL;
	void **slot = nf_map_slot(m, t, k, 1);
	long old = (long)(intptr_t)*slot;
	/* the same key twice ("ft" foot and "Ft" fort): keep the stronger class, and the
	 * capital-only restriction only if every entry has it */
	if (old) {
		long oc = old & ~AB_CAPITAL, nc = cls & ~AB_CAPITAL;
		long cap = (old & AB_CAPITAL) && (cls & AB_CAPITAL) ? AB_CAPITAL : 0;
		cls = (oc > nc ? oc : nc) | cap;
	}
	*slot = (void *)(intptr_t)cls;
}

nf_splitter *nf_splitter_new(const char *extra_abbrev, int join_lines)
{
	nf_splitter *s = nf_xcalloc(1, sizeof *s);
	s->abbrev = nf_xcalloc(1, sizeof *s->abbrev);
	nf_data_load("abbreviations.tsv", "abbrev\tclass", add_abbrev, s->abbrev);
	s->starters = nf_data_set("sentence_starters.tsv", "word", 1);
	s->timewords = nf_data_set("sent_time_openers.tsv", "word", 1);
	s->timefollow = nf_data_set("sent_time_followers.tsv", "word", 1);
	s->attr_verbs = nf_data_set("sent_attribution_verbs.tsv", "word", 1);
	s->attr_follow = nf_data_set("sent_attribution_follow.tsv", "word", 1);
	s->join_lines = join_lines;
	if (extra_abbrev) {
		FILE *f = fopen(extra_abbrev, "r");
		if (!f)
			nf_die("%s: cannot open abbreviation list", extra_abbrev);
		char line[256];
		while (fgets(line, sizeof line, f)) {
			size_t n = strcspn(line, "\t\r\n"), e = n;
			while (n && line[n - 1] == '.')
				n--;
			size_t a = 0;
			while (a < n && line[a] == ' ')
				a++;
			nf_str f[2] = { { line + a, n - a }, { "", 0 } };
			if (line[e] == '\t')                 /* an optional class column */
				f[1] = (nf_str){ line + e + 1, strcspn(line + e + 1, "\t\r\n") };
			if (n > a && line[a] != '#')
				add_abbrev(f, 2, 0, s->abbrev);
		}
		fclose(f);
	}
	fset_build(&s->f_abbrev, s->abbrev);
	fset_build(&s->f_starters, s->starters);
	fset_build(&s->f_timewords, s->timewords);
	fset_build(&s->f_timefollow, s->timefollow);
	fset_build(&s->f_attr_verbs, s->attr_verbs);
	fset_build(&s->f_attr_follow, s->attr_follow);
	return s;
}

void nf_splitter_free(nf_splitter *s)
{
	if (!s)
		return;
	free(s->f_abbrev.slot);
	free(s->f_starters.slot);
	free(s->f_timewords.slot);
	free(s->f_timefollow.slot);
	free(s->f_attr_verbs.slot);
	free(s->f_attr_follow.slot);
	nf_map_free(s->abbrev);
	nf_map_free(s->starters);
	nf_map_free(s->timewords);
	nf_map_free(s->timefollow);
	free(s->timefollow);
	nf_map_free(s->attr_verbs);
	nf_map_free(s->attr_follow);
	free(s->attr_verbs);
	free(s->attr_follow);
	free(s->abbrev);
	free(s->starters);
	free(s->timewords);
	free(s);
}

/* Bytes the main loop stops at. */
static const unsigned char stop_byte[256] = {
	['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [')'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* The scanner's window: the stop bytes of t[base, base + 64) as the bits of one word, found
 * 16 bytes at a time with SSE2 (a byte at a time without). Most text is plain letters between
 * stops, and the main loop's position only grows, so each byte is classified once. */
typedef struct {
	size_t base;        /* (size_t)-64 at first: no window */
	uint64_t bits;
} scan;

#if defined(__SSE2__)
/* The stop bytes of 16 bytes at p: '!' 0x21 and ')' 0x29 differ in bit 3 only, 0xE2 and 0xE3
 * in bit 0. */
static inline uint64_t stop16(const char *p)
{
	const __m128i f7 = _mm_set1_epi8((char)0xF7), fe = _mm_set1_epi8((char)0xFE), nl = _mm_set1_epi8('\n'),
		      dot = _mm_set1_epi8('.'), qm = _mm_set1_epi8('?'), exrp = _mm_set1_epi8('!'),
		      e2e3 = _mm_set1_epi8((char)0xE2), ef = _mm_set1_epi8((char)0xEF);
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
				 _mm_or_si128(_mm_cmpeq_epi8(v, qm), _mm_cmpeq_epi8(_mm_and_si128(v, f7), exrp)));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(v, fe), e2e3), _mm_cmpeq_epi8(v, ef)));
	return (uint64_t)(unsigned)_mm_movemask_epi8(m);
}
#endif

static uint64_t stop_bits(const char *p)
{
#if defined(__SSE2__)
	return stop16(p) | stop16(p + 16) << 16 | stop16(p + 32) << 32 | stop16(p + 48) << 48;
#else
	uint64_t bits = 0;
	for (int k = 0; k < 64; k++)
		bits |= (uint64_t)stop_byte[(unsigned char)p[k]] << k;
	return bits;
#endif
}

static inline unsigned ctz64(uint64_t b)   /* b != 0 */
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(b);
#else
	unsigned k = 0;
	while (!(b & 1)) {
		b >>= 1;
		k++;
	}
	return k;
#endif
}

/* The first position from i that holds a stop byte, or len. */
static size_t next_stop(scan *sc, const char *t, size_t i, size_t len)
{
	for (;;) {
		/* inside the window (an i before it, which the main loop never passes, wraps
		 * round to a large number and fills a new one: no shift by 64 or more) */
		if (i - sc->base < 64) {
			uint64_t b = sc->bits >> (i - sc->base);
			if (b)
				return i + ctz64(b);
			i = sc->base + 64;
		}
		if (len - i < 64)
			break;
		sc->base = i;
		sc->bits = stop_bits(t + i);
	}
	while (i < len && !stop_byte[(unsigned char)t[i]])
		i++;
	return i;
}

static int ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static inline int is_space(const char *t, size_t i, size_t len, size_t *w)
{
	unsigned char c = (unsigned char)t[i];
	*w = 1;
	if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA0) {
		*w = 2;                                   /* NBSP */
		return 1;
	}
	return 0;
}

/* Is the byte before i white space (or i the start)? */
static int space_before(const char *t, size_t i)
{
	if (i == 0)
		return 1;
	unsigned char c = (unsigned char)t[i - 1];
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c == 0xA0 && i >= 2 && (unsigned char)t[i - 2] == 0xC2);
}

/* Closing quote or bracket at i (ASCII or ” ’ » ›); returns its length or 0. */
static inline size_t closer_at(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == ')' || c == ']')
		return 1;
	if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
		unsigned char d = (unsigned char)t[i + 2];
		if (d == 0x9D || d == 0x99 || d == 0xBA)     /* ” ’ › */
			return 3;
	}
	if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xBB)   /* » */
		return 2;
	return 0;
}

/* Opening quote or bracket at i (ASCII, “ ‘ « ‹); returns its length or 0. */
static inline size_t opener_at(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == '(' || c == '[')
		return 1;
	if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
		unsigned char d = (unsigned char)t[i + 2];
		if (d == 0x9C || d == 0x98 || d == 0xB9)     /* “ ‘ ‹ */
			return 3;
	}
	if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xAB)   /* « */
		return 2;
	return 0;
}

/* The opening marks of other conventions at i: „ (German), `` (typewriter), and » when a word
 * follows it at once (»Text«, not the French closing " »"); their length or 0. (Only where a
 * sentence may start: they are not opener_at's, whose users take them as closers too.) */
static size_t opener_more(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '`' && i + 1 < len && t[i + 1] == '`')
		return 2;
	if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x9E)
		return 3;
	if (c == 0xC2 && i + 2 < len && (unsigned char)t[i + 1] == 0xBB && t[i + 2] != ' ' && t[i + 2] != '\n')
		return 2;
	return 0;
}

static int is_ellipsis_char(const char *t, size_t i, size_t len)
{
	return i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	       (unsigned char)t[i + 2] == 0xA6;
}

/* A full-width stop at i (。 ！ ？ ．): CJK text has no spaces, so it always ends a sentence. */
static int wide_stop(const char *t, size_t i, size_t len)
{
	if (i + 2 >= len)
		return 0;
	unsigned char a = (unsigned char)t[i], b = (unsigned char)t[i + 1], d = (unsigned char)t[i + 2];
	return (a == 0xE3 && b == 0x80 && d == 0x82) || (a == 0xEF && b == 0xBC && (d == 0x81 || d == 0x9F || d == 0x8E));
}

/* A CJK closing bracket or quote at i (」 』 ） 】); returns its length or 0. */
static size_t wide_closer(const char *t, size_t i, size_t len)
{
	if (i + 2 >= len)
		return 0;
	unsigned char a = (unsigned char)t[i], b = (unsigned char)t[i + 1], d = (unsigned char)t[i + 2];
	if ((a == 0xE3 && b == 0x80 && (d == 0x8D || d == 0x8F || d == 0x91)) || (a == 0xEF && b == 0xBC && d == 0x89))
		return 3;
	return 0;
}

/* A list bullet at i (• ‣ ⁃ ◦ ▪ ►); returns its length or 0. */
static size_t bullet_at(const char *t, size_t i, size_t len)
{
	if (i + 2 >= len || (unsigned char)t[i] != 0xE2)
		return 0;
	unsigned char b = (unsigned char)t[i + 1], d = (unsigned char)t[i + 2];
	if ((b == 0x80 && (d == 0xA2 || d == 0xA3)) || (b == 0x81 && d == 0x83) ||
	    (b == 0x97 && d == 0xA6) || (b == 0x96 && (d == 0xAA || d == 0xBA)))
		return 3;
	return 0;
}

/* Is the character at i an upper-case letter (ASCII, Latin-1, Latin Extended-A, Greek,
 * Cyrillic capital)? */
static inline int upper_at(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80)
		return ascii_upper(c);
	if (c < 0xC3 || c > 0xD0 || i + 1 >= len)
		return 0;
	unsigned cp = (unsigned)(c & 0x1F) << 6 | ((unsigned char)t[i + 1] & 0x3F);
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == 0 && cp != 0x138;     /* Latin Extended-A pairs: capital even */
	if (cp >= 0x391 && cp <= 0x3AB)
		return 1;                                 /* Greek capitals */
	return cp >= 0x400 && cp <= 0x42F;           /* Cyrillic capitals */
}

static inline int lower_at(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80)
		return ascii_lower(c);
	if (c < 0xC3 || c > 0xD1 || i + 1 >= len)
		return 0;
	unsigned cp = (unsigned)(c & 0x1F) << 6 | ((unsigned char)t[i + 1] & 0x3F);
	if (cp >= 0xDF && cp <= 0xFF)
		return cp != 0xF7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == 1;
	if (cp >= 0x3AC && cp <= 0x3CE)
		return 1;
	return cp >= 0x430 && cp <= 0x45F;
}

typedef struct {
	const nf_splitter *s;
	const char *t;
	size_t len;
	size_t start;          /* where the current sentence begins */
	int list_kind;         /* 0 none, 1 numbers, 2 letters: the list being read */
	long list_next;        /* the item number expected next */
	size_t join_term, join_blank;   /* join_lines look-ahead cache (next terminator, blank line) */
	size_t line_start;     /* where the current line begins */
	size_t lead_for, lead; /* skip_lead(start): cached for the sentence start lead_for */
	size_t list_pos;       /* where the last list marker was seen */
} ctx;

/* The start of the word ending just before position end (stops at white space, at opening
 * brackets and quotes, and at lim). */
static inline size_t word_before_lim(const ctx *c, size_t end, size_t lim)
{
	size_t i = end;
	while (i > lim) {
		unsigned char ch = (unsigned char)c->t[i - 1];
		if (ch < 0x80) {
			if (cc[ch] & CC_BRK)
				break;
		} else if (ch == 0xA0) {
			if (i >= 2 && (unsigned char)c->t[i - 2] == 0xC2)
				break;
		} else if ((ch == 0x9C || ch == 0x98) && i >= 3 && (unsigned char)c->t[i - 3] == 0xE2 &&
			   (unsigned char)c->t[i - 2] == 0x80)                    /* “ ‘ */
			break;
		i--;
	}
	return i;
}

static size_t word_before(const ctx *c, size_t end) { return word_before_lim(c, end, c->start); }

/* Looks up t[ws, end) minus its periods in the abbreviation list. */
static long abbrev_class(const ctx *c, size_t ws, size_t end)
{
	const fset *f = &c->s->f_abbrev;
	char key[64];
	size_t kn = 0;
	uint64_t h = FS_SEED;
	for (size_t i = ws; i < end; i++) {
		unsigned char ch = (unsigned char)c->t[i];
		if (ch == '.')
			continue;
		if (kn == f->maxlen)
			return 0;                         /* longer than every abbreviation */
		ch = ascii_upper(ch) ? (unsigned char)(ch + 32) : ch;
		key[kn++] = (char)ch;
		h = FS_STEP(h, ch);
	}
	const fslot *e = fset_find(f, h, key, kn);
	long cls = e ? e->v : 0;
	if ((cls & AB_CAPITAL) && !ascii_upper((unsigned char)c->t[ws]))
		return 0;                                 /* "ill", not "Ill." */
	return cls & ~AB_CAPITAL;
}

/* Is the word at i (ASCII letters and apostrophes, lower-cased) in set f? */
static int word_in(const ctx *c, const fset *f, size_t i, size_t end)
{
	unsigned char c0 = i < end ? lc[(unsigned char)c->t[i]] : 0;
	unsigned char c1 = c0 && i + 1 < end ? lc[(unsigned char)c->t[i + 1]] : 0;
	if (!c0 || !fs_pair(f, c0, c1))
		return 0;
	char w[32];
	size_t n = 0, lim = f->maxlen < sizeof w - 1 ? f->maxlen : sizeof w - 1;
	uint64_t h = FS_SEED;
	for (; i < end; i++) {
		unsigned char ch = lc[(unsigned char)c->t[i]];
		if (!ch)
			break;
		if (n == lim)
			return 0;                         /* longer than every word of the set */
		w[n++] = (char)ch;
		h = FS_STEP(h, ch);
	}
	return n > 0 && fset_find(f, h, w, n) != NULL;
}

/* Is everything from the sentence start to ws an introductory time phrase ("At 5",
 * "Shortly after 9")? Such a phrase cannot be a sentence of its own, so "a.m." there is
 * followed by the rest of the sentence ("At 5 a.m. Mr. Smith went"). */
static int time_phrase(const ctx *c, size_t ws)
{
	size_t i = c->start;
	int words = 0;
	while (i < ws) {
		size_t w = 1;
		while (i < ws && (c->t[i] == '\n' || c->t[i] == ',' || is_space(c->t, i, c->len, &w)))
			i += c->t[i] == '\n' || c->t[i] == ',' ? 1 : w;
		if (i >= ws)
			break;
		size_t e = i;
		while (e < ws && !(c->t[e] == '\n' || is_space(c->t, e, c->len, &w)))
			e++;
		int num = ascii_digit((unsigned char)c->t[i]);
		if (!num && !word_in(c, &c->s->f_timewords, i, e))
			return 0;
		if (++words > 6)
			return 0;
		i = e;
	}
	return words > 0;
}

/* The end of the word at i (letters, digits, apostrophes, hyphens, inner periods, UTF-8). */
static inline size_t word_end(const ctx *c, size_t i)
{
	while (i < c->len) {
		unsigned char ch = (unsigned char)c->t[i];
		if (cc[ch] & CC_WORD)
			i++;
		else if (ch >= 0x80 && !closer_at(c->t, i, c->len) && !is_ellipsis_char(c->t, i, c->len) &&
			 !(ch == 0xC2 && i + 1 < c->len && (unsigned char)c->t[i + 1] == 0xA0))
			i++;
		else if (ch == '.' && i + 1 < c->len && ascii_upper((unsigned char)c->t[i + 1]))
			i++;                      /* "U.S" */
		else
			break;
	}
	return i;
}

/* word_end(c, i), and *in = word_in(c, f, i, that end), in one pass over the word: the
 * letters word_in reads are a prefix of the ones word_end skips. */
static size_t word_end_in(const ctx *c, size_t i, const fset *f, int *in)
{
	unsigned char c0 = i < c->len ? lc[(unsigned char)c->t[i]] : 0;
	unsigned char c1 = c0 && i + 1 < c->len ? lc[(unsigned char)c->t[i + 1]] : 0;
	*in = 0;
	if (!c0 || !fs_pair(f, c0, c1))
		return word_end(c, i);
	char w[32];
	size_t n = 0, lim = f->maxlen < sizeof w - 1 ? f->maxlen : sizeof w - 1;
	uint64_t h = FS_SEED;
	for (; i < c->len; i++) {
		unsigned char ch = lc[(unsigned char)c->t[i]];
		if (!ch)
			break;
		if (n == lim) {
			n = 0;                            /* longer than every word of the set */
			break;
		}
		w[n++] = (char)ch;
		h = FS_STEP(h, ch);
	}
	*in = n > 0 && fset_find(f, h, w, n) != NULL;
	return word_end(c, i);
}

static size_t skip_blanks(const ctx *c, size_t i)
{
	while (i < c->len && (c->t[i] == ' ' || c->t[i] == '\t'))
		i++;
	return i;
}

/* A personal pronoun (a closed class, so no data file): as a capitalised speaker after a
 * full-stop quotation it starts a new sentence ("... now.” He added, ..."). */
static int pronoun(const char *w, size_t n)
{
	switch (n) {
	case 1:
		return w[0] == 'I';
	case 2:
		return memcmp(w, "He", 2) == 0 || memcmp(w, "We", 2) == 0 || memcmp(w, "It", 2) == 0;
	case 3:
		return memcmp(w, "She", 3) == 0 || memcmp(w, "You", 3) == 0;
	case 4:
		return memcmp(w, "They", 4) == 0;
	}
	return 0;
}

/* After a quotation closed with a period inside ("... for defence.”), is the text at i its
 * attribution: a capitalised speaker of a few words, a reporting verb, then the end, a comma
 * or a time word ("German Chancellor Olaf Scholz said earlier this week, ...")? */
static int attribution(const ctx *c, size_t i)
{
	int words = 0;
	for (;;) {
		i = skip_blanks(c, i);
		if (i >= c->len)
			return 0;
		int verb = 0;
		size_t e = words > 0 ? word_end_in(c, i, &c->s->f_attr_verbs, &verb) : word_end(c, i);
		if (e == i)
			return 0;
		if (words == 0 && pronoun(c->t + i, e - i))
			return 0;                         /* ".” He added, “..." starts a sentence */
		if (verb) {
			/* an addressee may follow: "told Sky News" */
			size_t k = skip_blanks(c, e);
			for (int a = 0; a < 4 && k < c->len && upper_at(c->t, k, c->len); a++) {
				size_t ke = word_end(c, k);
				if (ke == k)
					break;
				k = skip_blanks(c, ke);
			}
			if (k >= c->len)
				return 1;
			char ch = c->t[k];
			if (ch == ',' || ch == ':') {          /* "X said, “..." introduces the next quote */
				size_t q = skip_blanks(c, k + 1);
				return !(q < c->len && opener_at(c->t, q, c->len));
			}
			if (ch == '.' || ch == ';' || ch == '\n' || ch == '!' || ch == '?')
				return 1;
			int follow;
			word_end_in(c, k, &c->s->f_attr_follow, &follow);
			return follow;
		}
		if (words == 0 && !upper_at(c->t, i, c->len))
			return 0;                         /* later words may be lower-case: "The minister" */
		if (++words > 6)
			return 0;
		i = e;
		if (i < c->len && c->t[i] == '.')
			i++;                              /* "Gen." */
	}
}

/* Decides whether the period at dot (text continues at next, the first non-space after it)
 * ends a sentence. */
static int period_ends(const ctx *c, size_t dot, size_t next)
{
	const char *t = c->t;
	size_t ws = word_before(c, dot);
	size_t wn = dot - ws;
	unsigned char nc = (unsigned char)t[next];
	int next_upper = upper_at(t, next, c->len);
	if (wn == 0)
		return next_upper || !ascii_digit(nc);
	int next_digit = ascii_digit(nc);
	if (!next_digit && !next_upper)
		return 0;                                 /* "U.S. for", "Co. at": continues */
	/* abbrev_class inline: the key hashed as it is built, given up as soon as no
	 * abbreviation can match */
	const fset *fa = &c->s->f_abbrev;
	size_t kn = 0, dots = 0, i = ws;
	int nokey = 0;
	char key[64];
	uint64_t h = FS_SEED;
	for (; i < dot; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (ch == '.') {
			dots++;
			continue;
		}
		if (kn == fa->maxlen) {
			nokey = 1;                        /* longer than every abbreviation */
			break;
		}
		ch = cc[ch] & CC_UP ? (unsigned char)(ch + 32) : ch;
		key[kn++] = (char)ch;
		h = FS_STEP(h, ch);
		if (kn == 2 && !fs_pair(fa, (unsigned char)key[0], ch)) {
			nokey = 1;                        /* no abbreviation starts so */
			i++;
			break;
		}
	}
	for (; i < dot; i++)
		dots += t[i] == '.';
	long cls = 0;
	if (!nokey && kn > 0) {
		const fslot *e = fset_find(fa, h, key, kn);
		cls = e ? e->v : 0;
		if ((cls & AB_CAPITAL) && !ascii_upper((unsigned char)t[ws]))
			cls = 0;                          /* "ill", not "Ill." */
		cls &= ~AB_CAPITAL;
	}
	if (next_digit)                               /* "No. 5", "p. 55", "Jan. 6" */
		return cls ? 0 : 1;
	if (cls == AB_TITLE)
		return 0;                                 /* "Dr. Smith" */
	if (cls == AB_NUMBER)
		return 1;                                 /* "No. 5" went above; "was no. People" */
	if (cls == AB_TIME)                           /* "at 6 p.m. Mr. Smith" ends; "At 5 a.m. Mr. Smith" not */
		return !word_in(c, &c->s->f_timefollow, next, c->len) && !time_phrase(c, ws);
	if (cls)                                      /* "Co. It closed", not "Co. President" */
		return word_in(c, &c->s->f_starters, next, c->len);
	/* single capital letter: an initial ("E. Smith"), unless it is the pronoun after a
	 * lower-case word ("you and I. Did") or a starter follows */
	if (wn == 1 && ascii_upper((unsigned char)t[ws])) {
		if (t[ws] == 'I' && ws >= 2) {
			size_t pw = word_before(c, ws - 1);
			if (pw < ws - 1 && ascii_lower((unsigned char)t[pw]))
				return 1;
		}
		return t[ws] != 'I' && word_in(c, &c->s->f_starters, next, c->len);
	}
	/* acronym with inner dots (U.S.A., a.m.) works like an abbreviation */
	if (dots == 0)
		return 1;
	size_t letters = 0, digits = 0;
	for (i = ws; i < dot; i++) {
		digits += ascii_digit((unsigned char)t[i]);
		letters += (cc[(unsigned char)t[i]] & (CC_UP | CC_LO)) != 0;
	}
	if (letters <= 2 * (dots + 1) && digits == 0 && letters == wn - dots)
		return word_in(c, &c->s->f_starters, next, c->len);
	return 1;
}

/* A period glued to the next word ("world.Today"): ends a sentence when a plain word or
 * number precedes and a capitalised word follows; not in "example.Com", "U.S.Army", "Mr.Smith". */
static int glued_end(const ctx *c, size_t dot, size_t next)
{
	const char *t = c->t;
	if (next + 1 >= c->len || !ascii_upper((unsigned char)t[next]) || !ascii_lower((unsigned char)t[next + 1]))
		return 0;
	/* a plain word is short: look back 40 bytes at most, so a long run of "ab.Cd.Ef" stays
	 * linear */
	size_t lim = dot > c->start + 40 ? dot - 40 : c->start;
	size_t ws = word_before_lim(c, dot, lim);
	if (ws == lim && lim > c->start)
		return 0;
	if (dot - ws < 2)
		return 0;
	for (size_t i = ws; i < dot; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (!(ascii_upper(ch) || ascii_lower(ch) || ascii_digit(ch) || ch == ',' || ch == '\'' || ch >= 0x80))
			return 0;                             /* "a.b.Cd", "x@y.Com", "http://a.Bc" */
	}
	unsigned char last = (unsigned char)t[dot - 1];
	if (!(ascii_lower(last) || ascii_digit(last)))
		return 0;
	/* the word after must not go on as an address, domain or file name ("Jane.Doe@x.com",
	 * "Today.Com") */
	for (size_t i = next; i < c->len; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (ch == ' ' || ch == '\n' || ch == '\t')
			break;
		if (ch == '@' || ch == '/' || ch == ':' || ch == '_' || ch == '=')
			return 0;
		if (ch == '.' && i + 1 < c->len && (ascii_lower((unsigned char)t[i + 1]) || ascii_upper((unsigned char)t[i + 1])))
			return 0;
	}
	return abbrev_class(c, ws, dot) == 0;
}

static inline void push(nf_span **spans, size_t *cap, size_t *n, const char *t, size_t a, size_t b, int para)
{
	while (a < b) {
		unsigned char ch = (unsigned char)t[a];
		if (cc[ch] & (CC_SP | CC_NL))
			a++;
		else if (ch == 0xC2 && a + 1 < b && (unsigned char)t[a + 1] == 0xA0)
			a += 2;
		else
			break;
	}
	while (b > a) {
		unsigned char ch = (unsigned char)t[b - 1];
		if (cc[ch] & (CC_SP | CC_NL))
			b--;
		else if (ch == 0xA0 && b - 1 > a && (unsigned char)t[b - 2] == 0xC2)
			b -= 2;
		else
			break;
	}
	if (a >= b)
		return;
	if (*n + 1 > *cap)
		nf_grow((void **)spans, cap, *n + 1, sizeof **spans);
	(*spans)[(*n)++] = (nf_span){ a, b, para };
}

/* Skips white space and bullets from i; returns the first other position. */
static size_t skip_lead(const char *t, size_t i, size_t len)
{
	size_t w;
	while (i < len) {
		if (t[i] == '\n' || is_space(t, i, len, &w))
			i += t[i] == '\n' ? 1 : w;
		else if ((w = bullet_at(t, i, len)) > 0 || t[i] == '-' || t[i] == '*')
			i += w ? w : 1;
		else
			break;
	}
	return i;
}

/* The first position of the current sentence after white space and bullets, at most upto;
 * computed once per sentence start. */
static size_t sentence_lead(ctx *c, size_t upto)
{
	if (c->lead_for != c->start + 1) {
		c->lead = skip_lead(c->t, c->start, c->len);
		c->lead_for = c->start + 1;
	}
	return c->lead < upto ? c->lead : upto;
}

/* A list item marker ends at position p (a '.' or ')'): "1.", "2)", "3.)", "a.", "b)". Sets
 * *ws to where its number starts, *end past it, *kind and *val; returns 1 if it is one. */
static int list_marker(const ctx *c, size_t p, size_t *ws, size_t *end, int *kind, long *val)
{
	const char *t = c->t;
	if (p == 0)
		return 0;
	size_t i = p;
	unsigned f = cc[(unsigned char)t[p - 1]];
	if (f & CC_DIG) {
		while (i > 0 && ascii_digit((unsigned char)t[i - 1]) && p - i < 3)
			i--;
		if (i > 0 && ascii_digit((unsigned char)t[i - 1]))
			return 0;                         /* four digits or more: a year */
		*kind = 1;
		long v = 0;
		for (size_t k = i; k < p; k++)
			v = v * 10 + (t[k] - '0');
		*val = v;
	} else if (f & CC_LO) {
		i = p - 1;
		*kind = 2;
		*val = t[i] - 'a' + 1;
	} else
		return 0;
	/* before the number: the start, white space, or a bullet ("⁃9."); most periods follow
	 * a word, and an ASCII byte other than white space cannot end a bullet */
	if (i > 0) {
		unsigned char b = (unsigned char)t[i - 1];
		if (b < 0x80 && b != ' ' && b != '\t' && b != '\n' && b != '\r')
			return 0;
		if (!space_before(t, i) && !(i >= 3 && bullet_at(t, i - 3, c->len)))
			return 0;
	}
	size_t e = p + 1;
	if (t[p] == '.' && e < c->len && t[e] == ')')
		e++;
	if (e >= c->len || t[e] != ' ')
		return 0;
	size_t w, n = e;
	while (n < c->len && is_space(t, n, c->len, &w))
		n += w;
	if (n >= c->len || t[n] == '\n' || lower_at(t, n, c->len))
		return 0;
	*ws = i;
	*end = e;
	return 1;
}

/* join_lines: may the line break at nl (next line starting at j) be a space? Only inside a
 * sentence that goes on to a final stop before the paragraph ends: lines without one
 * (menus, lists, headlines) keep their breaks. */
static int join_here(ctx *c, size_t nl, size_t j)
{
	const char *t = c->t;
	size_t p = nl;
	while (p > c->start && (t[p - 1] == ' ' || t[p - 1] == '\t' || t[p - 1] == '\r'))
		p--;
	if (p <= c->start || sentence_lead(c, p) >= p)
		return 0;                                 /* nothing on this line yet */
	unsigned char last = (unsigned char)t[p - 1];
	unsigned char first = (unsigned char)t[j];
	if (!(lower_at(t, j, c->len) || ascii_digit(first) || last == ',' || last == ';' || last == '-' || last == '('))
		return 0;
	if (c->join_term < j) {
		size_t k = j;
		while (k < c->len && t[k] != '.' && t[k] != '!' && t[k] != '?')
			k++;
		c->join_term = k;
	}
	if (c->join_blank < j) {
		size_t k = j, w;
		for (;;) {
			const char *q = memchr(t + k, '\n', c->len - k);
			if (!q) {
				k = c->len;
				break;
			}
			k = (size_t)(q - t);
			size_t m = k + 1;
			while (m < c->len && is_space(t, m, c->len, &w))
				m += w;
			if (m >= c->len || t[m] == '\n')
				break;
			k = m;
		}
		c->join_blank = k;
	}
	return c->join_term < c->len && c->join_term < c->join_blank;
}

size_t nf_split(const nf_splitter *s, const char *t, size_t len, nf_span **spans, size_t *cap)
{
	ctx c = { s, t, len, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	size_t n = 0, w, para_first = 0, i = 0;
	int para = 1;
	scan sc = { (size_t)-64, 0 };
	while (i < len) {
		i = next_stop(&sc, t, i, len);
		if (i >= len)
			break;
		unsigned char ch = (unsigned char)t[i];
		if (ch == '\n') {
			size_t j = i + 1;
			int blank = 0;
			while (j < len && (t[j] == '\n' || is_space(t, j, len, &w))) {
				blank |= t[j] == '\n';
				j += t[j] == '\n' ? 1 : w;
			}
			if (s->join_lines && !blank && j < len) {
				if (join_here(&c, i, j)) {
					i = j;
					continue;             /* a wrapped line: the sentence goes on */
				}
			}
			push(spans, cap, &n, t, c.start, i, para);
			if (n > para_first) {             /* empty lines do not count */
				para++;
				para_first = n;
			}
			if (blank)
				c.list_kind = 0;
			c.start = c.line_start = j;
			i = j;
			continue;
		}
		if (ch >= 0xE3 && (ch == 0xE3 || ch == 0xEF)) {   /* (one compare for the ASCII stops) */
			if (!wide_stop(t, i, len)) {
				i++;
				continue;
			}
			size_t j = i + 3, k;
			int closed = 0;
			while (j < len && ((k = wide_closer(t, j, len)) > 0 || (k = closer_at(t, j, len)) > 0 || wide_stop(t, j, len))) {
				closed |= k > 0;
				j += k ? k : 3;
			}
			/* 「…！」市长说。: a quotation followed at once by more text is part of it */
			if (closed && j < len && !space_before(t, j + 1) && t[j] != ' ' && t[j] != '\n' && !opener_at(t, j, len) &&
			    !((unsigned char)t[j] == 0xE3 && j + 2 < len && (unsigned char)t[j + 1] == 0x80 &&
			      ((unsigned char)t[j + 2] == 0x8C || (unsigned char)t[j + 2] == 0x8E))) {
				i = j;
				continue;
			}
			push(spans, cap, &n, t, c.start, j, para);
			c.start = j;
			i = j;
			continue;
		}
		if (ch == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 && (unsigned char)(t[i + 2] - 0x80) < 0x22) {
			i += 3;                           /* U+2000-U+2021 (quote marks, dashes): no bullet, no ellipsis */
			continue;
		}
		if (ch == 0xE2 && !is_ellipsis_char(t, i, len)) {
			size_t b = bullet_at(t, i, len);
			/* a bullet after white space starts a list item */
			if (b && i > c.start && space_before(t, i) && sentence_lead(&c, i) < i) {
				push(spans, cap, &n, t, c.start, i, para);
				c.start = i;
			}
			i += b ? b : 1;
			continue;
		}
		size_t mws, mend;
		int kind;
		long val;
		/* (list_marker's first tests inline: most periods end a word of two letters or more,
		 * which no list marker is) */
		if ((ch == '.' || ch == ')') && i > 0 && (cc[(unsigned char)t[i - 1]] & (CC_DIG | CC_LO)) &&
		    ((cc[(unsigned char)t[i - 1]] & CC_DIG) || i < 2 || !(cc[(unsigned char)t[i - 2]] & (CC_UP | CC_LO))) &&
		    list_marker(&c, i, &mws, &mend, &kind, &val)) {
			size_t lead = sentence_lead(&c, mws);
			if (lead == mws && (kind == 1 || val == 1 || (c.list_kind == 2 && val == c.list_next))) {
				c.list_kind = kind;               /* "1." opening a sentence: an item */
				c.list_next = val + 1;
				c.list_pos = mws;
				i = mend;
				continue;
			}
			/* the next item on the same line ("1) Tea 2) Milk") */
			if (kind == c.list_kind && val == c.list_next && c.list_pos >= c.line_start) {
				size_t cut = mws;                 /* the next item: break before it */
				if (cut >= 3 && bullet_at(t, cut - 3, len))
					cut -= 3;
				else if (cut >= 4 && t[cut - 1] == ' ' && bullet_at(t, cut - 4, len))
					cut -= 4;
				push(spans, cap, &n, t, c.start, cut, para);
				c.start = cut;
				c.list_next++;
				c.list_pos = mws;
				i = mend;
				continue;
			}
		}
		if (ch == ')') {
			i++;
			continue;
		}
		/* an elision in brackets, "[...]" or "(…)", is part of the sentence */
		if (i > 0 && (t[i - 1] == '[' || t[i - 1] == '(')) {
			size_t j = i;
			while (j < len && (t[j] == '.' || is_ellipsis_char(t, j, len)))
				j += t[j] == '.' ? 1 : 3;
			if (j > i && j < len && (t[j] == ']' || t[j] == ')')) {
				i = j + 1;
				continue;
			}
		}
		/* the run of terminators, including spaced ellipses ". . ." */
		size_t j = i, first_end = 0;
		int has_q = 0, dots = 0, spaced_dots = 0, ell = 0;
		unsigned char n1 = i + 1 < len ? (unsigned char)t[i + 1] : 0;
		if (ch != 0xE2 && n1 != '.' && n1 != '!' && n1 != '?' && n1 != 0xE2 &&
		    !(n1 == ' ' && i + 2 < len && t[i + 2] == '.')) {
			has_q = ch != '.';                /* the common case: a lone stop */
			dots = ch == '.';
			j = i + 1;
		} else
		for (;;) {
			if (j < len && (t[j] == '.' || t[j] == '!' || t[j] == '?')) {
				has_q |= t[j] != '.';
				dots += t[j] == '.';
				j++;
			} else if (is_ellipsis_char(t, j, len)) {
				ell = 1;
				j += 3;
			} else if (j + 1 < len && t[j] == ' ' && t[j + 1] == '.' && t[j - 1] == '.' &&
				   (j + 2 >= len || t[j + 2] == ' ' || t[j + 2] == '.' || t[j + 2] == '\n' ||
				    closer_at(t, j + 2, len))) {
				if (!first_end)
					first_end = j;            /* "word. . . ." : the word's own period ends here */
				spaced_dots = 1;
				j++;                          /* ". . ." */
			} else
				break;
		}
		size_t k;
		int quoted = 0;
		while (j < len && (cc[(unsigned char)t[j]] & CC_Q) && (k = closer_at(t, j, len)) > 0) {
			quoted |= t[j] != ')' && t[j] != ']';
			j += k;
		}
		size_t next = j;
		while (next < len) {                      /* is_space inline */
			unsigned char u = (unsigned char)t[next];
			if (cc[u] & CC_SP)
				next++;
			else if (u == 0xC2 && next + 1 < len && (unsigned char)t[next + 1] == 0xA0)
				next += 2;
			else
				break;
		}
		int spaced = next > j;
		/* an opening quote after the space: the word inside it decides */
		while (spaced && next < len && (cc[(unsigned char)t[next]] & CC_Q) && (k = opener_at(t, next, len)) > 0)
			next += k;
		if (spaced && next < len && (k = opener_more(t, next, len)) > 0)
			next += k;
		if (!spaced && next < len && t[next] != '\n') {
			if (dots == 1 && !has_q && !ell && j == i + 1 && glued_end(&c, i, next)) {
				push(spans, cap, &n, t, c.start, j, para);
				c.start = j;
			}
			i = j;                            /* "3.5", "e.g.x", "example.com", "Jr.'s" */
			continue;
		}
		int end;
		size_t cut = j;
		int at_end = next >= len || t[next] == '\n';
		if (spaced_dots) {
			int detached = space_before(t, i);
			if (detached)                     /* " . . ." elides; " . . . ." also ends */
				end = dots >= 4 && (at_end || !lower_at(t, next, len));
			else if (at_end)
				end = 1;
			else if (upper_at(t, next, len)) {
				end = 1;                      /* "compounds. . . . The": ". . . The" goes on */
				cut = first_end;
			} else
				end = 0;
		} else if (at_end)
			end = 1;
		else if (dots >= 2 || ell)
			end = upper_at(t, next, len);         /* ellipsis: ends only before a capital */
		else if (has_q)
			end = !lower_at(t, next, len);
		else if (quoted && next == j + 1 && upper_at(t, next, len) && attribution(&c, next))
			end = 0;                          /* "... defence.” Olaf Scholz said earlier" */
		else
			end = period_ends(&c, i, next);
		if (end) {
			push(spans, cap, &n, t, c.start, cut, para);
			c.start = cut;
		}
		i = j;
	}
	push(spans, cap, &n, t, c.start, len, para);
	return n;
}

size_t nf_sent_join(const char *p, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n') {
			size_t j = i;
			int nl = 0;
			while (j < n && (p[j] == ' ' || p[j] == '\t' || p[j] == '\r' || p[j] == '\n'))
				nl |= p[j++] == '\n';
			if (nl) {
				/* a word broken at a hyphen ("well-\nknown") keeps the hyphen, loses the break */
				int hy = i >= 2 && p[i - 1] == '-' && ascii_lower((unsigned char)p[i - 2]) && j < n &&
					 ascii_lower((unsigned char)p[j]);
				if (!hy)
					out[o++] = ' ';
				i = j;
				continue;
			}
			memcpy(out + o, p + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		out[o++] = p[i++];
	}
	return o;
}
