#include "minibatch.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "gradient.h"
#include "linalg.h"
#include "loss.h"
#include "watch.h"

void sampler_init_in(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                     size_t *order)
{
    sampler_init_examples(sampler, data->n, batch_size, order);
    sampler->data = data;
}

void sampler_init_examples(EpochSampler *sampler, size_t n, size_t batch_size, size_t *order)
{
    sampler->n = n;
    sampler->data = NULL;
    sampler->prefetched = n;
    sampler->batch_size = batch_size < n ? batch_size : n;
    sampler->next = n; /* nothing to hand out before the first epoch starts */
    sampler->order = order;
    for (size_t i = 0; i < n; i++)
        sampler->order[i] = i;
}

Status sampler_init(EpochSampler *sampler, const Dataset *data, size_t batch_size,
                    Error *err)
{
    *sampler = (EpochSampler){0}; /* sampler_free() is safe even after a failure */
    size_t *order = malloc(data->n * sizeof *order);
    if (order == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu row numbers", data->n);
    sampler_init_in(sampler, data, batch_size, order);
    return STATUS_OK;
}

size_t batches_per_epoch(size_t n, size_t batch)
{
    return (n + batch - 1) / batch;
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
    for (; sampler->data != NULL && sampler->prefetched < up_to; sampler->prefetched++)
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


void trace_update(IterationTrace *trace, size_t iteration, const double a[2])
{
    size_t count = trace->count;
    double due = count == 0 ? 1.0 : floor(trace->iteration[count - 1] * 1.05) + 1.0;
    if (count == TRACE_MAX || (double)iteration < due)
        return;
    double unused_grad[2];
    const Dataset *sample = trace->sample;
    trace->iteration[count] = (double)iteration;
    trace->loss[count] = loss_and_gradient(sample->x, sample->y, sample->n, a, unused_grad);
    trace->count++;
}

size_t trace_sample_size(const Dataset *data)
{
    return data->n < TRACE_POINTS ? data->n : TRACE_POINTS;
}

void trace_sample(const Dataset *data, size_t *rows, Dataset *sample)
{
    gather_rows(data, rows, data_plot_sample(data, trace_sample_size(data), rows), sample);
}

/* trace_sample() into memory of its own. sample: filled here, freed by the
 * caller. */
static Status allocate_trace_sample(const Dataset *data, Dataset *sample, Error *err)
{
    size_t count = trace_sample_size(data);
    size_t *rows = malloc(count * sizeof *rows);
    Status status = rows == NULL ? fail(err, STATUS_NO_MEMORY, "out of memory for the trace")
                                 : data_allocate(sample, count, err);
    if (status == STATUS_OK)
        trace_sample(data, rows, sample);
    free(rows);
    return status;
}

/* One pass over the data in shuffled batches, each batch's loss shown to the
 * watcher, which counts the iterations. Stops early if the loss blew up. */
static void run_epoch(const Dataset *data, double a[2], double lr, EpochSampler *sampler,
                      Rng *rng, IterationTrace *trace, Watch *watch)
{
    const size_t *rows;
    size_t m;
    sampler_start_epoch(sampler, rng);
    while ((m = sampler_next_batch(sampler, &rows)) > 0) {
        double batch_loss = sgd_update_rows(data, rows, m, a, lr);
        if (!watch_batch(watch, batch_loss, m, data->n, a))
            return;
        trace_update(trace, watch->iterations, a);
    }
}

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
    double bound = stable_lr_for_any_batch(data->x, data->n, 2), lambda[2];
    hessian_eigenvalues(data->x, data->n, lambda);
    /* A rate small enough for every batch crawls along the flat direction
     * of a badly scaled bowl, as full-batch descent does (sgd.h). */
    bool badly_scaled = lambda[0] > BADLY_SCALED * lambda[1];
    snprintf(text, size,
             " and batches of %zu; on this data no batch overshoots when lr < %.4g, so try "
             "--lr %.2g%s%s",
             batch_size, bound, bound / 2.0, badly_scaled ? "; but " : "",
             badly_scaled ? SCALING_ADVICE : "");
}

static void minibatch_advice(const Watch *watch, char *text, size_t size)
{
    const EpochSampler *sampler = watch->context;
    minibatch_divergence_advice(text, size, sampler->data, sampler->batch_size);
}

//> train_minibatch
Status train_minibatch(const Dataset *data, double a[2], double lr, size_t epochs,
                       size_t batch_size, Rng *rng, History *history, Error *err)
{
    EpochSampler sampler;
    Dataset trace_points = {0};
    Status status = sampler_init(&sampler, data, batch_size, err);
    if (status == STATUS_OK)
        status = allocate_trace_sample(data, &trace_points, err);
    if (status != STATUS_OK) {
        sampler_free(&sampler);
        return status;
    }
    IterationTrace trace = {&trace_points, 0, history->trace_iteration, history->trace_loss};
    Watch watch = watch_into("epoch", epochs, lr, 2, history->loss, history->a);
    watch.name_iteration = true;
    watch.advice = minibatch_advice;
    watch.context = &sampler;
    /* The loss of all the data from the fused pass: loss_of()'s number, from
     * the one walk chapter 04 made fast; the gradient is not needed here. */
    double unused_grad[2];
    bool going = watch_row(&watch, 0, a,
                           loss_and_gradient(data->x, data->y, data->n, a, unused_grad));
    for (size_t epoch = 1; epoch <= epochs && going; epoch++) {
        run_epoch(data, a, lr, &sampler, rng, &trace, &watch);
        going = watch_row(&watch, epoch, a,
                          loss_and_gradient(data->x, data->y, data->n, a, unused_grad));
    }
    history->iterations = watch.iterations;
    history->trace_count = trace.count;
    data_free(&trace_points);
    sampler_free(&sampler);
    return going ? STATUS_OK : fail(err, STATUS_DIVERGED, "%s", watch.message);
}
//< train_minibatch
