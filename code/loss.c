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
inline double loss_of_d(const double *x, const double *y, size_t n, size_t d,
                        const double *a)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double miss = dot(&x[d * i], a, d) - y[i]; /* row i of X, times a */
        sum += miss * miss;
    }
    return sum / (double)n;
}

double loss_of(const double *x, const double *y, size_t n, const double a[2])
{
    return loss_of_d(x, y, n, 2, a);
}
//< loss_of
