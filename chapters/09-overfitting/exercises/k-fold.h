/* k-fold.h — exercise ch09/k-fold (the task is in k-fold.c). */
#ifndef EXERCISE_K_FOLD_H
#define EXERCISE_K_FOLD_H

#include <stddef.h>

#include "status.h"

/* k-fold cross-validation of the least-squares fit: point i is in fold
 * i % k; each fold is scored by the fit to the other folds, and *loss gets
 * the mean of the k scores. x: n×d row-major, y: n, 2 ≤ k ≤ n */
Status cross_validation_loss(const double *x, const double *y, size_t n, size_t d, size_t k,
                             double *loss, Error *err);

#endif
