#include "loss.h"

#include "linalg.h"

//> mse
double mse(const double *y_hat, const double *y, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double miss = y_hat[i] - y[i];
        sum += miss * miss;
    }
    return sum / (double)n;
}
//< mse

//> loss_of
double loss_of(const double *x, const double *y, size_t n, const double a[2])
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double miss = dot(&x[2 * i], a, 2) - y[i];
        sum += miss * miss;
    }
    return sum / (double)n;
}
//< loss_of
