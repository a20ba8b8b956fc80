/*
 * Tests for ch06/min-max.
 *
 * x' = (2x − (high + low)) / (high − low). Worked by hand: low = 10,
 * high = 20 give x' = (2x − 30)/10 = 0.2x − 3, so the line y = 5x' + 1 is
 * y = 5(0.2x − 3) + 1 = x − 14: a = (1, −14). With low = −1, high = 1,
 * x' = x and the line is unchanged. Then the meaning of the task itself:
 * at any x, the line in data units and the line in x' give the same y,
 * checked at x = low, high and between, for lines and ranges far from 0
 * (years; a million), to 1e-9 of the size of the numbers involved.
 */
#include "exercise_test.h"
#include "min-max.h"

#ifndef exercise_case /* a runner without case reports */
#define exercise_case(...) ((void)0)
#define exercise_tcase tcase_create
#endif

const char *const EXERCISE_NAME = "ch06/min-max";

START_TEST(a_line_worked_by_hand)
{
    const double a_scaled[2] = {5.0, 1.0};
    double a[2];
    fill_unwritten(a, 2);
    exercise_case("min_max_to_data_units with low = 10, high = 20, a' = (5, 1)");
    min_max_to_data_units(10.0, 20.0, a_scaled, a);
    assert_near(a[0], 1.0, 1e-12,
                "a[0], the slope in data units, for low = 10, high = 20, a' = (5, 1) "
                "(x' = 0.2x - 3, so y = 5x' + 1 = x - 14)");
    assert_near(a[1], -14.0, 1e-12,
                "a[1], the intercept in data units, for low = 10, high = 20, a' = (5, 1) "
                "(x' = 0.2x - 3, so y = 5x' + 1 = x - 14)");
}
END_TEST

START_TEST(from_minus_one_to_one_nothing_changes)
{
    const double a_scaled[2] = {-2.5, 0.75};
    double a[2];
    fill_unwritten(a, 2);
    exercise_case("min_max_to_data_units with low = -1, high = 1, a' = (-2.5, 0.75)");
    min_max_to_data_units(-1.0, 1.0, a_scaled, a);
    assert_near(a[0], -2.5, 1e-12, "a[0] for low = -1, high = 1 (then x' = x)");
    assert_near(a[1], 0.75, 1e-12, "a[1] for low = -1, high = 1 (then x' = x)");
}
END_TEST

START_TEST(both_lines_give_the_same_y_everywhere)
{
    const double lows[3] = {1959.0, -3.0, 1e6 - 1.0}, highs[3] = {2014.0, 5.0, 1e6 + 1.0};
    const double lines[3][2] = {{38.5, 350.0}, {-1.0, 2.0}, {3.0, 3e6 + 2.0}};
    for (int c = 0; c < 3; c++) {
        double a[2];
        fill_unwritten(a, 2);
        exercise_case("min_max_to_data_units with low = %g, high = %g, a' = (%g, %g)", lows[c],
                      highs[c], lines[c][0], lines[c][1]);
        min_max_to_data_units(lows[c], highs[c], lines[c], a);
        for (int k = 0; k <= 4; k++) {
            double x = lows[c] + (highs[c] - lows[c]) * k / 4.0;
            double x_scaled = (2.0 * x - (highs[c] + lows[c])) / (highs[c] - lows[c]);
            double expected = lines[c][0] * x_scaled + lines[c][1];
            double size = fabs(a[0] * x) + fabs(a[1]) + fabs(expected);
            assert_near(a[0] * x + a[1], expected, 1e-9 * size,
                        "a[0]*x + a[1] at x = %.10g (low = %g, high = %g, a' = (%g, %g)); "
                        "the line in x' gives y = a1'*x' + a2' there, with x' = %g",
                        x, lows[c], highs[c], lines[c][0], lines[c][1], x_scaled);
        }
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("min-max");
    tcase_add_test(tests, a_line_worked_by_hand);
    tcase_add_test(tests, from_minus_one_to_one_nothing_changes);
    tcase_add_test(tests, both_lines_give_the_same_y_everywhere);
    suite_add_tcase(suite, tests);
    return suite;
}
