/* dead-units.h — exercise ch10/dead-units (the task is in dead-units.c). */
#ifndef EXERCISE_DEAD_UNITS_H
#define EXERCISE_DEAD_UNITS_H

#include <stddef.h>

#include "data.h"
#include "network.h"

/* How many hidden units of the ReLU network net, with parameters a (laid out
 * as code/network.h says), are dead on data: w1_j·x1 + b1_j ≤ 0 at every
 * point. a: network_size(net) */
size_t count_dead_units(const Network *net, const double *a, const Dataset *data);

#endif
