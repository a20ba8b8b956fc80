/* patience.h — exercise ch09/patience (the task is in patience.c). */
#ifndef EXERCISE_PATIENCE_H
#define EXERCISE_PATIENCE_H

#include <stddef.h>

/* The epoch at which early stopping with the given patience stops, reading
 * the validation losses epoch by epoch; *best gets the epoch of the lowest
 * loss it saw. validation: count (the loss after epoch 0, 1, …), count ≥ 1,
 * patience ≥ 1 */
size_t early_stop(const double *validation, size_t count, size_t patience, size_t *best);

#endif
