#include "data.h"

#include <stdlib.h>

Status data_allocate(Dataset *data, size_t n, Error *err)
{
    data->n = n;
    data->x = malloc(n * 2 * sizeof *data->x);
    data->y = malloc(n * sizeof *data->y);
    if (n > 0 && (data->x == NULL || data->y == NULL)) {
        data_free(data);
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu points", n);
    }
    for (size_t i = 0; i < n; i++)
        data->x[2 * i + 1] = 1.0;
    return STATUS_OK;
}

Status data_synthetic(Dataset *data, size_t n, const double a_true[2], Rng *rng,
                      Error *err)
{
    Status status = data_allocate(data, n, err); /* x = torch.ones(n,2) */
    if (status != STATUS_OK)
        return status;
    //> data_synthetic
    for (size_t i = 0; i < n; i++) {
        double x1 = rng_uniform_between(rng, -1.0, 1.0); /* x[:,0].uniform_(-1.,1) */
        double noise = rng_uniform(rng);                  /* torch.rand(n) */
        data->x[2 * i] = x1;                              /* x2, x[2*i + 1], stays 1 */
        data->y[i] = a_true[0] * x1 + a_true[1] * 1.0 + noise; /* y = x@a + torch.rand(n) */
    }
    //< data_synthetic
    return STATUS_OK;
}

void data_free(Dataset *data)
{
    free(data->x);
    free(data->y);
    data->x = NULL;
    data->y = NULL;
    data->n = 0;
}

size_t data_plot_sample(const Dataset *data, size_t max_points, size_t *rows)
{
    size_t count = data->n < max_points ? data->n : max_points;
    /* Row k*n/count for k = 0..count-1: evenly spaced, all rows when n is small.
     * Computed in double because k*n can overflow size_t for huge n. */
    for (size_t k = 0; k < count; k++)
        rows[k] = (size_t)((double)k * (double)data->n / (double)count);
    return count;
}
