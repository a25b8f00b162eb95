/* ent.c - rule-based named entities: tokens, capitalised chunks, titles, gazetteers, and
 * within-document resolution of surnames, misspellings and acronyms to one canonical name. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE         /* madvise(MADV_HUGEPAGE) for the big word table */
#endif
#include "ent.h"
#include "edit.h"
#include "data.h"
#include "hash.h"
#include "util.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#ifdef __linux__
#include <sys/mman.h>
#endif

/* nf_grow with its test inline: most calls find the room there. */
static inline void ent_grow(void **buf, size_t *cap, size_t need, size_t size)
{
	if (need > *cap)
		nf_grow(buf, cap, need, size);
}

const char *const nf_type_name[NF_NTYPES] = { "PER", "ORG", "GPE", "LOC", "NORP" };

/* ---- loaded data ---- */

enum {                                   /* word flags (ent_words, ent_persnames, ent_titles) */
	W_COMMON = 1, W_FIRST = 2, W_LAST = 4, W_ROLE = 8, W_ROLEMOD = 16, W_HONOR = 32,
	W_ORGSUF = 64, W_ORGHEAD = 128, W_LOCSUF = 256, W_LOCHEAD = 512, W_NONNAME = 1024,
	W_PARTICLE = 2048, W_GENERIC = 4096, W_MISCSUF = 8192,
	W_GAZFIRST = 16384, W_GAZLAST = 32768,    /* first / last word of a gazetteer name */
	W_SPORT = 65536                           /* a word of sports reports; the highest (memo_e) */
};
enum { K_COUNTRY = 1, K_CAPITAL, K_CITY, K_DEMONYM, K_METONYM, K_STATE, K_COUNTY, K_OTHER };

typedef struct {
	unsigned flags;
	char gender;                     /* from first names or honorifics */
	const char *generic;             /* W_GENERIC: the canonical it refers back to */
} word_info;

typedef struct {
	char *name, *canon, *refers, *role;
	int type, kind;
	int next;                        /* next entry with the same folded key, or -1 */
	size_t len;                      /* of name */
	size_t sur;                      /* offset of the space before the last word, + 1; 0: none */
	int prio;                        /* 0: the user's --names list, 1: built in */
	int ntok;
} gz_entry;

/* The lookup tables: open addressing with the hash (its low 32 bits, never 0) kept in the slot,
 * so that a miss rarely reads a key, and keys of up to 16 bytes (most words) kept in the slot
 * too, so that a hit reads one cache line. Longer keys point into the nf_ner's string store.
 * h is 0 in an empty slot. fl: in fwords and flower, the word's flags (finish_tables). */
typedef struct { uint32_t h, v, n, fl; union { char in[16]; const char *p; } k; } fslot;
typedef struct { fslot *s; size_t mask, n, mapped; } ftab;   /* mapped: bytes of s from mmap, or 0 */

/* Strings that live as long as the nf_ner, in blocks (no malloc per string). */
typedef struct sblock { struct sblock *next; size_t used, cap; char d[]; } sblock;

/* The hash of the lookup tables, eight bytes at a time (also over words as they are folded:
 * see fold_hash); never 0. */
static inline uint64_t hmix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 29);
}

static inline uint64_t hfin(uint64_t h)
{
	h = (h ^ (h >> 32)) * 0xD6E8FEB86659FD93ULL;
	return (h ^ (h >> 32)) | 1;
}

/* The n < 8 bytes at s as a little-endian word, without reading past them. */
static inline uint64_t load_tail(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* two overlapping loads instead of a loop over the bytes */
	if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return a | (uint64_t)b << (8 * (n - 4));
	}
	if (n == 0)
		return 0;
	return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
	       (uint64_t)(unsigned char)s[n - 1] << (8 * (n - 1));
#else
	uint64_t w = 0;
	for (size_t k = 0; k < n; k++)
		w |= (uint64_t)(unsigned char)s[k] << (8 * k);
	return w;
#endif
}

static inline uint64_t load8(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

/* The words of a key of 1 to 16 bytes at s, zero after its end; avail: the bytes that may be
 * read from s, n or more (a whole word of eight is read when they allow). */
static inline void load16(const char *s, size_t n, size_t avail, uint64_t *k0, uint64_t *k1)
{
	*k1 = 0;
	if (n >= 8) {
		*k0 = load8(s);
		if (n == 16)
			*k1 = load8(s + 8);
		else if (n > 8) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			if (avail >= 16)
				*k1 = load8(s + 8) & ((1ULL << (8 * (n - 8))) - 1);
			else
#endif
				*k1 = load_tail(s + 8, n - 8);
		}
	} else {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (avail >= 8)
			*k0 = load8(s) & ((1ULL << (8 * n)) - 1);
		else
#endif
			*k0 = load_tail(s, n);
	}
	(void)avail;
}

/* The hash of a key of 1 to 16 bytes given as its words (load16): ent_hash's own definition
 * for short keys, so that every path that hashes a word in registers agrees with it. */
static inline uint64_t ent_hash16(size_t n, uint64_t k0, uint64_t k1)
{
	uint64_t h = hmix((uint64_t)n * 0x9E3779B97F4A7C15ULL, k0);
	if (n > 8)
		h = hmix(h, k1);
	return hfin(h);
}

/* avail: the bytes that may be read from s, n or more (the last word is read whole when
 * they allow) */
static uint64_t ent_hash_avail(const char *s, size_t n, size_t avail)
{
	if (n - 1 < 16) {
		uint64_t k0, k1;
		load16(s, n, avail, &k0, &k1);
		return ent_hash16(n, k0, k1);
	}
	/* longer keys (and the empty one): the same mix, a word at a time */
	uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL;
	size_t i = 0;
	for (; i + 8 <= n; i += 8)
		h = hmix(h, load8(s + i));
	if (i < n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (i + 8 <= avail)
			h = hmix(h, load8(s + i) & ((1ULL << (8 * (n - i))) - 1));
		else
#endif
			h = hmix(h, load_tail(s + i, n - i));
	}
	(void)avail;
	return hfin(h);
}

static uint64_t ent_hash(const char *s, size_t n)
{
	return ent_hash_avail(s, n, n);
}

static inline const char *fslot_key(const fslot *e)
{
	return e->n <= sizeof e->k.in ? e->k.in : e->k.p;
}

/* The value (index + 1) stored for key, or 0; h is its ent_hash. */
static uint32_t ftab_get_h(const ftab *f, uint64_t h, const char *k, size_t n)
{
	if (!f->s)
		return 0;
	for (size_t j = (size_t)h & f->mask; f->s[j].h; j = (j + 1) & f->mask) {
		const fslot *e = &f->s[j];
		if (e->h == (uint32_t)h && e->n == n && memcmp(fslot_key(e), k, n) == 0)
			return e->v;
	}
	return 0;
}

/* The slot of a key of up to 16 bytes given as two words (zero after the key), or NULL. */
static inline const fslot *ftab_get_k(const ftab *f, uint64_t h, size_t n, uint64_t k0, uint64_t k1)
{
	if (!f->s)
		return NULL;
	for (size_t j = (size_t)h & f->mask; f->s[j].h; j = (j + 1) & f->mask) {
		const fslot *e = &f->s[j];
		if (e->h == (uint32_t)h && e->n == n && load8(e->k.in) == k0 && load8(e->k.in + 8) == k1)
			return e;
	}
	return NULL;
}

static uint32_t ftab_get(const ftab *f, const char *k, size_t n)
{
	return ftab_get_h(f, ent_hash(k, n), k, n);
}

static char *sstore_dup(sblock **st, const char *s, size_t n);

static void ftab_free_slots(ftab *f)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	if (f->mapped) {
		munmap(f->s, f->mapped);
		f->s = NULL;
		f->mapped = 0;
		return;
	}
#endif
	free(f->s);
	f->s = NULL;
}

static void ftab_grow(ftab *f)
{
	size_t cap = f->s ? 2 * (f->mask + 1) : 64;
	fslot *s = nf_xcalloc(cap, sizeof *s);
	for (size_t i = 0; f->s && i <= f->mask; i++)
		if (f->s[i].h) {
			size_t j = (size_t)f->s[i].h & (cap - 1);
			while (s[j].h)
				j = (j + 1) & (cap - 1);
			s[j] = f->s[i];
		}
	ftab_free_slots(f);
	f->s = s;
	f->mask = cap - 1;
}

/* An empty table of cap slots (a power of two), so that loading does not rehash it. */
static void ftab_reserve(ftab *f, size_t cap)
{
	if (f->s)
		return;
	size_t bytes = cap * sizeof *f->s;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	/* in huge pages where the system allows: the lookups that miss the memo (and the loading)
	 * go to random places of megabytes of table, and page walks would double their cost;
	 * mapped on a huge page's boundary, and zero as mapped (no memset of megabytes) */
	const size_t huge = (size_t)2 << 20;
	if (bytes >= huge && bytes % huge == 0) {
		char *p = mmap(NULL, bytes + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			size_t head = (huge - (uintptr_t)p % huge) % huge;
			if (head)
				munmap(p, head);
			munmap(p + head + bytes, huge - head);
			f->s = (fslot *)(void *)(p + head);
			f->mapped = bytes;
			madvise(f->s, bytes, MADV_HUGEPAGE);
		}
	}
#endif
	if (!f->s)
		f->s = nf_xcalloc(cap, sizeof *f->s);
	f->mask = cap - 1;
}

static inline uint32_t *ftab_slot16(ftab *f, uint64_t h, size_t n, uint64_t k0, uint64_t k1);

/* The value of key k, added (value 0) when absent; long keys are copied into st. A key of 16
 * bytes or less must have 16 bytes that may be read (the callers' buffers are larger). */
static uint32_t *ftab_slot_h(ftab *f, sblock **st, uint64_t h, const char *k, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n - 1 < sizeof f->s->k.in) {
		/* a short key (most) as two words, compared and stored as ftab_get_k reads it */
		uint64_t k0, k1;
		load16(k, n, 16, &k0, &k1);
		return ftab_slot16(f, h, n, k0, k1);
	}
#endif
	if (!f->s || 2 * (f->n + 1) > f->mask + 1)
		ftab_grow(f);
	size_t j = (size_t)h & f->mask;
	for (; f->s[j].h; j = (j + 1) & f->mask) {
		fslot *e = &f->s[j];
		if (e->h == (uint32_t)h && e->n == n && memcmp(fslot_key(e), k, n) == 0)
			return &e->v;
	}
	fslot *e = &f->s[j];
	e->h = (uint32_t)h;
	e->n = (uint32_t)n;
	e->fl = 0;
	if (n <= sizeof e->k.in)
		memcpy(e->k.in, k, n);
	else
		e->k.p = sstore_dup(st, k, n);
	e->v = 0;
	f->n++;
	return &e->v;
}

static uint32_t *ftab_slot(ftab *f, sblock **st, const char *k, size_t n)
{
	char b[16] = { 0 };     /* (ftab_slot_h reads 16 bytes of a short key) */
	if (n <= sizeof b)
		memcpy(b, k, n);
	return ftab_slot_h(f, st, ent_hash(k, n), n <= sizeof b ? b : k, n);
}

/* A filter in front of flower that stays in the first-level cache: most lower-case words that
 * pass lowbits are still none of its words, and flower's slots fill that cache by themselves. */
#define LOWHASH_BITS 16384
#define LOWHASH_BIT(h) (((uint32_t)(h) >> 18) & (LOWHASH_BITS - 1))

enum { C_LOW = 1, C_UP = 2, C_DIG = 4, C_AN = 7, C_SPACE = 8,
	C_JOIN = 16,            /* bytes that may continue a word: - & ' and non-ASCII */
	C_PUNCT = 32,           /* other ASCII bytes than letters, digits and white space */
	C_OPEN = 64 };          /* punctuation after which a sentence's first word may come: " ( ' - ~ : [ */

struct nf_ner {
	ftab fwords, fgaz;
	ftab fctx;                       /* context words -> bits of their lists (ctx_of) */
	uint32_t ctxlen[26];             /* bit n of [c - 'a']: a word of those lists is c... of n bytes */
	ftab flower;                     /* words that matter in lower case: particles, generic, roles */
	uint64_t lowbits[26 * 27 * 16 / 64 + 1];   /* (first letter, second letter, length) of those */
	uint64_t lowhash[LOWHASH_BITS / 64];       /* bits 18-31 of their hashes (LOWHASH_BIT) */
	unsigned char ccls[256];                   /* C_LOW, C_UP, C_DIG of ASCII bytes */
	uint16_t lb0[256], lb1[256];               /* low_bit's parts of a first and a second byte */
	/* fwords: folded word -> word_info index + 1; fgaz: folded name -> gz_entry index + 1 */
	word_info *wi; size_t nwi, wicap;
	sblock *store;                   /* the strings of wi, g and the long keys of the tables */
	nf_data_kept *kept;              /* the gazetteer files, whose rows are g's strings */
	nf_map bags;                     /* folded sorted words of multi-word ORGs -> index + 1 */
	gz_entry *g; size_t ng, gcap;
	int *people; size_t npeople, pcap;   /* indexes of PER entries */
	int pfirst[256];                     /* people by the first byte of the surname */
	struct { int next; uint32_t sn; } *pnext;   /* the chain, with the surname's length */
	int maxtok;
	int loading_user;
	unsigned gen;                    /* changes when the tables do (memos must be dropped) */
};

/* ASCII capitals of eight bytes below 0x80 to lower case. */
static inline uint64_t lower8(uint64_t w)
{
	uint64_t m = ((w + 0x3F3F3F3F3F3F3F3FULL) ^ (w + 0x2525252525252525ULL)) & 0x8080808080808080ULL;
	return w | (m >> 2);
}

/* Folds case for lookups: ASCII and other letters to lower case, curly apostrophes to '. */
static size_t fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	if (n < cap) {
		/* ASCII words, the common case (eight bytes at a time while all are ASCII) */
		size_t i = 0;
		for (; i + 8 <= n; i += 8) {
			uint64_t w = load8(s + i);
			if (w & 0x8080808080808080ULL)
				break;
			w = lower8(w);
			memcpy(out + i, &w, 8);
		}
		for (; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c >= 0x80)
				break;
			out[i] = (char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
		}
		if (i == n)
			return n;
	}
	for (size_t i = 0; i < n && o + 4 < cap;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		i += (size_t)k;
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
			out[o++] = '\'';
			continue;
		}
		o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out + o);
	}
	return o;
}

/* fold_hash of a word that is not ASCII (or too long for cap): out of line, so that the
 * ASCII path needs no frame for the calls. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t fold_hash_other(const char *s, size_t n, char *out, size_t cap, uint64_t *h)
{
	size_t kn = fold(s, n, out, cap);
	*h = ent_hash(out, kn);
	return kn;
}

/* A key of 1 to 16 ASCII bytes as two folded words (load16: avail bytes of s may be read)
 * and its ent_hash16; 0 for a longer or a non-ASCII key (fold_hash's fast path). */
static inline int ascii_key16(const char *s, size_t n, size_t avail, uint64_t *k0, uint64_t *k1, uint64_t *h)
{
	if (n - 1 >= 16)
		return 0;
	load16(s, n, avail, k0, k1);
	if ((*k0 | *k1) & 0x8080808080808080ULL)
		return 0;
	*k0 = lower8(*k0);
	*k1 = lower8(*k1);
	*h = ent_hash16(n, *k0, *k1);
	return 1;
}

/* fold() and the ent_hash of the folded key in one pass over ASCII words; avail: the bytes
 * that may be read from s (a whole word of eight is read when they allow). */
static inline size_t fold_hash(const char *s, size_t n, size_t avail, char *out, size_t cap, uint64_t *h)
{
	if (n - 1 < 16 && n + 8 <= cap) {
		uint64_t k0, k1;
		if (!ascii_key16(s, n, avail, &k0, &k1, h))
			goto other;
		memcpy(out, &k0, 8);          /* out has room for the whole words */
		if (n > 8)
			memcpy(out + 8, &k1, 8);
		return n;
	}
	if (n + 8 <= cap) {
		uint64_t x = (uint64_t)n * 0x9E3779B97F4A7C15ULL;
		size_t i = 0;
		for (; i + 8 <= n; i += 8) {
			uint64_t w = load8(s + i);
			if (w & 0x8080808080808080ULL)
				goto other;
			w = lower8(w);
			memcpy(out + i, &w, 8);
			x = hmix(x, w);
		}
		if (i < n) {
			uint64_t w;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			if (i + 8 <= avail)
				w = load8(s + i) & ((1ULL << (8 * (n - i))) - 1);
			else
#endif
				w = load_tail(s + i, n - i);
			if (w & 0x8080808080808080ULL)
				goto other;
			w = lower8(w);
			memcpy(out + i, &w, 8);       /* out has room for the whole word */
			x = hmix(x, w);
		}
		*h = hfin(x);
		return n;
	}
other:
	return fold_hash_other(s, n, out, cap, h);
}

static word_info *word_get(const nf_ner *ner, const char *s, size_t n)
{
	char k[256];
	size_t kn = fold(s, n, k, sizeof k);
	uint32_t v = ftab_get(&ner->fwords, k, kn);
	return v ? &ner->wi[v - 1] : NULL;
}

/* word_add of a folded key k (kn bytes) and its hash h */
static inline word_info *word_add_key(nf_ner *ner, const char *k, size_t kn, uint64_t h)
{
	uint32_t *slot = ftab_slot_h(&ner->fwords, &ner->store, h, k, kn);
	if (!*slot) {
		ent_grow((void **)&ner->wi, &ner->wicap, ner->nwi + 1, sizeof *ner->wi);
		memset(&ner->wi[ner->nwi], 0, sizeof *ner->wi);
		*slot = (uint32_t)++ner->nwi;
	}
	return &ner->wi[*slot - 1];
}

/* The value slot of a key of 1 to 16 bytes given as its words (load16: zero after the key)
 * and its ent_hash, added (value 0) when absent: ftab_slot_h without a copy through a buffer
 * and without memcmp, for the words of the data files (slot keys are zero after their end,
 * so the words compare whole). The same probe and growth as ftab_slot_h: the same table. */
static uint32_t *ftab_slot16_grow(ftab *f, uint64_t h, size_t n, uint64_t k0, uint64_t k1);

static inline uint32_t *ftab_slot16(ftab *f, uint64_t h, size_t n, uint64_t k0, uint64_t k1)
{
	if (!f->s || 2 * (f->n + 1) > f->mask + 1)
		return ftab_slot16_grow(f, h, n, k0, k1);   /* (a tail call: no registers saved here) */
	size_t j = (size_t)h & f->mask;
	for (; f->s[j].h; j = (j + 1) & f->mask) {
		fslot *e = &f->s[j];
		if (e->h == (uint32_t)h && e->n == n && load8(e->k.in) == k0 && load8(e->k.in + 8) == k1)
			return &e->v;
	}
	fslot *e = &f->s[j];
	e->h = (uint32_t)h;
	e->n = (uint32_t)n;
	e->fl = 0;
	memcpy(e->k.in, &k0, 8);
	memcpy(e->k.in + 8, &k1, 8);
	e->v = 0;
	f->n++;
	return &e->v;
}

static uint32_t *ftab_slot16_grow(ftab *f, uint64_t h, size_t n, uint64_t k0, uint64_t k1)
{
	ftab_grow(f);
	return ftab_slot16(f, h, n, k0, k1);
}

/* word_add_key of a key of 1 to 16 bytes given as its words (ftab_slot16) */
static inline word_info *word_add16(nf_ner *ner, size_t n, uint64_t k0, uint64_t k1, uint64_t h)
{
	uint32_t *slot = ftab_slot16(&ner->fwords, h, n, k0, k1);
	if (!*slot) {
		ent_grow((void **)&ner->wi, &ner->wicap, ner->nwi + 1, sizeof *ner->wi);
		memset(&ner->wi[ner->nwi], 0, sizeof *ner->wi);
		*slot = (uint32_t)++ner->nwi;
	}
	return &ner->wi[*slot - 1];
}

/* avail: the bytes that may be read from s (n, or n + NF_DATA_PAD in a data file's row) */
static word_info *word_add(nf_ner *ner, const char *s, size_t n, size_t avail)
{
	uint64_t k0, k1, h;
	if (ascii_key16(s, n, avail, &k0, &k1, &h))   /* (most words) */
		return word_add16(ner, n, k0, k1, h);
	char k[264];
	size_t kn = fold_hash(s, n, avail, k, sizeof k, &h);
	return word_add_key(ner, k, kn, h);
}

static char *sstore_dup(sblock **st, const char *s, size_t n)
{
	sblock *b = *st;
	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > 65536 - sizeof *b ? n + 1 : 65536 - sizeof *b;
		b = nf_xmalloc(sizeof *b + cap);
		b->next = *st;
		b->used = 0;
		b->cap = cap;
		*st = b;
	}
	char *p = b->d + b->used;
	memcpy(p, s, n);
	p[n] = 0;
	b->used += n + 1;
	return p;
}

static void load_word(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	if (n >= 1 && f[0].n)
		word_add(arg, f[0].p, f[0].n, f[0].n + NF_DATA_PAD)->flags |= W_COMMON;
}

static void load_persname(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	if (n < 3 || !f[0].n)
		return;
	word_info *w = word_add(arg, f[0].p, f[0].n, f[0].n + NF_DATA_PAD);
	if (f[1].n == 5 && memcmp(f[1].p, "first", 5) == 0) {
		w->flags |= W_FIRST;
		if (f[2].n && !w->gender)
			w->gender = f[2].p[0];
	} else
		w->flags |= W_LAST;
}

static void load_title(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	static const struct { const char *k; unsigned f; } kinds[] = {
		{ "role", W_ROLE }, { "rolemod", W_ROLEMOD }, { "honorific", W_HONOR },
		{ "orgsuffix", W_ORGSUF }, { "orghead", W_ORGHEAD }, { "locsuffix", W_LOCSUF },
		{ "lochead", W_LOCHEAD }, { "nonname", W_NONNAME }, { "particle", W_PARTICLE },
		{ "generic", W_GENERIC }, { "miscsuffix", W_MISCSUF }, { "sport", W_SPORT } };
	if (n < 3 || !f[0].n)
		return;
	word_info *w = word_add(arg, f[0].p, f[0].n, f[0].n + NF_DATA_PAD);
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strlen(kinds[i].k) == f[1].n && memcmp(kinds[i].k, f[1].p, f[1].n) == 0) {
			w->flags |= kinds[i].f;
			if (kinds[i].f == W_HONOR && f[2].n)
				w->gender = f[2].p[0];
			if (kinds[i].f == W_GENERIC && f[2].n && !w->generic)
				w->generic = sstore_dup(&((nf_ner *)arg)->store, f[2].p, f[2].n);
		}
}

#define T_MISC NF_NTYPES        /* events, works, languages: known, and not output */

static int type_of(const char *p, size_t n)
{
	/* (nf_type_name's, by length: called for every gazetteer row) */
	_Static_assert(NF_PER == 0 && NF_ORG == 1 && NF_GPE == 2 && NF_LOC == 3 && NF_NORP == 4, "nf_type_name's order");
	if (n == 3) {
		if (memcmp(p, "PER", 3) == 0) return NF_PER;
		if (memcmp(p, "ORG", 3) == 0) return NF_ORG;
		if (memcmp(p, "GPE", 3) == 0) return NF_GPE;
		if (memcmp(p, "LOC", 3) == 0) return NF_LOC;
	} else if (n == 4) {
		if (memcmp(p, "NORP", 4) == 0) return NF_NORP;
		if (memcmp(p, "MISC", 4) == 0) return T_MISC;
	}
	return -1;
}

static int kind_of(const char *p, size_t n)
{
	/* by length, then compares of a known size (no memcmp call: called for every row) */
	static const struct { char w[8]; int kind; } seven[] = {
		{ "country", K_COUNTRY }, { "capital", K_CAPITAL }, { "demonym", K_DEMONYM }, { "metonym", K_METONYM }
	};
	switch (n) {
	case 4: return memcmp(p, "city", 4) == 0 ? K_CITY : K_OTHER;
	case 5: return memcmp(p, "state", 5) == 0 ? K_STATE : K_OTHER;
	case 6: return memcmp(p, "county", 6) == 0 ? K_COUNTY : K_OTHER;
	case 7:
		for (size_t i = 0; i < sizeof seven / sizeof *seven; i++)
			if (memcmp(seven[i].w, p, 7) == 0)
				return seven[i].kind;
	}
	return K_OTHER;
}

/* The folded words of s sorted and joined by spaces: the key that ignores word order. */
static size_t bag_key(const char *s, size_t n, char *out, size_t cap)
{
	char f[512], *w[32];
	size_t fn = fold(s, n, f, sizeof f - 1), nw = 0;
	f[fn] = 0;
	/* split at spaces in place (not strtok: its hidden state is shared by threads) */
	for (char *p = f; *p && nw < 32;) {
		while (*p == ' ') p++;
		if (!*p) break;
		w[nw++] = p;
		while (*p && *p != ' ') p++;
		if (*p) *p++ = 0;
	}
	/* insertion sort: a name has a few words, and qsort's set-up costs more than the sort
	 * (equal words are equal strings, so the order is the same as qsort's) */
	for (size_t i = 1; i < nw; i++) {
		char *x = w[i];
		size_t j = i;
		for (; j > 0 && strcmp(w[j - 1], x) > 0; j--)
			w[j] = w[j - 1];
		w[j] = x;
	}
	size_t o = 0;
	for (size_t i = 0; i < nw; i++) {
		size_t l = strlen(w[i]);
		if (o + l + 2 >= cap)
			break;
		if (i)
			out[o++] = ' ';
		memcpy(out + o, w[i], l);
		o += l;
	}
	return o;
}

/* The spaces of s[0, n) (avail: the bytes that may be read from s), eight bytes at a time;
 * *after_last: the offset after the last one, left as it is when there is none. */
static size_t spaces_of(const char *s, size_t n, size_t avail, size_t *after_last)
{
	size_t c = 0, i = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; i < n; i += 8) {
		uint64_t w;
		if (i + 8 <= avail)
			w = load8(s + i);
		else
			w = load_tail(s + i, n - i < 8 ? n - i : 8);
		uint64_t x = w ^ 0x2020202020202020ULL;   /* a space: a zero byte */
		uint64_t z = ~(((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x) & 0x8080808080808080ULL;
		if (n - i < 8)
			z &= (1ULL << (8 * (n - i))) - 1;       /* (bytes after the end) */
		if (z) {
			c += (size_t)(((z >> 7) * 0x0101010101010101ULL) >> 56);   /* (the bytes set) */
			*after_last = i + (size_t)(63 - __builtin_clzll(z)) / 8 + 1;
		}
	}
#else
	(void)avail;
	for (; i < n; i++)
		if (s[i] == ' ') {
			c++;
			*after_last = i + 1;
		}
#endif
	return c;
}

/* A field of a gazetteer row as a string: the row's own bytes when the file is kept
 * (nf_data_load_kept: NUL-terminated in place), a copy for a --names row (rec_next's). */
static char *gaz_str(nf_ner *ner, const nf_str *f)
{
	return ner->loading_user ? sstore_dup(&ner->store, f->p, f->n) : (char *)(uintptr_t)f->p;
}

static void load_gaz(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_ner *ner = arg;
	if (n < 5 || !f[0].n || f[0].n > 200)
		return;
	int t = type_of(f[1].p, f[1].n);
	if (t < 0)
		return;
	ent_grow((void **)&ner->g, &ner->gcap, ner->ng + 1, sizeof *ner->g);
	gz_entry *e = &ner->g[ner->ng];
	memset(e, 0, sizeof *e);
	e->name = gaz_str(ner, &f[0]);
	/* (a canonical the same as the name is the name's copy: half the rows) */
	e->canon = f[2].n && !(f[2].n == f[0].n && memcmp(f[2].p, f[0].p, f[0].n) == 0) ? gaz_str(ner, &f[2]) : e->name;
	e->type = t;
	e->kind = kind_of(f[4].p, f[4].n);
	if (t == NF_PER) {
		e->refers = f[3].n ? gaz_str(ner, &f[3]) : NULL;   /* affiliation */
		e->role = f[4].n ? gaz_str(ner, &f[4]) : NULL;
		e->kind = K_OTHER;
		ent_grow((void **)&ner->people, &ner->pcap, ner->npeople + 1, sizeof *ner->people);
		ner->people[ner->npeople++] = (int)ner->ng;
	} else
		e->refers = f[3].n ? gaz_str(ner, &f[3]) : NULL;
	e->len = f[0].n;
	e->prio = ner->loading_user ? 0 : 1;
	/* the words, and the surname after the last space */
	size_t pad = ner->loading_user ? 0 : NF_DATA_PAD;   /* (a --names row: rec_next's fields) */
	e->ntok = 1 + (int)spaces_of(f[0].p, f[0].n, f[0].n + pad, &e->sur);
	char k[512];
	uint64_t h, k0 = 0, k1 = 0;
	size_t kn = 0;
	int k16 = ascii_key16(f[0].p, f[0].n, f[0].n + pad, &k0, &k1, &h);   /* the key is k0, k1, not k */
	if (k16)
		kn = f[0].n;
	else
		kn = fold_hash(f[0].p, f[0].n, f[0].n + pad, k, sizeof k, &h);
	if (e->ntok == 1 && kn < 256) {
		/* (a name of one word is its first and last word, with the same key: most of them) */
		(k16 ? word_add16(ner, kn, k0, k1, h) : word_add_key(ner, k, kn, h))->flags |= W_GAZFIRST | W_GAZLAST;
	} else {
		/* the first and last words let lookups skip spans that cannot match */
		const char *sp = memchr(f[0].p, ' ', f[0].n), *lp = f[0].p + f[0].n;
		const char *ls = f[0].p + e->sur;
		word_add(ner, f[0].p, sp ? (size_t)(sp - f[0].p) : f[0].n, f[0].n + pad)->flags |= W_GAZFIRST;
		word_add(ner, ls, (size_t)(lp - ls), (size_t)(lp - ls) + pad)->flags |= W_GAZLAST;
	}
	if (e->ntok > ner->maxtok)
		ner->maxtok = e->ntok;
	uint32_t *gslot = k16 ? ftab_slot16(&ner->fgaz, h, kn, k0, k1) : ftab_slot_h(&ner->fgaz, &ner->store, h, k, kn);
	e->next = *gslot ? (int)*gslot - 1 : -1;
	*gslot = (uint32_t)(ner->ng + 1);
	if (t == NF_ORG && e->ntok >= 3) {
		kn = bag_key(f[0].p, f[0].n, k, sizeof k);
		void **slot = nf_map_slot(&ner->bags, k, kn, 1);
		if (!*slot)
			*slot = (void *)(uintptr_t)(ner->ng + 1);
	}
	ner->ng++;
}

static void finish_tables(nf_ner *ner);
static void build_ctx(nf_ner *ner);

nf_ner *nf_ner_new(void)
{
	nf_ner *ner = nf_xcalloc(1, sizeof *ner);
	for (int c = 0; c < 256; c++)
		ner->ccls[c] = (unsigned char)(c >= 'a' && c <= 'z' ? C_LOW : c >= 'A' && c <= 'Z' ? C_UP :
					       c >= '0' && c <= '9' ? C_DIG :
					       c == ' ' || c == '\t' || c == '\n' || c == '\r' ? C_SPACE :
					       c == '-' || c == '&' || c == '\'' || c >= 0x80 ? C_JOIN : 0);
	for (int c = 0; c < 0x80; c++)
		if (!(ner->ccls[c] & (C_AN | C_SPACE)))
			ner->ccls[c] |= C_PUNCT;
	for (const char *p = "\"('-~:["; *p; p++)
		ner->ccls[(unsigned char)*p] |= C_OPEN;
	for (unsigned c = 0; c < 256; c++) {
		unsigned a = c - 'a', b = c - 'a';
		ner->lb0[c] = (uint16_t)((a > 25 ? 0 : a) * 27 * 16);
		ner->lb1[c] = (uint16_t)((b > 26 ? 26 : b) * 16);
	}
	nf_map_init(&ner->bags);
	/* the sizes the bundled lists need (95,000 words, 18,000 names): no rehashing while loading */
	ftab_reserve(&ner->fwords, (size_t)1 << 18);
	ftab_reserve(&ner->fgaz, (size_t)1 << 16);
	nf_data_load("ent_words.tsv", "word", load_word, ner);
	nf_data_load("ent_persnames.tsv", "name\tkind\tgender", load_persname, ner);
	nf_data_load("ent_titles.tsv", "word\tkind\textra", load_title, ner);
	/* facts first: hand-checked entries win over the bulk lists for the same name */
	static const char *const gz[] = { "ent_facts.tsv", "ent_places.tsv", "ent_orgs.tsv" };
	for (size_t i = 0; i < 3; i++)
		nf_data_load_kept(gz[i], "name\ttype\tcanonical\trefers\tkind", load_gaz, ner, &ner->kept);
	finish_tables(ner);
	build_ctx(ner);
	return ner;
}

/* The filter bit of a lower-case word: its first two letters and its length, as
 * (a * 27 + b) * 16 + min(n, 15) with a the first letter (0-25; other bytes 0) and b the
 * second (0-25; other bytes and none 26); the parts are looked up (lb0, lb1). */
static inline size_t low_bit(const nf_ner *ner, const char *w, size_t n)
{
	return (size_t)ner->lb0[(unsigned char)w[0]] + (n > 1 ? ner->lb1[(unsigned char)w[1]] : 26 * 16) +
	       (n < 15 ? n : 15);
}

/* Builds the lookup tables from the loaded maps (again after a --names list). */
static void finish_tables(nf_ner *ner)
{
	static _Atomic unsigned next_gen;   /* process-wide: a new ner at a freed one's address never matches a memo */
	ner->gen = ++next_gen;
	if (ner->maxtok > 8)
		ner->maxtok = 8;
	free(ner->pnext);
	ner->pnext = nf_xmalloc((ner->npeople + 1) * sizeof *ner->pnext);
	for (int i = 0; i < 256; i++)
		ner->pfirst[i] = -1;
	for (size_t i = ner->npeople; i-- > 0;) {
		const gz_entry *e = &ner->g[ner->people[i]];
		unsigned char fb = (unsigned char)e->name[e->sur];
		ner->pnext[i].next = ner->pfirst[fb];
		ner->pnext[i].sn = (uint32_t)(e->len - e->sur);
		ner->pfirst[fb] = (int)i;
	}
	/* the words that matter in lower case, a copy of their slots (long keys shared) */
	ftab_free_slots(&ner->flower);
	memset(&ner->flower, 0, sizeof ner->flower);
	fslot *ws = ner->fwords.s;   /* (in locals: the stores below could alias the fields) */
	size_t wmask = ner->fwords.mask;
	for (size_t i = 0; ws && i <= wmask; i++) {
		fslot *e = &ws[i];
		if (!e->h)
			continue;
		const word_info *w = &ner->wi[e->v - 1];
		e->fl = w->flags;
		if (!(w->flags & (W_PARTICLE | W_GENERIC | W_ROLE | W_ROLEMOD | W_NONNAME | W_SPORT)))
			continue;
		if (!ner->flower.s || 2 * (ner->flower.n + 1) > ner->flower.mask + 1)
			ftab_grow(&ner->flower);
		size_t j = (size_t)e->h & ner->flower.mask;
		while (ner->flower.s[j].h)
			j = (j + 1) & ner->flower.mask;
		ner->flower.s[j] = *e;
		ner->flower.n++;
		size_t bit = low_bit(ner, fslot_key(e), e->n);
		ner->lowbits[bit / 64] |= 1ull << (bit % 64);
		bit = LOWHASH_BIT(e->h);
		ner->lowhash[bit / 64] |= 1ull << (bit % 64);
	}
}

/* A --names row: canonical, type[, aliases (|-separated)[, affiliation[, role]]]. */
static void add_user_name(nf_ner *ner, const nf_str *f, size_t n, const char *path, long line)
{
	int t = type_of(f[1].p, f[1].n);
	if (t < 0 || t >= NF_NTYPES)
		nf_die("%s:%ld: unknown type '%.*s' (PER ORG GPE LOC NORP)", path, line, (int)f[1].n, f[1].p);
	if (!f[0].n)
		nf_die("%s:%ld: empty canonical name", path, line);
	nf_str row[5];
	row[1] = f[1];
	row[2] = f[0];
	row[3] = n > 3 ? f[3] : (nf_str){ "", 0 };
	row[4] = n > 4 && t == NF_PER ? f[4] : (nf_str){ "user", 4 };
	if (t == NF_PER && n <= 4)
		row[4] = (nf_str){ "", 0 };
	row[0] = f[0];
	load_gaz(row, 5, line, ner);
	if (n > 2)
		for (const char *p = f[2].p, *e = f[2].p + f[2].n; p < e;) {
			const char *q = memchr(p, '|', (size_t)(e - p));
			if (!q)
				q = e;
			const char *a = p, *b = q;
			while (a < b && *a == ' ')
				a++;
			while (b > a && b[-1] == ' ')
				b--;
			if (b > a) {
				row[0] = (nf_str){ a, (size_t)(b - a) };
				load_gaz(row, 5, line, ner);
			}
			p = q + 1;
		}
}

int nf_ner_load_names(nf_ner *ner, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	rec_reader *r = rec_open(f, path, 0);
	nf_str *fld;
	size_t n;
	int st, header = 0;
	ner->loading_user = 1;
	while ((st = rec_next(r, &fld, &n)) != REC_EOF) {
		long line = rec_line(r);
		if (!header && n && fld[0].n && fld[0].p[0] == '#') {
			rec_reset_header(r);
			continue;
		}
		if (st == REC_BAD)
			nf_die("%s:%ld: %s", path, line, rec_error(r));
		if (!header) {
			if (n < 2 || fld[0].n != 9 || memcmp(fld[0].p, "canonical", 9) != 0 || fld[1].n != 4 ||
			    memcmp(fld[1].p, "type", 4) != 0)
				nf_die("%s:%ld: header must begin with the columns 'canonical<TAB>type'", path, line);
			header = 1;
			continue;
		}
		add_user_name(ner, fld, n, path, line);
	}
	ner->loading_user = 0;
	int bad = rec_io_error(r);
	rec_close(r);
	fclose(f);
	finish_tables(ner);   /* (also after a read error: the names read so far are in, memos dropped) */
	return bad ? -1 : 0;
}

void nf_ner_free(nf_ner *ner)
{
	if (!ner)
		return;
	for (sblock *b = ner->store, *nb; b; b = nb) {
		nb = b->next;
		free(b);
	}
	nf_data_kept_free(ner->kept);
	free(ner->g);
	free(ner->wi);
	free(ner->people);
	free(ner->pnext);
	ftab_free_slots(&ner->fwords);
	ftab_free_slots(&ner->flower);
	ftab_free_slots(&ner->fgaz);
	ftab_free_slots(&ner->fctx);
	nf_map_free(&ner->bags);
	free(ner);
}

/* Finds name (case-folded key) in the gazetteer; exact: the case must match as well (or the
 * text be all capitals), else any entry does. Prefers the entry of type want (-1: any). */
static const gz_entry *gaz_find(const nf_ner *ner, const char *s, size_t n, int exact, int want)
{
	char k[512 + 8];
	if (n >= 256)
		return NULL;
	uintptr_t v;
	uint64_t k0, k1, h;
	if (ascii_key16(s, n, n, &k0, &k1, &h)) {
		/* a short ASCII key: folded and looked up in registers */
		const fslot *e = ftab_get_k(&ner->fgaz, h, n, k0, k1);
		v = e ? e->v : 0;
	} else {
		size_t kn = fold_hash(s, n, n, k, 512, &h);      /* fold() and ent_hash() in one pass */
		v = ftab_get_h(&ner->fgaz, h, k, kn);
	}
	if (!v)
		return NULL;
	const gz_entry *best = NULL;
	/* exact: the same bytes, modulo curly apostrophes */
	char abuf[512];
	const char *a = abuf;   /* the key with straight apostrophes: s itself when it has none */
	size_t an = 0;
	if (exact) {
		if (!memchr(s, 0xE2, n)) {
			a = s;
			an = n;
		} else
			for (size_t j = 0; j < n && an < sizeof abuf - 1; j++) {
				if ((unsigned char)s[j] == 0xE2 && j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
				    ((unsigned char)s[j + 2] == 0x99 || (unsigned char)s[j + 2] == 0x98)) {
					abuf[an++] = '\'';
					j += 2;
				} else
					abuf[an++] = s[j];
			}
	}
	for (int i = (int)(uintptr_t)v - 1; i >= 0; i = ner->g[i].next) {
		const gz_entry *e = &ner->g[i];
		if (exact && (e->len != an || memcmp(a, e->name, an) != 0))
			continue;
		if (!best || (want >= 0 && e->type == want && best->type != want))
			best = e;
	}
	/* entries are chained newest first; the file order (facts first) is the priority */
	if (best && want < 0) {
		for (int i = (int)(uintptr_t)v - 1; i >= 0; i = ner->g[i].next) {
			const gz_entry *e = &ner->g[i];
			if (e == best || (exact && e->len != best->len))
				continue;
			if (exact && strcmp(e->name, best->name) != 0)
				continue;
			if (e->prio < best->prio || (e->prio == best->prio && e < best))
				best = e;
		}
	}
	return best;
}

const char *nf_ner_country(const nf_ner *ner, const char *word, size_t n)
{
	const gz_entry *e = gaz_find(ner, word, n, 0, NF_GPE);
	if (!e) {
		/* possessive forms: "Britain's" */
		if (n > 2 && word[n - 1] == 's' && word[n - 2] == '\'')
			e = gaz_find(ner, word, n - 2, 0, NF_GPE);
		else if (n > 4 && word[n - 1] == 's' && (unsigned char)word[n - 2] == 0x99 &&
			 (unsigned char)word[n - 4] == 0xE2)
			e = gaz_find(ner, word, n - 4, 0, NF_GPE);
	}
	if (!e)
		return NULL;
	if (e->kind == K_COUNTRY || e->kind == K_DEMONYM || e->kind == K_CAPITAL || e->kind == K_METONYM)
		return e->refers ? e->refers : e->canon;
	return NULL;
}

/* ---- tokens ---- */

enum {
	T_WORD = 1, T_CAP = 2, T_ALLCAPS = 4, T_LOWER = 8, T_NUM = 16, T_POSS = 32, T_SSTART = 64,
	T_CAPSENT = 128, T_USED = 256, T_ROLE = 512, T_CTX = 1024,
	T_PLAIN = 2048,         /* ASCII letters and digits only */
	T_TITLE = 4096          /* in a title-case headline ("The Case for Ukraine's NATO Accession") */
};

/* The context word lists whose words ctx_of finds in fctx: their X_ index and their array,
 * from which both ctx_lists and list_bit are made. */
#define CTX_LISTS(L) L(X_SAID, w_said) L(X_PREP, w_prep) L(X_SPORT_NEXT, w_sport_next) \
	L(X_SPORT_PREV, w_sport_prev) L(X_PLACEOF, w_placeof) L(X_SCORER, w_scorer) \
	L(X_ORG_NEXT, w_org_next) L(X_ORG_PREV, w_org_prev) L(X_METONYM, w_metonym)
#define CTX_ENUM(x, list) x,
enum { CTX_LISTS(CTX_ENUM) X_NLISTS };
#undef CTX_ENUM

typedef struct {
	union {
		struct { uint32_t s, e; };   /* bytes of the token (a possessive 's is not part of it) */
		uint64_t se;    /* (the unions: tokenize writes a token in five stores, tok_put) */
	};
	uint64_t fh;            /* hash of the case-folded word (0 for punctuation) */
	union {
		struct {
			uint16_t f;
			char c;         /* punctuation: its first byte */
			uint16_t ctx;   /* T_CTX: the context lists the word is in (ctx_of) */
		};
		uint64_t fcx;
	};
	union {
		struct {
			int sent;
			uint32_t wf;    /* its word's flags, or 0: read without touching the word table */
		};
		uint64_t sw;
	};
	uint32_t wv;            /* its word (word_info index + 1, tok_w), or 0 */
} tok;

/* *t = (tok){ .s = s, .e = e, .f = f, .c = c, .sent = sent }, a whole word at a time (the
 * compound literal is written as zeros and then its fields, twice the stores) */
static inline void tok_put(tok *t, size_t s, size_t e, unsigned f, char c, int sent)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	_Static_assert(offsetof(tok, s) == 0 && offsetof(tok, e) == 4 && offsetof(tok, f) == offsetof(tok, fcx) &&
		       offsetof(tok, c) == offsetof(tok, fcx) + 2 && offsetof(tok, sent) == offsetof(tok, sw) &&
		       offsetof(tok, wf) == offsetof(tok, sw) + 4, "tok_put");
	t->se = (uint32_t)s | (uint64_t)(uint32_t)e << 32;
	t->fh = 0;
	t->fcx = (uint16_t)f | (uint64_t)(unsigned char)c << 16;
	t->sw = (uint32_t)sent;
	t->wv = 0;
#else
	*t = (tok){ .s = (uint32_t)s, .e = (uint32_t)e, .f = (uint16_t)f, .c = c, .sent = sent };
#endif
}

/* A mention being built: token range, type, and what the rules learnt about it. */
typedef struct {
	int a, b;               /* tokens [a, b) */
	int type;
	const gz_entry *g;      /* gazetteer entry matched, or NULL */
	const char *canon;      /* forced canonical (generic words, metonyms), or NULL */
	int role_a, role_b;     /* role tokens, or -1 */
	const char *affil;      /* canonical country or organisation, or NULL */
	uint32_t affil_off, affil_len;   /* or the affiliation as text (an unknown organisation) */
	char gender;
	int cl;                 /* cluster */
	int drop;
	int weak;               /* a common word that is a name only if the document says so */
	int ext;                /* tokens after b that the span takes in: "Mladost (L)" */
	int voted;              /* other mentions of the name gave it its type */
	int soft;               /* the type is a guess that other mentions of the name may correct */
	int ev;                 /* the type context gives this mention (said, in, beat), or -1 */
	int nick_a, nick_b;     /* a quoted nickname inside the name (Marta "Tiny" Olsen), or 0 */
} cand;

typedef struct {
	int type;
	uint32_t canon_off, canon_len;     /* in the arena */
	uint32_t role_off, role_len, aff_off, aff_len, ref_off, ref_len;
	int has_role, has_aff, has_ref;
	char gender;
	int first_tok, last_tok;           /* PER: the fullest mention's first and last name tokens */
	int ntok;                          /* tokens of the fullest mention */
	int known;                         /* canonical from the gazetteer */
	uint64_t h;
} pcl;

/* A lookup of fwords remembered: the table is far larger than the caches and the capitalised
 * words of news repeat, so most lookups are answered from this small direct-mapped copy. */
typedef struct { uint64_t h; uint32_t v, nf; char k[16]; } memo_e;    /* nf: length | flags << 8 */
_Static_assert(W_SPORT < 1u << 24, "memo_e.nf keeps the word flags (W_SPORT the highest) in bits 8-31");
#define MEMO_BITS 12

/* A multimap from 64-bit keys to ints for one document, so that long documents stay linear. */
typedef struct {
	uint64_t *key; int *val, *next; size_t n, cap;
	int *head; size_t hcap, hmax;      /* buckets in use, allocated */
} mmap64;

/* What resolve's misspelling search reads of a full name: its candidate and the length,
 * first two bytes and index of its last word, in one place. */
struct fullrec { int c, lt; uint32_t len; unsigned char b0, b1; int next; };   /* next: with the same b0 */

typedef struct {
	tok *t; size_t nt, tcap;
	cand *c; size_t nc, ccap;
	cand *ctmp; size_t ctmpcap;   /* sort_cands' merges */
	pcl *p; size_t np, pcap;
	nf_buf arena;
	mmap64 mcl;             /* cluster canonical hash -> cluster */
	mmap64 msur;            /* PER cluster surname -> cluster */
	mmap64 mtmp;            /* scratch index for one pass */
	struct fullrec *fr; size_t frcap;   /* resolve's full names near a surname, compact */
	int (*gv)[NF_NTYPES]; size_t gvcap; /* resolve's type votes of each name, kept across documents */
	int *cmap; size_t cmapcap;          /* nf_ner_run's cluster -> output cluster, kept likewise */
	/* PER clusters by the first byte of their surname (each time it changes), newest first:
	 * the misspelt-surname search reads only those */
	int sbhead[256];
	struct { int cl, next; } *sb; size_t nsb, sbcap;
	int capsent;            /* some sentence is in capitals */
	int *capr; size_t ncapr, caprcap;   /* the token ranges of those sentences: start, end */
	int *titles; size_t ntitles, tcap2;   /* chunks of title-case headlines: start, end */
	size_t generic;         /* words that may refer back to an organisation ("Alliance") */
	size_t gen_first, gen_last;   /* the first and last of them */
	int *roles; size_t nroles, rcap;   /* the tokens that are words of titles */
	int *capt; size_t ncapt, capcap;   /* the capitalised words (T_WORD | T_CAP), in order: find_chunks
					    * visits only them (room for every token: tok_check) */
	char *pad; size_t padcap;          /* the text, then TOK_PAD zero bytes: tokenize reads past its end */
	int scores, sportkw;    /* scores ("3-1") and sports words: a sports report */
	memo_e *memo;           /* recent lookups of capitalised words (MEMO_BITS) */
	const nf_ner *memo_ner; unsigned memo_gen;   /* the tables they were looked up in */
	const nf_ner *ner;      /* of the current document */
	const char *text;
	size_t len;
	struct gzmemo *gzm;     /* gaz_span_key's recent answers (GZMEMO_BITS), dropped with memo */
	struct kpmemo *kpm;     /* known_person's (KPMEMO_BITS), likewise */
	struct canmemo *canm;   /* resolve's lengths and hashes of canonical names (CANMEMO_BITS), likewise */
} scratch;
struct canmemo { const char *p; uint64_t h; size_t n; };
#define CANMEMO_BITS 8

static void mm_reset(mmap64 *m, size_t expect)
{
	size_t cap = 64;
	while (cap < 2 * expect)
		cap *= 2;
	if (cap > m->hmax) {
		free(m->head);
		m->head = nf_xmalloc(cap * sizeof *m->head);
		m->hmax = cap;
	}
	/* only the buckets this document uses: a long document before must not slow the rest */
	m->hcap = cap;
	memset(m->head, 0xff, cap * sizeof *m->head);
	m->n = 0;
}

static inline void mm_add(mmap64 *m, uint64_t k, int v)
{
	if (m->n + 1 > m->cap) {
		size_t c = m->cap ? m->cap * 2 : 64;
		m->key = nf_xrealloc(m->key, c * sizeof *m->key);
		m->val = nf_xrealloc(m->val, c * sizeof *m->val);
		m->next = nf_xrealloc(m->next, c * sizeof *m->next);
		m->cap = c;
	}
	size_t b = (size_t)(k ^ (k >> 31)) & (m->hcap - 1);
	m->key[m->n] = k;
	m->val[m->n] = v;
	m->next[m->n] = m->head[b];
	m->head[b] = (int)m->n++;
}

/* The first entry for k (then follow mm_next), or -1. */
static inline int mm_first(const mmap64 *m, uint64_t k)
{
	int e = m->head[(size_t)(k ^ (k >> 31)) & (m->hcap - 1)];
	while (e >= 0 && m->key[e] != k)
		e = m->next[e];
	return e;
}

static inline int mm_next(const mmap64 *m, int e)
{
	uint64_t k = m->key[e];
	for (e = m->next[e]; e >= 0 && m->key[e] != k;)
		e = m->next[e];
	return e;
}

static void mm_free(mmap64 *m)
{
	free(m->key);
	free(m->val);
	free(m->next);
	free(m->head);
}

static int is_upper_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_letter_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

static size_t dec(const char *s, size_t n, size_t i, int32_t *cp)
{
	if (i >= n) {          /* the text need not be NUL-terminated */
		*cp = 0;
		return 1;
	}
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	utf8proc_int32_t v;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &v);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return (size_t)k;
}

/* Abbreviations that keep their period inside a name. */
static int abbrev_with_period(const char *w, size_t n)
{
	/* by length, so that a miss costs a few comparisons */
	static const char *const ab[6] = { "", "",
		"Co Jr Sr Mt Ft St Ky Ga Va Md Vt Pa ",
		"Inc Ltd Cos Fla Ill Wis Ind Ore Tex Neb Nev Kan Ala Ark ",
		"Corp Bros Mich Mass Conn Ariz Wash Okla Tenn Colo Minn Penn ",
		"Calif " };
	/* (and by their first letters: most capitalised words before a period are no abbreviation;
	 * keep in step with ab: a word added there needs its first letter here) */
#define AB_L(c) (1u << ((c) - 'A'))
	static const uint32_t first[6] = { 0, 0,
		AB_L('C') | AB_L('J') | AB_L('S') | AB_L('M') | AB_L('F') | AB_L('K') | AB_L('G') | AB_L('V') | AB_L('P'),
		AB_L('I') | AB_L('L') | AB_L('C') | AB_L('F') | AB_L('W') | AB_L('O') | AB_L('T') | AB_L('N') | AB_L('K') | AB_L('A'),
		AB_L('C') | AB_L('B') | AB_L('M') | AB_L('A') | AB_L('W') | AB_L('O') | AB_L('T') | AB_L('P'),
		AB_L('C') };
#undef AB_L
	if (n < 2 || n > 5 || (unsigned)(w[0] - 'A') >= 26u || !(first[n] >> (w[0] - 'A') & 1))
		return 0;
	for (const char *p = ab[n]; *p; p += n + 1)
		if (p[0] == w[0] && memcmp(p, w, n) == 0)
			return 1;
	return 0;
}

static int is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static int word_cp(int32_t cp) { return is_letter_cp(cp) || (cp >= '0' && cp <= '9'); }

/* A title-case headline: a line of its own, most long words capitalised, several of them
 * common words, no numbers, commas or closing period. Its words are names only when known (find_chunks). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void title_line(scratch *sc, size_t a, size_t b)
{
	/* a line of its own */
	size_t s0 = sc->t[a].s, e0 = sc->t[b - 1].e;
	while (s0 > 0 && (sc->text[s0 - 1] == ' ' || sc->text[s0 - 1] == '\t'))
		s0--;
	while (e0 < sc->len && (sc->text[e0] == ' ' || sc->text[e0] == '\t' || sc->text[e0] == '\r'))
		e0++;
	if ((s0 > 0 && sc->text[s0 - 1] != '\n') || (e0 < sc->len && sc->text[e0] != '\n'))
		return;
	size_t lw = 0, lcap = 0, lcommon = 0;
	for (size_t k = a; k < b; k++) {
		const tok *t = &sc->t[k];
		if ((t->f & (T_NUM | T_CAPSENT)) || (!(t->f & T_WORD) && (t->c == ',' || t->c == ';')))
			return;          /* lists of names have commas, headlines seldom */
		if (!(t->f & T_WORD) || t->e - t->s < 4)
			continue;
		lw++;
		if (t->f & T_CAP) {
			lcap++;
			lcommon += (t->wf & W_COMMON) && !(t->wf & W_FIRST);
		}
	}
	if (lw < 3 || lcap * 10 < lw * 8 || lcommon < 2)
		return;
	for (size_t k = a; k < b; k++)
		sc->t[k].f |= T_TITLE;
}

/* The cheap test inline: most sentences end with a period or are long. */
static inline void title_sentence(scratch *sc, size_t a, size_t b)
{
	if (b != a && sc->t[b - 1].c != '.' && b - a <= 30)
		title_line(sc, a, b);
}

/* Notes the tokens [a, b) of a sentence in capitals for find_caps, which visits only those. */
#if defined(__GNUC__)
__attribute__((noinline, cold))   /* (few sentences are: out of the tokenizer's way) */
#endif
static void caps_range(scratch *sc, size_t a, size_t b)
{
	if (b > a) {
		ent_grow((void **)&sc->capr, &sc->caprcap, sc->ncapr + 2, sizeof *sc->capr);
		sc->capr[sc->ncapr++] = (int)a;
		sc->capr[sc->ncapr++] = (int)b;
	}
}

static void caps_sentence(scratch *sc, size_t a, size_t b, size_t words, size_t caps)
{
	if (words && caps * 10 >= words * 6 && (words >= 2 || caps == words)) {
		for (size_t k = a; k < b; k++)
			sc->t[k].f |= T_CAPSENT;
		sc->capsent = 1;
		caps_range(sc, a, b);
	}
}

/* Looks the folded word up (lower-case words in flower, others in fwords through the memo)
 * and sets t->wv and t->wf. k0, k1: the key when kn <= 16, else k holds it. */
#if defined(__GNUC__)
__attribute__((always_inline))   /* in the tokenizer's fast path, where the key is in registers */
#endif
static inline void tok_lookup(const nf_ner *ner, scratch *sc, tok *t, const char *k, size_t kn,
			      uint64_t k0, uint64_t k1)
{
	uint32_t v = 0, fl = 0;
	const fslot *e;
	if (t->f & T_LOWER) {
		/* lower-case words only matter as particles, roles and generic references */
		size_t bit = LOWHASH_BIT(t->fh);
		if (!(ner->lowhash[bit / 64] >> (bit % 64) & 1))
			;       /* none of them */
		else if (kn <= 16) {
			if ((e = ftab_get_k(&ner->flower, t->fh, kn, k0, k1)) != NULL)
				v = e->v, fl = e->fl;
		} else if ((v = ftab_get_h(&ner->flower, t->fh, k, kn)) != 0)
			fl = ner->wi[v - 1].flags;
	} else if (kn <= 16) {
		memo_e *m = &sc->memo[t->fh >> (64 - MEMO_BITS)];
		if (m->h == t->fh && (m->nf & 0xff) == kn && load8(m->k) == k0 && load8(m->k + 8) == k1) {
			v = m->v;
			fl = m->nf >> 8;
		} else {
			if ((e = ftab_get_k(&ner->fwords, t->fh, kn, k0, k1)) != NULL)
				v = e->v, fl = e->fl;
			m->h = t->fh;
			m->nf = (uint32_t)kn | fl << 8;
			m->v = v;
			memcpy(m->k, &k0, 8);
			memcpy(m->k + 8, &k1, 8);
		}
	} else if ((v = ftab_get_h(&ner->fwords, t->fh, k, kn)) != 0)
		fl = ner->wi[v - 1].flags;
	t->wv = v;
	t->wf = fl;
}

/* The flags of a word token from its first character (a digit, a capital or neither) and
 * its letters; at_start: the first word of a sentence. */
static inline unsigned word_flags(int digit, int upper, int uppers, int letters, int at_start)
{
	unsigned f = T_WORD;
	if (digit)
		f |= T_NUM;
	else if (upper) {
		f |= T_CAP;
		if (uppers == letters && letters >= 2)
			f |= T_ALLCAPS;
	} else
		f |= T_LOWER;
	if (at_start)
		f |= T_SSTART;
	return f;
}

/* May the lower-case ASCII word at s be one of the words that matter in lower case (flower)?
 * Most are not, and skip the lookup. */
static inline int low_maybe(const nf_ner *ner, const char *s, size_t n)
{
	size_t bit = low_bit(ner, s, n);
	return ner->lowbits[bit / 64] >> (bit % 64) & 1;
}

/* low_maybe of a word the fast path made: a one-letter word's next byte is no letter, and lb1
 * gives it what low_bit gives none (no test of the length for the second byte) */
static inline int low_maybe_plain(const nf_ner *ner, const char *s, size_t n)
{
	size_t bit = (size_t)ner->lb0[(unsigned char)s[0]] + ner->lb1[(unsigned char)s[1]] + (n < 15 ? n : 15);
	return ner->lowbits[bit / 64] >> (bit % 64) & 1;
}

/* Where the next token may start after a word token that ends at j: past a possessive 's or ’s. */
static inline size_t tok_after(const char *s, size_t j, unsigned f)
{
	return f & T_POSS ? j + (s[j] == '\'' ? 1 : 3) + 1 : j;
}

/* The tokenizer's full path: the token at byte i (not a plain ASCII word) into t; returns the
 * byte after it (and *made 0 when there is no token: a no-break space). Out of line so that
 * the fast path keeps its variables in registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t tok_slow(const nf_ner *ner, scratch *sc, const char *s, size_t n, size_t i, tok *t,
		       int at_start, int *made)
{
	int32_t cp;
	size_t k, j;
	int first_upper, digit, letters = 0, uppers = 0, hyphen = 0;
	k = dec(s, n, i, &cp);
	if (cp == 0xA0) {      /* ASCII white space is skipped above */
		*made = 0;
		return i + k;
	}
	if (!word_cp(cp)) {
		t->e = (uint32_t)(i + k);
		t->c = (char)(cp < 0x80 ? cp : (cp == 0x201C || cp == 0x201D || cp == 0x2018 ? '"' : '~'));
		if (cp == 0x2019)
			t->c = '\'';
		return i + k;
	}
	first_upper = is_upper_cp(cp), digit = cp >= '0' && cp <= '9';
	j = i;
	size_t limit = n, skip = 0;
	if (cp >= 'a' && cp <= 'z') {
		/* glued words from scraped pages ("byAlya Shandra") and prefixes before a name
		 * ("then-Secretary", "pro-Kremlin") are split off; name particles stay ("al-Assad") */
		size_t l = 0;
		while (i + l < n && s[i + l] >= 'a' && s[i + l] <= 'z')
			l++;
		unsigned char c2 = i + l < n ? (unsigned char)s[i + l] : 0;
		unsigned char c3 = i + l + 1 < n ? (unsigned char)s[i + l + 1] : 0;
		if (l == 2 && s[i] == 'b' && s[i + 1] == 'y' && c2 >= 'A' && c2 <= 'Z' && c3 >= 'a' && c3 <= 'z')
			limit = i + 2;
		else if (c2 == '-' && c3 >= 'A' && c3 <= 'Z') {
			const word_info *pw = word_get(ner, s + i, l);
			if (!pw || !(pw->flags & W_PARTICLE))
				limit = i + l;
		}
		skip = l;        /* those letters are scanned: the loop goes on after them */
	}
	size_t len1 = 0;
	int32_t lastc = cp;
	if (skip && i + skip <= limit) {
		j = i + skip;
		letters = (int)skip;
		len1 = skip;
		lastc = (unsigned char)s[j - 1];
	}
	for (;;) {
		int32_t c;
		if (j >= limit)
			break;
		unsigned char b0 = (unsigned char)s[j];
		if (b0 < 0x80 && ((unsigned)((b0 | 32) - 'a') < 26u || (unsigned)(b0 - '0') < 10u)) {
			/* ASCII letters and digits: the common case, without decoding */
			int up = (unsigned)(b0 - 'A') < 26u;
			letters += (unsigned)((b0 | 32) - 'a') < 26u;
			uppers += up;
			j++;
			len1++;
			lastc = b0;
			continue;
		}
		/* other ASCII bytes than these end the word */
		if (b0 < 0x80 && b0 != '-' && b0 != '&' && b0 != '\'' && b0 != '.')
			break;
		size_t kk = dec(s, n, j, &c);
		if (word_cp(c)) {
			letters += is_letter_cp(c);
			uppers += is_upper_cp(c);
			j += kk;
			len1++;
			lastc = c;
			continue;
		}
		if (j >= n)
			break;
		int32_t d = 0;
		size_t kd = j + kk < n ? dec(s, n, j + kk, &d) : 0;
		(void)kd;
		if ((c == '-' || c == '&') && j + kk < n && word_cp(d)) {
			if (c == '&' && !is_upper_cp(d))
				break;
			hyphen |= c == '-' && d >= 'A' && d <= 'Z';
			j += kk;
			continue;
		}
		if (is_apos(c) && j + kk < n && is_letter_cp(d)) {
			/* possessive 's ends the word; other apostrophes (O'Brien, don't) are inside */
			int32_t e2 = 0;
			size_t after = j + kk + 1;
			if (after < n)
				dec(s, n, after, &e2);
			if ((d == 's' || d == 'S') && (after >= n || !word_cp(e2))) {
				t->f |= T_POSS;
				break;
			}
			j += kk;
			continue;
		}
		if (c == '.' && first_upper && abbrev_with_period(s + i, j - i)) {
			j++;        /* "Corp.", "Inc.", "Fla.": the period belongs to the name */
			break;
		}
		if (c == '.' && len1 == 1 && is_upper_cp(lastc)) {
			/* initials and dotted acronyms: "J." "U.S." */
			j += 1;
			int32_t e2 = 0;
			if (j + 1 < n && is_letter_cp(d) && dec(s, n, j + dec(s, n, j, &e2), &e2) && e2 == '.') {
				len1 = 0;
				continue;
			}
			break;
		}
		break;
	}
	t->e = (uint32_t)j;
	t->f |= (uint16_t)word_flags(digit, first_upper, uppers, letters, at_start);
	/* "al-Assad", "bin-Laden": a particle joined to a name is a name */
	if (hyphen && (t->f & T_LOWER))
		t->f = (uint16_t)((t->f & ~T_LOWER) | T_CAP);
	if ((t->f & T_LOWER) && (unsigned char)s[t->s] < 0x80 && !low_maybe(ner, s + t->s, t->e - t->s))
		return tok_after(s, j, t->f);
	{
		char kb[264];
		memset(kb, 0, 16);       /* short keys are compared as two words */
		size_t kn = fold_hash(s + t->s, t->e - t->s, n - t->s, kb, sizeof kb, &t->fh);
		tok_lookup(ner, sc, t, kb, kn, load8(kb), load8(kb + 8));
	}
	return tok_after(s, j, t->f);
}

/* The tokenizer's state for the next token's T_SSTART (see tokenize), in one word so that
 * the loop keeps it in a register: */
enum {
	ST_PREVSS = 1,          /* the token before has T_SSTART */
	ST_FIRST = 2,           /* the next token is the first of its sentence */
	ST_SSW = T_SSTART,      /* a word next has T_SSTART (one of the three below) */
	ST_SSP = T_SSTART << 1, /* the token before is punctuation with T_SSTART: the next token has it */
	ST_LINE = T_SSTART << 2 /* no word since a line or sentence started: the next word has it */
	/* (and an opening mark at a sentence start before: the next word has it) */
};
#define TOK_ROOM 256            /* tokens made room for at a time (a token takes a byte or more) */
#define TOK_PAD 32              /* zero bytes after the text (sc->pad): the loop reads ahead unchecked */

/* The state after a punctuation token of flags f; open: it is one of C_OPEN. */
static inline unsigned st_punct(unsigned st, unsigned f, int open)
{
	unsigned ss = f & T_SSTART;
	return (st & ST_LINE) | (ss ? ST_PREVSS | ST_SSP : 0) |
	       ((st & ST_LINE) || ss || (open && (st & (ST_PREVSS | ST_FIRST))) ? ST_SSW : 0);
}

/* The T_SSTART that state st gives a punctuation token. */
static inline unsigned st_ptok(unsigned st)
{
	return (st & ST_SSP) >> 1;
}

/* The state after a word token of flags f. */
static inline unsigned st_after_word(unsigned f)
{
	return (f & T_SSTART) >> 6;
}
_Static_assert(T_SSTART >> 6 == ST_PREVSS, "st_after_word");

/* The counts of a sentence's words that caps_sentence wants, and the sports clues. */
static inline void count_word(scratch *sc, const char *s, const tok *t, size_t *words, size_t *caps)
{
	if ((t->f & (T_WORD | T_NUM)) == T_WORD) {
		if (t->e - t->s >= 2) {
			++*words;
			*caps += (t->f & T_ALLCAPS) != 0;
		}
		if (t->f & T_LOWER)
			sc->sportkw += (t->wf & W_SPORT) != 0;
	} else if (t->f & T_NUM) {
		/* sports reports: scores ("3-1") and sports words */
		const char *p = s + t->s, *e = s + t->e, *d = memchr(p, '-', (size_t)(e - p));
		sc->scores += d && d - p <= 3 && e - d - 1 <= 3 && e - d > 1;
	}
}

/* Notes a token that is a word of titles or may refer back to an organisation. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void tok_mark(scratch *sc, const tok *t)
{
	int k = (int)(t - sc->t);
	if (t->wf & (W_ROLE | W_ROLEMOD)) {
		if (sc->nroles + 1 > sc->rcap)
			ent_grow((void **)&sc->roles, &sc->rcap, sc->nroles + 1, sizeof *sc->roles);
		sc->roles[sc->nroles++] = k;
	}
	if (t->wf & W_GENERIC) {
		if (!sc->generic++)
			sc->gen_first = (size_t)k;
		sc->gen_last = (size_t)k;
	}
}

/* What tokenize needs only now and then, out of the registers of its loop. */
struct tok_rare {
	size_t si, send;        /* the current sentence, its end */
	size_t sa, words, caps; /* the current sentence's first token, its counts for caps_sentence */
	size_t n;               /* the text's length */
	int sent;
};

/* The sentence and room check of tokenize at byte i, t the next token's slot: returns the byte
 * at which to look again. */
static size_t tok_check(scratch *sc, const nf_span *sents, size_t ns, size_t i, tok **t, int **cw, unsigned *st,
			struct tok_rare *r)
{
	size_t nt = (size_t)(*t - sc->t), ncw = (size_t)(*cw - sc->capt);
	if (i >= r->send) {
		while (r->si < ns && i >= sents[r->si].end)
			r->si++, *st |= ST_LINE | ST_SSW;
		r->send = r->si < ns ? sents[r->si].end : SIZE_MAX;
		int ns1 = r->si < ns ? (int)r->si + 1 : (int)ns;
		if (ns1 != r->sent) {
			caps_sentence(sc, r->sa, nt, r->words, r->caps);
			title_sentence(sc, r->sa, nt);
			r->sa = nt, r->words = r->caps = 0;
			*st = ST_FIRST | ST_LINE | ST_SSW;
			r->sent = ns1;
		}
	}
	if (nt + TOK_ROOM > sc->tcap) {
		ent_grow((void **)&sc->t, &sc->tcap, nt + TOK_ROOM, sizeof *sc->t);
		ent_grow((void **)&sc->capt, &sc->capcap, sc->tcap, sizeof *sc->capt);
		*cw = sc->capt + ncw;
	}
	*t = sc->t + nt;
	size_t c = i + TOK_ROOM < r->send ? i + TOK_ROOM : r->send;
	return c < r->n ? c : r->n;
}

/* The tokens of s in sc->t. In the same pass: a word after an opening quote or bracket at a
 * sentence start is sentence-initial too, and punctuation at a sentence start carries the
 * mark so that the next token inherits it (the state st); sentences mostly in capitals are
 * headlines (T_CAPSENT), title-case ones T_TITLE. (Not inlined: inlined into nf_ner_run,
 * it makes the whole slower, 3M instructions more on 5 MB by callgrind.) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void tokenize(const nf_ner *ner, const char *s, size_t n, const nf_span *sents, size_t ns,
		     scratch *sc)
{
	sc->capsent = 0;
	sc->generic = 0;
	sc->nroles = 0;
	sc->scores = sc->sportkw = 0;
	struct tok_rare r = { .si = 0, .send = ns ? sents[0].end : SIZE_MAX, .n = n, .sent = ns ? 1 : (int)ns };
	/* a copy of the text with zero bytes after it: a word's scan stops at them (they are no
	 * letters), and the loop's end is found with the sentence check (chk <= n) */
	ent_grow((void **)&sc->pad, &sc->padcap, n + TOK_PAD, 1);
	memcpy(sc->pad, s, n);
	memset(sc->pad + n, 0, TOK_PAD);
	s = sc->pad;
	const unsigned char *ccls = ner->ccls;
	tok *t = sc->t;         /* the next token's slot */
	ent_grow((void **)&sc->capt, &sc->capcap, sc->tcap, sizeof *sc->capt);
	int *cw = sc->capt;     /* the next capitalised word's slot */
	unsigned st = ST_FIRST | ST_LINE | ST_SSW;
	int sent = r.sent;
	size_t chk = 0;         /* the next byte at which the sentence and the room are looked at */
	for (size_t i = 0;;) {
		unsigned char b = (unsigned char)s[i];
		unsigned cl = ccls[b];
		/* ASCII white space without decoding; the sentence index catches up below */
		if (cl & C_SPACE) {
			if (b == '\n')
				st |= ST_LINE | ST_SSW;
			i++;
			continue;
		}
		if (i >= chk) {
			if (i >= n)
				break;
			chk = tok_check(sc, sents, ns, i, &t, &cw, &st, &r);
			sent = r.sent;
		}
		if (cl & C_AN)
			goto word;      /* (most tokens: the word's tests first) */
		if (cl & C_PUNCT) {
			unsigned f = st_ptok(st);
			tok_put(t++, i, i + 1, f, (char)b, sent);
			st = st_punct(st, f, cl & C_OPEN);
			i += 1 + (s[i + 1] == ' ');     /* (", ": a space needs no look) */
			continue;
		}
		if (b >= 0xC2 && b <= 0xE2) {
			/* non-ASCII punctuation, as tok_slow makes it, in its common cases: U+2000-U+203F
			 * (quotes, dashes, spaces), U+20A0-U+20BF (currencies) and U+00A1-U+00BF but
			 * for the letters U+00AA, U+00B5 and U+00BA */
			unsigned char c2 = (unsigned char)s[i + 1], c3 = (unsigned char)s[i + 2];   /* 0 past the end */
			char c = 0;
			size_t k = 0;
			if (b == 0xE2 && c2 == 0x80 && (c3 & 0xC0) == 0x80)
				k = 3, c = c3 == 0x9C || c3 == 0x9D || c3 == 0x98 ? '"' : c3 == 0x99 ? '\'' : '~';
			else if (b == 0xE2 && c2 == 0x82 && c3 >= 0xA0 && c3 <= 0xBF)
				k = 3, c = '~';
			else if (b == 0xC2 && c2 >= 0xA1 && c2 <= 0xBF && c2 != 0xAA && c2 != 0xB5 && c2 != 0xBA)
				k = 2, c = '~';
			if (k) {
				unsigned f = st_ptok(st);
				tok_put(t++, i, i + k, f, c, sent);
				st = st_punct(st, f, 1);        /* " ' ~ are all C_OPEN */
				i += k + (s[i + k] == ' ');
				continue;
			}
		}
		if (cl & C_AN) {
		word:;
			/* ASCII words, the common case, in one pass; words that end in a hyphen, an
			 * ampersand, an apostrophe, non-ASCII or (capitalised, one letter) a period take
			 * the full path below */
			/* the first byte, then sixteen (or eight) bytes at a time while all are a-z */
			size_t q = i + 1;
			for (;;) {          /* (the zero bytes after the text stop it) */
#if defined(__SSE2__)
				/* bytes - ('a' + 128) < 26 - 128 (signed): a-z */
				__m128i v = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + q)),
							 _mm_set1_epi8((char)('a' + 128)));
				unsigned no = 0xFFFFu ^ (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8((char)(26 - 128))));
				if (no) {
					q += (size_t)__builtin_ctz(no);
					break;
				}
				q += 16;
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				uint64_t w = load8(s + q);
				uint64_t no = (w | (~(w + 0x1F1F1F1F1F1F1F1FULL)) | (w + 0x0505050505050505ULL)) &
					      0x8080808080808080ULL;
				if (no) {
					q += (size_t)__builtin_ctzll(no) / 8;
					break;
				}
				q += 8;
#else
				while (ccls[(unsigned char)s[q]] & C_LOW)
					q++;
				break;
#endif
			}
			/* the byte after the word (0 past the text's end, where the original had ' ';
			 * only sp below tells them apart, and the loop ends there anyway) */
			unsigned char e = (unsigned char)s[q];
			unsigned f = T_PLAIN | T_WORD;
			if (ccls[e] & C_AN) {
				/* "byAlya": the full path splits the glued word */
				if (q - i == 2 && b == 'b' && s[i + 1] == 'y')
					goto full;
				/* capitals or digits after the small letters: letters counted for T_ALLCAPS */
				int letters = (cl & (C_LOW | C_UP)) != 0, uppers = (cl & C_UP) != 0;
				letters += (int)(q - i - 1);
				for (;;) {
					unsigned c2 = ccls[(unsigned char)s[q]];
					if (!(c2 & C_AN))
						break;
					letters += (c2 & (C_LOW | C_UP)) != 0;
					uppers += (c2 & C_UP) != 0;
					q++;
				}
				e = (unsigned char)s[q];
				if ((cl & C_UP) && uppers == letters && letters >= 2)
					f |= T_ALLCAPS;
			}
			size_t j = q, skip = 0;     /* skip: a possessive's bytes after the word */
			if (ccls[e] & C_JOIN) {
				/* the common non-ASCII bytes after a word, as the full path reads them:
				 * U+2000-U+203F (closing quotes, dashes; ’s, a possessive that ends the
				 * word) and U+00A0-U+00BF but for the letters U+00AA, U+00B5 and U+00BA end
				 * it, and no token the full path makes of such a word is T_PLAIN */
				unsigned char c2 = (unsigned char)s[q + 1], c3 = (unsigned char)s[q + 2];   /* 0 past the end */
				if (e == 0xE2 && c2 == 0x80 && (c3 & 0xC0) == 0x80) {
					if (c3 == 0x99) {
						/* ’: a letter after it goes on with the word ("don’t") but for a
						 * possessive ’s, which needs no letter or digit after it (and
						 * what is not ASCII there, the full path reads) */
						unsigned char d = (unsigned char)s[q + 3], d2 = (unsigned char)s[q + 4];
						if (d >= 0x80)
							goto full;
						if (ccls[d] & (C_LOW | C_UP)) {
							if ((d | 32) != 's' || d2 >= 0x80 || (ccls[d2] & C_AN))
								goto full;
							f |= T_POSS;
							skip = 4;
						}
					}
				} else if (!(e == 0xC2 && c2 >= 0xA0 && c2 <= 0xBF && c2 != 0xAA && c2 != 0xB5 && c2 != 0xBA))
					goto full;
				f &= ~(unsigned)T_PLAIN;
			}
			if (e == '.' && (cl & C_UP)) {
				if (q - i == 1) {
					/* an initial, "J.", unless a dotted acronym goes on ("U.S.": the full
					 * path, as for what may be a non-ASCII letter after it) */
					unsigned char d = (unsigned char)s[q + 1];     /* 0 past the end */
					if (d >= 0x80 || ((ccls[d] & (C_LOW | C_UP)) && q + 2 < n && s[q + 2] == '.'))
						goto full;
					f &= ~(unsigned)T_PLAIN, j = q + 1;
				} else if (abbrev_with_period(s + i, q - i))
					f &= ~(unsigned)T_PLAIN, j = q + 1;   /* "Corp.": the period belongs to the name */
			}
			/* a plain ASCII word: flags, the lower-case filter and the lookup here */
			size_t sp = (e == ' ' && j == q) + skip;
			/* T_LOWER, T_CAP or T_NUM from C_LOW, C_UP or C_DIG */
			static const unsigned char tcl[8] = { [C_LOW] = T_LOWER, [C_UP] = T_CAP, [C_DIG] = T_NUM };
			f |= tcl[cl & C_AN];
			f |= st & ST_SSW;
			st = st_after_word(f);
			size_t wn = j - i;
			if ((f & T_LOWER) && !low_maybe_plain(ner, s + i, wn)) {
				tok_put(t++, i, j, f, 0, sent);
				r.words += wn >= 2;
				i = j + sp;     /* a space after the word needs no look */
				continue;
			}
			tok_put(t, i, j, f, 0, sent);
			if (wn > 16) {
				char kb[264];
				memset(kb, 0, 16);
				size_t kn = fold_hash(s + i, wn, n - i, kb, sizeof kb, &t->fh);
				tok_lookup(ner, sc, t, kb, kn, load8(kb), load8(kb + 8));
			} else {
				/* fold_hash of an ASCII word of up to 16 bytes, in registers: its two words
				 * read whole (the padding may be read) and cut to its length by a mask, not
				 * by tests of the length that go either way */
				static const uint64_t km[17][2] = { { 0, 0 }, { 0xFF, 0 }, { 0xFFFF, 0 },
					{ 0xFFFFFF, 0 }, { 0xFFFFFFFF, 0 }, { 0xFFFFFFFFFFull, 0 },
					{ 0xFFFFFFFFFFFFull, 0 }, { 0xFFFFFFFFFFFFFFull, 0 }, { ~0ull, 0 },
					{ ~0ull, 0xFF }, { ~0ull, 0xFFFF }, { ~0ull, 0xFFFFFF }, { ~0ull, 0xFFFFFFFF },
					{ ~0ull, 0xFFFFFFFFFFull }, { ~0ull, 0xFFFFFFFFFFFFull },
					{ ~0ull, 0xFFFFFFFFFFFFFFull }, { ~0ull, ~0ull } };
				uint64_t k0 = lower8(load8(s + i) & km[wn][0]), k1 = lower8(load8(s + i + 8) & km[wn][1]);
				t->fh = ent_hash16(wn, k0, k1);
				tok_lookup(ner, sc, t, NULL, wn, k0, k1);
			}
			i = j + sp;
			/* count_word's counts (a plain number has no score's hyphen) and the list of
			 * capitalised words, as sums, not tests: what the word is goes either way */
			_Static_assert(T_NUM == 16 && T_ALLCAPS == 4 && T_LOWER == 8 && T_CAP == 2 && W_SPORT == 1 << 16,
				       "tokenize's counts");
			r.words += (wn >= 2) & ~(f >> 4);
			r.caps += f >> 2 & 1;              /* (two letters or more; never T_NUM) */
			sc->sportkw += t->wf >> 16 & f >> 3 & 1;
			if (t->wf & (W_ROLE | W_ROLEMOD | W_GENERIC))
				tok_mark(sc, t);
			*cw = (int)(t - sc->t);        /* (room for every token: tok_check) */
			cw += f >> 1 & 1;
			t++;
			continue;
		}
	full:
		{
			int made = 1;
			*t = (tok){ .s = (uint32_t)i, .sent = sent };
			i = tok_slow(ner, sc, s, n, i, t, (st & ST_LINE) != 0, &made);
			if (!made)
				continue;
			if (t->f & T_WORD) {
				t->f |= (uint16_t)(st & ST_SSW);
				st = st_after_word(t->f);
			} else {
				t->f |= (uint16_t)st_ptok(st);
				st = st_punct(st, t->f, (ccls[(unsigned char)t->c] & C_OPEN) != 0);
			}
		}
		count_word(sc, s, t, &r.words, &r.caps);
		if (t->wf & (W_ROLE | W_ROLEMOD | W_GENERIC))
			tok_mark(sc, t);
		if ((t->f & (T_WORD | T_CAP)) == (T_WORD | T_CAP))
			*cw++ = (int)(t - sc->t);
		t++;
	}
	sc->nt = (size_t)(t - sc->t);
	sc->ncapt = (size_t)(cw - sc->capt);
	caps_sentence(sc, r.sa, sc->nt, r.words, r.caps);
	title_sentence(sc, r.sa, sc->nt);
}

#define TW(i) (sc->t[i].wf)

/* The word of token i, or NULL. */
static inline const word_info *tok_w(const scratch *sc, int i)
{
	uint32_t v = sc->t[i].wv;
	return v ? &sc->ner->wi[v - 1] : NULL;
}

static int tok_is(const char *text, const tok *t, const char *w)
{
	if (text[t->s] != w[0])
		return 0;
	size_t n = strlen(w);
	return t->e - t->s == n && memcmp(text + t->s, w, n) == 0;
}

static inline cand *cand_add(scratch *sc, int a, int b, int type)
{
	ent_grow((void **)&sc->c, &sc->ccap, sc->nc + 1, sizeof *sc->c);
	cand *c = &sc->c[sc->nc++];
	/* a name begins and ends with a word: rules that drop a first word ("Lord & Taylor" at a
	 * sentence start) must not leave the "&" or an honorific's period to lead it */
	int a0 = a, b0 = b, drop = 0;
	while (a < b && !(sc->t[a].f & T_WORD))
		a++;
	while (b > a && !(sc->t[b - 1].f & T_WORD))
		b--;
	if (a == b) {   /* no word at all: dropped, its span left inside the tokens */
		a = a0;
		b = b0 > a0 ? b0 : a0 + 1;
		drop = 1;
	}
	/* (the other fields zero, written as one) */
	*c = (cand){ .a = a, .b = b, .type = type, .role_a = -1, .role_b = -1, .cl = -1, .drop = drop, .ev = -1 };
	return c;
}

/* Looks tokens [a, b) up as one name. */
static const gz_entry *gaz_span_key(const nf_ner *ner, const char *text, const scratch *sc, int a, int b,
				     int exact, int maybe);

/* An answer of gaz_span_key to a key of 16 bytes or less: the names of news repeat, within a
 * document and across documents ("U.S.", a company named twenty times). tag: the key's length,
 * exact, maybe and one-token bits, and a bit that the entry is in use. */
struct gzmemo { uint64_t k0, k1; const gz_entry *e; uint32_t tag; };
#define GZMEMO_BITS 12

/* The memo slot of the key of kn bytes (1 to 16) at k, read into k0, k1; k points into sc->text
 * (the bytes left are counted from it: every gaz_span caller passes nf_ner_run's text). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline struct gzmemo *gz_slot(const scratch *sc, const char *k, size_t kn, uint64_t *k0, uint64_t *k1)
{
	load16(k, kn, sc->len - (size_t)(k - sc->text), k0, k1);
	return &sc->gzm[(*k0 * 0x9E3779B97F4A7C15ULL ^ (*k1 + kn) * 0xD6E8FEB86659FD93ULL) >> (64 - GZMEMO_BITS)];
}

static inline uint32_t gz_tag(size_t kn, int exact, int maybe, int one)
{
	return (uint32_t)kn | (uint32_t)exact << 8 | (uint32_t)maybe << 9 | (uint32_t)one << 10 | 1u << 11;
}

/* The gazetteer entry of tokens [a, b) (gaz_find), or NULL; the spans that cannot be one are
 * answered here, inline, without building a key. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline const gz_entry *gaz_span(const nf_ner *ner, const char *text, const scratch *sc, int a, int b, int exact)
{
	int maybe = (sc->t[a].wf & W_GAZFIRST) && (sc->t[b - 1].wf & W_GAZLAST);
	if (!maybe && (!(exact && b - a == 1) || (sc->t[a].f & T_PLAIN)))
		return NULL;
	size_t kn = sc->t[a].e - sc->t[a].s;
	if (b - a == 1 && kn - 1 < 16) {
		uint64_t k0, k1;
		const struct gzmemo *m = gz_slot(sc, text + sc->t[a].s, kn, &k0, &k1);
		if (m->tag == gz_tag(kn, exact, maybe, 1) && m->k0 == k0 && m->k1 == k1)
			return m->e;
	}
	return gaz_span_key(ner, text, sc, a, b, exact, maybe);
}

enum { GAZ_KMAX = 512 };        /* the longest gazetteer key looked up, with 2 to spare */

/* gaz_span_key's lookups of the key k of kn bytes, when the memo does not have them. */
#if defined(__GNUC__)
__attribute__((noinline))   /* its buffers would slow the memo's answers down */
#endif
static const gz_entry *gaz_key_find(const nf_ner *ner, const char *text, const scratch *sc, int a, int b,
				    int exact, int maybe, const char *k, size_t kn)
{
	const gz_entry *e = NULL;
	if (!maybe) {
		/* only the stray-apostrophe lookup below is left */
		uint32_t q = sc->t[a].s;
		while (q < sc->t[a].e && text[q] != '\'' && (unsigned char)text[q] != 0xE2)
			q++;
		if (q == sc->t[a].e)
			return NULL;
	} else
		e = gaz_find(ner, k, kn, exact, -1);
	if (!e && kn > 4 && kn < GAZ_KMAX - 8 && k[0] == 'S' && k[1] == 't' && k[2] == '.' && k[3] == ' ') {
		/* "St. Louis" as "Saint Louis" */
		char d[GAZ_KMAX];   /* (kn + 2 < GAZ_KMAX) */
		memcpy(d, "Saint", 5);
		memcpy(d + 5, k + 3, kn - 3);
		e = gaz_find(ner, d, kn + 2, exact, -1);
	}
	int apos = !maybe;          /* (found above) */
	for (size_t i = 0; !e && exact && b - a == 1 && !apos && i < kn; i++)
		apos = k[i] == '\'' || (unsigned char)k[i] == 0xE2;
	if (!e && exact && b - a == 1 && apos) {
		/* a stray apostrophe inside a word: "Ital'y" */
		char d[512];
		size_t dn = 0;
		for (size_t i = 0; i < kn; i++) {
			if (k[i] == '\'')
				continue;
			if ((unsigned char)k[i] == 0xE2 && i + 2 < kn && (unsigned char)k[i + 1] == 0x80 &&
			    (unsigned char)k[i + 2] == 0x99) {
				i += 2;
				continue;
			}
			d[dn++] = k[i];
		}
		if (dn != kn)
			e = gaz_find(ner, d, dn, 1, -1);
	}
	return e;
}

static const gz_entry *gaz_span_key(const nf_ner *ner, const char *text, const scratch *sc, int a, int b,
				     int exact, int maybe)
{
	/* the key: the words joined by single spaces, which is the text itself, read in place */
	const char *k = text + sc->t[a].s;
	size_t kn = sc->t[b - 1].e - sc->t[a].s;
	if (kn + 1 + (b - a == 1) >= GAZ_KMAX)   /* (a space fewer for a name of words) */
		return NULL;
	for (int i = a + 1; i < b; i++) {
		const tok *t = &sc->t[i];
		/* tokens must be separated by one space only */
		if (t->s != sc->t[i - 1].e + 1 || text[t->s - 1] != ' ')
			return NULL;
		if (sc->t[i - 1].f & T_POSS)
			return NULL;
	}
	if (kn - 1 >= 16)
		return gaz_key_find(ner, text, sc, a, b, exact, maybe, k, kn);
	uint64_t k0, k1;
	uint32_t tag = gz_tag(kn, exact, maybe, b - a == 1);
	struct gzmemo *m = gz_slot(sc, k, kn, &k0, &k1);
	if (m->tag == tag && m->k0 == k0 && m->k1 == k1)
		return m->e;
	m->k0 = k0;
	m->k1 = k1;
	m->e = gaz_key_find(ner, text, sc, a, b, exact, maybe, k, kn);
	m->tag = tag;
	return m->e;
}

static int is_country_like(const gz_entry *e)
{
	return e && ((e->type == NF_GPE && (e->kind == K_COUNTRY || e->kind == K_CAPITAL)) ||
		     e->type == NF_NORP || (e->type == NF_ORG && e->kind != K_METONYM && e->ntok <= 2));
}

static int role_tok(const scratch *sc, int i)
{
	return (TW(i) & (W_ROLE | W_ROLEMOD)) && (sc->t[i].f & T_WORD);
}

/* The words whose lists say something of the names next to them, found by ctx_of. */
static const char *const w_said[] = { "said", "says", "told", "added", "stated", "insisted", "explained",
	"noted", "wrote", "asked", "replied", "tweeted", "argued", "warned", "admitted", "denied", NULL };
static const char *const w_prep[] = { "in", "at", "near", "outside", "into", "across", "towards",
	"toward", "around", "via", "throughout", NULL };
static const char *const w_sport_next[] = { "beat", "beats", "drew", "v", "vs",
	"defeated", "edged", "routed", "thrashed", "trounced", "crushed", "downed", "blanked", NULL };
static const char *const w_sport_prev[] = { "v", "vs", "beat", "defeated", "edged", "thrashed",
	"routed", "downed", NULL };
static const char *const w_toward[] = { "to", "from", "in", "at", "near", "outside", "into", NULL };
static const char *const w_placeof[] = { "city", "town", "village", "province", "region", "capital",
	"district", "suburb", "port", "island", "state", "county", "area", "outskirts", NULL };
static const char *const w_scorer[] = { "b", "c", "st", "lbw", NULL };
static const char *const w_org_next[] = { "shares", "share", "stock", "spokesman", "spokeswoman",
	"spokesperson", "officials", "executives", "chairman", "subsidiary", "unit", "shareholders",
	"management", "newspaper", "fans", "players", "coach", "stake", "subsidiaries", "affiliate", NULL };
static const char *const w_org_prev[] = { "newspaper", "agency", "club", "company", "firm", "daily",
	"carrier", "airline", "bank", "side", "team", "group", "weekly", "broker", "insurer", "retailer",
	"automaker", "maker", "conglomerate", "brokerage", "chain", "operator", "champions", NULL };
/* verbs and auxiliaries after a capital that make it stand for its government */
static const char *const w_metonym[] = { "has", "have", "had", "is", "was", "says", "said", "will", "would",
	"wants", "wanted", "accused", "rejected", "insists", "insisted", "denied", "denies", "warned",
	"warns", "announced", "responded", "refused", "agreed", "demanded", "claimed", "argued",
	"believes", "can", "could", "may", "must", "should", "did", "does", "hopes", "plans",
	"threatened", "condemned", "called", "urged", "signalled", "signaled", "sees", "views",
	"considers", "welcomed", "blamed", "sent", "imposed", "expelled", "summoned", NULL };
#define CTX_ARRAY(x, list) [x] = list,
static const char *const *const ctx_lists[X_NLISTS] = { CTX_LISTS(CTX_ARRAY) };
#undef CTX_ARRAY

static void build_ctx(nf_ner *ner)
{
	for (int l = 0; l < X_NLISTS; l++)
		for (int k = 0; ctx_lists[l][k]; k++) {
			const char *w = ctx_lists[l][k];
			size_t n = strlen(w);
			*ftab_slot(&ner->fctx, &ner->store, w, n) |= 1u << l;
			ner->ctxlen[w[0] - 'a'] |= 1u << n;     /* (lower-case words of 31 bytes or less) */
		}
}

/* The ctx_of bit of a list, or 0; inline, so that it is a constant where the list is one. */
static inline unsigned list_bit(const char *const *list)
{
#define CTX_BIT(x, l) list == l ? 1u << x :
	return CTX_LISTS(CTX_BIT) 0;
#undef CTX_BIT
}

/* The lists token i is (exactly) a word of, once per token. */
static unsigned ctx_of(const scratch *sc, int i)
{
	tok *t = (tok *)&sc->t[i];      /* the cache is the scratch's own */
	if (!(t->f & T_CTX)) {
		size_t n = t->e - t->s;
		unsigned c0 = (unsigned char)sc->text[t->s] - (unsigned)'a';
		if (t->f & (T_CAP | T_NUM))
			t->ctx = 0;     /* the lists are of lower-case words: none starts so */
		else if (c0 >= 26 || n >= 32 || !(sc->ner->ctxlen[c0] >> n & 1))
			t->ctx = 0;     /* no word of the lists has its first letter and length */
		else if (n - 1 < 16) {
			/* the key in registers, as the tokenizer looks words up */
			uint64_t k0, k1;
			load16(sc->text + t->s, n, sc->len - t->s, &k0, &k1);
			const fslot *e = ftab_get_k(&sc->ner->fctx, ent_hash16(n, k0, k1), n, k0, k1);
			t->ctx = e ? (uint16_t)e->v : 0;
		} else
			t->ctx = (uint16_t)ftab_get_h(&sc->ner->fctx, ent_hash(sc->text + t->s, n), sc->text + t->s, n);
		t->f |= T_CTX;
	}
	return t->ctx;
}

/* Is token t one of the (lower-case) words of list, in any case? */
static int word_in_any_case(const char *text, const tok *t, const char *const *list)
{
	size_t tn = t->e - t->s;
	for (int k = 0; list[k]; k++) {
		const char *w = list[k];
		size_t i = 0;
		while (i < tn && w[i] && (text[t->s + i] | 32) == w[i])
			i++;
		if (i == tn && !w[i])
			return 1;
	}
	return 0;
}

/* Verbs and auxiliaries after a capital that make it stand for its government. */
static int metonym_next(const char *text, const scratch *sc, int i)
{
	(void)text;
	if (sc->t[i].f & T_POSS)
		return 1;
	if ((size_t)i + 1 >= sc->nt || !(sc->t[i + 1].f & T_WORD))
		return 0;
	return (ctx_of(sc, i + 1) & (1u << X_METONYM)) != 0;
}

/* Sets a candidate from a gazetteer entry. */
static void cand_gaz(cand *c, const gz_entry *g)
{
	c->g = g;
	c->type = g->type;
	if (g->type == T_MISC) {
		c->type = NF_ORG;
		c->drop = 1;
	}
}

static inline int next_word_in_bit(const char *text, const scratch *sc, int b, const char *const *list, unsigned bit)
{
	if ((size_t)b >= sc->nt || !(sc->t[b].f & T_WORD) || (sc->t[b - 1].f & T_POSS))
		return 0;
	if (bit)
		return (ctx_of(sc, b) & bit) != 0;
	const tok *t = &sc->t[b];
	char c0 = text[t->s];
	for (int k = 0; list[k]; k++)
		if (list[k][0] == c0 && tok_is(text, t, list[k]))
			return 1;
	return 0;
}

static int prev_word_in_bit(const char *text, const scratch *sc, int a, const char *const *list, unsigned bit)
{
	if (a < 1 || !(sc->t[a - 1].f & T_WORD))
		return 0;
	const tok *t = &sc->t[a - 1];
	/* headlines in capitals ("KANSAS CITY AT DETROIT") and line starts ("At Leeds:") match
	 * in any case */
	int any = (t->f & T_CAPSENT) || ((t->f & T_SSTART) && (t->f & T_CAP));
	if (any)
		bit = 0;
	if (bit)
		return (ctx_of(sc, a - 1) & bit) != 0;
	char c0 = text[t->s], c1 = (char)(c0 | 32);
	size_t tn = t->e - t->s;
	for (int k = 0; list[k]; k++) {
		const char *w = list[k];
		if (w[0] != c0 && !(any && w[0] == c1))
			continue;
		size_t n = strlen(w);
		if (n != tn)
			continue;
		if (memcmp(text + t->s, w, n) == 0)
			return 1;
		if (any) {
			size_t i = 0;
			while (i < n && (text[t->s + i] | 32) == w[i])
				i++;
			if (i == n)
				return 1;
		}
	}
	return 0;
}

/* Is the word after tokens [., b) / before [a, .) one of list? (its ctx_of bit found at compile time) */
static inline int next_word_in(const char *text, const scratch *sc, int b, const char *const *list)
{
	return next_word_in_bit(text, sc, b, list, list_bit(list));
}

static inline int prev_word_in(const char *text, const scratch *sc, int a, const char *const *list)
{
	return prev_word_in_bit(text, sc, a, list, list_bit(list));
}


/* "CHICAGO AT TORONTO": fixtures name the places. */
static int at_next(const char *text, const scratch *sc, int b)
{
	if ((size_t)b >= sc->nt || !(sc->t[b].f & T_WORD) || sc->t[b].e - sc->t[b].s != 2)
		return 0;
	const char *w = text + sc->t[b].s;
	return (w[0] == 'A' || w[0] == 'a') && (w[1] == 'T' || w[1] == 't') && (sc->t[b].f & T_CAPSENT);
}

/* A town or state named as a sports team: "Surrey beat Kent", "Boston 3". */
static int team_context(const char *text, const scratch *sc, int a, int b)
{
	if ((size_t)b < sc->nt && (sc->t[b].f & T_NUM) && sc->t[b].e - sc->t[b].s <= 3 &&
	    !(sc->t[b - 1].f & T_POSS) && sc->t[b].s == sc->t[b - 1].e + 1 && text[sc->t[b - 1].e] == ' ')
		return 1;
	return next_word_in(text, sc, b, w_sport_next) || prev_word_in(text, sc, a, w_sport_prev);
}

/* "Jansher (Pakistan)": a player and his country in results. */
static const gz_entry *paren_country(const nf_ner *ner, const char *text, const scratch *sc, int b)
{
	if ((size_t)b + 2 >= sc->nt || sc->t[b].c != '(')
		return NULL;
	int k = b + 1;
	while ((size_t)k < sc->nt && (sc->t[k].f & T_WORD) && k < b + 4)
		k++;
	if ((size_t)k >= sc->nt || sc->t[k].c != ')' || k == b + 1)
		return NULL;
	const gz_entry *e = gaz_span(ner, text, sc, b + 1, k, 1);
	return e && e->type == NF_GPE && e->kind == K_COUNTRY ? e : NULL;
}

#ifndef UNKNOWN_SINGLE
#define UNKNOWN_SINGLE NF_ORG
#endif

/* The type the words around tokens [a, b) give a name, or -1. */
static int context_type(const nf_ner *ner, const char *text, const scratch *sc, int a, int b)
{
	/* the lists the words after and before are in, once (next_word_in, prev_word_in; a
	 * capitalised word before is read in any case by prev_word_in itself) */
	unsigned nx = (size_t)b >= sc->nt || !(sc->t[b].f & T_WORD) || (sc->t[b - 1].f & T_POSS) ? 0 : ctx_of(sc, b);
	int pany = 0;
	unsigned pv = 0;
	if (a >= 1 && (sc->t[a - 1].f & T_WORD)) {
		const tok *p = &sc->t[a - 1];
		pany = (p->f & T_CAPSENT) || ((p->f & T_SSTART) && (p->f & T_CAP));
		if (!pany)
			pv = ctx_of(sc, a - 1);
	}
#define PREV_IN(list) (pany ? prev_word_in(text, sc, a, list) : (pv & list_bit(list)) != 0)
	if ((nx & 1u << X_SAID) || paren_country(ner, text, sc, b) || PREV_IN(w_scorer))
		return NF_PER;
	/* "Smith, 68, said" */
	if ((size_t)b + 2 < sc->nt && sc->t[b].c == ',' && (sc->t[b + 1].f & T_NUM) &&
	    sc->t[b + 1].e - sc->t[b + 1].s == 2 && sc->t[b + 2].c == ',')
		return NF_PER;
	if (PREV_IN(w_sport_prev) || (nx & (1u << X_SPORT_NEXT | 1u << X_ORG_NEXT)) || PREV_IN(w_org_prev))
		return NF_ORG;
	if ((sc->t[b - 1].f & T_POSS) && (size_t)b < sc->nt && (sc->t[b].f & T_WORD) &&
	    (ctx_of(sc, b) & (1u << X_ORG_NEXT)))
		return NF_ORG;      /* "Ruch's shares" */
	if (PREV_IN(w_prep))
		return NF_GPE;
#undef PREV_IN
	if (a >= 2 && tok_is(text, &sc->t[a - 1], "of") && prev_word_in(text, sc, a - 1, w_placeof))
		return NF_GPE;
	/* "Arbil, Iraq" */
	if ((size_t)b + 1 < sc->nt && sc->t[b].c == ',' && !(sc->t[b - 1].f & T_POSS)) {
		const gz_entry *e = gaz_span(ner, text, sc, b + 1, b + 2, 1);
		if (e && e->type == NF_GPE && (e->kind == K_COUNTRY || e->kind == K_STATE || e->kind == K_OTHER))
			return NF_GPE;
	}
	return -1;
}

/* "G7", "MI6", "F16": capitals then digits */
static int uppers_then_digits(const char *text, const tok *t)
{
	uint32_t i = t->s;
	while (i < t->e && text[i] >= 'A' && text[i] <= 'Z')
		i++;
	if (i == t->s)
		return 0;
	while (i < t->e && text[i] >= '0' && text[i] <= '9')
		i++;
	return i == t->e;
}

/* A dotted acronym of three letters or more ("S.E.C.", "F.B.I."): an organisation unless
 * the gazetteer knows it as a place ("U.S.", which is looked up before). */
static int dotted_acronym(const char *text, const tok *t)
{
	size_t n = t->e - t->s;
	if (n < 6 || n % 2)
		return 0;
	for (size_t i = t->s; i < t->e; i += 2)
		if (text[i] < 'A' || text[i] > 'Z' || text[i + 1] != '.')
			return 0;
	return 1;
}

/* Classifies the name tokens [a, b) that no title or gazetteer explained. */
static void classify_rest(const nf_ner *ner, const char *text, scratch *sc, int a, int b)
{
	int n = b - a;
	unsigned fl = TW(a), fb = TW(b - 1);
	const tok *t = &sc->t[a];
	/* the words around are read only where a type is chosen: most single words return first */
#define SAID() next_word_in(text, sc, b, w_said)
#define PREP() prev_word_in(text, sc, a, w_prep)
	int type;
	if (n == 1 && dotted_acronym(text, t)) {
		/* "the S.E.C. said": the cue says nothing of a person here */
		cand *c = cand_add(sc, a, b, NF_ORG);
		c->soft = 1;
		c->ev = context_type(ner, text, sc, a, b);
		if (c->ev == NF_PER)
			c->ev = NF_ORG;
		if (c->ev >= 0)
			c->type = c->ev;
		return;
	}
	if (n == 1) {
		size_t l = t->e - t->s;
		for (size_t i = t->s; !(t->f & T_PLAIN) && i < t->e; i++)
			if (text[i] == '\'' || (unsigned char)text[i] == 0xE2)
				return;          /* contractions: "I'm", "We're" (never in a plain word) */
		if ((fl & W_COMMON) && !(fl & (W_FIRST | W_LAST)) && !(t->f & T_ALLCAPS))
			return;              /* a capitalised common word: likely not a name */
		if ((fl & W_COMMON) && (fl & (W_FIRST | W_LAST)) && !(t->f & T_ALLCAPS)) {
			cand_add(sc, a, b, NF_PER)->weak = 1;
			return;
		}
		const char *e = text + t->e;
		int digits = 0;
		for (size_t i = t->s; i < t->e; i++)
			digits += text[i] >= '0' && text[i] <= '9';
		if (digits && !((t->f & T_ALLCAPS) || uppers_then_digits(text, t)))
			return;              /* "Under-21", "C-4" */
		if (l > 3 && e[-1] == 's') {
			/* plural demonyms: "Azeris", "Koreans" */
			const gz_entry *sg = gaz_find(ner, text + t->s, l - 1, 1, NF_NORP);
			if (sg && sg->type == NF_NORP) {
				cand_gaz(cand_add(sc, a, b, NF_NORP), sg);
				return;
			}
		}
		if (SAID() || paren_country(ner, text, sc, b))
			type = NF_PER;
		else if (!(fl & W_FIRST) && PREP())
			type = NF_LOC;
		else if (fl & (W_FIRST | W_LAST))
			type = NF_PER;
		else if ((t->f & T_ALLCAPS) && l <= 6)
			type = NF_ORG;
		else if (l > 4 && !(t->f & T_ALLCAPS) && (((size_t)b < sc->nt && (sc->t[b].f & T_LOWER) &&
			 (memcmp(e - 3, "ish", 3) == 0 || memcmp(e - 3, "ese", 3) == 0 || memcmp(e - 3, "ian", 3) == 0 ||
			  memcmp(e - 3, "ean", 3) == 0)) || (l > 5 && (memcmp(e - 4, "ians", 4) == 0 || memcmp(e - 4, "eans", 4) == 0))))
			type = NF_NORP;     /* "Zairean troops", "Ivorians" */
		else
			type = UNKNOWN_SINGLE;
	} else if (sc->t[b - 1].e - sc->t[b - 1].s == 1 && sc->t[a].e - sc->t[a].s == 1)
		return;                  /* "A N", "D L G": letters, not names */
	else if (fb & W_ORGSUF)
		type = NF_ORG;
	else if ((fl & W_ORGHEAD) && n >= 3)
		type = NF_ORG;
	else if (fb & W_LOCSUF)
		type = NF_LOC;
	else if ((fl & W_FIRST) || SAID() || paren_country(ner, text, sc, b))
		type = NF_PER;
	else if (PREP())
		type = NF_LOC;
	else {
		int common = 0, allcaps = 0;
		for (int i = a; i < b; i++) {
			common += (TW(i) & W_COMMON) && !(TW(i) & (W_FIRST | W_LAST));
			allcaps += (sc->t[i].f & T_ALLCAPS) != 0;
		}
		type = (common || allcaps) ? NF_ORG : NF_PER;
		if (n > 4)
			type = NF_ORG;
	}
	cand *c = cand_add(sc, a, b, type);
	c->soft = n == 1 || type != NF_PER || !(fl & W_FIRST);
	c->ev = context_type(ner, text, sc, a, b);
	if (c->ev >= 0)
		c->type = c->ev;
#undef SAID
#undef PREP
}

/* "New York-based", "Hong Kong-listed": a name with a lower-case hyphenated ending. */
static int hyphen_adjective_scan(const char *text, const tok *l)
{
	for (uint32_t i = l->s; i + 1 < l->e; i++)
		if (text[i] == '-' && text[i + 1] >= 'a' && text[i + 1] <= 'z') {
			uint32_t k = i + 1;
			while (k < l->e && ((text[k] >= 'a' && text[k] <= 'z') || text[k] == '-'))
				k++;
			if (k == l->e)
				return 1;
		}
	return 0;
}

static inline int hyphen_adjective(const char *text, const tok *l)
{
	return !(l->f & T_PLAIN) && hyphen_adjective_scan(text, l);   /* (plain: letters and digits only) */
}

/* Does a gazetteer name of two tokens or more start at a ("New York Energy Desk")? */
static int gaz_prefix(const nf_ner *ner, const char *text, const scratch *sc, int a, int b)
{
	if (!(sc->t[a].wf & W_GAZFIRST))
		return 0;
	for (int q = b; q >= a + 2; q--)
		if (gaz_span(ner, text, sc, a, q, 1))
			return 1;
	return 0;
}

/* Do capitalised words from a end in an organisation designator followed by a role, within
 * [a, b) ("Democratic National Committee Chair X": the first word names the organisation)? */
static int org_then_role(const scratch *sc, int a, int b)
{
	for (int k = a + 1; k + 2 < b && k < a + 6; k++) {
		if (!(sc->t[k].f & T_CAP) || (sc->t[k - 1].f & T_POSS))
			return 0;
		if ((TW(k) & W_ORGSUF) && !(TW(k) & W_ROLE) && role_tok(sc, k + 1))
			return 1;
	}
	return 0;
}

/* Splits a chunk of capitalised tokens [a, b) into mentions. */
static void analyse(const nf_ner *ner, const char *text, scratch *sc, int a, int b)
{
	/* a sentence-initial common word or a non-name word is not part of a name, unless an
	 * ampersand joins it to the next ("Fox & Friends", "Lord & Taylor") */
	while (a < b) {
		const tok *t = &sc->t[a];
		unsigned fl = TW(a);
		if (b - a >= 3 && !(sc->t[a + 1].f & T_WORD) && sc->t[a + 1].c == '&' && (t->f & T_CAP) &&
		    (sc->t[a + 2].f & T_CAP))
			break;
		if ((fl & W_NONNAME) && !((fl & W_HONOR) && b - a >= 2)) {
			a++;
			continue;
		}
		if (tok_is(text, t, "The") && !gaz_span(ner, text, sc, a, b, 1)) {
			a++;
			continue;
		}
		if (b - a >= 2 && (hyphen_adjective(text, t) || ((t->f & T_LOWER) && !(fl & W_PARTICLE)))) {
			a++;             /* "Boston-based Reagan Communications", a connector left over */
			continue;
		}
		if ((t->f & T_SSTART) && (fl & W_COMMON) && !(t->f & T_ALLCAPS) &&
		    !(fl & (W_ROLE | W_HONOR | W_ORGHEAD | W_LOCHEAD)) && !(b - a == 1 && (fl & W_LAST)) &&
		    !((fl & W_ROLEMOD) && b - a >= 2 && role_tok(sc, a + 1) && (sc->t[a + 1].f & T_CAP)) &&
		    !(b - a >= 2 && (TW(a + 1) & (W_ORGSUF | W_LOCSUF)) && !(TW(a + 1) & W_ROLE)) &&
		    !(b - a >= 4 && (TW(b - 1) & W_ORGSUF) && tok_is(text, &sc->t[a + 2], "of")) &&
		    !gaz_span(ner, text, sc, a, a + 1, 1) && !gaz_prefix(ner, text, sc, a, b) &&
		    !org_then_role(sc, a, b) &&
		    !((fl & W_FIRST) && b - a >= 2 && ((TW(a + 1) & W_LAST) || !(TW(a + 1) & W_COMMON)) &&
		      !word_in_any_case(text, t, w_prep))) {
			a++;             /* "In Lund, ...": a preposition, not the first name "In" */
			continue;
		}
		break;
	}
	for (;;) {
		/* trailing dates and connectors: "Chicago Purchasing Managers August", "... on" */
		if (b > a && (TW(b - 1) & W_NONNAME) && (!(TW(b - 1) & (W_FIRST | W_LAST)) || b - a >= 3))
			b--;
		else if (b > a + 1 && (sc->t[b - 1].f & T_LOWER))
			b--;
		else
			break;
	}
	if (a >= b)
		return;
	const gz_entry *g = gaz_span(ner, text, sc, a, b, 1);
	if (g && g->type != NF_PER) {
		if ((g->type == NF_GPE || g->type == NF_LOC) && g->kind != K_COUNTRY && team_context(text, sc, a, b)) {
			cand *c = cand_add(sc, a, b, NF_ORG);
			c->soft = 1;
			c->ev = NF_ORG;
			return;
		}
		if (b - a == 1 && g->kind == K_CITY && (TW(a) & W_COMMON) && (sc->t[a].f & T_SSTART) &&
		    !prev_word_in(text, sc, a, w_prep))
			return;        /* "Police said", "Reading is" at a sentence start */
		cand *c = cand_add(sc, a, b, g->type);
		cand_gaz(c, g);
		if ((g->type == NF_GPE || g->type == NF_LOC) && g->kind != K_COUNTRY) {
			c->soft = 1;
			c->ev = prev_word_in(text, sc, a, w_prep) || at_next(text, sc, b) ? g->type : -1;
		}
		return;
	}
	/* "New York-based", "Hong Kong-listed": adjectives, not names */
	if (hyphen_adjective(text, &sc->t[b - 1]))
		return;
	/* "Main St.": a street (the honorific "St." starts names, it does not end them) */
	if (b - a >= 2 && (tok_is(text, &sc->t[b - 1], "St.") || tok_is(text, &sc->t[b - 1], "St")) &&
	    !(sc->t[b - 2].f & T_POSS)) {
		cand_add(sc, a, b, NF_LOC);
		return;
	}
	/* events and prizes are not entities: "World Cup", "Australian Open" */
	if (b - a >= 2 && (TW(b - 1) & W_MISCSUF) && (sc->t[b - 1].f & T_CAP))
		return;
	/* title: [country or demonym] [role words] name */
	int p = a;
	const gz_entry *aff = NULL;
	/* a known organisation of several words before a role is no country's title
	 * ("Republican National Committee Chairman X", not "Republican" + "National ...") */
	int org_first = 0;
	/* the role flags of the words after the first: the three searches below want one there */
	unsigned roles = 0;
	for (int q = a + 1; q < b; q++)
		roles |= TW(q);
	roles &= W_ROLE | W_ROLEMOD;
	for (int q = (b - a > 6 ? a + 6 : b - 1); roles && q >= a + 2 && !org_first; q--) {
		if (!role_tok(sc, q) || !(sc->t[q].f & T_CAP))
			continue;
		int r = q;
		while (r < b && role_tok(sc, r))
			r++;
		if (r >= b)
			continue;        /* a name must follow ("Fox News Chairman and CEO" has none) */
		const gz_entry *e = gaz_span(ner, text, sc, a, q, 1);
		org_first = e && e->type == NF_ORG && !is_country_like(e);
	}
	for (int q = (b - a > 4 ? a + 4 : b - 1); roles && q > a && !org_first; q--) {
		if (!role_tok(sc, q) || !(sc->t[q].f & T_CAP))
			continue;        /* (tested first: the look-up costs more) */
		const gz_entry *e = gaz_span(ner, text, sc, a, q, 1);
		if (is_country_like(e)) {
			aff = e;
			p = q;
			break;
		}
	}
	/* "Cofinec CEO Stephen Frater", "Boxing Association President Ramon Manzanares": an
	 * organisation, a role head, and a name with a first name */
	if (!aff && b - a >= 3 && (roles & W_ROLE) && !(TW(a) & W_ROLE)) {
		for (int q = a + 1; q + 1 < b; q++) {
			if (!((TW(q) & W_ROLE) && (sc->t[q].f & T_CAP)))
				continue;
			int r2 = q;
			while (r2 < b && role_tok(sc, r2) && (sc->t[r2].f & T_CAP))
				r2++;
			if (r2 >= b || (sc->t[r2].f & T_ALLCAPS))
				break;
			/* a known first name, or two name-like words after a known organisation or a
			 * designator ("RNC Chairman Reince Priebus", checked below) */
			int two = !(TW(r2) & W_FIRST);
			if (two &&
			    !(b - r2 == 2 && (sc->t[r2].f & T_CAP) && (sc->t[r2 + 1].f & T_CAP) &&
			      !(sc->t[r2 + 1].f & T_ALLCAPS) && !(sc->t[r2].f & T_POSS) &&
			      !(TW(r2) & (W_COMMON | W_ROLE | W_ROLEMOD | W_ORGSUF | W_LOCSUF | W_NONNAME)) &&
			      !(TW(r2 + 1) & (W_COMMON | W_ORGSUF | W_LOCSUF | W_NONNAME | W_MISCSUF))))
				break;
			int qa = q;
			if (role_tok(sc, a)) {
				/* "National Harbour Council Secretary X": a title word first, so only a
				 * designator ends the organisation ("Northern Ireland Secretary" is a title) */
				while (qa > a + 1 && !((TW(qa - 1) & W_ORGSUF) && (sc->t[qa - 1].f & T_CAP)))
					qa--;
				if (qa == a + 1)
					break;
			} else
				while (qa > a + 1 && role_tok(sc, qa - 1) && (TW(qa - 1) & W_ROLEMOD))
					qa--;       /* "Fisheries Council Deputy Director": "Deputy" is the role's */
			const gz_entry *og = gaz_span(ner, text, sc, a, qa, 1);
			if (two && !(og && og->type == NF_ORG) &&
			    !(qa - a >= 2 && (TW(qa - 1) & W_ORGSUF) && !(TW(qa - 1) & W_ROLE)))
				break;
			cand *o = cand_add(sc, a, qa, NF_ORG);
			if (og)
				cand_gaz(o, og);
			cand *c = cand_add(sc, r2, b, NF_PER);
			c->role_a = qa;
			c->role_b = r2;
			c->ev = NF_PER;
			c->gender = sc->t[r2].wv ? tok_w(sc, r2)->gender : 0;
			if (og && (og->type == NF_ORG || is_country_like(og)))
				c->affil = og->refers && og->type != NF_ORG ? og->refers : og->canon;
			else {
				c->affil_off = sc->t[a].s;
				c->affil_len = sc->t[qa - 1].e - sc->t[a].s;
			}
			return;
		}
	}
	int r = p, head = 0;
	while (r < b && (sc->t[r].f & T_CAP) && role_tok(sc, r) && !(sc->t[r].f & T_ALLCAPS && !(TW(r) & W_ROLE))) {
		/* a role word that is also a first name followed by a name is the name ("Chief" aside) */
		if (r > p && head && (TW(r) & W_FIRST) && !(TW(r) & W_ROLE))
			break;
		head |= (TW(r) & W_ROLE) != 0;
		r++;
		if (r < b && tok_is(text, &sc->t[r], "of") && r + 1 < b && role_tok(sc, r + 1))
			r++;
	}
	/* a role word right before a possessive ends the title ("Minister's") */
	if (head && r > p) {
		if (aff) {
			cand *c = cand_add(sc, a, p, aff->type);
			cand_gaz(c, aff);
		}
		if (r < b) {
			int na = r;
			if (TW(na) & W_HONOR) {
				na++;
				if (na < b && !(sc->t[na].f & T_WORD) && sc->t[na].c == '.')
					na++;
			}
			/* "Mayor Elena Brandt of Riverton": the name ends before "of" */
			int nb = b;
			for (int m = na + 1; m + 1 < b; m++)
				if ((sc->t[m].f & T_LOWER) && (tok_is(text, &sc->t[m], "of") || tok_is(text, &sc->t[m], "for"))) {
					nb = m;
					break;
				}
			int aff_tok = -1;
			if (nb < b) {
				size_t before = sc->nc;
				analyse(ner, text, sc, nb + 1, b);
				/* the place or organisation after "of" is what the person speaks for */
				/* "of Havendorp" without an article names a place; "of the Green Union" an organisation */
				if (sc->nc == before + 1 && !sc->c[before].g && sc->c[before].type == NF_ORG &&
				    !(TW(sc->c[before].b - 1) & W_ORGSUF) && !(sc->t[sc->c[before].a].f & T_ALLCAPS) &&
				    sc->c[before].a == nb + 1)
					sc->c[before].type = NF_GPE, sc->c[before].ev = NF_GPE;
				if (!aff && sc->nc > before && sc->c[before].type != NF_PER) {
					if (sc->c[before].g)
						aff = sc->c[before].g;
					else
						aff_tok = (int)before;
				}
				b = nb;
			}
			if (na < b) {
				const gz_entry *pg = gaz_span(ner, text, sc, na, b, 1);
				cand *c = cand_add(sc, na, b, NF_PER);
				if (pg && pg->type == NF_PER)
					c->g = pg;
				c->role_a = p;
				c->role_b = r;
				c->ev = NF_PER;
				if (aff)
					c->affil = aff->refers && aff->type != NF_ORG ? aff->refers : aff->canon;
				else if (aff_tok >= 0) {
					const cand *o = &sc->c[aff_tok];
					c->affil_off = sc->t[o->a].s;
					c->affil_len = sc->t[o->b - 1].e - sc->t[o->a].s;
				}
				if (TW(na) & W_FIRST)
					c->gender = tok_w(sc, na)->gender;
			}
		}
		return;
	}
	if (TW(a) & W_HONOR && b - a >= 2 &&
	    (!(sc->t[a].f & T_ALLCAPS) ||
	     (tok_w(sc, a)->gender && sc->t[a + 1].c == '.' && sc->t[a + 1].s == sc->t[a].e))) {
		/* "Mr. LaBelle", "MR. LABELLE" (not "ST. LOUIS"): the name starts after the
		 * honorific's period */
		int na = a + 1;
		if (!(sc->t[na].f & T_WORD) && sc->t[na].c == '.')
			na++;
		if (na >= b)
			return;
		cand *c = cand_add(sc, na, b, NF_PER);
		c->gender = tok_w(sc, a)->gender;
		c->ev = NF_PER;
		const gz_entry *pg = gaz_span(ner, text, sc, na, b, 1);
		if (pg && pg->type == NF_PER)
			c->g = pg;
		return;
	}
	if (g) {                /* a known person */
		cand_gaz(cand_add(sc, a, b, NF_PER), g);
		return;
	}
	if (b - a >= 2) {
		unsigned fb = TW(b - 1);
		if ((fb & W_ORGSUF) && !(fb & (W_FIRST)) ) {
			cand_add(sc, a, b, NF_ORG);
			return;
		}
		/* "National Bank of Poland", "Ministry of Foreign Affairs", "Gulf of Aden" */
		for (int m = a + 1; m + 1 < b; m++)
			if ((tok_is(text, &sc->t[m], "of") || tok_is(text, &sc->t[m], "for")) && (TW(m - 1) & (W_ORGHEAD | W_LOCHEAD))) {
				int loc = (TW(a) & W_LOCHEAD) && !(TW(a) & W_ORGHEAD);
				cand *c = cand_add(sc, a, b, loc ? NF_LOC : NF_ORG);
				(void)c;
				return;
			}
		/* "UK & Denmark": two names */
		for (int m = a + 1; m + 1 < b; m++)
			if (tok_is(text, &sc->t[m], "&")) {
				const gz_entry *l = gaz_span(ner, text, sc, a, m, 1), *r = gaz_span(ner, text, sc, m + 1, b, 1);
				if (l && r && l->kind == K_COUNTRY && r->kind == K_COUNTRY) {
					analyse(ner, text, sc, a, m);
					analyse(ner, text, sc, m + 1, b);
					return;
				}
				cand_add(sc, a, b, NF_ORG);     /* "Douglas & Lomason", "Bear Stearns & Co" */
				return;
			}
		/* an initial and a name: "S. Waugh", "J.R. Ewing" */
		{
			const tok *t0 = &sc->t[a];
			if (t0->e - t0->s >= 2 && text[t0->e - 1] == '.' && (t0->e - t0->s) % 2 == 0 &&
			    !(TW(a + 1) & (W_ORGSUF | W_COMMON)) && b - a <= 3) {
				cand *c = cand_add(sc, a, b, NF_PER);
				c->soft = 1;
				c->ev = context_type(ner, text, sc, a, b);
				if (c->ev >= 0)
					c->type = c->ev;
				return;
			}
		}
		/* a first name and capitalised words: a person ("Mary Joe Fernandez", "Anthony Washington") */
		const gz_entry *g0 = gaz_span(ner, text, sc, a, a + 1, 1);
		if ((TW(a) & W_FIRST) && !(sc->t[a].f & T_ALLCAPS) && b - a <= 4 &&
		    (!g0 || g0->kind == K_CITY || g0->type == NF_ORG) && !(TW(b - 1) & (W_ORGSUF | W_LOCSUF))) {
			cand *c = cand_add(sc, a, b, NF_PER);
			c->gender = tok_w(sc, a)->gender;
			return;
		}
		/* known names inside: left to right, longest first */
		int seg_a[16], seg_b[16], nseg = 0, known = 0;
		const gz_entry *seg_g[16];
		for (int i = a; i < b && nseg < 16;) {
			const gz_entry *e = NULL;
			int q = b - a > ner->maxtok ? i + ner->maxtok : b;
			if (q > b)
				q = b;
			for (; q > i; q--) {
				/* (tokens [a, b) and [a, a + 1) were looked up above: g, none, and g0) */
				if (i == a && (q == b || q == a + 1)) {
					if (q == a + 1 && (e = g0) != NULL)
						break;
					continue;
				}
				if ((e = gaz_span(ner, text, sc, i, q, 1)) != NULL)
					break;
			}
			/* towns inside a longer name are usually part of it ("Wang Donghai") */
			if (e && e->kind == K_CITY && i > a)
				e = NULL;
			if (e && !(q - i == 1 && (TW(i) & W_COMMON) && e->kind != K_COUNTRY && e->type != NF_NORP)) {
				seg_a[nseg] = i, seg_b[nseg] = q, seg_g[nseg++] = e;
				known++;
				i = q;
				continue;
			}
			if (nseg && !seg_g[nseg - 1] && seg_b[nseg - 1] == i)
				seg_b[nseg - 1] = i + 1;
			else
				seg_a[nseg] = i, seg_b[nseg] = i + 1, seg_g[nseg++] = NULL;
			i++;
		}
		if (known && nseg > 1) {
			/* a place followed by unknown words names an organisation ("Leeds United") */
			if (nseg == 2 && seg_g[0] && !seg_g[1] && (seg_g[0]->type == NF_GPE || seg_g[0]->type == NF_LOC) &&
			    !(TW(seg_a[1]) & W_FIRST) && seg_b[1] - seg_a[1] <= 3) {
				cand_add(sc, a, b, NF_ORG);
				return;
			}
			/* a place and a club: "New York Yankees", "Boston Red Sox" */
			if (nseg == 2 && seg_g[0] && seg_g[1] && (seg_g[0]->type == NF_GPE || seg_g[0]->type == NF_LOC) &&
			    seg_g[0]->kind != K_COUNTRY && seg_g[1]->type == NF_ORG && seg_g[1]->kind != K_METONYM) {
				cand_add(sc, a, b, NF_ORG);
				return;
			}
			/* a company with other words: "Reynard Mercedes-Benz", "Ford Motor Credit" */
			int unk = seg_g[0] ? 1 : 0;
			if (nseg == 2 && !(TW(seg_a[unk]) & W_FIRST) &&
			    ((seg_g[0] && !seg_g[1] && seg_g[0]->type == NF_ORG && seg_g[0]->kind != K_METONYM) ||
			     (seg_g[1] && !seg_g[0] && seg_g[1]->type == NF_ORG && seg_g[1]->kind != K_METONYM))) {
				cand_add(sc, a, b, NF_ORG);
				return;
			}
			/* a common word before a country: "Air France", "Radio Free Europe" */
			if (nseg == 2 && !seg_g[0] && seg_g[1]->type == NF_GPE && (TW(seg_a[0]) & W_COMMON) &&
			    !(TW(seg_a[0]) & (W_FIRST | W_LAST | W_ROLE))) {
				/* a title modifier before a country alone is no title ("Air France") */
				cand_add(sc, a, b, NF_ORG);
				return;
			}
			for (int k = 0; k < nseg; k++) {
				if (seg_g[k])
					cand_gaz(cand_add(sc, seg_a[k], seg_b[k], seg_g[k]->type), seg_g[k]);
				else
					classify_rest(ner, text, sc, seg_a[k], seg_b[k]);
			}
			return;
		}
	}
	classify_rest(ner, text, sc, a, b);
}

static int is_name_start(const scratch *sc, int i)
{
	const tok *t = &sc->t[i];
	return (t->f & T_WORD) && (t->f & T_CAP);
}

/* Marta "Tiny" Olsen: after a chunk ending at j, a quoted one- or two-word capitalised
 * nickname and a capitalised word; returns the index of the word after the closing quote, or 0. */
static int nickname_end(const scratch *sc, int j)
{
	int nt = (int)sc->nt;
	if (j < 1 || j + 3 >= nt || sc->t[j].f & T_WORD || sc->t[j].c != '"' || sc->t[j].s != sc->t[j - 1].e + 1 ||
	    (sc->t[j - 1].f & (T_POSS | T_ALLCAPS)) || !(sc->t[j - 1].f & T_CAP) || !is_name_start(sc, j + 1) ||
	    sc->t[j + 1].s != sc->t[j].e)
		return 0;
	int k = j + 1;
	while (k < nt && k < j + 3 && is_name_start(sc, k))
		k++;
	if (k + 1 >= nt || (sc->t[k].f & T_WORD) || sc->t[k].c != '"' || sc->t[k].s != sc->t[k - 1].e ||
	    !is_name_start(sc, k + 1) || sc->t[k + 1].s != sc->t[k].e + 1 || sc->t[k + 1].sent != sc->t[j].sent)
		return 0;
	return k + 1;
}

/* A capitalised common word of a title-case headline: not a name there. */
static int title_common(const scratch *sc, int k)
{
	return (TW(k) & W_COMMON) && !(TW(k) & W_FIRST) && !(sc->t[k].f & T_ALLCAPS);
}

static uint64_t cand_key(const scratch *sc, const cand *c);

/* Does the body of the document (candidates [0, body)) name tokens [a, b)? */
static int body_names(const scratch *sc, int a, int b, size_t body)
{
	cand win = { .a = a, .b = b };
	for (int e = mm_first(&sc->mtmp, cand_key(sc, &win)); e >= 0; e = mm_next(&sc->mtmp, e)) {
		size_t c = (size_t)sc->mtmp.val[e];
		const cand *m = &sc->c[c];
		if (c >= body || m->b - m->a != b - a || (sc->t[m->a].f & T_TITLE))
			continue;
		int same = 1;
		for (int k = 0; k < b - a && same; k++)
			same = sc->t[m->a + k].fh == sc->t[a + k].fh;
		if (same)
			return 1;
	}
	return 0;
}

/* A chunk of a title-case headline: names the body or the gazetteers know, names with a
 * designator ("Homegate Hospitality Inc."), and runs of words that are not common. */
static void title_chunk(const nf_ner *ner, const char *text, scratch *sc, int a, int b, size_t body)
{
	for (int k = a; k < b; k++)
		if ((TW(k) & W_ORGSUF) || ((sc->t[k].f & T_LOWER) && k > a) || !(sc->t[k].f & T_WORD)) {
			analyse(ner, text, sc, a, b);
			return;
		}
	for (int p = a; p < b;) {
		int q = p + ner->maxtok < b ? p + ner->maxtok : b;
		for (; q > p; q--)
			if (gaz_span(ner, text, sc, p, q, 1) || body_names(sc, p, q, body))
				break;
		if (q > p) {
			analyse(ner, text, sc, p, q);
			p = q;
			continue;
		}
		if (title_common(sc, p) || !(sc->t[p].f & T_CAP)) {
			p++;
			continue;
		}
		q = p + 1;
		while (q < b && !title_common(sc, q) && (sc->t[q].f & T_CAP))
			q++;
		analyse(ner, text, sc, p, q);
		p = q;
	}
}

/* Capitalised chunks in normal sentences. */
static void find_chunks(const nf_ner *ner, const char *text, scratch *sc)
{
	int nt = (int)sc->nt;
	sc->ntitles = 0;
	size_t ci = 0;
	for (int i = 0; i < nt;) {
		{
			/* to the next capitalised word outside a sentence in capitals (from the list of
			 * them tokenize made) */
			const tok *tk = sc->t;
			const int *cap = sc->capt;
			size_t ncap = sc->ncapt;
			while (ci < ncap && (cap[ci] < i || (tk[cap[ci]].f & T_CAPSENT)))
				ci++;
			if (ci >= ncap)
				break;
			i = cap[ci];
		}
		int j = i + 1, org = (TW(i) & (W_ORGHEAD | W_LOCHEAD | W_ROLE)) != 0;
		while (j < nt && !(sc->t[j - 1].f & T_POSS) && !(sc->t[j].f & T_CAPSENT)) {
			const tok *t = &sc->t[j];
			const tok *pv = &sc->t[j - 1];
			if (!((t->s == pv->e + 1 && text[pv->e] == ' ') || t->s == pv->e))
				break;           /* more than one space, or a line break */
			if (is_name_start(sc, j)) {
				org |= (TW(j) & (W_ORGHEAD | W_LOCHEAD | W_ROLE)) != 0;
				j++;
				continue;
			}
			/* the usual end, a word that no name goes on after: each joiner below wants
			 * a name next, a particle, the "of the" of an organisation or a period */
			if ((j + 1 >= nt || !is_name_start(sc, j + 1)) && !(TW(j) & W_PARTICLE) && t->c != '.' &&
			    !(org && j + 2 < nt && is_name_start(sc, j + 2)))
				break;
			if (j + 1 < nt && is_name_start(sc, j + 1) && sc->t[j + 1].s == t->e + 1) {
				if ((t->f & T_WORD) && (TW(j) & W_PARTICLE) && (t->f & T_LOWER)) {
					j += 2;
					continue;
				}
			}
			if (j + 2 < nt && (t->f & T_LOWER) && (TW(j) & W_PARTICLE) && (TW(j + 1) & W_PARTICLE) &&
			    (sc->t[j + 1].f & T_LOWER) && is_name_start(sc, j + 2)) {
				j += 3;             /* "van der Westhuizen" */
				continue;
			}
			if (j + 1 < nt && is_name_start(sc, j + 1) && sc->t[j + 1].s == t->e + 1) {
				if (org && (tok_is(text, t, "of") || tok_is(text, t, "for") || tok_is(text, t, "on"))) {
					j += 2;
					continue;
				}
				if (tok_is(text, t, "&")) {
					j += 2;
					continue;
				}
			}
			if (org && (tok_is(text, t, "and") || tok_is(text, t, "in")) && j + 1 < nt && is_name_start(sc, j + 1)) {
				/* "Organisation for Security and Cooperation in Europe": only a known name */
				int k = j + 1, got = 0;
				for (int steps = 0; k < nt && steps < 6; steps++) {
					while (k < nt && is_name_start(sc, k))
						k++;
					if (gaz_span(ner, text, sc, i, k, 1)) {
						got = k;
						break;
					}
					if (k + 1 < nt && (tok_is(text, &sc->t[k], "and") || tok_is(text, &sc->t[k], "in") ||
							   tok_is(text, &sc->t[k], "of")) && is_name_start(sc, k + 1))
						k++;
					else
						break;
				}
				if (got) {
					j = got;
					continue;
				}
			}
			if (!org && (tok_is(text, t, "of") || tok_is(text, t, "and")) && j + 1 < nt && is_name_start(sc, j + 1) &&
			    sc->t[j + 1].s == t->e + 1) {
				/* "Gold Fields of South Africa Ltd": the name ends in a designator */
				int k = j + 1;
				while (k < nt && is_name_start(sc, k) && sc->t[k].s == sc->t[k - 1].e + 1 && !(sc->t[k - 1].f & T_POSS))
					k++;
				int person = 0;
				for (int q = i; q < j; q++)
					person |= (TW(q) & (W_FIRST | W_HONOR | W_ROLE)) != 0;
				/* "Shares of Acme Corp": a common word alone before "of" is not part of it */
				if (j - i == 1 && (TW(i) & W_COMMON))
					person = 1;
				if (!person && (TW(k - 1) & W_ORGSUF) && (sc->t[k - 1].f & T_CAP) && !(TW(k - 1) & W_ROLE)) {
					j = k;
					continue;
				}
			}
			if (org && tok_is(text, t, "of") && j + 2 < nt && tok_is(text, &sc->t[j + 1], "the") &&
			    is_name_start(sc, j + 2)) {
				j += 3;
				continue;
			}
			/* "Mr. Smith" */
			if (t->c == '.' && t->s == sc->t[j - 1].e && (TW(j - 1) & W_HONOR) && j + 1 < nt &&
			    is_name_start(sc, j + 1)) {
				j += 2;
				continue;
			}
			break;
		}
		if (sc->t[i].f & T_TITLE) {
			/* after the body, whose names it may use */
			ent_grow((void **)&sc->titles, &sc->tcap2, sc->ntitles + 2, sizeof *sc->titles);
			sc->titles[sc->ntitles++] = i;
			sc->titles[sc->ntitles++] = j;
			i = j;
			continue;
		}
		size_t before = sc->nc;
		if (j > i + 1 || !(TW(i) & W_NONNAME))   /* (a lone non-name word gives nothing) */
			analyse(ner, text, sc, i, j);
		/* a quoted nickname between a first name and the surname: Marta "Tiny" Olsen */
		int nk = j < nt && sc->t[j].c == '"' ? nickname_end(sc, j) : 0;
		if (nk > 0) {
			cand *c = NULL;
			for (size_t q = before; q < sc->nc; q++)
				if (sc->c[q].b == j && sc->c[q].type == NF_PER && !sc->c[q].drop)
					c = &sc->c[q];
			if (!c && (TW(j - 1) & W_FIRST) && j - 1 >= i)
				c = cand_add(sc, j - 1, j, NF_PER);     /* "Bob" alone was a common word */
			if (c && (TW(j - 1) & W_FIRST) && c->role_a != j - 1) {
				int m = nk + 1;
				while (m < nt && is_name_start(sc, m) && sc->t[m].s == sc->t[m - 1].e + 1 &&
				       !(sc->t[m - 1].f & T_POSS) && m < nk + 4)
					m++;
				c->nick_a = j;
				c->nick_b = nk;
				c->b = m;
				c->weak = 0;
				c->soft = 0;
				c->ev = NF_PER;
				c->g = NULL;
				j = m;
			}
		}
		i = j;
	}
	if (sc->ntitles) {
		/* the body's names by their words */
		mm_reset(&sc->mtmp, sc->nc);
		for (size_t c = 0; c < sc->nc; c++)
			if (!sc->c[c].drop)
				mm_add(&sc->mtmp, cand_key(sc, &sc->c[c]), (int)c);
		size_t body = sc->nc;
		for (size_t k = 0; k < sc->ntitles; k += 2)
			title_chunk(ner, text, sc, sc->titles[k], sc->titles[k + 1], body);
	}
}

static uint64_t cand_key(const scratch *sc, const cand *c);

/* All-capital headlines: only gazetteer names and names the body of the document uses. */
static void find_caps(const nf_ner *ner, const char *text, scratch *sc, size_t body_nc)
{
	int nt = (int)sc->nt;
	if (!sc->capsent)
		return;
	/* the body's names by their words, once each */
	mm_reset(&sc->mtmp, body_nc);
	for (size_t c = 0; c < body_nc; c++) {
		uint64_t k = cand_key(sc, &sc->c[c]);
		if (!sc->c[c].drop && mm_first(&sc->mtmp, k) < 0)
			mm_add(&sc->mtmp, k, (int)c);
	}
	size_t r = 0;
	for (int i = 0; i < nt && sc->capsent;) {
		/* over the tokens of no sentence in capitals at once */
		while (r < sc->ncapr && i >= sc->capr[r + 1])
			r += 2;
		if (r >= sc->ncapr)
			break;
		if (i < sc->capr[r])
			i = sc->capr[r];
		if (!(sc->t[i].f & T_CAPSENT) || !(sc->t[i].f & T_WORD) || (sc->t[i].f & T_NUM)) {
			i++;
			continue;
		}
		int best = 0;
		const gz_entry *bg = NULL;
		int bcand = -1;
		for (int len = ner->maxtok; len >= 1 && !best; len--) {
			if (i + len > nt)
				continue;
			int okw = 1;
			for (int k = i; k < i + len; k++)
				okw &= (sc->t[k].f & T_WORD) && (sc->t[k].f & T_CAPSENT);
			if (!okw)
				continue;
			/* a name the document's body has */
			cand win = { .a = i, .b = i + len };
			for (int e = mm_first(&sc->mtmp, cand_key(sc, &win)); e >= 0 && !best; e = mm_next(&sc->mtmp, e)) {
				size_t c = (size_t)sc->mtmp.val[e];
				const cand *m = &sc->c[c];
				if (m->b - m->a != len || m->drop)
					continue;
				int same = 1;
				for (int k = 0; k < len && same; k++)
					same = sc->t[m->a + k].fh == sc->t[i + k].fh;
				if (same) {
					best = len;
					bcand = (int)c;
				}
			}
			if (best)
				break;
			const gz_entry *e = gaz_span(ner, text, sc, i, i + len, 0);
			if (e && e->type != NF_PER) {
				unsigned fl = TW(i);
				if (len == 1 && (fl & W_COMMON) && e->kind != K_COUNTRY)
					continue;
				best = len;
				bg = e;
			}
		}
		if (best) {
			cand *c = cand_add(sc, i, i + best, NF_ORG);
			if (bg && (bg->type == NF_GPE || bg->type == NF_LOC) && bg->kind != K_COUNTRY) {
				c->soft = 1;
				cand_gaz(c, bg);
				if (team_context(text, sc, i, i + best)) {
					c->type = NF_ORG;         /* "BOSTON 3 NEW YORK 2": teams */
					c->ev = NF_ORG;
					c->g = NULL;
				} else if (((size_t)(i + best) < sc->nt && (sc->t[i + best].f & T_NUM) &&
					    sc->t[i + best].e - sc->t[i + best].s >= 8) || at_next(text, sc, i + best) ||
					   prev_word_in(text, sc, i, w_prep))
					c->ev = c->type;          /* a dateline ("LONDON 1996-08-30"), "CHICAGO AT TORONTO" */
			} else if (bg)
				cand_gaz(c, bg);
			else {
				const cand *m = &sc->c[bcand];
				c->type = m->type;
				c->g = m->g;
				c->canon = m->canon;
				c->soft = m->soft;
				if (at_next(text, sc, i + best) || prev_word_in(text, sc, i, w_prep)) {
					/* "BERGEN AT TROMSO": the places, though the teams share their names */
					const gz_entry *pg = gaz_span(ner, text, sc, i, i + best, 0);
					if (pg && (pg->type == NF_GPE || pg->type == NF_LOC)) {
						c->type = pg->type;
						c->g = pg;
						c->ev = pg->type;
					}
				}
			}
			i += best;
		} else
			i++;
	}
}

/* ---- resolution ---- */


/* nf_edit_distance(a, b) <= 1 without the table: equal, or one substitution, insertion, deletion or
 * swap of neighbours. */
static int dl_le1(const char *a, size_t an, const char *b, size_t bn)
{
	if (an > 40 || bn > 40)
		return 0;
	if (an < bn) {
		const char *t = a;
		a = b, b = t;
		size_t tn = an;
		an = bn, bn = tn;
	}
	if (an > bn + 1)
		return 0;
	size_t i = 0;
	while (i < bn && a[i] == b[i])
		i++;
	if (i == bn)
		return 1;                  /* equal, or one letter more at the end */
	if (an == bn + 1)
		return memcmp(a + i + 1, b + i, bn - i) == 0;
	if (memcmp(a + i + 1, b + i + 1, bn - i - 1) == 0)
		return 1;                  /* one substitution */
	return i + 1 < bn && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	       memcmp(a + i + 2, b + i + 2, bn - i - 2) == 0;
}

static uint32_t arena_add(scratch *sc, const char *p, size_t n)
{
	nf_buf *ar = &sc->arena;
	uint32_t off = (uint32_t)ar->n;
	/* as nf_buf_add and nf_buf_addc(0) (a NUL counted, one more after it), one check */
	if (ar->n + n + 2 > ar->cap)
		nf_grow((void **)&ar->p, &ar->cap, ar->n + n + 2, 1);
	if (n)
		memcpy(ar->p + ar->n, p, n);
	ar->p[ar->n + n] = 0;
	ar->p[ar->n + n + 1] = 0;
	ar->n += n + 1;
	return off;
}

/* The text of tokens [a, b) as written. */
static uint32_t arena_span(scratch *sc, const char *text, int a, int b, uint32_t *len)
{
	size_t s = sc->t[a].s, e = sc->t[b - 1].e;
	*len = (uint32_t)(e - s);
	return arena_add(sc, text + s, e - s);
}

/* The text of a person's mention as a name: without a quoted nickname. */
static uint32_t per_text(scratch *sc, const char *text, const cand *c, uint32_t *len)
{
	if (!c->nick_b)
		return arena_span(sc, text, c->a, c->b, len);
	size_t s1 = sc->t[c->a].s, e1 = sc->t[c->nick_a - 1].e, s2 = sc->t[c->nick_b].s, e2 = sc->t[c->b - 1].e;
	uint32_t off = (uint32_t)sc->arena.n;
	nf_buf_add(&sc->arena, text + s1, e1 - s1);
	nf_buf_addc(&sc->arena, ' ');
	nf_buf_add(&sc->arena, text + s2, e2 - s2);
	nf_buf_addc(&sc->arena, 0);
	*len = (uint32_t)((e1 - s1) + 1 + (e2 - s2));
	return off;
}

/* Has s capitals only (no lower-case ASCII letter)? */
static int no_lower(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
	return 1;
}

/* Same word, ignoring case ("al-Rashid", "Al-Rashid"). */
static int tok_eq(const char *text, const tok *x, const tok *y)
{
	(void)text;
	return x->fh == y->fh && x->e - x->s == y->e - y->s;
}

/* Surnames agree: equal, or (five letters or more) one edit apart. */
static int surname_close(const char *text, const tok *x, const tok *y, size_t maxd)
{
	if (tok_eq(text, x, y))
		return 1;
	size_t xn = x->e - x->s, yn = y->e - y->s;
	/* misspellings seldom touch the first letter: that keeps the comparisons few */
	if (xn < 5 || yn < 5 || text[x->s] != text[y->s])
		return 0;
	if (maxd == 1)
		return dl_le1(text + x->s, xn, text + y->s, yn);
	return (size_t)nf_edit_distance(text + x->s, xn, text + y->s, yn, 0) <= maxd;   /* never negative */
}

/* First names agree: equal, an initial of the other, or one edit apart (five letters up). */
static int first_agree(const char *text, const tok *x, const tok *y)
{
	if (tok_eq(text, x, y))
		return 1;
	size_t xn = x->e - x->s, yn = y->e - y->s;
	if ((xn == 2 && text[x->s + 1] == '.' && text[x->s] == text[y->s]) ||
	    (yn == 2 && text[y->s + 1] == '.' && text[y->s] == text[x->s]))
		return 1;
	return xn >= 5 && yn >= 5 && dl_le1(text + x->s, xn, text + y->s, yn);
}

/* Does a known person's name match these tokens (exact or by the misspelling rule)? */
static const gz_entry *known_person_scan(const nf_ner *ner, const char *text, const scratch *sc, int a, int b)
{
	const tok *last = &sc->t[b - 1];
	size_t ln = last->e - last->s;
	/* people are indexed by the first byte of their surname: misspellings keep it */
	unsigned char fb = (unsigned char)text[last->s];
	for (int i = ner->pfirst[fb]; i >= 0; i = ner->pnext[i].next) {
		/* the surname's length first, without reading the entry: within one, and equal for
		 * a lone word (which takes only the same surname) */
		size_t psn = ner->pnext[i].sn;
		if (psn + 1 < ln || ln + 1 < psn || (b - a == 1 && psn != ln))
			continue;
		const gz_entry *e = &ner->g[ner->people[i]];
		const char *nm = e->name, *sp = e->sur > 0 ? nm + e->sur - 1 : NULL;
		const char *sur = sp ? sp + 1 : nm;
		size_t sn = e->len - (size_t)(sur - nm);
		if (sn + 1 < ln || ln + 1 < sn || (sur[0] != text[last->s] && sur[1] != text[last->s + 1]))
			continue;
		int same = sn == ln && memcmp(sur, text + last->s, ln) == 0;
		if (!same && (b - a == 1 || !(sn >= 5 && ln >= 5 && dl_le1(sur, sn, text + last->s, ln))))
			continue;
		if (b - a == 1) {
			if (same && sp)
				return e;
			continue;
		}
		if (!sp)
			continue;
		const tok *f = &sc->t[a];
		const char *fe = strchr(nm, ' ');
		size_t fnl = (size_t)(fe - nm), fl = f->e - f->s;
		if ((fnl == fl && memcmp(nm, text + f->s, fl) == 0) ||
		    (fnl >= 5 && fl >= 5 && dl_le1(nm, fnl, text + f->s, fl)) ||
		    (fl == 2 && text[f->s + 1] == '.' && text[f->s] == nm[0]))
			return e;
	}
	return NULL;
}

/* known_person's answers, remembered across documents (a person is named again and again, and
 * the surnames of a first byte are a long chain): they depend on the words of the surname and
 * the first name (16 bytes or less each) and on whether it is one word. tag: the two lengths,
 * that bit and a bit that the entry is in use. */
struct kpmemo { uint64_t l0, l1, f0, f1; const gz_entry *e; uint32_t tag; };
#define KPMEMO_BITS 11

static const gz_entry *known_person(const nf_ner *ner, const char *text, const scratch *sc, int a, int b)
{
	const tok *last = &sc->t[b - 1], *f = &sc->t[a];
	size_t ln = last->e - last->s, fl = b - a == 1 ? 0 : f->e - f->s;
	if (ln - 1 >= 16 || (b - a > 1 && fl - 1 >= 16))
		return known_person_scan(ner, text, sc, a, b);
	uint64_t l0, l1, f0 = 0, f1 = 0;
	load16(text + last->s, ln, sc->len - last->s, &l0, &l1);
	if (fl)
		load16(text + f->s, fl, sc->len - f->s, &f0, &f1);
	uint32_t tag = (uint32_t)ln | (uint32_t)fl << 8 | 1u << 16;
	struct kpmemo *m = &((scratch *)sc)->kpm[((l0 ^ f0 * 0xD6E8FEB86659FD93ULL) * 0x9E3779B97F4A7C15ULL ^
						  (l1 + f1 + fl) * 0xD6E8FEB86659FD93ULL) >> (64 - KPMEMO_BITS)];
	if (m->tag == tag && m->l0 == l0 && m->l1 == l1 && m->f0 == f0 && m->f1 == f1)
		return m->e;
	m->l0 = l0;
	m->l1 = l1;
	m->f0 = f0;
	m->f1 = f1;
	m->e = known_person_scan(ner, text, sc, a, b);
	m->tag = tag;
	return m->e;
}

/* find_cluster given the hash, h = ent_hash(s, n) ^ type (as the clusters keep it) */
static int find_cluster_h(scratch *sc, int type, const char *s, size_t n, uint64_t h)
{
	int best = -1;
	for (int e = mm_first(&sc->mcl, h); e >= 0; e = mm_next(&sc->mcl, e)) {
		int i = sc->mcl.val[e];
		pcl *p = &sc->p[i];
		if (p->h == h && p->type == type && p->canon_len == n &&
		    memcmp(sc->arena.p + p->canon_off, s, n) == 0 && (best < 0 || i < best))
			best = i;
	}
	return best;
}

static int find_cluster(scratch *sc, int type, const char *s, size_t n)
{
	return find_cluster_h(sc, type, s, n, ent_hash(s, n) ^ (uint64_t)type);
}

static int new_cluster_h(scratch *sc, int type, const char *s, size_t n, uint64_t h)
{
	ent_grow((void **)&sc->p, &sc->pcap, sc->np + 1, sizeof *sc->p);
	pcl *p = &sc->p[sc->np];
	memset(p, 0, sizeof *p);
	p->type = type;
	p->canon_off = arena_add(sc, s, n);
	p->canon_len = (uint32_t)n;
	p->h = h;
	p->first_tok = p->last_tok = -1;
	mm_add(&sc->mcl, p->h, (int)sc->np);
	return (int)sc->np++;
}

static int new_cluster(scratch *sc, int type, const char *s, size_t n)
{
	return new_cluster_h(sc, type, s, n, ent_hash(s, n) ^ (uint64_t)type);
}

/* new_cluster named by the arena's string at off; h is its hash as find_cluster_h's. */
static int new_cluster_at(scratch *sc, int type, uint32_t off, size_t n, uint64_t h)
{
	ent_grow((void **)&sc->p, &sc->pcap, sc->np + 1, sizeof *sc->p);
	pcl *p = &sc->p[sc->np];
	memset(p, 0, sizeof *p);
	p->type = type;
	p->canon_off = off;
	p->canon_len = (uint32_t)n;
	p->h = h;
	p->first_tok = p->last_tok = -1;
	mm_add(&sc->mcl, p->h, (int)sc->np);
	return (int)sc->np++;
}

static void set_canon(scratch *sc, int ci, const char *s, size_t n)
{
	pcl *p = &sc->p[ci];
	p->canon_off = arena_add(sc, s, n);
	p->canon_len = (uint32_t)n;
	p->h = ent_hash(s, n) ^ (uint64_t)p->type;
	mm_add(&sc->mcl, p->h, ci);
}

/* The words of a candidate, case-folded, as one key. */
static uint64_t cand_key(const scratch *sc, const cand *c)
{
	uint64_t k = (uint64_t)(c->b - c->a) * 0x9E3779B97F4A7C15ULL;
	for (int i = c->a; i < c->b; i++)
		k = (k ^ sc->t[i].fh) * 0x100000001B3ULL;
	return k;
}

static int cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	return a->a != b->a ? (a->a < b->a ? -1 : 1) : 0;
}

/* Candidates by start, stably (cmp_cand in a merge sort); they mostly come in order already,
 * in a few runs (the body, then headlines), so the runs are merged. */
static void sort_cands(scratch *sc)
{
	size_t n = sc->nc, i = 1;
	while (i < n && sc->c[i].a >= sc->c[i - 1].a)
		i++;
	if (i >= n)
		return;
	ent_grow((void **)&sc->ctmp, &sc->ctmpcap, n, sizeof *sc->ctmp);
	cand *src = sc->c, *dst = sc->ctmp;
	for (size_t runs = 0; runs != 1;) {
		/* one pass: each two runs of src merged into dst */
		runs = 0;
		for (size_t p = 0; p < n; runs++) {
			size_t m = p + 1, q;
			while (m < n && src[m].a >= src[m - 1].a)
				m++;
			for (q = m + (m < n); q < n && src[q].a >= src[q - 1].a; q++)
				;
			size_t x = p, y = m, o = p;
			while (x < m && y < q)
				dst[o++] = cmp_cand(&src[y], &src[x]) < 0 ? src[y++] : src[x++];
			while (x < m)
				dst[o++] = src[x++];
			while (y < q)
				dst[o++] = src[y++];
			p = q;
		}
		cand *t = src;
		src = dst;
		dst = t;
	}
	if (src != sc->c)
		memcpy(sc->c, src, n * sizeof *sc->c);
}

/* The acronym of tokens [a, b): initials of the capitalised words. */
static size_t initials(const char *text, const scratch *sc, int a, int b, char *out, size_t cap)
{
	size_t o = 0;
	for (int i = a; i < b && o + 1 < cap; i++)
		if (sc->t[i].f & T_CAP)
			out[o++] = text[sc->t[i].s];
	return o;
}

/* The country a word before a title names: "Danish", "Ukraine's", or NULL. */
static const char *title_country(const nf_ner *ner, const char *text, const scratch *sc, int k)
{
	if (k < 0 || !(sc->t[k].f & T_CAP))
		return NULL;
	const gz_entry *e = gaz_span(ner, text, sc, k, k + 1, 1);
	if (!e || !((e->type == NF_GPE && e->kind == K_COUNTRY) || e->type == NF_NORP))
		return NULL;
	if (e->type == NF_GPE && !(sc->t[k].f & T_POSS))
		return NULL;            /* "Danish minister", "Ukraine's minister", not "Ukraine minister" */
	return e->refers ? e->refers : e->canon;
}

/* The lower-case role words right before token a ("defense minister Troels Lund Poulsen"):
 * sets *ra, or returns 0 when there is no role head among them. */
static int lower_role_before(const scratch *sc, const char *text, int a, int *ra)
{
	int k = a, head = 0;
	while (k > 0 && (sc->t[k - 1].f & T_WORD) && (sc->t[k - 1].f & T_LOWER) && role_tok(sc, k - 1) &&
	       sc->t[k - 1].sent == sc->t[a].sent && sc->t[k].s == sc->t[k - 1].e + 1 && text[sc->t[k - 1].e] == ' ' &&
	       !(sc->t[k - 1].f & T_POSS) && a - k < 4) {
		head |= (TW(k - 1) & W_ROLE) != 0;
		k--;
	}
	if (!head || !(TW(a - 1) & W_ROLE))
		return 0;
	*ra = k;
	return 1;
}

/* Lower-case titles before a name give the person a role and a country. */
static void lower_roles(const nf_ner *ner, const char *text, scratch *sc)
{
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		int ra;
		if (c->drop || c->type != NF_PER || c->role_a >= 0 || c->a < 1 || !(TW(c->a - 1) & W_ROLE) ||
		    !lower_role_before(sc, text, c->a, &ra))
			continue;
		c->role_a = ra;
		c->role_b = c->a;
		if (!c->affil && !c->affil_len)
			c->affil = title_country(ner, text, sc, ra - 1);
	}
	/* "Tomás Reyes of the Civic Alliance": the organisation the person speaks for */
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		int b = c->b;
		if (c->drop || c->type != NF_PER || c->affil || c->affil_len || (size_t)b + 2 >= sc->nt ||
		    (sc->t[b - 1].f & T_POSS) || !tok_is(text, &sc->t[b], "of") || !tok_is(text, &sc->t[b + 1], "the"))
			continue;
		for (size_t q = i + 1; q < sc->nc && q < i + 4; q++) {
			const cand *o = &sc->c[q];
			if (o->a != b + 2 || o->drop)
				continue;
			if (o->type == NF_ORG) {
				if (o->g)
					c->affil = o->g->canon;
				else {
					c->affil_off = sc->t[o->a].s;
					c->affil_len = sc->t[o->b - 1].e - sc->t[o->a].s;
				}
			}
			break;
		}
	}
}

/* A title of a country without a name ("Ukraine's Defense Minister said", "the Danish
 * defense minister") is a mention of the person the document gives that title. */
static void role_mentions(const nf_ner *ner, const char *text, scratch *sc)
{
	size_t nc0 = sc->nc;
	int has = 0;
	for (size_t i = 0; i < sc->np && !has; i++)
		has = sc->p[i].type == NF_PER && sc->p[i].has_role;
	if (!has || !sc->nroles)
		return;
	size_t ci = 0;      /* candidates are sorted: the next one at or after a token */
	int next = 0;       /* tokens before it are done */
	for (size_t ri = 0; ri < sc->nroles; ri++) {
		int i = sc->roles[ri];
		if (i < next || !role_tok(sc, i))
			continue;
		int j = i, head = 0;
		while (j < (int)sc->nt && role_tok(sc, j) && sc->t[j].sent == sc->t[i].sent &&
		       (j == i || (sc->t[j].s == sc->t[j - 1].e + 1 && !(sc->t[j - 1].f & T_POSS))) && j - i < 4) {
			head = (TW(j) & W_ROLE) != 0;
			j++;
		}
		/* the title of a country ("Ukraine's Defense Minister", "Danish defense minister") ends
		 * in its head, and no name follows it; a bare "the mayor" stays a description: it is
		 * often not the person ("those close to the mayor") */
		const char *country = head ? title_country(ner, text, sc, i - 1) : NULL;
		if (!country) {
			next = j;
			continue;
		}
		while (ci < nc0 && sc->c[ci].b <= i)
			ci++;
		int taken = 0;
		for (size_t q = ci; q < nc0 && sc->c[q].a < j && !taken; q++)
			taken = !sc->c[q].drop;
		for (size_t q = ci; q-- > 0 && q + 8 >= ci && !taken;)
			taken = !sc->c[q].drop && sc->c[q].b > i;
		int next_name = j < (int)sc->nt && (sc->t[j].f & T_CAP) && (sc->t[j].f & T_WORD) &&
				sc->t[j].s == sc->t[j - 1].e + 1;
		if (!head || taken || next_name || (sc->t[i].f & T_CAPSENT)) {
			next = j;
			continue;
		}
		size_t rs = sc->t[i].s, rn = sc->t[j - 1].e - rs;
		int found = -1, many = 0;
		for (size_t k = 0; k < sc->np; k++) {
			const pcl *p = &sc->p[k];
			if (p->type != NF_PER || !p->has_role || p->role_len < rn)
				continue;
			/* the title as the person's role ends ("Defense Minister" of "Deputy Defense Minister") */
			const char *r = sc->arena.p + p->role_off + (p->role_len - rn);
			size_t m = 0;
			while (m < rn && (r[m] | 32) == (text[rs + m] | 32))
				m++;
			if (m < rn || (p->role_len > rn && r[-1] != ' '))
				continue;
			if (country && !(p->has_aff && p->aff_len == strlen(country) &&
					 memcmp(sc->arena.p + p->aff_off, country, p->aff_len) == 0))
				continue;
			if (found >= 0)
				many = 1;
			found = (int)k;
		}
		if (found >= 0 && !many) {
			cand *c = cand_add(sc, i, j, NF_PER);
			c->cl = found;
		}
		next = j;
	}
	if (sc->nc > nc0)
		sort_cands(sc);
}

/* Indexes (in mtmp) the persons' names of two words or more by their last word. */
static void index_full_names(scratch *sc)
{
	mm_reset(&sc->mtmp, sc->nc);
	for (size_t j = 0; j < sc->nc; j++)
		if (!sc->c[j].drop && sc->c[j].type == NF_PER && sc->c[j].b - sc->c[j].a >= 2)
			mm_add(&sc->mtmp, sc->t[sc->c[j].b - 1].fh, (int)j);
}

/* Is token t the last word of an indexed full name still standing (strong: not itself a
 * weak name)? */
static int full_name_surname(const char *text, const scratch *sc, const tok *t, int strong)
{
	for (int e = mm_first(&sc->mtmp, t->fh); e >= 0; e = mm_next(&sc->mtmp, e)) {
		const cand *d = &sc->c[sc->mtmp.val[e]];
		if (!d->drop && !(strong && d->weak) && d->type == NF_PER && d->b - d->a >= 2 &&
		    tok_eq(text, t, &sc->t[d->b - 1]))
			return 1;
	}
	return 0;
}

/* Is the shorter of the name [a, b) and person p's fullest form the last words of the other
 * ("Wasserman Schultz" of "Debbie Wasserman Schultz")? Two words or more each. */
static int name_tail(const char *text, const scratch *sc, int a, int b, const pcl *p)
{
	if (p->first_tok < 0 || p->last_tok < p->first_tok)
		return 0;
	int n = b - a, m = p->last_tok - p->first_tok + 1;
	if (n < 2 || m < 2 || n == m || p->ntok != m)
		return 0;
	int s = n < m ? a : p->first_tok, ns = n < m ? n : m, le = n < m ? p->last_tok : b - 1;
	for (int i = 0; i < ns; i++) {
		const tok *x = &sc->t[s + i], *y = &sc->t[le - ns + 1 + i];
		if (!(x->f & T_WORD) || !(y->f & T_WORD) || !tok_eq(text, x, y))
			return 0;
	}
	return 1;
}

/* Indexes cluster ci by the first byte of its surname (its last_tok just changed). */
static void sb_add(scratch *sc, const char *text, int ci)
{
	ent_grow((void **)&sc->sb, &sc->sbcap, sc->nsb + 1, sizeof *sc->sb);
	unsigned char b0 = (unsigned char)text[sc->t[sc->p[ci].last_tok].s];
	sc->sb[sc->nsb].cl = ci;
	sc->sb[sc->nsb].next = sc->sbhead[b0];
	sc->sbhead[b0] = (int)sc->nsb++;
}

/* Does person cluster k take the mention c (n words, surname last) in resolve's search for a
 * misspelt surname, pass 1 (one edit) or 2 (two edits, long bare surnames)? */
static int surname_agrees(const char *text, const scratch *sc, const cand *c, int n, const tok *last, int k,
			  int pass)
{
	const pcl *p = &sc->p[k];
	if (p->type != NF_PER || p->last_tok < 0)
		return 0;
	const tok *pl = &sc->t[p->last_tok];
	if (tok_eq(text, last, pl))
		return 0;   /* the same surname: the msur walk before the search refused it */
	int ok;
	if (pass == 1)
		ok = text[last->s] == text[pl->s] && surname_close(text, last, pl, 1);
	else        /* (a long bare surname) */
		ok = pl->e - pl->s >= 6 && text[last->s] == text[pl->s] && text[last->s + 1] == text[pl->s + 1] &&
		     surname_close(text, last, pl, 2);
	if (!ok)
		return 0;
	if (n >= 2 && p->ntok >= 2 && p->first_tok >= 0 && !first_agree(text, &sc->t[c->a], &sc->t[p->first_tok]) &&
	    !name_tail(text, sc, c->a, c->b, p))
		return 0;     /* two different full names */
	return 1;
}

static void resolve(const nf_ner *ner, const char *text, scratch *sc)
{
	sc->np = 0;
	if (sc->nc == 0)
		return;
	mm_reset(&sc->mcl, sc->nc);
	mm_reset(&sc->msur, sc->nc);
	memset(sc->sbhead, 0xff, sizeof sc->sbhead);
	sc->nsb = 0;
	sort_cands(sc);
	/* overlapping candidates: keep the first (longest at the same start) */
	int last_b = -1;
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->a < last_b)
			c->drop = 1;
		else
			last_b = c->b;
	}
	/* sports reports: towns and counties are teams unless the words say they are places */
	{
		if (sc->scores >= 2 || sc->sportkw >= 4)
			for (size_t i = 0; i < sc->nc; i++) {
				cand *c = &sc->c[i];
				if (!c->drop && c->soft && c->ev < 0 && c->g &&
				    (c->g->kind == K_CITY || c->g->kind == K_STATE || c->g->kind == K_COUNTY)) {
					c->type = NF_ORG;
					c->g = NULL;
				}
			}
		/* results and standings lines: "Kent 3 Essex 1", "Leeds 4 3 1 0 9 3 10" */
		for (size_t i = 0; i < sc->nc; i++) {
			cand *c = &sc->c[i];
			if (c->drop || !c->soft || c->ev >= 0)
				continue;
			int k = c->b, nums = 0;
			while ((size_t)k < sc->nt && (sc->t[k].f & T_NUM) && sc->t[k].sent == sc->t[c->a].sent &&
			       text[sc->t[k - 1].e] == ' ')
				k++, nums++;
			int line_start = c->a == 0 || text[sc->t[c->a].s - 1] == '\n';
			if ((line_start && nums >= 3) ||
			    (nums == 1 && ((size_t)k < sc->nt && (sc->t[k].f & T_CAP) && text[sc->t[k - 1].e] == ' ')))
				c->ev = NF_ORG, c->type = NF_ORG, c->g = NULL;
		}
	}
	/* teams with their town's initial in results tables: "Mladost (L)", "Proleter (Z)" */
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		size_t b = (size_t)c->b;
		if (c->drop || !c->soft || c->b - c->a > 2 || b + 2 >= sc->nt || sc->t[b].c != '(' ||
		    sc->t[b + 2].c != ')' || !(sc->t[b + 1].f & T_CAP) || sc->t[b + 1].e - sc->t[b + 1].s > 2 ||
		    sc->t[b].s != sc->t[b - 1].e + 1)
			continue;
		int up = 1;
		for (uint32_t k = sc->t[b + 1].s; k < sc->t[b + 1].e; k++)
			up &= text[k] >= 'A' && text[k] <= 'Z';
		if (up) {
			c->ext = 3;
			c->type = NF_ORG;
			c->ev = NF_ORG;
			c->g = NULL;
			for (size_t j = i + 1; j < sc->nc && sc->c[j].a < (int)b + 3; j++)
				sc->c[j].drop = 1;
		}
	}
	/* one sense per document: guessed types follow what context says of the same name */
	/* the votes of each name (its words as one key), counted once */
	mm_reset(&sc->mtmp, sc->nc);
	int (*gv)[NF_NTYPES] = sc->gv;
	size_t ng = 0;
	for (size_t j = 0; j < sc->nc; j++) {
		if (sc->c[j].drop || sc->c[j].ev < 0)
			continue;
		uint64_t k = cand_key(sc, &sc->c[j]);
		int e = mm_first(&sc->mtmp, k), g;
		if (e < 0) {
			ent_grow((void **)&sc->gv, &sc->gvcap, ng + 1, sizeof *gv);
			gv = sc->gv;
			memset(gv[ng], 0, sizeof gv[ng]);
			g = (int)ng++;
			mm_add(&sc->mtmp, k, g);
		} else
			g = sc->mtmp.val[e];
		gv[g][sc->c[j].ev]++;
	}
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || !c->soft || c->ev >= 0)
			continue;
		int votes[NF_NTYPES] = { 0 };
		int e = mm_first(&sc->mtmp, cand_key(sc, c));
		if (e >= 0)
			memcpy(votes, gv[sc->mtmp.val[e]], sizeof votes);
		int best = -1;
		for (int t = 0; t < NF_NTYPES; t++)
			if (votes[t] && (best < 0 || votes[t] > votes[best]))
				best = t;
		if ((best == NF_LOC || best == NF_GPE) && c->g && (c->g->type == NF_LOC || c->g->type == NF_GPE))
			best = c->g->type;      /* a place either way: the gazetteer knows which */
		if (best >= 0)
			c->voted = 1;
		if (best >= 0 && best != c->type) {
			c->type = best;
			if (best == NF_ORG || best == NF_PER)
				c->g = NULL;
		}
	}
	/* weak names (common words that are surnames) stand only as the surname of a full name */
	index_full_names(sc);
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || !c->weak)
			continue;
		if (c->weak == 2) {
			if (c->ev < 0 && !c->voted)
				c->drop = 1;
			continue;
		}
		/* or alone before a speech verb ("Bush told reporters"), or, a known person's
		 * surname, before a verb ("Trump has", "Trump wants") */
		if (!full_name_surname(text, sc, &sc->t[c->a], 1) &&
		    !(c->b - c->a == 1 && (TW(c->a) & W_LAST) &&
		      (next_word_in(text, sc, c->b, w_said) ||
		       (next_word_in(text, sc, c->b, w_metonym) && known_person(ner, text, sc, c->a, c->b)))))
			c->drop = 1;
	}
	/* persons: known people, then fullest forms and surnames within the document */
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || c->type != NF_PER)
			continue;
		if (!c->g)
			c->g = known_person(ner, text, sc, c->a, c->b);
	}
	/* single tokens typed otherwise that are a person's surname become that person (the
	 * index above still serves: since it was built, names were only dropped, and its
	 * readers skip dropped ones) */
	/* the full names in candidate order (mm_add appends): the misspelling search below
	 * walks only those of the window, a set this loop does not change */
	size_t nfulls = 0;
	if (sc->mtmp.n) {
		ent_grow((void **)&sc->fr, &sc->frcap, sc->mtmp.n, sizeof *sc->fr);
		for (size_t q = 0; q < sc->mtmp.n; q++) {
			const cand *d = &sc->c[sc->mtmp.val[q]];   /* (a person of two words or more) */
			if (d->drop)
				continue;      /* (a weak name, dropped after the index was built) */
			const tok *dt = &sc->t[d->b - 1];
			struct fullrec *r = &sc->fr[nfulls++];
			r->c = sc->mtmp.val[q];
			r->lt = d->b - 1;
			r->len = dt->e - dt->s;
			r->b0 = (unsigned char)text[dt->s];
			r->b1 = r->len >= 2 ? (unsigned char)text[dt->s + 1] : 0;
		}
	}
	struct fullrec *fulls = sc->fr;
	/* the full names by the first byte of their last word, in order: the search below reads
	 * only those of the mention's first byte; cur: the first of each not behind the window */
	int cur[256];
	if (nfulls) {
		memset(cur, 0xff, sizeof cur);
		for (size_t q = nfulls; q-- > 0;) {
			fulls[q].next = cur[fulls[q].b0];
			cur[fulls[q].b0] = (int)q;
		}
	}
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || c->type == NF_PER || c->b - c->a != 1 || c->canon)
			continue;
		if (c->g && (c->g->kind == K_COUNTRY || c->g->kind == K_DEMONYM || c->g->type == NF_ORG))
			continue;
		if (c->g && (c->type == NF_GPE || c->type == NF_LOC) &&
		    (c->ev == c->type || prev_word_in(text, sc, c->a, w_toward)))
			continue;        /* "in Lund", "flew to Bergen": the words say it is the place */
		const tok *ct = &sc->t[c->a];
		if (full_name_surname(text, sc, ct, 0)) {
			c->type = NF_PER;
			c->g = NULL;
			continue;
		}
		if (c->g || !nfulls)
			continue;
		/* misspellings: only against the full names near it */
		uint32_t clen = ct->e - ct->s;
		unsigned char c0 = (unsigned char)text[ct->s], c1 = clen >= 2 ? (unsigned char)text[ct->s + 1] : 0;
		int q = cur[c0];
		while (q >= 0 && (size_t)fulls[q].c + 300 < i)
			q = fulls[q].next;      /* fulls[q].c >= i - 300 */
		cur[c0] = q;
		/* a misspelt surname: no gazetteer entry, one edit (two on long words) away (the
		 * same surname was found by full_name_surname above), the same first byte */
		for (; q >= 0 && (size_t)fulls[q].c < i + 300; q = fulls[q].next) {
			const struct fullrec *d = &fulls[q];
			int fuzzy = surname_close(text, ct, &sc->t[d->lt], 1);
			if (!fuzzy && clen >= 6 && d->len >= 6 && c1 == d->b1)
				fuzzy = surname_close(text, ct, &sc->t[d->lt], 2);
			if (fuzzy) {
				c->type = NF_PER;
				c->g = NULL;
				break;
			}
		}
	}
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || c->type != NF_PER)
			continue;
		int n = c->b - c->a, best = -1;
		const tok *last = &sc->t[c->b - 1];
		if ((sc->t[c->a].f & T_LOWER) && (TW(c->a) & W_PARTICLE))
			n = 1;          /* "van der Berg": a surname without a first name */
		if (c->g && c->g->type == NF_PER) {
			best = find_cluster(sc, NF_PER, c->g->canon, strlen(c->g->canon));
			if (best < 0)
				/* a bare surname seen earlier ("Stoltenberg ... Jens Stoltenberg") */
				for (size_t k = 0; k < sc->np; k++) {
					pcl *q = &sc->p[k];
					if (q->type == NF_PER && !q->known && q->ntok == 1 && q->last_tok >= 0 &&
					    tok_eq(text, &sc->t[q->last_tok], last)) {
						best = (int)k;
						set_canon(sc, best, c->g->canon, strlen(c->g->canon));
						q->known = 1;
						q->ntok = 99;
						break;
					}
				}
			if (best < 0) {
				best = new_cluster(sc, NF_PER, c->g->canon, strlen(c->g->canon));
				sc->p[best].known = 1;
				sc->p[best].ntok = 99;
			}
		} else {
			/* same surname (or one edit away) with agreeing first names, or a bare surname */
			/* the exact surname through the index; misspellings among the latest clusters */
			for (int e = mm_first(&sc->msur, last->fh); e >= 0; e = mm_next(&sc->msur, e)) {
				int k = sc->msur.val[e];
				pcl *p = &sc->p[k];
				if (k <= best || p->type != NF_PER || p->last_tok < 0 || !tok_eq(text, last, &sc->t[p->last_tok]))
					continue;
				if (n >= 2 && p->ntok >= 2 && p->first_tok >= 0 &&
				    !first_agree(text, &sc->t[c->a], &sc->t[p->first_tok]) && !name_tail(text, sc, c->a, c->b, p))
					continue;     /* two different full names */
				best = k;
			}
			for (int pass = 1; pass < 3 && best < 0; pass++) {
				if (pass == 2 && !(n == 1 && last->e - last->s >= 6))
					break;        /* the second pass takes only long bare surnames */
				/* the latest of the last 256 clusters that agrees: all that can are in the
				 * chain of the surname's first byte (the equal surnames, the only others,
				 * were refused by the msur walk above); entries left by a changed surname
				 * just fail */
				int lim = sc->np > 256 ? (int)sc->np - 256 : 0;
				for (int e = sc->sbhead[(unsigned char)text[last->s]]; e >= 0; e = sc->sb[e].next) {
					int k = sc->sb[e].cl;
					if (k >= lim && k > best && surname_agrees(text, sc, c, n, last, k, pass))
						best = k;
				}
			}
			/* a bare first name or surname equal to a known person's part */
			int fresh = 0;       /* a new cluster named by this mention */
			if (best < 0) {
				/* looked up in place, copied into the arena only to name a new cluster */
				uint32_t len, off = 0;
				const char *s;
				if (c->nick_b) {
					off = per_text(sc, text, c, &len);
					s = sc->arena.p + off;
				} else {
					s = text + sc->t[c->a].s;
					len = sc->t[c->b - 1].e - sc->t[c->a].s;
				}
				uint64_t h = ent_hash(s, len) ^ (uint64_t)NF_PER;
				best = find_cluster_h(sc, NF_PER, s, len, h);
				if (best < 0) {
					if (!c->nick_b)
						off = per_text(sc, text, c, &len);
					if (len > 511) {
						len = 511;
						h = ent_hash(sc->arena.p + off, len) ^ (uint64_t)NF_PER;
					}
					best = new_cluster_at(sc, NF_PER, off, len, h);
					fresh = 1;
				}
			}
			pcl *p = &sc->p[best];
			/* the fullest form names the person; a headline in capitals only until the text
			 * has the same form in normal case */
			if (!p->known && !fresh && (n > p->ntok || (n == p->ntok && !(sc->t[c->a].f & T_ALLCAPS) &&
								     no_lower(sc->arena.p + p->canon_off, p->canon_len)))) {
				uint32_t len;
				uint32_t off = per_text(sc, text, c, &len);
				char tmp[512];
				size_t l = len < sizeof tmp ? len : sizeof tmp - 1;
				memcpy(tmp, sc->arena.p + off, l);
				set_canon(sc, best, tmp, l);
			}
		}
		pcl *p = &sc->p[best];
		if (n > p->ntok || p->last_tok < 0) {
			if (n > p->ntok)
				p->ntok = n;
			p->last_tok = c->b - 1;
			p->first_tok = n >= 2 ? c->a : p->first_tok;
			mm_add(&sc->msur, sc->t[p->last_tok].fh, best);
			sb_add(sc, text, best);
		}
		if (p->ntok == 99 && p->last_tok < 0) {
			p->last_tok = c->b - 1;
			mm_add(&sc->msur, sc->t[p->last_tok].fh, best);
			sb_add(sc, text, best);
		}
		if (p->last_tok >= 0 && n >= 2 && p->first_tok < 0)
			p->first_tok = c->a;
		c->cl = best;
	}
	/* everything else: by canonical name */
	int acr_built = 0;
	int nato = -1;
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || c->type == NF_PER)
			continue;
		const char *canon = c->canon;
		char buf[512];
		size_t cn = 0;
		if (!canon && c->g) {
			canon = c->g->canon;
			if (c->g->kind == K_CAPITAL && c->g->refers && metonym_next(text, sc, c->b - 1)) {
				canon = c->g->refers;
				c->type = NF_GPE;
			}
		}
		const char *nm = buf;       /* the name: buf, or a gazetteer's string read in place */
		uint64_t nh;                /* its ent_hash */
		if (canon) {
			/* the few canonical names of a document come again and again: their length and
			 * hash are remembered by address (the gazetteers' strings stay while memo does) */
			struct canmemo *m = &sc->canm[((uintptr_t)canon >> 3 ^ (uintptr_t)canon >> 11) & ((1u << CANMEMO_BITS) - 1)];
			if (m->p != canon) {
				cn = strlen(canon);
				if (cn >= sizeof buf)
					cn = sizeof buf - 1;
				m->p = canon;
				m->n = cn;
				m->h = ent_hash(canon, cn);
			}
			nm = canon;
			cn = m->n;
			nh = m->h;
		} else {
			size_t s = sc->t[c->a].s, e = sc->t[c->b - 1].e;
			cn = e - s < sizeof buf ? e - s : sizeof buf - 1;
			memcpy(buf, text + s, cn);
			/* a government body of a country: "Ukraine's Ministry of Foreign Affairs" */
			if (c->type == NF_ORG && (TW(c->a) & W_ORGHEAD) && c->a >= 1 && (sc->t[c->a - 1].f & T_POSS)) {
				const gz_entry *e2 = gaz_span(ner, text, sc, c->a - 1, c->a, 1);
				if (e2 && e2->type == NF_GPE && e2->kind == K_COUNTRY) {
					int w = snprintf(buf + cn, sizeof buf - cn, " of %s", e2->canon);
					if (w > 0 && (size_t)w < sizeof buf - cn)
						cn += (size_t)w;
				}
			}
			/* word order variants of a known organisation */
			if (c->type == NF_ORG && c->b - c->a >= 3) {
				char k[512];
				size_t kn = bag_key(buf, cn, k, sizeof k);
				void *v = nf_map_get(&ner->bags, k, kn);
				if (v) {
					const gz_entry *e2 = &ner->g[(uintptr_t)v - 1];
					c->g = e2;
					cn = strlen(e2->canon);
					memcpy(buf, e2->canon, cn);
				}
			}
			/* an acronym of an organisation named in the document */
			if ((sc->t[c->a].f & T_ALLCAPS) && c->b - c->a == 1) {
				if (!acr_built) {
					/* organisations of several words by their initials */
					acr_built = 1;
					mm_reset(&sc->mtmp, sc->nc);
					for (size_t j = 0; j < sc->nc; j++) {
						const cand *d = &sc->c[j];
						char ini[32];
						if (d->drop || d->type != NF_ORG || d->b - d->a < 2)
							continue;
						size_t in = initials(text, sc, d->a, d->b, ini, sizeof ini);
						uint64_t k = nf_hash(ini, in);
						if (mm_first(&sc->mtmp, k) < 0)
							mm_add(&sc->mtmp, k, (int)j);
					}
				}
				for (int e = mm_first(&sc->mtmp, nf_hash(buf, cn)); e >= 0; e = mm_next(&sc->mtmp, e)) {
					const cand *d = &sc->c[sc->mtmp.val[e]];
					char ini[32];
					size_t in = initials(text, sc, d->a, d->b, ini, sizeof ini);
					if (in == cn && memcmp(ini, buf, cn) == 0) {
						size_t s2 = sc->t[d->a].s, e2 = sc->t[d->b - 1].e;
						cn = e2 - s2 < sizeof buf ? e2 - s2 : sizeof buf - 1;
						memcpy(buf, text + s2, cn);
						break;
					}
				}
			}
		}
		if (nm == buf)
			nh = ent_hash(buf, cn);
		uint64_t ch = nh ^ (uint64_t)c->type;    /* (once for both) */
		int ci = find_cluster_h(sc, c->type, nm, cn, ch);
		if (ci < 0)
			ci = new_cluster_h(sc, c->type, nm, cn, ch);
		c->cl = ci;
		if (cn == 4 && memcmp(nm, "NATO", 4) == 0)
			nato = ci;
		const char *ref = NULL;
		/* organisations refer to a country only as metonyms ("the Kremlin"), not as
		 * companies or outlets based there */
		if (c->g && c->g->refers && c->type != NF_PER && (c->type != NF_ORG || c->g->kind == K_METONYM))
			ref = c->g->refers;
		if (ref && !sc->p[ci].has_ref) {
			sc->p[ci].has_ref = 1;
			sc->p[ci].ref_off = arena_add(sc, ref, strlen(ref));
			sc->p[ci].ref_len = (uint32_t)strlen(ref);
		}
	}
	/* generic words that refer back to an organisation the document names: "the Alliance" */
	int added = 0;
	for (size_t i = sc->gen_first ? sc->gen_first - 1 : 0; sc->generic && i + 1 < sc->nt && i < sc->gen_last; i++) {
		const tok *t = &sc->t[i + 1];
		if (!(t->f & T_WORD) || !(t->wf & W_GENERIC) ||
		    (!tok_is(text, &sc->t[i], "the") && !tok_is(text, &sc->t[i], "The")))
			continue;
		int ci = -1;
		const char *gen = tok_w(sc, (int)i + 1)->generic;
		if (nato >= 0 && strcmp(gen, "NATO") == 0)
			ci = nato;
		else if (strcmp(gen, "NATO") != 0)
			ci = find_cluster(sc, NF_ORG, gen, strlen(gen));
		if (ci < 0)
			continue;
		int taken = 0;
		{
			/* candidates are sorted by start: the last one starting at or before the word */
			size_t lo = 0, hi = sc->nc;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (sc->c[mid].a <= (int)i + 1)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t j = lo; j-- > 0 && j + 8 >= lo && !taken;)
				taken = !sc->c[j].drop && sc->c[j].a <= (int)i + 1 && sc->c[j].b > (int)i + 1;
		}
		if (taken)
			continue;
		cand *c = cand_add(sc, (int)i + 1, (int)i + 2, NF_ORG);
		c->cl = ci;
		added = 1;
	}
	if (added)
		sort_cands(sc);     /* (the candidates were sorted above, and only these are new) */
	/* roles, affiliations and gender onto the clusters */
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || c->cl < 0)
			continue;
		pcl *p = &sc->p[c->cl];
		if (c->role_a >= 0 && !p->has_role) {
			p->has_role = 1;
			p->role_off = arena_span(sc, text, c->role_a, c->role_b, &p->role_len);
		}
		const char *aff = c->affil;
		if (!aff && c->type == NF_PER && c->role_a >= 0 && c->role_a >= 1 && (sc->t[c->role_a - 1].f & T_POSS)) {
			/* "Britain's Defense Secretary John Healey" */
			for (int k = c->role_a - 1; k >= 0 && k >= c->role_a - 4; k--) {
				const gz_entry *e = gaz_span(ner, text, sc, k, c->role_a, 1);
				if (is_country_like(e)) {
					aff = e->refers ? e->refers : e->canon;
					break;
				}
			}
		}
		if (!aff && c->type == NF_PER && c->role_a >= 0 && c->g && c->g->type == NF_PER && c->g->refers)
			aff = c->g->refers;
		if (!aff && c->affil_len && !p->has_aff) {
			p->has_aff = 1;
			p->aff_off = arena_add(sc, text + c->affil_off, c->affil_len);
			p->aff_len = c->affil_len;
		}
		if (aff && !p->has_aff) {
			p->has_aff = 1;
			p->aff_off = arena_add(sc, aff, strlen(aff));
			p->aff_len = (uint32_t)strlen(aff);
		}
		if (c->gender && !p->gender)
			p->gender = c->gender;
		if (c->type == NF_PER && !p->gender && c->b - c->a >= 2 && (TW(c->a) & W_FIRST))
			p->gender = tok_w(sc, c->a)->gender;
	}
	/* known people: affiliation from the facts when the text gave none */
	for (size_t i = 0; i < sc->nc; i++) {
		cand *c = &sc->c[i];
		if (c->drop || c->cl < 0 || !c->g || c->g->type != NF_PER)
			continue;
		pcl *p = &sc->p[c->cl];
		if (!p->has_role && c->g->role && c->g->prio == 0) {
			/* the user's list is trusted for offices too; built-in ones may be out of date */
			p->has_role = 1;
			p->role_off = arena_add(sc, c->g->role, strlen(c->g->role));
			p->role_len = (uint32_t)strlen(c->g->role);
		}
		if (!p->has_aff && c->g->refers) {
			p->has_aff = 1;
			p->aff_off = arena_add(sc, c->g->refers, strlen(c->g->refers));
			p->aff_len = (uint32_t)strlen(c->g->refers);
		}
		if (!p->gender) {
			const char *sp = strchr(c->g->canon, ' ');
			if (sp) {
				const word_info *w = word_get(ner, c->g->canon, (size_t)(sp - c->g->canon));
				if (w && (w->flags & W_FIRST))
					p->gender = w->gender;
			}
		}
	}
}

void nf_ner_run(const nf_ner *ner, const char *text, size_t len, const nf_span *sents, size_t nsents,
		nf_entities *out)
{
	if (!out->priv)
		out->priv = nf_xcalloc(1, sizeof(scratch));
	scratch *sc = out->priv;
	sc->nc = 0;
	sc->np = 0;
	nf_buf_clear(&sc->arena);
	out->n = 0;
	out->nc = 0;
	if (len > UINT32_MAX - 16)
		len = UINT32_MAX - 16;
	nf_span whole = { 0, len, 1 };
	if (nsents == 0) {
		sents = &whole;
		nsents = 1;
	}
	if (!sc->memo)
		sc->memo = nf_xmalloc(sizeof *sc->memo << MEMO_BITS);
	if (!sc->gzm)
		sc->gzm = nf_xmalloc(sizeof *sc->gzm << GZMEMO_BITS);
	if (!sc->kpm)
		sc->kpm = nf_xmalloc(sizeof *sc->kpm << KPMEMO_BITS);
	if (!sc->canm)
		sc->canm = nf_xmalloc(sizeof *sc->canm << CANMEMO_BITS);
	if (sc->memo_ner != ner || sc->memo_gen != ner->gen) {
		memset(sc->memo, 0, sizeof *sc->memo << MEMO_BITS);     /* h 0 is no hash */
		memset(sc->gzm, 0, sizeof *sc->gzm << GZMEMO_BITS);     /* tag 0 is not in use */
		memset(sc->kpm, 0, sizeof *sc->kpm << KPMEMO_BITS);
		memset(sc->canm, 0, sizeof *sc->canm << CANMEMO_BITS);     /* p NULL is not in use */
		sc->memo_ner = ner;
		sc->memo_gen = ner->gen;
	}
	sc->ner = ner;
	sc->text = text;
	sc->len = len;
	sc->ncapr = 0;
	tokenize(ner, text, len, sents, nsents, sc);
	find_chunks(ner, text, sc);
	size_t body = sc->nc;
	find_caps(ner, text, sc, body);
	lower_roles(ner, text, sc);
	resolve(ner, text, sc);
	role_mentions(ner, text, sc);
	/* clusters in order of first mention; unused ones are skipped */
	ent_grow((void **)&sc->cmap, &sc->cmapcap, sc->np + 1, sizeof *sc->cmap);
	int *map = sc->cmap;
	for (size_t i = 0; i < sc->np; i++)
		map[i] = -1;
	for (size_t i = 0; i < sc->nc; i++) {
		const cand *c = &sc->c[i];
		if (c->drop || c->cl < 0)
			continue;
		if (map[c->cl] < 0) {
			map[c->cl] = (int)out->nc;
			ent_grow((void **)&out->c, &out->ccap, out->nc + 1, sizeof *out->c);
			const pcl *p = &sc->p[c->cl];
			nf_cluster *oc = &out->c[out->nc++];
			oc->type = p->type;
			/* pointers into the arena are set below, once it has stopped growing */
			oc->canonical = (char *)(uintptr_t)(p->canon_off + 1);
			oc->role = p->has_role ? (char *)(uintptr_t)(p->role_off + 1) : NULL;
			oc->affiliation = p->has_aff ? (char *)(uintptr_t)(p->aff_off + 1) : NULL;
			oc->refers = p->has_ref ? (char *)(uintptr_t)(p->ref_off + 1) : NULL;
			oc->gender = p->gender;
		}
		ent_grow((void **)&out->m, &out->cap, out->n + 1, sizeof *out->m);
		nf_mention *m = &out->m[out->n++];
		m->start = sc->t[c->a].s;
		m->end = sc->t[c->b - 1 + c->ext].e;
		m->sent = sc->t[c->a].sent;
		m->type = c->type;
		m->cluster = map[c->cl];
	}
	char *ap = sc->arena.p;
	for (size_t i = 0; i < out->nc; i++) {
		nf_cluster *oc = &out->c[i];
		oc->canonical = ap + ((uintptr_t)oc->canonical - 1);     /* (always set) */
		if (oc->role)
			oc->role = ap + ((uintptr_t)oc->role - 1);
		if (oc->affiliation)
			oc->affiliation = ap + ((uintptr_t)oc->affiliation - 1);
		if (oc->refers)
			oc->refers = ap + ((uintptr_t)oc->refers - 1);
	}
}

void nf_entities_free(nf_entities *e)
{
	if (!e)
		return;
	scratch *sc = e->priv;
	if (sc) {
		free(sc->t);
		free(sc->c);
		free(sc->ctmp);
		free(sc->p);
		free(sc->titles);
		free(sc->capr);
		free(sc->roles);
		free(sc->capt);
		free(sc->pad);
		free(sc->fr);
		free(sc->gv);
		free(sc->cmap);
		free(sc->sb);
		free(sc->memo);
		free(sc->gzm);
		free(sc->kpm);
		free(sc->canm);
		mm_free(&sc->mcl);
		mm_free(&sc->msur);
		mm_free(&sc->mtmp);
		nf_buf_free(&sc->arena);
		free(sc);
	}
	free(e->m);
	free(e->c);
	memset(e, 0, sizeof *e);
}
