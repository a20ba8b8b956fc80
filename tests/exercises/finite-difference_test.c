/*
 * Tests for ch03/finite-difference.
 *
 * Central differences have closed forms on polynomials:
 *   - for f(a) = a³ the quotient is ((a+h)³ − (a−h)³) / 2h = 3a² + h²
 *     exactly: 3.000001 at a = 1, h = 1e-3, where a one-sided difference
 *     gives 3.003001;
 *   - for a quadratic it is the exact gradient.
 * What is left is rounding, about 1e-16 * |f| / h ≈ 1e-12 here, so the
 * tolerance is 1e-9. The course's loss is compared with the library's
 * gradient_numeric() (tested in tests/), the same formula for k = 2.
 */
#include "exercise_test.h"
#include "finite-difference.h"
#include "gradient.h"
#include "loss.h"

const char *const EXERCISE_NAME = "ch03/finite-difference";

/* f(a) = a0³, with no context. a: 1 */
static double cube(const double *a, const void *context)
{
    (void)context;
    return a[0] * a[0] * a[0];
}

/* f(a) = c0 a0² + c1 a1² + c2 a0 a2 + c3 a2, the c coming through the context,
 * with gradient (2 c0 a0 + c2 a2, 2 c1 a1, c2 a0 + c3). a: 3 */
typedef struct {
    double c[4];
} Quadratic;

static double quadratic(const double *a, const void *context)
{
    const double *c = ((const Quadratic *)context)->c;
    return c[0] * a[0] * a[0] + c[1] * a[1] * a[1] + c[2] * a[0] * a[2] + c[3] * a[2];
}

/* The course's loss: the MSE of a on the data in the context. a: 2 */
static double course_loss(const double *a, const void *context)
{
    const Dataset *data = context;
    return loss_of(data->x, data->y, data->n, a);
}

START_TEST(the_cube_has_a_known_error_of_h_squared)
{
    const double h = 1e-3;
    double a[1] = {1.0}, grad[1];
    fill_unwritten(grad, 1);
    exercise_case("central_difference of a^3 at a = 1 (k = 1) with h = %g", h);
    central_difference(cube, NULL, a, 1, h, grad);
    const Mistake mistakes[] = {
        {2.0 * (3.0 + h * h), "that is twice the slope: the two points a - h and a + h are "
                              "2h apart, so divide their difference by 2h, not h"},
        {3.0 + 3.0 * h + h * h, "that is the one-sided difference (f(a + h) - f(a)) / h, "
                                "off by about 3h: take f(a + h) - f(a - h), over 2h"},
    };
    assert_near_or_mistakes(grad[0], 3.0 + h * h, 1e-9, mistakes, 2,
                            "grad[0] of a^3 at a = 1 with h = %g", h);
}
END_TEST

START_TEST(a_quadratic_comes_out_exact_in_every_direction)
{
    const Quadratic q = {{1.0, 2.0, 1.0, -3.0}};
    double a[3] = {1.0, -2.0, 0.5}, grad[3];
    const double expected[3] = {2.5, -8.0, -2.0}; /* (2 + 0.5, 4*(-2), 1 - 3) */
    fill_unwritten(grad, 3);
    exercise_case("central_difference of a0^2 + 2 a1^2 + a0 a2 - 3 a2 at a = (1, -2, 0.5) "
                  "(k = 3)");
    central_difference(quadratic, &q, a, 3, 1e-3, grad);
    for (size_t j = 0; j < 3; j++)
        assert_near(grad[j], expected[j], 1e-9,
                    "grad[%zu] of a0^2 + 2 a1^2 + a0 a2 - 3 a2 at a = (1, -2, 0.5)", j);
}
END_TEST

START_TEST(a_is_given_back_exactly)
{
    /* With h = 0.1, 0.3 + h - h is 0.30000000000000004, not 0.3. */
    const Quadratic q = {{1.0, 2.0, 1.0, -3.0}};
    const double original[3] = {0.3, 0.7, 0.1};
    double a[3] = {0.3, 0.7, 0.1}, grad[3];
    exercise_case("central_difference at a = (0.3, 0.7, 0.1) (k = 3) with h = 0.1");
    central_difference(quadratic, &q, a, 3, 0.1, grad);
    for (size_t j = 0; j < 3; j++) {
        /* Off in the last digits: moved and moved back by arithmetic. */
        bool rounded = fabs(a[j] - original[j]) < 1e-9;
        assert_near_or_mistake(a[j], original[j], 0.0, rounded ? a[j] : NAN,
                               "a[j] was moved by h and back by arithmetic, which rounds "
                               "(0.3 + 0.1 - 0.1 is 0.30000000000000004 in doubles): save "
                               "a[j] before moving it, and put the saved value back",
                               "a[%zu] on return from central_difference at a = (0.3, 0.7, "
                               "0.1) with h = 0.1, which must be exactly what was given,",
                               j);
    }
}
END_TEST

START_TEST(agrees_with_the_library_on_the_course_loss)
{
    Dataset data = notebook_data(100, 42);
    const double h = 1e-5;
    double a[2] = {-1.0, 1.0}, grad[2], library[2];
    fill_unwritten(grad, 2);
    exercise_case("central_difference of the course's loss at a = (-1, 1) on the notebook's "
                  "n = 100 points");
    central_difference(course_loss, &data, a, 2, h, grad);
    gradient_numeric(data.x, data.y, data.n, a, h, library);
    for (size_t j = 0; j < 2; j++)
        assert_near(grad[j], library[j], 1e-9,
                    "grad[%zu] of the course's loss at a = (-1, 1) on the notebook's data "
                    "(compared with the library's gradient_numeric())",
                    j);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("central differences");
    tcase_add_test(tests, the_cube_has_a_known_error_of_h_squared);
    tcase_add_test(tests, a_quadratic_comes_out_exact_in_every_direction);
    tcase_add_test(tests, a_is_given_back_exactly);
    tcase_add_test(tests, agrees_with_the_library_on_the_course_loss);
    suite_add_tcase(suite, tests);
    return suite;
}
