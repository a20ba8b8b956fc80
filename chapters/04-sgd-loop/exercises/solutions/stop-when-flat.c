/* Solution to ch04/stop-when-flat: step until the gradient is shorter than tol. */
#include "stop-when-flat.h"

#include <math.h>

#include "gradient.h"

size_t descend_until_flat(const double *x, const double *y, size_t n, double a[2],
                          double lr, double tol, size_t max_steps)
{
    size_t steps = 0;
    for (;;) {
        double grad[2];
        gradient(x, y, n, a, grad);
        /* Tested before stepping: a start at the bottom takes no step. */
        if (hypot(grad[0], grad[1]) < tol || steps == max_steps)
            return steps;
        a[0] -= lr * grad[0];
        a[1] -= lr * grad[1];
        steps++;
    }
}
