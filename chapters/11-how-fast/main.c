/*
 * Chapter 11 — how fast can SGD go? The gradient pass against the roofline.
 *
 * Every step of full-batch descent is one pass over the data: the loss and
 * the gradient of all n points (chapter 04's loss_and_gradient()). This
 * program times that pass at sizes from 1000 points, which sit in the CPU's
 * caches, up to --n, which (from a few million on) must come from main
 * memory; beside it, the textbook's three passes, two lanes of sums, a
 * layout without the constant column and two threads (code/fast.h). In the same run it times a
 * plain read of the same bytes, the roof that no pass over them can go
 * through, and prints how close the fused pass gets: `roofline: R`. Then it
 * times one epoch of chapter 05's minibatch SGD three ways, and draws GB/s
 * against n.
 *
 *     build/ch11 --n 10000000 --epochs 10        build/ch11 --n 100000000 --epochs 5
 */
/* clock_gettime and POSIX threads, beyond plain C11. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chapter.h"
#include "fast.h"
#include "gradient.h"
#include "loss.h"
#include "minibatch.h"
#include "plot.h"
#include "sgd.h"

static const Chapter CHAPTER = {
    "ch11",
    "Chapter 11: the gradient pass timed against the roofline, the plain read\n"
    "bandwidth of the same bytes, at sizes from 1000 points (in the caches) up to\n"
    "--n; --epochs is how many times each is timed (the best time counts).\n"
    "Try: ch11 --n 10000000 --epochs 10",
    FLAG_SEED | FLAG_N | FLAG_EPOCHS | FLAG_OUT | FLAG_QUIET, 0};

/* Seconds on a clock that only goes forward. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Seconds of CPU time this thread has used. Unlike the wall clock it does
 * not count the time other programs on the machine take from it, which
 * matters for a timing as long as an epoch (a second or so): too long to
 * hope for one sample nothing interrupted. */
static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The first n points of the data in every layout a variant reads. */
typedef struct {
    const double *x, *y; /* x: n×2 row-major, y: n */
    const double *x1;    /* n: x's first column alone (no x2) */
    double *r;           /* n: scratch for the three passes */
    size_t n;
} Pass;

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

enum { VARIANTS = 5, FUSED = 1, TWO_THREADS = 4 };

static const struct {
    const char *name;
    double bytes_per_point; /* of the data it reads: 24, or 16 without x2 */
    double (*run)(const Pass *p, const double a[2], double grad[2]);
} VARIANT[VARIANTS] = {
    {"3 passes", 24, run_three_passes},
    {"fused", 24, run_fused},
    {"2 lanes", 24, run_two_lanes},
    {"no x2", 16, run_no_x2},
    {"2 threads", 24, run_two_threads},
};

/* What was measured at one size: the best seconds per pass, and how close
 * the fused pass came to the roof. */
typedef struct {
    size_t n;
    double read;              /* plain_read() of x and y: 24 bytes a point */
    double variant[VARIANTS]; /* each VARIANT[v].run() */
    double roofline;          /* read time / fused time, the median over samples */
} Timing;

/* Passes timed together in one sample: enough points (about a million) that
 * the clock's resolution and the cost of asking it do not matter. */
static size_t passes_per_sample(size_t n)
{
    size_t points = (size_t)1 << 20;
    return n >= points ? 1 : (points + n - 1) / n;
}

enum { RATIOS_MAX = 64 };

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The middle value of v (sorted in place); of an even count, the mean of
 * the two in the middle. v: count, count > 0 */
static double median(double *v, size_t count)
{
    qsort(v, count, sizeof *v, compare_doubles);
    return (v[(count - 1) / 2] + v[count / 2]) / 2.0;
}

/* A result the compiler must keep, so no timed loop is optimised away. */
static volatile uint64_t keep;

static double time_read(const Pass *p, size_t passes)
{
    double start = now();
    for (size_t k = 0; k < passes; k++)
        keep += plain_read(p->x, 2 * p->n) + plain_read(p->y, p->n);
    return (now() - start) / (double)passes;
}

static double time_variant(const Pass *p, int v, size_t passes)
{
    double grad[2], loss = 0.0;
    double start = now();
    for (size_t k = 0; k < passes; k++)
        loss += VARIANT[v].run(p, A_START, grad);
    double seconds = (now() - start) / (double)passes;
    keep += (uint64_t)(loss > 0.0);
    return seconds;
}

//> ch11_time_size
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
//< ch11_time_size

static double gigabytes_per_second(double bytes_per_point, size_t n, double seconds)
{
    return bytes_per_point * (double)n / seconds / 1e9;
}

/* True when splitting the pass really uses two threads at this size. */
static bool splits(size_t n)
{
    return n / 2 >= FAST_THREAD_MIN_POINTS;
}

/* True when every variant's loss and gradient agree with chapter 02's
 * loss_of() and chapter 03's gradient() to 1e-12, relative. */
static bool all_variants_agree(const Pass *p)
{
    double want[2];
    gradient(p->x, p->y, p->n, A_START, want);
    double want_loss = loss_of(p->x, p->y, p->n, A_START);
    double scale = fmax(fabs(want[0]), fabs(want[1]));
    bool agree = true;
    for (int v = 0; v < VARIANTS; v++) {
        double got[2];
        double got_loss = VARIANT[v].run(p, A_START, got);
        agree = agree && fabs(got_loss - want_loss) <= 1e-12 * want_loss &&
                fabs(got[0] - want[0]) <= 1e-12 * scale &&
                fabs(got[1] - want[1]) <= 1e-12 * scale;
    }
    return agree;
}

static const char *size_text(double bytes, char text[16])
{
    const char *unit[] = {"B", "KB", "MB", "GB"};
    int u = 0;
    for (; u < 3 && bytes >= 1000.0; u++)
        bytes /= 1000.0;
    snprintf(text, 16, "%.1f %s", bytes, unit[u]);
    return text;
}

/* A duration in the unit that keeps it readable: "266 ms", "85.8 us". */
static const char *duration_text(double seconds, char text[16])
{
    const char *unit[] = {"s", "ms", "us", "ns"};
    int u = 0;
    for (; u < 3 && seconds < 1.0; u++)
        seconds *= 1000.0;
    snprintf(text, 16, "%.3g %s", seconds, unit[u]);
    return text;
}

static void show_header(const Options *options)
{
    say(options, "Each pass computes the loss and gradient of the first n points; each is\n"
                 "timed %zu time%s and the best time kept. GB/s is the data's bytes (24 a\n"
                 "point; 16 without x2) over the time of one pass; \"read\" is a plain read\n"
                 "of the same 24 bytes a point, timed alongside: the roof. roofline is the\n"
                 "fused pass's speed as a fraction of the read's.\n\n",
        options->epochs, options->epochs == 1 ? "" : "s");
    say(options, "%10s %9s %7s", "n", "bytes", "read");
    for (int v = 0; v < VARIANTS; v++)
        say(options, " %9s", VARIANT[v].name);
    say(options, "  roofline\n");
}

static void show_row(const Options *options, const Timing *t)
{
    char bytes[16];
    say(options, "%10zu %9s %7.1f", t->n, size_text(24.0 * (double)t->n, bytes),
        gigabytes_per_second(24, t->n, t->read));
    for (int v = 0; v < VARIANTS; v++) {
        if (v == TWO_THREADS && !splits(t->n))
            say(options, " %9s", "-");
        else
            say(options, " %9.1f",
                gigabytes_per_second(VARIANT[v].bytes_per_point, t->n, t->variant[v]));
    }
    say(options, " %9.2f\n", t->roofline);
}

/* 1000 points, then about 3.16 times more each time, up to n itself. Returns
 * how many sizes; sizes: room for SIZES_MAX. */
enum { SIZES_MAX = 24 };
static size_t sizes_up_to(size_t n, size_t sizes[SIZES_MAX])
{
    size_t count = 0;
    for (double s = 1000.0; s < (double)n * 0.9 && count < SIZES_MAX - 1; s *= sqrt(10.0))
        sizes[count++] = (size_t)round(s);
    sizes[count++] = n;
    return count;
}

static void *do_nothing(void *unused)
{
    return unused;
}

/* The best of 20 times to start a thread and wait for it to finish. */
static double thread_cost(void)
{
    double best = INFINITY;
    for (int k = 0; k < 20; k++) {
        pthread_t thread;
        double start = now();
        if (pthread_create(&thread, NULL, do_nothing, NULL) != 0)
            return NAN;
        pthread_join(thread, NULL);
        best = fmin(best, now() - start);
    }
    return best;
}

static void show_summary(const Options *options, const Timing *t, bool all_agree)
{
    char time[16];
    say(options, "\nOne pass over %zu points takes:\n ", t->n);
    for (int v = 0; v < VARIANTS; v++)
        say(options, " %s %s%s", VARIANT[v].name, duration_text(t->variant[v], time),
            v + 1 < VARIANTS ? "," : ";\n");
    say(options, "  a plain read of its bytes %s.\n", duration_text(t->read, time));
    double cost = thread_cost();
    char bytes[16];
    say(options, "Starting and joining a thread takes %.0f us, as long as reading %s.\n",
        1e6 * cost, size_text(cost * gigabytes_per_second(24, t->n, t->read) * 1e9, bytes));
    say(options, "Every variant's loss and gradient agree with chapters 02 and 03 to "
                 "1e-12: %s.\n",
        all_agree ? "yes" : "NO");
}

/* GB/s against n for each variant, with the plain read as the roof, into dir. */
static Status draw_bandwidth(const Options *options, const char *dir, const Timing *timing,
                             size_t count, Error *err)
{
    size_t rows = count;
    double *values = malloc((VARIANTS + 2) * rows * sizeof *values);
    if (values == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the bandwidth figure");
    double *n = values, *read = values + rows, *gbs = values + 2 * rows;
    size_t split_from = rows;
    for (size_t k = 0; k < rows; k++) {
        n[k] = (double)timing[k].n;
        read[k] = gigabytes_per_second(24, timing[k].n, timing[k].read);
        for (int v = 0; v < VARIANTS; v++)
            gbs[v * rows + k] = gigabytes_per_second(VARIANT[v].bytes_per_point,
                                                     timing[k].n, timing[k].variant[v]);
        if (split_from == rows && splits(timing[k].n))
            split_from = k;
    }
    /* The variants in the order of VARIANT[], each with its colour. */
    static const Role role[VARIANTS] = {ROLE_PASS_TEXTBOOK, ROLE_PASS_FUSED, ROLE_PASS_LANES,
                                        ROLE_PASS_NO_COLUMN, ROLE_PASS_THREADS};
    Curve curves[VARIANTS + 1] = {{"read (the roof)", ROLE_BOUND, false, n, read, rows}};
    size_t count_drawn = 1;
    for (int v = 0; v < VARIANTS; v++) {
        /* Two threads only where the pass is really split in two. */
        size_t from = v == TWO_THREADS ? split_from : 0;
        if (from < rows)
            curves[count_drawn++] = (Curve){VARIANT[v].name, role[v], false, n + from,
                                            gbs + v * rows + from, rows - from};
    }
    /* Say what this run found, and only that: the roof reached from memory. */
    const Timing *largest = &timing[count - 1];
    bool at_roof = largest->n >= 1000000 && largest->roofline >= 0.8;
    Axes axes = {.title = at_roof ? "Beyond the caches the fused pass runs near the roof, "
                                    "the plain read"
                                  : "The gradient pass against the roofline, the plain read",
                 .x_label = "points n (log scale; 24 bytes each)",
                 .y_label = "GB of data per second",
                 .log_x = true,
                 .y_from_zero = true}; /* heights compare: half as high is half as fast */
    Status status = plot_curves(dir, "ch11-bandwidth", &axes, curves, count_drawn, err);
    free(values);
    if (status == STATUS_OK)
        say_wrote(options, "ch11-bandwidth");
    return status;
}

/* Times every size up to data->n; timing: room for SIZES_MAX, *count set. */
static Status sweep(const Options *options, const Dataset *data, Timing *timing,
                    size_t *count, bool *all_agree, Error *err)
{
    double *x1 = malloc(data->n * sizeof *x1), *r = malloc(data->n * sizeof *r);
    if (x1 == NULL || r == NULL) {
        free(x1);
        free(r);
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu points", data->n);
    }
    copy_x1_column(data->x, data->n, x1);
    size_t sizes[SIZES_MAX];
    *count = sizes_up_to(data->n, sizes);
    *all_agree = true;
    show_header(options);
    for (size_t k = 0; k < *count; k++) {
        Pass p = {data->x, data->y, x1, r, sizes[k]};
        timing[k] = time_size(&p, options->epochs);
        show_row(options, &timing[k]);
        *all_agree = *all_agree && all_variants_agree(&p);
    }
    free(x1);
    free(r);
    return STATUS_OK;
}

enum { EPOCH_BATCH = 64, EPOCH_POINTS_MAX = 10000000 };

typedef enum { COPY_BATCHES, ROWS_IN_PLACE, SHUFFLED_ROWS, EPOCH_WAYS } EpochWay;

static const char *const EPOCH_WAY[EPOCH_WAYS] = {
    "copy each batch's rows out, then step",
    "step on each batch's rows where they lie",
    "shuffle the rows of a copy, step on slices",
};

//> ch11_epoch
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
//< ch11_epoch

/* The best of `samples` epochs the given way, each from a fresh start. It
 * makes only what that way needs: a copy of the data to shuffle, or the row
 * numbers (and, to copy batches into, a batch). a: 2 */
static Status best_epoch(EpochWay way, const Dataset *data, const Options *options,
                         size_t samples, double a[2], double *seconds, Error *err)
{
    Dataset batch = {0}, rows = {0};
    Status status = data_allocate(&batch, way == COPY_BATCHES ? EPOCH_BATCH : 0, err);
    if (status == STATUS_OK && way == SHUFFLED_ROWS)
        status = data_allocate(&rows, data->n, err);
    *seconds = INFINITY;
    for (size_t s = 0; s < samples && status == STATUS_OK; s++) {
        EpochSampler sampler = {0};
        if (way == SHUFFLED_ROWS) {
            memcpy(rows.x, data->x, 2 * data->n * sizeof *data->x);
            memcpy(rows.y, data->y, data->n * sizeof *data->y);
        } else {
            status = sampler_init(&sampler, data, EPOCH_BATCH, err);
        }
        if (status == STATUS_OK)
            *seconds = fmin(*seconds, time_epoch(way, data, &sampler, &batch, &rows,
                                                 options->seed, options->lr, a));
        sampler_free(&sampler);
    }
    data_free(&rows);
    data_free(&batch);
    return status;
}

/* Times one epoch of minibatch SGD on the first EPOCH_POINTS_MAX points (at
 * most) the three ways, and says whether they took the same steps. */
static Status compare_epochs(const Options *options, const Dataset *data, Error *err)
{
    size_t n = data->n < EPOCH_POINTS_MAX ? data->n : EPOCH_POINTS_MAX;
    Dataset first = {n, data->x, data->y}; /* the first n points, not a copy */
    size_t samples = options->epochs < 3 ? options->epochs : 3;
    double a[EPOCH_WAYS][2], seconds[EPOCH_WAYS];
    Status status = STATUS_OK;
    say(options, "\nOne epoch of chapter 05's SGD, batches of %d, on %zu points\n"
                 "(CPU time, the best of %zu):\n",
        EPOCH_BATCH, n, samples);
    for (int w = 0; w < EPOCH_WAYS && status == STATUS_OK; w++) {
        status = best_epoch((EpochWay)w, &first, options, samples, a[w], &seconds[w], err);
        char time[16];
        if (status == STATUS_OK)
            say(options, "  %-44s %9s\n", EPOCH_WAY[w], duration_text(seconds[w], time));
    }
    if (status == STATUS_OK) {
        bool same = true;
        for (int w = 1; w < EPOCH_WAYS; w++)
            same = same && a[w][0] == a[0][0] && a[w][1] == a[0][1];
        say(options, "All three take the same steps and end at the same a: %s.\n",
            same ? "yes" : "NO");
    }
    return status;
}

//> ch11_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    Timing timing[SIZES_MAX];
    size_t count = 0;
    bool all_agree = false;
    Status status = sweep(options, data, timing, &count, &all_agree, err);
    const Timing *largest = &timing[count > 0 ? count - 1 : 0];
    if (status == STATUS_OK) {
        show_summary(options, largest, all_agree);
        status = compare_epochs(options, data, err);
    }
    /* The figure and the last line land together, or neither: see chapter.h. */
    FigureSet *figures = NULL;
    if (status == STATUS_OK)
        status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK)
        status = draw_bandwidth(options, figures_dir(figures), timing, count, err);
    char last[LAST_LINE_SIZE] = "";
    if (status == STATUS_OK) {
        /* The fused pass, which chapters 04 and 05 train with, against the roof. */
        double fused = gigabytes_per_second(24, largest->n, largest->variant[FUSED]);
        double roof = gigabytes_per_second(24, largest->n, largest->read);
        snprintf(last, sizeof last,
                 "roofline: %.2f (the fused pass at %zu points; best times: %.1f and %.1f "
                 "GB/s)\n",
                 largest->roofline, largest->n, fused, roof);
    }
    return finish_run(figures, status, last, err);
}
//< ch11_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
