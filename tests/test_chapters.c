/* End-to-end runs of every chapter program, as a reader runs them. Where a
 * chapter fits a line, the answer is checked against gnuplot's own `fit`, an
 * implementation that shares no code with ours; chapter 08, which trains on
 * a tape, against chapter 04, which trains on a gradient derived by hand. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bent.h"
#include "csv.h"
#include "data.h"
#include "gradient.h"
#include "loss.h"
#include "network.h"
#include "rng.h"
#include "run_program.h"
#include "sgd.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

static const char LINE_CSV[] = "tests/data/line.csv";

static char dir[64];

static void make_scratch(void)
{
    ck_assert(make_temp_dir(dir, sizeof dir));
}

static void remove_scratch(void)
{
    remove_temp_dir(dir);
}

/* Runs BUILD_DIR/chNN with --out DIR plus up to eight more words, and expects success. */
static void run_chapter(const char *chapter, const char *const *words, ProgramRun *run)
{
    ck_assert(run_chapter_program(BUILD_DIR, chapter, dir, words, run));
    ck_assert_msg(run->exit_code == 0, "%s failed (%d): %s", chapter, run->exit_code,
                  run->err);
}

/* Reads "final: a = [A1, A2], loss = L" from the last line. */
static void read_final_line(const char *out, double a[2], double *loss)
{
    char line[256];
    last_line(out, line, sizeof line);
    ck_assert_msg(sscanf(line, "final: a = [%lf, %lf], loss = %lf", &a[0], &a[1], loss) == 3,
                  "not a final line: '%s'", line);
}

/* gnuplot's least-squares fit of y = a1*x + a2 to the CSV file. */
static void gnuplot_fit(const char *csv, double a[2])
{
    char script[128];
    snprintf(script, sizeof script, "%s/fit.gp", dir);
    char text[512];
    snprintf(text, sizeof text,
             "set datafile separator ','\nset fit quiet\nset fit logfile '/dev/null'\n"
             "FIT_LIMIT = 1e-15\na1 = 1\na2 = 1\nf(x) = a1*x + a2\n"
             "fit f(x) '%s' using 1:2 via a1, a2\nset print '-'\n"
             "print sprintf('%%.12f %%.12f', a1, a2)\n",
             csv);
    ck_assert(write_text_file(script, text));
    const char *argv[] = {"gnuplot", script, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_msg(run.exit_code == 0 && sscanf(run.out, "%lf %lf", &a[0], &a[1]) == 2,
                  "gnuplot fit failed: %s", run.err);
    program_run_free(&run);
}

START_TEST(every_chapter_runs_with_its_defaults)
{
    const char *const chapters[] = {"ch01", "ch02", "ch03", "ch04", "ch05", "ch06", "ch08",
                                    "ch10"};
    const char *const last_words[] = {"data: 100 points", "loss: a = [-1.0000, 1.0000]",
                                      "least squares: a = [", "final: a = [", "final: a = [",
                                      "final: a = [", "final: a = [", "final: hidden = 16, "};
    for (size_t c = 0; c < sizeof chapters / sizeof chapters[0]; c++) {
        const char *none[] = {NULL};
        ProgramRun run;
        run_chapter(chapters[c], none, &run);
        char line[256];
        last_line(run.out, line, sizeof line);
        ck_assert_msg(strncmp(line, last_words[c], strlen(last_words[c])) == 0,
                      "%s ended with '%s'", chapters[c], line);
        ck_assert_str_eq(run.err, "");
        program_run_free(&run);
    }
}
END_TEST

/* Runs gnuplot on every script in the scratch folder that matches pattern,
 * and expects each to draw without a word. */
static void draw_scripts(const char *pattern)
{
    char command[256];
    snprintf(command, sizeof command, "cd %s && for f in %s; do gnuplot $f || exit 1; done",
             dir, pattern);
    const char *argv[] = {"sh", "-c", command, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "gnuplot: %s", run.err);
    program_run_free(&run);
}

/* Every one of the count images is in the scratch folder. */
static void assert_images_drawn(const char *const *images, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, images[k]);
        char *image = read_text_file(path);
        ck_assert_msg(image != NULL, "missing %s", images[k]);
        free(image);
    }
}

START_TEST(every_emitted_script_draws_in_gnuplot)
{
    const char *const chapters[] = {"ch01", "ch02", "ch03", "ch04", "ch05", "ch06", "ch08",
                                    "ch10"};
    for (size_t c = 0; c < sizeof chapters / sizeof chapters[0]; c++) {
        const char *quiet[] = {"--quiet", NULL};
        ProgramRun run;
        run_chapter(chapters[c], quiet, &run);
        program_run_free(&run);
    }
    draw_scripts("*.gp");
    const char *const images[] = {"ch01-data.png", "ch02-guess.png", "ch02-loss-slice.png",
                                  "ch03-least-squares.png", "ch04-fit.png", "ch04-loss.png",
                                  "ch04-animation.gif", "ch05-loss-by-epoch.png",
                                  "ch05-loss-by-iteration.png", "ch06-sweep.png",
                                  "ch06-bound.png", "ch06-fit.png", "ch08-zero-grad.png",
                                  "ch10-fit.png", "ch10-loss.png", "ch10-animation.gif",
                                  "ch10-units.png", "ch10-curvature.png"};
    assert_images_drawn(images, sizeof images / sizeof images[0]);
}
END_TEST

/* Runs chapter twice with words: the same output, and the same script DIR/figure. */
static void assert_the_same_bytes_twice(const char *chapter, const char *const *words,
                                        const char *figure)
{
    ProgramRun first, second;
    run_chapter(chapter, words, &first);
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, figure);
    char *script_before = read_text_file(path);
    run_chapter(chapter, words, &second);
    char *script_after = read_text_file(path);
    ck_assert_str_eq(first.out, second.out);
    ck_assert_ptr_nonnull(script_before);
    ck_assert_str_eq(script_before, script_after);
    free(script_before);
    free(script_after);
    program_run_free(&first);
    program_run_free(&second);
}

START_TEST(the_same_command_gives_the_same_bytes)
{
    const char *words[] = {"--seed", "7", "--n", "300", NULL};
    assert_the_same_bytes_twice("ch05", words, "ch05-loss-by-epoch.gp");
    const char *network[] = {"--seed", "3", "--hidden", "5", "--epochs", "30", NULL};
    assert_the_same_bytes_twice("ch10", network, "ch10-animation.gp");
}
END_TEST

START_TEST(quiet_prints_one_line_and_help_lists_the_flags)
{
    const char *quiet[] = {"--quiet", NULL};
    ProgramRun run;
    run_chapter("ch04", quiet, &run);
    ck_assert_int_eq(strchr(run.out, '\n') - run.out, (long)strlen(run.out) - 1);
    ck_assert_ptr_nonnull(strstr(run.out, "final: a = ["));
    program_run_free(&run);

    const char *help[] = {"--help", NULL};
    run_chapter("ch05", help, &run);
    const char *expected[] = {"Usage: ch05", "--seed N", "--lr X", "--epochs N", "--batch N",
                              "--data FILE", "--out DIR", "--quiet"};
    for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++)
        ck_assert_msg(strstr(run.out, expected[k]) != NULL, "--help lacks %s", expected[k]);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_03_solves_what_gnuplot_fits)
{
    double expected[2];
    gnuplot_fit(LINE_CSV, expected);
    const char *words[] = {"--data", LINE_CSV, "--quiet", NULL};
    ProgramRun run;
    run_chapter("ch03", words, &run);
    double a[2], loss;
    ck_assert_int_eq(sscanf(run.out, "least squares: a = [%lf, %lf], loss = %lf", &a[0],
                            &a[1], &loss),
                     3);
    ck_assert_double_eq_tol(a[0], expected[0], 1e-4); /* printed to 4 decimals */
    ck_assert_double_eq_tol(a[1], expected[1], 1e-4);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_04_lands_within_1e_3_of_least_squares)
{
    double expected[2];
    gnuplot_fit(LINE_CSV, expected);
    const char *words[] = {"--data", LINE_CSV, "--epochs", "1000", NULL};
    ProgramRun run;
    run_chapter("ch04", words, &run);
    double a[2], loss;
    read_final_line(run.out, a, &loss);
    ck_assert_double_eq_tol(a[0], expected[0], 1e-3);
    ck_assert_double_eq_tol(a[1], expected[1], 1e-3);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_05_lands_within_0_1_of_least_squares)
{
    double expected[2];
    gnuplot_fit(LINE_CSV, expected);
    const char *words[] = {"--data", LINE_CSV, "--batch", "10", "--epochs", "200", NULL};
    ProgramRun run;
    run_chapter("ch05", words, &run);
    double a[2], loss;
    read_final_line(run.out, a, &loss);
    ck_assert_double_le(hypot(a[0] - expected[0], a[1] - expected[1]), 0.1);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_04_defaults_match_the_notebook)
{
    /* The notebook's setting: the fitted slope near 3 and the intercept near
     * 2.5, not 2, because the noise (uniform on [0, 1)) has mean 0.5. With
     * n = 100 the sampling error of each is about 0.05. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch04", none, &run);
    double a[2], loss;
    read_final_line(run.out, a, &loss);
    ck_assert_double_eq_tol(a[0], 3.0, 0.15);
    ck_assert_double_eq_tol(a[1], 2.5, 0.15);
    ck_assert_double_eq_tol(loss, 1.0 / 12.0, 0.02); /* the noise's variance */
    /* Progress like the notebook's, steps 0, 10, ..., 90, then the last. */
    ck_assert_ptr_nonnull(strstr(run.out, "\n  90   "));
    ck_assert_ptr_nonnull(strstr(run.out, "\n 100   "));
    ck_assert_ptr_null(strstr(run.out, "\n  95   "));
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_05_reports_a_comparison_run_that_diverges_and_goes_on)
{
    /* lr = 0.9 is below the full-batch bound (just under 1) but too much for
     * single points: the reader's run (batch 10) succeeds, and the table says
     * what happened to batch 1 instead of the whole program failing. */
    const char *words[] = {"--lr", "0.9", NULL};
    ProgramRun run;
    run_chapter("ch05", words, &run);
    ck_assert_ptr_nonnull(strstr(run.out, "      1   diverged: lr 0.9 is too large for batches of 1"));
    double a[2], loss;
    read_final_line(run.out, a, &loss);
    ck_assert(isfinite(a[0]) && isfinite(a[1]) && isfinite(loss));
    program_run_free(&run);
}
END_TEST

/* Runs a shell command line with stdout and stderr into one pipe, as
 * `build/ch04 --lr 1.5 2>&1 | less` would show them. */
static void run_merged(const char *command_line, ProgramRun *run)
{
    const char *argv[] = {"sh", "-c", command_line, NULL};
    ck_assert(run_program(argv, run));
}

START_TEST(chapter_04_shows_the_loss_exploding_before_the_error)
{
    /* At lr = 1.5 the loss grows every step. The stop rule is "more than 10
     * times the starting loss", so the last row is the first one past that
     * limit and every row before it is within it. The rows come first and
     * the one-line error after them, even through one pipe. */
    char command[256];
    snprintf(command, sizeof command, "%s/ch04 --lr 1.5 --out %s/out 2>&1", BUILD_DIR, dir);
    ProgramRun run;
    run_merged(command, &run);
    ck_assert_int_eq(run.exit_code, 1);
    const char *rows = strstr(run.out, "step   loss");
    const char *error = strstr(run.out, "ch04: the loss diverged at step ");
    ck_assert_msg(rows != NULL && error != NULL && rows < error, "%s", run.out);
    double losses[16];
    size_t count = 0, step;
    for (const char *line = strchr(rows, '\n') + 1; line < error && count < 16;
         line = strchr(line, '\n') + 1) {
        ck_assert_int_eq(sscanf(line, "%zu %lf", &step, &losses[count]), 2);
        ck_assert_uint_eq(step, count); /* every step, none skipped */
        count++;
    }
    ck_assert_uint_ge(count, 3);
    for (size_t k = 1; k < count; k++)
        ck_assert_double_gt(losses[k], losses[k - 1]);
    ck_assert_double_gt(losses[count - 1], 10.0 * losses[0]);
    ck_assert_double_le(losses[count - 2], 10.0 * losses[0]);
    size_t said;
    ck_assert_int_eq(sscanf(error, "ch04: the loss diverged at step %zu", &said), 1);
    ck_assert_uint_eq(said, count - 1);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_05_counts_a_blow_up_in_iterations_and_epochs)
{
    /* lr = 2 is past every bound here: the first epoch's batches blow up. */
    const char *words[] = {"--lr", "2", NULL};
    char program[64];
    snprintf(program, sizeof program, "%s/ch05", BUILD_DIR);
    const char *argv[] = {program, "--out", dir, words[0], words[1], NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_int_eq(run.exit_code, 1);
    size_t iteration, epoch;
    const char *said = strstr(run.err, "diverged at iteration ");
    ck_assert_msg(said != NULL &&
                      sscanf(said, "diverged at iteration %zu (epoch %zu)", &iteration,
                             &epoch) == 2,
                  "%s", run.err);
    /* Batches of 10 of 100 points: 10 iterations an epoch. */
    ck_assert_uint_eq(epoch, (iteration + 9) / 10);
    ck_assert_ptr_null(strstr(run.err, "step"));
    /* The epoch it blew up in has its row on stdout. */
    char row[32];
    snprintf(row, sizeof row, "\n%5zu   ", epoch);
    ck_assert_ptr_nonnull(strstr(run.out, row));
    program_run_free(&run);
}
END_TEST

/* The x of "years.csv": 2000, 2001, …, 2019, with y = 0.5 (x − 2000) + 3. */
static void write_years_csv(char *path, size_t size)
{
    snprintf(path, size, "%s/years.csv", dir);
    char text[1024] = "year,value\n";
    for (int k = 0; k < 20; k++) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%d,%g\n", 2000 + k, 0.5 * k + 3.0);
    }
    ck_assert(write_text_file(path, text));
}

START_TEST(badly_scaled_data_gets_the_advice_to_rescale)
{
    /* x = 2000 … 2019: mean(x²) ≈ 4.04e6, so λmax ≈ 2 (mean(x²) + 1) ≈ 8.1e6
     * and the stable bound 2/λmax ≈ 2.5e-7; var(x) = (20² − 1)/12 = 33.25, so
     * λmin = 4 var / λmax ≈ 1.6e-5 and the condition number is about 5e11.
     * lr = 1e-7 is stable, and crawls: after 100 steps the loss is far above
     * the least-squares loss (0: the points lie on a line). */
    char csv[128];
    write_years_csv(csv, sizeof csv);
    const char *words[] = {"--data", csv, "--lr", "1e-7", NULL};
    ProgramRun run;
    run_chapter("ch04", words, &run);
    ck_assert_ptr_nonnull(strstr(run.out, "x is badly scaled"));
    ck_assert_ptr_nonnull(strstr(run.out, "--standardize"));
    program_run_free(&run);

    /* At the default rate it blows up; the message says why, and what to do. */
    char program[64];
    snprintf(program, sizeof program, "%s/ch04", BUILD_DIR);
    const char *argv[] = {program, "--data", csv, "--out", dir, NULL};
    ck_assert(run_program(argv, &run));
    ck_assert_int_eq(run.exit_code, 1);
    ck_assert_ptr_nonnull(strstr(run.err, "x is badly scaled"));
    double bound;
    const char *bound_text = strstr(run.err, "lr < ");
    ck_assert(bound_text != NULL && sscanf(bound_text, "lr < %lf", &bound) == 1);
    /* H = 2 [m2 m; m 1] with m = mean(x) = 2009.5 and m2 = mean(x²) =
     * 80762470 / 20 = 4038123.5, so λmax = m2 + 1 + √((m2 − 1)² + 4 m²). The
     * message prints the bound to 4 digits. */
    double m = 2009.5, m2 = 4038123.5;
    double lambda_max = m2 + 1.0 + sqrt((m2 - 1.0) * (m2 - 1.0) + 4.0 * m * m);
    ck_assert_double_eq_tol(bound / (2.0 / lambda_max), 1.0, 1e-3);
    program_run_free(&run);
}
END_TEST

START_TEST(a_huge_final_loss_is_printed_short_and_parseable)
{
    /* y near 10⁹: 100 steps from a = (-1, 1) at lr 0.01 move the intercept
     * by at most about 100 · 0.01 · 2 · 10⁹, so the loss stays near 10¹⁷, far
     * past a million: it must come out as d.dddde+NN, not as 18 digits. */
    char csv[128];
    snprintf(csv, sizeof csv, "%s/huge.csv", dir);
    ck_assert(write_text_file(csv, "0,1e9\n0.5,1.5e9\n1,1e9\n"));
    const char *words[] = {"--data", csv, "--lr", "0.01", "--quiet", NULL};
    ProgramRun run;
    run_chapter("ch04", words, &run);
    double a[2], loss;
    read_final_line(run.out, a, &loss);
    ck_assert_double_gt(loss, 1e6);
    ck_assert_ptr_nonnull(strstr(run.out, "e+"));
    ck_assert_uint_lt(strlen(run.out), 80);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_05_compares_the_run_it_made)
{
    /* The main run and the comparison's batch-10 run are chapter 05's one
     * loop, each from a fresh RNG of the same seed and the rows in their
     * first order: they must take the same steps, so the table's batch-10
     * row is the main run's final line. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch05", none, &run);
    double a[2], loss, row_a[2], row_loss;
    read_final_line(run.out, a, &loss);
    const char *row = strstr(run.out, "\n     10   ");
    ck_assert_ptr_nonnull(row);
    size_t batch, iterations;
    ck_assert_int_eq(sscanf(row, "%zu %zu [%lf, %lf] %lf", &batch, &iterations, &row_a[0],
                            &row_a[1], &row_loss),
                     5);
    ck_assert_double_eq(a[0], row_a[0]);
    ck_assert_double_eq(a[1], row_a[1]);
    ck_assert_double_eq(loss, row_loss);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_04_walks_the_library_trainers_path)
{
    /* The loop written out in chapter 04's main.c and train_full_batch(),
     * which later chapters call, take the same steps: on the notebook's data
     * (seed 42, 100 points) they end at the same a, to the 4 printed decimals. */
    const char *words[] = {"--epochs", "37", "--quiet", NULL};
    ProgramRun run;
    run_chapter("ch04", words, &run);
    double printed[2], printed_loss;
    read_final_line(run.out, printed, &printed_loss);
    program_run_free(&run);

    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    Dataset data;
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    History history;
    ck_assert_int_eq(history_allocate(&history, 37, NULL), STATUS_OK);
    double a[2] = {-1, 1};
    ck_assert_int_eq(train_full_batch(&data, a, 0.1, 37, &history, NULL), STATUS_OK);
    ck_assert_double_eq_tol(printed[0], a[0], 5e-5);
    ck_assert_double_eq_tol(printed[1], a[1], 5e-5);
    ck_assert_double_eq_tol(printed_loss, history.loss[37], 5e-5);
    history_free(&history);
    data_free(&data);
}
END_TEST

/* Chapters 08 and 04 with the same words must both succeed and end on the
 * same line: the tape's gradient and the hand-derived one take the same path. */
static void assert_same_final_line(const char *const *words)
{
    ProgramRun tape, by_hand;
    run_chapter("ch08", words, &tape);
    run_chapter("ch04", words, &by_hand);
    ck_assert_str_eq(tape.err, "");
    char tape_line[256], hand_line[256];
    last_line(tape.out, tape_line, sizeof tape_line);
    last_line(by_hand.out, hand_line, sizeof hand_line);
    ck_assert_msg(strncmp(tape_line, "final: a = [", 12) == 0, "ch08 ended '%s'", tape_line);
    ck_assert_str_eq(tape_line, hand_line);
    program_run_free(&tape);
    program_run_free(&by_hand);
}

START_TEST(chapter_08_trains_to_chapter_04s_final_line)
{
    const char *defaults[] = {NULL};
    assert_same_final_line(defaults);
    const char *own_data[] = {"--data", LINE_CSV, "--epochs", "1000", NULL};
    assert_same_final_line(own_data);
    const char *other_settings[] = {"--seed", "7", "--n", "40", "--lr", "0.5", NULL};
    assert_same_final_line(other_settings);
}
END_TEST

START_TEST(chapter_08_diverges_where_chapter_04_does)
{
    /* The same data and rate blow up at the same step: the same sentence
     * after the program's name, and no final line. */
    const char *const chapters[2] = {"ch08", "ch04"};
    ProgramRun runs[2];
    for (int c = 0; c < 2; c++) {
        char program[64];
        snprintf(program, sizeof program, "%s/%s", BUILD_DIR, chapters[c]);
        const char *argv[] = {program, "--lr", "1.5", "--out", dir, NULL};
        ck_assert(run_program(argv, &runs[c]));
        ck_assert_int_eq(runs[c].exit_code, 1);
        ck_assert_ptr_null(strstr(runs[c].out, "final:"));
    }
    ck_assert_ptr_nonnull(strstr(runs[0].err, "diverged"));
    ck_assert_str_eq(runs[0].err + strlen("ch08"), runs[1].err + strlen("ch04"));
    program_run_free(&runs[0]);
    program_run_free(&runs[1]);
}
END_TEST

/* The two numbers in the first "[A, B]" after text in out. */
static void read_pair_after(const char *out, const char *text, double pair[2])
{
    const char *at = strstr(out, text);
    ck_assert_msg(at != NULL, "no '%s' in the output", text);
    const char *bracket = strchr(at + strlen(text), '[');
    ck_assert_ptr_nonnull(bracket);
    ck_assert_int_eq(sscanf(bracket, "[%lf, %lf]", &pair[0], &pair[1]), 2);
}

START_TEST(chapter_08_prints_the_gradient_calculus_gives)
{
    /* The notebook's data (seed 42, n = 100) made again here, and its
     * gradient at a = (-1, 1) from chapter 03's formula; the program prints
     * 6 decimals. Without zero_(), the second backward() shows twice that. */
    Dataset data;
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2}, a[2] = {-1, 1};
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    double expected[2];
    gradient(data.x, data.y, data.n, a, expected);
    data_free(&data);

    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch08", none, &run);
    const char *row = strstr(run.out, "the tape, loss.backward()");
    ck_assert_ptr_nonnull(row);
    double table[2], first[2], second[2];
    ck_assert_int_eq(sscanf(row + strlen("the tape, loss.backward()"), "%lf %lf", &table[0],
                            &table[1]),
                     2);
    read_pair_after(run.out, "after the first backward()", first);
    read_pair_after(run.out, "after the second, without zero_()", second);
    for (int j = 0; j < 2; j++) {
        ck_assert_double_eq_tol(table[j], expected[j], 1e-6);
        ck_assert_double_eq_tol(first[j], expected[j], 1e-6);
        ck_assert_double_eq_tol(second[j], 2 * expected[j], 1e-6);
    }
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_08_without_no_grad_grows_one_graph_a_step)
{
    /* Counting the operations for n points: 8 per point (x1, x2, a1*x1,
     * a2*x2, their sum, y, the miss, its square) and n for the mean (n − 1
     * additions and one division): 9n per forward pass; 4 per update (a leaf
     * lr*grad and a subtraction for each of a1, a2); 2 nodes for a at the
     * start. After step t the tape holds 2 + t(9n + 4), and backward() at
     * step t walks all but that step's 4 update nodes. */
    const size_t n = 30;
    const char *words[] = {"--n", "30", NULL};
    ProgramRun run;
    run_chapter("ch08", words, &run);
    const char *row = strstr(run.out, "nodes backward() walks");
    ck_assert_ptr_nonnull(row);
    for (size_t t = 1; t <= 5; t++) {
        row = strchr(row, '\n') + 1;
        size_t step, on_tape, walked;
        ck_assert_int_eq(sscanf(row, "%zu %zu %zu", &step, &on_tape, &walked), 3);
        ck_assert_uint_eq(step, t);
        ck_assert_uint_eq(on_tape, 2 + t * (9 * n + 4));
        ck_assert_uint_eq(walked, 2 + t * (9 * n + 4) - 4);
    }
    ck_assert_ptr_nonnull(strstr(run.out, "The same a as with no_grad after 5 steps"));
    /* Carried on to the 100 steps of the run: 2 + 100(9n + 4) nodes, and
     * walks of 9n + 2 + (t − 1)(9n + 4) nodes at step t, which add up to
     * 100(9n + 2) + (9n + 4)·(0 + 1 + … + 99) = 100(9n + 2) + 4950(9n + 4). */
    size_t would_hold, walked, walked_with_no_grad;
    const char *total = strstr(run.out, "after 100 steps the tape would hold");
    ck_assert_ptr_nonnull(total);
    ck_assert_int_eq(sscanf(total,
                            "after 100 steps the tape would hold %zu nodes, and the 100 "
                            "walks together would visit %zu of them, where with no_grad "
                            "they visit %*u each, %zu in all.",
                            &would_hold, &walked, &walked_with_no_grad),
                     3);
    ck_assert_uint_eq(would_hold, 2 + 100 * (9 * n + 4));
    ck_assert_uint_eq(walked, 100 * (9 * n + 2) + 4950 * (9 * n + 4));
    ck_assert_uint_eq(walked_with_no_grad, 100 * (9 * n + 2));
    program_run_free(&run);
}
END_TEST

/* ---- Chapter 06: the stable bound, the crawl, --standardize ---------- */

static const char CO2_CSV[] = "data/mauna-loa-co2.csv";

/* The line after the first line of text that contains marker. */
static const char *line_after(const char *text, const char *marker)
{
    const char *found = strstr(text, marker);
    ck_assert_msg(found != NULL, "no '%s' in: %s", marker, text);
    const char *end = strchr(found, '\n');
    ck_assert_ptr_nonnull(end);
    return end + 1;
}

/* The largest eigenvalue of H = (2/n) XᵀX = [p q; q r] with p = 2 mean(x1²),
 * q = 2 mean(x1), r = 2, by the closed form for a symmetric 2×2 matrix,
 * (p + r)/2 + √(((p − r)/2)² + q²): written out here, apart from the
 * library's hessian_eigenvalues(). */
static double lambda_max_of(const Dataset *data)
{
    double p = 0.0, q = 0.0, r = 2.0;
    for (size_t i = 0; i < data->n; i++) {
        p += 2.0 * data->x[2 * i] * data->x[2 * i] / (double)data->n;
        q += 2.0 * data->x[2 * i] / (double)data->n;
    }
    return (p + r) / 2.0 + sqrt((p - r) * (p - r) / 4.0 + q * q);
}

/* The notebook's 100 points, as build/ch06 makes them with no --data. */
static Dataset notebook_points(void)
{
    Dataset data;
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    return data;
}

/* Seven points x = offset + step·k, k = −3 … 3, y = slope·x + intercept +
 * r_k with r_k = 0.5 (k² − 4) = 2.5, 0, −1.5, −2, −1.5, 0, 2.5. The r_k sum
 * to 0 and are even in k, so they are orthogonal to both columns of X: the
 * normal equations hold for (slope, intercept), which is therefore exactly
 * the least-squares line. With whole slopes and intercepts and steps that
 * are multiples of 1/2, every value is exact in binary and in the file. */
static void write_known_line(const char *path, double offset, double step, double slope,
                             double intercept)
{
    char text[1024] = "x,y\n";
    for (int k = -3; k <= 3; k++) {
        double x = offset + step * k;
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%.17g,%.17g\n", x,
                 slope * x + intercept + 0.5 * (k * k - 4));
    }
    ck_assert(write_text_file(path, text));
}

/* Reads "final: a = [A1, A2], loss = L" of ch06 run with the words given. */
static void ch06_final(const char *const *words, double a[2], double *loss)
{
    ProgramRun run;
    run_chapter("ch06", words, &run);
    read_final_line(run.out, a, loss);
    program_run_free(&run);
}

static void assert_close(double value, double expected, double relative, const char *what)
{
    /* Relative to the expected value, or absolute when that is near 0. */
    double tolerance = relative * fmax(fabs(expected), 1.0);
    ck_assert_msg(fabs(value - expected) <= tolerance, "%s: %.10g, expected %.10g (±%g)",
                  what, value, expected, tolerance);
}

START_TEST(chapter_06_standardized_lands_on_least_squares_at_any_offset)
{
    /* The promise: with --standardize and 3000 epochs at the
     * default rate, the slope within 1e-3 and the intercept within 1e-2
     * (relative, or absolute near 0) of least squares, for x near 0, 1e2,
     * 1e4 and 1e6, and x spread up to 1e5 wide. The reference is the line
     * each file was built on (write_known_line()). */
    const double offsets[] = {0, 1e2, 1e4, 1e6, 1e6};
    const double steps[] = {1, 1, 10, 0.5, 1e5};
    const double slopes[] = {3, 3, -2, 3, 0.5}, intercepts[] = {2, 2, 5, 2, -4};
    char csv[128];
    snprintf(csv, sizeof csv, "%s/known.csv", dir);
    for (int c = 0; c < 5; c++) {
        write_known_line(csv, offsets[c], steps[c], slopes[c], intercepts[c]);
        const char *words[] = {"--data", csv, "--standardize", "--epochs", "3000", "--quiet",
                               NULL};
        double a[2], loss;
        ch06_final(words, a, &loss);
        assert_close(a[0], slopes[c], 1e-3, "slope");
        assert_close(a[1], intercepts[c], 1e-2, "intercept");
    }
}
END_TEST

START_TEST(chapter_06_standardized_agrees_with_gnuplot_on_noisy_data)
{
    /* The same promise on noisy data in general position, 100 points
     * x = offset + u, u uniform on [-1, 1), y = 3x + 2 + noise on [0, 1),
     * against gnuplot's fit. (gnuplot's own fit no longer converges for x
     * near 1e6; the case above covers that offset.) */
    const double offsets[] = {0, 1e2, 1e4};
    char csv[128];
    snprintf(csv, sizeof csv, "%s/noisy.csv", dir);
    Rng rng = rng_seeded(2024);
    for (int c = 0; c < 3; c++) {
        char text[8192] = "";
        for (int i = 0; i < 100; i++) {
            double x = offsets[c] + rng_uniform_between(&rng, -1.0, 1.0);
            size_t used = strlen(text);
            snprintf(text + used, sizeof text - used, "%.17g,%.17g\n", x,
                     3.0 * x + 2.0 + rng_uniform(&rng));
        }
        ck_assert(write_text_file(csv, text));
        double expected[2], a[2], loss;
        gnuplot_fit(csv, expected);
        const char *words[] = {"--data", csv, "--standardize", "--epochs", "3000", "--quiet",
                               NULL};
        ch06_final(words, a, &loss);
        assert_close(a[0], expected[0], 1e-3, "slope");
        assert_close(a[1], expected[1], 1e-2, "intercept");
    }
}
END_TEST

/* Runs ch06 at lr = factor × bound for 2000 steps and returns its exit code;
 * when it succeeds, the final loss goes to *loss. */
static int ch06_at(const char *csv, double lr, double *loss)
{
    char rate[32], program[64];
    snprintf(rate, sizeof rate, "%.17g", lr);
    snprintf(program, sizeof program, "%s/ch06", BUILD_DIR);
    const char *argv[12] = {program, "--out", dir, "--lr", rate, "--epochs", "2000", "--quiet"};
    if (csv != NULL) {
        argv[8] = "--data";
        argv[9] = csv;
    }
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    int code = run.exit_code;
    if (code == 0) {
        double a[2];
        read_final_line(run.out, a, loss);
    } else {
        ck_assert_msg(strstr(run.err, "diverged") != NULL, "%s", run.err);
    }
    program_run_free(&run);
    return code;
}

START_TEST(chapter_06_prints_the_bound_that_separates_converging_from_diverging)
{
    /* On four data sets (the notebook's, tests/data/line.csv, the Mauna Loa
     * years, and x near 100), the printed bound is 2/λmax (λmax by the
     * closed form in lambda_max_of) to 1e-5, and the experiment agrees: at
     * 0.98 × the bound 2000 steps go downhill without blowing up; at 1.02 ×
     * the steep direction grows by |1 − 2.04| = 1.04 a step, and 1.04^2000
     * leaves no doubt. */
    char known[128];
    snprintf(known, sizeof known, "%s/known.csv", dir);
    write_known_line(known, 100.0, 1.0, 3.0, 2.0);
    const char *const files[] = {NULL, LINE_CSV, CO2_CSV, known};
    for (int c = 0; c < 4; c++) {
        Dataset data;
        if (files[c] == NULL) {
            data = notebook_points();
        } else {
            Error err;
            ck_assert_msg(csv_load(&data, files[c], NULL, &err) == STATUS_OK, "%s", err.message);
        }
        /* A rate far below every bound, so that the run succeeds. */
        const char *words[] = {"--epochs", "1", "--lr", "1e-12",
                               files[c] ? "--data" : NULL, files[c], NULL};
        ProgramRun run;
        run_chapter("ch06", words, &run);
        double bound;
        const char *said = strstr(run.out, "\nstable lr bound: ");
        ck_assert_msg(said != NULL && sscanf(said, "\nstable lr bound: %lf", &bound) == 1,
                      "%s", run.out);
        program_run_free(&run);
        ck_assert_double_eq_tol(bound * lambda_max_of(&data) / 2.0, 1.0, 1e-5);

        const double start[2] = {-1.0, 1.0};
        double start_loss = loss_of(data.x, data.y, data.n, start), loss;
        ck_assert_int_eq(ch06_at(files[c], 0.98 * bound, &loss), 0);
        ck_assert_double_lt(loss, start_loss);
        ck_assert_int_eq(ch06_at(files[c], 1.02 * bound, &loss), 1);
        data_free(&data);
    }
}
END_TEST

START_TEST(chapter_06_counts_the_steps_the_algebra_predicts)
{
    /* Section 2 of the default run, on the notebook's data. After t steps
     * the distance to the answer is at most rho^t times the start, rho =
     * max |1 − lr·λ|, so the measured count can never exceed the predicted
     * ceil(ln(1e-3) / ln(rho)), computed here from the closed-form
     * eigenvalues; every rate below the bound reaches the answer and every
     * rate above it blows up. */
    Dataset data = notebook_points();
    double lambda_max = lambda_max_of(&data), mean = 0.0, mean_square = 0.0;
    for (size_t i = 0; i < data.n; i++) {
        mean += data.x[2 * i] / (double)data.n;
        mean_square += data.x[2 * i] * data.x[2 * i] / (double)data.n;
    }
    double lambda_min = 4.0 * (mean_square - mean * mean) / lambda_max; /* det / λmax */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch06", none, &run);
    const char *row = line_after(run.out, "  lr           lr/bound");
    int rows = 0;
    for (; strncmp(row, "  ", 2) == 0; row = strchr(row, '\n') + 1, rows++) {
        double lr, fraction;
        char rho[32], predicted[32], measured[64];
        ck_assert_int_eq(sscanf(row, "%lf %lf %31s %31s %63[^\n]", &lr, &fraction, rho,
                                predicted, measured),
                         5);
        double factor = fmax(fabs(1.0 - lr * lambda_max), fabs(1.0 - lr * lambda_min));
        if (fraction > 1.0) {
            ck_assert_str_eq(predicted, "never");
            ck_assert_msg(strncmp(measured, "diverged at step", 16) == 0, "%s", row);
            continue;
        }
        double expected = fmax(1.0, ceil(log(1e-3) / log(factor)));
        ck_assert_double_eq_tol(strtod(predicted, NULL), expected, 1.0); /* ceil's edge */
        ck_assert_double_le(strtod(measured, NULL), strtod(predicted, NULL));
        ck_assert_double_ge(strtod(measured, NULL), 1.0);
    }
    ck_assert_int_eq(rows, 13);
    program_run_free(&run);
    data_free(&data);
}
END_TEST

START_TEST(chapter_06_crawl_grows_like_the_condition_number)
{
    /* Section 3: standardized x slid k standard deviations has the Hessian
     * H = 2 [1 + k²  k; k  1], trace 2(2 + k²) and determinant 4, so
     * λ = (2 + k²) ± √((2 + k²)² − 4) and the condition number
     * κ = λ+/λ− (1, 6.854, 33.97, 322.0, 4354 for k = 0, 1, 2, 4, 8). At
     * lr = 1/λ+ the flat direction shrinks by rho = 1 − 1/κ a step: the
     * count is ceil(ln(1e-3) / ln(rho)), about 6.9 κ. The start (0, 0) is
     * −s (1, −k) from the answer (s, −s k), and the flat eigenvector
     * (1, −(1 + k² − λ−/2)/k) makes an angle with it whose cosine is above
     * 0.97 from k = 1 on, so the measured count is at most one step short:
     * cos · rho^t ≤ 1e-3 needs t ≥ predicted − ln(1/cos)/ln(1/rho), and
     * ln(1/0.97)/ln(1/0.854) < 0.2. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch06", none, &run);
    const char *row = line_after(run.out, "  x            condition");
    for (int k_index = 0; k_index < 5; k_index++, row = strchr(row, '\n') + 1) {
        double k, kappa;
        char factor[32], predicted[32], measured[32];
        ck_assert_int_eq(sscanf(row, "  k = %lf %lf %31s %31s %31s", &k, &kappa, factor,
                                predicted, measured),
                         5);
        double t = 2.0 + k * k, root = sqrt(t * t - 4.0);
        double expected_kappa = (t + root) / (t - root);
        ck_assert_double_eq_tol(kappa / expected_kappa, 1.0, 1e-3); /* 4 digits printed */
        double expected = k == 0.0 ? 1.0 : ceil(log(1e-3) / log(1.0 - 1.0 / expected_kappa));
        ck_assert_double_eq_tol(strtod(predicted, NULL), expected, 1.0);
        ck_assert_double_le(strtod(measured, NULL), strtod(predicted, NULL));
        ck_assert_double_ge(strtod(measured, NULL), strtod(predicted, NULL) - 1.0);
    }
    ck_assert_ptr_nonnull(strstr(row, "as it is"));
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_06_real_data_fails_at_the_default_rate_and_standardize_fits_it)
{
    /* The Mauna Loa years: x = 1959 … 2014, condition number about 6e10. At
     * lr = 0.1 the loss explodes at once: a row, then the error, which
     * recommends --standardize. */
    char program[64];
    snprintf(program, sizeof program, "%s/ch06", BUILD_DIR);
    const char *argv[] = {program, "--data", CO2_CSV, "--out", dir, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_int_eq(run.exit_code, 1);
    ck_assert_ptr_nonnull(strstr(run.out, "\n    1   "));
    ck_assert_ptr_nonnull(strstr(run.err, "diverged at step"));
    ck_assert_ptr_nonnull(strstr(run.err, "--standardize"));
    program_run_free(&run);

    /* With --standardize: condition number 1 after; the fit agrees with
     * gnuplot's, and the figures draw without a word from gnuplot. */
    double expected[2], a[2], loss;
    gnuplot_fit(CO2_CSV, expected);
    const char *words[] = {"--data", CO2_CSV, "--standardize", NULL};
    run_chapter("ch06", words, &run);
    const char *after = strstr(run.out, "Standardized, x' = ");
    ck_assert_ptr_nonnull(after);
    double kappa;
    ck_assert_int_eq(sscanf(strstr(after, "condition number "), "condition number %lf",
                            &kappa),
                     1);
    ck_assert_double_eq_tol(kappa, 1.0, 1e-4);
    read_final_line(run.out, a, &loss);
    assert_close(a[0], expected[0], 1e-4, "slope");
    assert_close(a[1], expected[1], 1e-4, "intercept");
    program_run_free(&run);
    char command[256];
    snprintf(command, sizeof command, "cd %s && for f in ch06-*.gp; do gnuplot $f || exit 1; done",
             dir);
    const char *draw[] = {"sh", "-c", command, NULL};
    ck_assert(run_program(draw, &run));
    ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "gnuplot: %s", run.err);
    program_run_free(&run);
}
END_TEST

START_TEST(only_chapter_06_on_takes_standardize)
{
    const char *help[] = {"--help", NULL};
    ProgramRun run;
    run_chapter("ch06", help, &run);
    ck_assert_ptr_nonnull(strstr(run.out, "--standardize"));
    program_run_free(&run);
    char program[64];
    snprintf(program, sizeof program, "%s/ch04", BUILD_DIR);
    const char *argv[] = {program, "--standardize", NULL};
    ck_assert(run_program(argv, &run));
    ck_assert_int_eq(run.exit_code, 2);
    ck_assert_ptr_nonnull(strstr(run.err, "--standardize is not used by ch04"));
    program_run_free(&run);
}
END_TEST

/* The mean squared miss of the line a on the CSV at path. a: 2 */
static double loss_on_file(const char *path, const double a[2])
{
    Dataset data;
    ck_assert_int_eq(csv_load(&data, path, NULL, NULL), STATUS_OK);
    double sum = 0.0;
    for (size_t i = 0; i < data.n; i++) {
        double miss = a[0] * data.x[2 * i] + a[1] - data.y[i];
        sum += miss * miss;
    }
    double loss = sum / (double)data.n;
    data_free(&data);
    return loss;
}

START_TEST(chapters_05_07_and_08_fit_real_data_with_standardize)
{
    /* Issue 19: only chapter 06 could fit data whose x is far from 0 (years).
     * Now 05, 07 and 08 fail at the default rate naming --standardize, and
     * fit with it, the last line in the data's units. Full-batch descent
     * at lr 0.1 on the round bowl (H = 2 I) shrinks the error by 0.8 a step,
     * to 0.8^100 = 2e-10 of it: on gnuplot's line to the four decimals the
     * last line prints (1.5088 is 1.3e-5 from the slope). Chapter 05's
     * minibatches jitter above the floor: within 2% of its loss. */
    double expected[2], a[2], loss;
    gnuplot_fit(CO2_CSV, expected);
    double floor_loss = loss_on_file(CO2_CSV, expected);
    const char *chapters[] = {"ch05", "ch07", "ch08"};
    for (size_t c = 0; c < 3; c++) {
        char program[64];
        snprintf(program, sizeof program, "%s/%s", BUILD_DIR, chapters[c]);
        const char *argv[] = {program, "--quiet", "--data", CO2_CSV, "--out", dir, NULL};
        ProgramRun run;
        ck_assert(run_program(argv, &run));
        ck_assert_msg(run.exit_code == 1 && strstr(run.err, "as --standardize does") != NULL,
                      "%s: %s", chapters[c], run.err);
        program_run_free(&run);
        const char *words[] = {"--data", CO2_CSV, "--standardize", NULL};
        run_chapter(chapters[c], words, &run);
        ck_assert_msg(strstr(run.out, "--standardize: fitting x1' = (x1 - 1986.5000) / ") != NULL,
                      "%s does not say what it fits: %s", chapters[c], run.out);
        read_final_line(run.out, a, &loss);
        if (c == 0) {
            ck_assert_msg(loss <= 1.02 * floor_loss, "ch05: loss %g, floor %g", loss, floor_loss);
        } else {
            assert_close(a[0], expected[0], 1e-4, "slope");
            assert_close(a[1], expected[1], 1e-6, "intercept");
        }
        program_run_free(&run);
    }
}
END_TEST

START_TEST(chapter_05s_titles_say_what_its_runs_did)
{
    /* Issue 19: on data in its own units (x from 4 to 25) at a rate small
     * enough for every batch, no batch size gets near the floor in 100
     * epochs, yet the figure said "small batches learn fastest". The floor
     * is gnuplot's line; each run's final loss, from the table, is above it
     * by more than 10%, and the titles say so. */
    char csv[128], text[4096] = "";
    snprintf(csv, sizeof csv, "%s/speeds.csv", dir);
    for (int i = 0; i < 50; i++) { /* speeds with repeats, distances with a wobble */
        double x = 4 + (i * 21) / 49, y = 3.9 * x - 17.6 + 15.0 * sin(1.7 * i);
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%g,%.3f\n", x, y);
    }
    ck_assert(write_text_file(csv, text));
    double best[2];
    gnuplot_fit(csv, best);
    double floor_loss = loss_on_file(csv, best);
    const char *words[] = {"--data", csv, "--lr", "0.0002", NULL};
    ProgramRun run;
    run_chapter("ch05", words, &run);
    const char *batches[] = {"\n      1   ", "\n     10   ", "\n     50   "};
    for (size_t k = 0; k < 3; k++) {
        const char *row = strstr(run.out, batches[k]);
        ck_assert_ptr_nonnull(row);
        size_t batch, iterations;
        double a[2], loss;
        ck_assert_int_eq(sscanf(row, "%zu %zu [%lf, %lf] %lf", &batch, &iterations, &a[0],
                                &a[1], &loss),
                         5);
        ck_assert_msg(loss > 1.1 * floor_loss, "batch %zu: %g vs floor %g", batch, loss,
                      floor_loss);
    }
    program_run_free(&run);
    char path[160];
    snprintf(path, sizeof path, "%s/ch05-loss-by-epoch.gp", dir);
    char *script = read_text_file(path);
    ck_assert_ptr_nonnull(script);
    ck_assert_msg(strstr(script, "set title 'Loss per epoch, lr = 0.0002: none within 10% of "
                                 "the floor in 100 epochs'") != NULL &&
                      strstr(script, "small batches learn fastest") == NULL,
                  "%s", script);
    free(script);
    /* The notebook's data bear the lesson out, and its title stays. */
    const char *none[] = {"--quiet", NULL};
    run_chapter("ch05", none, &run);
    program_run_free(&run);
    script = read_text_file(path);
    ck_assert_ptr_nonnull(strstr(script, "small batches learn fastest"));
    free(script);
}
END_TEST

/* ---- Chapter 07 ---------------------------------------------------------- */

START_TEST(chapter_07_runs_draws_and_repeats_itself)
{
    /* Every figure it writes draws in gnuplot without a word, a script stays
     * small, and the same command gives the same bytes. */
    const char *none[] = {NULL};
    ProgramRun first, second;
    run_chapter("ch07", none, &first);
    ck_assert_str_eq(first.err, "");
    /* Standardized (x mean 0, sd 1), H = (2/n) XᵀX is exactly 2 I (to the
     * 4 significant digits printed, "2", not "2.001"). */
    ck_assert_ptr_nonnull(strstr(first.out, "H = [2 0; 0 2]."));
    ck_assert_ptr_nonnull(strstr(first.out, "Round: curvature 2 in every direction."));
    char path[128];
    snprintf(path, sizeof path, "%s/ch07-paths.gp", dir);
    char *script = read_text_file(path);
    ck_assert_ptr_nonnull(script);
    ck_assert_uint_lt(strlen(script), 1 << 20);
    run_chapter("ch07", none, &second);
    char *again = read_text_file(path);
    ck_assert_str_eq(first.out, second.out);
    ck_assert_str_eq(script, again);
    free(script);
    free(again);
    program_run_free(&first);
    program_run_free(&second);
    draw_scripts("ch07-*.gp");
    const char *const images[] = {"ch07-landscape.png", "ch07-paths.png",
                                  "ch07-badly-scaled.png", "ch07-standardized.png",
                                  "ch07-momentum.png", "ch07-noise-floor.png"};
    for (size_t k = 0; k < sizeof images / sizeof images[0]; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, images[k]);
        char *image = read_text_file(path);
        ck_assert_msg(image != NULL, "missing %s", images[k]);
        free(image);
    }
}
END_TEST

/* The final line of a chapter run with words, as text. line: 256 */
static void final_line_of(const char *chapter, const char *const *words, char line[256])
{
    ProgramRun run;
    run_chapter(chapter, words, &run);
    last_line(run.out, line, 256);
    program_run_free(&run);
}

START_TEST(chapter_07_without_momentum_walks_chapters_04_and_05s_paths)
{
    /* Full batch, no momentum, a constant rate: chapter 04's loop, so the
     * same last line to the last digit; batches of 10: chapter 05's. */
    const char *full[] = {"--epochs", "37", "--quiet", NULL};
    const char *batches[] = {"--batch", "10", "--lr", "0.05", "--quiet", NULL};
    char ours[256], theirs[256];
    final_line_of("ch07", full, ours);
    final_line_of("ch04", full, theirs);
    ck_assert_str_eq(ours, theirs);
    final_line_of("ch07", batches, ours);
    final_line_of("ch05", batches, theirs);
    ck_assert_str_eq(ours, theirs);
}
END_TEST

START_TEST(chapter_07_measures_momentum_and_the_noise_floor)
{
    /* The valley of x1 in [1, 3) has κ ≈ 80: plain descent must take exactly
     * the predicted count (its error shrinks by the same factor every step),
     * momentum at most its bound and at least 4 times fewer steps (√κ ≈ 9 in
     * the long run). The constant rate settles well above L* and within 30%
     * of the predicted lr·noise/4; the decaying rate within 1e-4 of L*. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch07", none, &run);
    double lr, beta, shrink, predicted[2];
    size_t steps[2];
    const char *row = strstr(run.out, "  plain descent ");
    ck_assert_ptr_nonnull(row);
    ck_assert_int_eq(sscanf(row, "  plain descent %lf %lf %lf %zu %lf", &lr, &beta, &shrink,
                            &steps[0], &predicted[0]),
                     5);
    row = strstr(run.out, "  momentum ");
    ck_assert_ptr_nonnull(row);
    ck_assert_int_eq(sscanf(row, "  momentum %lf %lf %lf %zu %lf", &lr, &beta, &shrink,
                            &steps[1], &predicted[1]),
                     5);
    ck_assert_double_eq(steps[0], predicted[0]);
    ck_assert_double_le(steps[1], predicted[1]);
    ck_assert_uint_ge(steps[0], 4 * steps[1]);
    double constant, decaying, expected;
    const char *floor_rows = strstr(run.out, "  constant rate 0.1 ");
    ck_assert_ptr_nonnull(floor_rows);
    ck_assert_int_eq(sscanf(floor_rows, "  constant rate 0.1 L* + %lf", &constant), 1);
    ck_assert_int_eq(sscanf(strstr(floor_rows, "(1 + t/100)"), "(1 + t/100) L* + %lf", &decaying),
                     1);
    /* "To first order in lr, lr * noise / 4 = L* + E." */
    const char *prediction = strstr(run.out, "lr * noise / 4 = L* + ");
    ck_assert_ptr_nonnull(prediction);
    ck_assert_int_eq(sscanf(prediction, "lr * noise / 4 = L* + %lf", &expected), 1);
    ck_assert_double_gt(constant, 0.7 * expected);
    ck_assert_double_lt(constant, 1.3 * expected);
    ck_assert_double_lt(fabs(decaying), 1e-4);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_07_refuses_bad_momentum_and_decay)
{
    const char *const cases[][3] = {{"ch07", "--momentum", "1"},
                                    {"ch07", "--momentum", "-0.5"},
                                    {"ch07", "--decay", "soon"},
                                    {"ch05", "--momentum", "0.9"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char program[64];
        snprintf(program, sizeof program, "%s/%s", BUILD_DIR, cases[k][0]);
        const char *argv[] = {program, "--out", dir, cases[k][1], cases[k][2], NULL};
        ProgramRun run;
        ck_assert(run_program(argv, &run));
        ck_assert_int_eq(run.exit_code, 2);
        ck_assert_ptr_nonnull(strstr(run.err, cases[k][1]));
        ck_assert_str_eq(run.out, "");
        program_run_free(&run);
    }
}
END_TEST

/* ---- Chapter 09 ---------------------------------------------------------- */

/* Reads ch09's last line: "final: best degree D, validation loss V; early
 * stopping keeps epoch E of degree S, validation loss W". */
static void read_ch09_final_line(const char *out, size_t *best_degree, double *best_loss,
                                 size_t *sgd_degree, size_t *epoch, double *stopped_loss)
{
    char line[256];
    last_line(out, line, sizeof line);
    ck_assert_msg(sscanf(line,
                         "final: best degree %zu, validation loss %lf; early stopping keeps "
                         "epoch %zu of degree %zu, validation loss %lf",
                         best_degree, best_loss, epoch, sgd_degree, stopped_loss) == 5,
                  "not ch09's final line: '%s'", line);
}

/* The rows "EPOCH TRAINING VALIDATION" of ch09's SGD table. rows: room for
 * max; returns how many. */
static size_t read_epoch_rows(const char *out, double (*rows)[3], size_t max)
{
    const char *at = strstr(out, " epoch   training   validation\n");
    ck_assert_ptr_nonnull(at);
    at = strchr(at, '\n') + 1;
    size_t count = 0;
    while (count < max && sscanf(at, "%lf %lf %lf", &rows[count][0], &rows[count][1],
                                 &rows[count][2]) == 3) {
        count++;
        at = strchr(at, '\n') + 1;
    }
    return count;
}

START_TEST(chapter_09_picks_the_cubic_and_stops_early)
{
    /* The points come from a cubic plus noise, so the validation loss, on
     * 100 points training never saw, is lowest at degree 3. A least-squares
     * fit of p coefficients to n points misses new points by about
     * σ² (1 + p/n) on average: (1/12)(1 + 4/15) ≈ 0.106 here, give or take
     * the sampling of 100 validation points (sd of a mean of 100 squared
     * uniform noises: sqrt((1/80 − 1/144)/100) ≈ 0.0075) and of the 15
     * training points; [0.07, 0.14] holds it. With 15 coefficients for 15
     * points the fit passes through every point: training loss 0. SGD on
     * degree 14: the training loss jitters by less than the printed digits,
     * so it never rises from one printed row to the next, while after the
     * validation minimum the validation loss only rises, to well above its
     * minimum by the last epoch. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch09", none, &run);
    ck_assert_str_eq(run.err, "");
    size_t best_degree, sgd_degree, epoch;
    double best_loss, stopped_loss;
    read_ch09_final_line(run.out, &best_degree, &best_loss, &sgd_degree, &epoch,
                         &stopped_loss);
    ck_assert_uint_eq(best_degree, 3);
    ck_assert_double_gt(best_loss, 0.07);
    ck_assert_double_lt(best_loss, 0.14);
    ck_assert_ptr_nonnull(strstr(run.out, "\n    14     0.0000 "));
    ck_assert_uint_eq(sgd_degree, 14);

    double rows[40][3];
    size_t count = read_epoch_rows(run.out, rows, 40);
    ck_assert_uint_ge(count, 10);
    ck_assert_double_eq(rows[count - 1][0], 50000.0);
    ck_assert_uint_gt(epoch, 0);
    ck_assert_uint_lt(epoch, 50000);
    for (size_t k = 1; k < count; k++) {
        ck_assert_double_le(rows[k][1], rows[k - 1][1]);
        if (rows[k - 1][0] >= (double)epoch)
            ck_assert_double_ge(rows[k][2], rows[k - 1][2]);
        ck_assert_double_ge(rows[k][2], stopped_loss - 5e-5); /* printed to 4 decimals */
    }
    ck_assert_double_gt(rows[count - 1][2], 5.0 * stopped_loss);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_09_stops_where_a_shorter_run_ends)
{
    /* The same seed makes the same shuffles, so a run of E epochs walks the
     * first E epochs of the long one. The epoch early stopping keeps, E, had
     * the lowest validation loss of every epoch up to where it stopped, so
     * a run of exactly E epochs ends there, keeps its last epoch, and finds
     * the same validation loss. */
    const char *quiet[] = {"--quiet", NULL};
    ProgramRun run;
    run_chapter("ch09", quiet, &run);
    size_t best_degree, sgd_degree, epoch, short_epoch;
    double best_loss, stopped_loss, short_loss;
    read_ch09_final_line(run.out, &best_degree, &best_loss, &sgd_degree, &epoch,
                         &stopped_loss);
    program_run_free(&run);
    char epochs[32];
    snprintf(epochs, sizeof epochs, "%zu", epoch);
    const char *words[] = {"--quiet", "--epochs", epochs, NULL};
    run_chapter("ch09", words, &run);
    read_ch09_final_line(run.out, &best_degree, &best_loss, &sgd_degree, &short_epoch,
                         &short_loss);
    ck_assert_uint_eq(short_epoch, epoch);
    ck_assert_double_eq(short_loss, stopped_loss);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_09s_figures_draw_and_repeat_byte_for_byte)
{
    const char *words[] = {"--epochs", "300", "--quiet", NULL};
    ProgramRun run;
    run_chapter("ch09", words, &run);
    program_run_free(&run);
    const char *names[3] = {"ch09-degree.gp", "ch09-epochs.gp", "ch09-fits.gp"};
    char *before[3];
    for (int k = 0; k < 3; k++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        before[k] = read_text_file(path);
        ck_assert_ptr_nonnull(before[k]);
    }
    run_chapter("ch09", words, &run);
    program_run_free(&run);
    for (int k = 0; k < 3; k++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        char *after = read_text_file(path);
        ck_assert_str_eq(before[k], after);
        free(before[k]);
        free(after);
    }
    char command[256];
    snprintf(command, sizeof command, "cd %s && for f in ch09-*.gp; do gnuplot $f || exit 1; done",
             dir);
    const char *argv[] = {"sh", "-c", command, NULL};
    ck_assert(run_program(argv, &run));
    ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "gnuplot: %s", run.err);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_09_refuses_what_it_cannot_use)
{
    /* Each bad command line or data file gets one line on stderr and its
     * exit code, and no final line. */
    const struct {
        const char *words[4];
        int exit_code;
        const char *message;
    } cases[] = {
        {{"--train", "1"}, 2, "ch09: --train: '1' is out of range"},
        {{"--degree", "31"}, 2, "ch09: --degree: '31' is out of range: use 0 to 30"},
        {{"--n", "50"}, 2, "ch09: --n is not used by ch09"},
        {{"--data", LINE_CSV, "--train", "80"}, 1,
         "ch09: tests/data/line.csv has 80 points: --train 80 leaves none to validate"},
        {{"--lr", "5"}, 1, "ch09: the loss diverged at epoch 1 with learning rate 5;"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char program[64];
        snprintf(program, sizeof program, "%s/ch09", BUILD_DIR);
        const char *argv[8] = {program, "--out", dir};
        for (int k = 0; k < 4 && cases[c].words[k] != NULL; k++)
            argv[3 + k] = cases[c].words[k];
        ProgramRun run;
        ck_assert(run_program(argv, &run));
        ck_assert_int_eq(run.exit_code, cases[c].exit_code);
        ck_assert_msg(strncmp(run.err, cases[c].message, strlen(cases[c].message)) == 0,
                      "case %zu said: %s", c, run.err);
        ck_assert_ptr_null(strstr(run.out, "final:"));
        program_run_free(&run);
    }
}
END_TEST

START_TEST(chapter_09_fits_your_own_data)
{
    /* tests/data/line.csv: 80 points near a line. 15 of them train, the 65
     * others validate; the straight line (degree 1) already brings the
     * validation loss from that of a constant (the spread of y) down to
     * the noise, and no degree does much better. */
    const char *words[] = {"--data", LINE_CSV, "--epochs", "100", NULL};
    ProgramRun run;
    run_chapter("ch09", words, &run);
    ck_assert_ptr_nonnull(strstr(run.out, "15 training points and 65 validation points"));
    size_t best_degree, sgd_degree, epoch;
    double best_loss, stopped_loss;
    read_ch09_final_line(run.out, &best_degree, &best_loss, &sgd_degree, &epoch,
                         &stopped_loss);
    double constant, line;
    const char *row0 = strstr(run.out, "\n     0 "), *row1 = strstr(run.out, "\n     1 ");
    ck_assert(row0 != NULL && row1 != NULL);
    ck_assert_int_eq(sscanf(row0, "%*d %*f %lf", &constant), 1);
    ck_assert_int_eq(sscanf(row1, "%*d %*f %lf", &line), 1);
    ck_assert_double_lt(line, constant / 10.0);
    ck_assert_double_gt(best_loss, line / 2.0);
    program_run_free(&run);
}
END_TEST

/* ---- Chapter 10: a neural network, trained by the same loop ------------ */

/* Reads "final: hidden = H, loss = L" from the last line. */
static void read_network_final_line(const char *out, size_t *hidden, double *loss)
{
    char line[256];
    last_line(out, line, sizeof line);
    ck_assert_msg(sscanf(line, "final: hidden = %zu, loss = %lf", hidden, loss) == 2,
                  "not a network's final line: '%s'", line);
}

/* Chapter 10's points for seed, rebuilt here, and the loss of their best
 * straight line by chapter 03's closed form. */
static double best_line_loss_of_curve_data(uint64_t seed, Dataset *data)
{
    Rng rng = rng_seeded(seed);
    ck_assert_int_eq(curve_data(data, 100, &rng, NULL), STATUS_OK);
    double best[2];
    ck_assert_int_eq(least_squares(data->x, data->y, data->n, best, NULL), STATUS_OK);
    return loss_of(data->x, data->y, data->n, best);
}

START_TEST(chapter_10_beats_the_best_line_ten_times_over)
{
    /* The chapter's promise: on its default data the network's loss is at
     * least ten times below the floor of every straight line. */
    const char *quiet[] = {"--quiet", NULL};
    ProgramRun run;
    run_chapter("ch10", quiet, &run);
    ck_assert_int_eq(strchr(run.out, '\n') - run.out, (long)strlen(run.out) - 1);
    size_t hidden;
    double loss;
    read_network_final_line(run.out, &hidden, &loss);
    ck_assert_uint_eq(hidden, 16);
    Dataset data;
    double line_loss = best_line_loss_of_curve_data(42, &data);
    ck_assert_msg(loss > 0.0 && loss * 10.0 < line_loss,
                  "the network's loss %g is not ten times below the line's %g", loss, line_loss);
    program_run_free(&run);
    data_free(&data);
}
END_TEST

START_TEST(chapter_10_from_zeros_the_units_stay_identical)
{
    /* From zeros only b2 moves (the units' gradients are 0), so the network
     * is a constant, whose loss is at least the variance of y (the loss of
     * the best constant, the mean): nothing below it, to the printed digits. */
    const char *zeros[] = {"--init", "zeros", NULL};
    ProgramRun run;
    run_chapter("ch10", zeros, &run);
    ck_assert_ptr_nonnull(strstr(run.out, "the 16 hidden units are all identical"));
    ck_assert_ptr_nonnull(strstr(run.out, "w1 = 0.0000, b1 = 0.0000, w2 = 0.0000"));
    size_t hidden;
    double loss;
    read_network_final_line(run.out, &hidden, &loss);
    Dataset data;
    best_line_loss_of_curve_data(42, &data);
    double mean = 0.0, variance = 0.0;
    for (size_t i = 0; i < data.n; i++)
        mean += data.y[i] / (double)data.n;
    for (size_t i = 0; i < data.n; i++)
        variance += (data.y[i] - mean) * (data.y[i] - mean) / (double)data.n;
    ck_assert_msg(loss >= variance - 5e-5, "loss %g below the variance of y, %g", loss,
                  variance);
    program_run_free(&run);

    const char *random[] = {"--init", "random", NULL};
    run_chapter("ch10", random, &run);
    ck_assert_ptr_null(strstr(run.out, "identical"));
    program_run_free(&run);
    data_free(&data);
}
END_TEST

START_TEST(chapter_10_stops_a_blow_up_and_refuses_bad_flags)
{
    char program[64];
    snprintf(program, sizeof program, "%s/ch10", BUILD_DIR);
    struct {
        const char *words[3];
        int exit_code;
        const char *message;
    } cases[] = {
        {{"--lr", "5", NULL}, 1, "diverged at iteration"},
        {{"--lr", "5", NULL}, 1, "try a smaller one, such as --lr 0.5"},
        {{"--hidden", "0", NULL}, 2, "--hidden: '0' is out of range"},
        {{"--init", "ones", NULL}, 2, "--init: 'ones' is not random or zeros"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *argv[] = {program, "--out", dir, cases[k].words[0], cases[k].words[1], NULL};
        ProgramRun run;
        ck_assert(run_program(argv, &run));
        ck_assert_int_eq(run.exit_code, cases[k].exit_code);
        ck_assert_msg(strstr(run.err, cases[k].message) != NULL, "stderr: %s", run.err);
        program_run_free(&run);
    }
    snprintf(program, sizeof program, "%s/ch04", BUILD_DIR);
    const char *argv[] = {program, "--hidden", "3", NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_int_eq(run.exit_code, 2);
    ck_assert_ptr_nonnull(strstr(run.err, "--hidden is not used by ch04"));
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_10_fits_a_readers_data)
{
    /* A file's points have no known curve: no noise floor is claimed. */
    const char *words[] = {"--data", LINE_CSV, "--hidden", "4", NULL};
    ProgramRun run;
    run_chapter("ch10", words, &run);
    size_t hidden;
    double loss;
    read_network_final_line(run.out, &hidden, &loss);
    ck_assert_uint_eq(hidden, 4);
    ck_assert(isfinite(loss));
    ck_assert_ptr_nonnull(strstr(run.out, "points from tests/data/line.csv"));
    ck_assert_ptr_null(strstr(run.out, "the noise alone"));
    program_run_free(&run);
}
END_TEST

/* ---- Chapter 11: softmax regression and a network on the digits -------- */

/* Reads "final: error_rate = E, loss = L" from the last line, and the
 * "softmax regression: error_rate = E" line before it. */
static void read_classifier_lines(const char *out, double *net_error, double *net_loss,
                                  double *softmax_error)
{
    char line[256];
    last_line(out, line, sizeof line);
    ck_assert_msg(sscanf(line, "final: error_rate = %lf, loss = %lf", net_error, net_loss) == 2,
                  "not a classifier's final line: '%s'", line);
    const char *softmax = strstr(out, "\nsoftmax regression: error_rate = ");
    ck_assert_msg(softmax != NULL, "no softmax regression line in: %s", out);
    ck_assert_int_eq(sscanf(softmax, "\nsoftmax regression: error_rate = %lf", softmax_error),
                     1);
}

START_TEST(chapter_11_learns_the_digits_in_a_few_epochs)
{
    /* Three epochs and a small network: chance, guessing among 10 classes,
     * gets 0.9 of the held-out digits wrong; both models must get under
     * 0.1 of them wrong, with a finite loss below the 2.3026 = ln 10 of
     * equal probabilities. Every figure draws without a word. */
    const char *words[] = {"--epochs", "3", "--hidden", "16", NULL};
    ProgramRun run;
    run_chapter("ch11", words, &run);
    double net_error, net_loss, softmax_error;
    read_classifier_lines(run.out, &net_error, &net_loss, &softmax_error);
    ck_assert_msg(net_error < 0.1 && softmax_error < 0.1, "error rates %g and %g", net_error,
                  softmax_error);
    ck_assert(net_loss > 0.0 && net_loss < log(10.0));
    ck_assert_ptr_nonnull(strstr(run.out, "1797 examples from data/digits.csv, 64 numbers"));
    ck_assert_ptr_nonnull(strstr(run.out, "a fifth of each class, 359 examples"));
    ck_assert_ptr_nonnull(strstr(run.out, "1438 to train on"));
    ck_assert_str_eq(run.err, "");
    program_run_free(&run);
    draw_scripts("ch11-*.gp");
    const char *const images[] = {"ch11-samples.png", "ch11-templates.png", "ch11-loss.png",
                                  "ch11-error.png", "ch11-mistakes.png", "ch11-confusion.png"};
    assert_images_drawn(images, sizeof images / sizeof images[0]);
}
END_TEST

START_TEST(chapter_11_repeats_itself_byte_for_byte)
{
    const char *words[] = {"--epochs", "2", "--hidden", "8", "--seed", "5", NULL};
    assert_the_same_bytes_twice("ch11", words, "ch11-templates.gp");
}
END_TEST

/* Writes n rows of 3 inputs and a label to path: class c near 4 e_c, each
 * input off by up to ±1, drawn from seed. */
static void write_three_clusters(const char *path, size_t n, uint64_t seed)
{
    FILE *file = fopen(path, "w");
    ck_assert_ptr_nonnull(file);
    Rng rng = rng_seeded(seed);
    fputs("a,b,c,class\n", file);
    for (size_t i = 0; i < n; i++) {
        size_t c = i % 3;
        for (size_t j = 0; j < 3; j++)
            fprintf(file, "%.6f,", (j == c ? 4.0 : 0.0) + rng_uniform_between(&rng, -1, 1));
        fprintf(file, "%zu\n", c);
    }
    ck_assert_int_eq(fclose(file), 0);
}

START_TEST(chapter_11_classifies_a_readers_files)
{
    /* Three clusters four apart, each point within 1 of its centre: a
     * straight boundary separates them, so both models get every held-out
     * point right. Three inputs are no square image: no pictures. */
    char train[128], test[128];
    snprintf(train, sizeof train, "%s/train.csv", dir);
    snprintf(test, sizeof test, "%s/test.csv", dir);
    write_three_clusters(train, 60, 1);
    write_three_clusters(test, 30, 2);
    const char *words[] = {"--data", train, "--test", test, "--epochs", "20", NULL};
    ProgramRun run;
    run_chapter("ch11", words, &run);
    double net_error, net_loss, softmax_error;
    read_classifier_lines(run.out, &net_error, &net_loss, &softmax_error);
    ck_assert_double_eq(net_error, 0.0);
    ck_assert_double_eq(softmax_error, 0.0);
    ck_assert_ptr_nonnull(strstr(run.out, "skipped a header line: 'a,b,c,class'"));
    ck_assert_ptr_nonnull(strstr(run.out, "60 examples from"));
    ck_assert_ptr_nonnull(strstr(run.out, "the 30 examples of"));
    ck_assert_ptr_nonnull(strstr(run.out, "no square image"));
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_12_learns_the_digits_in_three_epochs)
{
    /* Three epochs of the convolutional network, three optimizers, the rate
     * falling to 0 by the third: chance gets 0.9 of the held-out digits
     * wrong; momentum must get under 0.2 wrong (0.09 when this was
     * written), with a loss below ln 10. Both figures draw without a word. */
    const char *words[] = {"--epochs", "3", NULL};
    ProgramRun run;
    run_chapter("ch12", words, &run);
    char line[256];
    last_line(run.out, line, sizeof line);
    double error, loss;
    ck_assert_msg(sscanf(line, "final: error_rate = %lf, loss = %lf", &error, &loss) == 2,
                  "not a classifier's final line: '%s'", line);
    ck_assert_msg(error < 0.2, "error_rate %g", error);
    ck_assert(loss > 0.0 && loss < log(10.0));
    ck_assert_ptr_nonnull(strstr(run.out, "6090 parameters in all."));
    ck_assert_ptr_nonnull(strstr(run.out, "\n  adam       0.005 "));
    ck_assert_str_eq(run.err, "");
    program_run_free(&run);
    draw_scripts("ch12-*.gp");
    const char *const images[] = {"ch12-filters.png", "ch12-optimizers.png"};
    assert_images_drawn(images, 2);
}
END_TEST

Suite *chapters_suite(void)
{
    Suite *suite = suite_create("chapters");
    TCase *tc = tcase_create("end to end");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, make_scratch, remove_scratch);
    tcase_add_test(tc, every_chapter_runs_with_its_defaults);
    tcase_add_test(tc, every_emitted_script_draws_in_gnuplot);
    tcase_add_test(tc, the_same_command_gives_the_same_bytes);
    tcase_add_test(tc, quiet_prints_one_line_and_help_lists_the_flags);
    tcase_add_test(tc, chapter_03_solves_what_gnuplot_fits);
    tcase_add_test(tc, chapter_04_lands_within_1e_3_of_least_squares);
    tcase_add_test(tc, chapter_05_lands_within_0_1_of_least_squares);
    tcase_add_test(tc, chapter_04_defaults_match_the_notebook);
    tcase_add_test(tc, chapter_05_reports_a_comparison_run_that_diverges_and_goes_on);
    tcase_add_test(tc, chapter_04_shows_the_loss_exploding_before_the_error);
    tcase_add_test(tc, chapter_05_counts_a_blow_up_in_iterations_and_epochs);
    tcase_add_test(tc, badly_scaled_data_gets_the_advice_to_rescale);
    tcase_add_test(tc, a_huge_final_loss_is_printed_short_and_parseable);
    tcase_add_test(tc, chapter_05_compares_the_run_it_made);
    tcase_add_test(tc, chapter_04_walks_the_library_trainers_path);
    tcase_add_test(tc, chapter_08_trains_to_chapter_04s_final_line);
    tcase_add_test(tc, chapter_08_diverges_where_chapter_04_does);
    tcase_add_test(tc, chapter_08_prints_the_gradient_calculus_gives);
    tcase_add_test(tc, chapter_08_without_no_grad_grows_one_graph_a_step);
    tcase_add_test(tc, chapter_09_picks_the_cubic_and_stops_early);
    tcase_add_test(tc, chapter_09_stops_where_a_shorter_run_ends);
    tcase_add_test(tc, chapter_09s_figures_draw_and_repeat_byte_for_byte);
    tcase_add_test(tc, chapter_09_refuses_what_it_cannot_use);
    tcase_add_test(tc, chapter_09_fits_your_own_data);
    suite_add_tcase(suite, tc);

    TCase *ch06 = tcase_create("chapter 06");
    tcase_set_timeout(ch06, 120);
    tcase_add_checked_fixture(ch06, make_scratch, remove_scratch);
    tcase_add_test(ch06, chapter_06_standardized_lands_on_least_squares_at_any_offset);
    tcase_add_test(ch06, chapter_06_standardized_agrees_with_gnuplot_on_noisy_data);
    tcase_add_test(ch06, chapter_06_prints_the_bound_that_separates_converging_from_diverging);
    tcase_add_test(ch06, chapter_06_counts_the_steps_the_algebra_predicts);
    tcase_add_test(ch06, chapter_06_crawl_grows_like_the_condition_number);
    tcase_add_test(ch06, chapter_06_real_data_fails_at_the_default_rate_and_standardize_fits_it);
    tcase_add_test(ch06, only_chapter_06_on_takes_standardize);
    tcase_add_test(ch06, chapters_05_07_and_08_fit_real_data_with_standardize);
    tcase_add_test(ch06, chapter_05s_titles_say_what_its_runs_did);
    suite_add_tcase(suite, ch06);

    TCase *ch10 = tcase_create("chapter 10");
    tcase_set_timeout(ch10, 60);
    tcase_add_checked_fixture(ch10, make_scratch, remove_scratch);
    tcase_add_test(ch10, chapter_10_beats_the_best_line_ten_times_over);
    tcase_add_test(ch10, chapter_10_from_zeros_the_units_stay_identical);
    tcase_add_test(ch10, chapter_10_stops_a_blow_up_and_refuses_bad_flags);
    tcase_add_test(ch10, chapter_10_fits_a_readers_data);
    suite_add_tcase(suite, ch10);

    TCase *ch11 = tcase_create("chapter 11");
    tcase_set_timeout(ch11, 60);
    tcase_add_checked_fixture(ch11, make_scratch, remove_scratch);
    tcase_add_test(ch11, chapter_11_learns_the_digits_in_a_few_epochs);
    tcase_add_test(ch11, chapter_11_repeats_itself_byte_for_byte);
    tcase_add_test(ch11, chapter_11_classifies_a_readers_files);
    tcase_add_test(ch11, chapter_12_learns_the_digits_in_three_epochs);
    suite_add_tcase(suite, ch11);

    TCase *ch07 = tcase_create("chapter 07");
    tcase_set_timeout(ch07, 60);
    tcase_add_checked_fixture(ch07, make_scratch, remove_scratch);
    tcase_add_test(ch07, chapter_07_runs_draws_and_repeats_itself);
    tcase_add_test(ch07, chapter_07_without_momentum_walks_chapters_04_and_05s_paths);
    tcase_add_test(ch07, chapter_07_measures_momentum_and_the_noise_floor);
    tcase_add_test(ch07, chapter_07_refuses_bad_momentum_and_decay);
    suite_add_tcase(suite, ch07);
    return suite;
}
