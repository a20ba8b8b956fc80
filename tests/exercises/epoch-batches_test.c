/*
 * Tests for ch05/epoch-batches.
 *
 * The expected batches follow from arithmetic: n rows in batches of b make
 * ceil(n / b) batches, all of b rows but the last, which has the n − (count
 * − 1) b left over (n mod b, or b when b divides n). Each batch must be the
 * next slice of the order, so every row number is visited exactly once.
 * The order is (3i + 1) mod n: a shuffled-looking permutation, since 3 and
 * these n share no factor.
 */
#include "epoch-batches.h"
#include "exercise_test.h"

const char *const EXERCISE_NAME = "ch05/epoch-batches";

enum { MAX_N = 16, MAX_BATCHES = 32 };

/* What the visitor saw, filled in batch by batch. */
typedef struct {
    const size_t *order;
    size_t n;
    size_t next;                  /* where the next batch should start in order */
    size_t batches;               /* how many visits */
    size_t sizes[MAX_BATCHES];    /* the size of each (the first MAX_BATCHES) */
    size_t times_seen[MAX_N];     /* per row number */
    size_t first_wrong;           /* the first batch not order[next … next + m − 1] */
    size_t wrong_start;           /* where in order it should have started */
} Record;

#define NONE SIZE_MAX /* first_wrong while every batch is right */

/* Notes that batch number record->batches is not the next slice of order. */
static void note_wrong_batch(Record *record)
{
    if (record->first_wrong == NONE) {
        record->first_wrong = record->batches;
        record->wrong_start = record->next;
    }
}

static void record_batch(const size_t *rows, size_t m, void *context)
{
    Record *record = context;
    if (record->batches < MAX_BATCHES)
        record->sizes[record->batches] = m;
    if (m > record->n - record->next) { /* runs past the end: read nothing */
        note_wrong_batch(record);
        record->batches++;
        return;
    }
    for (size_t k = 0; k < m; k++) {
        if (rows[k] != record->order[record->next + k])
            note_wrong_batch(record);
        if (rows[k] < record->n)
            record->times_seen[rows[k]]++;
    }
    record->batches++;
    record->next += m;
}

/* Runs one epoch of n rows in batches of b and checks it against the arithmetic. */
static void check_epoch(size_t n, size_t b)
{
    size_t order[MAX_N];
    for (size_t i = 0; i < n; i++)
        order[i] = (3 * i + 1) % n;
    Record record = {.order = order, .n = n, .first_wrong = NONE};

    size_t returned = for_each_batch(order, n, b, record_batch, &record);

    size_t expected = (n + b - 1) / b; /* ceil(n / b) */
    ck_assert_msg(record.batches == expected, "cutting %zu rows into batches of %zu: visit "
                  "was called %zu times, expected %zu (once per batch)",
                  n, b, record.batches, expected);
    ck_assert_msg(returned == expected, "cutting %zu rows into batches of %zu: returned %zu, "
                  "expected %zu (the number of batches)", n, b, returned, expected);
    for (size_t k = 0; k < expected; k++) {
        size_t size = k + 1 < expected ? b : n - (expected - 1) * b;
        ck_assert_msg(record.sizes[k] == size, "cutting %zu rows into batches of %zu: "
                      "batch %zu of %zu has %zu rows, expected %zu",
                      n, b, k + 1, expected, record.sizes[k], size);
    }
    ck_assert_msg(record.first_wrong == NONE, "cutting %zu rows into batches of %zu: "
                  "batch %zu of %zu is not the next rows of order (it should start at "
                  "&order[%zu])", n, b, record.first_wrong + 1, expected, record.wrong_start);
    for (size_t row = 0; row < n; row++)
        ck_assert_msg(record.times_seen[row] == 1, "cutting %zu rows into batches of %zu: "
                      "row %zu was in %zu batches, expected exactly 1",
                      n, b, row, record.times_seen[row]);
}

START_TEST(the_last_batch_keeps_the_rows_left_over)
{
    check_epoch(10, 3); /* 3, 3, 3, 1 */
    check_epoch(16, 5); /* 5, 5, 5, 1 */
}
END_TEST

START_TEST(a_batch_size_that_divides_n_gives_equal_batches)
{
    check_epoch(10, 5); /* 5, 5 */
    check_epoch(10, 1); /* ten batches of 1: plain SGD */
}
END_TEST

START_TEST(a_batch_larger_than_n_is_the_full_batch)
{
    check_epoch(7, 10); /* one batch of 7 */
}
END_TEST

START_TEST(no_rows_make_no_batches)
{
    check_epoch(0, 4);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = tcase_create("one epoch of batches");
    tcase_add_test(tests, the_last_batch_keeps_the_rows_left_over);
    tcase_add_test(tests, a_batch_size_that_divides_n_gives_equal_batches);
    tcase_add_test(tests, a_batch_larger_than_n_is_the_full_batch);
    tcase_add_test(tests, no_rows_make_no_batches);
    suite_add_tcase(suite, tests);
    return suite;
}
