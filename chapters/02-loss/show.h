/*
 * show.h — what chapter 02 shows of its lesson: the guess's misses and its
 * loss beside the truth's, the guess over the data, the loss along a1 with
 * its lowest point, and the last line.
 */
#ifndef CH02_SHOW_H
#define CH02_SHOW_H

#include <stddef.h>

#include "frame.h"

/* The guess a, its first predictions and their squared misses, its loss,
 * and (on the notebook's data) the loss of the true a. a: 2, y_hat: n */
void say_losses(const Run *run, const double a[2], const double *y_hat, double guess_loss,
                double true_loss);

/* The figure of the guess a over the data. a: 2 */
void draw_guess(Run *run, const double a[2]);

/* The slice's lowest point on its grid, its figure with the guess a on it,
 * the figures written and the last line. a: 2, a1_values: count, losses: count */
void show_slice(Run *run, const double a[2], double guess_loss, const double *a1_values,
                const double *losses, size_t count);

#endif
