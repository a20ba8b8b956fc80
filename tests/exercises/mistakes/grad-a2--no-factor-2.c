/*
 * A common wrong answer to ch03/grad-a2: the factor 2 of d(r^2)/dr left out.
 * expect: that is half the slope, the factor 2 left out
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "grad-a2.h"

double grad_a2(const double *x, const double *y, size_t n, const double a[2])
{
    double sum_of_misses = 0.0;
    for (size_t i = 0; i < n; i++)
        sum_of_misses += a[0] * x[2 * i] + a[1] - y[i];
    return sum_of_misses / (double)n;
}
