/*
 * Exercise ch04/sgd-step — one step downhill.
 *
 * Chapter 03 found the gradient ∇L(a) = (2/n) Xᵀ (X a − y), which points
 * uphill. A step of gradient descent moves a the other way, by lr times it:
 *     a ← a − lr ∇L(a)
 *
 * Task: update both coefficients in place: a[j] -= lr * grad[j] for j = 0, 1,
 *   where grad is the gradient of the loss at a on the n points.
 *   x: n×2 row-major, y: n, a: 2, n ≥ 1, lr ≥ 0.
 *   May call: gradient() from gradient.h (not sgd_update() from sgd.h,
 *   which is this exercise).
 *
 * Hint: compute the whole gradient first, at the a you were given, and only
 * then change a: updating a[0] before computing grad[1] would take grad[1]
 * at a different point.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "sgd-step.h"

#include "gradient.h"

void sgd_step(const double *x, const double *y, size_t n, double a[2], double lr)
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    (void)lr;
}
