#include "scale.h"

#include <math.h>

/* The standard deviation about mean, divided by n, of the n numbers
 * x[0], x[stride], x[2*stride], …: sqrt(mean((x − mean)²)), or 0 when every
 * one is mean. Each deviation is divided by the largest one before it is
 * squared, and the root multiplied back, so that the square neither
 * overflows (x near 1e200) nor underflows to 0 (x near 1e-200). n ≥ 1 */
static double standard_deviation(const double *x, size_t n, size_t stride, double mean)
{
    double largest = 0.0, sum_of_squares = 0.0;
    for (size_t i = 0; i < n; i++)
        largest = fmax(largest, fabs(x[stride * i] - mean));
    if (largest == 0.0)
        return 0.0; /* every x the same */
    for (size_t i = 0; i < n; i++) {
        double d = (x[stride * i] - mean) / largest;
        sum_of_squares += d * d;
    }
    return largest * sqrt(sum_of_squares / (double)n);
}

//> scaling_of
Scaling scaling_of(const double *x, const double *y, size_t n)
{
    double x_sum = 0.0, y_sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        x_sum += x[2 * i];
        y_sum += y[i];
    }
    /* Near 1e6 these sums round a little; any mean will do, as long as the
     * same one is used to map the coefficients back. */
    double x_mean = x_sum / (double)n;
    return (Scaling){x_mean, standard_deviation(x, n, 2, x_mean), y_sum / (double)n};
}
//< scaling_of

//> standardize
void standardize(const double *x, const double *y, size_t n, const Scaling *scaling,
                 double *x_out, double *y_out)
{
    for (size_t i = 0; i < n; i++) {
        x_out[2 * i] = (x[2 * i] - scaling->x_mean) / scaling->x_sd;
        x_out[2 * i + 1] = 1.0;
        y_out[i] = y[i] - scaling->y_mean;
    }
}
//< standardize

//> to_data_units
void to_data_units(const Scaling *scaling, const double a_std[2], double a[2])
{
    /* y − ȳ = a1'·(x − x̄)/sd + a2', multiplied out. */
    a[0] = a_std[0] / scaling->x_sd;
    a[1] = scaling->y_mean + a_std[1] - a[0] * scaling->x_mean;
}
//< to_data_units

void to_standard_units(const Scaling *scaling, const double a[2], double a_std[2])
{
    a_std[0] = a[0] * scaling->x_sd;
    a_std[1] = a[1] + a[0] * scaling->x_mean - scaling->y_mean;
}

Status standard_scaling(const Dataset *data, Scaling *scaling, Error *err)
{
    *scaling = scaling_of(data->x, data->y, data->n);
    if (!(scaling->x_sd > 0.0))
        return fail(err, STATUS_BAD_DATA,
                    "cannot standardize x: every x value is the same, so its standard "
                    "deviation is 0");
    return STATUS_OK;
}

Status standardized_copy(const Dataset *data, Dataset *out, Scaling *scaling, Error *err)
{
    Status status = standard_scaling(data, scaling, err);
    if (status == STATUS_OK)
        status = data_allocate(out, data->n, err);
    if (status == STATUS_OK)
        standardize(data->x, data->y, data->n, scaling, out->x, out->y);
    return status;
}

void column_scaling(const double *x, size_t n, size_t d, double *mean, double *sd)
{
    for (size_t j = 0; j < d; j++) {
        double sum = 0.0;
        for (size_t i = 0; i < n; i++)
            sum += x[i * d + j];
        mean[j] = sum / (double)n;
        sd[j] = standard_deviation(&x[j], n, d, mean[j]);
    }
}

void standardize_columns(double *x, size_t n, size_t d, const double *mean, const double *sd)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < d; j++)
            x[i * d + j] = (x[i * d + j] - mean[j]) / (sd[j] > 0.0 ? sd[j] : 1.0);
}
