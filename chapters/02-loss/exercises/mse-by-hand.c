/*
 * Exercise ch02/mse-by-hand — the loss of a guess, every step written out.
 *
 * Chapter 02 scores a guess a with predict() and then mse(). Do it in one
 * loop, calling nothing: predict each point, measure the miss, square it,
 * average.
 *
 * Task: return (1/n) Σ (a[0]*x1_i + a[1]*x2_i − y_i)² over i = 0 … n-1,
 *   where x1_i = x[2*i] and x2_i = x[2*i + 1] (which is 1 in this course).
 *   x: n×2 row-major, y: n, a: 2, n ≥ 1.
 *   May call: no function (not dot(), predict(), mse() or loss_of()), so
 *   that you see every step.
 *
 * Hint: y_hat_i = a[0]*x[2*i] + a[1]*x[2*i + 1]; square with miss * miss.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "mse-by-hand.h"

double mse_by_hand(const double *x, const double *y, size_t n, const double a[2])
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)a;
    return 0.0;
}
