/*
 * Tests for ch08/tape-exp.
 *
 * Worked by hand: e^0 = 1 and e^(ln 3) = 3, each its own slope. Then
 * f = e^(u·u), whose slope by the chain rule is 2u e^(u²): the tape must
 * multiply the local derivatives of exp and mul. Then central differences
 * of exp() itself, with h = 1e-6: their error, about h² e^u / 6 plus
 * rounding 1e-16 e^u / h, stays under 1e-9 for |u| ≤ 2. The node itself
 * must be one "exp" node with u as its only input, so that backward() can
 * use it.
 */
#include "exercise_test.h"
#include "tape-exp.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch08/tape-exp";

/* Records e^u on a fresh tape, checks that it made one node on the tape,
 * runs backward() and returns the value; *slope gets ∂e^u/∂u. */
static double exp_and_slope(double u_value, double *slope)
{
    Tape tape = {0};
    Var u = tape_leaf(&tape, u_value);
    Var e = tape_exp(&tape, u);
    ck_assert_msg(e.id < tape_size(&tape),
                  "tape_exp(u) with u = %g returned no node on the tape (TAPE_NONE?)", u_value);
    ck_assert_msg(tape_size(&tape) == 2,
                  "tape_exp(u) should add exactly one node to the tape, but the tape went "
                  "from 1 node to %zu",
                  tape_size(&tape));
    const TapeNode *node = &tape.nodes[e.id];
    ck_assert_msg(node->arity == 1 && node->input[0] == u.id,
                  "the node of tape_exp(u) should have one input, u (node %zu); it has %zu "
                  "input(s)%s",
                  u.id, node->arity, node->arity == 1 ? ", not u" : "");
    ck_assert_msg(node->op != NULL && strcmp(node->op, "exp") == 0,
                  "the node of tape_exp(u) should be named \"exp\", not \"%s\"",
                  node->op != NULL ? node->op : "(null)");
    tape_backward(&tape, e);
    double value = tape_value(&tape, e);
    *slope = tape_grad(&tape, u);
    tape_free(&tape);
    return value;
}

START_TEST(exp_at_zero_and_at_ln_3_by_hand)
{
    double slope;
    assert_near(exp_and_slope(0.0, &slope), 1.0, 1e-15, "the value of tape_exp at u = 0");
    assert_near(slope, 1.0, 1e-15, "d e^u/du at u = 0, after backward(),");
    assert_near(exp_and_slope(log(3.0), &slope), 3.0, 1e-14,
                "the value of tape_exp at u = ln 3");
    assert_near(slope, 3.0, 1e-14, "d e^u/du at u = ln 3, after backward(),");
}
END_TEST

START_TEST(agrees_with_finite_differences)
{
    const double h = 1e-6;
    for (double u = -2.0; u <= 2.0; u += 0.25) {
        double slope;
        exp_and_slope(u, &slope);
        assert_near(slope, (exp(u + h) - exp(u - h)) / (2 * h), 1e-9,
                    "d e^u/du at u = %g (compared with central differences of exp())", u);
    }
}
END_TEST

START_TEST(the_chain_rule_through_exp)
{
    /* f = e^(u·u): df/du = e^(u²) · 2u. At u = 1.5, 3 e^2.25. */
    Tape tape = {0};
    Var u = tape_leaf(&tape, 1.5);
    Var f = tape_exp(&tape, tape_mul(&tape, u, u));
    tape_backward(&tape, f);
    assert_near(tape_value(&tape, f), exp(2.25), 1e-12, "e^(u·u) at u = 1.5");
    assert_near(tape_grad(&tape, u), 3.0 * exp(2.25), 1e-12,
                "d e^(u·u)/du at u = 1.5, after backward(),");
    tape_free(&tape);
}
END_TEST

START_TEST(a_full_tape_stays_full)
{
    /* A tape that ran out of memory hands out TAPE_NONE; exp of it is
     * TAPE_NONE too, and records nothing. */
    Tape tape = {.out_of_memory = true};
    Var e = tape_exp(&tape, TAPE_NONE);
    ck_assert_msg(e.id == TAPE_NONE.id && tape_size(&tape) == 0,
                  "tape_exp(TAPE_NONE) should return TAPE_NONE and record nothing");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("exp");
    tcase_add_test(tests, exp_at_zero_and_at_ln_3_by_hand);
    tcase_add_test(tests, agrees_with_finite_differences);
    tcase_add_test(tests, the_chain_rule_through_exp);
    tcase_add_test(tests, a_full_tape_stays_full);
    suite_add_tcase(suite, tests);
    return suite;
}
