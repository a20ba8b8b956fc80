/* Solution to ch10/backprop: the chain rule from the loss back to each
 * parameter, point by point. */
#include "backprop.h"

#include "data.h"
#include "network.h"

void network_gradient(const Network *net, const double *a, const Dataset *data,
                      double *grad)
{
    for (size_t k = 0; k < network_size(net); k++)
        grad[k] = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        double x = data->x[2 * i];
        double d_y_hat = 2.0 * (network_predict(net, a, x) - data->y[i]) / (double)data->n;
        grad[network_b2(net)] += d_y_hat;
        for (size_t j = 0; j < net->hidden; j++) {
            double z = a[network_w1(net, j)] * x + a[network_b1(net, j)];
            double h = z > 0.0 ? z : 0.0;
            double d_z = z > 0.0 ? d_y_hat * a[network_w2(net, j)] : 0.0;
            grad[network_w2(net, j)] += d_y_hat * h;
            grad[network_w1(net, j)] += d_z * x;
            grad[network_b1(net, j)] += d_z;
        }
    }
}
