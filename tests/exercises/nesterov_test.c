/*
 * Tests for ch05/nesterov.
 *
 * For the loss of exactly fitted points, ∇L(p) = H (p − a*), with
 * H = (2/n) XᵀX. Write e = a − a* and l = lr. The look-ahead point is
 * a − l beta v, so
 *     v' = beta v + H (e − l beta v),   e' = e − l v'.
 * Since l v_t = e_{t−1} − e_t, eliminating v gives
 *     e_{t+1} = (I − l H) ((1 + beta) e_t − beta e_{t−1}),   e_1 = (I − l H) e_0,
 * where plain (heavy-ball) momentum, the gradient taken at a, gives
 *     e_{t+1} = (1 + beta) e_t − beta e_{t−1} − l H e_t.
 * The tests run the recurrence on plain numbers beside the learner's steps:
 *   - on (x1, y) = (1, 3), (-1, -1), rows (1, 1), (-1, 1): H = 2I, a* = (2, 1),
 *     and the two first steps are also worked by hand below;
 *   - on (0, 1), (1, 3), rows (0, 1), (1, 1): H = [1 1; 1 2], a* = (2, 1), so
 *     the two coefficients pull on each other.
 * The numbers stay near 1 and rounding over 30 steps adds up to far less
 * than the tolerance, 1e-10. With beta = 0 the step is plain gradient
 * descent: compared with the library's sgd_update() (tested in tests/).
 */
#include "exercise_test.h"
#include "nesterov.h"
#include "sgd.h"

const char *const EXERCISE_NAME = "ch05/nesterov";

static const double X[2 * 2] = {1, 1, -1, 1};
static const double Y[2] = {3, -1};
static const double A_STAR[2] = {2, 1}; /* fits both points exactly, and the next two */

#define HEAVY_BALL                                                                     \
    "that is plain momentum, the gradient taken at a: take it at the look-ahead point " \
    "a - lr * beta * velocity"
#define FROM_LOOK                                                                      \
    "that is a step from the look-ahead point: step from a, and leave a untouched "     \
    "until then"

START_TEST(two_steps_worked_by_hand)
{
    /* lr = 0.1, beta = 0.9, from a = (0, 0), v = (0, 0); ∇L(p) = 2 (p − (2, 1)):
     * step 1: look = a = (0, 0), grad = (-4, -2), v = (-4, -2), a = (0.4, 0.2)
     * step 2: look = (0.4, 0.2) − 0.1 * 0.9 * (-4, -2) = (0.76, 0.38),
     *         grad = 2 ((0.76, 0.38) − (2, 1)) = (-2.48, -1.24),
     *         v = 0.9 (-4, -2) + grad = (-6.08, -3.04),
     *         a = (0.4, 0.2) + 0.1 (6.08, 3.04) = (1.008, 0.504).
     * Known mistakes at step 2: the gradient at a, (-3.2, -1.6), gives
     * v = (-6.8, -3.4) and a = (1.08, 0.54); stepping from look gives
     * a = (0.76, 0.38) + (0.608, 0.304) = (1.368, 0.684). */
    double a[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    exercise_case("nesterov_step 1 from a = (0, 0), v = (0, 0), lr = 0.1, beta = 0.9, on the "
                  "points (1, 3), (-1, -1)");
    nesterov_step(X, Y, 2, a, v, 0.1, 0.9);
    assert_near(v[0], -4.0, 1e-12, "velocity[0] after step 1 (lr = 0.1, beta = 0.9)");
    assert_near(v[1], -2.0, 1e-12, "velocity[1] after step 1 (lr = 0.1, beta = 0.9)");
    assert_near(a[0], 0.4, 1e-12, "a[0] after step 1 (lr = 0.1, beta = 0.9)");
    assert_near(a[1], 0.2, 1e-12, "a[1] after step 1 (lr = 0.1, beta = 0.9)");

    exercise_case("nesterov_step 2 from a = (0.4, 0.2), v = (-4, -2), lr = 0.1, beta = 0.9");
    nesterov_step(X, Y, 2, a, v, 0.1, 0.9);
    assert_near_or_mistake(v[0], -6.08, 1e-12, -6.8, HEAVY_BALL,
                           "velocity[0] after step 2 (lr = 0.1, beta = 0.9)");
    assert_near_or_mistake(v[1], -3.04, 1e-12, -3.4, HEAVY_BALL,
                           "velocity[1] after step 2 (lr = 0.1, beta = 0.9)");
    assert_near_or_mistake(a[0], 1.008, 1e-12, 1.368, FROM_LOOK,
                           "a[0] after step 2 (lr = 0.1, beta = 0.9)");
    assert_near_or_mistake(a[1], 0.504, 1e-12, 0.684, FROM_LOOK,
                           "a[1] after step 2 (lr = 0.1, beta = 0.9)");
}
END_TEST

/* The curvature H = [h00 h01; h01 h11] of a loss, a symmetric 2×2 matrix. */
typedef struct {
    double h00, h01, h11;
} Curvature;

/* out = (I − lr H) u. u: 2, out: 2 */
static void damp(const Curvature *h, double lr, const double u[2], double out[2])
{
    out[0] = u[0] - lr * (h->h00 * u[0] + h->h01 * u[1]);
    out[1] = u[1] - lr * (h->h01 * u[0] + h->h11 * u[1]);
}

/* 30 steps from a = (0, 0) beside the recurrence for e = a − a*, on points
 * of curvature h fitted exactly by A_STAR. x: n×2, y: n */
static void follow_the_recurrence(const double *x, const double *y, size_t n,
                                  const Curvature *h, const char *points, double lr,
                                  double beta)
{
    double a[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    double e_before[2] = {-A_STAR[0], -A_STAR[1]}; /* e_{t−1}, starting at e_0 */
    double e_now[2];
    damp(h, lr, e_before, e_now); /* e_1 */
    for (int t = 1; t <= 30; t++) {
        if (t > 1) {
            double ahead[2], e_next[2];
            for (int j = 0; j < 2; j++)
                ahead[j] = (1.0 + beta) * e_now[j] - beta * e_before[j];
            damp(h, lr, ahead, e_next);
            for (int j = 0; j < 2; j++) {
                e_before[j] = e_now[j];
                e_now[j] = e_next[j];
            }
        }
        exercise_case("nesterov_step %d from a = (0, 0), v = (0, 0), lr = %g, beta = %g, on "
                      "the points %s", t, lr, beta, points);
        nesterov_step(x, y, n, a, v, lr, beta);
        for (int j = 0; j < 2; j++)
            assert_near(a[j], A_STAR[j] + e_now[j], 1e-10,
                        "a[%d] after step %d from a = (0, 0) (lr = %g, beta = %g) on the "
                        "points %s",
                        j, t, lr, beta, points);
    }
}

START_TEST(thirty_steps_follow_the_recurrence)
{
    const Curvature twice_identity = {2.0, 0.0, 2.0};
    follow_the_recurrence(X, Y, 2, &twice_identity, "(1, 3), (-1, -1)", 0.1, 0.9);
    follow_the_recurrence(X, Y, 2, &twice_identity, "(1, 3), (-1, -1)", 0.05, 0.5);
}
END_TEST

START_TEST(coupled_coefficients_follow_the_recurrence)
{
    /* Rows (0, 1), (1, 1): XᵀX = [0+1 0+1; 0+1 1+1], H = (2/2) XᵀX = [1 1; 1 2].
     * Its larger eigenvalue, (3 + √5)/2 ≈ 2.62, times lr = 0.2 is 0.52: stable. */
    const double x[2 * 2] = {0, 1, 1, 1}, y[2] = {1, 3};
    const Curvature coupled = {1.0, 1.0, 2.0};
    follow_the_recurrence(x, y, 2, &coupled, "(0, 1), (1, 3)", 0.2, 0.8);
}
END_TEST

START_TEST(no_momentum_is_plain_gradient_descent)
{
    Dataset data = notebook_data(100, 42);
    double mine[2] = {-1.0, 1.0}, v[2] = {0.0, 0.0}, library[2] = {-1.0, 1.0};
    exercise_case("5 calls of nesterov_step with beta = 0 from a = (-1, 1), lr = 0.1, on the "
                  "notebook's n = 100 points");
    for (int step = 0; step < 5; step++) {
        nesterov_step(data.x, data.y, data.n, mine, v, 0.1, 0.0);
        sgd_update(data.x, data.y, data.n, library, 0.1);
    }
    for (int j = 0; j < 2; j++)
        assert_near(mine[j], library[j], 1e-12,
                    "a[%d] after 5 steps with beta = 0 from a = (-1, 1), lr = 0.1, on the "
                    "notebook's n = 100 points (compared with the library's sgd_update())",
                    j);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("nesterov");
    tcase_add_test(tests, two_steps_worked_by_hand);
    tcase_add_test(tests, thirty_steps_follow_the_recurrence);
    tcase_add_test(tests, coupled_coefficients_follow_the_recurrence);
    tcase_add_test(tests, no_momentum_is_plain_gradient_descent);
    suite_add_tcase(suite, tests);
    return suite;
}
