/*
 * suites.h — every Check suite of the course, one per module plus the
 * end-to-end runs; tests/main.c runs them all.
 */
#ifndef SGD_TESTS_SUITES_H
#define SGD_TESTS_SUITES_H

#include <check.h>

Suite *rng_suite(void);
Suite *linalg_suite(void);
Suite *loss_suite(void);
Suite *gradient_suite(void);
Suite *sgd_suite(void);
Suite *watch_suite(void);
Suite *minibatch_suite(void);
Suite *scale_suite(void);
Suite *heavy_ball_suite(void);
Suite *landscape_suite(void);
Suite *tape_suite(void);
Suite *fast_suite(void);
Suite *conv_suite(void);
Suite *optim_suite(void);
Suite *init_suite(void);
Suite *polynomial_suite(void);
Suite *network_suite(void);
Suite *softmax_suite(void);
Suite *layers_suite(void);
Suite *labels_suite(void);
Suite *images_suite(void);
Suite *data_suite(void);
Suite *csv_suite(void);
Suite *plot_suite(void);
Suite *figures_suite(void);
Suite *render_suite(void);
Suite *cli_suite(void);
Suite *chapters_suite(void);
Suite *weave_suite(void);
Suite *errors_suite(void);
Suite *trace_suite(void);
Suite *claims_suite(void);
Suite *hostile_suite(void);

#endif
