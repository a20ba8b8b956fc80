/* grad-a2.h — exercise ch03/grad-a2 (the task is in grad-a2.c). */
#ifndef EXERCISE_GRAD_A2_H
#define EXERCISE_GRAD_A2_H

#include <stddef.h>

/* ∂L/∂a2 = (2/n) Σ (a1*x1_i + a2 − y_i). x: n×2 row-major (x2 = 1), y: n, a: 2 */
double grad_a2(const double *x, const double *y, size_t n, const double a[2]);

#endif
