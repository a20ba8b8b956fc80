/* Tests for code/tape.c: every operation's value and local derivatives
 * against plain C arithmetic and central finite differences; backward() on
 * cases worked by hand; the tape's gradient of the MSE against chapter 03's
 * gradient() (1e-12) and finite differences; training on the tape along
 * chapter 04's path; and the rules the chapter teaches: leaf grads add up
 * until zeroed, a reset keeps the parameters, a failed growth is sticky. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "gradient.h"
#include "loss.h"
#include "rng.h"
#include "sgd.h"
#include "suites.h"
#include "tape.h"

/* --- Each operation against finite differences ---------------------------- */

/* An operation of one or two inputs twice over: recorded on a tape, and as
 * plain C arithmetic that shares no code with the tape. */
typedef struct {
    const char *name;
    Var (*record)(Tape *tape, Var u, Var v);
    double (*plain)(double u, double v);
} Operation;

static Var record_add(Tape *t, Var u, Var v) { return tape_add(t, u, v); }
static Var record_sub(Tape *t, Var u, Var v) { return tape_sub(t, u, v); }
static Var record_mul(Tape *t, Var u, Var v) { return tape_mul(t, u, v); }
static Var record_square(Tape *t, Var u, Var v) { (void)v; return tape_square(t, u); }
static Var record_relu(Tape *t, Var u, Var v) { (void)v; return tape_relu(t, u); }
static Var record_tanh(Tape *t, Var u, Var v) { (void)v; return tape_tanh(t, u); }
static Var record_exp(Tape *t, Var u, Var v) { (void)v; return tape_exp(t, u); }
static Var record_log(Tape *t, Var u, Var v) /* ln(u² + v² + 1): log of a positive number */
{
    return tape_log(t, tape_add(t, tape_add(t, tape_square(t, u), tape_square(t, v)),
                                tape_leaf(t, 1.0)));
}
static Var record_mean(Tape *t, Var u, Var v) { return tape_mean(t, (Var[3]){u, v, u}, 3); }
static Var record_sum(Tape *t, Var u, Var v) { return tape_sum(t, (Var[3]){v, u, v}, 3); }

static double plain_add(double u, double v) { return u + v; }
static double plain_sub(double u, double v) { return u - v; }
static double plain_mul(double u, double v) { return u * v; }
static double plain_square(double u, double v) { (void)v; return u * u; }
static double plain_relu(double u, double v) { (void)v; return u > 0 ? u : 0; }
static double plain_tanh(double u, double v)
{
    (void)v;
    return (exp(2 * u) - 1) / (exp(2 * u) + 1); /* the definition, not tanh() */
}
static double plain_exp(double u, double v) { (void)v; return exp(u); }
static double plain_log(double u, double v) { return log(u * u + v * v + 1); }
static double plain_mean(double u, double v) { return (u + v + u) / 3; }
static double plain_sum(double u, double v) { return v + u + v; }

static const Operation OPERATIONS[] = {
    {"add", record_add, plain_add},          {"sub", record_sub, plain_sub},
    {"mul", record_mul, plain_mul},          {"square", record_square, plain_square},
    {"relu", record_relu, plain_relu},       {"tanh", record_tanh, plain_tanh},
    {"exp", record_exp, plain_exp},          {"log of u² + v² + 1", record_log, plain_log},
    {"mean of u, v, u", record_mean, plain_mean}, {"sum of v, u, v", record_sum, plain_sum},
};

START_TEST(every_operation_matches_arithmetic_and_finite_differences)
{
    /* Central differences with h = 1e-6 err by about h² f''' (≤ 1e-11 for
     * these smooth functions at |u|, |v| ≤ 2) plus rounding, 1e-16 / h:
     * 1e-8 leaves a wide margin. The relu points keep 0.1 away from its kink. */
    const double h = 1e-6;
    Rng rng = rng_seeded(8);
    for (size_t k = 0; k < sizeof OPERATIONS / sizeof OPERATIONS[0]; k++) {
        const Operation *op = &OPERATIONS[k];
        for (int trial = 0; trial < 25; trial++) {
            double u = rng_uniform_between(&rng, -2, 2), v = rng_uniform_between(&rng, -2, 2);
            if (fabs(u) < 0.1)
                u = 0.5;
            Tape tape = {0};
            Var leaf_u = tape_leaf(&tape, u), leaf_v = tape_leaf(&tape, v);
            Var out = op->record(&tape, leaf_u, leaf_v);
            tape_backward(&tape, out);
            ck_assert_int_eq(tape_check(&tape, NULL), STATUS_OK);
            double value = tape_value(&tape, out), expected = op->plain(u, v);
            ck_assert_msg(fabs(value - expected) <= 1e-15 * (1 + fabs(expected)),
                          "%s(%g, %g) = %.17g, not %.17g", op->name, u, v, value, expected);
            double du = (op->plain(u + h, v) - op->plain(u - h, v)) / (2 * h);
            double dv = (op->plain(u, v + h) - op->plain(u, v - h)) / (2 * h);
            ck_assert_msg(fabs(tape_grad(&tape, leaf_u) - du) <= 1e-8,
                          "d%s/du at (%g, %g): tape %.12g, differences %.12g", op->name, u, v,
                          tape_grad(&tape, leaf_u), du);
            ck_assert_msg(fabs(tape_grad(&tape, leaf_v) - dv) <= 1e-8,
                          "d%s/dv at (%g, %g): tape %.12g, differences %.12g", op->name, u, v,
                          tape_grad(&tape, leaf_v), dv);
            tape_free(&tape);
        }
    }
}
END_TEST

START_TEST(relu_and_tanh_local_derivatives_by_hand)
{
    /* relu: slope 1 right of 0, 0 left of it and at 0 (PyTorch's choice).
     * tanh(0) = 0 with slope 1; tanh(ln 2) = (4 − 1)/(4 + 1) = 0.6, slope
     * 1 − 0.36 = 0.64. */
    Tape tape = {0};
    const double inputs[3] = {-1.5, 0.0, 2.5}, slopes[3] = {0, 0, 1};
    for (int k = 0; k < 3; k++) {
        Var u = tape_leaf(&tape, inputs[k]);
        Var r = tape_relu(&tape, u);
        tape_backward(&tape, r);
        ck_assert_double_eq(tape_value(&tape, r), inputs[k] > 0 ? inputs[k] : 0.0);
        ck_assert_double_eq(tape_grad(&tape, u), slopes[k]);
    }
    Var zero = tape_leaf(&tape, 0.0), ln2 = tape_leaf(&tape, log(2.0));
    Var t0 = tape_tanh(&tape, zero), t1 = tape_tanh(&tape, ln2);
    tape_backward(&tape, t0);
    tape_backward(&tape, t1);
    ck_assert_double_eq(tape_value(&tape, t0), 0.0);
    ck_assert_double_eq(tape_grad(&tape, zero), 1.0);
    ck_assert_double_eq_tol(tape_value(&tape, t1), 0.6, 1e-15);
    ck_assert_double_eq_tol(tape_grad(&tape, ln2), 0.64, 1e-15);
    tape_free(&tape);
}
END_TEST

/* --- backward() by hand ----------------------------------------------------- */

START_TEST(backward_of_one_point_worked_by_hand)
{
    /* loss = (a·x + b − y)² at a = 2, x = 3, b = 1, y = 4: the prediction
     * is 7, the miss 3, the loss 9. Chain rule: ∂loss/∂miss = 2·3 = 6, so
     * ∂loss/∂a = 6x = 18, ∂loss/∂x = 6a = 12, ∂loss/∂b = 6, ∂loss/∂y = −6. */
    Tape tape = {0};
    Var a = tape_leaf(&tape, 2), x = tape_leaf(&tape, 3), b = tape_leaf(&tape, 1);
    Var y = tape_leaf(&tape, 4);
    Var prediction = tape_add(&tape, tape_mul(&tape, a, x), b);
    Var loss = tape_square(&tape, tape_sub(&tape, prediction, y));
    tape_backward(&tape, loss);
    ck_assert_double_eq(tape_value(&tape, prediction), 7);
    ck_assert_double_eq(tape_value(&tape, loss), 9);
    ck_assert_double_eq(tape_grad(&tape, loss), 1);
    ck_assert_double_eq(tape_grad(&tape, prediction), 6);
    ck_assert_double_eq(tape_grad(&tape, a), 18);
    ck_assert_double_eq(tape_grad(&tape, x), 12);
    ck_assert_double_eq(tape_grad(&tape, b), 6);
    ck_assert_double_eq(tape_grad(&tape, y), -6);
    ck_assert_uint_eq(tape_size(&tape), 8);
    tape_free(&tape);
}
END_TEST

START_TEST(a_value_used_twice_gets_both_shares)
{
    /* u·u and u + u at u = 3: ∂/∂u is 2u = 6 and 2, a share from each use.
     * And f = u·v + u at u = 3, v = 5: ∂f/∂u = v + 1 = 6, ∂f/∂v = u = 3. */
    Tape tape = {0};
    Var u = tape_leaf(&tape, 3);
    tape_backward(&tape, tape_mul(&tape, u, u));
    ck_assert_double_eq(tape_grad(&tape, u), 6);
    tape_zero_grad(&tape, u);
    tape_backward(&tape, tape_add(&tape, u, u));
    ck_assert_double_eq(tape_grad(&tape, u), 2);
    tape_zero_grad(&tape, u);
    Var v = tape_leaf(&tape, 5);
    tape_backward(&tape, tape_add(&tape, tape_mul(&tape, u, v), u));
    ck_assert_double_eq(tape_grad(&tape, u), 6);
    ck_assert_double_eq(tape_grad(&tape, v), 3);
    tape_free(&tape);
}
END_TEST

START_TEST(sum_and_mean_of_few_terms)
{
    /* The sum of nothing is a new leaf 0; of one term, that term itself
     * (no node); the mean of 2, 4, 9 is 5 with ∂/∂term = 1/3 each. */
    Tape tape = {0};
    Var empty = tape_sum(&tape, NULL, 0);
    ck_assert_double_eq(tape_value(&tape, empty), 0);
    Var u = tape_leaf(&tape, 2);
    size_t size = tape_size(&tape);
    ck_assert_uint_eq(tape_sum(&tape, &u, 1).id, u.id);
    ck_assert_uint_eq(tape_size(&tape), size);
    Var terms[3] = {u, tape_leaf(&tape, 4), tape_leaf(&tape, 9)};
    Var mean = tape_mean(&tape, terms, 3);
    tape_backward(&tape, mean);
    ck_assert_double_eq(tape_value(&tape, mean), 5);
    for (int k = 0; k < 3; k++)
        ck_assert_double_eq_tol(tape_grad(&tape, terms[k]), 1.0 / 3.0, 1e-16);
    tape_free(&tape);
}
END_TEST

START_TEST(a_longer_formula_against_finite_differences)
{
    /* f = tanh(relu(u·v − w)² + mean(u, v, w)) at random points; each
     * partial derivative against central differences of the same formula
     * in plain C, as in every_operation_matches_…. */
    const double h = 1e-6;
    Rng rng = rng_seeded(31);
    for (int trial = 0; trial < 50; trial++) {
        double p[3];
        for (int k = 0; k < 3; k++)
            p[k] = rng_uniform_between(&rng, -1.5, 1.5);
        Tape tape = {0};
        Var in[3] = {tape_leaf(&tape, p[0]), tape_leaf(&tape, p[1]), tape_leaf(&tape, p[2])};
        Var r = tape_relu(&tape, tape_sub(&tape, tape_mul(&tape, in[0], in[1]), in[2]));
        Var f = tape_tanh(&tape, tape_add(&tape, tape_square(&tape, r), tape_mean(&tape, in, 3)));
        tape_backward(&tape, f);
        for (int k = 0; k < 3; k++) {
            double up[3] = {p[0], p[1], p[2]}, down[3] = {p[0], p[1], p[2]};
            up[k] += h;
            down[k] -= h;
            double r_up = fmax(up[0] * up[1] - up[2], 0);
            double r_down = fmax(down[0] * down[1] - down[2], 0);
            double f_up = tanh(r_up * r_up + (up[0] + up[1] + up[2]) / 3);
            double f_down = tanh(r_down * r_down + (down[0] + down[1] + down[2]) / 3);
            double expected = (f_up - f_down) / (2 * h);
            ck_assert_msg(fabs(tape_grad(&tape, in[k]) - expected) <= 1e-7,
                          "df/dp%d: tape %.12g, differences %.12g", k, tape_grad(&tape, in[k]),
                          expected);
        }
        tape_free(&tape);
    }
}
END_TEST

/* --- The MSE of a line, as the chapter records it ----------------------- */

/* Records mean((a1·x1 + a2·x2 − y)²) on tape, whose first two nodes are a.
 * x: n×2, y: n, squares: room for n */
static Var record_line_mse(Tape *tape, const Var a[2], const Dataset *data, Var *squares)
{
    for (size_t i = 0; i < data->n; i++) {
        Var a1_x1 = tape_mul(tape, a[0], tape_leaf(tape, data->x[2 * i]));
        Var a2_x2 = tape_mul(tape, a[1], tape_leaf(tape, data->x[2 * i + 1]));
        Var miss = tape_sub(tape, tape_add(tape, a1_x1, a2_x2), tape_leaf(tape, data->y[i]));
        squares[i] = tape_square(tape, miss);
    }
    return tape_mean(tape, squares, data->n);
}

START_TEST(the_tape_gradient_is_chapter_03s_gradient)
{
    /* The same sum in another order: the two agree to rounding, a few
     * parts in 1e16 of the largest term; 1e-12 relative is a wide margin.
     * Against central differences (exact for a quadratic but for rounding,
     * see tests/test_gradient.c): 1e-6. */
    Rng rng = rng_seeded(2025);
    for (int trial = 0; trial < 20; trial++) {
        const double a_true[2] = {rng_uniform_between(&rng, -5, 5),
                                  rng_uniform_between(&rng, -5, 5)};
        Dataset data;
        ck_assert_int_eq(data_synthetic(&data, 10 + 37 * (size_t)trial, a_true, &rng, NULL),
                         STATUS_OK);
        double a_values[2] = {rng_normal(&rng) * 3, rng_normal(&rng) * 3};
        Tape tape = {0};
        Var a[2] = {tape_leaf(&tape, a_values[0]), tape_leaf(&tape, a_values[1])};
        Var *squares = malloc(data.n * sizeof *squares);
        ck_assert_ptr_nonnull(squares);
        Var loss = record_line_mse(&tape, a, &data, squares);
        tape_backward(&tape, loss);
        ck_assert_int_eq(tape_check(&tape, NULL), STATUS_OK);
        double by_tape[2] = {tape_grad(&tape, a[0]), tape_grad(&tape, a[1])};
        double by_hand[2], by_differences[2];
        gradient(data.x, data.y, data.n, a_values, by_hand);
        gradient_numeric(data.x, data.y, data.n, a_values, 1e-5, by_differences);
        ck_assert_double_le(relative_difference(by_tape, by_hand), 1e-12);
        ck_assert_double_le(relative_difference(by_tape, by_differences), 1e-6);
        /* 8 nodes per point, n for the mean (n − 1 additions and the mean)
         * and the 2 for a. */
        ck_assert_uint_eq(tape_size(&tape), 9 * data.n + 2);
        free(squares);
        tape_free(&tape);
        data_free(&data);
    }
}
END_TEST

START_TEST(training_on_the_tape_follows_chapter_04s_path)
{
    /* 100 steps of the notebook's update() on the tape, next to chapter 04's
     * sgd_update(). Each step of gradient descent at lr = 0.1 shrinks the
     * difference between two paths, so rounding cannot pile up: 1e-12
     * relative at every step. The loss is the same sum as loss_of()'s, in
     * the same order (0 + m0² + m1² + …, over n), so it is equal exactly. */
    Dataset data;
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    Tape tape = {0};
    Var a[2] = {tape_leaf(&tape, -1), tape_leaf(&tape, 1)};
    Var squares[100];
    double reference[2] = {-1, 1};
    for (int t = 0; t < 100; t++) {
        tape_reset(&tape, 2);
        Var loss = record_line_mse(&tape, a, &data, squares);
        double current[2] = {tape_value(&tape, a[0]), tape_value(&tape, a[1])};
        ck_assert_double_eq(tape_value(&tape, loss), loss_of(data.x, data.y, data.n, current));
        tape_backward(&tape, loss);
        for (int j = 0; j < 2; j++) {
            tape_set_value(&tape, a[j], tape_value(&tape, a[j]) - 0.1 * tape_grad(&tape, a[j]));
            tape_zero_grad(&tape, a[j]);
        }
        sgd_update(data.x, data.y, data.n, reference, 0.1);
        double after[2] = {tape_value(&tape, a[0]), tape_value(&tape, a[1])};
        ck_assert_msg(relative_difference(after, reference) <= 1e-12, "step %d: [%.17g, %.17g]", t,
                      after[0], after[1]);
    }
    ck_assert_int_eq(tape_check(&tape, NULL), STATUS_OK);
    tape_free(&tape);
    data_free(&data);
}
END_TEST

/* --- The rules: accumulation, zeroing, resetting, failing ----------------- */

START_TEST(leaf_grads_add_up_until_zeroed)
{
    /* f = u·v at u = 3, v = 5: ∂f/∂u = 5 and ∂f/∂v = 3 per backward(). */
    Tape tape = {0};
    Var u = tape_leaf(&tape, 3), v = tape_leaf(&tape, 5);
    Var f = tape_mul(&tape, u, v);
    Var g = tape_add(&tape, f, v); /* above f on the tape, not used by it */
    tape_backward(&tape, f);
    ck_assert_double_eq(tape_grad(&tape, u), 5);
    tape_backward(&tape, f);
    ck_assert_double_eq(tape_grad(&tape, u), 10); /* twice, not three times */
    ck_assert_double_eq(tape_grad(&tape, v), 6);
    ck_assert_double_eq(tape_grad(&tape, f), 1); /* a computed node starts afresh */
    ck_assert_double_eq(tape_grad(&tape, g), 0); /* above the loss: not visited */
    tape_zero_grad(&tape, u);
    tape_zero_grad(&tape, v);
    tape_backward(&tape, f);
    ck_assert_double_eq(tape_grad(&tape, u), 5);
    ck_assert_double_eq(tape_grad(&tape, v), 3);
    tape_free(&tape);
}
END_TEST

START_TEST(reset_keeps_the_parameters_and_forgets_the_rest)
{
    Tape tape = {0};
    Var a = tape_leaf(&tape, 2);
    tape_backward(&tape, tape_square(&tape, a)); /* ∂(a²)/∂a = 4 */
    for (int k = 0; k < 1000; k++)
        tape_leaf(&tape, k);
    size_t capacity = tape.capacity;
    tape_reset(&tape, 1);
    ck_assert_uint_eq(tape_size(&tape), 1);
    ck_assert_uint_eq(tape.capacity, capacity); /* the memory is kept for the next step */
    ck_assert_double_eq(tape_value(&tape, a), 2);
    ck_assert_double_eq(tape_grad(&tape, a), 4);
    Var gone = {5};
    ck_assert(isnan(tape_value(&tape, gone)));
    tape_reset(&tape, 10); /* keeping more than there is changes nothing */
    ck_assert_uint_eq(tape_size(&tape), 1);
    tape_free(&tape);
    ck_assert_uint_eq(tape_size(&tape), 0);
    ck_assert_ptr_null(tape.nodes);
}
END_TEST

START_TEST(set_value_changes_leaves_only)
{
    Tape tape = {0};
    Var a = tape_leaf(&tape, 2);
    Var twice = tape_add(&tape, a, a);
    tape_set_value(&tape, a, 7);
    tape_set_value(&tape, twice, 100); /* refused: it must stay a + a as recorded */
    tape_set_value(&tape, TAPE_NONE, 1);
    ck_assert_double_eq(tape_value(&tape, a), 7);
    ck_assert_double_eq(tape_value(&tape, twice), 4);
    tape_free(&tape);
}
END_TEST

START_TEST(a_failed_growth_is_sticky_and_checked_once)
{
    /* A tape that claims to be full at the largest size its count can
     * describe: the next growth would overflow size_t, so it fails like a
     * refused realloc, through the same path. */
    Tape tape = {0};
    tape.count = tape.capacity = SIZE_MAX / sizeof(TapeNode);
    Var u = tape_leaf(&tape, 1);
    ck_assert_uint_eq(u.id, TAPE_NONE.id);
    ck_assert(tape.out_of_memory);
    Error err;
    ck_assert_int_eq(tape_check(&tape, &err), STATUS_NO_MEMORY);
    ck_assert_ptr_nonnull(strstr(err.message, "out of memory"));

    /* An empty tape that has failed stays failed: nothing more is recorded,
     * every Var it hands out reads as NaN, and backward() does nothing. */
    tape = (Tape){.out_of_memory = true};
    Var v = tape_leaf(&tape, 2);
    Var w = tape_mul(&tape, v, tape_leaf(&tape, 3));
    ck_assert_uint_eq(tape_size(&tape), 0);
    ck_assert(isnan(tape_value(&tape, w)) && isnan(tape_grad(&tape, w)));
    tape_backward(&tape, w);
    ck_assert_int_eq(tape_check(&tape, NULL), STATUS_NO_MEMORY);
    tape_free(&tape);
    ck_assert(!tape.out_of_memory); /* a freed tape may record again */
}
END_TEST

START_TEST(an_op_on_a_forgotten_var_records_nothing)
{
    Tape tape = {0};
    Var a = tape_leaf(&tape, 1);
    Var old = tape_leaf(&tape, 2);
    tape_reset(&tape, 1);
    Var sum = tape_add(&tape, a, old); /* old was forgotten */
    ck_assert_uint_eq(sum.id, TAPE_NONE.id);
    ck_assert_uint_eq(tape_size(&tape), 1);
    tape_free(&tape);
}
END_TEST

Suite *tape_suite(void)
{
    Suite *suite = suite_create("tape");
    TCase *tc = tcase_create("tape");
    tcase_add_test(tc, every_operation_matches_arithmetic_and_finite_differences);
    tcase_add_test(tc, relu_and_tanh_local_derivatives_by_hand);
    tcase_add_test(tc, backward_of_one_point_worked_by_hand);
    tcase_add_test(tc, a_value_used_twice_gets_both_shares);
    tcase_add_test(tc, sum_and_mean_of_few_terms);
    tcase_add_test(tc, a_longer_formula_against_finite_differences);
    tcase_add_test(tc, the_tape_gradient_is_chapter_03s_gradient);
    tcase_add_test(tc, training_on_the_tape_follows_chapter_04s_path);
    tcase_add_test(tc, leaf_grads_add_up_until_zeroed);
    tcase_add_test(tc, reset_keeps_the_parameters_and_forgets_the_rest);
    tcase_add_test(tc, set_value_changes_leaves_only);
    tcase_add_test(tc, a_failed_growth_is_sticky_and_checked_once);
    tcase_add_test(tc, an_op_on_a_forgotten_var_records_nothing);
    suite_add_tcase(suite, tc);
    return suite;
}
