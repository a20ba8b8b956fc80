/* Tests for code/data.c: the notebook's data, and the plot subsample. */
#include "data.h"
#include "rng.h"
#include "suites.h"

START_TEST(synthetic_data_is_made_like_the_notebook)
{
    Dataset data;
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 1000, a_true, &rng, NULL), STATUS_OK);
    double mean_noise = 0.0;
    for (size_t i = 0; i < data.n; i++) {
        double x1 = data.x[2 * i];
        ck_assert(x1 >= -1.0 && x1 < 1.0);
        ck_assert_double_eq(data.x[2 * i + 1], 1.0);
        double noise = data.y[i] - (3.0 * x1 + 2.0);
        ck_assert(noise >= -1e-12 && noise < 1.0 + 1e-12);
        mean_noise += noise / (double)data.n;
    }
    /* Uniform on [0, 1): mean 1/2, standard error 0.29/sqrt(1000) = 0.009. */
    ck_assert_double_eq_tol(mean_noise, 0.5, 0.05);
    data_free(&data);
}
END_TEST

START_TEST(the_same_seed_gives_the_same_data)
{
    Dataset a, b;
    Rng r1 = rng_seeded(7), r2 = rng_seeded(7);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&a, 100, a_true, &r1, NULL), STATUS_OK);
    ck_assert_int_eq(data_synthetic(&b, 100, a_true, &r2, NULL), STATUS_OK);
    for (size_t i = 0; i < 100; i++) {
        ck_assert_double_eq(a.x[2 * i], b.x[2 * i]);
        ck_assert_double_eq(a.y[i], b.y[i]);
    }
    data_free(&a);
    data_free(&b);
}
END_TEST

START_TEST(the_plot_sample_is_small_spread_and_fixed)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 100000, NULL), STATUS_OK);
    size_t rows[200];
    size_t count = data_plot_sample(&data, 200, rows);
    ck_assert_uint_eq(count, 200);
    ck_assert_uint_eq(rows[0], 0);
    for (size_t k = 1; k < count; k++) {
        ck_assert_uint_gt(rows[k], rows[k - 1]);
        ck_assert_uint_eq(rows[k], k * 500); /* evenly spaced: n / count = 500 */
    }
    data_free(&data);

    ck_assert_int_eq(data_allocate(&data, 50, NULL), STATUS_OK);
    count = data_plot_sample(&data, 200, rows);
    ck_assert_uint_eq(count, 50); /* small data: every row */
    for (size_t k = 0; k < count; k++)
        ck_assert_uint_eq(rows[k], k);
    data_free(&data);
}
END_TEST

Suite *data_suite(void)
{
    Suite *suite = suite_create("data");
    TCase *tc = tcase_create("data");
    tcase_add_test(tc, synthetic_data_is_made_like_the_notebook);
    tcase_add_test(tc, the_same_seed_gives_the_same_data);
    tcase_add_test(tc, the_plot_sample_is_small_spread_and_fixed);
    suite_add_tcase(suite, tc);
    return suite;
}
