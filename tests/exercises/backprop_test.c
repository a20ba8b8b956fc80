/*
 * Tests for ch10/backprop.
 *
 * Worked by hand: H = 2, w1 = (1, -2), b1 = (0.5, 1), w2 = (2, 3), b2 = -1
 * at the one point (1, 3): z = (1.5, -1), h = (1.5, 0), y_hat = 2, and
 * dL/dy_hat = 2(2 - 3) = -2. So db2 = -2, dw2 = -2 h = (-3, 0),
 * dz = -2 w2 relu'(z) = (-4, 0), dw1 = dz x = (-4, 0), db1 = dz = (-4, 0).
 * A second point (-1, 8), which the network fits exactly (y_hat = 8), adds
 * nothing but halves everything: the mean is over n = 2. Then random
 * networks and data against the library's tape (tested in tests/), to
 * 1e-12 of the gradient's size: the same sums in another order.
 */
#include "backprop.h"
#include "exercise_test.h"
#include "network.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch10/backprop";

static const char *const NAMES[7] = {"dL/dw1_1", "dL/dw1_2", "dL/db1_1", "dL/db1_2",
                                     "dL/dw2_1", "dL/dw2_2", "dL/db2"};

START_TEST(one_point_worked_by_hand)
{
    Network net = {2, ACTIVATION_RELU};
    const double a[7] = {1, -2, 0.5, 1, 2, 3, -1};
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 2, NULL), STATUS_OK);
    data.x[0] = 1.0;
    data.y[0] = 3.0;
    data.n = 1;
    double grad[7];
    fill_unwritten(grad, 7);
    exercise_case("network_gradient at one point (1, 3)");
    network_gradient(&net, a, &data, grad);
    const double expected[7] = {-4, 0, -4, 0, -3, 0, -2};
    /* Forgetting relu's slope lets unit 2 (z = -1) pass its share on:
     * dz_2 = -2 * 3 = -6, so dw1_2 = -6 and db1_2 = -6. */
    const double no_slope[7] = {-4, -6, -4, -6, -3, 0, -2};
    for (int k = 0; k < 7; k++)
        assert_near_or_mistake(grad[k], expected[k], 1e-12, no_slope[k],
                               "unit 2 has z = -1 < 0, where relu's slope is 0: pass the "
                               "gradient to w1 and b1 only where z > 0",
                               "%s at the point (1, 3)", NAMES[k]);

    data.n = 2; /* and (-1, 8), fitted exactly: the mean over 2 halves it all */
    data.x[2] = -1.0;
    data.y[1] = 8.0;
    fill_unwritten(grad, 7);
    exercise_case("network_gradient at the points (1, 3) and (-1, 8)");
    network_gradient(&net, a, &data, grad);
    for (int k = 0; k < 7; k++)
        assert_near_or_mistake(grad[k], expected[k] / 2, 1e-12, expected[k],
                               "the loss is the mean over n points: divide by n = 2",
                               "%s at the points (1, 3) and (-1, 8)", NAMES[k]);
    data_free(&data);
}
END_TEST

START_TEST(agrees_with_the_tape)
{
    Rng rng = rng_seeded(99);
    for (size_t hidden = 1; hidden <= 9; hidden += 4) {
        Network net = {hidden, ACTIVATION_RELU};
        size_t size = network_size(&net);
        double a[28], by_tape[28], grad[28];
        network_init_random(&net, &rng, a);
        Dataset data = notebook_data(30, 5 + hidden);
        NetworkTape recorder;
        ck_assert_int_eq(network_tape_init(&recorder, &net, data.n, NULL), STATUS_OK);
        tape_backward(&recorder.tape, network_record_loss(&recorder, a, &data));
        network_read_grad(&recorder, by_tape);
        network_tape_free(&recorder);
        fill_unwritten(grad, size);
        exercise_case("network_gradient of %zu units on 30 of the notebook's points", hidden);
        network_gradient(&net, a, &data, grad);
        double largest = 0.0;
        for (size_t k = 0; k < size; k++)
            largest = fmax(largest, fabs(by_tape[k]));
        for (size_t k = 0; k < size; k++)
            assert_near(grad[k], by_tape[k], 1e-12 * largest,
                        "grad[%zu] of a network of %zu units on 30 of the notebook's points "
                        "(compared with the tape's)",
                        k, hidden);
        data_free(&data);
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("backprop");
    tcase_add_test(tests, one_point_worked_by_hand);
    tcase_add_test(tests, agrees_with_the_tape);
    suite_add_tcase(suite, tests);
    return suite;
}
