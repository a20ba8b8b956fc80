/*
 * polynomial.h — polynomial features: a curve that is still a dot product.
 * Introduced in chapter 09.
 *
 * The model y_hat = a1*f1(x) + … + ad*fd(x) is linear in the coefficients a,
 * whatever the functions f are, so the loss, the gradient, the closed form
 * and the stable bound of the earlier chapters all carry over: they only ever
 * see the matrix X whose row i is (f1(x_i), …, fd(x_i)). Here the f are
 * polynomials of x up to degree d − 1, so the model is a polynomial.
 *
 * The columns keep the course's order: the constant 1 (x2 in chapters 01 to
 * 08) comes last, so the degree-1 features of x are exactly the chapters'
 * X = [x1 1]. x must first be mapped to [-1, 1], where every power of it and
 * every Legendre polynomial stays between -1 and 1.
 */
#ifndef SGD_POLYNOMIAL_H
#define SGD_POLYNOMIAL_H

#include <stddef.h>

typedef enum {
    FEATURES_POWERS,  /* x, x², …, x^(d−1), 1: simple, and badly conditioned */
    FEATURES_LEGENDRE /* P1(x), P2(x), …, P(d−1)(x), 1: nearly orthogonal on [-1, 1] */
} FeatureKind;

/* x mapped from [low, high] to [-1, 1]; low < high. */
double to_unit_interval(double x, double low, double high);

/* The d features of one input t in [-1, 1]: the row of X that t gives,
 * (f1(t), …, f(d−1)(t), 1). d ≥ 1. row: d */
void feature_row(FeatureKind kind, double t, size_t d, double *row);

/* X for n inputs, one feature_row() per input. t: n, x: n×d row-major */
void feature_matrix(FeatureKind kind, const double *t, size_t n, size_t d, double *x);

#endif
