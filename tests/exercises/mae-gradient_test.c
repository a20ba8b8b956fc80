/*
 * Tests for ch03/mae-gradient.
 *
 * Small cases are worked by hand (means of a few ±1s and binary fractions:
 * 1e-12 covers any order of the additions). On the chapters' data the
 * answer is compared with central finite differences of the mean absolute
 * error, written out below from its definition. Where no miss r_i is
 * within h of zero, the loss is exactly linear between a − h and a + h, so
 * the difference quotient is its gradient but for rounding, about
 * 1e-16 * loss / h ≈ 1e-9 with h = 1e-6: the tolerance is 1e-7. The test
 * first checks that no miss is that close to zero. A factor 1 / n written
 * with whole numbers is integer division, 0 for n = 3: the gradient comes
 * out 0, though it is right for n = 1. A 0 that comes with a right answer
 * for one point is named as that mistake.
 */
#include <math.h>

#include "exercise_test.h"
#include "mae-gradient.h"

const char *const EXERCISE_NAME = "ch03/mae-gradient";

/* Whether the one point (x1, y) = (2, 5) at a = (0, 0), a miss of -5, gives
 * grad = sign(-5) (2, 1) = (-2, -1), as a factor 1 / n does for n = 1. */
static bool right_for_one_point(void)
{
    const double x[2] = {2, 1}, y[1] = {5}, a[2] = {0, 0};
    double grad[2];
    fill_unwritten(grad, 2);
    exercise_case("mae_gradient at a = (0, 0) on the one point (2, 5)");
    mae_gradient(x, y, 1, a, grad);
    return grad[0] == -2.0 && grad[1] == -1.0;
}

START_TEST(three_points_worked_by_hand)
{
    /* Points (x1, y): (0, 1), (1, 2), (-1, 0) and a = (0, 0): misses -1, -2, 0,
     * signs -1, -1, 0: grad = (-(0, 1) - (1, 1) + 0) / 3 = (-1/3, -2/3). */
    const double x[3 * 2] = {0, 1, 1, 1, -1, 1}, y[3] = {1, 2, 0}, a[2] = {0, 0};
    const double expected[2] = {-1.0 / 3.0, -2.0 / 3.0};
    double grad[2];
    fill_unwritten(grad, 2);
    exercise_case("mae_gradient at a = (0, 0) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
    mae_gradient(x, y, 3, a, grad);
    bool one_point = right_for_one_point();
    for (int j = 0; j < 2; j++)
        assert_near_or_mistake(grad[j], expected[j], 1e-12,
                               one_point ? with_integer_division(expected[j], 1, 3) : NAN,
                               "with n a whole number, 1 / n is integer division, which "
                               "drops the fraction (1 / 3 is 0): divide by n instead, or "
                               "write 1.0 / n",
                               "grad[%d] at a = (0, 0) on the n = 3 points (0, 1), (1, 2), "
                               "(-1, 0), whose misses are -1, -2 and exactly 0 (sign(0) is 0),",
                               j);
}
END_TEST

/* Points on the line y = 3*x1 + 2, exactly (binary fractions). */
static const double LINE_X[3 * 2] = {0.5, 1, -1, 1, 0.25, 1};
static const double LINE_Y[3] = {3.5, -1.0, 2.75};

START_TEST(far_or_near_every_point_pulls_the_same)
{
    /* a = (0, 10): every prediction (10) is above its y, so every sign is +1
     * and grad = the mean row = ((0.5 - 1 + 0.25) / 3, 1) = (-1/12, 1). */
    const double a[2] = {0.0, 10.0};
    double grad[2];
    fill_unwritten(grad, 2);
    exercise_case("mae_gradient at a = (0, 10) on 3 points of the line y = 3*x1 + 2");
    mae_gradient(LINE_X, LINE_Y, 3, a, grad);
    assert_near(grad[0], -1.0 / 12.0, 1e-12,
                "grad[0] at a = (0, 10), where every miss is positive (every sign +1),");
    assert_near(grad[1], 1.0, 1e-12,
                "grad[1] at a = (0, 10), where every miss is positive (every sign +1),");
}
END_TEST

START_TEST(a_perfect_fit_has_a_zero_subgradient)
{
    /* Every miss is exactly 0 and sign(0) = 0. */
    const double a[2] = {3.0, 2.0};
    double grad[2];
    fill_unwritten(grad, 2);
    exercise_case("mae_gradient at the perfect fit a = (3, 2) of 3 points");
    mae_gradient(LINE_X, LINE_Y, 3, a, grad);
    for (int j = 0; j < 2; j++)
        assert_near(grad[j], 0.0, 0.0,
                    "grad[%d] at the perfect fit a = (3, 2), where every miss is exactly 0 "
                    "(and sign(0) is 0),",
                    j);
}
END_TEST

/* The mean absolute error of a, from its definition. x: n×2, y: n, a: 2 */
static double mae_of(const Dataset *data, const double a[2])
{
    double sum = 0.0;
    for (size_t i = 0; i < data->n; i++)
        sum += fabs(a[0] * data->x[2 * i] + a[1] * data->x[2 * i + 1] - data->y[i]);
    return sum / (double)data->n;
}

/* The smallest |r_i| over the data: how far a is from the nearest corner. */
static double smallest_miss(const Dataset *data, const double a[2])
{
    double smallest = INFINITY;
    for (size_t i = 0; i < data->n; i++)
        smallest = fmin(smallest, fabs(a[0] * data->x[2 * i] + a[1] * data->x[2 * i + 1] -
                                       data->y[i]));
    return smallest;
}

START_TEST(agrees_with_finite_differences_on_the_notebook_data)
{
    const double h = 1e-6;
    const double guesses[3][2] = {{-1.0, 1.0}, {3.0, 2.5}, {2.0, 2.0}};
    Dataset data = notebook_data(100, 42);
    for (size_t g = 0; g < 3; g++) {
        /* |x1|, x2 <= 1, so moving one coefficient by h moves each miss by <= h. */
        ck_assert_msg(smallest_miss(&data, guesses[g]) > 2.0 * h,
                      "the test itself is wrong: a miss is within h of a corner");
        double grad[2];
        fill_unwritten(grad, 2);
        exercise_case("mae_gradient at a = (%g, %g) on the notebook's n = 100 points",
                      guesses[g][0], guesses[g][1]);
        mae_gradient(data.x, data.y, data.n, guesses[g], grad);
        for (int j = 0; j < 2; j++) {
            double up[2] = {guesses[g][0], guesses[g][1]};
            double down[2] = {guesses[g][0], guesses[g][1]};
            up[j] += h;
            down[j] -= h;
            double numeric = (mae_of(&data, up) - mae_of(&data, down)) / (2.0 * h);
            assert_near(grad[j], numeric, 1e-7,
                        "grad[%d] at a = (%g, %g) on the notebook's data (compared with "
                        "finite differences of the MAE)",
                        j, guesses[g][0], guesses[g][1]);
        }
    }
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("gradient of the mean absolute error");
    tcase_add_test(tests, three_points_worked_by_hand);
    tcase_add_test(tests, far_or_near_every_point_pulls_the_same);
    tcase_add_test(tests, a_perfect_fit_has_a_zero_subgradient);
    tcase_add_test(tests, agrees_with_finite_differences_on_the_notebook_data);
    suite_add_tcase(suite, tests);
    return suite;
}
