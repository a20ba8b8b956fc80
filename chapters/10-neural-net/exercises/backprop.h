/* backprop.h — exercise ch10/backprop (the task is in backprop.c). */
#ifndef EXERCISE_BACKPROP_H
#define EXERCISE_BACKPROP_H

#include "data.h"
#include "network.h"

/* The gradient of the mean squared error of the ReLU network net (with
 * parameters a, laid out as code/network.h says) on data, worked out by
 * hand, without a tape: grad[k] = ∂L/∂a[k]. a, grad: network_size(net) */
void network_gradient(const Network *net, const double *a, const Dataset *data,
                      double *grad);

#endif
