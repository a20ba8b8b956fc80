/*
 * Tests for ch01/predict-rows.
 *
 * The small cases are worked by hand from integers and binary fractions,
 * exact in a double, so they ask for exact equality. On the chapters' data,
 * k = 2 is compared with the library's predict() (tested in tests/), which
 * may add in another order: within 1e-12, far below any indexing mistake.
 * Outputs start as the unwritten NaN (exercise_test.h), so a prediction
 * never written fails.
 */
#include <stdlib.h>

#include "exercise_test.h"
#include "linalg.h"
#include "predict-rows.h"

const char *const EXERCISE_NAME = "ch01/predict-rows";

START_TEST(three_columns_worked_by_hand)
{
    /* X = [1 2 3; 4 5 6], a = (2, 1, -0.5):
     * row 0: 2 + 2 - 1.5 = 2.5,  row 1: 8 + 5 - 3 = 10.
     * Known mistakes: only 2 columns, as predict() has: row 0 gives 2 + 2 = 4;
     * rows 2 apart, as in predict(): row 1 is then read from x[2], (3, 4, 5),
     * and gives 6 + 4 - 2.5 = 7.5. */
    const double x[2 * 3] = {1, 2, 3, 4, 5, 6}, a[3] = {2, 1, -0.5};
    double y_hat[2];
    fill_unwritten(y_hat, 2);
    exercise_case("predict_rows for X = [1 2 3; 4 5 6] (n = 2, k = 3) and a = (2, 1, -0.5)");
    predict_rows(x, 2, 3, a, y_hat);
    assert_near_or_mistake(y_hat[0], 2.5, 0.0, 4.0,
                           "that is x[0]*a[0] + x[1]*a[1] alone: a row has k = 3 numbers "
                           "here, not 2, so the dot product is over k",
                           "y_hat[0] for X = [1 2 3; 4 5 6] (n = 2, k = 3) and a = (2, 1, -0.5)");
    assert_near_or_mistake(y_hat[1], 10.0, 0.0, 7.5,
                           "that is the row starting at x[2], (3, 4, 5), times a: with k "
                           "columns, row i starts at x[i*k], here x[3]",
                           "y_hat[1] for X = [1 2 3; 4 5 6] (n = 2, k = 3) and a = (2, 1, -0.5)");
}
END_TEST

START_TEST(the_line_through_three_points)
{
    /* Rows (x1, 1) and a = (3, 2): y_hat = 3*x1 + 2. */
    const double x[3 * 2] = {0.5, 1, -1, 1, 0, 1}, a[2] = {3, 2};
    const double expected[3] = {3.5, -1.0, 2.0};
    double y_hat[3];
    fill_unwritten(y_hat, 3);
    exercise_case("predict_rows for the rows (0.5, 1), (-1, 1), (0, 1) and a = (3, 2)");
    predict_rows(x, 3, 2, a, y_hat);
    for (size_t i = 0; i < 3; i++)
        assert_near(y_hat[i], expected[i], 0.0,
                    "y_hat[%zu], 3*x1 + 2 for x1 = %g (n = 3, k = 2),", i, x[2 * i]);
}
END_TEST

START_TEST(one_column_scales_it)
{
    const double x[4] = {1, -2, 0.25, 8}, a[1] = {4};
    const double expected[4] = {4, -8, 1, 32};
    double y_hat[4];
    fill_unwritten(y_hat, 4);
    exercise_case("predict_rows for one column, X = (1, -2, 0.25, 8), and a = (4)");
    predict_rows(x, 4, 1, a, y_hat);
    for (size_t i = 0; i < 4; i++)
        assert_near(y_hat[i], expected[i], 0.0, "y_hat[%zu] for k = 1, 4 * %g,", i, x[i]);
}
END_TEST

START_TEST(agrees_with_the_library_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    const double a[2] = {-1.0, 1.0};
    double *mine = malloc(data.n * sizeof *mine);
    double *library = malloc(data.n * sizeof *library);
    ck_assert(mine != NULL && library != NULL);
    fill_unwritten(mine, data.n);
    exercise_case("predict_rows on the notebook's 100 points with a = (-1, 1)");
    predict_rows(data.x, data.n, 2, a, mine);
    predict(data.x, data.n, a, library);
    for (size_t i = 0; i < data.n; i++)
        assert_near(mine[i], library[i], 1e-12,
                    "y_hat[%zu] on the notebook's data with a = (-1, 1) (compared with "
                    "the library's predict())",
                    i);
    free(mine);
    free(library);
    data_free(&data);
}
END_TEST

START_TEST(no_rows_write_nothing)
{
    const double x[1] = {NAN}, a[2] = {3, 2};
    double y_hat[1] = {42.0};
    exercise_case("predict_rows with n = 0 rows");
    predict_rows(x, 0, 2, a, y_hat);
    assert_near(y_hat[0], 42.0, 0.0, "y_hat[0], which predict_rows with n = 0 must leave alone,");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("predict rows");
    tcase_add_test(tests, three_columns_worked_by_hand);
    tcase_add_test(tests, the_line_through_three_points);
    tcase_add_test(tests, one_column_scales_it);
    tcase_add_test(tests, agrees_with_the_library_on_the_notebook_data);
    tcase_add_test(tests, no_rows_write_nothing);
    suite_add_tcase(suite, tests);
    return suite;
}
