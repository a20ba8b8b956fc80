/* Solution to ch06/backtracking: halve the rate until the step goes downhill. */
#include "backtracking.h"

#include "gradient.h"
#include "loss.h"

double backtracking_step(const double *x, const double *y, size_t n, double a[2], double lr)
{
    double grad[2];
    gradient(x, y, n, a, grad);
    double loss = loss_of(x, y, n, a);
    for (int tries = 0; tries < 60; tries++, lr /= 2.0) {
        double candidate[2] = {a[0] - lr * grad[0], a[1] - lr * grad[1]};
        if (loss_of(x, y, n, candidate) < loss) {
            a[0] = candidate[0];
            a[1] = candidate[1];
            return lr;
        }
    }
    return 0.0; /* nothing lowered the loss: a is at the bottom already */
}
