/* Solution to ch03/grad-a2: ∂L/∂a2 is twice the mean miss. */
#include "grad-a2.h"

double grad_a2(const double *x, const double *y, size_t n, const double a[2])
{
    double sum_of_misses = 0.0;
    for (size_t i = 0; i < n; i++)
        sum_of_misses += a[0] * x[2 * i] + a[1] - y[i]; /* y_hat_i − y_i */
    return 2.0 / (double)n * sum_of_misses;
}
