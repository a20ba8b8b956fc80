#include "scale.h"

#include <math.h>

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
    Scaling scaling = {x_sum / (double)n, 0.0, y_sum / (double)n};
    /* The spread about the mean, each deviation divided by the largest one
     * first, so that its square neither overflows (x near 1e200) nor
     * underflows to 0 (x near 1e-200). */
    double largest = 0.0, sum_of_squares = 0.0;
    for (size_t i = 0; i < n; i++)
        largest = fmax(largest, fabs(x[2 * i] - scaling.x_mean));
    if (largest == 0.0)
        return scaling; /* every x the same: x_sd = 0 */
    for (size_t i = 0; i < n; i++) {
        double d = (x[2 * i] - scaling.x_mean) / largest;
        sum_of_squares += d * d;
    }
    scaling.x_sd = largest * sqrt(sum_of_squares / (double)n);
    return scaling;
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

Status standardized_copy(const Dataset *data, Dataset *out, Scaling *scaling, Error *err)
{
    *scaling = scaling_of(data->x, data->y, data->n);
    if (!(scaling->x_sd > 0.0))
        return fail(err, STATUS_BAD_DATA,
                    "cannot standardize x: every x value is the same, so its standard "
                    "deviation is 0");
    Status status = data_allocate(out, data->n, err);
    if (status == STATUS_OK)
        standardize(data->x, data->y, data->n, scaling, out->x, out->y);
    return status;
}
