/* Unit tests for run: a write error stops the run and is reported with its own errno. */
#include "run.h"
#include "tap.h"
#include "util.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int count_doc(nf_run *r, const nf_doc *d, void *arg)
{
	char row[200];
	memset(row, 'w', sizeof row);
	nf_out(r, d->id.p, d->id.n);
	nf_out(r, row, sizeof row);
	nf_out_end(r);
	++*(long *)arg;
	return 0;
}

static void test_write_error(void)
{
	char in[] = "/tmp/nf-test-run-XXXXXX", err[] = "/tmp/nf-test-run-err-XXXXXX";
	int fd = mkstemp(in), efd = mkstemp(err), full = open("/dev/full", O_WRONLY);
	if (fd < 0 || efd < 0 || full < 0) {
		ok(1, "run write error: (no /dev/full or /tmp here)");
		return;
	}
	FILE *f = fdopen(fd, "w");
	fputs("id\ttext\n", f);
	for (int i = 0; i < 5000; i++)
		fprintf(f, "d%d\tSome text.\n", i);
	fclose(f);
	fflush(stdout);
	fflush(stderr);
	int out = dup(1), eout = dup(2);
	dup2(full, 1);
	dup2(efd, 2);
	nf_opts o;
	nf_opts_init(&o);
	static const char *const cols[] = { "id", "x", NULL };
	long docs = 0;
	nf_run *r = nf_run_new(&o, cols);
	char *files[] = { in };
	nf_run_files(r, 1, files, count_doc, &docs);
	int st = nf_run_finish(r);
	nf_run_free(r);
	fflush(stderr);
	dup2(out, 1);
	dup2(eout, 2);
	clearerr(stdout);
	char msg[512] = { 0 };
	ssize_t k = pread(efd, msg, sizeof msg - 1, 0);
	(void)k;
	msg[strcspn(msg, "\n")] = 0;
	ok(st == 1 && strstr(msg, "write error: No space left on device"), "run write error: reported with its errno (%s)", msg);
	ok(docs > 0 && docs < 1000, "run write error: the run stops soon after it (%ld of 5000 documents)", docs);
	close(full);
	close(efd);
	close(out);
	close(eout);
	unlink(in);
	unlink(err);
}

/* A document's row is its first input row, every field as read (the text one too). */
static int check_row(nf_run *r, const nf_doc *d, void *arg)
{
	(void)r;
	static const char *const want[2][5] = { { "a", "x1", "2", "First one.", "y1" }, { "b", "x3", "0", "Other.", "" } };
	int *bad = arg, k = d->id.n == 1 && d->id.p[0] == 'b';
	if (d->ncols != 5) {
		(*bad)++;
		return 0;
	}
	for (size_t i = 0; i < 5; i++)
		*bad += d->row[i].n != strlen(want[k][i]) || memcmp(d->row[i].p, want[k][i], d->row[i].n) != 0;
	*bad += d->header[3].n != 4 || memcmp(d->header[3].p, "text", 4) != 0;
	return 0;
}

static void test_doc_row(void)
{
	char in[] = "/tmp/nf-test-run-XXXXXX";
	int fd = mkstemp(in), null = open("/dev/null", O_WRONLY);
	if (fd < 0 || null < 0) {
		ok(1, "run doc row: (no /tmp here)");
		return;
	}
	FILE *f = fdopen(fd, "w");
	fputs("id\tx\tstart\ttext\ty\na\tx1\t2\tFirst one.\ty1\na\tx2\t13\tSecond.\ty2\nb\tx3\t0\tOther.\t\n", f);
	fclose(f);
	fflush(stdout);
	int out = dup(1);
	dup2(null, 1);
	nf_opts o;
	nf_opts_init(&o);
	static const char *const cols[] = { "id", NULL };
	int bad = 0;
	nf_run *r = nf_run_new(&o, cols);
	char *files[] = { in };
	nf_run_files(r, 1, files, check_row, &bad);
	nf_run_finish(r);
	nf_run_free(r);
	fflush(stdout);
	dup2(out, 1);
	close(out);
	close(null);
	ok(bad == 0, "run doc row: the first row's fields, its text one too (%d differ)", bad);
	unlink(in);
}

int main(void)
{
	nf_progname = "test_run";
	test_write_error();
	test_doc_row();
	return tap_done();
}
