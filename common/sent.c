/* sent.c - a rule-based sentence splitter: candidate ends are . ! ? and ellipses; the word
 * before and the word after decide (abbreviations, initials, numbers, lower-case
 * continuations). Line breaks end sentences unless join_lines is set. */
#include "sent.h"
#include "data.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

struct nf_splitter {
	nf_map *abbrev;     /* lower-case abbreviation -> class */
	nf_map *starters;   /* lower-case words that often begin a sentence */
	int join_lines;
};

enum { AB_OTHER = 1, AB_TITLE = 2, AB_TIME = 3, AB_CAPITAL = 16 };

static void add_abbrev(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_map *m = arg;
	if (n < 1 || f[0].n == 0)
		return;
	long cls = AB_OTHER;
	if (n > 1 && f[1].n == 5 && memcmp(f[1].p, "title", 5) == 0)
		cls = AB_TITLE;
	else if (n > 1 && f[1].n == 4 && memcmp(f[1].p, "time", 4) == 0)
		cls = AB_TIME;
	char *t = nf_xstrndup(f[0].p, f[0].n);
	if (t[0] >= 'A' && t[0] <= 'Z')
		cls |= AB_CAPITAL;
	for (size_t i = 0; i < f[0].n; i++)
		if (t[i] >= 'A' && t[i] <= 'Z')
			t[i] = (char)(t[i] + 32);
	nf_map_put(m, t, f[0].n, (void *)(intptr_t)cls);
	free(t);
}

nf_splitter *nf_splitter_new(const char *extra_abbrev, int join_lines)
{
	nf_splitter *s = nf_xcalloc(1, sizeof *s);
	s->abbrev = nf_xcalloc(1, sizeof *s->abbrev);
	nf_data_load("abbreviations.tsv", "abbrev\tclass", add_abbrev, s->abbrev);
	s->starters = nf_data_set("sentence_starters.tsv", "word", 1);
	s->join_lines = join_lines;
	if (extra_abbrev) {
		FILE *f = fopen(extra_abbrev, "r");
		if (!f)
			nf_die("%s: cannot open abbreviation list", extra_abbrev);
		char line[256];
		while (fgets(line, sizeof line, f)) {
			size_t n = strcspn(line, "\t\r\n");
			while (n && line[n - 1] == '.')
				n--;
			if (n && line[0] != '#')
				add_abbrev(&(nf_str){ line, n }, 1, 0, s->abbrev);
		}
		fclose(f);
	}
	return s;
}

void nf_splitter_free(nf_splitter *s)
{
	if (!s)
		return;
	nf_map_free(s->abbrev);
	nf_map_free(s->starters);
	free(s->abbrev);
	free(s->starters);
	free(s);
}

static int is_space(const char *t, size_t i, size_t len, size_t *w)
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

/* Closing quote or bracket at i (ASCII or ” ’ » ›); returns its length or 0. */
static size_t closer_at(const char *t, size_t i, size_t len)
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
static size_t opener_at(const char *t, size_t i, size_t len)
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

static int is_ellipsis_char(const char *t, size_t i, size_t len)
{
	return i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	       (unsigned char)t[i + 2] == 0xA6;
}

static int ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Is the character at i an upper-case letter (ASCII, or a Latin/Greek/Cyrillic capital)? */
static int upper_at(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80)
		return ascii_upper(c);
	if (i + 1 >= len)
		return 0;
	unsigned cp = (unsigned)(c & 0x1F) << 6 | ((unsigned char)t[i + 1] & 0x3F);
	if (c >= 0xC3 && c <= 0xC3)
		return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
	if (c == 0xD0)
		return cp >= 0x400 && cp <= 0x42F;       /* Cyrillic capitals */
	return 0;
}

typedef struct {
	const nf_splitter *s;
	const char *t;
	size_t len;
} ctx;

/* The word ending just before position end (letters, digits, dots, apostrophes). */
static void word_before(const ctx *c, size_t end, size_t *ws)
{
	size_t i = end;
	while (i > 0) {
		unsigned char ch = (unsigned char)c->t[i - 1];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '(' || ch == '"' || ch == '[' || ch == '/')
			break;
		if (ch == 0xA0 && i >= 2 && (unsigned char)c->t[i - 2] == 0xC2)
			break;
		if (ch == 0x9C && i >= 3 && (unsigned char)c->t[i - 3] == 0xE2)   /* “ */
			break;
		i--;
	}
	*ws = i;
}

/* Decides whether the period at dot (text continues at next, the first non-space after it)
 * ends a sentence. */
static int period_ends(const ctx *c, size_t dot, size_t next)
{
	const char *t = c->t;
	size_t ws;
	word_before(c, dot, &ws);
	size_t wn = dot - ws;
	unsigned char nc = (unsigned char)t[next];
	int next_upper = upper_at(t, next, c->len);
	/* the word after, lower-cased, for the sentence-starter list */
	char after[32];
	size_t an = 0;
	for (size_t i = next; i < c->len && an < sizeof after - 1; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (!(ascii_upper(ch) || ascii_lower(ch) || ch == '\''))
			break;
		after[an++] = (char)(ascii_upper(ch) ? ch + 32 : ch);
	}
	int starter = an > 0 && nf_map_has(c->s->starters, after, an);
	if (wn == 0)
		return next_upper || ascii_digit(nc) == 0;
	/* strip leading punctuation like "(" already excluded; look up the word minus dots */
	char key[64];
	size_t kn = 0, letters = 0, dots = 0, digits = 0, uppers = 0;
	for (size_t i = ws; i < dot && kn < sizeof key - 1; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (ch == '.') {
			dots++;
			continue;
		}
		if (ascii_digit(ch))
			digits++;
		if (ascii_upper(ch))
			uppers++;
		if (ascii_upper(ch) || ascii_lower(ch))
			letters++;
		key[kn++] = (char)(ascii_upper(ch) ? ch + 32 : ch);
	}
	long cls = (long)(intptr_t)nf_map_get(c->s->abbrev, key, kn);
	if ((cls & AB_CAPITAL) && !ascii_upper((unsigned char)t[ws]))
		cls = 0;                                  /* "ill", not "Ill." */
	cls &= ~AB_CAPITAL;
	if (ascii_digit(nc))                          /* "No. 5", "p. 55", "Jan. 6" */
		return cls ? 0 : 1;
	if (!next_upper)
		return 0;                                 /* "U.S. for", "Co. at": continues */
	if (cls == AB_TITLE)
		return 0;                                 /* "Dr. Smith" */
	if (cls == AB_TIME)
		return 1;                                 /* "5 p.m. Mr. Smith" */
	if (cls)
		return starter;                           /* "Co. It closed", not "U.S. Government" */
	/* single capital letter: an initial ("E. Smith"), unless it is the pronoun after a
	 * lower-case word ("you and I. Did") or a starter follows */
	if (wn == 1 && uppers == 1) {
		size_t pw;
		if (t[ws] == 'I' && ws >= 2) {
			word_before(c, ws - 1, &pw);
			if (pw < ws - 1 && ascii_lower((unsigned char)t[pw]))
				return 1;
		}
		return starter && t[ws] != 'I' ? 1 : 0;
	}
	/* acronym with inner dots (U.S.A.) works like an abbreviation */
	if (dots > 0 && letters <= 2 * (dots + 1) && digits == 0)
		return starter;
	return 1;
}

static void push(nf_span **spans, size_t *cap, size_t *n, const char *t, size_t a, size_t b, int para)
{
	size_t w;
	while (a < b && (t[a] == '\n' || is_space(t, a, b, &w)))
		a += (t[a] == '\n') ? 1 : w;
	while (b > a) {
		unsigned char ch = (unsigned char)t[b - 1];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v')
			b--;
		else if (ch == 0xA0 && b - 1 > a && (unsigned char)t[b - 2] == 0xC2)
			b -= 2;
		else
			break;
	}
	if (a >= b)
		return;
	nf_grow((void **)spans, cap, *n + 1, sizeof **spans);
	(*spans)[(*n)++] = (nf_span){ a, b, para };
}

size_t nf_split(const nf_splitter *s, const char *t, size_t len, nf_span **spans, size_t *cap)
{
	ctx c = { s, t, len };
	size_t n = 0, start = 0, w, para_first = 0;
	int para = 1;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (ch == '\n') {
			size_t j = i + 1;
			int blank = 0;
			while (j < len && (t[j] == '\n' || is_space(t, j, len, &w))) {
				blank |= t[j] == '\n';
				j += t[j] == '\n' ? 1 : w;
			}
			if (s->join_lines && !blank && j < len) {
				i = j - 1;
				continue;                     /* a wrapped line: the sentence goes on */
			}
			push(spans, cap, &n, t, start, i, para);
			if (n > para_first) {             /* empty lines do not count */
				para++;
				para_first = n;
			}
			start = j;
			i = j - 1;
			continue;
		}
		int ell = is_ellipsis_char(t, i, len);
		if (ch != '.' && ch != '!' && ch != '?' && !ell)
			continue;
		/* the run of terminators, including spaced ellipses ". . ." */
		size_t j = i;
		int has_q = 0, dots = 0;
		for (;;) {
			if (j < len && (t[j] == '.' || t[j] == '!' || t[j] == '?')) {
				has_q |= t[j] != '.';
				dots += t[j] == '.';
				j++;
			} else if (is_ellipsis_char(t, j, len)) {
				dots += 3;
				j += 3;
			} else if (j + 1 < len && t[j] == ' ' && t[j + 1] == '.' && dots > 0 && t[j - 1] == '.') {
				j++;                          /* ". . ." */
			} else
				break;
		}
		size_t k;
		while (j < len && (k = closer_at(t, j, len)) > 0)
			j += k;
		size_t next = j;
		while (next < len && is_space(t, next, len, &w))
			next += w;
		int spaced = next > j;
		/* an opening quote after the space: the word inside it decides */
		while (spaced && next < len && (k = opener_at(t, next, len)) > 0)
			next += k;
		if (!spaced && next < len && t[next] != '\n') {
			i = j - 1;                            /* "3.5", "e.g.x", "example.com", "Jr.'s" */
			continue;
		}
		int end;
		if (next >= len || t[next] == '\n')
			end = 1;
		else if (dots >= 2 || ell)
			end = upper_at(t, next, len);         /* ellipsis: ends only before a capital */
		else if (has_q)
			end = !ascii_lower((unsigned char)t[next]);
		else
			end = period_ends(&c, i, next);
		if (end) {
			push(spans, cap, &n, t, start, j, para);
			start = j;
		}
		i = j - 1;
	}
	push(spans, cap, &n, t, start, len, para);
	return n;
}
