/*
 * conv.h — the layers that see an image as an image: a 3×3 convolution and
 * 2×2 max-pooling, each a forward and a backward function over plain arrays.
 * Introduced in chapter 12.
 *
 * A batch of images is a plain array of doubles in PyTorch's layout,
 * (B, C, H, W) row-major: B images of C channels (1 for a grey digit, one per
 * filter after a convolution), each H rows of W pixels. Pixel (i, j) of
 * channel c of image b is x[((b·C + c)·H + i)·W + j].
 *
 * Every layer is two functions, as llm.c writes them. forward() computes out
 * from x. backward() is given dout = ∂loss/∂out and ADDS ∂loss/∂x into dx and
 * ∂loss/∂(its weights) into dweight and dbias, as loss.backward() adds into
 * .grad: zero them before each step (optimizer.zero_grad()), and a value used
 * twice gets both shares.
 *
 * Two layers of the network need nothing here. ReLU is elementwise, so it
 * does not care how the numbers are laid out: chapter 11's, over the B·C·H·W
 * numbers of a batch, serves. Flatten (nn.Flatten) is no operation at all:
 * (B, K, H, W) row-major already is (B, K·H·W) row-major, in the order
 * PyTorch flattens, so the linear layer reads the pooled maps where they lie.
 */
#ifndef SGD_CONV_H
#define SGD_CONV_H

#include <stddef.h>

/* --- The 3×3 convolution, nn.Conv2d(C, K, 3, padding=1) ---------------- */

/* Filter k slides over every pixel of the image and answers with one number
 * there: the sum, over the C channels and the 3×3 pixels around (i, j), of
 * weight × pixel, plus its bias,
 *     out[b,k,i,j] = bias[k] + Σ_c Σ_{di,dj=0..2} weight[k,c,di,dj] · x̃[b,c,i+di−1,j+dj−1],
 * where x̃ is x with a border of zeros (padding 1), so that out keeps x's
 * height and width. (PyTorch's "convolution" is this correlation: the kernel
 * is not flipped.)
 * x is (B, C, H, W), weight (K, C, 3, 3), bias (K), out (B, K, H, W) */
void conv3x3_forward(double *out, const double *x, const double *weight, const double *bias,
                     size_t B, size_t C, size_t H, size_t W, size_t K);

/* The three gradients, each a correlation again (conv.c derives them):
 *     dbias[k]           += Σ_{b,i,j} dout[b,k,i,j]
 *     dweight[k,c,di,dj] += Σ_{b,i,j} dout[b,k,i,j] · x̃[b,c,i+di−1,j+dj−1]
 *                           (x correlated with dout)
 *     dx[b,c,r,s]        += Σ_k Σ_{di,dj} d̃out[b,k,r+di−1,s+dj−1] · weight[k,c,2−di,2−dj]
 *                           (dout, padded, correlated with the flipped kernel)
 * dx may be NULL: the network's input needs no gradient, and the first
 * layer's would be a third of its backward's work.
 * dout is (B, K, H, W); x and weight as given to forward; adds into dx
 * (B, C, H, W), dweight (K, C, 3, 3) and dbias (K) */
void conv3x3_backward(double *dx, double *dweight, double *dbias, const double *dout,
                      const double *x, const double *weight, size_t B, size_t C, size_t H,
                      size_t W, size_t K);

/* --- 2×2 max-pooling, nn.MaxPool2d(2) ---------------------------------- */

/* Each 2×2 window of each channel is replaced by its largest value, which
 * halves the height and the width; argmax remembers where in x each winner
 * sat, for backward. An odd last row or column belongs to no window and is
 * dropped, as PyTorch drops it. Of equal values the first (in reading order)
 * wins, and a NaN always wins, so a blow-up is never hidden by the pool; both
 * as PyTorch does.
 * x is (B, C, H, W); out and argmax (B, C, H/2, W/2), argmax holding indices
 * into x */
void maxpool2x2_forward(double *out, size_t *argmax, const double *x, size_t B, size_t C,
                        size_t H, size_t W);

/* The window's other three values did not reach the output, so a small
 * change in them changes nothing: all of dout goes to the winner,
 *     dx[argmax[p]] += dout[p].
 * dout and argmax are (B, C, H/2, W/2), argmax from forward; adds into dx
 * (B, C, H, W) */
void maxpool2x2_backward(double *dx, const double *dout, const size_t *argmax, size_t B,
                         size_t C, size_t H, size_t W);

#endif
