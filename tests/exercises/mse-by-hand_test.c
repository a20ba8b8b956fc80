/*
 * Tests for ch02/mse-by-hand.
 *
 * Three points worked by hand; where the answer is a third, any order of
 * the additions lands within a few units in the last place of it, so 1e-12
 * is ample. On the chapters' data the answer is compared with the library's
 * loss_of() (tested in tests/) to 1e-12 relative: the two may add in a
 * different order, and nothing more. Averaging with (1 / n) * sum, n a
 * whole number, gives 0 for every n > 1 (integer division) and the right
 * answer for n = 1: a 0 that comes with a right answer for one point is
 * named as that mistake.
 */
#include <math.h>

#include "exercise_test.h"
#include "loss.h"
#include "mse-by-hand.h"

const char *const EXERCISE_NAME = "ch02/mse-by-hand";

/* Three points (x1, y): (0, 1), (1, 2), (-1, 0), all on the line y = x1 + 1. */
static const double X[3 * 2] = {0, 1, 1, 1, -1, 1};
static const double Y[3] = {1, 2, 0};

/* Whether the one point (1, 2) and a = (-1, 1) give 4 (y_hat = 0, miss -2),
 * as (1 / n) * sum does for n = 1. */
static bool right_for_one_point(void)
{
    const double x[2] = {1, 1}, y[1] = {2}, a[2] = {-1.0, 1.0};
    exercise_case("mse_by_hand of a = (-1, 1) on the one point (1, 2)");
    return mse_by_hand(x, y, 1, a) == 4.0;
}

START_TEST(a_guess_worked_by_hand)
{
    /* a = (-1, 1): y_hat = 1, 0, 2; misses 0, -2, 2; (0 + 4 + 4) / 3 */
    const double a[2] = {-1.0, 1.0};
    exercise_case("mse_by_hand of a = (-1, 1) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
    double loss = mse_by_hand(X, Y, 3, a);
    assert_near_or_mistake(loss, 8.0 / 3.0, 1e-12,
                           right_for_one_point() ? with_integer_division(8.0 / 3.0, 1, 3)
                                                 : NAN,
                           "with n a whole number, 1 / n is integer division, which drops "
                           "the fraction (1 / 3 is 0): divide the sum by n instead, or "
                           "write 1.0 / n",
                           "mse_by_hand of a = (-1, 1) on the n = 3 points (0, 1), (1, 2), "
                           "(-1, 0)");
}
END_TEST

START_TEST(the_intercept_counts)
{
    /* a = (1, 3): every prediction 2 too high; (4 + 4 + 4) / 3 */
    const double a[2] = {1.0, 3.0};
    exercise_case("mse_by_hand of a = (1, 3) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
    assert_near(mse_by_hand(X, Y, 3, a), 4.0, 1e-12,
                "mse_by_hand of a = (1, 3) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
}
END_TEST

START_TEST(the_true_line_costs_nothing)
{
    const double a[2] = {1.0, 1.0};
    exercise_case("mse_by_hand of a = (1, 1), the true line of the n = 3 points");
    assert_near(mse_by_hand(X, Y, 3, a), 0.0, 0.0,
                "mse_by_hand of a = (1, 1), the true line of the n = 3 points,");
}
END_TEST

START_TEST(agrees_with_the_library_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    const double a[2] = {-1.0, 1.0};
    double expected = loss_of(data.x, data.y, data.n, a);
    /* An int sum drops each square's fraction as it adds it. */
    int truncated = 0;
    for (size_t i = 0; i < data.n; i++) {
        double miss = a[0] * data.x[2 * i] + a[1] * data.x[2 * i + 1] - data.y[i];
        truncated = (int)(truncated + miss * miss);
    }
    const Mistake mistakes[] = {
        {truncated / (double)data.n, "that is what an int sum gives: each square lost its "
                                     "fraction as it was added; keep the sum in a double "
                                     "(double sum = 0.0;)"}};
    exercise_case("mse_by_hand of a = (-1, 1) on the notebook's n = 100 points");
    assert_near_or_mistakes(mse_by_hand(data.x, data.y, data.n, a), expected, 1e-12 * expected,
                            mistakes, 1,
                            "mse_by_hand of a = (-1, 1) on the notebook's n = 100 points "
                            "(compared with the library's loss_of())");
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("mse by hand");
    tcase_add_test(tests, a_guess_worked_by_hand);
    tcase_add_test(tests, the_intercept_counts);
    tcase_add_test(tests, the_true_line_costs_nothing);
    tcase_add_test(tests, agrees_with_the_library_on_the_notebook_data);
    suite_add_tcase(suite, tests);
    return suite;
}
