#include "linalg.h"

#include <math.h>

//> dot
double dot(const double *u, const double *v, size_t k)
{
    double sum = 0.0;
    for (size_t i = 0; i < k; i++)
        sum += u[i] * v[i];
    return sum;
}
//< dot

//> predict
void predict(const double *x, size_t n, const double a[2], double *y_hat)
{
    for (size_t i = 0; i < n; i++)
        y_hat[i] = dot(&x[2 * i], a, 2); /* row i of X, times a */
}
//< predict

//> transpose_times
void transpose_times(const double *x, size_t n, const double *r, double out[2])
{
    /* Column j of X is x[j], x[2 + j], x[4 + j], ...: walk the rows once and
     * add each row's contribution to both sums. */
    out[0] = 0.0;
    out[1] = 0.0;
    for (size_t i = 0; i < n; i++) {
        out[0] += x[2 * i] * r[i];
        out[1] += x[2 * i + 1] * r[i];
    }
}
//< transpose_times
