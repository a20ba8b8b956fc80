#include "conv.h"

#include <math.h>
#include <stdbool.h>

/* --- One correlation, three uses ---------------------------------------- */

/* x̃, the image with a border of zeros, read at row r and column s counted
 * from the border: r = 0 and r = H + 1 are the zeros above and below, and
 * x̃ at (r, s) is image[r − 1, s − 1] inside. image: H×W */
static double padded(const double *image, size_t H, size_t W, size_t r, size_t s)
{
    bool inside = r >= 1 && r <= H && s >= 1 && s <= W;
    return inside ? image[(r - 1) * W + (s - 1)] : 0.0;
}

//> correlate
/* The correlation of the padded image with a kernel, at offset (r, s):
 *     Σ_{di<kh} Σ_{dj<kw} kernel[di,dj] · x̃[r+di, s+dj]
 * (x̃ counted from its border, as padded() reads it). The forward pass, and
 * both gradients of the backward pass, are this sum with other arguments.
 * image: H×W, kernel: kh×kw */
static double correlate(const double *image, size_t H, size_t W, const double *kernel,
                        size_t kh, size_t kw, size_t r, size_t s)
{
    double sum = 0.0;
    for (size_t di = 0; di < kh; di++)
        for (size_t dj = 0; dj < kw; dj++)
            sum += kernel[di * kw + dj] * padded(image, H, W, r + di, s + dj);
    return sum;
}
//< correlate

/* --- The convolution ---------------------------------------------------- */

//> conv3x3_forward
void conv3x3_forward(double *out, const double *x, const double *weight, const double *bias,
                     size_t B, size_t C, size_t H, size_t W, size_t K)
{
    for (size_t b = 0; b < B; b++)
        for (size_t k = 0; k < K; k++)
            for (size_t i = 0; i < H; i++)
                for (size_t j = 0; j < W; j++) {
                    double sum = bias[k];
                    for (size_t c = 0; c < C; c++) /* filter k's 3×3 kernel on channel c */
                        sum += correlate(x + (b * C + c) * H * W, H, W,
                                         weight + (k * C + c) * 9, 3, 3, i, j);
                    out[((b * K + k) * H + i) * W + j] = sum;
                }
}
//< conv3x3_forward

/* The backward pass, for one image b, one filter k and one channel c (the
 * sums over them just add up), with x̃ the padded image:
 *     out[i,j] = Σ_{di,dj} w[di,dj] · x̃[i+di−1, j+dj−1]  (+ bias)
 *
 * The bias: ∂out[i,j]/∂bias = 1 at every pixel, so dbias = Σ_{i,j} dout[i,j].
 *
 * The weights: ∂out[i,j]/∂w[di,dj] = x̃[i+di−1, j+dj−1], so
 *     dw[di,dj] = Σ_{i,j} dout[i,j] · x̃[i+di−1, j+dj−1],
 * the image correlated with dout: the same sum as the forward pass, with the
 * H×W map dout as the kernel, taken at the 3×3 offsets.
 *
 * The input: x[r,s] reaches out[i,j] through w[r−i+1, s−j+1], when that is a
 * weight (each pixel feeds the 3×3 outputs around it), so
 *     dx[r,s] = Σ_{i,j} dout[i,j] · w[r−i+1, s−j+1].
 * Name the offsets e = i − r + 1 and f = j − s + 1, in 0..2:
 *     dx[r,s] = Σ_{e,f} d̃out[r+e−1, s+f−1] · w[2−e, 2−f],
 * dout, padded with zeros, correlated with the kernel flipped upside down
 * and left to right: the forward pass run backwards, from outputs to inputs.
 * (Without padding it would be the "full" correlation of dout with the
 * flipped kernel, H+2 by W+2; padding 1 keeps its H×W interior.) */

/* dbias[k] += Σ over the map of dout[b, k]. dmap: H×W */
static void add_bias_grad(double *dbias, const double *dmap, size_t H, size_t W)
{
    for (size_t p = 0; p < H * W; p++)
        *dbias += dmap[p];
}

/* dkernel[di,dj] += the image correlated with dmap at offset (di, dj).
 * image, dmap: H×W, dkernel: 3×3 */
static void add_weight_grad(double *dkernel, const double *image, const double *dmap,
                            size_t H, size_t W)
{
    for (size_t di = 0; di < 3; di++)
        for (size_t dj = 0; dj < 3; dj++)
            dkernel[di * 3 + dj] += correlate(image, H, W, dmap, H, W, di, dj);
}

/* dimage[r,s] += dmap, padded, correlated with the flipped kernel at (r, s).
 * Flipping a 3×3 kernel both ways reverses its nine numbers in memory.
 * dmap, dimage: H×W, kernel: 3×3 */
static void add_input_grad(double *dimage, const double *dmap, const double *kernel,
                           size_t H, size_t W)
{
    double flipped[9];
    for (size_t q = 0; q < 9; q++)
        flipped[q] = kernel[8 - q];
    for (size_t r = 0; r < H; r++)
        for (size_t s = 0; s < W; s++)
            dimage[r * W + s] += correlate(dmap, H, W, flipped, 3, 3, r, s);
}

//> conv3x3_backward
void conv3x3_backward(double *dx, double *dweight, double *dbias, const double *dout,
                      const double *x, const double *weight, size_t B, size_t C, size_t H,
                      size_t W, size_t K)
{
    for (size_t b = 0; b < B; b++)
        for (size_t k = 0; k < K; k++) {
            const double *dmap = dout + (b * K + k) * H * W; /* ∂loss/∂out[b, k] */
            add_bias_grad(&dbias[k], dmap, H, W);
            for (size_t c = 0; c < C; c++) {
                add_weight_grad(dweight + (k * C + c) * 9, x + (b * C + c) * H * W, dmap, H,
                                W);
                if (dx != NULL)
                    add_input_grad(dx + (b * C + c) * H * W, dmap, weight + (k * C + c) * 9,
                                   H, W);
            }
        }
}
//< conv3x3_backward

/* --- Max-pooling -------------------------------------------------------- */

//> maxpool2x2_forward
void maxpool2x2_forward(double *out, size_t *argmax, const double *x, size_t B, size_t C,
                        size_t H, size_t W)
{
    size_t Ho = H / 2, Wo = W / 2;
    for (size_t plane = 0; plane < B * C; plane++) /* image b, channel c: plane b·C + c */
        for (size_t i = 0; i < Ho; i++)
            for (size_t j = 0; j < Wo; j++) {
                size_t best = (plane * H + 2 * i) * W + 2 * j; /* the window's top left */
                for (size_t di = 0; di < 2; di++)
                    for (size_t dj = 0; dj < 2; dj++) {
                        size_t q = (plane * H + 2 * i + di) * W + 2 * j + dj;
                        if (x[q] > x[best] || isnan(x[q]))
                            best = q;
                    }
                size_t p = (plane * Ho + i) * Wo + j;
                out[p] = x[best];
                argmax[p] = best;
            }
}
//< maxpool2x2_forward

//> maxpool2x2_backward
void maxpool2x2_backward(double *dx, const double *dout, const size_t *argmax, size_t B,
                         size_t C, size_t H, size_t W)
{
    for (size_t p = 0; p < B * C * (H / 2) * (W / 2); p++)
        dx[argmax[p]] += dout[p];
}
//< maxpool2x2_backward
