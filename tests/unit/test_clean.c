/* Unit tests for text (normalisation and repair), clean's date reader, HTML sniffing and
 * the block model on small pages written for these tests. */
#include "clean.h"
#include "data.h"
#include "html.h"
#include "tap.h"
#include "text.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

static int norm_is(const char *in, int flags, const char *want)
{
	nf_buf b = { 0 };
	nf_text_norm(&b, in, strlen(in), flags, NULL);
	int r = b.p && !strcmp(b.p, want);
	if (!r)
		printf("# got [%s]\n", b.p ? b.p : "");
	nf_buf_free(&b);
	return r;
}

static int date_is(const char *in, int df, const char *want)
{
	char out[11] = "";
	int ok = nf_clean_date(in, strlen(in), df, out);
	if (!want)
		return !ok;
	if (!ok || strcmp(out, want))
		printf("# %s -> %s\n", in, ok ? out : "(none)");
	return ok && !strcmp(out, want);
}

int main(void)
{
	nf_progname = "test_clean";
	{
		/* a page cut inside a tag, in a buffer with no NUL after it (ASan checks the reads) */
		static const char cut[] = "<p>one</p><div>two</div></di";
		char *b = malloc(sizeof cut - 1);
		memcpy(b, cut, sizeof cut - 1);
		ok(nf_html_sniff(b, sizeof cut - 1) == 1, "sniff: tags at the very end of an unterminated buffer");
		free(b);
	}
	/* normalisation */
	ok(norm_is("It\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s here", 0, "It\xe2\x80\x99s here"), "mojibake of a right quote repaired");
	ok(norm_is("caf\xc3\x83\xc2\xa9", 0, "caf\xc3\xa9"), "mojibake of e-acute repaired");
	ok(norm_is("caf\xe9 au lait", 0, "caf\xc3\xa9 au lait"), "invalid byte read as Windows-1252");
	ok(norm_is("\x93quoted\x94", 0, "\xe2\x80\x9cquoted\xe2\x80\x9d"), "1252 curly quotes from invalid bytes");
	ok(norm_is("a\xc2\xa0\xc2\xa0" "b\xe2\x80\x89" "c", 0, "a b c"), "NBSP and thin space become one space");
	ok(norm_is("zero\xe2\x80\x8bwidth\xef\xbb\xbf soft\xc2\xadhyphen", 0, "zerowidth softhyphen"), "zero-width and soft hyphen removed");
	ok(norm_is("Cafe\xcc\x81", 0, "Caf\xc3\xa9"), "NFC composes e + combining acute");
	ok(norm_is("  one \t two  \n\n\n three \r\n", NF_TEXT_LINES, "one two\n\nthree"), "spaces collapsed, one empty line kept");
	ok(norm_is("one\ntwo", 0, "one two"), "without NF_TEXT_LINES a newline is a space");
	ok(norm_is("\xe2\x80\x9cKeep\xe2\x80\x9d \xe2\x80\x98" "curly\xe2\x80\x99", 0, "\xe2\x80\x9cKeep\xe2\x80\x9d \xe2\x80\x98" "curly\xe2\x80\x99"), "curly quotes kept");
	ok(norm_is("\xc3\x80 la carte \xc3\x89t\xc3\xa9", 0, "\xc3\x80 la carte \xc3\x89t\xc3\xa9"), "real accented text is left alone");
	/* NFC word by word: every word with a combining mark is composed, wherever it is */
	ok(norm_is("one e\xcc\x81 two\xe2\x80\x99s o\xcc\x88l  and u\xcc\x88" "ber", 0,
		   "one \xc3\xa9 two\xe2\x80\x99s \xc3\xb6l and \xc3\xbc" "ber"), "NFC composes each word with a mark, the words between kept");
	ok(norm_is("Caf\xc3\xa9 first\nthen na\xc3\xafve and Cafe\xcc\x81\n\nend", NF_TEXT_LINES,
		   "Caf\xc3\xa9 first\nthen na\xc3\xafve and Caf\xc3\xa9\n\nend"), "NFC over line breaks, precomposed words unchanged");
	ok(norm_is("a\xcc\x81\xcc\xa3 x", 0, "\xe1\xba\xa1\xcc\x81 x"), "NFC reorders marks (acute, dot below) and composes the first");
	ok(norm_is("\xe2\x84\xab ngstr\xc3\xb6m", 0, "\xc3\x85 ngstr\xc3\xb6m"), "NFC maps a singleton (ANGSTROM SIGN) with no mark before it");
	ok(norm_is("x\xcc\x81", 0, "x\xcc\x81"), "a mark with no precomposed form stays after its letter");
	/* nf_text_norm remembers the characters NFC leaves alone (U+0419 and U+0499 share a slot) */
	ok(norm_is("\xd0\x99\xd2\x99 \xd0\x99\xd2\x99 e\xcc\x81 \xd0\xb0\xe2\x84\xab", 0,
		   "\xd0\x99\xd2\x99 \xd0\x99\xd2\x99 \xc3\xa9 \xd0\xb0\xc3\x85"), "Cyrillic kept, then a mark and ANGSTROM SIGN composed");
	ok(norm_is("\xd0\xb8\xcc\x86 \xd0\xb9", 0, "\xd0\xb9 \xd0\xb9"), "Cyrillic i and a combining breve composed to short i");
	/* runs of printable ASCII are read eight bytes at a time: spaces at every position */
	ok(norm_is("abcdefg hijklmn  opq rstuvwxyz0123456789 x", 0, "abcdefg hijklmn opq rstuvwxyz0123456789 x"),
	   "long ASCII runs: a double space inside is collapsed");
	ok(norm_is("1234567 \t89 a b c d e f g h i j k l m n o p", 0, "1234567 89 a b c d e f g h i j k l m n o p"),
	   "long ASCII runs: a space then a tab, single-letter words");
	ok(norm_is("aaaaaaa bbbbbbb\x7f", 0, "aaaaaaa bbbbbbb"), "long ASCII runs: DEL at the end is trimmed as a space");
	/* an eight-byte test that stops part way: the bytes before the stop are kept, the rest
	 * is read from the stop (a space last of the eight, two spaces, a control after a space) */
	ok(norm_is("xabcdefg hijklmnop qrstuvw", 0, "xabcdefg hijklmnop qrstuvw"), "long ASCII runs: a space last of the eight");
	ok(norm_is("xabcdef  ghijklmn\x01opqrstu \x01 vwxyz012", 0, "xabcdef ghijklmn opqrstu vwxyz012"),
	   "long ASCII runs: two spaces, a control, a space and a control");
	ok(norm_is("xab cd e\xc3\xa9" "fghij k\n\nlmnopqr st", NF_TEXT_LINES, "xab cd e\xc3\xa9" "fghij k\n\nlmnopqr st"),
	   "long ASCII runs: a letter beyond ASCII and a paragraph break inside the eight");
	ok(norm_is("abcdefgh e\xcc\x81 ijklmnop qrstuvwx e\xcc\x81tude yz", 0,
		   "abcdefgh \xc3\xa9 ijklmnop qrstuvwx \xc3\xa9tude yz"), "NFC of words between long ASCII runs");
	{
		nf_buf b = { 0 };
		size_t bad = nf_text_repair(&b, "ok \xff\xfe end", 9);
		ok(bad == 2 && !strcmp(b.p, "ok \xc3\xbf\xc3\xbe end"), "repair replaces only the invalid bytes");
		nf_buf_free(&b);
	}
	{
		nf_text_stats st = { 0 };
		nf_buf b = { 0 };
		const char *in = "x\xe9y \xc3\xa2\xe2\x82\xac\xc5\x93";
		nf_text_norm(&b, in, strlen(in), 0, &st);
		ok(st.invalid == 1 && st.mojibake == 1, "stats count repairs (%zu invalid, %zu mojibake)", st.invalid, st.mojibake);
		nf_buf_free(&b);
	}
	/* dates */
	ok(date_is("2025-02-12T10:00:00+01:00", NF_DATE_AUTO, "2025-02-12"), "ISO timestamp");
	ok(date_is("12/02/2025", NF_DATE_AUTO, "2025-02-12"), "ambiguous numeric date: day first by default");
	ok(date_is("12/02/2025", NF_DATE_MONTH_FIRST, "2025-12-02"), "month first when asked");
	ok(date_is("02/13/2025", NF_DATE_DAY_FIRST, "2025-02-13"), "13 cannot be a month");
	ok(date_is("Feb. 12, 2025", NF_DATE_AUTO, "2025-02-12"), "abbreviated month name");
	ok(date_is("Wed, 12 Feb 2025 08:00:00 GMT", NF_DATE_AUTO, "2025-02-12"), "RFC 822 date");
	ok(date_is("12 de febrero de 2025", NF_DATE_AUTO, "2025-02-12"), "Spanish date");
	ok(date_is("12. M\xc3\xa4rz 2025", NF_DATE_AUTO, "2025-03-12"), "German date");
	ok(date_is("12 \xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f 2025", NF_DATE_AUTO, "2025-02-12"), "Russian date");
	ok(date_is("The mayor met 12 people in March", NF_DATE_AUTO, NULL), "no year, no date");
	ok(date_is("market day 5 2025", NF_DATE_AUTO, NULL), "'market' is not a month");
	/* HTML sniffing */
	ok(nf_html_sniff("<!DOCTYPE html><html>", 21), "doctype is HTML");
	ok(nf_html_sniff("  <p>one</p><p>two</p>", 22), "paragraph tags are HTML");
	ok(!nf_html_sniff("a < b and c > d", 15), "comparison signs are not HTML");
	/* declared charsets */
	{
		nf_buf b = { 0 };
		const char *k = "<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
		ok(nf_html_decode(&b, k, strlen(k)) && strstr(b.p, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82"),
		   "a KOI8-R page is converted to UTF-8");
		nf_buf_clear(&b);
		const char *u = "<meta charset=koi8-r><p>caf\xc3\xa9</p>";
		ok(!nf_html_decode(&b, u, strlen(u)) && b.n == 0, "valid UTF-8 is left alone whatever it declares");
		nf_buf_free(&b);
	}
	/* the block model */
	nf_cleaner *c = nf_cleaner_new();
	nf_clean_result r;
	nf_clean_result_init(&r);
	nf_clean_opts o = { NF_CLEAN_AUTO, 0, NF_DATE_AUTO, 1 };
	const char *page =
		"Home\nNews\nSport\n\nThe sea wall is finished\nby Ola Brenner\n5 min read\n"
		"The new sea wall along the beach road was finished this week, two months earlier than the builders had planned, and the road will open again on Friday.\n"
		"Explore further\nWhy sea walls matter\n"
		"The council said that the wall should protect the houses behind it from the winter storms for at least the next fifty years.\n"
		"Related Posts\nA new bus stop\n";
	nf_clean(c, page, strlen(page), &o, &r);
	ok(!r.html, "text page read as text");
	ok(!strcmp(r.author.p, "Ola Brenner"), "author from the byline (%s)", r.author.p);
	ok(strstr(r.text.p, "sea wall along") && strstr(r.text.p, "winter storms"), "both paragraphs kept");
	ok(!strstr(r.text.p, "Why sea walls") && !strstr(r.text.p, "bus stop") && !strstr(r.text.p, "min read"),
	   "teasers and reading time dropped");
	ok(!strcmp(r.lang, "en"), "language is English");
	size_t first = r.text.n;
	/* the result is reused: nothing of the first page may leak into the second */
	const char *html = "<html><head><meta property=\"og:title\" content=\"Ferry news\"></head><body>"
			   "<nav><a href=\"/\">Home</a></nav><article><p>The ferry will run every hour from May, the harbour office said on Monday, and tickets will cost the same as they did last year.</p></article></body></html>";
	nf_clean(c, html, strlen(html), &o, &r);
	ok(r.html && !strcmp(r.title.p, "Ferry news"), "HTML page and its Open Graph title");
	ok(!strncmp(r.text.p, "The ferry will run", 18) && !strstr(r.text.p, "Home") && r.text.n < first + 200,
	   "HTML article text only");
	ok(r.nblk == 1, "--blocks lists the one block outside <nav> (%zu)", r.nblk);
	nf_clean(c, "", 0, &o, &r);
	ok(r.text.n == 0 && r.title.n == 0, "empty page gives empty fields");
	nf_clean_result_free(&r);
	nf_cleaner_free(c);
	return tap_done();
}
