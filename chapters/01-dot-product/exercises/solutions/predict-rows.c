/* Solution to ch01/predict-rows: y_hat = X a, one dot product per row. */
#include "predict-rows.h"

void predict_rows(const double *x, size_t n, size_t k, const double *a, double *y_hat)
{
    for (size_t i = 0; i < n; i++) {
        const double *row = &x[i * k]; /* row-major: row i is k numbers in a row */
        double sum = 0.0;
        for (size_t j = 0; j < k; j++)
            sum += row[j] * a[j];
        y_hat[i] = sum;
    }
}
