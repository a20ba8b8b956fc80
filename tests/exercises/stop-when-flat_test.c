/*
 * Tests for ch04/stop-when-flat.
 *
 * On the points (x1, y) = (1, 3), (-1, -1), with rows (1, 1), (-1, 1), XᵀX
 * is 2I, so the gradient is ∇L(a) = (2/2) XᵀX (a − a*) = 2 e, where
 * e = a − a* and a* = (2, 1) fits both points exactly. One step turns e
 * into (1 − 2 lr) e, so after t steps |∇L| = 2 |e_0| |1 − 2 lr|^t:
 *   - lr = 0.25 halves e: from a = (0, 0), e_0 = (-2, -1), |∇L| = 2√5 / 2^t
 *     = 4.472… / 2^t, below tol = 1e-3 first at t = 13 (2^12 = 4096 is
 *     below 4472, 2^13 = 8192 above), where a = (2, 1) + e_0 / 8192. Every
 *     number on the way is a binary fraction, exact in a double. (Testing
 *     the larger of the two numbers, 4 / 2^t, instead of the length would
 *     stop at t = 12.)
 *   - lr = 1 flips e: a jumps between (0, 0) and (4, 2) and |∇L| stays 2√5,
 *     so descent stops only at max_steps; after 51 steps a = (4, 2).
 * On the points (2, 3), (-2, -1), with rows (2, 1), (-2, 1), XᵀX = diag(8, 2)
 * and a* = (1, 1): ∇L = (8 e1, 2 e2). With lr = 0.125 the first step takes
 * e1 from -1 to exactly 0, and each step multiplies e2 by 0.75, so after
 * t ≥ 1 steps ∇L = (0, -2 * 0.75^t): below tol = 0.01 first at t = 19
 * (2 * 0.75^18 = 0.01126, 2 * 0.75^19 = 0.00845). Testing grad[0] alone
 * would stop after 1 step. 0.75^19 = 3^19 / 4^19 is exact in a double.
 * On the chapters' data: where descent stops, the library's gradient()
 * (tested in tests/) must be shorter than tol, and since ∇L = H (a − a*)
 * for this quadratic loss, a is within tol / λmin of the least-squares a*,
 * λmin the smaller eigenvalue of H = (2/n) XᵀX.
 */
#include <math.h>

#include "exercise_test.h"
#include "gradient.h"
#include "stop-when-flat.h"

const char *const EXERCISE_NAME = "ch04/stop-when-flat";

/* (x1, y) = (1, 3), (-1, -1): a* = (2, 1) fits both. */
static const double X[2 * 2] = {1, 1, -1, 1};
static const double Y[2] = {3, -1};

/* What a count of steps one off says. */
static const char *off_by_one(size_t got, size_t expected)
{
    if (got == expected + 1)
        return ": one step too many: test the gradient before each step, and stop as soon "
               "as it is shorter than tol";
    if (got + 1 == expected)
        return ": one step too few: count every step taken, and compare the length of the "
               "whole gradient, sqrt(grad[0]^2 + grad[1]^2), with tol";
    return "";
}

START_TEST(halving_steps_worked_by_hand)
{
    double a[2] = {0.0, 0.0};
    exercise_case("descend_until_flat from a = (0, 0) with lr = 0.25, tol = 1e-3 on the "
                  "points (1, 3), (-1, -1)");
    size_t steps = descend_until_flat(X, Y, 2, a, 0.25, 1e-3, 100);
    ck_assert_msg(steps == 13, "descend_until_flat from a = (0, 0) with lr = 0.25, tol = 1e-3 "
                  "on the points (1, 3), (-1, -1) returned %zu steps, expected 13 (the "
                  "gradient's length is 4.47 / 2^t after t steps)%s",
                  steps, off_by_one(steps, 13));
    assert_near(a[0], 2.0 - 2.0 / 8192.0, 1e-15,
                "a[0] where descent stopped after 13 steps (lr = 0.25, tol = 1e-3)");
    assert_near(a[1], 1.0 - 1.0 / 8192.0, 1e-15,
                "a[1] where descent stopped after 13 steps (lr = 0.25, tol = 1e-3)");
}
END_TEST

START_TEST(a_flat_start_takes_no_step)
{
    double a[2] = {2.0, 1.0};
    exercise_case("descend_until_flat from the exact fit a = (2, 1) of the points (1, 3), "
                  "(-1, -1)");
    size_t steps = descend_until_flat(X, Y, 2, a, 0.25, 1e-3, 100);
    ck_assert_msg(steps == 0, "descend_until_flat from the exact fit a = (2, 1), where the "
                  "gradient is 0, returned %zu steps, expected 0: test the gradient before "
                  "the first step", steps);
    assert_near(a[0], 2.0, 0.0, "a[0] after descend_until_flat from the exact fit (2, 1)");
    assert_near(a[1], 1.0, 0.0, "a[1] after descend_until_flat from the exact fit (2, 1)");
}
END_TEST

START_TEST(the_whole_gradient_must_be_short)
{
    const double x[2 * 2] = {2, 1, -2, 1}, y[2] = {3, -1};
    double a[2] = {0.0, 0.0};
    exercise_case("descend_until_flat from a = (0, 0) with lr = 0.125, tol = 0.01 on the "
                  "points (2, 3), (-2, -1)");
    size_t steps = descend_until_flat(x, y, 2, a, 0.125, 0.01, 100);
    ck_assert_msg(steps == 19, "descend_until_flat from a = (0, 0) with lr = 0.125, tol = 0.01 "
                  "on the points (2, 3), (-2, -1) returned %zu steps, expected 19 (the "
                  "gradient is (0, -2 * 0.75^t) after t steps)%s",
                  steps, steps == 1 ? ": after one step grad[0] is 0 but grad[1] is -1.5: "
                                      "stop when the length of the whole gradient is below "
                                      "tol, not one of its numbers"
                                    : off_by_one(steps, 19));
    assert_near(a[0], 1.0, 1e-15,
                "a[0] where descent stopped after 19 steps (lr = 0.125, tol = 0.01)");
    assert_near(a[1], 1.0 - pow(0.75, 19), 1e-15,
                "a[1] where descent stopped after 19 steps (lr = 0.125, tol = 0.01)");
}
END_TEST

START_TEST(a_rate_that_never_settles_stops_at_max_steps)
{
    double a[2] = {0.0, 0.0};
    exercise_case("descend_until_flat with lr = 1 and max_steps = 51 on the points (1, 3), "
                  "(-1, -1) (a jumps between (0, 0) and (4, 2) for ever)");
    size_t steps = descend_until_flat(X, Y, 2, a, 1.0, 1e-3, 51);
    ck_assert_msg(steps == 51, "descend_until_flat with lr = 1 and max_steps = 51, where the "
                  "gradient never gets shorter, returned %zu steps, expected 51 (max_steps)",
                  steps);
    assert_near(a[0], 4.0, 0.0, "a[0] after 51 steps at lr = 1 from (0, 0)");
    assert_near(a[1], 2.0, 0.0, "a[1] after 51 steps at lr = 1 from (0, 0)");
}
END_TEST

/* The smaller eigenvalue of H = (2/n) XᵀX: [p q; q r] has
 * λmin = (p + r)/2 − sqrt(((p − r)/2)² + q²). x: n×2 row-major */
static double smallest_curvature(const double *x, size_t n)
{
    double p = 0.0, q = 0.0, r = 0.0;
    for (size_t i = 0; i < n; i++) {
        p += x[2 * i] * x[2 * i];
        q += x[2 * i] * x[2 * i + 1];
        r += x[2 * i + 1] * x[2 * i + 1];
    }
    p *= 2.0 / (double)n;
    q *= 2.0 / (double)n;
    r *= 2.0 / (double)n;
    return (p + r) / 2.0 - hypot((p - r) / 2.0, q);
}

START_TEST(flat_means_close_to_the_answer_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    const double tol = 1e-6;
    double a[2] = {-1.0, 1.0}, best[2], grad[2];
    Error err;
    ck_assert(least_squares(data.x, data.y, data.n, best, &err) == STATUS_OK);
    exercise_case("descend_until_flat from a = (-1, 1) with lr = 0.5, tol = 1e-6 on the "
                  "notebook's n = 100 points");
    size_t steps = descend_until_flat(data.x, data.y, data.n, a, 0.5, tol, 10000);
    ck_assert_msg(steps > 0 && steps < 10000, "descend_until_flat from a = (-1, 1) with "
                  "lr = 0.5, tol = 1e-6 on the notebook's data returned %zu steps, expected "
                  "more than 0 and fewer than max_steps = 10000", steps);
    gradient(data.x, data.y, data.n, a, grad);
    ck_assert_msg(hypot(grad[0], grad[1]) < tol, "where descent stopped on the notebook's "
                  "data, a = (%.9g, %.9g), the gradient's length is %g, not below tol = %g",
                  a[0], a[1], hypot(grad[0], grad[1]), tol);
    double bound = tol / smallest_curvature(data.x, data.n);
    ck_assert_msg(hypot(a[0] - best[0], a[1] - best[1]) <= bound, "where descent stopped "
                  "on the notebook's data, a = (%.9g, %.9g) is %g from the least-squares "
                  "answer, more than tol / λmin = %g", a[0], a[1],
                  hypot(a[0] - best[0], a[1] - best[1]), bound);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("stop when flat");
    tcase_add_test(tests, halving_steps_worked_by_hand);
    tcase_add_test(tests, a_flat_start_takes_no_step);
    tcase_add_test(tests, the_whole_gradient_must_be_short);
    tcase_add_test(tests, a_rate_that_never_settles_stops_at_max_steps);
    tcase_add_test(tests, flat_means_close_to_the_answer_on_the_notebook_data);
    suite_add_tcase(suite, tests);
    return suite;
}
