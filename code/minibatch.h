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
    const Dataset *data; /* whose rows to prefetch (NULL: none) */
    size_t prefetched;  /* order[0 … prefetched−1] have been prefetched */
} EpochSampler;

Status sampler_init(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                    Error *err);
void sampler_free(EpochSampler *sampler);

/* sampler_init() into order, room for data->n row numbers that the caller
 * owns (sampler_free() is not for it), set to 0 … n−1. The same order may
 * serve one sampler after another: each starts from 0 … n−1 again, so each
 * sees the shuffles a fresh sampler would. */
void sampler_init_in(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                     size_t *order);

/* sampler_init_in() for n examples of any kind (chapter 11's images): the
 * same shuffles and batches, with no rows to prefetch. order: room for n */
void sampler_init_examples(EpochSampler *sampler, size_t n, size_t batch_size, size_t *order);

/* The iterations (updates) of one epoch of n points in batches of batch:
 * ceil(n / batch), since the last batch may be short. */
size_t batches_per_epoch(size_t n, size_t batch);

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


/* The largest learning rate at which no batch, of any size, can overshoot:
 * 1 / max |x_i|² over the rows x_i of X. x: n×d row-major */
double stable_lr_for_any_batch(const double *x, size_t n, size_t d);

/* What a minibatch run that blew up should try, to follow "the loss diverged
 * at iteration 7 (epoch 1) with learning rate 2": " and batches of 10; on
 * this data no batch overshoots when lr < B, so try --lr B/2", below the
 * bound for any batch, which is lower than the full-batch one; for a batch of
 * all the points, line_divergence_advice(). Into text (size bytes). */
void minibatch_divergence_advice(char *text, size_t size, const Dataset *data,
                                 size_t batch_size);

/* The loss sampled by iteration, for a loss-per-iteration curve on a log
 * axis: at iterations 1, 2, 3, … spaced ever wider (each about 5% past the one
 * before), at most TRACE_MAX of them, without the cost of the loss of all the
 * data after every step. The loss is that of sample: all the data when there
 * are at most TRACE_POINTS points, else TRACE_POINTS of them, evenly spread
 * (an estimate within about 1%), so a trace costs the same whatever n is. */
typedef struct {
    const Dataset *sample; /* trace_sample() */
    size_t count;          /* points kept so far */
    double *iteration;     /* TRACE_MAX */
    double *loss;          /* TRACE_MAX */
} IterationTrace;

/* Adds the loss at a, after iteration updates, when that is the next point
 * due. a: 2 */
void trace_update(IterationTrace *trace, size_t iteration, const double a[2]);

/* How many points a trace of data measures: at most TRACE_POINTS. */
size_t trace_sample_size(const Dataset *data);

/* The points a trace of data measures, into sample, which has room for
 * trace_sample_size(data) of them. rows: room for as many row numbers */
void trace_sample(const Dataset *data, size_t *rows, Dataset *sample);


/* epochs of minibatch SGD from the starting guess in a. batch_size is at
 * least 1; one larger than n means the full batch. Stops with STATUS_DIVERGED
 * when the loss blows up. history: allocated for epochs. */
Status train_minibatch(const Dataset *data, double a[2], double lr, size_t epochs,
                       size_t batch_size, Rng *rng, History *history, Error *err);

#endif
