/* Solution to ch04/x-squared: new features, the same training. */
#include "x-squared.h"

#include "data.h"
#include "sgd.h"

Status fit_x_squared(const double *x1, const double *y, size_t n, double a[2], double lr,
                     size_t epochs, Error *err)
{
    Dataset squared;
    Status status = data_allocate(&squared, n, err); /* x2 = 1 already */
    if (status != STATUS_OK)
        return status;
    for (size_t i = 0; i < n; i++) {
        squared.x[2 * i] = x1[i] * x1[i]; /* the one change: x1² is the input */
        squared.y[i] = y[i];
    }

    History history;
    status = history_allocate(&history, epochs, err);
    if (status == STATUS_OK) {
        status = train_full_batch(&squared, a, lr, epochs, &history, err);
        history_free(&history);
    }
    data_free(&squared);
    return status;
}
