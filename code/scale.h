/*
 * scale.h — standardizing: the same data in units where the bowl is round.
 * Introduced in chapter 06.
 *
 * When x sits far from 0 (years) or spreads far wider or narrower than 1
 * (prices, grams), the loss's bowl is a long thin valley: its condition
 * number λmax / λmin runs into the millions, and the one learning rate must
 * be small enough for the steep direction while the flat one crawls.
 * Standardizing fits the same points in other units,
 *     x' = (x − mean(x)) / sd(x),      y' = y − mean(y),
 * where x' has mean 0 and standard deviation 1, so the Hessian
 * (2/n) X'ᵀX' is 2·I: condition number 1, stable bound exactly 1. A line in
 * the new units is a line in the old ones, so the fitted coefficients map
 * back exactly:
 *     y − ȳ = a1'·(x − x̄)/sd + a2'
 *     ⇔  y = (a1'/sd)·x + (ȳ + a2' − a1'·x̄/sd).
 * Centring y changes no prediction's miss, so the loss is the same number in
 * both units; it keeps a2' small, near 0, however large y is.
 */
#ifndef SGD_SCALE_H
#define SGD_SCALE_H

#include <stddef.h>

#include "data.h"
#include "status.h"

/* How the data was moved and stretched: x' = (x − x_mean) / x_sd and
 * y' = y − y_mean. x_sd divides by n, not n − 1, so that x' has variance
 * exactly 1 and the Hessian exactly 2·I. */
typedef struct {
    double x_mean, x_sd, y_mean;
} Scaling;

/* The means of x1 and y and the standard deviation of x1. x_sd is 0 when
 * every x1 is the same, and then no rescaling can help.
 * x: n×2 row-major, y: n, n ≥ 1 */
Scaling scaling_of(const double *x, const double *y, size_t n);

/* x_out = the standardized x (x2 stays 1), y_out = y − y_mean.
 * x, x_out: n×2 row-major; y, y_out: n; scaling->x_sd > 0 */
void standardize(const double *x, const double *y, size_t n, const Scaling *scaling,
                 double *x_out, double *y_out);

/* The line a_std (in standardized units) in the data's units: slope
 * a1'/sd, intercept ȳ + a2' − a1'·x̄/sd. a_std: 2, a: 2 */
void to_data_units(const Scaling *scaling, const double a_std[2], double a[2]);

/* The inverse: the line a (data units) in standardized units, slope a1·sd,
 * intercept a2 + a1·x̄ − ȳ. a: 2, a_std: 2 */
void to_standard_units(const Scaling *scaling, const double a[2], double a_std[2]);

/* scaling_of() the data, or STATUS_BAD_DATA when every x is the same: then
 * x has no spread to divide by, and no rescaling can help. */
Status standard_scaling(const Dataset *data, Scaling *scaling, Error *err);

/* A standardized copy of data in out (the caller frees it with data_free)
 * and the scaling used. Fails with STATUS_BAD_DATA when every x is the same,
 * STATUS_NO_MEMORY when there is no room for the copy. */
Status standardized_copy(const Dataset *data, Dataset *out, Scaling *scaling, Error *err);

/* Chapter 11: many columns, each standardized on its own. */

/* The mean and the standard deviation (dividing by n) of each of the D
 * columns of x. x is (n, D), n ≥ 1; mean, sd are (D) */
void column_scaling(const double *x, size_t n, size_t d, double *mean, double *sd);

/* x[i][j] = (x[i][j] − mean[j]) / sd[j], in place; a column whose sd is 0
 * (the same value in every row, such as a corner pixel never inked) is
 * only centred: there is no spread to divide by. The mean and sd are the
 * training set's, applied to any set, so that a held-out example is moved
 * exactly as the training ones were. x is (n, D); mean, sd are (D) */
void standardize_columns(double *x, size_t n, size_t d, const double *mean, const double *sd);

#endif
