/* Tests for code/heavy_ball.c: the heavy-ball step by hand and as plain
 * descent when beta = 0; the decaying rate's schedule; the best settings by
 * hand, the error they give in closed form, and the speed-up they buy; a
 * decaying rate that reaches the least-squares loss where a constant one
 * stalls above it; the --momentum and --decay flags. */
#include <math.h>
#include <string.h>

#include "cli.h"
#include "data.h"
#include "gradient.h"
#include "heavy_ball.h"
#include "loss.h"
#include "minibatch.h"
#include "rng.h"
#include "sgd.h"
#include "suites.h"

/* Two points, x1 = ±1, y = (3, −1): fitted exactly by a* = (2, 1); XᵀX = 2I,
 * so H = (2/n) XᵀX = 2I and the gradient is 2 (a − a*). */
static const double PAIR_X[4] = {1, 1, -1, 1};
static const double PAIR_Y[2] = {3, -1};

START_TEST(two_heavy_ball_steps_by_hand)
{
    /* lr = 0.1, beta = 0.5, from a = (0, 0), v = (0, 0):
     * step 1: loss = (3² + 1²)/2 = 5, grad = 2 (a − a*) = (−4, −2),
     *         v = (−4, −2), a = (0.4, 0.2);
     * step 2: predictions 0.6 and −0.2, misses −2.4 and 0.8, loss =
     *         (5.76 + 0.64)/2 = 3.2; grad = (−3.2, −1.6),
     *         v = 0.5 (−4, −2) + grad = (−5.2, −2.6), a = (0.92, 0.46). */
    double a[2] = {0, 0}, v[2] = {0, 0};
    ck_assert_double_eq_tol(momentum_update(PAIR_X, PAIR_Y, 2, a, v, 0.1, 0.5), 5.0, 1e-15);
    ck_assert_double_eq_tol(v[0], -4.0, 1e-15);
    ck_assert_double_eq_tol(v[1], -2.0, 1e-15);
    ck_assert_double_eq_tol(a[0], 0.4, 1e-15);
    ck_assert_double_eq_tol(a[1], 0.2, 1e-15);
    ck_assert_double_eq_tol(momentum_update(PAIR_X, PAIR_Y, 2, a, v, 0.1, 0.5), 3.2, 1e-14);
    ck_assert_double_eq_tol(v[0], -5.2, 1e-14);
    ck_assert_double_eq_tol(v[1], -2.6, 1e-14);
    ck_assert_double_eq_tol(a[0], 0.92, 1e-14);
    ck_assert_double_eq_tol(a[1], 0.46, 1e-14);
}
END_TEST

/* The notebook's true line; its 100 points for seed 42 are chapters 04 and 05's. */
static const double A_TRUE[2] = {3, 2};

START_TEST(no_momentum_walks_chapter_04s_path_exactly)
{
    /* With beta = 0 and v starting at 0, v = 0·v + grad is grad to the last
     * bit, so the path is train_full_batch()'s, bit for bit: no tolerance. */
    Dataset data;
    Rng rng = rng_seeded(42);
    ck_assert_int_eq(data_synthetic(&data, 100, A_TRUE, &rng, NULL), STATUS_OK);
    History history;
    ck_assert_int_eq(history_allocate(&history, 60, NULL), STATUS_OK);
    double library[2] = {-1, 1}, a[2] = {-1, 1}, v[2] = {0, 0};
    ck_assert_int_eq(train_full_batch(&data, library, 0.1, 60, &history, NULL), STATUS_OK);
    for (size_t step = 0; step < 60; step++) {
        ck_assert_double_eq(a[0], history.a[2 * step]);
        ck_assert_double_eq(a[1], history.a[2 * step + 1]);
        double loss = momentum_update(data.x, data.y, data.n, a, v, 0.1, 0.0);
        ck_assert_double_eq(loss, history.loss[step]);
    }
    ck_assert_double_eq(a[0], library[0]);
    ck_assert_double_eq(a[1], library[1]);
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(the_rate_halves_at_t_equal_to_decay)
{
    /* lr / (1 + t/T): lr at t = 0, lr/2 at t = T, lr/4 at t = 3T, and exactly
     * lr at every t when T = 0 (no decay). */
    ck_assert_double_eq(decayed_lr(0.1, 0.0, 0), 0.1);
    ck_assert_double_eq(decayed_lr(0.1, 0.0, 123456), 0.1);
    ck_assert_double_eq(decayed_lr(0.1, 100.0, 0), 0.1);
    ck_assert_double_eq_tol(decayed_lr(0.1, 100.0, 100), 0.05, 1e-17);
    ck_assert_double_eq_tol(decayed_lr(0.1, 100.0, 300), 0.025, 1e-17);
    ck_assert_double_eq_tol(decayed_lr(0.8, 2.5, 5), 0.8 / 3.0, 1e-16);
    for (size_t t = 1; t < 1000; t++)
        ck_assert_double_lt(decayed_lr(0.1, 10.0, t), decayed_lr(0.1, 10.0, t - 1));
}
END_TEST

START_TEST(the_best_settings_by_hand)
{
    /* λ = (9, 1): κ = 9, √κ = 3. Plain: 2 / (9 + 1) = 0.2. Heavy ball:
     * 4 / (√9 + √1)² = 4/16 = 0.25, beta = ((3 − 1)/(3 + 1))² = 1/4. */
    const double lambda[2] = {9, 1};
    double lr, beta;
    ck_assert_double_eq_tol(best_plain_lr(lambda), 0.2, 1e-16);
    best_momentum(lambda, &lr, &beta);
    ck_assert_double_eq_tol(lr, 0.25, 1e-16);
    ck_assert_double_eq_tol(beta, 0.25, 1e-16);
    /* A round bowl (κ = 1) needs no momentum, and one step of lr = 1/λ. */
    const double round[2] = {2, 2};
    best_momentum(round, &lr, &beta);
    ck_assert_double_eq_tol(lr, 0.5, 1e-15);
    ck_assert_double_eq(beta, 0.0);
    ck_assert_double_eq_tol(best_plain_lr(round), 0.5, 1e-16);
}
END_TEST

/* The bowl of the closed-form tests: two points x1 = ±10 with y = 3 x1 + 2,
 * fitted exactly by a* = (3, 2) (L* = 0). XᵀX = diag(200, 2), so with n = 2
 * H = diag(200, 2): λmax = 200 along a1, λmin = 2 along a2, κ = 100,
 * √κ = 10, and each coordinate of e = a − a* moves on its own. */
static const double WIDE_X[4] = {10, 1, -10, 1};
static const double WIDE_Y[2] = {32, -28};
static const double WIDE_BEST[2] = {3, 2};
static const double WIDE_LAMBDA[2] = {200, 2};

START_TEST(momentum_at_its_best_follows_the_closed_form)
{
    /* At lr = 4/(√200 + √2)² = 4/242 and beta = (9/11)², each coordinate's
     * error obeys e' = (1 + beta − lr λ) e − beta e_before, whose two roots
     * coincide: −r along λmax and +r along λmin, with r = (√κ − 1)/(√κ + 1)
     * = 9/11. Starting with v = 0, e_1 = (1 − lr λ) e_0, which fixes
     *     e_t = e_0 (1 + (1 + r) t) (−r)^t   along λmax,
     *     e_t = e_0 (1 + (1 − r) t) r^t      along λmin.
     * Rounding grows with t like the error does, so the check is relative. */
    double lr, beta, r = 9.0 / 11.0;
    best_momentum(WIDE_LAMBDA, &lr, &beta);
    ck_assert_double_eq_tol(lr, 4.0 / 242.0, 1e-16);
    ck_assert_double_eq_tol(beta, r * r, 1e-15);
    double a[2] = {-1, 1}, v[2] = {0, 0};
    double e0[2] = {a[0] - WIDE_BEST[0], a[1] - WIDE_BEST[1]};
    for (int t = 1; t <= 80; t++) {
        momentum_update(WIDE_X, WIDE_Y, 2, a, v, lr, beta);
        double steep = e0[0] * (1.0 + (1.0 + r) * t) * pow(-r, t);
        double flat = e0[1] * (1.0 + (1.0 - r) * t) * pow(r, t);
        ck_assert_double_eq_tol(a[0] - WIDE_BEST[0], steep, 1e-9 * fabs(steep) + 1e-13);
        ck_assert_double_eq_tol(a[1] - WIDE_BEST[1], flat, 1e-9 * fabs(flat) + 1e-13);
    }
}
END_TEST

/* Steps of the heavy ball (beta = 0: plain descent) from a = (−1, 1) until
 * every coordinate's error is below tolerance times where it started. */
static int steps_to_tolerance(double lr, double beta, double tolerance)
{
    double a[2] = {-1, 1}, v[2] = {0, 0};
    double e0[2] = {fabs(a[0] - WIDE_BEST[0]), fabs(a[1] - WIDE_BEST[1])};
    for (int t = 0; t < 100000; t++) {
        if (fabs(a[0] - WIDE_BEST[0]) <= tolerance * e0[0] &&
            fabs(a[1] - WIDE_BEST[1]) <= tolerance * e0[1])
            return t;
        momentum_update(WIDE_X, WIDE_Y, 2, a, v, lr, beta);
    }
    return 100000;
}

START_TEST(momentum_beats_plain_descent_by_the_predicted_factor)
{
    /* Plain descent at its best rate 2/(λmax + λmin) = 2/202 multiplies the
     * error by 1 − lr λ = ∓(κ − 1)/(κ + 1) = ∓99/101 along each axis, exactly,
     * so reaching tolerance τ = 1e-8 takes ⌈ln(1/τ) / ln(101/99)⌉ =
     * ⌈18.4207 / 0.0200007⌉ = ⌈921.003⌉ = 922 steps.
     * Momentum at its best shrinks the error by r = (√κ − 1)/(√κ + 1) = 9/11
     * a step in the long run, so as τ → 0 the predicted speed-up is
     * ln(11/9) / ln(101/99) = 0.200671 / 0.0200007 = 10.03, about √κ = 10.
     * At τ = 1e-8 the closed form of the test above predicts it precisely:
     * the steep axis, slower of the two, is within τ from the first t with
     * (1 + (20/11) t) (9/11)^t ≤ 1e-8, t = 119 (at t = 118 it is 1.12e-8),
     * so the speed-up is 922/119 = 7.75, between that and 10.03. The counts
     * may each be off by one where rounding meets the tolerance. */
    double lr, beta;
    best_momentum(WIDE_LAMBDA, &lr, &beta);
    int plain = steps_to_tolerance(best_plain_lr(WIDE_LAMBDA), 0.0, 1e-8);
    int heavy = steps_to_tolerance(lr, beta, 1e-8);
    ck_assert_int_ge(plain, 921);
    ck_assert_int_le(plain, 923);
    ck_assert_int_ge(heavy, 118);
    ck_assert_int_le(heavy, 120);
    double speedup = (double)plain / (double)heavy;
    ck_assert_double_ge(speedup, 921.0 / 120.0);
    ck_assert_double_le(speedup, 10.04);
}
END_TEST

/* The mean loss of all the data over the last 2000 of 20000 steps of SGD with
 * batch 1 at rate lr / (1 + t/decay), measured every 7 steps (so not always
 * at the end of an epoch), with shuffled epochs from seed 42. */
static double settled_loss(const Dataset *data, double lr, double decay)
{
    Rng rng = rng_seeded(42);
    EpochSampler sampler;
    Dataset one;
    ck_assert_int_eq(sampler_init(&sampler, data, 1, NULL), STATUS_OK);
    ck_assert_int_eq(data_allocate(&one, 1, NULL), STATUS_OK);
    double a[2] = {-1, 1}, v[2] = {0, 0}, sum = 0.0;
    size_t count = 0;
    for (size_t t = 0; t < 20000; t++) {
        const size_t *rows;
        if (sampler_next_batch(&sampler, &rows) == 0) {
            sampler_start_epoch(&sampler, &rng);
            sampler_next_batch(&sampler, &rows);
        }
        gather_rows(data, rows, 1, &one);
        momentum_update(one.x, one.y, 1, a, v, decayed_lr(lr, decay, t), 0.0);
        if (t >= 18000 && t % 7 == 0) {
            sum += loss_of(data->x, data->y, data->n, a);
            count++;
        }
    }
    data_free(&one);
    sampler_free(&sampler);
    return sum / (double)count;
}

START_TEST(a_decaying_rate_reaches_the_floor_a_constant_one_does_not)
{
    /* Near a* a batch-1 step kicks a by lr times one point's gradient
     * g_i = 2 r_i x_i, which averages to 0 there but has mean square
     * S = mean |g_i|². The kicks' spread settles where the pull back,
     * lr H e, balances them: E[e eᵀ] ≈ lr S_matrix / 2 H⁻¹ for small lr,
     * so the loss settles about ½ tr(H E[e eᵀ]) = lr S / 4 above L*. For the
     * notebook's data S ≈ 4 · (1/12) · (1 + 1/3) = 0.44 (the noise's variance
     * 1/12 times mean |x|² = 4/3), so at lr = 0.1 about 0.011 above L* ≈ 0.08:
     * 14% over. A rate falling like 1/t makes the kicks vanish: by t = 20000,
     * lr/(1 + t/100) ≈ 0.0005 and its floor is 200 times lower, under 0.1%.
     * Stated tolerances: the constant rate stays more than 5% above L*, the
     * decaying one gets within 0.5% of it. */
    Dataset data;
    Rng rng = rng_seeded(42);
    ck_assert_int_eq(data_synthetic(&data, 100, A_TRUE, &rng, NULL), STATUS_OK);
    double best[2];
    ck_assert_int_eq(least_squares(data.x, data.y, data.n, best, NULL), STATUS_OK);
    double floor = loss_of(data.x, data.y, data.n, best);
    double constant = settled_loss(&data, 0.1, 0.0), decaying = settled_loss(&data, 0.1, 100.0);
    ck_assert_double_gt(constant, 1.05 * floor);
    ck_assert_double_lt(decaying, 1.005 * floor);
    ck_assert_double_ge(decaying, floor); /* nothing beats least squares */
    data_free(&data);
}
END_TEST

static const Chapter WITH_MOMENTUM = {"chXX", "test", FLAGS_TRAINING | FLAG_MOMENTUM | FLAG_DECAY,
                                      0, 0, 0, 0.0};
static const Chapter WITHOUT = {"chXX", "test", FLAGS_TRAINING, 10, 0, 0, 0.0};

static Status parse_words(const Chapter *chapter, const char *first, const char *second,
                          Options *options, Error *err)
{
    char *argv[] = {"chXX", (char *)first, (char *)second, NULL};
    return cli_parse(3, argv, chapter, options, err);
}

START_TEST(the_momentum_and_decay_flags)
{
    Options options;
    Error err;
    ck_assert_int_eq(parse_words(&WITH_MOMENTUM, "--momentum", "0.9", &options, &err),
                     STATUS_OK);
    ck_assert_double_eq(options.momentum, 0.9);
    ck_assert_double_eq(options.decay, 0.0); /* the default: a constant rate */
    ck_assert_int_eq(parse_words(&WITH_MOMENTUM, "--decay", "250", &options, &err), STATUS_OK);
    ck_assert_double_eq(options.decay, 250.0);
    ck_assert_double_eq(options.momentum, 0.0); /* the default: plain descent */
    const char *bad[][2] = {{"--momentum", "1"},  {"--momentum", "-0.1"}, {"--momentum", "x"},
                            {"--momentum", "nan"}, {"--decay", "-1"},      {"--decay", "1e999"},
                            {"--decay", ""}};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        ck_assert_int_eq(parse_words(&WITH_MOMENTUM, bad[k][0], bad[k][1], &options, &err),
                         STATUS_USAGE);
        ck_assert_ptr_nonnull(strstr(err.message, bad[k][0]));
    }
    ck_assert_int_eq(parse_words(&WITHOUT, "--momentum", "0.5", &options, &err), STATUS_USAGE);
    ck_assert_str_eq(err.message, "--momentum is not used by chXX");
}
END_TEST

Suite *heavy_ball_suite(void)
{
    Suite *suite = suite_create("heavy_ball");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, two_heavy_ball_steps_by_hand);
    tcase_add_test(tc, no_momentum_walks_chapter_04s_path_exactly);
    tcase_add_test(tc, the_rate_halves_at_t_equal_to_decay);
    tcase_add_test(tc, the_best_settings_by_hand);
    tcase_add_test(tc, momentum_at_its_best_follows_the_closed_form);
    tcase_add_test(tc, momentum_beats_plain_descent_by_the_predicted_factor);
    tcase_add_test(tc, a_decaying_rate_reaches_the_floor_a_constant_one_does_not);
    tcase_add_test(tc, the_momentum_and_decay_flags);
    suite_add_tcase(suite, tc);
    return suite;
}
