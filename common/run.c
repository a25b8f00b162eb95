/* run.c - common options, grouping rows into documents, output with kept columns. */
#include "run.h"
#include "util.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef NF_VERSION
#define NF_VERSION "0.1"
#endif

const char nf_common_help[] =
	"Common options:\n"
	"  -f, --field NAME     column holding the text (default: text)\n"
	"      --id NAME        column identifying documents (default: id; without it, the row number)\n"
	"      --keep COLS      copy these input columns (comma-separated) onto every output row\n"
	"      --csv            read RFC 4180 CSV instead of TSV\n"
	"      --output-csv     write CSV instead of TSV\n"
	"      --no-header      write no header row (for chunks under parallel --pipe)\n"
	"      --rejects FILE   write every skipped input record to FILE, verbatim\n"
	"      --strict         stop at the first malformed record\n"
	"      --data DIR       read data files from DIR (default: $NEWSFILTER_DATA, then the build\n"
	"                       tree's data/, then the installed share/newsfilter)\n"
	"      --progress       report documents and MB/s on stderr every second (terminal only)\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n";

static const struct option common_longopts[] = {
	{ "field", required_argument, NULL, 'f' },
	{ "id", required_argument, NULL, NF_OPT_ID },
	{ "keep", required_argument, NULL, NF_OPT_KEEP },
	{ "csv", no_argument, NULL, NF_OPT_CSV },
	{ "output-csv", no_argument, NULL, NF_OPT_OUTPUT_CSV },
	{ "no-header", no_argument, NULL, NF_OPT_NO_HEADER },
	{ "rejects", required_argument, NULL, NF_OPT_REJECTS },
	{ "strict", no_argument, NULL, NF_OPT_STRICT },
	{ "data", required_argument, NULL, NF_OPT_DATA },
	{ "progress", no_argument, NULL, NF_OPT_PROGRESS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

void nf_opts_init(nf_opts *o)
{
	memset(o, 0, sizeof *o);
	o->id_col = "id";
	o->text_col = "text";
}

struct option *nf_longopts(const struct option *own)
{
	size_t a = 0, b = 0;
	while (own && own[a].name)
		a++;
	while (common_longopts[b].name)
		b++;
	struct option *all = nf_xcalloc(a + b + 1, sizeof *all);
	if (a)
		memcpy(all, own, a * sizeof *all);
	memcpy(all + a, common_longopts, (b + 1) * sizeof *all);
	return all;
}

int nf_opts_common(nf_opts *o, int c, const char *arg)
{
	switch (c) {
	case 'f': o->text_col = arg; return 1;
	case NF_OPT_ID: o->id_col = arg; return 1;
	case NF_OPT_KEEP: o->keep = arg; return 1;
	case NF_OPT_CSV: o->csv_in = 1; return 1;
	case NF_OPT_OUTPUT_CSV: o->csv_out = 1; return 1;
	case NF_OPT_NO_HEADER: o->no_header = 1; return 1;
	case NF_OPT_REJECTS: o->rejects = arg; return 1;
	case NF_OPT_STRICT: o->strict = 1; return 1;
	case NF_OPT_DATA: o->data_dir = arg; return 1;
	case NF_OPT_PROGRESS: o->progress = 1; return 1;
	}
	return 0;
}

int nf_usage_error(const char *usage, const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		fprintf(stderr, "%s: ", nf_progname);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		va_end(ap);
	}
	fprintf(stderr, "%s", usage);
	fprintf(stderr, "Try '%s --help' for more information.\n", nf_progname);
	return 2;
}

void nf_print_version(void) { printf("%s (newsfilter) %s\n", nf_progname, NF_VERSION); }

/* ---- the run ---- */

struct nf_run {
	nf_opts o;
	rec_writer *out;
	FILE *rejects;
	const char *const *cols;
	size_t ncols_out;
	/* kept columns of the current document */
	char **keep_names; size_t nkeep;
	size_t nkeep_asked;        /* the --keep ones; pass-through columns follow them */
	int header_done;
	nf_buf keep_vals;          /* values of the current document, back to back */
	size_t *keep_off;          /* nkeep+1 offsets into keep_vals */
	/* the current input file */
	const char *file;
	long doc_line;
	long errors, skipped, docs;
	int stopped, io_failed;
	/* progress */
	double bytes;
	time_t t0, last;
};

static char **split_commas(const char *s, size_t *n)
{
	size_t cap = 4, k = 0;
	char **v = nf_xmalloc(cap * sizeof *v);
	while (s && *s) {
		const char *e = strchr(s, ',');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (k == cap)
			v = nf_xrealloc(v, (cap *= 2) * sizeof *v);
		v[k++] = nf_xstrndup(s, len);
		s = e ? e + 1 : NULL;
	}
	*n = k;
	return v;
}

/* The header: the tool's columns, then the kept ones. With pass_through it waits for the
 * first input header, whose other columns join the kept ones. */
static void write_header(nf_run *r)
{
	if (r->header_done)
		return;
	r->header_done = 1;
	if (r->o.no_header)
		return;
	for (size_t i = 0; i < r->ncols_out; i++)
		rec_put_str(r->out, r->cols[i]);
	for (size_t i = 0; i < r->nkeep; i++)
		rec_put_str(r->out, r->keep_names[i]);
	rec_end(r->out);
}

nf_run *nf_run_new(const nf_opts *o, const char *const *cols)
{
	nf_run *r = nf_xcalloc(1, sizeof *r);
	r->o = *o;
	r->cols = cols;
	while (cols[r->ncols_out])
		r->ncols_out++;
	r->keep_names = split_commas(o->keep, &r->nkeep);
	r->nkeep_asked = r->nkeep;
	r->keep_off = nf_xcalloc(r->nkeep + 1, sizeof *r->keep_off);
	/* the writer buffers whole rows and hands stdout 64 KB blocks: stdio copying them into a
	 * buffer of its own first would only cost time */
	setvbuf(stdout, NULL, _IONBF, 0);
	r->out = rec_writer_new(stdout, o->csv_out);
	if (o->rejects && !(r->rejects = fopen(o->rejects, "w")))
		nf_die("%s: %s", o->rejects, strerror(errno));
	if (!o->pass_through)
		write_header(r);
	r->t0 = r->last = time(NULL);
	return r;
}

void nf_run_free(nf_run *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nkeep; i++)
		free(r->keep_names[i]);
	free(r->keep_names);
	free(r->keep_off);
	nf_buf_free(&r->keep_vals);
	rec_writer_free(r->out);
	free(r);
}

const nf_opts *nf_run_opts(const nf_run *r) { return &r->o; }
int nf_run_stopped(const nf_run *r) { return r->stopped; }

void nf_out(nf_run *r, const char *p, size_t n) { rec_put(r->out, p, n); }
void nf_out_str(nf_run *r, const char *s) { rec_put(r->out, s ? s : "", s ? strlen(s) : 0); }
void nf_out_long(nf_run *r, long v) { rec_put_long(r->out, v); }
void nf_out_double(nf_run *r, double v) { rec_put_double(r->out, v); }
void nf_out_fields(nf_run *r, const rec_field *f, size_t n) { rec_put_row(r->out, f, n); }

void nf_out_end(nf_run *r)
{
	for (size_t i = 0; i < r->nkeep; i++)
		rec_put(r->out, r->keep_vals.p + r->keep_off[i], r->keep_off[i + 1] - r->keep_off[i]);
	rec_end(r->out);
}

static void vreport(nf_run *r, long line, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s:%ld: ", nf_progname, r->file ? r->file : "-", line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	r->errors++;
	if (r->o.strict)
		r->stopped = 1;
}

static void report(nf_run *r, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(r, line, fmt, ap);
	va_end(ap);
}

void nf_run_error(nf_run *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(r, r->doc_line, fmt, ap);
	va_end(ap);
}

static void progress(nf_run *r, size_t bytes)
{
	r->docs++;
	r->bytes += (double)bytes;
	if (!r->o.progress || (r->docs & 63) || !isatty(2))
		return;
	time_t now = time(NULL);
	if (now == r->last)
		return;
	r->last = now;
	double secs = difftime(now, r->t0);
	fprintf(stderr, "\r%s: %ld documents, %.1f MB, %.1f MB/s ", nf_progname, r->docs,
		r->bytes / 1e6, secs > 0 ? r->bytes / 1e6 / secs : 0.0);
}

void nf_run_doc(nf_run *r, const nf_doc *d, nf_doc_fn fn, void *arg)
{
	if (r->stopped)
		return;
	write_header(r);
	r->doc_line = d->line;
	if (d->file)
		r->file = d->file;
	if (fn(r, d, arg) != 0)
		r->skipped++;
	if (rec_writer_error(r->out))
		r->stopped = 1;                  /* output is lost: reading on would only cost time */
	progress(r, d->len);
}

/* ---- grouping rows into documents ---- */

typedef struct {
	int id, text, start, para;      /* column indexes, -1 when absent */
	int *keep;
} columns;

typedef struct {
	nf_buf id, text;
	nf_buf row_bytes;               /* copy of the first row's fields but the text */
	nf_str *row; size_t row_cap, ncols;
	int text_col;                   /* the first row's text is in text, at text0 (text0n bytes) */
	size_t text0, text0n;
	long line, para, rows;
	int open;
} pending;

static int find_col(const nf_str *h, size_t n, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < n; i++)
		if (h[i].n == len && memcmp(h[i].p, name, len) == 0)
			return (int)i;
	/* a 1-based column number also selects */
	char *end;
	long k = strtol(name, &end, 10);
	if (*name && !*end && k >= 1 && (size_t)k <= n)
		return (int)k - 1;
	return -1;
}

static void pending_start(nf_run *r, pending *p, const columns *c, nf_str *f, size_t nf, long line, long rowno)
{
	nf_buf_clear(&p->id);
	nf_buf_clear(&p->text);
	nf_buf_clear(&p->row_bytes);
	if (c->id >= 0)
		nf_buf_add(&p->id, f[c->id].p, f[c->id].n);
	else
		nf_buf_addf(&p->id, "%ld", rowno);
	/* (the text is not copied twice: the document's copy is the row's, set in pending_flush) */
	for (size_t i = 0; i < nf; i++)
		if ((int)i != c->text)
			nf_buf_add(&p->row_bytes, f[i].p, f[i].n);
	nf_grow((void **)&p->row, &p->row_cap, nf, sizeof *p->row);
	size_t off = 0;
	for (size_t i = 0; i < nf; i++) {
		if ((int)i == c->text)
			continue;
		p->row[i] = (nf_str){ p->row_bytes.p + off, f[i].n };
		off += f[i].n;
	}
	p->ncols = nf;
	p->text_col = c->text;
	p->line = line;
	p->rows = 0;
	p->para = -1;
	p->open = 1;
	nf_buf_clear(&r->keep_vals);
	for (size_t i = 0; i < r->nkeep; i++) {
		r->keep_off[i] = r->keep_vals.n;
		if (c->keep[i] >= 0)
			nf_buf_add(&r->keep_vals, f[c->keep[i]].p, f[c->keep[i]].n);
	}
	r->keep_off[r->nkeep] = r->keep_vals.n;
}

/* Fields are not NUL-terminated, so no strtol. */
static long str_long(nf_str s)
{
	long v = 0;
	size_t i = 0;
	if (s.n == 0)
		return -1;
	for (; i < s.n && s.p[i] >= '0' && s.p[i] <= '9' && v < 1000000000000L; i++)
		v = v * 10 + (s.p[i] - '0');
	return i == s.n ? v : -1;
}

/* Appends one row's text: at its offset for sentence rows, else on a new line. */
static void pending_add(pending *p, const columns *c, nf_str *f)
{
	nf_str t = c->text >= 0 ? f[c->text] : (nf_str){ "", 0 };
	if (c->start >= 0) {
		long start = str_long(f[c->start]);
		long para = c->para >= 0 ? str_long(f[c->para]) : 0;
		if (start >= 0 && (size_t)start > p->text.n) {
			size_t gap = (size_t)start - p->text.n;
			int newpara = p->rows > 0 && para != p->para;
			for (size_t i = 0; i < gap; i++)
				nf_buf_addc(&p->text, newpara && i == 0 ? '\n' : ' ');
		} else if (start < 0 || (size_t)start < p->text.n) {
			nf_buf_addc(&p->text, ' ');       /* no offset, or rows out of order */
		}
		p->para = para;
	} else if (p->rows > 0) {
		nf_buf_addc(&p->text, '\n');
	}
	if (p->rows == 0) {
		p->text0 = p->text.n;
		p->text0n = t.n;
	}
	nf_buf_add(&p->text, t.p, t.n);
	p->rows++;
}

static void pending_flush(nf_run *r, pending *p, nf_str *header, size_t nh, nf_doc_fn fn, void *arg)
{
	if (!p->open)
		return;
	p->open = 0;
	nf_buf_add(&p->text, "", 0);
	if (p->text_col >= 0 && (size_t)p->text_col < p->ncols)
		p->row[p->text_col] = (nf_str){ p->text.p + p->text0, p->text0n };
	nf_doc d = { { p->id.p, p->id.n }, p->text.p, p->text.n, r->file, p->line, header, p->row, nh };
	nf_run_doc(r, &d, fn, arg);
}

/* Every input column but the id, the text and the --keep ones is kept too (after them). */
static void add_pass_through(nf_run *r, const nf_str *h, size_t nh, const columns *c)
{
	for (size_t i = 0; i < nh; i++) {
		if ((int)i == c->id || (int)i == c->text)
			continue;
		int dup = 0;
		for (size_t k = 0; k < r->nkeep && !dup; k++)
			dup = strlen(r->keep_names[k]) == h[i].n && memcmp(r->keep_names[k], h[i].p, h[i].n) == 0;
		for (size_t k = 0; k < r->ncols_out && !dup; k++)
			dup = strlen(r->cols[k]) == h[i].n && memcmp(r->cols[k], h[i].p, h[i].n) == 0;
		if (dup)
			continue;
		r->keep_names = nf_xrealloc(r->keep_names, (r->nkeep + 1) * sizeof *r->keep_names);
		r->keep_names[r->nkeep++] = nf_xstrndup(h[i].p, h[i].n);
	}
	r->keep_off = nf_xrealloc(r->keep_off, (r->nkeep + 1) * sizeof *r->keep_off);
}

static void reject(nf_run *r, const nf_str *raw)
{
	if (r->rejects && raw->n)
		fwrite(raw->p, 1, raw->n, r->rejects);
}

static void run_file(nf_run *r, FILE *f, const char *name, nf_doc_fn fn, void *arg)
{
	int flags = (r->o.csv_in ? REC_CSV : 0) | (r->o.any_bytes ? REC_ANY_BYTES : 0);
	rec_reader *rd = rec_open(f, name, flags);
	r->file = name;
	nf_str *fld, *header = NULL;
	size_t nf, nh = 0;
	nf_buf hbytes = { 0 };
	columns c = { -1, -1, -1, -1, NULL };
	pending p = { 0 };
	long rowno = 0;
	int told = 0;   /* a read error was reported with its record */
	int st = rec_next(rd, &fld, &nf);
	if (st == REC_EOF)
		goto done;
	if (st == REC_BAD) {
		report(r, rec_line(rd), "header: %s", rec_error(rd));
		told = rec_io_error(rd) != 0;
		goto done;
	}
	/* keep a copy of the header: the reader's fields are reused */
	for (size_t i = 0; i < nf; i++)
		nf_buf_add(&hbytes, fld[i].p, fld[i].n);
	header = nf_xcalloc(nf, sizeof *header);
	for (size_t i = 0, off = 0; i < nf; off += fld[i].n, i++)
		header[i] = (nf_str){ hbytes.p + off, fld[i].n };
	nh = nf;
	if (r->rejects) {
		nf_str raw = rec_raw(rd);
		reject(r, &raw);
	}
	c.id = find_col(header, nh, r->o.id_col);
	c.text = find_col(header, nh, r->o.text_col);
	c.start = find_col(header, nh, "start");
	c.para = find_col(header, nh, "para");
	if (c.text < 0) {
		report(r, 1, "no column '%s' in the header (choose one with -f)", r->o.text_col);
		goto done;
	}
	if (r->o.pass_through && !r->header_done)
		add_pass_through(r, header, nh, &c);
	write_header(r);
	c.keep = nf_xcalloc(r->nkeep + 1, sizeof *c.keep);
	for (size_t i = 0; i < r->nkeep; i++)
		if ((c.keep[i] = find_col(header, nh, r->keep_names[i])) < 0 && i < r->nkeep_asked) {
			report(r, 1, "--keep: no column '%s' in the header", r->keep_names[i]);
			goto done;
		}
	while (!r->stopped && (st = rec_next(rd, &fld, &nf)) != REC_EOF) {
		if (st == REC_BAD) {
			if (r->o.strict)   /* the document read before the problem is whole: write it */
				pending_flush(r, &p, header, nh, fn, arg);
			report(r, rec_line(rd), "%s; record skipped", rec_error(rd));
			r->skipped++;
			nf_str raw = rec_raw(rd);
			reject(r, &raw);
			if (rec_io_error(rd)) {
				told = 1;            /* (the message above says so) */
				break;
			}
			continue;
		}
		rowno++;
		int same = p.open && c.id >= 0 && p.id.n == fld[c.id].n &&
			   memcmp(p.id.p, fld[c.id].p, p.id.n) == 0;
		if (!same) {
			pending_flush(r, &p, header, nh, fn, arg);
			pending_start(r, &p, &c, fld, nf, rec_line(rd), rowno);
		}
		pending_add(&p, &c, fld);
	}
	pending_flush(r, &p, header, nh, fn, arg);
done:
	if (rec_io_error(rd)) {
		if (!told)        /* a read error between lines, or at once */
			nf_warn("%s: read error: %s", name, strerror(rec_io_error(rd)));
		r->io_failed = 1;
	}
	nf_buf_free(&p.id);
	nf_buf_free(&p.text);
	nf_buf_free(&p.row_bytes);
	free(p.row);
	free(c.keep);
	free(header);
	nf_buf_free(&hbytes);
	rec_close(rd);
}

void nf_run_files(nf_run *r, int n, char **files, nf_doc_fn fn, void *arg)
{
	if (n == 0) {
		run_file(r, stdin, "-", fn, arg);
		return;
	}
	for (int i = 0; i < n && !r->stopped; i++) {
		if (strcmp(files[i], "-") == 0) {
			run_file(r, stdin, "-", fn, arg);
			continue;
		}
		FILE *f = fopen(files[i], "rb");
		if (!f) {
			nf_warn("%s: %s", files[i], strerror(errno));
			r->errors++;
			continue;
		}
		run_file(r, f, files[i], fn, arg);
		fclose(f);
	}
}

int nf_run_finish(nf_run *r)
{
	write_header(r);
	if (r->o.progress && isatty(2) && r->docs >= 64)
		fputc('\n', stderr);
	int werr = rec_writer_flush(r->out);
	int status = r->errors || r->io_failed ? 1 : 0;
	if (r->skipped)
		nf_warn("%ld record%s skipped", r->skipped, r->skipped == 1 ? "" : "s");
	if (r->rejects && fclose(r->rejects) != 0) {
		nf_warn("%s: %s", r->o.rejects, strerror(errno));
		status = 1;
	}
	if (werr) {                          /* the errno of the write that failed, not a later one */
		nf_warn("write error: %s", strerror(werr));
		status = 1;
	}
	return status;
}
