/* Tests for code/optim.c: the plain step, momentum and Adam on cases worked
 * by hand; Adam's first step, lr · sign(grad) whatever the gradient's size,
 * and its steps unchanged when every gradient is scaled; the bias
 * correction; Optimizer taking each of the three steps with its state, and
 * its names. */
#include <math.h>
#include <string.h>

#include "heavy_ball.h"
#include "optim.h"
#include "suites.h"

START_TEST(the_plain_step_by_hand)
{
    /* a = (1, −2, 3), grad = (0.5, −1, 2), lr = 0.1: a − 0.1·grad. */
    double a[3] = {1, -2, 3};
    plain_step(a, (const double[3]){0.5, -1, 2}, 3, 0.1);
    ck_assert_double_eq_tol(a[0], 0.95, 1e-15);
    ck_assert_double_eq_tol(a[1], -1.9, 1e-15);
    ck_assert_double_eq_tol(a[2], 2.8, 1e-15);
}
END_TEST

START_TEST(momentum_over_three_parameters_by_hand)
{
    /* Chapter 07's step over any count: lr = 0.1, beta = 0.5, from a = 0,
     * v = 0, the gradient (1, −2, 4) twice:
     *   step 1: v = (1, −2, 4),   a = (−0.1, 0.2, −0.4)
     *   step 2: v = 0.5·v + grad = (1.5, −3, 6), a = (−0.25, 0.5, −1). */
    double a[3] = {0}, v[3] = {0};
    const double grad[3] = {1, -2, 4};
    heavy_ball_step(a, v, grad, 3, 0.1, 0.5);
    heavy_ball_step(a, v, grad, 3, 0.1, 0.5);
    const double expected_v[3] = {1.5, -3, 6}, expected_a[3] = {-0.25, 0.5, -1};
    for (int j = 0; j < 3; j++) {
        ck_assert_double_eq_tol(v[j], expected_v[j], 1e-15);
        ck_assert_double_eq_tol(a[j], expected_a[j], 1e-15);
    }
}
END_TEST

START_TEST(adams_first_step_is_lr_times_the_sign)
{
    /* At t = 1, m = (1 − beta1)·g and v = (1 − beta2)·g², which the bias
     * correction turns back into m̂ = g and v̂ = g²: the step is
     * lr · g / (|g| + eps), lr · sign(g) but for eps (and 0 where g = 0),
     * from a gradient of 3000 as from one of 0.001. */
    const double g[5] = {3000, -0.5, 1e-3, 0, -7};
    double a[5] = {1, 1, 1, 1, 1}, m[5] = {0}, v[5] = {0};
    double lr = 0.01, eps = 1e-8;
    adam_step(a, m, v, g, 5, 1, lr, 0.9, 0.999, eps);
    for (int j = 0; j < 5; j++) {
        double sign = g[j] > 0 ? 1 : g[j] < 0 ? -1 : 0;
        double exact = 1 - lr * g[j] / (fabs(g[j]) + eps);
        ck_assert_double_eq_tol(a[j], exact, 1e-15);
        /* |g| / (|g| + eps) differs from 1 by eps / |g| at most: 1e-5 for the
         * smallest, 0.001. */
        ck_assert_double_eq_tol(a[j], 1 - lr * sign, lr * 1e-5);
    }
}
END_TEST

START_TEST(adams_second_step_by_hand)
{
    /* lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 0; the gradient 1, then −1.
     *   t = 1: m = 0.1, v = 0.001, m̂ = 1, v̂ = 1: a = 0 − 0.1 = −0.1.
     *   t = 2: m = 0.9·0.1 − 0.1 = −0.01, v = 0.999·0.001 + 0.001 = 0.001999,
     *          m̂ = −0.01 / (1 − 0.81) = −1/19, v̂ = 0.001999 / (1 − 0.998001) = 1:
     *          a = −0.1 + 0.1/19 = −0.0947368421…
     * The first gradient's momentum nearly cancels the second: a small step. */
    double a[1] = {0}, m[1] = {0}, v[1] = {0};
    adam_step(a, m, v, (const double[1]){1}, 1, 1, 0.1, 0.9, 0.999, 0.0);
    ck_assert_double_eq_tol(a[0], -0.1, 1e-15);
    adam_step(a, m, v, (const double[1]){-1}, 1, 2, 0.1, 0.9, 0.999, 0.0);
    ck_assert_double_eq_tol(m[0], -0.01, 1e-15);
    ck_assert_double_eq_tol(v[0], 0.001999, 1e-15);
    ck_assert_double_eq_tol(a[0], -0.1 + 0.1 / 19, 1e-14);
}
END_TEST

START_TEST(adam_does_not_see_the_gradients_scale)
{
    /* Every gradient a thousand times larger: m and v a thousand and a
     * million times larger, m̂ / √v̂ the same, and so every step (eps = 0),
     * to rounding. Plain SGD's steps would be a thousand times longer. This
     * is what standardizing does to the data (chapter 06). */
    double a[2] = {0.5, -0.5}, m[2] = {0}, v[2] = {0};
    double b[2] = {0.5, -0.5}, mb[2] = {0}, vb[2] = {0};
    for (size_t t = 1; t <= 20; t++) {
        double g[2] = {sin((double)t), 0.1 * cos(3.0 * (double)t)};
        double big[2] = {1000 * g[0], 1000 * g[1]};
        adam_step(a, m, v, g, 2, t, 0.05, 0.9, 0.999, 0.0);
        adam_step(b, mb, vb, big, 2, t, 0.05, 0.9, 0.999, 0.0);
    }
    ck_assert_double_eq_tol(a[0], b[0], 1e-13);
    ck_assert_double_eq_tol(a[1], b[1], 1e-13);
}
END_TEST

START_TEST(a_constant_gradient_gives_steps_of_lr)
{
    /* With the same g every step, m = (1 − beta1^t)·g and v = (1 − beta2^t)·g²
     * (sums of geometric series), so m̂ = g and v̂ = g² at every t, and every
     * step is lr · sign(g). Without the correction the first step would be
     * (1 − beta1) / √(1 − beta2) = 0.1 / 0.0316, 3.2 times as long. */
    double a[1] = {2}, m[1] = {0}, v[1] = {0};
    for (size_t t = 1; t <= 10; t++)
        adam_step(a, m, v, (const double[1]){-0.3}, 1, t, 0.01, 0.9, 0.999, 0.0);
    ck_assert_double_eq_tol(a[0], 2 + 10 * 0.01, 1e-13);
}
END_TEST

START_TEST(the_optimizer_takes_each_step_with_its_state)
{
    /* Three steps of each kind through optimizer_step() against the step
     * functions called directly, to the last bit. */
    const double grads[3][2] = {{1, -2}, {0.5, 0.25}, {-3, 1}};
    for (int kind = OPTIMIZER_SGD; kind <= OPTIMIZER_ADAM; kind++) {
        Optimizer opt;
        ck_assert_int_eq(optimizer_init(&opt, (OptimizerKind)kind, 0.1, 2, NULL), STATUS_OK);
        ck_assert_double_eq(opt.beta, 0.9);
        ck_assert_double_eq(opt.beta2, 0.999);
        double a[2] = {1, 2}, direct[2] = {1, 2}, v[2] = {0}, m[2] = {0}, s[2] = {0};
        for (size_t t = 1; t <= 3; t++) {
            optimizer_step(&opt, a, grads[t - 1]);
            if (kind == OPTIMIZER_SGD)
                plain_step(direct, grads[t - 1], 2, 0.1);
            else if (kind == OPTIMIZER_MOMENTUM)
                heavy_ball_step(direct, v, grads[t - 1], 2, 0.1, 0.9);
            else
                adam_step(direct, m, s, grads[t - 1], 2, t, 0.1, 0.9, 0.999, 1e-8);
        }
        ck_assert_uint_eq(opt.t, 3);
        ck_assert_double_eq(a[0], direct[0]);
        ck_assert_double_eq(a[1], direct[1]);
        optimizer_free(&opt);
        optimizer_free(&opt); /* freed twice: harmless */
    }
}
END_TEST

START_TEST(optimizers_by_name)
{
    OptimizerKind kind;
    for (int k = OPTIMIZER_SGD; k <= OPTIMIZER_ADAM; k++) {
        ck_assert(optimizer_from_name(optimizer_name((OptimizerKind)k), &kind));
        ck_assert_int_eq(kind, k);
    }
    ck_assert_str_eq(optimizer_name(OPTIMIZER_MOMENTUM), "momentum");
    ck_assert(!optimizer_from_name("Adam", &kind));
    ck_assert(!optimizer_from_name("", &kind));
}
END_TEST

Suite *optim_suite(void)
{
    Suite *suite = suite_create("optim");
    TCase *tc = tcase_create("optim");
    tcase_add_test(tc, the_plain_step_by_hand);
    tcase_add_test(tc, momentum_over_three_parameters_by_hand);
    tcase_add_test(tc, adams_first_step_is_lr_times_the_sign);
    tcase_add_test(tc, adams_second_step_by_hand);
    tcase_add_test(tc, adam_does_not_see_the_gradients_scale);
    tcase_add_test(tc, a_constant_gradient_gives_steps_of_lr);
    tcase_add_test(tc, the_optimizer_takes_each_step_with_its_state);
    tcase_add_test(tc, optimizers_by_name);
    suite_add_tcase(suite, tc);
    return suite;
}
