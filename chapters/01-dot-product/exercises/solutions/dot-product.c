/* Solution to ch01/dot-product: the dot product of two k-vectors. */
#include "dot-product.h"

double dot_product(const double *u, const double *v, size_t k)
{
    double sum = 0.0; /* the empty sum, so k = 0 gives 0 */
    for (size_t i = 0; i < k; i++)
        sum += u[i] * v[i];
    return sum;
}
