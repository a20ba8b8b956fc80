#include "softmax.h"

#include <math.h>

double max_of(const double *z, size_t k)
{
    double m = z[0];
    for (size_t j = 1; j < k; j++)
        m = z[j] > m ? z[j] : m;
    return m;
}

size_t argmax(const double *z, size_t k)
{
    size_t best = 0;
    for (size_t j = 1; j < k; j++)
        if (z[j] > z[best])
            best = j;
    return best;
}

//> log_sum_exp
double log_sum_exp(const double *z, size_t k)
{
    double m = max_of(z, k); /* the shift: the largest exponent is e^0 = 1 */
    double sum = 0.0;
    for (size_t j = 0; j < k; j++)
        sum += exp(z[j] - m);
    return m + log(sum); /* sum is at least 1, so its log is finite */
}
//< log_sum_exp

void softmax(const double *z, size_t k, double *p)
{
    double m = max_of(z, k), sum = 0.0;
    for (size_t j = 0; j < k; j++) {
        p[j] = exp(z[j] - m);
        sum += p[j];
    }
    for (size_t j = 0; j < k; j++)
        p[j] /= sum;
}

double cross_entropy(const double *z, size_t k, size_t y)
{
    return log_sum_exp(z, k) - z[y];
}

/* z = W x + b for one example. x: D, w: (K, D), b: K, z: K */
static void logits_of(const double *x, size_t d, size_t k, const double *w, const double *b,
                      double *z)
{
    for (size_t c = 0; c < k; c++) {
        double sum = b[c];
        for (size_t j = 0; j < d; j++)
            sum += w[c * d + j] * x[j];
        z[c] = sum;
    }
}

//> softmax_regression
double softmax_regression(const double *x, const size_t *label, size_t n, size_t d,
                          size_t k, const double *w, const double *b, double *probs,
                          double *grad_w, double *grad_b)
{
    for (size_t c = 0; grad_w != NULL && c < k * d; c++)
        grad_w[c] = 0.0;
    for (size_t c = 0; grad_b != NULL && c < k; c++)
        grad_b[c] = 0.0;
    double loss = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *x_i = &x[i * d];
        double *p = &probs[i * k];
        logits_of(x_i, d, k, w, b, p);         /* z_i = W x_i + b, in p for now */
        loss += cross_entropy(p, k, label[i]); /* −log p_y, from the logits */
        softmax(p, k, p);                      /* p_i = softmax(z_i) */
        for (size_t c = 0; c < k; c++) {
            double miss = (p[c] - (c == label[i])) / (double)n; /* (P − Y)[i][c] / n */
            if (grad_b != NULL)
                grad_b[c] += miss;
            for (size_t j = 0; grad_w != NULL && j < d; j++)
                grad_w[c * d + j] += miss * x_i[j]; /* ((P − Y)ᵀ X)[c][j] / n */
        }
    }
    return loss / (double)n;
}
//< softmax_regression
