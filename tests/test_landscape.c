/* Tests for code/landscape.c: the bowl by hand, its loss against loss_of()
 * everywhere, the gradient's noise at a*, its axes as eigenvectors, and the contour figure drawn by
 * gnuplot and small whatever the paths. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "gradient.h"
#include "contours.h"
#include "landscape.h"
#include "loss.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

/* x1 = 0, 2 with y = 1, 5: the line y = 2 x1 + 1 fits both (L* = 0).
 * mean(x1) = 1, mean(x1²) = 2, so H = 2 [2 1; 1 1] = [4 2; 2 2], whose
 * eigenvalues are 3 ± √5 (trace 6, determinant 4). For λ = 3 + √5 the
 * eigenvector solves (4 − λ) v1 + 2 v2 = 0: v ∝ (2, λ − 4) = (2, √5 − 1). */
START_TEST(a_bowl_worked_by_hand)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 2, NULL), STATUS_OK);
    data.x[0] = 0;
    data.x[2] = 2;
    data.y[0] = 1;
    data.y[1] = 5;
    Bowl bowl;
    ck_assert_int_eq(bowl_of(&data, &bowl, NULL), STATUS_OK);
    ck_assert_double_eq_tol(bowl.a_best[0], 2.0, 1e-14);
    ck_assert_double_eq_tol(bowl.a_best[1], 1.0, 1e-14);
    ck_assert_double_eq_tol(bowl.loss_best, 0.0, 1e-28);
    ck_assert_double_eq_tol(bowl.h[0], 4.0, 1e-15);
    ck_assert_double_eq_tol(bowl.h[1], 2.0, 1e-15);
    ck_assert_double_eq_tol(bowl.h[2], 2.0, 1e-15);
    ck_assert_double_eq_tol(bowl.lambda[0], 3.0 + sqrt(5.0), 1e-14);
    ck_assert_double_eq_tol(bowl.lambda[1], 3.0 - sqrt(5.0), 1e-14);
    double length = hypot(2.0, sqrt(5.0) - 1.0);
    /* an eigenvector's sign is free: compare up to it */
    double sign = bowl.axis[0][0] > 0 ? 1.0 : -1.0;
    ck_assert_double_eq_tol(sign * bowl.axis[0][0], 2.0 / length, 1e-14);
    ck_assert_double_eq_tol(sign * bowl.axis[0][1], (sqrt(5.0) - 1.0) / length, 1e-14);
    /* L(a) at a = (0, 0): misses −1 and −5, loss 13; bowl: ½ eᵀ H e with
     * e = (−2, −1): ½ (16 + 8 + 2) = 13. */
    const double zero[2] = {0, 0};
    ck_assert_double_eq_tol(bowl_loss(&bowl, zero), 13.0, 1e-13);
    data_free(&data);
}
END_TEST

START_TEST(every_x_equal_has_no_bowl)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 3, NULL), STATUS_OK);
    for (int i = 0; i < 3; i++) {
        data.x[2 * i] = 4;
        data.y[i] = i;
    }
    Bowl bowl;
    Error err;
    ck_assert_int_eq(bowl_of(&data, &bowl, &err), STATUS_BAD_DATA);
    data_free(&data);
}
END_TEST

/* The notebook's data with x1 moved by shift. */
static Dataset moved_data(double shift, uint64_t seed)
{
    Dataset data;
    Rng rng = rng_seeded(seed);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 200, a_true, &rng, NULL), STATUS_OK);
    for (size_t i = 0; i < data.n; i++)
        data.x[2 * i] += shift;
    return data;
}

START_TEST(the_bowl_is_the_loss_everywhere)
{
    /* The loss is exactly quadratic, so L* + ½ eᵀ H e must equal loss_of()
     * wherever a is, up to rounding: checked at 50 random a on data near 0
     * and on data moved to x1 ≈ 100 (κ about 10⁵). */
    const double shifts[2] = {0.0, 100.0};
    Rng rng = rng_seeded(5);
    for (int s = 0; s < 2; s++) {
        Dataset data = moved_data(shifts[s], 11);
        Bowl bowl;
        ck_assert_int_eq(bowl_of(&data, &bowl, NULL), STATUS_OK);
        for (int k = 0; k < 50; k++) {
            double a[2] = {rng_uniform_between(&rng, -10, 10),
                           rng_uniform_between(&rng, -500, 500)};
            double direct = loss_of(data.x, data.y, data.n, a);
            ck_assert_double_eq_tol(bowl_loss(&bowl, a), direct, 1e-10 * direct);
        }
        data_free(&data);
    }
}
END_TEST

START_TEST(the_gradient_noise_is_the_spread_of_one_points_gradients)
{
    /* At a* the full gradient is 0, and the noise is the mean of |g_i|²
     * over the points' own gradients g_i, each from gradient() on that one
     * point: computed here that way, independently of the formula 2 r_i x_i. */
    Dataset data = moved_data(0.0, 17);
    Bowl bowl;
    ck_assert_int_eq(bowl_of(&data, &bowl, NULL), STATUS_OK);
    double full[2], sum = 0.0;
    gradient(data.x, data.y, data.n, bowl.a_best, full);
    ck_assert_double_lt(hypot(full[0], full[1]), 1e-12);
    for (size_t i = 0; i < data.n; i++) {
        double g[2];
        gradient(&data.x[2 * i], &data.y[i], 1, bowl.a_best, g);
        sum += g[0] * g[0] + g[1] * g[1];
    }
    double expected = sum / (double)data.n;
    ck_assert_double_eq_tol(gradient_noise(&data, &bowl), expected, 1e-12 * expected);
    data_free(&data);
}
END_TEST

START_TEST(the_axes_are_unit_eigenvectors_of_h)
{
    /* H v = λ v, |v| = 1, and the two axes at right angles, on three data
     * sets: the notebook's (axes near a1 and a2), moved to x1 in [1, 3) and
     * moved left, where H's off-diagonal term changes sign. */
    const double shifts[3] = {0.0, 2.0, -5.0};
    for (int s = 0; s < 3; s++) {
        Dataset data = moved_data(shifts[s], 3);
        Bowl bowl;
        ck_assert_int_eq(bowl_of(&data, &bowl, NULL), STATUS_OK);
        double lambda[2];
        hessian_eigenvalues(data.x, data.n, lambda);
        for (int k = 0; k < 2; k++) {
            const double *v = bowl.axis[k];
            ck_assert_double_eq(bowl.lambda[k], lambda[k]);
            ck_assert_double_eq_tol(hypot(v[0], v[1]), 1.0, 1e-15);
            double hv[2] = {bowl.h[0] * v[0] + bowl.h[1] * v[1],
                            bowl.h[1] * v[0] + bowl.h[2] * v[1]};
            ck_assert_double_eq_tol(hv[0], lambda[k] * v[0], 1e-12 * lambda[0]);
            ck_assert_double_eq_tol(hv[1], lambda[k] * v[1], 1e-12 * lambda[0]);
        }
        ck_assert_double_eq_tol(bowl.axis[0][0] * bowl.axis[1][0] +
                                    bowl.axis[0][1] * bowl.axis[1][1],
                                0.0, 1e-15);
        data_free(&data);
    }
}
END_TEST

START_TEST(the_figure_draws_and_stays_small)
{
    /* A path of 100000 points, of which the first 500 are drawn: the script
     * must stay far under 1 MiB, and gnuplot must draw it without a word. */
    char dir[64];
    ck_assert(make_temp_dir(dir, sizeof dir));
    Dataset data = moved_data(2.0, 1);
    Bowl bowl;
    ck_assert_int_eq(bowl_of(&data, &bowl, NULL), STATUS_OK);
    size_t count = 100000;
    double *a = malloc(2 * count * sizeof *a);
    ck_assert_ptr_nonnull(a);
    for (size_t k = 0; k < count; k++) { /* a spiral into a* */
        double shrink = exp(-0.01 * (double)k), angle = 0.3 * (double)k;
        a[2 * k] = bowl.a_best[0] + 4.0 * shrink * cos(angle);
        a[2 * k + 1] = bowl.a_best[1] + 4.0 * shrink * sin(angle);
    }
    Trail paths[2] = {{"a spiral", ROLE_FULL_BATCH, a, count},
                      {"no steps", ROLE_MOMENTUM, a, 1}};
    ck_assert_int_eq(plot_landscape(dir, "landscape", "A test", &bowl, paths, 2, NULL),
                     STATUS_OK);
    char script[128], command[256];
    snprintf(script, sizeof script, "%s/landscape.gp", dir);
    char *text = read_text_file(script);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_lt(strlen(text), 300000);
    ck_assert_ptr_nonnull(strstr(text, "set size ratio -1")); /* equal scale */
    free(text);
    snprintf(command, sizeof command, "cd %s && gnuplot landscape.gp", dir);
    const char *argv[] = {"sh", "-c", command, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "gnuplot: %s", run.err);
    program_run_free(&run);
    /* A round bowl: every direction is an eigenvector, and none is drawn. */
    Bowl round = bowl;
    round.h[0] = round.h[2] = round.lambda[0] = round.lambda[1] = 2.0;
    round.h[1] = 0.0;
    ck_assert_int_eq(plot_landscape(dir, "round", "A test", &round, paths, 1, NULL), STATUS_OK);
    snprintf(script, sizeof script, "%s/round.gp", dir);
    text = read_text_file(script);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_null(strstr(text, "$axes"));
    free(text);
    /* No paths at all: a box around a* alone, still a figure. */
    ck_assert_int_eq(plot_landscape(dir, "empty", "A test", &bowl, NULL, 0, NULL), STATUS_OK);
    snprintf(command, sizeof command, "cd %s && gnuplot empty.gp", dir);
    ck_assert(run_program(argv, &run));
    ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "gnuplot: %s", run.err);
    program_run_free(&run);
    free(a);
    data_free(&data);
    remove_temp_dir(dir);
}
END_TEST

Suite *landscape_suite(void)
{
    Suite *suite = suite_create("landscape");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, a_bowl_worked_by_hand);
    tcase_add_test(tc, every_x_equal_has_no_bowl);
    tcase_add_test(tc, the_bowl_is_the_loss_everywhere);
    tcase_add_test(tc, the_gradient_noise_is_the_spread_of_one_points_gradients);
    tcase_add_test(tc, the_axes_are_unit_eigenvectors_of_h);
    tcase_add_test(tc, the_figure_draws_and_stays_small);
    suite_add_tcase(suite, tc);
    return suite;
}
