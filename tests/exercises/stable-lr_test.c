/*
 * Tests for ch04/stable-lr.
 *
 * When the x1 column sums to zero, XᵀX is diagonal and its eigenvalues are
 * on the diagonal, so the bound can be read off by hand. One coupled case
 * has a closed form: rows (1, 1), (0, 1) give H = [1 1; 1 2], whose largest
 * eigenvalue is (3 + √5)/2, so the bound is 4 / (3 + √5) = 3 − √5. These
 * take a handful of operations and a square root: 1e-12. On the chapters'
 * data the bound is compared with the library's largest_stable_lr() (tested
 * in tests/) to 1e-12 relative, and then used: gradient descent (the
 * library's sgd_update()) must converge just below it and blow up just above.
 */
#include <math.h>

#include "exercise_test.h"
#include "gradient.h"
#include "loss.h"
#include "sgd.h"
#include "stable-lr.h"

const char *const EXERCISE_NAME = "ch04/stable-lr";

START_TEST(equal_curvatures_worked_by_hand)
{
    /* XᵀX = diag(2, 2), H = (2/2) XᵀX = diag(2, 2): λmax = 2, bound 1 */
    const double x[2 * 2] = {1, 1, -1, 1};
    assert_near(stable_learning_rate(x, 2), 1.0, 1e-12, "the bound for the rows (1, 1), (-1, 1)");
}
END_TEST

START_TEST(the_steeper_direction_sets_the_bound)
{
    /* XᵀX = diag(8, 2), H = diag(8, 2): λmax = 8, bound 0.25 (not 1, from the 2) */
    const double x[2 * 2] = {2, 1, -2, 1};
    assert_near(stable_learning_rate(x, 2), 0.25, 1e-12, "the bound for the rows (2, 1), (-2, 1)");
}
END_TEST

START_TEST(the_hessian_is_two_over_n_times_xtx)
{
    /* XᵀX = diag(9+9+1+1, 4) = diag(20, 4), H = (2/4) XᵀX = diag(10, 2): bound 0.2 */
    const double x[4 * 2] = {3, 1, -3, 1, 1, 1, -1, 1};
    assert_near(stable_learning_rate(x, 4), 0.2, 1e-12,
                "the bound for the rows (3, 1), (-3, 1), (1, 1), (-1, 1)");
}
END_TEST

START_TEST(coupled_columns_worked_by_hand)
{
    const double x[2 * 2] = {1, 1, 0, 1};
    assert_near(stable_learning_rate(x, 2), 3.0 - sqrt(5.0), 1e-12,
                "the bound for the rows (1, 1), (0, 1), which is 3 - sqrt(5),");
}
END_TEST

START_TEST(agrees_with_the_library_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    double expected = largest_stable_lr(data.x, data.n);
    assert_near(stable_learning_rate(data.x, data.n), expected, 1e-12 * expected,
                "the bound on the notebook's data (compared with the library's "
                "largest_stable_lr())");
    data_free(&data);
}
END_TEST

/* The loss after some steps of gradient descent from the notebook's guess. */
static double loss_after_descent(const Dataset *data, double lr, double a[2])
{
    a[0] = -1.0;
    a[1] = 1.0;
    for (int step = 0; step < 500; step++)
        sgd_update(data->x, data->y, data->n, a, lr);
    return loss_of(data->x, data->y, data->n, a);
}

START_TEST(descent_converges_below_the_bound_and_blows_up_above)
{
    /* Along the steepest direction each step multiplies the error by
     * 1 − lr λmax: 0.9 in size at 0.95 × bound, 1.1 at 1.05 × bound. After
     * 500 steps one is 1e-23 of where it began, the other 1e20 times. */
    Dataset data = notebook_data(100, 42);
    double bound = stable_learning_rate(data.x, data.n), best[2], a[2];
    Error err;
    ck_assert(least_squares(data.x, data.y, data.n, best, &err) == STATUS_OK);
    double start_loss = loss_of(data.x, data.y, data.n, (double[2]){-1.0, 1.0});

    loss_after_descent(&data, 0.95 * bound, a);
    assert_near(hypot(a[0] - best[0], a[1] - best[1]), 0.0, 1e-6,
                "the distance from the best fit after 500 steps at 0.95 times your bound "
                "(%g)",
                bound);
    double loss = loss_after_descent(&data, 1.05 * bound, a);
    ck_assert_msg(!(loss < 1e6 * start_loss),
                  "500 steps at 1.05 times your bound (%g) took the loss from %g to only "
                  "%g, when they should blow it up: the bound is too low",
                  bound, start_loss, loss);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = tcase_create("stable learning rate");
    tcase_add_test(tests, equal_curvatures_worked_by_hand);
    tcase_add_test(tests, the_steeper_direction_sets_the_bound);
    tcase_add_test(tests, the_hessian_is_two_over_n_times_xtx);
    tcase_add_test(tests, coupled_columns_worked_by_hand);
    tcase_add_test(tests, agrees_with_the_library_on_the_notebook_data);
    tcase_add_test(tests, descent_converges_below_the_bound_and_blows_up_above);
    suite_add_tcase(suite, tests);
    return suite;
}
