/* clean - scraped pages (HTML or copied page text) to article text, title, date, author. */
#include "clean.h"
#include "data.h"
#include "run.h"
#include "util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] = "Usage: clean [OPTION]... [FILE]...\n";

static void usage(void)
{
	printf("%s", usage_line);
	printf("Extract the article from scraped pages: drop menus, bylines, captions, teasers,\n"
	       "share buttons, appeals and other boilerplate; keep the article's paragraphs; find\n"
	       "its title, date, author and description. Without FILEs, reads newsfilter TSV (see\n"
	       "newsfilter-tsv(5)) on standard input, one page in the -f column of each row; each\n"
	       "FILE is instead one raw page (HTML or text), its id the FILE name as given.\n\n"
	       "      --html           read every page as HTML\n"
	       "      --plain          read every page as plain text (one block per line)\n"
	       "                       (default: HTML when the page looks like HTML)\n"
	       "      --keep-all       only normalise: keep every block\n"
	       "      --blocks         print every block with its class and the reason instead\n"
	       "                       (columns: id block class kept reason text)\n"
	       "      --day-first      read 03/04/2025 as 3 April\n"
	       "      --month-first    read 03/04/2025 as 4 March\n"
	       "                       (default: as the page's spelled-out dates do, else day first)\n\n");
	printf("%s", nf_common_help);
	printf("\nOutput columns: id title date author description text (paragraphs separated\n"
	       "by newlines, written as \\n), then the --keep columns, then every other input\n"
	       "column except id, the page column and ones named like an output column.\n");
}

typedef struct {
	nf_cleaner *cleaner;
	nf_clean_opts opts;
	nf_clean_result res;
} clean_ctx;

/* An empty nf_buf has no storage: hand the writer "" rather than NULL. */
static void out_buf(nf_run *run, const nf_buf *b) { nf_out(run, b->p ? b->p : "", b->n); }

static const char *const cls_names[] = { "bad", "short", "neargood", "good" };

static int process(nf_run *run, const nf_doc *doc, void *arg)
{
	clean_ctx *x = arg;
	nf_clean_result *r = &x->res;
	nf_clean(x->cleaner, doc->text, doc->len, &x->opts, r);
	if (r->stats.nul)
		fprintf(stderr, "%s: %s:%ld: %zu NUL bytes read as spaces\n",
			nf_progname, doc->file ? doc->file : "-", doc->line, r->stats.nul);
	if (r->stats.invalid)
		fprintf(stderr, "%s: %s:%ld: %zu invalid UTF-8 bytes read as Windows-1252\n",
			nf_progname, doc->file ? doc->file : "-", doc->line, r->stats.invalid);
	if (x->opts.blocks) {
		for (size_t i = 0; i < r->nblk; i++) {
			nf_out(run, doc->id.p, doc->id.n);
			nf_out_long(run, (long)i + 1);
			nf_out_str(run, cls_names[r->blk[i].cls]);
			nf_out_long(run, r->blk[i].keep);
			nf_out_str(run, r->blk[i].reason);
			nf_out(run, r->norm.p + r->blk[i].off, r->blk[i].len);
			nf_out_end(run);
		}
		return 0;
	}
	nf_out(run, doc->id.p, doc->id.n);
	out_buf(run, &r->title);
	out_buf(run, &r->date);
	out_buf(run, &r->author);
	out_buf(run, &r->description);
	out_buf(run, &r->text);
	nf_out_end(run);
	return 0;
}

/* Reads a whole file (stdin for "-"); NULL with errno set on failure. */
static char *slurp(const char *name, size_t *len)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "rb") : stdin;
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *p = nf_xmalloc(cap);
	size_t k;
	while ((k = fread(p + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n < 2)
			p = nf_xrealloc(p, cap *= 2);
	}
	int err = ferror(f) ? errno : 0;
	if (f != stdin)
		fclose(f);
	if (err) {
		free(p);
		errno = err;
		return NULL;
	}
	p[n] = 0;
	*len = n;
	return p;
}

int main(int argc, char **argv)
{
	nf_progname = "clean";
	enum { O_HTML = NF_OPT_TOOL, O_PLAIN, O_KEEP_ALL, O_BLOCKS, O_DAY, O_MONTH };
	static const struct option own[] = {
		{ "html", no_argument, NULL, O_HTML },
		{ "plain", no_argument, NULL, O_PLAIN },
		{ "keep-all", no_argument, NULL, O_KEEP_ALL },
		{ "blocks", no_argument, NULL, O_BLOCKS },
		{ "day-first", no_argument, NULL, O_DAY },
		{ "month-first", no_argument, NULL, O_MONTH },
		{ NULL, 0, NULL, 0 }
	};
	struct option *longopts = nf_longopts(own);
	nf_opts o;
	nf_opts_init(&o);
	o.any_bytes = 1;        /* invalid UTF-8 reaches nf_clean, which repairs it */
	o.pass_through = 1;     /* url, date and the like go on with the article */
	clean_ctx x;
	memset(&x, 0, sizeof x);
	x.opts.day_first = NF_DATE_AUTO;
	int c;
	while ((c = getopt_long(argc, argv, NF_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		if (nf_opts_common(&o, c, optarg))
			continue;
		switch (c) {
		case O_HTML: x.opts.mode = NF_CLEAN_HTML; break;
		case O_PLAIN: x.opts.mode = NF_CLEAN_PLAIN; break;
		case O_KEEP_ALL: x.opts.keep_all = 1; break;
		case O_BLOCKS: x.opts.blocks = 1; break;
		case O_DAY: x.opts.day_first = NF_DATE_DAY_FIRST; break;
		case O_MONTH: x.opts.day_first = NF_DATE_MONTH_FIRST; break;
		case 'h': usage(); free(longopts); return 0;
		case 'V': nf_print_version(); free(longopts); return 0;
		default: free(longopts); return nf_usage_error(usage_line, NULL);
		}
	}
	free(longopts);
	nf_data_dir_set(o.data_dir);
	x.cleaner = nf_cleaner_new();
	static const char *const cols[] = { "id", "title", "date", "author", "description", "text", NULL };
	static const char *const bcols[] = { "id", "block", "class", "kept", "reason", "text", NULL };
	int failed = 0;
	if (optind < argc && o.keep) {
		nf_cleaner_free(x.cleaner);
		return nf_usage_error(usage_line, "--keep needs records on standard input, not FILE operands");
	}
	nf_run *run = nf_run_new(&o, x.opts.blocks ? bcols : cols);
	if (optind == argc) {
		nf_run_files(run, 0, NULL, process, &x);
	} else {
		for (int i = optind; i < argc && !nf_run_stopped(run); i++) {
			size_t len;
			char *p = slurp(argv[i], &len);
			if (!p) {
				nf_warn("%s: %s", argv[i], strerror(errno));
				failed = 1;
				continue;
			}
			nf_doc d = { { argv[i], strlen(argv[i]) }, p, len, argv[i], 1, NULL, NULL, 0 };
			nf_run_doc(run, &d, process, &x);
			free(p);
		}
	}
	int status = nf_run_finish(run);
	nf_run_free(run);
	nf_clean_result_free(&x.res);
	nf_cleaner_free(x.cleaner);
	return status ? status : failed;
}
