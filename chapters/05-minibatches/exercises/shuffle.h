/* shuffle.h — exercise ch05/shuffle (the task is in shuffle.c). */
#ifndef EXERCISE_SHUFFLE_H
#define EXERCISE_SHUFFLE_H

#include <stddef.h>

#include "rng.h"

/* Puts items in a uniformly random order (Fisher–Yates). items: n */
void fisher_yates_shuffle(Rng *rng, size_t *items, size_t n);

#endif
