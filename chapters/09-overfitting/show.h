/*
 * show.h — what chapter 09 shows of its lessons: the two sets, the table of
 * every degree, the table of the epochs (a watcher of its own rows and
 * advice), what early stopping kept, the figures and the last line.
 */
#ifndef CH09_SHOW_H
#define CH09_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h" /* MAX_DEGREE */
#include "sets.h"
#include "watch.h"

/* One degree's closed-form fit: its coefficients, both losses, and how well
 * conditioned its features are, as plain powers of x and as Legendre's. */
typedef struct {
    bool solved; /* false: these points have no unique fit of this degree */
    double a[MAX_DEGREE + 1];
    double train_loss, validation_loss;
    double kappa_powers, kappa_legendre; /* λmax / λmin of (2/n) XᵀX */
} Fit;

/* What early stopping saw: the lowest validation loss and its epoch, the
 * epoch whose a it keeps (the lowest before its patience ran out: the same,
 * unless the loss fell again later), and where its patience ran out. */
typedef struct {
    size_t patience;     /* stop after this many epochs with no new lowest */
    size_t lowest_epoch; /* over all epochs */
    double lowest;
    size_t kept_epoch;
    size_t stopped_at; /* 0: its patience never ran out */
} EarlyStop;

/* Where the two sets came from and what the model is; the head of the
 * table of degrees. */
void say_sets(const Run *run, const Sets *sets);

/* The row of one degree in that table. */
void say_degree(const Run *run, size_t degree, const Fit *fit);

/* Which degree the validation loss picked. fits: top + 1 */
void say_degrees(const Run *run, const Sets *sets, const Fit *fits, size_t top);

/* The watcher of SGD's epochs on design: every epoch's training loss and a
 * kept, a row of the table at epochs 0, 1, 2, 5, 10, 20, 50, ... and the
 * last with the validation loss beside it (validation[epoch], which the loop
 * records before each row), a blow-up's message with the rate this design
 * takes. Says what the run is about to do, and the head of the table.
 * validation: epochs + 1 */
Watch watch_epochs(Run *run, const Design *design, const Batches *batches,
                   const double *validation);

/* What early stopping kept, the three figures and the last line. fits: top
 * + 1, validation: the watch's epochs + 1 */
void show_result(Run *run, const Sets *sets, const Fit *fits, size_t top, const Watch *watch,
                 const double *validation, const EarlyStop *stop);

#endif
