/* mae-gradient.h — exercise ch03/mae-gradient (the task is in mae-gradient.c). */
#ifndef EXERCISE_MAE_GRADIENT_H
#define EXERCISE_MAE_GRADIENT_H

#include <stddef.h>

/* A (sub)gradient of the mean absolute error (1/n) Σ |x_i·a − y_i|:
 * (1/n) Σ sign(x_i·a − y_i) x_i. x: n×2 row-major, y: n, a: 2, grad: 2 */
void mae_gradient(const double *x, const double *y, size_t n, const double a[2],
                  double grad[2]);

#endif
