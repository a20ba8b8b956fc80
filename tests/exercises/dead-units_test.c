/*
 * Tests for ch10/dead-units.
 *
 * Worked by hand on the points x1 = -1, 0, 1: a unit with w1 = 1, b1 = -2
 * has z = -3, -2, -1 (dead); w1 = -1, b1 = 0.5 gives 1.5, 0.5, -0.5 (alive);
 * w1 = 0, b1 = 0 gives 0 everywhere (dead: relu(0) = 0, slope 0); w1 = 1,
 * b1 = -1 gives -2, -1, 0 (dead, touching 0 at the end). Then the meaning of
 * "dead": on random networks, exactly the units whose w1, b1 and w2 all get
 * a gradient of 0 from the tape (the library's backward(), tested in
 * tests/) are the dead ones.
 */
#include "dead-units.h"
#include "exercise_test.h"
#include "network.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch10/dead-units";

/* The points x1 = -1, 0, 1 (y = 0). */
static Dataset three_points(void)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, 3, NULL), STATUS_OK);
    for (size_t i = 0; i < 3; i++) {
        data.x[2 * i] = (double)i - 1.0;
        data.y[i] = 0.0;
    }
    return data;
}

START_TEST(four_units_worked_by_hand)
{
    Network net = {4, ACTIVATION_RELU};
    /* w1 = (1, -1, 0, 1), b1 = (-2, 0.5, 0, -1), w2 = 1 each, b2 = 0 */
    const double a[13] = {1, -1, 0, 1, -2, 0.5, 0, -1, 1, 1, 1, 1, 0};
    Dataset data = three_points();
    exercise_case("count_dead_units of 4 units on x1 = -1, 0, 1");
    size_t dead = count_dead_units(&net, a, &data);
    ck_assert_msg(dead == 3,
                  "count_dead_units gave %zu for the units w1 = (1, -1, 0, 1), b1 = (-2, 0.5, "
                  "0, -1) on x1 = -1, 0, 1; expected 3 (only the second is ever above 0)%s",
                  dead,
                  dead == 1 ? ": a unit whose w1*x + b1 is exactly 0 is dead too (relu(0) = 0, "
                              "slope 0), so test z > 0 for alive, not z >= 0"
                            : "");
    data_free(&data);
}
END_TEST

START_TEST(no_dead_units_and_no_points)
{
    Network net = {2, ACTIVATION_RELU};
    const double alive[7] = {1, -1, 0.5, 0.5, 1, 1, 0}; /* kinks at -0.5 and 0.5 */
    Dataset data = three_points();
    exercise_case("count_dead_units of 2 live units");
    size_t dead = count_dead_units(&net, alive, &data);
    ck_assert_msg(dead == 0, "count_dead_units gave %zu for two units alive on x1 = 1 and "
                             "x1 = -1; expected 0", dead);
    Dataset none = {0, NULL, NULL};
    exercise_case("count_dead_units on no points");
    dead = count_dead_units(&net, alive, &none);
    ck_assert_msg(dead == 2, "count_dead_units gave %zu on data with no points; expected 2 "
                             "(a unit alive nowhere is dead)", dead);
    data_free(&data);
}
END_TEST

START_TEST(the_dead_are_those_the_gradient_never_reaches)
{
    Rng rng = rng_seeded(10);
    for (int trial = 0; trial < 20; trial++) {
        Network net = {6, ACTIVATION_RELU};
        double a[19], grad[19];
        for (size_t k = 0; k < 19; k++)
            a[k] = rng_uniform_between(&rng, -1.5, 1.0); /* b1 leans negative */
        Dataset data;
        ck_assert_int_eq(data_allocate(&data, 8, NULL), STATUS_OK);
        for (size_t i = 0; i < 8; i++) {
            data.x[2 * i] = rng_uniform_between(&rng, -1.0, 1.0);
            data.y[i] = rng_uniform_between(&rng, -1.0, 1.0);
        }
        NetworkTape recorder;
        ck_assert_int_eq(network_tape_init(&recorder, &net, data.n, NULL), STATUS_OK);
        tape_backward(&recorder.tape, network_record_loss(&recorder, a, &data));
        network_read_grad(&recorder, grad);
        network_tape_free(&recorder);
        size_t expected = 0;
        for (size_t j = 0; j < 6; j++)
            expected += grad[network_w1(&net, j)] == 0.0 && grad[network_b1(&net, j)] == 0.0 &&
                        grad[network_w2(&net, j)] == 0.0;
        exercise_case("count_dead_units of a random network of 6 units on 8 points (trial %d)",
                      trial);
        size_t dead = count_dead_units(&net, a, &data);
        ck_assert_msg(dead == expected,
                      "count_dead_units gave %zu on a random network (trial %d); %zu of its "
                      "units get no gradient at all from backward()",
                      dead, trial, expected);
        data_free(&data);
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("dead units");
    tcase_add_test(tests, four_units_worked_by_hand);
    tcase_add_test(tests, no_dead_units_and_no_points);
    tcase_add_test(tests, the_dead_are_those_the_gradient_never_reaches);
    suite_add_tcase(suite, tests);
    return suite;
}
