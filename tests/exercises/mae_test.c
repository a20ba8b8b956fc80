/*
 * Tests for ch02/mae.
 *
 * Every expected value is worked by hand from misses that are integers or
 * halves, over n = 1, 2 or 4: sums and quotients a double holds exactly, so
 * the tests ask for exact equality. Averaging with (1 / n) * sum, where n
 * is a whole number, gives 0 for every n > 1 (integer division) and the
 * right answer for n = 1: a 0 that comes with a right answer for one point
 * is named as that mistake.
 */
#include "exercise_test.h"
#include "mae.h"

const char *const EXERCISE_NAME = "ch02/mae";

/* The mean of the misses themselves, without fabs(). */
#define SIGNED_MISSES                                                                    \
    "that is the mean of the misses with their signs: a miss below cancels one above; "  \
    "add the size of each, fabs(y_hat[i] - y[i]) (fabs() is in <math.h>)"

/* Whether the MAE of one miss of 3 comes out 3, as (1 / n) * sum gives for n = 1. */
static bool right_for_one_point(void)
{
    const double y_hat[1] = {5.0}, y[1] = {2.0};
    exercise_case("mean_absolute_error of one miss of 3 (n = 1)");
    return mean_absolute_error(y_hat, y, 1) == 3.0;
}

START_TEST(four_misses_worked_by_hand)
{
    /* misses -1, 0, 2, -4: sizes 1 + 0 + 2 + 4 = 7, over 4 points */
    const double y_hat[4] = {1, 2, 3, 4}, y[4] = {2, 2, 1, 8};
    exercise_case("mean_absolute_error of the n = 4 misses -1, 0, 2, -4");
    double mae = mean_absolute_error(y_hat, y, 4);
    const Mistake mistakes[] = {
        {right_for_one_point() ? with_integer_division(1.75, 1, 4) : NAN,
         "with n a whole number, 1 / n is integer division, which drops the fraction "
         "(1 / 4 is 0): divide the sum by n instead, or write 1.0 / n"},
        {(-1.0 + 0.0 + 2.0 - 4.0) / 4.0, SIGNED_MISSES},
    };
    assert_near_or_mistakes(mae, 1.75, 0.0, mistakes, 2,
                            "mean_absolute_error of the n = 4 misses -1, 0, 2, -4");
}
END_TEST

START_TEST(misses_below_count_as_much_as_misses_above)
{
    /* misses -1 and +1 average to 0, but their sizes average to 1 */
    const double y_hat[2] = {1, 3}, y[2] = {2, 2};
    exercise_case("mean_absolute_error of the n = 2 misses -1 and +1");
    const Mistake mistakes[] = {{0.0, SIGNED_MISSES}};
    assert_near_or_mistakes(mean_absolute_error(y_hat, y, 2), 1.0, 0.0, mistakes, 1,
                            "mean_absolute_error of the n = 2 misses -1 and +1");
}
END_TEST

START_TEST(a_half_is_not_rounded_away)
{
    const double y_hat[1] = {0.5}, y[1] = {0.0};
    exercise_case("mean_absolute_error of one miss of 0.5");
    const Mistake mistakes[] = {
        {0.0, "that is what an int sum gives: the 0.5 lost its .5 when it was added to it; "
              "keep the sum in a double (double sum = 0.0;)"}};
    assert_near_or_mistakes(mean_absolute_error(y_hat, y, 1), 0.5, 0.0, mistakes, 1,
                            "mean_absolute_error of one miss of 0.5 (n = 1)");
}
END_TEST

START_TEST(a_big_miss_costs_its_size_not_its_square)
{
    const double y_hat[1] = {10.0}, y[1] = {0.0};
    exercise_case("mean_absolute_error of one miss of 10");
    assert_near(mean_absolute_error(y_hat, y, 1), 10.0, 0.0,
                "mean_absolute_error of one miss of 10 (n = 1)");
}
END_TEST

START_TEST(a_perfect_guess_costs_nothing)
{
    const double y[3] = {-1.5, 0.25, 7};
    exercise_case("mean_absolute_error of y_hat = y (n = 3)");
    assert_near(mean_absolute_error(y, y, 3), 0.0, 0.0,
                "mean_absolute_error of y_hat = y (n = 3)");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("mean absolute error");
    tcase_add_test(tests, four_misses_worked_by_hand);
    tcase_add_test(tests, misses_below_count_as_much_as_misses_above);
    tcase_add_test(tests, a_half_is_not_rounded_away);
    tcase_add_test(tests, a_big_miss_costs_its_size_not_its_square);
    tcase_add_test(tests, a_perfect_guess_costs_nothing);
    suite_add_tcase(suite, tests);
    return suite;
}
