/* x-squared.h — exercise ch04/x-squared (the task is in x-squared.c). */
#ifndef EXERCISE_X_SQUARED_H
#define EXERCISE_X_SQUARED_H

#include <stddef.h>

#include "status.h"

/* Fits y ≈ a1*x1² + a2 by full-batch gradient descent from the guess in a.
 * x1: n, y: n, a: 2 (the starting guess in, the fit out) */
Status fit_x_squared(const double *x1, const double *y, size_t n, double a[2], double lr,
                     size_t epochs, Error *err);

#endif
