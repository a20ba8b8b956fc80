/*
 * A common wrong answer to ch04/sgd-step: the step taken with the gradient.
 * expect: that is a step uphill
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "sgd-step.h"

#include "gradient.h"

void sgd_step(const double *x, const double *y, size_t n, double a[2], double lr)
{
    double grad[2];
    gradient(x, y, n, a, grad);
    a[0] += lr * grad[0];
    a[1] += lr * grad[1];
}
