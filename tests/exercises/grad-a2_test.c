/*
 * Tests for ch03/grad-a2.
 *
 * Three points worked by hand (twice a mean of integers over 3: within
 * 1e-12 whatever the order of the additions). On the chapters' data the
 * answer is compared with the library's gradient_numeric() (tested in
 * tests/), which knows no calculus: for a quadratic loss its central
 * differences are exact but for rounding, about 1e-16 * loss / h ≈ 1e-11
 * with h = 1e-4, so 1e-7 separates rounding from a wrong formula. The
 * factor 2 / n written with whole numbers is integer division: 0 for
 * n = 3, so the answer comes out 0 (or -0), though it is right for n = 1:
 * a 0 that comes with a right answer for one point is named as that
 * mistake.
 */
#include "exercise_test.h"
#include "grad-a2.h"
#include "gradient.h"

const char *const EXERCISE_NAME = "ch03/grad-a2";

/* Three points (x1, y): (0, 1), (1, 2), (-1, 0). */
static const double X[3 * 2] = {0, 1, 1, 1, -1, 1};
static const double Y[3] = {1, 2, 0};

/* Whether the one point (1, 2) at a = (0, 0) gives (2/1)(0 - 2) = -4, as
 * 2 / n * sum does for n = 1. */
static bool right_for_one_point(void)
{
    const double x[2] = {1, 1}, y[1] = {2}, a[2] = {0.0, 0.0};
    exercise_case("grad_a2 at a = (0, 0) on the one point (1, 2)");
    return grad_a2(x, y, 1, a) == -4.0;
}

START_TEST(every_guess_too_low_worked_by_hand)
{
    /* a = (0, 0): y_hat = 0, 0, 0; misses -1, -2, 0; (2/3)(-3) */
    const double a[2] = {0.0, 0.0};
    exercise_case("grad_a2 at a = (0, 0) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
    double slope = grad_a2(X, Y, 3, a);
    const Mistake mistakes[] = {
        {right_for_one_point() ? with_integer_division(-2.0, 2, 3) : NAN,
         "with n a whole number, 2 / n is integer division, which drops the fraction "
         "(2 / 3 is 0): write 2.0 / n"},
        {-1.0, "that is half the slope, the factor 2 left out: the derivative of r^2 is "
               "2r, so dL/da2 = (2/n) times the sum of the misses r"},
    };
    assert_near_or_mistakes(slope, -2.0, 1e-12, mistakes, 2,
                            "dL/da2 at a = (0, 0) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
}
END_TEST

START_TEST(every_guess_too_high_worked_by_hand)
{
    /* a = (1, 2): y_hat = 2, 3, 1; misses 1, 1, 1; (2/3)(3) */
    const double a[2] = {1.0, 2.0};
    exercise_case("grad_a2 at a = (1, 2) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
    assert_near(grad_a2(X, Y, 3, a), 2.0, 1e-12,
                "dL/da2 at a = (1, 2) on the n = 3 points (0, 1), (1, 2), (-1, 0)");
}
END_TEST

START_TEST(agrees_with_finite_differences_on_the_notebook_data)
{
    Dataset data = notebook_data(100, 42);
    const double guesses[3][2] = {{-1.0, 1.0}, {3.0, 2.0}, {0.5, -4.0}};
    for (size_t g = 0; g < 3; g++) {
        double numeric[2];
        gradient_numeric(data.x, data.y, data.n, guesses[g], 1e-4, numeric);
        exercise_case("grad_a2 at a = (%g, %g) on the notebook's n = 100 points",
                      guesses[g][0], guesses[g][1]);
        assert_near(grad_a2(data.x, data.y, data.n, guesses[g]), numeric[1], 1e-7,
                    "dL/da2 at a = (%g, %g) on the notebook's n = 100 points (compared with "
                    "the library's gradient_numeric())",
                    guesses[g][0], guesses[g][1]);
    }
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("gradient by a2");
    tcase_add_test(tests, every_guess_too_low_worked_by_hand);
    tcase_add_test(tests, every_guess_too_high_worked_by_hand);
    tcase_add_test(tests, agrees_with_finite_differences_on_the_notebook_data);
    suite_add_tcase(suite, tests);
    return suite;
}
