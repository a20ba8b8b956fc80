/* Solution to ch02/mse-by-hand: predict, miss, square, average, in one loop. */
#include "mse-by-hand.h"

double mse_by_hand(const double *x, const double *y, size_t n, const double a[2])
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double y_hat = a[0] * x[2 * i] + a[1] * x[2 * i + 1]; /* row i of X times a */
        double miss = y_hat - y[i];
        sum += miss * miss;
    }
    return sum / (double)n;
}
