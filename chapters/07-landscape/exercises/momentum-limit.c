/*
 * Exercise ch07/momentum-limit — how large a step the heavy ball can take.
 *
 * Plain gradient descent converges exactly when lr < 2 / λmax (chapter 04).
 * Momentum changes the rule. Along an eigenvector of the Hessian with
 * curvature λ, the error e (the distance to the bottom along it) obeys
 *     e_next = (1 + β − lr λ) e − β e_before,
 * two numbers of memory instead of one. Such a recurrence shrinks to 0
 * exactly when both roots z of  z² − (1 + β − lr λ) z + β = 0  lie inside
 * the unit circle. Their product is β < 1, so complex roots always do; real
 * ones fail first when a root reaches z = −1, as lr grows.
 *
 * Task: return the largest lr at which every direction still converges:
 *   put z = −1 into the quadratic, solve for lr λ, and use the steepest
 *   curvature λmax, the eigenvalue of H = (2/n) XᵀX that fails first.
 *   x: n×2 row-major, n ≥ 1, the rows not all zero; 0 ≤ beta < 1.
 *   With beta = 0 the answer must be chapter 04's 2 / λmax.
 *   May call: hessian_eigenvalues() from gradient.h (lambda[0] is λmax).
 *
 * Hint: at z = −1 the quadratic is 1 + (1 + β − lr λ) + β = 0.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "momentum-limit.h"

#include "gradient.h"

double momentum_stable_lr(const double *x, size_t n, double beta)
{
    /* TODO: your code here */
    (void)x;
    (void)n;
    (void)beta;
    return 0.0;
}
