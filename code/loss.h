/*
 * loss.h — how wrong a guess is: the mean squared error.
 * Introduced in chapter 02.
 *
 * MSE = (1/n) Σ (y_hat_i − y_i)². Squaring makes every miss count as
 * positive, punishes big misses more than small ones, and gives a smooth bowl
 * with one bottom, which is what lets the gradient of chapter 03 find it.
 */
#ifndef SGD_LOSS_H
#define SGD_LOSS_H

#include <stddef.h>

/* y_hat: n, y: n */
double mse(const double *y_hat, const double *y, size_t n);

/* The MSE of the coefficients a on the data, without storing y_hat, for X
 * with d columns (chapter 09 fits curves with more than 2).
 * x: n×d row-major, y: n, a: d */
double loss_of_d(const double *x, const double *y, size_t n, size_t d, const double *a);

/* loss_of_d() with d = 2: X has the columns x1 and x2 = 1.
 * x: n×2 row-major, y: n, a: 2 */
double loss_of(const double *x, const double *y, size_t n, const double a[2]);

#endif
