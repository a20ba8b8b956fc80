/*
 * Tests for ch01/design-matrix.
 *
 * The matrix is copied numbers and ones, so it must be exact. With it, the
 * library's predict() and a = (3, 2) must give the line 3*x1 + 2, worked
 * by hand for binary fractions (exact in a double). The output starts as
 * the unwritten NaN (exercise_test.h), so an entry never written fails.
 */
#include "design-matrix.h"
#include "exercise_test.h"
#include "linalg.h"

const char *const EXERCISE_NAME = "ch01/design-matrix";

enum { N = 3 };
static const double X1[N] = {0.5, -1.0, 2.0};

static void build(double x[2 * N])
{
    fill_unwritten(x, 2 * N);
    exercise_case("design_matrix of x1 = (0.5, -1, 2), n = 3");
    design_matrix(X1, N, x);
}

START_TEST(the_first_column_is_x1)
{
    double x[2 * N];
    build(x);
    for (size_t i = 0; i < N; i++)
        assert_near(x[2 * i], X1[i], 0.0,
                    "x[%zu], the x1 of row %zu, for x1 = (0.5, -1, 2),", 2 * i, i);
}
END_TEST

START_TEST(the_second_column_is_all_ones)
{
    double x[2 * N];
    build(x);
    for (size_t i = 0; i < N; i++)
        assert_near(x[2 * i + 1], 1.0, 0.0,
                    "x[%zu], the x2 of row %zu, for x1 = (0.5, -1, 2),", 2 * i + 1, i);
}
END_TEST

START_TEST(x_times_a_is_the_line)
{
    double x[2 * N], y_hat[N];
    const double a[2] = {3.0, 2.0};
    const double expected[N] = {3.5, -1.0, 8.0}; /* 3*x1 + 2 */
    build(x);
    predict(x, N, a, y_hat);
    for (size_t i = 0; i < N; i++)
        assert_near(y_hat[i], expected[i], 0.0,
                    "the library's predict() with your X and a = (3, 2), for x1 = %g,",
                    X1[i]);
}
END_TEST

START_TEST(no_points_write_nothing)
{
    double x[2] = {42.0, 42.0};
    exercise_case("design_matrix with n = 0");
    design_matrix(X1, 0, x);
    assert_near(x[0], 42.0, 0.0, "x[0], which design_matrix with n = 0 must leave alone,");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("design matrix");
    tcase_add_test(tests, the_first_column_is_x1);
    tcase_add_test(tests, the_second_column_is_all_ones);
    tcase_add_test(tests, x_times_a_is_the_line);
    tcase_add_test(tests, no_points_write_nothing);
    suite_add_tcase(suite, tests);
    return suite;
}
