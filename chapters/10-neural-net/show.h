/*
 * show.h — what chapter 10 needs around its loop, and what it shows: the
 * bent data and the best line, the network's plan, the trainer's parts,
 * and, after training, the network beside the line, its units and kinks,
 * and the four figures.
 */
#ifndef CH10_SHOW_H
#define CH10_SHOW_H

#include <stdbool.h>

#include "bent.h"
#include "frame.h"
#include "minibatch.h"
#include "network.h"
#include "scale.h"
#include "tape.h"
#include "watch.h"

/* The notebook's points bent by a curve, or the reader's own; said aloud. */
const Dataset *bent_data(Run *run);

/* The best straight line (chapter 03) and its loss, the floor no line gets
 * under; exists is false when the data have no unique line. */
typedef struct {
    double a[2];
    double loss; /* NAN when there is no line */
    bool exists;
} BestLine;

BestLine show_best_line(Run *run, const Dataset *data);

/* The network's shape and how it is trained. */
void show_network(Run *run, const Network *net, size_t n);

/* What one step needs besides a: the points trained on, the network and a
 * tape for one batch, the shuffled row numbers, the batch itself and room
 * for the gradient. */
typedef struct {
    const Dataset *data; /* the data, or with --standardize its copy in x' and y' */
    Scaling scaling;     /* of that copy: x' = (x - x_mean)/x_sd, */
    double y_sd;         /* y' = (y - y_mean)/y_sd; the identity without --standardize */
    bool standardized;
    NetworkTape recorder;
    EpochSampler sampler;
    Dataset batch;
    double *grad; /* P */
} Trainer;

/* With --standardize, the data is trained on standardized, x as chapter 06
 * fits it and y divided by its spread too (a network starts with outputs
 * about 1 in size; a line's bowl does not care), said aloud; the run fails
 * when every x is the same. */
Trainer *make_trainer(Run *run, const Network *net, const Dataset *data);

/* The trained network a (P numbers, in the units trained on) in the data's
 * units, into out: w1·x' + b1 = (w1/sd)·x + (b1 − w1·x̄/sd), and the output
 * times sd(y) plus ȳ. Without --standardize a copy. a, out: P */
void network_to_data_units(const Trainer *trainer, const double *a, double *out);

/* Ends the run if the tape could not grow (its numbers are then NaN). */
void check_tape(Run *run, const Tape *tape);

/* A watcher of the network's epochs: the loss alone in its rows, in the
 * data's units, and the divergence message a network gets. trainer must
 * outlive it. */
Watch watch_network(Run *run, const Trainer *trainer);

/* The loss trained on, in the data's units: times sd(y)². */
double loss_in_data_units(const Trainer *trainer, double loss);

/* What is kept of the epochs for after training (epochs.h). */
typedef struct Epochs Epochs;

/* The network beside the line, its units and kinks, the figures, the last line. */
/* a: P, in the units trained on */
void show_trained(Run *run, const Dataset *data, const Network *net, const double *a,
                  const Watch *watch, const Epochs *kept, const BestLine *best,
                  const Trainer *trainer);

#endif
