/*
 * Exercise ch05/momentum — steps that remember where they were going.
 *
 * Plain gradient descent forgets each step as soon as it takes it. With
 * momentum, a keeps a velocity: a running sum of past gradients, each step
 * fading the old ones by beta (0 ≤ beta < 1, often 0.9). Gradients that
 * agree add up, so the steps grow along a long gentle valley; gradients
 * that flip sign cancel, so zig-zags calm down.
 *
 * Task: with grad the gradient of the loss at a (on the n points), update
 *     velocity[j] = beta * velocity[j] + grad[j]
 *     a[j]       -= lr * velocity[j]          for j = 0, 1.
 *   x: n×2 row-major, y: n, a: 2, velocity: 2 (the caller starts it at
 *   (0, 0) and keeps it between steps), n ≥ 1. With beta = 0 this is
 *   exercise ch04/sgd-step.
 *   May call: gradient() from gradient.h. Not sgd_step() from exercise
 *   ch04/sgd-step: each exercise is built on its own, with the library
 *   but without the other exercises.
 *
 * Hint: take the gradient at the a you were given, before changing a.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "momentum.h"

#include "gradient.h"

void momentum_step(const double *x, const double *y, size_t n, double a[2],
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
