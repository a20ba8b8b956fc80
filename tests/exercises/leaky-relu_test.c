/*
 * Tests for ch10/leaky-relu.
 *
 * Worked by hand with slope 0.01: leaky(2) = 2 with slope 1; leaky(-3) =
 * -0.03 with slope 0.01; leaky(0) = 0 with slope 0.01. With slope 0 it is
 * relu, and must agree with the library's tape_relu(). Central differences
 * away from the kink (h = 1e-6; the function is straight on each side, so
 * only rounding, about 1e-10, separates them). Then what it is for: a unit
 * whose input is below 0 at every point gets no gradient through relu, and
 * a gradient of slope times relu's missing share through leaky(): here
 * y_hat = w2·leaky(w1·x + b1) at w1 = 1, b1 = -2, w2 = 3, x = 0.5, y = 1 has
 * z = -1.5, y_hat = -0.045, and d(y_hat − y)²/db1 = 2(−1.045)·3·0.01.
 */
#include "exercise_test.h"
#include "leaky-relu.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch10/leaky-relu";

/* Records leaky(u) on a fresh tape, checks its node, runs backward() and
 * returns the value; *local gets the slope. */
static double leaky_and_slope(double u_value, double slope, double *local)
{
    Tape tape = {0};
    Var u = tape_leaf(&tape, u_value);
    exercise_case("tape_leaky_relu(u) with u = %g, slope %g", u_value, slope);
    Var l = tape_leaky_relu(&tape, u, slope);
    ck_assert_msg(l.id < tape_size(&tape),
                  "tape_leaky_relu(u) with u = %g returned no node on the tape (TAPE_NONE?)",
                  u_value);
    ck_assert_msg(tape_size(&tape) == 2,
                  "tape_leaky_relu(u) should add exactly one node, but the tape went from 1 "
                  "node to %zu",
                  tape_size(&tape));
    const TapeNode *node = &tape.nodes[l.id];
    ck_assert_msg(node->arity == 1 && node->input[0] == u.id,
                  "the node of tape_leaky_relu(u) should have one input, u");
    ck_assert_msg(node->op != NULL && strcmp(node->op, "leaky_relu") == 0,
                  "the node of tape_leaky_relu(u) should be named \"leaky_relu\", not \"%s\"",
                  node->op != NULL ? node->op : "(null)");
    tape_backward(&tape, l);
    double value = tape_value(&tape, l);
    *local = tape_grad(&tape, u);
    tape_free(&tape);
    return value;
}

START_TEST(three_points_by_hand)
{
    double local;
    assert_near(leaky_and_slope(2.0, 0.01, &local), 2.0, 0.0, "leaky(2) with slope 0.01");
    assert_near(local, 1.0, 0.0, "d leaky/du at u = 2");
    assert_near(leaky_and_slope(-3.0, 0.01, &local), -0.03, 1e-15, "leaky(-3) with slope 0.01");
    assert_near_or_mistake(local, 0.01, 0.0, 0.0,
                           "below 0 the slope is slope, not 0: that is the point of the leak",
                           "d leaky/du at u = -3 with slope 0.01");
    assert_near(leaky_and_slope(0.0, 0.01, &local), 0.0, 0.0, "leaky(0)");
    assert_near_or_mistake(local, 0.01, 0.0, 1.0,
                           "at u = 0 take slope, as tape_relu() takes 0 there (test u > 0)",
                           "d leaky/du at u = 0 with slope 0.01");
}
END_TEST

START_TEST(slope_0_is_relu)
{
    for (double u = -2.0; u <= 2.0; u += 0.5) {
        Tape tape = {0};
        Var v = tape_leaf(&tape, u);
        Var r = tape_relu(&tape, v);
        tape_backward(&tape, r);
        double relu = tape_value(&tape, r), relu_slope = tape_grad(&tape, v), local;
        tape_free(&tape);
        assert_near(leaky_and_slope(u, 0.0, &local), relu, 0.0, "leaky(%g) with slope 0", u);
        assert_near(local, relu_slope, 0.0, "d leaky/du at u = %g with slope 0", u);
    }
}
END_TEST

START_TEST(agrees_with_finite_differences)
{
    const double h = 1e-6, slope = 0.2;
    for (double u = -1.95; u <= 2.0; u += 0.3) {
        double local;
        leaky_and_slope(u, slope, &local);
        double up = u + h > 0 ? u + h : slope * (u + h);
        double down = u - h > 0 ? u - h : slope * (u - h);
        assert_near(local, (up - down) / (2 * h), 1e-8,
                    "d leaky/du at u = %g, slope 0.2 (compared with central differences)", u);
    }
}
END_TEST

START_TEST(a_unit_below_zero_still_learns)
{
    Tape tape = {0};
    Var w1 = tape_leaf(&tape, 1), b1 = tape_leaf(&tape, -2), w2 = tape_leaf(&tape, 3);
    Var z = tape_add(&tape, tape_mul(&tape, w1, tape_leaf(&tape, 0.5)), b1);
    exercise_case("tape_leaky_relu inside a unit w2*leaky(w1*x + b1)");
    Var y_hat = tape_mul(&tape, w2, tape_leaky_relu(&tape, z, 0.01));
    Var loss = tape_square(&tape, tape_sub(&tape, y_hat, tape_leaf(&tape, 1)));
    tape_backward(&tape, loss);
    assert_near(tape_value(&tape, y_hat), -0.045, 1e-15, "y_hat = 3*leaky(0.5 - 2)");
    assert_near(tape_grad(&tape, b1), 2 * -1.045 * 3 * 0.01, 1e-15,
                "d loss/d b1 of a unit below 0 (relu would give 0)");
    tape_free(&tape);
}
END_TEST

START_TEST(a_full_tape_stays_full)
{
    Tape tape = {.out_of_memory = true};
    exercise_case("tape_leaky_relu(TAPE_NONE)");
    Var l = tape_leaky_relu(&tape, TAPE_NONE, 0.01);
    ck_assert_msg(l.id == TAPE_NONE.id && tape_size(&tape) == 0,
                  "tape_leaky_relu(TAPE_NONE) should return TAPE_NONE and record nothing");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("leaky relu");
    tcase_add_test(tests, three_points_by_hand);
    tcase_add_test(tests, slope_0_is_relu);
    tcase_add_test(tests, agrees_with_finite_differences);
    tcase_add_test(tests, a_unit_below_zero_still_learns);
    tcase_add_test(tests, a_full_tape_stays_full);
    suite_add_tcase(suite, tests);
    return suite;
}
