/*
 * run_program.h — run a program as a reader would, and keep what it said.
 * For the end-to-end tests: the exit code, stdout and stderr of one run.
 */
#ifndef SGD_TESTS_RUN_PROGRAM_H
#define SGD_TESTS_RUN_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int exit_code; /* 128 + signal number if it was killed by a signal */
    char *out;     /* all of stdout, NUL-terminated */
    char *err;     /* all of stderr */
} ProgramRun;

/* Runs argv[0] (a path, or a name looked up on PATH) with argv (NULL-terminated),
 * stdin from /dev/null.
 * Returns false only if the program could not be started at all. */
bool run_program(const char *const *argv, ProgramRun *run);

/* The same with stdin read from in_path and, unless out_path is NULL, stdout
 * written to out_path (created if need be) instead of kept: run->out is then
 * "". For `--data -`, and for a stdout that fails (/dev/full). */
bool run_program_redirected(const char *const *argv, const char *in_path,
                            const char *out_path, ProgramRun *run);

/* Runs the chapter program build_dir/chapter (e.g. "build", "ch07") as
 * run_program() does, with --out out_dir and then up to eight words
 * (NULL-terminated). */
bool run_chapter_program(const char *build_dir, const char *chapter, const char *out_dir,
                         const char *const *words, ProgramRun *run);

void program_run_free(ProgramRun *run);

/* The last non-empty line of text, copied into line (size bytes). */
void last_line(const char *text, char *line, size_t size);

/* Reads a whole file into a new NUL-terminated string; NULL if unreadable. */
char *read_text_file(const char *path);

/* A new empty folder under /tmp, its path written into path (size bytes). */
bool make_temp_dir(char *path, size_t size);

/* rm -r of a folder made by make_temp_dir. */
void remove_temp_dir(const char *path);

/* A test case's scratch folder, made before each test and removed after:
 * tcase_add_checked_fixture(tc, scratch_make, scratch_remove). A folder
 * that cannot be made aborts the test. */
extern char scratch_dir[64];
void scratch_make(void);
void scratch_remove(void);

/* Writes text to path; false on failure. */
bool write_text_file(const char *path, const char *text);

/* A file's inode and contents, "INODE\nCONTENTS", as a new string: a file
 * replaced by rename() has a new inode, even with the same bytes. NULL if
 * it cannot be read. */
char *fingerprint_file(const char *path);

/* True if folder holds a hidden entry (a temporary file, a set's folder),
 * whose name is then copied into name (size bytes). */
bool find_hidden_entry(const char *folder, char *name, size_t size);

/* True when gnuplot's stderr holds nothing but its note on closing a GIF
 * animation ("75 frames in animation sequence"): no warning, no error. */
bool gnuplot_was_silent(const char *err);

#endif
