/* mse-by-hand.h — exercise ch02/mse-by-hand (the task is in mse-by-hand.c). */
#ifndef EXERCISE_MSE_BY_HAND_H
#define EXERCISE_MSE_BY_HAND_H

#include <stddef.h>

/* The MSE of the coefficients a on the data, with no helpers.
 * x: n×2 row-major, y: n, a: 2 */
double mse_by_hand(const double *x, const double *y, size_t n, const double a[2]);

#endif
