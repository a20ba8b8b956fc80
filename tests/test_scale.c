/* Tests for code/scale.c: the mean and spread by hand; standardized x makes
 * the bowl round (condition number 1, stable bound 1) wherever x sits; the
 * coefficients map back to the data's units exactly, checked by hand, by
 * predictions that agree in both units, and on data whose least-squares line
 * is known by construction far from 0. */
#include <math.h>
#include <string.h>

#include "data.h"
#include "gradient.h"
#include "loss.h"
#include "rng.h"
#include "scale.h"
#include "sgd.h"
#include "suites.h"

START_TEST(scaling_of_four_points_by_hand)
{
    /* x1 = 1, 2, 3, 4: mean 2.5, deviations ±1.5 and ±0.5, so the variance
     * (dividing by n) is (2·2.25 + 2·0.25)/4 = 5/4 and sd = √5/2. y = 2 x1:
     * mean 5. */
    const double x[8] = {1, 1, 2, 1, 3, 1, 4, 1}, y[4] = {2, 4, 6, 8};
    Scaling s = scaling_of(x, y, 4);
    ck_assert_double_eq_tol(s.x_mean, 2.5, 1e-15);
    ck_assert_double_eq_tol(s.x_sd, sqrt(5.0) / 2.0, 1e-15);
    ck_assert_double_eq_tol(s.y_mean, 5.0, 1e-15);

    double z[8], y_centred[4];
    standardize(x, y, 4, &s, z, y_centred);
    /* z = (x − 2.5) / (√5/2) = ±3/√5, ±1/√5; x2 stays 1; y − 5 = −3, −1, 1, 3. */
    const double expected_z[4] = {-3 / sqrt(5.0), -1 / sqrt(5.0), 1 / sqrt(5.0),
                                  3 / sqrt(5.0)};
    for (int i = 0; i < 4; i++) {
        ck_assert_double_eq_tol(z[2 * i], expected_z[i], 1e-15);
        ck_assert_double_eq(z[2 * i + 1], 1.0);
        ck_assert_double_eq_tol(y_centred[i], 2.0 * i - 3.0, 1e-15);
    }
}
END_TEST

/* n points with x1 = offset + scale·u, u uniform on [-1, 1), and y = 3 x1 + 2 + noise. */
static Dataset spread_data(size_t n, double offset, double scale, uint64_t seed)
{
    Dataset data;
    Rng rng = rng_seeded(seed);
    ck_assert_int_eq(data_allocate(&data, n, NULL), STATUS_OK);
    for (size_t i = 0; i < n; i++) {
        data.x[2 * i] = offset + scale * rng_uniform_between(&rng, -1.0, 1.0);
        data.y[i] = 3.0 * data.x[2 * i] + 2.0 + rng_uniform(&rng);
    }
    return data;
}

START_TEST(standardized_x_makes_the_bowl_round_wherever_x_sits)
{
    /* Standardized x has mean 0 and mean square 1, so the Hessian
     * 2 [mean(x1²) mean(x1); mean(x1) 1] is 2·I: both eigenvalues 2,
     * condition number 1, stable bound 2/2 = 1, whatever the data was. The
     * raw condition numbers run from about 3 to 1e13. Only rounding is left:
     * a mean near 1e6 is rounded by about n·2^-52 of the sum, so mean(z) is
     * 0 to about 1e-13 · offset / scale, and the eigenvalues 2 to twice that. */
    const double offsets[] = {0, 1e3, 1e6, 0, -5e4}, scales[] = {1, 1, 0.5, 1e4, 1e-3};
    for (int c = 0; c < 5; c++) {
        Dataset data = spread_data(200, offsets[c], scales[c], 7 + (uint64_t)c), z;
        Scaling s;
        ck_assert_int_eq(standardized_copy(&data, &z, &s, NULL), STATUS_OK);
        double mean = 0.0, mean_square = 0.0;
        for (size_t i = 0; i < z.n; i++) {
            mean += z.x[2 * i] / (double)z.n;
            mean_square += z.x[2 * i] * z.x[2 * i] / (double)z.n;
            ck_assert_double_eq(z.x[2 * i + 1], 1.0);
        }
        double rounding = 1e-12 + 1e-13 * fabs(offsets[c]) / scales[c];
        ck_assert_double_eq_tol(mean, 0.0, rounding);
        ck_assert_double_eq_tol(mean_square, 1.0, 1e-12);
        double lambda[2];
        hessian_eigenvalues(z.x, z.n, lambda);
        ck_assert_double_eq_tol(lambda[0], 2.0, 4.0 * rounding);
        ck_assert_double_eq_tol(lambda[1], 2.0, 4.0 * rounding);
        ck_assert_double_eq_tol(largest_stable_lr(z.x, z.n), 1.0, 4.0 * rounding);
        data_free(&z);
        data_free(&data);
    }
}
END_TEST

START_TEST(coefficients_map_back_by_hand)
{
    /* x̄ = 10, sd = 2, ȳ = 5 and the standardized line y' = 4 x' + 1:
     * y − 5 = 4 (x − 10)/2 + 1 = 2x − 20 + 1, so y = 2x − 14. */
    const Scaling s = {.x_mean = 10.0, .x_sd = 2.0, .y_mean = 5.0};
    const double a_std[2] = {4.0, 1.0};
    double a[2], back[2];
    to_data_units(&s, a_std, a);
    ck_assert_double_eq(a[0], 2.0);
    ck_assert_double_eq(a[1], -14.0);
    to_standard_units(&s, a, back);
    ck_assert_double_eq(back[0], 4.0);
    ck_assert_double_eq(back[1], 1.0);
}
END_TEST

START_TEST(a_line_makes_the_same_misses_in_both_units)
{
    /* y' − a'·x' = (y − ȳ) − a1'(x − x̄)/sd − a2' = y − (a1 x + a2) with a the
     * same line in data units: every miss, and so the loss, is the same
     * number. Checked at random lines on data far from 0; the loss is a sum
     * of squares near 1e6, where 1e-9 relative is many ulps of room. */
    Dataset data = spread_data(100, 2000.0, 30.0, 11), z;
    Scaling s;
    ck_assert_int_eq(standardized_copy(&data, &z, &s, NULL), STATUS_OK);
    Rng rng = rng_seeded(5);
    for (int trial = 0; trial < 20; trial++) {
        double a_std[2] = {rng_normal(&rng) * 100.0, rng_normal(&rng) * 100.0}, a[2];
        to_data_units(&s, a_std, a);
        double in_data_units = loss_of(data.x, data.y, data.n, a);
        double standardized = loss_of(z.x, z.y, z.n, a_std);
        ck_assert_double_eq_tol(in_data_units / standardized, 1.0, 1e-9);
    }
    data_free(&z);
    data_free(&data);
}
END_TEST

/* Seven points x = offset + step·k, k = −3 … 3, with y = slope·x + intercept
 * + r_k and r_k = 0.5 (k² − 4) = 2.5, 0, −1.5, −2, −1.5, 0, 2.5. The r_k sum
 * to 0 and, being even in k, are orthogonal to k: the misses of the line
 * (slope, intercept) are orthogonal to both columns of X, which is the
 * normal equations, so that line IS the least-squares line. */
static Dataset known_line(double offset, double step, double slope, double intercept)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 7, NULL), STATUS_OK);
    for (int k = -3; k <= 3; k++) {
        size_t i = (size_t)(k + 3);
        data.x[2 * i] = offset + step * k;
        data.y[i] = slope * data.x[2 * i] + intercept + 0.5 * (k * k - 4);
    }
    return data;
}

START_TEST(least_squares_in_standardized_units_maps_back_far_from_zero)
{
    /* Every value below is exact in binary (multiples of 1/2 below 2^52),
     * so the known line is exactly the least-squares line of the data as
     * stored. Fitting in standardized units and mapping back must find it:
     * the slope to 1e-12, the intercept, the height at x = 0 a million
     * away, to 1e-6 (its rounding is about 1e-16 · 3e6). */
    const double offsets[] = {0, 1e2, 1e4, 1e6, 1e6};
    const double steps[] = {1, 1, 10, 0.5, 1e5};
    const double slopes[] = {3, 3, -2, 3, 0.5}, intercepts[] = {2, 2, 5, 2, -4};
    for (int c = 0; c < 5; c++) {
        Dataset data = known_line(offsets[c], steps[c], slopes[c], intercepts[c]), z;
        Scaling s;
        ck_assert_int_eq(standardized_copy(&data, &z, &s, NULL), STATUS_OK);
        double a_std[2], a[2];
        ck_assert_int_eq(least_squares(z.x, z.y, z.n, a_std, NULL), STATUS_OK);
        to_data_units(&s, a_std, a);
        ck_assert_double_eq_tol(a[0], slopes[c], 1e-12 * fabs(slopes[c]));
        ck_assert_double_eq_tol(a[1], intercepts[c], 1e-6);
        data_free(&z);
        data_free(&data);
    }
}
END_TEST

START_TEST(descent_on_standardized_x_lands_in_tens_of_steps)
{
    /* With the bowl 2·I, each step at lr = 0.1 multiplies the distance to the
     * answer by exactly 1 − 0.1·2 = 0.8, in every direction: after 100 steps
     * by 0.8^100 ≈ 2e-10, after 300 by 1e-29, where only rounding is left.
     * (On x near a million the raw bowl's condition number is about 1e13:
     * the same steps would not move the slope.) The data's least-squares
     * line is (3, 2) by construction; the start (-1, 1) is about 4e6 from it
     * in standardized units, so 300 steps leave it far below 1e-9. */
    Dataset data = known_line(1e6, 0.5, 3.0, 2.0), z;
    Scaling s;
    ck_assert_int_eq(standardized_copy(&data, &z, &s, NULL), STATUS_OK);
    const double start[2] = {-1.0, 1.0}, best[2] = {3.0, 2.0};
    double a_std[2], best_std[2], a[2];
    to_standard_units(&s, start, a_std);
    to_standard_units(&s, best, best_std);
    double start_distance = hypot(a_std[0] - best_std[0], a_std[1] - best_std[1]);
    History history;
    ck_assert_int_eq(history_allocate(&history, 200, NULL), STATUS_OK);
    ck_assert_int_eq(train_full_batch(&z, a_std, 0.1, 100, &history, NULL), STATUS_OK);
    double distance = hypot(a_std[0] - best_std[0], a_std[1] - best_std[1]);
    ck_assert_double_eq_tol(distance / (pow(0.8, 100) * start_distance), 1.0, 1e-3);
    ck_assert_int_eq(train_full_batch(&z, a_std, 0.1, 200, &history, NULL), STATUS_OK);
    to_data_units(&s, a_std, a);
    ck_assert_double_eq_tol(a[0], 3.0, 1e-12);
    ck_assert_double_eq_tol(a[1], 2.0, 1e-6);
    history_free(&history);
    data_free(&z);
    data_free(&data);
}
END_TEST

START_TEST(the_spread_of_huge_and_tiny_x_is_a_number)
{
    /* x1 = 1, 2, 3 times 1e200 or 1e-200: deviations ±1 and 0 times the
     * scale, so sd = scale·√(2/3). Squaring 1e200 overflows and squaring
     * 1e-200 underflows to 0; neither may show in the answer. */
    const double scales[] = {1e200, 1e-200};
    for (int c = 0; c < 2; c++) {
        const double x[6] = {scales[c], 1, 2 * scales[c], 1, 3 * scales[c], 1};
        const double y[3] = {0, 0, 0};
        Scaling s = scaling_of(x, y, 3);
        ck_assert_double_eq_tol(s.x_sd / scales[c], sqrt(2.0 / 3.0), 1e-15);
    }
}
END_TEST

START_TEST(every_x_the_same_cannot_be_standardized)
{
    Dataset data, z = {0};
    ck_assert_int_eq(data_allocate(&data, 3, NULL), STATUS_OK);
    for (size_t i = 0; i < 3; i++) {
        data.x[2 * i] = 1987.0;
        data.y[i] = (double)i;
    }
    Scaling s;
    Error err;
    ck_assert_int_eq(standardized_copy(&data, &z, &s, &err), STATUS_BAD_DATA);
    ck_assert_ptr_nonnull(strstr(err.message, "every x value is the same"));
    ck_assert_ptr_null(z.x);
    data_free(&data);
}
END_TEST

START_TEST(columns_are_standardized_each_on_its_own)
{
    /* Three rows of three columns: (1, 10, 5), (2, 20, 5), (3, 60, 5).
     * Column 1: mean 2, sd sqrt(2/3); column 2: mean 30, deviations −20,
     * −10, 30, sd sqrt(1400/3); column 3 is always 5: sd 0, so it is only
     * centred, to 0. A held-out row is moved by the training set's numbers. */
    double x[9] = {1, 10, 5, 2, 20, 5, 3, 60, 5}, mean[3], sd[3];
    column_scaling(x, 3, 3, mean, sd);
    ck_assert_double_eq_tol(mean[0], 2.0, 1e-15);
    ck_assert_double_eq_tol(mean[1], 30.0, 1e-14);
    ck_assert_double_eq(mean[2], 5.0);
    ck_assert_double_eq_tol(sd[0], sqrt(2.0 / 3.0), 1e-15);
    ck_assert_double_eq_tol(sd[1], sqrt(1400.0 / 3.0), 1e-13);
    ck_assert_double_eq(sd[2], 0.0);
    standardize_columns(x, 3, 3, mean, sd);
    for (size_t j = 0; j < 2; j++) {
        double sum = 0.0, squares = 0.0;
        for (size_t i = 0; i < 3; i++) {
            sum += x[i * 3 + j];
            squares += x[i * 3 + j] * x[i * 3 + j];
        }
        ck_assert_double_eq_tol(sum, 0.0, 1e-14);
        ck_assert_double_eq_tol(squares / 3.0, 1.0, 1e-14);
    }
    for (size_t i = 0; i < 3; i++)
        ck_assert_double_eq(x[i * 3 + 2], 0.0);
    double held[3] = {2, 30, 7};
    standardize_columns(held, 1, 3, mean, sd);
    ck_assert_double_eq(held[0], 0.0);
    ck_assert_double_eq(held[1], 0.0);
    ck_assert_double_eq(held[2], 2.0);
}
END_TEST

Suite *scale_suite(void)
{
    Suite *suite = suite_create("scale");
    TCase *tc = tcase_create("scale");
    tcase_add_test(tc, scaling_of_four_points_by_hand);
    tcase_add_test(tc, standardized_x_makes_the_bowl_round_wherever_x_sits);
    tcase_add_test(tc, coefficients_map_back_by_hand);
    tcase_add_test(tc, a_line_makes_the_same_misses_in_both_units);
    tcase_add_test(tc, least_squares_in_standardized_units_maps_back_far_from_zero);
    tcase_add_test(tc, descent_on_standardized_x_lands_in_tens_of_steps);
    tcase_add_test(tc, the_spread_of_huge_and_tiny_x_is_a_number);
    tcase_add_test(tc, every_x_the_same_cannot_be_standardized);
    tcase_add_test(tc, columns_are_standardized_each_on_its_own);
    suite_add_tcase(suite, tc);
    return suite;
}
