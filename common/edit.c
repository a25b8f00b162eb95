/* edit.c - capped Damerau-Levenshtein distance for name matching. */
#include "edit.h"

static int same(char x, char y, int fold)
{
	if (fold) {
		if (x >= 'A' && x <= 'Z')
			x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y + 32);
	}
	return x == y;
}

int nf_edit_distance(const char *a, size_t an, const char *b, size_t bn, int fold)
{
	if (an > 40 || bn > 40 || an > bn + 2 || bn > an + 2)
		return NF_EDIT_FAR;
	/* each edit changes the set of letters (mod 32, so case does not matter) by at most
	 * two: more than four differences mean more than two edits */
	unsigned long ma = 0, mb = 0;
	for (size_t i = 0; i < an; i++)
		ma |= 1ul << ((unsigned char)a[i] & 31);
	for (size_t i = 0; i < bn; i++)
		mb |= 1ul << ((unsigned char)b[i] & 31);
	int diff = 0;
	for (unsigned long x = ma ^ mb; x; x &= x - 1)
		diff++;
	if (diff > 4)
		return NF_EDIT_FAR;
	int d[42][42];
	for (size_t i = 0; i <= an; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= bn; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= an; i++)
		for (size_t j = 1; j <= bn; j++) {
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + !same(a[i - 1], b[j - 1], fold) < v)
				v = d[i - 1][j - 1] + !same(a[i - 1], b[j - 1], fold);
			if (i > 1 && j > 1 && same(a[i - 1], b[j - 2], fold) && same(a[i - 2], b[j - 1], fold) &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[an][bn] > 2 ? NF_EDIT_FAR : d[an][bn];
}
