/* hash.h - a string-keyed hash map (open addressing). The map owns copies of its keys
 * (NUL-terminated, never moved while the map lives); values are opaque pointers owned by the
 * caller. keys, lens and vals may be read directly (a NULL key: an empty slot). */
#ifndef NF_HASH_H
#define NF_HASH_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
	char **keys;
	size_t *lens;
	void **vals;
	size_t cap, n;
	void *store;          /* the blocks holding the key copies (hash.c's own) */
} nf_map;

void nf_map_init(nf_map *m);
void nf_map_free(nf_map *m);
/* Returns the value slot for key, adding the key (value NULL) when absent and add is set. */
void **nf_map_slot(nf_map *m, const char *key, size_t len, int add);
void *nf_map_get(const nf_map *m, const char *key, size_t len);   /* NULL when absent */
int nf_map_has(const nf_map *m, const char *key, size_t len);
void nf_map_put(nf_map *m, const char *key, size_t len, void *val);
uint64_t nf_hash(const char *s, size_t n);

#endif
