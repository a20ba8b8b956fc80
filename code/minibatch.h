/*
 * minibatch.h — stochastic gradient descent: steps from small random batches.
 * Introduced in chapter 05.
 *
 * Each epoch shuffles the row numbers 0 … n−1 and cuts them into batches of
 * batch_size rows; each batch gives one update. So one epoch (one pass over
 * the data) is ceil(n / batch_size) iterations (updates), and every point is
 * used exactly once per epoch. When batch_size does not divide n, the last
 * batch of an epoch is shorter: it still holds real points, and dropping it
 * would quietly leave those points out of that epoch.
 */
#ifndef SGD_MINIBATCH_H
#define SGD_MINIBATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "data.h"
#include "rng.h"
#include "sgd.h"
#include "status.h"

/* Hands out the row numbers of data's batches, epoch after epoch. It never
 * changes the data, but asks the memory for the rows of the coming batches
 * before they are used (a prefetch): on data far larger than the caches each
 * row read is a wait of ~100 ns, and asking early overlaps the waits. */
typedef struct {
    size_t n, batch_size;
    size_t *order;      /* n: this epoch's shuffled row numbers */
    size_t next;        /* where the next batch starts in order */
    const Dataset *data; /* whose rows to prefetch */
    size_t prefetched;  /* order[0 … prefetched−1] have been prefetched */
} EpochSampler;

Status sampler_init(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                    Error *err);

/* sampler_init() over room for the n row numbers that the caller owns, such
 * as memory the chapter frame hands out (frame.h), so it cannot fail; the
 * caller frees order, not sampler_free(). order: data->n */
void sampler_init_in(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                     size_t *order);
void sampler_free(EpochSampler *sampler);

/* Reshuffles the rows and rewinds to the first batch. A batch of every row
 * is not shuffled: its order changes nothing but the rounding, and shuffling
 * n numbers costs more than the step itself. */
void sampler_start_epoch(EpochSampler *sampler, Rng *rng);

/* Points *rows at the next batch's row numbers and returns its size; returns 0
 * when the epoch is used up. */
size_t sampler_next_batch(EpochSampler *sampler, const size_t **rows);

/* Copies the chosen rows of X and y into batch_x and batch_y.
 * x: n×d row-major, y: n, rows: m, batch_x: m×d, batch_y: m */
void gather_rows_d(const double *x, const double *y, size_t d, const size_t *rows, size_t m,
                   double *batch_x, double *batch_y);

/* gather_rows_d() with d = 2, into batch, which has room for m points.
 * rows: m */
void gather_rows(const Dataset *data, const size_t *rows, size_t m, Dataset *batch);

/* loss_and_gradient() of the m rows listed, each read where it lies in data:
 * the numbers gather_rows() then loss_and_gradient() give, without the copy.
 * Returns the loss. rows: m, a: 2, grad: 2 */
double rows_loss_and_gradient(const Dataset *data, const size_t *rows, size_t m,
                              const double a[2], double grad[2]);

/* sgd_update() on the m rows listed, read in place: one step of minibatch
 * SGD. Returns the batch's loss before the step. rows: m, a: 2 (updated) */
double sgd_update_rows(const Dataset *data, const size_t *rows, size_t m, double a[2],
                       double lr);

/* True when the step just taken on a batch of m of the n points shows that
 * training has blown up: the batch's loss before the step, batch_loss,
 * already proves the loss of all the data is past loss_diverged()'s limit of
 * start_loss, or a itself is no longer finite. a: 2 */
bool batch_blew_up(double batch_loss, size_t m, size_t n, double start_loss,
                   const double a[2]);

/* The largest learning rate at which no batch, of any size, can overshoot:
 * 1 / max |x_i|² over the rows x_i of X. x: n×d row-major */
double stable_lr_for_any_batch(const double *x, size_t n, size_t d);

/* What a run with batches of batch_size that blew up should try, to follow
 * "the loss diverged at iteration 5 (epoch 1) with learning rate 1.5": "
 * and batches of 10; on this data no batch overshoots when lr < B, so try
 * --lr B/2", or, for the full batch, line_divergence_advice(). Into text (size). */
void minibatch_divergence_advice(char *text, size_t size, const Dataset *data,
                                 size_t batch_size);

/* The divergence message in minibatch words, iteration and epoch, with a rate
 * to try: below the bound for any batch, which is lower than the full-batch
 * one. Returns STATUS_DIVERGED. */
Status minibatch_diverged_error(Error *err, size_t iteration, size_t epoch, double lr,
                                const Dataset *data, size_t batch_size);

/* epochs of minibatch SGD from the starting guess in a. batch_size is at
 * least 1; one larger than n means the full batch. Stops with STATUS_DIVERGED
 * when the loss blows up. history: allocated for epochs. */
Status train_minibatch(const Dataset *data, double a[2], double lr, size_t epochs,
                       size_t batch_size, Rng *rng, History *history, Error *err);

#endif
