/* Solution to ch06/best-rate: 1 − lr·λmin = lr·λmax − 1 gives lr = 2 / (λmax + λmin). */
#include "best-rate.h"

double best_rate(const double lambda[2], double *rho)
{
    double lr = 2.0 / (lambda[0] + lambda[1]);
    *rho = 1.0 - lr * lambda[1]; /* = (λmax − λmin) / (λmax + λmin) = (κ − 1) / (κ + 1) */
    return lr;
}
