/*
 * Tests for ch09/ridge.
 *
 * Cases worked by hand:
 *   - one column of ones, X = (1, 1), y = (2, 2), n = 2: the loss is
 *     (1/2)(2 (a − 2)²) + λ a² = (a − 2)² + λ a², lowest where
 *     2 (a − 2) + 2 λ a = 0: a = 2 / (1 + λ). λ = 0 gives 2 (plain least
 *     squares), λ = 1 gives 1, λ = 3 gives 0.5. Rows of √λ instead of
 *     √(n λ) would minimize (a − 2)² + λ a² / 2 instead: a = 4/3 at λ = 1.
 *   - X = I (rows (1, 0) and (0, 1)), y = (1, 2), n = 2: the loss is
 *     ((a1 − 1)² + (a2 − 2)²)/2 + λ (a1² + a2²), lowest at
 *     a_j = y_j / (1 + 2λ): λ = 0.5 gives (0.5, 1).
 *   - more coefficients than points: X = rows (1, 0, 0) and (0, 1, 0),
 *     y = (1, 2), λ = 0.5. The third coefficient does not touch the data,
 *     so only the penalty sees it: a3 = 0, and a1, a2 as in the case
 *     above, (0.5, 1). Plain least squares has no unique answer here.
 */
#include "exercise_test.h"
#include "ridge.h"

const char *const EXERCISE_NAME = "ch09/ridge";

/* ridge() on one case, which must succeed. a: d, filled with the unwritten NaN first */
static void fit(const double *x, const double *y, size_t n, size_t d, double lambda,
                double *a, const char *text)
{
    Error err = {""};
    fill_unwritten(a, d);
    exercise_case("ridge of %s with lambda = %g", text, lambda);
    Status status = ridge(x, y, n, d, lambda, a, &err);
    ck_assert_msg(status == STATUS_OK, "ridge of %s with lambda = %g returned %s, expected "
                  "STATUS_OK (the error says: \"%s\")",
                  text, lambda, status_name(status), err.message);
}

START_TEST(one_coefficient_shrinks_by_one_plus_lambda)
{
    const double x[2] = {1, 1}, y[2] = {2, 2};
    const double lambdas[3] = {0.0, 1.0, 3.0};
    for (int k = 0; k < 3; k++) {
        double a[1], lambda = lambdas[k];
        fit(x, y, 2, 1, lambda, a, "X = (1, 1), y = (2, 2)");
        assert_near_or_mistake(a[0], 2.0 / (1.0 + lambda), 1e-12, 2.0 / (1.0 + lambda / 2.0),
                               "that is the answer with rows of sqrt(lambda): the penalty "
                               "rows must be sqrt(n * lambda), since the loss divides the "
                               "misses by n",
                               "a[0] of ridge of X = (1, 1), y = (2, 2) with lambda = %g",
                               lambda);
    }
}
END_TEST

START_TEST(each_coefficient_of_an_identity_shrinks)
{
    const double x[4] = {1, 0, 0, 1}, y[2] = {1, 2};
    double a[2];
    fit(x, y, 2, 2, 0.5, a, "X = I (2 x 2), y = (1, 2)");
    assert_near(a[0], 0.5, 1e-12, "a[0] of ridge of X = I, y = (1, 2) with lambda = 0.5");
    assert_near(a[1], 1.0, 1e-12, "a[1] of ridge of X = I, y = (1, 2) with lambda = 0.5");
}
END_TEST

START_TEST(more_coefficients_than_points_are_fine)
{
    const double x[6] = {1, 0, 0, 0, 1, 0}, y[2] = {1, 2};
    double a[3];
    fit(x, y, 2, 3, 0.5, a, "X = rows (1, 0, 0), (0, 1, 0), y = (1, 2)");
    assert_near(a[0], 0.5, 1e-12, "a[0] of ridge with 3 coefficients from 2 points");
    assert_near(a[1], 1.0, 1e-12, "a[1] of ridge with 3 coefficients from 2 points");
    assert_near(a[2], 0.0, 1e-12, "a[2] of ridge with 3 coefficients from 2 points, the one "
                "the data never see");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("ridge");
    tcase_add_test(tests, one_coefficient_shrinks_by_one_plus_lambda);
    tcase_add_test(tests, each_coefficient_of_an_identity_shrinks);
    tcase_add_test(tests, more_coefficients_than_points_are_fine);
    suite_add_tcase(suite, tests);
    return suite;
}
