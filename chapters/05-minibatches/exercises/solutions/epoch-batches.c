/* Solution to ch05/epoch-batches: consecutive slices of the order, the last one short. */
#include "epoch-batches.h"

size_t for_each_batch(const size_t *order, size_t n, size_t batch_size,
                      BatchVisitor visit, void *context)
{
    size_t batches = 0;
    for (size_t start = 0; start < n; start += batch_size) {
        size_t left = n - start;
        size_t m = left < batch_size ? left : batch_size; /* short only at the end */
        visit(&order[start], m, context);
        batches++;
    }
    return batches;
}
