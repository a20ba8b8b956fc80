/*
 * show.h — what chapter 10 needs around its loop, and what it shows: the
 * bent data and the best line, the network's plan, the trainer's parts,
 * and, after training, the network beside the line, its units and kinks,
 * and the four figures.
 */
#ifndef CH10_SHOW_H
#define CH10_SHOW_H

#include <stdbool.h>

#include "frame.h"
#include "minibatch.h"
#include "network.h"
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

/* What one step needs besides a: the network and a tape for one batch, the
 * shuffled row numbers, the batch itself and room for the gradient. */
typedef struct {
    NetworkTape recorder;
    EpochSampler sampler;
    Dataset batch;
    double *grad; /* P */
} Trainer;

Trainer *make_trainer(Run *run, const Network *net, const Dataset *data);

/* Ends the run if the tape could not grow (its numbers are then NaN). */
void check_tape(Run *run, const Tape *tape);

/* A watcher of the network's epochs: the loss alone in its rows, and the
 * divergence message a network gets. */
Watch watch_network(Run *run, const Dataset *data, size_t parameters);

/* The parameters at the epochs the animation shows: at most PLOT_MAX_FRAMES,
 * evenly spaced, the first and the last among them. */
typedef struct {
    size_t count, size; /* frames, and the P numbers of each */
    size_t *epoch;      /* count: epoch f*epochs/(count − 1) */
    double *a;          /* count×P row-major */
    size_t next;        /* the first frame not yet kept */
} Frames;

Frames *make_frames(Run *run, size_t epochs, size_t size);

/* Keeps a (P numbers) if the animation shows this epoch. */
void keep_frame(Frames *frames, size_t epoch, const double *a);

/* The network beside the line, its units and kinks, the figures, the last line. */
void show_trained(Run *run, const Dataset *data, const Network *net, const double *a,
                  const Watch *watch, const Frames *frames, const BestLine *best,
                  const Trainer *trainer);

#endif
