/*
 * Exercise ch03/mae-gradient — the slope of the mean absolute error.
 *
 * The loss of exercise ch02/mae as a function of a:
 *     L(a) = (1/n) Σ |r_i|,   r_i = x_i·a − y_i = a1*x1_i + a2*x2_i − y_i.
 * The slope of |r| is sign(r): −1 when r < 0, +1 when r > 0. At r = 0 the
 * absolute value has a corner and no slope; any number in [−1, 1] is a
 * valid "subgradient" there, and we take 0. By the chain rule
 *     ∇L(a) = (1/n) Σ sign(r_i) x_i:
 * every point pulls with the same strength, however far off it is.
 *
 * Task: write grad[0] = (1/n) Σ sign(r_i) x1_i and grad[1] = (1/n) Σ sign(r_i) x2_i,
 *   with sign(0) = 0. x: n×2 row-major (x1_i = x[2*i], x2_i = x[2*i + 1]),
 *   y: n, a: 2, grad: 2 (write both), n ≥ 1.
 *   May call: no function.
 *
 * Hint: compare with chapter 03's gradient(): the miss r_i is replaced by
 * its sign, and the factor 2 of the square is gone.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "mae-gradient.h"

void mae_gradient(const double *x, const double *y, size_t n, const double a[2],
                  double grad[2])
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    (void)grad;
}
