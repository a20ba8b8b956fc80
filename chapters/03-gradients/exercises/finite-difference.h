/* finite-difference.h — exercise ch03/finite-difference (the task is in
 * finite-difference.c). */
#ifndef EXERCISE_FINITE_DIFFERENCE_H
#define EXERCISE_FINITE_DIFFERENCE_H

#include <stddef.h>

/* A number computed from k numbers a, such as a loss from its coefficients.
 * context: whatever else it needs (for a loss, the data). a: k */
typedef double (*ScalarFunction)(const double *a, const void *context);

/* grad[j] = (f(a + h e_j) − f(a − h e_j)) / 2h for j = 0 … k−1.
 * a: k (moved during the call, exactly as given on return), grad: k */
void central_difference(ScalarFunction f, const void *context, double *a, size_t k,
                        double h, double *grad);

#endif
