/*
 * fast.h — the gradient pass at the speed of memory, and the ruler it is
 * measured with. Introduced in chapter 13.
 *
 * One pass of full-batch descent (loss_and_gradient(), chapter 04) reads 24
 * bytes a point (x1, x2, y) and does about ten floating-point operations with
 * them: far too little arithmetic to keep a CPU core busy, so once the data is
 * larger than the caches the pass can only be as fast as memory delivers the
 * bytes. That limit is the "roofline". plain_read() measures it: it reads the
 * same bytes and does the least possible with them. The variants below compute
 * the same loss and gradient as loss_and_gradient() in other ways, so chapter
 * 11 can time each against the roof: they agree with it to rounding, and the
 * tests check that they do (to 1e-12, relative).
 *
 * Nothing here is needed to learn SGD; the trainers of chapters 04 and 05 use
 * the fused pass of sgd.h, which this module shows to be at the roof.
 */
#ifndef SGD_FAST_H
#define SGD_FAST_H

#include <stddef.h>
#include <stdint.h>

#include "data.h"
#include "rng.h"

/* Reads the count doubles of v once, adding their bits as integers in four
 * independent sums, and returns the total: a checksum that makes the reading
 * necessary, so the compiler cannot skip it. How fast this runs is how fast
 * memory (or a cache) delivers those bytes. v: count */
uint64_t plain_read(const double *v, size_t count);

/* Chapter 03's formula as a textbook writes it, one pass per operation:
 * y_hat = X a (chapter 01's predict()), then r = y_hat − y and the loss
 * (1/n) Σ r² in place, then grad = (2/n) Xᵀ r (transpose_times()). It reads
 * X twice and writes and rereads r: about three times the memory traffic of
 * the fused pass. Returns the loss.
 * x: n×2 row-major, y: n, a: 2, grad: 2, r: n (scratch, overwritten) */
double loss_and_gradient_three_passes(const double *x, const double *y, size_t n,
                                      const double a[2], double grad[2], double *r);

/* loss_and_gradient() with two sets of sums, one for the even points and
 * one for the odd ones, added at the end. The two sets are independent, so
 * the compiler can do each operation for both in one instruction (SIMD, two
 * doubles at a time, which every x86-64 processor has): half the
 * instructions for the same arithmetic. The sums are added in another order,
 * so the results agree with loss_and_gradient() to rounding, not to the last
 * bit. Returns the loss. x: n×2 row-major, y: n, a: 2, grad: 2 */
double loss_and_gradient_two_lanes(const double *x, const double *y, size_t n,
                                   const double a[2], double grad[2]);

/* The data without its constant column: x2 = 1 for every point, so it need
 * not be stored, and each point is 16 bytes (x1, y) instead of 24. Then
 * r = a1·x1 + a2 − y and the gradient's second component is (2/n) Σ r.
 * Returns the loss. x1: n, y: n, a: 2, grad: 2 */
double loss_and_gradient_no_x2(const double *x1, const double *y, size_t n,
                               const double a[2], double grad[2]);

/* Copies the first column of X, x1, into x1: the layout without x2.
 * x: n×2 row-major, x1: n */
void copy_x1_column(const double *x, size_t n, double *x1);

enum {
    FAST_MAX_THREADS = 8,
    /* Below this many points a pass is split no further: starting and
     * joining a thread costs tens of microseconds, as long as reading about
     * a megabyte (chapter 13 measures it), so a part must be larger than that
     * for a second thread to pay. */
    FAST_THREAD_MIN_POINTS = 1 << 18
};

/* loss_and_gradient() split into `threads` contiguous parts, each summed by
 * its own POSIX thread (the calling thread takes the first), then combined.
 * Uses fewer threads when a part would be under FAST_THREAD_MIN_POINTS; if a
 * thread cannot be started, the calling thread does that part itself, so the
 * answer never depends on it. Agrees with loss_and_gradient() to rounding.
 * Returns the loss. x: n×2 row-major, y: n, a: 2, grad: 2,
 * 1 <= threads <= FAST_MAX_THREADS */
double loss_and_gradient_threads(const double *x, const double *y, size_t n,
                                 const double a[2], double grad[2], int threads);

/* Puts the rows of data (x and y together) in a uniformly random order with
 * exactly the swaps rng_shuffle() makes on row numbers, so row k afterwards
 * is the row that shuffling 0 … n−1 with the same rng puts in place k. Then
 * each minibatch of an epoch is a contiguous slice of data, read straight
 * through, instead of rows fetched from all over memory. */
void shuffle_rows(Rng *rng, Dataset *data);

#endif
