/* mae.h — exercise ch02/mae (the task is in mae.c). */
#ifndef EXERCISE_MAE_H
#define EXERCISE_MAE_H

#include <stddef.h>

/* (1/n) Σ |y_hat_i − y_i|. y_hat: n, y: n */
double mean_absolute_error(const double *y_hat, const double *y, size_t n);

#endif
