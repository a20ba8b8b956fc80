/* clock_gettime, beyond plain C11. */
#define _POSIX_C_SOURCE 200809L

#include "timing.h"

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "fast.h"
#include "frame.h"
#include "sgd.h"

double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double run_three_passes(const Pass *p, const double a[2], double grad[2])
{
    return loss_and_gradient_three_passes(p->x, p->y, p->n, a, grad, p->r);
}

static double run_fused(const Pass *p, const double a[2], double grad[2])
{
    return loss_and_gradient(p->x, p->y, p->n, a, grad);
}

static double run_two_lanes(const Pass *p, const double a[2], double grad[2])
{
    return loss_and_gradient_two_lanes(p->x, p->y, p->n, a, grad);
}

static double run_no_x2(const Pass *p, const double a[2], double grad[2])
{
    return loss_and_gradient_no_x2(p->x1, p->y, p->n, a, grad);
}

static double run_two_threads(const Pass *p, const double a[2], double grad[2])
{
    return loss_and_gradient_threads(p->x, p->y, p->n, a, grad, 2);
}

const Variant VARIANT[VARIANTS] = {
    {"3 passes", 24, run_three_passes},
    {"fused", 24, run_fused},
    {"2 lanes", 24, run_two_lanes},
    {"no x2", 16, run_no_x2},
    {"2 threads", 24, run_two_threads},
};

size_t passes_per_sample(size_t n)
{
    size_t points = (size_t)1 << 20;
    return n >= points ? 1 : (points + n - 1) / n;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double median(double *v, size_t count)
{
    qsort(v, count, sizeof *v, compare_doubles);
    return (v[(count - 1) / 2] + v[count / 2]) / 2.0;
}

/* A result the compiler must keep, so no timed loop is optimised away. */
static volatile uint64_t keep;

double time_read(const Pass *p, size_t passes)
{
    double start = now();
    for (size_t k = 0; k < passes; k++)
        keep += plain_read(p->x, 2 * p->n) + plain_read(p->y, p->n);
    return (now() - start) / (double)passes;
}

double time_variant(const Pass *p, int v, size_t passes)
{
    double grad[2], loss = 0.0;
    double start = now();
    for (size_t k = 0; k < passes; k++)
        loss += VARIANT[v].run(p, A_START, grad);
    double seconds = (now() - start) / (double)passes;
    keep += (uint64_t)(loss > 0.0);
    return seconds;
}
