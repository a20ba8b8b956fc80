/*
 * Exercise ch05/epoch-batches — one epoch, cut into minibatches.
 *
 * An epoch is one pass over all n points in a shuffled order. Minibatch SGD
 * cuts that order into batches of batch_size rows and takes one step per
 * batch. When batch_size does not divide n, the last batch is shorter:
 * n mod batch_size rows. Dropping it would quietly leave those points out
 * of the epoch, so every point must be in exactly one batch.
 *
 * Task: call visit(rows, m, context) once per batch, in order, where rows
 *   points at the batch's m row numbers: order[0 … b−1] first, then
 *   order[b … 2b−1], and so on, the last batch holding what is left.
 *   Return the number of batches, ceil(n / batch_size).
 *   order: n (n may be 0: then no batches), batch_size ≥ 1 (it may be
 *   larger than n: then one batch of n), context: pass it on untouched.
 *   May call: visit, and no other function.
 *
 * Hint: a batch starting at position start has
 *   m = min(batch_size, n − start) rows, and starts at &order[start].
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "epoch-batches.h"

size_t for_each_batch(const size_t *order, size_t n, size_t batch_size,
                      BatchVisitor visit, void *context)
{
    /* TODO: your code here */
    (void)order;
    (void)n;
    (void)batch_size;
    (void)visit;
    (void)context;
    return 0;
}
