/* Solution to ch11/label-smoothing: cross-entropy against q, gradient p − q. */
#include "label-smoothing.h"

#include <stddef.h>

#include "softmax.h"

/* q_c for a row whose label is y. */
static double smoothed(size_t c, size_t y, size_t k, double eps)
{
    return (1.0 - eps) * (c == y) + eps / (double)k;
}

double smoothed_cross_entropy_forward(double *probs, const double *logits, const size_t *label,
                                      size_t b, size_t k, double eps)
{
    double loss = 0.0;
    for (size_t i = 0; i < b; i++) {
        const double *z = &logits[i * k];
        double target = 0.0; /* Σ_c q_c z_c */
        for (size_t c = 0; c < k; c++)
            target += smoothed(c, label[i], k, eps) * z[c];
        loss += log_sum_exp(z, k) - target;
        softmax(z, k, &probs[i * k]);
    }
    return loss / (double)b;
}

void smoothed_cross_entropy_backward(double *dlogits, const double *probs, const size_t *label,
                                     size_t b, size_t k, double eps)
{
    for (size_t i = 0; i < b; i++)
        for (size_t c = 0; c < k; c++)
            dlogits[i * k + c] += (probs[i * k + c] - smoothed(c, label[i], k, eps)) / (double)b;
}
