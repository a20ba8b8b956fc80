/*
 * Tests for ch04/sgd-step.
 *
 * On the two points x = (1, 1), (-1, 1) with y = (3, -1), XᵀX is 2I, so the
 * gradient is 2(a − a*) with a* = (2, 1), the exact fit. One step from a
 * is then a* + (1 − 2 lr)(a − a*) — worked by hand for the first step, and
 * as the closed form a* + (1 − 2 lr)^t (a0 − a*) after t steps. The inputs
 * are small, so 1e-12 covers the rounding of a few dozen operations. On
 * the chapters' data one step is compared with the library's sgd_update()
 * (tested in tests/), to 1e-12.
 */
#include <math.h>

#include "exercise_test.h"
#include "sgd-step.h"
#include "sgd.h"

const char *const EXERCISE_NAME = "ch04/sgd-step";

static const double X[2 * 2] = {1, 1, -1, 1};
static const double Y[2] = {3, -1};
static const double A_STAR[2] = {2, 1}; /* fits both points exactly */

START_TEST(one_step_worked_by_hand)
{
    /* a = (0, 0): grad = 2((0, 0) − (2, 1)) = (-4, -2); a − 0.1 grad = (0.4, 0.2) */
    double a[2] = {0.0, 0.0};
    sgd_step(X, Y, 2, a, 0.1);
    assert_near(a[0], 0.4, 1e-12, "a[0] after one step from a = (0, 0) with lr = 0.1");
    assert_near(a[1], 0.2, 1e-12, "a[1] after one step from a = (0, 0) with lr = 0.1");
}
END_TEST

START_TEST(ten_steps_follow_the_closed_form)
{
    double a[2] = {0.0, 0.0};
    const double lr = 0.1;
    for (int t = 0; t < 10; t++)
        sgd_step(X, Y, 2, a, lr);
    double shrink = pow(1.0 - 2.0 * lr, 10); /* (a − a*) shrinks by 0.8 per step */
    assert_near(a[0], A_STAR[0] * (1.0 - shrink), 1e-12,
                "a[0] after 10 steps from a = (0, 0) with lr = 0.1");
    assert_near(a[1], A_STAR[1] * (1.0 - shrink), 1e-12,
                "a[1] after 10 steps from a = (0, 0) with lr = 0.1");
}
END_TEST

START_TEST(a_learning_rate_of_zero_stays_put)
{
    double a[2] = {-1.0, 1.0};
    sgd_step(X, Y, 2, a, 0.0);
    assert_near(a[0], -1.0, 0.0, "a[0] after a step with lr = 0, which must not move it,");
    assert_near(a[1], 1.0, 0.0, "a[1] after a step with lr = 0, which must not move it,");
}
END_TEST

START_TEST(the_bottom_of_the_bowl_stays_put)
{
    /* At a* every miss is exactly 0, so is the gradient. */
    double a[2] = {A_STAR[0], A_STAR[1]};
    sgd_step(X, Y, 2, a, 0.1);
    for (int j = 0; j < 2; j++)
        assert_near(a[j], A_STAR[j], 0.0,
                    "a[%d] after a step from the exact fit (2, 1), where the gradient is 0,", j);
}
END_TEST

START_TEST(agrees_with_the_library_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    double mine[2] = {-1.0, 1.0}, library[2] = {-1.0, 1.0};
    sgd_step(data.x, data.y, data.n, mine, 0.1);
    sgd_update(data.x, data.y, data.n, library, 0.1);
    for (int j = 0; j < 2; j++)
        assert_near(mine[j], library[j], 1e-12,
                    "a[%d] after one step from a = (-1, 1) on the notebook's data (compared "
                    "with the library's sgd_update())",
                    j);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = tcase_create("one step");
    tcase_add_test(tests, one_step_worked_by_hand);
    tcase_add_test(tests, ten_steps_follow_the_closed_form);
    tcase_add_test(tests, a_learning_rate_of_zero_stays_put);
    tcase_add_test(tests, the_bottom_of_the_bowl_stays_put);
    tcase_add_test(tests, agrees_with_the_library_on_the_notebook_data);
    suite_add_tcase(suite, tests);
    return suite;
}
