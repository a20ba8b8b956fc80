#include "bent.h"

double curve(double x)
{
    return 3.0 * x + 2.0 - 4.0 * x * x;
}

Status curve_data(Dataset *data, size_t n, Rng *rng, Error *err)
{
    /* The notebook's recipe for a flat line y = 0 gives x1 and the noise,
     * drawn in the same order; then the bend goes on top. */
    static const double flat[2] = {0.0, 0.0};
    Status status = data_synthetic(data, n, flat, rng, err);
    for (size_t i = 0; status == STATUS_OK && i < n; i++)
        data->y[i] += curve(data->x[2 * i]);
    return status;
}
