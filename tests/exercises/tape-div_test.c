/*
 * Tests for ch08/tape-div.
 *
 * Worked by hand: 3 / 2 = 1.5, with ∂/∂u = 1/2 and ∂/∂v = −3/4. Then u / u,
 * which is always 1: its two shares, 1/u and −u/u², must cancel. Then a
 * mean recorded as a sum over a count, whose slope for each term is 1/n.
 * Then central differences of u / v itself at points away from v = 0,
 * h = 1e-6: their error, about h² |u| / |v|⁴ plus rounding, stays under
 * 1e-7 for |v| ≥ 0.5, |u| ≤ 2.
 */
#include "exercise_test.h"
#include "tape-div.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch08/tape-div";

/* Records u / v on a fresh tape, checks its node, runs backward(), and
 * returns the value; d_u and d_v get the two slopes. */
static double divide(double u_value, double v_value, double *d_u, double *d_v)
{
    Tape tape = {0};
    Var u = tape_leaf(&tape, u_value), v = tape_leaf(&tape, v_value);
    Var q = tape_div(&tape, u, v);
    ck_assert_msg(q.id < tape_size(&tape),
                  "tape_div(u, v) with u = %g, v = %g returned no node on the tape "
                  "(TAPE_NONE?)",
                  u_value, v_value);
    ck_assert_msg(tape_size(&tape) == 3,
                  "tape_div(u, v) should add exactly one node, but the tape went from 2 "
                  "nodes to %zu",
                  tape_size(&tape));
    const TapeNode *node = &tape.nodes[q.id];
    ck_assert_msg(node->arity == 2 && node->input[0] == u.id && node->input[1] == v.id,
                  "the node of tape_div(u, v) should have two inputs, u then v");
    tape_backward(&tape, q);
    double value = tape_value(&tape, q);
    *d_u = tape_grad(&tape, u);
    *d_v = tape_grad(&tape, v);
    tape_free(&tape);
    return value;
}

START_TEST(three_over_two_by_hand)
{
    double d_u, d_v;
    assert_near(divide(3.0, 2.0, &d_u, &d_v), 1.5, 0.0, "the value of tape_div at u = 3, v = 2");
    assert_near(d_u, 0.5, 1e-15, "d(u/v)/du at u = 3, v = 2 (it is 1/v)");
    assert_near(d_v, -0.75, 1e-15, "d(u/v)/dv at u = 3, v = 2 (it is -u/v^2)");
}
END_TEST

START_TEST(u_over_u_does_not_move)
{
    /* One leaf used twice: its grad is the sum of both shares, 1/u − u/u² = 0. */
    Tape tape = {0};
    Var u = tape_leaf(&tape, 3.0);
    Var q = tape_div(&tape, u, u);
    tape_backward(&tape, q);
    assert_near(tape_value(&tape, q), 1.0, 1e-15, "u/u at u = 3");
    assert_near(tape_grad(&tape, u), 0.0, 1e-15, "d(u/u)/du at u = 3, after backward(),");
    tape_free(&tape);
}
END_TEST

START_TEST(a_mean_as_a_sum_over_a_count)
{
    /* (2 + 4 + 9) / 3 = 5, and each term moves it by 1/3. */
    Tape tape = {0};
    Var terms[3] = {tape_leaf(&tape, 2), tape_leaf(&tape, 4), tape_leaf(&tape, 9)};
    Var mean = tape_div(&tape, tape_sum(&tape, terms, 3), tape_leaf(&tape, 3));
    tape_backward(&tape, mean);
    assert_near(tape_value(&tape, mean), 5.0, 1e-15, "(2 + 4 + 9) / 3");
    for (int k = 0; k < 3; k++)
        assert_near(tape_grad(&tape, terms[k]), 1.0 / 3.0, 1e-15,
                    "the grad of term %d of the mean (2 + 4 + 9) / 3", k);
    tape_free(&tape);
}
END_TEST

START_TEST(agrees_with_finite_differences)
{
    const double h = 1e-6;
    const double us[4] = {-2.0, -0.3, 0.7, 1.9}, vs[4] = {-1.5, -0.5, 0.6, 2.0};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            double u = us[i], v = vs[j], d_u, d_v;
            divide(u, v, &d_u, &d_v);
            assert_near(d_u, ((u + h) / v - (u - h) / v) / (2 * h), 1e-7,
                        "d(u/v)/du at u = %g, v = %g (compared with central differences)", u, v);
            assert_near(d_v, (u / (v + h) - u / (v - h)) / (2 * h), 1e-7,
                        "d(u/v)/dv at u = %g, v = %g (compared with central differences)", u, v);
        }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("div");
    tcase_add_test(tests, three_over_two_by_hand);
    tcase_add_test(tests, u_over_u_does_not_move);
    tcase_add_test(tests, a_mean_as_a_sum_over_a_count);
    tcase_add_test(tests, agrees_with_finite_differences);
    suite_add_tcase(suite, tests);
    return suite;
}
