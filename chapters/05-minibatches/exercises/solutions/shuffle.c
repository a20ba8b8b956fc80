/* Solution to ch05/shuffle: Fisher–Yates, from the last slot to the second. */
#include "shuffle.h"

#include "rng.h"

void fisher_yates_shuffle(Rng *rng, size_t *items, size_t n)
{
    /* Slot i−1 gets an item chosen from the i not yet placed (slots 0 … i−1);
     * counting i down from n to 2 keeps the unsigned loop from wrapping. */
    for (size_t i = n; i > 1; i--) {
        size_t j = rng_below(rng, i);
        size_t chosen = items[j];
        items[j] = items[i - 1];
        items[i - 1] = chosen;
    }
}
