/*
 * Chapter 13 — how fast can SGD go? The gradient pass against the roofline.
 *
 * Every step of full-batch descent is one pass over the data: the loss and
 * the gradient of all n points (chapter 04's loss_and_gradient()). This
 * program times that pass at sizes from 1000 points, which sit in the CPU's
 * caches, up to --n, which (from a few million on) must come from main
 * memory; beside it, the textbook's three passes, two lanes of sums, a
 * layout without the constant column and two threads (code/fast.h, timed by
 * timing.c). In the same run it times a plain read of the same bytes, the
 * roof that no pass over them can go through, and prints how close the fused
 * pass gets: `roofline: R`. Then it times one epoch of chapter 05's
 * minibatch SGD three ways, and draws GB/s against n (show.c).
 *
 *     build/ch13 --n 10000000 --epochs 10        build/ch13 --n 100000000 --epochs 5
 */
#include <math.h>

#include "fast.h"
#include "show.h"

static const Chapter CHAPTER = {
    "ch13",
    "Chapter 13: the gradient pass timed against the roofline, the plain read\n"
    "bandwidth of the same bytes, at sizes from 1000 points (in the caches) up to\n"
    "--n; --epochs is how many times each is timed (the best time counts).\n"
    "Try: ch13 --n 10000000 --epochs 10",
    FLAG_SEED | FLAG_N | FLAG_EPOCHS | FLAG_OUT | FLAG_QUIET, 0, 0, 0, 0.0};

enum { RATIOS_MAX = 64 };

//> ch13_time_size
/* The best of `samples` timings of the plain read and of every variant.
 * Other programs on the machine take turns on the cores and share the
 * memory, so any one timing may come out slow, never fast: the best is the
 * least disturbed. The roofline ratio pairs each fused timing with the read
 * just before it, under the same conditions, and takes the middle of those
 * ratios: two best-ofs taken at different moments could be disturbed
 * differently. */
static Timing time_size(const Pass *p, size_t samples)
{
    Timing t = {p->n, INFINITY, {INFINITY, INFINITY, INFINITY, INFINITY, INFINITY}, 0.0};
    double ratio[RATIOS_MAX];
    size_t passes = passes_per_sample(p->n), ratios = 0;
    for (size_t s = 0; s < samples; s++) {
        double read = time_read(p, passes), fused = time_variant(p, FUSED, passes);
        if (ratios < RATIOS_MAX)
            ratio[ratios++] = read / fused;
        t.read = fmin(t.read, read);
        t.variant[FUSED] = fmin(t.variant[FUSED], fused);
        for (int v = 0; v < VARIANTS; v++)
            if (v != FUSED)
                t.variant[v] = fmin(t.variant[v], time_variant(p, v, passes));
    }
    t.roofline = median(ratio, ratios);
    return t;
}
//< ch13_time_size

//> ch13_epoch
/* One epoch of chapter 05's minibatch SGD from the notebook's start, timed:
 * the same shuffle and the same steps, three ways. Returns the CPU seconds
 * (see cpu_now()) and leaves the final coefficients in a. sampler: freshly
 * made for data, in batches of EPOCH_BATCH; batch: room for EPOCH_BATCH
 * points; rows: a copy of data, in its order. a: 2 */
static double time_epoch(EpochWay way, const Dataset *data, EpochSampler *sampler,
                         Dataset *batch, Dataset *rows, uint64_t seed, double lr,
                         double a[2])
{
    Rng rng = rng_seeded(seed);
    a[0] = A_START[0];
    a[1] = A_START[1];
    double start = cpu_now();
    if (way == SHUFFLED_ROWS) {
        shuffle_rows(&rng, rows); /* the batches are now consecutive slices */
        for (size_t s = 0; s < rows->n; s += EPOCH_BATCH) {
            size_t m = rows->n - s < EPOCH_BATCH ? rows->n - s : EPOCH_BATCH;
            sgd_update(&rows->x[2 * s], &rows->y[s], m, a, lr);
        }
        return cpu_now() - start;
    }
    sampler_start_epoch(sampler, &rng);
    const size_t *batch_rows;
    size_t m;
    while ((m = sampler_next_batch(sampler, &batch_rows)) > 0) {
        if (way == COPY_BATCHES) {
            gather_rows(data, batch_rows, m, batch);
            sgd_update(batch->x, batch->y, m, a, lr);
        } else {
            sgd_update_rows(data, batch_rows, m, a, lr);
        }
    }
    return cpu_now() - start;
}
//< ch13_epoch

/* The best of `samples` epochs each way, each from a fresh start, on data. */
static void compare_epochs(Run *run, const Dataset *data, size_t samples)
{
    double a[EPOCH_WAYS][2], seconds[EPOCH_WAYS];
    say_epochs_header(run, data->n, samples);
    for (int w = 0; w < EPOCH_WAYS; w++) {
        EpochParts parts = make_epoch_parts(run, (EpochWay)w, data);
        seconds[w] = INFINITY;
        for (size_t s = 0; s < samples; s++) {
            reset_epoch_parts(run, &parts, data);
            seconds[w] = fmin(seconds[w], time_epoch((EpochWay)w, data, parts.sampler,
                                                     parts.batch, parts.rows,
                                                     run->options->seed, run->options->lr,
                                                     a[w]));
        }
        say_epoch(run, (EpochWay)w, seconds[w]);
    }
    say_same_steps(run, a);
}

//> ch13_run
static void lesson(Run *run)
{
    const Dataset *data = run->data;
    Sweep sweep = make_sweep(run); /* sizes from 1000 points up to n, every layout */
    say_header(run);
    for (size_t k = 0; k < sweep.count; k++) {
        Pass p = {data->x, data->y, sweep.x1, sweep.r, sweep.sizes[k]};
        sweep.timing[k] = time_size(&p, run->options->epochs);
        say_row(run, &sweep.timing[k]);
        sweep.all_agree = sweep.all_agree && all_variants_agree(&p);
    }
    say_summary(run, &sweep);
    Dataset first = epoch_data(run); /* at most EPOCH_POINTS_MAX points */
    compare_epochs(run, &first, run->options->epochs < 3 ? run->options->epochs : 3);
    draw_bandwidth(run, &sweep);
}
//< ch13_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
