/* hash.c - open-addressing string map with linear probing. */
#include "hash.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

uint64_t nf_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;       /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

void nf_map_init(nf_map *m) { memset(m, 0, sizeof *m); }

/* The key copies live in blocks (one malloc for many keys, one free each at the end), not
 * one allocation per key: loading the data files adds some 20,000 keys at start-up. */
typedef struct kblock { struct kblock *next; size_t used, cap; char d[]; } kblock;

static char *key_copy(nf_map *m, const char *key, size_t len)
{
	kblock *b = m->store;
	if (!b || b->cap - b->used < len + 1) {
		/* blocks grow with the map (small maps stay small), up to 32 KB */
		size_t cap = b ? 2 * b->cap : 512;
		if (cap > 32768 - sizeof *b)
			cap = 32768 - sizeof *b;
		if (cap < len + 1)
			cap = len + 1;
		kblock *nb = nf_xmalloc(sizeof *nb + cap);
		nb->next = b;
		nb->used = 0;
		nb->cap = cap;
		m->store = b = nb;
	}
	char *d = b->d + b->used;
	memcpy(d, key, len);
	d[len] = 0;
	b->used += len + 1;
	return d;
}

void nf_map_free(nf_map *m)
{
	for (kblock *b = m->store, *nb; b; b = nb) {
		nb = b->next;
		free(b);
	}
	free(m->keys);                        /* (lens and vals share its allocation) */
	memset(m, 0, sizeof *m);
}

/* The map's own hash (nf_hash stays FNV-1a for the callers that store its values): eight
 * bytes a step, then a full avalanche, since the table index is the low bits. */
static inline uint64_t load8(const char *p) { uint64_t x; memcpy(&x, p, 8); return x; }
static inline uint32_t load4(const char *p) { uint32_t x; memcpy(&x, p, 4); return x; }

static inline uint64_t map_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, t = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		h = (h ^ load8(s + i)) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 31;
	}
	size_t r = n - i;                     /* 0 to 7 bytes left: read them in two overlapping */
	if (r >= 4)
		t = (uint64_t)load4(s + i) << 32 | load4(s + n - 4);
	else if (r)
		t = (uint64_t)(unsigned char)s[i] << 16 | (uint64_t)(unsigned char)s[i + r / 2] << 8 |
		    (unsigned char)s[n - 1];
	h = (h ^ t) * 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 32);                 /* the well-mixed high half folded into the index bits */
}

/* Equal n-byte keys, compared inline: no memcmp call, so a lookup needs no saved registers. */
static inline int key_eq(const char *a, const char *b, size_t n)
{
	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8)
			if (load8(a + i) != load8(b + i))
				return 0;
		return load8(a + n - 8) == load8(b + n - 8);
	}
	if (n >= 4)
		return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))   /* into each lookup: no call */
#else
#define ALWAYS_INLINE inline
#endif

static ALWAYS_INLINE size_t probe(const nf_map *m, const char *key, size_t len)
{
	size_t i = (size_t)map_hash(key, len) & (m->cap - 1);
	while (m->keys[i] && !(m->lens[i] == len && key_eq(m->keys[i], key, len)))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void rehash(nf_map *m)
{
	nf_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	/* the three arrays in one allocation */
	_Static_assert(sizeof(char *) % sizeof(size_t) == 0 && sizeof(size_t) % sizeof(void *) == 0, "aligned arrays");
	m->keys = nf_xcalloc(m->cap, sizeof *m->keys + sizeof *m->lens + sizeof *m->vals);
	m->lens = (size_t *)(void *)(m->keys + m->cap);
	m->vals = (void **)(void *)(m->lens + m->cap);
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			/* (the keys are distinct: the first empty slot from the key's, as probe finds) */
			size_t j = (size_t)map_hash(old.keys[i], old.lens[i]) & (m->cap - 1);
			while (m->keys[j])
				j = (j + 1) & (m->cap - 1);
			m->keys[j] = old.keys[i];
			m->lens[j] = old.lens[i];
			m->vals[j] = old.vals[i];
		}
	free(old.keys);
}

void **nf_map_slot(nf_map *m, const char *key, size_t len, int add)
{
	if (m->cap == 0) {
		if (!add)
			return NULL;
		rehash(m);
	}
	size_t i = probe(m, key, len);
	if (m->keys[i])
		return &m->vals[i];
	if (!add)
		return NULL;
	if (2 * (m->n + 1) > m->cap) {
		rehash(m);
		i = probe(m, key, len);
	}
	m->keys[i] = key_copy(m, key, len);
	m->lens[i] = len;
	m->vals[i] = NULL;
	m->n++;
	return &m->vals[i];
}

void *nf_map_get(const nf_map *m, const char *key, size_t len)
{
	if (m->cap == 0)
		return NULL;
	size_t i = probe(m, key, len);
	return m->keys[i] ? m->vals[i] : NULL;
}

int nf_map_has(const nf_map *m, const char *key, size_t len) { return m->cap && m->keys[probe(m, key, len)]; }

void nf_map_put(nf_map *m, const char *key, size_t len, void *val) { *nf_map_slot(m, key, len, 1) = val; }
