/* design-matrix.h — exercise ch01/design-matrix (the task is in design-matrix.c). */
#ifndef EXERCISE_DESIGN_MATRIX_H
#define EXERCISE_DESIGN_MATRIX_H

#include <stddef.h>

/* Builds X = [x1 | 1] from the inputs x1. x1: n, x: n×2 row-major */
void design_matrix(const double *x1, size_t n, double *x);

#endif
