/* Solution to ch03/mae-gradient: the miss's sign where gradient() has the miss. */
#include "mae-gradient.h"

/* −1, 0 or +1: the slope of |r| (0 at the corner, a valid subgradient). */
static double sign(double r)
{
    return (r > 0.0) - (r < 0.0);
}

void mae_gradient(const double *x, const double *y, size_t n, const double a[2],
                  double grad[2])
{
    grad[0] = 0.0;
    grad[1] = 0.0;
    for (size_t i = 0; i < n; i++) {
        double s = sign(a[0] * x[2 * i] + a[1] * x[2 * i + 1] - y[i]);
        grad[0] += s * x[2 * i];
        grad[1] += s * x[2 * i + 1];
    }
    grad[0] /= (double)n;
    grad[1] /= (double)n;
}
