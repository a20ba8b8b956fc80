/* Solution to ch05/reservoir: Algorithm R, one row at a time. */
#include "reservoir.h"

#include "rng.h"

void reservoir_offer(Reservoir *reservoir, size_t row, Rng *rng)
{
    if (reservoir->seen < reservoir->m) {
        reservoir->kept[reservoir->seen] = row; /* the first m rows fill the slots */
    } else {
        /* One of seen + 1 rows: kept with probability m / (seen + 1). */
        size_t j = rng_below(rng, reservoir->seen + 1);
        if (j < reservoir->m)
            reservoir->kept[j] = row;
    }
    reservoir->seen++;
}
