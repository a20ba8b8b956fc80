/*
 * A common wrong answer to ch02/mae: the misses added with their signs.
 * expect: that is the mean of the misses with their signs
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "mae.h"

double mean_absolute_error(const double *y_hat, const double *y, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += y_hat[i] - y[i];
    return sum / (double)n;
}
