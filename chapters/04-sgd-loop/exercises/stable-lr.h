/* stable-lr.h — exercise ch04/stable-lr (the task is in stable-lr.c). */
#ifndef EXERCISE_STABLE_LR_H
#define EXERCISE_STABLE_LR_H

#include <stddef.h>

/* 2 / λmax of the Hessian (2/n) XᵀX: gradient descent converges for every
 * smaller learning rate. x: n×2 row-major */
double stable_learning_rate(const double *x, size_t n);

#endif
