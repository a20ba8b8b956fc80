/* Solution to ch10/dead-units: a unit is dead unless some point gives it z > 0. */
#include "dead-units.h"

#include <stdbool.h>
#include <stddef.h>

#include "data.h"
#include "network.h"

size_t count_dead_units(const Network *net, const double *a, const Dataset *data)
{
    size_t dead = 0;
    for (size_t j = 0; j < net->hidden; j++) {
        bool alive = false;
        for (size_t i = 0; i < data->n && !alive; i++)
            alive = a[network_w1(net, j)] * data->x[2 * i] + a[network_b1(net, j)] > 0.0;
        dead += !alive;
    }
    return dead;
}
