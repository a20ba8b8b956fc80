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
 *
 * On those two points each coefficient's slope depends on it alone, so the
 * classic mistake, changing a[0] before grad[1] is computed, goes unseen.
 * On the points (x1, y) = (0, 1), (1, 3) it does not (worked below).
 */
#include <math.h>

#include "exercise_test.h"
#include "sgd-step.h"
#include "gradient.h"
#include "sgd.h"

const char *const EXERCISE_NAME = "ch04/sgd-step";

#define UPHILL                                                                           \
    "that is a step uphill, a += lr * grad: the gradient points uphill, so step "       \
    "against it, a[j] -= lr * grad[j]"

static const double X[2 * 2] = {1, 1, -1, 1};
static const double Y[2] = {3, -1};
static const double A_STAR[2] = {2, 1}; /* fits both points exactly */

START_TEST(one_step_worked_by_hand)
{
    /* a = (0, 0): grad = 2((0, 0) − (2, 1)) = (-4, -2); a − 0.1 grad = (0.4, 0.2) */
    double a[2] = {0.0, 0.0};
    exercise_case("sgd_step from a = (0, 0) with lr = 0.1 on the points (1, 3), (-1, -1)");
    sgd_step(X, Y, 2, a, 0.1);
    /* a + lr grad, the step uphill, lands at (-0.4, -0.2). */
    const Mistake uphill[2][1] = {{{-0.4, UPHILL}}, {{-0.2, UPHILL}}};
    assert_near_or_mistakes(a[0], 0.4, 1e-12, uphill[0], 1,
                            "a[0] after sgd_step from a = (0, 0) with lr = 0.1 on the points "
                            "(1, 3), (-1, -1)");
    assert_near_or_mistakes(a[1], 0.2, 1e-12, uphill[1], 1,
                            "a[1] after sgd_step from a = (0, 0) with lr = 0.1 on the points "
                            "(1, 3), (-1, -1)");
}
END_TEST

/* What a[late] is when a[first] was changed before grad[late] was computed. */
#define CHANGED_A_EARLY(first, late)                                                    \
    "that is what a[" late "] becomes when a[" first "] is changed before grad[" late   \
    "] is computed: take the whole gradient at the a you were given, then change a"

START_TEST(both_slopes_are_taken_before_a_moves)
{
    /* Points (x1, y) = (0, 1), (1, 3), a = (0, 0), lr = 0.1, n = 2:
     *   misses X a - y = (-1, -3); Xᵀ(misses) = (0*-1 + 1*-3, -1 - 3) = (-3, -4);
     *   grad = (2/2)(-3, -4) = (-3, -4);  a - 0.1 grad = (0.3, 0.4).
     * Known mistakes:
     *   a[0] changed first, to 0.3: misses at (0.3, 0) are (-1, -2.7), so
     *   grad[1] = -3.7 and a[1] = 0.37;
     *   a[1] changed first, to 0.4: misses at (0, 0.4) are (-0.6, -2.6), so
     *   grad[0] = 0*-0.6 + 1*-2.6 = -2.6 and a[0] = 0.26. */
    const double x[2 * 2] = {0, 1, 1, 1}, y[2] = {1, 3};
    double a[2] = {0.0, 0.0};
    exercise_case("sgd_step from a = (0, 0) with lr = 0.1 on the points (0, 1), (1, 3)");
    sgd_step(x, y, 2, a, 0.1);
    assert_near_or_mistake(a[0], 0.3, 1e-12, 0.26, CHANGED_A_EARLY("1", "0"),
                           "a[0] after sgd_step from a = (0, 0) with lr = 0.1 on the "
                           "points (0, 1), (1, 3)");
    assert_near_or_mistake(a[1], 0.4, 1e-12, 0.37, CHANGED_A_EARLY("0", "1"),
                           "a[1] after sgd_step from a = (0, 0) with lr = 0.1 on the "
                           "points (0, 1), (1, 3)");
}
END_TEST

START_TEST(ten_steps_follow_the_closed_form)
{
    double a[2] = {0.0, 0.0};
    const double lr = 0.1;
    exercise_case("10 calls of sgd_step from a = (0, 0) with lr = 0.1 on the points (1, 3), "
                  "(-1, -1)");
    for (int t = 0; t < 10; t++)
        sgd_step(X, Y, 2, a, lr);
    double shrink = pow(1.0 - 2.0 * lr, 10); /* (a − a*) shrinks by 0.8 per step */
    assert_near(a[0], A_STAR[0] * (1.0 - shrink), 1e-12,
                "a[0] after 10 steps from a = (0, 0) with lr = 0.1 on the points (1, 3), "
                "(-1, -1)");
    assert_near(a[1], A_STAR[1] * (1.0 - shrink), 1e-12,
                "a[1] after 10 steps from a = (0, 0) with lr = 0.1 on the points (1, 3), "
                "(-1, -1)");
}
END_TEST

START_TEST(a_learning_rate_of_zero_stays_put)
{
    double a[2] = {-1.0, 1.0};
    exercise_case("sgd_step from a = (-1, 1) with lr = 0");
    sgd_step(X, Y, 2, a, 0.0);
    assert_near(a[0], -1.0, 0.0, "a[0] after sgd_step from a = (-1, 1) with lr = 0, which "
                "must not move it,");
    assert_near(a[1], 1.0, 0.0, "a[1] after sgd_step from a = (-1, 1) with lr = 0, which "
                "must not move it,");
}
END_TEST

START_TEST(the_bottom_of_the_bowl_stays_put)
{
    /* At a* every miss is exactly 0, so is the gradient. */
    double a[2] = {A_STAR[0], A_STAR[1]};
    exercise_case("sgd_step from the exact fit a = (2, 1) of the points (1, 3), (-1, -1)");
    sgd_step(X, Y, 2, a, 0.1);
    for (int j = 0; j < 2; j++)
        assert_near(a[j], A_STAR[j], 0.0,
                    "a[%d] after sgd_step from the exact fit a = (2, 1) of the points (1, 3), "
                    "(-1, -1), where the gradient is 0,",
                    j);
}
END_TEST

START_TEST(agrees_with_the_library_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    double mine[2] = {-1.0, 1.0}, library[2] = {-1.0, 1.0};
    exercise_case("sgd_step from a = (-1, 1) with lr = 0.1 on the notebook's n = 100 points");
    sgd_step(data.x, data.y, data.n, mine, 0.1);
    sgd_update(data.x, data.y, data.n, library, 0.1);

    /* The mistake: a[0] stepped first, then grad[1] taken at (a[0] new, a[1]). */
    double early[2] = {-1.0, 1.0}, grad[2];
    gradient(data.x, data.y, data.n, early, grad);
    early[0] -= 0.1 * grad[0];
    gradient(data.x, data.y, data.n, early, grad);
    early[1] -= 0.1 * grad[1];

    for (int j = 0; j < 2; j++)
        assert_near_or_mistake(mine[j], library[j], 1e-12, early[j], CHANGED_A_EARLY("0", "1"),
                               "a[%d] after sgd_step from a = (-1, 1) with lr = 0.1 on the "
                               "notebook's n = 100 points (compared with the library's "
                               "sgd_update())",
                               j);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("one step");
    tcase_add_test(tests, one_step_worked_by_hand);
    tcase_add_test(tests, both_slopes_are_taken_before_a_moves);
    tcase_add_test(tests, ten_steps_follow_the_closed_form);
    tcase_add_test(tests, a_learning_rate_of_zero_stays_put);
    tcase_add_test(tests, the_bottom_of_the_bowl_stays_put);
    tcase_add_test(tests, agrees_with_the_library_on_the_notebook_data);
    suite_add_tcase(suite, tests);
    return suite;
}
