/* Unit tests for edit: the capped Damerau-Levenshtein distance used to merge name variants. */
#include "edit.h"
#include "tap.h"
#include <string.h>

static int dist(const char *a, const char *b, int fold) { return nf_edit_distance(a, strlen(a), b, strlen(b), fold); }

int main(void)
{
	ok(dist("Healy", "Healey", 0) == 1, "one insertion");
	ok(dist("Pouslon", "Poulsen", 0) == 2, "a transposition and a substitution");
	ok(dist("Hegset", "Hegseth", 0) == 1, "one deletion");
	ok(dist("Mroel", "Morel", 0) == 1, "a transposition counts once");
	ok(dist("Berg", "Berg", 0) == 0, "equal strings");
	ok(dist("Smith", "Jones", 0) == NF_EDIT_FAR, "far apart: capped");
	ok(dist("HEALY", "Healey", 1) == 1 && dist("HEALY", "Healey", 0) == NF_EDIT_FAR, "fold ignores ASCII case only when asked");
	ok(dist("Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", 0) == NF_EDIT_FAR,
	   "strings over 40 bytes are never compared");
	return tap_done();
}
