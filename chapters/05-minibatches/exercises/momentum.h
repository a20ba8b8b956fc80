/* momentum.h — exercise ch05/momentum (the task is in momentum.c). */
#ifndef EXERCISE_MOMENTUM_H
#define EXERCISE_MOMENTUM_H

#include <stddef.h>

/* One step of gradient descent with momentum:
 *     velocity ← beta * velocity + ∇L(a),   a ← a − lr * velocity.
 * x: n×2 row-major, y: n, a: 2 and velocity: 2 (both updated in place) */
void momentum_step(const double *x, const double *y, size_t n, double a[2],
                   double velocity[2], double lr, double beta);

#endif
