/*
 * Tests for ch02/mae.
 *
 * Every expected value is worked by hand from misses that are integers or
 * halves, over n = 1, 2 or 4: sums and quotients a double holds exactly, so
 * the tests ask for exact equality.
 */
#include "exercise_test.h"
#include "mae.h"

const char *const EXERCISE_NAME = "ch02/mae";

START_TEST(four_misses_worked_by_hand)
{
    /* misses -1, 0, 2, -4: sizes 1 + 0 + 2 + 4 = 7, over 4 points */
    const double y_hat[4] = {1, 2, 3, 4}, y[4] = {2, 2, 1, 8};
    assert_near(mean_absolute_error(y_hat, y, 4), 1.75, 0.0, "MAE of misses -1, 0, 2, -4");
}
END_TEST

START_TEST(misses_below_count_as_much_as_misses_above)
{
    /* misses -1 and +1 average to 0, but their sizes average to 1 */
    const double y_hat[2] = {1, 3}, y[2] = {2, 2};
    assert_near(mean_absolute_error(y_hat, y, 2), 1.0, 0.0, "MAE of misses -1 and +1");
}
END_TEST

START_TEST(a_half_is_not_rounded_away)
{
    const double y_hat[1] = {0.5}, y[1] = {0.0};
    assert_near(mean_absolute_error(y_hat, y, 1), 0.5, 0.0, "MAE of one miss of 0.5");
}
END_TEST

START_TEST(a_big_miss_costs_its_size_not_its_square)
{
    const double y_hat[1] = {10.0}, y[1] = {0.0};
    assert_near(mean_absolute_error(y_hat, y, 1), 10.0, 0.0, "MAE of one miss of 10");
}
END_TEST

START_TEST(a_perfect_guess_costs_nothing)
{
    const double y[3] = {-1.5, 0.25, 7};
    assert_near(mean_absolute_error(y, y, 3), 0.0, 0.0, "MAE of y_hat = y");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = tcase_create("mean absolute error");
    tcase_add_test(tests, four_misses_worked_by_hand);
    tcase_add_test(tests, misses_below_count_as_much_as_misses_above);
    tcase_add_test(tests, a_half_is_not_rounded_away);
    tcase_add_test(tests, a_big_miss_costs_its_size_not_its_square);
    tcase_add_test(tests, a_perfect_guess_costs_nothing);
    suite_add_tcase(suite, tests);
    return suite;
}
