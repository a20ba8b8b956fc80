/*
 * Exercise ch05/reservoir — a fair minibatch from data too big to hold.
 *
 * Chapter 05 draws its batches by shuffling the row numbers 0 … n−1, so it
 * must know n and hold all n of them. When rows stream past only once (a
 * file too big for memory, read line by line), reservoir sampling still
 * draws a fair sample of m rows: at every moment, after any number of rows,
 * every set of m of the rows seen so far is equally likely to be the one
 * kept, and n need never be known.
 *
 * The rule (Algorithm R): the first m rows fill the m slots. After that,
 * the row that arrives when seen rows have passed before it draws j
 * uniformly from 0 … seen (seen + 1 choices, one per row seen so far,
 * itself included); if j < m it replaces the row in slot j, and otherwise
 * it is dropped. So it is kept with probability m / (seen + 1), its fair
 * share, and each row already kept loses its slot with probability
 * 1 / (seen + 1), which keeps their shares fair too.
 *
 * Task: offer row to the reservoir, then count it:
 *     if seen < m:  kept[seen] = row;
 *     otherwise:    j = rng_below(rng, seen + 1); if j < m, kept[j] = row;
 *     seen = seen + 1.
 *   reservoir: kept has room for m row numbers, m ≥ 1, seen as left by
 *   the calls before (0 at the start); row: any number; rng: seeded by
 *   the caller.
 *   May call: rng_below() from rng.h.
 *
 * Hint: the new row is one of seen + 1 candidates, so j comes from
 * rng_below(rng, seen + 1). With rng_below(rng, seen), the first row after
 * the slots fill would always get in. And keep row, the number offered,
 * not seen.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "reservoir.h"

#include "rng.h"

void reservoir_offer(Reservoir *reservoir, size_t row, Rng *rng)
{
    /* TODO: your code here */
    (void)reservoir;
    (void)row;
    (void)rng;
}
