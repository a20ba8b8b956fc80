/*
 * Exercise ch04/x-squared — fit a curve with the code that fits lines.
 *
 * The model y_hat = a1*x1 + a2*x2 is "linear" in the coefficients a, not
 * in the inputs: nothing in the loss, the gradient or the training loop
 * cares what the inputs are. Feed it x1² in place of x1 and the same
 * training fits the parabola y = a1*x1² + a2. Change the features, not
 * the code.
 *
 * Task: make a Dataset of the n points whose first column is x1[i]² (and
 *   second column 1, as always) with the same y, then train it with the
 *   library's train_full_batch() from the starting guess in a, for epochs
 *   steps at learning rate lr. Leave the fitted coefficients in a and
 *   return train_full_batch's Status (STATUS_DIVERGED when lr is too
 *   large, with err filled in). Free everything you allocate, on every path.
 *   x1: n, y: n, a: 2, n ≥ 2.
 *   May call: data_allocate() and data_free() from data.h;
 *   history_allocate(), history_free() and train_full_batch() from sgd.h.
 *
 * Hint: data_allocate() (data.h) makes the Dataset with x2 already 1, and
 * history_allocate() / history_free() (sgd.h) the History that
 * train_full_batch() wants.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "x-squared.h"

#include "data.h"
#include "sgd.h"

Status fit_x_squared(const double *x1, const double *y, size_t n, double a[2], double lr,
                     size_t epochs, Error *err)
{
    /* TODO: your code here */
    (void)x1;
    (void)y;
    (void)n;
    (void)a;
    (void)lr;
    (void)epochs;
    (void)err;
    return STATUS_OK;
}
