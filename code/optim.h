/*
 * optim.h — three ways to step a network's parameters with their gradient:
 * plain SGD, momentum and Adam.
 * Introduced in chapter 12.
 *
 * All three take the gradient that backward() left and move every parameter
 * a little against it; they differ in how far.
 *
 *   SGD        a -= lr · grad: the step of every chapter since 04.
 *   momentum   chapter 07's heavy ball (heavy_ball_step() in heavy_ball.h):
 *              a -= lr · v, v a running sum of the gradients.
 *   Adam       (Kingma and Ba, 2015) each parameter's step divided by the
 *              typical size of its own gradient, so that every parameter
 *              moves about lr a step, whatever the scale of its gradient.
 *
 * Adam's rescaling is chapter 06's standardization done to the gradient
 * instead of the data. A bowl that is steep in one direction and flat in
 * another forces plain SGD to a rate small enough for the steep one, and the
 * flat one crawls; chapter 06 made the bowl round by rescaling each input
 * column to unit size. Adam divides each parameter's gradient by the root
 * of a running mean of its square, an estimate of its size, which rescales
 * each direction to unit size as it goes.
 *
 * None of these allocate or fail; Optimizer, below, holds the state the
 * three need and picks one by name, for a training loop that is told which.
 */
#ifndef SGD_OPTIM_H
#define SGD_OPTIM_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* a -= lr * grad: torch.optim.SGD(params, lr). a: count (in place), grad: count */
void plain_step(double *a, const double *grad, size_t count, double lr);

/* One step of Adam, torch.optim.Adam(params, lr, betas=(beta1, beta2), eps):
 *     m = beta1 · m + (1 − beta1) · grad      a running mean of the gradient
 *     v = beta2 · v + (1 − beta2) · grad²     and of its square
 *     m̂ = m / (1 − beta1^t),  v̂ = v / (1 − beta2^t)
 *     a -= lr · m̂ / (√v̂ + eps)
 * m and v start at 0, so for the first steps they are too small, by the
 * factors 1 − beta^t that m̂ and v̂ divide out (the bias correction); at the
 * first step m̂ = grad and v̂ = grad², and the step is lr · sign(grad) (up
 * to eps), whatever the gradient's size. t counts the steps, this one
 * included: 1 for the first.
 * a, m, v: count (updated in place), grad: count; t ≥ 1 */
void adam_step(double *a, double *m, double *v, const double *grad, size_t count, size_t t,
               double lr, double beta1, double beta2, double eps);

/* --- One of the three, chosen by name ----------------------------------- */

typedef enum { OPTIMIZER_SGD, OPTIMIZER_MOMENTUM, OPTIMIZER_ADAM } OptimizerKind;

/* "sgd", "momentum" or "adam". */
const char *optimizer_name(OptimizerKind kind);

/* The kind named name (as optimizer_name() spells it); false if none is. */
bool optimizer_from_name(const char *name, OptimizerKind *kind);

/* An optimizer and its state for count parameters. The settings may be
 * changed between steps (a decaying lr, say). Optimizer opt = {0} may be
 * freed. */
typedef struct {
    OptimizerKind kind;
    double lr;
    double beta;               /* momentum's, 0.9 to start with: fast.ai's */
    double beta1, beta2, eps;  /* Adam's, PyTorch's 0.9, 0.999, 1e-8 to start with */
    size_t count;              /* how many parameters */
    size_t t;                  /* steps taken */
    double *velocity;          /* momentum's v: count */
    double *m, *v;             /* Adam's: count each */
} Optimizer;

/* The state (all 0) for count ≥ 1 parameters. On failure, nothing to free. */
Status optimizer_init(Optimizer *opt, OptimizerKind kind, double lr, size_t count,
                      Error *err);
void optimizer_free(Optimizer *opt);

/* optimizer.step(): the chosen step, with its state. a: count (in place),
 * grad: count */
void optimizer_step(Optimizer *opt, double *a, const double *grad);

#endif
