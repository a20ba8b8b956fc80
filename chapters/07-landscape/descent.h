/*
 * descent.h — what every lesson of chapter 07 repeats: one step, and a path
 * of them. A run has a recipe (how it descends) and carries its state from
 * step to step (where it is, its velocity, its batches).
 */
#ifndef CH07_DESCENT_H
#define CH07_DESCENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "minibatch.h"
#include "plot.h" /* Role */
#include "watch.h"

/* How one run descends: its rate, its momentum beta (0: plain), the T of its
 * decaying rate lr / (1 + t/T) (0: constant), its batch size (n or more:
 * full batch), how its batches are drawn, and its role (its colour) in the
 * figures. */
typedef struct {
    double lr, beta, decay;
    size_t batch;
    bool with_replacement; /* each batch drawn afresh from all n points, as the noise
                              floor's prediction assumes; false: shuffled epochs */
    Role role;
    const double *start; /* 2: where it starts; NULL: the notebook's guess (-1, 1) */
} Recipe;

/* What a run carries from step to step. */
typedef struct {
    Recipe recipe;
    double a[2], velocity[2];
    size_t t; /* steps taken */
    size_t m; /* the points in the last step's batch */
    Rng rng;
    EpochSampler sampler;
    size_t *drawn; /* batch: the rows of a batch drawn with replacement */
    double start_loss;
} Descent;

/* A run of recipe on data from the recipe's start, velocity 0, with its own
 * RNG seeded like chapter 05's, so a batch size sees the same shuffles there
 * and here. Its memory is the run's (frame.h). */
Descent descent_start(Run *run, const Recipe *recipe, const Dataset *data, uint64_t seed);

/* d's recipe again from its start, velocity 0, its RNG seeded anew, in the
 * memory d already has: a lesson that repeats a recipe over many seeds
 * asks for no more memory each time. */
void descent_restart(Descent *d, const Dataset *data, uint64_t seed);

/* One iteration of d on data; returns the batch's loss before the step. */
double take_step(Descent *d, const Dataset *data);

/* A watcher of a run that a lesson compares with others: it keeps no rows
 * but the start, prints nothing, and a blow-up, which watch_batch() tells
 * (chapter 05's test), ends that run only: watch->blew_up. */
Watch watch_quietly(Run *run, const Descent *descent);

/* Where a run went: a (count×2) holds its start and a after each step. */
typedef struct {
    double *a;
    size_t count;
    bool diverged; /* it blew up: a ends at the last point before */
} Walk;

/* steps iterations of recipe on data, from its start. */
Walk follow(Run *run, const Recipe *recipe, const Dataset *data, size_t steps);

#endif
