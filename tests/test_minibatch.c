/* Tests for code/minibatch.c: every row once per epoch, the short last batch
 * kept, and minibatch SGD landing near the closed-form answer. */
#include <math.h>
#include <stdlib.h>

#include "data.h"
#include "gradient.h"
#include "minibatch.h"
#include "rng.h"
#include "suites.h"

/* n points with x1 and y uniform on [-2, 2) and [-5, 5). */
static Dataset random_rows(size_t n, uint64_t seed)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, n, NULL), STATUS_OK);
    Rng rng = rng_seeded(seed);
    for (size_t i = 0; i < n; i++) {
        data.x[2 * i] = rng_uniform_between(&rng, -2.0, 2.0);
        data.y[i] = rng_uniform_between(&rng, -5.0, 5.0);
    }
    return data;
}

static void check_one_epoch(size_t n, size_t batch_size)
{
    Dataset data; /* the sampler only prefetches its rows */
    ck_assert_int_eq(data_allocate(&data, n, NULL), STATUS_OK);
    EpochSampler sampler;
    ck_assert_int_eq(sampler_init(&sampler, &data, batch_size, NULL), STATUS_OK);
    Rng rng = rng_seeded(n * 31 + batch_size);
    for (int epoch = 0; epoch < 3; epoch++) {
        int *visits = calloc(n, sizeof *visits);
        sampler_start_epoch(&sampler, &rng);
        const size_t *rows;
        size_t m, batches = 0, last = 0;
        while ((m = sampler_next_batch(&sampler, &rows)) > 0) {
            for (size_t k = 0; k < m; k++) {
                ck_assert_uint_lt(rows[k], n);
                visits[rows[k]]++;
            }
            batches++;
            last = m;
        }
        for (size_t i = 0; i < n; i++)
            ck_assert_int_eq(visits[i], 1);
        size_t b = batch_size < n ? batch_size : n;
        ck_assert_uint_eq(batches, (n + b - 1) / b); /* ceil(n / b) */
        ck_assert_uint_eq(last, n % b == 0 ? b : n % b);
        free(visits);
    }
    sampler_free(&sampler);
    data_free(&data);
}

START_TEST(every_row_once_per_epoch_with_the_short_batch_kept)
{
    check_one_epoch(100, 10); /* divides evenly */
    check_one_epoch(103, 10); /* last batch of 3 */
    check_one_epoch(7, 1);
    check_one_epoch(7, 7);
    check_one_epoch(7, 50);   /* batch larger than the data: one full batch */
}
END_TEST

/* The row numbers of one epoch in the order the sampler hands them out.
 * order: data->n */
static void one_epoch_order(EpochSampler *sampler, Rng *rng, size_t *order)
{
    const size_t *rows;
    size_t m, at = 0;
    sampler_start_epoch(sampler, rng);
    while ((m = sampler_next_batch(sampler, &rows)) > 0)
        for (size_t k = 0; k < m; k++)
            order[at++] = rows[k];
}

START_TEST(epochs_are_shuffled_differently)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 50, NULL), STATUS_OK);
    EpochSampler sampler;
    ck_assert_int_eq(sampler_init(&sampler, &data, 10, NULL), STATUS_OK);
    Rng rng = rng_seeded(1);
    size_t first[50], second[50];
    one_epoch_order(&sampler, &rng, first);
    one_epoch_order(&sampler, &rng, second);
    int same = 0;
    for (int k = 0; k < 50; k++)
        same += first[k] == second[k];
    ck_assert_int_lt(same, 50);
    sampler_free(&sampler);
    data_free(&data);
}
END_TEST

START_TEST(a_batch_of_every_row_is_not_shuffled)
{
    /* One batch holds every row, so its order could change only rounding:
     * the sampler hands out 0 … n−1 and leaves the generator untouched. */
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 40, NULL), STATUS_OK);
    EpochSampler sampler;
    ck_assert_int_eq(sampler_init(&sampler, &data, 1000, NULL), STATUS_OK);
    Rng rng = rng_seeded(3), untouched = rng_seeded(3);
    size_t order[40];
    one_epoch_order(&sampler, &rng, order);
    for (size_t k = 0; k < 40; k++)
        ck_assert_uint_eq(order[k], k);
    ck_assert_uint_eq(rng_next(&rng), rng_next(&untouched));
    sampler_free(&sampler);
    data_free(&data);
}
END_TEST

START_TEST(a_sampler_in_the_callers_memory_is_the_same_sampler)
{
    /* sampler_init_in() only takes its room from the caller: the same seed
     * gives the same epochs, batch for batch, as sampler_init(), and the
     * same clamp of a batch larger than the data to all of it. So does
     * sampler_init_examples() for 23 examples that are no Dataset. */
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 23, NULL), STATUS_OK);
    const size_t sizes[3] = {5, 23, 100};
    for (int s = 0; s < 3; s++) {
        EpochSampler owned, borrowed, examples;
        ck_assert_int_eq(sampler_init(&owned, &data, sizes[s], NULL), STATUS_OK);
        size_t room[23], room_of_examples[23];
        sampler_init_in(&borrowed, &data, sizes[s], room);
        sampler_init_examples(&examples, 23, sizes[s], room_of_examples);
        ck_assert_uint_eq(borrowed.batch_size, owned.batch_size);
        ck_assert_uint_eq(examples.batch_size, owned.batch_size);
        ck_assert_ptr_null(examples.data);
        Rng rng_owned = rng_seeded(9), rng_borrowed = rng_seeded(9), rng_examples = rng_seeded(9);
        for (int epoch = 0; epoch < 3; epoch++) {
            size_t first[23], second[23], third[23];
            one_epoch_order(&owned, &rng_owned, first);
            one_epoch_order(&borrowed, &rng_borrowed, second);
            one_epoch_order(&examples, &rng_examples, third);
            for (size_t k = 0; k < 23; k++) {
                ck_assert_uint_eq(first[k], second[k]);
                ck_assert_uint_eq(first[k], third[k]);
            }
        }
        sampler_free(&owned);
    }
    data_free(&data);
}
END_TEST

START_TEST(a_batch_read_in_place_is_the_gathered_batch)
{
    /* rows_loss_and_gradient() sums the listed rows in the order listed,
     * as loss_and_gradient() sums a gathered copy: the same numbers to the
     * last bit. Rows repeat and skip, as a batch of any row numbers may. */
    Dataset data = random_rows(200, 8);
    const size_t rows[7] = {199, 0, 57, 57, 3, 120, 64};
    Dataset batch;
    ck_assert_int_eq(data_allocate(&batch, 7, NULL), STATUS_OK);
    gather_rows(&data, rows, 7, &batch);
    const double a[2] = {0.3, -2.1};
    double want[2], got[2];
    double want_loss = loss_and_gradient(batch.x, batch.y, 7, a, want);
    ck_assert_double_eq(rows_loss_and_gradient(&data, rows, 7, a, got), want_loss);
    ck_assert_double_eq(got[0], want[0]);
    ck_assert_double_eq(got[1], want[1]);
    double b[2] = {0.3, -2.1}, c[2] = {0.3, -2.1};
    ck_assert_double_eq(sgd_update_rows(&data, rows, 7, b, 0.05),
                        sgd_update(batch.x, batch.y, 7, c, 0.05));
    ck_assert_double_eq(b[0], c[0]);
    ck_assert_double_eq(b[1], c[1]);
    data_free(&batch);
    data_free(&data);
}
END_TEST

static Dataset notebook_data(size_t n)
{
    Dataset data;
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, n, a_true, &rng, NULL), STATUS_OK);
    return data;
}

START_TEST(the_full_batch_as_a_minibatch_is_gradient_descent)
{
    /* One batch of all n rows per epoch is full-batch descent; only the order
     * of the sums differs, so the answers agree to rounding. */
    Dataset data = notebook_data(100);
    History h1, h2;
    ck_assert_int_eq(history_allocate(&h1, 50, NULL), STATUS_OK);
    ck_assert_int_eq(history_allocate(&h2, 50, NULL), STATUS_OK);
    double a[2] = {-1, 1}, b[2] = {-1, 1};
    Rng rng = rng_seeded(5);
    ck_assert_int_eq(train_minibatch(&data, a, 0.1, 50, 100, &rng, &h1, NULL), STATUS_OK);
    ck_assert_int_eq(train_full_batch(&data, b, 0.1, 50, &h2, NULL), STATUS_OK);
    ck_assert_double_eq_tol(a[0], b[0], 1e-12);
    ck_assert_double_eq_tol(a[1], b[1], 1e-12);
    ck_assert_uint_eq(h1.iterations, 50);
    history_free(&h1);
    history_free(&h2);
    data_free(&data);
}
END_TEST

START_TEST(minibatch_sgd_lands_near_the_closed_form)
{
    /* With a fixed learning rate SGD keeps jittering around the answer; with
     * lr = 0.1 and batches of 10 the jitter here is a few hundredths. */
    Dataset data = notebook_data(100);
    double best[2], a[2] = {-1, 1};
    ck_assert_int_eq(least_squares(data.x, data.y, data.n, best, NULL), STATUS_OK);
    History history;
    ck_assert_int_eq(history_allocate(&history, 200, NULL), STATUS_OK);
    Rng rng = rng_seeded(42);
    ck_assert_int_eq(train_minibatch(&data, a, 0.1, 200, 10, &rng, &history, NULL),
                     STATUS_OK);
    ck_assert_double_le(hypot(a[0] - best[0], a[1] - best[1]), 0.1);
    ck_assert_uint_eq(history.iterations, 200 * 10);
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(the_trace_samples_the_loss_by_iteration)
{
    /* With the full batch, iteration i ends epoch i, so each traced loss must
     * equal the loss recorded for that epoch; the samples are 1, 2, 3, ...
     * at first, then spread out, never more than about 5% apart. */
    Dataset data = notebook_data(100);
    History history;
    ck_assert_int_eq(history_allocate(&history, 300, NULL), STATUS_OK);
    double a[2] = {-1, 1};
    Rng rng = rng_seeded(5);
    ck_assert_int_eq(train_minibatch(&data, a, 0.1, 300, 100, &rng, &history, NULL),
                     STATUS_OK);
    ck_assert_uint_gt(history.trace_count, 50);
    ck_assert_double_eq(history.trace_iteration[0], 1.0);
    for (size_t k = 0; k < history.trace_count; k++) {
        size_t iteration = (size_t)history.trace_iteration[k];
        ck_assert_double_eq_tol(history.trace_loss[k], history.loss[iteration], 1e-12);
        if (k > 0) {
            double previous = history.trace_iteration[k - 1];
            ck_assert_double_gt(history.trace_iteration[k], previous);
            ck_assert_double_le(history.trace_iteration[k], previous * 1.05 + 1.0);
        }
    }
    ck_assert_double_le(history.trace_iteration[history.trace_count - 1], 300.0);
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(a_huge_learning_rate_is_reported_as_divergence)
{
    Dataset data = notebook_data(100);
    History history;
    ck_assert_int_eq(history_allocate(&history, 10, NULL), STATUS_OK);
    double a[2] = {-1, 1};
    Rng rng = rng_seeded(42);
    Error err;
    ck_assert_int_eq(train_minibatch(&data, a, 1e6, 10, 1, &rng, &history, &err),
                     STATUS_DIVERGED);
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(the_trace_of_a_large_data_set_is_a_fixed_sample)
{
    /* Above TRACE_POINTS points the trace measures TRACE_POINTS of them,
     * evenly spread: an estimate of the loss of all the data. For 10 000 of
     * these independent points the mean squared miss has a relative standard
     * error of about 1%, so every traced loss must be within 5% of the loss
     * recorded for its epoch (full batch: iteration i ends epoch i). */
    Dataset data = notebook_data(3 * TRACE_POINTS + 7);
    History history;
    ck_assert_int_eq(history_allocate(&history, 30, NULL), STATUS_OK);
    double a[2] = {-1, 1};
    Rng rng = rng_seeded(5);
    ck_assert_int_eq(train_minibatch(&data, a, 0.1, 30, data.n, &rng, &history, NULL),
                     STATUS_OK);
    ck_assert_uint_gt(history.trace_count, 20);
    for (size_t k = 0; k < history.trace_count; k++) {
        double want = history.loss[(size_t)history.trace_iteration[k]];
        ck_assert_double_le(fabs(history.trace_loss[k] - want), 0.05 * want);
        ck_assert_double_ne(history.trace_loss[k], want); /* a sample, not all */
    }
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(gather_rows_d_copies_whole_rows)
{
    /* X with d = 3 columns, rows (0, 1, 2), (10, 11, 12), (20, 21, 22):
     * taking rows 2 and 0 gives them in that order, with their y. */
    const double x[9] = {0, 1, 2, 10, 11, 12, 20, 21, 22}, y[3] = {-1, -2, -3};
    const size_t rows[2] = {2, 0};
    double batch_x[6], batch_y[2];
    gather_rows_d(x, y, 3, rows, 2, batch_x, batch_y);
    const double expected_x[6] = {20, 21, 22, 0, 1, 2};
    for (int k = 0; k < 6; k++)
        ck_assert_double_eq(batch_x[k], expected_x[k]);
    ck_assert_double_eq(batch_y[0], -3);
    ck_assert_double_eq(batch_y[1], -1);
}
END_TEST

START_TEST(stable_rate_for_any_batch_of_hand_worked_rows)
{
    /* Rows (1, 1) and (−2, 1): the longest has |x|² = 5, so lr < 1/5. With
     * d = 3, rows (1, 2, 2) and (0, 0, 1): |x|² = 9, lr < 1/9. */
    const double two[4] = {1, 1, -2, 1}, three[6] = {1, 2, 2, 0, 0, 1};
    ck_assert_double_eq_tol(stable_lr_for_any_batch(two, 2, 2), 0.2, 1e-16);
    ck_assert_double_eq_tol(stable_lr_for_any_batch(three, 2, 3), 1.0 / 9.0, 1e-16);
}
END_TEST

Suite *minibatch_suite(void)
{
    Suite *suite = suite_create("minibatch");
    TCase *tc = tcase_create("minibatch");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, every_row_once_per_epoch_with_the_short_batch_kept);
    tcase_add_test(tc, epochs_are_shuffled_differently);
    tcase_add_test(tc, a_batch_of_every_row_is_not_shuffled);
    tcase_add_test(tc, a_sampler_in_the_callers_memory_is_the_same_sampler);
    tcase_add_test(tc, a_batch_read_in_place_is_the_gathered_batch);
    tcase_add_test(tc, the_trace_of_a_large_data_set_is_a_fixed_sample);
    tcase_add_test(tc, the_full_batch_as_a_minibatch_is_gradient_descent);
    tcase_add_test(tc, minibatch_sgd_lands_near_the_closed_form);
    tcase_add_test(tc, the_trace_samples_the_loss_by_iteration);
    tcase_add_test(tc, a_huge_learning_rate_is_reported_as_divergence);
    tcase_add_test(tc, gather_rows_d_copies_whole_rows);
    tcase_add_test(tc, stable_rate_for_any_batch_of_hand_worked_rows);
    suite_add_tcase(suite, tc);
    return suite;
}
