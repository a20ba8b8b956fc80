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

/* The mean of n numbers stored every stride doubles apart: x1 is
 * mean_of(x, 2, n), y is mean_of(y, 1, n). v: (n−1)·stride + 1 */
static double mean_of(const double *v, size_t stride, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += v[i * stride];
    return sum / (double)n;
}

//> least_squares
Status least_squares(const double *x, const double *y, size_t n, double a[2],
                     Error *err)
{
    double x_mean = mean_of(x, 2, n), y_mean = mean_of(y, 1, n);
    /* Sums about the means: each term stays small when x sits far from 0,
     * so no digits are lost to the size of x itself. */
    double sxx = 0.0, sxy = 0.0;
    for (size_t i = 0; i < n; i++) {
        double dx = x[2 * i] - x_mean;
        sxx += dx * dx;
        sxy += dx * (y[i] - y_mean);
    }
    /* sxx is 0 exactly when every x1 is the same: then every line through
     * (x_mean, y_mean) fits equally well, whatever its slope. */
    if (!(sxx > 0.0))
        return fail(err, STATUS_BAD_DATA,
                    "the least-squares line is not unique: all x values are equal");
    a[0] = sxy / sxx;
    a[1] = y_mean - a[0] * x_mean;
    return STATUS_OK;
}
//< least_squares

//> hessian_eigenvalues
void hessian_eigenvalues(const double *x, size_t n, double lambda[2])
{
    double x_mean = mean_of(x, 2, n), mean_square = 0.0, variance = 0.0;
    for (size_t i = 0; i < n; i++) {
        double dx = x[2 * i] - x_mean;
        mean_square += x[2 * i] * x[2 * i];
        variance += dx * dx;
    }
    mean_square /= (double)n;
    variance /= (double)n;
    /* H = (2/n) XᵀX = 2 [mean(x1²) mean(x1); mean(x1) 1]. A symmetric 2×2
     * matrix has λ = mean of the diagonal ± √((half their difference)² +
     * off-diagonal²); hypot() takes that root without squaring huge numbers. */
    double h11 = 2.0 * mean_square, h12 = 2.0 * x_mean, h22 = 2.0;
    lambda[0] = (h11 + h22) / 2.0 + hypot((h11 - h22) / 2.0, h12);
    /* λmax·λmin = det H = 4 (mean(x1²) − mean(x1)²) = 4 var(x1). Subtracting
     * two eigenvalues that differ a lot would cancel most of their digits;
     * dividing the determinant, taken from centred sums, does not. */
    lambda[1] = 4.0 * variance / lambda[0];
}
//< hessian_eigenvalues

//> largest_stable_lr
double largest_stable_lr(const double *x, size_t n)
{
    double lambda[2];
    hessian_eigenvalues(x, n, lambda);
    return 2.0 / lambda[0];
}
//< largest_stable_lr
