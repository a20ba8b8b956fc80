/* Solution to ch07/adam: running means of g and g², bias-corrected. */
#include "adam.h"

#include <math.h>

#include "gradient.h"

void adam_step(const double *x, const double *y, size_t n, double a[2], double m[2],
               double v[2], size_t t, double lr)
{
    double g[2];
    gradient(x, y, n, a, g); /* at the a we were given, before moving it */
    double correct1 = 1.0 - pow(ADAM_BETA1, (double)t);
    double correct2 = 1.0 - pow(ADAM_BETA2, (double)t);
    for (int j = 0; j < 2; j++) {
        m[j] = ADAM_BETA1 * m[j] + (1.0 - ADAM_BETA1) * g[j];
        v[j] = ADAM_BETA2 * v[j] + (1.0 - ADAM_BETA2) * g[j] * g[j];
        double m_hat = m[j] / correct1, v_hat = v[j] / correct2;
        a[j] -= lr * m_hat / (sqrt(v_hat) + ADAM_EPSILON);
    }
}
