/* top2-error.h — exercise ch11/top2-error (the task is in top2-error.c). */
#ifndef EXERCISE_TOP2_ERROR_H
#define EXERCISE_TOP2_ERROR_H

#include <stddef.h>

/* The fraction of the n examples whose label is not among the two classes
 * the model gives the highest probability. probs: (n, k), k ≥ 2; label: n */
double top2_error_rate(const double *probs, const size_t *label, size_t n, size_t k);

#endif
