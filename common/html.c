/* html.c - HTML to blocks with libxml2's SAX HTML parser (see html.h). */
#include "html.h"
#include "hash.h"
#include "rec.h"
#include <stdint.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>

enum { K_INLINE, K_BLOCK, K_SKIP };

/* The element names the callbacks test, so each start and end tag is compared once. */
enum { N_OTHER, N_META, N_TITLE, N_SCRIPT, N_BODY, N_HTML, N_ARTICLE, N_MAIN, N_FIGURE,
       N_HEADER, N_TIME, N_A, N_BR, N_HR, N_HEAD };

static int name_id(const char *n)
{
	static const char *const names[] = { "", "meta", "title", "script", "body", "html", "article",
		"main", "figure", "header", "time", "a", "br", "hr", "head", NULL };
	for (int i = 1; names[i]; i++)
		if (n[0] == names[i][0] && !strcmp(n, names[i]))
			return i;
	return N_OTHER;
}

typedef struct {
	unsigned char kind, tag, a, hidden;
	unsigned flags;         /* flags of this element and its ancestors */
	int elem;               /* tracked element index, or the parent's */
} frame;

/* Element names come from the parser's dictionary, one pointer per name for the whole
 * parse: what kind_of and name_id say of a name is remembered by its pointer. */
#define NAME_CACHE 256
typedef struct {
	const xmlChar *name;
	unsigned char kind, tag, id;
} name_info;

typedef struct {
	nf_page *pg;
	name_info names[NAME_CACHE];
	frame *st;
	size_t nst, cap;
	int skip;               /* > 0: inside an element whose text is not shown */
	int in_a;
	size_t blk_start, link, lead;
	int text_seen;          /* the block has text outside links */
	int collect;            /* what scratch collects: 0 none, 1 <title>, 2 JSON-LD, 3 <time>, 4 <h1> */
	int seen_h1, seen_time;
} sax_state;

void nf_page_init(nf_page *pg) { memset(pg, 0, sizeof *pg); }

void nf_page_free(nf_page *pg)
{
	nf_buf_free(&pg->text);
	free(pg->blk);
	free(pg->el);
	for (int i = 0; i < NF_META_N; i++)
		nf_buf_free(&pg->meta[i]);
	nf_buf_free(&pg->scratch);
	nf_buf_free(&pg->lean);
	memset(pg, 0, sizeof *pg);
}

static void set_meta(nf_page *pg, int field, int prio, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (!n || prio <= pg->meta_prio[field])
		return;
	pg->meta_prio[field] = prio;
	nf_buf_clear(&pg->meta[field]);
	nf_buf_add(&pg->meta[field], s, n);
}

/* ---- element names ---- */

static int kind_of(const char *n, unsigned char *tag)
{
	static const char *const skip[] = { "script", "style", "noscript", "svg", "math", "nav",
		"footer", "aside", "button", "select", "textarea", "iframe", "template", "object",
		"canvas", "option", "input", "label", "menu", "audio", "video", "map", "head", NULL };
	static const char *const block[] = { "div", "section", "ul", "ol", "dl", "table", "tr",
		"tbody", "thead", "tfoot", "br", "hr", "address", "center", "figure", "summary",
		"details", "form", "body", "html", "fieldset", "legend", "header", "main", "article",
		"hgroup", NULL };
	*tag = NF_TAG_OTHER;
	switch (n[0]) {
	case 'p': if (!n[1]) { *tag = NF_TAG_P; return K_BLOCK; }
		  if (!strcmp(n, "pre")) { *tag = NF_TAG_PRE; return K_BLOCK; } break;
	case 'h': if (n[1] >= '1' && n[1] <= '6' && !n[2]) {
			*tag = n[1] == '1' ? NF_TAG_H1 : n[1] == '2' ? NF_TAG_H2 : n[1] == '3' ? NF_TAG_H3 : NF_TAG_H4;
			return K_BLOCK;
		  } break;
	case 'l': if (!strcmp(n, "li")) { *tag = NF_TAG_LI; return K_BLOCK; } break;
	case 't': if (!strcmp(n, "td") || !strcmp(n, "th")) { *tag = NF_TAG_TD; return K_BLOCK; } break;
	case 'd': if (!strcmp(n, "dd") || !strcmp(n, "dt")) { *tag = NF_TAG_DD; return K_BLOCK; } break;
	case 'b': if (!strcmp(n, "blockquote")) { *tag = NF_TAG_QUOTE; return K_BLOCK; } break;
	case 'f': if (!strcmp(n, "figcaption")) { *tag = NF_TAG_CAPTION; return K_BLOCK; } break;
	case 'c': if (!strcmp(n, "caption")) { *tag = NF_TAG_CAPTION; return K_BLOCK; } break;
	}
	/* common inline elements first: most start tags are one of these */
	if ((n[0] == 'a' || n[0] == 'b' || n[0] == 'i' || n[0] == 'u' || n[0] == 's') && !n[1])
		return K_INLINE;
	if (!strcmp(n, "span") || !strcmp(n, "img") || !strcmp(n, "em") || !strcmp(n, "strong") ||
	    !strcmp(n, "link") || !strcmp(n, "use") || !strcmp(n, "path"))
		return K_INLINE;
	for (int i = 0; skip[i]; i++)
		if (n[0] == skip[i][0] && !strcmp(n, skip[i]))
			return K_SKIP;
	for (int i = 0; block[i]; i++)
		if (n[0] == block[i][0] && !strcmp(n, block[i])) {
			if (!strcmp(n, "div"))
				*tag = NF_TAG_DIV;
			return K_BLOCK;
		}
	return K_INLINE;
}

/* Class and id words. Boilerplate words mark a subtree, unless the same attribute also says
 * it is a wrapper (wrappers often name everything they hold: "content-sidebar-wrap"). */
enum { W_NEG = 1, W_CMT = 2, W_POS = 4, W_WRAP = 8, W_CAP = 16 };

/* Class and id words, looked up in one map built on first use; class_bloom has a bit per
 * word_key of each, so most words ("col", "flex", "container") need no lookup. */
static nf_map class_words;
static uint64_t class_bloom[64];

static unsigned word_key(const char *w, size_t n)
{
	uint32_t v = (uint32_t)n << 16 | (uint32_t)(unsigned char)w[0] << 8 | (unsigned char)w[n - 1];
	return (v * 2654435761u) >> 20;  /* 12 bits */
}

static void class_words_init(void)
{
	static const char *const neg[] = { "nav", "navbar", "navigation", "menu", "footer",
		"sidebar", "breadcrumb", "breadcrumbs", "share", "sharing", "social", "related",
		"recommended", "recommendations", "newsletter", "subscribe", "subscription", "cookie",
		"cookies", "promo", "advert", "advertisement", "ads", "ad", "banner", "widget",
		"outbrain", "taboola", "popup", "modal", "pagination", "pager", "tags", "byline",
		"masthead", "toolbar", "sponsored", "trending", "popular", "more", "teaser", "login",
		"signup", "paywall", "print", "skip", "hidden", "gallery", "carousel", "slideshow",
		"slider", "lightbox", "rail", "card", "cards", "teasers", "tile", "tiles", "promos",
		"recirc", "recirculation", "upnext", NULL };
	static const char *const cmt[] = { "comment", "comments", "disqus", "respond", "replies", NULL };
	static const char *const pos[] = { "article", "content", "entry", "post", "story", "body",
		"text", "main", "blog", "articlebody", "prose", NULL };
	static const char *const wrap[] = { "wrap", "wrapper", "layout", "page",
		"site", "grid", "row", "col", "columns", NULL };
	static const char *const cap[] = { "caption", "captions", "credit", "credits", "figcaption", NULL };
	static const struct { const char *const *w; uintptr_t bit; } lists[] = {
		{ neg, W_NEG }, { cmt, W_CMT }, { pos, W_POS }, { wrap, W_WRAP }, { cap, W_CAP } };
	nf_map_init(&class_words);
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
		for (int i = 0; lists[l].w[i]; i++) {
			size_t n = strlen(lists[l].w[i]);
			void **slot = nf_map_slot(&class_words, lists[l].w[i], n, 1);
			unsigned k = word_key(lists[l].w[i], n);
			class_bloom[k >> 6] |= 1ull << (k & 63);
			*slot = (void *)((uintptr_t)*slot | lists[l].bit);
		}
}

/* Boilerplate words mark a subtree, unless the same attribute also says it is a wrapper
 * (wrappers often name everything they hold: "content-sidebar-wrap"). */
static unsigned class_flags_n(const char *v, size_t n)
{
	if (!class_words.cap)
		class_words_init();
	uintptr_t m = 0;
	char w[40];
	const char *end = v + n, *start = v;
	while (v < end) {
		size_t k = 0;
		while (v < end && !((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') || (*v >= '0' && *v <= '9')))
			v++;
		/* a word ends at a non-alphanumeric or at a camelCase hump: "RightRail" */
		while (v < end && ((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') || (*v >= '0' && *v <= '9'))) {
			if (k && *v >= 'A' && *v <= 'Z' && v > start && v[-1] >= 'a' && v[-1] <= 'z')
				break;
			if (k < sizeof w - 1)
				w[k++] = (char)(*v >= 'A' && *v <= 'Z' ? *v + 32 : *v);
			v++;
		}
		if (k) {
			unsigned key = word_key(w, k);
			if (class_bloom[key >> 6] >> (key & 63) & 1)
				m |= (uintptr_t)nf_map_get(&class_words, w, k);
		}
	}
	unsigned f = 0;
	if (m & W_WRAP)
		return (m & W_POS) ? NF_HB_CONTENT : 0;   /* "content-sidebar-wrap" holds the content */
	if (m & W_CAP)
		f |= NF_HB_FIGURE;
	if (m & W_CMT)
		f |= NF_HB_COMMENT | NF_HB_BOILER;
	else if (m & W_NEG)
		f |= NF_HB_BOILER;
	else if (m & W_POS)
		f |= NF_HB_CONTENT;
	return f;
}

/* class_flags_n remembered by the value's bytes: a page repeats its few class names
 * thousands of times. (A pure function of the bytes, so the memo may outlive a page.) */
static unsigned class_flags_memo(const char *v, size_t n)
{
	enum { SLOTS = 1024, LEN = 128 };
	static struct { unsigned char len, flags; char s[LEN]; } memo[SLOTS];
	if (!n || n > LEN)
		return class_flags_n(v, n);
	size_t h = nf_hash(v, n) % SLOTS;
	if (memo[h].len == n && !memcmp(memo[h].s, v, n))
		return memo[h].flags;
	unsigned f = class_flags_n(v, n);
	memo[h].len = (unsigned char)n;
	memo[h].flags = (unsigned char)f;
	memcpy(memo[h].s, v, n);
	return f;
}

/* ---- blocks ---- */

static void flush(sax_state *s, int br)
{
	nf_page *pg = s->pg;
	size_t end = pg->text.n;
	const char *t = pg->text.p ? pg->text.p + s->blk_start : "";   /* no text yet */
	size_t i = 0, n = end - s->blk_start;
	while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r'))
		i++;
	if (i < n && s->nst) {
		frame *f = &s->st[s->nst - 1];
		int tag = NF_TAG_OTHER;
		for (size_t k = s->nst; k-- > 0;)
			if (s->st[k].kind == K_BLOCK && s->st[k].tag != NF_TAG_OTHER) {
				tag = s->st[k].tag;
				break;
			}
		nf_grow((void **)&pg->blk, &pg->blk_cap, pg->nblk + 1, sizeof *pg->blk);
		nf_hblock *b = &pg->blk[pg->nblk++];
		b->off = s->blk_start + i;
		b->len = n - i;
		b->link = s->link > b->len ? b->len : s->link;
		b->lead = s->lead > b->link ? b->link : s->lead;
		b->tag = tag;
		b->flags = f->flags | (br ? NF_HB_BR : 0);
		b->elem = f->elem;
	} else {
		pg->text.n = s->blk_start;     /* only white space: drop it */
		if (pg->text.p)
			pg->text.p[pg->text.n] = 0;
	}
	s->blk_start = pg->text.n;
	s->link = s->lead = 0;
	s->text_seen = 0;
}

static const char *attr(const xmlChar **atts, const char *name)
{
	for (size_t i = 0; atts && atts[i]; i += 2)
		if (!strcasecmp((const char *)atts[i], name))
			return atts[i + 1] ? (const char *)atts[i + 1] : "";
	return NULL;
}

/* The <meta> names (property, name or itemprop) meta_tag reads, with the field each gives
 * and its priority. */
static const struct meta_name { const char *name; int field, prio; } meta_names[] = {
	{ "og:title", NF_META_TITLE, 5 }, { "twitter:title", NF_META_TITLE, 4 },
	{ "headline", NF_META_TITLE, 4 }, { "dc.title", NF_META_TITLE, 3 },
	{ "description", NF_META_DESC, 3 }, { "og:description", NF_META_DESC, 4 },
	{ "twitter:description", NF_META_DESC, 2 },
	{ "author", NF_META_AUTHOR, 5 }, { "article:author", NF_META_AUTHOR, 4 },
	{ "dc.creator", NF_META_AUTHOR, 4 }, { "parsely-author", NF_META_AUTHOR, 4 },
	{ "sailthru.author", NF_META_AUTHOR, 3 }, { "byl", NF_META_AUTHOR, 3 },
	{ "twitter:creator", NF_META_AUTHOR, 1 },
	{ "article:published_time", NF_META_DATE, 6 }, { "datepublished", NF_META_DATE, 6 },
	{ "og:published_time", NF_META_DATE, 5 }, { "pubdate", NF_META_DATE, 5 },
	{ "publishdate", NF_META_DATE, 5 }, { "publish-date", NF_META_DATE, 5 },
	{ "dc.date.issued", NF_META_DATE, 5 }, { "dc.date", NF_META_DATE, 4 },
	{ "parsely-pub-date", NF_META_DATE, 5 }, { "sailthru.date", NF_META_DATE, 4 },
	{ "date", NF_META_DATE, 3 }, { "article:modified_time", NF_META_DATE, 1 },
	{ NULL, 0, 0 }
};

static void meta_tag(nf_page *pg, const xmlChar **atts)
{
	const char *name = attr(atts, "property");
	const char *content = attr(atts, "content");
	if (!name)
		name = attr(atts, "name");
	if (!name)
		name = attr(atts, "itemprop");
	if (!name || !content)
		return;
	size_t n = strlen(content);
	const struct meta_name *tab = meta_names;
	for (int i = 0; tab[i].name; i++)
		if (!strcasecmp(name, tab[i].name)) {
			/* profile links are not names */
			if (tab[i].field == NF_META_AUTHOR && (!strncmp(content, "http", 4) || content[0] == '@'))
				return;
			set_meta(pg, tab[i].field, tab[i].prio, content, n);
			return;
		}
}

/* ---- JSON-LD: the few string fields we want, without a JSON parser ---- */

static size_t json_string(const char *p, const char *end, nf_buf *out)
{
	/* p is just past the opening quote */
	const char *s = p;
	nf_buf_clear(out);
	while (p < end && *p != '"') {
		if (*p == '\\' && p + 1 < end) {
			p++;
			char c = *p;
			if (c == 'n' || c == 't' || c == 'r') nf_buf_addc(out, ' ');
			else if (c == 'u' && p + 4 < end) {
				unsigned v = 0;
				for (int k = 1; k <= 4; k++) {
					char h = p[k];
					v = v * 16 + (unsigned)(h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
				}
				p += 4;
				/* surrogate pairs are rare in these fields: a lone one becomes U+FFFD */
				if (v >= 0xD800 && v <= 0xDFFF) v = 0xFFFD;
				char e[4];
				size_t el;
				if (v < 0x80) { e[0] = (char)v; el = 1; }
				else if (v < 0x800) { e[0] = (char)(0xC0 | (v >> 6)); e[1] = (char)(0x80 | (v & 0x3F)); el = 2; }
				else { e[0] = (char)(0xE0 | (v >> 12)); e[1] = (char)(0x80 | ((v >> 6) & 0x3F)); e[2] = (char)(0x80 | (v & 0x3F)); el = 3; }
				nf_buf_add(out, e, el);
			} else nf_buf_addc(out, c);
			p++;
			continue;
		}
		nf_buf_addc(out, *p++);
	}
	return (size_t)(p - s);
}

/* Finds "key" : "value" after p; with name_after, "key": {... "name": "value"}. */
static int json_find(const char *p, const char *end, const char *key, int name_after, nf_buf *out)
{
	size_t kl = strlen(key);
	for (const char *q = p; q + kl + 2 < end; q++) {
		if (*q != '"' || memcmp(q + 1, key, kl) != 0 || q[kl + 1] != '"')
			continue;
		const char *v = q + kl + 2;
		while (v < end && (*v == ' ' || *v == ':' || *v == '\n' || *v == '\t' || *v == '\r'))
			v++;
		if (v < end && *v == '"') {
			json_string(v + 1, end, out);
			if (out->n)
				return 1;
			continue;
		}
		if (name_after && v < end && (*v == '{' || *v == '[')) {
			const char *lim = v + 400 < end ? v + 400 : end;
			for (const char *w = v; w + 7 < lim; w++)
				if (!memcmp(w, "\"name\"", 6)) {
					const char *x = w + 6;
					while (x < lim && (*x == ' ' || *x == ':' || *x == '\n'))
						x++;
					if (x < lim && *x == '"') {
						json_string(x + 1, end, out);
						if (out->n)
							return 1;
					}
					break;
				}
		}
	}
	return 0;
}

static void jsonld(nf_page *pg)
{
	if (!pg->scratch.p)
		return;
	const char *p = pg->scratch.p, *end = p + pg->scratch.n;
	nf_buf v = { 0 };
	/* only article-like objects: a site's Organization or WebSite block names no article */
	if (!strstr(p, "Article") && !strstr(p, "Posting") && !strstr(p, "Report") && !strstr(p, "headline"))
		goto done;
	if (json_find(p, end, "headline", 0, &v))
		set_meta(pg, NF_META_TITLE, 6, v.p, v.n);
	if (json_find(p, end, "datePublished", 0, &v))
		set_meta(pg, NF_META_DATE, 7, v.p, v.n);
	if (json_find(p, end, "author", 1, &v) && strncmp(v.p, "http", 4))
		set_meta(pg, NF_META_AUTHOR, 6, v.p, v.n);
	if (json_find(p, end, "description", 0, &v))
		set_meta(pg, NF_META_DESC, 5, v.p, v.n);
done:
	nf_buf_free(&v);
}

/* ---- SAX callbacks ---- */

static const name_info *lookup_name(sax_state *s, const xmlChar *xname)
{
	name_info *ni = &s->names[(uint32_t)(((uint64_t)(uintptr_t)xname * 0x9E3779B97F4A7C15u) >> 56) % NAME_CACHE];
	if (ni->name != xname) {
		ni->name = xname;
		ni->kind = (unsigned char)kind_of((const char *)xname, &ni->tag);
		ni->id = (unsigned char)name_id((const char *)xname);
	}
	return ni;
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	sax_state *s = ctx;
	nf_page *pg = s->pg;
	const name_info *ni = lookup_name(s, xname);
	unsigned char tag = ni->tag;
	int kind = ni->kind, id = ni->id;
	if (id == N_META) {
		meta_tag(pg, atts);
		return;                 /* void element: no end event is needed */
	}
	if (kind == K_BLOCK)
		flush(s, id == N_BR);   /* text so far belongs to the enclosing element */
	frame parent = s->nst ? s->st[s->nst - 1] : (frame){ 0, 0, 0, 0, 0, -1 };
	nf_grow((void **)&s->st, &s->cap, s->nst + 1, sizeof *s->st);
	frame *f = &s->st[s->nst++];
	*f = (frame){ (unsigned char)kind, tag, 0, 0, parent.flags, parent.elem };
	if (id == N_TITLE) {
		if (!s->skip) {
			s->collect = 1;
			nf_buf_clear(&pg->scratch);
		}
		f->hidden = 1;          /* shown in the tab, not on the page */
		s->skip++;
		return;
	}
	if (kind == K_SKIP) {
		const char *type;
		if (id == N_SCRIPT && (type = attr(atts, "type")) && strstr(type, "ld+json")) {
			s->collect = 2;
			nf_buf_clear(&pg->scratch);
		}
		if (id != N_HEAD)
			s->skip++;
		return;
	}
	/* one pass over the attributes for the ones every element needs */
	const char *cls = NULL, *idattr = NULL, *style = NULL, *hidden = NULL, *ip = NULL, *href = NULL;
	for (size_t i = 0; atts && atts[i]; i += 2) {
		const char *an = (const char *)atts[i], *av = atts[i + 1] ? (const char *)atts[i + 1] : "";
		switch (an[0]) {
		case 'c': if (!strcmp(an, "class")) cls = av; break;
		case 'i': if (!strcmp(an, "id")) idattr = av; else if (!strcmp(an, "itemprop")) ip = av; break;
		case 's': if (!strcmp(an, "style")) style = av; break;
		case 'h': if (!strcmp(an, "hidden")) hidden = av; else if (!strcmp(an, "href")) href = av; break;
		}
	}
	if (hidden || (style && (strstr(style, "display:none") || strstr(style, "display: none")))) {
		f->hidden = 1;
		s->skip++;
		return;
	}
	if (id != N_BODY && id != N_HTML) {
		if (cls)
			f->flags |= class_flags_memo(cls, strlen(cls));
		if (idattr)
			f->flags |= class_flags_memo(idattr, strlen(idattr));
		if (ip && !strcasecmp(ip, "articleBody"))
			f->flags |= NF_HB_ARTICLE | NF_HB_CONTENT;
	}
	if (id == N_ARTICLE || id == N_MAIN)
		f->flags |= NF_HB_ARTICLE;
	else if (id == N_FIGURE || tag == NF_TAG_CAPTION)
		f->flags |= NF_HB_FIGURE;
	else if (id == N_HEADER)
		f->flags |= NF_HB_HEADER;
	if (id == N_TIME && !s->seen_time) {
		const char *dt = attr(atts, "datetime");
		if (dt)
			set_meta(pg, NF_META_DATE, 2, dt, strlen(dt));
		s->seen_time = 1;
	}
	if (id == N_A && href) {
		f->a = 1;
		s->in_a++;
	}
	if (kind == K_BLOCK) {
		if (id != N_BR && id != N_HR) {
			nf_grow((void **)&pg->el, &pg->el_cap, pg->nel + 1, sizeof *pg->el);
			pg->el[pg->nel] = (nf_helem){ parent.elem, parent.elem >= 0 ? pg->el[parent.elem].depth + 1 : 0,
						      f->flags & ~parent.flags, tag };
			f->elem = (int)pg->nel++;
		}
		if (tag == NF_TAG_H1 && !s->seen_h1 && !s->skip) {
			s->collect = 4;
			nf_buf_clear(&pg->scratch);
		}
	}
}

static void on_end(void *ctx, const xmlChar *xname)
{
	sax_state *s = ctx;
	int id = lookup_name(s, xname)->id;
	if (id == N_META || !s->nst)
		return;
	frame f = s->st[--s->nst];
	if (id == N_TITLE && s->collect == 1) {
		set_meta(s->pg, NF_META_TITLE, 1, s->pg->scratch.p, s->pg->scratch.n);
		s->collect = 0;
	}

	if (f.kind == K_SKIP) {
		if (s->collect == 2 && id == N_SCRIPT) {
			jsonld(s->pg);
			s->collect = 0;
		}
		if (id != N_HEAD && s->skip > 0)
			s->skip--;
		return;
	}
	if (f.hidden) {
		if (s->skip > 0)
			s->skip--;
		return;
	}
	if (f.a && s->in_a > 0)
		s->in_a--;
	if (f.kind == K_BLOCK) {
		if (s->collect == 4 && f.tag == NF_TAG_H1) {
			set_meta(s->pg, NF_META_H1, 1, s->pg->scratch.p, s->pg->scratch.n);
			s->collect = 0;
			s->seen_h1 = 1;
		}
		/* the block's features come from inside the element, so flush before popping */
		s->nst++;
		flush(s, 0);
		s->nst--;
	}
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
	sax_state *s = ctx;
	if (s->collect && (s->collect != 4 || !s->skip))
		nf_buf_add(&s->pg->scratch, (const char *)ch, (size_t)len);
	if (s->skip)
		return;
	nf_buf_add(&s->pg->text, (const char *)ch, (size_t)len);
	if (s->in_a) {
		s->link += (size_t)len;
		if (!s->text_seen)
			s->lead += (size_t)len;
	} else if (!s->text_seen) {
		for (int i = 0; i < len; i++)
			if (ch[i] != ' ' && ch[i] != '\n' && ch[i] != '\t' && ch[i] != '\r') {
				s->text_seen = 1;
				break;
			}
	}
}

static void on_cdata(void *ctx, const xmlChar *ch, int len)
{
	sax_state *s = ctx;
	if (s->collect == 2)
		nf_buf_add(&s->pg->scratch, (const char *)ch, (size_t)len);
}

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static const char *find_ci(const char *p, const char *end, const char *needle, size_t nl)
{
	while (p + nl <= end) {
		const char *q = memchr(p, '<', (size_t)(end - p));
		if (!q || q + nl > end)
			return NULL;
		if (!strncasecmp(q, needle, nl))
			return q;
		p = q + 1;
	}
	return NULL;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static int name_ch(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == ':' || c == '_' || c == '-' || c == '.';
}

/* The attributes the callbacks read (by index), -1 for the others. */
enum { A_HREF, A_CLASS, A_ID, A_ITEMPROP, A_STYLE, A_HIDDEN, A_TYPE, A_DATETIME, A_PROPERTY,
       A_NAME, A_CONTENT };
static int attr_index(const char *a, size_t n)
{
	static const char *const keep[] = { "href", "class", "id", "itemprop", "style", "hidden",
		"type", "datetime", "property", "name", "content", NULL };
	static uint64_t key[11];
	if (n < 2 || n > 8)
		return -1;      /* src, alt, rel, role, title, width, data-*, aria-*, on*... */
	if (!key[0])
		for (int i = 0; keep[i]; i++)
			for (size_t j = 0; keep[i][j]; j++)
				key[i] |= (uint64_t)(unsigned char)keep[i][j] << 8 * j;
	/* the name in lower case, a byte each: | 32 maps only A-Z onto letters */
	uint64_t v = 0;
	for (size_t j = 0; j < n; j++)
		v |= (uint64_t)((unsigned char)a[j] | 32) << 8 * j;
	for (int i = 0; i < 11; i++)
		if (v == key[i])
			return i;
	return -1;
}

/* One attribute of a start tag: white space before it from ws, its name an[0..anl) (ending
 * at nend), its value val[0..vend) (NULL without one), the byte after it e. */
typedef struct { const char *ws, *an, *nend, *val, *vend, *e; size_t anl; } tag_attr;

/* Reads the attribute at *pp: 1 (and *pp = a->e); 0 at the end of the tag (*pp just past
 * it); -1 when the tag is not plainly formed. */
static int next_attr(const char **pp, const char *end, tag_attr *a)
{
	const char *p = *pp;
	a->ws = p;
	while (p < end && is_ws(*p))
		p++;
	if (p >= end)
		return -1;
	if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>')) {
		a->an = p;      /* '/': an empty element, closed at once */
		*pp = p + (*p == '>' ? 1 : 2);
		return 0;
	}
	char c0 = *p;
	if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '_' || c0 == ':' || c0 == '.'))
		return -1;
	a->an = p;
	while (p < end && name_ch(*p))
		p++;
	a->anl = (size_t)(p - a->an);
	a->nend = p;
	if (p >= end || !(is_ws(*p) || *p == '=' || *p == '>' || *p == '/'))
		return -1;
	const char *t = p;
	a->e = p;
	a->val = a->vend = NULL;
	while (t < end && is_ws(*t))
		t++;
	if (t < end && *t == '=') {
		t++;
		while (t < end && is_ws(*t))
			t++;
		if (t >= end)
			return -1;
		if (*t == '"' || *t == '\'') {
			const char *cq = memchr(t + 1, *t, (size_t)(end - t - 1));
			if (!cq)
				return -1;
			a->e = cq + 1;
			a->val = t + 1;
			a->vend = cq;
		} else {
			a->val = t;
			while (t < end && !is_ws(*t) && *t != '>')
				t++;
			a->e = a->vend = t;
		}
	}
	*pp = a->e;
	return 1;
}

/* The parser hands this value on as it stands: no entity to decode, no NUL to replace. */
static int plain(const char *v, size_t n) { return !memchr(v, '&', n) && !memchr(v, 0, n); }

/* Whether v[0..n) holds the string w. */
static int has(const char *v, size_t n, const char *w)
{
	size_t m = strlen(w);
	for (const char *e = v + n; (size_t)(e - v) >= m; v++) {
		v = memchr(v, w[0], (size_t)(e - v) - m + 1);
		if (!v)
			return 0;
		if (!memcmp(v, w, m))
			return 1;
	}
	return 0;
}

/* The meta tag names meta_tag reads, -1 for the others. */
static int meta_index(const char *name, size_t n)
{
	for (int i = 0; meta_names[i].name; i++)
		if (strlen(meta_names[i].name) == n && !strncasecmp(name, meta_names[i].name, n))
			return i;
	return -1;
}

/* Whether the <meta> whose attributes start at p can give meta_tag anything: its name
 * (property, name or itemprop, the first of each) is one meta_tag reads and it has a
 * content; when in doubt, yes. */
static int meta_useful(const char *p, const char *end)
{
	const char *v[A_CONTENT + 1] = { 0 }, *ve[A_CONTENT + 1] = { 0 };
	tag_attr a;
	int r;
	while ((r = next_attr(&p, end, &a)) == 1) {
		int k = attr_index(a.an, a.anl);
		if ((k == A_PROPERTY || k == A_NAME || k == A_ITEMPROP || k == A_CONTENT) && !v[k]) {
			v[k] = a.val ? a.val : "";
			ve[k] = a.val ? a.vend : v[k];
			if (!plain(v[k], (size_t)(ve[k] - v[k])))
				return 1;
		}
	}
	if (r < 0)
		return 1;
	int k = v[A_PROPERTY] ? A_PROPERTY : v[A_NAME] ? A_NAME : A_ITEMPROP;
	if (!v[k] || !v[A_CONTENT])
		return 0;
	return meta_index(v[k], (size_t)(ve[k] - v[k])) >= 0;
}

/* A short class value with the same class_flags as one with flags f (so the parser reads
 * a few bytes, not "c-article-body__content js-track u-mb-4"), NULL if none is known. */
static const char *class_canon(unsigned f)
{
	static const char *const tab[] = { "nav", "text", "comment", "caption", "caption nav",
		"caption text", "caption comment", NULL };
	static signed char ok[256];     /* [f]: 1 + index into tab, -1 none */
	if (f > 255)
		return NULL;
	if (!ok[f]) {
		ok[f] = -1;
		for (int i = 0; tab[i]; i++)
			if (class_flags_n(tab[i], strlen(tab[i])) == f) {
				ok[f] = (signed char)(i + 1);
				break;
			}
	}
	return ok[f] > 0 ? tab[ok[f] - 1] : NULL;
}

/* What the callbacks read of a start tag, by its element name. */
enum { T_ANY,           /* a name too long to judge: every attribute they may read stays */
       T_NONE,          /* title and the elements whose content is not shown: none */
       T_HIDE,          /* the same, for the elements whose text inside may go too (below) */
       T_META,          /* meta: property, name, itemprop, content, when meta_tag uses them */
       T_ELEM };        /* the others: class, id, itemprop, style, hidden; a's href; time's datetime */

typedef struct { unsigned char type, id, kind, tag; } tag_info;

static tag_info tag_type(const char *n, size_t len)
{
	char lc[32];
	tag_info t = { T_ANY, N_OTHER, K_INLINE, NF_TAG_OTHER };
	if (len >= sizeof lc)
		return t;
	for (size_t i = 0; i < len; i++)
		lc[i] = (char)(n[i] >= 'A' && n[i] <= 'Z' ? n[i] + 32 : n[i]);
	lc[len] = 0;
	int kind = kind_of(lc, &t.tag), id = name_id(lc);
	t.kind = (unsigned char)kind;
	t.id = (unsigned char)id;
	if (id == N_META)
		t.type = T_META;
	else if (id == N_SCRIPT)
		t.type = T_ANY;
	else if (kind == K_SKIP && id != N_HEAD && strcmp(lc, "input") && strcmp(lc, "option") &&
		 strcmp(lc, "menu") && strcmp(lc, "style"))
		t.type = T_HIDE;        /* shown nowhere; not void */
	else if (kind == K_SKIP || id == N_TITLE)
		t.type = T_NONE;
	else
		t.type = T_ELEM;
	return t;
}

/* tag_type remembered by the name's bytes (a page has few distinct names). */
static tag_info tag_type_memo(const char *n, size_t len)
{
	enum { SLOTS = 256, LEN = 16 };
	static struct { unsigned char len; tag_info t; char s[LEN]; } memo[SLOTS];
	if (!len || len > LEN)
		return tag_type(n, len);
	size_t h = nf_hash(n, len) % SLOTS;
	if (memo[h].len != len || memcmp(memo[h].s, n, len)) {
		memo[h].t = tag_type(n, len);
		memo[h].len = (unsigned char)len;
		memcpy(memo[h].s, n, len);
	}
	return memo[h].t;
}

/* What lean_tag saw of a start tag: tag_type's answer, whether it was written <x/>,
 * whether a hidden or style attribute stayed (the element may be hidden), whether an
 * attribute it reads holds a NUL. */
typedef struct { tag_info t; int empty, hid, nul; } tag_seen;

/* Takes out of the start tag at q (q[1] is a letter) the attributes the callbacks never
 * read (src, srcset, data-*, onclick, svg paths, a <link>'s href, the attributes of a
 * <meta> meta_tag ignores...: most of a modern page's tags, which the parser reads a
 * character at a time), and writes a short class or id of the same meaning for a long one:
 * what is kept stays in the input, from *run on, and only what comes before a cut is
 * appended to out. Returns the byte after the tag, or NULL when the tag is not plainly
 * formed (the caller then undoes what was written and the parser gets the tag as it is).
 * *ts says what the tag is. */
static const char *lean_tag(nf_buf *out, const char **run, const char *q, const char *end,
			    size_t *removed, tag_seen *ts, int compat)
{
	size_t cut = 0;
	unsigned seen = 0;      /* bit per attr_index met: the parser drops repeats */
	const char *p = q + 1;
	while (p < end && name_ch(*p))
		p++;
	if (p >= end || !(is_ws(*p) || *p == '>' || *p == '/'))
		return NULL;
	ts->t = tag_type_memo(q + 1, (size_t)(p - q - 1));
	if (compat)
		ts->t.type = T_ANY;     /* maybe no tag but a part of the one before: as always */
	ts->hid = ts->nul = 0;
	int id = ts->t.id, type = ts->t.type;
	int meta = type == T_META && meta_useful(p, end);
	for (;;) {
		tag_attr a;
		int r = next_attr(&p, end, &a);
		if (r < 0)
			return NULL;
		if (r == 0) {
			*removed += cut;
			ts->empty = *a.an == '/';
			return p;
		}
		const char *val = a.val, *vend = a.vend, *e = a.e;
		size_t vl = val ? (size_t)(vend - val) : 0;
		int i = attr_index(a.an, a.anl);
		int k = i >= 0;         /* 0: it goes; 1: it stays; 2: its value goes; 3: canon */
		const char *canon = NULL;
		if (i >= 0 && (seen >> i & 1) && (!compat || i == A_CLASS || i == A_ID))
			k = 0;
		else if (i >= 0 && val && memchr(val, 0, vl)) {
			/* a NUL may end the parse here: as the lean copy always did */
			seen |= 1u << i;
			ts->nul = 1;
			k = i == A_HREF ? 2 : (i == A_CLASS || i == A_ID) && !memchr(val, '&', vl) &&
			    !class_flags_memo(val, vl) ? 0 : 1;
		} else if (i >= 0) {
			seen |= 1u << i;
			if (type == T_NONE || type == T_HIDE)
				k = 0;
			else if (type == T_META)
				k = meta && (i == A_PROPERTY || i == A_NAME || i == A_ITEMPROP || i == A_CONTENT);
			else if (i == A_HREF)
				k = type == T_ANY || id == N_A ? 2 : 0;
			else if (i == A_CLASS || i == A_ID) {
				/* a class or id none of whose words means anything here goes (entities
				 * are left for the parser to decode) */
				if (type == T_ELEM && (id == N_BODY || id == N_HTML))
					k = 0;
				else if (val && plain(val, vl)) {
					unsigned f = class_flags_memo(val, vl);
					if (!f)
						k = 0;
					else if (type == T_ELEM && (canon = class_canon(f)) != NULL &&
						 strlen(canon) < vl)
						k = 3;
				}
			} else if (type == T_ANY)
				k = 1;
			else if (i == A_ITEMPROP)
				k = !val || !plain(val, vl) || (vl == 11 && !strncasecmp(val, "articleBody", 11));
			else if (i == A_STYLE)
				k = !val || !plain(val, vl) || has(val, vl, "display:none") ||
				    has(val, vl, "display: none");
			else if (i == A_DATETIME)
				k = id == N_TIME;
			else
				k = i == A_HIDDEN;
			if (k && (i == A_HIDDEN || i == A_STYLE))
				ts->hid = 1;
		}
		const char *from = NULL, *to = e;
		if (k == 3) {
			/* the value becomes canon, quoted */
			nf_buf_add(out, *run, (size_t)(val - *run));
			if (vend == e)
				nf_buf_addc(out, '"');
			nf_buf_add(out, canon, strlen(canon));
			if (vend == e)
				nf_buf_addc(out, '"');
			cut += vl > strlen(canon) ? vl - strlen(canon) : 0;
			*run = vend;
		} else if (k == 2 && val) {
			from = val;     /* href: its value goes, its quotes stay */
			to = vend;
			if (vend == e) {        /* unquoted: an empty value is written */
				nf_buf_add(out, *run, (size_t)(a.nend - *run));
				nf_buf_add(out, "=\"\"", 3);
				cut += (size_t)(e - a.nend);
				*run = e;
			}
		} else if (!k) {
			/* one white space character stays, so the next attribute is not glued to
			 * what came before */
			from = a.ws < a.an ? a.ws + 1 : a.an;
		}
		if (from && to > from && *run <= from) {
			nf_buf_add(out, *run, (size_t)(from - *run));
			cut += (size_t)(to - from);
			*run = to;
		}
	}
}

/* ---- what libxml2's HTML parser does with the element stack, for the lean copy ---- */

static int probe_starts, probe_closed;
static void probe_start(void *c, const xmlChar *n, const xmlChar **a) { (void)c; (void)n; (void)a; probe_starts++; }
static void probe_end(void *c, const xmlChar *n) { (void)c; (void)n; probe_closed |= probe_starts == 1; }

/* Whether the start tag newtag makes the parser close the open element old, asked of the
 * parser itself (its htmlStartClose table, whatever its version): htmlAutoCloseTag for two
 * names, a parse of "<x><x>" for one. */
static int start_closes(const char *old, const char *newtag)
{
	if (strcmp(old, newtag)) {
		xmlNode nd;
		memset(&nd, 0, sizeof nd);
		nd.name = (const xmlChar *)newtag;
		return htmlAutoCloseTag(NULL, (const xmlChar *)old, &nd) == 1;
	}
	char doc[80];
	int n = snprintf(doc, sizeof doc, "<%s><%s>", old, old);
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = probe_start;
	sax.endElement = probe_end;
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(doc, n);
	htmlSAXHandler *h = ctxt ? xmlMalloc(sizeof *h) : NULL;
	if (!h)
		nf_die("out of memory");
	*h = sax;
	xmlFree(ctxt->sax);
	ctxt->sax = (xmlSAXHandlerPtr)h;
	ctxt->userData = NULL;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_NOIMPLIED);
	probe_starts = probe_closed = 0;
	htmlParseDocument(ctxt);
	htmlFreeParserCtxt(ctxt);
	return probe_closed && probe_starts == 2;
}

/* start_closes remembered by the pair of names. */
static int start_closes_memo(const char *old, const char *newtag)
{
	enum { SLOTS = 2048 };
	static struct { char s[64]; signed char v; } memo[SLOTS];
	char key[64];
	size_t lo = strlen(old), ln = strlen(newtag);
	if (lo + ln + 2 > sizeof key)
		return start_closes(old, newtag);
	memcpy(key, old, lo);
	key[lo] = ' ';
	memcpy(key + lo + 1, newtag, ln + 1);
	size_t h = nf_hash(key, lo + ln + 1) % SLOTS;
	if (strcmp(memo[h].s, key)) {
		memo[h].v = (signed char)start_closes(old, newtag);
		strcpy(memo[h].s, key);
	}
	return memo[h].v;
}

/* What the parser's tables say of an element name: its end tag priority (an end tag only
 * closes the open elements above its own of no higher priority: htmlEndPriority), whether
 * it is closed at once (empty). */
typedef struct { short prio; signed char isvoid; } elem_rule;

static elem_rule elem_rule_of(const char *n)
{
	static const struct { const char *n; short p; } prio[] = { { "div", 150 }, { "td", 160 },
		{ "th", 160 }, { "tr", 170 }, { "thead", 180 }, { "tbody", 180 }, { "tfoot", 180 },
		{ "table", 190 }, { "head", 200 }, { "body", 200 }, { "html", 220 }, { NULL, 100 } };
	elem_rule r = { 100, 0 };
	int i = 0;
	while (prio[i].n && strcmp(prio[i].n, n))
		i++;
	r.prio = prio[i].p;
	const htmlElemDesc *d = htmlTagLookup((const xmlChar *)n);
	r.isvoid = (signed char)(d && d->empty);
	return r;
}

/* elem_rule_of remembered by the name (a page has few distinct names). */
static elem_rule elem_rule_memo(const char *n)
{
	enum { SLOTS = 1024 };
	static struct { char s[32]; elem_rule r; } memo[SLOTS];
	size_t h = nf_hash(n, strlen(n)) % SLOTS;
	if (!memo[h].s[0] || strcmp(memo[h].s, n)) {
		strcpy(memo[h].s, n);
		memo[h].r = elem_rule_of(n);
	}
	return memo[h].r;
}

/* The elements opened inside a T_HIDE element, as the parser has them. */
#define HIDE_DEPTH 48
typedef struct {
	struct { char name[32]; elem_rule r; } e[HIDE_DEPTH];
	int n;
} hide_stack;

/* The name of the tag at p (after "<" or "</") in lower case into lc; its length, or 0
 * when it is too long to judge. */
static size_t lower_name(const char *p, const char *end, char lc[32])
{
	size_t n = 0;
	while (p + n < end && name_ch(p[n])) {
		if (n == 31)
			return 0;
		lc[n] = (char)(p[n] >= 'A' && p[n] <= 'Z' ? p[n] + 32 : p[n]);
		n++;
	}
	lc[n] = 0;
	return n;
}

/* A start tag (empty: written <x/>) inside the T_HIDE element: 0 when the parser might
 * now have left that element. */
static int hide_start(hide_stack *h, const char *lc, int empty, int *depth, const char *x)
{
	if (!strcmp(lc, "html") || !strcmp(lc, "head") || !strcmp(lc, "body"))
		return 0;       /* the parser may drop them, or not */
	elem_rule r = elem_rule_memo(lc);
	while (h->n > 0 && start_closes_memo(h->e[h->n - 1].name, lc))
		h->n--;
	if (!h->n && start_closes_memo(x, lc))
		return 0;       /* it closes the T_HIDE element itself */
	*depth = h->n;
	if (empty || r.isvoid)
		return 1;
	if (h->n == HIDE_DEPTH)
		return 0;
	strcpy(h->e[h->n].name, lc);
	h->e[h->n++].r = r;
	return 1;
}

/* An end tag inside the T_HIDE element x: 0 when it may close x, 2 when it surely does
 * (x's own, with nothing of higher priority open above x), 1 when x stays open. */
static int hide_end(hide_stack *h, const char *lc, const char *x)
{
	int i = h->n;
	while (i-- > 0 && strcmp(h->e[i].name, lc))
		;
	if (!strcmp(lc, "html") || !strcmp(lc, "head") || !strcmp(lc, "body"))
		return 0;
	int pr = i >= 0 ? h->e[i].r.prio : elem_rule_memo(lc).prio;
	for (int k = h->n - 1; k > i; k--)
		if (h->e[k].r.prio > pr)
			return i >= 0;  /* the parser ignores it (in doubt if it is x's) */
	if (i < 0)
		return strcmp(lc, x) ? 0 : 2;
	h->n = i;
	return 1;
}

/* Whether the markup at q is a plain end tag: "</name>", white space allowed before '>'. */
static int clean_end_tag(const char *q, const char *end)
{
	char lc[32];
	size_t l = q + 1 < end && q[1] == '/' ? lower_name(q + 2, end, lc) : 0;
	const char *g = q + 2 + l;
	while (l && g < end && is_ws(*g))
		g++;
	return l && g < end && *g == '>';
}

/* The byte after the first '>' from q on that is outside quotes (the end of the markup
 * at q, or later: never earlier than where the parser ends it). */
static const char *skip_markup(const char *q, const char *end)
{
	for (const char *p = q; p < end; p++) {
		if (*p == '"' || *p == '\'') {
			p = memchr(p + 1, *p, (size_t)(end - p - 1));
			if (!p)
				return end;
		} else if (*p == '>')
			return p + 1;
	}
	return end;
}

/* Copies the page without the bodies of <script> (except JSON-LD), <style> and comments:
 * their text is never shown, and the parser reads them a character at a time. A body ends
 * at the first "</script" or "</style", as it does in a browser. Returns 0 when nothing
 * worth removing was found. */
static int lean_copy(nf_buf *out, const char *html, size_t n)
{
	const char *p = html, *end = html + n, *run = html;
	size_t removed = 0;
	int at_tag = 1;         /* p is just past markup (a tag, a comment, a removed element) */
	/* Text the callbacks would only skip goes too: text inside a T_HIDE element (nav,
	 * footer, button, svg...) while the parser surely has it open: only plain start and
	 * end tags and comments since its start tag, and none of them could close it
	 * (hide_start, hide_end mirror the parser's stack, asking it which start tags close
	 * what). Not within a <title> the page has not left yet, whose text
	 * on_chars collects. */
	int hide = 0;           /* a T_HIDE element is open */
	hide_stack hs;
	char lc[32];
	hs.n = 0;
	/* The whole T_HIDE element goes when what it holds only counts itself in and out (no
	 * meta, no <time>): in its place stays <x>, with <br> or <hr> when a block element
	 * started in it first (that flushes the text before it) and <div></div> when it held
	 * an element html_region may weigh (its index order stays the same). */
	struct {
		char name[32];
		const char *q, *run;    /* its start tag; run before it */
		size_t mark, removed;   /* out->n and removed before it */
		int ok, first, region;  /* it can go; its first block is a br (1) or other (2);
					 * it holds a div, section, td, blockquote... */
	} x;
	x.ok = 0;
	int title = 0;          /* 1: in a <title> holding only text so far; 2: in doubt, for good */
	/* A PI, a doctype, a broken tag may swallow what follows up to some '>': no T_HIDE
	 * element is taken to start before calm. */
	const char *calm = html;
	nf_buf_clear(out);
	while (p < end) {
		const char *q = memchr(p, '<', (size_t)(end - p));
		if (!q || q + 4 > end)
			break;
		if (hide && q > p && memchr(p, 0, (size_t)(q - p)))
			hide = 0;       /* the parser may stop at a NUL */
		if (hide && !title && q > p) {
			nf_buf_add(out, run, (size_t)(p - run));
			removed += (size_t)(q - p);
			p = run = q;
		}
		if (at_tag && q - p > 1) {
			/* white space alone between two tags (indentation): one character of it will do */
			const char *w = p;
			int nl = 0;
			while (w < q && is_ws(*w))
				nl |= *w++ == '\n';
			if (w == q) {
				nf_buf_add(out, run, (size_t)(p - run));
				nf_buf_addc(out, nl ? '\n' : ' ');
				removed += (size_t)(q - p) - 1;
				p = run = q;
			}
		}
		at_tag = 0;
		const char *close = NULL, *body = NULL;
		size_t cl = 0;
		if (q[1] == '!' && q[2] == '-' && q[3] == '-') {
			const char *e = q + 4;
			for (;;) {
				e = e < end ? memchr(e, '-', (size_t)(end - e)) : NULL;
				if (!e || e + 3 > end || (e[1] == '-' && e[2] == '>'))
					break;
				e++;
			}
			if (!e || e + 3 > end)
				break;
			nf_buf_add(out, run, (size_t)(q - run));
			removed += (size_t)(e + 3 - q);
			p = run = e + 3;
			at_tag = 1;
			if (title == 1)
				title = 2;
			if (out->n && out->p[out->n - 1] == '<')
				calm = end;     /* "<" and what follows may now read as a tag */
			continue;
		}
		if ((q[1] | 32) != 's') {
			/* neither <script nor <style */
		} else if (q + 8 <= end && !strncasecmp(q, "<script", 7) && (is_ws(q[7]) || q[7] == '>' || q[7] == '/')) {
			close = "</script"; cl = 8;
		} else if (q + 7 <= end && !strncasecmp(q, "<style", 6) && (is_ws(q[6]) || q[6] == '>' || q[6] == '/')) {
			close = "</style"; cl = 7;
		}
		if (!close) {
			const char *e, *saved = run;
			size_t mark = out->n;
			tag_seen ts;
			size_t removed_before = removed;
			if (((q[1] >= 'a' && q[1] <= 'z') || (q[1] >= 'A' && q[1] <= 'Z')) &&
			    (e = lean_tag(out, &run, q, end, &removed, &ts, q < calm)) != NULL) {
				p = e;
				at_tag = 1;
				if (title == 1)
					title = 2;
				else if (ts.t.id == N_TITLE && !hide)
					title = title ? 2 : 1;
				int depth;
				if (ts.nul)
					hide = 0;
				else if (hide) {
					hide = lower_name(q + 1, end, lc) && hide_start(&hs, lc, ts.empty, &depth, x.name);
					if (ts.t.id == N_META || ts.t.id == N_TIME || ts.t.tag == NF_TAG_H1)
						x.ok = 0;       /* (an <h1>'s end may end the headline's text) */
					if (hide && ts.t.kind == K_BLOCK) {
						if (!x.first) {
							x.first = ts.t.id == N_BR ? 1 : 2;
							if (depth)
								x.ok = 0;       /* flushed under another frame */
						}
						if (ts.t.id != N_BR && ts.t.id != N_HR) {
							if (ts.hid)
								x.ok = 0;
							else if (ts.t.tag == NF_TAG_OTHER || ts.t.tag == NF_TAG_DIV ||
								 ts.t.tag == NF_TAG_TD || ts.t.tag == NF_TAG_QUOTE)
								x.region = 1;
						}
					}
				} else if (ts.t.type == T_HIDE && !ts.empty && q >= calm &&
					   lower_name(q + 1, end, x.name)) {
					hide = 1;
					hs.n = 0;
					x.q = q;
					x.run = saved;
					x.mark = mark;
					x.removed = removed_before;
					x.ok = 1;       /* (what its start tag closes, <x> still closes) */
					x.first = x.region = 0;
				}
			} else {
				/* an end tag, or markup in doubt */
				out->n = mark;
				run = saved;
				p = q + 1;
				if (q[1] == '!' || q[1] == '?' || (q[1] == '/' && !clean_end_tag(q, end)) ||
				    (q[1] >= 'a' && q[1] <= 'z') || (q[1] >= 'A' && q[1] <= 'Z')) {
					/* a doctype, a PI, a broken tag: when it plainly ends at its
					 * first '>', so does the parser; else the rest is in doubt */
					const char *g = memchr(q + 1, '>', (size_t)(end - q - 1));
					const char *lt = g ? memchr(q + 1, '<', (size_t)(g - q - 1)) : NULL;
					const char *c = g && !lt && skip_markup(q, end) == g + 1 ? g + 1 : end;
					if (c > calm)
						calm = c;
				}
				if (hide) {
					size_t l = q[1] == '/' ? lower_name(q + 2, end, lc) : 0;
					const char *g = q + 2 + l;
					while (l && g < end && is_ws(*g))
						g++;
					int h = l && g < end && *g == '>' ? hide_end(&hs, lc, x.name) : 0;
					hide = h == 1;
					if (h == 1)
						p = g + 1;      /* (at_tag stays 0, as for every end tag) */
					char put[96];
					int pl = h == 2 && x.ok && !title ? snprintf(put, sizeof put, "<%s>%s%s</%s>", x.name,
							x.first == 1 ? "<br>" : x.first == 2 ? "<hr>" : "",
							x.region ? "<div></div>" : "", x.name) : 0;
					if (pl > 0 && (size_t)pl < (size_t)(g + 1 - x.q)) {
						out->n = x.mark;
						run = x.run;
						nf_buf_add(out, run, (size_t)(x.q - run));
						nf_buf_add(out, put, (size_t)pl);
						removed = x.removed + (size_t)(g + 1 - x.q) - (size_t)pl;
						p = run = g + 1;
					}
				}
				if (title == 1)
					title = q + 7 < end && !strncasecmp(q, "</title", 7) &&
						(q[7] == '>' || is_ws(q[7])) ? 0 : 2;
				else if (!title && q + 6 <= end && !strncasecmp(q, "<title", 6))
					title = 2;
			}
			continue;
		}
		hide = 0;
		if (title == 1)
			title = 2;
		const char *gt = memchr(q, '>', (size_t)(end - q));
		if (!gt)
			break;
		body = gt + 1;
		/* JSON-LD stays: it holds the metadata */
		int keep = 0;
		for (const char *a = q; a + 7 < gt; a++)
			if (a[2] == '+' && !strncasecmp(a, "ld+json", 7)) { keep = 1; break; }
		const char *c = find_ci(body, end, close, cl);
		if (!c)
			break;
		const char *cgt = keep ? NULL : memchr(c, '>', (size_t)(end - c));
		if (cgt) {
			/* the whole element goes: its callbacks only count it in and out */
			nf_buf_add(out, run, (size_t)(q - run));
			removed += (size_t)(cgt + 1 - q);
			p = run = cgt + 1;
			at_tag = 1;
			if (out->n && out->p[out->n - 1] == '<')
				calm = end;
			continue;
		}
		if (!keep && c > body) {
			nf_buf_add(out, run, (size_t)(body - run));
			removed += (size_t)(c - body);
			run = c;
		}
		p = c + cl;
	}
	if (removed < 1024)
		return 0;
	nf_buf_add(out, run, (size_t)(end - run));
	return 1;
}

void nf_html_parse(nf_page *pg, const char *html, size_t n)
{
	if (lean_copy(&pg->lean, html, n)) {
		html = pg->lean.p;
		n = pg->lean.n;
	}
	nf_buf_clear(&pg->text);
	nf_buf_clear(&pg->scratch);
	for (int i = 0; i < NF_META_N; i++) {
		nf_buf_clear(&pg->meta[i]);
		pg->meta_prio[i] = 0;
	}
	pg->nblk = pg->nel = 0;
	static sax_state s0;    /* all zero: no name cached */
	sax_state s = s0;
	s.pg = pg;
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_chars;
	sax.cdataBlock = on_cdata;
	sax.warning = quiet;
	sax.error = quiet;
	/* a memory (pull) parser: the push parser rescans its input for each tag */
	if (n > (size_t)INT_MAX)
		n = (size_t)INT_MAX;
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(n ? html : " ", n ? (int)n : 1);
	if (!ctxt)
		nf_die("out of memory");
	htmlSAXHandler *h = xmlMalloc(sizeof *h);
	if (!h)
		nf_die("out of memory");
	*h = sax;
	xmlFree(ctxt->sax);
	ctxt->sax = (xmlSAXHandlerPtr)h;
	ctxt->userData = &s;
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_NOIMPLIED |
			   HTML_PARSE_IGNORE_ENC);   /* the input is UTF-8 by now, whatever it declares */
	htmlParseDocument(ctxt);
	s.nst = s.nst ? s.nst : 0;
	if (s.nst == 0) {
		nf_grow((void **)&s.st, &s.cap, 1, sizeof *s.st);
		s.st[s.nst++] = (frame){ K_BLOCK, 0, 0, 0, 0, -1 };
	}
	flush(&s, 0);
	htmlFreeParserCtxt(ctxt);
	free(s.st);
}

/* Does s (avail bytes) begin with w, ignoring case? Never reads past avail. */
static int at_ci(const char *s, size_t avail, const char *w)
{
	size_t m = strlen(w);
	return avail >= m && !strncasecmp(s, w, m);
}

int nf_html_sniff(const char *s, size_t n)
{
	size_t lim = n < 4096 ? n : 4096, i = 0;
	while (i < lim && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
		i++;
	if (i + 3 <= n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBB)
		i += 3;
	if (i < lim && s[i] == '<') {
		static const char *const starts[] = { "<!doctype", "<html", "<head", "<body", "<!--",
			"<?xml", "<meta", "<div", "<p>", "<p ", "<article", "<title", "<section", "<h1", "<span", "<table", NULL };
		for (int k = 0; starts[k]; k++)
			if (at_ci(s + i, n - i, starts[k]))
				return 1;
	}
	/* otherwise: many tags among the first bytes */
	static const char *const tags_seen[] = { "p>", "/p>", "div", "/div", "br", "a ", "/a>", "span", NULL };
	int tags = 0;
	for (size_t k = 0; k + 3 < lim; k++)
		if (s[k] == '<' && (s[k + 1] == '/' || (s[k + 1] >= 'a' && s[k + 1] <= 'z')))
			for (int t = 0; tags_seen[t]; t++)
				if (at_ci(s + k + 1, lim - k - 1, tags_seen[t])) {
					tags++;
					break;
				}
	return tags >= 3;
}

/* The charset a page declares in its first 4 KB (<meta charset=...> or content="...;
 * charset=..."), into name; 0 when none. */
static int declared_charset(const char *s, size_t n, char *name, size_t cap)
{
	size_t lim = n < 4096 ? n : 4096;
	for (size_t i = 0; i + 8 < lim; i++) {
		if (strncasecmp(s + i, "charset", 7))
			continue;
		size_t j = i + 7;
		while (j < lim && (s[j] == ' ' || s[j] == '='))
			j++;
		while (j < lim && (s[j] == '"' || s[j] == '\''))
			j++;
		size_t k = 0;
		while (j < lim && k + 1 < cap && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
						  (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_' || s[j] == ':'))
			name[k++] = s[j++];
		name[k] = 0;
		if (k)
			return 1;
	}
	return 0;
}

int nf_html_decode(nf_buf *out, const char *s, size_t n)
{
	char name[48];
	if (rec_utf8_check(s, n) == n || !declared_charset(s, n, name, sizeof name))
		return 0;
	if (!strcasecmp(name, "utf-8") || !strcasecmp(name, "utf8") || n > (size_t)INT_MAX)
		return 0;
	xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(name);
	if (!h)
		return 0;
	xmlBufferPtr in = xmlBufferCreate(), o = xmlBufferCreate();
	int ok = 0;
	if (in && o && xmlBufferAdd(in, (const xmlChar *)s, (int)n) == 0 && xmlCharEncInFunc(h, o, in) >= 0 &&
	    xmlBufferLength(o) > 0) {
		nf_buf_add(out, (const char *)xmlBufferContent(o), (size_t)xmlBufferLength(o));
		ok = 1;
	}
	xmlBufferFree(in);
	xmlBufferFree(o);
	xmlCharEncCloseFunc(h);
	return ok;
}
