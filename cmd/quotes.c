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
} state;

/* a decimal number into d, without printf (one call per fragment adds up over millions of
 * quotes); returns its length */
static size_t put_num(char *d, size_t v)
{
	char r[24];
	size_t n = 0, k = 0;
	do r[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
	while (n > 0)
		d[k++] = r[--n];
	return k;
}

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
		nf_out(run, doc->id.p, doc->id.n);
		nf_out_long(run, ++k);
		nf_out_str(run, nf_quote_type_name[q->type]);
		nf_out_long(run, (long)q->start);
		nf_out_long(run, (long)q->end);
		nf_out_str(run, q->speaker ? q->speaker : "");
		nf_out_str(run, q->mention ? q->mention : "");
		nf_out_str(run, q->cue ? q->cue : "");
		nf_buf_clear(&st->b);
		nf_quote_text(st->qt, doc->text, q, &st->b);
		nf_out(run, st->b.p, st->b.n);
		nf_out_long(run, q->sent);
		nf_buf_clear(&st->b);
		for (size_t f = 0; f < q->nfrag; f++) {
			char d[64];   /* (",START-END", added at once) */
			size_t m = 0;
			if (f)
				d[m++] = ',';
			m += put_num(d + m, q->frag[f].start);
			d[m++] = '-';
			m += put_num(d + m, q->frag[f].end);
			nf_buf_add(&st->b, d, m);
		}
		nf_out(run, st->b.p, st->b.n);
		nf_out_str(run, q->role ? q->role : "");
		nf_out_str(run, q->affiliation ? q->affiliation : "");
		nf_out_long(run, (long)q->content_start);
		nf_out_long(run, (long)q->content_end);
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
	free(st.spans);
	nf_quoter_free(st.qt);
	nf_ner_free(st.ner);
	nf_splitter_free(st.sp);
	return status;
}
