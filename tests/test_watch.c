/* Tests for code/watch.c, the one watcher of every training loop: when a row
 * is printed, and when a run has blown up, each case worked out by hand. The
 * watchers here have no run (watch_into), as the library's trainers use
 * them: they keep the history and say why in watch->message. */
#include <math.h>
#include <string.h>

#include "watch.h"

#include "suites.h" /* after: Check defines fail() as a macro */

START_TEST(a_row_every_10_like_the_notebook)
{
    /* Every step of a short run, every 10 up to 100 steps, then about ten rows. */
    ck_assert_uint_eq(progress_every(5), 1);
    ck_assert_uint_eq(progress_every(10), 1);
    ck_assert_uint_eq(progress_every(11), 10);
    ck_assert_uint_eq(progress_every(100), 10);
    ck_assert_uint_eq(progress_every(5000), 500);
}
END_TEST

/* A full-batch watcher of 4 steps whose history is loss (5) and a (10). */
static Watch four_steps(double *loss, double *a)
{
    Watch watch = watch_into("step", 4, 0.5, 2, loss, a);
    watch.full_batch = true;
    return watch;
}

START_TEST(a_full_batch_run_that_ends_above_its_start_blew_up_where_it_rose)
{
    /* Losses 1, 0.5, 1.0000001, 1.5, 2: never ten times the start, so every
     * row passes; but the run ends above its start, and the first loss above
     * it by more than a millionth (rounding) is step 3's. */
    const double losses[5] = {1.0, 0.5, 1.0000001, 1.5, 2.0}, a[2] = {0.0, 0.0};
    double loss[5], history[10];
    Watch watch = four_steps(loss, history);
    for (size_t t = 0; t <= 4; t++)
        ck_assert(watch_row(&watch, t, a, losses[t]));
    ck_assert(!watch_end(&watch));
    ck_assert_str_eq(watch.message, "the loss diverged at step 3 with learning rate 0.5");
    /* Rose, then fell back below the start: the last loss decides. */
    watch = four_steps(loss, history);
    const double back[5] = {1.0, 0.5, 1.5, 2.0, 0.25};
    for (size_t t = 0; t <= 4; t++)
        ck_assert(watch_row(&watch, t, a, back[t]));
    ck_assert(watch_end(&watch));
    ck_assert(!watch.blew_up);
}
END_TEST

START_TEST(ten_times_the_start_or_not_a_number_is_a_blow_up)
{
    double loss[5], history[10];
    const double a[2] = {1.0, 2.0};
    Watch watch = four_steps(loss, history);
    ck_assert(watch_row(&watch, 0, a, 2.0));
    ck_assert(watch_row(&watch, 1, a, 20.0)); /* ten times, not more: still going */
    ck_assert(!watch_row(&watch, 2, a, 20.5));
    ck_assert_str_eq(watch.message, "the loss diverged at step 2 with learning rate 0.5");
    ck_assert_double_eq(history[4], 1.0); /* the row that blew up is kept */
    watch = four_steps(loss, history);
    ck_assert(watch_row(&watch, 0, a, 2.0));
    ck_assert(!watch_row(&watch, 1, a, NAN));
}
END_TEST

START_TEST(one_batch_can_prove_a_blow_up)
{
    /* A batch of 1 of 10 points holds a tenth of the loss of all of them at
     * most, so its loss over 10 proves the full loss is past its share: a
     * batch loss of 99 (share 9.9) at a start of 1 is not yet a blow-up, 101
     * (share 10.1) is. The message names the iteration and the epoch. */
    double loss[3], history[6];
    const double a[2] = {0.0, 0.0};
    Watch watch = watch_into("epoch", 2, 0.1, 2, loss, history);
    ck_assert(watch_row(&watch, 0, a, 1.0));
    ck_assert(watch_batch(&watch, 99.0, 1, 10, a));
    ck_assert(watch_batch(&watch, 99.0, 1, 10, a));
    ck_assert(!watch_batch(&watch, 101.0, 1, 10, a));
    ck_assert(!watch_row(&watch, 1, a, 5.0)); /* the epoch's row ends the run */
    ck_assert_str_eq(watch.message,
                     "the loss diverged at iteration 3 (epoch 1) with learning rate 0.1");
    /* A step so wild that a overflowed shows only in a. */
    const double wild[2] = {INFINITY, 0.0};
    watch = watch_into("epoch", 2, 0.1, 2, loss, history);
    ck_assert(watch_row(&watch, 0, a, 1.0));
    ck_assert(!watch_batch(&watch, 0.5, 1, 10, wild));
}
END_TEST

Suite *watch_suite(void)
{
    Suite *suite = suite_create("watch");
    TCase *tc = tcase_create("watch");
    tcase_add_test(tc, a_row_every_10_like_the_notebook);
    tcase_add_test(tc, a_full_batch_run_that_ends_above_its_start_blew_up_where_it_rose);
    tcase_add_test(tc, ten_times_the_start_or_not_a_number_is_a_blow_up);
    tcase_add_test(tc, one_batch_can_prove_a_blow_up);
    suite_add_tcase(suite, tc);
    return suite;
}
