/* Solution to ch09/k-fold: fit on k − 1 folds, score on the one left out. */
#include "k-fold.h"

#include <stdlib.h>

#include "gradient.h"
#include "loss.h"
#include "minibatch.h"

/* The loss on fold f of the fit to the other folds. rows: n, fit_x: n×d,
 * fit_y: n (scratch) */
static Status fold_loss(const double *x, const double *y, size_t n, size_t d, size_t k,
                        size_t f, size_t *rows, double *fit_x, double *fit_y, double *loss,
                        Error *err)
{
    /* rows[0 … out−1]: not in fold f; rows[out … n−1]: in fold f. */
    size_t out = 0, in = n;
    for (size_t i = 0; i < n; i++)
        rows[i % k == f ? --in : out++] = i;
    double a[64];
    gather_rows_d(x, y, d, rows, out, fit_x, fit_y);
    Status status = least_squares_d(fit_x, fit_y, out, d, a, err);
    if (status != STATUS_OK)
        return status;
    gather_rows_d(x, y, d, &rows[in], n - in, fit_x, fit_y);
    *loss = loss_of_d(fit_x, fit_y, n - in, d, a);
    return STATUS_OK;
}

Status cross_validation_loss(const double *x, const double *y, size_t n, size_t d, size_t k,
                             double *loss, Error *err)
{
    size_t *rows = malloc(n * sizeof *rows);
    double *fit_x = malloc(n * d * sizeof *fit_x), *fit_y = malloc(n * sizeof *fit_y);
    Status status = rows == NULL || fit_x == NULL || fit_y == NULL
                        ? fail(err, STATUS_NO_MEMORY, "out of memory for %zu points", n)
                        : STATUS_OK;
    double sum = 0.0;
    for (size_t f = 0; f < k && status == STATUS_OK; f++) {
        double one;
        status = fold_loss(x, y, n, d, k, f, rows, fit_x, fit_y, &one, err);
        sum += one;
    }
    if (status == STATUS_OK)
        *loss = sum / (double)k;
    free(rows);
    free(fit_x);
    free(fit_y);
    return status;
}
