/*
 * Tests for ch08/tape-sigmoid.
 *
 * Worked by hand: σ(0) = 1/2 with slope 1/2 · 1/2 = 1/4, and σ(ln 3) =
 * 1 / (1 + 1/3) = 3/4 with slope 3/4 · 1/4 = 3/16. Then f = σ(u·u), whose
 * slope by the chain rule is 2u σ(u²)(1 − σ(u²)): the tape must multiply
 * the local derivatives of sigmoid and mul. Then central differences of
 * σ itself, with h = 1e-6: their error, about h² |σ'''| / 6 (|σ'''| ≤ 1/8)
 * plus rounding 1e-16 / h, stays under 1e-9. Far from 0 the value is 0 or
 * 1 and the slope 0, never NaN. The node itself must be one "sigmoid" node
 * with u as its only input, so that backward() can use it.
 */
#include "exercise_test.h"
#include "tape-sigmoid.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch08/tape-sigmoid";

static double sigma(double u)
{
    return 1.0 / (1.0 + exp(-u));
}

/* Records σ(u) on a fresh tape, checks that it made one node on the tape,
 * runs backward() and returns the value; *slope gets ∂σ/∂u. */
static double sigmoid_and_slope(double u_value, double *slope)
{
    Tape tape = {0};
    Var u = tape_leaf(&tape, u_value);
    exercise_case("tape_sigmoid(u) with u = %g", u_value);
    Var s = tape_sigmoid(&tape, u);
    ck_assert_msg(s.id < tape_size(&tape),
                  "tape_sigmoid(u) with u = %g returned no node on the tape (TAPE_NONE?)",
                  u_value);
    ck_assert_msg(tape_size(&tape) == 2,
                  "tape_sigmoid(u) should add exactly one node to the tape, but the tape went "
                  "from 1 node to %zu",
                  tape_size(&tape));
    const TapeNode *node = &tape.nodes[s.id];
    ck_assert_msg(node->arity == 1 && node->input[0] == u.id,
                  "the node of tape_sigmoid(u) should have one input, u (node %zu); it has "
                  "%zu input(s)%s",
                  u.id, node->arity, node->arity == 1 ? ", not u" : "");
    ck_assert_msg(node->op != NULL && strcmp(node->op, "sigmoid") == 0,
                  "the node of tape_sigmoid(u) should be named \"sigmoid\", not \"%s\"",
                  node->op != NULL ? node->op : "(null)");
    tape_backward(&tape, s);
    double value = tape_value(&tape, s);
    *slope = tape_grad(&tape, u);
    tape_free(&tape);
    return value;
}

START_TEST(sigmoid_at_zero_and_at_ln_3_by_hand)
{
    double slope;
    assert_near(sigmoid_and_slope(0.0, &slope), 0.5, 1e-15, "the value of tape_sigmoid at u = 0");
    assert_near_or_mistake(slope, 0.25, 1e-15, 0.5,
                           "that is σ itself: the slope is σ(1 − σ)",
                           "dσ/du at u = 0, after backward(),");
    assert_near(sigmoid_and_slope(log(3.0), &slope), 0.75, 1e-15,
                "the value of tape_sigmoid at u = ln 3");
    assert_near_or_mistake(slope, 3.0 / 16.0, 1e-15, 0.75,
                           "that is σ itself: the slope is σ(1 − σ)",
                           "dσ/du at u = ln 3, after backward(),");
}
END_TEST

START_TEST(agrees_with_finite_differences)
{
    const double h = 1e-6;
    for (double u = -4.0; u <= 4.0; u += 0.5) {
        double slope;
        sigmoid_and_slope(u, &slope);
        assert_near(slope, (sigma(u + h) - sigma(u - h)) / (2 * h), 1e-9,
                    "dσ/du at u = %g (compared with central differences of σ)", u);
    }
}
END_TEST

START_TEST(far_from_zero_it_saturates_without_nan)
{
    double slope;
    assert_near(sigmoid_and_slope(-800.0, &slope), 0.0, 0.0, "σ(-800)");
    assert_near(slope, 0.0, 0.0, "dσ/du at u = -800");
    assert_near(sigmoid_and_slope(800.0, &slope), 1.0, 0.0, "σ(800)");
    assert_near(slope, 0.0, 0.0, "dσ/du at u = 800");
}
END_TEST

START_TEST(the_chain_rule_through_sigmoid)
{
    /* f = σ(u·u): df/du = σ(u²)(1 − σ(u²)) · 2u. At u = 1.5, u² = 2.25. */
    Tape tape = {0};
    Var u = tape_leaf(&tape, 1.5);
    Var square = tape_mul(&tape, u, u);
    exercise_case("tape_sigmoid(u·u) with u = 1.5");
    Var f = tape_sigmoid(&tape, square);
    tape_backward(&tape, f);
    double s = sigma(2.25);
    assert_near(tape_value(&tape, f), s, 1e-15, "σ(u·u) at u = 1.5");
    assert_near(tape_grad(&tape, u), s * (1 - s) * 3.0, 1e-15,
                "dσ(u·u)/du at u = 1.5, after backward(),");
    tape_free(&tape);
}
END_TEST

START_TEST(a_full_tape_stays_full)
{
    /* A tape that ran out of memory hands out TAPE_NONE; σ of it is
     * TAPE_NONE too, and records nothing. */
    Tape tape = {.out_of_memory = true};
    exercise_case("tape_sigmoid(TAPE_NONE)");
    Var s = tape_sigmoid(&tape, TAPE_NONE);
    ck_assert_msg(s.id == TAPE_NONE.id && tape_size(&tape) == 0,
                  "tape_sigmoid(TAPE_NONE) should return TAPE_NONE and record nothing");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("sigmoid");
    tcase_add_test(tests, sigmoid_at_zero_and_at_ln_3_by_hand);
    tcase_add_test(tests, agrees_with_finite_differences);
    tcase_add_test(tests, far_from_zero_it_saturates_without_nan);
    tcase_add_test(tests, the_chain_rule_through_sigmoid);
    tcase_add_test(tests, a_full_tape_stays_full);
    suite_add_tcase(suite, tests);
    return suite;
}
