/*
 * Tests for ch03/grad-a2.
 *
 * Three points worked by hand (twice a mean of integers over 3: within
 * 1e-12 whatever the order of the additions). On the chapters' data the
 * answer is compared with the library's gradient_numeric() (tested in
 * tests/), which knows no calculus: for a quadratic loss its central
 * differences are exact but for rounding, about 1e-16 * loss / h ≈ 1e-11
 * with h = 1e-4, so 1e-7 separates rounding from a wrong formula.
 */
#include "exercise_test.h"
#include "grad-a2.h"
#include "gradient.h"

const char *const EXERCISE_NAME = "ch03/grad-a2";

/* Three points (x1, y): (0, 1), (1, 2), (-1, 0). */
static const double X[3 * 2] = {0, 1, 1, 1, -1, 1};
static const double Y[3] = {1, 2, 0};

START_TEST(every_guess_too_low_worked_by_hand)
{
    /* a = (0, 0): y_hat = 0, 0, 0; misses -1, -2, 0; (2/3)(-3) */
    const double a[2] = {0.0, 0.0};
    assert_near(grad_a2(X, Y, 3, a), -2.0, 1e-12, "dL/da2 at a = (0, 0)");
}
END_TEST

START_TEST(every_guess_too_high_worked_by_hand)
{
    /* a = (1, 2): y_hat = 2, 3, 1; misses 1, 1, 1; (2/3)(3) */
    const double a[2] = {1.0, 2.0};
    assert_near(grad_a2(X, Y, 3, a), 2.0, 1e-12, "dL/da2 at a = (1, 2)");
}
END_TEST

START_TEST(agrees_with_finite_differences_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    const double guesses[3][2] = {{-1.0, 1.0}, {3.0, 2.0}, {0.5, -4.0}};
    for (size_t g = 0; g < 3; g++) {
        double numeric[2];
        gradient_numeric(data.x, data.y, data.n, guesses[g], 1e-4, numeric);
        assert_near(grad_a2(data.x, data.y, data.n, guesses[g]), numeric[1], 1e-7,
                    "dL/da2 at a = (%g, %g) on the notebook's data (compared with "
                    "the library's gradient_numeric())",
                    guesses[g][0], guesses[g][1]);
    }
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = tcase_create("gradient by a2");
    tcase_add_test(tests, every_guess_too_low_worked_by_hand);
    tcase_add_test(tests, every_guess_too_high_worked_by_hand);
    tcase_add_test(tests, agrees_with_finite_differences_on_the_notebook_data);
    suite_add_tcase(suite, tests);
    return suite;
}
