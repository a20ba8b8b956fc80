/*
 * Tests for ch08/tape-sigmoid.
 *
 * Worked by hand: σ(0) = 1/2 with slope 1/4, and σ(ln 3) = 3/4 with slope
 * (3/4)(1/4) = 3/16. Central differences of the closed form, h = 1e-6:
 * their error, about h² σ''' / 6 plus rounding 1e-16 / h, stays under 1e-9.
 * Then the point of the exercise: a loss no chapter derived, the mean of
 * σ(miss) over the notebook's points, recorded on the tape and walked back
 * by the library's tape_backward(), unchanged, against central differences
 * of that loss written out here (1e-8: the same errors, summed).
 */
#include "exercise_test.h"
#include "tape-sigmoid.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch08/tape-sigmoid";

static double sigmoid(double u)
{
    return 1.0 / (1.0 + exp(-u));
}

/* Records σ(u) on a fresh tape, checks that it made one "sigmoid" node
 * with input u, runs backward() and returns the value; *slope gets dσ/du. */
static double sigmoid_and_slope(double u_value, double *slope)
{
    Tape tape = {0};
    Var u = tape_leaf(&tape, u_value);
    exercise_case("tape_sigmoid(u) with u = %g", u_value);
    Var s = tape_sigmoid(&tape, u);
    ck_assert_msg(s.id < tape_size(&tape) && tape_size(&tape) == 2,
                  "tape_sigmoid(u) with u = %g should add one node to the tape and return "
                  "it; the tape went from 1 node to %zu",
                  u_value, tape_size(&tape));
    const TapeNode *node = &tape.nodes[s.id];
    ck_assert_msg(node->arity == 1 && node->input[0] == u.id && node->op != NULL &&
                      strcmp(node->op, "sigmoid") == 0,
                  "the node of tape_sigmoid(u) should be named \"sigmoid\" with one input, u");
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
    assert_near(slope, 0.25, 1e-15, "dσ/du at u = 0, after backward(),");
    assert_near(sigmoid_and_slope(log(3.0), &slope), 0.75, 1e-15,
                "the value of tape_sigmoid at u = ln 3");
    assert_near(slope, 3.0 / 16.0, 1e-15, "dσ/du at u = ln 3, after backward(),");
}
END_TEST

START_TEST(agrees_with_finite_differences)
{
    const double h = 1e-6;
    for (double u = -4.0; u <= 4.0; u += 0.5) {
        double slope;
        sigmoid_and_slope(u, &slope);
        assert_near(slope, (sigmoid(u + h) - sigmoid(u - h)) / (2 * h), 1e-9,
                    "dσ/du at u = %g (compared with central differences of σ)", u);
    }
}
END_TEST

/* The mean of σ(a1 x1 + a2 − y) over the data, written out. a: 2 */
static double mean_sigmoid_of_misses(const Dataset *data, const double a[2])
{
    double sum = 0.0;
    for (size_t i = 0; i < data->n; i++)
        sum += sigmoid(a[0] * data->x[2 * i] + a[1] - data->y[i]);
    return sum / (double)data->n;
}

START_TEST(backward_differentiates_a_loss_no_chapter_derived)
{
    Dataset data = notebook_data(100, 42);
    const double at[2] = {-1.0, 1.0}, h = 1e-6;
    Tape tape = {0};
    Var a[2] = {tape_leaf(&tape, at[0]), tape_leaf(&tape, at[1])};
    Var terms[100];
    exercise_case("the mean of tape_sigmoid(miss) over the notebook's n = 100 points");
    for (size_t i = 0; i < data.n; i++) {
        Var a1_x1 = tape_mul(&tape, a[0], tape_leaf(&tape, data.x[2 * i]));
        Var y_hat = tape_add(&tape, a1_x1, a[1]);
        terms[i] = tape_sigmoid(&tape, tape_sub(&tape, y_hat, tape_leaf(&tape, data.y[i])));
    }
    Var loss = tape_mean(&tape, terms, data.n);
    tape_backward(&tape, loss);
    assert_near(tape_value(&tape, loss), mean_sigmoid_of_misses(&data, at), 1e-12,
                "the mean of σ(miss) at a = (-1, 1)");
    for (int j = 0; j < 2; j++) {
        double up[2] = {at[0], at[1]}, down[2] = {at[0], at[1]};
        up[j] += h;
        down[j] -= h;
        double slope =
            (mean_sigmoid_of_misses(&data, up) - mean_sigmoid_of_misses(&data, down)) / (2 * h);
        assert_near(tape_grad(&tape, a[j]), slope, 1e-8,
                    "d/da%d of the mean of σ(miss) at a = (-1, 1), by backward() (compared "
                    "with central differences)",
                    j + 1);
    }
    tape_free(&tape);
    data_free(&data);
}
END_TEST

START_TEST(a_full_tape_stays_full)
{
    Tape tape = {.out_of_memory = true};
    exercise_case("tape_sigmoid(TAPE_NONE) on a tape that ran out of memory");
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
    tcase_add_test(tests, backward_differentiates_a_loss_no_chapter_derived);
    tcase_add_test(tests, a_full_tape_stays_full);
    suite_add_tcase(suite, tests);
    return suite;
}
