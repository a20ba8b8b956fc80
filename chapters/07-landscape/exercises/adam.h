/* adam.h — exercise ch07/adam (the task is in adam.c). */
#ifndef EXERCISE_ADAM_H
#define EXERCISE_ADAM_H

#include <stddef.h>

/* Adam's constants (Kingma and Ba, 2015): the decay of the running mean of
 * the gradient, of the running mean of its square, and a guard against
 * dividing by 0. */
#define ADAM_BETA1 0.9
#define ADAM_BETA2 0.999
#define ADAM_EPSILON 1e-8

/* Step t (t = 1 for the first) of Adam on the n points given.
 * x: n×2 row-major, y: n; a: 2, m: 2 and v: 2 updated in place (the caller
 * starts m and v at 0 and keeps them between steps) */
void adam_step(const double *x, const double *y, size_t n, double a[2], double m[2],
               double v[2], size_t t, double lr);

#endif
