/*
 * Exercise ch07/adam — a step size for each coordinate.
 *
 * Chapter 07 shows what a badly scaled x does: the bowl is a thin valley,
 * one rate is too large across it and too small along it. Momentum is one
 * cure, rescaling x (chapter 06) another. Adam, the most used optimizer in
 * deep learning, adds a third: it divides each coordinate's step by the
 * typical size of that coordinate's gradient, so every coordinate moves
 * about lr per step whatever its scale, and keeps momentum's running mean.
 *
 * Task: with g = ∇L(a) at the a you were given, for j = 0, 1:
 *     m[j] = β1 m[j] + (1 − β1) g[j]          running mean of the gradient
 *     v[j] = β2 v[j] + (1 − β2) g[j]²         running mean of its square
 *     m_hat = m[j] / (1 − β1^t)                both start at 0, so early means
 *     v_hat = v[j] / (1 − β2^t)                are too small: this undoes it
 *     a[j] -= lr · m_hat / (√v_hat + ε)
 *   with β1 = ADAM_BETA1, β2 = ADAM_BETA2, ε = ADAM_EPSILON from adam.h and
 *   t the number of this step, 1 for the first. x: n×2 row-major, y: n,
 *   n ≥ 1; a, m, v: 2 each.
 *   May call: gradient() from gradient.h; pow() and sqrt() from <math.h>.
 *
 * Hint: at t = 1, m_hat = g and v_hat = g², so the first step moves each
 * coordinate by lr · g / (|g| + ε): almost exactly lr, against the sign of
 * its gradient, however large or small the gradient is.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "adam.h"

#include <math.h>

#include "gradient.h"

void adam_step(const double *x, const double *y, size_t n, double a[2], double m[2],
               double v[2], size_t t, double lr)
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    (void)m;
    (void)v;
    (void)t;
    (void)lr;
}
