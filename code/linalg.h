/*
 * linalg.h — the three pieces of linear algebra the course needs.
 * Introduced in chapter 01.
 *
 * With x2 = 1 the model y_hat = a1*x1 + a2*x2 is the dot product of a row of
 * X with a. Predicting every point at once is X a: one dot product per row.
 * Chapter 03 needs the other direction, Xᵀ r: one dot product per column.
 *
 * (Chapter 09's X has more columns; the algorithms it then needs are in
 * solve.h.)
 */
#ifndef SGD_LINALG_H
#define SGD_LINALG_H

#include <stddef.h>

/* u·v = sum of u[i]*v[i]. u: k, v: k */
double dot(const double *u, const double *v, size_t k);

/* y_hat = X a. x: n×2 row-major, a: 2, y_hat: n */
void predict(const double *x, size_t n, const double a[2], double *y_hat);

/* out = Xᵀ r. x: n×2 row-major, r: n, out: 2 */
void transpose_times(const double *x, size_t n, const double *r, double out[2]);

#endif
