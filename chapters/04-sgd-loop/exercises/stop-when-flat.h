/* stop-when-flat.h — exercise ch04/stop-when-flat (the task is in stop-when-flat.c). */
#ifndef EXERCISE_STOP_WHEN_FLAT_H
#define EXERCISE_STOP_WHEN_FLAT_H

#include <stddef.h>

/* Full-batch gradient descent from a until the gradient is shorter than tol
 * (|∇L(a)| < tol) or max_steps steps are taken. Returns the steps taken.
 * x: n×2 row-major, y: n, a: 2 (the start in, where it stopped out) */
size_t descend_until_flat(const double *x, const double *y, size_t n, double a[2],
                          double lr, double tol, size_t max_steps);

#endif
