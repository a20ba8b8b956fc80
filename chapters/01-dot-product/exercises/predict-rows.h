/* predict-rows.h — exercise ch01/predict-rows (the task is in predict-rows.c). */
#ifndef EXERCISE_PREDICT_ROWS_H
#define EXERCISE_PREDICT_ROWS_H

#include <stddef.h>

/* y_hat = X a for X with k columns. x: n×k row-major, a: k, y_hat: n */
void predict_rows(const double *x, size_t n, size_t k, const double *a, double *y_hat);

#endif
