/*
 * Exercise ch05/shuffle — a fair shuffle, so every epoch sees a new order.
 *
 * Each epoch of minibatch SGD visits the points in a fresh random order.
 * "Random" must mean every one of the n! orders equally likely, or some
 * points would keep landing in the same batches. The Fisher–Yates shuffle
 * does it in one pass: fill the last slot with an item chosen uniformly
 * from all n, then the slot before it from the n − 1 left, and so on.
 *
 * Task: rearrange items so that every order is equally likely:
 *   for i = n−1 down to 1, pick j uniformly from 0 … i (both included)
 *   with rng_below(rng, i + 1), and swap items[i] with items[j].
 *   items: n (any values; n may be 0 or 1), rng: seeded by the caller.
 *   May call: rng_below() from rng.h (not rng_shuffle(), which is this
 *   exercise).
 *
 * Hint: j must range over 0 … i, not over all of 0 … n−1: swapping with any
 * slot looks just as random, but is not (try n = 3: 27 equally likely runs
 * cannot spread evenly over 6 orders). And with i a size_t, a loop down to
 * 0 written "i >= 0" never ends.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "shuffle.h"

#include "rng.h"

void fisher_yates_shuffle(Rng *rng, size_t *items, size_t n)
{
    /* TODO: your code here */
    (void)rng;
    (void)items;
    (void)n;
}
