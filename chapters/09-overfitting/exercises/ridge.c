/*
 * Exercise ch09/ridge — overfitting tamed by a penalty: ridge regression.
 *
 * The degree-14 polynomial of chapter 09 passes through all 15 training
 * points with coefficients in the hundreds of thousands, swinging wildly
 * between them. Ridge regression (in neural networks: weight decay) adds a
 * price for large coefficients to the loss,
 *     L(a) = (1/n) |X a − y|² + lambda |a|²,
 * so that the fit only bends as far as the data are worth.
 *
 * There is no new solver to write. Add d more rows to X, row j being
 * sqrt(n·lambda) times the j-th unit vector (sqrt(n·lambda) at column j,
 * 0 elsewhere), each with the target 0. Each extra row misses by
 * sqrt(n·lambda)·a_j, so the least-squares loss of the n + d rows is
 *     (1/(n + d)) (|X a − y|² + n·lambda |a|²)
 *   = n/(n + d) · L(a),
 * the same a minimizes both, and least_squares_d() finds it. (Even with
 * more coefficients than points: the extra rows make the columns
 * independent as soon as lambda > 0.)
 *
 * Task: build the (n + d)×d matrix and the n + d targets in memory of your
 *   own, solve with least_squares_d() into a, free what you allocated, and
 *   return its Status (with err filled in on failure; STATUS_NO_MEMORY,
 *   with a message, if your own allocation fails). Every coefficient is
 *   penalized, the constant's too.
 *   x: n×d row-major, y: n, a: d, lambda ≥ 0.
 *   May call: least_squares_d() from gradient.h, fail() from status.h,
 *   malloc(), calloc(), free(), memcpy() and sqrt().
 *
 * Hint: calloc() gives a matrix of zeros; copy X into its first n rows and
 * set the d entries x_big[(n + j)·d + j].
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "ridge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gradient.h"

Status ridge(const double *x, const double *y, size_t n, size_t d, double lambda, double *a,
             Error *err)
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)d;
    (void)lambda;
    (void)a;
    (void)err;
    return STATUS_OK;
}
