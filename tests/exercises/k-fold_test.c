/*
 * Tests for ch09/k-fold.
 *
 * Cases worked by hand, with the constant model (d = 1, X a column of
 * ones), whose least-squares fit is the mean of the points it sees:
 *   - y = 0, 1, 5 with k = 3 (leave-one-out): left out 0, the fit to 1 and
 *     5 is 3, miss 3; left out 1, the fit is 2.5, miss 1.5; left out 5, the
 *     fit is 0.5, miss 4.5. Fold losses 9, 2.25, 20.25: mean 10.5. (Fitting
 *     all three points, mean 2, gives the training losses 4, 1, 9: mean
 *     14/3, what a fit that saw the fold gives.)
 *   - y = 0, 1, 2, 5 with k = 2: fold 0 is points 0 and 2 (y = 0, 2), fold
 *     1 is points 1 and 3 (y = 1, 5). Fold 0 scored by the fit to fold 1
 *     (mean 3): ((3 − 0)² + (3 − 2)²)/2 = 5; fold 1 by the fit to fold 0
 *     (mean 1): ((1 − 1)² + (1 − 5)²)/2 = 8. Mean 6.5. (Fitting all four,
 *     mean 2, scores the folds (4 + 0)/2 = 2 and (1 + 9)/2 = 5: mean 3.5,
 *     the training loss again.)
 * And a line through points that lie on one (d = 2, rows (x, 1), y = 2x + 1):
 * every fit is exact, so the cross-validation loss is 0.
 */
#include "exercise_test.h"
#include "k-fold.h"

const char *const EXERCISE_NAME = "ch09/k-fold";

/* cross_validation_loss() on one case, which must succeed. */
static double score(const double *x, const double *y, size_t n, size_t d, size_t k,
                    const char *text)
{
    Error err = {""};
    double loss = unwritten();
    exercise_case("cross_validation_loss of %s with k = %zu", text, k);
    Status status = cross_validation_loss(x, y, n, d, k, &loss, &err);
    ck_assert_msg(status == STATUS_OK, "cross_validation_loss of %s with k = %zu failed "
                  "(the error says: \"%s\")", text, k, err.message);
    return loss;
}

START_TEST(leave_one_out_of_three_points)
{
    const double ones[3] = {1, 1, 1}, y[3] = {0, 1, 5};
    double loss = score(ones, y, 3, 1, 3, "the constant model on y = 0, 1, 5");
    assert_near_or_mistake(loss, 10.5, 1e-12, 14.0 / 3.0,
                           "that is the training loss: each fold was scored by a fit that "
                           "had seen it; fit only on the rows out of the fold",
                           "the leave-one-out loss of the constant model on y = 0, 1, 5");
}
END_TEST

START_TEST(two_folds_of_two_points)
{
    const double ones[4] = {1, 1, 1, 1}, y[4] = {0, 1, 2, 5};
    double loss = score(ones, y, 4, 1, 2, "the constant model on y = 0, 1, 2, 5");
    assert_near_or_mistake(loss, 6.5, 1e-12, 3.5,
                           "that is the training loss: each fold was scored by a fit that "
                           "had seen it; fit only on the rows out of the fold",
                           "the 2-fold loss of the constant model on y = 0, 1, 2, 5 "
                           "(point i in fold i %% 2)");
}
END_TEST

START_TEST(points_on_a_line_cross_validate_to_zero)
{
    const double x[12] = {-1, 1, 0, 1, 1, 1, 2, 1, 3, 1, 4, 1};
    const double y[6] = {-1, 1, 3, 5, 7, 9};
    double loss = score(x, y, 6, 2, 3, "a line through 6 points on y = 2x + 1");
    assert_near(loss, 0.0, 1e-20, "the 3-fold loss of a line through points on y = 2x + 1");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("k-fold");
    tcase_add_test(tests, leave_one_out_of_three_points);
    tcase_add_test(tests, two_folds_of_two_points);
    tcase_add_test(tests, points_on_a_line_cross_validate_to_zero);
    suite_add_tcase(suite, tests);
    return suite;
}
