/*
 * A common wrong answer to ch02/mae: the sum kept in an int.
 * expect: that is what an int sum gives
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "mae.h"

#include <math.h>

double mean_absolute_error(const double *y_hat, const double *y, size_t n)
{
    int sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += fabs(y_hat[i] - y[i]);
    return sum / (double)n;
}
