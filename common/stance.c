/* stance.c - targets, holders and polarity (see stance.h and stance(1)).
 * Everything per document lives in the stancer's scratch struct, passed to every function as
 * W and reused from one document to the next, so memory is bounded by the largest document
 * and two stancers share nothing. */
#include "stance.h"
#include "edit.h"
#include "data.h"
#include "ent.h"
#include "quote.h"
#include "hash.h"
#include "sent.h"
#include "util.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <stdint.h>

const char *const nf_stance_name[3] = { "FAVOR", "AGAINST", "NEUTRAL" };

/* cue kinds: predicates, then negation, then modality */
enum { K_SUPPORT, K_OPPOSE, K_DEONTIC, K_AFFIRM, K_REFUTE, K_REPORT, K_TRANSPARENT,
       K_NONCOMMITTAL, K_POSITION, K_NEG, K_APPROX, K_CONTRAST, K_SCOPE, K_IGNORE,
       K_MOD, K_SIGNED, K_EVIDENTIAL, K_CONDITIONAL };

typedef struct cue {
	char *text;
	char **w; size_t *wl; int nw;
	int surface;              /* match the lower-cased word, not its stem */
	int kind;
	double pol;               /* predicates: polarity; modality: weight */
	struct cue *next;
} cue;

typedef struct alias {
	char **w; size_t *wl; int nw;
	char **orig;              /* case-sensitive aliases compare the words as written */
	int cs;
	int canon;
	int org;                  /* an organisation, not a country */
	int metonym;              /* "Pentagon", "Downing Street": the actor keeps its own name */
	struct alias *next;
} alias;

enum { G_ARG, G_REL, G_KEY };
#define MAXG 16
typedef struct {
	char *name;
	int gkind[MAXG], ng;
	unsigned keymask;         /* groups that alone show the topic in a document about it */
	pcre2_code **pat; size_t npat;
	pcre2_code **opp; size_t nopp;
	int noexpand;
	int policy;               /* a course of action (a relation or "should"), not a claim of fact */
} target;

typedef struct tphr {
	int target, group, opp;
	char **w; size_t *wl; int nw;
	char **orig; int cs;
	struct tphr *next;
} tphr;

typedef struct { char *name; char **var; size_t nvar; char **opp; size_t nopp; } relation;

typedef struct scratch scratch;
static scratch *scratch_new(void);

struct nf_stancer {
	nf_map cue_stem, cue_surf;        /* first word -> cue list */
	nf_map alias_map;                 /* first stem -> alias list */
	nf_map senti;                     /* opinion word -> +1 / -1 (weak fallback for policy targets) */
	char **canon; int *canon_org; size_t ncanon; nf_map canon_idx;
	alias **aliases; size_t naliases;
	relation *rel; size_t nrel; nf_map rel_idx;   /* variant stem -> relation + 1 */
	target *t; size_t nt;
	nf_map phr_map;                   /* first stem -> target phrase list */
	char **keys; size_t nkeys;        /* raw-text prefilter: a document without any is skipped */
	int nofilter;                     /* a target has PCRE2 patterns: no prefilter */
	unsigned char first[256];
	nf_splitter *sp;
	nf_ner *ner;                      /* canonical names of persons, from entities */
	nf_quoter *qt;                    /* speakers of quotes our own attribution missed */
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	int author, by_affil;
	int debug;                        /* $STANCE_DEBUG: holders on standard error */
	nf_map word_cls;                  /* lower-cased word -> B_* bits */
	scratch *w;                       /* the per-document state of nf_stance_run */
};

/* ---- small helpers ---- */

static int ends(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

size_t nf_stance_stem(const char *w, size_t n, char *out)
{
	if (n > 63)
		n = 63;
	for (size_t i = 0; i < n; i++)
		out[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
	if (n > 4 && ends(out, n, "ies")) { n -= 3; out[n++] = 'y'; }
	else if (n > 4 && ends(out, n, "sses")) n -= 2;
	else if (n > 3 && out[n - 1] == 's' && out[n - 2] != 's' && out[n - 2] != 'u' && out[n - 2] != 'i'
		 && out[n - 2] != '\'')
		n--;
	if (n > 4 && ends(out, n, "ied")) { n -= 3; out[n++] = 'y'; }
	else if (n > 4 && ends(out, n, "eed")) n -= 1;
	else if ((n > 4 && ends(out, n, "ed")) || (n > 5 && ends(out, n, "ing"))) {
		n -= out[n - 1] == 'd' ? 2 : 3;
		if (n > 2 && out[n - 1] == out[n - 2] && strchr("bdgmnprt", out[n - 1]))
			n--;
	}
	if (n > 3 && out[n - 1] == 'e')
		n--;
	return n;
}

static int is_wordcp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

static int is_upper_at(const char *p, size_t n)
{
	int32_t cp;
	if (n == 0)
		return 0;
	if ((unsigned char)p[0] < 0x80)
		return p[0] >= 'A' && p[0] <= 'Z';
	if (utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &cp) < 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* ---- tokens ---- */

typedef struct {
	size_t s, e;
	size_t lo, so;            /* offsets of the lower-cased form and the stem in the arena */
	unsigned char ln, sn;
	unsigned char cap, punct, inq, glued;
	unsigned char tgt;        /* part of a target phrase (set by on_target) */
	unsigned short cls;       /* B_* bits: which word lists the word is on */
	int sent;
	const cue *cue; int cuelen;     /* a cue starting here */
	int covered;                     /* inside a longer cue that started earlier */
	const alias *al; int allen;
	const struct tphr *phr;   /* target phrases starting with this word's stem */
} tok;

typedef struct { tok *t; size_t n, cap; nf_buf arena; } toks;

static void tok_push(toks *T, const char *text, size_t s, size_t e, int punct, int glued)
{
	if (T->n + 1 > T->cap)
		nf_grow((void **)&T->t, &T->cap, T->n + 1, sizeof *T->t);
	tok *k = &T->t[T->n++];
	memset(k, 0, sizeof *k);
	k->s = s; k->e = e; k->punct = (unsigned char)punct; k->glued = (unsigned char)glued;
	size_t n = e - s;
	if (n > 63)
		n = 63;
	char low[64], st[64];
	for (size_t i = 0; i < n; i++) {
		char c = text[s + i];
		low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	/* typographic apostrophe: one spelling for matching */
	size_t ln = n;
	if (n >= 3 && memcmp(text + s, "\xE2\x80\x99", 3) == 0 && !punct) {
		low[0] = '\''; memmove(low + 1, low + 3, n - 3); ln = n - 2;
	} else if (n >= 5 && memcmp(low + n - 4, "\xE2\x80\x99t", 4) == 0) {
		low[n - 4] = '\''; low[n - 3] = 't'; ln = n - 2;
	}
	k->lo = T->arena.n; k->ln = (unsigned char)ln;
	nf_buf_add(&T->arena, low, ln);
	size_t sn = punct ? ln : nf_stance_stem(low, ln, st);
	k->so = T->arena.n; k->sn = (unsigned char)sn;
	nf_buf_add(&T->arena, punct ? low : st, sn);
	k->cap = (unsigned char)(!punct && is_upper_at(text + s, e - s));
}

static int is_apos(const char *p, size_t n, size_t i, size_t *len)
{
	if (p[i] == '\'') { *len = 1; return 1; }
	if (i + 2 < n && memcmp(p + i, "\xE2\x80\x99", 3) == 0) { *len = 3; return 1; }
	return 0;
}

/* Words (with inner hyphens split off as tokens), "'s" and "n't" as their own tokens,
 * and one token per punctuation mark. */
static void tokenize(const char *p, size_t n, toks *T)
{
	T->n = 0;
	nf_buf_clear(&T->arena);
	size_t i = 0;
	int space = 1;
	while (i < n) {
		int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (l <= 0) { i++; continue; }
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
			i += (size_t)l; space = 1; continue;
		}
		if (!is_wordcp(cp)) {
			tok_push(T, p, i, i + (size_t)l, 1, !space);
			i += (size_t)l; space = 0;
			continue;
		}
		size_t s = i;
		while (i < n) {
			l = utf8proc_iterate((const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(n - i), &cp);
			if (l <= 0)
				break;
			if (is_wordcp(cp) || (cp == '.' && i + 1 < n && i > s && p[i + 1] != ' ' && p[i + 1] != '\n'
					      && is_upper_at(p + i + 1, n - i - 1) && p[i - 1] >= 'A' && p[i - 1] <= 'Z')) {
				i += (size_t)l; continue;
			}
			size_t al;
			if (is_apos(p, n, i, &al) && i + al < n && (unsigned char)p[i + al] < 0x80 && isalpha((unsigned char)p[i + al])) {
				/* 's and n't are tokens of their own; other apostrophes stay inside */
				int poss = (p[i + al] == 's' || p[i + al] == 'S') &&
					   (i + al + 1 >= n || !isalnum((unsigned char)p[i + al + 1]));
				int nt = i > s && (p[i - 1] == 'n' || p[i - 1] == 'N') && (p[i + al] == 't' || p[i + al] == 'T') &&
					 (i + al + 1 >= n || !isalnum((unsigned char)p[i + al + 1]));
				if (poss || nt)
					break;
				i += al; continue;
			}
			break;
		}
		/* U.S. style abbreviations keep a final period */
		if (i < n && p[i] == '.' && i - s <= 3 && memchr(p + s, '.', i - s))
			i++;
		size_t e = i;
		if (e - s > 1 && i < n && (p[e - 1] == 'n' || p[e - 1] == 'N')) {
			size_t al;
			if (is_apos(p, n, i, &al) && i + al < n && (p[i + al] == 't' || p[i + al] == 'T')) {
				if (!(e - s == 2 && (p[s] == 'c' || p[s] == 'C')))   /* "can't" = ca + n't */
					e--;
				tok_push(T, p, s, e, 0, !space);
				tok_push(T, p, e, i + al + 1, 0, 1);
				i += al + 1; space = 0;
				continue;
			}
		}
		tok_push(T, p, s, e, 0, !space);
		space = 0;
		size_t al;
		if (i < n && is_apos(p, n, i, &al) && i + al < n && (p[i + al] == 's' || p[i + al] == 'S') &&
		    (i + al + 1 >= n || !isalnum((unsigned char)p[i + al + 1]))) {
			tok_push(T, p, i, i + al + 1, 0, 1);
			i += al + 1;
		}
	}
}

#define LOW(T, k) ((T)->arena.p + (T)->t[k].lo)
#define STEM(T, k) ((T)->arena.p + (T)->t[k].so)

static int tok_is(const toks *T, size_t k, const char *w)
{
	size_t n = strlen(w);
	return k < T->n && T->t[k].ln == n && memcmp(LOW(T, k), w, n) == 0;
}

/* word lists (matched lower-cased) */
static const char *const aux_words[] = { "has", "have", "had", "also", "will", "would", "then", "further",
	"again", "repeatedly", "earlier", "later", "is", "was", "are", "were", "been", "does", "did", "do",
	"to", "continues", "continued", "continue", "could", "may", "might", "can", "should", "had", "now",
	"not", "n't", "never", "today", "yesterday", "once", "first", "still", "too", "on", "monday", "tuesday",
	"herself", "himself", "itself", "themselves", "expected", "likely", "due", "set", "quickly", "initially",
	NULL };
static const char *const claim_nouns[] = { "report", "reports", "claim", "claims", "speculation", "rumor",
	"rumors", "rumour", "rumours", "story", "allegation", "allegations", "accusations", "reporting", NULL };
static const char *const conn_words[] = { "of", "for", "to", "the", "de", "al", "and", "'s", "bin", "van",
	"von", "da", "del", "der", "le", "la", "du", "on", NULL };
static const char *const fn_caps[] = { "the", "but", "in", "on", "at", "a", "an", "and", "or", "this",
	"that", "these", "those", "it", "its", "as", "if", "when", "while", "after", "before", "since",
	"for", "with", "by", "from", "to", "of", "so", "yet", "there", "here", "what", "why", "how", "who",
	"where", "our", "my", "your", "their", "his", "her", "we", "i", "you", "they", "he", "she", "meanwhile",
	"however", "also", "both", "all", "some", "many", "most", "one", "two", "no", "not", "new", "last",
	"now", "then", "still", "even", "only", "just", "such", "according", "following", "despite", "during",
	"although", "though", "because", "us", "tags", "related", "photo", "read", "more", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
	"june", "july", "august", "september", "october", "november", "december", "mr", NULL };
static const char *const head_words[] = { "official", "officials", "source", "sources", "spokesman",
	"spokeswoman", "spokesperson", "ministry", "government", "authorities", "police", "media",
	"advocates", "experts", "analysts", "officers", "embassy", "agency", "department", "council",
	"friend", "hostage", "residents", "witnesses", "activists", "lawmakers", "critics", "supporters",
	"opponents", "people", "office", "service", "committee", "party", "union", "forces", "court",
	"army", "military", "commission", "group", "company", "spokespeople", "representatives", "minister",
	"administration", "officer", "investigators", "prosecutors", "diplomats", "observers", "doctors",
	"researchers", "scientists", "residents", "campaigners", "organisation", "organization", "parliament",
	"farmers", "unions", "economists", NULL };
static const char *const org_heads[] = { "ministry", "department", "embassy", "agency", "council",
	"government", "office", "service", "committee", "party", "union", "forces", "court", "commission",
	"institute", "organisation", "organization", "alliance", "authority", "police", "bureau", "command",
	"observatory", "club", "tour", "association", "foundation", "university", "corporation", "parliament",
	NULL };
static const char *const position_nouns[] = { "position", "stance", "statement", "statements", "view",
	"views", "comments", "remarks", "claim", "claims", "line", "decision", "policy", "assertion",
	"argument", "proposal", "plan", "approach", "call", NULL };
static const char *const pron_per[] = { "he", "she", NULL };
static const char *const pron_pl[] = { "they", "we", "i", NULL };
static const char *const stopwords[] = { "a", "an", "the", "of", "in", "on", "for", "to", "by", "with",
	"at", "from", "has", "have", "had", "been", "be", "is", "was", "were", "are", "will", "would", "that",
	"this", "and", "or", "as", "its", "it", "his", "her", "their", "who", "which", "before", "after",
	"into", "up", "as", "'s", "than", "being", "got", "get", NULL };
static const char *const title_words[] = { "secretary", "minister", "president", "chancellor", "prime",
	"mayor", "councillor", "councilor", "ambassador", "general", "leader", "spokesman", "spokeswoman",
	"spokesperson", "governor", "senator", "sen.", "rep.", "representative", "king", "queen", "chairman",
	"chairwoman", "chair", "director", "chief", "commander", "officer", "deputy", "vice", "foreign",
	"defense", "defence", "interior", "health", "transport", "finance", "justice", "executive",
	"secretary-general", "premier", "envoy", "official", "head", "mr.", "mrs.", "ms.", "dr.", "prof.",
	"lt.", "gen.", "col.", "sgt.", "adm.", "lt", "gen", "col", "sgt", "adm", "maj", "brig", "sen", "rep",
	"gov", "dr", "mr", "mrs", "ms", "prof", "rear", "admiral", "marshal", "major", "chairman", "former", "then", "acting", "state", "attorney", "district",
	"press", "communications", "spy", "army", "navy", "colonel", "captain", "lieutenant", "sheriff",
	"judge", "justice", "commissioner", "pope", "cardinal", "bishop", "rabbi", "imam", "professor",
	"economist", "analyst", "lawyer", "attorney", "agent", "coach", "manager", "founder", "ceo", "cfo",
	"first", "lady", "supreme", "high", "junior", "senior", "mp", "mep", "economy", "energy", "trade",
	"education", "culture", "environment", "agriculture", "labor", "labour", "homeland", "security",
	"intelligence", "national", NULL };

static const char *const neutral_verbs[] = { "confirm", "confirmed", "confirming", "verify", "verified",
	"corroborate", "corroborated", "corroborates", "comment", "commented", "address", "discuss", "disclose",
	"identify", "identified", "say", "said", "know", "knowing", "speculate", NULL };

enum { B_neutral_verbs = 2048 };
enum { B_aux_words = 1, B_claim_nouns = 2, B_conn_words = 4, B_fn_caps = 8, B_head_words = 16,
       B_org_heads = 32, B_position_nouns = 64, B_pron_per = 128, B_pron_pl = 256, B_stopwords = 512,
       B_title_words = 1024 };
#define HAS(T, k, bit) ((k) < (T)->n && ((T)->t[k].cls & (bit)))

static void set_classes(const nf_stancer *S, toks *T)
{
	for (size_t k = 0; k < T->n; k++)
		T->t[k].cls = T->t[k].punct ? 0 : (unsigned short)(uintptr_t)nf_map_get(&S->word_cls, LOW(T, k), T->t[k].ln);
}

/* ---- loading ---- */

static void split_words(nf_stancer *S, const char *text, int stem, char ***w, size_t **wl, int *nw, char ***orig)
{
	toks T = { 0 };
	tokenize(text, strlen(text), &T);
	(void)S;
	*nw = (int)T.n;
	*w = nf_xcalloc(T.n + 1, sizeof **w);
	*wl = nf_xcalloc(T.n + 1, sizeof **wl);
	if (orig)
		*orig = nf_xcalloc(T.n + 1, sizeof **orig);
	for (size_t i = 0; i < T.n; i++) {
		const char *s = stem ? STEM(&T, i) : LOW(&T, i);
		size_t n = stem ? T.t[i].sn : T.t[i].ln;
		(*w)[i] = nf_xstrndup(s, n);
		(*wl)[i] = n;
		if (orig)
			(*orig)[i] = nf_xstrndup(text + T.t[i].s, T.t[i].e - T.t[i].s);
	}
	free(T.t);
	nf_buf_free(&T.arena);
}

static void add_cue(nf_stancer *S, const char *text, int kind, double pol, int surface)
{
	cue *c = nf_xcalloc(1, sizeof *c);
	c->text = nf_xstrndup(text, strlen(text));
	c->kind = kind; c->pol = pol; c->surface = surface;
	if (!strchr(text, ' ') && (strchr(text, '\'') || !isalnum((unsigned char)text[0]))) {
		/* n't, ?, ; : one word as written */
		c->nw = 1;
		c->w = nf_xcalloc(1, sizeof *c->w);
		c->wl = nf_xcalloc(1, sizeof *c->wl);
		c->w[0] = nf_xstrndup(text, strlen(text));
		c->wl[0] = strlen(text);
	} else
		split_words(S, text, !surface, &c->w, &c->wl, &c->nw, NULL);
	if (c->nw == 0) { free(c->w); free(c->wl); free(c->text); free(c); return; }
	nf_map *m = surface ? &S->cue_surf : &S->cue_stem;
	void **slot = nf_map_slot(m, c->w[0], c->wl[0], 1);
	c->next = *slot;
	*slot = c;
}

static char *fstr(const nf_str *f) { return nf_xstrndup(f->p, f->n); }

static void load_pred(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_stancer *S = arg;
	if (n < 3 || f[0].n == 0)
		return;
	char *pat = fstr(&f[0]), *cls = fstr(&f[2]), *pol = fstr(&f[1]);
	static const char *const names[] = { "support", "oppose", "deontic", "affirm", "refute", "report",
					     "transparent", "noncommittal", "position", NULL };
	int kind = -1;
	for (int i = 0; names[i]; i++)
		if (strcmp(cls, names[i]) == 0)
			kind = i;
	if (kind >= 0)
		add_cue(S, pat, kind, atof(pol), 0);
	free(pat); free(cls); free(pol);
}

static void load_neg(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_stancer *S = arg;
	if (n < 2 || f[0].n == 0)
		return;
	char *c = fstr(&f[0]), *k = fstr(&f[1]);
	int kind = K_NEG;
	if (strcmp(k, "approx_negator") == 0) kind = K_APPROX;
	else if (strcmp(k, "contrast_neg") == 0) kind = K_CONTRAST;
	else if (strcmp(k, "scope_end") == 0) kind = K_SCOPE;
	else if (strcmp(k, "ignore") == 0) kind = K_IGNORE;
	add_cue(S, c, kind, kind == K_APPROX ? 0.7 : 1, strchr(c, ' ') == NULL);
	free(c); free(k);
}

static void load_mod(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_stancer *S = arg;
	if (n < 3 || f[0].n == 0)
		return;
	char *c = fstr(&f[0]), *cls = fstr(&f[1]), *w = fstr(&f[2]);
	double wt = atof(w);
	int kind = K_MOD;
	if (wt < 0 || strcmp(cls, "feasibility") == 0) kind = K_SIGNED;
	else if (strcmp(cls, "evidential") == 0) kind = K_EVIDENTIAL;
	else if (strcmp(cls, "conditional") == 0) kind = K_CONDITIONAL;
	add_cue(S, c, kind, wt, strchr(c, ' ') == NULL && strcmp(cls, "timing") != 0);
	free(c); free(cls); free(w);
}

static void load_senti(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_stancer *S = arg;
	if (n < 2 || f[0].n == 0 || f[0].n > 63)
		return;
	nf_map_put(&S->senti, f[0].p, f[0].n, (void *)(intptr_t)(f[1].n && f[1].p[0] == 'p' ? 1 : -1));
}

static int canon_id(nf_stancer *S, const char *name, int org)
{
	void **slot = nf_map_slot(&S->canon_idx, name, strlen(name), 1);
	if (*slot)
		return (int)(intptr_t)*slot - 1;
	S->canon = nf_xrealloc(S->canon, (S->ncanon + 1) * sizeof *S->canon);
	S->canon_org = nf_xrealloc(S->canon_org, (S->ncanon + 1) * sizeof *S->canon_org);
	S->canon[S->ncanon] = nf_xstrndup(name, strlen(name));
	S->canon_org[S->ncanon] = org;
	*slot = (void *)(intptr_t)(S->ncanon + 1);
	return (int)S->ncanon++;
}

static void load_alias(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_stancer *S = arg;
	if (n < 3 || f[0].n == 0)
		return;
	char *a = fstr(&f[0]), *c = fstr(&f[1]);
	int org = f[2].n == 12 && memcmp(f[2].p, "organisation", 12) == 0;
	alias *al = nf_xcalloc(1, sizeof *al);
	split_words(S, a, 1, &al->w, &al->wl, &al->nw, &al->orig);
	al->canon = canon_id(S, c, org);
	al->org = org;
	al->metonym = f[2].n > 8 && memcmp(f[2].p + f[2].n - 7, "metonym", 7) == 0;
	/* short all-caps aliases (US, UK, WHO) only as written */
	size_t up = 0;
	for (const char *p = a; *p; p++)
		up += (*p >= 'A' && *p <= 'Z');
	al->cs = strlen(a) <= 5 && up >= 2;
	if (al->nw > 0) {
		void **slot = nf_map_slot(&S->alias_map, al->w[0], al->wl[0], 1);
		al->next = *slot;
		*slot = al;
		S->aliases = nf_xrealloc(S->aliases, (S->naliases + 1) * sizeof *S->aliases);
		S->aliases[S->naliases++] = al;
	} else {
		free(al->w); free(al->wl); free(al->orig); free(al);
	}
	free(a); free(c);
}

static void split_bar(const nf_str *f, char ***out, size_t *n)
{
	*out = NULL; *n = 0;
	size_t cap = 0, i = 0;
	while (i < f->n) {
		size_t j = i;
		while (j < f->n && f->p[j] != '|')
			j++;
		if (j > i) {
			nf_grow((void **)out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = nf_xstrndup(f->p + i, j - i);
		}
		i = j + 1;
	}
}

static void load_rel(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_stancer *S = arg;
	if (n < 2 || f[0].n == 0)
		return;
	S->rel = nf_xrealloc(S->rel, (S->nrel + 1) * sizeof *S->rel);
	relation *r = &S->rel[S->nrel];
	r->name = fstr(&f[0]);
	split_bar(&f[1], &r->var, &r->nvar);
	if (n >= 3)
		split_bar(&f[2], &r->opp, &r->nopp);
	else { r->opp = NULL; r->nopp = 0; }
	for (size_t i = 0; i < r->nvar; i++) {
		if (strchr(r->var[i], ' ') || strchr(r->var[i], '{'))
			continue;
		char st[64];
		size_t sn = nf_stance_stem(r->var[i], strlen(r->var[i]), st);
		void **slot = nf_map_slot(&S->rel_idx, st, sn, 1);
		if (!*slot)
			*slot = (void *)(intptr_t)(S->nrel + 1);
	}
	S->nrel++;
}

nf_stancer *nf_stancer_new(void)
{
	nf_stancer *S = nf_xcalloc(1, sizeof *S);
	nf_data_load("stance_predicates.tsv", "pattern\tpolarity\tclass", load_pred, S);
	nf_data_load("stance_negation.tsv", "cue\tkind", load_neg, S);
	nf_data_load("stance_modality.tsv", "cue\tclass\tweight", load_mod, S);
	nf_data_load("stance_actors.tsv", "alias\tcanonical\tkind", load_alias, S);
	nf_data_load("stance_sentiment.tsv", "word\tpolarity", load_senti, S);
	nf_data_load("stance_relations.tsv", "relation\tvariants\topposites", load_rel, S);
	S->debug = getenv("STANCE_DEBUG") != NULL;
	S->sp = nf_splitter_new(NULL, 0);
	S->ner = nf_ner_new();
	S->qt = nf_quoter_new();
	{
		static const char *const *const lists[] = { aux_words, claim_nouns, conn_words, fn_caps, head_words,
			org_heads, position_nouns, pron_per, pron_pl, stopwords, title_words, neutral_verbs };
		for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
			for (const char *const *w = lists[i]; *w; w++) {
				void **slot = nf_map_slot(&S->word_cls, *w, strlen(*w), 1);
				*slot = (void *)((uintptr_t)*slot | ((uintptr_t)1 << i));
			}
	}
	S->w = scratch_new();
	S->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(S->mctx, 100000);
	pcre2_set_depth_limit(S->mctx, 1000);
	pcre2_set_heap_limit(S->mctx, 20000);         /* KiB: a pathological pattern stops, not the machine */
	S->md = pcre2_match_data_create(8, NULL);
	return S;
}

static void free_words(char **w, int n)
{
	if (!w)
		return;
	for (int i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

static void free_cues(nf_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys && m->keys[i])
			for (cue *c = m->vals[i], *nx; c; c = nx) {
				nx = c->next;
				free_words(c->w, c->nw); free(c->wl); free(c->text); free(c);
			}
	nf_map_free(m);
}

static void scratch_free(scratch *W);

void nf_stancer_free(nf_stancer *S)
{
	if (!S)
		return;
	scratch_free(S->w);
	free(S->w);
	nf_map_free(&S->word_cls);
	free_cues(&S->cue_stem);
	free_cues(&S->cue_surf);
	for (size_t i = 0; i < S->naliases; i++) {
		alias *a = S->aliases[i];
		free_words(a->w, a->nw); free_words(a->orig, a->nw); free(a->wl); free(a);
	}
	free(S->aliases);
	nf_map_free(&S->alias_map);
	nf_map_free(&S->senti);
	for (size_t i = 0; i < S->ncanon; i++)
		free(S->canon[i]);
	free(S->canon); free(S->canon_org);
	nf_map_free(&S->canon_idx);
	for (size_t i = 0; i < S->nrel; i++) {
		free(S->rel[i].name);
		free_words(S->rel[i].var, (int)S->rel[i].nvar);
		free_words(S->rel[i].opp, (int)S->rel[i].nopp);
	}
	free(S->rel);
	nf_map_free(&S->rel_idx);
	for (size_t i = 0; i < S->phr_map.cap; i++)
		if (S->phr_map.keys && S->phr_map.keys[i])
			for (tphr *p = S->phr_map.vals[i], *nx; p; p = nx) {
				nx = p->next;
				free_words(p->w, p->nw); free_words(p->orig, p->nw); free(p->wl); free(p);
			}
	nf_map_free(&S->phr_map);
	for (size_t i = 0; i < S->nkeys; i++)
		free(S->keys[i]);
	free(S->keys);
	for (size_t i = 0; i < S->nt; i++) {
		free(S->t[i].name);
		for (size_t j = 0; j < S->t[i].npat; j++) pcre2_code_free(S->t[i].pat[j]);
		for (size_t j = 0; j < S->t[i].nopp; j++) pcre2_code_free(S->t[i].opp[j]);
		free(S->t[i].pat); free(S->t[i].opp);
	}
	free(S->t);
	nf_splitter_free(S->sp);
	nf_ner_free(S->ner);
	nf_quoter_free(S->qt);
	pcre2_match_context_free(S->mctx);
	pcre2_match_data_free(S->md);
	free(S);
}

void nf_stancer_options(nf_stancer *S, int author, int by_affil) { S->author = author; S->by_affil = by_affil; }
size_t nf_stancer_ntargets(const nf_stancer *S) { return S->nt; }
const char *nf_stancer_target(const nf_stancer *S, size_t i) { return S->t[i].name; }

/* ---- targets ---- */


static void add_phrase(nf_stancer *S, int t, int g, int opp, const char *text)
{
	tphr *p = nf_xcalloc(1, sizeof *p);
	p->target = t; p->group = g; p->opp = opp;
	split_words(S, text, 1, &p->w, &p->wl, &p->nw, &p->orig);
	size_t up = 0;
	for (const char *c = text; *c; c++)
		up += (*c >= 'A' && *c <= 'Z');
	p->cs = strlen(text) <= 5 && up >= 2 && !strchr(text, ' ');
	if (p->nw == 0) {
		free(p->w); free(p->wl); free(p->orig); free(p);
		return;
	}
	void **slot = nf_map_slot(&S->phr_map, p->w[0], p->wl[0], 1);
	p->next = *slot;
	*slot = p;
}

static void add_canon_aliases(nf_stancer *S, int t, int g, int canon)
{
	for (size_t i = 0; i < S->naliases; i++)
		if (S->aliases[i]->canon == canon) {
			nf_buf b = { 0 };
			for (int j = 0; j < S->aliases[i]->nw; j++) {
				if (j) nf_buf_addc(&b, ' ');
				nf_buf_add(&b, S->aliases[i]->orig[j], strlen(S->aliases[i]->orig[j]));
			}
			add_phrase(S, t, g, 0, b.p);
			nf_buf_free(&b);
		}
}

/* Longest alias at token k of T (stems; case-sensitive aliases as written). */
static const alias *alias_at(const nf_stancer *S, const toks *T, const char *text, size_t k, int *len)
{
	const alias *best = NULL;
	*len = 0;
	if (T->t[k].punct)
		return NULL;
	for (const alias *a = nf_map_get(&S->alias_map, STEM(T, k), T->t[k].sn); a; a = a->next) {
		if (a->nw <= *len || k + (size_t)a->nw > T->n)
			continue;
		int ok = 1;
		for (int j = 0; j < a->nw && ok; j++) {
			const tok *x = &T->t[k + (size_t)j];
			ok = x->sn == a->wl[j] && memcmp(STEM(T, k + (size_t)j), a->w[j], a->wl[j]) == 0;
			if (ok && a->cs)
				ok = x->e - x->s == strlen(a->orig[j]) && memcmp(text + x->s, a->orig[j], x->e - x->s) == 0;
			/* names as names: "Turkey" but not "turkey", except multi-word phrases */
			if (ok && a->nw == 1 && !x->cap)
				ok = 0;
		}
		if (ok) { best = a; *len = a->nw; }
	}
	return best;
}

static int new_target(nf_stancer *S, const char *name)
{
	for (size_t i = 0; i < S->nt; i++)
		if (strcmp(S->t[i].name, name) == 0)
			return (int)i;
	S->t = nf_xrealloc(S->t, (S->nt + 1) * sizeof *S->t);
	target *t = &S->t[S->nt];
	memset(t, 0, sizeof *t);
	t->name = nf_xstrndup(name, strlen(name));
	return (int)S->nt++;
}

/* Expands the words of text into match groups of target ti. */
static void expand(nf_stancer *S, int ti, const char *text)
{
	toks T = { 0 };
	tokenize(text, strlen(text), &T);
	set_classes(S, &T);
	int rel_of_group[MAXG], arg_canon[MAXG];
	int ng0 = S->t[ti].ng;
	for (size_t k = 0; k < T.n && S->t[ti].ng < MAXG;) {
		target *t = &S->t[ti];
		int len;
		const alias *a = alias_at(S, &T, text, k, &len);
		if (a) {
			int g = t->ng++;
			t->gkind[g] = G_ARG; rel_of_group[g] = -1; arg_canon[g] = a->canon;
			add_canon_aliases(S, ti, g, a->canon);
			k += (size_t)len;
			continue;
		}
		if (T.t[k].punct || HAS(&T, k, B_stopwords)) { k++; continue; }
		intptr_t r = (intptr_t)nf_map_get(&S->rel_idx, STEM(&T, k), T.t[k].sn);
		if (r && !T.t[k].cap) {
			int dup = 0;
			for (int g = ng0; g < t->ng; g++)
				dup |= t->gkind[g] == G_REL && rel_of_group[g] == (int)r - 1;
			if (!dup) {
				int g = t->ng++;
				t->gkind[g] = G_REL; rel_of_group[g] = (int)r - 1; arg_canon[g] = -1;
				t->keymask |= 1u << g;
			}
			k++;
			continue;
		}
		size_t e = k;
		while (e < T.n && (T.t[e].cap || (T.t[e].punct && T.t[e].glued && e + 1 < T.n && T.t[e + 1].glued &&
						  text[T.t[e].s] == '-')
				   || (e > k && e + 1 < T.n && T.t[e + 1].cap && (tok_is(&T, e, "al") || tok_is(&T, e, "bin")))))
			e++;
		int g = t->ng++;
		rel_of_group[g] = -1; arg_canon[g] = -1;
		if (e > k && (e - k >= 2 || k > 0 || T.t[k].e - T.t[k].s <= 5)) {
			t->gkind[g] = G_ARG;
			t->keymask |= 1u << g;   /* a name ("Ebola", "Castro"), unlike a country, is specific */
			char *full = nf_xstrndup(text + T.t[k].s, T.t[e - 1].e - T.t[k].s);
			add_phrase(S, ti, g, 0, full);
			free(full);
			/* the surname alone: "Castro", "Woods" */
			if (e - k >= 2 && T.t[e - 1].e - T.t[e - 1].s >= 4 && !T.t[e - 1].punct) {
				char *last = nf_xstrndup(text + T.t[e - 1].s, T.t[e - 1].e - T.t[e - 1].s);
				add_phrase(S, ti, g, 0, last);
				free(last);
			}
			k = e;
		} else {
			t->gkind[g] = G_KEY;
			t->keymask |= 1u << g;
			char *w = nf_xstrndup(text + T.t[k].s, T.t[k].e - T.t[k].s);
			add_phrase(S, ti, g, 0, w);
			free(w);
			k++;
		}
	}
	/* relation variants; {Y} is each alias of the argument after the relation word */
	target *t = &S->t[ti];
	for (int g = ng0; g < t->ng; g++)
		t->policy |= t->gkind[g] == G_REL;
	for (size_t k = 0; k < T.n; k++)
		t->policy |= tok_is(&T, k, "should") || tok_is(&T, k, "must") || tok_is(&T, k, "ought");
	for (int g = ng0; g < t->ng; g++) {
		if (t->gkind[g] != G_REL)
			continue;
		relation *r = &S->rel[rel_of_group[g]];
		int y = -1;
		for (int h = g + 1; h < t->ng && y < 0; h++)
			if (t->gkind[h] == G_ARG && arg_canon[h] >= 0) y = arg_canon[h];
		for (int h = g - 1; h >= ng0 && y < 0; h--)
			if (t->gkind[h] == G_ARG && arg_canon[h] >= 0) y = arg_canon[h];
		for (int pass = 0; pass < 2; pass++) {
			char **v = pass ? r->opp : r->var;
			size_t nv = pass ? r->nopp : r->nvar;
			for (size_t i = 0; i < nv; i++) {
				const char *ph = strstr(v[i], "{Y}");
				if (!ph) {
					add_phrase(S, ti, pass ? -1 : g, pass, v[i]);
					continue;
				}
				if (y < 0)
					continue;
				for (size_t a = 0; a < S->naliases; a++) {
					if (S->aliases[a]->canon != y)
						continue;
					nf_buf b = { 0 };
					nf_buf_add(&b, v[i], (size_t)(ph - v[i]));
					for (int j = 0; j < S->aliases[a]->nw; j++) {
						if (j) nf_buf_addc(&b, ' ');
						nf_buf_add(&b, S->aliases[a]->orig[j], strlen(S->aliases[a]->orig[j]));
					}
					nf_buf_add(&b, ph + 3, strlen(ph + 3));
					add_phrase(S, ti, pass ? -1 : g, pass, b.p);
					nf_buf_free(&b);
				}
			}
		}
	}
	free(T.t);
	nf_buf_free(&T.arena);
}

/* Keys for the prefilter: the start of the first word of every phrase that is not a bare
 * relation word (a document must name an argument or keyword to address a target). */
static void build_keys(nf_stancer *S)
{
	for (size_t i = 0; i < S->nkeys; i++)
		free(S->keys[i]);
	S->nkeys = 0;
	memset(S->first, 0, sizeof S->first);
	for (size_t i = 0; i < S->phr_map.cap; i++) {
		if (!S->phr_map.keys || !S->phr_map.keys[i])
			continue;
		for (const tphr *p = S->phr_map.vals[i]; p; p = p->next) {
			if (p->group >= 0 && S->t[p->target].gkind[p->group] == G_REL)
				continue;
			size_t n = p->wl[0];
			if (n > 4)
				n--;   /* stems are prefixes of the words, give or take a final letter */
			S->keys = nf_xrealloc(S->keys, (S->nkeys + 1) * sizeof *S->keys);
			S->keys[S->nkeys++] = nf_xstrndup(p->w[0], n);
			S->first[(unsigned char)p->w[0][0]] = 1;
		}
	}
	for (size_t i = 0; i < S->nt; i++)
		S->nofilter |= S->t[i].npat + S->t[i].nopp > 0;
}

static int prefilter(const nf_stancer *S, const char *text, size_t len)
{
	if (S->nofilter)
		return 1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (!S->first[c] || (i > 0 && isalnum((unsigned char)text[i - 1])))
			continue;
		for (size_t k = 0; k < S->nkeys; k++) {
			const char *w = S->keys[k];
			size_t j = 0;
			while (w[j] && i + j < len && tolower((unsigned char)text[i + j]) == (unsigned char)w[j])
				j++;
			if (!w[j])
				return 1;
		}
	}
	return 0;
}

int nf_stancer_add_target(nf_stancer *S, const char *text)
{
	int ti = new_target(S, text);
	expand(S, ti, text);
	build_keys(S);
	return ti;
}

static pcre2_code *compile(const char *pat, char *err, size_t errn)
{
	int ec;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS | PCRE2_UTF,
				       &ec, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(ec, msg, sizeof msg);
		snprintf(err, errn, "bad pattern at offset %zu: %s", (size_t)off, (char *)msg);
	}
	return re;
}

int nf_stancer_load_targets(nf_stancer *S, const char *file, char *err, size_t errn)
{
	FILE *f = fopen(file, "r");
	if (!f) {
		snprintf(err, errn, "%s: cannot open", file);
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	long ln = 0;
	int rc = 0;
	ssize_t got;
	int *seen = NULL;
	while ((got = getline(&line, &cap, f)) >= 0) {
		ln++;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = 0;
		if (got == 0 || line[0] == '#')
			continue;
		char *tab1 = strchr(line, '\t');
		char *name = line, *kind = "expand", *val = NULL;
		if (tab1) {
			*tab1 = 0; kind = tab1 + 1;
			char *tab2 = strchr(kind, '\t');
			if (!tab2) {
				snprintf(err, errn, "%s:%ld: expected target<TAB>kind<TAB>value", file, ln);
				rc = -1; break;
			}
			*tab2 = 0; val = tab2 + 1;
		}
		if (!*name) {
			snprintf(err, errn, "%s:%ld: empty target", file, ln);
			rc = -1; break;
		}
		size_t before = S->nt;
		int ti = new_target(S, name);
		if (S->nt > before) {
			seen = nf_xrealloc(seen, S->nt * sizeof *seen);
			seen[ti] = 0;
		}
		target *t = &S->t[ti];
		char e2[200];
		if (strcmp(kind, "expand") == 0 || strcmp(kind, "synonym") == 0) {
			expand(S, ti, val && *val ? val : name);
			seen[ti] = 1;
		} else if (strcmp(kind, "noexpand") == 0) {
			t->noexpand = 1;
		} else if (strcmp(kind, "pattern") == 0 || strcmp(kind, "opposite") == 0) {
			pcre2_code *re = compile(val, e2, sizeof e2);
			if (!re) {
				snprintf(err, errn, "%s:%ld: %s", file, ln, e2);
				rc = -1; break;
			}
			int opp = kind[0] == 'o';
			pcre2_code ***arr = opp ? &t->opp : &t->pat;
			size_t *n = opp ? &t->nopp : &t->npat;
			*arr = nf_xrealloc(*arr, (*n + 1) * sizeof **arr);
			(*arr)[(*n)++] = re;
		} else {
			snprintf(err, errn, "%s:%ld: unknown kind '%s' (expand, synonym, pattern, opposite, noexpand)",
				 file, ln, kind);
			rc = -1; break;
		}
	}
	/* a target named in the file is also expanded from its own words unless noexpand */
	for (size_t i = 0; rc == 0 && seen && i < S->nt; i++)
		if (i < S->nt && !S->t[i].noexpand && !seen[i] && S->t[i].ng == 0)
			expand(S, (int)i, S->t[i].name);
	free(seen);
	free(line);
	fclose(f);
	build_keys(S);
	if (rc == 0 && S->nt == 0) {
		snprintf(err, errn, "%s: no targets", file);
		rc = -1;
	}
	return rc;
}

/* ---- one document ---- */

typedef struct {
	char *name;               /* canonical */
	char *affil;
	char *role;               /* title words, lower-cased, space separated */
	int per;                  /* a person (pronouns resolve to persons) */
	size_t last;              /* last token where the actor is named */
	long name_tok;            /* a person's surname token, for the entities name; or -1 */
	size_t first;
} actor;

typedef struct {
	int actor, target;
	double score;             /* signed, already weighted */
	int neutral;              /* a noncommittal statement */
	size_t sent;              /* sentence index */
	char *cues;
	int link, linksign;       /* agree with / counter another actor (canon index or -1) */
	char *linkname;
} unit;

typedef struct { size_t np, npe, verb; int actor; } holder;

/* Everything nf_stance_run works on for one document, owned by its nf_stancer (so two
 * stancers never share state); grown, never shrunk, from one document to the next. */
struct scratch {
	const nf_stancer *S;      /* the stancer of the document being processed */
	const char *text;         /* its text */
	int no_fallback;          /* set while np_actor works on the part before "of" */
	toks T;
	nf_span *sp; size_t nsp, spcap;
	actor *a; size_t na, acap;
	unit *u; size_t nu, ucap;
	nf_buf b;
	size_t *names; size_t nnames, ncap;   /* start tokens of full names (>= 2 words) */
	size_t *nameend;
	int *para_speaker;
	nf_entities ents;
	nf_quotes quotes;
	unsigned char *hsent; size_t hcap;   /* sentences where we found a holder */
	int top_valid, top_org;              /* doc_top_canon's cache */
	int *sent_country; size_t sccap;
	const char *pattern_error;           /* a user pattern hit a PCRE2 limit in this document */
	int *canon_cnt; size_t canon_cap;    /* doc_top_canon: mentions per canonical name */
	int *addressed; size_t addr_cap;     /* targets the document addresses */
	holder *H; size_t Hcap;              /* holders of one sentence */
	double *sum; long *best, *cnt;       /* per actor, for one target's verdicts */
	int *rep, *neu; size_t vcap;
};


static int is_word(const toks *T, size_t k) { return k < T->n && !T->t[k].punct; }

static int holder_sents_has(scratch *W, size_t s) { return s < W->hcap && W->hsent[s]; }

/* Capitalised word that can be part of a name (not a sentence-initial function word). */
static int name_word(const toks *T, size_t k)
{
	return is_word(T, k) && T->t[k].cap && !HAS(T, k, B_fn_caps);
}

static void mark_cues(scratch *W, const nf_stancer *S, const char *text)
{
	toks *T = &W->T;
	for (size_t k = 0; k < T->n; k++) {
		tok *x = &T->t[k];
		if (x->punct && !(x->ln == 1 && (LOW(T, k)[0] == ';' || LOW(T, k)[0] == ':' || LOW(T, k)[0] == '?')))
			continue;
		const cue *best = NULL;
		int bl = 0;
		/* a capitalised word inside a sentence is a name ("May", "Will Smith", "Hope") */
		int midcap = x->cap && k > 0 && !T->t[k - 1].punct && T->t[k - 1].sent == x->sent;
		for (int m = 0; m < 2 && !midcap; m++) {
			const cue *c = m ? nf_map_get(&S->cue_stem, STEM(T, k), x->sn) : nf_map_get(&S->cue_surf, LOW(T, k), x->ln);
			for (; c; c = c->next) {
				if (c->nw <= bl || k + (size_t)c->nw > T->n)
					continue;
				int ok = 1;
				for (int j = 0; j < c->nw && ok; j++) {
					const tok *y = &T->t[k + (size_t)j];
					if (c->surface)
						ok = y->ln == c->wl[j] && memcmp(LOW(T, k + (size_t)j), c->w[j], c->wl[j]) == 0;
					else
						ok = y->sn == c->wl[j] && memcmp(STEM(T, k + (size_t)j), c->w[j], c->wl[j]) == 0;
				}
				if (ok) { best = c; bl = c->nw; }
			}
		}
		if (best) {
			x->cue = best; x->cuelen = bl;
			for (int j = 1; j < bl; j++)
				T->t[k + (size_t)j].covered = 1;
		}
		int al;
		const alias *a = alias_at(S, T, text, k, &al);
		if (a) { x->al = a; x->allen = al; }
	}
}

/* Quotation marks: curly pairs, and straight double quotes toggled within a paragraph. */
static void mark_quotes(scratch *W, const char *text)
{
	toks *T = &W->T;
	int in = 0, straight = 0;
	size_t lastpara = 0;
	for (size_t k = 0; k < T->n; k++) {
		tok *x = &T->t[k];
		/* a paragraph break closes any open quote */
		if (k > 0 && memchr(text + T->t[k - 1].e, '\n', x->s - T->t[k - 1].e)) {
			if (!in || lastpara != k) { in = 0; straight = 0; }
		}
		if (x->punct) {
			const char *p = text + x->s;
			size_t n = x->e - x->s;
			if (n == 3 && memcmp(p, "\xE2\x80\x9C", 3) == 0) { in = 1; continue; }
			if (n == 3 && memcmp(p, "\xE2\x80\x9D", 3) == 0) { in = 0; x->inq = 1; continue; }
			if (n == 2 && (memcmp(p, "\xC2\xAB", 2) == 0)) { in = 1; continue; }
			if (n == 2 && (memcmp(p, "\xC2\xBB", 2) == 0)) { in = 0; x->inq = 1; continue; }
			if (n == 1 && *p == '\'' && straight && k + 1 < T->n && T->t[k + 1].punct && T->t[k + 1].glued &&
			    text[T->t[k + 1].s] == '\'') {
				straight = 0; in = 0; x->inq = 1;   /* ''  closes "  */
				continue;
			}
			if (n == 1 && *p == '"') {
				straight = !straight; in = straight;
				if (!in) x->inq = 1;
				continue;
			}
		}
		x->inq = (unsigned char)in;
	}
}

static size_t sent_of(scratch *W, size_t k) { return (size_t)W->T.t[k].sent; }

static int is_title(const toks *T, size_t k) { return HAS(T, k, B_title_words); }


/* Full names in the document: runs of >= 2 capitalised name words, titles left out. */
static void find_names(scratch *W, const char *text)
{
	toks *T = &W->T;
	W->nnames = 0;
	for (size_t k = 0; k < T->n;) {
		if (!name_word(T, k) || is_title(T, k) || T->t[k].al) { k++; continue; }
		size_t e = k;
		while (e < T->n && sent_of(W, e) == sent_of(W, k) && ((name_word(T, e) && !is_title(T, e) && !T->t[e].al) ||
		       (T->t[e].punct && T->t[e].glued && text[T->t[e].s] == '-' && e + 1 < T->n && T->t[e + 1].glued
			&& name_word(T, e + 1))))
			e++;
		if (e - k >= 2) {
			nf_grow((void **)&W->names, &W->ncap, W->nnames + 1, sizeof *W->names);
			W->nameend = nf_xrealloc(W->nameend, W->ncap * sizeof *W->nameend);
			W->names[W->nnames] = k;
			W->nameend[W->nnames++] = e;
		}
		k = e;
	}
}


/* Canonical country of token k: our alias table, else the entities gazetteer ("Irish"). */
static const char *tok_country(scratch *W, size_t k)
{
	const toks *T = &W->T;
	if (T->t[k].al)
		return W->S->canon[T->t[k].al->canon];
	if (!T->t[k].cap || T->t[k].punct)
		return NULL;
	return nf_ner_country(W->S->ner, W->text + T->t[k].s, T->t[k].e - T->t[k].s);
}

/* Canonical form of the name in tokens [a, b): the fullest earlier (else later) name that ends
 * with it, allowing small misspellings of long surnames. */
static long resolve_name(scratch *W, const char *text, size_t a, size_t b, nf_buf *out)
{
	toks *T = &W->T;
	const char *last = text + T->t[b - 1].s;
	size_t ln = T->t[b - 1].e - T->t[b - 1].s;
	long best = -1;
	int bestd = 99;
	/* the names near this one: 100 before, 20 after (bounded work in long documents) */
	size_t lo = 0, hi = W->nnames;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (W->names[mid] < a) lo = mid + 1; else hi = mid;
	}
	size_t from = lo > 100 ? lo - 100 : 0, to = lo + 20 < W->nnames ? lo + 20 : W->nnames;
	for (size_t i = from; i < to; i++) {
		size_t s = W->names[i], e = W->nameend[i];
		if (e - s < b - a || (s <= a && e >= b && e - s == b - a))
			continue;
		const char *l2 = text + T->t[e - 1].s;
		size_t n2 = T->t[e - 1].e - T->t[e - 1].s;
		if (l2[0] != last[0] || n2 > ln + 2 || ln > n2 + 2)
			continue;
		int d = n2 == ln && memcmp(l2, last, ln) == 0 ? 0 : nf_edit_distance(last, ln, l2, n2, 0);
		int ok = d == 0 || (ln >= 5 && d == 1 && last[0] == l2[0]) || (ln >= 6 && d == 2 && last[0] == l2[0]);
		if (b - a >= 2 && ok) {   /* "John Healy" -> fuller "John Lund Healy" only when first words agree */
			ok = T->t[a].e - T->t[a].s == T->t[s].e - T->t[s].s &&
			     memcmp(text + T->t[a].s, text + T->t[s].s, T->t[a].e - T->t[a].s) == 0;
			if (!ok) continue;
			if (d > 0) continue;
		}
		if (!ok)
			continue;
		int rank = d * 2 + (s > a);
		if (rank < bestd) { bestd = rank; best = (long)i; }
	}
	nf_buf_clear(out);
	if (best >= 0) {
		size_t s = W->names[best], e = W->nameend[best];
		nf_buf_add(out, text + T->t[s].s, T->t[e - 1].e - T->t[s].s);
		return (long)s;
	}
	nf_buf_add(out, text + T->t[a].s, T->t[b - 1].e - T->t[a].s);
	return -1;
}

/* The country or organisation in the titles before a full name ("US Defense Secretary"). */
static const char *title_affil(scratch *W, size_t s)
{
	toks *T = &W->T;
	for (size_t k = s; k > 0 && s - k < 8;) {
		k--;
		const char *c = T->t[k].cap ? tok_country(W, k) : NULL;
		if (c)
			return c;
		if (!(is_title(T, k) || tok_is(T, k, "'s") || tok_is(T, k, "-") || (T->t[k].cap && !HAS(T, k, B_fn_caps))))
			break;
	}
	return NULL;
}

static int find_actor(scratch *W, const char *name)
{
	for (size_t i = 0; i < W->na; i++)
		if (strcmp(W->a[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int add_actor(scratch *W, const char *name, const char *affil, const char *role, int per, size_t at)
{
	int i = find_actor(W, name);
	if (i < 0 && !strchr(name, ' ') && !(W->S && nf_map_get(&W->S->canon_idx, name, strlen(name)))) {
		/* "Tour" after "PGA Tour", "Post" after "Washington Post" */
		size_t n = strlen(name);
		for (size_t j = 0; j < W->na && i < 0; j++) {
			size_t m = strlen(W->a[j].name);
			if (m > n + 1 && strcmp(W->a[j].name + m - n, name) == 0 && W->a[j].name[m - n - 1] == ' ')
				i = (int)j;
		}
	}
	if (i < 0) {
		nf_grow((void **)&W->a, &W->acap, W->na + 1, sizeof *W->a);
		actor *a = &W->a[W->na];
		a->name = nf_xstrndup(name, strlen(name));
		a->affil = NULL; a->role = NULL; a->per = per; a->first = at; a->last = at; a->name_tok = -1;
		i = (int)W->na++;
	}
	actor *a = &W->a[i];
	if (!a->affil && affil && *affil)
		a->affil = nf_xstrndup(affil, strlen(affil));
	if (!a->role && role && *role)
		a->role = nf_xstrndup(role, strlen(role));
	if (at > a->last)
		a->last = at;
	a->per |= per;
	return i;
}

static int last_actor(scratch *W, size_t before, int per_only, size_t minpos)
{
	int best = -1;
	for (size_t i = 0; i < W->na; i++) {
		if (per_only && !W->a[i].per)
			continue;
		if (W->a[i].last < before && W->a[i].last >= minpos && (best < 0 || W->a[i].last > W->a[best].last))
			best = (int)i;
	}
	return best;
}

/* Most mentioned organisation (org = 1) or country in the document. */
static int doc_top_canon(scratch *W, const nf_stancer *S, int org, size_t sent_only, int any_sent)
{
	/* computed once per document (W->top_valid is cleared for each) */
	if (!W->top_valid) {
		if (W->canon_cap < S->ncanon) {
			W->canon_cnt = nf_xrealloc(W->canon_cnt, S->ncanon * sizeof *W->canon_cnt);
			W->canon_cap = S->ncanon;
		}
		int *cnt = W->canon_cnt;
		memset(cnt, 0, S->ncanon * sizeof *cnt);
		if (W->sccap < W->nsp) { W->sent_country = nf_xrealloc(W->sent_country, W->nsp * sizeof *W->sent_country); W->sccap = W->nsp; }
		for (size_t i = 0; i < W->nsp; i++)
			W->sent_country[i] = -1;
		W->top_org = -1;
		for (size_t k = 0; k < W->T.n; k++) {
			const alias *a = W->T.t[k].al;
			if (!a)
				continue;
			if (a->org) {
				if (++cnt[a->canon] > (W->top_org < 0 ? 0 : cnt[W->top_org]))
					W->top_org = a->canon;
			} else if (W->sent_country[sent_of(W, k)] < 0)
				W->sent_country[sent_of(W, k)] = a->canon;
		}
		W->top_valid = 1;
	}
	if (org && any_sent)
		return W->top_org;
	if (!org && !any_sent && sent_only < W->nsp)
		return W->sent_country[sent_only];
	return -1;
}

/* The entities cluster of the person mention covering byte pos, or NULL. */
static const nf_cluster *per_cluster(scratch *W, size_t pos)
{
	const nf_entities *E = &W->ents;
	size_t lo = 0, hi = E->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (E->m[mid].end <= pos) lo = mid + 1; else hi = mid;
	}
	for (size_t i = lo; i < E->n && E->m[i].start <= pos; i++)
		if (E->m[i].type == NF_PER && E->m[i].cluster >= 0 && (size_t)E->m[i].cluster < E->nc)
			return &E->c[E->m[i].cluster];
	return NULL;
}

/* Works out the actor named by tokens [a, b) (the subject of a holder verb). Returns its
 * index, or -1 when the words do not name an actor. */
static int np_actor(scratch *W, const nf_stancer *S, const char *text, size_t a, size_t b)
{
	toks *T = &W->T;
	while (a < b && ((HAS(T, a, B_conn_words) && !tok_is(T, a, "the")) || T->t[a].punct || tok_is(T, a, "a") ||
			 tok_is(T, a, "an")))
		a++;
	while (b > a && (T->t[b - 1].punct || HAS(T, b - 1, B_conn_words)))
		b--;
	if (a >= b)
		return -1;
	if (b - a == 1 && (HAS(T, a, B_pron_per) || HAS(T, a, B_pron_pl))) {
		int per = HAS(T, a, B_pron_per);
		size_t sent0 = W->sp[sent_of(W, a)].start;
		(void)sent0;
		int i = last_actor(W, a, per, 0);
		if (i >= 0)
			W->a[i].last = a;
		return i;
	}
	/* "a spokesman for the Iraqi health ministry": the body spoken for */
	for (size_t k = a; k + 1 < b; k++)
		if ((tok_is(T, k, "spokesman") || tok_is(T, k, "spokeswoman") || tok_is(T, k, "spokesperson") ||
		     tok_is(T, k, "official") || tok_is(T, k, "representative") || tok_is(T, k, "officials")) &&
		    (tok_is(T, k + 1, "for") || tok_is(T, k + 1, "of") || tok_is(T, k + 1, "at") || tok_is(T, k + 1, "from")))
			return np_actor(W, S, text, k + 2, b);
	/* "the health ministry's spokesman": the body spoken for */
	if (b - a >= 3 && tok_is(T, b - 2, "'s") && (tok_is(T, b - 1, "spokesman") || tok_is(T, b - 1, "spokeswoman") ||
						   tok_is(T, b - 1, "spokesperson") || tok_is(T, b - 1, "official")))
		return np_actor(W, S, text, a, b - 2);
	/* "the minister", "the organisation": the last actor with that role or kind */
	if (tok_is(T, a, "the") && b - a == 2 && !T->t[a + 1].cap) {
		for (long i = (long)W->na - 1; i >= 0; i--) {
			const char *r = W->a[i].role;
			char w[64];
			snprintf(w, sizeof w, "%.*s", (int)T->t[a + 1].ln, LOW(T, a + 1));
			if (r && strstr(r, w) && W->a[i].last < a) {
				W->a[i].last = a;
				return (int)i;
			}
		}
	}
	if (tok_is(T, a, "the"))
		a++;
	if (a >= b)
		return -1;
	/* "Councillor Tomás Reyes of the Civic Alliance": the person, speaking for the body */
	for (size_t k = a + 1; k + 1 < b; k++) {
		if (!tok_is(T, k, "of") && !tok_is(T, k, "from") && !tok_is(T, k, "at"))
			continue;
		if (!name_word(T, k - 1) || is_title(T, k - 1) || HAS(T, k - 1, B_org_heads) || T->t[k - 1].al)
			break;
		if (k - a < 2 && !is_title(T, a))
			break;
		W->no_fallback++;
		int id = np_actor(W, S, text, a, k);
		W->no_fallback--;
		if (id >= 0 && W->a[id].per && !W->a[id].affil) {
			size_t j = k + 1;
			if (tok_is(T, j, "the")) j++;
			if (j < b && (T->t[j].cap || T->t[j].al))
				W->a[id].affil = T->t[j].al ? nf_xstrndup(S->canon[T->t[j].al->canon], strlen(S->canon[T->t[j].al->canon]))
					: nf_xstrndup(text + T->t[j].s, T->t[b - 1].e - T->t[j].s);
		}
		if (id >= 0)
			return id;
		break;
	}
	/* country or organisation alone */
	if (T->t[a].al && a + (size_t)T->t[a].allen == b) {
		const char *c = S->canon[T->t[a].al->canon];
		if (T->t[a].al->metonym) {
			nf_buf_clear(&W->b);
			nf_buf_add(&W->b, text + T->t[a].s, T->t[b - 1].e - T->t[a].s);
			return add_actor(W, W->b.p, c, NULL, 0, a);
		}
		return add_actor(W, c, c, NULL, 0, a);
	}
	int affil = -1;
	size_t possessor_end = a;
	nf_buf role = { 0 };
	const char *cty = NULL;
	for (size_t k = a; k < b; k++) {
		if (T->t[k].al && affil < 0 && !cty) {
			affil = T->t[k].al->canon;
			if (k + (size_t)T->t[k].allen < b && tok_is(T, k + (size_t)T->t[k].allen, "'s"))
				possessor_end = k + (size_t)T->t[k].allen + 1;
		} else if (affil < 0 && !cty && T->t[k].cap && (cty = tok_country(W, k)) != NULL) {
			if (k + 1 < b && tok_is(T, k + 1, "'s"))
				possessor_end = k + 2;
		}
		if (is_title(T, k)) {
			if (role.n) nf_buf_addc(&role, ' ');
			nf_buf_add(&role, LOW(T, k), T->t[k].ln);
		}
	}
	int has_org = 0, any_cap = 0;
	for (size_t k = a; k < b; k++) {
		has_org |= HAS(T, k, B_org_heads) && T->t[k].cap;
		any_cap |= name_word(T, k);
	}
	{
		/* "House Intelligence Committee Chairman Devin Nunes": a person after a title */
		size_t s2 = b;
		while (s2 > a && name_word(T, s2 - 1) && !is_title(T, s2 - 1) && !HAS(T, s2 - 1, B_org_heads))
			s2--;
		if (b - s2 >= 2 && s2 > a && is_title(T, s2 - 1))
			has_org = 0;
	}
	nf_buf *nb = &W->b;
	int id = -1;
	const char *aff = affil >= 0 ? S->canon[affil] : cty;
	if (cty && b - a == 1)
		return add_actor(W, cty, cty, NULL, 0, a);   /* a country the alias table lacks */
	if (has_org) {
		/* "Ukraine's Ministry of Foreign Affairs" -> "Ministry of Foreign Affairs of Ukraine" */
		nf_buf_clear(nb);
		nf_buf_add(nb, text + T->t[possessor_end].s, T->t[b - 1].e - T->t[possessor_end].s);
		if (possessor_end > a && aff) {
			nf_buf_add(nb, " of ", 4);
			nf_buf_add(nb, aff, strlen(aff));
		}
		id = add_actor(W, nb->p, aff, role.p, 0, a);
	} else {
		/* a person: trailing name words after the titles */
		size_t e = b, s = b;
		while (s > a && name_word(T, s - 1) && !is_title(T, s - 1) && !T->t[s - 1].al)
			s--;
		if (s < e && (e - s >= 2 || b - a == 1 || s > a)) {
			long fs = resolve_name(W, text, s, e, nb);
			char *nm = nf_xstrndup(nb->p, nb->n);
			int per = 1;
			if (!aff && fs >= 0)
				aff = title_affil(W, (size_t)fs);
			id = add_actor(W, nm, aff, role.p, per, a);
			if (W->a[id].name_tok < 0)
				W->a[id].name_tok = (long)(e - 1);
			free(nm);
		} else if (!any_cap || HAS(T, b - 1, B_head_words)) {
			if (!HAS(T, b - 1, B_head_words) || b - a > 5)
				goto done;
			/* "YPG sources", "Pentagon spokesman": the body, unless it is a country ("U.S. official") */
			if (b - a >= 2 && (tok_is(T, b - 1, "sources") || tok_is(T, b - 1, "source") ||
					   tok_is(T, b - 1, "spokesman") || tok_is(T, b - 1, "spokeswoman") ||
					   tok_is(T, b - 1, "spokesperson"))) {
				size_t c0 = a, c1 = a;
				while (c1 < b - 1 && name_word(T, c1) && !T->t[c1].al)
					c1++;
				if (c1 == b - 1 && c1 > c0) {
					nf_buf_clear(nb);
					nf_buf_add(nb, text + T->t[c0].s, T->t[c1 - 1].e - T->t[c0].s);
					id = add_actor(W, nb->p, aff, NULL, 0, a);
					goto done;
				}
			}
			nf_buf_clear(nb);
			nf_buf_add(nb, text + T->t[a].s, T->t[b - 1].e - T->t[a].s);
			id = add_actor(W, nb->p, aff, role.p, 0, a);
		} else if (any_cap) {
			nf_buf_clear(nb);
			nf_buf_add(nb, text + T->t[a].s, T->t[b - 1].e - T->t[a].s);
			id = add_actor(W, nb->p, aff, role.p, 0, a);
		}
	}
	if (id >= 0 && !W->a[id].affil && W->a[id].per && W->a[id].role && !W->no_fallback) {
		/* "Secretary General": the organisation the document is about; other titles: the
		 * country the sentence names first */
		int c = -1;
		if (strstr(W->a[id].role, "general") && strstr(W->a[id].role, "secretary"))
			c = doc_top_canon(W, S, 1, 0, 1);
		if (c < 0)
			c = doc_top_canon(W, S, 0, sent_of(W, a), 0);
		if (c >= 0)
			W->a[id].affil = nf_xstrndup(S->canon[c], strlen(S->canon[c]));
	}
	/* "Tomás Reyes of the Civic Alliance" */
	if (id >= 0 && !W->a[id].affil && tok_is(T, b, "of")) {
		size_t k = b + 1;
		if (tok_is(T, k, "the")) k++;
		size_t e = k;
		while (e < T->n && name_word(T, e)) e++;
		if (e > k) {
			if (T->t[k].al)
				W->a[id].affil = nf_xstrndup(S->canon[T->t[k].al->canon], strlen(S->canon[T->t[k].al->canon]));
			else
				W->a[id].affil = nf_xstrndup(text + T->t[k].s, T->t[e - 1].e - T->t[k].s);
		}
	}
done:
	nf_buf_free(&role);
	return id;
}

static int holder_kind(const cue *c)
{
	return c && (c->kind <= K_POSITION) && c->kind != K_DEONTIC;
}

/* Start of the subject noun phrase that ends just before token v, or (size_t)-1. */
static size_t subject_start(scratch *W, size_t ss, size_t v, size_t *np_end, int *skipped_comma)
{
	toks *T = &W->T;
	size_t j = v;
	*skipped_comma = 0;
	while (j > ss && (HAS(T, j - 1, B_aux_words) || (T->t[j - 1].ln > 4 && ends(LOW(T, j - 1), T->t[j - 1].ln, "ly")
							       && !T->t[j - 1].cap)))
		j--;
	if (j > ss && tok_is(T, j - 1, ")")) {
		/* "Rep. Jeff Duncan (R-S.C.) said" */
		size_t k = j - 1;
		while (k > ss && !tok_is(T, k - 1, "(") && j - k < 10)
			k--;
		if (k > ss && tok_is(T, k - 1, "("))
			j = k - 1;
	}
	if (j > ss + 1 && (tok_is(T, j - 1, "who") || tok_is(T, j - 1, "which")) && tok_is(T, j - 2, ","))
		j -= 2;   /* "Reyes, who argued": the antecedent */
	else if (j > ss && tok_is(T, j - 1, ",")) {
		/* appositive: "Germany, on the other hand, agrees" */
		size_t k = j - 1;
		while (k > ss && !tok_is(T, k - 1, ",") && v - k < 14)
			k--;
		if (k > ss && tok_is(T, k - 1, ",")) {
			j = k - 1;
			*skipped_comma = 1;
		} else
			return (size_t)-1;
	}
	if (j <= ss)
		return (size_t)-1;
	size_t e = j, k = j;
	int lower = 0;
	while (k > ss) {
		size_t p = k - 1;
		if (T->t[p].inq)
			break;
		if (name_word(T, p) || (T->t[p].al && T->t[p].cap)) { k--; lower = 0; continue; }
		/* "Lee Cheol-woo": a lower-case part after a hyphen inside a name */
		if (is_word(T, p) && !T->t[p].cap && T->t[p].glued && p >= ss + 2 && tok_is(T, p - 1, "-") &&
		    name_word(T, p - 2) && k == e) { k--; continue; }
		if (tok_is(T, p, "'s") && k < e) { k--; continue; }
		if (T->t[p].punct && T->t[p].glued && k < e && T->t[k].glued && (W->T.arena.p[T->t[p].lo] == '-')) { k--; continue; }
		if (HAS(T, p, B_conn_words) && k < e && !tok_is(T, p, "and") && !tok_is(T, p, "the")
		    && p > ss && (name_word(T, p - 1) || is_title(T, p - 1) || HAS(T, p - 1, B_head_words))) { k--; continue; }
		if (tok_is(T, p, "the") && k < e && p > ss && (tok_is(T, p - 1, "of") ||
				((tok_is(T, p - 1, "from") || tok_is(T, p - 1, "at")) && p > ss + 1 && name_word(T, p - 2)))) { k--; continue; }
		if ((tok_is(T, p, "from") || tok_is(T, p, "at")) && k < e && p > ss && name_word(T, p - 1)) { k--; continue; }
		if (tok_is(T, p, "the") && k < e) { k--; break; }
		if (is_word(T, p) && (HAS(T, p, B_head_words) || is_title(T, p)) && !T->t[p].cap) { k--; lower = 0; continue; }
		if (is_word(T, p) && !T->t[p].cap && k < e && lower < 2 && !HAS(T, p, B_fn_caps) && !HAS(T, p, B_aux_words)
		    && !T->t[p].cue && (HAS(T, k, B_head_words) || is_title(T, k))) { k--; lower++; continue; }
		if (k == e && (HAS(T, p, B_pron_per) || HAS(T, p, B_pron_pl))) { k--; break; }
		break;
	}
	if (k == e) {
		/* "Advocates of criminal justice reform applaud": a head noun, "of", a few words */
		size_t q = j;
		while (q > ss && j - q < 5 && is_word(T, q - 1) && !T->t[q - 1].cue && !HAS(T, q - 1, B_aux_words) &&
		       !HAS(T, q - 1, B_head_words) && (tok_is(T, q - 1, "of") || !HAS(T, q - 1, B_stopwords | B_fn_caps)))
			q--;
		if (q > ss && HAS(T, q - 1, B_head_words) && tok_is(T, q, "of")) {
			k = q - 1;
			while (k > ss && is_word(T, k - 1) && !HAS(T, k - 1, B_stopwords | B_aux_words | B_fn_caps) &&
			       !T->t[k - 1].cue && q - k < 3)
				k--;
			*np_end = e;
			return k;
		}
		return (size_t)-1;
	}
	*np_end = e;
	return k;
}


static double clause_score(scratch *W, const nf_stancer *S, size_t a, size_t b, int *neutral, nf_buf *cues,
			   int *link, int *linksign, size_t holder_verb, int policy, int weak)
{
	toks *T = &W->T;
	(void)S;
	double sign = 1, mag = 1;
	int has = 0, neg = 0, refuted = 0;
	*neutral = 0;
	*link = -1;
	for (size_t k = a; k < b; k++) {
		const cue *c = T->t[k].cue;
		if (!c || T->t[k].covered)
			continue;
		/* "no credible evidence to support X, nor ...": the refutation governs the rest */
		if (refuted && (c->kind == K_SUPPORT || c->kind == K_AFFIRM || c->kind == K_NEG))
			continue;
		/* "has not been able to confirm", "would not comment": noncommittal */
		if (neg && (c->kind == K_AFFIRM || c->kind == K_REPORT || c->kind == K_REFUTE) && c->nw == 1 &&
		    HAS(T, k, B_neutral_verbs)) {
			*neutral = 1;
			neg--;
			if (cues->n) nf_buf_addc(cues, ',');
			nf_buf_addf(cues, "not %s", c->text);
			continue;
		}
		/* participles before "as" describe something else: "formats proposed as alternatives" */
		if (c->kind <= K_REFUTE && c->nw == 1 && tok_is(T, k + 1, "as") && ends(LOW(T, k), T->t[k].ln, "ed"))
			continue;
		size_t after = k + (size_t)c->nw;
		/* a position toward another actor: "agrees with the US", "pushed back at Hegseth's
		 * statement", "countered the US position" */
		if (c->kind == K_TRANSPARENT || c->kind == K_SUPPORT || c->kind == K_OPPOSE || c->kind == K_REFUTE) {
			size_t j = after;
			while (j < b && (tok_is(T, j, "at") || tok_is(T, j, "with") || tok_is(T, j, "the") || tok_is(T, j, "on")))
				j++;
			int agree = c->kind == K_TRANSPARENT && strncmp(c->text, "agree", 5) == 0;
			size_t e = j;
			if (e < b && T->t[e].al && !T->t[e].inq)
				e += (size_t)T->t[e].allen;
			else if (e < b && name_word(T, e))
				e++;
			if (e > j && tok_is(T, e, "'s"))
				e++;
			int pos = e < b && HAS(T, e, B_position_nouns);
			if (e > j && (pos || (agree && T->t[j].al))) {
				*link = T->t[j].al ? T->t[j].al->canon : -2 - (int)j;
				*linksign = c->kind == K_TRANSPARENT || c->kind == K_SUPPORT ? 1 : -1;
				if (cues->n) nf_buf_addc(cues, ',');
				nf_buf_add(cues, c->text, strlen(c->text));
				nf_buf_addc(cues, ' ');
				nf_buf_add(cues, (const char *)T->arena.p + T->t[j].lo, T->t[j].ln);
				k = e;
				continue;
			}
		}
		int used = 1;
		switch (c->kind) {
		case K_SUPPORT: case K_AFFIRM: case K_DEONTIC:
			has = 1; mag *= fabs(c->pol) > 0 ? fabs(c->pol) : 1; break;
		case K_OPPOSE: case K_REFUTE:
			refuted |= c->kind == K_REFUTE;
			has = 1; sign = -sign; mag *= fabs(c->pol) > 0 ? fabs(c->pol) : 1; break;
		case K_TRANSPARENT: case K_REPORT:
			if (c->pol > 0 && k != holder_verb) { has = 1; mag *= c->pol; } else used = 0;
			break;
		case K_NONCOMMITTAL: *neutral = 1; break;
		case K_NEG: neg++; break;
		case K_APPROX: neg++; mag *= 0.7; break;
		case K_CONTRAST: neg++; break;
		case K_SIGNED:
			has = 1; if (c->pol < 0) sign = -sign; mag *= fabs(c->pol); break;
		case K_EVIDENTIAL:
			break;   /* the writer's distance, not the source's: "allegedly", "according to" */
		case K_MOD: case K_CONDITIONAL:
			if (c->pol > 0 && c->pol <= 0.3) *neutral = 1;   /* "not out of the realm of the possible" */
			else if (c->pol > 0 && c->pol < 1.5) mag *= c->pol;
			else used = 0;
			break;
		default: used = 0;
		}
		if (used) {
			if (cues->n) nf_buf_addc(cues, ',');
			nf_buf_add(cues, c->text, strlen(c->text));
		}
	}
	if (neg & 1)
		sign = -sign;
	if (*neutral && !has)
		return 0;
	if (*neutral)
		mag *= 0.5;
	if (has)
		return sign * mag;
	if (*link != -1)
		return 0;   /* only a position toward another actor's: copied or inverted later */
	if (policy) {
		/* no stance cue: opinion words about a course of action ("a mistake", "the right
		 * choice"), target words left out */
		int sum = 0;
		for (size_t k = a; k < b; k++) {
			if (T->t[k].punct || T->t[k].tgt || T->t[k].cue || T->t[k].covered || T->t[k].cap)
				continue;
			int v = (int)(intptr_t)nf_map_get(&S->senti, LOW(T, k), T->t[k].ln);
			if (v) {
				sum += v;
				if (cues->n) nf_buf_addc(cues, ',');
				nf_buf_addc(cues, v > 0 ? '+' : '-');
				nf_buf_add(cues, LOW(T, k), T->t[k].ln);
			}
		}
		if (sum)
			return (sum > 0 ? sign : -sign) * mag * 0.4;
		return sign * mag * 0.5;
	}
	if (weak) {
		/* a report ("X told reporters ...") weakly asserts what it reports; other clauses that
		 * only name the claim's subject assert nothing */
		if (holder_verb >= a && holder_verb < b && T->t[holder_verb].cue &&
		    T->t[holder_verb].cue->kind == K_REPORT)
			return sign * mag * 0.25;
		*neutral = 1;
		return 0;
	}
	return sign * mag * 0.5;
}

/* Does tokens [a, b) address target ti? Returns the weight (0 = no), *opp set when an
 * opposite expression matched. */
static double on_target(scratch *W, const nf_stancer *S, const char *text, size_t a, size_t b, int ti, int addressed, int *opp)
{
	toks *T = &W->T;
	const target *t = &S->t[ti];
	unsigned mask = 0;
	*opp = 0;
	for (size_t k = a; k < b; k++)
		T->t[k].tgt = 0;
	for (size_t k = a; k < b; k++) {
		if (T->t[k].punct)
			continue;
		for (const tphr *p = T->t[k].phr; p; p = p->next) {
			if (p->target != ti || k + (size_t)p->nw > b)
				continue;
			int ok = 1;
			for (int j = 0; j < p->nw && ok; j++) {
				const tok *y = &T->t[k + (size_t)j];
				ok = y->sn == p->wl[j] && memcmp(STEM(T, k + (size_t)j), p->w[j], p->wl[j]) == 0;
				if (ok && p->cs)
					ok = y->e - y->s == strlen(p->orig[j]) && memcmp(text + y->s, p->orig[j], y->e - y->s) == 0;
			}
			if (!ok)
				continue;
			for (int j = 0; j < p->nw; j++)
				T->t[k + (size_t)j].tgt = 1;
			if (p->opp)
				*opp = 1;
			else
				mask |= 1u << p->group;
		}
	}
	size_t s = T->t[a].s, e = T->t[b - 1].e;
	for (size_t i = 0; i < t->npat + t->nopp; i++) {
		pcre2_code *re = i < t->npat ? t->pat[i] : t->opp[i - t->npat];
		int rc = pcre2_match(re, (PCRE2_SPTR)text + s, e - s, 0, 0, S->md, S->mctx);
		if (rc >= 0) {
			if (i < t->npat) return 1;
			*opp = 1;
		} else if (rc != PCRE2_ERROR_NOMATCH && !W->pattern_error) {
			W->pattern_error = rc == PCRE2_ERROR_MATCHLIMIT ? "a target pattern hit the PCRE2 match limit"
				: rc == PCRE2_ERROR_DEPTHLIMIT ? "a target pattern hit the PCRE2 depth limit"
				: rc == PCRE2_ERROR_HEAPLIMIT ? "a target pattern hit the PCRE2 heap limit"
				: "a target pattern failed to run";
		}
	}
	if (*opp)
		return 1;
	unsigned relmask = 0, argmask = 0;
	for (int g = 0; g < t->ng; g++) {
		if (t->gkind[g] == G_REL) relmask |= 1u << g;
		if (t->gkind[g] == G_ARG) argmask |= 1u << g;
	}
	int cnt = 0;
	for (unsigned m = mask; m; m &= m - 1)
		cnt++;
	int need = t->ng < 2 ? t->ng : 2;
	if (relmask) {
		/* a relation target needs the relation and one of its arguments */
		if ((mask & relmask) && (mask & ~relmask))
			return 1;
	} else if (t->ng && cnt >= need)
		return 1;
	if (addressed && (mask & t->keymask))
		return 0.6;
	(void)argmask;
	return 0;
}


static void add_unit(scratch *W, int actor, int target, double score, int neutral, size_t sent, const char *cues,
		     int link, int linksign)
{
	nf_grow((void **)&W->u, &W->ucap, W->nu + 1, sizeof *W->u);
	unit *u = &W->u[W->nu++];
	u->actor = actor; u->target = target; u->score = score; u->neutral = neutral; u->sent = sent;
	u->cues = nf_xstrndup(cues, strlen(cues));
	u->link = link; u->linksign = linksign; u->linkname = NULL;
}

/* Scores the clauses of tokens [a, b) for actor ai on every target. */
static void score_span(scratch *W, const nf_stancer *S, const char *text, size_t a, size_t b, int ai, size_t hverb,
		       const int *addressed)
{
	toks *T = &W->T;
	nf_buf cues = { 0 };
	size_t cs = a;
	for (size_t k = a; k <= b; k++) {
		int brk = k == b;
		if (!brk && T->t[k].cue && T->t[k].cue->kind == K_SCOPE && !T->t[k].covered && k > cs)
			brk = 1;
		if (!brk && (tok_is(T, k, "who") || tok_is(T, k, "which") || tok_is(T, k, "with")) && k > a &&
		    tok_is(T, k - 1, ","))
			brk = 1;
		if (!brk)
			continue;
		if (k > cs) {
			for (size_t ti = 0; ti < S->nt; ti++) {
				int opp;
				if (!addressed[ti])
					continue;   /* no sentence of the document is about it */
				double w = on_target(W, S, text, cs, k, (int)ti, addressed[ti], &opp);
				int claim = 0;
				if (w == 0 && addressed[ti]) {
					/* in a document about the target, "the reports", and denials, confirmations
					 * and refusals to comment, are about it */
					for (size_t j = cs; j < k && !claim; j++) {
						const cue *c = T->t[j].covered ? NULL : T->t[j].cue;
						claim = HAS(T, j, B_claim_nouns) ||
							(c && (c->kind == K_REFUTE || c->kind == K_NONCOMMITTAL || c->kind == K_AFFIRM ||
							       (c->kind == K_TRANSPARENT && strncmp(c->text, "agree", 5) == 0))) ||
							(HAS(T, j, B_position_nouns) && j > cs && tok_is(T, j - 1, "'s")) ||
							(HAS(T, j, B_neutral_verbs) && j >= cs + 2 &&
							 ((T->t[j - 1].cue && T->t[j - 1].cue->kind == K_NEG) ||
							  (T->t[j - 2].cue && T->t[j - 2].cue->kind == K_NEG)));
					}
					if (claim)
						w = 0.6;
				}
				if (w == 0)
					continue;
				/* the clause after "but" carries the net position */
				if (cs > a && T->t[cs > 0 ? cs - 1 : 0].cue && T->t[cs - 1].cue->kind == K_SCOPE &&
				    (tok_is(T, cs - 1, "but") || tok_is(T, cs - 1, "however") || tok_is(T, cs - 1, "yet")))
					w *= 1.5;
				int neutral, link, ls = 0;
				nf_buf_clear(&cues);
				double sc = clause_score(W, S, cs, k, &neutral, &cues, &link, &ls, hverb, S->t[ti].policy, w < 1);
				if (claim && !neutral && fabs(sc) < 0.6 && sc > 0)
					continue;   /* a bare mention of "the reports" says nothing */
				if (opp) {
					sc = -sc;
					if (cues.n) nf_buf_addc(&cues, ',');
					nf_buf_add(&cues, "opposite", 8);
				}
				if (link < -1) {
					size_t j = (size_t)(-2 - link);
					nf_buf *nb = &W->b;
					resolve_name(W, text, j, j + 1, nb);
					int li = find_actor(W, nb->p);
					link = -1;
					if (li >= 0) { link = 100000 + li; }
				}
				add_unit(W, ai, (int)ti, sc * w, neutral, sent_of(W, cs), cues.p ? cues.p : "", link, ls);
			}
		}
		cs = k + (k < b && T->t[k].cue && T->t[k].cue->kind == K_SCOPE ? (size_t)T->t[k].cuelen : 0);
		if (cs < k) cs = k;
	}
	nf_buf_free(&cues);
}

static void stances_push(nf_stances *out, nf_stance *r)
{
	nf_grow((void **)&out->r, &out->cap, out->n + 1, sizeof *out->r);
	out->r[out->n++] = *r;
}

void nf_stances_clear(nf_stances *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->r[i].actor); free(r->r[i].affiliation); free(r->r[i].cues); free(r->r[i].explain);
	}
	r->n = 0;
}

void nf_stances_free(nf_stances *r)
{
	nf_stances_clear(r);
	free(r->r);
	r->r = NULL; r->cap = 0;
}

static scratch *scratch_new(void) { return nf_xcalloc(1, sizeof(scratch)); }

/* Makes room for n holders (the array moves). */
static holder *grow_holders(scratch *W, size_t n)
{
	nf_grow((void **)&W->H, &W->Hcap, n, sizeof *W->H);
	return W->H;
}

static void clear_doc(scratch *W)
{
	for (size_t i = 0; i < W->na; i++) { free(W->a[i].name); free(W->a[i].affil); free(W->a[i].role); }
	W->na = 0;
	for (size_t i = 0; i < W->nu; i++) free(W->u[i].cues);
	W->nu = 0;
}

static void scratch_free(scratch *W)
{
	clear_doc(W);
	free(W->T.t);
	nf_buf_free(&W->T.arena);
	free(W->sp); free(W->a); free(W->u); free(W->names); free(W->nameend); free(W->hsent); free(W->sent_country);
	free(W->canon_cnt); free(W->addressed); free(W->H);
	free(W->sum); free(W->best); free(W->cnt); free(W->rep); free(W->neu);
	nf_buf_free(&W->b);
	nf_entities_free(&W->ents);
	nf_quotes_free(&W->quotes);
	memset(W, 0, sizeof *W);
}

static void stance_run(scratch *W, const nf_stancer *S, const char *text, size_t len, nf_stances *out);

void nf_stance_run(const nf_stancer *S, const char *text, size_t len, nf_stances *out)
{
	scratch *W = S->w;
	W->pattern_error = NULL;
	stance_run(W, S, text, len, out);
	out->error = W->pattern_error;
}

static void stance_run(scratch *W, const nf_stancer *S, const char *text, size_t len, nf_stances *out)
{
	nf_stances_clear(out);
	clear_doc(W);
	toks *T = &W->T;
	if (S->nt == 0 || !prefilter(S, text, len))
		return;
	W->S = S;
	W->text = text;
	tokenize(text, len, T);
	set_classes(S, T);
	{
		int hit = 0;
		for (size_t ti = 0; ti < S->nt && !hit; ti++)
			hit = S->t[ti].npat + S->t[ti].nopp > 0;
		for (size_t k = 0; k < T->n; k++) {
			T->t[k].phr = T->t[k].punct ? NULL : nf_map_get(&S->phr_map, STEM(T, k), T->t[k].sn);
			hit |= T->t[k].phr != NULL;
		}
		if (!hit)
			return;
	}
	W->nsp = nf_split(S->sp, text, len, &W->sp, &W->spcap);
	if (T->n == 0 || W->nsp == 0 || S->nt == 0)
		return;
	size_t si = 0;
	for (size_t k = 0; k < T->n; k++) {
		while (si + 1 < W->nsp && T->t[k].s >= W->sp[si + 1].start)
			si++;
		T->t[k].sent = (int)si;
	}

	/* which targets does the document address at all? */
	if (W->addr_cap < S->nt) {
		W->addressed = nf_xrealloc(W->addressed, S->nt * sizeof *W->addressed);
		W->addr_cap = S->nt;
	}
	int *addressed = W->addressed;
	memset(addressed, 0, S->nt * sizeof *addressed);
	size_t nt = S->nt;
	{
		size_t a = 0;
		for (size_t k = 0; k <= T->n; k++) {
			if (k < T->n && sent_of(W, k) == sent_of(W, a))
				continue;
			for (size_t ti = 0; ti < nt; ti++) {
				int opp;
				if (!addressed[ti] && on_target(W, S, text, a, k, (int)ti, 0, &opp) > 0)
					addressed[ti] = 1;
			}
			a = k;
		}
	}
	int any = 0;
	for (size_t ti = 0; ti < nt; ti++) any |= addressed[ti];
	if (!any)
		return;
	W->top_valid = 0;
	mark_cues(W, S, text);
	mark_quotes(W, text);
	find_names(W, text);
	if (W->hcap < W->nsp) {
		W->hsent = nf_xrealloc(W->hsent, W->nsp);
		W->hcap = W->nsp;
	}
	memset(W->hsent, 0, W->hcap);
	/* holders, sentence by sentence */
	holder *H = W->H;
	size_t k0 = 0;
	int para_last = -1, prev_para_last = -1;
	int para = -1;
	for (size_t s = 0; s < W->nsp; s++) {
		size_t ss = k0, se = k0;
		while (se < T->n && sent_of(W, se) == s)
			se++;
		k0 = se;
		if (ss == se)
			continue;
		if (W->sp[s].para != para) {
			para = W->sp[s].para;
			if (para_last >= 0)
				prev_para_last = para_last;
			para_last = -1;
		}
		size_t nh = 0;
		for (size_t v = ss; v < se; v++) {
			const cue *c = T->t[v].cue;
			if (T->t[v].inq || T->t[v].covered)
				continue;
			int acc = c && c->kind == K_EVIDENTIAL && c->nw == 2 && tok_is(T, v, "according");
			if (!holder_kind(c) && !acc)
				continue;
			/* a verb of the target itself ("suspended by the PGA Tour") states the claim, not a position */
			if (!acc && T->t[v].phr)
				continue;
			size_t npe = 0, np;
			int ai = -1, skc = 0;
			if (acc) {
				np = v + 2; npe = np;
				while (npe < se && !T->t[npe].punct && (name_word(T, npe) || HAS(T, npe, B_conn_words) ||
						HAS(T, npe, B_head_words) || is_title(T, npe) || T->t[npe].al))
					npe++;
				ai = npe > np ? np_actor(W, S, text, np, npe) : -1;
				if (ai >= 0) {
					H = grow_holders(W, nh + 1);
					H[nh++] = (holder){ np, npe, v, ai };
				}
				continue;
			}
			/* passive: "have been refuted by the ministry": the agent, not the subject */
			if (v > ss && (tok_is(T, v - 1, "been") || tok_is(T, v - 1, "be") || tok_is(T, v - 1, "being") ||
				       tok_is(T, v - 1, "was") || tok_is(T, v - 1, "were") || tok_is(T, v - 1, "is") ||
				       tok_is(T, v - 1, "are")) && ends(LOW(T, v), T->t[v].ln, "ed")) {
				size_t by = v + (size_t)c->nw;
				while (by < se && by < v + 8 && !tok_is(T, by, "by") && !T->t[by].inq)
					by++;
				if (!tok_is(T, by, "by"))
					continue;
				np = by + 1; npe = np;
				if (tok_is(T, np, "the") || tok_is(T, np, "a") || tok_is(T, np, "an"))
					np++;
				npe = np;
				while (npe < se && npe < np + 6 && !T->t[npe].punct && !HAS(T, npe, B_stopwords | B_aux_words) &&
				       !T->t[npe].cue)
					npe++;
				if (npe < se && tok_is(T, npe, "of") && npe + 1 < se && T->t[npe + 1].cap)
					for (npe++; npe < se && (name_word(T, npe) || tok_is(T, npe, "the")); npe++)
						;
				if (npe > np && (ai = np_actor(W, S, text, np, npe)) >= 0) {
					H = grow_holders(W, nh + 1);
					H[nh++] = (holder){ np, npe, v, ai };
				}
				continue;
			}
			int inverted = 0;
			if (c->kind == K_REPORT && v > ss && tok_is(T, v - 1, ",") && v + 1 < se &&
			    (name_word(T, v + 1) || tok_is(T, v + 1, "the"))) {
				/* ", said the people, who ...": an inverted attribution ends at punctuation */
				size_t e = v + 1 + (tok_is(T, v + 1, "the") ? 1 : 0);
				while (e < se && !T->t[e].punct && (name_word(T, e) || is_title(T, e) ||
								  HAS(T, e, B_head_words) || T->t[e].al))
					e++;
				inverted = e == se || T->t[e].punct || tok_is(T, e, "in") || tok_is(T, e, "on") ||
					   tok_is(T, e, "at") || tok_is(T, e, "who");
			}
			np = inverted ? (size_t)-1 : subject_start(W, ss, v, &npe, &skc);
			/* "comments made by X that ...", "led by X" */
			if (np == (size_t)-1 && tok_is(T, v + 1, "by")) {
				np = v + 2;
				while (np < se && !T->t[np].cap && !T->t[np].punct && (ends(LOW(T, np), T->t[np].ln, "ly") ||
						ends(LOW(T, np), T->t[np].ln, "ed")))
					np++;
				npe = np;
				while (npe < se && !T->t[npe].punct && (name_word(T, npe) || is_title(T, npe) || T->t[npe].al ||
						tok_is(T, npe, "'s") || (HAS(T, npe, B_conn_words) && name_word(T, npe + 1))))
					npe++;
				if (npe > np) {
					ai = np_actor(W, S, text, np, npe);
					if (ai >= 0) {
						H = grow_holders(W, nh + 1);
						H[nh++] = (holder){ np, npe, npe, ai };
					}
				}
				continue;
			}
			/* "said Smith", "said the spokesman" */
			if (np == (size_t)-1 && c->kind == K_REPORT && v + 1 < se && (name_word(T, v + 1) || tok_is(T, v + 1, "the"))) {
				np = v + 1; npe = np + (tok_is(T, np, "the") ? 1 : 0);
				while (npe < se && (!T->t[npe].punct || (LOW(T, npe)[0] == '\'' && npe > np)) &&
				       (name_word(T, npe) || is_title(T, npe) || HAS(T, npe, B_head_words) || T->t[npe].al ||
					tok_is(T, npe, "'s") || LOW(T, npe)[0] == '\'' ||
					(!T->t[npe].cap && npe + 1 < se && HAS(T, npe + 1, B_head_words | B_title_words))))
					npe++;
				/* "said Woods' agent, Mark Steinberg, in a statement": the name in apposition */
				if (tok_is(T, npe, ",") && npe + 1 < se && name_word(T, npe + 1)) {
					size_t e2 = npe + 1;
					while (e2 < se && name_word(T, e2))
						e2++;
					if (e2 - npe >= 3 && (e2 == se || tok_is(T, e2, ",") || T->t[e2].punct)) {
						np = npe + 1;
						npe = e2;
					}
				}
				if (npe > np + (tok_is(T, np, "the") ? 1 : 0)) {
					ai = np_actor(W, S, text, np, npe);
					if (ai >= 0) {
						H = grow_holders(W, nh + 1);
						H[nh++] = (holder){ v, npe, v, ai };
					}
				}
				continue;
			}
			if (np == (size_t)-1)
				continue;
			ai = np_actor(W, S, text, np, npe);
			if (ai < 0)
				continue;
			H = grow_holders(W, nh + 1);
			H[nh++] = (holder){ np, npe, v, ai };
		}
		if (S->debug)
			for (size_t h = 0; h < nh; h++)
				fprintf(stderr, "s%zu holder %s verb %.*s\n", s + 1, W->a[H[h].actor].name,
					(int)(T->t[H[h].verb].e - T->t[H[h].verb].s), text + T->t[H[h].verb].s);
		if (nh > 0)
			W->hsent[s] = 1;
		if (nh == 0) {
			int inq = 0;
			for (size_t k = ss; k < se; k++) inq |= T->t[k].inq;
			int ai = -1;
			if (inq) {
				ai = para_last;
				if (ai < 0) {
					/* the attribution comes later in the paragraph */
					for (size_t s2 = s + 1; s2 < W->nsp && s2 <= s + 5 && W->sp[s2].para == para && ai < 0; s2++) {
						for (size_t k = k0; k < T->n && sent_of(W, k) <= s2; k++) {
							if (sent_of(W, k) != s2 || T->t[k].inq || !holder_kind(T->t[k].cue))
								continue;
							size_t npe, skc2;
							int sk;
							size_t np = subject_start(W, k0, k, &npe, &sk);
							(void)skc2;
							if (np != (size_t)-1 && (ai = np_actor(W, S, text, np, npe)) >= 0)
								break;
						}
					}
				}
				/* a paragraph that opens with a quotation and names no one continues the
				 * previous paragraph's speaker */
				if (ai < 0 && T->t[ss].punct && T->t[ss].inq == 0 && ss + 1 < se && T->t[ss + 1].inq)
					ai = prev_para_last;
			} else if (S->author) {
				ai = add_actor(W, "author", "", NULL, 0, ss);
			}
			if (ai >= 0) {
				W->hsent[s] = 1;
				score_span(W, S, text, ss, se, ai, (size_t)-1, addressed);
			}
			continue;
		}
		/* each holder's segment: from its verb to the next holder's subject */
		for (size_t h = 0; h < nh; h++) {
			/* from the end of the subject, so "does not support" keeps its negation */
			size_t a = H[h].npe > H[h].np && H[h].npe <= H[h].verb ? H[h].npe : H[h].verb, b = se;
			for (size_t g = 0; g < nh; g++) {
				if (g == h || H[g].np <= H[h].verb || H[g].np >= b)
					continue;
				/* "stated the Alliance did not plan ...": a reported subject, not a new speaker */
				size_t q = H[h].verb + (size_t)(T->t[H[h].verb].cue ? T->t[H[h].verb].cue->nw : 1);
				if (tok_is(T, q, "that"))
					q++;
				if (H[g].np <= q && T->t[H[h].verb].cue && T->t[H[h].verb].cue->kind == K_REPORT)
					continue;
				b = H[g].np;
			}
			if (H[h].np > H[h].verb) {
				/* "P was welcomed by X", "according to X, P": the whole clause around */
				size_t pa = ss;
				for (size_t g = 0; g < nh; g++)
					if (g != h && H[g].npe <= H[h].verb && H[g].npe > pa)
						pa = H[g].npe;
				b = se;
				for (size_t g = 0; g < nh; g++)
					if (g != h && H[g].np >= H[h].npe && H[g].np < b)
						b = H[g].np;
				score_span(W, S, text, pa, b, H[h].actor, H[h].verb, addressed);
				para_last = H[h].actor;
				continue;
			}
			size_t words = 0;
			for (size_t k = a + 1; k < b; k++)
				words += !T->t[k].punct;
			size_t pa = ss;
			for (size_t g = 0; g < nh; g++)
				if (g != h && H[g].verb < H[h].np && H[g].verb >= pa)
					pa = H[g].npe > H[g].verb ? H[g].npe : H[g].verb + 1;
			int quote_before = 0;
			if (T->t[H[h].verb].cue && T->t[H[h].verb].cue->kind == K_REPORT)
				for (size_t k = pa; k < H[h].np && !quote_before; k++)
					quote_before = T->t[k].inq;
			if (words < 3 || quote_before) {
				/* "..., X said." and "“...,” X told reporters": the words before the subject */
				if (H[h].np > pa)
					score_span(W, S, text, pa, H[h].np, H[h].actor, (size_t)-1, addressed);
			}
			score_span(W, S, text, a, b, H[h].actor, H[h].verb, addressed);
			para_last = H[h].actor;
		}
	}
	if (W->nu == 0)
		return;
	/* persons get the entities name (it mends misspellings: "Healy" -> "John Healey"); run
	 * only now, for documents with statements on a target, because it is the costly step */
	nf_ner_run(S->ner, text, len, W->sp, W->nsp, &W->ents);
	for (size_t i = 0; i < W->na; i++) {
		actor *a = &W->a[i];
		if (a->name_tok < 0)
			continue;
		const nf_cluster *cl = per_cluster(W, T->t[a->name_tok].s);
		if (!cl || !cl->canonical)
			continue;
		size_t w1 = 1, w2 = 1;
		for (const char *q = a->name; *q; q++) w1 += *q == ' ';
		for (const char *q = cl->canonical; *q; q++) w2 += *q == ' ';
		size_t ln = strlen(a->name), lc = strlen(cl->canonical);
		int suffix = lc + 1 < ln && strcmp(a->name + ln - lc, cl->canonical) == 0 && a->name[ln - lc - 1] == ' ';
		if ((w2 >= w1 || suffix) && !strstr(cl->canonical, " of ") && strcmp(cl->canonical, a->name) != 0) {
			free(a->name);
			a->name = nf_xstrndup(cl->canonical, strlen(cl->canonical));
		}
		if (!a->affil && cl->affiliation && *cl->affiliation)
			a->affil = nf_xstrndup(cl->affiliation, strlen(cl->affiliation));
	}
	for (size_t i = 1; i < W->na; i++)
		for (size_t j = 0; j < i; j++) {
			if (!W->a[j].name || !W->a[i].name || strcmp(W->a[i].name, W->a[j].name) != 0)
				continue;
			for (size_t u = 0; u < W->nu; u++)
				if (W->u[u].actor == (int)i)
					W->u[u].actor = (int)j;
			if (!W->a[j].affil && W->a[i].affil) { W->a[j].affil = W->a[i].affil; W->a[i].affil = NULL; }
			break;
		}
	/* quotes whose sentences none of our holders covered: the speaker found by quotes */
	int open_quotes = 0;   /* only when some quoted or reporting sentence has no holder of ours */
	for (size_t k = 0, ss = 0; k <= T->n && !open_quotes; k++) {
		if (k < T->n && sent_of(W, k) == sent_of(W, ss))
			continue;
		/* sentence [ss, k): quoted or reporting, no holder of ours, about a target */
		int cand = !W->hsent[sent_of(W, ss)];
		int q = 0;
		for (size_t j = ss; j < k && cand && !q; j++)
			q = T->t[j].inq || (T->t[j].cue && T->t[j].cue->kind == K_REPORT);
		for (size_t ti = 0; cand && q && ti < nt && !open_quotes; ti++) {
			int opp;
			open_quotes = on_target(W, S, text, ss, k, (int)ti, addressed[ti], &opp) > 0;
		}
		ss = k;
	}
	if (open_quotes)
		nf_quotes_run(S->qt, text, len, W->sp, W->nsp, &W->ents, &W->quotes);
	else
		nf_quotes_clear(&W->quotes);
	{
		size_t nu0 = W->nu;
		for (size_t i = 0; i < W->quotes.n; i++) {
			const nf_quote *q = &W->quotes.q[i];
			if (!q->speaker || !*q->speaker || q->end <= q->start)
				continue;
			size_t ka = 0, kb;
			while (ka < T->n && T->t[ka].s < q->start)
				ka++;
			kb = ka;
			while (kb < T->n && T->t[kb].e <= q->end)
				kb++;
			if (kb <= ka)
				continue;
			int covered = 0;
			for (size_t u = 0; u < nu0 && !covered; u++)
				covered = W->u[u].sent == sent_of(W, ka) || W->u[u].sent == sent_of(W, kb - 1);
			if (covered || holder_sents_has(W, sent_of(W, ka)))
				continue;
			const nf_cluster *cl = q->cluster >= 0 && (size_t)q->cluster < W->ents.nc ? &W->ents.c[q->cluster] : NULL;
			int ai = add_actor(W, q->speaker, cl ? cl->affiliation : NULL, cl ? cl->role : NULL, cl && cl->type == NF_PER, ka);
			score_span(W, S, text, ka, kb, ai, (size_t)-1, addressed);
		}
	}
	/* one verdict per actor and target */
	int groups = S->by_affil;
	if (groups)
		for (size_t i = 0, n0 = W->na; i < n0; i++)
			if (W->a[i].affil && *W->a[i].affil && find_actor(W, W->a[i].affil) < 0) {
				char *af = nf_xstrndup(W->a[i].affil, strlen(W->a[i].affil));
				add_actor(W, af, af, NULL, 0, W->a[i].first);
				free(af);
			}
	size_t na = W->na;
	for (size_t ti = 0; ti < nt; ti++) {
		if (W->vcap < na + 1) {
			W->vcap = na + 1;
			W->sum = nf_xrealloc(W->sum, W->vcap * sizeof *W->sum);
			W->best = nf_xrealloc(W->best, W->vcap * sizeof *W->best);
			W->cnt = nf_xrealloc(W->cnt, W->vcap * sizeof *W->cnt);
			W->rep = nf_xrealloc(W->rep, W->vcap * sizeof *W->rep);
			W->neu = nf_xrealloc(W->neu, W->vcap * sizeof *W->neu);
		}
		size_t cap = W->vcap;
		double *sum = W->sum;
		long *best = W->best, *cnt = W->cnt;
		int *rep = W->rep, *neu = W->neu;
		for (size_t i = 0; i < na; i++) {
			sum[i] = 0; best[i] = -1; cnt[i] = 0; neu[i] = 0;
			rep[i] = (int)i;
			if (groups && W->a[i].affil && *W->a[i].affil) {
				int j = find_actor(W, W->a[i].affil);
				if (j < 0)
					j = add_actor(W, W->a[i].affil, W->a[i].affil, NULL, 0, W->a[i].first);
				if ((size_t)j >= cap) continue;
				rep[i] = j;
			}
		}
		na = W->na < cap ? W->na : cap;
		if (S->debug)
			for (size_t i = 0; i < na; i++)
				fprintf(stderr, "actor %zu %s affil %s rep %d\n", i, W->a[i].name, W->a[i].affil ? W->a[i].affil : "-", rep[i]);
		for (size_t i = 0; i < W->nu; i++) {
			unit *u = &W->u[i];
			if (u->target != (int)ti)
				continue;
			int r = rep[u->actor];
			sum[r] += u->score;
			cnt[r]++;
			neu[r] |= u->neutral;
		}
		for (size_t i = 0; i < W->nu; i++) {
			unit *u = &W->u[i];
			if (u->target != (int)ti)
				continue;
			int r = rep[u->actor];
			double s = u->score * (sum[r] >= 0 ? 1 : -1);
			if (best[r] < 0 || s > W->u[best[r]].score * (sum[r] >= 0 ? 1 : -1))
				best[r] = (long)i;
		}
		/* positions taken toward another actor's: copy (agree with) or invert (counter) */
		for (size_t i = 0; i < W->nu; i++) {
			unit *u = &W->u[i];
			if (u->target != (int)ti || u->link == -1)
				continue;
			int r = rep[u->actor];
			double other = 0;
			for (size_t j = 0; j < na; j++) {
				if ((int)j == r || rep[j] != (int)j)
					continue;
				int match = u->link >= 100000 ? (int)j == u->link - 100000
					: (strcmp(W->a[j].name, S->canon[u->link]) == 0 ||
					   (W->a[j].affil && strcmp(W->a[j].affil, S->canon[u->link]) == 0));
				if (match)
					other += sum[j];
			}
			if (fabs(sum[r]) < 0.3 && fabs(other) > 0.2) {
				sum[r] += (other > 0 ? 0.5 : -0.5) * u->linksign;
				best[r] = (long)i;
			}
		}
		for (size_t i = 0; i < na; i++) {
			if (best[i] < 0 || rep[i] != (int)i)
				continue;
			if (groups && W->a[i].affil && *W->a[i].affil && strcmp(W->a[i].affil, W->a[i].name) != 0)
				continue;
			const unit *u = &W->u[best[i]];
			nf_stance r = { 0 };
			r.target = (int)ti;
			r.actor = nf_xstrndup(W->a[i].name, strlen(W->a[i].name));
			const char *af = W->a[i].affil ? W->a[i].affil : "";
			r.affiliation = nf_xstrndup(af, strlen(af));
			double sc = sum[i] > 1 ? 1 : sum[i] < -1 ? -1 : sum[i];
			r.score = round(sc * 100) / 100;
			r.stance = sc > 0.1 ? NF_FAVOR : sc < -0.1 ? NF_AGAINST : NF_NEUTRAL;
			if (neu[i] && fabs(sc) < 0.3)
				r.stance = NF_NEUTRAL;   /* "could not confirm" outweighs a weak report */
			r.start = W->sp[u->sent].start;
			r.end = W->sp[u->sent].end;
			r.cues = nf_xstrndup(u->cues, strlen(u->cues));
			r.nunits = (int)cnt[i];
			nf_buf ex = { 0 };
			for (size_t j = 0; j < W->nu; j++) {
				const unit *x = &W->u[j];
				if (x->target != (int)ti || rep[x->actor] != (int)i)
					continue;
				if (ex.n) nf_buf_add(&ex, "; ", 2);
				nf_buf_addf(&ex, "s%zu %+.2f [%s]", x->sent + 1, x->score, x->cues);
			}
			r.explain = ex.p ? ex.p : nf_xstrndup("", 0);
			stances_push(out, &r);
		}
	}
}
