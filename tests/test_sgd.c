/* Tests for code/sgd.c: one update by hand; full-batch descent reaches the
 * closed-form answer; the stable-rate bound really separates convergence
 * from divergence. */
#include <math.h>
#include <string.h>

#include "data.h"
#include "gradient.h"
#include "loss.h"
#include "rng.h"
#include "sgd.h"
#include "suites.h"

START_TEST(one_update_by_hand)
{
    /* X = [1 1; 2 1], y = (1, 1), a = 0: loss = 1, grad = (−3, −2) (see the
     * gradient tests), so a − 0.1 grad = (0.3, 0.2). */
    const double x[4] = {1, 1, 2, 1}, y[2] = {1, 1};
    double a[2] = {0, 0};
    double loss = sgd_update(x, y, 2, a, 0.1);
    ck_assert_double_eq_tol(loss, 1.0, 1e-15);
    ck_assert_double_eq_tol(a[0], 0.3, 1e-15);
    ck_assert_double_eq_tol(a[1], 0.2, 1e-15);
}
END_TEST

//> fused_test
START_TEST(the_fused_pass_is_loss_of_and_gradient_in_one)
{
    /* The same sums in the same order as loss_of() and gradient(): equal to
     * 1e-12 relative (in fact to the last bit), at sizes 1 … 9 and 1001. */
    const size_t sizes[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1001};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        Dataset data;
        ck_assert_int_eq(data_allocate(&data, n, NULL), STATUS_OK);
        Rng rng = rng_seeded(s + 1);
        for (size_t i = 0; i < n; i++) {
            data.x[2 * i] = rng_uniform_between(&rng, -4.0, 4.0);
            data.y[i] = rng_uniform_between(&rng, -5.0, 5.0);
        }
        const double a[2] = {-0.8, 1.7};
        double want[2], got[2];
        gradient(data.x, data.y, n, a, want);
        double want_loss = loss_of(data.x, data.y, n, a);
        double got_loss = loss_and_gradient(data.x, data.y, n, a, got);
        double scale = fmax(fabs(want[0]), fabs(want[1]));
        ck_assert_double_le(fabs(got_loss - want_loss), 1e-12 * want_loss);
        ck_assert_double_le(fabs(got[0] - want[0]), 1e-12 * scale);
        ck_assert_double_le(fabs(got[1] - want[1]), 1e-12 * scale);
        ck_assert_double_eq(got_loss, want_loss);
        ck_assert_double_eq(got[0], want[0]);
        ck_assert_double_eq(got[1], want[1]);
        data_free(&data);
    }
}
END_TEST
//< fused_test

static Dataset notebook_data(size_t n, uint64_t seed)
{
    Dataset data;
    Rng rng = rng_seeded(seed);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, n, a_true, &rng, NULL), STATUS_OK);
    return data;
}

START_TEST(full_batch_reaches_the_closed_form)
{
    Dataset data = notebook_data(100, 42);
    double best[2], a[2] = {-1, 1};
    ck_assert_int_eq(least_squares(data.x, data.y, data.n, best, NULL), STATUS_OK);
    History history;
    ck_assert_int_eq(history_allocate(&history, 1000, NULL), STATUS_OK);
    ck_assert_int_eq(train_full_batch(&data, a, 0.1, 1000, &history, NULL), STATUS_OK);
    ck_assert_double_eq_tol(a[0], best[0], 1e-6);
    ck_assert_double_eq_tol(a[1], best[1], 1e-6);
    ck_assert_uint_eq(history.iterations, 1000);
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(history_starts_at_the_guess_and_never_goes_uphill)
{
    /* Below the stable bound, gradient descent on a quadratic bowl shrinks
     * the error along each axis of the bowl, so the loss cannot rise. */
    Dataset data = notebook_data(100, 1);
    double a[2] = {-1, 1};
    History history;
    ck_assert_int_eq(history_allocate(&history, 100, NULL), STATUS_OK);
    ck_assert_int_eq(train_full_batch(&data, a, 0.1, 100, &history, NULL), STATUS_OK);
    ck_assert_double_eq(history.a[0], -1.0);
    ck_assert_double_eq(history.a[1], 1.0);
    const double start[2] = {-1, 1};
    double start_loss = 0.0;
    for (size_t i = 0; i < data.n; i++) {
        double miss = start[0] * data.x[2 * i] + start[1] - data.y[i];
        start_loss += miss * miss / (double)data.n;
    }
    ck_assert_double_eq_tol(history.loss[0], start_loss, 1e-12);
    for (size_t e = 1; e <= 100; e++)
        ck_assert_double_le(history.loss[e], history.loss[e - 1]);
    ck_assert_double_eq(history.a[2 * 100], a[0]);
    ck_assert_double_eq(history.a[2 * 100 + 1], a[1]);
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(the_stable_bound_separates_converging_from_diverging)
{
    Dataset data = notebook_data(200, 3);
    double bound = largest_stable_lr(data.x, data.n);
    History history;
    ck_assert_int_eq(history_allocate(&history, 2000, NULL), STATUS_OK);

    double a[2] = {-1, 1};
    ck_assert_int_eq(train_full_batch(&data, a, 0.9 * bound, 2000, &history, NULL),
                     STATUS_OK);

    double b[2] = {-1, 1};
    Error err;
    ck_assert_int_eq(train_full_batch(&data, b, 1.1 * bound, 2000, &history, &err),
                     STATUS_DIVERGED);
    ck_assert_ptr_nonnull(strstr(err.message, "diverged at step"));
    ck_assert_ptr_nonnull(strstr(err.message, "try --lr"));
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(divergence_is_caught_before_nan)
{
    ck_assert(loss_diverged(NAN, 1.0));
    ck_assert(loss_diverged(INFINITY, 1.0));
    ck_assert(loss_diverged(10.5, 1.0));
    ck_assert(!loss_diverged(9.5, 1.0));
    ck_assert(!loss_diverged(0.5, 1.0));
}
END_TEST

START_TEST(a_slow_blow_up_past_the_bound_fails_by_the_end)
{
    /* Two points at x1 = -1 and 1: H = (2/n) XᵀX = 2 I, so both curvatures
     * are 2 and the bound is exactly 1; a line fits both points, so the
     * loss is |e|², e the distance to it. A step multiplies e by 1 − 2 lr:
     * at lr = 1.0005 by −1.001, so the loss grows by 1.001² = 1.002001 a
     * step, and reaches ten times its start only after ln 10 / ln 1.002001
     * ≈ 1152 steps. 1000 steps never reach it (loss_diverged() would let
     * the run through), but the loss is above the start from step 1 on. */
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 2, NULL), STATUS_OK);
    data.x[0] = -1.0;
    data.x[2] = 1.0;
    data.y[0] = 0.5;
    data.y[1] = 3.5;
    History history;
    ck_assert_int_eq(history_allocate(&history, 1000, NULL), STATUS_OK);
    double a[2] = {-1, 1};
    Error err;
    ck_assert_int_eq(train_full_batch(&data, a, 1.0005, 1000, &history, &err),
                     STATUS_DIVERGED);
    ck_assert_msg(strstr(err.message, "diverged at step 1 with learning rate 1.0005") != NULL &&
                      strstr(err.message, "stable only for lr < 1,") != NULL,
                  "%s", err.message);
    ck_assert_double_lt(history.loss[1000], 10.0 * history.loss[0]);
    ck_assert_double_eq_tol(history.loss[1000] / history.loss[0], pow(1.002001, 1000), 1e-9);
    /* Exactly at the bound the error flips sign and keeps its size: the
     * loss stays where it started, which is not a blow-up. Below, it falls. */
    double b[2] = {-1, 1}, c[2] = {-1, 1};
    ck_assert_int_eq(train_full_batch(&data, b, 1.0, 1000, &history, NULL), STATUS_OK);
    ck_assert_double_eq_tol(history.loss[1000], history.loss[0], 1e-12 * history.loss[0]);
    ck_assert_int_eq(train_full_batch(&data, c, 0.9995, 1000, &history, NULL), STATUS_OK);
    ck_assert_double_lt(history.loss[1000], history.loss[0]);
    history_free(&history);
    data_free(&data);
}
END_TEST

Suite *sgd_suite(void)
{
    Suite *suite = suite_create("sgd");
    TCase *tc = tcase_create("sgd");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, one_update_by_hand);
    tcase_add_test(tc, the_fused_pass_is_loss_of_and_gradient_in_one);
    tcase_add_test(tc, full_batch_reaches_the_closed_form);
    tcase_add_test(tc, history_starts_at_the_guess_and_never_goes_uphill);
    tcase_add_test(tc, the_stable_bound_separates_converging_from_diverging);
    tcase_add_test(tc, divergence_is_caught_before_nan);
    tcase_add_test(tc, a_slow_blow_up_past_the_bound_fails_by_the_end);
    suite_add_tcase(suite, tc);
    return suite;
}
