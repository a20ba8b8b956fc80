/* Solution to ch09/patience: the best so far, and how long ago it was. */
#include "patience.h"

size_t early_stop(const double *validation, size_t count, size_t patience, size_t *best)
{
    *best = 0;
    for (size_t epoch = 0; epoch < count; epoch++) {
        if (validation[epoch] < validation[*best])
            *best = epoch; /* strictly lower: a new best */
        if (epoch - *best == patience)
            return epoch; /* patience epochs with no new best: stop */
    }
    return count - 1; /* never ran out of patience: trained to the end */
}
