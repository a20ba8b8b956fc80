/*
 * A common wrong answer to ch03/finite-difference: a one-sided difference.
 * expect: that is the one-sided difference
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "finite-difference.h"

void central_difference(ScalarFunction f, const void *context, double *a, size_t k,
                        double h, double *grad)
{
    for (size_t j = 0; j < k; j++) {
        double here = f(a, context), saved = a[j];
        a[j] = saved + h;
        grad[j] = (f(a, context) - here) / h;
        a[j] = saved;
    }
}
