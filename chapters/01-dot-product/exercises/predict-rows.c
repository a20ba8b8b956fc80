/*
 * Exercise ch01/predict-rows — predict every point at once: y_hat = X a.
 *
 * Chapter 01's predict() does this for X with 2 columns (x1 and x2 = 1).
 * Write it for any number k of columns, as a model with k inputs needs.
 *
 * Task: for each row i = 0 … n-1, set y_hat[i] to the dot product of row i
 *   of X with a:  y_hat[i] = x[i*k + 0]*a[0] + … + x[i*k + k-1]*a[k-1].
 *   x: n×k row-major (row i is x[i*k] … x[i*k + k-1]), a: k, y_hat: n.
 *   n may be 0 (then write nothing); k is at least 1.
 *   May call: dot() from linalg.h, the library's dot product. Not your
 *   dot_product() from exercise ch01/dot-product: each exercise is built
 *   on its own, with the library but without the other exercises.
 *
 * Hint: row i starts at &x[i*k], and a row times a is one dot product.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "predict-rows.h"

#include "linalg.h"

void predict_rows(const double *x, size_t n, size_t k, const double *a, double *y_hat)
{
    /* TODO: your code here */
    (void)x;
    (void)n;
    (void)k;
    (void)a;
    (void)y_hat;
}
