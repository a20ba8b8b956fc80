/*
 * Exercise ch03/finite-difference — the gradient of any function, by nudging.
 *
 * Chapter 03 checks its calculus with gradient_numeric(), which only knows
 * the course's loss of 2 coefficients. Write it for any function f of k
 * numbers: nudge one number a[j] a little up and a little down, and the
 * change in f over the change in a[j] is the slope in that direction.
 * Nudging both ways ("central") cancels the error of the curvature, so the
 * error shrinks like h² instead of h.
 *
 * Task: for j = 0 … k-1 write
 *     grad[j] = (f(a + h e_j) − f(a − h e_j)) / (2h),
 *   where a ± h e_j is a with only a[j] moved by ± h. Call f as
 *   f(a, context), passing context along untouched.
 *   a: k, grad: k, k ≥ 1, h > 0. You may move a[j] in place to call f, but
 *   on return a must hold exactly the numbers it was given.
 *   May call: f, and no other function.
 *
 * Hint: save a[j] first and put the saved value back; subtracting h again
 * does not always give the same double back (0.3 + 0.1 − 0.1 ≠ 0.3).
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "finite-difference.h"

void central_difference(ScalarFunction f, const void *context, double *a, size_t k,
                        double h, double *grad)
{
    /* TODO: your code here */
    (void)f;
    (void)context;
    (void)a;
    (void)k;
    (void)h;
    (void)grad;
}
