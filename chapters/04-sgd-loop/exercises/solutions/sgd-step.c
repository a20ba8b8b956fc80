/* Solution to ch04/sgd-step: a -= lr * grad, the gradient taken before the step. */
#include "sgd-step.h"

#include "gradient.h"

void sgd_step(const double *x, const double *y, size_t n, double a[2], double lr)
{
    double grad[2];
    gradient(x, y, n, a, grad); /* uphill, at the a we were given */
    a[0] -= lr * grad[0];       /* so step the other way */
    a[1] -= lr * grad[1];
}
