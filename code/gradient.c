#include "gradient.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "linalg.h"
#include "solve.h"
#include "loss.h"

//> gradient
inline void gradient_d(const double *x, const double *y, size_t n, size_t d,
                       const double *a, double *grad)
{
    /* Xᵀ r with r = X a − y, one row at a time, so r is never stored: row i
     * adds r_i times its row, (x1_i, x2_i) when d = 2, to the sum. */
    for (size_t j = 0; j < d; j++)
        grad[j] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *row = &x[d * i];
        double r = dot(row, a, d) - y[i];
        for (size_t j = 0; j < d; j++)
            grad[j] += r * row[j];
    }
    for (size_t j = 0; j < d; j++)
        grad[j] *= 2.0 / (double)n;
}

void gradient(const double *x, const double *y, size_t n, const double a[2],
              double grad[2])
{
    gradient_d(x, y, n, 2, a, grad);
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
bool least_squares_line(const double *x, const double *y, size_t n, double a[2])
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
    if (!(sxx > 0.0))
        return false;
    a[0] = sxy / sxx;
    a[1] = y_mean - a[0] * x_mean;
    return true;
}
//< least_squares

Status least_squares(const double *x, const double *y, size_t n, double a[2],
                     Error *err)
{
    if (!least_squares_line(x, y, n, a))
        return fail(err, STATUS_BAD_DATA,
                    "the least-squares line is not unique: all x values are equal");
    return STATUS_OK;
}

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

//> least_squares_d
Status least_squares_d(const double *x, const double *y, size_t n, size_t d, double *a,
                       Error *err)
{
    if (d > n)
        return fail(err, STATUS_BAD_DATA,
                    "the least-squares fit is not unique: %zu coefficients from %zu points",
                    d, n);
    /* QR works on copies: X becomes R, y becomes Qᵀ y. */
    double *r = malloc(n * d * sizeof *r), *q_t_y = malloc(n * sizeof *q_t_y);
    if (r == NULL || q_t_y == NULL) {
        free(r);
        free(q_t_y);
        return fail(err, STATUS_NO_MEMORY, "out of memory for a %zu×%zu least-squares fit",
                    n, d);
    }
    memcpy(r, x, n * d * sizeof *r);
    memcpy(q_t_y, y, n * sizeof *q_t_y);
    bool unique = householder_least_squares(r, q_t_y, n, d, a);
    free(r);
    free(q_t_y);
    if (!unique)
        return fail(err, STATUS_BAD_DATA,
                    "the least-squares fit is not unique: the %zu columns of X are not "
                    "independent (fewer distinct x values than coefficients?)",
                    d);
    return STATUS_OK;
}
//< least_squares_d

//> hessian_d
void hessian_d(const double *x, size_t n, size_t d, double *h)
{
    /* H_pq = (2/n) Σ_i x_ip x_iq: column p of X dotted with column q. */
    for (size_t k = 0; k < d * d; k++)
        h[k] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *row = &x[d * i];
        for (size_t p = 0; p < d; p++)
            for (size_t q = 0; q < d; q++)
                h[p * d + q] += row[p] * row[q];
    }
    for (size_t k = 0; k < d * d; k++)
        h[k] *= 2.0 / (double)n;
}
//< hessian_d

Status hessian_eigenvalues_d(const double *x, size_t n, size_t d, double *lambda,
                             Error *err)
{
    double *h = malloc(d * d * sizeof *h);
    if (h == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for a %zu×%zu Hessian", d, d);
    hessian_d(x, n, d, h);
    symmetric_eigenvalues(h, d, lambda);
    free(h);
    return STATUS_OK;
}

double relative_difference(const double u[2], const double v[2])
{
    double size = hypot(v[0], v[1]);
    double difference = hypot(u[0] - v[0], u[1] - v[1]);
    return size > 0.0 ? difference / size : difference;
}
