/*
 * Tests for ch06/backtracking.
 *
 * On the points (x1, y) = (1, 3), (-1, -1), rows (1, 1), (-1, 1): XᵀX = 2I,
 * a* = (2, 1) fits both exactly, and with e = a − a* the loss is |e|² and
 * the gradient 2e; a step at rate lr turns e into (1 − 2 lr) e. From
 * a = (0, 0), e = (-2, -1) and the loss is 5:
 *   - lr = 0.25: e → 0.5 e, loss 1.25 < 5: taken at once, a = (1, 0.5);
 *   - lr = 1.5: e → −2e, loss 20: halved to 0.75: e → −0.5 e, loss 1.25:
 *     taken, a = (3, 1.5), returns 0.75;
 *   - lr = 1: e → −e, loss 5, not lower: halved to 0.5: e → 0: a = (2, 1),
 *     returns 0.5. (Accepting a loss equal to the old one would return 1
 *     with a = (4, 2): across the bowl, not down.)
 * From a* itself the gradient is 0, no try can lower the loss, and the
 * step returns 0 with a unchanged. All these numbers are exact in binary.
 * Then x far from 0 (years 2000 … 2019, where the stable bound is about
 * 2.5e-7): 40 steps from lr = 1 each, and the loss, measured with the
 * library's loss_of() (tested in tests/), must fall at every step.
 */
#include "backtracking.h"
#include "exercise_test.h"
#include "loss.h"

#ifndef exercise_case /* a runner without case reports */
#define exercise_case(...) ((void)0)
#define exercise_tcase tcase_create
#endif

const char *const EXERCISE_NAME = "ch06/backtracking";

static const double X[2 * 2] = {1, 1, -1, 1};
static const double Y[2] = {3, -1};

static void one_step_from_the_origin(double lr, double expected_lr, double a0, double a1,
                                     const char *how)
{
    double a[2] = {0.0, 0.0};
    exercise_case("backtracking_step from a = (0, 0) with lr = %g on the points (1, 3), "
                  "(-1, -1)",
                  lr);
    double used = backtracking_step(X, Y, 2, a, lr);
    assert_near(used, expected_lr, 0.0,
                "the rate backtracking_step returned from a = (0, 0) with lr = %g (%s)", lr,
                how);
    assert_near(a[0], a0, 1e-15, "a[0] after backtracking_step with lr = %g (%s)", lr, how);
    assert_near(a[1], a1, 1e-15, "a[1] after backtracking_step with lr = %g (%s)", lr, how);
}

START_TEST(three_steps_worked_by_hand)
{
    one_step_from_the_origin(0.25, 0.25, 1.0, 0.5, "the loss falls from 5 to 1.25 at once");
    one_step_from_the_origin(1.5, 0.75, 3.0, 1.5,
                             "at 1.5 the loss would be 20, so the rate is halved to 0.75");
    one_step_from_the_origin(1.0, 0.5, 2.0, 1.0,
                             "at 1 the loss would stay 5, which is not lower, so the rate "
                             "is halved to 0.5");
}
END_TEST

START_TEST(at_the_bottom_no_step_is_taken)
{
    double a[2] = {2.0, 1.0};
    exercise_case("backtracking_step from the exact fit a = (2, 1), where the gradient is 0");
    double used = backtracking_step(X, Y, 2, a, 1.0);
    assert_near(used, 0.0, 0.0,
                "the rate returned from the exact fit a = (2, 1), where no step can lower the "
                "loss");
    assert_near(a[0], 2.0, 0.0, "a[0] after a step from the exact fit (2, 1)");
    assert_near(a[1], 1.0, 0.0, "a[1] after a step from the exact fit (2, 1)");
}
END_TEST

START_TEST(on_years_the_loss_falls_at_every_step)
{
    Dataset data;
    Error err;
    ck_assert_msg(data_allocate(&data, 20, &err) == STATUS_OK, "%s", err.message);
    for (size_t i = 0; i < 20; i++) {
        data.x[2 * i] = 2000.0 + (double)i;
        data.y[i] = 0.5 * (double)i + 3.0;
    }
    double a[2] = {-1.0, 1.0};
    double loss = loss_of(data.x, data.y, data.n, a);
    for (int step = 1; step <= 40; step++) {
        exercise_case("backtracking_step number %d with lr = 1 on x = 2000 ... 2019", step);
        double used = backtracking_step(data.x, data.y, data.n, a, 1.0);
        double after = loss_of(data.x, data.y, data.n, a);
        ck_assert_msg(used > 0.0 && used <= 1.0,
                      "step %d on x = 2000 ... 2019 returned the rate %g, expected one of "
                      "1, 1/2, 1/4, ... (the loss can still fall here)",
                      step, used);
        ck_assert_msg(after < loss,
                      "step %d on x = 2000 ... 2019 at the rate %g left the loss at %g, not "
                      "below %g where it was",
                      step, used, after, loss);
        loss = after;
    }
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("backtracking");
    tcase_add_test(tests, three_steps_worked_by_hand);
    tcase_add_test(tests, at_the_bottom_no_step_is_taken);
    tcase_add_test(tests, on_years_the_loss_falls_at_every_step);
    suite_add_tcase(suite, tests);
    return suite;
}
