/* epoch-batches.h — exercise ch05/epoch-batches (the task is in epoch-batches.c). */
#ifndef EXERCISE_EPOCH_BATCHES_H
#define EXERCISE_EPOCH_BATCHES_H

#include <stddef.h>

/* What to do with one batch: its m row numbers, and the caller's context.
 * rows: m */
typedef void (*BatchVisitor)(const size_t *rows, size_t m, void *context);

/* Cuts one epoch's order into consecutive batches of batch_size rows (the
 * last one shorter when batch_size does not divide n) and calls visit on
 * each, in order. Returns the number of batches. order: n */
size_t for_each_batch(const size_t *order, size_t n, size_t batch_size,
                      BatchVisitor visit, void *context);

#endif
