/*
 * show.h — what chapter 13 shows of its timings: the table of GB/s, the
 * summary, the three epochs, the figure against the roof and the last line;
 * and the parts its timings need made beforehand.
 */
#ifndef CH11_SHOW_H
#define CH11_SHOW_H

#include <stdbool.h>

#include "frame.h"
#include "minibatch.h"
#include "rng.h"
#include "sgd.h"
#include "timing.h"

/* What was measured at one size: the best seconds per pass, and how close
 * the fused pass came to the roof. */
typedef struct {
    size_t n;
    double read;              /* plain_read() of x and y: 24 bytes a point */
    double variant[VARIANTS]; /* each VARIANT[v].run() */
    double roofline;          /* read time / fused time, the median over samples */
} Timing;

enum { SIZES_MAX = 24 };

/* The sizes a run times (1000 points, then about 3.16 times more each
 * time, up to n itself), what it found at each, and the layouts it reads. */
typedef struct {
    size_t sizes[SIZES_MAX], count;
    Timing timing[SIZES_MAX];
    double *x1, *r;  /* n: the x1 column alone; scratch for the three passes */
    bool all_agree; /* every variant's numbers agree with chapters 02 and 03 */
} Sweep;

Sweep make_sweep(Run *run);

/* True when every variant's loss and gradient agree with chapter 02's
 * loss_of() and chapter 03's gradient() to 1e-12, relative. */
bool all_variants_agree(const Pass *p);

void say_header(const Run *run);
void say_row(const Run *run, const Timing *t);
void say_summary(const Run *run, const Sweep *sweep);

enum { EPOCH_BATCH = 64, EPOCH_POINTS_MAX = 10000000 };

typedef enum { COPY_BATCHES, ROWS_IN_PLACE, SHUFFLED_ROWS, EPOCH_WAYS } EpochWay;

/* The first EPOCH_POINTS_MAX points of the data (at most), not a copy. */
Dataset epoch_data(Run *run);

/* What one way of taking an epoch needs: the row numbers, a batch to copy
 * rows into, or a copy of the data to shuffle. */
typedef struct {
    EpochWay way;
    EpochSampler *sampler;
    Dataset *batch, *rows;
} EpochParts;

EpochParts make_epoch_parts(Run *run, EpochWay way, const Dataset *data);

/* Back to the start of an epoch: fresh row numbers, the copy in data's order. */
void reset_epoch_parts(Run *run, EpochParts *parts, const Dataset *data);

void say_epochs_header(const Run *run, size_t n, size_t samples);
void say_epoch(const Run *run, EpochWay way, double seconds);
void say_same_steps(const Run *run, double a[EPOCH_WAYS][2]);

/* GB/s against n for each variant, with the plain read as the roof; and the
 * last line, the fused pass against the roof at the largest size. */
void draw_bandwidth(Run *run, const Sweep *sweep);

#endif
