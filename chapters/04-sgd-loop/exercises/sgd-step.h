/* sgd-step.h — exercise ch04/sgd-step (the task is in sgd-step.c). */
#ifndef EXERCISE_SGD_STEP_H
#define EXERCISE_SGD_STEP_H

#include <stddef.h>

/* One step of gradient descent: a -= lr * ∇L(a).
 * x: n×2 row-major, y: n, a: 2 (updated in place) */
void sgd_step(const double *x, const double *y, size_t n, double a[2], double lr);

#endif
