/*
 * Exercise ch03/grad-a2 — one slope of the loss, by hand.
 *
 * The loss is L(a) = (1/n) Σ (a1*x1_i + a2 − y_i)². Differentiate it with
 * respect to a2 alone: the chain rule turns each square u² into 2u times the
 * derivative of u, and the derivative of a1*x1_i + a2 − y_i by a2 is 1. So
 *     ∂L/∂a2 = (2/n) Σ (a1*x1_i + a2 − y_i):
 * twice the mean miss. It is the second number of chapter 03's gradient.
 *
 * Task: return (2/n) Σ (a[0]*x[2*i] + a[1] − y[i]) over i = 0 … n-1.
 *   x: n×2 row-major (x[2*i] is x1 of point i; x[2*i + 1] is 1), y: n,
 *   a: 2, n ≥ 1.
 *   May call: no function (not gradient(): the derivation is the point).
 *
 * Hint: add up the misses y_hat_i − y_i, then multiply by 2.0 / n.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "grad-a2.h"

double grad_a2(const double *x, const double *y, size_t n, const double a[2])
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    return 0.0;
}
