/*
 * bent.h — data no straight line fits: the notebook's recipe, bent.
 * Introduced in chapter 10.
 */
#ifndef SGD_BENT_H
#define SGD_BENT_H

#include <stddef.h>

#include "data.h"
#include "rng.h"
#include "status.h"

/* The points chapter 10 fits, which no straight line can: the notebook's
 * recipe with its line bent, x1 uniform on [−1, 1) and
 *     y = 3·x1 + 2 − 4·x1² + noise,
 * the noise uniform on [0, 1). The curve rises from −5 at x1 = −1 to its
 * top, 2.5625, at x1 = 3/8, and falls back to 1 at x1 = 1. */
Status curve_data(Dataset *data, size_t n, Rng *rng, Error *err);

/* The curve those points scatter around: 3·x1 + 2 − 4·x1². */
double curve(double x);

#endif
