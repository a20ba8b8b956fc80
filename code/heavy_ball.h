/*
 * heavy_ball.h — two changes to the plain step: a velocity, and a rate that shrinks.
 * Introduced in chapter 07.
 *
 * Heavy-ball momentum (Polyak, 1964) steps along a running sum of recent
 * gradients instead of the latest one alone:
 *     v = beta * v + grad,    a -= lr * v
 * Gradients that agree from step to step add up (speed along a long, shallow
 * valley); gradients that flip sign from overshooting across it partly
 * cancel. The noise of minibatch gradients does not: each kick stays in the
 * velocity, so at rate lr the heavy ball jitters as plain SGD does at
 * lr/(1 − beta) (chapter 07 measures it). With beta = 0 it is the plain step
 * of chapter 04.
 *
 * A decaying learning rate, lr_t = lr / (1 + t/T) at iteration t, takes big
 * steps early and ever smaller ones later: small enough, in the end, for the
 * noise of minibatch gradients to average out, so SGD settles at the bottom
 * instead of jittering above it.
 */
#ifndef SGD_HEAVY_BALL_H
#define SGD_HEAVY_BALL_H

#include <stddef.h>

/* The heavy-ball step from a gradient already computed: velocity = beta *
 * velocity + grad, then a -= lr * velocity, as torch.optim.SGD(momentum=beta)
 * steps. With beta = 0 and velocity 0 it is chapter 04's a -= lr * grad, to
 * the last bit. Chapter 07 steps the line's two parameters with it, chapter
 * 12 a network's thousands.
 * a, velocity: count (both updated in place), grad: count */
void heavy_ball_step(double *a, double *velocity, const double *grad, size_t count,
                     double lr, double beta);

/* One heavy-ball step on the n points given: their gradient, then
 * heavy_ball_step(). Returns the loss before the step, like
 * sgd_update(), which it equals exactly when beta = 0 and velocity starts at 0.
 * x: n×2 row-major, y: n, a: 2 and velocity: 2 (both updated in place) */
double momentum_update(const double *x, const double *y, size_t n, double a[2],
                       double velocity[2], double lr, double beta);

/* The learning rate at iteration t (t = 0 for the first step) of a schedule
 * that halves it by t = decay and keeps shrinking like 1/t after:
 * lr / (1 + t/decay). decay = 0 means no decay: lr at every step. */
double decayed_lr(double lr, double decay, size_t t);

/* The best settings on a quadratic bowl whose curvatures (the Hessian's
 * eigenvalues, largest first) are lambda[0] ≥ lambda[1] > 0, with
 * κ = lambda[0] / lambda[1] its condition number:
 *   plain descent:  lr = 2 / (λmax + λmin), the error shrinking by
 *                   (κ − 1) / (κ + 1) per step in every direction;
 *   heavy ball:     lr = 4 / (√λmax + √λmin)², beta = ((√κ − 1) / (√κ + 1))²,
 *                   the error shrinking by (√κ − 1) / (√κ + 1) per step.
 * lambda: 2 */
double best_plain_lr(const double lambda[2]);
void best_momentum(const double lambda[2], double *lr, double *beta);

#endif
