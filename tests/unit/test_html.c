/* Unit tests for html: pages whose first block ends before any text was collected, and an
 * empty JSON-LD script, so the reader works on a text buffer that is still NULL. The fuzzer
 * found the arithmetic on it (UBSan: applying zero offset to null pointer); under
 * SANITIZE=1 these abort if it comes back. */
#include "html.h"
#include "tap.h"
#include <string.h>

static int text_is(const nf_page *pg, size_t b, const char *want)
{
	return b < pg->nblk && pg->blk[b].len == strlen(want) &&
	       memcmp(pg->text.p + pg->blk[b].off, want, pg->blk[b].len) == 0;
}

static void parse(nf_page *pg, const char *html) { nf_html_parse(pg, html, strlen(html)); }

int main(void)
{
	nf_page pg;
	nf_page_init(&pg);

	/* a block element before any text flushes an empty block from a NULL text buffer */
	parse(&pg, "<div><p></p></div>");
	ok(pg.nblk == 0 && pg.text.n == 0, "empty block elements only: no block, no text");
	parse(&pg, "<br><br>");
	ok(pg.nblk == 0, "line breaks before any text: no block");
	parse(&pg, "<p>   </p><h2>\n</h2>");
	ok(pg.nblk == 0, "blocks of white space only: no block");
	parse(&pg, "<div><br><p>The ferry leaves at noon.</p></div>");
	ok(pg.nblk == 1 && text_is(&pg, 0, "The ferry leaves at noon.") && pg.blk[0].tag == NF_TAG_P,
	   "text after empty blocks: one paragraph block with that text");

	/* an empty JSON-LD script ends with nothing collected */
	parse(&pg, "<html><head><script type=\"application/ld+json\"></script></head><body></body></html>");
	ok(pg.nblk == 0 && pg.meta[NF_META_TITLE].n == 0, "empty JSON-LD script, empty body: no block, no title");
	parse(&pg, "<script type=\"application/ld+json\"></script><p>Rain is expected.</p>");
	ok(pg.nblk == 1 && text_is(&pg, 0, "Rain is expected."), "empty JSON-LD script, then a paragraph");
	parse(&pg, "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge reopens\"}</script>"
		   "<p>The bridge reopened.</p>");
	ok(pg.meta[NF_META_TITLE].n == 14 && memcmp(pg.meta[NF_META_TITLE].p, "Bridge reopens", 14) == 0,
	   "a JSON-LD headline after the empty cases is still read");

	/* the same page object after all that: reuse starts clean */
	parse(&pg, "");
	ok(pg.nblk == 0 && pg.text.n == 0, "empty page: nothing");
	nf_page_free(&pg);
	return tap_done();
}
