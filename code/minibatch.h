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

#include <stddef.h>

#include "data.h"
#include "rng.h"
#include "sgd.h"
#include "status.h"

typedef struct {
    size_t n, batch_size;
    size_t *order; /* n: this epoch's shuffled row numbers */
    size_t next;   /* where the next batch starts in order */
} EpochSampler;

Status sampler_init(EpochSampler *sampler, size_t n, size_t batch_size, Error *err);
void sampler_free(EpochSampler *sampler);

/* Reshuffles the rows and rewinds to the first batch. */
void sampler_start_epoch(EpochSampler *sampler, Rng *rng);

/* Points *rows at the next batch's row numbers and returns its size; returns 0
 * when the epoch is used up. */
size_t sampler_next_batch(EpochSampler *sampler, const size_t **rows);

/* Copies the chosen rows of data into batch, which has room for m points.
 * rows: m */
void gather_rows(const Dataset *data, const size_t *rows, size_t m, Dataset *batch);

/* epochs of minibatch SGD from the starting guess in a. batch_size is at
 * least 1; one larger than n means the full batch. Stops with STATUS_DIVERGED
 * when the loss blows up. history: allocated for epochs. */
Status train_minibatch(const Dataset *data, double a[2], double lr, size_t epochs,
                       size_t batch_size, Rng *rng, History *history, Error *err);

#endif
