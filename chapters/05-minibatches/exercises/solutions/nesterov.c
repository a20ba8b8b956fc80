/* Solution to ch05/nesterov: the gradient taken where the velocity is heading. */
#include "nesterov.h"

#include "gradient.h"

void nesterov_step(const double *x, const double *y, size_t n, double a[2],
                   double velocity[2], double lr, double beta)
{
    /* Where the old velocity alone would carry a. */
    const double look[2] = {a[0] - lr * beta * velocity[0], a[1] - lr * beta * velocity[1]};
    double grad[2];
    gradient(x, y, n, look, grad);
    for (int j = 0; j < 2; j++) {
        velocity[j] = beta * velocity[j] + grad[j];
        a[j] -= lr * velocity[j]; /* from a, not from look */
    }
}
