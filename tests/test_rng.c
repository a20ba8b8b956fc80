/* Tests for code/rng.c: the stream is SplitMix64's, and its numbers have the
 * distributions they promise. */
#include <math.h>
#include <stdlib.h>

#include "rng.h"
#include "suites.h"

START_TEST(matches_the_published_splitmix64_stream)
{
    /* The reference outputs for seed 1234567 (Rosetta Code, "Pseudo-random
     * numbers/Splitmix64", from Vigna's splitmix64.c). Equal here means equal
     * on every machine: the algorithm is pure 64-bit unsigned arithmetic. */
    const uint64_t expected[5] = {6457827717110365317u, 3203168211198807973u,
                                  9817491932198370423u, 4593380528125082431u,
                                  16408922859458223821u};
    Rng rng = rng_seeded(1234567);
    for (int k = 0; k < 5; k++)
        ck_assert_uint_eq(rng_next(&rng), expected[k]);
}
END_TEST

START_TEST(same_seed_same_numbers_other_seed_other_numbers)
{
    Rng a = rng_seeded(42), b = rng_seeded(42), c = rng_seeded(43);
    int differ = 0;
    for (int k = 0; k < 1000; k++) {
        uint64_t from_a = rng_next(&a);
        ck_assert_uint_eq(from_a, rng_next(&b));
        differ += from_a != rng_next(&c);
    }
    ck_assert_int_eq(differ, 1000);
}
END_TEST

enum { SAMPLES = 1000000 };

START_TEST(uniform_has_mean_one_half_and_variance_one_twelfth)
{
    /* Standard errors for 10^6 samples: mean 0.29/1000, variance 0.3e-3;
     * the tolerances are more than ten of them. */
    Rng rng = rng_seeded(7);
    double sum = 0.0, sum_sq = 0.0;
    for (int k = 0; k < SAMPLES; k++) {
        double u = rng_uniform(&rng);
        ck_assert(u >= 0.0 && u < 1.0);
        sum += u;
        sum_sq += u * u;
    }
    double mean = sum / SAMPLES;
    ck_assert_double_eq_tol(mean, 0.5, 0.003);
    ck_assert_double_eq_tol(sum_sq / SAMPLES - mean * mean, 1.0 / 12.0, 0.003);
}
END_TEST

START_TEST(normal_has_mean_zero_and_variance_one)
{
    Rng rng = rng_seeded(11);
    double sum = 0.0, sum_sq = 0.0;
    for (int k = 0; k < SAMPLES; k++) {
        double z = rng_normal(&rng);
        ck_assert(isfinite(z));
        sum += z;
        sum_sq += z * z;
    }
    double mean = sum / SAMPLES;
    ck_assert_double_eq_tol(mean, 0.0, 0.01);
    ck_assert_double_eq_tol(sum_sq / SAMPLES - mean * mean, 1.0, 0.01);
}
END_TEST

START_TEST(below_is_in_range_and_even)
{
    /* 7 buckets, 70000 draws: each count is 10000 ± 93 (one standard
     * deviation); 600 is more than six of them. */
    Rng rng = rng_seeded(3);
    int counts[7] = {0};
    for (int k = 0; k < 70000; k++) {
        size_t r = rng_below(&rng, 7);
        ck_assert_uint_lt(r, 7);
        counts[r]++;
    }
    for (int b = 0; b < 7; b++)
        ck_assert_int_lt(abs(counts[b] - 10000), 600);
    ck_assert_uint_eq(rng_below(&rng, 1), 0);
}
END_TEST

START_TEST(shuffle_is_a_permutation_and_every_place_is_equally_likely)
{
    /* Each of 5 items should land in each of 5 places 1/5 of the time: over
     * 50000 shuffles, 10000 ± 89 (one standard deviation); 600 is more than
     * six of them, for each of the 25 (item, place) counts. */
    Rng rng = rng_seeded(5);
    int lands[5][5] = {{0}}; /* lands[item][place] */
    for (int trial = 0; trial < 50000; trial++) {
        size_t items[5] = {0, 1, 2, 3, 4};
        rng_shuffle(&rng, items, 5);
        int seen[5] = {0};
        for (int place = 0; place < 5; place++) {
            seen[items[place]]++;
            lands[items[place]][place]++;
        }
        for (int item = 0; item < 5; item++)
            ck_assert_int_eq(seen[item], 1);
    }
    for (int item = 0; item < 5; item++)
        for (int place = 0; place < 5; place++)
            ck_assert_msg(abs(lands[item][place] - 10000) < 600,
                          "item %d landed in place %d %d times of 50000", item, place,
                          lands[item][place]);
}
END_TEST

Suite *rng_suite(void)
{
    Suite *suite = suite_create("rng");
    TCase *tc = tcase_create("rng");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, matches_the_published_splitmix64_stream);
    tcase_add_test(tc, same_seed_same_numbers_other_seed_other_numbers);
    tcase_add_test(tc, uniform_has_mean_one_half_and_variance_one_twelfth);
    tcase_add_test(tc, normal_has_mean_zero_and_variance_one);
    tcase_add_test(tc, below_is_in_range_and_even);
    tcase_add_test(tc, shuffle_is_a_permutation_and_every_place_is_equally_likely);
    suite_add_tcase(suite, tc);
    return suite;
}
