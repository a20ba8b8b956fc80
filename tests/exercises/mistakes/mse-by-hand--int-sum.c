/*
 * A common wrong answer to ch02/mse-by-hand: the sum kept in an int.
 * expect: that is what an int sum gives
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "mse-by-hand.h"

double mse_by_hand(const double *x, const double *y, size_t n, const double a[2])
{
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        double miss = a[0] * x[2 * i] + a[1] * x[2 * i + 1] - y[i];
        sum += miss * miss;
    }
    return sum / (double)n;
}
