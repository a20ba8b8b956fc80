/* Tests for code/linalg.c and code/loss.c on vectors small enough to work out
 * by hand (the working is in the comments). */
#include "linalg.h"
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

START_TEST(loss_of_equals_mse_of_predictions)
{
    /* a = (1, 0): y_hat = x1 = (1, 2, -1); against y = 0 the squares are 1, 4, 1. */
    const double a[2] = {1, 0}, y[3] = {0, 0, 0};
    ck_assert_double_eq_tol(loss_of(X, y, 3, a), 2.0, 1e-15);
}
END_TEST

Suite *linalg_suite(void)
{
    Suite *suite = suite_create("linalg");
    TCase *tc = tcase_create("linalg");
    tcase_add_test(tc, dot_of_hand_worked_vectors);
    tcase_add_test(tc, predict_is_one_dot_product_per_row);
    tcase_add_test(tc, transpose_times_is_one_dot_product_per_column);
    suite_add_tcase(suite, tc);
    return suite;
}

Suite *loss_suite(void)
{
    Suite *suite = suite_create("loss");
    TCase *tc = tcase_create("loss");
    tcase_add_test(tc, mse_of_hand_worked_misses);
    tcase_add_test(tc, loss_of_equals_mse_of_predictions);
    suite_add_tcase(suite, tc);
    return suite;
}
