#include "gradient.h"

#include <math.h>

#include "linalg.h"
#include "loss.h"

//> gradient
void gradient(const double *x, const double *y, size_t n, const double a[2],
              double grad[2])
{
    /* Xᵀ r with r = X a − y, one row at a time, so r is never stored: row i
     * adds r_i times (x1_i, x2_i) to the sum. */
    grad[0] = 0.0;
    grad[1] = 0.0;
    for (size_t i = 0; i < n; i++) {
        double r = dot(&x[2 * i], a, 2) - y[i];
        grad[0] += r * x[2 * i];
        grad[1] += r * x[2 * i + 1];
    }
    grad[0] *= 2.0 / (double)n;
    grad[1] *= 2.0 / (double)n;
}
//< gradient

//> gradient_numeric
void gradient_numeric(const double *x, const double *y, size_t n, const double a[2],
                      double h, double grad[2])
{
    for (int j = 0; j < 2; j++) {
        double up[2] = {a[0], a[1]};
        double down[2] = {a[0], a[1]};
        up[j] += h;
        down[j] -= h;
        grad[j] = (loss_of(x, y, n, up) - loss_of(x, y, n, down)) / (2.0 * h);
    }
}
//< gradient_numeric

//> normal_matrix
/* The three distinct entries of the symmetric 2×2 matrix Xᵀ X. */
static void normal_matrix(const double *x, size_t n, double *s11, double *s12,
                          double *s22)
{
    *s11 = *s12 = *s22 = 0.0;
    for (size_t i = 0; i < n; i++) {
        *s11 += x[2 * i] * x[2 * i];
        *s12 += x[2 * i] * x[2 * i + 1];
        *s22 += x[2 * i + 1] * x[2 * i + 1];
    }
}
//< normal_matrix

//> least_squares
Status least_squares(const double *x, const double *y, size_t n, double a[2],
                     Error *err)
{
    double s11, s12, s22, b[2];
    normal_matrix(x, n, &s11, &s12, &s22);
    transpose_times(x, n, y, b); /* b = Xᵀ y */

    /* [s11 s12; s12 s22] a = b, solved by Cramer's rule. The determinant is
     * zero exactly when the columns of X are parallel: every x1 the same. */
    double det = s11 * s22 - s12 * s12;
    if (!(fabs(det) > 1e-12 * s11 * s22))
        return fail(err, STATUS_BAD_DATA,
                    "the least-squares line is not unique: all x values are (nearly) "
                    "equal");
    a[0] = (b[0] * s22 - s12 * b[1]) / det;
    a[1] = (s11 * b[1] - s12 * b[0]) / det;
    return STATUS_OK;
}
//< least_squares

//> largest_stable_lr
double largest_stable_lr(const double *x, size_t n)
{
    double s11, s12, s22;
    normal_matrix(x, n, &s11, &s12, &s22);
    /* Eigenvalues of the Hessian H = (2/n) XᵀX: a 2×2 symmetric matrix has
     * λ = mean of the diagonal ± sqrt((half their difference)² + off-diagonal²). */
    double h11 = 2.0 * s11 / (double)n, h12 = 2.0 * s12 / (double)n,
           h22 = 2.0 * s22 / (double)n;
    double half_gap = (h11 - h22) / 2.0;
    double lambda_max = (h11 + h22) / 2.0 + sqrt(half_gap * half_gap + h12 * h12);
    return 2.0 / lambda_max;
}
//< largest_stable_lr
