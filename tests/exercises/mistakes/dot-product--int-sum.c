/*
 * A common wrong answer to ch01/dot-product: the sum kept in an int.
 * expect: that is what an int sum gives
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "dot-product.h"

double dot_product(const double *u, const double *v, size_t k)
{
    int sum = 0;
    for (size_t i = 0; i < k; i++)
        sum += u[i] * v[i];
    return sum;
}
