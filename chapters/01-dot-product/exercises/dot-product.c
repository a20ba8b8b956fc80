/*
 * Exercise ch01/dot-product — the dot product of two vectors of any length.
 *
 * Chapter 01's dot() multiplies vectors of 2 numbers, a row x = (x1, x2)
 * and the coefficients a = (a1, a2). Write it for vectors of k numbers.
 *
 * Task: return u·v = u[0]*v[0] + u[1]*v[1] + … + u[k-1]*v[k-1].
 *   u: k, v: k. k may be 0: the sum of no products is 0.
 *   Read only the first k numbers of each; change nothing.
 *   May call: no function (this is the library's dot(), written by you).
 *
 * Hint: start a sum at 0.0 and add one product per i.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "dot-product.h"

double dot_product(const double *u, const double *v, size_t k)
{
    /* TODO: your code here */
    (void)u;
    (void)v;
    (void)k;
    return 0.0;
}
