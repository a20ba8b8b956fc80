/* Tests for code/plot.c: gnuplot itself accepts every kind of script we
 * write, for ordinary data and for degenerate data alike, and draws the image
 * it names; numbers keep their digits; legends spell a line one way; a colour
 * means one thing; a script that cannot be written whole is not left
 * behind; and the chapters' figures say what their runs did. (How a run's
 * figures replace the old ones, all together, is tests/test_figures.c.) */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "plot.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

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

/* A data set of the n points (x[i], y[i]). */
static Dataset data_of(const double *x, const double *y, size_t n)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, n, NULL), STATUS_OK);
    for (size_t i = 0; i < n; i++) {
        data.x[2 * i] = x[i];
        data.y[i] = y[i];
    }
    return data;
}

static long file_size(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 ? (long)info.st_size : -1;
}

/* DIR/NAME as a new string; NULL if it cannot be read. */
static char *read_in_dir(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return read_text_file(path);
}

/* Runs gnuplot on DIR/NAME.gp from another folder, as a reader might, and
 * checks that it succeeds silently and draws DIR/NAME.EXTENSION. */
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

/* No hidden file or folder in folder: no temporary script, no figure set. */
static void check_nothing_hidden_in(const char *folder)
{
    char name[256];
    ck_assert_msg(!find_hidden_entry(folder, name, sizeof name), "left behind: %s/%s", folder,
                  name);
}

/* The inode and contents of DIR/name (see fingerprint_file), as a new string. */
static char *fingerprint(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *print = fingerprint_file(path);
    ck_assert_ptr_nonnull(print);
    return print;
}

/* The plot clause of a script whose title is 'title': from the start of its
 * line to the title, as a new string. */
static char *clause_titled(const char *script, const char *title)
{
    char quoted[128];
    snprintf(quoted, sizeof quoted, "title '%s'", title);
    const char *end = strstr(script, quoted);
    ck_assert_msg(end != NULL, "no %s in the script", quoted);
    const char *start = end;
    while (start > script && start[-1] != '\n')
        start--;
    size_t length = (size_t)(end - start);
    char *clause = malloc(length + 1);
    memcpy(clause, start, length);
    clause[length] = '\0';
    return clause;
}

/* ---- Scripts gnuplot draws --------------------------------------------- */

START_TEST(gnuplot_draws_the_fit_script)
{
    Dataset data = some_data(100);
    Line lines[2] = {{"true line", {3, 2}, ROLE_TRUE_LINE},
                     {"it's quoted", {-1, 1}, ROLE_START}};
    ck_assert_int_eq(plot_fit(dir, "fit", "A title with a ' quote", &data, lines, 2, NULL),
                     STATUS_OK);
    check_gnuplot_draws("fit", "png");
    check_nothing_hidden_in(dir);
    data_free(&data);
}
END_TEST

START_TEST(gnuplot_draws_the_curves_script)
{
    const double x[4] = {1, 10, 100, 1000}, y[4] = {8, 1, 0.1, 0.09};
    Curve curves[2] = {{"loss", ROLE_FULL_BATCH, false, x, y, 4},
                       {"start", ROLE_START, true, x, y, 1}};
    Axes axes = {.title = "title", .x_label = "step", .y_label = "loss", .log_x = true,
                 .log_y = true};
    ck_assert_int_eq(plot_curves(dir, "curves", &axes, curves, 2, NULL), STATUS_OK);
    check_gnuplot_draws("curves", "png");
}
END_TEST

START_TEST(gnuplot_draws_the_animation_script)
{
    Dataset data = some_data(50);
    double a[11 * 2]; /* 11 steps of (a1, a2) */
    for (int k = 0; k <= 10; k++) {
        a[2 * k] = -1 + 0.4 * k;
        a[2 * k + 1] = 1 + 0.15 * k;
    }
    Path path = {a, 10, ROLE_FULL_BATCH};
    Line target = {"target", {3, 2.5}, ROLE_LEAST_SQUARES};
    ck_assert_int_eq(plot_animation(dir, "anim", "moving, lr = 0.1", &data, &path, &target,
                                    NULL),
                     STATUS_OK);
    check_gnuplot_draws("anim", "gif");
    /* Every frame's key spells its line the one way; the target is drawn. */
    char *script = read_in_dir("anim.gp");
    ck_assert_ptr_nonnull(strstr(script, "'step 0: y = -x1 + 1'"));
    ck_assert_ptr_nonnull(strstr(script, "'step 10: y = 3*x1 + 2.50'"));
    /* The target is dashed: the GIF terminal draws every dash type solid
     * (libgd), so the dashes are segments of their own, $dashes, each on
     * the line y = 3 x + 2.5, one after another. */
    char *clause = clause_titled(script, "target");
    ck_assert_ptr_nonnull(strstr(clause, "$dashes with lines"));
    free(clause);
    const char *row = strstr(script, "$dashes << EOD\n");
    ck_assert_ptr_nonnull(row);
    row = strchr(row, '\n') + 1;
    size_t dashes = 0, points = 0;
    double x, y, last_x = -INFINITY;
    for (; strncmp(row, "EOD", 3) != 0; row = strchr(row, '\n') + 1) {
        if (*row == '\n') {
            dashes++;
            continue;
        }
        ck_assert_int_eq(sscanf(row, "%lf %lf", &x, &y), 2);
        ck_assert_msg(fabs(y - (3 * x + 2.5)) <= 1e-12 * (1 + fabs(y)), "(%g, %g) off the line",
                      x, y);
        ck_assert_msg(x > last_x, "the dashes go back at x = %g", x);
        last_x = x;
        points++;
    }
    ck_assert_uint_eq(points, 2 * dashes);
    ck_assert_uint_ge(dashes, 10);
    free(script);
    data_free(&data);
}
END_TEST

START_TEST(make_show_draws_a_figure_in_the_terminal)
{
    /* tools/show-figure.sh (make show FIG=...): for a reader with no image
     * viewer, gnuplot's dumb terminal on standard output. An animation
     * shows its last frame only. */
    Dataset data = some_data(50);
    Line line = {"the line y = 3*x1 + 2", {3, 2}, ROLE_TRUE_LINE};
    ck_assert_int_eq(plot_fit(dir, "fit", "a fit in text", &data, &line, 1, NULL), STATUS_OK);
    double a[3 * 2] = {-1, 1, 1, 1.5, 3, 2};
    Path path = {a, 2, ROLE_FULL_BATCH};
    ck_assert_int_eq(plot_animation(dir, "anim", "moving", &data, &path, &line, NULL),
                     STATUS_OK);
    data_free(&data);
    const char *names[] = {"fit", "anim"}, *said[] = {"a fit in text", "step 2: y = 3*x1 + 2"};
    for (int k = 0; k < 2; k++) {
        char script[128];
        snprintf(script, sizeof script, "%s/%s.gp", dir, names[k]);
        const char *argv[] = {"sh", "tools/show-figure.sh", script, NULL};
        ProgramRun run;
        ck_assert(run_program(argv, &run));
        ck_assert_msg(run.exit_code == 0 && run.err[0] == '\0', "%s: %s", script, run.err);
        ck_assert_msg(strstr(run.out, said[k]) != NULL, "%s drew:\n%s", script, run.out);
        ck_assert_msg(strstr(run.out, "step 0:") == NULL, "more than the last frame:\n%s",
                      run.out);
        program_run_free(&run);
    }
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
    Curve curve = {"loss", ROLE_FULL_BATCH, false, steps, loss, 5000};
    Axes axes = {.title = "t", .x_label = "x", .y_label = "y", .y_from_zero = true};
    ck_assert_int_eq(plot_curves(dir, "long", &axes, &curve, 1, NULL), STATUS_OK);
    snprintf(path, sizeof path, "%s/long.gp", dir);
    ck_assert_int_lt(file_size(path), 2000 + 25 * (PLOT_MAX_CURVE_POINTS + 1));
    check_gnuplot_draws("long", "png");
}
END_TEST

START_TEST(a_folder_that_cannot_hold_the_figure_is_an_error)
{
    char file[128], blocked[128];
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

/* The child of the test below: draws a figure whose writes fail past 1000
 * bytes, as on a full disk, and exits 0 if it failed the way it should. */
static _Noreturn void draw_on_a_full_disk(void)
{
    struct rlimit small = {1000, 1000};
    signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails with EFBIG instead */
    Dataset data = some_data(100);
    Error err;
    char expected[160];
    snprintf(expected, sizeof expected, "cannot write %s/fit.gp: %s", dir, strerror(EFBIG));
    bool failed = setrlimit(RLIMIT_FSIZE, &small) == 0 &&
                  plot_fit(dir, "fit", "t", &data, NULL, 0, &err) == STATUS_IO &&
                  strcmp(err.message, expected) == 0;
    data_free(&data);
    _exit(failed ? 0 : 1);
}

START_TEST(a_script_that_cannot_be_written_whole_is_not_left_behind)
{
    pid_t child = fork();
    if (child == 0)
        draw_on_a_full_disk();
    ck_assert_int_gt(child, 0);
    int status;
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "the failed write was not reported as it should be");
    char path[128];
    snprintf(path, sizeof path, "%s/fit.gp", dir);
    ck_assert_int_eq(file_size(path), -1);
}
END_TEST

/* ---- Degenerate data ---------------------------------------------------- */

/* Draws a fit (with a line), an animation and a loss curve of the data, and
 * checks that gnuplot draws all three without a word. */
static void check_every_kind_draws(const Dataset *data)
{
    Line line = {"a line", {0.5, 2}, ROLE_LEAST_SQUARES};
    ck_assert_int_eq(plot_fit(dir, "fit", "t", data, &line, 1, NULL), STATUS_OK);
    check_gnuplot_draws("fit", "png");
    ck_assert_int_eq(plot_fit(dir, "bare", "t", data, NULL, 0, NULL), STATUS_OK);
    check_gnuplot_draws("bare", "png");
    const double a[4] = {-1, 1, 0, 2}; /* 1 step */
    Path path = {a, 1, ROLE_FULL_BATCH};
    ck_assert_int_eq(plot_animation(dir, "anim", "t", data, &path, &line, NULL), STATUS_OK);
    check_gnuplot_draws("anim", "gif");
}

START_TEST(degenerate_data_draws_without_a_warning)
{
    /* Each of these made gnuplot warn ("empty x range") or fail ("Can't plot
     * with an empty y range"). */
    const double same_x[2] = {1, 1}, two_y[2] = {2, 3};
    const double all_5[4] = {5, 5, 5, 5}, rising[4] = {1, 2, 3, 4};
    const double constant[4] = {2, 2, 2, 2}, zeros[2] = {0, 0};
    struct {
        const double *x, *y;
        size_t n;
    } cases[] = {
        {same_x, two_y, 2},       /* two points with the same x */
        {all_5, rising, 4},       /* every x the same */
        {rising, constant, 4},    /* constant y */
        {zeros, zeros, 2},        /* a single point, at the origin */
        {all_5, constant, 4},     /* one point, four times */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        Dataset data = data_of(cases[k].x, cases[k].y, cases[k].n);
        check_every_kind_draws(&data);
        data_free(&data);
    }
}
END_TEST

START_TEST(flat_and_single_point_curves_draw_without_a_warning)
{
    const double x[3] = {0, 1, 2}, flat[3] = {0.5, 0.5, 0.5}, zero[3] = {0, 0, 0};
    const double one_x = 3, one_y = 7;
    Axes linear = {.title = "t", .x_label = "x", .y_label = "y", .y_from_zero = true};
    Axes logs = {.title = "t", .x_label = "x", .y_label = "y", .log_y = true};
    Curve flat_curve = {"flat", ROLE_LOSS, false, x, flat, 3};
    Curve zero_curve = {"zero", ROLE_LOSS, false, x, zero, 3};
    Curve point = {"point", ROLE_START, true, &one_x, &one_y, 1};
    const Curve *kinds[] = {&flat_curve, &zero_curve, &point};
    for (size_t k = 0; k < 3; k++) {
        ck_assert_int_eq(plot_curves(dir, "c", &linear, kinds[k], 1, NULL), STATUS_OK);
        check_gnuplot_draws("c", "png");
    }
    ck_assert_int_eq(plot_curves(dir, "c", &logs, &flat_curve, 1, NULL), STATUS_OK);
    check_gnuplot_draws("c", "png");
    ck_assert_int_eq(plot_curves(dir, "c", &logs, &point, 1, NULL), STATUS_OK);
    check_gnuplot_draws("c", "png");
    /* A loss of exactly 0 throughout (the data on the starting line): no
     * log axis can show it ("all points y value undefined!"). */
    ck_assert_int_eq(plot_curves(dir, "c", &logs, &zero_curve, 1, NULL), STATUS_OK);
    check_gnuplot_draws("c", "png");
    /* Nothing but key entries, or nothing at all. */
    Curve diverged = {"diverged", ROLE_BATCH_1, false, NULL, NULL, 0};
    ck_assert_int_eq(plot_curves(dir, "c", &logs, &diverged, 1, NULL), STATUS_OK);
    check_gnuplot_draws("c", "png");
    ck_assert_int_eq(plot_curves(dir, "c", &linear, NULL, 0, NULL), STATUS_OK);
    check_gnuplot_draws("c", "png");
}
END_TEST

/* ---- Digits ------------------------------------------------------------- */

START_TEST(x_values_a_tenth_apart_near_a_million_stay_apart)
{
    /* x = 1e6 + i/10: %.6g wrote every one of them as 1e+06. */
    double x[11], y[11];
    for (int i = 0; i <= 10; i++) {
        x[i] = 1e6 + i / 10.0;
        y[i] = i;
    }
    Dataset data = data_of(x, y, 11);
    /* y = 3*x1 - 2999997.5 passes through (1e6 + 0.5, 2): at 6 digits its
     * intercept would read -3e+06, and the line would miss by 2.5. */
    Line line = {"line", {3, -2999997.5}, ROLE_LEAST_SQUARES};
    ck_assert_int_eq(plot_fit(dir, "near", "t", &data, &line, 1, NULL), STATUS_OK);
    char *script = read_in_dir("near.gp");
    const char *row = strstr(script, "# x1 y");
    ck_assert_ptr_nonnull(row);
    row = strchr(row, '\n') + 1;
    for (int i = 0; i <= 10; i++) {
        char *end;
        double read_x = strtod(row, &end);
        /* Within a 20,000th of the spread (1), as plot.c promises. */
        ck_assert_msg(fabs(read_x - x[i]) <= 1.0 / 20000, "row %d reads x = %.17g", i,
                      read_x);
        row = strchr(row, '\n') + 1;
    }
    ck_assert_ptr_nonnull(strstr(script, "(3)*x + (-2999997.5)"));
    free(script);
    check_gnuplot_draws("near", "png");
    data_free(&data);
}
END_TEST

/* ---- Legends ------------------------------------------------------------ */

START_TEST(a_line_is_spelled_with_one_sign)
{
    struct {
        double a[2];
        const char *expected;
    } cases[] = {
        {{1.52, -0.7}, "y = 1.52*x1 - 0.70"},  /* never "+ -0.70" */
        {{1.52, 0.7}, "y = 1.52*x1 + 0.70"},
        {{-2.346, -1.006}, "y = -2.35*x1 - 1.01"},
        {{3, 2}, "y = 3*x1 + 2"},              /* whole numbers as they are */
        {{-1, 1}, "y = -x1 + 1"},              /* a slope of ±1 is just x1 */
        {{1, 0}, "y = x1 + 0"},
        {{0.3, -595}, "y = 0.30*x1 - 595"},
        {{1.2e-7, -0.004}, "y = 1.2e-07*x1 - 0.004"}, /* small ones keep their digits */
        {{3, -2999997.5}, "y = 3*x1 - 2999997.50"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[64];
        line_equation(text, sizeof text, cases[k].a);
        ck_assert_str_eq(text, cases[k].expected);
    }
}
END_TEST

START_TEST(the_key_is_outside_the_plot_and_never_opaque)
{
    Dataset data = some_data(20);
    Line line = {"line", {3, 2}, ROLE_TRUE_LINE};
    ck_assert_int_eq(plot_fit(dir, "fit", "t", &data, &line, 1, NULL), STATUS_OK);
    const double x[2] = {0, 1};
    Curve curve = {"c", ROLE_LOSS, false, x, x, 2};
    Axes axes = {.title = "t", .x_label = "x", .y_label = "y"};
    ck_assert_int_eq(plot_curves(dir, "curves", &axes, &curve, 1, NULL), STATUS_OK);
    const char *names[] = {"fit.gp", "curves.gp"};
    for (size_t k = 0; k < 2; k++) {
        char *script = read_in_dir(names[k]);
        ck_assert_ptr_nonnull(strstr(script, "set key below"));
        ck_assert_ptr_null(strstr(script, "opaque"));
        free(script);
    }
    data_free(&data);
}
END_TEST

/* ---- Colours ------------------------------------------------------------ */

START_TEST(every_role_has_a_look_of_its_own)
{
    for (int r = 0; r < ROLE_COUNT; r++) {
        const char *colour = role_colour((Role)r);
        ck_assert_msg(colour != NULL, "role %d has no colour", r);
        unsigned rgb;
        char end;
        ck_assert_msg(strlen(colour) == 7 && sscanf(colour, "#%6x%c", &rgb, &end) == 1,
                      "role %d: '%s' is not #rrggbb", r, colour);
        /* A colour may return with another dash (the least-squares line is
         * black and dashed, the prediction black and solid), never with the
         * same one. */
        for (int s = 0; s < r; s++)
            ck_assert_msg(strcmp(colour, role_colour((Role)s)) != 0 ||
                              role_dash((Role)r) != role_dash((Role)s),
                          "roles %d and %d share %s, dash %d", s, r, colour,
                          role_dash((Role)r));
    }
    ck_assert_int_eq(batch_role(1, 100), ROLE_BATCH_1);
    ck_assert_int_eq(batch_role(10, 100), ROLE_BATCH_10);
    ck_assert_int_eq(batch_role(100, 100), ROLE_FULL_BATCH);
    ck_assert_int_eq(batch_role(10, 10), ROLE_FULL_BATCH); /* all the points is a full batch */
    ck_assert_int_eq(batch_role(32, 100), ROLE_OTHER_BATCH);
}
END_TEST

START_TEST(a_role_looks_the_same_in_every_kind_of_figure)
{
    Dataset data = some_data(20);
    Line line = {"best line", {3, 2.5}, ROLE_LEAST_SQUARES};
    ck_assert_int_eq(plot_fit(dir, "fit", "t", &data, &line, 1, NULL), STATUS_OK);
    const double x[2] = {0, 1}, y[2] = {0.1, 0.1};
    Curve floor = {"floor", ROLE_LEAST_SQUARES, false, x, y, 2};
    Axes axes = {.title = "t", .x_label = "x", .y_label = "y", .log_y = true};
    ck_assert_int_eq(plot_curves(dir, "curves", &axes, &floor, 1, NULL), STATUS_OK);

    char *fit = read_in_dir("fit.gp"), *curves = read_in_dir("curves.gp");
    char *in_fit = clause_titled(fit, "best line"), *in_curves = clause_titled(curves, "floor");
    char expected[64];
    snprintf(expected, sizeof expected, "dt 2 lc rgb '%s'", role_colour(ROLE_LEAST_SQUARES));
    ck_assert_msg(strstr(in_fit, expected) != NULL, "fit: %s", in_fit);
    ck_assert_msg(strstr(in_curves, expected) != NULL, "curves: %s", in_curves);
    free(in_fit);
    free(in_curves);
    free(fit);
    free(curves);
    data_free(&data);
}
END_TEST

/* ---- Axes of loss curves ----------------------------------------------- */

/* The low end L of "set yrange [L:*]" in script; fails if there is none. */
static double y_range_start(const char *script)
{
    const char *range = strstr(script, "set yrange [");
    ck_assert_msg(range != NULL, "no y range");
    return strtod(range + strlen("set yrange ["), NULL);
}

START_TEST(a_log_axis_starts_just_below_the_floor)
{
    /* Before, gnuplot started this axis at 0.01, a decade under the floor. */
    const double steps[4] = {0, 1, 2, 3}, loss[4] = {8, 1, 0.2, 0.08};
    const double ends[2] = {0, 3}, floor[2] = {0.078, 0.078};
    Curve curves[2] = {{"loss", ROLE_FULL_BATCH, false, steps, loss, 4},
                       {"floor", ROLE_LEAST_SQUARES, false, ends, floor, 2}};
    Axes axes = {.title = "t", .x_label = "step", .y_label = "loss", .log_y = true};
    ck_assert_int_eq(plot_curves(dir, "loss", &axes, curves, 2, NULL), STATUS_OK);
    char *script = read_in_dir("loss.gp");
    double start = y_range_start(script);
    ck_assert_msg(start < 0.078 && start > 0.078 / 2, "the axis starts at %g", start);
    free(script);
    check_gnuplot_draws("loss", "png");
}
END_TEST

START_TEST(a_curve_with_no_points_keeps_its_place_in_the_key)
{
    const double x[2] = {1, 2}, y[2] = {1, 0.5};
    Curve curves[2] = {{"batch 1 diverged: not drawn", ROLE_BATCH_1, false, NULL, NULL, 0},
                       {"batch 10", ROLE_BATCH_10, false, x, y, 2}};
    Axes axes = {.title = "t", .x_label = "x", .y_label = "y", .log_y = true};
    ck_assert_int_eq(plot_curves(dir, "key", &axes, curves, 2, NULL), STATUS_OK);
    char *script = read_in_dir("key.gp");
    char *clause = clause_titled(script, "batch 1 diverged: not drawn");
    ck_assert_ptr_nonnull(strstr(clause, "keyentry"));
    ck_assert_ptr_nonnull(strstr(clause, role_colour(ROLE_BATCH_1)));
    free(clause);
    free(script);
    check_gnuplot_draws("key", "png");
}
END_TEST

/* ---- The chapters' figures say what their runs did ---------------------- */

/* Runs BUILD_DIR/chapter --quiet --out DIR and the words after it (up to 6). */
static ProgramRun run_in_dir(const char *chapter, const char *const *words)
{
    char program[64];
    snprintf(program, sizeof program, "%s/%s", BUILD_DIR, chapter);
    const char *argv[12] = {program, "--quiet", "--out", dir};
    for (int k = 0; words[k] != NULL && k < 6; k++)
        argv[4 + k] = words[k];
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    return run;
}

static void run_ok(const char *chapter, const char *const *words)
{
    ProgramRun run = run_in_dir(chapter, words);
    ck_assert_msg(run.exit_code == 0, "%s: %s", chapter, run.err);
    program_run_free(&run);
}

/* The title of script DIR/name, checked to contain (or not) some words. */
static void check_title(const char *name, const char *words, bool present)
{
    char *script = read_in_dir(name);
    ck_assert_ptr_nonnull(script);
    const char *title = strstr(script, "set title '");
    ck_assert_ptr_nonnull(title);
    const char *end = strchr(title, '\n');
    bool found = strstr(title, words) != NULL && strstr(title, words) < end;
    ck_assert_msg(found == present, "%s: %.*s", name, (int)(end - title), title);
    free(script);
}

START_TEST(chapter_04_claims_success_only_when_it_reached_least_squares)
{
    const char *defaults[] = {NULL};
    run_ok("ch04", defaults);
    check_title("ch04-fit.gp", "moved the line onto the data", true);
    check_title("ch04-loss.gp", "falls by a fixed factor", true);
    check_title("ch04-animation.gp", "lr = 0.1", true);

    const char *short_run[] = {"--epochs", "5", NULL};
    run_ok("ch04", short_run);
    check_title("ch04-fit.gp", "moved the line onto the data", false);
    check_title("ch04-fit.gp", "still short of the least-squares line", true);
    check_title("ch04-loss.gp", "falls by a fixed factor", false);

    /* The years 2000-2019 at a rate ch04 calls stable: after 100 steps the
     * loss is still about 100 times the least-squares loss (2.9 against
     * 0.028), and the figures must not say otherwise.
     * y = 0.3*(x - 2000) + 5 + 0.2*(x mod 3), not quite a line. */
    char csv[128], rate[] = "1.2e-07";
    snprintf(csv, sizeof csv, "%s/years.csv", dir);
    FILE *file = fopen(csv, "w");
    ck_assert_ptr_nonnull(file);
    for (int year = 2000; year < 2020; year++)
        fprintf(file, "%d,%g\n", year, 0.3 * (year - 2000) + 5 + 0.2 * (year % 3));
    ck_assert_int_eq(fclose(file), 0);
    const char *years[] = {"--data", csv, "--lr", rate, NULL};
    run_ok("ch04", years);
    check_title("ch04-fit.gp", "moved the line onto the data", false);
    check_title("ch04-loss.gp", "falls by a fixed factor", false);
}
END_TEST

START_TEST(chapter_05_names_a_diverged_run_and_draws_the_floor)
{
    /* lr 0.9: batches of 1 overshoot, batches of 10 and 100 do not. */
    const char *words[] = {"--lr", "0.9", NULL};
    run_ok("ch05", words);
    const char *names[] = {"ch05-loss-by-epoch.gp", "ch05-loss-by-iteration.gp"};
    for (size_t k = 0; k < 2; k++) {
        check_title(names[k], "batch 1 diverged", true);
        char *script = read_in_dir(names[k]);
        char *entry = clause_titled(script, "batch 1 diverged: not drawn");
        ck_assert_ptr_nonnull(strstr(entry, "keyentry"));
        char *floor = clause_titled(script, "the least-squares loss (chapter 03)");
        ck_assert_ptr_nonnull(strstr(floor, role_colour(ROLE_LEAST_SQUARES)));
        free(entry);
        free(floor);
        free(script);
    }
    const char *defaults[] = {NULL};
    run_ok("ch05", defaults);
    check_title("ch05-loss-by-epoch.gp", "diverged", false);
}
END_TEST

START_TEST(chapter_07_draws_its_noise_floor_even_when_a_rate_diverged)
{
    /* At lr 0.9, SGD with batches of 1 diverges, with a constant rate and a
     * decaying one alike. The run succeeds (its own run is full batch), but
     * it used to skip ch07-noise-floor.gp, leaving an earlier run's beside
     * the new figures. Now the figure is drawn, each diverged run named in
     * the key and the title, with no line, as chapter 05 draws it. */
    const char *defaults[] = {NULL};
    run_ok("ch07", defaults);
    check_title("ch07-noise-floor.gp", "diverged", false);
    const char *words[] = {"--lr", "0.9", NULL};
    run_ok("ch07", words);
    check_title("ch07-noise-floor.gp", "lr = 0.9: both rates diverged", true);
    char *script = read_in_dir("ch07-noise-floor.gp");
    const char *names[2] = {"constant rate 0.9 diverged: not drawn",
                            "rate 0.9 / (1 + t/100) diverged: not drawn"};
    for (size_t k = 0; k < 2; k++) {
        char *entry = clause_titled(script, names[k]);
        ck_assert_ptr_nonnull(strstr(entry, "keyentry"));
        free(entry);
    }
    free(script);
    check_gnuplot_draws("ch07-noise-floor", "png");
    /* At 0.85 only the constant rate diverges; the decaying one is drawn. */
    const char *one[] = {"--lr", "0.85", NULL};
    run_ok("ch07", one);
    check_title("ch07-noise-floor.gp", "lr = 0.85: the constant rate diverged", true);
    script = read_in_dir("ch07-noise-floor.gp");
    char *drawn = clause_titled(script, "rate 0.85 / (1 + t/100)");
    ck_assert_ptr_nonnull(strstr(drawn, "$curve1"));
    free(drawn);
    free(script);
}
END_TEST

/* Runs sh -c command; true if it exits 0 without a word from gnuplot. */
static bool shell_draws(const char *command, char *why, size_t size)
{
    const char *argv[] = {"sh", "-c", command, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    bool drew = run.exit_code == 0 && gnuplot_was_silent(run.err);
    snprintf(why, size, "%s", run.err);
    program_run_free(&run);
    return drew;
}

START_TEST(each_script_starts_from_a_clean_gnuplot)
{
    /* gnuplot a.gp b.gp keeps a's settings for b unless b resets them:
     * ch06-sweep and ch06-bound set log axes, which ch06-fit has not. So
     * ch06-fit drawn after them must be the very image it is drawn alone. */
    const char *none[] = {NULL};
    run_ok("ch06", none);
    char command[512], why[4096];
    snprintf(command, sizeof command,
             "cd %s && gnuplot ch06-fit.gp && mv ch06-fit.png alone.png && "
             "gnuplot ch06-sweep.gp ch06-bound.gp ch06-fit.gp && cmp alone.png ch06-fit.png",
             dir);
    ck_assert_msg(shell_draws(command, why, sizeof why),
                  "ch06-fit.png drawn after ch06-sweep.gp and ch06-bound.gp differs from "
                  "ch06-fit.png drawn alone: %s",
                  why);
}
END_TEST

START_TEST(figures_of_a_line_and_a_constant_draw)
{
    /* Issue 19: both runs exited 0 with a figure gnuplot cannot draw.
     * y = 1 - x is the starting line itself: every path of chapter 07 stays
     * at a*, and its box had no width ("empty x range"). y = 5 has least-
     * squares losses of exactly 0, which chapter 09's log axis cannot hold
     * ("y range must be greater than 0 for log scale"). */
    const char *runs[][2] = {
        {"seq -1 0.02 1 | awk '{print $1\",\"1-$1}'", "ch07"},
        {"seq -1 0.02 1 | awk '{print $1\",5\"}'", "ch09"},
    };
    char here[1024];
    ck_assert_ptr_nonnull(getcwd(here, sizeof here));
    for (size_t r = 0; r < 2; r++) {
        char command[2048], why[4096];
        snprintf(command, sizeof command,
                 "cd %s && rm -f *.gp && %s > data.csv && %s/%s/%s --quiet --data data.csv "
                 "--out . >/dev/null && for f in *.gp; do gnuplot $f || exit 1; done",
                 dir, runs[r][0], here, BUILD_DIR, runs[r][1]);
        ck_assert_msg(shell_draws(command, why, sizeof why), "%s: %s", runs[r][1], why);
    }
}
END_TEST

START_TEST(chapter_02_marks_the_lowest_point_of_the_slice)
{
    /* Points (-1, -1) and (1, 3): with a2 = 1 the misses are 2 - a1 and
     * a1 - 2, so the loss along a1 is (a1 - 2)^2, lowest at a1 = 2, loss 0. */
    char csv[128];
    snprintf(csv, sizeof csv, "%s/two.csv", dir);
    ck_assert(write_text_file(csv, "-1,-1\n1,3\n"));
    const char *words[] = {"--data", csv, NULL};
    run_ok("ch02", words);
    char *script = read_in_dir("ch02-loss-slice.gp");
    char *mark = clause_titled(script, "lowest on this slice: a1 = 2.00, loss 0.00");
    ck_assert_ptr_nonnull(strstr(mark, "points"));
    free(mark);
    free(script);
}
END_TEST

START_TEST(a_chapter_failing_on_a_later_figure_leaves_the_earlier_ones)
{
    const char *defaults[] = {NULL};
    run_ok("ch04", defaults);
    run_ok("ch02", defaults);
    char *fit_before = fingerprint("ch04-fit.gp"), *guess_before = fingerprint("ch02-guess.gp");
    /* Folders where the second figure of each should go. */
    const char *blocked[] = {"ch04-loss.gp", "ch02-loss-slice.gp"};
    for (size_t k = 0; k < 2; k++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, blocked[k]);
        ck_assert_int_eq(remove(path), 0);
        ck_assert_int_eq(mkdir(path, 0755), 0);
    }
    const char *chapters[] = {"ch04", "ch02"};
    for (size_t k = 0; k < 2; k++) {
        ProgramRun run = run_in_dir(chapters[k], defaults);
        ck_assert_int_eq(run.exit_code, 1);
        ck_assert_ptr_nonnull(strstr(run.err, "Is a directory"));
        program_run_free(&run);
    }
    char *fit_after = fingerprint("ch04-fit.gp"), *guess_after = fingerprint("ch02-guess.gp");
    ck_assert_msg(strcmp(fit_after, fit_before) == 0, "ch04-fit.gp was replaced");
    ck_assert_msg(strcmp(guess_after, guess_before) == 0, "ch02-guess.gp was replaced");
    free(fit_before);
    free(fit_after);
    free(guess_before);
    free(guess_after);
    check_nothing_hidden_in(dir);
}
END_TEST

START_TEST(chapters_draw_degenerate_data_without_a_warning)
{
    const char *files[][2] = {
        {"same-x.csv", "1,2\n1,3\n"},
        {"all-x-equal.csv", "5,1\n5,2\n5,3\n5,4\n"},
        {"constant-y.csv", "1,2\n2,2\n3,2\n4,2\n"},
        {"on-the-guess.csv", "0,1\n1,0\n2,-1\n"}, /* loss 0 from the start */
        {"near-a-million.csv", "1000000,0\n1000000.1,1\n1000000.2,2\n1000000.3,3\n"},
    };
    const char *chapters[] = {"ch01", "ch02", "ch03", "ch04", "ch05", "ch10"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char csv[128];
        snprintf(csv, sizeof csv, "%s/%s", dir, files[f][0]);
        ck_assert(write_text_file(csv, files[f][1]));
        /* A chapter may refuse the data (no unique line, a rate too large):
         * then it says so and draws nothing, which is fine too. */
        const char *words[] = {"--data", csv, NULL};
        for (size_t c = 0; c < sizeof chapters / sizeof chapters[0]; c++) {
            ProgramRun run = run_in_dir(chapters[c], words);
            program_run_free(&run);
        }
        char command[256];
        snprintf(command, sizeof command,
                 "cd %s && for f in *.gp; do gnuplot $f || exit 1; done && rm -f *.gp", dir);
        const char *argv[] = {"sh", "-c", command, NULL};
        ProgramRun run;
        ck_assert(run_program(argv, &run));
        ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "%s: %s",
                      files[f][0], run.err);
        program_run_free(&run);
    }
}
END_TEST

START_TEST(a_y_band_cuts_a_wild_curve_at_its_edges)
{
    /* Chapter 09's overfit polynomial swings to ±10⁵ between points that lie
     * within [0, 2]: the band keeps the axis on the points, and gnuplot cuts
     * the curve where it leaves. Validation points are open circles (pt 6),
     * other points filled (pt 7). */
    const double x[5] = {-1, -0.5, 0, 0.5, 1}, wild[5] = {1, 1e5, 1, -1e5, 1},
                 points[5] = {0, 2, 1, 0.5, 1.5};
    Curve curves[3] = {{"overfit", ROLE_OVERFIT, false, x, wild, 5},
                       {"validation points", ROLE_VALIDATION, true, x, points, 5},
                       {"training points", ROLE_DATA, true, x, points, 5}};
    Axes axes = {.title = "t", .x_label = "x", .y_label = "y", .y_low = -0.3, .y_high = 2.3};
    ck_assert_int_eq(plot_curves(dir, "band", &axes, curves, 3, NULL), STATUS_OK);
    char *script = read_in_dir("band.gp");
    ck_assert_ptr_nonnull(strstr(script, "set yrange [-0.3:2.3]"));
    char *validation = clause_titled(script, "validation points");
    char *training = clause_titled(script, "training points");
    ck_assert_ptr_nonnull(strstr(validation, "pt 6 "));
    ck_assert_ptr_nonnull(strstr(training, "pt 7 "));
    free(validation);
    free(training);
    free(script);
    check_gnuplot_draws("band", "png");
}
END_TEST

/* ---- Curves over the data, and a curve that moves (chapter 10) -------- */

START_TEST(gnuplot_draws_curves_and_their_faint_parts_over_the_data)
{
    /* Two kinks, faint, their sum wide, and a line: each in its role's look,
     * the faint ones 1 wide and the unlabelled one out of the key. */
    Dataset data = some_data(30);
    const double x[3] = {-1, 0.2, 1}, left[3] = {1.2, 0, 0}, right[3] = {0, 0, 2.4};
    const double sum_x[3] = {-1, 0.2, 1}, sum_y[3] = {3.2, 2, 4.4};
    Curve faint[2] = {{"the parts", ROLE_HIDDEN_UNIT, false, x, left, 3},
                      {"", ROLE_HIDDEN_UNIT, false, x, right, 3}};
    Curve sum = {"their sum", ROLE_NETWORK, false, sum_x, sum_y, 3};
    Line line = {"best line", {3, 2.5}, ROLE_LEAST_SQUARES};
    Overlay overlay = {&line, 1, &sum, 1, faint, 2};
    ck_assert_int_eq(plot_fit_overlay(dir, "overlay", "t", &data, &overlay, NULL), STATUS_OK);
    check_gnuplot_draws("overlay", "png");
    char *script = read_in_dir("overlay.gp");
    char *parts = clause_titled(script, "the parts"), *whole = clause_titled(script, "their sum");
    char expected[64];
    snprintf(expected, sizeof expected, "lw 1 dt %d lc rgb '%s'", role_dash(ROLE_HIDDEN_UNIT),
             role_colour(ROLE_HIDDEN_UNIT));
    ck_assert_msg(strstr(parts, expected) != NULL, "faint: %s", parts);
    snprintf(expected, sizeof expected, "lw 3 dt %d lc rgb '%s'", role_dash(ROLE_NETWORK),
             role_colour(ROLE_NETWORK));
    ck_assert_msg(strstr(whole, expected) != NULL, "wide: %s", whole);
    ck_assert_ptr_nonnull(strstr(script, "title ''")); /* no key entry */
    ck_assert_ptr_nonnull(strstr(script, "(3)*x + (2.5)"));
    free(parts);
    free(whole);
    free(script);
    data_free(&data);
}
END_TEST

/* Frame f of a moving curve: a kink that slides, with 2 + f % 3 points. */
static Curve moving_frame(size_t f, double x[4], double y[4], char *label)
{
    size_t count = 2 + f % 3;
    for (size_t i = 0; i < count; i++) {
        x[i] = -1.0 + 2.0 * (double)i / (double)(count - 1);
        y[i] = (double)f * 0.05 * fabs(x[i] - 0.01 * (double)f);
    }
    snprintf(label, 16, "frame %zu", f);
    return (Curve){label, ROLE_NETWORK, false, x, y, count};
}

START_TEST(gnuplot_draws_a_moving_curve_in_at_most_60_frames)
{
    Dataset data = some_data(40);
    enum { FRAMES = 100 };
    static double x[FRAMES][4], y[FRAMES][4];
    static char labels[FRAMES][16];
    Curve frames[FRAMES];
    for (size_t f = 0; f < FRAMES; f++)
        frames[f] = moving_frame(f, x[f], y[f], labels[f]);
    frames[50].count = 0; /* a frame with nothing to draw */
    Line target = {"target", {3, 2.5}, ROLE_LEAST_SQUARES};
    ck_assert_int_eq(plot_curve_animation(dir, "moving", "moving", &data, frames, FRAMES,
                                          &target, NULL),
                     STATUS_OK);
    check_gnuplot_draws("moving", "gif");
    char *script = read_in_dir("moving.gp");
    char title_array[32];
    snprintf(title_array, sizeof title_array, "array TITLE[%d]", PLOT_MAX_FRAMES);
    ck_assert_ptr_nonnull(strstr(script, title_array));
    ck_assert_ptr_nonnull(strstr(script, "'frame 0'"));
    ck_assert_ptr_nonnull(strstr(script, "'frame 99'")); /* the last is always shown */
    ck_assert_ptr_nonnull(strstr(script, "index (k - 1)"));
    size_t blocks = 0;
    for (const char *p = script; (p = strstr(p, "# frame ")) != NULL; p++)
        blocks++;
    ck_assert_uint_eq(blocks, PLOT_MAX_FRAMES);
    free(script);
    data_free(&data);
}
END_TEST

START_TEST(curve_figures_draw_degenerate_data_without_a_warning)
{
    /* All x the same, a single point: the curve over them is a point too. */
    const double all_5[4] = {5, 5, 5, 5}, rising[4] = {1, 2, 3, 4}, zeros[2] = {0, 0};
    Dataset cases[2] = {data_of(all_5, rising, 4), data_of(zeros, zeros, 2)};
    for (size_t k = 0; k < 2; k++) {
        double cx[2] = {cases[k].x[0], cases[k].x[0]}, cy[2] = {1, 1};
        Curve curve = {"c", ROLE_NETWORK, false, cx, cy, 2};
        Overlay overlay = {.curves = &curve, .curve_count = 1, .faint = &curve,
                           .faint_count = 1};
        ck_assert_int_eq(plot_fit_overlay(dir, "o", "t", &cases[k], &overlay, NULL), STATUS_OK);
        check_gnuplot_draws("o", "png");
        ck_assert_int_eq(plot_curve_animation(dir, "m", "t", &cases[k], &curve, 1, NULL, NULL),
                         STATUS_OK);
        check_gnuplot_draws("m", "gif");
        ck_assert_int_eq(plot_curve_animation(dir, "none", "t", &cases[k], NULL, 0, NULL, NULL),
                         STATUS_OK);
        check_gnuplot_draws("none", "gif");
        data_free(&cases[k]);
    }
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
    tcase_add_test(tc, make_show_draws_a_figure_in_the_terminal);
    tcase_add_test(tc, a_folder_that_cannot_hold_the_figure_is_an_error);
    tcase_add_test(tc, a_script_that_cannot_be_written_whole_is_not_left_behind);
    tcase_add_test(tc, degenerate_data_draws_without_a_warning);
    tcase_add_test(tc, flat_and_single_point_curves_draw_without_a_warning);
    tcase_add_test(tc, x_values_a_tenth_apart_near_a_million_stay_apart);
    tcase_add_test(tc, a_line_is_spelled_with_one_sign);
    tcase_add_test(tc, the_key_is_outside_the_plot_and_never_opaque);
    tcase_add_test(tc, every_role_has_a_look_of_its_own);
    tcase_add_test(tc, a_role_looks_the_same_in_every_kind_of_figure);
    tcase_add_test(tc, a_log_axis_starts_just_below_the_floor);
    tcase_add_test(tc, a_curve_with_no_points_keeps_its_place_in_the_key);
    tcase_add_test(tc, a_y_band_cuts_a_wild_curve_at_its_edges);
    suite_add_tcase(suite, tc);

    TCase *chapters = tcase_create("chapter figures");
    tcase_set_timeout(chapters, 60);
    tcase_add_checked_fixture(chapters, make_scratch, remove_scratch);
    tcase_add_test(chapters, chapter_04_claims_success_only_when_it_reached_least_squares);
    tcase_add_test(chapters, chapter_05_names_a_diverged_run_and_draws_the_floor);
    tcase_add_test(chapters, chapter_07_draws_its_noise_floor_even_when_a_rate_diverged);
    tcase_add_test(chapters, chapter_02_marks_the_lowest_point_of_the_slice);
    tcase_add_test(chapters, each_script_starts_from_a_clean_gnuplot);
    tcase_add_test(chapters, figures_of_a_line_and_a_constant_draw);
    tcase_add_test(chapters, a_chapter_failing_on_a_later_figure_leaves_the_earlier_ones);
    tcase_add_test(chapters, chapters_draw_degenerate_data_without_a_warning);
    suite_add_tcase(suite, chapters);

    TCase *curves = tcase_create("curves over the data");
    tcase_set_timeout(curves, 30);
    tcase_add_checked_fixture(curves, make_scratch, remove_scratch);
    tcase_add_test(curves, gnuplot_draws_curves_and_their_faint_parts_over_the_data);
    tcase_add_test(curves, gnuplot_draws_a_moving_curve_in_at_most_60_frames);
    tcase_add_test(curves, curve_figures_draw_degenerate_data_without_a_warning);
    suite_add_tcase(suite, curves);
    return suite;
}
