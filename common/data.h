/* data.h - finding and loading the data files the tools need (word lists, gazetteers, cues).
 * A data file is TSV: the stamp line "# newsfilter-data 1", '#' comment lines (source,
 * licence), a header row, then rows (newsfilter-tsv(5)). Loading problems are fatal and name
 * the file; what is loaded lives until exit. */
#ifndef NF_DATA_H
#define NF_DATA_H
#include "hash.h"
#include "rec.h"

/* The first line of every data file: NF_DATA_STAMP, a space, the format version. A loader
 * refuses another version (older ones are converted by their generator, not guessed at). */
#define NF_DATA_STAMP "# newsfilter-data"
#define NF_DATA_VERSION 1

/* Sets the directory given by --data (NULL: $NEWSFILTER_DATA, the build tree's data/,
 * or the installed share/newsfilter, in that order). */
void nf_data_dir_set(const char *dir);
const char *nf_data_dir(void);

typedef void (*nf_data_row_fn)(const nf_str *fields, size_t n, long line, void *arg);
/* A row's fields may be read NF_DATA_PAD bytes past their ends (whole words at a time). */
#define NF_DATA_PAD 16
/* Reads data file name (version stamp checked); its header must begin with the
 * tab-separated columns given. */
void nf_data_load(const char *name, const char *columns, nf_data_row_fn fn, void *arg);
/* nf_data_load, the file's buffer kept (added to the list *keep): each row's fields are
 * NUL-terminated in place before fn sees them, and stay valid (as strings fn may keep) until
 * nf_data_kept_free(*keep). For big lists whose strings would otherwise be copied one by one. */
typedef struct nf_data_kept nf_data_kept;
void nf_data_load_kept(const char *name, const char *columns, nf_data_row_fn fn, void *arg, nf_data_kept **keep);
void nf_data_kept_free(nf_data_kept *keep);
/* The first column of a data file as a set (values NULL); lower: fold ASCII case. */
nf_map *nf_data_set(const char *name, const char *columns, int lower);

#endif
