/* entities - persons, organisations and places in each document, with canonical names. */
#include "data.h"
#include "ent.h"
#include "run.h"
#include "sent.h"
#include "util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] = "Usage: entities [OPTION]... [FILE]...\n";

static void usage(void)
{
	printf("%s", usage_line);
	printf("Find the persons, organisations and places named in each document: one row per\n"
	       "mention with its byte offsets, its type (PER ORG GPE LOC NORP) and the canonical\n"
	       "name it resolves to in the document (\"Umerov\" -> \"Rustem Umerov\"), plus the role\n"
	       "and affiliation titles give persons and the country a place or demonym refers to.\n"
	       "Reads newsfilter TSV (see newsfilter-tsv(5)) from the FILEs or standard input.\n\n"
	       "  -n, --names FILE     known names (TSV: canonical, type, aliases, affiliation, role)\n"
	       "                       that mentions resolve to, also when misspelt\n"
	       "  -s, --summary        one row per entity and document instead of one per mention\n"
	       "  -t, --types LIST     only these types (comma-separated, e.g. PER,ORG)\n\n");
	printf("%s", nf_common_help);
	printf("\nOutput columns: id sent start end type text canonical role affiliation refers\n"
	       "With --summary: id type canonical count mentions role affiliation refers\n");
}

typedef struct {
	nf_splitter *sp;
	nf_ner *ner;
	int summary;
	int types[NF_NTYPES];
	nf_entities ents;
	nf_span *spans;
	size_t cap;
	nf_buf buf;
} ctx;

static void out_opt(nf_run *run, const char *s)
{
	nf_out_str(run, s ? s : "");
}

static int process(nf_run *run, const nf_doc *doc, void *arg)
{
	ctx *x = arg;
	size_t ns = nf_split(x->sp, doc->text, doc->len, &x->spans, &x->cap);
	nf_ner_run(x->ner, doc->text, doc->len, x->spans, ns, &x->ents);
	const nf_entities *e = &x->ents;
	if (!x->summary) {
		for (size_t i = 0; i < e->n; i++) {
			const nf_mention *m = &e->m[i];
			const nf_cluster *c = &e->c[m->cluster];
			if (!x->types[m->type])
				continue;
			nf_out(run, doc->id.p, doc->id.n);
			nf_out_long(run, m->sent);
			nf_out_long(run, (long)m->start);
			nf_out_long(run, (long)m->end);
			nf_out_str(run, nf_type_name[m->type]);
			nf_out(run, doc->text + m->start, m->end - m->start);
			out_opt(run, c->canonical);
			out_opt(run, c->role);
			out_opt(run, c->affiliation);
			out_opt(run, c->refers);
			nf_out_end(run);
		}
		return 0;
	}
	for (size_t ci = 0; ci < e->nc; ci++) {
		const nf_cluster *c = &e->c[ci];
		if (!x->types[c->type])
			continue;
		long count = 0;
		nf_buf_clear(&x->buf);
		for (size_t i = 0; i < e->n; i++) {
			const nf_mention *m = &e->m[i];
			if ((size_t)m->cluster != ci)
				continue;
			count++;
			/* distinct surface forms, in order of appearance */
			const char *s = doc->text + m->start;
			size_t n = m->end - m->start, seen = 0;
			for (size_t j = 0; j < i && !seen; j++) {
				const nf_mention *p = &e->m[j];
				seen = (size_t)p->cluster == ci && p->end - p->start == n &&
				       memcmp(doc->text + p->start, s, n) == 0;
			}
			if (seen)
				continue;
			if (x->buf.n)
				nf_buf_add(&x->buf, " | ", 3);
			nf_buf_add(&x->buf, s, n);
		}
		nf_out(run, doc->id.p, doc->id.n);
		nf_out_str(run, nf_type_name[c->type]);
		out_opt(run, c->canonical);
		nf_out_long(run, count);
		nf_out(run, x->buf.p ? x->buf.p : "", x->buf.n);
		out_opt(run, c->role);
		out_opt(run, c->affiliation);
		out_opt(run, c->refers);
		nf_out_end(run);
	}
	return 0;
}

static int parse_types(int *types, const char *list)
{
	memset(types, 0, NF_NTYPES * sizeof *types);
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ",");
		int found = 0;
		for (int t = 0; t < NF_NTYPES; t++)
			if (strlen(nf_type_name[t]) == n && strncmp(nf_type_name[t], p, n) == 0)
				types[t] = found = 1;
		if (!found)
			return -1;
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	nf_progname = "entities";
	static const struct option own[] = {
		{ "names", required_argument, NULL, 'n' },
		{ "summary", no_argument, NULL, 's' },
		{ "types", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct option *longopts = nf_longopts(own);
	nf_opts o;
	nf_opts_init(&o);
	ctx x;
	memset(&x, 0, sizeof x);
	for (int t = 0; t < NF_NTYPES; t++)
		x.types[t] = 1;
	int c;
	const char *names = NULL;
	while ((c = getopt_long(argc, argv, NF_COMMON_SHORTOPTS "n:st:", longopts, NULL)) != -1) {
		if (nf_opts_common(&o, c, optarg))
			continue;
		switch (c) {
		case 'n': names = optarg; break;
		case 's': x.summary = 1; break;
		case 't':
			if (parse_types(x.types, optarg) < 0) {
				free(longopts);
				return nf_usage_error(usage_line, "unknown type in '%s' (PER ORG GPE LOC NORP)", optarg);
			}
			break;
		case 'h': usage(); free(longopts); return 0;
		case 'V': nf_print_version(); free(longopts); return 0;
		default: free(longopts); return nf_usage_error(usage_line, NULL);
		}
	}
	free(longopts);
	nf_data_dir_set(o.data_dir);
	x.sp = nf_splitter_new(NULL, 0);
	x.ner = nf_ner_new();
	if (names && nf_ner_load_names(x.ner, names) < 0) {
		nf_warn("%s: %s", names, strerror(errno));
		nf_ner_free(x.ner);
		nf_splitter_free(x.sp);
		return 1;
	}
	static const char *const cols[] = { "id", "sent", "start", "end", "type", "text", "canonical",
		"role", "affiliation", "refers", NULL };
	static const char *const scols[] = { "id", "type", "canonical", "count", "mentions", "role",
		"affiliation", "refers", NULL };
	nf_run *run = nf_run_new(&o, x.summary ? scols : cols);
	nf_run_files(run, argc - optind, argv + optind, process, &x);
	int status = nf_run_finish(run);
	nf_run_free(run);
	nf_entities_free(&x.ents);
	free(x.spans);
	nf_buf_free(&x.buf);
	nf_ner_free(x.ner);
	nf_splitter_free(x.sp);
	return status;
}
