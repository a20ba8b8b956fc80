/*
 * Tests for ch05/shuffle.
 *
 * A shuffle must give back the same items (a permutation), and every order
 * must be equally likely. The second is a statistical claim, tested by
 * counting over many shuffles from one seeded Rng:
 *   - n = 3, T = 60000 shuffles: each of the 6 orders is expected T/6 =
 *     10000 times, with standard deviation sqrt(T (1/6)(5/6)) ≈ 91;
 *   - n = 5, T = 50000 shuffles: each item lands in each position T/5 =
 *     10000 times, with standard deviation sqrt(T (1/5)(4/5)) ≈ 89.
 * A count may be off by 5 standard deviations: a fair shuffle strays that
 * far in one count with probability about 6e-7, so in any of these 31
 * counts less than once in 50000 runs (and the seed is fixed, so a fair
 * shuffle passes or fails the same way every time). The classic mistake,
 * swapping with any slot, gives each order of 3 either 4 or 5 of the 27
 * equally likely runs of three draws from 3 (not 4.5): 8889 or 11111 of
 * 60000, off by 1/54 of T ≈ 1100. Leaving slot i out of the draw (j from
 * 0 … i − 1, Sattolo's algorithm) makes only the orders in which every
 * item moves: (0, 1, 2) never comes out.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "exercise_test.h"
#include "shuffle.h"

const char *const EXERCISE_NAME = "ch05/shuffle";

enum { MAX_ITEMS = 20 };

static void fill_in_order(size_t *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        items[i] = i;
}

/* Whether items holds each of 0 … n−1 exactly once. items: n */
static bool is_permutation(const size_t *items, size_t n)
{
    bool seen[MAX_ITEMS] = {false};
    for (size_t i = 0; i < n; i++) {
        if (items[i] >= n || seen[items[i]])
            return false;
        seen[items[i]] = true;
    }
    return true;
}

START_TEST(the_same_items_come_back)
{
    for (uint64_t seed = 1; seed <= 20; seed++) {
        Rng rng = rng_seeded(seed);
        size_t items[10];
        fill_in_order(items, 10);
        exercise_case("fisher_yates_shuffle of 0 … 9 (n = 10, seed %d)", (int)seed);
        fisher_yates_shuffle(&rng, items, 10);
        ck_assert_msg(is_permutation(items, 10),
                      "after fisher_yates_shuffle of 0 … 9 (n = 10, seed %d) some item is "
                      "missing or doubled",
                      (int)seed);
    }
}
END_TEST

START_TEST(zero_or_one_items_are_left_alone)
{
    Rng rng = rng_seeded(1);
    size_t items[1] = {42};
    exercise_case("fisher_yates_shuffle with n = 0");
    fisher_yates_shuffle(&rng, items, 0);
    ck_assert_msg(items[0] == 42, "fisher_yates_shuffle with n = 0 changed the array");
    exercise_case("fisher_yates_shuffle with n = 1");
    fisher_yates_shuffle(&rng, items, 1);
    ck_assert_msg(items[0] == 42, "fisher_yates_shuffle with n = 1 changed the item");
}
END_TEST

/* What a count of one order of 3, out of trials, says about a known
 * mistake ("" when it says nothing). */
static const char *known_unfairness(size_t count, double trials)
{
    if (count == 0)
        return ": this order, which leaves every item where it was, never came out: "
               "j must range over 0 … i, i included (an item may stay in its slot)";
    if (fair_count(count, trials, 4.0 / 27.0) || fair_count(count, trials, 5.0 / 27.0))
        return ": that is 4 or 5 in 27, what swapping with any slot of all n gives "
               "(27 equally likely runs of 3 draws cannot spread evenly over 6 orders): "
               "pick j from 0 … i only";
    return "";
}

START_TEST(every_order_of_three_is_equally_likely)
{
    enum { TRIALS = 60000 };
    static const size_t orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                        {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    size_t count[3][3][3] = {{{0}}}; /* count[a][b][c]: how often (a, b, c) came out */
    Rng rng = rng_seeded(2024);
    exercise_case("%d calls of fisher_yates_shuffle of 0, 1, 2 (n = 3)", TRIALS);
    for (int t = 0; t < TRIALS; t++) {
        size_t items[3];
        fill_in_order(items, 3);
        fisher_yates_shuffle(&rng, items, 3);
        ck_assert_msg(is_permutation(items, 3), "a shuffle of 0, 1, 2 gave %zu, %zu, %zu: "
                      "some item is missing or doubled", items[0], items[1], items[2]);
        count[items[0]][items[1]][items[2]]++;
    }
    for (size_t k = 0; k < 6; k++) {
        const size_t *o = orders[k];
        size_t times = count[o[0]][o[1]][o[2]];
        ck_assert_msg(fair_count(times, TRIALS, 1.0 / 6.0), "the order %zu, %zu, %zu came "
                      "out %zu times in %d shuffles of 0, 1, 2 (n = 3); a fair shuffle gives "
                      "%.0f ± %.0f%s", o[0], o[1], o[2], times, TRIALS, TRIALS / 6.0,
                      five_sigma(TRIALS, 1.0 / 6.0), known_unfairness(times, TRIALS));
    }
}
END_TEST

START_TEST(every_item_is_equally_likely_in_every_place)
{
    enum { N = 5, TRIALS = 50000 };
    size_t count[N][N] = {{0}}; /* count[position][item] */
    Rng rng = rng_seeded(7);
    exercise_case("%d calls of fisher_yates_shuffle of 0 … 4 (n = 5)", TRIALS);
    for (int t = 0; t < TRIALS; t++) {
        size_t items[N];
        fill_in_order(items, N);
        fisher_yates_shuffle(&rng, items, N);
        ck_assert_msg(is_permutation(items, N), "a shuffle of 0 … 4 gave %zu, %zu, %zu, "
                      "%zu, %zu: some item is missing or doubled",
                      items[0], items[1], items[2], items[3], items[4]);
        for (size_t position = 0; position < N; position++)
            count[position][items[position]]++;
    }
    for (size_t position = 0; position < N; position++)
        for (size_t item = 0; item < N; item++)
            ck_assert_msg(fair_count(count[position][item], TRIALS, 1.0 / N), "item %zu "
                          "landed in position %zu in %zu of %d shuffles of 0 … 4; a fair "
                          "shuffle gives %.0f ± %.0f", item, position, count[position][item],
                          TRIALS, (double)TRIALS / N, five_sigma(TRIALS, 1.0 / N));
}
END_TEST

START_TEST(different_seeds_give_different_orders)
{
    /* Two fair shuffles of 20 items agree with probability 1/20!, about 4e-19. */
    size_t first[MAX_ITEMS], second[MAX_ITEMS];
    Rng rng1 = rng_seeded(1), rng2 = rng_seeded(2);
    fill_in_order(first, MAX_ITEMS);
    fill_in_order(second, MAX_ITEMS);
    exercise_case("fisher_yates_shuffle of 0 … 19 (n = 20) with seeds 1 and 2");
    fisher_yates_shuffle(&rng1, first, MAX_ITEMS);
    fisher_yates_shuffle(&rng2, second, MAX_ITEMS);
    bool same = true;
    for (size_t i = 0; i < MAX_ITEMS; i++)
        same = same && first[i] == second[i];
    ck_assert_msg(!same, "seeds 1 and 2 gave the same order of 20 items");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("fisher-yates");
    advise_on_signal(SIGFPE, "rng_below(rng, bound) divides by bound, so bound must not be "
                             "0: a size_t counted down past 0 (n - 1 with n = 0, or a loop "
                             "on i >= 0) is SIZE_MAX, and SIZE_MAX + 1 is 0");
    tcase_add_test(tests, the_same_items_come_back);
    tcase_add_test(tests, zero_or_one_items_are_left_alone);
    tcase_add_test(tests, every_order_of_three_is_equally_likely);
    tcase_add_test(tests, every_item_is_equally_likely_in_every_place);
    tcase_add_test(tests, different_seeds_give_different_orders);
    suite_add_tcase(suite, tests);
    return suite;
}
