#include "landscape.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "gradient.h"
#include "loss.h"

Status bowl_of(const Dataset *data, Bowl *bowl, Error *err)
{
    Status status = least_squares(data->x, data->y, data->n, bowl->a_best, err);
    if (status != STATUS_OK)
        return status;
    bowl->loss_best = loss_of(data->x, data->y, data->n, bowl->a_best);
    double mean_x = 0.0, mean_square = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        mean_x += data->x[2 * i];
        mean_square += data->x[2 * i] * data->x[2 * i];
    }
    /* H = (2/n) XᵀX with x2 = 1: 2 [mean(x1²) mean(x1); mean(x1) 1]. */
    bowl->h[0] = 2.0 * mean_square / (double)data->n;
    bowl->h[1] = 2.0 * mean_x / (double)data->n;
    bowl->h[2] = 2.0;
    hessian_eigenvalues(data->x, data->n, bowl->lambda);
    /* A symmetric 2×2 matrix [p q; q r] has its steep eigenvector at the angle
     * θ = ½ atan2(2q, p − r) from the a1 axis, the flat one at θ + 90°. */
    double theta = 0.5 * atan2(2.0 * bowl->h[1], bowl->h[0] - bowl->h[2]);
    bowl->axis[0][0] = cos(theta);
    bowl->axis[0][1] = sin(theta);
    bowl->axis[1][0] = -sin(theta);
    bowl->axis[1][1] = cos(theta);
    return STATUS_OK;
}

//> bowl_loss
double bowl_loss(const Bowl *bowl, const double a[2])
{
    double e1 = a[0] - bowl->a_best[0], e2 = a[1] - bowl->a_best[1];
    /* ½ eᵀ H e, written out for the 2×2 symmetric H */
    return bowl->loss_best +
           0.5 * (bowl->h[0] * e1 * e1 + 2.0 * bowl->h[1] * e1 * e2 + bowl->h[2] * e2 * e2);
}
//< bowl_loss

//> gradient_noise
double gradient_noise(const Dataset *data, const Bowl *bowl)
{
    double sum = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        const double *x = &data->x[2 * i];
        double r = x[0] * bowl->a_best[0] + x[1] * bowl->a_best[1] - data->y[i];
        sum += 4.0 * r * r * (x[0] * x[0] + x[1] * x[1]); /* |2 r_i x_i|² */
    }
    return sum / (double)data->n;
}
//< gradient_noise
