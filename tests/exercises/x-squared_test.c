/*
 * Tests for ch04/x-squared.
 *
 * Points made from the parabola y = 3 x1² + 2 are fitted exactly by
 * a = (3, 2), so that is where training must land. Three points worked by
 * hand, (x1, y) = (0, 1), (1, 4), (-1, 6), cannot be fitted exactly: in
 * the feature u = x1² they are (0, 1), (1, 4), (1, 6), and the best line
 * passes through (0, 1) and the mean (1, 5), so a = (4, 1). (With x1
 * itself as the feature the answer would be (-1, 11/3).) Both runs use
 * lr = 0.5, below the stable bound of their features, and 1000 steps, far
 * more than enough for the error to fall below rounding; 1e-9 leaves room
 * for the rounding of y. A learning rate of 10 must be reported as diverged.
 */
#include "exercise_test.h"
#include "x-squared.h"

const char *const EXERCISE_NAME = "ch04/x-squared";

START_TEST(points_on_a_parabola_give_back_its_coefficients)
{
    enum { N = 21 };
    double x1[N], y[N];
    for (int k = 0; k < N; k++) {
        x1[k] = k / 10.0 - 1.0; /* -1, -0.9, …, 1 */
        y[k] = 3.0 * x1[k] * x1[k] + 2.0;
    }
    double a[2] = {0.0, 0.0};
    Error err = {""};
    exercise_case("fit_x_squared of 21 points on y = 3 x1^2 + 2 (1000 steps at lr = 0.5)");
    Status status = fit_x_squared(x1, y, N, a, 0.5, 1000, &err);
    ck_assert_msg(status == STATUS_OK, "fitting y = 3 x1^2 + 2 with lr = 0.5 returned %s, "
                  "expected STATUS_OK (the error says: \"%s\")",
                  status_name(status), err.message);
    assert_near(a[0], 3.0, 1e-9, "a1 after fitting y = 3 x1^2 + 2 (1000 steps at lr = 0.5)");
    assert_near(a[1], 2.0, 1e-9, "a2 after fitting y = 3 x1^2 + 2 (1000 steps at lr = 0.5)");
}
END_TEST

START_TEST(three_points_worked_by_hand)
{
    const double x1[3] = {0, 1, -1}, y[3] = {1, 4, 6};
    double a[2] = {0.0, 0.0};
    Error err = {""};
    exercise_case("fit_x_squared of the points (0, 1), (1, 4), (-1, 6) (1000 steps at "
                  "lr = 0.5)");
    Status status = fit_x_squared(x1, y, 3, a, 0.5, 1000, &err);
    ck_assert_msg(status == STATUS_OK, "fitting (0, 1), (1, 4), (-1, 6) with lr = 0.5 "
                  "returned %s, expected STATUS_OK (the error says: \"%s\")",
                  status_name(status), err.message);
    assert_near(a[0], 4.0, 1e-9, "a1 after fitting (0, 1), (1, 4), (-1, 6)");
    assert_near(a[1], 1.0, 1e-9, "a2 after fitting (0, 1), (1, 4), (-1, 6)");
}
END_TEST

START_TEST(too_large_a_learning_rate_is_reported)
{
    const double x1[3] = {0, 1, -1}, y[3] = {1, 4, 6};
    double a[2] = {0.0, 0.0};
    Error err = {""};
    exercise_case("fit_x_squared of the points (0, 1), (1, 4), (-1, 6) with lr = 10");
    Status status = fit_x_squared(x1, y, 3, a, 10.0, 1000, &err);
    ck_assert_msg(status == STATUS_DIVERGED,
                  "fitting with lr = 10, far too large, returned %s, expected "
                  "STATUS_DIVERGED: return what train_full_batch() returns",
                  status_name(status));
    ck_assert_msg(err.message[0] != '\0', "fitting with lr = 10 returned STATUS_DIVERGED "
                  "but left err's message empty: pass err on to train_full_batch()");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("fit x squared");
    tcase_add_test(tests, points_on_a_parabola_give_back_its_coefficients);
    tcase_add_test(tests, three_points_worked_by_hand);
    tcase_add_test(tests, too_large_a_learning_rate_is_reported);
    suite_add_tcase(suite, tests);
    return suite;
}
