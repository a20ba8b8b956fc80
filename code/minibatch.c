#include "minibatch.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "linalg.h"
#include "loss.h"

Status sampler_init(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                    Error *err)
{
    size_t *order = malloc(data->n * sizeof *order);
    if (order == NULL) {
        *sampler = (EpochSampler){.order = NULL}; /* sampler_free() may still be called */
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu row numbers", data->n);
    }
    sampler_init_in(sampler, data, batch_size, order);
    return STATUS_OK;
}

void sampler_init_in(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                     size_t *order)
{
    size_t n = data->n;
    sampler->n = n;
    sampler->data = data;
    sampler->prefetched = n;
    sampler->batch_size = batch_size < n ? batch_size : n;
    sampler->next = n; /* nothing to hand out before the first epoch starts */
    sampler->order = order;
    for (size_t i = 0; i < n; i++)
        sampler->order[i] = i;
}

void sampler_free(EpochSampler *sampler)
{
    free(sampler->order);
    sampler->order = NULL;
}

/* How far ahead of the batch in use the sampler prefetches rows: the next
 * batch, and at least PREFETCH_AHEAD rows, enough to cover the wait for
 * memory when each batch is only a few rows. */
enum { PREFETCH_AHEAD = 32 };

/* A hint, not a read: the row starts on its way into the cache. Compilers
 * without __builtin_prefetch just skip it. */
static void prefetch_row(const Dataset *data, size_t i)
{
#if defined(__GNUC__)
    __builtin_prefetch(&data->x[2 * i]);
    __builtin_prefetch(&data->y[i]);
#else
    (void)data;
    (void)i;
#endif
}

/* Prefetches the rows of the coming batch, or of the next PREFETCH_AHEAD
 * rows if that is more, that have not been asked for yet. */
static void prefetch_coming_rows(EpochSampler *sampler)
{
    size_t ahead = sampler->batch_size > PREFETCH_AHEAD ? sampler->batch_size : PREFETCH_AHEAD;
    size_t up_to = sampler->n - sampler->next < ahead ? sampler->n : sampler->next + ahead;
    for (; sampler->prefetched < up_to; sampler->prefetched++)
        prefetch_row(sampler->data, sampler->order[sampler->prefetched]);
}

//> sampler
void sampler_start_epoch(EpochSampler *sampler, Rng *rng)
{
    if (sampler->batch_size < sampler->n)
        rng_shuffle(rng, sampler->order, sampler->n);
    sampler->next = 0;
    sampler->prefetched = 0;
}

size_t sampler_next_batch(EpochSampler *sampler, const size_t **rows)
{
    size_t left = sampler->n - sampler->next;
    size_t m = left < sampler->batch_size ? left : sampler->batch_size;
    *rows = &sampler->order[sampler->next];
    sampler->next += m;
    prefetch_coming_rows(sampler); /* a speed detail: see EpochSampler */
    return m;
}
//< sampler

//> gather_rows
inline void gather_rows_d(const double *x, const double *y, size_t d, const size_t *rows,
                          size_t m, double *batch_x, double *batch_y)
{
    /* A minibatch is just a smaller data set, so everything that works on a
     * data set (loss, gradient, update) works on a batch unchanged. */
    for (size_t k = 0; k < m; k++) {
        for (size_t j = 0; j < d; j++)
            batch_x[d * k + j] = x[d * rows[k] + j]; /* row rows[k] of X */
        batch_y[k] = y[rows[k]];
    }
}

void gather_rows(const Dataset *data, const size_t *rows, size_t m, Dataset *batch)
{
    batch->n = m;
    gather_rows_d(data->x, data->y, 2, rows, m, batch->x, batch->y);
}
//< gather_rows

//> rows_loss_and_gradient
double rows_loss_and_gradient(const Dataset *data, const size_t *rows, size_t m,
                              const double a[2], double grad[2])
{
    /* loss_and_gradient()'s walk, over the rows listed instead of 0 … n−1. */
    double sums[3] = {0.0, 0.0, 0.0};
    for (size_t k = 0; k < m; k++)
        add_miss(&data->x[2 * rows[k]], data->y[rows[k]], a, sums);
    return loss_and_gradient_from_sums(sums, m, grad);
}
//< rows_loss_and_gradient

double sgd_update_rows(const Dataset *data, const size_t *rows, size_t m, double a[2],
                       double lr)
{
    double grad[2];
    double loss = rows_loss_and_gradient(data, rows, m, a, grad);
    a[0] -= lr * grad[0];
    a[1] -= lr * grad[1];
    return loss;
}

//> batch_blew_up
bool batch_blew_up(double batch_loss, size_t m, size_t n, double start_loss,
                   const double a[2])
{
    /* The m points of a batch hold at most all n points' squared errors, so
     * the batch's mean loss is at most n/m times the loss of all the data:
     * batch_loss * m / n is a lower bound of that loss, known for free, where
     * computing the loss of all the data after every step would cost n more.
     * A step so wild that a itself overflowed shows only in a. */
    return loss_diverged(batch_loss * (double)m / (double)n, start_loss) ||
           !isfinite(a[0]) || !isfinite(a[1]);
}
//< batch_blew_up

/* Adds the loss to the trace when the iteration count has reached the next
 * sample point: iterations 1, 2, …, then about 5% apart. The loss is that of
 * sample: all the data, or TRACE_POINTS of its points when it has more. */
static void trace_loss(History *history, const Dataset *sample, const double a[2])
{
    size_t count = history->trace_count;
    double iteration = (double)history->iterations;
    double due = count == 0 ? 1.0 : floor(history->trace_iteration[count - 1] * 1.05) + 1.0;
    if (count == TRACE_MAX || iteration < due)
        return;
    double unused_grad[2];
    history->trace_iteration[count] = iteration;
    history->trace_loss[count] = loss_and_gradient(sample->x, sample->y, sample->n, a,
                                                   unused_grad);
    history->trace_count++;
}

/* The points the trace measures the loss on: all of data when it has at most
 * TRACE_POINTS, else TRACE_POINTS of them evenly spread through it. Up to
 * TRACE_MAX evaluations of a sample that size cost a bounded fraction of
 * training, whatever n is; all of a large data set would cost ~TRACE_MAX
 * epochs. sample: filled here, freed by the caller. */
static Status trace_sample(const Dataset *data, Dataset *sample, Error *err)
{
    size_t count = data->n < TRACE_POINTS ? data->n : TRACE_POINTS;
    size_t *rows = malloc(count * sizeof *rows);
    Status status = rows == NULL ? fail(err, STATUS_NO_MEMORY, "out of memory for the trace")
                                 : data_allocate(sample, count, err);
    if (status == STATUS_OK)
        gather_rows(data, rows, data_plot_sample(data, count, rows), sample);
    free(rows);
    return status;
}

//> run_epoch
/* One pass over the data in shuffled batches. Returns the iteration number at
 * which the loss blew up, or 0 if it did not. */
static size_t run_epoch(const Dataset *data, double a[2], double lr,
                        EpochSampler *sampler, Rng *rng, const Dataset *trace_points,
                        History *history)
{
    const size_t *rows;
    size_t m;
    sampler_start_epoch(sampler, rng);
    while ((m = sampler_next_batch(sampler, &rows)) > 0) {
        double batch_loss = sgd_update_rows(data, rows, m, a, lr);
        history->iterations++;
        if (batch_blew_up(batch_loss, m, data->n, history->loss[0], a))
            return history->iterations;
        trace_loss(history, trace_points, a);
    }
    return 0;
}
//< run_epoch

double stable_lr_for_any_batch(const double *x, size_t n, size_t d)
{
    /* A batch's loss has the curvature (Hessian) (2/m) Σ x_i x_iᵀ over its m
     * points; its largest eigenvalue is at most its trace, (2/m) Σ |x_i|²,
     * which is at most 2 max |x_i|². So every step is stable when
     * lr < 1 / max |x_i|², a bound below the full-batch one. */
    double largest = 0.0;
    for (size_t i = 0; i < n; i++)
        largest = fmax(largest, dot(&x[d * i], &x[d * i], d)); /* |x_i|² */
    return 1.0 / largest;
}

void minibatch_divergence_advice(char *text, size_t size, const Dataset *data,
                                 size_t batch_size)
{
    if (batch_size >= data->n) {
        line_divergence_advice(text, size, data);
        return;
    }
    double bound = stable_lr_for_any_batch(data->x, data->n, 2);
    snprintf(text, size,
             " and batches of %zu; on this data no batch overshoots when lr < %.4g, so try "
             "--lr %.2g",
             batch_size, bound, bound / 2.0);
}

Status minibatch_diverged_error(Error *err, size_t iteration, size_t epoch, double lr,
                                const Dataset *data, size_t batch_size)
{
    char where[64], advice[400];
    snprintf(where, sizeof where, "iteration %zu (epoch %zu)", iteration, epoch);
    minibatch_divergence_advice(advice, sizeof advice, data, batch_size);
    return fail(err, STATUS_DIVERGED, "the loss diverged at %s with learning rate %g%s", where,
                lr, advice);
}

//> train_minibatch
Status train_minibatch(const Dataset *data, double a[2], double lr, size_t epochs,
                       size_t batch_size, Rng *rng, History *history, Error *err)
{
    EpochSampler sampler;
    Dataset trace_points = {0};
    Status status = sampler_init(&sampler, data, batch_size, err);
    if (status == STATUS_OK)
        status = trace_sample(data, &trace_points, err);
    if (status != STATUS_OK) {
        sampler_free(&sampler);
        return status;
    }

    /* The loss of all the data from the fused pass: loss_of()'s number, from
     * the one walk chapter 04 made fast; the gradient is not needed here. */
    double unused_grad[2];
    history_record(history, 0, a,
                   loss_and_gradient(data->x, data->y, data->n, a, unused_grad));
    for (size_t epoch = 1; epoch <= epochs && status == STATUS_OK; epoch++) {
        size_t blew_up_at = run_epoch(data, a, lr, &sampler, rng, &trace_points, history);
        double loss = loss_and_gradient(data->x, data->y, data->n, a, unused_grad);
        history_record(history, epoch, a, loss);
        if (blew_up_at == 0 && loss_diverged(loss, history->loss[0]))
            blew_up_at = history->iterations;
        if (blew_up_at > 0)
            status = minibatch_diverged_error(err, blew_up_at, epoch, lr, data,
                                              sampler.batch_size);
    }
    data_free(&trace_points);
    sampler_free(&sampler);
    return status;
}
//< train_minibatch
