/*
 * timing.h — chapter 13's stopwatch and the variants of the gradient pass it
 * times: the clocks, the five ways to take one pass, and how a sample is
 * taken so that the clock's resolution does not matter.
 */
#ifndef CH11_TIMING_H
#define CH11_TIMING_H

#include <stddef.h>

/* Seconds on a clock that only goes forward. */
double now(void);

/* Seconds of CPU time this thread has used. Unlike the wall clock it does
 * not count the time other programs on the machine take from it, which
 * matters for a timing as long as an epoch (a second or so): too long to
 * hope for one sample nothing interrupted. */
double cpu_now(void);

/* The first n points of the data in every layout a variant reads. */
typedef struct {
    const double *x, *y; /* x: n×2 row-major, y: n */
    const double *x1;    /* n: x's first column alone (no x2) */
    double *r;           /* n: scratch for the three passes */
    size_t n;
} Pass;

enum { VARIANTS = 5, FUSED = 1, TWO_THREADS = 4 };

/* The five passes, each computing the loss and gradient of p's n points. */
typedef struct {
    const char *name;
    double bytes_per_point; /* of the data it reads: 24, or 16 without x2 */
    double (*run)(const Pass *p, const double a[2], double grad[2]);
} Variant;

extern const Variant VARIANT[VARIANTS];

/* Passes timed together in one sample: enough points (about a million) that
 * the clock's resolution and the cost of asking it do not matter. */
size_t passes_per_sample(size_t n);

/* Seconds a pass: a plain read of x and y, and variant v, each taken passes
 * times in a row. */
double time_read(const Pass *p, size_t passes);
double time_variant(const Pass *p, int v, size_t passes);

/* The middle value of v (sorted in place); of an even count, the mean of
 * the two in the middle. v: count, count > 0 */
double median(double *v, size_t count);

#endif
