/* Solution to ch01/predict-rows: y_hat = X a, one dot product per row. */
#include "predict-rows.h"

#include "linalg.h"

void predict_rows(const double *x, size_t n, size_t k, const double *a, double *y_hat)
{
    for (size_t i = 0; i < n; i++)
        y_hat[i] = dot(&x[i * k], a, k); /* row-major: row i is k numbers in a row */
}
