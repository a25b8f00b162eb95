/* run.h - the loop every tool shares: its common options, reading records, grouping rows into
 * documents, and writing output rows with the kept columns.
 * A document passed to a tool's callback is borrowed: valid during that call only. */
#ifndef NF_RUN_H
#define NF_RUN_H
#include "rec.h"
#include <getopt.h>

typedef struct {
	int csv_in, csv_out, strict, progress;
	int no_header;                 /* --no-header: write no header row (for parallel --pipe) */
	int pass_through;              /* copy every input column but id and text (clean) */
	int any_bytes;                 /* accept invalid UTF-8 (clean repairs it itself) */
	const char *id_col;            /* --id, default "id" */
	const char *text_col;          /* -f, default "text" */
	const char *keep;              /* --keep, comma-separated column names */
	const char *rejects;           /* --rejects FILE */
	const char *data_dir;          /* --data DIR */
} nf_opts;

typedef struct {
	nf_str id;
	const char *text;              /* the document's text, NUL-terminated */
	size_t len;
	const char *file;              /* input name and line where the document starts */
	long line;
	const nf_str *header, *row;    /* input header and the document's first row */
	size_t ncols;
} nf_doc;

typedef struct nf_run nf_run;
/* Processes one document; returns 0, or nonzero after reporting with nf_run_error. */
typedef int (*nf_doc_fn)(nf_run *run, const nf_doc *doc, void *arg);

/* The options every tool takes. Long-only options use codes from 256 up. */
enum { NF_OPT_CSV = 256, NF_OPT_OUTPUT_CSV, NF_OPT_ID, NF_OPT_KEEP, NF_OPT_REJECTS,
       NF_OPT_STRICT, NF_OPT_DATA, NF_OPT_PROGRESS, NF_OPT_NO_HEADER, NF_OPT_TOOL = 300 };
#define NF_COMMON_SHORTOPTS "f:hV"
extern const char nf_common_help[];   /* help text for the common options */
void nf_opts_init(nf_opts *o);
/* Merges the tool's own long options with the common ones (caller frees). */
struct option *nf_longopts(const struct option *own);
/* Applies a common option; returns 1 if c was one, 0 otherwise. */
int nf_opts_common(nf_opts *o, int c, const char *arg);
/* Prints "usage" and "Try 'TOOL --help'" on stderr; returns 2 for main to exit with. */
int nf_usage_error(const char *usage, const char *fmt, ...);
void nf_print_version(void);

/* cols: output column names (NULL-terminated); the --keep columns follow them. */
nf_run *nf_run_new(const nf_opts *o, const char *const *cols);
/* Reads each file (stdin when n == 0 or for "-") as records and calls fn per document. */
void nf_run_files(nf_run *run, int n, char **files, nf_doc_fn fn, void *arg);
/* Calls fn on a document the tool built itself (clean's raw file operands). */
void nf_run_doc(nf_run *run, const nf_doc *doc, nf_doc_fn fn, void *arg);
/* Flushes output and reports skipped records; returns the exit status (0 or 1). */
int nf_run_finish(nf_run *run);
void nf_run_free(nf_run *run);
int nf_run_stopped(const nf_run *run);   /* --strict and a problem was seen, or output failed */

/* Output: fields of one row in column order, then nf_out_end (adds the kept columns). */
void nf_out(nf_run *run, const char *p, size_t n);
void nf_out_str(nf_run *run, const char *s);
void nf_out_long(nf_run *run, long v);
void nf_out_double(nf_run *run, double v);
/* Fields f[0, n) at once (see rec_put_row): a row's columns with one call. */
void nf_out_fields(nf_run *run, const rec_field *f, size_t n);
void nf_out_end(nf_run *run);
/* Reports a problem with the current document as "tool: file:line: ..." and counts it. */
void nf_run_error(nf_run *run, const char *fmt, ...);
const nf_opts *nf_run_opts(const nf_run *run);

#endif
