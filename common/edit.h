/* edit.h - edit distance between short strings (name variants: "Healy"/"Healey", "Pouslon"/
 * "Poulsen"). Pure functions: nothing is allocated or kept. */
#ifndef NF_EDIT_H
#define NF_EDIT_H
#include <stddef.h>

#define NF_EDIT_FAR 99   /* any distance above 2, and every string over 40 bytes */

/* Damerau-Levenshtein distance (optimal string alignment) on bytes; with fold, ASCII
 * letters compare without case. Distances above 2 come back as NF_EDIT_FAR. */
int nf_edit_distance(const char *a, size_t an, const char *b, size_t bn, int fold);

#endif
