/* reservoir.h — exercise ch05/reservoir (the task is in reservoir.c). */
#ifndef EXERCISE_RESERVOIR_H
#define EXERCISE_RESERVOIR_H

#include <stddef.h>

#include "rng.h"

/* A fair sample of m rows from a stream of rows that pass by one at a time. */
typedef struct {
    size_t *kept; /* m slots: the sample (the first min(seen, m) are filled) */
    size_t m;     /* the sample's size, at least 1 */
    size_t seen;  /* how many rows have been offered so far */
} Reservoir;

/* Offers the next row of the stream to the sample, and counts it as seen. */
void reservoir_offer(Reservoir *reservoir, size_t row, Rng *rng);

#endif
