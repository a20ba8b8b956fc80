/*
 * linalg.h — the three pieces of linear algebra the course needs.
 * Introduced in chapter 01.
 *
 * With x2 = 1 the model y_hat = a1*x1 + a2*x2 is the dot product of a row of
 * X with a. Predicting every point at once is X a: one dot product per row.
 * Chapter 03 needs the other direction, Xᵀ r: one dot product per column.
 *
 * Chapter 09 gives X more columns, d of them, and adds the two algorithms
 * that the closed-form answer and the stable bound then need: a least-squares
 * solve by Householder reflections, and the eigenvalues of a symmetric matrix
 * by Jacobi rotations.
 */
#ifndef SGD_LINALG_H
#define SGD_LINALG_H

#include <stdbool.h>
#include <stddef.h>

/* u·v = sum of u[i]*v[i]. u: k, v: k */
double dot(const double *u, const double *v, size_t k);

/* y_hat = X a. x: n×2 row-major, a: 2, y_hat: n */
void predict(const double *x, size_t n, const double a[2], double *y_hat);

/* out = Xᵀ r. x: n×2 row-major, r: n, out: 2 */
void transpose_times(const double *x, size_t n, const double *r, double out[2]);

/* Finds the a that makes |X a − y| smallest, for n ≥ d, by Householder QR:
 * d reflections turn X into an upper triangle R (and y into Qᵀ y), and R a =
 * the first d entries of Qᵀ y is solved from the bottom up. x and y are
 * overwritten. Returns false, leaving a alone, when the columns of X are not
 * independent (to about 12 digits): then no single a is best.
 * x: n×d row-major, y: n, a: d */
bool householder_least_squares(double *x, double *y, size_t n, size_t d, double *a);

/* The eigenvalues of the symmetric matrix m, largest first, by cyclic Jacobi
 * rotations; m is overwritten. Each is right to about 1e-15 times the
 * largest one. m: d×d row-major, lambda: d */
void symmetric_eigenvalues(double *m, size_t d, double *lambda);

#endif
