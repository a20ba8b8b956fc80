/*
 * Tests for ch07/momentum-limit.
 *
 * At z = −1 the quadratic z² − (1 + β − lr λ) z + β is 2 + 2β − lr λ, which
 * is 0 at lr λ = 2 (1 + β): the limit is 2 (1 + β) / λmax. Worked by hand on
 * rows whose x1 column sums to 0, where H = (2/n) XᵀX is diagonal:
 *   rows (1, 1), (−1, 1): H = diag(2, 2), λmax = 2: limit 1 + β;
 *   rows (2, 1), (−2, 1): H = diag(8, 2), λmax = 8: limit (1 + β)/4.
 * Then used on the notebook's data with the library's momentum_update()
 * (tested in tests/): at β = 0.5, 0.97 × the limit converges (both roots in
 * every direction have size at most 0.8 there) and 1.03 × the limit blows up
 * (a root near −1.16 in the steep direction: 1.16^500 is about 1e32).
 */
#include <math.h>

#include "exercise_test.h"
#include "gradient.h"
#include "heavy_ball.h"
#include "loss.h"
#include "momentum-limit.h"

const char *const EXERCISE_NAME = "ch07/momentum-limit";

START_TEST(equal_curvatures_worked_by_hand)
{
    const double x[2 * 2] = {1, 1, -1, 1};
    const double beta[] = {0.0, 0.5, 0.9};
    for (int k = 0; k < 3; k++)
        assert_near(momentum_stable_lr(x, 2, beta[k]), 1.0 + beta[k], 1e-12,
                    "the limit for the rows (1, 1), (-1, 1) with beta = %g", beta[k]);
}
END_TEST

START_TEST(the_steeper_direction_sets_the_limit)
{
    const double x[2 * 2] = {2, 1, -2, 1};
    assert_near(momentum_stable_lr(x, 2, 0.5), 0.375, 1e-12,
                "the limit for the rows (2, 1), (-2, 1) with beta = 0.5 (lambda max = 8)");
}
END_TEST

/* 500 heavy-ball steps from the notebook's guess; returns the final loss. */
static double loss_after(const Dataset *data, double lr, double beta, double a[2])
{
    double v[2] = {0.0, 0.0};
    a[0] = -1.0;
    a[1] = 1.0;
    for (int step = 0; step < 500; step++)
        momentum_update(data->x, data->y, data->n, a, v, lr, beta);
    return loss_of(data->x, data->y, data->n, a);
}

START_TEST(momentum_converges_below_the_limit_and_blows_up_above)
{
    Dataset data = notebook_data(100, 42);
    double limit = momentum_stable_lr(data.x, data.n, 0.5), best[2], a[2];
    Error err;
    ck_assert(least_squares(data.x, data.y, data.n, best, &err) == STATUS_OK);
    double start_loss = loss_of(data.x, data.y, data.n, (double[2]){-1.0, 1.0});
    loss_after(&data, 0.97 * limit, 0.5, a);
    assert_near(hypot(a[0] - best[0], a[1] - best[1]), 0.0, 1e-6,
                "the distance from the best fit after 500 steps with beta = 0.5 at 0.97 "
                "times your limit (%g)",
                limit);
    double loss = loss_after(&data, 1.03 * limit, 0.5, a);
    ck_assert_msg(!(loss < 1e6 * start_loss),
                  "500 steps with beta = 0.5 at 1.03 times your limit (%g) took the loss "
                  "from %g to only %g, when they should blow it up: the limit is too low",
                  limit, start_loss, loss);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("momentum limit");
    tcase_add_test(tests, equal_curvatures_worked_by_hand);
    tcase_add_test(tests, the_steeper_direction_sets_the_limit);
    tcase_add_test(tests, momentum_converges_below_the_limit_and_blows_up_above);
    suite_add_tcase(suite, tests);
    return suite;
}
