/* Solution to ch03/finite-difference: central differences, one coordinate at a time. */
#include "finite-difference.h"

void central_difference(ScalarFunction f, const void *context, double *a, size_t k,
                        double h, double *grad)
{
    for (size_t j = 0; j < k; j++) {
        double saved = a[j]; /* restored exactly, not by subtracting h again */
        a[j] = saved + h;
        double up = f(a, context);
        a[j] = saved - h;
        double down = f(a, context);
        a[j] = saved;
        grad[j] = (up - down) / (2.0 * h);
    }
}
