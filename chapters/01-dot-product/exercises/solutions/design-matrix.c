/* Solution to ch01/design-matrix: X = [x1 | 1], so y_hat = X a is a line. */
#include "design-matrix.h"

void design_matrix(const double *x1, size_t n, double *x)
{
    for (size_t i = 0; i < n; i++) {
        x[2 * i] = x1[i];  /* the input: a1 is its slope */
        x[2 * i + 1] = 1.0; /* the constant: a2 times 1 is the intercept */
    }
}
