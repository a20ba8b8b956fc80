/* Tests for code/gradient.c: the calculus agrees with finite differences and
 * with hand-worked numbers; the normal equations give the exact answer. */
#include <math.h>
#include <string.h>

#include "data.h"
#include "gradient.h"
#include "loss.h"
#include "rng.h"
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

static double relative_error(const double u[2], const double v[2])
{
    return hypot(u[0] - v[0], u[1] - v[1]) / fmax(hypot(v[0], v[1]), 1e-300);
}

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
        ck_assert_double_le(relative_error(analytic, numeric), 1e-6);
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
    suite_add_tcase(suite, tc);
    return suite;
}
