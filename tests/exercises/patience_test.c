/*
 * Tests for ch09/patience.
 *
 * Validation losses worked by hand, epoch 0 first:
 *   - 5, 4, 3, 4, 5, 6, 2 with patience 2: the lowest so far is 3 at epoch
 *     2; epochs 3 and 4 bring nothing lower, and 4 − 2 = 2, so training
 *     stops at epoch 4 and keeps epoch 2. The 2 at epoch 6 is lower, but
 *     early stopping never gets there (reading the whole list would give
 *     best = 6);
 *   - 3, 3, 3 with patience 2: an equal loss is no progress, so the best
 *     stays at epoch 0 and training stops at epoch 2 (taking ties as new
 *     bests would move it to 1, then 2, and never stop);
 *   - 5, 4, 3, 2 with patience 3: every epoch is a new best, training runs
 *     to the end: stops at the last epoch, 3, keeping 3;
 *   - 1, 2 with patience 1: stops at epoch 1, keeping epoch 0;
 *   - a single epoch, 7: stops at 0, keeping 0.
 */
#include "exercise_test.h"
#include "patience.h"

const char *const EXERCISE_NAME = "ch09/patience";

/* Runs early_stop() on the case and checks both answers. losses: count */
static void check_case(const double *losses, size_t count, size_t patience, const char *text,
                       size_t expected_stop, size_t expected_best, const char *mistakes)
{
    size_t best = SIZE_MAX;
    exercise_case("early_stop of the validation losses %s with patience %zu", text, patience);
    size_t stop = early_stop(losses, count, patience, &best);
    ck_assert_msg(stop == expected_stop && best == expected_best,
                  "early_stop of the validation losses %s with patience %zu stopped at epoch "
                  "%zu keeping epoch %zu, expected to stop at epoch %zu keeping epoch %zu%s",
                  text, patience, stop, best, expected_stop, expected_best,
                  stop != expected_stop || best != expected_best ? mistakes : "");
}

START_TEST(it_stops_before_a_later_minimum)
{
    const double losses[7] = {5, 4, 3, 4, 5, 6, 2};
    check_case(losses, 7, 2, "5, 4, 3, 4, 5, 6, 2", 4, 2,
               ": epochs 3 and 4 bring nothing below 3, so patience 2 runs out at epoch 4, "
               "and training never sees epoch 6");
}
END_TEST

START_TEST(an_equal_loss_is_no_progress)
{
    const double losses[3] = {3, 3, 3};
    check_case(losses, 3, 2, "3, 3, 3", 2, 0,
               ": only a loss strictly lower than the best is a new best (use <, not <=)");
}
END_TEST

START_TEST(without_running_out_of_patience_it_trains_to_the_end)
{
    const double falling[4] = {5, 4, 3, 2};
    check_case(falling, 4, 3, "5, 4, 3, 2", 3, 3,
               ": every epoch is a new best, so training runs to the last epoch, count - 1");
    const double rising[2] = {1, 2};
    check_case(rising, 2, 1, "1, 2", 1, 0, ": patience 1 stops one epoch after the best");
    const double one[1] = {7};
    check_case(one, 1, 1, "7 (a single epoch)", 0, 0,
               ": with one epoch, it is the best and the last");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("early stopping");
    tcase_add_test(tests, it_stops_before_a_later_minimum);
    tcase_add_test(tests, an_equal_loss_is_no_progress);
    tcase_add_test(tests, without_running_out_of_patience_it_trains_to_the_end);
    suite_add_tcase(suite, tests);
    return suite;
}
