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

void nf_map_free(nf_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->lens);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static size_t probe(const nf_map *m, const char *key, size_t len)
{
	size_t i = (size_t)nf_hash(key, len) & (m->cap - 1);
	while (m->keys[i] && !(m->lens[i] == len && memcmp(m->keys[i], key, len) == 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void rehash(nf_map *m)
{
	nf_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = nf_xcalloc(m->cap, sizeof *m->keys);
	m->lens = nf_xcalloc(m->cap, sizeof *m->lens);
	m->vals = nf_xcalloc(m->cap, sizeof *m->vals);
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			size_t j = probe(m, old.keys[i], old.lens[i]);
			m->keys[j] = old.keys[i];
			m->lens[j] = old.lens[i];
			m->vals[j] = old.vals[i];
		}
	free(old.keys);
	free(old.lens);
	free(old.vals);
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
	m->keys[i] = nf_xstrndup(key, len);
	m->lens[i] = len;
	m->vals[i] = NULL;
	m->n++;
	return &m->vals[i];
}

void *nf_map_get(const nf_map *m, const char *key, size_t len)
{
	void **s = nf_map_slot((nf_map *)m, key, len, 0);
	return s ? *s : NULL;
}

int nf_map_has(const nf_map *m, const char *key, size_t len) { return nf_map_slot((nf_map *)m, key, len, 0) != NULL; }

void nf_map_put(nf_map *m, const char *key, size_t len, void *val) { *nf_map_slot(m, key, len, 1) = val; }
