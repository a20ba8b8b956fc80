/*
 * data.h — the data set: n points (x, y) with x = (x1, x2) and x2 = 1.
 * Introduced in chapter 01.
 *
 * The model is y ≈ a1*x1 + a2*x2. Storing the constant x2 = 1 as a real
 * column turns the intercept a2 into an ordinary weight, so the model is a
 * plain dot product of a row of x with a, and all of x is one matrix X.
 */
#ifndef SGD_DATA_H
#define SGD_DATA_H

#include <stddef.h>

#include "rng.h"
#include "status.h"

typedef struct {
    size_t n;
    double *x; /* n×2, row-major: x[2*i] = x1 of point i, x[2*i + 1] = 1 */
    double *y; /* n */
} Dataset;

/* The notebook's data: x1 uniform on [-1, 1), y = a_true·x + noise with the
 * noise uniform on [0, 1). Its mean is 1/2, not 0: the best intercept comes
 * out near a_true[1] + 0.5. a_true: 2 */
Status data_synthetic(Dataset *data, size_t n, const double a_true[2], Rng *rng,
                      Error *err);

/* An empty data set with room for n points, x2 already set to 1. */
Status data_allocate(Dataset *data, size_t n, Error *err);

void data_free(Dataset *data);

/* Picks at most max_points of the n points for a plot, evenly spread and the
 * same on every run, so a figure script stays small whatever n is.
 * rows: room for max_points. Returns how many rows it wrote. */
size_t data_plot_sample(const Dataset *data, size_t max_points, size_t *rows);

#endif
