/*
 * Exercise ch04/stop-when-flat — a stopping rule: descend until the ground is flat.
 *
 * Chapter 04 takes a fixed number of steps and compares where it lands
 * with the closed form of chapter 03. A real problem has no closed form to
 * compare with, so when should training stop? At the bottom of the bowl
 * the gradient is zero, and near it the gradient is short: stop as soon as
 * its length
 *     |∇L(a)| = sqrt(grad[0]² + grad[1]²)
 * is below a tolerance tol. (Each step moves a by lr times the gradient,
 * so that is also when the steps have become shorter than lr * tol.) A
 * rate that is too large may never get there, so a cap, max_steps, stops
 * the loop whatever happens.
 *
 * Task: starting from the a given, repeat:
 *     grad = ∇L(a), at the current a;
 *     if |grad| < tol, or max_steps steps have been taken: stop;
 *     a[j] -= lr * grad[j] for j = 0, 1 (one step).
 *   Return the number of steps taken: 0 when a is flat already, max_steps
 *   when the gradient never got shorter than tol. Leave in a the point
 *   where descent stopped.
 *   x: n×2 row-major, y: n, a: 2 (updated in place), n ≥ 1, lr > 0, tol > 0.
 *   May call: gradient() from gradient.h; sqrt() or hypot() from <math.h>.
 *
 * Hint: test the gradient before each step, so that a start already at the
 * bottom takes 0 steps; and measure the whole gradient, both numbers, not
 * one of them.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "stop-when-flat.h"

#include <math.h>

#include "gradient.h"

size_t descend_until_flat(const double *x, const double *y, size_t n, double a[2],
                          double lr, double tol, size_t max_steps)
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    (void)lr;
    (void)tol;
    (void)max_steps;
    return 0;
}
