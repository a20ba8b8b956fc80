/* Solution to ch02/mae: the mean absolute error. */
#include "mae.h"

#include <math.h>

double mean_absolute_error(const double *y_hat, const double *y, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += fabs(y_hat[i] - y[i]); /* a miss costs its size, high or low */
    return sum / (double)n;
}
