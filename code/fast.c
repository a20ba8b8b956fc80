/* POSIX threads, beyond plain C11. */
#define _POSIX_C_SOURCE 200809L

#include "fast.h"

#include <pthread.h>
#include <string.h>

#include "linalg.h"
#include "sgd.h"

/* The 64 bits of a double, as an integer (memcpy: the one portable way). */
static uint64_t bits_of(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits;
}

//> plain_read
uint64_t plain_read(const double *v, size_t count)
{
    /* Integer additions take one cycle and four sums are independent, so the
     * loop asks for the next bytes as fast as the core can: what it measures
     * is the memory, not the arithmetic. */
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        s0 += bits_of(v[i]);
        s1 += bits_of(v[i + 1]);
        s2 += bits_of(v[i + 2]);
        s3 += bits_of(v[i + 3]);
    }
    for (; i < count; i++)
        s0 += bits_of(v[i]);
    return s0 + s1 + s2 + s3;
}
//< plain_read

//> three_passes
double loss_and_gradient_three_passes(const double *x, const double *y, size_t n,
                                      const double a[2], double grad[2], double *r)
{
    predict(x, n, a, r); /* pass 1: r = y_hat = X a (reads X, writes r) */
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) { /* pass 2: r = y_hat − y (reads r and y, writes r) */
        r[i] -= y[i];
        sum += r[i] * r[i];
    }
    transpose_times(x, n, r, grad); /* pass 3: Xᵀ r (reads X and r) */
    grad[0] *= 2.0 / (double)n;
    grad[1] *= 2.0 / (double)n;
    return sum / (double)n;
}
//< three_passes

//> two_lanes
double loss_and_gradient_two_lanes(const double *x, const double *y, size_t n,
                                   const double a[2], double grad[2])
{
    /* lane k sums the points i + k: squares[k] = Σ r², rx1[k] = Σ r·x1, … */
    double squares[2] = {0.0, 0.0}, rx1[2] = {0.0, 0.0}, rx2[2] = {0.0, 0.0};
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        for (int k = 0; k < 2; k++) { /* the same operations for both lanes */
            const double *row = &x[2 * (i + k)];
            double r = row[0] * a[0] + row[1] * a[1] - y[i + k];
            squares[k] += r * r;
            rx1[k] += r * row[0];
            rx2[k] += r * row[1];
        }
    }
    double sums[3] = {squares[0] + squares[1], rx1[0] + rx1[1], rx2[0] + rx2[1]};
    if (i < n) /* an odd n leaves one point */
        add_miss(&x[2 * i], y[i], a, sums);
    return loss_and_gradient_from_sums(sums, n, grad);
}
//< two_lanes

//> no_x2
double loss_and_gradient_no_x2(const double *x1, const double *y, size_t n,
                               const double a[2], double grad[2])
{
    double sums[3] = {0.0, 0.0, 0.0};
    for (size_t i = 0; i < n; i++) {
        double r = x1[i] * a[0] + a[1] - y[i]; /* x2 = 1: a2·x2 is just a2 */
        sums[0] += r * r;
        sums[1] += r * x1[i];
        sums[2] += r; /* r·x2 = r */
    }
    return loss_and_gradient_from_sums(sums, n, grad);
}
//< no_x2

void copy_x1_column(const double *x, size_t n, double *x1)
{
    for (size_t i = 0; i < n; i++)
        x1[i] = x[2 * i];
}

/* One thread's share of a pass: the sums of add_miss() over n points. */
typedef struct {
    const double *x, *y, *a;
    size_t n;
    double sums[3];
} Part;

static void *sum_part(void *arg)
{
    Part *part = arg;
    double sums[3] = {0.0, 0.0, 0.0}; /* local, so they stay in registers */
    for (size_t i = 0; i < part->n; i++)
        add_miss(&part->x[2 * i], part->y[i], part->a, sums);
    memcpy(part->sums, sums, sizeof sums);
    return NULL;
}

//> threads
double loss_and_gradient_threads(const double *x, const double *y, size_t n,
                                 const double a[2], double grad[2], int threads)
{
    size_t parts = threads < 1 ? 1 : (size_t)threads;
    if (parts > FAST_MAX_THREADS)
        parts = FAST_MAX_THREADS;
    while (parts > 1 && n / parts < FAST_THREAD_MIN_POINTS)
        parts--; /* each part must be worth the cost of its thread */
    Part part[FAST_MAX_THREADS];
    pthread_t thread[FAST_MAX_THREADS];
    int started[FAST_MAX_THREADS] = {0};
    for (size_t p = 0; p < parts; p++) { /* part p: points [p·n/parts, (p+1)·n/parts) */
        size_t from = p * n / parts, to = (p + 1) * n / parts;
        part[p] = (Part){&x[2 * from], &y[from], a, to - from, {0.0, 0.0, 0.0}};
        if (p > 0)
            started[p] = pthread_create(&thread[p], NULL, sum_part, &part[p]) == 0;
    }
    sum_part(&part[0]); /* the calling thread's own part, meanwhile */
    double sums[3] = {0.0, 0.0, 0.0};
    for (size_t p = 0; p < parts; p++) {
        if (p > 0 && started[p])
            pthread_join(thread[p], NULL);
        else if (p > 0)
            sum_part(&part[p]); /* no thread to be had: do it here */
        for (int k = 0; k < 3; k++)
            sums[k] += part[p].sums[k];
    }
    return loss_and_gradient_from_sums(sums, n, grad);
}
//< threads

static void swap_rows(Dataset *data, size_t i, size_t j)
{
    for (int k = 0; k < 2; k++) {
        double t = data->x[2 * i + k];
        data->x[2 * i + k] = data->x[2 * j + k];
        data->x[2 * j + k] = t;
    }
    double t = data->y[i];
    data->y[i] = data->y[j];
    data->y[j] = t;
}

//> shuffle_rows
void shuffle_rows(Rng *rng, Dataset *data)
{
    /* rng_shuffle()'s loop, swapping whole rows instead of row numbers. */
    for (size_t i = data->n; i > 1; i--)
        swap_rows(data, i - 1, rng_below(rng, i));
}
//< shuffle_rows
