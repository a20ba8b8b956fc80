/*
 * Exercise ch04/stable-lr — the largest learning rate that still converges.
 *
 * The loss is a bowl whose curvature is its Hessian H = (2/n) XᵀX, a 2×2
 * matrix. Along an eigenvector of H with eigenvalue λ, one step multiplies
 * the distance to the bottom by (1 − lr λ): it shrinks exactly when
 * |1 − lr λ| < 1, that is lr < 2/λ. The steepest direction, λmax, is the
 * first to overshoot, so descent converges exactly when lr < 2 / λmax.
 *
 * Task: return 2 / λmax, where λmax is the largest eigenvalue of
 *   H = (2/n) XᵀX = (2/n) [ Σ x1²     Σ x1 x2 ]
 *                         [ Σ x1 x2   Σ x2²   ]   (sums over the n rows).
 *   x: n×2 row-major (x1_i = x[2*i], x2_i = x[2*i + 1]), n ≥ 1, and the
 *   rows are not all zero.
 *   May call: sqrt() from <math.h> (not largest_stable_lr() from
 *   gradient.h, which is this exercise).
 *
 * Hint: a symmetric 2×2 matrix [p q; q r] has largest eigenvalue
 *   (p + r)/2 + sqrt(((p − r)/2)² + q²).
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "stable-lr.h"

#include <math.h>

double stable_learning_rate(const double *x, size_t n)
{
    /* TODO: your code here */
    (void)x;
    (void)n;
    return 0.0;
}
