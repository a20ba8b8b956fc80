/* nesterov.h — exercise ch05/nesterov (the task is in nesterov.c). */
#ifndef EXERCISE_NESTEROV_H
#define EXERCISE_NESTEROV_H

#include <stddef.h>

/* One step of gradient descent with Nesterov's momentum, the gradient taken
 * at the look-ahead point a − lr * beta * velocity:
 *     velocity ← beta * velocity + ∇L(a − lr * beta * velocity),
 *     a ← a − lr * velocity.
 * x: n×2 row-major, y: n, a: 2 and velocity: 2 (both updated in place) */
void nesterov_step(const double *x, const double *y, size_t n, double a[2],
                   double velocity[2], double lr, double beta);

#endif
