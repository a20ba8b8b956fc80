/* momentum-limit.h — exercise ch07/momentum-limit (the task is in momentum-limit.c). */
#ifndef EXERCISE_MOMENTUM_LIMIT_H
#define EXERCISE_MOMENTUM_LIMIT_H

#include <stddef.h>

/* The largest learning rate at which heavy-ball momentum with this beta
 * still converges on the data's loss. x: n×2 row-major, 0 ≤ beta < 1 */
double momentum_stable_lr(const double *x, size_t n, double beta);

#endif
