/*
 * solve.h — least squares and curvatures for X of any width d.
 * Introduced in chapter 09.
 *
 * With two columns chapter 03 solved the normal equations by hand and
 * chapter 04 took the 2×2 Hessian's eigenvalues from a formula. Chapter 09
 * gives X more columns, d of them, and needs the algorithms that keep their
 * digits then: a least-squares solve by Householder reflections (never
 * forming XᵀX, whose condition number is the square of X's), and the
 * eigenvalues of a symmetric matrix by Jacobi rotations.
 */
#ifndef SGD_SOLVE_H
#define SGD_SOLVE_H

#include <stdbool.h>
#include <stddef.h>

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
