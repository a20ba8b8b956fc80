/*
 * main.c — runs every Check suite and prints Check's summary.
 * Run from the top of the repository (make test does).
 */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include <stdlib.h>

#include "suites.h"

int main(void)
{
    Suite *(*const suites[])(void) = {
        rng_suite,      linalg_suite, loss_suite, gradient_suite, sgd_suite, watch_suite,
        minibatch_suite, scale_suite, heavy_ball_suite, landscape_suite, tape_suite,
        polynomial_suite, network_suite, softmax_suite, layers_suite, labels_suite, data_suite,
        csv_suite,      plot_suite,   images_suite,
        figures_suite,  render_suite, cli_suite,    chapters_suite, errors_suite,
        hostile_suite,  weave_suite,  fast_suite,   trace_suite,
        conv_suite,     optim_suite,  init_suite,   claims_suite,
    };
    /* The suites run the chapters hundreds of times: drawing every figure
     * each time would triple the time they take. The chapters' runs draw
     * nothing (render.h) but where tests/test_render.c checks the drawing. */
    setenv("SGD_GNUPLOT", "", 1);
    SRunner *runner = srunner_create(NULL);
    for (size_t k = 0; k < sizeof suites / sizeof suites[0]; k++)
        srunner_add_suite(runner, suites[k]());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
