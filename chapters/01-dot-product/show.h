/*
 * show.h — what chapter 01 shows of its lesson: the data's first rows, the
 * dot product of each with a beside its y, the mean miss, the figure of the
 * data and the last line that sums the data up.
 */
#ifndef CH01_SHOW_H
#define CH01_SHOW_H

#include <stddef.h>

#include "frame.h"

/* How many rows the tables show: the first 5, or all of fewer. */
size_t rows_shown(size_t n);

/* Where the data came from, and its first rows. */
void say_data(const Run *run);

/* The head of the dot products: the model, and the a they use. a: 2 */
void say_model(const Run *run, const double a[2]);

/* One row's x·a written out, with the y it predicts. x: 2, a: 2 */
void say_dot_product(const Run *run, const double x[2], const double a[2], double x_dot_a,
                     double y);

/* The mean of y - y_hat over all the points. */
void say_mean_miss(const Run *run, double mean_miss);

/* The figure of the data with the true line, and the last line. */
void show_data(Run *run);

#endif
