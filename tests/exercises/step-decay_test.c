/*
 * Tests for ch07/step-decay.
 *
 * Worked by hand with lr = 0.1, drop = 0.5, every = 100: iterations 0 … 99
 * use 0.1, 100 … 199 use 0.05, 200 … 299 use 0.025, and t = 1000 has passed
 * 10 periods, 0.1 / 2^10 = 0.1 / 1024. A power of 2 times 0.1 is exact up to
 * the rounding of 0.1 itself, so the tolerance is 1e-15.
 */
#include "exercise_test.h"
#include "step-decay.h"

const char *const EXERCISE_NAME = "ch07/step-decay";

START_TEST(the_rate_in_each_period_worked_by_hand)
{
    const size_t t[] = {0, 99, 100, 199, 200, 299, 1000};
    const double expected[] = {0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.1 / 1024.0};
    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
        assert_near(step_decay_lr(0.1, 0.5, 100, t[k]), expected[k], 1e-15,
                    "the rate at t = %zu (lr 0.1, drop 0.5, every 100)", t[k]);
}
END_TEST

START_TEST(the_rate_falls_in_steps_not_smoothly)
{
    /* Halfway through the second period, t = 150, the rate is still 0.05.
     * Dividing t by every as doubles gives 0.1 · 0.5^1.5 = 0.0354 instead. */
    double rate = step_decay_lr(0.1, 0.5, 100, 150);
    double smooth = 0.1 * pow(0.5, 1.5);
    ck_assert_msg(fabs(rate - smooth) > 1e-9,
                  "the rate at t = 150 (lr 0.1, drop 0.5, every 100) is %g, which falls "
                  "smoothly: k = t / every must be a whole number (150 / 100 = 1), as "
                  "size_t division gives it",
                  rate);
    assert_near(rate, 0.05, 1e-15, "the rate at t = 150 (lr 0.1, drop 0.5, every 100)");
}
END_TEST

START_TEST(a_drop_of_one_and_a_period_of_one)
{
    /* drop = 1: never changes; every = 1: lr · drop^t, here 0.2 · 0.1³. */
    assert_near(step_decay_lr(0.2, 1.0, 7, 12345), 0.2, 0.0,
                "the rate at t = 12345 with drop 1 (a constant rate, lr 0.2)");
    assert_near(step_decay_lr(0.2, 0.1, 1, 3), 2e-4, 1e-18,
                "the rate at t = 3 with lr 0.2, drop 0.1, every 1");
    assert_near(step_decay_lr(0.2, 0.1, 1, 0), 0.2, 0.0,
                "the rate at t = 0 with lr 0.2, drop 0.1, every 1 (no period passed yet)");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("step decay");
    tcase_add_test(tests, the_rate_in_each_period_worked_by_hand);
    tcase_add_test(tests, the_rate_falls_in_steps_not_smoothly);
    tcase_add_test(tests, a_drop_of_one_and_a_period_of_one);
    suite_add_tcase(suite, tests);
    return suite;
}
