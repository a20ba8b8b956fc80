/*
 * Tests for ch11/label-smoothing.
 *
 * Worked by hand: logits (0, ln 3) give p = (1/4, 3/4). With label 1 and
 * eps = 0.2, q = (0.1, 0.9); the loss is −0.1 ln(1/4) − 0.9 ln(3/4) and
 * the gradient p − q = (0.15, −0.15). With eps = 0 both halves must be the
 * library's softmax cross-entropy (layers.h). Then the backward against
 * central finite differences of the forward (h = 1e-6; error h² L''' plus
 * rounding, under 1e-9). And the backward adds into dlogits.
 */
#include "exercise_test.h"
#include "label-smoothing.h"
#include "layers.h"
#include "rng.h"

const char *const EXERCISE_NAME = "ch11/label-smoothing";

START_TEST(two_classes_worked_by_hand)
{
    const double logits[2] = {0.0, log(3.0)};
    const size_t label[1] = {1};
    double probs[2], dlogits[2] = {0.0, 0.0};
    fill_unwritten(probs, 2);
    exercise_case("smoothed_cross_entropy_forward of logits (0, ln 3), label 1, eps 0.2");
    double loss = smoothed_cross_entropy_forward(probs, logits, label, 1, 2, 0.2);
    assert_near(probs[0], 0.25, 1e-15, "probs[0] for logits (0, ln 3)");
    assert_near(probs[1], 0.75, 1e-15, "probs[1] for logits (0, ln 3)");
    assert_near_or_mistake(loss, -0.1 * log(0.25) - 0.9 * log(0.75), 1e-15, -log(0.75),
                           "that is plain cross-entropy: the target is q, not the label",
                           "the smoothed loss of logits (0, ln 3), label 1, eps 0.2");
    exercise_case("smoothed_cross_entropy_backward of that example");
    smoothed_cross_entropy_backward(dlogits, probs, label, 1, 2, 0.2);
    assert_near(dlogits[0], 0.15, 1e-15, "dlogits[0] = p_0 − q_0 = 0.25 − 0.1");
    assert_near(dlogits[1], -0.15, 1e-15, "dlogits[1] = p_1 − q_1 = 0.75 − 0.9");
}
END_TEST

enum { B = 4, K = 5 };

static void random_batch(double *logits, size_t *label)
{
    Rng rng = rng_seeded(4);
    for (size_t j = 0; j < B * K; j++)
        logits[j] = rng_uniform_between(&rng, -3.0, 3.0);
    for (size_t i = 0; i < B; i++)
        label[i] = rng_below(&rng, K);
}

START_TEST(eps_0_is_plain_cross_entropy)
{
    double logits[B * K], probs[B * K], mine[B * K], d[B * K] = {0}, d_mine[B * K] = {0};
    size_t label[B];
    random_batch(logits, label);
    double plain = softmax_cross_entropy_forward(probs, logits, label, B, K);
    softmax_cross_entropy_backward(d, probs, label, B, K);
    fill_unwritten(mine, B * K);
    exercise_case("smoothed_cross_entropy_forward with eps = 0");
    assert_near(smoothed_cross_entropy_forward(mine, logits, label, B, K, 0.0), plain, 1e-14,
                "the loss with eps = 0 (plain cross-entropy's)");
    exercise_case("smoothed_cross_entropy_backward with eps = 0");
    smoothed_cross_entropy_backward(d_mine, mine, label, B, K, 0.0);
    for (size_t j = 0; j < B * K; j++)
        assert_near(d_mine[j], d[j], 1e-15, "dlogits[%zu] with eps = 0", j);
}
END_TEST

START_TEST(the_backward_agrees_with_finite_differences)
{
    double logits[B * K], probs[B * K], dlogits[B * K] = {0};
    size_t label[B];
    random_batch(logits, label);
    const double eps = 0.1, h = 1e-6;
    exercise_case("smoothed_cross_entropy_forward and _backward on a random batch");
    smoothed_cross_entropy_forward(probs, logits, label, B, K, eps);
    smoothed_cross_entropy_backward(dlogits, probs, label, B, K, eps);
    for (size_t j = 0; j < B * K; j++) {
        double kept = logits[j];
        logits[j] = kept + h;
        double up = smoothed_cross_entropy_forward(probs, logits, label, B, K, eps);
        logits[j] = kept - h;
        double down = smoothed_cross_entropy_forward(probs, logits, label, B, K, eps);
        logits[j] = kept;
        assert_near(dlogits[j], (up - down) / (2 * h), 1e-8,
                    "dlogits[%zu] (compared with central differences of your forward)", j);
    }
}
END_TEST

START_TEST(the_backward_adds)
{
    const double probs[2] = {0.25, 0.75};
    const size_t label[1] = {1};
    double dlogits[2] = {1.0, 1.0};
    exercise_case("smoothed_cross_entropy_backward into dlogits that hold 1");
    smoothed_cross_entropy_backward(dlogits, probs, label, 1, 2, 0.2);
    assert_near_or_mistake(dlogits[0], 1.15, 1e-15, 0.15,
                           "the backward must add into dlogits (+=), not overwrite it",
                           "dlogits[0] after adding 0.15 to 1");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("label smoothing");
    tcase_add_test(tests, two_classes_worked_by_hand);
    tcase_add_test(tests, eps_0_is_plain_cross_entropy);
    tcase_add_test(tests, the_backward_agrees_with_finite_differences);
    tcase_add_test(tests, the_backward_adds);
    suite_add_tcase(suite, tests);
    return suite;
}
