/*
 * sgd.h — gradient descent: take a small step downhill, again and again.
 * Introduced in chapter 04.
 *
 * One update is the notebook's update(): predict y_hat = X a, measure the loss,
 * compute the gradient, and step against it: a -= lr * grad. Full-batch
 * training repeats that update over all n points; chapter 05 (minibatch.h)
 * repeats it over small random batches instead.
 */
#ifndef SGD_SGD_H
#define SGD_SGD_H

#include <stdbool.h>
#include <stddef.h>

#include "data.h"
#include "status.h"

/* At most TRACE_MAX points in a loss trace, each the loss of at most
 * TRACE_POINTS points of the data (see History). */
enum { TRACE_MAX = 400, TRACE_POINTS = 10000 };

/* What training did, epoch by epoch: loss[e] and a[e] are the loss on all the
 * data and the coefficients after e epochs, for e = 0 … epochs (so loss[0]
 * is the loss of the starting guess). */
typedef struct {
    size_t epochs;
    size_t iterations; /* updates made: epochs for full batch, more for minibatches */
    double *loss;      /* epochs + 1 */
    double *a;         /* (epochs + 1)×2 row-major: after epoch e, a1 = a[2*e],
                          a2 = a[2*e + 1], laid out like the rows of X */
    /* Minibatch training also samples the loss by iteration, at iterations
     * 1, 2, 3, … spaced ever wider (each about 5% past the one before):
     * enough for a loss-per-iteration curve on a log axis, without the cost
     * of the full loss after every step. It is the loss of all the data when
     * there are at most TRACE_POINTS points, else of TRACE_POINTS of them,
     * evenly spread (an estimate within about 1%), so the trace costs the
     * same whatever n is. */
    size_t trace_count;
    double trace_iteration[TRACE_MAX];
    double trace_loss[TRACE_MAX];
} History;

Status history_allocate(History *history, size_t epochs, Error *err);
void history_free(History *history);


/* One point's share of the loss and the gradient: its miss r = x·a − y, then
 * r² added to sums[0] and r·x to sums[1] and sums[2]. Over all the points,
 * sums[0] = Σ r² (n times loss_of()) and sums[1..2] = Xᵀ r (n/2 times
 * gradient()). Inline, so that a loop calling it keeps the sums in registers.
 * x: 2 (one row of X), a: 2, sums: 3 */
//> add_miss
static inline void add_miss(const double x[2], double y, const double a[2],
                            double sums[3])
{
    double r = x[0] * a[0] + x[1] * a[1] - y; /* y_hat − y: dot(x, a, 2) written out */
    sums[0] += r * r;                         /* loss_of() adds r² */
    sums[1] += r * x[0];                      /* gradient() adds r·x1 */
    sums[2] += r * x[1];                      /*              and r·x2 */
}
//< add_miss

/* The loss (1/m) Σ r² and the gradient (2/m) Xᵀ r of m points from the sums
 * add_miss() collected over them. Returns the loss. sums: 3, grad: 2 */
double loss_and_gradient_from_sums(const double sums[3], size_t m, double grad[2]);

/* loss_of() and gradient() in one walk over the data instead of two: returns
 * the loss at a and fills grad. The sums are taken in their order, so the
 * numbers are theirs to the last bit. x: n×2 row-major, y: n, a: 2, grad: 2 */
double loss_and_gradient(const double *x, const double *y, size_t n, const double a[2],
                         double grad[2]);

/* One step of gradient descent on the n points given; returns the loss before
 * the step. x: n×2 row-major, y: n, a: 2 (updated in place) */
double sgd_update(const double *x, const double *y, size_t n, double a[2], double lr);

/* epochs full-batch steps from the starting guess in a: chapter 04's loop,
 * silently, for the tests and the exercises. Stops with STATUS_DIVERGED as
 * soon as the loss is not finite or grows far past where it started, and
 * fails the same way at the end if the last loss is above the first (the
 * watcher's rules, watch.h). history: allocated for epochs. */
Status train_full_batch(const Dataset *data, double a[2], double lr, size_t epochs,
                        History *history, Error *err);

/* The condition number λmax / λmin of the loss's curvature above which the
 * flat direction of the bowl crawls at every stable rate: at lr = 1/λmax the
 * error along it shrinks by only (1 − 1/1000) a step, so reaching the bottom
 * takes thousands of steps. Chapter 06 measures this. */
#define BADLY_SCALED 1e3

/* What to do about it, in one sentence. */
#define SCALING_ADVICE                                                               \
    "x is badly scaled, so at any stable rate the flat direction crawls: rescale x " \
    "to mean 0 and sd 1, as --standardize does from chapter 05 on (chapter 06 shows " \
    "why)"

/* True when a loss that began at start_loss has blown up. */
bool loss_diverged(double loss, double start_loss);

/* Whether full-batch descent at rate lr with heavy-ball momentum beta (0:
 * none) is past its stable bound on data, 2(1 + beta)/λmax: then each step
 * lands at least as far past the bottom along the steepest direction as it
 * started, and the loss grows without end, however slowly at first, or
 * (exactly at the bound) swings for ever. If so, writes the warning to say
 * into text (size bytes), "lr 1 is not below the stable bound 0.9997 ...",
 * the bound with the digits it takes to read as below lr. */
bool past_stable_bound(const Dataset *data, double lr, double beta, char *text, size_t size);

/* What a line's run that blew up should try, for the divergence message:
 * "; on this data full-batch descent is stable only for lr < B, so try
 * --lr B/2", and, when x is badly scaled, that rescaling is the real cure;
 * when every x is the same, that the slope is not determined (rescaling
 * cannot help, and chapter 06 would refuse the data). Into text (size). */
void line_divergence_advice(char *text, size_t size, const Dataset *data);

#endif
