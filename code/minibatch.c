#include "minibatch.h"

#include <math.h>
#include <stdlib.h>

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
void gather_rows(const Dataset *data, const size_t *rows, size_t m, Dataset *batch)
{
    /* A minibatch is just a smaller data set, so everything that works on a
     * Dataset (loss, gradient, update) works on a batch unchanged. */
    batch->n = m;
    for (size_t k = 0; k < m; k++) {
        batch->x[2 * k] = data->x[2 * rows[k]];
        batch->x[2 * k + 1] = data->x[2 * rows[k] + 1];
        batch->y[k] = data->y[rows[k]];
    }
}
//< gather_rows

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
        if (!isfinite(batch_loss) || !isfinite(a[0]) || !isfinite(a[1]))
            return history->iterations;
    }
    return 0;
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
            status = diverged_error(err, blew_up_at, lr, data);
    }
    data_free(&batch);
    sampler_free(&sampler);
    return status;
}
//< train_minibatch
