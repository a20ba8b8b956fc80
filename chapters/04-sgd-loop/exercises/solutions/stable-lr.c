/* Solution to ch04/stable-lr: 2 / λmax of the Hessian (2/n) XᵀX. */
#include "stable-lr.h"

#include <math.h>

double stable_learning_rate(const double *x, size_t n)
{
    /* The Hessian [p q; q r] = (2/n) XᵀX, summed row by row. */
    double p = 0.0, q = 0.0, r = 0.0;
    for (size_t i = 0; i < n; i++) {
        p += x[2 * i] * x[2 * i];
        q += x[2 * i] * x[2 * i + 1];
        r += x[2 * i + 1] * x[2 * i + 1];
    }
    double scale = 2.0 / (double)n;
    p *= scale;
    q *= scale;
    r *= scale;

    /* Its larger eigenvalue: the steepest curvature of the bowl. */
    double half_gap = (p - r) / 2.0;
    double lambda_max = (p + r) / 2.0 + sqrt(half_gap * half_gap + q * q);
    return 2.0 / lambda_max;
}
