#include "layers.h"

#include <math.h>

#include "softmax.h"

void linear_init(double *weight, double *bias, size_t c, size_t k, Rng *rng)
{
    double bound = 1.0 / sqrt((double)c);
    for (size_t j = 0; j < k * c; j++)
        weight[j] = rng_uniform_between(rng, -bound, bound);
    for (size_t j = 0; j < k; j++)
        bias[j] = rng_uniform_between(rng, -bound, bound);
}

//> linear
void linear_forward(double *out, const double *inp, const double *weight, const double *bias,
                    size_t b, size_t c, size_t k)
{
    for (size_t i = 0; i < b; i++) {
        const double *x = &inp[i * c];
        for (size_t o = 0; o < k; o++) {
            const double *w = &weight[o * c];
            double sum = bias[o];
            for (size_t j = 0; j < c; j++)
                sum += w[j] * x[j];
            out[i * k + o] = sum;
        }
    }
}

void linear_backward(double *dinp, double *dweight, double *dbias, const double *dout,
                     const double *inp, const double *weight, size_t b, size_t c, size_t k)
{
    for (size_t i = 0; i < b; i++) {
        const double *x = &inp[i * c];
        for (size_t o = 0; o < k; o++) {
            double g = dout[i * k + o]; /* ∂loss/∂out[i][o] */
            const double *w = &weight[o * c];
            double *dw = &dweight[o * c];
            for (size_t j = 0; dinp != NULL && j < c; j++)
                dinp[i * c + j] += g * w[j]; /* out[i][o] moves with x[j] by w[o][j] */
            for (size_t j = 0; j < c; j++)
                dw[j] += g * x[j];           /* and with w[o][j] by x[j] */
            dbias[o] += g;                   /* and with b[o] by 1 */
        }
    }
}
//< linear

//> relu
void relu_forward(double *out, const double *inp, size_t n)
{
    for (size_t j = 0; j < n; j++)
        out[j] = inp[j] > 0.0 ? inp[j] : 0.0;
}

void relu_backward(double *dinp, const double *inp, const double *dout, size_t n)
{
    for (size_t j = 0; j < n; j++)
        dinp[j] += inp[j] > 0.0 ? dout[j] : 0.0;
}
//< relu

//> softmax_cross_entropy
double softmax_cross_entropy_forward(double *probs, const double *logits, const size_t *label,
                                     size_t b, size_t k)
{
    double loss = 0.0;
    for (size_t i = 0; i < b; i++) {
        loss += cross_entropy(&logits[i * k], k, label[i]); /* −log p_y, shifted */
        softmax(&logits[i * k], k, &probs[i * k]);
    }
    return loss / (double)b;
}

void softmax_cross_entropy_backward(double *dlogits, const double *probs, const size_t *label,
                                    size_t b, size_t k)
{
    for (size_t i = 0; i < b; i++)
        for (size_t o = 0; o < k; o++)
            dlogits[i * k + o] += (probs[i * k + o] - (o == label[i])) / (double)b;
}
//< softmax_cross_entropy
