/*
 * Tests for ch11/top2-error.
 *
 * Counted by hand: four examples of three classes,
 *     probs (0.7, 0.2, 0.1) label 0: first, right;
 *     probs (0.5, 0.3, 0.2) label 1: second, right;
 *     probs (0.6, 0.3, 0.1) label 2: third, wrong;
 *     probs (0.2, 0.2, 0.6) label 0: tied second, right;
 * so the top-2 error rate is 1/4 (the error rate would be 3/4). With two
 * classes every label is in the top two: 0. Then a thousand random rows,
 * checked against sorting each row by hand.
 */
#include "exercise_test.h"
#include "rng.h"
#include "top2-error.h"

const char *const EXERCISE_NAME = "ch11/top2-error";

START_TEST(four_examples_counted_by_hand)
{
    const double probs[12] = {0.7, 0.2, 0.1, 0.5, 0.3, 0.2, 0.6, 0.3, 0.1, 0.2, 0.2, 0.6};
    const size_t label[4] = {0, 1, 2, 0};
    exercise_case("top2_error_rate of the four examples worked by hand");
    assert_near_or_mistake(top2_error_rate(probs, label, 4, 3), 0.25, 0.0, 0.75,
                           "that is the error rate: the label may also be second",
                           "the top-2 error rate of the four examples worked by hand");
    exercise_case("top2_error_rate of the first example alone");
    assert_near(top2_error_rate(probs, label, 1, 3), 0.0, 0.0,
                "the top-2 error rate of one example whose label is most probable");
    exercise_case("top2_error_rate of the third example alone");
    assert_near(top2_error_rate(&probs[6], &label[2], 1, 3), 1.0, 0.0,
                "the top-2 error rate of one example whose label is third");
}
END_TEST

START_TEST(two_classes_are_always_within_two_guesses)
{
    const double probs[6] = {0.9, 0.1, 0.2, 0.8, 0.5, 0.5};
    const size_t label[3] = {1, 0, 1};
    exercise_case("top2_error_rate with two classes");
    assert_near(top2_error_rate(probs, label, 3, 2), 0.0, 0.0,
                "the top-2 error rate when there are only two classes");
}
END_TEST

/* The rank of row i's label by sorting a copy of its probabilities: how
 * many are strictly above it. */
static size_t classes_above(const double *p, size_t label, size_t k)
{
    double sorted[10];
    memcpy(sorted, p, k * sizeof *p);
    for (size_t a = 1; a < k; a++) /* insertion sort, largest first */
        for (size_t b = a; b > 0 && sorted[b] > sorted[b - 1]; b--) {
            double t = sorted[b];
            sorted[b] = sorted[b - 1];
            sorted[b - 1] = t;
        }
    size_t above = 0;
    while (above < k && sorted[above] > p[label])
        above++;
    return above;
}

START_TEST(random_rows_against_sorting)
{
    enum { N = 1000, K = 10 };
    static double probs[N * K];
    static size_t label[N];
    Rng rng = rng_seeded(11);
    size_t wrong = 0;
    for (size_t i = 0; i < N; i++) {
        for (size_t c = 0; c < K; c++)
            probs[i * K + c] = rng_uniform(&rng);
        label[i] = rng_below(&rng, K);
        wrong += classes_above(&probs[i * K], label[i], K) >= 2;
    }
    exercise_case("top2_error_rate of 1000 random rows of 10 classes");
    assert_near(top2_error_rate(probs, label, N, K), (double)wrong / N, 0.0,
                "the top-2 error rate of 1000 random rows of 10 classes");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("top-2 error");
    tcase_add_test(tests, four_examples_counted_by_hand);
    tcase_add_test(tests, two_classes_are_always_within_two_guesses);
    tcase_add_test(tests, random_rows_against_sorting);
    suite_add_tcase(suite, tests);
    return suite;
}
