/* Tests for code/softmax.c: softmax and cross-entropy on cases worked by
 * hand; the log-sum-exp shift shown by the overflow it prevents (logits of
 * 1000); and softmax regression's gradient, (P − Y)ᵀ X / n and the column
 * means of P − Y, against a case worked by hand, central finite
 * differences, and the tape of chapter 08 (to 1e-12). */
#include <math.h>
#include <stdlib.h>

#include "rng.h"
#include "softmax.h"
#include "tape.h"
#include "gradient_checks.h"
#include "suites.h"

START_TEST(softmax_and_cross_entropy_worked_by_hand)
{
    /* z = (0, ln 2, ln 3): e^z = (1, 2, 3), Σ = 6, so p = (1/6, 2/6, 3/6),
     * log-sum-exp = ln 6, and the cross-entropy of class 2 is −ln(1/2). */
    const double z[3] = {0.0, log(2.0), log(3.0)};
    double p[3];
    softmax(z, 3, p);
    for (int j = 0; j < 3; j++)
        ck_assert_double_eq_tol(p[j], (j + 1) / 6.0, 1e-15);
    ck_assert_double_eq_tol(log_sum_exp(z, 3), log(6.0), 1e-15);
    ck_assert_double_eq_tol(cross_entropy(z, 3, 2), log(2.0), 1e-15);
    ck_assert_double_eq_tol(cross_entropy(z, 3, 0), log(6.0), 1e-15);
    ck_assert_uint_eq(argmax(z, 3), 2);
    const double tie[3] = {1.0, 5.0, 5.0};
    ck_assert_uint_eq(argmax(tie, 3), 1); /* the first of a tie */
    ck_assert_double_eq(max_of(tie, 3), 5.0);
}
END_TEST

START_TEST(the_shift_keeps_logits_of_1000_finite)
{
    /* Unshifted, e^1000 is inf: the log of the sum is inf and p = inf/inf
     * is NaN. Shifted by the largest logit, every exponent is at most 0. */
    const double z[3] = {1000.0, 1000.0, 1000.0}, far[2] = {1000.0, 0.0};
    volatile double big = 1000.0;
    ck_assert(isinf(exp(big)) && isnan(exp(big) / (3 * exp(big)))); /* what it prevents */
    ck_assert_double_eq_tol(log_sum_exp(z, 3), 1000.0 + log(3.0), 1e-12);
    double p[3];
    softmax(z, 3, p);
    for (int j = 0; j < 3; j++)
        ck_assert_double_eq_tol(p[j], 1.0 / 3.0, 1e-15);
    /* p_1 = e^-1000 is below the smallest double, yet its loss is there. */
    ck_assert_double_eq(cross_entropy(far, 2, 1), 1000.0);
    ck_assert_double_eq(cross_entropy(far, 2, 0), 0.0);
    const double low[2] = {-1000.0, -1001.0};
    ck_assert_double_eq_tol(log_sum_exp(low, 2), -1000.0 + log1p(exp(-1.0)), 1e-12);
}
END_TEST

START_TEST(softmax_regression_worked_by_hand)
{
    /* D = 1, K = 2, one example x = 2 of class 0; W = (1, 0), b = (0, 2 + ln 3).
     * z = (2, 2 + ln 3), so p = (1, 3)/4 and the loss is −ln(1/4) = ln 4.
     * P − Y = (−3/4, 3/4): grad W = (P − Y)ᵀ x / 1 = (−1.5, 1.5) and
     * grad b = (−0.75, 0.75). */
    const double x[1] = {2.0}, w[2] = {1.0, 0.0}, b[2] = {0.0, 2.0 + log(3.0)};
    const size_t label[1] = {0};
    double probs[2], grad_w[2], grad_b[2];
    double loss = softmax_regression(x, label, 1, 1, 2, w, b, probs, grad_w, grad_b);
    ck_assert_double_eq_tol(loss, log(4.0), 1e-15);
    ck_assert_double_eq_tol(probs[0], 0.25, 1e-15);
    ck_assert_double_eq_tol(probs[1], 0.75, 1e-15);
    ck_assert_double_eq_tol(grad_w[0], -1.5, 1e-15);
    ck_assert_double_eq_tol(grad_w[1], 1.5, 1e-15);
    ck_assert_double_eq_tol(grad_b[0], -0.75, 1e-15);
    ck_assert_double_eq_tol(grad_b[1], 0.75, 1e-15);
    /* The loss alone (no_grad) is the same number. */
    ck_assert_double_eq(softmax_regression(x, label, 1, 1, 2, w, b, probs, NULL, NULL), loss);
}
END_TEST

/* A random problem of n examples, D inputs, K classes: x, labels, and
 * the parameters a = [W (K, D), b (K)], all from seed. */
enum { N = 6, D = 4, K = 3, P = K * D + K };

static void random_problem(uint64_t seed, double *x, size_t *label, double *a)
{
    Rng rng = rng_seeded(seed);
    for (size_t i = 0; i < N * D; i++)
        x[i] = rng_uniform_between(&rng, -2.0, 2.0);
    for (size_t i = 0; i < N; i++)
        label[i] = rng_below(&rng, K);
    for (size_t j = 0; j < P; j++)
        a[j] = rng_uniform_between(&rng, -1.0, 1.0);
}

/* The examples of a problem: x (N, D) and their labels. */
typedef struct {
    double x[N * D];
    size_t label[N];
} Problem;

static double loss_at(const void *context, const double *a)
{
    const Problem *problem = context;
    double probs[N * K];
    return softmax_regression(problem->x, problem->label, N, D, K, a, a + K * D, probs, NULL,
                              NULL);
}

START_TEST(the_gradient_agrees_with_finite_differences)
{
    /* Central differences, h = 1e-5: their error is about h² |L'''| / 6
     * (L''' of a mean cross-entropy of inputs within ±2 is below 10), under
     * 1e-9, plus rounding, 1e-16 / h ≈ 1e-11. */
    Problem problem;
    double a[P], grad[P], probs[N * K];
    for (uint64_t seed = 1; seed <= 5; seed++) {
        random_problem(seed, problem.x, problem.label, a);
        softmax_regression(problem.x, problem.label, N, D, K, a, a + K * D, probs, grad,
                           grad + K * D);
        check_against_differences(loss_at, &problem, a, grad, P, 1e-5, 1e-8, (int)seed);
    }
}
END_TEST

START_TEST(the_gradient_agrees_with_the_tape)
{
    /* The same loss recorded node by node, exp and log included, and walked
     * back: the formula and the chain rule give one gradient, apart from the
     * order of the additions (1e-12). */
    double x[N * D], a[P], grad[P], probs[N * K];
    size_t label[N];
    for (uint64_t seed = 1; seed <= 5; seed++) {
        random_problem(seed, x, label, a);
        double loss = softmax_regression(x, label, N, D, K, a, a + K * D, probs, grad,
                                         grad + K * D);
        Tape tape = {0};
        Var params[P], inputs[D], z[K], losses[N];
        for (size_t j = 0; j < P; j++)
            params[j] = tape_leaf(&tape, a[j]);
        for (size_t i = 0; i < N; i++) {
            for (size_t j = 0; j < D; j++)
                inputs[j] = tape_leaf(&tape, x[i * D + j]);
            tape_linear(&tape, inputs, params, params + K * D, D, K, z);
            losses[i] = tape_cross_entropy(&tape, z, K, label[i]);
        }
        check_against_tape(&tape, tape_mean(&tape, losses, N), params, grad, P, loss, (int)seed);
        tape_free(&tape);
    }
}
END_TEST

START_TEST(exp_and_log_on_the_tape_by_hand)
{
    /* e^(ln 3) = 3 with slope 3; ln 4 with slope 1/4; and ln(e^u) = u, slope 1. */
    Tape tape = {0};
    Var u = tape_leaf(&tape, log(3.0)), v = tape_leaf(&tape, 4.0);
    Var e = tape_exp(&tape, u);
    tape_backward(&tape, e);
    ck_assert_double_eq_tol(tape_value(&tape, e), 3.0, 1e-15);
    ck_assert_double_eq_tol(tape_grad(&tape, u), 3.0, 1e-15);
    Var l = tape_log(&tape, v);
    tape_backward(&tape, l);
    ck_assert_double_eq(tape_value(&tape, l), log(4.0));
    ck_assert_double_eq(tape_grad(&tape, v), 0.25);
    Var w = tape_leaf(&tape, 0.7);
    Var back = tape_log(&tape, tape_exp(&tape, w));
    tape_backward(&tape, back);
    ck_assert_double_eq_tol(tape_value(&tape, back), 0.7, 1e-15);
    ck_assert_double_eq_tol(tape_grad(&tape, w), 1.0, 1e-15);
    tape_free(&tape);
}
END_TEST

Suite *softmax_suite(void)
{
    Suite *suite = suite_create("softmax");
    TCase *tc = tcase_create("softmax");
    tcase_add_test(tc, softmax_and_cross_entropy_worked_by_hand);
    tcase_add_test(tc, the_shift_keeps_logits_of_1000_finite);
    tcase_add_test(tc, softmax_regression_worked_by_hand);
    tcase_add_test(tc, the_gradient_agrees_with_finite_differences);
    tcase_add_test(tc, the_gradient_agrees_with_the_tape);
    tcase_add_test(tc, exp_and_log_on_the_tape_by_hand);
    suite_add_tcase(suite, tc);
    return suite;
}
