/*
 * sets.h — chapter 09's two sets of points, a training set the fits see and
 * a validation set they never do, room for their features, and the
 * minibatches SGD draws from the training set.
 */
#ifndef CH09_SETS_H
#define CH09_SETS_H

#include <stdbool.h>
#include <stddef.h>

#include "frame.h"
#include "minibatch.h"

/* The training set and the validation set, with x1 already on the scale the
 * features want: the training points span [-1, 1] (the chapter's own points
 * are made there). x1 = -1 is x_low in the data's units, x1 = 1 is x_high. */
typedef struct {
    Dataset train, validation;
    double x_low, x_high;
    bool synthetic; /* the chapter's own points, not the reader's --data */
    /* How many different x1 the training points have: at most that many
     * coefficients of a polynomial can they pin down. */
    size_t distinct_train_x;
    /* Where SGD starts: the flat line y = start, 0, or with --standardize
     * the training points' mean. Fitting y - mean from a = 0 takes the very
     * steps that fitting y from the mean does (the constant feature is 1),
     * so every loss and coefficient stays in the data's units. */
    double start;
} Sets;

/* The curve the chapter's points come from: 4x³ − 3x + 1, which rises,
 * falls and rises again on [-1, 1], so no line and no parabola can follow
 * it. Only + and *: the same bits on every machine. */
double true_curve(double x);

/* The chapter's own --train and --validation points of the true curve, or
 * the reader's (--data), shuffled with the seed and split; memory from the
 * run. A split that leaves nothing to validate with, or training points that
 * all share one x, fails the run. */
Sets prepare_sets(Run *run);

/* x1 on the features' scale, [-1, 1] for the training points, back in the
 * data's units, for the figures. */
double in_data_units(const Sets *sets, double t);

/* The features of both sets for one degree: X with d columns for each. */
typedef struct {
    size_t d;
    double *train;      /* train.n × d */
    double *validation; /* validation.n × d */
} Design;

/* SGD's a for d features, from the run: the flat line y = sets->start. */
double *sgd_start(Run *run, const Sets *sets, size_t d);

/* Room for the features of both sets for any degree up to top, from the run. */
Design design_room(Run *run, const Sets *sets, size_t top);

/* least_squares_d() on X (n × d) and y: true with a set, false where no
 * single a is best (the table says so); any other failure (no memory for
 * the copy it works on) ends the run. a: d */
bool least_squares_unique(Run *run, const double *x, const double *y, size_t n, size_t d,
                          double *a);

/* Chapter 05's minibatches of the training set, and room for one. */
typedef struct {
    EpochSampler sampler; /* shuffled with rng, epoch after epoch */
    Rng rng;
    double *x, *y; /* batch_size × d and batch_size */
} Batches;

/* Batches of --batch rows (at most all of them) for d features, their
 * shuffles seeded by --seed; memory from the run. */
Batches batches_of(Run *run, const Dataset *train, size_t d);

#endif
