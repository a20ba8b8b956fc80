/*
 * landscape.h — the loss as a surface over (a1, a2): a bowl around a*.
 * Introduced in chapter 07.
 *
 * The loss is a quadratic in a, so it is exactly its lowest value plus a bowl
 * around the least-squares answer a*:
 *     L(a) = L* + ½ (a − a*)ᵀ H (a − a*),    H = (2/n) XᵀX
 * (no first-order term: the gradient is 0 at a*). Its contour lines are
 * ellipses centred on a*, whose axes point along the eigenvectors of H and
 * whose half-lengths go as 1/√λ: a flat direction (small λ) is a long axis.
 * contours.h draws those contours with the paths descent takes on them.
 */
#ifndef SGD_LANDSCAPE_H
#define SGD_LANDSCAPE_H

#include <stddef.h>

#include "data.h"
#include "status.h"

typedef struct {
    double a_best[2];  /* a*, the least-squares answer: the bottom */
    double loss_best;  /* L* = L(a*), the floor no line beats */
    double h[3];       /* H = (2/n) XᵀX as h11, h12 (= h21), h22 */
    double lambda[2];  /* H's eigenvalues, the curvatures, largest first */
    double axis[2][2]; /* axis[k]: the unit eigenvector of lambda[k] */
} Bowl;

/* The bowl of data's loss. Fails, as least_squares() does, when every x1 is
 * the same and there is no single bottom. x2 must be 1 in every row. */
Status bowl_of(const Dataset *data, Bowl *bowl, Error *err);

/* L(a) from the bowl: two multiplications instead of a pass over the data,
 * and exact, since the loss is quadratic. a: 2 */
double bowl_loss(const Bowl *bowl, const double a[2]);

/* The mean squared length of one point's gradient at a*, 2 r_i x_i: the
 * variance of a batch-1 gradient there, where the full gradient is 0
 * (chapter 07's noise floor). */
double gradient_noise(const Dataset *data, const Bowl *bowl);

#endif
