/* Solution to ch05/momentum: the velocity carries past gradients into each step. */
#include "momentum.h"

#include "gradient.h"

void momentum_step(const double *x, const double *y, size_t n, double a[2],
                   double velocity[2], double lr, double beta)
{
    double grad[2];
    gradient(x, y, n, a, grad);
    for (int j = 0; j < 2; j++) {
        velocity[j] = beta * velocity[j] + grad[j]; /* old steps fade by beta */
        a[j] -= lr * velocity[j];
    }
}
