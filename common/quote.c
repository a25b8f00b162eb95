/* quote.c - quotations and who said them. Quote marks are paired per paragraph (an unclosed
 * mark is dropped at the paragraph end unless the next paragraph reopens the quote), then each
 * quote looks for its speaker in fixed slots around it (the tag after it, the clause before
 * it, the sentence around a partial quote, the previous quote), and reported speech is found
 * from cue verbs. Speakers resolve through the document's entities. */
#include "quote.h"
#include "edit.h"
#include "data.h"
#include "util.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

const char *const nf_quote_type_name[4] = { "direct", "partial", "indirect", "scare" };

enum { CUE_SPEECH = 1, CUE_BELIEF = 2, CUE_ING = 4, CUE_SAY = 8, CUE_ACT = 16 };
enum { CUE_NO_OBJ = 128 };   /* (a word's flag only, for obj_cue: never in what cue_of returns) */
/* (word-table flags only: an addressee cue ("told"), for subject_of; "according" and "in", which
 * tokenize makes candidates for indirect and never stores in a token) */
enum { CUE_ADDR = 32, CUE_CAND = 64 };
/* the adjectives of a state of mind ("X is confident that ...": state_clause), candidates too */
#define STATE_ADJS "confident", "convinced", "concerned", "sure", "certain", "aware", "optimistic", "hopeful", \
	"skeptical", "sceptical", "willing", "eager", "critical", "determined", "wary", "supportive", \
	"adamant", "afraid", "doubtful", "unsure", "uncertain", "unconvinced", "pessimistic", "nervous", "keen", \
	"unwilling", "fearful", "anxious", "intent", "quick", "ready", "proud"

/* word classes, looked up once per token (bit k = word_lists[k]; W_ROLE = quote_roles.tsv) */
static const char *const pronouns[] = { "he", "she", "they", "i", "we", "it", NULL };
static const char *const dets[] = { "the", "a", "an", "his", "her", "their", "its", "one", "another", "this", "that", "these", "those", "our", "my", NULL };
static const char *const advs[] = { "also", "later", "then", "again", "has", "have", "had", "was", "were", "is", "are",
	"would", "will", "once", "recently", "previously", "repeatedly", "further", "finally", "simply", "earlier",
	"just", "publicly", "privately", "reportedly", "often", "frequently", "still", "had", "did", "does", "do",
	"flatly", "quickly", "angrily", "only", "not", "never", "already", "specifically", "explicitly", NULL };
static const char *const stopcap[] = { "the", "a", "an", "but", "and", "in", "on", "at", "for", "if", "when",
	"while", "as", "so", "this", "that", "these", "those", "it", "there", "yes", "no", "we", "i", "he", "she",
	"they", "you", "after", "before", "then", "now", "meanwhile", "however", "still", "because", "although",
	"though", "what", "why", "how", "who", "where", "of",
	"to", "with", "by", "from", "or", "not", "our", "my", "his", "her", "their", "its", "all", "some", "many",
	"most", "both", "each", "even", "also", "just", "only", "asked", "according", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
	"july", "august", "september", "october", "november", "december", "last", "next", "today", "yesterday",
	"tonight", "here", "once", "since", "until", NULL };
static const char *const titles[] = { "president", "secretary", "minister", "chancellor", "senator", "sen.", "rep.",
	"gov.", "governor", "mayor", "general", "gen.", "prime", "defense", "defence", "foreign", "state", "deputy",
	"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "professor", "ambassador", "chief", "vice",
	"speaker", "leader", "chairman", "rev.", "judge", "justice", "attorney", "spokesman", "spokeswoman",
	"spokesperson", "rev", "rev.", "former", "retired", "late", "outgoing", "incoming", "acting", "interim", "then", "candidate", "nominee", "sir", "lord", "lady", "king", "queen", "pope", NULL };
static const char *const particles[] = { "de", "van", "von", "der", "den", "da", "di", "al", "el", "bin", "le", "la",
	"du", "dos", "del", "ter", "ten", NULL };
static const char *const scare_words[] = { "so-called", "dubbed", "called", "calling", "calls", "term", "terms",
	"termed", "word", "words", "phrase", "named", "titled", "entitled", "labeled", "labelled", "branded",
	"nicknamed", "as", "the", "a", "an", NULL };
static const char *const title_small[] = { "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
	"with", "by", "from", "vs", "vs.", NULL };
static const char *const clause_bad[] = { "to", "in", "at", "on", "of", "for", "with", "by", "about", "from", "into",
	"him", "her", "them", "me", "us", "so", "yes", "no", "goodbye", "hello", "sorry", "nothing", "something",
	"anything", "and", "or", "but", "as", "up", "out", "over", "after", "before", "during", "while", "when", NULL };
static const char *const conj[] = { "though", "although", "but", "while", "whereas", NULL };
/* nominal_subject: words a plain noun-phrase subject never starts with, and verbs it never holds */
static const char *const nsubj_bad[] = { "in", "on", "at", "for", "with", "after", "before", "during", "when",
	"if", "while", "as", "because", "what", "how", "why", "where", "who", "which", "that", "this", "it", "there",
	"then", "to", "of", "by", "from", "since", "until", "although", "though", "whether", "so", "but", "and",
	"even", "just", "only", "also", "not", "unlike", "like", "instead", "however", "meanwhile", "do", "does",
	"did", "is", "are", "was", "were", "have", "has", "had", "will", "would", "can", "could", "should", "may",
	"might", "must", "or", "nor", "yet", "you", "we", "i", "he", "she", "they", NULL };
static const char *const nsubj_verbs[] = { "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
	"did", "will", "would", "can", "could", "should", "may", "might", "must", "to",
	/* irregular pasts, which the "-ed" test below misses */
	"made", "met", "gave", "took", "got", "went", "came", "put", "set", "held", "left", "found", "began",
	"ran", "won", "lost", "led", "sent", "spent", "brought", "kept", "built", "paid", "sat", "stood", "saw",
	"knew", "thought", "felt", "heard", "became", "chose", "drove", "fell", "hit", "let", "meant", "read",
	"sold", "struck", "taught", "understood", "wore", NULL };
/* time words (skip_time_bwd), weekdays, words that may follow a closing tag (tail_word), and
 * what ends the object of an act (object_end) */
static const char *const time_units[] = { "week", "month", "year", "weekend", "morning", "afternoon", "evening",
	"night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL };
static const char *const weekdays[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL };
static const char *const tail_words[] = { "in", "on", "at", "during", "after", "before", "last", "this", "earlier",
	"later", "yesterday", "today", "tonight", "recently", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "then", "again", "also", "afterward", "afterwards", "privately",
	"publicly", "repeatedly", "separately", "late", "early", "through", "via", "by", "to", "when", "while",
	"as", "with", "from", "over", "under", "one", "two", "several", "many", NULL };
static const char *const object_stops[] = { "which", "while", "because", "after", "before", "during", "despite",
	"amid", "since", NULL };
static const char *const *const word_lists[] = { pronouns, dets, advs, stopcap, titles, particles, scare_words, title_small, clause_bad, conj,
	nsubj_bad, nsubj_verbs, time_units, weekdays, tail_words, NULL };
/* the bit of each list (win(c, i, dets) tests WL_dets) */
enum { WL_pronouns, WL_dets, WL_advs, WL_stopcap, WL_titles, WL_particles, WL_scare_words, WL_title_small,
	WL_clause_bad, WL_conj, WL_nsubj_bad, WL_nsubj_verbs, WL_time_units, WL_weekdays, WL_tail_words };
enum { W_ROLE = 1 << 15 };   /* (after the 15 lists) */
enum { NC_TO = 1u << WL_title_small | 1u << WL_nsubj_verbs, NC_THAT = 1u << WL_dets | 1u << WL_nsubj_bad };
/* What tokenize lists a word for, worked out once per key in the word table's value (bits 24
 * and up, above the cue flags: never in a token), so that a word is one test, not a chain of
 * tests that each go either way: a candidate (a cue word, "according", a state adjective:
 * V_CAND; "in" only when capitalised: V_CAND_CAP) and one of noun_cues' words: "to" (in
 * title_small and nsubj_verbs), "that" and "this" (in dets), all three in nsubj_bad (V_NC). */
enum { V_CAND = 1u << 24, V_CAND_CAP = 1u << 25, V_NC = 1u << 26 };

/* The V_ bits of a key of n bytes with class bits and cue flags v. */
static uint32_t wval_lists(uint32_t v, size_t n)
{
	unsigned cue = v >> 16 & 0xFF;
	if (cue & ~(unsigned)CUE_CAND || (cue && n != 2))
		v |= V_CAND;
	else if (cue)
		v |= V_CAND_CAP;
	if ((v & 1u << WL_nsubj_bad) && ((v & NC_TO) == NC_TO || (v & NC_THAT) == NC_THAT))
		v |= V_NC;
	return v;
}

/* the word table: lower-case word -> class bits | cue flags << 16, open addressing on a hash
 * computed while the tokenizer lowers the word (one probe per word, no second pass) */
/* (16 bytes: k0 = the key's first chunk; lk = its length (8 bits) | where all its chunks are in
 * wkeys << 8; v = class bits | cue flags << 16 | the V_ bits) */
typedef struct { uint64_t k0; uint32_t v, lk; } wslot;
enum { WMAX = 40 };   /* longer words are in no list */

struct nf_quoter {
	wslot *wt;            /* the words map, flattened; keys zero-padded to 8 bytes */
	unsigned char *wtag;  /* per slot: 0 empty, else a hash byte (odd): the probes stay in this
			       * small array, and most words (in no list) never touch wt */
	uint64_t *wkeys;
	size_t wmask;
	nf_map cues;          /* lower-case form -> CUE_* flags */
	nf_map *roles;        /* role head nouns */
	nf_map words;         /* lower-case word -> class bits */
	char **phrases;       /* multi-word cues ("said in a statement"), lower case */
	struct phshape { size_t tot; unsigned char n, off[40], len[40]; } *phs;   /* each phrase's
			       * words (split at each space; a trailing space ends it) and length */
	size_t nphrases;
	size_t *phord, phb[41 * 27 + 1];   /* the phrases by the length n of their first word and
					    * its first letter's class k (ph_cls): those are
					    * phord[phb[27n + k] .. phb[27n + k + 1]) (in file order) */
	const nf_ner *ner;
	int scare;
};

/* ---- loading ---- */

static void add_cue(const nf_str *f, size_t n, long line, void *arg)
{
	(void)line;
	nf_quoter *qt = arg;
	if (n < 3 || f[0].n == 0 || f[0].n > 40)
		return;
	if (memchr(f[0].p, ' ', f[0].n)) {   /* a phrase: reported whole as the cue */
		qt->phrases = nf_xrealloc(qt->phrases, (qt->nphrases + 1) * sizeof *qt->phrases);
		char *ph = qt->phrases[qt->nphrases++] = nf_xstrndup(f[0].p, f[0].n);
		for (; *ph; ph++)   /* (lower case, as cue_phrase compares them) */
			if (*ph >= 'A' && *ph <= 'Z') *ph = (char)(*ph + 32);
		return;
	}
	/* belief and act cues (thoughts; stances and acts: "endorsed", "refused to") only report */
	int act = f[2].n == 3 && memcmp(f[2].p, "act", 3) == 0;
	long k = ((f[2].n == 6 && memcmp(f[2].p, "belief", 6) == 0) || act) ? CUE_BELIEF : CUE_SPEECH;
	if (act) k |= CUE_ACT;
	if (f[0].n > 3 && memcmp(f[0].p + f[0].n - 3, "ing", 3) == 0)
		k |= CUE_ING;
#define SAY(w) { w, sizeof w - 1 }   /* (with its length: no strlen per row) */
	static const struct { const char *w; size_t n; } says[] = { SAY("say"), SAY("state"), SAY("claim"),
		SAY("argue"), SAY("insist"), SAY("believe"), SAY("think"), SAY("suggest"), SAY("add"), SAY("note"),
		SAY("predict"), SAY("write"), SAY("acknowledge"), SAY("admit"), SAY("contend"), SAY("maintain"),
		SAY("assert"), SAY("declare"), SAY("explain"), SAY("warn"), SAY("stress"), SAY("emphasize"),
		SAY("emphasise"), SAY("feel"), SAY("hope"), SAY("fear"), SAY("reckon"), SAY("concede"),
		SAY("conclude"), SAY("confirm"), SAY("announce"), SAY("report"), SAY("tell"), SAY("know"),
		SAY("show"), SAY("find"), SAY("reveal"), SAY("indicate"), SAY("expect"), SAY("recall"),
		SAY("agree"), SAY("complain"), SAY("promise"), SAY("predict"), SAY("reject"), SAY("deny"),
		SAY("express") };
#undef SAY
	for (size_t i = 0; f[1].n && i < sizeof says / sizeof *says; i++)   /* (the first letter before the length) */
		if (says[i].w[0] == f[1].p[0] && says[i].n == f[1].n && memcmp(says[i].w, f[1].p, f[1].n) == 0)
			k |= CUE_SAY;
	void **slot = nf_map_slot(&qt->cues, f[0].p, f[0].n, 1);
	*slot = (void *)((intptr_t)*slot | k);
}

/* Words are looked up as 8-byte chunks (byte k of a word in bits 8k..8k+7 of its chunk, the
 * last one zero-padded), folded and hashed a chunk at a time. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NF_LE64 1   /* a chunk is a plain load; the scan finds a word's end 8 bytes at a time */
#endif
#define B8(x) (0x0101010101010101ull * (x))
#ifdef __GNUC__
#define LIKELY(x) __builtin_expect(!!(x), 1)   /* (for the tokenizer's hot path) */
#else
#define LIKELY(x) (x)
#endif

/* The high bit of each byte of v that is an ASCII letter or digit. */
static inline uint64_t swar_alnum(uint64_t v)
{
	uint64_t x = v & B8(0x7F), l = x | B8(0x20);
	uint64_t digit = (x + B8(0x50)) & ~(x + B8(0x46));    /* 0x30 <= x <= 0x39 */
	uint64_t letter = (l + B8(0x1F)) & ~(l + B8(0x05));   /* 0x61 <= (x | 0x20) <= 0x7A */
	return (digit | letter) & ~v & B8(0x80);
}

/* v with its ASCII capitals lower-cased. */
static inline uint64_t swar_fold(uint64_t v)
{
	uint64_t x = v & B8(0x7F);
	uint64_t up = (x + B8(0x3F)) & ~(x + B8(0x25)) & ~v & B8(0x80);   /* 0x41 <= x <= 0x5A */
	return v | (up >> 2);
}

/* The chunk of the r bytes at p (r <= 8), zero-padded. */
static inline uint64_t chunk_at(const unsigned char *p, size_t r)
{
	uint64_t v = 0;
	for (size_t k = 0; k < r; k++)
		v |= (uint64_t)p[k] << (8 * k);
	return v;
}

static inline uint32_t whash(const uint64_t *w, size_t nw)
{
	uint64_t h = 0x9E3779B97F4A7C15ull;
	for (size_t i = 0; i < nw; i++) {
		h = (h ^ w[i]) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	return (uint32_t)h;
}

/* w: the n bytes of a word, folded, as chunks */
static inline unsigned char wtag_of(uint32_t h) { return (unsigned char)((h >> 24) | 1); }

/* (the word table's fields, as tokenize keeps them in a local copy) */
typedef struct { const wslot *wt; const unsigned char *wtag; const uint64_t *wkeys; size_t wmask; } wtab;

static inline intptr_t wlookup(const wtab *qt, uint32_t h, const uint64_t *w, size_t n)
{
	unsigned char tag = wtag_of(h);
	for (size_t k = h & qt->wmask; qt->wtag[k]; k = (k + 1) & qt->wmask) {
		if (qt->wtag[k] != tag)
			continue;
		const wslot *sl = &qt->wt[k];
		/* (n > 0: w[0] is the word's; when n < 8 its zero top byte makes the key's length n,
		 * as no key has a NUL: nf_quoter_new) */
		if (sl->k0 == w[0] && (n < 8 || (sl->lk & 0xFF) == n)) {
			if (n <= 8)
				return sl->v;
			size_t x = 1;
			const uint64_t *key = qt->wkeys + (sl->lk >> 8);
			while (x < (n + 7) / 8 && key[x] == w[x]) x++;
			if (x >= (n + 7) / 8)
				return sl->v;
		}
	}
	return 0;
}

/* w (n bytes) starts with one of the lower-case prefixes of list, case-insensitively. */
static int prefix_in(const char *w, size_t n, const char *const *list)
{
	char w0 = n ? ((w[0] >= 'A' && w[0] <= 'Z') ? (char)(w[0] + 32) : w[0]) : 0;
	for (int k = 0; list[k]; k++) {
		if (list[k][0] && list[k][0] != w0)
			continue;   /* (most differ at the first letter: no strlen for them) */
		size_t m = strlen(list[k]), x = 0;
		if (n < m)
			continue;
		while (x < m && ((w[x] >= 'A' && w[x] <= 'Z') ? w[x] + 32 : w[x]) == list[k][x]) x++;
		if (x == m)
			return 1;
	}
	return 0;
}

/* Cues whose object is no content (obj_cue): verbs of perception, thought or mere talking,
 * matched by prefix. */
static int no_object_cue(const char *w, size_t n)
{
	static const char *const no[] = { "spok", "speak", "respond", "continu", "assum", "see", "saw",
		"know", "knew", "feel", "felt", "talk", "begin", "began", "begun", "finish", "read",
		"learn", "consider", "figur", "answer", "repl", "chant", "laugh", "sigh", "thank", "messag", "text",
		"email", "post", "blog", "tweet", "writ", "wrote", "think", "thought", "hope", "wonder", "guess",
		"suppos", "state", "view", "regard", "quot", "recit", "narrat", NULL };
	static const char *const yes[] = { "seek", NULL };   /* ("see" is its prefix: "seeks to ...") */
	return prefix_in(w, n, no) && !prefix_in(w, n, yes);
}

/* Cues whose object is the one spoken to (addressee_cue): "told", "asked", "informed". */
static int addressee_word(const char *w, size_t n)
{
	static const char *const pre[] = { "tell", "told", "ask", "inform", "assur", "remind", "urg", "advis",
		"thank", "instruct", "notif", "brief", NULL };
	return prefix_in(w, n, pre);
}

/* A phrase's first letter's bucket (a-z, else 26): cue_phrase looks only at the cue's. */
static inline size_t ph_cls(char ch) { return ch >= 'a' && ch <= 'z' ? (size_t)(ch - 'a') : 26; }

nf_quoter *nf_quoter_new(void)
{
	nf_quoter *qt = nf_xcalloc(1, sizeof *qt);
	nf_map_init(&qt->cues);
	nf_data_load("quote_cues.tsv", "form\tlemma\tkind", add_cue, qt);
	qt->roles = nf_data_set("quote_roles.tsv", "role", 1);
	nf_map_init(&qt->words);
	for (int k = 0; word_lists[k]; k++)
		for (int j = 0; word_lists[k][j]; j++) {
			void **v = nf_map_slot(&qt->words, word_lists[k][j], strlen(word_lists[k][j]), 1);
			*v = (void *)((intptr_t)*v | ((intptr_t)1 << k));
		}
	for (size_t i = 0; i < qt->roles->cap; i++)
		if (qt->roles->keys[i]) {
			void **v = nf_map_slot(&qt->words, qt->roles->keys[i], qt->roles->lens[i], 1);
			*v = (void *)((intptr_t)*v | W_ROLE);
		}
	/* one lookup per word: the cue flags ride in bits 16 and up */
	for (size_t i = 0; i < qt->cues.cap; i++)
		if (qt->cues.keys[i]) {
			void **v = nf_map_slot(&qt->words, qt->cues.keys[i], qt->cues.lens[i], 1);
			*v = (void *)((intptr_t)*v | ((intptr_t)qt->cues.vals[i] << 16) |
				      ((intptr_t)no_object_cue(qt->cues.keys[i], qt->cues.lens[i]) * CUE_NO_OBJ << 16) |
				      ((intptr_t)addressee_word(qt->cues.keys[i], qt->cues.lens[i]) * CUE_ADDR << 16));
		}
	static const char *const cands[] = { "according", "in", STATE_ADJS, "support", NULL };   /* (see CUE_CAND) */
	for (int k = 0; cands[k]; k++) {
		void **v = nf_map_slot(&qt->words, cands[k], strlen(cands[k]), 1);
		*v = (void *)((intptr_t)*v | (intptr_t)CUE_CAND << 16);
	}
	qt->phs = nf_xcalloc(qt->nphrases ? qt->nphrases : 1, sizeof *qt->phs);
	for (size_t p = 0; p < qt->nphrases; p++) {   /* (phrases are at most 40 bytes: 40 words) */
		const char *ph = qt->phrases[p], *w = ph;
		struct phshape *sh = &qt->phs[p];
		sh->tot = strlen(ph);
		while (*w && sh->n < 40) {
			const char *e = strchr(w, ' ');
			size_t n = e ? (size_t)(e - w) : strlen(w);
			sh->off[sh->n] = (unsigned char)(w - ph);
			sh->len[sh->n++] = (unsigned char)n;
			w += n + (e != NULL);
		}
	}
	qt->phord = nf_xcalloc(qt->nphrases ? qt->nphrases : 1, sizeof *qt->phord);
	memset(qt->phb, 0, sizeof qt->phb);   /* (a counting sort: each bucket keeps file order) */
	for (size_t p = 0; p < qt->nphrases; p++)   /* (a first word is at most 40 bytes) */
		if (qt->phs[p].n && qt->phs[p].len[0] <= 40)
			qt->phb[27 * qt->phs[p].len[0] + ph_cls(qt->phrases[p][0]) + 1]++;
	for (size_t b = 1; b <= 41 * 27; b++)
		qt->phb[b] += qt->phb[b - 1];
	{
		size_t fill[41 * 27];
		memcpy(fill, qt->phb, sizeof fill);
		for (size_t p = 0; p < qt->nphrases; p++)
			if (qt->phs[p].n && qt->phs[p].len[0] <= 40)
				qt->phord[fill[27 * qt->phs[p].len[0] + ph_cls(qt->phrases[p][0])]++] = p;
	}
	size_t cap = 64, nw = 0;
	for (size_t i = 0; i < qt->words.cap; i++)
		nw += qt->words.keys[i] != NULL;
	while (cap < 8 * nw) cap *= 2;   /* (at most an eighth full: few probes collide) */
	qt->wt = nf_xcalloc(cap, sizeof *qt->wt);
	qt->wtag = nf_xcalloc(cap, 1);
	qt->wmask = cap - 1;
	size_t nk = 0;
	for (size_t i = 0; i < qt->words.cap; i++)
		if (qt->words.keys[i] && qt->words.lens[i] <= WMAX)
			nk += (qt->words.lens[i] + 7) / 8;
	qt->wkeys = nf_xcalloc(nk ? nk : 1, sizeof *qt->wkeys);
	nk = 0;
	for (size_t i = 0; i < qt->words.cap; i++)
		if (qt->words.keys[i] && qt->words.lens[i] <= WMAX && !memchr(qt->words.keys[i], 0, qt->words.lens[i])) {
			/* (a key with a NUL matches no word: words have none; wlookup counts on it) */
			size_t n = qt->words.lens[i];
			const unsigned char *key = (const unsigned char *)qt->words.keys[i];
			for (size_t x = 0; x < (n + 7) / 8; x++)
				qt->wkeys[nk + x] = chunk_at(key + 8 * x, n - 8 * x < 8 ? n - 8 * x : 8);
			uint32_t h = whash(qt->wkeys + nk, (n + 7) / 8);
			size_t k = h & qt->wmask;
			while (qt->wtag[k]) k = (k + 1) & qt->wmask;
			qt->wt[k] = (wslot){ n ? qt->wkeys[nk] : 0, wval_lists((uint32_t)(intptr_t)qt->words.vals[i], n),
					     (uint32_t)(n | nk << 8) };
			qt->wtag[k] = wtag_of(h);
			nk += (n + 7) / 8;
		}
	return qt;
}

void nf_quoter_free(nf_quoter *qt)
{
	if (!qt)
		return;
	nf_map_free(&qt->cues);
	nf_map_free(qt->roles);
	free(qt->roles);
	nf_map_free(&qt->words);
	free(qt->wt);
	free(qt->wtag);
	free(qt->wkeys);
	for (size_t i = 0; i < qt->nphrases; i++)
		free(qt->phrases[i]);
	free(qt->phrases);
	free(qt->phs);
	free(qt->phord);
	free(qt);
}

void nf_quoter_set_ner(nf_quoter *qt, const nf_ner *ner) { qt->ner = ner; }
void nf_quoter_set_scare(nf_quoter *qt, int keep) { qt->scare = keep; }

/* ---- tokens ---- */

enum { T_WORD, T_PUNCT, T_MARK };
/* quote mark classes */
enum { M_NONE, M_DOPEN, M_DCLOSE, M_DAMBIG, M_LOW, M_SOPEN, M_SCLOSE, M_SAMBIG };

typedef struct {
	size_t s, e;
	union {
		struct { int sent, para; };
		uint64_t sp;  /* (both: tokenize writes them in one store) */
	};
	int q;                /* raw quote (index + 1) whose marks or content hold it, or 0 */
	int ment;             /* entity mention that starts at this token, or -1 */
	union {
		struct {
			unsigned char k, mark, cap;       /* kind, mark class, capitalised */
			unsigned char cf;     /* what cue_of says of it (set once the marks are paired) */
			unsigned short wc;    /* word class bits */
			unsigned char cue;    /* CUE_* flags of the word */
			unsigned char inm;    /* inside an entity mention that started before ("the United States") */
		};
		uint64_t kw;  /* (those eight bytes: tokenize writes a word's in one store) */
	};
	uint64_t w8;          /* a word: its first 8 bytes folded, zero-padded (byte k in bits 8k..);
			       * one-byte punctuation: the byte | TOK_P1; else 0 (what weq and pch compare) */
} tok;
#ifdef NF_LE64
_Static_assert(offsetof(tok, sent) == offsetof(tok, sp) && offsetof(tok, para) == offsetof(tok, sp) + 4 &&
	       T_WORD == 0 && M_NONE == 0 && offsetof(tok, k) == offsetof(tok, kw) && offsetof(tok, mark) == offsetof(tok, kw) + 1 && offsetof(tok, cap) == offsetof(tok, kw) + 2 &&
	       offsetof(tok, wc) == offsetof(tok, kw) + 4 && offsetof(tok, cue) == offsetof(tok, kw) + 6 &&
	       offsetof(tok, inm) == offsetof(tok, kw) + 7, "tokenize's store of kw");
#endif
#define TOK_P1 (1ull << 63)   /* (a word's w8 never has it with bytes 1-6 zero: no NUL in words) */

typedef struct {
	int open, close;      /* mark tokens of the first opening and the last closing mark */
	size_t fs, nf;        /* fragments in ctx.fr */
	int single;
} rawq;

/* A speaker candidate: tokens [a, b]. */
enum { NP_NONE, NP_ENT, NP_PRON, NP_ROLE, NP_NAME, NP_SRC };   /* NP_SRC: any source ("according to ...") */
typedef struct { int kind, a, b, ment; } np;

typedef struct {
	np sp;
	int cue;              /* cue token, or -1; -2 for a dash tag, -3 for "according to" */
	int how;              /* slot that found it (for merging): 'A' after, 'B' before, ... */
	int tagend;           /* last token of the tag after the quote */
	int type, merged, at_start;
	size_t fs, nf;
	int open, close;
	int scare;
	int emitted;          /* output as a direct or partial quote */
	int title;            /* left out as a title of 3 words or more */
} qinfo;

/* The output's strings and fragments come from blocks kept in nf_quotes.priv (a block per
 * document, not a malloc per string); nf_quotes_clear empties them for the next document. */
typedef struct qblk { struct qblk *next; size_t used, cap; max_align_t d[]; } qblk;
enum { QBLK_MIN = 32 << 10 };

typedef struct {
	const nf_quoter *qt;
	const char *t;
	size_t len;
	const nf_entities *ents;
	tok *tk; size_t nt, tcap;
	rawq *rq; size_t nrq, rqcap;
	nf_qfrag *fr; size_t nfr, frcap;
	qinfo *qi;
	nf_quotes *out;       /* where indirect speech goes, and the last speaker's cluster */
	int *last_cl;
	const nf_span *sents; size_t nsents;
	/* lists tokenize makes, so later passes visit only the tokens they look at */
	int *mk; size_t nmk, mkcap;          /* the mark tokens (pair_marks) */
	int *cand; size_t ncand, candcap;    /* words find_cues and indirect look at: cue words,
					      * a paragraph's first capitalised word, "according", "In" */
	size_t ci;                           /* (indirect's place in cand) */
	int *nc; size_t nnc, nccap;          /* words noun_cues looks at: "to", "that", "this" */
	int *pfirst; size_t pcap;            /* first token of each paragraph (from 1), then nt */
	int *mt; size_t nmt, mtcap;          /* the tokens given a mention, in the order given */
	int *sfirst; size_t scap;            /* first token of each sentence (from 1; an empty one's
					      * is the next one's), then nt */
	size_t qicap;
	size_t *last; size_t lastcap;        /* (resolve_role's: a cluster's last mention) */
	int *ap; size_t apcap;               /* (resolve_role's: a person's latest appositive and the
					      * index in mt that gave it, 3 a cluster) */
	struct rolecur *rc;                  /* (how far last and ap are filled: role_before) */
	struct cuesent *cs;                  /* (has_cue_in_sentence's last answer) */
	int msorted;                         /* the mentions are in text order */
	size_t nmain;                        /* out's rows before indirect's: one a quote, in order */
	struct gendcur *gc;                  /* (resolve_gender's: each mention's latest person) */
	int *pg; size_t pgcap;               /* (resolve_gender's: 2 a mention, see gendcur) */
	qblk **arp;           /* the output's blocks (the first has room; the oldest is kept) */
	qblk *ar;             /* (in nf_quotes.priv: the blocks) */
} ctx;

static void *qalloc(qblk **arp, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	qblk *b = *arp;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > QBLK_MIN ? n : QBLK_MIN;
		b = nf_xmalloc(sizeof *b + cap);
		b->next = *arp;
		b->used = 0;
		b->cap = cap;
		*arp = b;
	}
	void *p = (char *)b->d + b->used;
	b->used += n;
	return p;
}

static char *qstrndup(qblk **arp, const char *s, size_t n)
{
	char *d = qalloc(arp, n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

/* Empties the blocks, keeping the oldest (the one every document uses). */
static void qblk_reset(qblk **arp, int keep)
{
	qblk *b = *arp;
	while (b && (b->next || !keep)) {
		qblk *nx = b->next;
		free(b);
		b = nx;
	}
	if (b) b->used = 0;
	*arp = b;
}

/* The per-document arrays live in the result (nf_quotes.priv) from one document to the next
 * (no malloc, no cold memory per document): nf_quotes_run takes them at its start and gives
 * them back at its end, freeing an array that a rare huge document made bigger than
 * SCRATCH_MAX bytes. */
enum { SCRATCH_MAX = 8 << 20 };

#define SCRATCH_TAKE(c, s, a, cap) ((c)->a = (s)->a, (c)->cap = (s)->cap)
#define SCRATCH_GIVE(c, s, a, cap) do { \
		if ((c)->cap * sizeof *(c)->a > SCRATCH_MAX) { free((c)->a); (c)->a = NULL; (c)->cap = 0; } \
		(s)->a = (c)->a; (s)->cap = (c)->cap; \
	} while (0)
#define SCRATCH_FREE(c, s, a, cap) (free((c)->a), (c)->a = NULL, (c)->cap = 0)
#define SCRATCH_ALL(X, c, s) do { X(c, s, tk, tcap); X(c, s, rq, rqcap); X(c, s, fr, frcap); \
		X(c, s, qi, qicap); X(c, s, mk, mkcap); X(c, s, cand, candcap); X(c, s, pfirst, pcap); \
		X(c, s, mt, mtcap); X(c, s, sfirst, scap); X(c, s, last, lastcap); X(c, s, ap, apcap); \
		X(c, s, pg, pgcap); X(c, s, nc, nccap); } while (0)

static int is_alnum_byte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

/* Length of a punctuation code point at t[i] that must not be part of a word (0: none). */
static size_t upunct(const char *t, size_t i, size_t len, int *mark)
{
	const unsigned char *u = (const unsigned char *)t + i;
	*mark = M_NONE;
	if (u[0] == 0xC2 && i + 1 < len) {
		if (u[1] == 0xAB) { *mark = M_DOPEN; return 2; }
		if (u[1] == 0xBB) { *mark = M_DCLOSE; return 2; }
		if (u[1] == 0xA0) return 2;
		return 0;
	}
	if (u[0] == 0xE2 && i + 2 < len && u[1] == 0x80) {
		switch (u[2]) {
		case 0x9C: *mark = M_DOPEN; return 3;
		case 0x9D: *mark = M_DCLOSE; return 3;
		case 0x9E: *mark = M_LOW; return 3;
		case 0x9F: *mark = M_DOPEN; return 3;
		case 0x98: *mark = M_SOPEN; return 3;
		case 0x99: *mark = M_SAMBIG; return 3;
		case 0xB9: *mark = M_SOPEN; return 3;
		case 0xBA: *mark = M_SCLOSE; return 3;
		default: if (u[2] >= 0x80 && u[2] <= 0xBF) return 3;   /* dashes, ellipsis, spaces */
		}
	}
	return 0;
}

static int is_apos(const char *t, size_t i, size_t len, size_t *w)
{
	if (t[i] == '\'') { *w = 1; return 1; }
	if (i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x99) { *w = 3; return 1; }
	return 0;
}

/* Title abbreviations whose period belongs to the word ("Mr. Obama", "Sen. Warren", "Messrs.
 * Holm and Vik"), by their first letter (each begins with a capital); w is a word (no NUL in
 * it), n < 8. (tokenize asks for words of at most 4 letters, and "Messrs": the only longer one) */
static int title_abbrev(const char *w, size_t n)
{
	static const char ab[26][6][8] = { ['A' - 'A'] = { "Adm" }, ['C' - 'A'] = { "Col", "Capt", "Cmdr" },
		['D' - 'A'] = { "Dr" }, ['G' - 'A'] = { "Gov", "Gen" }, ['H' - 'A'] = { "Hon" }, ['J' - 'A'] = { "Jr" },
		['L' - 'A'] = { "Lt" }, ['M' - 'A'] = { "Mr", "Mrs", "Ms", "Maj", "Mx", "Messrs" }, ['P' - 'A'] = { "Prof" },
		['R' - 'A'] = { "Rep", "Rev" }, ['S' - 'A'] = { "Sen", "Sgt", "St", "Supt", "Sr" } };
	if (n < 2 || n >= 8 || w[0] < 'A' || w[0] > 'Z')
		return 0;
	const char (*a)[8] = ab[w[0] - 'A'];
	for (int k = 0; k < 6 && a[k][0]; k++)
		if (a[k][n] == 0 && memcmp(a[k] + 1, w + 1, n - 1) == 0)   /* (a shorter one differs at its NUL) */
			return 1;
	return 0;
}
/* (the first letters of those: the tokenizer asks title_abbrev only after one of them) */
#define TITLE_FIRST(ch) ((unsigned)((ch) - 'A') < 26u && \
	((1u << ('A' - 'A') | 1u << ('C' - 'A') | 1u << ('D' - 'A') | 1u << ('G' - 'A') | 1u << ('H' - 'A') | \
	  1u << ('J' - 'A') | 1u << ('L' - 'A') | 1u << ('M' - 'A') | 1u << ('P' - 'A') | 1u << ('R' - 'A') | \
	  1u << ('S' - 'A')) >> ((ch) - 'A') & 1))

/* ASCII byte classes for the tokenizer: 1 letter or digit, 2 upper-case letter, 4 blank (space,
 * tab, CR, FF, VT), 8 line feed, 16 what may join a word's parts (- . & '), 32 what may be a
 * quote mark (" ` '), 64 a byte from 0x80 (none of the others: the hot tests need no "< 0x80"
 * first) */
static const unsigned char acls[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 8, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	4, 0, 32, 0, 0, 0, 16, 48, 0, 0, 0, 0, 0, 16, 16, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
	32, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
};

/* The end of the run of ASCII letters and digits from j (len at most): 16 bytes at a time. */
static inline size_t alnum_end(const unsigned char *u8, size_t j, size_t len)
{
#if defined(__SSE2__) && defined(__GNUC__)
	/* (x + 0x80 - lo) as a signed byte is below -128 + width just when lo <= x < lo + width) */
	const __m128i d0 = _mm_set1_epi8((char)(0x80 - '0')), d1 = _mm_set1_epi8((char)(-128 + 10));
	const __m128i l0 = _mm_set1_epi8((char)(0x80 - 'a')), l1 = _mm_set1_epi8((char)(-128 + 26));
	const __m128i low = _mm_set1_epi8(0x20);
	while (j + 16 <= len) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u8 + j));
		__m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, d0), d1);
		__m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, low), l0), l1);
		unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(digit, letter)) & 0xFFFFu;
		if (stop)
			return j + (size_t)__builtin_ctz(stop);
		j += 16;
	}
#endif
#ifdef NF_LE64
	while (j + 8 <= len) {
		uint64_t v;
		memcpy(&v, u8 + j, 8);
		uint64_t stop = ~swar_alnum(v) & B8(0x80);
		if (stop)
			return j + (size_t)__builtin_ctzll(stop) / 8;
		j += 8;
	}
#endif
	while (j < len && u8[j] < 0x80 && (acls[u8[j]] & 1))
		j++;
	return j;
}

enum { TOK_PAD = 8 };

static inline void push_int(int **a, size_t *n, size_t *cap, int v)
{
	if (*n == *cap)
		nf_grow((void **)a, cap, *n + 1, sizeof **a);
	(*a)[(*n)++] = v;
}

static void tokenize(ctx *c)
{
	const char *t = c->t;
	const unsigned char *u8 = (const unsigned char *)t;
	size_t len = c->len, i = 0;
	int para = 1, dummy;
	/* the sentence of each token (the sentences are in text order) */
	size_t sn = 0, nsents = c->nsents, next_sent = nsents > 1 ? c->sents[1].start : (size_t)-1;
	int sent = 1;
#ifdef NF_LE64
	uint64_t sp = (uint32_t)sent | (uint64_t)(uint32_t)para << 32;   /* (a token's sent and para) */
#define TOK_SP .sp = sp
#else
#define TOK_SP .sent = sent, .para = para
#endif
	/* (the array and its count in locals: stores into tokens could alias c's fields) */
	tok *tks = c->tk;
	size_t nt = 0, tcap = c->tcap;
	c->nmk = c->ncand = c->nnc = 0;
	size_t npara = 0, nsf = 0;
	push_int(&c->pfirst, &npara, &c->pcap, 0);   /* (paragraph 0: none) */
	push_int(&c->sfirst, &nsf, &c->scap, 0);     /* (sentence 0: none) */
	push_int(&c->sfirst, &nsf, &c->scap, 0);
	int para_open = 0;   /* paragraph para has a token */
	/* (the word table's fields in a local copy: the stores into tokens, which have char
	 * fields, could alias them in place, so each word would load them anew; only those four:
	 * a copy of the whole quoter, ~9 KB with its phrase index, is made per document when the
	 * optimiser does not cut it down, as under -O0 or SANITIZE=1) */
	const wtab qtl = { c->qt->wt, c->qt->wtag, c->qt->wkeys, c->qt->wmask };
	/* Where a token next needs the rare checks (a new sentence, a paragraph's first token,
	 * the array full): each token takes a byte at least, so the array has room for every
	 * token that starts before stop. One test per token instead of three. */
	size_t stop = 0;
	while (i < len) {
		unsigned char ch = u8[i];
		if (ch == ' ') { i++; continue; }
		if (acls[ch] & 12) {
			/* a run of line breaks (blank lines) is one paragraph break */
			if ((acls[ch] & 8) && para_open) {
				para++; para_open = 0; stop = 0;
#ifdef NF_LE64
				sp = (uint32_t)sent | (uint64_t)(uint32_t)para << 32;
#endif
			}
			i++;
			continue;
		}
		if (i >= stop) {
			if (nt == tcap) {
				/* one token per 4 bytes is more than news needs (pages never touched cost no
				 * memory); then half as much again, not twice: the array stays near the
				 * document's size */
				tcap = tcap ? tcap + tcap / 2 : len / 4 + 64;
				tks = c->tk = nf_xrealloc(tks, tcap * sizeof *tks);
				c->tcap = tcap;
			}
			if (i >= next_sent) {
				while (sn + 1 < nsents && c->sents[sn + 1].start <= i) sn++;
				next_sent = sn + 1 < nsents ? c->sents[sn + 1].start : (size_t)-1;
				sent = (int)sn + 1;
#ifdef NF_LE64
				sp = (uint32_t)sent | (uint64_t)(uint32_t)para << 32;
#endif
				while (nsf <= (size_t)sent)
					push_int(&c->sfirst, &nsf, &c->scap, (int)nt);
			}
			if (ch == 0xC2 && i + 1 < len && u8[i + 1] == 0xA0) { i += 2; continue; }   /* (a no-break space) */
			if (!para_open) {   /* (a paragraph's first capitalised word is a candidate: see below) */
				push_int(&c->pfirst, &npara, &c->pcap, (int)nt);
				para_open = 1;
			}
			stop = i + (tcap - nt) < next_sent ? i + (tcap - nt) : next_sent;
			if (stop > len) stop = len;
		}
		/* (each token is written once, when it is known) */
		size_t e;
		int mark = M_NONE;
		if (acls[ch] & 1) {
			goto word;
		} else if (ch >= 0x80) {
			size_t w = upunct(t, i, len, &mark);
			if (w == 2 && u8[i + 1] == 0xA0) { i += 2; continue; }
			if (!w)
				goto word;
			e = i + w;
			if (mark == M_SAMBIG && i + w < len && t[i + w] >= '0' && t[i + w] <= '9')
				mark = M_NONE;    /* the '90s */
		} else if (!(acls[ch] & 32)) {
			size_t j = i + 1;
			while (j < len && (u8[j] & 0xC0) == 0x80)
				j++;
			e = j;
		} else if (ch == '"') {
			e = i + 1; mark = M_DAMBIG;
		} else if (ch == '`' && i + 1 < len && t[i + 1] == '`') {
			e = i + 2; mark = M_DOPEN;
		} else if (ch == '\'' && i + 1 < len && t[i + 1] == '\'') {
			e = i + 2; mark = M_DAMBIG;
		} else if (ch == '\'') {
			e = i + 1;
			mark = (i + 1 < len && t[i + 1] >= '0' && t[i + 1] <= '9') ? M_NONE : M_SAMBIG;
		} else {
			size_t j = i + 1;
			while (j < len && (u8[j] & 0xC0) == 0x80)
				j++;
			e = j;
		}
#ifdef NF_LE64
		/* (k, mark; the other six bytes 0) */
		tks[nt] = (tok){ .s = i, .e = e, TOK_SP, .q = 0, .ment = -1,
				 .kw = (mark != M_NONE ? T_MARK : T_PUNCT) | (uint64_t)(unsigned char)mark << 8,
				 .w8 = mark == M_NONE && e == i + 1 ? TOK_P1 | ch : 0 };
#else
		tks[nt] = (tok){ .s = i, .e = e, .sent = sent, .para = para, .q = 0, .ment = -1,
				 .k = mark != M_NONE ? T_MARK : T_PUNCT, .mark = (unsigned char)mark,
				 .w8 = mark == M_NONE && e == i + 1 ? TOK_P1 | ch : 0 };
#endif
		if (mark != M_NONE)
			push_int(&c->mk, &c->nmk, &c->mkcap, (int)nt);
		i = e;
		nt++;
		if (i + 1 < stop && u8[i] == ' ' && (acls[u8[i + 1]] & 1)) {
			ch = u8[++i];   /* (", word": as after a word, below) */
			goto word;
		}
		continue;
	word:;
		size_t j = i;
		intptr_t val = 0;
		uint64_t w8;
		unsigned char cap;
#if defined(__SSE2__) && defined(__GNUC__) && defined(NF_LE64)
		if (i + 16 <= len) {
			/* most words: ASCII letters and digits up to a byte that is neither part of a
			 * word nor joins one (a space, a comma), within 16 bytes; found, folded and
			 * looked up from one load */
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u8 + i));
			/* (v | 0x20: letters of either case in a-z, only they; and the folded word, as
			 * letters and digits have that bit set in lower case) */
			__m128i f = _mm_or_si128(v, _mm_set1_epi8(0x20));
			__m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(-128 + 10)));
			__m128i letter = _mm_cmplt_epi8(_mm_add_epi8(f, _mm_set1_epi8((char)(0x80 - 'a'))), _mm_set1_epi8((char)(-128 + 26)));
			unsigned stopm = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(digit, letter)) & 0xFFFFu;
			size_t n = stopm ? (size_t)__builtin_ctz(stopm) : 16;
			int plain = n > 0 && n < 16;
			if (plain && (acls[u8[i + n]] & (16 | 64))) {
				/* a joiner (- . & ') joins nothing when an ASCII byte other than a letter
				 * or digit follows it ("end. ", "'rock' "); a title's period is its word's;
				 * a non-ASCII byte takes the full path */
				plain = u8[i + n] < 0x80 && n + 1 < 16 && ((stopm & ~(unsigned)_mm_movemask_epi8(v)) >> (n + 1) & 1);
				if (plain && u8[i + n] == '.' && (n <= 4 || (n == 6 && ch == 'M')) && TITLE_FIRST(ch) && title_abbrev(t + i, n))
					n++;
			}
			if (LIKELY(plain)) {
				static const uint64_t lowm[9] = { 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFFull, 0xFFFFFFFFFFull,
					0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull };
				uint64_t b[2] = { 0, 0 };
				b[0] = (uint64_t)_mm_cvtsi128_si64(f);
				size_t nw = 1;
				if (n <= 8)
					b[0] &= lowm[n];
				else   /* (the second half only for the longer words) */
					b[1] = (uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(f, 8)) & lowm[n - 8], nw = 2;
				w8 = b[0];
				val = wlookup(&qtl, whash(b, nw), b, n);
				j = i + n;
				cap = (unsigned)(ch - 'A') < 26u;   /* (an ASCII first byte) */
				goto looked_up;
			}
		}
#endif
		int dot = 0;   /* a period joined the word ("U.S") */
		for (;;) {
			/* ASCII letters and digits need no code-point check; other code points are
			 * the word's unless they are punctuation */
			j = alnum_end(u8, j, len);
			if (j < len && u8[j] >= 0x80 && !upunct(t, j, len, &dummy)) {
				j++;
				continue;
			}
			/* inner apostrophes, hyphens and periods join a word (don't, Ukraine's, U.S.) */
			if (j + 1 >= len)
				break;
			unsigned char u = u8[j];
			if (u < 0x80 ? !(acls[u] & 16) : u != 0xE2)
				break;
			if (u == '-' || u == '.' || u == '&') {
				if (is_alnum_byte(u8[j + 1]) && !upunct(t, j + 1, len, &dummy)) { dot |= u == '.'; j++; continue; }
			} else if (u == '\'' || u == 0xE2) {
				size_t aw;
				if (is_apos(t, j, len, &aw) && j + aw < len && is_alnum_byte(u8[j + aw]) && !upunct(t, j + aw, len, &dummy)) {
					j += aw;
					continue;
				}
			}
			break;
		}
		/* abbreviation periods: "U.S." keeps its final period, "Mr." too */
		if (j < len && t[j] == '.' && (((j - i <= 4 || (j - i == 6 && ch == 'M')) && TITLE_FIRST(ch) && title_abbrev(t + i, j - i)) ||
					       (j - i <= 10 && dot)))
			j++;
		if (j - i <= WMAX) {   /* (a word longer than every key finds none) */
			size_t n = j - i;
			uint64_t b[WMAX / 8 + 1];
			size_t nw = (n + 7) / 8;
#ifdef NF_LE64
			static const uint64_t low[9] = { 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFFull, 0xFFFFFFFFFFull,
				0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull };
			if (n <= 8 && i + 8 <= len) {   /* (most words: one load, one chunk) */
				memcpy(b, u8 + i, 8);
				b[0] = swar_fold(b[0] & low[n]);
			} else
#endif
			for (size_t x = 0; x < nw; x++) {
				size_t o = i + 8 * x, r = n - 8 * x;
				uint64_t v;
#ifdef NF_LE64
				if (o + 8 <= len) {
					memcpy(&v, u8 + o, 8);
					if (r < 8)
						v &= (1ull << (8 * r)) - 1;
				} else
#endif
				v = chunk_at(u8 + o, r < 8 ? r : 8);
				b[x] = swar_fold(v);
			}
			w8 = nw ? b[0] : 0;
			val = wlookup(&qtl, whash(b, nw), b, n);
		} else
			w8 = swar_fold(chunk_at(u8 + i, 8));
		cap = (ch >= 'A' && ch <= 'Z') || (ch == 0xC3 && j > i + 1 && u8[i + 1] >= 0x80 && u8[i + 1] <= 0x9E);
#if defined(__SSE2__) && defined(__GNUC__) && defined(NF_LE64)
	looked_up:;   /* (the fast path above) */
#endif
#ifdef NF_LE64
		/* (k T_WORD, mark M_NONE, cap, cf 0, wc and cue from val's low 24 bits, inm 0) */
		tks[nt] = (tok){ .s = i, .e = j, TOK_SP, .q = 0, .ment = -1,
				 .kw = (uint64_t)cap << 16 | ((uint64_t)val << 32 & 0x00FFFFFF00000000ull & ~((uint64_t)CUE_CAND << 48)),
				 .w8 = w8 };
#else
		tks[nt] = (tok){ .s = i, .e = j, .sent = sent, .para = para, .q = 0, .ment = -1, .k = T_WORD, .mark = M_NONE,
				 .cap = cap, .wc = (unsigned short)(val & 0xFFFF), .cue = (unsigned char)(val >> 16 & ~CUE_CAND), .w8 = w8 };
#endif
		/* the candidates: cue words, "according" and a capitalised "In" (and a paragraph's
		 * first capitalised word, merged in below), a state adjective */
		if ((uint32_t)val >> 24 & (1u | (unsigned)cap << 1))   /* V_CAND, or V_CAND_CAP and cap */
			push_int(&c->cand, &c->ncand, &c->candcap, (int)nt);
		if (val & V_NC)
			push_int(&c->nc, &c->nnc, &c->nccap, (int)nt);
		i = j;
		nt++;
		/* most often one space, then another word: straight on to it */
		if (i + 1 < stop && u8[i] == ' ' && (acls[u8[i + 1]] & 1)) {
			ch = u8[++i];
			goto word;
		}
	}
#undef TOK_SP
	c->nt = nt;
	push_int(&c->pfirst, &npara, &c->pcap, (int)c->nt);   /* (the end of the last paragraph) */
	push_int(&c->sfirst, &nsf, &c->scap, (int)c->nt);
	/* Empty tokens past the end, so the rules' look-ahead (tk[j + 1], tk[j + 2]) never reads
	 * outside the array; they match no word or mark and belong to no sentence or paragraph. */
	if (c->nt + TOK_PAD > c->tcap)
		nf_grow((void **)&c->tk, &c->tcap, c->nt + TOK_PAD, sizeof *c->tk);
	for (int k = 0; k < TOK_PAD; k++)
		c->tk[c->nt + k] = (tok){ .s = len, .e = len, .sent = -1, .para = -1, .q = 0, .ment = -1, .k = T_PUNCT, .mark = M_NONE };
	/* each paragraph's first capitalised word joins the candidates, in token order */
	size_t extra = 0;
	for (size_t p = 1; p + 1 < npara; p++) {
		const tok *k = &c->tk[c->pfirst[p]];
		extra += k->k == T_WORD && k->cap;
	}
	if (extra) {
		size_t n = c->ncand;
		if (n + extra > c->candcap)
			nf_grow((void **)&c->cand, &c->candcap, n + extra, sizeof *c->cand);
		/* (merged from the back; a word that is a candidate already is not added twice) */
		size_t w = n + extra, x = n, p = npara - 1;
		while (p > 1) {
			int f = c->pfirst[--p];
			if (c->tk[f].k != T_WORD || !c->tk[f].cap)
				continue;
			while (x > 0 && c->cand[x - 1] > f)
				c->cand[--w] = c->cand[--x];
			if (x > 0 && c->cand[x - 1] == f)
				continue;
			c->cand[--w] = f;
		}
		/* (w > 0 when some were candidates already: close the gap) */
		if (w > x)
			memmove(c->cand + x, c->cand + w, (n + extra - w) * sizeof *c->cand);
		c->ncand = n + extra - (w - x);
	}
}

/* Character class around a mark: 0 space or edge, 1 letter or digit, 2 other. */
static int cls_before(const ctx *c, size_t i)
{
	if (i == 0) return 0;
	unsigned char ch = (unsigned char)c->t[i - 1];
	if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') return 0;
	if (ch == 0xA0 && i >= 2 && (unsigned char)c->t[i - 2] == 0xC2) return 0;
	if (ch >= 0x80) {
		size_t j = i - 1;
		while (j > 0 && ((unsigned char)c->t[j] & 0xC0) == 0x80) j--;
		int m;
		if (upunct(c->t, j, c->len, &m)) return 2;
		return 1;
	}
	return is_alnum_byte(ch) ? 1 : 2;
}

static int cls_after(const ctx *c, size_t i)
{
	if (i >= c->len) return 0;
	unsigned char ch = (unsigned char)c->t[i];
	if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') return 0;
	int m;
	if (upunct(c->t, i, c->len, &m)) return (ch == 0xC2 && (unsigned char)c->t[i + 1] == 0xA0) ? 0 : 2;
	return is_alnum_byte(ch) ? 1 : 2;
}

static int is_double(int m) { return m == M_DOPEN || m == M_DCLOSE || m == M_DAMBIG || m == M_LOW; }

static void add_frag(ctx *c, size_t s, size_t e)
{
	const char *t = c->t;
	while (s < e && (t[s] == ' ' || t[s] == '\n')) s++;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n')) e--;
	if (c->nfr == c->frcap)
		nf_grow((void **)&c->fr, &c->frcap, c->nfr + 1, sizeof *c->fr);
	c->fr[c->nfr].start = s;
	c->fr[c->nfr].end = e;
	c->nfr++;
}

/* Straight ("), typewriter (`` ''), guillemets or curly: a quote reopened in the next
 * paragraph uses the same kind of mark as its first paragraph. */
static int mark_family(const ctx *c, int i)
{
	unsigned char b0 = (unsigned char)c->t[c->tk[i].s];
	if (b0 == '"') return 1;
	if (b0 == '`' || b0 == '\'') return 2;
	if (b0 == 0xC2) return 3;
	return 4;
}

/* The curly mark c->mk[x] is nested in the straight quote of mark dopen ('"The poll asked:
 * “Do you trust her?” Most said no."'): a curly pair after words of the quote, with a straight
 * mark after it in the paragraph to close the quote. (A curly closer with no curly opener
 * after the straight one is a closer of mixed style: '"A,” he said'.) */
static int straight_nest(const ctx *c, int dopen, size_t x)
{
	const tok *tk = c->tk;
	size_t o = x;
	if (tk[c->mk[x]].mark == M_DCLOSE) {
		if (x == 0 || tk[c->mk[x - 1]].mark != M_DOPEN || mark_family(c, c->mk[x - 1]) != 4 || c->mk[x - 1] <= dopen)
			return 0;
		o = x - 1;
	} else if (tk[c->mk[x]].mark != M_DOPEN || x + 1 >= c->nmk || tk[c->mk[x + 1]].mark != M_DCLOSE ||
		   mark_family(c, c->mk[x + 1]) != 4 || tk[c->mk[x + 1]].para != tk[dopen].para) {
		return 0;
	}
	if (c->mk[o] - dopen < 4)
		return 0;   /* (words of the outer quote before it: '"“A,” he said' is a doubled mark) */
	for (size_t y = o + 2; y < c->nmk && tk[c->mk[y]].para == tk[dopen].para; y++)
		if (mark_family(c, c->mk[y]) == 1)
			return 1;
	return 0;
}

/* The double mark c->mk[x] is nested in the open quote of mark dopen: guillemets inside curly
 * quotes or curly quotes inside guillemets (the French and Scandinavian nesting «... “...” ...»),
 * when a mark of the outer kind follows in the paragraph to close it. */
static int nested_double(const ctx *c, int dopen, size_t x)
{
	int fo = mark_family(c, dopen), fi = mark_family(c, c->mk[x]);
	if (fo == 1 && fi == 4)
		return straight_nest(c, dopen, x);
	if (!((fo == 3 && fi == 4) || (fo == 4 && fi == 3)))
		return 0;
	for (size_t y = x + 1; y < c->nmk && c->tk[c->mk[y]].para == c->tk[dopen].para; y++)
		if (is_double(c->tk[c->mk[y]].mark) && mark_family(c, c->mk[y]) == fo)
			return c->tk[c->mk[y]].mark != M_DOPEN || fo == 3;
	return 0;
}

static int possessive_at(const ctx *c, size_t e);
static int title_case_para(const ctx *c, int i);

/* The marks c->mk[x] and c->mk[x + 1] hold a nickname: one or two capitalised words between a
 * given name and a surname ('Rep. Ann "Dot" Miller', 'Juan ‘Chico’ Ortiz'), spaced, in a
 * paragraph not in title case (a headline's 'Mayor ‘Regrets’ Vote' is a quote). */
static int nickname_at(const ctx *c, size_t x)
{
	if (x + 1 >= c->nmk)
		return 0;
	int i = c->mk[x], j = c->mk[x + 1];
	const tok *tk = c->tk;
	if (j - i < 2 || j - i > 3 || i < 1 || (size_t)j + 1 >= c->nt || mark_family(c, i) != mark_family(c, j) ||
	    is_double(tk[i].mark) != is_double(tk[j].mark) || tk[i].mark == M_DCLOSE || tk[i].mark == M_SCLOSE ||
	    tk[j].mark == M_DOPEN || tk[j].mark == M_SOPEN || tk[j].mark == M_LOW)
		return 0;
	if (tk[i - 1].k != T_WORD || !tk[i - 1].cap || tk[j + 1].k != T_WORD || !tk[j + 1].cap ||
	    tk[i - 1].para != tk[j + 1].para || cls_before(c, tk[i].s) != 0 || cls_after(c, tk[j].e) != 0)
		return 0;
	for (int k = i + 1; k < j; k++)
		if (tk[k].k != T_WORD || !tk[k].cap)
			return 0;
	/* (the word before is a given name, not a possessive or a sentence's last word) */
	if (tk[i - 1].sent != tk[i].sent || possessive_at(c, tk[i - 1].e) || title_case_para(c, i))
		return 0;
	return 1;
}

/* The opening mark c->mk[x], inside an open quote, opens a quote nested in it with the same
 * marks ("“I'd rather live in what he calls “hell” than here.”"): the next two double marks of
 * its paragraph both close. The index in c->mk of the inner quote's closing mark, or 0. */
static size_t nested_same(const ctx *c, size_t x)
{
	const tok *tk = c->tk;
	int para = tk[c->mk[x]].para;
	size_t y[2], n = 0;
	for (size_t z = x + 1; z < c->nmk && n < 2 && tk[c->mk[z]].para == para; z++) {
		int i = c->mk[z], m = tk[i].mark;
		if (!is_double(m))
			continue;
		int b = cls_before(c, tk[i].s), a = cls_after(c, tk[i].e);
		if (!(m == M_DCLOSE || (m == M_DAMBIG && b != 0 && a != 1)))
			return 0;
		y[n++] = z;
	}
	return n == 2 ? y[0] : 0;
}

/* Pairs the quote marks, paragraph by paragraph. */
static void pair_marks(ctx *c)
{
	tok *tk = c->tk;
	size_t nt = c->nt;
	int dopen = -1, sopen = -1, first_open = -1;
	size_t fs = 0;
	c->nrq = 0;
	c->nfr = 0;
	/* only the marks (and the paragraph breaks before each) are visited: p is the last mark */
	for (size_t x = 0, p = 0; x <= c->nmk; x++) {
		size_t i = x < c->nmk ? (size_t)c->mk[x] : nt;
		if (i > p + 1 && tk[i - 1].para != tk[p].para) {
			/* a paragraph break before the one just before i: no mark to go on with */
			if (dopen >= 0) {
				c->nfr = fs;   /* unbalanced: dropped */
				dopen = first_open = -1;
			}
			sopen = -1;
		}
		p = i;
		int newpara = i == nt || (i > 0 && tk[i].para != tk[i - 1].para);
		if (newpara && i > 0) {
			if (dopen >= 0) {
				/* continues when the next paragraph opens with a quote mark */
				int cont = i < nt && is_double(tk[i].mark) && tk[i].mark != M_DCLOSE && cls_after(c, tk[i].e) != 0
					   && tk[i].e - tk[dopen].e > 0 && mark_family(c, i) == mark_family(c, dopen);
				if (cont) {
					add_frag(c, tk[dopen].e, tk[i - 1].e);
					dopen = (int)i;
					continue;
				}
				c->nfr = fs;   /* unbalanced: dropped */
				dopen = first_open = -1;
			}
			sopen = -1;
		}
		if (i == nt)
			break;
		if (nickname_at(c, x)) {
			p = (size_t)c->mk[++x];   /* (both marks are words' punctuation) */
			continue;
		}
		int m = tk[i].mark;
		int b = cls_before(c, tk[i].s), a = cls_after(c, tk[i].e);
		if (is_double(m)) {
			int close = 0, open = 0;
			size_t y;
			if (dopen >= 0 && nested_double(c, dopen, x))
				continue;   /* “...” inside «...» or the other way round */
			if (dopen < 0) {
				if (m == M_DCLOSE)
					open = b == 0 && (a == 1 || (a == 0 && (i == 0 || tk[i - 1].para != tk[i].para)));
					/* (reversed style or a typo; "” … what I" opening a paragraph too) */
				else
					open = a != 0 || m != M_DAMBIG;
				if (m == M_DAMBIG && b == 1 && a == 0)
					open = 0;                    /* 6'2" and other stray closers */
			} else if (m == M_DCLOSE || m == M_DAMBIG) {
				close = 1;
			} else if (m == M_DOPEN) {
				if (tk[dopen].mark == M_LOW || (b != 0 && a != 1))
					close = 1;                   /* „...“ or “ used as a closer */
				else if ((y = nested_same(c, x)) > 0) {
					x = y;                       /* “... “B” ...”: B is inside the quote */
					p = (size_t)c->mk[y];
					continue;
				} else
					open = 1;                    /* the previous one was never closed */
			} else {
				open = 1;
			}
			if (open) {
				if (dopen >= 0)
					c->nfr = fs;
				dopen = first_open = (int)i;
				fs = c->nfr;
				sopen = -1;
			} else if (close) {
				add_frag(c, tk[dopen].e, tk[i].s);
				if (c->fr[c->nfr - 1].end > c->fr[c->nfr - 1].start) {
					nf_grow((void **)&c->rq, &c->rqcap, c->nrq + 1, sizeof *c->rq);
					c->rq[c->nrq++] = (rawq){ first_open, (int)i, fs, c->nfr - fs, 0 };
				} else {
					c->nfr = fs;
				}
				dopen = first_open = -1;
				fs = c->nfr;
			}
			continue;
		}
		if (dopen >= 0)
			continue;   /* nested single quotes belong to the outer quote */
		if (sopen < 0) {
			if ((m == M_SOPEN || m == M_SAMBIG) && b != 1 && a == 1)
				sopen = (int)i;
		} else if ((m == M_SCLOSE || m == M_SAMBIG) && b != 0 && a != 1) {
			size_t s0 = c->nfr;
			add_frag(c, tk[sopen].e, tk[i].s);
			/* (an elision between two words, "rock 'n' roll", is no quotation) */
			int elision = tk[i].s - tk[sopen].e == 1 && sopen > 0 && tk[sopen - 1].k == T_WORD && i + 1 < nt &&
				      tk[i + 1].k == T_WORD && is_alnum_byte((unsigned char)c->t[tk[sopen].e]);
			if (c->fr[s0].end > c->fr[s0].start && tk[i].s - tk[sopen].e < 600 && !elision) {
				nf_grow((void **)&c->rq, &c->rqcap, c->nrq + 1, sizeof *c->rq);
				c->rq[c->nrq++] = (rawq){ sopen, (int)i, s0, 1, 1 };
			} else {
				c->nfr = s0;
			}
			fs = c->nfr;
			sopen = -1;
		}
	}
	for (size_t q = 0; q < c->nrq; q++)
		for (int j = c->rq[q].open; j <= c->rq[q].close; j++)
			tk[j].q = (int)q + 1;
}

/* ---- words ---- */

static inline int wlen(const ctx *c, int i) { return (int)(c->tk[i].e - c->tk[i].s); }

/* Token i is the word w (ASCII, lower case), case-insensitively. weq takes a string literal
 * (its length is known at compile time, so most calls end at the length test, inline); weqs
 * any string. */
static inline int weqn(const ctx *c, int i, const char *w, size_t n)
{
	if ((size_t)i >= c->nt || c->tk[i].e - c->tk[i].s != n || c->tk[i].k != T_WORD)   /* (i < 0 too) */
		return 0;
	const char *t = c->t + c->tk[i].s;
	for (size_t k = 0; k < n; k++) {
		char ch = t[k];
		if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
		if (ch != w[k]) return 0;
	}
	return 1;
}
/* (the length test inline at each call; the letters compared out of line) */
static inline int tok_len_is(const ctx *c, int i, size_t n)
{
	return (size_t)i < c->nt && c->tk[i].e - c->tk[i].s == n;
}
/* (a literal's first 8 bytes as tok.w8 holds a word's: a word of up to 7 bytes is one compare,
 * its zero padding tells the lengths apart; the constant folds at compile time) */
#define WLIT_B(w, k) ((k) < sizeof("" w) - 1 ? (uint64_t)(unsigned char)("" w)[(k) < sizeof("" w) - 1 ? (k) : 0] << (8 * (k)) : 0)
#define WLIT(w) (WLIT_B(w, 0) | WLIT_B(w, 1) | WLIT_B(w, 2) | WLIT_B(w, 3) | WLIT_B(w, 4) | WLIT_B(w, 5) | \
		 WLIT_B(w, 6) | WLIT_B(w, 7))
static inline int tok_w8_is(const ctx *c, int i, uint64_t w8) { return (size_t)i < c->nt && c->tk[i].w8 == w8; }
/* (past the first 8 bytes, for the longer literals) */
static inline int weq_tail(const ctx *c, int i, const char *w, size_t n)
{
	const char *t = c->t + c->tk[i].s;
	for (size_t k = 8; k < n; k++)
		if (((t[k] >= 'A' && t[k] <= 'Z') ? t[k] + 32 : t[k]) != w[k]) return 0;
	return 1;
}
#define weq(c, i, w) (sizeof("" w) - 1 == 0 ? 0 : sizeof("" w) - 1 < 8 ? tok_w8_is((c), (i), WLIT(w)) : \
		      tok_len_is((c), (i), sizeof("" w) - 1) && (c)->tk[i].w8 == WLIT(w) && \
		      weq_tail((c), (i), "" w, sizeof("" w) - 1))
static int weqs(const ctx *c, int i, const char *w) { return weqn(c, i, w, strlen(w)); }

/* Token i is a word of the list (only words have class bits). */
static inline int win_bit(const ctx *c, int i, unsigned bit)
{
	return (size_t)i < c->nt && (c->tk[i].wc & bit) != 0;
}
#define win(c, i, list) win_bit((c), (i), 1u << WL_##list)

static inline int pch(const ctx *c, int i, char ch)
{
	return (size_t)i < c->nt && c->tk[i].w8 == (TOK_P1 | (unsigned char)ch);
}

static inline int is_dash(const ctx *c, int i)
{
	if ((size_t)i >= c->nt || c->tk[i].k != T_PUNCT) return 0;
	const unsigned char *u = (const unsigned char *)c->t + c->tk[i].s;
	size_t n = c->tk[i].e - c->tk[i].s;
	return (n == 1 && u[0] == '-') || (n == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] >= 0x93 && u[2] <= 0x95));
}


/* Token i is a form of "be" that makes a passive or a copula: is, are, was, were, be, been. */
static int be_form(const ctx *c, int i)
{
	return weq(c, i, "is") || weq(c, i, "are") || weq(c, i, "was") || weq(c, i, "were") || weq(c, i, "be") || weq(c, i, "been");
}

/* Token i is "tell", "tells" or "told". */
static int tell_form(const ctx *c, int i)
{
	return weq(c, i, "told") || weq(c, i, "tells") || weq(c, i, "tell");
}

static int possessive_at(const ctx *c, size_t e);
static int ieq(const char *a, size_t an, const char *b, size_t bn);

/* Token i ends a person's or organisation's name: "Lindsey Graham Says" in a headline is a cue
 * after a name, not part of it. */
static int ends_name(const ctx *c, int i)
{
	int a = i;
	while (a > 0 && c->tk[a].inm && a > i - 6) a--;
	int m = c->tk[a].ment;
	return m >= 0 && c->ents->m[m].end == c->tk[i].e && (c->ents->m[m].type == NF_PER || c->ents->m[m].type == NF_ORG);
}

/* Token i is in a headline written in title case ("Former Aide Says Mayor Knew"): most of
 * its paragraph's words are capitalised. */
static int title_case_para(const ctx *c, int i)
{
	int words = 0, caps = 0, lo = c->pfirst[c->tk[i].para], hi = c->pfirst[c->tk[i].para + 1];
	for (int k = i; k >= lo && words < 40; k--)
		if (c->tk[k].k == T_WORD) words++, caps += c->tk[k].cap;
	for (int k = i + 1; k < hi && words < 40; k++)
		if (c->tk[k].k == T_WORD) words++, caps += c->tk[k].cap;
	return words >= 4 && words < 40 && caps * 4 >= words * 3;
}

/* Token i is "he", "she" or "who" with an apostrophe and one letter after it ("He's hoping",
 * "who’s", and so "he'd" too), no possessive: the pronoun's length, else 0. */
static size_t pronoun_stem(const ctx *c, int i)
{
	if ((size_t)i >= c->nt || c->tk[i].k != T_WORD)   /* (i < 0 too) */
		return 0;
	size_t n = c->tk[i].e - c->tk[i].s;
	const char *w = c->t + c->tk[i].s;
	size_t b = n >= 2 && w[n - 2] == '\'' ? n - 2 : n >= 4 && (unsigned char)w[n - 4] == 0xE2 ? n - 4 : n;
	return b < n && (ieq(w, b, "he", 2) || ieq(w, b, "she", 3) || ieq(w, b, "who", 3)) ? b : 0;
}

static int pronoun_is(const ctx *c, int i) { return pronoun_stem(c, i) > 0; }

/* "who", or its contraction "who's"/"who'd" (pronoun_is takes the contracted forms too). */
static int who_form(const ctx *c, int i)
{
	return weq(c, i, "who") || (pronoun_is(c, i) && (c->t[c->tk[i].s] | 32) == 'w');
}

/* "isn't", "wasn't", "aren't", "weren't" (straight or curly apostrophe). */
static int aux_not(const ctx *c, int i)
{
	if ((size_t)i >= c->nt || c->tk[i].k != T_WORD)
		return 0;
	size_t n = c->tk[i].e - c->tk[i].s;
	const char *w = c->t + c->tk[i].s;
	size_t b = n >= 3 && w[n - 2] == '\'' ? n - 3 : n >= 5 && (unsigned char)w[n - 4] == 0xE2 ? n - 5 : n;
	return b < n && (w[b] | 32) == 'n' && (ieq(w, b, "is", 2) || ieq(w, b, "was", 3) || ieq(w, b, "are", 3) || ieq(w, b, "were", 4));
}

static int skip_adv_fwd(const ctx *c, int i, int lim);
static inline int ends(const ctx *c, int i, const char *suf);

/* "add", "snap" with a plain noun phrase for object are no speech: "Smith added 25 points",
 * "then add a cup of honey", "The Eagles snapped a losing streak" - but "added that ...",
 * "added the plan would fail", 'added, "..."', "snapped at reporters". */
static int np_object_sense(const ctx *c, int i)
{
	const char *w = c->t + c->tk[i].s;
	size_t n = c->tk[i].e - c->tk[i].s;
	if (!(((n == 3 || n == 4 || n == 5 || n == 6) && (w[0] | 32) == 'a' && w[1] == 'd' && w[2] == 'd') ||
	      ((n >= 4 && n <= 7) && (w[0] | 32) == 's' && w[1] == 'n' && w[2] == 'a' && w[3] == 'p')))
		return 0;
	int j = skip_adv_fwd(c, i + 1, (int)c->nt);
	if ((size_t)j >= c->nt || c->tk[j].k != T_WORD || c->tk[j].q || c->tk[j].cap || weq(c, j, "that") ||
	    win(c, j, pronouns) || win(c, j, clause_bad) || c->tk[j].para != c->tk[i].para)
		return 0;
	/* (an inverted tag: '"...," added another aide') */
	if (i > 0 && (c->tk[i - 1].k == T_MARK || (pch(c, i - 1, ',') && i > 1 && c->tk[i - 2].k == T_MARK)))
		return 0;
	{   /* (what the phrase announces: 'added a caveat: "..."', "added the words, ''...''") */
		int p = j;
		while ((size_t)p < c->nt && p < j + 12 && c->tk[p].k == T_WORD && !c->tk[p].q) p++;
		if ((size_t)p < c->nt && (pch(c, p, ':') || c->tk[p].k == T_MARK || c->tk[p].q ||
					  (pch(c, p, ',') && (size_t)p + 1 < c->nt && (c->tk[p + 1].k == T_MARK || c->tk[p + 1].q))))
			return 0;
	}
	int num = c->t[c->tk[j].s] >= '0' && c->t[c->tk[j].s] <= '9';
	/* no verb in the object before the end of its phrase (or it is a clause: "added the
	 * team was tired", "added 20 people had died") */
	for (int k = j + num; (size_t)k < c->nt && k < j + 7 && c->tk[k].k == T_WORD && !c->tk[k].q; k++) {
		if (k > j && win(c, k, clause_bad)) break;   /* (a phrase of its own: "25 points for the Eagles") */
		/* (a plural right after the first word is its noun: "modern amenities", "25 points") */
		if (k > j && !(num && k == j + 1) &&
		    (win(c, k, nsubj_verbs) || weq(c, k, "be") || ends(c, k, "ed") ||
		     (k >= j + 2 && !c->tk[k].cap && (c->tk[k].cue || (ends(c, k, "s") && !ends(c, k, "ss"))))))
			return 0;
		if (win(c, k, pronouns)) return 0;
	}
	return 1;
}

/* "a program called Sandy Hook Promise", "An anti-Trump super PAC called Our Principles": a
 * name given, not words said - "called" after a noun phrase that opens with "a" or "an",
 * before a capitalised name. */
static int naming_called(const ctx *c, int i)
{
	if (!weq(c, i, "called") || (size_t)i + 1 >= c->nt || c->tk[i + 1].k != T_WORD || !c->tk[i + 1].cap ||
	    c->tk[i + 1].q || i < 2)
		return 0;
	for (int a = i - 1; a >= 0 && a >= i - 5; a--) {
		if (c->tk[a].k != T_WORD || c->tk[a].q || c->tk[a].sent != c->tk[i].sent) return 0;
		if (a < i - 1 && (weq(c, a, "a") || weq(c, a, "an"))) {
			int e = i + 1;   /* (not "a senator called Roe a liar": a name, then what it was called) */
			while ((size_t)e + 1 < c->nt && e < i + 5 && c->tk[e + 1].k == T_WORD && c->tk[e + 1].cap && !c->tk[e + 1].q) e++;
			return !((size_t)e + 1 < c->nt && (weq(c, e + 1, "a") || weq(c, e + 1, "an") || weq(c, e + 1, "the")));
		}
		if (c->tk[a].cue || win(c, a, pronouns) || win(c, a, advs) || weq(c, a, "and") || weq(c, a, "who"))
			return 0;
	}
	return 0;
}

/* A reporting verb's form that is never a noun: "The court said", "the court found" (but "court
 * filings", "a TV report"). */
static int finite_say(const ctx *c, int i)
{
	return weq(c, i, "said") || weq(c, i, "says") || weq(c, i, "told") || weq(c, i, "tells") || weq(c, i, "wrote") ||
	       weq(c, i, "writes") || weq(c, i, "found") || weq(c, i, "finds");
}

/* The cue flags of token i, or 0 when it is no cue here: computed once per token by
 * find_cues, after the marks are paired (cue_of reads that). */
/* Token i is the "said" of a discourse marker that reports nothing: "Having said that, ...",
 * "That said, ...", "With that said, ...", "That being said, ...". */
static int said_marker(const ctx *c, int i)
{
	if (!weq(c, i, "said"))
		return 0;
	if (weq(c, i + 1, "that") && pch(c, i + 2, ',') && weq(c, i - 1, "having"))
		return 1;
	int p = weq(c, i - 1, "being") ? i - 2 : i - 1;
	return p >= 0 && weq(c, p, "that") && pch(c, i + 1, ',') &&
	       (p == 0 || c->tk[p - 1].sent != c->tk[p].sent || weq(c, p - 1, "with") || pch(c, p - 1, '('));
}

static int cue_here(const ctx *c, int i)
{
	if (i < 0 || (size_t)i >= c->nt || c->tk[i].k != T_WORD || c->tk[i].q || c->tk[i].inm || !c->tk[i].cue)
		return 0;
	if (i > 0 && pch(c, i - 1, '/'))
		return 0;   /* a name's part: "the Harbour/Rail survey" */
	/* a noun, not a verb: "the state", "a report"; or part of a name: "Secretary of State" */
	if (i > 0 && c->tk[i - 1].k == T_WORD && (win(c, i - 1, dets) || weq(c, i - 1, "of") || weq(c, i - 1, "every") ||
						 (possessive_at(c, c->tk[i - 1].e) && !pronoun_is(c, i - 1)) || weq(c, i - 1, "latest") ||
						 weq(c, i - 1, "recent") || weq(c, i - 1, "simple") || weq(c, i - 1, "new") ||
						 ((weq(c, i - 1, "face") || weq(c, i - 1, "court") || weq(c, i - 1, "tv")) && !finite_say(c, i)) ||
						 weq(c, i - 1, "each") || weq(c, i - 1, "swing") ||
						 weq(c, i - 1, "without") ||   /* "it goes without saying" */
						 /* a modifier after a number: "271 pledged delegates" */
						 (c->t[c->tk[i - 1].s] >= '0' && c->t[c->tk[i - 1].s] <= '9' && c->tk[i + 1].k == T_WORD &&
						  !c->tk[i + 1].cap && !win(c, i + 1, dets) && !weq(c, i + 1, "that") && !(win(c, i + 1, pronouns) && !(c->tk[i].cue & CUE_ING))) ||
						 (c->tk[i].cap && c->tk[i - 1].cap && c->tk[i - 1].sent == c->tk[i].sent &&
						  !ends_name(c, i - 1) && !((c->tk[i].cue & CUE_SAY) && title_case_para(c, i)))))
		return 0;
	/* a capital inside running text is a name's or a title's word ("his blog Save, Spend,
	 * Repeat"), not a verb; headlines and sentence starts keep theirs */
	if (c->tk[i].cap && i > 0 && c->tk[i - 1].sent == c->tk[i].sent && c->tk[i - 1].para == c->tk[i].para &&
	    !c->tk[i - 1].q && c->tk[i - 1].k != T_MARK && !pch(c, i - 1, ':') && !pch(c, i - 1, '(') &&
	    !pch(c, i - 1, '-') && !title_case_para(c, i))
		return 0;
	if (said_marker(c, i))
		return 0;
	/* an adjective before a title: "state Sen. Ann Roe", "state Del. Ann Roe" */
	if (!c->tk[i].cap && (size_t)i + 1 < c->nt && c->tk[i + 1].cap && c->tk[i + 1].k == T_WORD &&
	    c->tk[i + 1].sent == c->tk[i].sent && weq(c, i, "state"))
		return 0;
	if (np_object_sense(c, i) || naming_called(c, i))
		return 0;
	return c->tk[i].cue & ~(CUE_NO_OBJ | CUE_ADDR);
}

static inline int cue_of(const ctx *c, int i)
{
	return (size_t)i < c->nt ? c->tk[i].cf : 0;
}

static void find_cues(ctx *c)
{
	for (size_t k = 0; k < c->ncand; k++)   /* (every word with cue flags is a candidate) */
		if (c->tk[c->cand[k]].cue)
			c->tk[c->cand[k]].cf = (unsigned char)cue_here(c, c->cand[k]);
}

static inline int ends(const ctx *c, int i, const char *suf)
{
	size_t n = strlen(suf);
	return c->tk[i].e - c->tk[i].s > n && memcmp(c->t + c->tk[i].e - n, suf, n) == 0;
}

static inline int is_role(const ctx *c, int i)
{
	return (size_t)i < c->nt && (c->tk[i].wc & W_ROLE);
}



static int possessive_at(const ctx *c, size_t e)
{
	size_t w;
	/* the token itself may end in 's ("Ukraine's" is one word) */
	if (e >= 2 && c->t[e - 1] == 's' && (c->t[e - 2] == '\'' || (e >= 4 && (unsigned char)c->t[e - 2] == 0x99 &&
	    (unsigned char)c->t[e - 3] == 0x80 && (unsigned char)c->t[e - 4] == 0xE2)))
		return 1;
	if (e < c->len && is_apos(c->t, e, c->len, &w)) {
		if (e + w >= c->len || !is_alnum_byte((unsigned char)c->t[e + w])) return 1;
		if (c->t[e + w] == 's' && (e + w + 1 >= c->len || !is_alnum_byte((unsigned char)c->t[e + w + 1]))) return 1;
	}
	return 0;
}

static int ment_type(const ctx *c, int m) { return c->ents->m[m].type; }

/* Token i is a lower-case word of letters (and hyphens), not a gerund: "head", "librarian". */
static int plain_word(const ctx *c, int i)
{
	for (size_t p = c->tk[i].s; p < c->tk[i].e; p++)
		if (!((c->t[p] >= 'a' && c->t[p] <= 'z') || c->t[p] == '-')) return 0;
	return !ends(c, i, "ing");
}

/* Word i is an -ing modifier before a plain noun of the same phrase: "the gambling tycoon",
 * "a shipping magnate" (not the -ing word right before the verb: "the people marching said"). */
static int ing_modifier(const ctx *c, int i)
{
	if (!ends(c, i, "ing") || (size_t)i + 2 >= c->nt || !plain_word(c, i + 1) || c->tk[i + 1].cue)
		return 0;
	for (size_t p = c->tk[i].s; p < c->tk[i].e; p++)
		if (!((c->t[p] >= 'a' && c->t[p] <= 'z') || c->t[p] == '-')) return 0;
	return 1;
}

/* Token i can open a subject: after punctuation, a quote mark, at a sentence start or after a
 * conjunction - not after a preposition or a verb ("marching past the depot chanted"). */
static int subject_start(const ctx *c, int i)
{
	if (i == 0 || c->tk[i - 1].k != T_WORD || c->tk[i - 1].sent != c->tk[i].sent || c->tk[i - 1].para != c->tk[i].para)
		return 1;
	return weq(c, i - 1, "that") || weq(c, i - 1, "and") || weq(c, i - 1, "but") || weq(c, i - 1, "as") ||
	       weq(c, i - 1, "when") || weq(c, i - 1, "while") || weq(c, i - 1, "because") || weq(c, i - 1, "so");
}

/* Word i opens no speaker phrase (np_fwd's every path needs a mention, a capital, or a pronoun,
 * determiner, title, particle or role word at i): most words, tested before the parse. */
static inline int np_dead(const ctx *c, int i)
{
	return c->tk[i].ment < 0 && !c->tk[i].cap &&
	       !(c->tk[i].wc & (1u << WL_pronouns | 1u << WL_dets | 1u << WL_titles | 1u << WL_particles | W_ROLE));
}

/* A speaker phrase starting at token i, parsed forward; 0 when there is none. */
static int np_fwd(const ctx *c, int i, int lim, np *o)
{
	const tok *tk = c->tk;
	if (i < 0 || i >= lim || tk[i].q || tk[i].k != T_WORD || np_dead(c, i))
		return 0;
	/* an occupation before a name: "the engineer Mia Lund", "the economist Ann Ray" */
	if (weq(c, i, "the") && i + 2 < lim && tk[i + 1].k == T_WORD && !tk[i + 1].cap && !tk[i + 1].q &&
	    !tk[i + 1].wc && !tk[i + 1].cue && tk[i + 2].ment >= 0 && ment_type(c, tk[i + 2].ment) == NF_PER &&
	    !possessive_at(c, c->ents->m[tk[i + 2].ment].end)) {
		int m = tk[i + 2].ment, b = i + 2;
		while (b + 1 < lim && tk[b].e < c->ents->m[m].end) b++;
		*o = (np){ NP_ENT, i, b, m };
		return 1;
	}
	/* an entity, possibly after title words ("German Chancellor Olaf Scholz") */
	for (int j = i; j < lim && j < i + 7 && tk[j].k == T_WORD && !tk[j].q; j++) {
		int m = tk[j].ment;
		if (m < 0 && win(c, j, stopcap) && !(j == i && weq(c, j, "the") && (win(c, j + 1, titles) || tk[j + 1].ment >= 0)))
			break;
		if (m >= 0) {
			int t = ment_type(c, m);
			if (t == NF_LOC)
				break;
			int b = j;
			while (b + 1 < lim && tk[b].e < c->ents->m[m].end) b++;
			if (possessive_at(c, c->ents->m[m].end)) {
				/* "Ukraine's Ministry of Foreign Affairs": the possessor is not the speaker */
				if (tk[b + 1 < lim ? b + 1 : b].ment >= 0 && b + 1 < lim) { j = b; continue; }
				if (j == i && (t == NF_GPE || t == NF_ORG || t == NF_NORP) && is_role(c, b + 1)) break;
				break;
			}
			{
				/* a modifier of a person's title: "Air Force general Lloyd Newton",
				 * "Clinton campaign spokesman Brian Fallon" */
				int k = b + 1, found = -1, role = 0;
				while (k < lim && k <= b + 4 && tk[k].k == T_WORD && !tk[k].q) {
					if (tk[k].ment >= 0 && ment_type(c, tk[k].ment) == NF_PER) { found = k; break; }
					if (cue_of(c, k) || win(c, k, stopcap) || win(c, k, advs)) break;
					if (is_role(c, k) || win(c, k, titles)) role = 1;
					k++;
				}
				if (found >= 0 && (role || t != NF_PER)) { j = found - 1; continue; }
			}
			if ((t == NF_GPE || t == NF_NORP || t == NF_ORG) && b + 1 < lim && tk[b + 1].k == T_WORD && !tk[b + 1].q &&
			    ((is_role(c, b + 1) && !(t == NF_ORG && cue_of(c, b + 1))) || (t != NF_ORG && tk[b + 1].ment < 0 && j + 1 < lim)))
				break;   /* "Pentagon spokesperson", "British officials", "White House officials": a role */
			if (t == NF_PER && (weq(c, b + 1, "of") || weq(c, b + 1, "at")) && b + 2 < lim) {
				int k = b + 2 + weq(c, b + 2, "the"), e = -1;
				while (k < lim && k < b + 8 && tk[k].k == T_WORD && tk[k].cap && !tk[k].q)
					e = k++;
				if (e >= 0) b = e;
			}
			*o = (np){ NP_ENT, i, b, m };
			return 1;
		}
		if (!tk[j].cap && !win(c, j, titles) && !win(c, j, particles) && !(j == i && weq(c, j, "the")))
			break;
	}
	if (win(c, i, pronouns)) {
		*o = (np){ NP_PRON, i, i, -1 };
		return 1;
	}
	/* a role: [det] words... role-noun [for|of|at [the] Name...] */
	/* (a quantifier that opens a sentence is a determiner too: "Most owners said") */
	int j = i, det = win(c, i, dets) || (tk[i].cap && (weq(c, i, "most") || weq(c, i, "many") || weq(c, i, "some") ||
							     weq(c, i, "several") || weq(c, i, "few") || weq(c, i, "both")));
	if (det) j++;
	if (det && ((cue_of(c, j + 1) | cue_of(c, j + 2) | cue_of(c, j + 3)) & CUE_SPEECH)) {   /* (the cue first) */
		/* a person noun the role list lacks, right before its speech cue: "the librarian
		 * said", "the head librarian said" (the list decides resolution, not the tag) */
		int k = j;
		while (k < lim && k < j + 3 && tk[k].k == T_WORD && !tk[k].q && !tk[k].cap && tk[k].ment < 0 && !tk[k].inm &&
		       !cue_of(c, k) && (!tk[k].wc || is_role(c, k) || win(c, k, titles)) &&
		       (plain_word(c, k) || (k == j && ing_modifier(c, k))))
			k++;
		/* (a verb form: "a news report published", "a fundraising call" are no tags) */
		if (k > j && k <= lim && (size_t)k < c->nt && (cue_of(c, k) & CUE_SPEECH) && !(cue_of(c, k) & CUE_ING) &&
		    ((ends(c, k, "d") && !weq(c, k, "called")) || weq(c, k, "says") || weq(c, k, "tells") || weq(c, k, "writes") || weq(c, k, "adds") ||
		     weq(c, k, "wrote") || weq(c, k, "spoke")) &&
		    subject_start(c, i)) {
			*o = (np){ NP_ROLE, i, k - 1, -1 };
			return 1;
		}
	}
	int head = -1;
	for (int k = j; k < lim && k < j + 6 && tk[k].k == T_WORD && !tk[k].q; k++) {
		if (is_role(c, k)) head = k;
		else if (head >= 0) break;
		if (k > j && cue_of(c, k) && !is_role(c, k)) break;
		if (win(c, k, stopcap) && k > j) break;
	}
	if (head >= 0 && !(!det && win(c, i, stopcap)) && (det || tk[i].cap || (head == i && c->t[tk[i].e - 1] == 's'))) {
		int b = head;
		if ((weq(c, b + 1, "for") || weq(c, b + 1, "of") || weq(c, b + 1, "at") || weq(c, b + 1, "in") ||
		     weq(c, b + 1, "from") || weq(c, b + 1, "with")) && b + 2 < lim) {
			int k = b + 2;
			if (weq(c, k, "the")) k++;
			int e2 = -1;
			while (k < lim && k < b + 8 && tk[k].k == T_WORD && !tk[k].q && (tk[k].cap || weq(c, k, "of") || weq(c, k, "for") || tk[k].ment >= 0 || is_role(c, k) || (k == b + 2 || k == b + 3))) {
				if (cue_of(c, k)) break;
				e2 = k++;
			}
			if (e2 >= 0) b = e2;
		}
		/* a name right after the role is the speaker: "spokesperson John Kirby" */
		if (b + 1 < lim && tk[b + 1].ment >= 0 && ment_type(c, tk[b + 1].ment) == NF_PER) {
			int m = tk[b + 1].ment, e = b + 1;
			while (e + 1 < lim && tk[e].e < c->ents->m[m].end) e++;
			*o = (np){ NP_ENT, i, e, m };
			return 1;
		}
		/* a title, then a name the entities did not find: "German Chancellor Olaf Scholz" */
		if (b == head && b + 1 < lim && tk[b + 1].k == T_WORD && tk[b + 1].cap && !tk[b + 1].q && !win(c, b + 1, stopcap) &&
		    !is_role(c, b + 1) && !cue_of(c, b + 1)) {
			int e = b + 1;
			while (e + 1 < lim && e < b + 3 && tk[e + 1].k == T_WORD && tk[e + 1].cap && !tk[e + 1].q && !win(c, e + 1, stopcap))
				e++;
			*o = (np){ NP_NAME, i, e, -1 };
			return 1;
		}
		*o = (np){ NP_ROLE, i, b, -1 };
		return 1;
	}
	/* a capitalised name the entities did not find ("The S.E.C." too) */
	int the = weq(c, i, "the") && i + 1 < lim && tk[i + 1].k == T_WORD && tk[i + 1].cap && !tk[i + 1].q &&
		  !win(c, i + 1, stopcap) && !cue_of(c, i + 1);
	if ((tk[i].cap && !win(c, i, stopcap)) || the) {
		int b = i + the;
		while (b + 1 < lim && b < i + 3 && tk[b + 1].k == T_WORD && tk[b + 1].cap && !tk[b + 1].q && !win(c, b + 1, stopcap))
			b++;
		if (possessive_at(c, tk[b].e) || cue_of(c, i))
			return 0;
		/* one capitalised word at a sentence start is no name unless it looks like one */
		if (b == i && (i == 0 || tk[i - 1].sent != tk[i].sent || tk[i - 1].para != tk[i].para)) {
			size_t n = tk[i].e - tk[i].s;
			const char *w = c->t + tk[i].s;
			if ((n > 3 && memcmp(w + n - 3, "ing", 3) == 0) || (n > 2 && memcmp(w + n - 2, "ly", 2) == 0))
				return 0;
		}
		*o = (np){ NP_NAME, i, b, -1 };
		return 1;
	}
	return 0;
}

/* A speaker phrase ending at token j (the longest that parses), not before token lo. */
static int np_bwd(const ctx *c, int j, int lo, np *o)
{
	if (j < 0 || j < lo || c->tk[j].k != T_WORD || c->tk[j].q)
		return 0;
	/* a phrase is words (and what lies inside an entity's name): start no further back */
	int a0 = j;
	while (a0 - 1 >= lo && a0 - 1 >= j - 8 && (c->tk[a0 - 1].k == T_WORD || c->tk[a0 - 1].inm))
		a0--;
	for (int a = a0; a <= j; a++) {
		np t;
		if (np_dead(c, a) || !np_fwd(c, a, j + 1, &t))
			continue;   /* (the test first, without the call) */
		if (t.b == j) {
			if (t.kind == NP_NAME && a < j && !c->tk[a].cap && !weq(c, a, "the")) continue;
			*o = t;
			return 1;
		}
	}
	return 0;
}

static int skip_adv_fwd(const ctx *c, int i, int lim)
{
	for (int n = 0; n < 3 && i < lim; n++) {
		if (win(c, i, advs) || (c->tk[i].k == T_WORD && wlen(c, i) > 4 && c->t[c->tk[i].e - 1] == 'y' && c->t[c->tk[i].e - 2] == 'l' && !cue_of(c, i)))
			i++;
		else
			break;
	}
	return i;
}

static int skip_adv_bwd(const ctx *c, int i, int lo)
{
	for (int n = 0; n < 3 && i > lo; n++) {
		if (win(c, i, advs) || (c->tk[i].k == T_WORD && wlen(c, i) > 4 && c->t[c->tk[i].e - 1] == 'y' && c->t[c->tk[i].e - 2] == 'l' && !cue_of(c, i)))
			i--;
		else
			break;
	}
	return i;
}

/* End (exclusive) of the paragraph that holds token i, stopping at other quotes. */
static int para_lim(const ctx *c, int i)
{
	if ((size_t)i >= c->nt || c->tk[i].q)
		return i;
	int hi = c->pfirst[c->tk[i].para + 1];   /* (a paragraph's tokens are contiguous) */
	/* the next quote's first token: the quotes' tokens (q) are their marks and what lies
	 * between, and the quotes are in text order, apart */
	size_t lo = 0, up = c->nrq;
	while (lo < up) {
		size_t mid = (lo + up) / 2;
		if (c->rq[mid].open < i) lo = mid + 1; else up = mid;
	}
	int nq = lo < c->nrq ? c->rq[lo].open : (int)c->nt;
	return nq < hi ? nq : hi;
}

/* First token of the sentence of token i (quotes included). */
static int sent_start(const ctx *c, int i)
{
	/* (sentences and paragraphs only go up from token to token) */
	if ((size_t)i >= c->nt)
		return i;   /* (the padding) */
	int s = c->sfirst[c->tk[i].sent], p = c->pfirst[c->tk[i].para];
	return s > p ? s : p;
}

static int sent_lo(const ctx *c, int i)
{
	int j = i;
	if ((size_t)i < c->nt) {   /* (a sentence's tokens are contiguous, from sent_start) */
		int lo = sent_start(c, i);
		while (j > lo && !c->tk[j - 1].q)
			j--;
		return j;
	}
	while (j > 0 && c->tk[j - 1].sent == c->tk[i].sent && c->tk[j - 1].para == c->tk[i].para && !c->tk[j - 1].q)
		j--;
	return j;
}

/* As sent_lo, but over titles and scare quotes already classified ("Johnson tells MSNBC's
 * "Morning Joe" on Friday that "..."): the clause goes on behind them, for SENT_LO_Q_MAX
 * tokens at most (news: 105 at most; a page's endless "sentence" of scare quotes would make
 * each quote walk back over all the others). */
enum { SENT_LO_Q_MAX = 400 };
static int sent_lo_q(const ctx *c, int i)
{
	int j = i;
	while (j > 0 && j > i - SENT_LO_Q_MAX && c->tk[j - 1].sent == c->tk[i].sent && c->tk[j - 1].para == c->tk[i].para &&
	       (!c->tk[j - 1].q || (c->qi && c->tk[j - 1].q - 1 < c->tk[i].q - 1 && c->qi[c->tk[j - 1].q - 1].scare == 1)))
		j--;
	return j;
}

/* A time phrase ending at token j ("this month", "on Monday", "last week"): its first token - 1. */
static int skip_time_bwd(const ctx *c, int j, int lo)
{

	for (int n = 0; n < 2 && j > lo; n++) {
		int u = 0;
		u = win(c, j, time_units);
		if (u && (weq(c, j - 1, "this") || weq(c, j - 1, "last") || weq(c, j - 1, "next") || weq(c, j - 1, "on") ||
			  weq(c, j - 1, "that") || weq(c, j - 1, "earlier")))
			j -= 2;
		else if (u && j - 1 >= lo && c->tk[j].cap)
			j -= 1;   /* "Smith Monday said" */
		else if (weq(c, j, "yesterday") || weq(c, j, "today") || weq(c, j, "tonight"))
			j -= 1;
		else
			break;
		j = skip_adv_bwd(c, j, lo);
	}
	return j;
}

/* A cue whose object is the one spoken to: "told", "asked", "informed", "assured". */
static int addressee_cue(const ctx *c, int k)
{
	/* (a cue word's answer was found when the word table was built) */
	return c->tk[k].cue ? (c->tk[k].cue & CUE_ADDR) != 0 : addressee_word(c->t + c->tk[k].s, c->tk[k].e - c->tk[k].s);
}

/* The comma at a sits in a list of one or two capitalised words a piece ("Ask, Tell, Forget")
 * that runs on to the comma at j, with a capitalised word before a: a title's, not an
 * appositive's, commas. */
static int title_list_at(const ctx *c, int a, int j, int lo)
{
	if (a - 1 < lo || c->tk[a - 1].k != T_WORD || !c->tk[a - 1].cap)
		return 0;
	int n = 0;
	for (int k = a + 1; k < j; k++) {
		if (pch(c, k, ',')) { if (n == 0) return 0; n = 0; continue; }
		if (c->tk[k].k != T_WORD || !c->tk[k].cap || c->tk[k].ment >= 0 || ++n > 2)
			return 0;
	}
	/* (the list's first item follows a lower-case word: "star of Ask") */
	int b = a - 1;
	for (int items = 0; items < 8; items++) {
		int w = 1;
		while (b > lo && c->tk[b - 1].k == T_WORD && c->tk[b - 1].cap && c->tk[b - 1].ment < 0 && w < 2) b--, w++;
		if (b - 2 > lo && pch(c, b - 1, ',') && c->tk[b - 2].k == T_WORD && c->tk[b - 2].cap && c->tk[b - 2].ment < 0)
			b -= 2;
		else
			break;
	}
	return n > 0 && b > lo && c->tk[b - 1].k == T_WORD && !c->tk[b - 1].cap && !c->tk[b].q;
}

static int contracted_subject(const ctx *c, int a);
static int modal_word(const ctx *c, int i, int neg);

/* Token w is "who" or "whose" (the length and first letter first: this runs for every cue). */
static inline int who_word(const ctx *c, int w)
{
	size_t n = c->tk[w].e - c->tk[w].s;
	return (n == 3 || n == 5) && (c->t[c->tk[w].s] | 32) == 'w' && (weq(c, w, "who") || weq(c, w, "whose"));
}

/* "An official who spoke on condition of anonymity said", "A person familiar with the talks who
 * was not authorised to speak publicly said", "Voters whose homes flooded say": a relative
 * clause with no comma between the subject and its verb k. Returns the "who" (or "whose"),
 * or -1; the clause holds no "that", no subject of its own and no auxiliary past its verb
 * ("who fear the West will ...": the West's verb), but "because they were not authorised" may
 * follow its verb. */
static int relative_before(const ctx *c, int lo, int k)
{
	if (ends(c, k, "ing"))
		return -1;
	{   /* (most cues have no "who" before them) */
		int w = k - 1;
		while (w > lo && w >= k - 20 && c->tk[w].k == T_WORD && !c->tk[w].q && !who_word(c, w)) w--;
		if (w <= lo || !who_word(c, w))
			return -1;
	}
	/* (what follows is the verb's clause, not a verb whose subject the "who" is: "a man who many
	 * believe betrayed ...", "who officials say is ..."; nor a noun's preposition after a form
	 * that may be a noun: "who mounted a populist challenge to ...", "reports against him") */
	if ((size_t)k + 1 < c->nt && c->tk[k + 1].k == T_WORD) {
		int v = k + 1;
		if ((ends(c, v, "ed") && !c->tk[v].cap) || weq(c, v, "is") || weq(c, v, "was") || weq(c, v, "are") ||
		    weq(c, v, "were") || weq(c, v, "has") || weq(c, v, "have") || weq(c, v, "had") || weq(c, v, "will") ||
		    weq(c, v, "would") || weq(c, v, "could"))
			return -1;
		if (!ends(c, k, "ed") && !weq(c, k, "say") && !weq(c, k, "says") && !weq(c, k, "said") && !weq(c, k, "told") &&
		    (win(c, v, clause_bad) || weq(c, v, "against") || weq(c, v, "toward") || weq(c, v, "towards")) &&
		    !(weq(c, v, "to") && !(cue_of(c, k) & CUE_SPEECH)))   /* ("wants to", "plans to") */
			return -1;
	}
	/* (the verb follows a word that can end the clause: not "in order", "to see", "it assails") */
	int p = skip_adv_bwd(c, k - 1, lo);
	if (p <= lo + 1 || c->tk[p].k != T_WORD || c->tk[p].q || win(c, p, clause_bad) || win(c, p, dets) ||
	    win(c, p, pronouns) || win(c, p, nsubj_bad) || weq(c, p, "whose") || contracted_subject(c, p))
		return -1;
	int pron = 0, aux = -1;   /* (aux: the last auxiliary: none past the verb group after "who") */
	for (int w = p; w > lo && w >= k - 20; w--) {
		if (c->tk[w].k != T_WORD || c->tk[w].q || weq(c, w, "that") || weq(c, w, "which"))
			return -1;
		if (win(c, w, pronouns) || contracted_subject(c, w)) pron = 1;
		else if (weq(c, w, "because") || weq(c, w, "since") || weq(c, w, "as")) pron = 0, aux = -1;
		if ((modal_word(c, w, 0) || (win(c, w, nsubj_verbs) && win(c, w, nsubj_bad) && !weq(c, w, "to"))) && aux < 0)
			aux = w;
		if (who_word(c, w)) {
			int v = w + 1;   /* (the verb group; after "whose", after its noun: "whose boats were") */
			if (weq(c, w, "whose"))
				while (v < w + 4 && v < p && !win(c, v, advs) && !modal_word(c, v, 0)) v++;
			return !pron && (aux < 0 || skip_adv_fwd(c, v, k) > aux) &&
			       c->tk[w - 1].k == T_WORD && !c->tk[w - 1].q && !cue_of(c, w - 1) &&
			       !win(c, w - 1, pronouns) && !win(c, w - 1, clause_bad) ? w : -1;
		}
	}
	return -1;
}

/* The subject of the relative clause's verb k ("An official who spoke ... said"): the noun
 * phrase before its "who", back to the clause's start. */
static int relative_subject(const ctx *c, int lo, int k, np *o)
{
	int w = relative_before(c, lo, k);
	if (w < 0)
		return 0;
	int s = w - 1;
	while (s - 1 >= lo && s > w - 10 && c->tk[s - 1].k == T_WORD && !c->tk[s - 1].q && !cue_of(c, s - 1) &&
	       !weq(c, s - 1, "that") && !weq(c, s - 1, "which") && !weq(c, s - 1, "who"))
		s--;
	if (s - 1 >= lo && c->tk[s - 1].k == T_WORD && !c->tk[s - 1].q && !cue_of(c, s - 1) && !weq(c, s - 1, "that"))
		return 0;   /* (a long phrase: no start found) */
	while (s < w - 1 && (weq(c, s, "and") || weq(c, s, "but") || weq(c, s, "so") || weq(c, s, "yet") ||
			     weq(c, s, "even") || weq(c, s, "only")))
		s++;
	if (win(c, s, nsubj_bad) || win(c, s, clause_bad))
		return 0;
	if (np_bwd(c, w - 1, lo, o) && o->a == s && o->kind != NP_PRON)
		return 1;
	*o = (np){ NP_SRC, s, w - 1, -1 };
	return 1;
}

/* Cue i sits in a relative clause of the subject of a later verb in its clause ("An official
 * who asked not to be named said ..."): that verb reports, the clause is its source's. */
static int in_relative(const ctx *c, int lo, int i, int hi)
{
	int w = i - 1;
	while (w > lo && w > i - 18 && c->tk[w].k == T_WORD && !c->tk[w].q && !who_word(c, w))
		w--;
	if (w <= lo || !who_word(c, w))
		return 0;
	for (int k = i + 1; k <= hi && k <= w + 20; k++) {
		if (c->tk[k].k != T_WORD || c->tk[k].q) return 0;
		np o;
		if ((cue_of(c, k) & (CUE_SPEECH | CUE_BELIEF)) && relative_before(c, lo, k) == w && relative_subject(c, lo, k, &o))
			return 1;
	}
	return 0;
}

/* The subject of the cue at token k: "Smith said", "Smith, the No. 2, said", "said Smith". */
static int subject_of(const ctx *c, int k, int lo, int lim, np *o)
{
	int j = skip_time_bwd(c, skip_adv_bwd(c, k - 1, lo), lo);
	if (j > lo + 1 && c->tk[j].k == T_WORD && !pronoun_is(c, j) && relative_subject(c, lo, k, o))
		return 1;
	/* "The mayor, who calls the tram "a waste," ...": the one "who" stands for (a verb's: not
	 * "X, who is convinced that ...", whose clause ends at its comma) */
	if (weq(c, j, "who") && cue_of(c, k) && j - 2 >= lo && pch(c, j - 1, ',') && np_bwd(c, j - 2, lo, o) &&
	    ((o->kind == NP_ENT && ment_type(c, o->ment) == NF_PER) || o->kind == NP_ROLE))
		return 1;
	if (j > lo && aux_not(c, j) && ends(c, k, "ing"))   /* "Trump isn't saying" */
		j = skip_adv_bwd(c, j - 1, lo);
	if (j >= lo && pronoun_is(c, j)) {   /* "She's hoping": a pronoun, not a name */
		*o = (np){ NP_PRON, j, j, -1 };
		return 1;
	}
	if (pch(c, j, ')')) {   /* "Sen. David Perdue (R-Ga.) said" */
		for (int a = j - 1; a > lo && a > j - 10; a--)
			if (pch(c, a, '(')) { j = skip_adv_bwd(c, a - 1, lo); break; }
	}
	if (weq(c, j, "to") && j - 1 > lo && c->tk[j - 1].k == T_WORD && !c->tk[j - 1].cap)
		j = skip_adv_bwd(c, j - 2, lo);   /* "continues to insist", "wants to say" */
	if (is_dash(c, j)) {   /* "Kall -- co-editor of a book -- said" */
		int d = j;
		while (d - 1 > lo && is_dash(c, d - 1)) d--;   /* ("--": two hyphens for a dash) */
		for (int a = d - 1; a > lo && a > d - 30; a--)
			if (is_dash(c, a)) {
				while (a - 1 > lo && is_dash(c, a - 1)) a--;
				if (np_bwd(c, a - 1, lo, o)) return 1;
				break;
			}
		if (d < j && np_bwd(c, d - 1, lo, o))   /* "The scholars -- Ann Roe and Al Poe -- agreed" */
			return 1;
	}
	/* (not the end of a name joined by a slash: "The Nordvik/Fjord survey") */
	if (j >= lo && np_bwd(c, j, lo, o) && !pch(c, o->a - 1, '/'))
		return 1;
	if (pch(c, j, ',')) {   /* appositive */
		for (int a = j - 1; a >= lo && a > j - 40; a--)
			if (pch(c, a, ',') && !c->tk[a].q) {   /* (not a comma inside a quote: 'who calls it "a relic,"') */
				/* (a list of title words inside it: "Lena Dahl, star of Ask, Tell, Forget, said") */
				if (title_list_at(c, a, j, lo))
					continue;
				/* "Ann Roe, who led the union for years, said": a relative clause about the
				 * speaker; "Al Poe, head of the Ferry Union, which runs the boats, said" */
				if (weq(c, a + 1, "who") || (weq(c, a + 1, "which") && a > lo)) {
					int a2 = a;
					if (weq(c, a + 1, "which"))
						for (a2 = a - 1; a2 >= lo && a2 > a - 16 && !pch(c, a2, ','); a2--) ;
					/* ("who" names a person: a capitalised name the entities missed too,
					 * "Scissors, who consults with officials, said") */
					if (a2 >= lo && pch(c, a2, ',') && np_bwd(c, a2 - 1, lo, o) &&
					    ((o->kind == NP_ENT && ment_type(c, o->ment) == NF_PER) || o->kind == NP_ROLE ||
					     (o->kind == NP_NAME && a2 == a && c->tk[o->a].cap)))
						return 1;
					break;
				}
				if (j - a >= 16) break;
				/* "A, and B, said": a clause, not an appositive */
				if (weq(c, a + 1, "and") || weq(c, a + 1, "but") || weq(c, a + 1, "which") || win(c, a + 1, conj))
					break;
				/* "one of the lawyers, Jane Roe, said": the name */
				if (np_bwd(c, j - 1, a + 1, o) && o->kind == NP_ENT && o->a == a + 1 && ment_type(c, o->ment) == NF_PER) {
					np t;
					if (np_bwd(c, a - 1, lo, &t)) o->a = t.a;
					return 1;
				}
				if (np_bwd(c, a - 1, lo, o))
					return 1;
				/* "Ann Roe, 21, a student from Oslo, said": an age before the appositive */
				if (a - 2 > lo && pch(c, a - 2, ',') && c->tk[a - 1].k == T_WORD && c->t[c->tk[a - 1].s] >= '1' &&
				    c->t[c->tk[a - 1].s] <= '9' && c->tk[a - 1].e - c->tk[a - 1].s <= 2 && np_bwd(c, a - 3, lo, o) &&
				    o->kind == NP_ENT && ment_type(c, o->ment) == NF_PER)
					return 1;
				break;
			}
	}
	/* inverted: "said Smith," / "said the minister:" - but what follows "told", "asked" is
	 * the one spoken to ("..., told the workers: ...") */
	if (!addressee_cue(c, k) && np_fwd(c, k + 1, lim, o) && o->kind != NP_PRON &&
	    (pch(c, o->b + 1, ',') || pch(c, o->b + 1, '.') || pch(c, o->b + 1, ':') || o->b + 1 >= lim ||
	     c->tk[o->b + 1].k == T_MARK))
		return 1;
	return 0;
}

/* The first person-like phrase of the clause [lo, k): the subject of a participle cue. */
static int clause_subject(const ctx *c, int lo, int k, np *o)
{
	for (int i = lo; i < k; i++) {
		np t;
		if (np_fwd(c, i, k, &t)) {
			if ((t.kind == NP_ENT && ment_type(c, t.ment) == NF_PER) || t.kind == NP_ROLE || t.kind == NP_PRON) {
				*o = t;
				return 1;
			}
			i = t.b;
		}
	}
	for (int i = lo; i < k; i++) {
		np t;
		if (np_fwd(c, i, k, &t)) {
			if (t.kind == NP_ENT || t.kind == NP_NAME) { *o = t; return 1; }
			i = t.b;
		}
	}
	return 0;
}

/* ---- slots ---- */

/* "Lynch said she recalled ...", "X said it would ...": a pronoun subject that opens the
 * clause of an earlier cue is inside what is reported; the speaker is that cue's subject.
 * Returns the cue that holds (k, or the earlier one) and updates sp. */
static int outer_speaker(const ctx *c, int k, int lo, np *sp)
{
	if (sp->kind != NP_PRON || sp->a >= k)
		return k;
	int p = sp->a - 1;
	if (weq(c, p, "that")) p--;
	p = skip_time_bwd(c, p, lo);
	if (p < lo || !(cue_of(c, p) & (CUE_SPEECH | CUE_BELIEF)))
		return k;
	np o;
	if (subject_of(c, p, lo, p, &o) && o.kind != NP_PRON && o.b < p) {
		*sp = o;
		return p;
	}
	return k;
}

/* how far the tag that ends a quote's sentence may be: tokens after the quote, and words after
 * its cue ("..., she said in a video message to the hall.") */
enum { TAG_END_WITHIN = 40, TAG_TAIL_WORDS = 9 };
/* Token i is a lower-case participle opening a clause after a tag (", adding ...", ", pointing to ..."). */
static int tail_ing(const ctx *c, int i)
{
	return (size_t)i < c->nt && c->tk[i].k == T_WORD && !c->tk[i].cap && !c->tk[i].q && ends(c, i, "ing") && wlen(c, i) > 4;
}

static int quote_in_aside(const ctx *c, int i, np *o);

static int slot_after(const ctx *c, qinfo *q)
{
	int i = q->close + 1;
	if ((size_t)i >= c->nt || c->tk[i].para != c->tk[q->close].para)
		return 0;
	if (pch(c, i, ',')) i++;
	else if (c->tk[q->close].s > 0) {
		/* a quote that ends its sentence takes a tag from the next one only if it began one */
		size_t ce = c->fr[q->fs + q->nf - 1].end;
		char l = ce ? c->t[ce - 1] : 0;
		int lo = sent_lo(c, q->open);
		int starts = lo == q->open || (q->open > 0 && c->tk[q->open - 1].para != c->tk[q->open].para);
		if ((l == '.' || l == '?' || l == '!') && !starts && !is_dash(c, i))
			return 0;
	}
	int lim = para_lim(c, i);
	if (i >= lim) return 0;
	np sp;
	int d1 = i;
	while (d1 < lim && d1 < i + 3 && is_dash(c, d1)) d1++;   /* ("-- Name": two hyphens for a dash) */
	if (d1 > i && np_fwd(c, d1, lim, &sp) && sp.kind != NP_PRON) {
		q->sp = sp; q->cue = -2; q->tagend = sp.b; q->how = 'A';
		return 1;
	}
	/* "“...,” according to Anna Berg." */
	if (weq(c, i, "according") && weq(c, i + 1, "to") && np_fwd(c, i + 2, lim, &sp) && sp.kind != NP_PRON &&
	    (sp.b + 1 >= lim || c->tk[sp.b + 1].k != T_WORD)) {
		q->sp = sp; q->cue = -3; q->tagend = sp.b; q->how = 'A';
		return 1;
	}
	int k = skip_adv_fwd(c, i, lim);
	if (cue_of(c, k) & CUE_SPEECH) {
		/* "said Smith", "said panel Chairman Rep. Jason Chaffetz", "said 9/11 widow Terry Strada" */
		for (int a = k + 1; a < lim && a <= k + 5; a++) {
			if (a <= k + 3 && c->tk[a].k != T_WORD && c->tk[a].e - c->tk[a].s == 1 && c->t[c->tk[a].s] == '/' &&
			    a > k + 1 && c->tk[a - 1].k == T_WORD && c->t[c->tk[a - 1].s] >= '0' && c->t[c->tk[a - 1].s] <= '9')
				continue;
			if (np_fwd(c, a, lim, &sp) && (a == k + 1 || sp.kind == NP_ENT || sp.kind == NP_NAME)) {
				/* (a pronoun followed by its verb is the subject of what was said: 'X, who calls
				 * it "a relic," said it should go' - the speaker is X; "it" is none) */
				if (sp.kind == NP_PRON && sp.b + 1 < lim && c->tk[sp.b + 1].k == T_WORD) {
					np t;
					if (quote_in_aside(c, k, &t)) sp = t;
					else if (weq(c, sp.a, "it")) break;
				}
				if (a > k + 1) sp.a = k + 1;
				q->sp = sp; q->cue = k; q->tagend = sp.b > k ? sp.b : k; q->how = 'A';
				goto tag;
			}
			if (c->tk[a].k != T_WORD || c->tk[a].cap || win(c, a, stopcap) || win(c, a, advs) || cue_of(c, a))
				break;
		}
	}
	if (np_fwd(c, i, lim, &sp)) {
		int j = sp.b + 1;
		if (pch(c, j, '(')) {   /* "Rep. Gwen Moore (D-Wis.) said" */
			for (int a = j + 1; a < lim && a < j + 10; a++)
				if (pch(c, a, ')')) { j = a + 1; break; }
		}
		/* appositives: "Scott Pruitt, the attorney general of Oklahoma, one of the states
		 * suing, said" */
		for (int n = 0; n < 2 && pch(c, j, ','); n++) {
			int a = j + 1;
			while (a < lim && a < j + 16 && !pch(c, a, ',') && !is_dash(c, a))
				a++;
			if (a == j + 16) {
				/* a long appositive ends at a comma before the cue ("X, director of the
				 * ... Center and a professor at ..., said"), in the sentence */
				while (a < lim && a < j + 40 && !pch(c, a, ',') && !is_dash(c, a) && c->tk[a].sent == c->tk[j].sent)
					a++;
				if (!(a < lim && pch(c, a, ',') && (cue_of(c, skip_adv_fwd(c, a + 1, lim)) & CUE_SPEECH)))
					a = j + 16;
			}
			if (a < lim && is_dash(c, a)) {   /* "X, the chief of Y -- the company that ... -- said" */
				j = a;
				break;
			}
			if (a >= lim || !pch(c, a, ','))
				break;
			{   /* "the deputy director, Eva-Marie Persson, said": the name is the speaker */
				np t;
				if (n == 0 && sp.kind == NP_ROLE && np_fwd(c, j + 1, a, &t) && t.kind == NP_ENT && t.b == a - 1 &&
				    ment_type(c, t.ment) == NF_PER)
					sp.kind = NP_ENT, sp.ment = t.ment, sp.b = a - 1;
			}
			j = a + 1;
			if ((cue_of(c, skip_adv_fwd(c, j, lim)) & CUE_SPEECH) || n == 1)
				break;
			j = a;   /* a second appositive may follow */
		}
		if (pch(c, j, ',') && j > sp.b + 1)
			j++;
		if (is_dash(c, j)) {   /* "X -- the company that owns Y -- said" */
			int a = j;
			while (a < lim && is_dash(c, a)) a++;
			for (int z = a; z < lim && z < j + 30; z++)
				if (is_dash(c, z)) {
					while (z < lim && is_dash(c, z)) z++;
					j = z + pch(c, z, ',');
					break;
				}
		}
		j = skip_adv_fwd(c, j, lim);
		if ((cue_of(c, j) & CUE_SPEECH) && !(sp.kind == NP_ROLE && !is_role(c, sp.b) && !win(c, sp.b, titles) &&
						     pch(c, q->close - 1, '.') && j + 1 < lim && c->tk[j + 1].k == T_WORD)) {
			/* (a noun the role list lacks after a sentence: "“...” The port authority said it
			 * would ..." opens a sentence of its own) */
			q->sp = sp; q->cue = j; q->tagend = j; q->how = 'A';
			goto tag;
		}
	}
	/* the tag ends the sentence the quote is part of: "... of the plan, Mr. X said." */
	for (int j = i; j < lim && j < i + TAG_END_WITHIN; j++) {
		if (pch(c, j, '.') || pch(c, j, '?') || pch(c, j, '!') || pch(c, j, ';')) break;
		if (!pch(c, j, ',')) continue;
		int k2 = j + 1;
		if (np_fwd(c, k2, lim, &sp)) {
			int e = skip_adv_fwd(c, sp.b + 1, lim);
			if ((cue_of(c, e) & CUE_SPEECH) && (e + 1 >= lim || pch(c, e + 1, '.') || c->tk[e + 1].k == T_WORD ||
							    (pch(c, e + 1, ',') && tail_ing(c, e + 2)))) {
				int z = e + 1;
				while (z < lim && z < e + TAG_TAIL_WORDS && c->tk[z].k == T_WORD) z++;
				/* (or a participle after the tag: "..., she said, pointing at the chart.") */
				if (z >= lim || pch(c, z, '.') || (z == e + 1 && pch(c, z, ',') && tail_ing(c, z + 1))) {
					q->sp = sp; q->cue = e; q->tagend = e; q->how = 'T';
					return 1;
				}
			}
		}
		/* ("..., said Ann Roe, the head of the union.": an appositive may follow the name) */
		if ((cue_of(c, k2) & CUE_SPEECH) && np_fwd(c, k2 + 1, lim, &sp) &&
		    (sp.b + 1 >= lim || pch(c, sp.b + 1, '.') || (pch(c, sp.b + 1, ',') && sp.kind != NP_PRON))) {
			q->sp = sp; q->cue = k2; q->tagend = sp.b; q->how = 'T';
			return 1;
		}
	}
	return 0;
tag:
	/* the tag runs to the end of its clause */
	for (int j = q->tagend + 1; j < lim; j++) {
		q->tagend = j - 1;
		if (pch(c, j, '.') || pch(c, j, ',') || pch(c, j, ':') || pch(c, j, ';') || pch(c, j, '?') || pch(c, j, '!'))
			break;
		q->tagend = j;
	}
	return 1;
}

static int nominal_subject(const ctx *c, int lo, int k, np *o);

static int has_person(const ctx *c, int a, int b)
{
	for (int i = a; i <= b; i++)
		if (c->tk[i].ment >= 0 && ment_type(c, c->tk[i].ment) == NF_PER)
			return 1;
	return 0;
}

/* "one user on Weibo posted:", "a salesman from Sumter says": a place or an organisation
 * found after a preposition is the object of the subject's ("one user on"); the speaker is the
 * whole phrase from its determiner. */
static void prep_head(const ctx *c, int lo, np *sp)
{
	if (sp->kind != NP_ENT || ment_type(c, sp->ment) == NF_PER) return;   /* (a place, a site, a firm) */
	int p = sp->a - 1;
	if (p - 1 < lo || !(weq(c, p, "on") || weq(c, p, "at") || weq(c, p, "from") || weq(c, p, "in") || weq(c, p, "with")))
		return;
	int a = p - 1;
	if (c->tk[a].k != T_WORD || c->tk[a].cap || c->tk[a].q || cue_of(c, a) || win(c, a, stopcap) || win(c, a, pronouns))
		return;
	while (a - 1 >= lo && a > p - 4 && c->tk[a - 1].k == T_WORD && !c->tk[a - 1].q && !c->tk[a - 1].cap &&
	       !cue_of(c, a - 1) && !weq(c, a - 1, "that") && !weq(c, a - 1, "and"))
		a--;
	if (a - 1 >= lo && !win(c, a, dets) && win(c, a - 1, dets) && !c->tk[a - 1].q)
		a--;   /* (at a sentence start: "A driver on Facebook") */
	if (!(win(c, a, dets) || weq(c, a, "some") || weq(c, a, "many") || weq(c, a, "several")) ||
	    !(a == lo || c->tk[a - 1].k != T_WORD || weq(c, a - 1, "and") || weq(c, a - 1, "but")))
		return;
	*sp = (np){ NP_SRC, a, sp->b, -1 };
}

static int slot_before(const ctx *c, qinfo *q)
{
	int o = q->open;
	int lo = sent_lo_q(c, o);
	/* "..., Schiff said. "The other factor ..."": the tag that ends the sentence before */
	if (lo == o && o >= 3 && pch(c, o - 1, '.') && c->tk[o - 1].para == c->tk[o].para && !c->tk[o - 1].q &&
	    (cue_of(c, o - 2) & CUE_SPEECH) && !(cue_of(c, o - 2) & CUE_ING)) {
		int k = o - 2, lo2 = sent_lo(c, k);
		np sp;
		if (k > lo2 + 2 && !pch(c, k - 1, ',') &&
		    np_bwd(c, skip_adv_bwd(c, k - 1, lo2), lo2, &sp) && sp.kind != NP_NAME && sp.a >= 2 && pch(c, sp.a - 1, ',') &&
		    !c->tk[sp.a - 2].q) {
			q->sp = sp; q->cue = k; q->how = 'P';
			return 1;
		}
	}
	/* the previous paragraph ends in a colon: "Smith said:" */
	if (lo == o && o > 0 && c->tk[o - 1].para != c->tk[o].para && pch(c, o - 1, ':') && !c->tk[o - 1].q)
		lo = sent_lo(c, o - 1);
	else if (lo == o && o > 0 && pch(c, o - 1, ':') && !c->tk[o - 1].q)
		lo = sent_lo(c, o - 1);
	if (lo >= o)
		return 0;
	int end = o - 1;
	if (c->tk[end].para != c->tk[o].para && !pch(c, end, ':')) return 0;
	np sp;
	/* according to X, "..." */
	if (pch(c, end, ',') && np_bwd(c, end - 1, lo, &sp) && weq(c, sp.a - 1, "to") && weq(c, sp.a - 2, "according")) {
		q->sp = sp; q->cue = -3; q->how = 'B';
		return 1;
	}
	for (int k = end; k >= lo && k > end - 30; k--) {
		int f = cue_of(c, k);
		if (!(f & CUE_SPEECH) || weq(c, k, "read") || weq(c, k, "see"))
			continue;
		if (k < end && c->tk[k + 1].k == T_WORD && weq(c, k + 1, "to") && !weq(c, k, "according"))
			continue;
		if (subject_of(c, k, lo, o, &sp) || ((f & CUE_ING) && clause_subject(c, lo, k, &sp)) ||
		    (!(f & CUE_ING) && nominal_subject(c, lo, k, &sp) && !has_person(c, sp.a, sp.b))) {
			/* ("Protesters marching through the streets chanted") */
			k = outer_speaker(c, k, lo, &sp);
			prep_head(c, lo, &sp);
			q->sp = sp; q->cue = k; q->how = 'B';
			return 1;
		}
	}
	/* "X made the following comment: "..."": the clause's subject */
	if (pch(c, end, ':') && clause_subject(c, lo, end, &sp) && sp.kind != NP_NAME) {
		q->sp = sp; q->cue = end; q->how = 'B';
		return 1;
	}
	/* a headline or a transcript: "Sanders: Clinton needs to ..." */
	if (np_fwd(c, lo, o, &sp) && pch(c, sp.b + 1, ':') && sp.kind != NP_PRON && sp.kind != NP_ROLE) {
		q->sp = sp; q->cue = sp.b + 1; q->how = 'B';
		return 1;
	}
	return 0;
}

/* Partial quotes: the nearest person in the sentence, else the subject of a cue before it
 * ("the agency claimed there were "thousands""). */
static int slot_sentence(const ctx *c, qinfo *q)
{
	int lo = sent_lo_q(c, q->open);
	int best = -1;
	for (int i = lo; i < q->open; i++) {
		int m = c->tk[i].ment;
		if (m >= 0 && ment_type(c, m) == NF_PER && !possessive_at(c, c->ents->m[m].end))
			best = i;
	}
	if (best >= 0) {
		np sp;
		if (np_fwd(c, best, q->open, &sp)) {
			q->sp = sp; q->cue = -1; q->how = 'S';
			for (int k = best; k < q->open; k++)
				if (cue_of(c, k) & CUE_SPEECH) { q->cue = k; break; }
			return 1;
		}
	}
	for (int k = q->open - 1; k >= lo && k > q->open - 25; k--)
		if (cue_of(c, k) & (CUE_SPEECH | CUE_BELIEF)) {
			np sp;
			if (subject_of(c, k, lo, k, &sp) && sp.kind != NP_NAME) {
				k = outer_speaker(c, k, lo, &sp);
				q->sp = sp; q->cue = k; q->how = 'S';
				return 1;
			}
			break;
		}
	return 0;
}

/* The "as" before the quote opening at o ("as "X"", "as a "X"", "as a mere "X""), or -1. */
static int as_before(const ctx *c, int o)
{
	int a = o - 1;
	if (win(c, a, dets)) a--;
	else if (a > 0 && c->tk[a].k == T_WORD && !c->tk[a].q && !c->tk[a].cap && win(c, a - 1, dets)) a -= 2;
	return a >= 1 && weq(c, a, "as") && !c->tk[a].q ? a : -1;
}

/* Token p, before such an "as", makes it a name or a kind, not what one called a thing:
 * "known as", "such as", "served as", "the job as". */
static int as_naming(const ctx *c, int p)
{
	static const char *const no[] = { "known", "such", "so", "same", "just", "well", "much", "long", "soon", "far",
		"register", "registers", "registered", "serve", "serves", "served", "serving", "disguised", "act",
		"acts", "acted", "acting", "work", "works", "worked", "working", "role", "job", "post", "time", "qualify",
		"qualifies", "qualified", "count", "counts", "counted", "rank", "ranks", "ranked", "double", "doubles",
		"doubled", "thing", NULL };
	for (int x = 0; no[x]; x++)
		if (weqs(c, p, no[x])) return 1;
	return 0;
}

/* Makes q a partial quote of speaker sp with the verb (or noun) cue as its cue; returns 1. */
static int verb_quote(qinfo *q, np sp, int cue)
{
	q->sp = sp;
	q->cue = cue;
	q->how = 'V';
	q->scare = q->title = 0;   /* (classify, run again, flags what still is one) */
	return 1;
}

/* "Trump openly admires Putin as a "strong leader,"", "Reid has been pounding Trump as a "con
 * artist"": a short quote in the clause of a sentence whose subject is a person, with no cue
 * word, is that person's phrase (the verb stands for the cue). */
static int subject_verb(const ctx *c, qinfo *q)
{
	const tok *tk = c->tk;
	int lo = sent_lo_q(c, q->open);
	if (lo != sent_start(c, q->open) || q->open - lo > 20)
		return 0;
	for (int i = lo; (size_t)i < c->nt && tk[i].sent == tk[q->open].sent && tk[i].para == tk[q->open].para; i++)
		if (!tk[i].q && ((cue_of(c, i) && i < q->open) || weq(c, i, "according")))
			return 0;   /* (a cue word before it, or "according to": the slots handle those) */
	np sp;
	/* after an opening phrase and its comma ("At one point, Ross coached Lee to "X"") */
	if ((weq(c, lo, "at") || weq(c, lo, "in") || weq(c, lo, "on") || weq(c, lo, "after") || weq(c, lo, "during") ||
	     weq(c, lo, "later") || weq(c, lo, "earlier") || weq(c, lo, "last") || weq(c, lo, "then") ||
	     weq(c, lo, "although") || weq(c, lo, "though") || weq(c, lo, "while") || weq(c, lo, "when")) &&
	    !tk[lo].q)
		for (int k = lo + 1; k < q->open - 2 && k < lo + 12; k++) {
			if (tk[k].q || pch(c, k, ';') || pch(c, k, ':')) break;
			if (pch(c, k, ',')) { lo = k + 1; break; }
		}
	if (!np_fwd(c, lo, q->open, &sp) || sp.a != lo)
		return 0;
	if (!((sp.kind == NP_ENT && ment_type(c, sp.ment) == NF_PER) || weq(c, sp.a, "he") || weq(c, sp.a, "she")))
		return 0;
	int v = skip_adv_fwd(c, sp.b + 1, q->open);
	while ((weq(c, v, "been") || weq(c, v, "being")) && v < q->open)   /* ("has been steadily pounding") */
		v = skip_adv_fwd(c, v + 1, q->open);
	if (v >= q->open - 1 || tk[v].k != T_WORD || tk[v].cap || tk[v].q || win(c, v, stopcap) || win(c, v, nsubj_bad) ||
	    win(c, v, clause_bad) || win(c, v, scare_words))
		return 0;
	for (int j = v + 1; j < q->open; j++)
		if (tk[j].q || pch(c, j, ';') || pch(c, j, ':') || pch(c, j, '.') || is_dash(c, j) || pch(c, j, '(') ||
		    weq(c, j, "who") || weq(c, j, "which") || weq(c, j, "that"))
			return 0;
	int p = q->open - 1;   /* ('dubbed "X"', 'so-called "X"'; not 'as a "X"') */
	if (win(c, p, scare_words) && !weq(c, p, "a") && !weq(c, p, "an") && !weq(c, p, "the") && !weq(c, p, "as"))
		return 0;
	if ((p = as_before(c, q->open)) > 0 && as_naming(c, p - 1))   /* ("served as "acting chair"") */
		return 0;
	return verb_quote(q, sp, v);
}

/* When token comma is a comma that closes an aside of at most n words after lo + 1 (", in
 * effect,"), the aside's opening comma; else -1. */
static int aside_open(const ctx *c, int comma, int lo, int n)
{
	if (!pch(c, comma, ','))
		return -1;
	for (int x = comma - 1; x > lo + 1 && x >= comma - n && c->tk[x].k == T_WORD && !c->tk[x].q; x--)
		if (pch(c, x - 1, ','))
			return x - 1;
	return -1;
}

/* "Ames has been hammering the plan as a "giveaway"", "Ortiz described the levy as "unfair"":
 * a short quote in an "as" phrase after a verb (and its object) is what the verb's subject
 * called the object; the verb stands for the cue. Not "known as", "such as", nor an "as"
 * that opens a clause ("As the "reform" slate ...", ", as the "outsider" candidate"). */
static int as_phrase(const ctx *c, qinfo *q)
{
	const tok *tk = c->tk;
	int o = q->open, a = as_before(c, o);
	if (a < 0)
		return 0;
	int lo = sent_lo_q(c, o), p = a - 1;
	int oc = aside_open(c, p, lo, 3);   /* ("portraying the staff, in effect, as "X"") */
	if (oc >= 0)
		p = oc - 1;
	if (p <= lo || tk[p].k != T_WORD || tk[p].q)
		return 0;
	if (as_naming(c, p))
		return 0;
	np ob, sp;
	int v = p;   /* the verb, before its object: "pounding Trump as", "presenting herself as" */
	if (weq(c, p, "him") || weq(c, p, "her") || weq(c, p, "them") || weq(c, p, "it") || weq(c, p, "himself") ||
	    weq(c, p, "herself") || weq(c, p, "themselves") || weq(c, p, "itself"))
		v = p - 1;
	else if (!cue_of(c, p) && !ends(c, p, "ed") && np_bwd(c, p, lo, &ob) && ob.a > lo)
		v = ob.a - 1;
	else if (!cue_of(c, p) && !ends(c, p, "ed")) {
		/* any other object: back to its determiner ("the newcomer", "the city's plan") */
		v = -1;
		for (int x = p - 1; x > lo && x >= p - 4 && tk[x].k == T_WORD && !tk[x].q && !cue_of(c, x); x--)
			if (win(c, x, dets) || possessive_at(c, tk[x].e)) { v = x - 1; break; }
		if (v < 0)
			return 0;   /* (a noun before "as": "dubbing candidates as") */
	}
	if (weq(c, v, "to") || weq(c, v, "after") || weq(c, v, "off") || weq(c, v, "on"))   /* ("referring to X as") */
		v--;
	if (v <= lo || tk[v].k != T_WORD || tk[v].q || tk[v].cap || win(c, v, stopcap) || win(c, v, clause_bad) ||
	    win(c, v, dets) || win(c, v, scare_words) || win(c, v, nsubj_verbs))
		return 0;
	int k = v, b = skip_adv_bwd(c, v - 1, lo);
	if (!ends(c, v, "ing") && (weq(c, b, "been") || weq(c, b, "being") || weq(c, b, "be") || weq(c, b, "is") ||
	    weq(c, b, "are") || weq(c, b, "was") || weq(c, b, "were") || weq(c, b, "get") || weq(c, b, "got")))
		return 0;   /* (a passive, "was refuted as "false"": its subject is no speaker) */
	if (weq(c, b, "been") || weq(c, b, "being"))   /* ("has been steadily hammering") */
		k = b;
	b = skip_adv_bwd(c, k - 1, lo);
	if ((oc = aside_open(c, b, lo, 4)) >= 0)   /* ("Berg (D-Ore.), in particular, has been ...") */
		k = oc;
	if (!subject_of(c, k, lo, k, &sp) || sp.b >= k ||
	    !((sp.kind == NP_ENT && (ment_type(c, sp.ment) == NF_PER || ment_type(c, sp.ment) == NF_ORG)) ||
	      sp.kind == NP_ROLE || (sp.kind == NP_PRON && !weq(c, sp.a, "it")))) {
		if (!ends(c, v, "ing") || tk[v].e - tk[v].s < 5 || v == p)
			return 0;
		sp = (np){ 0 };   /* ("referring to the mayor as "X"": a gerund, its doer unsaid) */
	}
	for (int i = q->close + 1; (size_t)i < c->nt && tk[i].sent == tk[o].sent && tk[i].para == tk[o].para; i++)
		if (!tk[i].q && weq(c, i, "according"))
			return 0;   /* (", according to X": X's words) */
	return verb_quote(q, sp, v);
}

/* "The workers, according to their union, walked out and called it "a last resort."": a
 * partial quote no slot took in a sentence that ", according to X," sources before it is X's,
 * and the whole sentence is what X said (how 'M'). */
static int according_mid(const ctx *c, qinfo *q)
{
	const tok *tk = c->tk;
	int lo = sent_lo_q(c, q->open);
	if (lo != sent_start(c, q->open))
		return 0;
	for (int k = lo + 2; k + 3 < q->open; k++) {
		if (tk[k].q)
			return 0;
		np sp;
		if (pch(c, k - 1, ',') && weq(c, k, "according") && weq(c, k + 1, "to") && np_fwd(c, k + 2, q->open, &sp) &&
		    sp.kind != NP_PRON && pch(c, sp.b + 1, ',') && sp.b + 2 < q->open) {
			q->sp = sp;
			q->cue = -3;
			q->how = 'M';
			return 1;
		}
	}
	return 0;
}

/* "as the Gazette put it in a profile, "the feared clerk."", "a "clean record," as a memo put
 * it": the words are the ones the subject of "as X put it" chose. */
static int put_it(const ctx *c, qinfo *q)
{
	const tok *tk = c->tk;
	int lo = sent_lo_q(c, q->open), o = q->open;
	int a = -1;
	for (int k = o - 2; k >= lo && k > o - 16; k--) {   /* before the quote: ", as X put it (in ...)," */
		if (tk[k].q || pch(c, k, ';') || pch(c, k, ':')) break;
		if (weq(c, k, "as")) {
			if (pch(c, k - 1, ',') || k == lo) a = k;   /* (", as X put it,": not "or as X puts it") */
			break;
		}
	}
	if (a < 0 && (size_t)q->close + 2 < c->nt) {   /* after it: ""...," as X put it" */
		int k = q->close + 1 + pch(c, q->close + 1, ',');
		if (weq(c, k, "as") && !tk[k].q && tk[k].para == tk[o].para) a = k;
	}
	if (a < 0)
		return 0;
	np sp;
	int lim = a < o ? o : (int)c->nt;
	if (!np_fwd(c, a + 1, lim, &sp) || sp.a != a + 1)
		return 0;
	int v = skip_adv_fwd(c, sp.b + 1, lim);
	if (!(weq(c, v, "put") || weq(c, v, "puts")) || !weq(c, v + 1, "it") || tk[v + 1].q)
		return 0;
	if (sp.kind == NP_PRON && weq(c, sp.a, "it"))
		return 0;
	for (int k = v + 2; a < o && k < o; k++)   /* (no other cue between: "..., where she promised "X"") */
		if (cue_of(c, k) || k > v + 9) return 0;
	return verb_quote(q, sp, v);
}

/* "Trump's claim that there were "thousands of shootings"": a partial quote in the clause of
 * a claim noun is its owner's (the noun as cue). */
static int noun_claim(const ctx *c, qinfo *q)
{
	static const char *const w[] = { "claim", "claims", "assertion", "statement", "promise", "pledge", "warning",
		"argument", "insistence", "accusation", "charge", "contention", "suggestion", "boast", "complaint",
		"remark", "prediction", "vow", NULL };
	int lo = sent_lo_q(c, q->open);
	for (int k = q->open - 1; k > lo && k > q->open - 15; k--) {
		if (c->tk[k].q || pch(c, k, ';') || pch(c, k, ':') || pch(c, k, '.'))
			return 0;
		if (!weq(c, k, "that"))
			continue;
		int n = k - 1, hit = 0;
		for (int x = 0; w[x] && !hit; x++)
			hit = weqs(c, n, w[x]);
		if (!hit)
			return 0;
		np sp;
		int p = n - 1;   /* the owner: "his claim", "Trump's claim" */
		if (p >= lo && (weq(c, p, "his") || weq(c, p, "her"))) {
			sp = (np){ NP_SRC, p, p, -1 };
		} else {
			int j = p;
			if (p < lo || !possessive_at(c, c->tk[p].e)) return 0;
			while (j > lo && j > p - 4 && c->tk[j].ment < 0) j--;
			if (c->tk[j].ment < 0 || ment_type(c, c->tk[j].ment) != NF_PER) return 0;
			sp = (np){ NP_ENT, j, p, c->tk[j].ment };
		}
		return verb_quote(q, sp, n);
	}
	return 0;
}

/* ---- resolution ---- */

static int lastw(const char *s, const char **w)
{
	size_t n = strlen(s);
	size_t i = n;
	while (i > 0 && s[i - 1] != ' ') i--;
	*w = s + i;
	return (int)(n - i);
}

static int ieq(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn) return 0;
	for (size_t i = 0; i < an; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
		if (x != y) return 0;
	}
	return 1;
}


/* A person cluster whose surname is (nearly) this word: "Pouslon" -> Troels Lund Poulsen. */
static int fuzzy_person(const ctx *c, const char *w, size_t n, int self)
{
	int best = -1, bd = 99;
	for (size_t k = 0; k < c->ents->nc; k++) {
		const nf_cluster *cl = &c->ents->c[k];
		if (cl->type != NF_PER || !cl->canonical || (int)k == self || !strchr(cl->canonical, ' '))
			continue;
		const char *lw;
		int ln = lastw(cl->canonical, &lw);
		int d;
		if (ieq(lw, (size_t)ln, w, n)) d = 0;
		else if (n >= 5 && (size_t)ln >= 5 && (lw[0] | 32) == (w[0] | 32)) d = nf_edit_distance(lw, (size_t)ln, w, n, 1);
		else continue;
		if (d <= 2 && d < bd) { bd = d; best = (int)k; }
	}
	return best;
}


/* The token holding byte pos, or -1. */
static int tok_at(const ctx *c, size_t pos)
{
	size_t lo = 0, hi = c->nt;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->tk[mid].e <= pos) lo = mid + 1; else hi = mid;
	}
	return lo < c->nt && c->tk[lo].s <= pos ? (int)lo : -1;
}

/* Byte pos is inside quotation marks. */
static int in_quote_pos(const ctx *c, size_t pos)
{
	int t = tok_at(c, pos);
	return t >= 0 && c->tk[t].q;
}

/* A speech cue between tokens a and b ("Trump [...] said [...] Putin"). */
static int has_cue_after(const ctx *c, int a, int b)
{
	for (int k = a + 1; k < b; k++)
		if (cue_of(c, k) & (CUE_SPEECH | CUE_BELIEF))
			return 1;
	return 0;
}

/* A pronoun's person: the most recent compatible person mentioned outside quotes. */
static int resolve_gender(const ctx *c, const np *sp, char g);

static int resolve_pronoun(const ctx *c, const np *sp, int last_cl)
{
	/* (without the "'s" of "She's hoping") */
	const char *w = c->t + c->tk[sp->a].s;
	size_t n = pronoun_stem(c, sp->a);
	if (!n) n = c->tk[sp->a].e - c->tk[sp->a].s;
	char g = ieq(w, n, "he", 2) ? 'm' : ieq(w, n, "she", 3) ? 'f' : ieq(w, n, "who", 3) ? '?' : 0;
	if (g == 'm' || g == 'f')
		return resolve_gender(c, sp, g);
	if (g == '?') {   /* "X, who said": the person just before */
		size_t pos = c->tk[sp->a].s;
		/* back over what qualifies the person: "Councillor Tomás Reyes of the Civic Alliance, who" */
		for (size_t i = c->ents->n; i-- > 0;) {
			const nf_mention *m = &c->ents->m[i];
			if (m->start >= pos || m->cluster < 0) continue;
			if (pos - m->end >= 80) break;
			if (m->type == NF_PER) return m->cluster;
		}
		return -1;
	}
	/* ("they": an organisation that was the last speaker; "it": nobody) */
	/* (not a place: "Hong Kong ... They know that ..." is about people) */
	if (weq(c, sp->a, "they") && last_cl >= 0 && c->ents->c[last_cl].type != NF_PER &&
	    c->ents->c[last_cl].type != NF_GPE && c->ents->c[last_cl].type != NF_LOC)
		return last_cl;
	return -1;
}

/* The first mention (of mentions in text order) that starts at or after pos. */
static size_t ment_from(const ctx *c, size_t pos)
{
	size_t lo = 0, hi = c->ents->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->ents->m[mid].start < pos) lo = mid + 1; else hi = mid;
	}
	return lo;
}

/* With the mentions in text order, resolve_gender goes straight to its person: c->pg[2i + f]
 * is the last mention up to i that is a person outside quotation marks who may be a man (f =
 * 0) or a woman (f = 1), or -1; filled as far as asked (done), the token of each mention
 * found by a walk that goes on from the last one (t). Without it a "he" with no man before
 * walked back over every mention, and every mention after it. */
struct gendcur { size_t done, t; int lm, lf; };

static void gender_fill(const ctx *c, size_t ub)
{
	struct gendcur *r = c->gc;
	const tok *tk = c->tk;
	for (; r->done < ub; r->done++) {
		const nf_mention *m = &c->ents->m[r->done];
		if (m->type == NF_PER && m->cluster >= 0) {
			size_t st = m->start, t = r->t;   /* (the token at st, as in_quote_pos finds it) */
			while (t + 8 < c->nt && tk[t + 8].e <= st) t += 8;
			while (t < c->nt && tk[t].e <= st) t++;
			r->t = t;
			if (!(t < c->nt && tk[t].s <= st && tk[t].q)) {
				char cg = c->ents->c[m->cluster].gender;
				if (!cg || cg == 'm') r->lm = (int)r->done;
				if (!cg || cg == 'f') r->lf = (int)r->done;
			}
		}
		c->pg[2 * r->done] = r->lm;
		c->pg[2 * r->done + 1] = r->lf;
	}
}

static int person_of_gender(const ctx *c, const nf_mention *m, char g)
{
	if (m->type != NF_PER || m->cluster < 0) return 0;
	if (in_quote_pos(c, m->start)) return 0;
	char cg = c->ents->c[m->cluster].gender;
	return !(cg && cg != g);
}

/* Mention i sits in ", who ... ," after a person of gender g whose speech cue follows the
 * clause ("Roe, who represents Poe, said"): that person's cluster, else -1. */
static int rel_clause_head(const ctx *c, size_t i, char g)
{
	const nf_mention *m = &c->ents->m[i];
	int t = tok_at(c, m->start);
	if (t < 2 || !c->msorted) return -1;
	int s0 = sent_start(c, t), w = -1;
	for (int k = t - 1; k > s0 && k >= t - 10; k--) {
		if (pch(c, k, ',') || c->tk[k].q) return -1;
		if (weq(c, k, "who")) { w = k; break; }
	}
	if (w < 0 || !pch(c, w - 1, ',') || w - 2 < s0) return -1;
	/* the clause closes with a comma and the cue */
	int e = -1;
	for (int k = t + 1; k < (int)c->nt && k <= t + 8; k++) {
		if (c->tk[k].q || pch(c, k, '.') || pch(c, k, ';')) return -1;
		if (pch(c, k, ',')) { e = k; break; }
	}
	if (e < 0 || !(cue_of(c, skip_adv_fwd(c, e + 1, (int)c->nt)) & CUE_SPEECH)) return -1;
	size_t cs = c->tk[w - 1].s;
	for (size_t k = i; k-- > 0;) {
		const nf_mention *f = &c->ents->m[k];
		if (f->end > cs) continue;
		if (f->end != c->tk[w - 2].e) return -1;
		return person_of_gender(c, f, g) ? f->cluster : -1;
	}
	return -1;
}

/* The most recent person of gender g named before sp outside quotation marks. */
static int resolve_gender(const ctx *c, const np *sp, char g)
{
	size_t pos = c->tk[sp->a].s;
	size_t top = c->ents->n;
	if (c->msorted && (g == 'm' || g == 'f')) {
		/* (the loop below starts at top: that mention, or none; the last few mentions are
		 * looked at one by one, so most documents never fill pg) */
		size_t ub = ment_from(c, pos), lo = ub > 32 ? ub - 32 : 0, i = ub;
		while (i > lo && !person_of_gender(c, &c->ents->m[i - 1], g))
			i--;
		if (i > lo || lo == 0) {
			top = i;
		} else {
			gender_fill(c, lo);
			top = (size_t)(c->pg[2 * (lo - 1) + (g == 'f')] + 1);
		}
	}
	for (size_t i = top; i-- > 0;) {
		const nf_mention *m = &c->ents->m[i];
		if (m->start >= pos || !person_of_gender(c, m, g)) continue;
		{   /* "Roe, who represents Poe, said ...": a person inside a relative clause about the
		     * speaker is not what a later "he" goes on with; the speaker is */
			int f = rel_clause_head(c, i, g);
			if (f >= 0) return f;
		}
		/* the subject of that sentence rather than a person named later in it ("Trump said
		 * praise from Putin would not matter. He said ..."): he, she go on with the subject */
		int t = tok_at(c, m->start);
		if (t >= 0 && t - sent_start(c, t) > 4) {
			int s0 = sent_start(c, t);
			for (size_t k = c->msorted ? ment_from(c, c->tk[s0].s) : 0; k < i; k++) {
				const nf_mention *f = &c->ents->m[k];
				if (f->start < c->tk[s0].s) continue;
				if (f->type != NF_PER || f->cluster < 0 || f->cluster == m->cluster) continue;
				int ft = tok_at(c, f->start);
				if (ft < 0 || ft - s0 > 4 || in_quote_pos(c, f->start)) break;
				char fg = c->ents->c[f->cluster].gender;
				if (fg && fg != g) break;
				if (!(cue_of(c, skip_adv_fwd(c, ft + 1 + (int)(f->end > c->tk[ft].e), (int)c->nt)) & (CUE_SPEECH | CUE_BELIEF)) &&
				    !has_cue_after(c, ft, t))
					break;
				return f->cluster;
			}
		}
		return m->cluster;
	}
	return -1;
}

static int contains_word(const char *s, const char *w, size_t n)
{
	if (!s) return 0;
	for (const char *p = s; *p;) {
		while (*p == ' ') p++;
		const char *e = p;
		while (*e && *e != ' ') e++;
		if (e > p && ieq(p, (size_t)(e - p), w, n)) return 1;
		p = e;
	}
	return 0;
}

/* The appositive after the person mention at token t: "Erik Sand, the transport minister,",
 * "Ida Berg, a spokesperson for the Transport Ministry,": its first word after the determiner
 * (*a) and last word (*b); 0 when there is none. */
static int appositive_at(const ctx *c, int t, int *a, int *b)
{
	int m = c->tk[t].ment, e = t;
	while ((size_t)e + 1 < c->nt && c->tk[e + 1].e <= c->ents->m[m].end) e++;
	if (!pch(c, e + 1, ',') || !(weq(c, e + 2, "the") || weq(c, e + 2, "a") || weq(c, e + 2, "an")))
		return 0;
	int k = e + 3;
	while ((size_t)k < c->nt && k < e + 14 && c->tk[k].k == T_WORD && !c->tk[k].q && c->tk[k].para == c->tk[t].para)
		k++;
	if (k == e + 3 || !(pch(c, k, ',') || pch(c, k, '.') || pch(c, k, ';')))
		return 0;
	*a = e + 3;
	*b = k - 1;
	return 1;
}

/* The head noun of the appositive [a, b]: the last word before for/of/at/in, after any
 * possessive ("the ministry’s spokeswoman"); *first: its first word after that possessive. */
static int appositive_head(const ctx *c, int a, int b, int *first)
{
	for (int k = a; k < b; k++)
		if (possessive_at(c, c->tk[k].e)) a = k + 1;
	int e = a;
	while (e < b && !weq(c, e + 1, "for") && !weq(c, e + 1, "of") && !weq(c, e + 1, "at") && !weq(c, e + 1, "in"))
		e++;
	if (first) *first = a;
	return e;
}

/* Token i's word is one of the words of tokens [a, b]. */
static int word_in(const ctx *c, int i, int a, int b)
{
	for (int k = a; k <= b; k++)
		if (ieq(c->t + c->tk[k].s, c->tk[k].e - c->tk[k].s, c->t + c->tk[i].s, c->tk[i].e - c->tk[i].s))
			return 1;
	return 0;
}

/* resolve_role's view of the text before a role phrase: where each cluster was last mentioned
 * (c->last) and each person's latest appositive (c->ap). The role phrases come in text order
 * (the quotes, then indirect speech), so each call goes on from the last one; an earlier one
 * starts again. mi, mx: the mentions and the mention tokens (c->mt) taken so far, except
 * that mt's entries from mx on are looked at again: the first of them has an appositive that
 * did not end before that role phrase (it may be the role phrase: "Erik Sand, the minister,"). */
struct rolecur { size_t pos, mi, mx; int on; };

static void role_before(const ctx *c, const np *sp)
{
	struct rolecur *r = c->rc;
	size_t pos = c->tk[sp->a].s;
	int *ap = c->ap;
	if (!r->on || pos < r->pos) {
		memset(c->last, 0, c->ents->nc * sizeof *c->last);
		for (size_t k = 0; k < 3 * c->ents->nc; k++) ap[k] = -1;
		r->mi = r->mx = 0;
		r->on = 1;
	}
	r->pos = pos;
	for (; r->mi < c->ents->n && c->ents->m[r->mi].start < pos; r->mi++)
		if (c->ents->m[r->mi].cluster >= 0 && (size_t)c->ents->m[r->mi].cluster < c->ents->nc)
			c->last[c->ents->m[r->mi].cluster] = c->ents->m[r->mi].start + 1;
	/* the latest appositive of each person before pos (outside quotes) that ends before the
	 * role phrase */
	size_t x = r->mx, wait = (size_t)-1;
	for (; x < c->nmt && c->tk[c->mt[x]].s < pos; x++) {
		int t = c->mt[x], a, b, cl = c->ents->m[c->tk[t].ment].cluster;
		if (cl >= 0 && (size_t)cl < c->ents->nc && c->ents->c[cl].type == NF_PER && !c->tk[t].q &&
		    c->ents->m[c->tk[t].ment].type == NF_PER && appositive_at(c, t, &a, &b)) {
			if (b >= sp->a) {
				if (wait == (size_t)-1) wait = x;   /* (for a later role phrase) */
			} else if ((int)x >= ap[3 * cl + 2]) {   /* (one seen again is no later than its own) */
				ap[3 * cl] = a, ap[3 * cl + 1] = b, ap[3 * cl + 2] = (int)x;
			}
		}
	}
	r->mx = wait != (size_t)-1 ? wait : x;
}

/* A role phrase's person: the document's person with that country or role (its own, or one
 * given in an appositive after its name), most recent first. *apa, *apb: the appositive of the
 * person found when that decided it, else -1. */
static int resolve_role(const ctx *c, const np *sp, int *apa, int *apb)
{
	*apa = *apb = -1;
	int indefinite = weq(c, sp->a, "a") || weq(c, sp->a, "an") || weq(c, sp->a, "one") || weq(c, sp->a, "another");
	const char *country = NULL;
	int best = -1, bs = 0;
	size_t bpos = 0;
	for (int i = sp->a; i <= sp->b; i++) {
		if (c->qt->ner && c->tk[i].cap) {
			const char *w = c->t + c->tk[i].s;
			size_t n = c->tk[i].e - c->tk[i].s;
			const char *cn = nf_ner_country(c->qt->ner, w, n);
			if (!cn && n > 3 && (w[n - 1] == 's') && is_apos(w, n - 2, n, &(size_t){0}))
				cn = nf_ner_country(c->qt->ner, w, n - 2);
			if (cn) country = cn;
		}
		if (c->tk[i].ment >= 0) {
			const nf_cluster *cl = &c->ents->c[c->ents->m[c->tk[i].ment].cluster];
			if (cl->refers) country = cl->refers;
			else if (cl->type == NF_GPE || cl->type == NF_ORG) country = cl->canonical;
		}
	}
	if (c->ents->m == NULL || !c->ents->nc) return -1;
	/* where each cluster was last mentioned before pos, and each person's latest appositive */
	role_before(c, sp);
	int role_one = 0;
	for (int i = sp->a; i <= sp->b; i++)
		if (is_role(c, i) || win(c, i, titles)) role_one = 1;
	if (role_one && ((ends(c, sp->b, "s") && !ends(c, sp->b, "ss") && !c->tk[sp->b].cap) ||
			 weq(c, sp->b, "man") || weq(c, sp->b, "woman") || weq(c, sp->b, "worker") || weq(c, sp->b, "resident") ||
			 weq(c, sp->b, "voter") || weq(c, sp->b, "person")))
		role_one = 0;   /* (a group, or anyone: "Iowa man") */
	const size_t *last = c->last;   /* (room for every cluster: nf_quotes_run) */
	const int *ap = c->ap;          /* (room for three a cluster: nf_quotes_run) */
	for (size_t k = 0; k < c->ents->nc; k++) {
		const nf_cluster *cl = &c->ents->c[k];
		if (cl->type != NF_PER) continue;
		size_t lp = last[k];
		if (!lp) continue;
		int s = 0, ws;
		if (country && cl->affiliation && strcmp(country, cl->affiliation) == 0) s += 3;
		ws = s;
		for (int i = sp->a; i <= sp->b && cl->role; i++) {   /* (no role: no word scores) */
			if (c->tk[i].k != T_WORD || win(c, i, dets)) continue;
			const char *w = c->t + c->tk[i].s;
			size_t n = c->tk[i].e - c->tk[i].s;
			if (contains_word(cl->role, w, n)) s += is_role(c, i) ? 2 : 1;
			else if (i == sp->b && cl->role && (weq(c, i, "chief") || weq(c, i, "head") || weq(c, i, "leader") || weq(c, i, "official")))
				s += 1;
		}
		int sa = 0;   /* (what the appositive adds: "the minister" after "X, the transport minister,") */
		if (ap[3 * k] >= 0 && !contains_word(cl->role, c->t + c->tk[sp->b].s, c->tk[sp->b].e - c->tk[sp->b].s)) {
			for (int i = sp->a; i <= sp->b; i++)
				if (c->tk[i].k == T_WORD && !win(c, i, dets) && !win(c, i, title_small) && word_in(c, i, ap[3 * k], ap[3 * k + 1]))
					sa += is_role(c, i) || i == sp->b ? 2 : 1;
			if (!word_in(c, appositive_head(c, ap[3 * k], ap[3 * k + 1], NULL), sp->a, sp->b))
				sa = 0;   /* (its head noun must be the role's: not "X, the minister’s brother,") */
			s += sa;
		}
		if (country && cl->affiliation && strcmp(country, cl->affiliation) != 0) s = 0;
		/* (a country alone names no one but with a role noun, one person: "the Florida senator",
		 * not "Iowa man", "a Toys R Us worker", "Israeli officials") */
		if (s == ws && !role_one) continue;
		if (s < 2 || (indefinite && s < 4)) continue;
		if (s > bs || (s == bs && lp > bpos)) {
			best = (int)k; bs = s; bpos = lp;
			*apa = sa ? ap[3 * k] : -1;
			*apb = sa ? ap[3 * k + 1] : -1;
		}
	}
	return best;
}

static char *dup_span(const ctx *c, size_t s, size_t e) { return qstrndup(c->arp, c->t + s, e - s); }

/* The cue as written, or the longest phrase of quote_cues.tsv that starts there
 * ("said in a statement", "told reporters"). */
static char *cue_phrase(const ctx *c, int cue)
{
	size_t best = 0;
	int bend = cue;
	if (c->tk[cue].q || (size_t)cue + 1 >= c->nt || c->tk[cue + 1].k != T_WORD || c->tk[cue + 1].q)
		return dup_span(c, c->tk[cue].s, c->tk[cue].e);   /* (a phrase's two words at least: none here) */
	size_t n0 = c->tk[cue].e - c->tk[cue].s;
	char f0 = c->t[c->tk[cue].s];   /* (the first letter, lowered: the phrases are lower case) */
	if (f0 >= 'A' && f0 <= 'Z') f0 = (char)(f0 + 32);
	size_t b = n0 <= 40 ? 27 * n0 + ph_cls(f0) : 0;
	for (size_t x0 = n0 <= 40 ? c->qt->phb[b] : 0, x1 = n0 <= 40 ? c->qt->phb[b + 1] : 0; x0 < x1; x0++) {
		size_t p = c->qt->phord[x0];   /* (its first word is as long as the cue, its first letter alike) */
		const char *ph = c->qt->phrases[p];
		if (ph[0] != f0)
			continue;
		const struct phshape *sh = &c->qt->phs[p];
		if (sh->tot <= best || sh->n < 2)
			continue;   /* (no longer than the best, or one word) */
		if (!tok_len_is(c, cue + 1, sh->len[1]) || !weqn(c, cue + 1, ph + sh->off[1], sh->len[1]))
			continue;   /* (the word after the cue first: most phrases fail there) */
		int j = cue;
		size_t x = 0;
		while (x < sh->n && weqn(c, j, ph + sh->off[x], sh->len[x]) && !c->tk[j].q) {
			x++;
			j++;
		}
		if (x == sh->n) {
			best = sh->tot;
			bend = j - 1;
		}
	}
	return dup_span(c, c->tk[cue].s, c->tk[bend].e);
}

/* The role and affiliation an appositive gives (tokens [a, b] after its determiner): "transport
 * minister", "spokesperson" + "Transport Ministry" (for/of/at the ...), "spokeswoman" after
 * "the ministry’s". */
static void appositive_role(const ctx *c, int a, int b, nf_quote *out)
{
	int e = appositive_head(c, a, b, &a);
	out->role = dup_span(c, c->tk[a].s, c->tk[e].e);
	int f = e + 2 + weq(c, e + 2, "the");
	if (e < b && f <= b && c->tk[f].cap)
		out->affiliation = dup_span(c, c->tk[f].s, c->tk[b].e);
}

/* Fills speaker, mention, role and affiliation of out from the phrase sp. */
/* An organisation's head noun: "the ministry", "the company", "the agency". */
static int org_noun(const ctx *c, int i)
{
	static const char *const w[] = { "ministry", "company", "firm", "agency", "department", "government", "council",
		"committee", "commission", "court", "bank", "party", "club", "union", "police", "army", "university",
		"board", "office", "group", "organisation", "organization", "authority", "campaign", "hospital",
		"airline", "carrier", "automaker", "retailer", "league", "network", "studio", "embassy", "administration",
		"regulator", "utility", "school", "district", "team", "foundation", "charity", "service", NULL };
	for (int k = 0; w[k]; k++)
		if (weqs(c, i, w[k])) return 1;
	return 0;
}

/* "The ministry issued rules on Friday. It said ...": the subject that opens this sentence
 * (before the pronoun) or one of the two before it in the paragraph, when it is an
 * organisation (an entity, or "the" + an organisation noun) - what "it" says goes on with.
 * 1 with *o, else 0. */
static int it_antecedent(const ctx *c, const np *sp, np *o)
{
	int t = sp->a, s = sent_start(c, t);
	/* (an "it" that opens a relative clause is the clause's own: "the target it pledged") */
	if (t > s && c->tk[t - 1].k == T_WORD && !win(c, t - 1, stopcap) && !weq(c, t - 1, "what"))
		return 0;
	for (int n = 0; n < 3 && s >= 0; n++) {
		if (c->tk[s].para != c->tk[t].para) break;
		np u;
		int a = s;
		if (weq(c, a, "but") || weq(c, a, "and")) a++;
		int ok = a < t && np_fwd(c, a, t, &u);
		for (int k = a + 1; !ok && k < t && k < a + 14 && !c->tk[k].q; k++)   /* ("As of May, Acme had ...") */
			if (pch(c, k, ',')) { ok = k + 1 < t && np_fwd(c, k + 1, t, &u); break; }
		if (ok && u.b < t && !c->tk[u.a].q) {
			/* (a subject: its verb follows, not "People briefed on the move said") */
			int v = skip_adv_fwd(c, u.b + 1, t);
			if (v < t && ends(c, v, "ed") && (win(c, v + 1, clause_bad) || weq(c, v + 1, "that")) && !weq(c, v + 1, "to"))
				return 0;
			const nf_mention *m = u.kind == NP_ENT ? &c->ents->m[u.ment] : NULL;
			const char *cn = m && m->cluster >= 0 ? c->ents->c[m->cluster].canonical : NULL;
			/* (not a plural for a singular name: "Republicans" for the Republican Party) */
			if (m && m->type == NF_ORG && !possessive_at(c, m->end) && cn && *cn &&
			    !(c->t[m->end - 1] == 's' && cn[strlen(cn) - 1] != 's')) {
				*o = u;
				return 1;
			}
			if (u.kind == NP_ROLE && u.b == u.a + 1 && weq(c, u.a, "the") && org_noun(c, u.b) && !possessive_at(c, c->tk[u.b].e)) {
				*o = u;
				return 1;
			}
			if (u.kind == NP_ENT || u.kind == NP_ROLE || u.kind == NP_PRON || u.kind == NP_NAME)
				return 0;   /* (another subject: "it" is not the organisation's) */
		}
		if (s == 0) break;
		s = sent_start(c, s - 1);
	}
	return 0;
}

static int resolve(const ctx *c, const np *sp, int cue, nf_quote *out, int last_cl)
{
	int cl = -1, apa = -1, apb = -1;
	out->cluster = -1;
	if (sp->kind == NP_NONE)
		return -1;
	const tok *tk = c->tk;
	np own;
	if (weq(c, sp->a, "that") && sp->a < sp->b && (win(c, sp->a + 1, dets) || tk[sp->a + 1].ment >= 0 ||
	    tk[sp->a + 1].cap || win(c, sp->a + 1, pronouns) || weq(c, sp->b, "people") ||
	    (ends(c, sp->b, "s") && !ends(c, sp->b, "ss")))) {
		/* "It is clear that the mayor refuses ...", "found that critics say": a complementizer,
		 * not the demonstrative of "that report" (which takes no plural; the phrase keeps the
		 * word, for where the clause begins) */
		own = *sp;
		own.a++;
		sp = &own;
	}
	size_t ms = tk[sp->a].s, me = tk[sp->b].e;
	if (sp->kind == NP_ENT) {
		const nf_mention *m = &c->ents->m[sp->ment];
		ms = tk[sp->a].s;
		me = m->end;
		cl = m->cluster;
		if (cl >= 0 && c->ents->c[cl].type == NF_PER && c->ents->c[cl].canonical && !strchr(c->ents->c[cl].canonical, ' ')) {
			const char *w = c->ents->c[cl].canonical;
			int f = fuzzy_person(c, w, strlen(w), cl);
			if (f >= 0) cl = f;
		}
	} else if (sp->kind == NP_PRON) {
		cl = resolve_pronoun(c, sp, last_cl);
		np u;
		if (cl < 0 && cue >= 0 && weq(c, sp->a, "it") && (cue_of(c, cue) & CUE_SPEECH) && it_antecedent(c, sp, &u)) {
			if (u.kind == NP_ENT) cl = c->ents->m[u.ment].cluster;
			else out->speaker = dup_span(c, tk[u.a].s, tk[u.b].e);
		}
	} else if (sp->kind == NP_SRC && (weq(c, sp->a, "his") || weq(c, sp->a, "her"))) {
		/* "according to his comments": the person */
		np pr = { NP_PRON, sp->a, sp->a, -1 };
		cl = resolve_gender(c, &pr, weq(c, sp->a, "his") ? 'm' : 'f');
	} else if (sp->kind == NP_ROLE) {
		cl = resolve_role(c, sp, &apa, &apb);
	} else if (sp->kind == NP_NAME) {
		const char *w = c->t + tk[sp->b].s;
		size_t n = tk[sp->b].e - tk[sp->b].s;
		cl = fuzzy_person(c, w, n, -1);
	}
	out->mention = dup_span(c, ms, me);
	out->mention_start = ms;
	out->mention_end = me;
	if (cl >= 0 && cl < (int)c->ents->nc && c->ents->c[cl].canonical) {
		const nf_cluster *k = &c->ents->c[cl];
		out->cluster = cl;
		const char *cn = k->canonical;
		while (*cn == '.' || *cn == ' ')   /* (entities may start a name after "Mr" at its period) */
			cn++;
		out->speaker = qstrndup(c->arp, cn, strlen(cn));
		if (k->role) out->role = qstrndup(c->arp, k->role, strlen(k->role));
		if (k->affiliation) out->affiliation = qstrndup(c->arp, k->affiliation, strlen(k->affiliation));
		if (!k->role && apa >= 0)
			appositive_role(c, apa, apb, out);
	} else if (sp->kind == NP_ROLE || sp->kind == NP_NAME || sp->kind == NP_SRC) {
		/* an unnamed role is kept as the speaker: "a Pentagon spokesperson" */
		out->speaker = dup_span(c, ms, me);
	}
	if (cue >= 0) {
		out->cue = cue_phrase(c, cue);
	} else if (cue == -2) {
		out->cue = qstrndup(c->arp, "-", 1);
	} else if (cue == -3) {
		out->cue = qstrndup(c->arp, "according to", 12);
	}
	return cl;
}

/* ---- quotes ---- */


/* The sentence of token o (in its paragraph) has a speech cue outside quotes. The answer is
 * the sentence's, so it is kept for the next quote of that sentence (in an endless "sentence"
 * of quotes, each would walk all of it). */
struct cuesent { int lo, has; };

static int has_cue_in_sentence(const ctx *c, int o)
{
	int lo = sent_start(c, o);
	if (c->cs->lo == lo)
		return c->cs->has;
	int has = 0;
	for (int i = lo; (size_t)i < c->nt && c->tk[i].para == c->tk[o].para; i++) {
		if (c->tk[i].q) continue;
		if (c->tk[i].sent != c->tk[o].sent && i > o) break;
		if (cue_of(c, i) & CUE_SPEECH) { has = 1; break; }
	}
	c->cs->lo = lo;
	c->cs->has = has;
	return has;
}

static int words_in(const ctx *c, size_t s, size_t e)
{
	int n = 0;
	size_t i = s;
	unsigned prev = 1;   /* (what comes before s counts as a space) */
#if defined(__SSE2__) && defined(__GNUC__)
	/* 16 bytes at a time: a word starts at a byte that is no space after one that is */
	for (; i + 16 <= e; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(c->t + i));
		unsigned sp = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
								       _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
		n += __builtin_popcount(~sp & 0xFFFFu & (sp << 1 | prev));
		prev = sp >> 15;
	}
#endif
	for (int in = !prev; i < e; i++) {
		int sp = c->t[i] == ' ' || c->t[i] == '\n';
		if (!sp && !in) n++;
		in = !sp;
	}
	return n;
}


static int find_that(const ctx *c, int j, int hi);

/* Token i names a work whose title may follow: "her new book, “Ropes,”", "the film “Low Tide”". */
static int title_noun(const ctx *c, int i)
{
	static const char *const w[] = { "book", "film", "movie", "documentary", "show", "series", "program",
		"programme", "podcast", "song", "album", "single", "novel", "memoir", "play", "musical", "poem",
		"essay", "column", "op-ed", "editorial", "commentary", "article", "headline", "ad", "advert",
		"video", "exhibition", "painting", "opera", "sitcom", "episode", "newsletter", "slogan", NULL };
	if (i < 0 || c->tk[i].k != T_WORD)
		return 0;
	for (int k = 0; w[k]; k++)
		if (weqs(c, i, w[k]))
			return 1;
	return 0;
}

static void classify(const ctx *c, qinfo *q)
{
	const tok *tk = c->tk;
	int o = q->open;
	int lo = sent_start(c, o);
	q->at_start = lo == o || pch(c, o - 1, ':') || (o > 0 && tk[o - 1].para != tk[o].para);
	size_t cs = c->fr[q->fs].start, ce = c->fr[q->fs + q->nf - 1].end;
	unsigned char first = (unsigned char)c->t[cs];
	char last = c->t[ce - 1];
	int term = last == '.' || last == '?' || last == '!' || (ce >= 3 && (unsigned char)c->t[ce - 1] == 0xA6);
	int capital = (first >= 'A' && first <= 'Z') || first >= 0x80;
	if (q->at_start || (pch(c, o - 1, ',') && capital) || (capital && term && (size_t)q->close + 1 >= c->nt) ||
	    (capital && term && (tk[q->close + 1].para != tk[q->close].para || pch(c, q->close + 1, ',') ||
				 tk[q->close + 1].k == T_MARK || q->how == 'A')))
		q->type = NF_Q_DIRECT;
	else
		q->type = NF_Q_PARTIAL;
	/* "... that the judge was "Mexican."", "a study on "Jewish values."": a quote right after a
	 * word of the writer's clause (no comma, colon or cue before it) is part of that clause,
	 * capital and full stop notwithstanding */
	if (q->type == NF_Q_DIRECT && !q->at_start && q->how != 'A' && o > 0 && tk[o - 1].k == T_WORD && !tk[o - 1].q &&
	    !cue_of(c, o - 1) && !tk[o - 1].cap && tk[o - 1].para == tk[o].para)
		q->type = NF_Q_PARTIAL;
	/* the writer's sentence goes on after it ("“You squeezed the workers” to raise the price"):
	 * a partial quote, even when it opens the sentence */
	if (q->type == NF_Q_DIRECT && !term && last != ',' && (size_t)q->close + 1 < c->nt &&
	    tk[q->close + 1].k == T_WORD && !tk[q->close + 1].cap && tk[q->close + 1].para == tk[q->close].para &&
	    !cue_of(c, q->close + 1) && !cue_of(c, skip_adv_fwd(c, q->close + 1, (int)c->nt)) && q->how != 'A')
		q->type = NF_Q_PARTIAL;
	/* "He added that voters have two choices: "Leave or stay."": the quote ends the clause
	 * "that" reports, which is what was said */
	if (q->type == NF_Q_DIRECT && q->how == 'B' && q->cue >= 0 && q->cue < o - 2 && pch(c, o - 1, ':') &&
	    tk[o - 1].para == tk[o].para) {
		int th = weq(c, q->cue + 1, "that") ? q->cue + 1 : find_that(c, q->cue + 1, o - 1);
		int clean = th > 0 && th < o - 2;
		for (int k = th + 1; clean && k < o - 1; k++)   /* (no other cue: "..., and added: "...."") */
			clean = !cue_of(c, k) && !tk[k].q && !pch(c, k, ',');
		if (clean)
			q->type = NF_Q_PARTIAL;
	}
	if (c->rq[c->tk[o].q - 1].single && q->type == NF_Q_PARTIAL && words_in(c, cs, ce) < 4)
		q->scare = 1;
	/* no letters at all (ids, numbers), or a nickname between names (Marcia "Cia" Price) */
	{
		int letters = 0;
		for (size_t i = cs; i < ce && !letters; i++)
			letters = ((c->t[i] | 32) >= 'a' && (c->t[i] | 32) <= 'z') || (unsigned char)c->t[i] >= 0xC3;
		if (!letters) { q->scare = 2; return; }
		/* markup the cleaner left in: attribute values (<tweet author="x" id="1">) */
		size_t os = c->tk[q->open].s;
		size_t ce2 = c->tk[q->close].e;
		if ((os > 0 && c->t[os - 1] == '=') || (ce2 < c->len && c->t[ce2] == '=')) {
			q->scare = 2;
			return;
		}
		if (q->open > 0 && c->tk[q->open - 1].k == T_WORD && c->tk[q->open - 1].cap && (size_t)q->close + 1 < c->nt &&
		    c->tk[q->close + 1].k == T_WORD && c->tk[q->close + 1].cap && words_in(c, cs, ce) <= 2 && !cue_of(c, q->close + 1))
			q->scare = 1;
	}
	/* titles: most words capitalised ("Fox News Sunday", "All Bets Are Off.") */
	if (q->type == NF_Q_PARTIAL || q->how != 'A') {
		int words = 0, caps = 0, small = 0;
		for (size_t i = q->open + 1; (int)i < q->close; i++) {
			if (c->tk[i].k != T_WORD) continue;
			words++;
			if (c->tk[i].cap) caps++;
			else if (win(c, (int)i, title_small)) small++;
		}
		if (words >= 1 && words <= 10 && caps >= 1 && caps + small == words &&
		    (caps >= 2 || q->type == NF_Q_PARTIAL || title_noun(c, o - 1 - pch(c, o - 1, ','))) &&
		    !win(c, q->open + 1, pronouns) && !(words == 1 && q->how) &&
		    !(q->how && (last == '!' || last == '?')))   /* a cry with its tag: "chanting "U-S-A! U-S-A!"" */
			q->scare = 1, q->title = words > 2;   /* (a short one may be a nickname: "Miss Piggy") */
	}
	/* a title after the work it names: 'his 2002 book, "Make Your Kid a Millionaire,"', 'the ad
	 * "Trumpcare"', 'Mr. King's show, "Politicking."' */
	if ((q->how != 'A' || pch(c, o - 1, ',')) && !q->at_start) {   /* ('In her book, "X," Roe wrote') */
		int p = pch(c, o - 1, ',') ? o - 2 : o - 1;
		int t = capital && p >= 0 && !tk[p].q && tk[p].k == T_WORD && !tk[p].cap && title_noun(c, p);
		for (int j = p - 1; t && j >= 0 && j >= p - 4 && tk[j].sent == tk[p].sent; j--)
			t = !cue_of(c, j);   /* (not 'called the show "..."', 'said of the episode, "..."') */
		if (t)
			q->scare = 1, q->title = 1;
	}
	/* scare quotes and titles: short, after "so-called"/"dubbed", or with no cue around */
	if (q->type == NF_Q_PARTIAL && q->how != 'A' && words_in(c, cs, ce) <= 4) {
		if (weq(c, o - 1, "so-called") || weq(c, o - 1, "dubbed") || weq(c, o - 1, "nicknamed") || weq(c, o - 1, "titled") ||
		    weq(c, o - 1, "entitled") || weq(c, o - 1, "branded") || weq(c, o - 1, "term") || weq(c, o - 1, "word") ||
		    weq(c, o - 1, "phrase") || weq(c, o - 1, "labeled") || weq(c, o - 1, "labelled") ||
		    (weq(c, o - 1, "as") && weq(c, o - 2, "known")) || weq(c, o - 1, "called") || weq(c, o - 1, "calling"))
			q->scare = 1;
		else if (!has_cue_in_sentence(c, o) && !q->at_start && q->how != 'V')   /* (one that opens a sentence is speech) */
			q->scare = 1;
	}
}

static int trim_end(const ctx *c, int a, int b);

/* "Ann said she liked what he calls a "bold plan"": the partial quote's nearest cue is a
 * relative clause inside the clause an earlier cue reports; that clause is what was said, by
 * the earlier cue's subject when the inner one is a pronoun. */
static void outer_cue(const ctx *c, qinfo *q)
{
	int k = q->cue;
	if (k < 0 || k >= q->open) return;
	int a = q->sp.kind && q->sp.b < k ? q->sp.a : k;
	if (!weq(c, a - 1, "what"))
		return;
	a--;
	int lo = sent_lo_q(c, q->open), best = -1;
	np o, bo = { 0 };
	for (int j = a - 1; j >= lo && j > a - 40; j--) {
		if (c->tk[j].q) break;
		if (!(cue_of(c, j) & CUE_SPEECH) || (cue_of(c, j) & CUE_ING)) continue;
		if (subject_of(c, j, lo, j, &o) && o.kind != NP_NAME && o.b < j) best = j, bo = o;
	}
	if (best < 0) return;
	q->cue = best;
	if (q->sp.kind == NP_PRON || q->sp.kind == NP_NONE) q->sp = bo;
}

/* "Obama said he expected that Americans will say "no"", "Ann noted that Bo has criticized the
 * plan and called it "weak"": a partial quote whose cue is inside the clause an earlier cue of
 * the sentence reports ("X said that ...", "X says he ...") is part of what that earlier cue
 * reports, by its subject (PolNeAR's one attribution per word takes the outermost). */
static int is_weekday(const ctx *c, int i);

static void outer_clause_cue(const ctx *c, qinfo *q)
{
	int lo = sent_lo_q(c, q->open);
	for (int j = lo; j < q->cue - 1 && j < lo + 20; j++) {
		if (c->tk[j].q || pch(c, j, ';') || pch(c, j, ':')) return;
		if (!(cue_of(c, j) & CUE_SPEECH) || (cue_of(c, j) & CUE_ING)) continue;
		int th = j + 1;
		while (th < q->cue && (win(c, th, advs) || is_weekday(c, th))) th++;
		if (!weq(c, th, "that") && !(win(c, th, pronouns) && !weq(c, th, "it"))) {
			/* "told CBS on Monday that ...": the one told, a time or a place before the "that" */
			int t2 = find_that(c, th, q->cue - 1), ok = t2 > th && !win(c, t2 - 1, clause_bad);   /* (not "to that tweet") */
			for (int k = th; ok && k < t2; k++)
				ok = c->tk[k].k == T_WORD && (addressee_cue(c, j) || c->tk[k].cap || win(c, k, tail_words) ||
							      win(c, k, dets) || is_weekday(c, k));
			if (!ok) return;
			th = t2;
		}
		np sp;
		if (!subject_of(c, j, lo, j, &sp) || sp.b >= j) return;
		for (int k = th + 1; k < q->open; k++)
			if (c->tk[k].q || win(c, k, conj) || pch(c, k, ';') || (pch(c, k, ',') && (weq(c, k + 1, "which") || weq(c, k + 1, "who") ||
			    weq(c, k + 1, "whom") || (cue_of(c, k + 1) & CUE_ING))))
				return;   /* (", which he called "X"", ", saying "X"", "but he called": its own) */
		q->cue = j;
		q->sp = sp;
		return;
	}
}

/* "Reed said he had not read the plan, but called it "a start"", "Clinton slammed the shift
 * and accused Sanders of a "flip-flop"", "..., vowing to "open up" the laws": a second verb of
 * the same subject, coordinated after the partial quote's cue, is the cue of the clause the
 * quote is in. */
static void coordinated_cue(const ctx *c, qinfo *q)
{
	int best = -1, clause = 0;   /* (clause: a reported clause opens in q->cue + 1 .. j - 1) */
	for (int j = q->cue + 1; j < q->open - 1; j++) {
		if (c->tk[j].q) return;
		if (j > q->cue + 1 && !clause)   /* (one pass: not a walk back from each "and") */
			clause = weq(c, j - 1, "that") || (win(c, j - 1, pronouns) && !weq(c, j - 1, "it"));
		int comma = pch(c, j, ',');
		if (!comma && !weq(c, j, "and") && !weq(c, j, "but")) continue;
		int v = j + 1;
		if (comma && (weq(c, v, "and") || weq(c, v, "but"))) v++;
		v = skip_adv_fwd(c, v, q->open);
		if (v >= q->open || c->tk[v].k != T_WORD || c->tk[v].q || !(cue_of(c, v) & CUE_SPEECH))
			continue;
		if ((cue_of(c, v) & CUE_ING) ? !comma : (comma && v == j + 1))
			continue;   /* (a participle after a comma; a finite verb after "and"/"but") */
		if (!(cue_of(c, v) & CUE_ING)) {
			/* the same form as the cue ("says ... and tell him" is the reported clause's) */
			int cs = c->t[c->tk[q->cue].e - 1] == 's', vs = c->t[c->tk[v].e - 1] == 's';
			if (cs != vs) continue;
			/* after a reported clause ("said that she thinks it should go but said"), only
			 * a comma puts the verb back in the main clause */
			if (clause && !comma) continue;
		}
		best = v;
	}
	if (best >= 0) q->cue = best;
}

/* "She added that turnout is the problem because, "In the end, we vote for somebody."": a
 * quote inside the clause that the sentence's own subject and cue report ("X said that",
 * "X says she") is a partial quote of that clause, whatever cue is nearer. */
static void main_clause_quote(const ctx *c, qinfo *q)
{
	int lo = sent_lo(c, q->open);
	if (lo != sent_start(c, q->open)) return;   /* (another quote earlier in the sentence) */
	for (int k = lo + 1; k < q->open - 3 && k < lo + 12; k++) {
		if (!(cue_of(c, k) & CUE_SPEECH) || (cue_of(c, k) & CUE_ING)) continue;
		np sp;
		if (!subject_of(c, k, lo, k, &sp) || sp.a != lo || sp.b >= k) return;
		if (!weq(c, k + 1, "that") && !(win(c, k + 1, pronouns) && !weq(c, k + 1, "it"))) return;   /* (not "put it this way:") */
		for (int j = k + 2; j < q->open; j++)   /* (a cue of its own: "..., and added: "..."", "she recalled thinking, "..."") */
			if (cue_of(c, j) & (CUE_SPEECH | CUE_ING)) return;
		q->type = NF_Q_PARTIAL;
		q->cue = k;
		q->sp = sp;
		q->how = 'B';
		return;
	}
}

/* A closing mark whose quote ends with . ? or ! (so the sentence ends there too). */
static int ends_sentence(const ctx *c, int close)
{
	if (close < 1 || c->tk[close].k != T_MARK) return 0;
	int j = close - 1;
	while (j > 0 && c->tk[j].k == T_MARK) j--;
	return pch(c, j, '.') || pch(c, j, '?') || pch(c, j, '!');
}

/* After token e (a quote's closing mark, or a word after it), the writer's sentence goes on
 * with a verb of its own: ", telling reporters", "and said", "but described", "before
 * claiming" - what the quote's clause reported ends there. */
static int writer_goes_on(const ctx *c, int e)
{
	const tok *tk = c->tk;
	int i = e + 1, comma = 0;
	if (pch(c, i, ',')) comma = 1, i++;
	else if (tk[e].k == T_MARK && pch(c, e - 1, ',')) comma = 1;   /* (",”": the comma inside) */
	if ((size_t)i >= c->nt || tk[i].k != T_WORD || tk[i].cap || tk[i].q || tk[i].para != tk[e].para)
		return 0;
	/* ", telling reporters", ", adding": a speech participle after a comma */
	if (comma && (cue_of(c, i) & CUE_ING) && (cue_of(c, i) & CUE_SPEECH))
		return 1;
	/* "and said", "and then told", "but described": a second verb with the same subject */
	if (weq(c, i, "and") || weq(c, i, "but") || weq(c, i, "before") || weq(c, i, "after")) {
		int v = skip_adv_fwd(c, i + 1, (int)c->nt);
		if ((size_t)v < c->nt && tk[v].k == T_WORD && !tk[v].q && (cue_of(c, v) & CUE_SPEECH))
			return 1;
	}
	return 0;
}

/* The reported clause around a partial quote: after its cue ("X said [that] ...") to the
 * sentence end, or from the sentence start to the quote when the tag follows it. */
#ifndef CONTENT_AFTER
#define CONTENT_AFTER 8
#endif
#ifndef CONTENT_AFTER_CLAUSE
#define CONTENT_AFTER_CLAUSE 30
#endif
/* The token after k may be a new clause's subject: a capitalised word, "he", "she", "they". */
static int subject_next(const ctx *c, int k)
{
	return c->tk[k + 1].cap || weq(c, k + 1, "he") || weq(c, k + 1, "she") || weq(c, k + 1, "they");
}

/* The sentence opens with a prepositional phrase ("Contrary to his claim that ...", "Despite
 * her promise to ...") that no comma has closed before the quote at o: the comma after the
 * quote closes it, and the main clause is the writer's. */
static int tok_in(const ctx *c, int i, const char *const *l);

static int intro_open(const ctx *c, int o)
{
	static const char *const w[] = { "contrary", "despite", "unlike", "like", "given", "amid", "following",
		"notwithstanding", NULL };
	int lo = sent_lo(c, o);
	if (lo >= o || c->tk[lo].k != T_WORD || !tok_in(c, lo, w)) return 0;
	for (int k = lo + 1; k < o; k++)
		if (c->tk[k].q || pch(c, k, ',') || pch(c, k, ';') || pch(c, k, ':') || is_dash(c, k)) return 0;
	return 1;
}

/* "told one of his young students on a regular basis that ...": after a cue with an addressee,
 * the "that" of the reported clause may come after a long object and an adverbial (no comma,
 * quote or other cue in between). */
static int told_that(const ctx *c, int j, int hi)
{
	for (int k = j; k < hi && k < j + 25; k++) {
		if (weq(c, k, "that")) return k;
		if (c->tk[k].q || c->tk[k].k != T_WORD || cue_of(c, k)) return 0;
	}
	return 0;
}

/* Token i opens a subject and a speech verb that goes on ("he said there ...", "John said none ..."). */
static int comma_tag(const ctx *c, int i)
{
	np sp;
	if ((size_t)i >= c->nt || c->tk[i].k != T_WORD || c->tk[i].q || !(c->tk[i].cap || win(c, i, pronouns)))
		return 0;
	int lim = para_lim(c, i);
	if (!np_fwd(c, i, lim, &sp) || sp.b > i + 4) return 0;
	int v = skip_adv_fwd(c, sp.b + 1, lim);
	/* (not a tag between commas inside the clause: "when, he said, protesters ...") */
	return v + 1 < lim && (cue_of(c, v) & CUE_SPEECH) && !(cue_of(c, v) & CUE_ING) && !pch(c, v + 1, ',');
}

static int sent_end(const ctx *c, int i);

/* "The plan is "overdue," she said, for a city of this size": a short tag of subject and verb
 * between commas inside the sentence, after the quote; the reported clause resumes after it.
 * The first token of what resumes, or 0 (not an appositive of an inverted tag, "said Ann Roe,
 * the head of ...", a participle or a relative about the speaker, ", adding ...", ", who ...",
 * nor a second verb, ", and then said ..."). */
static int tag_resumes(const ctx *c, const qinfo *q)
{
	const tok *tk = c->tk;
	if (q->how != 'A' || !q->sp.kind || q->cue <= q->sp.b || q->sp.a > q->close + 2 || q->tagend > q->close + 6 ||
	    !pch(c, q->tagend + 1, ','))
		return 0;
	int y = q->tagend + 2;
	if ((size_t)y + 1 >= c->nt || tk[y].k != T_WORD || tk[y].cap || tk[y].q || tk[y].sent != tk[q->close].sent ||
	    tk[y].para != tk[q->close].para || cue_of(c, y) || tail_ing(c, y) || who_word(c, y) || weq(c, y, "whom") || weq(c, y, "which") ||
	    weq(c, y, "where") || weq(c, y, "when") || weq(c, y, "according") || weq(c, y, "and") || weq(c, y, "but") ||
	    weq(c, y, "or") || weq(c, y, "so"))
		return 0;
	return y;
}

/* "accused the council's leader, Ann Roe, of "reckless spending"", "blamed the mayor for the
 * "chaos"": a verb of blame or praise with its object, then a preposition right before the
 * quote (and its determiner); what was said of the object is the quote (not "accused him of
 * trying to "X"", where the object and its phrase are the content). The "of", "for" or "with",
 * or 0. */
static int blame_prep(const ctx *c, int cue, int a, int hi)
{
	static const char *const w[] = { "accus", "charg", "blam", "fault", "critici", "prais", "credit", "thank",
		"slam", "blast", "condemn", "rebuk", "scold", "chid", "mock", "applaud", "commend", "lambast", "hail",
		"denounc", "castigat", "berat", "reprimand", "ridicul", "congratulat", NULL };
	const tok *tk = c->tk;
	if (!prefix_in(c->t + tk[cue].s, tk[cue].e - tk[cue].s, w))
		return 0;
	int k = hi - 1;
	if (win(c, k, dets) && !tk[k].q) k--;   /* ("blamed the mayor for the "chaos"") */
	if (k <= a || tk[k].q || !(weq(c, k, "of") || weq(c, k, "for") || weq(c, k, "with")))
		return 0;
	for (int j = a; j < k; j++)   /* (the object between: no quote, cue, clause or gerund) */
		if (tk[j].q || cue_of(c, j) || weq(c, j, "that") || pch(c, j, '.') || pch(c, j, ';') || pch(c, j, ':') ||
		    is_dash(c, j) || tail_ing(c, j) || j < k - 15)
			return 0;
	/* (nor a quote that opens with a gerund, "blamed him for "wasting time"": the object is its
	 * subject, and part of what was said) */
	int g = hi + 1;
	while ((size_t)g < c->nt && tk[g].k != T_WORD) g++;
	return (size_t)g < c->nt && tk[g].q == tk[hi].q && ends(c, g, "ing") ? 0 : k;
}

/* "When the plant closed, Ann Roe said, "we were stunned."": a quote in lower case that ends
 * the sentence its tag interrupts finishes the clause before the tag, which is the speaker's
 * too; the first token of that clause (from the comma before it, if any), or -1. */
static int clause_before_tag(const ctx *c, const qinfo *q, int cue)
{
	const tok *tk = c->tk;
	int o = q->open;
	if (!q->sp.kind || cue < 0 || o + 1 >= (int)c->nt || tk[o + 1].k != T_WORD || tk[o + 1].cap ||
	    !pch(c, o - 1, ',') || !ends_sentence(c, q->close))
		return -1;
	int a;   /* the tag's first token: "Ann Roe said," or "said Ann Roe," */
	if (cue == o - 2 && q->sp.b == cue - 1) a = q->sp.a;
	else if (q->sp.a == cue + 1 && q->sp.b == o - 2) a = cue;
	else return -1;
	int lo = sent_lo(c, o);
	if (!pch(c, a - 1, ',') || a - 1 <= lo)
		return -1;
	/* (the clause's last part, after its last comma: "..., which is a risk, he said, "...") */
	int k = a - 2;
	while (k >= lo && !tk[k].q && !pch(c, k, ','))
		k--;
	return k >= lo && tk[k].q ? -1 : k + 1;
}

static void content_span(const ctx *c, const qinfo *q, nf_quote *o)
{
	o->content_start = o->start;
	o->content_end = o->end;
	if (q->type != NF_Q_PARTIAL)
		return;
	const tok *tk = c->tk;
	if (q->how == 'M') {   /* (according_mid: the sentence) */
		int lo = sent_lo(c, q->open), e = sent_end(c, q->close);
		while (e > q->close && tk[e].k == T_PUNCT) e--;
		o->content_start = tk[lo].s < o->start ? tk[lo].s : o->start;
		if (tk[e].e > o->content_end) o->content_end = tk[e].e;
		return;
	}
	int how = q->how, cue = q->cue;
	if (!how || (how == 'S' && cue < 0)) {
		/* no speaker found: the reported clause still starts after the nearest cue or "that"
		 * ("Politifact then ruled that his claim about "thousands of shootings" is "true"") */
		for (int k = q->open - 1; k >= sent_lo(c, q->open) && k > q->open - 25; k--)
			if ((cue_of(c, k) & (CUE_SPEECH | CUE_BELIEF)) || weq(c, k, "that")) {
				how = 'S';
				cue = weq(c, k, "that") ? k - 1 : k;
				break;
			}
	}
	if (how == 'V' && cue >= 0 && cue < q->open && (weq(c, cue, "put") || weq(c, cue, "puts")) && weq(c, cue + 1, "it") &&
	    ends_sentence(c, q->close))
		return;   /* ("as X put it, "..."": the quote ending the sentence is what X said) */
	if ((how == 'B' || how == 'S' || how == 'V') && cue >= 0 && cue < q->open) {
		int a = cue + 1, hi = q->open;
		int th = find_that(c, a, hi);
		if (weq(c, a, "that")) ;   /* (PolNeAR's content keeps "that": "said [that it is "X"]") */
		else if (th > 0) a = th;
		else if (addressee_cue(c, cue) && (th = told_that(c, a, hi)) > 0) a = th;
		else {
			/* "told the reporters she was ...": the one spoken to is not what was said */
			for (int k = a + 1; k < hi && k < a + 7 && tk[k].k == T_WORD && !tk[k].q; k++)
				if (win(c, k, pronouns)) {
					if (addressee_cue(c, cue)) a = k;
					break;
				}
		}
		int at_open = 0;   /* (the content starts at the opening mark) */
		if (a == cue + 1) {
			int p = blame_prep(c, cue, a, hi);
			if (p > 0) a = p + 1, at_open = a == hi;
		}
		/* "pledged to impose sanctions on what it called "a threat"": a cue in a free relative
		 * reports no clause of its own; the clause is the one an earlier cue reports */
		{
			int rel = q->sp.kind && q->sp.b < cue && q->sp.a < cue ? q->sp.a - 1 : cue - 1;
			if (cue == q->cue && rel > 0 && weq(c, rel, "what"))
				for (int j = rel - 1; j >= sent_lo_q(c, q->open) && j > rel - 40 && !tk[j].q; j--)
					if (cue_of(c, j) & (CUE_SPEECH | CUE_BELIEF | CUE_ACT)) {
						int th2 = find_that(c, j + 1, rel);
						a = th2 > 0 ? th2 : j + 1;
						break;
					}
		}
		/* "He suggested her tone was off, called her "third-rate" and left": a finite verb
		 * with an object after a comma, in a list of the subject's verbs, reports the quote */
		for (int k = hi - 2; k > a + 1 && k > hi - 8; k--) {
			if (tk[k].q) break;
			if (pch(c, k - 1, ',') && (cue_of(c, k) & CUE_SPEECH) && !(cue_of(c, k) & CUE_ING) && ends(c, k, "ed") &&
			    ends(c, cue, "ed") && tk[k + 1].k == T_WORD && !tk[k + 1].q &&
			    (win(c, k + 1, dets) || weq(c, k + 1, "him") || weq(c, k + 1, "her") || weq(c, k + 1, "it") || weq(c, k + 1, "them"))) {
				a = k + 1;
				break;
			}
		}
		while (a < hi && tk[a].k == T_PUNCT) a++;
		int lo_s = a;
		/* "The donors are vetted, Holm said, but "we never ask ..."", "There was, she said,
		 * "a bargain."": a tag between commas inside the clause; what was said starts the
		 * sentence */
		if (q->sp.kind && q->sp.a < cue && pch(c, q->sp.a - 1, ',') && pch(c, cue + 1, ',')) {
			int lo = sent_lo(c, q->open), z = q->sp.a - 2, clean;
			for (int k = z - 1; k > lo; k--)   /* (from the last semicolon: a clause of its own) */
				if (pch(c, k, ';') && !tk[k].q) { lo = k + 1; break; }
			clean = lo < z && tk[lo].sent == tk[q->sp.a].sent;
			for (int k = lo; clean && k < z; k++) {
				clean = !tk[k].q && !cue_of(c, k) && !pch(c, k, ';') && !pch(c, k, ':');
				if (pch(c, k, ',')) lo = k + 1;   /* (from the last comma: "Bound by ..., the two nations, X said,") */
			}
			/* (not an opening adverbial, "Six months ago, X said,", "In May, X said,", nor a
			 * connective, "including, he said,") */
			if (clean && z > lo && !win(c, lo, tail_words) && !weq(c, z, "ago") && !win(c, z, advs) &&
			    !weq(c, z, "including") && !weq(c, z, "and") && !weq(c, z, "but") && !win(c, z, time_units))
				lo_s = lo;
		}
		int clause = (cue_of(c, cue) & (CUE_SPEECH | CUE_BELIEF)) && !(cue_of(c, cue) & CUE_ING) && lo_s < q->open &&
			     (weq(c, lo_s, "that") || win(c, lo_s, pronouns) ||
			      /* ("said Trump has "respect" for ... and his remark was ...": a subject right after a saying cue) */
			      ((cue_of(c, cue) & CUE_SAY) && lo_s == cue + 1 && tk[lo_s].k == T_WORD && !tk[lo_s].q && !win(c, lo_s, clause_bad)));
		/* to the end of the sentence (quotes included), or of the paragraph */
		int e = q->close;
		/* a comma at the quote's end, then an appositive about it or a clause with a subject
		 * of its own: the reported clause ended with the quote ("called him a "moderate," a
		 * dig at ...", "called the pact "insanity," and Sanders said ...") */
		int w = q->close + 1 + pch(c, q->close + 1, ',');
		int stop = (pch(c, q->close - 1, ',') || pch(c, q->close + 1, ',')) && (size_t)w + 1 < c->nt &&
			   c->tk[w].para == c->tk[q->close].para &&
			   (weq(c, w, "a") || weq(c, w, "an") || (weq(c, w, "and") && subject_next(c, w)) ||
			    weq(c, w, "which") || weq(c, w, "according") || weq(c, w, "as") ||
			    /* ("Contrary to his claim that voters would "learn nothing," there would be ...") */
			    intro_open(c, q->open) ||
			    (weq(c, w, "and") && (weq(c, w + 1, "his") || weq(c, w + 1, "their") || weq(c, w + 1, "its") ||
						  weq(c, w + 1, "we") || weq(c, w + 1, "i"))));
		/* "described the march as "peaceful," for the length of the route", "is describing as
		 * "unhinged" a tweet that ...": the quote of an "as" phrase after the cue is what the cue
		 * called its object; after a comma, or the object or a new subject, the writer goes on */
		if (!stop && as_before(c, q->open) > cue && (size_t)q->close + 1 < c->nt) {
			int n = q->close + 1;
			stop = pch(c, q->close - 1, ',') || pch(c, n, ',') ||
			       (tk[n].k == T_WORD && !tk[n].q && tk[n].para == tk[q->close].para && (win(c, n, dets) || tk[n].cap));
		}
		if (!ends_sentence(c, q->close) && !stop)
			while ((size_t)e + 1 < c->nt && tk[e + 1].para == tk[q->close].para &&
			       !(tk[e + 1].q == 0 && (pch(c, e + 1, '.') || pch(c, e + 1, '?') || pch(c, e + 1, '!') || pch(c, e + 1, ';')))) {
				/* another quote that ends its sentence, or a new clause, ends it */
				if (tk[e + 1].k == T_MARK && tk[e + 1].q && c->rq[tk[e + 1].q - 1].close == e + 1 && ends_sentence(c, e + 1)) {
					e++;
					break;
				}
				/* (not in a reported clause with its subject: "said the ferry is "a relic" in
				 * every way because ..." - the reason is part of what was said - unless a verb
				 * follows, "... "very hard," but downplayed ...": the subject's second verb) */
				if (tk[e + 1].q == 0 && (((win(c, e + 1, conj) || weq(c, e + 1, "after") || weq(c, e + 1, "because")) &&
				      (!clause || (tk[e + 2].k == T_WORD && !tk[e + 2].cap && !tk[e + 2].q && ends(c, e + 2, "ed")))) ||
				    ((cue_of(c, e + 1) & CUE_ING) && pch(c, e, ','))) && e > q->close)
					break;
				/* right after the quote: "... as a "disgrace" but stopped short", "... "sad" and
				 * operates", "... a "disgrace" Wednesday on ...": the writer's words again */
				if (tk[e + 1].q == 0 && e == q->close &&
				    (win(c, e + 1, conj) || (weq(c, e + 1, "and") && !clause && tk[e + 2].k == T_WORD && !tk[e + 2].cap &&
							       (ends(c, e + 2, "s") || ends(c, e + 2, "ed")) && !win(c, e + 2, dets)) ||
				     /* ("... a "nice guy" and he did not ...", "... and Trump called it ...") */
				     (weq(c, e + 1, "and") && tk[e + 2].k == T_WORD && !tk[e + 2].q && subject_next(c, e + 1)) ||
				     is_weekday(c, e + 1) || weq(c, e + 1, "yesterday") || weq(c, e + 1, "today")))
					break;
				if (tk[e + 1].q == 0 && is_dash(c, e + 1))
					break;
				/* (", he said there was ...": a comma, then a clause of the writer's own with a
				 * speech verb, ends the reported clause) */
				if (tk[e + 1].q == 0 && pch(c, e + 1, ',') && e > q->close && comma_tag(c, e + 2))
					break;
				/* ("... "excited where we stand" as he faces a test": the writer's time clause) */
				if (tk[e + 1].q == 0 && weq(c, e + 1, "as") && win(c, e + 2, pronouns))
					break;
				if (tk[e + 1].q == 0 && e >= q->close && writer_goes_on(c, e))
					break;
				e++;
			}
		/* what follows the quote is mostly the writer's again, unless the cue reports a clause
		 * ("said that ...", "says he ..."), which runs on to the sentence end or its first comma */
		if (clause && e > q->close + CONTENT_AFTER && !pch(c, q->close - 1, ',') && !pch(c, q->close + 1, ',')) {
			/* (to its first comma: ", a charge that ...", ", which ..." are the writer's) */
			int ef = e;
			if (e > q->close + CONTENT_AFTER_CLAUSE) e = q->close + CONTENT_AFTER_CLAUSE;
			for (int k = q->close + 2; k <= e; k++) {
				/* (", and that ...": a second clause the cue reports) */
				if (pch(c, k, ',') && (weq(c, k + 1, "and") || weq(c, k + 1, "but")) && weq(c, k + 2, "that") && !tk[k + 2].q) {
					e = ef < k + 2 + CONTENT_AFTER_CLAUSE ? ef : k + 2 + CONTENT_AFTER_CLAUSE;
					continue;
				}
				if (pch(c, k, ',') || tk[k].q) {
					e = k - 1 > q->close + CONTENT_AFTER ? k - 1 : q->close + CONTENT_AFTER;
					break;
				}
			}
		} else if (e > q->close + CONTENT_AFTER)
			e = q->close + CONTENT_AFTER;
		/* (a cut inside a later quote takes the rest of it: "... twenty "felony charges"") */
		if (e > q->close && tk[e].q && c->rq[tk[e].q - 1].open > q->close && c->rq[tk[e].q - 1].close > e &&
		    c->rq[tk[e].q - 1].close <= e + 4)
			e = c->rq[tk[e].q - 1].close;
		else while (e > q->close && tk[e].k == T_PUNCT) e--;
		size_t s = lo_s < q->open ? tk[lo_s].s : at_open ? tk[q->open].s : o->start;
		size_t en = tk[e].e;   /* the closing mark too when the clause ends with the quote */
		if (en < o->end) en = o->end;
		o->content_start = s;
		o->content_end = en;
		int lo = clause_before_tag(c, q, cue);
		if (lo >= 0 && tk[lo].s < o->content_start) o->content_start = tk[lo].s;
	} else if (q->how == 'A' || q->how == 'T') {
		int lo = q->open;
		while (lo > 0 && tk[lo - 1].para == tk[q->open].para && tk[lo - 1].sent == tk[q->open].sent && !tk[lo - 1].q)
			lo--;
		while (lo < q->open && tk[lo].k == T_PUNCT) lo++;
		o->content_start = tk[lo].s < o->start ? tk[lo].s : o->start;
		/* "A cashier who "steals a handful" is held accountable, Warren said": the clause
		 * runs on after the quote up to its tag (a 'T' tag as far as slot_after looks for
		 * one, TAG_END_WITHIN tokens, and a little more) */
		int tg = q->cue;
		if (q->sp.kind && q->sp.a > q->close && (tg < 0 || q->sp.a < tg)) tg = q->sp.a;
		if (tg > q->close + 1 && tg < q->close + (q->how == 'T' ? TAG_END_WITHIN + 5 : 30) && tk[tg].para == tk[q->close].para && !tk[tg - 1].q &&
		    tk[tg].sent == tk[q->close].sent) {
			int e = trim_end(c, q->close + 1, tg - 1);
			int clean = e > q->close;
			for (int k = q->close + 1; k <= e && clean; k++) clean = !tk[k].q;
			if (clean) o->content_end = tk[e].e;
		}
		int y = tag_resumes(c, q);
		if (y > 0) {
			int e = sent_end(c, y);
			while (e > y && tk[e].k == T_PUNCT) e--;
			if (tk[e].e > o->content_end) o->content_end = tk[e].e;
		}
		/* "Oz is "smart," Mosko wrote in an email to a host on the network, and "full of it."":
		 * a quote that goes on after its tag; when the tag is longer than the content around
		 * it, the one span of the content is the longer part (what is left of the clause) */
		int t0 = q->cue >= 0 && q->cue < q->sp.a ? q->cue : q->sp.a;
		if (q->nf > 1 && q->sp.kind && t0 > q->open && q->tagend < q->close && tk[t0].s > o->content_start &&
		    tk[q->tagend].e < o->content_end) {
			int xe = t0 - 1, ys = q->tagend + 1;
			while (xe > q->open && tk[xe].k == T_PUNCT) xe--;
			while (ys < q->close && tk[ys].k == T_PUNCT) ys++;
			size_t x = tk[xe].e - o->content_start, yl = o->content_end - tk[ys].s;
			if (tk[ys].s - tk[xe].e > x + yl) {
				if (x >= yl) o->content_end = tk[xe].e;
				else o->content_start = tk[ys].s;
			}
		}
	}
}

static void add_out(nf_quotes *out, nf_quote *q)
{
	if (out->n == out->cap)
		nf_grow((void **)&out->q, &out->cap, out->n + 1, sizeof *out->q);
	out->q[out->n++] = *q;
}

/* Empties q, keeping its arrays (and one block of strings) for the next document. */
void nf_quotes_clear(nf_quotes *q)
{
	if (q->priv)
		qblk_reset(&((ctx *)q->priv)->ar, 1);
	q->n = 0;
}

void nf_quotes_free(nf_quotes *q)
{
	if (!q) return;
	if (q->priv) {
		ctx *s = q->priv;
		qblk_reset(&s->ar, 0);
		SCRATCH_ALL(SCRATCH_FREE, s, s);
		free(s);
		q->priv = NULL;
	}
	free(q->q);
	q->q = NULL;
	q->n = q->cap = 0;
}

/* ---- indirect speech ---- */


static int overlaps_quote(const ctx *c, int a, int b)
{
	for (int i = a; i <= b; i++)
		if (c->tk[i].q && !c->rq[c->tk[i].q - 1].single)   /* single marks: headline style */
			return 1;
	return 0;
}

static int sent_end(const ctx *c, int i)
{
	if ((size_t)i >= c->nt)
		return i;
	int s = c->sfirst[c->tk[i].sent + 1], p = c->pfirst[c->tk[i].para + 1];   /* (see sent_start) */
	return (s < p ? s : p) - 1;
}

/* Strips trailing punctuation tokens of [a, b]. */
static int trim_end(const ctx *c, int a, int b)
{
	while (b >= a && c->tk[b].k != T_WORD) b--;
	return b;
}

/* The comma at k sits inside a number ("2,400", "$100,000"): no break of the clause. */
static int num_comma(const ctx *c, int k)
{
	if (k <= 0 || (size_t)k + 1 >= c->nt || !pch(c, k, ','))
		return 0;
	const tok *a = &c->tk[k - 1], *b = &c->tk[k + 1];
	return a->e == c->tk[k].s && b->s == c->tk[k].e && a->k == T_WORD && b->k == T_WORD &&
	       c->t[a->e - 1] >= '0' && c->t[a->e - 1] <= '9' && c->t[b->s] >= '0' && c->t[b->s] <= '9';
}

/* Token k is a dash with a space before it (not the hyphen of "closer-than-expected"). */
static int spaced_dash(const ctx *c, int k)
{
	return k > 0 && is_dash(c, k) && c->tk[k - 1].e < c->tk[k].s;
}

/* "said on Wednesday at noon that ...": the "that" a few words after the cue, or 0. */
static int find_that(const ctx *c, int j, int hi)
{
	int lim = hi < j + 11 ? hi : j + 11;
	if (lim >= (int)c->nt) lim = (int)c->nt - 1;   /* (past the end no token stops it or is "that") */
	for (int k = j; k <= lim; k++) {
		const tok *t = &c->tk[k];
		uint64_t p = t->w8 ^ TOK_P1;   /* (a one-byte punctuation mark: its byte) */
		if (t->w8 == WLIT("that")) return k;
		if (t->q || t->cf || (p < 64 && (1ull << p & (1ull << '.' | 1ull << ';' | 1ull << ':')))) return 0;
	}
	return 0;
}

/* The sentence begins right after a quote: its words are that quote's tag. */
static int ca_after_quote(const ctx *c, int lo)
{
	int j = lo - 1;
	if (pch(c, j, ',')) j--;
	return j >= 0 && c->tk[j].q && c->tk[j].para == c->tk[lo].para;
}

/* 'Ola Berg, who calls the pier "a relic," said it should go': the quote just before the cue
 * at i sits in a relative clause about the sentence's subject, and the cue is that subject's
 * verb, not the quote's tag. */
static int quote_in_aside(const ctx *c, int i, np *o)
{
	int m = i - 1 - pch(c, i - 1, ',');   /* (the closing mark, the comma inside or after it) */
	if (m < 3 || c->tk[m].k != T_MARK || !c->tk[m].q || c->tk[m].sent != c->tk[i].sent)
		return 0;
	int a = m - 1, s0 = sent_start(c, i);
	while (a > s0 && c->tk[a].q == c->tk[m].q) a--;   /* (back over the quote to its opening mark) */
	for (int n = 0; a > s0 && n < 20; a--, n++) {
		if (c->tk[a].q || pch(c, a, '.') || pch(c, a, ';') || pch(c, a, ':'))
			return 0;
		if (pch(c, a, ','))
			break;
	}
	np t;
	if (!pch(c, a, ',') || !weq(c, a + 1, "who") || !np_bwd(c, a - 1, s0, &t) || t.kind == NP_PRON ||
	    !((t.kind == NP_ENT && ment_type(c, t.ment) == NF_PER) || t.kind == NP_ROLE) ||
	    !(t.a == s0 || subject_start(c, t.a)))
		return 0;
	*o = t;
	return 1;
}

/* The quote just before token lo ended its own sentence ("... policy.'' The network said ..."):
 * what follows is a new sentence, not that quote's tag. */
static int quote_ends_before(const ctx *c, int lo)
{
	int j = lo - 1;
	return j >= 0 && c->tk[j].k == T_MARK && c->tk[j].q && ends_sentence(c, j);
}

/* Token k reports a finding ("the poll shows", "a study found"). */
static int finding_cue(const ctx *c, int k)
{
	return weq(c, k, "shows") || weq(c, k, "showed") || weq(c, k, "show") || weq(c, k, "found") || weq(c, k, "finds") ||
	       weq(c, k, "suggests") || weq(c, k, "suggested") || weq(c, k, "indicates") || weq(c, k, "indicated");
}

/* Where the clause after a cue ends: the sentence end, or before "and said", "but added". */
/* A source that is no name the tool knows: the plain words from the clause start up to the cue
 * ("all the experts I interviewed said", "Political observers in Virginia say"). */
/* A modal or a negated auxiliary of the verb group: "can", "may", "didn't", "hasn't"; only the
 * negated ones when neg. */
static int modal_word(const ctx *c, int i, int neg)
{
	if ((size_t)i >= c->nt || c->tk[i].k != T_WORD) return 0;
	if (!neg && (weq(c, i, "can") || weq(c, i, "could") || weq(c, i, "may") || weq(c, i, "might") || weq(c, i, "must") ||
	    weq(c, i, "should") || weq(c, i, "shall")))
		return 1;
	const char *w = c->t + c->tk[i].s;
	size_t n = c->tk[i].e - c->tk[i].s;
	return (n >= 4 && (w[n - 3] | 32) == 'n' && w[n - 2] == '\'' && (w[n - 1] | 32) == 't') ||
	       (n >= 6 && (w[n - 5] | 32) == 'n' && (unsigned char)w[n - 4] == 0xE2 && (unsigned char)w[n - 3] == 0x80 &&
		(unsigned char)w[n - 2] == 0x99 && (w[n - 1] | 32) == 't');
}

static int nominal_subject(const ctx *c, int lo, int k, np *o)
{
	int a = skip_adv_bwd(c, k - 1, lo);
	/* (the subject is before the verb group: "The firm hasn't confirmed") */
	{
		int a0 = a;   /* (an imperative keeps its row: "But don't expect ...") */
		for (int n = 0; n < 2 && a > lo && modal_word(c, a, 1); n++)
			a = skip_adv_bwd(c, a - 1, lo);
		if (a != a0 && (c->tk[a].k != T_WORD || weq(c, a, "and") || weq(c, a, "but") || weq(c, a, "so")))
			a = a0;
	}
	int e = a;
	/* (a slash inside a name joins its words: "The Reuters/Ipsos poll") */
	while (a >= lo && !c->tk[a].q && e - a < 10 &&
	       (c->tk[a].k == T_WORD || (pch(c, a, '/') && a > lo && c->tk[a - 1].k == T_WORD && c->tk[a + 1].k == T_WORD) ||
		(pch(c, a, '%') && a > lo && c->tk[a - 1].k == T_WORD)))   /* "42% say" */
		a--;
	a++;
	if (a > e || (a > lo && !pch(c, a - 1, ',') && !pch(c, a - 1, ';')))
		return 0;   /* the clause starts in the middle of other words */
	while (a <= e && (weq(c, a, "and") || weq(c, a, "but") || weq(c, a, "so")))
		a++;
	if (a > e || weq(c, e, "and") || weq(c, e, "but") || weq(c, e, "or"))
		return 0;   /* (no subject ends in a conjunction: "..., arrived and said") */
	if (win(c, a, nsubj_bad))
		return 0;
	if (ends(c, a, "ing") && (!c->tk[a].cap || a == e))
		return 0;   /* "dealing a blow to ...", "Following [his] comments" */
	for (int z = a; z <= e; z++) {
		if (z < e && modal_word(c, z, 1)) return 0;   /* ("Belcher wouldn't share the poll when asked") */
		if (win(c, z, nsubj_verbs) && !(z < e && weq(c, z, "to") && (weq(c, z + 1, "him") || weq(c, z + 1, "her") ||
							      weq(c, z + 1, "them") || weq(c, z + 1, "the") || c->tk[z + 1].cap)))
			return 0;   /* "... have every right to know" - but "Those close to him say" */
		if (z > a && ends(c, z, "ed") && !win(c, z - 1, pronouns) && !c->tk[z].cap &&
		    !(z == e && (weq(c, z, "polled") || weq(c, z, "surveyed") || weq(c, z, "questioned") || weq(c, z, "interviewed"))) &&
		    !(finding_cue(c, k) && (weq(c, z, "released") || weq(c, z, "published") || weq(c, z, "conducted") ||
					    weq(c, z, "taken") || weq(c, z, "commissioned"))))   /* "a poll released Monday shows" */
			return 0;   /* "the bill passed" - but "the experts I interviewed", "56 percent of those polled" */
	}
	for (int z = a; z <= e; z++)
		if (weq(c, z, "that") || weq(c, z, "which") || weq(c, z, "not") || (cue_of(c, z) && !is_role(c, z)) ||
		    win(c, z, pronouns) || win(c, z, conj))
			if (!(win(c, z, pronouns) && z > a))   /* "the experts I interviewed" */
				return 0;
	*o = (np){ NP_SRC, a, e, -1 };
	return 1;
}

static int clause_end0(const ctx *c, int j, int hi);
static int verb_like(const ctx *c, int k);
static int verb_goes_on(const ctx *c, int v);

static int is_weekday(const ctx *c, int i)
{
	return win(c, i, weekdays);
}

/* A phrase that says when or where the words were said, not what ("on Wednesday at a rally",
 * "in an interview", "during a news conference"), starting at token k. */
static int said_when(const ctx *c, int k)
{
	if (weq(c, k, "on") && is_weekday(c, k + 1) && (weq(c, k + 2, "at") || weq(c, k + 2, "in") || weq(c, k + 2, "during")))
		return 1;   /* (a bare "on Friday" may be what was said: "the ferry would resume on Friday") */
	if (is_weekday(c, k) && (weq(c, k + 1, "at") || weq(c, k + 1, "in") || weq(c, k + 1, "during") || weq(c, k + 1, "on")))
		return 1;
	if ((weq(c, k, "in") || weq(c, k, "during")) && (weq(c, k + 1, "an") || weq(c, k + 1, "a")) &&
	    (weq(c, k + 2, "interview") || weq(c, k + 2, "statement") || weq(c, k + 2, "speech") || weq(c, k + 2, "news") ||
	     weq(c, k + 2, "radio") || weq(c, k + 2, "televised") || weq(c, k + 2, "phone") || weq(c, k + 2, "telephone")))
		return 1;
	return 0;
}

static int clause_end(const ctx *c, int j, int hi)
{
	int e0 = clause_end0(c, j, hi);
	/* "... Obama was the founder of ISIS on Wednesday at a Florida rally" */
	for (int k = e0 - 1; k > j + 2 && k > e0 - 10; k--)
		if ((weq(c, k, "on") || weq(c, k, "in") || weq(c, k, "during") || is_weekday(c, k)) && said_when(c, k)) {
			if (weq(c, k - 1, "on") || weq(c, k - 1, "last") || weq(c, k - 1, "this"))
				k--;   /* "on Tuesday at a news conference" */
			e0 = trim_end(c, j, k - 1);
			break;
		}
	return e0;
}

/* Token a is a subject pronoun with its verb contracted: "he's", "it's", "they're", "that's",
 * "there's", "we'll", "I'd" (straight or curly apostrophe). */
static int contracted_subject(const ctx *c, int a)
{
	if ((size_t)a >= c->nt || c->tk[a].k != T_WORD)
		return 0;
	const char *w = c->t + c->tk[a].s;
	size_t n = c->tk[a].e - c->tk[a].s;
	static const char *const subj[] = { "he", "she", "it", "they", "we", "i", "you", "that", "there", NULL };
	for (size_t b = 1; b + 1 < n && b <= 5; b++) {
		size_t m = w[b] == '\'' ? 1 : (b + 3 <= n && (unsigned char)w[b] == 0xE2 && (unsigned char)w[b + 1] == 0x80 &&
					      (unsigned char)w[b + 2] == 0x99) ? 3 : 0;
		if (!m) continue;
		const char *r = w + b + m;
		size_t rn = n - b - m;
		if (!(ieq(r, rn, "s", 1) || ieq(r, rn, "re", 2) || ieq(r, rn, "ll", 2) || ieq(r, rn, "d", 1) || ieq(r, rn, "ve", 2) ||
		      ieq(r, rn, "m", 1)))
			return 0;
		for (int i = 0; subj[i]; i++)
			if (ieq(w, b, subj[i], strlen(subj[i]))) return 1;
		return 0;
	}
	return 0;
}

/* ", and the council approved it": what follows opens a clause with a subject of its own (a
 * determiner, a subject pronoun or a name, then a verb within a few words), not a second verb
 * or complement of the cue's clause (", and took ...", ", and that ...", ", and on Sunday"). */
static int new_clause(const ctx *c, int a, int hi)
{
	if (c->tk[a].k != T_WORD || c->tk[a].q || weq(c, a, "that"))
		return 0;
	if (contracted_subject(c, a))
		return 1;   /* ", and he's ...", ", and it's ...": a subject and its verb */
	if (!(win(c, a, dets) || win(c, a, pronouns) || (c->tk[a].cap && !win(c, a, stopcap))))
		return 0;
	for (int k = a + 1; k <= hi && k <= a + 8; k++) {
		if (c->tk[k].q || pch(c, k, ';') || pch(c, k, ':'))
			return 0;
		if (verb_like(c, k) || modal_word(c, k, 1) || ((cue_of(c, k) & (CUE_SPEECH | CUE_BELIEF)) && !(cue_of(c, k) & CUE_ING)))
			return 1;   /* (and a negated auxiliary: "both sides aren't ...") */
	}
	return 0;
}

/* Token k is a subordinating conjunction ("as" is left out: "such as", "as well"). */
static int subord_word(const ctx *c, int k)
{
	return weq(c, k, "when") || weq(c, k, "if") || weq(c, k, "after") || weq(c, k, "before") || weq(c, k, "because") ||
	       weq(c, k, "while") || weq(c, k, "although") || weq(c, k, "though") || weq(c, k, "since") || weq(c, k, "once") ||
	       weq(c, k, "until");
}

/* A subordinating conjunction among tokens [a, b). */
static int subord_in(const ctx *c, int a, int b)
{
	for (int k = a; k < b; k++)
		if (subord_word(c, k))
			return 1;
	return 0;
}

/* A comma or a quotation mark among tokens [a, b). */
static int comma_in(const ctx *c, int a, int b)
{
	for (int k = a; k < b; k++)
		if (pch(c, k, ',') || c->tk[k].q)
			return 1;
	return 0;
}

/* The appositive after the comma at k closes with a comma, and the clause goes on with a
 * preposition or a verb: "he had to connect Ann Roe, a banker from Lyon, with someone at the
 * ministry". */
static int appos_closes(const ctx *c, int k, int hi)
{
	for (int z = k + 2; z < hi; z++) {
		if (c->tk[z].q || pch(c, z, ';') || pch(c, z, ':'))
			return 0;
		if (pch(c, z, ',')) {
			int n = z + 1;
			return c->tk[n].k == T_WORD && !c->tk[n].cap && !win(c, n, conj) && !weq(c, n, "and") && !weq(c, n, "which") &&
			       !weq(c, n, "who") && !ends(c, n, "ing") && (win(c, n, clause_bad) || verb_like(c, n));
		}
	}
	return 0;
}

static int rel_word(const ctx *c, int k);

/* Tokens a..hi are a noun phrase to the end: no verb, cue, comma, quote or relative word. */
static int final_appos(const ctx *c, int a, int hi)
{
	if (hi - a > 8)
		return 0;
	for (int z = a; z <= hi; z++)
		if (c->tk[z].q || pch(c, z, ',') || pch(c, z, ';') || (verb_like(c, z) && !(z == a && ends(c, z, "ed"))) ||
		    (cue_of(c, z) && z > a) || rel_word(c, z) ||   /* ("the presumed nominee") */
		    weq(c, z, "that") || (c->tk[z].k == T_WORD && ends(c, z, "ing") && !c->tk[z].cap))
			return 0;
	return 1;
}

/* The relative clause after the comma at k runs to hi with no comma, quote or cue in it, and
 * a finite verb comes between j and k (the clause's own verb, before its object). */
static int final_rel(const ctx *c, int j, int k, int hi)
{
	int v = 0;
	for (int z = j; z < k && !v; z++)
		v = verb_like(c, z) && !ends(c, z, "ed");
	if (!v)
		return 0;
	for (int z = k + 2; z <= hi; z++)
		if (c->tk[z].q || (pch(c, z, ',') && !num_comma(c, z)) || pch(c, z, ';') || pch(c, z, ':') || is_dash(c, z) || pch(c, z, '(') ||
		    (cue_of(c, z) & (CUE_SPEECH | CUE_BELIEF)))
			return 0;
	return 1;
}

/* What follows ", and" at a is a subject of a few words and a finite verb of saying ("three in
 * ten said", "most of the rest say"): a second report, not the first one's words. */
static int and_says(const ctx *c, int a, int hi)
{
	for (int z = a + 1; z <= hi && z <= a + 7; z++) {
		if (c->tk[z].q || (c->tk[z].k != T_WORD && !pch(c, z, '-') && !pch(c, z, '%')) || subord_word(c, z - 1) ||
		    rel_word(c, z - 1) || weq(c, z - 1, "that"))
			return 0;   /* (", and though she has said ...", ", and people who know ...") */
		if ((cue_of(c, z) & CUE_SAY) && !(cue_of(c, z) & CUE_ING) && !weq(c, z - 1, "to") && !win(c, z - 1, dets) &&
		    !weq(c, z - 1, "no"))   /* ("and no expressed aim") */
			return c->tk[z - 1].k == T_WORD || pch(c, z - 1, '%');
	}
	return 0;
}

/* ", though it is late.", ", although the board objects.": a concessive clause that closes the
 * sentence hedges what was said and is reported with it, and so does ", but could not ..." (the
 * reported subject's next verb group); not ", but the board ...", ", while ...": a contrast the
 * writer draws. */
static int concessive_end(const ctx *c, int a, int hi)
{
	/* (", but could not ...": the reported subject's second verb group, with no subject of its own) */
	int but_v = weq(c, a, "but") && (modal_word(c, a + 1, 0) || weq(c, a + 1, "would") || weq(c, a + 1, "will") ||
					 weq(c, a + 1, "also") || weq(c, a + 1, "still") || weq(c, a + 1, "not"));
	if ((!weq(c, a, "though") && !weq(c, a, "although") && !but_v) || a + 2 > hi || c->tk[a + 1].k != T_WORD ||
	    c->tk[a + 2].k != T_WORD)
		return 0;   /* (a clause of two words at least: not the adverb in "..., though.") */
	for (int z = a + 1; z <= hi; z++)
		if (c->tk[z].q || pch(c, z, ';') || pch(c, z, ':') || spaced_dash(c, z) || (cue_of(c, z) & (CUE_SPEECH | CUE_BELIEF)))
			return 0;   /* (nor one inside an aside: "X -- which ..., though ... -- missed") */
	return 1;
}

/* The first token from k to lim (lim < nt) that is a comma, a semicolon, "and" or "but", or
 * lim + 1: each token's w8 compared as pch and weq do, without their bounds tests, in a loop
 * of its own (most tokens are none of these). */
static int clause_break_from(const tok *tk, int k, int lim)
{
	for (; k <= lim; k++) {
		uint64_t w = tk[k].w8;   /* (the words are of three bytes: below 1 << 24) */
		if (w < (1ull << 24) ? w == WLIT("and") || w == WLIT("but") : w == (TOK_P1 | ',') || w == (TOK_P1 | ';'))
			break;
	}
	return k;
}

static int clause_end0(const ctx *c, int j, int hi)
{
	int lim = hi < (int)c->nt ? hi : (int)c->nt - 1;   /* (past the last token none is one) */
	for (int k = j + 1; (k = clause_break_from(c->tk, k, lim)) <= lim; k++) {
		/* (every test below is at one of these) */
		if (num_comma(c, k))
			continue;
		/* "... the market was calm, and the bank raised its rates": the writer's next clause */
		if (pch(c, k, ',') && weq(c, k + 1, "and") && k - j >= 3 && new_clause(c, k + 2, hi))
			return trim_end(c, j, k - 1);
		/* "..., and has championed ...", ", and pushed to ...": the subject's next verb after a
		 * comma and "and" (adverbs only before it), not the reported clause's */
		if (pch(c, k, ',') && weq(c, k + 1, "and") && k - j >= 3) {
			int v = k + 2;
			for (int n = 0; n < 3 && v < hi && !verb_goes_on(c, v) && win(c, v, advs); n++) v++;
			if (v <= hi && verb_goes_on(c, v) && !(cue_of(c, v) & CUE_ING) && !modal_word(c, v, 0) && !weq(c, v, "will") &&
			    !weq(c, v, "would"))   /* (", and would not require ...": the reported subject's modal) */
				return trim_end(c, j, k - 1);
		}
		/* ", and more than half said ...": a next subject (a number, a share) with its own cue */
		if (pch(c, k, ',') && weq(c, k + 1, "and") && k - j >= 3 && and_says(c, k + 2, hi))
			return trim_end(c, j, k - 1);
		if (weq(c, k, "and") || weq(c, k, "but")) {   /* (the next word after adverbs only then) */
			int nx = skip_adv_fwd(c, k + 1, hi + 1);
			if ((cue_of(c, nx) & CUE_SPEECH) && !((weq(c, nx, "state") || weq(c, nx, "states")) && !weq(c, nx + 1, "that")))
				return trim_end(c, j, k - 1);
			/* "... willingness to change it but has been met with opposition": the subject's next verb */
			if (weq(c, k, "but") && k - j >= 3 && (weq(c, nx, "has") || weq(c, nx, "have") || weq(c, nx, "had") ||
							       weq(c, nx, "is") || weq(c, nx, "was") || weq(c, nx, "will") ||
							       weq(c, nx, "would") || weq(c, nx, "did")))
				return trim_end(c, j, k - 1);
		}
		/* ", focusing on ...": a participle clause of the writer's */
		if (pch(c, k, ',') && k - j >= 3 && c->tk[k + 1].k == T_WORD && !c->tk[k + 1].cap && ends(c, k + 1, "ing") &&
		    !weq(c, k + 1, "including"))
			return trim_end(c, j, k - 1);
		if (pch(c, k, ',') && (cue_of(c, k + 1) & CUE_ING) && k - j >= 1)
			return trim_end(c, j, k - 1);   /* "X rejected the report, saying ..." */
		if (pch(c, k, ',') && ((win(c, k + 1, conj) && !weq(c, k + 2, "that") && !concessive_end(c, k + 1, hi)) ||
				       (cue_of(c, k + 1) & CUE_ING) ||
				       ((weq(c, k + 1, "a") || weq(c, k + 1, "an")) && !appos_closes(c, k, hi))) && k - j >= 3)
			return trim_end(c, j, k - 1);   /* ", though ...", ", saying ...", ", a process that ...", ", which ..."
							 * (not ", but that ...": a second clause of the cue's) */
		/* "... did not support Ana Roe, the party's favourite.": an appositive after a name that
		 * closes the sentence is the writer's note on the person */
		if (pch(c, k, ',') && k - j >= 3 && weq(c, k + 1, "the") && c->tk[k - 1].cap && c->tk[k - 1].k == T_WORD &&
		    final_appos(c, k + 2, hi))
			return trim_end(c, j, k - 1);
		/* "... favour the plan, compared with 40 percent in May": the writer's comparison */
		if (pch(c, k, ',') && k - j >= 3 && (weq(c, k + 1, "compared") || weq(c, k + 1, "up") || weq(c, k + 1, "down")) &&
		    (weq(c, k + 2, "with") || weq(c, k + 2, "to") || weq(c, k + 2, "from")))
			return trim_end(c, j, k - 1);
		if (pch(c, k, ';') && k - j >= 3)
			return trim_end(c, j, k - 1);
		/* "... she would meet the board, which has run the port since 1990.": a relative clause
		 * on the reported clause's last noun, after its verb, closing the sentence, is the
		 * writer's note (not one inside the subject: "the plan, which ..., failed") */
		if (pch(c, k, ',') && k - j >= 3 && (weq(c, k + 1, "which") || weq(c, k + 1, "who")) && final_rel(c, j, k, hi))
			return trim_end(c, j, k - 1);
		/* ", and when pressed on ...": the writer goes on with a new clause */
		if (pch(c, k, ',') && (weq(c, k + 1, "and") || weq(c, k + 1, "but")) && k - j >= 3 &&
		    (weq(c, k + 2, "when") || weq(c, k + 2, "if") || weq(c, k + 2, "while") || weq(c, k + 2, "after") ||
		     weq(c, k + 2, "because") || weq(c, k + 2, "then")))
			return trim_end(c, j, k - 1);
		/* "... and Democrats accused ...": a new clause with its own source */
		if ((weq(c, k, "and") || weq(c, k, "but")) && k - j >= 3 && !weq(c, k + 1, "that")) {
			np t;   /* (not "... but that it would add ...": a second clause of the cue's) */
			if (np_fwd(c, k + 1, hi + 1, &t) && t.kind != NP_NAME && (cue_of(c, skip_adv_fwd(c, t.b + 1, hi + 1)) & (CUE_SPEECH | CUE_BELIEF)))
				return trim_end(c, j, k - 1);
			/* "and the curators warned that ..." */
			if (win(c, k + 1, dets))
				for (int z = k + 2; z <= hi && z < k + 6 && c->tk[z].k == T_WORD; z++)
					if ((cue_of(c, z) & CUE_SAY) && !weq(c, z - 1, "to") && !ends(c, z, "ing"))
						return trim_end(c, j, k - 1);
		}
	}
	return trim_end(c, j, hi);
}

/* A cue whose object is what is reported ("cited the report", "vowed to ..."): not verbs of
 * perception, thought or mere talking, whose objects are no content ("saw the tweet",
 * "spoke to a gathering"), nor passives ("is expected to"). */
/* Token v is a finite auxiliary or modal: "has", "was", "will", "did", "could" ... */
static int aux_word(const ctx *c, int v)
{
	return weq(c, v, "has") || weq(c, v, "have") || weq(c, v, "had") || weq(c, v, "is") || weq(c, v, "are") || weq(c, v, "was") ||
	       weq(c, v, "were") || weq(c, v, "will") || weq(c, v, "would") || weq(c, v, "did") || weq(c, v, "does") || weq(c, v, "can") ||
	       weq(c, v, "could") || weq(c, v, "should") || weq(c, v, "may") || weq(c, v, "might") || weq(c, v, "must");
}

/* "said after the convention he would ...": where the clause after a short phrase of time or
 * place starts (its subject pronoun), or 0. */
static int clause_after_pp(const ctx *c, int j, int hi)
{
	int time = is_weekday(c, j) || weq(c, j, "last") || weq(c, j, "yesterday") || weq(c, j, "earlier");
	if (!(weq(c, j, "after") || weq(c, j, "before") || weq(c, j, "during") || weq(c, j, "in") || weq(c, j, "on") ||
	      weq(c, j, "at") || weq(c, j, "over") || time))
		return 0;
	for (int k = j + 1; k <= hi && k <= j + 6 && c->tk[k].k == T_WORD; k++) {
		if (subord_word(c, k) || weq(c, k, "how") || weq(c, k, "whether") || weq(c, k, "what") || weq(c, k, "why") ||
		    weq(c, k, "that") || (cue_of(c, k) && !c->tk[k].cap))
			return 0;   /* ("would not say Tuesday how ...", "Saturday when he ...", "on Sunday now suggest") */
		if (win(c, k, pronouns) && !weq(c, k, "it"))
			return k;
		/* "said on Tuesday the ferry would ...", "said in an interview the plan was ...": a
		 * subject after the phrase's own words, then an auxiliary (the clause's verb) */
		if (k >= j + 1 + !time && !win(c, k - 1, dets) && (weq(c, k, "the") || c->tk[k].cap) && !is_weekday(c, k)) {
			for (int v = k + 1; v <= hi && v <= k + 8 && c->tk[v].k == T_WORD && !c->tk[v].q && !weq(c, v, "that") &&
			     !(cue_of(c, v) & (CUE_SPEECH | CUE_BELIEF)); v++)
				if (aux_word(c, v))
					return k;
			return 0;   /* (only the first such word: not "the case" inside "the suspects in the case may") */
		}
	}
	return 0;
}

/* A word that may start what follows a closing tag: a time, a place, a manner. */
static int tail_word(const ctx *c, int i)
{

	return win(c, i, tail_words) || (c->tk[i].k == T_WORD && ends(c, i, "ly"));
}

/* "spoke", "talked": "for" after them is a time ("spoke for an hour"), not what was said */
static int talk_cue(const ctx *c, int i)
{
	const char *w = c->t + c->tk[i].s;
	size_t n = c->tk[i].e - c->tk[i].s;
	return (n >= 4 && (ieq(w, 4, "spok", 4) || ieq(w, 4, "talk", 4))) || (n >= 5 && ieq(w, 5, "speak", 5));
}

/* The cue at i is a passive ("was admitted to hospital", "is expected to"), not "is defending
 * the plan" (progressive). */
static int passive_cue(const ctx *c, int i)
{
	if (ends(c, i, "ing"))
		return 0;
	/* (advs holds the auxiliaries too: the walk stops at them) */
	int p = i - 1;
	while (p > 0 && win(c, p, advs) && !weq(c, p, "has") && !weq(c, p, "have") && !weq(c, p, "had") && !be_form(c, p)) p--;
	return be_form(c, p);
}

/* "Voters see Lopez as the stronger candidate", "X regards the plan as a mistake": a verb of
 * perception or thought with an object and "as" reports both (its object alone is no content) */
static int as_object(const ctx *c, int i)
{
	char w0 = (char)(c->t[c->tk[i].s] | 32);
	if ((w0 != 's' && w0 != 'v' && w0 != 'r' && w0 != 'c') || !(weq(c, i, "see") || weq(c, i, "sees") ||
	    weq(c, i, "saw") || weq(c, i, "viewed") || weq(c, i, "regard") ||
	    weq(c, i, "regards") || weq(c, i, "regarded") || weq(c, i, "consider") || weq(c, i, "considers") ||
	    weq(c, i, "considered")) || passive_cue(c, i))
		return 0;
	for (int k = i + 2; k < (int)c->nt && k <= i + 8; k++) {
		if (c->tk[k].k != T_WORD || c->tk[k].q)
			return 0;
		if (weq(c, k, "as"))
			return k + 1 < (int)c->nt && c->tk[k + 1].k == T_WORD;
	}
	return 0;
}

static int obj_cue(const ctx *c, int i)
{
	/* (a cue word's answer was found when the word table was built) */
	int no = c->tk[i].cue ? (c->tk[i].cue & CUE_NO_OBJ) != 0 : no_object_cue(c->t + c->tk[i].s, c->tk[i].e - c->tk[i].s);
	if (no)
		return (weq(c, i, "called") && weq(c, i + 1, "for")) || as_object(c, i);
	return !passive_cue(c, i);
}

/* Token k is the lower-case word w, a prefix of it when pre (no strlen: the lists below are
 * tried on every indirect candidate). */
static inline int wis(const ctx *c, int k, const char *w, int pre)
{
	if ((size_t)k >= c->nt || c->tk[k].k != T_WORD)
		return 0;
	const char *t = c->t + c->tk[k].s;
	size_t n = c->tk[k].e - c->tk[k].s, i = 1;
	if ((char)(t[0] | 32) != w[0])
		return 0;
	for (; i < n && w[i]; i++)
		if ((char)(t[i] | 32) != w[i]) return 0;
	return !w[i] && (pre || i == n);
}

/* A preposition that opens a phrase of time, place or addressee ("to the council", "on Tuesday"):
 * 2 for one of time or place, which no cue takes ("in December", "at a briefing"), 1 for one a
 * cue may take ("referring to", "accused him of", "praised her for"). */
static int adv_prep(const ctx *c, int k)
{
	/* (weq: a compare of the folded word each, no loop over the letters) */
	if (weq(c, k, "on") || weq(c, k, "at") || weq(c, k, "in") || weq(c, k, "during") || weq(c, k, "after") ||
	    weq(c, k, "before") || weq(c, k, "over") || weq(c, k, "since") || weq(c, k, "until") || weq(c, k, "around") ||
	    weq(c, k, "via") || weq(c, k, "amid") || weq(c, k, "throughout") || weq(c, k, "across") || weq(c, k, "near"))
		return 2;
	if (weq(c, k, "to") || weq(c, k, "of") || weq(c, k, "for") || weq(c, k, "with") || weq(c, k, "from") ||
	    weq(c, k, "by") || weq(c, k, "into") || weq(c, k, "about") || weq(c, k, "through") || weq(c, k, "without") ||
	    weq(c, k, "under") || weq(c, k, "against"))
		return 1;
	return 0;
}

/* Tokens [ca, cb] hold nothing reported: a lone pronoun or number, a quantifier ("little",
 * "nothing", "a lot") or a time ("Monday", "earlier") alone or with phrases of time, place or
 * addressee ("little on Tuesday", "Monday at Liberty University"), or such phrases alone with
 * no verb or clause in them ("to the council on Tuesday", "in a speech last July", "it during
 * the debate"), but not one phrase the cue may take ("referring to the plan", "accused him of
 * fraud"). */
static int no_content(const ctx *c, int cue, int ca, int cb)
{
	if (cb - ca > 11 || c->tk[ca].k != T_WORD)
		return 0;
	/* "according to Welch said": a speaker and a speech verb, nothing they said */
	if (cb - ca <= 3 && cb > ca && (weq(c, cb, "said") || weq(c, cb, "says") || weq(c, cb, "say") || weq(c, cb, "told") ||
					weq(c, cb, "added") || weq(c, cb, "wrote") || weq(c, cb, "stated"))) {
		int k = ca;
		while (k < cb && c->tk[k].k == T_WORD && !verb_like(c, k) && !c->tk[k].q) k++;
		if (k == cb)
			return 1;
	}
	int k = ca, head = 0, obj = 0, first = 0, when = 0;
	if (c->tk[k].k == T_WORD && c->t[c->tk[k].s] >= '0' && c->t[c->tk[k].s] <= '9' && ca == cb)
		return 1;   /* a lone number */
	if (weq(c, k, "a") && weq(c, k + 1, "lot")) k += 2, head = 1;
	else if (weq(c, k, "little") || weq(c, k, "much") || weq(c, k, "nothing") || weq(c, k, "something") ||
		 weq(c, k, "anything") || weq(c, k, "everything") || weq(c, k, "more") || weq(c, k, "less") ||
		 weq(c, k, "plenty") || weq(c, k, "lots"))
		k++, head = 1;   /* (a quantifier) */
	if (!head && (weq(c, k, "it") || weq(c, k, "so") || weq(c, k, "this") || weq(c, k, "that") || weq(c, k, "them") ||
		      weq(c, k, "him") || weq(c, k, "her") || weq(c, k, "us") || weq(c, k, "me") || weq(c, k, "you")))
		k++, obj = 1;   /* (a pronoun) */
	for (;;) {   /* a time alone or after the pronoun ("it earlier") */
		int t = weq(c, k, "yesterday") || weq(c, k, "today") || weq(c, k, "tonight") || weq(c, k, "earlier") ||
			weq(c, k, "later") || weq(c, k, "last") || weq(c, k, "next") || weq(c, k, "recently") ||
			weq(c, k, "ago") || weq(c, k, "early") || weq(c, k, "late") || weq(c, k, "this");
		if (!t && !win(c, k, time_units)) break;
		k++, head |= !obj, when = 1;
	}
	if (k > cb)
		return head || obj;
	while (k <= cb) {
		int pk = adv_prep(c, k);
		if (!pk)
			return 0;
		if (!first) first = pk;
		when |= pk == 2;
		/* "to protect", "about 5,000 voters support": an infinitive or an amount, not a place */
		if (weq(c, k, "to") && !(win(c, k + 1, dets) || c->tk[k + 1].cap || weq(c, k + 1, "him") || weq(c, k + 1, "them")))
			return 0;
		if (weq(c, k, "about") && (!win(c, k + 1, dets) || weq(c, k + 1, "one")))
			return 0;
		int w = 0;
		for (k++; k <= cb && !adv_prep(c, k); k++, w++) {
			if (c->tk[k].k != T_WORD || verb_like(c, k) || (win(c, k, pronouns) && !weq(c, k, "it")) || c->tk[k].q ||
			    weq(c, k, "that") || weq(c, k, "who") || weq(c, k, "which") || weq(c, k, "whether") || weq(c, k, "if") ||
			    weq(c, k, "how") || weq(c, k, "what") || weq(c, k, "why") || weq(c, k, "when") || weq(c, k, "where") ||
			    w >= 5)
				return 0;
			when |= win(c, k, time_units);
		}
		if (!w)
			return 0;
	}
	/* (a quantifier or a time takes no phrase; a pronoun or nothing may: then a time or a place
	 * must follow, and the cue must be no verb that takes the phrase: "referred to the attack in May") */
	static const char *const takes[] = { "refer", "point", "respon", "repl", "object", "react", "compar", "accus",
		"warn", "complain", "insist", "call", "allud", "comment", "argu", "testif", "confess", "appeal", "plead", NULL };
	if (!head && first == 1 && cue >= 0 && c->tk[cue].k == T_WORD)
		for (int i = 0; takes[i]; i++)
			if (wis(c, cue, takes[i], 1))
				return 0;
	return head || first == 2 || when;
}

/* ---- validity tests that drop an indirect row: each a function, all called from ind_drop ---- */

static int add_form(const ctx *c, int i)
{
	return weq(c, i, "add") || weq(c, i, "adds") || weq(c, i, "added") || weq(c, i, "adding");
}

/* "found itself at the centre of the row", "finds herself in a tight race": find with a
 * reflexive object says where someone ended up, not what they found */
static int ip_find_self(const ctx *c, int cue, int ca)
{
	if (ca != cue + 1 || !(wis(c, cue, "find", 0) || wis(c, cue, "finds", 0) || wis(c, cue, "found", 0) ||
			       wis(c, cue, "finding", 0)))
		return 0;
	return c->tk[ca].k == T_WORD && !c->tk[ca].cap && (ends(c, ca, "self") || ends(c, ca, "selves"));
}

/* "maintains a wide lead", "maintained close ties": maintain with a noun phrase (no clause in
 * it) means keep; only "maintains that ..." or "maintained the plan was ..." report */
static int ip_maintain_np(const ctx *c, int cue, int ca, int cb)
{
	if (ca != cue + 1 || !wis(c, cue, "maintain", 1))
		return 0;
	for (int k = ca; k <= cb; k++)
		if (c->tk[k].q || verb_like(c, k) || aux_word(c, k) || (win(c, k, pronouns) && !weq(c, k, "it")) ||
		    weq(c, k, "that") || weq(c, k, "says") || weq(c, k, "said"))
			return 0;
	return 1;
}

/* "added to her delegate lead", "adds to the drama": "add to" and a noun phrase is a sum, not
 * a remark ("added to reporters that ..." is rare and would carry a clause) */
static int ip_add_to(const ctx *c, int cue, int ca, int cb)
{
	if (ca != cue + 1 || !add_form(c, cue) || !weq(c, ca, "to") || ca == cb)
		return 0;
	if (!(win(c, ca + 1, dets) || c->tk[ca + 1].cap))
		return 0;   /* ("added to cut ...": an infinitive) */
	for (int k = ca + 1; k <= cb; k++)
		if (c->tk[k].q || aux_word(c, k) || weq(c, k, "that") || (win(c, k, pronouns) && !weq(c, k, "it")))
			return 0;
	return 1;
}

/* "spoke on the condition of anonymity", "talked on condition that he not be named": the terms
 * of speaking, not what was said */
static int ip_on_condition(const ctx *c, int cue, int ca)
{
	if (!talk_cue(c, cue) || !weq(c, cue + 1, "on"))
		return 0;
	int k = cue + 2 + weq(c, cue + 2, "the");
	return weq(c, k, "condition") && ca <= k + 2;   /* (the content starts inside "on the condition that") */
}

/* "called off the deal", "showed off the device", "has written off the effort": the verb's
 * particle, so the cue is a phrasal verb that reports nothing. Not "back" ("suggested back in
 * May that ..." is a time), nor a cue "back" ("backed off his plan" retracts a stance). */
static int ip_particle(const ctx *c, int cue, int ca)
{
	static const char *const parts[] = { "off", "away", "down", "along", NULL };
	if (ca != cue + 1 || c->tk[ca].cap || wis(c, cue, "back", 1))
		return 0;
	for (int i = 0; parts[i]; i++)
		if (wis(c, ca, parts[i], 0)) return 1;
	return 0;
}

/* "added 25 points", "added another stop to the route": add with an amount or a new item and
 * no clause is a sum, not a remark */
static int ip_add_amount(const ctx *c, int cue, int ca, int cb)
{
	if (ca != cue + 1 || !add_form(c, cue))
		return 0;
	if (!((c->t[c->tk[ca].s] >= '0' && c->t[c->tk[ca].s] <= '9') || weq(c, ca, "another") || weq(c, ca, "one") ||
	      weq(c, ca, "more") || weq(c, ca, "a") || weq(c, ca, "an")))
		return 0;
	for (int k = ca; k <= cb; k++)
		if (c->tk[k].q || verb_like(c, k) || aux_word(c, k) || weq(c, k, "that") || (win(c, k, pronouns) && !weq(c, k, "it")))
			return 0;
	return 1;
}

/* "..., said the company's chief executive, Ann Roe.", "..., said an official who was briefed
 * on the talks.": after a closing tag's verb, a person or role to the sentence end is who
 * spoke, not what was said */
static int ip_tag_speaker(const ctx *c, int cue, int ca, int cb)
{
	if (ca != cue + 1 || cue < 1 || !(pch(c, cue - 1, ',') || c->tk[cue - 1].k == T_MARK) ||
	    !(weq(c, cue, "said") || weq(c, cue, "says") || weq(c, cue, "wrote") || weq(c, cue, "added")))
		return 0;
	if ((size_t)cb + 1 < c->nt && c->tk[cb + 1].sent == c->tk[cb].sent && !pch(c, cb + 1, '.') &&
	    !(pch(c, cb + 1, ',') && rel_word(c, cb + 2)))
		return 0;   /* (the phrase must end the sentence, or a relative clause on it follow) */
	np sp;
	if (!np_fwd(c, ca, cb + 1, &sp) || sp.a != ca || !((sp.kind == NP_ENT && ment_type(c, sp.ment) == NF_PER) || sp.kind == NP_ROLE))
		return 0;
	int n = sp.b + 1;
	if (n <= cb && !pch(c, n, ',') && !rel_word(c, n) && !adv_prep(c, n))
		return 0;   /* ("said parents still want ...": the phrase is the subject of a clause) */
	for (int k = n; k <= cb; k++) {
		if (rel_word(c, k)) {   /* (a relative clause on the person: "who was briefed ...") */
			while (k < cb && !pch(c, k + 1, ',')) k++;
			continue;
		}
		if (c->tk[k].q || verb_like(c, k) || aux_word(c, k) || weq(c, k, "that") || win(c, k, pronouns))
			return 0;
	}
	return 1;
}

/* "'...,' Trump said of the encounter", "she said about the plan", "he said to an enormous
 * cheer": what follows say is the topic or the one spoken to, with no clause in it; the words
 * said are elsewhere (not "said about 20 people have ...": an amount) */
static int ip_say_topic(const ctx *c, int cue, int ca, int cb)
{
	if (!(weq(c, cue, "said") || weq(c, cue, "says") || weq(c, cue, "say")))
		return 0;
	int p = cue + 1;
	if (weq(c, p, "of") || weq(c, p, "about")) {
		if (ca != p + 1)
			return 0;
		if (weq(c, p, "about") && ((c->t[c->tk[ca].s] >= '0' && c->t[c->tk[ca].s] <= '9') || weq(c, ca, "half") ||
					   weq(c, ca, "a") || weq(c, ca, "one") || weq(c, ca, "two") || weq(c, ca, "three")))
			return 0;
	} else if (!(ca == p && weq(c, ca, "to") && ca < cb && (win(c, ca + 1, dets) || c->tk[ca + 1].cap))) {
		return 0;
	}
	for (int k = ca; k <= cb; k++)
		if (c->tk[k].q || aux_word(c, k) || weq(c, k, "that") || (win(c, k, pronouns) && !weq(c, k, "it")) ||
		    (verb_like(c, k) && !weq(c, k, "to")))
			return 0;
	return 1;
}

/* "asked not to be named", "declined to be identified", "requested anonymity to discuss ...":
 * like "spoke on condition of anonymity", the terms of speaking, not what was said */
static int ip_anonymity(const ctx *c, int cue, int ca)
{
	if (ca != cue + 1 && !(ca == cue + 2 && weq(c, cue + 1, "not")))
		return 0;
	if (!(wis(c, cue, "ask", 1) || wis(c, cue, "declin", 1) || wis(c, cue, "request", 1) || wis(c, cue, "refus", 1)))
		return 0;
	if (weq(c, ca, "anonymity"))
		return ca == cue + 1;
	int k = ca + weq(c, ca, "not");
	return weq(c, k, "to") && weq(c, k + 1, "be") &&
	       (weq(c, k + 2, "named") || weq(c, k + 2, "identified") || weq(c, k + 2, "quoted"));
}

/* "in states that vote on March 1", "the 15 states that have held primaries": "states" after
 * a determiner, a number, a quantifier or a preposition is the plural noun, not the verb
 * ("the law states that ..."), and what follows it is a relative clause */
static int ip_noun_states(const ctx *c, int cue)
{
	static const char *const quant[] = { "all", "most", "some", "many", "both", "several", "few", "other", "more",
		"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", NULL };
	if (!weq(c, cue, "states") || c->tk[cue].cap || cue < 1 || c->tk[cue - 1].k != T_WORD)
		return 0;
	int p = cue - 1;
	if (win(c, p, dets) || adv_prep(c, p) || (c->t[c->tk[p].s] >= '0' && c->t[c->tk[p].s] <= '9'))
		return 1;
	for (int i = 0; quant[i]; i++)
		if (wis(c, p, quant[i], 0)) return 1;
	return 0;
}

/* A row a cue gives in a sense that reports nothing: the tests above, tried in turn. */
static int ind_drop(const ctx *c, int cue, int ca, int cb)
{
	if (cue < 0 || (size_t)cue >= c->nt || c->tk[cue].k != T_WORD)
		return 0;
	return ip_find_self(c, cue, ca) ||
	       ip_maintain_np(c, cue, ca, cb) ||
	       ip_add_to(c, cue, ca, cb) ||
	       ip_on_condition(c, cue, ca) ||
	       ip_particle(c, cue, ca) ||
	       ip_add_amount(c, cue, ca, cb) ||
	       ip_tag_speaker(c, cue, ca, cb) ||
	       ip_say_topic(c, cue, ca, cb) ||
	       ip_anonymity(c, cue, ca) ||
	       ip_noun_states(c, cue);
}

/* Reports tokens [ca, cb] as indirect speech of sp; a tag inside it (gap_a..gap_b, ", he
 * said,") splits it in two fragments. */
static void add_indirect_gap(ctx *c, nf_quotes *out, int *last_cl, np *sp, int cue, int ca, int cb, int gap_a, int gap_b)
{
	if (!(gap_a > ca && gap_b < cb && gap_b > gap_a) && no_content(c, cue, ca, cb))
		return;
	if (ind_drop(c, cue, ca, cb))
		return;
	nf_quote q = { 0 };
	q.type = NF_Q_INDIRECT;
	q.start = c->tk[ca].s;
	q.end = c->tk[cb].e;
	q.sent = c->tk[ca].sent;
	q.frag = qalloc(c->arp, 2 * sizeof *q.frag);
	q.frag[0] = (nf_qfrag){ q.start, q.end };
	q.nfrag = 1;
	if (gap_a > ca && gap_b < cb && gap_b > gap_a) {
		int e1 = trim_end(c, ca, gap_a - 1);
		q.frag[0].end = c->tk[e1].e;
		q.frag[1] = (nf_qfrag){ c->tk[gap_b + 1].s, q.end };
		q.nfrag = 2;
	}
	q.content_start = q.start;
	q.content_end = q.end;
	int cl = resolve(c, sp, cue, &q, *last_cl);
	if (cl >= 0) *last_cl = cl;
	add_out(out, &q);
}

static void add_indirect(ctx *c, nf_quotes *out, int *last_cl, np *sp, int cue, int ca, int cb)
{
	add_indirect_gap(c, out, last_cl, sp, cue, ca, cb, -1, -1);
}

/* A colon at most 9 tokens after token i, in its paragraph, as headline_speaker needs (most
 * paragraphs have none there: indirect tests it before the call). */
static inline int headline_colon(const ctx *c, int i)
{
	int lim = c->pfirst[c->tk[i].para + 1], e = i + 9 < lim ? i + 9 : lim;
	if (e >= (int)c->nt)
		e = (int)c->nt - 1;   /* (no colon past the last token) */
	for (int k9 = i + 1; k9 <= e; k9++)   /* (pch's compare, its bounds test done above) */
		if (c->tk[k9].w8 == (TOK_P1 | ':'))
			return 1;
	return 0;
}

/* A headline or a transcript line "Sanders: Clinton needs to ...", "PENCE: Well, ...": a
 * paragraph that opens with a person (or organisation, or a name in capitals) and a colon
 * reports what follows, to the paragraph end. Returns that end, or -1. */
static int headline_speaker(ctx *c, int i)
{
	const tok *tk = c->tk;
	int lim = c->pfirst[tk[i].para + 1];   /* (the paragraph's end) */
	if (!headline_colon(c, i))
		return -1;
	np sp;
	if (!np_fwd(c, i, lim, &sp) || sp.b > i + 3)
		return -1;
	int colon = sp.b + 1;
	/* "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...": the one spoken to or where */
	if ((weq(c, colon, "to") || weq(c, colon, "at") || weq(c, colon, "on")) && tk[colon + 1].cap)
		for (int k = colon + 1; k < lim && k <= colon + 4 && tk[k].k == T_WORD && !tk[k].q; k++)
			if (pch(c, k + 1, ':')) { colon = k + 1; break; }
	if (!pch(c, colon, ':'))
		return -1;
	if (weq(c, sp.a, "the") || sp.b > sp.a + 2) return -1;   /* "The Gap Goes On: ..." is a section title */
	/* "Poll: ...", "Report: ...": a source named by one role word */
	int src = sp.kind == NP_ROLE && sp.a == sp.b && tk[sp.a].cap && (weq(c, sp.a, "poll") || weq(c, sp.a, "report") ||
									weq(c, sp.a, "survey") || weq(c, sp.a, "study") || weq(c, sp.a, "newspaper"));
	int lower = 0;
	for (size_t k = tk[sp.a].s; k < tk[sp.b].e; k++)
		lower |= c->t[k] >= 'a' && c->t[k] <= 'z';
	if (!lower) {
		/* "PENCE:" in a transcript names a person of the document ("CLARIFICATION:" does not) */
		if (sp.kind != NP_ENT && sp.kind != NP_NAME) return -1;
		if (fuzzy_person(c, c->t + tk[sp.b].s, tk[sp.b].e - tk[sp.b].s, -1) < 0) return -1;
	} else if (!src && (sp.kind != NP_ENT || !(ment_type(c, sp.ment) == NF_PER || (ment_type(c, sp.ment) == NF_ORG && sp.b == sp.a)))) {
		return -1;
	}
	int ca = colon + 1, cb = trim_end(c, ca, lim - 1);
	if (cb - ca < 3 || tk[ca].k != T_WORD || overlaps_quote(c, ca, cb))
		return -1;
	add_indirect(c, c->out, c->last_cl, &sp, colon, ca, cb);
	return cb;
}

/* A headline in title case, "Senator Lund Backs Ferry Plan", "Rivals see opening": its cue
 * verb (capitalised, so no cue to cue_here after a capitalised word) reports what follows it up
 * to the clause's end. Returns that end, or -1. */
static int headline_cue(ctx *c, int i)
{
	const tok *tk = c->tk;
	int a = c->pfirst[1], lim = c->pfirst[2];
	if (lim - a > 30 || i <= a)
		return -1;
	for (int k = i - 1; k > a + 1; k--)   /* "Railing Against X, Sanders Vows ...": after the comma */
		if (pch(c, k, ',')) { a = k + 1; break; }
	if (tk[i].q || (tk[i].cue & CUE_ING) || i <= a || i > a + 6)
		return -1;
	/* a verb's tense ("Says", "Endorses", "Dismissed"), not a noun ("Clinton Plan for Taxes") */
	if (!((ends(c, i, "s") && !ends(c, i, "ss")) || ends(c, i, "ed")))
		return -1;
	/* (its words may lie in a "name" that entities found in the capitals: not tested) */
	for (int k = a; k < i; k++)   /* a subject of words only ("Sanders: ..." is headline_speaker's) */
		if (tk[k].k != T_WORD || tk[k].q || tk[k].cue)
			return -1;
	int p = i - 1;
	if (weq(c, p, "to") || win(c, p, dets) || weq(c, p, "of") || weq(c, p, "for") || weq(c, p, "and") ||
	    possessive_at(c, tk[p].e) || win(c, p, nsubj_verbs))
		return -1;   /* "Things to Know", "Clinton's Claim That ...": no verb */
	int j = i + 1;
	if (weq(c, j, "that") || ((weq(c, i, "calls") || weq(c, i, "call")) && (weq(c, j, "for") || weq(c, j, "on")))) j++;
	int cb = j;
	while (cb + 1 < lim && !tk[cb + 1].q && !pch(c, cb + 1, ',') && !pch(c, cb + 1, ';') && !pch(c, cb + 1, ':') &&
	       tk[cb + 1].sent == tk[i].sent)
		cb++;
	if (tk[cb + 1].q)
		return -1;   /* (a quote inside: a partial quote's) */
	cb = trim_end(c, j, cb);
	if (cb < j + 1 || tk[j].k != T_WORD || tk[j].q)
		return -1;
	np sp;
	/* a person, a group or a role ("Tram Line Says Much About ..." is no source); its mention
	 * may run on past the cue (a "name" the entities found in the capitals) */
	if (!np_bwd(c, p, a, &sp) || !(sp.kind == NP_ROLE || (sp.kind == NP_ENT && ment_type(c, sp.ment) != NF_LOC)))
		return -1;
	if (sp.kind == NP_ENT && c->ents->m[sp.ment].end > tk[p].e) {
		/* (then a role, or a person the article names: "Senator Ana Ruiz Endorses ...") */
		if (!is_role(c, p) && fuzzy_person(c, c->t + tk[p].s, tk[p].e - tk[p].s, -1) < 0)
			return -1;
		sp = (np){ NP_SRC, sp.a, p, -1 };
	}
	add_indirect(c, c->out, c->last_cl, &sp, i, j, cb);
	return cb;
}

/* A headline that ends with its tag: "Ferry Fares Will Rise, Port Chief Says." - a clause, a
 * comma, one to five capitalised words (a person or a role), the cue and the headline's end.
 * Returns 1 when reported. */
static int headline_tag(ctx *c, int i)
{
	const tok *tk = c->tk;
	int a = c->pfirst[1], lim = c->pfirst[2];
	if (lim - a > 30 || tk[i].q || !(tk[i].cue & CUE_SAY) || (tk[i].cue & CUE_ING) || !tk[i].cap || i < a + 4)
		return 0;
	if (!(i + 1 >= lim || (pch(c, i + 1, '.') && i + 2 >= lim)))
		return 0;
	int comma = -1;
	for (int k = i - 1; k > a + 1 && k >= i - 6; k--) {
		if (pch(c, k, ',')) { comma = k; break; }
		if (tk[k].k != T_WORD || tk[k].q || !tk[k].cap) return 0;
	}
	if (comma < 0 || comma == i - 1)
		return 0;
	np sp;   /* (a name the entities found in the capitals may take in the cue: "Ola Berg Says") */
	if (!np_fwd(c, comma + 1, i, &sp) || sp.b != i - 1 || (sp.kind == NP_ENT && c->ents->m[sp.ment].end > tk[i - 1].e))
		sp = (np){ NP_SRC, comma + 1, i - 1, -1 };
	int cb = trim_end(c, a, comma - 1);
	if (cb < a + 1 || overlaps_quote(c, a, cb))
		return 0;
	add_indirect(c, c->out, c->last_cl, &sp, i, a, cb);
	return 1;
}

/* The comma at k goes on with a list (more items, then "and" or "or" before a verb comes). */
static int list_goes_on(const ctx *c, int k, int cb)
{
	for (int z = k + 1; z <= cb && z <= k + 8; z++) {
		if (c->tk[z].q || pch(c, z, ';') || pch(c, z, '(') || verb_like(c, z))
			return 0;
		if (weq(c, z, "and") || weq(c, z, "or"))
			return z > k + 1 && !verb_like(c, z + 1) && !weq(c, z + 1, "that");
	}
	return 0;
}

/* Where a noun-phrase object starting at j ends (not after cb): before a relative or
 * subordinate clause or a day, or at punctuation (but a comma that goes on with a list). */
static int object_end(const ctx *c, int j, int cb)
{

	for (int k = j + 1; k <= cb; k++) {
		if (c->tk[k].q) return cb;
		if (num_comma(c, k) || (pch(c, k, ',') && list_goes_on(c, k, cb))) continue;   /* "endorsed Ann Roe, Bo Li and Cy Ng" */
		/* ", including ...", "; ...": the writer's addition */
		if (pch(c, k, ',') || pch(c, k, ';') || is_dash(c, k) || pch(c, k, '(')) return trim_end(c, j, k - 1);
		if (c->tk[k].k != T_WORD) continue;
		int cut = is_weekday(c, k);
		/* "endorsed Cruz last week", "backed her in early June", "and has appeared ..." */
		if ((weq(c, k, "last") || weq(c, k, "this") || weq(c, k, "earlier") || weq(c, k, "next")) && win(c, k + 1, time_units))
			cut = 1;
		if (weq(c, k, "in") && (weq(c, k + 1, "early") || weq(c, k + 1, "late") || weq(c, k + 1, "mid") ||
					(c->tk[k + 1].cap && win(c, k + 1, stopcap) && !weq(c, k + 1, "the"))))
			cut = 1;   /* (months are in stopcap) */
		if (weq(c, k, "yesterday") || weq(c, k, "today") || weq(c, k, "tonight"))
			cut = 1;
		if (weq(c, k, "and") && c->tk[k + 1].k == T_WORD && !c->tk[k + 1].cap &&
		    (win(c, k + 1, advs) || ends(c, k + 1, "ed") || cue_of(c, k + 1)))
			cut = 1;
		for (int n = 0; object_stops[n] && !cut; n++)   /* (act cues only: rare) */
			cut = weqs(c, k, object_stops[n]);
		if (cut) {
			if (is_weekday(c, k) && (weq(c, k - 1, "on") || weq(c, k - 1, "last") || weq(c, k - 1, "this") ||
						 weq(c, k - 1, "next") || weq(c, k - 1, "by")))
				k--;   /* "at a meeting on Tuesday" */
			if (weq(c, k - 1, "a") || weq(c, k - 1, "at")) k--;
			return trim_end(c, j, k - 1);
		}
	}
	return cb;
}

/* Token k is a verb (roughly: an auxiliary or modal, a common irregular past, a lower-case
 * "-ed" word): the words a cue reports around it are a clause, not a noun phrase. */
static int verb_like(const ctx *c, int k)
{
	return (win(c, k, nsubj_verbs) && !weq(c, k, "to")) || (c->tk[k].k == T_WORD && !c->tk[k].cap && ends(c, k, "ed"));
}

/* The words that open a relative clause after a comma. */
static int rel_word(const ctx *c, int k)
{
	return weq(c, k, "which") || weq(c, k, "who") || weq(c, k, "whom") || weq(c, k, "whose") || weq(c, k, "where");
}

/* Token v is a verb that goes on after "and"/"but": an auxiliary ("but has been met with"), or
 * a past tense or speech verb with an object or a particle after it ("and attempted to ...",
 * "and went back to ..."), not a modifier ("and advanced fuels", "and speaking fees"). */
static int verb_goes_on(const ctx *c, int v)
{
	if (aux_word(c, v))
		return 1;
	if (c->tk[v].k != T_WORD || c->tk[v].cap || c->tk[v].q ||
	    !(verb_like(c, v) || ((cue_of(c, v) & CUE_SPEECH) && !(cue_of(c, v) & CUE_ING))))
		return 0;
	int n = v + 1;
	return win(c, n, dets) || weq(c, n, "him") || weq(c, n, "them") || weq(c, n, "it") || weq(c, n, "us") || weq(c, n, "me") ||
	       weq(c, n, "to") || weq(c, n, "that") || weq(c, n, "on") || weq(c, n, "in") || weq(c, n, "at") || weq(c, n, "for") ||
	       weq(c, n, "with") || weq(c, n, "about") || weq(c, n, "against") || weq(c, n, "into") || weq(c, n, "up") ||
	       weq(c, n, "out") || weq(c, n, "off") || weq(c, n, "back") || weq(c, n, "down") || weq(c, n, "of") || weq(c, n, "by") ||
	       weq(c, n, "from") || weq(c, n, "as") || weq(c, n, "right") || weq(c, n, "away") || (c->tk[n].k == T_WORD && c->tk[n].cap);
}

/* Where a noun phrase a cue reports ends (j its first token, not after cb): "acknowledged the
 * reality of climate change, which makes him an outlier": a relative clause after a comma is
 * the writer's note on the thing, not what was said; so is the subject's next verb (after
 * "and", "but" or ", yet"). Not for a clause ("said the plan failed, which ..." keeps it: a
 * verb comes first), nor a relative clause set off by a second comma ("said the mayor, who
 * ..., would resign"). */
static int np_object_end(const ctx *c, int j, int cb)
{
	if (weq(c, j - 1, "that"))
		return cb;   /* ("said that ...": a clause) */
	for (int k = j + 1; k < cb; k++) {
		if (c->tk[k].q || verb_like(c, k - 1))
			return cb;
		/* "promised a veto and attempted to ...", "demands accountability, yet refuses ...": the
		 * subject's next verb (not in "vowed to cut taxes and hire ...": an infinitive) */
		if ((weq(c, k, "and") || weq(c, k, "but")) && !weq(c, j, "to")) {
			/* (adverbs only before it: skip_adv_fwd would walk over "had" in "but also had") */
			int v = k + 1;
			for (int n = 0; n < 3 && v < cb && !verb_goes_on(c, v) && win(c, v, advs); n++) v++;
			if (v <= cb && verb_goes_on(c, v))
				return trim_end(c, j, k - 1);
		}
		if (pch(c, k, ',') && weq(c, k + 1, "yet") && !weq(c, j, "to"))
			return trim_end(c, j, k - 1);
		if (k >= j + 2 && pch(c, k, ',') && rel_word(c, k + 1)) {
			for (int z = k + 2; z <= cb; z++)
				if (pch(c, z, ',') && !num_comma(c, z) && !rel_word(c, z + 1)) return cb;   /* (not "$525,000") */
			return trim_end(c, j, k - 1);
		}
	}
	return cb;
}

/* "state officials to boost ...": the "to" after a short object (no punctuation, no cue), or -1. */
static int to_after_object(const ctx *c, int j, int hi)
{
	for (int k = j + 1; k <= hi && k < j + 6; k++) {
		if (c->tk[k].k != T_WORD || c->tk[k].q || cue_of(c, k)) return -1;
		if (weq(c, k, "to")) return c->tk[k + 1].k == T_WORD && !c->tk[k + 1].cap ? k : -1;
	}
	return -1;
}

/* The "that" at j after a cue of no saying is a determiner ("rejected that argument in a
 * ruling", "echoed that promise"): a plain word and then no verb. */
static int that_det(const ctx *c, int j, int f)
{
	int n = j + 1;
	if ((f & CUE_SAY) || c->tk[n].k != T_WORD || c->tk[n].cap || c->tk[n].q || win(c, n, pronouns) || win(c, n, dets) ||
	    verb_like(c, n) || win(c, n, clause_bad) || win(c, n, advs) || cue_of(c, n))
		return 0;
	n++;
	return c->tk[n].k != T_WORD || win(c, n, clause_bad) || weq(c, n, "or") || weq(c, n, "and");
}

/* The first double-mark quote inside [a, b] (index + 1) when none of them was output, else 0. */
static int quoted_not_emitted(const ctx *c, int a, int b)
{
	int first = 0;
	for (int i = a; i <= b; i++) {
		int q = c->tk[i].q;
		if (!q || c->rq[q - 1].single) continue;
		if (c->qi[q - 1].emitted || c->qi[q - 1].title) return 0;
		if (!first) first = q;
	}
	return first;
}

static void add_partial(ctx *c, nf_quotes *out, int *last_cl, np *sp, int cue, int ca, int cb, int rq)
{
	nf_quote q = { 0 };
	q.type = NF_Q_PARTIAL;
	q.frag = qalloc(c->arp, c->rq[rq].nf * sizeof *q.frag);
	memcpy(q.frag, c->fr + c->rq[rq].fs, c->rq[rq].nf * sizeof *q.frag);
	q.nfrag = c->rq[rq].nf;
	q.start = q.frag[0].start;
	q.end = q.frag[q.nfrag - 1].end;
	q.sent = c->tk[c->rq[rq].open].sent;
	q.content_start = c->tk[ca].s;
	q.content_end = c->tk[cb].e;
	if (q.content_end < q.end) q.content_end = c->tk[c->rq[rq].close].e;
	int cl = resolve(c, sp, cue, &q, *last_cl);
	if (cl >= 0) *last_cl = cl;
	/* (one quotation gives one row: the partial quote replaces its scare row, found among the
	 * quotes' rows, whose starts go up, by a binary search, not a walk over all the rows) */
	size_t r = 0, hi = c->nmain < out->n ? c->nmain : out->n;
	while (r < hi) {
		size_t mid = (r + hi) / 2;
		if (out->q[mid].start < q.start) r = mid + 1; else hi = mid;
	}
	if (r < c->nmain && r < out->n && out->q[r].type == NF_Q_SCARE && out->q[r].start == q.start) out->q[r] = q;
	else add_out(out, &q);
	for (int i = ca; i <= cb; i++)   /* (a cue inside that clause does not report it again) */
		if (c->tk[i].q)
			c->qi[c->tk[i].q - 1].emitted = 1;
}

/* The first word at or after token i that indirect looks at (the rest is no cue, no
 * "according", no capitalised "In" and no paragraph's first capitalised word), or nt. */
static inline int next_cand(ctx *c, int i)
{
	while (c->ci < c->ncand && c->cand[c->ci] < i) c->ci++;
	return c->ci < c->ncand ? c->cand[c->ci] : (int)c->nt;
}

/* The cue at k, in a sentence that opens after a quote, is a verb of its own, not the quote's
 * tag: '"...," he said, citing ...', '... "extremely careless," but said ...'. */
static int after_tag(const ctx *c, int lo, int k, int f)
{
	int z = skip_adv_bwd(c, k - 1, lo);
	const nf_quotes *out = c->out;
	if (out->n && out->q[out->n - 1].content_end > c->tk[k].s)
		return 0;   /* (the clause of a partial quote reported before: "thinks it is "a joke" and wants ...") */
	if (weq(c, z, "and") || weq(c, z, "but"))
		return 1;
	/* '... "a fraud," while 73 percent said ...': a new clause with a subject of its own */
	if ((win(c, lo, conj) || weq(c, lo, "because")) && z > lo && !(f & CUE_ING))
		return 1;
	if ((f & CUE_ING) && pch(c, k - 1, ','))
		for (int y = lo; y < k - 1; y++)
			if (cue_of(c, y) & CUE_SPEECH) return 1;
	return 0;
}

/* A tag among tokens [a, hi): a comma or a quote in [a, hi) and a "say" cue at most five tokens
 * after it, not after hi ("..., the council said"). */
static int say_tag_in(const ctx *c, int a, int hi)
{
	for (int z = a; z < hi; z++)
		if (pch(c, z, ',') || c->tk[z].q)
			for (int y = z + 1; y <= hi && y <= z + 5; y++)
				if (cue_of(c, y) & CUE_SAY) return 1;
	return 0;
}

/* "46 percent of voters said", "all but two said", "the man who ... says": the words just before
 * a reporting verb, back to the clause's punctuation, as the source (the verb's clause is
 * what is reported whatever its subject's shape). */
static int any_subject(const ctx *c, int lo, int k, np *o, int plain)
{
	int e = skip_adv_bwd(c, k - 1, lo);
	/* (the subject is before the verb group: "Others may argue", "The firm hasn't confirmed") */
	{   /* (not back to a comma; nor to "and", "but" from a negated one: "Americans who aren't
	     * fond of Roe but don't want ...") */
		int e0 = e, neg = 0;
		for (int n = 0; n < 2 && e > lo && modal_word(c, e, 0); n++)
			neg |= modal_word(c, e, 1), e = skip_adv_bwd(c, e - 1, lo);
		if (pch(c, e, ',') || (neg && (weq(c, e, "and") || weq(c, e, "but"))))
			e = e0;
	}
	int a = e + 1;
	/* "Ann Roe, who has led the union for a decade, said", "X voted for the bill and said":
	 * the clause's first person-like phrase */
	if ((pch(c, e, ',') || weq(c, e, "and") || weq(c, e, "but")) && e > lo) {
		for (int z = e + 1; z < k; z++)   /* (not a passive: "... and is expected to") */
			if (weq(c, z, "is") || weq(c, z, "are") || weq(c, z, "was") || weq(c, z, "were") || weq(c, z, "been"))
				return 0;
		/* (nor a sentence that a closing tag reports: "X visited the site and said little, the
		 * council said") */
		if (say_tag_in(c, k + 1, sent_end(c, k)))
			return 0;
		return clause_subject(c, lo, e, o) && o->b < e;
	}
	if (!plain)
		return 0;
	if (weq(c, e, "to")) {   /* "The engineers have a chance to show that ...": the clause's subject */
		int z = lo;
		while (z < e && c->tk[z].k == T_WORD && !c->tk[z].q && !win(c, z, nsubj_verbs) && !cue_of(c, z) &&
		       !(ends(c, z, "ed") && !c->tk[z].cap))
			z++;
		if (z > lo && z - lo <= 8 && !win(c, lo, nsubj_bad)) {
			*o = (np){ NP_SRC, lo, z - 1, -1 };
			return 1;
		}
	}
	/* (back to a verb or a conjunction: "X visited the site and said" has its subject before) */
	while (a - 1 >= lo && a > e - 7 && (c->tk[a - 1].k == T_WORD || pch(c, a - 1, '%')) && !c->tk[a - 1].q &&
	       !cue_of(c, a - 1) && !weq(c, a - 1, "and") && !(weq(c, a - 1, "but") && !weq(c, a - 2, "all")) && !weq(c, a - 1, "or") &&
	       !weq(c, a - 1, "that") && !weq(c, a - 1, "which") && !weq(c, a - 1, "who") && !win(c, a - 1, conj) &&
	       !(ends(c, a - 1, "ed") && !c->tk[a - 1].cap))
		a--;
	if (a > e || c->tk[e].k != T_WORD || c->tk[e].q)
		return 0;
	*o = (np){ NP_SRC, a, e, -1 };
	return 1;
}

/* "Graham called both of them crazy and said ...": the subject of a verb joined by "and" or
 * "but" is the one that opens the sentence (a person, a role or a pronoun, then a verb). */
static int coord_subject(const ctx *c, int lo, int z, int hi, np *o)
{
	int i = skip_adv_fwd(c, z + 1, hi + 1);
	/* "and is expected to ...": a passive */
	for (int p = z + 1; p < i; p++)
		if (be_form(c, p))
			return 0;
	/* "..., Stovall said": the sentence is the tag's, not the first subject's */
	if (say_tag_in(c, i + 1, hi))
		return 0;
	int a = lo;
	if (weq(c, a, "and") || weq(c, a, "but") || weq(c, a, "so")) a++;
	np t;
	if (a >= z || !np_fwd(c, a, z, &t) || t.b + 1 >= z)
		return 0;
	if (!((t.kind == NP_ENT && (ment_type(c, t.ment) == NF_PER || ment_type(c, t.ment) == NF_ORG)) ||
	      t.kind == NP_PRON || t.kind == NP_ROLE || t.kind == NP_NAME))
		return 0;
	if (weq(c, t.a, "it")) return 0;
	int v = skip_adv_fwd(c, t.b + 1, z);
	if (pch(c, v, ',')) {   /* an appositive: "Lena Dahl, star of Ask, Tell, Forget, arrived and said" */
		int lc = -1;
		for (int k = z - 1; k > v && k > z - 8; k--) {
			if (pch(c, k, ',')) { lc = k; break; }
			if (c->tk[k].k != T_WORD || c->tk[k].cap || c->tk[k].q) break;
		}
		if (lc > v + 1 && lc - v <= 20 && lc + 1 < z)
			v = skip_adv_fwd(c, lc + 1, z);
	}
	if (v >= z || c->tk[v].k != T_WORD || c->tk[v].cap || c->tk[v].q || win(c, v, clause_bad) || win(c, v, dets) ||
	    win(c, v, conj) || weq(c, v, "who") || weq(c, v, "which") || weq(c, v, "that"))
		return 0;
	/* no other subject between: no comma clause, no second cue's clause */
	for (int k = v; k < z; k++)
		if (c->tk[k].q || pch(c, k, ';') || pch(c, k, ':') || weq(c, k, "when") || weq(c, k, "if") ||
		    weq(c, k, "who") || weq(c, k, "which") || weq(c, k, "because") || weq(c, k, "while"))
			return 0;
	*o = t;
	return 1;
}

/* "told the city ...", "told residents ...": a plain noun phrase from token j (a determiner or
 * none, then one to three lower-case words that are no verb, pronoun or preposition); returns
 * the token after it, or -1. */
static int plain_object_end(const ctx *c, int j, int hi)
{
	int k = j + (win(c, j, dets) && !weq(c, j, "that") && !weq(c, j, "one")), n = 0;
	while (k <= hi && n < 3 && c->tk[k].k == T_WORD && !c->tk[k].q && !c->tk[k].cap && !win(c, k, pronouns) &&
	       !win(c, k, dets) && !win(c, k, clause_bad) && !verb_like(c, k) && !aux_word(c, k) && !cue_of(c, k) &&
	       !rel_word(c, k) && !weq(c, k, "that") && !ends(c, k, "ly"))
		k++, n++;
	return n ? k : -1;
}

/* "Roe told the Gazette on Monday she would run", "told reporters how ...", "told a hall full of
 * supporters at the depot that ...": after the one spoken to (and when), the clause told,
 * opened by a subject pronoun, a possessive or a question word (or "that" further on).
 * Returns its first token, or -1. */
static int told_clause(const ctx *c, int i, int j, int hi)
{
	if (!(tell_form(c, i) || weq(c, i, "telling")))
		return -1;
	for (int k = j; k <= hi && k < j + 12; k++) {   /* (a long addressee: "that" further on) */
		if (weq(c, k, "that")) return k + 1 <= hi && c->tk[k + 1].k == T_WORD ? k + 1 : -1;
		if (c->tk[k].k != T_WORD || c->tk[k].q || cue_of(c, k)) break;
	}
	int k = j;
	np t;
	if (weq(c, k, "me") || weq(c, k, "him") || weq(c, k, "her") || weq(c, k, "them") || weq(c, k, "us") ||
	    weq(c, k, "you") || weq(c, k, "reporters") || weq(c, k, "voters") || weq(c, k, "supporters") ||
	    weq(c, k, "pollsters") || weq(c, k, "audiences"))
		k++;
	else if (np_fwd(c, k, hi + 1, &t) && t.kind != NP_PRON)
		k = t.b + 1;
	else if ((k = plain_object_end(c, j, hi)) < 0)
		return -1;
	/* (when: "on Monday", "last week", "in an interview") */
	for (int n = 0; n < 2 && k < hi; n++) {
		if (weq(c, k, "on") && is_weekday(c, k + 1)) k += 2;
		else if (is_weekday(c, k) || weq(c, k, "recently") || weq(c, k, "later") || weq(c, k, "earlier")) k++;
		else if ((weq(c, k, "last") || weq(c, k, "this")) && win(c, k + 1, time_units)) k += 2;
		else if (said_when(c, k)) k += 3;
	}
	if (k >= hi || c->tk[k].k != T_WORD || c->tk[k].q || c->tk[k + 1].k != T_WORD)
		return -1;
	if (cue_of(c, skip_adv_fwd(c, k + 1, hi + 1)) & (CUE_SPEECH | CUE_BELIEF))
		return -1;   /* "told AP they concluded ...": that cue reports the clause */
	if (win(c, k, pronouns) || weq(c, k, "there") || weq(c, k, "his") || weq(c, k, "her") || weq(c, k, "their") ||
	    weq(c, k, "its") || weq(c, k, "our") || weq(c, k, "my") || weq(c, k, "how") || weq(c, k, "what") ||
	    weq(c, k, "why") || weq(c, k, "whether") || weq(c, k, "where") || weq(c, k, "when") || weq(c, k, "who"))
		return k;
	/* "told the city the repairs would cost more": a noun phrase and its finite verb */
	int v = plain_object_end(c, k, hi);
	if (v < 0 && np_fwd(c, k, hi + 1, &t) && t.kind != NP_PRON) v = t.b + 1;
	if (v > k && v <= hi && !c->tk[v].q && (modal_word(c, v, 0) || aux_word(c, v)))
		return k;
	if (v > k && v <= hi && (v = skip_adv_fwd(c, v, hi + 1)) <= hi && !c->tk[v].q && verb_like(c, v) && !weq(c, v, "to"))
		return k;
	return -1;
}

/* "The plan was first reported by the Gazette", "Roe is backed by the union", "a view echoed by
 * the engineers": a passive cue with its agent; the agent is the source, and what it reports
 * (or backs) is the subject of the passive, back to its clause's start. */
static int passive_by(const ctx *c, int lo, int i, int hi, np *sp, int *ca, int *cb)
{
	int p = i - 1;
	while (p > lo && c->tk[p].k == T_WORD && (ends(c, p, "ly") || weq(c, p, "first") || weq(c, p, "also") ||
						  weq(c, p, "not") || weq(c, p, "never") || weq(c, p, "being")))
		p--;
	if (!be_form(c, p))
		return 0;
	int z = p - 1;
	while (z > lo && (weq(c, z, "has") || weq(c, z, "have") || weq(c, z, "had") || weq(c, z, "will") ||
			  weq(c, z, "would") || weq(c, z, "could") || weq(c, z, "may") || weq(c, z, "might") || weq(c, z, "not")))
		z--;
	while (z > lo && c->tk[z].k == T_WORD && (ends(c, z, "ly") || weq(c, z, "also") || weq(c, z, "still")))
		z--;
	if (z < lo || c->tk[z].k != T_WORD || c->tk[z].q || cue_of(c, z))
		return 0;
	int a = z;
	/* (the subject: back over plain words, and over "of", "about", "for", "with", "from",
	 * "over", "her" of clause_bad; not over its other words, a question word, a conjunction,
	 * a relative pronoun, "if", "because" or a verb) */
	if (!(weq(c, z, "which") || weq(c, z, "who") || weq(c, z, "that")))
		while (a - 1 >= lo && a > z - 10 && c->tk[a - 1].k == T_WORD && !c->tk[a - 1].q && !cue_of(c, a - 1) &&
		       !(win(c, a - 1, clause_bad) && !weq(c, a - 1, "of") && !weq(c, a - 1, "about") && !weq(c, a - 1, "for") &&
			 !weq(c, a - 1, "with") && !weq(c, a - 1, "from") && !weq(c, a - 1, "over") && !weq(c, a - 1, "her")) &&
		       !weq(c, a - 1, "why") && !weq(c, a - 1, "how") && !weq(c, a - 1, "what") && !weq(c, a - 1, "where") &&
		       !win(c, a - 1, conj) && !weq(c, a - 1, "that") && !weq(c, a - 1, "which") && !weq(c, a - 1, "who") &&
		       !weq(c, a - 1, "if") && !weq(c, a - 1, "because") && !win(c, a - 1, nsubj_verbs))
			a--;
	while (a < z && (weq(c, a, "but") || weq(c, a, "so") || weq(c, a, "yet")))
		a++;
	if (weq(c, a, "it") || weq(c, a, "there"))
		return 0;   /* ("it was reported by X that ...": the clause after) */
	np t;
	int b = i + 2;
	if (b > hi)
		return 0;
	if (np_fwd(c, b, hi + 1, &t) && t.kind != NP_PRON) {
		*sp = t;
	} else if (!win(c, b, dets) && !(c->t[c->tk[b].s] >= '0' && c->t[c->tk[b].s] <= '9') &&
		   !weq(c, b, "many") && !weq(c, b, "most") && !weq(c, b, "some") && !weq(c, b, "several")) {
		return 0;   /* (an agent, not a time or a bare noun: "by now", "by law") */
	} else {
		int e = b;
		while (e <= hi && e < b + 8 && c->tk[e].k == T_WORD && !c->tk[e].q && !cue_of(c, e)) e++;
		if (e == b) return 0;
		*sp = (np){ NP_SRC, b, e - 1, -1 };
	}
	*ca = a;
	*cb = z;
	return 1;
}

/* Token j opens what was asked: "about ...", "whether ...", "how ...". */
static int asked_what(const ctx *c, int j)
{
	return weq(c, j, "about") || weq(c, j, "whether") || weq(c, j, "if") || weq(c, j, "how") || weq(c, j, "what") ||
	       weq(c, j, "why") || weq(c, j, "which") || weq(c, j, "who") || weq(c, j, "where") || weq(c, j, "when");
}

/* "Asked about the budget, Roe said ...", "When asked whether ..., she said", "Roe, when asked
 * why, ...": the question put to someone, up to the clause's comma; its source is the one named
 * by "by" ("Asked by a reporter to ..."), or nobody. */
static int asked_clause(const ctx *c, int lo, int i, int hi, np *sp, int *ca, int *cb)
{
	int w = weq(c, i - 1, "when") && i - 1 >= lo;
	/* (or after the tag: '"...," Roe said when asked whether ...') */
	int mid = w && i - 2 > lo && c->tk[i - 2].k == T_WORD && !weq(c, i - 2, "and") && !weq(c, i - 2, "but");
	if (!(i == lo || (w && (i - 1 == lo || pch(c, i - 2, ',') || weq(c, i - 2, "and") || weq(c, i - 2, "but"))) || mid))
		return 0;
	if (ca_after_quote(c, lo) && i - w == lo)
		return 0;   /* '"Why now?" asked Roe': the tag of a quoted question */
	int j = skip_adv_fwd(c, i + 1, hi + 1);
	while (j < hi && (is_weekday(c, j) || weq(c, j, "later") || weq(c, j, "again") || weq(c, j, "repeatedly")))
		j++;
	np s = { NP_NONE, i, i - 1, -1 };   /* (sp, ca, cb are written only when it is one) */
	if (weq(c, j, "by")) {
		if (!np_fwd(c, j + 1, hi + 1, &s)) return 0;
		j = s.b + 1;
	}
	if (mid && !asked_what(c, j))
		return 0;   /* (a question, not "when asked to condemn it", "when asked back in May") */
	if (weq(c, j, "about") || weq(c, j, "for") || weq(c, j, "on"))
		j++;
	if (j > hi || c->tk[j].k != T_WORD || c->tk[j].q)
		return 0;
	int e = j;
	while (e <= hi && !(c->tk[e].k == T_PUNCT && (pch(c, e, ',') || pch(c, e, ':') || pch(c, e, ';') || is_dash(c, e))) &&
	       !(e > j && (weq(c, e, "during") || said_when(c, e))))   /* (the time and place of the question) */
		e++;
	/* (a fronted clause ends at its comma; "when asked" may end the sentence) */
	if (e > hi && !(w && i - 1 > lo))
		return 0;
	int b = trim_end(c, j, e - 1);
	if (b <= j)
		return 0;
	*sp = s, *ca = j, *cb = b;
	return 1;
}

/* "As the Times reported, the plan ...", "..., as Ann Roe noted, the plan ...", "..., as experts
 * say.": a tag that is a clause of its own, opened by "as" at the sentence start or after a
 * comma; what it reports is the rest of the sentence, or what comes before it. */
static int as_tag(const ctx *c, int lo, int i, int hi, np *sp, int *ca, int *cb)
{
	/* a verb of saying or knowing, not of time ("As the race began,") or naming ("as the bill
	 * is called"): no passive */
	if (!(cue_of(c, i) & CUE_SAY) && !weq(c, i + 1, "out") && !weq(c, i, "mentioned"))
		return 0;
	int z = skip_adv_bwd(c, i - 1, lo), a = z;
	while (a > lo && a > z - 8 && c->tk[a].k == T_WORD && !c->tk[a].q && !cue_of(c, a) && !weq(c, a, "as"))
		a--;
	if (!weq(c, a, "as") || a >= z || c->tk[a + 1].q)
		return 0;
	for (int y = z + 1; y < i; y++)
		if (be_form(c, y))
			return 0;
	/* (at the start, after "And," or "But", or after a comma: not "such as", "as soon as") */
	int start = a == lo || (a == lo + 1 && (weq(c, lo, "and") || weq(c, lo, "but"))) ||
		    (a == lo + 2 && pch(c, lo + 1, ',') && (weq(c, lo, "and") || weq(c, lo, "but")));
	if (!start && !(a > lo + 2 && pch(c, a - 1, ',')))
		return 0;
	/* (then a few words of time or place: "reported on Monday,", "pointed out.") */
	int k = i + 1;
	while (k <= hi && k < i + 6 && c->tk[k].k == T_WORD && !c->tk[k].q && !weq(c, k, "that") && !cue_of(c, k))
		k++;
	if (k > i + 1 && !tail_word(c, i + 1) && !weq(c, i + 1, "out"))
		return 0;
	np t;   /* (sp, ca, cb are written only when it is one) */
	if (!(np_fwd(c, a + 1, z + 1, &t) && t.b == z)) {
		if (win(c, a + 1, nsubj_bad))
			return 0;
		t = (np){ NP_SRC, a + 1, z, -1 };
	}
	if (pch(c, k, ',') && k + 2 <= hi && c->tk[k + 1].k == T_WORD) {
		int b = clause_end(c, k + 1, hi);
		for (int y = k + 1; y <= b; y++)   /* (a cue of its own there reports that clause) */
			if ((cue_of(c, y) & (CUE_SPEECH | CUE_BELIEF)) || weq(c, y, "according")) return 0;
		*sp = t, *ca = k + 1, *cb = b;
		return 1;
	}
	if (!start && (k > hi || pch(c, k, '.'))) {   /* the tag ends the sentence */
		*sp = t, *ca = lo, *cb = trim_end(c, lo, a - 2);
		return 1;
	}
	return 0;
}

/* "X endorsed Trump": an act's object may be one word when it names a person or a group (not
 * in a relative clause: "Reid, who endorsed Clinton, said ..." is a speaker's description) */
static int act_name(const ctx *c, int f, int i, int ca, const np *sp)
{
	if (!(f & CUE_ACT) || ca != i + 1 || !c->tk[ca].cap || c->tk[ca].ment < 0 ||
	    weq(c, sp->a, "who") || weq(c, sp->a, "which") || weq(c, sp->a, "that") ||
	    weq(c, i - 1, "to") || weq(c, i - 1, "would") || weq(c, i - 1, "will"))
		return 0;   /* (nor a plan: "voted to endorse Clinton" is the clause of a later "said") */
	int ty = ment_type(c, c->tk[ca].ment);
	return ty == NF_PER || ty == NF_ORG;
}

/* "46 percent said yes", "she said no.": a one-word answer is what was said ("X thinks so"
 * too, but it is left out: each row costs the speaker's resolution, and the 3 MB speed sample
 * repeats "Many residents in X think so!" 2,373 times, +15M instructions for 2 train rows) */
static int answer_word(const ctx *c, int f, int i, int j)
{
	if (!(f & CUE_SAY) || (f & CUE_ING) || j != i + 1 || !(weq(c, j, "yes") || weq(c, j, "no")))
		return 0;
	return j + 1 >= (int)c->nt || (c->tk[j + 1].k == T_PUNCT && !pch(c, j + 1, '-')) || weq(c, j + 1, "in") ||
	       weq(c, j + 1, "while") || weq(c, j + 1, "but") || weq(c, j + 1, "and");
}

/* the token is one of the words of l (lower case) */
static int tok_in(const ctx *c, int i, const char *const *l)
{
	if (i < 0 || (size_t)i >= c->nt || c->tk[i].k != T_WORD)
		return 0;
	size_t n = c->tk[i].e - c->tk[i].s;
	for (int k = 0; l[k]; k++)
		if (strlen(l[k]) == n && ieq(c->t + c->tk[i].s, n, l[k], n))
			return 1;
	return 0;
}

/* "X is confident that ...", "has been critical of ...", "were eager to ...": a state of mind
 * after a copula (STATE_ADJS; a person's or a group's, not "it is certain to") and its
 * complement */
static int state_clause(const ctx *c, int lo, int i, int hi, np *sp, int *ca, int *cb)
{
	static const char *const mods[] = { "not", "so", "very", "too", "more", "less", "all", "both", "also", "still",
		"already", "even", "long", "never", "always", "now", "quite", "rather", "far", "much", "increasingly",
		"deeply", "highly", "fully", "openly", "sharply", "vehemently", "equally", "generally", "largely",
		"particularly", "especially", "clearly", "absolutely", "entirely", "somewhat", "fairly", "pretty", NULL };
	static const char *const cops[] = { "is", "are", "was", "were", "been", "am", "remain", "remains", "remained",
		"isn't", "aren't", "wasn't", "weren't", "isn\u2019t", "aren\u2019t", "wasn\u2019t", "weren\u2019t", NULL };
	const tok *tk = c->tk;
	/* (the complement first: most of these words have none) */
	if (i + 1 > hi || tk[i + 1].k != T_WORD || tk[i + 1].q)
		return 0;
	/* ("was quick to add that ...": the verb's own clause; "the pier is sure to be busy": the
	 * writer's forecast) */
	int j = i + 1;
	if (weq(c, j, "that") || weq(c, j, "about") || weq(c, j, "of"))
		j++;
	else if (!((weq(c, j, "to") && j + 1 <= hi && tk[j + 1].k == T_WORD && !tk[j + 1].cap && !win(c, j + 1, dets) &&
		    !cue_of(c, j + 1) && !weq(c, i, "sure") && !weq(c, i, "certain")) ||
		   weq(c, j, "if") || weq(c, j, "whether")))
		return 0;
	int p = i - 1, n = 0;
	while (p > lo && n < 3 && !tok_in(c, p, cops) && tok_in(c, p, mods))
		p--, n++;
	if (p <= lo || !tok_in(c, p, cops))
		return 0;
	int k = p;   /* (the subject is before the copula and its auxiliaries: "have long been") */
	if (weq(c, k, "been"))
		while (k > lo && n < 5 && (weq(c, k - 1, "has") || weq(c, k - 1, "have") || weq(c, k - 1, "had") || tok_in(c, k - 1, mods)))
			k--, n++;
	np t;
	if (!(subject_of(c, k, lo, k, &t) || nominal_subject(c, lo, k, &t)) || t.b >= k || weq(c, t.a, "who") || weq(c, t.a, "which") || weq(c, t.a, "that") ||
	    weq(c, t.a, "it") || weq(c, t.a, "this") || weq(c, t.a, "there") ||
	    (t.kind == NP_ENT && ment_type(c, t.ment) != NF_PER && ment_type(c, t.ment) != NF_ORG && ment_type(c, t.ment) != NF_NORP))
		return 0;
	if (j > hi || tk[j].k != T_WORD || tk[j].q)
		return 0;
	*sp = t;
	*ca = j;
	*cb = clause_end(c, j, hi);
	if (weq(c, j - 1, "about") || weq(c, j - 1, "of"))
		*cb = np_object_end(c, j, *cb);
	return 1;
}

/* "Republicans support the ban", "they do not support it": "support" as a verb (no cue in
 * quote_cues.tsv, where it would be the noun in "support for ..." too): after a plural, a name,
 * a pronoun, a share or an auxiliary, and before no preposition */
static int support_verb(const ctx *c, int i)
{
	static const char *const before[] = { "they", "we", "i", "you", "not", "also", "still", "strongly", "would",
		"will", "could", "do", "don't", "don\u2019t", "did", "didn't", "didn\u2019t", "that", "percent", "%", NULL };
	static const char *const after[] = { "for", "among", "from", "of", "in", "on", "with", "at", "to", "behind",
		"and", "or", "is", "was", "has", "had", "would", "will", "could", NULL };
	if (!weq(c, i, "support") || i < 1 || (size_t)i + 1 >= c->nt || c->tk[i + 1].k != T_WORD || tok_in(c, i + 1, after))
		return 0;
	int p = i - 1;
	const tok *t = &c->tk[p];
	if (t->k != T_WORD && !pch(c, p, '%'))
		return 0;
	if (tok_in(c, p, before) || (t->k == T_WORD && c->t[t->s] >= '0' && c->t[t->s] <= '9'))
		return 1;
	if (t->k != T_WORD || win(c, p, dets) || win(c, p, clause_bad) || possessive_at(c, t->e))
		return 0;
	size_t n = t->e - t->s;
	return (t->cap && c->tk[p].sent == c->tk[i].sent && p > 0 && c->tk[p - 1].sent == c->tk[i].sent) ||
	       (n > 3 && c->t[t->e - 1] == 's' && c->t[t->e - 2] != 's' && c->t[t->e - 2] != '\'' && !win(c, p, advs));
}

/* The quote that ends before lo opened inside the writer's sentence (a partial quote: 'Roe, who
 * calls it a "sham," said the plan ...', 'it was "careless," he said there was ...'), so the
 * clause after it is no tag of that quote: the speech cue i reports its own clause. */
static int inner_quote_before(const ctx *c, int lo, int i, int f)
{
	int a = lo - 1;
	if (pch(c, a, ',')) a--;
	if (a < 0 || !c->tk[a].q || !(f & CUE_SAY) || (f & CUE_ING) || pch(c, i - 1, ',') || weq(c, i - 1, "to") ||
	    win(c, i + 1, clause_bad) || c->tk[i + 1].k != T_WORD ||
	    !(weq(c, i, "said") || weq(c, i, "says") || weq(c, i, "say") || tell_form(c, i)) ||
	    (is_weekday(c, i + 1) && !weq(c, i + 2, "that")))
		return 0;   /* (a verb of saying, not a tag: ", said Ann Roe", "to say", "her aides said Friday, ...") */
	for (int k = i + 1, e = sent_end(c, i); k <= e; k++)
		if (c->tk[k].q)
			return 0;   /* (a quote in the clause: the partial quotes' rules report it) */
	while (a > 0 && c->tk[a - 1].q) a--;
	int s0 = sent_start(c, a);
	return a > s0 + 1 && c->tk[a - 1].k == T_WORD && !c->tk[a - 1].q && c->tk[i].sent == c->tk[a].sent;
}

/* An indefinite pronoun as the subject, token z: "someone asked how ...", "many worry that ...",
 * "others say ...", "no one expected ...". */
static int indefinite_subject(const ctx *c, int lo, int z, np *o)
{
	static const char *const w[] = { "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody",
		"one", "others", "many", "some", "several", "each", "another", NULL };
	if (z < lo || c->tk[z].q || !tok_in(c, z, w) || (z > lo && (weq(c, z - 1, "of") || win(c, z - 1, dets) ||
								   rel_word(c, z - 1) || weq(c, z - 1, "that"))))
		return 0;   /* (not in a relative clause: "a man who many believe ...") */
	int i = skip_adv_fwd(c, z + 1, (int)c->nt);
	/* (a quantifier before a noun: "many promises", "several questions about ...") */
	if ((weq(c, z, "many") || weq(c, z, "some") || weq(c, z, "several") || weq(c, z, "both") || weq(c, z, "most")) &&
	    i == z + 1 && ends(c, i, "s") && !weq(c, i, "says"))
		return 0;
	/* (a clause, a question or an object after the verb: not a participle, "somebody admitted
	 * through the program", "anyone found guilty"; nor "nobody appears to": a seeming) */
	if (!win(c, i + 1, dets) && !win(c, i + 1, pronouns) && !weq(c, i + 1, "that") && !weq(c, i + 1, "on") &&
	    !asked_what(c, i + 1) && !c->tk[i + 1].cap)
		return 0;
	if (wis(c, i, "appear", 1) || wis(c, i, "seem", 1))
		return 0;
	int a = z;
	if (weq(c, z, "one") && weq(c, z - 1, "no") && z - 1 >= lo) a = z - 1;
	*o = (np){ NP_SRC, a, z, -1 };
	return 1;
}

/* The words j..ft-1 between a cue and the "that" of its clause are a phrase about when or of
 * what it was said, and ft+1 opens that clause: "said back in March that it ...", "said only
 * that ...", "said instead that ...", "argued for decades that ...", "said of the pier that
 * it ...", "wrote about her rival that he ...", "claimed without evidence that ..." (not a
 * relative "that": "spoke of the law that bans ..."). */
static int lead_that(const ctx *c, int i, int j, int ft)
{
	static const char *const about[] = { "said", "says", "say", "wrote", "writes", "write", "remarked", "observed",
		"declared", "added", "noted", NULL };
	static const char *const lead[] = { "back", "only", "just", "even", "once", "right", "soon", "already",
		"still", "never", "long", "however", "instead", "nonetheless", "nevertheless", "though", "too", "almost",
		"nearly", "very", "well", "much", "far", "ever", NULL };
	static const char *const spans[] = { "years", "decades", "months", "weeks", "days", "hours", "ages", "time",
		"year", "month", "week", "some", "a", "the", NULL };
	int k = ft + 1;
	if ((size_t)k >= c->nt || c->tk[k].k != T_WORD || c->tk[k].q || verb_like(c, k) ||
	    !(win(c, k, pronouns) || weq(c, k, "there") || win(c, k, dets) || c->tk[k].cap))
		return 0;
	if (tok_in(c, j, lead)) return 1;
	/* (a short phrase that ends in a time: "a week ago", "more than once", "many times", "the other day") */
	if (ft > j + 1 && ft <= j + 5) {
		int y = j;
		while (y < ft && c->tk[y].k == T_WORD && !c->tk[y].q && !verb_like(c, y) && !cue_of(c, y)) y++;
		if (y == ft && (weq(c, ft - 1, "ago") || weq(c, ft - 1, "once") || weq(c, ft - 1, "twice") || (weq(c, ft - 1, "times") && !win(c, j, dets)) ||
				(weq(c, j, "the") && weq(c, j + 1, "other") && ft == j + 3 && (win(c, j + 2, time_units) || weq(c, j + 2, "day")))))
			return 1;
	}
	if (weq(c, j, "for") && ft > j + 1 && ft <= j + 4 && tok_in(c, j + 1, spans)) {
		for (int y = j + 1; y < ft; y++)   /* (a span of time: "for decades", "for the past year") */
			if (weq(c, y, "years") || weq(c, y, "decades") || weq(c, y, "months") || weq(c, y, "weeks") ||
			    weq(c, y, "days") || weq(c, y, "hours") || weq(c, y, "time") || weq(c, y, "ages") || win(c, y, time_units))
				return 1;
		return 0;
	}
	/* (only after a cue that takes no "of"/"about" of its own: not "complained about the rule
	 * that the board adopted") */
	if ((((weq(c, j, "of") || weq(c, j, "about") || weq(c, j, "regarding")) && tok_in(c, i, about)) ||
	     weq(c, j, "without")) && ft > j + 1 && ft <= j + 7) {   /* (and a manner: "claimed without evidence that") */
		for (int y = j + 1; y < ft; y++)   /* (a short noun phrase: no verb, comma or cue in it) */
			if (c->tk[y].k != T_WORD || c->tk[y].q || verb_like(c, y) || cue_of(c, y)) return 0;
		return 1;
	}
	return 0;
}

/* "Having said that the port was safe, the minister left", "After having told staff that ...,
 * Roe quit": cue i (z: the word before it, past adverbs) opens a participle clause with no
 * subject of its own; the speaker is the main clause's subject after the clause's comma.
 * Returns 1 with that subject (*o) and comma (*cm); -1 for such a clause with no speaker to
 * give ("Being told that ...", "Having been told": the main subject is the one told; no
 * subject after a comma); 0 for no such clause. */
static int participle_lead(const ctx *c, int lo, int z, int j, int hi, np *o, int *cm)
{
	int pass = weq(c, z, "being") || weq(c, z, "been");
	int h = weq(c, z, "been") ? z - 1 : z;
	if (!(pass || weq(c, z, "having")) || !(weq(c, h, "having") || weq(c, h, "being")))
		return 0;
	if (!(h == lo || (h == lo + 1 && (subord_word(c, lo) || weq(c, lo, "and") || weq(c, lo, "but") ||
					    weq(c, lo, "despite") || weq(c, lo, "without") || weq(c, lo, "upon")))))
		return 0;
	if (pass)
		return -1;
	for (int k = j; k < hi; k++) {
		np t;
		if (!pch(c, k, ',') || c->tk[k].q || num_comma(c, k))
			continue;
		if (!np_fwd(c, k + 1, hi + 1, &t)) {
			/* a plain noun phrase before its verb: "the harbour master left" */
			int e = k + 2;
			while (e <= hi && e < k + 7 && c->tk[e].k == T_WORD && !c->tk[e].q && !verb_like(c, e) && !cue_of(c, e) &&
			       !win(c, e, clause_bad) && !rel_word(c, e))
				e++;
			if (!win(c, k + 1, dets) || e == k + 2 || e > hi || !(verb_like(c, e) || cue_of(c, e)))
				continue;
			t = (np){ NP_SRC, k + 1, e - 1, -1 };
		}
		if (weq(c, t.a, "it"))
			continue;
		int v = skip_adv_fwd(c, t.b + 1, hi + 1);
		if (v > hi || c->tk[v].k != T_WORD || c->tk[v].q || c->tk[v].cap || win(c, v, dets) || win(c, v, clause_bad) ||
		    rel_word(c, v) || weq(c, v, "that"))
			continue;
		*o = t;
		*cm = k;
		return 1;
	}
	return -1;
}

/* "Residents who think the council will fail are angry": the clause a relative clause's cue
 * reports has its own verb group, then a finite verb with no subject between ("are"): the
 * main clause's verb resumes there. Tokens [j, hi] are the clause; returns that verb, or -1
 * (a determiner, a pronoun, a capital or a clause word between may open a subject of its
 * own: "who said he saw the crash was ..."). */
static int main_verb_resumes(const ctx *c, int j, int hi)
{
	int v1 = -1;
	for (int z = j + 1; z <= hi; z++) {
		if (c->tk[z].k != T_WORD || c->tk[z].q || weq(c, z, "that") || rel_word(c, z) || subord_word(c, z) ||
		    win(c, z, conj) || weq(c, z, "and") || weq(c, z, "or"))
			return -1;
		if (v1 < 0) {   /* (a participle after a determiner is no verb: "the proposed plan") */
			if (aux_word(c, z) || (verb_like(c, z) && !win(c, z - 1, dets) && !c->tk[z - 1].cap))
				v1 = z;
			continue;
		}
		if (z > v1 + 1 && aux_word(c, z) && !aux_word(c, z - 1) &&
		    !win(c, z - 1, advs) && !weq(c, z - 1, "to"))
			return z;
		if (win(c, z, pronouns) || win(c, z, dets) || c->tk[z].cap || cue_of(c, z))
			return -1;
	}
	return -1;
}

/* Token k is in a person's mention (any: or a place's). */
static int who_in_person(const ctx *c, int lo, int k, int any)
{
	while (k > lo && c->tk[k].inm && c->tk[k].ment < 0) k--;   /* (the mention's first token) */
	return k >= lo && c->tk[k].ment >= 0 && (any ? ment_type(c, c->tk[k].ment) == NF_PER || ment_type(c, c->tk[k].ment) == NF_GPE ||
							     ment_type(c, c->tk[k].ment) == NF_LOC : ment_type(c, c->tk[k].ment) == NF_PER);
}

/* The phrase a "who" at z stands for when it is no person's name ("Residents who think ...",
 * "a man who said ...", "The mayor met parents who say ..."), into *o: a role phrase, or the
 * plain noun phrase back to the clause's start, a comma or a verb; *o unchanged for none (or a
 * person: the pronoun resolves to the name). */
static void who_antecedent(const ctx *c, int lo, int z, np *o)
{
	static const char *const preps[] = { "among", "amid", "including", "like", "unlike", "than", "across", "within",
		"without", "through", "toward", "towards", "against", "between", "behind", "beyond", "near", "under",
		"upon", "via", "except", "despite", "per", "around", "along", NULL };
	int e = z - 1 - pch(c, z - 1, ',');
	/* (not "... services and who claimed": an earlier one's; nor a name's, "Cruz of Texas, who") */
	if (e < lo || c->tk[e].k != T_WORD || c->tk[e].q || win(c, e, clause_bad) || win(c, e, conj) || win(c, e, pronouns) ||
	    rel_word(c, e) || weq(c, e, "that") || who_in_person(c, lo, e, 1))
		return;
	int a = e;
	for (int p = e - 1; p >= lo && p > e - 9; p--) {
		int mod = p > lo && p < e && win(c, p - 1, dets) && !win(c, p, clause_bad);   /* ("the state attorney") */
		if (c->tk[p].k != T_WORD || c->tk[p].q || win(c, p, pronouns) || win(c, p, conj) || rel_word(c, p) ||
		    weq(c, p, "that") || subord_word(c, p) || tok_in(c, p, preps) || who_in_person(c, lo, p, 0) ||
		    (!mod && (cue_of(c, p) || verb_like(c, p) || aux_word(c, p) || (!c->tk[p].cap && (ends(c, p, "ing") || ends(c, p, "ly"))))))
			break;
		if (win(c, p, clause_bad) && !((weq(c, p, "and") || weq(c, p, "or")) && p > lo && c->tk[p - 1].k == T_WORD &&
					       !win(c, p - 1, clause_bad) && !verb_like(c, p - 1)))
			break;   /* (a preposition; "and" inside the phrase: "entertainers and business leaders") */
		a = p;
	}
	while (a < e && (weq(c, a, "even") || weq(c, a, "only") || weq(c, a, "just") || weq(c, a, "also") || weq(c, a, "and") ||
			 weq(c, a, "but") || weq(c, a, "so")))
		a++;   /* ("Even Republicans who ...") */
	if (a > lo && be_form(c, a - 1))
		return;   /* "Roe is a politician who ...": Roe */
	int prep = a > lo && (win(c, a - 1, clause_bad) || tok_in(c, a - 1, preps));
	for (int d = e - 1; d > a; d--)   /* (a determiner opens the phrase: "convince some voters who") */
		if (win(c, d, dets) || weq(c, d, "some") || weq(c, d, "both") || weq(c, d, "all") || weq(c, d, "every")) {
			a = d;
			prep = 0;
			break;
		}
	np u;
	/* (not past a preposition to a role word before it: "a memo from the campaign manager who") */
	if (np_bwd(c, e, lo, &u) && u.kind == NP_ROLE &&
	    (u.a == a || (u.a < a && !is_role(c, e) && a - 2 >= u.a && is_role(c, a - 2) && win(c, a - 1, clause_bad)))) {
		int k = u.a;   /* (a role phrase of modifiers and its noun: not "The main barrier has been black
				* voters", "a memo from the campaign's manager") */
		while (k < e && !is_role(c, k) && !aux_word(c, k) && !verb_like(c, k) && !cue_of(c, k) && !win(c, k, clause_bad)) k++;
		if (is_role(c, k)) {
			*o = u;
			a = u.a;
			prep = 0;
		}
	}
	if (o->kind != NP_ROLE) {
		/* (after a preposition the phrase may be a place's or a time's: "the only one in the
		 * country who ..."; a person's noun is a role or a plural) */
		if (win(c, a, nsubj_bad) || ends(c, e, "ing") || ends(c, e, "ly") ||
		    (prep && (c->tk[e].cap || (!is_role(c, e) && !(ends(c, e, "s") && !ends(c, e, "ss")) && !weq(c, e, "people") &&
						  !weq(c, e, "women") && !weq(c, e, "men") && !weq(c, e, "children")))))
			return;
		*o = (np){ is_role(c, e) ? NP_ROLE : NP_SRC, a, e, -1 };
	}
	/* "Ann Roe, a senior analyst at the bank, who ...": the person the role is about */
	if (pch(c, a - 1, ',') && a - 2 >= lo && who_in_person(c, lo, a - 2, 0)) {
		*o = (np){ NP_PRON, z, z, -1 };
		return;
	}
}

/* The words j..ft-1 before a "that" hold a clause of their own: a verb group, or "and"/"or"/"but"
 * just before it ("said two men had been arrested and that a third ..."), past the last
 * comma: the cue's clause starts at j. */
static int clause_before_that(const ctx *c, int j, int ft)
{
	if (weq(c, ft - 1, "and") || weq(c, ft - 1, "or") || weq(c, ft - 1, "but"))
		return 1;
	if (weq(c, j, "to"))
		return 0;   /* (an infinitive: "refuses to release it may be that ...") */
	for (int y = ft - 1; y >= j && !pch(c, y, ','); y--)   /* (not in an aside: "said on TV, where he is a guest, that") */
		if (aux_word(c, y)) return 1;
	return 0;
}

static void indirect(ctx *c, nf_quotes *out, int *last_cl)
{
	c->out = out;
	c->last_cl = last_cl;
	const tok *tk = c->tk;
	int nt = (int)c->nt;
	np prev = { 0, 0, 0, -1 };
	int prev_sent = -1;
	int lo_i = -1, lo_lo = 0;   /* (the last candidate sent_lo was found for, and its) */
	c->ci = 0;
	for (int i = next_cand(c, 0); i < nt; i = next_cand(c, i + 1)) {
		if (tk[i].q || tk[i].k != T_WORD) continue;
		if ((i == 0 || tk[i - 1].para != tk[i].para) && tk[i].cap && headline_colon(c, i)) {
			int e = headline_speaker(c, i);
			if (e > i) { i = e; continue; }
		}
		int f = cue_of(c, i);
		if (!f && !tk[i].cue && !tk[i].cap && support_verb(c, i))
			f = CUE_BELIEF | CUE_ACT;
		if (!f && tk[i].para == 1 && (tk[i].cue & (CUE_SPEECH | CUE_BELIEF))) {
			int e = headline_cue(c, i);
			if (e > i) { i = e; continue; }
			if (headline_tag(c, i)) continue;
		}
		if (!(f & (CUE_SPEECH | CUE_BELIEF)) && !weq(c, i, "according") &&
		    !(weq(c, i, "in") && tk[i].cap) && !(f == 0 && !tk[i].cue && !tk[i].cap && i > 1 && tk[i - 1].k == T_WORD))
			continue;
		if ((weq(c, i, "state") || weq(c, i, "states")) && !weq(c, i + 1, "that"))
			continue;   /* mostly the noun */
		if (weq(c, i, "compared") && pch(c, i - 1, ',') && (weq(c, i + 1, "with") || weq(c, i + 1, "to")))
			continue;   /* ("..., compared with last year": the writer's comparison) */
		if (f & CUE_ING) {
			/* "X is (once again) questioning ...": a finite verb, not a participle clause */
			int p = i - 1;
			for (int n = 0; n < 3 && win(c, p, advs) && !weq(c, p, "is") && !weq(c, p, "are") && !weq(c, p, "was") &&
			     !weq(c, p, "were"); n++)
				p--;
			if (weq(c, p, "is") || weq(c, p, "are") || weq(c, p, "was") || weq(c, p, "were") || weq(c, p, "am") ||
			    weq(c, p, "been") || pronoun_is(c, p) || weq(c, p, "not") || aux_not(c, p))
				f &= ~CUE_ING;
		}
		/* sent_lo, from the last candidate's when it is in the same sentence (its tokens up to
		 * here are walked once, not once a candidate) */
		int lo, hi = sent_end(c, i);
		if (lo_i >= 0 && lo_i < i && tk[lo_i].sent == tk[i].sent && tk[lo_i].para == tk[i].para) {
			int j = i;
			while (j > lo_i && !tk[j - 1].q)
				j--;
			lo = j > lo_i ? j : lo_lo;
		} else {
			lo = sent_lo(c, i);
		}
		lo_i = i;
		lo_lo = lo;
		np sp = { 0, 0, 0, -1 };
		int ca = -1, cb = -1, cue = i, gap_a = -1, gap_b = -1;   /* gap: the tag inside ", he said," */
		int loose = 0;   /* found by the looser rules (any_subject, after_tag): no partial quotes */
		int rel_hi = -1;   /* (a cue's sentence end, for in_relative at found) */
		if (weq(c, i, "according") && weq(c, i + 1, "to")) {
			np t;
			int start = lo + ((weq(c, lo, "and") || weq(c, lo, "but")) && i == lo + 1);
			/* "...: According to X, ...", "(According to X, ...)": a clause opens there */
			int front = i == start || (i > lo && (pch(c, i - 1, ':') || pch(c, i - 1, '(')));
			int tail = i > lo && pch(c, i - 1, ',');
			/* "Clinton leads by 271 delegates according to a count by the AP." */
			int bare = i > lo + 3 && tk[i - 1].k == T_WORD && !cue_of(c, i - 1);
			if (!np_fwd(c, i + 2, hi + 1, &t) || t.kind == NP_PRON || !(pch(c, t.b + 1, ',') || pch(c, t.b + 1, '.') || t.b >= hi)) {
				/* any source up to the comma: "according to a new report by Politico," */
				int e = i + 2;
				while (e <= hi && e < i + 14 && tk[e].k == T_WORD) e++;
				if (e > i + 2 && (tail || bare) && !pch(c, e, ','))
					/* a closing tag runs to the sentence end: "..., according to a Times/CBS
					 * poll released in May" (not into an aside in parentheses) */
					for (e = i + 2; e <= hi && e < i + 30 && !pch(c, e, ',') && !pch(c, e, ';') && !pch(c, e, '('); e++) ;
				else if (e > i + 2 && !pch(c, e, ','))
					/* a long source before its comma: "According to a Reuters/Ipsos poll of
					 * likely voters conducted for ..., " */
					for (e = i + 2; e <= hi && e < i + 30 && !pch(c, e, ',') && !pch(c, e, ';') && !pch(c, e, ':') &&
					     !pch(c, e, '.'); e++) ;
				if (e == i + 2 || !(pch(c, e, ',') || pch(c, e, '.') || pch(c, e, '(') || e > hi)) continue;
				t = (np){ NP_SRC, i + 2, trim_end(c, i + 2, e - 1), -1 };
			}
			sp = t;
			int pre_cue = 0;   /* (a cue before it: "X said, according to Y, that ...") */
			for (int k = lo; k < i - 1 && !pre_cue; k++) pre_cue = cue_of(c, k) != 0;
			if (pch(c, t.b + 1, ',') && front) { ca = t.b + 2; cb = trim_end(c, ca, hi); }
			else if (tail && pch(c, t.b + 1, ',') && i - 1 - lo <= 3 && !pre_cue && t.b + 2 < hi) {
				/* "Now, according to the poll, some are swinging": the clause goes on after
				 * the source (a lone "But," is left out) */
				if (i - 1 - lo == 1 && (weq(c, lo, "but") || weq(c, lo, "and") || weq(c, lo, "so") || weq(c, lo, "yet"))) {
					ca = t.b + 2;
				} else {
					ca = lo;
					gap_a = i - 1; gap_b = t.b + 1;
				}
				cb = trim_end(c, t.b + 2, hi);
			}
			else if (tail && pch(c, t.b + 1, ',') && !pre_cue && t.b + 2 < hi && tk[t.b + 2].k == T_WORD && !tk[t.b + 2].q) {
				/* "At the heart of it, according to two aides, was a feud over ...": a longer
				 * clause goes on after the source too; both its parts are what was said */
				ca = lo;
				gap_a = i - 1; gap_b = t.b + 1;
				cb = trim_end(c, t.b + 2, hi);
			}
			else if (tail) {
				ca = lo; cb = i - 2;
				/* "As host of "The Show," he demeaned ..., according to X": the clause goes
				 * on behind a quote no slot took */
				int s0 = sent_start(c, i);
				if (s0 < lo && quoted_not_emitted(c, s0, lo - 1)) ca = s0;
			}
			else if (bare && !pre_cue && (t.b >= hi || pch(c, t.b + 1, '.') || trim_end(c, t.b, hi) == t.b)) { ca = lo; cb = i - 1; }
			else continue;
			cue = -3;
		} else if (f & (CUE_SPEECH | CUE_BELIEF)) {
			np t;
			rel_hi = hi;   /* (in_relative is tested at found: most cues fail before) */
			if (weq(c, i + 1, "by") && ends(c, i, "ed") && passive_by(c, lo, i, hi, &sp, &ca, &cb)) {
				cue = i;
				goto found;
			}
			if (weq(c, i, "asked") && asked_clause(c, lo, i, hi, &sp, &ca, &cb)) {
				cue = i;
				goto found;
			}
			/* what follows the cue: nothing but a few words ("said Friday") up to the end */
			int k = i + 1, kmax = i + 5 + (wlen(c, i + 2) == 1);
			/* (a cue word after "in a" is a noun: "said in a June report,") */
			while (k <= hi && k < kmax &&
			       ((tk[k].k == T_WORD && !weq(c, k, "that") && (!cue_of(c, k) || (k > i + 2 && tail_word(c, i + 1) && win(c, i + 2, dets)))) ||
				(pch(c, k, '.') && wlen(c, k - 1) == 1 && tk[k - 1].cap && k + 1 <= hi)))
				k++;   /* (the period of an initial: "said Jeffrey N. Trimble") */
			int at_end = k > hi || (k == hi && tk[k].k != T_WORD) || pch(c, k, '.');
			/* only time and place may follow a closing tag ("said Friday", "said in a
			 * statement"), not an object ("acknowledged their battle.") */
			if (at_end && k > i + 1 && !tail_word(c, i + 1) &&
			    !tell_form(c, i))   /* "..., Wilder told reporters." */
				at_end = 0;
			/* "..., he prefers to fly.": a thought's or an act's infinitive, not a closing tag */
			if (at_end && !(f & CUE_SPEECH) && weq(c, i + 1, "to") && i + 2 <= hi && tk[i + 2].k == T_WORD && !tk[i + 2].cap)
				at_end = 0;
			/* "..., said Jo Ray, a senior official with ...": an appositive ends the tag */
			int appos = pch(c, k, ',') && k > i + 1 && (weq(c, k + 1, "a") || weq(c, k + 1, "an") || weq(c, k + 1, "the") ||
						       weq(c, k + 1, "who") || weq(c, k + 1, "whose") || weq(c, k + 1, "one"));
			int mid = pch(c, k, ',') && k < hi - 2 && !appos;   /* "..., he said, local officials ..." */
			if (as_tag(c, lo, i, hi, &sp, &ca, &cb)) {
				cue = i;
				goto found;
			}
			/* (a tag has no words of its own but a time, a place or a name: "As chair, Ana
			 * said the ferry was late, and ..." is no tag inside a sentence) */
			if (mid && k > i + 1 && !tail_word(c, i + 1) && !tk[i + 1].cap && !tell_form(c, i))
				mid = 0;
			/* (nor an act's object: "Meanwhile, the union attacked Ortiz, saying ...") */
			if (mid && k > i + 1 && (f & CUE_ACT) && !tail_word(c, i + 1))
				mid = 0;
			int before_np = (at_end || mid) && np_bwd(c, skip_adv_bwd(c, i - 1, lo), lo, &t);
			int src_comma = -1;   /* "..., police said.": a plain noun phrase as the tag */
			if ((at_end || (mid && (weq(c, i, "say") || weq(c, i, "says") || weq(c, i, "said")) &&
					(k == i + 1 || tail_word(c, i + 1)))) && !before_np &&
			    !(f & CUE_ING) && i > lo + 3)
				for (int z = i - 1; z >= lo + 3 && z >= i - 4; z--) {
					if (pch(c, z, ',')) { src_comma = z < i - 1 ? z : -1; break; }
					if (tk[z].k != T_WORD || tk[z].q || cue_of(c, z) || win(c, z, stopcap) || win(c, z, conj) ||
					    win(c, z, advs) || win(c, z, clause_bad))
						break;
				}
			int comma = -1, prep = 0;
			if (before_np)   /* "..., top black lawmakers said.", "..., advisers to the mayor say," */
				for (int z = t.a - 1; z >= lo && z >= t.a - 4; z--) {
					if (pch(c, z, ',')) { comma = z; break; }
					if (z < t.a - 1 && tk[z + 1].k == T_WORD && !prep &&
					    (weq(c, z + 1, "to") || weq(c, z + 1, "of") || weq(c, z + 1, "for") || weq(c, z + 1, "in")) &&
					    z + 1 == t.a - 1 && tk[z].k == T_WORD && !tk[z].cap && !win(c, z, stopcap) && !cue_of(c, z)) {
						prep = 1;   /* (the phrase is the object of a preposition in the tag) */
						continue;
					}
					if (z == t.a - 1 && (weq(c, z, "to") || weq(c, z, "of") || weq(c, z, "for") || weq(c, z, "in")))
						continue;
					if (tk[z].k != T_WORD || tk[z].cap || cue_of(c, z) || win(c, z, stopcap) || win(c, z, conj)) break;
				}
			if (prep && comma >= 0)
				t = (np){ NP_SRC, comma + 1, t.b, -1 };
			if (before_np && (at_end || mid) && (comma > lo + 1 || (comma == lo + 1 && mid)) && !(f & CUE_ING) && !ca_after_quote(c, lo)) {
				sp = t; ca = lo; cb = mid ? trim_end(c, lo, hi) : comma - 1;
				if (mid) { gap_a = comma; gap_b = k; }
			} else if (src_comma > 0 && !ca_after_quote(c, lo)) {
				sp = (np){ NP_SRC, src_comma + 1, i - 1, -1 };
				ca = lo; cb = src_comma - 1;
				if (mid) {   /* "In most cases, tech executives say, they ...": around the tag */
					cb = trim_end(c, lo, hi);
					gap_a = src_comma; gap_b = k;
				}
			} else if (pch(c, i - 1, ',') &&   /* (first: most cues have no comma before them) */
				   (at_end || mid || (np_fwd(c, i + 1, hi + 1, &t) && (pch(c, t.b + 1, '.') || t.b >= hi || (appos && t.b + 1 == k)))) &&
				   (!(at_end || mid) || np_fwd(c, i + 1, hi + 1, &t)) && i > lo + 2 && (f & CUE_SPEECH) &&
				   !ca_after_quote(c, lo) && (pch(c, t.b + 1, '.') || pch(c, t.b + 1, ',') || t.b >= hi)) {
				sp = t; ca = lo; cb = mid ? trim_end(c, lo, hi) : i - 2;   /* "..., said Smith." */
				if (mid) { gap_a = i - 1; gap_b = k; }
			} else {
				/* "X said (that) ..." */
				int j = i + 1, ft;
				if (tell_form(c, i) || weq(c, i, "telling") ||
				    weq(c, i, "assured") || weq(c, i, "informed") || weq(c, i, "reminded") || weq(c, i, "warned")) {
					int k2 = j;
					while (k2 <= hi && k2 < j + 6 && !weq(c, k2, "that")) k2++;
					if (weq(c, k2, "that")) {
						j = k2 + 1;
					} else {
						/* "warned state officials to boost ...": the infinitive is what was said */
						int k3 = to_after_object(c, j, hi);
						if (k3 < 0 && (k3 = told_clause(c, i, j, hi)) < 0) continue;
						j = k3;
					}
				} else if ((weq(c, i, "urged") || weq(c, i, "urges") || weq(c, i, "urging") || weq(c, i, "asked") ||
					    weq(c, i, "asks") || weq(c, i, "encouraged") || weq(c, i, "encourages") || weq(c, i, "encouraging") ||
					    weq(c, i, "implored") || weq(c, i, "implores") || weq(c, i, "pressed")) && !weq(c, j, "to") &&
					   !weq(c, j, "that") && to_after_object(c, j, hi) > j) {
					j = to_after_object(c, j, hi);
				} else if (weq(c, j, "out") && (weq(c, i, "pointed") || weq(c, i, "points") || weq(c, i, "point") ||
								 weq(c, i, "pointing")) && tk[j + 1].k == T_WORD) {
					j += 1 + weq(c, j + 1, "that");   /* "pointed out (that) ..." */
				} else if ((weq(c, i, "called") || weq(c, i, "calls") || weq(c, i, "call") || weq(c, i, "calling")) &&
					   (weq(c, j, "on") || weq(c, j, "for")) && j < hi - 1 && tk[j + 1].k == T_WORD) {
					j++;   /* "called on Trump to stop ...", "called for an inquiry" */
				} else if (weq(c, j, "that") && !that_det(c, j, f)) {
					j++;
				} else if (weq(c, i, "expressed") && (weq(c, j, "hope") || weq(c, j, "concern") || weq(c, j, "confidence") ||
					   weq(c, j, "doubt") || weq(c, j, "support") || weq(c, j, "regret"))) {
					j += 1 + weq(c, j + 1, "that");   /* "expressed hope for ..." */
				} else if ((ft = find_that(c, j, hi)) > 0 && c->tk[ft + 1].k == T_WORD && !clause_before_that(c, j, ft) &&
					   (tail_word(c, j) || is_weekday(c, j) || c->tk[j].cap || pch(c, j, ',') || lead_that(c, i, j, ft))) {
					/* "said on Monday that ...", not the pronoun in "said the test could change that" */
					j = ft + 1;
				} else if ((weq(c, j, "about") || weq(c, j, "against") || (weq(c, j, "for") && !talk_cue(c, i)) ||
					   (weq(c, j, "on") && !tk[j + 1].cap) || weq(c, j, "of")) && j < hi - 1 && !(f & CUE_ING)) {
					j++;   /* what was spoken about: "X talked about the economy" */
				} else if (tk[j].k != T_WORD || (cue_of(c, j) && (ends(c, j, "ed") || ends(c, j, "ing") ||
					   ((cue_of(c, j) & CUE_BELIEF) && !((cue_of(c, j) & CUE_ACT) && ends(c, j, "s")))))) {
					continue;   /* (but an act's -s form after the cue is its noun: "announced plans to ...") */
				} else if ((f & CUE_ING) && !pch(c, i - 1, ',')) {
					continue;
				} else if ((f & CUE_SAY) && !(f & CUE_ING) && (j = clause_after_pp(c, j, hi)) > 0) {
					;   /* "said after the convention he would ...", "said Tuesday the ferry would ..." */
				} else if (win(c, j = i + 1, clause_bad) && !(weq(c, j, "to") && tk[j + 1].k == T_WORD && !tk[j + 1].cap) &&
					   !answer_word(c, f, i, j) &&
					   !(weq(c, j, "no") && tk[j + 1].k == T_WORD && !tk[j + 1].q && !weq(c, j + 1, "to")) &&   /* "said no decision had been made" */
					   !((weq(c, j, "him") || weq(c, j, "her") || weq(c, j, "them") || weq(c, j, "us")) && obj_cue(c, i))) {
					continue;
				}
				/* else the object or the infinitive of the cue: "X cited the report", "X vowed to ..." */
				else if (!(f & CUE_SAY) && !obj_cue(c, i)) continue;
				if ((f & CUE_SAY) && passive_cue(c, i))
					continue;   /* "He was admitted to hospital", "was told to wait": no words of the subject's */
				int z = skip_adv_bwd(c, i - 1, lo), pl = 0, pcm = -1;
				/* a sentence that begins after a quote is its tag, but not a relative clause
				 * in it (""...," said Mr. Kamin, who emphasized that ...") */
				int aside = ca_after_quote(c, lo) && quote_in_aside(c, i, &t);
				if (!aside && ca_after_quote(c, lo) && !(weq(c, z, "who") && z > lo) && !quote_ends_before(c, lo)) {
					/* ('"...," claiming that ...', '"...," he said, adding that ...': a "that" clause is
					 * reported whatever tag precedes) */
					if (!after_tag(c, lo, i, f) && !(weq(c, j - 1, "that") && j - 1 == i + 1 && !weq(c, i, "states") && !weq(c, i, "state")) &&
					    !inner_quote_before(c, lo, i, f))
						continue;
					loose = 1;
				}
				if (aside) {
					;   /* (t: the subject before the relative clause) */
				} else if ((f & CUE_ING) && pch(c, i - 1, ',')) {
					/* "X rejected the request, saying ...": the clause's subject */
					if (!clause_subject(c, lo, i, &t) || t.kind == NP_NAME) continue;
				} else if ((weq(c, z, "and") || weq(c, z, "but")) && prev.kind && prev_sent == tk[i].sent) {
					t = prev;   /* "X says ... and said ...": the same subject */
				} else if ((weq(c, z, "and") || weq(c, z, "but")) && !(f & CUE_ING) && coord_subject(c, lo, z, hi, &t)) {
					;
				} else if ((weq(c, z, "and") || weq(c, z, "but")) && z == lo && ca_after_quote(c, lo) &&
					   clause_subject(c, sent_start(c, i), lo, &t)) {
					;   /* 'X called it "reckless" but said ...': the subject is before the quote */
				} else if (who_form(c, z) && z > lo) {
					t = (np){ NP_PRON, z, z, -1 };   /* (and "who's called for ...") */
					for (int y = j; y <= hi; y++)
						if (pch(c, y, ',') && !concessive_end(c, y + 1, hi)) { hi = y - 1; break; }   /* the relative clause ends */
					int mv = main_verb_resumes(c, j, hi);
					if (mv > j) hi = trim_end(c, j, mv - 1);
				} else if ((pl = participle_lead(c, lo, z, j, hi, &t, &pcm)) != 0) {
					if (pl < 0) continue;
					hi = trim_end(c, j, pcm - 1);   /* (the clause ends at its comma) */
				} else if (!subject_of(c, i, lo, i, &t)) {
					/* ("While environmentalists welcomed ...": a subordinate clause's own subject) */
					if (!((f & CUE_ING) && clause_subject(c, lo, i, &t)) && !(!(f & CUE_ING) && nominal_subject(c, lo, i, &t)) &&
					    !(!(f & CUE_ING) && lo + 1 < i && (win(c, lo, conj) || weq(c, lo, "because")) && !weq(c, lo, "but") &&
					      nominal_subject(c, lo + 1, i, &t) && (loose = 1)) &&
					    !(!(f & CUE_ING) && (loose = any_subject(c, lo, i, &t, (f & CUE_SAY) && (weq(c, i + 1, "that") ||
									   weq(c, i, "said") || weq(c, i, "says") || weq(c, i, "say"))))) &&
					    !(!(f & CUE_ING) && indefinite_subject(c, lo, z, &t)))
						continue;
				}
				if (t.b >= i && pl <= 0) continue;
				{
					/* "the experts I interviewed said": the pronoun is in a relative clause */
					np u;
					if (t.kind == NP_PRON && t.a > lo && tk[t.a - 1].k == T_WORD && !tk[t.a - 1].cap &&
					    !win(c, t.a - 1, stopcap) && !win(c, t.a - 1, conj) && !cue_of(c, t.a - 1) &&
					    nominal_subject(c, lo, i, &u))
						t = u;
					/* "Those close to the mayor say", "Officials in Ohio said": the phrase
					 * found is the object of a preposition in the subject */
					else if (t.a > lo + 1 && !(t.kind == NP_ENT && ment_type(c, t.ment) == NF_PER) && (weq(c, t.a - 1, "to") || weq(c, t.a - 1, "in") || weq(c, t.a - 1, "of") ||
								  weq(c, t.a - 1, "for") || weq(c, t.a - 1, "with") || weq(c, t.a - 1, "from") ||
								  weq(c, t.a - 1, "near") || weq(c, t.a - 1, "around") || weq(c, t.a - 1, "among")) &&
						 nominal_subject(c, lo, i, &u) && u.a < t.a)
						t = u;
				}
				while (j < hi && pch(c, j, ','))
					j++;   /* "say that, in addition to ..." */
				/* a clause with no subject: "a change it says was never agreed" is a relative
				 * clause about the noun before, not what was said */
				if (!weq(c, j - 1, "that") && (weq(c, j, "was") || weq(c, j, "were") || weq(c, j, "is") ||
							      weq(c, j, "are") || weq(c, j, "has") || weq(c, j, "had") ||
							      weq(c, j, "have") || weq(c, j, "will") || weq(c, j, "would"))) {
					/* "..., which he said were paid for by ...", "what she says is a trend": the
					 * relative clause is what was said, from its pronoun */
					int r = t.a - 1;
					if (!(r >= lo && (weq(c, r, "which") || weq(c, r, "what") || weq(c, r, "who") || weq(c, r, "that")) &&
					      t.b == skip_adv_bwd(c, i - 1, lo) && (f & CUE_SAY) && !(f & CUE_ING)))
						continue;
					j = r;
				}
				sp = t; ca = j; cb = answer_word(c, f, i, j) ? j : clause_end(c, j, hi);
				if (ca < t.a)   /* (the relative clause ends at its comma, or "and who ...") */
					for (int z = i + 2; z < cb; z++)
						if ((c->tk[z].k == T_PUNCT && !pch(c, z, '%') && !pch(c, z, '/') && !pch(c, z, '.')) ||
						    ((weq(c, z, "and") || weq(c, z, "but")) && (weq(c, z + 1, "who") || weq(c, z + 1, "which")))) {
							cb = trim_end(c, ca, z - 1);
							break;
						}
				/* "When Clinton noted that ..., Trump interrupted": the subordinate clause
				 * ends at its comma, where the main clause begins (its subject may be
				 * long: "Though the engineers who built it say ..., ...", and the clause may
				 * open later: "Years after Ana claimed that ..., ...", "But if he implied ...") */
				if (sp.a > lo && (((sp.a <= lo + 2 || !comma_in(c, lo, sp.a)) && (weq(c, lo, "as") || subord_word(c, lo))) ||
						  (!comma_in(c, lo, sp.a) && subord_in(c, lo, sp.a))))
					for (int z = ca + 1; z < cb; z++)
						if ((pch(c, z, ',') && !tk[z].q && !num_comma(c, z)) || spaced_dash(c, z)) {
							/* (or a spaced dash, not one of a pair around an aside the clause
							 * goes on after: "is older - by a wide margin - than ...") */
							int z2 = z + 1;
							while (z2 < cb && !spaced_dash(c, z2) && !pch(c, z2, ',')) z2++;
							if (pch(c, z, ',') || !spaced_dash(c, z2) || tk[z2 + 1].k != T_WORD || tk[z2 + 1].cap ||
							    win(c, z2 + 1, pronouns) || win(c, z2 + 1, dets)) {
								cb = trim_end(c, ca, z - 1);
								break;
							}
							z = z2;
						}
				/* the object of an act ("defended the budget during a long speech"): a noun
				 * phrase, without the time and the reasons the writer adds */
				if ((f & CUE_ACT) && j <= i + 2 && !weq(c, j, "to") && (!weq(c, j, "that") || that_det(c, j, f)))
					cb = object_end(c, j, cb);
				cb = np_object_end(c, j, cb);
			}
		} else if (f == 0 && !tk[i].cue && !tk[i].cap && !weq(c, i, "according")) {
			if (!state_clause(c, lo, i, hi, &sp, &ca, &cb)) continue;
		} else if (weq(c, i, "in") && i == lo) {
			/* "In the new Post-ABC poll, the mogul wins ...": a poll that opens the sentence
			 * reports its clause */
			int e = i + 1, poll = 0;
			for (; e <= hi && e < i + 12 && (tk[e].k == T_WORD || pch(c, e, '/') || pch(c, e, '-')); e++)
				poll |= weq(c, e, "poll") || weq(c, e, "polls") || weq(c, e, "survey") || weq(c, e, "surveys");
			if (!poll || !pch(c, e, ',') || e + 3 > hi || tk[e + 1].k != T_WORD) continue;
			int inner = 0;   /* (its own cue reports the clause: "In the survey, 42% say ...") */
			for (int k = e + 1; k <= hi && k < e + 9 && !inner; k++)
				inner = (cue_of(c, k) & (CUE_SPEECH | CUE_BELIEF)) && !(cue_of(c, k) & CUE_ACT);
			if (inner) continue;
			sp = (np){ NP_SRC, i + 1, e - 1, -1 };
			ca = e + 1; cb = trim_end(c, ca, hi);
		} else {
			continue;
		}
	found:
		if (rel_hi >= 0 && in_relative(c, lo, i, rel_hi))
			continue;   /* "An official who asked not to be named said": the later verb's */
		if (ca < 0 || cb < ca || (cb - ca < 1 && !(cue == i && (act_name(c, f, i, ca, &sp) || answer_word(c, f, i, ca)))) || overlaps_quote(c, sp.a, sp.b))
			continue;
		if (overlaps_quote(c, ca, cb)) {
			/* reported speech that quotes a few words no slot took ("Clinton cited his
			 * references to her as "Miss Piggy" as ..."): a partial quote of that clause,
			 * for a belief or an act too ("ripped the judge for acting as "the jury"") */
			int rq = quoted_not_emitted(c, ca, cb);
			if (rq > 0 && !loose)
				add_partial(c, out, last_cl, &sp, cue, ca, cb, rq - 1);
			continue;
		}
		/* a closing tag ("..., the aide added.") or a closing "according to" source ("Most
		 * farmers said the harvest was late, according to a poll.") reports its whole clause:
		 * the rows of cues inside it ("X had told Y that ...") give way to it */
		if ((cue > cb && pch(c, cb + 1, ',') && sp.a > cb && (cue_of(c, cue) & CUE_SAY) && !(cue_of(c, cue) & CUE_ING) &&
		     sent_end(c, cue) - cue <= 3) ||
		    (cue == -3 && cb == i - 2 && pch(c, cb + 1, ',') && sp.a > cb && sent_end(c, sp.b) - sp.b <= 1))
			while (out->n > c->nmain && out->q[out->n - 1].type == NF_Q_INDIRECT && out->q[out->n - 1].start > tk[ca].s &&
			       out->q[out->n - 1].end <= tk[cb].e)
				out->n--;
		/* (each word is reported once: not again as the content of a later cue) */
		if (out->n && out->q[out->n - 1].type == NF_Q_INDIRECT && out->q[out->n - 1].end > tk[ca].s &&
		    out->q[out->n - 1].start < tk[cb].e)
			continue;
		if (sp.kind == NP_NAME && !tk[sp.a].cap && !weq(c, sp.a, "the")) continue;
		if (sp.kind == NP_PRON && sp.a > lo && who_form(c, sp.a))
			who_antecedent(c, lo, sp.a, &sp);   /* "Residents who think ...": the residents */
		else if (sp.kind == NP_SRC && sp.b > sp.a && weq(c, sp.b, "who"))
			sp.b--, who_antecedent(c, lo, sp.b + 1, &sp);   /* ("A man who said ...": without its "who") */
		add_indirect_gap(c, out, last_cl, &sp, cue, ca, cb, gap_a, gap_b);
		if (sp.kind == NP_NONE)   /* (a question with no asker named: the cue all the same) */
			out->q[out->n - 1].cue = cue_phrase(c, cue);
		prev = sp;
		prev_sent = tk[i].sent;
		if (cue >= 0 && cb > i) i = cb;
		if (cue == -3 && sp.b > i) i = sp.b;   /* (the source's words report nothing more) */
	}
}

/* The last speech or act cue outside quotes from byte pos to token b (-1: none): a coordinated verb
 * ("and said", ", telling", "but described"), not a relative "what X called". */
static int cue_between(const ctx *c, size_t pos, int b)
{
	int a = tok_at(c, pos);
	if (a < 0) return -1;
	for (int k = b - 1; k > a; k--) {
		if (c->tk[k].q || !(cue_of(c, k) & (CUE_SPEECH | CUE_ACT))) continue;
		int p = skip_adv_bwd(c, k - 1, a);
		if (weq(c, p, "and") || weq(c, p, "but") || pch(c, p, ',') || (c->tk[p].k == T_MARK && pch(c, p - 1, ',')))
			return k;
		return -1;
	}
	/* "called the deal "a mess" and likened it to a "fire sale"": "and" + a past tense of
	 * no cue list, right after the last quote, is the same subject's second verb */
	int k = a;
	while (k < b && c->tk[k].k == T_MARK) k++;
	if (k > a && k + 1 < b && weq(c, k, "and") && c->tk[k + 1].k == T_WORD && !c->tk[k + 1].cap &&
	    !c->tk[k + 1].q && ends(c, k + 1, "ed") && !win(c, k + 1, dets) && c->tk[k + 2].k == T_WORD && !c->tk[k + 2].q &&
	    (c->tk[k + 2].cap || win(c, k + 2, dets) || weq(c, k + 2, "it") || weq(c, k + 2, "him") || weq(c, k + 2, "them")))
		return k + 1;   /* (with an object: "and shared in "X"" goes on with the clause's own subject) */
	return -1;
}

/* The output's sort key: a row's start, then its place before the sort, so rows that start at
 * one byte keep the order they were found in whatever the qsort (glibc's is a merge sort only
 * when memory allows). (No rows tie so far: direct, partial and scare rows start inside
 * distinct quotes, a partial found by indirect takes the place of the scare row it starts
 * with, and indirect content neither overlaps a double-marked quote nor the indirect row
 * before it; the order is defined all the same.) */
typedef struct { size_t start, i; } qkey;

static int cmp_qkey(const void *a, const void *b)
{
	const qkey *x = a, *y = b;
	if (x->start != y->start) return x->start < y->start ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}


/* Mention m starts in token i: it is the token's (or the next word's) if it has a cluster. */
static inline void ment_at(ctx *c, size_t i, size_t m)
{
	const nf_mention *em = &c->ents->m[m];
	if (em->cluster < 0 || (size_t)em->cluster >= c->ents->nc)
		return;
	/* a mention that starts on punctuation (". Smith") belongs to the next word */
	if (c->tk[i].k != T_WORD && i + 1 < c->nt && c->tk[i + 1].s < em->end)
		i++;
	c->tk[i].ment = (int)m;
	push_int(&c->mt, &c->nmt, &c->mtcap, (int)i);
}

/* A quotation that opens a sentence right after "Anna Berg spoke to reporters after the vote."
 * (a talk cue with no reported content of its own): that speaker. */
/* Token o (o >= 1) opens a sentence right after one that ends in a period, in the same paragraph
 * or the next: where an untagged quote may take the speaker of the sentence before. */
static int after_full_stop(const ctx *c, int o)
{
	const tok *tk = c->tk;
	return pch(c, o - 1, '.') && !tk[o - 1].q && tk[o - 1].para + 1 >= tk[o].para &&
	       !(tk[o - 1].sent == tk[o].sent && tk[o - 1].para == tk[o].para);
}

static int slot_prev(const ctx *c, qinfo *q)
{
	int o = q->open;
	if (o < 2 || !after_full_stop(c, o))
		return 0;
	int lo = sent_lo(c, o - 1);
	for (int k = lo; k < o - 1; k++) {
		np sp;
		if (!cue_of(c, k) || !talk_cue(c, k) || ends(c, k, "ing"))
			continue;
		if (subject_of(c, k, lo, o - 1, &sp) && sp.b < k && sp.kind != NP_NAME &&
		    ((sp.kind == NP_ENT && ment_type(c, sp.ment) == NF_PER) || sp.kind == NP_ROLE)) {
			q->sp = sp; q->cue = k; q->how = 'P';
			return 1;
		}
		break;
	}
	return 0;
}

/* The speaker of p goes on in o (an unattributed quote after it); the cue is p's own. (The
 * strings are shared: they live in the output's blocks until the next document.) */
static void copy_speaker(nf_quote *o, const nf_quote *p)
{
	o->cluster = p->cluster;
	o->speaker = p->speaker;
	o->mention = p->mention;
	o->role = p->role;
	o->affiliation = p->affiliation;
	o->mention_start = p->mention_start;
	o->mention_end = p->mention_end;
}

/* A quote no tag claimed that opens the sentence right after one of reported speech takes its
 * speaker ("Anna Berg said the vote was a blow. “We have no money left.”"), rather than the
 * last quote's: untag holds (out row, opening mark) pairs; rows from first on are indirect's. */
static void inherit_reported(ctx *c, nf_quotes *out, size_t first, const size_t *untag, size_t n)
{
	for (size_t u = 0; u < n; u++) {
		int o = (int)untag[2 * u + 1];
		if (o < 1 || !after_full_stop(c, o))
			continue;
		/* (the writer's own words after it in the paragraph may bring in its speaker:
		 * "“The wall will hold.” The port authority said ...") */
		int z = o;
		while ((size_t)z < c->nt && c->tk[z].para == c->tk[o].para && (c->tk[z].q || c->tk[z].k != T_WORD)) z++;
		if ((size_t)z < c->nt && c->tk[z].para == c->tk[o].para)
			continue;
		const nf_quote *best = NULL;
		for (size_t r = first; r < out->n; r++) {
			const nf_quote *p = &out->q[r];
			if (p->type != NF_Q_INDIRECT || !p->speaker || p->end > c->tk[o].s || (best && p->end <= best->end))
				continue;
			int t = tok_at(c, p->end - 1);
			if (t < 0 || c->tk[t].sent != c->tk[o - 1].sent || c->tk[t].para != c->tk[o - 1].para)
				continue;
			int clear = 1;   /* (no other quotation in between) */
			for (int k = t + 1; k < o && clear; k++)
				clear = !c->tk[k].q;
			if (clear) best = p;
		}
		if (best) {
			nf_quote *q = &out->q[untag[2 * u]];
			copy_speaker(q, best);
			q->cue = NULL;
		}
	}
}

/* A transcript turn's speaker at token i, a paragraph's first token (after an opening mark):
 * one to three upper-case words and a colon ("PENCE:", "JAKE TAPPER:"), with words after it
 * in the paragraph. Returns the colon's token, or -1. */
static int turn_name(const ctx *c, int i)
{
	int j = i;
	for (; (size_t)j < c->nt && j < i + 3 && c->tk[j].k == T_WORD && c->tk[j].para == c->tk[i].para; j++) {
		int letters = 0;
		for (size_t b = c->tk[j].s; b < c->tk[j].e; b++) {
			char ch = c->t[b];
			if (ch >= 'A' && ch <= 'Z') letters++;
			else if (ch != '.' && ch != '\'' && ch != '-') return -1;
		}
		if (letters < 2) return -1;
	}
	if (j == i || !pch(c, j, ':') || (size_t)j + 1 >= c->nt || c->tk[j + 1].para != c->tk[j].para)
		return -1;
	return j;
}

/* A turn's name is a speaker's: it opens another turn too, or names a person of the document
 * ("HOLM:" and Vera Holm); not an editor's label ("CLARIFICATION:", "UPDATE:"). The first
 * test is made for all the turns at once, in transcript, on their names sorted: key. */
typedef struct { const char *w; size_t n; int k; } turnkey;   /* (a name's last word; its turn) */

static int cmp_turnkey(const void *a, const void *b)
{
	const turnkey *x = a, *y = b;   /* (equal words, as ieq finds them, side by side) */
	if (x->n != y->n) return x->n < y->n ? -1 : 1;
	for (size_t i = 0; i < x->n; i++) {
		unsigned char p = (unsigned char)x->w[i], q = (unsigned char)y->w[i];
		if (p >= 'A' && p <= 'Z') p = (unsigned char)(p + 32);
		if (q >= 'A' && q <= 'Z') q = (unsigned char)(q + 32);
		if (p != q) return p < q ? -1 : 1;
	}
	return x->k < y->k ? -1 : x->k > y->k;
}

static int turn_person(const ctx *c, const int *nm, int k)
{
	const tok *tk = c->tk;
	int w = nm[2 * k + 1];   /* (the last word of the name) */
	for (int i = nm[2 * k]; i <= w; i++)
		if (tk[i].ment >= 0 && ment_type(c, tk[i].ment) == NF_PER)
			return 1;
	return fuzzy_person(c, c->t + tk[w].s, tk[w].e - tk[w].s, -1) >= 0;
}

/* Interview transcripts: paragraphs that open with a speaker's name in capitals and a colon
 * ("PENCE: Well, look, ...") are that speaker's words, one direct quote a turn, when the
 * document has two such speakers at least (turn_person, and a name that opens two turns). A
 * turn opened by a quote mark with no closing one goes on over the next paragraphs opened by
 * a mark (a quoted transcript). The quotes found inside a turn are the speaker's words, not
 * rows of their own. (Every turn counts, however many: one sort of the names, one pass over
 * the rows at the end.) */
typedef struct { size_t s, e, f0; } turnreg;   /* a turn's bytes (from its mark), its first fragment's start */

static void transcript(ctx *c, nf_quotes *out)
{
	const tok *tk = c->tk;
	int n = 0;   /* the turns */
	for (int p = 1; (size_t)c->pfirst[p] < c->nt; p++) {   /* (each paragraph's first token) */
		size_t i = (size_t)c->pfirst[p];
		n += turn_name(c, (int)i + (tk[i].k == T_MARK)) >= 0;
	}
	if (n < 2)
		return;
	int *nm = nf_xmalloc(2 * (size_t)n * sizeof *nm);   /* each turn's name: first and last token */
	turnkey *key = nf_xmalloc((size_t)n * sizeof *key);
	unsigned char *spk = nf_xcalloc((size_t)n, 1);      /* the turn's name is a speaker's */
	n = 0;
	for (int p = 1; (size_t)c->pfirst[p] < c->nt; p++) {
		size_t i = (size_t)c->pfirst[p];
		int a = (int)i + (tk[i].k == T_MARK), colon = turn_name(c, a);
		if (colon < 0) continue;
		nm[2 * n] = a, nm[2 * n + 1] = colon - 1;
		key[n] = (turnkey){ c->t + tk[colon - 1].s, tk[colon - 1].e - tk[colon - 1].s, n };
		n++;
	}
	qsort(key, (size_t)n, sizeof *key, cmp_turnkey);
	for (int k = 0; k + 1 < n; k++)
		if (ieq(key[k].w, key[k].n, key[k + 1].w, key[k + 1].n))
			spk[key[k].k] = spk[key[k + 1].k] = 1;
	for (int k = 0; k < n; k++)
		if (!spk[k]) spk[k] = (unsigned char)turn_person(c, nm, k);
	int first_sp = -1, two = 0;
	for (int k = 0; k < n && !two; k++) {
		if (!spk[k]) continue;
		int w = nm[2 * k + 1];
		if (first_sp < 0) first_sp = w;
		else two = !ieq(c->t + tk[w].s, tk[w].e - tk[w].s, c->t + tk[first_sp].s, tk[first_sp].e - tk[first_sp].s);
	}
	if (!two) {
		free(spk), free(key), free(nm);
		return;
	}
	turnreg *reg = nf_xmalloc((size_t)n * sizeof *reg);
	size_t nkeep = out->n, nreg = 0;
	int k = 0;
	for (size_t i = 0; i < c->nt; i++) {
		if (i > 0 && tk[i - 1].para == tk[i].para) continue;
		int marked = tk[i].k == T_MARK, a = (int)i + marked, colon = turn_name(c, a);
		if (colon < 0) continue;
		while (k < n && nm[2 * k] < a) k++;   /* (the turns come in text order) */
		if (k == n || nm[2 * k] != a || !spk[k]) continue;
		nf_quote o = { 0 };
		o.type = NF_Q_DIRECT;
		o.cluster = -1;
		nf_qfrag fr[64];
		size_t nf = 0;
		size_t region = tk[i].s;
		int p = (int)i;
		for (int s0 = colon + 1; nf < 64;) {
			int e = s0;
			while ((size_t)e + 1 < c->nt && tk[e + 1].para == tk[s0].para) e++;
			int e2 = e;
			while (e2 > s0 && tk[e2].k == T_MARK) e2--;
			fr[nf++] = (nf_qfrag){ tk[s0].s, tk[e2].e };
			p = e + 1;
			/* a quoted turn goes on: the next paragraph opens with a mark, and no name or
			 * stage direction ("(CROSSTALK.)") */
			if (!marked || e2 < e || (size_t)p >= c->nt || tk[p].k != T_MARK || (size_t)p + 1 >= c->nt ||
			    tk[p + 1].para != tk[p].para || turn_name(c, p + 1) >= 0 || pch(c, p + 1, '('))
				break;
			s0 = p + 1;
		}
		size_t rend = fr[nf - 1].end;
		reg[nreg++] = (turnreg){ region, rend, fr[0].start };
		o.frag = qalloc(c->arp, nf * sizeof *o.frag);
		memcpy(o.frag, fr, nf * sizeof *fr);
		o.nfrag = nf;
		o.start = fr[0].start;
		o.end = o.content_end = rend;
		o.content_start = o.start;
		o.sent = tk[colon + 1].sent;
		np sp = { NP_NAME, a, colon - 1, -1 };
		if (tk[a].ment >= 0) sp.kind = NP_ENT, sp.ment = tk[a].ment;
		resolve(c, &sp, -1, &o, -1);
		o.cue = qstrndup(c->arp, ":", 1);
		add_out(out, &o);
		i = (size_t)p - 1;
	}
	/* the rows found inside a turn go (the turns a row overlaps: from the first that ends
	 * after its start, by a binary search) */
	size_t w = 0;
	for (size_t q = 0; q < nkeep; q++) {
		const nf_quote *r = &out->q[q];
		size_t lo = 0, hi = nreg;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (reg[mid].e <= r->start) lo = mid + 1; else hi = mid;
		}
		int drop = 0;
		for (size_t t = lo; t < nreg && reg[t].s < r->end && !drop; t++)
			drop = r->end > reg[t].s && r->start < reg[t].e &&
			       (r->type != NF_Q_INDIRECT || (r->start <= reg[t].f0 + 1 && r->cue && !strcmp(r->cue, ":")));
		if (!drop)   /* (indirect speech inside stays, but not the turn itself again) */
			out->q[w++] = out->q[q];
	}
	for (size_t q = nkeep; q < out->n; q++) out->q[w++] = out->q[q];
	out->n = w;
	free(reg);
	free(spk);
	free(key);
	free(nm);
}

/* The writer's words after the quote from token o to e are a clause of their own: a tag of
 * their own follows in the sentence (""B" to raise the price, she said"), or they are as long
 * as the quote (""B" to raise the share price": the writer's sentence, not the speaker's). */
static int own_clause_after(const ctx *c, int o, int e)
{
	int qw = 0, tw = 0;
	for (int j = o + 1; j < e; j++)
		qw += c->tk[j].k == T_WORD;
	for (int j = e + 1; (size_t)j < c->nt && c->tk[j].sent == c->tk[e].sent && c->tk[j].para == c->tk[e].para; j++) {
		if (!c->tk[j].q && (cue_of(c, j) & CUE_SPEECH))
			return 1;
		tw += c->tk[j].k == T_WORD;
	}
	return tw >= qw;
}

/* ---- noun cues: "his refusal to ...", "the claim that ..." (after indirect) ---- */

/* Token i is one of the sorted lower-case words of list (n of them). */
static int noun_in(const ctx *c, int i, const char *const *list, size_t n)
{
	size_t len = c->tk[i].e - c->tk[i].s;
	if (c->tk[i].k != T_WORD || len < 3 || len > 15)
		return 0;
	char w[16];
	for (size_t k = 0; k < len; k++) {
		char ch = c->t[c->tk[i].s + k];
		w[k] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
	}
	w[len] = 0;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = (unsigned char)w[0] - (unsigned char)list[mid][0];   /* (most differ there) */
		if (!r) r = strcmp(w, list[mid]);
		if (!r) return 1;
		if (r < 0) hi = mid; else lo = mid + 1;
	}
	return 0;
}

/* The possessor that ends at token k ("his", "Ortiz's"): its last word, or -1. */
static int possessor_at(const ctx *c, int k)
{
	if (k < 0 || c->tk[k].k != T_WORD || c->tk[k].q)
		return -1;
	if (weq(c, k, "his") || weq(c, k, "her") || weq(c, k, "their") || weq(c, k, "its") || weq(c, k, "our") ||
	    weq(c, k, "my"))
		return k;
	if (!possessive_at(c, c->tk[k].e))
		return -1;
	if (weq(c, k, "s")) {   /* ("Ortiz" "'" "s") */
		k--;
		while (k >= 0 && c->tk[k].k != T_WORD) k--;
		if (k < 0) return -1;
	}
	return c->tk[k].cap ? k : -1;
}

/* The source phrase of the possessor whose last word is token p: the entity mention there
 * ("Park's": the mention "Park" ends inside the token), else the word itself ("his"). */
static np possessor_np(const ctx *c, int p)
{
	int a = p;
	while (a > 0 && c->tk[a].inm && a > p - 6) a--;
	int m = c->tk[a].ment;
	if (m >= 0 && c->ents->m[m].end <= c->tk[p].e && c->ents->m[m].end > c->tk[p].s &&
	    (ment_type(c, m) == NF_PER || ment_type(c, m) == NF_ORG || ment_type(c, m) == NF_GPE))
		return (np){ NP_ENT, a, p, m };
	return (np){ NP_SRC, p, p, -1 };
}

/* Bytes [s, e) overlap a row found before. */
static int row_overlaps(const nf_quotes *out, size_t s, size_t e)
{
	for (size_t r = 0; r < out->n; r++)
		if (out->q[r].start < e && s < out->q[r].end)
			return 1;
	return 0;
}

/* "Turnout is expected to rise": an expectation with no one named who holds it; the clause,
 * from its subject to the sentence end, is what is expected. Token e is "expected", after
 * a form of "be" (and "not" or an adverb). Returns the clause's end, or -1. */
static int expected_clause(ctx *c, nf_quotes *out, int *last_cl, int e)
{
	const tok *tk = c->tk;
	int b = e - 1;
	if (weq(c, b, "not") || (win(c, b, advs) && !be_form(c, b))) b--;
	if (!(weq(c, b, "is") || weq(c, b, "are") || weq(c, b, "was") || weq(c, b, "were")) || b < 1)
		return -1;
	if (weq(c, b - 1, "and") || weq(c, b - 1, "but") || weq(c, b - 1, "or"))
		return -1;   /* ("Berg chaired the hearing and is expected to ...": a second predicate) */
	int lo = sent_lo(c, b), hi = sent_end(c, e);
	/* (a lead word and its comma are left out: "But,", "Still,") */
	int sub = 0;   /* (a subordinate clause, "While X is expected to ..., Y": to its comma) */
	if (b > lo + 2 && (win(c, lo, conj) || weq(c, lo, "and") || weq(c, lo, "so") || weq(c, lo, "still") ||
			   weq(c, lo, "yet") || weq(c, lo, "now") || weq(c, lo, "meanwhile") || weq(c, lo, "if") ||
			   weq(c, lo, "because"))) {
		sub = win(c, lo, conj) || weq(c, lo, "if") || weq(c, lo, "because");
		lo += 1 + pch(c, lo + 1, ',');
	}
	/* "..., which is expected to draw ...", "delegates who are expected to ...": the relative
	 * clause */
	for (int k = b - 1; k > lo; k--)
		if (weq(c, k, "which") || weq(c, k, "who")) {
			lo = k;
			sub |= pch(c, k - 1, ',');   /* (an aside: to its closing comma) */
			break;
		}
	if (lo >= b || tk[lo].k != T_WORD)
		return -1;
	/* (to a comma and a new clause: "..., but Republicans say ...") */
	for (int k = e + 2; k < hi; k++)
		if (pch(c, k, ',') && (sub || win(c, k + 1, conj) || weq(c, k + 1, "and"))) { hi = k - 1; break; }
	int cb = trim_end(c, lo, hi);
	if (cb <= e + 1 || overlaps_quote(c, lo, cb) || row_overlaps(out, tk[lo].s, tk[cb].e))
		return -1;
	np sp = { NP_NONE, 0, 0, -1 };
	add_indirect(c, out, last_cl, &sp, e, lo, cb);
	out->q[out->n - 1].cue = cue_phrase(c, e);
	return cb;
}

/* A headline "Ortiz: 'We Will Reopen the Terminal.'": its speaker, a colon and words in single
 * marks (a headline's quote marks) - what follows the colon is what was said (headline_speaker
 * takes the headlines whose words follow the colon bare). The speaker is the first person or
 * organisation named before the colon, else those words. */
static void headline_single(ctx *c, nf_quotes *out, int *last_cl)
{
	const tok *tk = c->tk;
	if (c->nt < 4 || tk[0].para != 1 || tk[0].k != T_WORD)
		return;
	int a = 0, lim = c->pfirst[2], colon = -1;
	for (int k = a + 1; k < lim && k <= a + 10; k++)
		if (pch(c, k, ':')) { colon = k; break; }
	if (colon < 0 || colon + 2 >= lim || tk[colon + 1].k != T_MARK ||
	    !(tk[colon + 1].mark == M_SOPEN || tk[colon + 1].mark == M_SAMBIG))
		return;
	int ca = colon + 2, cb = trim_end(c, ca, lim - 1);
	if (cb < ca + 1 || tk[ca].k != T_WORD || overlaps_quote(c, ca, cb) || row_overlaps(out, tk[ca].s, tk[cb].e))
		return;
	np sp = { NP_SRC, a, colon - 1, -1 };
	for (int k = a; k < colon; k++) {
		int m = tk[k].ment;
		if (m >= 0 && (ment_type(c, m) == NF_PER || ment_type(c, m) == NF_ORG)) {
			int b = k;
			while (b + 1 < colon && tk[b + 1].inm) b++;
			sp = (np){ NP_ENT, k, b, m };
			break;
		}
	}
	add_indirect(c, out, last_cl, &sp, colon, ca, cb);
}

/* A reported act or stance named by a noun with its infinitive, "her refusal to sign the
 * bill", "Ortiz's plan to cut fares", or a claim with its content clause, "the claim that the
 * vote was rigged": the infinitive or the clause is what was said or meant. Only what no rule
 * found before (no row overlaps it) and nothing inside a quote. */
static void noun_cues(ctx *c, nf_quotes *out, int *last_cl)
{
	/* (sorted: noun_in searches them) */
	static const char *const to_nouns[] = { "aim", "ambition", "call", "decision", "decisions", "demand",
		"demands", "desire", "failure", "goal", "hope", "hopes", "idea", "inability", "insistence",
		"invitation", "order", "orders", "plan", "plans", "pledge", "pledges", "promise", "promises",
		"proposal", "proposals", "push", "readiness", "refusal", "reluctance", "request", "threat", "threats",
		"unwillingness", "vow", "vows", "wish" };
	static const char *const that_nouns[] = { "accusation", "accusations", "acknowledgment", "admission",
		"allegation", "allegations", "argument", "arguments", "assertion", "assertions", "assumption",
		"assurance", "assurances", "belief", "beliefs", "charge", "charges", "claim", "claims", "comment",
		"comments", "complaint", "complaints", "concern", "concerns", "conclusion", "confidence",
		"contention", "declaration", "demand", "demands", "denial", "denials", "doubt", "doubts",
		"evidence", "explanation", "fear", "fears", "finding", "findings", "guarantee", "hopes", "idea",
		"implication", "impression", "insinuation", "insistence", "notion", "perception", "point",
		"prediction", "predictions", "premise", "promise", "promises", "proof", "realization", "recognition",
		"reminder", "remark", "remarks", "report", "reports", "rumor", "rumors", "rumour", "rumours", "sense",
		"sign", "signs", "speculation", "statement", "statements", "suggestion", "suggestions", "theory",
		"threat", "threats", "vow", "vows", "warning", "warnings", "word", "worries", "worry" };
	/* (a verb after the infinitive ends it: "Ortiz's decision to run has angered ...") */
	static const char *const verb_stops[] = { "appear", "appeared", "appears", "became", "becomes", "came",
		"can", "could", "comes", "drew", "draws", "had", "has", "have", "helped", "is", "left", "made",
		"makes", "may", "might", "must", "prompted", "put", "raised", "raises", "reflect", "reflects",
		"remain", "remained", "remains", "seem", "seemed", "seems", "should", "show", "showed", "shows",
		"sparked", "was", "were", "will", "would", "are" };
	enum { NTO = sizeof to_nouns / sizeof *to_nouns, NTHAT = sizeof that_nouns / sizeof *that_nouns,
	       NSTOP = sizeof verb_stops / sizeof *verb_stops };
	headline_single(c, out, last_cl);
	const tok *tk = c->tk;
	int nt = (int)c->nt;
	/* (the class bits find the two words: "to" is the one word both in title_small and in
	 * nsubj_verbs, "that" and "this" the two both in dets and in nsubj_bad) */
	const unsigned mto = NC_TO, mthat = NC_THAT;
	/* (tokenize listed the words, in order: c->nc) */
	size_t x = 0;
	for (int i = 2; i < nt - 2; i++) {
		while (x < c->nnc && c->nc[x] < i) x++;
		if (x == c->nnc || c->nc[x] >= nt - 2)
			break;
		i = c->nc[x++];
		const tok *t = tk + i;
		unsigned w = t->wc;
		int to = (w & mto) == mto;
		if (!to && ((w & mthat) != mthat || !weq(c, i, "that")))
			continue;
		if (tk[i].q)
			continue;
		int n = i - 1, ca = i, cb = -1, hi;
		if (to) {
			if (weq(c, n, "expected")) {
				int e = expected_clause(c, out, last_cl, n);
				if (e > i) i = e;
				continue;
			}
			int v = i + 1;   /* a verb after "to" ("to the voters" is a preposition's) */
			if (tk[v].k != T_WORD || tk[v].cap || tk[v].q || win(c, v, dets) || weq(c, v, "be") || weq(c, v, "do") ||
			    weq(c, v, "get"))
				continue;
			if (weq(c, n, "not")) { n--; ca = n + 1; }
			if (tk[n].cap || tk[n].wc || !noun_in(c, n, to_nouns, NTO))   /* (no noun of it is in a word list) */
				continue;
			hi = sent_end(c, i);
			/* with its possessor, "his plan", "Ortiz's bold plan" */
			int p = possessor_at(c, n - 1);
			if (p < 0 && tk[n - 1].k == T_WORD && !tk[n - 1].cap && !tk[n - 1].q) p = possessor_at(c, n - 2);
			if (p < 0)
				continue;
			cb = i + 1;
			while (cb + 1 <= hi && !tk[cb + 1].q && tk[cb + 1].para == tk[i].para &&
			       !(tk[cb + 1].k == T_PUNCT && (pch(c, cb + 1, ',') || pch(c, cb + 1, ';') || pch(c, cb + 1, ':') ||
							   pch(c, cb + 1, '(') || is_dash(c, cb + 1))) &&
			       !noun_in(c, cb + 1, verb_stops, NSTOP))
				cb++;
			if (tk[cb + 1].q && tk[cb + 1].para == tk[i].para)
				continue;   /* (a quote goes on with it: "his refusal to use the words "...""; the
					     * partial quotes' rules report that clause) */
			cb = trim_end(c, ca, cb);
			np sp = possessor_np(c, p);
			if (tk[cb].e - tk[ca].s < 8 || row_overlaps(out, tk[ca].s, tk[cb].e))
				continue;
			add_indirect(c, out, last_cl, &sp, n, ca, cb);
			i = cb;
			continue;
		}
		/* a content clause opens with its subject ("the claim that the vote was rigged"), a
		 * relative clause often with its verb ("a claim that surfaced in May") */
		int s = i + 1;
		if (tk[s].k != T_WORD || tk[s].q || weq(c, s, "i") || weq(c, s, "that") ||
		    !(win(c, s, dets) || tk[s].cap || (c->t[tk[s].s] >= '0' && c->t[tk[s].s] <= '9') || weq(c, s, "some") ||
		      weq(c, s, "many") || weq(c, s, "most") || weq(c, s, "all") || weq(c, s, "no") || weq(c, s, "every") ||
		      weq(c, s, "any") || weq(c, s, "there") || weq(c, s, "more")))
			continue;
		if (pch(c, n, ',')) n--;
		if (tk[n].cap || !noun_in(c, n, that_nouns, NTHAT))
			continue;
		/* "said in a statement that ...": the verb's (the rules before found it) */
		int b = n - 1;
		if (win(c, b, dets) && !weq(c, b, "that")) b--;
		if (weq(c, b, "in"))
			continue;
		hi = sent_end(c, i);
		ca = s;
		cb = s;
		while (cb + 1 <= hi && tk[cb + 1].para == tk[i].para &&
		       !(tk[cb + 1].k == T_PUNCT && (pch(c, cb + 1, ';') || pch(c, cb + 1, ':') || pch(c, cb + 1, '(') || is_dash(c, cb + 1))))
			cb++;
		cb = trim_end(c, ca, cb);
		if (cb < ca || tk[cb].e - tk[ca].s < 8 || overlaps_quote(c, ca, cb) || row_overlaps(out, tk[ca].s, tk[cb].e))
			continue;
		np sp = { NP_NONE, 0, 0, -1 };
		int p = possessor_at(c, n - 1);
		if (p >= 0) sp = possessor_np(c, p);
		add_indirect(c, out, last_cl, &sp, n, ca, cb);
		if (sp.kind == NP_NONE)   /* (resolve names the cue only with a source) */
			out->q[out->n - 1].cue = cue_phrase(c, n);
		i = cb;
	}
}

/* Token i is the last of its paragraph but for punctuation after it. */
static int para_ends_at(const ctx *c, int i)
{
	int p = c->tk[i].para;
	for (int j = i + 1; j < c->pfirst[p + 1]; j++)
		if (c->tk[j].k != T_PUNCT) return 0;
	return 1;
}

/* Quote q and its tag make a paragraph ('"A," Roe said.') and the next paragraph is a quote n
 * with no tag of its own ('"B."'): n goes on with q, one attribution in two paragraphs. */
static int next_para_goes_on(ctx *c, qinfo *q, qinfo *n, int single)
{
	const tok *tk = c->tk;
	if (q->how != 'A' || n->how == 'A' || n->how == 'T' || single ||
	    tk[n->open].para != tk[q->close].para + 1 || tk[q->tagend].para != tk[q->close].para)
		return 0;
	int pq = tk[q->open].para;
	if (c->pfirst[pq] != q->open || n->open != c->pfirst[tk[n->open].para])
		return 0;   /* (each opens its paragraph) */
	/* after the tag (or the quote merged after it: '"A," she said. "B."'), to the paragraph's
	 * end: punctuation, or the writer's words going on from the tag in its sentence with no quote
	 * in them ('"A," Roe said, referring to the new depot.'; not '"A," Roe said. She then ...') */
	int e = q->tagend > q->close ? q->tagend : q->close;
	for (int j = e + 1; j < c->pfirst[pq + 1]; j++)
		if (tk[j].k == T_MARK || (tk[j].k != T_PUNCT && (e == q->close || tk[j].sent != tk[e].sent))) return 0;
	if (!para_ends_at(c, n->close))
		return 0;   /* (n ends its paragraph: no tag after it) */
	if (!ends_sentence(c, n->close) && !ends_sentence(c, q->close) && !pch(c, q->close - 1, ','))
		return 0;
	qinfo t = *n;
	return !slot_before(c, &t);
}

/* The tag after quote q goes on, before the next quote n, with a report of its own: a speech
 * cue after the tag's clause ('"A," she said, adding that the vote was close. "B."', 'said Roe,
 * who added that ...') or 'going on to ...': the next quote is a new attribution. */
static int tag_goes_on(const ctx *c, const qinfo *q, const qinfo *n)
{
	int j = q->tagend + 1;
	/* n in the tag's sentence after a cue of its own: the object of that cue ('said Roe,
	 * who said there were "B."') */
	if (c->tk[n->open].sent == c->tk[q->tagend].sent)
		for (int k = j; k < n->open; k++)
			if (!c->tk[k].q && (cue_of(c, k) & CUE_SPEECH))
				return 1;
	if (!pch(c, j, ',') || j + 3 >= n->open || c->tk[j + 1].q)
		return 0;
	j++;
	if (weq(c, j, "adding"))
		return 1;
	return (weq(c, j, "going") || weq(c, j, "went")) && weq(c, j + 1, "on") && weq(c, j + 2, "to");
}

/* The untagged direct quote q is a paragraph of its own right after a paragraph that ends
 * with the partial quote of the last row (p, the quote of that row), that speaker's (row
 * last_q or its run): the reported clause goes on in the quote ('She said the plan is "a
 * start." | "We will fund the rest next year."') and is one attribution. */
static int para_after_partial(const ctx *c, const nf_quotes *out, size_t last_q, const qinfo *p, const qinfo *q)
{
	if (!p || !out->n || q->type != NF_Q_DIRECT || q->how || q->merged)
		return 0;
	const nf_quote *pq = &out->q[out->n - 1];
	int para = c->tk[q->open].para;
	if (pq->type != NF_Q_PARTIAL || c->tk[p->close].para != para - 1 ||
	    (out->n - 1 != last_q && pq->content_start != out->q[last_q].content_start))
		return 0;
	if (c->pfirst[para] != q->open || !para_ends_at(c, q->close) || c->rq[q - c->qi].single)
		return 0;   /* (a line in single marks is a subhead: "'A new deal.'") */
	if (c->tk[c->pfirst[para - 1]].k == T_MARK)
		return 0;   /* (p is in the tag of the quote that opens its paragraph: not this partial's run) */
	return para_ends_at(c, p->how == 'A' && p->tagend > p->close ? p->tagend : p->close);
}

/* The direct quote q follows a colon in the sentence of the partial quote of the last row (p,
 * its quote) with no speech cue or subject of its own in between and no tag after it: the clause
 * goes on in it ('She said the plan was "a start" for the city: "We will fund the rest."'). */
static int colon_after_partial(const ctx *c, const nf_quotes *out, const qinfo *p, const qinfo *q)
{
	if (!p || !out->n || q->type != NF_Q_DIRECT || q->how == 'A' || q->how == 'T' || out->q[out->n - 1].type != NF_Q_PARTIAL ||
	    q->open < 1 || !pch(c, q->open - 1, ':') || c->tk[p->close].sent != c->tk[q->open].sent ||
	    c->tk[p->close].para != c->tk[q->open].para)
		return 0;
	if (!out->q[out->n - 1].speaker)
		return 0;
	/* (nor a clause of its own: "..., but he gave them a compliment: "B."") */
	for (int j = p->close + 1; j < q->open - 1; j++)
		if (c->tk[j].k == T_MARK || (cue_of(c, j) & CUE_SPEECH) || win(c, j, pronouns) || weq(c, j, "but"))
			return 0;
	return 1;
}

/* The last row (a partial quote) takes the direct quote o after it: o's fragments, and the
 * reported content (of the rows of its run too, and of what the run is owed). */
static void join_partial(ctx *c, nf_quotes *out, const nf_quote *o, const qinfo *q, size_t *lz_lo, size_t *lz_hi, size_t *lz_v)
{
	nf_quote *pq = &out->q[out->n - 1];
	nf_qfrag *f = qalloc(c->arp, (pq->nfrag + o->nfrag) * sizeof *f);
	memcpy(f, pq->frag, pq->nfrag * sizeof *f);
	memcpy(f + pq->nfrag, o->frag, o->nfrag * sizeof *f);
	pq->frag = f;
	pq->nfrag += o->nfrag;
	pq->end = o->end;
	size_t cs = pq->content_start, ce = c->tk[q->close].e;   /* (to its closing mark, as a partial's clause) */
	for (size_t k = out->n; k > 0 && out->q[k - 1].content_start == cs; k--)
		out->q[k - 1].content_end = ce;
	if (*lz_hi && out->q[*lz_lo].content_start == cs)
		*lz_v = ce;
}

/* The next quote n opens inside the words of the tag's sentence after quote q, right after a
 * word of the writer's that is no cue and no conjunction, in lower case: part of a clause of the writer's
 * ('"A," he said, introducing her as a "B."', '"A," said Roe, who thinks the staff "B."'), a
 * quote of its own, not the tagged quote going on. */
static int in_tag_clause(const ctx *c, const qinfo *q, const qinfo *n)
{
	int w = n->open - 1;
	if (w <= q->tagend || c->tk[w].k != T_WORD || c->tk[w].sent != c->tk[q->tagend].sent || c->tk[n->open].sent != c->tk[w].sent)
		return 0;
	if (sent_start(c, q->open) != q->open)
		return 0;   /* (q a partial quote: its clause goes on after the tag, 'Roe "A," she said, and still "B."') */
	unsigned char f0 = (unsigned char)c->t[c->fr[n->fs].start];
	if (!(f0 >= 'a' && f0 <= 'z'))
		return 0;   /* (a capital: a title, "on ABC's "This Week"", or a sentence the splitter missed) */
	return !cue_of(c, w) && !c->tk[w].cue && !c->tk[w].cap && !weq(c, w, "and") && !weq(c, w, "or") && !weq(c, w, "but") && !weq(c, w, "then");
}

void nf_quotes_run(const nf_quoter *qt, const char *text, size_t len, const nf_span *sents, size_t nsents,
		   const nf_entities *ents, nf_quotes *out)
{
	static const nf_entities none;
	nf_quotes_clear(out);
	if (!out->priv)
		out->priv = nf_xcalloc(1, sizeof(ctx));
	ctx c = { 0 };
	c.qt = qt;
	c.t = text;
	c.len = len;
	c.ents = ents ? ents : &none;
	c.sents = sents;
	c.nsents = nsents;
	SCRATCH_ALL(SCRATCH_TAKE, &c, (ctx *)out->priv);
	c.arp = &((ctx *)out->priv)->ar;
	nf_grow((void **)&c.last, &c.lastcap, c.ents->nc ? c.ents->nc : 1, sizeof *c.last);
	nf_grow((void **)&c.ap, &c.apcap, c.ents->nc ? 3 * c.ents->nc : 1, sizeof *c.ap);
	nf_grow((void **)&c.pg, &c.pgcap, c.ents->n ? 2 * c.ents->n : 1, sizeof *c.pg);
	struct rolecur rc = { 0, 0, 0, 0 };
	c.rc = &rc;
	struct cuesent cs = { -1, 0 };
	c.cs = &cs;
	struct gendcur gc = { 0, 0, -1, -1 };
	c.gc = &gc;
	tokenize(&c);   /* (which finds the sentence of each token too) */
	/* the mention of each token (the mentions are in text order) */
	size_t m = 0;
	/* a token takes the first mention that starts at or after its start, if it starts inside
	 * it; with the mentions sorted, that is found from the mentions (fewer than the tokens) */
	int sorted = 1;
	for (m = 1; m < c.ents->n && sorted; m++)
		sorted = c.ents->m[m].start >= c.ents->m[m - 1].start;
	c.msorted = sorted;
	m = 0;
	if (sorted) {
		for (size_t i = 0, k = 0; k < c.ents->n; k++) {
			size_t st = c.ents->m[k].start;
			while (i + 8 < c.nt && c.tk[i + 8].e <= st) i += 8;   /* (token ends increase) */
			/* the first token that ends after st is one of i..i+8 (or nt): four halvings,
			 * not a walk (they read at most tk[i + 7], in the padding past nt, whose ends are
			 * len: after st) */
			i += (size_t)(c.tk[i + 3].e <= st) * 4;
			i += (size_t)(c.tk[i + 1].e <= st) * 2;
			i += c.tk[i].e <= st;
			i += c.tk[i].e <= st;
			if (i >= c.nt)
				break;
			if (c.tk[i].s <= st && !(k > 0 && c.ents->m[k - 1].start >= c.tk[i].s))
				ment_at(&c, i, k);   /* (not between tokens, and the token's first) */
		}
	} else {
		for (size_t i = 0; i < c.nt; i++) {
			while (m < c.ents->n && c.ents->m[m].start < c.tk[i].s) m++;
			if (m < c.ents->n && c.ents->m[m].start < c.tk[i].e)
				ment_at(&c, i, m);
		}
	}
	/* the tokens inside a mention that started before: from each token with a mention, the
	 * next ones that start before the furthest mention end so far (mt is in token order: both
	 * loops above give tokens in order) */
	size_t mend = 0;
	for (size_t k = 0; k < c.nmt; k++) {
		size_t i = (size_t)c.mt[k], next = k + 1 < c.nmt ? (size_t)c.mt[k + 1] : c.nt;
		if (c.ents->m[c.tk[i].ment].end > mend) mend = c.ents->m[c.tk[i].ment].end;
		for (i++; i < next && c.tk[i].s < mend; i++)
			c.tk[i].inm = 1;
	}
	pair_marks(&c);
	find_cues(&c);
	size_t nq = c.nrq;
	nf_grow((void **)&c.qi, &c.qicap, nq ? nq : 1, sizeof *c.qi);
	memset(c.qi, 0, (nq ? nq : 1) * sizeof *c.qi);
	for (size_t i = 0; i < nq; i++) {
		qinfo *q = &c.qi[i];
		q->open = c.rq[i].open;
		q->close = c.rq[i].close;
		q->fs = c.rq[i].fs;
		q->nf = c.rq[i].nf;
		q->cue = -1;
		q->tagend = -1;
		slot_after(&c, q);
	}
	/* split quotes: "A," he said. "B." - and quotes side by side: "A." "B." */
	for (size_t h = 0, i = 1; i < nq; i++) {
		qinfo *q = &c.qi[h], *n = &c.qi[i];
		int merge = 0;
		if (c.tk[n->open].para == c.tk[q->close].para && n->how != 'A' && n->how != 'T' && !c.rq[i].single) {
			if (q->how == 'A' && n->open - q->tagend <= 40) {
				/* the next quote goes on after the tag (and what the writer adds to it),
				 * unless another speaker is introduced in between */
				merge = 1;
				qinfo t = *n;
				/* a cue of its own in between ("..., adding later, "B"") makes it a new quote */
				if (slot_before(&c, &t) && t.cue > q->tagend && t.cue >= 0)
					merge = 0;
				if (merge && tag_goes_on(&c, q, n))
					merge = 0;
				/* the writer's words go on after it: a partial quote of a new clause
				 * (""A," she said. "B" to drive up the price."), unless the quote opens its
				 * sentence and is most of it (""A," she said. "We never B" for now.") */
				if ((size_t)n->close + 1 < c.nt && c.tk[n->close + 1].k == T_WORD &&
				    c.tk[n->close + 1].para == c.tk[n->close].para && !ends_sentence(&c, n->close) &&
				    (sent_start(&c, n->open) != n->open || own_clause_after(&c, n->open, n->close)))
					merge = 0;
				if (merge && in_tag_clause(&c, q, n))
					merge = 0;
			} else if (q->how != 'A' && n->open - q->close <= 2) {
				merge = 1;
				for (int j = q->close + 1; j < n->open; j++)
					if (c.tk[j].k != T_PUNCT) merge = 0;
				unsigned char f0 = (unsigned char)c.t[c.fr[n->fs].start];
				if (!ends_sentence(&c, q->close) && !pch(&c, q->close - 1, ',')) merge = 0;
				if (!(f0 >= 'A' && f0 <= 'Z') && f0 < 0x80) merge = 0;
			}
		}
		else if (next_para_goes_on(&c, q, n, (int)c.rq[i].single))
			merge = 1;
		if (!merge) {
			h = i;
			continue;
		}
		n->merged = (int)h + 1;
		/* the merged quote takes over the fragments of the next */
		size_t need = q->nf + n->nf;
		if (q->fs + q->nf == c.nfr) {
			/* (merged before, its fragments are the last: the next one's go on after them,
			 * so a run of quotes merged one by one is not copied again at each) */
			nf_grow((void **)&c.fr, &c.frcap, c.nfr + n->nf, sizeof *c.fr);
			memcpy(c.fr + c.nfr, c.fr + n->fs, n->nf * sizeof *c.fr);
			c.nfr += n->nf;
		} else {
			nf_grow((void **)&c.fr, &c.frcap, c.nfr + need, sizeof *c.fr);   /* (copied after: it may move) */
			memcpy(c.fr + c.nfr, c.fr + q->fs, q->nf * sizeof *c.fr);
			memcpy(c.fr + c.nfr + q->nf, c.fr + n->fs, n->nf * sizeof *c.fr);
			q->fs = c.nfr;
			c.nfr += need;
		}
		q->nf = need;
		q->close = n->close;
	}
	int last_cl = -1;
	int last_para = -100;
	size_t last_q = (size_t)-1;
	size_t lz_lo = 0, lz_hi = 0, lz_v = 0;   /* (a run of partial quotes: see below) */
	const qinfo *prev_qi = NULL;   /* the quote of the last row put */
	/* the direct quotes no tag claimed (out row, opening mark), for the pass after indirect */
	size_t *untag = nf_xmalloc((nq ? nq : 1) * 2 * sizeof *untag), nuntag = 0;
	for (size_t i = 0; i < nq; i++) {
		qinfo *q = &c.qi[i];
		if (q->merged) continue;
		if (q->how != 'A') {
			qinfo tagged = *q;
			q->how = 0;
			if (!slot_before(&c, q) && tagged.how == 'T') {
				*q = tagged;
			} else if (!q->how) {
				classify(&c, q);
				if (q->type != NF_Q_PARTIAL)
					slot_prev(&c, q);
				else if (!subject_verb(&c, q) && !noun_claim(&c, q) && !put_it(&c, q)) {
					slot_sentence(&c, q);
					if (!q->how || q->cue < 0) as_phrase(&c, q);
					if (!q->how) according_mid(&c, q);
				}
			}
		}
		classify(&c, q);
		if (q->type == NF_Q_DIRECT && q->how != 'A' && q->how != 'T')
			main_clause_quote(&c, q);
		if (q->type == NF_Q_PARTIAL && (q->how == 'B' || q->how == 'S'))
			outer_cue(&c, q);
		if (q->type == NF_Q_PARTIAL && (q->how == 'B' || q->how == 'S') && q->cue >= 0 && q->cue < q->open) {
			int k0 = q->cue;
			outer_clause_cue(&c, q);
			if (q->cue == k0) coordinated_cue(&c, q);
		}
		if ((q->scare && !qt->scare) || q->scare == 2) continue;
		nf_quote o = { 0 };
		o.type = q->scare ? NF_Q_SCARE : q->type;
		o.frag = qalloc(c.arp, q->nf * sizeof *o.frag);
		memcpy(o.frag, c.fr + q->fs, q->nf * sizeof *o.frag);
		o.nfrag = q->nf;
		o.start = o.frag[0].start;
		o.end = o.frag[q->nf - 1].end;
		o.sent = c.tk[q->open].sent;
		o.cluster = -1;
		content_span(&c, q, &o);
		int para = c.tk[q->open].para;
		if (colon_after_partial(&c, out, prev_qi, q)) {
			join_partial(&c, out, &o, q, &lz_lo, &lz_hi, &lz_v);
			q->emitted = 1;
			prev_qi = q;
			last_para = c.tk[q->close].para;
			continue;
		}
		nf_quote *pq = out->n ? &out->q[out->n - 1] : NULL;
		int own = -1;   /* a verb of its own between the two: "... and told the crowd he was the "first"" */
		if (pq && o.type == NF_Q_PARTIAL && pq->type == NF_Q_PARTIAL && (!q->how || q->how == 'S') &&
		    (pq->sent == o.sent || pq->content_end >= o.start) && c.tk[q->open].para == last_para)
			own = cue_between(&c, pq->end, q->open);
		if (own >= 0) {
			/* the same subject, a new reported clause */
			copy_speaker(&o, pq);
			o.cue = cue_phrase(&c, own);
			qinfo t = *q;
			t.how = 'S';
			t.cue = own;
			content_span(&c, &t, &o);
		} else if (pq && o.type == NF_Q_PARTIAL && pq->type == NF_Q_PARTIAL && (!q->how || q->how == 'S') &&
		    (pq->sent == o.sent || pq->content_end >= o.start) && c.tk[q->open].para == last_para) {
			/* a run of partial quotes in one clause: one speaker, one reported content */
			copy_speaker(&o, pq);
			o.cue = pq->cue;
			o.content_start = pq->content_start;
			if (o.content_end < pq->content_end) o.content_end = pq->content_end;
			/* the rows before with that content start take its end: the last one at once
			 * (the next quote reads it), the others when the run is over (rows lz_lo ..
			 * lz_hi - 1 are owed lz_v), so a long run is not rewritten at each quote */
			size_t k = out->n;
			while (k > 0 && out->q[k - 1].content_start == o.content_start) {
				if (k == lz_hi && out->q[lz_lo].content_start == o.content_start) { k = lz_lo; break; }
				k--;
			}
			if (lz_hi && k > lz_lo)   /* (those owed are not in this run: paid now) */
				for (size_t z = lz_lo; z < lz_hi; z++) out->q[z].content_end = lz_v;
			lz_lo = k, lz_hi = out->n, lz_v = o.content_end;
			if (out->n) out->q[out->n - 1].content_end = o.content_end;
		} else if (q->how && !q->scare) {
			int cl = resolve(&c, &q->sp, q->cue, &o, last_cl);
			if (cl >= 0) last_cl = cl;
			if (!q->scare) { last_para = c.tk[q->close].para; last_q = out->n; }
		} else if (!q->scare && last_q != (size_t)-1 && para - last_para <= 1 && (q->type == NF_Q_DIRECT || q->at_start) &&
			   !pch(&c, q->close + 1, ',')) {
			/* (a comma after it means a tag this tool did not understand) */
			/* an unattributed quote goes on with the last speaker */
			copy_speaker(&o, &out->q[last_q]);
			last_para = c.tk[q->close].para;
			if (para_after_partial(&c, out, last_q, prev_qi, q)) {
				join_partial(&c, out, &o, q, &lz_lo, &lz_hi, &lz_v);
				q->emitted = 1;
				prev_qi = q;
				continue;
			}
		}
		if (o.type != NF_Q_SCARE)
			q->emitted = 1;
		if (o.type == NF_Q_DIRECT && !q->how && !pch(&c, q->close + 1, ','))
			untag[2 * nuntag] = out->n, untag[2 * nuntag++ + 1] = (size_t)q->open;
		add_out(out, &o);
		prev_qi = q;
	}
	for (size_t i = 0; i < nq; i++)   /* (the quotes merged into an emitted one) */
		if (c.qi[i].merged && c.qi[c.qi[i].merged - 1].emitted)
			c.qi[i].emitted = 1;
	size_t nq_out = out->n;
	c.nmain = nq_out;
	for (size_t z = lz_lo; z < lz_hi; z++)
		out->q[z].content_end = lz_v;
	indirect(&c, out, &last_cl);
	noun_cues(&c, out, &last_cl);
	inherit_reported(&c, out, nq_out, untag, nuntag);
	free(untag);
	transcript(&c, out);
	if (out->n > 64) {
		/* (the keys sorted, then the rows moved: a row is ~130 bytes) */
		qkey *key = nf_xmalloc(out->n * sizeof *key);
		nf_quote *tmp = nf_xmalloc(out->n * sizeof *tmp);
		for (size_t k = 0; k < out->n; k++)
			key[k] = (qkey){ out->q[k].start, k };
		qsort(key, out->n, sizeof *key, cmp_qkey);
		for (size_t k = 0; k < out->n; k++)
			tmp[k] = out->q[key[k].i];
		memcpy(out->q, tmp, out->n * sizeof *tmp);
		free(tmp);
		free(key);
	} else {
		/* a few quotes, nearly in order (the indirect ones come after): an insertion sort,
		 * stable, so the same order as the keys above */
		for (size_t k = 1; k < out->n; k++) {
			nf_quote q = out->q[k];
			size_t j = k;
			while (j > 0 && out->q[j - 1].start > q.start) {
				out->q[j] = out->q[j - 1];
				j--;
			}
			out->q[j] = q;
		}
	}
	SCRATCH_ALL(SCRATCH_GIVE, &c, (ctx *)out->priv);
}

void nf_quote_text(const nf_quoter *qt, const char *text, const nf_quote *q, nf_buf *b)
{
	for (size_t f = 0; f < q->nfrag; f++) {
		size_t s = q->frag[f].start, e = q->frag[f].end;
		if (f)
			nf_buf_addc(b, ' ');
		if (f + 1 < q->nfrag && e > s && text[e - 1] == ',') {
			/* the next fragment's first word, lower-cased */
			size_t a = q->frag[f + 1].start, z = a;
			char w[16];
			while (z < q->frag[f + 1].end && z - a < sizeof w && ((text[z] | 32) >= 'a' && (text[z] | 32) <= 'z'))
				w[z - a] = (char)(text[z] | 32), z++;
			intptr_t v = z > a && z - a < sizeof w && text[a] >= 'A' && text[a] <= 'Z' ?
				     (intptr_t)nf_map_get(&qt->words, w, z - a) : 0;
			if (v & (1 << 3)) {   /* stopcap: "We", "The", "It" */
				nf_buf_add(b, text + s, e - 1 - s);
				nf_buf_addc(b, '.');
				continue;
			}
		}
		nf_buf_add(b, text + s, e - s);
	}
}
