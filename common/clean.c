/* clean.c - the block model (see clean.h): blocks from HTML or text lines, features,
 * classification, neighbour smoothing, main region, metadata. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "clean.h"
#include "data.h"
#include "hash.h"
#include "html.h"
#include "rec.h"
#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

enum { P_DROP, P_CAPTION, P_SECTION, P_END, P_KINDS };
static const char *const kind_names[P_KINDS] = { "drop", "caption", "section", "end" };

static const char *const langs[] = { "en", "es", "fr", "de", "it", "pt", "ru", "uk" };
#define NLANG ((int)(sizeof langs / sizeof langs[0]))

/* A compiled pattern that is interpreted until it has been used JIT_AFTER times, and then
 * JIT-compiled: a start-up or a single page does not pay for machine code it would run a
 * few times only. Both give the same matches. */
typedef struct {
	pcre2_code *re;
	unsigned uses;
	int jit;                /* JIT-compiled: matched with pcre2_jit_match */
	/* for an anchored pattern: whether a subject can match at all, by its first (up to
	 * PRE_BYTES) bytes, from a partial match on them; cached by those bytes, NULL until the
	 * pattern is first used */
	struct pre { uint32_t key; unsigned char len, can; } *pre;
} lazy;
#define JIT_AFTER 8    /* (64 left the rarer patterns to be compiled late in a long input: RSS grew 10%) */
#define PRE_BYTES 4
#define PRE_BITS 10
#define PRE_SLOTS (1u << PRE_BITS)

typedef struct {
	int kind;
	size_t maxlen;
	lazy re;
	int anchored;           /* begins with ^ and has no hints: grouped by first byte */
	size_t src, srclen;     /* its source in nf_cleaner.srcs */
} pattern;

/* Length classes of blocks for the anchored patterns: most bytes are in long paragraphs,
 * which few patterns allow, most blocks are short lines */
static const size_t cls_top[] = { 60, 220, SIZE_MAX };
#define NCLS ((int)(sizeof cls_top / sizeof cls_top[0]))
#define MAX_GATED 64            /* patterns tried only when a hint of theirs occurs */

/* The anchored patterns that a block's first byte and its length allow, as one alternation,
 * compiled when first needed. */
typedef struct {
	lazy re;                /* re.re NULL until first used */
	size_t pats, npats;     /* its patterns, in file order, in nf_cleaner.gpat */
} group;

struct nf_cleaner {
	nf_map stop;            /* lower-case word -> bit mask of the languages listing it */
	size_t stop_max;        /* the longest stop word's length in bytes */
	uint64_t stop_bloom[1024];      /* a bit per stop_key of each stop word */
	pattern *pat;
	size_t npat, pat_cap;
	lazy byline;
	nf_buf srcs;            /* every pattern's source */
	/* anchored patterns, grouped by the first bytes they can match and the block lengths
	 * their maxlen allows: a block of n bytes is in length class k, the first with
	 * n <= cls_top[k], and first[c][k] is the group of those that can start with byte c
	 * and allow a length in that class (-1: none) */
	short first[256][NCLS];
	/* for a first byte and a class: the ASCII second bytes with which its group can match
	 * (can), of those tried so far (known): a bit test for most blocks */
	struct { uint64_t known[2], can[2]; } second[128][NCLS];
	group *grp;
	size_t ngrp, grp_cap;
	size_t *gpat;
	size_t ngpat, gpat_cap;
	/* the other patterns (unanchored, or with hints) are "gated": each is tried alone, and
	 * only when one of its hints occurs in the block (or it has none: bit in always).
	 * gated[j] is the pattern of bit j, in file order. */
	size_t gated[MAX_GATED];
	int ngated;
	uint64_t always;
	size_t gated_max;       /* longest maxlen of a gated pattern */
	uint64_t gated_len[1024];       /* [n]: the gated patterns whose maxlen allows n bytes */
	/* hints: a bit per hash of each hint's first three bytes; the hints shorter than
	 * that are compared at every offset */
	uint64_t tri[1024];
	/* where to look for hints, at even offsets only: a bit per hash of the trigrams at
	 * offsets 0 and 1 of each hint (offset 0 only for hints of three bytes), and a bit per
	 * last pair of the three-byte hints */
	uint64_t tri01[1024];
	uint64_t pair3[1024];
	nf_buf hints;           /* every hint, ASCII-folded, back to back */
	struct { size_t off, len; unsigned hash; uint64_t bit; short next; } hint[160];
	short hint_head[1024];  /* by hash & 1023: the first hint with it (chained by next), -1 */
	int nhint, nshort;
	int no_jit;             /* NEWSFILTER_NO_JIT is set: never JIT-compile */
	int short_hint[16];     /* indexes into hint[] of the hints shorter than three bytes */
};

/* ---- loading ---- */

static pcre2_code *compile(const char *src, size_t n, const char *file, long line, uint32_t flags)
{
	int err;
	PCRE2_SIZE eoff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, n, PCRE2_UTF | flags,
				       &err, &eoff, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		nf_die("%s:%ld: bad pattern at offset %zu: %s", file, line, (size_t)eoff, (char *)msg);
	}
	return re;
}

/* Whether re can match a subject that begins with s[0..k) (whole characters): a partial
 * match (the subject ended while a match was still possible) says it can. */
static int can_start(const pcre2_code *re, const char *s, size_t k, pcre2_match_data *md)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)s, k, 0, PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
			     md, NULL);
	return rc != PCRE2_ERROR_NOMATCH;
}

/* Whether the anchored pattern of l can match a subject that begins with s[0..k) (whole
 * characters, k <= 4), cached by those bytes. */
static int can_start_cached(lazy *l, const char *s, size_t k, pcre2_match_data *md)
{
	uint32_t key = 0;
	memcpy(&key, s, k);
	if (!l->pre)
		l->pre = nf_xcalloc(PRE_SLOTS, sizeof *l->pre);
	struct pre *e = &l->pre[((key ^ (uint32_t)k) * 2654435761u) >> (32 - PRE_BITS)];
	if (e->len != k || e->key != key) {
		e->key = key;
		e->len = (unsigned char)k;
		e->can = (unsigned char)can_start(l->re, s, k, md);
	}
	return e->can;
}

/* 0 when the anchored pattern of l cannot match s[0..n) (valid UTF-8), judged by its first
 * two (when two is set) and then four bytes: most blocks start in a way no pattern of the
 * group can, and this costs a lookup or two. */
static int may_match(lazy *l, const char *s, size_t n, pcre2_match_data *md, int two)
{
	if (n <= PRE_BYTES)
		return 1;
	size_t k = two ? 2 : 0;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;            /* whole characters only */
	if (k && !can_start_cached(l, s, k, md))
		return 0;
	size_t k4 = PRE_BYTES;
	while (k4 > 0 && ((unsigned char)s[k4] & 0xC0) == 0x80)
		k4--;
	return k4 <= k || can_start_cached(l, s, k4, md);
}

/* One match of l on s[0..n) (valid UTF-8). Without JIT (not built in, no executable memory,
 * or NEWSFILTER_NO_JIT set because valgrind cannot follow JIT code) pcre2_match interprets;
 * the JIT entry point skips pcre2_match's checks. */
static int lazy_match(const nf_cleaner *c, lazy *l, const char *s, size_t n, pcre2_match_data *md)
{
	if (!l->jit && ++l->uses == JIT_AFTER && !c->no_jit &&
	    pcre2_jit_compile(l->re, PCRE2_JIT_COMPLETE) == 0)
		l->jit = 1;
	if (l->jit)
		return pcre2_jit_match(l->re, (PCRE2_SPTR)s, n, 0, 0, md, NULL);
	return pcre2_match(l->re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md, NULL);
}

static unsigned char fold(char ch) { return (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch); }
static unsigned tri_hash(unsigned char a, unsigned char b, unsigned char c)
{
	uint32_t v = ((uint32_t)a << 16 | (uint32_t)b << 8 | c) * 2654435761u;   /* Fibonacci hashing */
	return v >> 16;
}

static void load_pattern(const nf_str *f, size_t n, long line, void *arg)
{
	nf_cleaner *c = arg;
	if (n < 3)
		nf_die("boilerplate.tsv:%ld: expected kind, maxlen and pattern", line);
	int kind = -1;
	for (int k = 0; k < P_KINDS; k++)
		if (f[0].n == strlen(kind_names[k]) && !memcmp(f[0].p, kind_names[k], f[0].n))
			kind = k;
	if (kind < 0)
		nf_die("boilerplate.tsv:%ld: unknown kind '%.*s'", line, (int)f[0].n, f[0].p);
	size_t maxlen = 0;
	for (size_t i = 0; i < f[1].n; i++) {
		if (f[1].p[i] < '0' || f[1].p[i] > '9')
			nf_die("boilerplate.tsv:%ld: maxlen is not a number", line);
		maxlen = maxlen * 10 + (size_t)(f[1].p[i] - '0');
	}
	int anch = f[2].n && f[2].p[0] == '^', hinted = n >= 4 && f[3].n;
	nf_grow((void **)&c->pat, &c->pat_cap, c->npat + 1, sizeof *c->pat);
	c->pat[c->npat++] = (pattern){ kind, maxlen ? maxlen : SIZE_MAX,
				       /* no captures: only whether it matches counts, and a match saves
				        * no groups (the group alternations have ~40) */
				       { compile(f[2].p, f[2].n, "boilerplate.tsv", line,
						 PCRE2_CASELESS | PCRE2_NO_AUTO_CAPTURE), 0, 0, NULL },
				       0, 0, 0 };
	pattern *pt = &c->pat[c->npat - 1];
	pt->anchored = anch && !hinted;
	pt->src = c->srcs.n;
	pt->srclen = f[2].n;
	nf_buf_add(&c->srcs, f[2].p, f[2].n);
	if (pt->anchored)
		return;         /* grouped by first byte once all are loaded */
	if (c->ngated == MAX_GATED)
		nf_die("boilerplate.tsv:%ld: too many patterns that are not anchored", line);
	uint64_t bit = 1ull << c->ngated;
	c->gated[c->ngated++] = c->npat - 1;
	if (pt->maxlen > c->gated_max)
		c->gated_max = pt->maxlen;
	if (!hinted)
		c->always |= bit;
	for (size_t i = 0; hinted && i < f[3].n;) {
		size_t j = i;
		while (j < f[3].n && f[3].p[j] != ',')
			j++;
		if (j > i) {
			if (c->nhint == (int)(sizeof c->hint / sizeof c->hint[0]) ||
			    (j - i < 3 && c->nshort == (int)(sizeof c->short_hint / sizeof c->short_hint[0])))
				nf_die("boilerplate.tsv:%ld: too many hints", line);
			unsigned h = 0;
			if (j - i >= 3) {
				h = tri_hash(fold(f[3].p[i]), fold(f[3].p[i + 1]), fold(f[3].p[i + 2]));
				c->tri[h >> 6] |= 1ull << (h & 63);
				c->tri01[h >> 6] |= 1ull << (h & 63);
				if (j - i >= 4) {
					unsigned h1 = tri_hash(fold(f[3].p[i + 1]), fold(f[3].p[i + 2]), fold(f[3].p[i + 3]));
					c->tri01[h1 >> 6] |= 1ull << (h1 & 63);
				} else {
					unsigned x = (unsigned)fold(f[3].p[i + 1]) << 8 | fold(f[3].p[i + 2]);
					c->pair3[x >> 6] |= 1ull << (x & 63);
				}
			} else {
				c->short_hint[c->nshort++] = c->nhint;
			}
			if (j - i >= 3) {
				c->hint[c->nhint].next = c->hint_head[h & 1023];
				c->hint_head[h & 1023] = (short)c->nhint;
			}
			c->hint[c->nhint].off = c->hints.n;
			c->hint[c->nhint].len = j - i;
			c->hint[c->nhint].bit = bit;
			c->hint[c->nhint++].hash = h;
			for (size_t k = i; k < j; k++)
				nf_buf_addc(&c->hints, (char)fold(f[3].p[k]));
		}
		i = j + 1;
	}
}

/* The first bytes an anchored pattern can match, from PCRE2's own analysis (all 256 when
 * it has none). */
static void first_bytes(const pcre2_code *re, unsigned char set[32])
{
	uint32_t type = 0, cu = 0;
	const uint8_t *bm = NULL;
	pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type);
	pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bm);
	if (bm) {
		memcpy(set, bm, 32);
		return;
	}
	if (type == 1 && pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &cu) == 0 && cu < 256) {
		memset(set, 0, 32);
		set[cu / 8] |= (unsigned char)(1u << (cu % 8));
		if (cu < 128 && ((cu | 32) >= 'a' && (cu | 32) <= 'z')) {
			unsigned o = cu ^ 32;   /* caseless: the other case too */
			set[o / 8] |= (unsigned char)(1u << (o % 8));
		}
		return;
	}
	memset(set, 0xFF, 32);
}

/* One group per distinct set of anchored patterns that a first byte and a length class
 * allow, so a block is tried only against the patterns that can start the way it does and
 * whose maxlen its length is within. */
static void group_anchored(nf_cleaner *c)
{
	unsigned char (*sets)[32] = nf_xcalloc(c->npat + 1, 32);
	for (size_t i = 0; i < c->npat; i++)
		if (c->pat[i].anchored)
			first_bytes(c->pat[i].re.re, sets[i]);
	/* the pattern list of each byte and class, as a string key, deduplicated */
	nf_buf key = { 0 };
	nf_map groups;
	nf_map_init(&groups);
	for (int ch = 0; ch < 256; ch++)
		for (int k = 0; k < NCLS; k++) {
			size_t lo = k ? cls_top[k - 1] : 0;     /* the class is lo < n <= cls_top[k] */
			c->first[ch][k] = -1;
			nf_buf_clear(&key);
			for (size_t i = 0; i < c->npat; i++)
				if (c->pat[i].anchored && (sets[i][ch / 8] >> (ch % 8) & 1) && c->pat[i].maxlen > lo)
					nf_buf_addf(&key, "%zu,", i);
			if (!key.n)
				continue;
			void **slot = nf_map_slot(&groups, key.p, key.n, 1);
			if (!*slot) {
				if (c->ngrp >= SHRT_MAX)
					nf_die("boilerplate.tsv: too many pattern groups");
				nf_grow((void **)&c->grp, &c->grp_cap, c->ngrp + 1, sizeof *c->grp);
				group *gr = &c->grp[c->ngrp];
				memset(gr, 0, sizeof *gr);
				gr->pats = c->ngpat;
				for (size_t i = 0; i < c->npat; i++)
					if (c->pat[i].anchored && (sets[i][ch / 8] >> (ch % 8) & 1) && c->pat[i].maxlen > lo) {
						nf_grow((void **)&c->gpat, &c->gpat_cap, c->ngpat + 1, sizeof *c->gpat);
						c->gpat[c->ngpat++] = i;
					}
				gr->npats = c->ngpat - gr->pats;
				*slot = (void *)(intptr_t)(c->ngrp + 1);
				c->ngrp++;
			}
			c->first[ch][k] = (short)((intptr_t)*slot - 1);
		}
	nf_map_free(&groups);
	nf_buf_free(&key);
	free(sets);
}

/* The alternation of a group's patterns, each marked with its index. */
static void compile_group(nf_cleaner *c, group *gr)
{
	nf_buf alt = { 0 };
	for (size_t j = 0; j < gr->npats; j++) {
		const pattern *pt = &c->pat[c->gpat[gr->pats + j]];
		nf_buf_addf(&alt, "%s(*MARK:%zu)(?:%.*s)", j ? "|" : "", c->gpat[gr->pats + j],
			    (int)pt->srclen, c->srcs.p + pt->src);
	}
	gr->re.re = compile(alt.p, alt.n, "boilerplate.tsv", 0,
			    PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_NO_AUTO_CAPTURE);
	nf_buf_free(&alt);
}

typedef struct { nf_cleaner *c; int lang; } stop_arg;

/* A cheap 16-bit key of a word from its length n and its first (a), second (b) and last (z)
 * bytes: most words that are no stop word are told apart by it without a hash lookup. */
static unsigned stop_key3(size_t n, unsigned a, unsigned b, unsigned z)
{
	uint32_t v = (uint32_t)n << 24 | (uint32_t)a << 16 | (uint32_t)b << 8 | z;
	return (v * 2654435761u) >> 16;
}

static unsigned stop_key(const char *w, size_t n)
{
	const unsigned char *u = (const unsigned char *)w;
	return stop_key3(n, u[0], u[n > 1], u[n - 1]);
}

static void load_stop(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	stop_arg *a = arg;
	if (!n || !f[0].n)
		return;
	void **slot = nf_map_slot(&a->c->stop, f[0].p, f[0].n, 1);
	if (f[0].n > a->c->stop_max)
		a->c->stop_max = f[0].n;
	unsigned k = stop_key(f[0].p, f[0].n);
	a->c->stop_bloom[k >> 6] |= 1ull << (k & 63);
	*slot = (void *)((uintptr_t)*slot | (1u << a->lang));
}

nf_cleaner *nf_cleaner_new(void)
{
	nf_cleaner *c = nf_xcalloc(1, sizeof *c);
	nf_map_init(&c->stop);
	for (size_t i = 0; i < sizeof c->hint_head / sizeof c->hint_head[0]; i++)
		c->hint_head[i] = -1;
	c->no_jit = getenv("NEWSFILTER_NO_JIT") != NULL;
	for (int l = 0; l < NLANG; l++) {
		char name[64];
		snprintf(name, sizeof name, "stopwords_%s.tsv", langs[l]);
		stop_arg a = { c, l };
		nf_data_load(name, "word", load_stop, &a);
	}
	nf_data_load("boilerplate.tsv", "kind\tmaxlen\tpattern\thints", load_pattern, c);
	group_anchored(c);
	for (size_t len = 0; len < sizeof c->gated_len / sizeof c->gated_len[0]; len++)
		for (int j = 0; j < c->ngated; j++)
			if (len <= c->pat[c->gated[j]].maxlen)
				c->gated_len[len] |= 1ull << j;
	c->byline.re = compile("^(?i:by|von|par|por|di|door|автор|автори|авторы)\\s*:?\\s*"
			    "((?:\\p{Lu}[\\p{L}.'’-]*\\s*){1,4}(?:(?:,|\\band\\b|&|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\bи\\b|\\bі\\b)\\s*(?:\\p{Lu}[\\p{L}.'’-]*\\s*){1,4})*)"
			    "(?:[|,·•–—-].{0,60})?$", PCRE2_ZERO_TERMINATED, "byline", 0, 0);
	return c;
}

void nf_cleaner_free(nf_cleaner *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->npat; i++)
		pcre2_code_free(c->pat[i].re.re), free(c->pat[i].re.pre);
	free(c->pat);
	pcre2_code_free(c->byline.re);
	free(c->byline.pre);
	nf_map_free(&c->stop);
	nf_buf_free(&c->srcs);
	nf_buf_free(&c->hints);
	for (size_t i = 0; i < c->ngrp; i++)
		pcre2_code_free(c->grp[i].re.re), free(c->grp[i].re.pre);
	free(c->grp);
	free(c->gpat);
	free(c);
}

/* ---- dates ---- */

static const struct { const char *name; int month; } month_names[] = {
	{ "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "may", 5 }, { "jun", 6 },
	{ "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
	{ "ene", 1 }, { "abr", 4 }, { "ago", 8 }, { "dic", 12 }, { "janv", 1 }, { "févr", 2 },
	{ "fév", 2 }, { "mars", 3 }, { "avr", 4 }, { "mai", 5 }, { "juin", 6 }, { "juil", 7 },
	{ "août", 8 }, { "déc", 12 }, { "mär", 3 }, { "okt", 10 }, { "dez", 12 }, { "gen", 1 },
	{ "mag", 5 }, { "giu", 6 }, { "lug", 7 }, { "set", 9 }, { "ott", 10 }, { "fev", 2 },
	{ "out", 10 }, { "янв", 1 }, { "фев", 2 }, { "мар", 3 }, { "апр", 4 }, { "мая", 5 },
	{ "май", 5 }, { "июн", 6 }, { "июл", 7 }, { "авг", 8 }, { "сен", 9 }, { "окт", 10 },
	{ "ноя", 11 }, { "дек", 12 }, { "січ", 1 }, { "лют", 2 }, { "бер", 3 }, { "кві", 4 },
	{ "тра", 5 }, { "чер", 6 }, { "лип", 7 }, { "сер", 8 }, { "вер", 9 }, { "жов", 10 },
	{ "лис", 11 }, { "гру", 12 }, { NULL, 0 }
};

typedef struct { int num; int val, digits; size_t start, end; int month; } dtok;

/* A word naming a month (in any of the stop-word languages), by its lower-case prefix. */
static int month_word(const char *w, size_t n)
{
	char low[48];
	size_t k = 0, chars = 0;
	/* most words start with a letter no month name starts with */
	unsigned char c0 = (unsigned char)w[0];
	if (n < 3 || n > 40 || (c0 < 0x80 && (!c0 || !strchr("JFMASONDEGLjfmasondegl", c0))))
		return 0;
	for (size_t i = 0; i < n && k + 4 < sizeof low; chars++) {
		int32_t cp;
		size_t l = nf_utf8_dec((const unsigned char *)w + i, n - i, &cp);
		if (!l)
			break;
		k += nf_utf8_enc(utf8proc_tolower(cp), low + k);
		i += l;
	}
	low[k] = 0;
	if (chars < 3 || chars > 10)
		return 0;
	for (int i = 0; month_names[i].name; i++) {
		if (month_names[i].name[0] != low[0])
			continue;
		size_t ml = strlen(month_names[i].name);
		if (k >= ml && !memcmp(low, month_names[i].name, ml)) {
			/* "mar" must not read "market", "may" must not read "mayor": short names need
			 * the word to be short too (abbreviation or inflected month name) */
			if (ml == 3 && k > 3 && low[0] >= 'a' && low[0] <= 'z') {
				static const char *const full[] = { "january", "february", "march", "april",
					"june", "july", "august", "september", "sept", "october", "november", "december",
					"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
					"septiembre", "setiembre", "octubre", "noviembre", "diciembre", "januar",
					"februar", "juni", "juli", "oktober", "dezember", "gennaio", "febbraio",
					"aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
					"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro",
					"outubro", "novembro", "dezembro", "janvier", "février", "avril", "juillet",
					"septembre", "octobre", "novembre", "décembre", NULL };
				int okw = 0;
				for (int j = 0; full[j]; j++)
					if (!strcmp(low, full[j]))
						okw = 1;
				if (!okw)
					return 0;
			}
			return month_names[i].month;
		}
	}
	return 0;
}

static int is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (unsigned)((cp | 32) - 'a') < 26;
	int cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static int tokenize_date(const char *s, size_t n, dtok *t, int max)
{
	int k = 0;
	size_t i = 0;
	while (i < n && k < max) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9') {
			size_t j = i;
			int v = 0;
			while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 9)
				v = v * 10 + (s[j++] - '0');
			t[k++] = (dtok){ 1, v, (int)(j - i), i, j, 0 };
			i = j;
			continue;
		}
		if (c < 0x80 && (unsigned)((c | 32) - 'a') >= 26) {
			i++;    /* ASCII, not a letter */
			continue;
		}
		int32_t cp;
		size_t l = nf_utf8_dec((const unsigned char *)s + i, n - i, &cp);
		if (!l) { i++; continue; }
		if (is_letter(cp)) {
			size_t j = i;
			while (j < n) {
				unsigned char d = (unsigned char)s[j];
				if (d < 0x80) {
					if ((unsigned)((d | 32) - 'a') >= 26)
						break;
					j++;
					continue;
				}
				size_t m = nf_utf8_dec((const unsigned char *)s + j, n - j, &cp);
				if (!m || !is_letter(cp))
					break;
				j += m;
			}
			t[k++] = (dtok){ 0, 0, 0, i, j, month_word(s + i, j - i) };
			i = j;
			continue;
		}
		i += l;
	}
	return k;
}

static int valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static int ymd_out(int y, int m, int d, char out[11])
{
	if (y < 100)
		y += 2000;
	if (!valid_ymd(y, m, d))
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* sep between tokens a and b: the bytes between them are one of "-./" */
static char sep_of(const char *s, const dtok *a, const dtok *b)
{
	if (b->start != a->end + 1)
		return 0;
	char c = s[a->end];
	return c == '-' || c == '/' || c == '.' ? c : 0;
}

int nf_clean_date(const char *s, size_t n, int day_first, char out[11])
{
	dtok t[48];
	int k = tokenize_date(s, n, t, 48);
	/* YYYY-MM-DD, YYYY/MM/DD */
	for (int i = 0; i + 2 < k; i++)
		if (t[i].num && t[i].digits == 4 && t[i + 1].num && t[i + 2].num && t[i + 1].digits <= 2 &&
		    t[i + 2].digits <= 2 && sep_of(s, &t[i], &t[i + 1]) && sep_of(s, &t[i + 1], &t[i + 2]))
			if (ymd_out(t[i].val, t[i + 1].val, t[i + 2].val, out))
				return 1;
	/* a month name with a day and a year near it */
	for (int i = 0; i < k; i++) {
		if (t[i].num || !t[i].month)
			continue;
		int day = 0, year = 0;
		if (i > 0 && t[i - 1].num && t[i - 1].digits <= 2 && t[i - 1].val >= 1 && t[i - 1].val <= 31)
			day = t[i - 1].val;
		else if (i > 1 && t[i - 2].num && t[i - 2].digits <= 2 && !t[i - 1].num && t[i - 1].end - t[i - 1].start <= 3)
			day = t[i - 2].val;      /* "12 de febrero" */
		if (i + 1 < k && t[i + 1].num && t[i + 1].digits <= 2 && t[i + 1].val >= 1 && t[i + 1].val <= 31 && !day)
			day = t[i + 1].val;
		for (int j = i + 1; j < k && j <= i + 4; j++)
			if (t[j].num && t[j].digits == 4) {
				year = t[j].val;
				break;
			}
		if (day && year && ymd_out(year, t[i].month, day, out))
			return 1;
	}
	/* DD/MM/YYYY or MM/DD/YYYY */
	for (int i = 0; i + 2 < k; i++)
		if (t[i].num && t[i + 1].num && t[i + 2].num && t[i].digits <= 2 && t[i + 1].digits <= 2 &&
		    (t[i + 2].digits == 4 || t[i + 2].digits == 2) &&
		    sep_of(s, &t[i], &t[i + 1]) && sep_of(s, &t[i], &t[i + 1]) == sep_of(s, &t[i + 1], &t[i + 2])) {
			int a = t[i].val, b = t[i + 1].val, y = t[i + 2].val;
			int df = day_first != NF_DATE_MONTH_FIRST;
			if (a > 12)
				df = 1;
			else if (b > 12)
				df = 0;
			if (ymd_out(y, df ? b : a, df ? a : b, out))
				return 1;
		}
	return 0;
}

/* ---- blocks and their features ---- */

enum { R_NONE, R_TITLE, R_DEK, R_BYLINE, R_DATE };

typedef struct {
	size_t off, len;        /* normalised text in r->norm */
	int chars, words, caps, stop;
	int stopl[NLANG];
	double ld;              /* link density (HTML) */
	size_t lead;            /* bytes of headline link at the block's start (HTML) */
	int tag, elem;
	unsigned hf;            /* NF_HB_* (HTML) */
	int punct;              /* ends like a sentence */
	int pat;                /* pattern kind matched, or -1 */
	int gap;                /* text: a blank line before it */
	int cls, keep, role;
	int cls0;               /* class from the block's own features, before smoothing */
	int strong;             /* bad for a reason no neighbour can overrule (pattern, links...) */
	int insert;             /* a teaser box inside the text: no boundary for a run of text */
	const char *reason;
} blk;

typedef struct {
	nf_page page;
	blk *b;
	size_t nb, cap;
	nf_buf tmp;
	pcre2_match_data *md;
	/* the page's spelled-out dates, for date_order: a day number and the month next to it */
	struct dpair { int day, month, before; } *dp;
	size_t ndp, dp_cap;
	int dp_done;            /* dp is filled for this document */
} work;

void nf_clean_result_init(nf_clean_result *r) { memset(r, 0, sizeof *r); }

void nf_clean_result_free(nf_clean_result *r)
{
	nf_buf *bufs[] = { &r->title, &r->date, &r->author, &r->description, &r->text, &r->norm };
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		nf_buf_free(bufs[i]);
	free(r->blk);
	work *w = r->priv;
	if (w) {
		nf_page_free(&w->page);
		free(w->b);
		nf_buf_free(&w->tmp);
		pcre2_match_data_free(w->md);
		free(w->dp);
		free(w);
	}
	memset(r, 0, sizeof *r);
}

static blk *add_block(work *w, size_t off, size_t len)
{
	nf_grow((void **)&w->b, &w->cap, w->nb + 1, sizeof *w->b);
	blk *b = &w->b[w->nb++];
	memset(b, 0, sizeof *b);
	b->off = off;
	b->len = len;
	b->pat = -1;
	b->elem = -1;
	return b;
}

static int is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	int cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

static int is_cjk(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static const unsigned char fold_tab[256] = {
#define F1(i) (unsigned char)((i) >= 'A' && (i) <= 'Z' ? (i) + 32 : (i))
#define F4(i) F1(i), F1(i + 1), F1(i + 2), F1(i + 3)
#define F16(i) F4(i), F4(i + 4), F4(i + 8), F4(i + 12)
#define F64(i) F16(i), F16(i + 16), F16(i + 32), F16(i + 48)
	F64(0), F64(64), F64(128), F64(192)
#undef F64
#undef F16
#undef F4
#undef F1
};

/* ASCII letters (1) and digits (2) */
static const unsigned char alnum_tab[256] = {
#define A1(i) (unsigned char)(((i) >= 'a' && (i) <= 'z') || ((i) >= 'A' && (i) <= 'Z') ? 1 : (i) >= '0' && (i) <= '9' ? 2 : 0)
#define A4(i) A1(i), A1(i + 1), A1(i + 2), A1(i + 3)
#define A16(i) A4(i), A4(i + 4), A4(i + 8), A4(i + 12)
#define A64(i) A16(i), A16(i + 16), A16(i + 32), A16(i + 48)
	A64(0), A64(64)
#undef A64
#undef A16
#undef A4
#undef A1
};

/* stop_key of the ASCII-folded w[0..n) */
static unsigned stop_key_folded(const unsigned char *w, size_t n)
{
	return stop_key3(n, fold_tab[w[0]], fold_tab[w[n > 1]], fold_tab[w[n - 1]]);
}

/* Words, capitalised words, stop words per language, characters, final punctuation. */
static void features(const nf_cleaner *c, const char *s, blk *b)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = b->len;
	char low[64];
	int32_t last = 0;
	while (i < n) {
		int32_t cp;
		if (u[i] < 0x80 && !alnum_tab[u[i]]) {
			/* ASCII space or punctuation */
			b->chars++;
			if (u[i] != ' ')
				last = u[i];
			i++;
			continue;
		}
		size_t k = u[i] < 0x80 ? (cp = u[i], 1) : nf_utf8_dec(u + i, n - i, &cp);
		if (!k) { k = 1; cp = 0xFFFD; }
		b->chars++;
		if (!is_word_cp(cp)) {
			if (cp != ' ')
				last = cp;
			i += k;
			continue;
		}
		/* a word: letters, digits and inner apostrophes */
		size_t lk = 0;
		const unsigned char *raw = NULL;        /* a word of one ASCII run: its bytes, not folded into low */
		int first = 1, upper = 0, alpha = 0;
		while (i < n) {
			size_t m = u[i] < 0x80 ? (cp = u[i], 1) : nf_utf8_dec(u + i, n - i, &cp);
			if (!m) break;
			if (cp < 0x80 && alnum_tab[cp]) {
				/* a run of ASCII letters and digits: the common case, in one loop */
				if (first) {
					upper = (unsigned)(cp - 'A') < 26;
					first = 0;
				}
				size_t j = i;
				unsigned kinds = 0;
				do
					kinds |= alnum_tab[u[j]];
				while (++j < n && alnum_tab[u[j]]);
				alpha |= kinds & 1;
				if (!lk && (j == n || (u[j] < 0x80 && u[j] != '\''))) {
					/* the whole word: folded only if the stop-word filter lets it by */
					raw = u + i;
					lk = j - i < sizeof low - 4 ? j - i : sizeof low - 4;
					b->chars += (int)(j - i);
					last = u[j - 1];
					i = j;
					break;
				}
				/* the lower-case word is only looked up when it can be a stop word; lk
				 * counts what it would hold (up to 60 bytes) */
				if (lk + (j - i) <= c->stop_max || c->stop_max >= sizeof low - 4) {
					for (size_t t = i; t < j && lk + 4 < sizeof low; t++)
						low[lk++] = (char)fold_tab[u[t]];
				} else if (lk < sizeof low - 4)
					lk = lk + (j - i) < sizeof low - 4 ? lk + (j - i) : sizeof low - 4;
				b->chars += (int)(j - i);
				last = u[j - 1];
				i = j;
				if (i < n && u[i] < 0x80 && u[i] != '\'')
					break;  /* ASCII space or punctuation ends the word */
				continue;
			}
			int wc = is_word_cp(cp);
			if (!wc && (cp == '\'' || cp == 0x2019) && i + m < n && lk) {
				int32_t nx;
				size_t mm = u[i + m] < 0x80 ? (nx = u[i + m], 1) : nf_utf8_dec(u + i + m, n - i - m, &nx);
				if (mm && is_word_cp(nx)) {
					if (lk + 1 < sizeof low) low[lk++] = '\'';
					i += m;
					b->chars++;
					continue;
				}
			}
			if (!wc)
				break;
			if (first) {
				int cat = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? UTF8PROC_CATEGORY_LU : 0) : utf8proc_category(cp);
				upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
				first = 0;
			}
			if (cp >= 0x80 ? utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO : !(cp >= '0' && cp <= '9'))
				alpha = 1;
			int32_t lc = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : utf8proc_tolower(cp);
			if (lk + 4 < sizeof low)
				lk += nf_utf8_enc(lc, low + lk);
			if (cp >= 0x3040 && is_cjk(cp)) {
				/* CJK: count characters as words, each ~ one word of English */
				b->words++;
			}
			i += m;
			b->chars++;
			last = cp;
		}
		b->chars--;     /* the loop counted the word's first character twice */
		b->words++;
		if (upper && alpha)
			b->caps++;
		uintptr_t mask = 0;
		if (lk <= c->stop_max) {
			unsigned sk = raw ? stop_key_folded(raw, lk) : stop_key(low, lk);
			if (c->stop_bloom[sk >> 6] >> (sk & 63) & 1) {
				for (size_t t = 0; raw && t < lk; t++)
					low[t] = (char)fold_tab[raw[t]];
				mask = (uintptr_t)nf_map_get(&c->stop, low, lk);
			}
		}
		for (; mask; mask &= mask - 1)
			b->stopl[__builtin_ctzl((unsigned long)mask)]++;
	}
	b->punct = last == '.' || last == '!' || last == '?' || last == 0x2026 || last == 0x3002 ||
		   last == 0xFF01 || last == 0xFF1F || last == ':' || last == ';';
	/* a closing quote or bracket after the sentence's end */
	if (!b->punct && n) {
		size_t j = n;
		while (j > 0 && (s[j - 1] == '"' || s[j - 1] == ')' || s[j - 1] == '\'' || s[j - 1] == ' ' ||
				 (unsigned char)s[j - 1] >= 0x80)) {
			if ((unsigned char)s[j - 1] >= 0x80) {
				size_t st = j - 1;
				while (st > 0 && ((unsigned char)s[st] & 0xC0) == 0x80)
					st--;
				int32_t cp;
				if (!nf_utf8_dec(u + st, j - st, &cp) || !(cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x201C))
					break;
				j = st;
			} else {
				j--;
			}
		}
		if (j > 0 && j < n)
			b->punct = s[j - 1] == '.' || s[j - 1] == '!' || s[j - 1] == '?';
	}
}


/* The gated patterns among want that may match s[0..n): those with a hint in it. */
static uint64_t hinted(const nf_cleaner *c, const unsigned char *s, size_t n, uint64_t want)
{
	uint64_t m = c->always & want;
	if (!(want & ~m))
		return m;
	/* a hint at an even offset p has its first trigram at p; at an odd one, its second
	 * trigram (or, three bytes long, its last pair) at p + 1: so even offsets e say where
	 * to look (p = e - 1, e) */
	for (size_t e = 0; n >= 3 && e + 1 < n; e += 2) {
		int look = 0;
		if (e + 2 < n) {
			unsigned h = tri_hash(fold_tab[s[e]], fold_tab[s[e + 1]], fold_tab[s[e + 2]]);
			look = c->tri01[h >> 6] >> (h & 63) & 1;
		}
		if (!look && e) {
			unsigned x = (unsigned)fold_tab[s[e]] << 8 | fold_tab[s[e + 1]];
			look = c->pair3[x >> 6] >> (x & 63) & 1;
		}
		if (!look)
			continue;
		for (size_t i = e ? e - 1 : 0; i <= e && i + 2 < n; i++) {
			unsigned h = tri_hash(fold_tab[s[i]], fold_tab[s[i + 1]], fold_tab[s[i + 2]]);
			if (!(c->tri[h >> 6] >> (h & 63) & 1))
				continue;
			/* a hint may start here: compare the whole of those with this hash */
			for (int k = c->hint_head[h & 1023]; k >= 0; k = c->hint[k].next) {
				if (c->hint[k].hash != h || !(c->hint[k].bit & want & ~m) || i + c->hint[k].len > n)
					continue;
				const unsigned char *t = (const unsigned char *)c->hints.p + c->hint[k].off;
				size_t l = c->hint[k].len, j = 0;
				while (j < l && fold_tab[s[i + j]] == t[j])
					j++;
				if (j == l)
					m |= c->hint[k].bit;
			}
		}
	}
	for (int q = 0; q < c->nshort; q++) {
		int k = c->short_hint[q];
		const unsigned char *t = (const unsigned char *)c->hints.p + c->hint[k].off;
		size_t l = c->hint[k].len;
		if (!(c->hint[k].bit & want & ~m))
			continue;
		if (t[0] >= 0x80 || !(t[0] >= 'a' && t[0] <= 'z')) {
			/* no case to fold: memchr finds the first byte fast */
			for (const unsigned char *p = s; (p = memchr(p, t[0], n - (size_t)(p - s))) != NULL; p++)
				if ((size_t)(p - s) + l <= n && (l < 2 || fold_tab[p[1]] == t[1])) {
					m |= c->hint[k].bit;
					break;
				}
			continue;
		}
		for (size_t i = 0; i + l <= n; i++)
			if (fold_tab[s[i]] == t[0] && (l < 2 || fold_tab[s[i + 1]] == t[1])) {
				m |= c->hint[k].bit;
				break;
			}
	}
	return m;
}

static int match_pattern(nf_cleaner *c, work *w, const char *s, size_t n)
{
	if (!w->md)
		w->md = pcre2_match_data_create(4, NULL);
	/* the anchored patterns that can start with this block's first byte and allow a
	 * length in its class, as one alternation */
	const unsigned char *u = (const unsigned char *)s;
	int k = 0;
	while (n > cls_top[k])
		k++;
	int g = n ? c->first[u[0]][k] : -1;
	if (g >= 0) {
		group *gr = &c->grp[g];
		if (!gr->re.re)
			compile_group(c, gr);
		int two = 1;    /* the first two bytes are yet to be judged by may_match */
		if (n >= 2 && u[0] < 0x80 && u[1] < 0x80) {
			unsigned x = u[1] >> 6;
			uint64_t bit = 1ull << (u[1] & 63);
			if (!(c->second[u[0]][k].known[x] & bit)) {
				c->second[u[0]][k].known[x] |= bit;
				if (can_start(gr->re.re, s, 2, w->md))
					c->second[u[0]][k].can[x] |= bit;
			}
			if (!(c->second[u[0]][k].can[x] & bit))
				g = -1;
			two = 0;
		}
		if (g >= 0 && may_match(&gr->re, s, n, w->md, two) && lazy_match(c, &gr->re, s, n, w->md) >= 0) {
			PCRE2_SPTR mark = pcre2_get_mark(w->md);
			size_t i = mark ? (size_t)strtoul((const char *)mark, NULL, 10) : SIZE_MAX;
			if (i < c->npat && n <= c->pat[i].maxlen)
				return c->pat[i].kind;
			/* the alternative that matched does not allow this length: the first of the
			 * others that does and matches */
			for (size_t j = 0; j < gr->npats; j++) {
				pattern *pt = &c->pat[c->gpat[gr->pats + j]];
				if (c->gpat[gr->pats + j] != i && n <= pt->maxlen &&
				    pcre2_match(pt->re.re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, w->md, NULL) >= 0)
					return pt->kind;
			}
		}
	}
	if (n > c->gated_max)
		return -1;
	uint64_t want = 0;
	if (n < sizeof c->gated_len / sizeof c->gated_len[0])
		want = c->gated_len[n];
	else
		for (int j = 0; j < c->ngated; j++)
			if (n <= c->pat[c->gated[j]].maxlen)
				want |= 1ull << j;
	uint64_t m = want ? hinted(c, (const unsigned char *)s, n, want) : 0;
	for (int j = 0; m && j < c->ngated; j++) {
		if (!(m >> j & 1))
			continue;
		pattern *pt = &c->pat[c->gated[j]];
		if (lazy_match(c, &pt->re, s, n, w->md) >= 0)
			return pt->kind;
	}
	return -1;
}

/* ---- classification ---- */

/* jusText's thresholds, with stop-word densities lowered for our shorter lists */
#define LEN_LOW 70
#define LEN_HIGH 200
#define SD_LOW 0.20
#define SD_HIGH 0.26
#define LD_MAX 0.25
#ifndef W_BAD
#define W_BAD -0.5
#endif
#ifndef W_ARTICLE
#define W_ARTICLE 2.0
#endif
#ifndef LEAD_MIN
#define LEAD_MIN 30
#endif
#ifndef LINKED_SENTENCE
#define LINKED_SENTENCE 80
#endif
#ifndef RUN_MIN
#define RUN_MIN 3
#endif
#ifndef TAIL_SHARE
#define TAIL_SHARE 0.75
#endif
#ifndef W_WEAKBAD
#define W_WEAKBAD -0.1
#endif
#ifndef W_SHORT
#define W_SHORT 0.3
#endif

static void classify(blk *b, int lang, int html)
{
	double sd = b->words ? (double)b->stop / b->words : 0;
	b->strong = 1;
	if (b->pat >= 0) {
		b->cls = NF_BAD;
		b->reason = b->pat == P_CAPTION ? "caption" : b->pat == P_SECTION ? "teaser heading" :
			    b->pat == P_END ? "start of comments" : "boilerplate pattern";
		return;
	}
	if (b->hf & NF_HB_COMMENT) { b->cls = NF_BAD; b->reason = "comment section"; return; }
	/* a whole linked sentence is still a sentence; link lists and headlines are not */
	int sentence = b->punct && b->chars >= LINKED_SENTENCE && sd >= SD_HIGH;
	if (html && b->ld > 0.5 && !sentence) { b->cls = NF_BAD; b->reason = "links"; return; }
	if (html && b->ld > LD_MAX && b->chars < 300 && !sentence) { b->cls = NF_BAD; b->reason = "links"; return; }
	if (html && (b->hf & NF_HB_FIGURE)) { b->cls = NF_BAD; b->reason = "figure caption"; return; }
	/* a list item or box that opens with a headline link and goes on with an excerpt */
	if (html && b->tag != NF_TAG_P && b->lead >= LEAD_MIN && b->lead * 10 >= b->len) {
		b->cls = NF_BAD;
		b->reason = "teaser (headline link and excerpt)";
		return;
	}
	b->strong = 0;
	/* text: a few capitalised words and no function word are image alt text or a tag line
	 * (HTML has no alt text in its blocks, and its headings can look like that) */
	if (!html && lang >= 0 && b->chars < LEN_LOW && !b->punct && b->words >= 3 && b->stop == 0 &&
	    b->caps * 10 >= b->words * 6) {
		b->cls = NF_BAD;
		b->reason = "keywords, no stop words";
		b->strong = 1;
		return;
	}
	if (b->chars < LEN_LOW) {
		b->cls = NF_SHORT;
		b->reason = "short";
		return;
	}
	if (lang >= 0) {
		if (sd >= SD_HIGH) {
			b->cls = b->chars >= LEN_HIGH ? NF_GOOD : NF_NEARGOOD;
			b->reason = b->cls == NF_GOOD ? "long, many stop words" : "stop words, medium length";
		} else if (sd >= SD_LOW) {
			b->cls = NF_NEARGOOD;
			b->reason = "some stop words";
		} else {
			b->cls = NF_BAD;
			b->reason = "few stop words";
		}
	} else {
		/* no stop-word list fits the page: judge by length and sentence punctuation */
		if (b->punct && b->chars >= 150) { b->cls = NF_GOOD; b->reason = "long sentences"; }
		else if (b->punct || b->chars >= 200) { b->cls = NF_NEARGOOD; b->reason = "sentence"; }
		else { b->cls = NF_SHORT; b->reason = "no sentence end"; }
	}
	/* no sentence ends and mostly capitalised words: a headline list or tag line */
	if (b->cls != NF_BAD && !b->punct && b->words && b->caps * 10 >= b->words * 7 && b->chars < 300) {
		b->cls = NF_SHORT;
		b->reason = "capitalised, no sentence end";
	}
	if (html && (b->hf & NF_HB_BOILER) && !(b->cls == NF_GOOD && b->chars >= 400)) {
		b->cls = NF_BAD;
		b->reason = "boilerplate class or id";
		b->strong = 1;
	}
}

/* The nearest class before and after each block, skipping short blocks and near-good ones
 * (ps, qs) or only short ones (pn, qn); the page's edges count as bad. One pass each way. */
static void neighbours(const blk *b, size_t n, int *ps, int *pn, int *qs, int *qn)
{
	int sk = NF_BAD, sh = NF_BAD;
	for (size_t i = 0; i < n; i++) {
		ps[i] = sk;
		pn[i] = sh;
		if (b[i].cls != NF_SHORT) {
			sh = b[i].cls;
			if (b[i].cls != NF_NEARGOOD)
				sk = b[i].cls;
		}
	}
	sk = sh = NF_BAD;
	for (size_t i = n; i-- > 0;) {
		qs[i] = sk;
		qn[i] = sh;
		if (b[i].cls != NF_SHORT) {
			sh = b[i].cls;
			if (b[i].cls != NF_NEARGOOD)
				sk = b[i].cls;
		}
	}
}

static void smooth(blk *b, size_t n)
{
	/* short blocks take their class from the good or bad blocks around them */
	int *nc = nf_xmalloc((5 * n + 1) * sizeof *nc);
	int *ps = nc + n, *pn = ps + n, *qs = pn + n, *qn = qs + n;
	neighbours(b, n, ps, pn, qs, qn);
	for (size_t i = 0; i < n; i++) {
		nc[i] = b[i].cls;
		if (b[i].cls != NF_SHORT)
			continue;
		int p = ps[i], q = qs[i];
		if (p == NF_GOOD && q == NF_GOOD)
			nc[i] = NF_GOOD;
		else if (p == NF_BAD && q == NF_BAD)
			nc[i] = NF_BAD;
		else if (p == NF_BAD && pn[i] == NF_NEARGOOD)
			nc[i] = NF_GOOD;
		else if (q == NF_BAD && qn[i] == NF_NEARGOOD)
			nc[i] = NF_GOOD;
		else
			nc[i] = NF_BAD;
	}
	for (size_t i = 0; i < n; i++)
		if (b[i].cls == NF_SHORT) {
			b[i].reason = nc[i] == NF_GOOD ? "short, between good blocks" : "short, next to boilerplate";
			b[i].cls = nc[i] == NF_GOOD ? NF_NEARGOOD + 10 : NF_BAD;   /* mark: decided */
		}
	for (size_t i = 0; i < n; i++)
		if (b[i].cls == NF_NEARGOOD + 10)
			b[i].cls = NF_SHORT;    /* still short for the near-good pass, kept below */
	neighbours(b, n, ps, pn, qs, qn);
	for (size_t i = 0; i < n; i++) {
		nc[i] = b[i].cls;
		if (b[i].cls != NF_NEARGOOD)
			continue;
		int p = ps[i], q = qs[i];
		nc[i] = p == NF_BAD && q == NF_BAD ? NF_BAD : NF_GOOD;
		/* a run of sentence paragraphs is text even between boilerplate (sites that
		 * write one-sentence paragraphs between ads) */
		if (nc[i] == NF_BAD && b[i].punct) {
			int run = 1;
			for (size_t j = i; j-- > 0 && (b[j].cls != NF_BAD || b[j].insert) && run < RUN_MIN;)
				run += b[j].cls == NF_NEARGOOD && b[j].punct;
			for (size_t j = i + 1; j < n && (b[j].cls != NF_BAD || b[j].insert) && run < RUN_MIN; j++)
				run += b[j].cls == NF_NEARGOOD && b[j].punct;
			if (run >= RUN_MIN)
				nc[i] = NF_GOOD + 10;   /* mark: good by the run rule */
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (nc[i] == NF_GOOD + 10) {
			nc[i] = NF_GOOD;
			b[i].reason = "near-good, in a run of sentences";
		} else if (b[i].cls == NF_NEARGOOD)
			b[i].reason = nc[i] == NF_GOOD ? "near-good, next to good" : "near-good, between boilerplate";
		if (b[i].cls == NF_SHORT)
			nc[i] = NF_GOOD;
		b[i].cls = nc[i];
	}
	free(nc);
}

/* ---- metadata ---- */

static int same_text(const nf_clean_result *r, const blk *a, const char *s, size_t n)
{
	return a->len == n && !memcmp(r->norm.p + a->off, s, n);
}

static void set_norm(nf_buf *dst, const char *s, size_t n)
{
	nf_buf_clear(dst);
	nf_text_norm(dst, s, n, 0, NULL);
}

/* Strips " | Site name" and " - Site" from a <title>: the site is the shorter side. */
static size_t strip_site(const char *s, size_t n)
{
	static const char *const seps[] = { " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", NULL };
	for (int i = 0; seps[i]; i++) {
		size_t l = strlen(seps[i]);
		for (size_t k = n >= l ? n - l + 1 : 0; k-- > 0;)
			if (!memcmp(s + k, seps[i], l)) {
				if (k >= 10 && n - k - l < k)
					return k;
				break;
			}
	}
	return n;
}

/* How to read 03/04/2025: from the page's own spelled-out dates, else day first. */
static int date_order(const nf_clean_result *r, work *w, int a, int m)
{
	if (!w->dp_done) {
		/* collected once per page: there can be many numeric date lines */
		w->dp_done = 1;
		w->ndp = 0;
		for (size_t i = 0; i < w->nb && i < 400; i++) {
			dtok t[64];
			const blk *b = &w->b[i];
			int k = tokenize_date(r->norm.p + b->off, b->len < 4000 ? b->len : 4000, t, 64);
			for (int j = 0; j < k; j++) {
				if (t[j].num || !t[j].month)
					continue;
				struct dpair d = { 0, t[j].month, 0 };
				if (j > 0 && t[j - 1].num && t[j - 1].digits <= 2)
					d.day = t[j - 1].val, d.before = 1;
				else if (j + 1 < k && t[j + 1].num && t[j + 1].digits <= 2)
					d.day = t[j + 1].val;
				else
					continue;
				nf_grow((void **)&w->dp, &w->dp_cap, w->ndp + 1, sizeof *w->dp);
				w->dp[w->ndp++] = d;
			}
		}
	}
	int df = 0, mf = 0;
	for (size_t i = 0; i < w->ndp; i++) {
		const struct dpair *d = &w->dp[i];
		if (d->before) {
			df += 1 + 10 * (d->day == a && d->month == m);
			mf += 10 * (d->day == m && d->month == a);
		} else {
			mf += 1 + 10 * (d->day == m && d->month == a);
			df += 10 * (d->day == a && d->month == m);
		}
	}
	return mf > df ? NF_DATE_MONTH_FIRST : NF_DATE_DAY_FIRST;
}

static int date_line(const nf_cleaner *c, const nf_clean_result *r, work *w,
		     const blk *x, int day_first, char out[11])
{
	(void)c;
	if (x->chars > 60 || x->words > 10 || x->words < 1)
		return 0;
	const char *s = r->norm.p + x->off;
	/* every date form has a number: most lines have none */
	size_t d = 0;
	while (d < x->len && (unsigned)(s[d] - '0') >= 10)
		d++;
	if (d == x->len)
		return 0;
	if (!nf_clean_date(s, x->len, day_first, out))
		return 0;
	/* the date must be most of the line: at most two other words ("Published on") */
	{
		dtok t[24];
		int k = tokenize_date(s, x->len, t, 24), other = 0;
		for (int i = 0; i < k; i++)
			if (!t[i].num && !t[i].month && t[i].end - t[i].start > 3)
				other++;
		if (other > 2)
			return 0;
	}
	if (day_first == NF_DATE_AUTO) {
		/* an all-numeric date whose day and month could swap: ask the page */
		dtok t[16];
		int k = tokenize_date(s, x->len, t, 16), amb = 0, p = 0, q = 0;
		for (int i = 0; i + 2 < k; i++)
			if (t[i].num && t[i + 1].num && t[i + 2].num && t[i].digits <= 2 && t[i + 1].digits <= 2 &&
			    t[i].val <= 12 && t[i + 1].val <= 12 && t[i].val != t[i + 1].val) {
				amb = 1; p = t[i].val; q = t[i + 1].val;
				break;
			}
		if (amb && date_order(r, w, p, q) == NF_DATE_MONTH_FIRST)
			nf_clean_date(s, x->len, NF_DATE_MONTH_FIRST, out);
	}
	return 1;
}

static void text_metadata(nf_cleaner *c, nf_clean_result *r, work *w, const nf_clean_opts *o,
			  int want_title, int want_date, int want_author)
{
	blk *b = w->b;
	size_t nb = w->nb, g = nb;
	for (size_t i = 0; i < nb; i++)
		if (b[i].cls == NF_GOOD && b[i].role == R_NONE) { g = i; break; }
	size_t lim = g + 4 < nb ? g + 4 : nb, anchor = SIZE_MAX;
	if (lim > 80)
		lim = 80;
	pcre2_match_data *md = w->md ? w->md : (w->md = pcre2_match_data_create(4, NULL));
	for (size_t i = 0; i < lim; i++) {
		const char *s = r->norm.p + b[i].off;
		char d[11];
		if (b[i].chars <= 80 && b[i].words <= 8 &&
		    may_match(&c->byline, s, b[i].len, md, 1) && lazy_match(c, &c->byline, s, b[i].len, md) >= 2) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			if (want_author && !r->author.n)
				set_norm(&r->author, s + ov[2], ov[3] - ov[2]);
			b[i].role = R_BYLINE;
			b[i].reason = "byline";
			if (anchor == SIZE_MAX) anchor = i;
		} else if (date_line(c, r, w, &b[i], o->day_first, d)) {
			if (want_date && !r->date.n)
				nf_buf_add(&r->date, d, 10);
			b[i].role = R_DATE;
			b[i].reason = "date line";
			if (anchor == SIZE_MAX) anchor = i;
		}
	}
	if (!want_title)
		return;
	/* the title: a headline-like line repeated near the top, else the line before the dek
	 * or the byline */
	size_t title = SIZE_MAX, dek = SIZE_MAX;
	for (size_t i = 0; i < lim && title == SIZE_MAX; i++) {
		if (b[i].words < 3 || b[i].chars > 300 || b[i].pat >= 0 || b[i].role)
			continue;
		for (size_t j = i + 1; j < lim && j < i + 30; j++)
			if (b[j].len == b[i].len && !memcmp(r->norm.p + b[j].off, r->norm.p + b[i].off, b[i].len)) {
				title = i;
				break;
			}
	}
	if (anchor != SIZE_MAX) {
		size_t k = anchor, cand[2] = { SIZE_MAX, SIZE_MAX };
		int nc = 0;
		while (k-- > 0 && nc < 2 && anchor - k <= 4) {
			if (b[k].role || b[k].pat >= 0)
				continue;
			if (b[k].words < 3 || b[k].chars > 300)
				break;
			cand[nc++] = k;
		}
		if (title == SIZE_MAX && nc) {
			title = nc == 2 ? cand[1] : cand[0];
			if (nc == 2) dek = cand[0];
		} else if (title != SIZE_MAX && nc && cand[0] != title && cand[0] > title)
			dek = cand[0];
	}
	if (title == SIZE_MAX)
		return;
	if (!r->title.n)
		nf_buf_add(&r->title, r->norm.p + b[title].off, b[title].len);
	if (dek != SIZE_MAX && !r->description.n)
		nf_buf_add(&r->description, r->norm.p + b[dek].off, b[dek].len);
}

/* Marks the blocks that repeat the title or the description as taken out of the body. */
static void mark_roles(nf_clean_result *r, work *w)
{
	size_t g = w->nb;
	for (size_t i = 0; i < w->nb; i++)
		if (w->b[i].cls == NF_GOOD && w->b[i].role == R_NONE) { g = i; break; }
	for (size_t i = 0; i < w->nb; i++) {
		blk *b = &w->b[i];
		if (b->role)
			continue;
		if (r->title.n && same_text(r, b, r->title.p, r->title.n)) {
			b->role = R_TITLE;
			b->reason = "title";
		} else if (i <= g + 1 && r->description.n && same_text(r, b, r->description.p, r->description.n)) {
			b->role = R_DEK;
			b->reason = "description";
		}
	}
}

/* ---- the pipeline ---- */

static void blocks_from_html(nf_clean_result *r, work *w, const char *doc, size_t n)
{
	nf_buf_clear(&w->tmp);
	/* a page in the charset it declares (windows-1251...), else invalid bytes as 1252;
	 * most pages are valid UTF-8 and are parsed where they are */
	if (rec_utf8_check(doc, n) != n) {
		size_t bad = nf_html_decode(&w->tmp, doc, n) ? 0 : nf_text_repair(&w->tmp, doc, n);
		r->stats.invalid += bad;
		if (w->tmp.n) {
			doc = w->tmp.p;
			n = w->tmp.n;
		}
	}
	nf_html_parse(&w->page, doc, n);
	nf_page *pg = &w->page;
	for (size_t i = 0; i < pg->nblk; i++) {
		nf_hblock *h = &pg->blk[i];
		size_t off = r->norm.n;
		nf_text_norm(&r->norm, pg->text.p + h->off, h->len, 0, &r->stats);
		if (r->norm.n == off)
			continue;
		blk *b = add_block(w, off, r->norm.n - off);
		b->ld = h->len ? (double)h->link / h->len : 0;
		b->lead = h->lead;
		b->tag = h->tag;
		b->hf = h->flags & ~(unsigned)(NF_HB_BOILER | NF_HB_COMMENT);   /* see tree_flags */
		b->elem = h->elem;
		nf_buf_addc(&r->norm, '\n');    /* blocks stay apart in norm (for --blocks) */
	}
}

static void blocks_from_text(nf_clean_result *r, work *w, const char *doc, size_t n)
{
	nf_text_norm(&r->norm, doc, n, NF_TEXT_LINES, &r->stats);
	const char *s = r->norm.p;
	size_t i = 0, len = r->norm.n;
	int gap = 1;
	while (i < len) {
		const char *e = memchr(s + i, '\n', len - i);
		size_t j = e ? (size_t)(e - s) : len;
		if (j > i) {
			blk *b = add_block(w, i, j - i);
			b->gap = gap;
			gap = 0;
		} else {
			gap = 1;
		}
		i = j + 1;
	}
}

static void choose_lang(nf_clean_result *r, work *w, int *lang)
{
	long tot[NLANG] = { 0 }, words = 0;
	for (size_t i = 0; i < w->nb && words < 20000; i++) {
		words += w->b[i].words;
		for (int l = 0; l < NLANG; l++)
			tot[l] += w->b[i].stopl[l];
	}
	int best = -1;
	for (int l = 0; l < NLANG; l++)
		if (best < 0 || tot[l] > tot[best])
			best = l;
	/* too few of its stop words: the page is in another language */
	if (best < 0 || words == 0 || tot[best] < 0.08 * words) {
		*lang = -1;
		r->lang = "";
		return;
	}
	*lang = best;
	r->lang = langs[best];
}

/* Boilerplate class names count only on elements that do not hold most of the page's good
 * text: a "widget" or "has-sidebar" wrapper around the article says nothing about it. */
static void tree_flags(work *w, int lang)
{
	nf_page *pg = &w->page;
	size_t ne = pg->nel;
	if (!ne)
		return;
	double *good = nf_xcalloc(ne, sizeof *good), total = 0;
	for (size_t i = 0; i < w->nb; i++) {
		blk *b = &w->b[i];
		if (b->cls != NF_GOOD && b->cls != NF_NEARGOOD)
			continue;
		total += b->chars;
		for (int e = b->elem; e >= 0 && (size_t)e < ne; e = pg->el[e].parent)
			good[e] += b->chars;
	}
	for (size_t i = 0; i < w->nb; i++) {
		blk *b = &w->b[i];
		unsigned f = 0;
		for (int e = b->elem; e >= 0 && (size_t)e < ne; e = pg->el[e].parent)
			if (pg->el[e].flags & NF_HB_COMMENT)
				f |= NF_HB_COMMENT;     /* readers' comments are never the article */
			else if ((pg->el[e].flags & NF_HB_BOILER) && good[e] < 0.5 * total)
				f |= NF_HB_BOILER;
		if (f) {
			b->hf |= f;
			classify(b, lang, 1);
		}
	}
	free(good);
}

/* HTML: the element whose subtree scores best, good text for it and boilerplate against it
 * (the tree's form of the best run of blocks); -1 when there is no tree. */
static int html_region(work *w, int *weak)
{
	nf_page *pg = &w->page;
	size_t ne = pg->nel;
	if (!ne)
		return -1;
	double *sc = nf_xcalloc(ne, sizeof *sc);
	/* a page without one good paragraph (a list, a table): plain short text counts for it */
	*weak = 1;
	for (size_t i = 0; i < w->nb; i++)
		if (!w->b[i].role && w->b[i].cls0 >= NF_NEARGOOD && !w->b[i].strong)
			*weak = 0;
	for (size_t i = 0; i < w->nb; i++) {
		blk *b = &w->b[i];
		double v;
		if (b->role)
			continue;
		if (b->cls0 == NF_GOOD)
			v = b->chars;
		else if (b->cls0 == NF_NEARGOOD)
			v = 0.5 * b->chars;
		else if (b->strong)
			v = W_BAD * (b->chars < 600 ? b->chars : 600) - 10;
		else if (b->cls0 == NF_BAD)
			v = W_WEAKBAD * b->chars;
		else
			v = *weak ? b->chars : W_SHORT * b->chars;
		/* the page's own word for where the article is (<article>, <main>, articleBody) */
		if (v > 0 && (b->hf & NF_HB_ARTICLE))
			v *= W_ARTICLE;
		for (int e = b->elem; e >= 0 && (size_t)e < ne; e = pg->el[e].parent)
			sc[e] += v;
	}
	/* a paragraph or list item is not a region: its container is */
	int best = -1;
	for (size_t e = 0; e < ne; e++) {
		int t = pg->el[e].tag;
		if (t != NF_TAG_OTHER && t != NF_TAG_DIV && t != NF_TAG_TD && t != NF_TAG_QUOTE)
			continue;
		if (best < 0 || sc[e] > sc[best])
			best = (int)e;
	}
	free(sc);
	return best;
}

static int under(const nf_page *pg, int e, int top)
{
	for (; e >= 0 && (size_t)e < pg->nel; e = pg->el[e].parent)
		if (e == top)
			return 1;
	return 0;
}

/* Best-scoring run of blocks: good text counts for it, boilerplate against it. */
static void main_region(blk *b, size_t n, size_t *lo, size_t *hi)
{
	double best = 0, cur = 0;
	size_t start = 0;
	*lo = 0;
	*hi = 0;
	for (size_t i = 0; i < n; i++) {
		double v = 0;
		if (b[i].role)
			v = 0;
		else if (b[i].cls == NF_GOOD)
			v = b[i].chars;
		else
			v = -0.5 * (b[i].chars < 600 ? b[i].chars : 600) - 10;
		if (cur <= 0) {
			cur = 0;
			start = i;
		}
		cur += v;
		if (cur > best) {
			best = cur;
			*lo = start;
			*hi = i + 1;
		}
	}
}

/* Smooths the classes and keeps the main region's good blocks; returns how many. relaxed:
 * the page had none, so near-good blocks count as good (never empty a page that has text). */
static size_t select_blocks(nf_clean_result *r, work *w, const nf_clean_opts *o, int relaxed)
{
	blk *b = w->b;
	size_t nb = w->nb, kept = 0;
	if (relaxed)
		for (size_t i = 0; i < nb; i++) {
			b[i].cls = b[i].cls0;
			if (b[i].cls == NF_NEARGOOD && !b[i].strong) {
				b[i].cls = NF_GOOD;
				b[i].reason = "near-good, on a page with nothing better";
			}
		}
	smooth(b, nb);
	int weak = 0, top = r->html ? html_region(w, &weak) : -1;
	if (top >= 0) {
		/* inside the main element, only clear boilerplate goes; outside it, everything */
		for (size_t i = 0; i < nb; i++) {
			blk *x = &b[i];
			int in = under(&w->page, x->elem, top);
			x->keep = o->keep_all || (in && !x->role && !x->strong &&
						  (x->cls == NF_GOOD || x->cls0 >= NF_NEARGOOD ||
						   (x->punct && x->words >= 5) || weak));
			if (!o->keep_all && !in && !x->role && x->cls == NF_GOOD)
				x->reason = "outside the main element";
			else if (x->keep && x->cls != NF_GOOD)
				x->reason = "in the main element";
		}
		/* plain blocks beside the kept paragraphs (in the same element, or in a sibling
		 * element): list items, table rows, lines of dates; not links or boilerplate */
		if (!o->keep_all) {
			nf_page *pg = &w->page;
			unsigned char *mark = nf_xcalloc(pg->nel + 1, 1);
			for (size_t i = 0; i < nb; i++)
				if (b[i].keep && (b[i].cls == NF_GOOD || b[i].cls0 >= NF_NEARGOOD) && b[i].elem >= 0) {
					mark[b[i].elem] |= 1;
					int pe = pg->el[b[i].elem].parent;
					if (pe >= 0)
						mark[pe] |= 2;
				}
			for (size_t i = 0; i < nb; i++) {
				blk *x = &b[i];
				if (x->keep || x->role || x->strong || x->elem < 0 || !under(pg, x->elem, top))
					continue;
				int pe = pg->el[x->elem].parent;
				if ((mark[x->elem] & 1) || (pe >= 0 && (mark[pe] & 2))) {
					x->keep = 1;
					x->reason = "beside the kept paragraphs";
				}
			}
			free(mark);
		}
		/* short blocks (subheadings, list items) between kept blocks of the main element */
		size_t last = SIZE_MAX;
		for (size_t i = 0; i < nb; i++) {
			if (!b[i].keep)
				continue;
			if (last != SIZE_MAX && i > last + 1) {
				int okr = 1;
				for (size_t j = last + 1; j < i && okr; j++)
					if (b[j].strong && !b[j].role)
						okr = 0;
				for (size_t j = last + 1; j < i && okr; j++)
					if (!b[j].role && under(&w->page, b[j].elem, top)) {
						b[j].keep = 1;
						b[j].reason = "short, between kept blocks";
					}
			}
			last = i;
		}
	} else {
		size_t lo, hi;
		main_region(b, nb, &lo, &hi);
		for (size_t i = 0; i < nb; i++) {
			b[i].keep = o->keep_all || (!b[i].role && b[i].cls == NF_GOOD && i >= lo && i < hi);
			if (!o->keep_all && !b[i].role && b[i].cls == NF_GOOD && !b[i].keep)
				b[i].reason = "outside the main region";
		}
	}
	for (size_t i = 0; i < nb; i++)
		kept += b[i].keep != 0;
	return kept;
}

void nf_clean(nf_cleaner *c, const char *doc, size_t n, const nf_clean_opts *o,
	      nf_clean_result *r)
{
	work *w = r->priv;
	if (!w) {
		w = r->priv = nf_xcalloc(1, sizeof *w);
		nf_page_init(&w->page);
	}
	nf_buf *bufs[] = { &r->title, &r->date, &r->author, &r->description, &r->text, &r->norm };
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		nf_buf_clear(bufs[i]);
	memset(&r->stats, 0, sizeof r->stats);
	/* NUL bytes become spaces, but often mean binary data: counted */
	for (size_t i = 0; i < n; r->stats.nul++) {
		const char *z = memchr(doc + i, 0, n - i);
		if (!z)
			break;
		i = (size_t)(z - doc) + 1;
	}
	r->nblk = 0;
	w->nb = 0;
	w->dp_done = 0;
	r->html = o->mode == NF_CLEAN_HTML || (o->mode == NF_CLEAN_AUTO && nf_html_sniff(doc, n));
	if (r->html)
		blocks_from_html(r, w, doc, n);
	else
		blocks_from_text(r, w, doc, n);
	blk *b = w->b;
	size_t nb = w->nb;
	int lang;
	for (size_t i = 0; i < nb; i++) {
		features(c, r->norm.p + b[i].off, &b[i]);
		b[i].pat = match_pattern(c, w, r->norm.p + b[i].off, b[i].len);
	}
	choose_lang(r, w, &lang);
	for (size_t i = 0; i < nb; i++) {
		b[i].stop = lang >= 0 ? b[i].stopl[lang] : 0;
		classify(&b[i], lang, r->html);
	}
	if (r->html)
		tree_flags(w, lang);
	/* metadata: the page's own first, then the text's */
	if (r->html) {
		nf_page *pg = &w->page;
		nf_buf *m = pg->meta;
		if (m[NF_META_TITLE].n) {
			size_t tl = m[NF_META_TITLE].n;
			if (pg->meta_prio[NF_META_TITLE] <= 1)
				tl = strip_site(m[NF_META_TITLE].p, tl);
			set_norm(&r->title, m[NF_META_TITLE].p, tl);
		} else if (m[NF_META_H1].n) {
			set_norm(&r->title, m[NF_META_H1].p, m[NF_META_H1].n);
		}
		if (m[NF_META_AUTHOR].n) {
			set_norm(&r->author, m[NF_META_AUTHOR].p, m[NF_META_AUTHOR].n);
			/* "By Jane Doe" in a meta tag */
			if (r->author.n > 3 && !strncasecmp(r->author.p, "by ", 3)) {
				memmove(r->author.p, r->author.p + 3, r->author.n - 2);
				r->author.n -= 3;
			}
		}
		if (m[NF_META_DESC].n)
			set_norm(&r->description, m[NF_META_DESC].p, m[NF_META_DESC].n);
		char d[11];
		if (m[NF_META_DATE].n && nf_clean_date(m[NF_META_DATE].p, m[NF_META_DATE].n, o->day_first, d))
			nf_buf_add(&r->date, d, 10);
		/* the first <h1> is the headline even when the meta title words it differently */
		for (size_t i = 0; i < nb; i++)
			if (b[i].tag == NF_TAG_H1 && m[NF_META_H1].n) {
				b[i].role = R_TITLE;
				b[i].reason = "headline";
				break;
			}
	}
	text_metadata(c, r, w, o, !r->title.n, !r->date.n, !r->author.n);
	mark_roles(r, w);
	/* teaser boxes and the page's tail */
	long good_before = 0, good_all = 0;
	for (size_t i = 0; i < nb; i++)
		if (b[i].cls == NF_GOOD)
			good_all += b[i].chars;
	for (size_t i = 0; i < nb; i++) {
		/* a teaser heading after most of the article's text: the rest is the page's tail */
		if (b[i].pat == P_SECTION && good_before >= 500 && good_before >= TAIL_SHARE * good_all) {
			for (size_t j = i + 1; j < nb; j++) {
				b[j].cls = NF_BAD;
				b[j].strong = 1;
				b[j].reason = "after the article's teaser heading";
			}
			break;
		}
		if (b[i].pat == P_SECTION) {
			size_t j = i + 1;
			/* HTML: the box is the smallest element around the cue that holds the next
			 * block; one that holds no good text before the cue is a box of its own and
			 * goes whole, excerpts and all. Text: up to the next paragraph. */
			int box = -1, whole = 0;
			if (r->html && b[i].elem >= 0 && i + 1 < nb) {
				box = w->page.el[b[i].elem].parent;
				while (box >= 0 && !under(&w->page, b[i + 1].elem, box))
					box = w->page.el[box].parent;
				whole = box >= 0;
				for (size_t k = i; k-- > 0 && whole && under(&w->page, b[k].elem, box);)
					if (b[k].cls == NF_GOOD || b[k].cls == NF_NEARGOOD)
						whole = 0;
				/* a box that reaches back to the page's top is no box */
				if (whole && under(&w->page, b[0].elem, box))
					whole = 0;
			}
			for (; j < nb && (whole || (!(b[j].cls == NF_GOOD && b[j].chars >= LEN_HIGH) &&
						    !(b[j].cls >= NF_NEARGOOD && b[j].punct))) &&
			       (!r->html || under(&w->page, b[j].elem, box)); j++)
				if (b[j].cls != NF_BAD) {
					b[j].cls = NF_BAD;
					b[j].strong = 1;
					b[j].insert = 1;
					b[j].reason = "in a teaser box";
				}
			b[i].insert = 1;
			i = j - 1;
		} else if (b[i].pat == P_END && good_before >= 150) {
			for (size_t j = i + 1; j < nb; j++) {
				b[j].cls = NF_BAD;
				b[j].strong = 1;
				b[j].reason = "after the comments heading";
			}
			break;
		}
		if (b[i].cls == NF_GOOD)
			good_before += b[i].chars;
	}
	for (size_t i = 0; i < nb; i++)
		b[i].cls0 = b[i].cls;
	if (!select_blocks(r, w, o, 0))
		select_blocks(r, w, o, 1);
	for (size_t i = 0; i < nb; i++) {
		if (!b[i].keep)
			continue;
		if (r->text.n)
			nf_buf_addc(&r->text, '\n');
		nf_buf_add(&r->text, r->norm.p + b[i].off, b[i].len);
	}
	if (o->blocks) {
		nf_grow((void **)&r->blk, &r->blk_cap, nb + 1, sizeof *r->blk);
		for (size_t i = 0; i < nb; i++)
		{
			static const char *const role_names[] = { NULL, "title", "description", "byline", "date line" };
			const char *why = b[i].role && !b[i].keep ? role_names[b[i].role] : b[i].reason;
			r->blk[i] = (nf_clean_block){ b[i].off, b[i].len, b[i].cls, b[i].keep, why ? why : "" };
		}
		r->nblk = nb;
	}
	nf_buf_add(&r->text, "", 0);
}
