/*
 * model.h — chapter 08's model, the line y_hat = x@a, on a tape.
 *
 * a is the tape's first two nodes (leaves, like a tensor made with
 * requires_grad=True), kept when each step resets the tape; y_hat and squared
 * have room for the nodes of one forward pass. model.c makes and reads a
 * model; main.c, the lesson, records on it and trains it.
 */
#ifndef CH08_MODEL_H
#define CH08_MODEL_H

#include "frame.h"
#include "tape.h"
#include "watch.h"

enum { PARAMETERS = 2 };

typedef struct {
    Run *run;
    Tape tape;
    Var a[2];
    Var *y_hat;   /* n */
    Var *squared; /* n */
} Model;

/* a = A_START on a new tape, with room for n points; the frame frees it when
 * the run ends, or model_free() sooner. */
Model *model_new(Run *run, size_t n);

/* Frees the tape's nodes now, not when the run ends: a tape of many points
 * is large. */
void model_free(Model *model);

/* Fails the run (out of memory) if the tape could not grow: then no Var it
 * returned since it was made is usable (tape.h). */
void model_check(const Model *model);

/* The numbers in a, and in a.grad. Return a, grad. a: 2, grad: 2 */
double *model_a(const Model *model, double a[2]);
double *model_grad(const Model *model, double grad[2]);

/* From main.c: y_hat = x@a; loss = mse(y, y_hat) on a tape reset to a. */
Var forward(Model *model, const Dataset *d);

/* From main.c: one step of update() without torch.no_grad(). */
Var step_without_no_grad(Model *model, const Dataset *d, double lr);

/* From main.c: steps of update() without a.grad.zero_(), each loss kept by
 * watch. */
void train_without_zero_grad(Model *model, const Dataset *d, double lr, size_t steps,
                             Watch *watch);

#endif
