/* Solution to ch09/ridge: least squares on X with d penalty rows below it. */
#include "ridge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gradient.h"

Status ridge(const double *x, const double *y, size_t n, size_t d, double lambda, double *a,
             Error *err)
{
    double *x_big = calloc((n + d) * d, sizeof *x_big);
    double *y_big = calloc(n + d, sizeof *y_big); /* the d penalty rows aim at 0 */
    if (x_big == NULL || y_big == NULL) {
        free(x_big);
        free(y_big);
        return fail(err, STATUS_NO_MEMORY, "out of memory for a ridge fit");
    }
    memcpy(x_big, x, n * d * sizeof *x_big);
    memcpy(y_big, y, n * sizeof *y_big);
    for (size_t j = 0; j < d; j++)
        x_big[(n + j) * d + j] = sqrt((double)n * lambda); /* misses by sqrt(n lambda) a_j */
    Status status = least_squares_d(x_big, y_big, n + d, d, a, err);
    free(x_big);
    free(y_big);
    return status;
}
