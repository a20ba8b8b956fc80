/*
 * Exercise ch09/patience — when early stopping stops.
 *
 * Chapter 09 trains for all its epochs so that you can watch the validation
 * loss climb. A real training loop stops instead: it keeps the coefficients
 * of the lowest validation loss so far, and gives up once `patience` epochs
 * in a row have brought no new lowest loss, because the loss has most
 * likely turned for good. Training stops there, and the epochs after it are
 * never run, so what they would have shown is never seen.
 *
 * Task: read validation[0], validation[1], … in order, as a training loop
 *   would see them after each epoch. Keep the epoch of the lowest loss so
 *   far in *best: only a loss strictly lower than the best so far is a new
 *   best (an equal one is no progress). Return the first epoch e at which
 *   e − *best == patience: training stops there. If that never happens,
 *   training runs to the end: return count − 1.
 *   validation: count, count ≥ 1; patience ≥ 1.
 *   May call: nothing.
 *
 * Hint: one loop over the epochs, updating the best first and then checking
 * how long ago it was.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "patience.h"

size_t early_stop(const double *validation, size_t count, size_t patience, size_t *best)
{
    /* TODO: your code here */
    (void)validation;
    (void)count;
    (void)patience;
    *best = 0;
    return 0;
}
