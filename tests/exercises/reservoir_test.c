/*
 * Tests for ch05/reservoir.
 *
 * The first m rows must fill the slots in order, and seen must count every
 * row: both are exact. Fairness is a statistical claim, tested by counting
 * over many streams from one seeded Rng (so the test passes or fails the
 * same way every time):
 *   - n = 10 rows, m = 3, T = 30000 streams: a fair sample keeps each row
 *     with probability m/n = 0.3, T m/n = 9000 times, with standard
 *     deviation sqrt(T 0.3 0.7) ≈ 79;
 *   - n = 5, m = 2, T = 50000 streams: each of the 10 pairs of rows is the
 *     sample with probability 1/10, 5000 times, standard deviation
 *     sqrt(T 0.1 0.9) ≈ 67.
 * A count may be off by 5 standard deviations: a fair sample strays that
 * far in one of these 20 counts less than once in 50000 runs.
 * The usual mistake, j from rng_below(rng, seen) (seen choices, not
 * seen + 1), lets row m in for certain; a row that gets in at seen = i then
 * survives the rows after it with probability i / (n − 1), so the rows
 * before m are kept with probability (m − 1)/(n − 1) = 2/9 and the others
 * m/(n − 1) = 1/3: 6667 and 10000 times, far outside 9000 ± 397.
 */
#include <signal.h>
#include <stdbool.h>

#include "exercise_test.h"
#include "reservoir.h"

const char *const EXERCISE_NAME = "ch05/reservoir";

enum { MAX_M = 8, UNTOUCHED = 999 };

/* Offers rows first, first + 1, …, first + n − 1 to an empty reservoir of
 * m slots (set to UNTOUCHED beforehand). kept: MAX_M */
static Reservoir offer_rows(size_t *kept, size_t m, size_t first, size_t n, Rng *rng)
{
    for (size_t k = 0; k < MAX_M; k++)
        kept[k] = UNTOUCHED;
    Reservoir reservoir = {.kept = kept, .m = m, .seen = 0};
    for (size_t i = 0; i < n; i++)
        reservoir_offer(&reservoir, first + i, rng);
    return reservoir;
}

START_TEST(the_first_m_rows_fill_the_slots_in_order)
{
    size_t kept[MAX_M];
    Rng rng = rng_seeded(1);
    exercise_case("reservoir_offer of the rows 10, 11, 12 to an empty reservoir of m = 3");
    Reservoir reservoir = offer_rows(kept, 3, 10, 3, &rng);
    ck_assert_msg(reservoir.seen == 3, "after offering the rows 10, 11, 12 to an empty "
                  "reservoir of m = 3, seen is %zu, expected 3 (one per row offered)",
                  reservoir.seen);
    for (size_t k = 0; k < 3; k++)
        ck_assert_msg(kept[k] == 10 + k, "after offering the rows 10, 11, 12 to an empty "
                      "reservoir of m = 3, kept[%zu] is %zu, expected %zu%s", k, kept[k],
                      10 + k, kept[k] == k ? ": that is seen, not the row offered" : "");
}
END_TEST

START_TEST(fewer_rows_than_slots_are_all_kept)
{
    size_t kept[MAX_M];
    Rng rng = rng_seeded(1);
    exercise_case("reservoir_offer of the rows 20, 21 to an empty reservoir of m = 4");
    Reservoir reservoir = offer_rows(kept, 4, 20, 2, &rng);
    ck_assert_msg(reservoir.seen == 2, "after offering the rows 20, 21 to an empty reservoir "
                  "of m = 4, seen is %zu, expected 2", reservoir.seen);
    ck_assert_msg(kept[0] == 20 && kept[1] == 21, "after offering the rows 20, 21 to an "
                  "empty reservoir of m = 4, kept starts %zu, %zu, expected 20, 21",
                  kept[0], kept[1]);
    ck_assert_msg(kept[2] == UNTOUCHED && kept[3] == UNTOUCHED, "after offering 2 rows to "
                  "an empty reservoir of m = 4, the slots 2 and 3 were written, but no row "
                  "was offered for them");
}
END_TEST

START_TEST(the_sample_holds_distinct_rows_of_the_stream)
{
    for (uint64_t seed = 1; seed <= 20; seed++) {
        size_t kept[MAX_M];
        Rng rng = rng_seeded(seed);
        exercise_case("reservoir_offer of the rows 100 … 106 to a reservoir of m = 2 "
                      "(seed %d)", (int)seed);
        Reservoir reservoir = offer_rows(kept, 2, 100, 7, &rng);
        ck_assert_msg(reservoir.seen == 7, "after offering 7 rows (seed %d), seen is %zu, "
                      "expected 7", (int)seed, reservoir.seen);
        bool rows = kept[0] >= 100 && kept[0] < 107 && kept[1] >= 100 && kept[1] < 107;
        ck_assert_msg(rows && kept[0] != kept[1], "after offering the rows 100 … 106 to a "
                      "reservoir of m = 2 (seed %d), it holds %zu and %zu, expected two "
                      "different rows of the stream", (int)seed, kept[0], kept[1]);
    }
}
END_TEST

START_TEST(every_row_is_kept_with_probability_m_over_n)
{
    enum { N = 10, M = 3, TRIALS = 30000 };
    size_t times_kept[N] = {0};
    Rng rng = rng_seeded(2024);
    exercise_case("%d streams of the rows 0 … 9 into a reservoir of m = 3", TRIALS);
    for (int t = 0; t < TRIALS; t++) {
        size_t kept[MAX_M];
        offer_rows(kept, M, 0, N, &rng);
        for (size_t k = 0; k < M; k++)
            if (kept[k] < N)
                times_kept[kept[k]]++;
    }
    for (size_t row = 0; row < N; row++) {
        size_t times = times_kept[row];
        bool off_by_one = fair_count(times, TRIALS, (M - 1.0) / (N - 1.0)) ||
                          fair_count(times, TRIALS, M / (N - 1.0));
        ck_assert_msg(fair_count(times, TRIALS, (double)M / N), "row %zu was kept in %zu of "
                      "%d streams of the rows 0 … 9 into a reservoir of m = 3; a fair sample "
                      "keeps each row with probability 3/10: %.0f ± %.0f%s",
                      row, times, TRIALS, TRIALS * 0.3, five_sigma(TRIALS, 0.3),
                      off_by_one ? ": that is 2/9 or 1/3 of them, what j from "
                                   "rng_below(rng, seen) gives: draw it from seen + 1 choices"
                                 : "");
    }
}
END_TEST

START_TEST(every_pair_of_rows_is_equally_likely)
{
    enum { N = 5, TRIALS = 50000 };
    size_t times[N][N] = {{0}}; /* times[r][s], r < s: how often the sample was {r, s} */
    Rng rng = rng_seeded(7);
    exercise_case("%d streams of the rows 0 … 4 into a reservoir of m = 2", TRIALS);
    for (int t = 0; t < TRIALS; t++) {
        size_t kept[MAX_M];
        offer_rows(kept, 2, 0, N, &rng);
        size_t r = kept[0] < kept[1] ? kept[0] : kept[1];
        size_t s = kept[0] < kept[1] ? kept[1] : kept[0];
        ck_assert_msg(s < N && r != s, "a reservoir of m = 2 fed the rows 0 … 4 holds %zu "
                      "and %zu, expected two different rows of the stream", kept[0], kept[1]);
        times[r][s]++;
    }
    for (size_t r = 0; r < N; r++)
        for (size_t s = r + 1; s < N; s++)
            ck_assert_msg(fair_count(times[r][s], TRIALS, 0.1), "the sample was the rows "
                          "%zu and %zu in %zu of %d streams of the rows 0 … 4 into a "
                          "reservoir of m = 2; a fair sample makes each of the 10 pairs "
                          "equally likely: %.0f ± %.0f",
                          r, s, times[r][s], TRIALS, TRIALS * 0.1, five_sigma(TRIALS, 0.1));
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("reservoir sampling");
    advise_on_signal(SIGFPE, "rng_below(rng, bound) divides by bound, so it must not be 0: "
                             "the row offered when seen = 0 is one of seen + 1 = 1 choices");
    tcase_add_test(tests, the_first_m_rows_fill_the_slots_in_order);
    tcase_add_test(tests, fewer_rows_than_slots_are_all_kept);
    tcase_add_test(tests, the_sample_holds_distinct_rows_of_the_stream);
    tcase_add_test(tests, every_row_is_kept_with_probability_m_over_n);
    tcase_add_test(tests, every_pair_of_rows_is_equally_likely);
    suite_add_tcase(suite, tests);
    return suite;
}
