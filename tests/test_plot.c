/* Tests for code/plot.c: gnuplot itself accepts every kind of script we
 * write and draws the image it names; scripts stay small; folders are made. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "plot.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

static char dir[64];

static void make_scratch(void)
{
    ck_assert(make_temp_dir(dir, sizeof dir));
}

static void remove_scratch(void)
{
    remove_temp_dir(dir);
}

static Dataset some_data(size_t n)
{
    Dataset data;
    Rng rng = rng_seeded(1);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, n, a_true, &rng, NULL), STATUS_OK);
    return data;
}

static long file_size(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 ? (long)info.st_size : -1;
}

/* Runs gnuplot on DIR/NAME.gp from another folder, as a reader might, and
 * checks that it succeeds and draws DIR/NAME.EXTENSION. */
static void check_gnuplot_draws(const char *name, const char *extension)
{
    char script[128], image[128];
    snprintf(script, sizeof script, "%s/%s.gp", dir, name);
    snprintf(image, sizeof image, "%s/%s.%s", dir, name, extension);
    const char *argv[] = {"gnuplot", script, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_msg(run.exit_code == 0, "gnuplot failed on %s: %s", script, run.err);
    ck_assert_msg(gnuplot_was_silent(run.err), "gnuplot warned on %s: %s", script, run.err);
    program_run_free(&run);
    ck_assert_int_gt(file_size(image), 1000);
}

/* Only NAME.gp files and the images: no temporary file left behind. */
static void check_no_temporary_files(void)
{
    DIR *folder = opendir(dir);
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL)
        ck_assert_msg(entry->d_name[0] != '.' || strcmp(entry->d_name, ".") == 0 ||
                          strcmp(entry->d_name, "..") == 0,
                      "left behind: %s", entry->d_name);
    closedir(folder);
}

START_TEST(gnuplot_draws_the_fit_script)
{
    Dataset data = some_data(100);
    Line lines[2] = {{"true line", {3, 2}}, {"it's quoted", {-1, 1}}};
    ck_assert_int_eq(plot_fit(dir, "fit", "A title with a ' quote", &data, lines, 2, NULL),
                     STATUS_OK);
    check_gnuplot_draws("fit", "png");
    check_no_temporary_files();
    data_free(&data);
}
END_TEST

START_TEST(gnuplot_draws_the_curves_script)
{
    const double x[4] = {1, 10, 100, 1000}, y[4] = {8, 1, 0.1, 0.09};
    Curve curves[2] = {{"loss", "lines lw 2", x, y, 4}, {"start", "points pt 7", x, y, 1}};
    Axes axes = {.title = "title", .x_label = "step", .y_label = "loss", .log_x = true,
                 .log_y = true};
    ck_assert_int_eq(plot_curves(dir, "curves", &axes, curves, 2, NULL), STATUS_OK);
    check_gnuplot_draws("curves", "png");
}
END_TEST

START_TEST(gnuplot_draws_the_animation_script)
{
    Dataset data = some_data(50);
    double path[11 * 2]; /* 11 steps of (a1, a2) */
    for (int k = 0; k <= 10; k++) {
        path[2 * k] = -1 + 0.4 * k;
        path[2 * k + 1] = 1 + 0.15 * k;
    }
    ck_assert_int_eq(plot_animation(dir, "anim", "moving", &data, path,
                                    10, NULL),
                     STATUS_OK);
    check_gnuplot_draws("anim", "gif");
    data_free(&data);
}
END_TEST

START_TEST(a_script_stays_small_whatever_n_is)
{
    /* At most PLOT_MAX_POINTS rows of about 20 bytes, plus the header. */
    Dataset data = some_data(200000);
    ck_assert_int_eq(plot_fit(dir, "big", "big", &data, NULL, 0, NULL), STATUS_OK);
    char path[128];
    snprintf(path, sizeof path, "%s/big.gp", dir);
    ck_assert_int_lt(file_size(path), 2000 + 25 * PLOT_MAX_POINTS);
    data_free(&data);

    double steps[5000], loss[5000];
    for (int k = 0; k < 5000; k++) {
        steps[k] = k;
        loss[k] = 1.0 / (1 + k);
    }
    Curve curve = {"loss", "lines", steps, loss, 5000};
    Axes axes = {.title = "t", .x_label = "x", .y_label = "y", .y_from_zero = true};
    ck_assert_int_eq(plot_curves(dir, "long", &axes, &curve, 1, NULL), STATUS_OK);
    snprintf(path, sizeof path, "%s/long.gp", dir);
    ck_assert_int_lt(file_size(path), 2000 + 25 * (PLOT_MAX_CURVE_POINTS + 1));
    check_gnuplot_draws("long", "png");
}
END_TEST

START_TEST(folders_are_made_and_a_file_in_the_way_is_an_error)
{
    char nested[128], blocked[128];
    snprintf(nested, sizeof nested, "%s/a/b/c", dir);
    ck_assert_int_eq(make_directory(nested, NULL), STATUS_OK);
    struct stat info;
    ck_assert(stat(nested, &info) == 0 && S_ISDIR(info.st_mode));
    ck_assert_int_eq(make_directory(nested, NULL), STATUS_OK); /* exists: fine */

    char file[128];
    snprintf(file, sizeof file, "%s/plain-file", dir);
    ck_assert(write_text_file(file, "not a folder\n"));
    snprintf(blocked, sizeof blocked, "%s/plain-file/figures", dir);
    Error err;
    Dataset data = some_data(10);
    ck_assert_int_eq(plot_fit(blocked, "fit", "t", &data, NULL, 0, &err), STATUS_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "plain-file"));
    data_free(&data);
}
END_TEST

Suite *plot_suite(void)
{
    Suite *suite = suite_create("plot");
    TCase *tc = tcase_create("plot");
    tcase_set_timeout(tc, 30);
    tcase_add_checked_fixture(tc, make_scratch, remove_scratch);
    tcase_add_test(tc, gnuplot_draws_the_fit_script);
    tcase_add_test(tc, gnuplot_draws_the_curves_script);
    tcase_add_test(tc, gnuplot_draws_the_animation_script);
    tcase_add_test(tc, a_script_stays_small_whatever_n_is);
    tcase_add_test(tc, folders_are_made_and_a_file_in_the_way_is_an_error);
    suite_add_tcase(suite, tc);
    return suite;
}
