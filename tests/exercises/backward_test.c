/*
 * Tests for ch08/backward.
 *
 * One point worked by hand: loss = (a·x + b − y)² at a = 2, x = 3, b = 1,
 * y = 4 has prediction 7, miss 3, loss 9, and by the chain rule
 * ∂loss/∂miss = 6, ∂loss/∂a = 6x = 18, ∂loss/∂x = 6a = 12, ∂loss/∂b = 6,
 * ∂loss/∂y = −6. Then the rules: a value used twice gets both shares; a
 * second call doubles the leaves' grads (not more: the computed nodes start
 * afresh); nodes recorded after the loss are not touched. Last, the MSE of
 * the notebook's data against chapter 03's gradient() (tested in tests/):
 * the same sum in another order, so 1e-12 relative.
 */
#include "backward.h"
#include "exercise_test.h"
#include "gradient.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch08/backward";

START_TEST(one_point_worked_by_hand)
{
    Tape tape = {0};
    Var a = tape_leaf(&tape, 2), x = tape_leaf(&tape, 3), b = tape_leaf(&tape, 1);
    Var y = tape_leaf(&tape, 4);
    Var prediction = tape_add(&tape, tape_mul(&tape, a, x), b);
    Var miss = tape_sub(&tape, prediction, y);
    Var loss = tape_square(&tape, miss);
    backward_pass(&tape, loss);
    const char *where = "for loss = (a*x + b - y)^2 at a = 2, x = 3, b = 1, y = 4";
    assert_near(tape_grad(&tape, loss), 1.0, 1e-12, "the loss's own grad %s", where);
    assert_near(tape_grad(&tape, miss), 6.0, 1e-12, "the grad of the miss %s", where);
    /* Walked from node 0 forwards, each node passes its grad on before the
     * loss, last on the tape, has given it any: only the miss gets 6. */
    const Mistake forwards[] = {
        {0.0, "0 is what walking the tape forwards gives: a node passes its grad to its "
              "inputs before the nodes after it (the loss among them) have added theirs; "
              "walk from the loss back to node 0"}};
    assert_near_or_mistakes(tape_grad(&tape, prediction), 6.0, 1e-12, forwards, 1,
                            "the grad of the prediction %s", where);
    assert_near(tape_grad(&tape, a), 18.0, 1e-12, "the grad of a %s", where);
    assert_near(tape_grad(&tape, x), 12.0, 1e-12, "the grad of x %s", where);
    assert_near(tape_grad(&tape, b), 6.0, 1e-12, "the grad of b %s", where);
    assert_near(tape_grad(&tape, y), -6.0, 1e-12, "the grad of y %s", where);
    tape_free(&tape);
}
END_TEST

START_TEST(a_value_used_twice_gets_both_shares)
{
    /* f = u·v + u at u = 3, v = 5: ∂f/∂u = v + 1 = 6, ∂f/∂v = u = 3. */
    Tape tape = {0};
    Var u = tape_leaf(&tape, 3), v = tape_leaf(&tape, 5);
    Var f = tape_add(&tape, tape_mul(&tape, u, v), u);
    backward_pass(&tape, f);
    assert_near(tape_grad(&tape, u), 6.0, 1e-12, "the grad of u for f = u*v + u at u = 3, v = 5");
    assert_near(tape_grad(&tape, v), 3.0, 1e-12, "the grad of v for f = u*v + u at u = 3, v = 5");
    tape_free(&tape);
}
END_TEST

START_TEST(leaves_add_up_and_computed_nodes_start_afresh)
{
    /* f = (u·v)² at u = 3, v = 5: ∂f/∂u = 2uv · v = 150 per call, and the
     * product's own grad 2uv = 30 each time, not 60. A node recorded after
     * f (g = f + u) is no part of f: its grad stays 0. */
    Tape tape = {0};
    Var u = tape_leaf(&tape, 3), v = tape_leaf(&tape, 5);
    Var product = tape_mul(&tape, u, v);
    Var f = tape_square(&tape, product);
    Var g = tape_add(&tape, f, u);
    backward_pass(&tape, f);
    backward_pass(&tape, f);
    assert_near(tape_grad(&tape, u), 300.0, 1e-12,
                "the grad of the leaf u after two calls for f = (u*v)^2 (150 each)");
    assert_near(tape_grad(&tape, product), 30.0, 1e-12,
                "the grad of the computed node u*v after two calls (30 each: cleared "
                "before each walk)");
    assert_near(tape_grad(&tape, g), 0.0, 1e-12,
                "the grad of a node recorded after the loss (it must not be touched)");
    tape_free(&tape);
}
END_TEST

START_TEST(a_loss_not_on_the_tape_changes_nothing)
{
    Tape tape = {0};
    Var u = tape_leaf(&tape, 3);
    Var f = tape_square(&tape, u);
    backward_pass(&tape, TAPE_NONE);
    tape_reset(&tape, 1);
    backward_pass(&tape, f); /* forgotten by the reset */
    assert_near(tape_grad(&tape, u), 0.0, 1e-12,
                "the grad of u after backward_pass() of TAPE_NONE and of a forgotten node");
    tape_free(&tape);
}
END_TEST

START_TEST(the_mse_of_the_notebook_data_matches_chapter_03)
{
    Dataset data = notebook_data(100, 42);
    const double at[2] = {-1.0, 1.0};
    Tape tape = {0};
    Var a[2] = {tape_leaf(&tape, at[0]), tape_leaf(&tape, at[1])};
    Var squares[100];
    for (size_t i = 0; i < data.n; i++) {
        Var a1_x1 = tape_mul(&tape, a[0], tape_leaf(&tape, data.x[2 * i]));
        Var a2_x2 = tape_mul(&tape, a[1], tape_leaf(&tape, data.x[2 * i + 1]));
        Var miss = tape_sub(&tape, tape_add(&tape, a1_x1, a2_x2), tape_leaf(&tape, data.y[i]));
        squares[i] = tape_square(&tape, miss);
    }
    backward_pass(&tape, tape_mean(&tape, squares, data.n));
    double expected[2];
    gradient(data.x, data.y, data.n, at, expected);
    for (int j = 0; j < 2; j++)
        assert_near(tape_grad(&tape, a[j]), expected[j], 1e-12 * fabs(expected[j]),
                    "dL/da%d of the MSE at a = (-1, 1) on the notebook's data (compared with "
                    "chapter 03's gradient())",
                    j + 1);
    tape_free(&tape);
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("backward");
    tcase_add_test(tests, one_point_worked_by_hand);
    tcase_add_test(tests, a_value_used_twice_gets_both_shares);
    tcase_add_test(tests, leaves_add_up_and_computed_nodes_start_afresh);
    tcase_add_test(tests, a_loss_not_on_the_tape_changes_nothing);
    tcase_add_test(tests, the_mse_of_the_notebook_data_matches_chapter_03);
    suite_add_tcase(suite, tests);
    return suite;
}
