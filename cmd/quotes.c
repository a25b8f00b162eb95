/* quotes - find quotations and reported speech in documents, with their speakers. */
#include "data.h"
#include "ent.h"
#include "quote.h"
#include "run.h"
#include "sent.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

static const char usage_line[] = "Usage: quotes [OPTION]... [FILE]...\n";

static void usage(void)
{
	printf("%s", usage_line);
	printf("Find the quotations (in any style of quote marks) and the reported speech of each\n"
	       "document, and who said them: one output row per quote, with its byte offsets and its\n"
	       "speaker's canonical name. Reads newsfilter TSV (see newsfilter-tsv(5)) from the FILEs\n"
	       "or standard input: whole documents or the sentence rows of sentences(1).\n\n"
	       "  -d, --direct-only    leave out indirect (reported) speech\n"
	       "  -s, --scare          also print scare quotes and titles (type scare)\n"
	       "  -a, --attributed     print only quotes whose speaker was found\n\n");
	printf("%s", nf_common_help);
	printf("\nOutput columns: id quote type start end speaker mention cue text sent spans role\n"
	       "affiliation content_start content_end\n");
}

typedef struct {
	nf_splitter *sp;
	nf_ner *ner;
	nf_quoter *qt;
	int direct_only, attributed;
	nf_span *spans;
	size_t cap;
	nf_entities ents;
	nf_quotes q;
	nf_buf b;
	char *spans_col;       /* the spans column's bytes */
	size_t spans_cap;
	size_t type_len[sizeof nf_quote_type_name / sizeof *nf_quote_type_name];   /* (their lengths: no strlen a row) */
} state;

static int process(nf_run *run, const nf_doc *doc, void *arg)
{
	state *st = arg;
	size_t n = nf_split(st->sp, doc->text, doc->len, &st->spans, &st->cap);
	nf_ner_run(st->ner, doc->text, doc->len, st->spans, n, &st->ents);
	nf_quotes_run(st->qt, doc->text, doc->len, st->spans, n, &st->ents, &st->q);
	long k = 0;
	for (size_t i = 0; i < st->q.n; i++) {
		const nf_quote *q = &st->q.q[i];
		if (st->direct_only && q->type == NF_Q_INDIRECT)
			continue;
		if (st->attributed && !q->speaker)
			continue;
		/* the text: one fragment's bytes are the document's, written from there (nf_quote_text
		 * joins two or more) */
		const char *text = doc->text + (q->nfrag ? q->frag[0].start : 0);
		size_t text_n = q->nfrag ? q->frag[0].end - q->frag[0].start : 0;
		if (q->nfrag != 1) {
			nf_buf_clear(&st->b);
			nf_quote_text(st->qt, doc->text, q, &st->b);
			text = st->b.p, text_n = st->b.n;
		}
		/* the spans, ",START-END" a fragment, written in place (no printf, no copy) */
		enum { FRAG_MAX = 2 + 2 * 21 };   /* ',' '-' and two numbers of rec_long_at */
		nf_grow((void **)&st->spans_col, &st->spans_cap, FRAG_MAX * q->nfrag + 1, 1);
		char *d = st->spans_col;
		for (size_t f = 0; f < q->nfrag; f++) {
			if (f)
				*d++ = ',';
			d = rec_long_at(d, (long)q->frag[f].start);
			*d++ = '-';
			d = rec_long_at(d, (long)q->frag[f].end);
		}
		rec_field row[] = {
			REC_BYTES(doc->id.p, doc->id.n), REC_LONG(++k), REC_BYTES(nf_quote_type_name[q->type], st->type_len[q->type]),
			REC_LONG((long)q->start), REC_LONG((long)q->end), REC_STR(q->speaker), REC_STR(q->mention),
			REC_STR(q->cue), REC_BYTES(text, text_n), REC_LONG(q->sent),
			REC_BYTES(st->spans_col, (size_t)(d - st->spans_col)), REC_STR(q->role), REC_STR(q->affiliation),
			REC_LONG((long)q->content_start), REC_LONG((long)q->content_end),
		};
		nf_out_fields(run, row, sizeof row / sizeof *row);
		nf_out_end(run);
	}
	return 0;
}

int main(int argc, char **argv)
{
	nf_progname = "quotes";
	static const struct option own[] = {
		{ "direct-only", no_argument, NULL, 'd' },
		{ "scare", no_argument, NULL, 's' },
		{ "attributed", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct option *longopts = nf_longopts(own);
	nf_opts o;
	nf_opts_init(&o);
	state st;
	memset(&st, 0, sizeof st);
	for (size_t t = 0; t < sizeof st.type_len / sizeof *st.type_len; t++)
		st.type_len[t] = strlen(nf_quote_type_name[t]);
	int scare = 0, c;
	while ((c = getopt_long(argc, argv, NF_COMMON_SHORTOPTS "dsa", longopts, NULL)) != -1) {
		if (nf_opts_common(&o, c, optarg))
			continue;
		switch (c) {
		case 'd': st.direct_only = 1; break;
		case 's': scare = 1; break;
		case 'a': st.attributed = 1; break;
		case 'h': usage(); free(longopts); return 0;
		case 'V': nf_print_version(); free(longopts); return 0;
		default: free(longopts); return nf_usage_error(usage_line, NULL);
		}
	}
	free(longopts);
	nf_data_dir_set(o.data_dir);
	st.sp = nf_splitter_new(NULL, 0);
	st.ner = nf_ner_new();
	st.qt = nf_quoter_new();
	nf_quoter_set_ner(st.qt, st.ner);
	nf_quoter_set_scare(st.qt, scare);
	static const char *const cols[] = { "id", "quote", "type", "start", "end", "speaker", "mention", "cue",
		"text", "sent", "spans", "role", "affiliation", "content_start", "content_end", NULL };
	nf_run *run = nf_run_new(&o, cols);
	nf_run_files(run, argc - optind, argv + optind, process, &st);
	int status = nf_run_finish(run);
	nf_run_free(run);
	nf_quotes_free(&st.q);
	nf_entities_free(&st.ents);
	nf_buf_free(&st.b);
	free(st.spans_col);
	free(st.spans);
	nf_quoter_free(st.qt);
	nf_ner_free(st.ner);
	nf_splitter_free(st.sp);
	return status;
}
