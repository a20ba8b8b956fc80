/*
 * watch.h — one watcher for every training loop.
 * Introduced in chapter 04.
 *
 * Every loop in the course, full batch or minibatches, a line, a polynomial
 * or a network, does the same bookkeeping around its update: keep the loss
 * and the parameters of each step or epoch (the history the figures draw),
 * print a row every 10 like the notebook's `if t % 10 == 0: print(loss)`,
 * and notice when the loss blows up. The watcher does all three, so a loop
 * reads as the algorithm:
 *
 *     for (size_t t = 0;; t++) {
 *         double loss = loss_and_gradient(x, y, n, a, grad);
 *         if (!watch_row(w, t, a, loss) || t == steps)
 *             break;
 *         a[0] -= lr * grad[0];
 *     }
 *
 * A loop of a run that takes longer than 10 s says how far it has got and
 * about how long it still needs (run_progress(), frame.h), on stderr.
 *
 * When the loss blows up, the watcher prints every row since the last one it
 * showed, so the reader sees the loss explode, and then ends the program with
 * one message saying where it blew up and what rate to try (frame.h). A run
 * that a chapter compares with others (a sweep of rates, three batch sizes)
 * is marked `survive`: its blow-up ends that run only, watch_row() returns
 * false, and the chapter says what happened.
 *
 * With --trace FILE the watcher of the run the reader asked for (the one
 * that does not survive) writes every step into FILE at full precision
 * (trace.h). A step is what another program needs to take the same path:
 * in a full-batch loop a row, the loss at a and that a; in a loop that
 * reports its minibatches (watch_batch, watch_update) an update, the loss
 * of its batch before it and the a after it. Step 0 is the start either way.
 */
#ifndef SGD_WATCH_H
#define SGD_WATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "frame.h"
#include "sgd.h" /* loss_diverged() */

typedef struct Watch Watch;

/* Prints row (one step or epoch) of the history: the default prints
 * "  10   1.3569    [1.0868, 2.3748]", the index in width characters. */
typedef void (*WatchRow)(const Watch *watch, size_t row);

/* Writes what to try into text (size bytes), to follow "the loss diverged at
 * step 3 with learning rate 1.5": e.g. "; on this data full-batch descent is
 * stable only for lr < 0.9997, so try --lr 0.5". */
typedef void (*WatchAdvice)(const Watch *watch, char *text, size_t size);

/* Whether row t is one the table shows: for a table that is not one row
 * every `every` (chapter 09's epochs 1, 2, 5, 10, 20, 50, ...). A blow-up at
 * t still shows rows first_unshown_row(t, every) … t: with every = 1, row t. */
typedef bool (*WatchDue)(const Watch *watch, size_t t);

struct Watch {
    Run *run;
    const char *unit;   /* what a row counts: "step" or "epoch" */
    size_t last;        /* the last row: the run's steps or epochs */
    size_t every;       /* a row is printed every `every` and for the last */
    int width;          /* of the index column */
    size_t size;        /* parameters kept per row: 2 for the line */
    size_t parameters;  /* the length of a given to it: size, unless the history
                           keeps fewer (chapter 10's, none); the trace takes all */
    double *loss;       /* last + 1: the loss after 0, 1, … last steps or epochs */
    double *a;          /* (last + 1)×size row-major: the parameters then */
    size_t rows;        /* rows recorded so far */
    size_t iterations;  /* updates taken, counted by watch_batch() or the loop */
    double lr;
    bool full_batch;    /* exact gradients: a loss that ends above its start blew up too */
    bool quiet;         /* keep the history, print no rows */
    bool survive;       /* a blow-up ends this run only, not the program */
    bool blew_up;
    bool by_update;     /* the loop reports its updates: the trace's rows are those */
    bool name_iteration; /* minibatches: the message names the iteration even when,
                            one batch an epoch, it is the epoch's number */
    bool rise_first;    /* at the last row, a loss above the start is judged
                           first, and blows up where it first rose, even when
                           the last loss is also past the limit (chapter 08) */
    WatchRow row;       /* prints one row of the history */
    WatchAdvice advice; /* NULL: none */
    WatchDue due;       /* NULL: every `every` and the last */
    const void *context; /* for row and advice: the data, the model, ... (a line's
                            watcher: its Dataset) */
    char message[512];  /* why a run that survives blew up */
    double started;     /* run_seconds() when the watcher was made: a long
                           loop's progress note estimates from it */
};

/* A watcher of a run over `last` steps or epochs (unit) at rate lr that
 * keeps `size` parameters a row (0: none, only the loss): its history room
 * from the run, its rows every progress_every(last), each "  10   1.3569"
 * (with the two a's, for size 2), no advice. */
Watch watch_new(Run *run, const char *unit, size_t last, double lr, size_t size);

/* A watcher with no run, for the library's own trainers and the tests: its
 * history in loss (last + 1) and a ((last + 1)×size), it prints nothing, and
 * a blow-up stops only the loop, watch->message saying why. */
Watch watch_into(const char *unit, size_t last, double lr, size_t size, double *loss,
                 double *a);

/* watch_into() for a line on data, judged and advised as watch_line()'s. */
Watch watch_line_into(const Dataset *data, const char *unit, size_t last, double lr,
                      double *loss, double *a);

/* A watcher of a line's run over `last` steps or epochs at rate lr: its
 * history room from the run, its rows every progress_every(last), the
 * advice a line gets (the data's stable bound, sgd.h). */
Watch watch_line(Run *run, const char *unit, size_t last, double lr);

/* Records row t: the loss and parameters after t steps or epochs. Prints it
 * if due, and decides whether the run blew up: then prints the rows the
 * reader has not seen and ends the program, or, for a run that survives,
 * returns false. a: watch->size */
bool watch_row(Watch *watch, size_t t, const double *a, double loss);

/* Inside an epoch: the loss of a batch of m of the n points, just before
 * the step, and the parameters after it. One batch can already prove a
 * blow-up: its share m/n of the loss of all the data is past the limit, or
 * a parameter is no longer finite. Counts the iteration. Returns false when
 * the run blew up; the epoch's row then follows with watch_row(). a: size */
bool watch_batch(Watch *watch, double batch_loss, size_t m, size_t n, const double *a);

/* One update of a loop that judges a blow-up once an epoch, by watch_row()
 * (chapter 09): only its row of the trace. batch_loss: the loss of its
 * batch before it; a: parameters, after it. */
void watch_update(Watch *watch, double batch_loss, const double *a);

/* The end of a full-batch run: below the stable bound full-batch descent
 * never raises the loss, so a run that ends above its start has a rate past
 * the bound, however slowly its loss grew. Returns false if it did. */
bool watch_end(Watch *watch);

/* How often a progress table prints a row for a run of count steps or
 * epochs: every 10, like the notebook; every one of a short run (10 or
 * fewer); about ten rows of a long one. */
size_t progress_every(size_t count);

#endif
