#include "conv_fast.h"

#include <string.h>

/* --- A small matrix product, in 4×4 blocks ------------------------------ */

/* product[0..rows)[0..cols) += a · b over the shared length L, the edge of
 * the product (fewer than 4 rows or columns), one number at a time. Each
 * entry is summed from 0 over l and then added, as block_4x4() does, so the
 * edge and the blocks round alike. a: rows×L (rows lda apart), b: L×cols
 * (rows ldb apart), product: rows×cols (rows ldp apart) */
static void block_edge(double *product, const double *a, const double *b, size_t L,
                       size_t lda, size_t ldb, size_t ldp, size_t rows, size_t cols)
{
    for (size_t m = 0; m < rows; m++)
        for (size_t n = 0; n < cols; n++) {
            double sum = 0.0;
            for (size_t l = 0; l < L; l++)
                sum += a[m * lda + l] * b[l * ldb + n];
            product[m * ldp + n] += sum;
        }
}

/* The same for a full 4×4 block, its sixteen sums in named variables so the
 * compiler keeps them in registers (an array here would live in memory, and
 * every step would load and store it). Each step reads four numbers of a and
 * four of b and does sixteen multiply-adds with them; the compiler pairs the
 * columns into SIMD operations, two doubles each. */
static void block_4x4(double *product, const double *a, const double *b, size_t L,
                      size_t lda, size_t ldb, size_t ldp)
{
    double p00 = 0, p01 = 0, p02 = 0, p03 = 0, p10 = 0, p11 = 0, p12 = 0, p13 = 0;
    double p20 = 0, p21 = 0, p22 = 0, p23 = 0, p30 = 0, p31 = 0, p32 = 0, p33 = 0;
    for (size_t l = 0; l < L; l++) {
        const double *row = b + l * ldb;
        double b0 = row[0], b1 = row[1], b2 = row[2], b3 = row[3];
        double a0 = a[l], a1 = a[lda + l], a2 = a[2 * lda + l], a3 = a[3 * lda + l];
        p00 += a0 * b0; p01 += a0 * b1; p02 += a0 * b2; p03 += a0 * b3;
        p10 += a1 * b0; p11 += a1 * b1; p12 += a1 * b2; p13 += a1 * b3;
        p20 += a2 * b0; p21 += a2 * b1; p22 += a2 * b2; p23 += a2 * b3;
        p30 += a3 * b0; p31 += a3 * b1; p32 += a3 * b2; p33 += a3 * b3;
    }
    double *p = product;
    p[0] += p00; p[1] += p01; p[2] += p02; p[3] += p03;
    p += ldp;
    p[0] += p10; p[1] += p11; p[2] += p12; p[3] += p13;
    p += ldp;
    p[0] += p20; p[1] += p21; p[2] += p22; p[3] += p23;
    p += ldp;
    p[0] += p30; p[1] += p31; p[2] += p32; p[3] += p33;
}

/* product += a · b. a: M×L, b: L×N, product: M×N, all row-major */
static void matmul_add(double *product, const double *a, const double *b, size_t M,
                       size_t L, size_t N)
{
    size_t m = 0;
    for (; m + 4 <= M; m += 4) {
        size_t n = 0;
        for (; n + 4 <= N; n += 4)
            block_4x4(product + m * N + n, a + m * L, b + n, L, L, N, N);
        block_edge(product + m * N + n, a + m * L, b + n, L, L, N, N, 4, N - n);
    }
    block_edge(product + m * N, a + m * L, b, L, L, N, N, M - m, N);
}

/* out (cols×rows) = in (rows×cols) transposed. */
static void transpose(double *out, const double *in, size_t rows, size_t cols)
{
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++)
            out[c * rows + r] = in[r * cols + c];
}

/* --- im2col and back ---------------------------------------------------- */

/* dst[j] = src[j + dj − 1], and 0 where that falls outside the row (the
 * padding); a NULL src is a row of padding. dst, src: W; dj in 0..2 */
static void shifted_row(double *dst, const double *src, size_t W, size_t dj)
{
    if (src == NULL) {
        memset(dst, 0, W * sizeof *dst);
        return;
    }
    size_t first = dj == 0 ? 1 : 0, end = dj == 2 ? W - 1 : W; /* j with a pixel */
    for (size_t j = 0; j < first; j++)
        dst[j] = 0.0;
    for (size_t j = first; j < end; j++)
        dst[j] = src[j + dj - 1];
    for (size_t j = end; j < W; j++)
        dst[j] = 0.0;
}

/* The reverse: src[j] added to dst[j + dj − 1] where that is in the row.
 * dst, src: W; dj in 0..2 */
static void add_shifted_row(double *dst, const double *src, size_t W, size_t dj)
{
    size_t first = dj == 0 ? 1 : 0, end = dj == 2 ? W - 1 : W;
    for (size_t j = first; j < end; j++)
        dst[j + dj - 1] += src[j];
}

/* Row (c, di, dj) of cols holds what weight (c, di, dj) multiplies at every
 * output pixel (i, j): x̃[c, i+di−1, j+dj−1], 0 on the padding.
 * image: C×H×W, cols: (C·9)×(H·W) */
static void im2col(double *cols, const double *image, size_t C, size_t H, size_t W)
{
    for (size_t c = 0; c < C; c++)
        for (size_t d = 0; d < 9; d++) { /* d = 3·di + dj */
            size_t di = d / 3, dj = d % 3;
            double *row = cols + (c * 9 + d) * H * W;
            for (size_t i = 0; i < H; i++) {
                size_t r = i + di; /* the input row, counted from the padding */
                const double *src = r >= 1 && r <= H ? image + (c * H + r - 1) * W : NULL;
                shifted_row(row + i * W, src, W, dj);
            }
        }
}

/* dimage += every entry of dcols, at the pixel im2col() copied it from.
 * dcols: (C·9)×(H·W), dimage: C×H×W */
static void col2im_add(double *dimage, const double *dcols, size_t C, size_t H, size_t W)
{
    for (size_t c = 0; c < C; c++)
        for (size_t d = 0; d < 9; d++) {
            size_t di = d / 3, dj = d % 3;
            const double *row = dcols + (c * 9 + d) * H * W;
            for (size_t i = 0; i < H; i++) {
                size_t r = i + di;
                if (r >= 1 && r <= H)
                    add_shifted_row(dimage + (c * H + r - 1) * W, row + i * W, W, dj);
            }
        }
}

/* --- The layer ---------------------------------------------------------- */

size_t conv3x3_fast_scratch(size_t C, size_t H, size_t W, size_t K)
{
    size_t Q = C * 9, N = H * W; /* weights per filter, pixels per map */
    return 2 * Q * N + N * K + 2 * Q * K;
}

void conv3x3_forward_fast(double *out, const double *x, const double *weight,
                          const double *bias, size_t B, size_t C, size_t H, size_t W, size_t K,
                          double *scratch)
{
    size_t Q = C * 9, N = H * W;
    double *cols = scratch;
    for (size_t b = 0; b < B; b++) {
        im2col(cols, x + b * C * N, C, H, W);
        double *map = out + b * K * N; /* (K, H·W): as out[b] lies */
        for (size_t k = 0; k < K; k++)
            for (size_t p = 0; p < N; p++)
                map[k * N + p] = bias[k];
        matmul_add(map, weight, cols, K, Q, N); /* weight is (K, C·9) as it lies */
    }
}

void conv3x3_backward_fast(double *dx, double *dweight, double *dbias, const double *dout,
                           const double *x, const double *weight, size_t B, size_t C,
                           size_t H, size_t W, size_t K, double *scratch)
{
    size_t Q = C * 9, N = H * W;
    double *cols = scratch, *dcols = cols + Q * N, *dmap_t = dcols + Q * N;
    double *weight_t = dmap_t + N * K, *dweight_t = weight_t + Q * K;
    /* The products want their second factor's rows contiguous: dweightᵀ =
     * cols · dout[b]ᵀ, summed over the batch and added to dweight at the
     * end, and dcols = weightᵀ · dout[b]. */
    transpose(weight_t, weight, K, Q);
    memset(dweight_t, 0, Q * K * sizeof *dweight_t);
    for (size_t b = 0; b < B; b++) {
        const double *dmap = dout + b * K * N; /* (K, H·W) */
        for (size_t k = 0; k < K; k++)
            for (size_t p = 0; p < N; p++)
                dbias[k] += dmap[k * N + p];
        transpose(dmap_t, dmap, K, N);
        im2col(cols, x + b * C * N, C, H, W);
        matmul_add(dweight_t, cols, dmap_t, Q, N, K);
        if (dx != NULL) {
            memset(dcols, 0, Q * N * sizeof *dcols);
            matmul_add(dcols, weight_t, dmap, Q, K, N);
            col2im_add(dx + b * C * N, dcols, C, H, W);
        }
    }
    for (size_t k = 0; k < K; k++)
        for (size_t q = 0; q < Q; q++)
            dweight[k * Q + q] += dweight_t[q * K + k];
}
