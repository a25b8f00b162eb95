/* stance - each actor's position (FAVOR, AGAINST, NEUTRAL) on one or more targets, with the
 * evidence sentence and the cues that decided it. */
#include "data.h"
#include "run.h"
#include "stance.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_line[] = "Usage: stance (-t TARGET | -T FILE)... [OPTION]... [FILE]...\n";

static void usage(void)
{
	printf("%s", usage_line);
	printf("Find who is for and who is against each target in each document: one row per\n"
	       "actor and target with the strongest evidence sentence. Actors are speakers of quotes,\n"
	       "subjects of reporting and position verbs, and sources named by \"according to\";\n"
	       "the countries and organisations they speak for come from their titles. Reads\n"
	       "newsfilter TSV (see newsfilter-tsv(5)): whole documents or sentence rows.\n\n"
	       "  -t, --target TEXT    a target in words (\"Ukraine joining NATO\"); expanded into the\n"
	       "                       aliases of the countries and organisations it names and the\n"
	       "                       variants of its relation word; may be repeated\n"
	       "  -T, --targets FILE   targets with PCRE2 patterns, synonyms and opposites, rows\n"
	       "                       TARGET<TAB>KIND<TAB>VALUE (kinds: expand synonym pattern\n"
	       "                       opposite noexpand); may be repeated\n"
	       "  -a, --author         the article's own voice counts, as the actor \"author\"\n"
	       "  -b, --by WHAT        actor (default) or affiliation: roll persons up into the\n"
	       "                       countries and organisations they speak for\n"
	       "  -e, --explain        add a column listing every statement behind each verdict\n"
	       "  -d, --dot            write the actor-target network as Graphviz DOT instead of TSV\n\n");
	printf("%s", nf_common_help);
	printf("\nOutput columns: id target actor affiliation stance score evidence start end cues\n"
	       "[explain]\n");
}

typedef struct {
	nf_stancer *st;
	nf_stances res;
	int explain, dot;
	FILE *dotf;                       /* --dot: the real standard output */
	char **seen; size_t nseen, cap;   /* DOT edges already written */
} ctx;

static void dot_edge(ctx *c, const char *actor, const char *target, int stance)
{
	size_t n = strlen(actor) + strlen(target) + 4;
	char *key = nf_xmalloc(n);
	snprintf(key, n, "%s\t%s\t%d", actor, target, stance);
	for (size_t i = 0; i < c->nseen; i++)
		if (strcmp(c->seen[i], key) == 0) { free(key); return; }
	nf_grow((void **)&c->seen, &c->cap, c->nseen + 1, sizeof *c->seen);
	c->seen[c->nseen++] = key;
	static const char *const color[] = { "darkgreen", "red", "gray50" };
	FILE *f = c->dotf;
	fputs("  \"", f);
	for (const char *p = actor; *p; p++) { if (*p == '"' || *p == '\\') fputc('\\', f); fputc(*p, f); }
	fputs("\" -> \"", f);
	for (const char *p = target; *p; p++) { if (*p == '"' || *p == '\\') fputc('\\', f); fputc(*p, f); }
	fprintf(f, "\" [color=%s, label=\"%s\"];\n", color[stance], nf_stance_name[stance]);
}

static int process(nf_run *run, const nf_doc *doc, void *arg)
{
	ctx *c = arg;
	nf_stance_run(c->st, doc->text, doc->len, &c->res);
	if (c->res.error)
		nf_run_error(run, "%s; this document's verdicts may be incomplete", c->res.error);
	for (size_t i = 0; i < c->res.n; i++) {
		const nf_stance *r = &c->res.r[i];
		const char *tname = nf_stancer_target(c->st, (size_t)r->target);
		if (c->dot) {
			dot_edge(c, r->actor, tname, r->stance);
			continue;
		}
		nf_out(run, doc->id.p, doc->id.n);
		nf_out_str(run, tname);
		nf_out_str(run, r->actor);
		nf_out_str(run, r->affiliation);
		nf_out_str(run, nf_stance_name[r->stance]);
		nf_out_double(run, r->score);
		nf_out(run, doc->text + r->start, r->end - r->start);
		nf_out_long(run, (long)r->start);
		nf_out_long(run, (long)r->end);
		nf_out_str(run, r->cues);
		if (c->explain)
			nf_out_str(run, r->explain);
		nf_out_end(run);
	}
	return 0;               /* a pattern error is reported, not a skip: the rows stand */
}

int main(int argc, char **argv)
{
	nf_progname = "stance";
	static const struct option own[] = {
		{ "target", required_argument, NULL, 't' },
		{ "targets", required_argument, NULL, 'T' },
		{ "author", no_argument, NULL, 'a' },
		{ "by", required_argument, NULL, 'b' },
		{ "explain", no_argument, NULL, 'e' },
		{ "dot", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct option *longopts = nf_longopts(own);
	nf_opts o;
	nf_opts_init(&o);
	int author = 0, by_affil = 0, c;
	ctx cx = { 0 };
	const char **tt = nf_xcalloc((size_t)argc + 1, sizeof *tt), **tf = nf_xcalloc((size_t)argc + 1, sizeof *tf);
	size_t ntt = 0, ntf = 0;
	while ((c = getopt_long(argc, argv, NF_COMMON_SHORTOPTS "t:T:ab:ed", longopts, NULL)) != -1) {
		if (nf_opts_common(&o, c, optarg))
			continue;
		switch (c) {
		case 't':
			if (!*optarg) { free(longopts); free(tt); free(tf); return nf_usage_error(usage_line, "empty target"); }
			tt[ntt++] = optarg; break;
		case 'T': tf[ntf++] = optarg; break;
		case 'a': author = 1; break;
		case 'b':
			if (strcmp(optarg, "affiliation") == 0) by_affil = 1;
			else if (strcmp(optarg, "actor") == 0) by_affil = 0;
			else {
				free(longopts); free(tt); free(tf);
				return nf_usage_error(usage_line, "--by takes 'actor' or 'affiliation', not '%s'", optarg);
			}
			break;
		case 'e': cx.explain = 1; break;
		case 'd': cx.dot = 1; break;
		case 'h': usage(); free(longopts); free(tt); free(tf); return 0;
		case 'V': nf_print_version(); free(longopts); free(tt); free(tf); return 0;
		default: free(longopts); free(tt); free(tf); return nf_usage_error(usage_line, NULL);
		}
	}
	free(longopts);
	if (ntt + ntf == 0) {
		free(tt); free(tf);
		return nf_usage_error(usage_line, "no target: give -t TEXT or -T FILE");
	}
	nf_data_dir_set(o.data_dir);
	cx.st = nf_stancer_new();
	for (size_t i = 0; i < ntt; i++)
		nf_stancer_add_target(cx.st, tt[i]);
	for (size_t i = 0; i < ntf; i++) {
		char err[512];
		if (nf_stancer_load_targets(cx.st, tf[i], err, sizeof err) < 0) {
			nf_warn("%s", err);
			nf_stancer_free(cx.st);
			free(tt); free(tf);
			return 2;
		}
	}
	nf_stancer_options(cx.st, author, by_affil);
	static const char *const cols[] = { "id", "target", "actor", "affiliation", "stance", "score",
					    "evidence", "start", "end", "cues", NULL };
	static const char *const cols_x[] = { "id", "target", "actor", "affiliation", "stance", "score",
					      "evidence", "start", "end", "cues", "explain", NULL };
	if (cx.dot) {
		/* the DOT graph goes to standard output; the record writer's header goes nowhere */
		int fd = dup(STDOUT_FILENO);
		cx.dotf = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (!cx.dotf || !freopen("/dev/null", "w", stdout))
			nf_die("cannot set up --dot output");
		fprintf(cx.dotf, "digraph stance {\n  rankdir=LR;\n  node [shape=box];\n");
	}
	nf_run *run = nf_run_new(&o, cx.explain ? cols_x : cols);
	nf_run_files(run, argc - optind, argv + optind, process, &cx);
	int status = nf_run_finish(run);
	if (cx.dot) {
		fprintf(cx.dotf, "}\n");
		if (fclose(cx.dotf) != 0 && status == 0) {
			nf_warn("write error on standard output");
			status = 1;
		}
	}
	nf_run_free(run);
	nf_stances_free(&cx.res);
	nf_stancer_free(cx.st);
	for (size_t i = 0; i < cx.nseen; i++) free(cx.seen[i]);
	free(cx.seen);
	free(tt); free(tf);
	return status;
}
