/*
 * epochs.h — what chapter 10 keeps of its epochs and steps, for what it
 * shows after training: the parameters at the epochs the animation shows;
 * the steepest curvature of the loss, λmax of its Hessian, of all the data
 * after each epoch and of each batch as it is stepped on, measured by power
 * iteration on Hessian-vector products, each the difference of two tape
 * gradients; and the loss on fresh points from the curve the data came
 * from, when it came from one.
 */
#ifndef CH10_EPOCHS_H
#define CH10_EPOCHS_H

#include <stdbool.h>
#include <stddef.h>

#include "show.h"

enum {
    CURVATURE_POINTS = 2000, /* λmax of "all the data" is of at most this many points,
                                evenly spread through it: all of them by default */
    MEASURED_EPOCHS = 200,   /* at most, evenly spaced: a long run costs no more */
    BATCHES_MEASURED = 100,  /* at most, of each measured epoch, evenly spaced */
    FRESH_POINTS = 20000     /* the held-out points, from the same curve */
};

/* The parameters at the epochs the animation shows: at most PLOT_MAX_FRAMES,
 * evenly spaced, the first and the last among them. */
typedef struct {
    size_t count, size; /* frames, and the P numbers of each */
    size_t *epoch;      /* count: epoch f*epochs/(count − 1) */
    double *a;          /* count×P row-major, in the data's units */
    size_t next;        /* the first frame not yet kept */
} Frames;

struct Epochs {
    Frames frames;
    size_t last, every, measured; /* epoch `last`, and one in `every`, are measured */
    size_t *epoch;          /* measured: which epochs */
    double *lambda_max;     /* measured: λmax of the loss of all the data trained on */
    double *held_out;       /* measured: the loss on the fresh points; NULL without them */
    size_t *first_batch;    /* measured + 1: epoch m's batches are batch_lambda[first_batch[m]
                               … first_batch[m + 1]) */
    double *batch_lambda;   /* λmax of the loss of each batch measured, before its step */
    size_t batches, stride, seen; /* batches kept; one in `stride` of an epoch's; this
                                     epoch's batches so far */
    size_t epoch_now;       /* the epoch the next steps are in */
    const Dataset *fresh;   /* FRESH_POINTS from the data's curve, or NULL (--data) */
    const Dataset *data;    /* the points trained on */
    NetworkTape recorder;   /* a tape of the measurements' own, the training's untouched */
    Dataset chunk;          /* room for a batch of the data's points */
    size_t *rows, sample;   /* the rows "all the data" means, and how many */
    double *v, *u, *hv, *probe, *g_plus, *g_minus; /* P each: the vectors of power
                                                      iteration, all the data's and a
                                                      batch's; room */
    const Trainer *trainer; /* for its units: the data's, or x' and y' */
};

/* Room for everything kept of a run of `epochs` epochs, trained by trainer. */
Epochs *make_epochs(Run *run, const Trainer *trainer, size_t epochs);

/* After each epoch (and at epoch 0): a (P numbers, in the units trained on)
 * if the animation shows this epoch; λmax of all the data and the held-out
 * loss if the epoch is measured. */
void keep_epoch(Epochs *kept, size_t epoch, const double *a);

/* Before each step of a measured epoch: λmax of the batch's own loss at a. */
void keep_step(Epochs *kept, const Dataset *batch, const double *a);

/* After training: the held-out losses beside the curve's, the line's and a
 * quadratic's (data: the training points, in their units), and λmax against
 * 2/lr, said and drawn (ch10-curvature). */
void show_epochs(Run *run, const Epochs *kept, const Dataset *data, const Watch *watch,
                 const BestLine *best);

#endif
