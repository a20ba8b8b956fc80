/*
 * test_trace.c: --trace FILE, every step at full precision (code/trace.h).
 * The trace of chapter 04 is checked against the steps the library takes
 * on the same data, number for number, and a step of it against the
 * gradient worked out by hand; the other chapters for the rows a step is.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "frame.h" /* A_TRUE, A_START */
#include "rng.h"
#include "sgd.h"
#include "run_program.h"
#include "suites.h" /* last: Check's macros */

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

enum { MAX_ROWS = 2000, MAX_COLUMNS = 60 };

/* A trace read back: its header and its numbers, row by row. */
typedef struct {
    char header[1024];
    size_t rows, columns;
    double cell[MAX_ROWS][MAX_COLUMNS];
} Table;

/* Each field of a row: a number strtod reads whole, and that %.17g writes
 * back the same, so the file held every digit of the double. */
static size_t read_row(char *line, double *cell)
{
    size_t k = 0;
    for (char *field = strtok(line, ",\n"); field != NULL; field = strtok(NULL, ",\n")) {
        char *end, again[32];
        cell[k] = strtod(field, &end);
        ck_assert_msg(*end == '\0', "'%s' is not a number", field);
        snprintf(again, sizeof again, "%.17g", cell[k]);
        ck_assert_msg(strcmp(again, field) == 0, "'%s' is not written as %%.17g", field);
        ck_assert_uint_lt(++k, MAX_COLUMNS);
    }
    return k;
}

static Table *read_table(const char *path)
{
    Table *table = calloc(1, sizeof *table);
    FILE *file = fopen(path, "r");
    ck_assert_msg(file != NULL, "no trace %s", path);
    ck_assert(fgets(table->header, sizeof table->header, file) != NULL);
    char line[4096];
    while (fgets(line, sizeof line, file) != NULL) {
        ck_assert_uint_lt(table->rows, MAX_ROWS);
        size_t columns = read_row(line, table->cell[table->rows]);
        ck_assert_uint_eq(table->cell[table->rows][0], table->rows); /* step 0, 1, ... */
        ck_assert(table->rows == 0 || columns == table->columns);
        table->columns = columns;
        table->rows++;
    }
    fclose(file);
    return table;
}

/* Runs build/CHAPTER WORDS --quiet --out DIR --trace DIR/trace.csv; returns its exit code. */
static int run_traced(const char *chapter, const char *dir, const char *words[], ProgramRun *run)
{
    char program[64], out[128], trace[128];
    snprintf(program, sizeof program, "%s/%s", BUILD_DIR, chapter);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(trace, sizeof trace, "%s/trace.csv", dir);
    const char *argv[16] = {program, "--quiet", "--out", out, "--trace", trace};
    for (int k = 0; words[k] != NULL; k++)
        argv[6 + k] = words[k];
    ck_assert(run_program(argv, run));
    return run->exit_code;
}

/* Runs a chapter traced, expects success, and reads its trace. */
static Table *traced(const char *chapter, const char *words[])
{
    char dir[64], trace[128];
    ck_assert(make_temp_dir(dir, sizeof dir));
    ProgramRun run;
    ck_assert_msg(run_traced(chapter, dir, words, &run) == 0, "%s: %s", chapter, run.err);
    program_run_free(&run);
    snprintf(trace, sizeof trace, "%s/trace.csv", dir);
    Table *table = read_table(trace);
    remove_temp_dir(dir);
    return table;
}

START_TEST(chapter_04_traces_the_steps_the_library_takes)
{
    Table *t = traced("ch04", (const char *[]){"--epochs", "3", NULL});
    ck_assert_str_eq(t->header, "step,loss,a1,a2\n");
    ck_assert_uint_eq(t->rows, 4); /* the start and 3 steps */
    Dataset d;
    Error err;
    Rng rng = rng_seeded(42);
    ck_assert_int_eq(data_synthetic(&d, 100, A_TRUE, &rng, &err), STATUS_OK);
    double a[2] = {A_START[0], A_START[1]};
    for (size_t t_step = 0; t_step < 4; t_step++) {
        double grad[2], loss = loss_and_gradient(d.x, d.y, d.n, a, grad);
        ck_assert(t->cell[t_step][1] == loss); /* every bit: %.17g read back */
        ck_assert(t->cell[t_step][2] == a[0] && t->cell[t_step][3] == a[1]);
        sgd_update(d.x, d.y, d.n, a, 0.1);
    }
    /* Step 1 by hand: a - 0.1 * (2/n) Σ (a·x_i - y_i) x_i from a = (-1, 1). */
    double sum[2] = {0.0, 0.0};
    for (size_t i = 0; i < d.n; i++) {
        double miss = -d.x[2 * i] + 1.0 - d.y[i];
        sum[0] += miss * d.x[2 * i];
        sum[1] += miss;
    }
    ck_assert_double_eq_tol(t->cell[1][2], -1.0 - 0.1 * 2.0 * sum[0] / 100.0, 1e-14);
    ck_assert_double_eq_tol(t->cell[1][3], 1.0 - 0.1 * 2.0 * sum[1] / 100.0, 1e-14);
    data_free(&d);
    free(t);
}
END_TEST

/* What a step is: chapter 08's full batch a row a step; minibatch loops
 * (chapters 05, 07, 09, 10) an update, each epoch's batches one after another. */
START_TEST(a_step_is_an_update_in_a_minibatch_chapter)
{
    struct {
        const char *chapter, *words[8];
        size_t rows, columns;
    } runs[] = {
        {"ch08", {"--epochs", "5", NULL}, 6, 4},
        {"ch05", {"--epochs", "2", NULL}, 1 + 2 * 10, 4},
        {"ch07", {"--epochs", "2", "--batch", "30", "--momentum", "0.5"}, 1 + 2 * 4, 4},
        {"ch09", {"--epochs", "2", "--degree", "3", NULL}, 1 + 2 * 3, 2 + 4},
        {"ch10", {"--epochs", "1", "--hidden", "2", NULL}, 1 + 10, 2 + 7},
    };
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        Table *t = traced(runs[r].chapter, runs[r].words);
        ck_assert_msg(t->rows == runs[r].rows && t->columns == runs[r].columns,
                      "%s: %zu rows of %zu", runs[r].chapter, t->rows, t->columns);
        ck_assert(strncmp(t->header, "step,loss,a1,a2", 15) == 0);
        free(t);
    }
}
END_TEST

/* A path that cannot be written is one message and exit 1, before the run
 * prints anything; a run that fails later leaves no file at all. */
START_TEST(a_trace_is_written_whole_or_not_at_all)
{
    const char *argv[] = {BUILD_DIR "/ch04", "--trace", "/nonexistent/trace.csv", NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_int_eq(run.exit_code, 1);
    ck_assert_str_eq(run.out, "");
    ck_assert_str_eq(run.err, "ch04: cannot write the trace /nonexistent/trace.csv: No such "
                              "file or directory\n");
    program_run_free(&run);

    char dir[64], name[256];
    ck_assert(make_temp_dir(dir, sizeof dir));
    ck_assert_int_eq(run_traced("ch04", dir, (const char *[]){"--lr", "5", NULL}, &run), 1);
    ck_assert_ptr_nonnull(strstr(run.err, "diverged"));
    program_run_free(&run);
    snprintf(name, sizeof name, "%s/trace.csv", dir);
    ck_assert_ptr_null(fopen(name, "r"));
    ck_assert(!find_hidden_entry(dir, name, sizeof name)); /* nor a half-written one */
    remove_temp_dir(dir);
}
END_TEST

Suite *trace_suite(void)
{
    Suite *suite = suite_create("trace");
    TCase *tc = tcase_create("trace");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, chapter_04_traces_the_steps_the_library_takes);
    tcase_add_test(tc, a_step_is_an_update_in_a_minibatch_chapter);
    tcase_add_test(tc, a_trace_is_written_whole_or_not_at_all);
    suite_add_tcase(suite, tc);
    return suite;
}
