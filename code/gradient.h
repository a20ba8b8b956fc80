/*
 * gradient.h — which way is downhill, and where the bottom is.
 * Introduced in chapter 03.
 *
 * For the loss L(a) = (1/n) |X a − y|², matrix calculus gives
 *     ∇L(a) = (2/n) Xᵀ (X a − y)        (2 numbers: ∂L/∂a1, ∂L/∂a2)
 * Setting ∇L = 0 gives the normal equations Xᵀ X a = Xᵀ y, a 2×2 linear system
 * whose solution is the best a of all: the closed-form answer SGD should reach.
 *
 * Chapter 09 gives X d columns. The loss, the gradient, the Hessian and the
 * stable bound are the same formulas (the functions ending in _d); the
 * 2-column functions the earlier chapters call are their d = 2 case. The
 * closed form needs another method for d columns: a QR factorization of X.
 */
#ifndef SGD_GRADIENT_H
#define SGD_GRADIENT_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* grad = (2/n) Xᵀ (X a − y). x: n×d row-major, y: n, a: d, grad: d */
void gradient_d(const double *x, const double *y, size_t n, size_t d, const double *a,
                double *grad);

/* gradient_d() with d = 2. x: n×2 row-major, y: n, a: 2, grad: 2 */
void gradient(const double *x, const double *y, size_t n, const double a[2],
              double grad[2]);

/* The same gradient by central finite differences, knowing nothing of calculus:
 * grad[j] = (L(a + h e_j) − L(a − h e_j)) / 2h. Shapes as gradient(). */
void gradient_numeric(const double *x, const double *y, size_t n, const double a[2],
                      double h, double grad[2]);

/* How far the gradient u is from the reference v, as a fraction of v's size:
 * |u − v| / |v|, or |u − v| itself when v is 0. The one way the course
 * compares two gradients (the tape's, the closed form's, differences'). u, v: 2 */
double relative_difference(const double u[2], const double v[2]);

/* Solves the normal equations Xᵀ X a = Xᵀ y, in the form that keeps its
 * digits when x sits far from 0: slope a1 = Sxy / Sxx from sums about the
 * means, intercept a2 = mean(y) − a1·mean(x1). Fails with STATUS_BAD_DATA
 * when there is no unique solution (every x1 the same).
 * x: n×2 row-major with x2 = 1, y: n, a: 2 */
/* The slope and intercept of the least-squares line, or false, with a left
 * as it was, when every x1 is the same: then every line through (x_mean,
 * y_mean) fits equally well, whatever its slope. For a chapter that compares
 * with the best line when there is one. x: n×2, y: n, a: 2 */
bool least_squares_line(const double *x, const double *y, size_t n, double a[2]);

Status least_squares(const double *x, const double *y, size_t n, double a[2],
                     Error *err);

/* The best a for X with d columns, by Householder QR on a copy of X
 * (linalg.h): the same answer as least_squares() for d = 2, to rounding,
 * without ever forming Xᵀ X, whose condition number is the square of X's.
 * Fails with STATUS_BAD_DATA when no single a is best (fewer points than
 * coefficients, or columns that depend on each other), STATUS_NO_MEMORY when
 * there is no room for the copy. x: n×d row-major, y: n, a: d */
Status least_squares_d(const double *x, const double *y, size_t n, size_t d, double *a,
                       Error *err);

/* The two curvatures of the loss along its principal directions: the
 * eigenvalues of its Hessian H = (2/n) XᵀX, largest first. Their ratio
 * lambda[0] / lambda[1] is the condition number: how much more the bowl
 * curves one way than the other. x: n×2 row-major with x2 = 1, lambda: 2 */
void hessian_eigenvalues(const double *x, size_t n, double lambda[2]);

/* The Hessian of the loss, H = (2/n) XᵀX: the same at every a, since the
 * loss is quadratic. x: n×d row-major, h: d×d row-major */
void hessian_d(const double *x, size_t n, size_t d, double *h);

/* The d eigenvalues of that Hessian, largest first, by Jacobi rotations
 * (linalg.h). Fails only with STATUS_NO_MEMORY, for the d×d copy it rotates.
 * x: n×d row-major, lambda: d */
Status hessian_eigenvalues_d(const double *x, size_t n, size_t d, double *lambda,
                             Error *err);

/* Full-batch gradient descent on this loss converges exactly when
 * lr < 2 / λmax, where λmax is the largest eigenvalue of the loss's curvature
 * (its Hessian, (2/n) Xᵀ X). Returns that bound, 2 / λmax. x: n×2 */
double largest_stable_lr(const double *x, size_t n);

#endif
