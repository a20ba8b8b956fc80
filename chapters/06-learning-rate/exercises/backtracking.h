/* backtracking.h — exercise ch06/backtracking (the task is in backtracking.c). */
#ifndef EXERCISE_BACKTRACKING_H
#define EXERCISE_BACKTRACKING_H

#include <stddef.h>

/* One step of gradient descent that tries the rate lr and halves it, up to
 * 60 times, until the step lowers the loss. Returns the rate used, or 0
 * (and leaves a alone) when no try lowered the loss.
 * x: n×2 row-major, y: n, a: 2 (updated in place) */
double backtracking_step(const double *x, const double *y, size_t n, double a[2], double lr);

#endif
