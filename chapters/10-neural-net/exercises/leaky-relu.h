/* leaky-relu.h — exercise ch10/leaky-relu (the task is in leaky-relu.c). */
#ifndef EXERCISE_LEAKY_RELU_H
#define EXERCISE_LEAKY_RELU_H

#include "tape.h"

/* u where u > 0, slope·u elsewhere: recorded on the tape as one node with
 * its local derivative. u: a node on tape (TAPE_NONE gives TAPE_NONE) */
Var tape_leaky_relu(Tape *tape, Var u, double slope);

#endif
