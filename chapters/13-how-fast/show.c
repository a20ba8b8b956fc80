/* POSIX threads, beyond plain C11. */
#define _POSIX_C_SOURCE 200809L

#include "show.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "fast.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"

static double gigabytes_per_second(double bytes_per_point, size_t n, double seconds)
{
    return bytes_per_point * (double)n / seconds / 1e9;
}

/* True when splitting the pass really uses two threads at this size. */
static bool splits(size_t n)
{
    return n / 2 >= FAST_THREAD_MIN_POINTS;
}

Sweep make_sweep(Run *run)
{
    const Dataset *data = run->data;
    Sweep sweep = {.count = 0, .all_agree = true};
    sweep.x1 = run_alloc(run, data->n, sizeof *sweep.x1);
    sweep.r = run_alloc(run, data->n, sizeof *sweep.r);
    copy_x1_column(data->x, data->n, sweep.x1);
    for (double s = 1000.0; s < (double)data->n * 0.9 && sweep.count < SIZES_MAX - 1;
         s *= sqrt(10.0))
        sweep.sizes[sweep.count++] = (size_t)round(s);
    sweep.sizes[sweep.count++] = data->n;
    return sweep;
}

bool all_variants_agree(const Pass *p)
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

void say_header(const Run *run)
{
    size_t epochs = run->options->epochs;
    say(run, "Each pass computes the loss and gradient of the first n points; each is\n"
             "timed %zu time%s and the best time kept. GB/s is the data's bytes (24 a\n"
             "point; 16 without x2) over the time of one pass; \"read\" is a plain read\n"
             "of the same 24 bytes a point, timed alongside: the roof. roofline is the\n"
             "fused pass's speed as a fraction of the read's.\n\n",
        epochs, epochs == 1 ? "" : "s");
    say(run, "%10s %9s %7s", "n", "bytes", "read");
    for (int v = 0; v < VARIANTS; v++)
        say(run, " %9s", VARIANT[v].name);
    say(run, "  roofline\n");
}

void say_row(const Run *run, const Timing *t)
{
    char bytes[16];
    say(run, "%10zu %9s %7.1f", t->n, size_text(24.0 * (double)t->n, bytes),
        gigabytes_per_second(24, t->n, t->read));
    for (int v = 0; v < VARIANTS; v++) {
        if (v == TWO_THREADS && !splits(t->n))
            say(run, " %9s", "-");
        else
            say(run, " %9.1f",
                gigabytes_per_second(VARIANT[v].bytes_per_point, t->n, t->variant[v]));
    }
    say(run, " %9.2f\n", t->roofline);
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

void say_summary(const Run *run, const Sweep *sweep)
{
    const Timing *t = &sweep->timing[sweep->count - 1];
    char time[16];
    say(run, "\nOne pass over %zu points takes:\n ", t->n);
    for (int v = 0; v < VARIANTS; v++)
        say(run, " %s %s%s", VARIANT[v].name, duration_text(t->variant[v], time),
            v + 1 < VARIANTS ? "," : ";\n");
    say(run, "  a plain read of its bytes %s.\n", duration_text(t->read, time));
    double cost = thread_cost();
    char bytes[16];
    say(run, "Starting and joining a thread takes %.0f us, as long as reading %s.\n",
        1e6 * cost, size_text(cost * gigabytes_per_second(24, t->n, t->read) * 1e9, bytes));
    say(run, "Every variant's loss and gradient agree with chapters 02 and 03 to "
             "1e-12: %s.\n",
        sweep->all_agree ? "yes" : "NO");
}

Dataset epoch_data(Run *run)
{
    const Dataset *data = run->data;
    size_t n = data->n < EPOCH_POINTS_MAX ? data->n : EPOCH_POINTS_MAX;
    return (Dataset){n, data->x, data->y};
}

static void free_sampler(void *sampler)
{
    sampler_free(sampler);
}

static void free_dataset(void *data)
{
    data_free(data);
}

EpochParts make_epoch_parts(Run *run, EpochWay way, const Dataset *data)
{
    EpochParts parts = {way, run_alloc(run, 1, sizeof *parts.sampler),
                        run_alloc(run, 1, sizeof *parts.batch),
                        run_alloc(run, 1, sizeof *parts.rows)};
    run_defer(run, free_sampler, parts.sampler);
    run_defer(run, free_dataset, parts.batch);
    run_defer(run, free_dataset, parts.rows);
    Error err;
    run_check(run, data_allocate(parts.batch, way == COPY_BATCHES ? EPOCH_BATCH : 0, &err),
              &err);
    if (way == SHUFFLED_ROWS)
        run_check(run, data_allocate(parts.rows, data->n, &err), &err);
    return parts;
}

void reset_epoch_parts(Run *run, EpochParts *parts, const Dataset *data)
{
    if (parts->way == SHUFFLED_ROWS) {
        memcpy(parts->rows->x, data->x, 2 * data->n * sizeof *data->x);
        memcpy(parts->rows->y, data->y, data->n * sizeof *data->y);
        return;
    }
    sampler_free(parts->sampler);
    Error err;
    run_check(run, sampler_init(parts->sampler, data, EPOCH_BATCH, &err), &err);
}

static const char *const EPOCH_WAY[EPOCH_WAYS] = {
    "copy each batch's rows out, then step",
    "step on each batch's rows where they lie",
    "shuffle the rows of a copy, step on slices",
};

void say_epochs_header(const Run *run, size_t n, size_t samples)
{
    say(run, "\nOne epoch of chapter 05's SGD, batches of %d, on %zu points\n"
             "(CPU time, the best of %zu):\n",
        EPOCH_BATCH, n, samples);
}

void say_epoch(const Run *run, EpochWay way, double seconds)
{
    char time[16];
    say(run, "  %-44s %9s\n", EPOCH_WAY[way], duration_text(seconds, time));
}

void say_same_steps(const Run *run, double a[EPOCH_WAYS][2])
{
    bool same = true;
    for (int w = 1; w < EPOCH_WAYS; w++)
        same = same && a[w][0] == a[0][0] && a[w][1] == a[0][1];
    say(run, "All three take the same steps and end at the same a: %s.\n", same ? "yes" : "NO");
}

void draw_bandwidth(Run *run, const Sweep *sweep)
{
    const Timing *timing = sweep->timing;
    size_t rows = sweep->count;
    double *values = run_alloc(run, (VARIANTS + 2) * rows, sizeof *values);
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
    const Timing *largest = &timing[rows - 1];
    bool at_roof = largest->n >= 1000000 && largest->roofline >= 0.8;
    Axes axes = {.title = at_roof ? "Beyond the caches the fused pass runs near the roof, "
                                    "the plain read"
                                  : "The gradient pass against the roofline, the plain read",
                 .x_label = "points n (log scale; 24 bytes each)",
                 .y_label = "GB of data per second",
                 .log_x = true,
                 .y_from_zero = true}; /* heights compare: half as high is half as fast */
    Error err;
    run_check(run,
              plot_curves(run_figures_dir(run), "ch13-bandwidth", &axes, curves, count_drawn,
                          &err),
              &err);
    say_wrote(run, "ch13-bandwidth");
    /* The fused pass, which chapters 04 and 05 train with, against the roof. */
    run_last_line(run,
                  "roofline: %.2f (the fused pass at %zu points; best times: %.1f and %.1f "
                  "GB/s)\n",
                  largest->roofline, largest->n,
                  gigabytes_per_second(24, largest->n, largest->variant[FUSED]),
                  gigabytes_per_second(24, largest->n, largest->read));
}
