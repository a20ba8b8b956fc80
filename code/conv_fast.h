/*
 * conv_fast.h — the 3×3 convolution of conv.h again, three to five times
 * faster (make bench measures it): the image unrolled into a matrix
 * (im2col), then one matrix product in small blocks that stay in the
 * processor's registers.
 * Introduced in chapter 12, for its training runs; the book shows conv.c.
 *
 * Each output pixel of filter k is a dot product of the filter's C·9 weights
 * with the C·9 input pixels under it. Copy those pixels, for every output
 * pixel, into the columns of a matrix cols, (C·9) × (H·W), and the whole
 * layer is one product: out[b] (K × H·W) = weight (K × C·9) · cols. The
 * backward pass is two more products with the same matrices:
 *     dweight += dout[b] · colsᵀ,     dcols = weightᵀ · dout[b],
 * and dcols is added back into dx where each of its entries was copied from
 * (col2im). Nine copies of each pixel cost memory, but the product then runs
 * over contiguous rows with no test for the border, and a 4×4 block of the
 * result can be summed in registers (16 numbers, 8 SIMD registers at the
 * course's flags) while each number read from memory is used four times.
 *
 * The results agree with conv.h's to rounding, not to the last bit: the sums
 * are the same, added in another order. The tests check 1e-12.
 */
#ifndef SGD_CONV_FAST_H
#define SGD_CONV_FAST_H

#include <stddef.h>

/* How many doubles of scratch memory the two functions below need for one
 * layer of this shape (any B): room for cols, dcols, one image's dout
 * transposed, the weights transposed and their gradient transposed. */
size_t conv3x3_fast_scratch(size_t C, size_t H, size_t W, size_t K);

/* conv3x3_forward(), faster.
 * x is (B, C, H, W), weight (K, C, 3, 3), bias (K), out (B, K, H, W);
 * scratch: conv3x3_fast_scratch(C, H, W, K) doubles */
void conv3x3_forward_fast(double *out, const double *x, const double *weight,
                          const double *bias, size_t B, size_t C, size_t H, size_t W, size_t K,
                          double *scratch);

/* conv3x3_backward(), faster: adds into dx (NULL: not wanted), dweight and
 * dbias. dout is (B, K, H, W); x and weight as given to forward; dx is
 * (B, C, H, W), dweight (K, C, 3, 3), dbias (K);
 * scratch: conv3x3_fast_scratch(C, H, W, K) doubles */
void conv3x3_backward_fast(double *dx, double *dweight, double *dbias, const double *dout,
                           const double *x, const double *weight, size_t B, size_t C,
                           size_t H, size_t W, size_t K, double *scratch);

#endif
