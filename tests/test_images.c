/* Tests for code/images.c: gnuplot draws every kind of grid and the
 * confusion map silently; each pixel lands in its place in the one matrix,
 * with blank margins between the images; the colours are the role table's;
 * the confusion map colours the mistakes only and writes every count. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "images.h"
#include "plot.h"
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

/* gnuplot draws DIR/NAME.gp silently into a PNG; returns the script. */
static char *drawn(const char *name)
{
    char script[128], image[128];
    snprintf(script, sizeof script, "%s/%s.gp", dir, name);
    snprintf(image, sizeof image, "%s/%s.png", dir, name);
    const char *argv[] = {"gnuplot", script, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "gnuplot on %s: %s",
                  script, run.err);
    program_run_free(&run);
    struct stat info;
    ck_assert_int_eq(stat(image, &info), 0);
    ck_assert_int_gt(info.st_size, 1000);
    char *text = read_text_file(script);
    ck_assert_ptr_nonnull(text);
    return text;
}

/* Row y of the $grid datablock of script is the width numbers of want. */
static void assert_grid_row(const char *script, size_t y, const double *want, size_t width)
{
    const char *line = strstr(script, "$grid << EOD\n");
    ck_assert_ptr_nonnull(line);
    line = strchr(line, '\n') + 1;
    for (size_t k = 0; k < y; k++)
        line = strchr(line, '\n') + 1;
    char *end;
    for (size_t x = 0; x < width; x++) {
        ck_assert_msg(strtod(line, &end) == want[x] && end != line, "row %zu, column %zu: %.12s",
                      y, x, line);
        line = end;
    }
    ck_assert_msg(*line == '\n', "row %zu has more than %zu values", y, width);
}

START_TEST(a_grid_puts_each_pixel_in_its_place)
{
    /* Three 2×2 images in rows of two: each image has 3 blank rows above
     * it (its caption) and 2 blank columns after it, so the matrix is 6
     * wide (2 + 2 + 2) and 10 high (5 + 5); image 2 (the third) starts at
     * row 8, column 0; the blank of ink is its low end, 0. */
    const double a[4] = {1, 2, 3, 4}, b[4] = {5, 6, 7, 8}, c[4] = {9, 10, 11, 12};
    ImageTile tiles[3] = {{a, "a"}, {b, "b"}, {c, "c \xe2\x86\x92 d"}};
    ImageGrid grid = {"three images", 2, 2, SHADE_INK, 0.0, 16.0, NULL};
    ck_assert_int_eq(plot_image_grid(dir, "grid", &grid, tiles, 3, NULL), STATUS_OK);
    char *script = drawn("grid");
    const double blank[6] = {0}, want3[6] = {1, 2, 0, 0, 5, 6}, want9[6] = {11, 12, 0, 0, 0, 0};
    assert_grid_row(script, 0, blank, 6);
    assert_grid_row(script, 3, want3, 6);
    assert_grid_row(script, 9, want9, 6);
    ck_assert_ptr_nonnull(strstr(script, "set label 3 'c \xe2\x86\x92 d'"));
    char palette[96];
    snprintf(palette, sizeof palette, "(0 '#ffffff', 1 '%s')", role_colour(ROLE_INK));
    ck_assert_ptr_nonnull(strstr(script, palette));
    ck_assert_ptr_nonnull(strstr(script, "set cbrange [0:16]"));
    ck_assert_ptr_nonnull(strstr(script, "unset colorbox"));
    free(script);
}
END_TEST

START_TEST(signed_weights_are_white_at_zero)
{
    /* Blue below 0, orange above, white at 0 and in the margins; the
     * colour scale runs from −high to high and is labelled. */
    const double w[4] = {-0.5, 0.25, 0.0, 0.5};
    ImageTile tile = {w, "0"};
    ImageGrid grid = {"a template", 2, 1, SHADE_SIGNED, 0.0, 0.5, "weight"};
    ck_assert_int_eq(plot_image_grid(dir, "signed", &grid, &tile, 1, NULL), STATUS_OK);
    char *script = drawn("signed");
    char palette[128];
    snprintf(palette, sizeof palette, "(-1 '%s', 0 '#ffffff', 1 '%s')",
             role_colour(ROLE_WEIGHT_NEGATIVE), role_colour(ROLE_WEIGHT_POSITIVE));
    ck_assert_ptr_nonnull(strstr(script, palette));
    ck_assert_ptr_nonnull(strstr(script, "set cbrange [-0.5:0.5]"));
    ck_assert_ptr_nonnull(strstr(script, "set cblabel 'weight'"));
    free(script);
}
END_TEST

START_TEST(an_empty_grid_still_draws)
{
    /* A network that gets every example right has no mistakes to show. */
    ImageGrid grid = {"nothing wrong", 8, 10, SHADE_INK, 0.0, 16.0, NULL};
    ck_assert_int_eq(plot_image_grid(dir, "empty", &grid, NULL, 0, NULL), STATUS_OK);
    free(drawn("empty"));
}
END_TEST

START_TEST(the_confusion_map_colours_only_the_mistakes)
{
    /* Rows true, columns predicted: 5 and 3 right, one 1 taken for a 0.
     * The image holds 0 on the diagonal and the 1; every nonzero count is
     * written at (predicted, true); the colours run to the largest mistake. */
    const size_t counts[4] = {5, 0, 1, 3};
    ck_assert_int_eq(plot_confusion(dir, "confusion", "two classes", counts, 2, NULL),
                     STATUS_OK);
    char *script = drawn("confusion");
    ck_assert_ptr_nonnull(strstr(script, "$mistakes << EOD\n0 0\n1 0\nEOD\n"));
    ck_assert_ptr_nonnull(strstr(script, "$counts << EOD\n0 0 5\n0 1 1\n1 1 3\nEOD\n"));
    ck_assert_ptr_nonnull(strstr(script, "set cbrange [0:1]"));
    char palette[96];
    snprintf(palette, sizeof palette, "(0 '#ffffff', 1 '%s')", role_colour(ROLE_MISTAKE));
    ck_assert_ptr_nonnull(strstr(script, palette));
    free(script);
    /* No mistakes at all: a scale from 0 to 1 still. */
    const size_t right[4] = {5, 0, 0, 3};
    ck_assert_int_eq(plot_confusion(dir, "right", "none wrong", right, 2, NULL), STATUS_OK);
    free(drawn("right"));
}
END_TEST

START_TEST(a_figure_that_cannot_be_written_is_an_error)
{
    const double a[4] = {0, 1, 2, 3};
    ImageTile tile = {a, "a"};
    ImageGrid grid = {"t", 2, 1, SHADE_INK, 0.0, 3.0, NULL};
    Error err = {""};
    ck_assert_int_eq(plot_image_grid("/no/such/dir", "g", &grid, &tile, 1, &err), STATUS_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "cannot write /no/such/dir/g.gp"));
    const size_t counts[1] = {1};
    ck_assert_int_eq(plot_confusion("/no/such/dir", "c", "t", counts, 1, &err), STATUS_IO);
}
END_TEST

Suite *images_suite(void)
{
    Suite *suite = suite_create("images");
    TCase *tc = tcase_create("images");
    tcase_set_timeout(tc, 30);
    tcase_add_checked_fixture(tc, make_scratch, remove_scratch);
    tcase_add_test(tc, a_grid_puts_each_pixel_in_its_place);
    tcase_add_test(tc, signed_weights_are_white_at_zero);
    tcase_add_test(tc, an_empty_grid_still_draws);
    tcase_add_test(tc, the_confusion_map_colours_only_the_mistakes);
    tcase_add_test(tc, a_figure_that_cannot_be_written_is_an_error);
    suite_add_tcase(suite, tc);
    return suite;
}
