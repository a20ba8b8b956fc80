/*
 * show.h — what chapter 08 shows of its lesson: the tape of one point, the
 * tape's gradient checked three ways, the training run beside chapter 04's,
 * what goes wrong without no_grad and zero_, and the figure.
 */
#ifndef CH08_SHOW_H
#define CH08_SHOW_H

#include "model.h"

/* The tape of the loss of point 1 alone, after backward(), node by node. */
void show_one_point(Run *run);

/* The gradient at the start three ways: the tape, chapter 03's gradient()
 * and finite differences. */
void show_gradient_three_ways(Run *run);

/* The watcher of the training run, after the head of its table. */
Watch watch_training(Run *run);

/* How far the tape's path (path, from train()) is from chapter 04's. */
void show_same_path(Run *run, const Watch *path);

/* (a): a few steps without torch.no_grad(), how the tape grows, and where
 * that would lead over the whole run. path: from train() */
void show_without_no_grad(Run *run, const Watch *path);

/* (b): backward() twice at the same a, then a training run without zero_(),
 * whose last a goes into a_end. a_end: 2 */
void show_without_zero_grad(Run *run, double a_end[2]);

/* (b)'s figure, the line with zero_() every step (the trained model) and
 * without it, copied out of the tape by (c)'s .detach(). a_no_zero: 2 */
void draw_zero_grad(Run *run, const Model *model, const double a_no_zero[2]);

/* The last line: where the training run (path) ended, and its loss. */
void say_final_line(Run *run, const Watch *path);

#endif
