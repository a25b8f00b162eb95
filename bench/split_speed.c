/* split_speed - times nf_split alone (CPU time) over the texts of a newsfilter TSV held in
 * memory (no record I/O, no output): the splitter's own throughput. usage: split_speed FILE.tsv */
#include "sent.h"
#include "util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
	nf_progname = "split_speed";
	if (argc != 2)
		nf_die("usage: split_speed FILE.tsv");
	FILE *f = fopen(argv[1], "r");
	if (!f)
		nf_die("%s: cannot open", argv[1]);
	nf_buf all = { 0 };
	size_t *off = NULL, noff = 0, capoff = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int first = 1;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (first) { first = 0; continue; }
		char *t = memchr(line, '\t', (size_t)n);
		if (!t)
			continue;
		nf_grow((void **)&off, &capoff, noff + 1, sizeof *off);
		off[noff++] = all.n;
		for (char *p = t + 1; p < line + n && *p != '\n'; p++) {
			if (*p == '\\' && p + 1 < line + n && strchr("tnr\\", p[1])) {
				p++;
				nf_buf_addc(&all, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : '\\');
			} else
				nf_buf_addc(&all, *p);
		}
	}
	fclose(f);
	free(line);
	nf_grow((void **)&off, &capoff, noff + 1, sizeof *off);
	off[noff] = all.n;
	nf_splitter *s = nf_splitter_new(NULL, 0);
	nf_span *sp = NULL;
	size_t spcap = 0, total = 0;
	struct timespec a, b;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	for (size_t i = 0; i < noff; i++)
		total += nf_split(s, all.p + off[i], off[i + 1] - off[i], &sp, &spcap);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	double sec = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	printf("%.1f\t%.3f\t%zu\n", (double)all.n / 1e6, sec, total);
	free(sp);
	free(off);
	nf_buf_free(&all);
	nf_splitter_free(s);
	return 0;
}
