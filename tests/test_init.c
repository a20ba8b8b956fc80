/* Tests for code/init.c: PyTorch's default start inside its bounds, with
 * the mean and variance of its uniform; He's with the standard deviation
 * √(2/fan_in) and zero biases; the weights drawn before the biases from the
 * course's RNG, so a seed fixes the start; a larger bound, a larger start. */
#include <math.h>
#include <stdlib.h>

#include "init.h"
#include "rng.h"
#include "suites.h"

/* The mean and the mean square of a: count. */
static void moments(const double *a, size_t count, double *mean, double *mean_square)
{
    double sum = 0, sum_squares = 0;
    for (size_t j = 0; j < count; j++) {
        sum += a[j];
        sum_squares += a[j] * a[j];
    }
    *mean = sum / (double)count;
    *mean_square = sum_squares / (double)count;
}

enum { DRAWS = 200000 };

START_TEST(pytorchs_default_is_uniform_within_one_over_root_fan_in)
{
    /* fan_in = 72, a second convolution of 8 channels: bound 1/√72 = 0.1179.
     * A uniform on [−b, b) has mean 0 and variance b²/3; over 200,000 draws
     * the sample mean has standard error b/√(3·200000) = 1.5e-4, and the
     * mean square, b²/3, a relative standard error of √(4/5)/√200000 = 0.2%
     * (the variance of x² is b⁴/5 − b⁴/9). Five standard errors each. */
    double *weight = malloc(DRAWS * sizeof *weight), bias[16];
    ck_assert_ptr_nonnull(weight);
    Rng rng = rng_seeded(12);
    init_pytorch_default(weight, DRAWS, bias, 16, 72, &rng);
    double bound = 1 / sqrt(72.0), mean, mean_square;
    for (size_t j = 0; j < DRAWS; j++)
        ck_assert(weight[j] >= -bound && weight[j] < bound);
    for (size_t k = 0; k < 16; k++)
        ck_assert(bias[k] >= -bound && bias[k] < bound);
    moments(weight, DRAWS, &mean, &mean_square);
    ck_assert_double_eq_tol(mean, 0.0, 5 * bound / sqrt(3.0 * DRAWS));
    ck_assert_double_eq_tol(mean_square / (bound * bound / 3), 1.0, 5 * sqrt(0.8 / DRAWS));
    free(weight);
}
END_TEST

START_TEST(hes_start_has_sd_root_two_over_fan_in)
{
    /* fan_in = 9, a first convolution of one channel: sd √(2/9) = 0.471.
     * The mean square of n normal draws estimates sd² with relative standard
     * error √(2/n) = 0.3%; the mean, 0, with standard error sd/√n. Five
     * standard errors each. Biases start at 0. */
    double *weight = malloc(DRAWS * sizeof *weight), bias[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    ck_assert_ptr_nonnull(weight);
    Rng rng = rng_seeded(13);
    init_he(weight, DRAWS, bias, 8, 9, &rng);
    double sd = sqrt(2.0 / 9.0), mean, mean_square;
    moments(weight, DRAWS, &mean, &mean_square);
    ck_assert_double_eq_tol(mean, 0.0, 5 * sd / sqrt((double)DRAWS));
    ck_assert_double_eq_tol(mean_square / (sd * sd), 1.0, 5 * sqrt(2.0 / DRAWS));
    for (size_t k = 0; k < 8; k++)
        ck_assert_double_eq(bias[k], 0.0);
    free(weight);
}
END_TEST

START_TEST(weights_come_first_then_biases_from_the_seed)
{
    /* The start is the RNG's uniform numbers in order: the 6 weights, then
     * the 2 biases, each scaled to the bound 1/√4 = 0.5. */
    double weight[6], bias[2];
    Rng rng = rng_seeded(42), same = rng_seeded(42);
    init_pytorch_default(weight, 6, bias, 2, 4, &rng);
    for (size_t j = 0; j < 6; j++)
        ck_assert_double_eq(weight[j], rng_uniform_between(&same, -0.5, 0.5));
    for (size_t k = 0; k < 2; k++)
        ck_assert_double_eq(bias[k], rng_uniform_between(&same, -0.5, 0.5));
    init_pytorch_default(weight, 6, NULL, 0, 4, &rng); /* no bias: allowed */
}
END_TEST

START_TEST(ten_times_the_bound_ten_times_the_start)
{
    /* init_uniform() with bound 10·b from the same seed is PyTorch's default
     * times 10, number for number: how the chapter makes a start too large. */
    double weight[5], bias[1], large[6];
    Rng rng = rng_seeded(3), same = rng_seeded(3);
    init_pytorch_default(weight, 5, bias, 1, 25, &rng);
    init_uniform(large, 6, 10 * 0.2, &same);
    for (size_t j = 0; j < 5; j++)
        ck_assert_double_eq_tol(large[j], 10 * weight[j], 1e-15);
    ck_assert_double_eq_tol(large[5], 10 * bias[0], 1e-15);
}
END_TEST

Suite *init_suite(void)
{
    Suite *suite = suite_create("init");
    TCase *tc = tcase_create("init");
    tcase_add_test(tc, pytorchs_default_is_uniform_within_one_over_root_fan_in);
    tcase_add_test(tc, hes_start_has_sd_root_two_over_fan_in);
    tcase_add_test(tc, weights_come_first_then_biases_from_the_seed);
    tcase_add_test(tc, ten_times_the_bound_ten_times_the_start);
    suite_add_tcase(suite, tc);
    return suite;
}
