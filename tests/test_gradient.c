/* Tests for code/gradient.c: the calculus agrees with finite differences and
 * with hand-worked numbers; the normal equations give the exact answer; for
 * d columns (chapter 09), the general functions are the 2-column ones at
 * d = 2, and the QR solve agrees with hand-worked numbers and with gnuplot. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "gradient.h"
#include "linalg.h"
#include "loss.h"
#include "polynomial.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

START_TEST(gradient_of_a_hand_worked_example)
{
    /* X = [1 1; 2 1], y = (1, 1), a = 0: r = X a − y = (−1, −1),
     * Xᵀ r = (1·−1 + 2·−1, −1 − 1) = (−3, −2), times 2/n = 1. */
    const double x[4] = {1, 1, 2, 1}, y[2] = {1, 1}, a[2] = {0, 0};
    double grad[2];
    gradient(x, y, 2, a, grad);
    ck_assert_double_eq_tol(grad[0], -3.0, 1e-15);
    ck_assert_double_eq_tol(grad[1], -2.0, 1e-15);
}
END_TEST

START_TEST(gradient_matches_finite_differences_on_random_data)
{
    /* The loss is quadratic in a, so central differences are exact up to
     * rounding (about 1e-16 * loss / h): 1e-6 leaves a wide margin. */
    Rng rng = rng_seeded(2024);
    for (int trial = 0; trial < 20; trial++) {
        Dataset data;
        const double a_true[2] = {rng_uniform_between(&rng, -5, 5),
                                  rng_uniform_between(&rng, -5, 5)};
        ck_assert_int_eq(data_synthetic(&data, 50 + 10 * trial, a_true, &rng, NULL),
                         STATUS_OK);
        double a[2] = {rng_normal(&rng) * 3, rng_normal(&rng) * 3};
        double analytic[2], numeric[2];
        gradient(data.x, data.y, data.n, a, analytic);
        gradient_numeric(data.x, data.y, data.n, a, 1e-5, numeric);
        ck_assert_double_le(relative_difference(analytic, numeric), 1e-6);
        data_free(&data);
    }
}
END_TEST

START_TEST(least_squares_recovers_noise_free_coefficients)
{
    /* y = 3 x1 − 0.5 exactly: the best fit is the line itself. */
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 40, NULL), STATUS_OK);
    for (size_t i = 0; i < data.n; i++) {
        data.x[2 * i] = -1.0 + 0.05 * (double)i;
        data.y[i] = 3.0 * data.x[2 * i] - 0.5;
    }
    double a[2];
    ck_assert_int_eq(least_squares(data.x, data.y, data.n, a, NULL), STATUS_OK);
    ck_assert_double_eq_tol(a[0], 3.0, 1e-12);
    ck_assert_double_eq_tol(a[1], -0.5, 1e-12);
    data_free(&data);
}
END_TEST

START_TEST(least_squares_of_three_hand_worked_points)
{
    /* x = 0, 1, 2 and y = 1, 2, 2: mean x = 1, mean y = 5/3,
     * slope = Σ(x − 1)(y − 5/3) / Σ(x − 1)² = 1/2, intercept = 5/3 − 1/2 = 7/6. */
    const double x[6] = {0, 1, 1, 1, 2, 1}, y[3] = {1, 2, 2};
    double a[2];
    ck_assert_int_eq(least_squares(x, y, 3, a, NULL), STATUS_OK);
    ck_assert_double_eq_tol(a[0], 0.5, 1e-14);
    ck_assert_double_eq_tol(a[1], 7.0 / 6.0, 1e-14);
}
END_TEST

START_TEST(least_squares_keeps_its_digits_when_x_sits_far_from_zero)
{
    /* The three points above moved right by a million: x = 10⁶, 10⁶ + 1,
     * 10⁶ + 2 (exact doubles) and y = 1, 2, 2. Moving x leaves the slope at 1/2,
     * and the line still passes through (mean x, mean y) = (10⁶ + 1, 5/3), so
     * the intercept is 5/3 − (10⁶ + 1)/2 = 7/6 − 500000 = −2999993/6.
     * Cramer's rule on the raw sums (s11 ≈ 3·10¹², det = 2) loses about 12 of
     * the 16 digits here; sums about the means lose none. */
    const double x[6] = {1e6, 1, 1e6 + 1, 1, 1e6 + 2, 1}, y[3] = {1, 2, 2};
    double a[2];
    ck_assert_int_eq(least_squares(x, y, 3, a, NULL), STATUS_OK);
    ck_assert_double_eq_tol(a[0], 0.5, 1e-12);
    ck_assert_double_eq_tol(a[1], -2999993.0 / 6.0, 1e-12 * 5e5);
}
END_TEST

START_TEST(least_squares_accepts_x_values_close_together_far_from_zero)
{
    /* x = 10⁶ + 0.01 i: a spread of 1 around a million, which the old
     * determinant test refused as "all x nearly equal". The points lie on
     * y = 3 (x − 10⁶) + 2 (x − 10⁶ is exact: the two are within a factor of 2),
     * so the slope is 3 and the intercept 2 − 3·10⁶, up to the rounding of y. */
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 101, NULL), STATUS_OK);
    for (size_t i = 0; i < data.n; i++) {
        data.x[2 * i] = 1e6 + 0.01 * (double)i;
        data.y[i] = 3.0 * (data.x[2 * i] - 1e6) + 2.0;
    }
    double a[2];
    Error err = {""};
    ck_assert_msg(least_squares(data.x, data.y, data.n, a, &err) == STATUS_OK, "%s",
                  err.message);
    ck_assert_double_eq_tol(a[0], 3.0, 1e-9);
    ck_assert_double_eq_tol(a[1], 2.0 - 3e6, 1e-9 * 3e6);
    data_free(&data);
}
END_TEST

START_TEST(the_gradient_vanishes_at_the_least_squares_answer)
{
    Rng rng = rng_seeded(9);
    Dataset data;
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 1000, a_true, &rng, NULL), STATUS_OK);
    double best[2], grad[2];
    ck_assert_int_eq(least_squares(data.x, data.y, data.n, best, NULL), STATUS_OK);
    gradient(data.x, data.y, data.n, best, grad);
    ck_assert_double_le(hypot(grad[0], grad[1]), 1e-12);
    /* And nothing nearby is lower: the loss is a bowl. */
    double base = loss_of(data.x, data.y, data.n, best);
    for (int k = 0; k < 8; k++) {
        double near[2] = {best[0] + 1e-3 * cos(k), best[1] + 1e-3 * sin(k)};
        ck_assert_double_gt(loss_of(data.x, data.y, data.n, near), base);
    }
    data_free(&data);
}
END_TEST

START_TEST(least_squares_refuses_when_every_x_is_the_same)
{
    const double x[6] = {2, 1, 2, 1, 2, 1}, y[3] = {1, 2, 3};
    double a[2];
    Error err;
    ck_assert_int_eq(least_squares(x, y, 3, a, &err), STATUS_BAD_DATA);
    ck_assert_ptr_nonnull(strstr(err.message, "all x values"));
}
END_TEST

START_TEST(stable_learning_rate_of_a_hand_worked_hessian)
{
    /* x1 = ±1 in equal numbers: XᵀX/n = I, so the Hessian (2/n)XᵀX = 2I,
     * λmax = 2 and the bound 2/λmax = 1. */
    const double x[8] = {1, 1, -1, 1, 1, 1, -1, 1};
    ck_assert_double_eq_tol(largest_stable_lr(x, 4), 1.0, 1e-15);
    /* x1 = 3, 1: XᵀX/n = [5 2; 2 1], H = [10 4; 4 2], λmax = 6 + sqrt(32). */
    const double y[4] = {3, 1, 1, 1};
    ck_assert_double_eq_tol(largest_stable_lr(y, 2), 2.0 / (6.0 + sqrt(32.0)), 1e-15);
    /* Both eigenvalues of that H: 6 ± sqrt(32). */
    double lambda[2];
    hessian_eigenvalues(y, 2, lambda);
    ck_assert_double_eq_tol(lambda[0], 6.0 + sqrt(32.0), 1e-14);
    ck_assert_double_eq_tol(lambda[1], 6.0 - sqrt(32.0), 1e-14);
}
END_TEST

START_TEST(stable_learning_rate_of_huge_x_is_a_positive_number)
{
    /* x1 = ±10¹⁰⁰: H = diag(2·10²⁰⁰, 2), so the bound is 2/λmax = 10⁻²⁰⁰ and the
     * condition number 10²⁰⁰. Squaring half the gap of the diagonal (10²⁰⁰)
     * would overflow to inf and make the bound 0; it must not. */
    const double x[4] = {1e100, 1, -1e100, 1};
    ck_assert_double_eq_tol(largest_stable_lr(x, 2) / 1e-200, 1.0, 1e-12);
    double lambda[2];
    hessian_eigenvalues(x, 2, lambda);
    ck_assert_double_eq_tol(lambda[1], 2.0, 1e-12);
}
END_TEST

/* ---- d columns (chapter 09) ------------------------------------------- */

/* n points x uniform on [-1, 1) with y = a cubic plus noise, and their d
 * Legendre features. x: n×d (allocated), y: n (allocated) */
static void random_features(Rng *rng, size_t n, size_t d, double **x, double **y)
{
    double *t = malloc(n * sizeof *t);
    *x = malloc(n * d * sizeof **x);
    *y = malloc(n * sizeof **y);
    for (size_t i = 0; i < n; i++) {
        t[i] = rng_uniform_between(rng, -1, 1);
        (*y)[i] = 4 * t[i] * t[i] * t[i] - 3 * t[i] + 1 + rng_uniform_between(rng, -0.5, 0.5);
    }
    feature_matrix(FEATURES_LEGENDRE, t, n, d, *x);
    free(t);
}

START_TEST(for_two_columns_the_general_functions_are_the_chapters)
{
    /* The loss and the gradient of chapters 02 and 03 written out for two
     * columns, as they were before chapter 09 gave them d: the general ones
     * must agree with them to the last bit, the closed form and the
     * eigenvalues (other algorithms: QR and Jacobi rotations) to 1e-12. */
    Rng rng = rng_seeded(77);
    for (int trial = 0; trial < 10; trial++) {
        Dataset data;
        const double a_true[2] = {3, 2};
        ck_assert_int_eq(data_synthetic(&data, 20 + 30 * trial, a_true, &rng, NULL),
                         STATUS_OK);
        const double a[2] = {rng_normal(&rng), rng_normal(&rng)};
        double sum = 0.0, g0 = 0.0, g1 = 0.0;
        for (size_t i = 0; i < data.n; i++) {
            double r = a[0] * data.x[2 * i] + a[1] * data.x[2 * i + 1] - data.y[i];
            sum += r * r;
            g0 += r * data.x[2 * i];
            g1 += r * data.x[2 * i + 1];
        }
        double grad[2];
        gradient_d(data.x, data.y, data.n, 2, a, grad);
        ck_assert_double_eq(loss_of_d(data.x, data.y, data.n, 2, a), sum / (double)data.n);
        ck_assert_double_eq(grad[0], g0 * (2.0 / (double)data.n));
        ck_assert_double_eq(grad[1], g1 * (2.0 / (double)data.n));

        double line[2], general[2], lambda[2], lambda_d[2];
        ck_assert_int_eq(least_squares(data.x, data.y, data.n, line, NULL), STATUS_OK);
        ck_assert_int_eq(least_squares_d(data.x, data.y, data.n, 2, general, NULL), STATUS_OK);
        ck_assert_double_eq_tol(general[0], line[0], 1e-12 * fabs(line[0]));
        ck_assert_double_eq_tol(general[1], line[1], 1e-12 * fabs(line[1]));
        hessian_eigenvalues(data.x, data.n, lambda);
        ck_assert_int_eq(hessian_eigenvalues_d(data.x, data.n, 2, lambda_d, NULL), STATUS_OK);
        ck_assert_double_eq_tol(lambda_d[0], lambda[0], 1e-12 * lambda[0]);
        ck_assert_double_eq_tol(lambda_d[1], lambda[1], 1e-12 * lambda[0]);
        data_free(&data);
    }
}
END_TEST

START_TEST(gradient_d_matches_finite_differences)
{
    /* Central differences of loss_of_d in each of d coefficients, with the
     * other d − 1 held: exact for a quadratic up to rounding, as in
     * chapter 03; 1e-6 relative leaves a wide margin. */
    Rng rng = rng_seeded(909);
    const size_t ds[4] = {1, 3, 8, 15};
    for (int k = 0; k < 4; k++) {
        size_t n = 40, d = ds[k];
        double *x, *y, a[15], analytic[15], numeric[15];
        random_features(&rng, n, d, &x, &y);
        for (size_t j = 0; j < d; j++)
            a[j] = rng_normal(&rng);
        gradient_d(x, y, n, d, a, analytic);
        double h = 1e-5, size = 0.0, miss = 0.0;
        for (size_t j = 0; j < d; j++) {
            double saved = a[j];
            a[j] = saved + h;
            double up = loss_of_d(x, y, n, d, a);
            a[j] = saved - h;
            double down = loss_of_d(x, y, n, d, a);
            a[j] = saved;
            numeric[j] = (up - down) / (2 * h);
            size = hypot(size, analytic[j]);
            miss = hypot(miss, analytic[j] - numeric[j]);
        }
        ck_assert_double_le(miss, 1e-6 * size);
        free(x);
        free(y);
    }
}
END_TEST

START_TEST(least_squares_d_of_a_hand_worked_parabola)
{
    /* y ≈ a1 x + a2 x² + a3 through (−1, 1), (0, 0), (1, 1), (2, 5): X has
     * rows (x, x², 1). The normal equations XᵀX a = Xᵀy are
     *     [ 6  8 2] a = (10, 22, 7)     (Σx² Σx³ Σx; Σx³ Σx⁴ Σx²; Σx Σx² n)
     *     [ 8 18 6]
     *     [ 2  6 4]
     * and their solution is a = (1/20, 5/4, −3/20). Check by the residuals
     * r = X a − y = (1/20, −3/20, 3/20, −1/20): Σ r x = (−1 + 0 + 3 − 2)/20 = 0,
     * Σ r x² = (1 + 0 + 3 − 4)/20 = 0, Σ r = 0, so the gradient (2/n) Xᵀ r is
     * zero, and the loss is (1 + 9 + 9 + 1)/400 / 4 = 1/80. */
    const double x[12] = {-1, 1, 1, 0, 0, 1, 1, 1, 1, 2, 4, 1}, y[4] = {1, 0, 1, 5};
    double a[3];
    ck_assert_int_eq(least_squares_d(x, y, 4, 3, a, NULL), STATUS_OK);
    ck_assert_double_eq_tol(a[0], 1.0 / 20.0, 1e-14);
    ck_assert_double_eq_tol(a[1], 5.0 / 4.0, 1e-14);
    ck_assert_double_eq_tol(a[2], -3.0 / 20.0, 1e-14);
    ck_assert_double_eq_tol(loss_of_d(x, y, 4, 3, a), 1.0 / 80.0, 1e-15);
}
END_TEST

START_TEST(least_squares_d_agrees_with_gnuplots_fit_of_a_cubic)
{
    /* gnuplot's `fit` (Marquardt–Levenberg, an iterative method sharing no
     * code with ours) of c0 + c1 x + c2 x² + c3 x³ to 30 noisy points of a
     * cubic, converged to FIT_LIMIT = 1e-15 and printed to 15 decimals; our
     * QR solve with the features (x, x², x³, 1) must give (c1, c2, c3, c0).
     * The two agree to about 1e-12 here; 1e-9 allows for gnuplot stopping
     * a little short. */
    char dir[64], csv[128], script[128], text[4096];
    ck_assert(make_temp_dir(dir, sizeof dir));
    snprintf(csv, sizeof csv, "%s/cubic.csv", dir);
    snprintf(script, sizeof script, "%s/fit.gp", dir);
    Rng rng = rng_seeded(5);
    double t[30], y[30], x[120], a[4];
    size_t used = 0;
    for (int i = 0; i < 30; i++) {
        t[i] = rng_uniform_between(&rng, -1, 1);
        y[i] = 4 * t[i] * t[i] * t[i] - 3 * t[i] + 1 + rng_uniform_between(&rng, -0.5, 0.5);
        used += (size_t)snprintf(text + used, sizeof text - used, "%.17g,%.17g\n", t[i], y[i]);
    }
    ck_assert(write_text_file(csv, text));
    snprintf(text, sizeof text,
             "set datafile separator ','\nset fit quiet\nset fit logfile '/dev/null'\n"
             "FIT_LIMIT = 1e-15\nc0 = 1\nc1 = 1\nc2 = 1\nc3 = 1\n"
             "f(x) = c0 + c1*x + c2*x**2 + c3*x**3\n"
             "fit f(x) '%s' using 1:2 via c0, c1, c2, c3\nset print '-'\n"
             "print sprintf('%%.15f %%.15f %%.15f %%.15f', c1, c2, c3, c0)\n",
             csv);
    ck_assert(write_text_file(script, text));
    const char *argv[] = {"gnuplot", script, NULL};
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    double expected[4];
    ck_assert_msg(run.exit_code == 0 && sscanf(run.out, "%lf %lf %lf %lf", &expected[0],
                                               &expected[1], &expected[2], &expected[3]) == 4,
                  "gnuplot fit failed: %s", run.err);
    program_run_free(&run);
    remove_temp_dir(dir);

    feature_matrix(FEATURES_POWERS, t, 30, 4, x);
    ck_assert_int_eq(least_squares_d(x, y, 30, 4, a, NULL), STATUS_OK);
    for (int j = 0; j < 4; j++)
        ck_assert_double_eq_tol(a[j], expected[j], 1e-9);
}
END_TEST

START_TEST(as_many_coefficients_as_points_pass_through_every_point)
{
    /* d = n: X is square, and (its columns independent) X a = y has an
     * exact solution, the polynomial through every point: the least-squares
     * fit must find it, with a training loss of 0 up to rounding. At these
     * 12 random points the interpolating polynomial swings wildly, its
     * coefficients near 10⁶ (X's condition number is about 4·10⁶), so the
     * misses are rounding errors of that size: QR is backward stable, which
     * keeps each miss below a small multiple of 1e-16 · |X| · |a| (here about
     * 2e-10, that bound's 0.4). 1e-14 · |X| · |a| leaves a factor of 100; a
     * wrong solve misses by the noise, 0.1 or more. */
    Rng rng = rng_seeded(12);
    size_t n = 12;
    double *x, *y, a[12], x_size = 0.0, a_size = 0.0, y_square = 0.0;
    random_features(&rng, n, n, &x, &y);
    ck_assert_int_eq(least_squares_d(x, y, n, n, a, NULL), STATUS_OK);
    for (size_t i = 0; i < n; i++) {
        a_size = hypot(a_size, a[i]);
        y_square += y[i] * y[i] / (double)n;
        for (size_t j = 0; j < n; j++)
            x_size = hypot(x_size, x[n * i + j]);
    }
    for (size_t i = 0; i < n; i++)
        ck_assert_double_eq_tol(dot(&x[n * i], a, n), y[i], 1e-14 * x_size * a_size);
    ck_assert_double_le(loss_of_d(x, y, n, n, a), 1e-15 * y_square);
    free(x);
    free(y);
}
END_TEST

START_TEST(least_squares_d_refuses_when_no_single_a_is_best)
{
    /* 4 coefficients from 3 points, and a cubic through points at only 3
     * distinct x values (4 points, one x twice): infinitely many a fit as
     * well as the best. */
    const double x3[9] = {0, 0, 1, 0.5, 0.25, 1, 1, 1, 1}, y3[3] = {1, 2, 3};
    double a[4];
    Error err;
    ck_assert_int_eq(least_squares_d(x3, y3, 3, 4, a, &err), STATUS_BAD_DATA);
    ck_assert_ptr_nonnull(strstr(err.message, "4 coefficients from 3 points"));
    const double t[4] = {-0.5, 0.0, 0.5, 0.5}, y4[4] = {1, 2, 3, 4};
    double x4[16];
    feature_matrix(FEATURES_LEGENDRE, t, 4, 4, x4);
    ck_assert_int_eq(least_squares_d(x4, y4, 4, 4, a, &err), STATUS_BAD_DATA);
    ck_assert_ptr_nonnull(strstr(err.message, "not independent"));
}
END_TEST

START_TEST(hessian_d_of_a_hand_worked_matrix)
{
    /* X rows (1, 2, 1) and (3, 0, 1), n = 2: XᵀX = [10 2 4; 2 4 2; 4 2 2],
     * and H = (2/2) XᵀX is that. Its eigenvalues: det(H) = 10(8 − 4) −
     * 2(4 − 8) + 4(4 − 16) = 0 (the rank is 2: n = 2 rows), so the smallest
     * is 0; the other two add to the trace, 16, and multiply to the sum of
     * the 2×2 principal minors, (40 − 4) + (20 − 16) + (8 − 4) = 44:
     * 8 ± √20. */
    const double x[6] = {1, 2, 1, 3, 0, 1};
    const double expected[9] = {10, 2, 4, 2, 4, 2, 4, 2, 2};
    double h[9], lambda[3];
    hessian_d(x, 2, 3, h);
    for (int k = 0; k < 9; k++)
        ck_assert_double_eq(h[k], expected[k]);
    ck_assert_int_eq(hessian_eigenvalues_d(x, 2, 3, lambda, NULL), STATUS_OK);
    ck_assert_double_eq_tol(lambda[0], 8 + sqrt(20.0), 1e-13);
    ck_assert_double_eq_tol(lambda[1], 8 - sqrt(20.0), 1e-13);
    ck_assert_double_eq_tol(lambda[2], 0.0, 1e-13);
}
END_TEST

Suite *gradient_suite(void)
{
    Suite *suite = suite_create("gradient");
    TCase *tc = tcase_create("gradient");
    tcase_add_test(tc, gradient_of_a_hand_worked_example);
    tcase_add_test(tc, gradient_matches_finite_differences_on_random_data);
    tcase_add_test(tc, least_squares_recovers_noise_free_coefficients);
    tcase_add_test(tc, least_squares_of_three_hand_worked_points);
    tcase_add_test(tc, least_squares_keeps_its_digits_when_x_sits_far_from_zero);
    tcase_add_test(tc, least_squares_accepts_x_values_close_together_far_from_zero);
    tcase_add_test(tc, the_gradient_vanishes_at_the_least_squares_answer);
    tcase_add_test(tc, least_squares_refuses_when_every_x_is_the_same);
    tcase_add_test(tc, stable_learning_rate_of_a_hand_worked_hessian);
    tcase_add_test(tc, stable_learning_rate_of_huge_x_is_a_positive_number);
    tcase_add_test(tc, for_two_columns_the_general_functions_are_the_chapters);
    tcase_add_test(tc, gradient_d_matches_finite_differences);
    tcase_add_test(tc, least_squares_d_of_a_hand_worked_parabola);
    tcase_add_test(tc, least_squares_d_agrees_with_gnuplots_fit_of_a_cubic);
    tcase_add_test(tc, as_many_coefficients_as_points_pass_through_every_point);
    tcase_add_test(tc, least_squares_d_refuses_when_no_single_a_is_best);
    tcase_add_test(tc, hessian_d_of_a_hand_worked_matrix);
    suite_add_tcase(suite, tc);
    return suite;
}
