/*
 * Exercise ch09/k-fold — a validation loss from every point: cross-validation.
 *
 * Chapter 09 holds 100 points back for validation. Data is often too
 * scarce for that: every point held back is a point the model cannot learn
 * from. k-fold cross-validation lends every point to both sides in turn.
 * Cut the points into k folds; for each fold, fit the model to the other
 * k − 1 folds and score it on this one, which that fit never saw; the mean
 * of the k scores estimates how the model does on new points. With k = n
 * (every fold one point) it is called leave-one-out.
 *
 * Task: point i belongs to fold i % k. For each fold f = 0 … k − 1:
 *   gather the rows not in fold f and fit them with least_squares_d();
 *   gather the rows in fold f and take the loss of that fit on them with
 *   loss_of_d(). Set *loss to the mean of the k fold losses. Free what you
 *   allocate, and return STATUS_OK, or the Status of a fit that failed
 *   (with err filled in; STATUS_NO_MEMORY, with a message, if your own
 *   allocation fails).
 *   x: n×d row-major, y: n, 2 ≤ k ≤ n, d ≤ 64.
 *   May call: gather_rows_d() from minibatch.h, least_squares_d() from
 *   gradient.h, loss_of_d() from loss.h, fail() from status.h, malloc()
 *   and free().
 *
 * Hint: two lists of row numbers, in and out of the fold, and
 * gather_rows_d() copies each list's rows into a matrix of its own. Fit
 * only on the rows out of the fold: a fit that has seen a point scores
 * well on it, which is the training loss again.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "k-fold.h"

#include <stdlib.h>

#include "gradient.h"
#include "loss.h"
#include "minibatch.h"

Status cross_validation_loss(const double *x, const double *y, size_t n, size_t d, size_t k,
                             double *loss, Error *err)
{
    /* TODO: your code here */
    (void)x;
    (void)y;
    (void)n;
    (void)d;
    (void)k;
    (void)loss;
    (void)err;
    return STATUS_OK;
}
