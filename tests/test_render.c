/* Tests for code/render.c and the frame's use of it: a run draws its
 * figures with gnuplot into images beside their scripts and says where they
 * are; with no gnuplot, the images an older run drew go rather than sit
 * stale beside new scripts; a script gnuplot refuses is a warning, named
 * as the reader finds it, and leaves no image. The other suites turn the
 * drawing off (SGD_GNUPLOT empty, tests/main.c); these turn it back on. */
#define _POSIX_C_SOURCE 200809L /* setenv, unsetenv, symlink */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figures.h"
#include "render.h"
#include "run_program.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

enum { PATH_SIZE = 256 };

static char dir[64];

static void make_scratch(void)
{
    ck_assert(make_temp_dir(dir, sizeof dir));
}

static void remove_scratch(void)
{
    remove_temp_dir(dir);
}

/* Whether DIR/name exists, as a file or a link (not followed). */
static bool exists(const char *name)
{
    char path[PATH_SIZE];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct stat info;
    return lstat(path, &info) == 0;
}

static long size_of(const char *name)
{
    char path[PATH_SIZE];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct stat info;
    return stat(path, &info) == 0 ? (long)info.st_size : -1;
}

/* BUILD_DIR/chapter --out DIR and up to four more words, with SGD_GNUPLOT
 * set to gnuplot (NULL: unset, the reader's case); expects exit 0. */
static void run_drawing_with(const char *gnuplot, const char *chapter,
                             const char *const *words, ProgramRun *run)
{
    if (gnuplot == NULL)
        unsetenv("SGD_GNUPLOT");
    else
        setenv("SGD_GNUPLOT", gnuplot, 1);
    char program[64];
    snprintf(program, sizeof program, "%s/%s", BUILD_DIR, chapter);
    const char *argv[8] = {program, "--out", dir};
    for (int k = 0; words[k] != NULL && k < 4; k++)
        argv[3 + k] = words[k];
    ck_assert(run_program(argv, run));
    ck_assert_msg(run->exit_code == 0, "%s failed: %s", chapter, run->err);
}

START_TEST(a_run_draws_its_figures_beside_their_scripts_and_says_where)
{
    const char *none[] = {NULL};
    ProgramRun run;
    run_drawing_with(NULL, "ch04", none, &run);
    const char *images[] = {"ch04-animation.gif", "ch04-fit.png", "ch04-loss.png"};
    for (size_t k = 0; k < 3; k++)
        ck_assert_msg(size_of(images[k]) > 1000, "no %s/%s after the run", dir, images[k]);
    char said[PATH_SIZE];
    snprintf(said, sizeof said, "gnuplot drew the images in %s/: ch04-animation.gif,", dir);
    ck_assert_msg(strstr(run.out, said) != NULL && strstr(run.out, " ch04-loss.png\n"),
                  "the run never said '%s … ch04-loss.png':\n%s", said, run.out);
    /* The animation's "75 frames in animation sequence" is no complaint. */
    ck_assert_msg(run.err[0] == '\0', "the run warned: %s", run.err);
    program_run_free(&run);
}
END_TEST

START_TEST(a_run_with_no_gnuplot_takes_away_the_images_it_made_stale)
{
    const char *none[] = {NULL}, *shorter[] = {"--n", "5", NULL};
    ProgramRun run;
    run_drawing_with(NULL, "ch01", none, &run);
    program_run_free(&run);
    ck_assert(exists("ch01-data.png"));
    run_drawing_with("/nonexistent/gnuplot", "ch01", shorter, &run);
    ck_assert_msg(!exists("ch01-data.png"),
                  "ch01-data.png of the run before stayed beside the new ch01-data.gp");
    ck_assert(exists("ch01-data.gp"));
    ck_assert_msg(strstr(run.out, "No gnuplot here to draw the images") != NULL, "%s", run.out);
    program_run_free(&run);
}
END_TEST

START_TEST(an_image_that_is_a_link_is_never_taken_away)
{
    char target[PATH_SIZE], link[PATH_SIZE];
    snprintf(target, sizeof target, "%s/mine.png", dir);
    snprintf(link, sizeof link, "%s/ch01-data.png", dir);
    ck_assert(write_text_file(target, "the reader's own"));
    ck_assert_int_eq(symlink("mine.png", link), 0);
    const char *none[] = {NULL};
    ProgramRun run;
    run_drawing_with("/nonexistent/gnuplot", "ch01", none, &run);
    program_run_free(&run);
    ck_assert_msg(exists("ch01-data.png") && exists("mine.png"),
                  "the run removed a link it did not make, or its target");
}
END_TEST

START_TEST(a_script_gnuplot_refuses_is_a_warning_and_leaves_no_image)
{
    const char *none[] = {NULL};
    ProgramRun run;
    run_drawing_with("false", "ch01", none, &run); /* a "gnuplot" that always fails */
    char warned[PATH_SIZE];
    snprintf(warned, sizeof warned,
             "ch01: warning: gnuplot could not draw %s/ch01-data.gp: exit status 1", dir);
    ck_assert_msg(strstr(run.err, warned) != NULL, "expected '%s', got: %s", warned, run.err);
    ck_assert(!exists("ch01-data.png"));
    ck_assert(exists("ch01-data.gp"));
    program_run_free(&run);
}
END_TEST

/* Writes DIR/NAME.gp, a script that draws plot_line into DIR/NAME.png,
 * and returns render_figures()'s complaint about the folder in refused. */
static void complaint_about(const char *name, const char *plot_line, char refused[256])
{
    char script[PATH_SIZE], text[512];
    snprintf(script, sizeof script, "%s/%s.gp", dir, name);
    snprintf(text, sizeof text,
             "set terminal pngcairo\nset output ARG0[:strlen(ARG0) - 3] . '.png'\n%s\n",
             plot_line);
    ck_assert(write_text_file(script, text));
    unsetenv("SGD_GNUPLOT");
    Rendering drawn;
    Error err;
    ck_assert_int_eq(render_figures(dir, &drawn, &err), STATUS_OK);
    ck_assert(!drawn.missing);
    ck_assert_uint_eq(drawn.drawn, 0);
    memcpy(refused, drawn.refused, sizeof drawn.refused);
    remove(script);
}

START_TEST(gnuplot_complaints_are_named_by_the_script_and_its_line)
{
    /* An error: gnuplot names the script by the path it was given, inside
     * the set's hidden folder; the message names it by NAME.gp alone. */
    char refused[256];
    complaint_about("error", "plot [1:1] x", refused);
    ck_assert_msg(strcmp(refused, "error.gp: line 3: x_min should not equal x_max!") == 0,
                  "refused: '%s'", refused);
    ck_assert(!exists("error.png"));
    /* A warning: gnuplot exits 0, but the image it drew is not the figure
     * the script meant, so it goes too. */
    complaint_about("warning", "$d << EOD\n1 1\n1 2\nEOD\nplot $d", refused);
    ck_assert_msg(strncmp(refused, "warning.gp: Warning: empty x range", 34) == 0,
                  "refused: '%s'", refused);
    ck_assert(!exists("warning.png"));
}
END_TEST

START_TEST(a_stopped_runs_images_are_cleared_with_its_scripts)
{
    /* A run stopped after drawing leaves a set with NAME.gp and NAME.png;
     * the next run clears both (no live run holds the set's lock), so the
     * set's folder does not stay for ever. */
    char set[PATH_SIZE], file[2 * PATH_SIZE];
    snprintf(set, sizeof set, "%s/.figures.AbC123", dir);
    ck_assert_int_eq(mkdir(set, 0700), 0);
    const char *names[] = {"ch01-data.gp", "ch01-data.png", "ch04-animation.gif"};
    for (int k = 0; k < 3; k++) {
        snprintf(file, sizeof file, "%s/%s", set, names[k]);
        ck_assert(write_text_file(file, "a figure of a stopped run"));
    }
    FigureSet *figures;
    Error err;
    ck_assert_int_eq(figures_begin(&figures, dir, &err), STATUS_OK);
    ck_assert_int_eq(figures_finish(figures, STATUS_OK, &err), STATUS_OK);
    ck_assert_msg(!exists(".figures.AbC123"), "the stopped run's set is still there");
}
END_TEST

Suite *render_suite(void)
{
    Suite *suite = suite_create("render");
    TCase *tc = tcase_create("drawing");
    tcase_set_timeout(tc, 30);
    tcase_add_checked_fixture(tc, make_scratch, remove_scratch);
    tcase_add_test(tc, a_run_draws_its_figures_beside_their_scripts_and_says_where);
    tcase_add_test(tc, a_run_with_no_gnuplot_takes_away_the_images_it_made_stale);
    tcase_add_test(tc, an_image_that_is_a_link_is_never_taken_away);
    tcase_add_test(tc, a_script_gnuplot_refuses_is_a_warning_and_leaves_no_image);
    tcase_add_test(tc, gnuplot_complaints_are_named_by_the_script_and_its_line);
    tcase_add_test(tc, a_stopped_runs_images_are_cleared_with_its_scripts);
    suite_add_tcase(suite, tc);
    return suite;
}
