/*
 * Exercise ch06/backtracking — a step that finds its own learning rate.
 *
 * The stable bound 2/λmax of chapter 06 needs the Hessian, and a model
 * bigger than a line seldom has one at hand. A step can test its rate
 * instead: try it, and if the loss did not go down, the rate was too large
 * here, so halve it and try again from the same a. This is backtracking;
 * many optimizers do it when they cannot know the bound. It never lets the
 * loss rise, even on x in the thousands at lr = 1.
 *
 * Task: with grad = ∇L(a) and the loss L(a) at the a you were given, try
 *   at most 60 times:
 *       candidate = a − lr·grad;
 *       if L(candidate) < L(a): set a to the candidate and return lr;
 *       otherwise halve lr.
 *   If no try lowered the loss (a is already at the bottom, where the
 *   gradient is 0), leave a as it was and return 0.
 *   x: n×2 row-major, y: n, a: 2 (updated in place), n ≥ 1, lr > 0.
 *   May call: loss_of() from loss.h, gradient() from gradient.h.
 *
 * Hint: take the gradient once, at the a you were given, and start every
 * try from that a (keep the candidate in an array of its own). Ask for a
 * loss strictly below L(a): a step that lands exactly as high has jumped
 * across the bowl, not down into it.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "backtracking.h"

#include "gradient.h"
#include "loss.h"

double backtracking_step(const double *x, const double *y, size_t n, double a[2], double lr)
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    (void)lr;
    return 0.0;
}
