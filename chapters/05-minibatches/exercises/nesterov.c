/*
 * Exercise ch05/nesterov — momentum that looks where it is going.
 *
 * Chapter 05 describes momentum: a velocity v, a running sum of past
 * gradients that fade by beta each step, and a step along it:
 *     v = beta * v + ∇L(a),   a -= lr * v.
 * The old part of the velocity, beta * v, will move a by lr * beta * v
 * whatever the new gradient says. Nesterov's idea: so first look there,
 * and take the gradient at that look-ahead point instead of at a. When the
 * velocity is about to carry a past the bottom, the gradient there already
 * points back, and the step is braked before the overshoot, not after.
 *
 * Task: with look = a − lr * beta * velocity (both numbers), update
 *     velocity[j] = beta * velocity[j] + grad[j],   grad = ∇L(look),
 *     a[j]       -= lr * velocity[j]               for j = 0, 1.
 *   The step is from a, not from look. x: n×2 row-major, y: n, a: 2,
 *   velocity: 2 (the caller starts it at (0, 0) and keeps it between
 *   steps), n ≥ 1, 0 ≤ beta < 1. With beta = 0 this is one step of plain
 *   gradient descent.
 *   May call: gradient() from gradient.h.
 *
 * Hint: gradient() reads a point from an array of 2: build look in an
 * array of its own, so that a itself is untouched until the step. The
 * gradient at a itself is the plain momentum of the book, not this.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "nesterov.h"

#include "gradient.h"

void nesterov_step(const double *x, const double *y, size_t n, double a[2],
                   double velocity[2], double lr, double beta)
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    (void)velocity;
    (void)lr;
    (void)beta;
}
