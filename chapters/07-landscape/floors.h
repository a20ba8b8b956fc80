/*
 * floors.h — chapter 07's noise floor, measured over many seeds and
 * predicted: plain SGD beside heavy ball at the same rate and at the same
 * effective rate lr/(1 − β), the floor against the batch size with batches
 * drawn in shuffled epochs and with replacement, and the steady state that
 * independent kicks predict for each.
 */
#ifndef CH07_FLOORS_H
#define CH07_FLOORS_H

#include <stddef.h>

#include "descent.h"
#include "landscape.h"

enum {
    FLOOR_SEEDS = 10,     /* shuffle seeds seed, seed + 1, … of each measured floor */
    SEED_ITERATIONS = 10000, /* of each of those runs: the path forgets a kick within
                                about 1/(lr λmin) = 14 of them */
    AVERAGE_FROM = 1000   /* Polyak–Ruppert: the constant rate's a averaged from here on,
                             long after the path reached the floor */
};

/* The loss above the floor, L(a) − L* = ½ (a − a*)ᵀ H (a − a*), from the bowl
 * directly: no L* subtracted, so a gap of 1e-9 keeps its digits. a: 2 */
double gap_above_floor(const Bowl *bowl, const double a[2]);

/* A floor measured over FLOOR_SEEDS runs: the mean over the seeds of each
 * run's mean gap over its last quarter, and their standard deviation. */
typedef struct {
    double mean, sd;
    size_t diverged; /* runs that blew up, left out of mean and sd */
} Floor;

/* recipe run for SEED_ITERATIONS from its start with each seed. */
Floor measure_floor(Run *run, const Recipe *recipe, const Dataset *data, const Bowl *bowl);

/* The steady state of SGD with momentum beta and batches of `batch` drawn
 * with replacement, when each kick is independent of where the path is:
 * along eigenvector i of H the error follows
 *     e' = (1 + β − lr λᵢ) e − β e_before − lr ξᵢ,
 * whose stationary variance gives a gap above L* of
 *     ½ · lr/(1 − β) · Σᵢ Sᵢᵢ / (batch · (2 − lr λᵢ/(1 + β))),
 * S the covariance of one point's gradient at a*, in H's eigenvectors
 * (trace S = gradient_noise()). With β = 0: ½ lr Σᵢ Sᵢᵢ / (batch (2 − lr λᵢ));
 * to first order in lr, lr · noise / (4 batch). NAN when some lr λᵢ is at
 * least 2 (1 + β): along that direction the error grows, and nothing settles. */
double steady_state_gap(const Dataset *data, const Bowl *bowl, double lr, double beta,
                        size_t batch);

/* The tables: momentum against the noise, the steady state, the batch sizes.
 * Under --quiet nothing: none of it reaches the last line or a figure. */
void show_floors(Run *run, const Dataset *data, const Bowl *bowl);

#endif
