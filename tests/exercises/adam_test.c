/*
 * Tests for ch07/adam.
 *
 * On the two points x = (1, 1), (−1, 1) with y = (3, −1), fitted exactly by
 * a* = (2, 1), the gradient is 2 (a − a*). Two steps from a = (0, 0) with
 * lr = 0.1, worked by hand:
 *   t = 1: g = (−4, −2); m = 0.1 g = (−0.4, −0.2); v = 0.001 g² = (0.016,
 *          0.004); m_hat = g, v_hat = g², so a moves by 0.1 · 4/(4 + 1e-8)
 *          and 0.1 · 2/(2 + 1e-8): a = (0.09999999975, 0.0999999995).
 *   t = 2: g ≈ (−3.8, −1.8); m = 0.9 m + 0.1 g = (−0.74, −0.36);
 *          v = 0.999 v + 0.001 g² = (0.030424, 0.007236);
 *          m_hat = m / (1 − 0.81) = (−3.894737, −1.894737),
 *          v_hat = v / (1 − 0.998001) = (15.21961, 3.619810),
 *          √v_hat = (3.901232, 1.902580): a moves by 0.1 m_hat / √v_hat
 *          = (0.0998335, 0.0995878), to a = (0.1998335, 0.1995878).
 * The hand values carry 7 digits: tolerance 1e-6 (1e-12 at t = 1).
 */
#include <math.h>

#include "adam.h"
#include "exercise_test.h"

const char *const EXERCISE_NAME = "ch07/adam";

static const double X[2 * 2] = {1, 1, -1, 1};
static const double Y[2] = {3, -1};

START_TEST(two_steps_worked_by_hand)
{
    double a[2] = {0.0, 0.0}, m[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    adam_step(X, Y, 2, a, m, v, 1, 0.1);
    assert_near(m[0], -0.4, 1e-12, "m[0] after step 1");
    assert_near(m[1], -0.2, 1e-12, "m[1] after step 1");
    assert_near(v[0], 0.016, 1e-12, "v[0] after step 1");
    assert_near(v[1], 0.004, 1e-12, "v[1] after step 1");
    assert_near(a[0], 0.4 / (4.0 + 1e-8), 1e-12, "a[0] after step 1 (lr 0.1)");
    assert_near(a[1], 0.2 / (2.0 + 1e-8), 1e-12, "a[1] after step 1 (lr 0.1)");
    adam_step(X, Y, 2, a, m, v, 2, 0.1);
    assert_near(m[0], -0.74, 1e-6, "m[0] after step 2");
    assert_near(m[1], -0.36, 1e-6, "m[1] after step 2");
    assert_near(v[0], 0.030424, 1e-6, "v[0] after step 2");
    assert_near(v[1], 0.007236, 1e-6, "v[1] after step 2");
    assert_near(a[0], 0.1998335, 1e-6,
                "a[0] after step 2 (lr 0.1; m and v divided by 1 - 0.9^2 and 1 - 0.999^2)");
    assert_near(a[1], 0.1995878, 1e-6,
                "a[1] after step 2 (lr 0.1; m and v divided by 1 - 0.9^2 and 1 - 0.999^2)");
}
END_TEST

START_TEST(the_first_step_is_lr_whatever_the_scale)
{
    /* The notebook's data with x1 moved to [999, 1001): the gradient's a1
     * part is about 1000 times its a2 part, but at t = 1 each coordinate
     * moves by lr · |g| / (|g| + 1e-8), within 1e-8 relative of lr = 0.01,
     * down its gradient. */
    Dataset data = notebook_data(100, 42);
    for (size_t i = 0; i < data.n; i++)
        data.x[2 * i] += 1000.0;
    double a[2] = {-1.0, 1.0}, m[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    adam_step(data.x, data.y, data.n, a, m, v, 1, 0.01);
    assert_near(a[0], -1.0 + 0.01, 1e-9, "a[0] after one step on x1 near 1000 (lr 0.01)");
    assert_near(a[1], 1.0 + 0.01, 1e-9, "a[1] after one step on x1 near 1000 (lr 0.01)");
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("adam");
    tcase_add_test(tests, two_steps_worked_by_hand);
    tcase_add_test(tests, the_first_step_is_lr_whatever_the_scale);
    suite_add_tcase(suite, tests);
    return suite;
}
