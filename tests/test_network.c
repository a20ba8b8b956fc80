/* Tests for code/network.c: the layout of the parameters; a small network
 * worked by hand; the tape's gradient of every parameter against finite
 * differences; one identity unit against chapter 03's gradient of a line;
 * the tape and the plain forward pass agreeing to the last bit; why equal
 * starting values stay equal; the random start and the chapter's data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "gradient.h"
#include "loss.h"
#include "bent.h"
#include "network.h"
#include "suites.h"

/* Records the loss of network net with parameters a on data and walks the
 * tape back; returns the loss and fills grad (P). */
static double tape_loss_and_grad(const Network *net, const double *a, const Dataset *data,
                                 double *grad)
{
    NetworkTape recorder;
    ck_assert_int_eq(network_tape_init(&recorder, net, data->n, NULL), STATUS_OK);
    Var loss = network_record_loss(&recorder, a, data);
    ck_assert_int_eq(tape_check(&recorder.tape, NULL), STATUS_OK);
    tape_backward(&recorder.tape, loss);
    network_read_grad(&recorder, grad);
    double value = tape_value(&recorder.tape, loss);
    network_tape_free(&recorder);
    return value;
}

/* n points with x1 uniform on [-1, 1) and y uniform on [-2, 2). */
static Dataset random_data(size_t n, Rng *rng)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, n, NULL), STATUS_OK);
    for (size_t i = 0; i < n; i++) {
        data.x[2 * i] = rng_uniform_between(rng, -1.0, 1.0);
        data.y[i] = rng_uniform_between(rng, -2.0, 2.0);
    }
    return data;
}

START_TEST(each_parameter_has_its_place)
{
    /* H = 3: a = [w1_1 w1_2 w1_3, b1_1 b1_2 b1_3, w2_1 w2_2 w2_3, b2]. */
    Network net = {3, ACTIVATION_RELU};
    ck_assert_uint_eq(network_size(&net), 10);
    ck_assert_uint_eq(network_w1(&net, 0), 0);
    ck_assert_uint_eq(network_w1(&net, 2), 2);
    ck_assert_uint_eq(network_b1(&net, 0), 3);
    ck_assert_uint_eq(network_w2(&net, 1), 7);
    ck_assert_uint_eq(network_b2(&net), 9);
}
END_TEST

START_TEST(a_small_network_worked_by_hand)
{
    /* H = 2, relu: w1 = (1, -2), b1 = (0.5, 1), w2 = (2, 3), b2 = -1.
     * At x = 1: z = (1.5, -1), relu = (1.5, 0), y_hat = -1 + 2*1.5 + 0 = 2.
     * At x = -1: z = (-0.5, 3), relu = (0, 3), y_hat = -1 + 0 + 3*3 = 8.
     * One point (1, 3): miss = -1, loss = 1, dloss/dy_hat = 2*miss = -2, so
     * db2 = -2, dw2 = -2 * relu = (-3, 0), dz = -2 * w2 * relu' = (-4, 0),
     * dw1 = dz * x = (-4, 0), db1 = dz = (-4, 0): unit 2 is off, and gets 0. */
    Network net = {2, ACTIVATION_RELU};
    const double a[7] = {1, -2, 0.5, 1, 2, 3, -1};
    ck_assert_double_eq(network_predict(&net, a, 1.0), 2.0);
    ck_assert_double_eq(network_predict(&net, a, -1.0), 8.0);
    ck_assert_double_eq(network_unit(&net, a, 1, -1.0), 9.0);
    Dataset point;
    ck_assert_int_eq(data_allocate(&point, 1, NULL), STATUS_OK);
    point.x[0] = 1.0;
    point.y[0] = 3.0;
    double grad[7];
    ck_assert_double_eq(tape_loss_and_grad(&net, a, &point, grad), 1.0);
    const double expected[7] = {-4, 0, -4, 0, -3, 0, -2};
    for (int k = 0; k < 7; k++)
        ck_assert_msg(grad[k] == expected[k], "grad[%d] = %g, expected %g", k, grad[k],
                      expected[k]);
    data_free(&point);
}
END_TEST

/* Central differences of network_loss_of(), which knows no calculus:
 * (L(a + h e_k) − L(a − h e_k)) / 2h. a: P (restored), grad: P */
static void numeric_grad(const Network *net, double *a, const Dataset *data, double h,
                         double *grad)
{
    for (size_t k = 0; k < network_size(net); k++) {
        double saved = a[k];
        a[k] = saved + h;
        double up = network_loss_of(net, a, data);
        a[k] = saved - h;
        double down = network_loss_of(net, a, data);
        a[k] = saved;
        grad[k] = (up - down) / (2.0 * h);
    }
}

/* The smallest |w1_j x_i + b1_j| over units and points: how near a point
 * sits to a kink of relu, where the loss has no derivative. a: P */
static double nearest_kink(const Network *net, const double *a, const Dataset *data)
{
    double nearest = INFINITY;
    for (size_t j = 0; j < net->hidden; j++)
        for (size_t i = 0; i < data->n; i++)
            nearest = fmin(nearest, fabs(a[network_w1(net, j)] * data->x[2 * i] +
                                         a[network_b1(net, j)]));
    return nearest;
}

START_TEST(the_tape_agrees_with_finite_differences_for_every_parameter)
{
    /* Central differences with h = 1e-6 err by about h² times the third
     * derivative (1e-12 here) plus rounding, 1e-16 * loss / h (about 1e-10):
     * 1e-7 is far above both, and far below any real mistake. ReLU has no
     * derivative at its kink: a draw with a point within 1e-3 of a kink (so
     * that a ± h could straddle it) is skipped, and most draws must count. */
    const Activation activations[2] = {ACTIVATION_RELU, ACTIVATION_TANH};
    Rng rng = rng_seeded(2024);
    size_t checked = 0, draws = 0;
    for (int act = 0; act < 2; act++)
        for (size_t hidden = 1; hidden <= 7; hidden += 3)
            for (int draw = 0; draw < 5; draw++, draws++) {
                Network net = {hidden, activations[act]};
                size_t size = network_size(&net);
                Dataset data = random_data(15, &rng);
                double a[22], by_tape[22], by_differences[22];
                for (size_t k = 0; k < size; k++)
                    a[k] = rng_uniform_between(&rng, -1.5, 1.5);
                if (net.activation == ACTIVATION_RELU && nearest_kink(&net, a, &data) < 1e-3) {
                    data_free(&data);
                    continue;
                }
                tape_loss_and_grad(&net, a, &data, by_tape);
                numeric_grad(&net, a, &data, 1e-6, by_differences);
                for (size_t k = 0; k < size; k++)
                    ck_assert_msg(fabs(by_tape[k] - by_differences[k]) < 1e-7,
                                  "H = %zu, activation %d, parameter %zu: tape %.12g, "
                                  "differences %.12g",
                                  hidden, act, k, by_tape[k], by_differences[k]);
                checked++;
                data_free(&data);
            }
    ck_assert_msg(checked * 10 >= draws * 8, "only %zu of %zu draws checked", checked, draws);
}
END_TEST

START_TEST(one_identity_unit_is_chapter_04s_line)
{
    /* With one unit and no activation, y_hat = w2 (w1 x + b1) + b2: the line
     * a = (w2 w1, w2 b1 + b2). Its loss is the line's, and by the chain rule
     * from chapter 03's g = gradient(a):
     *     dL/dw1 = w2 g1, dL/db1 = w2 g2, dL/dw2 = w1 g1 + b1 g2, dL/db2 = g2.
     * With w2 = 1 and b1 = 0 the network is a = (w1, b2) itself, and the
     * gradients of w1 and b2 are chapter 03's. */
    Network net = {1, ACTIVATION_IDENTITY};
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    Dataset data;
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    const double starts[3][4] = {{-1, 0, 1, 1}, {0.7, -0.3, 1.9, 0.4}, {-2.5, 1.1, -0.6, 3}};
    for (int s = 0; s < 3; s++) {
        const double *p = starts[s]; /* w1, b1, w2, b2: the layout of a */
        double line[2] = {p[2] * p[0], p[2] * p[1] + p[3]}, g[2], grad[4];
        gradient(data.x, data.y, data.n, line, g);
        double loss = tape_loss_and_grad(&net, p, &data, grad);
        double expected[4] = {p[2] * g[0], p[2] * g[1], p[0] * g[0] + p[1] * g[1], g[1]};
        ck_assert_double_eq_tol(loss, loss_of(data.x, data.y, data.n, line), 1e-12 * loss);
        for (int k = 0; k < 4; k++)
            ck_assert_msg(fabs(grad[k] - expected[k]) <= 1e-12 * fmax(1.0, fabs(expected[k])),
                          "start %d, parameter %d: tape %.17g, chain rule %.17g", s, k,
                          grad[k], expected[k]);
    }
    data_free(&data);
}
END_TEST

START_TEST(the_tape_and_the_plain_forward_pass_agree_to_the_last_bit)
{
    /* The same additions in the same order: equal, not merely close. */
    Network net = {9, ACTIVATION_RELU};
    Rng rng = rng_seeded(7);
    double a[28];
    network_init_random(&net, &rng, a);
    Dataset data = random_data(40, &rng);
    NetworkTape recorder;
    ck_assert_int_eq(network_tape_init(&recorder, &net, data.n, NULL), STATUS_OK);
    Var loss = network_record_loss(&recorder, a, &data);
    ck_assert(tape_value(&recorder.tape, loss) == network_loss_of(&net, a, &data));
    for (double x = -1.0; x <= 1.0; x += 0.125) {
        Var y_hat = network_record(&recorder, x);
        ck_assert(tape_value(&recorder.tape, y_hat) == network_predict(&net, a, x));
    }
    network_tape_free(&recorder);
    network_tape_free(&recorder); /* freeing twice is harmless */
    data_free(&data);
}
END_TEST

START_TEST(every_step_starts_its_gradient_from_zero)
{
    /* Each forward pass records the parameters as new leaves, whose grads
     * start at 0: two steps at the same a give the same gradient, not twice
     * it (no zero_() to forget). */
    Network net = {4, ACTIVATION_TANH};
    Rng rng = rng_seeded(3);
    double a[13], first[13], second[13];
    network_init_random(&net, &rng, a);
    Dataset data = random_data(10, &rng);
    NetworkTape recorder;
    ck_assert_int_eq(network_tape_init(&recorder, &net, data.n, NULL), STATUS_OK);
    tape_backward(&recorder.tape, network_record_loss(&recorder, a, &data));
    network_read_grad(&recorder, first);
    tape_backward(&recorder.tape, network_record_loss(&recorder, a, &data));
    network_read_grad(&recorder, second);
    for (int k = 0; k < 13; k++)
        ck_assert(first[k] == second[k] && first[k] != 0.0);
    network_tape_free(&recorder);
    data_free(&data);
}
END_TEST

START_TEST(units_that_start_equal_get_equal_gradients)
{
    /* Swapping two units changes nothing the loss can see, so their
     * gradients are equal when their parameters are: equal units stay
     * equal. From zeros, worse: w2 = 0 makes dL/dz = 0, and relu(0) = 0
     * makes dL/dw2 = 0, so only b2 moves, by 2 mean(y_hat − y) = −2 mean(y). */
    Rng rng = rng_seeded(11);
    Dataset data = random_data(25, &rng);
    Network net = {5, ACTIVATION_RELU};
    double a[16], grad[16];
    for (size_t j = 0; j < 5; j++) {
        a[network_w1(&net, j)] = 0.8;
        a[network_b1(&net, j)] = 0.1;
        a[network_w2(&net, j)] = -0.4;
    }
    a[network_b2(&net)] = 0.3;
    tape_loss_and_grad(&net, a, &data, grad);
    for (size_t j = 1; j < 5; j++) {
        ck_assert(grad[network_w1(&net, j)] == grad[network_w1(&net, 0)]);
        ck_assert(grad[network_b1(&net, j)] == grad[network_b1(&net, 0)]);
        ck_assert(grad[network_w2(&net, j)] == grad[network_w2(&net, 0)]);
    }
    ck_assert(grad[network_w1(&net, 0)] != 0.0);

    for (int k = 0; k < 16; k++)
        a[k] = 0.0;
    tape_loss_and_grad(&net, a, &data, grad);
    double mean_y = 0.0;
    for (size_t i = 0; i < data.n; i++)
        mean_y += data.y[i] / (double)data.n;
    for (int k = 0; k < 15; k++)
        ck_assert_msg(grad[k] == 0.0, "from zeros, grad[%d] = %g", k, grad[k]);
    ck_assert_double_eq_tol(grad[network_b2(&net)], -2.0 * mean_y, 1e-12);
    data_free(&data);
}
END_TEST

START_TEST(the_random_start_is_pytorchs_and_fills_every_parameter)
{
    /* w1, b1 on [-1, 1), w2, b2 on [-1/sqrt(16), 1/sqrt(16)) = [-0.25, 0.25),
     * drawn in the order of a: the first is the stream's first uniform on
     * [-1, 1). Over 200 draws of 16 each, the mean of w1 is within five
     * standard errors (5 * sqrt(1/3) / sqrt(3200)) of 0. */
    Network net = {16, ACTIVATION_RELU};
    double a[49], sum_w1 = 0.0;
    for (uint64_t seed = 0; seed < 200; seed++) {
        Rng rng = rng_seeded(seed), copy = rng_seeded(seed);
        network_init_random(&net, &rng, a);
        ck_assert(a[0] == rng_uniform_between(&copy, -1.0, 1.0));
        for (size_t k = 0; k < 49; k++) {
            double bound = k < network_w2(&net, 0) ? 1.0 : 0.25;
            ck_assert_msg(a[k] >= -bound && a[k] < bound, "a[%zu] = %g", k, a[k]);
        }
        for (size_t j = 0; j < 16; j++)
            sum_w1 += a[network_w1(&net, j)];
    }
    ck_assert_double_eq_tol(sum_w1 / 3200.0, 0.0, 5.0 * sqrt(1.0 / 3.0) / sqrt(3200.0));
    ck_assert(a[1] != a[0] && a[48] != a[47]);
}
END_TEST

START_TEST(the_chapters_data_follow_the_recipe)
{
    /* The curve by hand: 3x + 2 − 4x² is −5 at x = −1, 2 at 0, 1 at 1, and
     * at its top, x = 3/8, 9/8 + 2 − 9/16 = 2.5625. Every point lies on it
     * plus noise in [0, 1), x in [-1, 1). */
    ck_assert_double_eq(curve(-1.0), -5.0);
    ck_assert_double_eq(curve(0.0), 2.0);
    ck_assert_double_eq(curve(1.0), 1.0);
    ck_assert_double_eq(curve(0.375), 2.5625);
    Rng rng = rng_seeded(42);
    Dataset data;
    ck_assert_int_eq(curve_data(&data, 1000, &rng, NULL), STATUS_OK);
    for (size_t i = 0; i < data.n; i++) {
        double x = data.x[2 * i], noise = data.y[i] - curve(x);
        ck_assert(x >= -1.0 && x < 1.0 && data.x[2 * i + 1] == 1.0);
        ck_assert_msg(noise >= 0.0 && noise < 1.0, "point %zu: noise %g", i, noise);
    }
    data_free(&data);
}
END_TEST

START_TEST(a_tape_out_of_memory_is_reported)
{
    Network net = {2, ACTIVATION_RELU};
    const double a[7] = {1, 1, 1, 1, 1, 1, 1};
    Rng rng = rng_seeded(5);
    Dataset data = random_data(3, &rng);
    NetworkTape recorder;
    ck_assert_int_eq(network_tape_init(&recorder, &net, data.n, NULL), STATUS_OK);
    recorder.tape.out_of_memory = true; /* as if the tape could not grow */
    Var loss = network_record_loss(&recorder, a, &data);
    ck_assert(isnan(tape_value(&recorder.tape, loss)));
    Error err;
    ck_assert_int_eq(tape_check(&recorder.tape, &err), STATUS_NO_MEMORY);
    network_tape_free(&recorder);
    data_free(&data);
}
END_TEST

Suite *network_suite(void)
{
    Suite *suite = suite_create("network");
    TCase *tc = tcase_create("network");
    tcase_add_test(tc, each_parameter_has_its_place);
    tcase_add_test(tc, a_small_network_worked_by_hand);
    tcase_add_test(tc, the_tape_agrees_with_finite_differences_for_every_parameter);
    tcase_add_test(tc, one_identity_unit_is_chapter_04s_line);
    tcase_add_test(tc, the_tape_and_the_plain_forward_pass_agree_to_the_last_bit);
    tcase_add_test(tc, every_step_starts_its_gradient_from_zero);
    tcase_add_test(tc, units_that_start_equal_get_equal_gradients);
    tcase_add_test(tc, the_random_start_is_pytorchs_and_fills_every_parameter);
    tcase_add_test(tc, the_chapters_data_follow_the_recipe);
    tcase_add_test(tc, a_tape_out_of_memory_is_reported);
    suite_add_tcase(suite, tc);
    return suite;
}
