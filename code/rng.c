#include "rng.h"

#include <math.h>

Rng rng_seeded(uint64_t seed)
{
    Rng rng = {seed};
    return rng;
}

//> rng_next
uint64_t rng_next(Rng *rng)
{
    /* The increment is 2^64 divided by the golden ratio: an odd number whose
     * bits look random, so consecutive states differ in many bits. The mixing
     * steps then spread every input bit over every output bit. */
    uint64_t z = (rng->state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}
//< rng_next

double rng_uniform(Rng *rng)
{
    return (double)(rng_next(rng) >> 11) * 0x1.0p-53;
}

double rng_uniform_between(Rng *rng, double low, double high)
{
    return low + (high - low) * rng_uniform(rng);
}

double rng_normal(Rng *rng)
{
    /* 1 - u lies in (0, 1], so the logarithm is always finite. */
    const double pi = 3.14159265358979323846;
    double u1 = 1.0 - rng_uniform(rng);
    double u2 = rng_uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * pi * u2);
}

size_t rng_below(Rng *rng, size_t bound)
{
    /* Taking x % bound would favour small results whenever bound does not
     * divide 2^64. Rejecting the incomplete last block of raw values leaves
     * every residue equally likely. */
    uint64_t limit = UINT64_MAX - (UINT64_MAX % bound + 1) % bound;
    uint64_t x;
    do {
        x = rng_next(rng);
    } while (x > limit);
    return (size_t)(x % bound);
}

//> rng_shuffle
void rng_shuffle(Rng *rng, size_t *items, size_t n)
{
    /* Walk from the end; swap each slot with a random slot at or before it.
     * Each of the n! orders comes out with the same probability. */
    for (size_t i = n; i > 1; i--) {
        size_t j = rng_below(rng, i);
        size_t tmp = items[i - 1];
        items[i - 1] = items[j];
        items[j] = tmp;
    }
}
//< rng_shuffle
