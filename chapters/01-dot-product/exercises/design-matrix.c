/*
 * Exercise ch01/design-matrix — the column of ones that makes a line a dot product.
 *
 * A line y = a1*x1 + a2 becomes the dot product x·a once every point gets a
 * second input x2 = 1. Build that matrix X from the inputs x1 alone.
 *
 * Task: write X, n rows of (x1, 1):  x[2*i] = x1[i] and x[2*i + 1] = 1.0.
 *   x1: n, x: n×2 row-major (room for 2n numbers). n may be 0 (write nothing).
 *   May call: no function.
 *
 * Hint: row i of a 2-column row-major matrix starts at x[2*i].
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "design-matrix.h"

void design_matrix(const double *x1, size_t n, double *x)
{
    /* TODO: your code here */
    (void)x1;
    (void)n;
    (void)x;
}
