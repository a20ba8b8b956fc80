/*
 * rng.h — a small, portable, seeded random number generator.
 * Introduced in chapter 01.
 *
 * SplitMix64 (Steele, Lea and Flood, 2014): one 64-bit word of state, a fixed
 * increment and a mixing function. It uses only unsigned 64-bit arithmetic,
 * whose overflow C defines exactly, so the same seed gives the same numbers on
 * every machine and compiler. That is what makes every chapter's output and
 * every figure script byte-for-byte reproducible. (rand() would not: its
 * algorithm differs between C libraries.)
 */
#ifndef SGD_RNG_H
#define SGD_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t state;
} Rng;

Rng rng_seeded(uint64_t seed);

/* The next raw 64-bit output. */
uint64_t rng_next(Rng *rng);

/* Uniform on [0, 1): the top 53 bits, so every value is an exact double. */
double rng_uniform(Rng *rng);

/* Uniform on [low, high). */
double rng_uniform_between(Rng *rng, double low, double high);

/* Standard normal (mean 0, variance 1), by the Box–Muller transform. Uses
 * log, sqrt and cos from the C library, whose last bit may differ between
 * libraries; the chapters' default data uses only uniform numbers. */
double rng_normal(Rng *rng);

/* Uniform integer in [0, bound), bound > 0, without modulo bias. */
size_t rng_below(Rng *rng, size_t bound);

/* Fisher–Yates: puts items (n of them) in a uniformly random order. */
void rng_shuffle(Rng *rng, size_t *items, size_t n);

#endif
