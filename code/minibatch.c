#include "minibatch.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "linalg.h"
#include "loss.h"

Status sampler_init(EpochSampler *sampler, size_t n, size_t batch_size, Error *err)
{
    sampler->n = n;
    sampler->batch_size = batch_size < n ? batch_size : n;
    sampler->next = n; /* nothing to hand out before the first epoch starts */
    sampler->order = malloc(n * sizeof *sampler->order);
    if (sampler->order == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu row numbers", n);
    for (size_t i = 0; i < n; i++)
        sampler->order[i] = i;
    return STATUS_OK;
}

void sampler_free(EpochSampler *sampler)
{
    free(sampler->order);
    sampler->order = NULL;
}

//> sampler
void sampler_start_epoch(EpochSampler *sampler, Rng *rng)
{
    rng_shuffle(rng, sampler->order, sampler->n);
    sampler->next = 0;
}

size_t sampler_next_batch(EpochSampler *sampler, const size_t **rows)
{
    size_t left = sampler->n - sampler->next;
    size_t m = left < sampler->batch_size ? left : sampler->batch_size;
    *rows = &sampler->order[sampler->next];
    sampler->next += m;
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

/* Adds the loss of all the data to the trace when the iteration count has
 * reached the next sample point: iterations 1, 2, …, then about 5% apart. */
static void trace_loss(History *history, const Dataset *data, const double a[2])
{
    size_t count = history->trace_count;
    double iteration = (double)history->iterations;
    double due = count == 0 ? 1.0 : floor(history->trace_iteration[count - 1] * 1.05) + 1.0;
    if (count == TRACE_MAX || iteration < due)
        return;
    history->trace_iteration[count] = iteration;
    history->trace_loss[count] = loss_of(data->x, data->y, data->n, a);
    history->trace_count++;
}

//> run_epoch
/* One pass over the data in shuffled batches. Returns the iteration number at
 * which the loss blew up, or 0 if it did not. */
static size_t run_epoch(const Dataset *data, double a[2], double lr,
                        EpochSampler *sampler, Rng *rng, Dataset *batch,
                        History *history)
{
    const size_t *rows;
    size_t m;
    sampler_start_epoch(sampler, rng);
    while ((m = sampler_next_batch(sampler, &rows)) > 0) {
        gather_rows(data, rows, m, batch);
        double batch_loss = sgd_update(batch->x, batch->y, m, a, lr);
        history->iterations++;
        if (batch_blew_up(batch_loss, m, data->n, history->loss[0], a))
            return history->iterations;
        trace_loss(history, data, a);
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

Status minibatch_diverged_error(Error *err, size_t iteration, size_t epoch, double lr,
                                const Dataset *data, size_t batch_size)
{
    char where[64];
    snprintf(where, sizeof where, "iteration %zu (epoch %zu)", iteration, epoch);
    if (batch_size >= data->n)
        return diverged_error(err, where, lr, data);
    double bound = stable_lr_for_any_batch(data->x, data->n, 2);
    return fail(err, STATUS_DIVERGED,
                "the loss diverged at %s with learning rate %g and batches of %zu; "
                "on this data no batch overshoots when lr < %.4g, so try --lr %.2g",
                where, lr, batch_size, bound, bound / 2.0);
}

//> train_minibatch
Status train_minibatch(const Dataset *data, double a[2], double lr, size_t epochs,
                       size_t batch_size, Rng *rng, History *history, Error *err)
{
    EpochSampler sampler;
    Dataset batch;
    Status status = sampler_init(&sampler, data->n, batch_size, err);
    if (status == STATUS_OK)
        status = data_allocate(&batch, sampler.batch_size, err);
    if (status != STATUS_OK) {
        sampler_free(&sampler);
        return status;
    }

    history_record(history, 0, a, loss_of(data->x, data->y, data->n, a));
    for (size_t epoch = 1; epoch <= epochs && status == STATUS_OK; epoch++) {
        size_t blew_up_at = run_epoch(data, a, lr, &sampler, rng, &batch, history);
        double loss = loss_of(data->x, data->y, data->n, a);
        history_record(history, epoch, a, loss);
        if (blew_up_at == 0 && loss_diverged(loss, history->loss[0]))
            blew_up_at = history->iterations;
        if (blew_up_at > 0)
            status = minibatch_diverged_error(err, blew_up_at, epoch, lr, data,
                                              sampler.batch_size);
    }
    data_free(&batch);
    sampler_free(&sampler);
    return status;
}
//< train_minibatch
