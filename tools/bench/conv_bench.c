/*
 * conv_bench.c — how long chapter 12's layers take on one batch, plain
 * (code/conv.c) and fast (code/conv_fast.c): the network's two 3×3
 * convolutions, forward and backward, and its two 2×2 max-pools, on 8×8
 * images. Part of `make bench`, never of `make test`.
 *
 *     build/conv-bench [BATCH C1 C2]     (default 32 16 32)
 *
 * The network is conv 1→C1 on 8×8, pool to 4×4, conv C1→C2, pool to 2×2
 * (then a linear layer, which chapter 11 times). The first convolution's
 * backward computes no dx: the images need no gradient.
 *
 * Prints one line per layer, for tools/bench/conv_torch.py to time PyTorch
 * on the same shapes and print the table:
 *     KEY KIND B C H W K DX FLOPS PLAIN_SECONDS FAST_SECONDS
 * (KIND conv or pool; for a pool K is C and FLOPS 0), then a line
 * "clock GHZ", the processor's clock measured by a chain of additions that
 * each wait for the one before, 3 cycles each on AMD's Zen cores (4 on some
 * others: then the clock is 4/3 of what is printed), for the arithmetic
 * peak: at the course's flags (SSE2, no fused multiply-add) a Zen 4 core
 * does 2 multiplies and 2 adds a cycle, of 2 doubles each, 8 flops a cycle.
 * Times are the CPU time of the one thread doing the work (which is what a
 * single-threaded program's wall time would be on a machine to itself), the
 * fastest of several runs: on a machine shared with other programs, wall
 * time measures them too.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "conv.h"
#include "conv_fast.h"
#include "rng.h"

enum { TRIALS = 21 };

/* This thread's CPU time, in seconds. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

typedef struct {
    size_t B, C, H, W, K;
    bool want_dx;
    double *x, *weight, *bias, *out, *dout, *dx, *dweight, *dbias, *scratch;
    size_t *argmax;
} Layer;

static double *uniform_array(size_t n, Rng *rng)
{
    double *a = malloc((n > 0 ? n : 1) * sizeof *a);
    if (a != NULL)
        for (size_t i = 0; i < n; i++)
            a[i] = rng_uniform_between(rng, -1.0, 1.0);
    return a;
}

static bool layer_init(Layer *l, size_t B, size_t C, size_t H, size_t W, size_t K,
                       bool want_dx, Rng *rng)
{
    size_t nx = B * C * H * W, no = B * K * H * W;
    *l = (Layer){B, C, H, W, K, want_dx, uniform_array(nx, rng), uniform_array(K * C * 9, rng),
                 uniform_array(K, rng), uniform_array(no, rng), uniform_array(no, rng),
                 uniform_array(nx, rng), uniform_array(K * C * 9, rng), uniform_array(K, rng),
                 uniform_array(conv3x3_fast_scratch(C, H, W, K), rng),
                 malloc(no * sizeof(size_t))};
    return l->x && l->weight && l->bias && l->out && l->dout && l->dx && l->dweight &&
           l->dbias && l->scratch && l->argmax;
}

static void layer_free(Layer *l)
{
    double *arrays[] = {l->x,  l->weight,  l->bias,  l->out,    l->dout,
                        l->dx, l->dweight, l->dbias, l->scratch};
    for (size_t k = 0; k < sizeof arrays / sizeof arrays[0]; k++)
        free(arrays[k]);
    free(l->argmax);
}

static void conv_plain(Layer *l)
{
    conv3x3_forward(l->out, l->x, l->weight, l->bias, l->B, l->C, l->H, l->W, l->K);
    conv3x3_backward(l->want_dx ? l->dx : NULL, l->dweight, l->dbias, l->dout, l->x, l->weight,
                     l->B, l->C, l->H, l->W, l->K);
}

static void conv_fast(Layer *l)
{
    conv3x3_forward_fast(l->out, l->x, l->weight, l->bias, l->B, l->C, l->H, l->W, l->K,
                         l->scratch);
    conv3x3_backward_fast(l->want_dx ? l->dx : NULL, l->dweight, l->dbias, l->dout, l->x,
                          l->weight, l->B, l->C, l->H, l->W, l->K, l->scratch);
}

/* Max-pooling of the layer's x (C channels), forward and backward. */
static void pool(Layer *l)
{
    maxpool2x2_forward(l->out, l->argmax, l->x, l->B, l->C, l->H, l->W);
    maxpool2x2_backward(l->dx, l->dout, l->argmax, l->B, l->C, l->H, l->W);
}

/* The fastest of TRIALS runs of enough calls to take about 5 ms, per call:
 * short runs, so that some of them find a core to themselves. */
static double seconds_per_call(void (*run)(Layer *), Layer *l)
{
    size_t calls = 1;
    for (double start = now(); now() - start < 0.005; calls *= 2) /* how many make 5 ms */
        for (size_t c = 0; c < calls; c++)
            run(l);
    double best = 1e30;
    for (int trial = 0; trial < TRIALS; trial++) {
        double start = now();
        for (size_t c = 0; c < calls; c++)
            run(l);
        double per_call = (now() - start) / (double)calls;
        best = per_call < best ? per_call : best;
    }
    return best;
}

static void print_conv(const char *key, Layer *l)
{
    /* 2 flops (a multiply and an add) per weight per output pixel, once
     * forward, once for dweight and once more for dx. */
    double flops = 2.0 * (double)(l->B * l->K * l->H * l->W * l->C * 9) * (l->want_dx ? 3 : 2);
    printf("%s conv %zu %zu %zu %zu %zu %d %.0f %.9g %.9g\n", key, l->B, l->C, l->H, l->W, l->K,
           l->want_dx, flops, seconds_per_call(conv_plain, l), seconds_per_call(conv_fast, l));
}

static void print_pool(const char *key, Layer *l)
{
    double t = seconds_per_call(pool, l); /* one version: plain is fast */
    printf("%s pool %zu %zu %zu %zu %zu 1 0 %.9g %.9g\n", key, l->B, l->C, l->H, l->W, l->C, t, t);
}

/* The clock, from additions that each wait for the last. volatile keeps the
 * compiler from adding them up ahead of time. */
static double clock_ghz(void)
{
    volatile double step = 1e-9;
    double sum = 0.0, increment = step, best = 1e30;
    const long adds = 20000000;
    for (int trial = 0; trial < TRIALS; trial++) {
        double start = now();
        for (long i = 0; i < adds; i++)
            sum += increment;
        double per_add = (now() - start) / (double)adds;
        best = per_add < best ? per_add : best;
    }
    step = sum; /* use the sum */
    return 3.0 / best / 1e9;
}

int main(int argc, char **argv)
{
    size_t B = 32, C1 = 16, C2 = 32;
    if (argc == 4) {
        B = strtoul(argv[1], NULL, 10);
        C1 = strtoul(argv[2], NULL, 10);
        C2 = strtoul(argv[3], NULL, 10);
    }
    if ((argc != 1 && argc != 4) || B == 0 || C1 == 0 || C2 == 0) {
        fprintf(stderr, "usage: conv-bench [BATCH C1 C2]   (default 32 16 32)\n");
        return 2;
    }
    Rng rng = rng_seeded(42);
    Layer conv1 = {0}, pool1 = {0}, conv2 = {0}, pool2 = {0};
    bool ok = layer_init(&conv1, B, 1, 8, 8, C1, false, &rng) &&
              layer_init(&pool1, B, C1, 8, 8, C1, true, &rng) &&
              layer_init(&conv2, B, C1, 4, 4, C2, true, &rng) &&
              layer_init(&pool2, B, C2, 4, 4, C2, true, &rng);
    if (ok) {
        print_conv("conv1", &conv1);
        print_pool("pool1", &pool1);
        print_conv("conv2", &conv2);
        print_pool("pool2", &pool2);
        printf("clock %.2f\n", clock_ghz());
    } else {
        fprintf(stderr, "conv-bench: out of memory\n");
    }
    layer_free(&conv1);
    layer_free(&pool1);
    layer_free(&conv2);
    layer_free(&pool2);
    return ok ? 0 : 1;
}
