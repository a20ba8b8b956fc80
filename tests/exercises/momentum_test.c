/*
 * Tests for ch05/momentum.
 *
 * On the two points x = (1, 1), (-1, 1) with y = (3, -1), XᵀX = 2I and the
 * gradient is 2 e, where e = a − a* is the distance from the exact fit
 * a* = (2, 1). Momentum then obeys, in each coordinate separately,
 *     v_{t+1} = beta v_t + 2 e_t,   e_{t+1} = e_t − lr v_{t+1},
 * and since lr v_t = e_{t−1} − e_t, eliminating v gives the recurrence
 *     e_{t+1} = (1 + beta − 2 lr) e_t − beta e_{t−1},   e_1 = (1 − 2 lr) e_0,
 * which the test runs on plain numbers alongside the learner's steps. The
 * two first steps are also worked by hand. The numbers stay near 1 and
 * rounding adds up over 30 steps to far less than the tolerance, 1e-10.
 * With beta = 0 momentum is plain gradient descent: compared with the
 * library's sgd_update() (tested in tests/) to 1e-12.
 */
#include "exercise_test.h"
#include "momentum.h"
#include "sgd.h"

const char *const EXERCISE_NAME = "ch05/momentum";

static const double X[2 * 2] = {1, 1, -1, 1};
static const double Y[2] = {3, -1};
static const double A_STAR[2] = {2, 1}; /* fits both points exactly */

START_TEST(two_steps_worked_by_hand)
{
    /* lr = 0.1, beta = 0.9, from a = (0, 0), v = (0, 0):
     * step 1: grad = 2(a − a*) = (-4, -2), v = (-4, -2), a = (0.4, 0.2)
     * step 2: grad = (-3.2, -1.6), v = 0.9 (-4, -2) + grad = (-6.8, -3.4),
     *         a = (0.4, 0.2) + 0.1 (6.8, 3.4) = (1.08, 0.54) */
    double a[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    momentum_step(X, Y, 2, a, v, 0.1, 0.9);
    assert_near(v[0], -4.0, 1e-12, "velocity[0] after step 1 (lr = 0.1, beta = 0.9)");
    assert_near(v[1], -2.0, 1e-12, "velocity[1] after step 1 (lr = 0.1, beta = 0.9)");
    assert_near(a[0], 0.4, 1e-12, "a[0] after step 1 (lr = 0.1, beta = 0.9)");
    assert_near(a[1], 0.2, 1e-12, "a[1] after step 1 (lr = 0.1, beta = 0.9)");
    momentum_step(X, Y, 2, a, v, 0.1, 0.9);
    assert_near(v[0], -6.8, 1e-12, "velocity[0] after step 2 (lr = 0.1, beta = 0.9)");
    assert_near(v[1], -3.4, 1e-12, "velocity[1] after step 2 (lr = 0.1, beta = 0.9)");
    assert_near(a[0], 1.08, 1e-12, "a[0] after step 2 (lr = 0.1, beta = 0.9)");
    assert_near(a[1], 0.54, 1e-12, "a[1] after step 2 (lr = 0.1, beta = 0.9)");
}
END_TEST

/* 30 steps from a = (0, 0) next to the recurrence for e = a − a*. */
static void follow_the_recurrence(double lr, double beta)
{
    double a[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    double e_before[2] = {-A_STAR[0], -A_STAR[1]}; /* e_{t-1}, starting at e_0 */
    double e_now[2];
    momentum_step(X, Y, 2, a, v, lr, beta);
    for (int j = 0; j < 2; j++) {
        e_now[j] = (1.0 - 2.0 * lr) * e_before[j]; /* e_1 */
        assert_near(a[j], A_STAR[j] + e_now[j], 1e-10,
                    "a[%d] after step 1 (lr = %g, beta = %g)", j, lr, beta);
    }
    for (int t = 2; t <= 30; t++) {
        momentum_step(X, Y, 2, a, v, lr, beta);
        for (int j = 0; j < 2; j++) {
            double e_next = (1.0 + beta - 2.0 * lr) * e_now[j] - beta * e_before[j];
            e_before[j] = e_now[j];
            e_now[j] = e_next;
            assert_near(a[j], A_STAR[j] + e_now[j], 1e-10,
                        "a[%d] after step %d (lr = %g, beta = %g)", j, t, lr, beta);
        }
    }
}

START_TEST(thirty_steps_follow_the_recurrence)
{
    follow_the_recurrence(0.1, 0.9);
    follow_the_recurrence(0.05, 0.5);
}
END_TEST

START_TEST(no_momentum_is_plain_gradient_descent)
{
    Dataset data = notebook_data(100, 42);
    double mine[2] = {-1.0, 1.0}, v[2] = {0.0, 0.0}, library[2] = {-1.0, 1.0};
    for (int step = 0; step < 5; step++) {
        momentum_step(data.x, data.y, data.n, mine, v, 0.1, 0.0);
        sgd_update(data.x, data.y, data.n, library, 0.1);
    }
    for (int j = 0; j < 2; j++)
        assert_near(mine[j], library[j], 1e-12,
                    "a[%d] after 5 steps with beta = 0, plain gradient descent (compared "
                    "with the library's sgd_update())",
                    j);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = tcase_create("momentum");
    tcase_add_test(tests, two_steps_worked_by_hand);
    tcase_add_test(tests, thirty_steps_follow_the_recurrence);
    tcase_add_test(tests, no_momentum_is_plain_gradient_descent);
    suite_add_tcase(suite, tests);
    return suite;
}
