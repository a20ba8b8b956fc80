/*
 * Exercise ch10/dead-units — hidden units that can never learn again.
 *
 * A ReLU unit outputs relu(z) with z = w1_j·x + b1_j: z where z > 0, and 0
 * where z ≤ 0, where its slope is 0 too. If z ≤ 0 at every point of the
 * data, the unit adds nothing to y_hat, and backward() gives its w1_j, b1_j
 * and w2_j a gradient of exactly 0: no step of SGD will ever move them
 * again. The unit is dead. One wild step (a learning rate too large) can
 * kill units; counting them after training tells you whether it did.
 *
 * Task: return how many of the net->hidden units are dead on data: those
 *   whose z = w1_j·x1_i + b1_j is ≤ 0 for every point i, where x1_i is
 *   data->x[2 * i]. a holds the network_size(net) parameters, laid out as
 *   code/network.h says: w1_j is a[network_w1(net, j)] and b1_j is
 *   a[network_b1(net, j)], for j = 0 … net->hidden − 1. With no points
 *   (data->n == 0), every unit counts as dead: it is alive nowhere.
 *   May call: network_w1() and network_b1() from network.h.
 *
 * Hint: a unit is alive as soon as one point gives it z > 0; a unit for
 * which you find none is dead. Mind the ≤: at z = 0, relu gives 0 and a
 * slope of 0, so a unit that only touches 0 is dead too.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "dead-units.h"

#include <stdbool.h>
#include <stddef.h>

#include "data.h"
#include "network.h"

size_t count_dead_units(const Network *net, const double *a, const Dataset *data)
{
    /* TODO: your code here */
    (void)net;
    (void)a;
    (void)data;
    return 0;
}
