/*
 * Tests for ch11/tanh-layer.
 *
 * Worked by hand: tanh(0) = 0 with slope 1; tanh(ln 2) = (4 − 1)/(4 + 1) =
 * 0.6 with slope 1 − 0.36 = 0.64. Then the layer against the tape's
 * tape_tanh() (chapter 08), which shares no code with it, for a batch of
 * inputs, and the backward against central finite differences of the
 * forward. And the backward adds into dinp.
 */
#include "exercise_test.h"
#include "rng.h"
#include "tanh-layer.h"
#include "tape.h"

const char *const EXERCISE_NAME = "ch11/tanh-layer";

START_TEST(two_points_worked_by_hand)
{
    const double inp[2] = {0.0, log(2.0)}, dout[2] = {1.0, 1.0};
    double out[2], dinp[2] = {0.0, 0.0};
    fill_unwritten(out, 2);
    exercise_case("tanh_forward of (0, ln 2)");
    tanh_forward(out, inp, 2);
    assert_near(out[0], 0.0, 1e-15, "tanh(0)");
    assert_near(out[1], 0.6, 1e-15, "tanh(ln 2)");
    exercise_case("tanh_backward of (0, ln 2)");
    tanh_backward(dinp, out, dout, 2);
    assert_near(dinp[0], 1.0, 1e-15, "the slope of tanh at 0");
    assert_near_or_mistake(dinp[1], 0.64, 1e-15, 0.4,
                           "the slope is 1 − out², not 1 − out",
                           "the slope of tanh at ln 2");
}
END_TEST

enum { N = 12 };

START_TEST(agrees_with_the_tape)
{
    Rng rng = rng_seeded(6);
    double inp[N], dout[N], out[N], dinp[N] = {0};
    for (size_t j = 0; j < N; j++) {
        inp[j] = rng_uniform_between(&rng, -3.0, 3.0);
        dout[j] = rng_uniform_between(&rng, -1.0, 1.0);
    }
    fill_unwritten(out, N);
    exercise_case("tanh_forward and tanh_backward of 12 random inputs");
    tanh_forward(out, inp, N);
    tanh_backward(dinp, out, dout, N);
    for (size_t j = 0; j < N; j++) {
        /* L = dout[j] * tanh(inp[j]) on the tape: ∂L/∂inp[j] is the layer's dinp[j]. */
        Tape tape = {0};
        Var u = tape_leaf(&tape, inp[j]);
        Var loss = tape_mul(&tape, tape_leaf(&tape, dout[j]), tape_tanh(&tape, u));
        tape_backward(&tape, loss);
        assert_near(out[j], tape_value(&tape, loss) / dout[j], 1e-14, "tanh(%g)", inp[j]);
        assert_near(dinp[j], tape_grad(&tape, u), 1e-15,
                    "dinp[%zu] for inp %g (compared with the tape's tanh)", j, inp[j]);
        tape_free(&tape);
    }
}
END_TEST

START_TEST(the_backward_agrees_with_finite_differences_and_adds)
{
    const double h = 1e-6;
    for (double u = -2.0; u <= 2.0; u += 0.5) {
        double out, up, down, dinp = 2.0, one = 1.0;
        double inp_up = u + h, inp_down = u - h;
        exercise_case("tanh_forward and tanh_backward at %g", u);
        tanh_forward(&out, &u, 1);
        tanh_forward(&up, &inp_up, 1);
        tanh_forward(&down, &inp_down, 1);
        tanh_backward(&dinp, &out, &one, 1);
        assert_near_or_mistake(dinp - 2.0, (up - down) / (2 * h), 1e-9, -2.0 + (up - down) / (2 * h),
                               "the backward must add into dinp (+=), not overwrite it",
                               "the slope added at %g (compared with central differences)", u);
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("tanh layer");
    tcase_add_test(tests, two_points_worked_by_hand);
    tcase_add_test(tests, agrees_with_the_tape);
    tcase_add_test(tests, the_backward_agrees_with_finite_differences_and_adds);
    suite_add_tcase(suite, tests);
    return suite;
}
