/* sentences - split documents into sentences, one row each, with byte offsets. */
#include "data.h"
#include "run.h"
#include "sent.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

static const char usage_line[] = "Usage: sentences [OPTION]... [FILE]...\n";

static void usage(void)
{
	printf("%s", usage_line);
	printf("Split the text of each document into sentences: one output row per sentence with\n"
	       "its byte offsets into the document's text. Reads newsfilter TSV (see\n"
	       "newsfilter-tsv(5)) from the FILEs or standard input.\n\n"
	       "  -a, --abbrev FILE    also treat the abbreviations in FILE as such (one a line,\n"
	       "                       optionally TAB and a class: title, time, number, other)\n"
	       "  -j, --join-lines     a single line break inside a sentence joins the lines\n"
	       "                       (text copied from PDFs); by default every line break ends one\n\n");
	printf("%s", nf_common_help);
	printf("\nOutput columns: id sent start end para text\n");
}

typedef struct {
	nf_splitter *sp;
	int join;
	nf_span *spans;        /* reused from document to document */
	size_t cap;
	char *buf;             /* join_lines: the sentence with its line breaks made spaces */
	size_t bufcap;
} state;

static int process(nf_run *run, const nf_doc *doc, void *arg)
{
	state *st = arg;
	size_t n = nf_split(st->sp, doc->text, doc->len, &st->spans, &st->cap);
	nf_span *spans = st->spans;
	for (size_t i = 0; i < n; i++) {
		nf_out(run, doc->id.p, doc->id.n);
		nf_out_long(run, (long)i + 1);
		nf_out_long(run, (long)spans[i].start);
		nf_out_long(run, (long)spans[i].end);
		nf_out_long(run, spans[i].para);
		const char *p = doc->text + spans[i].start;
		size_t len = spans[i].end - spans[i].start;
		if (st->join && memchr(p, '\n', len)) {
			nf_grow((void **)&st->buf, &st->bufcap, len, 1);
			len = nf_sent_join(p, len, st->buf);
			p = st->buf;
		}
		nf_out(run, p, len);
		nf_out_end(run);
	}
	return 0;
}

int main(int argc, char **argv)
{
	nf_progname = "sentences";
	static const struct option own[] = {
		{ "abbrev", required_argument, NULL, 'a' },
		{ "join-lines", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct option *longopts = nf_longopts(own);
	nf_opts o;
	nf_opts_init(&o);
	const char *abbrev = NULL;
	int join = 0, c;
	while ((c = getopt_long(argc, argv, NF_COMMON_SHORTOPTS "a:j", longopts, NULL)) != -1) {
		if (nf_opts_common(&o, c, optarg))
			continue;
		switch (c) {
		case 'a': abbrev = optarg; break;
		case 'j': join = 1; break;
		case 'h': usage(); free(longopts); return 0;
		case 'V': nf_print_version(); free(longopts); return 0;
		default: free(longopts); return nf_usage_error(usage_line, NULL);
		}
	}
	free(longopts);
	nf_data_dir_set(o.data_dir);
	state st = { nf_splitter_new(abbrev, join), join, NULL, 0, NULL, 0 };
	static const char *const cols[] = { "id", "sent", "start", "end", "para", "text", NULL };
	nf_run *run = nf_run_new(&o, cols);
	nf_run_files(run, argc - optind, argv + optind, process, &st);
	int status = nf_run_finish(run);
	nf_run_free(run);
	nf_splitter_free(st.sp);
	free(st.spans);
	free(st.buf);
	return status;
}
