/* ridge.h — exercise ch09/ridge (the task is in ridge.c). */
#ifndef EXERCISE_RIDGE_H
#define EXERCISE_RIDGE_H

#include <stddef.h>

#include "status.h"

/* The a that minimizes (1/n) |X a − y|² + lambda |a|², lambda ≥ 0.
 * x: n×d row-major, y: n, a: d */
Status ridge(const double *x, const double *y, size_t n, size_t d, double lambda, double *a,
             Error *err);

#endif
