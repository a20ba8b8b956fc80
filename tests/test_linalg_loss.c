/* Tests for code/linalg.c and code/loss.c on vectors small enough to work out
 * by hand (the working is in the comments). */
#include <math.h>

#include "linalg.h"
#include "solve.h"
#include "loss.h"
#include "suites.h"

/* X = [1 1; 2 1; -1 1]: x1 = 1, 2, -1 and x2 = 1. */
static const double X[6] = {1, 1, 2, 1, -1, 1};

START_TEST(dot_of_hand_worked_vectors)
{
    const double u[3] = {1, 2, 3}, v[3] = {4, -5, 6};
    ck_assert_double_eq(dot(u, v, 3), 4.0 - 10.0 + 18.0);
    ck_assert_double_eq(dot(u, v, 0), 0.0);
}
END_TEST

START_TEST(predict_is_one_dot_product_per_row)
{
    const double a[2] = {3, 2};
    double y_hat[3];
    predict(X, 3, a, y_hat);
    ck_assert_double_eq(y_hat[0], 3 * 1 + 2); /* 5 */
    ck_assert_double_eq(y_hat[1], 3 * 2 + 2); /* 8 */
    ck_assert_double_eq(y_hat[2], 3 * -1 + 2); /* -1 */
}
END_TEST

START_TEST(transpose_times_is_one_dot_product_per_column)
{
    const double r[3] = {1, 0, 2};
    double out[2];
    transpose_times(X, 3, r, out);
    ck_assert_double_eq(out[0], 1 * 1 + 2 * 0 + -1 * 2); /* column x1 · r = -1 */
    ck_assert_double_eq(out[1], 1 + 0 + 2);              /* column x2 · r = 3 */
}
END_TEST

START_TEST(mse_of_hand_worked_misses)
{
    const double y_hat[3] = {1, 2, 3}, y[3] = {1, 1, 1};
    ck_assert_double_eq_tol(mse(y_hat, y, 3), (0.0 + 1.0 + 4.0) / 3.0, 1e-15);
    ck_assert_double_eq(mse(y, y, 3), 0.0);
}
END_TEST

START_TEST(loss_of_d_with_three_columns)
{
    /* Rows (1, 2, 1) and (0, −1, 1), a = (1, 1, 1): y_hat = 4 and 0; against
     * y = (1, 2) the misses are 3 and −2, the loss (9 + 4)/2. */
    const double x[6] = {1, 2, 1, 0, -1, 1}, y[2] = {1, 2}, a[3] = {1, 1, 1};
    ck_assert_double_eq(loss_of_d(x, y, 2, 3, a), 6.5);
}
END_TEST

START_TEST(loss_of_equals_mse_of_predictions)
{
    /* a = (1, 0): y_hat = x1 = (1, 2, -1); against y = 0 the squares are 1, 4, 1. */
    const double a[2] = {1, 0}, y[3] = {0, 0, 0};
    ck_assert_double_eq_tol(loss_of(X, y, 3, a), 2.0, 1e-15);
}
END_TEST

START_TEST(eigenvalues_of_hand_worked_symmetric_matrices)
{
    /* [2 1; 1 2]: (1, 1) is stretched by 3, (1, −1) by 1. */
    double m2[4] = {2, 1, 1, 2}, lambda[3];
    symmetric_eigenvalues(m2, 2, lambda);
    ck_assert_double_eq_tol(lambda[0], 3.0, 1e-15);
    ck_assert_double_eq_tol(lambda[1], 1.0, 1e-15);
    /* The second-difference matrix [2 −1 0; −1 2 −1; 0 −1 2] has the
     * eigenvalues 2 − 2 cos(kπ/4), k = 1, 2, 3: 2 − √2, 2, 2 + √2. */
    double m3[9] = {2, -1, 0, -1, 2, -1, 0, -1, 2};
    symmetric_eigenvalues(m3, 3, lambda);
    ck_assert_double_eq_tol(lambda[0], 2 + sqrt(2.0), 1e-14);
    ck_assert_double_eq_tol(lambda[1], 2.0, 1e-14);
    ck_assert_double_eq_tol(lambda[2], 2 - sqrt(2.0), 1e-14);
    /* Already diagonal, out of order: nothing to rotate, only to sort. */
    double diagonal[9] = {1, 0, 0, 0, 5, 0, 0, 0, -2};
    symmetric_eigenvalues(diagonal, 3, lambda);
    ck_assert_double_eq(lambda[0], 5.0);
    ck_assert_double_eq(lambda[1], 1.0);
    ck_assert_double_eq(lambda[2], -2.0);
}
END_TEST

START_TEST(householder_solves_a_square_system_exactly)
{
    /* n = d: least squares is plain solving. [2 1; 1 3] a = (3, 5) has
     * a = (4/5, 7/5): 2·4/5 + 7/5 = 3 and 4/5 + 3·7/5 = 5. */
    double x[4] = {2, 1, 1, 3}, y[2] = {3, 5}, a[2];
    ck_assert(householder_least_squares(x, y, 2, 2, a));
    ck_assert_double_eq_tol(a[0], 0.8, 1e-15);
    ck_assert_double_eq_tol(a[1], 1.4, 1e-15);
    /* Two equal columns: no single a. */
    double same[6] = {1, 1, 2, 2, 3, 3}, z[3] = {1, 2, 3};
    ck_assert(!householder_least_squares(same, z, 3, 2, a));
}
END_TEST

Suite *linalg_suite(void)
{
    Suite *suite = suite_create("linalg");
    TCase *tc = tcase_create("linalg");
    tcase_add_test(tc, dot_of_hand_worked_vectors);
    tcase_add_test(tc, predict_is_one_dot_product_per_row);
    tcase_add_test(tc, transpose_times_is_one_dot_product_per_column);
    tcase_add_test(tc, eigenvalues_of_hand_worked_symmetric_matrices);
    tcase_add_test(tc, householder_solves_a_square_system_exactly);
    suite_add_tcase(suite, tc);
    return suite;
}

Suite *loss_suite(void)
{
    Suite *suite = suite_create("loss");
    TCase *tc = tcase_create("loss");
    tcase_add_test(tc, mse_of_hand_worked_misses);
    tcase_add_test(tc, loss_of_equals_mse_of_predictions);
    tcase_add_test(tc, loss_of_d_with_three_columns);
    suite_add_tcase(suite, tc);
    return suite;
}
