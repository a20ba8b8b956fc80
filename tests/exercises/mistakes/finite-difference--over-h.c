/*
 * A common wrong answer to ch03/finite-difference: divided by h, not 2h.
 * expect: that is twice the slope
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "finite-difference.h"

void central_difference(ScalarFunction f, const void *context, double *a, size_t k,
                        double h, double *grad)
{
    for (size_t j = 0; j < k; j++) {
        double saved = a[j];
        a[j] = saved + h;
        double up = f(a, context);
        a[j] = saved - h;
        double down = f(a, context);
        a[j] = saved;
        grad[j] = (up - down) / h;
    }
}
